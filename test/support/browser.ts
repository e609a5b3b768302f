// A real browser for tests: Debian's Chromium driven by playwright-core, an
// esbuild bundle of a test entry, a page on 127.0.0.1 that runs it, and a
// way for the page to hand its result back. A test that uses them:
//
//   const browser = await launchBrowser();                      // once per file
//   const result = await runInBrowser(browser, "test/browser/fixtures/x.ts", { params: { url } });
//   await browser.close();
//
// The page reads `globalThis.testParams`, calls `globalThis.reportResult(value)`
// once, and fails the run by throwing or by console.error.
import { accessSync, constants, statSync } from "node:fs";
import { createServer } from "node:http";
import { builtinModules, isBuiltin } from "node:module";
import type { AddressInfo } from "node:net";
import { delimiter, join, relative, resolve } from "node:path";
import { build, type BuildFailure, type Message, type Plugin } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { repoRoot } from "./repo.js";

export type { Browser } from "playwright-core";

/** What launchBrowser() throws when no Chromium executable can be found. */
export const chromiumNotFound = "Chromium not found: apt-get install chromium, or set CHROMIUM_PATH";

/** The browsers bundleForBrowser() compiles for. */
export const browserTarget = "chrome120";

/** The global function a page calls with its result (see runInPage). */
export const reportFunction = "reportResult";

/** The global a page reads its parameters from (see runInPage). */
export const paramsGlobal = "testParams";

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium executable: $CHROMIUM_PATH if set (it must be executable),
 * else the first `chromium` or `chromium-browser` on PATH.
 * Throws an Error whose message starts with chromiumNotFound otherwise.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (isExecutableFile(configured)) return configured;
    throw new Error(`${chromiumNotFound} (CHROMIUM_PATH=${configured} is not an executable file)`);
  }
  const dirs = (env.PATH ?? "").split(delimiter).filter((dir) => dir !== "");
  for (const name of ["chromium", "chromium-browser"]) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  throw new Error(chromiumNotFound);
}

/**
 * Launches headless Chromium (findChromium()). Chromium refuses to run as
 * root with its sandbox ("Running as root without --no-sandbox is not
 * supported"), so only as root is the sandbox off (`--no-sandbox`); any other
 * user keeps it. Close the browser when done, typically in afterAll.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  return chromium.launch({ executablePath, headless: true, chromiumSandbox: process.getuid?.() !== 0, timeout: 30_000 });
}

/** Marks the resolution refuseNodeBuiltins asks esbuild for, so that it does not see its own question. */
const resolvingBuiltin = Symbol("resolving a Node built-in");

/** Every Node built-in specifier: `node:` anything, and the bare names (`fs`, `fs/promises`, ...). */
const builtinFilter = new RegExp(`^(node:.*|${builtinModules.join("|")})$`);

/**
 * An esbuild plugin that fails each import of a Node built-in (import,
 * dynamic import, or require(), even one esbuild would leave to run time
 * inside try/catch), unless a package's "browser" field maps it to something
 * else, which esbuild then bundles as usual.
 */
const refuseNodeBuiltins: Plugin = {
  name: "refuse-node-builtins",
  setup(build) {
    build.onResolve({ filter: builtinFilter }, async (args) => {
      if (args.pluginData === resolvingBuiltin || !isBuiltin(args.path)) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: resolvingBuiltin });
      if (resolved.errors.length === 0) return undefined;
      return { errors: [{ text: `Node built-in "${args.path}"` }] };
    });
  },
};

function formatMessage(message: Message): string {
  return message.location ? `${message.location.file}:${message.location.line}:${message.location.column}: ${message.text}` : message.text;
}

/**
 * Bundles a TypeScript or JavaScript entry file (a path from the repository
 * root, or absolute) into one ES module for the browser: esbuild, platform
 * "browser", target browserTarget, not minified. Browser code must not use
 * Node built-ins: an import of one (`node:net`, `fs`, ...) anywhere in the
 * bundle rejects with an Error naming each such import and where it is.
 */
export async function bundleForBrowser(entry: string): Promise<string> {
  const entryPath = resolve(repoRoot, entry);
  let result;
  try {
    result = await build({
      entryPoints: [entryPath],
      absWorkingDir: repoRoot,
      bundle: true,
      platform: "browser",
      format: "esm",
      target: browserTarget,
      write: false,
      logLevel: "silent",
      plugins: [refuseNodeBuiltins],
    });
  } catch (error) {
    const failure = error as Partial<BuildFailure>;
    if (!Array.isArray(failure.errors)) throw error;
    const builtins = failure.errors.filter((message) => message.pluginName === refuseNodeBuiltins.name);
    if (builtins.length === 0) throw error;
    const others = failure.errors.filter((message) => !builtins.includes(message));
    throw new Error(
      [
        `The browser bundle of ${relative(repoRoot, entryPath)} imports Node built-ins, which browser code must not use:`,
        ...builtins.map((message) => `  ${formatMessage(message)}`),
        ...(others.length > 0 ? ["and fails otherwise:", ...others.map((message) => `  ${formatMessage(message)}`)] : []),
      ].join("\n"),
    );
  }
  return result.outputFiles[0]!.text;
}

