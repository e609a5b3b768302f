import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { CodeGeneratorRequestSchema, CodeGeneratorResponseSchema } from "@bufbuild/protobuf/wkt";
import { describe, expect, onTestFinished, test } from "vitest";
import { UserError } from "../plugin/dist/user-error.js";
import { bufBin, buildImage, repoRoot, runPlugin } from "./support/run-plugin.js";

// Every test checks the whole message a user sees: "file:line:col: entry: reason".
// Fixtures are derived from one small valid manifest by small text edits, so each
// test shows exactly what is broken and line:col can be computed from the text.

/** A valid manifest over the real protos: one command of each kind, a bodiless request, a heartbeat. */
const base = `version: 1
server: gateway
client: business
heartbeat:
  ping: "~3yPvmnz~"
  pong: "~u38NvZ~"
commands:
  - name: ConnOpen
    id: 900001001
    kind: event
    message: netsvr.connOpen.ConnOpen
  - name: Broadcast
    id: 900002003
    kind: oneway
    message: netsvr.broadcast.Broadcast
  - name: Register
    id: 900003001
    kind: request
    request: netsvr.registerReq.RegisterReq
    response: netsvr.registerResp.RegisterResp
  - name: UniqIdList
    id: 900003004
    kind: request
    request: null
    response: netsvr.uniqIdListResp.UniqIdListResp
`;

/** A tiny protocol of its own, to show the plugin is not tied to netsvr's protos. */
const chatProto = `syntax = "proto3";
package chat;
message Join { string nick = 1; }
message Joined { uint32 members = 1; }
message Said { string nick = 1; string text = 2; }
`;

/** Minimal manifest for chatProto: no heartbeat, no commandEnum, default side names. */
const chatManifest = `version: 1
commands:
  - name: Said
    id: 1
    kind: event
    message: chat.Said
  - name: Say
    id: 2
    kind: oneway
    message: chat.Said
  - name: Join
    id: 3
    kind: request
    request: chat.Join
    response: chat.Joined
  - name: Count
    id: 4
    kind: request
    request: null
    response: chat.Joined
`;

/** Replaces text that must occur exactly once, so a stale fixture edit fails loudly instead of testing nothing. */
function edit(text: string, ...replacements: [from: string, to: string][]): string {
  return replacements.reduce((acc, [from, to]) => {
    if (acc.split(from).length !== 2) throw new Error(`fixture edit: ${JSON.stringify(from)} must occur exactly once`);
    return acc.replace(from, () => to);
  }, text);
}

