/**
 * Where an application protocol meets its gateway. A gateway protocol whose
 * manifest declares `customers:` provides both halves; an application
 * protocol's customer client and business router consume them. No Node
 * built-ins.
 */
/** What a customer's WebSocket client must do to be understood by the gateway. */
export interface GatewayRules {
    /** Text that starts every message the customer sends (netsvr v2: the 3-digit worker id of its business). */
    readonly prefix?: string;
    /** The heartbeat text the customer sends. */
    readonly ping?: string;
    /** The gateway's answer to ping, when it answers; it is never an application message. */
    readonly pong?: string;
}
/**
 * A business's view of the customers behind a gateway (or several): where
 * their messages arrive and how data reaches them. Sender is what the
 * gateway tells about the customer a message came from; Target names
 * customers to send to.
 */
export interface CustomerLink<Sender, Target> {
    /** Calls handler with each customer message; returns a function that stops it. */
    onMessage(handler: (data: Uint8Array, sender: Sender) => void | Promise<void>): () => void;
    /** Sends data to the customer a message came from. */
    reply(sender: Sender, data: Uint8Array): void;
    /** Sends data to the customers target names. */
    send(target: Target, data: Uint8Array): void;
}
