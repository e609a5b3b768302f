import type { Schema } from "@bufbuild/protoplugin";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { heartbeatFrameNames } from "../model/build-protocol.js";
import { clientFrame, serverFrame } from "./names.js";

/**
 * frames.ts: the decoded frame types, discriminated unions on kind, cmd and
 * name, derived from the tables in commands.ts.
 */
export function emitFrames(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "frames.ts");
  const commands = "./commands.js";
  const t = (name: string) => f.import(name, commands, true);
  const [Cmd, CmdNames, BodyOf] = [t("Cmd"), t("CmdNames"), t("BodyOf")];
  const [EventCmd, OnewayCmd, RequestCmd] = [t("EventCmd"), t("OnewayCmd"), t("RequestCmd")];
  const [EventSchemas, OnewaySchemas, RequestSchemas, ResponseSchemas] = [
    t("EventSchemas"),
    t("OnewaySchemas"),
    t("RequestSchemas"),
    t("ResponseSchemas"),
  ];

  f.print(f.jsDoc(`A decoded command frame. kind says who sent it: "event" and "response" come from a ${p.server}, "oneway" and "request" from a ${p.client}.`));
  f.print(f.export("interface", "CommandFrame"), "<Kind extends string, C extends ", Cmd, ", Body> {");
  f.print("  readonly kind: Kind;");
  f.print("  readonly cmd: C;");
  f.print("  readonly name: ", CmdNames, "[C];");
  f.print("  readonly body: Body;");
  f.print("}");
  f.print();
  const union = (name: string, doc: string, kind: string, cmds: typeof EventCmd, schemas: typeof EventSchemas) => {
    f.print(f.jsDoc(doc));
    f.print(f.export("type", name), "<C extends ", cmds, " = ", cmds, "> = {");
    f.print("  [K in C]: CommandFrame<\"", kind, "\", K, ", BodyOf, "<", schemas, "[K]>>;");
    f.print("}[C];");
    f.print();
  };
  union("EventFrame", `An event from a ${p.server}.`, "event", EventCmd, EventSchemas);
  union("ResponseFrame", `A ${p.server}'s answer to a request.`, "response", RequestCmd, ResponseSchemas);
  union("OnewayFrame", `A one-way command from a ${p.client}.`, "oneway", OnewayCmd, OnewaySchemas);
  union("RequestFrame", `A request from a ${p.client}.`, "request", RequestCmd, RequestSchemas);

  const serverUnion = ["EventFrame", "ResponseFrame"];
  const clientUnion = ["OnewayFrame", "RequestFrame"];
  if (p.heartbeat !== undefined) {
    heartbeatFrame("PingFrame", "ping", heartbeatFrameNames.ping, `A heartbeat from a ${p.client}: the whole payload is "${p.heartbeat.ping}".`);
    clientUnion.push("PingFrame");
    if (p.heartbeat.pong !== undefined) {
      heartbeatFrame("PongFrame", "pong", heartbeatFrameNames.pong, `A ${p.server}'s answer to a ping: the whole payload is "${p.heartbeat.pong}".`);
      serverUnion.push("PongFrame");
    }
  }
  f.print(f.jsDoc(`Every frame a ${p.server} sends to a ${p.client}.`));
  f.print(f.export("type", serverFrame(p)), " = ", serverUnion.join(" | "), ";");
  f.print();
  f.print(f.jsDoc(`Every frame a ${p.client} sends to a ${p.server}.`));
  f.print(f.export("type", clientFrame(p)), " = ", clientUnion.join(" | "), ";");

  function heartbeatFrame(typeName: string, kind: string, name: string, doc: string): void {
    f.print(f.jsDoc(doc));
    f.print(f.export("interface", typeName), " {");
    f.print("  readonly kind: \"", kind, "\";");
    f.print("  readonly cmd: undefined;");
    f.print("  readonly name: \"", name, "\";");
    f.print("  readonly body: undefined;");
    f.print("}");
    f.print();
  }
}
