/**
 * The chat example (examples/chat) end to end: the chat business against the
 * fake gateway's customer WebSocket port, for netsvr v2 and v6 and both
 * encodings, driven by the generated customer client over the ws package's
 * WebSocket; then start.mjs as a user runs it, its page in Chromium talking
 * to a Node customer, and the page signing in again and rejoining after its
 * connection dropped.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { WebSocket } from "ws";
import { startChatBusiness } from "../examples/chat/business.mjs";
import { createCustomer as createBinaryCustomer } from "../examples/chat/gen/binary/customer.js";
import { Cmd } from "../examples/chat/gen/json/commands.js";
import { createCustomer as createJsonCustomer } from "../examples/chat/gen/json/customer.js";
import type { CustomerConnection } from "../examples/chat/gen/json/customer.js";
import type { Presence, Said } from "../examples/chat/gen/json/chat_pb.js";
import { servePage } from "../examples/chat/page-server.mjs";
import { customerRules as v2Rules } from "../generated/dist/v2/customers.js";
import { customerRules as v6Rules } from "../generated/dist/v6/customers.js";
import { bundleForBrowser, launchBrowser, type Browser } from "./support/browser.js";
import { runExample } from "./support/run-example.js";
import { startTestGateway, type TestGateway, type TestGatewayV6 } from "./support/test-gateway.js";

type Protocol = "v2" | "v6";
type Encoding = "json" | "binary";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const within = { timeout: 5000 };

/** A Node customer of the chat, with every push it received. */
interface ChatCustomer {
  readonly customer: CustomerConnection;
  readonly said: Said[];
  readonly presence: Presence[];
}

/** Opens a chat customer through the gateway's customer port and waits until it is open. */
async function openCustomer(url: string, protocol: Protocol, encoding: Encoding): Promise<ChatCustomer> {
  const create = encoding === "binary" ? createBinaryCustomer : createJsonCustomer;
  const customer = create({ url, gateway: protocol === "v6" ? v6Rules() : v2Rules(1), WebSocket, reconnect: false });
  cleanups.push(() => customer.close());
  const said: Said[] = [];
  const presence: Presence[] = [];
  customer.on(Cmd.Said, (body) => void said.push(body));
  customer.on(Cmd.Presence, (body) => void presence.push(body));
  await customer.ready();
  return { customer, said, presence };
}

/** A fake gateway with its customer port, and the chat business registered on it. */
async function startChat(protocol: Protocol, encoding: Encoding) {
  // Binary protobuf needs binary WebSocket messages, as the real gateway's Customer.SendMessageType = 2.
  const customers = { sendMessageType: encoding === "binary" ? "binary" : "text" } as const;
  const gateway: TestGateway | TestGatewayV6 =
    protocol === "v6" ? await startTestGateway({ protocol: "v6", customers }) : await startTestGateway({ serverId: 0, customers });
  cleanups.push(() => gateway.close());
  const log: string[] = [];
  const taskPort = protocol === "v6" ? (gateway as TestGatewayV6).taskPort : undefined;
  const business = await startChatBusiness({ protocol, encoding, port: gateway.port, taskPort, log: (line: string) => void log.push(line) });
  cleanups.push(() => business.close());
  return { gateway, log, url: gateway.customerUrl!, open: () => openCustomer(gateway.customerUrl!, protocol, encoding) };
}

const configs: [Protocol, Encoding][] = [
  ["v2", "json"],
  ["v2", "binary"],
  ["v6", "json"],
  ["v6", "binary"],
];

