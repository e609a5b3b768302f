import { connect as netConnect, type Socket } from "node:net";

/**
 * The protocol-independent part of the Node client: one TCP connection with
 * heartbeats, back-pressure, in-order request matching, events and
 * reconnects. node.ts binds it to one protocol's generated tables and types.
 */

/** What a protocol tells the client; node.ts builds it from the manifest. */
export interface ClientBinding {
  /** The encoded ping frame, if the protocol has a heartbeat. */
  readonly ping: Uint8Array | undefined;
  /** Whether the server answers a ping with a pong. */
  readonly pong: boolean;
  readonly createSplitter: (options: {
    readonly maxFrameSize: number;
    readonly onOversize: (frame: { readonly length: number; readonly cmd: number | undefined }) => void;
  }) => { push(chunk: Uint8Array, onFrame: (frame: Uint8Array) => void): void };
  /** The protocol's default limits: what the server sends at most, and what it accepts. */
  readonly maxIncomingFrameSize: number;
  readonly maxOutgoingFrameSize: number;
  /** Decodes a whole frame from the server; throws a FrameError. */
  readonly decode: (frame: Uint8Array) => IncomingFrame;
  /** Encodes a whole frame to the server from a command id and body. */
  readonly encode: (cmd: number, body: unknown) => Uint8Array;
  /** The name of a command id; undefined for an unknown id. */
  readonly cmdName: (cmd: number) => string | undefined;
  readonly cmdKind: (cmd: number) => "event" | "oneway" | "request" | undefined;
  /** The port role of a command id, when the protocol has several ports. */
  readonly cmdPort: ((cmd: number) => string | undefined) | undefined;
  readonly registration: RegistrationBinding | undefined;
}

export interface RegistrationBinding {
  readonly register: number;
  readonly unregister: number;
  /** The register response's status (0 = success). */
  readonly status: (response: unknown) => number;
  /** The status's enum value name, for messages. */
  readonly statusName: (status: number) => string;
  /** The unregister request body for a registration. */
  readonly unregisterBody: (request: unknown, response: unknown) => unknown;
  /** Whether a connection registered with this request may get answers out of order. */
  readonly unordered: (request: unknown) => boolean;
}

/** A decoded frame from the server, as the generated decoder returns it. */
export interface IncomingFrame {
  readonly kind: string;
  readonly cmd: number | undefined;
  readonly body: unknown;
}

/**
 * Why a client call failed:
 * - "not-connected": no open connection right now (connecting or
 *   reconnecting); await ready() and retry;
 * - "disconnected": the connection dropped before the answer came; the
 *   server may or may not have executed the request;
 * - "timeout": no answer within the request's timeout;
 * - "aborted": the request's AbortSignal fired;
 * - "backpressure": more than highWaterMark bytes wait to be written;
 *   await drain() and retry;
 * - "closed": close() was called;
 * - "wrong-port": the command does not belong to this connection's port;
 * - "heartbeat-timeout": the server did not answer a ping in time (the
 *   connection was dropped);
 * - "protocol": the server sent a frame the client cannot read or match;
 * - "frame-too-large": a frame over maxOutgoingFrameSize was not sent, or
 *   one from the server over maxIncomingFrameSize was skipped (the
 *   connection stays up; an answer skipped so fails its request);
 * - "slow-consumer": the server closed the connection while reading was
 *   paused for a consumer that fell behind; what it had queued is lost;
 * - "no-owner": (cluster) no member server owns the id a body names;
 * - "merge-conflict": (cluster) two servers answered for the same key of a
 *   map whose keys belong to one server; requestAll() gives each answer.
 */
export type ClientErrorCode =
  | "not-connected"
  | "disconnected"
  | "timeout"
  | "aborted"
  | "backpressure"
  | "closed"
  | "wrong-port"
  | "heartbeat-timeout"
  | "protocol"
  | "frame-too-large"
  | "slow-consumer"
  | "no-owner"
  | "merge-conflict";

export class ClientError extends Error {
  override readonly name: "ClientError" = "ClientError";
  readonly code: ClientErrorCode;
  /** The command the failed call was about, if any. */
  readonly cmd: number | undefined;

  constructor(code: ClientErrorCode, message: string, details: { readonly cmd?: number; readonly cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.cmd = details.cmd;
  }
}

/** A register request answered with a status other than success. */
export class RegistrationError<Response = unknown> extends Error {
  override readonly name: "RegistrationError" = "RegistrationError";
  /** The status code of the response (e.g. RegisterRespCode). */
  readonly code: number;
  readonly response: Response;

