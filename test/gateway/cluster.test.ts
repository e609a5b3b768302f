/**
 * The cluster helper over two real gateways of each version: the first two
 * entries of NETSVR_V2_GATEWAYS (their server ids must differ) and of
 * NETSVR_V6_GATEWAYS; skipped with fewer than two. Customers on both
 * gateways, commands and queries through the cluster, answers merged.
 */
import { describe, expect, test } from "vitest";
import { Cmd as CmdV2 } from "../../generated/dist/v2/index.js";
import { createCluster as createClusterV2, type BusinessCluster } from "../../generated/dist/v2/node.js";
import { Cmd as CmdV6 } from "../../generated/dist/v6/index.js";
import { createCluster as createClusterV6, type TaskCluster } from "../../generated/dist/v6/node.js";
import { v2Gateways, v6Gateways, type V2Gateway, type V6Gateway } from "./support/env.js";
import { cleanups, useHarness } from "./support/harness.js";
import { bound, v2Business, v2Customer, type V2Business, type V2Customer } from "./support/v2.js";
import { v6Business, v6Customer, type V6Business } from "./support/v6.js";
import { bytes, token, within } from "./support/wait.js";

useHarness();

const duplicates = (list: readonly string[]): string[] => list.filter((item, i) => list.indexOf(item) !== i);

/**
 * Never called: checked by tsc (types.test.ts). Commands whose answers have
 * no correct merge across gateways are not offered by cluster.request().
 */
export function typeChecks(v2: BusinessCluster, v6: TaskCluster): void {
  // @ts-expect-error TopicCount counts distinct topics per gateway: no merge, requestAll() only
  void v2.request(CmdV2.TopicCount);
  // @ts-expect-error Metrics: no merge
  void v2.request(CmdV2.Metrics);
  // @ts-expect-error Limit: no merge
  void v2.request(CmdV2.Limit, { items: [] });
  void v2.requestAll(CmdV2.TopicCount);
  void v2.request(CmdV2.UniqIdCount);
  // @ts-expect-error TopicCount: no merge
  void v6.request(CmdV6.TopicCount);
  // @ts-expect-error CustomerIdCount: a customer may be on several gateways, no merge
  void v6.request(CmdV6.CustomerIdCount);
  // @ts-expect-error TopicCustomerIdCount: no merge
  void v6.request(CmdV6.TopicCustomerIdCount, { topics: ["t"] });
  // @ts-expect-error Metrics: no merge
  void v6.request(CmdV6.Metrics);
  // @ts-expect-error Limit: no merge
  void v6.request(CmdV6.Limit, {});
  void v6.requestAll(CmdV6.CustomerIdCount);
  void v6.request(CmdV6.UniqIdCount);
}

