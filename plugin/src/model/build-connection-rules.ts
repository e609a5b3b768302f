import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import type { Manifest } from "../manifest/manifest.js";
import { isNumber } from "./field-kinds.js";
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
  let concurrency: DescField | undefined;
  if (declared.concurrency !== undefined) {
    concurrency = findField(register.request, declared.concurrency);
    if (concurrency === undefined || !isNumber(concurrency)) {
      problems.push(`${where("concurrency")}: ${register.request.typeName} has no number field "${declared.concurrency}"`);
      concurrency = undefined;
    }
  }
  return { register: { ...register, request: register.request }, unregister, status, unregisterFields, concurrency };
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
  const renames = Object.entries(declared.renames ?? {}).flatMap(([name, newName]) => {
    const at = manifest.locate(["routing", "renames", name]);
    const command = routed.find((c) => c.name === name);
    const body = command?.kind === "oneway" ? command.message : undefined;
    const newField = body === undefined ? undefined : findField(body, newName);
    if (command === undefined || body === undefined) {
      problems.push(`${at}: "${name}" is not a one-way command whose body has "${declared.field}"`);
    } else if (newField?.fieldKind !== "scalar" || newField.scalar !== ScalarType.STRING) {
      problems.push(`${at}: ${body.typeName} has no string field "${newName}"`);
    } else {
      return [{ command, newField: newField.localName }];
    }
    return [];
  });
  const events = (key: "learnFrom" | "forgetOn"): Command[] =>
    (declared[key] ?? []).flatMap((name, i) => {
      const command = commands.find((c) => c.name === name);
      const body = command?.kind === "event" ? command.message : undefined;
      const field = body === undefined ? undefined : findField(body, declared.field);
      if (command === undefined || field?.fieldKind !== "scalar" || field.scalar !== ScalarType.STRING) {
        problems.push(`${manifest.locate(["routing", key, i])}: "${name}" is not an event whose body has a string field "${declared.field}"`);
        return [];
      }
      if (command.port !== ports[0]) {
        problems.push(`${manifest.locate(["routing", key, i])}: ${name} arrives on the ${command.port} port, the cluster connects to the ${ports[0]} port`);
        return [];
      }
      return [command];
    });
  return {
    field,
    prefixLength: declared.prefixLength,
    prefix: declared.prefix,
    commands: routed,
    port: ports[0],
    renames,
    learnFrom: events("learnFrom"),
    forgetOn: events("forgetOn"),
  };
}

/** A field by its proto name or its local (camelCase) name. */
function findField(message: DescMessage, name: string): DescField | undefined {
  return message.fields.find((f) => f.name === name || f.localName === name);
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
