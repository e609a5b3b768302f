import type { ConnOpenSchema } from "./connOpen_pb.js";
import type { ConnCloseSchema } from "./connClose_pb.js";
import type { TransferSchema } from "./transfer_pb.js";
import type { ConnInfoUpdateSchema } from "./connInfoUpdate_pb.js";
import type { ConnInfoDeleteSchema } from "./connInfoDelete_pb.js";
import type { BroadcastSchema } from "./broadcast_pb.js";
import type { MulticastSchema } from "./multicast_pb.js";
import type { MulticastByCustomerIdSchema } from "./multicastByCustomerId_pb.js";
import type { SingleCastSchema } from "./singleCast_pb.js";
import type { SingleCastBulkSchema } from "./singleCastBulk_pb.js";
import type { SingleCastByCustomerIdSchema } from "./singleCastByCustomerId_pb.js";
import type { SingleCastBulkByCustomerIdSchema } from "./singleCastBulkByCustomerId_pb.js";
import type { TopicSubscribeSchema } from "./topicSubscribe_pb.js";
import type { TopicUnsubscribeSchema } from "./topicUnsubscribe_pb.js";
import type { TopicDeleteSchema } from "./topicDelete_pb.js";
import type { TopicPublishSchema } from "./topicPublish_pb.js";
import type { TopicPublishBulkSchema } from "./topicPublishBulk_pb.js";
import type { ForceOfflineSchema } from "./forceOffline_pb.js";
import type { ForceOfflineByCustomerIdSchema } from "./forceOfflineByCustomerId_pb.js";
import type { ForceOfflineGuestSchema } from "./forceOfflineGuest_pb.js";
import type { RegisterReqSchema } from "./registerReq_pb.js";
import type { UnRegisterReqSchema } from "./unRegisterReq_pb.js";
import type { CheckOnlineReqSchema } from "./checkOnlineReq_pb.js";
import type { TopicUniqIdListReqSchema } from "./topicUniqIdListReq_pb.js";
import type { TopicUniqIdCountReqSchema } from "./topicUniqIdCountReq_pb.js";
import type { TopicCustomerIdListReqSchema } from "./topicCustomerIdListReq_pb.js";
import type { TopicCustomerIdToUniqIdsListReqSchema } from "./topicCustomerIdToUniqIdsListReq_pb.js";
import type { TopicCustomerIdCountReqSchema } from "./topicCustomerIdCountReq_pb.js";
import type { ConnInfoReqSchema } from "./connInfoReq_pb.js";
import type { ConnInfoByCustomerIdReqSchema } from "./connInfoByCustomerIdReq_pb.js";
import type { LimitReqSchema } from "./limitReq_pb.js";
import type { RegisterRespSchema } from "./registerResp_pb.js";
import type { UnRegisterRespSchema } from "./unRegisterResp_pb.js";
import type { CheckOnlineRespSchema } from "./checkOnlineResp_pb.js";
import type { CustomerIdListRespSchema } from "./customerIdListResp_pb.js";
import type { CustomerIdCountRespSchema } from "./customerIdCountResp_pb.js";
import type { UniqIdListRespSchema } from "./uniqIdListResp_pb.js";
import type { UniqIdCountRespSchema } from "./uniqIdCountResp_pb.js";
import type { TopicListRespSchema } from "./topicListResp_pb.js";
import type { TopicCountRespSchema } from "./topicCountResp_pb.js";
import type { TopicUniqIdListRespSchema } from "./topicUniqIdListResp_pb.js";
import type { TopicUniqIdCountRespSchema } from "./topicUniqIdCountResp_pb.js";
import type { TopicCustomerIdListRespSchema } from "./topicCustomerIdListResp_pb.js";
import type { TopicCustomerIdToUniqIdsListRespSchema } from "./topicCustomerIdToUniqIdsListResp_pb.js";
import type { TopicCustomerIdCountRespSchema } from "./topicCustomerIdCountResp_pb.js";
import type { ConnInfoRespSchema } from "./connInfoResp_pb.js";
import type { ConnInfoByCustomerIdRespSchema } from "./connInfoByCustomerIdResp_pb.js";
import type { MetricsRespSchema } from "./metricsResp_pb.js";
import type { LimitRespSchema } from "./limitResp_pb.js";
import type { DescMessage, MessageInitShape, MessageShape } from "@bufbuild/protobuf";
/**
 * Command ids: the u32 that follows a frame's length.
 */
