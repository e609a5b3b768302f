import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { protocolVersions } from "./support/protocols.js";
import { bufBin, repoRoot } from "./support/run-plugin.js";

const tsc = join(repoRoot, "node_modules/.bin/tsc");
// lib ES2022 without DOM or Node types proves the package needs neither; snippets declare console themselves.
const declareConsole = "declare const console: { log(...values: unknown[]): void };\n";
const strictTsconfig = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    types: [],
  },
};

/**
 * A browser project: the DOM and ES2022, no Node types at all (types: []), a
 * bundler's module resolution. What the browser-safe entry points and an
 * output generated with node_client=false must compile under.
 */
const browserTsconfig = {
  compilerOptions: {
    target: "ES2022",
    lib: ["DOM", "ES2022"],
    module: "ESNext",
    moduleResolution: "Bundler",
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    skipLibCheck: false,
    types: [],
    noEmit: true,
  },
};

/** Browser code: frames arrive as ArrayBuffers (e.g. from a WebSocket bridge), through the splitter, the decoder and a router. */
function browserSnippet(from: string): string {
  return `import { Cmd, FrameSplitter, createPartialGatewayFrameRouter, decodeGatewayFrame, encodeSingleCast, type GatewayFrame } from "${from}";

const splitter = new FrameSplitter();
const route = createPartialGatewayFrameRouter(
  { Transfer: (body): Uint8Array => encodeSingleCast({ uniqId: body.uniqId, data: body.data }) },
  (frame: GatewayFrame): undefined => {
    if (frame.cmd === Cmd.Register) console.info("registered", frame.body.code);
    return undefined;
  },
);
export function bridge(socket: WebSocket): void {
  socket.binaryType = "arraybuffer";
  socket.addEventListener("message", (event: MessageEvent<ArrayBuffer>) => {
    splitter.push(new Uint8Array(event.data), (frame) => {
      const reply = route(decodeGatewayFrame(frame));
      if (reply !== undefined) socket.send(reply);
    });
  });
}
`;
}

/** Runs a command; on failure the error carries its output, which is what a reader of the test needs. */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  try {
    return execFileSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

/** npm pack a workspace package into dir; returns the tarball's path. */
function pack(packageDir: string, dir: string): string {
  const out = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", dir], join(repoRoot, packageDir))) as {
    filename: string;
  }[];
  return join(dir, out[0]!.filename);
}

function npmInstall(cwd: string, specs: string[]): void {
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts", ...specs], cwd);
}

/**
 * The Node client's files: a separate entry point (netsvr-protocol/<version>/node)
 * that may import node:net. Everything else must stay browser-safe.
 */
const nodeEntryFiles = ["node", "node-client", "node-cluster"];