  constructor(code: number, codeName: string, response: Response) {
    super(`register failed: ${codeName} (${code})`);
    this.code = code;
    this.response = response;
  }
}

export interface ReconnectOptions {
  /** First delay after a drop, in ms. Default 100. */
  readonly initialDelay?: number;
  /** Largest delay, in ms. Default 10000. */
  readonly maxDelay?: number;
  /** Growth per failed attempt. Default 2. */
  readonly factor?: number;
  /** Fraction of each delay drawn at random, 0..1. Default 0.5. */
  readonly jitter?: number;
  /** Give up after this many failed attempts in a row. Default Infinity. */
  readonly maxAttempts?: number;
}

export interface ClientOptions {
  readonly host: string;
  readonly port: number;
  /** Gives up on one connection attempt after this long, in ms. Default 10000. */
  readonly connectTimeout?: number;
  /** Sends a ping this often, in ms; 0 never. Default 20000, well under a gateway's 120 s idle close. */
  readonly heartbeatInterval?: number;
  /** Drops the connection when a pong is this late, in ms (protocols with a pong). Default 10000. */
  readonly heartbeatTimeout?: number;
  /** Default timeout of request(), in ms. Default 30000. */
  readonly requestTimeout?: number;
  /** Bytes that may wait to be written before send() and request() fail with "backpressure". Default 8 MiB. */
  readonly highWaterMark?: number;
  /**
   * Events not yet handled (held by an events() iterator, or in an async
   * handler) before the client stops reading the socket. Default 100000:
   * a consumer may stall for seconds without loss, while a server that
   * cannot write closes the connection after its own deadline (the netsvr
   * gateway: Worker.SendDeadline, 10 s).
   */
  readonly maxQueuedEvents?: number;
  /** Reading paused this long, in ms, is reported as a "stall". Default 5000, half the netsvr gateway's write deadline. */
  readonly stallTimeout?: number;
  /**
   * Largest frame payload read from the server. A larger frame is skipped
   * as it streams past and reported ("frame-too-large"); the connection
   * stays up. Default: the protocol's, above what the server can send.
   */
  readonly maxIncomingFrameSize?: number;
  /** Largest frame payload sent; a larger one fails with "frame-too-large" instead of making the server close the connection. Default: the protocol's. */
  readonly maxOutgoingFrameSize?: number;
  /** Reconnect after a drop (default), or not (false). */
  readonly reconnect?: false | ReconnectOptions;
}

export interface RequestOptions {
  /** In ms; defaults to the client's requestTimeout. */
  readonly timeout?: number;
  readonly signal?: AbortSignal;
}

export type ClientState = "connecting" | "open" | "reconnecting" | "closing" | "closed";

/** Lifecycle notifications of a client. */
export interface ClientLifecycle {
  /** A connection (first or later) is open and, if registered before, registered again. */
  readonly open: () => void;
  /** The connection dropped; the client reconnects unless closed or reconnect is false. */
  readonly disconnect: (error: Error | undefined) => void;
  /**
   * Something failed without a caller to tell: a handler threw or its
   * promise rejected, the server refused to register again, reconnecting
   * gave up, an event was skipped as too large.
   */
  readonly error: (error: Error) => void;
  /** Reading has been paused for stallTimeout, waiting for a consumer that fell behind. */
  readonly stall: (info: { readonly queuedEvents: number; readonly pausedFor: number }) => void;
}

/** What happened on a client that no single call reports. */
export interface ClientStats {
  /** Frames from the server skipped as over maxIncomingFrameSize. */
  readonly oversizedFrames: number;
  /** Times reading stayed paused for stallTimeout. */
  readonly stalls: number;
  /** Connections the server closed while reading was paused. */
  readonly slowConsumerDisconnects: number;
  /** Registrations after a reconnect that timed out or lost the connection and were tried again. */
  readonly registrationRetries: number;
}

/**
 * The protocol's types, by command id: what send() and request() take,
 * what request() returns, which events arrive. node.ts defines them from the
 * generated tables; an entry of undefined means a frame without body.
 */
export interface ClientTypes {
  readonly oneway: object;
  readonly request: object;
  readonly response: object;
  readonly event: object;
  /** The register request body, never when this connection cannot register. */
  readonly register: unknown;
  readonly registerResponse: unknown;
  readonly unregisterResponse: unknown;
}

type CmdOf<M> = keyof M & number;
type BodyArgs<B> = [B] extends [undefined] ? [] : [body: B];
type RequestArgs<B> = [B] extends [undefined] ? [body?: undefined, options?: RequestOptions] : [body: B, options?: RequestOptions];
type EventBody<F> = F extends { readonly body: infer B } ? B : never;

/** An event handler; a returned promise is caught, and its rejection reported like a throw. */
export type EventHandler<B, F> = (body: B, frame: F) => void | Promise<void>;

/** A function that removes the listener it came from. */
export type Unsubscribe = () => void;

/** One request waiting for its answer. Settled entries stay queued until their answer arrives. */
interface Pending {
  /** The encoded request while it waits to be sent (unordered connections), then undefined. */
  frame: Uint8Array | undefined;
  readonly resolve: (body: unknown) => void;
  readonly reject: (error: Error) => void;
  settled: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  cleanup: (() => void) | undefined;
}

/** A FIFO queue that does not copy on shift, for thousands of pending requests. */
class Queue<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  drain(): T[] {
    const rest = this.items.slice(this.head) as T[];
    this.items = [];
    this.head = 0;
    return rest;
  }
}

