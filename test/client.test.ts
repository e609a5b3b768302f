/**
 * Behaviour tests of the v2 Node business client (generated/dist/v2/node.js)
 * against the fake gateway in test/support/test-gateway.ts, over real TCP on
 * 127.0.0.1. Synchronisation is by gateway waiters, client events and the
 * client's own promises; the few timeouts below are upper bounds only, so a
 * broken client fails fast instead of hanging the run.
 */
import { once } from "node:events";
import type net from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { ClientError, RegistrationError, connect, type BusinessClient, type ClientOptions } from "../generated/dist/v2/node.js";
import {
  Cmd,
  RegisterRespCode,
  encodeConnOpen,
  encodeGatewayFrame,
  encodePong,
  encodeTransfer,
  type BusinessFrame,
  type EventFrame,
} from "../generated/dist/v2/index.js";
import { startTestGateway, type ReceivedFrame, type TestGateway, type TestGatewayOptions } from "./support/test-gateway.js";

// ---------------------------------------------------------------- helpers

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const str = (b: Uint8Array): string => new TextDecoder().decode(b);
const texts = (inbox: readonly Uint8Array[]): string[] => inbox.map(str);

/** Upper bound of every client-side wait: far above what a passing test needs. */
const bound = 2000;

/** A valid registration for the fake gateway's default server id 1. */
const worker1 = { workerId: 1, serverId: 1, processCmdGoroutineNum: 1 } as const;

let gateway: TestGateway | undefined;
const clients: BusinessClient[] = [];
/** Errors a client reported through on("error") that no test asked for. */
const unexpectedErrors: Error[] = [];

async function start(options: TestGatewayOptions = {}): Promise<TestGateway> {
  gateway = await startTestGateway({ waitTimeoutMs: bound, ...options });
  return gateway;
}

/** Connects a client with fast reconnects and short default timeouts (upper bounds only). */
async function open(gw: TestGateway, options: Partial<ClientOptions> = {}): Promise<BusinessClient> {
  const client = await connect({
    host: gw.host,
    port: gw.port,
    connectTimeout: bound,
    requestTimeout: bound,
    reconnect: { initialDelay: 5, maxDelay: 20 },
    ...options,
  });
  clients.push(client);
  client.on("error", (error) => unexpectedErrors.push(error));
  return client;
}

afterEach(async () => {
  try {
    expect(unexpectedErrors).toEqual([]);
  } finally {
    unexpectedErrors.length = 0;
    const open = clients.splice(0);
    // Gateway first: every connection drops, so close() never waits for answers that cannot come.
    await gateway?.close();
    gateway = undefined;
    await Promise.all(open.map((client) => within(client.close(), bound, "client.close()")));
  }
});

/** Rejects if promise does not settle within ms: an upper bound, never a delay. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves once check() holds, polled every millisecond; pair it with within(). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** The next "disconnect" of the client, with its error. */
function nextDisconnect(client: BusinessClient): Promise<Error | undefined> {
  return within(
    new Promise<Error | undefined>((resolve) => {
      const off = client.on("disconnect", (error) => {
        off();
        resolve(error);
      });
    }),
    bound,
    "a disconnect",
  );
}

/** The next "open" of the client (after a reconnect: after registering again). */
function nextOpen(client: BusinessClient): Promise<void> {
  return within(
    new Promise<void>((resolve) => {
      const off = client.on("open", () => {
        off();
        resolve();
      });
    }),
    bound,
    "an open",
  );
}

/** Items pushed by handlers, and a wait for the n-th one. */
class Collected<T> {
  readonly items: T[] = [];
  private readonly wakers = new Set<() => void>();

  push = (item: T): void => {
    this.items.push(item);
    for (const wake of [...this.wakers]) wake();
  };

  until(count: number): Promise<T[]> {
    return within(
      new Promise<T[]>((resolve) => {
        const check = (): void => {
          if (this.items.length < count) return;
          this.wakers.delete(check);
          resolve(this.items.slice(0, count));
        };
        this.wakers.add(check);
        check();
      }),
      bound,
      `${count} collected items (have ${this.items.length})`,
    );
  }
}

/** The client's socket, a private field: only for tests that must act below the client's API. */
function socketOf(client: BusinessClient): net.Socket {
  const socket = (client as unknown as { socket: net.Socket | undefined }).socket;
  if (socket === undefined) throw new Error("the client has no socket");
  return socket;
}

/** Frames the gateway received, decoded, optionally of one connection. */
function frames(gw: TestGateway, connectionId?: number): BusinessFrame[] {
  return gw.received.filter((r) => connectionId === undefined || r.connectionId === connectionId).flatMap((r) => (r.frame === undefined ? [] : [r.frame]));
}

function pingsSince(gw: TestGateway, index: number): number {
  return gw.received.slice(index).filter((r) => r.frame?.kind === "ping").length;
}

function isRequest(cmd: number): (r: ReceivedFrame) => boolean {
  return (r) => r.frame?.kind === "request" && r.frame.cmd === cmd;
}

/** Waits until the gateway holds n replies: the requests were handled and their answers queued. */
function heldReplies(gw: TestGateway, n: number): Promise<number> {
  return gw.waitUntil(() => gw.heldReplies === n && n, `${n} held replies (have ${gw.heldReplies})`);
}

