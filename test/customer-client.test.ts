/**
 * Behaviour tests of the customer client runtime (plugin/runtime/customer-client.ts),
 * imported directly: a hand-made AppBinding stands in for a generated one (json:
 * bodies as they are; binary: the UTF-8 of their JSON, a stand-in for protobuf).
 * A ws WebSocketServer on 127.0.0.1 plays gateway and business at once; the
 * client gets the ws package's WebSocket (Node 20 has no global one). A stub
 * WebSocketLike covers what a real server cannot easily stage (a browser's
 * 1006, a full send buffer). Waits are polled with an upper bound; timers are
 * a few ms, so a broken client fails fast instead of hanging the run.
 *
 * The last tests type-check the runtime as a consumer would: alone under
 * ES2022 with no DOM and no Node types, and in use with the DOM's and the ws
 * package's WebSocket.
 */
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import ts from "typescript";
import { afterEach, describe, expect, test, vi } from "vitest";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { MessageError, binaryWire, jsonWire, readMessage, type AppBinding, type Encoding, type JsonValue, type Payload } from "../plugin/runtime/app-wire.ts";
import { writeError, writeMessage } from "./support/app-wire.js";
import {
  Customer,
  CustomerError,
  type CloseInfo,
  type CustomerOptions,
  type CustomerTypes,
  type ReconnectingInfo,
  type WebSocketConstructor,
  type WebSocketLike,
} from "../plugin/runtime/customer-client.ts";
import { repoRoot } from "./support/repo.js";

// ---------------------------------------------------------------- the test protocol

const Cmd = { Say: 1, Echo: 2, Said: 3, Nudge: 4, Delayed: 5, Refuse: 6, Garbled: 7, Tick: 8 } as const;

interface Types extends CustomerTypes {
  readonly oneway: { readonly 1: { text: string }; readonly 4: undefined };
  readonly request: { readonly 2: { text: string }; readonly 5: { ms: number; n: number }; readonly 6: { text: string }; readonly 7: { text: string } };
  readonly response: { readonly 2: { text: string }; readonly 5: { n: number }; readonly 6: { text: string }; readonly 7: { text: string } };
  readonly event: { readonly 3: { text: string }; readonly 8: undefined };
}

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

/** Bodies are JSON objects; Said must carry a string text, so a push can be undecodable. */
function check(value: unknown, needsText: boolean): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  if (needsText && typeof (value as { text?: unknown }).text !== "string") throw new Error("text must be a string");
  return value;
}

/** One binding for both ends: write and read are each other's inverse. */
function bindingOf(encoding: Encoding): AppBinding {
  const codec = (needsText = false) =>
    encoding === "json"
      ? { write: (body: unknown): Payload => body as JsonValue, read: (payload: Payload) => check(payload, needsText) }
      : {
          write: (body: unknown): Payload => utf8Encoder.encode(JSON.stringify(body)),
          read: (payload: Payload) => check(JSON.parse(utf8Decoder.decode(payload as Uint8Array)), needsText),
        };
  return {
    wire: encoding === "json" ? jsonWire : binaryWire,
    commands: {
      [Cmd.Say]: { name: "Say", kind: "oneway", ...codec() },
      [Cmd.Echo]: { name: "Echo", kind: "request", ...codec() },
      [Cmd.Said]: { name: "Said", kind: "event", ...codec(true) },
      [Cmd.Nudge]: { name: "Nudge", kind: "oneway" },
      [Cmd.Delayed]: { name: "Delayed", kind: "request", ...codec() },
      [Cmd.Refuse]: { name: "Refuse", kind: "request", ...codec() },
      [Cmd.Garbled]: { name: "Garbled", kind: "request", ...codec() },
      [Cmd.Tick]: { name: "Tick", kind: "event" },
    },
    ids: { Say: 1, Echo: 2, Said: 3, Nudge: 4, Delayed: 5, Refuse: 6, Garbled: 7, Tick: 8 },
  };
}

// ---------------------------------------------------------------- the gateway

/** Upper bound of every wait: far above what a passing test needs. */
const bound = 2000;

interface Received {
  readonly cmd: number;
  readonly id: number;
  readonly kind: string;
  readonly body: unknown;
}

interface Conn {
  readonly ws: WebSocket;
  /** Every message as it arrived: text or bytes, prefix included. */
  readonly raw: { readonly data: Buffer; readonly isBinary: boolean }[];
  /** Application messages, read after the prefix. */
  readonly received: Received[];
  /** Pings received. */
  pings: number;
  /** Request ids in the order their answers were sent. */
  readonly answered: number[];
  closed: { readonly code: number; readonly reason: string } | undefined;
}

interface GatewayOptions {
  readonly encoding: Encoding;
  readonly prefix?: string;
  readonly ping?: string;
  readonly pong?: string;
  /** Send the pong as a binary message (a gateway with Customer.SendMessageType = 2). */
  readonly pongBinary?: boolean;
}

interface Gateway {
  readonly url: string;
  readonly encoding: Encoding;
  readonly conns: Conn[];
  /** Handshakes attempted, refused ones included. */
  handshakes: number;
  /** Refuse this many next handshakes (HTTP 503). */
  refuse: number;
  /** Answer pings. */
  pongs: boolean;
  send(conn: Conn, message: Uint8Array | string): void;
  close(): Promise<void>;
}

let gateway: Gateway | undefined;
const customers: Customer<Types>[] = [];
const timers = new Set<ReturnType<typeof setTimeout>>();

