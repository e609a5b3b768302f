import { execFile, execFileSync, spawn, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { Cmd as CmdV2 } from "../generated/dist/v2/index.js";
import { Cmd as CmdV6, Event } from "../generated/dist/v6/index.js";
import { repoRoot } from "./support/repo.js";
import { assertCliBuilt, cliBin, runCli, startCli, type RunningCli } from "./support/run-cli.js";
import { startTestGateway, type TestGateway, type TestGatewayV6 } from "./support/test-gateway.js";

// The netsvr command line (cli/) run as a user runs it, a process of its own,
// against fake gateways: v2 and v6, one gateway and two. Exit codes:
// 0 done, 1 nothing matched, 2 usage, 3 unreachable, 4 wrong protocol or port,
// 5 registration refused, 6 not confirmed.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

beforeAll(() => assertCliBuilt());

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

async function v2Gateway(serverId: number): Promise<TestGateway> {
  const gateway = await startTestGateway({ serverId });
  cleanups.push(() => gateway.close());
  return gateway;
}

async function v6Gateway(): Promise<TestGatewayV6> {
  const gateway = await startTestGateway({ protocol: "v6" });
  cleanups.push(() => gateway.close());
  return gateway;
}

function started(args: string[], env?: Record<string, string>): RunningCli {
  const cli = startCli(args, env === undefined ? {} : { env });
  cleanups.push(() => cli.stop());
  return cli;
}

const v2Args = (...gateways: TestGateway[]): string[] => ["--protocol", "v2", ...gateways.flatMap((g) => ["--gateway", `127.0.0.1:${g.port}`])];
const v6Args = (...gateways: TestGatewayV6[]): string[] => ["--protocol", "v6", ...gateways.flatMap((g) => ["--gateway", `127.0.0.1:${g.taskPort}`])];
/** v6 with the worker ports too, as tail needs them. */
const v6TailArgs = (...gateways: TestGatewayV6[]): string[] => ["--protocol", "v6", ...gateways.flatMap((g) => ["--gateway", `127.0.0.1:${g.workerPort}@127.0.0.1:${g.taskPort}`])];

/** The rows of a table printed by the CLI, split on runs of two or more spaces. */
function rows(output: string): string[][] {
  return output
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/ {2,}/));
}

