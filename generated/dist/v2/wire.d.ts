/**
 * The largest frame payload (the bytes after the u32 length) a gateway
 * accepts by default: 2097152 bytes. It closes the connection on a larger frame.
 */
export declare const maxFrameSize = 2097152;
/**
 * The largest frame payload a business reads from a gateway by default:
 * 268435456 bytes. A gateway may send more than it accepts.
 */
export declare const maxGatewayFrameSize = 268435456;
/** Bytes before a command frame's body: u32 length, u32 command id. */
export declare const headerSize = 8;
/** Reads the big-endian u32 at offset; the caller checks the bounds. */
export declare function readUint32(bytes: Uint8Array, offset: number): number;
/** The whole frame of a command without body: 8 bytes, [u32 length 4][u32 cmd]. */
export declare function emptyFrame(cmd: number): Uint8Array;