describe.skipIf(v2Gateways.length < 2)("cluster over two v2 gateways (netsvr v3)", () => {
  const members = (): [V2Gateway, V2Gateway] => [v2Gateways[0]!, v2Gateways[1]!];

  /** A hub (worker 1) on each gateway keeps customers open and names them; the cluster's own connections are not registered. */
  async function setup(): Promise<{ hubs: [V2Business, V2Business]; cluster: BusinessCluster }> {
    const [one, two] = members();
    expect(one.serverId, "the two v2 gateways need different server ids").not.toBe(two.serverId);
    const hubs: [V2Business, V2Business] = [await v2Business(one), await v2Business(two)];
    const cluster = await createClusterV2(members().map((gw) => ({ host: gw.host, port: gw.workerPort, uniqIdPrefix: gw.uniqIdPrefix, requestTimeout: bound })));
    cleanups.add(() => within(cluster.close(), 2 * bound, "cluster.close()"));
    return { hubs, cluster };
  }

  test("subscribers on both gateways: TopicUniqIdList lists both, TopicList has no duplicates, counts sum", async () => {
    const { hubs, cluster } = await setup();
    const onOne = await v2Customer(hubs[0]);
    const onTwo = await v2Customer(hubs[1]);
    const other = token("topic");
    for (const { uniqId } of [onOne, onTwo]) cluster.send(CmdV2.TopicSubscribe, { uniqId, topics: ["t", other] });

    const subscribers = await cluster.request(CmdV2.TopicUniqIdList, { topics: ["t"] });
    expect([...(subscribers.items["t"]?.uniqIds ?? [])].sort()).toEqual([onOne.uniqId, onTwo.uniqId].sort());
    const topics = await cluster.request(CmdV2.TopicList);
    expect(topics.topics).toEqual(expect.arrayContaining(["t", other]));
    expect(duplicates(topics.topics)).toEqual([]);
    expect((await cluster.request(CmdV2.TopicUniqIdCount, { topics: ["t", other] })).items).toEqual({ t: 2, [other]: 2 });

    const each = await cluster.requestAll(CmdV2.UniqIdCount);
    const counts = each.map((result) => (result.ok ? result.value.count : Number.NaN));
    expect(each.map((result) => (result.ok ? result.value.serverId : result.error))).toEqual(members().map((gw) => gw.serverId));
    expect((await cluster.request(CmdV2.UniqIdCount)).count).toBe(counts[0]! + counts[1]!);
    const list = await cluster.request(CmdV2.UniqIdList);
    expect(list.uniqIds).toEqual(expect.arrayContaining([onOne.uniqId, onTwo.uniqId]));
    expect(list.uniqIds).toHaveLength(counts[0]! + counts[1]!);
    const online = await cluster.request(CmdV2.CheckOnline, { uniqIds: [onOne.uniqId, onTwo.uniqId, `${members()[1].uniqIdPrefix}FFFFFFFFFFFFFFFF`] });
    expect([...online.uniqIds].sort()).toEqual([onOne.uniqId, onTwo.uniqId].sort());
    const info = await cluster.request(CmdV2.ConnInfo, { uniqIds: [onOne.uniqId, onTwo.uniqId] });
    expect(Object.keys(info.items).sort()).toEqual([onOne.uniqId, onTwo.uniqId].sort());

    // Commands without a merge rule: one answer per gateway, in member order.
    const topicCounts = await cluster.requestAll(CmdV2.TopicCount);
    expect(topicCounts.map((result) => result.ok && result.value.serverId)).toEqual(members().map((gw) => gw.serverId));
    const metrics = await cluster.requestAll(CmdV2.Metrics);
    expect(metrics.every((result) => result.ok)).toBe(true);
    const limits = await cluster.requestAll(CmdV2.Limit, { items: [] });
    expect(limits.every((result) => result.ok && result.value.items.length > 0)).toBe(true);
  });

  /** Customer `to` got `data`, and no one in `others` got anything before their own marker. */
  async function deliveredOnlyTo(cluster: BusinessCluster, data: string, to: V2Customer, others: readonly V2Customer[]): Promise<void> {
    expect(await to.customer.receive((m) => m === data, bound, `"${data}" at its customer`)).toBe(data);
    // v3 keeps a connection's one-way commands in order: had "data" gone to another customer, it
    // would arrive there before that customer's marker, sent after it.
    for (const other of others) {
      const from = other.customer.inbox.mark();
      const marker = token("marker");
      cluster.send(CmdV2.SingleCast, { uniqId: other.uniqId, data: bytes(marker) });
      await other.customer.receive((m) => m === marker, bound, "the marker", from);
      expect(other.customer.inbox.items.slice(from)).toEqual([marker]);
    }
  }

  test("a connection renamed through the cluster gets SingleCasts to its new id, and no other customer does", async () => {
    const { hubs, cluster } = await setup();
    const renamed = await v2Customer(hubs[0]);
    const others = [await v2Customer(hubs[0]), await v2Customer(hubs[1])];
    const newId = "user-42";
    cluster.send(CmdV2.ConnInfoUpdate, { uniqId: renamed.uniqId, newUniqId: newId });
    // The rename is done once the gateway answers a later request.
    expect((await cluster.request(CmdV2.CheckOnline, { uniqIds: [newId] })).uniqIds).toEqual([newId]);
    cluster.send(CmdV2.SingleCast, { uniqId: newId, data: bytes("to user 42") });
    await deliveredOnlyTo(cluster, "to user 42", { customer: renamed.customer, uniqId: newId }, others);
  });

  test("a renamed id that starts with the other gateway's prefix still reaches its customer", async () => {
    const { hubs, cluster } = await setup();
    const [one, two] = members();
    const renamed = await v2Customer(hubs[0]);
    const onTwo = await v2Customer(hubs[1]);
    // On gateway one, named as if gateway two owned it.
    const newId = `${two.uniqIdPrefix.toUpperCase()}-user-${token("u")}`;
    expect(newId.slice(0, 2).toLowerCase()).not.toBe(one.uniqIdPrefix);
    cluster.send(CmdV2.ConnInfoUpdate, { uniqId: renamed.uniqId, newUniqId: newId });
    const owners = await cluster.requestAll(CmdV2.CheckOnline, { uniqIds: [newId] });
    expect(owners.map((result) => result.ok && result.value.uniqIds)).toEqual([[newId], []]);
    cluster.send(CmdV2.SingleCast, { uniqId: newId, data: bytes("to the renamed one") });
    await deliveredOnlyTo(cluster, "to the renamed one", { customer: renamed.customer, uniqId: newId }, [onTwo]);
  });
});

