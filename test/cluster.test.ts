import { afterEach, describe, expect, test } from "vitest";
import { Cmd } from "../generated/dist/v2/index.js";
import { ClientError, createCluster, type BusinessCluster } from "../generated/dist/v2/node.js";
import { startTestGateway, type TestGateway } from "./support/test-gateway.js";

// The v2 cluster helper against two fake gateways (server ids 1 and 2): a
// v2 uniqId starts with its gateway's server id in 2 hex digits.

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

async function twoGateways(): Promise<{ one: TestGateway; two: TestGateway; cluster: BusinessCluster }> {
  const one = await startTestGateway({ serverId: 1 });
  const two = await startTestGateway({ serverId: 2 });
  opened.push(one, two);
  const member = (gateway: TestGateway, uniqIdPrefix: string) => ({ host: gateway.host, port: gateway.port, uniqIdPrefix, heartbeatInterval: 0 });
  const cluster = await createCluster([member(one, "01"), member(two, "02")]);
  opened.push(cluster);
  return { one, two, cluster };
}

describe("cluster (v2)", () => {
  test("a uniqId command goes to the gateway whose server id starts the uniqId, and only there", async () => {
    const { one, two, cluster } = await twoGateways();
    const onTwo = two.openCustomer({});
    expect(onTwo.uniqId.slice(0, 2)).toBe("02");
    expect(cluster.owner(onTwo.uniqId)).toBe(cluster.clients[1]);
    cluster.send(Cmd.SingleCast, { uniqId: onTwo.uniqId, data: new TextEncoder().encode("hi") });
    const inbox = await two.waitForDelivery(onTwo.uniqId, 1);
    expect(new TextDecoder().decode(inbox[0])).toBe("hi");
    // The other gateway never saw a SingleCast.
    await cluster.request(Cmd.UniqIdCount);
    expect(one.received.some((r) => r.frame?.cmd === Cmd.SingleCast)).toBe(false);
  });

  test("a one-way command without a uniqId goes to every gateway", async () => {
    const { one, two, cluster } = await twoGateways();
    const a = one.openCustomer({});
    const b = two.openCustomer({});
    cluster.send(Cmd.Broadcast, { data: new Uint8Array([1, 2]) });
    // Compared as arrays: the gateway's inbox holds views into socket Buffers.
    expect([...(await one.waitForDelivery(a.uniqId, 1))[0]!]).toEqual([1, 2]);
    expect([...(await two.waitForDelivery(b.uniqId, 1))[0]!]).toEqual([1, 2]);
  });

  test("queries fan out and merge: counts are summed, lists joined, maps summed key by key", async () => {
    const { one, two, cluster } = await twoGateways();
    const a = one.openCustomer({ topics: ["news"] });
    const b = two.openCustomer({ topics: ["news", "sport"] });
    two.openCustomer({});
    expect((await cluster.request(Cmd.UniqIdCount)).count).toBe(3);
    const online = await cluster.request(Cmd.CheckOnline, { uniqIds: [a.uniqId, b.uniqId, "02ffffffffffffffff"] });
    expect([...online.uniqIds].sort()).toEqual([a.uniqId, b.uniqId].sort());
    const perTopic = await cluster.request(Cmd.TopicUniqIdCount, { topics: ["news", "sport"] });
    expect(perTopic.items).toEqual({ news: 2, sport: 1 });
    const list = await cluster.request(Cmd.UniqIdList);
    expect(list.uniqIds).toHaveLength(3);
  });

  test("requestAll gives each gateway's own answer, in member order", async () => {
    const { one, two, cluster } = await twoGateways();
    one.openCustomer({});
    const results = await cluster.requestAll(Cmd.UniqIdCount);
    expect(results.map((r) => (r.ok ? [r.prefix, r.value.serverId, r.value.count] : r.error))).toEqual([
      ["01", 1, 1],
      ["02", 2, 0],
    ]);
  });

  test("a command for all still reaches every member that can take it, and the error names the others", async () => {
    const { one, two, cluster } = await twoGateways();
    const b = two.openCustomer({});
    await one.stop();
    await one.waitForDisconnect();
    // The first member is down (reconnecting); the second must still get the broadcast.
    await new Promise<void>((resolve) => (cluster.clients[0]!.state === "open" ? cluster.clients[0]!.on("disconnect", () => resolve()) : resolve()));
    let error: unknown;
    try {
      cluster.send(Cmd.Broadcast, { data: new Uint8Array([7]) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: ClientError) => e.code)).toEqual(["not-connected"]);
    expect([...(await two.waitForDelivery(b.uniqId, 1))[0]!]).toEqual([7]);
  });

  test("a uniqId no member owns is a typed error, and nothing is sent", async () => {
    const { one, two, cluster } = await twoGateways();
    let error: unknown;
    try {
      cluster.send(Cmd.SingleCast, { uniqId: "09aaaaaaaaaaaaaaaa", data: new Uint8Array([1]) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe("no-owner");
    await cluster.request(Cmd.UniqIdCount);
    expect([...one.received, ...two.received].some((r) => r.frame?.cmd === Cmd.SingleCast)).toBe(false);
  });

  test("members must have distinct prefixes of the right length", async () => {
    const one = await startTestGateway({ serverId: 1 });
    opened.push(one);
    const member = { host: one.host, port: one.port };
    await expect(createCluster([member])).rejects.toThrow("give uniqIdPrefix");
    await expect(createCluster([{ ...member, uniqIdPrefix: "1" }])).rejects.toThrow("must have 2 characters");
    await expect(createCluster([{ ...member, uniqIdPrefix: "01" }, { ...member, uniqIdPrefix: "01" }])).rejects.toThrow("share the uniqId prefix");
  });

  test("if one member cannot connect, the others are closed and the error is thrown", async () => {
    const one = await startTestGateway({ serverId: 1 });
    const gone = await startTestGateway({ serverId: 2 });
    opened.push(one);
    await gone.close();
    await expect(
      createCluster([
        { host: one.host, port: one.port, uniqIdPrefix: "01" },
        { host: gone.host, port: gone.port, uniqIdPrefix: "02" },
      ]),
    ).rejects.toThrow("ECONNREFUSED");
    await one.waitForDisconnect();
  });
});