export declare const Cmd: {
    /**
     * Gateway -> business one-way event on the worker port; body ConnOpen, sent when a customer connects.
     */
    readonly ConnOpen: 900001001;
    /**
     * Gateway -> business one-way event on the worker port; body ConnClose, sent when a customer disconnects.
     */
    readonly ConnClose: 900001002;
    /**
     * Gateway -> business one-way event on the worker port; body Transfer, carries a message sent by a customer.
     */
    readonly Transfer: 900001003;
    /**
     * Business -> gateway one-way command; body ConnInfoUpdate, changes a connection's session, customerId or topics.
     */
    readonly ConnInfoUpdate: 900002001;
    /**
     * Business -> gateway one-way command; body ConnInfoDelete, clears parts of a connection's info.
     */
    readonly ConnInfoDelete: 900002002;
    /**
     * Business -> gateway one-way command; body Broadcast, sends data to every customer.
     */
    readonly Broadcast: 900002003;
    /**
     * Business -> gateway one-way command; body Multicast, sends the same data to several connections.
     */
    readonly Multicast: 900002004;
    /**
     * Business -> gateway one-way command; body MulticastByCustomerId, sends the same data to several customerIds.
     */
    readonly MulticastByCustomerId: 900002005;
    /**
     * Business -> gateway one-way command; body SingleCast, sends data to one connection.
     *  The gateway runs casts and publishes concurrently: several sent back to back may reach the customer in any order.
     */
    readonly SingleCast: 900002006;
    /**
     * Business -> gateway one-way command; body SingleCastBulk, sends different data to several connections.
     */
    readonly SingleCastBulk: 900002007;
    /**
     * Business -> gateway one-way command; body SingleCastByCustomerId, sends data to one customerId.
     */
    readonly SingleCastByCustomerId: 900002008;
    /**
     * Business -> gateway one-way command; body SingleCastBulkByCustomerId, sends different data to several customerIds.
     */
    readonly SingleCastBulkByCustomerId: 900002009;
    /**
     * Business -> gateway one-way command; body TopicSubscribe, adds topics to a connection.
     */
    readonly TopicSubscribe: 900002010;
    /**
     * Business -> gateway one-way command; body TopicUnsubscribe, removes topics from a connection.
     */
    readonly TopicUnsubscribe: 900002011;
    /**
     * Business -> gateway one-way command; body TopicDelete, deletes topics from every subscriber.
     */
    readonly TopicDelete: 900002012;
    /**
     * Business -> gateway one-way command; body TopicPublish, sends data to the subscribers of each topic,
     *  once per topic: a customer subscribed to two of the topics gets it twice.
     */
    readonly TopicPublish: 900002013;
    /**
     * Business -> gateway one-way command; body TopicPublishBulk, sends different data to different topics.
     */
    readonly TopicPublishBulk: 900002014;
    /**
     * Business -> gateway one-way command; body ForceOffline, closes the given connections.
     */
    readonly ForceOffline: 900002015;
    /**
     * Business -> gateway one-way command; body ForceOfflineByCustomerId, closes the connections of the given customerIds.
     */
    readonly ForceOfflineByCustomerId: 900002016;
    /**
     * Business -> gateway one-way command; body ForceOfflineGuest, closes the given connections that have neither session nor customerId.
     */
    readonly ForceOfflineGuest: 900002017;
    /**
     * Business -> gateway request on the worker port; body RegisterReq, answered with RegisterResp.
     */
    readonly Register: 900003001;
    /**
     * Business -> gateway request on the worker port; body UnRegisterReq, answered with UnRegisterResp.
     */
    readonly Unregister: 900003002;
    /**
     * Business -> gateway request; body CheckOnlineReq, answered with CheckOnlineResp.
     */
    readonly CheckOnline: 900003003;
    /**
     * Business -> gateway request with no request body, answered with CustomerIdListResp.
     */
    readonly CustomerIdList: 900003004;
    /**
     * Business -> gateway request with no request body, answered with CustomerIdCountResp.
     */
    readonly CustomerIdCount: 900003005;
    /**
     * Business -> gateway request with no request body, answered with UniqIdListResp.
     */
    readonly UniqIdList: 900003006;
    /**
     * Business -> gateway request with no request body, answered with UniqIdCountResp.
     */
    readonly UniqIdCount: 900003007;
    /**
     * Business -> gateway request with no request body, answered with TopicListResp.
     */
    readonly TopicList: 900003008;
    /**
     * Business -> gateway request with no request body, answered with TopicCountResp.
     */
    readonly TopicCount: 900003009;
    /**
     * Business -> gateway request; body TopicUniqIdListReq, answered with TopicUniqIdListResp.
     */
    readonly TopicUniqIdList: 900003010;
    /**
     * Business -> gateway request; body TopicUniqIdCountReq, answered with TopicUniqIdCountResp.
     */
    readonly TopicUniqIdCount: 900003011;
    /**
     * Business -> gateway request; body TopicCustomerIdListReq, answered with TopicCustomerIdListResp.
     */
    readonly TopicCustomerIdList: 900003012;
    /**
     * Business -> gateway request; body TopicCustomerIdToUniqIdsListReq, answered with TopicCustomerIdToUniqIdsListResp.
     */
    readonly TopicCustomerIdToUniqIdsList: 900003013;
    /**
     * Business -> gateway request; body TopicCustomerIdCountReq, answered with TopicCustomerIdCountResp.
     */
    readonly TopicCustomerIdCount: 900003014;
    /**
     * Business -> gateway request; body ConnInfoReq, answered with ConnInfoResp.
     */
    readonly ConnInfo: 900003015;
    /**
     * Business -> gateway request; body ConnInfoByCustomerIdReq, answered with ConnInfoByCustomerIdResp.
     */
    readonly ConnInfoByCustomerId: 900003016;
    /**
     * Business -> gateway request with no request body, answered with MetricsResp.
     */
    readonly Metrics: 900003017;
    /**
     * Business -> gateway request; body LimitReq, answered with LimitResp.
     */
    readonly Limit: 900003018;
};
/**
 * A command id.
 */
