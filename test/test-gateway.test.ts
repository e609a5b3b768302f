/**
 * Tests of the fake gateway in test/support/test-gateway.ts, driven through
 * raw sockets with the generated encoders and decoders (no business client).
 * Synchronisation is by frames: a ping sent after some commands is answered
 * only once they were handled, because the gateway handles frames in order.
 * v6 has no pong, so there a request the port answers plays the ping's part.
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
// v6 exports the same names as v2: everything v6 carries a V6 prefix here.
import {
  Cmd as V6Cmd,
  decodeGatewayFrame as decodeV6GatewayFrame,
  encodeBusinessFrame as encodeV6BusinessFrame,
  encodePing as encodeV6Ping,
  type GatewayFrame as V6GatewayFrame,
  type ResponseFrame as V6ResponseFrame,
} from "../generated/dist/v6/index.js";
import { Event } from "../generated/dist/v6/event_pb.js";
import { RegisterRespCode as V6RegisterRespCode } from "../generated/dist/v6/registerResp_pb.js";
import {
  startTestGateway,
  type BusinessConnection,
  type Customer,
  type PortName,
  type Registration,
  type TestGateway,
  type TestGatewayOptions,
  type TestGatewayV6,
  type TestGatewayV6Options,
  type V6Registration,
} from "./support/test-gateway.js";

// ---------------------------------------------------------------- raw business side

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const str = (b: Uint8Array): string => new TextDecoder().decode(b);
const texts = (inbox: readonly Uint8Array[]): string[] => inbox.map(str);

/** Opens a TCP connection to a gateway port. */
async function openSocket(host: string, port: number): Promise<net.Socket> {
  const socket = net.connect({ host, port });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  return socket;
}

/** A bare socket to a gateway: writes bytes, collects gateway frames decoded by the version's decoder. */
class RawPeer<F, R> {
  readonly frames: F[] = [];
  /** Each frame's length prefix, as frames. */
  readonly lengths: number[] = [];
  /** Bytes received so far. */
  byteCount = 0;
  ended = false;
  private read = 0;
  private readonly chunks: Buffer[] = [];
  // Framing is the same in every version. The gateway limits only what it receives: what it sends may exceed 2 MiB.
  private readonly splitter = new FrameSplitter({ maxFrameSize: 64 * 1024 * 1024 });
  private readonly listeners = new Set<() => void>();

