/**
 * Tests of the fake gateway's customer port (test/support/test-gateway.ts,
 * the `customers` option): real WebSocket clients (the ws package) on one
 * side, the generated Node business clients on the other. Waits poll a
 * condition with an upper bound; they never sleep for a fixed time.
 */
import { afterEach, describe, expect, test } from "vitest";
import { WebSocket, type ClientOptions as WsOptions } from "ws";
import { Cmd, encodePing, encodePong } from "../generated/dist/v2/index.js";
import { connect, type BusinessClient } from "../generated/dist/v2/node.js";
import { Cmd as V6Cmd, Event, encodePing as encodeV6Ping } from "../generated/dist/v6/index.js";
import { connectTask, connectWorker, type TaskClient, type WorkerClient } from "../generated/dist/v6/node.js";
import { startTestGateway, type CustomerPortOptions, type TestGateway, type TestGatewayV6 } from "./support/test-gateway.js";

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const str = (b: Uint8Array): string => Buffer.from(b).toString("latin1");
/** The heartbeat texts, from the generated frames (payload after the u32 length). */
const v2Ping = str(encodePing().subarray(4));
const v2Pong = str(encodePong().subarray(4));
const v6Ping = str(encodeV6Ping().subarray(4));

/** Upper bound of every wait: far above what a passing test needs. */
const bound = 3000;

/** Resolves once check() returns a value other than undefined / false, polled every 2 ms; rejects after bound. */
async function eventually<T>(check: () => T | undefined | false, what: string): Promise<T> {
  const deadline = Date.now() + bound;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

interface Message {
  readonly binary: boolean;
  readonly data: string;
}

/** A WebSocket customer: collects what the gateway sends and how the connection ended. */
class Customer {
  readonly messages: Message[] = [];
  readonly errors: Error[] = [];
  readonly pongs: string[] = [];
  closed: { readonly code: number; readonly reason: string } | undefined;
  private read = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer, binary: boolean) => this.messages.push({ binary, data: str(data) }));
    ws.on("pong", (data: Buffer) => this.pongs.push(str(data)));
    ws.on("error", (error) => this.errors.push(error));
    ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
    sockets.push(ws);
  }

  static async open(url: string, protocols: string[] = [], options: WsOptions = {}): Promise<Customer> {
    const ws = new WebSocket(url, protocols, options);
    const customer = new Customer(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    return customer;
  }

  /** The next message not taken yet. */
  next(): Promise<Message> {
    return eventually(() => (this.read < this.messages.length ? this.messages[this.read++] : undefined), "the next message");
  }

  /** How the connection ended, once it did. */
  end(): Promise<{ readonly code: number; readonly reason: string }> {
    return eventually(() => this.closed, "the WebSocket to close");
  }

  send(data: string | Uint8Array, binary = typeof data !== "string"): void {
    this.ws.send(typeof data === "string" ? Buffer.from(data, "latin1") : data, { binary });
  }
}

/** A handshake the gateway refuses: the HTTP status it answered. */
function refusedStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    sockets.push(ws);
    ws.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.on("error", () => {});
    ws.on("open", () => reject(new Error(`${url} was accepted`)));
  });
}

const sockets: WebSocket[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const ws of sockets.splice(0)) ws.terminate();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startV2(customers: CustomerPortOptions = {}): Promise<TestGateway> {
  const gw = await startTestGateway({ customers, waitTimeoutMs: bound });
  cleanups.push(() => gw.close());
  return gw;
}

async function startV6(customers: CustomerPortOptions = {}): Promise<TestGatewayV6> {
  const gw = await startTestGateway({ protocol: "v6", customers, waitTimeoutMs: bound });
  cleanups.push(() => gw.close());
  return gw;
}

/** A v2 business registered as workerId; what it receives is collected, as "kind uniqId data". */
async function business(gw: TestGateway, workerId: number): Promise<{ client: BusinessClient; events: string[]; opens: ConnOpenFields[] }> {
  const client = await connect({ host: gw.host, port: gw.port, reconnect: { initialDelay: 5, maxDelay: 20 } });
  cleanups.push(() => client.close());
  await client.register({ workerId, serverId: gw.serverId });
  const events: string[] = [];
  const opens: ConnOpenFields[] = [];
  client.on(Cmd.ConnOpen, (b) => {
    events.push(`open ${b.uniqId}`);
    opens.push({ uniqId: b.uniqId, rawQuery: b.rawQuery, subProtocol: [...b.subProtocol], xForwardedFor: b.xForwardedFor });
  });
  client.on(Cmd.ConnClose, (b) => {
    events.push(`close ${b.uniqId}`);
  });
  client.on(Cmd.Transfer, (b) => {
    events.push(`transfer ${b.uniqId} ${str(b.data)}`);
  });
  return { client, events, opens };
}

