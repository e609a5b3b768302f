/**
 * The v2 Node client against a real protocol v2 gateway (netsvr v3.0.0),
 * the first entry of NETSVR_V2_GATEWAYS; skipped when it is unset. Customers
 * are WebSocket clients; every wait has an upper bound, and the only sleeps
 * are where the scenario is itself "some seconds pass" (a stalled gateway,
 * a paused reader).
 */
import { describe, expect, test } from "vitest";
import { Cmd, RegisterRespCode } from "../../generated/dist/v2/index.js";
import { ClientError } from "../../generated/dist/v2/node.js";
import { Customer, openCustomers } from "./support/customer.js";
import { v2Gateways, v2Pid, type V2Gateway } from "./support/env.js";
import { poll, unhandledRejectionsDuring, useHarness } from "./support/harness.js";
import { startFlood } from "./support/flood.js";
import { isRunning, whileStopped } from "./support/stall.js";
import { bound, eventWorker, v2Business, v2Customer } from "./support/v2.js";
import { asciiData, bytes, sleep, text, token, within } from "./support/wait.js";

useHarness();

const gateway = (): V2Gateway => v2Gateways[0]!;
/** The server id's prefix as the gateway writes it in uniqIds: 2 upper-case hex digits. */
const prefix = (gw: V2Gateway): string => gw.uniqIdPrefix.toUpperCase();

/** Compares long texts without printing megabytes on failure. */
function sameText(actual: string | undefined, expected: string): string {
  if (actual === expected) return "same";
  if (actual === undefined) return "missing";
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  return `differs: length ${actual.length} (expected ${expected.length}), first difference at ${i}`;
}

describe.skipIf(v2Gateways.length === 0)("v2 gateway (netsvr v3): basics", () => {
  test("register with the gateway's server id; ConnOpen, Transfer, SingleCast back, ConnClose", async () => {
    const gw = gateway();
    const business = await v2Business(gw);
    const registered = business.client.registered?.response;
    expect(registered?.code).toBe(RegisterRespCode.Success);
    expect(registered?.registerId).not.toBe("");

    const { customer, uniqId } = await v2Customer(business);
    expect(uniqId).toMatch(/^[0-9A-F]{18}$/);
    expect(uniqId.slice(0, 2)).toBe(prefix(gw));

    await customer.send("hello");
    const transfer = await business.transfers.waitFor((t) => t.uniqId === uniqId, bound, "the Transfer of hello");
    expect(text(transfer.data)).toBe("hello");

    business.client.send(Cmd.SingleCast, { uniqId, data: bytes("hi back") });
    expect(await customer.receive(() => true, bound, "the SingleCast")).toBe("hi back");

    await customer.close();
    const closed = await business.connCloses.waitFor((c) => c.uniqId === uniqId, bound, "ConnClose");
    expect(closed.session).toBe("");
  });

  test("a registration with another server id is refused with ServerIdInconsistent", async () => {
    const gw = gateway();
    const business = await v2Business(gw, { register: false });
    const error = await business.client.register({ workerId: 7, serverId: (gw.serverId + 1) % 256 }).catch((e: unknown) => e);
    expect((error as { code?: number }).code).toBe(RegisterRespCode.ServerIdInconsistent);
  });

  test("one-way commands take effect and every query command answers", async () => {
    const gw = gateway();
    const business = await v2Business(gw);
    const { client } = business;
    const a = await v2Customer(business);
    const b = await v2Customer(business);
    const topic = token("topic");
    client.send(Cmd.TopicSubscribe, { uniqId: a.uniqId, topics: [topic] });
    client.send(Cmd.TopicSubscribe, { uniqId: b.uniqId, topics: [topic], data: bytes("subscribed") });
    client.send(Cmd.ConnInfoUpdate, { uniqId: a.uniqId, newSession: "session of a", data: bytes("updated") });
    expect(await b.customer.receive(() => true, bound, "TopicSubscribe data")).toBe("subscribed");
    expect(await a.customer.receive(() => true, bound, "ConnInfoUpdate data")).toBe("updated");

    const notOnline = `${prefix(gw)}FFFFFFFFFFFFFFFF`;
    const count = await client.request(Cmd.UniqIdCount);
    const list = await client.request(Cmd.UniqIdList);
    expect(count.serverId).toBe(gw.serverId);
    expect(list.serverId).toBe(gw.serverId);
    expect(list.uniqIds).toEqual(expect.arrayContaining([a.uniqId, b.uniqId]));
    expect(count.count).toBe(list.uniqIds.length);

    const online = await client.request(Cmd.CheckOnline, { uniqIds: [a.uniqId, notOnline, b.uniqId] });
    expect([...online.uniqIds].sort()).toEqual([a.uniqId, b.uniqId].sort());

    const topics = await client.request(Cmd.TopicList);
    expect(topics.serverId).toBe(gw.serverId);
    expect(topics.topics).toContain(topic);
    const topicCount = await client.request(Cmd.TopicCount);
    expect(topicCount.count).toBe(topics.topics.length);
    const subscribers = await client.request(Cmd.TopicUniqIdList, { topics: [topic] });
    expect([...(subscribers.items[topic]?.uniqIds ?? [])].sort()).toEqual([a.uniqId, b.uniqId].sort());
    const perTopic = await client.request(Cmd.TopicUniqIdCount, { topics: [topic] });
    expect(perTopic.items).toEqual({ [topic]: 2 });

    const info = await client.request(Cmd.ConnInfo, { uniqIds: [a.uniqId, b.uniqId] });
    expect(info.items[a.uniqId]).toMatchObject({ session: "session of a", topics: [topic] });
    expect(info.items[b.uniqId]).toMatchObject({ session: "", topics: [topic] });

    const metrics = await client.request(Cmd.Metrics);
    expect(metrics.serverId).toBe(gw.serverId);
    expect(typeof Object.values(metrics.items)[0]?.count).toBe("bigint");
    // An empty LimitReq changes nothing and answers the current limits.
    const limits = await client.request(Cmd.Limit, { items: [] });
    expect(limits.serverId).toBe(gw.serverId);
    expect(limits.items.some((item) => item.workerIds.includes(eventWorker))).toBe(true);
    const custom = await client.request(Cmd.ConnOpenCustomUniqIdToken);
    expect(custom.uniqId.slice(0, 2)).toBe(prefix(gw));
    expect(custom.token).not.toBe("");

    // One-way commands to the customers: a topic publish, a multicast, a bulk single cast.
    client.send(Cmd.TopicPublish, { topics: [topic], data: bytes("to the topic") });
    client.send(Cmd.Multicast, { uniqIds: [a.uniqId, b.uniqId], data: bytes("to both") });
    client.send(Cmd.SingleCastBulk, { uniqIds: [a.uniqId, b.uniqId], data: [bytes("bulk a"), bytes("bulk b")] });
    for (const [customer, own] of [
      [a.customer, "bulk a"],
      [b.customer, "bulk b"],
    ] as const) {
      await customer.inbox.waitForCount(() => true, 4, bound, "the one-way messages");
      expect(customer.inbox.items.slice(1, 4).sort()).toEqual(["to both", "to the topic", own].sort());
    }
  });
});

