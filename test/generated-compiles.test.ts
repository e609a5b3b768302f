import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, test } from "vitest";
import { repoRoot } from "./support/run-plugin.js";

// generated/tsconfig.json is strict with isolatedDeclarations: it proves every
// export carries an explicit type, which is what lets target=dts transpile
// without seeing @bufbuild/protobuf and still emit exact declarations.
test("generated/src passes tsc --strict --isolatedDeclarations", () => {
  let output = "";
  try {
    execFileSync(join(repoRoot, "node_modules/.bin/tsc"), ["-p", "generated/tsconfig.json"], {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: "pipe",
    });
  } catch (err) {
    output = String((err as { stdout?: string }).stdout);
  }
  expect(output).toBe("");
});
