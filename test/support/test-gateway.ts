/**
 * An in-process fake netsvr gateway for tests of business clients.
 *
 * It listens on 127.0.0.1 and treats every TCP connection as a business
 * process, the way a netsvr v2.0.2 gateway does: it splits frames, answers
 * pings and requests, applies one-way commands to a model of WebSocket
 * customers, sends ConnOpen / ConnClose / Transfer events to registered
 * connections, and closes connections on the same faults as the real gateway.
 * With `protocol: "v6"` it is a v6.0.1 gateway instead: a worker port (Register,
 * Unregister, events) and a task port (every other command), unanswered pings.
 * Tests drive timing with explicit controls (held replies, ignored requests,
 * paused reading, dropped connections) and wait on events, never on sleeps.
 * With the `customers` option it also listens for real WebSocket customers
 * (see Customer port below).
 *
 * Layout: the core (listeners, sockets, fault handling, controls, waiters,
 * customers, the customer port) knows nothing about message shapes; it also holds the rules both
 * versions share, as functions of plain values (send, subscribe, publish,
 * forceOffline, unregister, checkOnline, topicUniqIds...).
 * Everything version-specific (ports, splitting and decoding, heartbeat,
 * register rules, uniqId format, event routing, which command maps onto which
 * shared rule, answer encodings, customerId, limits, the customer port's
 * handshake and message rules) sits behind the
 * ProtocolMode interface, implemented by createV2Mode() (the default, v2.0.2:
 * one port) and createV6Mode() (`protocol: "v6"`, v6.0.1: a worker port and a
 * task port) at the end of the file.
 *
 * Like the real gateway, it limits only the frames it receives
 * (`maxFrameSize`); frames it sends may be longer (a Transfer of a customer
 * message near 2 MiB, a ConnInfo answer with big sessions).
 *
 * Slow business readers: a connection on which no write reached the kernel
 * for `sendDeadlineMs` while bytes wait is closed ("send-deadline"), and what
 * was still queued for it is lost, as with the real gateway's write deadline
 * (Worker.SendDeadline, 10 s). In v6, a worker-port connection also holds at
 * most `sendQueueCap` (1024) unsent frames; later ones are dropped and counted
 * (droppedFrames, Metrics item 10), as by the real gateway's send queue.
 *
 * Customer port (`customers: { port?, path?, sendMessageType? }`): a
 * WebSocket server on 127.0.0.1 at `customerUrl` (ws://127.0.0.1:<port><path>,
 * path "/netsvr" by default). Each WebSocket that opens is a customer of the
 * model, opened as by openCustomer() (ConnOpen with the request's query, the
 * proxy headers, the peer's address; in v2 the subprotocols, the first of which
 * the handshake names), so customers, customer() and inboxes see it too. The
 * rules, as the gateways' customer servers have them:
 * - Refused handshakes: another path is 404. v2 routes by the decoded path, so
 *   a query string is fine; v6 compares the whole request URI with the path,
 *   so a query string is 404 too, and it refuses (400) a Connection header
 *   other than exactly "Upgrade" or "upgrade", such as "keep-alive, Upgrade".
 *   A plain HTTP request gets what the gateway answers (v2: 404 or 400; v6:
 *   200 "Hello netsvr" for a GET).
 * - Customer messages, text or binary: in v2 the heartbeat `~3yPvmnz~` is
 *   answered `~u38NvZ~`, a message whose first three bytes (digits; any other
 *   byte counts as 0) are no worker id in [1, 999] is answered "WorkerId
 *   wrong", one longer than 2 MiB after them "Message too large" (all in the
 *   message's frame type); the rest after the id goes to that worker as a
 *   Transfer (customerSends). In v6 the heartbeat `~6YOt5rW35piO~` is dropped,
 *   other messages are forwarded whole while an OnMessage connection exists,
 *   one longer than 2 MiB closes the WebSocket with 1009 "message too big".
 *   A v2 ping frame is answered with a pong of `~u38NvZ~`, a v6 one echoed.
 * - Every delivery (SingleCast, Multicast, TopicPublish once per topic,
 *   Broadcast, the v6 ByCustomerId commands, the data of ConnInfoUpdate,
 *   ForceOffline...) is one message of the configured frame type. A text frame
 *   carries the bytes unchecked: a client fails the connection on bytes that
 *   are not UTF-8, as browsers do with the real gateway.
 * - Taken offline by the business (ForceOffline, ForceOfflineGuest, a v2
 *   uniqId taken over, v6 ForceOfflineByCustomerId): after the data, v2
 *   closes the TCP connection without a close frame (the client sees 1006),
 *   v6 sends a close frame 1008 with the command's name ("forceOffline",
 *   "forceOfflineGuest", "forceOfflineByCustomerId").
 * - A client closing its WebSocket is closeCustomer(): ConnClose. closeCustomer()
 *   on a WebSocket customer closes its TCP connection (the client sees 1006).
 * - stop() cuts every WebSocket at once (1006) and closes the port, as a dying
 *   process; the customers go offline. restart() listens on the same port.
 * Not modeled on the customer port: read deadlines and heartbeat timeouts,
 * rate limits, origin checks, custom uniqIds, TLS, permessage-deflate (which
 * v6 would negotiate; messages read the same), v6's OnOpen / OnClose callbacks.
 *
 * Simplifications against the real gateway (all deliberate, for tests):
 * - ForceOffline / ForceOfflineGuest deliver their data and take the customer
 *   offline at once; the real v2 gateway closes about 3 s later (or after
 *   `delay` seconds), and v6 takes the customer offline once the close ends.
 * - v2 with processCmdGoroutineNum > 1 (the real gateway then runs that many
 *   command goroutines for the connection, from its Register on): requests are
 *   still handled one at a time, in order, and so are one-way commands (the
 *   real gateway may apply those out of order too); only the answers are
 *   reordered, deterministically: answers to requests read in one chunk leave
 *   in swapped pairs (2nd, 1st, 4th, 3rd...), an odd last one at the chunk's
 *   end, after any pong. `reorderAnswers: false` keeps them in order.
 * - The send deadline counts from the last write that reached the kernel; the
 *   real gateway sets one per write of a batch, and a write that timed out
 *   having written nothing drops its batch but keeps the connection. v6's
 *   queue counts frames not yet taken by the kernel, the real one those not
 *   yet taken by its writer (which holds up to 20 more).
 * - A one-way command, or a request with a message, whose body does not decode
 *   is recorded and ignored (no reply), as the gateway logs and drops it; a
 *   Register with such a body gets UnmarshalError; a body-less request with
 *   stray bytes is answered, as the gateway ignores its body.
 * - Empty `data` is never delivered to a customer.
 * - Metrics returns a few counters (keys 1..3) with zero rates; Limit names
 *   are whatever `limits` says. Tokens and registerIds are random hex.
 * - Customers are a model, and WebSockets only with the customer port;
 *   ConnOpen, ConnClose and Transfer for a customer go to its `workerId`
 *   (the real gateway takes ConnOpen and ConnClose workers from its
 *   configuration and Transfer's from the first three bytes of the message).
 *   A WebSocket customer's workerId is 1, the sample configuration's
 *   ConnOpenWorkerId and ConnCloseWorkerId; its ConnOpen is sent even when no
 *   worker 1 is registered, where the real gateway then closes the WebSocket.
 *   A customer going offline for any reason (closeCustomer, ForceOffline, a
 *   uniqId taken over) emits ConnClose.
 * - A text message that is not UTF-8 from a customer fails its WebSocket with
 *   1007 (the v2 gateway's library answers 1002).
 *
 * Further simplifications in v6 mode:
 * - The heartbeat text is always the default `~6YOt5rW35piO~`; the listeners
 *   bind 127.0.0.1, so uniqIds start with `7f000001` and the task port.
 * - A connId is drawn at Register, and Unregister clears the registration so
 *   the connection may register again (the real gateway's connId belongs to
 *   the connection, and its events stay set, so a second Register there is
 *   DuplicateRegister).
 * - Events go round-robin over every registered connection that asked for
 *   them; Limit's onOpen / onMessage are stored and reported, never enforced.
 * - ConnInfo / ConnInfoByCustomerId fill only the requested fields; topic
 *   queries on customerIds leave out subscribers without a customerId, and
 *   topics that then have none.
 * - Metrics returns the same three counters as v2 (item = key), and item 10,
 *   the real gateway's count of failed sends to businesses: here frames
 *   dropped by full send queues plus connections closed on the send deadline.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
// Types only: the ws package is loaded when a gateway first opens its customer port (see loadWs).
import type { RawData, WebSocket, WebSocketServer } from "ws";
import {
  Cmd,
  FrameError,
  FrameSplitter,
  RegisterRespCode,
  cmdKinds,
  decodeBusinessFrame,
  encodeCheckOnlineResponse,
  encodeConnClose,
  encodeConnInfoResponse,
  encodeConnOpen,
  encodeConnOpenCustomUniqIdTokenResponse,
  encodeGatewayFrame,
  encodeLimitResponse,
  encodeMetricsResponse,
  encodePing,
  encodePong,
  encodeRegisterResponse,
  encodeTopicCountResponse,
  encodeTopicListResponse,
  encodeTopicUniqIdCountResponse,
  encodeTopicUniqIdListResponse,
  encodeTransfer,
  encodeUniqIdCountResponse,
  encodeUniqIdListResponse,
  encodeUnregisterResponse,
  maxFrameSize as protocolMaxFrameSize,
  type BusinessFrame,
  type GatewayFrameArgs,
  type OnewayFrame,
  type RegisterReq,
  type RegisterResp,
  type RequestFrame,
} from "../../generated/dist/v2/index.js";
// v6 exports many of the same names (Cmd, FrameError...): everything v6 carries a V6 prefix here.
import {
  Cmd as V6Cmd,
  FrameError as V6FrameError,
  FrameSplitter as V6FrameSplitter,
  cmdKinds as v6CmdKinds,
  cmdPorts as v6CmdPorts,
  decodeBusinessFrame as decodeV6BusinessFrame,
  encodeGatewayFrame as encodeV6GatewayFrame,
  encodePing as encodeV6Ping,
  maxFrameSize as v6MaxFrameSize,
  requestSchemas as v6RequestSchemas,
  type BusinessFrame as V6BusinessFrame,
  type GatewayFrameArgs as V6GatewayFrameArgs,
  type OnewayFrame as V6OnewayFrame,
  type RegisterReq as V6RegisterReq,
  type RequestCmd as V6RequestCmd,
  type RequestFrame as V6RequestFrame,
} from "../../generated/dist/v6/index.js";
import { Event as V6Event } from "../../generated/dist/v6/event_pb.js";
import { RegisterRespCode as V6RegisterRespCode } from "../../generated/dist/v6/registerResp_pb.js";

// ------------------------------------------------------------------ public types

export interface TestGatewayOptions {
  /** The gateway's server id (uint8); Register must carry the same. Default 1. */
  readonly serverId?: number;
  /** Largest accepted frame payload; a longer frame closes the connection. Default the protocol's 2 MiB. */
  readonly maxFrameSize?: number;
  /** A business connection that completes no frame for this long is closed. Default 120 000 ms, as the real gateway. */
  readonly idleTimeoutMs?: number;
  /** Port to listen on; 0 (default) picks a free one. restart() reuses the bound port. */
  readonly port?: number;
  /** The gateway's named limits, as Limit reports them. Default two: "default" and "slow". */
  readonly limits?: readonly LimitSetting[];
  /** Timeout of every waitFor* call that is not given one. Default 5000 ms: long enough for CI, short enough to fail clearly. */
  readonly waitTimeoutMs?: number;
  /** A connection whose pending output makes no progress for this long is closed ("send-deadline"). Default 10 000 ms, as the real gateway. */
  readonly sendDeadlineMs?: number;
  /**
   * Whether a connection registered with processCmdGoroutineNum > 1 gets its answers out of order (swapped in
   * pairs), as from the real gateway's concurrent command goroutines. Default true; false keeps them in order.
   */
  readonly reorderAnswers?: boolean;
  /** The protocol to speak; "v2" (v2.0.2) is the default. See TestGatewayV6Options for "v6". */
  readonly protocol?: "v2";
  /** Listen for real WebSocket customers too (see CustomerPortOptions); without it, customers are only a model. */
  readonly customers?: CustomerPortOptions;
}

/** Options of a fake v6.0.1 gateway: a worker port and a task port, no server id. */
export interface TestGatewayV6Options {
  readonly protocol: "v6";
  /** Largest accepted frame payload, on both ports. Default the protocol's 2 MiB. */
  readonly maxFrameSize?: number;
  /** A connection of either port that completes no frame for this long is closed. Default 120 000 ms. */
  readonly idleTimeoutMs?: number;
  /** Ports to listen on; 0 (default) picks a free one. restart() reuses the bound ports. */
  readonly workerPort?: number;
  readonly taskPort?: number;
  /** Initial per-second limits Limit reports. Default 1000 each (this fake's choice). */
  readonly limits?: Partial<V6Limits>;
  readonly waitTimeoutMs?: number;
  /** As in v2, on both ports. Default 10 000 ms (Worker.SendDeadline and Task.SendDeadline). */
  readonly sendDeadlineMs?: number;
  /**
   * Unsent frames a worker-port connection may hold; further events and answers to it are dropped and
   * counted. Default 1024, the real gateway's Worker.SendChanCap. The task port has no such queue.
   */
  readonly sendQueueCap?: number;
  /** Listen for real WebSocket customers too (see CustomerPortOptions); without it, customers are only a model. */
  readonly customers?: CustomerPortOptions;
}

