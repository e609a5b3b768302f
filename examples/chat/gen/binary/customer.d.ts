import type { AbortSignalLike, CloseInfo, CustomerErrorCode, CustomerLifecycle, CustomerOptions, CustomerState, CustomerTypes, EventHandler, ReconnectingInfo, ReconnectOptions, RequestOptions, Unsubscribe, WebSocketConstructor, WebSocketLike } from "./customer-client.js";
import { Customer, CustomerError } from "./customer-client.js";
import { MessageError } from "./app-wire.js";
import type { GatewayRules } from "./gateway-link.js";
import type { BodyInitOf, BodyOf, EventCmd, EventSchemas, OnewayCmd, OnewaySchemas, RequestCmd, RequestSchemas, ResponseSchemas } from "./commands.js";
export { CustomerError, MessageError, type AbortSignalLike, type CloseInfo, type CustomerErrorCode, type CustomerLifecycle, type CustomerOptions, type CustomerState, type EventHandler, type ReconnectingInfo, type ReconnectOptions, type RequestOptions, type Unsubscribe, type WebSocketConstructor, type WebSocketLike, type GatewayRules };
/**
 * What a customer sends and receives, by command id.
 */
export interface CustomerCommands extends CustomerTypes {
    readonly oneway: {
        readonly [C in OnewayCmd]: BodyInitOf<OnewaySchemas[C]>;
    };
    readonly request: {
        readonly [C in RequestCmd]: BodyInitOf<RequestSchemas[C]>;
    };
    readonly response: {
        readonly [C in RequestCmd]: BodyOf<ResponseSchemas[C]>;
    };
    readonly event: {
        readonly [C in EventCmd]: BodyOf<EventSchemas[C]>;
    };
}
/**
 * A customer's WebSocket connection to a business through its gateway, kept open: see createCustomer().
 */
export type CustomerConnection = Customer<CustomerCommands>;
/**
 * Opens a customer connection; it connects at once, reconnects after a drop, and is ready when ready() resolves. Messages are binary protobuf: the gateway must send binary WebSocket messages (netsvr: Customer.SendMessageType = 2). Pass the gateway's rules (e.g. netsvr-protocol's customerRules()) as options.gateway.
 */
export declare function createCustomer(options: CustomerOptions): CustomerConnection;
