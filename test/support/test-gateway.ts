/**
 * An in-process fake netsvr gateway for tests of business clients.
 *
 * It listens on 127.0.0.1 and treats every TCP connection as a business
 * process, the way a netsvr v2.0.2 gateway does: it splits frames, answers
 * pings and requests, applies one-way commands to a model of WebSocket
 * customers, sends ConnOpen / ConnClose / Transfer events to registered
 * connections, and closes connections on the same faults as the real gateway.
 * Tests drive timing with explicit controls (held replies, ignored requests,
 * paused reading, dropped connections) and wait on events, never on sleeps.
 *
 * Layout, so that a second protocol mode (v6) can be added later: the core
 * (sockets, fault handling, controls, waiters, customers) knows nothing about
 * message shapes; everything version-specific (decoding, heartbeat, register
 * and unregister rules, uniqId format, events, request answers, one-way
 * effects) sits behind the ProtocolMode interface, implemented by
 * createV2Mode() at the end of the file.
 *
 * Simplifications against the real gateway (all deliberate, for tests):
 * - ForceOffline / ForceOfflineGuest deliver their data and take the customer
 *   offline at once; the real gateway waits about 3 s (or `delay` seconds).
 * - Requests are always processed one at a time, in order, whatever
 *   processCmdGoroutineNum says (the real gateway may reorder with > 1).
 * - A one-way command, or a request with a message, whose body does not decode
 *   is recorded and ignored (no reply), as the gateway logs and drops it; a
 *   Register with such a body gets UnmarshalError; a body-less request with
 *   stray bytes is answered, as the gateway ignores its body.
 * - Empty `data` is never delivered to a customer.
 * - Metrics returns a few counters (keys 1..3) with zero rates; Limit names
 *   are whatever `limits` says. Tokens and registerIds are random hex.
 * - Customers are a model, not WebSockets; ConnOpen, ConnClose and Transfer
 *   for a customer go to its `workerId` (the real gateway takes ConnOpen and
 *   ConnClose workers from its configuration and Transfer's from the first
 *   three bytes of the message). A customer going offline for any reason
 *   (closeCustomer, ForceOffline, a uniqId taken over) emits ConnClose.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
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
  type UnRegisterReq,
} from "../../generated/dist/v2/index.js";

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

/**
 * Why a business connection ended: the peer closed or reset it, the gateway
 * closed it for a fault (unknown command, oversize frame, frame too short for
 * a command id, idle), or a test control ended it.
 */
export type CloseReason = "peer" | "unknown-command" | "oversize" | "truncated" | "idle" | "stopped" | "dropped" | "error";

/** A business connection as the gateway sees it (a live view; it keeps its last state after closing). */
export interface BusinessConnection {
  /** 1, 2, 3... in accept order, not reset by restart(): the n-th connection has id n. */
  readonly id: number;
  /** The business side's port: maps a client socket (its localPort) to its connection. */
  readonly remotePort: number;
  /** False once the gateway closed it or saw it close. */
  readonly open: boolean;
  /** Set by a successful Register, cleared by an Unregister naming it. */
  readonly registration: Registration | undefined;
  readonly bytesReceived: number;
  /** Whole frames received, pings included. */
  readonly framesReceived: number;
  readonly closeReason: CloseReason | undefined;
}

/** A frame a business sent, in arrival order across all connections. */
export interface ReceivedFrame {
  /** Position in TestGateway.received. */
  readonly index: number;
  readonly connectionId: number;
  /** The whole frame, length prefix included (a copy: body views stay valid). */
  readonly bytes: Uint8Array;
  /** The decoded frame; undefined when the frame could not be decoded (see error). */
  readonly frame: BusinessFrame | undefined;
  /** Why decoding failed: an unknown command, a frame too short, an invalid body. */
  readonly error: FrameError | undefined;
}

