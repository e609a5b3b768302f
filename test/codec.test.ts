/**
 * The generated codecs against @bufbuild/protobuf's reflection codec, message
 * by message: for random messages our bytes equal toBinary's and our decode
 * equals fromBinary's, also for every other valid encoding fromBinary accepts
 * (reordered fields, concatenated messages, packed/unpacked, unknown fields).
 *
 * Two protocols are covered: netsvr, once per version (generated/dist/<version>),
 * and allkinds, a test protocol whose messages hold every proto3 field kind
 * (test/fixtures/allkinds). The same property tests run for every message of both.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { create, fromBinary, toBinary, type DescMessage, type JsonValue, type MessageShape, ScalarType } from "@bufbuild/protobuf";
import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { TimestampSchema } from "@bufbuild/protobuf/wkt";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as allkinds from "./fixtures/allkinds/gen/allkinds_pb.js";
import * as allkindsCodec from "./fixtures/allkinds/gen/codec.js";
import { initArbitrary, messageArbitrary } from "./support/arbitrary.js";
import { concat } from "./support/bytes.js";
import { repoRoot } from "./support/repo.js";
import { protocolVersions } from "./support/protocols.js";
import { exportOf, netsvrOf, type Version } from "./support/versions.js";

interface Codec {
  readonly schema: DescMessage;
  readonly encode: (message: unknown) => Uint8Array;
  readonly decode: (bytes: Uint8Array) => unknown;
}

/**
 * The prefix of a message's exported codec functions: its short name, or, where
 * another reachable message has the same short name, its full name
 * (allkinds.Empty keeps empty; google.protobuf.Empty becomes googleProtobufEmpty).
 */
function apiNames(typeName: string): string[] {
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const parts = typeName.split(".");
  return [lower(parts[parts.length - 1]!), lower(parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(""))];
}

/** Every message schema a module exports, paired with its generated codec functions. */
function codecsOf(schemas: Record<string, unknown>, codec: Record<string, unknown>): Codec[] {
  return Object.values(schemas)
    .filter((value): value is DescMessage => (value as DescMessage | null)?.kind === "message")
    .map((schema) => {
      const api = apiNames(schema.typeName).find((name) => `${name}ToBinary` in codec);
      const encode = codec[`${api}ToBinary`] as Codec["encode"] | undefined;
      const decode = codec[`${api}FromBinary`] as Codec["decode"] | undefined;
      if (encode === undefined || decode === undefined) throw new Error(`no codec for ${schema.typeName}`);
      return { schema, encode, decode };
    });
}

const allkindsCodecs = codecsOf(allkinds, allkindsCodec);
const numRuns = 60;
/** How many messages each version's facts sheet lists (items and ConnOpenResp included). */
const netsvrMessageCount: Readonly<Record<Version, number>> = { v2: 41, v6: 58 };

test("every allkinds message has a codec", () => {
  expect(allkindsCodecs.map((c) => c.schema.name).sort()).toEqual(
    ["Empty", "Everything", "Maps", "Oneofs", "Optionals", "Repeated", "Scalars", "Tree", "WellKnown"].sort(),
  );
});

/** Splits an encoding into its top-level fields (tag included), as fromBinary would read them. */
function fieldsOf(bytes: Uint8Array): Uint8Array[] {
  const reader = new BinaryReader(bytes);
  const fields: Uint8Array[] = [];
  while (reader.pos < reader.len) {
    const start = reader.pos;
    const [no, wireType] = reader.tag();
    reader.skip(wireType, no);
    fields.push(bytes.subarray(start, reader.pos));
  }
  return fields;
}

