/**
 * The v6 Node client against a real protocol v6 gateway (netsvr v8.0.6),
 * the first entry of NETSVR_V6_GATEWAYS; skipped when it is unset. A
 * business is a worker connection (events) plus a task connection (every
 * other command). Customers are WebSocket clients without a worker prefix;
 * v8 lets each send 1000 messages at once, then 100 per second.
 */
import { describe, expect, test } from "vitest";
import { Cmd, Event, RegisterRespCode } from "../../generated/dist/v6/index.js";
import { ClientError, RegistrationError } from "../../generated/dist/v6/node.js";
import { Customer } from "./support/customer.js";
import { v6Gateways, v6Pid, type V6Gateway } from "./support/env.js";
import { poll, unhandledRejectionsDuring, useHarness } from "./support/harness.js";
import { startFlood } from "./support/flood.js";
import { isRunning, whileStopped } from "./support/stall.js";
import { bound, v6Business, v6Customer, type V6Business } from "./support/v6.js";
import { asciiData, bytes, sleep, text, token, within } from "./support/wait.js";

useHarness();

const gateway = (): V6Gateway => v6Gateways[0]!;

/** The uniqId prefix of a gateway: hex of its task port's IPv4 address and port. */
function addressPrefix(gw: V6Gateway): string {
  return gw.taskHost.split(".").map((octet) => Number(octet).toString(16).padStart(2, "0")).join("") + gw.taskPort.toString(16).padStart(4, "0");
}

/** Compares long texts without printing megabytes on failure. */
function sameText(actual: string | undefined, expected: string): string {
  if (actual === expected) return "same";
  if (actual === undefined) return "missing";
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  return `differs: length ${actual.length} (expected ${expected.length}), first difference at ${i}`;
}