interface ConnOpenFields {
  readonly uniqId: string;
  readonly rawQuery: string;
  readonly subProtocol: readonly string[];
  readonly xForwardedFor: string;
}

/** A v6 worker registered for every event, and a task connection. */
async function v6Business(gw: TestGatewayV6): Promise<{ worker: WorkerClient; task: TaskClient; events: string[] }> {
  const worker = await connectWorker({ host: gw.host, port: gw.workerPort });
  cleanups.push(() => worker.close());
  const task = await connectTask({ host: gw.host, port: gw.taskPort });
  cleanups.push(() => task.close());
  await worker.register({ events: Event.OnOpen | Event.OnClose | Event.OnMessage });
  const events: string[] = [];
  worker.on(V6Cmd.ConnOpen, (b) => {
    events.push(`open ${b.uniqId}`);
  });
  worker.on(V6Cmd.ConnClose, (b) => {
    events.push(`close ${b.uniqId}`);
  });
  worker.on(V6Cmd.Transfer, (b) => {
    events.push(`transfer ${b.uniqId} ${str(b.data)}`);
  });
  return { worker, task, events };
}

/** Resolves with events once it holds count of them. */
function nEvents(events: readonly string[], count: number): Promise<readonly string[]> {
  return eventually(() => events.length >= count && events, `${count} business events (have ${JSON.stringify(events)})`);
}

// ---------------------------------------------------------------- handshake

describe("the customer port", () => {
  test("is there only with the option: customerUrl, and a WebSocket customer is a customer of the model", async () => {
    const plain = await startTestGateway({ waitTimeoutMs: bound });
    cleanups.push(() => plain.close());
    expect(plain.customerUrl).toBeUndefined();
    expect(plain.customerSockets).toBe(0);
    await expect(plain.waitForCustomerSocket()).rejects.toThrow(/no customer port/);

    const gw = await startV2();
    expect(gw.customerUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/netsvr$/);
    expect(new URL(gw.customerUrl!).port).not.toBe(String(gw.port));
    const { events, opens } = await business(gw, 1);

    const a = await Customer.open(`${gw.customerUrl}?token=abc`, ["chat", "json"]);
    // The v2 gateway names the first subprotocol offered.
    expect(a.ws.protocol).toBe("chat");
    const alice = await gw.waitForCustomerSocket(1);
    expect(alice.online).toBe(true);
    expect(alice.rawQuery).toBe("token=abc");
    expect(gw.customer(alice.uniqId)).toBe(alice);
    expect(gw.customers).toContain(alice);
    expect(gw.customerSockets).toBe(1);

    await Customer.open(gw.customerUrl!, [], { headers: { "X-Forwarded-For": "10.1.2.3" } });
    const bob = await gw.waitForCustomerSocket(2);
    expect(gw.customerSockets).toBe(2);
    // ConnOpen, to worker 1 as for openCustomer(): the query, every subprotocol offered, the proxy header or else the peer's address.
    expect(await nEvents(events, 2)).toEqual([`open ${alice.uniqId}`, `open ${bob.uniqId}`]);
    expect(opens).toEqual([
      { uniqId: alice.uniqId, rawQuery: "token=abc", subProtocol: ["chat", "json"], xForwardedFor: "127.0.0.1" },
      { uniqId: bob.uniqId, rawQuery: "", subProtocol: [], xForwardedFor: "10.1.2.3" },
    ]);
  });

  test("another path is 404; v2 routes by path alone (a query string is fine), v6 compares the whole request URI", async () => {
    const v2 = await startV2({ path: "/ws" });
    expect(v2.customerUrl).toMatch(/\/ws$/);
    const base2 = v2.customerUrl!.slice(0, -"/ws".length);
    expect(await refusedStatus(`${base2}/netsvr`)).toBe(404);
    expect(await refusedStatus(`${base2}/ws/`)).toBe(404);
    expect(await refusedStatus(`${base2}/`)).toBe(404);
    const withQuery = await Customer.open(`${v2.customerUrl}?a=1`);
    expect((await v2.waitForCustomerSocket(1)).rawQuery).toBe("a=1");
    expect(withQuery.ws.readyState).toBe(WebSocket.OPEN);
    // A plain HTTP request: 404 elsewhere, 400 (no handshake) on the path.
    expect((await fetch(`http${base2.slice(2)}/other`)).status).toBe(404);
    expect((await fetch(`http${v2.customerUrl!.slice(2)}`)).status).toBe(400);

    const v6 = await startV6();
    expect(v6.customerUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/netsvr$/);
    expect(await refusedStatus(`${v6.customerUrl}?a=1`)).toBe(404);
    expect(await refusedStatus(`${v6.customerUrl}/`)).toBe(404);
    expect(v6.customerSockets).toBe(0);
    const plain = await Customer.open(v6.customerUrl!);
    expect((await v6.waitForCustomerSocket(1)).rawQuery).toBe("");
    // v6 names no subprotocol.
    expect(plain.ws.protocol).toBe("");
    const response = await fetch(`http${v6.customerUrl!.slice(2)}/anything`);
    expect([response.status, await response.text()]).toEqual([200, "Hello netsvr"]);
  });
});

