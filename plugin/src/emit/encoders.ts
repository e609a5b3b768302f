import type { DescMessage } from "@bufbuild/protobuf";
import type { GeneratedFile, Schema } from "@bufbuild/protoplugin";
import type { Command, Protocol } from "../model/protocol.js";
import { reachableTypes } from "../model/reachable-types.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { a, codecNames, encoderName, pascal } from "./names.js";

/**
 * encode.ts: one encoder per command and direction, each returning the whole
 * frame in one buffer, plus one generic encoder per side.
 */
export function emitEncoders(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "encode.ts");
  const names = codecNames(reachableTypes(p).filter((t): t is DescMessage => t.kind === "message"));
  const Cmd = f.import("Cmd", "./commands.js");

  for (const c of p.commands) {
    if (c.kind === "request") {
      printEncoder(c, encoderName(c, "request"), c.request, `Encodes a ${c.name} request (${p.client} -> ${p.server}).`);
      printEncoder(c, encoderName(c, "response"), c.response, `Encodes the answer to a ${c.name} request (${p.server} -> ${p.client}).`);
    } else {
      const direction = c.kind === "event" ? `${p.server} -> ${p.client}` : `${p.client} -> ${p.server}`;
      printEncoder(c, encoderName(c, "message"), c.message, `Encodes a ${c.name} frame (${direction}).`);
    }
  }

  const DescMessageType = f.import("DescMessage", "@bufbuild/protobuf", true);
  f.print(`/** The arguments after the command id of a generic encoder: the body, or nothing for a command without body. */`);
  f.print(f.export("type", "BodyArgs"), `<S extends `, DescMessageType, ` | undefined> = S extends `, DescMessageType, ` ? [body: `, f.import("MessageInitShape", "@bufbuild/protobuf", true), `<S>] : [];`);
  f.print();
  printGenericEncoder(f, p, "server");
  printGenericEncoder(f, p, "client");

  function printEncoder(c: Command, name: string, message: DescMessage | undefined, summary: string): void {
    f.print(f.jsDoc(`${summary}\n\n${c.doc}`));
    if (message === undefined) {
      f.print(f.export("function", name), `(): Uint8Array {`);
      f.print(`  return `, f.import("emptyFrame", "./wire.js"), `(`, Cmd, `.${c.name});`);
    } else {
      const init = [f.import("MessageInitShape", "@bufbuild/protobuf", true), `<typeof `, f.importSchema(message, true), `>`];
      f.print(f.export("function", name), `(body: `, init, `): Uint8Array {`);
      f.print(`  return `, f.import(`${names[message.typeName]!.api}Frame`, "./codec.js"), `(`, Cmd, `.${c.name}, body);`);
    }
    f.print(`}`);
    f.print();
  }
}

/** encodeGatewayFrame / encodeBusinessFrame: any frame one side sends, picked by command id. */
function printGenericEncoder(f: GeneratedFile, p: Protocol, side: "server" | "client"): void {
  const commands = (name: string) => f.import(name, "./commands.js", true);
  const sideName = side === "server" ? p.server : p.client;
  const name = `encode${pascal(sideName)}Frame`;
  const schemasType = `${pascal(sideName)}Schemas`;
  const [first, second] = side === "server" ? ["EventSchemas", "ResponseSchemas"] : ["OnewaySchemas", "RequestSchemas"];
  f.print(`/** The body schema of each command ${a(sideName)} sends. */`);
  f.print(f.export("type", schemasType), ` = `, commands(first), ` & `, commands(second), `;`);
  f.print();
  const argsType = `${pascal(sideName)}FrameArgs`;
  const cmdType = commands(`${pascal(sideName)}Cmd`);
  // A union of [cmd, body] tuples, not a generic C: with a union-typed cmd a
  // generic signature would accept the body of any one of its members.
  f.print(f.jsDoc(`The arguments of ${name}: a command id ${a(sideName)} sends, then its body unless the command has none.`));
  f.print(f.export("type", argsType), ` = {`);
  f.print(`  [C in `, cmdType, `]: [cmd: C, ...body: BodyArgs<${schemasType}[C]>];`);
  f.print(`}[`, cmdType, `];`);
  f.print();
  f.print(f.jsDoc(`Encodes any frame ${a(sideName)} sends, picked by command id.`));
  const sent = p.commands.flatMap((c) => {
    if (c.kind !== "request" && (c.kind === "event") !== (side === "server")) return [];
    const encoder = c.kind === "request" ? encoderName(c, side === "server" ? "response" : "request") : encoderName(c, "message");
    const message = c.kind === "request" ? (side === "server" ? c.response : c.request) : c.message;
    return [{ command: c, encoder, message }];
  });
  if (sent.length === 0) {
    // Nothing to pick: the arguments' type is never, which cannot be destructured.
    f.print(f.export("function", name), `(...args: ${argsType}): Uint8Array {`);
    f.print(`  throw new RangeError(\`${name}: ${a(sideName)} sends no commands, got \${String((args as readonly unknown[])[0])}\`);`);
    f.print(`}`);
    f.print();
    return;
  }
  // Without any body in this direction the tuples have no second element to destructure.
  const params = sent.some(({ message }) => message !== undefined) ? "[cmd, body]" : "[cmd]";
  f.print(f.export("function", name), `(...${params}: ${argsType}): Uint8Array {`);
  f.print(`  switch (cmd) {`);
  for (const { command, encoder, message } of sent) {
    f.print(`    case `, f.import("Cmd", "./commands.js"), `.${command.name}:`);
    f.print(`      return ${encoder}(${message === undefined ? "" : "body"});`);
  }
  f.print(`  }`);
  f.print(`  throw new RangeError(\`${name}: \${String(cmd)} is not a command ${a(sideName)} sends\`);`);
  f.print(`}`);
  f.print();
}