/** The property tests every codec must pass, for one message. */
function codecProperties({ schema, encode, decode }: Codec): void {
  const messages = messageArbitrary(schema);

  test("encodes random messages to exactly toBinary's bytes", () => {
    fc.assert(
      fc.property(messages, (message) => {
        expect(encode(message)).toEqual(toBinary(schema, message));
      }),
      { numRuns },
    );
  });

  test("encodes init objects as toBinary encodes create(init)", () => {
    fc.assert(
      fc.property(initArbitrary(schema, 0), (init) => {
        expect(encode(init)).toEqual(toBinary(schema, create(schema, init as never)));
      }),
      { numRuns },
    );
  });

  test("decodes to what fromBinary returns", () => {
    fc.assert(
      fc.property(messages, (message) => {
        const bytes = toBinary(schema, message);
        expect(decode(bytes)).toEqual(fromBinary(schema, bytes));
      }),
      { numRuns },
    );
  });

  test("decodes fields in any order, as fromBinary does", () => {
    fc.assert(
      fc.property(messages, fc.infiniteStream(fc.nat()), (message, random) => {
        const fields = fieldsOf(toBinary(schema, message));
        const shuffled = fields.map((field) => [random.next().value as number, field] as const).sort((a, b) => a[0] - b[0]);
        const bytes = concat(shuffled.map(([, field]) => field));
        expect(decode(bytes)).toEqual(fromBinary(schema, bytes));
      }),
      { numRuns },
    );
  });

  test("decodes concatenated messages as a merge (last scalar wins, lists append, messages merge)", () => {
    fc.assert(
      fc.property(messages, messages, (a, b) => {
        const bytes = concat([toBinary(schema, a), toBinary(schema, b)]);
        expect(decode(bytes)).toEqual(fromBinary(schema, bytes));
      }),
      { numRuns },
    );
  });

  test("keeps unknown fields as fromBinary does, and writes them back", () => {
    const known = new Set(schema.fields.map((f) => f.number));
    const unknownField = fc
      .record({ no: fc.integer({ min: 1, max: 2 ** 29 - 1 }).filter((no) => !known.has(no)), kind: fc.integer({ min: 0, max: 3 }), value: fc.uint8Array({ maxLength: 8 }) })
      .map(({ no, kind, value }) => {
        const w = new BinaryWriter();
        if (kind === 0) w.tag(no, WireType.Varint).uint64(BigInt(value.length) * 1234567n);
        else if (kind === 1) w.tag(no, WireType.Bit64).fixed64(BigInt(value.length));
        else if (kind === 2) w.tag(no, WireType.LengthDelimited).bytes(value);
        else w.tag(no, WireType.Bit32).fixed32(value.length);
        return w.finish();
      });
    fc.assert(
      fc.property(messages, fc.array(unknownField, { maxLength: 3 }), (message, extra) => {
        const bytes = concat([toBinary(schema, message), ...extra]);
        const expected = fromBinary(schema, bytes);
        const decoded = decode(bytes) as MessageShape<DescMessage>;
        expect(decoded).toEqual(expected);
        expect(encode(decoded)).toEqual(toBinary(schema, expected));
      }),
      { numRuns },
    );
  });
}

describe.each(allkindsCodecs.map((c) => [c.schema.typeName, c] as const))("%s", (_name, codec) => codecProperties(codec));

