// The chat application protocol's target=ts output (both manifests, with
// protoc-gen-es beside it as a user runs them) passes tsc with every strict
// option a consumer may turn on, on lib ES2022 alone: no DOM and no Node
// types, so it type-checks for a browser, a worker or Node alike. Then
// consumer code proves the types, each @ts-expect-error next to the
// correct call it spoils: an unused directive (TS2578) fails like an error.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bufBin, repoRoot } from "./support/run-plugin.js";
import { strictCompilerOptions, tscErrors } from "./support/tsc.js";

const encodings = ["json", "binary"] as const;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "netsvr-app-compiles-"));
  // ES modules, as the generated imports are: verbatimModuleSyntax under NodeNext needs it said.
  writeFileSync(join(work, "package.json"), '{ "type": "module" }\n');
  symlinkSync(join(repoRoot, "node_modules"), join(work, "node_modules"));
  // The committed netsvr v6 sources, for customerLink(): a consumer's business imports them beside its app protocol.
  symlinkSync(join(repoRoot, "generated/src/v6"), join(work, "v6"));
  mkdirSync(join(work, "proto"));
  writeFileSync(join(work, "proto/buf.yaml"), "version: v2\n");
  copyFileSync(join(repoRoot, "examples/chat/proto/chat.proto"), join(work, "proto/chat.proto"));
  const plugins: string[] = [];
  for (const encoding of encodings) {
    copyFileSync(join(repoRoot, `examples/chat/proto/chat.${encoding}.manifest.yaml`), join(work, `chat.${encoding}.manifest.yaml`));
    plugins.push(`  - local: protoc-gen-es\n    out: ${encoding}\n    opt: [target=ts, import_extension=js]`);
    plugins.push(`  - local: protoc-gen-netsvr\n    out: ${encoding}\n    strategy: all\n    opt: [target=ts, import_extension=js, manifest=chat.${encoding}.manifest.yaml]`);
  }
  writeFileSync(join(work, "buf.gen.yaml"), `version: v2\ninputs:\n  - directory: proto\nplugins:\n${plugins.join("\n")}\n`);
  const env = { ...process.env, PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env["PATH"] ?? ""}` };
  execFileSync(bufBin, ["generate"], { cwd: work, env, stdio: "pipe" });
  writeFileSync(join(work, "consumer.ts"), consumer);
  writeFileSync(join(work, "consumer-node.ts"), consumerNode);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const compilerOptions = {
  ...strictCompilerOptions,
  noImplicitOverride: true,
  isolatedModules: true,
  isolatedDeclarations: true,
  declaration: true,
  verbatimModuleSyntax: true,
};

/** tsc's error lines for a tsconfig written into the work directory. */
function tsc(project: string, config: object): string[] {
  return tscErrors(work, project, config);
}

describe("the chat protocol's target=ts output", () => {
  test.each(encodings)("%s: tsc --strict with isolatedDeclarations and verbatimModuleSyntax, lib ES2022 only, no DOM or Node types", (encoding) => {
    expect(tsc(`tsconfig.${encoding}.json`, { compilerOptions, include: [encoding] })).toEqual([]);
  });
});

describe("the types a consumer sees", () => {
  test("customer and business: bodies, kinds, pushes and answers (no DOM or Node types)", () => {
    expect(tsc("tsconfig.consumer.json", { compilerOptions, files: ["consumer.ts"] })).toEqual([]);
  });

  test("customerLink() of netsvr v6: its sender and target types reach the router (Node types)", () => {
    expect(tsc("tsconfig.consumer-node.json", { compilerOptions: { ...compilerOptions, types: ["node"] }, files: ["consumer-node.ts"] })).toEqual([]);
  });
});

const consumer = `import { AppError, createBusinessRouter, type BusinessHandlers, type CustomerLink } from "./json/business.js";
import type { CustomerConnection } from "./json/customer.js";
import { Cmd } from "./json/commands.js";
import type { CustomerConnection as BinaryCustomer } from "./binary/customer.js";

declare const customer: CustomerConnection;

