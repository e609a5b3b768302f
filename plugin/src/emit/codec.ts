import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import type { GeneratedFile, Printable, Schema } from "@bufbuild/protoplugin";
import { Edition } from "@bufbuild/protobuf/wkt";
import { UserError } from "../user-error.js";
import { reachableTypes } from "../model/reachable-types.js";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { printCodecRuntime } from "./codec-runtime.js";
import { generateFile } from "./header.js";
import { codecNames, type CodecNames } from "./names.js";
import { isJsonStruct, isWellKnown, unboxedWrapper } from "./well-known.js";

/**
 * codec.ts: binary codecs specialised for every message the commands reach:
 * straight-line size, write and read functions over the same message shapes
 * protoc-gen-es generates, byte-for-byte equal to @bufbuild/protobuf.
 */
export function emitCodec(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "codec.ts");
  const reachable = reachableTypes(p).filter((t): t is DescMessage => t.kind === "message");
  // Names over every reachable message, as encode.ts and decode.ts compute them.
  const names = codecNames(reachable);
  const bodies = new Set(p.commands.flatMap((c) => (c.kind === "request" ? [c.request, c.response] : [c.message])));
  // Exported codecs: every message of the protocol's own files, and well-known
  // types only where a body or an extra type is one.
  const exported = new Set<DescMessage>(reachable.filter((m) => !isWellKnown(m) || bodies.has(m) || p.extraTypes.includes(m)));
  const { messages, wrappers } = codecMessages(reachable, exported);
  // Groups, closed enums and proto2 defaults would need code this emitter does not write.
  const notProto3 = messages.filter((m) => m.file.edition !== Edition.EDITION_PROTO3);
  if (notProto3.length > 0) {
    const list = notProto3.map((m) => `${m.typeName} (${m.file.name}.proto)`).join(", ");
    throw new UserError(`${p.manifestPath}: the generated codecs support proto3 messages only; not proto3: ${list}`);
  }
  // The messages' code is recorded first: the runtime printed above it keeps only what that code uses.
  const recorded: Printable[][] = [];
  const recorder: GeneratedFile = Object.assign(Object.create(f) as GeneratedFile, {
    print: (...printables: Printable[]) => void recorded.push(printables),
  });
  for (const wrapper of wrappers) {
    printUnbox(recorder, wrapper);
    recorder.print();
  }
  messages.forEach((message, i) => {
    const g = new MessageCodec(recorder, message, names);
    if (i > 0) recorder.print();
    g.printSize();
    recorder.print();
    g.printWrite();
    recorder.print();
    g.printRead();
    if (exported.has(message)) {
      recorder.print();
      g.printApi(bodies.has(message) && p.websocket === undefined);
    }
  });
  printCodecRuntime(f, recorded.map(textOf).join("\n"));
  for (const printables of recorded) f.print(...printables);
}

/**
 * The messages that need size, write and read functions: the exported ones
 * and the messages their fields hold as messages. A wrapper or Struct that
 * protoc-gen-es unboxes needs none (wrappers get an unbox reader instead;
 * a Struct's JSON codec is in the runtime). Both lists keep the order of
 * reachableTypes, sorted by full name.
 */
function codecMessages(reachable: readonly DescMessage[], exported: ReadonlySet<DescMessage>): { messages: DescMessage[]; wrappers: DescMessage[] } {
  const needed = new Set<DescMessage>();
  const wrappers = new Set<DescMessage>();
  const visit = (message: DescMessage): void => {
    if (needed.has(message)) return;
    needed.add(message);
    for (const field of message.fields) {
      if (field.message === undefined || isJsonStruct(field)) continue;
      if (unboxedWrapper(field) !== undefined) wrappers.add(field.message);
      else visit(field.message);
    }
  };
  for (const message of exported) visit(message);
  return { messages: reachable.filter((m) => needed.has(m)), wrappers: reachable.filter((m) => wrappers.has(m)) };
}

/** The text of printed pieces, imports left out: enough to see which runtime names it uses. */
function textOf(printables: Printable[]): string {
  return printables.map((p) => (typeof p === "string" ? p : Array.isArray(p) ? textOf(p) : "")).join("");
}

const wire = { varint: 0, bit64: 1, delimited: 2, bit32: 5 } as const;

