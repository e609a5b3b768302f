import type { DescMessage, MessageInitShape } from "@bufbuild/protobuf";
import type { ConnOpenSchema } from "./connOpen_pb.js";
import type { BusinessCmd, EventSchemas, GatewayCmd, OnewaySchemas, RequestSchemas, ResponseSchemas } from "./commands.js";
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
import type { RegisterRespSchema } from "./registerResp_pb.js";
import type { UnRegisterReqSchema } from "./unRegisterReq_pb.js";
import type { UnRegisterRespSchema } from "./unRegisterResp_pb.js";
import type { CheckOnlineReqSchema } from "./checkOnlineReq_pb.js";
import type { CheckOnlineRespSchema } from "./checkOnlineResp_pb.js";
import type { UniqIdListRespSchema } from "./uniqIdListResp_pb.js";
import type { UniqIdCountRespSchema } from "./uniqIdCountResp_pb.js";
import type { TopicCountRespSchema } from "./topicCountResp_pb.js";
import type { TopicListRespSchema } from "./topicListResp_pb.js";
import type { TopicUniqIdListReqSchema } from "./topicUniqIdListReq_pb.js";
import type { TopicUniqIdListRespSchema } from "./topicUniqIdListResp_pb.js";
import type { TopicUniqIdCountReqSchema } from "./topicUniqIdCountReq_pb.js";
import type { TopicUniqIdCountRespSchema } from "./topicUniqIdCountResp_pb.js";
import type { ConnInfoReqSchema } from "./connInfoReq_pb.js";
import type { ConnInfoRespSchema } from "./connInfoResp_pb.js";
import type { MetricsRespSchema } from "./metricsResp_pb.js";
import type { LimitReqSchema } from "./limitReq_pb.js";
import type { LimitRespSchema } from "./limitResp_pb.js";
import type { ConnOpenCustomUniqIdTokenRespSchema } from "./connOpenCustomUniqIdTokenResp_pb.js";
/**
 * Encodes a ConnOpen frame (gateway -> business).
 *
 * Gateway -> business one-way event; body ConnOpen, sent when a customer connects.
 */
export declare function encodeConnOpen(body: MessageInitShape<typeof ConnOpenSchema>): Uint8Array;
/**
 * Encodes a ConnClose frame (gateway -> business).
 *
 * Gateway -> business one-way event; body ConnClose, sent when a customer disconnects.
 */
export declare function encodeConnClose(body: MessageInitShape<typeof ConnCloseSchema>): Uint8Array;
/**
 * Encodes a Transfer frame (gateway -> business).
 *
 * Gateway -> business one-way event; body Transfer, carries a message sent by a customer.
 */
export declare function encodeTransfer(body: MessageInitShape<typeof TransferSchema>): Uint8Array;
/**
 * Encodes a ConnInfoUpdate frame (business -> gateway).
 *
 * Business -> gateway one-way command; body ConnInfoUpdate, changes a connection's uniqId, session or topics.
 */
export declare function encodeConnInfoUpdate(body: MessageInitShape<typeof ConnInfoUpdateSchema>): Uint8Array;
/**
 * Encodes a ConnInfoDelete frame (business -> gateway).
 *
 * Business -> gateway one-way command; body ConnInfoDelete, clears parts of a connection's info.
 */
export declare function encodeConnInfoDelete(body: MessageInitShape<typeof ConnInfoDeleteSchema>): Uint8Array;
/**
 * Encodes a Broadcast frame (business -> gateway).
 *
 * Business -> gateway one-way command; body Broadcast, sends data to every customer.
 */
export declare function encodeBroadcast(body: MessageInitShape<typeof BroadcastSchema>): Uint8Array;
/**
 * Encodes a Multicast frame (business -> gateway).
 *
 * Business -> gateway one-way command; body Multicast, sends the same data to several customers.
 */
