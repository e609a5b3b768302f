import type { DescMessage } from "@bufbuild/protobuf";
import type { GeneratedFile, Schema } from "@bufbuild/protoplugin";
import { heartbeatFrameNames } from "../model/build-protocol.js";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { reachableTypes } from "../model/reachable-types.js";
import { a, clientFrame, codecNames, pascal, serverFrame, type CodecNames } from "./names.js";

/**
 * decode.ts: one decoder per side, turning a whole frame into the
 * discriminated union of what that side sends, or throwing a FrameError.
 */
export function emitDecoders(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "decode.ts");
  const [FrameError, headerSize, readUint32] = [
    f.import("FrameError", "./errors.js"),
    f.import("headerSize", "./wire.js"),
    f.import("readUint32", "./wire.js"),
  ];
  const [cmdNames, Cmd] = [f.import("cmdNames", "./commands.js"), f.import("Cmd", "./commands.js", true)];
  f.print(`/** "Register (900003001)" for a known command id, "command 42" otherwise: how errors name a command. */
function label(cmd: number): string {
  return cmd in `, cmdNames, ` ? \`\${`, cmdNames, `[cmd as `, Cmd, `]} (\${cmd})\` : \`command \${cmd}\`;
}

/** The command id of a whole frame, after checking its length prefix against its size. */
function readCmd(frame: Uint8Array): number {
  if (frame.length < 4) {
    throw new `, FrameError, `("truncated", \`a frame starts with a 4-byte length, got \${frame.length} bytes\`);
  }
  const declared = `, readUint32, `(frame, 0);
  if (declared < 4) {
    throw new `, FrameError, `("truncated", \`frame declares \${declared} bytes of payload, too few for a command id\`);
  }
  const got = frame.length - 4;
  if (declared !== got) {
    const cmd = frame.length >= `, headerSize, ` ? `, readUint32, `(frame, 4) : undefined;
    const what = cmd === undefined ? "frame" : label(cmd);
    const problem = declared > got ? "truncated" : "trailing-bytes";
    throw new `, FrameError, `(problem, \`\${what}: frame declares \${declared} bytes of payload, got \${got}\`, cmd === undefined ? {} : { cmd });
  }
  return `, readUint32, `(frame, 4);
}
`);
  // Each helper only when some frame needs it (noUnusedLocals).
  const bodies = p.commands.flatMap((c) => (c.kind === "request" ? [c.request, c.response] : [c.message]));
  if (bodies.some((body) => body !== undefined)) {
    f.print(`/** The body of a frame whose header was checked; the codec's FrameError gains the command. */
function decodeBody<T>(frame: Uint8Array, cmd: number, read: (frame: Uint8Array) => T): T {
  try {
    return read(frame);
  } catch (error) {
    const e = error as `, FrameError, `;
    throw new `, FrameError, `("invalid-body", \`\${label(cmd)}: \${e.message}\`, e.offset === undefined ? { cmd, cause: e.cause } : { cmd, offset: e.offset, cause: e.cause });
  }
}
`);
  }
  if (bodies.some((body) => body === undefined)) {
    f.print(`/** Checks that a command without body carries none, so no bytes are silently dropped. */
function noBody(frame: Uint8Array, cmd: number): undefined {
  if (frame.length > `, headerSize, `) {
    throw new `, FrameError, `("invalid-body", \`\${label(cmd)}: has no body, got \${frame.length - `, headerSize, `} bytes after the command id\`, { cmd, offset: `, headerSize, ` });
  }
  return undefined;
}
`);
  }
  f.print(`function unexpected(cmd: number, sender: string): Error {
  const what = cmd in `, cmdNames, ` ? \`\${label(cmd)} is not a command \${sender} sends\` : \`unknown command id \${cmd}\`;
  return new `, FrameError, `("unknown-command", what, { cmd });
}
`);
  const names = codecNames(reachableTypes(p).filter((t): t is DescMessage => t.kind === "message"));
  printDecoder(f, p, "server", names);
  printDecoder(f, p, "client", names);
}

function printDecoder(f: GeneratedFile, p: Protocol, side: "server" | "client", names: CodecNames): void {
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
  f.print(`  const cmd = readCmd(frame);`);
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
    const decode = body === undefined ? [`noBody(frame, cmd)`] : [`decodeBody(frame, cmd, `, f.import(`${names[body.typeName]!.api}FromFrame`, "./codec.js"), `)`];
    f.print(`    case `, Cmd, `.${c.name}:`);
    f.print(`      return { kind: "${kind}", cmd: `, Cmd, `.${c.name}, name: "${c.name}", body: `, ...decode, ` };`);
  }
  f.print(`    default:`);
  f.print(`      throw unexpected(cmd, "${a(sender)}");`);
  f.print(`  }`);
  f.print(`}`);
  f.print();
}
