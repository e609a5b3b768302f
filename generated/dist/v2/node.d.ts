import type { ClientErrorCode, ClientLifecycle, ClientOptions, ClientState, ClientTypes, ReconnectOptions, RequestOptions, Unsubscribe } from "./node-client.js";
import { Client, ClientError, RegistrationError } from "./node-client.js";
import type { BodyInitOf, BodyOf, EventCmd, OnewayCmd, OnewaySchemas, RequestCmd, RequestSchemas, ResponseSchemas } from "./commands.js";
import { Cmd } from "./commands.js";
import type { EventFrame } from "./frames.js";
import type { ClusterMember, MemberResult } from "./node-cluster.js";
import { Cluster } from "./node-cluster.js";
export { ClientError, RegistrationError, type ClientErrorCode, type ClientLifecycle, type ClientOptions, type ClientState, type ReconnectOptions, type RequestOptions, type Unsubscribe };
/**
 * The types of a business connection to a gateway, by command id.
 */
export interface BusinessClientTypes extends ClientTypes {
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
        readonly [C in EventCmd]: EventFrame<C>;
    };
    readonly register: BodyInitOf<RequestSchemas[typeof Cmd.Register]>;
    readonly registerResponse: BodyOf<ResponseSchemas[typeof Cmd.Register]>;
    readonly unregisterResponse: BodyOf<ResponseSchemas[typeof Cmd.Unregister]>;
}
/**
 * A business connection to a gateway, kept open: see connect().
 */
export type BusinessClient = Client<BusinessClientTypes>;
/**
 * Opens a business connection to a gateway and resolves once it is open (the first attempt is not retried; later drops reconnect with backoff).
 *
 * register() registers it; after a reconnect it registers again with the same body, and close() unregisters it.
 *
 * Answers to requests are matched in order per command id, which holds while the gateway answers in order.
 */
export declare function connect(options: ClientOptions): Promise<BusinessClient>;
/**
 * Business connections to several gateways as one: see createCluster().
 */
export type BusinessCluster = Cluster<BusinessClientTypes>;
/**
 * Connects to every member and resolves once all are open (if one fails, the others are closed and the error is thrown).
 *
 * A command whose body has uniqId goes to the gateway whose prefix starts it; other one-way commands go to all; other requests go to all and their answers are merged. Each member gives its uniqIdPrefix: the first 2 characters of the uniqIds its gateway hands out.
 */
export declare function createCluster(members: readonly ClusterMember[]): Promise<BusinessCluster>;
export type { ClusterMember, MemberResult };