const defaults = {
  connectTimeout: 10_000,
  heartbeatInterval: 20_000,
  heartbeatTimeout: 10_000,
  requestTimeout: 30_000,
  highWaterMark: 8 * 1024 * 1024,
  maxQueuedEvents: 100_000,
  stallTimeout: 5_000,
};

const reconnectDefaults: Required<ReconnectOptions> = {
  initialDelay: 100,
  maxDelay: 10_000,
  factor: 2,
  jitter: 0.5,
  maxAttempts: Number.POSITIVE_INFINITY,
};

/**
 * One connection to a server, kept open. Its methods take and return
 * untyped bodies; node.ts gives them the protocol's types.
 *
 * Requests carry no correlation id: the server answers each request with a
 * frame of the same command id, in order. So answers are matched per command
 * id, first in, first out. A request that timed out keeps its place in the
 * queue, so its late answer is dropped instead of resolving a later call.
 * A connection registered so that the server may answer out of order (the
 * manifest's registration.concurrency) keeps one request per command id in
 * flight; the next is sent when the answer before it arrives.
 */
export class Client<T extends ClientTypes = ClientTypes> {
  private readonly binding: ClientBinding;
  private readonly options: ClientOptions;
  /** The port role of this connection, when the protocol has several ports. */
  private readonly port: string | undefined;
  private socket: Socket | undefined = undefined;
  private stateValue: ClientState = "connecting";
  /** Per command id: requests sent and not answered yet, in order. */
  private readonly pending = new Map<number, Queue<Pending>>();
  private pendingCount = 0;
  /** Per command id: requests waiting for the one before to be answered (unordered connections). */
  private readonly held = new Map<number, Queue<Pending>>();
  /** This connection's registration lets the server answer out of order. */
  private unordered = false;
  /** Requests whose promise has not settled yet, and who waits for that to reach 0. */
  private unsettled = 0;
  private readonly idleWaiters: (() => void)[] = [];
  private closedPromise: Promise<void> | undefined = undefined;
  private readonly handlers = new Map<number, Set<EventHandler<unknown, IncomingFrame>>>();
  private readonly lifecycle: { [K in keyof ClientLifecycle]: Set<ClientLifecycle[K]> } = {
    open: new Set(),
    disconnect: new Set(),
    error: new Set(),
    stall: new Set(),
  };
  /** Promises of async handlers not settled yet: events not handled yet. */
  private handling = 0;
  private stallTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private pausedAt = 0;
  /** How long reading had been paused when this connection last reported a stall, in ms; 0 when it never did. */
  private stalledFor = 0;
  private readonly counters = { oversizedFrames: 0, stalls: 0, slowConsumerDisconnects: 0, registrationRetries: 0 };
  private readonly iterators = new Set<EventQueue>();
  private heartbeatTimer: ReturnType<typeof setInterval> | undefined = undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private reconnectAttempts = 0;
  private corked = false;
  private readingPaused = false;
  private registration: { readonly request: unknown; response: unknown } | undefined = undefined;
  private readonly waiters = new Set<{ resolve: () => void; reject: (error: Error) => void }>();
  /** drain() calls waiting for the buffer to fall under highWaterMark. */
  private readonly drainWaiters = new Set<() => void>();
  /** Callback of a write that reaches highWaterMark: runs once that frame (and all before it) is handed to the kernel. */
  private readonly written = (): void => {
    if (this.drainWaiters.size > 0 && this.writable) for (const wake of [...this.drainWaiters]) wake();
  };

  constructor(binding: ClientBinding, options: ClientOptions, port?: string) {
    this.binding = binding;
    this.options = options;
    this.port = port;
  }

  get state(): ClientState {
    return this.stateValue;
  }

  /** Bytes accepted by send() or request() that the socket has not written yet. */
  get bufferedAmount(): number {
    return this.socket?.writableLength ?? 0;
  }

  /** True when send() would not fail: open, and under the highWaterMark. */
  get writable(): boolean {
    return this.stateValue === "open" && this.bufferedAmount < this.highWaterMark;
  }

  /** Requests sent and not yet answered, timed out ones included. */
  get pendingRequests(): number {
    return this.pendingCount;
  }

  /** Counts of what no single call reports: skipped frames, stalls, slow-consumer drops, registration retries. */
  get stats(): ClientStats {
    return { ...this.counters };
  }

  /** The registration in force, if register() succeeded and unregister() was not called. */
  get registered(): { readonly request: T["register"]; readonly response: T["registerResponse"] } | undefined {
    return this.registration as { readonly request: T["register"]; readonly response: T["registerResponse"] } | undefined;
  }

  /** Opens the first connection; rejects if it cannot (no retry for the first one). */
  async open(): Promise<void> {
    this.socket = await this.dial();
    this.attach(this.socket);
    this.emit("open");
  }

