import { lookup } from "node:dns/promises";
import { isIPv4 } from "node:net";
import { Cmd as Cmd2 } from "netsvr-protocol/v2";
import { createCluster as createCluster2, type BusinessCluster, type ClientOptions, type MemberResult } from "netsvr-protocol/v2/node";
import { Cmd as Cmd6 } from "netsvr-protocol/v6";
import { createCluster as createCluster6, type TaskCluster } from "netsvr-protocol/v6/node";
import type { GatewaySpec, Protocol, Settings } from "./config.js";
import { CliError, Exit, toCliError } from "./errors.js";
import { checkGateway } from "./probe.js";

/**
 * The gateways of one run as one object, for both protocol versions: what
 * the commands need, through the cluster helper of netsvr-protocol
 * (`createCluster`). Queries whose answers merge correctly go through
 * `cluster.request` (sums of connections, unions of topic and customerId
 * lists); counts of things several gateways may share (TopicCount,
 * CustomerIdCount, ...), Metrics and Limit go through `cluster.requestAll`
 * and stay per gateway.
 */

/** One gateway's answer, or why it has none. */
export type PerGateway<T> = { readonly gateway: string; readonly ok: true; readonly value: T } | { readonly gateway: string; readonly ok: false; readonly error: CliError };

export type Limits =
  | { readonly protocol: "v2"; readonly items: readonly { readonly name: string; readonly concurrency: number; readonly workerIds: readonly number[] }[] }
  | { readonly protocol: "v6"; readonly onOpen: number; readonly onMessage: number };

export interface GatewayStatus {
  readonly serverId?: number;
  readonly connections: number;
  /** v6 only. */
  readonly customerIds?: number;
  readonly topics: number;
  readonly limits: Limits;
}

export interface StatusTotal {
  /** Sum of UniqIdCount: a connection is on one gateway. */
  readonly connections: number;
  /** v6: the size of the union of CustomerIdList (a customerId may be on several gateways). */
  readonly customerIds?: number;
  /** The size of the union of TopicList (a topic may be on several gateways). */
  readonly topics: number;
}

export interface MetricItem {
  readonly item: number;
  readonly count: bigint;
  readonly meanRate: number;
  readonly rate1: number;
  readonly rate5: number;
  readonly rate15: number;
}

export interface GatewayMetrics {
  readonly connections: number;
  readonly items: readonly MetricItem[];
}

/** One connection, as ConnInfo / ConnInfoByCustomerId / TopicUniqIdList describe it. */
export interface Connection {
  readonly uniqId: string;
  readonly gateway: string;
  readonly session: string;
  /** v6 only. */
  readonly customerId?: string;
  readonly topics: readonly string[];
}

export interface TopicCount {
  readonly connections: number;
  /** v6 only: distinct customerIds subscribed, over all gateways. */
  readonly customerIds?: number;
}

