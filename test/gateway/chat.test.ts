// The chat application protocol through real gateways, in Chromium: the
// generated customer client -> netsvr v3.0.0 / v8.0.6 -> a Node business
// running the generated router -> back. JSON through the gateways of
// NETSVR_V2_GATEWAYS / NETSVR_V6_GATEWAYS (which send text, the default);
// binary through NETSVR_V2_BINARY / NETSVR_V6_BINARY (SendMessageType = 2).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { expectForcedOffline, expectWrongFrameType, sendUndecodable, startBusiness, startChatBrowser, step, waitForSeen, type Business, type BusinessTarget, type ChatBrowser, type Encoding } from "../support/chat.js";
import { v2Binary, v2Gateways, v6Binary, v6Gateways, type V2Gateway, type V6Gateway } from "./support/env.js";

let chrome: ChatBrowser;

beforeAll(async () => {
  chrome = await startChatBrowser();
});
afterAll(async () => {
  await chrome?.close();
});

type Case = { name: string; encoding: Encoding } & ({ version: "v2"; gateway: V2Gateway | undefined } | { version: "v6"; gateway: V6Gateway | undefined });

const cases: Case[] = [
  { name: "v2 json (netsvr v3.0.0, text)", version: "v2", encoding: "json", gateway: v2Gateways[0] },
  { name: "v2 binary (netsvr v3.0.0, SendMessageType = 2)", version: "v2", encoding: "binary", gateway: v2Binary },
  { name: "v6 json (netsvr v8.0.6, text)", version: "v6", encoding: "json", gateway: v6Gateways[0] },
  { name: "v6 binary (netsvr v8.0.6, SendMessageType = 2)", version: "v6", encoding: "binary", gateway: v6Binary },
];

function targetOf(c: Case): BusinessTarget {
  if (c.version === "v2") {
    const g = c.gateway!;
    return { version: "v2", host: g.host, port: g.workerPort, serverId: g.serverId };
  }
  const g = c.gateway!;
  return { version: "v6", host: g.host, workerPort: g.workerPort, taskHost: g.taskHost, taskPort: g.taskPort };
}

describe.each(cases)("chat in Chromium through a real gateway: $name", (c) => {
  let business: Business;
  let page: Page;

  beforeAll(async () => {
    if (c.gateway === undefined) return;
    business = await startBusiness(targetOf(c), c.encoding);
    page = await chrome.openPage({ url: c.gateway.url, version: c.version, encoding: c.encoding });
  });
  afterAll(async () => {
    await page?.close();
    await business?.close();
  });

  test.skipIf(c.gateway === undefined)("requests, a push through TopicPublish, an AppError, history", async () => {
    expect(await step(page, "signIn", "ana")).toEqual({ ok: { user: "ana", rooms: ["lobby"] } });
    const joined = await step<{ ok: { room: string; members: string[] } }>(page, "join", "lobby");
    const uniqId = joined.ok.members[0]!;
    await step(page, "say", "lobby", "hello through a real gateway");
    await waitForSeen(page, `(s) => s.kind === "said"`);
    const said = (await step<{ kind: string }[]>(page, "seen")).filter((s) => s.kind === "said");
    expect(said).toEqual([{ kind: "said", room: "lobby", user: uniqId, text: "hello through a real gateway", seq: 1 }]);
    expect(await step(page, "history", "lobby")).toEqual({ ok: [{ user: uniqId, text: "hello through a real gateway", seq: 1 }] });
    expect(await step(page, "signIn", "")).toMatchObject({ error: { code: "remote", remoteCode: "bad-name" } });
    expect(business.errors).toEqual([]);
  });

  test.skipIf(c.gateway === undefined)("a message the business cannot decode gets an error answer; one the browser cannot decode is an error event", async () => {
    const answer = await sendUndecodable(page, c.gateway!.url, c.version, c.encoding);
    if (c.encoding === "json") expect(JSON.parse(answer as string)).toMatchObject({ cmd: "SignIn", id: 9, error: { code: "undecodable" } });
    else expect((answer as number[]).slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 9]);
    expect(business.errors.at(-1)).toMatchObject({ name: "MessageError", code: "invalid-body" });

    business.sendRaw(c.encoding === "json" ? new TextEncoder().encode("not json") : new Uint8Array([0, 0, 0, 99, 0, 0, 0, 0]));
    await waitForSeen(page, `(s) => s.kind === "error" && s.code === "protocol"`);
    expect(await step(page, "signIn", "ana")).toEqual({ ok: { user: "ana", rooms: ["lobby"] } });
  });

  test.skipIf(c.gateway === undefined)(
    c.version === "v2" ? "ForceOffline: v3 drops the TCP connection (1006), so the client reconnects" : "ForceOffline: v8 closes with 1008 forceOffline, so the client stops",
    () => expectForcedOffline(page, business, c.version),
  );
});

describe.skipIf(v6Gateways[0] === undefined)("binary chat through a real gateway that sends text (SendMessageType = 1)", () => {
  test("the client reports the mismatch and names the setting", async () => {
    const gateway = v6Gateways[0]!;
    const business = await startBusiness({ version: "v6", host: gateway.host, workerPort: gateway.workerPort, taskHost: gateway.taskHost, taskPort: gateway.taskPort }, "binary");
    const page = await chrome.openPage({ url: gateway.url, version: "v6", encoding: "binary" });
    try {
      await expectWrongFrameType(page);
    } finally {
      await page.close();
      await business.close();
    }
  });
});
