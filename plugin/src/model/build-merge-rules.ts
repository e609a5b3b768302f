import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import type { Manifest, ManifestMergeRules } from "../manifest/manifest.js";
import { isNumber, numberScalars } from "./field-kinds.js";
import type { Command, MergeRules, Routing } from "./protocol.js";

/**
 * How cluster.request() combines the answers of several servers: a rule for
 * every response field, checked against the field's type, so that no field
 * is combined by a default that gives a plausible wrong value. Problems are
 * appended, not thrown.
 */
export function buildMerges(manifest: Manifest, commands: Command[], problems: string[]): Command[] {
  return commands.map((command) => {
    // By name: a command whose messages did not resolve is missing from commands, so indexes may not line up.
    const entry = manifest.commands.find((e) => e.name === command.name);
    if (command.kind !== "request" || entry?.kind !== "request" || entry.merge === undefined || entry.merge === "none") return command;
    const merge = checkRules(command.response, entry.merge, `${entry.where}: merge`, problems);
    return { ...command, merge };
  });
}

/**
 * With routing (a cluster), every request says how its answers merge, or
 * "none": forgetting one must not fall back to protobuf's merge. The
 * registration requests are per connection and need no rule.
 */
export function checkMergesDeclared(
  manifest: Manifest,
  commands: readonly Command[],
  routing: Routing | undefined,
  problems: string[],
): void {
  if (routing === undefined) return;
  // As written, so that a registration with its own problems does not add these.
  const perConnection = new Set([manifest.registration?.register, manifest.registration?.unregister]);
  for (const entry of manifest.commands) {
    if (entry.kind === "request" && entry.merge === undefined && !perConnection.has(entry.name) && commands.some((c) => c.name === entry.name)) {
      problems.push(`${entry.where}: missing key "merge", required for requests when the manifest declares routing (rules for the answer's fields, or "none")`);
    }
  }
}

function checkRules(message: DescMessage, declared: ManifestMergeRules, where: string, problems: string[]): MergeRules {
  const rules: { field: DescField; rule: MergeRules[number]["rule"] }[] = [];
  for (const [name, rule] of Object.entries(declared)) {
    const field = message.fields.find((f) => f.name === name || f.localName === name);
    if (field === undefined) {
      problems.push(`${where}: ${message.typeName} has no field "${name}"`);
      continue;
    }
    const at = `${where}.${name}`;
    if (typeof rule === "object") {
      const values = field.fieldKind === "message" ? field.message : field.fieldKind === "map" && field.mapKind === "message" ? field.message : undefined;
      if (values === undefined) problems.push(`${at}: rules for fields need a message or a map of messages; ${message.typeName}.${name} is ${describe(field)}`);
      else rules.push({ field, rule: checkRules(values, rule, at, problems) });
      continue;
    }
    const wrong = mismatch(rule, field);
    if (wrong !== undefined) problems.push(`${at}: ${rule} ${wrong}; ${message.typeName}.${name} is ${describe(field)}`);
    else rules.push({ field, rule });
  }
  for (const field of message.fields) {
    if (!rules.some((r) => r.field === field) && !(field.name in declared) && !(field.localName in declared)) {
      problems.push(`${where}: no rule for ${message.typeName}.${field.localName} (sum, union, concat, unique, omit, or rules for its fields)`);
    }
  }
  return rules;
}

/** Why a named rule does not fit a field, or undefined when it does. */
function mismatch(rule: string, field: DescField): string | undefined {
  switch (rule) {
    case "sum":
      return isNumber(field) || (field.fieldKind === "map" && field.mapKind === "scalar" && numberScalars.has(field.scalar))
        ? undefined
        : "needs a number or a map with number values";
    case "union":
      return field.fieldKind === "list" && (field.listKind === "enum" || (field.listKind === "scalar" && field.scalar !== ScalarType.BYTES))
        ? undefined
        : "needs a list of strings, numbers or enums";
    case "concat":
      return field.fieldKind === "list" ? undefined : "needs a list";
    case "unique":
      return field.fieldKind === "map" ? undefined : "needs a map";
    default:
      return undefined;
  }
}

function describe(field: DescField): string {
  switch (field.fieldKind) {
    case "scalar":
      return `a ${ScalarType[field.scalar].toLowerCase()}`;
    case "enum":
      return `an enum`;
    case "message":
      return `a message`;
    case "list":
      return field.listKind === "scalar" ? `a list of ${ScalarType[field.scalar].toLowerCase()}` : `a list of ${field.listKind}s`;
    case "map":
      return field.mapKind === "scalar" ? `a map of ${ScalarType[field.scalar].toLowerCase()}` : `a map of ${field.mapKind}s`;
  }
}
