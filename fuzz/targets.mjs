// Fuzz targets for the decoders and the frame splitter, shared by the quick
// run in `npm test` (test/fuzz.test.ts) and the long one (`npm run fuzz`).
//
// Each target is a fast-check property over hostile input. The invariant is
// the same everywhere: every input yields its frames or messages, or ONE
// FrameError (the class the package exports) with the command and offset
// where they are known; never another exception, never a hang, never a frame
// larger than the maximum frame size.
import fc from "fast-check";
import * as netsvr from "../generated/dist/v2/index.js";
import * as netsvr6 from "../generated/dist/v6/index.js";
import * as allkindsCodec from "../test/fixtures/allkinds/dist/codec.js";
import { FrameError as AllkindsFrameError } from "../test/fixtures/allkinds/dist/errors.js";

const { FrameError, FrameSplitter, maxFrameSize } = netsvr;
const codes = new Set(["truncated", "trailing-bytes", "oversize", "unknown-command", "invalid-body", "aborted"]);

/** Counts of what the inputs came to, printed by the long run. */
export function newTally() {
  return { runs: 0, ok: 0, errors: {} };
}

function count(tally, code) {
  tally.runs++;
  if (code === undefined) tally.ok++;
  else tally.errors[code] = (tally.errors[code] ?? 0) + 1;
}

/** Runs fn; returns the FrameError (of that generated package) it threw, undefined if none, and fails on anything else. */
function frameErrorOf(fn, errorClass = FrameError) {
  try {
    fn();
    return undefined;
  } catch (error) {
    if (!(error instanceof errorClass)) throw new Error(`not a FrameError: ${String(error)}`, { cause: error });
    if (!codes.has(error.code)) throw new Error(`unknown FrameError code ${error.code}`);
    return error;
  }
}