/** "line:col" (1-based) of the one occurrence of needle in text. */
function position(text: string, needle: string): string {
  const i = text.indexOf(needle);
  if (i < 0 || text.indexOf(needle, i + 1) >= 0) throw new Error(`fixture: ${JSON.stringify(needle)} must occur exactly once`);
  const before = text.slice(0, i).split("\n");
  return `${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** A fresh directory, removed when the current test ends. */
function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "netsvr-manifest-errors-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A directory holding these .proto files, for tests that need protos other than the real ones. */
function protoDir(files: Record<string, string>): string {
  const dir = scratchDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

interface Outcome {
  /** CodeGeneratorResponse.error; "" when the plugin generated. */
  readonly error: string;
  /** Generated files by name. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * Runs protoc-gen-netsvr in-process. In-process, plugin.run throws a user error
 * instead of answering with it; the executable's runner (plugin/src/run.ts) turns
 * exactly these throws into CodeGeneratorResponse.error, so this does the same.
 * Any other throw is a crash of the plugin and fails the test.
 */
function generate(parameter: string, protos = "proto/v2"): Outcome {
  try {
    const response = runPlugin(protos, parameter);
    return { error: response.error, files: new Map(response.file.map((f) => [f.name, f.content])) };
  } catch (err) {
    // protoplugin's PluginOptionError is recognised by name, as run.ts does.
    if (err instanceof UserError || (err instanceof Error && err.name === "PluginOptionError")) {
      return { error: err.message, files: new Map() };
    }
    throw err;
  }
}

interface ManifestOutcome extends Outcome {
  /** Where the manifest was written. */
  readonly path: string;
  /** "path:line:col" of needle in the manifest, the prefix the plugin puts before an entry. */
  at(needle: string): string;
}

/** Writes the manifest to a temp file and runs the plugin with target=ts,manifest=<that file>. */
function checkManifest(text: string, { protos = "proto/v2", options = "" } = {}): ManifestOutcome {
  const path = join(scratchDir(), "netsvr.manifest.yaml");
  writeFileSync(path, text);
  const outcome = generate(`target=ts,${options}manifest=${path}`, protos);
  return { ...outcome, path, at: (needle) => `${path}:${position(text, needle)}` };
}

/** Values of netsvr.cmd.Cmd, read from the real protos so the fixtures follow cmd.proto. */
let cmdValues: string[] | undefined;
function cmdValueNames(): string[] {
  cmdValues ??= buildImage("proto/v2")
    .file.flatMap((f) => (f.package === "netsvr.cmd" ? f.enumType : []))
    .find((e) => e.name === "Cmd")!
    .value.map((v) => v.name);
  return cmdValues;
}

/** The Cmd values base does not use as commands: what commandEnum.unused must list for base to be valid. */
function baseUnused(): string[] {
  return cmdValueNames().filter((name) => !base.includes(`name: ${name}\n`));
}

/** Adds a commandEnum section naming netsvr.cmd.Cmd (or another enum) to a manifest. */
function withCommandEnum(text: string, unused = baseUnused(), name = "netsvr.cmd.Cmd"): string {
  return edit(text, ["client: business\n", `client: business\ncommandEnum:\n  name: ${name}\n  unused: [${unused.join(", ")}]\n`]);
}

/** The lines of a multi-problem error. */
function lines(error: string): string[] {
  return error.split("\n");
}

describe("fixtures are valid", () => {
  // Every broken case below is one edit away from these, so they must generate cleanly.
  test("base manifest generates", () => {
    expect(checkManifest(base).error).toBe("");
  });

  test("base manifest with commandEnum netsvr.cmd.Cmd generates", () => {
    expect(checkManifest(withCommandEnum(base)).error).toBe("");
  });
});

describe("reading the manifest file", () => {
  test("missing file", () => {
    const path = join(scratchDir(), "absent.manifest.yaml");
    expect(generate(`target=ts,manifest=${path}`).error).toBe(`${path}: cannot read the command manifest: file not found`);
  });

  test("YAML syntax error reports line and column", () => {
    const text = edit(base, ["kind: event\n", "kind: event: oops\n"]);
    const r = checkManifest(text);
    expect(r.error).toBe(`${r.at("event: oops")}: YAML syntax error: Nested mappings are not allowed in compact mappings`);
  });
});

describe("schema violations", () => {
  test("unknown top-level key", () => {
    const r = checkManifest(`${base}maxFrameSise: 1024\n`);
    expect(r.error).toBe(`${r.at("maxFrameSise")}: maxFrameSise: unknown key "maxFrameSise"`);
  });

  test("unknown key in a command", () => {
    const r = checkManifest(edit(base, ["id: 900003001\n", "id: 900003001\n    timeout: 5\n"]));
    expect(r.error).toBe(`${r.at("timeout")}: commands[2] (Register): unknown key "timeout"`);
  });

  test("missing required key id", () => {
    const r = checkManifest(edit(base, ["    id: 900003001\n", ""]));
    expect(r.error).toBe(`${r.at("name: Register")}: commands[2] (Register): missing key "id"`);
  });

  test("id of the wrong type (a string)", () => {
    const r = checkManifest(edit(base, ["id: 900003001", 'id: "900003001"']));
    expect(r.error).toBe(`${r.at('id: "900003001"')}: commands[2] (Register): "id" must be integer`);
  });

  test("message of the wrong type is one problem, not two contradicting ones", () => {
    // The body is "a name or null"; saying both "must be string" and "must be null" reads as a contradiction.
    const r = checkManifest(edit(base, ["message: netsvr.broadcast.Broadcast", "message: 123"]));
    expect(lines(r.error)).toHaveLength(1);
    expect(r.error).toMatch(/"message" must be .*null/);
    expect(r.error.startsWith(`${r.at("message: 123")}: commands[1] (Broadcast): "message" must be `)).toBe(true);
  });

  test("kind not in the enum is reported alone", () => {
    // A misspelt kind says nothing about which keys belong, so the keys of the
    // request must not be blamed as if the command were an event or oneway.
    const r = checkManifest(edit(base, ["kind: request\n    request: netsvr.registerReq", "kind: reqest\n    request: netsvr.registerReq"]));
    expect(r.error).toBe(`${r.at("kind: reqest")}: commands[2] (Register): "kind" must be one of "event", "oneway", "request"`);
  });

  test("message on a request command", () => {
    // Writing message: where request: belongs; both halves of the mistake are reported.
    const text = edit(base, ["    request: netsvr.registerReq.RegisterReq", "    message: netsvr.registerReq.RegisterReq"]);
    const r = checkManifest(text);
    expect(lines(r.error)).toEqual([
      `${r.at("name: Register")}: commands[2] (Register): missing key "request" (write request: null for a frame without body)`,
      `${r.at("message: netsvr.registerReq")}: commands[2] (Register): "message" does not belong to a command of this kind (event and oneway take "message"; request takes "request" and "response")`,
    ]);
  });

  test("request missing on a bodiless request (the schema wants an explicit request: null)", () => {
    const r = checkManifest(edit(base, ["    request: null\n", ""]));
    expect(r.error).toBe(`${r.at("name: UniqIdList")}: commands[3] (UniqIdList): missing key "request" (write request: null for a frame without body)`);
  });

  test("bodiless response (response: null)", () => {
    const r = checkManifest(edit(base, ["response: netsvr.registerResp.RegisterResp", "response: null"]));
    expect(r.error).toBe(`${r.at("response: null")}: commands[2] (Register): "response" must be a fully-qualified message name: a response always has a body`);
  });

  test("command name not PascalCase", () => {
    const r = checkManifest(edit(base, ["name: Broadcast", "name: broadcast_all"]));
    expect(r.error).toBe(
      `${r.at("name: broadcast_all")}: commands[1] (broadcast_all): "name" is not a valid command name (PascalCase letters and digits)`,
    );
  });
});

describe("protocol checks", () => {
  test("duplicate command name", () => {
    const r = checkManifest(edit(base, ["name: UniqIdList", "name: Register"]));
    const [first, second] = [`${r.path}:${position(base, "name: Register")}`, `${r.path}:${position(base, "name: UniqIdList")}`];
    expect(r.error).toBe(`${second}: commands[3] (Register): duplicate command name "Register" (first at ${first}: commands[2] (Register))`);
  });

  test("duplicate command id", () => {
    const r = checkManifest(edit(base, ["id: 900003004", "id: 900003001"]));
    expect(r.error).toBe(
      `${r.at("name: UniqIdList")}: commands[3] (UniqIdList): duplicate command id 900003001, already used by Register (${r.at("name: Register")}: commands[2] (Register))`,
    );
  });

  test("message not found among the protos", () => {
    const r = checkManifest(edit(base, ["netsvr.registerResp.RegisterResp", "netsvr.registerResp.RegisterResponse"]));
    expect(r.error).toBe(
      `${r.at("name: Register")}: commands[2] (Register): response "netsvr.registerResp.RegisterResponse" is not a message in the given protos`,
    );
  });

  test("message not found, but its short name exists in another package: did you mean", () => {
    const r = checkManifest(edit(base, ["message: netsvr.broadcast.Broadcast", "message: netsvr.Broadcast"]));
    expect(r.error).toBe(
      `${r.at("name: Broadcast")}: commands[1] (Broadcast): message "netsvr.Broadcast" is not a message in the given protos; did you mean "netsvr.broadcast.Broadcast"?`,
    );
  });

  test("heartbeat ping equal to pong", () => {
    const r = checkManifest(edit(base, ['pong: "~u38NvZ~"', 'pong: "~3yPvmnz~"']));
    expect(r.error).toBe(`${r.at('pong: "~3yPvmnz~"')}: heartbeat: ping and pong must differ, both are "~3yPvmnz~"`);
  });

  test("a command named Ping or Pong while a heartbeat is declared", () => {
    const text = edit(base, ["name: Broadcast", "name: Ping"], ["name: ConnOpen", "name: Pong"]);
    const r = checkManifest(text);
    expect(lines(r.error)).toEqual([
      `${r.at("name: Pong")}: commands[0] (Pong): the name "Pong" is reserved for heartbeat frames when the manifest declares a heartbeat`,
      `${r.at("name: Ping")}: commands[1] (Ping): the name "Ping" is reserved for heartbeat frames when the manifest declares a heartbeat`,
    ]);
    // Without a heartbeat there are no heartbeat frames, so the names are free.
    const withoutHeartbeat = edit(text, ['heartbeat:\n  ping: "~3yPvmnz~"\n  pong: "~u38NvZ~"\n', ""]);
    expect(checkManifest(withoutHeartbeat).error).toBe("");
  });
});

describe("commandEnum cross-check", () => {
  test("id that disagrees with netsvr.cmd.Cmd", () => {
    const r = checkManifest(edit(withCommandEnum(base), ["id: 900003001", "id: 900003002"]));
    expect(r.error).toBe(`${r.at("name: Register")}: commands[2] (Register): id 900003002 disagrees with netsvr.cmd.Cmd.Register = 900003001`);
  });

  test("command name that is not a value of the enum", () => {
    const r = checkManifest(edit(withCommandEnum(base), ["name: Broadcast", "name: BroadcastAll"]));
    // Renaming also leaves Cmd.Broadcast without a command; both are true and both are reported.
    expect(lines(r.error)).toEqual([
      `${r.at("name: BroadcastAll")}: commands[1] (BroadcastAll): netsvr.cmd.Cmd has no value named BroadcastAll`,
      `${r.at("commandEnum:")}: commandEnum: netsvr.cmd.Cmd.Broadcast = 900002003 is not in commands; add it, or list it under commandEnum.unused if it is not a command`,
    ]);
  });

  test("enum value missing from the manifest and not listed as unused", () => {
    const r = checkManifest(withCommandEnum(base, baseUnused().filter((name) => name !== "Placeholder")));
    expect(r.error).toBe(
      `${r.at("commandEnum:")}: commandEnum: netsvr.cmd.Cmd.Placeholder = 0 is not in commands; add it, or list it under commandEnum.unused if it is not a command`,
    );
  });

  test("unused entry that is not a value of the enum", () => {
    const r = checkManifest(withCommandEnum(base, [...baseUnused(), "Heartbeat"]));
    expect(r.error).toBe(`${r.at("Heartbeat")}: commandEnum: unused names "Heartbeat", which is not a value of netsvr.cmd.Cmd`);
  });

  test("unused entry that is also a command", () => {
    // unused means "this value is not a command"; listing a command there contradicts
    // the commands list (typically a stale entry) and should not pass silently.
    const r = checkManifest(withCommandEnum(base, [...baseUnused(), "Register"]));
    expect(lines(r.error)).toHaveLength(1);
    expect(r.error.startsWith(`${r.at("Register]")}: commandEnum: `)).toBe(true);
    expect(r.error).toMatch(/unused.*"Register"|"Register".*unused/);
  });

  test("commandEnum naming an enum that does not exist", () => {
    const r = checkManifest(withCommandEnum(base, baseUnused(), "netsvr.cmd.Command"));
    expect(r.error).toBe(`${r.at("name: netsvr.cmd.Command")}: commandEnum: "netsvr.cmd.Command" is not an enum in the given protos`);
  });
});

describe("connection rules: ports, registration, routing, merge, extraTypes", () => {
  /** base with every connection rule declared, valid. */
  const rules = edit(
    base,
    [
      "commands:\n",
      `ports:
  worker: registration and events.
  task: everything else.
registration:
  register: Register
  unregister: Register
  status: code
  unregisterFields:
    workerId: request.workerId
routing:
  field: uniqId
  prefixLength: 2
extraTypes:
  - netsvr.connOpenResp.ConnOpenResp
commands:
`,
    ],
    ["kind: event\n", "kind: event\n    port: worker\n"],
    ["kind: oneway\n", "kind: oneway\n    port: task\n"],
    ["kind: request\n    request: netsvr.registerReq", "kind: request\n    port: worker\n    request: netsvr.registerReq"],
    ["kind: request\n    request: null", "kind: request\n    port: task\n    request: null"],
    ["response: netsvr.uniqIdListResp.UniqIdListResp\n", "response: netsvr.uniqIdListResp.UniqIdListResp\n    merge: { serverId: omit, uniqIds: concat }\n"],
  ).concat(`  - name: SingleCast
    id: 900002005
    kind: oneway
    port: task
    message: netsvr.singleCast.SingleCast
`);
  /** v2 has no ConnOpenResp (a v6 message), so the valid fixture offers a v2 enum instead. */
  const valid = edit(rules, ["netsvr.connOpenResp.ConnOpenResp", "netsvr.registerResp.RegisterRespCode"]);

  test("a manifest with every rule generates the port tables and one connect function per port", () => {
    const r = checkManifest(valid);
    expect(r.error).toBe("");
    expect(r.files.get("commands.ts")).toContain('export type Port = "worker" | "task";');
    expect(r.files.get("node.ts")).toContain("export async function connectWorker(");
    expect(r.files.get("node.ts")).toContain("export async function connectTask(");
  });

  test("port without a ports map", () => {
    const r = checkManifest(edit(base, ["kind: oneway\n", "kind: oneway\n    port: task\n"]));
    expect(r.error).toBe(`${r.at("name: Broadcast")}: commands[1] (Broadcast): "port" needs a top-level "ports" map that declares it`);
  });

  test("ports declared, a command without port", () => {
    const r = checkManifest(edit(valid, ["kind: oneway\n    port: task\n    message: netsvr.broadcast", "kind: oneway\n    message: netsvr.broadcast"]));
    expect(r.error).toBe(`${r.at("name: Broadcast")}: commands[1] (Broadcast): missing key "port" (one of worker, task), required when the manifest declares ports`);
  });

  test("port that is not declared", () => {
    const r = checkManifest(edit(valid, ["port: task\n    request: null", "port: tasks\n    request: null"]));
    expect(r.error).toBe(`${r.at("name: UniqIdList")}: commands[3] (UniqIdList): port "tasks" is not one of the declared ports (worker, task)`);
  });

  test("registration names a command that is not a request", () => {
    const r = checkManifest(edit(valid, ["unregister: Register", "unregister: Broadcast"]));
    expect(r.error).toBe(`${r.at("unregister: Broadcast")}: registration: Broadcast is a oneway command, not a request`);
  });

  test("registration status that is not an enum field", () => {
    const r = checkManifest(edit(valid, ["status: code", "status: message"]));
    expect(r.error).toBe(`${r.at("status: message")}: registration: netsvr.registerResp.RegisterResp has no enum field "message"`);
  });

  test("unregisterFields: a field the unregister request lacks, and a type mismatch", () => {
    const r = checkManifest(edit(valid, ["    workerId: request.workerId\n", "    nosuch: request.workerId\n    workerId: response.message\n"]));
    expect(lines(r.error)).toEqual([
      `${r.at("nosuch: request")}: registration: the Register request has no field "nosuch"`,
      `${r.at("workerId: response")}: registration: string response.message cannot fill int32 workerId`,
    ]);
  });

  test("routing field that no body has", () => {
    const r = checkManifest(edit(valid, ["field: uniqId", "field: connId"]));
    expect(r.error).toBe(`${r.at("field: connId")}: routing: no command body has a string field "connId"`);
  });

  test("merge rules: a missing field, a rule that does not fit its field, a field without a rule", () => {
    const r = checkManifest(edit(valid, ["merge: { serverId: omit, uniqIds: concat }", "merge: { total: sum, uniqIds: sum }"]));
    expect(lines(r.error)).toEqual([
      `${r.at("name: UniqIdList")}: commands[3] (UniqIdList): merge: netsvr.uniqIdListResp.UniqIdListResp has no field "total"`,
      `${r.at("name: UniqIdList")}: commands[3] (UniqIdList): merge.uniqIds: sum needs a number or a map with number values; netsvr.uniqIdListResp.UniqIdListResp.uniqIds is a list of string`,
      `${r.at("name: UniqIdList")}: commands[3] (UniqIdList): merge: no rule for netsvr.uniqIdListResp.UniqIdListResp.serverId (sum, union, concat, unique, omit, or rules for its fields)`,
    ]);
  });

  test("merge rules for the fields of a field that is not a message", () => {
    const r = checkManifest(edit(valid, ["merge: { serverId: omit, uniqIds: concat }", "merge: { serverId: omit, uniqIds: { a: sum } }"]));
    expect(r.error).toBe(
      `${r.at("name: UniqIdList")}: commands[3] (UniqIdList): merge.uniqIds: rules for fields need a message or a map of messages; netsvr.uniqIdListResp.UniqIdListResp.uniqIds is a list of string`,
    );
  });

  test("merge that is neither none nor rules", () => {
    const r = checkManifest(edit(valid, ["merge: { serverId: omit, uniqIds: concat }", "merge: { serverId: drop, uniqIds: concat }"]));
    expect(r.error).toBe(
      `${r.at("merge:")}: commands[3] (UniqIdList): "merge" must be "none", or map every field of the response to sum, union, concat, unique, omit, or the rules of its message's fields`,
    );
  });

  test("with routing, a request without merge", () => {
    const r = checkManifest(edit(valid, ["\n    merge: { serverId: omit, uniqIds: concat }", ""]));
    expect(r.error).toBe(
      `${r.at("name: UniqIdList")}: commands[3] (UniqIdList): missing key "merge", required for requests when the manifest declares routing (rules for the answer's fields, or "none")`,
    );
  });

  test("routing renames, learnFrom and forgetOn that do not fit", () => {
    const r = checkManifest(edit(valid, ["prefixLength: 2\n", "prefixLength: 2\n  renames: { Broadcast: data, SingleCast: data }\n  learnFrom: [SingleCast]\n"]));
    expect(lines(r.error)).toEqual([
      `${r.at("Broadcast: data")}: routing: "Broadcast" is not a one-way command whose body has "uniqId"`,
      `${r.at("SingleCast: data")}: routing: netsvr.singleCast.SingleCast has no string field "data"`,
      `${r.at("SingleCast]")}: routing: "SingleCast" is not an event whose body has a string field "uniqId"`,
    ]);
  });

  test("routing learnFrom: an event of another port than the cluster's cannot teach it", () => {
    const r = checkManifest(edit(valid, ["prefixLength: 2\n", "prefixLength: 2\n  learnFrom: [ConnOpen]\n"]));
    expect(r.error).toBe(`${r.at("ConnOpen]")}: routing: ConnOpen arrives on the worker port, the cluster connects to the task port`);
  });

  test("registration concurrency that is not a number field of the register request", () => {
    const r = checkManifest(edit(valid, ["status: code\n", "status: code\n  concurrency: serverIds\n"]));
    expect(r.error).toBe(`${r.at("concurrency: serverIds")}: registration: netsvr.registerReq.RegisterReq has no number field "serverIds"`);
  });

  test("maxFrameSize per direction, and one that is neither form", () => {
    expect(checkManifest(edit(valid, ["version: 1\n", "version: 1\nmaxFrameSize: { toServer: 1024, toClient: 4096 }\n"])).error).toBe("");
    const r = checkManifest(edit(valid, ["version: 1\n", "version: 1\nmaxFrameSize: { toServer: 1024 }\n"]));
    expect(r.error).toBe(`${r.at("maxFrameSize")}: maxFrameSize: "maxFrameSize" must be a number of bytes from 4 to 4294967295, or { toServer, toClient } of such numbers`);
  });

  test("merge on a one-way command", () => {
    const r = checkManifest(edit(valid, ["message: netsvr.broadcast.Broadcast\n", "message: netsvr.broadcast.Broadcast\n    merge: { data: omit }\n"]));
    expect(r.error).toBe(
      `${r.at("merge: { data")}: commands[1] (Broadcast): "merge" does not belong to a command of this kind (event and oneway take "message"; request takes "request" and "response")`,
    );
  });

  test("extraTypes entry that is not a type", () => {
    const r = checkManifest(rules);
    expect(r.error).toBe(`${r.at("netsvr.connOpenResp.ConnOpenResp")}: extraTypes: "netsvr.connOpenResp.ConnOpenResp" is not a message or enum in the given protos`);
  });
});

