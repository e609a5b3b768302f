/**
 * The netsvr command line (cli/, `npm run build:cli` first) as an operator
 * runs it, a process of its own, against the real gateways: the first entry
 * of NETSVR_V2_GATEWAYS (netsvr v3) and of NETSVR_V6_GATEWAYS (netsvr v8),
 * and the first two for the totals over several gateways. A hub business
 * keeps customers open and names them, as the other gateway tests do.
 */
import { describe, expect, test } from "vitest";
import { Cmd as CmdV2 } from "../../generated/dist/v2/index.js";
import { Cmd as CmdV6, Event } from "../../generated/dist/v6/index.js";
import { assertCliBuilt, runCli, startCli, type RunningCli } from "../support/run-cli.js";
import { Customer } from "./support/customer.js";
import { v2Gateways, v6Gateways, type V2Gateway, type V6Gateway } from "./support/env.js";
import { cleanups, poll, useHarness } from "./support/harness.js";
import { bound, v2Business, v2Customer } from "./support/v2.js";
import { v6Business, v6Customer } from "./support/v6.js";
import { token, within } from "./support/wait.js";

useHarness();
assertCliBuilt();

const v2Args = (...gws: V2Gateway[]): string[] => ["-p", "v2", ...gws.flatMap((gw) => ["-g", `${gw.serverId}@${gw.host}:${gw.workerPort}`])];
const v6Args = (...gws: V6Gateway[]): string[] => ["-p", "v6", ...gws.flatMap((gw) => ["-g", `${gw.host}:${gw.workerPort}@${gw.taskHost}:${gw.taskPort}`])];

function started(args: string[]): RunningCli {
  const cli = startCli(args);
  cleanups.add(() => cli.stop());
  return cli;
}

/** The rows of a table the CLI printed. */
const rows = (output: string): string[][] =>
  output
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/ {2,}/));