// ---------------------------------------------------------------- customer messages

describe("customer messages", () => {
  test("v2: the 3-digit prefix picks the worker, which gets the rest as a Transfer; a wrong id is answered 'WorkerId wrong' in the same frame type", async () => {
    const gw = await startV2();
    const one = await business(gw, 1);
    const twelve = await business(gw, 12);
    const client = await Customer.open(gw.customerUrl!);
    const { uniqId } = await gw.waitForCustomerSocket();
    await nEvents(one.events, 1); // ConnOpen

    client.send("001hello");
    client.send(Buffer.from([0x30, 0x31, 0x32, 0xff, 0x00]), true); // "012" + two bytes that are not UTF-8
    // Like the gateway's parse, a byte that is not a digit counts as 0: "x12" is worker 12.
    client.send("x12quirk");
    client.send("000zero"); // 0 is below WorkerIdMin
    client.send(Buffer.from("ab"), true); // too short for an id
    client.send("");
    client.send("001"); // worker 1, empty data
    expect(await client.next()).toEqual({ binary: false, data: "WorkerId wrong" });
    expect(await client.next()).toEqual({ binary: true, data: "WorkerId wrong" });
    expect(await client.next()).toEqual({ binary: false, data: "WorkerId wrong" });
    client.send("001last");

    expect(await nEvents(one.events, 4)).toEqual([`open ${uniqId}`, `transfer ${uniqId} hello`, `transfer ${uniqId} `, `transfer ${uniqId} last`]);
    expect(await nEvents(twelve.events, 2)).toEqual([`transfer ${uniqId} \xff\x00`, `transfer ${uniqId} quirk`]);
    expect(client.messages).toHaveLength(3);
  });

  test("v2: the heartbeat is answered in the frame type it came in and never forwarded; a ping frame gets the pong text", async () => {
    const gw = await startV2();
    // "~3y" would read as worker 30 if the heartbeat were forwarded.
    const thirty = await business(gw, 30);
    const client = await Customer.open(gw.customerUrl!);
    const { uniqId } = await gw.waitForCustomerSocket();
    client.send(v2Ping);
    client.send(Buffer.from(v2Ping, "latin1"), true);
    expect(await client.next()).toEqual({ binary: false, data: v2Pong });
    expect(await client.next()).toEqual({ binary: true, data: v2Pong });
    expect(v2Pong).toBe("~u38NvZ~");
    client.send("030after");
    expect(await nEvents(thirty.events, 1)).toEqual([`transfer ${uniqId} after`]);
    client.ws.ping(Buffer.from("any"));
    expect(await eventually(() => client.pongs[0], "a pong")).toBe(v2Pong);
    expect(client.messages).toHaveLength(2);
  });

  test("v6: the heartbeat is absorbed; any other message, text or binary, is forwarded whole; ping frames are echoed", async () => {
    const gw = await startV6();
    const { task, events } = await v6Business(gw);
    const client = await Customer.open(gw.customerUrl!);
    const { uniqId } = await gw.waitForCustomerSocket();
    expect(await nEvents(events, 1)).toEqual([`open ${uniqId}`]);
    client.send(v6Ping);
    client.send(Buffer.from(v6Ping, "latin1"), true);
    client.send("001hello");
    client.send(Buffer.from([0xff, 0x01]), true);
    expect(await nEvents(events, 3)).toEqual([`open ${uniqId}`, `transfer ${uniqId} 001hello`, `transfer ${uniqId} \xff\x01`]);
    // Sent after the messages were handled: had the heartbeat been answered, that answer would come first.
    task.send(V6Cmd.SingleCast, { uniqId, data: text("sync") });
    expect(await client.next()).toEqual({ binary: false, data: "sync" });
    client.ws.ping(Buffer.from("echo me"));
    expect(await eventually(() => client.pongs[0], "a pong")).toBe("echo me");
    expect(events).toHaveLength(3);
  });

  test("the message limit: v2 answers 'Message too large' past 2 MiB after the id, v6 closes with 1009", async () => {
    const limit = 2 * 1024 * 1024;
    const gw = await startV2();
    const one = await business(gw, 1);
    const client = await Customer.open(gw.customerUrl!);
    const { uniqId } = await gw.waitForCustomerSocket();
    client.send(Buffer.concat([Buffer.from("001"), Buffer.alloc(limit + 1, 0x61)]), true);
    expect(await client.next()).toEqual({ binary: true, data: "Message too large" });
    client.send(Buffer.concat([Buffer.from("001"), Buffer.alloc(limit, 0x61)]), true);
    const events = await nEvents(one.events, 2);
    expect(events[1]).toBe(`transfer ${uniqId} ${"a".repeat(limit)}`);

    const v6 = await startV6();
    const b = await v6Business(v6);
    const v6Client = await Customer.open(v6.customerUrl!);
    const v6Id = (await v6.waitForCustomerSocket()).uniqId;
    v6Client.send(Buffer.alloc(limit, 0x62), true);
    v6Client.send(Buffer.alloc(limit + 1, 0x62), true);
    expect(await v6Client.end()).toEqual({ code: 1009, reason: "message too big" });
    expect(await nEvents(b.events, 3)).toEqual([`open ${v6Id}`, `transfer ${v6Id} ${"b".repeat(limit)}`, `close ${v6Id}`]);
  });
});