/** How one scalar type is measured, written and read. */
interface ScalarCodec {
  readonly wireType: number;
  /** Bytes the value takes (without tag), as an expression of v. */
  size(v: string): string;
  write(v: string): string;
  read: string;
  /** The zero value a decoder starts from. */
  zero: string;
  /** Whether a value is the zero value (not written with implicit presence). */
  isZero(v: string): string;
}

function scalarCodec(type: ScalarType): ScalarCodec {
  const varint = (size: (v: string) => string, write: (v: string) => string, read: string): ScalarCodec => ({
    wireType: wire.varint,
    size,
    write,
    read,
    zero: "0",
    isZero: (v) => `${v} === 0`,
  });
  // 64-bit values: bigint (or string) in, bigint out.
  const int64 = (size: (v: string) => string, write: (v: string) => string, read: string, wireType: number): ScalarCodec => ({
    wireType,
    size,
    write,
    read,
    zero: "zero64",
    // Loose equality, as @bufbuild/protobuf: 0n, 0 and "0" are all zero.
    isZero: (v) => `${v} == zero64`,
  });
  switch (type) {
    case ScalarType.INT32:
      return varint((v) => `int32Size(${v})`, (v) => `writeInt32(${v})`, "readInt32()");
    case ScalarType.UINT32:
      return varint((v) => `uint32Size(${v})`, (v) => `writeVarint(${v})`, "readVarint32()");
    case ScalarType.SINT32:
      return varint((v) => `sint32Size(${v})`, (v) => `writeVarint(zigzag32(${v}))`, "readSint32()");
    case ScalarType.INT64:
      return int64((v) => `int64Size(${v})`, (v) => `writeInt64(${v})`, "readInt64()", wire.varint);
    case ScalarType.UINT64:
      return int64((v) => `uint64Size(${v})`, (v) => `writeUint64(${v})`, "readUint64()", wire.varint);
    case ScalarType.SINT64:
      return int64((v) => `sint64Size(${v})`, (v) => `writeSint64(${v})`, "readSint64()", wire.varint);
    case ScalarType.FIXED64:
      return int64(() => "8", (v) => `writeFixed64(${v}, false)`, "readFixed64()", wire.bit64);
    case ScalarType.SFIXED64:
      return int64(() => "8", (v) => `writeFixed64(${v}, true)`, "readSfixed64()", wire.bit64);
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return {
        wireType: wire.bit32,
        size: (v) => `fixed32Size(${v}, ${type === ScalarType.SFIXED32})`,
        write: (v) => `writeFixed32(${v})`,
        read: type === ScalarType.FIXED32 ? "readFixed32()" : "readSfixed32()",
        zero: "0",
        isZero: (v) => `${v} === 0`,
      };
    case ScalarType.FLOAT:
    case ScalarType.DOUBLE: {
      const float = type === ScalarType.FLOAT;
      return {
        wireType: float ? wire.bit32 : wire.bit64,
        size: (v) => `floatSize(${v}, ${float ? 4 : 8})`,
        write: (v) => `${float ? "writeFloat" : "writeDouble"}(${v})`,
        read: float ? "readFloat()" : "readDouble()",
        zero: "0",
        // -0 is not the zero value: it is written, as @bufbuild/protobuf does.
        isZero: (v) => `Object.is(${v}, 0)`,
      };
    }
    case ScalarType.BOOL:
      return {
        wireType: wire.varint,
        size: () => "1",
        write: (v) => `buf[pos++] = ${v} ? 1 : 0`,
        read: "readBool()",
        zero: "false",
        isZero: (v) => `${v} === false`,
      };
    case ScalarType.STRING:
      return {
        wireType: wire.delimited,
        size: (v) => `stringSize(${v})`,
        write: (v) => `writeString(${v})`,
        read: "readString(end)",
        zero: '""',
        isZero: (v) => `${v} === ""`,
      };
    case ScalarType.BYTES:
      return {
        wireType: wire.delimited,
        size: (v) => `bytesSize(${v})`,
        write: (v) => `writeBytes(${v})`,
        read: "readBytes(end)",
        zero: "emptyBytes",
        isZero: (v) => `${v}.length === 0`,
      };
  }
}

/** The varint bytes of a tag, known at generation time. */
function tagBytes(no: number, wireType: number): number[] {
  let v = ((no << 3) | wireType) >>> 0;
  const bytes: number[] = [];
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return bytes;
}

