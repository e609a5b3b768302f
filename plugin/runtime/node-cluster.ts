import { fromBinary, toBinary, type DescMessage } from "@bufbuild/protobuf";
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
 */
export class Cluster<T extends ClientTypes = ClientTypes> {
  private readonly binding: ClusterBinding;
  private readonly byPrefix: ReadonlyMap<string, Client<T>>;
  /** The clients, in the order the members were given. */
  readonly clients: readonly Client<T>[];

  constructor(binding: ClusterBinding, clients: readonly Client<T>[], prefixes: readonly string[]) {
    this.binding = binding;
    this.clients = clients;
    this.byPrefix = new Map(prefixes.map((prefix, i) => [prefix, clients[i]!]));
  }

  /** The client of the server that owns this id, if it is a member. */
  owner(id: string): Client<T> | undefined {
    return this.byPrefix.get(id.slice(0, this.binding.prefixLength).toLowerCase());
  }

  /**
   * Sends a one-way command to its owner, or to every server when the body
   * names none. Every member is tried even when one fails (disconnected,
   * back-pressure); then an AggregateError lists the failures, and the
   * members not in it did get the command.
   */
  send<C extends CmdOf<T["oneway"]>>(cmd: C, ...body: BodyArgs<T["oneway"][C]>): void {
    const owner = this.route(cmd, body[0]);
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
   * A request to its owner, or to every server with the answers merged:
   * protobuf merge rules (lists concatenated, maps joined, scalars of the
   * last server), except that count fields are summed. Rejects if any
   * server fails; requestAll() gives each server's result instead.
   */
  async request<C extends CmdOf<T["request"]>>(cmd: C, ...args: RequestArgs<T["request"][C]>): Promise<T["response"][C & keyof T["response"]]> {
    const owner = this.route(cmd, args[0]);
    if (owner !== undefined) return owner.request(cmd, ...args);
    const answers = await Promise.all(this.clients.map((client) => client.request(cmd, ...args)));
    return this.merge(cmd, answers);
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

  /** The owner of a routed command's body; undefined to go to all. Throws when the owner is not a member. */
  private route(cmd: number, body: unknown): Client<T> | undefined {
    if (!this.binding.routed(cmd)) return undefined;
    const id = (body as Record<string, unknown> | undefined)?.[this.binding.field];
    if (typeof id !== "string" || id === "") return undefined;
    const owner = this.owner(id);
    if (owner === undefined) {
      throw new ClientError("no-owner", `no member owns ${this.binding.field} "${id}" (prefix "${id.slice(0, this.binding.prefixLength)}")`, { cmd });
    }
    return owner;
  }

  private merge<R>(cmd: number, answers: R[]): R {
    const schema = this.binding.responseSchema(cmd);
    if (schema === undefined || answers.length === 1) return answers[0]!;
    const parts = answers.map((answer) => toBinary(schema, answer as never));
    const joined = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    const merged = fromBinary(schema, joined) as Record<string, unknown>;
    for (const field of this.binding.sum(cmd)) {
      const values = answers.map((answer) => (answer as Record<string, unknown>)[field]);
      merged[field] = sumValues(values);
    }
    return merged as R;
  }
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
