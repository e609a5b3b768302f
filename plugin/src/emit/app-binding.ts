import type { DescMessage } from "@bufbuild/protobuf";
import type { GeneratedFile, Printable } from "@bufbuild/protoplugin";
import type { Command, Protocol, WebSocketFraming } from "../model/protocol.js";
import { reachableTypes } from "../model/reachable-types.js";
import { codecNames, type CodecNames } from "./names.js";

/** Which end of an application protocol a binding serves. */
export type AppSide = "customer" | "business";

/**
 * Prints `const <name>: AppBinding`, one side's table of every command: the
 * bodies it writes and reads, through the fast codecs (binary) or
 * protobuf-es toJson/fromJson (json). Each side names only the codecs it
 * needs, so a bundle of the customer client leaves the business's out.
 */
export function printAppBinding(f: GeneratedFile, p: Protocol, framing: WebSocketFraming, side: AppSide, name: string): void {
  const names = codecNames(reachableTypes(p).filter((t): t is DescMessage => t.kind === "message"));
  const cmd = f.import("Cmd", "./commands.js");
  f.print("const ", name, ": ", f.import("AppBinding", "./app-wire.js", true), " = {");
  f.print("  wire: ", f.import(`${framing.encoding}Wire`, "./app-wire.js"), ",");
  f.print("  commands: {");
  for (const c of p.commands) {
    const { write, read } = bodies(c, side);
    const entry: Printable[] = [`    [`, cmd, `.${c.name}]: { name: "${c.name}", kind: "${c.kind}"`];
    if (write !== undefined) entry.push(", write: ", writer(f, framing, names, write));
    if (read !== undefined) entry.push(", read: ", reader(f, framing, names, read));
    f.print(...entry, " },");
  }
  f.print("  },");
  f.print("  ids: ", f.import("Cmd", "./commands.js"), ",");
  f.print("};");
}

/** The messages a side writes and reads for a command. */
function bodies(c: Command, side: AppSide): { write?: DescMessage | undefined; read?: DescMessage | undefined } {
  const customer = side === "customer";
  switch (c.kind) {
    case "oneway":
      return customer ? { write: c.message } : { read: c.message };
    case "event":
      return customer ? { read: c.message } : { write: c.message };
    case "request":
      return customer ? { write: c.request, read: c.response } : { write: c.response, read: c.request };
  }
}

function writer(f: GeneratedFile, framing: WebSocketFraming, names: CodecNames, message: DescMessage): Printable {
  const init = [f.import("MessageInitShape", "@bufbuild/protobuf", true), "<typeof ", f.importSchema(message, true), ">"];
  if (framing.encoding === "binary") {
    return ["(body) => ", f.import(`${names[message.typeName]!.api}ToBinary`, "./codec.js"), "(body as ", init, ")"];
  }
  const schema = f.importSchema(message);
  return ["(body) => ", f.import("toJson", "@bufbuild/protobuf"), "(", schema, ", ", f.import("create", "@bufbuild/protobuf"), "(", schema, ", body as ", init, "))"];
}

function reader(f: GeneratedFile, framing: WebSocketFraming, names: CodecNames, message: DescMessage): Printable {
  if (framing.encoding === "binary") {
    return ["(payload) => ", f.import(`${names[message.typeName]!.api}FromBinary`, "./codec.js"), "(payload as Uint8Array)"];
  }
  // Unknown fields are ignored, as binary protobuf skips them: either end may be newer.
  const json = f.import("JsonValue", "@bufbuild/protobuf", true);
  return ["(payload) => ", f.import("fromJson", "@bufbuild/protobuf"), "(", f.importSchema(message), ", payload as ", json, ", { ignoreUnknownFields: true })"];
}