/** [u32 length][u32 cmd][body]: a frame with any command id. */
function rawFrame(cmd: number, body: Uint8Array = new Uint8Array()): Uint8Array {
  const frame = new Uint8Array(8 + body.length);
  const view = new DataView(frame.buffer);
  view.setUint32(0, 4 + body.length);
  view.setUint32(4, cmd);
  frame.set(body, 8);
  return frame;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Asserts a ClientError with a code, whatever the message. */
function clientError(code: ClientError["code"]): unknown {
  return expect.objectContaining({ name: "ClientError", code });
}

// ---------------------------------------------------------------- connect and framing

describe("connect and TCP framing", () => {
  test("connect opens one business connection; ready() resolves at once", async () => {
    const gw = await start();
    const client = await open(gw);
    expect(client.state).toBe("open");
    expect(client.writable).toBe(true);
    expect(client.bufferedAmount).toBe(0);
    expect(client.pendingRequests).toBe(0);
    expect(client.registered).toBeUndefined();
    await client.ready();
    const conn = await gw.waitForConnection(1);
    expect(conn.open).toBe(true);
    expect(gw.connections).toHaveLength(1);
  });

  test("connect rejects when nothing listens (the first attempt is not retried)", async () => {
    const gw = await start();
    const port = gw.port;
    await gw.close();
    await expect(connect({ host: "127.0.0.1", port, connectTimeout: bound })).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  test("several frames in one write (events, a response, a pong) are all read", async () => {
    const gw = await start();
    const client = await open(gw);
    const conn = await gw.waitForConnection(1);
    const events = new Collected<string>();
    client.on(Cmd.Transfer, (body) => events.push(`transfer ${body.uniqId} ${str(body.data)}`));
    client.on(Cmd.ConnOpen, (body) => events.push(`open ${body.uniqId}`));
    gw.ignoreRequests(true);
    const answer = client.request(Cmd.UniqIdCount);
    await gw.waitForFrame(isRequest(Cmd.UniqIdCount));
    // One write: the client must cut it into five frames.
    gw.sendRaw(
      conn.id,
      concat(
        encodeConnOpen({ uniqId: "u1", rawQuery: "", subProtocol: [], xForwardedFor: "" }),
        encodeTransfer({ uniqId: "u1", session: "", data: text("one") }),
        encodeGatewayFrame(Cmd.UniqIdCount, { serverId: 1, count: 42 }),
        encodePong(),
        encodeTransfer({ uniqId: "u1", session: "", data: text("two") }),
      ),
    );
    await expect(answer).resolves.toMatchObject({ serverId: 1, count: 42 });
    expect(await events.until(3)).toEqual(["open u1", "transfer u1 one", "transfer u1 two"]);
    // Frames straddling writes: the end of one and the start of the next in the same chunk.
    const a = encodeTransfer({ uniqId: "u1", session: "", data: text("three") });
    const b = encodeTransfer({ uniqId: "u1", session: "", data: text("four") });
    const both = concat(a, b);
    gw.sendRaw(conn.id, both.subarray(0, a.length - 3));
    gw.sendRaw(conn.id, both.subarray(a.length - 3, a.length + 5));
    gw.sendRaw(conn.id, both.subarray(a.length + 5));
    expect((await events.until(5)).slice(3)).toEqual(["transfer u1 three", "transfer u1 four"]);
  });

  test("a 1 MiB event spanning many TCP reads arrives whole", async () => {
    const gw = await start();
    const client = await open(gw);
    await client.register(worker1);
    const c = gw.openCustomer();
    const data = new Uint8Array(1024 * 1024).map((_, i) => (i * 7) & 0xff);
    const got = new Collected<Uint8Array>();
    client.on(Cmd.Transfer, (body) => got.push(body.data));
    gw.customerSends(c.uniqId, data);
    const [received] = await got.until(1);
    expect(received?.length).toBe(data.length);
    expect(Buffer.from(received!).equals(Buffer.from(data))).toBe(true);
  });

  test("a frame delivered one byte per TCP read is reassembled (an event and a response)", async () => {
    const gw = await start();
    const client = await open(gw);
    const conn = await gw.waitForConnection(1);
    const socket = socketOf(client);
    /** Writes one byte at a time and waits until the client's socket read it, so every byte is its own chunk. */
    const trickle = async (bytes: Uint8Array): Promise<void> => {
      for (let i = 0; i < bytes.length; i++) {
        const read = once(socket, "data");
        gw.sendRaw(conn.id, bytes.subarray(i, i + 1));
        const [chunk] = (await within(read, bound, "the client reading one byte")) as [Uint8Array];
        expect(chunk.length).toBe(1);
      }
    };
    const transfers = new Collected<string>();
    client.on(Cmd.Transfer, (body) => transfers.push(`${body.uniqId} ${body.session} ${str(body.data)}`));
    await trickle(encodeTransfer({ uniqId: "u-slow", session: "s", data: text("byte by byte") }));
    expect(await transfers.until(1)).toEqual(["u-slow s byte by byte"]);

    gw.ignoreRequests(true);
    const answer = client.request(Cmd.TopicList);
    await gw.waitForFrame(isRequest(Cmd.TopicList));
    await trickle(encodeGatewayFrame(Cmd.TopicList, { serverId: 1, topics: ["a", "b"] }));
    await expect(answer).resolves.toMatchObject({ serverId: 1, topics: ["a", "b"] });
  });
});

// ---------------------------------------------------------------- commands

describe("commands", () => {
  test("all 13 one-way commands reach the gateway in order and take effect", async () => {
    const gw = await start();
    const client = await open(gw);
    const alice = gw.openCustomer({ session: "s-alice", topics: ["news"] });
    const bob = gw.openCustomer({ topics: ["news", "sport"] });
    const carol = gw.openCustomer({ session: "s-carol" });
    const dave = gw.openCustomer();
    const erin = gw.openCustomer({ session: "s-erin" });
    const erinFirstId = erin.uniqId;

    client.send(Cmd.Broadcast, { data: text("b") });
    client.send(Cmd.Multicast, { uniqIds: [alice.uniqId, bob.uniqId], data: text("m") });
    client.send(Cmd.SingleCast, { uniqId: carol.uniqId, data: text("s") });
    client.send(Cmd.SingleCastBulk, { uniqIds: [alice.uniqId, dave.uniqId], data: [text("sb1"), text("sb2")] });
    client.send(Cmd.TopicSubscribe, { uniqId: carol.uniqId, topics: ["sport"], data: text("sub") });
    client.send(Cmd.TopicUnsubscribe, { uniqId: bob.uniqId, topics: ["news"], data: text("unsub") });
    client.send(Cmd.TopicPublish, { topics: ["sport"], data: text("tp") });
    client.send(Cmd.TopicPublishBulk, { topics: ["news", "sport"], data: [text("tb-news"), text("tb-sport")] });
    client.send(Cmd.TopicDelete, { topics: ["news"], data: text("td") });
    client.send(Cmd.ConnInfoUpdate, { uniqId: alice.uniqId, newSession: "s-alice2", newTopics: ["vip"], data: text("cu") });
    client.send(Cmd.ConnInfoDelete, { uniqId: erin.uniqId, delSession: true, delUniqId: true, data: text("cd") });
    client.send(Cmd.ForceOffline, { uniqIds: [carol.uniqId], data: text("fo") });
    client.send(Cmd.ForceOfflineGuest, { uniqIds: [dave.uniqId, alice.uniqId], data: text("fog") });
    // The gateway handles frames in order, so this answer comes after every effect above.
    const count = await client.request(Cmd.UniqIdCount);
    expect(count.count).toBe(3);

    expect(frames(gw).map((f) => f.name)).toEqual([
      "Broadcast",
      "Multicast",
      "SingleCast",
      "SingleCastBulk",
      "TopicSubscribe",
      "TopicUnsubscribe",
      "TopicPublish",
      "TopicPublishBulk",
      "TopicDelete",
      "ConnInfoUpdate",
      "ConnInfoDelete",
      "ForceOffline",
      "ForceOfflineGuest",
      "UniqIdCount",
    ]);
    expect(texts(alice.inbox)).toEqual(["b", "m", "sb1", "tb-news", "td", "cu"]);
    expect(texts(bob.inbox)).toEqual(["b", "m", "unsub", "tp", "tb-sport"]);
    expect(texts(carol.inbox)).toEqual(["b", "s", "sub", "tp", "tb-sport", "fo"]);
    expect(texts(dave.inbox)).toEqual(["b", "sb2", "fog"]);
    expect(texts(erin.inbox)).toEqual(["b", "cd"]);
    expect([alice.online, bob.online, carol.online, dave.online, erin.online]).toEqual([true, true, false, false, true]);
    expect(alice.session).toBe("s-alice2");
    expect(alice.topics).toEqual(["vip"]);
    expect(bob.topics).toEqual(["sport"]);
    expect(erin.session).toBe("");
    expect(erin.uniqId).not.toBe(erinFirstId);
  });

  test("all 13 requests are answered from the gateway's state", async () => {
    const gw = await start();
    const client = await open(gw);
    const alice = gw.openCustomer({ session: "s-a", topics: ["news", "sport"] });
    const bob = gw.openCustomer({ topics: ["news"] });
    const conn = await gw.waitForConnection(1);

    const registered = await client.request(Cmd.Register, worker1);
    expect(registered.code).toBe(RegisterRespCode.Success);
    expect(registered.registerId).toBe(conn.registration?.registerId);
    expect(conn.registration?.workerId).toBe(1);

    expect((await client.request(Cmd.CheckOnline, { uniqIds: [alice.uniqId, "nobody"] })).uniqIds).toEqual([alice.uniqId]);
    expect(await client.request(Cmd.UniqIdList)).toMatchObject({ serverId: 1, uniqIds: [alice.uniqId, bob.uniqId] });
    expect(await client.request(Cmd.UniqIdCount)).toMatchObject({ serverId: 1, count: 2 });
    expect(await client.request(Cmd.TopicCount)).toMatchObject({ serverId: 1, count: 2 });
    expect(await client.request(Cmd.TopicList)).toMatchObject({ serverId: 1, topics: ["news", "sport"] });
    const list = await client.request(Cmd.TopicUniqIdList, { topics: ["news", "none"] });
    expect(Object.keys(list.items)).toEqual(["news"]);
    expect(list.items["news"]?.uniqIds).toEqual([alice.uniqId, bob.uniqId]);
    expect((await client.request(Cmd.TopicUniqIdCount, { topics: ["sport"] })).items).toEqual({ sport: 1 });
    expect((await client.request(Cmd.TopicUniqIdCount, { topics: [], countAll: true })).items).toEqual({ news: 2, sport: 1 });
    const info = await client.request(Cmd.ConnInfo, { uniqIds: [alice.uniqId, "nobody"] });
    expect(Object.keys(info.items)).toEqual([alice.uniqId]);
    expect(info.items[alice.uniqId]).toMatchObject({ session: "s-a", topics: ["news", "sport"] });
    const metrics = await client.request(Cmd.Metrics);
    expect(metrics.serverId).toBe(1);
    expect(metrics.items[1]?.count).toBe(2n);
    expect(metrics.items[3]?.count).toBe(0n);
    const limit = await client.request(Cmd.Limit, { items: [{ name: "slow", concurrency: 20 }] });
    expect(limit.items.map((i) => [i.name, i.concurrency])).toEqual([
      ["default", 100],
      ["slow", 20],
    ]);
    expect(gw.limits.find((l) => l.name === "slow")?.concurrency).toBe(20);
    const token = await client.request(Cmd.ConnOpenCustomUniqIdToken);
    expect(token.uniqId).toMatch(/^01[0-9a-f]{16}$/);
    expect(token.token).not.toBe("");
    expect(gw.openCustomer({ uniqId: token.uniqId }).uniqId).toBe(token.uniqId);

    await expect(client.request(Cmd.Unregister, { workerId: 1, registerId: registered.registerId })).resolves.toBeDefined();
    expect(conn.registration).toBeUndefined();

    const names = frames(gw).filter((f) => f.kind === "request").map((f) => f.name);
    expect(new Set(names).size).toBe(13);
  });

  test("a body the encoder rejects is reported as such, not as an abort", async () => {
    const gw = await start();
    const client = await open(gw);
    // 1.5 is not an int32: untyped callers can pass it.
    const rejected = client.request(Cmd.Register, { workerId: 1.5, serverId: 1 });
    await expect(rejected).rejects.toThrow(/cannot encode/);
    await expect(rejected).rejects.not.toBeInstanceOf(ClientError);
    expect(() => client.send(Cmd.SingleCast, { uniqId: 5 as unknown as string })).toThrow(/cannot encode/);
    expect(client.pendingRequests).toBe(0);
    // Nothing reached the gateway; the connection still works.
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 0 });
    expect(frames(gw).map((f) => f.name)).toEqual(["UniqIdCount"]);
  });

  test("a command of the wrong kind is a TypeError", async () => {
    const gw = await start();
    const client = await open(gw);
    const untyped = client as unknown as { send(cmd: number, body?: unknown): void; request(cmd: number, body?: unknown): Promise<unknown> };
    expect(() => untyped.send(Cmd.CheckOnline, { uniqIds: [] })).toThrow(TypeError);
    await expect(untyped.request(Cmd.Broadcast, { data: text("x") })).rejects.toBeInstanceOf(TypeError);
    expect(() => client.on(Cmd.Broadcast as unknown as typeof Cmd.Transfer, () => {})).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------- registration

describe("register and unregister", () => {
  test("register succeeds with the gateway's server id and is remembered", async () => {
    const gw = await start();
    const client = await open(gw);
    const response = await client.register({ workerId: 5, serverId: 1, processCmdGoroutineNum: 1 });
    expect(response.code).toBe(RegisterRespCode.Success);
    const conn = await gw.waitForRegistration(5);
    expect(conn.registration?.registerId).toBe(response.registerId);
    expect(client.registered?.request).toEqual({ workerId: 5, serverId: 1, processCmdGoroutineNum: 1 });
    expect(client.registered?.response.registerId).toBe(response.registerId);
  });

  test("a failed register rejects with a RegistrationError carrying the code and response", async () => {
    const gw = await start({ serverId: 3 });
    const client = await open(gw);
    const overflow = await client.register({ workerId: 1000, serverId: 3 }).catch((error: unknown) => error);
    expect(overflow).toBeInstanceOf(RegistrationError);
    const e = overflow as RegistrationError<{ code: number; message: string }>;
    expect(e.code).toBe(RegisterRespCode.WorkerIdOverflow);
    expect(e.response.message).toBe("WorkerIdOverflow");
    expect(e.message).toMatch(/WorkerIdOverflow/);
    // Server id 1 is not this gateway's 3.
    await expect(client.register({ workerId: 1, serverId: 1 })).rejects.toMatchObject({ name: "RegistrationError", code: RegisterRespCode.ServerIdInconsistent });
    expect(client.registered).toBeUndefined();
    expect(gw.connection(1)?.registration).toBeUndefined();
    // A correct one still works on the same connection.
    await client.register({ workerId: 1, serverId: 3 });
    await expect(client.register({ workerId: 2, serverId: 3 })).rejects.toMatchObject({ code: RegisterRespCode.DuplicateRegister });
    expect(client.registered?.request.workerId).toBe(1);
  });

  test("unregister sends the registration's workerId and registerId; a second one is a no-op", async () => {
    const gw = await start();
    const client = await open(gw);
    const { registerId } = await client.register({ workerId: 9, serverId: 1 });
    const conn = await gw.waitForRegistration(9);
    await expect(client.unregister()).resolves.toBeDefined();
    expect(client.registered).toBeUndefined();
    expect(conn.registration).toBeUndefined();
    const unregisters = frames(gw).filter((f) => f.kind === "request" && f.cmd === Cmd.Unregister);
    expect(unregisters.map((f) => f.body)).toEqual([expect.objectContaining({ workerId: 9, registerId })]);
    await expect(client.unregister()).resolves.toBeUndefined();
    expect(frames(gw).filter((f) => f.kind === "request" && f.cmd === Cmd.Unregister)).toHaveLength(1);
    // Unregistered: the gateway has nowhere to send worker 9's events.
    const c = gw.openCustomer({ workerId: 9 });
    expect(gw.customerSends(c.uniqId, "x")).toBeUndefined();
  });
});

// ---------------------------------------------------------------- events

describe("events", () => {
  test("ConnOpen, Transfer and ConnClose reach on() handlers; the unsubscribe stops one", async () => {
    const gw = await start();
    const client = await open(gw);
    const seen = new Collected<string>();
    client.on(Cmd.ConnOpen, (body, frame) => seen.push(`${frame.name} ${body.uniqId} ${body.rawQuery} ${body.xForwardedFor} ${body.subProtocol.join(",")}`));
    const offTransfer = client.on(Cmd.Transfer, (body) => seen.push(`Transfer ${body.uniqId} ${body.session} ${str(body.data)}`));
    client.on(Cmd.ConnClose, (body) => seen.push(`ConnClose ${body.uniqId} ${body.session}`));
    await client.register(worker1);
    const c = gw.openCustomer({ rawQuery: "a=1", xForwardedFor: "10.0.0.1", subProtocol: ["p1", "p2"], session: "s" });
    expect(gw.customerSends(c.uniqId, "hello")).toBe(1);
    gw.closeCustomer(c.uniqId);
    expect(await seen.until(3)).toEqual([`ConnOpen ${c.uniqId} a=1 10.0.0.1 p1,p2`, `Transfer ${c.uniqId} s hello`, `ConnClose ${c.uniqId} s`]);

    offTransfer();
    const d = gw.openCustomer();
    gw.customerSends(d.uniqId, "unheard");
    gw.closeCustomer(d.uniqId);
    expect((await seen.until(5)).slice(3)).toEqual([`ConnOpen ${d.uniqId}   `, `ConnClose ${d.uniqId} `]);
  });

  test("events() iterates events in order, filtered by command, and ends on return()", async () => {
    const gw = await start();
    const client = await open(gw);
    const all = client.events();
    const transfers = client.events(Cmd.Transfer, Cmd.ConnClose);
    await client.register(worker1);
    const c = gw.openCustomer();
    gw.customerSends(c.uniqId, "1");
    gw.customerSends(c.uniqId, "2");
    gw.closeCustomer(c.uniqId);

    const take = async <F extends EventFrame>(it: AsyncIterableIterator<F>, n: number): Promise<string[]> => {
      const out: string[] = [];
      for await (const frame of it) {
        out.push(frame.cmd === Cmd.Transfer ? `Transfer ${str(frame.body.data)}` : frame.name);
        if (out.length === n) break; // break calls return()
      }
      return out;
    };
    expect(await within(take(transfers, 3), bound, "three filtered events")).toEqual(["Transfer 1", "Transfer 2", "ConnClose"]);
    expect(await within(take(all, 4), bound, "four events")).toEqual(["ConnOpen", "Transfer 1", "Transfer 2", "ConnClose"]);
    await expect(transfers.next()).resolves.toEqual({ value: undefined, done: true });
  });

  test("a slow events() consumer pauses reading at maxQueuedEvents; nothing is lost, reading resumes", async () => {
    const gw = await start();
    const client = await open(gw, { maxQueuedEvents: 2 });
    const it = client.events(Cmd.Transfer);
    const handled = new Collected<string>();
    client.on(Cmd.Transfer, (body) => handled.push(str(body.data)));
    await client.register(worker1);
    const c = gw.openCustomer();
    for (let i = 0; i < 50; i++) gw.customerSends(c.uniqId, String(i));
    // Once two are queued the socket pauses (after the rest of its chunk): handlers wait as well.
    await handled.until(2);
    expect(socketOf(client).isPaused()).toBe(true);
    const got: string[] = [];
    for await (const frame of it) {
      got.push(str(frame.body.data));
      if (got.length === 50) break;
    }
    expect(got).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
    expect(handled.items).toEqual(got);
    expect(socketOf(client).isPaused()).toBe(false);
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 1 });
  });

  test("close() with an events() consumer far behind still unregisters and ends; the iterator keeps what it held", async () => {
    const gw = await start();
    const client = await open(gw, { maxQueuedEvents: 2 });
    const it = client.events(Cmd.Transfer);
    await client.register(worker1);
    const c = gw.openCustomer();
    const handled = new Collected<string>();
    client.on(Cmd.Transfer, (body) => handled.push(str(body.data)));
    for (let i = 0; i < 5; i++) gw.customerSends(c.uniqId, String(i));
    await handled.until(2);
    expect(socketOf(client).isPaused()).toBe(true);
    await within(client.close(), bound, "close()");
    expect(client.state).toBe("closed");
    await gw.waitForFrame(isRequest(Cmd.Unregister));
    const got: string[] = [];
    for await (const frame of it) got.push(str(frame.body.data));
    // The ones queued before close(); the rest arrived while closing, for handlers only.
    expect(got).toEqual(handled.items.slice(0, got.length));
    expect(got.length).toBeGreaterThanOrEqual(2);
    await expect(client.events().next()).resolves.toEqual({ value: undefined, done: true });
  });

  test("an event arriving while replies are held is dispatched first; the answer still matches", async () => {
    const gw = await start();
    const client = await open(gw);
    await client.register(worker1);
    const c = gw.openCustomer();
    const order = new Collected<string>();
    client.on(Cmd.Transfer, (body) => order.push(`event ${str(body.data)}`));

    gw.holdReplies();
    const answer = client.request(Cmd.CheckOnline, { uniqIds: [c.uniqId] }).then((r) => {
      order.push("answer");
      return r;
    });
    await heldReplies(gw, 1);
    gw.customerSends(c.uniqId, "first");
    await order.until(1);
    gw.releaseReplies();
    expect((await answer).uniqIds).toEqual([c.uniqId]);
    gw.customerSends(c.uniqId, "second");
    expect(await order.until(3)).toEqual(["event first", "answer", "event second"]);
  });

  test("a handler that throws is reported through 'error'; other handlers and iterators still get the event", async () => {
    const gw = await start();
    const client = await open(gw);
    const errors = new Collected<Error>();
    client.on("error", errors.push);
    const seen = new Collected<string>();
    client.on(Cmd.Transfer, () => {
      throw new Error("handler bug");
    });
    client.on(Cmd.Transfer, (body) => seen.push(str(body.data)));
    const it = client.events(Cmd.Transfer);
    await client.register(worker1);
    const c = gw.openCustomer();
    gw.customerSends(c.uniqId, "still delivered");
    expect(await seen.until(1)).toEqual(["still delivered"]);
    expect((await errors.until(1))[0]?.message).toBe("handler bug");
    unexpectedErrors.length = 0;
    const next = await within(it.next(), bound, "the iterator's event");
    expect(next.done === false && next.value.cmd === Cmd.Transfer ? str(next.value.body.data) : undefined).toBe("still delivered");
  });

  test("an async handler's rejection is reported through 'error' like a throw, not as an unhandled rejection", async () => {
    const gw = await start();
    const client = await open(gw);
    const errors = new Collected<Error>();
    client.on("error", errors.push);
    client.on(Cmd.Transfer, async (body) => {
      await Promise.resolve();
      throw new Error(`async handler bug: ${str(body.data)}`);
    });
    await client.register(worker1);
    gw.customerSends(gw.openCustomer().uniqId, "x");
    expect((await errors.until(1))[0]?.message).toBe("async handler bug: x");
    unexpectedErrors.length = 0;
  });

  test("async handlers still running count as events not handled: reading pauses at maxQueuedEvents, and nothing is lost", async () => {
    const gw = await start();
    const client = await open(gw, { maxQueuedEvents: 3 });
    const release: (() => void)[] = [];
    const handled = new Collected<string>();
    client.on(Cmd.Transfer, async (body) => {
      await new Promise<void>((resolve) => release.push(resolve));
      handled.push(str(body.data));
    });
    await client.register(worker1);
    const c = gw.openCustomer();
    for (let i = 0; i < 20; i++) gw.customerSends(c.uniqId, String(i));
    await within(until(() => release.length >= 3), bound, "three handlers running");
    expect(socketOf(client).isPaused()).toBe(true);
    while (handled.items.length < 20) {
      for (const wake of release.splice(0)) wake();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(handled.items).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    expect(socketOf(client).isPaused()).toBe(false);
  });

  test("a consumer stalled shorter than the gateway's write deadline loses nothing", async () => {
    const gw = await start({ sendDeadlineMs: 400 });
    const client = await open(gw);
    const it = client.events(Cmd.Transfer);
    await client.register(worker1);
    const c = gw.openCustomer();
    const payload = "x".repeat(1000);
    for (let i = 0; i < 5000; i++) gw.customerSends(c.uniqId, payload + i);
    // Nobody reads the iterator for longer than the deadline: the client keeps reading into its buffer, so the gateway's writes go through.
    await new Promise((resolve) => setTimeout(resolve, 600));
    let n = 0;
    for await (const frame of it) {
      expect(str(frame.body.data)).toBe(payload + n);
      if (++n === 5000) break;
    }
    expect(gw.connection(1)?.closeReason).toBeUndefined();
    expect(client.stats.slowConsumerDisconnects).toBe(0);
  });

  test("a long stall is reported: a 'stall' event and counter, then the gateway's close is a 'slow-consumer' disconnect", async () => {
    const gw = await start({ sendDeadlineMs: 300 });
    const client = await open(gw, { maxQueuedEvents: 10, stallTimeout: 100 });
    const stalls = new Collected<{ queuedEvents: number; pausedFor: number }>();
    client.on("stall", stalls.push);
    const it = client.events(Cmd.Transfer);
    await client.register(worker1);
    const c = gw.openCustomer();
    const payload = "y".repeat(64 * 1024);
    for (let i = 0; i < 200; i++) gw.customerSends(c.uniqId, payload);
    const [stall] = await stalls.until(1);
    expect(stall!.queuedEvents).toBeGreaterThanOrEqual(10);
    // Timers may fire a millisecond early against Date.now().
    expect(stall!.pausedFor).toBeGreaterThanOrEqual(95);
    expect((await gw.waitForDisconnect(1)).closeReason).toBe("send-deadline");
    // The paused socket sees the close once the consumer catches up and reading resumes.
    const dropped = nextDisconnect(client);
    let disconnected = false;
    void dropped.finally(() => (disconnected = true));
    while (!disconnected) await Promise.race([it.next(), dropped]);
    expect(await dropped).toMatchObject({ name: "ClientError", code: "slow-consumer" });
    expect(client.stats).toMatchObject({ stalls: 1, slowConsumerDisconnects: 1 });
  });

  test("an answer nobody asked for is reported as a protocol error and matches no later request", async () => {
    const gw = await start();
    const client = await open(gw);
    const errors = new Collected<Error>();
    client.on("error", errors.push);
    gw.sendFrame(1, Cmd.UniqIdCount, { serverId: 1, count: 77 });
    const [error] = await errors.until(1);
    expect(error).toMatchObject({ name: "ClientError", code: "protocol", cmd: Cmd.UniqIdCount });
    unexpectedErrors.length = 0;
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 0 });
  });
});

// ---------------------------------------------------------------- heartbeat

describe("heartbeat", () => {
  test("pings every heartbeatInterval; pongs keep the connection", async () => {
    const gw = await start();
    const client = await open(gw, { heartbeatInterval: 10, heartbeatTimeout: 150 });
    let disconnects = 0;
    client.on("disconnect", () => disconnects++);
    // 25 pings take 250 ms or more, beyond the pong timeout: a pong not seen would have dropped the connection.
    await gw.waitUntil(() => pingsSince(gw, 0) >= 25, "25 pings");
    expect(frames(gw, 1).filter((f) => f.kind === "ping")).toHaveLength(gw.received.filter((r) => r.connectionId === 1).length);
    expect(disconnects).toBe(0);
    expect(gw.connection(2)).toBeUndefined();
    expect(client.state).toBe("open");
  });

  test("no pong within heartbeatTimeout drops the connection with a heartbeat-timeout cause, then reconnects", async () => {
    const gw = await start();
    const client = await open(gw, { heartbeatInterval: 10, heartbeatTimeout: 100 });
    const conn = await gw.waitForConnection(1);
    // The gateway stops reading this connection: pings stay unanswered.
    gw.pauseReading(conn.id);
    const pending = client.request(Cmd.UniqIdCount);
    const dropped = nextDisconnect(client);
    const reopened = nextOpen(client);
    const error = await dropped;
    expect(error).toMatchObject({ name: "ClientError", code: "heartbeat-timeout" });
    await expect(pending).rejects.toMatchObject({ code: "disconnected", cause: error });
    await reopened;
    const second = await gw.waitForConnection(2);
    expect(second.open).toBe(true);
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 0 });
    await gw.waitUntil(() => frames(gw, 2).some((f) => f.kind === "ping"), "a ping on the new connection");
  });

  test("pongs overtaking held replies do not confuse request matching", async () => {
    const gw = await start();
    gw.openCustomer({ topics: ["t"] });
    gw.openCustomer();
    const client = await open(gw, { heartbeatInterval: 5, heartbeatTimeout: bound });
    gw.holdReplies();
    const count = client.request(Cmd.UniqIdCount);
    const topics = client.request(Cmd.TopicCount);
    await heldReplies(gw, 2);
    // Pongs are never held: these are answered while both replies wait.
    const from = gw.received.length;
    await gw.waitUntil(() => pingsSince(gw, from) >= 3, "three pings answered while replies are held");
    gw.releaseReplies();
    await expect(count).resolves.toMatchObject({ count: 2 });
    await expect(topics).resolves.toMatchObject({ count: 1 });
    expect(client.pendingRequests).toBe(0);
    expect(gw.connection(2)).toBeUndefined();
  });
});