  /** Resolves once the client is open; rejects if it gets closed first. */
  ready(): Promise<void> {
    if (this.stateValue === "open") return Promise.resolve();
    if (this.stateValue === "closing" || this.stateValue === "closed") {
      return Promise.reject(new ClientError("closed", "the client is closed"));
    }
    return new Promise((resolve, reject) => this.waiters.add({ resolve, reject }));
  }

  /** Resolves when send() can take more: open and under the highWaterMark. */
  async drain(): Promise<void> {
    while (!this.writable) {
      await this.ready();
      const socket = this.socket;
      if (socket !== undefined && !this.writable) {
        // Not the socket's "drain": Node emits it only after a write() reached the socket's own mark
        // (16 KiB by default), which a smaller highWaterMark may never reach. Write callbacks always come.
        await new Promise<void>((resolve) => {
          const done = (): void => {
            this.drainWaiters.delete(done);
            socket.off("close", done);
            resolve();
          };
          this.drainWaiters.add(done);
          socket.on("close", done);
        });
      }
    }
  }

  /** Encodes and queues a one-way command; frames sent in the same tick go out in one socket write. */
  send<C extends CmdOf<T["oneway"]>>(cmd: C, ...body: BodyArgs<T["oneway"][C]>): void {
    this.checkCommand(cmd, "oneway");
    this.write(this.binding.encode(cmd, body[0]), cmd);
  }

  /** Sends a request and resolves with its answer's body. */
  request<C extends CmdOf<T["request"]>>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<T["response"][C & keyof T["response"]]> {
    return this.call(cmd, args[0], args[1] ?? {}) as Promise<T["response"][C & keyof T["response"]]>;
  }

