import type { DescMessage } from "@bufbuild/protobuf";
import type { Command, Protocol } from "../model/protocol.js";

/** Identifiers shared by several emitted files, so every file spells them the same way. */
export function pascal(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "BusinessClient" for a role "business", but "ChatClient" (not
 * "ChatClientClient") for a role "chatClient". The default role "client"
 * keeps "ClientClient": a bare "Client" would clash with the runtime's class.
 */
export function clientTypeName(rolePrefix: string): string {
  return rolePrefix !== "Client" && rolePrefix.endsWith("Client") ? rolePrefix : `${rolePrefix}Client`;
}

/** "GatewayFrame": the union of frames the server sends. */
export function serverFrame(p: Protocol): string {
  return `${pascal(p.server)}Frame`;
}

/** "BusinessFrame": the union of frames the client sends. */
export function clientFrame(p: Protocol): string {
  return `${pascal(p.client)}Frame`;
}

/** Per-command encoder names: encodeSingleCast, encodeRegisterRequest, encodeRegisterResponse. */
export function encoderName(command: Command, side: "request" | "response" | "message"): string {
  switch (side) {
    case "message":
      return `encode${command.name}`;
    case "request":
      return `encode${command.name}Request`;
    case "response":
      return `encode${command.name}Response`;
  }
}

/** Union type of the ids of one kind of command, e.g. "EventCmd". */
export const kindCmdType = { event: "EventCmd", oneway: "OnewayCmd", request: "RequestCmd" } as const;

/** "a gateway", "an event": the article for generated prose. */
export function a(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/**
 * The exported function names encode.ts would declare, checked for clashes:
 * command names are free-form, so "GatewayFrame" or "RegisterRequest" could
 * collide with a generic encoder or with another command's encoder.
 */
export function encoderNameClashes(p: Protocol): string[] {
  const taken = new Map<string, string>([
    [`encode${pascal(p.server)}Frame`, `the generic ${p.server} encoder`],
    [`encode${pascal(p.client)}Frame`, `the generic ${p.client} encoder`],
  ]);
  const clashes: string[] = [];
  for (const c of p.commands) {
    const names = c.kind === "request" ? [encoderName(c, "request"), encoderName(c, "response")] : [encoderName(c, "message")];
    for (const name of names) {
      const owner = taken.get(name);
      if (owner !== undefined) clashes.push(`command ${c.name}: its encoder ${name} would clash with ${owner}; rename the command`);
      taken.set(name, `the encoder of command ${c.name}`);
    }
  }
  return clashes;
}

/** Function names of one message's codec in codec.ts. */
export interface MessageCodecNames {
  readonly size: string;
  readonly write: string;
  readonly read: string;
  /** Decodes a whole message, turning any failure into a FrameError. */
  readonly parse: string;
  /** Prefix of the exported functions: singleCast -> singleCastToBinary, singleCastFromBinary, ... */
  readonly api: string;
}

export type CodecNames = Readonly<Record<string, MessageCodecNames>>;

/**
 * Codec names by full message name. Short names are used where they are
 * unique among the messages, else the package is spelled in as well. The
 * protocol's own messages are counted among themselves only, so that using a
 * well-known type (google.protobuf.Empty) never renames a message of the
 * protocol's (its own Empty): the well-known type spells its package instead.
 */
export function codecNames(messages: readonly DescMessage[]): CodecNames {
  const wellKnown = (m: DescMessage): boolean => m.typeName.startsWith("google.protobuf.");
  const count = new Map<string, number>();
  const own = new Map<string, number>();
  for (const m of messages) {
    count.set(m.name, (count.get(m.name) ?? 0) + 1);
    if (!wellKnown(m)) own.set(m.name, (own.get(m.name) ?? 0) + 1);
  }
  const names: Record<string, MessageCodecNames> = {};
  for (const m of messages) {
    const unique = wellKnown(m) ? count.get(m.name) === 1 : own.get(m.name) === 1;
    const base = unique ? m.name : m.typeName.split(".").map(pascal).join("");
    names[m.typeName] = {
      size: `size${base}`,
      write: `write${base}`,
      read: `read${base}`,
      parse: `parse${base}`,
      api: base.charAt(0).toLowerCase() + base.slice(1),
    };
  }
  return names;
}
