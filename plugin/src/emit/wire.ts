import type { Schema } from "@bufbuild/protoplugin";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { pascal } from "./names.js";

/** wire.ts: the frame layout shared by encoders, decoders and the splitter. */
export function emitWire(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "wire.ts");
  f.print(`/**
 * The largest frame payload (the bytes after the u32 length) a ${p.server}
 * accepts by default: ${p.maxFrameSize.toServer} bytes. It closes the connection on a larger frame.
 */
export const maxFrameSize = ${p.maxFrameSize.toServer};

/**
 * The largest frame payload a ${p.client} reads from a ${p.server} by default:
 * ${p.maxFrameSize.toClient} bytes. A ${p.server} may send more than it accepts.
 */
export const max${pascal(p.server)}FrameSize = ${p.maxFrameSize.toClient};

/** Bytes before a command frame's body: u32 length, u32 command id. */
export const headerSize = 8;

/** Reads the big-endian u32 at offset; the caller checks the bounds. */
export function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}

/** The whole frame of a command without body: 8 bytes, [u32 length 4][u32 cmd]. */
export function emptyFrame(cmd: number): Uint8Array {
  return Uint8Array.of(0, 0, 0, 4, cmd >>> 24, (cmd >>> 16) & 0xff, (cmd >>> 8) & 0xff, cmd & 0xff);
}
`);
}