describe("netsvr: configuration and errors", () => {
  test("--help lists every command; no protocol is a usage error (2) that says where to give it", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["config", "status", "top", "find", "topics", "topic", "send", "publish", "broadcast", "kick", "tail"]) expect(help.stdout).toContain(`  ${command}`);
    const none = await runCli(["status"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/which protocol\? give --protocol v2 .* NETSVR_PROTOCOL, or "protocol" in a netsvr.json/);
    expect((await runCli(["--protocol", "v7", "status"])).code).toBe(2);
    expect((await runCli(["--protocol", "v2", "stat"])).code).toBe(2);
    const noGateway = await runCli(["--protocol", "v6", "status"]);
    expect(noGateway.code).toBe(2);
    expect(noGateway.stderr).toContain("which gateways? give --gateway [host:workerPort@]host:taskPort");
  });

  test("flags win over the environment, which wins over netsvr.json; NETSVR_CONFIG names another file; `config` shows where each came from", async () => {
    const dir = mkdtempSync(join(tmpdir(), "netsvr-config-"));
    writeFileSync(join(dir, "netsvr.json"), JSON.stringify({ protocol: "v6", gateways: ["10.0.0.1:6061@10.0.0.1:6062", "10.0.0.2:6062"], timeout: 2500 }));
    const fromFile = await runCli(["config", "--json"], { cwd: dir });
    expect(fromFile.code).toBe(0);
    const file = JSON.parse(fromFile.stdout) as { protocol: string; gateways: { gateway: string; workerPort?: string }[]; timeout: number; sources: Record<string, string> };
    expect(file).toMatchObject({ protocol: "v6", timeout: 2500, gateways: [{ gateway: "10.0.0.1:6062", workerPort: "10.0.0.1:6061" }, { gateway: "10.0.0.2:6062" }] });
    expect(file.sources.protocol).toBe(join(dir, "netsvr.json"));

    const fromEnv = JSON.parse((await runCli(["config", "--json"], { cwd: dir, env: { NETSVR_GATEWAYS: "127.0.0.1:7062, 127.0.0.1:7072", NETSVR_TIMEOUT: "900" } })).stdout);
    expect(fromEnv).toMatchObject({ protocol: "v6", timeout: 900, gateways: [{ gateway: "127.0.0.1:7062" }, { gateway: "127.0.0.1:7072" }], sources: { gateways: "NETSVR_GATEWAYS", timeout: "NETSVR_TIMEOUT" } });

    const fromFlags = JSON.parse((await runCli(["config", "--json", "-p", "v2", "-g", "2@127.0.0.1:6061"], { cwd: dir, env: { NETSVR_PROTOCOL: "v6" } })).stdout);
    expect(fromFlags).toMatchObject({ protocol: "v2", gateways: [{ gateway: "127.0.0.1:6061", serverId: 2 }], sources: { protocol: "--protocol", gateways: "--gateway" } });

    const other = join(dir, "team.json");
    writeFileSync(other, JSON.stringify({ protocol: "v2", gateways: ["1@127.0.0.1:16061@ws://127.0.0.1:16060/netsvr"] }));
    const named = await runCli(["config"], { env: { NETSVR_CONFIG: other } });
    expect(named.stdout).toContain(`protocol  v2  (from ${other})`);
    expect(rows(named.stdout).at(-1)).toEqual(["127.0.0.1:16061", "1"]);

    writeFileSync(other, JSON.stringify({ protocol: "v2", gateway: ["x"] }));
    const bad = await runCli(["config"], { env: { NETSVR_CONFIG: other } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown key "gateway"');
  });

  test("an unreachable gateway is exit 3; the wrong protocol or port role is exit 4 and says what the port is", async () => {
    const v2 = await v2Gateway(1);
    const v6 = await v6Gateway();
    await v2.stop();
    const unreachable = await runCli([...v2Args(v2), "status"]);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(/cannot reach the gateway: connection refused \(ECONNREFUSED\)/);
    await v2.restart();

    const v2AsV6 = await runCli(["-p", "v6", "-g", `127.0.0.1:${v2.port}`, "status"]);
    expect(v2AsV6.code).toBe(4);
    expect(v2AsV6.stderr).toContain(`127.0.0.1:${v2.port} is a protocol v2 gateway (netsvr v3, server id 1): use --protocol v2`);
    const v6AsV2 = await runCli(["-p", "v2", "-g", `127.0.0.1:${v6.taskPort}`, "status"]);
    expect(v6AsV2.code).toBe(4);
    expect(v6AsV2.stderr).toContain("is the task port of a protocol v6 gateway (netsvr v8): use --protocol v6");
    const workerPort = await runCli(["-p", "v6", "-g", `127.0.0.1:${v6.workerPort}`, "status"]);
    expect(workerPort.code).toBe(4);
    expect(workerPort.stderr).toContain("not the task port of a protocol v6 gateway");
    const wrongId = await runCli(["-p", "v2", "-g", `7@127.0.0.1:${v2.port}`, "status"]);
    expect(wrongId.code).toBe(4);
    expect(wrongId.stderr).toContain("answers with server id 1, not 7 as given");
  });

  test("two v2 gateways with the same server id are refused (their uniqIds would look alike)", async () => {
    const one = await v2Gateway(3);
    const two = await v2Gateway(3);
    const result = await runCli([...v2Args(one, two), "status"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("both have server id 3");
  });
});

describe("netsvr, protocol v2 (fake netsvr v3)", () => {
  test("status: one line per gateway with server id, connections, topics and limits; the total sums connections and counts a shared topic once", async () => {
    const one = await v2Gateway(1);
    const two = await v2Gateway(2);
    one.openCustomer({ topics: ["news", "sports"] });
    one.openCustomer({ topics: ["news"] });
    two.openCustomer({ topics: ["news"] });
    const result = await runCli([...v2Args(one, two), "status"]);
    expect(result.code).toBe(0);
    expect(rows(result.stdout).slice(0, 4)).toEqual([
      ["GATEWAY", "SERVER", "CONNECTIONS", "TOPICS", "LIMITS"],
      [`127.0.0.1:${one.port}`, "1", "2", "2", "default: 100/s workers 1; slow: 10/s workers 2"],
      [`127.0.0.1:${two.port}`, "2", "1", "1", "default: 100/s workers 1; slow: 10/s workers 2"],
      ["total", "3", "2", "(per gateway)"],
    ]);
    const json = JSON.parse((await runCli([...v2Args(one, two), "--json", "status"])).stdout);
    expect(json).toMatchObject({ protocol: "v2", total: { connections: 3, topics: 2 } });
    expect(json.gateways[1]).toMatchObject({ gateway: `127.0.0.1:${two.port}`, ok: true, serverId: 2, connections: 1, topics: 1 });
    // One gateway: no total line.
    expect(rows((await runCli([...v2Args(one), "status"])).stdout)).toHaveLength(2);
  });

  test("find: online or not, on which gateway, session and topics; exit 1 when one is not online", async () => {
    const one = await v2Gateway(1);
    const two = await v2Gateway(2);
    const ann = one.openCustomer({ session: "user=ann", topics: ["news"] });
    const bob = two.openCustomer({});
    const found = await runCli([...v2Args(one, two), "find", ann.uniqId, bob.uniqId]);
    expect(found.code).toBe(0);
    expect(rows(found.stdout)).toEqual([
      ["UNIQID", "GATEWAY", "SESSION", "TOPICS"],
      [ann.uniqId, `127.0.0.1:${one.port}`, "user=ann", "news"],
      [bob.uniqId, `127.0.0.1:${two.port}`, "-", "-"],
    ]);
    const missing = await runCli([...v2Args(one, two), "--json", "find", ann.uniqId, "02ffffffffffffffff"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({
      found: [{ query: ann.uniqId, uniqId: ann.uniqId, gateway: `127.0.0.1:${one.port}`, session: "user=ann", topics: ["news"] }],
      notOnline: ["02ffffffffffffffff"],
    });
  });

  test("topics (with counts summed over gateways) and topic members; an empty topic is exit 1", async () => {
    const one = await v2Gateway(1);
    const two = await v2Gateway(2);
    const ann = one.openCustomer({ topics: ["news", "sports"], session: "s1" });
    const bob = two.openCustomer({ topics: ["news"] });
    const list = await runCli([...v2Args(one, two), "topics"]);
    expect(rows(list.stdout)).toEqual([
      ["TOPIC", "GATEWAYS"],
      ["news", `127.0.0.1:${one.port},127.0.0.1:${two.port}`],
      ["sports", `127.0.0.1:${one.port}`],
    ]);
    const counts = await runCli([...v2Args(one, two), "topics", "--with-counts", "--json"]);
    expect(JSON.parse(counts.stdout)).toEqual([
      { topic: "news", gateways: [`127.0.0.1:${one.port}`, `127.0.0.1:${two.port}`], connections: 2 },
      { topic: "sports", gateways: [`127.0.0.1:${one.port}`], connections: 1 },
    ]);
    const members = await runCli([...v2Args(one, two), "topic", "news"]);
    expect(members.code).toBe(0);
    expect(rows(members.stdout)).toEqual([
      ["UNIQID", "GATEWAY", "SESSION"],
      [ann.uniqId, `127.0.0.1:${one.port}`, "s1"],
      [bob.uniqId, `127.0.0.1:${two.port}`, "-"],
      ["topic news: 2 connections on 2 gateways"],
    ]);
    const empty = await runCli([...v2Args(one, two), "topic", "nothing"]);
    expect(empty.code).toBe(1);
    expect(empty.stdout).toBe("topic nothing: no subscribers\n");
  });

  test("send, publish and broadcast reach their customers on either gateway; nothing is sent to an offline id", async () => {
    const one = await v2Gateway(1);
    const two = await v2Gateway(2);
    const ann = one.openCustomer({ topics: ["news"] });
    const bob = two.openCustomer({ topics: ["news"] });
    const sent = await runCli([...v2Args(one, two), "send", bob.uniqId, "hello bob"]);
    expect(sent).toMatchObject({ code: 0, stdout: `sent 9 bytes to uniqId ${bob.uniqId} on 127.0.0.1:${two.port}\n` });
    expect((await two.waitForDelivery(bob.uniqId, 1)).map(text)).toEqual(["hello bob"]);

    const offline = await runCli([...v2Args(one, two), "send", "01ffffffffffffffff", "hello?"]);
    expect(offline).toMatchObject({ code: 1, stdout: "uniqId 01ffffffffffffffff is not online: nothing sent\n" });
    // Sent nowhere (a SingleCast for an id the cluster has not seen goes to every v2 gateway; this one went to none).
    for (const gateway of [one, two]) expect(gateway.received.some((r) => r.frame?.cmd === CmdV2.SingleCast && r.frame.body.uniqId === "01ffffffffffffffff")).toBe(false);

    const dir = mkdtempSync(join(tmpdir(), "netsvr-message-"));
    writeFileSync(join(dir, "notice.txt"), "from a file");
    const published = await runCli([...v2Args(one, two), "publish", "news", "@notice.txt"], { cwd: dir });
    expect(published).toMatchObject({ code: 0, stdout: "published 11 bytes to topic news: 2 subscribed connections\n" });
    expect(text((await one.waitForDelivery(ann.uniqId, 1))[0])).toBe("from a file");
    expect(text((await two.waitForDelivery(bob.uniqId, 2))[1])).toBe("from a file");
    expect((await runCli([...v2Args(one, two), "publish", "nobody", "x"])).code).toBe(1);

    // Not a terminal and no --yes: refused (6), nothing sent.
    const refused = await runCli([...v2Args(one, two), "broadcast", "maintenance at 22:00"]);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain("Broadcast 20 bytes to all 2 connections on 2 gateways? Not done: give --yes");
    expect(one.received.some((r) => r.frame?.cmd === CmdV2.Broadcast)).toBe(false);
    const broadcast = await runCli([...v2Args(one, two), "broadcast", "--yes", "@@maintenance"]);
    expect(broadcast).toMatchObject({ code: 0, stdout: "broadcast 12 bytes to 2 connections on 2 gateways\n" });
    expect(text((await one.waitForDelivery(ann.uniqId, 2))[1])).toBe("@maintenance");
    expect(text((await two.waitForDelivery(bob.uniqId, 3))[2])).toBe("@maintenance");
  });

  test("kick: asks unless --yes; closes the connections with an optional message; --guest spares connections with a session", async () => {
    const one = await v2Gateway(1);
    const two = await v2Gateway(2);
    const ann = one.openCustomer({ session: "user=ann" });
    const guest = two.openCustomer({});
    const asked = await runCli([...v2Args(one, two), "kick", ann.uniqId]);
    expect(asked.code).toBe(6);
    expect(one.customer(ann.uniqId)?.online).toBe(true);

    const guests = await runCli([...v2Args(one, two), "kick", "--guest", "--yes", ann.uniqId, guest.uniqId]);
    expect(guests.code).toBe(1);
    expect(guests.stdout).toBe(`kicked 1 connection: ${guest.uniqId} on 127.0.0.1:${two.port}\nnot guests (they have a session or customerId), left online: ${ann.uniqId}\n`);
    await two.waitUntil(() => two.customer(guest.uniqId)?.online === false, "the guest offline");
    expect(one.customer(ann.uniqId)?.online).toBe(true);

    const kicked = await runCli([...v2Args(one, two), "kick", "-y", "--message", "bye", ann.uniqId, "01ffffffffffffffff", "--json"]);
    expect(kicked.code).toBe(1);
    expect(JSON.parse(kicked.stdout)).toEqual({ kicked: [ann.uniqId], notOnline: ["01ffffffffffffffff"] });
    expect(text((await one.waitForDelivery(ann.uniqId, 1))[0])).toBe("bye");
    await one.waitUntil(() => one.customer(ann.uniqId)?.online === false, "ann offline");
    const offline = await runCli([...v2Args(one, two), "kick", "-y", ann.uniqId]);
    expect(offline).toMatchObject({ code: 1, stdout: `not online: ${ann.uniqId}\n` });
  });

  test("tail needs an explicit --worker-id, refuses one a gateway's Limit names, and prints ConnOpen, Transfer and ConnClose of its worker id from both gateways", async () => {
    const one = await v2Gateway(1);
    const two = await v2Gateway(2);
    const noId = await runCli([...v2Args(one, two), "tail"]);
    expect(noId.code).toBe(2);
    expect(noId.stderr).toContain("give --worker-id N (1..999), an id no running business uses");
    // The fake's Limit names workers 1 ("default") and 2 ("slow").
    const taken = await runCli([...v2Args(one, two), "tail", "--worker-id", "2"]);
    expect(taken.code).toBe(6);
    expect(taken.stderr).toContain(`worker id 2 is configured for businesses on 127.0.0.1:${one.port} (Limit "slow": workers 2), 127.0.0.1:${two.port} (Limit "slow": workers 2)`);
    expect(one.connections.some((c) => c.registration !== undefined)).toBe(false);
    expect((await runCli([...v2Args(one), "tail", "--worker-id", "1000"])).code).toBe(2);

    const tail = started([...v2Args(one, two), "tail", "--worker-id", "9", "--count", "4", "--json"]);
    await tail.waitFor(/registered as worker 9 on/, "stderr");
    expect((await one.waitForRegistration(9)).registration).toMatchObject({ workerId: 9 });
    await two.waitForRegistration(9);
    const ann = one.openCustomer({ workerId: 9, rawQuery: "user=ann" });
    await tail.waitFor(/ConnOpen/);
    one.customerSends(ann.uniqId, "hi tail");
    await tail.waitFor(/Transfer/);
    const bob = two.openCustomer({ workerId: 9 });
    await tail.waitFor(new RegExp(bob.uniqId));
    one.closeCustomer(ann.uniqId);
    expect(await tail.exited).toBe(0);
    const events = tail
      .stdout()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.map((e) => [e.event, e.gateway, e.uniqId])).toEqual([
      ["ConnOpen", `127.0.0.1:${one.port}`, ann.uniqId],
      ["Transfer", `127.0.0.1:${one.port}`, ann.uniqId],
      ["ConnOpen", `127.0.0.1:${two.port}`, bob.uniqId],
      ["ConnClose", `127.0.0.1:${one.port}`, ann.uniqId],
    ]);
    expect(events[0]).toMatchObject({ rawQuery: "user=ann" });
    expect(events[1]).toMatchObject({ text: "hi tail", data: Buffer.from("hi tail").toString("base64") });
    // It unregistered on the way out.
    await one.waitForFrame((r) => r.frame?.cmd === CmdV2.Unregister);
  });

  test("tail stops on SIGINT, unregisters, exits 0; human lines name time, gateway, event and fields", async () => {
    const one = await v2Gateway(1);
    const tail = started([...v2Args(one), "tail", "--worker-id", "9"]);
    await tail.waitFor(/Ctrl-C to stop/, "stderr");
    const ann = one.openCustomer({ workerId: 9, rawQuery: "a=1" });
    one.customerSends(ann.uniqId, new Uint8Array([0, 1, 2, 255]));
    await tail.waitFor(/Transfer/);
    tail.child.kill("SIGINT");
    expect(await tail.exited).toBe(0);
    await one.waitForFrame((r) => r.frame?.cmd === CmdV2.Unregister);
    const lines = tail.stdout().trim().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z 127\\.0\\.0\\.1:${one.port} ConnOpen  uniqId=${ann.uniqId} rawQuery="a=1"$`));
    expect(lines[1]).toMatch(new RegExp(`Transfer  uniqId=${ann.uniqId} data=<4 bytes: 000102ff>$`));
  });

  test("top: a few refreshes of each gateway's Metrics, captured; Δ and /s from the second on", async () => {
    const one = await v2Gateway(1);
    const two = await v2Gateway(2);
    one.openCustomer({});
    const top = started([...v2Args(one, two), "top", "--interval", "0.4", "--count", "3"]);
    await top.waitFor(/refresh 1/);
    // Two more customers open on gateway one before the next refreshes.
    one.openCustomer({});
    one.openCustomer({});
    expect(await top.exited).toBe(0);
    const frames = top.stdout().split(/\n(?=netsvr top)/);
    expect(frames).toHaveLength(3);
    expect(frames[0]).toMatch(/^netsvr top {2}protocol v2 {2}2 gateways {2}every 0.4s {2}refresh 1 {2}\d\d:\d\d:\d\d\n/);
    expect(frames[0]).toContain(`127.0.0.1:${one.port}  server 1  connections 1`);
    expect(frames[2]).toContain(`127.0.0.1:${one.port}  server 1  connections 3`);
    expect(frames[2]).toContain(`127.0.0.1:${two.port}  server 2  connections 0`);
    // The fake counts opens under item 1 (netsvr v3 names item 1 "conn close"; the fake is not that precise).
    const firstRows = rows(frames[0]!.split("\n\n")[1]!);
    expect(firstRows[1]).toEqual(["METRIC", "TOTAL", "Δ", "/S", "1M"]);
    expect(firstRows[2]).toEqual(["conn close", "1", "-", "-", "0.00"]);
    const deltas = frames.slice(1).map((frame) => Number(rows(frame.split("\n\n")[1]!)[2]![2]));
    expect(deltas[0]! + deltas[1]!).toBe(2);
  });

  test("top --json: one NDJSON line per refresh, counts as strings, deltas and rates after the first", async () => {
    const one = await v2Gateway(1);
    const top = started([...v2Args(one), "--json", "top", "-i", "0.3", "-n", "2"]);
    await top.waitFor(/"refresh":1/);
    one.openCustomer({});
    expect(await top.exited).toBe(0);
    const [first, second] = top
      .stdout()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(first.gateways[0]).toMatchObject({ gateway: `127.0.0.1:${one.port}`, ok: true, serverId: 1, connections: 0 });
    expect(first.gateways[0].metrics[0]).toMatchObject({ item: 1, count: "0", delta: null, perSecond: null });
    expect(second.gateways[0].metrics[0]).toMatchObject({ item: 1, count: "1", delta: "1" });
    expect(second.gateways[0].metrics[0].perSecond).toBeCloseTo(1 / second.seconds, 5);
  });

  test("top stops on SIGTERM and when a gateway goes away keeps refreshing the other, then exits 3", async () => {
    const one = await v2Gateway(1);
    const two = await v2Gateway(2);
    const top = started([...v2Args(one, two), "top", "-i", "0.3", "--timeout", "1000"]);
    await top.waitFor(/refresh 1/);
    await two.stop();
    await top.waitFor(new RegExp(`127\\.0\\.0\\.1:${two.port}: Metrics: `));
    expect(top.stdout()).toMatch(/refresh \d+[^]*127\.0\.0\.1:\d+ {2}server 1 {2}connections 0/);
    top.child.kill("SIGTERM");
    expect(await top.exited).toBe(3);
  });
});

describe("netsvr, protocol v6 (fake netsvr v8)", () => {
  test("status: per gateway connections, customerIds and topics; the total sums connections and counts a customerId on both gateways once", async () => {
    const one = await v6Gateway();
    const two = await v6Gateway();
    one.openCustomer({ customerId: "ann", topics: ["news"] });
    one.openCustomer({ customerId: "bob" });
    two.openCustomer({ customerId: "ann", topics: ["news", "sports"] });
    const result = await runCli([...v6Args(one, two), "status"]);
    expect(result.code).toBe(0);
    expect(rows(result.stdout).slice(0, 4)).toEqual([
      ["GATEWAY", "CONNECTIONS", "CUSTOMERIDS", "TOPICS", "LIMITS"],
      [`127.0.0.1:${one.taskPort}`, "2", "2", "1", "open 1000/s, message 1000/s"],
      [`127.0.0.1:${two.taskPort}`, "1", "1", "2", "open 1000/s, message 1000/s"],
      ["total", "3", "2", "2", "(per gateway)"],
    ]);
    expect(JSON.parse((await runCli([...v6Args(one, two), "status", "--json"])).stdout).total).toEqual({ connections: 3, customerIds: 2, topics: 2 });
  });

  test("find looks an id up as a uniqId and as a customerId, on every gateway", async () => {
    const one = await v6Gateway();
    const two = await v6Gateway();
    const web = one.openCustomer({ customerId: "ann", session: "web", topics: ["news"] });
    const phone = two.openCustomer({ customerId: "ann", session: "phone" });
    const guest = two.openCustomer({});
    const result = await runCli([...v6Args(one, two), "find", "ann", guest.uniqId, "nobody"]);
    expect(result.code).toBe(1);
    expect(rows(result.stdout)).toEqual([
      ["QUERY", "UNIQID", "CUSTOMERID", "GATEWAY", "SESSION", "TOPICS"],
      ["ann", web.uniqId, "ann", `127.0.0.1:${one.taskPort}`, "web", "news"],
      ["ann", phone.uniqId, "ann", `127.0.0.1:${two.taskPort}`, "phone", "-"],
      [guest.uniqId, guest.uniqId, "-", `127.0.0.1:${two.taskPort}`, "-", "-"],
      ["not online: nobody"],
    ]);
  });

  test("topics --with-counts: connections summed, customerIds counted once over gateways; topic lists members with customerIds", async () => {
    const one = await v6Gateway();
    const two = await v6Gateway();
    const a = one.openCustomer({ customerId: "ann", topics: ["news"] });
    const b = two.openCustomer({ customerId: "ann", topics: ["news"] });
    const c = two.openCustomer({ customerId: "cid-c", topics: ["news", "sports"] });
    const counts = await runCli([...v6Args(one, two), "topics", "--with-counts"]);
    expect(rows(counts.stdout)).toEqual([
      ["TOPIC", "CONNECTIONS", "CUSTOMERIDS", "GATEWAYS"],
      ["news", "3", "2", `127.0.0.1:${one.taskPort},127.0.0.1:${two.taskPort}`],
      ["sports", "1", "1", `127.0.0.1:${two.taskPort}`],
    ]);
    const members = JSON.parse((await runCli([...v6Args(one, two), "topic", "news", "--json"])).stdout) as { members: { uniqId: string; customerId: string; gateway: string }[] };
    expect(members.members.map((m) => [m.uniqId, m.customerId, m.gateway])).toEqual([
      [a.uniqId, "ann", `127.0.0.1:${one.taskPort}`],
      [b.uniqId, "ann", `127.0.0.1:${two.taskPort}`],
      [c.uniqId, "cid-c", `127.0.0.1:${two.taskPort}`],
    ]);
  });

  test("send by uniqId goes to its gateway only; by --customer-id to every connection of it; an id of another gateway says whose it is", async () => {
    const one = await v6Gateway();
    const two = await v6Gateway();
    const web = one.openCustomer({ customerId: "ann" });
    const phone = two.openCustomer({ customerId: "ann" });
    const sent = await runCli([...v6Args(one, two), "send", phone.uniqId, "to the phone"]);
    expect(sent).toMatchObject({ code: 0, stdout: `sent 12 bytes to uniqId ${phone.uniqId} on 127.0.0.1:${two.taskPort}\n` });
    expect(text((await two.waitForDelivery(phone.uniqId, 1))[0])).toBe("to the phone");
    expect(one.received.some((r) => r.frame?.cmd === CmdV6.SingleCast)).toBe(false);

    const both = await runCli([...v6Args(one, two), "send", "--customer-id", "ann", "to every device"]);
    expect(both).toMatchObject({ code: 0, stdout: `sent 15 bytes to customerId ann (2 connections) on 127.0.0.1:${one.taskPort}, 127.0.0.1:${two.taskPort}\n` });
    expect(text((await one.waitForDelivery(web.uniqId, 1))[0])).toBe("to every device");
    expect(text((await two.waitForDelivery(phone.uniqId, 2))[1])).toBe("to every device");

    const foreign = "7f00000100506b0dbd3e0ef9b513"; // 127.0.0.1:80
    const elsewhere = await runCli([...v6Args(one), "send", foreign, "x"]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain(`its prefix names the gateway with task port 127.0.0.1:80, not one of 127.0.0.1:${one.taskPort}`);
  });

  test("kick --customer-id closes every connection of those customers; broadcast reaches all", async () => {
    const one = await v6Gateway();
    const two = await v6Gateway();
    const web = one.openCustomer({ customerId: "ann" });
    const phone = two.openCustomer({ customerId: "ann" });
    const other = two.openCustomer({ customerId: "bob" });
    const broadcast = await runCli([...v6Args(one, two), "broadcast", "-y", "hello all"]);
    expect(broadcast.stdout).toBe("broadcast 9 bytes to 3 connections on 2 gateways\n");
    await one.waitForDelivery(web.uniqId, 1);
    await two.waitForDelivery(other.uniqId, 1);
    const kicked = await runCli([...v6Args(one, two), "kick", "--customer-id", "ann", "ghost", "--yes"]);
    expect(kicked.code).toBe(1);
    expect(kicked.stdout).toBe(`kicked 2 connections: ${web.uniqId} on 127.0.0.1:${one.taskPort}, ${phone.uniqId} on 127.0.0.1:${two.taskPort}\nnot online: ghost\n`);
    await one.waitUntil(() => one.customer(web.uniqId)?.online === false, "web offline");
    await two.waitUntil(() => two.customer(phone.uniqId)?.online === false, "phone offline");
    expect(two.customer(other.uniqId)?.online).toBe(true);
    expect((await runCli([...v6Args(one, two), "kick", "--customer-id", "--guest", "x", "-y"])).code).toBe(2);
  });

  test("tail needs --share-events and the worker port; it registers the chosen event bits on every worker port and prints their events", async () => {
    const one = await v6Gateway();
    const two = await v6Gateway();
    const refused = await runCli([...v6TailArgs(one, two), "tail"]);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain("a v8 gateway hands each event to ONE of the connections registered for it");
    const noWorker = await runCli([...v6Args(one), "tail", "--share-events"]);
    expect(noWorker.code).toBe(2);
    expect(noWorker.stderr).toContain(`write host:workerPort@127.0.0.1:${one.taskPort}`);
    const taskAsWorker = await runCli(["-p", "v6", "-g", `127.0.0.1:${one.taskPort}@127.0.0.1:${one.taskPort}`, "tail", "--share-events"]);
    expect(taskAsWorker.code).toBe(4);
    expect(taskAsWorker.stderr).toContain("closed the connection on Register: is it the worker port?");
    expect((await runCli([...v6TailArgs(one), "tail", "--share-events", "--events", "open,typo"])).code).toBe(2);

    const tail = started([...v6TailArgs(one, two), "tail", "--share-events", "--events", "close,message", "-n", "2"]);
    await tail.waitFor(/registered for close, message on/, "stderr");
    expect((await one.waitForRegistration(Event.OnClose | Event.OnMessage)).registration?.events).toBe(Event.OnClose | Event.OnMessage);
    await two.waitForRegistration(Event.OnClose | Event.OnMessage);
    const ann = two.openCustomer({ customerId: "ann", topics: ["news"] });
    two.customerSends(ann.uniqId, "hello");
    await tail.waitFor(/Transfer/);
    two.closeCustomer(ann.uniqId);
    expect(await tail.exited).toBe(0);
    const lines = tail.stdout().trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`127\\.0\\.0\\.1:${two.taskPort} Transfer  uniqId=${ann.uniqId} customerId=ann topics=news data="hello"$`));
    expect(lines[1]).toMatch(new RegExp(`127\\.0\\.0\\.1:${two.taskPort} ConnClose uniqId=${ann.uniqId} customerId=ann topics=news$`));
    await two.waitForFrame((r) => r.frame?.cmd === CmdV6.Unregister);
  });

  test("top over two v6 gateways: each gateway's items by their v8 names, refreshed", async () => {
    const one = await v6Gateway();
    const two = await v6Gateway();
    two.openCustomer({});
    const result = await runCli([...v6Args(one, two), "top", "-i", "0.2", "-n", "2"]);
    expect(result.code).toBe(0);
    const frames = result.stdout.split(/\n(?=netsvr top)/);
    expect(frames).toHaveLength(2);
    expect(frames[1]).toContain(`127.0.0.1:${two.taskPort}  connections 1`);
    const metrics = rows(frames[1]!.split("\n\n")[2]!).map((row) => row[0]);
    expect(metrics).toEqual([`127.0.0.1:${two.taskPort}`, "METRIC", "conn open", "conn close", "heartbeat", "to business failed"]);
  });
});

/** Whether util-linux `script` can give the CLI a terminal. */
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe.skipIf(!hasScript)("netsvr top on a terminal (a pseudo-terminal from util-linux script)", () => {
  for (const [key, name] of [
    ["q", "q"],
    ["\x03", "Ctrl-C"],
  ] as const) {
    test(`draws on the alternate screen with the cursor hidden, and ${name} restores the terminal and exits 0`, async () => {
      const gateway = await v6Gateway();
      const command = [process.execPath, cliBin, ...v6Args(gateway), "top", "-i", "0.2"].map((arg) => `'${arg}'`).join(" ");
      const child = spawn("script", ["-qfec", command, "/dev/null"], { stdio: ["pipe", "pipe", "pipe"] });
      cleanups.push(() => {
        if (child.exitCode === null) child.kill("SIGKILL");
      });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
      const deadline = Date.now() + 10_000;
      while (!output.includes("refresh 2") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(output).toContain("refresh 2");
      child.stdin.write(key);
      expect(await exited).toBe(0);
      // Enter: alternate screen, cursor hidden; each refresh from the top left; leave: cursor shown, main screen.
      expect(output.startsWith("\x1b[?1049h\x1b[?25l\x1b[H\x1b[2Jnetsvr top  protocol v6")).toBe(true);
      expect(output).toContain("(q to quit)");
      expect(output.trimEnd().endsWith("\x1b[?25h\x1b[?1049l")).toBe(true);
    });
  }
});

describe("the packed package", () => {
  test("npm pack of netsvr-cli (built by prepack) installs beside the packed netsvr-protocol with only declared dependencies, and its bin runs", async () => {
    const work = mkdtempSync(join(tmpdir(), "netsvr-cli-pack-"));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    const npm = (args: string[], cwd: string): string => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const pack = (dir: string): string => join(work, (JSON.parse(npm(["pack", "--json", "--pack-destination", work], join(repoRoot, dir))) as { filename: string; files: { path: string }[] }[])[0]!.filename);
    const [protocol, cli] = [pack("generated"), pack("cli")];
    const files = (JSON.parse(npm(["pack", "--dry-run", "--json"], join(repoRoot, "cli"))) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
    expect(files).toEqual(["LICENSE", "README.md", "bin/netsvr.js", ...["commands", "config", "errors", "gateways", "main", "output", "probe", "tail", "top"].map((f) => `dist/${f}.js`), "package.json"].sort());
    const app = join(work, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true }));
    npm(["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", protocol, cli], app);
    const gateway = await v6Gateway();
    gateway.openCustomer({ customerId: "ann" });
    const bin = join(app, "node_modules", ".bin", "netsvr");
    // Not execFileSync: the fake gateway answers from this process.
    const { stdout } = await promisify(execFile)(bin, ["-p", "v6", "-g", `127.0.0.1:${gateway.taskPort}`, "--json", "status"], { cwd: app, encoding: "utf8" });
    expect(JSON.parse(stdout).gateways[0]).toMatchObject({ ok: true, connections: 1, customerIds: 1 });
  });
});