export declare function encodeMulticast(body: MessageInitShape<typeof MulticastSchema>): Uint8Array;
/**
 * Encodes a SingleCast frame (business -> gateway).
 *
 * Business -> gateway one-way command; body SingleCast, sends data to one customer.
 */
export declare function encodeSingleCast(body: MessageInitShape<typeof SingleCastSchema>): Uint8Array;
/**
 * Encodes a SingleCastBulk frame (business -> gateway).
 *
 * Business -> gateway one-way command; body SingleCastBulk, sends different data to several customers.
 */
export declare function encodeSingleCastBulk(body: MessageInitShape<typeof SingleCastBulkSchema>): Uint8Array;
/**
 * Encodes a TopicSubscribe frame (business -> gateway).
 *
 * Business -> gateway one-way command; body TopicSubscribe, adds topics to a connection.
 */
export declare function encodeTopicSubscribe(body: MessageInitShape<typeof TopicSubscribeSchema>): Uint8Array;
/**
 * Encodes a TopicUnsubscribe frame (business -> gateway).
 *
 * Business -> gateway one-way command; body TopicUnsubscribe, removes topics from a connection.
 */
export declare function encodeTopicUnsubscribe(body: MessageInitShape<typeof TopicUnsubscribeSchema>): Uint8Array;
/**
 * Encodes a TopicDelete frame (business -> gateway).
 *
 * Business -> gateway one-way command; body TopicDelete, deletes topics from every subscriber.
 */
export declare function encodeTopicDelete(body: MessageInitShape<typeof TopicDeleteSchema>): Uint8Array;
/**
 * Encodes a TopicPublish frame (business -> gateway).
 *
 * Business -> gateway one-way command; body TopicPublish, sends data to the subscribers of each topic,
 *  once per topic: a customer subscribed to two of the topics gets it twice.
 */
export declare function encodeTopicPublish(body: MessageInitShape<typeof TopicPublishSchema>): Uint8Array;
/**
 * Encodes a ForceOffline frame (business -> gateway).
 *
 * Business -> gateway one-way command; body ForceOffline, closes the given connections.
 */
export declare function encodeForceOffline(body: MessageInitShape<typeof ForceOfflineSchema>): Uint8Array;
/**
 * Encodes a ForceOfflineGuest frame (business -> gateway).
 *
 * Business -> gateway one-way command; body ForceOfflineGuest, closes the given connections that have no session.
 */
export declare function encodeForceOfflineGuest(body: MessageInitShape<typeof ForceOfflineGuestSchema>): Uint8Array;
/**
 * Encodes a TopicPublishBulk frame (business -> gateway).
 *
 * Business -> gateway one-way command; body TopicPublishBulk, sends different data to different topics.
 */
export declare function encodeTopicPublishBulk(body: MessageInitShape<typeof TopicPublishBulkSchema>): Uint8Array;
/**
 * Encodes a Register request (business -> gateway).
 *
 * Business -> gateway request; body RegisterReq, answered with RegisterResp.
 */
export declare function encodeRegisterRequest(body: MessageInitShape<typeof RegisterReqSchema>): Uint8Array;
/**
 * Encodes the answer to a Register request (gateway -> business).
 *
 * Business -> gateway request; body RegisterReq, answered with RegisterResp.
 */
export declare function encodeRegisterResponse(body: MessageInitShape<typeof RegisterRespSchema>): Uint8Array;
/**
 * Encodes a Unregister request (business -> gateway).
 *
 * Business -> gateway request; body UnRegisterReq, answered with UnRegisterResp.
 */
export declare function encodeUnregisterRequest(body: MessageInitShape<typeof UnRegisterReqSchema>): Uint8Array;
/**
 * Encodes the answer to a Unregister request (gateway -> business).
 *
 * Business -> gateway request; body UnRegisterReq, answered with UnRegisterResp.
 */
export declare function encodeUnregisterResponse(body: MessageInitShape<typeof UnRegisterRespSchema>): Uint8Array;
/**
 * Encodes a CheckOnline request (business -> gateway).
 *
 * Business -> gateway request; body CheckOnlineReq, answered with CheckOnlineResp.
 */