describe("consumer: the packed netsvr-protocol package on its own", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "netsvr-consumer-"));
    const tarball = pack("generated", work);
    const app = join(work, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    npmInstall(app, [tarball]);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("installs with only its declared dependencies", () => {
    const installed = readdirSync(join(work, "app/node_modules"))
      .filter((name) => !name.startsWith("."))
      .sort();
    expect(installed).toEqual(["@bufbuild", "netsvr-protocol"]);
    expect(readdirSync(join(work, "app/node_modules/@bufbuild"))).toEqual(["protobuf"]);
  });

  test.each(protocolVersions)("dist/$version ships no Node built-in imports outside the Node client (browser-safe)", ({ version }) => {
    const dist = join(work, `app/node_modules/netsvr-protocol/dist/${version}`);
    const js = readdirSync(dist).filter((n) => n.endsWith(".js"));
    // The skipped files must exist, or this would silently check less than it claims.
    expect(js).toEqual(expect.arrayContaining(nodeEntryFiles.map((stem) => `${stem}.js`)));
    const browser = js.filter((name) => !nodeEntryFiles.includes(name.slice(0, -".js".length)));
    expect(browser).toContain("index.js");
    for (const name of browser) {
      const imports = [...readFileSync(join(dist, name), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(spec.startsWith("./") || spec.startsWith("@bufbuild/protobuf"), `${version}/${name} imports ${spec}`).toBe(true);
      }
    }
  });

  // One app, both subpaths of the one package: a business may talk to gateways of either version.
  test("compiles under tsc --strict and encodes, splits, decodes and routes at run time, with v2 and v6 side by side", () => {
    const app = join(work, "app");
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify(strictTsconfig));
    writeFileSync(
      join(app, "main.ts"),
      declareConsole +
        `import { Cmd, FrameSplitter, createPartialGatewayFrameRouter, decodeGatewayFrame, encodeBusinessFrame,
  encodeGatewayFrame, encodeRegisterRequest, RegisterRespCode, type GatewayFrame } from "netsvr-protocol/v2";
import * as v6 from "netsvr-protocol/v6";

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const names: string[] = [];
const route = createPartialGatewayFrameRouter(
  { Register: (body) => { names.push("Register:" + RegisterRespCode[body.code]); } },
  (frame: GatewayFrame) => { names.push("other:" + frame.name); },
);
const stream = [
  encodeGatewayFrame(Cmd.Register, { code: RegisterRespCode.Success, registerId: "r1" }),
  encodeGatewayFrame(Cmd.Transfer, { uniqId: "u", data: new Uint8Array([1]) }),
];
const splitter = new FrameSplitter();
for (const frame of stream) {
  for (let i = 0; i < frame.length; i++) splitter.push(frame.subarray(i, i + 1), (f) => route(decodeGatewayFrame(f)));
}
splitter.end();
console.log(hex(encodeRegisterRequest({ workerId: 1, processCmdGoroutineNum: 2 })));
console.log(hex(encodeBusinessFrame(Cmd.UniqIdCount)));
console.log(names.join(","));

const v6Names: string[] = [];
const v6Route = v6.createPartialGatewayFrameRouter(
  { Register: (body) => { v6Names.push("Register:" + v6.RegisterRespCode[body.code] + ":" + body.connId); } },
  (frame: v6.GatewayFrame) => { v6Names.push("other:" + frame.name); },
);
const v6Stream = [
  v6.encodeGatewayFrame(v6.Cmd.Register, { code: v6.RegisterRespCode.Success, connId: "c1" }),
  v6.encodeGatewayFrame(v6.Cmd.Transfer, { uniqId: "u", customerId: "c", data: new Uint8Array([1]) }),
];
const v6Splitter = new v6.FrameSplitter();
for (const frame of v6Stream) {
  for (let i = 0; i < frame.length; i++) v6Splitter.push(frame.subarray(i, i + 1), (f) => v6Route(v6.decodeGatewayFrame(f)));
}
v6Splitter.end();
console.log(hex(v6.encodeRegisterRequest({ events: v6.Event.OnOpen | v6.Event.OnClose | v6.Event.OnMessage })));
console.log(hex(v6.encodeBusinessFrame(v6.Cmd.UniqIdCount)));
console.log(hex(v6.encodePing()));
const port: v6.Port = v6.cmdPorts[v6.Cmd.SingleCast];
console.log(v6.cmdPorts[v6.Cmd.Register] + "," + port);
console.log(v6Names.join(","));
`,
    );
    run(tsc, ["-p", "."], app);
    const out = run("node", ["main.js"], app).trim().split("\n");
    expect(out).toEqual([
      "0000000835a4f4b908011002",
      "0000000435a4f4bd",
      "Register:Success,other:Transfer",
      "0000000635a4f4b90807",
      "0000000435a4f4bf",
      "0000000e7e36594f74357257333570694f7e",
      "worker,task",
      "Register:Success:c1,other:Transfer",
    ]);
  });

  test("a browser project (lib DOM + ES2022, types: [], no @types/node installed) type-checks both browser-safe entry points", () => {
    const app = join(work, "app");
    // Only the package's declared dependencies are installed, so no Node types can come in by accident.
    expect(readdirSync(join(app, "node_modules")).filter((name) => name.startsWith("@types"))).toEqual([]);
    mkdirSync(join(app, "browser"), { recursive: true });
    writeFileSync(join(app, "browser/tsconfig.json"), JSON.stringify({ ...browserTsconfig, include: ["."] }));
    for (const version of protocolVersions.map((p) => p.version)) {
      writeFileSync(join(app, `browser/${version}.ts`), browserSnippet(`netsvr-protocol/${version}`));
    }
    run(tsc, ["-p", "browser"], app);
  });

  test("the Node clients load through the exports map and talk to a server (plain ESM JavaScript)", () => {
    const app = join(work, "app");
    // A server that answers one request per version with raw bytes: v2 UniqIdCount {serverId 1, count 7}, v6 UniqIdCount {count 9}.
    writeFileSync(
      join(app, "client.mjs"),
      `import { createServer } from "node:net";
import { connect } from "netsvr-protocol/v2/node";
import { connectTask } from "netsvr-protocol/v6/node";
import { Cmd as Cmd2 } from "netsvr-protocol/v2";
import { Cmd as Cmd6 } from "netsvr-protocol/v6";

const answers = [
  Uint8Array.from([0, 0, 0, 8, 0x35, 0xa4, 0xf4, 0xbd, 0x08, 0x01, 0x10, 0x07]),
  Uint8Array.from([0, 0, 0, 6, 0x35, 0xa4, 0xf4, 0xbf, 0x08, 0x09]),
];
let next = 0;
const server = createServer((socket) => socket.on("data", () => socket.write(answers[next++])));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();
const v2 = await connect({ host: "127.0.0.1", port, heartbeatInterval: 0 });
console.log(JSON.stringify(await v2.request(Cmd2.UniqIdCount), (k, v) => (k === "$typeName" ? undefined : v)));
v2.destroyConnection();
const v6 = await connectTask({ host: "127.0.0.1", port, heartbeatInterval: 0, reconnect: false });
console.log((await v6.request(Cmd6.UniqIdCount)).count);
await Promise.all([v2.close(), v6.close()]);
server.close();
`,
    );
    expect(run("node", ["client.mjs"], app).trim().split("\n")).toEqual(['{"serverId":1,"count":7}', "9"]);
  });

  test("every TypeScript example in the package README compiles against the installed package", () => {
    const app = join(work, "app");
    const readme = readFileSync(join(app, "node_modules/netsvr-protocol/README.md"), "utf8");
    const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(4);
    mkdirSync(join(app, "readme"), { recursive: true });
    examples.forEach((code, i) => writeFileSync(join(app, `readme/example${i}.ts`), code));
    // README examples may use console and TextEncoder, as users' code does.
    const tsconfig = { compilerOptions: { ...strictTsconfig.compilerOptions, lib: ["ES2022", "DOM"], noEmit: true }, include: ["."] };
    writeFileSync(join(app, "readme/tsconfig.json"), JSON.stringify(tsconfig));
    run(tsc, ["-p", "readme"], app);
  });
});

