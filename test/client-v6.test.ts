import { afterEach, describe, expect, test } from "vitest";
import { Cmd, Event, RegisterRespCode } from "../generated/dist/v6/index.js";
import { ClientError, RegistrationError, connectTask, connectWorker, createCluster } from "../generated/dist/v6/node.js";
import { startTestGateway, type TestGatewayV6 } from "./support/test-gateway.js";

// The v6 Node client against the fake v6 gateway: a worker connection
// (Register, events, heartbeat without pong) and task connections (one-way
// commands and queries), and the cluster helper routing by task address.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function gateway(options: { idleTimeoutMs?: number } = {}): Promise<TestGatewayV6> {
  const gw = await startTestGateway({ protocol: "v6", ...options });
  cleanups.push(() => gw.close());
  return gw;
}

function track<T extends { close(): Promise<void> }>(client: T): T {
  cleanups.push(() => client.close());
  return client;
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe("v6 worker connection", () => {
  test("registers with event bits, receives only those events, and unregisters by connId on close", async () => {
    const gw = await gateway();
    const worker = track(await connectWorker({ host: gw.host, port: gw.workerPort }));
    const { code, connId } = await worker.register({ events: Event.OnOpen | Event.OnMessage });
    expect(code).toBe(RegisterRespCode.Success);
    expect(connId).toMatch(/^[0-9a-f]{32}$/);

    const seen: string[] = [];
    worker.on(Cmd.ConnOpen, (body) => seen.push(`open ${body.uniqId}`));
    worker.on(Cmd.ConnClose, (body) => seen.push(`close ${body.uniqId}`));
    const transfers = worker.events(Cmd.Transfer);
    const customer = gw.openCustomer({ customerId: "ann" });
    gw.customerSends(customer.uniqId, "hello");
    const transfer = await transfers.next();
    expect(transfer.done).toBe(false);
    expect(transfer.value?.body.customerId).toBe("ann");
    expect(text(transfer.value?.body.data)).toBe("hello");
    gw.closeCustomer(customer.uniqId);
    // No OnClose bit, so no ConnClose. Proof without waiting: a later Transfer on the same socket
    // arrives after where a ConnClose would have been.
    const other = gw.openCustomer({});
    gw.customerSends(other.uniqId, "after");
    expect(text((await transfers.next()).value?.body.data)).toBe("after");
    expect(seen).toEqual([`open ${customer.uniqId}`, `open ${other.uniqId}`]);

    await worker.close();
    const unregister = await gw.waitForFrame((r) => r.frame?.cmd === Cmd.Unregister);
    expect(unregister.frame?.body).toMatchObject({ connId });
    expect(worker.state).toBe("closed");
  });

  test("a register without a valid event bit is a RegistrationError with InvalidEvent", async () => {
    const gw = await gateway();
    const worker = track(await connectWorker({ host: gw.host, port: gw.workerPort }));
    const error = await worker.register({ events: 8 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistrationError);
    expect((error as RegistrationError).code).toBe(RegisterRespCode.InvalidEvent);
    expect((error as RegistrationError).message).toBe("register failed: InvalidEvent (2)");
  });

  test("commands of the task port are refused on a worker connection before anything is written", async () => {
    const gw = await gateway();
    const worker = track(await connectWorker({ host: gw.host, port: gw.workerPort }));
    // The types forbid it (WorkerClient has no one-way commands); a JavaScript caller can still try.
    const send = worker.send as (cmd: number, body: unknown) => void;
    let error: unknown;
    try {
      send.call(worker, Cmd.SingleCast, { uniqId: "x", data: new Uint8Array([1]) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe("wrong-port");
    // The connection is still open and usable: the gateway would have closed it on a SingleCast.
    await worker.register({ events: Event.OnMessage });
    expect(gw.received.some((r) => r.frame?.cmd === Cmd.SingleCast)).toBe(false);
  });

  test("heartbeats go out without expecting a pong, and keep an idle connection open", async () => {
    const gw = await gateway({ idleTimeoutMs: 300 });
    const worker = track(await connectWorker({ host: gw.host, port: gw.workerPort, heartbeatInterval: 50, heartbeatTimeout: 20 }));
    // Several pings, none answered, and neither side gave up: a pong timeout would have dropped the connection.
    for (let n = 0; n < 8; n++) await gw.waitForFrame((r) => r.frame?.kind === "ping", { after: gw.received.length });
    expect(worker.state).toBe("open");
    expect(gw.connections.filter((c) => c.port === "worker")).toHaveLength(1);
  });

  test("after the gateway restarts, the worker connection comes back and registers again with the same events", async () => {
    const gw = await gateway();
    const worker = track(await connectWorker({ host: gw.host, port: gw.workerPort, reconnect: { initialDelay: 5, maxDelay: 20 } }));
    await worker.register({ events: Event.OnMessage | Event.OnClose });
    const reopened = new Promise<void>((resolve) => worker.on("open", resolve));
    await gw.stop();
    await gw.restart();
    await reopened;
    const again = await gw.waitForRegistration(Event.OnMessage | Event.OnClose);
    expect(again.registration?.events).toBe(Event.OnMessage | Event.OnClose);
    expect(worker.registered?.response.connId).toBe(again.registration?.connId);
  });
});

describe("v6 task connection", () => {
  test("one-way commands and queries, answered in order", async () => {
    const gw = await gateway();
    const task = track(await connectTask({ host: gw.host, port: gw.taskPort }));
    const ann = gw.openCustomer({ customerId: "ann", topics: ["news"] });
    gw.openCustomer({ customerId: "bob" });
    task.send(Cmd.SingleCastByCustomerId, { customerId: "ann", data: new TextEncoder().encode("hi ann") });
    task.send(Cmd.TopicSubscribe, { uniqId: ann.uniqId, topics: ["sport"] });
    const [count, ids, online, topics] = await Promise.all([
      task.request(Cmd.CustomerIdCount),
      task.request(Cmd.CustomerIdList),
      task.request(Cmd.CheckOnline, { uniqIds: [ann.uniqId, "nope"] }),
      task.request(Cmd.TopicList),
    ]);
    expect(count.count).toBe(2);
    expect([...ids.customerIds].sort()).toEqual(["ann", "bob"]);
    expect(online.uniqIds).toEqual([ann.uniqId]);
    expect([...topics.topics].sort()).toEqual(["news", "sport"]);
    expect(text((await gw.waitForDelivery(ann.uniqId, 1))[0])).toBe("hi ann");
  });

  test("Register is refused on a task connection before anything is written", async () => {
    const gw = await gateway();
    const task = track(await connectTask({ host: gw.host, port: gw.taskPort }));
    const request = task.request as (cmd: number, body: unknown) => Promise<unknown>;
    const error = await request.call(task, Cmd.Register, { events: 1 }).catch((e: unknown) => e);
    expect((error as ClientError).code).toBe("wrong-port");
    expect(gw.received).toHaveLength(0);
  });
});

describe("v6 cluster", () => {
  test("routes a uniqId command by the task address in its first 12 hex digits, fans queries out and sums counts", async () => {
    const one = await gateway();
    const two = await gateway();
    // No uniqIdPrefix given: v6 derives it from each member's IPv4 address and task port.
    const cluster = track(
      await createCluster([
        { host: one.host, port: one.taskPort },
        { host: two.host, port: two.taskPort },
      ]),
    );
    const onTwo = two.openCustomer({});
    expect(onTwo.uniqId.slice(0, 12)).toBe(`7f000001${two.taskPort.toString(16).padStart(4, "0")}`);
    one.openCustomer({});
    cluster.send(Cmd.SingleCast, { uniqId: onTwo.uniqId, data: new TextEncoder().encode("routed") });
    expect(text((await two.waitForDelivery(onTwo.uniqId, 1))[0])).toBe("routed");
    expect((await cluster.request(Cmd.UniqIdCount)).count).toBe(2);
    expect(one.received.some((r) => r.frame?.cmd === Cmd.SingleCast)).toBe(false);
  });

  test("queries merge by the manifest's rules: per-topic and per-customer maps join both gateways, shared ids are not doubled", async () => {
    const one = await gateway();
    const two = await gateway();
    const cluster = track(await createCluster([{ host: one.host, port: one.taskPort }, { host: two.host, port: two.taskPort }]));
    const a = one.openCustomer({ customerId: "ann", topics: ["news"] });
    const b = two.openCustomer({ customerId: "ann", topics: ["news"] });
    const c = two.openCustomer({ customerId: "bob", topics: ["sport"] });
    const sorted = (ids: readonly string[] | undefined) => [...(ids ?? [])].sort();
    expect(sorted((await cluster.request(Cmd.CustomerIdList)).customerIds)).toEqual(["ann", "bob"]);
    expect(sorted((await cluster.request(Cmd.TopicList)).topics)).toEqual(["news", "sport"]);
    expect(sorted((await cluster.request(Cmd.TopicUniqIdList, { topics: ["news"] })).items["news"]?.uniqIds)).toEqual(sorted([a.uniqId, b.uniqId]));
    expect((await cluster.request(Cmd.TopicUniqIdCount, { topics: ["news", "sport"] })).items).toEqual({ news: 2, sport: 1 });
    expect(sorted((await cluster.request(Cmd.TopicCustomerIdList, { topics: ["news"] })).items["news"]?.customerIds)).toEqual(["ann"]);
    const byTopic = await cluster.request(Cmd.TopicCustomerIdToUniqIdsList, { topics: ["news"] });
    expect(sorted(byTopic.items["news"]?.items["ann"]?.uniqIds)).toEqual(sorted([a.uniqId, b.uniqId]));
    const byCustomer = await cluster.request(Cmd.ConnInfoByCustomerId, { customerIds: ["ann", "bob"], reqUniqId: true });
    expect(sorted(byCustomer.items["ann"]?.items.map((item) => item.uniqId))).toEqual(sorted([a.uniqId, b.uniqId]));
    expect(byCustomer.items["bob"]?.items.map((item) => item.uniqId)).toEqual([c.uniqId]);
    // Shared customerIds and topics have no correct sum: each gateway's own count.
    const counts = await cluster.requestAll(Cmd.CustomerIdCount);
    expect(counts.map((r) => (r.ok ? r.value.count : -1))).toEqual([1, 2]);
  });

  test("a frame over maxIncomingFrameSize is skipped on a task connection: its request fails, the next one is answered", async () => {
    const gw = await gateway();
    const task = track(await connectTask({ host: gw.host, port: gw.taskPort, maxIncomingFrameSize: 1000 }));
    const big = gw.openCustomer({ session: "s".repeat(5000) });
    await expect(task.request(Cmd.ConnInfo, { uniqIds: [big.uniqId], reqSession: true })).rejects.toMatchObject({ code: "frame-too-large", cmd: Cmd.ConnInfo });
    expect((await task.request(Cmd.UniqIdCount)).count).toBe(1);
    expect(task.state).toBe("open");
  });
});
