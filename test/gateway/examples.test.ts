/**
 * The examples run as a user runs them (node examples/<file>.mjs, importing
 * the package by name) against the first real gateway of each version, as
 * test/examples.test.ts runs them against the fake one. The ConnOpen
 * callback example needs a gateway configured to call it
 * (Customer.OnOpenCallbackApi): NETSVR_V6_CALLBACK names one.
 */
import { describe, expect, test } from "vitest";
import { runExample as runExampleProcess, type RunningExample } from "../support/run-example.js";
import { Customer } from "./support/customer.js";
import { v2Gateways, v6Callback, v6Gateways } from "./support/env.js";
import { cleanups, useHarness } from "./support/harness.js";
import { Cmd } from "netsvr-protocol/v6";
import { connectTask } from "netsvr-protocol/v6/node";
import { eventWorker } from "./support/v2.js";
import { token, within } from "./support/wait.js";

useHarness();

const bound = 10_000;

/** Starts an example, killed after the test; resolves once its output matches `ready`. */
function runExample(file: string, args: string[], ready: RegExp): Promise<RunningExample> {
  let output = (): string => "";
  const started = runExampleProcess(file, args, ready, (cleanup) => cleanups.add(cleanup));
  void started.then((running) => (output = running.output), () => undefined);
  return within(started, bound, `${file} printing ${ready}`).catch((error: unknown) => {
    throw new Error(`${(error as Error).message}; its output:\n${output()}`);
  });
}

describe.skipIf(v2Gateways.length === 0)("examples against a real v2 gateway (netsvr v3)", () => {
  test("echo-worker-v2 registers as worker 1, echoes a customer's message, and unregisters on SIGINT", async () => {
    const gw = v2Gateways[0]!;
    const args = ["--host", gw.host, "--port", String(gw.workerPort), "--server-id", String(gw.serverId)];
    const { child, exited, output } = await runExample("echo-worker-v2.mjs", args, /registered as worker 1/);
    // Worker 1 is the gateway's ConnOpenWorkerId: customers stay open only once it is registered.
    const customer = await Customer.open(gw.url, { workerId: eventWorker });
    const message = token("ping me");
    await customer.send(message);
    expect(await customer.receive(() => true, bound, "the echo")).toBe(message);
    child.kill("SIGINT");
    expect(await within(exited, bound, "the example's exit")).toBe(0);
    expect(output()).toContain("unregistered and closed");
  });
});

describe.skipIf(v6Gateways.length === 0)("examples against a real v6 gateway (netsvr v8)", () => {
  test("echo-worker-v6 registers for OnMessage on the worker port and echoes over the task port", async () => {
    const gw = v6Gateways[0]!;
    // The example takes one host for both ports, as a v8 gateway requires.
    expect(gw.taskHost).toBe(gw.host);
    const args = ["--host", gw.host, "--worker-port", String(gw.workerPort), "--task-port", String(gw.taskPort)];
    const { child, exited, output } = await runExample("echo-worker-v6.mjs", args, /registered for OnMessage/);
    const customer = await Customer.open(gw.url);
    const message = token("ping me");
    await customer.send(message);
    expect(await customer.receive(() => true, bound, "the echo")).toBe(message);
    child.kill("SIGINT");
    expect(await within(exited, bound, "the example's exit")).toBe(0);
    expect(output()).toContain("unregistered and closed");
  });
});

describe.skipIf(v6Callback === undefined)("the ConnOpen callback example, called by a real v6 gateway (netsvr v8)", () => {
  test("admits a customer as a guest (welcome message, topic guests); a denied address gets the refusal and a 1008 close", async () => {
    const gw = v6Callback!;
    const args = ["--port", gw.callback.port, "--path", gw.callback.pathname];
    const admitting = await runExample("conn-open-callback-v6.mjs", args, /ConnOpen callback on/);
    const guest = await Customer.open(gw.url);
    expect(await guest.receive(() => true, bound, "the welcome")).toBe("welcome: send your token to log in");
    const task = await connectTask({ host: gw.taskHost, port: gw.taskPort });
    cleanups.add(() => task.close());
    const members = await task.request(Cmd.TopicUniqIdList, { topics: ["guests"] });
    expect(members.items["guests"]?.uniqIds).toHaveLength(1);
    await guest.close();
    admitting.child.kill("SIGKILL");
    await admitting.exited;

    await runExample("conn-open-callback-v6.mjs", [...args, "--deny", "127.0.0.1"], /ConnOpen callback on/);
    const denied = await Customer.open(gw.url);
    expect(await denied.receive(() => true, bound, "the refusal")).toBe("refused");
    expect(await within(denied.closed, bound, "the close")).toMatchObject({ code: 1008 });
  });
});
