// Serves the chat page: page/index.html with the configuration injected as
// globalThis.chatConfig, and page/main.js bundled by esbuild for browsers.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** page/main.js and what it imports, as one ES module for browsers (a Node built-in fails the build). */
export async function bundlePage() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./page/main.js", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/**
 * Serves the page on http://host:port/ (port 0: a free one).
 * config: { url: the gateway's customer WebSocket URL, protocol: "v2" | "v6", workerId, encoding: "json" | "binary" }.
 */
export async function servePage({ host = "127.0.0.1", port = 8080, config }) {
  const script = await bundlePage();
  // JSON in a script element: escape "<" so no value can end the element.
  const injected = `<script>globalThis.chatConfig = ${JSON.stringify(config).replaceAll("<", "\\u003c")};</script>`;
  const html = readFileSync(new URL("./page/index.html", import.meta.url), "utf8").replace("<!-- chat config -->", injected);
  const files = {
    "/": ["text/html", html],
    "/main.js": ["text/javascript", script],
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://page").pathname];
    if (file === undefined) return response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    response.writeHead(200, { "content-type": `${file[0]}; charset=utf-8`, "cache-control": "no-store" }).end(file[1]);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    url: `http://${host}:${server.address().port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
