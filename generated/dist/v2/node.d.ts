import type { ClientErrorCode, ClientLifecycle, ClientOptions, ClientState, ClientStats, ClientTypes, EventHandler, ReconnectOptions, RequestOptions, Unsubscribe } from "./node-client.js";
import { Client, ClientError, RegistrationError } from "./node-client.js";
import type { BodyInitOf, BodyOf, EventCmd, OnewayCmd, OnewaySchemas, RequestCmd, RequestSchemas, ResponseSchemas } from "./commands.js";
import { Cmd } from "./commands.js";
import type { EventFrame } from "./frames.js";
import type { ClusterMember, ClusterOptions, MemberResult } from "./node-cluster.js";
import { Cluster } from "./node-cluster.js";
import type { CustomerLink } from "./gateway-link.js";
import type { CustomerSender, CustomerTarget } from "./customers.js";
export { ClientError, RegistrationError, type ClientErrorCode, type ClientLifecycle, type ClientOptions, type ClientState, type ClientStats, type EventHandler, type ReconnectOptions, type RequestOptions, type Unsubscribe };
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
 * Answers to requests are matched in order per command id, which holds while the gateway answers in order (after register() with processCmdGoroutineNum above 1 it may not: then one request per command id is in flight at a time).
 */
export declare function connect(options: ClientOptions): Promise<BusinessClient>;
/**
 * The requests whose answers merge: the ones cluster.request() takes (requestAll() takes any).
 */
export type BusinessMergedCmd = typeof Cmd.CheckOnline | typeof Cmd.UniqIdList | typeof Cmd.UniqIdCount | typeof Cmd.TopicList | typeof Cmd.TopicUniqIdList | typeof Cmd.TopicUniqIdCount | typeof Cmd.ConnInfo;
/**
 * Business connections to several gateways as one: see createCluster().
 */
export type BusinessCluster = Cluster<BusinessClientTypes, BusinessMergedCmd>;
/**
 * Connects to every member and resolves once all are open (if one fails, the others are closed and the error is thrown).
 *
 * A command whose body has uniqId goes to the gateway known to own it (learned from ConnOpen, Transfer, ConnInfoUpdate, since ConnInfoUpdate can rename an id to anything), or to all when not known; other one-way commands go to all; other requests go to all and their answers are merged (BusinessMergedCmd; requestAll() for the rest). Each member gives its uniqIdPrefix: the first 2 characters of the uniqIds its gateway hands out.
 */
export declare function createCluster(members: readonly ClusterMember[], options?: ClusterOptions): Promise<BusinessCluster>;
export type { ClusterMember, ClusterOptions, MemberResult };
/**
 * The customers behind one or more gateways, as an application protocol's business router needs them (see its create...Router()).
 *
 * @param from connections registered for Transfer events; their customer messages are routed.
 * @param via where answers and pushes are sent: a BusinessClient, or a cluster of them.
 */
export declare function customerLink(from: BusinessClient | readonly BusinessClient[], via: Pick<BusinessClient, "send">): CustomerLink<CustomerSender, CustomerTarget>;
