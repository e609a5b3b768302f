import { FrameError } from "./errors.js";
import { maxFrameSize, readUint32 } from "./wire.js";
/** The largest maxFrameSize accepted: a frame and its prefix must fit in one buffer. */
const maxSplitterFrameSize = 0x7fffffff - 4;
/** First capacity of a buffer for a frame that spans chunks; it doubles as bytes arrive. */
const initialCapacity = 64 * 1024;
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
export class FrameSplitter {
    /** Largest accepted payload (bytes after the u32 length). */
    maxFrameSize;
    onOversize;
    /** Bytes of the stream consumed so far: the offset of the next byte. */
    offset = 0;
    /** The frame being assembled across chunks (capacity may exceed what arrived), or undefined. */
    partial = undefined;
    partialSize = 0;
    partialFilled = 0;
    /** The oversize frame being skipped, or undefined. */
    skip = undefined;
    /** Up to 3 bytes of a length prefix that ended a chunk. */
    head = new Uint8Array(4);
    headFilled = 0;
    failure = undefined;
    constructor(options = {}) {
        const max = options.maxFrameSize ?? maxFrameSize;
        if (!Number.isInteger(max) || max < 0 || max > maxSplitterFrameSize) {
            throw new RangeError(`maxFrameSize must be an integer from 0 to ${maxSplitterFrameSize}, got ${max}`);
        }
        this.maxFrameSize = max;
        this.onOversize = options.onOversize;
    }
    /** Bytes of a frame that is not complete yet (held, or skipped when oversize). */
    get pending() {
        if (this.skip !== undefined)
            return 4 + this.skip.length - this.skip.left;
        return this.partial === undefined ? this.headFilled : this.partialFilled;
    }
    /**
     * Feeds the next chunk and calls onFrame for each frame it completes, in
     * order. Throws a FrameError (after handing out the frames before it) when
     * a length exceeds maxFrameSize and there is no onOversize.
     */
    push(chunk, onFrame) {
        if (this.failure !== undefined)
            throw this.failure;
        try {
            this.split(chunk, onFrame);
        }
        catch (error) {
            if (this.failure === undefined) {
                const message = `onFrame threw at offset ${this.offset}; the stream was abandoned there`;
                this.failure = new FrameError("aborted", message, { offset: this.offset, cause: error });
            }
            throw error;
        }
    }
    split(chunk, onFrame) {
        let at = 0;
        if (this.headFilled > 0) {
            const take = Math.min(4 - this.headFilled, chunk.length);
            this.head.set(chunk.subarray(0, take), this.headFilled);
            this.headFilled += take;
            this.offset += take;
            at = take;
            if (this.headFilled < 4)
                return;
            this.headFilled = 0;
            this.begin(this.head, 0, this.offset - 4);
        }
        at = this.resume(chunk, at, onFrame);
        while (chunk.length - at >= 4) {
            const length = readUint32(chunk, at);
            if (length <= this.maxFrameSize && chunk.length - at - 4 >= length) {
                const frame = chunk.subarray(at, at + 4 + length);
                at += 4 + length;
                this.offset += 4 + length;
                onFrame(frame);
                continue;
            }
            this.begin(chunk, at, this.offset);
            at += 4;
            this.offset += 4;
            at = this.resume(chunk, at, onFrame);
        }
        this.head.set(chunk.subarray(at));
        this.headFilled = chunk.length - at;
        this.offset += chunk.length - at;
    }
    /** Starts a frame that does not end in this chunk, or an oversize one, from its 4 length bytes. */
    begin(bytes, at, offset) {
        const length = readUint32(bytes, at);
        if (length > this.maxFrameSize) {
            if (this.onOversize === undefined) {
                this.fail(new FrameError("oversize", `frame at offset ${offset} declares ${length} bytes, more than the maximum of ${this.maxFrameSize}`, { offset }));
            }
            this.skip = { offset, length, left: length, cmd: new Uint8Array(4), cmdFilled: 0 };
            return;
        }
        this.partialSize = 4 + length;
        this.partial = new Uint8Array(Math.min(this.partialSize, initialCapacity));
        this.partial.set(bytes.subarray(at, at + 4));
        this.partialFilled = 4;
    }
    /** Feeds the frame begun in an earlier step, if any; returns where the chunk's next frame starts. */
    resume(chunk, at, onFrame) {
        const skip = this.skip;
        if (skip !== undefined) {
            const take = Math.min(skip.left, chunk.length - at);
            const cmdTake = Math.min(4 - skip.cmdFilled, take);
            skip.cmd.set(chunk.subarray(at, at + cmdTake), skip.cmdFilled);
            skip.cmdFilled += cmdTake;
            skip.left -= take;
            this.offset += take;
            if (skip.left > 0)
                return chunk.length;
            this.skip = undefined;
            const cmd = skip.cmdFilled === 4 ? readUint32(skip.cmd, 0) : undefined;
            this.onOversize({ offset: skip.offset, length: skip.length, cmd });
            return at + take;
        }
        let partial = this.partial;
        if (partial === undefined)
            return at;
        const take = Math.min(this.partialSize - this.partialFilled, chunk.length - at);
        if (this.partialFilled + take > partial.length) {
            const grown = new Uint8Array(Math.min(this.partialSize, Math.max(this.partialFilled + take, partial.length * 2)));
            grown.set(partial.subarray(0, this.partialFilled));
            this.partial = partial = grown;
        }
        partial.set(chunk.subarray(at, at + take), this.partialFilled);
        this.partialFilled += take;
        this.offset += take;
        if (this.partialFilled < this.partialSize)
            return chunk.length;
        this.partial = undefined;
        onFrame(partial);
        return at + take;
    }
    /** Call at the end of the stream: throws a "truncated" FrameError if a frame is incomplete. */
    end() {
        if (this.failure !== undefined)
            throw this.failure;
        if (this.pending > 0) {
            const start = this.offset - this.pending;
            this.fail(new FrameError("truncated", `stream ended inside a frame at offset ${start}: ${this.pending} bytes of it arrived`, { offset: start }));
        }
    }
    fail(error) {
        this.failure = error;
        this.partial = undefined;
        this.skip = undefined;
        this.headFilled = 0;
        throw error;
    }
}
