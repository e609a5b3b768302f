import type { BusinessFrame, GatewayFrame } from "./frames.js";
/**
 * Decodes a whole frame (length prefix included) that a gateway sent. Throws a FrameError for a wrong length, a command a gateway does not send, or an invalid body. bytes fields of the result are views into frame, not copies.
 */
export declare function decodeGatewayFrame(frame: Uint8Array): GatewayFrame;
/**
 * Decodes a whole frame (length prefix included) that a business sent. Throws a FrameError for a wrong length, a command a business does not send, or an invalid body. bytes fields of the result are views into frame, not copies.
 */
export declare function decodeBusinessFrame(frame: Uint8Array): BusinessFrame;
