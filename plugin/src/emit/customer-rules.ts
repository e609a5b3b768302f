import type { Schema } from "@bufbuild/protoplugin";
import type { Customers, Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { emitRuntimeFiles } from "./runtime-files.js";

/**
 * customers.ts (and the gateway-link.ts runtime): what an application
 * protocol needs from this gateway protocol, browser-safe. customerRules()
 * tells a customer client how to frame its messages; CustomerSender and
 * CustomerTarget type the business side's customerLink() (node.ts).
 */
export function emitCustomerRules(schema: Schema<NetsvrOptions>, p: Protocol, customers: Customers): void {
  emitRuntimeFiles(schema, p, ["gateway-link.ts"]);
  const f = generateFile(schema, p, "customers.ts");
  const GatewayRules = f.import("GatewayRules", "./gateway-link.js", true);
  const receive = customers.receive.message;

  f.print(f.jsDoc(`What a ${p.client} learns of the customer a message came from: the ${customers.receive.name} event without its data.`));
  f.print(
    f.export("type", "CustomerSender"),
    " = Readonly<Pick<",
    f.importShape(receive),
    ", ",
    customers.senderFields.map((field) => `"${field.localName}"`).join(" | "),
    ">>;",
  );
  f.print();
  f.print(f.jsDoc(`Customers to send data to, one way per command: ${customers.send.map((s) => s.command.name).join(", ")}.`));
  f.print(f.export("type", "CustomerTarget"), " =");
  for (const send of customers.send) {
    const target = send.target;
    const type = target === undefined ? `"all"` : target.fieldKind === "list" ? `{ readonly ${target.localName}: readonly string[] }` : `{ readonly ${target.localName}: string }`;
    f.print("  | ", type, ` // ${send.command.name}`);
  }
  f.print(";");
  f.print();

  const heartbeat = customers.heartbeat;
  const rules = [
    ...(customers.prefix === undefined ? [] : ["prefix"]),
    ...(heartbeat === undefined ? [] : [`ping: ${JSON.stringify(heartbeat.ping)}`]),
    ...(heartbeat?.pong === undefined ? [] : [`pong: ${JSON.stringify(heartbeat.pong)}`]),
  ];
  if (customers.prefix === undefined) {
    f.print(f.jsDoc(`What a customer's WebSocket client must do to be understood by the ${p.server}: pass it as an application protocol's customer option gateway.`));
    f.print(f.export("function", "customerRules"), "(): ", GatewayRules, " {");
    f.print(`  return { ${rules.join(", ")} };`);
    f.print("}");
    return;
  }
  const digits = customers.prefix;
  const max = 10 ** digits - 1;
  f.print(
    f.jsDoc(
      `What a customer's WebSocket client must do to reach the ${p.client} registered as workerId through the ${p.server}: every message starts with workerId in ${digits} digits. Pass it as an application protocol's customer option gateway.`,
    ),
  );
  f.print(f.export("function", "customerRules"), "(workerId: number): ", GatewayRules, " {");
  f.print(`  if (!Number.isInteger(workerId) || workerId < 1 || workerId > ${max}) {`);
  f.print(`    throw new RangeError(\`workerId must be an integer in [1, ${max}], got \${workerId}\`);`);
  f.print("  }");
  f.print(`  const prefix = String(workerId).padStart(${digits}, "0");`);
  f.print(`  return { ${rules.join(", ")} };`);
  f.print("}");
}
