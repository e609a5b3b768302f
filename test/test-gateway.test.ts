/**
 * Tests of the fake gateway in test/support/test-gateway.ts, driven through
 * raw sockets with the generated encoders and decoders (no business client).
 * Synchronisation is by frames: a ping sent after some commands is answered
 * only once they were handled, because the gateway handles frames in order.
 */
import net from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import {
  Cmd,
  FrameSplitter,
  RegisterRespCode,
  decodeGatewayFrame,
  encodeBroadcast,
  encodeBusinessFrame,
  encodeCheckOnlineRequest,
  encodeConnInfoDelete,
  encodeConnInfoRequest,
  encodeConnInfoUpdate,
  encodeForceOffline,
  encodeForceOfflineGuest,
  encodeMulticast,
  encodePing,
  encodeRegisterRequest,
  encodeSingleCast,
  encodeSingleCastBulk,
  encodeTopicDelete,
  encodeTopicListRequest,
  encodeTopicPublish,
  encodeTopicPublishBulk,
  encodeTopicSubscribe,
  encodeTopicUniqIdListRequest,
  encodeTopicUnsubscribe,
  encodeUniqIdCountRequest,
  type GatewayFrame,
  type ResponseFrame,
} from "../generated/dist/v2/index.js";
import { startTestGateway, type BusinessConnection, type TestGateway, type TestGatewayOptions } from "./support/test-gateway.js";

// ---------------------------------------------------------------- raw business side

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const str = (b: Uint8Array): string => new TextDecoder().decode(b);
const texts = (inbox: readonly Uint8Array[]): string[] => inbox.map(str);