function u32(n) {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function frameOf(cmd, body) {
  return Uint8Array.from([...u32(4 + body.length), ...u32(cmd), ...body]);
}

// --- a corpus of valid frames, both directions, per protocol version ---

const valid2 = {
  gateway: [
    netsvr.encodeConnOpen({ uniqId: "0165642b8d00000001", rawQuery: "a=1&b=2", subProtocol: ["chat"], xForwardedFor: "10.0.0.1" }),
    netsvr.encodeConnClose({ uniqId: "01", session: "s" }),
    netsvr.encodeTransfer({ uniqId: "01", session: "sé", data: Uint8Array.from([0, 1, 2, 255]) }),
    netsvr.encodeRegisterResponse({ code: 0, message: "Success", registerId: "00000004127.0.0.1:47324" }),
    netsvr.encodeConnInfoResponse({ items: { a: { session: "s", topics: ["t1", "t2"] }, "ключ": { session: "", topics: [] } } }),
    netsvr.encodeMetricsResponse({ serverId: 1, items: { 1: { count: 5n, meanRate: 1.5, rate1: Number.NaN }, 7: { count: -1n } } }),
    netsvr.encodeTopicUniqIdCountResponse({ serverId: 2, items: { news: 3, sport: 0 } }),
    netsvr.encodeLimitResponse({ serverId: 1, items: [{ name: "x", concurrency: 2, workerIds: [1, 2, 3] }] }),
    netsvr.encodeUnregisterResponse({}),
    netsvr.encodePong(),
  ],
  business: [
    netsvr.encodeRegisterRequest({ workerId: 1, processCmdGoroutineNum: 2, serverId: 3 }),
    netsvr.encodeSingleCast({ uniqId: "0165642b8d00000001", data: Uint8Array.from([1, 2, 3]) }),
    netsvr.encodeTopicPublishBulk({ topics: ["a", "b"], data: [Uint8Array.of(1), Uint8Array.of(2, 3)] }),
    netsvr.encodeConnInfoUpdate({ uniqId: "u", newUniqId: "v", newTopics: ["t"], data: Uint8Array.of(9) }),
    netsvr.encodeForceOfflineGuest({ uniqIds: ["a"], delay: -5, data: Uint8Array.of(1) }),
    netsvr.encodeLimitRequest({ items: [{ name: "n", concurrency: 1 }] }),
    netsvr.encodeUniqIdCountRequest(),
    netsvr.encodeMetricsRequest(),
    netsvr.encodePing(),
  ],
};

const valid6 = {
  gateway: [
    netsvr6.encodeConnOpen({ uniqId: "7f00000117ae6565a1b200000001", rawQuery: "a=1", xForwardedFor: "10.0.0.1", xRealIp: "10.0.0.2", remoteAddr: "1.2.3.4:5" }),
    netsvr6.encodeConnClose({ uniqId: "u", customerId: "c", session: "s", topics: ["t"] }),
    netsvr6.encodeTransfer({ uniqId: "u", customerId: "ç", topics: ["a", "b"], data: Uint8Array.from([0, 255]) }),
    netsvr6.encodeRegisterResponse({ code: 0, message: "ok", connId: "0123456789abcdef0123456789abcdef" }),
    netsvr6.encodeTopicCustomerIdToUniqIdsListResponse({ items: { t: { items: { c: { uniqIds: ["u1", "u2"] } } } } }),
    netsvr6.encodeConnInfoByCustomerIdResponse({ items: { c: { items: [{ session: "s", uniqId: "u", topics: ["t"] }] } } }),
    netsvr6.encodeMetricsResponse({ items: { 1: { item: 1, count: 5n, meanRate: 1.5, rate1: Number.NaN } } }),
    netsvr6.encodeLimitResponse({ onOpen: 10, onMessage: -1 }),
    netsvr6.encodeUnregisterResponse({}),
  ],
  business: [
    netsvr6.encodeRegisterRequest({ events: 7 }),
    netsvr6.encodeUnregisterRequest({ connId: "0123456789abcdef0123456789abcdef" }),
    netsvr6.encodeSingleCastBulkByCustomerId({ customerIds: ["a", "b"], data: [Uint8Array.of(1), Uint8Array.of(2)] }),
    netsvr6.encodeConnInfoUpdate({ uniqId: "u", newSession: "s", newCustomerId: "c", newTopics: ["t"], data: Uint8Array.of(9) }),
    netsvr6.encodeConnInfoRequest({ uniqIds: ["u"], reqSession: true, reqTopic: true }),
    netsvr6.encodeTopicCustomerIdCountRequest({ topics: ["t"], countAll: true }),
    netsvr6.encodeCustomerIdCountRequest(),
    netsvr6.encodePing(),
  ],
};

/** What a target needs of one generated package. */
const versions = {
  v2: { pkg: netsvr, valid: valid2 },
  v6: { pkg: netsvr6, valid: valid6 },
};

/** Bodies built to break a decoder in the ways hostile input does. */
function craftedBodies() {
  const varint = (n) => {
    const out = [];
    while (n > 0x7f) {
      out.push((n & 0x7f) | 0x80);
      n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
  };
  return [
    [0x08, ...Array(11).fill(0xff), 0x01], // an 11+ byte varint
    [0x00, 0x01], // field number 0
    [0xf8, 0xff, 0xff, 0xff, 0x1f, 0x01], // field number 2^32 - 1 >> 3, above 2^29 - 1
    [0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x00], // a tag varint beyond 32 bits
    [0x0d, 1, 2, 3, 4], // field 1 as fixed32 where a string or int is declared
    [0x0a, 0x05, 0x61], // a length past the end
    [0x0a, ...varint(2 ** 31), 0x61], // a huge length
    [0x0a, 0x02, 0xc3, 0x28], // invalid UTF-8
    [0x0a, 0x03, 0xed, 0xa0, 0x80], // an encoded surrogate, invalid in UTF-8
    [0x0a, 0x04, 0x0a, 0x10, 0x61, 0x62], // a nested length running past its parent
    [0x0b, 0x0c], // a group start and end
    [0x0b], // an unterminated group
    [0x0c], // an end group without a start
    [0x0e, 0x00], // wire type 6
    [0x0f, 0x00], // wire type 7
    [0x12, 0x80, 0x80, 0x80, 0x80, 0x10], // a length varint beyond 32 bits
  ];
}

/** Hostile variations of the valid frames of one side. */
function hostileFrame(version, side) {
  const frames = versions[version].valid[side];
  const commands = Object.values(versions[version].pkg.Cmd);
  const lengths = [0, 1, 3, 4, 5, maxFrameSize, maxFrameSize + 1, 2 ** 31, 2 ** 32 - 1];
  return fc.oneof(
    fc.uint8Array({ maxLength: 48 }),
    fc.tuple(fc.constantFrom(...frames), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([f, i, b]) => {
      const copy = Uint8Array.from(f);
      copy[i % copy.length] = b;
      return copy;
    }),
    fc.tuple(fc.constantFrom(...frames), fc.nat()).map(([f, n]) => f.subarray(0, n % (f.length + 1))),
    fc.tuple(fc.constantFrom(...frames), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([f, extra]) => Uint8Array.from([...f, ...extra])),
    fc.tuple(fc.constantFrom(...frames), fc.constantFrom(...lengths)).map(([f, n]) => Uint8Array.from([...u32(n), ...f.subarray(4)])),
    fc.tuple(fc.constantFrom(...commands), fc.constantFrom(...craftedBodies())).map(([cmd, body]) => frameOf(cmd, body)),
    fc.tuple(fc.constantFrom(...commands), fc.uint8Array({ maxLength: 32 })).map(([cmd, body]) => frameOf(cmd, body)),
  );
}

/** A decoder target: decode(frame) returns a frame or throws one FrameError that says what it can. */
export function decoderProperty(version, side, tally) {
  const { pkg } = versions[version];
  const decode = side === "gateway" ? pkg.decodeGatewayFrame : pkg.decodeBusinessFrame;
  return fc.property(hostileFrame(version, side), (frame) => {
    const error = frameErrorOf(() => decode(frame), pkg.FrameError);
    count(tally, error?.code);
    if (error === undefined) return;
    if (error.code === "unknown-command" && error.cmd === undefined) throw new Error("unknown-command without cmd");
    if (error.code === "invalid-body") {
      if (error.cmd === undefined) throw new Error("invalid-body without cmd");
      if (!(error.offset >= 8 && error.offset <= frame.length)) throw new Error(`invalid-body offset ${error.offset} outside the body`);
    }
  });
}

// --- the allkinds codec: every field kind, recursion ---

function deepTree(levels) {
  let tree = { label: "leaf" };
  for (let i = 0; i < levels; i++) tree = { left: tree, children: i % 10 === 0 ? [{ label: "c" }] : [] };
  return allkindsCodec.treeToBinary(tree);
}

const everything = [
  allkindsCodec.everythingToBinary({
    scalars: { fDouble: -0, fFloat: 1.5, fInt32: -1, fInt64: -(2n ** 63n), fUint64: 2n ** 64n - 1n, fSint32: -3, fString: "é", fBytes: Uint8Array.of(1), fEnum: 9 },
    optionals: { oInt32: 0, oString: "", oMessage: {} },
    repeated: { rInt32: [1, -1], rString: ["a", "ü"], rUnpackedInt32: [5, 6], rMessage: [{ fBool: true }] },
    maps: { mInt64Int64: { "-5": 7n }, mBoolBool: { true: false }, mStringMessage: { k: { fString: "v" } } },
    oneofs: { choice: { case: "cMessage", value: { fInt32: 2 } }, after: "z" },
    tree: { label: "t", left: { label: "l" }, named: { n: { weight: 3 } } },
  }),
  deepTree(99),
  deepTree(101),
];

/** The message decoder target: everythingFromBinary over mutated and crafted input. */
export function codecProperty(tally) {
  const input = fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.tuple(fc.constantFrom(...everything), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([b, i, v]) => {
      const copy = Uint8Array.from(b);
      copy[i % copy.length] = v;
      return copy;
    }),
    fc.tuple(fc.constantFrom(...everything), fc.nat()).map(([b, n]) => b.subarray(0, n % (b.length + 1))),
    fc.constantFrom(...craftedBodies()).map((body) => Uint8Array.from(body)),
  );
  return fc.property(input, (bytes) => {
    const error = frameErrorOf(() => {
      allkindsCodec.everythingFromBinary(bytes);
      allkindsCodec.treeFromBinary(bytes);
    }, AllkindsFrameError);
    count(tally, error?.code);
    if (error !== undefined && (error.code !== "invalid-body" || !(error.offset >= 0 && error.offset <= bytes.length))) {
      throw new Error(`unexpected ${error.code} at ${error.offset}`);
    }
  });
}

// --- the splitter, against a plain reference ---

/** Splits a stream the obvious way: the frames, then how it ends. */
function referenceSplit(stream, max) {
  const frames = [];
  let at = 0;
  while (stream.length - at >= 4) {
    const length = ((stream[at] << 24) | (stream[at + 1] << 16) | (stream[at + 2] << 8) | stream[at + 3]) >>> 0;
    if (length > max) return { frames, end: "oversize", offset: at };
    if (stream.length - at - 4 < length) break;
    frames.push(stream.subarray(at, at + 4 + length));
    at += 4 + length;
  }
  return { frames, end: at === stream.length ? "clean" : "truncated", offset: at };
}

/** The splitter target: any chunking of a hostile stream gives the reference's frames and ending. */
export function splitterProperty(tally) {
  const piece = fc.oneof(
    { arbitrary: fc.constantFrom(...valid2.gateway, ...valid2.business), weight: 4 },
    { arbitrary: fc.uint8Array({ maxLength: 12 }), weight: 1 },
    { arbitrary: fc.constantFrom(0, 3, 4, 100, 101, 2 ** 32 - 1).map((n) => Uint8Array.from(u32(n))), weight: 1 },
  );
  const stream = fc.array(piece, { maxLength: 12 }).map((pieces) => Uint8Array.from(pieces.flatMap((p) => [...p])));
  const max = fc.constantFrom(100, 1000, maxFrameSize);
  return fc.property(stream, max, fc.array(fc.nat(), { maxLength: 8 }), (bytes, maxSize, cutSeeds) => {
    const cuts = [...new Set(cutSeeds.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const expected = referenceSplit(bytes, maxSize);
    const splitter = new FrameSplitter({ maxFrameSize: maxSize });
    const frames = [];
    let from = 0;
    const error = frameErrorOf(() => {
      for (const cut of [...cuts, bytes.length]) {
        splitter.push(bytes.subarray(from, cut), (f) => {
          if (f.length > maxSize + 4) throw new Error("a frame above the maximum");
          frames.push(Uint8Array.from(f));
        });
        from = cut;
      }
      splitter.end();
    });
    count(tally, error?.code);
    if (frames.length !== expected.frames.length || frames.some((f, i) => !sameBytes(f, expected.frames[i]))) {
      throw new Error("the frames differ from the reference split");
    }
    const ending = error === undefined ? "clean" : error.code;
    if (ending !== expected.end) throw new Error(`ended ${ending}, the reference ${expected.end}`);
    if (error !== undefined && error.offset !== expected.offset) throw new Error(`offset ${error.offset}, the reference ${expected.offset}`);
  });
}

function sameBytes(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Every target, by name. */
export const targets = {
  "v2 decodeGatewayFrame": (tally) => decoderProperty("v2", "gateway", tally),
  "v2 decodeBusinessFrame": (tally) => decoderProperty("v2", "business", tally),
  "v6 decodeGatewayFrame": (tally) => decoderProperty("v6", "gateway", tally),
  "v6 decodeBusinessFrame": (tally) => decoderProperty("v6", "business", tally),
  "everythingFromBinary/treeFromBinary": (tally) => codecProperty(tally),
  "FrameSplitter": (tally) => splitterProperty(tally),
};