describe.each(configs)("the chat business, %s %s", (protocol, encoding) => {
  test("sign in, join, say, history, leave, and a customer that goes away leaves its rooms", async () => {
    const chat = await startChat(protocol, encoding);
    const ann = await chat.open();
    const annAtGateway = await chat.gateway.waitForCustomerSocket(1);
    const bob = await chat.open();
    const bobAtGateway = await chat.gateway.waitForCustomerSocket(2);
    const annUniqId = annAtGateway.uniqId;

    // Refusals come back as the business's AppError codes.
    await expect(ann.customer.request(Cmd.SignIn, { name: "no spaces" })).rejects.toMatchObject({ code: "remote", remoteCode: "bad-name" });
    await expect(ann.customer.request(Cmd.SignIn, { name: "x".repeat(33) })).rejects.toMatchObject({ remoteCode: "bad-name" });
    await expect(ann.customer.request(Cmd.Join, { room: "lobby" })).rejects.toMatchObject({ code: "remote", remoteCode: "not-signed-in" });

    expect(await ann.customer.request(Cmd.SignIn, { name: "ann" })).toMatchObject({ user: "ann", rooms: ["lobby", "rust", "go"] });
    expect(await bob.customer.request(Cmd.SignIn, { name: "Bob_2-x" })).toMatchObject({ user: "Bob_2-x" });
    // The gateway holds the name as the session (v6: as the customerId too); v2 keeps the uniqId.
    expect(annAtGateway).toMatchObject({ session: "ann", customerId: protocol === "v6" ? "ann" : "", uniqId: annUniqId });
    await expect(ann.customer.request(Cmd.Join, { room: "cobol" })).rejects.toMatchObject({ remoteCode: "no-such-room" });

    expect(await ann.customer.request(Cmd.Join, { room: "lobby" })).toMatchObject({ room: "lobby", members: ["ann"] });
    expect(annAtGateway.topics).toEqual(["room:lobby"]);
    await vi.waitFor(() => expect(ann.presence).toMatchObject([{ room: "lobby", user: "ann", joined: true }]), within);
    expect(await bob.customer.request(Cmd.Join, { room: "lobby" })).toMatchObject({ members: ["ann", "Bob_2-x"] });
    await vi.waitFor(() => expect(ann.presence).toMatchObject([{ user: "ann" }, { room: "lobby", user: "Bob_2-x", joined: true }]), within);

    const before = Date.now();
    ann.customer.send(Cmd.Say, { room: "lobby", text: "hello, Bob ✓" });
    await vi.waitFor(() => expect(bob.said).toHaveLength(1), within);
    expect(bob.said[0]).toMatchObject({ room: "lobby", user: "ann", text: "hello, Bob ✓", seq: 1 });
    expect(bob.said[0]!.at).toBeGreaterThanOrEqual(before);
    expect(bob.said[0]!.at).toBeLessThanOrEqual(Date.now());
    bob.customer.send(Cmd.Say, { room: "lobby", text: "hi ann" });
    await vi.waitFor(() => expect(ann.said.map((s) => [s.seq, s.user, s.text])).toEqual([[1, "ann", "hello, Bob ✓"], [2, "Bob_2-x", "hi ann"]]), within);

    // A Say to a room the sender did not join reaches nobody; the business logs why.
    bob.customer.send(Cmd.Say, { room: "rust", text: "anyone?" });
    await vi.waitFor(() => expect(chat.log.join("\n")).toContain("join rust first"), within);

    expect((await bob.customer.request(Cmd.History, { room: "lobby", limit: 0 })).messages).toMatchObject([
      { room: "lobby", seq: 1, user: "ann", text: "hello, Bob ✓", at: bob.said[0]!.at },
      { room: "lobby", seq: 2, user: "Bob_2-x", text: "hi ann", at: ann.said[1]!.at },
    ]);
    expect((await bob.customer.request(Cmd.History, { room: "lobby", limit: 1 })).messages.map((s) => s.seq)).toEqual([2]);
    expect((await bob.customer.request(Cmd.History, { room: "go", limit: 0 })).messages).toEqual([]);

    bob.customer.send(Cmd.Leave, { room: "lobby" });
    await vi.waitFor(() => expect(ann.presence.at(-1)).toMatchObject({ room: "lobby", user: "Bob_2-x", joined: false }), within);
    expect(bobAtGateway.topics).toEqual([]);
    expect(await ann.customer.request(Cmd.Join, { room: "rust" })).toMatchObject({ members: ["ann"] });
    expect(await bob.customer.request(Cmd.Join, { room: "rust" })).toMatchObject({ members: ["ann", "Bob_2-x"] });

    // ann's connection ends: the gateway's ConnClose takes her out of both rooms.
    const seen = bob.presence.length;
    ann.customer.close();
    await vi.waitFor(() => expect(bob.presence.slice(seen)).toMatchObject([{ room: "rust", user: "ann", joined: false }]), within);
    expect(await bob.customer.request(Cmd.Join, { room: "lobby" })).toMatchObject({ members: ["Bob_2-x"] });
  });
});

test("history keeps the last 100 messages of a room and answers 50 by default", async () => {
  const chat = await startChat("v6", "json");
  const ann = await chat.open();
  await ann.customer.request(Cmd.SignIn, { name: "ann" });
  await ann.customer.request(Cmd.Join, { room: "go" });
  for (let i = 1; i <= 105; i++) ann.customer.send(Cmd.Say, { room: "go", text: `#${i}` });
  await vi.waitFor(() => expect(ann.said).toHaveLength(105), within);
  const seqs = async (limit: number) => (await ann.customer.request(Cmd.History, { room: "go", limit })).messages.map((s) => s.seq);
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  expect(await seqs(0)).toEqual(range(56, 105));
  expect(await seqs(1000)).toEqual(range(6, 105));
  expect(await seqs(3)).toEqual([103, 104, 105]);
});

