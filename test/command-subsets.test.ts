// Manifests with only some kinds of command: a side that sends nothing, a
// direction where no command has a body, a single command. Each generates,
// with protoc-gen-es beside it as a user runs them, and the output passes
// tsc --strict with noUnusedLocals and noUnusedParameters (as the netsvr
// package's own tsconfig): the core without Node types, the Node client with.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bufBin, repoRoot } from "./support/run-plugin.js";
import { strictCompilerOptions, tscErrors } from "./support/tsc.js";

const chatProto = `syntax = "proto3";
package chat;
message Join { string nick = 1; }
message Joined { uint32 members = 1; }
message Said { string nick = 1; string text = 2; }
`;

const said = "  - { name: Said, id: 1, kind: event, message: chat.Said }";
const tick = "  - { name: Tick, id: 5, kind: event, message: null }";
const say = "  - { name: Say, id: 2, kind: oneway, message: chat.Said }";
const poke = "  - { name: Poke, id: 6, kind: oneway, message: null }";
const join_ = "  - { name: Join, id: 3, kind: request, request: chat.Join, response: chat.Joined }";
const count = "  - { name: Count, id: 4, kind: request, request: null, response: chat.Joined }";
const ping = 'heartbeat:\n  ping: "ping"\n';
const pingPong = 'heartbeat:\n  ping: "ping"\n  pong: "pong"\n';

/** Each subset: its commands, and a heartbeat section or "". */
const subsets: Record<string, readonly [heartbeat: string, ...commands: string[]]> = {
  "every kind": ["", said, tick, say, poke, join_, count],
  "only one-way commands": ["", say, poke],
  "only one-way commands, with ping and pong": [pingPong, say],
  "only events": ["", said],
  "only events, with a ping (the client sends nothing else)": [ping, said, tick],
  "only requests": ["", join_, count],
  "no events": ["", say, join_],
  "no requests": ["", said, say],
  "no one-way commands": ["", said, join_],
  "a single bodiless event (no message at all)": ["", tick],
  "a single bodiless one-way command, with a ping": [ping, poke],
  "a single bodiless request": ["", count],
  "a single bodiless request, with ping and pong": [pingPong, count],
};

const dirOf = (name: string) => name.replace(/[^a-z]+/g, "-").replace(/^-|-$/g, "");

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "netsvr-subsets-"));
  mkdirSync(join(work, "proto"));
  writeFileSync(join(work, "proto/buf.yaml"), "version: v2\n");
  writeFileSync(join(work, "proto/chat.proto"), chatProto);
  symlinkSync(join(repoRoot, "node_modules"), join(work, "node_modules"));
  // One buf generate: protoc-gen-es once, protoc-gen-netsvr once per manifest.
  const plugins = [`  - local: protoc-gen-es\n    out: es\n    opt: [target=ts, import_extension=js]`];
  for (const [name, [heartbeat, ...commands]] of Object.entries(subsets)) {
    const manifest = `manifests/${dirOf(name)}.yaml`;
    mkdirSync(join(work, "manifests"), { recursive: true });
    writeFileSync(join(work, manifest), `version: 1\n${heartbeat}commands:\n${commands.join("\n")}\n`);
    plugins.push(`  - local: protoc-gen-netsvr\n    out: ${dirOf(name)}/gen\n    strategy: all\n    opt: [target=ts, import_extension=js, manifest=${manifest}]`);
  }
  writeFileSync(join(work, "buf.gen.yaml"), `version: v2\ninputs:\n  - directory: proto\nplugins:\n${plugins.join("\n")}\n`);
  const env = { ...process.env, PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env["PATH"] ?? ""}` };
  execFileSync(bufBin, ["generate"], { cwd: work, env, stdio: "pipe" });
  for (const name of Object.keys(subsets)) {
    for (const file of readdirSync(join(work, "es"))) {
      execFileSync("cp", [join(work, "es", file), join(work, dirOf(name), "gen", file)]);
    }
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const compilerOptions = strictCompilerOptions;

/** tsc's error lines for a tsconfig written into the work directory. */
function tsc(project: string, config: object): string[] {
  return tscErrors(work, project, config);
}

describe("manifests with only some kinds of command", () => {
  let core: string[];
  let node: string[];
  beforeAll(() => {
    const dirs = Object.keys(subsets).map(dirOf);
    // The core is browser-safe: no Node types. The Node client files need them.
    core = tsc("tsconfig.json", { compilerOptions, include: dirs.map((d) => `${d}/gen`), exclude: dirs.map((d) => `${d}/gen/node*.ts`) });
    node = tsc("tsconfig.node.json", { compilerOptions: { ...compilerOptions, types: ["node"] }, files: dirs.map((d) => `${d}/gen/node.ts`) });
  });

  test("every subset generated the whole output", () => {
    for (const name of Object.keys(subsets)) {
      expect(readdirSync(join(work, dirOf(name), "gen")).sort(), name).toEqual(
        expect.arrayContaining(["chat_pb.ts", "codec.ts", "commands.ts", "decode.ts", "encode.ts", "index.ts", "node.ts", "router.ts", "schemas.ts", "splitter.ts"]),
      );
    }
  });

  test.each(Object.keys(subsets))("%s: tsc --strict --noUnusedLocals --noUnusedParameters, core and Node client", (name) => {
    const mine = [...core, ...node].filter((line) => line.startsWith(`${dirOf(name)}/`));
    expect(mine).toEqual([]);
  });
});