describe.skipIf(v6Gateways.length === 0)("v6 gateway (netsvr v8): basics", () => {
  test("register with event bits; ConnOpen, Transfer, SingleCast back over the task port, ConnClose", async () => {
    const gw = gateway();
    const business = await v6Business(gw, { events: Event.OnOpen | Event.OnClose | Event.OnMessage });
    const registered = business.worker.registered?.response;
    expect(registered?.code).toBe(RegisterRespCode.Success);
    expect(registered?.connId).toMatch(/^[0-9a-f]{32}$/);

    const from = business.connOpens.mark();
    const customer = await Customer.open(gw.url);
    const open = await business.connOpens.waitFor(() => true, bound, "ConnOpen", from);
    expect(open.uniqId).toMatch(/^[0-9a-f]{28}$/);
    expect(open.uniqId.slice(0, 12)).toBe(addressPrefix(gw));

    const id = token("hello");
    await customer.send(id);
    const transfer = await business.transfers.waitFor((t) => text(t.data) === id, bound, "the Transfer");
    expect(transfer.uniqId).toBe(open.uniqId);

    business.task.send(Cmd.SingleCast, { uniqId: open.uniqId, data: bytes("hi back") });
    expect(await customer.receive(() => true, bound, "the SingleCast")).toBe("hi back");

    await customer.close();
    const closed = await business.connCloses.waitFor((c) => c.uniqId === open.uniqId, bound, "ConnClose");
    expect(closed.customerId).toBe("");
  });

  test("registering twice on one connection is refused with DuplicateRegister; a URL with a query gets HTTP 404", async () => {
    const gw = gateway();
    const business = await v6Business(gw, { events: Event.OnClose });
    const error = await business.worker.register({ events: Event.OnOpen }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistrationError);
    expect((error as RegistrationError).code).toBe(RegisterRespCode.DuplicateRegister);
    await expect(Customer.open(`${gw.url}?x=1`)).rejects.toThrow("HTTP 404");
  });

  test("one-way commands take effect and every query command answers", async () => {
    const gw = gateway();
    const business = await v6Business(gw);
    const { task } = business;
    const a = await v6Customer(business);
    const b = await v6Customer(business);
    const topic = token("topic");
    const ann = token("ann");
    task.send(Cmd.TopicSubscribe, { uniqId: a.uniqId, topics: [topic] });
    task.send(Cmd.TopicSubscribe, { uniqId: b.uniqId, topics: [topic], data: bytes("subscribed") });
    task.send(Cmd.ConnInfoUpdate, { uniqId: a.uniqId, newSession: "session of a", newCustomerId: ann, data: bytes("updated") });
    expect(await b.customer.receive(() => true, bound, "TopicSubscribe data")).toBe("subscribed");
    expect(await a.customer.receive(() => true, bound, "ConnInfoUpdate data")).toBe("updated");

    const count = await task.request(Cmd.UniqIdCount);
    const list = await task.request(Cmd.UniqIdList);
    expect(list.uniqIds).toEqual(expect.arrayContaining([a.uniqId, b.uniqId]));
    expect(count.count).toBe(list.uniqIds.length);
    const notOnline = `${addressPrefix(gw)}ffffffffffffffff`;
    const online = await task.request(Cmd.CheckOnline, { uniqIds: [a.uniqId, notOnline, b.uniqId] });
    expect([...online.uniqIds].sort()).toEqual([a.uniqId, b.uniqId].sort());

    const customerIds = await task.request(Cmd.CustomerIdList);
    expect(customerIds.customerIds).toContain(ann);
    expect((await task.request(Cmd.CustomerIdCount)).count).toBe(customerIds.customerIds.length);

    const topics = await task.request(Cmd.TopicList);
    expect(topics.topics).toContain(topic);
    expect((await task.request(Cmd.TopicCount)).count).toBe(topics.topics.length);
    const subscribers = await task.request(Cmd.TopicUniqIdList, { topics: [topic] });
    expect([...(subscribers.items[topic]?.uniqIds ?? [])].sort()).toEqual([a.uniqId, b.uniqId].sort());
    expect((await task.request(Cmd.TopicUniqIdCount, { topics: [topic] })).items).toEqual({ [topic]: 2 });
    const topicCustomers = await task.request(Cmd.TopicCustomerIdList, { topics: [topic] });
    expect(topicCustomers.items[topic]?.customerIds).toEqual([ann]);
    const byCustomer = await task.request(Cmd.TopicCustomerIdToUniqIdsList, { topics: [topic] });
    expect(byCustomer.items[topic]?.items[ann]?.uniqIds).toEqual([a.uniqId]);
    expect((await task.request(Cmd.TopicCustomerIdCount, { topics: [topic] })).items).toEqual({ [topic]: 1 });

    const info = await task.request(Cmd.ConnInfo, { uniqIds: [a.uniqId, b.uniqId], reqSession: true, reqCustomerId: true, reqTopic: true });
    expect(info.items[a.uniqId]).toMatchObject({ session: "session of a", customerId: ann, topics: [topic] });
    expect(info.items[b.uniqId]).toMatchObject({ session: "", customerId: "", topics: [topic] });
    const infoByCustomer = await task.request(Cmd.ConnInfoByCustomerId, { customerIds: [ann], reqSession: true, reqUniqId: true, reqTopic: true });
    expect(infoByCustomer.items[ann]?.items).toEqual([expect.objectContaining({ session: "session of a", uniqId: a.uniqId, topics: [topic] })]);

    const metrics = await task.request(Cmd.Metrics);
    expect(Object.keys(metrics.items).length).toBeGreaterThan(0);
    expect(typeof Object.values(metrics.items)[0]?.count).toBe("bigint");
    // Zeros change nothing: the answer holds the current limits.
    const limits = await task.request(Cmd.Limit, { onOpen: 0, onMessage: 0 });
    expect(limits.onOpen).toBeGreaterThan(0);
    expect(limits.onMessage).toBeGreaterThan(0);

    // One-way commands to the customers. v8 runs casts and publishes concurrently (no order between them).
    task.send(Cmd.TopicPublish, { topics: [topic], data: bytes("to the topic") });
    task.send(Cmd.Multicast, { uniqIds: [a.uniqId, b.uniqId], data: bytes("to both") });
    task.send(Cmd.SingleCastBulk, { uniqIds: [a.uniqId, b.uniqId], data: [bytes("bulk a"), bytes("bulk b")] });
    task.send(Cmd.SingleCastByCustomerId, { customerId: ann, data: bytes("to ann") });
    for (const [customer, own] of [
      [a.customer, ["bulk a", "to ann"]],
      [b.customer, ["bulk b"]],
    ] as const) {
      const expected = ["to both", "to the topic", ...own].sort();
      await customer.inbox.waitForCount(() => true, 1 + expected.length, bound, "the one-way messages");
      expect(customer.inbox.items.slice(1).sort()).toEqual(expected);
    }
  });
});

