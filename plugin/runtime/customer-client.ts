import { MessageError, messageOf, preview, readBody, readMessage, sendBinaryHint, utf8, type AppBinding, type AppCommand, type WireMessage } from "./app-wire.js";
import type { GatewayRules } from "./gateway-link.js";

/**
 * The protocol-independent part of an application protocol's customer: one
 * WebSocket connection through the gateway, kept open, with heartbeats,
 * back-pressure, requests matched by id, pushes and reconnects.
 * customer.ts binds it to one protocol's tables and types.
 *
 * No Node built-ins and no DOM types: it runs in browsers, Deno, Bun and
 * Node (its global WebSocket from v22, or the ws package's), and type-checks
 * without either lib. What it needs from the runtime (WebSocket, timers) it
 * reaches through globalThis, described by the structural types below.
 */

/**
 * Why a customer call failed, or what the "error" event reports:
 * - "not-connected": no open connection right now (connecting or
 *   reconnecting); nothing is queued: await ready() and retry;
 * - "disconnected": the connection dropped before the answer came; the
 *   business may or may not have executed the request;
 * - "timeout": no answer within the request's timeout;
 * - "aborted": the request's AbortSignal fired;
 * - "backpressure": more than highWaterMark bytes wait to be sent;
 * - "closed": close() was called, or the client ended (forced offline,
 *   reconnect off or given up);
 * - "remote": the business answered with an error; remoteCode and the
 *   message are its own;
 * - "protocol": a message from the gateway cannot be read or matched;
 * - "heartbeat-timeout": the gateway did not answer a ping in time (the
 *   connection was dropped);
 * - "forced-offline": the gateway closed the connection with 1008, as
 *   netsvr's ForceOffline commands do; the client does not reconnect;
 * - "wrong-frame-type": binary protobuf was expected and the gateway sent
 *   text (netsvr: its Customer.SendMessageType must be 2).
 */
export type CustomerErrorCode =
  | "not-connected"
  | "disconnected"
  | "timeout"
  | "aborted"
  | "backpressure"
  | "closed"
  | "remote"
  | "protocol"
  | "heartbeat-timeout"
  | "forced-offline"
  | "wrong-frame-type";

export class CustomerError extends Error {
  override readonly name: "CustomerError" = "CustomerError";
  readonly code: CustomerErrorCode;
  /** The command the failed call was about, if any. */
  readonly cmd: number | undefined;
  /** code "remote": the error code the business answered with. */
  readonly remoteCode: string | undefined;

