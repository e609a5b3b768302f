import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
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

  test("ships no Node built-in imports (browser-safe)", () => {
    const dist = join(work, "app/node_modules/netsvr-protocol/dist/v2");
    for (const name of readdirSync(dist).filter((n) => n.endsWith(".js"))) {
      const imports = [...readFileSync(join(dist, name), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(spec.startsWith("./") || spec.startsWith("@bufbuild/protobuf"), `${name} imports ${spec}`).toBe(true);
      }
    }
  });

  test("compiles under tsc --strict and encodes, splits, decodes and routes at run time", () => {
    const app = join(work, "app");
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify(strictTsconfig));
    writeFileSync(
      join(app, "main.ts"),
      declareConsole +
        `import { Cmd, FrameSplitter, createPartialGatewayFrameRouter, decodeGatewayFrame, encodeBusinessFrame,
  encodeGatewayFrame, encodeRegisterRequest, RegisterRespCode, type GatewayFrame } from "netsvr-protocol/v2";

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
`,
    );
    run(tsc, ["-p", "."], app);
    const out = run("node", ["main.js"], app).trim().split("\n");
    expect(out).toEqual(["0000000835a4f4b908011002", "0000000435a4f4bd", "Register:Success,other:Transfer"]);
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
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "netsvr-foreign-"));
    const tarball = pack("plugin", work);
    const repo = join(work, "repo");
    mkdirSync(repo);
    writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "foreign", private: true, type: "module" }));
    const pinned = (name: string) => `${name}@${readInstalledVersion(name)}`;
    npmInstall(repo, [tarball, pinned("@bufbuild/protoc-gen-es"), pinned("@bufbuild/protobuf")]);
    cpSync(join(repoRoot, "proto/v2"), join(repo, "protocol"), { recursive: true });
    writeFileSync(join(repo, "buf.yaml"), "version: v2\nmodules:\n  - path: protocol\n");
    writeFileSync(
      join(repo, "buf.gen.yaml"),
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
`,
    );
    // Only the foreign repo's own bins (and buf) are on PATH: the plugin comes from its install.
    const env = { ...process.env, PATH: `${join(repo, "node_modules/.bin")}:${process.env["PATH"] ?? ""}` };
    run(bufBin, ["generate"], repo, env);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("the installed bin is the packed plugin", () => {
    expect(readFileSync(join(work, "repo/node_modules/.bin/protoc-gen-netsvr"), "utf8")).toContain("runPlugin");
  });

  test("TypeScript output compiles under tsc --strict", () => {
    const repo = join(work, "repo");
    writeFileSync(join(repo, "tsconfig.json"), JSON.stringify({ ...strictTsconfig, include: ["src"] }));
    writeFileSync(
      join(repo, "src/use.ts"),
      declareConsole +
        `import { decodeGatewayFrame, encodeGatewayFrame, Cmd } from "./gen/index.js";
const frame = decodeGatewayFrame(encodeGatewayFrame(Cmd.UniqIdCount, { count: 7 }));
if (frame.cmd === Cmd.UniqIdCount) console.log(frame.body.count);
`,
    );
    run(tsc, ["-p", "."], repo);
    expect(run("node", ["src/use.js"], repo).trim()).toBe("7");
  });

  test("JS + .d.ts output type-checks for a consumer and runs", () => {
    const repo = join(work, "repo");
    mkdirSync(join(repo, "check"), { recursive: true });
    writeFileSync(join(repo, "check/tsconfig.json"), JSON.stringify({ ...strictTsconfig, include: ["."] }));
    writeFileSync(
      join(repo, "check/use.ts"),
      declareConsole +
        `import { Cmd, encodeUniqIdCountRequest, decodeBusinessFrame } from "../lib/gen/index.js";
const frame = decodeBusinessFrame(encodeUniqIdCountRequest());
if (frame.cmd === Cmd.UniqIdCount) {
  const none: undefined = frame.body;
  console.log(frame.name, none);
}
`,
    );
    run(tsc, ["-p", "check"], repo);
    expect(run("node", ["check/use.js"], repo).trim()).toBe("UniqIdCount undefined");
  });
});

function readInstalledVersion(name: string): string {
  return (JSON.parse(readFileSync(join(repoRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}