describe.skipIf(v6Gateways.length === 0)("v6 gateway (netsvr v8): frames over 2 MiB from the gateway", () => {
  // v8 takes customer messages of up to Customer.ReceivePackLimit, 2 MiB, and
  // closes the connection (1009) on a larger one. The Transfer of the largest
  // is a frame of more than 2 MiB, as is a ConnInfo answer with two 1.2 MB sessions.
  const largest = 2 * 1024 * 1024;

  test.each([
    ["2,097,132 characters", 2_097_132],
    ["the largest the gateway takes, 2,097,152 characters", largest],
  ])("a customer message of %s arrives as a Transfer with its data intact, and the client stays connected", async (_, length) => {
    const business = await v6Business(gateway());
    const { customer, uniqId } = await v6Customer(business);
    const data = asciiData(length, token("big"));
    await customer.send(data);
    const transfer = await business.transfers.waitFor((t) => t.uniqId === uniqId && t.data.length > 1000, bound, "the large Transfer");
    expect(transfer.data.length).toBe(length);
    expect(sameText(text(transfer.data), data)).toBe("same");
    await customer.send("after");
    await business.transfers.waitFor((t) => t.uniqId === uniqId && text(t.data) === "after", bound, "the next Transfer");
    expect(business.disconnects.items).toEqual([]);
    expect(business.errors.items).toEqual([]);
    expect(business.worker.state).toBe("open");
  });

  test("one character more closes the customer with 1009 (so the size above is the largest)", async () => {
    const business = await v6Business(gateway());
    const { customer } = await v6Customer(business);
    await customer.send(asciiData(largest + 1, "over"));
    expect((await within(customer.closed, bound, "the customer's close")).code).toBe(1009);
  });

  test("a ConnInfo answer over 2 MiB (two 1.2 MB sessions) resolves with both sessions intact", async () => {
    const business = await v6Business(gateway());
    const { task } = business;
    const a = await v6Customer(business);
    const b = await v6Customer(business);
    const sessionA = asciiData(1_200_000, token("session-a"));
    const sessionB = asciiData(1_200_000, token("session-b"));
    task.send(Cmd.ConnInfoUpdate, { uniqId: a.uniqId, newSession: sessionA });
    task.send(Cmd.ConnInfoUpdate, { uniqId: b.uniqId, newSession: sessionB });
    const info = await task.request(Cmd.ConnInfo, { uniqIds: [a.uniqId, b.uniqId], reqSession: true });
    expect(sameText(info.items[a.uniqId]?.session, sessionA)).toBe("same");
    expect(sameText(info.items[b.uniqId]?.session, sessionB)).toBe("same");
    expect(task.state).toBe("open");
  });

  test("a frame over maxIncomingFrameSize is skipped with a frame-too-large error, and the connection stays open", async () => {
    const business = await v6Business(gateway(), { worker: { maxIncomingFrameSize: 1024 * 1024 }, errorsExpected: true });
    const { customer, uniqId } = await v6Customer(business);
    await customer.send(asciiData(1_500_000, "too large for this client"));
    const error = await business.errors.waitFor(() => true, bound, "an error for the 1.5 MB Transfer");
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe("frame-too-large");
    await customer.send("small after");
    const next = await business.transfers.waitFor((t) => t.uniqId === uniqId && text(t.data) === "small after", bound, "the next Transfer");
    expect(next).toBeDefined();
    expect(business.transfers.items.filter((t) => t.data.length > 1000)).toEqual([]);
    expect(business.disconnects.items).toEqual([]);
    expect(business.errors.items).toHaveLength(1);
    expect(business.worker.state).toBe("open");
  });
});