/** A simulated WebSocket customer (a live view). */
export interface Customer {
  /** The current uniqId; ConnInfoUpdate / ConnInfoDelete may change it. */
  readonly uniqId: string;
  readonly session: string;
  readonly topics: readonly string[];
  readonly online: boolean;
  /** The worker its ConnOpen, ConnClose and Transfer events go to. */
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
  /** Worker that receives this customer's events. Default 1. */
  readonly workerId?: number;
}

/** A business connection id, or every open one. */
export type ConnectionTarget = number | "all";

export interface TestGateway {
  readonly host: string;
  readonly port: number;
  readonly serverId: number;
  readonly maxFrameSize: number;
  readonly idleTimeoutMs: number;

  // ---- business connections
  /** The open business connections, in accept order. */
  readonly connections: readonly BusinessConnection[];
  /** Any connection ever accepted, open or closed. */
  connection(id: number): BusinessConnection | undefined;
  /** Resolves with the n-th connection ever accepted (default the first), at once if it already was. */
  waitForConnection(n?: number, timeoutMs?: number): Promise<BusinessConnection>;
  /** Resolves once the connection (default the latest accepted) is closed and its socket released. */
  waitForDisconnect(connectionId?: number, timeoutMs?: number): Promise<BusinessConnection>;
  /** Resolves with an open connection registered (with workerId, if given). */
  waitForRegistration(workerId?: number, timeoutMs?: number): Promise<BusinessConnection>;

  // ---- frames
  /** Every frame received, pings and undecodable frames included, in order. */
  readonly received: readonly ReceivedFrame[];
  /**
   * Resolves with the first received frame at index >= `after` (default 0,
   * so a frame that already arrived counts) that matches. Resolves after the
   * gateway handled the frame: its state changes are visible, its reply is
   * written or held. Pass `after: gateway.received.length` to wait for a new one.
   */
  waitForFrame(predicate: (frame: ReceivedFrame) => boolean, options?: { readonly after?: number; readonly timeoutMs?: number }): Promise<ReceivedFrame>;
  /** Resolves with check()'s first value that is not undefined or false; re-checked after every gateway event. */
  waitUntil<T>(check: () => T | undefined | false, what: string, timeoutMs?: number): Promise<T>;

  // ---- customers
  /** Every customer ever opened, online or not. */
  readonly customers: readonly Customer[];
  /** The online customer with this uniqId, else the last one that had it. */
  customer(uniqId: string): Customer | undefined;
  /** A new online customer; its ConnOpen goes to a connection registered with its workerId (round-robin), or nowhere if none is. */
  openCustomer(options?: OpenCustomerOptions): Customer;
  /** The customer disconnects: ConnClose goes to its worker. */
  closeCustomer(uniqId: string): void;
  /** The customer sends data: a Transfer goes to workerId (default the customer's). Returns the connection id it went to, if any. */
  customerSends(uniqId: string, data: Uint8Array | string, workerId?: number): number | undefined;
  /** Resolves with the customer's inbox once it holds at least count payloads. */
  waitForDelivery(uniqId: string, count: number, timeoutMs?: number): Promise<readonly Uint8Array[]>;
  /** The current limits (Limit may change concurrencies). */
  readonly limits: readonly LimitSetting[];

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
  /** Write raw bytes, e.g. half a frame before a drop. */
  sendRaw(target: ConnectionTarget, bytes: Uint8Array): void;
  /** Write any frame a gateway sends (event or response), e.g. an unsolicited reply. */
  sendFrame(target: ConnectionTarget, ...args: GatewayFrameArgs): void;

  // ---- lifecycle
  /** The gateway goes away: stop listening and destroy every connection. Customers stay. */
  stop(): Promise<void>;
  /** Listen again on the same port with fresh connection state; customers, limits and control flags stay. */
  restart(): Promise<void>;
  /** Stop and reject pending waits; safe to call more than once. */
  close(): Promise<void>;
}

