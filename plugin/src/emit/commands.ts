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

  const where = p.websocket === undefined ? "the u32 that follows a frame's length" : "the u32 that starts each WebSocket message (json: its name)";
  f.print(f.jsDoc(`Command ids: ${where}.`));
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

  for (const table of schemaTables(p)) printSchemaInterface(f, table);

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
  // Literal keys, not [Cmd.X]: a bundler drops an unused table only when
  // building it has no side effects, and a property read might have some.
  f.print(f.export("const", valueName), ": ", typeName, " = {");
  for (const c of commands) f.print("  ", c.id, ": ", value(c), ", // ", c.name);
  f.print("};");
  f.print();
}

/** A schema table: which message each command of a kind carries in one direction. */
interface SchemaTable {
  readonly typeName: string;
  readonly valueName: string;
  readonly doc: string;
  readonly rows: readonly { command: Command; message: DescMessage | undefined }[];
}

/** The four schema tables: event, one-way, request and response bodies. */
function schemaTables(p: Protocol): SchemaTable[] {
  const oneWay = (kind: "event" | "oneway") =>
    p.commands.flatMap((c) => (c.kind === kind ? [{ command: c, message: c.message }] : []));
  const requests = p.commands.flatMap((c) => (c.kind === "request" ? [c] : []));
  return [
    { typeName: "EventSchemas", valueName: "eventSchemas", doc: "The body schema of each event; undefined for an event without body.", rows: oneWay("event") },
    { typeName: "OnewaySchemas", valueName: "onewaySchemas", doc: "The body schema of each one-way command; undefined for a command without body.", rows: oneWay("oneway") },
    {
      typeName: "RequestSchemas",
      valueName: "requestSchemas",
      doc: "Request/response pairing, request side: the body schema of each request; undefined for a request without body.",
      rows: requests.map((c) => ({ command: c, message: c.request })),
    },
    {
      typeName: "ResponseSchemas",
      valueName: "responseSchemas",
      doc: `Request/response pairing, response side: the body schema of the answer the ${p.server} sends to each request.`,
      rows: requests.map((c) => ({ command: c, message: c.response })),
    },
  ];
}

/** The type of a schema table: it imports the schemas as types only, so commands.ts loads no message. */
function printSchemaInterface(f: GeneratedFile, { typeName, doc, rows }: SchemaTable): void {
  f.print(f.jsDoc(doc));
  f.print(f.export("interface", typeName), " {");
  for (const { command, message } of rows) {
    f.print("  readonly [Cmd.", command.name, "]: ", message === undefined ? "undefined" : ["typeof ", f.importSchema(message, true)], ";");
  }
  f.print("}");
  f.print();
}

/**
 * schemas.ts: the schema tables as runtime values. They are a module of
 * their own because a schema brings protobuf-es reflection (the file
 * descriptors, the registry): code that only encodes, decodes and splits
 * frames never imports this module, so a bundler leaves all of it out.
 */
export function emitSchemas(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "schemas.ts");
  for (const { typeName, valueName, doc, rows } of schemaTables(p)) {
    const type = f.import(typeName, "./commands.js", true);
    f.print(f.jsDoc(doc));
    f.print(f.export("const", valueName), ": ", type, " = {");
    for (const { command, message } of rows) {
      f.print("  ", command.id, ": ", message === undefined ? "undefined" : f.importSchema(message), ", // ", command.name);
    }
    f.print("};");
    f.print();
  }
}
