// The frame routers of each protocol version's package. The tests are shared;
// each version brings a fixture: a body for every frame each side sends, and
// how a gateway double answers each request.
import { create, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, test, vi } from "vitest";
import { chunkAt, concat } from "./support/bytes.js";
import { protocolVersions } from "./support/protocols.js";
import { gatewayHeartbeats, netsvrOf, v2, v6, type DecodedFrame, type Version } from "./support/versions.js";

// ---------------------------------------------------------------- helpers

/** One handler call as a handler saw it. */
interface Call {
  readonly handler: string;
  readonly body: unknown;
  readonly frame: unknown;
}

/** Lets n turns of the event loop pass, so async handlers can finish in a different order than they started. */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

const pongFrame = { kind: "pong", cmd: undefined, name: "Pong", body: undefined };

/** A message init object, as encoders and create() take it. */
type Init = MessageInitShape<DescMessage>;

// ---------------------------------------------------------------- per-version fixtures

/** How the gateway double answers one request. */
interface RequestCase {
  /** The request body a business sends; absent for a request without body. */
  readonly body?: Init;
  /** The answer, computed from the body the handler got, so a body that went astray shows in the reply. */
  readonly answer: (body: never) => Init;
  /** answer(body) spelled out: what the reply frame must decode to. */
  readonly response: Init;
  /** Event-loop turns the (async) handler waits before answering; absent for a synchronous handler. */
  readonly turns?: number;
}

interface RouterFixture {
  /** A body for every event and response a gateway sends, by command name, in command id order. */
  readonly gatewaySends: Readonly<Record<string, Init>>;
  /** A body for every one-way command a business sends, in command id order. */
  readonly oneways: Readonly<Record<string, Init>>;
  /** One-way commands whose handler is async, with the event-loop turns it waits. */
  readonly asyncOneways: Readonly<Record<string, number>>;
  /** Every request a business sends, in command id order. Async handlers take different numbers of turns, so replies would come out of order if the router or the caller did not keep it. */
  readonly requests: Readonly<Record<string, RequestCase>>;
  /** Replies in the end-to-end stream: one per request, plus a pong per ping where the version has pongs. */
  readonly endToEndReplies: number;
}

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

