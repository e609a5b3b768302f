import type { ConnOpenSchema } from "./connOpen_pb.js";
import type { ConnCloseSchema } from "./connClose_pb.js";
import type { TransferSchema } from "./transfer_pb.js";
import type { ConnInfoUpdateSchema } from "./connInfoUpdate_pb.js";
import type { ConnInfoDeleteSchema } from "./connInfoDelete_pb.js";
import type { BroadcastSchema } from "./broadcast_pb.js";
import type { MulticastSchema } from "./multicast_pb.js";
import type { SingleCastSchema } from "./singleCast_pb.js";
import type { SingleCastBulkSchema } from "./singleCastBulk_pb.js";
import type { TopicSubscribeSchema } from "./topicSubscribe_pb.js";
import type { TopicUnsubscribeSchema } from "./topicUnsubscribe_pb.js";
import type { TopicDeleteSchema } from "./topicDelete_pb.js";
import type { TopicPublishSchema } from "./topicPublish_pb.js";
import type { ForceOfflineSchema } from "./forceOffline_pb.js";
import type { ForceOfflineGuestSchema } from "./forceOfflineGuest_pb.js";
import type { TopicPublishBulkSchema } from "./topicPublishBulk_pb.js";
import type { RegisterReqSchema } from "./registerReq_pb.js";
import type { UnRegisterReqSchema } from "./unRegisterReq_pb.js";
import type { CheckOnlineReqSchema } from "./checkOnlineReq_pb.js";
import type { TopicUniqIdListReqSchema } from "./topicUniqIdListReq_pb.js";
import type { TopicUniqIdCountReqSchema } from "./topicUniqIdCountReq_pb.js";
import type { ConnInfoReqSchema } from "./connInfoReq_pb.js";
import type { LimitReqSchema } from "./limitReq_pb.js";
import type { RegisterRespSchema } from "./registerResp_pb.js";
import type { UnRegisterRespSchema } from "./unRegisterResp_pb.js";
import type { CheckOnlineRespSchema } from "./checkOnlineResp_pb.js";
import type { UniqIdListRespSchema } from "./uniqIdListResp_pb.js";
import type { UniqIdCountRespSchema } from "./uniqIdCountResp_pb.js";
import type { TopicCountRespSchema } from "./topicCountResp_pb.js";
import type { TopicListRespSchema } from "./topicListResp_pb.js";
import type { TopicUniqIdListRespSchema } from "./topicUniqIdListResp_pb.js";
import type { TopicUniqIdCountRespSchema } from "./topicUniqIdCountResp_pb.js";
import type { ConnInfoRespSchema } from "./connInfoResp_pb.js";
import type { MetricsRespSchema } from "./metricsResp_pb.js";
import type { LimitRespSchema } from "./limitResp_pb.js";
import type { ConnOpenCustomUniqIdTokenRespSchema } from "./connOpenCustomUniqIdTokenResp_pb.js";
import type { DescMessage, MessageInitShape, MessageShape } from "@bufbuild/protobuf";
/**
 * Command ids: the u32 that follows a frame's length.
 */
