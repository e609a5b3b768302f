import type { GeneratedFile, Printable } from "@bufbuild/protoplugin";

/** What the messages' code needs, read off that code: only what it uses is emitted. */
interface Features {
  /** Strings are written: the optimistic-ASCII retry is needed. */
  readonly strings: boolean;
  /** Lengths are recorded in the size pass (strings, nested messages, packed lists, maps). */
  readonly lengths: boolean;
  readonly maps: boolean;
  readonly floatsOut: boolean;
  readonly floatsIn: boolean;
}

function featuresOf(code: string): Features {
  return {
    strings: /\bstringSize\(/.test(code),
    lengths: /\b(stringSize|reserveLength)\(/.test(code),
    maps: /\bkeysOf\(/.test(code),
    floatsOut: /\b(writeFloat|writeDouble)\(/.test(code),
    floatsIn: /\b(readFloat|readDouble)\(/.test(code),
  };
}

/**
 * The wire primitives at the top of codec.ts, shared by every message's
 * size, write and read functions, given the code of those functions: only
 * the primitives it reaches are printed, so the file has no dead helpers.
 * They keep their state in module variables (one encode or decode runs at a
 * time: none of them calls user code), so encoding a frame allocates nothing
 * but the frame.
 */
export function printCodecRuntime(f: GeneratedFile, code: string): void {
  const fixed = splitChunks([...staticRuntime(f), "\n\n", ...jsonRuntime(f)]);
  // The state depends on what is used, by the messages' code and by the primitives it reaches.
  const features = featuresOf(textOf(reachedFrom(code, fixed).flat()) + code);
  const chunks = [...fixed, ...stateChunks(f, features)];
  const kept = new Set(reachedFrom(code, chunks));
  for (const chunk of chunks) {
    if (!kept.has(chunk)) continue;
    f.print(...chunk);
    f.print();
  }
}

/** The chunks code reaches: a chunk is reached when code, or a chunk reached, names what it declares. */
function reachedFrom(code: string, chunks: readonly Printable[][]): Printable[][] {
  const kept = new Set<Printable[]>();
  let reached = withoutComments(code);
  for (let grown = true; grown; ) {
    grown = false;
    for (const chunk of chunks) {
      if (kept.has(chunk)) continue;
      if (declaredNames(chunk).some((name) => new RegExp(`\\b${name}\\b`).test(reached))) {
        kept.add(chunk);
        reached += withoutComments(textOf(chunk));
        grown = true;
      }
    }
  }
  return [...kept];
}

/** The runtime split at its blank lines: one declaration, or a group of them, per chunk. */
function splitChunks(pieces: Printable[]): Printable[][] {
  const chunks: Printable[][] = [[]];
  for (const piece of pieces) {
    if (typeof piece !== "string") {
      chunks[chunks.length - 1]!.push(piece);
      continue;
    }
    piece.split("\n\n").forEach((part, i) => {
      if (i > 0) chunks.push([]);
      if (part !== "") chunks[chunks.length - 1]!.push(part);
    });
  }
  return chunks.filter((chunk) => chunk.length > 0);
}

/** Code without its comments: a name mentioned in prose does not make its declaration reached. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
}

function textOf(chunk: Printable[]): string {
  return chunk.map((piece) => (typeof piece === "string" ? piece : "")).join("");
}

function declaredNames(chunk: Printable[]): string[] {
  return [...textOf(chunk).matchAll(/^(?:function|const|let) (\w+)/gm)].map((m) => m[1]!);
}

/**
 * The module state and the functions that reset it, written for the features
 * in use: a variable that is only ever assigned would be dead code too.
 */
function stateChunks(f: GeneratedFile, on: Features): Printable[][] {
  const FrameError = f.import("FrameError", "./errors.js");
  const lines = (...list: (string | false)[]) => list.filter((line): line is string => line !== false).join("\n");
  return [
    [
      lines(
        "// Writing takes two passes over a message. The size pass records the byte",
        "// length of every string and nested message in `lengths`, in the order the",
        "// write pass meets them, so the write pass never measures anything twice.",
        "let lengths: number[] = [];",
        "let lengthCount = 0;",
        "let lengthNext = 0;",
      ),
    ],
    [
      lines(
        "// Likewise the keys of every map: listing a large map's keys costs more than",
        "// looking its values up again.",
        "let mapKeys: string[][] = [];",
        "let mapKeyCount = 0;",
        "let mapKeyNext = 0;",
        "const noKeys: string[] = [];",
      ),
    ],
    ["let buf: Uint8Array = new Uint8Array(0);\nlet pos = 0;"],
    ["let bufView: DataView | undefined = undefined;"],
    [
      lines(
        "// Reading state: the input, the read position and the nesting depth.",
        "let input: Uint8Array = new Uint8Array(0);",
        "let at = 0;",
        "let depth = 0;",
        "/** The nesting limit of @bufbuild/protobuf's fromBinary, kept for the same inputs. */",
        "const maxDepth = 100;",
      ),
    ],
    ["let inView: DataView | undefined = undefined;"],
    [
      lines(
        "/**",
        " * Encodes a message, after a frame header when cmd is not undefined, into a",
        " * buffer of its exact size: a size pass, then a write pass.",
        " */",
        "function encodeMessage<M>(",
        "  typeName: string,",
        "  message: M,",
        "  cmd: number | undefined,",
        "  size: (m: M) => number,",
        "  write: (m: M) => void,",
        "): Uint8Array {",
        "  try {",
        on.strings && "    try {",
        on.strings && "      return encodeOnce(message, cmd, size, write);",
        on.strings && "    } catch (error) {",
        on.strings && "      if (error !== notAscii) throw error;",
        on.strings && "    }",
        on.strings && "    exact = true;",
        "    return encodeOnce(message, cmd, size, write);",
        "  } catch (error) {",
        "    const reason = error instanceof Error ? error.message : String(error);",
        "    throw new Error(`cannot encode ${typeName}: ${reason}`, { cause: error });",
        on.strings && "  } finally {",
        on.strings && "    exact = false;",
        "  }",
        "}",
      ),
    ],
    [
      lines(
        "function encodeOnce<M>(message: M, cmd: number | undefined, size: (m: M) => number, write: (m: M) => void): Uint8Array {",
        on.lengths && "  lengthCount = 0;",
        on.maps && "  mapKeyCount = 0;",
        "  const n = size(message);",
        "  const out = allocate(cmd === undefined ? n : 8 + n);",
        "  buf = out;",
        "  pos = 0;",
        on.floatsOut && "  bufView = undefined;",
        on.lengths && "  lengthNext = 0;",
        on.maps && "  mapKeyNext = 0;",
        "  if (cmd !== undefined) {",
        "    writeFixed32BE(4 + n);",
        "    writeFixed32BE(cmd);",
        "  }",
        "  write(message);",
        "  // Keep neither the output nor any message's keys alive.",
        "  buf = emptyBytes;",
        on.floatsOut && "  bufView = undefined;",
        on.maps && "  for (let i = 0; i < mapKeyCount; i++) mapKeys[i] = noKeys;",
        "  return out;",
        "}",
      ),
    ],
    [
      lines(
        "/** Starts decoding bytes from offset. */",
        "function startRead(bytes: Uint8Array, offset: number): void {",
        "  input = bytes;",
        on.floatsIn && "  inView = undefined;",
        "  at = offset;",
        "  depth = 0;",
        "}",
      ),
    ],
    [
      lines(
        "/** Ends decoding without keeping the input alive. */",
        "function endRead(): void {",
        "  input = emptyBytes;",
        on.floatsIn && "  inView = undefined;",
        "}",
      ),
    ],
    [
      "/**\n * Whatever went wrong in a decode, from a short buffer to invalid UTF-8,\n * becomes one FrameError \"invalid-body\" with the offset where reading stopped.\n */\n",
      "function decodeFailed(typeName: string, cause: unknown): Error {\n",
      "  const reason = cause instanceof Error ? cause.message : String(cause);\n",
      "  const stop = Math.min(at, input.length);\n",
      "  return new ",
      FrameError,
      '("invalid-body", `not a valid ${typeName} (at byte ${stop}): ${reason}`, { offset: stop, cause });\n',
      "}",
    ],
  ];
}

/**
 * google.protobuf.Struct as protoc-gen-es holds it in a field: a JsonObject,
 * written and read straight from and to the wire, as toBinary / fromBinary
 * do through Struct, Value and ListValue messages. Each of those three counts
 * one level of nesting, as in fromBinary.
 */
function jsonRuntime(f: GeneratedFile): Printable[] {
  const JsonObject = f.import("JsonObject", "@bufbuild/protobuf", true);
  const JsonValue = f.import("JsonValue", "@bufbuild/protobuf", true);
  return [`/** The payload size of a Struct (map<string, Value> fields = 1) given as a JsonObject. */
function jsonObjectSize(o: `, JsonObject, `): number {
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw invalid("a JSON object", o);
  let n = 0;
  for (const key of keysOf(o)) {
    const slot = reserveLength();
    const entry = 1 + stringSize(key) + 1 + delimitedSize(reserveLength(), jsonValueSize(o[key]));
    n += 1 + delimitedSize(slot, entry);
  }
  return n;
}

/**
 * The payload size of a Value given as a JsonValue: null_value = 1,
 * number_value = 2, string_value = 3, bool_value = 4, struct_value = 5,
 * list_value = 6. undefined makes a Value without kind, as toBinary writes it.
 */
function jsonValueSize(v: `, JsonValue, ` | undefined): number {
  switch (typeof v) {
    case "number":
      return 9;
    case "string":
      return 1 + stringSize(v);
    case "boolean":
      return 2;
    case "undefined":
      return 0;
    case "object": {
      if (v === null) return 2;
      const slot = reserveLength();
      return 1 + delimitedSize(slot, Array.isArray(v) ? jsonListSize(v) : jsonObjectSize(v));
    }
    default:
      throw invalid("a JSON value", v);
  }
}

/** The payload size of a ListValue (repeated Value values = 1) given as an array. */
function jsonListSize(list: readonly `, JsonValue, `[]): number {
  let n = 0;
  for (const item of list) {
    const slot = reserveLength();
    n += 1 + delimitedSize(slot, jsonValueSize(item));
  }
  return n;
}

function writeJsonObject(o: `, JsonObject, `): void {
  for (const key of savedKeys()) {
    buf[pos++] = 0x0a;
    writeVarint(lengths[lengthNext++]!);
    buf[pos++] = 0x0a;
    writeString(key);
    buf[pos++] = 0x12;
    writeVarint(lengths[lengthNext++]!);
    writeJsonValue(o[key]);
  }
}

function writeJsonValue(v: `, JsonValue, ` | undefined): void {
  switch (typeof v) {
    case "number":
      buf[pos++] = 0x11;
      writeDouble(v);
      break;
    case "string":
      buf[pos++] = 0x1a;
      writeString(v);
      break;
    case "boolean":
      buf[pos++] = 0x20;
      buf[pos++] = v ? 1 : 0;
      break;
    case "object":
      if (v === null) {
        buf[pos++] = 0x08;
        buf[pos++] = 0;
      } else if (Array.isArray(v)) {
        buf[pos++] = 0x32;
        writeVarint(lengths[lengthNext++]!);
        for (const item of v) {
          buf[pos++] = 0x0a;
          writeVarint(lengths[lengthNext++]!);
          writeJsonValue(item);
        }
      } else {
        buf[pos++] = 0x2a;
        writeVarint(lengths[lengthNext++]!);
        writeJsonObject(v);
      }
      break;
  }
}

/** Reads a Struct into a JsonObject; a Struct field that occurs again merges into the one read before (into). */
function readJsonObject(end: number, into?: `, JsonObject, `): `, JsonObject, ` {
  if (++depth > maxDepth) throw tooDeep("google.protobuf.Struct");
  const o: `, JsonObject, ` = into ?? {};
  while (at < end) {
    const tag = readTag();
    if (tag === 0x0a) {
      const e = readEnd(end);
      let key = "";
      let value: `, JsonValue, ` = null;
      while (at < e) {
        const t = readTag();
        if (t === 0x0a) key = readString(e);
        else if (t === 0x12) value = readJsonValue(readEnd(e));
        else skipField(t, e);
      }
      checkEnd(e);
      setEntry(o, key, value);
    } else if (tag >>> 3 === 1) throw wrongWireType("google.protobuf.Struct", tag);
    else skipField(tag, end);
  }
  checkEnd(end);
  depth--;
  return o;
}

/**
 * Reads a Value into a JsonValue: a Value without kind, and any null_value,
 * is null. The last kind read wins; a struct or list read again merges.
 */
function readJsonValue(end: number): `, JsonValue, ` {
  if (++depth > maxDepth) throw tooDeep("google.protobuf.Value");
  let v: `, JsonValue, ` = null;
  let kind = 0;
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 0x08:
        readVarint32();
        v = null;
        break;
      case 0x11:
        v = readDouble();
        break;
      case 0x1a:
        v = readString(end);
        break;
      case 0x20:
        v = readBool();
        break;
      case 0x2a:
        v = readJsonObject(readEnd(end), kind === 5 ? (v as `, JsonObject, `) : undefined);
        break;
      case 0x32:
        v = readJsonList(readEnd(end), kind === 6 ? (v as `, JsonValue, `[]) : undefined);
        break;
      default:
        if (tag >>> 3 >= 1 && tag >>> 3 <= 6) throw wrongWireType("google.protobuf.Value", tag);
        skipField(tag, end);
        continue;
    }
    kind = tag >>> 3;
  }
  checkEnd(end);
  depth--;
  return v;
}

function readJsonList(end: number, into?: `, JsonValue, `[]): `, JsonValue, `[] {
  if (++depth > maxDepth) throw tooDeep("google.protobuf.ListValue");
  const list = into ?? [];
  while (at < end) {
    const tag = readTag();
    if (tag === 0x0a) list.push(readJsonValue(readEnd(end)));
    else if (tag >>> 3 === 1) throw wrongWireType("google.protobuf.ListValue", tag);
    else skipField(tag, end);
  }
  checkEnd(end);
  depth--;
  return list;
}`];
}

/** The primitives whose code does not depend on the features in use. */
function staticRuntime(f: GeneratedFile): Printable[] {
  const protoInt64 = f.import("protoInt64", "@bufbuild/protobuf");
  const UnknownField = f.import("UnknownField", "@bufbuild/protobuf", true);
  return [`const zero64 = `, protoInt64, `.zero;

/** The value of every empty bytes field a decoder creates; frozen, so sharing it is safe. */
const emptyBytes: Uint8Array = Object.freeze(new Uint8Array(0)) as Uint8Array;

// Text codecs through globalThis: every runtime has them, but a consumer
// compiling without the DOM or Node types must still be able to type-check.
const text = globalThis as unknown as {
  TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };
  TextEncoder: new () => { encodeInto(s: string, into: Uint8Array): { written: number } };
};

/**
 * Strict like @bufbuild/protobuf for proto3 strings: invalid UTF-8 is an
 * error. ignoreBOM keeps a leading U+FEFF, which is text, not a byte-order
 * mark, as Go and Python keep it (fromBinary drops it).
 */
const utf8 = new text.TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const utf8Encoder = new text.TextEncoder();

function varintSize(v: number): number {
  return v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5;
}

// The size pass checks every value once, so that a wrong type from untyped
// code is an error, never silently wrong bytes.
function invalid(expected: string, value: unknown): Error {
  return new TypeError(\`expected \${expected}, got \${typeof value === "string" ? JSON.stringify(value) : String(value)}\`);
}

function int32Size(v: number): number {
  if ((v | 0) !== v) throw invalid("an int32", v);
  return v < 0 ? 10 : varintSize(v);
}

function uint32Size(v: number): number {
  if (v >>> 0 !== v) throw invalid("a uint32", v);
  return varintSize(v);
}

function sint32Size(v: number): number {
  if ((v | 0) !== v) throw invalid("an int32", v);
  return varintSize(zigzag32(v));
}

function fixed32Size(v: number, signed: boolean): number {
  if (signed ? (v | 0) !== v : v >>> 0 !== v) throw invalid(signed ? "an int32" : "a uint32", v);
  return 4;
}

function floatSize(v: number, size: number): number {
  if (typeof v !== "number") throw invalid("a number", v);
  return size;
}

function varint64Size(lo: number, hi: number): number {
  if (hi === 0) return varintSize(lo >>> 0);
  const high = hi >>> 0;
  return high < 0x8 ? 5 : high < 0x400 ? 6 : high < 0x20000 ? 7 : high < 0x1000000 ? 8 : high < 0x80000000 ? 9 : 10;
}

function int64Size(v: bigint | string | number): number {
  const t = `, protoInt64, `.enc(v);
  return varint64Size(t.lo, t.hi);
}

function uint64Size(v: bigint | string | number): number {
  const t = `, protoInt64, `.uEnc(v);
  return varint64Size(t.lo, t.hi);
}

function sint64Size(v: bigint | string | number): number {
  const t = `, protoInt64, `.enc(v);
  const sign = t.hi >> 31;
  return varint64Size((t.lo << 1) ^ sign, ((t.hi << 1) | (t.lo >>> 31)) ^ sign);
}

function zigzag32(v: number): number {
  return ((v << 1) ^ (v >> 31)) >>> 0;
}

/** UTF-8 byte length, counting a lone surrogate as U+FFFD (3 bytes) as TextEncoder writes it. */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

// Strings are measured optimistically: as if ASCII, one byte per char,
// which costs no scan. The write pass checks each char as it copies it; at
// the first non-ASCII one the whole encode starts over with exact lengths.
let exact = false;
const notAscii = new Error("a string is not ASCII");

/** Size of a string field's payload; records its byte length for the write pass. */
function stringSize(s: string): number {
  if (typeof s !== "string") throw invalid("a string", s);
  const n = exact ? utf8Length(s) : s.length;
  lengths[lengthCount++] = n;
  return varintSize(n) + n;
}

function bytesSize(b: Uint8Array): number {
  if (!(b instanceof Uint8Array)) throw invalid("a Uint8Array", b);
  return varintSize(b.length) + b.length;
}

/** The keys of a map in the size pass, kept for the write pass. */
function keysOf(map: object): string[] {
  const keys = Object.keys(map);
  mapKeys[mapKeyCount++] = keys;
  return keys;
}

/** The keys the size pass listed for the map the write pass meets next. */
function savedKeys(): string[] {
  return mapKeys[mapKeyNext++]!;
}

/** Reserves the slot of a nested message's length before its own strings and messages. */
function reserveLength(): number {
  return lengthCount++;
}

/** Records a nested payload's length in its slot and returns the bytes it takes with its length prefix. */
function delimitedSize(slot: number, n: number): number {
  lengths[slot] = n;
  return varintSize(n) + n;
}

function unknownSize(unknown: readonly `, UnknownField, `[] | undefined): number {
  let n = 0;
  if (unknown !== undefined) {
    for (const u of unknown) n += varintSize(((u.no << 3) | u.wireType) >>> 0) + u.data.length;
  }
  return n;
}

// The write functions copy buf and pos into locals: module variables live in
// memory, locals in registers.
function writeVarint(v: number): void {
  const b = buf;
  let p = pos;
  while (v > 0x7f) {
    b[p++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  b[p++] = v;
  pos = p;
}

function writeVarint64(lo: number, hi: number): void {
  lo >>>= 0;
  hi >>>= 0;
  while (hi !== 0 || lo > 0x7f) {
    buf[pos++] = (lo & 0x7f) | 0x80;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  buf[pos++] = lo;
}

function writeInt32(v: number): void {
  if (v >= 0) writeVarint(v);
  else writeVarint64(v, 0xffffffff);
}

function writeInt64(v: bigint | string | number): void {
  const t = `, protoInt64, `.enc(v);
  writeVarint64(t.lo, t.hi);
}

function writeUint64(v: bigint | string | number): void {
  const t = `, protoInt64, `.uEnc(v);
  writeVarint64(t.lo, t.hi);
}

function writeSint64(v: bigint | string | number): void {
  const t = `, protoInt64, `.enc(v);
  const sign = t.hi >> 31;
  writeVarint64((t.lo << 1) ^ sign, ((t.hi << 1) | (t.lo >>> 31)) ^ sign);
}

function writeFixed32(v: number): void {
  buf[pos++] = v;
  buf[pos++] = v >>> 8;
  buf[pos++] = v >>> 16;
  buf[pos++] = v >>> 24;
}

function writeFixed64(v: bigint | string | number, signed: boolean): void {
  const t = signed ? `, protoInt64, `.enc(v) : `, protoInt64, `.uEnc(v);
  writeFixed32(t.lo);
  writeFixed32(t.hi);
}

/** A DataView of the output, made on the first float of an encode. */
function outputView(): DataView {
  return (bufView ??= new DataView(buf.buffer, buf.byteOffset, buf.byteLength));
}

function writeFloat(v: number): void {
  outputView().setFloat32(pos, v, true);
  pos += 4;
}

function writeDouble(v: number): void {
  outputView().setFloat64(pos, v, true);
  pos += 8;
}

/** Writes a string whose byte length the size pass recorded. */
function writeString(s: string): void {
  const n = lengths[lengthNext++]!;
  writeVarint(n);
  if (n === s.length) {
    // Assumed ASCII (or, measured exactly, known to be: any other char takes more bytes).
    const b = buf;
    const p = pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) throw notAscii;
      b[p + i] = c;
    }
    pos = p + n;
  } else {
    pos += utf8Encoder.encodeInto(s, buf.subarray(pos, pos + n)).written;
  }
}

function writeFixed32BE(v: number): void {
  buf[pos++] = v >>> 24;
  buf[pos++] = v >>> 16;
  buf[pos++] = v >>> 8;
  buf[pos++] = v;
}

function writeBytes(bytes: Uint8Array): void {
  const n = bytes.length;
  writeVarint(n);
  // set() has a fixed cost that a short copy loop avoids.
  if (n > 32) buf.set(bytes, pos);
  else for (let i = 0, b = buf, p = pos; i < n; i++) b[p + i] = bytes[i]!;
  pos += n;
}

function writeUnknown(unknown: readonly `, UnknownField, `[] | undefined): void {
  if (unknown === undefined) return;
  for (const u of unknown) {
    writeVarint(((u.no << 3) | u.wireType) >>> 0);
    buf.set(u.data, pos);
    pos += u.data.length;
  }
}

// Outputs up to poolLimit bytes are views into a shared slab, as Node's
// Buffer.allocUnsafe does: a fresh Uint8Array above 64 bytes costs several
// times more than the encoding of a small frame.
const slabSize = 16384;
const poolLimit = 2048;
let slab = new Uint8Array(slabSize);
let slabUsed = 0;

/** A zero-filled-or-overwritten buffer of n bytes for an encoder's output. */
function allocate(n: number): Uint8Array {
  if (n > poolLimit) return new Uint8Array(n);
  if (slabUsed + n > slabSize) {
    slab = new Uint8Array(slabSize);
    slabUsed = 0;
  }
  const out = slab.subarray(slabUsed, slabUsed + n);
  // Keep the next output 8-byte aligned.
  slabUsed = (slabUsed + n + 7) & ~7;
  return out;
}

function tooDeep(typeName: string): Error {
  return new Error(\`cannot decode \${typeName}: maximum nesting depth of \${maxDepth} reached\`);
}

/**
 * Reads a field tag: a varint of at most 5 bytes and 32 bits whose field
 * number is not 0. Longer tags (padded with 0x80 bytes) are refused, as
 * fromBinary and Google's runtimes refuse them. Most tags are one byte.
 */
function readTag(): number {
  const b = input[at]!;
  if (b < 0x80 && b > 7) {
    at++;
    return b;
  }
  return readLongTag();
}
function readLongTag(): number {
  const start = at;
  const tag = readVarint32();
  if (at - start > 4) {
    if (at - start > 5) throw new Error("invalid tag: more than 5 bytes");
    if (input[start + 4]! > 0x0f) throw new Error("invalid tag: more than 32 bits (field number above 2^29 - 1)");
  }
  if (tag >>> 3 === 0) throw new Error("invalid tag: field number 0");
  return tag;
}

/**
 * Checks that the varint at start, as long as it may be (padding included),
 * carries no bits beyond 32: readVarint32 drops them, which would turn an
 * out-of-range tag or length into a wrong but plausible one.
 */
function checkFits32(start: number, what: string): void {
  let extra = input[start + 4]! & 0x70;
  for (let i = start + 5; i < at; i++) extra |= input[i]! & 0x7f;
  if (extra !== 0) throw new Error(\`invalid \${what}: more than 32 bits\`);
}

/** Reads a varint and returns its low 32 bits as an unsigned number. */
function readVarint32(): number {
  let b = input[at++]!;
  let v = b & 0x7f;
  if (b < 0x80) return v;
  b = input[at++]!;
  v |= (b & 0x7f) << 7;
  if (b < 0x80) return v;
  b = input[at++]!;
  v |= (b & 0x7f) << 14;
  if (b < 0x80) return v;
  b = input[at++]!;
  v |= (b & 0x7f) << 21;
  if (b < 0x80) return v;
  b = input[at++]!;
  v |= (b & 0x0f) << 28;
  if (b < 0x80) return v >>> 0;
  // Bits past 32 (the sign extension of a negative int32) are dropped.
  for (let i = 0; i < 5; i++) {
    if (input[at++]! < 0x80) return v >>> 0;
  }
  throw new Error("invalid varint");
}

let lo64 = 0;
let hi64 = 0;

/** Reads a varint into lo64 and hi64. */
function readVarint64(): void {
  let lo = 0;
  let hi = 0;
  let b = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    b = input[at++]!;
    lo |= (b & 0x7f) << shift;
    if (b < 0x80) {
      lo64 = lo;
      hi64 = 0;
      return;
    }
  }
  b = input[at++]!;
  lo |= (b & 0x0f) << 28;
  hi = (b & 0x7f) >> 4;
  if (b < 0x80) {
    lo64 = lo;
    hi64 = hi;
    return;
  }
  for (let shift = 3; shift <= 31; shift += 7) {
    b = input[at++]!;
    hi |= (b & 0x7f) << shift;
    if (b < 0x80) {
      lo64 = lo;
      hi64 = hi;
      return;
    }
  }
  throw new Error("invalid varint");
}

/** Skips a varint (at most 10 bytes) without keeping its value. */
function skipVarint(): void {
  for (let i = 0; i < 10; i++) {
    if (input[at++]! < 0x80) return;
  }
  throw new Error("invalid varint");
}

function readInt32(): number {
  return readVarint32() | 0;
}

function readSint32(): number {
  const n = readVarint32();
  return (n >>> 1) ^ -(n & 1);
}

// Any set bit of the 64-bit value is true, as readVarint64 would read it (the
// tenth byte holds only bit 63), without needing the 64-bit reader.
function readBool(): boolean {
  let bits = 0;
  for (let i = 0; i < 9; i++) {
    const b = input[at++]!;
    bits |= b & 0x7f;
    if (b < 0x80) return bits !== 0;
  }
  const b = input[at++]!;
  if (b < 0x80) return (bits | (b & 1)) !== 0;
  throw new Error("invalid varint");
}

// Values that fit 32 bits (most counts) become a bigint in one step.
function readInt64(): bigint {
  readVarint64();
  if (hi64 === 0 && lo64 >= 0) return BigInt(lo64);
  if (hi64 === -1 && lo64 < 0) return BigInt(lo64);
  return `, protoInt64, `.dec(lo64, hi64) as bigint;
}

function readUint64(): bigint {
  readVarint64();
  if (hi64 === 0) return BigInt(lo64 >>> 0);
  return `, protoInt64, `.uDec(lo64, hi64) as bigint;
}

function readSint64(): bigint {
  readVarint64();
  const s = -(lo64 & 1);
  return `, protoInt64, `.dec(((lo64 >>> 1) | ((hi64 & 1) << 31)) ^ s, (hi64 >>> 1) ^ s) as bigint;
}

function readFixed32(): number {
  const v = (input[at]! | (input[at + 1]! << 8) | (input[at + 2]! << 16) | (input[at + 3]! << 24)) >>> 0;
  at += 4;
  return v;
}

function readSfixed32(): number {
  return readFixed32() | 0;
}

function readFixed64(): bigint {
  const lo = readFixed32();
  return `, protoInt64, `.uDec(lo, readFixed32()) as bigint;
}

function readSfixed64(): bigint {
  const lo = readFixed32();
  return `, protoInt64, `.dec(lo, readFixed32()) as bigint;
}

/** A DataView of the input, made on the first float of a decode. */
function inputView(): DataView {
  return (inView ??= new DataView(input.buffer, input.byteOffset, input.byteLength));
}

// Reads past the end are caught by checkEnd; a DataView would throw on them first.
function readFloat(): number {
  const v = at + 4 <= input.length ? inputView().getFloat32(at, true) : Number.NaN;
  at += 4;
  return v;
}

function readDouble(): number {
  const v = at + 8 <= input.length ? inputView().getFloat64(at, true) : Number.NaN;
  at += 8;
  return v;
}

/** Reads a length prefix and returns where that payload ends, which must lie within end. */
function readEnd(end: number): number {
  const start = at;
  const n = readVarint32();
  if (at - start > 4) checkFits32(start, "length");
  const e = at + n;
  if (e > end) throw new Error("premature EOF");
  return e;
}

function readBytes(end: number): Uint8Array {
  const e = readEnd(end);
  const start = at;
  at = e;
  return input.subarray(start, e);
}

function readString(end: number): string {
  const e = readEnd(end);
  const start = at;
  at = e;
  // Strings below 64 bytes are mostly ASCII (ids, topics, sessions), and for
  // them TextDecoder's fixed cost dominates: build them from char codes, up
  // to eight per call, and hand over to TextDecoder at the first non-ASCII byte.
  if (e - start >= 64) return utf8.decode(input.subarray(start, e));
  let s = "";
  let i = start;
  for (; i + 8 <= e; i += 8) {
    const b0 = input[i]!, b1 = input[i + 1]!, b2 = input[i + 2]!, b3 = input[i + 3]!;
    const b4 = input[i + 4]!, b5 = input[i + 5]!, b6 = input[i + 6]!, b7 = input[i + 7]!;
    if ((b0 | b1 | b2 | b3 | b4 | b5 | b6 | b7) & 0x80) return utf8.decode(input.subarray(start, e));
    s += String.fromCharCode(b0, b1, b2, b3, b4, b5, b6, b7);
  }
  const rest = e - i;
  if (rest === 0) return s;
  // The last 1 to 7 bytes, in one call too; bytes past the string read as 0.
  const b0 = input[i]!, b1 = rest > 1 ? input[i + 1]! : 0, b2 = rest > 2 ? input[i + 2]! : 0;
  const b3 = rest > 3 ? input[i + 3]! : 0, b4 = rest > 4 ? input[i + 4]! : 0, b5 = rest > 5 ? input[i + 5]! : 0;
  const b6 = rest > 6 ? input[i + 6]! : 0;
  if ((b0 | b1 | b2 | b3 | b4 | b5 | b6) & 0x80) return utf8.decode(input.subarray(start, e));
  switch (rest) {
    case 1:
      return s + String.fromCharCode(b0);
    case 2:
      return s + String.fromCharCode(b0, b1);
    case 3:
      return s + String.fromCharCode(b0, b1, b2);
    case 4:
      return s + String.fromCharCode(b0, b1, b2, b3);
    case 5:
      return s + String.fromCharCode(b0, b1, b2, b3, b4);
    case 6:
      return s + String.fromCharCode(b0, b1, b2, b3, b4, b5);
    default:
      return s + String.fromCharCode(b0, b1, b2, b3, b4, b5, b6);
  }
}

/** Checks that a message or packed list ended exactly where its length said. */
function checkEnd(end: number): void {
  if (at !== end) throw new Error("premature EOF");
}

/** Skips a field this message does not know and returns its bytes (after the tag). */
function skipField(tag: number, end: number): Uint8Array {
  const start = at;
  skipValue(tag, end, 0);
  return input.subarray(start, at);
}

function skipValue(tag: number, end: number, groups: number): void {
  switch (tag & 7) {
    case 0:
      skipVarint();
      break;
    case 1:
      at += 8;
      break;
    case 2:
      at = readEnd(end);
      break;
    case 5:
      at += 4;
      break;
    case 3: {
      if (groups + depth >= maxDepth) throw new Error("maximum nesting depth reached in a group");
      for (;;) {
        if (at >= end) throw new Error("premature EOF");
        const t = readTag();
        if ((t & 7) === 4) {
          if (t >>> 3 !== tag >>> 3) throw new Error("invalid end group tag");
          break;
        }
        skipValue(t, end, groups + 1);
      }
      break;
    }
    default:
      throw new Error(\`invalid wire type \${tag & 7}\`);
  }
  if (at > end) throw new Error("premature EOF");
}

/** Keeps an unknown field as @bufbuild/protobuf does, in $unknown. */
function readUnknown(message: { $unknown?: `, UnknownField, `[] | undefined }, tag: number, end: number): void {
  const data = skipField(tag, end);
  (message.$unknown ??= []).push({ no: tag >>> 3, wireType: tag & 7, data });
}

/** Sets a map entry; "__proto__" becomes an own key, not the object's prototype. */
function setEntry(map: object, key: string | number, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    (map as Record<string | number, unknown>)[key] = value;
  }
}

function wrongWireType(typeName: string, tag: number): Error {
  return new Error(\`cannot decode \${typeName}: field \${tag >>> 3} has wire type \${tag & 7}, which does not fit its type\`);
}`];
}