  /** duringClose: shutdown()'s unregister, the one call still written while "closing". */
  private call(cmd: number, body: unknown, options: RequestOptions, duringClose = false): Promise<unknown> {
    let frame: Uint8Array;
    let hold: boolean;
    try {
      this.checkCommand(cmd, "request");
      // Only the signal's reason becomes "aborted"; encoder, kind and state errors keep their own type.
      if (options.signal?.aborted) throw asAbort(options.signal.reason, cmd, this.binding);
      frame = this.binding.encode(cmd, body);
      // Out of order, answers of one command id cannot be told apart: the next waits for the one before.
      hold = this.unordered && (this.pending.get(cmd)?.length ?? 0) > 0;
      if (hold) this.checkWritable(frame, cmd, duringClose);
      else this.write(frame, cmd, duringClose);
    } catch (error) {
      return Promise.reject(error);
    }
    this.unsettled++;
    const answer = new Promise<unknown>((resolve, reject) => {
      const entry: Pending = { frame: hold ? frame : undefined, resolve, reject, settled: false, timer: undefined, cleanup: undefined };
      queueOf(hold ? this.held : this.pending, cmd).push(entry);
      if (!hold) this.pendingCount++;
      const timeout = options.timeout ?? this.options.requestTimeout ?? defaults.requestTimeout;
      entry.timer = setTimeout(() => {
        settle(entry, new ClientError("timeout", `${this.name(cmd)} got no answer within ${timeout} ms`, { cmd }));
      }, timeout);
      const signal = options.signal;
      if (signal !== undefined) {
        const onAbort = (): void => settle(entry, asAbort(signal.reason, cmd, this.binding));
        signal.addEventListener("abort", onAbort, { once: true });
        entry.cleanup = () => signal.removeEventListener("abort", onAbort);
      }
    });
    const done = (): void => {
      if (--this.unsettled === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    };
    answer.then(done, done);
    return answer;
  }

  /**
   * Registers this connection; the client registers again with the same
   * body after every reconnect. Rejects with a RegistrationError when the
   * status is not success.
   */
  async register(body: T["register"], options: RequestOptions = {}): Promise<T["registerResponse"]> {
    const registration = this.requireRegistration();
    const response = await this.call(registration.register, body, options);
    const status = registration.status(response);
    if (status !== 0) throw new RegistrationError(status, registration.statusName(status), response);
    this.registration = { request: body, response };
    // The server keeps the connection's command concurrency until it closes, unregistered or not.
    this.unordered ||= registration.unordered(body);
    return response;
  }

  /** Cancels the registration made by register(); no-op when not registered. */
  async unregister(options: RequestOptions = {}): Promise<T["unregisterResponse"] | undefined> {
    const registration = this.requireRegistration();
    const current = this.registration;
    if (current === undefined) return undefined;
    this.registration = undefined;
    const body = registration.unregisterBody(current.request, current.response);
    return this.call(registration.unregister, body, options);
  }

  /** Calls handler for every event of this command id; returns a function that stops it. */
  on<C extends CmdOf<T["event"]>>(cmd: C, handler: EventHandler<EventBody<T["event"][C]>, T["event"][C]>): Unsubscribe;
  /** Calls listener on a lifecycle change; returns a function that stops it. */
  on<K extends keyof ClientLifecycle>(kind: K, listener: ClientLifecycle[K]): Unsubscribe;
  on(key: number | keyof ClientLifecycle, listener: (...args: never[]) => void): Unsubscribe {
    if (typeof key === "string") {
      const set = this.lifecycle[key] as Set<unknown>;
      set.add(listener);
      return () => set.delete(listener);
    }
    if (this.binding.cmdKind(key) !== "event") throw new TypeError(`${key} is not an event command`);
    let set = this.handlers.get(key);
    if (set === undefined) this.handlers.set(key, (set = new Set()));
    const handler = listener as EventHandler<unknown, IncomingFrame>;
    set.add(handler);
    return () => set.delete(handler);
  }

  /**
   * Every event from now on, as an async iterator. When the consumer falls
   * maxQueuedEvents behind, the client stops reading the socket until it
   * catches up, so memory stays bounded (answers and pongs wait too).
   */
  events<C extends CmdOf<T["event"]> = CmdOf<T["event"]>>(...cmds: C[]): AsyncIterableIterator<T["event"][C]> {
    const filter = cmds.length === 0 ? undefined : new Set<number>(cmds);
    const queue = new EventQueue(filter, () => this.iterators.delete(queue), () => this.updateReading());
    if (this.stateValue === "closing" || this.stateValue === "closed") queue.end();
    else this.iterators.add(queue);
    return queue as AsyncIterableIterator<never>;
  }

  /**
   * Ends the client: stops new calls, ends events() iterators (they still
   * yield what they hold), waits for pending requests to settle,
   * unregisters if registered, flushes what is queued and closes the socket.
   */
  close(): Promise<void> {
    this.closedPromise ??= this.shutdown();
    return this.closedPromise;
  }

  private async shutdown(): Promise<void> {
    if (this.stateValue === "closed") return;
    const wasOpen = this.stateValue === "open";
    clearTimeout(this.reconnectTimer);
    // "closing" first, so calls made from now on fail with "closed"; only the unregister below is still written.
    this.setState("closing");
    // Iterators end now, keeping what they hold: one that fell behind must not keep reading paused while close() waits for answers.
    for (const queue of this.iterators) queue.end();
    this.iterators.clear();
    this.updateReading();
    if (wasOpen && this.unsettled > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    const registration = this.binding.registration;
    const current = this.registration;
    if (registration !== undefined && current !== undefined && this.socket !== undefined) {
      this.registration = undefined;
      const body = registration.unregisterBody(current.request, current.response);
      await this.call(registration.unregister, body, {}, true).catch(() => undefined);
    }
    this.stopHeartbeat();
    const socket = this.socket;
    if (socket !== undefined && !socket.destroyed) {
      await new Promise<void>((resolve) => {
        socket.once("close", () => resolve());
        socket.end();
        // A server that never closes its side must not keep us waiting forever.
        setTimeout(() => socket.destroy(), this.options.connectTimeout ?? defaults.connectTimeout).unref();
      });
    }
    this.finish(new ClientError("closed", "the client is closed"));
  }

  /** Drops the connection at once, as a network failure would, and reconnects if enabled. For tests and recovery. */
  destroyConnection(error?: Error): void {
    this.socket?.destroy(error);
  }

  /** A command's name for messages. */
  private name(cmd: number): string {
    return this.binding.cmdName(cmd) ?? `command ${cmd}`;
  }

  private get highWaterMark(): number {
    return this.options.highWaterMark ?? defaults.highWaterMark;
  }

  private requireRegistration(): RegistrationBinding {
    const registration = this.binding.registration;
    if (registration === undefined) throw new TypeError("this protocol declares no registration");
    return registration;
  }

  /** On every send: names are looked up only for an error message. */
  private checkCommand(cmd: number, kind: "oneway" | "request"): void {
    if (this.binding.cmdKind(cmd) !== kind) throw new TypeError(`${this.name(cmd)} is not a ${kind} command`);
    const port = this.binding.cmdPort?.(cmd);
    if (port !== this.port) {
      throw new ClientError("wrong-port", `${this.name(cmd)} belongs to the ${port} port, this is a ${this.port} connection`, { cmd });
    }
  }

  private write(frame: Uint8Array, cmd: number | undefined, duringClose = false): void {
    this.writeNow(this.checkWritable(frame, cmd, duringClose), frame);
  }

  /** Throws what write() would throw; returns the socket to write to. */
  private checkWritable(frame: Uint8Array, cmd: number | undefined, duringClose: boolean): Socket {
    const details = cmd === undefined ? {} : { cmd };
    const socket = this.socket;
    const allowed = this.stateValue === "open" || (duringClose && this.stateValue === "closing");
    if (!allowed || socket === undefined) {
      const code = this.stateValue === "closing" || this.stateValue === "closed" ? "closed" : "not-connected";
      throw new ClientError(code, `cannot send: the client is ${this.stateValue}`, details);
    }
    const max = this.options.maxOutgoingFrameSize ?? this.binding.maxOutgoingFrameSize;
    if (frame.length - 4 > max) {
      throw new ClientError("frame-too-large", `${frame.length - 4} bytes is more than the ${max} a frame may carry (maxOutgoingFrameSize)`, details);
    }
    // Like a stream's write(): accepted while under the mark, so the buffer holds at most highWaterMark plus one frame.
    if (socket.writableLength >= this.highWaterMark) {
      throw new ClientError("backpressure", `${socket.writableLength} bytes wait to be written (highWaterMark ${this.highWaterMark})`, details);
    }
    return socket;
  }

  private writeNow(socket: Socket, frame: Uint8Array): void {
    // Frames written in the same tick leave in one writev.
    if (!this.corked) {
      this.corked = true;
      socket.cork();
      process.nextTick(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    // While the buffer is at or over the mark, the write that took it there has this callback: drain() hears of it.
    socket.write(frame, socket.writableLength + frame.length >= this.highWaterMark ? this.written : undefined);
  }

  private dial(): Promise<Socket> {
    const { host, port } = this.options;
    const timeout = this.options.connectTimeout ?? defaults.connectTimeout;
    return new Promise((resolve, reject) => {
      // TCP keep-alive finds a dead peer where no pong can (a protocol whose server does not answer pings).
      const keepAliveInitialDelay = this.options.heartbeatInterval || defaults.heartbeatInterval;
      const socket = netConnect({ host, port, noDelay: true, keepAlive: true, keepAliveInitialDelay });
      const timer = setTimeout(() => socket.destroy(new Error(`connect to ${host}:${port} timed out after ${timeout} ms`)), timeout);
      const failed = (error: Error): void => {
        clearTimeout(timer);
        reject(error);
      };
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.off("error", failed);
        resolve(socket);
      });
      socket.once("error", failed);
    });
  }

  private attach(socket: Socket): void {
    const splitter = this.binding.createSplitter({
      maxFrameSize: this.options.maxIncomingFrameSize ?? this.binding.maxIncomingFrameSize,
      onOversize: (frame) => this.skipped(frame.length, frame.cmd),
    });
    this.unordered = false;
    this.stalledFor = 0;
    const onFrame = (frame: Uint8Array): void => this.receive(frame);
    socket.on("data", (chunk: Uint8Array) => {
      try {
        splitter.push(chunk, onFrame);
      } catch (error) {
        socket.destroy(new ClientError("protocol", "cannot read the server's stream", { cause: error }));
      }
    });
    socket.on("error", () => {
      // Reported through "close" below, with the error.
    });
    socket.on("close", () => this.dropped(socket, (socket as { errored?: Error | null }).errored ?? undefined));
    this.readingPaused = false;
    this.updateReading();
    this.setState("open");
    this.startHeartbeat();
  }

  private receive(frame: Uint8Array): void {
    let decoded: IncomingFrame;
    try {
      decoded = this.binding.decode(frame);
    } catch (error) {
      const cmd = (error as { cmd?: unknown }).cmd;
      // A response body that cannot be read still answers its request.
      if (typeof cmd === "number" && this.binding.cmdKind(cmd) === "request") {
        this.answer(cmd, undefined, new ClientError("protocol", `${this.name(cmd)} answer cannot be decoded`, { cmd, cause: error }));
        return;
      }
      this.emit("error", new ClientError("protocol", "a frame from the server cannot be decoded", { cause: error }));
      return;
    }
    switch (decoded.kind) {
      case "pong":
        clearTimeout(this.pongTimer);
        this.pongTimer = undefined;
        return;
      case "response":
        this.answer(decoded.cmd!, decoded.body, undefined);
        return;
      case "event":
        this.dispatch(decoded);
        return;
    }
  }

  /** A frame over maxIncomingFrameSize went past unread: an answer fails its request, anything else is reported. */
  private skipped(length: number, cmd: number | undefined): void {
    this.counters.oversizedFrames++;
    const max = this.options.maxIncomingFrameSize ?? this.binding.maxIncomingFrameSize;
    const what = cmd === undefined ? "a frame" : this.name(cmd);
    const error = new ClientError("frame-too-large", `${what} of ${length} bytes from the server was skipped: more than maxIncomingFrameSize (${max})`, cmd === undefined ? {} : { cmd });
    if (cmd !== undefined && this.binding.cmdKind(cmd) === "request" && (this.pending.get(cmd)?.length ?? 0) > 0) this.answer(cmd, undefined, error);
    else this.emit("error", error);
  }

  private answer(cmd: number, body: unknown, error: Error | undefined): void {
    const entry = this.pending.get(cmd)?.shift();
    if (entry === undefined) {
      this.emit("error", new ClientError("protocol", `an answer to ${this.name(cmd)} came with no request waiting`, { cmd }));
      return;
    }
    this.pendingCount--;
    if (error !== undefined) settle(entry, error);
    else if (!entry.settled) {
      settle(entry, undefined);
      entry.resolve(body);
    }
    this.sendHeld(cmd);
  }

  /** Sends the next held request of cmd that is still wanted, now that none of cmd is in flight. */
  private sendHeld(cmd: number): void {
    const held = this.held.get(cmd);
    const socket = this.socket;
    if (held === undefined || socket === undefined) return;
    for (let entry = held.shift(); entry !== undefined; entry = held.shift()) {
      if (entry.settled) continue;
      this.writeNow(socket, entry.frame!);
      entry.frame = undefined;
      queueOf(this.pending, cmd).push(entry);
      this.pendingCount++;
      return;
    }
  }

  private dispatch(frame: IncomingFrame): void {
    for (const handler of this.handlers.get(frame.cmd!) ?? []) {
      try {
        const result = handler(frame.body, frame);
        // Only a promise is tracked: a sync handler may return anything (e.g. an arrow returning push()'s count).
        if (typeof (result as Promise<void> | undefined)?.then === "function") this.track(result as Promise<void>);
      } catch (error) {
        this.emit("error", asError(error));
      }
    }
    for (const queue of this.iterators) queue.offer(frame);
    this.updateReading();
  }

  /** An async handler's promise: counted as an event not handled yet until it settles; a rejection is reported. */
  private track(result: Promise<void>): void {
    this.handling++;
    const done = (): void => {
      this.handling--;
      this.updateReading();
    };
    result.then(done, (error: unknown) => {
      done();
      this.emit("error", asError(error));
    });
  }

  /** Events not handled yet: the longest events() backlog, plus async handlers still running. */
  private get queuedEvents(): number {
    let most = 0;
    for (const queue of this.iterators) most = Math.max(most, queue.size);
    return most + this.handling;
  }

  /** Pauses the socket while consumers are too far behind; a pause that lasts is reported as a stall. */
  private updateReading(): void {
    const behind = this.queuedEvents >= (this.options.maxQueuedEvents ?? defaults.maxQueuedEvents);
    if (behind === this.readingPaused) return;
    this.readingPaused = behind;
    clearTimeout(this.stallTimer);
    if (!behind) {
      this.socket?.resume();
      return;
    }
    this.socket?.pause();
    this.pausedAt = Date.now();
    this.stallTimer = setTimeout(() => {
      this.counters.stalls++;
      this.stalledFor = Date.now() - this.pausedAt;
      this.emit("stall", { queuedEvents: this.queuedEvents, pausedFor: this.stalledFor });
    }, this.options.stallTimeout ?? defaults.stallTimeout);
    this.stallTimer.unref();
  }

  private startHeartbeat(): void {
    const ping = this.binding.ping;
    const interval = this.options.heartbeatInterval ?? defaults.heartbeatInterval;
    if (ping === undefined || interval <= 0) return;
    this.heartbeatTimer = setInterval(() => {
      const socket = this.socket;
      // A ping only keeps an idle connection alive; a full buffer is not idle.
      if (socket === undefined || socket.writableLength > 0) return;
      socket.write(ping);
      if (this.binding.pong && this.pongTimer === undefined) {
        const timeout = this.options.heartbeatTimeout ?? defaults.heartbeatTimeout;
        this.pongTimer = setTimeout(() => {
          socket.destroy(new ClientError("heartbeat-timeout", `no pong within ${timeout} ms`));
        }, timeout);
      }
    }, interval);
    this.heartbeatTimer.unref();
  }

  private stopHeartbeat(): void {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.pongTimer);
    this.heartbeatTimer = undefined;
    this.pongTimer = undefined;
  }

  /** The socket closed: fail what waited on it, then reconnect unless closing. */
  private dropped(socket: Socket, cause: Error | undefined): void {
    if (socket !== this.socket) return;
    this.stopHeartbeat();
    this.socket = undefined;
    let error = cause;
    // A paused socket does not see the server's close until reading resumes: what counts is that this connection stalled.
    if (this.stalledFor > 0 && this.stateValue === "open") {
      this.counters.slowConsumerDisconnects++;
      const message = `the connection dropped after reading was paused for ${this.stalledFor} ms or more, waiting for a consumer; a server closes a connection it cannot write to, and what it had queued is lost`;
      error = new ClientError("slow-consumer", message, { cause });
    }
    const reason = new ClientError("disconnected", "the connection dropped before the answer came", error === undefined ? {} : { cause: error });
    this.failPending(reason);
    if (this.stateValue === "closing" || this.stateValue === "closed") return;
    // The state changes before "disconnect" is emitted, so listeners see "reconnecting" (or "closed"), not "open".
    if (this.options.reconnect === false) {
      this.finish(new ClientError("closed", "the connection dropped and reconnect is off", { cause: error }));
      this.emit("disconnect", error);
      return;
    }
    this.setState("reconnecting");
    this.emit("disconnect", error);
    // A listener may have closed the client.
    if (this.stateValue === "reconnecting") this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const o = { ...reconnectDefaults, ...(this.options.reconnect || {}) };
    if (this.reconnectAttempts >= o.maxAttempts) {
      const error = new ClientError("closed", `gave up reconnecting after ${this.reconnectAttempts} attempts`);
      this.emit("error", error);
      this.finish(error);
      return;
    }
    const base = Math.min(o.maxDelay, o.initialDelay * o.factor ** this.reconnectAttempts);
    const delay = base * (1 - o.jitter * Math.random());
    this.reconnectAttempts++;
    this.reconnectTimer = setTimeout(() => void this.reconnect(), delay);
  }

  private async reconnect(): Promise<void> {
    let socket: Socket;
    try {
      socket = await this.dial();
    } catch {
      if (this.stateValue === "reconnecting") this.scheduleReconnect();
      return;
    }
    if (this.stateValue !== "reconnecting") {
      socket.destroy();
      return;
    }
    this.socket = socket;
    this.attach(socket);
    const previous = this.registration;
    if (previous !== undefined) {
      // Register again so events resume on this connection; announce "open" only after.
      this.registration = undefined;
      try {
        await this.register(previous.request);
      } catch (error) {
        // Keep the registration to retry with, and keep backing off: the next attempt may succeed.
        this.registration ??= previous;
        if (error instanceof RegistrationError) {
          // A refusal: the server will refuse again until its configuration changes.
          this.emit("error", new Error("the server refused to register again after a reconnect", { cause: error }));
        } else {
          // A stalled or lost connection: the retry may well succeed, nobody needs to hear of it.
          this.counters.registrationRetries++;
        }
        if (socket === this.socket) socket.destroy();
        return;
      }
    }
    this.reconnectAttempts = 0;
    // close() may have been called while registering again (the getter: TS would keep stateValue narrowed across the await).
    if (this.state === "open") this.emit("open");
  }

  private failPending(error: ClientError): void {
    for (const queues of [this.pending, this.held]) {
      for (const [cmd, queue] of queues) {
        for (const entry of queue.drain()) {
          settle(entry, new ClientError(error.code, `${this.name(cmd)}: ${error.message}`, { cmd, cause: error.cause }));
        }
      }
      queues.clear();
    }
    this.pendingCount = 0;
  }

  private finish(error: ClientError): void {
    this.stopHeartbeat();
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.stallTimer);
    this.failPending(error);
    this.setState("closed");
    for (const queue of this.iterators) queue.end();
    this.iterators.clear();
  }

