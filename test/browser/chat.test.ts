// The whole path of an application protocol, in a real browser: Chromium
// runs the generated chat customer client; it talks WebSocket to the fake
// gateway, which forwards as Transfer to a Node business running the
// generated router over netsvr-protocol's customerLink(); answers and pushes
// come back through SingleCast / TopicPublish. Both protocol versions, both
// encodings, bad messages either way, a gateway restart.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import * as binaryBusiness from "../../examples/chat/gen/binary/business.js";
import * as jsonBusiness from "../../examples/chat/gen/json/business.js";
import { Cmd } from "../../examples/chat/gen/json/commands.js";
import { Cmd as V2Cmd } from "../../generated/dist/v2/index.js";
import { connect, customerLink as v2Link } from "../../generated/dist/v2/node.js";
import { Cmd as V6Cmd, Event } from "../../generated/dist/v6/index.js";
import { connectTask, connectWorker, customerLink as v6Link } from "../../generated/dist/v6/node.js";
import { bundleForBrowser, launchBrowser, servePage, type Browser, type ServedPage } from "../support/browser.js";
import { startTestGateway, type TestGateway, type TestGatewayV6 } from "../support/test-gateway.js";
import type { ChatParams } from "./fixtures/chat-customer.js";

type Version = "v2" | "v6";
type Encoding = "json" | "binary";

let browser: Browser;
let site: ServedPage;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await servePage({ script: await bundleForBrowser("test/browser/fixtures/chat-customer.ts") });
});
afterAll(async () => {
  await site?.close();
  await browser?.close();
});

interface Business {
  /** Errors the router reported (undecodable or unhandled messages, failed handlers). */
  readonly errors: Error[];
  /** Sends raw bytes to every customer, past the router: a business bug. */
  sendRaw(data: Uint8Array): void;
  close(): Promise<void>;
}

/** The chat business, cut to what the test needs; examples/chat/business.mjs is the full one. */
async function startBusiness(gateway: TestGateway | TestGatewayV6, version: Version, encoding: Encoding): Promise<Business> {
  const { createBusinessRouter, AppError } = encoding === "json" ? jsonBusiness : (binaryBusiness as unknown as typeof jsonBusiness);
  const reconnect = { initialDelay: 20, maxDelay: 100 };
  const errors: Error[] = [];
  const history: { room: string; user: string; text: string; at: bigint; seq: number }[] = [];

  let link;
  let subscribe: (uniqId: string, room: string) => void;
  let sendRaw: (data: Uint8Array) => void;
  let closeClients: () => Promise<void>;
  if (version === "v2") {
    const client = await connect({ host: gateway.host, port: gateway.port, reconnect });
    await client.register({ workerId: 1, serverId: (gateway as TestGateway).serverId, processCmdGoroutineNum: 1 });
    link = v2Link(client, client);
    subscribe = (uniqId, room) => client.send(V2Cmd.TopicSubscribe, { uniqId, topics: [room] });
    sendRaw = (data) => client.send(V2Cmd.Broadcast, { data });
    closeClients = () => client.close();
  } else {
    const gw = gateway as TestGatewayV6;
    const worker = await connectWorker({ host: gw.host, port: gw.workerPort, reconnect });
    await worker.register({ events: Event.OnMessage });
    const task = await connectTask({ host: gw.host, port: gw.taskPort, reconnect });
    link = v6Link(worker, task);
    subscribe = (uniqId, room) => task.send(V6Cmd.TopicSubscribe, { uniqId, topics: [room] });
    sendRaw = (data) => task.send(V6Cmd.Broadcast, { data });
    closeClients = async () => {
      await worker.close();
      await task.close();
    };
  }

  const router = createBusinessRouter(
    link,
    {
      SignIn: ({ name }) => {
        if (name === "") throw new AppError("bad-name", "a name is required");
        return { user: name, rooms: ["lobby"] };
      },
      Join: ({ room }, sender) => {
        subscribe(sender.uniqId, room);
        return { room, members: [sender.uniqId] };
      },
      Say: ({ room, text }, sender) => {
        const said = { room, user: sender.uniqId, text, at: BigInt(Date.now()), seq: history.length + 1 };
        history.push(said);
        router.push({ topics: [room] }, Cmd.Said, said);
      },
      History: ({ room }) => ({ messages: history.filter((m) => m.room === room) }),
    },
    { onError: (error) => errors.push(error) },
  );
  return {
    errors,
    sendRaw,
    close: async () => {
      router.close();
      await closeClients();
    },
  };
}

async function startGateway(version: Version, sendMessageType: "text" | "binary"): Promise<TestGateway | TestGatewayV6> {
  return version === "v2" ? startTestGateway({ customers: { sendMessageType } }) : startTestGateway({ protocol: "v6", customers: { sendMessageType } });
}

async function openPage(params: ChatParams): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => "chat" in globalThis);
  await page.evaluate((p) => (globalThis as never as { chat: { start(p: ChatParams): Promise<void> } }).chat.start(p), params);
  return page;
}

/** Calls a step of the page's chat object (test/browser/fixtures/chat-customer.ts). */
function step<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([n, a]) => (globalThis as never as { chat: Record<string, (...args: unknown[]) => unknown> }).chat[n as string]!(...(a as unknown[])),
    [name, args] as const,
  ) as Promise<T>;
}

async function waitForSeen(page: Page, predicate: string): Promise<void> {
  await page.waitForFunction(`globalThis.chat.seen().some(${predicate})`, undefined, { timeout: 5000 });
}

