import type { Schema } from "@bufbuild/protoplugin";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";

/** splitter.ts: cuts a TCP byte stream into whole frames. */
export function emitSplitter(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "splitter.ts");
  const FrameError = f.import("FrameError", "./errors.js");
  const maxFrameSize = f.import("maxFrameSize", "./wire.js");
  const readUint32 = f.import("readUint32", "./wire.js");
  f.print(`/**
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
export class FrameSplitter {
  /** Largest accepted payload (bytes after the u32 length). */
  readonly maxFrameSize: number;
  /** Bytes of the stream consumed so far: the offset of the next byte. */
  private offset = 0;
  /** The frame being assembled across chunks, or undefined. */
  private partial: Uint8Array | undefined = undefined;
  private partialFilled = 0;
  /** Up to 3 bytes of a length prefix that ended a chunk. */
  private readonly head = new Uint8Array(4);
  private headFilled = 0;
  private failure: `, FrameError, ` | undefined = undefined;

  constructor(options: { readonly maxFrameSize?: number } = {}) {
    const max = options.maxFrameSize ?? `, maxFrameSize, `;
    if (!Number.isInteger(max) || max < 0 || max > 0xffffffff) {
      throw new RangeError(\`maxFrameSize must be an integer from 0 to 4294967295, got \${max}\`);
    }
    this.maxFrameSize = max;
  }

  /** Bytes held back for a frame that is not complete yet. */
  get pending(): number {
    return this.partial === undefined ? this.headFilled : this.partialFilled;
  }

  /**
   * Feeds the next chunk and calls onFrame for each frame it completes, in
   * order. Throws a FrameError (after handing out the frames before it) when
   * a length exceeds maxFrameSize.
   */
  push(chunk: Uint8Array, onFrame: (frame: Uint8Array) => void): void {
    if (this.failure !== undefined) throw this.failure;
    try {
      this.split(chunk, onFrame);
    } catch (error) {
      if (this.failure === undefined) {
        const message = \`onFrame threw at offset \${this.offset}; the stream was abandoned there\`;
        this.failure = new `, FrameError, `("aborted", message, { offset: this.offset, cause: error });
      }
      throw error;
    }
  }

  private split(chunk: Uint8Array, onFrame: (frame: Uint8Array) => void): void {
    let at = 0;
    if (this.headFilled > 0) {
      const take = Math.min(4 - this.headFilled, chunk.length);
      this.head.set(chunk.subarray(0, take), this.headFilled);
      this.headFilled += take;
      this.offset += take;
      at = take;
      if (this.headFilled < 4) return;
      this.headFilled = 0;
      this.partial = new Uint8Array(this.checkedSize(this.head, 0, this.offset - 4));
      this.partial.set(this.head);
      this.partialFilled = 4;
    }
    if (this.partial !== undefined) {
      const take = Math.min(this.partial.length - this.partialFilled, chunk.length - at);
      this.partial.set(chunk.subarray(at, at + take), this.partialFilled);
      this.partialFilled += take;
      this.offset += take;
      at += take;
      if (this.partialFilled < this.partial.length) return;
      const frame = this.partial;
      this.partial = undefined;
      onFrame(frame);
    }
    while (chunk.length - at >= 4) {
      const size = this.checkedSize(chunk, at, this.offset);
      if (chunk.length - at < size) {
        this.partial = new Uint8Array(size);
        this.partial.set(chunk.subarray(at));
        this.partialFilled = chunk.length - at;
        this.offset += chunk.length - at;
        return;
      }
      const frame = chunk.subarray(at, at + size);
      at += size;
      this.offset += size;
      onFrame(frame);
    }
    this.head.set(chunk.subarray(at));
    this.headFilled = chunk.length - at;
    this.offset += chunk.length - at;
  }

  /** Call at the end of the stream: throws a "truncated" FrameError if a frame is incomplete. */
  end(): void {
    if (this.failure !== undefined) throw this.failure;
    if (this.pending > 0) {
      const start = this.offset - this.pending;
      this.fail(new `, FrameError, `("truncated", \`stream ended inside a frame at offset \${start}: \${this.pending} bytes of it arrived\`, { offset: start }));
    }
  }

  /** The whole size (prefix included) of the frame whose length is at bytes[at]. */
  private checkedSize(bytes: Uint8Array, at: number, offset: number): number {
    const length = `, readUint32, `(bytes, at);
    if (length > this.maxFrameSize) {
      this.fail(new `, FrameError, `("oversize", \`frame at offset \${offset} declares \${length} bytes, more than the maximum of \${this.maxFrameSize}\`, { offset }));
    }
    return 4 + length;
  }

  private fail(error: `, FrameError, `): never {
    this.failure = error;
    this.partial = undefined;
    this.headFilled = 0;
    throw error;
  }
}`);
}