describe("several problems at once", () => {
  test("protocol problems are all reported, one per line", () => {
    const r = checkManifest(
      edit(
        base,
        ["netsvr.connOpen.ConnOpen", "netsvr.connOpen.ConnOpened"],
        ["name: Broadcast", "name: Ping"],
        ["id: 900003004", "id: 900003001"],
      ),
    );
    expect(lines(r.error)).toEqual([
      `${r.at("name: ConnOpen")}: commands[0] (ConnOpen): message "netsvr.connOpen.ConnOpened" is not a message in the given protos`,
      `${r.at("name: UniqIdList")}: commands[3] (UniqIdList): duplicate command id 900003001, already used by Register (${r.at("name: Register")}: commands[2] (Register))`,
      `${r.at("name: Ping")}: commands[1] (Ping): the name "Ping" is reserved for heartbeat frames when the manifest declares a heartbeat`,
    ]);
  });

  test("schema problems are all reported, one per line", () => {
    const r = checkManifest(
      edit(`${base}maxFrameSise: 1024\n`, ["kind: oneway", "kind: command"], ["id: 900003001", 'id: "900003001"']),
    );
    const expected = [
      `${r.at("maxFrameSise")}: maxFrameSise: unknown key "maxFrameSise"`,
      `${r.at("kind: command")}: commands[1] (Broadcast): "kind" must be one of "event", "oneway", "request"`,
      `${r.at('id: "900003001"')}: commands[2] (Register): "id" must be integer`,
    ];
    expect(lines(r.error)).toHaveLength(expected.length);
    expect(lines(r.error)).toEqual(expect.arrayContaining(expected));
  });
});

