import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject } from "ajv";
import { LineCounter, isMap, isSeq, parseDocument, type Document } from "yaml";
import { UserError } from "../user-error.js";
import type { Manifest, ManifestCommand } from "./manifest.js";

const manifestSchema: object = createRequire(import.meta.url)("../../manifest.schema.json");
const validate = new Ajv({ allErrors: true, strict: false }).compile(manifestSchema);

/**
 * Reads a command manifest (YAML or JSON) and checks it against
 * manifest.schema.json. Every problem is reported as
 * "file:line:col: entry: reason".
 */
export function readManifest(path: string): Manifest {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : String(err);
    throw new UserError(`${path}: cannot read the command manifest: ${reason}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntaxError = doc.errors[0];
  if (syntaxError !== undefined) {
    const pos = lines.linePos(syntaxError.pos[0]);
    throw new UserError(`${path}:${pos.line}:${pos.col}: YAML syntax error: ${firstLine(syntaxError.message)}`);
  }
  const data: unknown = doc.toJS();
  const locate = (instancePath: readonly (string | number)[]): string =>
    `${path}:${position(doc, lines, instancePath)}: ${entryName(data, instancePath)}`;

  if (!validate(data)) {
    const problems = (validate.errors ?? [])
      .filter((e) => e.keyword !== "if" && e.keyword !== "oneOf")
      .map((e) => {
        const at = pathOf(e);
        return `${locate(at)}: ${describe(e, at)}`;
      });
    throw new UserError(unique(problems).join("\n"));
  }
  const manifest = data as Omit<Manifest, "path">;
  return {
    ...manifest,
    path,
    commands: manifest.commands.map(
      (command, i): ManifestCommand => ({ ...command, where: locate(["commands", i]) }),
    ),
  };
}

/** The JSON path an ajv error is about; for a missing key, the object that lacks it. */
function pathOf(e: ErrorObject): (string | number)[] {
  const at = e.instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (e.keyword === "additionalProperties") {
    at.push(String(e.params["additionalProperty"]));
  }
  return at;
}

function describe(e: ErrorObject, at: readonly (string | number)[]): string {
  const key = at.length > 0 ? `"${String(at[at.length - 1])}"` : "the manifest";
  switch (e.keyword) {
    case "additionalProperties":
      return `unknown key ${key}`;
    case "required":
      return `missing key "${String(e.params["missingProperty"])}"`;
    case "false schema":
      return `${key} does not belong to a command of this kind (event and oneway take "message"; request takes "request" and "response")`;
    case "enum":
      return `${key} must be one of ${(e.params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `${key} must be ${JSON.stringify(e.params["allowedValue"])}`;
    case "pattern":
      return `${key} is not a valid ${patternMeaning(at)}`;
    default:
      return `${key} ${e.message ?? "is invalid"}`;
  }
}

function patternMeaning(at: readonly (string | number)[]): string {
  const key = at[at.length - 1];
  if (key === "name" && at[0] === "commands") return "command name (PascalCase letters and digits)";
  if (key === "server" || key === "client") return "side name (camelCase letters and digits)";
  return "fully-qualified protobuf name";
}

/** "commands[3] (Register)" for a path into a command entry, else the top-level key. */
function entryName(data: unknown, at: readonly (string | number)[]): string {
  if (at[0] === "commands" && typeof at[1] === "number") {
    const entry = (data as { commands: unknown[] }).commands[at[1]];
    const name = (entry as { name?: unknown } | null)?.name;
    return typeof name === "string" ? `commands[${at[1]}] (${name})` : `commands[${at[1]}]`;
  }
  return at.length > 0 ? String(at[0]) : "manifest";
}

/** line:col of the deepest YAML node that exists along a path. */
function position(doc: Document, lines: LineCounter, at: readonly (string | number)[]): string {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const part of at) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      if (pair === undefined) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof part === "number") {
      node = node.items[part];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  const pos = lines.linePos(offset);
  return `${pos.line}:${pos.col}`;
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