export type Cmd = (typeof Cmd)[keyof typeof Cmd];
/**
 * A command name.
 */
export type CmdName = keyof typeof Cmd;
/**
 * Events: one-way frames a gateway sends to a business.
 */
export type EventCmd = typeof Cmd.ConnOpen | typeof Cmd.ConnClose | typeof Cmd.Transfer;
/**
 * One-way commands a business sends to a gateway.
 */
export type OnewayCmd = typeof Cmd.ConnInfoUpdate | typeof Cmd.ConnInfoDelete | typeof Cmd.Broadcast | typeof Cmd.Multicast | typeof Cmd.MulticastByCustomerId | typeof Cmd.SingleCast | typeof Cmd.SingleCastBulk | typeof Cmd.SingleCastByCustomerId | typeof Cmd.SingleCastBulkByCustomerId | typeof Cmd.TopicSubscribe | typeof Cmd.TopicUnsubscribe | typeof Cmd.TopicDelete | typeof Cmd.TopicPublish | typeof Cmd.TopicPublishBulk | typeof Cmd.ForceOffline | typeof Cmd.ForceOfflineByCustomerId | typeof Cmd.ForceOfflineGuest;
/**
 * Requests a business sends; the gateway answers each with a frame of the same id.
 */
export type RequestCmd = typeof Cmd.Register | typeof Cmd.Unregister | typeof Cmd.CheckOnline | typeof Cmd.CustomerIdList | typeof Cmd.CustomerIdCount | typeof Cmd.UniqIdList | typeof Cmd.UniqIdCount | typeof Cmd.TopicList | typeof Cmd.TopicCount | typeof Cmd.TopicUniqIdList | typeof Cmd.TopicUniqIdCount | typeof Cmd.TopicCustomerIdList | typeof Cmd.TopicCustomerIdToUniqIdsList | typeof Cmd.TopicCustomerIdCount | typeof Cmd.ConnInfo | typeof Cmd.ConnInfoByCustomerId | typeof Cmd.Metrics | typeof Cmd.Limit;
/**
 * Ids of the commands a gateway sends: events and responses.
 */