describe.skipIf(v2Gateways.length === 0)("v2 gateway (netsvr v3): frames over 2 MiB from the gateway", () => {
  // The gateway refuses a customer message whose data (after the 3-digit
  // prefix) exceeds Customer.ReceivePackLimit, 2 MiB; the largest it takes
  // is 3 + 2,097,152 characters, and its Transfer is a frame of more than
  // 2 MiB. So is a ConnInfo answer carrying two 1.2 MB sessions.
  const largest = 2 * 1024 * 1024;

  test.each([
    ["2,097,132 characters, the prefix included", 2_097_132 - 3],
    ["the largest the gateway takes, 3 + 2,097,152 characters", largest],
  ])("a customer message of %s arrives as a Transfer with its data intact, and the client stays connected", async (_, length) => {
    const business = await v2Business(gateway());
    const { customer, uniqId } = await v2Customer(business);
    const data = asciiData(length, token("big"));
    await customer.send(data);
    const transfer = await business.transfers.waitFor((t) => t.uniqId === uniqId, bound, "the large Transfer");
    expect(transfer.data.length).toBe(length);
    expect(sameText(text(transfer.data), data)).toBe("same");
    await customer.send("after");
    const after = await business.transfers.waitFor((t) => t.uniqId === uniqId && text(t.data) === "after", bound, "the next Transfer");
    expect(after).toBeDefined();
    expect(business.disconnects.items).toEqual([]);
    expect(business.errors.items).toEqual([]);
    expect(business.client.state).toBe("open");
  });

  test("one character more is refused by the gateway (so the size above is the largest)", async () => {
    const business = await v2Business(gateway());
    const { customer, uniqId } = await v2Customer(business);
    await customer.send(asciiData(largest + 1, "over"));
    expect(await customer.receive(() => true, bound, "the gateway's refusal")).toMatch(/too large/i);
    await customer.send("small");
    const next = await business.transfers.waitFor((t) => t.uniqId === uniqId, bound, "the next Transfer");
    expect(text(next.data)).toBe("small");
  });

  test("a ConnInfo answer over 2 MiB (two 1.2 MB sessions) resolves with both sessions intact", async () => {
    const business = await v2Business(gateway());
    const { client } = business;
    const a = await v2Customer(business);
    const b = await v2Customer(business);
    // Each ConnInfoUpdate frame stays under the gateway's 2 MiB receive limit.
    const sessionA = asciiData(1_200_000, token("session-a"));
    const sessionB = asciiData(1_200_000, token("session-b"));
    client.send(Cmd.ConnInfoUpdate, { uniqId: a.uniqId, newSession: sessionA });
    client.send(Cmd.ConnInfoUpdate, { uniqId: b.uniqId, newSession: sessionB });
    const info = await client.request(Cmd.ConnInfo, { uniqIds: [a.uniqId, b.uniqId] });
    expect(sameText(info.items[a.uniqId]?.session, sessionA)).toBe("same");
    expect(sameText(info.items[b.uniqId]?.session, sessionB)).toBe("same");
    expect(business.disconnects.items).toEqual([]);
    expect(client.state).toBe("open");
  });

  test("a frame over maxIncomingFrameSize is skipped with a frame-too-large error, and the connection stays open", async () => {
    const business = await v2Business(gateway(), { client: { maxIncomingFrameSize: 1024 * 1024 }, errorsExpected: true });
    const { customer, uniqId } = await v2Customer(business);
    await customer.send(asciiData(1_500_000, "too large for this client"));
    const error = await business.errors.waitFor(() => true, bound, "an error for the 1.5 MB Transfer");
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe("frame-too-large");
    await customer.send("small after");
    const next = await business.transfers.waitFor((t) => t.uniqId === uniqId, bound, "the next Transfer");
    expect(text(next.data)).toBe("small after");
    expect(business.transfers.items.filter((t) => t.data.length > 1000)).toEqual([]);
    expect(business.disconnects.items).toEqual([]);
    expect(business.errors.items).toHaveLength(1);
    expect(business.client.state).toBe("open");
    // Requests still work on the same connection.
    expect((await business.client.request(Cmd.UniqIdCount)).serverId).toBe(gateway().serverId);
  });
});