/**
 * The gateway's customer side (its [Customer] configuration): a WebSocket
 * server on 127.0.0.1 whose connections are customers of the model.
 */
export interface CustomerPortOptions {
  /** Port to listen on; 0 or absent picks a free one. restart() reuses the bound port. */
  readonly port?: number;
  /** The URL path customers connect to (HandlePattern). Default "/netsvr". */
  readonly path?: string;
  /**
   * The frame type of every message the gateway sends to customers (SendMessageType 1 | 2). Default "text".
   * A text frame carries the data as it is, unchecked: data that is not UTF-8 makes the client fail the connection.
   */
  readonly sendMessageType?: "text" | "binary";
}

/** The gateway-wide rate limits of v6 (LimitResp). */
export interface V6Limits {
  readonly onOpen: number;
  readonly onMessage: number;
}

/** One named concurrency limit of the gateway (LimitRespItem). */
export interface LimitSetting {
  readonly name: string;
  readonly concurrency: number;
  readonly workerIds: readonly number[];
}

/** A successful Register of a business connection. */
export interface Registration {
  readonly workerId: number;
  readonly processCmdGoroutineNum: number;
  readonly registerId: string;
}

/** A successful v6 Register of a worker-port connection. */
export interface V6Registration {
  /** The Event bits as sent (OnOpen = 1, OnClose = 2, OnMessage = 4; other bits are kept and ignored). */
  readonly events: number;
  /** 32 hex characters; Unregister names it. */
  readonly connId: string;
}

/** The listener a connection came in on. v2 has only the one business port, reported as "worker". */
export type PortName = "worker" | "task";

/**
 * Why a business connection ended: the peer closed or reset it, the gateway
 * closed it for a fault (unknown command, oversize frame, frame too short for
 * a command id, idle, a peer that stopped reading ("send-deadline"); in v6
 * also a command of the other port), or a test control ended it.
 */
export type CloseReason =
  | "peer"
  | "unknown-command"
  | "wrong-port"
  | "oversize"
  | "truncated"
  | "idle"
  | "send-deadline"
  | "stopped"
  | "dropped"
  | "error";

/** A business connection as the gateway sees it (a live view; it keeps its last state after closing). */
export interface BusinessConnection<R = Registration> {
  /** 1, 2, 3... in accept order over all ports, not reset by restart(): the n-th connection has id n. */
  readonly id: number;
  /** The listener it came in on. */
  readonly port: PortName;
  /** The business side's port: with `port`, maps a client socket (its localPort) to its connection. */
  readonly remotePort: number;
  /** False once the gateway closed it or saw it close. */
  readonly open: boolean;
  /** Set by a successful Register, cleared by an Unregister naming it. */
  readonly registration: R | undefined;
  readonly bytesReceived: number;
  /** Whole frames received, pings included. */
  readonly framesReceived: number;
  readonly closeReason: CloseReason | undefined;
  /**
   * How many commands the gateway works on at once for it: 1, or in v2 the processCmdGoroutineNum of
   * its successful Register (the real gateway starts that many command goroutines; Unregister leaves them).
   */
  readonly commandWorkers: number;
  /** Writes (frames, or sendRaw's chunks) handed to the socket whose bytes the kernel has not all taken yet; frozen at close. */
  readonly pendingWrites: number;
  /** Their bytes not taken yet (the socket's writableLength); frozen at close. */
  readonly pendingBytes: number;
  /** v6 worker port: frames dropped because sendQueueCap writes were pending. Always 0 elsewhere. */
  readonly droppedFrames: number;
}

/** A frame a business sent, in arrival order across all connections. */
export interface ReceivedFrame<F = BusinessFrame, E = FrameError> {
  /** Position in TestGateway.received. */
  readonly index: number;
  readonly connectionId: number;
  /** The whole frame, length prefix included (a copy: body views stay valid). */
  readonly bytes: Uint8Array;
  /** The decoded frame; undefined when the frame could not be decoded (see error). */
  readonly frame: F | undefined;
  /** Why decoding failed: an unknown command, a frame too short, an invalid body. */
  readonly error: E | undefined;
}

/** A simulated WebSocket customer (a live view). */
export interface Customer {
  /** The current uniqId; ConnInfoUpdate / ConnInfoDelete may change it. */
  readonly uniqId: string;
  readonly session: string;
  /** v6: set by openCustomer or ConnInfoUpdate, cleared by ConnInfoDelete; "" is none. Always "" in v2. */
  readonly customerId: string;
  readonly topics: readonly string[];
  readonly online: boolean;
  /** v2: the worker its ConnOpen, ConnClose and Transfer events go to (v6 routes by registered events). */
  readonly workerId: number;
  readonly rawQuery: string;
  /** Every data payload delivered to it, in order. */
  readonly inbox: readonly Uint8Array[];
}

export interface OpenCustomerOptions {
  /** A uniqId to use instead of a fresh one (e.g. one from ConnOpenCustomUniqIdToken); must not be online. */
  readonly uniqId?: string;
  /** Initial session and topics, as if set before; a real customer starts with none. */
  readonly session?: string;
  readonly topics?: readonly string[];
  readonly rawQuery?: string;
  readonly subProtocol?: readonly string[];
  readonly xForwardedFor?: string;
  /** v2: worker that receives this customer's events. Default 1. Ignored by v6. */
  readonly workerId?: number;
  /** v6 only: an initial customerId, as a ConnOpenResp callback could set. */
  readonly customerId?: string;
  /** v6 only: ConnOpen's xRealIp and remoteAddr. subProtocol is v2 only. */
  readonly xRealIp?: string;
  readonly remoteAddr?: string;
}

/** A business connection id, or every open one. */
export type ConnectionTarget = number | "all";

/** The types that differ between protocol versions; the gateway interfaces are built from them. */
export interface ProtocolTypes {
  /** A decoded business frame. */
  readonly frame: { readonly name: string };
  /** The decoder's error class. */
  readonly error: Error & { readonly code: string };
  readonly registration: object;
  /** The arguments of the version's encodeGatewayFrame. */
  readonly frameArgs: readonly unknown[];
  /** What Limit reports and changes. */
  readonly limits: unknown;
}

export interface V2Types extends ProtocolTypes {
  readonly frame: BusinessFrame;
  readonly error: FrameError;
  readonly registration: Registration;
  readonly frameArgs: GatewayFrameArgs;
  readonly limits: readonly LimitSetting[];
}

export interface V6Types extends ProtocolTypes {
  readonly frame: V6BusinessFrame;
  readonly error: V6FrameError;
  readonly registration: V6Registration;
  readonly frameArgs: V6GatewayFrameArgs;
  readonly limits: V6Limits;
}

/** What a fake gateway of either version offers; TestGateway (v2) and TestGatewayV6 add their own. */
export interface TestGatewayBase<T extends ProtocolTypes> {
  readonly host: string;
  /** The worker port: v2's only port, v6's Register / event port. */
  readonly port: number;
  readonly maxFrameSize: number;
  readonly idleTimeoutMs: number;

  // ---- business connections
  /** The open business connections of every port, in accept order. */
  readonly connections: readonly BusinessConnection<T["registration"]>[];
  /** Any connection ever accepted, open or closed. */
  connection(id: number): BusinessConnection<T["registration"]> | undefined;
  /** Resolves with the n-th connection ever accepted (default the first), at once if it already was. */
  waitForConnection(n?: number, timeoutMs?: number): Promise<BusinessConnection<T["registration"]>>;
  /** Resolves once the connection (default the latest accepted) is closed and its socket released. */
  waitForDisconnect(connectionId?: number, timeoutMs?: number): Promise<BusinessConnection<T["registration"]>>;

  // ---- frames
  /** Every frame received, pings and undecodable frames included, in order. */
  readonly received: readonly ReceivedFrame<T["frame"], T["error"]>[];
  /**
   * Resolves with the first received frame at index >= `after` (default 0,
   * so a frame that already arrived counts) that matches. Resolves after the
   * gateway handled the frame: its state changes are visible, its reply is
   * written or held. Pass `after: gateway.received.length` to wait for a new one.
   */
  waitForFrame(
    predicate: (frame: ReceivedFrame<T["frame"], T["error"]>) => boolean,
    options?: { readonly after?: number; readonly timeoutMs?: number },
  ): Promise<ReceivedFrame<T["frame"], T["error"]>>;
  /** Resolves with check()'s first value that is not undefined or false; re-checked after every gateway event. */
  waitUntil<T>(check: () => T | undefined | false, what: string, timeoutMs?: number): Promise<T>;

  // ---- customers
  /** Every customer ever opened, online or not. */
  readonly customers: readonly Customer[];
  /** The online customer with this uniqId, else the last one that had it. */
  customer(uniqId: string): Customer | undefined;
  /**
   * A new online customer; its ConnOpen goes round-robin to a connection
   * registered with its workerId (v2) or for OnOpen (v6), or nowhere if none is.
   */
  openCustomer(options?: OpenCustomerOptions): Customer;
  /**
   * The customer disconnects: ConnClose goes to its worker (v2) or an OnClose connection (v6). A WebSocket
   * customer's TCP connection is closed too, without a close frame: its client sees 1006.
   */
  closeCustomer(uniqId: string): void;
  /** Resolves with the customer's inbox once it holds at least count payloads. */
  waitForDelivery(uniqId: string, count: number, timeoutMs?: number): Promise<readonly Uint8Array[]>;
  /** `ws://127.0.0.1:<port><path>`, where real WebSocket customers connect; undefined without the `customers` option. */
  readonly customerUrl: string | undefined;
  /** WebSocket customers whose connection is open (a forced one until its close completes); 0 without the option. */
  readonly customerSockets: number;
  /**
   * Resolves with the n-th WebSocket customer ever accepted (default the first; restart() does not reset the
   * count), at once if it already was: a client's customer, once clients connect one after another.
   */
  waitForCustomerSocket(n?: number, timeoutMs?: number): Promise<Customer>;
  /** The current limits (Limit may change them). */
  readonly limits: T["limits"];

  // ---- controls
  /** Queue request replies instead of writing them; pongs and events still go out at once. */
  holdReplies(): void;
  /** Write held replies in order: all of them (and stop holding), or the first count (and keep holding). */
  releaseReplies(count?: number): void;
  readonly heldReplies: number;
  /** While enabled, requests are recorded but neither processed nor answered (for client timeouts). */
  ignoreRequests(enabled: boolean): void;
  /**
   * Stop reading business sockets, so client writes back up: one connection,
   * or "all" (default: every open one and every one accepted while paused).
   * A paused connection's idle timer is suspended.
   */
  pauseReading(target?: ConnectionTarget): void;
  /** Undo pauseReading for one connection or "all" (default). */
  resumeReading(target?: ConnectionTarget): void;
  /**
   * The gateway drops every business connection: nothing more is handled or
   * written, bytes already written (sendRaw, events, replies) are flushed,
   * then FIN; the socket is released when the peer closes too (or at stop()).
   * With reset, an RST at once instead, discarding unsent bytes.
   */
  dropConnections(options?: { readonly reset?: boolean }): void;
  /** Write raw bytes, e.g. half a frame before a drop. Counted like any write (pendingWrites, v6's worker queue). */
  sendRaw(target: ConnectionTarget, bytes: Uint8Array): void;
  /** Write any frame a gateway sends (event or response), e.g. an unsolicited reply. */
  sendFrame(target: ConnectionTarget, ...args: T["frameArgs"]): void;

  // ---- lifecycle
  /**
   * The gateway goes away: stop listening on every port and destroy every connection. Modeled customers
   * stay; WebSocket customers are cut off (no close frame: their clients see 1006) and go offline, their
   * ConnClose sent nowhere, as when the gateway's process dies.
   */
  stop(): Promise<void>;
  /**
   * Listen again on the same port(s), the customer port included, with fresh connection state; modeled
   * customers, limits and control flags stay. WebSocket clients may reconnect to the same customerUrl.
   */
  restart(): Promise<void>;
  /** Stop and reject pending waits; safe to call more than once. */
  close(): Promise<void>;
}

/** A fake v2.0.2 gateway: one port for every command. */
export interface TestGateway extends TestGatewayBase<V2Types> {
  readonly serverId: number;
  /** Resolves with an open connection registered (with workerId, if given). */
  waitForRegistration(workerId?: number, timeoutMs?: number): Promise<BusinessConnection>;
  /** The customer sends data: a Transfer goes to workerId (default the customer's). Returns the connection id it went to, if any. */
  customerSends(uniqId: string, data: Uint8Array | string, workerId?: number): number | undefined;
}

/** A fake v6.0.1 gateway: Register and events on the worker port, every other command on the task port. */
export interface TestGatewayV6 extends TestGatewayBase<V6Types> {
  /** Same as port. */
  readonly workerPort: number;
  readonly taskPort: number;
  /** Resolves with an open connection registered for all of these Event bits (default any registration). */
  waitForRegistration(events?: number, timeoutMs?: number): Promise<BusinessConnection<V6Registration>>;
  /**
   * The customer sends data: a Transfer goes to an OnMessage connection, round-robin. Returns its
   * connection id, if any (also when that connection's full queue dropped it).
   */
  customerSends(uniqId: string, data: Uint8Array | string): number | undefined;
  /** Frames dropped by full worker send queues, over every connection ever accepted. */
  readonly droppedFrames: number;
}