describe("plugin options", () => {
  test("unknown option lists the valid options", () => {
    const r = checkManifest(base, { options: "foo=bar," });
    expect(r.error).toContain(
      'unknown option "foo"; valid options are: manifest, node_client, target, import_extension, js_import_style, keep_empty_files, ts_nocheck, elide_plugin_version, rewrite_imports',
    );
    // Only foo=bar is wrong; the manifest option next to it must not be quoted as invalid.
    expect(r.error).not.toContain("manifest=");
  });

  test("missing manifest option", () => {
    expect(generate("target=ts").error).toBe('missing option "manifest=<path to the command manifest>"');
  });

  test("node_client=false leaves the Node client out; node_client=true (the default) keeps it", () => {
    const node = ["node-client.ts", "node-cluster.ts", "node.ts"];
    const without = checkManifest(base, { options: "node_client=false," });
    expect(without.error).toBe("");
    expect([...without.files.keys()].filter((name) => name.startsWith("node"))).toEqual([]);
    expect([...without.files.keys()]).toEqual(expect.arrayContaining(["index.ts", "encode.ts", "decode.ts", "splitter.ts", "router.ts"]));
    for (const [name, text] of without.files) expect(text, name).not.toContain("node:");
    for (const options of ["node_client=true,", ""]) {
      const r = checkManifest(base, { options });
      expect(r.error).toBe("");
      // base has no routing, so no cluster helper: node.ts binds node-client.ts only.
      expect([...r.files.keys()].filter((name) => name.startsWith("node")).sort()).toEqual(node.filter((name) => name !== "node-cluster.ts"));
    }
  });

  test.each(["node_client=flase", "node_client=no", "node_client=", "node_client"])("%s is rejected, naming the option and its values", (option) => {
    const r = checkManifest(base, { options: `${option},` });
    const value = option.includes("=") ? option.slice(option.indexOf("=") + 1) : "";
    expect(r.error).toBe(
      `option "node_client" must be true or false, got ${JSON.stringify(value)}; node_client=false leaves out the Node client (node.ts, node-client.ts, node-cluster.ts)`,
    );
    expect(r.files.size).toBe(0);
  });

  test("a misspelled node_client is an unknown option", () => {
    const r = checkManifest(base, { options: "nodeclient=false," });
    expect(r.error).toContain('unknown option "nodeclient"; valid options are: manifest, node_client, ');
  });

  test("js_import_style=legacy_commonjs is rejected", () => {
    const r = checkManifest(base, { options: "js_import_style=legacy_commonjs," });
    expect(r.error).toBe("js_import_style=legacy_commonjs is not supported: the generated code is ECMAScript modules");
  });
});