describe("the chat page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens url in a fresh context; every uncaught error of the page is kept in errors. */
  async function openPage(url: string) {
    const context = await browser.newContext();
    cleanups.push(() => context.close());
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
    await page.goto(url);
    return { page, errors };
  }

  test("bundles for browsers without Node built-ins", async () => {
    const bundle = await bundleForBrowser("examples/chat/page/main.js");
    expect(bundle).toContain("globalThis.chatConfig");
  });

  test.each<[Protocol, Encoding]>([
    ["v2", "json"],
    ["v6", "binary"],
  ])("start.mjs %s %s serves the page, which chats with a Node customer, and stops on SIGINT", async (protocol, encoding) => {
    const ready = /customers at (ws:\S+)\n[\s\S]*chat page \([^)]*\): (http:\S+)\n/;
    const started = await runExample("chat/start.mjs", ["--protocol", protocol, "--encoding", encoding, "--port", "0"], ready, (cleanup) => cleanups.push(cleanup));
    const [, customerUrl, pageUrl] = ready.exec(started.output())!;

    const html = await (await fetch(pageUrl!)).text();
    expect(html).toContain(`globalThis.chatConfig = ${JSON.stringify({ url: customerUrl, protocol, workerId: 1, encoding })};`);
    const script = await fetch(new URL("main.js", pageUrl));
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await script.text()).not.toMatch(/from\s*["']node:|require\(/);
    expect((await fetch(new URL("nothing-here", pageUrl))).status).toBe(404);

    const bob = await openCustomer(customerUrl!, protocol, encoding);
    await bob.customer.request(Cmd.SignIn, { name: "bob" });
    await bob.customer.request(Cmd.Join, { room: "lobby" });

    const { page, errors } = await openPage(pageUrl!);
    await page.locator('#status[data-state="open"]').waitFor();
    // A name the business refuses shows its error code.
    await page.fill("#name", "ann smith");
    await page.click("#sign-in button");
    await page.locator("#error", { hasText: "bad-name: a name is 1 to 32 letters, digits, _ or -" }).waitFor();
    await page.fill("#name", "ann");
    await page.click("#sign-in button");
    // Signed in, the page joins the first room and shows it.
    await page.locator('#rooms button.current[data-room="lobby"]').waitFor();
    await page.locator("#members li", { hasText: "bob" }).waitFor();
    await vi.waitFor(() => expect(bob.presence).toMatchObject([{ user: "bob" }, { room: "lobby", user: "ann", joined: true }]), within);

    await page.fill("#text", "hi bob, from a browser");
    await page.press("#text", "Enter");
    await vi.waitFor(() => expect(bob.said).toMatchObject([{ room: "lobby", user: "ann", text: "hi bob, from a browser", seq: 1 }]), within);
    bob.customer.send(Cmd.Say, { room: "lobby", text: "hello <b>ann</b>" });
    await page.locator("#messages li", { hasText: "hello <b>ann</b>" }).waitFor();
    expect(await page.locator("#messages li").allTextContents()).toEqual([expect.stringMatching(/annhi bob, from a browser$/), expect.stringMatching(/bobhello <b>ann<\/b>$/)]);

    await page.click('#rooms button[data-room="rust"]');
    await page.locator('#rooms button.current[data-room="rust"]').waitFor();
    expect(await page.textContent("#error")).toBe("");
    expect(errors).toEqual([]);

    started.child.kill("SIGINT");
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain("stopped");
  });

  test("after its connection drops, the page signs in again and rejoins its rooms", async () => {
    const chat = await startChat("v2", "json");
    const served = await servePage({ port: 0, config: { url: chat.url, protocol: "v2", workerId: 1, encoding: "json" } });
    cleanups.push(() => served.close());

    const { page, errors } = await openPage(served.url);
    await page.locator('#status[data-state="open"]').waitFor();
    await page.fill("#name", "ann");
    await page.click("#sign-in button");
    await page.locator('#rooms button.current[data-room="lobby"]').waitFor();
    await page.click('#rooms button[data-room="go"]');
    await page.locator('#rooms button.current[data-room="go"]').waitFor();
    const first = chat.gateway.customers.find((c) => c.online && c.session === "ann")!;
    expect(first.topics).toEqual(["room:lobby", "room:go"]);

    // The gateway cuts the connection (the page sees 1006) and the page reconnects as a new customer.
    chat.gateway.closeCustomer(first.uniqId);
    await page.locator('#status[data-state="reconnecting"]').waitFor();
    const again = await chat.gateway.waitUntil(
      () => chat.gateway.customers.find((c) => c.online && c.session === "ann" && c.topics.length === 2),
      "the page's new connection signed in with both rooms",
    );
    expect(again.uniqId).not.toBe(first.uniqId);
    expect(again.topics).toEqual(["room:lobby", "room:go"]);
    await page.locator('#status[data-state="open"]').waitFor();

    const bob = await chat.open();
    await bob.customer.request(Cmd.SignIn, { name: "bob" });
    expect(await bob.customer.request(Cmd.Join, { room: "go" })).toMatchObject({ members: ["ann", "bob"] });
    bob.customer.send(Cmd.Say, { room: "go", text: "welcome back" });
    await page.locator("#messages li", { hasText: "welcome back" }).waitFor();
    expect(errors).toEqual([]);
  });
});
