// npm run size: what a browser bundle pays for the netsvr package.
//
// Each entry below is a typical import, bundled by esbuild (pinned in the
// root package.json) with --bundle --minify for the browser, as an
// application's bundler would, from the published JavaScript
// (generated/dist, through the package's own exports). Printed: the minified
// and gzipped size of each bundle, and from esbuild's metafile the inputs
// that contribute the most bytes, and the same for the example chat
// application's customer client. Sizes are deterministic for one esbuild
// version; test/size.test.ts holds the budgets.
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The entries measured, for each protocol version: a name and the code of its entry module. */
export function entries(version) {
  const pkg = `netsvr-protocol/${version}`;
  return [
    {
      name: "one encoder",
      code: `import { encodeSingleCast } from "${pkg}";\nexport const f = encodeSingleCast({ uniqId: "a", data: new Uint8Array(1) });`,
    },
    {
      // A process that handles one event: a message's frame decoder after a look at the command id.
      name: "encoder + one frame decoder + splitter",
      code: [
        `import { Cmd, encodeSingleCast, transferFromFrame, FrameSplitter } from "${pkg}";`,
        `const splitter = new FrameSplitter();`,
        `export function onData(chunk, send) {`,
        `  splitter.push(chunk, (frame) => {`,
        `    if (new DataView(frame.buffer, frame.byteOffset, 8).getUint32(4) !== Cmd.Transfer) return;`,
        `    const { uniqId, data } = transferFromFrame(frame);`,
        `    send(encodeSingleCast({ uniqId, data }));`,
        `  });`,
        `}`,
      ].join("\n"),
    },
    {
      // Every frame a gateway sends decoded: the codecs of all of its messages.
      name: "encoder + decodeGatewayFrame + splitter",
      code: [
        `import { encodeSingleCast, decodeGatewayFrame, FrameSplitter } from "${pkg}";`,
        `const splitter = new FrameSplitter();`,
        `export function onData(chunk, send) {`,
        `  splitter.push(chunk, (frame) => {`,
        `    const f = decodeGatewayFrame(frame);`,
        `    if (f.name === "Transfer") send(encodeSingleCast({ uniqId: f.body.uniqId, data: f.body.data }));`,
        `  });`,
        `}`,
      ].join("\n"),
    },
    {
      name: "router + splitter",
      code: [
        `import { createPartialGatewayFrameRouter, decodeGatewayFrame, encodeSingleCast, FrameSplitter } from "${pkg}";`,
        `const splitter = new FrameSplitter();`,
        `export function onData(chunk, send) {`,
        `  const route = createPartialGatewayFrameRouter({ Transfer: (body) => send(encodeSingleCast({ uniqId: body.uniqId, data: body.data })) }, () => {});`,
        `  splitter.push(chunk, (frame) => route(decodeGatewayFrame(frame)));`,
        `}`,
      ].join("\n"),
    },
    {
      name: "whole index",
      code: `import * as netsvr from "${pkg}";\nexport { netsvr };`,
    },
  ];
}

/**
 * The example chat application's customer client in each encoding (an
 * application protocol: examples/chat), with the netsvr rules it runs under.
 */
export function customerEntries() {
  return ["binary", "json"].map((encoding) => ({
    name: `chat customer client, ${encoding}`,
    code: [
      `import { createCustomer } from "./examples/chat/gen/${encoding}/customer.js";`,
      `import { Cmd } from "./examples/chat/gen/${encoding}/commands.js";`,
      `import { customerRules } from "netsvr-protocol/v2";`,
      `const chat = createCustomer({ url: "ws://127.0.0.1:6060/netsvr", gateway: customerRules(1) });`,
      `chat.on(Cmd.Said, (said) => console.log(said.user, said.text));`,
      `export const signIn = (name) => chat.request(Cmd.SignIn, { name });`,
      `export const join = (room) => chat.request(Cmd.Join, { room });`,
      `export const say = (room, text) => chat.send(Cmd.Say, { room, text });`,
      `export const history = (room) => chat.request(Cmd.History, { room, limit: 50 });`,
    ].join("\n"),
  }));
}

/** Bundles one entry; returns its sizes and the bytes each input contributes, largest first. */
export async function measure(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: "js", sourcefile: "entry.js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    outfile: "out.js",
    logLevel: "silent",
  });
  const out = result.outputFiles.find((file) => file.path.endsWith(".js"));
  const output = Object.values(result.metafile.outputs)[0];
  const inputs = Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
  return { minified: out.contents.length, gzip: gzipSync(out.contents, { level: 9 }).length, inputs };
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main() {
  const verbose = process.argv.includes("--inputs");
  console.log(`esbuild --bundle --minify --platform=browser, gzip -9 (${(await import("esbuild")).version})\n`);
  console.log("| version | entry | minified | gzip |");
  console.log("|---|---|---|---|");
  const details = [];
  for (const version of ["v2", "v6"]) {
    for (const { name, code } of entries(version)) {
      const { minified, gzip, inputs } = await measure(code);
      console.log(`| ${version} | ${name} | ${kb(minified)} (${minified} B) | ${kb(gzip)} (${gzip} B) |`);
      details.push({ title: `${version}, ${name}`, inputs });
    }
  }
  for (const { name, code } of customerEntries()) {
    const { minified, gzip, inputs } = await measure(code);
    console.log(`| app | ${name} | ${kb(minified)} (${minified} B) | ${kb(gzip)} (${gzip} B) |`);
    details.push({ title: name, inputs });
  }
  for (const { title, inputs } of details) {
    console.log(`\n${title}: ${verbose ? "every input" : "largest inputs (--inputs for all)"}`);
    for (const { path, bytes } of verbose ? inputs : inputs.slice(0, 6)) {
      console.log(`  ${String(bytes).padStart(7)} B  ${path.replace(/^node_modules\//, "")}`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