  protected constructor(
    readonly socket: net.Socket,
    readonly connection: BusinessConnection<R>,
    decode: (frame: Uint8Array) => F,
  ) {
    socket.on("data", (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.byteCount += chunk.length;
      this.splitter.push(chunk, (frame) => {
        this.lengths.push(new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0));
        this.frames.push(decode(frame));
      });
      this.wake();
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      this.ended = true;
      this.wake();
    });
    clients.push(this);
  }

  /** Every byte received, for tests of raw and partial frames. */
  get bytes(): number[] {
    return [...Buffer.concat(this.chunks)];
  }

  send(...frames: Uint8Array[]): void {
    for (const frame of frames) this.socket.write(frame);
  }

  /** The frames in one write, so that the gateway reads them in one chunk. */
  sendTogether(...frames: Uint8Array[]): void {
    this.socket.write(Buffer.concat(frames));
  }

  /** The next count frames. */
  async take(count: number, timeoutMs?: number): Promise<F[]> {
    const taken: F[] = [];
    while (taken.length < count) taken.push(await this.next(timeoutMs));
    return taken;
  }

  /** The next frame not yet taken, in arrival order. */
  next(timeoutMs = 2000): Promise<F> {
    return this.until(() => (this.read < this.frames.length ? this.frames[this.read++] : undefined), "the next frame", timeoutMs);
  }

  /** Resolves when the socket closed, with the frames not taken yet. */
  async closed(timeoutMs = 2000): Promise<F[]> {
    await this.until(() => this.ended || undefined, "the connection to close", timeoutMs);
    return this.frames.slice(this.read);
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

/** A v2 business process made of a bare socket. */
class RawBusiness extends RawPeer<GatewayFrame, Registration> {
  static async connect(gateway: TestGateway): Promise<RawBusiness> {
    const socket = await openSocket(gateway.host, gateway.port);
    const port = socket.localPort;
    const connection = await gateway.waitUntil(() => gateway.connections.find((c) => c.remotePort === port), `the gateway to accept port ${port}`);
    return new RawBusiness(socket, connection, decodeGatewayFrame);
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

  async register(workerId = 1, serverId = 1, processCmdGoroutineNum = 1): Promise<string> {
    this.send(encodeRegisterRequest({ workerId, serverId, processCmdGoroutineNum }));
    const answer = await this.response(Cmd.Register);
    expect(answer.body.code).toBe(RegisterRespCode.Success);
    return answer.body.registerId;
  }
}

/** A v6 business connection to the worker or the task port, made of a bare socket. */
class RawV6 extends RawPeer<V6GatewayFrame, V6Registration> {
  static async connect(gateway: TestGatewayV6, port: PortName): Promise<RawV6> {
    const socket = await openSocket(gateway.host, port === "worker" ? gateway.workerPort : gateway.taskPort);
    const local = socket.localPort;
    // Both ports are matched: one client port may be reused towards two server ports.
    const connection = await gateway.waitUntil(
      () => gateway.connections.find((c) => c.port === port && c.remotePort === local),
      `the gateway to accept port ${local} on its ${port} port`,
    );
    return new RawV6(socket, connection, decodeV6GatewayFrame);
  }

  /** The next frame, which must be the answer to a request of cmd. */
  async response<C extends V6ResponseFrame["cmd"]>(cmd: C): Promise<V6ResponseFrame<C>> {
    const frame = await this.next();
    expect(frame.kind).toBe("response");
    expect(frame.cmd).toBe(cmd);
    return frame as V6ResponseFrame<C>;
  }

  /**
   * v6 never answers a ping, so a round trip is a request the port answers:
   * an Unregister naming no connId (worker port), a UniqIdCount (task port).
   * Returns the frames that came before its answer.
   */
  async sync(): Promise<V6GatewayFrame[]> {
    const worker = this.connection.port === "worker";
    this.send(worker ? encodeV6BusinessFrame(V6Cmd.Unregister, { connId: "" }) : encodeV6BusinessFrame(V6Cmd.UniqIdCount));
    const answer = worker ? V6Cmd.Unregister : V6Cmd.UniqIdCount;
    const before: V6GatewayFrame[] = [];
    for (;;) {
      const frame = await this.next();
      if (frame.kind === "response" && frame.cmd === answer) return before;
      before.push(frame);
    }
  }

  /** Registers a worker-port connection for the Event bits; returns its connId. */
  async register(events: number): Promise<string> {
    this.send(encodeV6BusinessFrame(V6Cmd.Register, { events }));
    const answer = await this.response(V6Cmd.Register);
    expect(answer.body.code).toBe(V6RegisterRespCode.Success);
    return answer.body.connId;
  }
}

const clients: { readonly socket: net.Socket }[] = [];
let gateway: TestGateway | TestGatewayV6 | undefined;

async function start(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const started = await startTestGateway(options);
  gateway = started;
  return started;
}

async function startV6(options: Omit<TestGatewayV6Options, "protocol"> = {}): Promise<TestGatewayV6> {
  const started = await startTestGateway({ ...options, protocol: "v6" });
  gateway = started;
  return started;
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

// ---------------------------------------------------------------- v6 mode

describe("v6 mode", () => {
  /** The 4 command-id bytes of a frame. */
  const cmdBytes = (frame: Uint8Array): number[] => [...frame.subarray(4, 8)];

  test("Register{events: 7} on the worker port is the facts-sheet vector, answered with Success and a 32-hex connId", async () => {
    const gw = await startV6();
    const w = await RawV6.connect(gw, "worker");
    expect(w.connection.port).toBe("worker");
    const vector = Uint8Array.of(0x00, 0x00, 0x00, 0x06, 0x35, 0xa4, 0xf4, 0xb9, 0x08, 0x07);
    expect(encodeV6BusinessFrame(V6Cmd.Register, { events: 7 })).toEqual(vector);

    w.send(vector);
    const ok = (await w.response(V6Cmd.Register)).body;
    expect([ok.code, ok.message]).toEqual([V6RegisterRespCode.Success, "Success"]);
    expect(ok.connId).toMatch(/^[0-9a-f]{32}$/);
    expect(w.connection.registration).toEqual({ events: 7, connId: ok.connId });
    expect((await gw.waitForRegistration(Event.OnOpen | Event.OnMessage)).id).toBe(w.connection.id);

    // InvalidEvent is checked before DuplicateRegister, as by the gateway.
    w.send(encodeV6BusinessFrame(V6Cmd.Register, { events: 0 }), encodeV6BusinessFrame(V6Cmd.Register, { events: Event.OnClose }));
    const invalid = (await w.response(V6Cmd.Register)).body;
    expect([invalid.code, invalid.message, invalid.connId]).toEqual([V6RegisterRespCode.InvalidEvent, "InvalidEvent", ""]);
    const dup = (await w.response(V6Cmd.Register)).body;
    expect([dup.code, dup.message, dup.connId]).toEqual([V6RegisterRespCode.DuplicateRegister, "DuplicateRegister", ""]);
    expect(w.connection.registration?.connId).toBe(ok.connId);
  });

  test("Register answers InvalidEvent for events 0 and 8, UnmarshalError for a bad body, and keeps the connection", async () => {
    const gw = await startV6();
    const w = await RawV6.connect(gw, "worker");
    const cases: [Uint8Array, V6RegisterRespCode][] = [
      [encodeV6BusinessFrame(V6Cmd.Register, { events: 0 }), V6RegisterRespCode.InvalidEvent],
      [encodeV6BusinessFrame(V6Cmd.Register, { events: 8 }), V6RegisterRespCode.InvalidEvent],
      // Field 1 as a varint whose continuation byte never comes.
      [rawFrame(V6Cmd.Register, Uint8Array.of(0x08, 0x80)), V6RegisterRespCode.UnmarshalError],
    ];
    for (const [frame] of cases) w.send(frame);
    for (const [, code] of cases) {
      const body = (await w.response(V6Cmd.Register)).body;
      expect([body.code, body.message, body.connId]).toEqual([code, V6RegisterRespCode[code], ""]);
    }
    expect(gw.received.at(-1)?.error?.code).toBe("invalid-body");
    expect(w.connection.registration).toBeUndefined();
    // An unknown bit next to a valid one is accepted; only the valid one routes events.
    await w.register(8 | Event.OnMessage);
    expect(w.connection.open).toBe(true);
  });

  test("Unregister{connId} from any worker connection removes that registration; an unknown connId changes nothing", async () => {
    const gw = await startV6();
    const a = await RawV6.connect(gw, "worker");
    const b = await RawV6.connect(gw, "worker");
    const connId = await a.register(Event.OnOpen);
    b.send(encodeV6BusinessFrame(V6Cmd.Unregister, { connId: "0".repeat(32) }));
    await b.response(V6Cmd.Unregister);
    expect(a.connection.registration?.connId).toBe(connId);

    b.send(encodeV6BusinessFrame(V6Cmd.Unregister, { connId }));
    const answer = await b.response(V6Cmd.Unregister);
    // UnRegisterResp is empty: the frame is the bare 8-byte header.
    expect(b.bytes.slice(-8)).toEqual([0, 0, 0, 4, ...cmdBytes(encodeV6BusinessFrame(V6Cmd.Unregister, {}))]);
    expect(answer.name).toBe("Unregister");
    expect(a.connection.registration).toBeUndefined();
    gw.openCustomer();
    expect(await a.sync()).toEqual([]);
    // This fake lets the connection register again (see the file's simplifications).
    expect(await a.register(Event.OnOpen)).not.toBe(connId);
  });

  test("the v6 ping is accepted on both ports and never answered", async () => {
    const gw = await startV6();
    const w = await RawV6.connect(gw, "worker");
    const t = await RawV6.connect(gw, "task");
    const ping = encodeV6Ping();
    expect([...ping]).toEqual([0x00, 0x00, 0x00, 0x0e, ...text("~6YOt5rW35piO~")]);

    // Frames are handled in order: were the ping answered, that answer would come first.
    t.send(ping, encodeV6BusinessFrame(V6Cmd.UniqIdCount));
    expect((await t.response(V6Cmd.UniqIdCount)).body.count).toBe(0);
    w.send(ping, encodeV6BusinessFrame(V6Cmd.Unregister, { connId: "" }));
    await w.response(V6Cmd.Unregister);
    // Each answer has an empty body (count 0 is not encoded): 8 bytes each, and nothing else came.
    expect([t.bytes.length, w.bytes.length]).toEqual([8, 8]);
    expect(gw.received.filter((r) => r.frame?.kind === "ping").map((r) => r.connectionId)).toEqual([t.connection.id, w.connection.id]);
    expect([w.connection.open, t.connection.open, w.connection.framesReceived, t.connection.framesReceived]).toEqual([true, true, 2, 2]);
  });

  test("the worker port closes on SingleCast, the task port on Register and Unregister", async () => {
    const gw = await startV6();
    const customer = gw.openCustomer();
    const single = encodeV6BusinessFrame(V6Cmd.SingleCast, { uniqId: customer.uniqId, data: text("never") });
    expect(cmdBytes(single)).toEqual([0x35, 0xa4, 0xf0, 0xd6]);

    const w = await RawV6.connect(gw, "worker");
    // Frames after it are not handled either.
    w.send(single, encodeV6BusinessFrame(V6Cmd.Register, { events: 7 }));
    expect(await w.closed()).toEqual([]);
    expect((await gw.waitForDisconnect(w.connection.id)).closeReason).toBe("wrong-port");
    expect(customer.inbox).toEqual([]);
    expect(w.connection.registration).toBeUndefined();

    for (const frame of [encodeV6BusinessFrame(V6Cmd.Register, { events: 7 }), encodeV6BusinessFrame(V6Cmd.Unregister, { connId: "" })]) {
      const t = await RawV6.connect(gw, "task");
      t.send(frame, encodeV6BusinessFrame(V6Cmd.UniqIdCount));
      expect(await t.closed()).toEqual([]);
      expect((await gw.waitForDisconnect(t.connection.id)).closeReason).toBe("wrong-port");
    }

    // A task command closes the worker port before its body is looked at; an event id is unknown everywhere.
    const bad = await RawV6.connect(gw, "worker");
    bad.send(rawFrame(V6Cmd.Broadcast, Uint8Array.of(0x0a, 0x05)));
    await bad.closed();
    expect((await gw.waitForDisconnect(bad.connection.id)).closeReason).toBe("wrong-port");
    const event = await RawV6.connect(gw, "task");
    event.send(rawFrame(V6Cmd.Transfer));
    await event.closed();
    expect((await gw.waitForDisconnect(event.connection.id)).closeReason).toBe("unknown-command");
  });

  test("events go only to connections registered for their bit, round-robin, with customerId, session and topics", async () => {
    const gw = await startV6();
    const open = await RawV6.connect(gw, "worker");
    const openClose = await RawV6.connect(gw, "worker");
    const message = await RawV6.connect(gw, "worker");
    const unregistered = await RawV6.connect(gw, "worker");
    const task = await RawV6.connect(gw, "task");
    await open.register(Event.OnOpen);
    await openClose.register(Event.OnOpen | Event.OnClose);
    await message.register(Event.OnMessage);

    const alice = gw.openCustomer({
      rawQuery: "token=abc",
      xForwardedFor: "10.0.0.1",
      xRealIp: "10.0.0.2",
      remoteAddr: "10.0.0.3:5000",
      customerId: "u1",
      session: "s1",
      topics: ["news"],
    });
    const bob = gw.openCustomer();
    // ConnOpen alternates over the two OnOpen connections.
    const first = await open.next();
    expect(first.cmd === V6Cmd.ConnOpen && first.body).toMatchObject({
      uniqId: alice.uniqId,
      rawQuery: "token=abc",
      xForwardedFor: "10.0.0.1",
      xRealIp: "10.0.0.2",
      remoteAddr: "10.0.0.3:5000",
    });
    const second = await openClose.next();
    expect(second.cmd === V6Cmd.ConnOpen && second.body.uniqId).toBe(bob.uniqId);

    expect(gw.customerSends(alice.uniqId, "hello")).toBe(message.connection.id);
    const transfer = await message.next();
    expect(transfer.cmd === V6Cmd.Transfer && [transfer.body.uniqId, transfer.body.customerId, transfer.body.session, transfer.body.topics, str(transfer.body.data)]).toEqual([
      alice.uniqId,
      "u1",
      "s1",
      ["news"],
      "hello",
    ]);

    gw.closeCustomer(alice.uniqId);
    const close = await openClose.next();
    expect(close.cmd === V6Cmd.ConnClose && [close.body.uniqId, close.body.customerId, close.body.session, close.body.topics]).toEqual([alice.uniqId, "u1", "s1", ["news"]]);

    // Nothing else went anywhere.
    for (const peer of [open, openClose, message, unregistered, task]) expect(await peer.sync()).toEqual([]);
    // With no OnMessage connection left, a customer's message goes nowhere.
    message.send(encodeV6BusinessFrame(V6Cmd.Unregister, { connId: message.connection.registration?.connId ?? "" }));
    await message.response(V6Cmd.Unregister);
    expect(gw.customerSends(bob.uniqId, "lost")).toBeUndefined();
  });

  test("uniqIds are 28 hex digits: task port address and port, timestamp, counter", async () => {
    const gw = await startV6();
    expect(gw.port).toBe(gw.workerPort);
    expect(gw.taskPort).not.toBe(gw.workerPort);
    const first = gw.openCustomer().uniqId;
    const second = gw.openCustomer().uniqId;
    expect(first).toMatch(/^[0-9a-f]{28}$/);
    // The first 12 hex digits name the gateway by its task address: 127.0.0.1 and the task port.
    expect(first.slice(0, 12)).toBe(`7f000001${gw.taskPort.toString(16).padStart(4, "0")}`);
    expect(second.slice(0, 12)).toBe(first.slice(0, 12));
    expect(Math.abs(parseInt(first.slice(12, 20), 16) - Date.now() / 1000)).toBeLessThan(5);
    expect(parseInt(second.slice(20), 16)).toBe(parseInt(first.slice(20), 16) + 1);
  });

  test("every v6 query on the task port is answered with its own command id, in order", async () => {
    const gw = await startV6({ limits: { onOpen: 10, onMessage: 20 } });
    const t = await RawV6.connect(gw, "task");
    expect(t.connection.port).toBe("task");
    const alice = gw.openCustomer({ session: "alice", customerId: "u1", topics: ["news", "chat"] });
    const bob = gw.openCustomer({ customerId: "u2", topics: ["news"] });
    const carol = gw.openCustomer({ customerId: "u1" });
    const dave = gw.openCustomer({ topics: ["news"] });

    const requests = [
      encodeV6BusinessFrame(V6Cmd.CheckOnline, { uniqIds: [bob.uniqId, "f".repeat(28), alice.uniqId] }),
      encodeV6BusinessFrame(V6Cmd.CustomerIdList),
      encodeV6BusinessFrame(V6Cmd.CustomerIdCount),
      encodeV6BusinessFrame(V6Cmd.UniqIdList),
      encodeV6BusinessFrame(V6Cmd.UniqIdCount),
      encodeV6BusinessFrame(V6Cmd.TopicList),
      encodeV6BusinessFrame(V6Cmd.TopicCount),
      encodeV6BusinessFrame(V6Cmd.TopicUniqIdList, { topics: ["news", "none"] }),
      encodeV6BusinessFrame(V6Cmd.TopicUniqIdCount, { topics: ["chat"] }),
      encodeV6BusinessFrame(V6Cmd.TopicUniqIdCount, { topics: ["chat"], countAll: true }),
      encodeV6BusinessFrame(V6Cmd.TopicCustomerIdList, { topics: ["news", "chat", "none"] }),
      encodeV6BusinessFrame(V6Cmd.TopicCustomerIdToUniqIdsList, { topics: ["news"] }),
      encodeV6BusinessFrame(V6Cmd.TopicCustomerIdCount, { topics: ["news"] }),
      encodeV6BusinessFrame(V6Cmd.TopicCustomerIdCount, { countAll: true }),
      encodeV6BusinessFrame(V6Cmd.ConnInfo, { uniqIds: [alice.uniqId, "nobody"], reqSession: true, reqTopic: true }),
      encodeV6BusinessFrame(V6Cmd.ConnInfo, { uniqIds: [alice.uniqId], reqCustomerId: true }),
      encodeV6BusinessFrame(V6Cmd.ConnInfoByCustomerId, { customerIds: ["u1", "none"], reqSession: true, reqUniqId: true }),
      encodeV6BusinessFrame(V6Cmd.Metrics),
      encodeV6BusinessFrame(V6Cmd.Limit, { onOpen: 5, onMessage: 0 }),
      encodeV6BusinessFrame(V6Cmd.Limit, { onOpen: -1, onMessage: 7 }),
    ];
    t.send(...requests);

    expect((await t.response(V6Cmd.CheckOnline)).body.uniqIds).toEqual([bob.uniqId, alice.uniqId]);
    expect((await t.response(V6Cmd.CustomerIdList)).body.customerIds).toEqual(["u1", "u2"]);
    expect((await t.response(V6Cmd.CustomerIdCount)).body.count).toBe(2);
    expect((await t.response(V6Cmd.UniqIdList)).body.uniqIds).toEqual([alice.uniqId, bob.uniqId, carol.uniqId, dave.uniqId]);
    expect((await t.response(V6Cmd.UniqIdCount)).body.count).toBe(4);
    expect((await t.response(V6Cmd.TopicList)).body.topics).toEqual(["news", "chat"]);
    expect((await t.response(V6Cmd.TopicCount)).body.count).toBe(2);
    const topicUniqIds = (await t.response(V6Cmd.TopicUniqIdList)).body.items;
    expect(Object.keys(topicUniqIds)).toEqual(["news"]);
    expect(topicUniqIds["news"]?.uniqIds).toEqual([alice.uniqId, bob.uniqId, dave.uniqId]);
    expect((await t.response(V6Cmd.TopicUniqIdCount)).body.items).toEqual({ chat: 1 });
    expect((await t.response(V6Cmd.TopicUniqIdCount)).body.items).toEqual({ news: 3, chat: 1 });
    const topicCustomers = (await t.response(V6Cmd.TopicCustomerIdList)).body.items;
    expect(Object.entries(topicCustomers).map(([topic, item]) => [topic, item.customerIds])).toEqual([
      ["news", ["u1", "u2"]],
      ["chat", ["u1"]],
    ]);
    const topicCustomerUniqIds = (await t.response(V6Cmd.TopicCustomerIdToUniqIdsList)).body.items;
    expect(Object.keys(topicCustomerUniqIds)).toEqual(["news"]);
    expect(Object.entries(topicCustomerUniqIds["news"]?.items ?? {}).map(([customerId, item]) => [customerId, item.uniqIds])).toEqual([
      ["u1", [alice.uniqId]],
      ["u2", [bob.uniqId]],
    ]);
    expect((await t.response(V6Cmd.TopicCustomerIdCount)).body.items).toEqual({ news: 2 });
    expect((await t.response(V6Cmd.TopicCustomerIdCount)).body.items).toEqual({ news: 2, chat: 1 });
    const info = (await t.response(V6Cmd.ConnInfo)).body.items;
    expect(Object.keys(info)).toEqual([alice.uniqId]);
    expect(info[alice.uniqId]).toMatchObject({ session: "alice", customerId: "", topics: ["news", "chat"] });
    expect((await t.response(V6Cmd.ConnInfo)).body.items[alice.uniqId]).toMatchObject({ session: "", customerId: "u1", topics: [] });
    const byCustomer = (await t.response(V6Cmd.ConnInfoByCustomerId)).body.items;
    expect(Object.keys(byCustomer)).toEqual(["u1"]);
    expect(byCustomer["u1"]?.items.map((i) => [i.session, i.uniqId, i.topics])).toEqual([
      ["alice", alice.uniqId, []],
      ["", carol.uniqId, []],
    ]);
    const metrics = (await t.response(V6Cmd.Metrics)).body.items;
    expect([metrics[1]?.item, metrics[1]?.count]).toEqual([1, 4n]);
    // A value <= 0 leaves that limit as it is; the answer holds the current limits.
    expect((await t.response(V6Cmd.Limit)).body).toMatchObject({ onOpen: 5, onMessage: 20 });
    expect((await t.response(V6Cmd.Limit)).body).toMatchObject({ onOpen: 5, onMessage: 7 });
    expect(gw.limits).toEqual({ onOpen: 5, onMessage: 7 });

    expect(gw.received.map((r) => r.frame?.cmd)).toEqual(requests.map((f) => new DataView(f.buffer, f.byteOffset).getUint32(4)));
    expect(t.connection.open).toBe(true);
  });

  test("one-way commands by uniqId and by customerId reach customers; customerId is set, cleared and guards ForceOfflineGuest", async () => {
    const gw = await startV6();
    const w = await RawV6.connect(gw, "worker");
    await w.register(Event.OnClose);
    const t = await RawV6.connect(gw, "task");
    const alice = gw.openCustomer({ customerId: "u1", session: "s-alice" });
    const alice2 = gw.openCustomer({ customerId: "u1" });
    const bob = gw.openCustomer({ customerId: "u2" });
    const guest = gw.openCustomer();
    const carol = gw.openCustomer({ session: "carol" });

    t.send(
      encodeV6BusinessFrame(V6Cmd.MulticastByCustomerId, { customerIds: ["u1", "u2", "nobody"], data: text("m") }),
      encodeV6BusinessFrame(V6Cmd.SingleCastByCustomerId, { customerId: "u2", data: text("s") }),
      // "" is no customerId: it reaches nobody, not the customers without one.
      encodeV6BusinessFrame(V6Cmd.SingleCastByCustomerId, { customerId: "", data: text("nobody") }),
      encodeV6BusinessFrame(V6Cmd.SingleCastBulkByCustomerId, { customerIds: ["u1", "u2"], data: [text("b1"), text("b2")] }),
      encodeV6BusinessFrame(V6Cmd.SingleCastBulkByCustomerId, { customerIds: ["u2"], data: [text("x"), text("y")] }),
      encodeV6BusinessFrame(V6Cmd.SingleCastBulkByCustomerId, { customerIds: ["u1", "u2"], data: [text("bad shape")] }),
      encodeV6BusinessFrame(V6Cmd.SingleCast, { uniqId: carol.uniqId, data: text("c") }),
      encodeV6BusinessFrame(V6Cmd.Multicast, { uniqIds: [guest.uniqId, "gone"], data: text("g") }),
      encodeV6BusinessFrame(V6Cmd.SingleCastBulk, { uniqIds: [guest.uniqId, carol.uniqId], data: [text("g2"), text("c2")] }),
      encodeV6BusinessFrame(V6Cmd.Broadcast, { data: text("all") }),
    );
    expect(await t.sync()).toEqual([]);
    expect(texts(alice.inbox)).toEqual(["m", "b1", "all"]);
    expect(texts(alice2.inbox)).toEqual(["m", "b1", "all"]);
    expect(texts(bob.inbox)).toEqual(["m", "s", "b2", "x", "y", "all"]);
    expect(texts(guest.inbox)).toEqual(["g", "g2", "all"]);
    expect(texts(carol.inbox)).toEqual(["c", "c2", "all"]);

    // ConnInfoUpdate sets session, customerId and topics; ConnInfoDelete clears them.
    t.send(
      encodeV6BusinessFrame(V6Cmd.ConnInfoUpdate, { uniqId: guest.uniqId, newSession: "g", newCustomerId: "u3", newTopics: ["t1"], data: text("upd") }),
      encodeV6BusinessFrame(V6Cmd.ConnInfoDelete, { uniqId: alice.uniqId, delSession: true, delCustomerId: true, delTopic: true, data: text("del") }),
      encodeV6BusinessFrame(V6Cmd.TopicSubscribe, { uniqId: bob.uniqId, topics: ["t1", "t2"] }),
      encodeV6BusinessFrame(V6Cmd.TopicUnsubscribe, { uniqId: bob.uniqId, topics: ["t2"] }),
      encodeV6BusinessFrame(V6Cmd.TopicPublish, { topics: ["t1"], data: text("p") }),
      encodeV6BusinessFrame(V6Cmd.TopicPublishBulk, { topics: ["t1"], data: [text("q1"), text("q2")] }),
      encodeV6BusinessFrame(V6Cmd.CustomerIdList),
    );
    expect((await t.response(V6Cmd.CustomerIdList)).body.customerIds).toEqual(["u1", "u2", "u3"]);
    expect([guest.session, guest.customerId, guest.topics]).toEqual(["g", "u3", ["t1"]]);
    expect(texts(guest.inbox).slice(-4)).toEqual(["upd", "p", "q1", "q2"]);
    expect([alice.session, alice.customerId, texts(alice.inbox).at(-1)]).toEqual(["", "", "del"]);
    expect([bob.topics, texts(bob.inbox).slice(-3)]).toEqual([["t1"], ["p", "q1", "q2"]]);
    t.send(encodeV6BusinessFrame(V6Cmd.TopicDelete, { topics: ["t1"], data: text("gone") }));
    await t.sync();
    expect([guest.topics, bob.topics, texts(bob.inbox).at(-1)]).toEqual([[], [], "gone"]);

    // ForceOfflineGuest closes only customers with neither session nor customerId: alice is one now.
    t.send(encodeV6BusinessFrame(V6Cmd.ForceOfflineGuest, { uniqIds: [alice.uniqId, alice2.uniqId, carol.uniqId], delay: 1, data: text("bye guest") }));
    await t.sync();
    expect([alice.online, alice2.online, carol.online, texts(alice.inbox).at(-1)]).toEqual([false, true, true, "bye guest"]);

    // ForceOfflineByCustomerId closes every connection of the customerId, data first.
    t.send(encodeV6BusinessFrame(V6Cmd.ForceOfflineByCustomerId, { customerIds: ["u1"], data: text("kick") }));
    t.send(encodeV6BusinessFrame(V6Cmd.ForceOffline, { uniqIds: [carol.uniqId] }));
    await t.sync();
    expect([alice2.online, texts(alice2.inbox).at(-1), carol.online, bob.online]).toEqual([false, "kick", false, true]);
    const closes = await w.sync();
    expect(closes.map((f) => f.cmd === V6Cmd.ConnClose && [f.body.uniqId, f.body.customerId, f.body.session])).toEqual([
      [alice.uniqId, "", ""],
      [alice2.uniqId, "u1", ""],
      [carol.uniqId, "", "carol"],
    ]);
  });

  test("idle connections are closed on both ports", async () => {
    const gw = await startV6({ idleTimeoutMs: 100 });
    const startedAt = Date.now();
    const w = await RawV6.connect(gw, "worker");
    const t = await RawV6.connect(gw, "task");
    await Promise.all([w.closed(), t.closed()]);
    expect((await gw.waitForDisconnect(w.connection.id)).closeReason).toBe("idle");
    expect((await gw.waitForDisconnect(t.connection.id)).closeReason).toBe("idle");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(90);
  });

  test("controls work on both ports; stop and restart handle both listeners", async () => {
    const gw = await startV6();
    const { workerPort, taskPort } = gw;
    const w = await RawV6.connect(gw, "worker");
    const t = await RawV6.connect(gw, "task");
    await w.register(Event.OnMessage);

    // Held replies of both ports; an event overtakes them.
    gw.holdReplies();
    t.send(encodeV6BusinessFrame(V6Cmd.UniqIdCount));
    w.send(encodeV6BusinessFrame(V6Cmd.Unregister, { connId: "" }));
    await gw.waitUntil(() => gw.heldReplies === 2, "two held replies");
    gw.sendFrame(w.connection.id, V6Cmd.Transfer, { uniqId: "x", customerId: "c", data: text("unsolicited") });
    const unsolicited = await w.next();
    expect(unsolicited.cmd === V6Cmd.Transfer && [unsolicited.body.customerId, str(unsolicited.body.data)]).toEqual(["c", "unsolicited"]);
    gw.releaseReplies();
    await t.response(V6Cmd.UniqIdCount);
    await w.response(V6Cmd.Unregister);

    // ignoreRequests: Register is a request too.
    gw.ignoreRequests(true);
    const w2 = await RawV6.connect(gw, "worker");
    w2.send(encodeV6BusinessFrame(V6Cmd.Register, { events: 7 }));
    await gw.waitForFrame((r) => r.connectionId === w2.connection.id && r.frame?.name === "Register");
    expect(w2.connection.registration).toBeUndefined();
    gw.ignoreRequests(false);

    // pauseReading holds a task connection's request back until resumeReading.
    gw.pauseReading(t.connection.id);
    t.send(encodeV6BusinessFrame(V6Cmd.TopicCount));
    expect(await w.sync()).toEqual([]);
    expect(t.frames).toHaveLength(1);
    gw.resumeReading(t.connection.id);
    await t.response(V6Cmd.TopicCount);

    await gw.stop();
    await Promise.all([w.closed(), t.closed(), w2.closed()]);
    expect([w.connection.closeReason, t.connection.closeReason, w2.connection.closeReason]).toEqual(["stopped", "stopped", "stopped"]);
    await expect(RawV6.connect(gw, "worker")).rejects.toThrow(/ECONNREFUSED/);
    await expect(RawV6.connect(gw, "task")).rejects.toThrow(/ECONNREFUSED/);

    await gw.restart();
    expect([gw.workerPort, gw.taskPort]).toEqual([workerPort, taskPort]);
    const t2 = await RawV6.connect(gw, "task");
    const w3 = await RawV6.connect(gw, "worker");
    expect(w3.connection.registration).toBeUndefined();
    expect(await t2.sync()).toEqual([]);
    expect(gw.openCustomer().uniqId.slice(8, 12)).toBe(taskPort.toString(16).padStart(4, "0"));

    // Half a frame, flushed before the drop's FIN.
    gw.sendRaw(t2.connection.id, Uint8Array.of(0, 0, 0, 12, 0x35));
    gw.dropConnections();
    await Promise.all([t2.closed(), w3.closed()]);
    expect(t2.bytes.slice(-5)).toEqual([0, 0, 0, 12, 0x35]);
    expect((await gw.waitForDisconnect(t2.connection.id)).closeReason).toBe("dropped");
    expect((await gw.waitForDisconnect(w3.connection.id)).closeReason).toBe("dropped");
  });
});

// ---------------------------------------------------------------- frame sizes

describe("frames the gateway sends are not limited to 2 MiB", () => {
  const twoMiB = 2 * 1024 * 1024;

  test("v2: a customer message of 2,097,132 bytes arrives as a Transfer of length 2,097,157", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    await a.register(1);
    const customer = gw.openCustomer();
    await a.next(); // ConnOpen
    // The customer's message starts with the 3-digit worker id; the Transfer carries the rest.
    const data = new Uint8Array(2_097_132 - 3).fill(0x61);
    expect(gw.customerSends(customer.uniqId, data)).toBe(a.connection.id);
    const transfer = await a.next();
    expect(transfer.cmd === Cmd.Transfer && [transfer.body.uniqId, transfer.body.session, transfer.body.data.length]).toEqual([customer.uniqId, "", data.length]);
    // cmd 4 + uniqId (2 + 18) + data (1 + 3-byte varint + 2,097,129), as the real gateway sent it.
    expect(a.lengths.at(-1)).toBe(2_097_157);
    expect(a.lengths.at(-1)).toBeGreaterThan(twoMiB);
    expect(await a.sync()).toEqual([]);
    expect(a.connection.open).toBe(true);
  });

  test("v2: a ConnInfo answer with two 1.2 MB sessions is longer than 2 MiB", async () => {
    const gw = await start();
    const a = await RawBusiness.connect(gw);
    const customers = ["a", "b"].map((c) => gw.openCustomer({ session: c.repeat(1_200_000), topics: ["t"] }));
    a.send(encodeConnInfoRequest({ uniqIds: customers.map((c) => c.uniqId) }));
    const items = (await a.response(Cmd.ConnInfo)).body.items;
    expect(customers.map((c) => items[c.uniqId]?.session)).toEqual(customers.map((c) => c.session));
    expect(a.lengths.at(-1)).toBeGreaterThan(twoMiB);
  });

  test("v6: a Transfer and a ConnInfo answer longer than 2 MiB", async () => {
    const gw = await startV6();
    const w = await RawV6.connect(gw, "worker");
    await w.register(Event.OnMessage);
    const t = await RawV6.connect(gw, "task");
    const customer = gw.openCustomer({ session: "s".repeat(1_200_000) });
    const other = gw.openCustomer({ session: "o".repeat(1_200_000) });

    const data = new Uint8Array(2_097_132).fill(0x62);
    gw.customerSends(customer.uniqId, data);
    const transfer = await w.next();
    expect(transfer.cmd === V6Cmd.Transfer && transfer.body.data.length).toBe(data.length);
    // The Transfer also carries the 1.2 MB session.
    expect(w.lengths.at(-1)).toBeGreaterThan(data.length + 1_200_000);

    t.send(encodeV6BusinessFrame(V6Cmd.ConnInfo, { uniqIds: [customer.uniqId, other.uniqId], reqSession: true }));
    const items = (await t.response(V6Cmd.ConnInfo)).body.items;
    expect([items[customer.uniqId]?.session.length, items[other.uniqId]?.session.length]).toEqual([1_200_000, 1_200_000]);
    expect(t.lengths.at(-1)).toBeGreaterThan(twoMiB);
  });
});

// ---------------------------------------------------------------- processCmdGoroutineNum

describe("processCmdGoroutineNum (v2)", () => {
  const check = (customer: Customer): Uint8Array => encodeCheckOnlineRequest({ uniqIds: [customer.uniqId] });
  /** A frame as a short label: a CheckOnline answer by the index of the customer it names. */
  const label = (frame: GatewayFrame, customers: readonly Customer[]): string =>
    frame.cmd === Cmd.CheckOnline ? `CheckOnline ${customers.findIndex((c) => c.uniqId === frame.body.uniqIds[0])}` : frame.name;

  /** CheckOnline for each customer, in one write; the customers' indexes in the order the answers came. */
  async function answerOrder(peer: RawBusiness, customers: readonly Customer[]): Promise<string[]> {
    peer.sendTogether(...customers.map(check));
    return (await peer.take(customers.length)).map((f) => label(f, customers));
  }
  const inOrder = (n: number): string[] => Array.from({ length: n }, (_, i) => `CheckOnline ${i}`);
  const swapped = (order: readonly number[]): string[] => order.map((i) => `CheckOnline ${i}`);

  test("with 8, answers to requests read together come back swapped in pairs; with 1, or unregistered, in order", async () => {
    const gw = await start();
    const customers = Array.from({ length: 10 }, () => gw.openCustomer());

    const eight = await RawBusiness.connect(gw);
    await eight.register(1, 1, 8);
    expect([eight.connection.registration?.processCmdGoroutineNum, eight.connection.commandWorkers]).toEqual([8, 8]);
    expect(await answerOrder(eight, customers)).toEqual(swapped([1, 0, 3, 2, 5, 4, 7, 6, 9, 8]));
    // An odd one out comes alone, at the end of the chunk; a pong, answered at once, overtakes it.
    expect(await answerOrder(eight, customers.slice(0, 3))).toEqual(swapped([1, 0, 2]));
    eight.sendTogether(check(customers[0]!), encodePing());
    expect((await eight.take(2)).map((f) => label(f, customers))).toEqual(["Pong", "CheckOnline 0"]);

    const one = await RawBusiness.connect(gw);
    await one.register(1, 1, 1);
    expect(one.connection.commandWorkers).toBe(1);
    expect(await answerOrder(one, customers)).toEqual(inOrder(10));

    const unregistered = await RawBusiness.connect(gw);
    expect(await answerOrder(unregistered, customers)).toEqual(inOrder(10));
  });

  test("the command workers start at a successful Register, not a failed one, and outlive Unregister", async () => {
    const gw = await start();
    const customers = Array.from({ length: 5 }, () => gw.openCustomer());
    const a = await RawBusiness.connect(gw);

    // A refused Register starts nothing.
    a.sendTogether(encodeRegisterRequest({ workerId: 1, serverId: 2, processCmdGoroutineNum: 4 }), ...customers.slice(0, 2).map(check));
    expect((await a.take(3)).map((f) => label(f, customers))).toEqual(["Register", ...inOrder(2)]);
    expect(a.connection.commandWorkers).toBe(1);

    // Requests before the Register in the same chunk are answered in order, those after it are not.
    a.sendTogether(
      check(customers[0]!),
      check(customers[1]!),
      encodeRegisterRequest({ workerId: 1, serverId: 1, processCmdGoroutineNum: 4 }),
      ...customers.slice(2).map(check),
    );
    const answers = await a.take(6);
    expect(answers.map((f) => label(f, customers))).toEqual(["CheckOnline 0", "CheckOnline 1", "Register", ...swapped([3, 2, 4])]);
    const registerId = answers[2]?.cmd === Cmd.Register ? answers[2].body.registerId : "";
    expect(a.connection.commandWorkers).toBe(4);

    // Unregister ends the registration, not the goroutines.
    a.send(encodeBusinessFrame(Cmd.Unregister, { workerId: 1, registerId }));
    await a.response(Cmd.Unregister);
    expect(a.connection.registration).toBeUndefined();
    expect(await answerOrder(a, customers.slice(0, 2))).toEqual(swapped([1, 0]));
  });

  test("reorderAnswers: false keeps answers in order", async () => {
    const gw = await start({ reorderAnswers: false });
    const customers = Array.from({ length: 6 }, () => gw.openCustomer());
    const a = await RawBusiness.connect(gw);
    await a.register(1, 1, 8);
    expect(a.connection.commandWorkers).toBe(8);
    expect(await answerOrder(a, customers)).toEqual(inOrder(6));
  });
});

// ---------------------------------------------------------------- renamed connections

describe("renamed connections (v2)", () => {
  test("after ConnInfoUpdate.newUniqId, events, queries and commands use the new uniqId, which need not start with the server id", async () => {
    const gw = await start({ serverId: 0x2a });
    const a = await RawBusiness.connect(gw);
    await a.register(1, 0x2a);
    const alice = gw.openCustomer({ topics: ["news"] });
    const bob = gw.openCustomer();
    const [aliceId, bobId] = [alice.uniqId, bob.uniqId];
    expect(aliceId.startsWith("2a")).toBe(true);
    a.send(
      encodeConnInfoUpdate({ uniqId: aliceId, newUniqId: "user-42", newSession: "s42" }),
      encodeConnInfoUpdate({ uniqId: bobId, newUniqId: "user-7" }),
    );
    expect((await a.sync()).map((f) => f.cmd)).toEqual([Cmd.ConnOpen, Cmd.ConnOpen]);
    expect([alice.uniqId, bob.uniqId]).toEqual(["user-42", "user-7"]);
    // A business can no longer tell the owning gateway from the uniqId.
    expect(alice.uniqId.startsWith("2a")).toBe(false);
    expect(gw.customer("user-42")).toBe(alice);

    // Queries find them by the new uniqIds only; topics follow.
    a.send(
      encodeCheckOnlineRequest({ uniqIds: [aliceId, "user-42", bobId, "user-7"] }),
      encodeConnInfoRequest({ uniqIds: [aliceId, "user-42"] }),
      encodeBusinessFrame(Cmd.UniqIdList),
      encodeTopicUniqIdListRequest({ topics: ["news"] }),
    );
    expect((await a.response(Cmd.CheckOnline)).body.uniqIds).toEqual(["user-42", "user-7"]);
    const info = (await a.response(Cmd.ConnInfo)).body.items;
    expect(Object.keys(info)).toEqual(["user-42"]);
    expect(info["user-42"]).toMatchObject({ session: "s42", topics: ["news"] });
    expect((await a.response(Cmd.UniqIdList)).body.uniqIds).toEqual(["user-42", "user-7"]);
    expect((await a.response(Cmd.TopicUniqIdList)).body.items["news"]?.uniqIds).toEqual(["user-42"]);

    // Its messages come as Transfers of the new uniqId; commands reach it by the new one, not the old.
    gw.customerSends("user-42", "hi");
    const transfer = await a.next();
    expect(transfer.cmd === Cmd.Transfer && [transfer.body.uniqId, transfer.body.session, str(transfer.body.data)]).toEqual(["user-42", "s42", "hi"]);
    expect(() => gw.customerSends(aliceId, "x")).toThrow(/not online/);
    a.send(encodeSingleCast({ uniqId: aliceId, data: text("old") }), encodeSingleCast({ uniqId: "user-42", data: text("new") }));
    await a.sync();
    expect(texts(alice.inbox)).toEqual(["new"]);

    // ConnClose names the new uniqId, whoever closes the connection.
    a.send(encodeForceOffline({ uniqIds: ["user-42"] }));
    const forced = await a.sync();
    gw.closeCustomer("user-7");
    const closed = await a.next();
    expect([...forced, closed].map((f) => f.cmd === Cmd.ConnClose && [f.body.uniqId, f.body.session])).toEqual([
      ["user-42", "s42"],
      ["user-7", ""],
    ]);
  });
});

// ---------------------------------------------------------------- slow readers

describe("slow business readers", () => {
  const oneMiB = new Uint8Array(1024 * 1024);

  /** Calls send (which writes 1 MiB to the connection) until the kernel takes no more: the socket then holds bytes back. */
  function fillKernelBuffers(connection: BusinessConnection<unknown>, send: () => void): number {
    let sent = 0;
    while (connection.pendingBytes === 0) {
      if (sent === 256) throw new Error("the kernel took 256 MiB and still wants more");
      send();
      sent++;
    }
    return sent;
  }

  test("v2: a business that stops reading is closed after sendDeadlineMs, and what was queued for it is lost", async () => {
    const gw = await start({ sendDeadlineMs: 300 });
    const a = await RawBusiness.connect(gw);
    await a.register(1);
    const customer = gw.openCustomer();
    await a.next(); // ConnOpen
    a.socket.pause();

    // Bytes the kernel took do not count: the deadline runs only while the socket holds some back.
    gw.customerSends(customer.uniqId, "small");
    await expect(gw.waitForDisconnect(a.connection.id, 600)).rejects.toThrow(/timed out after 600 ms/);
    expect(a.connection.pendingWrites).toBe(0);

    const startedAt = Date.now();
    const sent = fillKernelBuffers(a.connection, () => gw.customerSends(customer.uniqId, oneMiB));
    for (let i = 0; i < 10; i++) gw.customerSends(customer.uniqId, oneMiB);
    expect(a.connection.pendingWrites).toBeGreaterThanOrEqual(11);
    const closed = await gw.waitForDisconnect(a.connection.id);
    expect(closed.closeReason).toBe("send-deadline");
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
    // The counts of what was left unsent stay as they were at the close.
    const lost = closed.pendingWrites;
    expect(lost).toBeGreaterThanOrEqual(11);
    expect(closed.pendingBytes).toBeGreaterThan(10 * oneMiB.length);

    // Reading again, the business gets what the kernel holds, then the end: the rest never comes.
    a.socket.resume();
    const rest = await a.closed(10_000);
    // The small Transfer, then the 1 MiB ones the kernel took whole.
    expect(rest.map((f) => f.cmd)).toEqual(Array(1 + sent + 10 - lost).fill(Cmd.Transfer));
  });

  test("v2: a business that catches up within sendDeadlineMs keeps its connection and gets every event", async () => {
    const gw = await start({ sendDeadlineMs: 400 });
    const a = await RawBusiness.connect(gw);
    await a.register(1);
    const customer = gw.openCustomer();
    await a.next(); // ConnOpen
    a.socket.pause();
    const sent = fillKernelBuffers(a.connection, () => gw.customerSends(customer.uniqId, oneMiB)) + 10;
    for (let i = 0; i < 10; i++) gw.customerSends(customer.uniqId, oneMiB);
    a.socket.resume();
    expect((await a.take(sent, 5000)).every((f) => f.cmd === Cmd.Transfer)).toBe(true);
    expect([a.connection.pendingWrites, a.connection.pendingBytes]).toEqual([0, 0]);
    await expect(gw.waitForDisconnect(a.connection.id, 800)).rejects.toThrow(/timed out/);
    expect(await a.sync()).toEqual([]);
  });

  test("v6: a worker connection holds at most sendQueueCap unsent frames; later ones are dropped and counted in Metrics item 10", async () => {
    const gw = await startV6();
    const w = await RawV6.connect(gw, "worker");
    await w.register(Event.OnMessage);
    const t = await RawV6.connect(gw, "task");
    const customer = gw.openCustomer();
    w.socket.pause();

    const sent = fillKernelBuffers(w.connection, () => gw.customerSends(customer.uniqId, oneMiB));
    // The last 1 MiB Transfer is partly in the kernel: it still waits.
    const waiting = w.connection.pendingWrites;
    for (let i = 0; i < 2000; i++) expect(gw.customerSends(customer.uniqId, `m${i}`)).toBe(w.connection.id);
    expect(w.connection.pendingWrites).toBe(1024);
    const dropped = waiting + 2000 - 1024;
    expect([w.connection.droppedFrames, gw.droppedFrames]).toEqual([dropped, dropped]);

    // Answers on the worker port share the queue: this Unregister's is dropped too.
    const after = gw.received.length;
    w.send(encodeV6BusinessFrame(V6Cmd.Unregister, { connId: "" }));
    await gw.waitForFrame((r) => r.connectionId === w.connection.id && r.frame?.name === "Unregister", { after });
    expect(w.connection.droppedFrames).toBe(dropped + 1);
    // The task port has no such queue. Item 10 counts the real gateway's failed sends to businesses.
    t.send(encodeV6BusinessFrame(V6Cmd.Metrics));
    expect((await t.response(V6Cmd.Metrics)).body.items[10]).toMatchObject({ item: 10, count: BigInt(dropped + 1) });

    // Reading again, the business gets what was queued, in order: the newest frames were the ones lost.
    w.socket.resume();
    const frames = await w.take(sent + 1024 - waiting, 5000);
    expect(frames.slice(0, sent).every((f) => f.cmd === V6Cmd.Transfer && f.body.data.length === oneMiB.length)).toBe(true);
    expect(frames.slice(sent).map((f) => f.cmd === V6Cmd.Transfer && str(f.body.data))).toEqual(Array.from({ length: 1024 - waiting }, (_, i) => `m${i}`));
    expect(await w.sync()).toEqual([]);
    expect([w.connection.open, w.connection.pendingWrites, gw.droppedFrames]).toEqual([true, 0, dropped + 1]);
  });

  test("v6: a task connection that stops reading its answers is closed after sendDeadlineMs", async () => {
    const gw = await startV6({ sendDeadlineMs: 300 });
    const t = await RawV6.connect(gw, "task");
    const customers = ["a", "b"].map((c) => gw.openCustomer({ session: c.repeat(1_200_000) }));
    t.socket.pause();
    const info = encodeV6BusinessFrame(V6Cmd.ConnInfo, { uniqIds: customers.map((c) => c.uniqId), reqSession: true });
    // About 2.4 MB per answer: more than the kernel buffers hold.
    for (let i = 0; i < 20; i++) t.send(info);
    const closed = await gw.waitForDisconnect(t.connection.id);
    expect(closed.closeReason).toBe("send-deadline");
    expect(closed.pendingWrites).toBeGreaterThan(0);
    expect(closed.droppedFrames).toBe(0);
    const metrics = await RawV6.connect(gw, "task");
    metrics.send(encodeV6BusinessFrame(V6Cmd.Metrics));
    expect((await metrics.response(V6Cmd.Metrics)).body.items[10]?.count).toBe(1n);
  });
});