// ---------------------------------------------------------------- request matching

describe("request matching", () => {
  test("many concurrent requests of the same and different commands get their own answers", async () => {
    const gw = await start();
    const customers = Array.from({ length: 20 }, (_, i) => gw.openCustomer({ session: `s${i}`, topics: [`t${i}`] }));
    const client = await open(gw);
    gw.holdReplies();
    const calls: Promise<void>[] = [];
    for (let i = 0; i < 80; i++) {
      const c = customers[i % customers.length]!;
      switch (i % 4) {
        case 0:
          calls.push(client.request(Cmd.CheckOnline, { uniqIds: ["offline", c.uniqId] }).then((r) => expect(r.uniqIds).toEqual([c.uniqId])));
          break;
        case 1:
          calls.push(client.request(Cmd.ConnInfo, { uniqIds: [c.uniqId] }).then((r) => expect(r.items[c.uniqId]?.session).toBe(c.session)));
          break;
        case 2:
          calls.push(client.request(Cmd.TopicUniqIdCount, { topics: [`t${i % 20}`] }).then((r) => expect(r.items).toEqual({ [`t${i % 20}`]: 1 })));
          break;
        default:
          calls.push(client.request(Cmd.UniqIdCount).then((r) => expect(r.count).toBe(20)));
      }
    }
    expect(client.pendingRequests).toBe(80);
    await heldReplies(gw, 80);
    // Answers arrive in uneven batches.
    for (const n of [1, 7, 13, 29]) gw.releaseReplies(n);
    gw.releaseReplies();
    await within(Promise.all(calls), bound, "80 answers");
    expect(client.pendingRequests).toBe(0);
  });

  test("registered with processCmdGoroutineNum 8 the gateway answers out of order; every request still gets its own answer", async () => {
    const gw = await start();
    const client = await open(gw);
    await client.register({ ...worker1, processCmdGoroutineNum: 8 }, { timeout: bound });
    const online = Array.from({ length: 10 }, () => gw.openCustomer().uniqId);
    const asked = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? online[(i / 2) % 10]! : `01missing${i}`));
    const answers = await Promise.all(asked.map((uniqId) => client.request(Cmd.CheckOnline, { uniqIds: [uniqId] })));
    answers.forEach((answer, i) => expect(answer.uniqIds).toEqual(i % 2 === 0 ? [asked[i]] : []));
    // Requests of different commands still travel together.
    const [count, list] = await Promise.all([client.request(Cmd.UniqIdCount), client.request(Cmd.UniqIdList), client.request(Cmd.TopicList)]);
    expect(count.count).toBe(10);
    expect(list.uniqIds).toHaveLength(10);
  });

  test("a timed-out request's late answer is dropped, not given to the next call", async () => {
    const gw = await start();
    const a = gw.openCustomer();
    const b = gw.openCustomer();
    const client = await open(gw);
    gw.holdReplies();
    const late = client.request(Cmd.CheckOnline, { uniqIds: [a.uniqId] }, { timeout: 20 });
    await expect(late).rejects.toMatchObject({ name: "ClientError", code: "timeout", cmd: Cmd.CheckOnline });
    // Still queued, waiting for its answer to drop.
    expect(client.pendingRequests).toBe(1);
    const next = client.request(Cmd.CheckOnline, { uniqIds: [b.uniqId] });
    await heldReplies(gw, 2);
    gw.releaseReplies(1);
    gw.releaseReplies();
    expect((await next).uniqIds).toEqual([b.uniqId]);
    expect(client.pendingRequests).toBe(0);
  });

  test("an AbortSignal rejects with 'aborted'; the answer is dropped and the next call matches", async () => {
    const gw = await start();
    const a = gw.openCustomer();
    const b = gw.openCustomer();
    const client = await open(gw);

    await expect(client.request(Cmd.UniqIdCount, undefined, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: "aborted", cmd: Cmd.UniqIdCount });
    expect(client.pendingRequests).toBe(0);

    gw.holdReplies();
    const controller = new AbortController();
    const aborted = client.request(Cmd.CheckOnline, { uniqIds: [a.uniqId] }, { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: "ClientError", code: "aborted" });
    const next = client.request(Cmd.CheckOnline, { uniqIds: [b.uniqId] });
    await heldReplies(gw, 2);
    gw.releaseReplies();
    expect((await next).uniqIds).toEqual([b.uniqId]);
    // The pre-aborted call never reached the gateway.
    expect(frames(gw).map((f) => f.name)).toEqual(["CheckOnline", "CheckOnline"]);
  });
});

