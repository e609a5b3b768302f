import { afterEach, describe, expect, test } from "vitest";
import { Cmd } from "../generated/dist/v2/index.js";
import { ClientError, connect, createCluster, type BusinessClient, type BusinessCluster } from "../generated/dist/v2/node.js";
import { startTestGateway, type TestGateway } from "./support/test-gateway.js";

// The v2 cluster helper against two fake gateways (server ids 1 and 2): a
// v2 uniqId starts with its gateway's server id in 2 hex digits, until
// ConnInfoUpdate renames it, so the cluster routes by owners it learned.

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
});

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const texts = (inbox: readonly Uint8Array[]): string[] => inbox.map((b) => new TextDecoder().decode(b));

/** The next event of cmd on a member: the cluster's own handler, added first, has run by then. */
function nextEvent(client: BusinessClient, cmd: typeof Cmd.ConnOpen | typeof Cmd.ConnClose | typeof Cmd.Transfer): Promise<void> {
  return new Promise((resolve) => {
    const off = client.on(cmd, () => {
      off();
      resolve();
    });
  });
}

/** Two gateways and a cluster of them; with register, every member registers as worker 1, so events reach the cluster. */
async function twoGateways(options: { register?: boolean; maxKnownOwners?: number } = {}): Promise<{ one: TestGateway; two: TestGateway; cluster: BusinessCluster }> {
  const one = await startTestGateway({ serverId: 1 });
  const two = await startTestGateway({ serverId: 2 });
  opened.push(one, two);
  const member = (gateway: TestGateway, uniqIdPrefix: string) => ({ host: gateway.host, port: gateway.port, uniqIdPrefix, heartbeatInterval: 0 });
  const cluster = await createCluster([member(one, "01"), member(two, "02")], options.maxKnownOwners === undefined ? {} : { maxKnownOwners: options.maxKnownOwners });
  opened.push(cluster);
  if (options.register === true) {
    await Promise.all(cluster.clients.map((client, i) => client.register({ workerId: 1, serverId: i + 1 })));
  }
  return { one, two, cluster };
}