describe.skipIf(v6Gateways.length === 0)("v6 gateway (netsvr v8): recovery and flow", () => {
  test.skipIf(v6Pid === undefined)("after a 5 s stall, registration is retried with backoff without an error, then events flow again", async () => {
    const gw = gateway();
    const pid = v6Pid!;
    expect(isRunning(pid), `NETSVR_V6_PID ${pid} is not a running process`).toBe(true);
    const business = await v6Business(gw, {
      events: Event.OnMessage,
      worker: { requestTimeout: 1000, reconnect: { initialDelay: 100, maxDelay: 1000 } },
    });
    const customer = await Customer.open(gw.url);
    const reopenedBefore = business.reopened.mark();
    await whileStopped(pid, 5000, async () => {
      const dropped = business.disconnects.mark();
      business.worker.destroyConnection();
      await business.disconnects.waitFor(() => true, bound, "disconnect", dropped);
    });
    await business.reopened.waitFor(() => true, 3 * bound, "open after the gateway resumed", reopenedBefore);
    expect(business.worker.registered?.response.code).toBe(RegisterRespCode.Success);
    // The gateway may also have registered the dead connections of timed-out attempts when it
    // resumed, and hand them their turn of the events until it sees they are closed: probe until a
    // message gets through (within the customer's 1000 free messages), then nothing may be lost.
    let probes = 0;
    const through = await poll(async () => {
      await customer.send(`probe ${probes++}`);
      return business.transfers.items.some((t) => text(t.data).startsWith("probe "));
    }, bound, 100);
    expect(through, `no Transfer within ${bound} ms after the gateway resumed (${probes} probes)`).toBe(true);
    const after = Array.from({ length: 10 }, (_, i) => `after the stall ${i}`);
    await customer.sendAll(after);
    const arrived = await business.transfers.waitForCount((t) => text(t.data).startsWith("after the stall "), 10, bound, "10 Transfers after the stall");
    expect(arrived.map((t) => text(t.data)).sort()).toEqual([...after].sort());
    // The afterEach hook fails the test if the worker emitted any "error" (e.g. for the register timeouts).
  });

  // v8 limits: 1000 messages per customer connection at first, then 100 per second, and 50,000 per
  // second to businesses ([Limit] OnMessage); so 20 customers send 1000 each. Unlike v3, v8 does not
  // wait for a business that stops reading: once its queue for the worker (Worker.SendChanCap, 1024)
  // is full, it drops events and counts them in Metrics item 10 (worker to business failures).
  const workerToBusinessFailed = 10;
  async function dropCount(business: V6Business): Promise<number> {
    const metrics = await business.task.request(Cmd.Metrics);
    return Number(metrics.items[workerToBusinessFailed]?.count ?? 0);
  }

  test.each([
    ["maxQueuedEvents 25,000, above the flood: all 20,000 arrive", 25_000],
    ["maxQueuedEvents 1000, so reading pauses: every message the gateway sent arrives, the rest it counted as dropped", 1000],
  ])("a paused events() reader, 20,000 messages in a 5 s pause, %s", async (_, maxQueuedEvents) => {
    const gw = gateway();
    const business = await v6Business(gw, { events: Event.OnMessage, worker: { maxQueuedEvents } });
    const droppedBefore = await dropCount(business);
    const transfers = business.worker.events(Cmd.Transfer);
    const marker = token("flood");
    // The customers send from a worker thread, so this event loop stays free to read (or to not
    // read), spread over 4 s: a v8 gateway drops events of a burst that outpaces its writer to the
    // business (its queue holds 1024), however fast the business reads.
    const flood = startFlood({ url: gw.url, customers: 20, perCustomer: 1000, prefix: "", marker, durationMs: 4000 });
    await within(flood.opened, bound, "20 customers open");
    // Not reading for 5 s: under the gateway's 10 s Worker.SendDeadline.
    await sleep(5000);
    const seen = new Set<string>();
    let duplicates = 0;
    const take = async (until: () => boolean): Promise<void> => {
      while (!until()) {
        const next = await transfers.next();
        if (next.done) throw new Error("the events iterator ended");
        const data = text(next.value.body.data);
        if (!data.startsWith(`${marker}:`)) continue;
        if (seen.has(data)) duplicates++;
        seen.add(data);
      }
    };
    if (maxQueuedEvents >= 20_000) {
      await within(take(() => seen.size === 20_000), 3 * bound, "all 20,000 messages").catch((error: unknown) => {
        throw new Error(`${(error as Error).message}; got ${seen.size}`);
      });
      expect(await dropCount(business)).toBe(droppedBefore);
    } else {
      // Every message is either delivered or counted as dropped by the gateway. The count is read
      // once the customers' messages have all been forwarded or dropped: reading until the total adds up.
      let dropped = 0;
      const done = (): boolean => seen.size + dropped >= 20_000;
      await within(
        (async () => {
          while (!done()) {
            await Promise.race([take(done), sleep(200)]);
            dropped = (await dropCount(business)) - droppedBefore;
          }
        })(),
        3 * bound,
        "every message delivered or counted as dropped",
      ).catch((error: unknown) => {
        throw new Error(`${(error as Error).message}; got ${seen.size}, the gateway dropped ${dropped}`);
      });
      expect(seen.size + dropped).toBe(20_000);
      if (dropped > 0) console.log(`v8 dropped ${dropped} of 20,000 events while the business did not read (its 1024-event queue was full)`);
    }
    expect(duplicates).toBe(0);
    expect(business.disconnects.items).toEqual([]);
    await within(flood.sent, bound, "the flood's last writes");
    await transfers.return?.();
    await flood.close();
  });

  test("a rejected promise of an async event handler reaches on('error'), not unhandledRejection", async () => {
    const business = await v6Business(gateway(), { errorsExpected: true });
    const failure = new Error("the async handler failed");
    let error: unknown;
    const unhandled = await unhandledRejectionsDuring(async () => {
      business.worker.on(Cmd.Transfer, async (body) => {
        await Promise.resolve();
        if (text(body.data) === "reject me") throw failure;
      });
      const customer = await Customer.open(gateway().url);
      await customer.send("reject me");
      await business.transfers.waitFor((t) => text(t.data) === "reject me", bound, "the Transfer");
      error = await business.errors.waitFor(() => true, 2000, "the handler's rejection on('error')").catch((e: unknown) => e);
    });
    expect(unhandled).toEqual([]);
    expect(error === failure || (error as Error).cause === failure, `error: ${String(error)}`).toBe(true);
  });
});