export type GatewayCmd = EventCmd | RequestCmd;
/**
 * Ids of the commands a business sends: one-way commands and requests.
 */
export type BusinessCmd = OnewayCmd | RequestCmd;
/**
 * The name of each command id.
 */
export interface CmdNames {
    readonly [Cmd.ConnOpen]: "ConnOpen";
    readonly [Cmd.ConnClose]: "ConnClose";
    readonly [Cmd.Transfer]: "Transfer";
    readonly [Cmd.ConnInfoUpdate]: "ConnInfoUpdate";
    readonly [Cmd.ConnInfoDelete]: "ConnInfoDelete";
    readonly [Cmd.Broadcast]: "Broadcast";
    readonly [Cmd.Multicast]: "Multicast";
    readonly [Cmd.MulticastByCustomerId]: "MulticastByCustomerId";
    readonly [Cmd.SingleCast]: "SingleCast";
    readonly [Cmd.SingleCastBulk]: "SingleCastBulk";
    readonly [Cmd.SingleCastByCustomerId]: "SingleCastByCustomerId";
    readonly [Cmd.SingleCastBulkByCustomerId]: "SingleCastBulkByCustomerId";
    readonly [Cmd.TopicSubscribe]: "TopicSubscribe";
    readonly [Cmd.TopicUnsubscribe]: "TopicUnsubscribe";
    readonly [Cmd.TopicDelete]: "TopicDelete";
    readonly [Cmd.TopicPublish]: "TopicPublish";
    readonly [Cmd.TopicPublishBulk]: "TopicPublishBulk";
    readonly [Cmd.ForceOffline]: "ForceOffline";
    readonly [Cmd.ForceOfflineByCustomerId]: "ForceOfflineByCustomerId";
    readonly [Cmd.ForceOfflineGuest]: "ForceOfflineGuest";
    readonly [Cmd.Register]: "Register";
    readonly [Cmd.Unregister]: "Unregister";
    readonly [Cmd.CheckOnline]: "CheckOnline";
    readonly [Cmd.CustomerIdList]: "CustomerIdList";
    readonly [Cmd.CustomerIdCount]: "CustomerIdCount";
    readonly [Cmd.UniqIdList]: "UniqIdList";
    readonly [Cmd.UniqIdCount]: "UniqIdCount";
    readonly [Cmd.TopicList]: "TopicList";
    readonly [Cmd.TopicCount]: "TopicCount";
    readonly [Cmd.TopicUniqIdList]: "TopicUniqIdList";
    readonly [Cmd.TopicUniqIdCount]: "TopicUniqIdCount";
    readonly [Cmd.TopicCustomerIdList]: "TopicCustomerIdList";
    readonly [Cmd.TopicCustomerIdToUniqIdsList]: "TopicCustomerIdToUniqIdsList";
    readonly [Cmd.TopicCustomerIdCount]: "TopicCustomerIdCount";
    readonly [Cmd.ConnInfo]: "ConnInfo";
    readonly [Cmd.ConnInfoByCustomerId]: "ConnInfoByCustomerId";
    readonly [Cmd.Metrics]: "Metrics";
    readonly [Cmd.Limit]: "Limit";
}
export declare const cmdNames: CmdNames;
/**
 * The kind of each command: "event" (gateway -> business), "oneway" (business -> gateway) or "request" (business -> gateway, answered).
 */
