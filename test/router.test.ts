import { create } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, test, vi } from "vitest";
import { chunkAt, concat } from "./support/bytes.js";
import {
  Cmd,
  FrameSplitter,
  RegisterRespCode,
  cmdKinds,
  cmdNames,
  createBusinessFrameRouter,
  createGatewayFrameRouter,
  createPartialBusinessFrameRouter,
  createPartialGatewayFrameRouter,
  decodeBusinessFrame,
  decodeGatewayFrame,
  encodeBusinessFrame,
  encodeGatewayFrame,
  encodePing,
  encodePong,
  responseSchemas,
  type BusinessFrame,
  type BusinessFrameHandlers,
  type GatewayFrame,
  type GatewayFrameHandlers,
  type RequestCmd,
} from "../generated/dist/v2/index.js";

// ---------------------------------------------------------------- helpers

/** One handler call as a handler saw it. */
interface Call {
  readonly handler: string;
  readonly body: unknown;
  readonly frame: unknown;
}

/** Splits and decodes a whole stream of chunks. */
function decodeStream<F>(chunks: readonly Uint8Array[], decode: (frame: Uint8Array) => F): F[] {
  const splitter = new FrameSplitter();
  const out: F[] = [];
  for (const chunk of chunks) splitter.push(chunk, (frame) => out.push(decode(frame)));
  splitter.end();
  return out;
}

/** Lets n turns of the event loop pass, so async handlers can finish in a different order than they started. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Names of the commands of the given kinds, from the generated tables rather than a hand-kept list. */
function namesOfKinds(...kinds: readonly string[]): string[] {
  return Object.entries(cmdKinds)
    .filter(([, kind]) => kinds.includes(kind))
    .map(([cmd]) => cmdNames[Number(cmd) as Cmd]);
}

/** What decodeGatewayFrame must give for the response to a request. */
function responseFrame(cmd: RequestCmd, body: object): object {
  return { kind: "response", cmd, name: cmdNames[cmd], body: create(responseSchemas[cmd], body) };
}

const pongFrame = { kind: "pong", cmd: undefined, name: "Pong", body: undefined };

// ---------------------------------------------------------------- frames a gateway sends

/** One frame of every kind a gateway sends, through the generic encoder. */
const gatewayBytes: readonly Uint8Array[] = [
  encodeGatewayFrame(Cmd.ConnOpen, { uniqId: "u1", rawQuery: "a=1", subProtocol: ["p"], xForwardedFor: "10.0.0.1" }),
  encodeGatewayFrame(Cmd.ConnClose, { uniqId: "u1", session: "s1" }),
  encodeGatewayFrame(Cmd.Transfer, { uniqId: "u1", session: "s1", data: new Uint8Array([1, 2, 3]) }),
  encodeGatewayFrame(Cmd.Register, { code: RegisterRespCode.DuplicateRegister, message: "again", registerId: "r1" }),
  encodeGatewayFrame(Cmd.Unregister, {}),
  encodeGatewayFrame(Cmd.CheckOnline, { uniqIds: ["u1"] }),
  encodeGatewayFrame(Cmd.UniqIdList, { serverId: 1, uniqIds: ["u1", "u2"] }),
  encodeGatewayFrame(Cmd.UniqIdCount, { serverId: 1, count: 2 }),
  encodeGatewayFrame(Cmd.TopicCount, { serverId: 1, count: 5 }),
  encodeGatewayFrame(Cmd.TopicList, { serverId: 1, topics: ["t1"] }),
  encodeGatewayFrame(Cmd.TopicUniqIdList, { serverId: 1, items: { t1: { uniqIds: ["u1"] } } }),
  encodeGatewayFrame(Cmd.TopicUniqIdCount, { serverId: 1, items: { t1: 1 } }),
  encodeGatewayFrame(Cmd.ConnInfo, { items: { u1: { session: "s1", topics: ["t1"] } } }),
  encodeGatewayFrame(Cmd.Metrics, { serverId: 1, items: { 3: { count: 9n, rate1: 0.25 } } }),
  encodeGatewayFrame(Cmd.Limit, { serverId: 1, items: [{ name: "w", concurrency: 4, workerIds: [1, 2] }] }),
  encodeGatewayFrame(Cmd.ConnOpenCustomUniqIdToken, { uniqId: "u9", token: "tok" }),
  encodePong(),
];
const gatewayFrames = gatewayBytes.map(decodeGatewayFrame);
const gatewayNames = [...namesOfKinds("event", "request"), "Pong"];

