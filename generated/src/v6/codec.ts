import type { MessageInitShape, UnknownField } from "@bufbuild/protobuf";
import { protoInt64 } from "@bufbuild/protobuf";
import { FrameError } from "./errors.js";
import type { Broadcast, BroadcastSchema } from "./broadcast_pb.js";
import type { CheckOnlineReq, CheckOnlineReqSchema } from "./checkOnlineReq_pb.js";
import type { CheckOnlineResp, CheckOnlineRespSchema } from "./checkOnlineResp_pb.js";
import type { ConnClose, ConnCloseSchema } from "./connClose_pb.js";
import type { ConnInfoByCustomerIdReq, ConnInfoByCustomerIdReqSchema } from "./connInfoByCustomerIdReq_pb.js";
import type { ConnInfoByCustomerIdResp, ConnInfoByCustomerIdRespItem, ConnInfoByCustomerIdRespItems, ConnInfoByCustomerIdRespItemSchema, ConnInfoByCustomerIdRespItemsSchema, ConnInfoByCustomerIdRespSchema } from "./connInfoByCustomerIdResp_pb.js";
import type { ConnInfoDelete, ConnInfoDeleteSchema } from "./connInfoDelete_pb.js";
import type { ConnInfoReq, ConnInfoReqSchema } from "./connInfoReq_pb.js";
import type { ConnInfoResp, ConnInfoRespItem, ConnInfoRespItemSchema, ConnInfoRespSchema } from "./connInfoResp_pb.js";
import type { ConnInfoUpdate, ConnInfoUpdateSchema } from "./connInfoUpdate_pb.js";
import type { ConnOpen, ConnOpenSchema } from "./connOpen_pb.js";
import type { ConnOpenResp, ConnOpenRespSchema } from "./connOpenResp_pb.js";
import type { CustomerIdCountResp, CustomerIdCountRespSchema } from "./customerIdCountResp_pb.js";
import type { CustomerIdListResp, CustomerIdListRespSchema } from "./customerIdListResp_pb.js";
import type { ForceOffline, ForceOfflineSchema } from "./forceOffline_pb.js";
import type { ForceOfflineByCustomerId, ForceOfflineByCustomerIdSchema } from "./forceOfflineByCustomerId_pb.js";
import type { ForceOfflineGuest, ForceOfflineGuestSchema } from "./forceOfflineGuest_pb.js";
import type { LimitReq, LimitReqSchema } from "./limitReq_pb.js";
import type { LimitResp, LimitRespSchema } from "./limitResp_pb.js";
import type { MetricsResp, MetricsRespItem, MetricsRespItemSchema, MetricsRespSchema } from "./metricsResp_pb.js";
import type { Multicast, MulticastSchema } from "./multicast_pb.js";
import type { MulticastByCustomerId, MulticastByCustomerIdSchema } from "./multicastByCustomerId_pb.js";
import type { RegisterReq, RegisterReqSchema } from "./registerReq_pb.js";
import type { RegisterResp, RegisterRespSchema } from "./registerResp_pb.js";
import type { SingleCast, SingleCastSchema } from "./singleCast_pb.js";
import type { SingleCastBulk, SingleCastBulkSchema } from "./singleCastBulk_pb.js";
import type { SingleCastBulkByCustomerId, SingleCastBulkByCustomerIdSchema } from "./singleCastBulkByCustomerId_pb.js";
import type { SingleCastByCustomerId, SingleCastByCustomerIdSchema } from "./singleCastByCustomerId_pb.js";
import type { TopicCountResp, TopicCountRespSchema } from "./topicCountResp_pb.js";
import type { TopicCustomerIdCountReq, TopicCustomerIdCountReqSchema } from "./topicCustomerIdCountReq_pb.js";
import type { TopicCustomerIdCountResp, TopicCustomerIdCountRespSchema } from "./topicCustomerIdCountResp_pb.js";
import type { TopicCustomerIdListReq, TopicCustomerIdListReqSchema } from "./topicCustomerIdListReq_pb.js";
import type { TopicCustomerIdListResp, TopicCustomerIdListRespItem, TopicCustomerIdListRespItemSchema, TopicCustomerIdListRespSchema } from "./topicCustomerIdListResp_pb.js";
import type { TopicCustomerIdToUniqIdsListReq, TopicCustomerIdToUniqIdsListReqSchema } from "./topicCustomerIdToUniqIdsListReq_pb.js";
import type { CustomerIdToUniqIdsRespItem, CustomerIdToUniqIdsRespItemSchema, TopicCustomerIdToUniqIdsListResp, TopicCustomerIdToUniqIdsListRespItem, TopicCustomerIdToUniqIdsListRespItemSchema, TopicCustomerIdToUniqIdsListRespSchema } from "./topicCustomerIdToUniqIdsListResp_pb.js";
import type { TopicDelete, TopicDeleteSchema } from "./topicDelete_pb.js";
import type { TopicListResp, TopicListRespSchema } from "./topicListResp_pb.js";
import type { TopicPublish, TopicPublishSchema } from "./topicPublish_pb.js";
import type { TopicPublishBulk, TopicPublishBulkSchema } from "./topicPublishBulk_pb.js";
import type { TopicSubscribe, TopicSubscribeSchema } from "./topicSubscribe_pb.js";
import type { TopicUniqIdCountReq, TopicUniqIdCountReqSchema } from "./topicUniqIdCountReq_pb.js";
import type { TopicUniqIdCountResp, TopicUniqIdCountRespSchema } from "./topicUniqIdCountResp_pb.js";
import type { TopicUniqIdListReq, TopicUniqIdListReqSchema } from "./topicUniqIdListReq_pb.js";
import type { TopicUniqIdListResp, TopicUniqIdListRespItem, TopicUniqIdListRespItemSchema, TopicUniqIdListRespSchema } from "./topicUniqIdListResp_pb.js";
import type { TopicUnsubscribe, TopicUnsubscribeSchema } from "./topicUnsubscribe_pb.js";
import type { Transfer, TransferSchema } from "./transfer_pb.js";
import type { UniqIdCountResp, UniqIdCountRespSchema } from "./uniqIdCountResp_pb.js";
import type { UniqIdListResp, UniqIdListRespSchema } from "./uniqIdListResp_pb.js";
import type { UnRegisterReq, UnRegisterReqSchema } from "./unRegisterReq_pb.js";
import type { UnRegisterResp, UnRegisterRespSchema } from "./unRegisterResp_pb.js";

// @generated by protoc-gen-netsvr v0.4.0 from proto/v6/netsvr.manifest.yaml; do not edit.

const zero64 = protoInt64.zero;

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
  return new TypeError(`expected ${expected}, got ${typeof value === "string" ? JSON.stringify(value) : String(value)}`);
}