describe.skipIf(v2Gateways.length === 0)("v2 gateway (netsvr v3): answers on a connection with processCmdGoroutineNum 8", () => {
  test("2000 pipelined CheckOnline requests are each answered with their own answer", async () => {
    const gw = gateway();
    // Worker 1 keeps the customers open (it gets their ConnOpen); the connection under test is worker 2.
    const hub = await v2Business(gw);
    const online = 1000;
    const marker = token("bulk");
    const from = hub.connOpens.mark();
    await openCustomers(online, 100, (i) => Customer.open(gw.url, { workerId: eventWorker, query: `cid=${marker}-${i}` }));
    const opens = await hub.connOpens.waitForCount((o) => o.rawQuery.startsWith(`cid=${marker}-`), online, 2 * bound, "ConnOpen of every customer", from);
    const onlineIds = opens.map((o) => o.uniqId);
    expect(new Set(onlineIds).size).toBe(online);

    const business = await v2Business(gw, { register: { workerId: 2, processCmdGoroutineNum: 8 } });
    // Even requests ask about an online customer, odd ones about a made-up id of this gateway.
    const ids = Array.from({ length: 2 * online }, (_, i) => (i % 2 === 0 ? onlineIds[i / 2]! : `${prefix(gw)}EEEE${String(i).padStart(12, "0")}`));
    const answers = await within(
      Promise.all(ids.map((id) => business.client.request(Cmd.CheckOnline, { uniqIds: [id] }))),
      3 * bound,
      "2000 CheckOnline answers",
    );
    const wrong = ids.flatMap((id, i) => {
      const expected = i % 2 === 0 ? [id] : [];
      const got = answers[i]!.uniqIds;
      return got.length === expected.length && got.every((u, k) => u === expected[k]) ? [] : [`#${i} asked ${id}, got [${got.join(",")}]`];
    });
    expect(wrong.length, wrong.slice(0, 5).join("; ")).toBe(0);
  });
});