describe.each(protocolVersions)("netsvr $version", ({ version }) => {
  const netsvr = netsvrOf(version);
  const netsvrCodecs = codecsOf(netsvr, netsvr);

  test("every message has a codec", () => {
    expect(netsvrCodecs.length).toBe(netsvrMessageCount[version]);
  });

  describe.each(netsvrCodecs.map((c) => [c.schema.typeName, c] as const))("%s", (_name, codec) => codecProperties(codec));

  test('a map key "__proto__" stays an own key (where fromBinary loses it)', () => {
    const items = Object.fromEntries([["__proto__", 5], ["real", 1]]);
    const toBinary = exportOf<Codec["encode"]>(netsvr, "topicUniqIdCountRespToBinary");
    const fromBinary = exportOf<(bytes: Uint8Array) => { items: object }>(netsvr, "topicUniqIdCountRespFromBinary");
    expect(Object.keys(fromBinary(toBinary({ items })).items)).toEqual(["__proto__", "real"]);
  });

  describe("encoder state and output buffers", () => {
    const encodeSingleCast = exportOf<(init: object) => Uint8Array>(netsvr, "encodeSingleCast");
    const connInfoResp = codecOf(netsvrCodecs, "ConnInfoResp");
    const transfer = codecOf(netsvrCodecs, "Transfer");

    test("small outputs are disjoint views of a shared slab; large ones own their buffer", () => {
      const a = encodeSingleCast({ uniqId: "a", data: new Uint8Array(100).fill(1) });
      const b = encodeSingleCast({ uniqId: "b", data: new Uint8Array(100).fill(2) });
      expect(a.buffer).toBe(b.buffer);
      expect(a.byteOffset + a.length <= b.byteOffset || b.byteOffset + b.length <= a.byteOffset).toBe(true);
      const before = Uint8Array.from(a);
      b.fill(0xff);
      expect(a).toEqual(before);
      const big = encodeSingleCast({ uniqId: "c", data: new Uint8Array(4096) });
      expect(big.byteOffset).toBe(0);
      expect(big.buffer.byteLength).toBe(big.length);
    });

    test("a non-ASCII string after ASCII ones re-encodes with exact lengths, in maps and lists too", () => {
      const message = create(connInfoResp.schema, {
        items: { plain: { session: "s", topics: ["a", "b"] }, "ключ": { session: "сессия 🎉", topics: ["x", "日本"] } },
      });
      expect(connInfoResp.encode(message)).toEqual(toBinary(connInfoResp.schema, message));
      // And the next, ASCII-only, encode takes the fast path again and is still right.
      const ascii = create(transfer.schema, { uniqId: "u", session: "s" });
      expect(transfer.encode(ascii)).toEqual(toBinary(transfer.schema, ascii));
    });

    test("an encode that throws (a number where a string belongs) leaves no state behind", () => {
      expect(() => transfer.encode({ uniqId: 42 })).toThrow();
      const message = create(transfer.schema, { uniqId: "ü", session: "s", data: new Uint8Array([1]) });
      expect(transfer.encode(message)).toEqual(toBinary(transfer.schema, message));
    });
  });
});

/** The codec of the message called name. */
function codecOf(codecs: readonly Codec[], name: string): Codec {
  const codec = codecs.find((c) => c.schema.name === name);
  if (codec === undefined) throw new Error(`no codec for ${name}`);
  return codec;
}

