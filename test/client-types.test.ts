/**
 * Type-level tests of the Node client entry points (netsvr-protocol/<v>/node),
 * through the package's exports map like a consumer with @types/node: what a
 * connection type accepts, per version and per v6 port, and no any in the
 * client's declarations. Snippets live only in the project's memory.
 */
import { join } from "node:path";
import { Project, ts } from "ts-morph";
import { beforeAll, describe, expect, test } from "vitest";
import { protocolVersions } from "./support/protocols.js";
import { repoRoot } from "./support/repo.js";

const snippetDir = join(repoRoot, "test/__client_type_snippets__");
const ERROR = "/*ERROR*/";

interface Snippet {
  readonly name: string;
  readonly code: string;
}

const v2Prelude = `
import { Cmd, type CheckOnlineResp, type RegisterResp, type UniqIdCountResp, type Transfer } from "netsvr-protocol/v2";
import { connect, createCluster, ClientError, RegistrationError, type BusinessClient } from "netsvr-protocol/v2/node";
declare const client: BusinessClient;
const bytes = new Uint8Array(1);
`;

const v6Prelude = `
import { Cmd, Event, type UniqIdCountResp, type RegisterResp } from "netsvr-protocol/v6";
import { connectTask, connectWorker, createCluster, type TaskClient, type WorkerClient, type TaskCluster } from "netsvr-protocol/v6/node";
declare const worker: WorkerClient;
declare const task: TaskClient;
declare const cluster: TaskCluster;
const bytes = new Uint8Array(1);
`;

const mustCompile: Snippet[] = [
  {
    name: "v2: every call with its own body and answer type",
    code: `${v2Prelude}
async function main(): Promise<void> {
  const cluster0 = await createCluster([{ host: "a", port: 1, uniqIdPrefix: "01" }], { maxKnownOwners: 10 });
  const c: BusinessClient = await connect({ host: "127.0.0.1", port: 6061, reconnect: { initialDelay: 10 }, highWaterMark: 1 << 20 });
  c.send(Cmd.SingleCast, { uniqId: "u", data: bytes });
  const count: UniqIdCountResp = await c.request(Cmd.UniqIdCount);
  const withOptions: UniqIdCountResp = await c.request(Cmd.UniqIdCount, undefined, { timeout: 5, signal: AbortSignal.timeout(5) });
  const online: CheckOnlineResp = await c.request(Cmd.CheckOnline, { uniqIds: ["u"] }, { timeout: 10 });
  const registered: RegisterResp = await c.register({ workerId: 1, serverId: 1 });
  const registerId: string | undefined = c.registered?.response.registerId;
  c.on(Cmd.Transfer, (body: Transfer, frame) => { const n: "Transfer" = frame.name; void n; void body.data; });
  c.on("disconnect", (error: Error | undefined) => void error);
  c.on(Cmd.ConnOpen, async (body) => { await Promise.resolve(body.uniqId); });
  c.on("stall", ({ queuedEvents, pausedFor }) => void [queuedEvents, pausedFor]);
  const skipped: number = c.stats.oversizedFrames;
  const topics = await cluster0.requestAll(Cmd.TopicCount);
  void skipped; void topics;
  for await (const event of c.events(Cmd.ConnOpen, Cmd.ConnClose)) {
    const name: "ConnOpen" | "ConnClose" = event.name;
    const uniqId: string = event.body.uniqId;
    void name; void uniqId;
  }
  if (!c.writable) await c.drain();
  const cluster = await createCluster([{ host: "a", port: 1, uniqIdPrefix: "01" }]);
  const total: UniqIdCountResp = await cluster.request(Cmd.UniqIdCount);
  const each = await cluster.requestAll(Cmd.UniqIdCount);
  for (const result of each) if (result.ok) { const n: number = result.value.count; void n; }
  void count; void withOptions; void online; void registered; void registerId; void total;
  try { await c.close(); } catch (error) { if (error instanceof ClientError) { const code: string = error.code; void code; } if (error instanceof RegistrationError) void error.code; }
}
void main;
`,
  },
  {
    name: "v6: a worker connection registers and gets events; a task connection sends and queries",
    code: `${v6Prelude}
async function main(): Promise<void> {
  const w: WorkerClient = await connectWorker({ host: "127.0.0.1", port: 6061 });
  const t: TaskClient = await connectTask({ host: "127.0.0.1", port: 6062 });
  const registered: RegisterResp = await w.register({ events: Event.OnOpen | Event.OnMessage });
  const connId: string = registered.connId;
  w.on(Cmd.Transfer, (body) => t.send(Cmd.SingleCast, { uniqId: body.uniqId, data: body.data }));
  const count: UniqIdCountResp = await t.request(Cmd.UniqIdCount);
  const c = await createCluster([{ host: "127.0.0.1", port: 6062 }]);
  c.send(Cmd.SingleCast, { uniqId: "u", data: bytes });
  void connId; void count;
}
void main;
`,
  },
];

