import type { DescEnum, DescMessage } from "@bufbuild/protobuf";
import type { Protocol } from "./protocol.js";

/** Every message and enum a command's body can contain, and the extra types, sorted by full name for a stable output. */
export function reachableTypes(p: Protocol): (DescMessage | DescEnum)[] {
  const seen = new Set<DescMessage | DescEnum>();
  const visit = (desc: DescMessage | DescEnum | undefined): void => {
    if (desc === undefined || seen.has(desc)) return;
    seen.add(desc);
    if (desc.kind === "message") {
      for (const field of desc.fields) {
        visit(field.message ?? field.enum);
      }
    }
  };
  for (const c of p.commands) {
    if (c.kind === "request") {
      visit(c.request);
      visit(c.response);
    } else {
      visit(c.message);
    }
  }
  for (const desc of p.extraTypes) visit(desc);
  return [...seen].sort((a, b) => a.typeName.localeCompare(b.typeName));
}