describe.skipIf(v6Gateways.length < 2)("cluster over two v6 gateways (netsvr v8)", () => {
  const members = (): [V6Gateway, V6Gateway] => [v6Gateways[0]!, v6Gateways[1]!];

  /** A worker (all events) on each gateway names the customers; the cluster connects to the task ports. */
  async function setup(): Promise<{ hubs: [V6Business, V6Business]; cluster: TaskCluster }> {
    const [one, two] = members();
    const hubs: [V6Business, V6Business] = [await v6Business(one), await v6Business(two)];
    const cluster = await createClusterV6(members().map((gw) => ({ host: gw.taskHost, port: gw.taskPort, requestTimeout: bound })));
    cleanups.add(() => within(cluster.close(), 2 * bound, "cluster.close()"));
    return { hubs, cluster };
  }

  test("subscribers on both gateways: TopicUniqIdList lists both, TopicList has no duplicates, counts sum; customer ids merge", async () => {
    const { hubs, cluster } = await setup();
    const onOne = await v6Customer(hubs[0]);
    const onTwo = await v6Customer(hubs[1]);
    expect(cluster.owner(onOne.uniqId)).toBe(cluster.clients[0]);
    expect(cluster.owner(onTwo.uniqId)).toBe(cluster.clients[1]);
    const ann = token("ann");
    for (const { uniqId } of [onOne, onTwo]) {
      cluster.send(CmdV6.TopicSubscribe, { uniqId, topics: ["t"] });
      cluster.send(CmdV6.ConnInfoUpdate, { uniqId, newCustomerId: ann });
    }

    const subscribers = await cluster.request(CmdV6.TopicUniqIdList, { topics: ["t"] });
    expect([...(subscribers.items["t"]?.uniqIds ?? [])].sort()).toEqual([onOne.uniqId, onTwo.uniqId].sort());
    const topics = await cluster.request(CmdV6.TopicList);
    expect(topics.topics).toContain("t");
    expect(duplicates(topics.topics)).toEqual([]);
    expect((await cluster.request(CmdV6.TopicUniqIdCount, { topics: ["t"] })).items).toEqual({ t: 2 });

    const each = await cluster.requestAll(CmdV6.UniqIdCount);
    const counts = each.map((result) => (result.ok ? result.value.count : Number.NaN));
    expect((await cluster.request(CmdV6.UniqIdCount)).count).toBe(counts[0]! + counts[1]!);
    const list = await cluster.request(CmdV6.UniqIdList);
    expect(list.uniqIds).toEqual(expect.arrayContaining([onOne.uniqId, onTwo.uniqId]));
    expect(list.uniqIds).toHaveLength(counts[0]! + counts[1]!);

    // The same customer id on both gateways.
    const customerIds = await cluster.request(CmdV6.CustomerIdList);
    expect(customerIds.customerIds).toContain(ann);
    expect(duplicates(customerIds.customerIds)).toEqual([]);
    const topicCustomers = await cluster.request(CmdV6.TopicCustomerIdList, { topics: ["t"] });
    expect(topicCustomers.items["t"]?.customerIds).toEqual([ann]);
    const byCustomer = await cluster.request(CmdV6.TopicCustomerIdToUniqIdsList, { topics: ["t"] });
    expect([...(byCustomer.items["t"]?.items[ann]?.uniqIds ?? [])].sort()).toEqual([onOne.uniqId, onTwo.uniqId].sort());
    const infoByCustomer = await cluster.request(CmdV6.ConnInfoByCustomerId, { customerIds: [ann], reqUniqId: true });
    expect((infoByCustomer.items[ann]?.items ?? []).map((item) => item.uniqId).sort()).toEqual([onOne.uniqId, onTwo.uniqId].sort());
    const info = await cluster.request(CmdV6.ConnInfo, { uniqIds: [onOne.uniqId, onTwo.uniqId], reqCustomerId: true });
    expect(Object.values(info.items).map((item) => item.customerId)).toEqual([ann, ann]);

    // Commands without a merge rule: one answer per gateway, in member order.
    const customerCounts = await cluster.requestAll(CmdV6.CustomerIdCount);
    expect(customerCounts.map((result) => result.ok && result.value.count >= 1)).toEqual([true, true]);
    const topicCounts = await cluster.requestAll(CmdV6.TopicCount);
    expect(topicCounts.every((result) => result.ok && result.value.count >= 1)).toBe(true);
    const perTopic = await cluster.requestAll(CmdV6.TopicCustomerIdCount, { topics: ["t"] });
    expect(perTopic.map((result) => result.ok && result.value.items["t"])).toEqual([1, 1]);
    expect((await cluster.requestAll(CmdV6.Metrics)).every((result) => result.ok)).toBe(true);
    expect((await cluster.requestAll(CmdV6.Limit, {})).every((result) => result.ok && result.value.onMessage > 0)).toBe(true);
  });

  test("a SingleCast through the cluster reaches the customer on the gateway that owns its uniqId", async () => {
    const { hubs, cluster } = await setup();
    const onTwo = await v6Customer(hubs[1]);
    cluster.send(CmdV6.SingleCast, { uniqId: onTwo.uniqId, data: bytes("to two") });
    expect(await onTwo.customer.receive((m) => m === "to two", bound, "the SingleCast")).toBe("to two");
  });
});
