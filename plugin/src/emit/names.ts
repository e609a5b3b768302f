import type { Command, Protocol } from "../model/protocol.js";

/** Identifiers shared by several emitted files, so every file spells them the same way. */
export function pascal(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