export interface Gateways {
  readonly protocol: Protocol;
  /** The gateways' names (their addresses as given), in order. */
  readonly names: readonly string[];
  /** v2: each gateway's server id, from its answer. */
  readonly serverIds: readonly (number | undefined)[];
  status(): Promise<{ readonly gateways: readonly PerGateway<GatewayStatus>[]; readonly total: StatusTotal | undefined | CliError }>;
  metrics(): Promise<readonly PerGateway<GatewayMetrics>[]>;
  /** The online connections among these uniqIds, with their gateway. */
  connInfo(uniqIds: readonly string[]): Promise<Connection[]>;
  /** v6: the connections of these customerIds. */
  connInfoByCustomerId(customerIds: readonly string[]): Promise<Connection[]>;
  /** Every topic and the gateways that have it. */
  topics(): Promise<Map<string, string[]>>;
  topicCounts(topics: readonly string[]): Promise<Map<string, TopicCount>>;
  /** The subscribers of a topic, with their gateway. */
  topicMembers(topic: string): Promise<Connection[]>;
  /** The connections over every gateway (a sum, each is on one). */
  connections(): Promise<number>;
  singleCast(uniqId: string, data: Uint8Array): void;
  singleCastByCustomerId(customerId: string, data: Uint8Array): void;
  publish(topic: string, data: Uint8Array): void;
  broadcast(data: Uint8Array): void;
  forceOffline(uniqIds: readonly string[], data: Uint8Array): void;
  forceOfflineByCustomerId(customerIds: readonly string[], data: Uint8Array): void;
  forceOfflineGuest(uniqIds: readonly string[], delay: number, data: Uint8Array): void;
  /** Resolves once every gateway has read what was sent before (a round trip on each connection). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The hex of an IPv4 address and port: how a v6 uniqId starts on the gateway whose task port that is. */
export function v6Prefix(ipv4: string, port: number): string {
  return ipv4
    .split(".")
    .map((octet) => Number(octet).toString(16).padStart(2, "0"))
    .join("")
    .concat(port.toString(16).padStart(4, "0"));
}

/** The task address a v6 uniqId names (its first 12 hex digits), e.g. 127.0.0.1:18062. */
export function v6PrefixAddress(uniqId: string): string | undefined {
  if (!/^[0-9a-f]{12}/i.test(uniqId)) return undefined;
  const octets = [0, 2, 4, 6].map((i) => parseInt(uniqId.slice(i, i + 2), 16));
  return `${octets.join(".")}:${parseInt(uniqId.slice(8, 12), 16)}`;
}

export interface OpenOptions {
  /** Keep going across drops (top): the clients reconnect. Default: fail at the first drop. */
  readonly reconnect?: boolean;
}

/** Probes every gateway, then connects to all of them through the cluster helper. */
export async function openGateways(settings: Settings, options: OpenOptions = {}): Promise<Gateways> {
  const probes = await Promise.all(
    settings.gateways.map(async (spec) => {
      const { serverId } = await checkGateway(settings.protocol, spec.name, spec.address, settings.timeout);
      if (spec.serverId !== undefined && serverId !== undefined && spec.serverId !== serverId) {
        throw new CliError(Exit.wrongRole, `${spec.name} answers with server id ${serverId}, not ${spec.serverId} as given`);
      }
      return serverId;
    }),
  );
  const clientOptions = (spec: GatewaySpec): ClientOptions => ({
    host: spec.address.host,
    port: spec.address.port,
    connectTimeout: settings.timeout,
    requestTimeout: settings.timeout,
    reconnect: options.reconnect === true ? { initialDelay: 200, maxDelay: 2000 } : false,
  });
  try {
    if (settings.protocol === "v2") {
      const seen = new Map<number, string>();
      settings.gateways.forEach((spec, i) => {
        const id = probes[i]!;
        const other = seen.get(id!);
        if (other !== undefined) throw new CliError(Exit.usage, `${other} and ${spec.name} both have server id ${id}: the gateways of one cluster need different ones (their uniqIds start with it)`);
        seen.set(id!, spec.name);
      });
      const cluster = await createCluster2(settings.gateways.map((spec, i) => ({ ...clientOptions(spec), uniqIdPrefix: probes[i]!.toString(16).padStart(2, "0") })));
      // Errors without a caller (a reconnect that failed) show in the answers that fail; nothing to throw here.
      cluster.clients.forEach((client) => client.on("error", () => undefined));
      return new V2Gateways(cluster, settings.gateways, probes);
    }
    const prefixes = await Promise.all(
      settings.gateways.map(async (spec) => {
        const host = isIPv4(spec.address.host) ? spec.address.host : (await lookup(spec.address.host, { family: 4 })).address;
        return v6Prefix(host, spec.address.port);
      }),
    );
    const cluster = await createCluster6(settings.gateways.map((spec, i) => ({ ...clientOptions(spec), uniqIdPrefix: prefixes[i]! })));
    cluster.clients.forEach((client) => client.on("error", () => undefined));
    return new V6Gateways(cluster, settings.gateways);
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(Exit.usage, error.message);
    throw toCliError(error, settings.gateways.map((spec) => spec.name).join(", "));
  }
}

/** Each member's answer, named by its gateway; the first failure is thrown. */
function every<T>(names: readonly string[], results: readonly MemberResult<T>[], what: string): T[] {
  return results.map((result, i) => {
    if (!result.ok) throw toCliError(result.error, `${names[i]}: ${what}`);
    return result.value;
  });
}

/** The rate fields both versions' MetricsRespItem have. */
interface MetricsItemRates {
  readonly count: bigint;
  readonly meanRate: number;
  readonly rate1: number;
  readonly rate5: number;
  readonly rate15: number;
}

/** Each gateway's Metrics items (sorted by item) and its connection count, or why it has none. */
function metricsPerGateway(
  names: readonly string[],
  metrics: readonly MemberResult<{ readonly items: { readonly [item: number]: MetricsItemRates } }>[],
  counts: readonly MemberResult<{ readonly count: number }>[],
): PerGateway<GatewayMetrics>[] {
  return names.map((gateway, i): PerGateway<GatewayMetrics> => {
    const [m, c] = [metrics[i]!, counts[i]!];
    if (!m.ok) return { gateway, ok: false, error: toCliError(m.error, `${gateway}: Metrics`) };
    if (!c.ok) return { gateway, ok: false, error: toCliError(c.error, `${gateway}: UniqIdCount`) };
    const items = Object.entries(m.value.items).map(([key, item]) => ({ item: Number(key), count: item.count, meanRate: item.meanRate, rate1: item.rate1, rate5: item.rate5, rate15: item.rate15 }));
    return { gateway, ok: true, value: { connections: c.value.count, items: items.sort((a, b) => a.item - b.item) } };
  });
}

async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toCliError(error, what);
  }
}