/** Starts a fake v2.0.2 gateway on 127.0.0.1. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
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
      limits: options.limits ?? [
        { name: "default", concurrency: 100, workerIds: [1] },
        { name: "slow", concurrency: 10, workerIds: [2] },
      ],
    },
    createV2Mode(serverId),
  );
  await gateway.listen(options.port ?? 0);
  return gateway;
}

// ------------------------------------------------------------------ the mode seam

/**
 * Everything that differs between protocol versions. The core calls it with
 * whole frames and customer changes; it answers through the core's methods.
 * A v6 mode would implement this (its own decoder, register rules, no pong,
 * its own uniqId) and the core would grow a second listener for its port.
 */
interface ProtocolMode {
  readonly name: string;
  /** Handles one whole frame of a business connection; throws CloseConnection to close it. */
  handleFrame(core: GatewayCore, conn: ConnState, frame: Uint8Array): void;
  /** A fresh customer uniqId. */
  newUniqId(): string;
  connOpenEvent(customer: CustomerState, options: OpenCustomerOptions): Uint8Array;
  connCloseEvent(customer: CustomerState): Uint8Array;
  transferEvent(customer: CustomerState, data: Uint8Array): Uint8Array;
}

/** Thrown by a mode out of the splitter's callback: stops reading and closes the connection. */
class CloseConnection extends Error {
  constructor(readonly reason: CloseReason) {
    super(`close business connection: ${reason}`);
  }
}

// ------------------------------------------------------------------ core

interface CoreSettings {
  readonly serverId: number;
  readonly maxFrameSize: number;
  readonly idleTimeoutMs: number;
  readonly waitTimeoutMs: number;
  readonly limits: readonly LimitSetting[];
}

class ConnState implements BusinessConnection {
  open = true;
  /** The socket's "close" fired: the descriptor is released. */
  released = false;
  registration: Registration | undefined = undefined;
  bytesReceived = 0;
  framesReceived = 0;
  closeReason: CloseReason | undefined = undefined;
  idleTimer: NodeJS.Timeout | undefined = undefined;
  /** Reading paused by pauseReading. */
  paused = false;
  readonly splitter: FrameSplitter;
  readonly closed: Promise<void>;
  readonly remotePort: number;

  constructor(
    readonly id: number,
    readonly socket: net.Socket,
    maxFrameSize: number,
  ) {
    this.remotePort = socket.remotePort ?? 0;
    this.splitter = new FrameSplitter({ maxFrameSize });
    this.closed = new Promise((resolve) => socket.once("close", () => resolve()));
  }
}

class CustomerState implements Customer {
  online = true;
  readonly inbox: Uint8Array[] = [];
  readonly topicSet: Set<string>;

  constructor(
    public uniqId: string,
    public session: string,
    topics: readonly string[],
    readonly workerId: number,
    readonly rawQuery: string,
  ) {
    this.topicSet = new Set(topics);
  }

  get topics(): readonly string[] {
    return [...this.topicSet];
  }
}

interface Waiter {
  poll(): void;
  fail(error: Error): void;
}

class GatewayCore implements TestGateway {
  readonly host = "127.0.0.1";
  port = 0;
  readonly serverId: number;
  readonly maxFrameSize: number;
  readonly idleTimeoutMs: number;
  readonly received: ReceivedFrame[] = [];
  /** Counters behind Metrics. */
  readonly stats = { opened: 0, closed: 0, transfers: 0 };

  private server: net.Server | undefined = undefined;
  private readonly allConnections: ConnState[] = [];
  private readonly allCustomers: CustomerState[] = [];
  private readonly online = new Map<string, CustomerState>();
  private readonly limitTable = new Map<string, { concurrency: number; workerIds: readonly number[] }>();
  private readonly roundRobin = new Map<number, number>();
  private readonly waiters = new Set<Waiter>();
  private held: { conn: ConnState; bytes: Uint8Array }[] = [];
  private holding = false;
  private ignoring = false;
  private readingPaused = false;
  private closedForGood = false;
  private readonly waitTimeoutMs: number;