test("a minimal manifest for a custom protocol generates", () => {
  // Compiling the output is checked elsewhere; here: no error, the expected modules, and the default side names.
  const r = checkManifest(chatManifest, { protos: protoDir({ "chat.proto": chatProto }) });
  expect(r.error).toBe("");
  expect([...r.files.keys()].sort()).toEqual(
    ["codec.ts", "commands.ts", "decode.ts", "encode.ts", "errors.ts", "frames.ts", "index.ts", "node-client.ts", "node.ts", "router.ts", "schemas.ts", "splitter.ts", "wire.ts"],
  );
  // Without a heartbeat, the Node client never pings; without registration or routing, it has neither.
  expect(r.files.get("node.ts")).toContain("  ping: undefined,");
  expect(r.files.get("node.ts")).toContain("  registration: undefined,");
  expect(r.files.get("node.ts")).not.toContain("createCluster");
  expect(r.files.get("decode.ts")).toContain("export function decodeServerFrame(");
  expect(r.files.get("decode.ts")).toContain("export function decodeClientFrame(");
});

test("a role named like its type does not stutter: client: chatClient gives ChatClient, not ChatClientClient", () => {
  const r = checkManifest(`server: chatServer\nclient: chatClient\n${chatManifest}`, { protos: protoDir({ "chat.proto": chatProto }) });
  expect(r.error).toBe("");
  expect(r.files.get("node.ts")).toContain("export type ChatClient = Client<ChatClientTypes>;");
  expect(r.files.get("node.ts")).not.toContain("ChatClientClient");
});

