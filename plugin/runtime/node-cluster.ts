import { isIPv4 } from "node:net";
import { ClientError, type Client, type ClientOptions, type ClientTypes, type RequestOptions } from "./node-client.js";

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
  readonly [field: string]: "sum" | "union" | "concat" | "unique" | "omit" | { readonly each: MergeRules } | { readonly fields: MergeRules };
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
export type MemberResult<R> =
  | { readonly prefix: string; readonly ok: true; readonly value: R }
  | { readonly prefix: string; readonly ok: false; readonly error: unknown };

/** The uniqId prefix a server's address implies: hex of IPv4 address (8) and port (4). */
export function addressPrefix(host: string, port: number): string {
  if (!isIPv4(host)) throw new TypeError(`${host} is not an IPv4 address: give uniqIdPrefix for this server`);
  const octets = host.split(".").map((part) => Number(part).toString(16).padStart(2, "0"));
  return octets.join("") + port.toString(16).padStart(4, "0");
}

/** The prefix each member is known by, checked: unique and of the right length. */
export function memberPrefixes(binding: ClusterBinding, members: readonly ClusterMember[]): string[] {
  const prefixes = members.map((member) => {
    const prefix = member.uniqIdPrefix ?? (binding.prefix === "address" ? addressPrefix(member.host, member.port) : undefined);
    if (prefix === undefined) throw new TypeError(`give uniqIdPrefix for ${member.host}:${member.port}`);
    if (prefix.length !== binding.prefixLength) {
      throw new TypeError(`uniqIdPrefix "${prefix}" of ${member.host}:${member.port} must have ${binding.prefixLength} characters`);
    }
    return prefix.toLowerCase();
  });
  const seen = new Set<string>();
  for (const prefix of prefixes) {
    if (seen.has(prefix)) throw new TypeError(`two servers share the uniqId prefix "${prefix}"`);
    seen.add(prefix);
  }
  return prefixes;
}

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
export class Cluster<T extends ClientTypes = ClientTypes, M extends number = number> {
  private readonly binding: ClusterBinding;
  private readonly byPrefix: ReadonlyMap<string, Client<T>>;
  /** Learned owners, least recently used first. */
  private readonly owners = new Map<string, Client<T>>();
  private readonly maxKnownOwners: number;
  /** The clients, in the order the members were given. */
  readonly clients: readonly Client<T>[];

  constructor(binding: ClusterBinding, clients: readonly Client<T>[], prefixes: readonly string[], options: ClusterOptions = {}) {
    this.binding = binding;
    this.clients = clients;
    this.byPrefix = new Map(prefixes.map((prefix, i) => [prefix, clients[i]!]));
    this.maxKnownOwners = options.maxKnownOwners ?? 100_000;
    const on = (client: Client<T>, cmd: number, handler: (id: unknown) => void): void => {
      (client as unknown as Client).on(cmd as never, (body: unknown) => handler((body as Record<string, unknown>)[binding.field]));
    };
    for (const client of clients) {
      for (const cmd of binding.learnFrom) on(client, cmd, (id) => typeof id === "string" && id !== "" && this.learn(id, client));
      for (const cmd of binding.forgetOn) on(client, cmd, (id) => typeof id === "string" && this.owners.get(id) === client && this.owners.delete(id));
    }
  }

  /**
   * The client of the server that owns this id: learned, or, where ids are
   * never renamed, the one its prefix names. Undefined when unknown.
   */
  owner(id: string): Client<T> | undefined {
    const known = this.owners.get(id);
    if (known !== undefined || this.binding.renames.size > 0) return known;
    return this.byPrefix.get(id.slice(0, this.binding.prefixLength).toLowerCase());
  }

  /** Ids whose owner the cluster has learned. */
  get knownOwners(): number {
    return this.owners.size;
  }