describe("request matching: undecodable answers", () => {
  test("an answer whose body cannot be decoded rejects its own request with 'protocol'; the next call matches", async () => {
    const gw = await start();
    const client = await open(gw);
    gw.ignoreRequests(true);
    const bad = client.request(Cmd.UniqIdCount);
    await gw.waitForFrame(isRequest(Cmd.UniqIdCount));
    // Tag 0x0f: field 1 with wire type 7, which does not exist.
    gw.sendRaw(1, rawFrame(Cmd.UniqIdCount, Uint8Array.of(0x0f)));
    await expect(bad).rejects.toEqual(clientError("protocol"));
    gw.ignoreRequests(false);
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 0 });
    expect(client.pendingRequests).toBe(0);
  });
});

// ---------------------------------------------------------------- back-pressure

describe("back-pressure", () => {
  test("send fails with 'backpressure' while the gateway does not read; drain() resolves after it resumes; nothing is lost", async () => {
    const gw = await start();
    // A mark well under the socket's own 16 KiB, with frames smaller still: "drain" must come all the same.
    const client = await open(gw, { highWaterMark: 8192 });
    const conn = await gw.waitForConnection(1);
    gw.pauseReading();
    const payload = (i: number): Uint8Array => {
      const data = new Uint8Array(2048).fill(i & 0xff);
      new DataView(data.buffer).setUint32(0, i);
      return data;
    };
    let sent = 0;
    let failure: unknown;
    for (;;) {
      try {
        client.send(Cmd.Broadcast, { data: payload(sent) });
        sent++;
        continue;
      } catch (error) {
        failure = error;
      }
      // Cheap checks here: this loop runs about a thousand times.
      if (!(failure instanceof ClientError) || failure.code !== "backpressure" || client.writable || client.bufferedAmount < 8192) break;
      // Frames of one tick leave in one write: let it reach the kernel. Only full TCP buffers keep the client unwritable.
      await new Promise((resolve) => setImmediate(resolve));
      if (!client.writable) break;
    }
    expect(failure).toBeInstanceOf(ClientError);
    expect(failure).toMatchObject({ code: "backpressure", cmd: Cmd.Broadcast });
    expect(client.writable).toBe(false);
    expect(client.bufferedAmount).toBeGreaterThanOrEqual(8192);
    // Several rounds: the TCP buffers took a lot before the client stayed unwritable.
    expect(sent).toBeGreaterThan(100);
    const drained = within(client.drain(), bound, "drain()");
    gw.resumeReading();
    await drained;
    expect(client.writable).toBe(true);
    client.send(Cmd.Broadcast, { data: payload(sent++) });

    await gw.waitUntil(() => gw.received.length >= sent, `${sent} frames`);
    const broadcasts = frames(gw, conn.id).filter((f) => f.cmd === Cmd.Broadcast);
    expect(broadcasts).toHaveLength(sent);
    const order = broadcasts.map((f) => (f.cmd === Cmd.Broadcast ? new DataView(f.body.data.buffer, f.body.data.byteOffset).getUint32(0) : -1));
    expect(order).toEqual(Array.from({ length: sent }, (_, i) => i));
  });
});