export declare const Cmd: {
    /**
     * Gateway -> business one-way event; body ConnOpen, sent when a customer connects.
     */
    readonly ConnOpen: 900001001;
    /**
     * Gateway -> business one-way event; body ConnClose, sent when a customer disconnects.
     */
    readonly ConnClose: 900001002;
    /**
     * Gateway -> business one-way event; body Transfer, carries a message sent by a customer.
     */
    readonly Transfer: 900001003;
    /**
     * Business -> gateway one-way command; body ConnInfoUpdate, changes a connection's uniqId, session or topics.
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
     * Business -> gateway one-way command; body Multicast, sends the same data to several customers.
     */
    readonly Multicast: 900002004;
    /**
     * Business -> gateway one-way command; body SingleCast, sends data to one customer.
     */
    readonly SingleCast: 900002005;
    /**
     * Business -> gateway one-way command; body SingleCastBulk, sends different data to several customers.
     */
    readonly SingleCastBulk: 900002006;
    /**
     * Business -> gateway one-way command; body TopicSubscribe, adds topics to a connection.
     */
    readonly TopicSubscribe: 900002007;
    /**
     * Business -> gateway one-way command; body TopicUnsubscribe, removes topics from a connection.
     */
    readonly TopicUnsubscribe: 900002008;
    /**
     * Business -> gateway one-way command; body TopicDelete, deletes topics from every subscriber.
     */
    readonly TopicDelete: 900002009;
    /**
     * Business -> gateway one-way command; body TopicPublish, sends data to the subscribers of each topic,
     *  once per topic: a customer subscribed to two of the topics gets it twice.
     */
    readonly TopicPublish: 900002010;
    /**
     * Business -> gateway one-way command; body ForceOffline, closes the given connections.
     */
    readonly ForceOffline: 900002011;
    /**
     * Business -> gateway one-way command; body ForceOfflineGuest, closes the given connections that have no session.
     */
    readonly ForceOfflineGuest: 900002012;
    /**
     * Business -> gateway one-way command; body TopicPublishBulk, sends different data to different topics.
     */
    readonly TopicPublishBulk: 900002013;
    /**
     * Business -> gateway request; body RegisterReq, answered with RegisterResp.
     */
    readonly Register: 900003001;
    /**
     * Business -> gateway request; body UnRegisterReq, answered with UnRegisterResp.
     */
    readonly Unregister: 900003002;
    /**
     * Business -> gateway request; body CheckOnlineReq, answered with CheckOnlineResp.
     */
    readonly CheckOnline: 900003003;
    /**
     * Business -> gateway request; body UniqIdList has no request message, answered with UniqIdListResp.
     */
    readonly UniqIdList: 900003004;
    /**
     * Business -> gateway request; body UniqIdCount has no request message, answered with UniqIdCountResp.
     */
    readonly UniqIdCount: 900003005;
    /**
     * Business -> gateway request; body TopicCount has no request message, answered with TopicCountResp.
     */
    readonly TopicCount: 900003006;
    /**
     * Business -> gateway request; body TopicList has no request message, answered with TopicListResp.
     */
    readonly TopicList: 900003007;
    /**
     * Business -> gateway request; body TopicUniqIdListReq, answered with TopicUniqIdListResp.
     */
    readonly TopicUniqIdList: 900003008;
    /**
     * Business -> gateway request; body TopicUniqIdCountReq, answered with TopicUniqIdCountResp.
     */
    readonly TopicUniqIdCount: 900003009;
    /**
     * Business -> gateway request; body ConnInfoReq, answered with ConnInfoResp.
     */
    readonly ConnInfo: 900003010;
    /**
     * Business -> gateway request; body Metrics has no request message, answered with MetricsResp.
     */
    readonly Metrics: 900003011;
    /**
     * Business -> gateway request; body LimitReq, answered with LimitResp.
     */
    readonly Limit: 900003012;
    /**
     * Business -> gateway request; body ConnOpenCustomUniqIdToken has no request message, answered with ConnOpenCustomUniqIdTokenResp.
     */
    readonly ConnOpenCustomUniqIdToken: 900003013;
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
export type OnewayCmd = typeof Cmd.ConnInfoUpdate | typeof Cmd.ConnInfoDelete | typeof Cmd.Broadcast | typeof Cmd.Multicast | typeof Cmd.SingleCast | typeof Cmd.SingleCastBulk | typeof Cmd.TopicSubscribe | typeof Cmd.TopicUnsubscribe | typeof Cmd.TopicDelete | typeof Cmd.TopicPublish | typeof Cmd.ForceOffline | typeof Cmd.ForceOfflineGuest | typeof Cmd.TopicPublishBulk;
/**
 * Requests a business sends; the gateway answers each with a frame of the same id.
 */
export type RequestCmd = typeof Cmd.Register | typeof Cmd.Unregister | typeof Cmd.CheckOnline | typeof Cmd.UniqIdList | typeof Cmd.UniqIdCount | typeof Cmd.TopicCount | typeof Cmd.TopicList | typeof Cmd.TopicUniqIdList | typeof Cmd.TopicUniqIdCount | typeof Cmd.ConnInfo | typeof Cmd.Metrics | typeof Cmd.Limit | typeof Cmd.ConnOpenCustomUniqIdToken;
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
    readonly [Cmd.SingleCast]: "SingleCast";
    readonly [Cmd.SingleCastBulk]: "SingleCastBulk";
    readonly [Cmd.TopicSubscribe]: "TopicSubscribe";
    readonly [Cmd.TopicUnsubscribe]: "TopicUnsubscribe";
    readonly [Cmd.TopicDelete]: "TopicDelete";
    readonly [Cmd.TopicPublish]: "TopicPublish";
    readonly [Cmd.ForceOffline]: "ForceOffline";
    readonly [Cmd.ForceOfflineGuest]: "ForceOfflineGuest";
    readonly [Cmd.TopicPublishBulk]: "TopicPublishBulk";
    readonly [Cmd.Register]: "Register";
    readonly [Cmd.Unregister]: "Unregister";
    readonly [Cmd.CheckOnline]: "CheckOnline";
    readonly [Cmd.UniqIdList]: "UniqIdList";
    readonly [Cmd.UniqIdCount]: "UniqIdCount";
    readonly [Cmd.TopicCount]: "TopicCount";
    readonly [Cmd.TopicList]: "TopicList";
    readonly [Cmd.TopicUniqIdList]: "TopicUniqIdList";
    readonly [Cmd.TopicUniqIdCount]: "TopicUniqIdCount";
    readonly [Cmd.ConnInfo]: "ConnInfo";
    readonly [Cmd.Metrics]: "Metrics";
    readonly [Cmd.Limit]: "Limit";
    readonly [Cmd.ConnOpenCustomUniqIdToken]: "ConnOpenCustomUniqIdToken";
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
    readonly [Cmd.SingleCast]: "oneway";
    readonly [Cmd.SingleCastBulk]: "oneway";
    readonly [Cmd.TopicSubscribe]: "oneway";
    readonly [Cmd.TopicUnsubscribe]: "oneway";
    readonly [Cmd.TopicDelete]: "oneway";
    readonly [Cmd.TopicPublish]: "oneway";
    readonly [Cmd.ForceOffline]: "oneway";
    readonly [Cmd.ForceOfflineGuest]: "oneway";
    readonly [Cmd.TopicPublishBulk]: "oneway";
    readonly [Cmd.Register]: "request";
    readonly [Cmd.Unregister]: "request";
    readonly [Cmd.CheckOnline]: "request";
    readonly [Cmd.UniqIdList]: "request";
    readonly [Cmd.UniqIdCount]: "request";
    readonly [Cmd.TopicCount]: "request";
    readonly [Cmd.TopicList]: "request";
    readonly [Cmd.TopicUniqIdList]: "request";
    readonly [Cmd.TopicUniqIdCount]: "request";
    readonly [Cmd.ConnInfo]: "request";
    readonly [Cmd.Metrics]: "request";
    readonly [Cmd.Limit]: "request";
    readonly [Cmd.ConnOpenCustomUniqIdToken]: "request";
}
export declare const cmdKinds: CmdKinds;
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
    readonly [Cmd.SingleCast]: typeof SingleCastSchema;
    readonly [Cmd.SingleCastBulk]: typeof SingleCastBulkSchema;
    readonly [Cmd.TopicSubscribe]: typeof TopicSubscribeSchema;
    readonly [Cmd.TopicUnsubscribe]: typeof TopicUnsubscribeSchema;
    readonly [Cmd.TopicDelete]: typeof TopicDeleteSchema;
    readonly [Cmd.TopicPublish]: typeof TopicPublishSchema;
    readonly [Cmd.ForceOffline]: typeof ForceOfflineSchema;
    readonly [Cmd.ForceOfflineGuest]: typeof ForceOfflineGuestSchema;
    readonly [Cmd.TopicPublishBulk]: typeof TopicPublishBulkSchema;
}
/**
 * Request/response pairing, request side: the body schema of each request; undefined for a request without body.
 */
