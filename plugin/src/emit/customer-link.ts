import type { GeneratedFile } from "@bufbuild/protoplugin";
import type { Customers, Protocol } from "../model/protocol.js";
import { dataField } from "../model/build-customers.js";
import { clientTypeName, pascal } from "./names.js";

/**
 * customerLink() in node.ts: Node clients of this protocol as the
 * CustomerLink an application protocol's business router runs on. Messages
 * arrive as the customers section's receive event; answers and pushes leave
 * as its reply and send commands, through a client or a cluster.
 */
export function printCustomerLink(f: GeneratedFile, p: Protocol, customers: Customers): void {
  const Cmd = f.import("Cmd", "./commands.js");
  const clientOf = (port: string | undefined) => clientTypeName(port === undefined ? pascal(p.client) : pascal(port));
  const from = clientOf(customers.receive.port);
  const via = clientOf(customers.reply.command.port);
  const Sender = f.import("CustomerSender", "./customers.js", true);
  const Target = f.import("CustomerTarget", "./customers.js", true);
  // Every body the customers section names carries the message in its bytes field dataField ("data").

  f.print(
    f.jsDoc(
      `The customers behind one or more ${p.server}s, as an application protocol's business router needs them (see its create...Router()).\n\n` +
        `@param from connections registered for ${customers.receive.name} events; their customer messages are routed.\n` +
        `@param via where answers and pushes are sent: a ${via}, or a cluster of them.`,
    ),
  );
  f.print(
    f.export("function", "customerLink"),
    `(from: ${from} | readonly ${from}[], via: Pick<${via}, "send">): `,
    f.import("CustomerLink", "./gateway-link.js", true),
    "<",
    Sender,
    ", ",
    Target,
    "> {",
  );
  f.print(`  const sources: readonly ${from}[] = from instanceof Array ? from : [from];`);
  f.print("  return {");
  f.print("    onMessage(handler) {");
  f.print("      const stops = sources.map((client) => client.on(", Cmd, `.${customers.receive.name}, (body) => handler(body.${dataField}, body)));`);
  f.print("      return () => {");
  f.print("        for (const stop of stops) stop();");
  f.print("      };");
  f.print("    },");
  const target = customers.reply.target.localName;
  f.print("    reply(sender, data) {");
  f.print("      via.send(", Cmd, `.${customers.reply.command.name}, { ${target}: sender.${target}, data });`);
  f.print("    },");
  f.print("    send(target, data) {");
  const everyone = customers.send.find((s) => s.target === undefined);
  if (everyone !== undefined) {
    f.print(`      if (target === "all") return via.send(`, Cmd, `.${everyone.command.name}, { data });`);
  }
  for (const send of customers.send) {
    if (send.target === undefined) continue;
    const field = send.target.localName;
    const value = send.target.fieldKind === "list" ? `[...target.${field}]` : `target.${field}`;
    f.print(`      if ("${field}" in target) return via.send(`, Cmd, `.${send.command.name}, { ${field}: ${value}, data });`);
  }
  f.print("    },");
  f.print("  };");
  f.print("}");
}