  private setState(state: ClientState): void {
    this.stateValue = state;
    if (state === "open") {
      for (const waiter of this.waiters) waiter.resolve();
      this.waiters.clear();
    } else if (state === "closing" || state === "closed") {
      for (const waiter of this.waiters) waiter.reject(new ClientError("closed", "the client is closed"));
      this.waiters.clear();
    }
  }

  private emit<K extends keyof ClientLifecycle>(kind: K, ...args: Parameters<ClientLifecycle[K]>): void {
    const listeners = this.lifecycle[kind] as Set<(...a: Parameters<ClientLifecycle[K]>) => void>;
    if (kind === "error" && listeners.size === 0) {
      // Like an EventEmitter: an error nobody listens for is not swallowed.
      queueMicrotask(() => {
        throw args[0];
      });
      return;
    }
    for (const listener of listeners) listener(...args);
  }
}

function queueOf(queues: Map<number, Queue<Pending>>, cmd: number): Queue<Pending> {
  let queue = queues.get(cmd);
  if (queue === undefined) queues.set(cmd, (queue = new Queue()));
  return queue;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function settle(entry: Pending, error: Error | undefined): void {
  if (entry.settled) return;
  entry.settled = true;
  clearTimeout(entry.timer);
  entry.cleanup?.();
  if (error !== undefined) entry.reject(error);
}

function asAbort(reason: unknown, cmd: number, binding: ClientBinding): Error {
  if (reason instanceof ClientError || reason instanceof TypeError) return reason;
  return new ClientError("aborted", `${binding.cmdName(cmd)} was aborted`, { cmd, cause: reason });
}

/** The buffer behind one events() iterator. */
class EventQueue implements AsyncIterableIterator<IncomingFrame> {
  private readonly frames = new Queue<IncomingFrame>();
  private readonly takers: ((result: IteratorResult<IncomingFrame>) => void)[] = [];
  private ended = false;
  private readonly filter: ReadonlySet<number> | undefined;
  private readonly onReturn: () => void;
  private readonly onTake: () => void;

  constructor(filter: ReadonlySet<number> | undefined, onReturn: () => void, onTake: () => void) {
    this.filter = filter;
    this.onReturn = onReturn;
    this.onTake = onTake;
  }

  get size(): number {
    return this.frames.length;
  }

  offer(frame: IncomingFrame): void {
    if (this.ended || (this.filter !== undefined && !this.filter.has(frame.cmd!))) return;
    const taker = this.takers.shift();
    if (taker !== undefined) taker({ value: frame, done: false });
    else this.frames.push(frame);
  }

  end(): void {
    this.ended = true;
    for (const taker of this.takers.splice(0)) taker({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<IncomingFrame>> {
    const frame = this.frames.shift();
    if (frame !== undefined) {
      this.onTake();
      return Promise.resolve({ value: frame, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.takers.push(resolve));
  }

  return(): Promise<IteratorResult<IncomingFrame>> {
    this.end();
    this.frames.drain();
    this.onReturn();
    this.onTake();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<IncomingFrame> {
    return this;
  }
}
