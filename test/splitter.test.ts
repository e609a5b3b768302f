// The frame splitter of each protocol version's package, on a stream of that
// version's frames. The splitter only reads u32 length prefixes, so the same
// tests hold for every version; only the sample messages differ.
import { create, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, test, vi } from "vitest";
import { chunkAt, concat } from "./support/bytes.js";
import { protocolVersions } from "./support/protocols.js";
import { encoderOf, gatewayHeartbeats, netsvrOf, type DecodedFrame, type FrameErrorLike, type Version } from "./support/versions.js";

// ---------------------------------------------------------------- helpers

/** Distinct bytes, so a frame shifted or truncated by a bug cannot compare equal by accident. */
function patterned(size: number, seed = 0): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = (i * 31 + seed * 7 + (i >>> 8)) & 0xff;
  return out;
}

/**
 * Runs fn and returns the length of every typed array built from a number
 * meanwhile, so a huge allocation is seen even if it would succeed.
 */
function allocationsDuring(fn: () => void): number[] {
  const allocations: number[] = [];
  vi.stubGlobal(
    "Uint8Array",
    new Proxy(Uint8Array, {
      construct(target, args: unknown[]) {
        if (typeof args[0] === "number") allocations.push(args[0]);
        return Reflect.construct(target, args);
      },
    }),
  );
  try {
    fn();
  } finally {
    vi.unstubAllGlobals();
  }
  return allocations;
}

/** A frame with any payload: the splitter only reads the u32 length, so it must cope with non-command payloads too. */
function rawFrame(payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  new DataView(out.buffer).setUint32(0, payload.length);
  out.set(payload, 4);
  return out;
}

/** Just a u32 big-endian length prefix. */
function lengthPrefix(length: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, length);
  return out;
}

/**
 * Describes the first difference between two frame lists, or undefined. A
 * native byte comparison keeps the every-split-point test fast.
 */