describe.skipIf(v2Gateways.length === 0)("netsvr CLI against a v2 gateway (netsvr v3)", () => {
  const gw = (): V2Gateway => v2Gateways[0]!;
  const name = (): string => `${gw().host}:${gw().workerPort}`;

  test("status, find, topic, send, publish, kick: a customer named by its hub is seen, reached and closed", async () => {
    const hub = await v2Business(gw());
    const { customer, uniqId } = await v2Customer(hub);
    const topic = token("cli-topic");
    hub.client.send(CmdV2.ConnInfoUpdate, { uniqId, newSession: "user=ann", newTopics: [topic] });
    expect(await poll(async () => (await runCli([...v2Args(gw()), "find", uniqId])).stdout.includes(topic), bound)).toBe(true);

    const status = await runCli([...v2Args(gw()), "status", "--json"]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).gateways[0]).toMatchObject({ gateway: name(), ok: true, serverId: gw().serverId, connections: 1, topics: 1 });

    const found = await runCli([...v2Args(gw()), "find", uniqId]);
    expect(found.code).toBe(0);
    expect(rows(found.stdout)[1]).toEqual([uniqId, name(), "user=ann", topic]);
    expect((await runCli([...v2Args(gw()), "find", `${uniqId.slice(0, 2)}FFFFFFFFFFFFFFFF`])).code).toBe(1);

    const members = await runCli([...v2Args(gw()), "topic", topic]);
    expect(rows(members.stdout)).toEqual([["UNIQID", "GATEWAY", "SESSION"], [uniqId, name(), "user=ann"], [`topic ${topic}: 1 connection on 1 gateway`]]);

    const sent = await runCli([...v2Args(gw()), "send", uniqId, "hello from netsvr"]);
    expect(sent).toMatchObject({ code: 0, stdout: `sent 17 bytes to uniqId ${uniqId} on ${name()}\n` });
    expect(await customer.receive((m) => m === "hello from netsvr", bound, "the SingleCast")).toBe("hello from netsvr");
    const published = await runCli([...v2Args(gw()), "publish", topic, "news"]);
    expect(published.stdout).toBe(`published 4 bytes to topic ${topic}: 1 subscribed connection\n`);
    await customer.receive((m) => m === "news", bound, "the TopicPublish");

    const refused = await runCli([...v2Args(gw()), "kick", uniqId]);
    expect(refused.code).toBe(6);
    const kicked = await runCli([...v2Args(gw()), "kick", "--yes", "--message", "bye", uniqId]);
    expect(kicked.code).toBe(0);
    await customer.receive((m) => m === "bye", bound, "the ForceOffline message");
    await within(customer.closed, bound, "the kicked customer's close");
  });

  test("tail: refuses worker 1 when the gateway's Limit names it; as worker 999 it prints the Transfers customers address to 999", async () => {
    const hub = await v2Business(gw());
    const limits = JSON.parse((await runCli([...v2Args(gw()), "status", "--json"])).stdout).gateways[0].limits.items as { workerIds: number[] }[];
    if (limits.some((item) => item.workerIds.includes(1))) {
      const taken = await runCli([...v2Args(gw()), "tail", "--worker-id", "1"]);
      expect(taken.code).toBe(6);
      expect(taken.stderr).toContain("worker id 1 is configured for businesses on");
    }
    const tail = started([...v2Args(gw()), "tail", "--worker-id", "999", "--json", "--count", "1"]);
    await tail.waitFor(/registered as worker 999/, "stderr", bound);
    // ConnOpen goes to the hub (the gateway's ConnOpenWorkerId); the customer's messages, prefixed 999, to tail.
    const { customer, uniqId } = await v2Customer(hub, 999);
    const id = token("to-tail");
    await customer.send(id);
    expect(await within(tail.exited, bound, "tail's end")).toBe(0);
    expect(JSON.parse(tail.stdout().trim())).toMatchObject({ gateway: name(), event: "Transfer", uniqId, text: id });
  });

  test("the wrong protocol is exit 4 and names the right one; top refreshes the gateway's Metrics", async () => {
    const wrong = await runCli(["-p", "v6", "-g", name(), "status"]);
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toContain(`${name()} is a protocol v2 gateway (netsvr v3, server id ${gw().serverId}): use --protocol v2`);
    const top = await runCli([...v2Args(gw()), "top", "-i", "0.5", "-n", "2"]);
    expect(top.code).toBe(0);
    expect(top.stdout.match(/^netsvr top/gm)).toHaveLength(2);
    expect(top.stdout).toContain(`${name()}  server ${gw().serverId}  connections`);
    expect(top.stdout).toMatch(/\nconn open +\d+ +\d+ +[\d.]+ /);
  });

  test.skipIf(v2Gateways.length < 2)("status over two gateways: each gateway's line, connections summed", async () => {
    const [one, two] = [v2Gateways[0]!, v2Gateways[1]!];
    const hubs = [await v2Business(one), await v2Business(two)];
    await v2Customer(hubs[0]!);
    await v2Customer(hubs[1]!);
    await v2Customer(hubs[1]!);
    const status = JSON.parse((await runCli([...v2Args(one, two), "status", "--json"])).stdout);
    expect(status.gateways.map((g: { connections: number; serverId: number }) => [g.serverId, g.connections])).toEqual([
      [one.serverId, 1],
      [two.serverId, 2],
    ]);
    expect(status.total).toMatchObject({ connections: 3 });
  });
});