function sendToAll(what: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    throw toCliError(error, what);
  }
}

/** Protocol v2 (netsvr v3): one port per gateway, server ids. */
class V2Gateways implements Gateways {
  readonly protocol = "v2" as const;
  readonly names: readonly string[];

  constructor(
    private readonly cluster: BusinessCluster,
    specs: readonly GatewaySpec[],
    readonly serverIds: readonly (number | undefined)[],
  ) {
    this.names = specs.map((spec) => spec.name);
  }

  async status(): ReturnType<Gateways["status"]> {
    const [counts, topics, limits] = await Promise.all([
      this.cluster.requestAll(Cmd2.UniqIdCount),
      this.cluster.requestAll(Cmd2.TopicCount),
      this.cluster.requestAll(Cmd2.Limit, { items: [] }),
    ]);
    const gateways = this.names.map((gateway, i): PerGateway<GatewayStatus> => {
      const [count, topic, limit] = [counts[i]!, topics[i]!, limits[i]!];
      if (!count.ok || !topic.ok || !limit.ok) {
        const failed = [count, topic, limit].find((result) => !result.ok) as { error: unknown };
        return { gateway, ok: false, error: toCliError(failed.error, gateway) };
      }
      return {
        gateway,
        ok: true,
        value: {
          serverId: count.value.serverId,
          connections: count.value.count,
          topics: topic.value.count,
          limits: {
            protocol: "v2",
            // The gateway lists its groups in map order; by name they read the same every time.
            items: limit.value.items
              .map((item) => ({ name: item.name, concurrency: item.concurrency, workerIds: [...item.workerIds] }))
              .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
          },
        },
      };
    });
    let total: StatusTotal | undefined | CliError;
    if (this.names.length > 1) {
      try {
        const [connections, topicList] = await Promise.all([this.cluster.request(Cmd2.UniqIdCount), this.cluster.request(Cmd2.TopicList)]);
        total = { connections: connections.count, topics: topicList.topics.length };
      } catch (error) {
        total = toCliError(error, "the total");
      }
    }
    return { gateways, total };
  }

  async metrics(): Promise<PerGateway<GatewayMetrics>[]> {
    const [metrics, counts] = await Promise.all([this.cluster.requestAll(Cmd2.Metrics), this.cluster.requestAll(Cmd2.UniqIdCount)]);
    return metricsPerGateway(this.names, metrics, counts);
  }

