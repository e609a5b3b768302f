// tsc over generated output in a scratch directory, with the strict options
// a consumer may turn on and no lib but ES2022 (no DOM, no Node types).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./repo.js";

export const strictCompilerOptions = {
  target: "ES2022",
  lib: ["ES2022"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitReturns: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  types: [] as string[],
  noEmit: true,
};

/** tsc's error lines for a tsconfig written into dir as project; a crash or a bad tsconfig is reported whole. */
export function tscErrors(dir: string, project: string, config: object): string[] {
  writeFileSync(join(dir, project), JSON.stringify(config));
  try {
    execFileSync(join(repoRoot, "node_modules/.bin/tsc"), ["-p", project], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    return [];
  } catch (err) {
    const out = String((err as { stdout?: string }).stdout);
    const lines = out.split("\n").filter((line) => / error TS\d+:/.test(line));
    return lines.length > 0 ? lines : [out];
  }
}
