import type { Schema } from "@bufbuild/protoplugin";
import type { Protocol, WebSocketFraming } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { printAppBinding } from "./app-binding.js";
import { generateFile } from "./header.js";
import { a, pascal } from "./names.js";

/**
 * business.ts: the server end of an application protocol. It binds the
 * business-router runtime to this protocol's commands: one typed handler per
 * customer command, typed pushes, and a CustomerLink (netsvr-protocol's
 * customerLink()) that carries the bytes through the gateway.
 */
export function emitBusiness(schema: Schema<NetsvrOptions>, p: Protocol, framing: WebSocketFraming): void {
  const f = generateFile(schema, p, "business.ts");
  const runtime = (name: string, typeOnly = false) => f.import(name, "./business-router.js", typeOnly);
  const commands = (name: string) => f.import(name, "./commands.js", true);
  const Server = pascal(p.server);
  const BodyInitOf = commands("BodyInitOf");
  const BodyOf = commands("BodyOf");
  const CmdNames = commands("CmdNames");
  const CustomerLink = f.import("CustomerLink", "./gateway-link.js", true);

  f.print(
    "export { ",
    runtime("AppError"),
    ", ",
    ["RouterErrorCode", "RouterOptions", "RouterStats"].map((n, i, all) => ["type ", runtime(n, true), i < all.length - 1 ? ", " : ""]),
    ", type ",
    CustomerLink,
    " };",
  );
  f.print();
  printAppBinding(f, p, framing, "business", "binding");
  f.print();

  f.print(f.jsDoc(`What ${a(p.server)} pushes to customers, by command id.`));
  f.print(f.export("interface", `${Server}Types`), " extends ", runtime("RouterTypes", true), " {");
  f.print("  readonly push: { readonly [C in ", commands("EventCmd"), "]: ", BodyInitOf, "<", commands("EventSchemas"), "[C]> };");
  f.print("}");
  f.print();
  f.print(
    f.jsDoc(
      `One handler per command ${a(p.client)} sends, by name. A request's handler returns (or resolves to) the answer, sent back to the sender; throw an AppError to answer with an error. A command without a handler is answered "not-handled" (requests) or reported to onError.`,
    ),
  );
  f.print(f.export("type", `${Server}Handlers`), "<Sender> = {");
  f.print(
    "  readonly [C in ",
    commands("OnewayCmd"),
    " as ",
    CmdNames,
    "[C]]?: (body: ",
    BodyOf,
    "<",
    commands("OnewaySchemas"),
    "[C]>, sender: Sender) => void | Promise<void>;",
  );
  f.print("} & {");
  f.print(
    "  readonly [C in ",
    commands("RequestCmd"),
    " as ",
    CmdNames,
    "[C]]?: (body: ",
    BodyOf,
    "<",
    commands("RequestSchemas"),
    "[C]>, sender: Sender) => ",
    BodyInitOf,
    "<",
    commands("ResponseSchemas"),
    "[C]> | Promise<",
    BodyInitOf,
    "<",
    commands("ResponseSchemas"),
    "[C]>>;",
  );
  f.print("};");
  f.print();
  f.print(f.jsDoc(`${pascal(a(p.server))}'s router: reads customer messages from its link, calls the handlers, pushes events.`));
  f.print(f.export("type", `${Server}Router`), "<Sender, Target> = ", runtime("BusinessRouter"), "<", `${Server}Types`, ", Sender, Target>;");
  f.print();
  const undecodable =
    framing.undecodable === "error" ? "is answered with an error message" : "is dropped (the manifest says undecodable: drop)";
  f.print(
    f.jsDoc(
      `Starts routing the customer messages that arrive on link (e.g. netsvr-protocol's customerLink()). A message that cannot be decoded never reaches a handler: it ${undecodable} and goes to options.onError.`,
    ),
  );
  f.print(
    f.export("function", `create${Server}Router`),
    "<Sender, Target>(link: ",
    CustomerLink,
    "<Sender, Target>, handlers: ",
    `${Server}Handlers<Sender>`,
    ", options?: ",
    runtime("RouterOptions", true),
    "<Sender>): ",
    `${Server}Router<Sender, Target>`,
    " {",
  );
  f.print(`  return new `, runtime("BusinessRouter"), `<${Server}Types, Sender, Target>(binding, "${framing.undecodable}", link, handlers, options);`);
  f.print("}");
}