  async connInfo(uniqIds: readonly string[]): Promise<Connection[]> {
    if (uniqIds.length === 0) return [];
    const answers = every(this.names, await this.cluster.requestAll(Cmd2.ConnInfo, { uniqIds: [...uniqIds] }), "ConnInfo");
    return answers.flatMap((answer, i) => Object.entries(answer.items).map(([uniqId, item]) => ({ uniqId, gateway: this.names[i]!, session: item.session, topics: [...item.topics] })));
  }

  connInfoByCustomerId(): Promise<Connection[]> {
    return Promise.reject(new CliError(Exit.usage, "customerIds are protocol v6 (netsvr v8) only"));
  }

  async topics(): Promise<Map<string, string[]>> {
    const answers = every(this.names, await this.cluster.requestAll(Cmd2.TopicList), "TopicList");
    return topicGateways(this.names, answers.map((answer) => answer.topics));
  }

  async topicCounts(topics: readonly string[]): Promise<Map<string, TopicCount>> {
    if (topics.length === 0) return new Map();
    // Subscribers are connections, each on one gateway: the per-topic sum is right.
    const answer = await call("TopicUniqIdCount", () => this.cluster.request(Cmd2.TopicUniqIdCount, { topics: [...topics] }));
    return new Map(topics.map((topic) => [topic, { connections: answer.items[topic] ?? 0 }]));
  }

  async topicMembers(topic: string): Promise<Connection[]> {
    const lists = every(this.names, await this.cluster.requestAll(Cmd2.TopicUniqIdList, { topics: [topic] }), "TopicUniqIdList");
    const perGateway = await Promise.all(
      lists.map(async (list, i): Promise<Connection[]> => {
        const uniqIds = list.items[topic]?.uniqIds ?? [];
        if (uniqIds.length === 0) return [];
        const info = await call(`${this.names[i]}: ConnInfo`, () => this.cluster.clients[i]!.request(Cmd2.ConnInfo, { uniqIds: [...uniqIds] }));
        return uniqIds.map((uniqId) => ({ uniqId, gateway: this.names[i]!, session: info.items[uniqId]?.session ?? "", topics: [...(info.items[uniqId]?.topics ?? [])] }));
      }),
    );
    return perGateway.flat();
  }

  async connections(): Promise<number> {
    return (await call("UniqIdCount", () => this.cluster.request(Cmd2.UniqIdCount))).count;
  }

  singleCast(uniqId: string, data: Uint8Array): void {
    sendToAll("SingleCast", () => this.cluster.send(Cmd2.SingleCast, { uniqId, data }));
  }

  singleCastByCustomerId(): void {
    throw new CliError(Exit.usage, "customerIds are protocol v6 (netsvr v8) only");
  }

  publish(topic: string, data: Uint8Array): void {
    sendToAll("TopicPublish", () => this.cluster.send(Cmd2.TopicPublish, { topics: [topic], data }));
  }

  broadcast(data: Uint8Array): void {
    sendToAll("Broadcast", () => this.cluster.send(Cmd2.Broadcast, { data }));
  }

  forceOffline(uniqIds: readonly string[], data: Uint8Array): void {
    sendToAll("ForceOffline", () => this.cluster.send(Cmd2.ForceOffline, { uniqIds: [...uniqIds], data }));
  }

  forceOfflineByCustomerId(): void {
    throw new CliError(Exit.usage, "customerIds are protocol v6 (netsvr v8) only");
  }

  forceOfflineGuest(uniqIds: readonly string[], delay: number, data: Uint8Array): void {
    sendToAll("ForceOfflineGuest", () => this.cluster.send(Cmd2.ForceOfflineGuest, { uniqIds: [...uniqIds], delay, data }));
  }

  async sync(): Promise<void> {
    every(this.names, await this.cluster.requestAll(Cmd2.UniqIdCount), "UniqIdCount");
  }

  close(): Promise<void> {
    return this.cluster.close();
  }
}

/** Protocol v6 (netsvr v8): the task port of each gateway; uniqIds start with its address. */
class V6Gateways implements Gateways {
  readonly protocol = "v6" as const;
  readonly names: readonly string[];
  readonly serverIds: readonly (number | undefined)[];