/** A handler that logs its call and returns the log entry, so the router's return value can be traced back. */
function gatewayHandler(log: Call[], handler: string): (body: unknown, frame: GatewayFrame) => Call {
  return (body, frame) => {
    const call = { handler, body, frame };
    log.push(call);
    return call;
  };
}

/** Every name spelled out: a missing or misspelt one fails type-checking, which is the router's contract. */
function allGatewayHandlers(log: Call[]): GatewayFrameHandlers<Call> {
  const on = (name: string) => gatewayHandler(log, name);
  return {
    ConnOpen: on("ConnOpen"),
    ConnClose: on("ConnClose"),
    Transfer: on("Transfer"),
    Register: on("Register"),
    Unregister: on("Unregister"),
    CheckOnline: on("CheckOnline"),
    UniqIdList: on("UniqIdList"),
    UniqIdCount: on("UniqIdCount"),
    TopicCount: on("TopicCount"),
    TopicList: on("TopicList"),
    TopicUniqIdList: on("TopicUniqIdList"),
    TopicUniqIdCount: on("TopicUniqIdCount"),
    ConnInfo: on("ConnInfo"),
    Metrics: on("Metrics"),
    Limit: on("Limit"),
    ConnOpenCustomUniqIdToken: on("ConnOpenCustomUniqIdToken"),
    Pong: on("Pong"),
  };
}

describe("gateway frame routers", () => {
  test("the fixtures cover every frame a gateway sends, once", () => {
    expect(gatewayFrames.map((f) => f.name).sort()).toEqual([...gatewayNames].sort());
    expect(Object.keys(allGatewayHandlers([])).sort()).toEqual([...gatewayNames].sort());
  });

  test("createGatewayFrameRouter calls exactly the frame's handler with (body, frame) and returns its result", () => {
    const log: Call[] = [];
    const route = createGatewayFrameRouter(allGatewayHandlers(log));
    for (const frame of gatewayFrames) {
      const before = log.length;
      const result = route(frame);
      expect(log.length, frame.name).toBe(before + 1);
      const call = log[before]!;
      expect(call.handler).toBe(frame.name);
      expect(call.body).toBe(frame.body);
      expect(call.frame).toBe(frame);
      expect(result).toBe(call);
    }
  });

  test("createPartialGatewayFrameRouter sends handled frames to their handler and the rest to the fallback", () => {
    const log: Call[] = [];
    const fallback = vi.fn((frame: GatewayFrame): Call => ({ handler: "fallback", body: frame.body, frame }));
    const handled = ["Transfer", "Register", "Pong"];
    const route = createPartialGatewayFrameRouter<Call>(
      { Transfer: gatewayHandler(log, "Transfer"), Register: gatewayHandler(log, "Register"), Pong: gatewayHandler(log, "Pong") },
      fallback,
    );
    for (const frame of gatewayFrames) {
      const result = route(frame);
      if (handled.includes(frame.name)) {
        expect(log.at(-1)).toEqual({ handler: frame.name, body: frame.body, frame });
        expect(result).toBe(log.at(-1));
      } else {
        expect(fallback).toHaveBeenLastCalledWith(frame);
        expect(result).toBe(fallback.mock.results.at(-1)!.value);
      }
    }
    expect(log.map((c) => c.handler)).toEqual(handled);
    expect(fallback).toHaveBeenCalledTimes(gatewayFrames.length - handled.length);
  });
});

// ---------------------------------------------------------------- frames a business sends

