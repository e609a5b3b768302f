import type { DescMessage } from "@bufbuild/protobuf";
import type { GeneratedFile, Schema } from "@bufbuild/protoplugin";
import type { Command, CommandKind, Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { kindCmdType, pascal } from "./names.js";

/**
 * commands.ts: the command ids, and the tables that say for each command who
 * sends it and which messages it carries, as types and as runtime values.
 */
export function emitCommands(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "commands.ts");

  f.print(f.jsDoc("Command ids: the u32 that follows a frame's length."));
  f.print(f.export("const", "Cmd"), " = {");
  for (const c of p.commands) {
    f.print(f.jsDoc(c.doc, "  "));
    f.print("  ", c.name, ": ", c.id, ",");
  }
  f.print("} as const;");
  f.print();
  f.print(f.jsDoc("A command id."));
  f.print(f.export("type", "Cmd"), " = (typeof Cmd)[keyof typeof Cmd];");
  f.print();
  f.print(f.jsDoc("A command name."));
  f.print(f.export("type", "CmdName"), " = keyof typeof Cmd;");
  f.print();

  const kindDocs: Record<CommandKind, string> = {
    event: `Events: one-way frames a ${p.server} sends to a ${p.client}.`,
    oneway: `One-way commands a ${p.client} sends to a ${p.server}.`,
    request: `Requests a ${p.client} sends; the ${p.server} answers each with a frame of the same id.`,
  };
  for (const kind of ["event", "oneway", "request"] as const) {
    const ids = p.commands.filter((c) => c.kind === kind).map((c) => `typeof Cmd.${c.name}`);
    f.print(f.jsDoc(kindDocs[kind]));
    f.print(f.export("type", kindCmdType[kind]), " =", ids.length > 0 ? ids.map((id) => `\n  | ${id}`).join("") : " never", ";");
    f.print();
  }
  f.print(f.jsDoc(`Ids of the commands a ${p.server} sends: events and responses.`));
  f.print(f.export("type", `${pascal(p.server)}Cmd`), " = EventCmd | RequestCmd;");
  f.print();
  f.print(f.jsDoc(`Ids of the commands a ${p.client} sends: one-way commands and requests.`));
  f.print(f.export("type", `${pascal(p.client)}Cmd`), " = OnewayCmd | RequestCmd;");
  f.print();

  printTable(f, "CmdNames", "cmdNames", "The name of each command id.", p.commands, (c) => `"${c.name}"`);
  printTable(
    f,
    "CmdKinds",
    "cmdKinds",
    `The kind of each command: "event" (${p.server} -> ${p.client}), "oneway" (${p.client} -> ${p.server}) or "request" (${p.client} -> ${p.server}, answered).`,
    p.commands,
    (c) => `"${c.kind}"`,
  );

  if (p.ports.length > 0) printPorts(f, p);

  const oneWay = (kind: "event" | "oneway") =>
    p.commands.flatMap((c) => (c.kind === kind ? [{ command: c, message: c.message }] : []));
  const requests = p.commands.flatMap((c) => (c.kind === "request" ? [c] : []));
  printSchemaTable(f, "EventSchemas", "eventSchemas", "The body schema of each event; undefined for an event without body.", oneWay("event"));
  printSchemaTable(f, "OnewaySchemas", "onewaySchemas", "The body schema of each one-way command; undefined for a command without body.", oneWay("oneway"));
  printSchemaTable(
    f,
    "RequestSchemas",
    "requestSchemas",
    "Request/response pairing, request side: the body schema of each request; undefined for a request without body.",
    requests.map((c) => ({ command: c, message: c.request })),
  );
  printSchemaTable(
    f,
    "ResponseSchemas",
    "responseSchemas",
    `Request/response pairing, response side: the body schema of the answer the ${p.server} sends to each request.`,
    requests.map((c) => ({ command: c, message: c.response })),
  );

  const descMessage = f.import("DescMessage", "@bufbuild/protobuf", true);
  const MessageShape = f.import("MessageShape", "@bufbuild/protobuf", true);
  const MessageInitShape = f.import("MessageInitShape", "@bufbuild/protobuf", true);
  f.print(f.jsDoc("The decoded body a schema table entry stands for: the message, or undefined for no body."));
  f.print(f.export("type", "BodyOf"), "<S extends ", descMessage, " | undefined> = S extends ", descMessage, " ? ", MessageShape, "<S> : undefined;");
  f.print();
  f.print(f.jsDoc("What an encoder takes for a schema table entry: a message or its init object, or undefined for no body."));
  f.print(f.export("type", "BodyInitOf"), "<S extends ", descMessage, " | undefined> = S extends ", descMessage, " ? ", MessageInitShape, "<S> : undefined;");
}

/** The port roles: a type per port with the ids of its commands, and the port of each command. */
function printPorts(f: GeneratedFile, p: Protocol): void {
  f.print(f.jsDoc(`The ports a ${p.server} listens on, by role:\n${p.ports.map((port) => `- ${port.name}: ${port.doc}`).join("\n")}`));
  f.print(f.export("type", "Port"), " = ", p.ports.map((port) => `"${port.name}"`).join(" | "), ";");
  f.print();
  for (const port of p.ports) {
    const ids = p.commands.filter((c) => c.port === port.name).map((c) => `typeof Cmd.${c.name}`);
    f.print(f.jsDoc(`Ids of the commands of the ${port.name} port.`));
    f.print(f.export("type", `${pascal(port.name)}PortCmd`), " =", ids.length > 0 ? ids.map((id) => `\n  | ${id}`).join("") : " never", ";");
    f.print();
  }
  printTable(f, "CmdPorts", "cmdPorts", `The port each command belongs to; a ${p.server} closes a connection that sends a command of another port.`, p.commands, (c) => `"${c.port}"`);
}

/** An interface keyed by command id and a runtime value of that interface. */
function printTable(
  f: GeneratedFile,
  typeName: string,
  valueName: string,
  doc: string,
  commands: readonly Command[],
  value: (c: Command) => string,
): void {
  f.print(f.jsDoc(doc));
  f.print(f.export("interface", typeName), " {");
  for (const c of commands) f.print("  readonly [Cmd.", c.name, "]: ", value(c), ";");
  f.print("}");
  f.print();
  f.print(f.export("const", valueName), ": ", typeName, " = {");
  for (const c of commands) f.print("  [Cmd.", c.name, "]: ", value(c), ",");
  f.print("};");
  f.print();
}

function printSchemaTable(
  f: GeneratedFile,
  typeName: string,
  valueName: string,
  doc: string,
  rows: readonly { command: Command; message: DescMessage | undefined }[],
): void {
  f.print(f.jsDoc(doc));
  f.print(f.export("interface", typeName), " {");
  for (const { command, message } of rows) {
    f.print("  readonly [Cmd.", command.name, "]: ", message === undefined ? "undefined" : ["typeof ", f.importSchema(message, true)], ";");
  }
  f.print("}");
  f.print();
  f.print(f.export("const", valueName), ": ", typeName, " = {");
  for (const { command, message } of rows) {
    f.print("  [Cmd.", command.name, "]: ", message === undefined ? "undefined" : f.importSchema(message), ",");
  }
  f.print("};");
  f.print();
}