/** A business process made of a bare socket: writes bytes, collects decoded gateway frames. */
class RawBusiness {
  readonly frames: GatewayFrame[] = [];
  /** Every byte received, for tests of raw and partial frames. */
  readonly bytes: number[] = [];
  ended = false;
  private read = 0;
  private readonly splitter = new FrameSplitter();
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly socket: net.Socket,
    readonly connection: BusinessConnection,
  ) {
    socket.on("data", (chunk: Buffer) => {
      this.bytes.push(...chunk);
      this.splitter.push(chunk, (frame) => this.frames.push(decodeGatewayFrame(frame)));
      this.wake();
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      this.ended = true;
      this.wake();
    });
  }

  static async connect(gateway: TestGateway): Promise<RawBusiness> {
    const socket = net.connect({ host: gateway.host, port: gateway.port });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    const port = socket.localPort;
    const connection = await gateway.waitUntil(() => gateway.connections.find((c) => c.remotePort === port), `the gateway to accept port ${port}`);
    const client = new RawBusiness(socket, connection);
    clients.push(client);
    return client;
  }

  send(...frames: Uint8Array[]): void {
    for (const frame of frames) this.socket.write(frame);
  }

  /** The next frame not yet taken, in arrival order. */
  next(timeoutMs = 2000): Promise<GatewayFrame> {
    return this.until(() => (this.read < this.frames.length ? this.frames[this.read++] : undefined), "the next frame", timeoutMs);
  }

  /** The next frame, which must be the answer to a request of cmd. */
  async response<C extends ResponseFrame["cmd"]>(cmd: C): Promise<ResponseFrame<C>> {
    const frame = await this.next();
    expect(frame.kind).toBe("response");
    expect(frame.cmd).toBe(cmd);
    return frame as ResponseFrame<C>;
  }

  /** Sends a ping and takes frames up to its pong: everything sent before it has been handled. */
  async sync(): Promise<GatewayFrame[]> {
    this.send(encodePing());
    const before: GatewayFrame[] = [];
    for (;;) {
      const frame = await this.next();
      if (frame.kind === "pong") return before;
      before.push(frame);
    }
  }

  /** Resolves when the socket closed, with the frames not taken yet. */
  async closed(timeoutMs = 2000): Promise<GatewayFrame[]> {
    await this.until(() => this.ended || undefined, "the connection to close", timeoutMs);
    return this.frames.slice(this.read);
  }

  async register(workerId = 1, serverId = 1): Promise<string> {
    this.send(encodeRegisterRequest({ workerId, serverId, processCmdGoroutineNum: 1 }));
    const answer = await this.response(Cmd.Register);
    expect(answer.body.code).toBe(RegisterRespCode.Success);
    return answer.body.registerId;
  }

  private until<T>(take: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = (): boolean => {
        const value = take();
        if (value !== undefined) {
          resolve(value);
          return true;
        }
        if (this.ended && what !== "the connection to close") {
          reject(new Error(`connection closed while waiting for ${what}`));
          return true;
        }
        return false;
      };
      if (attempt()) return;
      const listener = (): void => {
        if (attempt()) {
          clearTimeout(timer);
          this.listeners.delete(listener);
        }
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error(`no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  private wake(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

const clients: RawBusiness[] = [];
let gateway: TestGateway | undefined;

async function start(options: TestGatewayOptions = {}): Promise<TestGateway> {
  gateway = await startTestGateway(options);
  return gateway;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.destroy();
  await gateway?.close();
  gateway = undefined;
});

/** [u32 length][u32 cmd][body]: a command frame with any id and body. */
function rawFrame(cmd: number, body: Uint8Array = new Uint8Array()): Uint8Array {
  const frame = new Uint8Array(8 + body.length);
  const view = new DataView(frame.buffer);
  view.setUint32(0, 4 + body.length);
  view.setUint32(4, cmd);
  frame.set(body, 8);
  return frame;
}

// ---------------------------------------------------------------- register

describe("Register", () => {
  test("succeeds once with a fresh registerId; a second Register on the connection is DuplicateRegister", async () => {
    const gw = await start({ serverId: 7 });
    const a = await RawBusiness.connect(gw);
    const b = await RawBusiness.connect(gw);

    a.send(encodeRegisterRequest({ workerId: 3, processCmdGoroutineNum: 2, serverId: 7 }));
    const ok = (await a.response(Cmd.Register)).body;
    expect(ok.code).toBe(RegisterRespCode.Success);
    expect(ok.message).toBe("Success");
    expect(ok.registerId).not.toBe("");
    expect(a.connection.registration).toEqual({ workerId: 3, processCmdGoroutineNum: 2, registerId: ok.registerId });

    a.send(encodeRegisterRequest({ workerId: 4, serverId: 7 }));
    const dup = (await a.response(Cmd.Register)).body;
    expect(dup.code).toBe(RegisterRespCode.DuplicateRegister);
    expect(dup.message).toBe("DuplicateRegister");
    expect(a.connection.registration?.workerId).toBe(3);

    // Another connection may register with the same workerId, and gets its own registerId.
    b.send(encodeRegisterRequest({ workerId: 3, serverId: 7 }));
    const other = (await b.response(Cmd.Register)).body;
    expect(other.code).toBe(RegisterRespCode.Success);
    expect(other.registerId).not.toBe(ok.registerId);
  });

  test("answers WorkerIdOverflow, ServerIdInconsistent and UnmarshalError, and keeps the connection", async () => {
    const gw = await start({ serverId: 7 });
    const a = await RawBusiness.connect(gw);
    const cases: [Uint8Array, RegisterRespCode][] = [
      [encodeRegisterRequest({ workerId: 0, serverId: 7 }), RegisterRespCode.WorkerIdOverflow],
      [encodeRegisterRequest({ workerId: 1000, serverId: 7 }), RegisterRespCode.WorkerIdOverflow],
      [encodeRegisterRequest({ workerId: -1, serverId: 7 }), RegisterRespCode.WorkerIdOverflow],
      [encodeRegisterRequest({ workerId: 1, serverId: 1 }), RegisterRespCode.ServerIdInconsistent],
      [encodeRegisterRequest({ workerId: 1, serverId: 7 + 256 }), RegisterRespCode.ServerIdInconsistent],
      // Field 1 declared as a 5-byte length-delimited value with 1 byte present.
      [rawFrame(Cmd.Register, Uint8Array.of(0x0a, 0x05, 0x01)), RegisterRespCode.UnmarshalError],
    ];
    for (const [frame] of cases) a.send(frame);
    for (const [, code] of cases) {
      const body = (await a.response(Cmd.Register)).body;
      expect(body.code).toBe(code);
      expect(body.message).toBe(RegisterRespCode[code]);
      expect(body.registerId).toBe("");
    }
    expect(a.connection.registration).toBeUndefined();
    expect(gw.received.at(-1)?.error?.code).toBe("invalid-body");
    // Failures register nothing, so a valid Register still succeeds.
    await a.register(999, 7);
    expect(a.connection.open).toBe(true);
  });
});

// ---------------------------------------------------------------- heartbeat and replies

describe("heartbeat and replies", () => {
  test("a ping is answered with a pong and recorded", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    a.send(encodePing());
    expect((await a.next()).kind).toBe("pong");
    const ping = await gw.waitForFrame((r) => r.frame?.kind === "ping");
    expect(ping.connectionId).toBe(a.connection.id);
    expect(a.connection.framesReceived).toBe(1);
    expect(a.connection.bytesReceived).toBe(13);
  });

  test("a pong and an event overtake held replies; released replies keep their order", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    await a.register(1);
    gw.holdReplies();
    a.send(encodeUniqIdCountRequest(), encodeTopicListRequest(), encodePing());
    expect((await a.next()).kind).toBe("pong");
    expect(gw.heldReplies).toBe(2);

    const customer = gw.openCustomer();
    const open = await a.next();
    expect(open.cmd).toBe(Cmd.ConnOpen);
    expect(open.cmd === Cmd.ConnOpen && open.body.uniqId).toBe(customer.uniqId);

    gw.releaseReplies(1);
    // Answers are computed when the request is handled, before the customer existed.
    expect((await a.response(Cmd.UniqIdCount)).body.count).toBe(0);
    expect(gw.heldReplies).toBe(1);
    // Still holding after a partial release.
    a.send(encodeUniqIdCountRequest());
    await a.sync();
    expect(gw.heldReplies).toBe(2);
    gw.releaseReplies();
    expect((await a.response(Cmd.TopicList)).body.topics).toEqual([]);
    expect((await a.response(Cmd.UniqIdCount)).body.count).toBe(1);
    // Not holding any more.
    a.send(encodeUniqIdCountRequest());
    expect((await a.response(Cmd.UniqIdCount)).body.count).toBe(1);
  });

  test("ignoreRequests leaves requests unanswered while pings and one-way commands still work", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    const customer = gw.openCustomer();
    gw.ignoreRequests(true);
    a.send(encodeUniqIdCountRequest(), encodeRegisterRequest({ workerId: 1, serverId: 1 }), encodeSingleCast({ uniqId: customer.uniqId, data: text("hi") }));
    expect(await a.sync()).toEqual([]);
    expect(texts(customer.inbox)).toEqual(["hi"]);
    expect(a.connection.registration).toBeUndefined();
    expect(gw.received.map((r) => r.frame?.name)).toEqual(["UniqIdCount", "Register", "SingleCast", "Ping"]);
    gw.ignoreRequests(false);
    a.send(encodeUniqIdCountRequest());
    expect((await a.response(Cmd.UniqIdCount)).body.count).toBe(1);
  });

  test("every request command is answered with its own command id, in order, with the gateway's serverId", async () => {
    const gw = await start({ serverId: 9 });
    const a = await RawBusiness.connect(gw);
    const alice = gw.openCustomer({ session: "alice", topics: ["news", "chat"] });
    const bob = gw.openCustomer({ topics: ["news"] });

    a.send(encodeBusinessFrame(Cmd.Register, { workerId: 1, serverId: 9 }));
    const registerId = (await a.response(Cmd.Register)).body.registerId;
    const requests = [
      encodeBusinessFrame(Cmd.CheckOnline, { uniqIds: [bob.uniqId, "ffffffffffffffffff", alice.uniqId] }),
      encodeBusinessFrame(Cmd.UniqIdList),
      encodeBusinessFrame(Cmd.UniqIdCount),
      encodeBusinessFrame(Cmd.TopicCount),
      encodeBusinessFrame(Cmd.TopicList),
      encodeBusinessFrame(Cmd.TopicUniqIdList, { topics: ["news", "none"] }),
      encodeBusinessFrame(Cmd.TopicUniqIdCount, { topics: ["chat"] }),
      encodeBusinessFrame(Cmd.TopicUniqIdCount, { topics: ["chat"], countAll: true }),
      encodeBusinessFrame(Cmd.ConnInfo, { uniqIds: [alice.uniqId, "nobody"] }),
      encodeBusinessFrame(Cmd.Metrics),
      encodeBusinessFrame(Cmd.Limit, {
        items: [
          { name: "default", concurrency: 5 },
          { name: "unknown", concurrency: 9 },
          { name: "slow", concurrency: 0 },
        ],
      }),
      encodeBusinessFrame(Cmd.ConnOpenCustomUniqIdToken),
      encodeBusinessFrame(Cmd.Unregister, { workerId: 1, registerId }),
    ];
    a.send(...requests);

    expect((await a.response(Cmd.CheckOnline)).body.uniqIds).toEqual([bob.uniqId, alice.uniqId]);
    const list = (await a.response(Cmd.UniqIdList)).body;
    expect(list.serverId).toBe(9);
    expect(list.uniqIds).toEqual([alice.uniqId, bob.uniqId]);
    expect((await a.response(Cmd.UniqIdCount)).body).toMatchObject({ serverId: 9, count: 2 });
    expect((await a.response(Cmd.TopicCount)).body).toMatchObject({ serverId: 9, count: 2 });
    expect((await a.response(Cmd.TopicList)).body).toMatchObject({ serverId: 9, topics: ["news", "chat"] });
    const topicUniqIds = (await a.response(Cmd.TopicUniqIdList)).body;
    expect(topicUniqIds.serverId).toBe(9);
    expect(Object.keys(topicUniqIds.items)).toEqual(["news"]);
    expect(topicUniqIds.items["news"]?.uniqIds).toEqual([alice.uniqId, bob.uniqId]);
    expect((await a.response(Cmd.TopicUniqIdCount)).body).toMatchObject({ serverId: 9, items: { chat: 1 } });
    expect((await a.response(Cmd.TopicUniqIdCount)).body).toMatchObject({ serverId: 9, items: { news: 2, chat: 1 } });
    const info = (await a.response(Cmd.ConnInfo)).body.items;
    expect(Object.keys(info)).toEqual([alice.uniqId]);
    expect(info[alice.uniqId]).toMatchObject({ session: "alice", topics: ["news", "chat"] });
    const metrics = (await a.response(Cmd.Metrics)).body;
    expect(metrics.serverId).toBe(9);
    expect(metrics.items[1]?.count).toBe(2n);
    const limits = (await a.response(Cmd.Limit)).body;
    expect(limits.serverId).toBe(9);
    expect(limits.items.map((l) => [l.name, l.concurrency, l.workerIds])).toEqual([
      ["default", 5, [1]],
      ["slow", 10, [2]],
    ]);
    const token = (await a.response(Cmd.ConnOpenCustomUniqIdToken)).body;
    expect(token.uniqId).toMatch(/^09[0-9a-f]{16}$/);
    expect(token.token).not.toBe("");
    expect((await a.response(Cmd.Unregister)).body).toBeDefined();
    expect(a.connection.registration).toBeUndefined();

    // The custom uniqId can be used by a customer that connects with the token.
    expect(gw.openCustomer({ uniqId: token.uniqId }).uniqId).toBe(token.uniqId);
    expect(gw.received.filter((r) => r.frame?.kind === "request").map((r) => r.frame?.cmd)).toEqual([
      Cmd.Register,
      ...requests.map((f) => new DataView(f.buffer, f.byteOffset).getUint32(4)),
    ]);
  });

  test("Unregister may name another connection's registration; a body-less request with stray bytes is still answered", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    const b = await RawBusiness.connect(gw);
    const registerId = await a.register(5);
    b.send(encodeBusinessFrame(Cmd.Unregister, { workerId: 5, registerId: "wrong" }));
    await b.response(Cmd.Unregister);
    expect(a.connection.registration?.registerId).toBe(registerId);
    b.send(encodeBusinessFrame(Cmd.Unregister, { workerId: 5, registerId }));
    await b.response(Cmd.Unregister);
    expect(a.connection.registration).toBeUndefined();
    // After unregistering, the connection may register again.
    await a.register(6);

    b.send(rawFrame(Cmd.UniqIdCount, Uint8Array.of(1, 2, 3)));
    expect((await b.response(Cmd.UniqIdCount)).body.count).toBe(0);
    expect(gw.received.at(-1)?.frame?.name).toBe("UniqIdCount");
    expect(gw.received.at(-1)?.error?.code).toBe("invalid-body");
  });
});

// ---------------------------------------------------------------- customers

describe("customers", () => {
  test("a SingleCast reaches the customer's inbox", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    const customer = gw.openCustomer();
    const other = gw.openCustomer();
    a.send(encodeSingleCast({ uniqId: customer.uniqId, data: text("hello") }), encodeSingleCast({ uniqId: customer.uniqId, data: text("again") }));
    expect(texts(await gw.waitForDelivery(customer.uniqId, 2))).toEqual(["hello", "again"]);
    expect(other.inbox).toEqual([]);
    const frame = await gw.waitForFrame((r) => r.frame?.name === "SingleCast");
    expect(frame.frame?.cmd === Cmd.SingleCast && str(frame.frame.body.data)).toBe("hello");
  });

  test("uniqIds are 18 hex digits: server id, timestamp, counter", async () => {
    const gw = await start({ serverId: 0xab });
    const first = gw.openCustomer().uniqId;
    const second = gw.openCustomer().uniqId;
    expect(first).toMatch(/^ab[0-9a-f]{16}$/);
    const seconds = parseInt(first.slice(2, 10), 16);
    expect(Math.abs(seconds - Date.now() / 1000)).toBeLessThan(5);
    expect(parseInt(second.slice(10), 16)).toBe(parseInt(first.slice(10), 16) + 1);
    expect(() => gw.openCustomer({ uniqId: first })).toThrow(/already online/);
  });

  test("ConnOpen, Transfer and ConnClose go only to a connection registered with the customer's worker, round-robin", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    const idle = await RawBusiness.connect(gw);
    const other = await RawBusiness.connect(gw);

    // Nobody registered: the customer is online but no event is sent.
    const early = gw.openCustomer({ session: "s1" });
    expect(gw.customerSends(early.uniqId, "lost")).toBeUndefined();
    await a.register(1);
    await other.register(2);

    const customer = gw.openCustomer({ rawQuery: "token=abc", xForwardedFor: "10.0.0.1", subProtocol: ["chat"] });
    const open = await a.next();
    expect(open.cmd === Cmd.ConnOpen && open.body).toMatchObject({ uniqId: customer.uniqId, rawQuery: "token=abc", xForwardedFor: "10.0.0.1", subProtocol: ["chat"] });

    expect(gw.customerSends(early.uniqId, "hello")).toBe(a.connection.id);
    const transfer = await a.next();
    expect(transfer.cmd === Cmd.Transfer && [transfer.body.uniqId, transfer.body.session, str(transfer.body.data)]).toEqual([early.uniqId, "s1", "hello"]);
    // An explicit worker: the message's 3-digit prefix chose worker 2.
    expect(gw.customerSends(customer.uniqId, text("to two"), 2)).toBe(other.connection.id);
    const toTwo = await other.next();
    expect(toTwo.cmd === Cmd.Transfer && str(toTwo.body.data)).toBe("to two");

    gw.closeCustomer(customer.uniqId);
    const close = await a.next();
    expect(close.cmd === Cmd.ConnClose && close.body.uniqId).toBe(customer.uniqId);
    expect(gw.customer(customer.uniqId)?.online).toBe(false);
    expect(() => gw.customerSends(customer.uniqId, "x")).toThrow(/not online/);

    // The unregistered connection got nothing: its first frame is the pong.
    expect(await idle.sync()).toEqual([]);
    expect(await a.sync()).toEqual([]);

    // Two connections of worker 1 share the events.
    const b = await RawBusiness.connect(gw);
    await b.register(1);
    gw.openCustomer();
    gw.openCustomer();
    expect((await a.sync()).map((e) => e.cmd)).toEqual([Cmd.ConnOpen]);
    expect((await b.sync()).map((e) => e.cmd)).toEqual([Cmd.ConnOpen]);
  });

  test("one-way commands change customers as the gateway does", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    await a.register(1);
    const alice = gw.openCustomer({ session: "alice" });
    const bob = gw.openCustomer();
    const carol = gw.openCustomer({ session: "carol" });
    await a.sync(); // three ConnOpen

    a.send(
      encodeMulticast({ uniqIds: [alice.uniqId, bob.uniqId, "gone"], data: text("m") }),
      encodeBroadcast({ data: text("all") }),
      encodeBroadcast({ data: new Uint8Array() }),
      encodeTopicSubscribe({ uniqId: alice.uniqId, topics: ["t1", "t2"], data: text("sub") }),
      encodeTopicSubscribe({ uniqId: bob.uniqId, topics: ["t1"] }),
      encodeTopicPublish({ topics: ["t1", "t2"], data: text("p") }),
      encodeTopicPublishBulk({ topics: ["t1"], data: [text("x"), text("y")] }),
      encodeTopicPublishBulk({ topics: ["t1", "t2"], data: [text("bad shape")] }),
      encodeTopicPublishBulk({ topics: ["t1", "t2"], data: [text("q1"), text("q2")] }),
      encodeSingleCastBulk({ uniqIds: [alice.uniqId, bob.uniqId], data: [text("ba"), text("bb")] }),
      encodeSingleCastBulk({ uniqIds: [carol.uniqId], data: [text("c1"), text("c2")] }),
      encodeSingleCastBulk({ uniqIds: [alice.uniqId, bob.uniqId], data: [text("bad shape")] }),
      encodeTopicUnsubscribe({ uniqId: bob.uniqId, topics: ["t1"], data: text("unsub") }),
      encodeTopicDelete({ topics: ["t2"], data: text("deleted") }),
    );
    expect(await a.sync()).toEqual([]);
    expect(texts(alice.inbox)).toEqual(["m", "all", "sub", "p", "p", "x", "y", "q1", "q2", "ba", "deleted"]);
    expect(texts(bob.inbox)).toEqual(["m", "all", "p", "x", "y", "q1", "bb", "unsub"]);
    expect(texts(carol.inbox)).toEqual(["all", "c1", "c2"]);
    expect(alice.topics).toEqual(["t1"]);
    expect(bob.topics).toEqual([]);
    a.send(encodeTopicListRequest(), encodeTopicUniqIdListRequest({ topics: ["t1"] }));
    expect((await a.response(Cmd.TopicList)).body.topics).toEqual(["t1"]);
    expect((await a.response(Cmd.TopicUniqIdList)).body.items["t1"]?.uniqIds).toEqual([alice.uniqId]);

    // ConnInfoUpdate: session and topics replaced, data delivered.
    a.send(encodeConnInfoUpdate({ uniqId: alice.uniqId, newSession: "alice2", newTopics: ["n1", "n2"], data: text("upd") }));
    await a.sync();
    expect([alice.session, alice.topics, texts(alice.inbox).at(-1)]).toEqual(["alice2", ["n1", "n2"], "upd"]);

    // ConnInfoUpdate onto a uniqId in use: its holder gets dataAsNewUniqIdExisted and is closed.
    const bobId = bob.uniqId;
    a.send(encodeConnInfoUpdate({ uniqId: carol.uniqId, newUniqId: bobId, dataAsNewUniqIdExisted: text("taken over") }));
    const closes = await a.sync();
    expect(closes.map((f) => f.cmd === Cmd.ConnClose && f.body.uniqId)).toEqual([bobId]);
    expect(bob.online).toBe(false);
    expect(texts(bob.inbox).at(-1)).toBe("taken over");
    expect(carol.uniqId).toBe(bobId);
    expect(gw.customer(bobId)).toBe(carol);

    // ConnInfoDelete: each flag clears its piece; a deleted uniqId becomes a fresh one.
    const aliceId = alice.uniqId;
    a.send(encodeConnInfoDelete({ uniqId: aliceId, delUniqId: true, delSession: true, delTopic: true, data: text("del") }));
    await a.sync();
    expect(alice.uniqId).not.toBe(aliceId);
    expect(alice.uniqId).toMatch(/^01[0-9a-f]{16}$/);
    expect([alice.session, alice.topics, texts(alice.inbox).at(-1)]).toEqual(["", [], "del"]);
    a.send(encodeConnInfoRequest({ uniqIds: [alice.uniqId] }));
    expect((await a.response(Cmd.ConnInfo)).body.items[alice.uniqId]).toMatchObject({ session: "", topics: [] });

    // ForceOfflineGuest closes only customers without a session, data first; ForceOffline closes any.
    a.send(encodeForceOfflineGuest({ uniqIds: [alice.uniqId, carol.uniqId], delay: 3, data: text("bye guest") }));
    const guestCloses = await a.sync();
    expect(guestCloses.map((f) => f.cmd === Cmd.ConnClose && f.body.uniqId)).toEqual([alice.uniqId]);
    expect([alice.online, texts(alice.inbox).at(-1)]).toEqual([false, "bye guest"]);
    expect(carol.online).toBe(true);
    a.send(encodeForceOffline({ uniqIds: [carol.uniqId], data: text("kicked") }));
    const forced = await a.sync();
    expect(forced.map((f) => f.cmd === Cmd.ConnClose && f.body.session)).toEqual(["carol"]);
    expect([carol.online, texts(carol.inbox).at(-1)]).toEqual([false, "kicked"]);
    a.send(encodeCheckOnlineRequest({ uniqIds: [alice.uniqId, bobId] }), encodeUniqIdCountRequest());
    expect((await a.response(Cmd.CheckOnline)).body.uniqIds).toEqual([]);
    expect((await a.response(Cmd.UniqIdCount)).body.count).toBe(0);
  });
});

// ---------------------------------------------------------------- faults

describe("faults close the connection", () => {
  test("an unknown command id; frames after it are not handled", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    a.send(rawFrame(123456), encodePing());
    expect(await a.closed()).toEqual([]);
    const conn = await gw.waitForDisconnect(a.connection.id);
    expect(conn.closeReason).toBe("unknown-command");
    expect(gw.received.map((r) => r.error?.code)).toEqual(["unknown-command"]);
  });

  test("a command only a gateway sends", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    a.send(rawFrame(Cmd.Transfer));
    await a.closed();
    expect((await gw.waitForDisconnect()).closeReason).toBe("unknown-command");
  });

  test("an oversize frame, without waiting for its body; a frame of exactly the limit is fine", async () => {
    const gw = await start({ maxFrameSize: 1024 });
    const a = await RawBusiness.connect(gw);
    // Broadcast body: tag, 2-byte length, 1017 bytes = 1020; payload 4 + 1020 = 1024.
    const max = encodeBroadcast({ data: new Uint8Array(1017) });
    expect(max.length).toBe(4 + 1024);
    a.send(max);
    await a.sync();
    a.send(Uint8Array.of(0, 0, 4, 1)); // declares 1025 bytes; the body never comes
    await a.closed();
    expect((await gw.waitForDisconnect()).closeReason).toBe("oversize");
  });

  test("a frame too short to hold a command id", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    a.send(Uint8Array.of(0, 0, 0, 2, 0x35, 0xa4));
    await a.closed();
    expect((await gw.waitForDisconnect()).closeReason).toBe("truncated");
    expect(gw.received[0]?.error?.code).toBe("truncated");
  });

  test("idle for idleTimeoutMs", async () => {
    const gw = await start({ idleTimeoutMs: 100 });
    const startedAt = Date.now();
    const a = await RawBusiness.connect(gw);
    await a.closed();
    expect((await gw.waitForDisconnect()).closeReason).toBe("idle");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(90);
  });
});

// ---------------------------------------------------------------- controls and lifecycle

describe("controls", () => {
  test("pauseReading holds a connection's frames back and its writes back up until resumeReading", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    const b = await RawBusiness.connect(gw);
    gw.pauseReading(a.connection.id);
    // b's round trip, after a's ping was written, is not held up, and a's ping is not handled.
    a.send(encodePing());
    await b.sync();
    expect(gw.received.filter((r) => r.connectionId === a.connection.id)).toEqual([]);
    expect(a.frames).toEqual([]);

    // 16 MiB is more than the loopback socket buffers take, so the client's
    // writes back up: "drain" comes only after reading resumes.
    const big = encodeBroadcast({ data: new Uint8Array(1024 * 1024) });
    for (let i = 0; i < 16; i++) a.send(big);
    let resumed = false;
    const drained = new Promise<boolean>((resolve) => a.socket.once("drain", () => resolve(resumed)));
    await b.sync();
    await b.sync();
    resumed = true;
    gw.resumeReading(a.connection.id);
    expect(await drained).toBe(true);

    // The ping sent while paused is answered first, then a fresh round trip.
    expect((await a.next()).kind).toBe("pong");
    expect(await a.sync()).toEqual([]);
    expect(a.connection.framesReceived).toBe(18);
    expect(a.connection.bytesReceived).toBe(16 * big.length + 2 * 13);
    // "all" also pauses connections accepted later; b, resumed alone, is the probe.
    gw.pauseReading();
    const c = await RawBusiness.connect(gw);
    c.send(encodePing());
    gw.resumeReading(b.connection.id);
    await b.sync();
    expect(c.connection.framesReceived).toBe(0);
    gw.resumeReading();
    expect((await c.next()).kind).toBe("pong");
  });

  test("sendRaw delivers half a frame before dropConnections; the client reconnects", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    await a.register(1);
    gw.sendFrame("all", Cmd.Transfer, { uniqId: "x", data: text("whole") });
    const transfer = await a.next();
    expect(transfer.cmd === Cmd.Transfer && str(transfer.body.data)).toBe("whole");
    gw.sendRaw(a.connection.id, Uint8Array.of(0, 0, 0, 12, 0x35));
    gw.dropConnections();
    expect(await a.closed()).toEqual([]);
    expect(a.bytes.slice(-5)).toEqual([0, 0, 0, 12, 0x35]);
    expect((await gw.waitForDisconnect(a.connection.id)).closeReason).toBe("dropped");
    expect(gw.connections).toEqual([]);

    const again = await RawBusiness.connect(gw);
    expect((await gw.waitForConnection(2)).id).toBe(again.connection.id);
    expect(again.connection.registration).toBeUndefined();
    gw.dropConnections({ reset: true });
    await again.closed();
    expect(() => gw.sendRaw(again.connection.id, encodePing())).toThrow(/not open/);
  });

  test("stop and restart on the same port: connections are fresh, customers stay", async () => {
    const gw = await start();
    const port = gw.port;
    const a = await RawBusiness.connect(gw);
    await a.register(1);
    const customer = gw.openCustomer({ session: "kept" });
    await a.next(); // ConnOpen

    await gw.stop();
    await a.closed();
    expect(gw.connection(1)?.closeReason).toBe("stopped");
    await expect(RawBusiness.connect(gw)).rejects.toThrow(/ECONNREFUSED/);
    expect(gw.customer(customer.uniqId)?.online).toBe(true);

    await gw.restart();
    expect(gw.port).toBe(port);
    const b = await RawBusiness.connect(gw);
    expect(b.connection.id).toBe(2);
    expect(b.connection.registration).toBeUndefined();
    b.send(encodeCheckOnlineRequest({ uniqIds: [customer.uniqId] }));
    expect((await b.response(Cmd.CheckOnline)).body.uniqIds).toEqual([customer.uniqId]);

    await gw.close();
    await gw.close();
    await expect(gw.waitForConnection(5)).rejects.toThrow(/closed/);
  });

  test("waits time out with a clear message", async () => {
    const gw = await start();
    await expect(gw.waitForFrame((r) => r.frame?.name === "Broadcast", { timeoutMs: 20 })).rejects.toThrow(
      /timed out after 20 ms waiting for a received frame matching the predicate/,
    );
  });
});