/** One frame of every kind a business sends, through the generic encoder; bodiless requests take no body. */
const businessBytes: readonly Uint8Array[] = [
  encodeBusinessFrame(Cmd.ConnInfoUpdate, { uniqId: "u1", newSession: "s2", newTopics: ["t2"] }),
  encodeBusinessFrame(Cmd.ConnInfoDelete, { uniqId: "u1", delTopic: true }),
  encodeBusinessFrame(Cmd.Broadcast, { data: new Uint8Array([9]) }),
  encodeBusinessFrame(Cmd.Multicast, { uniqIds: ["u1", "u2"], data: new Uint8Array([8]) }),
  encodeBusinessFrame(Cmd.SingleCast, { uniqId: "u1", data: new Uint8Array([7]) }),
  encodeBusinessFrame(Cmd.SingleCastBulk, { uniqIds: ["u1"], data: [new Uint8Array([1]), new Uint8Array([2])] }),
  encodeBusinessFrame(Cmd.TopicSubscribe, { uniqId: "u1", topics: ["t1"] }),
  encodeBusinessFrame(Cmd.TopicUnsubscribe, { uniqId: "u1", topics: ["t1"] }),
  encodeBusinessFrame(Cmd.TopicDelete, { topics: ["t1"] }),
  encodeBusinessFrame(Cmd.TopicPublish, { topics: ["t1"], data: new Uint8Array([6]) }),
  encodeBusinessFrame(Cmd.ForceOffline, { uniqIds: ["u1"] }),
  encodeBusinessFrame(Cmd.ForceOfflineGuest, { uniqIds: ["u2"], delay: 3 }),
  encodeBusinessFrame(Cmd.TopicPublishBulk, { topics: ["t1", "t2"], data: [new Uint8Array([1]), new Uint8Array([2])] }),
  encodeBusinessFrame(Cmd.Register, { workerId: 7, processCmdGoroutineNum: 1, serverId: 1 }),
  encodeBusinessFrame(Cmd.Unregister, { workerId: 7, registerId: "r-7" }),
  encodeBusinessFrame(Cmd.CheckOnline, { uniqIds: ["u1", "gone", "u2"] }),
  encodeBusinessFrame(Cmd.UniqIdList),
  encodeBusinessFrame(Cmd.UniqIdCount),
  encodeBusinessFrame(Cmd.TopicCount),
  encodeBusinessFrame(Cmd.TopicList),
  encodeBusinessFrame(Cmd.TopicUniqIdList, { topics: ["t1", "t2"] }),
  encodeBusinessFrame(Cmd.TopicUniqIdCount, { topics: ["t1"], countAll: false }),
  encodeBusinessFrame(Cmd.ConnInfo, { uniqIds: ["u1"] }),
  encodeBusinessFrame(Cmd.Metrics),
  encodeBusinessFrame(Cmd.Limit, { items: [{ name: "w", concurrency: 3 }] }),
  encodeBusinessFrame(Cmd.ConnOpenCustomUniqIdToken),
  encodePing(),
];
const businessFrames = businessBytes.map(decodeBusinessFrame);
const businessNames = [...namesOfKinds("oneway", "request"), "Ping"];

/**
 * The response each request handler below gives to the request in businessBytes,
 * as an init object. Several depend on the request body, to show the body reached the handler.
 */
const expectedResponses: Readonly<Record<string, object>> = {
  Register: { code: RegisterRespCode.Success, message: "ok", registerId: "r-7" },
  Unregister: {},
  CheckOnline: { uniqIds: ["u1", "u2"] },
  UniqIdList: { serverId: 1, uniqIds: ["u1", "u2"] },
  UniqIdCount: { serverId: 1, count: 2 },
  TopicCount: { serverId: 1, count: 2 },
  TopicList: { serverId: 1, topics: ["t1", "t2"] },
  TopicUniqIdList: { serverId: 1, items: { t1: { uniqIds: ["u1"] }, t2: { uniqIds: [] } } },
  TopicUniqIdCount: { serverId: 1, items: { t1: 1 } },
  ConnInfo: { items: { u1: { session: "s1", topics: ["t1"] } } },
  Metrics: { serverId: 1, items: { 1: { count: 42n, meanRate: 1.5 } } },
  Limit: { serverId: 1, items: [{ name: "w", concurrency: 3, workerIds: [7] }] },
  ConnOpenCustomUniqIdToken: { uniqId: "u9", token: "tok" },
};