function tagValue(no: number, wireType: number): number {
  return ((no << 3) | wireType) >>> 0;
}

/** Statements that write a tag byte by byte. */
function writeTag(no: number, wireType: number): string {
  return tagBytes(no, wireType)
    .map((b) => `buf[pos++] = ${b};`)
    .join(" ");
}

/** The TypeScript type protoc-gen-es gives a scalar (64-bit as bigint). */
function scalarTsType(type: ScalarType): string {
  switch (type) {
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return "bigint";
    case ScalarType.BOOL:
      return "boolean";
    case ScalarType.STRING:
      return "string";
    case ScalarType.BYTES:
      return "Uint8Array";
    default:
      return "number";
  }
}

/** The name of the reader of a wrapper field that protoc-gen-es unboxes. */
function unboxName(wrapper: DescMessage): string {
  return `unbox${wrapper.name}`;
}

/**
 * Reads a wrapper message (BoolValue, ...) into the value protoc-gen-es keeps
 * instead of it. Like fromBinary, a field that occurs again merges into the
 * value read before (into), and an empty wrapper is the zero value.
 */
function printUnbox(f: GeneratedFile, wrapper: DescMessage): void {
  const scalar = wrapper.fields[0]!.scalar ?? ScalarType.INT32;
  const codec = scalarCodec(scalar);
  const type = scalarTsType(scalar);
  f.print(`/** Reads a ${wrapper.typeName} field as protoc-gen-es holds it: its value. */`);
  f.print(`function ${unboxName(wrapper)}(end: number, into: ${type} | undefined): ${type} {`);
  f.print(`  if (++depth > maxDepth) throw tooDeep("${wrapper.typeName}");`);
  f.print(`  let v = into ?? ${codec.zero};`);
  f.print(`  while (at < end) {`);
  f.print(`    const tag = readTag();`);
  f.print(`    if (tag === ${tagValue(1, codec.wireType)}) v = ${codec.read};`);
  f.print(`    else if (tag >>> 3 === 1) throw wrongWireType("${wrapper.typeName}", tag);`);
  f.print(`    else skipField(tag, end);`);
  f.print(`  }`);
  f.print(`  checkEnd(end);`);
  f.print(`  depth--;`);
  f.print(`  return v;`);
  f.print(`}`);
}

/** The functions that size, write and read the message a field holds: its message's codec, or a Struct's JSON codec. */
interface NestedCodec {
  readonly size: string;
  readonly write: string;
  readonly read: string;
  /** The type read. */
  readonly shape: Printable;
  /** The value of a map entry that has none: what fromBinary puts there. */
  readonly empty: string;
}

/** Emits the size, write and read functions of one message. */
class MessageCodec {
  private readonly fields: readonly DescField[];
  private readonly fn: CodecNames[string];

  constructor(
    private readonly f: GeneratedFile,
    private readonly message: DescMessage,
    private readonly names: CodecNames,
  ) {
    this.fields = [...message.fields].sort((a, b) => a.number - b.number);
    this.fn = names[message.typeName]!;
  }

  private init(desc: DescMessage): Printable[] {
    return [this.f.import("MessageInitShape", "@bufbuild/protobuf", true), "<typeof ", this.f.importSchema(desc, true), ">"];
  }

  /** The value of a field in the message m, or in its oneof. */
  private access(field: DescField): string {
    return field.oneof === undefined ? `m.${field.localName}` : `${field.oneof.localName}.value`;
  }

  /** The condition under which @bufbuild/protobuf writes a field. */
  private isSet(field: DescField): string {
    const v = `m.${field.localName}`;
    if (field.oneof !== undefined) return `${field.oneof.localName}?.case === "${field.localName}"`;
    switch (field.fieldKind) {
      case "list":
        return `${v} != null && ${v}.length > 0`;
      case "map":
      case "message":
        return `${v} != null`;
      case "enum":
      case "scalar":
        if (field.presence !== 2 /* IMPLICIT */) return `${v} != null`;
        return `${v} != null && !(${this.zeroTest(field, v)})`;
    }
  }

  private zeroTest(field: DescField, v: string): string {
    if (field.fieldKind === "enum") return `${v} === ${field.enum.values[0]!.number}`;
    return scalarCodec(field.fieldKind === "scalar" ? field.scalar : ScalarType.INT32).isZero(v);
  }

