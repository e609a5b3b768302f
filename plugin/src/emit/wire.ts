import type { Schema } from "@bufbuild/protoplugin";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";

/** wire.ts: the frame layout shared by encoders, decoders and the splitter. */
export function emitWire(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "wire.ts");
  f.print(`/**
 * The largest frame payload (the bytes after the u32 length) a ${p.server}
 * accepts by default: ${p.maxFrameSize} bytes. Peers close the connection on a larger frame.
 */
export const maxFrameSize = ${p.maxFrameSize};

/** Bytes before a command frame's body: u32 length, u32 command id. */
export const headerSize = 8;

/** Reads the big-endian u32 at offset; the caller checks the bounds. */
export function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
}

/** Writes value as a big-endian u32 at offset. */
export function writeUint32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value >>> 24;
  bytes[offset + 1] = value >>> 16;
  bytes[offset + 2] = value >>> 8;
  bytes[offset + 3] = value;
}

/** A whole command frame in one buffer: [u32 length][u32 cmd][body]. */
export function encodeFrame(cmd: number, body: Uint8Array | undefined): Uint8Array {
  const bodySize = body === undefined ? 0 : body.length;
  const frame = new Uint8Array(headerSize + bodySize);
  writeUint32(frame, 0, 4 + bodySize);
  writeUint32(frame, 4, cmd);
  if (body !== undefined) frame.set(body, headerSize);
  return frame;
}
`);
}
