// Cross-checks our frames against Google's protobuf runtime: protoc compiles
// the same .proto files to Python, and test/support/python-codec.py decodes
// our frames, prints them as JSON and serializes them again. Once per protocol
// version: the versions' protos make Python modules of the same names, so each
// version gets its own protoc output directory and its own Python process.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, createRegistry, ScalarType, toBinary, toJson } from "@bufbuild/protobuf";
import type { DescField, DescMessage, JsonValue, Message } from "@bufbuild/protobuf";
import { DurationSchema, EmptySchema, hasCustomJsonRepresentation, TimestampSchema } from "@bufbuild/protobuf/wkt";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Direction } from "./support/arbitrary.js";
import { directions, frame, hex, messageArbitrary, repoRoot, sameMessage } from "./support/arbitrary.js";
import { protocolVersions } from "./support/protocols.js";
import { encoderOf, netsvrOf, v2, v6, type Version } from "./support/versions.js";
import * as allkinds from "./fixtures/allkinds/gen/index.js";
import { allkindsOverlong, netsvrOverlong, type OverlongCase, type OverlongTarget } from "./support/overlong.js";

// Debian's python3-protobuf installs google.protobuf for this interpreter; a
// `python3` found first on PATH may be another one without it.
const python = "/usr/bin/python3";
const codec = join(repoRoot, "test/support/python-codec.py");
const samplesPerDirection = 40;
// Random unless given, and named in every failure message, so a failing corpus can be rebuilt.
const seed = Number(process.env["NETSVR_WIRE_SEED"] ?? Math.floor(Math.random() * 2 ** 31));

interface DecodeJob {
  readonly frame: string;
  readonly module: string | null;
  readonly message: string | null;
}

interface EncodeJob {
  readonly cmd: number;
  readonly module: string;
  readonly message: string;
  readonly json: JsonValue;
}

interface Decoded {
  readonly cmd: number;
  readonly bodyLength?: number;
  readonly json?: JsonValue;
  readonly reserialized?: string;
}

interface Case {
  readonly message: Message | undefined;
  readonly frame: Uint8Array;
}

/** Fails with the packages to install: CI has them, so a missing one is an error, not a skip. */
function requireToolchain(): void {
  const missing: string[] = [];
  if (spawnSync("protoc", ["--version"]).status !== 0) missing.push("protobuf-compiler (protoc on PATH)");
  if (spawnSync(python, ["-c", "import google.protobuf"]).status !== 0) missing.push(`python3-protobuf (${python} -c "import google.protobuf")`);
  if (missing.length > 0) {
    throw new Error(`the Python cross-check needs the Debian packages protobuf-compiler and python3-protobuf (apt-get install protobuf-compiler python3-protobuf); missing: ${missing.join(", ")}`);
  }
}

/** The module and class protoc --python_out makes for a message. */
function pythonName(schema: DescMessage): { module: string; message: string } {
  return { module: `${schema.file.name.replaceAll("/", ".")}_pb2`, message: schema.name };
}

function encodeJob(cmd: number, schema: DescMessage, message: Message): EncodeJob {
  return { cmd, ...pythonName(schema), json: toJson(schema, message, { useProtoFieldName: true }) };
}

/**
 * json with every float field as the float32 it stands for. Python prints a
 * float32 as the shortest decimal that reads back as the same float32 (0.1),
 * protobuf-es prints it widened to a double (0.10000000149011612); both name
 * the same float32, so Math.fround maps both to one number. NaN and the
 * infinities are the same strings in both.
 */
function float32Json(schema: DescMessage, json: JsonValue | undefined): JsonValue | undefined {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return json;
  const out: Record<string, JsonValue> = { ...json };
  for (const field of schema.fields) {
    const value = out[field.name];
    if (value === undefined) continue;
    if (field.fieldKind === "list") out[field.name] = (value as JsonValue[]).map((item) => float32Value(field, item));
    else if (field.fieldKind === "map") out[field.name] = mapValues(value as Record<string, JsonValue>, (item) => float32Value(field, item));
    else out[field.name] = float32Value(field, value);
  }
  return out;
}

/** One value of field (a list or map element for those) with floats as in float32Json. */
function float32Value(field: DescField, value: JsonValue): JsonValue {
  // A FloatValue's JSON is its float; other well-known types with a JSON form of their own hold no float32.
  if (field.message?.typeName === "google.protobuf.FloatValue") return typeof value === "number" ? Math.fround(value) : value;
  if (field.message !== undefined) return hasCustomJsonRepresentation(field.message) ? value : float32Json(field.message, value)!;
  return field.scalar === ScalarType.FLOAT && typeof value === "number" ? Math.fround(value) : value;
}