test("commands whose encoders would share a name are rejected", () => {
  const r = checkManifest(edit(base, ["name: Broadcast", "name: RegisterRequest"], ["name: ConnOpen", "name: GatewayFrame"]));
  expect(lines(r.error)).toEqual([
    `${r.path}: command GatewayFrame: its encoder encodeGatewayFrame would clash with the generic gateway encoder; rename the command`,
    `${r.path}: command Register: its encoder encodeRegisterRequest would clash with the encoder of command RegisterRequest; rename the command`,
  ]);
});

test("a proto2 message is rejected: the codecs are proto3 only", () => {
  const proto2 = chatProto.replace('syntax = "proto3";', 'syntax = "proto2";').replace(/ (string|uint32) /g, " optional $1 ");
  const r = checkManifest(chatManifest, { protos: protoDir({ "chat.proto": proto2 }) });
  expect(r.error).toBe(
    `${r.path}: the generated codecs support proto3 messages only; not proto3: chat.Join (chat.proto), chat.Joined (chat.proto), chat.Said (chat.proto)`,
  );
});

describe("application protocols (websocket)", () => {
  /** chatManifest as an application protocol: one command per WebSocket message between customers and a business. */
  const app = edit(chatManifest, ["version: 1\n", "version: 1\nserver: business\nclient: customer\nwebsocket:\n  encoding: binary\n"]);
  const checkApp = (text: string) => checkManifest(text, { protos: protoDir({ "chat.proto": chatProto }) });
  /** The line a gateway-only section gets in an application protocol. */
  const notApplicable = (r: ManifestOutcome, key: string) =>
    `${r.at(`${key}:`)}: ${key}: "${key}" does not apply to an application protocol (websocket); the gateway's own manifest declares it`;

  test("the fixture generates the application protocol's files, without frames or a Node client", () => {
    const r = checkApp(app);
    expect(r.error).toBe("");
    expect([...r.files.keys()]).toEqual(expect.arrayContaining(["app-wire.ts", "business.ts", "customer.ts", "commands.ts"]));
    expect([...r.files.keys()].filter((name) => name.startsWith("node") || name === "splitter.ts")).toEqual([]);
    expect(r.files.get("business.ts")).toContain('"error", link, handlers, options)');
    expect(checkApp(edit(app, ["encoding: binary\n", "encoding: json\n  undecodable: drop\n"])).files.get("business.ts")).toContain('"drop", link, handlers, options)');
  });

  test("merge on a request does not apply: one business answers it", () => {
    const r = checkApp(app.replace("response: chat.Joined\n", "response: chat.Joined\n    merge: none\n"));
    expect(lines(r.error)).toEqual([
      `${r.at("name: Join\n")}: commands[2] (Join): merge does not apply to an application protocol (websocket): one business answers each request`,
    ]);
  });

  test.each<[key: string, section: string]>([
    ["maxFrameSize", "maxFrameSize: 1024\n"],
    ["heartbeat", 'heartbeat:\n  ping: "~ping~"\n'],
    ["routing", "routing:\n  field: nick\n  prefixLength: 2\n"],
  ])("%s does not apply", (key, section) => {
    // The section alone is the problem: routing's own demands (merge rules on every request) are not added.
    const r = checkApp(edit(app, ["version: 1\n", `version: 1\n${section}`]));
    expect(lines(r.error)).toEqual([notApplicable(r, key)]);
  });

  test("ports with a port on every command: the section and each port are reported", () => {
    const text = edit(app, ["version: 1\n", "version: 1\nports:\n  main: everything.\n"]).replaceAll("    kind:", "    port: main\n    kind:");
    const r = checkApp(text);
    const at = (name: string) => `${r.at(`name: ${name}\n`)}: commands[${["Said", "Say", "Join", "Count"].indexOf(name)}] (${name})`;
    expect(lines(r.error)).toEqual([notApplicable(r, "ports"), ...["Said", "Say", "Join", "Count"].map((name) => `${at(name)}: an application protocol (websocket) has no ports`)]);
  });

  test.each<[key: string, section: string]>([
    ["ports", "ports:\n  main: everything.\n"],
    ["routing", "routing:\n  field: nick\n  prefixLength: 2\n"],
    ["registration", "registration:\n  register: Join\n  unregister: Join\n  status: members\n  unregisterFields:\n    nick: request.nick\n"],
    ["customers", "customers:\n  receive: Said\n  reply: Say\n  send: [Say]\n"],
  ])("%s is reported as not applying, and not also checked as if the protocol were a gateway's", (key, section) => {
    // Each further line would ask for something the fix is to delete (a port on every command, merge rules, ...).
    const r = checkApp(edit(app, ["version: 1\n", `version: 1\n${section}`]));
    expect(lines(r.error)).toEqual([notApplicable(r, key)]);
  });

  test("a port on a command is reported once, without asking for a ports map", () => {
    const r = checkApp(edit(app, ["kind: oneway\n", "kind: oneway\n    port: main\n"]));
    expect(lines(r.error)).toEqual([`${r.at("name: Say")}: commands[1] (Say): an application protocol (websocket) has no ports`]);
  });

  test("command id 0 is reserved for error answers", () => {
    const r = checkApp(edit(app, ["id: 1\n", "id: 0\n"]));
    expect(r.error).toBe(`${r.at("name: Said")}: commands[0] (Said): id 0 is reserved for error answers in an application protocol (websocket)`);
  });

  test.each<[what: string, from: string, to: string, needle: string, reason: string]>([
    ["an encoding that is not binary or json", "encoding: binary", "encoding: text", "encoding: text", '"encoding" must be one of "binary", "json"'],
    ["undecodable that is not error or drop", "encoding: binary", "encoding: binary\n  undecodable: ignore", "undecodable: ignore", '"undecodable" must be one of "error", "drop"'],
    ["no encoding", "encoding: binary", "undecodable: drop", "websocket:", 'missing key "encoding"'],
    ["an unknown key", "encoding: binary", "encoding: binary\n  maxMessageSize: 4096", "maxMessageSize", 'unknown key "maxMessageSize"'],
  ])("websocket with %s", (_, from, to, needle, reason) => {
    const r = checkApp(edit(app, [from, to]));
    expect(r.error).toBe(`${r.at(needle)}: websocket: ${reason}`);
  });
});

