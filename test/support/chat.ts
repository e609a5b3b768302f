// The chat application protocol end to end, for the browser tests against
// the fake gateway (test/browser/chat.test.ts) and the real ones
// (test/gateway/chat.test.ts): a Node business running the generated chat
// router over netsvr-protocol's customerLink(), and a page in Chromium
// running the generated customer client (test/browser/fixtures/chat-customer.ts).
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import * as binaryBusiness from "../../examples/chat/gen/binary/business.js";
import * as jsonBusiness from "../../examples/chat/gen/json/business.js";
import { Cmd } from "../../examples/chat/gen/json/commands.js";
import { Cmd as V2Cmd } from "../../generated/dist/v2/index.js";
import { connect, customerLink as v2Link } from "../../generated/dist/v2/node.js";
import { Cmd as V6Cmd, Event } from "../../generated/dist/v6/index.js";
import { connectTask, connectWorker, customerLink as v6Link } from "../../generated/dist/v6/node.js";
import type { ChatParams } from "../browser/fixtures/chat-customer.js";
import { bundleForBrowser, launchBrowser, servePage } from "./browser.js";

export type Version = "v2" | "v6";
export type Encoding = "json" | "binary";

/** Where the business connects: a v2 gateway's worker port, or a v6 gateway's worker and task ports. */
export type BusinessTarget =
  | { readonly version: "v2"; readonly host: string; readonly port: number; readonly serverId: number }
  | { readonly version: "v6"; readonly host: string; readonly workerPort: number; readonly taskHost?: string; readonly taskPort: number };

export interface Business {
  /** Errors the router reported (undecodable or unhandled messages, failed handlers). */
  readonly errors: Error[];
  /** Sends raw bytes to every customer, past the router: a business bug. */
  sendRaw(data: Uint8Array): void;
  /** Takes a customer offline through the gateway (ForceOffline). */
  forceOffline(uniqId: string): void;
  close(): Promise<void>;
}

/** The chat business, cut to what the tests need; examples/chat/business.mjs is the full one. */
export async function startBusiness(target: BusinessTarget, encoding: Encoding): Promise<Business> {
  const { createBusinessRouter, AppError } = encoding === "json" ? jsonBusiness : (binaryBusiness as unknown as typeof jsonBusiness);
  const reconnect = { initialDelay: 20, maxDelay: 100 };
  const errors: Error[] = [];
  const history: { room: string; user: string; text: string; at: number; seq: number }[] = [];

  let link;
  let subscribe: (uniqId: string, room: string) => void;
  let sendRaw: (data: Uint8Array) => void;
  let forceOffline: (uniqId: string) => void;
  let closeClients: () => Promise<void>;
  if (target.version === "v2") {
    const client = await connect({ host: target.host, port: target.port, reconnect });
    await client.register({ workerId: 1, serverId: target.serverId, processCmdGoroutineNum: 1 });
    link = v2Link(client, client);
    subscribe = (uniqId, room) => client.send(V2Cmd.TopicSubscribe, { uniqId, topics: [room] });
    sendRaw = (data) => client.send(V2Cmd.Broadcast, { data });
    forceOffline = (uniqId) => client.send(V2Cmd.ForceOffline, { uniqIds: [uniqId] });
    closeClients = () => client.close();
  } else {
    const worker = await connectWorker({ host: target.host, port: target.workerPort, reconnect });
    await worker.register({ events: Event.OnMessage });
    const task = await connectTask({ host: target.taskHost ?? target.host, port: target.taskPort, reconnect });
    link = v6Link(worker, task);
    subscribe = (uniqId, room) => task.send(V6Cmd.TopicSubscribe, { uniqId, topics: [room] });
    sendRaw = (data) => task.send(V6Cmd.Broadcast, { data });
    forceOffline = (uniqId) => task.send(V6Cmd.ForceOffline, { uniqIds: [uniqId] });
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
        const said = { room, user: sender.uniqId, text, at: Date.now(), seq: history.length + 1 };
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
    forceOffline,
    close: async () => {
      router.close();
      await closeClients();
    },
  };
}

/** Chromium and the chat page (test/browser/fixtures/chat-customer.ts) served for it: once per test file. */
export interface ChatBrowser {
  /** A new page running the chat customer client, started with params. */
  openPage(params: ChatParams): Promise<Page>;
  close(): Promise<void>;
}

export async function startChatBrowser(): Promise<ChatBrowser> {
  const browser = await launchBrowser();
  const site = await servePage({ script: await bundleForBrowser("test/browser/fixtures/chat-customer.ts") });
  return {
    openPage: (params) => openPage(browser, site.url, params),
    close: async () => {
      await site.close();
      await browser.close();
    },
  };
}

async function openPage(browser: Browser, url: string, params: ChatParams): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => "chat" in globalThis);
  await page.evaluate((p) => (globalThis as never as { chat: { start(p: ChatParams): Promise<void> } }).chat.start(p), params);
  return page;
}

/** Calls a step of the page's chat object (test/browser/fixtures/chat-customer.ts). */
export function step<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([n, a]) => (globalThis as never as { chat: Record<string, (...args: unknown[]) => unknown> }).chat[n as string]!(...(a as unknown[])),
    [name, args] as const,
  ) as Promise<T>;
}

/** Waits until the page has seen an event matching predicate (JavaScript source of a function of one entry). */
export async function waitForSeen(page: Page, predicate: string, timeout = 5000): Promise<void> {
  await page.waitForFunction(`globalThis.chat.seen().some(${predicate})`, undefined, { timeout });
}

/**
 * Sends, from the page, a SignIn request (id 9) whose body cannot be
 * decoded, over a WebSocket of its own (the generated client sends no such
 * thing), and returns what comes back: the text of a json answer, the bytes
 * of a binary one.
 */
export function sendUndecodable(page: Page, url: string, version: Version, encoding: Encoding): Promise<string | number[]> {
  return page.evaluate(
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
    { url, prefix: version === "v2" ? "001" : "", encoding },
  );
}

/** What the page sees after the business sends ForceOffline for its customer, per gateway version. */
export async function expectForcedOffline(page: Page, business: Business, version: Version): Promise<void> {
  const joined = await step<{ ok: { members: string[] } }>(page, "join", "lobby");
  business.forceOffline(joined.ok.members[0]!);
  if (version === "v2") {
    // No close frame: a drop, so the client reconnects (v3.0.0 closes about 3 s after the data).
    await waitForSeen(page, `(s) => s.kind === "close" && s.code === 1006 && s.reconnecting`, 10_000);
    await page.waitForFunction(`globalThis.chat.state() === "open"`, undefined, { timeout: 10_000 });
    expect(await step(page, "signIn", "ana")).toEqual({ ok: { user: "ana", rooms: ["lobby"] } });
  } else {
    await waitForSeen(page, `(s) => s.kind === "close" && s.code === 1008 && s.reason === "forceOffline" && !s.reconnecting`);
    await waitForSeen(page, `(s) => s.kind === "error" && s.code === "forced-offline"`);
    expect(await step(page, "state")).toBe("closed");
  }
}

/** A binary client behind a gateway that sends text: its request fails with wrong-frame-type, naming the setting to change. */
export async function expectWrongFrameType(page: Page): Promise<void> {
  const result = await step<{ error?: { code: string; message: string } }>(page, "signIn", "ana");
  expect(result.error?.code).toBe("wrong-frame-type");
  expect(result.error?.message).toContain("SendMessageType");
}