function mapValues(object: Record<string, JsonValue>, f: (value: JsonValue) => JsonValue): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, f(value)]));
}

/** Whether a message of schema can hold a map; map entry order on the wire is up to each runtime. */
function hasMap(schema: DescMessage, seen = new Set<DescMessage>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  return schema.fields.some((field) => field.fieldKind === "map" || (field.message !== undefined && hasMap(field.message, seen)));
}

interface ParseJob {
  readonly body: string;
  readonly module: string;
  readonly message: string;
}

interface Jobs {
  readonly decode: DecodeJob[];
  readonly encode: EncodeJob[];
  readonly parse?: ParseJob[];
}

interface Results {
  readonly decode: Decoded[];
  readonly encode: { frame: string }[];
  readonly parse: { ok: boolean; error?: string }[];
}

/** Runs the Python codec on a corpus, with the modules protoc wrote to pythonOut: one process per call. */
function runPython(dir: string, pythonOut: string, jobs: Jobs): Results {
  const corpus = join(dir, "corpus.json");
  // JSON.stringify writes -0 as 0; Python's json reads -0.0 as the float -0.0, so keep it.
  const negativeZero = "\u0000negative zero\u0000";
  const text = JSON.stringify(jobs, (_key, value: unknown) => (Object.is(value, -0) ? negativeZero : value));
  writeFileSync(corpus, text.replaceAll(JSON.stringify(negativeZero), "-0.0"));
  const out = execFileSync(python, [codec, pythonOut, corpus], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out) as Results;
}

/**
 * The Python modules of the allkinds test protocol. protoc reads the protos
 * from a buf image, so the well-known types they import need no .proto files
 * on this machine (Debian ships those in libprotobuf-dev, which is only recommended).
 */
function compileAllkinds(dir: string): string {
  const pythonOut = join(dir, "python");
  const image = join(dir, "allkinds.binpb");
  mkdirSync(pythonOut);
  execFileSync(join(repoRoot, "node_modules/.bin/buf"), ["build", "test/fixtures/allkinds/proto", "--as-file-descriptor-set", "-o", image], { cwd: repoRoot, stdio: "pipe" });
  execFileSync("protoc", [`--descriptor_set_in=${image}`, `--python_out=${pythonOut}`, "allkinds.proto"], { cwd: repoRoot, stdio: "pipe" });
  return pythonOut;
}

/** Parse jobs for Python: every body of the targets, decoded as its message (found by full name among schemas). */
function parseJobs(targets: readonly OverlongTarget[], schemas: readonly DescMessage[]): ParseJob[] {
  return targets.flatMap(({ typeName, cases }) => {
    const schema = schemas.find((s) => s.typeName === typeName);
    if (schema === undefined) throw new Error(`no schema ${typeName}`);
    return cases.map((c) => ({ body: c.body.replaceAll(" ", ""), ...pythonName(schema) }));
  });
}

/** Python's decision on a body against the table; where its runtimes differ ("either"), only that it decided. */
function checkPythonDecision(c: OverlongCase, result: { ok: boolean; error?: string } | undefined): void {
  expect(result, c.why).toBeDefined();
  const python = result!.ok ? "accept" : "refuse";
  if (c.python !== "either") expect(python, `${c.why}: ${result!.error ?? "parsed"}`).toBe(c.python);
  // Where both references agree, so do we.
  if (c.python === c.protobufEs) expect(c.ours, c.why).toBe(c.python);
}

/** Register messages and the whole frames they must make: observed from a real gateway (v2), spelled out from the facts sheet (v6). */
interface RegisterVectors {
  readonly request: { readonly schema: DescMessage; readonly message: Message; readonly frame: string };
  readonly response: { readonly schema: DescMessage; readonly message: Message; readonly frame: string };
}

const registerVectors: Readonly<Record<Version, RegisterVectors>> = {
  v2: {
    request: { schema: v2.RegisterReqSchema, message: create(v2.RegisterReqSchema, { workerId: 1, processCmdGoroutineNum: 2 }), frame: "0000000835a4f4b908011002" },
    response: {
      schema: v2.RegisterRespSchema,
      message: create(v2.RegisterRespSchema, { code: v2.RegisterRespCode.Success, message: "Success", registerId: "00000004127.0.0.1:47324" }),
      frame: hex(Buffer.concat([Buffer.from("0000002635a4f4b91207537563636573731a17", "hex"), Buffer.from("00000004127.0.0.1:47324")])),
    },
  },
  v6: {
    request: { schema: v6.RegisterReqSchema, message: create(v6.RegisterReqSchema, { events: 7 }), frame: "0000000635a4f4b90807" },
    response: {
      schema: v6.RegisterRespSchema,
      message: create(v6.RegisterRespSchema, { code: v6.RegisterRespCode.Success, message: "Success", connId: "0123456789abcdef0123456789abcdef" }),
      frame: hex(Buffer.concat([Buffer.from("0000002f35a4f4b91207537563636573731a20", "hex"), Buffer.from("0123456789abcdef0123456789abcdef")])),
    },
  },
};