// ---------------------------------------------------------------- deliveries

describe("deliveries", () => {
  test("v2: every delivery is one message in the configured frame type, TopicPublish once per topic, empty data never", async () => {
    const gw = await startV2();
    const { client: biz } = await business(gw, 1);
    const a = await Customer.open(gw.customerUrl!);
    const alice = await gw.waitForCustomerSocket(1);
    const b = await Customer.open(gw.customerUrl!);
    const bob = await gw.waitForCustomerSocket(2);

    biz.send(Cmd.SingleCast, { uniqId: alice.uniqId, data: text("single") });
    biz.send(Cmd.SingleCast, { uniqId: alice.uniqId, data: new Uint8Array() });
    biz.send(Cmd.TopicSubscribe, { uniqId: alice.uniqId, topics: ["x", "y"], data: text("subscribed") });
    biz.send(Cmd.TopicPublish, { topics: ["x", "y"], data: text("published") });
    biz.send(Cmd.Multicast, { uniqIds: [alice.uniqId, bob.uniqId], data: text("multi") });
    biz.send(Cmd.Broadcast, { data: text("all") });
    const expected = ["single", "subscribed", "published", "published", "multi", "all"];
    for (const data of expected) expect(await a.next()).toEqual({ binary: false, data });
    expect(await b.next()).toEqual({ binary: false, data: "multi" });
    expect(await b.next()).toEqual({ binary: false, data: "all" });
    expect(a.messages).toHaveLength(expected.length);
    // The model sees the same deliveries.
    expect(alice.inbox.map(str)).toEqual(expected);
  });

  test("a text frame carries the bytes unchecked, so a client fails on data that is not UTF-8; binary carries them intact", async () => {
    const notUtf8 = new Uint8Array([0x68, 0x69, 0xff, 0xfe]);
    const gw = await startV2();
    const { client: biz, events } = await business(gw, 1);
    const client = await Customer.open(gw.customerUrl!);
    const { uniqId } = await gw.waitForCustomerSocket();
    biz.send(Cmd.SingleCast, { uniqId, data: notUtf8 });
    const end = await client.end();
    expect(client.errors.map((e) => (e as Error & { code?: string }).code)).toEqual(["WS_ERR_INVALID_UTF8"]);
    // The client failed the connection (1007 to the server; it reports 1006 itself).
    expect(end.code).toBe(1006);
    expect(client.messages).toEqual([]);
    // The gateway saw it close: ConnClose, offline.
    expect(await nEvents(events, 2)).toEqual([`open ${uniqId}`, `close ${uniqId}`]);
    expect(gw.customer(uniqId)?.online).toBe(false);
    expect(gw.customerSockets).toBe(0);

    const binary = await startV6({ sendMessageType: "binary" });
    const { task } = await v6Business(binary);
    const binaryClient = await Customer.open(binary.customerUrl!);
    const customer = await binary.waitForCustomerSocket();
    task.send(V6Cmd.ConnInfoUpdate, { uniqId: customer.uniqId, newCustomerId: "ann", data: text("as ann") });
    task.send(V6Cmd.SingleCastByCustomerId, { customerId: "ann", data: notUtf8 });
    task.send(V6Cmd.MulticastByCustomerId, { customerIds: ["ann"], data: text("multi") });
    expect(await binaryClient.next()).toEqual({ binary: true, data: "as ann" });
    expect(await binaryClient.next()).toEqual({ binary: true, data: str(notUtf8) });
    expect(await binaryClient.next()).toEqual({ binary: true, data: "multi" });
    expect(binaryClient.errors).toEqual([]);
  });
});