  private oneofLocals(): string[] {
    return [...new Set(this.fields.flatMap((field) => (field.oneof === undefined ? [] : [field.oneof.localName])))];
  }

  printSize(): void {
    const { f, message } = this;
    f.print(`function ${this.fn.size}(m: `, this.init(message), `): number {`);
    f.print(`  let n = 0;`);
    for (const local of this.oneofLocals()) f.print(`  const ${local} = m.${local};`);
    for (const field of this.fields) {
      f.print(`  if (${this.isSet(field)}) {`);
      for (const line of this.sizeLines(field)) f.print(`    ${line}`);
      f.print(`  }`);
    }
    f.print(`  return n + unknownSize((m as { $unknown?: `, f.import("UnknownField", "@bufbuild/protobuf", true), `[] }).$unknown);`);
    f.print(`}`);
  }

  private sizeLines(field: DescField): string[] {
    const v = this.access(field);
    switch (field.fieldKind) {
      case "scalar":
      case "enum": {
        const codec = scalarCodec(field.fieldKind === "scalar" ? field.scalar : ScalarType.INT32);
        return [`n += ${tagBytes(field.number, codec.wireType).length} + ${codec.size(v)};`];
      }
      case "message": {
        const tag = tagBytes(field.number, wire.delimited).length;
        const scalar = unboxedWrapper(field);
        if (scalar !== undefined) {
          // The wrapper's value field has implicit presence: the zero value makes an empty wrapper.
          const codec = scalarCodec(scalar);
          const payload = `${codec.isZero(v)} ? 0 : ${tagBytes(1, codec.wireType).length} + ${codec.size(v)}`;
          return [`const slot = reserveLength();`, `n += ${tag} + delimitedSize(slot, ${payload});`];
        }
        return [`const slot = reserveLength();`, `n += ${tag} + delimitedSize(slot, ${this.nested(field).size}(${v}));`];
      }
      case "list": {
        const tag = tagBytes(field.number, wire.delimited).length;
        if (field.listKind === "message") {
          return [`for (const item of ${v}) {`, `  const slot = reserveLength();`, `  n += ${tag} + delimitedSize(slot, ${this.nested(field).size}(item));`, `}`];
        }
        const codec = scalarCodec(field.listKind === "scalar" ? field.scalar : ScalarType.INT32);
        if (!field.packed) {
          const itemTag = tagBytes(field.number, codec.wireType).length;
          return [`for (const item of ${v}) n += ${itemTag} + ${codec.size("item")};`];
        }
        const itemSize = codec.size("item");
        // A constant element size (fixed64, sfixed64) needs no loop.
        if (/^\d+$/.test(itemSize)) return [`n += ${tag} + delimitedSize(reserveLength(), ${v}.length * ${itemSize});`];
        return [`const slot = reserveLength();`, `let items = 0;`, `for (const item of ${v}) items += ${itemSize};`, `n += ${tag} + delimitedSize(slot, items);`];
      }
      case "map": {
        const key = scalarCodec(field.mapKey);
        const keyValue = this.mapKey(field, "key");
        const value = this.mapValueSize(field);
        const keySize = key.size(keyValue);
        // Keys and values of constant size (fixed64, bool) are not looked at at all.
        const loop = /\bkey\b/.test(keySize) || /\bvalue\b/.test(value) ? `for (const key of keysOf(${v})) {` : `for (let i = keysOf(${v}).length; i > 0; i--) {`;
        return [
          loop,
          ...(/\bvalue\b/.test(value) ? [`  const value = ${v}[${this.keyIndex(field, "key")}]!;`] : []),
          `  const slot = reserveLength();`,
          `  const entry = 1 + ${keySize} + 1 + ${value};`,
          `  n += ${tagBytes(field.number, wire.delimited).length} + delimitedSize(slot, entry);`,
          `}`,
        ];
      }
    }
  }

  private mapValueSize(field: DescField & { fieldKind: "map" }): string {
    switch (field.mapKind) {
      case "message":
        return `delimitedSize(reserveLength(), ${this.nested(field).size}(value))`;
      case "enum":
        return `int32Size(value)`;
      case "scalar":
        return scalarCodec(field.scalar).size("value");
    }
  }

