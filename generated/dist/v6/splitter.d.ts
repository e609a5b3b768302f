/**
 * Cuts a byte stream (e.g. TCP chunks) into whole frames, length prefix
 * included, ready for the decoders. Any split or coalescing of the stream
 * yields the same frames in the same order.
 *
 * A frame that lies inside one chunk is handed out as a view into that chunk
 * (no copy): do not reuse a chunk's memory while its frames are in use. A
 * frame that spans chunks is copied once into a buffer of its exact size,
 * allocated only after its length passed the maxFrameSize check.
 *
 * After an error the splitter is dead, as the peer would close the
 * connection: frames before the bad one have been handed out, and every
 * later push() throws the same FrameError. The same holds when onFrame
 * throws: that exception propagates, the rest of the chunk is not read, and
 * later calls throw an "aborted" FrameError whose cause is the exception.
 */
export declare class FrameSplitter {
    /** Largest accepted payload (bytes after the u32 length). */
    readonly maxFrameSize: number;
    /** Bytes of the stream consumed so far: the offset of the next byte. */
    private offset;
    /** The frame being assembled across chunks, or undefined. */
    private partial;
    private partialFilled;
    /** Up to 3 bytes of a length prefix that ended a chunk. */
    private readonly head;
    private headFilled;
    private failure;
    constructor(options?: {
        readonly maxFrameSize?: number;
    });
    /** Bytes held back for a frame that is not complete yet. */
    get pending(): number;
    /**
     * Feeds the next chunk and calls onFrame for each frame it completes, in
     * order. Throws a FrameError (after handing out the frames before it) when
     * a length exceeds maxFrameSize.
     */
    push(chunk: Uint8Array, onFrame: (frame: Uint8Array) => void): void;
    private split;
    /** Call at the end of the stream: throws a "truncated" FrameError if a frame is incomplete. */
    end(): void;
    /** The whole size (prefix included) of the frame whose length is at bytes[at]. */
    private checkedSize;
    private fail;
}