describe("cluster (v2)", () => {
  test("a uniqId the cluster learned from ConnOpen goes to its gateway only", async () => {
    const { one, two, cluster } = await twoGateways({ register: true });
    const opening = nextEvent(cluster.clients[1]!, Cmd.ConnOpen);
    const onTwo = two.openCustomer({});
    await opening;
    expect(cluster.owner(onTwo.uniqId)).toBe(cluster.clients[1]);
    cluster.send(Cmd.SingleCast, { uniqId: onTwo.uniqId, data: text("hi") });
    expect(texts(await two.waitForDelivery(onTwo.uniqId, 1))).toEqual(["hi"]);
    await cluster.request(Cmd.UniqIdCount);
    expect(one.received.some((r) => r.frame?.cmd === Cmd.SingleCast)).toBe(false);
  });

  test("a uniqId not learned goes to every gateway (after renames a prefix proves nothing); only its owner delivers", async () => {
    const { one, two, cluster } = await twoGateways();
    const onTwo = two.openCustomer({});
    expect(cluster.owner(onTwo.uniqId)).toBeUndefined();
    cluster.send(Cmd.SingleCast, { uniqId: onTwo.uniqId, data: text("hi") });
    expect(texts(await two.waitForDelivery(onTwo.uniqId, 1))).toEqual(["hi"]);
    await one.waitForFrame((r) => r.frame?.cmd === Cmd.SingleCast);
  });

  test("a rename sent through the cluster moves the owner: an id with the other gateway's prefix still reaches its customer", async () => {
    const { one, two, cluster } = await twoGateways({ register: true });
    const opening = nextEvent(cluster.clients[0]!, Cmd.ConnOpen);
    const customer = one.openCustomer({});
    await opening;
    expect(cluster.owner(customer.uniqId)).toBe(cluster.clients[0]);
    cluster.send(Cmd.ConnInfoUpdate, { uniqId: customer.uniqId, newUniqId: "02-user-42" });
    expect(cluster.owner("02-user-42")).toBe(cluster.clients[0]);
    expect(cluster.owner(customer.uniqId)).toBeUndefined();
    await one.waitUntil(() => one.customer("02-user-42")?.online, "the rename");
    cluster.send(Cmd.SingleCast, { uniqId: "02-user-42", data: text("welcome") });
    expect(texts(await one.waitForDelivery("02-user-42", 1))).toEqual(["welcome"]);
    await cluster.request(Cmd.UniqIdCount);
    expect(two.received.some((r) => r.frame?.cmd === Cmd.SingleCast || r.frame?.cmd === Cmd.ConnInfoUpdate)).toBe(false);
  });

  test("a Transfer teaches the owner of an id renamed elsewhere; ConnClose forgets it", async () => {
    const { two, cluster } = await twoGateways({ register: true });
    const opening = nextEvent(cluster.clients[1]!, Cmd.ConnOpen);
    const customer = two.openCustomer({});
    await opening;
    // Renamed by another business process: the cluster did not see it.
    const other = await connect({ host: two.host, port: two.port, heartbeatInterval: 0 });
    opened.push(other);
    other.send(Cmd.ConnInfoUpdate, { uniqId: customer.uniqId, newUniqId: "user-7" });
    await two.waitUntil(() => two.customer("user-7")?.online, "the rename");
    expect(cluster.owner("user-7")).toBeUndefined();
    const transfer = nextEvent(cluster.clients[1]!, Cmd.Transfer);
    two.customerSends("user-7", "hello");
    await transfer;
    expect(cluster.owner("user-7")).toBe(cluster.clients[1]);
    const closing = nextEvent(cluster.clients[1]!, Cmd.ConnClose);
    two.closeCustomer("user-7");
    await closing;
    expect(cluster.owner("user-7")).toBeUndefined();
  });

  test("learned owners are bounded: the least recently used is forgotten first", async () => {
    const { one, cluster } = await twoGateways({ register: true, maxKnownOwners: 2 });
    let opens = 0;
    const threeOpens = new Promise<void>((resolve) => cluster.clients[0]!.on(Cmd.ConnOpen, () => ++opens === 3 && resolve()));
    const customers = [one.openCustomer({}), one.openCustomer({}), one.openCustomer({})];
    await threeOpens;
    expect(cluster.owner(customers[2]!.uniqId)).toBe(cluster.clients[0]);
    expect(cluster.knownOwners).toBe(2);
    expect(cluster.owner(customers[0]!.uniqId)).toBeUndefined();
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

  test("queries fan out and merge by the manifest's rules: uniqId counts sum, lists of shared topics have no duplicates, maps merge per key", async () => {
    const { one, two, cluster } = await twoGateways();
    const a = one.openCustomer({ topics: ["news"] });
    const b = two.openCustomer({ topics: ["news", "sport"] });
    two.openCustomer({});
    expect(await cluster.request(Cmd.UniqIdCount)).toMatchObject({ count: 3, serverId: 0 });
    const online = await cluster.request(Cmd.CheckOnline, { uniqIds: [a.uniqId, b.uniqId, "02ffffffffffffffff"] });
    expect([...online.uniqIds].sort()).toEqual([a.uniqId, b.uniqId].sort());
    expect((await cluster.request(Cmd.TopicUniqIdCount, { topics: ["news", "sport"] })).items).toEqual({ news: 2, sport: 1 });
    // Protobuf's merge keeps the last gateway's entry of a map; the rule joins both gateways' subscribers.
    const subscribers = await cluster.request(Cmd.TopicUniqIdList, { topics: ["news"] });
    expect([...subscribers.items["news"]!.uniqIds].sort()).toEqual([a.uniqId, b.uniqId].sort());
    expect([...(await cluster.request(Cmd.TopicList)).topics].sort()).toEqual(["news", "sport"]);
    expect((await cluster.request(Cmd.UniqIdList)).uniqIds).toHaveLength(3);
    const info = await cluster.request(Cmd.ConnInfo, { uniqIds: [a.uniqId, b.uniqId] });
    expect(Object.keys(info.items).sort()).toEqual([a.uniqId, b.uniqId].sort());
  });

  test("counts of shared things have no merge: requestAll gives each gateway's count", async () => {
    const { one, two, cluster } = await twoGateways();
    one.openCustomer({ topics: ["news"] });
    two.openCustomer({ topics: ["news"] });
    const counts = await cluster.requestAll(Cmd.TopicCount);
    expect(counts.map((r) => (r.ok ? r.value.count : r.error))).toEqual([1, 1]);
    // Not a type a caller can write (cluster.request takes BusinessMergedCmd); at run time it is refused too.
    await expect((cluster.request as (cmd: number) => Promise<unknown>)(Cmd.TopicCount)).rejects.toThrow("no merge rule");
  });

  test("a uniqId held by two gateways (renamed on both) cannot merge into one ConnInfo: a typed error, not a guess", async () => {
    const { one, two, cluster } = await twoGateways();
    one.openCustomer({ uniqId: "user-1" });
    two.openCustomer({ uniqId: "user-1" });
    await expect(cluster.request(Cmd.ConnInfo, { uniqIds: ["user-1"] })).rejects.toMatchObject({ name: "ClientError", code: "merge-conflict" });
    expect((await cluster.requestAll(Cmd.ConnInfo, { uniqIds: ["user-1"] })).every((r) => r.ok && "user-1" in r.value.items)).toBe(true);
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

describe("an application protocol's router over the cluster (customerLink(cluster.clients, cluster))", () => {
  test("answers go to the sender's gateway only; a topic push reaches subscribers on every gateway", async () => {
    const { createBusinessRouter } = await import("../examples/chat/gen/json/business.js");
    const { Cmd: ChatCmd } = await import("../examples/chat/gen/json/commands.js");
    const { customerLink } = await import("../generated/dist/v2/node.js");
    const { one, two, cluster } = await twoGateways({ register: true });
    const router = createBusinessRouter(customerLink(cluster.clients, cluster), {
      SignIn: ({ name }) => ({ user: name, rooms: ["lobby"] }),
    });
    opened.push({ close: async () => router.close() });
    const onOne = one.openCustomer({ topics: ["lobby"] });
    const onTwo = two.openCustomer({ topics: ["lobby"] });

    two.customerSends(onTwo.uniqId, '{"cmd":"SignIn","id":5,"body":{"name":"ana"}}', 1);
    const [answer] = texts(await two.waitForDelivery(onTwo.uniqId, 1));
    expect(JSON.parse(answer!)).toEqual({ cmd: "SignIn", id: 5, body: { user: "ana", rooms: ["lobby"] } });

    router.push({ topics: ["lobby"] }, ChatCmd.Said, { room: "lobby", user: "ana", text: "hi all", at: 1, seq: 1 });
    const said = { cmd: "Said", body: { room: "lobby", user: "ana", text: "hi all", at: 1, seq: 1 } };
    expect(texts(await one.waitForDelivery(onOne.uniqId, 1)).map((m) => JSON.parse(m))).toEqual([said]);
    expect(texts(await two.waitForDelivery(onTwo.uniqId, 2)).slice(1).map((m) => JSON.parse(m))).toEqual([said]);
  });
});
