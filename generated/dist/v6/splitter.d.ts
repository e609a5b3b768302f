/** A frame longer than the splitter's maximum, skipped without being held in memory. */
export interface OversizeFrame {
    /** Offset in the stream where the frame starts. */
    readonly offset: number;
    /** Its declared payload length. */
    readonly length: number;
    /** The command id after the length, when the frame has one. */
    readonly cmd: number | undefined;
}
/**
 * Cuts a byte stream (e.g. TCP chunks) into whole frames, length prefix
 * included, ready for the decoders. Any split or coalescing of the stream
 * yields the same frames in the same order.
 *
 * A frame that lies inside one chunk is handed out as a view into that chunk
 * (no copy): do not reuse a chunk's memory while its frames are in use. A
 * frame that spans chunks is copied into a buffer that grows as its bytes
 * arrive, so a length prefix alone never allocates what it declares.
 *
 * A frame longer than maxFrameSize is fatal by default: the splitter is
 * dead, as the peer would close the connection; frames before the bad one
 * have been handed out, and every later push() throws the same FrameError.
 * With onOversize, such a frame is skipped instead (its bytes are read and
 * dropped as they come) and reported once its last byte has passed, in
 * stream order, and the stream goes on.
 *
 * When onFrame (or onOversize) throws, that exception propagates, the rest
 * of the chunk is not read, and later calls throw an "aborted" FrameError
 * whose cause is the exception.
 */
export declare class FrameSplitter {
    /** Largest accepted payload (bytes after the u32 length). */
    readonly maxFrameSize: number;
    private readonly onOversize;
    /** Bytes of the stream consumed so far: the offset of the next byte. */
    private offset;
    /** The frame being assembled across chunks (capacity may exceed what arrived), or undefined. */
    private partial;
    private partialSize;
    private partialFilled;
    /** The oversize frame being skipped, or undefined. */
    private skip;
    /** Up to 3 bytes of a length prefix that ended a chunk. */
    private readonly head;
    private headFilled;
    private failure;
    constructor(options?: {
        readonly maxFrameSize?: number;
        readonly onOversize?: (frame: OversizeFrame) => void;
    });
    /** Bytes of a frame that is not complete yet (held, or skipped when oversize). */
    get pending(): number;
    /**
     * Feeds the next chunk and calls onFrame for each frame it completes, in
     * order. Throws a FrameError (after handing out the frames before it) when
     * a length exceeds maxFrameSize and there is no onOversize.
     */
    push(chunk: Uint8Array, onFrame: (frame: Uint8Array) => void): void;
    private split;
    /** Starts a frame that does not end in this chunk, or an oversize one, from its 4 length bytes. */
    private begin;
    /** Feeds the frame begun in an earlier step, if any; returns where the chunk's next frame starts. */
    private resume;
    /** Call at the end of the stream: throws a "truncated" FrameError if a frame is incomplete. */
    end(): void;
    private fail;
}