  constructor(
    private readonly cluster: TaskCluster,
    specs: readonly GatewaySpec[],
  ) {
    this.names = specs.map((spec) => spec.name);
    this.serverIds = specs.map(() => undefined);
  }

  async status(): ReturnType<Gateways["status"]> {
    const [counts, customers, topics, limits] = await Promise.all([
      this.cluster.requestAll(Cmd6.UniqIdCount),
      this.cluster.requestAll(Cmd6.CustomerIdCount),
      this.cluster.requestAll(Cmd6.TopicCount),
      // Values <= 0 change nothing: a pure query of the current limits.
      this.cluster.requestAll(Cmd6.Limit, { onOpen: 0, onMessage: 0 }),
    ]);
    const gateways = this.names.map((gateway, i): PerGateway<GatewayStatus> => {
      const [count, customer, topic, limit] = [counts[i]!, customers[i]!, topics[i]!, limits[i]!];
      if (!count.ok || !customer.ok || !topic.ok || !limit.ok) {
        const failed = [count, customer, topic, limit].find((result) => !result.ok) as { error: unknown };
        return { gateway, ok: false, error: toCliError(failed.error, gateway) };
      }
      return {
        gateway,
        ok: true,
        value: {
          connections: count.value.count,
          customerIds: customer.value.count,
          topics: topic.value.count,
          limits: { protocol: "v6", onOpen: limit.value.onOpen, onMessage: limit.value.onMessage },
        },
      };
    });
    let total: StatusTotal | undefined | CliError;
    if (this.names.length > 1) {
      try {
        const [connections, customerIds, topicList] = await Promise.all([
          this.cluster.request(Cmd6.UniqIdCount),
          this.cluster.request(Cmd6.CustomerIdList),
          this.cluster.request(Cmd6.TopicList),
        ]);
        total = { connections: connections.count, customerIds: customerIds.customerIds.length, topics: topicList.topics.length };
      } catch (error) {
        total = toCliError(error, "the total");
      }
    }
    return { gateways, total };
  }

  async metrics(): Promise<PerGateway<GatewayMetrics>[]> {
    const [metrics, counts] = await Promise.all([this.cluster.requestAll(Cmd6.Metrics), this.cluster.requestAll(Cmd6.UniqIdCount)]);
    return metricsPerGateway(this.names, metrics, counts);
  }

  async connInfo(uniqIds: readonly string[]): Promise<Connection[]> {
    if (uniqIds.length === 0) return [];
    const answers = every(this.names, await this.cluster.requestAll(Cmd6.ConnInfo, { uniqIds: [...uniqIds], reqSession: true, reqCustomerId: true, reqTopic: true }), "ConnInfo");
    return answers.flatMap((answer, i) =>
      Object.entries(answer.items).map(([uniqId, item]) => ({ uniqId, gateway: this.names[i]!, session: item.session, customerId: item.customerId, topics: [...item.topics] })),
    );
  }

  async connInfoByCustomerId(customerIds: readonly string[]): Promise<Connection[]> {
    if (customerIds.length === 0) return [];
    const answers = every(
      this.names,
      await this.cluster.requestAll(Cmd6.ConnInfoByCustomerId, { customerIds: [...customerIds], reqSession: true, reqUniqId: true, reqTopic: true }),
      "ConnInfoByCustomerId",
    );
    return answers.flatMap((answer, i) =>
      Object.entries(answer.items).flatMap(([customerId, list]) =>
        list.items.map((item) => ({ uniqId: item.uniqId, gateway: this.names[i]!, session: item.session, customerId, topics: [...item.topics] })),
      ),
    );
  }

  async topics(): Promise<Map<string, string[]>> {
    const answers = every(this.names, await this.cluster.requestAll(Cmd6.TopicList), "TopicList");
    return topicGateways(this.names, answers.map((answer) => answer.topics));
  }

