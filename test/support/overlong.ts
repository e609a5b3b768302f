// Varints written longer than they need to be, and varints that carry more
// bits than their field: which bodies a decoder accepts, for the tests that
// compare our decoders' decision with protobuf-es (wire.test.ts) and with
// Google's runtime (wire-python.test.ts).
//
// What the references do (protobuf-es 2.13; python3-protobuf 4.21, whose
// "cpp" backend is the C++ parser of protobuf 3.21):
// - tags: both take 1 to 5 bytes and refuse 6 or more, however small the
//   value (0x80 padding). A 5-byte tag with bits past 32 is refused by
//   protobuf-es and cut to 32 bits by the C++ parser.
// - lengths: protobuf-es takes up to 10 bytes and drops bits past 32; the C++
//   parser takes 5 bytes at most, below 2^31. Python's upb backend (protobuf
//   4.22 and later) takes 10 bytes below 2^31.
// - values: 10 bytes, whatever the tenth byte holds below 0x80, in both; an
//   unknown varint field of 11 bytes is skipped by protobuf-es, refused by C++.
// - field number 0: protobuf-es refuses it; the C++ parser takes a 0 tag as
//   the end of the message (Python warns and returns what came before).
//
// Our decoders take what both take, refuse what both refuse, and where they
// differ refuse what one misreads (bits cut off, data after a 0 tag ignored);
// an overlong length that loses nothing is taken, as protobuf-es (and Go, the
// netsvr gateway's runtime) takes it.

export type Decision = "accept" | "refuse";

export interface OverlongCase {
  readonly why: string;
  /** The message body, hex (spaces for reading only). */
  readonly body: string;
  readonly ours: Decision;
  readonly protobufEs: Decision;
  /** Google's runtime; "either" where its implementations differ (see above; C++ 3.21's decision in why). */
  readonly python: Decision | "either";
}

export interface OverlongTarget {
  /** Full name of the message the bodies are decoded as. */
  readonly typeName: string;
  readonly cases: readonly OverlongCase[];
}

const agreed = (why: string, body: string, decision: Decision): OverlongCase => ({ why, body, ours: decision, protobufEs: decision, python: decision });

/** allkinds.Scalars: f_int32 = 3 (tag 18), f_int64 = 4 (tag 20), f_string = 14 (tag 72); field 100 is unknown. */
const scalars: OverlongTarget = {
  typeName: "allkinds.Scalars",
  cases: [
    agreed("a 1-byte tag", "18 01", "accept"),
    agreed("a tag padded to 2 bytes", "98 00 01", "accept"),
    agreed("a tag padded to 5 bytes", "98 80 80 80 00 01", "accept"),
    agreed("a tag padded to 6 bytes", "98 80 80 80 80 00 01", "refuse"),
    agreed("a tag padded to 10 bytes", "98 80 80 80 80 80 80 80 80 00 01", "refuse"),
    agreed("a tag of 11 bytes", "98 80 80 80 80 80 80 80 80 80 00 01", "refuse"),
    agreed("an unknown field's tag padded to 6 bytes", "a0 86 80 80 80 00 01", "refuse"),
    agreed("the largest field number, a 5-byte tag", "f8 ff ff ff 0f 01", "accept"),
    { why: "a 5-byte tag with bits past 32 (C++ cuts them off and reads field 3)", body: "98 80 80 80 10 01", ours: "refuse", protobufEs: "refuse", python: "either" },
    { why: "a 5-byte tag with bit 38 set (C++ cuts it off)", body: "98 80 80 80 70 01", ours: "refuse", protobufEs: "refuse", python: "either" },
    { why: "field number 0 (C++ ends the message there)", body: "00 01", ours: "refuse", protobufEs: "refuse", python: "either" },
    { why: "field number 0 in a padded tag (C++ ends the message there)", body: "80 00 01", ours: "refuse", protobufEs: "refuse", python: "either" },
    agreed("a length padded to 2 bytes", "72 81 00 61", "accept"),
    agreed("a length padded to 5 bytes", "72 81 80 80 80 00 61", "accept"),
    { why: "a length padded to 6 bytes (C++ refuses it)", body: "72 81 80 80 80 80 00 61", ours: "accept", protobufEs: "accept", python: "either" },
    { why: "a length padded to 10 bytes (C++ refuses it)", body: "72 81 80 80 80 80 80 80 80 80 00 61", ours: "accept", protobufEs: "accept", python: "either" },
    { why: "a 5-byte length with bits past 32 (protobuf-es cuts them off)", body: "72 81 80 80 80 10 61", ours: "refuse", protobufEs: "accept", python: "refuse" },
    { why: "a 6-byte length with bits past 32 (protobuf-es cuts them off)", body: "72 81 80 80 80 80 01 61", ours: "refuse", protobufEs: "accept", python: "refuse" },
    agreed("a length of 2^31 + 1", "72 81 80 80 80 08 61", "refuse"),
    agreed("a 10-byte int64 (-1)", "20 ff ff ff ff ff ff ff ff ff 01", "accept"),
    agreed("a 10-byte int64 with bits past 64", "20 ff ff ff ff ff ff ff ff ff 7f", "accept"),
    agreed("an int32 padded to 10 bytes", "18 81 80 80 80 80 80 80 80 80 00", "accept"),
    agreed("an 11-byte int64", "20 80 80 80 80 80 80 80 80 80 80 00", "refuse"),
    { why: "an unknown varint field of 11 bytes (protobuf-es skips it)", body: "a0 06 80 80 80 80 80 80 80 80 80 80 00", ours: "refuse", protobufEs: "accept", python: "refuse" },
    agreed("an unknown varint field of 10 bytes", "a0 06 ff ff ff ff ff ff ff ff ff 7f", "accept"),
  ],
};

