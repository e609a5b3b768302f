import type { Schema } from "@bufbuild/protoplugin";
import type { Protocol, WebSocketFraming } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { printAppBinding } from "./app-binding.js";
import { generateFile } from "./header.js";
import { a, pascal } from "./names.js";

/**
 * customer.ts: the browser entry point of an application protocol. It binds
 * the customer-client runtime to this protocol's commands and gives it
 * types: what send() and request() take, what request() returns, which
 * pushes on() receives.
 */
export function emitCustomer(schema: Schema<NetsvrOptions>, p: Protocol, framing: WebSocketFraming): void {
  const f = generateFile(schema, p, "customer.ts");
  const runtime = (name: string, typeOnly = false) => f.import(name, "./customer-client.js", typeOnly);
  const commands = (name: string) => f.import(name, "./commands.js", true);
  const Client = pascal(p.client);
  const typesName = `${Client}Commands`;
  const clientName = `${Client}Connection`;

  f.print(
    "export { ",
    runtime("CustomerError"),
    ", ",
    f.import("MessageError", "./app-wire.js"),
    ", ",
    [
      "AbortSignalLike",
      "CloseInfo",
      "CustomerErrorCode",
      "CustomerLifecycle",
      "CustomerOptions",
      "CustomerState",
      "EventHandler",
      "ReconnectingInfo",
      "ReconnectOptions",
      "RequestOptions",
      "Unsubscribe",
      "WebSocketConstructor",
      "WebSocketLike",
    ].map((n, i, all) => [
      "type ",
      runtime(n, true),
      i < all.length - 1 ? ", " : "",
    ]),
    ", type ",
    f.import("GatewayRules", "./gateway-link.js", true),
    " };",
  );
  f.print();
  printAppBinding(f, p, framing, "customer", "binding");
  f.print();

  const BodyInitOf = commands("BodyInitOf");
  const BodyOf = commands("BodyOf");
  f.print(f.jsDoc(`What ${a(p.client)} sends and receives, by command id.`));
  f.print(f.export("interface", typesName), " extends ", runtime("CustomerTypes", true), " {");
  f.print("  readonly oneway: { readonly [C in ", commands("OnewayCmd"), "]: ", BodyInitOf, "<", commands("OnewaySchemas"), "[C]> };");
  f.print("  readonly request: { readonly [C in ", commands("RequestCmd"), "]: ", BodyInitOf, "<", commands("RequestSchemas"), "[C]> };");
  f.print("  readonly response: { readonly [C in ", commands("RequestCmd"), "]: ", BodyOf, "<", commands("ResponseSchemas"), "[C]> };");
  f.print("  readonly event: { readonly [C in ", commands("EventCmd"), "]: ", BodyOf, "<", commands("EventSchemas"), "[C]> };");
  f.print("}");
  f.print();
  f.print(f.jsDoc(`${pascal(a(p.client))}'s WebSocket connection to ${a(p.server)} through its gateway, kept open: see create${Client}().`));
  f.print(f.export("type", clientName), " = ", runtime("Customer"), "<", typesName, ">;");
  f.print();
  const encoding =
    framing.encoding === "binary"
      ? "Messages are binary protobuf: the gateway must send binary WebSocket messages (netsvr: Customer.SendMessageType = 2)."
      : "Messages are proto3 JSON in text WebSocket messages.";
  f.print(
    f.jsDoc(
      `Opens ${a(p.client)} connection; it connects at once, reconnects after a drop, and is ready when ready() resolves. ${encoding} Pass the gateway's rules (e.g. netsvr-protocol's customerRules()) as options.gateway.`,
    ),
  );
  f.print(f.export("function", `create${Client}`), "(options: ", runtime("CustomerOptions", true), "): ", clientName, " {");
  f.print("  return new ", runtime("Customer"), "<", typesName, ">(binding, options);");
  f.print("}");
}