describe("edge values", () => {
  const scalars = (init: object) => create(allkinds.ScalarsSchema, init);

  test.each([
    ["negative int32 as a 10-byte varint", { fInt32: -1 }],
    ["int32 extremes", { fInt32: -(2 ** 31), fSint32: 2 ** 31 - 1, fSfixed32: -(2 ** 31) }],
    ["uint32 and fixed32 maximum", { fUint32: 2 ** 32 - 1, fFixed32: 2 ** 32 - 1 }],
    ["64-bit extremes", { fInt64: -(2n ** 63n), fUint64: 2n ** 64n - 1n, fSint64: -(2n ** 63n), fFixed64: 2n ** 64n - 1n, fSfixed64: -1n }],
    ["-0, NaN and infinities", { fDouble: -0, fFloat: Number.NaN }],
    ["infinities", { fDouble: Number.POSITIVE_INFINITY, fFloat: Number.NEGATIVE_INFINITY }],
    ["an unknown enum value", { fEnum: 12345 }],
    ["a negative enum value", { fEnum: -3 }],
    ["non-ASCII strings", { fString: "héllo wörld – 日本語 🎉" }],
    ["a long string", { fString: "x".repeat(300) + "é".repeat(300) }],
  ])("%s", (_why, init) => {
    const message = scalars(init);
    const bytes = allkindsCodec.scalarsToBinary(message);
    expect(bytes).toEqual(toBinary(allkinds.ScalarsSchema, message));
    expect(allkindsCodec.scalarsFromBinary(bytes)).toEqual(fromBinary(allkinds.ScalarsSchema, bytes));
  });

  test("lone surrogates are written as U+FFFD, as TextEncoder (and so toBinary) writes them", () => {
    for (const s of ["\ud800", "a\udc00b", "\ud83d", "x\ud83d\ude00\ud83dy", "\udfff\ud800"]) {
      const message = scalars({ fString: s });
      expect(allkindsCodec.scalarsToBinary(message)).toEqual(toBinary(allkinds.ScalarsSchema, message));
    }
  });

  test("a leading U+FEFF is text and survives a round trip (fromBinary drops it as if it were a byte-order mark)", () => {
    for (const s of ["\uFEFF", "\uFEFFx", "x\uFEFF", "\uFEFF".repeat(40) + "é"]) {
      const bytes = allkindsCodec.scalarsToBinary(scalars({ fString: s }));
      expect(bytes).toEqual(toBinary(allkinds.ScalarsSchema, scalars({ fString: s })));
      expect(allkindsCodec.scalarsFromBinary(bytes).fString).toBe(s);
    }
    // The ASCII fast path and TextDecoder both see it: short and long, and inside a netsvr frame.
    for (const version of protocolVersions.map((v) => v.version)) {
      const netsvr = netsvrOf(version);
      const uniqId = "\uFEFF0165642b8d00000001";
      expect(exportOf<(b: Uint8Array) => { uniqId: string }>(netsvr, "singleCastFromBinary")(
        exportOf<(m: object) => Uint8Array>(netsvr, "singleCastToBinary")({ uniqId }),
      ).uniqId).toBe(uniqId);
    }
  });

  test("invalid UTF-8 in a string is an error, as in fromBinary", () => {
    for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0x61, 0x80, 0x62]]) {
      const bytes = new Uint8Array([0x72, bad.length, ...bad]); // field 14, f_string
      expect(() => fromBinary(allkinds.ScalarsSchema, bytes)).toThrow();
      expect(() => allkindsCodec.scalarsFromBinary(bytes)).toThrow();
    }
  });

  test("a map key \"__proto__\" stays an own key (where fromBinary loses it)", () => {
    const bytes = allkindsCodec.mapsToBinary({ mStringString: Object.fromEntries([["__proto__", "v"]]), mInt32Int32: {} });
    const decoded = allkindsCodec.mapsFromBinary(bytes);
    expect(Object.keys(decoded.mStringString)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(decoded.mStringString)).toBe(Object.prototype);
    // The same for netsvr's TopicUniqIdCountResp: see "netsvr v2" and "netsvr v6" above.
  });

  test("bytes fields are views into the input, not copies", () => {
    const bytes = allkindsCodec.scalarsToBinary({ fBytes: new Uint8Array([1, 2, 3]) });
    expect(allkindsCodec.scalarsFromBinary(bytes).fBytes.buffer).toBe(bytes.buffer);
  });

  test("deep recursion stops at fromBinary's limit of 100 with an error", () => {
    let tree: MessageShape<typeof allkinds.TreeSchema> = create(allkinds.TreeSchema, { label: "leaf" });
    for (let i = 0; i < 120; i++) tree = create(allkinds.TreeSchema, { left: tree });
    const bytes = toBinary(allkinds.TreeSchema, tree);
    expect(() => fromBinary(allkinds.TreeSchema, bytes)).toThrow(/depth/);
    expect(() => allkindsCodec.treeFromBinary(bytes)).toThrow(/depth/);
    // A failed decode leaves no state behind.
    expect(allkindsCodec.treeFromBinary(toBinary(allkinds.TreeSchema, create(allkinds.TreeSchema, { label: "x" }))).label).toBe("x");
  });
});

