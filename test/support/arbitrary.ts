// Shared by the wire tests: the command directions of a version's manifest,
// random messages for any schema, and a message comparison that copes with NaN.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { create, fromJson, ScalarType, toBinary } from "@bufbuild/protobuf";
import type { DescEnum, DescField, DescMessage, JsonObject, JsonValue, Message, MessageShape } from "@bufbuild/protobuf";
import { reflect } from "@bufbuild/protobuf/reflect";
import { DurationSchema, isWrapperDesc, ListValueSchema, TimestampSchema, ValueSchema } from "@bufbuild/protobuf/wkt";
import type { ReflectMessage } from "@bufbuild/protobuf/reflect";
import fc from "fast-check";
import { parse } from "yaml";
import type { ProtocolVersion } from "./protocols.js";
import { repoRoot } from "./repo.js";
import { netsvrOf } from "./versions.js";

export { repoRoot };

/** Who sends a frame of each kind. */
const senders = { event: "gateway", oneway: "business", request: "business", response: "gateway" } as const;

export type DirectionKind = keyof typeof senders;

/** One body a command can carry on the wire: a command has one, a request/response command two. */
export interface Direction {
  readonly command: string;
  readonly cmd: number;
  readonly kind: DirectionKind;
  readonly sender: (typeof senders)[DirectionKind];
  /** Full name of the body message from the manifest; undefined for a frame without body. */
  readonly typeName: string | undefined;
  /** The body schema, looked up by typeName among the package's exports (not via its command tables). */
  readonly schema: DescMessage | undefined;
  /** Name of the per-command encoder the generated package should export. */
  readonly encoder: string;
}

interface ManifestCommand {
  readonly name: string;
  readonly id: number;
  readonly kind: "event" | "oneway" | "request";
  /** The gateway port that carries the command; only manifests with ports (v6) have it. */
  readonly port?: "worker" | "task";
  readonly message?: string;
  readonly request?: string | null;
  readonly response?: string;
}

/** The commands of a version's manifest (proto/<version>/netsvr.manifest.yaml), read directly so the generated tables can be checked against it. */
export function manifestCommands(protocol: ProtocolVersion): readonly ManifestCommand[] {
  const manifest = parse(readFileSync(resolve(repoRoot, protocol.manifest), "utf8")) as {
    commands: ManifestCommand[];
  };
  return manifest.commands;
}

/** Every message schema a version's package exports, by full name. */
function schemasOf(protocol: ProtocolVersion): Map<string, DescMessage> {
  return new Map(
    Object.values(netsvrOf(protocol.version))
      .filter((value): value is DescMessage => typeof value === "object" && value !== null && (value as DescMessage).kind === "message")
      .map((schema) => [schema.typeName, schema]),
  );
}

/** Every direction of every manifest command of a version, in manifest order. */
export function directions(protocol: ProtocolVersion): readonly Direction[] {
  const schemas = schemasOf(protocol);
  const schemaNamed = (typeName: string | null | undefined): DescMessage | undefined => {
    if (typeName === null || typeName === undefined) return undefined;
    const schema = schemas.get(typeName);
    if (schema === undefined) throw new Error(`the ${protocol.version} package exports no schema for ${typeName}`);
    return schema;
  };
  const direction = (c: ManifestCommand, kind: DirectionKind, typeName: string | null | undefined, encoder: string): Direction => ({
    command: c.name,
    cmd: c.id,
    kind,
    sender: senders[kind],
    typeName: typeName ?? undefined,
    schema: schemaNamed(typeName),
    encoder,
  });
  return manifestCommands(protocol).flatMap((c) =>
    c.kind === "request"
      ? [
          direction(c, "request", c.request, `encode${c.name}Request`),
          direction(c, "response", c.response, `encode${c.name}Response`),
        ]
      : [direction(c, c.kind, c.message, `encode${c.name}`)],
  );
}

