import { type AppBinding } from "./app-wire.js";
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
export declare class AppError extends Error {
    readonly name: "AppError";
    readonly code: string;
    constructor(code: string, message: string, options?: {
        readonly cause?: unknown;
    });
}
/** Codes of the error answers the router itself sends. */
export type RouterErrorCode = 
/** A message that could not be read; its MessageError code is in the message. */
"undecodable"
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
type CmdOf<M> = keyof M & number;
type BodyArgs<B> = [B] extends [undefined] ? [] : [body: B];
/** A handler as the router calls it; business.ts types them by command. */
export type AnyHandler<Sender> = (body: never, sender: Sender) => unknown;
export declare class BusinessRouter<T extends RouterTypes, Sender, Target> {
    private readonly binding;
    private readonly undecodable;
    private readonly link;
    private readonly handlers;
    private readonly stop;
    private readonly onError;
    private readonly counts;
    constructor(binding: AppBinding, undecodable: "error" | "drop", link: CustomerLink<Sender, Target>, handlers: {
        readonly [name: string]: AnyHandler<Sender> | undefined;
    }, options?: RouterOptions<Sender>);
    get stats(): RouterStats;
    /** Sends an event to the customers target names. */
    push<C extends CmdOf<T["push"]>>(target: Target, cmd: C, ...body: BodyArgs<T["push"][C]>): void;
    /** Sends an event to the one customer a message came from. */
    pushTo<C extends CmdOf<T["push"]>>(sender: Sender, cmd: C, ...body: BodyArgs<T["push"][C]>): void;
    /** Stops reading customer messages; answers of handlers still running are still sent. */
    close(): void;
    private encodePush;
    private bytes;
    private receive;
    private answer;
    private failed;
    private reject;
}
export {};