  constructor(
    code: CustomerErrorCode,
    message: string,
    details: { readonly cmd?: number | undefined; readonly remoteCode?: string; readonly cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.cmd = details.cmd;
    this.remoteCode = details.remoteCode;
  }
}

/**
 * What the client needs of a WebSocket: the browser's, Deno's, Bun's and
 * Node's global one and the ws package's all fit. The handlers take `never`
 * so that each runtime's own event types are accepted; the client reads
 * only data (message) and code and reason (close).
 */
export interface WebSocketLike {
  /** Set to "arraybuffer": binary messages then arrive as ArrayBuffer everywhere. */
  binaryType: string;
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Bytes given to send() and not yet sent. */
  readonly bufferedAmount: number;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
  /** ws package only: ends the connection without the closing handshake, which a dead peer never completes. */
  terminate?(): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}

export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** What the client needs of an AbortSignal (the global one of every runtime fits). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { readonly once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

export interface ReconnectOptions {
  /** First delay after a drop, in ms. Default 500. */
  readonly initialDelay?: number;
  /** Largest delay, in ms. Default 10000. */
  readonly maxDelay?: number;
  /** Growth per failed attempt. Default 2. */
  readonly factor?: number;
  /** Fraction of each delay drawn at random, 0..1, so customers dropped together do not come back together. Default 0.5. */
  readonly jitter?: number;
  /** Give up after this many attempts in a row without an open connection. Default Infinity. */
  readonly maxAttempts?: number;
}

export interface CustomerOptions {
  /** The gateway's customer URL, e.g. "wss://example.com/netsvr". */
  readonly url: string;
  /** What the gateway needs of its customers: a prefix on every message, a heartbeat (e.g. netsvr-protocol's customerRules()). */
  readonly gateway?: GatewayRules;
  /** The WebSocket class. Default globalThis.WebSocket (Node before 22 has none: pass the ws package's). */
  readonly WebSocket?: WebSocketConstructor;
  /** WebSocket subprotocols to offer. */
  readonly protocols?: string | string[];
  /** Default timeout of request(), in ms. Default 10000. */
  readonly requestTimeout?: number;
  /** Sends gateway.ping this often, in ms; 0 never. Default 20000. */
  readonly heartbeatInterval?: number;
  /** Drops the connection when gateway.pong is this late, in ms (only when the gateway has a pong). Default 10000. */
  readonly heartbeatTimeout?: number;
  /** Bytes waiting to be sent above which send() and request() fail with "backpressure". Default 8 MiB. */
  readonly highWaterMark?: number;
  /** Reconnect after a drop (default), or not (false). A failed first connection is retried the same way. */
  readonly reconnect?: false | ReconnectOptions;
}

export interface RequestOptions {
  /** In ms; defaults to the client's requestTimeout. Infinity: none. */
  readonly timeout?: number;
  readonly signal?: AbortSignalLike;
}

export type CustomerState = "connecting" | "open" | "reconnecting" | "closed";

/** How a connection ended. */
export interface CloseInfo {
  /**
   * The WebSocket close code: 1006 when the connection failed or dropped
   * without a closing handshake, 1008 when the gateway forced the customer
   * offline; 4000 when the client dropped it for a missing pong.
   */
  readonly code: number;
  readonly reason: string;
  /** Whether the client will try again. */
  readonly reconnecting: boolean;
  /** What the client knows of why, when it knows more than the code. */
  readonly error: CustomerError | undefined;
}

export interface ReconnectingInfo {
  /** 1 for the first attempt after a drop; reset once a connection opens. */
  readonly attempt: number;
  /** In ms, until this attempt. */
  readonly delay: number;
}

/** Lifecycle notifications of a customer. */
export interface CustomerLifecycle {
  /** A connection (first or later) is open. */
  readonly open: () => void;
  /** A connection, or an attempt at one, ended; close() reports the one it closes. */
  readonly close: (info: CloseInfo) => void;
  /**
   * Something failed without a caller to tell: a push that cannot be read
   * or is not an event, a handler that threw or whose promise rejected, a
   * message that is not the protocol's (e.g. the gateway's own text), the
   * gateway forcing the customer offline, reconnecting given up. Like an
   * EventEmitter's, an error with no listener is thrown (asynchronously).
   */
  readonly error: (error: Error) => void;
  /** The next connection attempt is scheduled. */
  readonly reconnecting: (info: ReconnectingInfo) => void;
}

/**
 * The protocol's types, by command id: what send() and request() take, what
 * request() returns, which pushes on() receives. customer.ts defines them
 * from the generated tables; an entry of undefined means a command without
 * body.
 */
export interface CustomerTypes {
  readonly oneway: object;
  readonly request: object;
  readonly response: object;
  readonly event: object;
}

type CmdOf<M> = keyof M & number;
type BodyArgs<B> = [B] extends [undefined] ? [] : [body: B];
type RequestArgs<B> = [B] extends [undefined] ? [body?: undefined, options?: RequestOptions] : [body: B, options?: RequestOptions];

/** A push handler; a returned promise is caught, and its rejection reported like a throw. */
export type EventHandler<B> = (body: B) => void | Promise<void>;

/** A function that removes the listener it came from. */
export type Unsubscribe = () => void;

// Through globalThis: every runtime has them, and a consumer compiling
// without the DOM or Node types must still be able to type-check. Read at
// each call, so a test's fake timers apply.
const host = globalThis as unknown as {
  readonly WebSocket?: WebSocketConstructor;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  queueMicrotask(callback: () => void): void;
};

const defaults = {
  requestTimeout: 10_000,
  heartbeatInterval: 20_000,
  heartbeatTimeout: 10_000,
  highWaterMark: 8 * 1024 * 1024,
};

const reconnectDefaults: Required<ReconnectOptions> = {
  initialDelay: 500,
  maxDelay: 10_000,
  factor: 2,
  jitter: 0.5,
  maxAttempts: Number.POSITIVE_INFINITY,
};

/** WebSocket readyState of an open connection. */
const OPEN = 1;
/** Close code of netsvr's ForceOffline (and of any policy refusal): do not come back. */
const POLICY_VIOLATION = 1008;
/** Close code the client reports when it drops a connection whose pong is late. */
const HEARTBEAT_CLOSE = 4000;
/** Largest timer delay every runtime honours (2^31 - 1 ms); a longer one would fire at once. */
const MAX_DELAY = 0x7fffffff;

/** One WebSocket and what the client learned about it. */
interface Connection {
  readonly socket: WebSocketLike;
  opened: boolean;
  /** Whether a binary / text message arrived on it: tells what the gateway sends. */
  sawBinary: boolean;
  sawText: boolean;
  /** "wrong-frame-type" is reported once per connection, not once per message. */
  wrongFrameReported: boolean;
  /** The message of its last error event, where the WebSocket gives one (ws, not browsers). */
  errorText: string | undefined;
}

/** One request waiting for its answer, by request id. */
interface Pending {
  readonly cmd: number;
  readonly resolve: (body: unknown) => void;
  readonly reject: (error: Error) => void;
  timer: unknown;
  cleanup: (() => void) | undefined;
}

/**
 * One customer's connection through the gateway. It starts connecting when
 * constructed; ready() resolves once it is open. Its methods take and
 * return untyped bodies; customer.ts gives them the protocol's types.
 *
 * Each request carries an id from 1 upward, and its answer carries the same
 * id: the gateway does not keep one customer's messages in order, so
 * answers are matched by id. An answer whose request already settled
 * (timed out, aborted) is dropped.
 */
export class Customer<T extends CustomerTypes = CustomerTypes> {
  // #private members: private at run time too, and a minifier may shorten their names (a browser downloads them).
  readonly #binding: AppBinding;
  readonly #options: CustomerOptions;
  readonly #WebSocketClass: WebSocketConstructor;
  readonly #prefix: string;
  /** The prefix as it starts a binary message. */
  readonly #prefixBytes: Uint8Array;
  readonly #pongBytes: Uint8Array | undefined;
  #conn: Connection | undefined = undefined;
  #stateValue: CustomerState = "connecting";
  /** Why the client ended, for ready() and calls made after. */
  #endError: CustomerError | undefined = undefined;
  readonly #pending = new Map<number, Pending>();
  // TypeScript-private, not #private: a test starts it near 2^32 to see ids wrap.
  private nextId = 1;
  readonly #handlers = new Map<number, Set<EventHandler<unknown>>>();
  readonly #lifecycle: { [K in keyof CustomerLifecycle]: Set<CustomerLifecycle[K]> } = {
    open: new Set(),
    close: new Set(),
    error: new Set(),
    reconnecting: new Set(),
  };
  readonly #waiters = new Set<{ readonly resolve: () => void; readonly reject: (error: Error) => void }>();
  #heartbeatTimer: unknown = undefined;
  #pongTimer: unknown = undefined;
  #reconnectTimer: unknown = undefined;
  #reconnectAttempts = 0;
  /** The reconnect options with their defaults; undefined: reconnect is off. */
  readonly #backoff: Required<ReconnectOptions> | undefined;

  /** Starts connecting at once; throws when there is no WebSocket class or the WebSocket refuses the URL. */
  constructor(binding: AppBinding, options: CustomerOptions) {
    this.#binding = binding;
    this.#options = options;
    this.#backoff = options.reconnect === false ? undefined : { ...reconnectDefaults, ...options.reconnect };
    const WebSocketClass = options.WebSocket ?? host.WebSocket;
    if (typeof WebSocketClass !== "function") {
      throw new TypeError("no WebSocket in this runtime (Node before 22 has none): pass options.WebSocket, e.g. the ws package's WebSocket");
    }
    this.#WebSocketClass = WebSocketClass;
    this.#prefix = options.gateway?.prefix ?? "";
    this.#prefixBytes = utf8(this.#prefix);
    const pong = options.gateway?.pong;
    this.#pongBytes = pong === undefined ? undefined : utf8(pong);
    try {
      this.#connect();
    } catch (error) {
      // A bad URL is the caller's to hear of now, not a reason to retry.
      this.#end(new CustomerError("closed", "the WebSocket could not be created", { cause: error }));
      throw error;
    }
  }

  get state(): CustomerState {
    return this.#stateValue;
  }

  /** Bytes given to the WebSocket and not yet sent. */
  get bufferedAmount(): number {
    return this.#conn?.socket.bufferedAmount ?? 0;
  }

  /** Requests sent and not yet settled. */
  get pendingRequests(): number {
    return this.#pending.size;
  }

  /** Resolves once the client is open; rejects with "closed" if it ends first. */
  ready(): Promise<void> {
    if (this.#stateValue === "open") return Promise.resolve();
    if (this.#stateValue === "closed") return Promise.reject(this.#closedError());
    return new Promise((resolve, reject) => this.#waiters.add({ resolve, reject }));
  }

  /** Sends a one-way command; throws when it cannot be sent now (nothing is queued). */
  send<C extends CmdOf<T["oneway"]>>(cmd: C, ...body: BodyArgs<T["oneway"][C]>): void {
    const command = this.#command(cmd, "oneway");
    const socket = this.#writable(cmd);
    this.#transmit(socket, this.#binding.wire.write(cmd, command.name, 0, command.write?.(body[0])));
  }

  /** Sends a request and resolves with its answer's body. */
  request<C extends CmdOf<T["request"]>>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<T["response"][C & keyof T["response"]]> {
    return this.#call(cmd, args[0], args[1] ?? {}) as Promise<T["response"][C & keyof T["response"]]>;
  }

  /** Calls handler for every push of this event command; returns a function that stops it. */
  on<C extends CmdOf<T["event"]>>(cmd: C, handler: EventHandler<T["event"][C]>): Unsubscribe;
  /** Calls listener on a lifecycle change; returns a function that stops it. */
  on<K extends keyof CustomerLifecycle>(kind: K, listener: CustomerLifecycle[K]): Unsubscribe;
  on(key: number | keyof CustomerLifecycle, listener: (...args: never[]) => void): Unsubscribe {
    if (typeof key === "string") {
      const set = this.#lifecycle[key] as Set<unknown> | undefined;
      if (set === undefined) throw new TypeError(`unknown lifecycle event ${JSON.stringify(key)}`);
      set.add(listener);
      return () => void set.delete(listener);
    }
    if (this.#binding.commands[key]?.kind !== "event") throw new TypeError(`${this.#name(key)} is not an event command`);
    let set = this.#handlers.get(key);
    if (set === undefined) this.#handlers.set(key, (set = new Set()));
    const handler = listener as EventHandler<unknown>;
    set.add(handler);
    return () => void set.delete(handler);
  }

  /**
   * Ends the client: no reconnect, pending requests fail with "closed", the
   * connection is closed with code (1000 or 3000-4999) and reason, and
   * "close" is emitted for it. Calls from now on fail with "closed".
   */
  close(code = 1000, reason?: string): void {
    // Checked before anything changes: a WebSocket throws on these, and the client would be half closed.
    if (code !== 1000 && !(Number.isInteger(code) && code >= 3000 && code <= 4999)) {
      throw new TypeError(`close code ${code}: a WebSocket may only close with 1000 or 3000-4999`);
    }
    if (reason !== undefined && utf8(reason).length > 123) throw new TypeError("a close reason may have at most 123 bytes of UTF-8");
    if (this.#stateValue === "closed") return;
    const conn = this.#conn;
    this.#conn = undefined;
    this.#end(new CustomerError("closed", "the client is closed"));
    if (conn === undefined) return;
    try {
      if (reason === undefined) conn.socket.close(code);
      else conn.socket.close(code, reason);
    } catch {
      // Already closing: nothing more to ask of it.
    }
    this.#emit("close", { code, reason: reason ?? "", reconnecting: false, error: undefined });
  }

  // ------------------------------------------------------------ sending

  #call(cmd: number, body: unknown, options: RequestOptions): Promise<unknown> {
    const signal = options.signal;
    let id: number;
    try {
      const command = this.#command(cmd, "request");
      // Only the signal's reason becomes "aborted"; encoder, kind and state errors keep their own type.
      if (signal?.aborted) throw this.#aborted(cmd, signal.reason);
      const socket = this.#writable(cmd);
      const payload = command.write?.(body);
      id = this.#takeId();
      this.#transmit(socket, this.#binding.wire.write(cmd, command.name, id, payload));
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      const entry: Pending = { cmd, resolve, reject, timer: undefined, cleanup: undefined };
      this.#pending.set(id, entry);
      const timeout = options.timeout ?? this.#options.requestTimeout ?? defaults.requestTimeout;
      if (timeout !== Number.POSITIVE_INFINITY) {
        entry.timer = host.setTimeout(() => {
          this.#settle(id, new CustomerError("timeout", `${this.#name(cmd)} got no answer within ${timeout} ms`, { cmd }));
        }, Math.min(Math.max(timeout, 0), MAX_DELAY));
      }
      if (signal !== undefined) {
        const onAbort = (): void => this.#settle(id, this.#aborted(cmd, signal.reason));
        signal.addEventListener("abort", onAbort, { once: true });
        entry.cleanup = () => signal.removeEventListener("abort", onAbort);
      }
    });
  }

  /** The next request id: 1 to 2^32 - 1, then 1 again, skipping ids still waiting. */
  #takeId(): number {
    let id = this.nextId;
    while (this.#pending.has(id)) id = id === 0xffffffff ? 1 : id + 1;
    this.nextId = id === 0xffffffff ? 1 : id + 1;
    return id;
  }

  #command(cmd: number, kind: "oneway" | "request"): AppCommand {
    const command = this.#binding.commands[cmd];
    if (command?.kind !== kind) throw new TypeError(`${this.#name(cmd)} is not a ${kind} command`);
    return command;
  }

  /** Throws what sending now would fail with; returns the socket to send on. */
  #writable(cmd: number): WebSocketLike {
    if (this.#stateValue === "closed") throw new CustomerError("closed", "cannot send: the client is closed", { cmd, cause: this.#endError });
    const socket = this.#conn?.socket;
    if (this.#stateValue !== "open" || socket === undefined || socket.readyState !== OPEN) {
      // Open but not readyState OPEN: the gateway's close arrived and its close event is on its way.
      const now = this.#stateValue === "open" ? "closing" : this.#stateValue;
      throw new CustomerError("not-connected", `cannot send: the connection is ${now}`, { cmd });
    }
    const highWaterMark = this.#options.highWaterMark ?? defaults.highWaterMark;
    if (socket.bufferedAmount > highWaterMark) {
      throw new CustomerError("backpressure", `${socket.bufferedAmount} bytes wait to be sent (highWaterMark ${highWaterMark})`, { cmd });
    }
    return socket;
  }

  /** Sends an encoded message behind the gateway's prefix: text behind text, bytes behind its UTF-8. */
  #transmit(socket: WebSocketLike, message: Uint8Array | string): void {
    if (typeof message === "string") {
      socket.send(this.#prefix + message);
      return;
    }
    if (this.#prefixBytes.length === 0) {
      socket.send(message);
      return;
    }
    const framed = new Uint8Array(this.#prefixBytes.length + message.length);
    framed.set(this.#prefixBytes, 0);
    framed.set(message, this.#prefixBytes.length);
    socket.send(framed);
  }

  // ------------------------------------------------------------ receiving

  #receive(conn: Connection, raw: unknown): void {
    let data: Uint8Array | string;
    if (typeof raw === "string") {
      data = raw;
      conn.sawText = true;
    } else if (ArrayBuffer.isView(raw)) {
      data = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      conn.sawBinary = true;
    } else if (raw instanceof ArrayBuffer) {
      data = new Uint8Array(raw);
      conn.sawBinary = true;
    } else {
      this.#emit("error", new CustomerError("protocol", `a message arrived as ${String(raw)}: the WebSocket ignored binaryType "arraybuffer"`));
      return;
    }
    if (this.#isPong(data)) {
      host.clearTimeout(this.#pongTimer);
      this.#pongTimer = undefined;
      return;
    }
    let message: WireMessage;
    try {
      message = readMessage(this.#binding, data);
    } catch (error) {
      this.#unreadable(conn, data, error);
      return;
    }
    if (message.id !== 0) this.#answer(message);
    else if (message.kind === "error") {
      // Not an answer to a request: the business refused a one-way message.
      const name = message.cmd === 0 ? "a message" : this.#name(message.cmd);
      const text = `the business refused ${name}: ${message.code}: ${message.message}`;
      this.#emit("error", new CustomerError("remote", text, { cmd: message.cmd === 0 ? undefined : message.cmd, remoteCode: message.code }));
    } else this.#push(message);
  }

  #isPong(data: Uint8Array | string): boolean {
    const pong = this.#pongBytes;
    if (pong === undefined) return false;
    if (typeof data === "string") return data === this.#options.gateway?.pong;
    return data.length === pong.length && data.every((byte, i) => byte === pong[i]);
  }

  #answer(message: WireMessage): void {
    const entry = this.#pending.get(message.id);
    // Its request timed out or was aborted: the answer is late, not wrong.
    if (entry === undefined) return;
    const cmd = entry.cmd;
    if (message.kind === "error") {
      const text = message.message === "" ? `${this.#name(cmd)} failed: ${message.code}` : message.message;
      this.#settle(message.id, new CustomerError("remote", text, { cmd, remoteCode: message.code }));
      return;
    }
    if (message.cmd !== cmd) {
      this.#settle(message.id, new CustomerError("protocol", `the answer to ${this.#name(cmd)} came as ${this.#name(message.cmd)}`, { cmd }));
      return;
    }
    let body: unknown;
    try {
      body = readBody(this.#binding, message);
    } catch (error) {
      this.#settle(message.id, new CustomerError("protocol", `the answer to ${this.#name(cmd)} cannot be read: ${messageOf(error)}`, { cmd, cause: error }));
      return;
    }
    this.#settle(message.id, undefined, body);
  }

  #push(message: WireMessage & { readonly kind: "command" }): void {
    const cmd = message.cmd;
    if (this.#binding.commands[cmd]?.kind !== "event") {
      this.#emit("error", new CustomerError("protocol", `${this.#name(cmd)} arrived as a push, but it is not an event`, { cmd }));
      return;
    }
    let body: unknown;
    try {
      body = readBody(this.#binding, message);
    } catch (error) {
      this.#emit("error", new CustomerError("protocol", `a ${this.#name(cmd)} push cannot be read: ${messageOf(error)}`, { cmd, cause: error }));
      return;
    }
    for (const handler of this.#handlers.get(cmd) ?? []) {
      try {
        const result = handler(body);
        // Only a promise is tracked: a sync handler may return anything.
        if (typeof (result as Promise<void> | undefined)?.then === "function") {
          (result as Promise<void>).then(undefined, (error: unknown) => this.#emit("error", asError(error)));
        }
      } catch (error) {
        this.#emit("error", asError(error));
      }
    }
  }

  /** A message readMessage refused: it fails the request it answers, if that can be told, else it is reported. */
  #unreadable(conn: Connection, data: Uint8Array | string, error: unknown): void {
    if (error instanceof MessageError && error.code === "wrong-frame-type" && typeof data === "string") {
      this.#wrongFrame(conn, data, error);
      return;
    }
    const id = error instanceof MessageError ? error.id : undefined;
    const entry = id === undefined || id === 0 ? undefined : this.#pending.get(id);
    if (id !== undefined && entry !== undefined) {
      const cmd = entry.cmd;
      this.#settle(id, new CustomerError("protocol", `the answer to ${this.#name(cmd)} cannot be read: ${messageOf(error)}`, { cmd, cause: error }));
      return;
    }
    const cmd = error instanceof MessageError ? error.cmd : undefined;
    this.#emit("error", new CustomerError("protocol", `a message from the gateway cannot be read: ${messageOf(error)}`, { cmd, cause: error }));
  }

  /**
   * Text where binary protobuf was expected. The text may be a protobuf
   * message the gateway sent as text (it passed as UTF-8, so its bytes come
   * back exactly): then it fails the request it answers. Or it is the
   * gateway's own text (netsvr v2: "WorkerId wrong"), shown in the message.
   */
  #wrongFrame(conn: Connection, text: string, error: MessageError): void {
    let what = `the text: ${preview(text)}`;
    let answered: number | undefined;
    try {
      const message = readMessage(this.#binding, utf8(text));
      what = `it holds ${message.id === 0 ? "a push" : "an answer"} of ${message.cmd === 0 ? "an error" : this.#name(message.cmd)}`;
      if (message.id !== 0 && this.#pending.has(message.id)) answered = message.id;
    } catch {
      // Not a protocol message at all: the preview says what it is.
    }
    const failure = new CustomerError("wrong-frame-type", `${error.message} (${what})`, { cause: error });
    if (answered !== undefined) {
      const cmd = this.#pending.get(answered)?.cmd;
      this.#settle(answered, new CustomerError("wrong-frame-type", failure.message, { cmd, cause: error }));
    }
    if (conn.wrongFrameReported) return;
    conn.wrongFrameReported = true;
    this.#emit("error", failure);
  }

  // ------------------------------------------------------------ connection

  #connect(): void {
    const { url, protocols } = this.#options;
    const socket = protocols === undefined ? new this.#WebSocketClass(url) : new this.#WebSocketClass(url, protocols);
    const conn: Connection = { socket, opened: false, sawBinary: false, sawText: false, wrongFrameReported: false, errorText: undefined };
    this.#conn = conn;
    socket.binaryType = "arraybuffer";
    // Events of a socket the client has let go of (closed, timed out) are ignored.
    socket.onopen = () => {
      if (this.#conn === conn) this.#opened(conn);
    };
    socket.onmessage = (event: { readonly data: unknown }) => {
      if (this.#conn === conn) this.#receive(conn, event.data);
    };
    socket.onclose = (event: { readonly code: number; readonly reason: string }) => {
      if (this.#conn === conn) this.#closedBy(conn, event.code, event.reason);
    };
    // The close event follows every error and reports it; only the error's text is kept, for a hint. A handler
    // must stay even on a socket let go of: ws throws an error nobody listens for.
    socket.onerror = (event: { readonly message?: unknown }) => {
      if (this.#conn === conn && typeof event.message === "string" && event.message !== "") conn.errorText = event.message;
    };
  }

  #opened(conn: Connection): void {
    conn.opened = true;
    this.#reconnectAttempts = 0;
    this.#setState("open");
    this.#startHeartbeat(conn);
    this.#emit("open");
  }

  /** The gateway (or the network) closed the connection. */
  #closedBy(conn: Connection, code: number, reason: string): void {
    if (code === POLICY_VIOLATION) {
      const why = reason === "" ? "" : ` (${reason})`;
      this.#lost(code, reason, new CustomerError("forced-offline", `the gateway forced this customer offline${why}; not reconnecting`), true, true);
      return;
    }
    // A WebSocket client fails the connection on a text message that is not UTF-8 (browsers report 1006 and no
    // reason; ws sends 1007, reports 1006, and says why in its error event): what binary protobuf sent as text
    // does. Suspected when the WebSocket said so, or when no binary message came while one was expected (an
    // answer) or text came.
    const invalidUtf8 = conn.errorText !== undefined && /utf-?8/i.test(conn.errorText);
    const suspect =
      this.#binding.wire.encoding === "binary" &&
      conn.opened &&
      (code === 1006 || code === 1007) &&
      (invalidUtf8 || (!conn.sawBinary && (code === 1007 || conn.sawText || this.#pending.size > 0)));
    if (suspect) {
      const said = conn.errorText === undefined ? "" : ` (the WebSocket said: ${preview(conn.errorText)})`;
      const message =
        `the connection failed (${code})${said} while binary protobuf was expected; ` +
        "a likely cause: the gateway sends text messages and a protobuf message was not valid UTF-8, which a WebSocket client must refuse; " +
        sendBinaryHint;
      this.#lost(code, reason, new CustomerError("wrong-frame-type", message), !conn.wrongFrameReported, false);
      return;
    }
    this.#lost(code, reason, undefined, false, false);
  }

  /**
   * The connection is gone: fail what waited on it, then reconnect unless
   * told not to. report: also emit error on "error".
   */
  #lost(code: number, reason: string, error: CustomerError | undefined, report: boolean, final: boolean): void {
    this.#conn = undefined;
    this.#stopHeartbeat();
    this.#failPending("disconnected", "the connection dropped before the answer came", error);
    const o = this.#backoff;
    let reconnecting = !final && o !== undefined;
    let gaveUp: CustomerError | undefined;
    if (reconnecting && this.#reconnectAttempts >= o!.maxAttempts) {
      reconnecting = false;
      gaveUp = new CustomerError("closed", `gave up reconnecting after ${this.#reconnectAttempts} attempts`, { cause: error });
    }
    // The state changes before anything is emitted, so listeners see "reconnecting" or "closed", not "open".
    if (reconnecting) this.#setState("reconnecting");
    else this.#end(gaveUp ?? new CustomerError("closed", final ? (error?.message ?? "the connection closed") : "the connection closed and reconnect is off", { cause: error }));
    this.#emit("close", { code, reason, reconnecting, error: error ?? gaveUp });
    if (report && error !== undefined) this.#emit("error", error);
    if (gaveUp !== undefined) this.#emit("error", gaveUp);
    // A listener may have closed the client.
    if (reconnecting && this.#stateValue === "reconnecting") this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const o = this.#backoff!;
    const base = Math.min(o.maxDelay, o.initialDelay * o.factor ** this.#reconnectAttempts);
    const delay = Math.round(base * (1 - o.jitter * Math.random()));
    const attempt = ++this.#reconnectAttempts;
    this.#reconnectTimer = host.setTimeout(() => {
      this.#reconnectTimer = undefined;
      if (this.#stateValue !== "reconnecting") return;
      try {
        this.#connect();
      } catch (error) {
        // The URL worked before; whatever refuses it now (e.g. a page's security policy) counts as a failed attempt.
        this.#lost(1006, messageOf(error), new CustomerError("disconnected", "the WebSocket could not be created", { cause: error }), false, false);
      }
    }, Math.min(delay, MAX_DELAY));
    this.#emit("reconnecting", { attempt, delay });
  }

  #startHeartbeat(conn: Connection): void {
    const ping = this.#options.gateway?.ping;
    const interval = this.#options.heartbeatInterval ?? defaults.heartbeatInterval;
    if (ping === undefined || !(interval > 0)) return;
    this.#heartbeatTimer = host.setInterval(() => {
      if (this.#conn !== conn || conn.socket.readyState !== OPEN) return;
      // The heartbeat is the gateway's text, not an application message: no prefix.
      conn.socket.send(ping);
      if (this.#pongBytes === undefined || this.#pongTimer !== undefined) return;
      const timeout = this.#options.heartbeatTimeout ?? defaults.heartbeatTimeout;
      this.#pongTimer = host.setTimeout(() => {
        this.#pongTimer = undefined;
        if (this.#conn === conn) this.#heartbeatTimedOut(conn, timeout);
      }, Math.min(timeout, MAX_DELAY));
    }, Math.min(interval, MAX_DELAY));
  }

  #heartbeatTimedOut(conn: Connection, timeout: number): void {
    // A dead peer never completes a closing handshake: let go of the socket now rather than wait for its close event.
    try {
      if (conn.socket.terminate !== undefined) conn.socket.terminate();
      else conn.socket.close(HEARTBEAT_CLOSE, "heartbeat-timeout");
    } catch {
      // Already closing.
    }
    this.#lost(HEARTBEAT_CLOSE, "heartbeat-timeout", new CustomerError("heartbeat-timeout", `no pong within ${timeout} ms`), false, false);
  }

  #stopHeartbeat(): void {
    host.clearInterval(this.#heartbeatTimer);
    host.clearTimeout(this.#pongTimer);
    this.#heartbeatTimer = undefined;
    this.#pongTimer = undefined;
  }

  // ------------------------------------------------------------ bookkeeping

  /** Settles the request waiting under id: with error, or with body. */
  #settle(id: number, error: Error | undefined, body?: unknown): void {
    const entry = this.#pending.get(id);
    if (entry === undefined) return;
    this.#pending.delete(id);
    host.clearTimeout(entry.timer);
    entry.cleanup?.();
    if (error !== undefined) entry.reject(error);
    else entry.resolve(body);
  }

  #failPending(code: "disconnected" | "closed", message: string, cause: Error | undefined): void {
    for (const [id, entry] of [...this.#pending]) {
      const cmd = entry.cmd;
      this.#settle(id, new CustomerError(code, `${this.#name(cmd)}: ${message}`, { cmd, cause }));
    }
  }

  /** The client is done: nothing pending, no timer left, ready() rejects from now on. */
  #end(error: CustomerError): void {
    this.#endError = error;
    this.#stopHeartbeat();
    host.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#failPending("closed", error.message, error.cause instanceof Error ? error.cause : undefined);
    this.#setState("closed");
  }

  #closedError(): CustomerError {
    return new CustomerError("closed", "the client is closed", { cause: this.#endError });
  }

  #setState(state: CustomerState): void {
    this.#stateValue = state;
    if (state !== "open" && state !== "closed") return;
    const error = state === "closed" ? this.#closedError() : undefined;
    for (const waiter of this.#waiters) {
      if (error === undefined) waiter.resolve();
      else waiter.reject(error);
    }
    this.#waiters.clear();
  }

  #aborted(cmd: number, reason: unknown): CustomerError {
    return new CustomerError("aborted", `${this.#name(cmd)} was aborted`, { cmd, cause: reason });
  }

  /** A command's name for messages. */
  #name(cmd: number): string {
    return this.#binding.commands[cmd]?.name ?? `command ${cmd}`;
  }

  #emit<K extends keyof CustomerLifecycle>(kind: K, ...args: Parameters<CustomerLifecycle[K]>): void {
    const listeners = this.#lifecycle[kind] as Set<(...a: Parameters<CustomerLifecycle[K]>) => void>;
    if (kind === "error" && listeners.size === 0) {
      // Like an EventEmitter: an error nobody listens for is not swallowed.
      rethrow(args[0]);
      return;
    }
    for (const listener of [...listeners]) {
      try {
        listener(...args);
      } catch (error) {
        // A listener's exception must not break the client: report it, unless reporting is what threw.
        if (kind === "error") rethrow(error);
        else this.#emit("error", asError(error));
      }
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Throws error outside the client, where the runtime reports it as uncaught. */
function rethrow(error: unknown): void {
  host.queueMicrotask(() => {
    throw error;
  });
}