/** allkinds.Maps: m_string_string = 1 (entries: key 1, value 2). */
const maps: OverlongTarget = {
  typeName: "allkinds.Maps",
  cases: [
    agreed("a map entry's value tag padded to 5 bytes", "0a 0a 0a 01 61 92 80 80 80 00 01 62", "accept"),
    agreed("a map entry's value tag padded to 6 bytes", "0a 0b 0a 01 61 92 80 80 80 80 00 01 62", "refuse"),
  ],
};

/** allkinds.WellKnown: bool_value = 7 (an unboxed BoolValue), struct = 10 (a Struct read as JSON). */
const wellKnown: OverlongTarget = {
  typeName: "allkinds.WellKnown",
  cases: [
    agreed("a BoolValue's value tag padded to 5 bytes", "3a 06 88 80 80 80 00 01", "accept"),
    agreed("a BoolValue's value tag padded to 6 bytes", "3a 07 88 80 80 80 80 00 01", "refuse"),
    agreed("a Struct entry's key tag padded to 5 bytes", "52 09 0a 07 8a 80 80 80 00 01 61", "accept"),
    agreed("a Struct entry's key tag padded to 6 bytes", "52 0a 0a 08 8a 80 80 80 80 00 01 61", "refuse"),
    agreed("a Value's bool_value tag padded to 5 bytes", "52 0d 0a 0b 0a 01 61 12 06 a0 80 80 80 00 01", "accept"),
    agreed("a Value's bool_value tag padded to 6 bytes", "52 0e 0a 0c 0a 01 61 12 07 a0 80 80 80 80 00 01", "refuse"),
  ],
};

/**
 * netsvr.topicUniqIdCountResp.TopicUniqIdCountResp, in both versions: field
 * 3 is unknown to both. The example: a tag written as the 6 bytes
 * 80 80 80 9b 80 00 (field 7077888, varint), here followed by its value 0.
 */
const topicUniqIdCountResp: OverlongTarget = {
  typeName: "netsvr.topicUniqIdCountResp.TopicUniqIdCountResp",
  cases: [
    agreed("an unknown field", "18 07", "accept"),
    agreed("an unknown field's tag padded to 5 bytes", "98 80 80 80 00 07", "accept"),
    agreed("an unknown field's tag padded to 6 bytes", "98 80 80 80 80 00 07", "refuse"),
    agreed("the issue's tag in 5 bytes: 80 80 80 9b 00", "80 80 80 9b 00 00", "accept"),
    agreed("the issue's 6-byte tag: 80 80 80 9b 80 00", "80 80 80 9b 80 00 00", "refuse"),
    { why: "an unknown field's length padded to 6 bytes (C++ refuses it)", body: "1a 81 80 80 80 80 00 61", ours: "accept", protobufEs: "accept", python: "either" },
  ],
};

export const allkindsOverlong: readonly OverlongTarget[] = [scalars, maps, wellKnown];
export const netsvrOverlong: OverlongTarget = topicUniqIdCountResp;

export function bodyBytes(c: OverlongCase): Uint8Array {
  return Uint8Array.from(Buffer.from(c.body.replaceAll(" ", ""), "hex"));
}