const mustNotCompile: Snippet[] = [
  { name: "v2: send() refuses a request command", code: `${v2Prelude}client.send(${ERROR}Cmd.CheckOnline, { uniqIds: [] });\n` },
  { name: "v2: request() refuses a one-way command", code: `${v2Prelude}void client.request(${ERROR}Cmd.SingleCast, { uniqId: "u" });\n` },
  { name: "v2: send() refuses the wrong body", code: `${v2Prelude}client.send(Cmd.SingleCast, { ${ERROR}uniqIds: ["u"] });\n` },
  { name: "v2: a request without body takes no body", code: `${v2Prelude}void client.request(Cmd.UniqIdCount, ${ERROR}{ count: 1 });\n` },
  { name: "v2: a one-way command needs its body", code: `${v2Prelude}${ERROR}client.send(Cmd.SingleCast);\n` },
  { name: "v2: the answer has the paired type", code: `${v2Prelude}async function f(): Promise<void> { const ${ERROR}r: CheckOnlineResp = await client.request(Cmd.UniqIdCount); void r; }\nvoid f;\n` },
  { name: "v2: on() takes events only", code: `${v2Prelude}client.on(${ERROR}Cmd.SingleCast, () => {});\n` },
  { name: "v2: an event handler's body is the event's message", code: `${v2Prelude}client.on(Cmd.ConnOpen, (body) => { const d: Uint8Array = body.${ERROR}data; void d; });\n` },
  { name: "v2: register() takes the register request", code: `${v2Prelude}void client.register({ ${ERROR}events: 1 });\n` },
  { name: "v6: a worker connection sends no task commands", code: `${v6Prelude}worker.send(${ERROR}Cmd.SingleCast, { uniqId: "u", data: bytes });\n` },
  { name: "v6: a worker connection makes no task queries", code: `${v6Prelude}void worker.request(${ERROR}Cmd.UniqIdCount);\n` },
  { name: "v6: a task connection cannot register", code: `${v6Prelude}void task.register(${ERROR}{ events: 1 });\n` },
  { name: "v6: a task connection gets no events", code: `${v6Prelude}task.on(${ERROR}Cmd.Transfer, () => {});\n` },
  { name: "v6: the cluster speaks the task port", code: `${v6Prelude}void cluster.request(${ERROR}Cmd.Register, { events: 1 });\n` },
  { name: "v2: cluster.request() refuses a count with no correct merge", code: `${v2Prelude}declare const cl: import("netsvr-protocol/v2/node").BusinessCluster;\nvoid cl.request(${ERROR}Cmd.TopicCount);\n` },
  { name: "v6: cluster.request() refuses Metrics (each gateway's own)", code: `${v6Prelude}void cluster.request(${ERROR}Cmd.Metrics);\n` },
  { name: "v6: cluster.request() refuses CustomerIdCount (a customerId may be on two gateways)", code: `${v6Prelude}void cluster.request(${ERROR}Cmd.CustomerIdCount);\n` },
];

let project: Project;

beforeAll(() => {
  project = new Project({
    compilerOptions: {
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts"],
      // A Node client's consumer has Node's types; nothing else.
      types: ["node"],
      typeRoots: [join(repoRoot, "node_modules/@types")],
      noEmit: true,
    },
  });
  // ESM, as the package is: top-level await and the exports map's "import" conditions.
  project.createSourceFile(join(snippetDir, "package.json"), JSON.stringify({ type: "module" }));
  for (const [i, snippet] of [...mustCompile, ...mustNotCompile].entries()) {
    project.createSourceFile(join(snippetDir, `snippet${i}.ts`), snippet.code.replaceAll(ERROR, ""));
  }
});

function diagnosticsOf(snippet: Snippet): { line: number; text: string }[] {
  const index = [...mustCompile, ...mustNotCompile].indexOf(snippet);
  const file = project.getSourceFileOrThrow(join(snippetDir, `snippet${index}.ts`));
  return project.getProgram().getSemanticDiagnostics(file).concat(project.getProgram().getSyntacticDiagnostics(file)).map((d) => ({
    line: d.getLineNumber() ?? 0,
    text: ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n"),
  }));
}

describe("client types", () => {
  test.each(mustCompile.map((s) => [s.name, s] as const))("compiles: %s", (_name, snippet) => {
    expect(diagnosticsOf(snippet)).toEqual([]);
  });

  test.each(mustNotCompile.map((s) => [s.name, s] as const))("does not compile: %s", (_name, snippet) => {
    const diagnostics = diagnosticsOf(snippet);
    expect(diagnostics.length, "it must fail to compile").toBeGreaterThan(0);
    // Exactly on the marked line: an error elsewhere (a typo in the snippet) cannot pass for it.
    const marked = snippet.code.split("\n").findIndex((line) => line.includes(ERROR)) + 1;
    expect([...new Set(diagnostics.map((d) => d.line))], diagnostics.map((d) => d.text).join("\n")).toEqual([marked]);
  });
});

describe.each(protocolVersions)("client declarations $version", ({ dist }) => {
  test("no type written in the client's declarations resolves to any", () => {
    // Both netsvr manifests declare routing, so both have the cluster.
    const files = ["node.d.ts", "node-client.d.ts", "node-cluster.d.ts"];
    const problems = files.flatMap((name) => {
      const file = project.addSourceFileAtPath(join(repoRoot, dist, name));
      return file
        .getDescendants()
        .filter((node) => ts.isTypeNode(node.compilerNode) && node.getType().isAny())
        .map((node) => `${name}:${node.getStartLineNumber()}: ${node.getText().slice(0, 80)}`);
    });
    expect(problems).toEqual([]);
  });
});