/** What the business router must write back for a frame: response, pong, or nothing. */
function expectedReply(frame: BusinessFrame): object | undefined {
  switch (frame.kind) {
    case "request":
      return responseFrame(frame.cmd, expectedResponses[frame.name]!);
    case "ping":
      return pongFrame;
    default:
      return undefined;
  }
}

/**
 * Every handler a gateway double needs. Request handlers are a mix of sync
 * and async, and the async ones take different numbers of event-loop turns,
 * so replies would come out of order if the router or the caller did not keep it.
 */
function allBusinessHandlers(log: Call[]): BusinessFrameHandlers {
  const note = (handler: string, body: unknown, frame: BusinessFrame) => void log.push({ handler, body, frame });
  const oneway = (handler: string) => (body: unknown, frame: BusinessFrame) => note(handler, body, frame);
  return {
    ConnInfoUpdate: oneway("ConnInfoUpdate"),
    ConnInfoDelete: oneway("ConnInfoDelete"),
    Broadcast: oneway("Broadcast"),
    Multicast: oneway("Multicast"),
    SingleCast: oneway("SingleCast"),
    SingleCastBulk: oneway("SingleCastBulk"),
    TopicSubscribe: oneway("TopicSubscribe"),
    TopicUnsubscribe: oneway("TopicUnsubscribe"),
    TopicDelete: oneway("TopicDelete"),
    TopicPublish: oneway("TopicPublish"),
    ForceOffline: oneway("ForceOffline"),
    ForceOfflineGuest: async (body, frame) => {
      await turns(1);
      note("ForceOfflineGuest", body, frame);
    },
    TopicPublishBulk: oneway("TopicPublishBulk"),
    Register: async (body, frame) => {
      note("Register", body, frame);
      await turns(4);
      return { code: RegisterRespCode.Success, message: "ok", registerId: `r-${body.workerId}` };
    },
    Unregister: (body, frame) => {
      note("Unregister", body, frame);
      return {};
    },
    CheckOnline: async (body, frame) => {
      note("CheckOnline", body, frame);
      await turns(2);
      return { uniqIds: body.uniqIds.filter((id) => id !== "gone") };
    },
    UniqIdList: (body, frame) => {
      note("UniqIdList", body, frame);
      return { serverId: 1, uniqIds: ["u1", "u2"] };
    },
    UniqIdCount: (body, frame) => {
      note("UniqIdCount", body, frame);
      return { serverId: 1, count: 2 };
    },
    TopicCount: async (body, frame) => {
      note("TopicCount", body, frame);
      return { serverId: 1, count: 2 };
    },
    TopicList: (body, frame) => {
      note("TopicList", body, frame);
      return { serverId: 1, topics: ["t1", "t2"] };
    },
    TopicUniqIdList: (body, frame) => {
      note("TopicUniqIdList", body, frame);
      return { serverId: 1, items: Object.fromEntries(body.topics.map((t) => [t, { uniqIds: t === "t1" ? ["u1"] : [] }])) };
    },
    TopicUniqIdCount: async (body, frame) => {
      note("TopicUniqIdCount", body, frame);
      await turns(3);
      return { serverId: 1, items: Object.fromEntries(body.topics.map((t) => [t, 1])) };
    },
    ConnInfo: (body, frame) => {
      note("ConnInfo", body, frame);
      return { items: Object.fromEntries(body.uniqIds.map((id) => [id, { session: "s1", topics: ["t1"] }])) };
    },
    Metrics: (body, frame) => {
      note("Metrics", body, frame);
      return { serverId: 1, items: { 1: { count: 42n, meanRate: 1.5 } } };
    },
    Limit: async (body, frame) => {
      note("Limit", body, frame);
      await turns(1);
      return { serverId: 1, items: body.items.map((i) => ({ name: i.name, concurrency: i.concurrency, workerIds: [7] })) };
    },
    ConnOpenCustomUniqIdToken: (body, frame) => {
      note("ConnOpenCustomUniqIdToken", body, frame);
      return { uniqId: "u9", token: "tok" };
    },
    Ping: (body, frame) => note("Ping", body, frame),
  };
}

