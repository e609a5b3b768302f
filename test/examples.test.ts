import { connect } from "node:net";
import { afterEach, describe, expect, test } from "vitest";
import { Cmd as CmdV2 } from "../generated/dist/v2/index.js";
import { Cmd as CmdV6, Event, connOpenRespFromBinary, connOpenToBinary } from "../generated/dist/v6/index.js";
import { runExample as runExampleProcess, type RunningExample } from "./support/run-example.js";
import { startTestGateway } from "./support/test-gateway.js";

// The examples run as a user runs them (node examples/<file>.mjs, importing
// the package by name) against the fake gateway: they must keep working.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts an example, killed after the test. */
function runExample(file: string, args: string[], ready: RegExp): Promise<RunningExample> {
  return runExampleProcess(file, args, ready, (cleanup) => cleanups.push(cleanup));
}

describe("examples", () => {
  test("echo-worker-v2 registers as worker 1, echoes a Transfer with SingleCast, and unregisters on SIGINT", async () => {
    const gateway = await startTestGateway({ serverId: 1 });
    cleanups.push(() => gateway.close());
    const { child, exited } = await runExample("echo-worker-v2.mjs", ["--port", String(gateway.port), "--server-id", "1"], /registered as worker 1/);
    const customer = gateway.openCustomer({ workerId: 1 });
    gateway.customerSends(customer.uniqId, "ping me");
    const inbox = await gateway.waitForDelivery(customer.uniqId, 1);
    expect(new TextDecoder().decode(inbox[0])).toBe("ping me");
    child.kill("SIGINT");
    await gateway.waitForFrame((r) => r.frame?.cmd === CmdV2.Unregister);
    expect(await exited).toBe(0);
  });

  test("echo-worker-v6 registers for OnMessage on the worker port and echoes over the task port", async () => {
    const gateway = await startTestGateway({ protocol: "v6" });
    cleanups.push(() => gateway.close());
    const args = ["--worker-port", String(gateway.workerPort), "--task-port", String(gateway.taskPort)];
    const { child, exited } = await runExample("echo-worker-v6.mjs", args, /registered for OnMessage/);
    expect((await gateway.waitForRegistration(Event.OnMessage)).port).toBe("worker");
    const customer = gateway.openCustomer({});
    gateway.customerSends(customer.uniqId, "ping me");
    const inbox = await gateway.waitForDelivery(customer.uniqId, 1);
    expect(new TextDecoder().decode(inbox[0])).toBe("ping me");
    const singleCast = await gateway.waitForFrame((r) => r.frame?.cmd === CmdV6.SingleCast);
    expect(gateway.connection(singleCast.connectionId)?.port).toBe("task");
    child.kill("SIGINT");
    await gateway.waitForFrame((r) => r.frame?.cmd === CmdV6.Unregister);
    expect(await exited).toBe(0);
  });

  test("conn-open-callback-v6 admits guests, refuses denied addresses, and guards its endpoint (method, path, body size, slow senders)", async () => {
    const ready = /ConnOpen callback on :(\d+)\/open\n/;
    const { output } = await runExample("conn-open-callback-v6.mjs", ["--port", "0", "--path", "/open", "--deny", "10.0.0.66", "--timeout-ms", "300"], ready);
    const port = Number(ready.exec(output())![1]);
    const url = `http://127.0.0.1:${port}/open`;
    const post = async (open: Parameters<typeof connOpenToBinary>[0]) => {
      const response = await fetch(url, { method: "POST", body: connOpenToBinary(open).slice() });
      expect(response.status).toBe(200);
      return connOpenRespFromBinary(new Uint8Array(await response.arrayBuffer()));
    };
    const guest = await post({ uniqId: "u1", remoteAddr: "10.0.0.7" });
    expect(guest).toMatchObject({ allow: true, newTopics: ["guests"] });
    expect((await post({ uniqId: "u2", remoteAddr: "10.0.0.66" })).allow).toBe(false);
    // Behind a proxy the customer's address is X-Real-IP, not the proxy's.
    expect((await post({ uniqId: "u3", remoteAddr: "10.0.0.1", xRealIp: "10.0.0.66" })).allow).toBe(false);
    expect((await fetch(url, { method: "POST", body: new Uint8Array([0xff]) })).status).toBe(400);
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${port}/other`, { method: "POST", body: connOpenToBinary({ uniqId: "u4" }).slice() })).status).toBe(404);
    expect((await fetch(url, { method: "POST", body: new Uint8Array(64 * 1024) })).status).toBe(413);
    // A sender that sends headers and then nothing is cut off, not held forever.
    const socket = connect(port, "127.0.0.1");
    socket.write(`POST /open HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n`);
    const closed = await new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
    });
    expect(closed).toMatch(/^HTTP\/1\.1 408|^$/);
  });
});
