import { MessageError, readBody, readMessage, utf8, type AppBinding, type Payload } from "./app-wire.js";
import type { CustomerLink } from "./gateway-link.js";

/**
 * The protocol-independent part of an application protocol's business side:
 * it reads customer messages from a CustomerLink, calls one handler per
 * command, answers requests to their sender and pushes events to customers.
 * business.ts binds it to one protocol's tables and types. No Node
 * built-ins: the link carries the bytes.
 */

/**
 * Thrown by a request handler to answer with an error the customer sees:
 * its request fails with code "remote" and this code and message. Any other
 * exception answers "internal", without its message, and goes to onError.
 */
export class AppError extends Error {
  override readonly name: "AppError" = "AppError";
  readonly code: string;

  constructor(code: string, message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Codes of the error answers the router itself sends. */
export type RouterErrorCode =
  /** A message that could not be read; its MessageError code is in the message. */
  | "undecodable"
  /** A command this business has no handler for, or one a customer may not send. */
  | "not-handled"
  /** The handler threw something other than an AppError. */
  | "internal";

export interface RouterOptions<Sender> {
  /**
   * Something went wrong that no customer call reports in full: an
   * undecodable or unhandled message, a handler that threw or rejected, an
   * answer that could not be encoded. Default: console.error.
   */
  readonly onError?: (error: Error, sender: Sender | undefined) => void;
}

/** What the router has seen. */
export interface RouterStats {
  /** Customer messages read from the link. */
  readonly received: number;
  /** Messages that could not be read, or named a command this business cannot take; none reached a handler. */
  readonly rejected: number;
  /** Handlers that threw or rejected. */
  readonly failed: number;
}

/** The protocol's push types, by command id; business.ts defines them. */
export interface RouterTypes {
  readonly push: object;
}

// console through globalThis: a consumer compiling without the DOM or Node types must still type-check.
const host = globalThis as unknown as { readonly console: { error(...data: unknown[]): void } };

type CmdOf<M> = keyof M & number;
type BodyArgs<B> = [B] extends [undefined] ? [] : [body: B];

/** A handler as the router calls it; business.ts types them by command. */
export type AnyHandler<Sender> = (body: never, sender: Sender) => unknown;

export class BusinessRouter<T extends RouterTypes, Sender, Target> {
  private readonly stop: () => void;
  private readonly onError: (error: Error, sender: Sender | undefined) => void;
  private readonly counts = { received: 0, rejected: 0, failed: 0 };

  constructor(
    private readonly binding: AppBinding,
    private readonly undecodable: "error" | "drop",
    private readonly link: CustomerLink<Sender, Target>,
    private readonly handlers: { readonly [name: string]: AnyHandler<Sender> | undefined },
    options: RouterOptions<Sender> = {},
  ) {
    this.onError = options.onError ?? ((error) => host.console.error(error));
    this.stop = link.onMessage((data, sender) => this.receive(data, sender));
  }

  get stats(): RouterStats {
    return { ...this.counts };
  }

  /** Sends an event to the customers target names. */
  push<C extends CmdOf<T["push"]>>(target: Target, cmd: C, ...body: BodyArgs<T["push"][C]>): void {
    this.link.send(target, this.encodePush(cmd, body[0]));
  }

  /** Sends an event to the one customer a message came from. */
  pushTo<C extends CmdOf<T["push"]>>(sender: Sender, cmd: C, ...body: BodyArgs<T["push"][C]>): void {
    this.link.reply(sender, this.encodePush(cmd, body[0]));
  }

  /** Stops reading customer messages; answers of handlers still running are still sent. */
  close(): void {
    this.stop();
  }

  private encodePush(cmd: number, body: unknown): Uint8Array {
    const command = this.binding.commands[cmd];
    if (command === undefined || command.kind !== "event") throw new TypeError(`${command?.name ?? cmd} is not a push (event) command`);
    return this.bytes(this.binding.wire.write(cmd, command.name, 0, command.write?.(body)));
  }

  private bytes(message: Uint8Array | string): Uint8Array {
    return typeof message === "string" ? utf8(message) : message;
  }

  // Returns the handler's promise so a link may wait for it (back-pressure); it never rejects.
  private receive(data: Uint8Array, sender: Sender): Promise<void> | undefined {
    this.counts.received++;
    let cmd = 0;
    let id = 0;
    let body: unknown;
    try {
      const message = readMessage(this.binding, data);
      cmd = message.cmd;
      id = message.id;
      if (message.kind === "error") {
        throw new MessageError("unknown-command", `a customer sent an error answer (${message.code}: ${message.message}); customers cannot answer`, { id });
      }
      // A push is the business's to send: its body is not read, the customer is told.
      if (this.binding.commands[cmd]?.kind === "event") {
        const name = this.binding.commands[cmd]!.name;
        this.reject(sender, cmd, id, "not-handled", new MessageError("unknown-command", `${name} is a push, which customers cannot send`, { cmd, id }), id !== 0);
        return undefined;
      }
      body = readBody(this.binding, message);
    } catch (error) {
      // An unknown command still names its request id: the answer must carry it.
      if (error instanceof MessageError) {
        cmd = error.cmd ?? cmd;
        id = error.id ?? id;
      }
      this.reject(sender, cmd, id, "undecodable", error as Error, this.undecodable === "error");
      return undefined;
    }
    const command = this.binding.commands[cmd]!;
    const handler = this.handlers[command.name];
    if (handler === undefined) {
      // A request is always answered, so its caller does not wait for a timeout.
      const error = new MessageError("unknown-command", `no handler for ${command.name}`, { cmd, id });
      this.reject(sender, cmd, id, "not-handled", error, command.kind === "request");
      return undefined;
    }
    const isRequest = command.kind === "request";
    let result: unknown;
    try {
      result = handler(body as never, sender);
    } catch (error) {
      this.failed(sender, cmd, id, isRequest, error);
      return undefined;
    }
    if (result instanceof Promise) {
      return result.then(
        (answer: unknown) => this.answer(sender, cmd, id, isRequest, answer),
        (error: unknown) => this.failed(sender, cmd, id, isRequest, error),
      );
    }
    this.answer(sender, cmd, id, isRequest, result);
    return undefined;
  }

  private answer(sender: Sender, cmd: number, id: number, isRequest: boolean, answer: unknown): void {
    if (!isRequest) return;
    const command = this.binding.commands[cmd]!;
    let payload: Payload | undefined;
    try {
      payload = command.write?.(answer);
    } catch (error) {
      this.failed(sender, cmd, id, isRequest, new Error(`${command.name}: the handler's answer cannot be encoded`, { cause: error }));
      return;
    }
    this.link.reply(sender, this.bytes(this.binding.wire.write(cmd, command.name, id, payload)));
  }

  private failed(sender: Sender, cmd: number, id: number, isRequest: boolean, error: unknown): void {
    this.counts.failed++;
    const name = this.binding.commands[cmd]?.name;
    if (error instanceof AppError) {
      if (isRequest) this.link.reply(sender, this.bytes(this.binding.wire.writeError(cmd, name, id, error.code, error.message)));
      if (!isRequest) this.onError(error, sender);
      return;
    }
    this.onError(error instanceof Error ? error : new Error(String(error)), sender);
    if (isRequest) this.link.reply(sender, this.bytes(this.binding.wire.writeError(cmd, name, id, "internal", "internal error")));
  }

  private reject(sender: Sender, cmd: number, id: number, code: RouterErrorCode, error: Error, answer: boolean): void {
    this.counts.rejected++;
    this.onError(error, sender);
    if (!answer) return;
    const detail = error instanceof MessageError ? `${error.code}: ${error.message}` : error.message;
    this.link.reply(sender, this.bytes(this.binding.wire.writeError(cmd, this.binding.commands[cmd]?.name, id, code, detail)));
  }
}