/** Decodes a reply the way a business would, keeping "no reply" visible. */
function decodeReply(reply: Uint8Array | undefined): GatewayFrame | undefined {
  return reply === undefined ? undefined : decodeGatewayFrame(reply);
}

describe("business frame routers", () => {
  test("the fixtures cover every frame a business sends, once", () => {
    expect(businessFrames.map((f) => f.name).sort()).toEqual([...businessNames].sort());
    expect(Object.keys(allBusinessHandlers([])).sort()).toEqual([...businessNames].sort());
    expect(Object.keys(expectedResponses).sort()).toEqual(namesOfKinds("request").sort());
  });

  test("createBusinessFrameRouter: each frame reaches its handler; requests get their response frame, pings a pong, the rest nothing", async () => {
    const log: Call[] = [];
    const route = createBusinessFrameRouter(allBusinessHandlers(log));
    for (const frame of businessFrames) {
      const before = log.length;
      const reply = await route(frame);
      expect(log.slice(before), frame.name).toEqual([{ handler: frame.name, body: frame.body, frame }]);
      expect(log[before]!.frame).toBe(frame);
      expect(decodeReply(reply), frame.name).toEqual(expectedReply(frame));
    }
  });

  test("a ping's reply is exactly the pong frame's bytes", async () => {
    const route = createBusinessFrameRouter(allBusinessHandlers([]));
    expect(await route(decodeBusinessFrame(encodePing()))).toEqual(encodePong());
  });

  test("a request's reply is exactly the bytes of the response encoder", async () => {
    const route = createBusinessFrameRouter(allBusinessHandlers([]));
    const reply = await route(decodeBusinessFrame(encodeBusinessFrame(Cmd.UniqIdCount)));
    expect(reply).toEqual(encodeGatewayFrame(Cmd.UniqIdCount, { serverId: 1, count: 2 }));
  });

  test("a bodiless request reaches its handler with body undefined", async () => {
    const log: Call[] = [];
    const frame = decodeBusinessFrame(encodeBusinessFrame(Cmd.UniqIdCount));
    await createBusinessFrameRouter(allBusinessHandlers(log))(frame);
    await createPartialBusinessFrameRouter({ UniqIdCount: allBusinessHandlers(log).UniqIdCount }, () => {})(frame);
    expect(log).toEqual([
      { handler: "UniqIdCount", body: undefined, frame },
      { handler: "UniqIdCount", body: undefined, frame },
    ]);
    expect(log[0]!.frame).toMatchObject({ kind: "request", cmd: Cmd.UniqIdCount, body: undefined });
  });

  test("a handler's rejection rejects the routed promise", async () => {
    const boom = new Error("handler failed");
    const route = createPartialBusinessFrameRouter({ Register: async () => Promise.reject(boom) }, () => {});
    await expect(route(decodeBusinessFrame(encodeBusinessFrame(Cmd.Register, { workerId: 1 })))).rejects.toBe(boom);
  });

  test("createPartialBusinessFrameRouter: handled frames answer as usual; unhandled ones go to the awaited fallback", async () => {
    const log: Call[] = [];
    const all = allBusinessHandlers(log);
    const fallbackDone: BusinessFrame[] = [];
    // Async on purpose: the router must wait for it before resolving.
    const fallback = async (frame: BusinessFrame) => {
      await turns(2);
      fallbackDone.push(frame);
    };
    const route = createPartialBusinessFrameRouter({ Register: all.Register, UniqIdCount: all.UniqIdCount, SingleCast: all.SingleCast }, fallback);
    const handled = new Set(["Register", "UniqIdCount", "SingleCast"]);

    for (const frame of businessFrames) {
      const before = { log: log.length, fallback: fallbackDone.length };
      const reply = await route(frame);
      if (handled.has(frame.name)) {
        expect(log.slice(before.log), frame.name).toEqual([{ handler: frame.name, body: frame.body, frame }]);
        expect(fallbackDone.length).toBe(before.fallback);
        expect(decodeReply(reply), frame.name).toEqual(expectedReply(frame));
      } else {
        expect(fallbackDone.slice(before.fallback), frame.name).toEqual([frame]);
        expect(log.length).toBe(before.log);
        // Unhandled requests get no answer from the router; an unhandled ping still gets its pong.
        expect(decodeReply(reply), frame.name).toEqual(frame.kind === "ping" ? pongFrame : undefined);
      }
    }
    expect(fallbackDone.map((f) => f.name)).toContain("CheckOnline");
    expect(fallbackDone.map((f) => f.name)).toContain("Ping");
  });
});