describe.skipIf(v6Gateways.length === 0)("netsvr CLI against a v6 gateway (netsvr v8)", () => {
  const gw = (): V6Gateway => v6Gateways[0]!;
  const name = (): string => `${gw().taskHost}:${gw().taskPort}`;

  test("status, find by customerId, send --customer-id, kick --customer-id", async () => {
    const hub = await v6Business(gw(), { events: Event.OnMessage });
    const { customer, uniqId } = await v6Customer(hub);
    const customerId = token("cid");
    const topic = token("cli-topic");
    hub.task.send(CmdV6.ConnInfoUpdate, { uniqId, newCustomerId: customerId, newSession: "web", newTopics: [topic] });
    expect(await poll(async () => (await runCli([...v6Args(gw()), "find", customerId])).code === 0, bound)).toBe(true);

    const status = JSON.parse((await runCli([...v6Args(gw()), "status", "--json"])).stdout);
    expect(status.gateways[0]).toMatchObject({ gateway: name(), ok: true, connections: 1, customerIds: 1, topics: 1 });

    const found = await runCli([...v6Args(gw()), "find", customerId, uniqId]);
    expect(rows(found.stdout).slice(1)).toEqual([
      [customerId, uniqId, customerId, name(), "web", topic],
      [uniqId, uniqId, customerId, name(), "web", topic],
    ]);
    const counts = await runCli([...v6Args(gw()), "topics", "--with-counts"]);
    expect(rows(counts.stdout)).toContainEqual([topic, "1", "1", name()]);

    const sent = await runCli([...v6Args(gw()), "send", "--customer-id", customerId, "hello ann"]);
    expect(sent).toMatchObject({ code: 0, stdout: `sent 9 bytes to customerId ${customerId} (1 connection) on ${name()}\n` });
    await customer.receive((m) => m === "hello ann", bound, "SingleCastByCustomerId");

    const kicked = await runCli([...v6Args(gw()), "kick", "--customer-id", customerId, "-y"]);
    expect(kicked.code).toBe(0);
    expect(await within(customer.closed, bound, "the kicked customer's close")).toEqual({ code: 1008, reason: "forceOfflineByCustomerId" });
  });

  test("tail --share-events --events open,close prints what the gateway hands it; without --share-events it is refused", async () => {
    expect((await runCli([...v6Args(gw()), "tail"])).code).toBe(6);
    const tail = started([...v6Args(gw()), "tail", "--share-events", "--events", "open,close", "--json", "--count", "2"]);
    await tail.waitFor(/registered for open, close on/, "stderr", bound);
    const customer = await Customer.open(gw().url);
    await tail.waitFor(/ConnOpen/, "stdout", bound);
    await customer.close();
    expect(await within(tail.exited, bound, "tail's end")).toBe(0);
    const [open, close] = tail
      .stdout()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { event: string; uniqId: string; gateway: string });
    expect([open?.event, close?.event]).toEqual(["ConnOpen", "ConnClose"]);
    expect(close?.uniqId).toBe(open?.uniqId);
    expect(open?.gateway).toBe(name());
  });

  test("the worker port, or the v2 protocol, where the task port belongs is exit 4; top refreshes the items by their v8 names", async () => {
    const worker = await runCli(["-p", "v6", "-g", `${gw().host}:${gw().workerPort}`, "status"]);
    expect(worker.code).toBe(4);
    expect(worker.stderr).toContain("not the task port of a protocol v6 gateway");
    const v2 = await runCli(["-p", "v2", "-g", name(), "status"]);
    expect(v2.code).toBe(4);
    expect(v2.stderr).toContain(`${name()} is the task port of a protocol v6 gateway (netsvr v8): use --protocol v6`);
    const top = await runCli([...v6Args(gw()), "top", "-i", "0.5", "-n", "2"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/\nmessages in +\d+ +\d+ /);
    expect(top.stdout).toMatch(/\nto business failed +\d+ /);
  });

  test.skipIf(v6Gateways.length < 2)("status over two gateways: a customerId on both is counted once in the total, connections summed", async () => {
    const [one, two] = [v6Gateways[0]!, v6Gateways[1]!];
    const customerId = token("both");
    const customers: Customer[] = [];
    for (const g of [one, two]) {
      const hub = await v6Business(g, { events: Event.OnMessage });
      const { customer, uniqId } = await v6Customer(hub);
      customers.push(customer);
      hub.task.send(CmdV6.ConnInfoUpdate, { uniqId, newCustomerId: customerId });
    }
    const args = v6Args(one, two);
    expect(await poll(async () => JSON.parse((await runCli([...args, "find", customerId, "--json"])).stdout).found.length === 2, bound)).toBe(true);
    const status = JSON.parse((await runCli([...args, "status", "--json"])).stdout);
    expect(status.gateways.map((g: { customerIds: number; connections: number }) => [g.connections, g.customerIds])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(status.total).toEqual({ connections: 2, customerIds: 1, topics: 0 });
    const sent = await runCli([...args, "send", "--customer-id", customerId, "@-"], { input: "to both" });
    expect(sent.stdout).toBe(`sent 7 bytes to customerId ${customerId} (2 connections) on ${one.taskHost}:${one.taskPort}, ${two.taskHost}:${two.taskPort}\n`);
    for (const customer of customers) await customer.receive((m) => m === "to both", bound, "SingleCastByCustomerId");
  });
});