describe.skipIf(v2Gateways.length === 0)("v2 gateway (netsvr v3): recovery and flow", () => {
  test.skipIf(v2Pid === undefined)("after a 5 s stall, registration is retried with backoff without an error, then events flow again", async () => {
    const gw = gateway();
    const pid = v2Pid!;
    expect(isRunning(pid), `NETSVR_V2_PID ${pid} is not a running process`).toBe(true);
    const business = await v2Business(gw, { client: { requestTimeout: 1000, reconnect: { initialDelay: 100, maxDelay: 1000 } } });
    const reopenedBefore = business.reopened.mark();
    await whileStopped(pid, 5000, async () => {
      const dropped = business.disconnects.mark();
      business.client.destroyConnection();
      await business.disconnects.waitFor(() => true, bound, "disconnect", dropped);
    });
    await business.reopened.waitFor(() => true, 3 * bound, "open after the gateway resumed", reopenedBefore);
    expect(business.client.registered?.response.code).toBe(RegisterRespCode.Success);
    // When it resumes, the gateway also registers the dead connections of the attempts that timed
    // out, and hands them their turn of the events until it sees they are closed (v3.0.0 takes
    // about 100 ms): probe until a message gets through, then nothing may be lost.
    const customer = await Customer.open(gw.url, { workerId: eventWorker });
    let probes = 0;
    const through = await poll(async () => {
      await customer.send(`probe ${probes++}`);
      return business.transfers.items.some((t) => text(t.data).startsWith("probe "));
    }, bound, 100);
    expect(through, `no Transfer within ${bound} ms after the gateway resumed (${probes} probes)`).toBe(true);
    const uniqId = business.transfers.items.find((t) => text(t.data).startsWith("probe "))!.uniqId;
    const after = Array.from({ length: 10 }, (_, i) => `after the stall ${i}`);
    await customer.sendAll(after);
    const arrived = await business.transfers.waitForCount((t) => t.uniqId === uniqId && text(t.data).startsWith("after the stall "), 10, bound, "10 Transfers after the stall");
    expect(arrived.map((t) => text(t.data)).sort()).toEqual([...after].sort());
    // The afterEach hook fails the test if the client emitted any "error" (e.g. for the register timeouts).
  });

  test("a paused events() reader loses nothing: 20,000 messages sent during a 5 s pause all arrive", async () => {
    const gw = gateway();
    const business = await v2Business(gw, { client: { maxQueuedEvents: 1000 } });
    const transfers = business.client.events(Cmd.Transfer);
    const marker = token("flood");
    // The customers send from a worker thread, so this event loop stays free to read (or to not
    // read), spread over 4 s: a v8 gateway drops events of a burst that outpaces its writer to the
    // business (its queue holds 1024), however fast the business reads.
    const flood = startFlood({ url: gw.url, customers: 20, perCustomer: 1000, prefix: "001", marker, durationMs: 4000 });
    await within(flood.opened, bound, "20 customers open");
    // Not reading for 5 s: under the gateway's 10 s Worker.SendDeadline.
    await sleep(5000);
    const seen = new Set<string>();
    await within(
      (async () => {
        while (seen.size < 20_000) {
          const next = await transfers.next();
          if (next.done) throw new Error("the events iterator ended");
          const data = text(next.value.body.data);
          if (data.startsWith(`${marker}:`)) seen.add(data);
        }
      })(),
      3 * bound,
      `all 20,000 messages (${seen.size} so far)`,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; got ${seen.size}`);
    });
    expect(seen.size).toBe(20_000);
    expect(business.disconnects.items).toEqual([]);
    await within(flood.sent, bound, "the flood's last writes");
    await transfers.return?.();
    await flood.close();
  });

  test("a rejected promise of an async event handler reaches on('error'), not unhandledRejection", async () => {
    const business = await v2Business(gateway(), { errorsExpected: true });
    const failure = new Error("the async handler failed");
    let error: unknown;
    const unhandled = await unhandledRejectionsDuring(async () => {
      business.client.on(Cmd.Transfer, async (body) => {
        await Promise.resolve();
        if (text(body.data) === "reject me") throw failure;
      });
      const { customer, uniqId } = await v2Customer(business);
      await customer.send("reject me");
      await business.transfers.waitFor((t) => t.uniqId === uniqId, bound, "the Transfer");
      error = await business.errors.waitFor(() => true, 2000, "the handler's rejection on('error')").catch((e: unknown) => e);
    });
    expect(unhandled).toEqual([]);
    expect(error === failure || (error as Error).cause === failure, `error: ${String(error)}`).toBe(true);
  });
});