  async topicCounts(topics: readonly string[]): Promise<Map<string, TopicCount>> {
    if (topics.length === 0) return new Map();
    // Connections: the per-topic sum is right (each is on one gateway). CustomerIds: a customer may be
    // subscribed on several gateways, so the union of the lists (TopicCustomerIdCount has no merge).
    const [connections, customers] = await Promise.all([
      call("TopicUniqIdCount", () => this.cluster.request(Cmd6.TopicUniqIdCount, { topics: [...topics] })),
      call("TopicCustomerIdList", () => this.cluster.request(Cmd6.TopicCustomerIdList, { topics: [...topics] })),
    ]);
    return new Map(topics.map((topic) => [topic, { connections: connections.items[topic] ?? 0, customerIds: customers.items[topic]?.customerIds.length ?? 0 }]));
  }

  async topicMembers(topic: string): Promise<Connection[]> {
    const lists = every(this.names, await this.cluster.requestAll(Cmd6.TopicUniqIdList, { topics: [topic] }), "TopicUniqIdList");
    const perGateway = await Promise.all(
      lists.map(async (list, i): Promise<Connection[]> => {
        const uniqIds = list.items[topic]?.uniqIds ?? [];
        if (uniqIds.length === 0) return [];
        const info = await call(`${this.names[i]}: ConnInfo`, () =>
          this.cluster.clients[i]!.request(Cmd6.ConnInfo, { uniqIds: [...uniqIds], reqSession: true, reqCustomerId: true, reqTopic: true }),
        );
        return uniqIds.map((uniqId) => {
          const item = info.items[uniqId];
          return { uniqId, gateway: this.names[i]!, session: item?.session ?? "", customerId: item?.customerId ?? "", topics: [...(item?.topics ?? [])] };
        });
      }),
    );
    return perGateway.flat();
  }

  async connections(): Promise<number> {
    return (await call("UniqIdCount", () => this.cluster.request(Cmd6.UniqIdCount))).count;
  }

  singleCast(uniqId: string, data: Uint8Array): void {
    try {
      this.cluster.send(Cmd6.SingleCast, { uniqId, data });
    } catch (error) {
      const cli = toCliError(error, "SingleCast");
      const owner = v6PrefixAddress(uniqId);
      if (cli.exitCode === Exit.notFound && owner !== undefined) {
        throw new CliError(Exit.notFound, `uniqId ${uniqId} belongs to the gateway whose task port is ${owner}, which is not among ${this.names.join(", ")}`);
      }
      throw cli;
    }
  }

  singleCastByCustomerId(customerId: string, data: Uint8Array): void {
    sendToAll("SingleCastByCustomerId", () => this.cluster.send(Cmd6.SingleCastByCustomerId, { customerId, data }));
  }

  publish(topic: string, data: Uint8Array): void {
    sendToAll("TopicPublish", () => this.cluster.send(Cmd6.TopicPublish, { topics: [topic], data }));
  }

  broadcast(data: Uint8Array): void {
    sendToAll("Broadcast", () => this.cluster.send(Cmd6.Broadcast, { data }));
  }

  forceOffline(uniqIds: readonly string[], data: Uint8Array): void {
    sendToAll("ForceOffline", () => this.cluster.send(Cmd6.ForceOffline, { uniqIds: [...uniqIds], data }));
  }

  forceOfflineByCustomerId(customerIds: readonly string[], data: Uint8Array): void {
    sendToAll("ForceOfflineByCustomerId", () => this.cluster.send(Cmd6.ForceOfflineByCustomerId, { customerIds: [...customerIds], data }));
  }

  forceOfflineGuest(uniqIds: readonly string[], delay: number, data: Uint8Array): void {
    sendToAll("ForceOfflineGuest", () => this.cluster.send(Cmd6.ForceOfflineGuest, { uniqIds: [...uniqIds], delay, data }));
  }

  async sync(): Promise<void> {
    every(this.names, await this.cluster.requestAll(Cmd6.UniqIdCount), "UniqIdCount");
  }

  close(): Promise<void> {
    return this.cluster.close();
  }
}

function topicGateways(names: readonly string[], lists: readonly (readonly string[])[]): Map<string, string[]> {
  const byTopic = new Map<string, string[]>();
  lists.forEach((topics, i) => {
    for (const topic of topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), names[i]!]);
  });
  return new Map([...byTopic].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