export interface CmdKinds {
    readonly [Cmd.ConnOpen]: "event";
    readonly [Cmd.ConnClose]: "event";
    readonly [Cmd.Transfer]: "event";
    readonly [Cmd.ConnInfoUpdate]: "oneway";
    readonly [Cmd.ConnInfoDelete]: "oneway";
    readonly [Cmd.Broadcast]: "oneway";
    readonly [Cmd.Multicast]: "oneway";
    readonly [Cmd.MulticastByCustomerId]: "oneway";
    readonly [Cmd.SingleCast]: "oneway";
    readonly [Cmd.SingleCastBulk]: "oneway";
    readonly [Cmd.SingleCastByCustomerId]: "oneway";
    readonly [Cmd.SingleCastBulkByCustomerId]: "oneway";
    readonly [Cmd.TopicSubscribe]: "oneway";
    readonly [Cmd.TopicUnsubscribe]: "oneway";
    readonly [Cmd.TopicDelete]: "oneway";
    readonly [Cmd.TopicPublish]: "oneway";
    readonly [Cmd.TopicPublishBulk]: "oneway";
    readonly [Cmd.ForceOffline]: "oneway";
    readonly [Cmd.ForceOfflineByCustomerId]: "oneway";
    readonly [Cmd.ForceOfflineGuest]: "oneway";
    readonly [Cmd.Register]: "request";
    readonly [Cmd.Unregister]: "request";
    readonly [Cmd.CheckOnline]: "request";
    readonly [Cmd.CustomerIdList]: "request";
    readonly [Cmd.CustomerIdCount]: "request";
    readonly [Cmd.UniqIdList]: "request";
    readonly [Cmd.UniqIdCount]: "request";
    readonly [Cmd.TopicList]: "request";
    readonly [Cmd.TopicCount]: "request";
    readonly [Cmd.TopicUniqIdList]: "request";
    readonly [Cmd.TopicUniqIdCount]: "request";
    readonly [Cmd.TopicCustomerIdList]: "request";
    readonly [Cmd.TopicCustomerIdToUniqIdsList]: "request";
    readonly [Cmd.TopicCustomerIdCount]: "request";
    readonly [Cmd.ConnInfo]: "request";
    readonly [Cmd.ConnInfoByCustomerId]: "request";
    readonly [Cmd.Metrics]: "request";
    readonly [Cmd.Limit]: "request";
}
export declare const cmdKinds: CmdKinds;
/**
 * The ports a gateway listens on, by role:
 * - worker: Register, Unregister and heartbeats only; a registered connection receives the events it registered for.
 * - task: Every other command plus heartbeats, no registration needed; requests are answered in order on the same connection.
 */
export type Port = "worker" | "task";
/**
 * Ids of the commands of the worker port.
 */
export type WorkerPortCmd = typeof Cmd.ConnOpen | typeof Cmd.ConnClose | typeof Cmd.Transfer | typeof Cmd.Register | typeof Cmd.Unregister;
/**
 * Ids of the commands of the task port.
 */
export type TaskPortCmd = typeof Cmd.ConnInfoUpdate | typeof Cmd.ConnInfoDelete | typeof Cmd.Broadcast | typeof Cmd.Multicast | typeof Cmd.MulticastByCustomerId | typeof Cmd.SingleCast | typeof Cmd.SingleCastBulk | typeof Cmd.SingleCastByCustomerId | typeof Cmd.SingleCastBulkByCustomerId | typeof Cmd.TopicSubscribe | typeof Cmd.TopicUnsubscribe | typeof Cmd.TopicDelete | typeof Cmd.TopicPublish | typeof Cmd.TopicPublishBulk | typeof Cmd.ForceOffline | typeof Cmd.ForceOfflineByCustomerId | typeof Cmd.ForceOfflineGuest | typeof Cmd.CheckOnline | typeof Cmd.CustomerIdList | typeof Cmd.CustomerIdCount | typeof Cmd.UniqIdList | typeof Cmd.UniqIdCount | typeof Cmd.TopicList | typeof Cmd.TopicCount | typeof Cmd.TopicUniqIdList | typeof Cmd.TopicUniqIdCount | typeof Cmd.TopicCustomerIdList | typeof Cmd.TopicCustomerIdToUniqIdsList | typeof Cmd.TopicCustomerIdCount | typeof Cmd.ConnInfo | typeof Cmd.ConnInfoByCustomerId | typeof Cmd.Metrics | typeof Cmd.Limit;
/**
 * The port each command belongs to; a gateway closes a connection that sends a command of another port.
 */
