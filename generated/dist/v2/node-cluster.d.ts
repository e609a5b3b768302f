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
    /** How a request's answers merge; undefined when no merge is correct. */
    readonly merge: (cmd: number) => MergeRules | undefined;
    /** Rename commands: their new-id field. When there are any, an id may not start with its owner's prefix. */
    readonly renames: ReadonlyMap<number, string>;
    /** Events whose body's id is held by the server that sent them. */
    readonly learnFrom: readonly number[];
    /** Events after which the body's id is held by nobody. */
    readonly forgetOn: readonly number[];
}
/**
 * How the answers of several servers combine, field by field (the
 * manifest's merge rules): sum numbers or maps of numbers; union lists
 * without duplicates; concat lists; unique maps whose keys belong to one
 * server; omit a value that describes one server; each: merge a map's
 * message values per key; fields: merge a message field.
 */
export interface MergeRules {
    readonly [field: string]: "sum" | "union" | "concat" | "unique" | "omit" | {
        readonly each: MergeRules;
    } | {
        readonly fields: MergeRules;
    };
}
export interface ClusterOptions {
    /** Ids whose owner the cluster remembers (learned from events and renames), least recently used forgotten first. Default 100000. */
    readonly maxKnownOwners?: number;
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
 *
 * Where ids can be renamed, a prefix proves nothing: the cluster learns
 * owners from events and from the renames sent through it, in bounded
 * memory, and sends a one-way command for an id it has not learned to every
 * server (the others ignore it), never to a guessed one.
 *
 * M: the requests whose answers merge, the only ones request() takes.
 */
export declare class Cluster<T extends ClientTypes = ClientTypes, M extends number = number> {
    private readonly binding;
    private readonly byPrefix;
    /** Learned owners, least recently used first. */
    private readonly owners;
    private readonly maxKnownOwners;
    /** The clients, in the order the members were given. */
    readonly clients: readonly Client<T>[];
    constructor(binding: ClusterBinding, clients: readonly Client<T>[], prefixes: readonly string[], options?: ClusterOptions);
    /**
     * The client of the server that owns this id: learned, or, where ids are
     * never renamed, the one its prefix names. Undefined when unknown.
     */
    owner(id: string): Client<T> | undefined;
    /** Ids whose owner the cluster has learned. */
    get knownOwners(): number;
    /**
     * Sends a one-way command to its owner, or to every server when the body
     * names none. Every member is tried even when one fails (disconnected,
     * back-pressure); then an AggregateError lists the failures, and the
     * members not in it did get the command.
     */
    send<C extends CmdOf<T["oneway"]>>(cmd: C, ...body: BodyArgs<T["oneway"][C]>): void;
    /**
     * A request to its owner, or to every server with the answers merged by
     * the command's merge rules. Only requests with a correct merge are
     * accepted; for the others (e.g. counts of things several servers hold)
     * requestAll() gives each server's answer. Rejects if any server fails.
     */
    request<C extends CmdOf<T["request"]> & M>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<T["response"][C & keyof T["response"]]>;
    /** A request to every server; one result per member, in member order. */
    requestAll<C extends CmdOf<T["request"]>>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<MemberResult<T["response"][C & keyof T["response"]]>[]>;
    /** Resolves once every member is open. */
    ready(): Promise<void>;
    /** Closes every member (each drains, unregisters and ends). */
    close(): Promise<void>;
    /**
     * The owner of a routed command's body; undefined to go to all (no id,
     * or, where ids are renamed, an id not learned). Throws when the prefix
     * names no member.
     */
    private route;
    /** A rename sent through the cluster: the new id has the old one's owner, where known. */
    private renamed;
    private learn;
}
export {};