describe.each(protocolVersions)(`Google's protobuf (Python) reads our $version frames (seed ${seed})`, (protocol) => {
  const { version, protoDir } = protocol;
  const netsvr = netsvrOf(version);
  const { Cmd, decodeBusinessFrame, decodeGatewayFrame } = netsvr;
  const all = directions(protocol);
  const withBody = all.filter((d) => d.schema !== undefined);
  const bodiless = all.filter((d) => d.schema === undefined);
  const vectors = registerVectors[version];

  let dir: string;
  const cases = new Map<Direction, Case[]>();
  const decoded = new Map<Direction, Decoded[]>();
  let encoded: { frame: string }[];
  let parsed: Results["parse"];

  beforeAll(() => {
    requireToolchain();
    dir = mkdtempSync(join(tmpdir(), `netsvr-python-${version}-`));
    const pythonOut = join(dir, "python");
    const protos = readdirSync(join(repoRoot, protoDir)).filter((name) => name.endsWith(".proto"));
    mkdirSync(pythonOut);
    execFileSync("protoc", [`--python_out=${pythonOut}`, "-I", protoDir, ...protos.map((name) => `${protoDir}/${name}`)], { cwd: repoRoot, stdio: "pipe" });

    const jobs: { decode: DecodeJob[]; encode: EncodeJob[] } = { decode: [], encode: [] };
    for (const d of all) {
      const encode = encoderOf(netsvr, d.encoder);
      const messages = d.schema === undefined ? [undefined] : fc.sample(messageArbitrary(d.schema), { numRuns: samplesPerDirection, seed });
      const list = messages.map((message) => ({ message, frame: encode(message) }));
      cases.set(d, list);
      const names = d.schema === undefined ? { module: null, message: null } : pythonName(d.schema);
      jobs.decode.push(...list.map((c) => ({ frame: hex(c.frame), ...names })));
    }
    const { request, response } = vectors;
    jobs.encode.push(encodeJob(Cmd.Register!, request.schema, request.message), encodeJob(Cmd.Register!, response.schema, response.message));
    const withParse: Jobs = { ...jobs, parse: parseJobs([netsvrOverlong], withBody.map((d) => d.schema!)) };

    const results = runPython(dir, pythonOut, withParse);
    parsed = results.parse;
    let next = 0;
    for (const d of all) decoded.set(d, results.decode.slice(next, (next += cases.get(d)!.length)));
    encoded = results.encode;
  });

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  test.each(withBody)("$command $kind ($typeName)", (d) => {
    const schema = d.schema!;
    const decode = d.sender === "gateway" ? decodeGatewayFrame : decodeBusinessFrame;
    cases.get(d)!.forEach(({ message }, i) => {
      const python = decoded.get(d)![i]!;
      const where = `seed ${seed}, sample ${i}: ${JSON.stringify(toJson(schema, message!))}`;
      expect(python.cmd, where).toBe(d.cmd);
      const ours = toJson(schema, message!, { useProtoFieldName: true });
      expect(float32Json(schema, python.json), where).toEqual(float32Json(schema, ours));
      // Both runtimes write fields in number order, so only map entries may come out in another order.
      if (!hasMap(schema)) expect(python.reserialized, where).toBe(hex(toBinary(schema, message!)));
      const again = decode(frame(d.cmd, Buffer.from(python.reserialized!, "hex")));
      expect(again.cmd, where).toBe(d.cmd);
      expect(sameMessage(schema, again.body as Message, message!), where).toBe(true);
    });
  });

  test.each(bodiless)("$command $kind: the frame has no body", (d) => {
    expect(decoded.get(d)).toEqual([{ cmd: d.cmd, bodyLength: 0 }]);
  });

  test.each(netsvrOverlong.cases.map((c, i) => ({ ...c, i })))("overlong varints in a TopicUniqIdCountResp: $why: Python $python", ({ i, ...c }) => {
    checkPythonDecision(c, parsed[i]);
  });

  test("Python encodes the Register vectors to the same bytes as we do", () => {
    const [request, response] = encoded;
    expect(request!.frame).toBe(vectors.request.frame);
    expect(request!.frame).toBe(hex(encoderOf(netsvr, "encodeRegisterRequest")(vectors.request.message)));
    expect(response!.frame).toBe(vectors.response.frame);
    expect(response!.frame).toBe(hex(encoderOf(netsvr, "encodeRegisterResponse")(vectors.response.message)));
  });
});

