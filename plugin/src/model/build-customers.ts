import { ScalarType, type DescField, type DescMessage } from "@bufbuild/protobuf";
import type { Manifest } from "../manifest/manifest.js";
import type { Command, CustomerSend, Customers, OneWayCommand, WebSocketFraming } from "./protocol.js";

/** The bytes field that carries a customer's message in every body the customers section names. */
export const dataField = "data";

/** The customers section, resolved: which commands carry customer messages and how they are answered. */
export function buildCustomers(manifest: Manifest, commands: readonly Command[], problems: string[]): Customers | undefined {
  const declared = manifest.customers;
  if (declared === undefined) return undefined;
  const problemsBefore = problems.length;

  const withData = (at: readonly (string | number)[], name: string, kind: "event" | "oneway") => {
    const where = manifest.locate(at);
    const command = commands.find((c) => c.name === name);
    if (command === undefined) {
      problems.push(`${where}: "${name}" is not a command of this manifest`);
      return undefined;
    }
    if (command.kind !== kind || command.message === undefined) {
      problems.push(`${where}: ${name} must be ${kind === "event" ? "an event" : "a one-way command"} with a body`);
      return undefined;
    }
    const data = command.message.fields.find((f) => f.localName === dataField);
    if (data === undefined || data.fieldKind !== "scalar" || data.scalar !== ScalarType.BYTES) {
      problems.push(`${where}: ${name}'s body ${command.message.typeName} needs a bytes field "${dataField}" to carry the customer message`);
      return undefined;
    }
    return command as OneWayCommand & { readonly message: DescMessage };
  };

  const toSend = (at: readonly (string | number)[], name: string): CustomerSend | undefined => {
    const command = withData(at, name, "oneway");
    if (command === undefined) return undefined;
    const others = command.message.fields.filter((f) => f.localName !== dataField);
    const target = others[0];
    if (others.length > 1 || (target !== undefined && !isStringOrStrings(target))) {
      problems.push(
        `${manifest.locate(at)}: ${name}'s body may have, besides "${dataField}", only one field naming who gets it (a string or repeated string); it has ${others.map((f) => f.localName).join(", ")}`,
      );
      return undefined;
    }
    return { command, target };
  };

  const receive = withData(["customers", "receive"], declared.receive, "event");
  const senderFields = receive?.message.fields.filter((f) => f.localName !== dataField) ?? [];
  const reply = toSend(["customers", "reply"], declared.reply);
  if (reply !== undefined && receive !== undefined) {
    const target = reply.target;
    if (target === undefined || target.fieldKind !== "scalar" || !senderFields.some((f) => f.localName === target.localName && f.fieldKind === "scalar")) {
      problems.push(
        `${manifest.locate(["customers", "reply"])}: ${declared.reply} must name its customer with a string field that ${declared.receive} also has (the sender), e.g. uniqId`,
      );
    }
  }
  const send = declared.send.map((name, i) => toSend(["customers", "send", i], name));
  const targets = new Map<string, string>();
  declared.send.forEach((name, i) => {
    const resolved = send[i];
    if (resolved === undefined) return;
    const key = resolved.target?.localName ?? "(everyone)";
    const first = targets.get(key);
    if (first !== undefined) problems.push(`${manifest.locate(["customers", "send", i])}: ${name} and ${first} both send to ${key}; keep one`);
    targets.set(key, name);
  });

  if (problems.length > problemsBefore || receive === undefined || reply?.target === undefined) return undefined;
  return {
    prefix: declared.prefix,
    heartbeat: declared.heartbeat === undefined ? undefined : { ping: declared.heartbeat.ping, pong: declared.heartbeat.pong },
    receive,
    senderFields,
    reply: { command: reply.command, target: reply.target },
    send: send.filter((s): s is CustomerSend => s !== undefined),
  };
}

/**
 * An application protocol travels in WebSocket messages through a gateway:
 * it has no frame limit, heartbeat, ports, registration or routing of its
 * own (the gateway's govern), and command id 0 marks an error answer.
 */
export function buildWebSocketFraming(manifest: Manifest, problems: string[]): WebSocketFraming | undefined {
  const declared = manifest.websocket;
  if (declared === undefined) return undefined;
  for (const key of ["maxFrameSize", "heartbeat", "ports", "registration", "routing", "customers"] as const) {
    if (manifest[key] !== undefined) {
      problems.push(`${manifest.locate([key])}: "${key}" does not apply to an application protocol (websocket); the gateway's own manifest declares it`);
    }
  }
  for (const entry of manifest.commands) {
    if (entry.id === 0) problems.push(`${entry.where}: id 0 is reserved for error answers in an application protocol (websocket)`);
    if (entry.port !== undefined) problems.push(`${entry.where}: an application protocol (websocket) has no ports`);
    if (entry.kind === "request" && entry.merge !== undefined) {
      problems.push(`${entry.where}: merge does not apply to an application protocol (websocket): one business answers each request`);
    }
  }
  return { encoding: declared.encoding, undecodable: declared.undecodable ?? "error" };
}

function isStringOrStrings(field: DescField): boolean {
  return (field.fieldKind === "scalar" || field.fieldKind === "list") && field.scalar === ScalarType.STRING;
}
