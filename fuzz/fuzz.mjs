// npm run fuzz: every fuzz target for --runs cases (default 1,000,000),
// printing how the inputs ended. A failure prints fast-check's counterexample
// and seed, and exits non-zero.
import fc from "fast-check";
import { newTally, targets } from "./targets.mjs";

const runsArg = process.argv.find((a) => a.startsWith("--runs="));
const numRuns = runsArg === undefined ? 1_000_000 : Number(runsArg.slice("--runs=".length));
let failed = false;
for (const [name, property] of Object.entries(targets)) {
  const tally = newTally();
  const started = performance.now();
  try {
    fc.assert(property(tally), { numRuns });
  } catch (error) {
    failed = true;
    console.error(`${name}: FAILED\n${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const errors = Object.entries(tally.errors)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(", ");
  console.log(`${name}: ${tally.runs} cases in ${seconds} s: ${tally.ok} decoded cleanly; errors: ${errors}`);
}
process.exitCode = failed ? 1 : 0;
