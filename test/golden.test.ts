import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bufBin, generatedFiles, repoRoot, runPlugin } from "./support/run-plugin.js";

const manifest = "manifest=proto/netsvr.manifest.yaml";

/** Files of a committed output directory that protoc-gen-netsvr writes (the rest come from protoc-gen-es). */
function committed(dir: string): Map<string, string> {
  const files = readdirSync(join(repoRoot, dir)).filter((name) => !name.includes("_pb."));
  return new Map(files.map((name) => [name, readFileSync(join(repoRoot, dir, name), "utf8")]));
}

describe("golden: plugin output equals the committed generated/ package", () => {
  test("target=ts reproduces generated/src byte for byte", () => {
    const files = generatedFiles(runPlugin("proto", `target=ts,import_extension=js,${manifest}`));
    expect([...files.keys()].sort()).toEqual([...committed("generated/src").keys()].sort());
    for (const [name, content] of committed("generated/src")) {
      expect(files.get(name), `generated/src/${name} drifted; run npm run update-goldens`).toBe(content);
    }
  });

  test("target=js+dts reproduces generated/dist byte for byte", () => {
    const files = generatedFiles(runPlugin("proto", `target=js+dts,import_extension=js,${manifest}`));
    expect([...files.keys()].sort()).toEqual([...committed("generated/dist").keys()].sort());
    for (const [name, content] of committed("generated/dist")) {
      expect(files.get(name), `generated/dist/${name} drifted; run npm run update-goldens`).toBe(content);
    }
  });

  test("two runs give identical output", () => {
    const parameter = `target=ts,import_extension=js,${manifest}`;
    expect(generatedFiles(runPlugin("proto", parameter))).toEqual(generatedFiles(runPlugin("proto", parameter)));
  });
});

describe("golden: buf generate reproduces the whole generated/ tree", () => {
  let work: string;
  beforeAll(() => {
    // Same buf.gen.yaml, writing into a scratch copy of the repo's inputs.
    work = mkdtempSync(join(tmpdir(), "netsvr-golden-"));
    cpSync(join(repoRoot, "proto"), join(work, "proto"), { recursive: true });
    cpSync(join(repoRoot, "buf.yaml"), join(work, "buf.yaml"));
    writeFileSync(join(work, "buf.gen.yaml"), readFileSync(join(repoRoot, "buf.gen.yaml")));
    execFileSync(bufBin, ["generate"], {
      cwd: work,
      stdio: "pipe",
      env: { ...process.env, PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env["PATH"] ?? ""}` },
    });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test.each(["generated/src", "generated/dist"])("%s", (dir) => {
    const fresh = readdirSync(join(work, dir)).sort();
    expect(fresh).toEqual(readdirSync(join(repoRoot, dir)).sort());
    for (const name of fresh) {
      expect(readFileSync(join(work, dir, name), "utf8"), `${dir}/${name}`).toBe(readFileSync(join(repoRoot, dir, name), "utf8"));
    }
  });
});