export declare function encodeCheckOnlineRequest(body: MessageInitShape<typeof CheckOnlineReqSchema>): Uint8Array;
/**
 * Encodes the answer to a CheckOnline request (gateway -> business).
 *
 * Business -> gateway request; body CheckOnlineReq, answered with CheckOnlineResp.
 */
export declare function encodeCheckOnlineResponse(body: MessageInitShape<typeof CheckOnlineRespSchema>): Uint8Array;
/**
 * Encodes a UniqIdList request (business -> gateway).
 *
 * Business -> gateway request; body UniqIdList has no request message, answered with UniqIdListResp.
 */
export declare function encodeUniqIdListRequest(): Uint8Array;
/**
 * Encodes the answer to a UniqIdList request (gateway -> business).
 *
 * Business -> gateway request; body UniqIdList has no request message, answered with UniqIdListResp.
 */
export declare function encodeUniqIdListResponse(body: MessageInitShape<typeof UniqIdListRespSchema>): Uint8Array;
/**
 * Encodes a UniqIdCount request (business -> gateway).
 *
 * Business -> gateway request; body UniqIdCount has no request message, answered with UniqIdCountResp.
 */
export declare function encodeUniqIdCountRequest(): Uint8Array;
/**
 * Encodes the answer to a UniqIdCount request (gateway -> business).
 *
 * Business -> gateway request; body UniqIdCount has no request message, answered with UniqIdCountResp.
 */
export declare function encodeUniqIdCountResponse(body: MessageInitShape<typeof UniqIdCountRespSchema>): Uint8Array;
/**
 * Encodes a TopicCount request (business -> gateway).
 *
 * Business -> gateway request; body TopicCount has no request message, answered with TopicCountResp.
 */
export declare function encodeTopicCountRequest(): Uint8Array;
/**
 * Encodes the answer to a TopicCount request (gateway -> business).
 *
 * Business -> gateway request; body TopicCount has no request message, answered with TopicCountResp.
 */
export declare function encodeTopicCountResponse(body: MessageInitShape<typeof TopicCountRespSchema>): Uint8Array;
/**
 * Encodes a TopicList request (business -> gateway).
 *
 * Business -> gateway request; body TopicList has no request message, answered with TopicListResp.
 */
export declare function encodeTopicListRequest(): Uint8Array;
/**
 * Encodes the answer to a TopicList request (gateway -> business).
 *
 * Business -> gateway request; body TopicList has no request message, answered with TopicListResp.
 */
export declare function encodeTopicListResponse(body: MessageInitShape<typeof TopicListRespSchema>): Uint8Array;
/**
 * Encodes a TopicUniqIdList request (business -> gateway).
 *
 * Business -> gateway request; body TopicUniqIdListReq, answered with TopicUniqIdListResp.
 */
export declare function encodeTopicUniqIdListRequest(body: MessageInitShape<typeof TopicUniqIdListReqSchema>): Uint8Array;
/**
 * Encodes the answer to a TopicUniqIdList request (gateway -> business).
 *
 * Business -> gateway request; body TopicUniqIdListReq, answered with TopicUniqIdListResp.
 */
export declare function encodeTopicUniqIdListResponse(body: MessageInitShape<typeof TopicUniqIdListRespSchema>): Uint8Array;
/**
 * Encodes a TopicUniqIdCount request (business -> gateway).
 *
 * Business -> gateway request; body TopicUniqIdCountReq, answered with TopicUniqIdCountResp.
 */
export declare function encodeTopicUniqIdCountRequest(body: MessageInitShape<typeof TopicUniqIdCountReqSchema>): Uint8Array;
/**
 * Encodes the answer to a TopicUniqIdCount request (gateway -> business).
 *
 * Business -> gateway request; body TopicUniqIdCountReq, answered with TopicUniqIdCountResp.
 */