export async function customerSide(): Promise<string> {
  customer.send(Cmd.Say, { room: "lobby", text: "hi" });
  // @ts-expect-error Say has no field txt
  customer.send(Cmd.Say, { room: "lobby", txt: "hi" });
  // @ts-expect-error SignIn is a request: send() takes one-way commands only
  customer.send(Cmd.SignIn, { name: "ann" });
  const answer = await customer.request(Cmd.SignIn, { name: "ann" });
  // @ts-expect-error Say is one-way: it cannot be requested
  await customer.request(Cmd.Say, { room: "lobby", text: "hi" });
  // @ts-expect-error the answer to SignIn has no field room
  void answer.room;
  customer.on(Cmd.Said, (said) => void said.text);
  // @ts-expect-error SignIn is not a push
  customer.on(Cmd.SignIn, () => {});
  customer.on("close", (info) => void info.code);
  return answer.user;
}

// The binary protocol has the same types.
export function binarySide(other: BinaryCustomer): void {
  other.send(Cmd.Leave, { room: "lobby" });
  // @ts-expect-error Presence is a push, not a one-way command
  other.send(Cmd.Presence, { room: "lobby" });
}

type Sender = { readonly uniqId: string };
type Target = "all" | { readonly uniqId: string };
declare const link: CustomerLink<Sender, Target>;

export const handlers: BusinessHandlers<Sender> = {
  SignIn: ({ name }) => {
    if (name === "") throw new AppError("bad-name", "a name is required");
    return { user: name, rooms: ["lobby"] };
  },
  Join: async ({ room }, sender) => ({ room, members: [sender.uniqId] }),
  Say: ({ text }, sender) => void [text, sender.uniqId],
};

export function businessSide(): void {
  const router = createBusinessRouter(link, handlers);
  router.push("all", Cmd.Said, { room: "lobby", text: "hi" });
  router.pushTo({ uniqId: "u" }, Cmd.Presence, { room: "lobby", joined: true });
  // @ts-expect-error SignIn is a request, not a push
  router.push("all", Cmd.SignIn, { user: "ann" });
  // @ts-expect-error Said has no field txt
  router.push("all", Cmd.Said, { room: "lobby", txt: "hi" });
  // @ts-expect-error not a target of this link
  router.push("everyone", Cmd.Said, { room: "lobby" });
  createBusinessRouter(link, {
    // @ts-expect-error SignIn answers a SignInResponse: user is a string
    SignIn: () => ({ user: 42 }),
  });
  createBusinessRouter(link, {
    // @ts-expect-error a one-way handler answers nothing: it has no body to answer with
    Leave: ({ room }) => room,
  });
  createBusinessRouter(link, {
    // @ts-expect-error handlers are for what customers send; Said is a push
    Said: () => {},
  });
  createBusinessRouter(link, {
    // @ts-expect-error the request's body is a JoinRequest: it has room, not name
    Join: ({ name }) => ({ room: name }),
  });
}
`;

const consumerNode = `import { createBusinessRouter } from "./json/business.js";
import { Cmd } from "./json/commands.js";
import { customerLink, type TaskClient, type TaskCluster, type WorkerClient } from "./v6/node.js";

declare const worker: WorkerClient;
declare const task: TaskClient;
declare const cluster: TaskCluster;

export function business(): void {
  const router = createBusinessRouter(customerLink([worker, worker], task), {
    SignIn: ({ name }, sender) => ({ user: \`\${name}:\${sender.uniqId}:\${sender.customerId}:\${sender.session}:\${sender.topics.join()}\` }),
    // @ts-expect-error the sender is the Transfer event without its data
    Join: ({ room }, sender) => ({ room, members: [String(sender.data)] }),
  });
  router.push({ uniqId: "u" }, Cmd.Said, { text: "to one connection" });
  router.push({ uniqIds: ["u", "v"] }, Cmd.Said, { text: "to several" });
  router.push({ customerId: "c" }, Cmd.Said, { text: "to a customer's connections" });
  router.push({ customerIds: ["c", "d"] }, Cmd.Said, { text: "to several customers" });
  router.push({ topics: ["lobby"] }, Cmd.Said, { text: "to a topic" });
  router.push("all", Cmd.Said, { text: "to everyone" });
  // @ts-expect-error v6 sends to a topic list, not one topic
  router.push({ topics: "lobby" }, Cmd.Said, { text: "x" });
  // @ts-expect-error v6 has no command that sends to a session
  router.push({ session: "s" }, Cmd.Said, { text: "x" });
  // @ts-expect-error "all" is the only string target
  router.push("everyone", Cmd.Said, { text: "x" });
  // Answers and pushes may also go out through a cluster of task connections.
  customerLink(worker, cluster);
}
`;