/** Nesting beyond this gets no further sub-messages, so a recursive schema still yields finite values. */
const maxDepth = 4;

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const uint32 = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const int64 = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
// fc.float() can produce these, but rarely; the wire must keep each exactly.
const specialFloats = fc.constantFrom(Number.NaN, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
// Both the default unit (which likes tricky strings such as "__proto__") and
// any code point; never lone surrogates, which UTF-8 cannot carry.
// A leading U+FEFF is left out: fromBinary, the reference here, drops it (our
// decoders keep it, as Go and Python do; test/codec.test.ts checks that case).
const string = fc
  .oneof(fc.string({ maxLength: 12 }), fc.string({ unit: "binary", maxLength: 12 }))
  .filter((s) => !s.startsWith("\uFEFF"));

function scalarArbitrary(type: ScalarType, longAsString: boolean): fc.Arbitrary<unknown> {
  switch (type) {
    case ScalarType.STRING:
      return string;
    case ScalarType.BYTES:
      return fc.uint8Array({ maxLength: 16 });
    case ScalarType.BOOL:
      return fc.boolean();
    case ScalarType.INT32:
    case ScalarType.SINT32:
    case ScalarType.SFIXED32:
      return int32;
    case ScalarType.UINT32:
    case ScalarType.FIXED32:
      return uint32;
    case ScalarType.INT64:
    case ScalarType.SINT64:
    case ScalarType.SFIXED64:
      return longAsString ? int64.map(String) : int64;
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
      return longAsString ? uint64.map(String) : uint64;
    case ScalarType.FLOAT:
      return fc.oneof({ arbitrary: specialFloats, weight: 1 }, { arbitrary: fc.float(), weight: 3 });
    case ScalarType.DOUBLE:
      return fc.oneof({ arbitrary: specialFloats, weight: 1 }, { arbitrary: fc.double(), weight: 3 });
  }
}

/**
 * How random values are drawn. jsonSafe keeps to values that have a JSON form
 * in every runtime (the Python cross-check compares JSON): finite numbers in
 * google.protobuf.Value, Timestamps and Durations in their JSON range,
 * FieldMask paths that survive lowerCamelCase, an Any that packs a known
 * message, a Value with a kind, NullValue 0 and no lists or maps of it.
 */
export interface ArbitraryOptions {
  readonly jsonSafe?: boolean;
}

/** Declared values and, since proto3 enums are open, any other int32. */
function enumArbitrary(desc: DescEnum, options: ArbitraryOptions): fc.Arbitrary<number> {
  if (options.jsonSafe === true && desc.typeName === "google.protobuf.NullValue") return fc.constant(0);
  return fc.oneof(fc.constantFrom(...desc.values.map((v) => v.number)), int32);
}

// @bufbuild/protobuf keeps map entries in a plain object and assigns
// `obj[key] = value`, so create() and fromBinary lose the key "__proto__"
// (our decoders keep it: see wire.test.ts). Keep it out of random maps, which
// are built with create().
const mapStringKey = string.filter((key) => key !== "__proto__");

function mapKeyArbitrary(type: ScalarType, longAsString: boolean): fc.Arbitrary<unknown> {
  return type === ScalarType.STRING ? mapStringKey : scalarArbitrary(type, longAsString);
}

/** JSON values as protoc-gen-es holds a google.protobuf.Struct (an object) or Value: NaN, -0 and infinities too unless jsonSafe. */
function jsonArbitrary(options: ArbitraryOptions): { value: fc.Arbitrary<JsonValue>; object: fc.Arbitrary<JsonObject> } {
  const number = options.jsonSafe === true ? fc.double({ noNaN: true, noDefaultInfinity: true }) : scalarArbitrary(ScalarType.DOUBLE, false);
  const { value, object } = fc.letrec<{ value: JsonValue; object: JsonObject; list: JsonValue[] }>((tie) => ({
    value: fc.oneof({ maxDepth: 3, depthIdentifier: "json" }, fc.constant(null), fc.boolean(), number as fc.Arbitrary<number>, string, tie("list"), tie("object")),
    object: fc.dictionary(mapStringKey, tie("value"), { maxKeys: 4, noNullPrototype: true }),
    list: fc.array(tie("value"), { maxLength: 4, depthIdentifier: "json" }),
  }));
  return { value, object };
}

/** Whether a field holds google.protobuf.Struct as a JsonObject, as protoc-gen-es represents it (not inside google.protobuf.Value). */
function isJsonStruct(field: DescField): boolean {
  return field.message?.typeName === "google.protobuf.Struct" && field.parent.typeName !== "google.protobuf.Value";
}

/** Init values of well-known messages that need more than random fields in jsonSafe mode; undefined for the others. */
function jsonSafeMessage(desc: DescMessage): fc.Arbitrary<unknown> | undefined {
  switch (desc.typeName) {
    case "google.protobuf.Timestamp":
      return fc.record({ seconds: fc.bigInt({ min: -62135596800n, max: 253402300799n }), nanos: fc.integer({ min: 0, max: 999999999 }) });
    case "google.protobuf.Duration":
      return durationArbitrary;
    case "google.protobuf.FieldMask":
      return fc.record({ paths: fc.array(fc.stringMatching(/^[a-z]{1,6}(_[a-z]{1,6}){0,2}(\.[a-z]{1,6}){0,1}$/), { maxLength: 3 }) });
    case "google.protobuf.Any":
      // Packs a Duration or Timestamp, which every runtime's registry knows.
      return fc.oneof(
        durationArbitrary.map((d) => ({ typeUrl: "type.googleapis.com/google.protobuf.Duration", value: toBinary(DurationSchema, create(DurationSchema, d)) })),
        jsonSafeMessage(TimestampSchema)!.map((t) => ({ typeUrl: "type.googleapis.com/google.protobuf.Timestamp", value: toBinary(TimestampSchema, create(TimestampSchema, t as never)) })),
      );
    case "google.protobuf.Value":
      return jsonArbitrary({ jsonSafe: true }).value.map((json) => fromJson(ValueSchema, json));
    case "google.protobuf.ListValue":
      return fc.array(jsonArbitrary({ jsonSafe: true }).value, { maxLength: 4 }).map((json) => fromJson(ListValueSchema, json));
    default:
      return undefined;
  }
}

/** Durations in the JSON range, nanos of the same sign as seconds. */
const durationArbitrary = fc.bigInt({ min: -315576000000n, max: 315576000000n }).chain((seconds) =>
  fc.record({
    seconds: fc.constant(seconds),
    nanos: seconds > 0n ? fc.integer({ min: 0, max: 999999999 }) : seconds < 0n ? fc.integer({ min: -999999999, max: 0 }) : fc.integer({ min: -999999999, max: 999999999 }),
  }),
);

type ValueOf =
  | { readonly kind: "scalar"; readonly scalar: ScalarType }
  | { readonly kind: "enum"; readonly enum: DescEnum }
  | { readonly kind: "message"; readonly message: DescMessage; readonly json: boolean };

function valueArbitrary(value: ValueOf, longAsString: boolean, depth: number, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  switch (value.kind) {
    case "scalar":
      return scalarArbitrary(value.scalar, longAsString);
    case "enum":
      return enumArbitrary(value.enum, options);
    case "message":
      return value.json ? jsonArbitrary(options).object : messageInitArbitrary(value.message, depth + 1, options);
  }
}

/**
 * Whether a list or map holds google.protobuf.NullValue, whose JSON elements
 * are null: Python's ParseDict (protobuf 4.21) refuses null in lists and maps.
 */
function isNullValue(element: ValueOf): boolean {
  return element.kind === "enum" && element.enum.typeName === "google.protobuf.NullValue";
}

/** What a list or map holds, as one value kind. */
function elementOf(field: DescField & { fieldKind: "list" | "map" }): ValueOf {
  const kind = field.fieldKind === "list" ? field.listKind : field.mapKind;
  switch (kind) {
    case "scalar":
      return { kind, scalar: field.scalar! };
    case "enum":
      return { kind, enum: field.enum! };
    case "message":
      return { kind, message: field.message!, json: isJsonStruct(field) };
  }
}

function fieldArbitrary(field: DescField, depth: number, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const deep = depth >= maxDepth;
  switch (field.fieldKind) {
    case "scalar":
      return scalarArbitrary(field.scalar, field.longAsString);
    case "enum":
      return enumArbitrary(field.enum, options);
    case "message":
      if (deep) return fc.constant(undefined);
      // protoc-gen-es unboxes wrappers in singular fields outside oneofs to their value.
      if (field.oneof === undefined && isWrapperDesc(field.message)) return scalarArbitrary(field.message.fields[0]!.scalar!, false);
      if (isJsonStruct(field)) return jsonArbitrary(options).object;
      return messageInitArbitrary(field.message, depth + 1, options);
    case "list": {
      const element = elementOf(field);
      if (deep && element.kind === "message") return fc.constant([]);
      if (options.jsonSafe === true && isNullValue(element)) return fc.constant([]);
      return fc.array(valueArbitrary(element, field.listKind === "scalar" && field.longAsString, depth, options), { maxLength: 5 });
    }
    case "map": {
      const element = elementOf(field);
      if (deep && element.kind === "message") return fc.constant({});
      if (options.jsonSafe === true && isNullValue(element)) return fc.constant({});
      const entry = fc.tuple(mapKeyArbitrary(field.mapKey, false), valueArbitrary(element, false, depth, options));
      // Keys are compared as the property names they become.
      return fc.uniqueArray(entry, { selector: ([key]) => String(key), maxLength: 4 }).map((entries) => Object.fromEntries(entries));
    }
  }
}

/** The init value of a message-typed field: random fields, or in jsonSafe mode a well-known type's JSON-safe value. */
function messageInitArbitrary(desc: DescMessage, depth: number, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  return (options.jsonSafe === true ? jsonSafeMessage(desc) : undefined) ?? initArbitrary(desc, depth, options);
}

/** A random init object for desc: each field set or left out, each oneof unset or set to one member. */
export function initArbitrary(desc: DescMessage, depth: number, options: ArbitraryOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of desc.fields) {
    if (field.oneof === undefined) fields[field.localName] = fieldArbitrary(field, depth, options);
  }
  for (const oneof of desc.oneofs) {
    // Past the depth limit a message member would have no value: leave it out.
    const members = oneof.fields.filter((member) => depth < maxDepth || member.fieldKind !== "message");
    if (members.length === 0) continue;
    fields[oneof.localName] = fc.oneof(
      ...members.map((member) => fieldArbitrary(member, depth, options).map((value) => ({ case: member.localName, value }))),
    );
  }
  return fc.record(fields, { requiredKeys: [] });
}