  /**
   * Sends a one-way command to its owner, or to every server when the body
   * names none. Every member is tried even when one fails (disconnected,
   * back-pressure); then an AggregateError lists the failures, and the
   * members not in it did get the command.
   */
  send<C extends CmdOf<T["oneway"]>>(cmd: C, ...body: BodyArgs<T["oneway"][C]>): void {
    const owner = this.route(cmd, body[0]);
    this.renamed(cmd, body[0], owner);
    if (owner !== undefined) {
      owner.send(cmd, ...body);
      return;
    }
    const failures: unknown[] = [];
    for (const client of this.clients) {
      try {
        client.send(cmd, ...body);
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) {
      throw new AggregateError(failures, `${failures.length} of ${this.clients.length} members did not take command ${cmd}`);
    }
  }

  /**
   * A request to its owner, or to every server with the answers merged by
   * the command's merge rules. Only requests with a correct merge are
   * accepted; for the others (e.g. counts of things several servers hold)
   * requestAll() gives each server's answer. Rejects if any server fails.
   */
  async request<C extends CmdOf<T["request"]> & M>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<T["response"][C & keyof T["response"]]> {
    const owner = this.route(cmd, args[0]);
    if (owner !== undefined) return owner.request(cmd, ...args);
    const rules = this.binding.merge(cmd);
    if (rules === undefined) throw new TypeError(`command ${cmd} has no merge rule: use requestAll()`);
    const answers = await Promise.all(this.clients.map((client) => client.request(cmd, ...args)));
    return answers.length === 1 ? answers[0]! : (mergeMessages(rules, answers as Record<string, unknown>[], cmd) as T["response"][C & keyof T["response"]]);
  }

  /** A request to every server; one result per member, in member order. */
  requestAll<C extends CmdOf<T["request"]>>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<MemberResult<T["response"][C & keyof T["response"]]>[]> {
    const prefixes = [...this.byPrefix.keys()];
    return Promise.all(
      this.clients.map((client, i) =>
        client.request(cmd, ...args).then(
          (value) => ({ prefix: prefixes[i]!, ok: true as const, value }),
          (error: unknown) => ({ prefix: prefixes[i]!, ok: false as const, error }),
        ),
      ),
    );
  }

  /** Resolves once every member is open. */
  async ready(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.ready()));
  }

  /** Closes every member (each drains, unregisters and ends). */
  async close(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.close()));
  }

  /**
   * The owner of a routed command's body; undefined to go to all (no id,
   * or, where ids are renamed, an id not learned). Throws when the prefix
   * names no member.
   */
  private route(cmd: number, body: unknown): Client<T> | undefined {
    if (!this.binding.routed(cmd)) return undefined;
    const id = (body as Record<string, unknown> | undefined)?.[this.binding.field];
    if (typeof id !== "string" || id === "") return undefined;
    const owner = this.owner(id);
    if (owner === undefined && this.binding.renames.size === 0) {
      throw new ClientError("no-owner", `no member owns ${this.binding.field} "${id}" (prefix "${id.slice(0, this.binding.prefixLength)}")`, { cmd });
    }
    return owner;
  }

  /** A rename sent through the cluster: the new id has the old one's owner, where known. */
  private renamed(cmd: number, body: unknown, owner: Client<T> | undefined): void {
    const newField = this.binding.renames.get(cmd);
    if (newField === undefined) return;
    const fields = body as Record<string, unknown>;
    const [id, newId] = [fields[this.binding.field], fields[newField]];
    if (typeof newId !== "string" || newId === "") return;
    if (typeof id === "string") this.owners.delete(id);
    if (owner !== undefined) this.learn(newId, owner);
    else this.owners.delete(newId);
  }

  private learn(id: string, client: Client<T>): void {
    this.owners.delete(id);
    this.owners.set(id, client);
    if (this.owners.size > this.maxKnownOwners) this.owners.delete(this.owners.keys().next().value!);
  }
}

/** One answer from the answers of every server, field by field. */
function mergeMessages(rules: MergeRules, messages: readonly Record<string, unknown>[], cmd: number): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...messages[0] };
  for (const [field, rule] of Object.entries(rules)) {
    merged[field] = mergeValues(rule, messages.map((message) => message[field]), field, cmd);
  }
  return merged;
}

function mergeValues(rule: MergeRules[string], values: unknown[], field: string, cmd: number): unknown {
  switch (rule) {
    case "sum":
      return sumValues(values);
    case "union":
      return [...new Set((values as unknown[][]).flat())];
    case "concat":
      return (values as unknown[][]).flat();
    case "omit":
      return zeroLike(values[0]);
    case "unique": {
      const joined: Record<string, unknown> = {};
      for (const map of values as Record<string, unknown>[]) {
        for (const [key, value] of Object.entries(map)) {
          if (key in joined) throw new ClientError("merge-conflict", `two servers answered for ${field}["${key}"]; requestAll() gives each answer`, { cmd });
          joined[key] = value;
        }
      }
      return joined;
    }
  }
  if ("fields" in rule) {
    const present = (values as (Record<string, unknown> | undefined)[]).filter((value) => value !== undefined);
    return present.length <= 1 ? present[0] : mergeMessages(rule.fields, present, cmd);
  }
  const byKey = new Map<string, Record<string, unknown>[]>();
  for (const map of values as Record<string, Record<string, unknown>>[]) {
    for (const [key, value] of Object.entries(map)) byKey.set(key, [...(byKey.get(key) ?? []), value]);
  }
  const joined: Record<string, unknown> = {};
  for (const [key, parts] of byKey) joined[key] = parts.length === 1 ? parts[0] : mergeMessages(rule.each, parts, cmd);
  return joined;
}

/** The zero value of a field, judged by a value of it: what a field that describes one server becomes. */
function zeroLike(value: unknown): unknown {
  switch (typeof value) {
    case "number":
      return 0;
    case "bigint":
      return 0n;
    case "string":
      return "";
    case "boolean":
      return false;
  }
  if (value instanceof Uint8Array) return new Uint8Array(0);
  if (Array.isArray(value)) return [];
  // A message field (it has a type name) is unset; a map is empty.
  return value === undefined || (value as { $typeName?: unknown }).$typeName !== undefined ? undefined : {};
}

/** Sums numbers (or bigints), or maps of them key by key. */
function sumValues(values: unknown[]): unknown {
  const first = values[0];
  if (typeof first === "number") return values.reduce((a: number, b) => a + (b as number), 0);
  if (typeof first === "bigint") return values.reduce((a: bigint, b) => a + (b as bigint), 0n);
  const total: Record<string, unknown> = {};
  for (const map of values as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(map)) {
      const before = total[key];
      total[key] = before === undefined ? value : sumValues([before, value]);
    }
  }
  return total;
}