/** Starts a fake gateway on 127.0.0.1: v2.0.2 unless `protocol: "v6"`. */
export async function startTestGateway(options?: TestGatewayOptions): Promise<TestGateway>;
export async function startTestGateway(options: TestGatewayV6Options): Promise<TestGatewayV6>;
export async function startTestGateway(options: TestGatewayOptions | TestGatewayV6Options = {}): Promise<TestGateway | TestGatewayV6> {
  if (options.protocol === "v6") return startV6(options);
  return startV2(options);
}

async function startV6(options: TestGatewayV6Options): Promise<TestGatewayV6> {
  const gateway = new GatewayCore(
    {
      serverId: 0, // v6 has no server id
      maxFrameSize: options.maxFrameSize ?? v6MaxFrameSize,
      idleTimeoutMs: options.idleTimeoutMs ?? 120_000,
      waitTimeoutMs: options.waitTimeoutMs ?? 5_000,
      sendDeadlineMs: options.sendDeadlineMs ?? 10_000,
      // Only v2 has command goroutine pools.
      reorderAnswers: false,
      customers: customerSettings(options.customers),
    },
    createV6Mode({ onOpen: options.limits?.onOpen ?? 1000, onMessage: options.limits?.onMessage ?? 1000 }, options.sendQueueCap ?? 1024),
  );
  await gateway.listen(new Map([["worker", options.workerPort ?? 0], ["task", options.taskPort ?? 0]]));
  return gateway;
}

async function startV2(options: TestGatewayOptions): Promise<TestGateway> {
  const serverId = options.serverId ?? 1;
  if (!Number.isInteger(serverId) || serverId < 0 || serverId > 0xff) {
    throw new RangeError(`serverId must be a uint8, got ${serverId}`);
  }
  const gateway = new GatewayCore(
    {
      serverId,
      maxFrameSize: options.maxFrameSize ?? protocolMaxFrameSize,
      idleTimeoutMs: options.idleTimeoutMs ?? 120_000,
      waitTimeoutMs: options.waitTimeoutMs ?? 5_000,
      sendDeadlineMs: options.sendDeadlineMs ?? 10_000,
      reorderAnswers: options.reorderAnswers ?? true,
      customers: customerSettings(options.customers),
    },
    createV2Mode(
      serverId,
      options.limits ?? [
        { name: "default", concurrency: 100, workerIds: [1] },
        { name: "slow", concurrency: 10, workerIds: [2] },
      ],
    ),
  );
  await gateway.listen(new Map([["worker", options.port ?? 0]]));
  return gateway;
}

/** The customer port's settings, defaults filled in; undefined: no customer port. */
function customerSettings(options: CustomerPortOptions | undefined): CustomerSettings | undefined {
  if (options === undefined) return undefined;
  const path = options.path ?? "/netsvr";
  if (!path.startsWith("/")) throw new RangeError(`customers.path must start with "/", got ${JSON.stringify(path)}`);
  const type = options.sendMessageType ?? "text";
  if (type !== "text" && type !== "binary") throw new RangeError(`customers.sendMessageType must be "text" or "binary", got ${JSON.stringify(type)}`);
  return { port: options.port ?? 0, path, binary: type === "binary" };
}

// ------------------------------------------------------------------ the mode seam

/**
 * Everything that differs between protocol versions. The core listens on the
 * mode's ports and calls it with whole frames and customer changes; the mode
 * answers and routes events through the core's methods.
 */
interface ProtocolMode<T extends ProtocolTypes> {
  readonly name: string;
  /** The listeners, in order; the first is `port`. Connections record which one they came in on. */
  readonly ports: readonly PortName[];
  /** The version's splitter: the core feeds it chunks, the mode gets whole frames. */
  newSplitter(maxFrameSize: number): FrameSource;
  /** Whether a splitter error is an oversize frame (the core closes with "oversize"). */
  isOversize(error: unknown): boolean;
  /** Handles one whole frame of a business connection; throws CloseConnection to close it. */
  handleFrame(core: GatewayCore<T>, conn: ConnState<T["registration"]>, frame: Uint8Array): void;
  /** A fresh customer uniqId; called only while listening (v6 puts the task port in it). */
  newUniqId(core: GatewayCore<T>): string;
  /** Event senders: encode the event and hand it to core.routeEvent; return the connection id it went to. */
  connOpen(core: GatewayCore<T>, customer: CustomerState, options: OpenCustomerOptions): number | undefined;
  connClose(core: GatewayCore<T>, customer: CustomerState): number | undefined;
  /** workerId: v2's explicit target worker (the message's prefix); v6 ignores it. */
  transfer(core: GatewayCore<T>, customer: CustomerState, data: Uint8Array, workerId: number | undefined): number | undefined;
  /** For waitForRegistration: whether a registration matches the test's filter (undefined: any). */
  registrationMatches(registration: T["registration"], filter: number | undefined): boolean;
  /** How many unsent writes a connection of the port may hold before further ones are dropped; undefined: no limit. */
  sendQueueCap(port: PortName): number | undefined;
  /** The current limits, as the public `limits` shows them. */
  limits(): T["limits"];
  encodeFrame(...args: T["frameArgs"]): Uint8Array;

  // ---- the customer port
  /**
   * The gateway's answer to an HTTP request on the customer port that it refuses (wrong path, not a
   * WebSocket handshake...); undefined lets the handshake go ahead.
   */
  customerRefusal(request: http.IncomingMessage, path: string): HttpAnswer | undefined;
  /** The subprotocol the handshake's answer names, of those the client offered (in order); false for none. */
  customerSubProtocol(offered: readonly string[]): string | false;
  /** The payload of the pong that answers a customer's ping frame; undefined: the ping's own payload. */
  readonly customerPong: Uint8Array | undefined;
  /** ConnOpen's fields for a WebSocket customer, from its handshake request. */
  customerOpenOptions(request: http.IncomingMessage): OpenCustomerOptions;
  /** A message of an online WebSocket customer: the gateway's onMessage (heartbeat, checks, then core.customerSends). */
  customerMessage(core: GatewayCore<T>, customer: CustomerState, data: Uint8Array, socket: CustomerReplies): void;
  /** How a forced offline ends a WebSocket: a close frame, or undefined to close the TCP connection without one. */
  forcedClose(kind: ForcedOffline): { readonly code: number; readonly reason: string } | undefined;
}

/** The customer port's settings. */
interface CustomerSettings {
  readonly port: number;
  readonly path: string;
  /** SendMessageType: binary frames, else text frames. */
  readonly binary: boolean;
}

/** An HTTP answer of the customer port: status and plain-text body. */
interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** What a mode may do to the WebSocket whose message it handles. */
interface CustomerReplies {
  /** Writes a message in the frame type of the message being handled. */
  reply(data: Uint8Array): void;
  /** Sends a close frame; the connection ends once the client answers it. */
  close(code: number, reason: string): void;
}

/** The commands that take a customer offline on the business's say; v6 names its close frame after them. */
type ForcedOffline = "forceOffline" | "forceOfflineGuest" | "forceOfflineByCustomerId" | "newUniqIdTaken";

/** What the core needs of a version's FrameSplitter. */
interface FrameSource {
  push(chunk: Uint8Array, onFrame: (frame: Uint8Array) => void): void;
}

/** Thrown by a mode out of the splitter's callback: stops reading and closes the connection. */
class CloseConnection extends Error {
  constructor(readonly reason: CloseReason) {
    super(`close business connection: ${reason}`);
  }
}

// ------------------------------------------------------------------ core

interface CoreSettings {
  /** v2's server id; 0 for v6, which has none. */
  readonly serverId: number;
  readonly maxFrameSize: number;
  readonly idleTimeoutMs: number;
  readonly waitTimeoutMs: number;
  readonly sendDeadlineMs: number;
  /** Whether answers of connections with commandWorkers > 1 are reordered. */
  readonly reorderAnswers: boolean;
  /** The customer port; undefined: none. */
  readonly customers: CustomerSettings | undefined;
}

class ConnState<R> implements BusinessConnection<R> {
  open = true;
  /** The socket's "close" fired: the descriptor is released. */
  released = false;
  registration: R | undefined = undefined;
  bytesReceived = 0;
  framesReceived = 0;
  closeReason: CloseReason | undefined = undefined;
  idleTimer: NodeJS.Timeout | undefined = undefined;
  /** Reading paused by pauseReading. */
  paused = false;
  commandWorkers = 1;
  droppedFrames = 0;
  /** With commandWorkers > 1: an answer that waits for the next one to overtake it. */
  waitingAnswer: Uint8Array | undefined = undefined;
  /** Runs while output waits; fires after sendDeadlineMs without progress. */
  sendTimer: NodeJS.Timeout | undefined = undefined;
  readonly closed: Promise<void>;
  readonly remotePort: number;
  /** Bytes ever handed to the socket. */
  private written = 0;
  /** The running total of `written` at the end of each write the kernel may not have taken yet, oldest first. */
  private readonly writeEnds: number[] = [];
  private frozen: { readonly writes: number; readonly bytes: number } | undefined = undefined;

  constructor(
    readonly id: number,
    readonly socket: net.Socket,
    readonly port: PortName,
    readonly splitter: FrameSource,
  ) {
    this.remotePort = socket.remotePort ?? 0;
    this.closed = new Promise((resolve) => socket.once("close", () => resolve()));
  }

  /** Hands bytes to the socket, counted; done runs once the kernel took them all (or the write failed). */
  write(bytes: Uint8Array, done: () => void): void {
    this.written += bytes.length;
    this.writeEnds.push(this.written);
    this.socket.write(bytes, done);
  }

  get pendingBytes(): number {
    return this.frozen?.bytes ?? this.socket.writableLength;
  }

  get pendingWrites(): number {
    if (this.frozen !== undefined) return this.frozen.writes;
    // Node drops a write from writableLength once the kernel took all of it, synchronously when it could.
    const taken = this.written - this.socket.writableLength;
    let done = 0;
    while (done < this.writeEnds.length && this.writeEnds[done]! <= taken) done++;
    if (done > 0) this.writeEnds.splice(0, done);
    return this.writeEnds.length;
  }

  /** At close, before the socket lets go of its buffer: tests still see what was left unsent. */
  freezePending(): void {
    this.frozen ??= { writes: this.pendingWrites, bytes: this.pendingBytes };
  }
}

class CustomerState implements Customer {
  online = true;
  readonly inbox: Uint8Array[] = [];
  readonly topicSet: Set<string>;
  /** The WebSocket of a customer of the customer port; undefined for a modeled one. */
  socket: CustomerSocket | undefined = undefined;

  constructor(
    public uniqId: string,
    public session: string,
    topics: readonly string[],
    readonly workerId: number,
    readonly rawQuery: string,
    public customerId: string,
  ) {
    this.topicSet = new Set(topics);
  }

  get topics(): readonly string[] {
    return [...this.topicSet];
  }
}

/** The connection of a WebSocket customer. Once the gateway closes it (ending), nothing more is written. */
class CustomerSocket {
  ending = false;
  /** The connection is gone ("close" seen, or cut by stop()). */
  closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly tcp: Duplex,
    private readonly binary: boolean,
  ) {}

  /** A delivery: one message in the gateway's SendMessageType. */
  send(data: Uint8Array): void {
    this.write(data, this.binary);
  }

  /** One message; a text frame carries the bytes unchecked, as the real gateway writes them. */
  write(data: Uint8Array, binary: boolean): void {
    if (this.ending || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(data, { binary });
  }

  pong(data: Uint8Array): void {
    if (!this.ending && this.ws.readyState === this.ws.OPEN) this.ws.pong(data);
  }

  /** A close frame; ws ends the TCP connection once the client answers it. */
  close(code: number, reason: string): void {
    if (this.ending || this.closed) return;
    this.ending = true;
    this.ws.close(code, reason);
  }

  /** Closes the TCP connection after what was written, without a close frame: the client sees 1006. */
  end(): void {
    if (this.ending || this.closed) return;
    this.ending = true;
    this.tcp.end();
  }

  /** Cuts the connection at once, as a dying process does. */
  terminate(): void {
    this.ending = true;
    this.closed = true;
    this.ws.terminate();
  }
}

/** The ws package, loaded once, by the first gateway with a customer port. */
let wsPackage: Promise<typeof import("ws")> | undefined;
function loadWs(): Promise<typeof import("ws")> {
  wsPackage ??= import("ws");
  return wsPackage;
}

interface Waiter {
  poll(): void;
  fail(error: Error): void;
}

class GatewayCore<T extends ProtocolTypes> implements TestGatewayBase<T> {
  readonly host = "127.0.0.1";
  readonly serverId: number;
  readonly maxFrameSize: number;
  readonly idleTimeoutMs: number;
  readonly received: ReceivedFrame<T["frame"], T["error"]>[] = [];
  /** Counters behind Metrics; sendFailures: frames dropped by full send queues, connections closed on the send deadline. */
  private readonly stats = { opened: 0, closed: 0, transfers: 0, sendFailures: 0 };

