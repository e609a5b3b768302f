import type { Transfer } from "./transfer_pb.js";
import type { GatewayRules } from "./gateway-link.js";
/**
 * What a business learns of the customer a message came from: the Transfer event without its data.
 */
export type CustomerSender = Readonly<Pick<Transfer, "uniqId" | "customerId" | "session" | "topics">>;
/**
 * Customers to send data to, one way per command: SingleCast, Multicast, SingleCastByCustomerId, MulticastByCustomerId, TopicPublish, Broadcast.
 */
export type CustomerTarget = {
    readonly uniqId: string;
} | {
    readonly uniqIds: readonly string[];
} | {
    readonly customerId: string;
} | {
    readonly customerIds: readonly string[];
} | {
    readonly topics: readonly string[];
} | "all";
/**
 * What a customer's WebSocket client must do to be understood by the gateway: pass it as an application protocol's customer option gateway.
 */
export declare function customerRules(): GatewayRules;
