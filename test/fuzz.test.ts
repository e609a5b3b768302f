// A quick run of the fuzz targets (fuzz/targets.mjs); `npm run fuzz` runs
// each for a million cases.
import fc from "fast-check";
import { expect, test } from "vitest";
import { newTally, targets } from "../fuzz/targets.mjs";

test.each(Object.keys(targets))("fuzz %s: frames or one FrameError, nothing else", (name) => {
  const tally = newTally();
  fc.assert(targets[name as keyof typeof targets](tally), { numRuns: 3000 });
  expect(tally.runs).toBeGreaterThanOrEqual(3000);
  // The inputs must reach both outcomes, or the target tests too little.
  expect(tally.ok).toBeGreaterThan(0);
  expect(Object.keys(tally.errors).length).toBeGreaterThan(0);
});