function int32Size(v: number): number {
  if ((v | 0) !== v) throw invalid("an int32", v);
  return v < 0 ? 10 : varintSize(v);
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
  const t = protoInt64.enc(v);
  return varint64Size(t.lo, t.hi);
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

function unknownSize(unknown: readonly UnknownField[] | undefined): number {
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
  const t = protoInt64.enc(v);
  writeVarint64(t.lo, t.hi);
}

/** A DataView of the output, made on the first float of an encode. */
function outputView(): DataView {
  return (bufView ??= new DataView(buf.buffer, buf.byteOffset, buf.byteLength));
}

function writeFloat(v: number): void {
  outputView().setFloat32(pos, v, true);
  pos += 4;
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

function writeUnknown(unknown: readonly UnknownField[] | undefined): void {
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
  return new Error(`cannot decode ${typeName}: maximum nesting depth of ${maxDepth} reached`);
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
  if (extra !== 0) throw new Error(`invalid ${what}: more than 32 bits`);
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
  return protoInt64.dec(lo64, hi64) as bigint;
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
      throw new Error(`invalid wire type ${tag & 7}`);
  }
  if (at > end) throw new Error("premature EOF");
}

/** Keeps an unknown field as @bufbuild/protobuf does, in $unknown. */
function readUnknown(message: { $unknown?: UnknownField[] | undefined }, tag: number, end: number): void {
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
  return new Error(`cannot decode ${typeName}: field ${tag >>> 3} has wire type ${tag & 7}, which does not fit its type`);
}

// Writing takes two passes over a message. The size pass records the byte
// length of every string and nested message in `lengths`, in the order the
// write pass meets them, so the write pass never measures anything twice.
let lengths: number[] = [];
let lengthCount = 0;
let lengthNext = 0;

// Likewise the keys of every map: listing a large map's keys costs more than
// looking its values up again.
let mapKeys: string[][] = [];
let mapKeyCount = 0;
let mapKeyNext = 0;
const noKeys: string[] = [];

let buf: Uint8Array = new Uint8Array(0);
let pos = 0;

let bufView: DataView | undefined = undefined;

// Reading state: the input, the read position and the nesting depth.
let input: Uint8Array = new Uint8Array(0);
let at = 0;
let depth = 0;
/** The nesting limit of @bufbuild/protobuf's fromBinary, kept for the same inputs. */
const maxDepth = 100;

let inView: DataView | undefined = undefined;

/**
 * Encodes a message, after a frame header when cmd is not undefined, into a
 * buffer of its exact size: a size pass, then a write pass.
 */
function encodeMessage<M>(
  typeName: string,
  message: M,
  cmd: number | undefined,
  size: (m: M) => number,
  write: (m: M) => void,
): Uint8Array {
  try {
    try {
      return encodeOnce(message, cmd, size, write);
    } catch (error) {
      if (error !== notAscii) throw error;
    }
    exact = true;
    return encodeOnce(message, cmd, size, write);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot encode ${typeName}: ${reason}`, { cause: error });
  } finally {
    exact = false;
  }
}

function encodeOnce<M>(message: M, cmd: number | undefined, size: (m: M) => number, write: (m: M) => void): Uint8Array {
  lengthCount = 0;
  mapKeyCount = 0;
  const n = size(message);
  const out = allocate(cmd === undefined ? n : 8 + n);
  buf = out;
  pos = 0;
  bufView = undefined;
  lengthNext = 0;
  mapKeyNext = 0;
  if (cmd !== undefined) {
    writeFixed32BE(4 + n);
    writeFixed32BE(cmd);
  }
  write(message);
  // Keep neither the output nor any message's keys alive.
  buf = emptyBytes;
  bufView = undefined;
  for (let i = 0; i < mapKeyCount; i++) mapKeys[i] = noKeys;
  return out;
}

/** Starts decoding bytes from offset. */
function startRead(bytes: Uint8Array, offset: number): void {
  input = bytes;
  inView = undefined;
  at = offset;
  depth = 0;
}

/** Ends decoding without keeping the input alive. */
function endRead(): void {
  input = emptyBytes;
  inView = undefined;
}

/**
 * Whatever went wrong in a decode, from a short buffer to invalid UTF-8,
 * becomes one FrameError "invalid-body" with the offset where reading stopped.
 */
function decodeFailed(typeName: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const stop = Math.min(at, input.length);
  return new FrameError("invalid-body", `not a valid ${typeName} (at byte ${stop}): ${reason}`, { offset: stop, cause });
}

function sizeBroadcast(m: MessageInitShape<typeof BroadcastSchema>): number {
  let n = 0;
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeBroadcast(m: MessageInitShape<typeof BroadcastSchema>): void {
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 10; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readBroadcast(end: number, into?: Broadcast): Broadcast {
  if (++depth > maxDepth) throw tooDeep("netsvr.broadcast.Broadcast");
  const m: Broadcast = into ?? {
    $typeName: "netsvr.broadcast.Broadcast",
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.broadcast.Broadcast", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a Broadcast (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function broadcastToBinary(message: MessageInitShape<typeof BroadcastSchema>): Uint8Array {
  return encodeMessage("netsvr.broadcast.Broadcast", message, undefined, sizeBroadcast, writeBroadcast);
}

/** Decodes a whole Broadcast from bytes[offset..]; every failure becomes one FrameError. */
function parseBroadcast(bytes: Uint8Array, offset: number): Broadcast {
  startRead(bytes, offset);
  try {
    return readBroadcast(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.broadcast.Broadcast", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a Broadcast from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function broadcastFromBinary(bytes: Uint8Array): Broadcast {
  return parseBroadcast(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][Broadcast], in one buffer.
 */
export function broadcastFrame(cmd: number, message: MessageInitShape<typeof BroadcastSchema>): Uint8Array {
  return encodeMessage("netsvr.broadcast.Broadcast", message, cmd, sizeBroadcast, writeBroadcast);
}

/**
 * Decodes the Broadcast body of a whole frame whose header was checked.
 */
export function broadcastFromFrame(frame: Uint8Array): Broadcast {
  return parseBroadcast(frame, 8);
}

function sizeCheckOnlineReq(m: MessageInitShape<typeof CheckOnlineReqSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeCheckOnlineReq(m: MessageInitShape<typeof CheckOnlineReqSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readCheckOnlineReq(end: number, into?: CheckOnlineReq): CheckOnlineReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.checkOnlineReq.CheckOnlineReq");
  const m: CheckOnlineReq = into ?? {
    $typeName: "netsvr.checkOnlineReq.CheckOnlineReq",
    uniqIds: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.checkOnlineReq.CheckOnlineReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a CheckOnlineReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function checkOnlineReqToBinary(message: MessageInitShape<typeof CheckOnlineReqSchema>): Uint8Array {
  return encodeMessage("netsvr.checkOnlineReq.CheckOnlineReq", message, undefined, sizeCheckOnlineReq, writeCheckOnlineReq);
}

/** Decodes a whole CheckOnlineReq from bytes[offset..]; every failure becomes one FrameError. */
function parseCheckOnlineReq(bytes: Uint8Array, offset: number): CheckOnlineReq {
  startRead(bytes, offset);
  try {
    return readCheckOnlineReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.checkOnlineReq.CheckOnlineReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a CheckOnlineReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function checkOnlineReqFromBinary(bytes: Uint8Array): CheckOnlineReq {
  return parseCheckOnlineReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][CheckOnlineReq], in one buffer.
 */
export function checkOnlineReqFrame(cmd: number, message: MessageInitShape<typeof CheckOnlineReqSchema>): Uint8Array {
  return encodeMessage("netsvr.checkOnlineReq.CheckOnlineReq", message, cmd, sizeCheckOnlineReq, writeCheckOnlineReq);
}

/**
 * Decodes the CheckOnlineReq body of a whole frame whose header was checked.
 */
export function checkOnlineReqFromFrame(frame: Uint8Array): CheckOnlineReq {
  return parseCheckOnlineReq(frame, 8);
}

function sizeCheckOnlineResp(m: MessageInitShape<typeof CheckOnlineRespSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeCheckOnlineResp(m: MessageInitShape<typeof CheckOnlineRespSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readCheckOnlineResp(end: number, into?: CheckOnlineResp): CheckOnlineResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.checkOnlineResp.CheckOnlineResp");
  const m: CheckOnlineResp = into ?? {
    $typeName: "netsvr.checkOnlineResp.CheckOnlineResp",
    uniqIds: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.checkOnlineResp.CheckOnlineResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a CheckOnlineResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function checkOnlineRespToBinary(message: MessageInitShape<typeof CheckOnlineRespSchema>): Uint8Array {
  return encodeMessage("netsvr.checkOnlineResp.CheckOnlineResp", message, undefined, sizeCheckOnlineResp, writeCheckOnlineResp);
}

/** Decodes a whole CheckOnlineResp from bytes[offset..]; every failure becomes one FrameError. */
function parseCheckOnlineResp(bytes: Uint8Array, offset: number): CheckOnlineResp {
  startRead(bytes, offset);
  try {
    return readCheckOnlineResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.checkOnlineResp.CheckOnlineResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a CheckOnlineResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function checkOnlineRespFromBinary(bytes: Uint8Array): CheckOnlineResp {
  return parseCheckOnlineResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][CheckOnlineResp], in one buffer.
 */
export function checkOnlineRespFrame(cmd: number, message: MessageInitShape<typeof CheckOnlineRespSchema>): Uint8Array {
  return encodeMessage("netsvr.checkOnlineResp.CheckOnlineResp", message, cmd, sizeCheckOnlineResp, writeCheckOnlineResp);
}

/**
 * Decodes the CheckOnlineResp body of a whole frame whose header was checked.
 */
export function checkOnlineRespFromFrame(frame: Uint8Array): CheckOnlineResp {
  return parseCheckOnlineResp(frame, 8);
}

function sizeConnClose(m: MessageInitShape<typeof ConnCloseSchema>): number {
  let n = 0;
  if (m.uniqId != null && !(m.uniqId === "")) {
    n += 1 + stringSize(m.uniqId);
  }
  if (m.customerId != null && !(m.customerId === "")) {
    n += 1 + stringSize(m.customerId);
  }
  if (m.session != null && !(m.session === "")) {
    n += 1 + stringSize(m.session);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnClose(m: MessageInitShape<typeof ConnCloseSchema>): void {
  if (m.uniqId != null && !(m.uniqId === "")) {
    buf[pos++] = 10; writeString(m.uniqId);
  }
  if (m.customerId != null && !(m.customerId === "")) {
    buf[pos++] = 18; writeString(m.customerId);
  }
  if (m.session != null && !(m.session === "")) {
    buf[pos++] = 26; writeString(m.session);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 34; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnClose(end: number, into?: ConnClose): ConnClose {
  if (++depth > maxDepth) throw tooDeep("netsvr.connClose.ConnClose");
  const m: ConnClose = into ?? {
    $typeName: "netsvr.connClose.ConnClose",
    uniqId: "",
    customerId: "",
    session: "",
    topics: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqId = readString(end);
        break;
      }
      case 18: {
        m.customerId = readString(end);
        break;
      }
      case 26: {
        m.session = readString(end);
        break;
      }
      case 34: {
        m.topics.push(readString(end));
        break;
      }
      default:
        if ([1, 2, 3, 4].includes(tag >>> 3)) throw wrongWireType("netsvr.connClose.ConnClose", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnClose (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connCloseToBinary(message: MessageInitShape<typeof ConnCloseSchema>): Uint8Array {
  return encodeMessage("netsvr.connClose.ConnClose", message, undefined, sizeConnClose, writeConnClose);
}

/** Decodes a whole ConnClose from bytes[offset..]; every failure becomes one FrameError. */
function parseConnClose(bytes: Uint8Array, offset: number): ConnClose {
  startRead(bytes, offset);
  try {
    return readConnClose(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connClose.ConnClose", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnClose from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connCloseFromBinary(bytes: Uint8Array): ConnClose {
  return parseConnClose(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ConnClose], in one buffer.
 */
export function connCloseFrame(cmd: number, message: MessageInitShape<typeof ConnCloseSchema>): Uint8Array {
  return encodeMessage("netsvr.connClose.ConnClose", message, cmd, sizeConnClose, writeConnClose);
}

/**
 * Decodes the ConnClose body of a whole frame whose header was checked.
 */
export function connCloseFromFrame(frame: Uint8Array): ConnClose {
  return parseConnClose(frame, 8);
}

function sizeConnInfoByCustomerIdReq(m: MessageInitShape<typeof ConnInfoByCustomerIdReqSchema>): number {
  let n = 0;
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) n += 1 + stringSize(item);
  }
  if (m.reqSession != null && !(m.reqSession === false)) {
    n += 1 + 1;
  }
  if (m.reqUniqId != null && !(m.reqUniqId === false)) {
    n += 1 + 1;
  }
  if (m.reqTopic != null && !(m.reqTopic === false)) {
    n += 1 + 1;
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnInfoByCustomerIdReq(m: MessageInitShape<typeof ConnInfoByCustomerIdReqSchema>): void {
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.reqSession != null && !(m.reqSession === false)) {
    buf[pos++] = 16; buf[pos++] = m.reqSession ? 1 : 0;
  }
  if (m.reqUniqId != null && !(m.reqUniqId === false)) {
    buf[pos++] = 24; buf[pos++] = m.reqUniqId ? 1 : 0;
  }
  if (m.reqTopic != null && !(m.reqTopic === false)) {
    buf[pos++] = 32; buf[pos++] = m.reqTopic ? 1 : 0;
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnInfoByCustomerIdReq(end: number, into?: ConnInfoByCustomerIdReq): ConnInfoByCustomerIdReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.connInfoByCustomerIdReq.ConnInfoByCustomerIdReq");
  const m: ConnInfoByCustomerIdReq = into ?? {
    $typeName: "netsvr.connInfoByCustomerIdReq.ConnInfoByCustomerIdReq",
    customerIds: [],
    reqSession: false,
    reqUniqId: false,
    reqTopic: false,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.customerIds.push(readString(end));
        break;
      }
      case 16: {
        m.reqSession = readBool();
        break;
      }
      case 24: {
        m.reqUniqId = readBool();
        break;
      }
      case 32: {
        m.reqTopic = readBool();
        break;
      }
      default:
        if ([1, 2, 3, 4].includes(tag >>> 3)) throw wrongWireType("netsvr.connInfoByCustomerIdReq.ConnInfoByCustomerIdReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnInfoByCustomerIdReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connInfoByCustomerIdReqToBinary(message: MessageInitShape<typeof ConnInfoByCustomerIdReqSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoByCustomerIdReq.ConnInfoByCustomerIdReq", message, undefined, sizeConnInfoByCustomerIdReq, writeConnInfoByCustomerIdReq);
}

/** Decodes a whole ConnInfoByCustomerIdReq from bytes[offset..]; every failure becomes one FrameError. */
function parseConnInfoByCustomerIdReq(bytes: Uint8Array, offset: number): ConnInfoByCustomerIdReq {
  startRead(bytes, offset);
  try {
    return readConnInfoByCustomerIdReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connInfoByCustomerIdReq.ConnInfoByCustomerIdReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnInfoByCustomerIdReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connInfoByCustomerIdReqFromBinary(bytes: Uint8Array): ConnInfoByCustomerIdReq {
  return parseConnInfoByCustomerIdReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoByCustomerIdReq], in one buffer.
 */
export function connInfoByCustomerIdReqFrame(cmd: number, message: MessageInitShape<typeof ConnInfoByCustomerIdReqSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoByCustomerIdReq.ConnInfoByCustomerIdReq", message, cmd, sizeConnInfoByCustomerIdReq, writeConnInfoByCustomerIdReq);
}

/**
 * Decodes the ConnInfoByCustomerIdReq body of a whole frame whose header was checked.
 */
export function connInfoByCustomerIdReqFromFrame(frame: Uint8Array): ConnInfoByCustomerIdReq {
  return parseConnInfoByCustomerIdReq(frame, 8);
}

function sizeConnInfoByCustomerIdResp(m: MessageInitShape<typeof ConnInfoByCustomerIdRespSchema>): number {
  let n = 0;
  if (m.items != null) {
    for (const key of keysOf(m.items)) {
      const value = m.items[key]!;
      const slot = reserveLength();
      const entry = 1 + stringSize(key) + 1 + delimitedSize(reserveLength(), sizeConnInfoByCustomerIdRespItems(value));
      n += 1 + delimitedSize(slot, entry);
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnInfoByCustomerIdResp(m: MessageInitShape<typeof ConnInfoByCustomerIdRespSchema>): void {
  if (m.items != null) {
    for (const key of savedKeys()) {
      const value = m.items[key]!;
      buf[pos++] = 10; writeVarint(lengths[lengthNext++]!);
      buf[pos++] = 10; writeString(key);
      buf[pos++] = 18; writeVarint(lengths[lengthNext++]!);
      writeConnInfoByCustomerIdRespItems(value);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnInfoByCustomerIdResp(end: number, into?: ConnInfoByCustomerIdResp): ConnInfoByCustomerIdResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdResp");
  const m: ConnInfoByCustomerIdResp = into ?? {
    $typeName: "netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdResp",
    items: {},
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        const e = readEnd(end);
        let key = "";
        let value: ConnInfoByCustomerIdRespItems | undefined = undefined;
        while (at < e) {
          const t = readTag();
          if (t === 10) key = readString(e);
          else if (t === 18) value = readConnInfoByCustomerIdRespItems(readEnd(e));
          else skipField(t, e);
        }
        checkEnd(e);
        setEntry(m.items, key, value ?? readConnInfoByCustomerIdRespItems(at));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnInfoByCustomerIdResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connInfoByCustomerIdRespToBinary(message: MessageInitShape<typeof ConnInfoByCustomerIdRespSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdResp", message, undefined, sizeConnInfoByCustomerIdResp, writeConnInfoByCustomerIdResp);
}

/** Decodes a whole ConnInfoByCustomerIdResp from bytes[offset..]; every failure becomes one FrameError. */
function parseConnInfoByCustomerIdResp(bytes: Uint8Array, offset: number): ConnInfoByCustomerIdResp {
  startRead(bytes, offset);
  try {
    return readConnInfoByCustomerIdResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnInfoByCustomerIdResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connInfoByCustomerIdRespFromBinary(bytes: Uint8Array): ConnInfoByCustomerIdResp {
  return parseConnInfoByCustomerIdResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoByCustomerIdResp], in one buffer.
 */
export function connInfoByCustomerIdRespFrame(cmd: number, message: MessageInitShape<typeof ConnInfoByCustomerIdRespSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdResp", message, cmd, sizeConnInfoByCustomerIdResp, writeConnInfoByCustomerIdResp);
}

/**
 * Decodes the ConnInfoByCustomerIdResp body of a whole frame whose header was checked.
 */
export function connInfoByCustomerIdRespFromFrame(frame: Uint8Array): ConnInfoByCustomerIdResp {
  return parseConnInfoByCustomerIdResp(frame, 8);
}

function sizeConnInfoByCustomerIdRespItem(m: MessageInitShape<typeof ConnInfoByCustomerIdRespItemSchema>): number {
  let n = 0;
  if (m.session != null && !(m.session === "")) {
    n += 1 + stringSize(m.session);
  }
  if (m.uniqId != null && !(m.uniqId === "")) {
    n += 1 + stringSize(m.uniqId);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnInfoByCustomerIdRespItem(m: MessageInitShape<typeof ConnInfoByCustomerIdRespItemSchema>): void {
  if (m.session != null && !(m.session === "")) {
    buf[pos++] = 10; writeString(m.session);
  }
  if (m.uniqId != null && !(m.uniqId === "")) {
    buf[pos++] = 18; writeString(m.uniqId);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 26; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnInfoByCustomerIdRespItem(end: number, into?: ConnInfoByCustomerIdRespItem): ConnInfoByCustomerIdRespItem {
  if (++depth > maxDepth) throw tooDeep("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItem");
  const m: ConnInfoByCustomerIdRespItem = into ?? {
    $typeName: "netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItem",
    session: "",
    uniqId: "",
    topics: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.session = readString(end);
        break;
      }
      case 18: {
        m.uniqId = readString(end);
        break;
      }
      case 26: {
        m.topics.push(readString(end));
        break;
      }
      default:
        if ([1, 2, 3].includes(tag >>> 3)) throw wrongWireType("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItem", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnInfoByCustomerIdRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connInfoByCustomerIdRespItemToBinary(message: MessageInitShape<typeof ConnInfoByCustomerIdRespItemSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItem", message, undefined, sizeConnInfoByCustomerIdRespItem, writeConnInfoByCustomerIdRespItem);
}

/** Decodes a whole ConnInfoByCustomerIdRespItem from bytes[offset..]; every failure becomes one FrameError. */
function parseConnInfoByCustomerIdRespItem(bytes: Uint8Array, offset: number): ConnInfoByCustomerIdRespItem {
  startRead(bytes, offset);
  try {
    return readConnInfoByCustomerIdRespItem(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItem", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnInfoByCustomerIdRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connInfoByCustomerIdRespItemFromBinary(bytes: Uint8Array): ConnInfoByCustomerIdRespItem {
  return parseConnInfoByCustomerIdRespItem(bytes, 0);
}

function sizeConnInfoByCustomerIdRespItems(m: MessageInitShape<typeof ConnInfoByCustomerIdRespItemsSchema>): number {
  let n = 0;
  if (m.items != null && m.items.length > 0) {
    for (const item of m.items) {
      const slot = reserveLength();
      n += 1 + delimitedSize(slot, sizeConnInfoByCustomerIdRespItem(item));
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnInfoByCustomerIdRespItems(m: MessageInitShape<typeof ConnInfoByCustomerIdRespItemsSchema>): void {
  if (m.items != null && m.items.length > 0) {
    for (const item of m.items) {
      buf[pos++] = 10; writeVarint(lengths[lengthNext++]!);
      writeConnInfoByCustomerIdRespItem(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnInfoByCustomerIdRespItems(end: number, into?: ConnInfoByCustomerIdRespItems): ConnInfoByCustomerIdRespItems {
  if (++depth > maxDepth) throw tooDeep("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItems");
  const m: ConnInfoByCustomerIdRespItems = into ?? {
    $typeName: "netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItems",
    items: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.items.push(readConnInfoByCustomerIdRespItem(readEnd(end)));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItems", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnInfoByCustomerIdRespItems (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connInfoByCustomerIdRespItemsToBinary(message: MessageInitShape<typeof ConnInfoByCustomerIdRespItemsSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItems", message, undefined, sizeConnInfoByCustomerIdRespItems, writeConnInfoByCustomerIdRespItems);
}

/** Decodes a whole ConnInfoByCustomerIdRespItems from bytes[offset..]; every failure becomes one FrameError. */
function parseConnInfoByCustomerIdRespItems(bytes: Uint8Array, offset: number): ConnInfoByCustomerIdRespItems {
  startRead(bytes, offset);
  try {
    return readConnInfoByCustomerIdRespItems(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connInfoByCustomerIdResp.ConnInfoByCustomerIdRespItems", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnInfoByCustomerIdRespItems from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connInfoByCustomerIdRespItemsFromBinary(bytes: Uint8Array): ConnInfoByCustomerIdRespItems {
  return parseConnInfoByCustomerIdRespItems(bytes, 0);
}

function sizeConnInfoDelete(m: MessageInitShape<typeof ConnInfoDeleteSchema>): number {
  let n = 0;
  if (m.uniqId != null && !(m.uniqId === "")) {
    n += 1 + stringSize(m.uniqId);
  }
  if (m.delSession != null && !(m.delSession === false)) {
    n += 1 + 1;
  }
  if (m.delCustomerId != null && !(m.delCustomerId === false)) {
    n += 1 + 1;
  }
  if (m.delTopic != null && !(m.delTopic === false)) {
    n += 1 + 1;
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnInfoDelete(m: MessageInitShape<typeof ConnInfoDeleteSchema>): void {
  if (m.uniqId != null && !(m.uniqId === "")) {
    buf[pos++] = 10; writeString(m.uniqId);
  }
  if (m.delSession != null && !(m.delSession === false)) {
    buf[pos++] = 16; buf[pos++] = m.delSession ? 1 : 0;
  }
  if (m.delCustomerId != null && !(m.delCustomerId === false)) {
    buf[pos++] = 24; buf[pos++] = m.delCustomerId ? 1 : 0;
  }
  if (m.delTopic != null && !(m.delTopic === false)) {
    buf[pos++] = 32; buf[pos++] = m.delTopic ? 1 : 0;
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 42; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnInfoDelete(end: number, into?: ConnInfoDelete): ConnInfoDelete {
  if (++depth > maxDepth) throw tooDeep("netsvr.connInfoDelete.ConnInfoDelete");
  const m: ConnInfoDelete = into ?? {
    $typeName: "netsvr.connInfoDelete.ConnInfoDelete",
    uniqId: "",
    delSession: false,
    delCustomerId: false,
    delTopic: false,
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqId = readString(end);
        break;
      }
      case 16: {
        m.delSession = readBool();
        break;
      }
      case 24: {
        m.delCustomerId = readBool();
        break;
      }
      case 32: {
        m.delTopic = readBool();
        break;
      }
      case 42: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2, 3, 4, 5].includes(tag >>> 3)) throw wrongWireType("netsvr.connInfoDelete.ConnInfoDelete", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnInfoDelete (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connInfoDeleteToBinary(message: MessageInitShape<typeof ConnInfoDeleteSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoDelete.ConnInfoDelete", message, undefined, sizeConnInfoDelete, writeConnInfoDelete);
}

/** Decodes a whole ConnInfoDelete from bytes[offset..]; every failure becomes one FrameError. */
function parseConnInfoDelete(bytes: Uint8Array, offset: number): ConnInfoDelete {
  startRead(bytes, offset);
  try {
    return readConnInfoDelete(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connInfoDelete.ConnInfoDelete", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnInfoDelete from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connInfoDeleteFromBinary(bytes: Uint8Array): ConnInfoDelete {
  return parseConnInfoDelete(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoDelete], in one buffer.
 */
export function connInfoDeleteFrame(cmd: number, message: MessageInitShape<typeof ConnInfoDeleteSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoDelete.ConnInfoDelete", message, cmd, sizeConnInfoDelete, writeConnInfoDelete);
}

/**
 * Decodes the ConnInfoDelete body of a whole frame whose header was checked.
 */
export function connInfoDeleteFromFrame(frame: Uint8Array): ConnInfoDelete {
  return parseConnInfoDelete(frame, 8);
}

function sizeConnInfoReq(m: MessageInitShape<typeof ConnInfoReqSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  if (m.reqSession != null && !(m.reqSession === false)) {
    n += 1 + 1;
  }
  if (m.reqCustomerId != null && !(m.reqCustomerId === false)) {
    n += 1 + 1;
  }
  if (m.reqTopic != null && !(m.reqTopic === false)) {
    n += 1 + 1;
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnInfoReq(m: MessageInitShape<typeof ConnInfoReqSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.reqSession != null && !(m.reqSession === false)) {
    buf[pos++] = 16; buf[pos++] = m.reqSession ? 1 : 0;
  }
  if (m.reqCustomerId != null && !(m.reqCustomerId === false)) {
    buf[pos++] = 24; buf[pos++] = m.reqCustomerId ? 1 : 0;
  }
  if (m.reqTopic != null && !(m.reqTopic === false)) {
    buf[pos++] = 32; buf[pos++] = m.reqTopic ? 1 : 0;
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnInfoReq(end: number, into?: ConnInfoReq): ConnInfoReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.connInfoReq.ConnInfoReq");
  const m: ConnInfoReq = into ?? {
    $typeName: "netsvr.connInfoReq.ConnInfoReq",
    uniqIds: [],
    reqSession: false,
    reqCustomerId: false,
    reqTopic: false,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      case 16: {
        m.reqSession = readBool();
        break;
      }
      case 24: {
        m.reqCustomerId = readBool();
        break;
      }
      case 32: {
        m.reqTopic = readBool();
        break;
      }
      default:
        if ([1, 2, 3, 4].includes(tag >>> 3)) throw wrongWireType("netsvr.connInfoReq.ConnInfoReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnInfoReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connInfoReqToBinary(message: MessageInitShape<typeof ConnInfoReqSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoReq.ConnInfoReq", message, undefined, sizeConnInfoReq, writeConnInfoReq);
}

/** Decodes a whole ConnInfoReq from bytes[offset..]; every failure becomes one FrameError. */
function parseConnInfoReq(bytes: Uint8Array, offset: number): ConnInfoReq {
  startRead(bytes, offset);
  try {
    return readConnInfoReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connInfoReq.ConnInfoReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnInfoReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connInfoReqFromBinary(bytes: Uint8Array): ConnInfoReq {
  return parseConnInfoReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoReq], in one buffer.
 */
export function connInfoReqFrame(cmd: number, message: MessageInitShape<typeof ConnInfoReqSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoReq.ConnInfoReq", message, cmd, sizeConnInfoReq, writeConnInfoReq);
}

/**
 * Decodes the ConnInfoReq body of a whole frame whose header was checked.
 */
export function connInfoReqFromFrame(frame: Uint8Array): ConnInfoReq {
  return parseConnInfoReq(frame, 8);
}

function sizeConnInfoResp(m: MessageInitShape<typeof ConnInfoRespSchema>): number {
  let n = 0;
  if (m.items != null) {
    for (const key of keysOf(m.items)) {
      const value = m.items[key]!;
      const slot = reserveLength();
      const entry = 1 + stringSize(key) + 1 + delimitedSize(reserveLength(), sizeConnInfoRespItem(value));
      n += 1 + delimitedSize(slot, entry);
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnInfoResp(m: MessageInitShape<typeof ConnInfoRespSchema>): void {
  if (m.items != null) {
    for (const key of savedKeys()) {
      const value = m.items[key]!;
      buf[pos++] = 10; writeVarint(lengths[lengthNext++]!);
      buf[pos++] = 10; writeString(key);
      buf[pos++] = 18; writeVarint(lengths[lengthNext++]!);
      writeConnInfoRespItem(value);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnInfoResp(end: number, into?: ConnInfoResp): ConnInfoResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.connInfoResp.ConnInfoResp");
  const m: ConnInfoResp = into ?? {
    $typeName: "netsvr.connInfoResp.ConnInfoResp",
    items: {},
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        const e = readEnd(end);
        let key = "";
        let value: ConnInfoRespItem | undefined = undefined;
        while (at < e) {
          const t = readTag();
          if (t === 10) key = readString(e);
          else if (t === 18) value = readConnInfoRespItem(readEnd(e));
          else skipField(t, e);
        }
        checkEnd(e);
        setEntry(m.items, key, value ?? readConnInfoRespItem(at));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.connInfoResp.ConnInfoResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnInfoResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connInfoRespToBinary(message: MessageInitShape<typeof ConnInfoRespSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoResp.ConnInfoResp", message, undefined, sizeConnInfoResp, writeConnInfoResp);
}

/** Decodes a whole ConnInfoResp from bytes[offset..]; every failure becomes one FrameError. */
function parseConnInfoResp(bytes: Uint8Array, offset: number): ConnInfoResp {
  startRead(bytes, offset);
  try {
    return readConnInfoResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connInfoResp.ConnInfoResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnInfoResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connInfoRespFromBinary(bytes: Uint8Array): ConnInfoResp {
  return parseConnInfoResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoResp], in one buffer.
 */
export function connInfoRespFrame(cmd: number, message: MessageInitShape<typeof ConnInfoRespSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoResp.ConnInfoResp", message, cmd, sizeConnInfoResp, writeConnInfoResp);
}

/**
 * Decodes the ConnInfoResp body of a whole frame whose header was checked.
 */
export function connInfoRespFromFrame(frame: Uint8Array): ConnInfoResp {
  return parseConnInfoResp(frame, 8);
}

function sizeConnInfoRespItem(m: MessageInitShape<typeof ConnInfoRespItemSchema>): number {
  let n = 0;
  if (m.session != null && !(m.session === "")) {
    n += 1 + stringSize(m.session);
  }
  if (m.customerId != null && !(m.customerId === "")) {
    n += 1 + stringSize(m.customerId);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnInfoRespItem(m: MessageInitShape<typeof ConnInfoRespItemSchema>): void {
  if (m.session != null && !(m.session === "")) {
    buf[pos++] = 10; writeString(m.session);
  }
  if (m.customerId != null && !(m.customerId === "")) {
    buf[pos++] = 18; writeString(m.customerId);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 26; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnInfoRespItem(end: number, into?: ConnInfoRespItem): ConnInfoRespItem {
  if (++depth > maxDepth) throw tooDeep("netsvr.connInfoResp.ConnInfoRespItem");
  const m: ConnInfoRespItem = into ?? {
    $typeName: "netsvr.connInfoResp.ConnInfoRespItem",
    session: "",
    customerId: "",
    topics: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.session = readString(end);
        break;
      }
      case 18: {
        m.customerId = readString(end);
        break;
      }
      case 26: {
        m.topics.push(readString(end));
        break;
      }
      default:
        if ([1, 2, 3].includes(tag >>> 3)) throw wrongWireType("netsvr.connInfoResp.ConnInfoRespItem", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnInfoRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connInfoRespItemToBinary(message: MessageInitShape<typeof ConnInfoRespItemSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoResp.ConnInfoRespItem", message, undefined, sizeConnInfoRespItem, writeConnInfoRespItem);
}

/** Decodes a whole ConnInfoRespItem from bytes[offset..]; every failure becomes one FrameError. */
function parseConnInfoRespItem(bytes: Uint8Array, offset: number): ConnInfoRespItem {
  startRead(bytes, offset);
  try {
    return readConnInfoRespItem(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connInfoResp.ConnInfoRespItem", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnInfoRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connInfoRespItemFromBinary(bytes: Uint8Array): ConnInfoRespItem {
  return parseConnInfoRespItem(bytes, 0);
}

function sizeConnInfoUpdate(m: MessageInitShape<typeof ConnInfoUpdateSchema>): number {
  let n = 0;
  if (m.uniqId != null && !(m.uniqId === "")) {
    n += 1 + stringSize(m.uniqId);
  }
  if (m.newSession != null && !(m.newSession === "")) {
    n += 1 + stringSize(m.newSession);
  }
  if (m.newCustomerId != null && !(m.newCustomerId === "")) {
    n += 1 + stringSize(m.newCustomerId);
  }
  if (m.newTopics != null && m.newTopics.length > 0) {
    for (const item of m.newTopics) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnInfoUpdate(m: MessageInitShape<typeof ConnInfoUpdateSchema>): void {
  if (m.uniqId != null && !(m.uniqId === "")) {
    buf[pos++] = 10; writeString(m.uniqId);
  }
  if (m.newSession != null && !(m.newSession === "")) {
    buf[pos++] = 26; writeString(m.newSession);
  }
  if (m.newCustomerId != null && !(m.newCustomerId === "")) {
    buf[pos++] = 34; writeString(m.newCustomerId);
  }
  if (m.newTopics != null && m.newTopics.length > 0) {
    for (const item of m.newTopics) {
      buf[pos++] = 42; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 50; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnInfoUpdate(end: number, into?: ConnInfoUpdate): ConnInfoUpdate {
  if (++depth > maxDepth) throw tooDeep("netsvr.connInfoUpdate.ConnInfoUpdate");
  const m: ConnInfoUpdate = into ?? {
    $typeName: "netsvr.connInfoUpdate.ConnInfoUpdate",
    uniqId: "",
    newSession: "",
    newCustomerId: "",
    newTopics: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqId = readString(end);
        break;
      }
      case 26: {
        m.newSession = readString(end);
        break;
      }
      case 34: {
        m.newCustomerId = readString(end);
        break;
      }
      case 42: {
        m.newTopics.push(readString(end));
        break;
      }
      case 50: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 3, 4, 5, 6].includes(tag >>> 3)) throw wrongWireType("netsvr.connInfoUpdate.ConnInfoUpdate", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnInfoUpdate (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connInfoUpdateToBinary(message: MessageInitShape<typeof ConnInfoUpdateSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoUpdate.ConnInfoUpdate", message, undefined, sizeConnInfoUpdate, writeConnInfoUpdate);
}

/** Decodes a whole ConnInfoUpdate from bytes[offset..]; every failure becomes one FrameError. */
function parseConnInfoUpdate(bytes: Uint8Array, offset: number): ConnInfoUpdate {
  startRead(bytes, offset);
  try {
    return readConnInfoUpdate(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connInfoUpdate.ConnInfoUpdate", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnInfoUpdate from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connInfoUpdateFromBinary(bytes: Uint8Array): ConnInfoUpdate {
  return parseConnInfoUpdate(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoUpdate], in one buffer.
 */
export function connInfoUpdateFrame(cmd: number, message: MessageInitShape<typeof ConnInfoUpdateSchema>): Uint8Array {
  return encodeMessage("netsvr.connInfoUpdate.ConnInfoUpdate", message, cmd, sizeConnInfoUpdate, writeConnInfoUpdate);
}

/**
 * Decodes the ConnInfoUpdate body of a whole frame whose header was checked.
 */
export function connInfoUpdateFromFrame(frame: Uint8Array): ConnInfoUpdate {
  return parseConnInfoUpdate(frame, 8);
}

function sizeConnOpen(m: MessageInitShape<typeof ConnOpenSchema>): number {
  let n = 0;
  if (m.uniqId != null && !(m.uniqId === "")) {
    n += 1 + stringSize(m.uniqId);
  }
  if (m.rawQuery != null && !(m.rawQuery === "")) {
    n += 1 + stringSize(m.rawQuery);
  }
  if (m.xForwardedFor != null && !(m.xForwardedFor === "")) {
    n += 1 + stringSize(m.xForwardedFor);
  }
  if (m.xRealIp != null && !(m.xRealIp === "")) {
    n += 1 + stringSize(m.xRealIp);
  }
  if (m.remoteAddr != null && !(m.remoteAddr === "")) {
    n += 1 + stringSize(m.remoteAddr);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnOpen(m: MessageInitShape<typeof ConnOpenSchema>): void {
  if (m.uniqId != null && !(m.uniqId === "")) {
    buf[pos++] = 10; writeString(m.uniqId);
  }
  if (m.rawQuery != null && !(m.rawQuery === "")) {
    buf[pos++] = 18; writeString(m.rawQuery);
  }
  if (m.xForwardedFor != null && !(m.xForwardedFor === "")) {
    buf[pos++] = 26; writeString(m.xForwardedFor);
  }
  if (m.xRealIp != null && !(m.xRealIp === "")) {
    buf[pos++] = 34; writeString(m.xRealIp);
  }
  if (m.remoteAddr != null && !(m.remoteAddr === "")) {
    buf[pos++] = 42; writeString(m.remoteAddr);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnOpen(end: number, into?: ConnOpen): ConnOpen {
  if (++depth > maxDepth) throw tooDeep("netsvr.connOpen.ConnOpen");
  const m: ConnOpen = into ?? {
    $typeName: "netsvr.connOpen.ConnOpen",
    uniqId: "",
    rawQuery: "",
    xForwardedFor: "",
    xRealIp: "",
    remoteAddr: "",
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqId = readString(end);
        break;
      }
      case 18: {
        m.rawQuery = readString(end);
        break;
      }
      case 26: {
        m.xForwardedFor = readString(end);
        break;
      }
      case 34: {
        m.xRealIp = readString(end);
        break;
      }
      case 42: {
        m.remoteAddr = readString(end);
        break;
      }
      default:
        if ([1, 2, 3, 4, 5].includes(tag >>> 3)) throw wrongWireType("netsvr.connOpen.ConnOpen", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnOpen (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connOpenToBinary(message: MessageInitShape<typeof ConnOpenSchema>): Uint8Array {
  return encodeMessage("netsvr.connOpen.ConnOpen", message, undefined, sizeConnOpen, writeConnOpen);
}

/** Decodes a whole ConnOpen from bytes[offset..]; every failure becomes one FrameError. */
function parseConnOpen(bytes: Uint8Array, offset: number): ConnOpen {
  startRead(bytes, offset);
  try {
    return readConnOpen(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connOpen.ConnOpen", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnOpen from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connOpenFromBinary(bytes: Uint8Array): ConnOpen {
  return parseConnOpen(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ConnOpen], in one buffer.
 */
export function connOpenFrame(cmd: number, message: MessageInitShape<typeof ConnOpenSchema>): Uint8Array {
  return encodeMessage("netsvr.connOpen.ConnOpen", message, cmd, sizeConnOpen, writeConnOpen);
}

/**
 * Decodes the ConnOpen body of a whole frame whose header was checked.
 */
export function connOpenFromFrame(frame: Uint8Array): ConnOpen {
  return parseConnOpen(frame, 8);
}

function sizeConnOpenResp(m: MessageInitShape<typeof ConnOpenRespSchema>): number {
  let n = 0;
  if (m.allow != null && !(m.allow === false)) {
    n += 1 + 1;
  }
  if (m.newSession != null && !(m.newSession === "")) {
    n += 1 + stringSize(m.newSession);
  }
  if (m.newCustomerId != null && !(m.newCustomerId === "")) {
    n += 1 + stringSize(m.newCustomerId);
  }
  if (m.newTopics != null && m.newTopics.length > 0) {
    for (const item of m.newTopics) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeConnOpenResp(m: MessageInitShape<typeof ConnOpenRespSchema>): void {
  if (m.allow != null && !(m.allow === false)) {
    buf[pos++] = 8; buf[pos++] = m.allow ? 1 : 0;
  }
  if (m.newSession != null && !(m.newSession === "")) {
    buf[pos++] = 18; writeString(m.newSession);
  }
  if (m.newCustomerId != null && !(m.newCustomerId === "")) {
    buf[pos++] = 26; writeString(m.newCustomerId);
  }
  if (m.newTopics != null && m.newTopics.length > 0) {
    for (const item of m.newTopics) {
      buf[pos++] = 34; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 42; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readConnOpenResp(end: number, into?: ConnOpenResp): ConnOpenResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.connOpenResp.ConnOpenResp");
  const m: ConnOpenResp = into ?? {
    $typeName: "netsvr.connOpenResp.ConnOpenResp",
    allow: false,
    newSession: "",
    newCustomerId: "",
    newTopics: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 8: {
        m.allow = readBool();
        break;
      }
      case 18: {
        m.newSession = readString(end);
        break;
      }
      case 26: {
        m.newCustomerId = readString(end);
        break;
      }
      case 34: {
        m.newTopics.push(readString(end));
        break;
      }
      case 42: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2, 3, 4, 5].includes(tag >>> 3)) throw wrongWireType("netsvr.connOpenResp.ConnOpenResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ConnOpenResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function connOpenRespToBinary(message: MessageInitShape<typeof ConnOpenRespSchema>): Uint8Array {
  return encodeMessage("netsvr.connOpenResp.ConnOpenResp", message, undefined, sizeConnOpenResp, writeConnOpenResp);
}

/** Decodes a whole ConnOpenResp from bytes[offset..]; every failure becomes one FrameError. */
function parseConnOpenResp(bytes: Uint8Array, offset: number): ConnOpenResp {
  startRead(bytes, offset);
  try {
    return readConnOpenResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.connOpenResp.ConnOpenResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ConnOpenResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function connOpenRespFromBinary(bytes: Uint8Array): ConnOpenResp {
  return parseConnOpenResp(bytes, 0);
}

function sizeCustomerIdCountResp(m: MessageInitShape<typeof CustomerIdCountRespSchema>): number {
  let n = 0;
  if (m.count != null && !(m.count === 0)) {
    n += 1 + int32Size(m.count);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeCustomerIdCountResp(m: MessageInitShape<typeof CustomerIdCountRespSchema>): void {
  if (m.count != null && !(m.count === 0)) {
    buf[pos++] = 8; writeInt32(m.count);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readCustomerIdCountResp(end: number, into?: CustomerIdCountResp): CustomerIdCountResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.customerIdCountResp.CustomerIdCountResp");
  const m: CustomerIdCountResp = into ?? {
    $typeName: "netsvr.customerIdCountResp.CustomerIdCountResp",
    count: 0,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 8: {
        m.count = readInt32();
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.customerIdCountResp.CustomerIdCountResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a CustomerIdCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function customerIdCountRespToBinary(message: MessageInitShape<typeof CustomerIdCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.customerIdCountResp.CustomerIdCountResp", message, undefined, sizeCustomerIdCountResp, writeCustomerIdCountResp);
}

/** Decodes a whole CustomerIdCountResp from bytes[offset..]; every failure becomes one FrameError. */
function parseCustomerIdCountResp(bytes: Uint8Array, offset: number): CustomerIdCountResp {
  startRead(bytes, offset);
  try {
    return readCustomerIdCountResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.customerIdCountResp.CustomerIdCountResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a CustomerIdCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function customerIdCountRespFromBinary(bytes: Uint8Array): CustomerIdCountResp {
  return parseCustomerIdCountResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][CustomerIdCountResp], in one buffer.
 */
export function customerIdCountRespFrame(cmd: number, message: MessageInitShape<typeof CustomerIdCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.customerIdCountResp.CustomerIdCountResp", message, cmd, sizeCustomerIdCountResp, writeCustomerIdCountResp);
}

/**
 * Decodes the CustomerIdCountResp body of a whole frame whose header was checked.
 */
export function customerIdCountRespFromFrame(frame: Uint8Array): CustomerIdCountResp {
  return parseCustomerIdCountResp(frame, 8);
}

function sizeCustomerIdListResp(m: MessageInitShape<typeof CustomerIdListRespSchema>): number {
  let n = 0;
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeCustomerIdListResp(m: MessageInitShape<typeof CustomerIdListRespSchema>): void {
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readCustomerIdListResp(end: number, into?: CustomerIdListResp): CustomerIdListResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.customerIdListResp.CustomerIdListResp");
  const m: CustomerIdListResp = into ?? {
    $typeName: "netsvr.customerIdListResp.CustomerIdListResp",
    customerIds: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.customerIds.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.customerIdListResp.CustomerIdListResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a CustomerIdListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function customerIdListRespToBinary(message: MessageInitShape<typeof CustomerIdListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.customerIdListResp.CustomerIdListResp", message, undefined, sizeCustomerIdListResp, writeCustomerIdListResp);
}

/** Decodes a whole CustomerIdListResp from bytes[offset..]; every failure becomes one FrameError. */
function parseCustomerIdListResp(bytes: Uint8Array, offset: number): CustomerIdListResp {
  startRead(bytes, offset);
  try {
    return readCustomerIdListResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.customerIdListResp.CustomerIdListResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a CustomerIdListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function customerIdListRespFromBinary(bytes: Uint8Array): CustomerIdListResp {
  return parseCustomerIdListResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][CustomerIdListResp], in one buffer.
 */
export function customerIdListRespFrame(cmd: number, message: MessageInitShape<typeof CustomerIdListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.customerIdListResp.CustomerIdListResp", message, cmd, sizeCustomerIdListResp, writeCustomerIdListResp);
}

/**
 * Decodes the CustomerIdListResp body of a whole frame whose header was checked.
 */
export function customerIdListRespFromFrame(frame: Uint8Array): CustomerIdListResp {
  return parseCustomerIdListResp(frame, 8);
}

function sizeForceOffline(m: MessageInitShape<typeof ForceOfflineSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeForceOffline(m: MessageInitShape<typeof ForceOfflineSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 18; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readForceOffline(end: number, into?: ForceOffline): ForceOffline {
  if (++depth > maxDepth) throw tooDeep("netsvr.forceOffline.ForceOffline");
  const m: ForceOffline = into ?? {
    $typeName: "netsvr.forceOffline.ForceOffline",
    uniqIds: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      case 18: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.forceOffline.ForceOffline", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ForceOffline (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function forceOfflineToBinary(message: MessageInitShape<typeof ForceOfflineSchema>): Uint8Array {
  return encodeMessage("netsvr.forceOffline.ForceOffline", message, undefined, sizeForceOffline, writeForceOffline);
}

/** Decodes a whole ForceOffline from bytes[offset..]; every failure becomes one FrameError. */
function parseForceOffline(bytes: Uint8Array, offset: number): ForceOffline {
  startRead(bytes, offset);
  try {
    return readForceOffline(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.forceOffline.ForceOffline", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ForceOffline from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function forceOfflineFromBinary(bytes: Uint8Array): ForceOffline {
  return parseForceOffline(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ForceOffline], in one buffer.
 */
export function forceOfflineFrame(cmd: number, message: MessageInitShape<typeof ForceOfflineSchema>): Uint8Array {
  return encodeMessage("netsvr.forceOffline.ForceOffline", message, cmd, sizeForceOffline, writeForceOffline);
}

/**
 * Decodes the ForceOffline body of a whole frame whose header was checked.
 */
export function forceOfflineFromFrame(frame: Uint8Array): ForceOffline {
  return parseForceOffline(frame, 8);
}

function sizeForceOfflineByCustomerId(m: MessageInitShape<typeof ForceOfflineByCustomerIdSchema>): number {
  let n = 0;
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeForceOfflineByCustomerId(m: MessageInitShape<typeof ForceOfflineByCustomerIdSchema>): void {
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 18; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readForceOfflineByCustomerId(end: number, into?: ForceOfflineByCustomerId): ForceOfflineByCustomerId {
  if (++depth > maxDepth) throw tooDeep("netsvr.forceOfflineByCustomerId.ForceOfflineByCustomerId");
  const m: ForceOfflineByCustomerId = into ?? {
    $typeName: "netsvr.forceOfflineByCustomerId.ForceOfflineByCustomerId",
    customerIds: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.customerIds.push(readString(end));
        break;
      }
      case 18: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.forceOfflineByCustomerId.ForceOfflineByCustomerId", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ForceOfflineByCustomerId (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function forceOfflineByCustomerIdToBinary(message: MessageInitShape<typeof ForceOfflineByCustomerIdSchema>): Uint8Array {
  return encodeMessage("netsvr.forceOfflineByCustomerId.ForceOfflineByCustomerId", message, undefined, sizeForceOfflineByCustomerId, writeForceOfflineByCustomerId);
}

/** Decodes a whole ForceOfflineByCustomerId from bytes[offset..]; every failure becomes one FrameError. */
function parseForceOfflineByCustomerId(bytes: Uint8Array, offset: number): ForceOfflineByCustomerId {
  startRead(bytes, offset);
  try {
    return readForceOfflineByCustomerId(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.forceOfflineByCustomerId.ForceOfflineByCustomerId", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ForceOfflineByCustomerId from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function forceOfflineByCustomerIdFromBinary(bytes: Uint8Array): ForceOfflineByCustomerId {
  return parseForceOfflineByCustomerId(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ForceOfflineByCustomerId], in one buffer.
 */
export function forceOfflineByCustomerIdFrame(cmd: number, message: MessageInitShape<typeof ForceOfflineByCustomerIdSchema>): Uint8Array {
  return encodeMessage("netsvr.forceOfflineByCustomerId.ForceOfflineByCustomerId", message, cmd, sizeForceOfflineByCustomerId, writeForceOfflineByCustomerId);
}

/**
 * Decodes the ForceOfflineByCustomerId body of a whole frame whose header was checked.
 */
export function forceOfflineByCustomerIdFromFrame(frame: Uint8Array): ForceOfflineByCustomerId {
  return parseForceOfflineByCustomerId(frame, 8);
}

function sizeForceOfflineGuest(m: MessageInitShape<typeof ForceOfflineGuestSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  if (m.delay != null && !(m.delay === 0)) {
    n += 1 + int32Size(m.delay);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeForceOfflineGuest(m: MessageInitShape<typeof ForceOfflineGuestSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.delay != null && !(m.delay === 0)) {
    buf[pos++] = 16; writeInt32(m.delay);
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 26; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readForceOfflineGuest(end: number, into?: ForceOfflineGuest): ForceOfflineGuest {
  if (++depth > maxDepth) throw tooDeep("netsvr.forceOfflineGuest.ForceOfflineGuest");
  const m: ForceOfflineGuest = into ?? {
    $typeName: "netsvr.forceOfflineGuest.ForceOfflineGuest",
    uniqIds: [],
    delay: 0,
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      case 16: {
        m.delay = readInt32();
        break;
      }
      case 26: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2, 3].includes(tag >>> 3)) throw wrongWireType("netsvr.forceOfflineGuest.ForceOfflineGuest", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a ForceOfflineGuest (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function forceOfflineGuestToBinary(message: MessageInitShape<typeof ForceOfflineGuestSchema>): Uint8Array {
  return encodeMessage("netsvr.forceOfflineGuest.ForceOfflineGuest", message, undefined, sizeForceOfflineGuest, writeForceOfflineGuest);
}

/** Decodes a whole ForceOfflineGuest from bytes[offset..]; every failure becomes one FrameError. */
function parseForceOfflineGuest(bytes: Uint8Array, offset: number): ForceOfflineGuest {
  startRead(bytes, offset);
  try {
    return readForceOfflineGuest(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.forceOfflineGuest.ForceOfflineGuest", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a ForceOfflineGuest from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function forceOfflineGuestFromBinary(bytes: Uint8Array): ForceOfflineGuest {
  return parseForceOfflineGuest(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][ForceOfflineGuest], in one buffer.
 */
export function forceOfflineGuestFrame(cmd: number, message: MessageInitShape<typeof ForceOfflineGuestSchema>): Uint8Array {
  return encodeMessage("netsvr.forceOfflineGuest.ForceOfflineGuest", message, cmd, sizeForceOfflineGuest, writeForceOfflineGuest);
}

/**
 * Decodes the ForceOfflineGuest body of a whole frame whose header was checked.
 */
export function forceOfflineGuestFromFrame(frame: Uint8Array): ForceOfflineGuest {
  return parseForceOfflineGuest(frame, 8);
}

function sizeLimitReq(m: MessageInitShape<typeof LimitReqSchema>): number {
  let n = 0;
  if (m.onOpen != null && !(m.onOpen === 0)) {
    n += 1 + int32Size(m.onOpen);
  }
  if (m.onMessage != null && !(m.onMessage === 0)) {
    n += 1 + int32Size(m.onMessage);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeLimitReq(m: MessageInitShape<typeof LimitReqSchema>): void {
  if (m.onOpen != null && !(m.onOpen === 0)) {
    buf[pos++] = 8; writeInt32(m.onOpen);
  }
  if (m.onMessage != null && !(m.onMessage === 0)) {
    buf[pos++] = 16; writeInt32(m.onMessage);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readLimitReq(end: number, into?: LimitReq): LimitReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.limitReq.LimitReq");
  const m: LimitReq = into ?? {
    $typeName: "netsvr.limitReq.LimitReq",
    onOpen: 0,
    onMessage: 0,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 8: {
        m.onOpen = readInt32();
        break;
      }
      case 16: {
        m.onMessage = readInt32();
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.limitReq.LimitReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a LimitReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function limitReqToBinary(message: MessageInitShape<typeof LimitReqSchema>): Uint8Array {
  return encodeMessage("netsvr.limitReq.LimitReq", message, undefined, sizeLimitReq, writeLimitReq);
}

/** Decodes a whole LimitReq from bytes[offset..]; every failure becomes one FrameError. */
function parseLimitReq(bytes: Uint8Array, offset: number): LimitReq {
  startRead(bytes, offset);
  try {
    return readLimitReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.limitReq.LimitReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a LimitReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function limitReqFromBinary(bytes: Uint8Array): LimitReq {
  return parseLimitReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][LimitReq], in one buffer.
 */
export function limitReqFrame(cmd: number, message: MessageInitShape<typeof LimitReqSchema>): Uint8Array {
  return encodeMessage("netsvr.limitReq.LimitReq", message, cmd, sizeLimitReq, writeLimitReq);
}

/**
 * Decodes the LimitReq body of a whole frame whose header was checked.
 */
export function limitReqFromFrame(frame: Uint8Array): LimitReq {
  return parseLimitReq(frame, 8);
}

function sizeLimitResp(m: MessageInitShape<typeof LimitRespSchema>): number {
  let n = 0;
  if (m.onOpen != null && !(m.onOpen === 0)) {
    n += 1 + int32Size(m.onOpen);
  }
  if (m.onMessage != null && !(m.onMessage === 0)) {
    n += 1 + int32Size(m.onMessage);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeLimitResp(m: MessageInitShape<typeof LimitRespSchema>): void {
  if (m.onOpen != null && !(m.onOpen === 0)) {
    buf[pos++] = 8; writeInt32(m.onOpen);
  }
  if (m.onMessage != null && !(m.onMessage === 0)) {
    buf[pos++] = 16; writeInt32(m.onMessage);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readLimitResp(end: number, into?: LimitResp): LimitResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.limitResp.LimitResp");
  const m: LimitResp = into ?? {
    $typeName: "netsvr.limitResp.LimitResp",
    onOpen: 0,
    onMessage: 0,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 8: {
        m.onOpen = readInt32();
        break;
      }
      case 16: {
        m.onMessage = readInt32();
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.limitResp.LimitResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a LimitResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function limitRespToBinary(message: MessageInitShape<typeof LimitRespSchema>): Uint8Array {
  return encodeMessage("netsvr.limitResp.LimitResp", message, undefined, sizeLimitResp, writeLimitResp);
}

/** Decodes a whole LimitResp from bytes[offset..]; every failure becomes one FrameError. */
function parseLimitResp(bytes: Uint8Array, offset: number): LimitResp {
  startRead(bytes, offset);
  try {
    return readLimitResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.limitResp.LimitResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a LimitResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function limitRespFromBinary(bytes: Uint8Array): LimitResp {
  return parseLimitResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][LimitResp], in one buffer.
 */
export function limitRespFrame(cmd: number, message: MessageInitShape<typeof LimitRespSchema>): Uint8Array {
  return encodeMessage("netsvr.limitResp.LimitResp", message, cmd, sizeLimitResp, writeLimitResp);
}

/**
 * Decodes the LimitResp body of a whole frame whose header was checked.
 */
export function limitRespFromFrame(frame: Uint8Array): LimitResp {
  return parseLimitResp(frame, 8);
}

function sizeMetricsResp(m: MessageInitShape<typeof MetricsRespSchema>): number {
  let n = 0;
  if (m.items != null) {
    for (const key of keysOf(m.items)) {
      const value = m.items[Number(key)]!;
      const slot = reserveLength();
      const entry = 1 + int32Size(Number(key)) + 1 + delimitedSize(reserveLength(), sizeMetricsRespItem(value));
      n += 1 + delimitedSize(slot, entry);
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeMetricsResp(m: MessageInitShape<typeof MetricsRespSchema>): void {
  if (m.items != null) {
    for (const key of savedKeys()) {
      const value = m.items[Number(key)]!;
      buf[pos++] = 10; writeVarint(lengths[lengthNext++]!);
      buf[pos++] = 8; writeInt32(Number(key));
      buf[pos++] = 18; writeVarint(lengths[lengthNext++]!);
      writeMetricsRespItem(value);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readMetricsResp(end: number, into?: MetricsResp): MetricsResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.metricsResp.MetricsResp");
  const m: MetricsResp = into ?? {
    $typeName: "netsvr.metricsResp.MetricsResp",
    items: {},
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        const e = readEnd(end);
        let key = 0;
        let value: MetricsRespItem | undefined = undefined;
        while (at < e) {
          const t = readTag();
          if (t === 8) key = readInt32();
          else if (t === 18) value = readMetricsRespItem(readEnd(e));
          else skipField(t, e);
        }
        checkEnd(e);
        setEntry(m.items, key, value ?? readMetricsRespItem(at));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.metricsResp.MetricsResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a MetricsResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function metricsRespToBinary(message: MessageInitShape<typeof MetricsRespSchema>): Uint8Array {
  return encodeMessage("netsvr.metricsResp.MetricsResp", message, undefined, sizeMetricsResp, writeMetricsResp);
}

/** Decodes a whole MetricsResp from bytes[offset..]; every failure becomes one FrameError. */
function parseMetricsResp(bytes: Uint8Array, offset: number): MetricsResp {
  startRead(bytes, offset);
  try {
    return readMetricsResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.metricsResp.MetricsResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a MetricsResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function metricsRespFromBinary(bytes: Uint8Array): MetricsResp {
  return parseMetricsResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][MetricsResp], in one buffer.
 */
export function metricsRespFrame(cmd: number, message: MessageInitShape<typeof MetricsRespSchema>): Uint8Array {
  return encodeMessage("netsvr.metricsResp.MetricsResp", message, cmd, sizeMetricsResp, writeMetricsResp);
}

/**
 * Decodes the MetricsResp body of a whole frame whose header was checked.
 */
export function metricsRespFromFrame(frame: Uint8Array): MetricsResp {
  return parseMetricsResp(frame, 8);
}

function sizeMetricsRespItem(m: MessageInitShape<typeof MetricsRespItemSchema>): number {
  let n = 0;
  if (m.item != null && !(m.item === 0)) {
    n += 1 + int32Size(m.item);
  }
  if (m.count != null && !(m.count == zero64)) {
    n += 1 + int64Size(m.count);
  }
  if (m.meanRate != null && !(Object.is(m.meanRate, 0))) {
    n += 1 + floatSize(m.meanRate, 4);
  }
  if (m.rate1 != null && !(Object.is(m.rate1, 0))) {
    n += 1 + floatSize(m.rate1, 4);
  }
  if (m.rate5 != null && !(Object.is(m.rate5, 0))) {
    n += 1 + floatSize(m.rate5, 4);
  }
  if (m.rate15 != null && !(Object.is(m.rate15, 0))) {
    n += 1 + floatSize(m.rate15, 4);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeMetricsRespItem(m: MessageInitShape<typeof MetricsRespItemSchema>): void {
  if (m.item != null && !(m.item === 0)) {
    buf[pos++] = 8; writeInt32(m.item);
  }
  if (m.count != null && !(m.count == zero64)) {
    buf[pos++] = 16; writeInt64(m.count);
  }
  if (m.meanRate != null && !(Object.is(m.meanRate, 0))) {
    buf[pos++] = 29; writeFloat(m.meanRate);
  }
  if (m.rate1 != null && !(Object.is(m.rate1, 0))) {
    buf[pos++] = 45; writeFloat(m.rate1);
  }
  if (m.rate5 != null && !(Object.is(m.rate5, 0))) {
    buf[pos++] = 61; writeFloat(m.rate5);
  }
  if (m.rate15 != null && !(Object.is(m.rate15, 0))) {
    buf[pos++] = 77; writeFloat(m.rate15);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readMetricsRespItem(end: number, into?: MetricsRespItem): MetricsRespItem {
  if (++depth > maxDepth) throw tooDeep("netsvr.metricsResp.MetricsRespItem");
  const m: MetricsRespItem = into ?? {
    $typeName: "netsvr.metricsResp.MetricsRespItem",
    item: 0,
    count: zero64,
    meanRate: 0,
    rate1: 0,
    rate5: 0,
    rate15: 0,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 8: {
        m.item = readInt32();
        break;
      }
      case 16: {
        m.count = readInt64();
        break;
      }
      case 29: {
        m.meanRate = readFloat();
        break;
      }
      case 45: {
        m.rate1 = readFloat();
        break;
      }
      case 61: {
        m.rate5 = readFloat();
        break;
      }
      case 77: {
        m.rate15 = readFloat();
        break;
      }
      default:
        if ([1, 2, 3, 5, 7, 9].includes(tag >>> 3)) throw wrongWireType("netsvr.metricsResp.MetricsRespItem", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a MetricsRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function metricsRespItemToBinary(message: MessageInitShape<typeof MetricsRespItemSchema>): Uint8Array {
  return encodeMessage("netsvr.metricsResp.MetricsRespItem", message, undefined, sizeMetricsRespItem, writeMetricsRespItem);
}

/** Decodes a whole MetricsRespItem from bytes[offset..]; every failure becomes one FrameError. */
function parseMetricsRespItem(bytes: Uint8Array, offset: number): MetricsRespItem {
  startRead(bytes, offset);
  try {
    return readMetricsRespItem(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.metricsResp.MetricsRespItem", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a MetricsRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function metricsRespItemFromBinary(bytes: Uint8Array): MetricsRespItem {
  return parseMetricsRespItem(bytes, 0);
}

function sizeMulticast(m: MessageInitShape<typeof MulticastSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeMulticast(m: MessageInitShape<typeof MulticastSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 18; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readMulticast(end: number, into?: Multicast): Multicast {
  if (++depth > maxDepth) throw tooDeep("netsvr.multicast.Multicast");
  const m: Multicast = into ?? {
    $typeName: "netsvr.multicast.Multicast",
    uniqIds: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      case 18: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.multicast.Multicast", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a Multicast (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function multicastToBinary(message: MessageInitShape<typeof MulticastSchema>): Uint8Array {
  return encodeMessage("netsvr.multicast.Multicast", message, undefined, sizeMulticast, writeMulticast);
}

/** Decodes a whole Multicast from bytes[offset..]; every failure becomes one FrameError. */
function parseMulticast(bytes: Uint8Array, offset: number): Multicast {
  startRead(bytes, offset);
  try {
    return readMulticast(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.multicast.Multicast", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a Multicast from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function multicastFromBinary(bytes: Uint8Array): Multicast {
  return parseMulticast(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][Multicast], in one buffer.
 */
export function multicastFrame(cmd: number, message: MessageInitShape<typeof MulticastSchema>): Uint8Array {
  return encodeMessage("netsvr.multicast.Multicast", message, cmd, sizeMulticast, writeMulticast);
}

/**
 * Decodes the Multicast body of a whole frame whose header was checked.
 */
export function multicastFromFrame(frame: Uint8Array): Multicast {
  return parseMulticast(frame, 8);
}

function sizeMulticastByCustomerId(m: MessageInitShape<typeof MulticastByCustomerIdSchema>): number {
  let n = 0;
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeMulticastByCustomerId(m: MessageInitShape<typeof MulticastByCustomerIdSchema>): void {
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 18; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readMulticastByCustomerId(end: number, into?: MulticastByCustomerId): MulticastByCustomerId {
  if (++depth > maxDepth) throw tooDeep("netsvr.multicastByCustomerId.MulticastByCustomerId");
  const m: MulticastByCustomerId = into ?? {
    $typeName: "netsvr.multicastByCustomerId.MulticastByCustomerId",
    customerIds: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.customerIds.push(readString(end));
        break;
      }
      case 18: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.multicastByCustomerId.MulticastByCustomerId", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a MulticastByCustomerId (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function multicastByCustomerIdToBinary(message: MessageInitShape<typeof MulticastByCustomerIdSchema>): Uint8Array {
  return encodeMessage("netsvr.multicastByCustomerId.MulticastByCustomerId", message, undefined, sizeMulticastByCustomerId, writeMulticastByCustomerId);
}

/** Decodes a whole MulticastByCustomerId from bytes[offset..]; every failure becomes one FrameError. */
function parseMulticastByCustomerId(bytes: Uint8Array, offset: number): MulticastByCustomerId {
  startRead(bytes, offset);
  try {
    return readMulticastByCustomerId(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.multicastByCustomerId.MulticastByCustomerId", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a MulticastByCustomerId from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function multicastByCustomerIdFromBinary(bytes: Uint8Array): MulticastByCustomerId {
  return parseMulticastByCustomerId(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][MulticastByCustomerId], in one buffer.
 */
export function multicastByCustomerIdFrame(cmd: number, message: MessageInitShape<typeof MulticastByCustomerIdSchema>): Uint8Array {
  return encodeMessage("netsvr.multicastByCustomerId.MulticastByCustomerId", message, cmd, sizeMulticastByCustomerId, writeMulticastByCustomerId);
}

/**
 * Decodes the MulticastByCustomerId body of a whole frame whose header was checked.
 */
export function multicastByCustomerIdFromFrame(frame: Uint8Array): MulticastByCustomerId {
  return parseMulticastByCustomerId(frame, 8);
}

function sizeRegisterReq(m: MessageInitShape<typeof RegisterReqSchema>): number {
  let n = 0;
  if (m.events != null && !(m.events === 0)) {
    n += 1 + int32Size(m.events);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeRegisterReq(m: MessageInitShape<typeof RegisterReqSchema>): void {
  if (m.events != null && !(m.events === 0)) {
    buf[pos++] = 8; writeInt32(m.events);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readRegisterReq(end: number, into?: RegisterReq): RegisterReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.registerReq.RegisterReq");
  const m: RegisterReq = into ?? {
    $typeName: "netsvr.registerReq.RegisterReq",
    events: 0,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 8: {
        m.events = readInt32();
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.registerReq.RegisterReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a RegisterReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function registerReqToBinary(message: MessageInitShape<typeof RegisterReqSchema>): Uint8Array {
  return encodeMessage("netsvr.registerReq.RegisterReq", message, undefined, sizeRegisterReq, writeRegisterReq);
}

/** Decodes a whole RegisterReq from bytes[offset..]; every failure becomes one FrameError. */
function parseRegisterReq(bytes: Uint8Array, offset: number): RegisterReq {
  startRead(bytes, offset);
  try {
    return readRegisterReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.registerReq.RegisterReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a RegisterReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function registerReqFromBinary(bytes: Uint8Array): RegisterReq {
  return parseRegisterReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][RegisterReq], in one buffer.
 */
export function registerReqFrame(cmd: number, message: MessageInitShape<typeof RegisterReqSchema>): Uint8Array {
  return encodeMessage("netsvr.registerReq.RegisterReq", message, cmd, sizeRegisterReq, writeRegisterReq);
}

/**
 * Decodes the RegisterReq body of a whole frame whose header was checked.
 */
export function registerReqFromFrame(frame: Uint8Array): RegisterReq {
  return parseRegisterReq(frame, 8);
}

function sizeRegisterResp(m: MessageInitShape<typeof RegisterRespSchema>): number {
  let n = 0;
  if (m.code != null && !(m.code === 0)) {
    n += 1 + int32Size(m.code);
  }
  if (m.message != null && !(m.message === "")) {
    n += 1 + stringSize(m.message);
  }
  if (m.connId != null && !(m.connId === "")) {
    n += 1 + stringSize(m.connId);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeRegisterResp(m: MessageInitShape<typeof RegisterRespSchema>): void {
  if (m.code != null && !(m.code === 0)) {
    buf[pos++] = 8; writeInt32(m.code);
  }
  if (m.message != null && !(m.message === "")) {
    buf[pos++] = 18; writeString(m.message);
  }
  if (m.connId != null && !(m.connId === "")) {
    buf[pos++] = 26; writeString(m.connId);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readRegisterResp(end: number, into?: RegisterResp): RegisterResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.registerResp.RegisterResp");
  const m: RegisterResp = into ?? {
    $typeName: "netsvr.registerResp.RegisterResp",
    code: 0,
    message: "",
    connId: "",
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 8: {
        m.code = readInt32();
        break;
      }
      case 18: {
        m.message = readString(end);
        break;
      }
      case 26: {
        m.connId = readString(end);
        break;
      }
      default:
        if ([1, 2, 3].includes(tag >>> 3)) throw wrongWireType("netsvr.registerResp.RegisterResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a RegisterResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function registerRespToBinary(message: MessageInitShape<typeof RegisterRespSchema>): Uint8Array {
  return encodeMessage("netsvr.registerResp.RegisterResp", message, undefined, sizeRegisterResp, writeRegisterResp);
}

/** Decodes a whole RegisterResp from bytes[offset..]; every failure becomes one FrameError. */
function parseRegisterResp(bytes: Uint8Array, offset: number): RegisterResp {
  startRead(bytes, offset);
  try {
    return readRegisterResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.registerResp.RegisterResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a RegisterResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function registerRespFromBinary(bytes: Uint8Array): RegisterResp {
  return parseRegisterResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][RegisterResp], in one buffer.
 */
export function registerRespFrame(cmd: number, message: MessageInitShape<typeof RegisterRespSchema>): Uint8Array {
  return encodeMessage("netsvr.registerResp.RegisterResp", message, cmd, sizeRegisterResp, writeRegisterResp);
}

/**
 * Decodes the RegisterResp body of a whole frame whose header was checked.
 */
export function registerRespFromFrame(frame: Uint8Array): RegisterResp {
  return parseRegisterResp(frame, 8);
}

function sizeSingleCast(m: MessageInitShape<typeof SingleCastSchema>): number {
  let n = 0;
  if (m.uniqId != null && !(m.uniqId === "")) {
    n += 1 + stringSize(m.uniqId);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeSingleCast(m: MessageInitShape<typeof SingleCastSchema>): void {
  if (m.uniqId != null && !(m.uniqId === "")) {
    buf[pos++] = 10; writeString(m.uniqId);
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 18; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readSingleCast(end: number, into?: SingleCast): SingleCast {
  if (++depth > maxDepth) throw tooDeep("netsvr.singleCast.SingleCast");
  const m: SingleCast = into ?? {
    $typeName: "netsvr.singleCast.SingleCast",
    uniqId: "",
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqId = readString(end);
        break;
      }
      case 18: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.singleCast.SingleCast", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a SingleCast (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function singleCastToBinary(message: MessageInitShape<typeof SingleCastSchema>): Uint8Array {
  return encodeMessage("netsvr.singleCast.SingleCast", message, undefined, sizeSingleCast, writeSingleCast);
}

/** Decodes a whole SingleCast from bytes[offset..]; every failure becomes one FrameError. */
function parseSingleCast(bytes: Uint8Array, offset: number): SingleCast {
  startRead(bytes, offset);
  try {
    return readSingleCast(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.singleCast.SingleCast", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a SingleCast from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function singleCastFromBinary(bytes: Uint8Array): SingleCast {
  return parseSingleCast(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][SingleCast], in one buffer.
 */
export function singleCastFrame(cmd: number, message: MessageInitShape<typeof SingleCastSchema>): Uint8Array {
  return encodeMessage("netsvr.singleCast.SingleCast", message, cmd, sizeSingleCast, writeSingleCast);
}

/**
 * Decodes the SingleCast body of a whole frame whose header was checked.
 */
export function singleCastFromFrame(frame: Uint8Array): SingleCast {
  return parseSingleCast(frame, 8);
}

function sizeSingleCastBulk(m: MessageInitShape<typeof SingleCastBulkSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  if (m.data != null && m.data.length > 0) {
    for (const item of m.data) n += 1 + bytesSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeSingleCastBulk(m: MessageInitShape<typeof SingleCastBulkSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.data != null && m.data.length > 0) {
    for (const item of m.data) {
      buf[pos++] = 18; writeBytes(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readSingleCastBulk(end: number, into?: SingleCastBulk): SingleCastBulk {
  if (++depth > maxDepth) throw tooDeep("netsvr.singleCastBulk.SingleCastBulk");
  const m: SingleCastBulk = into ?? {
    $typeName: "netsvr.singleCastBulk.SingleCastBulk",
    uniqIds: [],
    data: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      case 18: {
        m.data.push(readBytes(end));
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.singleCastBulk.SingleCastBulk", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a SingleCastBulk (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function singleCastBulkToBinary(message: MessageInitShape<typeof SingleCastBulkSchema>): Uint8Array {
  return encodeMessage("netsvr.singleCastBulk.SingleCastBulk", message, undefined, sizeSingleCastBulk, writeSingleCastBulk);
}

/** Decodes a whole SingleCastBulk from bytes[offset..]; every failure becomes one FrameError. */
function parseSingleCastBulk(bytes: Uint8Array, offset: number): SingleCastBulk {
  startRead(bytes, offset);
  try {
    return readSingleCastBulk(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.singleCastBulk.SingleCastBulk", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a SingleCastBulk from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function singleCastBulkFromBinary(bytes: Uint8Array): SingleCastBulk {
  return parseSingleCastBulk(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][SingleCastBulk], in one buffer.
 */
export function singleCastBulkFrame(cmd: number, message: MessageInitShape<typeof SingleCastBulkSchema>): Uint8Array {
  return encodeMessage("netsvr.singleCastBulk.SingleCastBulk", message, cmd, sizeSingleCastBulk, writeSingleCastBulk);
}

/**
 * Decodes the SingleCastBulk body of a whole frame whose header was checked.
 */
export function singleCastBulkFromFrame(frame: Uint8Array): SingleCastBulk {
  return parseSingleCastBulk(frame, 8);
}

function sizeSingleCastBulkByCustomerId(m: MessageInitShape<typeof SingleCastBulkByCustomerIdSchema>): number {
  let n = 0;
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) n += 1 + stringSize(item);
  }
  if (m.data != null && m.data.length > 0) {
    for (const item of m.data) n += 1 + bytesSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeSingleCastBulkByCustomerId(m: MessageInitShape<typeof SingleCastBulkByCustomerIdSchema>): void {
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.data != null && m.data.length > 0) {
    for (const item of m.data) {
      buf[pos++] = 18; writeBytes(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readSingleCastBulkByCustomerId(end: number, into?: SingleCastBulkByCustomerId): SingleCastBulkByCustomerId {
  if (++depth > maxDepth) throw tooDeep("netsvr.singleCastBulkByCustomerId.SingleCastBulkByCustomerId");
  const m: SingleCastBulkByCustomerId = into ?? {
    $typeName: "netsvr.singleCastBulkByCustomerId.SingleCastBulkByCustomerId",
    customerIds: [],
    data: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.customerIds.push(readString(end));
        break;
      }
      case 18: {
        m.data.push(readBytes(end));
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.singleCastBulkByCustomerId.SingleCastBulkByCustomerId", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a SingleCastBulkByCustomerId (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function singleCastBulkByCustomerIdToBinary(message: MessageInitShape<typeof SingleCastBulkByCustomerIdSchema>): Uint8Array {
  return encodeMessage("netsvr.singleCastBulkByCustomerId.SingleCastBulkByCustomerId", message, undefined, sizeSingleCastBulkByCustomerId, writeSingleCastBulkByCustomerId);
}

/** Decodes a whole SingleCastBulkByCustomerId from bytes[offset..]; every failure becomes one FrameError. */
function parseSingleCastBulkByCustomerId(bytes: Uint8Array, offset: number): SingleCastBulkByCustomerId {
  startRead(bytes, offset);
  try {
    return readSingleCastBulkByCustomerId(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.singleCastBulkByCustomerId.SingleCastBulkByCustomerId", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a SingleCastBulkByCustomerId from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function singleCastBulkByCustomerIdFromBinary(bytes: Uint8Array): SingleCastBulkByCustomerId {
  return parseSingleCastBulkByCustomerId(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][SingleCastBulkByCustomerId], in one buffer.
 */
export function singleCastBulkByCustomerIdFrame(cmd: number, message: MessageInitShape<typeof SingleCastBulkByCustomerIdSchema>): Uint8Array {
  return encodeMessage("netsvr.singleCastBulkByCustomerId.SingleCastBulkByCustomerId", message, cmd, sizeSingleCastBulkByCustomerId, writeSingleCastBulkByCustomerId);
}

/**
 * Decodes the SingleCastBulkByCustomerId body of a whole frame whose header was checked.
 */
export function singleCastBulkByCustomerIdFromFrame(frame: Uint8Array): SingleCastBulkByCustomerId {
  return parseSingleCastBulkByCustomerId(frame, 8);
}

function sizeSingleCastByCustomerId(m: MessageInitShape<typeof SingleCastByCustomerIdSchema>): number {
  let n = 0;
  if (m.customerId != null && !(m.customerId === "")) {
    n += 1 + stringSize(m.customerId);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeSingleCastByCustomerId(m: MessageInitShape<typeof SingleCastByCustomerIdSchema>): void {
  if (m.customerId != null && !(m.customerId === "")) {
    buf[pos++] = 10; writeString(m.customerId);
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 18; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readSingleCastByCustomerId(end: number, into?: SingleCastByCustomerId): SingleCastByCustomerId {
  if (++depth > maxDepth) throw tooDeep("netsvr.singleCastByCustomerId.SingleCastByCustomerId");
  const m: SingleCastByCustomerId = into ?? {
    $typeName: "netsvr.singleCastByCustomerId.SingleCastByCustomerId",
    customerId: "",
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.customerId = readString(end);
        break;
      }
      case 18: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.singleCastByCustomerId.SingleCastByCustomerId", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a SingleCastByCustomerId (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function singleCastByCustomerIdToBinary(message: MessageInitShape<typeof SingleCastByCustomerIdSchema>): Uint8Array {
  return encodeMessage("netsvr.singleCastByCustomerId.SingleCastByCustomerId", message, undefined, sizeSingleCastByCustomerId, writeSingleCastByCustomerId);
}

/** Decodes a whole SingleCastByCustomerId from bytes[offset..]; every failure becomes one FrameError. */
function parseSingleCastByCustomerId(bytes: Uint8Array, offset: number): SingleCastByCustomerId {
  startRead(bytes, offset);
  try {
    return readSingleCastByCustomerId(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.singleCastByCustomerId.SingleCastByCustomerId", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a SingleCastByCustomerId from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function singleCastByCustomerIdFromBinary(bytes: Uint8Array): SingleCastByCustomerId {
  return parseSingleCastByCustomerId(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][SingleCastByCustomerId], in one buffer.
 */
export function singleCastByCustomerIdFrame(cmd: number, message: MessageInitShape<typeof SingleCastByCustomerIdSchema>): Uint8Array {
  return encodeMessage("netsvr.singleCastByCustomerId.SingleCastByCustomerId", message, cmd, sizeSingleCastByCustomerId, writeSingleCastByCustomerId);
}

/**
 * Decodes the SingleCastByCustomerId body of a whole frame whose header was checked.
 */
export function singleCastByCustomerIdFromFrame(frame: Uint8Array): SingleCastByCustomerId {
  return parseSingleCastByCustomerId(frame, 8);
}

function sizeTopicCountResp(m: MessageInitShape<typeof TopicCountRespSchema>): number {
  let n = 0;
  if (m.count != null && !(m.count === 0)) {
    n += 1 + int32Size(m.count);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicCountResp(m: MessageInitShape<typeof TopicCountRespSchema>): void {
  if (m.count != null && !(m.count === 0)) {
    buf[pos++] = 8; writeInt32(m.count);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicCountResp(end: number, into?: TopicCountResp): TopicCountResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCountResp.TopicCountResp");
  const m: TopicCountResp = into ?? {
    $typeName: "netsvr.topicCountResp.TopicCountResp",
    count: 0,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 8: {
        m.count = readInt32();
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCountResp.TopicCountResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicCountRespToBinary(message: MessageInitShape<typeof TopicCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCountResp.TopicCountResp", message, undefined, sizeTopicCountResp, writeTopicCountResp);
}

/** Decodes a whole TopicCountResp from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicCountResp(bytes: Uint8Array, offset: number): TopicCountResp {
  startRead(bytes, offset);
  try {
    return readTopicCountResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCountResp.TopicCountResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicCountRespFromBinary(bytes: Uint8Array): TopicCountResp {
  return parseTopicCountResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicCountResp], in one buffer.
 */
export function topicCountRespFrame(cmd: number, message: MessageInitShape<typeof TopicCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCountResp.TopicCountResp", message, cmd, sizeTopicCountResp, writeTopicCountResp);
}

/**
 * Decodes the TopicCountResp body of a whole frame whose header was checked.
 */
export function topicCountRespFromFrame(frame: Uint8Array): TopicCountResp {
  return parseTopicCountResp(frame, 8);
}

function sizeTopicCustomerIdCountReq(m: MessageInitShape<typeof TopicCustomerIdCountReqSchema>): number {
  let n = 0;
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  if (m.countAll != null && !(m.countAll === false)) {
    n += 1 + 1;
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicCustomerIdCountReq(m: MessageInitShape<typeof TopicCustomerIdCountReqSchema>): void {
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.countAll != null && !(m.countAll === false)) {
    buf[pos++] = 16; buf[pos++] = m.countAll ? 1 : 0;
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicCustomerIdCountReq(end: number, into?: TopicCustomerIdCountReq): TopicCustomerIdCountReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCustomerIdCountReq.TopicCustomerIdCountReq");
  const m: TopicCustomerIdCountReq = into ?? {
    $typeName: "netsvr.topicCustomerIdCountReq.TopicCustomerIdCountReq",
    topics: [],
    countAll: false,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.topics.push(readString(end));
        break;
      }
      case 16: {
        m.countAll = readBool();
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCustomerIdCountReq.TopicCustomerIdCountReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicCustomerIdCountReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicCustomerIdCountReqToBinary(message: MessageInitShape<typeof TopicCustomerIdCountReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdCountReq.TopicCustomerIdCountReq", message, undefined, sizeTopicCustomerIdCountReq, writeTopicCustomerIdCountReq);
}

/** Decodes a whole TopicCustomerIdCountReq from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicCustomerIdCountReq(bytes: Uint8Array, offset: number): TopicCustomerIdCountReq {
  startRead(bytes, offset);
  try {
    return readTopicCustomerIdCountReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCustomerIdCountReq.TopicCustomerIdCountReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicCustomerIdCountReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicCustomerIdCountReqFromBinary(bytes: Uint8Array): TopicCustomerIdCountReq {
  return parseTopicCustomerIdCountReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdCountReq], in one buffer.
 */
export function topicCustomerIdCountReqFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdCountReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdCountReq.TopicCustomerIdCountReq", message, cmd, sizeTopicCustomerIdCountReq, writeTopicCustomerIdCountReq);
}

/**
 * Decodes the TopicCustomerIdCountReq body of a whole frame whose header was checked.
 */
export function topicCustomerIdCountReqFromFrame(frame: Uint8Array): TopicCustomerIdCountReq {
  return parseTopicCustomerIdCountReq(frame, 8);
}

function sizeTopicCustomerIdCountResp(m: MessageInitShape<typeof TopicCustomerIdCountRespSchema>): number {
  let n = 0;
  if (m.items != null) {
    for (const key of keysOf(m.items)) {
      const value = m.items[key]!;
      const slot = reserveLength();
      const entry = 1 + stringSize(key) + 1 + int32Size(value);
      n += 1 + delimitedSize(slot, entry);
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicCustomerIdCountResp(m: MessageInitShape<typeof TopicCustomerIdCountRespSchema>): void {
  if (m.items != null) {
    for (const key of savedKeys()) {
      const value = m.items[key]!;
      buf[pos++] = 10; writeVarint(lengths[lengthNext++]!);
      buf[pos++] = 10; writeString(key);
      buf[pos++] = 16; writeInt32(value);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicCustomerIdCountResp(end: number, into?: TopicCustomerIdCountResp): TopicCustomerIdCountResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCustomerIdCountResp.TopicCustomerIdCountResp");
  const m: TopicCustomerIdCountResp = into ?? {
    $typeName: "netsvr.topicCustomerIdCountResp.TopicCustomerIdCountResp",
    items: {},
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        const e = readEnd(end);
        let key = "";
        let value = 0;
        while (at < e) {
          const t = readTag();
          if (t === 10) key = readString(e);
          else if (t === 16) value = readInt32();
          else skipField(t, e);
        }
        checkEnd(e);
        setEntry(m.items, key, value);
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCustomerIdCountResp.TopicCustomerIdCountResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicCustomerIdCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicCustomerIdCountRespToBinary(message: MessageInitShape<typeof TopicCustomerIdCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdCountResp.TopicCustomerIdCountResp", message, undefined, sizeTopicCustomerIdCountResp, writeTopicCustomerIdCountResp);
}

/** Decodes a whole TopicCustomerIdCountResp from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicCustomerIdCountResp(bytes: Uint8Array, offset: number): TopicCustomerIdCountResp {
  startRead(bytes, offset);
  try {
    return readTopicCustomerIdCountResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCustomerIdCountResp.TopicCustomerIdCountResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicCustomerIdCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicCustomerIdCountRespFromBinary(bytes: Uint8Array): TopicCustomerIdCountResp {
  return parseTopicCustomerIdCountResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdCountResp], in one buffer.
 */
export function topicCustomerIdCountRespFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdCountResp.TopicCustomerIdCountResp", message, cmd, sizeTopicCustomerIdCountResp, writeTopicCustomerIdCountResp);
}

/**
 * Decodes the TopicCustomerIdCountResp body of a whole frame whose header was checked.
 */
export function topicCustomerIdCountRespFromFrame(frame: Uint8Array): TopicCustomerIdCountResp {
  return parseTopicCustomerIdCountResp(frame, 8);
}

function sizeTopicCustomerIdListReq(m: MessageInitShape<typeof TopicCustomerIdListReqSchema>): number {
  let n = 0;
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicCustomerIdListReq(m: MessageInitShape<typeof TopicCustomerIdListReqSchema>): void {
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicCustomerIdListReq(end: number, into?: TopicCustomerIdListReq): TopicCustomerIdListReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCustomerIdListReq.TopicCustomerIdListReq");
  const m: TopicCustomerIdListReq = into ?? {
    $typeName: "netsvr.topicCustomerIdListReq.TopicCustomerIdListReq",
    topics: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.topics.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCustomerIdListReq.TopicCustomerIdListReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicCustomerIdListReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicCustomerIdListReqToBinary(message: MessageInitShape<typeof TopicCustomerIdListReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdListReq.TopicCustomerIdListReq", message, undefined, sizeTopicCustomerIdListReq, writeTopicCustomerIdListReq);
}

/** Decodes a whole TopicCustomerIdListReq from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicCustomerIdListReq(bytes: Uint8Array, offset: number): TopicCustomerIdListReq {
  startRead(bytes, offset);
  try {
    return readTopicCustomerIdListReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCustomerIdListReq.TopicCustomerIdListReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicCustomerIdListReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicCustomerIdListReqFromBinary(bytes: Uint8Array): TopicCustomerIdListReq {
  return parseTopicCustomerIdListReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdListReq], in one buffer.
 */
export function topicCustomerIdListReqFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdListReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdListReq.TopicCustomerIdListReq", message, cmd, sizeTopicCustomerIdListReq, writeTopicCustomerIdListReq);
}

/**
 * Decodes the TopicCustomerIdListReq body of a whole frame whose header was checked.
 */
export function topicCustomerIdListReqFromFrame(frame: Uint8Array): TopicCustomerIdListReq {
  return parseTopicCustomerIdListReq(frame, 8);
}

function sizeTopicCustomerIdListResp(m: MessageInitShape<typeof TopicCustomerIdListRespSchema>): number {
  let n = 0;
  if (m.items != null) {
    for (const key of keysOf(m.items)) {
      const value = m.items[key]!;
      const slot = reserveLength();
      const entry = 1 + stringSize(key) + 1 + delimitedSize(reserveLength(), sizeTopicCustomerIdListRespItem(value));
      n += 1 + delimitedSize(slot, entry);
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicCustomerIdListResp(m: MessageInitShape<typeof TopicCustomerIdListRespSchema>): void {
  if (m.items != null) {
    for (const key of savedKeys()) {
      const value = m.items[key]!;
      buf[pos++] = 10; writeVarint(lengths[lengthNext++]!);
      buf[pos++] = 10; writeString(key);
      buf[pos++] = 18; writeVarint(lengths[lengthNext++]!);
      writeTopicCustomerIdListRespItem(value);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicCustomerIdListResp(end: number, into?: TopicCustomerIdListResp): TopicCustomerIdListResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCustomerIdListResp.TopicCustomerIdListResp");
  const m: TopicCustomerIdListResp = into ?? {
    $typeName: "netsvr.topicCustomerIdListResp.TopicCustomerIdListResp",
    items: {},
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        const e = readEnd(end);
        let key = "";
        let value: TopicCustomerIdListRespItem | undefined = undefined;
        while (at < e) {
          const t = readTag();
          if (t === 10) key = readString(e);
          else if (t === 18) value = readTopicCustomerIdListRespItem(readEnd(e));
          else skipField(t, e);
        }
        checkEnd(e);
        setEntry(m.items, key, value ?? readTopicCustomerIdListRespItem(at));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCustomerIdListResp.TopicCustomerIdListResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicCustomerIdListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicCustomerIdListRespToBinary(message: MessageInitShape<typeof TopicCustomerIdListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdListResp.TopicCustomerIdListResp", message, undefined, sizeTopicCustomerIdListResp, writeTopicCustomerIdListResp);
}

/** Decodes a whole TopicCustomerIdListResp from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicCustomerIdListResp(bytes: Uint8Array, offset: number): TopicCustomerIdListResp {
  startRead(bytes, offset);
  try {
    return readTopicCustomerIdListResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCustomerIdListResp.TopicCustomerIdListResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicCustomerIdListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicCustomerIdListRespFromBinary(bytes: Uint8Array): TopicCustomerIdListResp {
  return parseTopicCustomerIdListResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdListResp], in one buffer.
 */
export function topicCustomerIdListRespFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdListResp.TopicCustomerIdListResp", message, cmd, sizeTopicCustomerIdListResp, writeTopicCustomerIdListResp);
}

/**
 * Decodes the TopicCustomerIdListResp body of a whole frame whose header was checked.
 */
export function topicCustomerIdListRespFromFrame(frame: Uint8Array): TopicCustomerIdListResp {
  return parseTopicCustomerIdListResp(frame, 8);
}

function sizeTopicCustomerIdListRespItem(m: MessageInitShape<typeof TopicCustomerIdListRespItemSchema>): number {
  let n = 0;
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicCustomerIdListRespItem(m: MessageInitShape<typeof TopicCustomerIdListRespItemSchema>): void {
  if (m.customerIds != null && m.customerIds.length > 0) {
    for (const item of m.customerIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicCustomerIdListRespItem(end: number, into?: TopicCustomerIdListRespItem): TopicCustomerIdListRespItem {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCustomerIdListResp.TopicCustomerIdListRespItem");
  const m: TopicCustomerIdListRespItem = into ?? {
    $typeName: "netsvr.topicCustomerIdListResp.TopicCustomerIdListRespItem",
    customerIds: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.customerIds.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCustomerIdListResp.TopicCustomerIdListRespItem", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicCustomerIdListRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicCustomerIdListRespItemToBinary(message: MessageInitShape<typeof TopicCustomerIdListRespItemSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdListResp.TopicCustomerIdListRespItem", message, undefined, sizeTopicCustomerIdListRespItem, writeTopicCustomerIdListRespItem);
}

/** Decodes a whole TopicCustomerIdListRespItem from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicCustomerIdListRespItem(bytes: Uint8Array, offset: number): TopicCustomerIdListRespItem {
  startRead(bytes, offset);
  try {
    return readTopicCustomerIdListRespItem(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCustomerIdListResp.TopicCustomerIdListRespItem", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicCustomerIdListRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicCustomerIdListRespItemFromBinary(bytes: Uint8Array): TopicCustomerIdListRespItem {
  return parseTopicCustomerIdListRespItem(bytes, 0);
}

function sizeTopicCustomerIdToUniqIdsListReq(m: MessageInitShape<typeof TopicCustomerIdToUniqIdsListReqSchema>): number {
  let n = 0;
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicCustomerIdToUniqIdsListReq(m: MessageInitShape<typeof TopicCustomerIdToUniqIdsListReqSchema>): void {
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicCustomerIdToUniqIdsListReq(end: number, into?: TopicCustomerIdToUniqIdsListReq): TopicCustomerIdToUniqIdsListReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCustomerIdToUniqIdsListReq.TopicCustomerIdToUniqIdsListReq");
  const m: TopicCustomerIdToUniqIdsListReq = into ?? {
    $typeName: "netsvr.topicCustomerIdToUniqIdsListReq.TopicCustomerIdToUniqIdsListReq",
    topics: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.topics.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCustomerIdToUniqIdsListReq.TopicCustomerIdToUniqIdsListReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicCustomerIdToUniqIdsListReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicCustomerIdToUniqIdsListReqToBinary(message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdToUniqIdsListReq.TopicCustomerIdToUniqIdsListReq", message, undefined, sizeTopicCustomerIdToUniqIdsListReq, writeTopicCustomerIdToUniqIdsListReq);
}

/** Decodes a whole TopicCustomerIdToUniqIdsListReq from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicCustomerIdToUniqIdsListReq(bytes: Uint8Array, offset: number): TopicCustomerIdToUniqIdsListReq {
  startRead(bytes, offset);
  try {
    return readTopicCustomerIdToUniqIdsListReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCustomerIdToUniqIdsListReq.TopicCustomerIdToUniqIdsListReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicCustomerIdToUniqIdsListReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicCustomerIdToUniqIdsListReqFromBinary(bytes: Uint8Array): TopicCustomerIdToUniqIdsListReq {
  return parseTopicCustomerIdToUniqIdsListReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdToUniqIdsListReq], in one buffer.
 */
export function topicCustomerIdToUniqIdsListReqFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdToUniqIdsListReq.TopicCustomerIdToUniqIdsListReq", message, cmd, sizeTopicCustomerIdToUniqIdsListReq, writeTopicCustomerIdToUniqIdsListReq);
}

/**
 * Decodes the TopicCustomerIdToUniqIdsListReq body of a whole frame whose header was checked.
 */
export function topicCustomerIdToUniqIdsListReqFromFrame(frame: Uint8Array): TopicCustomerIdToUniqIdsListReq {
  return parseTopicCustomerIdToUniqIdsListReq(frame, 8);
}

function sizeCustomerIdToUniqIdsRespItem(m: MessageInitShape<typeof CustomerIdToUniqIdsRespItemSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeCustomerIdToUniqIdsRespItem(m: MessageInitShape<typeof CustomerIdToUniqIdsRespItemSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readCustomerIdToUniqIdsRespItem(end: number, into?: CustomerIdToUniqIdsRespItem): CustomerIdToUniqIdsRespItem {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCustomerIdToUniqIdsListResp.CustomerIdToUniqIdsRespItem");
  const m: CustomerIdToUniqIdsRespItem = into ?? {
    $typeName: "netsvr.topicCustomerIdToUniqIdsListResp.CustomerIdToUniqIdsRespItem",
    uniqIds: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCustomerIdToUniqIdsListResp.CustomerIdToUniqIdsRespItem", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a CustomerIdToUniqIdsRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function customerIdToUniqIdsRespItemToBinary(message: MessageInitShape<typeof CustomerIdToUniqIdsRespItemSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdToUniqIdsListResp.CustomerIdToUniqIdsRespItem", message, undefined, sizeCustomerIdToUniqIdsRespItem, writeCustomerIdToUniqIdsRespItem);
}

/** Decodes a whole CustomerIdToUniqIdsRespItem from bytes[offset..]; every failure becomes one FrameError. */
function parseCustomerIdToUniqIdsRespItem(bytes: Uint8Array, offset: number): CustomerIdToUniqIdsRespItem {
  startRead(bytes, offset);
  try {
    return readCustomerIdToUniqIdsRespItem(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCustomerIdToUniqIdsListResp.CustomerIdToUniqIdsRespItem", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a CustomerIdToUniqIdsRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function customerIdToUniqIdsRespItemFromBinary(bytes: Uint8Array): CustomerIdToUniqIdsRespItem {
  return parseCustomerIdToUniqIdsRespItem(bytes, 0);
}

function sizeTopicCustomerIdToUniqIdsListResp(m: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespSchema>): number {
  let n = 0;
  if (m.items != null) {
    for (const key of keysOf(m.items)) {
      const value = m.items[key]!;
      const slot = reserveLength();
      const entry = 1 + stringSize(key) + 1 + delimitedSize(reserveLength(), sizeTopicCustomerIdToUniqIdsListRespItem(value));
      n += 1 + delimitedSize(slot, entry);
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicCustomerIdToUniqIdsListResp(m: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespSchema>): void {
  if (m.items != null) {
    for (const key of savedKeys()) {
      const value = m.items[key]!;
      buf[pos++] = 10; writeVarint(lengths[lengthNext++]!);
      buf[pos++] = 10; writeString(key);
      buf[pos++] = 18; writeVarint(lengths[lengthNext++]!);
      writeTopicCustomerIdToUniqIdsListRespItem(value);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicCustomerIdToUniqIdsListResp(end: number, into?: TopicCustomerIdToUniqIdsListResp): TopicCustomerIdToUniqIdsListResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListResp");
  const m: TopicCustomerIdToUniqIdsListResp = into ?? {
    $typeName: "netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListResp",
    items: {},
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        const e = readEnd(end);
        let key = "";
        let value: TopicCustomerIdToUniqIdsListRespItem | undefined = undefined;
        while (at < e) {
          const t = readTag();
          if (t === 10) key = readString(e);
          else if (t === 18) value = readTopicCustomerIdToUniqIdsListRespItem(readEnd(e));
          else skipField(t, e);
        }
        checkEnd(e);
        setEntry(m.items, key, value ?? readTopicCustomerIdToUniqIdsListRespItem(at));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicCustomerIdToUniqIdsListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicCustomerIdToUniqIdsListRespToBinary(message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListResp", message, undefined, sizeTopicCustomerIdToUniqIdsListResp, writeTopicCustomerIdToUniqIdsListResp);
}

/** Decodes a whole TopicCustomerIdToUniqIdsListResp from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicCustomerIdToUniqIdsListResp(bytes: Uint8Array, offset: number): TopicCustomerIdToUniqIdsListResp {
  startRead(bytes, offset);
  try {
    return readTopicCustomerIdToUniqIdsListResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicCustomerIdToUniqIdsListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicCustomerIdToUniqIdsListRespFromBinary(bytes: Uint8Array): TopicCustomerIdToUniqIdsListResp {
  return parseTopicCustomerIdToUniqIdsListResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdToUniqIdsListResp], in one buffer.
 */
export function topicCustomerIdToUniqIdsListRespFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListResp", message, cmd, sizeTopicCustomerIdToUniqIdsListResp, writeTopicCustomerIdToUniqIdsListResp);
}

/**
 * Decodes the TopicCustomerIdToUniqIdsListResp body of a whole frame whose header was checked.
 */
export function topicCustomerIdToUniqIdsListRespFromFrame(frame: Uint8Array): TopicCustomerIdToUniqIdsListResp {
  return parseTopicCustomerIdToUniqIdsListResp(frame, 8);
}

function sizeTopicCustomerIdToUniqIdsListRespItem(m: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespItemSchema>): number {
  let n = 0;
  if (m.items != null) {
    for (const key of keysOf(m.items)) {
      const value = m.items[key]!;
      const slot = reserveLength();
      const entry = 1 + stringSize(key) + 1 + delimitedSize(reserveLength(), sizeCustomerIdToUniqIdsRespItem(value));
      n += 1 + delimitedSize(slot, entry);
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicCustomerIdToUniqIdsListRespItem(m: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespItemSchema>): void {
  if (m.items != null) {
    for (const key of savedKeys()) {
      const value = m.items[key]!;
      buf[pos++] = 10; writeVarint(lengths[lengthNext++]!);
      buf[pos++] = 10; writeString(key);
      buf[pos++] = 18; writeVarint(lengths[lengthNext++]!);
      writeCustomerIdToUniqIdsRespItem(value);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicCustomerIdToUniqIdsListRespItem(end: number, into?: TopicCustomerIdToUniqIdsListRespItem): TopicCustomerIdToUniqIdsListRespItem {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListRespItem");
  const m: TopicCustomerIdToUniqIdsListRespItem = into ?? {
    $typeName: "netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListRespItem",
    items: {},
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        const e = readEnd(end);
        let key = "";
        let value: CustomerIdToUniqIdsRespItem | undefined = undefined;
        while (at < e) {
          const t = readTag();
          if (t === 10) key = readString(e);
          else if (t === 18) value = readCustomerIdToUniqIdsRespItem(readEnd(e));
          else skipField(t, e);
        }
        checkEnd(e);
        setEntry(m.items, key, value ?? readCustomerIdToUniqIdsRespItem(at));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListRespItem", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicCustomerIdToUniqIdsListRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicCustomerIdToUniqIdsListRespItemToBinary(message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespItemSchema>): Uint8Array {
  return encodeMessage("netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListRespItem", message, undefined, sizeTopicCustomerIdToUniqIdsListRespItem, writeTopicCustomerIdToUniqIdsListRespItem);
}

/** Decodes a whole TopicCustomerIdToUniqIdsListRespItem from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicCustomerIdToUniqIdsListRespItem(bytes: Uint8Array, offset: number): TopicCustomerIdToUniqIdsListRespItem {
  startRead(bytes, offset);
  try {
    return readTopicCustomerIdToUniqIdsListRespItem(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicCustomerIdToUniqIdsListResp.TopicCustomerIdToUniqIdsListRespItem", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicCustomerIdToUniqIdsListRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicCustomerIdToUniqIdsListRespItemFromBinary(bytes: Uint8Array): TopicCustomerIdToUniqIdsListRespItem {
  return parseTopicCustomerIdToUniqIdsListRespItem(bytes, 0);
}

function sizeTopicDelete(m: MessageInitShape<typeof TopicDeleteSchema>): number {
  let n = 0;
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicDelete(m: MessageInitShape<typeof TopicDeleteSchema>): void {
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 18; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicDelete(end: number, into?: TopicDelete): TopicDelete {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicDelete.TopicDelete");
  const m: TopicDelete = into ?? {
    $typeName: "netsvr.topicDelete.TopicDelete",
    topics: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.topics.push(readString(end));
        break;
      }
      case 18: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.topicDelete.TopicDelete", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicDelete (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicDeleteToBinary(message: MessageInitShape<typeof TopicDeleteSchema>): Uint8Array {
  return encodeMessage("netsvr.topicDelete.TopicDelete", message, undefined, sizeTopicDelete, writeTopicDelete);
}

/** Decodes a whole TopicDelete from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicDelete(bytes: Uint8Array, offset: number): TopicDelete {
  startRead(bytes, offset);
  try {
    return readTopicDelete(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicDelete.TopicDelete", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicDelete from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicDeleteFromBinary(bytes: Uint8Array): TopicDelete {
  return parseTopicDelete(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicDelete], in one buffer.
 */
export function topicDeleteFrame(cmd: number, message: MessageInitShape<typeof TopicDeleteSchema>): Uint8Array {
  return encodeMessage("netsvr.topicDelete.TopicDelete", message, cmd, sizeTopicDelete, writeTopicDelete);
}

/**
 * Decodes the TopicDelete body of a whole frame whose header was checked.
 */
export function topicDeleteFromFrame(frame: Uint8Array): TopicDelete {
  return parseTopicDelete(frame, 8);
}

function sizeTopicListResp(m: MessageInitShape<typeof TopicListRespSchema>): number {
  let n = 0;
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicListResp(m: MessageInitShape<typeof TopicListRespSchema>): void {
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicListResp(end: number, into?: TopicListResp): TopicListResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicListResp.TopicListResp");
  const m: TopicListResp = into ?? {
    $typeName: "netsvr.topicListResp.TopicListResp",
    topics: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.topics.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicListResp.TopicListResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicListRespToBinary(message: MessageInitShape<typeof TopicListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicListResp.TopicListResp", message, undefined, sizeTopicListResp, writeTopicListResp);
}

/** Decodes a whole TopicListResp from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicListResp(bytes: Uint8Array, offset: number): TopicListResp {
  startRead(bytes, offset);
  try {
    return readTopicListResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicListResp.TopicListResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicListRespFromBinary(bytes: Uint8Array): TopicListResp {
  return parseTopicListResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicListResp], in one buffer.
 */
export function topicListRespFrame(cmd: number, message: MessageInitShape<typeof TopicListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicListResp.TopicListResp", message, cmd, sizeTopicListResp, writeTopicListResp);
}

/**
 * Decodes the TopicListResp body of a whole frame whose header was checked.
 */
export function topicListRespFromFrame(frame: Uint8Array): TopicListResp {
  return parseTopicListResp(frame, 8);
}

function sizeTopicPublish(m: MessageInitShape<typeof TopicPublishSchema>): number {
  let n = 0;
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicPublish(m: MessageInitShape<typeof TopicPublishSchema>): void {
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 18; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicPublish(end: number, into?: TopicPublish): TopicPublish {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicPublish.TopicPublish");
  const m: TopicPublish = into ?? {
    $typeName: "netsvr.topicPublish.TopicPublish",
    topics: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.topics.push(readString(end));
        break;
      }
      case 18: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.topicPublish.TopicPublish", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicPublish (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicPublishToBinary(message: MessageInitShape<typeof TopicPublishSchema>): Uint8Array {
  return encodeMessage("netsvr.topicPublish.TopicPublish", message, undefined, sizeTopicPublish, writeTopicPublish);
}

/** Decodes a whole TopicPublish from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicPublish(bytes: Uint8Array, offset: number): TopicPublish {
  startRead(bytes, offset);
  try {
    return readTopicPublish(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicPublish.TopicPublish", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicPublish from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicPublishFromBinary(bytes: Uint8Array): TopicPublish {
  return parseTopicPublish(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicPublish], in one buffer.
 */
export function topicPublishFrame(cmd: number, message: MessageInitShape<typeof TopicPublishSchema>): Uint8Array {
  return encodeMessage("netsvr.topicPublish.TopicPublish", message, cmd, sizeTopicPublish, writeTopicPublish);
}

/**
 * Decodes the TopicPublish body of a whole frame whose header was checked.
 */
export function topicPublishFromFrame(frame: Uint8Array): TopicPublish {
  return parseTopicPublish(frame, 8);
}

function sizeTopicPublishBulk(m: MessageInitShape<typeof TopicPublishBulkSchema>): number {
  let n = 0;
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  if (m.data != null && m.data.length > 0) {
    for (const item of m.data) n += 1 + bytesSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicPublishBulk(m: MessageInitShape<typeof TopicPublishBulkSchema>): void {
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.data != null && m.data.length > 0) {
    for (const item of m.data) {
      buf[pos++] = 18; writeBytes(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicPublishBulk(end: number, into?: TopicPublishBulk): TopicPublishBulk {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicPublishBulk.TopicPublishBulk");
  const m: TopicPublishBulk = into ?? {
    $typeName: "netsvr.topicPublishBulk.TopicPublishBulk",
    topics: [],
    data: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.topics.push(readString(end));
        break;
      }
      case 18: {
        m.data.push(readBytes(end));
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.topicPublishBulk.TopicPublishBulk", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicPublishBulk (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicPublishBulkToBinary(message: MessageInitShape<typeof TopicPublishBulkSchema>): Uint8Array {
  return encodeMessage("netsvr.topicPublishBulk.TopicPublishBulk", message, undefined, sizeTopicPublishBulk, writeTopicPublishBulk);
}

/** Decodes a whole TopicPublishBulk from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicPublishBulk(bytes: Uint8Array, offset: number): TopicPublishBulk {
  startRead(bytes, offset);
  try {
    return readTopicPublishBulk(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicPublishBulk.TopicPublishBulk", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicPublishBulk from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicPublishBulkFromBinary(bytes: Uint8Array): TopicPublishBulk {
  return parseTopicPublishBulk(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicPublishBulk], in one buffer.
 */
export function topicPublishBulkFrame(cmd: number, message: MessageInitShape<typeof TopicPublishBulkSchema>): Uint8Array {
  return encodeMessage("netsvr.topicPublishBulk.TopicPublishBulk", message, cmd, sizeTopicPublishBulk, writeTopicPublishBulk);
}

/**
 * Decodes the TopicPublishBulk body of a whole frame whose header was checked.
 */
export function topicPublishBulkFromFrame(frame: Uint8Array): TopicPublishBulk {
  return parseTopicPublishBulk(frame, 8);
}

function sizeTopicSubscribe(m: MessageInitShape<typeof TopicSubscribeSchema>): number {
  let n = 0;
  if (m.uniqId != null && !(m.uniqId === "")) {
    n += 1 + stringSize(m.uniqId);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicSubscribe(m: MessageInitShape<typeof TopicSubscribeSchema>): void {
  if (m.uniqId != null && !(m.uniqId === "")) {
    buf[pos++] = 10; writeString(m.uniqId);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 18; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 26; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicSubscribe(end: number, into?: TopicSubscribe): TopicSubscribe {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicSubscribe.TopicSubscribe");
  const m: TopicSubscribe = into ?? {
    $typeName: "netsvr.topicSubscribe.TopicSubscribe",
    uniqId: "",
    topics: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqId = readString(end);
        break;
      }
      case 18: {
        m.topics.push(readString(end));
        break;
      }
      case 26: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2, 3].includes(tag >>> 3)) throw wrongWireType("netsvr.topicSubscribe.TopicSubscribe", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicSubscribe (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicSubscribeToBinary(message: MessageInitShape<typeof TopicSubscribeSchema>): Uint8Array {
  return encodeMessage("netsvr.topicSubscribe.TopicSubscribe", message, undefined, sizeTopicSubscribe, writeTopicSubscribe);
}

/** Decodes a whole TopicSubscribe from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicSubscribe(bytes: Uint8Array, offset: number): TopicSubscribe {
  startRead(bytes, offset);
  try {
    return readTopicSubscribe(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicSubscribe.TopicSubscribe", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicSubscribe from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicSubscribeFromBinary(bytes: Uint8Array): TopicSubscribe {
  return parseTopicSubscribe(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicSubscribe], in one buffer.
 */
export function topicSubscribeFrame(cmd: number, message: MessageInitShape<typeof TopicSubscribeSchema>): Uint8Array {
  return encodeMessage("netsvr.topicSubscribe.TopicSubscribe", message, cmd, sizeTopicSubscribe, writeTopicSubscribe);
}

/**
 * Decodes the TopicSubscribe body of a whole frame whose header was checked.
 */
export function topicSubscribeFromFrame(frame: Uint8Array): TopicSubscribe {
  return parseTopicSubscribe(frame, 8);
}

function sizeTopicUniqIdCountReq(m: MessageInitShape<typeof TopicUniqIdCountReqSchema>): number {
  let n = 0;
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  if (m.countAll != null && !(m.countAll === false)) {
    n += 1 + 1;
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicUniqIdCountReq(m: MessageInitShape<typeof TopicUniqIdCountReqSchema>): void {
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 10; writeString(item);
    }
  }
  if (m.countAll != null && !(m.countAll === false)) {
    buf[pos++] = 16; buf[pos++] = m.countAll ? 1 : 0;
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicUniqIdCountReq(end: number, into?: TopicUniqIdCountReq): TopicUniqIdCountReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicUniqIdCountReq.TopicUniqIdCountReq");
  const m: TopicUniqIdCountReq = into ?? {
    $typeName: "netsvr.topicUniqIdCountReq.TopicUniqIdCountReq",
    topics: [],
    countAll: false,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.topics.push(readString(end));
        break;
      }
      case 16: {
        m.countAll = readBool();
        break;
      }
      default:
        if ([1, 2].includes(tag >>> 3)) throw wrongWireType("netsvr.topicUniqIdCountReq.TopicUniqIdCountReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicUniqIdCountReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicUniqIdCountReqToBinary(message: MessageInitShape<typeof TopicUniqIdCountReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUniqIdCountReq.TopicUniqIdCountReq", message, undefined, sizeTopicUniqIdCountReq, writeTopicUniqIdCountReq);
}

/** Decodes a whole TopicUniqIdCountReq from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicUniqIdCountReq(bytes: Uint8Array, offset: number): TopicUniqIdCountReq {
  startRead(bytes, offset);
  try {
    return readTopicUniqIdCountReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicUniqIdCountReq.TopicUniqIdCountReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicUniqIdCountReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicUniqIdCountReqFromBinary(bytes: Uint8Array): TopicUniqIdCountReq {
  return parseTopicUniqIdCountReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicUniqIdCountReq], in one buffer.
 */
export function topicUniqIdCountReqFrame(cmd: number, message: MessageInitShape<typeof TopicUniqIdCountReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUniqIdCountReq.TopicUniqIdCountReq", message, cmd, sizeTopicUniqIdCountReq, writeTopicUniqIdCountReq);
}

/**
 * Decodes the TopicUniqIdCountReq body of a whole frame whose header was checked.
 */
export function topicUniqIdCountReqFromFrame(frame: Uint8Array): TopicUniqIdCountReq {
  return parseTopicUniqIdCountReq(frame, 8);
}

function sizeTopicUniqIdCountResp(m: MessageInitShape<typeof TopicUniqIdCountRespSchema>): number {
  let n = 0;
  if (m.items != null) {
    for (const key of keysOf(m.items)) {
      const value = m.items[key]!;
      const slot = reserveLength();
      const entry = 1 + stringSize(key) + 1 + int32Size(value);
      n += 1 + delimitedSize(slot, entry);
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicUniqIdCountResp(m: MessageInitShape<typeof TopicUniqIdCountRespSchema>): void {
  if (m.items != null) {
    for (const key of savedKeys()) {
      const value = m.items[key]!;
      buf[pos++] = 10; writeVarint(lengths[lengthNext++]!);
      buf[pos++] = 10; writeString(key);
      buf[pos++] = 16; writeInt32(value);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicUniqIdCountResp(end: number, into?: TopicUniqIdCountResp): TopicUniqIdCountResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicUniqIdCountResp.TopicUniqIdCountResp");
  const m: TopicUniqIdCountResp = into ?? {
    $typeName: "netsvr.topicUniqIdCountResp.TopicUniqIdCountResp",
    items: {},
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        const e = readEnd(end);
        let key = "";
        let value = 0;
        while (at < e) {
          const t = readTag();
          if (t === 10) key = readString(e);
          else if (t === 16) value = readInt32();
          else skipField(t, e);
        }
        checkEnd(e);
        setEntry(m.items, key, value);
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicUniqIdCountResp.TopicUniqIdCountResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicUniqIdCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicUniqIdCountRespToBinary(message: MessageInitShape<typeof TopicUniqIdCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUniqIdCountResp.TopicUniqIdCountResp", message, undefined, sizeTopicUniqIdCountResp, writeTopicUniqIdCountResp);
}

/** Decodes a whole TopicUniqIdCountResp from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicUniqIdCountResp(bytes: Uint8Array, offset: number): TopicUniqIdCountResp {
  startRead(bytes, offset);
  try {
    return readTopicUniqIdCountResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicUniqIdCountResp.TopicUniqIdCountResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicUniqIdCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicUniqIdCountRespFromBinary(bytes: Uint8Array): TopicUniqIdCountResp {
  return parseTopicUniqIdCountResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicUniqIdCountResp], in one buffer.
 */
export function topicUniqIdCountRespFrame(cmd: number, message: MessageInitShape<typeof TopicUniqIdCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUniqIdCountResp.TopicUniqIdCountResp", message, cmd, sizeTopicUniqIdCountResp, writeTopicUniqIdCountResp);
}

/**
 * Decodes the TopicUniqIdCountResp body of a whole frame whose header was checked.
 */
export function topicUniqIdCountRespFromFrame(frame: Uint8Array): TopicUniqIdCountResp {
  return parseTopicUniqIdCountResp(frame, 8);
}

function sizeTopicUniqIdListReq(m: MessageInitShape<typeof TopicUniqIdListReqSchema>): number {
  let n = 0;
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicUniqIdListReq(m: MessageInitShape<typeof TopicUniqIdListReqSchema>): void {
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicUniqIdListReq(end: number, into?: TopicUniqIdListReq): TopicUniqIdListReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicUniqIdListReq.TopicUniqIdListReq");
  const m: TopicUniqIdListReq = into ?? {
    $typeName: "netsvr.topicUniqIdListReq.TopicUniqIdListReq",
    topics: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.topics.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicUniqIdListReq.TopicUniqIdListReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicUniqIdListReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicUniqIdListReqToBinary(message: MessageInitShape<typeof TopicUniqIdListReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUniqIdListReq.TopicUniqIdListReq", message, undefined, sizeTopicUniqIdListReq, writeTopicUniqIdListReq);
}

/** Decodes a whole TopicUniqIdListReq from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicUniqIdListReq(bytes: Uint8Array, offset: number): TopicUniqIdListReq {
  startRead(bytes, offset);
  try {
    return readTopicUniqIdListReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicUniqIdListReq.TopicUniqIdListReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicUniqIdListReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicUniqIdListReqFromBinary(bytes: Uint8Array): TopicUniqIdListReq {
  return parseTopicUniqIdListReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicUniqIdListReq], in one buffer.
 */
export function topicUniqIdListReqFrame(cmd: number, message: MessageInitShape<typeof TopicUniqIdListReqSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUniqIdListReq.TopicUniqIdListReq", message, cmd, sizeTopicUniqIdListReq, writeTopicUniqIdListReq);
}

/**
 * Decodes the TopicUniqIdListReq body of a whole frame whose header was checked.
 */
export function topicUniqIdListReqFromFrame(frame: Uint8Array): TopicUniqIdListReq {
  return parseTopicUniqIdListReq(frame, 8);
}

function sizeTopicUniqIdListResp(m: MessageInitShape<typeof TopicUniqIdListRespSchema>): number {
  let n = 0;
  if (m.items != null) {
    for (const key of keysOf(m.items)) {
      const value = m.items[key]!;
      const slot = reserveLength();
      const entry = 1 + stringSize(key) + 1 + delimitedSize(reserveLength(), sizeTopicUniqIdListRespItem(value));
      n += 1 + delimitedSize(slot, entry);
    }
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicUniqIdListResp(m: MessageInitShape<typeof TopicUniqIdListRespSchema>): void {
  if (m.items != null) {
    for (const key of savedKeys()) {
      const value = m.items[key]!;
      buf[pos++] = 18; writeVarint(lengths[lengthNext++]!);
      buf[pos++] = 10; writeString(key);
      buf[pos++] = 18; writeVarint(lengths[lengthNext++]!);
      writeTopicUniqIdListRespItem(value);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicUniqIdListResp(end: number, into?: TopicUniqIdListResp): TopicUniqIdListResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicUniqIdListResp.TopicUniqIdListResp");
  const m: TopicUniqIdListResp = into ?? {
    $typeName: "netsvr.topicUniqIdListResp.TopicUniqIdListResp",
    items: {},
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 18: {
        const e = readEnd(end);
        let key = "";
        let value: TopicUniqIdListRespItem | undefined = undefined;
        while (at < e) {
          const t = readTag();
          if (t === 10) key = readString(e);
          else if (t === 18) value = readTopicUniqIdListRespItem(readEnd(e));
          else skipField(t, e);
        }
        checkEnd(e);
        setEntry(m.items, key, value ?? readTopicUniqIdListRespItem(at));
        break;
      }
      default:
        if ([2].includes(tag >>> 3)) throw wrongWireType("netsvr.topicUniqIdListResp.TopicUniqIdListResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicUniqIdListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicUniqIdListRespToBinary(message: MessageInitShape<typeof TopicUniqIdListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUniqIdListResp.TopicUniqIdListResp", message, undefined, sizeTopicUniqIdListResp, writeTopicUniqIdListResp);
}

/** Decodes a whole TopicUniqIdListResp from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicUniqIdListResp(bytes: Uint8Array, offset: number): TopicUniqIdListResp {
  startRead(bytes, offset);
  try {
    return readTopicUniqIdListResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicUniqIdListResp.TopicUniqIdListResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicUniqIdListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicUniqIdListRespFromBinary(bytes: Uint8Array): TopicUniqIdListResp {
  return parseTopicUniqIdListResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicUniqIdListResp], in one buffer.
 */
export function topicUniqIdListRespFrame(cmd: number, message: MessageInitShape<typeof TopicUniqIdListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUniqIdListResp.TopicUniqIdListResp", message, cmd, sizeTopicUniqIdListResp, writeTopicUniqIdListResp);
}

/**
 * Decodes the TopicUniqIdListResp body of a whole frame whose header was checked.
 */
export function topicUniqIdListRespFromFrame(frame: Uint8Array): TopicUniqIdListResp {
  return parseTopicUniqIdListResp(frame, 8);
}

function sizeTopicUniqIdListRespItem(m: MessageInitShape<typeof TopicUniqIdListRespItemSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicUniqIdListRespItem(m: MessageInitShape<typeof TopicUniqIdListRespItemSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicUniqIdListRespItem(end: number, into?: TopicUniqIdListRespItem): TopicUniqIdListRespItem {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicUniqIdListResp.TopicUniqIdListRespItem");
  const m: TopicUniqIdListRespItem = into ?? {
    $typeName: "netsvr.topicUniqIdListResp.TopicUniqIdListRespItem",
    uniqIds: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.topicUniqIdListResp.TopicUniqIdListRespItem", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicUniqIdListRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicUniqIdListRespItemToBinary(message: MessageInitShape<typeof TopicUniqIdListRespItemSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUniqIdListResp.TopicUniqIdListRespItem", message, undefined, sizeTopicUniqIdListRespItem, writeTopicUniqIdListRespItem);
}

/** Decodes a whole TopicUniqIdListRespItem from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicUniqIdListRespItem(bytes: Uint8Array, offset: number): TopicUniqIdListRespItem {
  startRead(bytes, offset);
  try {
    return readTopicUniqIdListRespItem(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicUniqIdListResp.TopicUniqIdListRespItem", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicUniqIdListRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicUniqIdListRespItemFromBinary(bytes: Uint8Array): TopicUniqIdListRespItem {
  return parseTopicUniqIdListRespItem(bytes, 0);
}

function sizeTopicUnsubscribe(m: MessageInitShape<typeof TopicUnsubscribeSchema>): number {
  let n = 0;
  if (m.uniqId != null && !(m.uniqId === "")) {
    n += 1 + stringSize(m.uniqId);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTopicUnsubscribe(m: MessageInitShape<typeof TopicUnsubscribeSchema>): void {
  if (m.uniqId != null && !(m.uniqId === "")) {
    buf[pos++] = 10; writeString(m.uniqId);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 18; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 26; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTopicUnsubscribe(end: number, into?: TopicUnsubscribe): TopicUnsubscribe {
  if (++depth > maxDepth) throw tooDeep("netsvr.topicUnsubscribe.TopicUnsubscribe");
  const m: TopicUnsubscribe = into ?? {
    $typeName: "netsvr.topicUnsubscribe.TopicUnsubscribe",
    uniqId: "",
    topics: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqId = readString(end);
        break;
      }
      case 18: {
        m.topics.push(readString(end));
        break;
      }
      case 26: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2, 3].includes(tag >>> 3)) throw wrongWireType("netsvr.topicUnsubscribe.TopicUnsubscribe", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a TopicUnsubscribe (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function topicUnsubscribeToBinary(message: MessageInitShape<typeof TopicUnsubscribeSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUnsubscribe.TopicUnsubscribe", message, undefined, sizeTopicUnsubscribe, writeTopicUnsubscribe);
}

/** Decodes a whole TopicUnsubscribe from bytes[offset..]; every failure becomes one FrameError. */
function parseTopicUnsubscribe(bytes: Uint8Array, offset: number): TopicUnsubscribe {
  startRead(bytes, offset);
  try {
    return readTopicUnsubscribe(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.topicUnsubscribe.TopicUnsubscribe", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a TopicUnsubscribe from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function topicUnsubscribeFromBinary(bytes: Uint8Array): TopicUnsubscribe {
  return parseTopicUnsubscribe(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][TopicUnsubscribe], in one buffer.
 */
export function topicUnsubscribeFrame(cmd: number, message: MessageInitShape<typeof TopicUnsubscribeSchema>): Uint8Array {
  return encodeMessage("netsvr.topicUnsubscribe.TopicUnsubscribe", message, cmd, sizeTopicUnsubscribe, writeTopicUnsubscribe);
}

/**
 * Decodes the TopicUnsubscribe body of a whole frame whose header was checked.
 */
export function topicUnsubscribeFromFrame(frame: Uint8Array): TopicUnsubscribe {
  return parseTopicUnsubscribe(frame, 8);
}

function sizeTransfer(m: MessageInitShape<typeof TransferSchema>): number {
  let n = 0;
  if (m.uniqId != null && !(m.uniqId === "")) {
    n += 1 + stringSize(m.uniqId);
  }
  if (m.customerId != null && !(m.customerId === "")) {
    n += 1 + stringSize(m.customerId);
  }
  if (m.session != null && !(m.session === "")) {
    n += 1 + stringSize(m.session);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) n += 1 + stringSize(item);
  }
  if (m.data != null && !(m.data.length === 0)) {
    n += 1 + bytesSize(m.data);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeTransfer(m: MessageInitShape<typeof TransferSchema>): void {
  if (m.uniqId != null && !(m.uniqId === "")) {
    buf[pos++] = 10; writeString(m.uniqId);
  }
  if (m.customerId != null && !(m.customerId === "")) {
    buf[pos++] = 18; writeString(m.customerId);
  }
  if (m.session != null && !(m.session === "")) {
    buf[pos++] = 26; writeString(m.session);
  }
  if (m.topics != null && m.topics.length > 0) {
    for (const item of m.topics) {
      buf[pos++] = 34; writeString(item);
    }
  }
  if (m.data != null && !(m.data.length === 0)) {
    buf[pos++] = 42; writeBytes(m.data);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readTransfer(end: number, into?: Transfer): Transfer {
  if (++depth > maxDepth) throw tooDeep("netsvr.transfer.Transfer");
  const m: Transfer = into ?? {
    $typeName: "netsvr.transfer.Transfer",
    uniqId: "",
    customerId: "",
    session: "",
    topics: [],
    data: emptyBytes,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqId = readString(end);
        break;
      }
      case 18: {
        m.customerId = readString(end);
        break;
      }
      case 26: {
        m.session = readString(end);
        break;
      }
      case 34: {
        m.topics.push(readString(end));
        break;
      }
      case 42: {
        m.data = readBytes(end);
        break;
      }
      default:
        if ([1, 2, 3, 4, 5].includes(tag >>> 3)) throw wrongWireType("netsvr.transfer.Transfer", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a Transfer (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function transferToBinary(message: MessageInitShape<typeof TransferSchema>): Uint8Array {
  return encodeMessage("netsvr.transfer.Transfer", message, undefined, sizeTransfer, writeTransfer);
}

/** Decodes a whole Transfer from bytes[offset..]; every failure becomes one FrameError. */
function parseTransfer(bytes: Uint8Array, offset: number): Transfer {
  startRead(bytes, offset);
  try {
    return readTransfer(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.transfer.Transfer", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a Transfer from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function transferFromBinary(bytes: Uint8Array): Transfer {
  return parseTransfer(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][Transfer], in one buffer.
 */
export function transferFrame(cmd: number, message: MessageInitShape<typeof TransferSchema>): Uint8Array {
  return encodeMessage("netsvr.transfer.Transfer", message, cmd, sizeTransfer, writeTransfer);
}

/**
 * Decodes the Transfer body of a whole frame whose header was checked.
 */
export function transferFromFrame(frame: Uint8Array): Transfer {
  return parseTransfer(frame, 8);
}

function sizeUniqIdCountResp(m: MessageInitShape<typeof UniqIdCountRespSchema>): number {
  let n = 0;
  if (m.count != null && !(m.count === 0)) {
    n += 1 + int32Size(m.count);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeUniqIdCountResp(m: MessageInitShape<typeof UniqIdCountRespSchema>): void {
  if (m.count != null && !(m.count === 0)) {
    buf[pos++] = 8; writeInt32(m.count);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readUniqIdCountResp(end: number, into?: UniqIdCountResp): UniqIdCountResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.uniqIdCountResp.UniqIdCountResp");
  const m: UniqIdCountResp = into ?? {
    $typeName: "netsvr.uniqIdCountResp.UniqIdCountResp",
    count: 0,
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 8: {
        m.count = readInt32();
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.uniqIdCountResp.UniqIdCountResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a UniqIdCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function uniqIdCountRespToBinary(message: MessageInitShape<typeof UniqIdCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.uniqIdCountResp.UniqIdCountResp", message, undefined, sizeUniqIdCountResp, writeUniqIdCountResp);
}

/** Decodes a whole UniqIdCountResp from bytes[offset..]; every failure becomes one FrameError. */
function parseUniqIdCountResp(bytes: Uint8Array, offset: number): UniqIdCountResp {
  startRead(bytes, offset);
  try {
    return readUniqIdCountResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.uniqIdCountResp.UniqIdCountResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a UniqIdCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function uniqIdCountRespFromBinary(bytes: Uint8Array): UniqIdCountResp {
  return parseUniqIdCountResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][UniqIdCountResp], in one buffer.
 */
export function uniqIdCountRespFrame(cmd: number, message: MessageInitShape<typeof UniqIdCountRespSchema>): Uint8Array {
  return encodeMessage("netsvr.uniqIdCountResp.UniqIdCountResp", message, cmd, sizeUniqIdCountResp, writeUniqIdCountResp);
}

/**
 * Decodes the UniqIdCountResp body of a whole frame whose header was checked.
 */
export function uniqIdCountRespFromFrame(frame: Uint8Array): UniqIdCountResp {
  return parseUniqIdCountResp(frame, 8);
}

function sizeUniqIdListResp(m: MessageInitShape<typeof UniqIdListRespSchema>): number {
  let n = 0;
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) n += 1 + stringSize(item);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeUniqIdListResp(m: MessageInitShape<typeof UniqIdListRespSchema>): void {
  if (m.uniqIds != null && m.uniqIds.length > 0) {
    for (const item of m.uniqIds) {
      buf[pos++] = 10; writeString(item);
    }
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readUniqIdListResp(end: number, into?: UniqIdListResp): UniqIdListResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.uniqIdListResp.UniqIdListResp");
  const m: UniqIdListResp = into ?? {
    $typeName: "netsvr.uniqIdListResp.UniqIdListResp",
    uniqIds: [],
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.uniqIds.push(readString(end));
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.uniqIdListResp.UniqIdListResp", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a UniqIdListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function uniqIdListRespToBinary(message: MessageInitShape<typeof UniqIdListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.uniqIdListResp.UniqIdListResp", message, undefined, sizeUniqIdListResp, writeUniqIdListResp);
}

/** Decodes a whole UniqIdListResp from bytes[offset..]; every failure becomes one FrameError. */
function parseUniqIdListResp(bytes: Uint8Array, offset: number): UniqIdListResp {
  startRead(bytes, offset);
  try {
    return readUniqIdListResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.uniqIdListResp.UniqIdListResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a UniqIdListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function uniqIdListRespFromBinary(bytes: Uint8Array): UniqIdListResp {
  return parseUniqIdListResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][UniqIdListResp], in one buffer.
 */
export function uniqIdListRespFrame(cmd: number, message: MessageInitShape<typeof UniqIdListRespSchema>): Uint8Array {
  return encodeMessage("netsvr.uniqIdListResp.UniqIdListResp", message, cmd, sizeUniqIdListResp, writeUniqIdListResp);
}

/**
 * Decodes the UniqIdListResp body of a whole frame whose header was checked.
 */
export function uniqIdListRespFromFrame(frame: Uint8Array): UniqIdListResp {
  return parseUniqIdListResp(frame, 8);
}

function sizeUnRegisterReq(m: MessageInitShape<typeof UnRegisterReqSchema>): number {
  let n = 0;
  if (m.connId != null && !(m.connId === "")) {
    n += 1 + stringSize(m.connId);
  }
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeUnRegisterReq(m: MessageInitShape<typeof UnRegisterReqSchema>): void {
  if (m.connId != null && !(m.connId === "")) {
    buf[pos++] = 10; writeString(m.connId);
  }
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readUnRegisterReq(end: number, into?: UnRegisterReq): UnRegisterReq {
  if (++depth > maxDepth) throw tooDeep("netsvr.unRegisterReq.UnRegisterReq");
  const m: UnRegisterReq = into ?? {
    $typeName: "netsvr.unRegisterReq.UnRegisterReq",
    connId: "",
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      case 10: {
        m.connId = readString(end);
        break;
      }
      default:
        if ([1].includes(tag >>> 3)) throw wrongWireType("netsvr.unRegisterReq.UnRegisterReq", tag);
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a UnRegisterReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function unRegisterReqToBinary(message: MessageInitShape<typeof UnRegisterReqSchema>): Uint8Array {
  return encodeMessage("netsvr.unRegisterReq.UnRegisterReq", message, undefined, sizeUnRegisterReq, writeUnRegisterReq);
}

/** Decodes a whole UnRegisterReq from bytes[offset..]; every failure becomes one FrameError. */
function parseUnRegisterReq(bytes: Uint8Array, offset: number): UnRegisterReq {
  startRead(bytes, offset);
  try {
    return readUnRegisterReq(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.unRegisterReq.UnRegisterReq", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a UnRegisterReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function unRegisterReqFromBinary(bytes: Uint8Array): UnRegisterReq {
  return parseUnRegisterReq(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][UnRegisterReq], in one buffer.
 */
export function unRegisterReqFrame(cmd: number, message: MessageInitShape<typeof UnRegisterReqSchema>): Uint8Array {
  return encodeMessage("netsvr.unRegisterReq.UnRegisterReq", message, cmd, sizeUnRegisterReq, writeUnRegisterReq);
}

/**
 * Decodes the UnRegisterReq body of a whole frame whose header was checked.
 */
export function unRegisterReqFromFrame(frame: Uint8Array): UnRegisterReq {
  return parseUnRegisterReq(frame, 8);
}

function sizeUnRegisterResp(m: MessageInitShape<typeof UnRegisterRespSchema>): number {
  let n = 0;
  return n + unknownSize((m as { $unknown?: UnknownField[] }).$unknown);
}

function writeUnRegisterResp(m: MessageInitShape<typeof UnRegisterRespSchema>): void {
  writeUnknown((m as { $unknown?: UnknownField[] }).$unknown);
}

function readUnRegisterResp(end: number, into?: UnRegisterResp): UnRegisterResp {
  if (++depth > maxDepth) throw tooDeep("netsvr.unRegisterResp.UnRegisterResp");
  const m: UnRegisterResp = into ?? {
    $typeName: "netsvr.unRegisterResp.UnRegisterResp",
  };
  while (at < end) {
    const tag = readTag();
    switch (tag) {
      default:
        readUnknown(m, tag, end);
    }
  }
  checkEnd(end);
  depth--;
  return m;
}

/**
 * Encodes a UnRegisterResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export function unRegisterRespToBinary(message: MessageInitShape<typeof UnRegisterRespSchema>): Uint8Array {
  return encodeMessage("netsvr.unRegisterResp.UnRegisterResp", message, undefined, sizeUnRegisterResp, writeUnRegisterResp);
}

/** Decodes a whole UnRegisterResp from bytes[offset..]; every failure becomes one FrameError. */
function parseUnRegisterResp(bytes: Uint8Array, offset: number): UnRegisterResp {
  startRead(bytes, offset);
  try {
    return readUnRegisterResp(bytes.length);
  } catch (error) {
    throw decodeFailed("netsvr.unRegisterResp.UnRegisterResp", error);
  } finally {
    endRead();
  }
}

/**
 * Decodes a UnRegisterResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export function unRegisterRespFromBinary(bytes: Uint8Array): UnRegisterResp {
  return parseUnRegisterResp(bytes, 0);
}

/**
 * A whole frame, [u32 length][u32 cmd][UnRegisterResp], in one buffer.
 */
export function unRegisterRespFrame(cmd: number, message: MessageInitShape<typeof UnRegisterRespSchema>): Uint8Array {
  return encodeMessage("netsvr.unRegisterResp.UnRegisterResp", message, cmd, sizeUnRegisterResp, writeUnRegisterResp);
}

/**
 * Decodes the UnRegisterResp body of a whole frame whose header was checked.
 */
export function unRegisterRespFromFrame(frame: Uint8Array): UnRegisterResp {
  return parseUnRegisterResp(frame, 8);
}
