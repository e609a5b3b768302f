import type { DescMessage } from "@bufbuild/protobuf";
import type { GeneratedFile, Schema } from "@bufbuild/protoplugin";
import type { Command, Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { a, encoderName, pascal } from "./names.js";

/**
 * encode.ts: one encoder per command and direction, each returning the whole
 * frame in one buffer, plus one generic encoder per side.
 */
export function emitEncoders(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "encode.ts");
  const rt = {
    create: f.import("create", "@bufbuild/protobuf"),
    toBinary: f.import("toBinary", "@bufbuild/protobuf"),
    DescMessage: f.import("DescMessage", "@bufbuild/protobuf", true),
    MessageInitShape: f.import("MessageInitShape", "@bufbuild/protobuf", true),
  };
  const encodeFrame = f.import("encodeFrame", "./wire.js");
  const Cmd = f.import("Cmd", "./commands.js");

  f.print(`/** A whole frame for a command whose body is a message. */`);
  f.print(`function encodeMessage<Desc extends `, rt.DescMessage, `>(cmd: number, schema: Desc, body: `, rt.MessageInitShape, `<Desc>): Uint8Array {`);
  f.print(`  return `, encodeFrame, `(cmd, `, rt.toBinary, `(schema, `, rt.create, `(schema, body)));`);
  f.print(`}`);
  f.print();

  for (const c of p.commands) {
    if (c.kind === "request") {
      printEncoder(f, c, encoderName(c, "request"), c.request, `Encodes a ${c.name} request (${p.client} -> ${p.server}).`);
      printEncoder(f, c, encoderName(c, "response"), c.response, `Encodes the answer to a ${c.name} request (${p.server} -> ${p.client}).`);
    } else {
      const direction = c.kind === "event" ? `${p.server} -> ${p.client}` : `${p.client} -> ${p.server}`;
      printEncoder(f, c, encoderName(c, "message"), c.message, `Encodes a ${c.name} frame (${direction}).`);
    }
  }

  f.print(`/** The arguments after the command id of a generic encoder: the body, or nothing for a command without body. */`);
  f.print(f.export("type", "BodyArgs"), `<S extends `, rt.DescMessage, ` | undefined> = S extends `, rt.DescMessage, ` ? [body: `, rt.MessageInitShape, `<S>] : [];`);
  f.print();
  f.print(`function encodeBody(cmd: number, schema: `, rt.DescMessage, ` | undefined, body: unknown): Uint8Array {`);
  f.print(`  return schema === undefined ? `, encodeFrame, `(cmd, undefined) : encodeMessage(cmd, schema, body as `, rt.MessageInitShape, `<`, rt.DescMessage, `>);`);
  f.print(`}`);
  f.print();
  printGenericEncoder(f, p, "server");
  printGenericEncoder(f, p, "client");

  function printEncoder(f: GeneratedFile, c: Command, name: string, message: DescMessage | undefined, summary: string): void {
    f.print(f.jsDoc(`${summary}\n\n${c.doc}`));
    if (message === undefined) {
      f.print(f.export("function", name), `(): Uint8Array {`);
      f.print(`  return `, encodeFrame, `(`, Cmd, `.${c.name}, undefined);`);
    } else {
      const msgSchema = f.importSchema(message);
      f.print(f.export("function", name), `(body: `, rt.MessageInitShape, `<typeof `, msgSchema, `>): Uint8Array {`);
      f.print(`  return encodeMessage(`, Cmd, `.${c.name}, `, msgSchema, `, body);`);
    }
    f.print(`}`);
    f.print();
  }
}

/** encodeGatewayFrame / encodeBusinessFrame: any frame one side sends, picked by command id. */
function printGenericEncoder(f: GeneratedFile, p: Protocol, side: "server" | "client"): void {
  const commands = (name: string, typeOnly = false) => f.import(name, "./commands.js", typeOnly);
  const sideName = side === "server" ? p.server : p.client;
  const name = `encode${pascal(sideName)}Frame`;
  const schemasType = `${pascal(sideName)}Schemas`;
  // Which schema table holds the body of each kind this side sends.
  const kinds =
    side === "server"
      ? [{ kind: "event", cmds: "EventCmd", table: "eventSchemas", type: "EventSchemas" }, { kind: "request", cmds: "RequestCmd", table: "responseSchemas", type: "ResponseSchemas" }]
      : [{ kind: "oneway", cmds: "OnewayCmd", table: "onewaySchemas", type: "OnewaySchemas" }, { kind: "request", cmds: "RequestCmd", table: "requestSchemas", type: "RequestSchemas" }];
  f.print(`/** The body schema of each command ${a(sideName)} sends. */`);
  f.print(f.export("type", schemasType), ` = `, commands(kinds[0]!.type, true), ` & `, commands(kinds[1]!.type, true), `;`);
  f.print();
  const argsType = `${pascal(sideName)}FrameArgs`;
  const cmdType = commands(`${pascal(sideName)}Cmd`, true);
  // A union of [cmd, body] tuples, not a generic C: with a union-typed cmd a
  // generic signature would accept the body of any one of its members.
  f.print(f.jsDoc(`The arguments of ${name}: a command id ${a(sideName)} sends, then its body unless the command has none.`));
  f.print(f.export("type", argsType), ` = {`);
  f.print(`  [C in `, cmdType, `]: [cmd: C, ...body: BodyArgs<${schemasType}[C]>];`);
  f.print(`}[`, cmdType, `];`);
  f.print();
  f.print(f.jsDoc(`Encodes any frame ${a(sideName)} sends, picked by command id.`));
  f.print(f.export("function", name), `(...[cmd, body]: ${argsType}): Uint8Array {`);
  f.print(`  switch (`, commands("cmdKinds"), `[cmd]) {`);
  for (const k of kinds) {
    f.print(`    case "${k.kind}":`);
    f.print(`      return encodeBody(cmd, `, commands(k.table), `[cmd as `, commands(k.cmds, true), `], body);`);
  }
  f.print(`  }`);
  f.print(`  throw new RangeError(\`${name}: \${cmd} is not a command ${a(sideName)} sends\`);`);
  f.print(`}`);
  f.print();
}