  /** A map key from Object.keys as the value its type writes. */
  private mapKey(field: DescField & { fieldKind: "map" }, key: string): string {
    return field.mapKey === ScalarType.BOOL ? `${key} === "true"` : this.keyIndex(field, key);
  }

  /** The index expression for reading a map value by an Object.keys key. */
  private keyIndex(field: DescField & { fieldKind: "map" }, key: string): string {
    switch (field.mapKey) {
      case ScalarType.STRING:
      case ScalarType.BOOL:
      case ScalarType.INT64:
      case ScalarType.UINT64:
      case ScalarType.SINT64:
      case ScalarType.FIXED64:
      case ScalarType.SFIXED64:
        return key;
      default:
        return `Number(${key})`;
    }
  }

  /** The codec of what a message-typed field (singular, list element, map value, oneof member) holds. */
  private nested(field: DescField & { message: DescMessage }): NestedCodec {
    if (isJsonStruct(field)) {
      const shape = this.f.import("JsonObject", "@bufbuild/protobuf", true);
      return { size: "jsonObjectSize", write: "writeJsonObject", read: "readJsonObject", shape, empty: "{}" };
    }
    const { size, write, read } = this.names[field.message.typeName]!;
    return { size, write, read, shape: this.f.importShape(field.message), empty: `${read}(at)` };
  }

  printWrite(): void {
    const { f, message } = this;
    f.print(`function ${this.fn.write}(m: `, this.init(message), `): void {`);
    for (const local of this.oneofLocals()) f.print(`  const ${local} = m.${local};`);
    for (const field of this.fields) {
      f.print(`  if (${this.isSet(field)}) {`);
      for (const line of this.writeLines(field)) f.print(`    ${line}`);
      f.print(`  }`);
    }
    f.print(`  writeUnknown((m as { $unknown?: `, f.import("UnknownField", "@bufbuild/protobuf", true), `[] }).$unknown);`);
    f.print(`}`);
  }

  private writeLines(field: DescField): string[] {
    const v = this.access(field);
    const delimitedTag = writeTag(field.number, wire.delimited);
    switch (field.fieldKind) {
      case "scalar":
      case "enum": {
        const codec = scalarCodec(field.fieldKind === "scalar" ? field.scalar : ScalarType.INT32);
        return [`${writeTag(field.number, codec.wireType)} ${codec.write(v)};`];
      }
      case "message": {
        const scalar = unboxedWrapper(field);
        if (scalar !== undefined) {
          const codec = scalarCodec(scalar);
          return [`${delimitedTag} writeVarint(lengths[lengthNext++]!);`, `if (!(${codec.isZero(v)})) { ${writeTag(1, codec.wireType)} ${codec.write(v)}; }`];
        }
        return [`${delimitedTag} writeVarint(lengths[lengthNext++]!);`, `${this.nested(field).write}(${v});`];
      }
      case "list": {
        if (field.listKind === "message") {
          return [`for (const item of ${v}) {`, `  ${delimitedTag} writeVarint(lengths[lengthNext++]!);`, `  ${this.nested(field).write}(item);`, `}`];
        }
        const codec = scalarCodec(field.listKind === "scalar" ? field.scalar : ScalarType.INT32);
        if (!field.packed) {
          return [`for (const item of ${v}) {`, `  ${writeTag(field.number, codec.wireType)} ${codec.write("item")};`, `}`];
        }
        return [`${delimitedTag} writeVarint(lengths[lengthNext++]!);`, `for (const item of ${v}) ${codec.write("item")};`];
      }
      case "map": {
        const key = scalarCodec(field.mapKey);
        return [
          `for (const key of savedKeys()) {`,
          `  const value = ${v}[${this.keyIndex(field, "key")}]!;`,
          `  ${delimitedTag} writeVarint(lengths[lengthNext++]!);`,
          `  ${writeTag(1, key.wireType)} ${key.write(this.mapKey(field, "key"))};`,
          ...this.mapValueWrite(field).map((line) => `  ${line}`),
          `}`,
        ];
      }
    }
  }

  private mapValueWrite(field: DescField & { fieldKind: "map" }): string[] {
    switch (field.mapKind) {
      case "message":
        return [`${writeTag(2, wire.delimited)} writeVarint(lengths[lengthNext++]!);`, `${this.nested(field).write}(value);`];
      case "enum":
        return [`${writeTag(2, wire.varint)} writeInt32(value);`];
      case "scalar": {
        const codec = scalarCodec(field.scalar);
        return [`${writeTag(2, codec.wireType)} ${codec.write("value")};`];
      }
    }
  }

