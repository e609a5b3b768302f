import { type DescMessage } from "@bufbuild/protobuf";
import { type Client, type ClientOptions, type ClientTypes, type RequestOptions } from "./node-client.js";
/**
 * The protocol-independent part of the cluster helper: one client per
 * server, commands routed to the server that owns them, queries fanned out
 * to all and their answers merged. node.ts binds it to one protocol.
 */
export interface ClusterBinding {
    /** Local name of the string body field that names the owning server. */
    readonly field: string;
    readonly prefixLength: number;
    /** "address": a server's prefix is the hex of its IPv4 address and port. */
    readonly prefix: "address" | undefined;
    /** Whether a command's body carries the routing field. */
    readonly routed: (cmd: number) => boolean;
    /** The answer schema of a request, to merge answers. */
    readonly responseSchema: (cmd: number) => DescMessage | undefined;
    /** Answer fields summed on merge: numbers, or maps with number values. */
    readonly sum: (cmd: number) => readonly string[];
}
export interface ClusterMember extends ClientOptions {
    /**
     * The prefix of the uniqIds this server hands out. Defaults to the one its
     * address implies, where the protocol defines that.
     */
    readonly uniqIdPrefix?: string;
}
type CmdOf<M> = keyof M & number;
type BodyArgs<B> = [B] extends [undefined] ? [] : [body: B];
type RequestArgs<B> = [B] extends [undefined] ? [body?: undefined, options?: RequestOptions] : [body: B, options?: RequestOptions];
/** One server's part of a fanned-out request. */
export type MemberResult<R> = {
    readonly prefix: string;
    readonly ok: true;
    readonly value: R;
} | {
    readonly prefix: string;
    readonly ok: false;
    readonly error: unknown;
};
/** The uniqId prefix a server's address implies: hex of IPv4 address (8) and port (4). */
export declare function addressPrefix(host: string, port: number): string;
/** The prefix each member is known by, checked: unique and of the right length. */
export declare function memberPrefixes(binding: ClusterBinding, members: readonly ClusterMember[]): string[];
/**
 * Clients to several servers as one. A command whose body names an owner
 * (e.g. a uniqId) goes to that server only; every other one-way command goes
 * to all servers, which is right for broadcasts and for lists of targets
 * (each server acts on the targets it owns).
 */
export declare class Cluster<T extends ClientTypes = ClientTypes> {
    private readonly binding;
    private readonly byPrefix;
    /** The clients, in the order the members were given. */
    readonly clients: readonly Client<T>[];
    constructor(binding: ClusterBinding, clients: readonly Client<T>[], prefixes: readonly string[]);
    /** The client of the server that owns this id, if it is a member. */
    owner(id: string): Client<T> | undefined;
    /**
     * Sends a one-way command to its owner, or to every server when the body
     * names none. Every member is tried even when one fails (disconnected,
     * back-pressure); then an AggregateError lists the failures, and the
     * members not in it did get the command.
     */
    send<C extends CmdOf<T["oneway"]>>(cmd: C, ...body: BodyArgs<T["oneway"][C]>): void;
    /**
     * A request to its owner, or to every server with the answers merged:
     * protobuf merge rules (lists concatenated, maps joined, scalars of the
     * last server), except that count fields are summed. Rejects if any
     * server fails; requestAll() gives each server's result instead.
     */
    request<C extends CmdOf<T["request"]>>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<T["response"][C & keyof T["response"]]>;
    /** A request to every server; one result per member, in member order. */
    requestAll<C extends CmdOf<T["request"]>>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<MemberResult<T["response"][C & keyof T["response"]]>[]>;
    /** Resolves once every member is open. */
    ready(): Promise<void>;
    /** Closes every member (each drains, unregisters and ends). */
    close(): Promise<void>;
    /** The owner of a routed command's body; undefined to go to all. Throws when the owner is not a member. */
    private route;
    private merge;
}
export {};