describe("bool read from overlong varints, as protobuf-es reads them", () => {
  // Field 13 (f_bool), wire type 0. A bool is true when any bit of the 64-bit value is set; the tenth byte holds only bit 63.
  test.each([
    ["1 padded to 10 bytes", [0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]],
    ["only bit 63 set", [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
    ["only bits past 64 set", [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7e]],
    ["a 5-byte zero", [0x80, 0x80, 0x80, 0x80, 0x00]],
    ["bit 35 set", [0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
  ])("%s", (_why, varint) => {
    const bytes = new Uint8Array([13 << 3, ...varint]);
    expect(allkindsCodec.scalarsFromBinary(bytes).fBool).toBe(fromBinary(allkinds.ScalarsSchema, bytes).fBool);
  });

  test("an 11-byte varint is refused", () => {
    expect(() => allkindsCodec.scalarsFromBinary(new Uint8Array([13 << 3, ...Array(10).fill(0x80), 0x01]))).toThrow(/invalid varint/);
  });
});

describe("packed and unpacked encodings are both accepted", () => {
  const packable = allkinds.RepeatedSchema.fields.filter(
    (f) => f.fieldKind === "list" && f.listKind !== "message" && f.scalar !== ScalarType.STRING && f.scalar !== ScalarType.BYTES,
  );

  /** Re-encodes every packable list field the other way round: packed as one element per tag, unpacked as one packed run. */
  function flipPacking(bytes: Uint8Array): Uint8Array {
    const message = fromBinary(allkinds.RepeatedSchema, bytes);
    const w = new BinaryWriter();
    for (const field of allkinds.RepeatedSchema.fields) {
      const values = (message as unknown as Record<string, unknown[]>)[field.localName]!;
      if (values.length === 0) continue;
      const isPackable = packable.includes(field);
      const scalar = field.fieldKind === "list" && field.listKind === "enum" ? ScalarType.INT32 : (field as { scalar: ScalarType }).scalar;
      if (isPackable && field.packed) {
        for (const v of values) writeScalar(w.tag(field.number, wireTypeOf(scalar)), scalar, v);
      } else if (isPackable) {
        w.tag(field.number, WireType.LengthDelimited).fork();
        for (const v of values) writeScalar(w, scalar, v);
        w.join();
      } else {
        for (const v of values) {
          if (field.fieldKind === "list" && field.listKind === "message") {
            w.tag(field.number, WireType.LengthDelimited).bytes(toBinary(allkinds.ScalarsSchema, v as never));
          } else writeScalar(w.tag(field.number, WireType.LengthDelimited), scalar, v);
        }
      }
    }
    return w.finish();
  }

  test("property: flipped packing decodes like fromBinary, to the same message", () => {
    fc.assert(
      fc.property(messageArbitrary(allkinds.RepeatedSchema), (message) => {
        const flipped = flipPacking(toBinary(allkinds.RepeatedSchema, message));
        expect(allkindsCodec.repeatedFromBinary(flipped)).toEqual(fromBinary(allkinds.RepeatedSchema, flipped));
        expect(allkindsCodec.repeatedFromBinary(flipped)).toEqual(fromBinary(allkinds.RepeatedSchema, toBinary(allkinds.RepeatedSchema, message)));
      }),
      { numRuns: 100 },
    );
  });
});

function wireTypeOf(scalar: ScalarType): WireType {
  switch (scalar) {
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return WireType.Bit64;
    case ScalarType.FLOAT:
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
      return WireType.Bit32;
    case ScalarType.STRING:
    case ScalarType.BYTES:
      return WireType.LengthDelimited;
    default:
      return WireType.Varint;
  }
}

function writeScalar(w: BinaryWriter, scalar: ScalarType, v: unknown): void {
  const methods: Record<number, keyof BinaryWriter> = {
    [ScalarType.DOUBLE]: "double",
    [ScalarType.FLOAT]: "float",
    [ScalarType.INT32]: "int32",
    [ScalarType.INT64]: "int64",
    [ScalarType.UINT32]: "uint32",
    [ScalarType.UINT64]: "uint64",
    [ScalarType.SINT32]: "sint32",
    [ScalarType.SINT64]: "sint64",
    [ScalarType.FIXED32]: "fixed32",
    [ScalarType.FIXED64]: "fixed64",
    [ScalarType.SFIXED32]: "sfixed32",
    [ScalarType.SFIXED64]: "sfixed64",
    [ScalarType.BOOL]: "bool",
    [ScalarType.STRING]: "string",
    [ScalarType.BYTES]: "bytes",
  };
  (w[methods[scalar]!] as (value: unknown) => BinaryWriter).call(w, v);
}

describe("encoder state and output buffers", () => {
  test("frame encoders put the exact header before the body", () => {
    const init = { scalars: { fString: "héllo", fInt32: -1 }, tree: { label: "t", named: { k: { label: "n" } } } };
    const body = toBinary(allkinds.EverythingSchema, create(allkinds.EverythingSchema, init));
    const frame = allkindsCodec.everythingFrame(7, init);
    expect(frame.subarray(8)).toEqual(body);
    expect([...frame.subarray(0, 8)]).toEqual([0, 0, 0, body.length + 4, 0, 0, 0, 7]);
    expect(allkindsCodec.everythingFromFrame(frame)).toEqual(fromBinary(allkinds.EverythingSchema, body));
  });
});

describe("well-known types, as protoc-gen-es holds them", () => {
  const schema = allkinds.WellKnownSchema;
  const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");
  const fromHex = (text: string) => Uint8Array.from(Buffer.from(text.replaceAll(" ", ""), "hex"));
  /** Both directions against protobuf-es: our bytes are toBinary's, our decode is fromBinary's. */
  function agree(init: object): Uint8Array {
    const message = create(schema, init as never);
    const bytes = toBinary(schema, message);
    expect(hexOf(allkindsCodec.wellKnownToBinary(init as never))).toBe(hexOf(bytes));
    expect(allkindsCodec.wellKnownFromBinary(bytes)).toEqual(fromBinary(schema, bytes));
    return bytes;
  }

  test("a wrapper in a singular field is its value: {boolValue: true} is 3a 02 08 01, and decodes to true", () => {
    expect(hexOf(agree({ boolValue: true }))).toBe("3a020801");
    expect(allkindsCodec.wellKnownFromBinary(fromHex("3a020801")).boolValue).toBe(true);
    // The zero value is an empty wrapper, which is still set.
    expect(hexOf(agree({ boolValue: false }))).toBe("3a00");
    expect(allkindsCodec.wellKnownFromBinary(fromHex("3a00")).boolValue).toBe(false);
    expect(allkindsCodec.wellKnownFromBinary(fromHex("")).boolValue).toBeUndefined();
  });

  test("a Struct, a StringValue and an Int64Value keep their values", () => {
    const init = { struct: { a: 1 }, stringValue: "bob", int64Value: 5n };
    const bytes = agree(init);
    expect(allkindsCodec.wellKnownFromBinary(bytes)).toMatchObject(init);
  });

  test.each([
    ["every wrapper at zero", { doubleValue: 0, floatValue: 0, int64Value: 0n, uint64Value: 0n, int32Value: 0, uint32Value: 0, boolValue: false, stringValue: "", bytesValue: new Uint8Array(0) }],
    ["every wrapper at an extreme", { doubleValue: -0, floatValue: Number.NaN, int64Value: -(2n ** 63n), uint64Value: 2n ** 64n - 1n, int32Value: -1, uint32Value: 2 ** 32 - 1, boolValue: true, stringValue: "日本 🎉", bytesValue: Uint8Array.of(0, 255) }],
    ["64-bit wrappers given as strings and numbers", { int64Value: "-5", uint64Value: 7 }],
    ["proto3 optional wrapper and Struct", { optionalInt32: 0, optionalStruct: {} }],
    ["Struct with every kind of value", { struct: { n: 1.5, z: -0, nan: Number.NaN, inf: Number.NEGATIVE_INFINITY, s: "é", t: true, f: false, nul: null, l: [1, "a", [], {}, null], o: { deep: { er: [[]] } } } }],
    ["Struct with a value left undefined, which toBinary writes as a Value without kind", { struct: { gone: undefined, kept: 1 } }],
    ["Struct keys that are numbers, empty or non-ASCII", { struct: { "": 0, "7": 7, "ключ": "значение" } }],
    ["Struct in a list, a map and a oneof", { rStruct: [{}, { a: [true] }], mStruct: { 1: {}, [-1]: { b: null } }, choice: { case: "cStruct", value: { c: "d" } } }],
    ["Value and ListValue keep the message", { value: { kind: { case: "structValue", value: { fields: { a: { kind: { case: "nullValue", value: 0 } } } } } }, listValue: { values: [{ kind: { case: "numberValue", value: 2 } }, {}] } }],
    ["null_value, also unknown values of it", { nullValue: 0, rNullValue: [0, 3], mNullValue: { a: 0 }, value: { kind: { case: "nullValue", value: 9 } } }],
    ["wrappers in a list, a map and a oneof keep the message", { rBoolValue: [{ value: true }, {}], mStringValue: { 3: { value: "x" } }, choice: { case: "cInt64Value", value: { value: 3n } } }],
    ["Timestamp, Duration, Any, FieldMask, Empty", { timestamp: { seconds: -1n, nanos: 5 }, duration: { seconds: 3n, nanos: -1 }, any: { typeUrl: "type.googleapis.com/x.Y", value: Uint8Array.of(8, 1) }, fieldMask: { paths: ["a.b", "c_d"] }, empty: {} }],
  ])("%s", (_why, init) => {
    agree(init);
  });

  test("Struct values NaN, -0 and infinities survive a round trip", () => {
    const struct = { nan: Number.NaN, z: -0, inf: Number.POSITIVE_INFINITY, ninf: Number.NEGATIVE_INFINITY };
    const decoded = allkindsCodec.wellKnownFromBinary(allkindsCodec.wellKnownToBinary({ struct }));
    expect(Object.is(decoded.struct!["z"], -0)).toBe(true);
    expect(decoded.struct).toEqual(struct);
  });

  // Hand-built encodings: fields that occur again (merged, as fromBinary merges
  // them), a Value whose kind is written twice, entries and Values with parts
  // missing, unknown fields inside the well-known types.
  const tag = (no: number, wireType: WireType) => new BinaryWriter().tag(no, wireType).finish();
  const len = (no: number, ...parts: Uint8Array[]) => new BinaryWriter().tag(no, WireType.LengthDelimited).bytes(concat(parts)).finish();
  const varint = (no: number, v: number) => new BinaryWriter().tag(no, WireType.Varint).uint32(v).finish();
  const str = (no: number, s: string) => new BinaryWriter().tag(no, WireType.LengthDelimited).string(s).finish();
  const double = (no: number, v: number) => new BinaryWriter().tag(no, WireType.Bit64).double(v).finish();
  /** A Struct entry (fields = 1) with a key (1) and a Value (2) of the given fields; none without value. */
  const entry = (key: string, value?: Uint8Array[]) => len(1, str(1, key), ...(value === undefined ? [] : [len(2, ...value)]));
  const struct = (...entries: Uint8Array[]) => len(10, ...entries); // WellKnown.struct
  // Value: null_value = 1, number_value = 2, string_value = 3, bool_value = 4, struct_value = 5, list_value = 6.
  const list = (...values: Uint8Array[][]) => len(6, ...values.map((v) => len(1, ...v)));

  test.each([
    ["a wrapper read twice merges: a second, empty one keeps the value", [len(7, varint(1, 1)), len(7)]],
    ["a wrapper read twice: the last value wins", [len(8, str(1, "hi")), len(8, str(1, "")), len(8, str(1, "ok"))]],
    ["unknown fields in a wrapper are dropped", [len(7, varint(1, 1), varint(2, 1))]],
    ["a Struct read twice merges its keys; the last value of a key wins, in the key's first place", [struct(entry("a", [varint(1, 0)])), struct(entry("b", [str(3, "xyz")]), entry("a", [varint(4, 1)]))]],
    ["map entries without value are empty Structs, without key the key 0", [len(69, varint(1, 1)), len(69, len(2))]],
    ["a Struct entry without key or value is \"\": null", [struct(len(1))]],
    ["a Value without kind, and null_value of any number, are null", [struct(entry("k", []), entry("n", [varint(1, 127)]), entry("m"))]],
    ["a Value whose kind is written twice: the last one wins", [struct(entry("a", [varint(4, 1), str(3, "x"), double(2, 1)]))]],
    ["a Value whose struct_value comes twice merges the structs", [struct(entry("a", [len(5, entry("b", [])), len(5, entry("c", [double(2, 2)]))]))]],
    ["a Value whose list_value comes twice joins the lists", [struct(entry("a", [list([varint(4, 1)]), list([str(3, "x")])]))]],
    ["a list_value after another kind starts a new list", [struct(entry("a", [list([varint(4, 1)]), varint(4, 1), list([str(3, "x")])]))]],
    ["unknown fields in Struct, Value and ListValue are dropped", [struct(entry("a", [list([varint(4, 1)], []), len(6, varint(9, 1)), varint(7, 0)]), varint(2, 1))]],
    ["Struct, Value and ListValue in a message-typed position are messages, also with unknown fields", [len(11, varint(9, 1), len(5, entry("x", [varint(8, 8)]))), len(100, list([double(2, -0)]))]],
  ])("%s", (_why, parts) => {
    const bytes = concat(parts);
    expect(allkindsCodec.wellKnownFromBinary(bytes)).toEqual(fromBinary(schema, bytes));
  });

  test("nesting in a Struct counts like fromBinary's: Struct, Value and ListValue are one level each", () => {
    const nested = (levels: number, wrap: (inner: JsonValue) => JsonValue): JsonValue => (levels === 0 ? 1 : wrap(nested(levels - 1, wrap)));
    // WellKnown is level 1, its Struct 2, a Value 3; each object adds a Struct and a Value, each array a ListValue and a Value.
    for (const [levels, wrap] of [[48, (v: JsonValue) => ({ a: v })], [48, (v: JsonValue) => [v]]] as const) {
      const outcomes: string[] = [];
      for (const extra of [0, 1, 2]) {
        const bytes = toBinary(schema, create(schema, { struct: { top: nested(levels + extra, wrap) } }));
        let expected: unknown;
        try {
          expected = fromBinary(schema, bytes);
        } catch (error) {
          expect(String(error)).toMatch(/depth/);
          expect(() => allkindsCodec.wellKnownFromBinary(bytes)).toThrow(/depth/);
          outcomes.push("refused");
          continue;
        }
        expect(allkindsCodec.wellKnownFromBinary(bytes)).toEqual(expected);
        outcomes.push("read");
      }
      // The limit lies within the levels tried.
      expect(outcomes).toEqual(["read", "refused", "refused"]);
    }
  });

  test("a wrong wire type in a wrapper, Struct, Value or ListValue is an error", () => {
    for (const parts of [
      [len(7, tag(1, WireType.Bit32), Uint8Array.of(0, 0, 0, 0))],
      [struct(varint(1, 1))],
      [struct(entry("a", [varint(2, 1)]))],
      [struct(entry("a", [len(6, varint(1, 0))]))],
    ]) {
      expect(() => allkindsCodec.wellKnownFromBinary(concat(parts))).toThrow(/wire type/);
    }
  });

  test("values that are no JSON in a Struct are an error naming the message, never wrong bytes", () => {
    for (const value of [1n, () => 1, Symbol("s")]) {
      expect(() => allkindsCodec.wellKnownToBinary({ struct: { value } } as never)).toThrow(/cannot encode allkinds\.WellKnown: expected a JSON value/);
    }
    expect(() => allkindsCodec.wellKnownToBinary({ struct: [1] } as never)).toThrow(/expected a JSON object/);
  });

  test("well-known types as command bodies get codecs of their own; as fields only, none are exported", () => {
    expect(typeof allkindsCodec.timestampFrame).toBe("function");
    expect(typeof allkindsCodec.googleProtobufEmptyFrame).toBe("function");
    // allkinds.Empty shares its short name with google.protobuf.Empty: the protocol's own keeps it, the well-known type spells its package.
    expect(typeof allkindsCodec.emptyToBinary).toBe("function");
    expect("allkindsEmptyToBinary" in allkindsCodec).toBe(false);
    for (const name of ["boolValueToBinary", "structToBinary", "valueToBinary", "durationToBinary", "anyToBinary"]) {
      expect(name in allkindsCodec).toBe(false);
    }
    const stamp = create(TimestampSchema, { seconds: 1700000000n, nanos: 1 });
    expect(allkindsCodec.timestampToBinary(stamp)).toEqual(toBinary(TimestampSchema, stamp));
    expect(allkindsCodec.timestampFromBinary(toBinary(TimestampSchema, stamp))).toEqual(stamp);
  });

  test("codec.ts has well-known type code only where a protocol uses them", () => {
    const allkindsText = readFileSync(join(repoRoot, "test/fixtures/allkinds/gen/codec.ts"), "utf8");
    for (const name of ["jsonObjectSize", "readJsonObject", "unboxBoolValue", "unboxUInt64Value"]) expect(allkindsText).toContain(`function ${name}(`);
    for (const { version } of protocolVersions) {
      const text = readFileSync(join(repoRoot, `generated/src/${version}/codec.ts`), "utf8");
      expect(text).not.toMatch(/Json|unbox|google\.protobuf/);
    }
  });
});