/** A page served by servePage(). */
export interface ServedPage {
  /** The page's address, http://127.0.0.1:<port>/. */
  readonly url: string;
  /** Stops the server and drops its connections. */
  close(): Promise<void>;
}

/**
 * Serves, on 127.0.0.1 and an ephemeral port, an HTML page (at /) that loads
 * `script` (at /main.js) as a module after `html`, markup for the page's
 * body (default none). Any other path is a 404.
 */
export async function servePage(options: { script: string; html?: string }): Promise<ServedPage> {
  // The empty icon keeps Chromium from asking for /favicon.ico (a 404 it would log as a console error).
  const page = [
    "<!doctype html>",
    '<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>browser test</title></head>',
    `<body>${options.html ?? ""}<script type="module" src="/main.js"></script></body></html>`,
  ].join("\n");
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const body = path === "/" ? page : path === "/main.js" ? options.script : undefined;
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const type = path === "/" ? "text/html" : "text/javascript";
    response.writeHead(200, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" }).end(body);
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

/** Options of runInPage() and runInBrowser(). */
export interface RunInPageOptions {
  /** A JSON-like value the page finds as `globalThis.testParams` before any of its scripts run. */
  readonly params?: unknown;
  /** How long to wait for the page's reportResult call, in milliseconds (default 10,000). */
  readonly timeoutMs?: number;
  /**
   * console.error texts that must not fail the run, e.g. Chromium's own
   * "WebSocket connection to ... failed" when a test drops a connection on
   * purpose. By default every console.error fails it.
   */
  readonly allowConsoleError?: (text: string) => boolean;
}

/**
 * Opens `url` in a fresh browser context and resolves with the first value
 * the page passes to `globalThis.reportResult(value)` (values cross as
 * Playwright serializes them: JSON-like values, plus Date, RegExp, typed
 * arrays and the like; report bytes as number arrays to compare exactly).
 * Rejects, with the page's console output attached, on an uncaught error or
 * unhandled rejection in the page, a console.error (see allowConsoleError),
 * a crash, or no report within timeoutMs. The context is closed either way.
 */
export async function runInPage<T = unknown>(browser: Browser, url: string, options: RunInPageOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const context = await browser.newContext();
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await context.newPage();
    const log: string[] = [];
    let report!: (value: T) => void;
    let fail!: (message: string) => void;
    const outcome = new Promise<T>((resolveOutcome, rejectOutcome) => {
      report = resolveOutcome;
      fail = (message) => rejectOutcome(new Error(log.length === 0 ? message : `${message}\npage console:\n${log.map((line) => `  ${line}`).join("\n")}`));
    });
    page.on("console", (message) => {
      const text = message.text();
      log.push(`[${message.type()}] ${text}`);
      if (message.type() === "error" && !(options.allowConsoleError?.(text) ?? false)) fail(`console.error in the page: ${text}`);
    });
    page.on("pageerror", (error) => fail(`uncaught in the page: ${error.stack ?? error.message}`));
    page.on("crash", () => fail("the page crashed"));
    await page.exposeFunction(reportFunction, (value: T) => report(value));
    if (options.params !== undefined) {
      await page.addInitScript(
        ([name, value]) => {
          (globalThis as Record<string, unknown>)[name] = value;
        },
        [paramsGlobal, options.params] as const,
      );
    }
    timer = setTimeout(() => fail(`the page did not call ${reportFunction}() within ${timeoutMs} ms`), timeoutMs);
    await Promise.race([page.goto(url), outcome]);
    return await outcome;
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

/**
 * bundleForBrowser(entry), served by servePage() with `options.html`, run by
 * runInPage(): the shortest way from a test entry file to its reported result.
 */
export async function runInBrowser<T = unknown>(browser: Browser, entry: string, options: RunInPageOptions & { readonly html?: string } = {}): Promise<T> {
  const served = await servePage({ script: await bundleForBrowser(entry), html: options.html });
  try {
    return await runInPage<T>(browser, served.url, options);
  } finally {
    await served.close();
  }
}
