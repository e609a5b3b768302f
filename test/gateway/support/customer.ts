/**
 * A customer: a WebSocket client of the gateway, as a browser or app is.
 * v2 gateways (netsvr v3) route a customer message by its first 3 characters,
 * the zero-padded workerId ("001hello" goes to worker 1 as "hello"); v6
 * gateways (netsvr v8) take the message as it is. Gateways configured with
 * Customer.SendMessageType = 1 send text frames, 2 binary ones: both are
 * read here as UTF-8 text.
 */
import WebSocket from "ws";
import { Inbox, within } from "./wait.js";

export interface CustomerOptions {
  /** v2: the workerId every message goes to (prefixed as 3 digits). Omit for v6. */
  readonly workerId?: number;
  /** v2 only (v8 answers 404 to a query string): the query, seen by the business as ConnOpen.rawQuery. */
  readonly query?: string;
  /** Upper bound of the WebSocket handshake, in ms. Default 10000. */
  readonly openTimeout?: number;
}

export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/** Every customer opened and not yet closed, for closeAllCustomers(). */
const open = new Set<Customer>();

export class Customer {
  /** Messages from the gateway, in arrival order. */
  readonly inbox = new Inbox<string>();
  /** Resolves when the connection is closed, by either side. */
  readonly closed: Promise<Closed>;
  readonly socket: WebSocket;
  private readonly prefix: string;

  private constructor(socket: WebSocket, prefix: string) {
    this.socket = socket;
    this.prefix = prefix;
    // Text or binary frames (Customer.SendMessageType 1 or 2), read as UTF-8 either way.
    socket.on("message", (data) => {
      const whole = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(new Uint8Array(data)) : data;
      this.inbox.push(whole.toString("utf8"));
    });
    this.closed = new Promise((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
    void this.closed.then(() => open.delete(this));
  }

  /** Opens a customer connection; rejects if the handshake fails (e.g. HTTP 404 for a wrong path). */
  static async open(url: string, options: CustomerOptions = {}): Promise<Customer> {
    const target = options.query === undefined ? url : `${url}${url.includes("?") ? "&" : "?"}${options.query}`;
    const socket = new WebSocket(target);
    const prefix = options.workerId === undefined ? "" : String(options.workerId).padStart(3, "0");
    const handshake = new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("unexpected-response", (_request, response) => reject(new Error(`${target}: HTTP ${response.statusCode}`)));
      socket.once("error", reject);
    });
    // Later errors (a reset while closing) end in "close"; they must not be thrown as unhandled.
    socket.on("error", () => undefined);
    try {
      await within(handshake, options.openTimeout ?? 10_000, `WebSocket handshake with ${target}`);
    } catch (error) {
      socket.terminate();
      throw error;
    }
    const customer = new Customer(socket, prefix);
    open.add(customer);
    return customer;
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends one message (v2: with the worker prefix); resolves once ws has written it to the socket. */
  send(message: string): Promise<void> {
    return new Promise((resolve, reject) => this.socket.send(this.prefix + message, (error) => (error ? reject(error) : resolve())));
  }

  /** Sends the messages back to back; resolves once all are written. */
  async sendAll(messages: readonly string[]): Promise<void> {
    const written = messages.map((message) => this.send(message));
    await Promise.all(written);
  }

  /** The next message matching (from `from` on), within ms. */
  receive(predicate: (message: string) => boolean, ms: number, what: string, from = 0): Promise<string> {
    return this.inbox.waitFor(predicate, ms, what, from);
  }

  /** Closes with a normal close handshake; resolves when closed (terminates after ms). */
  async close(ms = 5000): Promise<Closed> {
    if (this.socket.readyState === WebSocket.CONNECTING || this.socket.readyState === WebSocket.OPEN) this.socket.close(1000);
    const timer = setTimeout(() => this.socket.terminate(), ms);
    try {
      return await this.closed;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Closes every customer still open (after each test). */
export async function closeAllCustomers(): Promise<void> {
  await Promise.all([...open].map((customer) => customer.close()));
}

/** Opens `count` customers, `batch` handshakes at a time. */
export async function openCustomers(count: number, batch: number, openOne: (i: number) => Promise<Customer>): Promise<Customer[]> {
  const customers: Customer[] = [];
  for (let start = 0; start < count; start += batch) {
    const group = await Promise.all(Array.from({ length: Math.min(batch, count - start) }, (_, k) => openOne(start + k)));
    customers.push(...group);
  }
  return customers;
}
