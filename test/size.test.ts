// The bundle size budget: what a browser application pays for the netsvr
// package, bundled by esbuild as bench/size.mjs (npm run size) does. The
// sizes are deterministic for the pinned esbuild, so this is a budget, not
// a timing.
import { describe, expect, it } from "vitest";
import { customerEntries, entries, measure } from "../bench/size.mjs";

interface Measured {
  readonly minified: number;
  readonly gzip: number;
  readonly inputs: readonly { readonly path: string; readonly bytes: number }[];
}
const bundle = measure as (code: string) => Promise<Measured>;
const entriesOf = entries as (version: string) => { readonly name: string; readonly code: string }[];
const customers = (customerEntries as () => { readonly name: string; readonly code: string }[])();

/** Goal of issue 11: one encoder, one frame decoder and the splitter under 5 KB gzip. */
const budget = 5 * 1024;

/** Inputs that mean message schemas or protobuf-es reflection came in. */
const reflection = /_pb\.js$|@bufbuild\/protobuf\/dist\/esm\/(registry|codegenv\d|reflect\/|descriptors|create|from-binary|to-binary)/;

describe.each(["v2", "v6"])("netsvr-protocol/%s in a browser bundle", (version) => {
  const all = entriesOf(version);
  const named = (name: string) => all.find((entry) => entry.name === name)!;

  it(`one encoder + one frame decoder + the splitter stay under ${budget} bytes gzip`, async () => {
    const { gzip, minified } = await bundle(named("encoder + one frame decoder + splitter").code);
    expect(minified).toBeGreaterThan(0);
    expect(gzip).toBeLessThan(budget);
  });

  it.each(all.filter((entry) => entry.name !== "whole index").map((entry) => [entry.name, entry.code]))(
    "%s pulls in no schema and no reflection",
    async (_name, code) => {
      const { inputs } = await bundle(code);
      expect(inputs.map((input) => input.path).filter((path) => reflection.test(path))).toEqual([]);
    },
  );

  it("the whole index still brings the schemas (the public API is unchanged)", async () => {
    const { inputs } = await bundle(named("whole index").code);
    expect(inputs.some((input) => input.path.endsWith(`/${version}/schemas.js`))).toBe(true);
    expect(inputs.some((input) => input.path.endsWith("_pb.js"))).toBe(true);
  });
});

/** Goal of issue 12: the chat customer client, binary encoding (its wire, codecs and client runtime), under 8 KB gzip. */
const customerBudget = 8 * 1024;

describe("the chat customer client in a browser bundle", () => {
  it(`binary stays under ${customerBudget} bytes gzip and pulls in no schema and no reflection`, async () => {
    const { gzip, inputs } = await bundle(customers.find((entry) => entry.name.endsWith("binary"))!.code);
    expect(gzip).toBeLessThan(customerBudget);
    expect(inputs.map((input) => input.path).filter((path) => reflection.test(path))).toEqual([]);
    expect(inputs.some((input) => input.path.endsWith("/customer-client.js"))).toBe(true);
  });

  it("json needs the schemas and protobuf-es's JSON reflection, and says so by size", async () => {
    const { gzip, inputs } = await bundle(customers.find((entry) => entry.name.endsWith("json"))!.code);
    expect(inputs.some((input) => input.path.endsWith("chat_pb.js"))).toBe(true);
    expect(gzip).toBeGreaterThan(customerBudget);
  });
});