// The allkinds test protocol: every proto3 field kind and every well-known type
// in every position (allkinds.WellKnown), and well-known types as whole bodies.
// Values are drawn jsonSafe, because the runtimes are compared through JSON
// (an Any packs a Duration or Timestamp, which both registries know).
describe(`Google's protobuf (Python) reads and writes allkinds frames, well-known types included (seed ${seed})`, () => {
  const registry = createRegistry(DurationSchema, TimestampSchema);
  const jsonOf = (schema: DescMessage, message: Message) => toJson(schema, message, { useProtoFieldName: true, registry });
  const bodies = [
    { command: "Everything", cmd: 1, schema: allkinds.EverythingSchema, encode: allkinds.encodeEverything, decode: allkinds.decodeClientFrame },
    { command: "Echo response", cmd: 2, schema: allkinds.EverythingSchema, encode: allkinds.encodeEchoResponse, decode: allkinds.decodeServerFrame },
    { command: "Known", cmd: 5, schema: allkinds.WellKnownSchema, encode: allkinds.encodeKnown, decode: allkinds.decodeClientFrame },
    { command: "Clock request", cmd: 6, schema: EmptySchema, encode: allkinds.encodeClockRequest, decode: allkinds.decodeClientFrame },
    { command: "Clock response", cmd: 6, schema: TimestampSchema, encode: allkinds.encodeClockResponse, decode: allkinds.decodeServerFrame },
  ] as const;
  type Body = (typeof bodies)[number];
  const encodeBody = (body: Body, message: Message) => (body.encode as (m: Message) => Uint8Array)(message);

  let dir: string;
  const messages = new Map<Body, Message[]>();
  let results: Results;

  beforeAll(() => {
    requireToolchain();
    dir = mkdtempSync(join(tmpdir(), "netsvr-python-allkinds-"));
    const pythonOut = compileAllkinds(dir);
    const jobs: Jobs = { decode: [], encode: [], parse: [] };
    for (const body of bodies) {
      const schema = body.schema as DescMessage;
      const list = fc.sample(messageArbitrary(schema, { jsonSafe: true }), { numRuns: samplesPerDirection, seed });
      messages.set(body, list);
      for (const message of list) {
        jobs.decode.push({ frame: hex(encodeBody(body, message)), ...pythonName(schema) });
        jobs.encode.push({ cmd: body.cmd, ...pythonName(schema), json: jsonOf(schema, message) });
      }
    }
    jobs.parse!.push(...parseJobs(allkindsOverlong, [allkinds.ScalarsSchema, allkinds.MapsSchema, allkinds.WellKnownSchema]));
    results = runPython(dir, pythonOut, jobs);
  });

  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  test.each(bodies)("$command ($schema.typeName): Python reads our frame as we wrote it, and what it writes back reads as the same message", (body) => {
    const schema = body.schema as DescMessage;
    const offset = bodies.indexOf(body) * samplesPerDirection;
    messages.get(body)!.forEach((message, i) => {
      const python = results.decode[offset + i]!;
      const where = `seed ${seed}, sample ${i}: ${JSON.stringify(jsonOf(schema, message))}`;
      expect(python.cmd, where).toBe(body.cmd);
      expect(float32Json(schema, python.json), where).toEqual(float32Json(schema, jsonOf(schema, message)));
      if (!hasMap(schema)) expect(python.reserialized, where).toBe(hex(toBinary(schema, message)));
      const again = body.decode(frame(body.cmd, Buffer.from(python.reserialized!, "hex")));
      expect(again.cmd, where).toBe(body.cmd);
      expect(sameMessage(schema, again.body as Message, message), where).toBe(true);
    });
  });

  test.each(bodies)("$command ($schema.typeName): we read the frame Python builds from the message's JSON", (body) => {
    const schema = body.schema as DescMessage;
    const offset = bodies.indexOf(body) * samplesPerDirection;
    messages.get(body)!.forEach((message, i) => {
      const where = `seed ${seed}, sample ${i}: ${JSON.stringify(jsonOf(schema, message))}`;
      const decoded = body.decode(Buffer.from(results.encode[offset + i]!.frame, "hex"));
      expect(decoded.cmd, where).toBe(body.cmd);
      expect(sameMessage(schema, decoded.body as Message, message), where).toBe(true);
    });
  });

  const overlong = allkindsOverlong.flatMap(({ typeName, cases }) => cases.map((c) => ({ typeName, ...c })));
  test.each(overlong.map((c, i) => ({ ...c, i })))("overlong varints in $typeName: $why: Python $python", ({ i, ...c }) => {
    checkPythonDecision(c, results.parse[i]);
  });
});
