import type { Schema } from "@bufbuild/protoplugin";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";

/** errors.ts: the one error type every decoder and the splitter throw. */
export function emitErrors(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "errors.ts");
  f.print(`/**
 * What was wrong with a frame:
 * - "truncated": fewer bytes than the frame's header or declared length;
 * - "trailing-bytes": more bytes than the declared length;
 * - "oversize": a declared length above the maximum frame size;
 * - "unknown-command": a command id this side does not receive;
 * - "invalid-body": a body that is not valid protobuf for its message, or
 *   bytes after a command that has no body;
 * - "aborted": the splitter's onFrame callback threw (the cause), so the
 *   rest of the stream was not read.
 */
export type FrameErrorCode = "truncated" | "trailing-bytes" | "oversize" | "unknown-command" | "invalid-body" | "aborted";

/** A frame that cannot be read. The message names the command where known. */
export class FrameError extends Error {
  override readonly name: "FrameError" = "FrameError";
  readonly code: FrameErrorCode;
  /** The command id, once the header was read. */
  readonly cmd: number | undefined;
  /**
   * Where it went wrong: for the splitter, the offset in the stream where the
   * bad frame starts; for "invalid-body", the offset in the frame (or the
   * bytes given to a fromBinary function) where decoding stopped.
   */
  readonly offset: number | undefined;

  constructor(
    code: FrameErrorCode,
    message: string,
    details: { readonly cmd?: number; readonly offset?: number; readonly cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.cmd = details.cmd;
    this.offset = details.offset;
  }
}`);
}
