import type { ClientErrorCode, ClientLifecycle, ClientOptions, ClientState, ClientStats, ClientTypes, EventHandler, ReconnectOptions, RequestOptions, Unsubscribe } from "./node-client.js";
import { Client, ClientError, RegistrationError } from "./node-client.js";
import type { BodyInitOf, BodyOf, EventCmd, OnewayCmd, OnewaySchemas, RequestCmd, RequestSchemas, ResponseSchemas, TaskPortCmd, WorkerPortCmd } from "./commands.js";
import { Cmd } from "./commands.js";
import type { EventFrame } from "./frames.js";
import type { ClusterMember, ClusterOptions, MemberResult } from "./node-cluster.js";
import { Cluster } from "./node-cluster.js";
import type { CustomerLink } from "./gateway-link.js";
import type { CustomerSender, CustomerTarget } from "./customers.js";
export { ClientError, RegistrationError, type ClientErrorCode, type ClientLifecycle, type ClientOptions, type ClientState, type ClientStats, type EventHandler, type ReconnectOptions, type RequestOptions, type Unsubscribe };
/**
 * The types of a business connection to a gateway's worker port, by command id.
 */
export interface WorkerClientTypes extends ClientTypes {
    readonly oneway: {
        readonly [C in OnewayCmd & WorkerPortCmd]: BodyInitOf<OnewaySchemas[C]>;
    };
    readonly request: {
        readonly [C in RequestCmd & WorkerPortCmd]: BodyInitOf<RequestSchemas[C]>;
    };
    readonly response: {
        readonly [C in RequestCmd & WorkerPortCmd]: BodyOf<ResponseSchemas[C]>;
    };
    readonly event: {
        readonly [C in EventCmd & WorkerPortCmd]: EventFrame<C>;
    };
    readonly register: BodyInitOf<RequestSchemas[typeof Cmd.Register]>;
    readonly registerResponse: BodyOf<ResponseSchemas[typeof Cmd.Register]>;
    readonly unregisterResponse: BodyOf<ResponseSchemas[typeof Cmd.Unregister]>;
}
/**
 * A business connection to a gateway's worker port, kept open: see connectWorker().
 */
export type WorkerClient = Client<WorkerClientTypes>;
/**
 * Opens a business connection to a gateway's worker port and resolves once it is open (the first attempt is not retried; later drops reconnect with backoff).
 *
 * The worker port: Register, Unregister and heartbeats only; a registered connection receives the events it registered for.
 *
 * register() registers it; after a reconnect it registers again with the same body, and close() unregisters it.
 *
 * Answers to requests are matched in order per command id, which holds while the gateway answers in order.
 */
export declare function connectWorker(options: ClientOptions): Promise<WorkerClient>;
/**
 * The types of a business connection to a gateway's task port, by command id.
 */
export interface TaskClientTypes extends ClientTypes {
    readonly oneway: {
        readonly [C in OnewayCmd & TaskPortCmd]: BodyInitOf<OnewaySchemas[C]>;
    };
    readonly request: {
        readonly [C in RequestCmd & TaskPortCmd]: BodyInitOf<RequestSchemas[C]>;
    };
    readonly response: {
        readonly [C in RequestCmd & TaskPortCmd]: BodyOf<ResponseSchemas[C]>;
    };
    readonly event: {
        readonly [C in EventCmd & TaskPortCmd]: EventFrame<C>;
    };
    readonly register: never;
    readonly registerResponse: never;
    readonly unregisterResponse: never;
}
/**
 * A business connection to a gateway's task port, kept open: see connectTask().
 */
export type TaskClient = Client<TaskClientTypes>;
/**
 * Opens a business connection to a gateway's task port and resolves once it is open (the first attempt is not retried; later drops reconnect with backoff).
 *
 * The task port: Every other command plus heartbeats, no registration needed; requests are answered in order on the same connection.
 *
 * Answers to requests are matched in order per command id, which holds while the gateway answers in order.
 */
export declare function connectTask(options: ClientOptions): Promise<TaskClient>;
/**
 * The requests whose answers merge: the ones cluster.request() takes (requestAll() takes any).
 */
export type TaskMergedCmd = typeof Cmd.CheckOnline | typeof Cmd.CustomerIdList | typeof Cmd.UniqIdList | typeof Cmd.UniqIdCount | typeof Cmd.TopicList | typeof Cmd.TopicUniqIdList | typeof Cmd.TopicUniqIdCount | typeof Cmd.TopicCustomerIdList | typeof Cmd.TopicCustomerIdToUniqIdsList | typeof Cmd.ConnInfo | typeof Cmd.ConnInfoByCustomerId;
/**
 * Business connections to several gateways as one: see createCluster().
 */
export type TaskCluster = Cluster<TaskClientTypes, TaskMergedCmd>;
/**
 * Connects to every member and resolves once all are open (if one fails, the others are closed and the error is thrown).
 *
 * A command whose body has uniqId goes to the gateway whose prefix starts it; other one-way commands go to all; other requests go to all and their answers are merged (TaskMergedCmd; requestAll() for the rest). A member's uniqIdPrefix defaults to the hex of its IPv4 address and port (give it when the address is a name or translated).
 */
export declare function createCluster(members: readonly ClusterMember[], options?: ClusterOptions): Promise<TaskCluster>;
export type { ClusterMember, ClusterOptions, MemberResult };
/**
 * The customers behind one or more gateways, as an application protocol's business router needs them (see its create...Router()).
 *
 * @param from connections registered for Transfer events; their customer messages are routed.
 * @param via where answers and pushes are sent: a TaskClient, or a cluster of them.
 */
export declare function customerLink(from: WorkerClient | readonly WorkerClient[], via: Pick<TaskClient, "send">): CustomerLink<CustomerSender, CustomerTarget>;
