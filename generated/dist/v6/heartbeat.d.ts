/** A new ping frame: the heartbeat a business sends. */
export declare function encodePing(): Uint8Array;
/** Whether a whole frame is the heartbeat a business sends. Heartbeats are matched before any command id is read. */
export declare function isPing(frame: Uint8Array): boolean;
