import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ErrorObject } from "ajv";
import { LineCounter, isMap, isSeq, parseDocument, type Document } from "yaml";
import { UserError } from "../user-error.js";
import type { Manifest, ManifestCommand } from "./manifest.js";

const manifestSchema: object = createRequire(import.meta.url)("../../manifest.schema.json");
const validate = new Ajv({ allErrors: true, strict: false }).compile(manifestSchema);

type JsonPath = readonly (string | number)[];

/**
 * Reads a command manifest (YAML or JSON) and checks it against
 * manifest.schema.json. Every problem is reported as
 * "file:line:col: entry: reason", in file order.
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
  const offsetOf = (at: JsonPath) => offset(doc, at);
  const locate = (at: JsonPath): string => {
    const pos = lines.linePos(offsetOf(at));
    return `${path}:${pos.line}:${pos.col}: ${entryName(data, at)}`;
  };

  if (!validate(data)) {
    const problems = relevant(validate.errors ?? [])
      .map((e) => ({ at: pathOf(e), e }))
      .sort((x, y) => offsetOf(x.at) - offsetOf(y.at))
      .map(({ at, e }) => `${locate(at)}: ${describe(e, at)}`);
    throw new UserError(unique(problems).join("\n"));
  }
  const manifest = data as Omit<Manifest, "path" | "locate">;
  return {
    ...manifest,
    path,
    locate,
    commands: manifest.commands.map((command, i): ManifestCommand => ({ ...command, where: locate(["commands", i]) })),
  };
}

/**
 * Drops errors that only restate another one: with a misspelt kind, the
 * kind-specific keys it then lacks or has are noise; a key that does not
 * belong is reported once, not with what its value lacks; a value that fits
 * none of its forms (a body, a merge rule, a frame size) is reported once,
 * not once per form.
 */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  const badKind = new Set(errors.filter((e) => e.keyword === "enum" && e.instancePath.endsWith("/kind")).map((e) => parentOf(e.instancePath)));
  const within = (path: string, e: ErrorObject): boolean => e.instancePath === path || e.instancePath.startsWith(`${path}/`);
  const misplaced = errors.filter((e) => e.keyword === "false schema").map((e) => e.instancePath);
  const formless = errors.filter((e) => e.keyword === "oneOf").map((e) => e.instancePath);
  return errors.filter((e) => {
    if (e.keyword === "if") return false;
    if (e.keyword !== "false schema" && misplaced.some((path) => within(path, e))) return false;
    if (e.keyword === "oneOf") return !formless.some((path) => path !== e.instancePath && within(path, e));
    if (formless.some((path) => within(path, e))) return false;
    const fromKind = e.schemaPath.includes("/then/") || e.schemaPath.includes("/else/");
    const entry = e.keyword === "false schema" ? parentOf(e.instancePath) : e.instancePath;
    return !(fromKind && badKind.has(entry));
  });
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

function describe(e: ErrorObject, at: JsonPath): string {
  const last = at[at.length - 1];
  const key = last === undefined || typeof last === "number" ? "the entry" : `"${last}"`;
  switch (e.keyword) {
    case "oneOf":
      return `${key} ${oneOfMeaning(at)}`;
    case "additionalProperties":
      return `unknown key ${key}`;
    case "required": {
      const missing = String(e.params["missingProperty"]);
      const hint = missing === "request" || missing === "message" ? ` (write ${missing}: null for a frame without body)` : "";
      return `missing key "${missing}"${hint}`;
    }
    case "false schema":
      return `${key} does not belong to a command of this kind (event and oneway take "message"; request takes "request" and "response")`;
    case "enum":
      return `${key} must be one of ${(e.params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `${key} must be ${JSON.stringify(e.params["allowedValue"])}`;
    case "pattern":
      return `${key} is not a valid ${patternMeaning(at)}`;
    default:
      if (last === "response") return `${key} must be a fully-qualified message name: a response always has a body`;
      return `${key} ${e.message ?? "is invalid"}`;
  }
}

/** What a value with several forms must be, said once. */
function oneOfMeaning(at: JsonPath): string {
  const key = at[at.length - 1];
  if (key === "merge") {
    return `must be "none", or map every field of the response to sum, union, concat, unique, omit, or the rules of its message's fields`;
  }
  if (key === "maxFrameSize") return "must be a number of bytes from 4 to 4294967295, or { toServer, toClient } of such numbers";
  return "must be a fully-qualified message name, or null for no body";
}

function patternMeaning(at: JsonPath): string {
  const key = at[at.length - 1];
  if (key === "name" && at[0] === "commands") return "command name (PascalCase letters and digits)";
  if (key === "server" || key === "client") return "side name (camelCase letters and digits)";
  return "fully-qualified protobuf name";
}

/** "commands[3] (Register)" for a path into a command entry, else the top-level key. */
function entryName(data: unknown, at: JsonPath): string {
  if (at[0] === "commands" && typeof at[1] === "number") {
    const entry = (data as { commands: unknown[] }).commands[at[1]];
    const name = (entry as { name?: unknown } | null)?.name;
    return typeof name === "string" ? `commands[${at[1]}] (${name})` : `commands[${at[1]}]`;
  }
  return at.length > 0 ? String(at[0]) : "manifest";
}

/** Offset in the text of the deepest YAML node that exists along a path. */
function offset(doc: Document, at: JsonPath): number {
  let node: unknown = doc.contents;
  let found = rangeStart(node) ?? 0;
  for (const part of at) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
      if (pair === undefined) break;
      found = rangeStart(pair.key) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof part === "number") {
      node = node.items[part];
      found = rangeStart(node) ?? found;
    } else {
      break;
    }
  }
  return found;
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

function parentOf(instancePath: string): string {
  return instancePath.slice(0, instancePath.lastIndexOf("/"));
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