export interface RequestSchemas {
    readonly [Cmd.Register]: typeof RegisterReqSchema;
    readonly [Cmd.Unregister]: typeof UnRegisterReqSchema;
    readonly [Cmd.CheckOnline]: typeof CheckOnlineReqSchema;
    readonly [Cmd.UniqIdList]: undefined;
    readonly [Cmd.UniqIdCount]: undefined;
    readonly [Cmd.TopicCount]: undefined;
    readonly [Cmd.TopicList]: undefined;
    readonly [Cmd.TopicUniqIdList]: typeof TopicUniqIdListReqSchema;
    readonly [Cmd.TopicUniqIdCount]: typeof TopicUniqIdCountReqSchema;
    readonly [Cmd.ConnInfo]: typeof ConnInfoReqSchema;
    readonly [Cmd.Metrics]: undefined;
    readonly [Cmd.Limit]: typeof LimitReqSchema;
    readonly [Cmd.ConnOpenCustomUniqIdToken]: undefined;
}
/**
 * Request/response pairing, response side: the body schema of the answer the gateway sends to each request.
 */
export interface ResponseSchemas {
    readonly [Cmd.Register]: typeof RegisterRespSchema;
    readonly [Cmd.Unregister]: typeof UnRegisterRespSchema;
    readonly [Cmd.CheckOnline]: typeof CheckOnlineRespSchema;
    readonly [Cmd.UniqIdList]: typeof UniqIdListRespSchema;
    readonly [Cmd.UniqIdCount]: typeof UniqIdCountRespSchema;
    readonly [Cmd.TopicCount]: typeof TopicCountRespSchema;
    readonly [Cmd.TopicList]: typeof TopicListRespSchema;
    readonly [Cmd.TopicUniqIdList]: typeof TopicUniqIdListRespSchema;
    readonly [Cmd.TopicUniqIdCount]: typeof TopicUniqIdCountRespSchema;
    readonly [Cmd.ConnInfo]: typeof ConnInfoRespSchema;
    readonly [Cmd.Metrics]: typeof MetricsRespSchema;
    readonly [Cmd.Limit]: typeof LimitRespSchema;
    readonly [Cmd.ConnOpenCustomUniqIdToken]: typeof ConnOpenCustomUniqIdTokenRespSchema;
}
/**
 * The decoded body a schema table entry stands for: the message, or undefined for no body.
 */
export type BodyOf<S extends DescMessage | undefined> = S extends DescMessage ? MessageShape<S> : undefined;
/**
 * What an encoder takes for a schema table entry: a message or its init object, or undefined for no body.
 */
export type BodyInitOf<S extends DescMessage | undefined> = S extends DescMessage ? MessageInitShape<S> : undefined;