  private readonly servers = new Map<PortName, net.Server>();
  /** Ports bound by the first listen(); restart() binds them again. */
  private readonly boundPorts = new Map<PortName, number>();
  private readonly allConnections: ConnState<T["registration"]>[] = [];
  private readonly allCustomers: CustomerState[] = [];
  private readonly online = new Map<string, CustomerState>();
  /** Next turn per event route key (see routeEvent). */
  private readonly roundRobin = new Map<string, number>();
  private readonly waiters = new Set<Waiter>();
  private held: { conn: ConnState<T["registration"]>; bytes: Uint8Array }[] = [];
  private holding = false;
  private ignoring = false;
  private readingPaused = false;
  private closedForGood = false;
  private readonly waitTimeoutMs: number;
  private readonly sendDeadlineMs: number;
  private readonly reorderAnswers: boolean;
  private readonly customerPort: CustomerSettings | undefined;
  /** The customer port's listener while listening. */
  private customerServer: http.Server | undefined;
  /** The customer port bound by the first listen(); restart() binds it again. */
  private customerPortBound = 0;
  /** Open TCP connections of the customer port (handshakes, refusals, WebSockets): cut by stop(). */
  private readonly customerTcp = new Set<Duplex>();
  /** Every WebSocket customer ever accepted, in accept order. */
  private readonly socketCustomers: CustomerState[] = [];

  constructor(
    settings: CoreSettings,
    private readonly mode: ProtocolMode<T>,
  ) {
    this.serverId = settings.serverId;
    this.maxFrameSize = settings.maxFrameSize;
    this.idleTimeoutMs = settings.idleTimeoutMs;
    this.waitTimeoutMs = settings.waitTimeoutMs;
    this.sendDeadlineMs = settings.sendDeadlineMs;
    this.reorderAnswers = settings.reorderAnswers;
    this.customerPort = settings.customers;
  }

  /** The bound port of a listener; 0 if the mode has no such listener. */
  boundPort(name: PortName): number {
    return this.boundPorts.get(name) ?? 0;
  }

  get port(): number {
    return this.boundPort(this.mode.ports[0]!);
  }

  get workerPort(): number {
    return this.boundPort("worker");
  }

  get taskPort(): number {
    return this.boundPort("task");
  }

  get customerUrl(): string | undefined {
    if (this.customerPort === undefined) return undefined;
    return `ws://${this.host}:${this.customerPortBound}${this.customerPort.path}`;
  }

  // ---- lifecycle