async function start(options: GatewayOptions): Promise<Gateway> {
  const binding = bindingOf(options.encoding);
  const prefix = Buffer.from(options.prefix ?? "");
  const gw: Gateway = {
    url: "",
    encoding: options.encoding,
    conns: [],
    handshakes: 0,
    refuse: 0,
    pongs: true,
    send: (conn, message) => conn.ws.send(message),
    close: async () => {
      for (const conn of gw.conns) conn.ws.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = new WebSocketServer({
    host: "127.0.0.1",
    port: 0,
    verifyClient: (_info, done) => {
      gw.handshakes++;
      if (gw.refuse > 0) {
        gw.refuse--;
        done(false, 503);
      } else done(true);
    },
  });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  (gw as { url: string }).url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/netsvr`;

  const answer = (conn: Conn, message: Uint8Array | string, id: number): void => {
    conn.answered.push(id);
    gw.send(conn, message);
  };
  server.on("connection", (ws) => {
    const conn: Conn = { ws, raw: [], received: [], pings: 0, answered: [], closed: undefined };
    gw.conns.push(conn);
    ws.on("close", (code, reason) => (conn.closed = { code, reason: reason.toString() }));
    ws.on("message", (data: RawData, isBinary) => {
      const bytes = data as Buffer;
      conn.raw.push({ data: bytes, isBinary });
      if (options.ping !== undefined && bytes.toString() === options.ping) {
        conn.pings++;
        if (options.pong !== undefined && gw.pongs) gw.send(conn, options.pongBinary ? utf8Encoder.encode(options.pong) : options.pong);
        return;
      }
      if (!bytes.subarray(0, prefix.length).equals(prefix)) throw new Error(`a message without the prefix: ${bytes.toString()}`);
      const message = readMessage(binding, bytes.subarray(prefix.length));
      if (message.kind !== "command") throw new Error("a customer sent an error");
      const command = binding.commands[message.cmd]!;
      const body = command.read === undefined ? undefined : command.read(message.payload ?? new Uint8Array(0));
      conn.received.push({ cmd: message.cmd, id: message.id, kind: command.kind, body });
      const { cmd, id } = message;
      const reply = (payload: Payload | undefined) => writeMessage(options.encoding, cmd, command.name, id, payload);
      switch (cmd) {
        case Cmd.Echo:
          answer(conn, reply(command.write!(body)), id);
          break;
        case Cmd.Delayed: {
          const { ms, n } = body as { ms: number; n: number };
          // ms -1: never answered.
          if (ms < 0) break;
          const timer = setTimeout(() => {
            timers.delete(timer);
            if (ws.readyState === ws.OPEN) answer(conn, reply(command.write!({ n })), id);
          }, ms);
          timers.add(timer);
          break;
        }
        case Cmd.Refuse:
          answer(conn, writeError(options.encoding, cmd, command.name, id, "denied", "room is full"), id);
          break;
        case Cmd.Garbled:
          answer(conn, reply(options.encoding === "json" ? 42 : utf8Encoder.encode("not json")), id);
          break;
        case Cmd.Say: {
          const text = (body as { text: string }).text;
          if (text === "push me") gw.send(conn, writeMessage(options.encoding, Cmd.Said, "Said", 0, bindingOf(options.encoding).commands[Cmd.Said]!.write!({ text: "pushed" })));
          if (text === "refuse me") gw.send(conn, writeError(options.encoding, cmd, command.name, 0, "not-handled", "no handler for Say"));
          break;
        }
      }
    });
  });
  gateway = gw;
  return gw;
}

// ---------------------------------------------------------------- helpers

/** Errors each customer reported on "error", for tests to check. */
const reported = new Map<Customer<Types>, Error[]>();

function connect(gw: Gateway, options: Partial<CustomerOptions> = {}): Customer<Types> {
  return track(
    new Customer<Types>(bindingOf(gw.encoding), {
      url: gw.url,
      WebSocket: WebSocket as WebSocketConstructor,
      requestTimeout: bound,
      reconnect: { initialDelay: 5, maxDelay: 20 },
      ...options,
    }),
  );
}

function track(customer: Customer<Types>): Customer<Types> {
  customers.push(customer);
  const errors: Error[] = [];
  reported.set(customer, errors);
  customer.on("error", (error) => void errors.push(error));
  return customer;
}

const errorsOf = (customer: Customer<Types>): Error[] => reported.get(customer)!;

/** Rejects if promise does not settle within ms: an upper bound, never a delay. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves once check() holds, polled every millisecond, failing after bound. */
function until(check: () => boolean, what: string): Promise<void> {
  return within(
    (async () => {
      while (!check()) await sleep(1);
    })(),
    bound,
    what,
  );
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The error a promise rejects with (fails if it resolves). */
async function failure(promise: Promise<unknown>): Promise<CustomerError> {
  const outcome = await within(
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    bound,
    "the promise to settle",
  );
  if (!("error" in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(CustomerError);
  return outcome.error as CustomerError;
}

/** What a synchronous call throws. */
function thrown(call: () => unknown): CustomerError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(CustomerError);
    return error as CustomerError;
  }
  throw new Error("expected a throw");
}

/** Every lifecycle notification of a kind, as it comes. */
function record<K extends "close" | "reconnecting">(customer: Customer<Types>, kind: K): (K extends "close" ? CloseInfo : ReconnectingInfo)[] {
  const items: unknown[] = [];
  customer.on(kind, ((info: unknown) => void items.push(info)) as never);
  return items as never;
}

const lastConn = (gw: Gateway): Conn => gw.conns[gw.conns.length - 1]!;

afterEach(async () => {
  for (const customer of customers.splice(0)) customer.close();
  reported.clear();
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
  await gateway?.close();
  gateway = undefined;
  StubSocket.instances.length = 0;
});

// ---------------------------------------------------------------- a stub WebSocket

/** A WebSocketLike driven by the test: what a browser would do, without a server. */
class StubSocket implements WebSocketLike {
  static readonly instances: StubSocket[] = [];
  binaryType = "blob";
  readyState = 0;
  bufferedAmount = 0;
  readonly sent: (string | Uint8Array)[] = [];
  closedWith: { code: number | undefined; reason: string | undefined } | undefined;
  onopen: ((event: never) => void) | null = null;
  onmessage: ((event: never) => void) | null = null;
  onclose: ((event: never) => void) | null = null;
  onerror: ((event: never) => void) | null = null;

  constructor(readonly url: string) {
    StubSocket.instances.push(this);
  }

  send(data: string | Uint8Array): void {
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    (this.onopen as ((event: object) => void) | null)?.({});
  }

  message(data: unknown): void {
    (this.onmessage as ((event: { data: unknown }) => void) | null)?.({ data });
  }

  drop(code: number, reason = ""): void {
    this.readyState = 3;
    (this.onclose as ((event: { code: number; reason: string }) => void) | null)?.({ code, reason });
  }
}

function stubCustomer(encoding: Encoding, options: Partial<CustomerOptions> = {}): { customer: Customer<Types>; socket: () => StubSocket } {
  const customer = track(new Customer<Types>(bindingOf(encoding), { url: "wss://stub/netsvr", WebSocket: StubSocket, ...options }));
  return { customer, socket: () => StubSocket.instances[StubSocket.instances.length - 1]! };
}

// ---------------------------------------------------------------- both encodings

describe.each(["json", "binary"] as const)("%s", (encoding) => {
  test("send and request round trip behind the v2 prefix 001, in the encoding's frame type", async () => {
    const gw = await start({ encoding, prefix: "001" });
    const customer = connect(gw, { gateway: { prefix: "001" } });
    expect(customer.state).toBe("connecting");
    await within(customer.ready(), bound, "open");
    expect(customer.state).toBe("open");

    customer.send(Cmd.Say, { text: "hi" });
    customer.send(Cmd.Nudge);
    expect(await customer.request(Cmd.Echo, { text: "héllo" })).toEqual({ text: "héllo" });

    const conn = lastConn(gw);
    expect(conn.received).toEqual([
      { cmd: Cmd.Say, id: 0, kind: "oneway", body: { text: "hi" } },
      { cmd: Cmd.Nudge, id: 0, kind: "oneway", body: undefined },
      { cmd: Cmd.Echo, id: 1, kind: "request", body: { text: "héllo" } },
    ]);
    expect(conn.raw.map((m) => m.isBinary)).toEqual([encoding === "binary", encoding === "binary", encoding === "binary"]);
    if (encoding === "json") {
      expect(conn.raw.map((m) => m.data.toString())).toEqual([
        '001{"cmd":"Say","body":{"text":"hi"}}',
        '001{"cmd":"Nudge"}',
        '001{"cmd":"Echo","id":1,"body":{"text":"héllo"}}',
      ]);
    } else {
      // The prefix's UTF-8, then [u32 cmd][u32 id][body].
      expect([...conn.raw[1]!.data]).toEqual([0x30, 0x30, 0x31, 0, 0, 0, Cmd.Nudge, 0, 0, 0, 0]);
      expect([...conn.raw[2]!.data.subarray(0, 11)]).toEqual([0x30, 0x30, 0x31, 0, 0, 0, Cmd.Echo, 0, 0, 0, 1]);
    }
    expect(customer.pendingRequests).toBe(0);
    expect(errorsOf(customer)).toEqual([]);
  });

  test("answers that come out of order are matched by request id", async () => {
    const gw = await start({ encoding });
    const customer = connect(gw);
    await within(customer.ready(), bound, "open");
    const answers = Promise.all([
      customer.request(Cmd.Delayed, { ms: 60, n: 1 }),
      customer.request(Cmd.Delayed, { ms: 5, n: 2 }),
      customer.request(Cmd.Delayed, { ms: 30, n: 3 }),
    ]);
    expect(await answers).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const conn = lastConn(gw);
    expect(conn.received.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(conn.answered).toEqual([2, 3, 1]);
  });

  test("an error answer fails its request with 'remote', the business's code and message; a refused one-way message is reported", async () => {
    const gw = await start({ encoding });
    const customer = connect(gw);
    await within(customer.ready(), bound, "open");
    const error = await failure(customer.request(Cmd.Refuse, { text: "let me in" }));
    expect(error.code).toBe("remote");
    expect(error.remoteCode).toBe("denied");
    expect(error.message).toBe("room is full");
    expect(error.cmd).toBe(Cmd.Refuse);

    customer.send(Cmd.Say, { text: "refuse me" });
    await until(() => errorsOf(customer).length === 1, "the refusal reported");
    const refusal = errorsOf(customer)[0] as CustomerError;
    expect(refusal.code).toBe("remote");
    expect(refusal.remoteCode).toBe("not-handled");
    expect(refusal.message).toContain("no handler for Say");
  });

  test("an answer whose body cannot be decoded fails its request with 'protocol', the MessageError as cause", async () => {
    const gw = await start({ encoding });
    const customer = connect(gw);
    await within(customer.ready(), bound, "open");
    const error = await failure(customer.request(Cmd.Garbled, { text: "x" }));
    expect(error.code).toBe("protocol");
    expect(error.cmd).toBe(Cmd.Garbled);
    expect(error.cause).toBeInstanceOf(MessageError);
    expect((error.cause as MessageError).code).toBe("invalid-body");
    expect(errorsOf(customer)).toEqual([]);
  });

  test("pushes reach on(cmd) handlers until unsubscribed; an undecodable push, a handler's throw or rejection and a push of a non-event are reported, and the client goes on", async () => {
    const gw = await start({ encoding });
    const customer = connect(gw);
    await within(customer.ready(), bound, "open");
    const said: unknown[] = [];
    const ticks: unknown[] = [];
    const off = customer.on(Cmd.Said, (body) => void said.push(body));
    customer.on(Cmd.Tick, (body) => void ticks.push(body));
    const conn = lastConn(gw);
    const write = bindingOf(encoding).commands[Cmd.Said]!.write!;

    customer.send(Cmd.Say, { text: "push me" });
    gw.send(conn, writeMessage(encoding, Cmd.Tick, "Tick", 0, undefined));
    await until(() => said.length === 1 && ticks.length === 1, "the pushes");
    expect(said).toEqual([{ text: "pushed" }]);
    expect(ticks).toEqual([undefined]);

    // Said's reader requires a string text.
    gw.send(conn, writeMessage(encoding, Cmd.Said, "Said", 0, write({ text: 7 })));
    await until(() => errorsOf(customer).length === 1, "the undecodable push reported");
    const undecodable = errorsOf(customer)[0] as CustomerError;
    expect(undecodable.code).toBe("protocol");
    expect(undecodable.cmd).toBe(Cmd.Said);
    expect((undecodable.cause as MessageError).code).toBe("invalid-body");

    const thrownByHandler = new Error("handler broke");
    customer.on(Cmd.Tick, () => {
      throw thrownByHandler;
    });
    customer.on(Cmd.Tick, () => Promise.reject(new Error("async handler broke")));
    gw.send(conn, writeMessage(encoding, Cmd.Tick, "Tick", 0, undefined));
    await until(() => errorsOf(customer).length === 3, "the handler failures reported");
    expect(errorsOf(customer)[1]).toBe(thrownByHandler);
    expect(errorsOf(customer)[2]!.message).toBe("async handler broke");
    expect(ticks).toEqual([undefined, undefined]);

    // A request's command without a request id is no push.
    gw.send(conn, writeMessage(encoding, Cmd.Echo, "Echo", 0, write({ text: "?" })));
    await until(() => errorsOf(customer).length === 4, "the non-event push reported");
    expect((errorsOf(customer)[3] as CustomerError).code).toBe("protocol");
    expect(errorsOf(customer)[3]!.message).toContain("Echo arrived as a push, but it is not an event");

    off();
    customer.send(Cmd.Say, { text: "push me" });
    expect(await customer.request(Cmd.Echo, { text: "still here" })).toEqual({ text: "still here" });
    expect(said).toHaveLength(1);
    expect(customer.state).toBe("open");
  });
});

// ---------------------------------------------------------------- requests

describe("requests", () => {
  test("a timed-out request fails with 'timeout'; its late answer is dropped without a word", async () => {
    const gw = await start({ encoding: "binary" });
    const customer = connect(gw);
    await within(customer.ready(), bound, "open");
    const error = await failure(customer.request(Cmd.Delayed, { ms: 60, n: 1 }, { timeout: 10 }));
    expect(error.code).toBe("timeout");
    expect(error.cmd).toBe(Cmd.Delayed);
    expect(customer.pendingRequests).toBe(0);
    await until(() => lastConn(gw).answered.length === 1, "the late answer sent");
    expect(await customer.request(Cmd.Echo, { text: "after" })).toEqual({ text: "after" });
    expect(errorsOf(customer)).toEqual([]);
  });

  test("an AbortSignal fails the request with 'aborted'; an aborted one is not sent", async () => {
    const gw = await start({ encoding: "json" });
    const customer = connect(gw);
    await within(customer.ready(), bound, "open");
    const controller = new AbortController();
    const pending = customer.request(Cmd.Delayed, { ms: -1, n: 1 }, { signal: controller.signal });
    controller.abort(new Error("user left"));
    const error = await failure(pending);
    expect(error.code).toBe("aborted");
    expect((error.cause as Error).message).toBe("user left");
    expect(customer.pendingRequests).toBe(0);

    const early = await failure(customer.request(Cmd.Echo, { text: "never" }, { signal: AbortSignal.abort() }));
    expect(early.code).toBe("aborted");
    await customer.request(Cmd.Echo, { text: "sent" });
    expect(lastConn(gw).received.map((r) => r.body)).toEqual([{ ms: -1, n: 1 }, { text: "sent" }]);
  });

  test("request ids wrap from 2^32 - 1 to 1, never 0", async () => {
    const gw = await start({ encoding: "binary" });
    const customer = connect(gw);
    await within(customer.ready(), bound, "open");
    (customer as unknown as { nextId: number }).nextId = 0xffffffff;
    await customer.request(Cmd.Echo, { text: "a" });
    await customer.request(Cmd.Echo, { text: "b" });
    expect(lastConn(gw).received.map((r) => r.id)).toEqual([0xffffffff, 1]);
  });

  test("a command of the wrong kind is a TypeError", async () => {
    const gw = await start({ encoding: "json" });
    const customer = connect(gw);
    await within(customer.ready(), bound, "open");
    // What the types refuse, as untyped JavaScript would call it.
    const loose = customer as unknown as {
      send(cmd: number, body?: unknown): void;
      request(cmd: number, body?: unknown): Promise<unknown>;
      on(cmd: number, handler: () => void): unknown;
    };
    expect(() => loose.send(Cmd.Echo, { text: "" })).toThrow("Echo is not a oneway command");
    await expect(loose.request(Cmd.Say, { text: "" })).rejects.toThrow("Say is not a request command");
    expect(() => loose.on(Cmd.Say, () => {})).toThrow("Say is not an event command");
  });

  test("send and request fail with 'backpressure' while more than highWaterMark bytes wait", () => {
    const { customer, socket } = stubCustomer("binary", { highWaterMark: 1000 });
    socket().open();
    expect(socket().binaryType).toBe("arraybuffer");
    socket().bufferedAmount = 1000;
    customer.send(Cmd.Nudge);
    expect(socket().sent).toHaveLength(1);
    expect(socket().sent[0]).toBeInstanceOf(Uint8Array);
    socket().bufferedAmount = 1001;
    expect(thrown(() => customer.send(Cmd.Nudge)).code).toBe("backpressure");
    return failure(customer.request(Cmd.Echo, { text: "x" })).then((error) => {
      expect(error.code).toBe("backpressure");
      expect(socket().sent).toHaveLength(1);
    });
  });
});

// ---------------------------------------------------------------- heartbeat

describe("heartbeat", () => {
  test.each([
    ["json", false],
    ["binary", true],
  ] as const)("%s: pings go out as the gateway's text, without the prefix; pongs (binary: %s) are never application messages", async (encoding, pongBinary) => {
    const gw = await start({ encoding, prefix: "001", ping: "~ping~", pong: "~pong~", pongBinary });
    const customer = connect(gw, { gateway: { prefix: "001", ping: "~ping~", pong: "~pong~" }, heartbeatInterval: 10, heartbeatTimeout: 30 });
    await within(customer.ready(), bound, "open");
    const conn = lastConn(gw);
    await until(() => conn.pings >= 5, "five pings");
    expect(conn.raw.filter((m) => m.data.toString() === "~ping~").every((m) => !m.isBinary)).toBe(true);
    expect(await customer.request(Cmd.Echo, { text: "alive" })).toEqual({ text: "alive" });
    expect(customer.state).toBe("open");
    expect(gw.conns).toHaveLength(1);
    expect(errorsOf(customer)).toEqual([]);
  });

  test("a pong later than heartbeatTimeout drops the connection with 'heartbeat-timeout', then it reconnects", async () => {
    const gw = await start({ encoding: "json", ping: "~ping~", pong: "~pong~" });
    gw.pongs = false;
    const customer = connect(gw, { gateway: { ping: "~ping~", pong: "~pong~" }, heartbeatInterval: 10, heartbeatTimeout: 30 });
    const closes = record(customer, "close");
    await within(customer.ready(), bound, "open");
    const pending = customer.request(Cmd.Delayed, { ms: -1, n: 1 });
    const error = await failure(pending);
    expect(error.code).toBe("disconnected");
    expect((error.cause as CustomerError).code).toBe("heartbeat-timeout");
    expect(closes[0]).toMatchObject({ code: 4000, reason: "heartbeat-timeout", reconnecting: true });
    expect(closes[0]!.error?.code).toBe("heartbeat-timeout");
    gw.pongs = true;
    await until(() => customer.state === "open" && gw.conns.length === 2, "the reconnect");
    await until(() => gw.conns[0]!.closed !== undefined, "the old connection gone");
    expect(errorsOf(customer)).toEqual([]);
  });

  test("without a pong configured, pings go out and nothing is awaited", async () => {
    const gw = await start({ encoding: "json", ping: "~ping~" });
    const customer = connect(gw, { gateway: { ping: "~ping~" }, heartbeatInterval: 5, heartbeatTimeout: 10 });
    await within(customer.ready(), bound, "open");
    await until(() => lastConn(gw).pings >= 6, "six pings");
    expect(customer.state).toBe("open");
    expect(gw.conns).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- binary protobuf sent as text

describe("binary encoding, text from the gateway", () => {
  test("the gateway's own text is one clear 'wrong-frame-type' error per connection; an answer sent as text fails its request", async () => {
    const gw = await start({ encoding: "binary" });
    const customer = connect(gw);
    await within(customer.ready(), bound, "open");
    const conn = lastConn(gw);
    gw.send(conn, "WorkerId wrong");
    gw.send(conn, "WorkerId wrong");
    await until(() => errorsOf(customer).length === 1, "the wrong-frame-type error");
    const error = errorsOf(customer)[0] as CustomerError;
    expect(error.code).toBe("wrong-frame-type");
    expect(error.message).toContain("Customer.SendMessageType = 2");
    expect(error.message).toContain('"WorkerId wrong"');
    expect((error.cause as MessageError).code).toBe("wrong-frame-type");

    // A protobuf message that happens to be valid UTF-8 passes as text: it still fails the request it answers.
    const pending = customer.request(Cmd.Delayed, { ms: -1, n: 1 });
    await until(() => conn.received.length === 1, "the request");
    const answer = writeMessage("binary", Cmd.Delayed, "Delayed", 1, utf8Encoder.encode('{"n":1}')) as Uint8Array;
    gw.send(conn, Buffer.from(answer).toString("utf8"));
    const failed = await failure(pending);
    expect(failed.code).toBe("wrong-frame-type");
    expect(failed.message).toContain("an answer of Delayed");
    expect(errorsOf(customer)).toHaveLength(1);
    expect(customer.state).toBe("open");
  });

  test("a text message that is not UTF-8 fails the connection (ws: 1006, saying why) with a hint naming Customer.SendMessageType = 2", async () => {
    const gw = await start({ encoding: "binary" });
    const customer = connect(gw, { reconnect: false });
    const closes = record(customer, "close");
    await within(customer.ready(), bound, "open");
    const pending = customer.request(Cmd.Delayed, { ms: -1, n: 1 });
    const conn = lastConn(gw);
    await until(() => conn.received.length === 1, "the request");
    conn.ws.send(Buffer.from([0, 0, 0, Cmd.Delayed, 0, 0, 0, 1, 0xff, 0xfe]), { binary: false });
    const error = await failure(pending);
    expect(error.code).toBe("disconnected");
    expect((error.cause as CustomerError).code).toBe("wrong-frame-type");
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({ code: 1006, reconnecting: false });
    expect(closes[0]!.error?.message).toMatch(/invalid UTF-8 sequence.*likely cause.*Customer\.SendMessageType = 2/);
    expect(errorsOf(customer).map((e) => (e as CustomerError).code)).toEqual(["wrong-frame-type"]);
    expect(customer.state).toBe("closed");
  });

  test("ws's own word on invalid UTF-8 is enough, with no request waiting", async () => {
    const gw = await start({ encoding: "binary" });
    const customer = connect(gw);
    const closes = record(customer, "close");
    await within(customer.ready(), bound, "open");
    lastConn(gw).ws.send(Buffer.from([0, 0, 0, Cmd.Said, 0, 0, 0, 0, 0xc3]), { binary: false });
    await until(() => closes.length === 1, "the close");
    expect(closes[0]!.error?.code).toBe("wrong-frame-type");
    expect(closes[0]!.reconnecting).toBe(true);
    await within(customer.ready(), bound, "open again");
  });

  test("a browser's 1006 gets the hint only when a message was expected and no binary one had come", async () => {
    const { customer, socket } = stubCustomer("binary", { reconnect: { initialDelay: 1, jitter: 0 } });
    const closes = record(customer, "close");
    // Nothing expected: a plain drop.
    socket().open();
    socket().drop(1006);
    expect(closes[0]).toEqual({ code: 1006, reason: "", reconnecting: true, error: undefined });
    await until(() => StubSocket.instances.length === 2, "the first reconnect");
    closes.length = 0;
    socket().open();
    const pending = customer.request(Cmd.Echo, { text: "x" });
    socket().drop(1006);
    expect((await failure(pending)).code).toBe("disconnected");
    expect(closes[0]!.error?.code).toBe("wrong-frame-type");
    expect(closes[0]!.error?.message).toContain("Customer.SendMessageType = 2");
    expect(errorsOf(customer)).toHaveLength(1);

    // Next connection: a binary message came, so the gateway sends binary: a 1006 is just a drop.
    await until(() => StubSocket.instances.length === 3, "the reconnect");
    socket().open();
    const answered = customer.request(Cmd.Echo, { text: "y" });
    socket().message((writeMessage("binary", Cmd.Echo, "Echo", 2, utf8Encoder.encode('{"text":"y"}')) as Uint8Array).slice().buffer);
    expect(await answered).toEqual({ text: "y" });
    const lost = customer.request(Cmd.Echo, { text: "z" });
    socket().drop(1006);
    expect((await failure(lost)).cause).toBeUndefined();
    expect(closes[1]).toEqual({ code: 1006, reason: "", reconnecting: true, error: undefined });
    expect(errorsOf(customer)).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- connection lifecycle

describe("connection", () => {
  test("a drop fails pending requests with 'disconnected'; it reconnects with backoff, not-connected meanwhile, and the backoff resets once open", async () => {
    const gw = await start({ encoding: "json" });
    const customer = connect(gw, { reconnect: { initialDelay: 10, factor: 2, maxDelay: 20, jitter: 0 } });
    const closes = record(customer, "close");
    const reconnecting = record(customer, "reconnecting");
    let opens = 0;
    customer.on("open", () => void opens++);
    const duringReconnect: string[] = [];
    customer.on("reconnecting", () => {
      duringReconnect.push(customer.state);
      duringReconnect.push(thrown(() => customer.send(Cmd.Nudge)).code);
    });
    await within(customer.ready(), bound, "open");

    const pending = customer.request(Cmd.Delayed, { ms: -1, n: 1 });
    await until(() => lastConn(gw).received.length === 1, "the request");
    gw.refuse = 2;
    lastConn(gw).ws.terminate();
    const error = await failure(pending);
    expect(error.code).toBe("disconnected");
    expect(error.cmd).toBe(Cmd.Delayed);
    expect(customer.state).toBe("reconnecting");
    expect((await failure(customer.request(Cmd.Echo, { text: "now?" }))).code).toBe("not-connected");
    await within(customer.ready(), bound, "open again");
    expect(opens).toBe(2);
    expect(gw.handshakes).toBe(4);
    expect(reconnecting).toEqual([
      { attempt: 1, delay: 10 },
      { attempt: 2, delay: 20 },
      { attempt: 3, delay: 20 },
    ]);
    expect(closes.map((c) => [c.code, c.reconnecting])).toEqual([
      [1006, true],
      [1006, true],
      [1006, true],
    ]);
    expect(duringReconnect).toEqual(["reconnecting", "not-connected", "reconnecting", "not-connected", "reconnecting", "not-connected"]);
    expect(await customer.request(Cmd.Echo, { text: "back" })).toEqual({ text: "back" });

    lastConn(gw).ws.terminate();
    await until(() => reconnecting.length === 4, "the next drop");
    expect(reconnecting[3]).toEqual({ attempt: 1, delay: 10 });
    await within(customer.ready(), bound, "open a third time");
    expect(errorsOf(customer)).toEqual([]);
  });

  test("jitter draws each delay from [base * (1 - jitter), base]", () => {
    vi.useFakeTimers();
    try {
      const { customer, socket } = stubCustomer("json", { reconnect: { initialDelay: 1000, jitter: 0.5 } });
      const reconnecting = record(customer, "reconnecting");
      for (let i = 0; i < 20; i++) {
        socket().open();
        socket().drop(1006);
        vi.advanceTimersByTime(1000);
      }
      expect(StubSocket.instances).toHaveLength(21);
      check(reconnecting);
    } finally {
      vi.useRealTimers();
    }
    function check(reconnecting: ReconnectingInfo[]): void {
    expect(reconnecting.map((r) => r.attempt)).toEqual(Array(20).fill(1));
    for (const { delay } of reconnecting) expect(delay >= 500 && delay <= 1000).toBe(true);
    expect(new Set(reconnecting.map((r) => r.delay)).size).toBeGreaterThan(1);
    }
  });

  test("close 1008 (netsvr's forceOffline): no reconnect, close with the reason, a 'forced-offline' error, the client closed", async () => {
    const gw = await start({ encoding: "json" });
    const customer = connect(gw);
    const closes = record(customer, "close");
    await within(customer.ready(), bound, "open");
    const pending = customer.request(Cmd.Delayed, { ms: -1, n: 1 });
    await until(() => lastConn(gw).received.length === 1, "the request");
    lastConn(gw).ws.close(1008, "forceOffline");
    expect((await failure(pending)).code).toBe("disconnected");
    expect(closes).toHaveLength(1);
    expect(closes[0]).toMatchObject({ code: 1008, reason: "forceOffline", reconnecting: false });
    expect(closes[0]!.error?.code).toBe("forced-offline");
    expect(errorsOf(customer)).toHaveLength(1);
    expect((errorsOf(customer)[0] as CustomerError).code).toBe("forced-offline");
    expect(errorsOf(customer)[0]!.message).toContain("forceOffline");
    expect(customer.state).toBe("closed");
    expect(thrown(() => customer.send(Cmd.Nudge)).code).toBe("closed");
    expect((await failure(customer.ready())).code).toBe("closed");
    await sleep(50);
    expect(gw.handshakes).toBe(1);
  });

  test("close(): pending requests fail with 'closed', the gateway sees the code and reason, no reconnect, calls fail with 'closed'", async () => {
    const gw = await start({ encoding: "binary" });
    const customer = connect(gw);
    const closes = record(customer, "close");
    await within(customer.ready(), bound, "open");
    const pending = customer.request(Cmd.Delayed, { ms: -1, n: 1 });
    expect(() => customer.close(1001)).toThrow(TypeError);
    expect(customer.state).toBe("open");
    customer.close(3001, "bye");
    expect(customer.state).toBe("closed");
    const error = await failure(pending);
    expect(error.code).toBe("closed");
    expect(closes).toEqual([{ code: 3001, reason: "bye", reconnecting: false, error: undefined }]);
    expect(thrown(() => customer.send(Cmd.Nudge)).code).toBe("closed");
    expect((await failure(customer.request(Cmd.Echo, { text: "x" }))).code).toBe("closed");
    expect((await failure(customer.ready())).code).toBe("closed");
    await until(() => lastConn(gw).closed !== undefined, "the gateway's close");
    expect(lastConn(gw).closed).toEqual({ code: 3001, reason: "bye" });
    customer.close();
    await sleep(30);
    expect(closes).toHaveLength(1);
    expect(gw.handshakes).toBe(1);
    expect(errorsOf(customer)).toEqual([]);
  });

  test("close() while connecting or reconnecting stops for good; ready() rejects", async () => {
    const gw = await start({ encoding: "json" });
    const first = connect(gw);
    const ready = first.ready();
    first.close();
    expect((await failure(ready)).code).toBe("closed");

    gw.refuse = 100;
    const second = connect(gw, { reconnect: { initialDelay: 5, jitter: 0 } });
    await until(() => second.state === "reconnecting", "reconnecting");
    second.close();
    const handshakes = gw.handshakes;
    await sleep(40);
    expect(gw.handshakes).toBe(handshakes);
    expect(second.state).toBe("closed");
  });

  test("reconnect: false ends the client at the first drop; maxAttempts gives up with an error", async () => {
    const gw = await start({ encoding: "json" });
    const once = connect(gw, { reconnect: false });
    const closes = record(once, "close");
    await within(once.ready(), bound, "open");
    lastConn(gw).ws.terminate();
    await until(() => once.state === "closed", "closed");
    expect(closes).toEqual([{ code: 1006, reason: "", reconnecting: false, error: undefined }]);

    gw.refuse = 100;
    const giving = connect(gw, { reconnect: { initialDelay: 1, maxAttempts: 2, jitter: 0 } });
    const tries = record(giving, "reconnecting");
    await until(() => giving.state === "closed", "given up");
    expect(tries.map((t) => t.attempt)).toEqual([1, 2]);
    expect(errorsOf(giving).map((e) => [(e as CustomerError).code, e.message])).toEqual([["closed", "gave up reconnecting after 2 attempts"]]);
    expect((await failure(giving.ready())).code).toBe("closed");
    expect(errorsOf(once)).toEqual([]);
  });

  test("no WebSocket in the runtime is a clear error", () => {
    vi.stubGlobal("WebSocket", undefined);
    try {
      expect(() => new Customer(bindingOf("json"), { url: "ws://127.0.0.1:1/" })).toThrow(/pass options\.WebSocket/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test("an error with no listener is thrown, not swallowed; a throwing lifecycle listener is reported", async () => {
    const { customer, socket } = stubCustomer("json");
    customer.on("open", () => {
      throw new Error("open listener broke");
    });
    socket().open();
    expect(errorsOf(customer).map((e) => e.message)).toEqual(["open listener broke"]);

    const bare = new Customer<Types>(bindingOf("json"), { url: "wss://stub/", WebSocket: StubSocket });
    customers.push(bare);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => void uncaught.push(error);
    const listeners = process.listeners("uncaughtException");
    process.removeAllListeners("uncaughtException");
    process.on("uncaughtException", onUncaught);
    try {
      const stub = StubSocket.instances[StubSocket.instances.length - 1]!;
      stub.open();
      stub.message("WorkerId wrong");
      await until(() => uncaught.length === 1, "the uncaught error");
    } finally {
      process.off("uncaughtException", onUncaught);
      for (const listener of listeners) process.on("uncaughtException", listener);
    }
    expect((uncaught[0] as CustomerError).code).toBe("protocol");
    expect((uncaught[0] as CustomerError).message).toContain('"WorkerId wrong"');
  });
});

// ---------------------------------------------------------------- types

/** Diagnostics of a program over the runtime and in-memory snippets (paths relative to the repository). */
function diagnose(snippets: Record<string, string>, options: ts.CompilerOptions, roots: string[] = []): string[] {
  const files = new Map(Object.entries(snippets).map(([path, text]) => [join(repoRoot, path), text]));
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = files.get(file);
    return text === undefined ? getSourceFile.call(host, file, language, ...rest) : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([...files.keys(), ...roots.map((r) => join(repoRoot, r))], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file === undefined ? "" : `${d.file.fileName.slice(repoRoot.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `;
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

const strictest: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
};

/** A consumer's view of the typed client; every @ts-expect-error must find its error. */
const usage = `
import { Customer, type AbortSignalLike, type CustomerTypes, type WebSocketConstructor } from "../../plugin/runtime/customer-client.js";
import type { AppBinding } from "../../plugin/runtime/app-wire.js";
declare const binding: AppBinding;
declare const signal: AbortSignalLike;
declare const WebSocketClass: WebSocketConstructor;
interface Types extends CustomerTypes {
  readonly oneway: { readonly 1: { text: string }; readonly 4: undefined };
  readonly request: { readonly 2: { text: string }; readonly 9: undefined };
  readonly response: { readonly 2: { reply: string }; readonly 9: { count: number } };
  readonly event: { readonly 3: { text: string }; readonly 8: undefined };
}
const c = new Customer<Types>(binding, { url: "wss://example.com/netsvr", WebSocket: WebSocketClass, gateway: { prefix: "001", ping: "a", pong: "b" }, reconnect: { maxAttempts: 3 } });
c.send(1, { text: "hi" });
c.send(4);
// @ts-expect-error a command without body takes none
c.send(4, {});
// @ts-expect-error the body is required
c.send(1);
// @ts-expect-error a request is not one-way
c.send(2, { text: "" });
export const reply: Promise<{ reply: string }> = c.request(2, { text: "" }, { timeout: 5, signal });
export const count: Promise<{ count: number }> = c.request(9);
// @ts-expect-error the body's shape
void c.request(2, { txt: "" });
c.on(3, (body) => { const text: string = body.text; void text; });
c.on(8, (body) => { const none: undefined = body; void none; });
c.on("close", (info) => { const again: boolean = info.reconnecting; void again; });
c.on("reconnecting", ({ attempt, delay }) => void (attempt + delay));
// @ts-expect-error a one-way command is no event
c.on(1, () => {});
export const state: "connecting" | "open" | "reconnecting" | "closed" = c.state;
`;

describe("types", () => {
  test("the runtime type-checks under ES2022 alone: no DOM, no Node types", () => {
    expect(diagnose({}, { ...strictest, lib: ["lib.es2022.d.ts"], types: [] }, ["plugin/runtime/customer-client.ts"])).toEqual([]);
  });

  test("typed send/request/on, and the DOM's WebSocket and AbortSignal fit", () => {
    const dom = `
import type { AbortSignalLike, WebSocketConstructor } from "../../plugin/runtime/customer-client.js";
export const socket: WebSocketConstructor = WebSocket;
export const signal: AbortSignalLike = new AbortController().signal;
`;
    const lib = ["lib.es2022.d.ts", "lib.dom.d.ts"];
    expect(diagnose({ "test/__customer_types__/usage.ts": usage, "test/__customer_types__/dom.ts": dom }, { ...strictest, lib, types: [] })).toEqual([]);
  });

  test("the ws package's WebSocket and Node's AbortSignal fit", () => {
    const node = `
import { WebSocket } from "ws";
import type { AbortSignalLike, WebSocketConstructor } from "../../plugin/runtime/customer-client.js";
export const socket: WebSocketConstructor = WebSocket;
export const signal: AbortSignalLike = AbortSignal.timeout(5);
`;
    expect(diagnose({ "test/__customer_types__/node.ts": node }, { ...strictest, lib: ["lib.es2022.d.ts"], types: ["node"], skipLibCheck: true })).toEqual([]);
  });
});