export declare function encodeTopicUniqIdCountResponse(body: MessageInitShape<typeof TopicUniqIdCountRespSchema>): Uint8Array;
/**
 * Encodes a ConnInfo request (business -> gateway).
 *
 * Business -> gateway request; body ConnInfoReq, answered with ConnInfoResp.
 */
export declare function encodeConnInfoRequest(body: MessageInitShape<typeof ConnInfoReqSchema>): Uint8Array;
/**
 * Encodes the answer to a ConnInfo request (gateway -> business).
 *
 * Business -> gateway request; body ConnInfoReq, answered with ConnInfoResp.
 */
export declare function encodeConnInfoResponse(body: MessageInitShape<typeof ConnInfoRespSchema>): Uint8Array;
/**
 * Encodes a Metrics request (business -> gateway).
 *
 * Business -> gateway request; body Metrics has no request message, answered with MetricsResp.
 */
export declare function encodeMetricsRequest(): Uint8Array;
/**
 * Encodes the answer to a Metrics request (gateway -> business).
 *
 * Business -> gateway request; body Metrics has no request message, answered with MetricsResp.
 */
export declare function encodeMetricsResponse(body: MessageInitShape<typeof MetricsRespSchema>): Uint8Array;
/**
 * Encodes a Limit request (business -> gateway).
 *
 * Business -> gateway request; body LimitReq, answered with LimitResp.
 */
export declare function encodeLimitRequest(body: MessageInitShape<typeof LimitReqSchema>): Uint8Array;
/**
 * Encodes the answer to a Limit request (gateway -> business).
 *
 * Business -> gateway request; body LimitReq, answered with LimitResp.
 */
export declare function encodeLimitResponse(body: MessageInitShape<typeof LimitRespSchema>): Uint8Array;
/**
 * Encodes a ConnOpenCustomUniqIdToken request (business -> gateway).
 *
 * Business -> gateway request; body ConnOpenCustomUniqIdToken has no request message, answered with ConnOpenCustomUniqIdTokenResp.
 */
export declare function encodeConnOpenCustomUniqIdTokenRequest(): Uint8Array;
/**
 * Encodes the answer to a ConnOpenCustomUniqIdToken request (gateway -> business).
 *
 * Business -> gateway request; body ConnOpenCustomUniqIdToken has no request message, answered with ConnOpenCustomUniqIdTokenResp.
 */
export declare function encodeConnOpenCustomUniqIdTokenResponse(body: MessageInitShape<typeof ConnOpenCustomUniqIdTokenRespSchema>): Uint8Array;
/** The arguments after the command id of a generic encoder: the body, or nothing for a command without body. */
export type BodyArgs<S extends DescMessage | undefined> = S extends DescMessage ? [body: MessageInitShape<S>] : [];
/** The body schema of each command a gateway sends. */
export type GatewaySchemas = EventSchemas & ResponseSchemas;
/**
 * The arguments of encodeGatewayFrame: a command id a gateway sends, then its body unless the command has none.
 */
export type GatewayFrameArgs = {
    [C in GatewayCmd]: [cmd: C, ...body: BodyArgs<GatewaySchemas[C]>];
}[GatewayCmd];
/**
 * Encodes any frame a gateway sends, picked by command id.
 */
export declare function encodeGatewayFrame(...[cmd, body]: GatewayFrameArgs): Uint8Array;
/** The body schema of each command a business sends. */
export type BusinessSchemas = OnewaySchemas & RequestSchemas;
/**
 * The arguments of encodeBusinessFrame: a command id a business sends, then its body unless the command has none.
 */
export type BusinessFrameArgs = {
    [C in BusinessCmd]: [cmd: C, ...body: BodyArgs<BusinessSchemas[C]>];
}[BusinessCmd];
/**
 * Encodes any frame a business sends, picked by command id.
 */
export declare function encodeBusinessFrame(...[cmd, body]: BusinessFrameArgs): Uint8Array;