// ---------------------------------------------------------------- disconnects

describe("disconnects and reconnects", () => {
  test("a drop mid-frame rejects every pending request; the client reconnects, registers again and emits open", async () => {
    const gw = await start();
    const client = await open(gw);
    const first = await client.register(worker1);
    const conn1 = await gw.waitForRegistration(1);

    const states: string[] = [];
    client.on("disconnect", () => states.push(client.state));
    gw.holdReplies();
    const pending = [
      client.request(Cmd.UniqIdCount),
      client.request(Cmd.CheckOnline, { uniqIds: ["x"] }),
      client.request(Cmd.UniqIdCount),
      client.request(Cmd.TopicList),
    ];
    await heldReplies(gw, 4);
    // Half of an answer, then the connection ends.
    gw.sendRaw(conn1.id, encodeGatewayFrame(Cmd.UniqIdCount, { serverId: 1, count: 99 }).subarray(0, 7));
    const dropped = nextDisconnect(client);
    const reopened = nextOpen(client);
    gw.dropConnections();
    // The dropped connection's held replies are discarded; the next connection's are not held.
    gw.releaseReplies();

    const results = await within(Promise.allSettled(pending), bound, "pending requests to settle");
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toEqual(clientError("disconnected"));
    }
    await dropped;
    expect(states).toEqual(["reconnecting"]);
    await reopened;
    expect(client.state).toBe("open");

    const conn2 = await gw.waitForRegistration(1);
    expect(conn2.id).toBe(2);
    const registers = gw.received.filter(isRequest(Cmd.Register));
    expect(registers.map((r) => r.connectionId)).toEqual([1, 2]);
    expect(registers[1]!.bytes).toEqual(registers[0]!.bytes);
    expect(client.registered?.response.registerId).toBe(conn2.registration?.registerId);
    expect(client.registered?.response.registerId).not.toBe(first.registerId);
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 0 });
  });

  test("in a disconnect listener the client is already reconnecting: calls fail with 'not-connected', ready() waits", async () => {
    const gw = await start();
    const client = await open(gw);
    const seen: { state: string; code: unknown; writable: boolean; ready: Promise<void> }[] = [];
    client.on("disconnect", () => {
      let code: unknown;
      try {
        client.send(Cmd.Broadcast, { data: text("lost") });
      } catch (error) {
        code = (error as ClientError).code;
      }
      seen.push({ state: client.state, code, writable: client.writable, ready: client.ready() });
    });
    const reopened = nextOpen(client);
    client.destroyConnection();
    await reopened;
    expect(seen.map(({ state, code, writable }) => ({ state, code, writable }))).toEqual([{ state: "reconnecting", code: "not-connected", writable: false }]);
    await within(seen[0]!.ready, bound, "ready()");
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 0 });
  });

  test("gateway stop then restart on the same port: 'not-connected' meanwhile, then the client comes back registered", async () => {
    const gw = await start();
    const client = await open(gw);
    await client.register(worker1);
    const dropped = nextDisconnect(client);
    await gw.stop();
    await dropped;
    expect(client.state).toBe("reconnecting");
    expect(client.writable).toBe(false);
    expect(() => client.send(Cmd.Broadcast, { data: text("x") })).toThrow(expect.objectContaining({ code: "not-connected" }));
    await expect(client.request(Cmd.UniqIdCount)).rejects.toEqual(clientError("not-connected"));
    const ready = within(client.ready(), bound, "ready()");
    const reopened = nextOpen(client);
    await gw.restart();
    await ready;
    await reopened;
    const conn = await gw.waitForRegistration(1);
    expect(conn.id).toBe(2);
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 0 });
  });

  test("a frame from the gateway above maxIncomingFrameSize is skipped and reported; the connection stays up", async () => {
    const gw = await start();
    const client = await open(gw, { maxIncomingFrameSize: 1024 });
    await client.register(worker1, { timeout: bound });
    const errors = new Collected<Error>();
    client.on("error", errors.push);
    const transfers = new Collected<Uint8Array>();
    client.on(Cmd.Transfer, (body) => transfers.push(body.data));
    const customer = gw.openCustomer();
    gw.customerSends(customer.uniqId, new Uint8Array(2000).fill(7));
    gw.customerSends(customer.uniqId, "after");
    expect(texts(await transfers.until(1))).toEqual(["after"]);
    expect(errors.items).toEqual([clientError("frame-too-large")]);
    expect(errors.items[0]).toMatchObject({ cmd: Cmd.Transfer, message: expect.stringMatching(/Transfer of \d+ bytes .*skipped/) });
    unexpectedErrors.length = 0;
    // An answer over the limit fails its own request, and only that one.
    const big = gw.openCustomer({ session: "s".repeat(2000) });
    await expect(client.request(Cmd.ConnInfo, { uniqIds: [big.uniqId] })).rejects.toEqual(clientError("frame-too-large"));
    await expect(client.request(Cmd.ConnInfo, { uniqIds: [customer.uniqId] })).resolves.toMatchObject({ items: { [customer.uniqId]: {} } });
    expect(client.stats.oversizedFrames).toBe(2);
    expect(gw.connections).toHaveLength(1);
    expect(client.state).toBe("open");
  });

  test("by default, frames the gateway sends above its own 2 MiB limit arrive: a 2 MiB customer message, a ConnInfo answer with big sessions", async () => {
    const gw = await start();
    const client = await open(gw);
    await client.register(worker1, { timeout: bound });
    const transfers = new Collected<Uint8Array>();
    client.on(Cmd.Transfer, (body) => transfers.push(body.data));
    const customer = gw.openCustomer();
    const message = new Uint8Array(2_097_132).fill(3);
    gw.customerSends(customer.uniqId, message);
    const [data] = await transfers.until(1);
    // Buffer.compare: a deep equality of 2 MiB arrays takes seconds.
    expect(Buffer.compare(data!, message)).toBe(0);
    const sessions = [gw.openCustomer({ session: "a".repeat(1_200_000) }), gw.openCustomer({ session: "b".repeat(1_200_000) })];
    const answer = await client.request(Cmd.ConnInfo, { uniqIds: sessions.map((c) => c.uniqId) });
    expect(Object.values(answer.items).map((item) => item.session.length)).toEqual([1_200_000, 1_200_000]);
    expect(gw.connections).toHaveLength(1);
  });

  test("a frame over the gateway's 2 MiB limit is not sent: a typed error, and the connection stays up", async () => {
    const gw = await start();
    const client = await open(gw);
    const data = new Uint8Array(2 * 1024 * 1024);
    expect(() => client.send(Cmd.Broadcast, { data })).toThrow(clientError("frame-too-large"));
    await expect(client.request(Cmd.CheckOnline, { uniqIds: ["x".repeat(2 * 1024 * 1024)] })).rejects.toEqual(clientError("frame-too-large"));
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 0 });
    expect(gw.connections).toHaveLength(1);
  });

  test("a re-register that times out (a stalled gateway) is retried with backoff, silently, until it succeeds", async () => {
    const gw = await start();
    const client = await open(gw, { requestTimeout: 30 });
    await client.register(worker1, { timeout: bound });
    gw.ignoreRequests(true);
    const reopened = nextOpen(client);
    client.destroyConnection();
    await gw.waitUntil(() => client.stats.registrationRetries >= 2, "two registration retries");
    gw.ignoreRequests(false);
    await reopened;
    const conn = await gw.waitForRegistration(1);
    expect(conn.id).toBeGreaterThanOrEqual(4);
    expect(client.registered?.response.registerId).toBe(conn.registration?.registerId);
    // afterEach checks that no "error" was emitted.
  });

  test("a re-register the gateway refuses is an error (it will refuse again), and is retried with backoff", async () => {
    const gw = await start();
    const client = await open(gw);
    await client.register(worker1, { timeout: bound });
    const errors = new Collected<Error>();
    client.on("error", errors.push);
    const port = gw.port;
    await gw.close();
    const other = await start({ serverId: 2, port });
    const [error] = await errors.until(1);
    unexpectedErrors.length = 0;
    expect(error?.message).toMatch(/refused to register again/);
    expect(error?.cause).toBeInstanceOf(RegistrationError);
    expect((error?.cause as RegistrationError).code).toBe(RegisterRespCode.ServerIdInconsistent);
    expect(other.connections.every((c) => c.registration === undefined)).toBe(true);
  });

  test("reconnecting gives up after maxAttempts: an error, then state 'closed'", async () => {
    const gw = await start();
    const client = await open(gw, { reconnect: { initialDelay: 1, maxDelay: 2, maxAttempts: 3 } });
    const errors = new Collected<Error>();
    client.on("error", errors.push);
    const dropped = nextDisconnect(client);
    await gw.stop();
    await dropped;
    const [error] = await errors.until(1);
    unexpectedErrors.length = 0;
    expect(error).toMatchObject({ name: "ClientError", code: "closed", message: expect.stringMatching(/after 3 attempts/) });
    expect(client.state).toBe("closed");
    await expect(client.ready()).rejects.toEqual(clientError("closed"));
  });

  test("with reconnect: false a drop ends in state 'closed'", async () => {
    const gw = await start();
    const client = await open(gw, { reconnect: false });
    const events = client.events();
    gw.holdReplies();
    const pending = client.request(Cmd.UniqIdCount);
    await heldReplies(gw, 1);
    const dropped = nextDisconnect(client);
    gw.dropConnections();
    await dropped;
    await expect(pending).rejects.toEqual(clientError("disconnected"));
    expect(client.state).toBe("closed");
    await expect(within(events.next(), bound, "events() to end")).resolves.toEqual({ value: undefined, done: true });
    expect(() => client.send(Cmd.Broadcast, { data: text("x") })).toThrow(expect.objectContaining({ code: "closed" }));
    await expect(client.request(Cmd.UniqIdCount)).rejects.toEqual(clientError("closed"));
    await expect(client.ready()).rejects.toEqual(clientError("closed"));
    await client.close();
    expect(gw.connection(2)).toBeUndefined();
  });

  test("the gateway closing on an oversize frame is a disconnect; the client reconnects", async () => {
    const gw = await start({ maxFrameSize: 256 });
    const client = await open(gw);
    gw.holdReplies();
    const pending = client.request(Cmd.UniqIdCount);
    await heldReplies(gw, 1);
    const dropped = nextDisconnect(client);
    const reopened = nextOpen(client);
    client.send(Cmd.Broadcast, { data: new Uint8Array(1000) });
    await dropped;
    gw.releaseReplies();
    await expect(pending).rejects.toEqual(clientError("disconnected"));
    expect(gw.connection(1)?.closeReason).toBe("oversize");
    await reopened;
    await expect(client.request(Cmd.UniqIdCount)).resolves.toMatchObject({ count: 0 });
  });

  test("the gateway closing on an unknown command id is a disconnect; the client reconnects", async () => {
    const gw = await start();
    const client = await open(gw);
    gw.holdReplies();
    const pending = client.request(Cmd.TopicCount);
    await heldReplies(gw, 1);
    const dropped = nextDisconnect(client);
    const reopened = nextOpen(client);
    // The client refuses unknown ids itself; a peer of another protocol version would send one.
    socketOf(client).write(rawFrame(123_456, text("?")));
    await dropped;
    gw.releaseReplies();
    await expect(pending).rejects.toEqual(clientError("disconnected"));
    expect(gw.connection(1)?.closeReason).toBe("unknown-command");
    await reopened;
    await expect(client.request(Cmd.TopicCount)).resolves.toMatchObject({ count: 0 });
  });
});