  constructor(
    settings: CoreSettings,
    private readonly mode: ProtocolMode,
  ) {
    this.serverId = settings.serverId;
    this.maxFrameSize = settings.maxFrameSize;
    this.idleTimeoutMs = settings.idleTimeoutMs;
    this.waitTimeoutMs = settings.waitTimeoutMs;
    for (const limit of settings.limits) {
      this.limitTable.set(limit.name, { concurrency: limit.concurrency, workerIds: [...limit.workerIds] });
    }
  }

  // ---- lifecycle

  async listen(port: number): Promise<void> {
    const server = net.createServer({ noDelay: true }, (socket) => this.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ port, host: this.host }, () => {
        server.off("error", reject);
        resolve();
      });
    });
    // A listening server has nothing useful to report to a test; never crash the runner.
    server.on("error", () => {});
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const open = this.allConnections.filter((c) => !c.released);
    for (const conn of open) {
      this.closeConnection(conn, "stopped");
      // Also ends a drop that is still flushing to a peer that does not read.
      conn.socket.destroy();
    }
    this.held = [];
    const serverClosed =
      server === undefined ? Promise.resolve() : new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([serverClosed, ...open.map((c) => c.closed)]);
    this.notify();
  }

  async restart(): Promise<void> {
    if (this.closedForGood) throw new Error("test gateway: restart() after close()");
    await this.stop();
    this.roundRobin.clear();
    await this.listen(this.port);
  }

  async close(): Promise<void> {
    if (this.closedForGood) return;
    this.closedForGood = true;
    await this.stop();
    for (const waiter of [...this.waiters]) waiter.fail(new Error("test gateway closed while waiting"));
  }

  // ---- connections

  get connections(): readonly BusinessConnection[] {
    return this.allConnections.filter((c) => c.open);
  }

  connection(id: number): BusinessConnection | undefined {
    return this.allConnections[id - 1];
  }

  waitForConnection(n = 1, timeoutMs?: number): Promise<BusinessConnection> {
    return this.waitUntil(() => this.allConnections[n - 1], `business connection #${n} (${this.allConnections.length} accepted so far)`, timeoutMs);
  }

  waitForDisconnect(connectionId?: number, timeoutMs?: number): Promise<BusinessConnection> {
    const id = connectionId ?? this.allConnections.length;
    const conn = this.allConnections[id - 1];
    if (conn === undefined) return Promise.reject(new Error(`test gateway: no business connection #${id} to wait for`));
    return this.waitUntil(() => conn.released && conn, `business connection #${id} to close`, timeoutMs);
  }

  waitForRegistration(workerId?: number, timeoutMs?: number): Promise<BusinessConnection> {
    const which = workerId === undefined ? "any worker" : `workerId ${workerId}`;
    return this.waitUntil(
      () => this.allConnections.find((c) => c.open && c.registration !== undefined && (workerId === undefined || c.registration.workerId === workerId)),
      `a business connection registered with ${which}`,
      timeoutMs,
    );
  }

  private accept(socket: net.Socket): void {
    const conn = new ConnState(this.allConnections.length + 1, socket, this.maxFrameSize);
    this.allConnections.push(conn);
    socket.on("data", (chunk: Buffer) => this.onData(conn, chunk));
    // ECONNRESET and the like: the peer went away; "close" follows.
    socket.on("error", () => {
      conn.closeReason ??= "peer";
    });
    socket.on("close", () => {
      conn.open = false;
      conn.released = true;
      conn.closeReason ??= "peer";
      clearTimeout(conn.idleTimer);
      this.notify();
    });
    if (this.readingPaused) {
      conn.paused = true;
      socket.pause();
    }
    this.armIdle(conn);
    this.notify();
  }

  private onData(conn: ConnState, chunk: Buffer): void {
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
      else if (error instanceof FrameError && error.code === "oversize") this.closeConnection(conn, "oversize");
      else this.closeConnection(conn, "error");
    }
    this.notify();
  }

  /**
   * Ends a connection. "destroy" is the gateway on a fault: output not yet
   * handed to the kernel is dropped. "flush" writes what was queued, then FIN;
   * "reset" sends an RST.
   */
  private closeConnection(conn: ConnState, reason: CloseReason, how: "destroy" | "flush" | "reset" = "destroy"): void {
    if (!conn.open) return;
    conn.open = false;
    conn.closeReason ??= reason;
    clearTimeout(conn.idleTimer);
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
  private armIdle(conn: ConnState): void {
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
  record(conn: ConnState, bytes: Uint8Array, frame: BusinessFrame | undefined, error: FrameError | undefined): void {
    this.received.push({ index: this.received.length, connectionId: conn.id, bytes, frame, error });
  }

  /** Pongs and events: never held. */
  sendNow(conn: ConnState, bytes: Uint8Array): void {
    if (conn.open) conn.socket.write(bytes);
  }

  /** A request's answer: written in order, or held. */
  reply(conn: ConnState, bytes: Uint8Array): void {
    if (this.holding) this.held.push({ conn, bytes });
    else this.sendNow(conn, bytes);
  }

  get requestsIgnored(): boolean {
    return this.ignoring;
  }

  /** Sends an event to a connection registered with workerId, round-robin; undefined if none is. */
  routeEvent(workerId: number, bytes: Uint8Array): number | undefined {
    const candidates = this.allConnections.filter((c) => c.open && c.registration?.workerId === workerId);
    if (candidates.length === 0) return undefined;
    const turn = this.roundRobin.get(workerId) ?? 0;
    this.roundRobin.set(workerId, turn + 1);
    const conn = candidates[turn % candidates.length]!;
    this.sendNow(conn, bytes);
    return conn.id;
  }

  /** Registrations of open connections, for Unregister. */
  openConnections(): readonly ConnState[] {
    return this.allConnections.filter((c) => c.open);
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
    return this.mode.newUniqId();
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

  openCustomer(options: OpenCustomerOptions = {}): Customer {
    const uniqId = options.uniqId ?? this.mode.newUniqId();
    if (this.online.has(uniqId)) throw new Error(`test gateway: customer ${uniqId} is already online`);
    const customer = new CustomerState(uniqId, options.session ?? "", options.topics ?? [], options.workerId ?? 1, options.rawQuery ?? "");
    this.allCustomers.push(customer);
    this.online.set(uniqId, customer);
    this.stats.opened++;
    this.routeEvent(customer.workerId, this.mode.connOpenEvent(customer, options));
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
    return this.routeEvent(workerId ?? customer.workerId, this.mode.transferEvent(customer, bytes));
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

  /** Hands data to an online customer; empty data is nothing to deliver. */
  deliver(customer: CustomerState, data: Uint8Array): void {
    if (customer.online && data.length > 0) customer.inbox.push(data.slice());
  }

  /** The customer's WebSocket closes; its worker hears ConnClose, as from the real gateway's close callback. */
  takeOffline(customer: CustomerState): void {
    if (!customer.online) return;
    customer.online = false;
    this.online.delete(customer.uniqId);
    this.stats.closed++;
    this.routeEvent(customer.workerId, this.mode.connCloseEvent(customer));
  }

  /** Gives an online customer another uniqId (the caller resolved collisions). */
  rename(customer: CustomerState, uniqId: string): void {
    if (!customer.online || customer.uniqId === uniqId) return;
    this.online.delete(customer.uniqId);
    customer.uniqId = uniqId;
    this.online.set(uniqId, customer);
  }

  get limits(): readonly LimitSetting[] {
    return [...this.limitTable].map(([name, l]) => ({ name, concurrency: l.concurrency, workerIds: l.workerIds }));
  }

  /** Sets a known limit's concurrency; unknown names and values <= 0 are ignored, as by the gateway. */
  setLimit(name: string, concurrency: number): void {
    const limit = this.limitTable.get(name);
    if (limit !== undefined && concurrency > 0) limit.concurrency = concurrency;
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

  sendFrame(target: ConnectionTarget, ...args: GatewayFrameArgs): void {
    this.sendRaw(target, encodeGatewayFrame(...args));
  }

  private targets(target: ConnectionTarget): readonly ConnState[] {
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

  waitForFrame(predicate: (frame: ReceivedFrame) => boolean, options: { readonly after?: number; readonly timeoutMs?: number } = {}): Promise<ReceivedFrame> {
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

// ------------------------------------------------------------------ v2.0.2 rules

/** Ids of workers a business may register as. */
const workerIdMin = 1;
const workerIdMax = 999;

function createV2Mode(serverId: number): ProtocolMode {
  let uniqIdCounter = 0;
  return {
    name: "v2",
    handleFrame: (core, conn, frame) => handleV2Frame(core, conn, frame),
    // 18 lower-case hex: server id (2), unix seconds (8), counter (8).
    newUniqId: () => {
      const seconds = Math.floor(Date.now() / 1000) >>> 0;
      const counter = uniqIdCounter++ >>> 0;
      return hex(serverId, 2) + hex(seconds, 8) + hex(counter, 8);
    },
    connOpenEvent: (customer, options) =>
      encodeConnOpen({
        uniqId: customer.uniqId,
        rawQuery: customer.rawQuery,
        subProtocol: [...(options.subProtocol ?? [])],
        xForwardedFor: options.xForwardedFor ?? "",
      }),
    connCloseEvent: (customer) => encodeConnClose({ uniqId: customer.uniqId, session: customer.session }),
    transferEvent: (customer, data) => encodeTransfer({ uniqId: customer.uniqId, session: customer.session, data }),
  };
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, "0");
}

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString("hex");
}

/** Decodes, records and handles one frame: the v2 gateway's read loop body. */
function handleV2Frame(core: GatewayCore, conn: ConnState, bytes: Uint8Array): void {
  let frame: BusinessFrame;
  try {
    frame = decodeBusinessFrame(bytes);
  } catch (error) {
    if (!(error instanceof FrameError)) throw error;
    handleUndecodable(core, conn, bytes, error);
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
      if (!core.requestsIgnored) core.reply(conn, answerV2Request(core, conn, frame));
      return;
  }
}

/** A frame decodeBusinessFrame rejected: fatal like the gateway's read loop, or dropped like its handlers. */
function handleUndecodable(core: GatewayCore, conn: ConnState, bytes: Uint8Array, error: FrameError): void {
  const cmd = error.cmd;
  if (error.code !== "invalid-body" || cmd === undefined || !(cmd in cmdKinds)) {
    core.record(conn, bytes, undefined, error);
    // Unknown command id, or a length too short for one.
    throw new CloseConnection(error.code === "unknown-command" ? "unknown-command" : "truncated");
  }
  if (cmd === Cmd.Register) {
    core.record(conn, bytes, undefined, error);
    if (!core.requestsIgnored) core.reply(conn, encodeRegisterResponse(v2Register(core, conn, undefined)));
    return;
  }
  if (cmdKinds[cmd as Cmd] === "request" && bytes.length > 8 && isBodylessRequest(cmd)) {
    // The gateway never reads the body of these requests: answer as if it were empty.
    const empty = decodeBusinessFrame(Uint8Array.of(0, 0, 0, 4, cmd >>> 24, (cmd >>> 16) & 0xff, (cmd >>> 8) & 0xff, cmd & 0xff));
    core.record(conn, bytes, empty, error);
    if (empty.kind === "request" && !core.requestsIgnored) core.reply(conn, answerV2Request(core, conn, empty));
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
function v2Register(core: GatewayCore, conn: ConnState, body: RegisterReq | undefined): RegisterAnswer {
  // message is the code's name, as the gateway fills it.
  const result = (code: RegisterRespCode, registerId = ""): RegisterAnswer => ({ code, message: RegisterRespCode[code], registerId });
  if (body === undefined) return result(RegisterRespCode.UnmarshalError);
  if (body.workerId < workerIdMin || body.workerId > workerIdMax) return result(RegisterRespCode.WorkerIdOverflow);
  if (body.serverId !== core.serverId) return result(RegisterRespCode.ServerIdInconsistent);
  if (conn.registration !== undefined) return result(RegisterRespCode.DuplicateRegister);
  conn.registration = { workerId: body.workerId, processCmdGoroutineNum: body.processCmdGoroutineNum, registerId: randomHex(16) };
  return result(RegisterRespCode.Success, conn.registration.registerId);
}

/** v2 Unregister: any connection may name any (workerId, registerId); an unknown pair changes nothing. */
function v2Unregister(core: GatewayCore, body: UnRegisterReq): void {
  for (const conn of core.openConnections()) {
    const r = conn.registration;
    if (r !== undefined && r.workerId === body.workerId && r.registerId === body.registerId) conn.registration = undefined;
  }
}

function answerV2Request(core: GatewayCore, conn: ConnState, frame: RequestFrame): Uint8Array {
  const serverId = core.serverId;
  switch (frame.cmd) {
    case Cmd.Register:
      return encodeRegisterResponse(v2Register(core, conn, frame.body));
    case Cmd.Unregister:
      v2Unregister(core, frame.body);
      return encodeUnregisterResponse({});
    case Cmd.CheckOnline:
      return encodeCheckOnlineResponse({ uniqIds: frame.body.uniqIds.filter((u) => core.onlineCustomer(u) !== undefined) });
    case Cmd.UniqIdList:
      return encodeUniqIdListResponse({ serverId, uniqIds: core.onlineCustomers().map((c) => c.uniqId) });
    case Cmd.UniqIdCount:
      return encodeUniqIdCountResponse({ serverId, count: core.onlineCustomers().length });
    case Cmd.TopicCount:
      return encodeTopicCountResponse({ serverId, count: core.topics().length });
    case Cmd.TopicList:
      return encodeTopicListResponse({ serverId, topics: core.topics() });
    case Cmd.TopicUniqIdList: {
      // Only topics that exist (have an online subscriber) appear.
      const items: { [topic: string]: { uniqIds: string[] } } = {};
      for (const topic of frame.body.topics) {
        const uniqIds = core.subscribers(topic).map((c) => c.uniqId);
        if (uniqIds.length > 0) items[topic] = { uniqIds };
      }
      return encodeTopicUniqIdListResponse({ serverId, items });
    }
    case Cmd.TopicUniqIdCount: {
      const topics = frame.body.countAll ? core.topics() : frame.body.topics;
      const items: { [topic: string]: number } = {};
      for (const topic of topics) {
        const count = core.subscribers(topic).length;
        if (count > 0) items[topic] = count;
      }
      return encodeTopicUniqIdCountResponse({ serverId, items });
    }
    case Cmd.ConnInfo: {
      const items: { [uniqId: string]: { session: string; topics: string[] } } = {};
      for (const uniqId of frame.body.uniqIds) {
        const c = core.onlineCustomer(uniqId);
        if (c !== undefined) items[uniqId] = { session: c.session, topics: [...c.topicSet] };
      }
      return encodeConnInfoResponse({ items });
    }
    case Cmd.Metrics:
      // Keys are this fake's own: 1 customer opens, 2 customer closes, 3 customer messages.
      return encodeMetricsResponse({
        serverId,
        items: {
          1: { count: BigInt(core.stats.opened) },
          2: { count: BigInt(core.stats.closed) },
          3: { count: BigInt(core.stats.transfers) },
        },
      });
    case Cmd.Limit:
      for (const item of frame.body.items) core.setLimit(item.name, item.concurrency);
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

/** Targets of a bulk command: pairwise when the lists match, all data to a lone target, else nothing. */
function bulkPairs<T>(targets: readonly T[], data: readonly Uint8Array[]): [T, Uint8Array][] {
  if (targets.length === data.length) return targets.map((t, i) => [t, data[i]!]);
  if (targets.length === 1 && data.length > 1) return data.map((d) => [targets[0]!, d]);
  return [];
}

/** The effect of a one-way command on the customers. Unknown or offline uniqIds are skipped. */
function applyV2Oneway(core: GatewayCore, frame: OnewayFrame): void {
  const online = (uniqId: string): CustomerState | undefined => core.onlineCustomer(uniqId);
  switch (frame.cmd) {
    case Cmd.ConnInfoUpdate: {
      const b = frame.body;
      const target = online(b.uniqId);
      if (target === undefined) return;
      if (b.newUniqId !== "" && b.newUniqId !== b.uniqId) {
        // The uniqId's current holder is told (if there is something to say) and closed.
        const holder = online(b.newUniqId);
        if (holder !== undefined) {
          core.deliver(holder, b.dataAsNewUniqIdExisted);
          core.takeOffline(holder);
        }
        core.rename(target, b.newUniqId);
      }
      if (b.newSession !== "") target.session = b.newSession;
      if (b.newTopics.length > 0) {
        target.topicSet.clear();
        for (const t of b.newTopics) target.topicSet.add(t);
      }
      core.deliver(target, b.data);
      return;
    }
    case Cmd.ConnInfoDelete: {
      const b = frame.body;
      const target = online(b.uniqId);
      if (target === undefined) return;
      if (b.delSession) target.session = "";
      if (b.delTopic) target.topicSet.clear();
      if (b.delUniqId) core.rename(target, core.newUniqId());
      core.deliver(target, b.data);
      return;
    }
    case Cmd.Broadcast:
      for (const c of core.onlineCustomers()) core.deliver(c, frame.body.data);
      return;
    case Cmd.Multicast:
      for (const uniqId of frame.body.uniqIds) {
        const c = online(uniqId);
        if (c !== undefined) core.deliver(c, frame.body.data);
      }
      return;
    case Cmd.SingleCast: {
      const c = online(frame.body.uniqId);
      if (c !== undefined) core.deliver(c, frame.body.data);
      return;
    }
    case Cmd.SingleCastBulk:
      for (const [uniqId, data] of bulkPairs(frame.body.uniqIds, frame.body.data)) {
        const c = online(uniqId);
        if (c !== undefined) core.deliver(c, data);
      }
      return;
    case Cmd.TopicSubscribe: {
      const c = online(frame.body.uniqId);
      if (c === undefined) return;
      for (const t of frame.body.topics) c.topicSet.add(t);
      core.deliver(c, frame.body.data);
      return;
    }
    case Cmd.TopicUnsubscribe: {
      const c = online(frame.body.uniqId);
      if (c === undefined) return;
      for (const t of frame.body.topics) c.topicSet.delete(t);
      core.deliver(c, frame.body.data);
      return;
    }
    case Cmd.TopicDelete:
      // Per topic, as the gateway walks them: a customer in two deleted topics gets data twice.
      for (const topic of frame.body.topics) {
        for (const c of core.subscribers(topic)) {
          c.topicSet.delete(topic);
          core.deliver(c, frame.body.data);
        }
      }
      return;
    case Cmd.TopicPublish:
      // Per topic as well: a customer in two published topics gets data twice.
      for (const topic of frame.body.topics) {
        for (const c of core.subscribers(topic)) core.deliver(c, frame.body.data);
      }
      return;
    case Cmd.TopicPublishBulk:
      for (const [topic, data] of bulkPairs(frame.body.topics, frame.body.data)) {
        for (const c of core.subscribers(topic)) core.deliver(c, data);
      }
      return;
    case Cmd.ForceOffline:
      // Simplified: closes at once instead of ~3 s after sending data.
      for (const uniqId of frame.body.uniqIds) {
        const c = online(uniqId);
        if (c === undefined) continue;
        core.deliver(c, frame.body.data);
        core.takeOffline(c);
      }
      return;
    case Cmd.ForceOfflineGuest:
      // Only guests (no session); simplified: ignores `delay` and the ~3 s after data.
      for (const uniqId of frame.body.uniqIds) {
        const c = online(uniqId);
        if (c === undefined || c.session !== "") continue;
        core.deliver(c, frame.body.data);
        core.takeOffline(c);
      }
      return;
    default: {
      const unhandled: never = frame;
      throw new Error(`test gateway: unhandled one-way command ${JSON.stringify(unhandled)}`);
    }
  }
}
