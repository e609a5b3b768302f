import type { DescEnum, DescMessage } from "@bufbuild/protobuf";
import type { Printable, Schema } from "@bufbuild/protoplugin";
import type { Protocol } from "../model/protocol.js";
import { reachableTypes } from "../model/reachable-types.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { pascal } from "./names.js";

/**
 * index.ts: the package's entry point. It re-exports the generated API and
 * the message types and schemas the commands carry, so that one import
 * serves a user; everything else stays reachable through its own module.
 */
export function emitIndex(schema: Schema<NetsvrOptions>, p: Protocol, modules: readonly string[]): void {
  const f = generateFile(schema, p, "index.ts");
  const ext = { none: "", js: ".js", ts: ".ts" }[schema.options.importExtension];
  for (const module of modules) {
    f.print(`export * from "./${module}${ext}";`);
  }
  if (p.websocket === undefined) {
    f.print(`export { maxFrameSize, max${pascal(p.server)}FrameSize } from "./wire${ext}";`);
  } else {
    f.print(`export { MessageError, type Encoding, type MessageErrorCode } from "./app-wire${ext}";`);
  }

  const exported: Printable[] = [];
  for (const desc of uniqueNames(reachableTypes(p))) {
    if (desc.kind === "message") {
      exported.push(f.importSchema(desc), ", type ", f.importShape(desc));
    } else {
      // An enum is a value too: import it as one, not as the type-only shape.
      const shape = f.importShape(desc);
      exported.push(f.import(shape.name, shape.from), ", ", f.importSchema(desc));
    }
    exported.push(",\n  ");
  }
  if (exported.length > 0) {
    exported.pop();
    f.print();
    f.print(`// Messages and enums the commands carry.`);
    f.print(`export {\n  `, exported, `,\n};`);
  }
}

/** Types whose short names clash can only be imported from their own module. */
function uniqueNames(types: (DescMessage | DescEnum)[]): (DescMessage | DescEnum)[] {
  const count = new Map<string, number>();
  for (const t of types) count.set(t.name, (count.get(t.name) ?? 0) + 1);
  return types.filter((t) => count.get(t.name) === 1);
}