const fixtures: Readonly<Record<Version, RouterFixture>> = {
  v2: {
    gatewaySends: {
      ConnOpen: { uniqId: "u1", rawQuery: "a=1", subProtocol: ["p"], xForwardedFor: "10.0.0.1" },
      ConnClose: { uniqId: "u1", session: "s1" },
      Transfer: { uniqId: "u1", session: "s1", data: bytes(1, 2, 3) },
      Register: { code: v2.RegisterRespCode.DuplicateRegister, message: "again", registerId: "r1" },
      Unregister: {},
      CheckOnline: { uniqIds: ["u1"] },
      UniqIdList: { serverId: 1, uniqIds: ["u1", "u2"] },
      UniqIdCount: { serverId: 1, count: 2 },
      TopicCount: { serverId: 1, count: 5 },
      TopicList: { serverId: 1, topics: ["t1"] },
      TopicUniqIdList: { serverId: 1, items: { t1: { uniqIds: ["u1"] } } },
      TopicUniqIdCount: { serverId: 1, items: { t1: 1 } },
      ConnInfo: { items: { u1: { session: "s1", topics: ["t1"] } } },
      Metrics: { serverId: 1, items: { 3: { count: 9n, rate1: 0.25 } } },
      Limit: { serverId: 1, items: [{ name: "w", concurrency: 4, workerIds: [1, 2] }] },
      ConnOpenCustomUniqIdToken: { uniqId: "u9", token: "tok" },
    },
    oneways: {
      ConnInfoUpdate: { uniqId: "u1", newSession: "s2", newTopics: ["t2"] },
      ConnInfoDelete: { uniqId: "u1", delTopic: true },
      Broadcast: { data: bytes(9) },
      Multicast: { uniqIds: ["u1", "u2"], data: bytes(8) },
      SingleCast: { uniqId: "u1", data: bytes(7) },
      SingleCastBulk: { uniqIds: ["u1"], data: [bytes(1), bytes(2)] },
      TopicSubscribe: { uniqId: "u1", topics: ["t1"] },
      TopicUnsubscribe: { uniqId: "u1", topics: ["t1"] },
      TopicDelete: { topics: ["t1"] },
      TopicPublish: { topics: ["t1"], data: bytes(6) },
      ForceOffline: { uniqIds: ["u1"] },
      ForceOfflineGuest: { uniqIds: ["u2"], delay: 3 },
      TopicPublishBulk: { topics: ["t1", "t2"], data: [bytes(1), bytes(2)] },
    },
    asyncOneways: { ForceOfflineGuest: 1 },
    requests: {
      Register: {
        body: { workerId: 7, processCmdGoroutineNum: 1, serverId: 1 },
        answer: (body: { workerId: number }) => ({ code: v2.RegisterRespCode.Success, message: "ok", registerId: `r-${body.workerId}` }),
        response: { code: v2.RegisterRespCode.Success, message: "ok", registerId: "r-7" },
        turns: 4,
      },
      Unregister: { body: { workerId: 7, registerId: "r-7" }, answer: () => ({}), response: {} },
      CheckOnline: {
        body: { uniqIds: ["u1", "gone", "u2"] },
        answer: (body: { uniqIds: string[] }) => ({ uniqIds: body.uniqIds.filter((id) => id !== "gone") }),
        response: { uniqIds: ["u1", "u2"] },
        turns: 2,
      },
      UniqIdList: { answer: () => ({ serverId: 1, uniqIds: ["u1", "u2"] }), response: { serverId: 1, uniqIds: ["u1", "u2"] } },
      UniqIdCount: { answer: () => ({ serverId: 1, count: 2 }), response: { serverId: 1, count: 2 } },
      TopicCount: { answer: () => ({ serverId: 1, count: 2 }), response: { serverId: 1, count: 2 }, turns: 0 },
      TopicList: { answer: () => ({ serverId: 1, topics: ["t1", "t2"] }), response: { serverId: 1, topics: ["t1", "t2"] } },
      TopicUniqIdList: {
        body: { topics: ["t1", "t2"] },
        answer: (body: { topics: string[] }) => ({ serverId: 1, items: Object.fromEntries(body.topics.map((t) => [t, { uniqIds: t === "t1" ? ["u1"] : [] }])) }),
        response: { serverId: 1, items: { t1: { uniqIds: ["u1"] }, t2: { uniqIds: [] } } },
      },
      TopicUniqIdCount: {
        body: { topics: ["t1"], countAll: false },
        answer: (body: { topics: string[] }) => ({ serverId: 1, items: Object.fromEntries(body.topics.map((t) => [t, 1])) }),
        response: { serverId: 1, items: { t1: 1 } },
        turns: 3,
      },
      ConnInfo: {
        body: { uniqIds: ["u1"] },
        answer: (body: { uniqIds: string[] }) => ({ items: Object.fromEntries(body.uniqIds.map((id) => [id, { session: "s1", topics: ["t1"] }])) }),
        response: { items: { u1: { session: "s1", topics: ["t1"] } } },
      },
      Metrics: { answer: () => ({ serverId: 1, items: { 1: { count: 42n, meanRate: 1.5 } } }), response: { serverId: 1, items: { 1: { count: 42n, meanRate: 1.5 } } } },
      Limit: {
        body: { items: [{ name: "w", concurrency: 3 }] },
        answer: (body: { items: { name: string; concurrency: number }[] }) => ({
          serverId: 1,
          items: body.items.map((i) => ({ name: i.name, concurrency: i.concurrency, workerIds: [7] })),
        }),
        response: { serverId: 1, items: [{ name: "w", concurrency: 3, workerIds: [7] }] },
        turns: 1,
      },
      ConnOpenCustomUniqIdToken: { answer: () => ({ uniqId: "u9", token: "tok" }), response: { uniqId: "u9", token: "tok" } },
    },
    endToEndReplies: 9,
  },
  v6: {
    gatewaySends: {
      ConnOpen: { uniqId: "u1", rawQuery: "a=1", xForwardedFor: "10.0.0.1", xRealIp: "10.0.0.2", remoteAddr: "10.0.0.3:1234" },
      ConnClose: { uniqId: "u1", customerId: "c1", session: "s1", topics: ["t1"] },
      Transfer: { uniqId: "u1", customerId: "c1", session: "s1", topics: ["t1"], data: bytes(1, 2, 3) },
      Register: { code: v6.RegisterRespCode.DuplicateRegister, message: "again", connId: "0123456789abcdef0123456789abcdef" },
      Unregister: {},
      CheckOnline: { uniqIds: ["u1"] },
      CustomerIdList: { customerIds: ["c1"] },
      CustomerIdCount: { count: 1 },
      UniqIdList: { uniqIds: ["u1", "u2"] },
      UniqIdCount: { count: 2 },
      TopicList: { topics: ["t1"] },
      TopicCount: { count: 5 },
      TopicUniqIdList: { items: { t1: { uniqIds: ["u1"] } } },
      TopicUniqIdCount: { items: { t1: 1 } },
      TopicCustomerIdList: { items: { t1: { customerIds: ["c1"] } } },
      TopicCustomerIdToUniqIdsList: { items: { t1: { items: { c1: { uniqIds: ["u1"] } } } } },
      TopicCustomerIdCount: { items: { t1: 1 } },
      ConnInfo: { items: { u1: { session: "s1", customerId: "c1", topics: ["t1"] } } },
      ConnInfoByCustomerId: { items: { c1: { items: [{ session: "s1", uniqId: "u1", topics: ["t1"] }] } } },
      Metrics: { items: { 3: { item: 3, count: 9n, rate1: 0.25 } } },
      Limit: { onOpen: 10, onMessage: 20 },
    },
    oneways: {
      ConnInfoUpdate: { uniqId: "u1", newSession: "s2", newCustomerId: "c2", newTopics: ["t2"] },
      ConnInfoDelete: { uniqId: "u1", delTopic: true },
      Broadcast: { data: bytes(9) },
      Multicast: { uniqIds: ["u1", "u2"], data: bytes(8) },
      MulticastByCustomerId: { customerIds: ["c1", "c2"], data: bytes(8) },
      SingleCast: { uniqId: "u1", data: bytes(7) },
      SingleCastBulk: { uniqIds: ["u1"], data: [bytes(1), bytes(2)] },
      SingleCastByCustomerId: { customerId: "c1", data: bytes(7) },
      SingleCastBulkByCustomerId: { customerIds: ["c1", "c2"], data: [bytes(1), bytes(2)] },
      TopicSubscribe: { uniqId: "u1", topics: ["t1"] },
      TopicUnsubscribe: { uniqId: "u1", topics: ["t1"] },
      TopicDelete: { topics: ["t1"] },
      TopicPublish: { topics: ["t1"], data: bytes(6) },
      TopicPublishBulk: { topics: ["t1", "t2"], data: [bytes(1), bytes(2)] },
      ForceOffline: { uniqIds: ["u1"] },
      ForceOfflineByCustomerId: { customerIds: ["c1"] },
      ForceOfflineGuest: { uniqIds: ["u2"], delay: 3 },
    },
    asyncOneways: { ForceOfflineGuest: 1, SingleCastByCustomerId: 2 },
    requests: {
      Register: {
        body: { events: 7 },
        answer: (body: { events: number }) => ({ code: v6.RegisterRespCode.Success, message: "ok", connId: `conn-${body.events}` }),
        response: { code: v6.RegisterRespCode.Success, message: "ok", connId: "conn-7" },
        turns: 4,
      },
      Unregister: { body: { connId: "conn-7" }, answer: () => ({}), response: {} },
      CheckOnline: {
        body: { uniqIds: ["u1", "gone", "u2"] },
        answer: (body: { uniqIds: string[] }) => ({ uniqIds: body.uniqIds.filter((id) => id !== "gone") }),
        response: { uniqIds: ["u1", "u2"] },
        turns: 2,
      },
      CustomerIdList: { answer: () => ({ customerIds: ["c1"] }), response: { customerIds: ["c1"] } },
      CustomerIdCount: { answer: () => ({ count: 1 }), response: { count: 1 }, turns: 0 },
      UniqIdList: { answer: () => ({ uniqIds: ["u1", "u2"] }), response: { uniqIds: ["u1", "u2"] } },
      UniqIdCount: { answer: () => ({ count: 2 }), response: { count: 2 } },
      TopicList: { answer: () => ({ topics: ["t1", "t2"] }), response: { topics: ["t1", "t2"] } },
      TopicCount: { answer: () => ({ count: 2 }), response: { count: 2 }, turns: 0 },
      TopicUniqIdList: {
        body: { topics: ["t1", "t2"] },
        answer: (body: { topics: string[] }) => ({ items: Object.fromEntries(body.topics.map((t) => [t, { uniqIds: t === "t1" ? ["u1"] : [] }])) }),
        response: { items: { t1: { uniqIds: ["u1"] }, t2: { uniqIds: [] } } },
      },
      TopicUniqIdCount: {
        body: { topics: ["t1"], countAll: false },
        answer: (body: { topics: string[] }) => ({ items: Object.fromEntries(body.topics.map((t) => [t, 1])) }),
        response: { items: { t1: 1 } },
        turns: 3,
      },
      TopicCustomerIdList: {
        body: { topics: ["t1"] },
        answer: (body: { topics: string[] }) => ({ items: Object.fromEntries(body.topics.map((t) => [t, { customerIds: ["c1"] }])) }),
        response: { items: { t1: { customerIds: ["c1"] } } },
      },
      TopicCustomerIdToUniqIdsList: {
        body: { topics: ["t1"] },
        answer: (body: { topics: string[] }) => ({ items: Object.fromEntries(body.topics.map((t) => [t, { items: { c1: { uniqIds: ["u1"] } } }])) }),
        response: { items: { t1: { items: { c1: { uniqIds: ["u1"] } } } } },
        turns: 1,
      },
      TopicCustomerIdCount: {
        body: { topics: ["t1"], countAll: false },
        answer: (body: { topics: string[] }) => ({ items: Object.fromEntries(body.topics.map((t) => [t, 1])) }),
        response: { items: { t1: 1 } },
      },
      ConnInfo: {
        body: { uniqIds: ["u1"], reqSession: true, reqCustomerId: true, reqTopic: true },
        answer: (body: { uniqIds: string[] }) => ({ items: Object.fromEntries(body.uniqIds.map((id) => [id, { session: "s1", customerId: "c1", topics: ["t1"] }])) }),
        response: { items: { u1: { session: "s1", customerId: "c1", topics: ["t1"] } } },
      },
      ConnInfoByCustomerId: {
        body: { customerIds: ["c1"], reqSession: true, reqUniqId: true, reqTopic: true },
        answer: (body: { customerIds: string[] }) => ({
          items: Object.fromEntries(body.customerIds.map((id) => [id, { items: [{ session: "s1", uniqId: "u1", topics: ["t1"] }] }])),
        }),
        response: { items: { c1: { items: [{ session: "s1", uniqId: "u1", topics: ["t1"] }] } } },
        turns: 2,
      },
      Metrics: { answer: () => ({ items: { 1: { item: 1, count: 42n, meanRate: 1.5 } } }), response: { items: { 1: { item: 1, count: 42n, meanRate: 1.5 } } } },
      Limit: {
        // A value <= 0 leaves that limit unchanged; the answer holds the current limits.
        body: { onOpen: 10, onMessage: 0 },
        answer: (body: { onOpen: number; onMessage: number }) => ({ onOpen: body.onOpen > 0 ? body.onOpen : 100, onMessage: body.onMessage > 0 ? body.onMessage : 200 }),
        response: { onOpen: 10, onMessage: 200 },
        turns: 1,
      },
    },
    // No pong in v6: the two pings get no reply.
    endToEndReplies: 7,
  },
};

