import { type AppBinding } from "./app-wire.js";
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
export type CustomerErrorCode = "not-connected" | "disconnected" | "timeout" | "aborted" | "backpressure" | "closed" | "remote" | "protocol" | "heartbeat-timeout" | "forced-offline" | "wrong-frame-type";
export declare class CustomerError extends Error {
    readonly name: "CustomerError";
    readonly code: CustomerErrorCode;
    /** The command the failed call was about, if any. */
    readonly cmd: number | undefined;
    /** code "remote": the error code the business answered with. */
    readonly remoteCode: string | undefined;
    constructor(code: CustomerErrorCode, message: string, details?: {
        readonly cmd?: number | undefined;
        readonly remoteCode?: string;
        readonly cause?: unknown;
    });
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
    addEventListener(type: "abort", listener: () => void, options?: {
        readonly once?: boolean;
    }): void;
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
export declare class Customer<T extends CustomerTypes = CustomerTypes> {
    #private;
    private nextId;
    /** Starts connecting at once; throws when there is no WebSocket class or the WebSocket refuses the URL. */
    constructor(binding: AppBinding, options: CustomerOptions);
    get state(): CustomerState;
    /** Bytes given to the WebSocket and not yet sent. */
    get bufferedAmount(): number;
    /** Requests sent and not yet settled. */
    get pendingRequests(): number;
    /** Resolves once the client is open; rejects with "closed" if it ends first. */
    ready(): Promise<void>;
    /** Sends a one-way command; throws when it cannot be sent now (nothing is queued). */
    send<C extends CmdOf<T["oneway"]>>(cmd: C, ...body: BodyArgs<T["oneway"][C]>): void;
    /** Sends a request and resolves with its answer's body. */
    request<C extends CmdOf<T["request"]>>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<T["response"][C & keyof T["response"]]>;
    /** Calls handler for every push of this event command; returns a function that stops it. */
    on<C extends CmdOf<T["event"]>>(cmd: C, handler: EventHandler<T["event"][C]>): Unsubscribe;
    /** Calls listener on a lifecycle change; returns a function that stops it. */
    on<K extends keyof CustomerLifecycle>(kind: K, listener: CustomerLifecycle[K]): Unsubscribe;
    /**
     * Ends the client: no reconnect, pending requests fail with "closed", the
     * connection is closed with code (1000 or 3000-4999) and reason, and
     * "close" is emitted for it. Calls from now on fail with "closed".
     */
    close(code?: number, reason?: string): void;
}
export {};