  /** Listens on every port of the mode (requested: its port number, 0 or absent for a free one); all or none. */
  async listen(requested: ReadonlyMap<PortName, number>): Promise<void> {
    try {
      for (const name of this.mode.ports) {
        const server = net.createServer({ noDelay: true }, (socket) => this.accept(socket, name));
        this.servers.set(name, server);
        await new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen({ port: requested.get(name) ?? 0, host: this.host }, () => {
            server.off("error", reject);
            resolve();
          });
        });
        // A listening server has nothing useful to report to a test; never crash the runner.
        server.on("error", () => {});
        this.boundPorts.set(name, (server.address() as net.AddressInfo).port);
      }
      if (this.customerPort !== undefined) await this.listenForCustomers(this.customerPort, this.customerPortBound || this.customerPort.port);
    } catch (error) {
      // One port failed (e.g. in use): release the others, so nothing half-listens.
      await this.closeServers();
      throw error;
    }
  }

  private async closeServers(): Promise<void> {
    const servers = [...this.servers.values()];
    this.servers.clear();
    await Promise.all([
      ...servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
      this.closeCustomerServer(),
    ]);
  }

  /**
   * The customer port: an HTTP server whose WebSocket handshakes on the path become customers; the mode
   * refuses other requests as its gateway does.
   */
  private async listenForCustomers(settings: CustomerSettings, port: number): Promise<void> {
    const { WebSocketServer } = await loadWs();
    const wss: WebSocketServer = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      // v2 answers ping frames with its own pong text, v6 echoes them.
      autoPong: this.mode.customerPong === undefined,
      handleProtocols: (offered) => this.mode.customerSubProtocol([...offered]),
    });
    const server = http.createServer((request, response) => {
      // Not a handshake Node could upgrade: the mode's refusal, else a plain 400.
      const answer = this.mode.customerRefusal(request, settings.path) ?? { status: 400, body: "Bad Request" };
      response.writeHead(answer.status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
      response.end(answer.body);
    });
    server.on("connection", (socket: net.Socket) => {
      this.customerTcp.add(socket);
      socket.once("close", () => this.customerTcp.delete(socket));
    });
    server.on("upgrade", (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on("error", () => {});
      const refusal = this.mode.customerRefusal(request, settings.path);
      if (refusal !== undefined) {
        socket.end(httpAnswerBytes(refusal));
        return;
      }
      wss.handleUpgrade(request, socket, head, (ws) => {
        // A handshake that completed while the gateway stopped: that process is gone.
        if (this.customerServer !== server) ws.terminate();
        else this.acceptCustomer(ws, socket, request, settings);
      });
    });
    this.customerServer = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ port, host: this.host }, () => {
        server.off("error", reject);
        resolve();
      });
    });
    server.on("error", () => {});
    this.customerPortBound = (server.address() as net.AddressInfo).port;
  }

  /** Stops listening on the customer port and cuts its connections: their close events still arrive. */
  private async closeCustomerServer(): Promise<void> {
    const server = this.customerServer;
    if (server === undefined) return;
    this.customerServer = undefined;
    const sockets = [...this.customerTcp];
    for (const socket of sockets) socket.destroy();
    await Promise.all([
      new Promise<void>((resolve) => server.close(() => resolve())),
      ...sockets.map((socket) => new Promise<void>((resolve) => (socket.closed ? resolve() : socket.once("close", () => resolve())))),
    ]);
  }

  /** A completed handshake: a new customer, as openCustomer() makes one, whose deliveries go to ws. */
  private acceptCustomer(ws: WebSocket, tcp: Duplex, request: http.IncomingMessage, settings: CustomerSettings): void {
    const socket = new CustomerSocket(ws, tcp, settings.binary);
    // Bad frames, invalid UTF-8 in a text message, resets: ws closes the connection and "close" follows.
    ws.on("error", () => {});
    const customer = this.addCustomer(this.mode.customerOpenOptions(request), socket);
    ws.on("message", (data: RawData, isBinary: boolean) => {
      if (!customer.online || socket.ending) return;
      const replies: CustomerReplies = {
        reply: (bytes) => socket.write(bytes, isBinary),
        close: (code, reason) => socket.close(code, reason),
      };
      this.mode.customerMessage(this, customer, rawBytes(data), replies);
      this.notify();
    });
    const pong = this.mode.customerPong;
    if (pong !== undefined) ws.on("ping", () => socket.pong(pong));
    ws.on("close", () => {
      socket.closed = true;
      // The customer left (or the gateway's close completed): ConnClose, unless it already went offline.
      this.takeOffline(customer);
      this.notify();
    });
  }

  async stop(): Promise<void> {
    const open = this.allConnections.filter((c) => !c.released);
    for (const conn of open) {
      this.closeConnection(conn, "stopped");
      // Also ends a drop that is still flushing to a peer that does not read.
      conn.socket.destroy();
    }
    // Every WebSocket customer is cut off and goes offline; no business is left to hear its ConnClose.
    for (const customer of this.socketCustomers) {
      if (customer.socket?.closed === false) {
        customer.socket.terminate();
        this.takeOffline(customer);
      }
    }
    this.held = [];
    await Promise.all([this.closeServers(), ...open.map((c) => c.closed)]);
    this.notify();
  }

  async restart(): Promise<void> {
    if (this.closedForGood) throw new Error("test gateway: restart() after close()");
    await this.stop();
    this.roundRobin.clear();
    await this.listen(new Map(this.boundPorts));
  }

  async close(): Promise<void> {
    if (this.closedForGood) return;
    this.closedForGood = true;
    await this.stop();
    for (const waiter of [...this.waiters]) waiter.fail(new Error("test gateway closed while waiting"));
  }

  // ---- connections

  get connections(): readonly BusinessConnection<T["registration"]>[] {
    return this.allConnections.filter((c) => c.open);
  }

  connection(id: number): BusinessConnection<T["registration"]> | undefined {
    return this.allConnections[id - 1];
  }

  waitForConnection(n = 1, timeoutMs?: number): Promise<BusinessConnection<T["registration"]>> {
    return this.waitUntil(() => this.allConnections[n - 1], `business connection #${n} (${this.allConnections.length} accepted so far)`, timeoutMs);
  }

  waitForDisconnect(connectionId?: number, timeoutMs?: number): Promise<BusinessConnection<T["registration"]>> {
    const id = connectionId ?? this.allConnections.length;
    const conn = this.allConnections[id - 1];
    if (conn === undefined) return Promise.reject(new Error(`test gateway: no business connection #${id} to wait for`));
    return this.waitUntil(() => conn.released && conn, `business connection #${id} to close`, timeoutMs);
  }

  /** filter: v2 a workerId, v6 Event bits; the mode decides what matches. */
  waitForRegistration(filter?: number, timeoutMs?: number): Promise<BusinessConnection<T["registration"]>> {
    const which = filter === undefined ? "anything" : `${this.mode.name === "v2" ? "workerId" : "events"} ${filter}`;
    return this.waitUntil(
      () => this.allConnections.find((c) => c.open && c.registration !== undefined && this.mode.registrationMatches(c.registration, filter)),
      `a business connection registered for ${which}`,
      timeoutMs,
    );
  }

  private accept(socket: net.Socket, port: PortName): void {
    const conn = new ConnState<T["registration"]>(this.allConnections.length + 1, socket, port, this.mode.newSplitter(this.maxFrameSize));
    this.allConnections.push(conn);
    socket.on("data", (chunk: Buffer) => this.onData(conn, chunk));
    // ECONNRESET and the like: the peer went away; "close" follows.
    socket.on("error", () => {
      conn.closeReason ??= "peer";
    });
    socket.on("close", () => {
      conn.freezePending();
      conn.open = false;
      conn.released = true;
      conn.closeReason ??= "peer";
      clearTimeout(conn.idleTimer);
      clearTimeout(conn.sendTimer);
      this.notify();
    });
    if (this.readingPaused) {
      conn.paused = true;
      socket.pause();
    }
    this.armIdle(conn);
    this.notify();
  }

  private onData(conn: ConnState<T["registration"]>, chunk: Buffer): void {
    if (!conn.open) return;
    conn.bytesReceived += chunk.length;
    try {
      conn.splitter.push(chunk, (frame) => {
        conn.framesReceived++;
        this.armIdle(conn);
        // A copy, so recorded frames and their body views outlive the chunk.
        this.mode.handleFrame(this, conn, frame.slice());
      });
    } catch (error) {
      if (error instanceof CloseConnection) this.closeConnection(conn, error.reason);
      else if (this.mode.isOversize(error)) this.closeConnection(conn, "oversize");
      else this.closeConnection(conn, "error");
    }
    this.releaseWaitingAnswer(conn);
    this.notify();
  }

  /**
   * Ends a connection. "destroy" is the gateway on a fault: output not yet
   * handed to the kernel is dropped. "flush" writes what was queued, then FIN;
   * "reset" sends an RST.
   */
  private closeConnection(conn: ConnState<T["registration"]>, reason: CloseReason, how: "destroy" | "flush" | "reset" = "destroy"): void {
    if (!conn.open) return;
    conn.freezePending();
    conn.open = false;
    conn.closeReason ??= reason;
    conn.waitingAnswer = undefined;
    clearTimeout(conn.idleTimer);
    clearTimeout(conn.sendTimer);
    if (how === "reset") {
      conn.socket.resetAndDestroy();
    } else if (how === "flush") {
      // Keep reading (and discarding, see onData) so the peer's FIN is seen and
      // no unread input turns our close into an RST that could wipe the flushed bytes.
      conn.socket.end();
      conn.socket.resume();
    } else {
      conn.socket.destroy();
    }
  }

  /** Restarts the idle deadline: the real gateway sets its read deadline before every frame. */
  private armIdle(conn: ConnState<T["registration"]>): void {
    clearTimeout(conn.idleTimer);
    conn.idleTimer = undefined;
    if (!conn.open || conn.paused) return;
    conn.idleTimer = setTimeout(() => {
      this.closeConnection(conn, "idle");
      this.notify();
    }, this.idleTimeoutMs);
    conn.idleTimer.unref();
  }

  // ---- writing, used by modes

  /** Records a frame before it is handled; waiters see it after handling (onData notifies). */
  record(conn: ConnState<T["registration"]>, bytes: Uint8Array, frame: T["frame"] | undefined, error: T["error"] | undefined): void {
    this.received.push({ index: this.received.length, connectionId: conn.id, bytes, frame, error });
  }

  /**
   * Pongs and events (and released replies): written at once, never held. Into a full send queue (v6
   * worker port) the frame is dropped and counted, as the real gateway's enqueue fails without blocking.
   */
  sendNow(conn: ConnState<T["registration"]>, bytes: Uint8Array): void {
    if (!conn.open) return;
    const cap = this.mode.sendQueueCap(conn.port);
    if (cap !== undefined && conn.pendingWrites >= cap) {
      conn.droppedFrames++;
      this.stats.sendFailures++;
      return;
    }
    conn.write(bytes, () => this.wrote(conn));
    this.armSendDeadline(conn);
  }

  /** A write was taken by the kernel (or failed): progress, so any deadline starts again. */
  private wrote(conn: ConnState<T["registration"]>): void {
    clearTimeout(conn.sendTimer);
    conn.sendTimer = undefined;
    this.armSendDeadline(conn);
  }

  /**
   * While output waits, some of it must reach the kernel within sendDeadlineMs, or the connection is
   * closed and the rest lost: the real gateway's write deadline, which a business that stops reading hits.
   */
  private armSendDeadline(conn: ConnState<T["registration"]>): void {
    if (!conn.open || conn.sendTimer !== undefined || conn.socket.writableLength === 0) return;
    conn.sendTimer = setTimeout(() => {
      this.stats.sendFailures++;
      this.closeConnection(conn, "send-deadline");
      this.notify();
    }, this.sendDeadlineMs);
    conn.sendTimer.unref();
  }

  /** A request's answer: written in order, or held. */
  private reply(conn: ConnState<T["registration"]>, bytes: Uint8Array): void {
    if (this.holding) this.held.push({ conn, bytes });
    else this.sendNow(conn, bytes);
  }

  /**
   * Handles a request: while ignoreRequests is on, it is neither processed (answer is not called, so
   * it changes nothing) nor answered; otherwise its answer is replied.
   */
  answer(conn: ConnState<T["registration"]>, answer: () => Uint8Array): void {
    if (this.ignoring) return;
    // Read before answering: a Register that starts more command workers is itself answered by the one before it.
    const concurrent = this.reorderAnswers && conn.commandWorkers > 1;
    const bytes = answer();
    if (!concurrent) {
      this.reply(conn, bytes);
      return;
    }
    // Concurrent workers: of two requests taken together, the later one's answer often comes out first.
    const earlier = conn.waitingAnswer;
    if (earlier === undefined) {
      conn.waitingAnswer = bytes;
      return;
    }
    conn.waitingAnswer = undefined;
    this.reply(conn, bytes);
    this.reply(conn, earlier);
  }

  /** At the end of a chunk, an answer left without a partner goes out, so none waits for the next read. */
  private releaseWaitingAnswer(conn: ConnState<T["registration"]>): void {
    const waiting = conn.waitingAnswer;
    if (waiting === undefined) return;
    conn.waitingAnswer = undefined;
    this.reply(conn, waiting);
  }

  /**
   * Sends an event to one of the open connections that accept it, round-robin
   * per key (v2: a workerId, v6: an Event bit); undefined if none accepts it.
   */
  routeEvent(key: string, accepts: (registration: T["registration"]) => boolean, bytes: Uint8Array): number | undefined {
    const candidates = this.allConnections.filter((c) => c.open && c.registration !== undefined && accepts(c.registration));
    if (candidates.length === 0) return undefined;
    const turn = this.roundRobin.get(key) ?? 0;
    this.roundRobin.set(key, turn + 1);
    const conn = candidates[turn % candidates.length]!;
    this.sendNow(conn, bytes);
    return conn.id;
  }

  /** Whether an open connection would accept an event (routeEvent would send it somewhere). */
  hasRoute(accepts: (registration: T["registration"]) => boolean): boolean {
    return this.allConnections.some((c) => c.open && c.registration !== undefined && accepts(c.registration));
  }

  private openConnections(): readonly ConnState<T["registration"]>[] {
    return this.allConnections.filter((c) => c.open);
  }

  /**
   * Unregister, in both versions: any connection may name any registration (the mode's test);
   * every open connection holding a matching one loses it, and an unknown one changes nothing.
   */
  unregister(matches: (registration: T["registration"]) => boolean): void {
    for (const conn of this.openConnections()) {
      if (conn.registration !== undefined && matches(conn.registration)) conn.registration = undefined;
    }
  }

  // ---- customers, used by modes and tests

  get customers(): readonly Customer[] {
    return this.allCustomers;
  }

  customer(uniqId: string): Customer | undefined {
    return this.findCustomer(uniqId);
  }

  findCustomer(uniqId: string): CustomerState | undefined {
    const live = this.online.get(uniqId);
    if (live !== undefined) return live;
    for (let i = this.allCustomers.length - 1; i >= 0; i--) {
      if (this.allCustomers[i]!.uniqId === uniqId) return this.allCustomers[i];
    }
    return undefined;
  }

  /** A fresh uniqId in the mode's format (ConnOpenCustomUniqIdToken, ConnInfoDelete.delUniqId). */
  newUniqId(): string {
    return this.mode.newUniqId(this);
  }

  onlineCustomer(uniqId: string): CustomerState | undefined {
    return this.online.get(uniqId);
  }

  onlineCustomers(): readonly CustomerState[] {
    return [...this.online.values()];
  }

  /** Distinct topics of online customers, in first-seen order. */
  topics(): string[] {
    const seen = new Set<string>();
    for (const c of this.online.values()) for (const t of c.topicSet) seen.add(t);
    return [...seen];
  }

  subscribers(topic: string): CustomerState[] {
    return this.onlineCustomers().filter((c) => c.topicSet.has(topic));
  }

  /** Online customers with this customerId, in open order; none for "" (no customerId). */
  customersOf(customerId: string): CustomerState[] {
    if (customerId === "") return [];
    return this.onlineCustomers().filter((c) => c.customerId === customerId);
  }

  /** Distinct non-empty customerIds of the given (default all online) customers, in first-seen order. */
  customerIds(of: readonly CustomerState[] = this.onlineCustomers()): string[] {
    return [...new Set(of.map((c) => c.customerId).filter((id) => id !== ""))];
  }

  openCustomer(options: OpenCustomerOptions = {}): Customer {
    return this.addCustomer(options, undefined);
  }

  /** A new online customer, modeled or (with socket) of the customer port; its ConnOpen goes out. */
  private addCustomer(options: OpenCustomerOptions, socket: CustomerSocket | undefined): CustomerState {
    const uniqId = options.uniqId ?? this.mode.newUniqId(this);
    if (this.online.has(uniqId)) throw new Error(`test gateway: customer ${uniqId} is already online`);
    const customer = new CustomerState(
      uniqId,
      options.session ?? "",
      options.topics ?? [],
      options.workerId ?? 1,
      options.rawQuery ?? "",
      options.customerId ?? "",
    );
    customer.socket = socket;
    this.allCustomers.push(customer);
    if (socket !== undefined) this.socketCustomers.push(customer);
    this.online.set(uniqId, customer);
    this.stats.opened++;
    this.mode.connOpen(this, customer, options);
    this.notify();
    return customer;
  }

  closeCustomer(uniqId: string): void {
    this.takeOffline(this.requireOnline(uniqId));
    this.notify();
  }

  customerSends(uniqId: string, data: Uint8Array | string, workerId?: number): number | undefined {
    const customer = this.requireOnline(uniqId);
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    this.stats.transfers++;
    return this.mode.transfer(this, customer, bytes, workerId);
  }

  get customerSockets(): number {
    return this.socketCustomers.filter((c) => c.socket?.closed === false).length;
  }

  waitForCustomerSocket(n = 1, timeoutMs?: number): Promise<Customer> {
    if (this.customerPort === undefined) return Promise.reject(new Error("test gateway: no customer port (the customers option)"));
    return this.waitUntil(() => this.socketCustomers[n - 1], `WebSocket customer #${n} (${this.socketCustomers.length} accepted so far)`, timeoutMs);
  }

  waitForDelivery(uniqId: string, count: number, timeoutMs?: number): Promise<readonly Uint8Array[]> {
    const customer = this.findCustomer(uniqId);
    if (customer === undefined) return Promise.reject(new Error(`test gateway: no customer ${uniqId}`));
    return this.waitUntil(
      () => customer.inbox.length >= count && customer.inbox,
      `${count} deliveries to customer ${uniqId} (has ${customer.inbox.length})`,
      timeoutMs,
    );
  }

  private requireOnline(uniqId: string): CustomerState {
    const customer = this.online.get(uniqId);
    if (customer === undefined) throw new Error(`test gateway: customer ${uniqId} is not online`);
    return customer;
  }

  /** Hands data to an online customer, and writes it to its WebSocket if it has one; empty data is nothing to deliver. */
  private deliver(customer: CustomerState, data: Uint8Array): void {
    if (!customer.online || data.length === 0) return;
    const copy = data.slice();
    customer.inbox.push(copy);
    customer.socket?.send(copy);
  }

  /**
   * The customer's WebSocket closes; its worker hears ConnClose, as from the real gateway's close callback.
   * A WebSocket still open is closed: after a forced offline as the mode says, else without a close frame.
   */
  private takeOffline(customer: CustomerState, forced?: ForcedOffline): void {
    if (!customer.online) return;
    customer.online = false;
    this.online.delete(customer.uniqId);
    this.stats.closed++;
    this.mode.connClose(this, customer);
    const socket = customer.socket;
    if (socket === undefined) return;
    const frame = forced === undefined ? undefined : this.mode.forcedClose(forced);
    if (frame !== undefined) socket.close(frame.code, frame.reason);
    else socket.end();
  }

  /** Gives an online customer another uniqId (the caller resolved collisions). */
  rename(customer: CustomerState, uniqId: string): void {
    if (!customer.online || customer.uniqId === uniqId) return;
    this.online.delete(customer.uniqId);
    customer.uniqId = uniqId;
    this.online.set(uniqId, customer);
  }

  // ---- one-way effects both versions share: each mode's switch maps its command ids and body fields onto these

  /** The online customers with these uniqIds, in the order given: unknown or offline ones are skipped, repeats kept. */
  withUniqIds(uniqIds: readonly string[]): CustomerState[] {
    return uniqIds.flatMap((uniqId) => this.online.get(uniqId) ?? []);
  }

  /** The online customers of these customerIds (v6), customerId by customerId. */
  withCustomerIds(customerIds: readonly string[]): CustomerState[] {
    return customerIds.flatMap((customerId) => this.customersOf(customerId));
  }

  /** SingleCast, Multicast, Broadcast and the like: every one of the customers gets data (twice if listed twice). */
  send(customers: readonly CustomerState[], data: Uint8Array): void {
    for (const c of customers) this.deliver(c, data);
  }

  /**
   * SingleCastBulk, TopicPublishBulk and the like: when the lists are as long, data[i] goes to the customers
   * targets[i] resolves to; a lone target gets every piece; any other mismatch sends nothing.
   */
  sendBulk<K>(targets: readonly K[], data: readonly Uint8Array[], resolve: (target: K) => readonly CustomerState[]): void {
    if (targets.length === data.length) {
      targets.forEach((target, i) => this.send(resolve(target), data[i]!));
    } else if (targets.length === 1 && data.length > 1) {
      for (const piece of data) this.send(resolve(targets[0]!), piece);
    }
  }

  /** TopicSubscribe: an online customer joins the topics, then gets data. */
  subscribe(uniqId: string, topics: readonly string[], data: Uint8Array): void {
    const c = this.online.get(uniqId);
    if (c === undefined) return;
    for (const t of topics) c.topicSet.add(t);
    this.deliver(c, data);
  }

  /** TopicUnsubscribe: an online customer leaves the topics, then gets data. */
  unsubscribe(uniqId: string, topics: readonly string[], data: Uint8Array): void {
    const c = this.online.get(uniqId);
    if (c === undefined) return;
    for (const t of topics) c.topicSet.delete(t);
    this.deliver(c, data);
  }

  /** TopicDelete: per topic, as the gateway walks them, so a customer in two deleted topics gets data twice. */
  deleteTopics(topics: readonly string[], data: Uint8Array): void {
    for (const topic of topics) {
      for (const c of this.subscribers(topic)) {
        c.topicSet.delete(topic);
        this.deliver(c, data);
      }
    }
  }

  /** TopicPublish: per topic as well, so a customer in two published topics gets data twice. */
  publish(topics: readonly string[], data: Uint8Array): void {
    for (const topic of topics) this.send(this.subscribers(topic), data);
  }

  /**
   * ForceOffline and its variants: each customer gets data, then goes offline and its WebSocket is closed
   * (kind names v6's close frame). Simplified: at once, where the v2 gateway closes about 3 s after the data
   * (ForceOfflineGuest: its `delay` seconds) and v6 takes the customer offline when the close completes.
   */
  forceOffline(customers: readonly CustomerState[], data: Uint8Array, kind: ForcedOffline): void {
    for (const c of customers) {
      this.deliver(c, data);
      this.takeOffline(c, kind);
    }
  }

  /** ConnInfoUpdate's shared fields: a non-empty session or topic list replaces the customer's; then data. */
  updateConnInfo(customer: CustomerState, newSession: string, newTopics: readonly string[], data: Uint8Array): void {
    if (newSession !== "") customer.session = newSession;
    if (newTopics.length > 0) {
      customer.topicSet.clear();
      for (const t of newTopics) customer.topicSet.add(t);
    }
    this.deliver(customer, data);
  }

  /** ConnInfoDelete's shared fields: clears the session and / or every topic; then data. */
  deleteConnInfo(customer: CustomerState, delSession: boolean, delTopic: boolean, data: Uint8Array): void {
    if (delSession) customer.session = "";
    if (delTopic) customer.topicSet.clear();
    this.deliver(customer, data);
  }

  // ---- request answers both versions share, as plain values each mode encodes in its own response

  /** CheckOnline: those of the uniqIds that are online, in the order asked. */
  checkOnline(uniqIds: readonly string[]): string[] {
    return uniqIds.filter((uniqId) => this.online.has(uniqId));
  }

  /** UniqIdList: the uniqIds of every online customer. */
  uniqIds(): string[] {
    return this.onlineCustomers().map((c) => c.uniqId);
  }

  /** The topics a count request asks about: with countAll, every existing topic instead of the listed ones. */
  countedTopics(topics: readonly string[], countAll: boolean): readonly string[] {
    return countAll ? this.topics() : topics;
  }

  /**
   * A per-topic answer: value(subscribers) for each asked topic that exists (has an online subscriber);
   * a topic whose value is undefined is left out as well.
   */
  perTopic<V>(topics: readonly string[], value: (subscribers: CustomerState[]) => V | undefined): { [topic: string]: V } {
    const items: { [topic: string]: V } = {};
    for (const topic of topics) {
      const subscribers = this.subscribers(topic);
      const item = subscribers.length > 0 ? value(subscribers) : undefined;
      if (item !== undefined) items[topic] = item;
    }
    return items;
  }

  /** TopicUniqIdList: the subscribers' uniqIds of each existing topic. */
  topicUniqIds(topics: readonly string[]): { [topic: string]: { uniqIds: string[] } } {
    return this.perTopic(topics, (subscribers) => ({ uniqIds: subscribers.map((c) => c.uniqId) }));
  }

  /** TopicUniqIdCount: the subscriber count of each existing topic. */
  topicUniqIdCounts(topics: readonly string[], countAll: boolean): { [topic: string]: number } {
    return this.perTopic(this.countedTopics(topics, countAll), (subscribers) => subscribers.length);
  }

  /** A per-connection answer (ConnInfo): value(customer) for each of the uniqIds that is online. */
  perUniqId<V>(uniqIds: readonly string[], value: (customer: CustomerState) => V): { [uniqId: string]: V } {
    const items: { [uniqId: string]: V } = {};
    for (const uniqId of uniqIds) {
      const c = this.online.get(uniqId);
      if (c !== undefined) items[uniqId] = value(c);
    }
    return items;
  }

  /** Metrics' counters, by keys of this fake's own: 1 customer opens, 2 customer closes, 3 customer messages. */
  metricCounts(): [key: number, count: bigint][] {
    return [
      [1, BigInt(this.stats.opened)],
      [2, BigInt(this.stats.closed)],
      [3, BigInt(this.stats.transfers)],
    ];
  }

  get limits(): T["limits"] {
    return this.mode.limits();
  }

  /** Frames dropped by full send queues, and connections closed on the send deadline (v6 Metrics item 10). */
  get sendFailures(): number {
    return this.stats.sendFailures;
  }

  get droppedFrames(): number {
    return this.allConnections.reduce((sum, c) => sum + c.droppedFrames, 0);
  }

  // ---- controls

  holdReplies(): void {
    this.holding = true;
  }

  releaseReplies(count?: number): void {
    const n = count === undefined ? this.held.length : Math.min(count, this.held.length);
    for (const { conn, bytes } of this.held.splice(0, n)) this.sendNow(conn, bytes);
    if (count === undefined) this.holding = false;
  }

  get heldReplies(): number {
    return this.held.length;
  }

  ignoreRequests(enabled: boolean): void {
    this.ignoring = enabled;
  }

  pauseReading(target: ConnectionTarget = "all"): void {
    if (target === "all") this.readingPaused = true;
    for (const conn of this.targets(target)) {
      conn.paused = true;
      conn.socket.pause();
      this.armIdle(conn);
    }
  }

  resumeReading(target: ConnectionTarget = "all"): void {
    if (target === "all") this.readingPaused = false;
    for (const conn of this.targets(target)) {
      conn.paused = false;
      conn.socket.resume();
      this.armIdle(conn);
    }
  }

  dropConnections(options: { readonly reset?: boolean } = {}): void {
    for (const conn of this.openConnections()) this.closeConnection(conn, "dropped", options.reset === true ? "reset" : "flush");
    this.notify();
  }

  sendRaw(target: ConnectionTarget, bytes: Uint8Array): void {
    for (const conn of this.targets(target)) this.sendNow(conn, bytes);
  }

  sendFrame(target: ConnectionTarget, ...args: T["frameArgs"]): void {
    this.sendRaw(target, this.mode.encodeFrame(...args));
  }

  private targets(target: ConnectionTarget): readonly ConnState<T["registration"]>[] {
    if (target === "all") return this.openConnections();
    const conn = this.allConnections[target - 1];
    if (conn === undefined || !conn.open) throw new Error(`test gateway: business connection #${target} is not open`);
    return [conn];
  }

  // ---- waiting

  waitUntil<T>(check: () => T | undefined | false, what: string, timeoutMs: number = this.waitTimeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.closedForGood) {
        reject(new Error(`test gateway is closed; cannot wait for ${what}`));
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        poll: () => {
          let value: T | undefined | false;
          try {
            value = check();
          } catch (error) {
            waiter.fail(error instanceof Error ? error : new Error(String(error)));
            return;
          }
          if (value === undefined || value === false) return;
          this.waiters.delete(waiter);
          clearTimeout(timer);
          resolve(value);
        },
        fail: (error) => {
          this.waiters.delete(waiter);
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
      waiter.poll();
      if (!this.waiters.has(waiter)) return;
      timer = setTimeout(() => waiter.fail(new Error(`test gateway: timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    });
  }

  waitForFrame(
    predicate: (frame: ReceivedFrame<T["frame"], T["error"]>) => boolean,
    options: { readonly after?: number; readonly timeoutMs?: number } = {},
  ): Promise<ReceivedFrame<T["frame"], T["error"]>> {
    let next = options.after ?? 0;
    return this.waitUntil(
      () => {
        for (; next < this.received.length; next++) {
          const frame = this.received[next]!;
          if (predicate(frame)) return frame;
        }
        return undefined;
      },
      `a received frame matching the predicate (after index ${options.after ?? 0}; received so far: ${this.describeReceived()})`,
      options.timeoutMs,
    );
  }

  private describeReceived(): string {
    const names = this.received.slice(-10).map((r) => `#${r.connectionId}:${r.frame?.name ?? r.error?.code ?? "?"}`);
    return `${this.received.length} frames${names.length > 0 ? `, last ${names.join(" ")}` : ""}`;
  }

  /** Re-runs every pending wait's check; called after each gateway event. */
  notify(): void {
    for (const waiter of [...this.waiters]) waiter.poll();
  }
}

// ------------------------------------------------------------------ helpers of both modes

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, "0");
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

/** [u32 4][u32 cmd]: a command frame without body. */
function emptyCommandFrame(cmd: number): Uint8Array {
  const frame = new Uint8Array(8);
  const view = new DataView(frame.buffer);
  view.setUint32(0, 4);
  view.setUint32(4, cmd);
  return frame;
}

/** Customer.ReceivePackLimit's default: the longest customer message the gateways take (v2: after the worker id). */
const customerReceiveLimit = 2 * 1024 * 1024;

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** A ws message as one byte array. */
function rawBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/** The first line of a request header, as Go's Header.Get returns it; "" if absent. */
function firstHeader(request: http.IncomingMessage, name: string): string {
  return request.headersDistinct[name]?.[0] ?? "";
}

/** Whether a comma-separated header (e.g. Connection) holds a token, case-insensitively. */
function hasToken(header: string | undefined, token: string): boolean {
  return (header ?? "").split(",").some((t) => t.trim().toLowerCase() === token);
}

/** The request URI's query, without "?" (Go's URL.RawQuery). */
function rawQueryOf(url: string): string {
  const at = url.indexOf("?");
  return at < 0 ? "" : url.slice(at + 1);
}

/** An HTTP/1.1 answer that closes the connection, for a refused handshake. */
function httpAnswerBytes(answer: HttpAnswer): string {
  const body = Buffer.from(answer.body);
  return (
    `HTTP/1.1 ${answer.status} ${http.STATUS_CODES[answer.status] ?? ""}\r\n` +
    `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${answer.body}`
  );
}

/**
 * A frame whose command id the version does not know, or too short to hold one: either gateway's read
 * loop records it and gives up on the connection.
 */
function closeUndecodable<T extends ProtocolTypes>(core: GatewayCore<T>, conn: ConnState<T["registration"]>, bytes: Uint8Array, error: T["error"]): never {
  core.record(conn, bytes, undefined, error);
  throw new CloseConnection(error.code === "unknown-command" ? "unknown-command" : "truncated");
}

// ------------------------------------------------------------------ v2.0.2 rules

/** Ids of workers a business may register as. */
const workerIdMin = 1;
const workerIdMax = 999;

/** The customer heartbeat (netsvrProtocol.PingMessage, PongMessage): the payloads of the business ping and pong. */
const v2CustomerPing = encodePing().subarray(4);
const v2CustomerPong = encodePong().subarray(4);

type V2Core = GatewayCore<V2Types>;
type V2Conn = ConnState<Registration>;
/** The gateway's named limits by name; Limit changes concurrencies. */
type V2LimitTable = Map<string, { concurrency: number; workerIds: readonly number[] }>;

function createV2Mode(serverId: number, limits: readonly LimitSetting[]): ProtocolMode<V2Types> {
  let uniqIdCounter = 0;
  const table: V2LimitTable = new Map(limits.map((l) => [l.name, { concurrency: l.concurrency, workerIds: [...l.workerIds] }]));
  // Events go to the connections registered with the worker, round-robin per worker.
  const toWorker = (core: V2Core, workerId: number, bytes: Uint8Array): number | undefined =>
    core.routeEvent(`worker ${workerId}`, (r) => r.workerId === workerId, bytes);
  return {
    name: "v2",
    ports: ["worker"],
    newSplitter: (maxFrameSize) => new FrameSplitter({ maxFrameSize }),
    isOversize: (error) => error instanceof FrameError && error.code === "oversize",
    handleFrame: (core, conn, frame) => handleV2Frame(core, conn, frame, table),
    // 18 lower-case hex: server id (2), unix seconds (8), counter (8).
    newUniqId: () => {
      const seconds = Math.floor(Date.now() / 1000) >>> 0;
      const counter = uniqIdCounter++ >>> 0;
      return hex(serverId, 2) + hex(seconds, 8) + hex(counter, 8);
    },
    connOpen: (core, customer, options) =>
      toWorker(
        core,
        customer.workerId,
        encodeConnOpen({
          uniqId: customer.uniqId,
          rawQuery: customer.rawQuery,
          subProtocol: [...(options.subProtocol ?? [])],
          xForwardedFor: options.xForwardedFor ?? "",
        }),
      ),
    connClose: (core, customer) => toWorker(core, customer.workerId, encodeConnClose({ uniqId: customer.uniqId, session: customer.session })),
    transfer: (core, customer, data, workerId) =>
      toWorker(core, workerId ?? customer.workerId, encodeTransfer({ uniqId: customer.uniqId, session: customer.session, data })),
    registrationMatches: (registration, workerId) => workerId === undefined || registration.workerId === workerId,
    // The real gateway's send channel blocks its producers when full, nothing is dropped; here output just waits.
    sendQueueCap: () => undefined,
    limits: () => [...table].map(([name, l]) => ({ name, concurrency: l.concurrency, workerIds: l.workerIds })),
    encodeFrame: (...args) => encodeGatewayFrame(...args),
    customerRefusal: (request, path) => {
      // An http.ServeMux routes by the decoded path alone: a query string changes nothing.
      if (decodedPath(request.url ?? "") !== path) return { status: 404, body: "404 page not found\n" };
      // Then the upgrader's checks, in its order.
      if (!hasToken(request.headers.connection, "upgrade") || !hasToken(request.headers.upgrade, "websocket")) {
        return { status: 400, body: "Bad Request\n" };
      }
      if (request.method !== "GET") return { status: 405, body: "Method Not Allowed\n" };
      return undefined;
    },
    // The gateway answers with the first subprotocol offered, so that any handshake succeeds.
    customerSubProtocol: (offered) => offered[0] ?? false,
    customerPong: v2CustomerPong,
    customerOpenOptions: (request) => {
      const subProtocols = firstHeader(request, "sec-websocket-protocol").trim();
      return {
        rawQuery: rawQueryOf(request.url ?? ""),
        subProtocol: subProtocols === "" ? [] : subProtocols.split(",").map((p) => p.trim()),
        // Without a proxy header, the address of the peer.
        xForwardedFor: firstHeader(request, "x-forwarded-for") || (request.socket.remoteAddress ?? ""),
      };
    },
    customerMessage: handleV2CustomerMessage,
    // The v2 gateway closes the TCP connection without a close frame.
    forcedClose: () => undefined,
  };
}

/** The request URI's path, percent-decoded (Go's URL.Path); undefined if it does not decode. */
function decodedPath(url: string): string | undefined {
  const at = url.indexOf("?");
  try {
    return decodeURIComponent(at < 0 ? url : url.slice(0, at));
  } catch {
    return undefined;
  }
}

/** The first three bytes as a decimal number, any byte that is not a digit counting as 0; 0 for a shorter message. */
function workerIdPrefix(data: Uint8Array): number {
  if (data.length < 3) return 0;
  let id = 0;
  for (let i = 0; i < 3; i++) {
    const byte = data[i]!;
    id = id * 10 + (byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : 0);
  }
  return id;
}

/**
 * A message of a WebSocket customer, as the v2 gateway's onMessage handles it: the heartbeat is answered,
 * a message too long or without a valid worker id is refused (both in the message's frame type), and the
 * rest after the 3-digit worker id goes to that worker as a Transfer.
 */
function handleV2CustomerMessage(core: V2Core, customer: CustomerState, data: Uint8Array, socket: CustomerReplies): void {
  if (equalBytes(data, v2CustomerPing)) {
    socket.reply(v2CustomerPong);
    return;
  }
  if (data.length - 3 > customerReceiveLimit) {
    socket.reply(utf8("Message too large"));
    return;
  }
  const workerId = workerIdPrefix(data);
  if (workerId < workerIdMin || workerId > workerIdMax) {
    socket.reply(utf8("WorkerId wrong"));
    return;
  }
  // Nobody registered as the worker: the gateway drops the message.
  core.customerSends(customer.uniqId, data.subarray(3), workerId);
}

/** Decodes, records and handles one frame: the v2 gateway's read loop body. */
function handleV2Frame(core: V2Core, conn: V2Conn, bytes: Uint8Array, limits: V2LimitTable): void {
  let frame: BusinessFrame;
  try {
    frame = decodeBusinessFrame(bytes);
  } catch (error) {
    if (!(error instanceof FrameError)) throw error;
    handleV2Undecodable(core, conn, bytes, error, limits);
    return;
  }
  core.record(conn, bytes, frame, undefined);
  switch (frame.kind) {
    case "ping":
      // Heartbeats are answered at once, never held behind replies.
      core.sendNow(conn, encodePong());
      return;
    case "oneway":
      applyV2Oneway(core, frame);
      return;
    case "request":
      core.answer(conn, () => answerV2Request(core, conn, frame, limits));
      return;
  }
}

/** A frame decodeBusinessFrame rejected: fatal like the gateway's read loop, or dropped like its handlers. */
function handleV2Undecodable(core: V2Core, conn: V2Conn, bytes: Uint8Array, error: FrameError, limits: V2LimitTable): void {
  const cmd = error.cmd;
  if (error.code !== "invalid-body" || cmd === undefined || !(cmd in cmdKinds)) closeUndecodable(core, conn, bytes, error);
  if (cmd === Cmd.Register) {
    core.record(conn, bytes, undefined, error);
    core.answer(conn, () => encodeRegisterResponse(v2Register(core, conn, undefined)));
    return;
  }
  if (cmdKinds[cmd as Cmd] === "request" && bytes.length > 8 && isBodylessRequest(cmd)) {
    // The gateway never reads the body of these requests: answer as if it were empty.
    const empty = decodeBusinessFrame(emptyCommandFrame(cmd));
    core.record(conn, bytes, empty, error);
    if (empty.kind === "request") core.answer(conn, () => answerV2Request(core, conn, empty, limits));
    return;
  }
  // The gateway logs a body it cannot unmarshal and drops the command.
  core.record(conn, bytes, undefined, error);
}

function isBodylessRequest(cmd: number): boolean {
  return (
    cmd === Cmd.UniqIdList ||
    cmd === Cmd.UniqIdCount ||
    cmd === Cmd.TopicCount ||
    cmd === Cmd.TopicList ||
    cmd === Cmd.Metrics ||
    cmd === Cmd.ConnOpenCustomUniqIdToken
  );
}

/** The fields of a RegisterResp. */
type RegisterAnswer = Pick<RegisterResp, "code" | "message" | "registerId">;

/** v2 Register: checks in the gateway's order; success records a fresh registerId. undefined body = unmarshal failure. */
function v2Register(core: V2Core, conn: V2Conn, body: RegisterReq | undefined): RegisterAnswer {
  // message is the code's name, as the gateway fills it.
  const result = (code: RegisterRespCode, registerId = ""): RegisterAnswer => ({ code, message: RegisterRespCode[code], registerId });
  if (body === undefined) return result(RegisterRespCode.UnmarshalError);
  if (body.workerId < workerIdMin || body.workerId > workerIdMax) return result(RegisterRespCode.WorkerIdOverflow);
  if (body.serverId !== core.serverId) return result(RegisterRespCode.ServerIdInconsistent);
  if (conn.registration !== undefined) return result(RegisterRespCode.DuplicateRegister);
  conn.registration = { workerId: body.workerId, processCmdGoroutineNum: body.processCmdGoroutineNum, registerId: randomHex(16) };
  // The gateway starts processCmdGoroutineNum - 1 more command goroutines on this connection's queue; they
  // serve every later command of it, one-way ones too, until it closes (Unregister does not stop them).
  if (body.processCmdGoroutineNum > 1) conn.commandWorkers += body.processCmdGoroutineNum - 1;
  return result(RegisterRespCode.Success, conn.registration.registerId);
}

/** A request's answer; the rules both versions share are the core's, v2 adds serverId to most answers. */
function answerV2Request(core: V2Core, conn: V2Conn, frame: RequestFrame, limits: V2LimitTable): Uint8Array {
  const serverId = core.serverId;
  switch (frame.cmd) {
    case Cmd.Register:
      return encodeRegisterResponse(v2Register(core, conn, frame.body));
    case Cmd.Unregister: {
      // v2 names a registration by the pair (workerId, registerId).
      const { workerId, registerId } = frame.body;
      core.unregister((r) => r.workerId === workerId && r.registerId === registerId);
      return encodeUnregisterResponse({});
    }
    case Cmd.CheckOnline:
      return encodeCheckOnlineResponse({ uniqIds: core.checkOnline(frame.body.uniqIds) });
    case Cmd.UniqIdList:
      return encodeUniqIdListResponse({ serverId, uniqIds: core.uniqIds() });
    case Cmd.UniqIdCount:
      return encodeUniqIdCountResponse({ serverId, count: core.onlineCustomers().length });
    case Cmd.TopicCount:
      return encodeTopicCountResponse({ serverId, count: core.topics().length });
    case Cmd.TopicList:
      return encodeTopicListResponse({ serverId, topics: core.topics() });
    case Cmd.TopicUniqIdList:
      return encodeTopicUniqIdListResponse({ serverId, items: core.topicUniqIds(frame.body.topics) });
    case Cmd.TopicUniqIdCount:
      return encodeTopicUniqIdCountResponse({ serverId, items: core.topicUniqIdCounts(frame.body.topics, frame.body.countAll) });
    case Cmd.ConnInfo:
      return encodeConnInfoResponse({ items: core.perUniqId(frame.body.uniqIds, (c) => ({ session: c.session, topics: [...c.topicSet] })) });
    case Cmd.Metrics:
      return encodeMetricsResponse({ serverId, items: Object.fromEntries(core.metricCounts().map(([key, count]) => [key, { count }])) });
    case Cmd.Limit:
      for (const item of frame.body.items) {
        // Unknown names and values <= 0 are ignored, as by the gateway.
        const limit = limits.get(item.name);
        if (limit !== undefined && item.concurrency > 0) limit.concurrency = item.concurrency;
      }
      return encodeLimitResponse({
        serverId,
        items: core.limits.map((l) => ({ name: l.name, concurrency: l.concurrency, workerIds: [...l.workerIds] })),
      });
    case Cmd.ConnOpenCustomUniqIdToken:
      return encodeConnOpenCustomUniqIdTokenResponse({ uniqId: core.newUniqId(), token: randomHex(16) });
    default: {
      const unhandled: never = frame;
      throw new Error(`test gateway: unhandled request ${JSON.stringify(unhandled)}`);
    }
  }
}

/** The effect of a one-way command on the customers: the core's shared effects, plus v2's newUniqId, delUniqId and guest rule. */
function applyV2Oneway(core: V2Core, frame: OnewayFrame): void {
  switch (frame.cmd) {
    case Cmd.ConnInfoUpdate: {
      const b = frame.body;
      const target = core.onlineCustomer(b.uniqId);
      if (target === undefined) return;
      if (b.newUniqId !== "" && b.newUniqId !== b.uniqId) {
        // The uniqId's current holder is told (if there is something to say) and closed.
        const holder = core.onlineCustomer(b.newUniqId);
        if (holder !== undefined) core.forceOffline([holder], b.dataAsNewUniqIdExisted, "newUniqIdTaken");
        core.rename(target, b.newUniqId);
      }
      core.updateConnInfo(target, b.newSession, b.newTopics, b.data);
      return;
    }
    case Cmd.ConnInfoDelete: {
      const b = frame.body;
      const target = core.onlineCustomer(b.uniqId);
      if (target === undefined) return;
      if (b.delUniqId) core.rename(target, core.newUniqId());
      core.deleteConnInfo(target, b.delSession, b.delTopic, b.data);
      return;
    }
    case Cmd.Broadcast:
      return core.send(core.onlineCustomers(), frame.body.data);
    case Cmd.Multicast:
      return core.send(core.withUniqIds(frame.body.uniqIds), frame.body.data);
    case Cmd.SingleCast:
      return core.send(core.withUniqIds([frame.body.uniqId]), frame.body.data);
    case Cmd.SingleCastBulk:
      return core.sendBulk(frame.body.uniqIds, frame.body.data, (uniqId) => core.withUniqIds([uniqId]));
    case Cmd.TopicSubscribe:
      return core.subscribe(frame.body.uniqId, frame.body.topics, frame.body.data);
    case Cmd.TopicUnsubscribe:
      return core.unsubscribe(frame.body.uniqId, frame.body.topics, frame.body.data);
    case Cmd.TopicDelete:
      return core.deleteTopics(frame.body.topics, frame.body.data);
    case Cmd.TopicPublish:
      return core.publish(frame.body.topics, frame.body.data);
    case Cmd.TopicPublishBulk:
      return core.sendBulk(frame.body.topics, frame.body.data, (topic) => core.subscribers(topic));
    case Cmd.ForceOffline:
      return core.forceOffline(core.withUniqIds(frame.body.uniqIds), frame.body.data, "forceOffline");
    case Cmd.ForceOfflineGuest:
      // A v2 guest has no session.
      return core.forceOffline(core.withUniqIds(frame.body.uniqIds).filter((c) => c.session === ""), frame.body.data, "forceOfflineGuest");
    default: {
      const unhandled: never = frame;
      throw new Error(`test gateway: unhandled one-way command ${JSON.stringify(unhandled)}`);
    }
  }
}

// ------------------------------------------------------------------ v6.0.1 rules

type V6Core = GatewayCore<V6Types>;
type V6Conn = ConnState<V6Registration>;
/** Limit's current values, changed in place by Limit. */
interface V6LimitState {
  onOpen: number;
  onMessage: number;
}

/** The Event bits a Register must carry at least one of. */
const v6EventBits = V6Event.OnOpen | V6Event.OnClose | V6Event.OnMessage;

/** Customer.HeartbeatMessage's default, the business heartbeat's payload as well. */
const v6CustomerHeartbeat = encodeV6Ping().subarray(4);

function createV6Mode(initial: V6Limits, sendQueueCap: number): ProtocolMode<V6Types> {
  let uniqIdCounter = 0;
  const limits: V6LimitState = { onOpen: initial.onOpen, onMessage: initial.onMessage };
  // Each event goes round-robin over the connections registered for its bit.
  const toEvent = (core: V6Core, event: V6Event, bytes: Uint8Array): number | undefined =>
    core.routeEvent(`event ${event}`, (r) => (r.events & event) !== 0, bytes);
  return {
    name: "v6",
    ports: ["worker", "task"],
    newSplitter: (maxFrameSize) => new V6FrameSplitter({ maxFrameSize }),
    isOversize: (error) => error instanceof V6FrameError && error.code === "oversize",
    handleFrame: (core, conn, frame) => handleV6Frame(core, conn, frame, limits),
    // 28 lower-case hex: task port IPv4 (8), task port (4), unix seconds (8), counter (8).
    newUniqId: (core) => {
      const address = core.host.split(".").map((octet) => hex(Number(octet), 2)).join("");
      const seconds = Math.floor(Date.now() / 1000) >>> 0;
      const counter = uniqIdCounter++ >>> 0;
      return address + hex(core.boundPort("task"), 4) + hex(seconds, 8) + hex(counter, 8);
    },
    connOpen: (core, customer, options) =>
      toEvent(
        core,
        V6Event.OnOpen,
        encodeV6GatewayFrame(V6Cmd.ConnOpen, {
          uniqId: customer.uniqId,
          rawQuery: customer.rawQuery,
          xForwardedFor: options.xForwardedFor ?? "",
          xRealIp: options.xRealIp ?? "",
          remoteAddr: options.remoteAddr ?? "",
        }),
      ),
    // The customer's state as it went offline.
    connClose: (core, customer) =>
      toEvent(
        core,
        V6Event.OnClose,
        encodeV6GatewayFrame(V6Cmd.ConnClose, {
          uniqId: customer.uniqId,
          customerId: customer.customerId,
          session: customer.session,
          topics: [...customer.topicSet],
        }),
      ),
    // v6 messages carry no worker prefix: workerId has no meaning here.
    transfer: (core, customer, data) =>
      toEvent(
        core,
        V6Event.OnMessage,
        encodeV6GatewayFrame(V6Cmd.Transfer, {
          uniqId: customer.uniqId,
          customerId: customer.customerId,
          session: customer.session,
          topics: [...customer.topicSet],
          data,
        }),
      ),
    registrationMatches: (registration, events) => events === undefined || (registration.events & events) === events,
    // Events and Register / Unregister answers go through the worker connection's bounded queue; the task
    // port writes each answer directly.
    sendQueueCap: (port) => (port === "worker" ? sendQueueCap : undefined),
    limits: () => ({ onOpen: limits.onOpen, onMessage: limits.onMessage }),
    encodeFrame: (...args) => encodeV6GatewayFrame(...args),
    customerRefusal: (request, path) => {
      // The server's checks, in its order; the path check compares the whole request URI, query included.
      if (request.method !== "GET") return { status: 405, body: "Method Not Allowed" };
      const upgrade = request.headers.upgrade;
      if (upgrade === undefined) return { status: 200, body: "Hello netsvr" };
      if (request.url !== path) return { status: 404, body: "Not Found" };
      if (upgrade.toLowerCase() !== "websocket") return { status: 400, body: "invalid Upgrade header" };
      // Exactly one of two spellings: "keep-alive, Upgrade" is refused too.
      const connection = request.headers.connection;
      if (connection !== "Upgrade" && connection !== "upgrade") return { status: 400, body: "invalid Connection header" };
      return undefined;
    },
    // The handshake's answer names no subprotocol.
    customerSubProtocol: () => false,
    customerPong: undefined,
    customerOpenOptions: (request) => ({
      rawQuery: rawQueryOf(request.url ?? ""),
      xForwardedFor: firstHeader(request, "x-forwarded-for"),
      xRealIp: firstHeader(request, "x-real-ip"),
      remoteAddr: request.socket.remoteAddress ?? "",
    }),
    customerMessage: (core, customer, data, socket) => {
      // The heartbeat only keeps the connection alive.
      if (equalBytes(data, v6CustomerHeartbeat)) return;
      // Without an OnMessage connection the message is dropped before any check.
      if (!core.hasRoute((r) => (r.events & V6Event.OnMessage) !== 0)) return;
      if (data.length > customerReceiveLimit) {
        socket.close(1009, "message too big");
        return;
      }
      core.customerSends(customer.uniqId, data);
    },
    // 1008, policy violation, with the command's name as the reason.
    forcedClose: (kind) => ({ code: 1008, reason: kind }),
  };
}

/** Decodes, records and handles one frame: the read loop of either v6 port. */
function handleV6Frame(core: V6Core, conn: V6Conn, bytes: Uint8Array, limits: V6LimitState): void {
  let frame: V6BusinessFrame;
  try {
    frame = decodeV6BusinessFrame(bytes);
  } catch (error) {
    if (!(error instanceof V6FrameError)) throw error;
    handleV6Undecodable(core, conn, bytes, error, limits);
    return;
  }
  core.record(conn, bytes, frame, undefined);
  // Heartbeats are accepted on both ports and never answered.
  if (frame.kind === "ping") return;
  // Each port's read loop knows only its own commands: another port's command closes the connection.
  if (v6CmdPorts[frame.cmd] !== conn.port) throw new CloseConnection("wrong-port");
  if (frame.kind === "oneway") applyV6Oneway(core, frame);
  else core.answer(conn, () => answerV6Request(core, conn, frame, limits));
}

/** A frame decodeV6BusinessFrame rejected: fatal like the port's read loop, or dropped like its handlers. */
function handleV6Undecodable(core: V6Core, conn: V6Conn, bytes: Uint8Array, error: V6FrameError, limits: V6LimitState): void {
  const cmd = error.cmd;
  // Events are unknown commands here too.
  if (error.code !== "invalid-body" || cmd === undefined || !(cmd in v6CmdKinds)) closeUndecodable(core, conn, bytes, error);
  const known = cmd as V6Cmd;
  if (v6CmdPorts[known] !== conn.port) {
    // The port closes before it would look at the body.
    core.record(conn, bytes, undefined, error);
    throw new CloseConnection("wrong-port");
  }
  if (known === V6Cmd.Register) {
    core.record(conn, bytes, undefined, error);
    core.answer(conn, () => encodeV6GatewayFrame(V6Cmd.Register, v6Register(conn, undefined)));
    return;
  }
  if (v6CmdKinds[known] === "request" && v6RequestSchemas[known as V6RequestCmd] === undefined) {
    // The gateway never reads the body of these requests: answer as if it were empty.
    const empty = decodeV6BusinessFrame(emptyCommandFrame(cmd));
    core.record(conn, bytes, empty, error);
    if (empty.kind === "request") core.answer(conn, () => answerV6Request(core, conn, empty, limits));
    return;
  }
  // Unregister and the rest: the gateway logs a body it cannot unmarshal and drops the command, no reply.
  core.record(conn, bytes, undefined, error);
}

/** The fields of a v6 RegisterResp. */
interface V6RegisterAnswer {
  readonly code: V6RegisterRespCode;
  readonly message: string;
  readonly connId: string;
}

/** v6 Register: checks in the gateway's order; success records a fresh connId. undefined body = unmarshal failure. */
function v6Register(conn: V6Conn, body: V6RegisterReq | undefined): V6RegisterAnswer {
  // message is the code's name, as the gateway fills it.
  const result = (code: V6RegisterRespCode, connId = ""): V6RegisterAnswer => ({ code, message: V6RegisterRespCode[code], connId });
  if (body === undefined) return result(V6RegisterRespCode.UnmarshalError);
  if ((body.events & v6EventBits) === 0) return result(V6RegisterRespCode.InvalidEvent);
  if (conn.registration !== undefined) return result(V6RegisterRespCode.DuplicateRegister);
  conn.registration = { events: body.events, connId: randomHex(16) };
  return result(V6RegisterRespCode.Success, conn.registration.connId);
}

/** A request's answer; the rules both versions share are the core's, v6 adds the customerId queries. */
function answerV6Request(core: V6Core, conn: V6Conn, frame: V6RequestFrame, limits: V6LimitState): Uint8Array {
  switch (frame.cmd) {
    case V6Cmd.Register:
      return encodeV6GatewayFrame(V6Cmd.Register, v6Register(conn, frame.body));
    case V6Cmd.Unregister: {
      // v6 names a registration by its connId.
      const { connId } = frame.body;
      core.unregister((r) => r.connId === connId);
      return encodeV6GatewayFrame(V6Cmd.Unregister, {});
    }
    case V6Cmd.CheckOnline:
      return encodeV6GatewayFrame(V6Cmd.CheckOnline, { uniqIds: core.checkOnline(frame.body.uniqIds) });
    case V6Cmd.CustomerIdList:
      return encodeV6GatewayFrame(V6Cmd.CustomerIdList, { customerIds: core.customerIds() });
    case V6Cmd.CustomerIdCount:
      return encodeV6GatewayFrame(V6Cmd.CustomerIdCount, { count: core.customerIds().length });
    case V6Cmd.UniqIdList:
      return encodeV6GatewayFrame(V6Cmd.UniqIdList, { uniqIds: core.uniqIds() });
    case V6Cmd.UniqIdCount:
      return encodeV6GatewayFrame(V6Cmd.UniqIdCount, { count: core.onlineCustomers().length });
    case V6Cmd.TopicList:
      return encodeV6GatewayFrame(V6Cmd.TopicList, { topics: core.topics() });
    case V6Cmd.TopicCount:
      return encodeV6GatewayFrame(V6Cmd.TopicCount, { count: core.topics().length });
    case V6Cmd.TopicUniqIdList:
      return encodeV6GatewayFrame(V6Cmd.TopicUniqIdList, { items: core.topicUniqIds(frame.body.topics) });
    case V6Cmd.TopicUniqIdCount:
      return encodeV6GatewayFrame(V6Cmd.TopicUniqIdCount, { items: core.topicUniqIdCounts(frame.body.topics, frame.body.countAll) });
    case V6Cmd.TopicCustomerIdList: {
      // Subscribers without a customerId do not count; a topic left with none is absent.
      const items = core.perTopic(frame.body.topics, (subscribers) => {
        const customerIds = core.customerIds(subscribers);
        return customerIds.length > 0 ? { customerIds } : undefined;
      });
      return encodeV6GatewayFrame(V6Cmd.TopicCustomerIdList, { items });
    }
    case V6Cmd.TopicCustomerIdToUniqIdsList: {
      // topic -> customerId -> uniqIds of that customerId's subscribed connections.
      const items = core.perTopic(frame.body.topics, (subscribers) => {
        const byCustomer: { [customerId: string]: { uniqIds: string[] } } = {};
        for (const c of subscribers) {
          if (c.customerId === "") continue;
          (byCustomer[c.customerId] ??= { uniqIds: [] }).uniqIds.push(c.uniqId);
        }
        return Object.keys(byCustomer).length > 0 ? { items: byCustomer } : undefined;
      });
      return encodeV6GatewayFrame(V6Cmd.TopicCustomerIdToUniqIdsList, { items });
    }
    case V6Cmd.TopicCustomerIdCount: {
      const topics = core.countedTopics(frame.body.topics, frame.body.countAll);
      const items = core.perTopic(topics, (subscribers) => {
        const count = core.customerIds(subscribers).length;
        return count > 0 ? count : undefined;
      });
      return encodeV6GatewayFrame(V6Cmd.TopicCustomerIdCount, { items });
    }
    case V6Cmd.ConnInfo: {
      // Only the requested pieces are filled in.
      const b = frame.body;
      const items = core.perUniqId(b.uniqIds, (c) => ({
        session: b.reqSession ? c.session : "",
        customerId: b.reqCustomerId ? c.customerId : "",
        topics: b.reqTopic ? [...c.topicSet] : [],
      }));
      return encodeV6GatewayFrame(V6Cmd.ConnInfo, { items });
    }
    case V6Cmd.ConnInfoByCustomerId: {
      // Every online connection of each customerId; only the requested pieces are filled in.
      const b = frame.body;
      const items: { [customerId: string]: { items: { session: string; uniqId: string; topics: string[] }[] } } = {};
      for (const customerId of b.customerIds) {
        const conns = core.customersOf(customerId).map((c) => ({
          session: b.reqSession ? c.session : "",
          uniqId: b.reqUniqId ? c.uniqId : "",
          topics: b.reqTopic ? [...c.topicSet] : [],
        }));
        if (conns.length > 0) items[customerId] = { items: conns };
      }
      return encodeV6GatewayFrame(V6Cmd.ConnInfoByCustomerId, { items });
    }
    case V6Cmd.Metrics: {
      // Item 10 is the real gateway's ItemWorkerToBusinessFailedCount. v6 items repeat their key as `item`.
      const counts: [number, bigint][] = [...core.metricCounts(), [10, BigInt(core.sendFailures)]];
      return encodeV6GatewayFrame(V6Cmd.Metrics, {
        items: Object.fromEntries(counts.map(([key, count]) => [key, { item: key, count }])),
      });
    }
    case V6Cmd.Limit:
      // A value <= 0 leaves that limit as it is; the answer holds the current limits.
      if (frame.body.onOpen > 0) limits.onOpen = frame.body.onOpen;
      if (frame.body.onMessage > 0) limits.onMessage = frame.body.onMessage;
      return encodeV6GatewayFrame(V6Cmd.Limit, { onOpen: limits.onOpen, onMessage: limits.onMessage });
    default: {
      const unhandled: never = frame;
      throw new Error(`test gateway: unhandled v6 request ${JSON.stringify(unhandled)}`);
    }
  }
}

/**
 * The effect of a v6 one-way command on the customers: the core's shared effects, plus v6's customerId
 * (a field of ConnInfoUpdate / ConnInfoDelete, the *ByCustomerId targets, the guest rule).
 */
function applyV6Oneway(core: V6Core, frame: V6OnewayFrame): void {
  switch (frame.cmd) {
    case V6Cmd.ConnInfoUpdate: {
      // There is no newUniqId in v6.
      const b = frame.body;
      const target = core.onlineCustomer(b.uniqId);
      if (target === undefined) return;
      if (b.newCustomerId !== "") target.customerId = b.newCustomerId;
      core.updateConnInfo(target, b.newSession, b.newTopics, b.data);
      return;
    }
    case V6Cmd.ConnInfoDelete: {
      const b = frame.body;
      const target = core.onlineCustomer(b.uniqId);
      if (target === undefined) return;
      if (b.delCustomerId) target.customerId = "";
      core.deleteConnInfo(target, b.delSession, b.delTopic, b.data);
      return;
    }
    case V6Cmd.Broadcast:
      return core.send(core.onlineCustomers(), frame.body.data);
    case V6Cmd.Multicast:
      return core.send(core.withUniqIds(frame.body.uniqIds), frame.body.data);
    case V6Cmd.MulticastByCustomerId:
      return core.send(core.withCustomerIds(frame.body.customerIds), frame.body.data);
    case V6Cmd.SingleCast:
      return core.send(core.withUniqIds([frame.body.uniqId]), frame.body.data);
    case V6Cmd.SingleCastBulk:
      return core.sendBulk(frame.body.uniqIds, frame.body.data, (uniqId) => core.withUniqIds([uniqId]));
    case V6Cmd.SingleCastByCustomerId:
      return core.send(core.customersOf(frame.body.customerId), frame.body.data);
    case V6Cmd.SingleCastBulkByCustomerId:
      return core.sendBulk(frame.body.customerIds, frame.body.data, (customerId) => core.customersOf(customerId));
    case V6Cmd.TopicSubscribe:
      return core.subscribe(frame.body.uniqId, frame.body.topics, frame.body.data);
    case V6Cmd.TopicUnsubscribe:
      return core.unsubscribe(frame.body.uniqId, frame.body.topics, frame.body.data);
    case V6Cmd.TopicDelete:
      return core.deleteTopics(frame.body.topics, frame.body.data);
    case V6Cmd.TopicPublish:
      return core.publish(frame.body.topics, frame.body.data);
    case V6Cmd.TopicPublishBulk:
      return core.sendBulk(frame.body.topics, frame.body.data, (topic) => core.subscribers(topic));
    case V6Cmd.ForceOffline:
      return core.forceOffline(core.withUniqIds(frame.body.uniqIds), frame.body.data, "forceOffline");
    case V6Cmd.ForceOfflineByCustomerId:
      return core.forceOffline(core.withCustomerIds(frame.body.customerIds), frame.body.data, "forceOfflineByCustomerId");
    case V6Cmd.ForceOfflineGuest: {
      // A v6 guest has neither session nor customerId.
      const guests = core.withUniqIds(frame.body.uniqIds).filter((c) => c.session === "" && c.customerId === "");
      return core.forceOffline(guests, frame.body.data, "forceOfflineGuest");
    }
    default: {
      const unhandled: never = frame;
      throw new Error(`test gateway: unhandled v6 one-way command ${JSON.stringify(unhandled)}`);
    }
  }
}
