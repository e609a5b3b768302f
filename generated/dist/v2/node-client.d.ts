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
        readonly onOversize: (frame: {
            readonly length: number;
            readonly cmd: number | undefined;
        }) => void;
    }) => {
        push(chunk: Uint8Array, onFrame: (frame: Uint8Array) => void): void;
    };
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
export type ClientErrorCode = "not-connected" | "disconnected" | "timeout" | "aborted" | "backpressure" | "closed" | "wrong-port" | "heartbeat-timeout" | "protocol" | "frame-too-large" | "slow-consumer" | "no-owner" | "merge-conflict";
export declare class ClientError extends Error {
    readonly name: "ClientError";
    readonly code: ClientErrorCode;
    /** The command the failed call was about, if any. */
    readonly cmd: number | undefined;
    constructor(code: ClientErrorCode, message: string, details?: {
        readonly cmd?: number;
        readonly cause?: unknown;
    });
}
/** A register request answered with a status other than success. */
export declare class RegistrationError<Response = unknown> extends Error {
    readonly name: "RegistrationError";
    /** The status code of the response (e.g. RegisterRespCode). */
    readonly code: number;
    readonly response: Response;
    constructor(code: number, codeName: string, response: Response);
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
    readonly stall: (info: {
        readonly queuedEvents: number;
        readonly pausedFor: number;
    }) => void;
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
type EventBody<F> = F extends {
    readonly body: infer B;
} ? B : never;
/** An event handler; a returned promise is caught, and its rejection reported like a throw. */
export type EventHandler<B, F> = (body: B, frame: F) => void | Promise<void>;
/** A function that removes the listener it came from. */
export type Unsubscribe = () => void;
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
export declare class Client<T extends ClientTypes = ClientTypes> {
    private readonly binding;
    private readonly options;
    /** The port role of this connection, when the protocol has several ports. */
    private readonly port;
    private socket;
    private stateValue;
    /** Per command id: requests sent and not answered yet, in order. */
    private readonly pending;
    private pendingCount;
    /** Per command id: requests waiting for the one before to be answered (unordered connections). */
    private readonly held;
    /** This connection's registration lets the server answer out of order. */
    private unordered;
    /** Requests whose promise has not settled yet, and who waits for that to reach 0. */
    private unsettled;
    private readonly idleWaiters;
    private closedPromise;
    private readonly handlers;
    private readonly lifecycle;
    /** Promises of async handlers not settled yet: events not handled yet. */
    private handling;
    private stallTimer;
    private pausedAt;
    /** How long reading had been paused when this connection last reported a stall, in ms; 0 when it never did. */
    private stalledFor;
    private readonly counters;
    private readonly iterators;
    private heartbeatTimer;
    private pongTimer;
    private reconnectTimer;
    private reconnectAttempts;
    private corked;
    private readingPaused;
    private registration;
    private readonly waiters;
    /** drain() calls waiting for the buffer to fall under highWaterMark. */
    private readonly drainWaiters;
    /** Callback of a write that reaches highWaterMark: runs once that frame (and all before it) is handed to the kernel. */
    private readonly written;
    constructor(binding: ClientBinding, options: ClientOptions, port?: string);
    get state(): ClientState;
    /** Bytes accepted by send() or request() that the socket has not written yet. */
    get bufferedAmount(): number;
    /** True when send() would not fail: open, and under the highWaterMark. */
    get writable(): boolean;
    /** Requests sent and not yet answered, timed out ones included. */
    get pendingRequests(): number;
    /** Counts of what no single call reports: skipped frames, stalls, slow-consumer drops, registration retries. */
    get stats(): ClientStats;
    /** The registration in force, if register() succeeded and unregister() was not called. */
    get registered(): {
        readonly request: T["register"];
        readonly response: T["registerResponse"];
    } | undefined;
    /** Opens the first connection; rejects if it cannot (no retry for the first one). */
    open(): Promise<void>;
    /** Resolves once the client is open; rejects if it gets closed first. */
    ready(): Promise<void>;
    /** Resolves when send() can take more: open and under the highWaterMark. */
    drain(): Promise<void>;
    /** Encodes and queues a one-way command; frames sent in the same tick go out in one socket write. */
    send<C extends CmdOf<T["oneway"]>>(cmd: C, ...body: BodyArgs<T["oneway"][C]>): void;
    /** Sends a request and resolves with its answer's body. */
    request<C extends CmdOf<T["request"]>>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<T["response"][C & keyof T["response"]]>;
    /** duringClose: shutdown()'s unregister, the one call still written while "closing". */
    private call;
    /**
     * Registers this connection; the client registers again with the same
     * body after every reconnect. Rejects with a RegistrationError when the
     * status is not success.
     */
    register(body: T["register"], options?: RequestOptions): Promise<T["registerResponse"]>;
    /** Cancels the registration made by register(); no-op when not registered. */
    unregister(options?: RequestOptions): Promise<T["unregisterResponse"] | undefined>;
    /** Calls handler for every event of this command id; returns a function that stops it. */
    on<C extends CmdOf<T["event"]>>(cmd: C, handler: EventHandler<EventBody<T["event"][C]>, T["event"][C]>): Unsubscribe;
    /** Calls listener on a lifecycle change; returns a function that stops it. */
    on<K extends keyof ClientLifecycle>(kind: K, listener: ClientLifecycle[K]): Unsubscribe;
    /**
     * Every event from now on, as an async iterator. When the consumer falls
     * maxQueuedEvents behind, the client stops reading the socket until it
     * catches up, so memory stays bounded (answers and pongs wait too).
     */
    events<C extends CmdOf<T["event"]> = CmdOf<T["event"]>>(...cmds: C[]): AsyncIterableIterator<T["event"][C]>;
    /**
     * Ends the client: stops new calls, ends events() iterators (they still
     * yield what they hold), waits for pending requests to settle,
     * unregisters if registered, flushes what is queued and closes the socket.
     */
    close(): Promise<void>;
    private shutdown;
    /** Drops the connection at once, as a network failure would, and reconnects if enabled. For tests and recovery. */
    destroyConnection(error?: Error): void;
    /** A command's name for messages. */
    private name;
    private get highWaterMark();
    private requireRegistration;
    /** On every send: names are looked up only for an error message. */
    private checkCommand;
    private write;
    /** Throws what write() would throw; returns the socket to write to. */
    private checkWritable;
    private writeNow;
    private dial;
    private attach;
    private receive;
    /** A frame over maxIncomingFrameSize went past unread: an answer fails its request, anything else is reported. */
    private skipped;
    private answer;
    /** Sends the next held request of cmd that is still wanted, now that none of cmd is in flight. */
    private sendHeld;
    private dispatch;
    /** An async handler's promise: counted as an event not handled yet until it settles; a rejection is reported. */
    private track;
    /** Events not handled yet: the longest events() backlog, plus async handlers still running. */
    private get queuedEvents();
    /** Pauses the socket while consumers are too far behind; a pause that lasts is reported as a stall. */
    private updateReading;
    private startHeartbeat;
    private stopHeartbeat;
    /** The socket closed: fail what waited on it, then reconnect unless closing. */
    private dropped;
    private scheduleReconnect;
    private reconnect;
    private failPending;
    private finish;
    private setState;
    private emit;
}
export {};
