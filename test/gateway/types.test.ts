/**
 * The gateway suite's files are TypeScript checked by tsc (vitest only
 * strips types): the options and error codes they use must exist in the
 * client's declarations, and cluster.request() must refuse the commands
 * without a merge rule (the @ts-expect-error lines in cluster.test.ts).
 * Needs no gateway.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { repoRoot } from "../support/repo.js";

test("the gateway suite type-checks against the generated client (tsc -p test/gateway)", async () => {
  const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
  const result = await promisify(execFile)(process.execPath, [tsc, "-p", join(repoRoot, "test/gateway/tsconfig.json")], { cwd: repoRoot }).then(
    () => "",
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ""}${error.stderr ?? ""}`.trim(),
  );
  expect(result).toBe("");
});
