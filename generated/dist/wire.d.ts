/**
 * The largest frame payload (the bytes after the u32 length) a gateway
 * accepts by default: 2097152 bytes. Peers close the connection on a larger frame.
 */
export declare const maxFrameSize = 2097152;
/** Bytes before a command frame's body: u32 length, u32 command id. */
export declare const headerSize = 8;
/** Reads the big-endian u32 at offset; the caller checks the bounds. */
export declare function readUint32(bytes: Uint8Array, offset: number): number;
/** Writes value as a big-endian u32 at offset. */
export declare function writeUint32(bytes: Uint8Array, offset: number, value: number): void;
/** A whole command frame in one buffer: [u32 length][u32 cmd][body]. */
export declare function encodeFrame(cmd: number, body: Uint8Array | undefined): Uint8Array;