const cases: { version: Version; encoding: Encoding }[] = [
  { version: "v2", encoding: "json" },
  { version: "v2", encoding: "binary" },
  { version: "v6", encoding: "json" },
  { version: "v6", encoding: "binary" },
];

describe.each(cases)("chat in Chromium through the fake gateway, $version, $encoding", ({ version, encoding }) => {
  let gateway: TestGateway | TestGatewayV6;
  let business: Business;
  let page: Page;

  beforeAll(async () => {
    gateway = await startGateway(version, encoding === "binary" ? "binary" : "text");
    business = await startBusiness(gateway, version, encoding);
    page = await openPage({ url: gateway.customerUrl!, version, encoding });
  });
  afterAll(async () => {
    await page?.close();
    await business?.close();
    await gateway?.close();
  });

  test("requests are answered, a one-way message comes back as a push, history is kept", async () => {
    expect(await step(page, "signIn", "ana")).toEqual({ ok: { user: "ana", rooms: ["lobby"] } });
    const joined = await step<{ ok: { room: string; members: string[] } }>(page, "join", "lobby");
    expect(joined.ok.room).toBe("lobby");
    const uniqId = joined.ok.members[0]!;
    expect(gateway.customer(uniqId)?.topics).toEqual(["lobby"]);

    await step(page, "say", "lobby", "hello from the browser");
    await waitForSeen(page, `(s) => s.kind === "said"`);
    const said = (await step<{ kind: string }[]>(page, "seen")).filter((s) => s.kind === "said");
    expect(said).toEqual([{ kind: "said", room: "lobby", user: uniqId, text: "hello from the browser", seq: 1 }]);
    expect(await step(page, "history", "lobby")).toEqual({ ok: [{ user: uniqId, text: "hello from the browser", seq: 1 }] });
  });

  test("a handler's AppError reaches the browser as a remote error with its code", async () => {
    expect(await step(page, "signIn", "")).toEqual({
      error: { name: "CustomerError", code: "remote", remoteCode: "bad-name", message: expect.stringContaining("a name is required") },
    });
  });

  test("a message the business cannot decode is answered with an error and reaches no handler", async () => {
    const before = business.errors.length;
    // A second WebSocket, not the generated client: it sends what no client would.
    const answer = await page.evaluate(
      async ({ url, prefix, encoding }) => {
        const socket = new WebSocket(url);
        socket.binaryType = "arraybuffer";
        await new Promise((resolve) => socket.addEventListener("open", resolve, { once: true }));
        const reply = new Promise<string | number[]>((resolve) =>
          socket.addEventListener("message", (e) => resolve(typeof e.data === "string" ? e.data : [...new Uint8Array(e.data as ArrayBuffer)]), { once: true }),
        );
        if (encoding === "json") socket.send(`${prefix}{"cmd":"SignIn","id":9,"body":{"name":42}}`);
        else socket.send(new Uint8Array([...new TextEncoder().encode(prefix), 0, 0, 0, 1, 0, 0, 0, 9, 0x0a, 0x05, 0x61]));
        const data = await reply;
        socket.close();
        return data;
      },
      { url: gateway.customerUrl!, prefix: version === "v2" ? "001" : "", encoding },
    );
    if (encoding === "json") {
      expect(JSON.parse(answer as string)).toMatchObject({ cmd: "SignIn", id: 9, error: { code: "undecodable" } });
    } else {
      // Command id 0 marks an error answer; the request id comes back.
      expect((answer as number[]).slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 9]);
    }
    expect(business.errors.length).toBe(before + 1);
    expect(business.errors.at(-1)).toMatchObject({ name: "MessageError", code: "invalid-body" });
  });

  test("a message the browser cannot decode is a typed error event, and the client keeps working", async () => {
    business.sendRaw(encoding === "json" ? new TextEncoder().encode("not json") : new Uint8Array([0, 0, 0, 99, 0, 0, 0, 0]));
    await waitForSeen(page, `(s) => s.kind === "error" && s.name === "CustomerError"`);
    const errors = (await step<{ kind: string; code: string }[]>(page, "seen")).filter((s) => s.kind === "error");
    expect(errors).toEqual([expect.objectContaining({ code: "protocol" })]);
    expect(await step(page, "signIn", "ana")).toEqual({ ok: { user: "ana", rooms: ["lobby"] } });
  });

  test("after a gateway restart the client reconnects and works again", async () => {
    await gateway.stop();
    await waitForSeen(page, `(s) => s.kind === "close" && s.reconnecting`);
    await gateway.restart();
    await page.waitForFunction(`globalThis.chat.state() === "open"`, undefined, { timeout: 10_000 });
    const seen = await step<{ kind: string }[]>(page, "seen");
    expect(seen.filter((s) => s.kind === "open").length).toBe(2);
    // The business reconnected too (it re-registers), so a request goes all the way round again.
    await expect.poll(() => step(page, "signIn", "bo"), { timeout: 10_000, interval: 200 }).toEqual({ ok: { user: "bo", rooms: ["lobby"] } });
  });
});

describe("binary chat against a gateway that sends text messages (Customer.SendMessageType = 1)", () => {
  test("the client reports the mismatch and names the setting", async () => {
    const gateway = await startGateway("v6", "text");
    const business = await startBusiness(gateway, "v6", "binary");
    const page = await openPage({ url: gateway.customerUrl!, version: "v6", encoding: "binary" });
    try {
      const result = await step<{ error?: { code: string; message: string } }>(page, "signIn", "ana");
      expect(result.error?.code).toBe("wrong-frame-type");
      expect(result.error?.message).toContain("SendMessageType");
    } finally {
      await page.close();
      await business.close();
      await gateway.close();
    }
  });
});
