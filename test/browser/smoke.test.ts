// The browser harness (test/support/browser.ts) end to end: a bundled entry
// runs in real Chromium and talks WebSocket to a server of the test's own.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { bundleForBrowser, launchBrowser, runInBrowser, runInPage, servePage, type Browser } from "../support/browser.js";

const fixture = (name: string): string => `test/browser/fixtures/${name}`;

describe("the browser harness", () => {
  let browser: Browser;
  let echo: WebSocketServer;

  beforeAll(async () => {
    echo = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    echo.on("connection", (socket) => socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary })));
    await new Promise<void>((resolve) => echo.once("listening", () => resolve()));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (echo ? echo.close(() => resolve()) : resolve()));
  });

  it("a bundled entry sends a text and a binary WebSocket message from Chromium and gets both back", async () => {
    const { port } = echo.address() as AddressInfo;
    const echoed = await runInBrowser(browser, fixture("echo.ts"), { params: { echoUrl: `ws://127.0.0.1:${port}` } });
    expect(echoed).toEqual([
      { kind: "text", data: "héllo, netsvr ✓" },
      { kind: "binary", data: [0, 1, 127, 128, 255] },
    ]);
  });

  it("bundling an entry that imports node:net fails, naming the import", async () => {
    await expect(bundleForBrowser(fixture("node-builtin.ts"))).rejects.toThrow(
      'The browser bundle of test/browser/fixtures/node-builtin.ts imports Node built-ins, which browser code must not use:\n  test/browser/fixtures/node-builtin.ts:2:33: Node built-in "node:net"',
    );
  });

  it("an uncaught error in the page fails the run with its message", async () => {
    const served = await servePage({ script: 'console.log("before"); throw new Error("boom in the page");' });
    try {
      await expect(runInPage(browser, served.url)).rejects.toThrow(/uncaught in the page: Error: boom in the page[\s\S]*\[log\] before/);
    } finally {
      await served.close();
    }
  });
});
