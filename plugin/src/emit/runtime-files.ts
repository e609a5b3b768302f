import { readFileSync } from "node:fs";
import type { Schema } from "@bufbuild/protoplugin";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";

/**
 * Copies protocol-independent runtime files (plugin/runtime/) into the
 * output. They are kept as real TypeScript so they are written, read and
 * checked as code; generated entry points bind them to one protocol.
 */
export function emitRuntimeFiles(schema: Schema<NetsvrOptions>, p: Protocol, names: readonly string[]): void {
  for (const name of names) {
    const f = generateFile(schema, p, name);
    f.print(readFileSync(new URL(`../../runtime/${name}`, import.meta.url), "utf8").trimEnd());
  }
}