  printRead(): void {
    const { f, message } = this;
    const shape = f.importShape(message);
    f.print(`function ${this.fn.read}(end: number, into?: `, shape, `): `, shape, ` {`);
    f.print(`  if (++depth > maxDepth) throw tooDeep("${message.typeName}");`);
    f.print(`  const m: `, shape, ` = into ?? {`);
    f.print(`    $typeName: "${message.typeName}",`);
    for (const line of this.zeroLines()) f.print(`    ${line}`);
    f.print(`  };`);
    f.print(`  while (at < end) {`);
    f.print(`    const tag = readTag();`);
    f.print(`    switch (tag) {`);
    for (const field of this.fields) {
      for (const [tag, lines] of this.readCases(field)) {
        f.print(`      case ${tag}: {`);
        for (const line of lines) f.print(`        `, line);
        f.print(`        break;`);
        f.print(`      }`);
      }
    }
    f.print(`      default:`);
    const known = this.fields.map((field) => field.number);
    if (known.length > 0) {
      f.print(`        if ([${known.join(", ")}].includes(tag >>> 3)) throw wrongWireType("${message.typeName}", tag);`);
    }
    f.print(`        readUnknown(m, tag, end);`);
    f.print(`    }`);
    f.print(`  }`);
    f.print(`  checkEnd(end);`);
    f.print(`  depth--;`);
    f.print(`  return m;`);
    f.print(`}`);
  }

  /** Own properties of a message that @bufbuild/protobuf's create() sets: implicit-presence fields, lists, maps, oneofs. */
  private zeroLines(): string[] {
    const lines: string[] = [];
    for (const member of this.message.members) {
      if (member.kind === "oneof") {
        lines.push(`${member.localName}: { case: undefined },`);
        continue;
      }
      switch (member.fieldKind) {
        case "list":
          lines.push(`${member.localName}: [],`);
          break;
        case "map":
          lines.push(`${member.localName}: {},`);
          break;
        case "enum":
          if (member.presence === 2) lines.push(`${member.localName}: ${member.enum.values[0]!.number},`);
          break;
        case "scalar":
          if (member.presence === 2) lines.push(`${member.localName}: ${scalarCodec(member.scalar).zero},`);
          break;
        case "message":
          break;
      }
    }
    return lines;
  }

  private readCases(field: DescField): [number, Printable[]][] {
    const target = `m.${field.localName}`;
    const set = (value: string) =>
      field.oneof === undefined ? `${target} = ${value};` : `m.${field.oneof.localName} = { case: "${field.localName}", value: ${value} };`;
    switch (field.fieldKind) {
      case "scalar":
      case "enum": {
        const codec = scalarCodec(field.fieldKind === "scalar" ? field.scalar : ScalarType.INT32);
        return [[tagValue(field.number, codec.wireType), [set(codec.read)]]];
      }
      case "message": {
        if (unboxedWrapper(field) !== undefined) {
          return [[tagValue(field.number, wire.delimited), [`${target} = ${unboxName(field.message)}(readEnd(end), ${target});`]]];
        }
        // A message field that occurs again merges into the one read before, as in fromBinary.
        const previous =
          field.oneof === undefined
            ? target
            : `m.${field.oneof.localName}.case === "${field.localName}" ? m.${field.oneof.localName}.value : undefined`;
        return [[tagValue(field.number, wire.delimited), [set(`${this.nested(field).read}(readEnd(end), ${previous})`)]]];
      }
      case "list": {
        if (field.listKind === "message") {
          return [[tagValue(field.number, wire.delimited), [`${target}.push(${this.nested(field).read}(readEnd(end)));`]]];
        }
        const codec = scalarCodec(field.listKind === "scalar" ? field.scalar : ScalarType.INT32);
        const one: [number, Printable[]] = [tagValue(field.number, codec.wireType), [`${target}.push(${codec.read});`]];
        if (codec.wireType === wire.delimited) return [one];
        // Packed and unpacked encodings are both accepted, whichever the field declares.
        const packed: [number, Printable[]] = [
          tagValue(field.number, wire.delimited),
          [`const e = readEnd(end);`, `while (at < e) ${target}.push(${codec.read});`, `checkEnd(e);`],
        ];
        return [one, packed];
      }
      case "map":
        return [[tagValue(field.number, wire.delimited), this.mapEntryRead(field)]];
    }
  }