describe("customers (a gateway protocol's customer messages)", () => {
  /** A gateway's commands: the event that carries a customer's message and one-way commands that send data back. */
  const gatewayProto = `syntax = "proto3";
package gw;
message Transfer { string uniqId = 1; string session = 2; bytes data = 3; }
message Hello { string uniqId = 1; }
message TextTransfer { string uniqId = 1; string data = 2; }
message SingleCast { string uniqId = 1; bytes data = 2; }
message Multicast { repeated string uniqIds = 1; bytes data = 2; }
message Broadcast { bytes data = 1; }
message ToRoom { string room = 1; bytes data = 2; }
message TopicSubscribe { string uniqId = 1; repeated string topics = 2; bytes data = 3; }
message ToSlot { uint32 slot = 1; bytes data = 2; }
message Count { uint32 n = 1; }
`;
  const commandList: [name: string, kind: string, message: string][] = [
    ["Transfer", "event", "Transfer"],
    ["Hello", "event", "Hello"],
    ["TextTransfer", "event", "TextTransfer"],
    ["SingleCast", "oneway", "SingleCast"],
    ["Multicast", "oneway", "Multicast"],
    ["Broadcast", "oneway", "Broadcast"],
    ["ToRoom", "oneway", "ToRoom"],
    ["TopicSubscribe", "oneway", "TopicSubscribe"],
    ["ToSlot", "oneway", "ToSlot"],
    ["Whisper", "oneway", "SingleCast"],
    ["Shout", "oneway", "Broadcast"],
  ];
  const gateway = `version: 1
server: gateway
client: business
customers:
  receive: Transfer
  reply: SingleCast
  send: [SingleCast, Multicast, Broadcast]
commands:
${commandList.map(([name, kind, message], i) => `  - name: ${name}\n    id: ${i + 1}\n    kind: ${kind}\n    message: gw.${message}\n`).join("")}  - name: Count
    id: 99
    kind: request
    request: null
    response: gw.Count
`;
  const checkGateway = (text: string) => checkManifest(text, { protos: protoDir({ "gw.proto": gatewayProto }) });
  const withSend = (send: string) => edit(gateway, ["send: [SingleCast, Multicast, Broadcast]", `send: [${send}]`]);

  test("the fixture generates customerRules() and customerLink()", () => {
    const r = checkGateway(gateway);
    expect(r.error).toBe("");
    expect(r.files.get("customers.ts")).toContain("export function customerRules(): GatewayRules");
    expect(r.files.get("node.ts")).toContain("export function customerLink(");
  });

  test.each<[what: string, receive: string, reason: string]>([
    ["a one-way command", "SingleCast", "SingleCast must be an event with a body"],
    ["a request", "Count", "Count must be an event with a body"],
    ["an event without a data field", "Hello", 'Hello\'s body gw.Hello needs a bytes field "data" to carry the customer message'],
    ["an event whose data is a string", "TextTransfer", 'TextTransfer\'s body gw.TextTransfer needs a bytes field "data" to carry the customer message'],
    ["a command the manifest does not have", "Transferr", '"Transferr" is not a command of this manifest'],
  ])("receive: %s", (_, receive, reason) => {
    const r = checkGateway(edit(gateway, ["receive: Transfer", `receive: ${receive}`]));
    expect(r.error).toBe(`${r.at(`receive: ${receive}`)}: customers: ${reason}`);
  });

  test.each<[what: string, reply: string, reason: string]>([
    ["a target the receive event does not have", "ToRoom", "ToRoom must name its customer with a string field that Transfer also has (the sender), e.g. uniqId"],
    ["a list of targets", "Multicast", "Multicast must name its customer with a string field that Transfer also has (the sender), e.g. uniqId"],
    ["no target", "Broadcast", "Broadcast must name its customer with a string field that Transfer also has (the sender), e.g. uniqId"],
    ["an event", "Transfer", "Transfer must be a one-way command with a body"],
    ["a command the manifest does not have", "SingleCats", '"SingleCats" is not a command of this manifest'],
  ])("reply: %s", (_, reply, reason) => {
    const r = checkGateway(edit(gateway, ["reply: SingleCast", `reply: ${reply}`]));
    expect(r.error).toBe(`${r.at(`reply: ${reply}`)}: customers: ${reason}`);
  });

  test("send: a command with two target fields", () => {
    const r = checkGateway(withSend("SingleCast, TopicSubscribe"));
    expect(r.error).toBe(
      `${r.at("TopicSubscribe]")}: customers: TopicSubscribe's body may have, besides "data", only one field naming who gets it (a string or repeated string); it has uniqId, topics`,
    );
  });

  test("send: a target that is not a string", () => {
    const r = checkGateway(withSend("SingleCast, ToSlot"));
    expect(r.error).toBe(`${r.at("ToSlot]")}: customers: ToSlot's body may have, besides "data", only one field naming who gets it (a string or repeated string); it has slot`);
  });

  test("send: two commands with the same target, and two to everyone", () => {
    const r = checkGateway(withSend("SingleCast, Broadcast, Whisper, Shout"));
    expect(lines(r.error)).toEqual([
      `${r.at("Whisper, Shout]")}: customers: Whisper and SingleCast both send to uniqId; keep one`,
      `${r.at("Shout]")}: customers: Shout and Broadcast both send to (everyone); keep one`,
    ]);
  });

  test("send: a command the manifest does not have", () => {
    const r = checkGateway(withSend("SingleCast, Nope"));
    expect(r.error).toBe(`${r.at("Nope]")}: customers: "Nope" is not a command of this manifest`);
  });

  test("send: an event", () => {
    const r = checkGateway(withSend("SingleCast, Transfer"));
    expect(r.error).toBe(`${r.at("Transfer]")}: customers: Transfer must be a one-way command with a body`);
  });

  test("send: commands that could not be resolved are not blamed for sending to everyone", () => {
    const r = checkGateway(withSend("SingleCast, Broadcast, Nope, Transfer"));
    expect(lines(r.error)).toEqual([
      `${r.at("Nope, Transfer]")}: customers: "Nope" is not a command of this manifest`,
      `${r.at("Transfer]")}: customers: Transfer must be a one-way command with a body`,
    ]);
  });

  test("send: the same command twice, and no command at all", () => {
    const twice = checkGateway(withSend("SingleCast, SingleCast"));
    expect(twice.error).toBe(`${twice.at("send:")}: customers: "send" must NOT have duplicate items (items ## 1 and 0 are identical)`);
    const none = checkGateway(withSend(""));
    expect(none.error).toBe(`${none.at("send:")}: customers: "send" must NOT have fewer than 1 items`);
  });

  test("the errors come back in CodeGeneratorResponse.error from the executable", () => {
    const path = join(scratchDir(), "netsvr.manifest.yaml");
    const text = edit(gateway, ["reply: SingleCast", "reply: ToRoom"]);
    writeFileSync(path, text);
    const image = buildImage(protoDir({ "gw.proto": gatewayProto }));
    const request = create(CodeGeneratorRequestSchema, { parameter: `target=ts,manifest=${path}`, fileToGenerate: image.file.map((f) => f.name), protoFile: image.file });
    const result = spawnSync(process.execPath, [join(repoRoot, "plugin/bin/protoc-gen-netsvr.js")], { cwd: repoRoot, input: toBinary(CodeGeneratorRequestSchema, request) });
    expect(result.status).toBe(0);
    const response = fromBinary(CodeGeneratorResponseSchema, result.stdout);
    expect(response.error).toBe(`${path}:${position(text, "reply: ToRoom")}: customers: ToRoom must name its customer with a string field that Transfer also has (the sender), e.g. uniqId`);
    expect(response.file).toEqual([]);
  });
});