describe("foreign repo: buf generate with the plugin as an installed bin", () => {
  let work: string;
  let repo: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "netsvr-foreign-"));
    const tarball = pack("plugin", work);
    repo = join(work, "repo");
    mkdirSync(repo);
    writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "foreign", private: true, type: "module" }));
    const pinned = (name: string) => `${name}@${readInstalledVersion(name)}`;
    // @types/node only for the generated Node client (node*.ts), as in generated/tsconfig.node.json.
    npmInstall(repo, [tarball, pinned("@bufbuild/protoc-gen-es"), pinned("@bufbuild/protobuf"), pinned("@types/node")]);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("the installed bin is the packed plugin", () => {
    expect(readFileSync(join(repo, "node_modules/.bin/protoc-gen-netsvr"), "utf8")).toContain("runPlugin");
  });

  // One buf workspace per version, side by side in the repo: both versions' protos have the same file and package names.
  describe.each(protocolVersions)("$version protocol", ({ version, protoDir }) => {
    let dir: string;
    beforeAll(() => {
      dir = join(repo, version);
      cpSync(join(repoRoot, protoDir), join(dir, "protocol"), { recursive: true });
      writeFileSync(join(dir, "buf.yaml"), "version: v2\nmodules:\n  - path: protocol\n");
      writeFileSync(
        join(dir, "buf.gen.yaml"),
        `version: v2
inputs:
  - directory: protocol
plugins:
  - local: protoc-gen-es
    out: src/gen
    opt: [target=ts, import_extension=js]
  - local: protoc-gen-netsvr
    out: src/gen
    strategy: all
    opt: [target=ts, import_extension=js, manifest=protocol/netsvr.manifest.yaml]
  - local: protoc-gen-netsvr
    out: lib/gen
    strategy: all
    opt: [target=js+dts, import_extension=js, manifest=protocol/netsvr.manifest.yaml]
  - local: protoc-gen-es
    out: lib/gen
    opt: [target=js+dts, import_extension=js]
  - local: protoc-gen-es
    out: browser/gen
    opt: [target=ts, import_extension=js]
  - local: protoc-gen-netsvr
    out: browser/gen
    strategy: all
    opt: [target=ts, import_extension=js, manifest=protocol/netsvr.manifest.yaml, node_client=false]
`,
      );
      // Only the foreign repo's own bins (and buf) are on PATH: the plugin comes from its install.
      const env = { ...process.env, PATH: `${join(repo, "node_modules/.bin")}:${process.env["PATH"] ?? ""}` };
      run(bufBin, ["generate"], dir, env);
    });

    const nodeFiles = nodeEntryFiles.map((stem) => `src/gen/${stem}.ts`);

    // As in generated/tsconfig.json: the core must compile without Node types, so the Node client is left out here.
    test("TypeScript output compiles under tsc --strict", () => {
      // The Node client files must be there, or excluding them would check less than it claims.
      expect(readdirSync(join(dir, "src/gen"))).toEqual(expect.arrayContaining(nodeEntryFiles.map((stem) => `${stem}.ts`)));
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ ...strictTsconfig, include: ["src"], exclude: nodeFiles }));
      writeFileSync(
        join(dir, "src/use.ts"),
        declareConsole +
          `import { decodeGatewayFrame, encodeGatewayFrame, Cmd } from "./gen/index.js";
const frame = decodeGatewayFrame(encodeGatewayFrame(Cmd.UniqIdCount, { count: 7 }));
if (frame.cmd === Cmd.UniqIdCount) console.log(frame.body.count);
`,
      );
      run(tsc, ["-p", "."], dir);
      expect(run("node", ["src/use.js"], dir).trim()).toBe("7");
    });

    test("the generated Node client compiles under tsc --strict with Node types", () => {
      const nodeTsconfig = { compilerOptions: { ...strictTsconfig.compilerOptions, types: ["node"], noEmit: true }, files: nodeFiles };
      writeFileSync(join(dir, "tsconfig.node.json"), JSON.stringify(nodeTsconfig));
      run(tsc, ["-p", "tsconfig.node.json"], dir);
    });

    test("node_client=false: the whole output type-checks in a browser project, where the default output does not", () => {
      const files = readdirSync(join(dir, "browser/gen"));
      expect(files).toContain("index.ts");
      expect(files.filter((name) => name.startsWith("node"))).toEqual([]);
      writeFileSync(join(dir, "browser/app.ts"), browserSnippet("./gen/index.js"));
      writeFileSync(join(dir, "browser/tsconfig.json"), JSON.stringify({ ...browserTsconfig, include: ["."] }));
      run(tsc, ["-p", "browser"], dir);
      // The control: the same project over the default output, Node client included, fails on node:net.
      mkdirSync(join(dir, "browser-default"), { recursive: true });
      writeFileSync(join(dir, "browser-default/tsconfig.json"), JSON.stringify({ ...browserTsconfig, include: ["../src/gen"] }));
      expect(() => run(tsc, ["-p", "browser-default"], dir)).toThrow(/error TS2307: Cannot find module 'node:net'/);
    });

    test("JS + .d.ts output type-checks for a consumer and runs", () => {
      mkdirSync(join(dir, "check"), { recursive: true });
      writeFileSync(join(dir, "check/tsconfig.json"), JSON.stringify({ ...strictTsconfig, include: ["."] }));
      writeFileSync(
        join(dir, "check/use.ts"),
        declareConsole +
          `import { Cmd, encodeUniqIdCountRequest, decodeBusinessFrame } from "../lib/gen/index.js";
const frame = decodeBusinessFrame(encodeUniqIdCountRequest());
if (frame.cmd === Cmd.UniqIdCount) {
  const none: undefined = frame.body;
  console.log(frame.name, none);
}
`,
      );
      run(tsc, ["-p", "check"], dir);
      expect(run("node", ["check/use.js"], dir).trim()).toBe("UniqIdCount undefined");
    });
  });
});

function readInstalledVersion(name: string): string {
  return (JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}