// ---------------------------------------------------------------- end to end

describe("business bytes -> splitter -> business router -> reply bytes -> splitter -> gateway frames", () => {
  const sent = [
    encodeBusinessFrame(Cmd.Register, { workerId: 7, processCmdGoroutineNum: 1, serverId: 1 }),
    encodePing(),
    encodeBusinessFrame(Cmd.Broadcast, { data: new Uint8Array(5000).fill(0x42) }),
    encodeBusinessFrame(Cmd.UniqIdCount),
    encodeBusinessFrame(Cmd.CheckOnline, { uniqIds: ["u1", "gone", "u2"] }),
    encodeBusinessFrame(Cmd.SingleCast, { uniqId: "u1", data: new Uint8Array([1]) }),
    encodeBusinessFrame(Cmd.TopicUniqIdCount, { topics: ["t1"], countAll: false }),
    encodePing(),
    encodeBusinessFrame(Cmd.Metrics),
    encodeBusinessFrame(Cmd.ConnInfoUpdate, { uniqId: "u1", newSession: "s2" }),
    encodeBusinessFrame(Cmd.Limit, { items: [{ name: "w", concurrency: 3 }] }),
    encodeBusinessFrame(Cmd.Unregister, { workerId: 7, registerId: "r-7" }),
  ];
  const stream = concat(sent);
  const expected = sent
    .map(decodeBusinessFrame)
    .map(expectedReply)
    .filter((r) => r !== undefined);

  /** Sorted cut points anywhere in bytes, from none (everything coalesced) to many. */
  const cutsIn = (length: number) => fc.uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 25 }).map((c) => c.sort((a, b) => a - b));

  test("replies pair with the requests in order, for any chunking of either direction", async () => {
    // Guards the fixture: seven requests and two pings, so nine replies.
    expect(expected.length).toBe(9);
    await fc.assert(
      fc.asyncProperty(cutsIn(stream.length), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 25 }), async (cuts, replyCutFractions) => {
        const route = createBusinessFrameRouter(allBusinessHandlers([]));
        const received = decodeStream(chunkAt(stream, cuts), decodeBusinessFrame);
        // Handlers finish out of order; Promise.all keeps the order the frames arrived in, as a gateway writing replies in order must.
        const replies = (await Promise.all(received.map(route))).filter((r) => r !== undefined);
        const replyStream = concat(replies);
        const replyCuts = [...new Set(replyCutFractions.map((f) => Math.floor(f * replyStream.length)))].sort((a, b) => a - b);
        expect(decodeStream(chunkAt(replyStream, replyCuts), decodeGatewayFrame)).toEqual(expected);
      }),
      // The example pins the fully coalesced case: one chunk each way.
      { numRuns: 60, examples: [[[], []]] },
    );
  });
});