// ---------------------------------------------------------------- tests

describe.each(protocolVersions)("$version", ({ version }) => {
  const netsvr = netsvrOf(version);
  const { Cmd, FrameSplitter, cmdKinds, cmdNames, decodeBusinessFrame, decodeGatewayFrame, encodeBusinessFrame, encodeGatewayFrame, encodePing } = netsvr;
  const fixture = fixtures[version];
  /** The gateway's heartbeat frames: v2's pong, none in v6. */
  const pongs = gatewayHeartbeats(netsvr);
  /** What a gateway answers to a ping: v2's pong, nothing in v6. */
  const pingReply = pongs.length > 0 ? pongFrame : undefined;

  /** Names of the commands of the given kinds, from the generated tables rather than a hand-kept list. */
  function namesOfKinds(...kinds: readonly string[]): string[] {
    return Object.entries(cmdKinds)
      .filter(([, kind]) => kinds.includes(kind))
      .map(([cmd]) => cmdNames[Number(cmd)]!);
  }

  /** What decodeGatewayFrame must give for the response to a request. */
  function responseFrame(cmd: number, body: Init): object {
    return { kind: "response", cmd, name: cmdNames[cmd], body: create(netsvr.responseSchemas[cmd]!, body) };
  }

  /** Splits and decodes a whole stream of chunks. */
  function decodeStream<F>(chunks: readonly Uint8Array[], decode: (frame: Uint8Array) => F): F[] {
    const splitter = new FrameSplitter();
    const out: F[] = [];
    for (const chunk of chunks) splitter.push(chunk, (frame) => out.push(decode(frame)));
    splitter.end();
    return out;
  }

  /** A request frame a business sends, with its fixture body. */
  function request(name: string): Uint8Array {
    const { body } = fixture.requests[name]!;
    return body === undefined ? encodeBusinessFrame(Cmd[name]!) : encodeBusinessFrame(Cmd[name]!, body);
  }

  // -------------------------------------------------------------- frames a gateway sends

  /** One frame of every kind a gateway sends, through the generic encoder. */
  const gatewayBytes: readonly Uint8Array[] = [...Object.entries(fixture.gatewaySends).map(([name, body]) => encodeGatewayFrame(Cmd[name]!, body)), ...pongs];
  const gatewayFrames = gatewayBytes.map(decodeGatewayFrame);
  const gatewayNames = [...namesOfKinds("event", "request"), ...(pongs.length > 0 ? ["Pong"] : [])];

  /** A handler that logs its call and returns the log entry, so the router's return value can be traced back. */
  function gatewayHandler(log: Call[], handler: string): (body: unknown, frame: DecodedFrame) => Call {
    return (body, frame) => {
      const call = { handler, body, frame };
      log.push(call);
      return call;
    };
  }

  /** A handler for every frame of the fixture (so the coverage test below checks the fixture against the tables). */
  function allGatewayHandlers(log: Call[]): Record<string, (body: unknown, frame: DecodedFrame) => Call> {
    return Object.fromEntries(gatewayFrames.map((frame) => [frame.name, gatewayHandler(log, frame.name)]));
  }

  describe("gateway frame routers", () => {
    test("the fixtures cover every frame a gateway sends, once", () => {
      expect(gatewayFrames.map((f) => f.name).sort()).toEqual([...gatewayNames].sort());
      expect(Object.keys(allGatewayHandlers([])).sort()).toEqual([...gatewayNames].sort());
    });

    test("createGatewayFrameRouter calls exactly the frame's handler with (body, frame) and returns its result", () => {
      const log: Call[] = [];
      const route = netsvr.createGatewayFrameRouter(allGatewayHandlers(log));
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
      const fallback = vi.fn((frame: DecodedFrame): Call => ({ handler: "fallback", body: frame.body, frame }));
      const handled = ["Transfer", "Register", ...(pongs.length > 0 ? ["Pong"] : [])];
      const route = netsvr.createPartialGatewayFrameRouter(Object.fromEntries(handled.map((name) => [name, gatewayHandler(log, name)])), fallback);
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

  // -------------------------------------------------------------- frames a business sends

  /** One frame of every kind a business sends, through the generic encoder; bodiless requests take no body. */
  const businessBytes: readonly Uint8Array[] = [
    ...Object.entries(fixture.oneways).map(([name, body]) => encodeBusinessFrame(Cmd[name]!, body)),
    ...Object.keys(fixture.requests).map(request),
    encodePing(),
  ];
  const businessFrames = businessBytes.map(decodeBusinessFrame);
  const businessNames = [...namesOfKinds("oneway", "request"), "Ping"];

  /** What the business router must write back for a frame: response, pong (v2), or nothing. */
  function expectedReply(frame: DecodedFrame): object | undefined {
    switch (frame.kind) {
      case "request":
        return responseFrame(frame.cmd!, fixture.requests[frame.name]!.response);
      case "ping":
        return pingReply;
      default:
        return undefined;
    }
  }

  type BusinessHandler = (body: unknown, frame: DecodedFrame) => unknown;

  /** Every handler a gateway double needs, built from the fixture: one-way handlers log, request handlers log and answer. */
  function allBusinessHandlers(log: Call[]): Record<string, BusinessHandler> {
    const note = (handler: string, body: unknown, frame: DecodedFrame) => void log.push({ handler, body, frame });
    const oneway = (name: string): BusinessHandler => {
      const wait = fixture.asyncOneways[name];
      if (wait === undefined) return (body, frame) => note(name, body, frame);
      return async (body, frame) => {
        await turns(wait);
        note(name, body, frame);
      };
    };
    const answering = (name: string, { answer, turns: wait }: RequestCase): BusinessHandler => {
      if (wait === undefined) {
        return (body, frame) => {
          note(name, body, frame);
          return answer(body as never);
        };
      }
      return async (body, frame) => {
        note(name, body, frame);
        await turns(wait);
        return answer(body as never);
      };
    };
    return {
      ...Object.fromEntries(Object.keys(fixture.oneways).map((name) => [name, oneway(name)])),
      ...Object.fromEntries(Object.entries(fixture.requests).map(([name, c]) => [name, answering(name, c)])),
      Ping: (body, frame) => note("Ping", body, frame),
    };
  }

  /** Decodes a reply the way a business would, keeping "no reply" visible. */
  function decodeReply(reply: Uint8Array | undefined): DecodedFrame | undefined {
    return reply === undefined ? undefined : decodeGatewayFrame(reply);
  }

  describe("business frame routers", () => {
    test("the fixtures cover every frame a business sends, once", () => {
      expect(businessFrames.map((f) => f.name).sort()).toEqual([...businessNames].sort());
      expect(Object.keys(allBusinessHandlers([])).sort()).toEqual([...businessNames].sort());
      expect(Object.keys(fixture.requests).sort()).toEqual(namesOfKinds("request").sort());
    });

    test("createBusinessFrameRouter: each frame reaches its handler; requests get their response frame, pings a pong (v2) or nothing (v6), the rest nothing", async () => {
      const log: Call[] = [];
      const route = netsvr.createBusinessFrameRouter(allBusinessHandlers(log));
      for (const frame of businessFrames) {
        const before = log.length;
        const reply = await route(frame);
        expect(log.slice(before), frame.name).toEqual([{ handler: frame.name, body: frame.body, frame }]);
        expect(log[before]!.frame).toBe(frame);
        expect(decodeReply(reply), frame.name).toEqual(expectedReply(frame));
      }
    });

    test("a ping's reply is exactly the pong frame's bytes (v2), or nothing (v6)", async () => {
      const route = netsvr.createBusinessFrameRouter(allBusinessHandlers([]));
      expect(await route(decodeBusinessFrame(encodePing()))).toEqual(pongs[0]);
    });

    test("a request's reply is exactly the bytes of the response encoder", async () => {
      const route = netsvr.createBusinessFrameRouter(allBusinessHandlers([]));
      const reply = await route(decodeBusinessFrame(encodeBusinessFrame(Cmd.UniqIdCount!)));
      expect(reply).toEqual(encodeGatewayFrame(Cmd.UniqIdCount!, fixture.requests["UniqIdCount"]!.response));
    });

    test("a bodiless request reaches its handler with body undefined", async () => {
      const log: Call[] = [];
      const frame = decodeBusinessFrame(encodeBusinessFrame(Cmd.UniqIdCount!));
      await netsvr.createBusinessFrameRouter(allBusinessHandlers(log))(frame);
      await netsvr.createPartialBusinessFrameRouter({ UniqIdCount: allBusinessHandlers(log)["UniqIdCount"]! }, () => {})(frame);
      expect(log).toEqual([
        { handler: "UniqIdCount", body: undefined, frame },
        { handler: "UniqIdCount", body: undefined, frame },
      ]);
      expect(log[0]!.frame).toMatchObject({ kind: "request", cmd: Cmd.UniqIdCount, body: undefined });
    });

    test("a handler's rejection rejects the routed promise", async () => {
      const boom = new Error("handler failed");
      const route = netsvr.createPartialBusinessFrameRouter({ Register: async () => Promise.reject(boom) }, () => {});
      await expect(route(decodeBusinessFrame(request("Register")))).rejects.toBe(boom);
    });

    test("createPartialBusinessFrameRouter: handled frames answer as usual; unhandled ones go to the awaited fallback", async () => {
      const log: Call[] = [];
      const all = allBusinessHandlers(log);
      const fallbackDone: DecodedFrame[] = [];
      // Async on purpose: the router must wait for it before resolving.
      const fallback = async (frame: DecodedFrame) => {
        await turns(2);
        fallbackDone.push(frame);
      };
      const route = netsvr.createPartialBusinessFrameRouter({ Register: all["Register"]!, UniqIdCount: all["UniqIdCount"]!, SingleCast: all["SingleCast"]! }, fallback);
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
          // Unhandled requests get no answer from the router; an unhandled ping still gets its pong (v2).
          expect(decodeReply(reply), frame.name).toEqual(frame.kind === "ping" ? pingReply : undefined);
        }
      }
      expect(fallbackDone.map((f) => f.name)).toContain("CheckOnline");
      expect(fallbackDone.map((f) => f.name)).toContain("Ping");
    });
  });

  // -------------------------------------------------------------- end to end

  describe("business bytes -> splitter -> business router -> reply bytes -> splitter -> gateway frames", () => {
    const sent = [
      request("Register"),
      encodePing(),
      encodeBusinessFrame(Cmd.Broadcast!, { data: new Uint8Array(5000).fill(0x42) }),
      request("UniqIdCount"),
      request("CheckOnline"),
      encodeBusinessFrame(Cmd.SingleCast!, { uniqId: "u1", data: new Uint8Array([1]) }),
      request("TopicUniqIdCount"),
      encodePing(),
      request("Metrics"),
      encodeBusinessFrame(Cmd.ConnInfoUpdate!, { uniqId: "u1", newSession: "s2" }),
      request("Limit"),
      request("Unregister"),
    ];
    const stream = concat(sent);
    const expected = sent
      .map(decodeBusinessFrame)
      .map(expectedReply)
      .filter((r) => r !== undefined);

    /** Sorted cut points anywhere in bytes, from none (everything coalesced) to many. */
    const cutsIn = (length: number) => fc.uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 25 }).map((c) => c.sort((a, b) => a - b));

    test("replies pair with the requests in order, for any chunking of either direction", async () => {
      // Guards the fixture: seven requests and two pings, so nine replies with pongs (v2), seven without (v6).
      expect(expected.length).toBe(fixture.endToEndReplies);
      await fc.assert(
        fc.asyncProperty(cutsIn(stream.length), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 25 }), async (cuts, replyCutFractions) => {
          const route = netsvr.createBusinessFrameRouter(allBusinessHandlers([]));
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
});
