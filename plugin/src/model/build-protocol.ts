import { createRegistry, type DescEnum, type DescFile, type DescMessage, type Registry } from "@bufbuild/protobuf";
import { getComments } from "@bufbuild/protoplugin";
import type { Manifest, ManifestCommand } from "../manifest/manifest.js";
import { UserError } from "../user-error.js";
import { buildPorts, buildRegistration, buildRouting } from "./build-connection-rules.js";
import { buildCustomers, buildWebSocketFraming } from "./build-customers.js";
import { buildMerges, checkMergesDeclared } from "./build-merge-rules.js";
import type { Command, Heartbeat, Protocol } from "./protocol.js";

/** The gateway's default frame limit, used when the manifest sets none. */
const defaultMaxFrameSize = 2 * 1024 * 1024;

/** Names the frame unions use for heartbeat frames; a command may not take them. */
export const heartbeatFrameNames = { ping: "Ping", pong: "Pong" } as const;

/**
 * Resolves the manifest against the protos and checks what the JSON Schema
 * cannot: unique names and ids, messages that exist, ids that agree with the
 * command enum. All problems are reported at once.
 */
export function buildProtocol(manifest: Manifest, files: readonly DescFile[]): Protocol {
  const registry = createRegistry(...files);
  const problems: string[] = [];
  const commands: Command[] = [];
  const byName = new Map<string, ManifestCommand>();
  const byId = new Map<number, ManifestCommand>();

  for (const entry of manifest.commands) {
    const sameName = byName.get(entry.name);
    if (sameName !== undefined) {
      problems.push(`${entry.where}: duplicate command name "${entry.name}" (first at ${sameName.where})`);
    }
    const sameId = byId.get(entry.id);
    if (sameId !== undefined) {
      problems.push(`${entry.where}: duplicate command id ${entry.id}, already used by ${sameId.name} (${sameId.where})`);
    }
    byName.set(entry.name, entry);
    byId.set(entry.id, entry);

    const resolve = (key: string, typeName: string | null): DescMessage | undefined => {
      if (typeName === null) return undefined;
      const message = registry.getMessage(typeName);
      if (message === undefined) {
        problems.push(`${entry.where}: ${key} "${typeName}" is not a message in the given protos${suggest(registry, typeName)}`);
      }
      return message;
    };
    const doc = entry.doc ?? "";
    if (entry.kind === "request") {
      const request = resolve("request", entry.request);
      const response = resolve("response", entry.response);
      if (response !== undefined) {
        commands.push({ kind: "request", name: entry.name, id: entry.id, doc, port: entry.port, request, response, merge: undefined });
      }
    } else {
      const message = resolve("message", entry.message);
      commands.push({ kind: entry.kind, name: entry.name, id: entry.id, doc, port: entry.port, message });
    }
  }

  const heartbeat = checkHeartbeat(manifest, problems);
  const withEnumDocs = manifest.commandEnum === undefined ? commands : checkCommandEnum(manifest, registry, commands, problems);
  const withDocs = withEnumDocs.map((c) => ({ ...c, doc: c.doc !== "" ? c.doc : defaultDoc(c, manifest) }));
  // An application protocol has none of a gateway protocol's connection rules: each would only add
  // follow-on errors to the one that says the key does not apply.
  const websocket = buildWebSocketFraming(manifest, problems);
  const gateway = websocket === undefined;
  const ports = gateway ? buildPorts(manifest, problems) : [];
  const withMerges = buildMerges(manifest, withDocs, problems);
  const registration = gateway ? buildRegistration(manifest, withMerges, problems) : undefined;
  const routing = gateway ? buildRouting(manifest, withMerges, problems) : undefined;
  if (gateway) checkMergesDeclared(manifest, withMerges, routing, problems);
  const customers = gateway ? buildCustomers(manifest, withMerges, problems) : undefined;

  const extraTypes = (manifest.extraTypes ?? []).flatMap((typeName, i) => {
    const desc = registry.get(typeName);
    if (desc?.kind === "message" || desc?.kind === "enum") return [desc];
    problems.push(`${manifest.locate(["extraTypes", i])}: "${typeName}" is not a message or enum in the given protos${suggest(registry, typeName)}`);
    return [];
  });

  if (problems.length > 0) {
    throw new UserError(problems.join("\n"));
  }
  return {
    ports,
    extraTypes,
    registration,
    routing,
    manifestPath: manifest.path,
    server: manifest.server ?? "server",
    client: manifest.client ?? "client",
    maxFrameSize: frameSizes(manifest.maxFrameSize),
    heartbeat,
    commands: withMerges,
    websocket,
    customers,
  };
}