export interface CmdPorts {
    readonly [Cmd.ConnOpen]: "worker";
    readonly [Cmd.ConnClose]: "worker";
    readonly [Cmd.Transfer]: "worker";
    readonly [Cmd.ConnInfoUpdate]: "task";
    readonly [Cmd.ConnInfoDelete]: "task";
    readonly [Cmd.Broadcast]: "task";
    readonly [Cmd.Multicast]: "task";
    readonly [Cmd.MulticastByCustomerId]: "task";
    readonly [Cmd.SingleCast]: "task";
    readonly [Cmd.SingleCastBulk]: "task";
    readonly [Cmd.SingleCastByCustomerId]: "task";
    readonly [Cmd.SingleCastBulkByCustomerId]: "task";
    readonly [Cmd.TopicSubscribe]: "task";
    readonly [Cmd.TopicUnsubscribe]: "task";
    readonly [Cmd.TopicDelete]: "task";
    readonly [Cmd.TopicPublish]: "task";
    readonly [Cmd.TopicPublishBulk]: "task";
    readonly [Cmd.ForceOffline]: "task";
    readonly [Cmd.ForceOfflineByCustomerId]: "task";
    readonly [Cmd.ForceOfflineGuest]: "task";
    readonly [Cmd.Register]: "worker";
    readonly [Cmd.Unregister]: "worker";
    readonly [Cmd.CheckOnline]: "task";
    readonly [Cmd.CustomerIdList]: "task";
    readonly [Cmd.CustomerIdCount]: "task";
    readonly [Cmd.UniqIdList]: "task";
    readonly [Cmd.UniqIdCount]: "task";
    readonly [Cmd.TopicList]: "task";
    readonly [Cmd.TopicCount]: "task";
    readonly [Cmd.TopicUniqIdList]: "task";
    readonly [Cmd.TopicUniqIdCount]: "task";
    readonly [Cmd.TopicCustomerIdList]: "task";
    readonly [Cmd.TopicCustomerIdToUniqIdsList]: "task";
    readonly [Cmd.TopicCustomerIdCount]: "task";
    readonly [Cmd.ConnInfo]: "task";
    readonly [Cmd.ConnInfoByCustomerId]: "task";
    readonly [Cmd.Metrics]: "task";
    readonly [Cmd.Limit]: "task";
}
export declare const cmdPorts: CmdPorts;
/**
 * The body schema of each event; undefined for an event without body.
 */
export interface EventSchemas {
    readonly [Cmd.ConnOpen]: typeof ConnOpenSchema;
    readonly [Cmd.ConnClose]: typeof ConnCloseSchema;
    readonly [Cmd.Transfer]: typeof TransferSchema;
}
/**
 * The body schema of each one-way command; undefined for a command without body.
 */
export interface OnewaySchemas {
    readonly [Cmd.ConnInfoUpdate]: typeof ConnInfoUpdateSchema;
    readonly [Cmd.ConnInfoDelete]: typeof ConnInfoDeleteSchema;
    readonly [Cmd.Broadcast]: typeof BroadcastSchema;
    readonly [Cmd.Multicast]: typeof MulticastSchema;
    readonly [Cmd.MulticastByCustomerId]: typeof MulticastByCustomerIdSchema;
    readonly [Cmd.SingleCast]: typeof SingleCastSchema;
    readonly [Cmd.SingleCastBulk]: typeof SingleCastBulkSchema;
    readonly [Cmd.SingleCastByCustomerId]: typeof SingleCastByCustomerIdSchema;
    readonly [Cmd.SingleCastBulkByCustomerId]: typeof SingleCastBulkByCustomerIdSchema;
    readonly [Cmd.TopicSubscribe]: typeof TopicSubscribeSchema;
    readonly [Cmd.TopicUnsubscribe]: typeof TopicUnsubscribeSchema;
    readonly [Cmd.TopicDelete]: typeof TopicDeleteSchema;
    readonly [Cmd.TopicPublish]: typeof TopicPublishSchema;
    readonly [Cmd.TopicPublishBulk]: typeof TopicPublishBulkSchema;
    readonly [Cmd.ForceOffline]: typeof ForceOfflineSchema;
    readonly [Cmd.ForceOfflineByCustomerId]: typeof ForceOfflineByCustomerIdSchema;
    readonly [Cmd.ForceOfflineGuest]: typeof ForceOfflineGuestSchema;
}
/**
 * Request/response pairing, request side: the body schema of each request; undefined for a request without body.
 */