function frameListDiff(actual: readonly Uint8Array[], expected: readonly Uint8Array[]): string | undefined {
  if (actual.length !== expected.length) return `got ${actual.length} frames, want ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    if (Buffer.compare(actual[i]!, expected[i]!) !== 0) return `frame ${i} differs (${actual[i]!.length} vs ${expected[i]!.length} bytes)`;
  }
  return undefined;
}

interface Sample {
  readonly bytes: Uint8Array;
  readonly decode: (frame: Uint8Array) => DecodedFrame;
  readonly expected: object;
}

// ---------------------------------------------------------------- the stream

/** A message init object, as encoders and create() take it. */
type Init = MessageInitShape<DescMessage>;

/** The messages of the sample stream whose shape differs between versions. */
interface VersionMessages {
  readonly registerReq: Init;
  readonly connOpen: Init;
  readonly transfer: Init;
  readonly metricsResp: Init;
}

const versionMessages: Readonly<Record<Version, VersionMessages>> = {
  v2: {
    registerReq: { workerId: 7, processCmdGoroutineNum: 2, serverId: 1 },
    connOpen: { uniqId: "01656f2a1b00000001", rawQuery: "token=abc", subProtocol: ["chat", "v2"], xForwardedFor: "10.0.0.1" },
    transfer: { uniqId: "01656f2a1b00000002", session: "s-1", data: patterned(300, 2) },
    metricsResp: { serverId: 3, items: { 1: { count: 10n, meanRate: 0.5 }, 2: { count: 1n << 40n } } },
  },
  v6: {
    registerReq: { events: 7 },
    connOpen: { uniqId: "7f00000117ae656f2a1b00000001", rawQuery: "token=abc", xForwardedFor: "10.0.0.1", xRealIp: "10.0.0.2", remoteAddr: "10.0.0.3:50000" },
    transfer: { uniqId: "7f00000117ae656f2a1b00000002", customerId: "c-1", session: "s-1", topics: ["news"], data: patterned(300, 2) },
    metricsResp: { items: { 1: { item: 1, count: 10n, meanRate: 0.5 }, 2: { item: 2, count: 1n << 40n } } },
  },
};

/** Over 64 KiB, so the frame crosses any 64 KiB read buffer a socket might use. */
const broadcast = { data: patterned(65_600, 1) };
const topicPublish = { topics: ["news", "sport"], data: patterned(17, 3) };
const checkOnlineResp = { uniqIds: ["a", "b", "c"] };
const connInfoResp = { items: { a: { session: "s", topics: ["t1", "t2"] }, b: { session: "", topics: [] } } };

// ---------------------------------------------------------------- tests

describe.each(protocolVersions)("$version", ({ version }) => {
  const netsvr = netsvrOf(version);
  const { Cmd, FrameError, FrameSplitter, cmdNames, decodeBusinessFrame, decodeGatewayFrame, encodePing, maxFrameSize } = netsvr;
  const { registerReq, connOpen, transfer, metricsResp } = versionMessages[version];
  const encodeRegisterRequest = encoderOf(netsvr, "encodeRegisterRequest");
  const encodeUniqIdCountRequest = encoderOf(netsvr, "encodeUniqIdCountRequest");
  const encodeConnOpen = encoderOf(netsvr, "encodeConnOpen");
  const encodeBroadcast = encoderOf(netsvr, "encodeBroadcast");
  const encodeTransfer = encoderOf(netsvr, "encodeTransfer");
  const encodeTopicPublish = encoderOf(netsvr, "encodeTopicPublish");
  /** The gateway's heartbeats (v2's pong; none in v6). */
  const heartbeats = gatewayHeartbeats(netsvr);
  /** A frame of a few bytes: the gateway's pong where there is one (v2), else the business's ping. */
  const shortFrame = heartbeats[0] ?? encodePing();

  /** Runs a whole stream through a fresh splitter, ending it, and returns copies of the frames. */
  function split(chunks: readonly Uint8Array[], splitter = new FrameSplitter()): Uint8Array[] {
    const frames: Uint8Array[] = [];
    for (const chunk of chunks) splitter.push(chunk, (frame) => frames.push(frame));
    splitter.end();
    return frames;
  }

  /** The FrameError fn throws; fails the test if it throws something else or nothing. */
  function frameErrorOf(fn: () => unknown): FrameErrorLike {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(FrameError);
      return error as FrameErrorLike;
    }
    throw new Error("expected a FrameError, nothing was thrown");
  }

  /** A command frame and what decoding it should give, with the body built the way the decoder builds it. */
  function sample(kind: "event" | "oneway" | "request" | "response", name: string, body?: Init): Sample {
    const cmd = Cmd[name]!;
    const table = { event: netsvr.eventSchemas, oneway: netsvr.onewaySchemas, request: netsvr.requestSchemas, response: netsvr.responseSchemas }[kind];
    const schema = table[cmd];
    const fromGateway = kind === "event" || kind === "response";
    const encode = fromGateway ? netsvr.encodeGatewayFrame : netsvr.encodeBusinessFrame;
    return {
      bytes: body === undefined ? encode(cmd) : encode(cmd, body),
      decode: fromGateway ? decodeGatewayFrame : decodeBusinessFrame,
      expected: { kind, cmd, name: cmdNames[cmd], body: schema === undefined ? undefined : create(schema, body) },
    };
  }

  const ping: Sample = { bytes: encodePing(), decode: decodeBusinessFrame, expected: { kind: "ping", cmd: undefined, name: "Ping", body: undefined } };
  const pongs: Sample[] = heartbeats.map((bytes) => ({ bytes, decode: decodeGatewayFrame, expected: { kind: "pong", cmd: undefined, name: "Pong", body: undefined } }));

  /** Frames of both directions: the splitter does not care who sent them, the decoders do. */
  const samples: readonly Sample[] = [
    sample("request", "Register", registerReq),
    sample("request", "UniqIdCount"),
    ping,
    sample("event", "ConnOpen", connOpen),
    sample("oneway", "Broadcast", broadcast),
    ...pongs,
    sample("event", "Transfer", transfer),
    sample("oneway", "TopicPublish", topicPublish),
    sample("response", "Unregister", {}),
    sample("response", "CheckOnline", checkOnlineResp),
    ping,
    sample("response", "ConnInfo", connInfoResp),
    sample("response", "Metrics", metricsResp),
    sample("request", "Metrics"),
  ];
  const frames = samples.map((s) => s.bytes);
  const stream = concat(frames);


  describe("FrameSplitter: any chunking yields the same frames", () => {
    test("the fixture covers what the chunking tests rely on", () => {
      // Guards the fixture itself: these are the cases the tests below claim to exercise.
      expect(frames.some((f) => f.length > 64 * 1024)).toBe(true);
      expect(frames.filter((f) => f.length === 8).length).toBeGreaterThanOrEqual(2);
      expect(new Set(frames.map((f) => f.length)).size).toBeGreaterThan(8);
    });

    test("in one chunk", () => {
      expect(frameListDiff(split([stream]), frames)).toBeUndefined();
    });

    test("split into two chunks at every split point", () => {
      const failures: string[] = [];
      for (let cut = 0; cut <= stream.length; cut++) {
        const diff = frameListDiff(split(chunkAt(stream, [cut])), frames);
        if (diff !== undefined) failures.push(`cut at ${cut}: ${diff}`);
      }
      expect(failures.slice(0, 5)).toEqual([]);
    });

    test("in 1-byte chunks", () => {
      const cuts = Array.from({ length: stream.length - 1 }, (_, i) => i + 1);
      expect(frameListDiff(split(chunkAt(stream, cuts)), frames)).toBeUndefined();
    });

    test("property: random cut points, several frames coalesced per chunk", () => {
      const cuts = fc.uniqueArray(fc.integer({ min: 0, max: stream.length }), { maxLength: 40 }).map((c) => c.sort((a, b) => a - b));
      fc.assert(
        fc.property(cuts, (c) => {
          expect(frameListDiff(split(chunkAt(stream, c)), frames)).toBeUndefined();
        }),
        { numRuns: 300 },
      );
    });

    test("property: random frames (including empty and non-command payloads), random chunking", () => {
      const payload = fc.oneof(
        { weight: 10, arbitrary: fc.uint8Array({ maxLength: 300 }) },
        { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 70_000 }).map((n) => patterned(n, n)) },
      );
      const frame = fc.oneof(payload.map(rawFrame), ...heartbeats.map((h) => fc.constant(h)), fc.constant(encodeUniqIdCountRequest()));
      const streamAndCuts = fc
        .array(frame, { maxLength: 12 })
        .chain((fs) => {
          const bytes = concat(fs);
          const cuts = fc.uniqueArray(fc.integer({ min: 0, max: bytes.length }), { maxLength: 20 }).map((c) => c.sort((a, b) => a - b));
          return fc.tuple(fc.constant(fs), cuts);
        });
      fc.assert(
        fc.property(streamAndCuts, ([fs, cuts]) => {
          expect(frameListDiff(split(chunkAt(concat(fs), cuts)), fs)).toBeUndefined();
        }),
        { numRuns: 200 },
      );
    });

    test("decoding every frame the splitter yields gives the expected frames", () => {
      const got = split(chunkAt(stream, [5, 100, 101, 4000, 60_000, stream.length - 3]));
      expect(got.map((frame, i) => samples[i]!.decode(frame))).toEqual(samples.map((s) => s.expected));
    });
  });

  describe("FrameSplitter: frames spanning chunks and pending", () => {
    test("a frame spanning three chunks comes out once, whole, when its last byte arrives", () => {
      const frame = encodeTransfer(transfer);
      const next = encodePing();
      const splitter = new FrameSplitter();
      const got: Uint8Array[] = [];
      const onFrame = (f: Uint8Array) => got.push(f);

      splitter.push(frame.subarray(0, 10), onFrame);
      expect(got).toHaveLength(0);
      expect(splitter.pending).toBe(10);
      splitter.push(frame.subarray(10, 200), onFrame);
      expect(got).toHaveLength(0);
      expect(splitter.pending).toBe(200);
      splitter.push(concat([frame.subarray(200), next.subarray(0, 6)]), onFrame);
      expect(got).toEqual([frame]);
      expect(splitter.pending).toBe(6);
      splitter.push(next.subarray(6), onFrame);
      expect(got).toEqual([frame, next]);
      expect(splitter.pending).toBe(0);
      splitter.end();
    });

    test.each([1, 2, 3])("a length prefix split after %i byte(s)", (k) => {
      const frame = encodeTopicPublish(topicPublish);
      const splitter = new FrameSplitter();
      const got: Uint8Array[] = [];
      splitter.push(frame.subarray(0, k), (f) => got.push(f));
      expect(got).toHaveLength(0);
      expect(splitter.pending).toBe(k);
      splitter.push(frame.subarray(k), (f) => got.push(f));
      expect(got).toEqual([frame]);
      expect(splitter.pending).toBe(0);
    });

    test("a length prefix fed one byte at a time, then the body", () => {
      const frame = encodeRegisterRequest(registerReq);
      const splitter = new FrameSplitter();
      const got: Uint8Array[] = [];
      for (let i = 0; i < 4; i++) {
        splitter.push(frame.subarray(i, i + 1), (f) => got.push(f));
        expect(splitter.pending).toBe(i + 1);
      }
      splitter.push(frame.subarray(4), (f) => got.push(f));
      expect(got).toEqual([frame]);
    });

    test("empty chunks change nothing", () => {
      const frame = encodeRegisterRequest(registerReq);
      const splitter = new FrameSplitter();
      const got: Uint8Array[] = [];
      for (const chunk of [new Uint8Array(0), frame.subarray(0, 2), new Uint8Array(0), frame.subarray(2, 9), new Uint8Array(0), frame.subarray(9)]) {
        splitter.push(chunk, (f) => got.push(f));
      }
      expect(got).toEqual([frame]);
      expect(splitter.pending).toBe(0);
    });
  });

  describe("FrameSplitter: zero-copy", () => {
    test("a frame wholly inside a chunk is a view into that chunk", () => {
      // The chunk itself sits at an offset in a larger buffer, as a socket's read buffer would.
      const backing = new Uint8Array(stream.length + 64);
      backing.set(stream, 32);
      const chunk = backing.subarray(32, 32 + stream.length);
      const got: Uint8Array[] = [];
      new FrameSplitter().push(chunk, (f) => got.push(f));

      expect(got).toHaveLength(frames.length);
      let expectedOffset = chunk.byteOffset;
      for (const frame of got) {
        expect(frame.buffer).toBe(backing.buffer);
        expect(frame.byteOffset).toBe(expectedOffset);
        expectedOffset += frame.length;
      }
      expect(expectedOffset).toBe(chunk.byteOffset + chunk.length);
    });

    test("a spanning frame is a fresh buffer of exactly its size; frames after it in the chunk are views again", () => {
      const spanning = encodeTransfer(transfer);
      const after = encodeConnOpen(connOpen);
      const first = spanning.slice(0, 50);
      const second = concat([spanning.subarray(50), after]);
      const splitter = new FrameSplitter();
      const got: Uint8Array[] = [];
      splitter.push(first, (f) => got.push(f));
      splitter.push(second, (f) => got.push(f));

      expect(got).toEqual([spanning, after]);
      const [copied, view] = got as [Uint8Array, Uint8Array];
      expect(copied.buffer).not.toBe(first.buffer);
      expect(copied.buffer).not.toBe(second.buffer);
      expect(copied.byteOffset).toBe(0);
      expect(copied.buffer.byteLength).toBe(spanning.length);
      expect(view.buffer).toBe(second.buffer);
      expect(view.byteOffset).toBe(second.length - after.length);
    });

    test("a frame whose length prefix was split is also an exact-size copy", () => {
      const frame = encodeTransfer(transfer);
      const got: Uint8Array[] = [];
      const splitter = new FrameSplitter();
      splitter.push(frame.slice(0, 2), (f) => got.push(f));
      splitter.push(frame.slice(2), (f) => got.push(f));
      expect(got).toEqual([frame]);
      expect(got[0]!.byteOffset).toBe(0);
      expect(got[0]!.buffer.byteLength).toBe(frame.length);
    });
  });

  describe("FrameSplitter: oversize", () => {
    test("the default limit is the protocol's 2 MiB of payload", () => {
      expect(maxFrameSize).toBe(2097152);
      expect(new FrameSplitter().maxFrameSize).toBe(2097152);
    });

    test("a payload of exactly maxFrameSize is accepted and decodes", () => {
      // Broadcast overhead in the payload: 4 (cmd) + 1 (tag) + 3 (varint length) bytes.
      const data = patterned(maxFrameSize - 8, 5);
      const frame = encodeBroadcast({ data });
      expect(frame.length).toBe(4 + maxFrameSize);
      const got = split(chunkAt(frame, [3, 1000, 1_500_000]));
      expect(got).toHaveLength(1);
      expect(Buffer.compare(got[0]!, frame)).toBe(0);
      const decoded = decodeBusinessFrame(got[0]!);
      expect(decoded.name).toBe("Broadcast");
      expect(decoded.name === "Broadcast" && Buffer.compare((decoded.body as { data: Uint8Array }).data, data)).toBe(0);
    });

    test("a length of maxFrameSize + 1 throws oversize with the frame's offset, after the frames before it", () => {
      const before = [encodePing(), encodeRegisterRequest(registerReq)];
      const offset = before[0]!.length + before[1]!.length;
      const splitter = new FrameSplitter();
      const got: Uint8Array[] = [];
      const error = frameErrorOf(() => splitter.push(concat([...before, lengthPrefix(maxFrameSize + 1)]), (f) => got.push(f)));
      expect(error.code).toBe("oversize");
      expect(error.offset).toBe(offset);
      expect(error.cmd).toBeUndefined();
      expect(got).toEqual(before);
    });

    test("the oversize offset counts bytes of earlier chunks, also when the prefix itself is split", () => {
      const before = encodeTransfer(transfer);
      const splitter = new FrameSplitter();
      splitter.push(concat([before, lengthPrefix(maxFrameSize + 1).subarray(0, 3)]), () => {});
      const error = frameErrorOf(() => splitter.push(lengthPrefix(maxFrameSize + 1).subarray(3), () => {}));
      expect(error.code).toBe("oversize");
      expect(error.offset).toBe(before.length);
    });

    test.each([
      ["in one chunk", [4]],
      ["split after 1 byte", [1, 3]],
      ["split after 3 bytes", [3, 1]],
    ])("a header declaring 0xFFFFFFFF throws as soon as its 4th byte arrives, without allocating (%s)", (_, sizes) => {
      const header = lengthPrefix(0xffffffff);
      const allocations = allocationsDuring(() => {
        const splitter = new FrameSplitter();
        let at = 0;
        for (const size of sizes.slice(0, -1)) {
          splitter.push(header.subarray(at, at + size), () => {});
          at += size;
        }
        const error = frameErrorOf(() => splitter.push(header.subarray(at), () => {}));
        expect(error.code).toBe("oversize");
        expect(error.offset).toBe(0);
      });
      expect(allocations.filter((n) => n > 1024)).toEqual([]);
    });

    test("a custom maxFrameSize is honoured", () => {
      const splitter = new FrameSplitter({ maxFrameSize: 100 });
      expect(splitter.maxFrameSize).toBe(100);
      const fits = rawFrame(patterned(100));
      const got: Uint8Array[] = [];
      splitter.push(fits, (f) => got.push(f));
      expect(got).toEqual([fits]);
      const error = frameErrorOf(() => splitter.push(rawFrame(patterned(101)), () => {}));
      expect(error.code).toBe("oversize");
      expect(error.offset).toBe(fits.length);
    });

    test("with onOversize, a frame over the maximum is skipped as it streams past and reported in order; the stream goes on", () => {
      const skipped: { offset: number; length: number; cmd: number | undefined }[] = [];
      const got: Uint8Array[] = [];
      const before = rawFrame(patterned(10, 1));
      const big = rawFrame(concat([Uint8Array.of(0x35, 0xa4, 0xe9, 0x2b), patterned(300, 2)]));
      const after = rawFrame(patterned(20, 3));
      const stream = concat([before, big, after]);
      // Every split into three chunks gives the same frames and the same report.
      for (const [a, b] of [[0, 0], [5, 20], [14, 15], [16, 17], [100, 310], [stream.length, stream.length]] as const) {
        skipped.length = 0;
        got.length = 0;
        const s = new FrameSplitter({ maxFrameSize: 100, onOversize: (frame) => (got.push(Uint8Array.of(0)), skipped.push(frame)) });
        for (const chunk of [stream.subarray(0, a), stream.subarray(a, b), stream.subarray(b)]) s.push(chunk, (f) => got.push(f));
        expect(frameListDiff(got, [before, Uint8Array.of(0), after])).toBeUndefined();
        expect(skipped).toEqual([{ offset: before.length, length: 304, cmd: 0x35a4e92b }]);
        expect(s.pending).toBe(0);
      }
    });

    test("a skipped frame cut short by the end of the stream is truncated", () => {
      const splitter = new FrameSplitter({ maxFrameSize: 10, onOversize: () => {} });
      splitter.push(concat([lengthPrefix(50), patterned(20)]), () => {});
      expect(splitter.pending).toBe(24);
      expect(frameErrorOf(() => splitter.end()).code).toBe("truncated");
    });

    test("a frame spanning chunks is assembled in a buffer that grows as bytes arrive, not at its declared size", () => {
      const payload = patterned(1_000_000, 4);
      const frame = rawFrame(payload);
      const got: Uint8Array[] = [];
      const splitter = new FrameSplitter({ maxFrameSize: 2_000_000 });
      const first = allocationsDuring(() => splitter.push(frame.subarray(0, 9), (f) => got.push(f)));
      expect(Math.max(...first)).toBeLessThanOrEqual(64 * 1024);
      for (let at = 9; at < frame.length; at += 50_000) splitter.push(frame.subarray(at, Math.min(frame.length, at + 50_000)), (f) => got.push(f));
      expect(got).toHaveLength(1);
      expect(Buffer.compare(got[0]!, frame)).toBe(0);
      expect(got[0]!.length).toBe(frame.length);
    });

    // Issue 11: the largest limit a splitter takes, and hostile headers under it.
    const largest = 2 ** 31 - 5;

    test("the largest maxFrameSize accepted is 2^31 - 5 (a frame and its prefix fit one buffer); one more is refused", () => {
      expect(new FrameSplitter({ maxFrameSize: largest }).maxFrameSize).toBe(largest);
      expect(() => new FrameSplitter({ maxFrameSize: largest + 1 })).toThrow(RangeError);
      expect(() => new FrameSplitter({ maxFrameSize: 2 ** 32 - 1 })).toThrow(/maxFrameSize must be an integer from 0 to 2147483643, got 4294967295/);
    });

    test("with the largest limit, a header ff ff ff fd is an oversize FrameError, and the next push throws that same error", () => {
      const splitter = new FrameSplitter({ maxFrameSize: largest });
      const onFrame = vi.fn();
      const error = frameErrorOf(() => splitter.push(Uint8Array.of(0xff, 0xff, 0xff, 0xfd, 0x35, 0xa4), onFrame));
      expect(error.code).toBe("oversize");
      expect(error.offset).toBe(0);
      expect(error.message).toBe(`frame at offset 0 declares 4294967293 bytes, more than the maximum of ${largest}`);
      // Dead with the same error: not a RangeError, not "onFrame threw" (aborted).
      expect(frameErrorOf(() => splitter.push(encodePing(), onFrame))).toBe(error);
      expect(frameErrorOf(() => splitter.end())).toBe(error);
      expect(onFrame).not.toHaveBeenCalled();
    });

    test("with the largest limit and onOversize, a header ff ff ff fd is skipped without allocating", () => {
      const skipped: unknown[] = [];
      const splitter = new FrameSplitter({ maxFrameSize: largest, onOversize: (frame) => skipped.push(frame) });
      const chunk = concat([Uint8Array.of(0xff, 0xff, 0xff, 0xfd), patterned(5000)]);
      const allocations = allocationsDuring(() => splitter.push(chunk, () => {}));
      expect(allocations.filter((n) => n > 1024)).toEqual([]);
      expect(splitter.pending).toBe(5004);
      expect(skipped).toEqual([]);
    });

    test("9 bytes declaring 2 GiB allocate no more than 64 KiB; the buffer grows only as bytes arrive", () => {
      const splitter = new FrameSplitter({ maxFrameSize: largest });
      const head = concat([lengthPrefix(largest), Uint8Array.of(0x35, 0xa4, 0xe9, 0x2b, 0x07)]);
      expect(head.length).toBe(9);
      const onFrame = vi.fn();
      const first = allocationsDuring(() => splitter.push(head, onFrame));
      expect(Math.max(...first)).toBeLessThanOrEqual(64 * 1024);
      expect(splitter.pending).toBe(9);
      // 200 KB more: the buffer doubles past what arrived, never towards the declared 2 GiB.
      const chunks = Array.from({ length: 20 }, (_, i) => patterned(10_000, i));
      const more = allocationsDuring(() => {
        for (const chunk of chunks) splitter.push(chunk, onFrame);
      });
      expect(Math.max(...more)).toBeLessThanOrEqual(512 * 1024);
      expect(splitter.pending).toBe(9 + 200_000);
      expect(onFrame).not.toHaveBeenCalled();
      const error = frameErrorOf(() => splitter.end());
      expect(error.code).toBe("truncated");
      expect(error.offset).toBe(0);
    });

    test("after an error the splitter is dead: every push and end() throws the same error", () => {
      const splitter = new FrameSplitter({ maxFrameSize: 100 });
      const error = frameErrorOf(() => splitter.push(lengthPrefix(101), () => {}));
      const onFrame = vi.fn();
      expect(() => splitter.push(encodePing(), onFrame)).toThrow(error);
      expect(frameErrorOf(() => splitter.push(encodePing(), onFrame))).toBe(error);
      expect(frameErrorOf(() => splitter.push(new Uint8Array(0), onFrame))).toBe(error);
      expect(frameErrorOf(() => splitter.end())).toBe(error);
      expect(frameErrorOf(() => splitter.end())).toBe(error);
      expect(onFrame).not.toHaveBeenCalled();
    });
  });

  describe("FrameSplitter: end()", () => {
    test("at a frame boundary there is no error", () => {
      const splitter = new FrameSplitter();
      expect(() => splitter.end()).not.toThrow();
      splitter.push(stream, () => {});
      expect(() => splitter.end()).not.toThrow();
    });

    test.each([
      ["mid-header (1 byte)", 1],
      ["mid-header (3 bytes)", 3],
      ["right after the header", 4],
      ["mid-body", 40],
      ["one byte short", -1],
    ])("a stream stopping %s throws truncated at the frame's offset", (_, into) => {
      const before = [encodeConnOpen(connOpen), shortFrame];
      const last = encodeTransfer(transfer);
      const offset = before[0]!.length + before[1]!.length;
      const cut = offset + (into < 0 ? last.length + into : into);
      const bytes = concat([...before, last]).subarray(0, cut);
      const splitter = new FrameSplitter();
      const got: Uint8Array[] = [];
      // Pushed in two chunks so the offset must be carried across pushes.
      for (const chunk of chunkAt(bytes, [7])) splitter.push(chunk, (f) => got.push(f));
      expect(got).toEqual(before);
      expect(splitter.pending).toBe(cut - offset);
      const error = frameErrorOf(() => splitter.end());
      expect(error.code).toBe("truncated");
      expect(error.offset).toBe(offset);
      expect(frameErrorOf(() => splitter.push(encodePing(), () => {}))).toBe(error);
    });
  });

  describe("FrameSplitter: a throwing onFrame and bad options", () => {
    test("an exception from onFrame propagates and leaves the splitter dead, never mis-framed", () => {
      const register = encodeRegisterRequest(registerReq);
      const ping = encodePing();
      const splitter = new FrameSplitter();
      const bug = new Error("handler bug");
      // The callback fails on the ping; the half Register after it must not be lost silently.
      expect(() => splitter.push(concat([ping, register.subarray(0, 6)]), () => { throw bug; })).toThrow(bug);
      const seen: Uint8Array[] = [];
      const later = (() => {
        try {
          splitter.push(register.subarray(6), (f) => seen.push(f));
        } catch (error) {
          return error;
        }
        return undefined;
      })();
      expect(later).toBeInstanceOf(FrameError);
      expect((later as FrameErrorLike).code).toBe("aborted");
      expect((later as FrameErrorLike).offset).toBe(ping.length);
      expect((later as FrameErrorLike).cause).toBe(bug);
      expect(seen).toEqual([]);
      expect(() => splitter.end()).toThrow(later as FrameErrorLike);
    });

    test.each([Number.NaN, -1, 1.5, 2 ** 31, 2 ** 32 - 1, 2 ** 32, Number.POSITIVE_INFINITY])("maxFrameSize %s is rejected at construction", (max) => {
      expect(() => new FrameSplitter({ maxFrameSize: max })).toThrow(RangeError);
    });
  });
});
