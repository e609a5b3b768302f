// The whole path of an application protocol, in a real browser: Chromium
// runs the generated chat customer client; it talks WebSocket to the fake
// gateway, which forwards as Transfer to a Node business running the
// generated router over netsvr-protocol's customerLink(); answers and pushes
// come back through SingleCast / TopicPublish. Both protocol versions, both
// encodings, bad messages either way, a gateway restart.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { expectForcedOffline, expectWrongFrameType, sendUndecodable, startBusiness, startChatBrowser, step, waitForSeen, type Business, type ChatBrowser, type Encoding, type Version } from "../support/chat.js";
import { startTestGateway, type TestGateway, type TestGatewayV6 } from "../support/test-gateway.js";

let chrome: ChatBrowser;

beforeAll(async () => {
  chrome = await startChatBrowser();
});
afterAll(async () => {
  await chrome?.close();
});

async function startGateway(version: Version, sendMessageType: "text" | "binary"): Promise<TestGateway | TestGatewayV6> {
  return version === "v2" ? startTestGateway({ customers: { sendMessageType } }) : startTestGateway({ protocol: "v6", customers: { sendMessageType } });
}

/** The business for a fake gateway. */
function businessFor(gateway: TestGateway | TestGatewayV6, version: Version, encoding: Encoding): Promise<Business> {
  return version === "v2"
    ? startBusiness({ version, host: gateway.host, port: gateway.port, serverId: (gateway as TestGateway).serverId }, encoding)
    : startBusiness({ version, host: gateway.host, workerPort: gateway.port, taskPort: (gateway as TestGatewayV6).taskPort }, encoding);
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
    business = await businessFor(gateway, version, encoding);
    page = await chrome.openPage({ url: gateway.customerUrl!, version, encoding });
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
    const answer = await sendUndecodable(page, gateway.customerUrl!, version, encoding);
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
  test(
    version === "v2" ? "ForceOffline drops the connection without a close frame (1006), so the client reconnects" : "ForceOffline closes with 1008 forceOffline, so the client stops",
    () => expectForcedOffline(page, business, version),
  );
});

describe("binary chat against a gateway that sends text messages (Customer.SendMessageType = 1)", () => {
  test("the client reports the mismatch and names the setting", async () => {
    const gateway = await startGateway("v6", "text");
    const business = await businessFor(gateway, "v6", "binary");
    const page = await chrome.openPage({ url: gateway.customerUrl!, version: "v6", encoding: "binary" });
    try {
      await expectWrongFrameType(page);
    } finally {
      await page.close();
      await business.close();
      await gateway.close();
    }
  });
});