/** Random valid messages of any schema, driven by its descriptor. */
export function messageArbitrary<Desc extends DescMessage>(schema: Desc, options: ArbitraryOptions = {}): fc.Arbitrary<MessageShape<Desc>> {
  return messageInitArbitrary(schema, 0, options).map((init) => create(schema, init as never));
}

/**
 * Whether two messages hold the same field values. Like protobuf-es `equals`,
 * but floats compare with Object.is: `equals` follows IEEE, so a message with
 * a NaN would not equal itself, and -0 must survive a round trip as -0.
 */
export function sameMessage(schema: DescMessage, a: Message, b: Message): boolean {
  return sameReflected(reflect(schema, a), reflect(schema, b));
}

function sameReflected(a: ReflectMessage, b: ReflectMessage): boolean {
  return a.fields.every((field) => {
    if (a.isSet(field) !== b.isSet(field)) return false;
    return !a.isSet(field) || sameValue(field, a.get(field), b.get(field));
  });
}

function sameValue(field: DescField, a: unknown, b: unknown): boolean {
  switch (field.fieldKind) {
    case "scalar":
    case "enum":
      return sameScalar(a, b);
    case "message":
      return sameReflected(a as ReflectMessage, b as ReflectMessage);
    case "list": {
      const [x, y] = [[...(a as Iterable<unknown>)], [...(b as Iterable<unknown>)]];
      return x.length === y.length && x.every((item, i) => sameElement(field.listKind, item, y[i]));
    }
    case "map": {
      const [x, y] = [a as ReadonlyMap<unknown, unknown>, b as ReadonlyMap<unknown, unknown>];
      return x.size === y.size && [...x].every(([key, value]) => y.has(key) && sameElement(field.mapKind, value, y.get(key)));
    }
  }
}

function sameElement(kind: "scalar" | "enum" | "message", a: unknown, b: unknown): boolean {
  return kind === "message" ? sameReflected(a as ReflectMessage, b as ReflectMessage) : sameScalar(a, b);
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((byte, i) => byte === b[i]);
  return Object.is(a, b);
}

/** Lower-case hex of bytes, for readable byte comparisons. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

/** The 8-byte header of a command frame: u32 BE length (4 + body), u32 BE command id. */
export function header(cmd: number, bodyLength: number): Uint8Array {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 4 + bodyLength);
  view.setUint32(4, cmd);
  return bytes;
}

/** A command frame built independently of the generated encoders. */
export function frame(cmd: number, body: Uint8Array = new Uint8Array()): Uint8Array {
  return Uint8Array.from([...header(cmd, body.length), ...body]);
}
