import type { DescMessage } from "@bufbuild/protobuf";
import type { GeneratedFile, Schema } from "@bufbuild/protoplugin";
import { heartbeatFrameNames } from "../model/build-protocol.js";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { a, clientFrame, pascal, serverFrame } from "./names.js";

/**
 * decode.ts: one decoder per side, turning a whole frame into the
 * discriminated union of what that side sends, or throwing a FrameError.
 */
export function emitDecoders(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "decode.ts");
  const FrameError = f.import("FrameError", "./errors.js");
  const headerSize = f.import("headerSize", "./wire.js");
  const DescMessage = f.import("DescMessage", "@bufbuild/protobuf", true);
  const MessageShape = f.import("MessageShape", "@bufbuild/protobuf", true);

  f.print(`/** The body of a frame whose header was checked; invalid protobuf becomes a FrameError. */`);
  f.print(`function decodeBody<Desc extends `, DescMessage, `>(frame: Uint8Array, cmd: number, name: string, schema: Desc): `, MessageShape, `<Desc> {`);
  f.print(`  try {`);
  f.print(`    return `, f.import("fromBinary", "@bufbuild/protobuf"), `(schema, frame.subarray(`, headerSize, `));`);
  f.print(`  } catch (cause) {`);
  f.print(`    const reason = cause instanceof Error ? cause.message : String(cause);`);
  f.print(`    throw new `, FrameError, "(\"invalid-body\", `${name} (${cmd}): body is not a valid ${schema.typeName}: ${reason}`, { cmd, cause });");
  f.print(`  }`);
  f.print(`}`);
  f.print();
  f.print(`/** Checks that a command without body carries none, so no bytes are silently dropped. */`);
  f.print(`function noBody(frame: Uint8Array, cmd: number, name: string): undefined {`);
  f.print(`  if (frame.length > `, headerSize, `) {`);
  f.print("    throw new ", FrameError, "(\"invalid-body\", `${name} (${cmd}): has no body, got ${frame.length - ", headerSize, "} bytes after the command id`, { cmd });");
  f.print(`  }`);
  f.print(`  return undefined;`);
  f.print(`}`);
  f.print();
  f.print(`function unexpected(cmd: number, sender: string): Error {`);
  const cmdNames = f.import("cmdNames", "./commands.js");
  f.print(`  const name = cmd in `, cmdNames, ` ? `, cmdNames, `[cmd as `, f.import("Cmd", "./commands.js", true), `] : undefined;`);
  f.print(`  const what = name === undefined ? \`unknown command id \${cmd}\` : \`\${name} (\${cmd}) is not a command \${sender} sends\`;`);
  f.print(`  return new `, FrameError, `("unknown-command", what, { cmd });`);
  f.print(`}`);
  f.print();
  printDecoder(f, p, "server");
  printDecoder(f, p, "client");
}

function printDecoder(f: GeneratedFile, p: Protocol, side: "server" | "client"): void {
  const sender = side === "server" ? p.server : p.client;
  const frameType = f.import(side === "server" ? serverFrame(p) : clientFrame(p), "./frames.js", true);
  const Cmd = f.import("Cmd", "./commands.js");
  const heartbeat = side === "server" ? p.heartbeat?.pong : p.heartbeat?.ping;
  const beat = side === "server" ? "pong" : "ping";
  const beatName = heartbeatFrameNames[beat];

  if (heartbeat !== undefined) {
    f.print(`const ${beat}: `, f.import(`${beatName}Frame`, "./frames.js", true), ` = { kind: "${beat}", cmd: undefined, name: "${beatName}", body: undefined };`);
    f.print();
  }
  f.print(f.jsDoc(
    `Decodes a whole frame (length prefix included) that ${a(sender)} sent. ` +
      `Throws a FrameError for a wrong length, a command ${a(sender)} does not send, or an invalid body. ` +
      `bytes fields of the result are views into frame, not copies.`,
  ));
  f.print(f.export("function", `decode${pascal(sender)}Frame`), `(frame: Uint8Array): `, frameType, ` {`);
  if (heartbeat !== undefined) {
    f.print(`  if (`, f.import(`is${beatName}`, "./heartbeat.js"), `(frame)) return ${beat};`);
  }
  f.print(`  const cmd = `, f.import("readCmd", "./wire.js"), `(frame);`);
  f.print(`  switch (cmd) {`);
  for (const c of p.commands) {
    let kind: string;
    let body: DescMessage | undefined;
    if (c.kind === "request") {
      [kind, body] = side === "server" ? ["response", c.response] : ["request", c.request];
    } else if ((c.kind === "event") === (side === "server")) {
      [kind, body] = [c.kind, c.message];
    } else {
      continue;
    }
    const decode = body === undefined ? [`noBody(frame, cmd, "${c.name}")`] : [`decodeBody(frame, cmd, "${c.name}", `, f.importSchema(body), `)`];
    f.print(`    case `, Cmd, `.${c.name}:`);
    f.print(`      return { kind: "${kind}", cmd: `, Cmd, `.${c.name}, name: "${c.name}", body: `, ...decode, ` };`);
  }
  f.print(`    default:`);
  f.print(`      throw unexpected(cmd, "${a(sender)}");`);
  f.print(`  }`);
  f.print(`}`);
  f.print();
}