function frameSizes(declared: Manifest["maxFrameSize"]): Protocol["maxFrameSize"] {
  if (typeof declared === "object") return declared;
  const both = declared ?? defaultMaxFrameSize;
  return { toServer: both, toClient: both };
}

function checkHeartbeat(manifest: Manifest, problems: string[]): Heartbeat | undefined {
  if (manifest.heartbeat === undefined) return undefined;
  const { ping, pong } = manifest.heartbeat;
  if (ping === pong) {
    problems.push(`${manifest.locate(["heartbeat", "pong"])}: ping and pong must differ, both are "${ping}"`);
  }
  for (const entry of manifest.commands) {
    if (entry.name === heartbeatFrameNames.ping || entry.name === heartbeatFrameNames.pong) {
      problems.push(`${entry.where}: the name "${entry.name}" is reserved for heartbeat frames when the manifest declares a heartbeat`);
    }
  }
  return { ping, pong };
}

/** Every command must be a value of the enum with the same number, and every value a command. */
function checkCommandEnum(manifest: Manifest, registry: Registry, commands: Command[], problems: string[]): Command[] {
  const { name, unused = [] } = manifest.commandEnum!;
  const cmdEnum: DescEnum | undefined = registry.getEnum(name);
  if (cmdEnum === undefined) {
    problems.push(`${manifest.locate(["commandEnum", "name"])}: "${name}" is not an enum in the given protos`);
    return commands;
  }
  for (const entry of manifest.commands) {
    const value = cmdEnum.values.find((v) => v.name === entry.name);
    if (value === undefined) {
      problems.push(`${entry.where}: ${name} has no value named ${entry.name}`);
    } else if (value.number !== entry.id) {
      problems.push(`${entry.where}: id ${entry.id} disagrees with ${name}.${entry.name} = ${value.number}`);
    }
  }
  for (const value of cmdEnum.values) {
    const listed = manifest.commands.some((c) => c.name === value.name);
    if (!listed && !unused.includes(value.name)) {
      problems.push(
        `${manifest.locate(["commandEnum"])}: ${name}.${value.name} = ${value.number} is not in commands; add it, or list it under commandEnum.unused if it is not a command`,
      );
    }
  }
  unused.forEach((valueName, i) => {
    const where = manifest.locate(["commandEnum", "unused", i]);
    if (!cmdEnum.values.some((v) => v.name === valueName)) {
      problems.push(`${where}: unused names "${valueName}", which is not a value of ${name}`);
    } else if (manifest.commands.some((c) => c.name === valueName)) {
      problems.push(`${where}: "${valueName}" is listed as unused but is a command; remove it from unused`);
    }
  });
  return commands.map((c) => {
    const value = cmdEnum.values.find((v) => v.name === c.name);
    const comment = value === undefined ? undefined : getComments(value).leading?.trim();
    return c.doc === "" && comment !== undefined ? { ...c, doc: comment } : c;
  });
}

function defaultDoc(command: Command, manifest: Manifest): string {
  const server = manifest.server ?? "server";
  const client = manifest.client ?? "client";
  const body = (m: DescMessage | undefined) => (m === undefined ? "no body" : `body ${m.name}`);
  switch (command.kind) {
    case "event":
      return `${capitalize(server)} -> ${client} event; ${body(command.message)}.`;
    case "oneway":
      return `${capitalize(client)} -> ${server} one-way command; ${body(command.message)}.`;
    case "request":
      return `${capitalize(client)} -> ${server} request; ${body(command.request)}, answered with ${command.response.name}.`;
  }
}

/** ", did you mean x.y.Z?" when a message of that short name exists elsewhere. */
function suggest(registry: Registry, typeName: string): string {
  const short = typeName.split(".").pop();
  for (const desc of registry) {
    if (desc.kind === "message" && desc.name === short) return `; did you mean "${desc.typeName}"?`;
  }
  return "";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