// ---------------------------------------------------------------- close

describe("close", () => {
  test("close() stops new calls, waits for pending requests, unregisters and ends cleanly", async () => {
    const gw = await start();
    gw.openCustomer({ topics: ["t"] });
    const client = await open(gw);
    const { registerId } = await client.register({ workerId: 7, serverId: 1 });
    const conn = await gw.waitForRegistration(7);
    gw.holdReplies();
    const a = client.request(Cmd.UniqIdCount);
    const b = client.request(Cmd.TopicList);
    await heldReplies(gw, 2);

    const closed = client.close();
    expect(client.state).toBe("closing");
    expect(() => client.send(Cmd.Broadcast, { data: text("x") })).toThrow(expect.objectContaining({ code: "closed" }));
    await expect(client.request(Cmd.UniqIdCount)).rejects.toEqual(clientError("closed"));
    await expect(client.ready()).rejects.toEqual(clientError("closed"));

    gw.releaseReplies();
    await expect(a).resolves.toMatchObject({ count: 1 });
    await expect(b).resolves.toMatchObject({ topics: ["t"] });
    const unregister = await gw.waitForFrame(isRequest(Cmd.Unregister));
    expect(unregister.frame?.body).toMatchObject({ workerId: 7, registerId });
    await within(closed, bound, "close()");
    expect(client.state).toBe("closed");
    expect(client.registered).toBeUndefined();
    expect(conn.registration).toBeUndefined();
    expect((await gw.waitForDisconnect(conn.id)).closeReason).toBe("peer");
    // Nothing after the Unregister; the UniqIdCount and TopicList were the only other requests.
    expect(frames(gw, conn.id).map((f) => f.name)).toEqual(["Register", "UniqIdCount", "TopicList", "Unregister"]);

    await expect(client.request(Cmd.UniqIdCount)).rejects.toEqual(clientError("closed"));
    await expect(client.drain()).rejects.toEqual(clientError("closed"));
    await expect(client.close()).resolves.toBeUndefined();
    expect(gw.connection(2)).toBeUndefined();
  });

  test("close() during the re-register after a reconnect: no 'open' once closing, the new registration is unregistered", async () => {
    const gw = await start();
    const client = await open(gw);
    await client.register(worker1);
    const dropped = nextDisconnect(client);
    gw.holdReplies();
    gw.dropConnections();
    await dropped;
    // The re-register's answer waits on the new connection.
    await heldReplies(gw, 1);
    const conn2 = await gw.waitForRegistration(1);
    const registerId = conn2.registration?.registerId;
    const opens: string[] = [];
    client.on("open", () => opens.push(client.state));
    const closed = client.close();
    gw.releaseReplies();
    await within(closed, bound, "close()");
    expect(opens).toEqual([]);
    const unregister = await gw.waitForFrame(isRequest(Cmd.Unregister));
    expect(unregister.connectionId).toBe(conn2.id);
    expect(unregister.frame?.body).toMatchObject({ workerId: 1, registerId });
    expect(conn2.registration).toBeUndefined();
  });

  test("close() while reconnecting ends at once in 'closed'", async () => {
    const gw = await start();
    const client = await open(gw);
    const dropped = nextDisconnect(client);
    await gw.stop();
    await dropped;
    const ready = client.ready();
    await within(client.close(), bound, "close()");
    expect(client.state).toBe("closed");
    await expect(ready).rejects.toEqual(clientError("closed"));
  });
});