describe("the real executable", () => {
  const binPath = join(repoRoot, "plugin/bin/protoc-gen-netsvr.js");
  const brokenManifest = edit(base, ["netsvr.registerResp.RegisterResp", "netsvr.registerResp.RegisterResponse"]);
  const brokenReason = 'commands[2] (Register): response "netsvr.registerResp.RegisterResponse" is not a message in the given protos';
  /** A line of a JavaScript stack trace, which a user error must never print. */
  const stackLine = /^ {4}at /m;

  test("buf generate fails with the plugin's message and no stack trace", () => {
    const work = scratchDir();
    cpSync(join(repoRoot, "proto/v2"), join(work, "proto"), { recursive: true });
    writeFileSync(join(work, "buf.yaml"), "version: v2\nmodules:\n  - path: proto\n");
    writeFileSync(join(work, "broken.manifest.yaml"), brokenManifest);
    writeFileSync(
      join(work, "buf.gen.yaml"),
      "version: v2\ninputs:\n  - directory: proto\nplugins:\n  - local: protoc-gen-netsvr\n    out: gen\n    strategy: all\n    opt: [target=ts, manifest=broken.manifest.yaml]\n",
    );
    const result = spawnSync(bufBin, ["generate"], {
      cwd: work,
      encoding: "utf8",
      env: { ...process.env, PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env["PATH"] ?? ""}` },
    });
    expect(result.status).not.toBe(0);
    // buf runs the plugin in its own cwd, so the manifest path is the relative one from opt.
    expect(result.stderr).toContain(`broken.manifest.yaml:${position(brokenManifest, "name: Register")}: ${brokenReason}`);
    expect(result.stderr).not.toMatch(stackLine);
  });

  test("bin answers a broken manifest with CodeGeneratorResponse.error and exit code 0", () => {
    const path = join(scratchDir(), "netsvr.manifest.yaml");
    writeFileSync(path, brokenManifest);
    const image = buildImage("proto/v2");
    const request = create(CodeGeneratorRequestSchema, {
      parameter: `target=ts,manifest=${path}`,
      fileToGenerate: image.file.map((f) => f.name),
      protoFile: image.file,
    });
    const result = spawnSync(process.execPath, [binPath], { cwd: repoRoot, input: toBinary(CodeGeneratorRequestSchema, request) });
    expect(result.status).toBe(0);
    expect(result.stderr.toString()).not.toMatch(stackLine);
    const response = fromBinary(CodeGeneratorResponseSchema, result.stdout);
    expect(response.error).toBe(`${path}:${position(brokenManifest, "name: Register")}: ${brokenReason}`);
    expect(response.file).toEqual([]);
  });

  test("--version prints the package version", () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, "plugin/package.json"), "utf8")) as { version: string };
    const result = spawnSync(process.execPath, [binPath, "--version"], { encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`protoc-gen-netsvr v${version}\n`);
  });
});