export interface RequestSchemas {
    readonly [Cmd.Register]: typeof RegisterReqSchema;
    readonly [Cmd.Unregister]: typeof UnRegisterReqSchema;
    readonly [Cmd.CheckOnline]: typeof CheckOnlineReqSchema;
    readonly [Cmd.CustomerIdList]: undefined;
    readonly [Cmd.CustomerIdCount]: undefined;
    readonly [Cmd.UniqIdList]: undefined;
    readonly [Cmd.UniqIdCount]: undefined;
    readonly [Cmd.TopicList]: undefined;
    readonly [Cmd.TopicCount]: undefined;
    readonly [Cmd.TopicUniqIdList]: typeof TopicUniqIdListReqSchema;
    readonly [Cmd.TopicUniqIdCount]: typeof TopicUniqIdCountReqSchema;
    readonly [Cmd.TopicCustomerIdList]: typeof TopicCustomerIdListReqSchema;
    readonly [Cmd.TopicCustomerIdToUniqIdsList]: typeof TopicCustomerIdToUniqIdsListReqSchema;
    readonly [Cmd.TopicCustomerIdCount]: typeof TopicCustomerIdCountReqSchema;
    readonly [Cmd.ConnInfo]: typeof ConnInfoReqSchema;
    readonly [Cmd.ConnInfoByCustomerId]: typeof ConnInfoByCustomerIdReqSchema;
    readonly [Cmd.Metrics]: undefined;
    readonly [Cmd.Limit]: typeof LimitReqSchema;
}
/**
 * Request/response pairing, response side: the body schema of the answer the gateway sends to each request.
 */
export interface ResponseSchemas {
    readonly [Cmd.Register]: typeof RegisterRespSchema;
    readonly [Cmd.Unregister]: typeof UnRegisterRespSchema;
    readonly [Cmd.CheckOnline]: typeof CheckOnlineRespSchema;
    readonly [Cmd.CustomerIdList]: typeof CustomerIdListRespSchema;
    readonly [Cmd.CustomerIdCount]: typeof CustomerIdCountRespSchema;
    readonly [Cmd.UniqIdList]: typeof UniqIdListRespSchema;
    readonly [Cmd.UniqIdCount]: typeof UniqIdCountRespSchema;
    readonly [Cmd.TopicList]: typeof TopicListRespSchema;
    readonly [Cmd.TopicCount]: typeof TopicCountRespSchema;
    readonly [Cmd.TopicUniqIdList]: typeof TopicUniqIdListRespSchema;
    readonly [Cmd.TopicUniqIdCount]: typeof TopicUniqIdCountRespSchema;
    readonly [Cmd.TopicCustomerIdList]: typeof TopicCustomerIdListRespSchema;
    readonly [Cmd.TopicCustomerIdToUniqIdsList]: typeof TopicCustomerIdToUniqIdsListRespSchema;
    readonly [Cmd.TopicCustomerIdCount]: typeof TopicCustomerIdCountRespSchema;
    readonly [Cmd.ConnInfo]: typeof ConnInfoRespSchema;
    readonly [Cmd.ConnInfoByCustomerId]: typeof ConnInfoByCustomerIdRespSchema;
    readonly [Cmd.Metrics]: typeof MetricsRespSchema;
    readonly [Cmd.Limit]: typeof LimitRespSchema;
}
/**
 * The decoded body a schema table entry stands for: the message, or undefined for no body.
 */
export type BodyOf<S extends DescMessage | undefined> = S extends DescMessage ? MessageShape<S> : undefined;
/**
 * What an encoder takes for a schema table entry: a message or its init object, or undefined for no body.
 */
export type BodyInitOf<S extends DescMessage | undefined> = S extends DescMessage ? MessageInitShape<S> : undefined;
