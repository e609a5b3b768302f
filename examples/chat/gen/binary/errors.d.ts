/**
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
export declare class FrameError extends Error {
    readonly name: "FrameError";
    readonly code: FrameErrorCode;
    /** The command id, once the header was read. */
    readonly cmd: number | undefined;
    /**
     * Where it went wrong: for the splitter, the offset in the stream where the
     * bad frame starts; for "invalid-body", the offset in the frame (or the
     * bytes given to a fromBinary function) where decoding stopped.
     */
    readonly offset: number | undefined;
    constructor(code: FrameErrorCode, message: string, details?: {
        readonly cmd?: number;
        readonly offset?: number;
        readonly cause?: unknown;
    });
}
