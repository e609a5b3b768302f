import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "./support/run-plugin.js";

// generated/tsconfig.json is strict with isolatedDeclarations: it proves every
// export carries an explicit type, which is what lets target=dts transpile
// without seeing @bufbuild/protobuf and still emit exact declarations. With
// noUnusedLocals it also proves the output has no dead helpers. The core is
// checked without Node types (browser-safe); tsconfig.node.json adds the Node client.
test.each(["generated/tsconfig.json", "generated/tsconfig.node.json", "test/fixtures/allkinds/tsconfig.json"])("%s: tsc --strict --isolatedDeclarations --noUnusedLocals", (project) => {
  let output = "";
  try {
    execFileSync(join(repoRoot, "node_modules/.bin/tsc"), ["-p", project], {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (err) {
    output = String((err as { stdout?: string }).stdout);
  }
  expect(output).toBe("");
});