  private mapEntryRead(field: DescField & { fieldKind: "map" }): Printable[] {
    const key = scalarCodec(field.mapKey);
    let valueZero: string;
    let valueRead: string;
    let valueWire: number;
    switch (field.mapKind) {
      case "message":
        valueZero = "undefined";
        valueRead = `${this.nested(field).read}(readEnd(e))`;
        valueWire = wire.delimited;
        break;
      case "enum":
        valueZero = `${field.enum.values[0]!.number}`;
        valueRead = "readInt32()";
        valueWire = wire.varint;
        break;
      case "scalar": {
        const codec = scalarCodec(field.scalar);
        valueZero = codec.zero;
        valueRead = codec.read.replace("(end)", "(e)");
        valueWire = codec.wireType;
        break;
      }
    }
    const objectKey = field.mapKey === ScalarType.BOOL ? `key ? "true" : "false"` : key.zero === "zero64" ? "String(key)" : "key";
    const finalValue = field.mapKind === "message" ? `value ?? ${this.nested(field).empty}` : "value";
    return [
      `const e = readEnd(end);`,
      `let key = ${key.zero};`,
      field.mapKind === "message" ? [`let value: `, this.nested(field).shape, ` | undefined = undefined;`] : `let value = ${valueZero};`,
      `while (at < e) {`,
      `  const t = readTag();`,
      `  if (t === ${tagValue(1, key.wireType)}) key = ${key.read.replace("(end)", "(e)")};`,
      `  else if (t === ${tagValue(2, valueWire)}) value = ${valueRead};`,
      `  else skipField(t, e);`,
      `}`,
      `checkEnd(e);`,
      `setEntry(m.${field.localName}, ${objectKey}, ${finalValue});`,
    ];
  }

  /** The exported functions: to and from binary, and for frame bodies to and from whole frames. */
  printApi(frameBody: boolean): void {
    const { f, message } = this;
    const shape = f.importShape(message);
    const { size, write, read, parse, api } = this.fn;
    f.print(f.jsDoc(`Encodes a ${message.name} (a message or its init object) to protobuf binary, as toBinary() does.`));
    f.print(f.export("function", `${api}ToBinary`), `(message: `, this.init(message), `): Uint8Array {`);
    f.print(`  return encodeMessage("${message.typeName}", message, undefined, ${size}, ${write});`);
    f.print(`}`);
    f.print();
    // The reader is called directly, not passed to a shared helper, so the engine can inline it.
    f.print(`/** Decodes a whole ${message.name} from bytes[offset..]; every failure becomes one FrameError. */`);
    f.print(`function ${parse}(bytes: Uint8Array, offset: number): `, shape, ` {`);
    f.print(`  startRead(bytes, offset);`);
    f.print(`  try {`);
    f.print(`    return ${read}(bytes.length);`);
    f.print(`  } catch (error) {`);
    f.print(`    throw decodeFailed("${message.typeName}", error);`);
    f.print(`  } finally {`);
    f.print(`    endRead();`);
    f.print(`  }`);
    f.print(`}`);
    f.print();
    f.print(f.jsDoc(`Decodes a ${message.name} from protobuf binary, as fromBinary() does; bytes fields are views into the input.`));
    f.print(f.export("function", `${api}FromBinary`), `(bytes: Uint8Array): `, shape, ` {`);
    f.print(`  return ${parse}(bytes, 0);`);
    f.print(`}`);
    if (!frameBody) return;
    f.print();
    f.print(f.jsDoc(`A whole frame, [u32 length][u32 cmd][${message.name}], in one buffer.`));
    f.print(f.export("function", `${api}Frame`), `(cmd: number, message: `, this.init(message), `): Uint8Array {`);
    f.print(`  return encodeMessage("${message.typeName}", message, cmd, ${size}, ${write});`);
    f.print(`}`);
    f.print();
    f.print(f.jsDoc(`Decodes the ${message.name} body of a whole frame whose header was checked.`));
    f.print(f.export("function", `${api}FromFrame`), `(frame: Uint8Array): `, shape, ` {`);
    f.print(`  return ${parse}(frame, 8);`);
    f.print(`}`);
  }
}
