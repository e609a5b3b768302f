import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import type { Manifest } from "../manifest/manifest.js";
import type { Command, Port, Registration, RequestCommand, Routing } from "./protocol.js";

/**
 * The manifest's rules for connections, checked against the commands and
 * their messages: ports, registration, routing across servers, and how
 * answers of several servers merge. Problems are appended, not thrown.
 */

/** Port roles; when declared, every command must name one of them. */
export function buildPorts(manifest: Manifest, problems: string[]): Port[] {
  const ports = Object.entries(manifest.ports ?? {}).map(([name, doc]) => ({ name, doc }));
  for (const entry of manifest.commands) {
    if (ports.length === 0 && entry.port !== undefined) {
      problems.push(`${entry.where}: "port" needs a top-level "ports" map that declares it`);
    } else if (ports.length > 0 && entry.port === undefined) {
      problems.push(`${entry.where}: missing key "port" (one of ${ports.map((p) => p.name).join(", ")}), required when the manifest declares ports`);
    } else if (entry.port !== undefined && !ports.some((p) => p.name === entry.port)) {
      problems.push(`${entry.where}: port "${entry.port}" is not one of the declared ports (${ports.map((p) => p.name).join(", ")})`);
    }
  }
  return ports;
}

/** Requests whose answers merge by summing fields: each must be a number, or a map with number values. */
export function buildSums(manifest: Manifest, commands: Command[], problems: string[]): Command[] {
  return commands.map((command) => {
    // By name: a command whose messages did not resolve is missing from commands, so indexes may not line up.
    const entry = manifest.commands.find((e) => e.name === command.name);
    if (command.kind !== "request" || entry?.kind !== "request" || entry.merge === undefined) return command;
    const sum: DescField[] = [];
    for (const name of entry.merge.sum) {
      const field = findField(command.response, name);
      if (field === undefined) {
        problems.push(`${entry.where}: merge.sum: ${command.response.typeName} has no field "${name}"`);
      } else if (!isNumber(field)) {
        problems.push(`${entry.where}: merge.sum: ${command.response.typeName}.${name} is not a number or a map with number values`);
      } else {
        sum.push(field);
      }
    }
    return { ...command, sum };
  });
}

export function buildRegistration(manifest: Manifest, commands: readonly Command[], problems: string[]): Registration | undefined {
  const declared = manifest.registration;
  if (declared === undefined) return undefined;
  const where = (key: string): string => manifest.locate(["registration", key]);
  const request = (key: "register" | "unregister"): RequestCommand | undefined => {
    const command = commands.find((c) => c.name === declared[key]);
    if (command === undefined) problems.push(`${where(key)}: "${declared[key]}" is not a command`);
    else if (command.kind !== "request") problems.push(`${where(key)}: ${command.name} is a ${command.kind} command, not a request`);
    else return command;
    return undefined;
  };
  const register = request("register");
  const unregister = request("unregister");
  if (register === undefined || unregister === undefined) return undefined;
  if (register.request === undefined) {
    problems.push(`${where("register")}: ${register.name} must have a request body to register with`);
    return undefined;
  }
  const status = findField(register.response, declared.status);
  if (status?.fieldKind !== "enum") {
    problems.push(`${where("status")}: ${register.response.typeName} has no enum field "${declared.status}"`);
    return undefined;
  }
  const unregisterFields: Registration["unregisterFields"][number][] = [];
  for (const [name, path] of Object.entries(declared.unregisterFields)) {
    const at = manifest.locate(["registration", "unregisterFields", name]);
    const field = unregister.request === undefined ? undefined : findField(unregister.request, name);
    const [from, sourceName] = path.split(".") as ["request" | "response", string];
    const source = findField(from === "request" ? register.request : register.response, sourceName);
    if (field === undefined) {
      problems.push(`${at}: the ${unregister.name} request has no field "${name}"`);
    } else if (source === undefined) {
      problems.push(`${at}: the ${register.name} ${from} has no field "${sourceName}"`);
    } else if (typeOf(field) !== typeOf(source)) {
      problems.push(`${at}: ${typeOf(source)} ${path} cannot fill ${typeOf(field)} ${name}`);
    } else {
      unregisterFields.push({ field, from, source });
    }
  }
  return { register: { ...register, request: register.request }, unregister, status, unregisterFields };
}

export function buildRouting(manifest: Manifest, commands: readonly Command[], problems: string[]): Routing | undefined {
  const declared = manifest.routing;
  if (declared === undefined) return undefined;
  const fieldOf = (command: Command): DescField | undefined => {
    const body = command.kind === "request" ? command.request : command.message;
    const field = body === undefined ? undefined : findField(body, declared.field);
    return command.kind !== "event" && field?.fieldKind === "scalar" && field.scalar === ScalarType.STRING ? field : undefined;
  };
  const routed = commands.filter((command) => fieldOf(command) !== undefined);
  if (routed.length === 0) {
    problems.push(`${manifest.locate(["routing", "field"])}: no command body has a string field "${declared.field}"`);
    return undefined;
  }
  const ports = [...new Set(routed.map((c) => c.port))];
  if (ports.length > 1) {
    problems.push(`${manifest.locate(["routing", "field"])}: commands with "${declared.field}" belong to several ports (${ports.join(", ")}); a cluster connects to one`);
    return undefined;
  }
  // The generated code reads the body by its local (camelCase) name, whichever name the manifest used.
  const field = fieldOf(routed[0]!)!.localName;
  return { field, prefixLength: declared.prefixLength, prefix: declared.prefix, commands: routed, port: ports[0] };
}

/** A field by its proto name or its local (camelCase) name. */
function findField(message: DescMessage, name: string): DescField | undefined {
  return message.fields.find((f) => f.name === name || f.localName === name);
}

const numberScalars = new Set([
  ScalarType.INT32, ScalarType.INT64, ScalarType.UINT32, ScalarType.UINT64, ScalarType.SINT32, ScalarType.SINT64,
  ScalarType.FIXED32, ScalarType.FIXED64, ScalarType.SFIXED32, ScalarType.SFIXED64, ScalarType.FLOAT, ScalarType.DOUBLE,
]);

function isNumber(field: DescField): boolean {
  if (field.fieldKind === "scalar") return numberScalars.has(field.scalar);
  return field.fieldKind === "map" && field.mapKind === "scalar" && numberScalars.has(field.scalar);
}

/** A comparable description of a field's type. */
function typeOf(field: DescField): string {
  switch (field.fieldKind) {
    case "scalar":
      return ScalarType[field.scalar].toLowerCase();
    case "enum":
      return field.enum.typeName;
    case "message":
      return field.message.typeName;
    case "list":
      return `repeated ${field.listKind}`;
    case "map":
      return "map";
  }
}