// ---------------------------------------------------------------- closing

describe("closing", () => {
  test("v2: ForceOffline and ForceOfflineGuest deliver their data, then close TCP without a close frame (1006)", async () => {
    const gw = await startV2();
    const { client: biz, events } = await business(gw, 1);
    const a = await Customer.open(gw.customerUrl!);
    const alice = await gw.waitForCustomerSocket(1);
    const b = await Customer.open(gw.customerUrl!);
    const bob = await gw.waitForCustomerSocket(2);
    const c = await Customer.open(gw.customerUrl!);
    const carol = await gw.waitForCustomerSocket(3);

    biz.send(Cmd.ForceOffline, { uniqIds: [alice.uniqId], data: text("bye") });
    biz.send(Cmd.ForceOffline, { uniqIds: [bob.uniqId], data: new Uint8Array() });
    // Carol has a session: not a guest, so she stays.
    biz.send(Cmd.ConnInfoUpdate, { uniqId: carol.uniqId, newSession: "s", data: new Uint8Array() });
    biz.send(Cmd.ForceOfflineGuest, { uniqIds: [carol.uniqId], data: text("guest bye") });
    expect(await a.end()).toEqual({ code: 1006, reason: "" });
    expect(a.messages).toEqual([{ binary: false, data: "bye" }]);
    expect(await b.end()).toEqual({ code: 1006, reason: "" });
    expect(b.messages).toEqual([]);
    expect(await nEvents(events, 5)).toEqual([`open ${alice.uniqId}`, `open ${bob.uniqId}`, `open ${carol.uniqId}`, `close ${alice.uniqId}`, `close ${bob.uniqId}`]);
    expect(c.closed).toBeUndefined();

    biz.send(Cmd.ConnInfoDelete, { uniqId: carol.uniqId, delSession: true, data: new Uint8Array() });
    biz.send(Cmd.ForceOfflineGuest, { uniqIds: [carol.uniqId], data: text("guest bye") });
    expect(await c.end()).toEqual({ code: 1006, reason: "" });
    expect(c.messages).toEqual([{ binary: false, data: "guest bye" }]);
    expect(await nEvents(events, 6)).toContain(`close ${carol.uniqId}`);
    await eventually(() => gw.customerSockets === 0, "no open customer socket");
  });

  test("v6: ForceOffline, ForceOfflineGuest and ForceOfflineByCustomerId deliver their data, then close with 1008 and the command's name", async () => {
    const gw = await startV6();
    const { task, events } = await v6Business(gw);
    const clients: Customer[] = [];
    const uniqIds: string[] = [];
    for (let n = 1; n <= 3; n++) {
      clients.push(await Customer.open(gw.customerUrl!));
      uniqIds.push((await gw.waitForCustomerSocket(n)).uniqId);
    }
    const [a, b, c] = clients as [Customer, Customer, Customer];
    const [alice, bob, carol] = uniqIds as [string, string, string];
    task.send(V6Cmd.ForceOffline, { uniqIds: [alice], data: text("bye") });
    task.send(V6Cmd.ForceOfflineGuest, { uniqIds: [bob], data: new Uint8Array() });
    task.send(V6Cmd.ConnInfoUpdate, { uniqId: carol, newCustomerId: "carol", data: new Uint8Array() });
    task.send(V6Cmd.ForceOfflineByCustomerId, { customerIds: ["carol"], data: text("bye carol") });
    expect(await a.end()).toEqual({ code: 1008, reason: "forceOffline" });
    expect(a.messages).toEqual([{ binary: false, data: "bye" }]);
    expect(await b.end()).toEqual({ code: 1008, reason: "forceOfflineGuest" });
    expect(b.messages).toEqual([]);
    expect(await c.end()).toEqual({ code: 1008, reason: "forceOfflineByCustomerId" });
    expect(c.messages).toEqual([{ binary: false, data: "bye carol" }]);
    const closes = (await nEvents(events, 6)).filter((e) => e.startsWith("close"));
    expect(closes).toEqual([`close ${alice}`, `close ${bob}`, `close ${carol}`]);
    await eventually(() => gw.customerSockets === 0, "no open customer socket");
  });

  test("a client closing its WebSocket is a ConnClose; closeCustomer() closes the client's WebSocket (1006)", async () => {
    const gw = await startV2();
    const { events } = await business(gw, 1);
    const a = await Customer.open(gw.customerUrl!);
    const alice = await gw.waitForCustomerSocket(1);
    const b = await Customer.open(gw.customerUrl!);
    const bob = await gw.waitForCustomerSocket(2);

    a.ws.close(1000, "leaving");
    expect(await a.end()).toEqual({ code: 1000, reason: "leaving" });
    await eventually(() => !alice.online, "alice offline");
    expect(await nEvents(events, 3)).toEqual([`open ${alice.uniqId}`, `open ${bob.uniqId}`, `close ${alice.uniqId}`]);

    gw.closeCustomer(bob.uniqId);
    expect(bob.online).toBe(false);
    expect(await b.end()).toEqual({ code: 1006, reason: "" });
    expect(await nEvents(events, 4)).toEqual([`open ${alice.uniqId}`, `open ${bob.uniqId}`, `close ${alice.uniqId}`, `close ${bob.uniqId}`]);
    await eventually(() => gw.customerSockets === 0, "no open customer socket");
    expect(events).toHaveLength(4);
  });

  test("stop() cuts every WebSocket (1006) and the port; restart() takes clients again on the same URL", async () => {
    const gw = await startV2();
    const { client: biz, events } = await business(gw, 1);
    const url = gw.customerUrl!;
    const a = await Customer.open(url);
    const alice = await gw.waitForCustomerSocket(1);
    const b = await Customer.open(url);
    const bob = await gw.waitForCustomerSocket(2);
    const modeled = gw.openCustomer();
    await nEvents(events, 3);

    await gw.stop();
    expect(gw.customerSockets).toBe(0);
    expect([alice.online, bob.online, modeled.online]).toEqual([false, false, true]);
    expect(await a.end()).toEqual({ code: 1006, reason: "" });
    expect(await b.end()).toEqual({ code: 1006, reason: "" });
    // The business's connection went first: it heard no ConnClose.
    expect(events).toHaveLength(3);
    const refused = new WebSocket(url);
    sockets.push(refused);
    const error = await new Promise<Error>((resolve) => refused.once("error", resolve));
    expect((error as Error & { code?: string }).code).toBe("ECONNREFUSED");

    await gw.restart();
    expect(gw.customerUrl).toBe(url);
    // The business client reconnects and registers again.
    await gw.waitForRegistration(1);
    await eventually(() => biz.state === "open", "the business client to be open again");
    const c = await Customer.open(url);
    const carol = await gw.waitForCustomerSocket(3);
    expect(gw.customerSockets).toBe(1);
    expect(await nEvents(events, 4)).toContain(`open ${carol.uniqId}`);
    biz.send(Cmd.SingleCast, { uniqId: carol.uniqId, data: text("again") });
    expect(await c.next()).toEqual({ binary: false, data: "again" });
  });
});
