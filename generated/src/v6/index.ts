import type { Broadcast } from "./broadcast_pb.js";
import { BroadcastSchema } from "./broadcast_pb.js";
import type { CheckOnlineReq } from "./checkOnlineReq_pb.js";
import { CheckOnlineReqSchema } from "./checkOnlineReq_pb.js";
import type { CheckOnlineResp } from "./checkOnlineResp_pb.js";
import { CheckOnlineRespSchema } from "./checkOnlineResp_pb.js";
import type { ConnClose } from "./connClose_pb.js";
import { ConnCloseSchema } from "./connClose_pb.js";
import type { ConnInfoByCustomerIdReq } from "./connInfoByCustomerIdReq_pb.js";
import { ConnInfoByCustomerIdReqSchema } from "./connInfoByCustomerIdReq_pb.js";
import type { ConnInfoByCustomerIdResp, ConnInfoByCustomerIdRespItem, ConnInfoByCustomerIdRespItems } from "./connInfoByCustomerIdResp_pb.js";
import { ConnInfoByCustomerIdRespItemSchema, ConnInfoByCustomerIdRespItemsSchema, ConnInfoByCustomerIdRespSchema } from "./connInfoByCustomerIdResp_pb.js";
import type { ConnInfoDelete } from "./connInfoDelete_pb.js";
import { ConnInfoDeleteSchema } from "./connInfoDelete_pb.js";
import type { ConnInfoReq } from "./connInfoReq_pb.js";
import { ConnInfoReqSchema } from "./connInfoReq_pb.js";
import type { ConnInfoResp, ConnInfoRespItem } from "./connInfoResp_pb.js";
import { ConnInfoRespItemSchema, ConnInfoRespSchema } from "./connInfoResp_pb.js";
import type { ConnInfoUpdate } from "./connInfoUpdate_pb.js";
import { ConnInfoUpdateSchema } from "./connInfoUpdate_pb.js";
import type { ConnOpen } from "./connOpen_pb.js";
import { ConnOpenSchema } from "./connOpen_pb.js";
import type { ConnOpenResp } from "./connOpenResp_pb.js";
import { ConnOpenRespSchema } from "./connOpenResp_pb.js";
import type { CustomerIdCountResp } from "./customerIdCountResp_pb.js";
import { CustomerIdCountRespSchema } from "./customerIdCountResp_pb.js";
import type { CustomerIdListResp } from "./customerIdListResp_pb.js";
import { CustomerIdListRespSchema } from "./customerIdListResp_pb.js";
import { Event, EventSchema } from "./event_pb.js";
import type { ForceOffline } from "./forceOffline_pb.js";
import { ForceOfflineSchema } from "./forceOffline_pb.js";
import type { ForceOfflineByCustomerId } from "./forceOfflineByCustomerId_pb.js";
import { ForceOfflineByCustomerIdSchema } from "./forceOfflineByCustomerId_pb.js";
import type { ForceOfflineGuest } from "./forceOfflineGuest_pb.js";
import { ForceOfflineGuestSchema } from "./forceOfflineGuest_pb.js";
import type { LimitReq } from "./limitReq_pb.js";
import { LimitReqSchema } from "./limitReq_pb.js";
import type { LimitResp } from "./limitResp_pb.js";
import { LimitRespSchema } from "./limitResp_pb.js";
import type { MetricsResp, MetricsRespItem } from "./metricsResp_pb.js";
import { MetricsRespItemSchema, MetricsRespSchema } from "./metricsResp_pb.js";
import type { Multicast } from "./multicast_pb.js";
import { MulticastSchema } from "./multicast_pb.js";
import type { MulticastByCustomerId } from "./multicastByCustomerId_pb.js";
import { MulticastByCustomerIdSchema } from "./multicastByCustomerId_pb.js";
import type { RegisterReq } from "./registerReq_pb.js";
import { RegisterReqSchema } from "./registerReq_pb.js";
import type { RegisterResp } from "./registerResp_pb.js";
import { RegisterRespCode, RegisterRespCodeSchema, RegisterRespSchema } from "./registerResp_pb.js";
import type { SingleCast } from "./singleCast_pb.js";
import { SingleCastSchema } from "./singleCast_pb.js";
import type { SingleCastBulk } from "./singleCastBulk_pb.js";
import { SingleCastBulkSchema } from "./singleCastBulk_pb.js";
import type { SingleCastBulkByCustomerId } from "./singleCastBulkByCustomerId_pb.js";
import { SingleCastBulkByCustomerIdSchema } from "./singleCastBulkByCustomerId_pb.js";
import type { SingleCastByCustomerId } from "./singleCastByCustomerId_pb.js";
import { SingleCastByCustomerIdSchema } from "./singleCastByCustomerId_pb.js";
import type { TopicCountResp } from "./topicCountResp_pb.js";
import { TopicCountRespSchema } from "./topicCountResp_pb.js";
import type { TopicCustomerIdCountReq } from "./topicCustomerIdCountReq_pb.js";
import { TopicCustomerIdCountReqSchema } from "./topicCustomerIdCountReq_pb.js";
import type { TopicCustomerIdCountResp } from "./topicCustomerIdCountResp_pb.js";
import { TopicCustomerIdCountRespSchema } from "./topicCustomerIdCountResp_pb.js";
import type { TopicCustomerIdListReq } from "./topicCustomerIdListReq_pb.js";
import { TopicCustomerIdListReqSchema } from "./topicCustomerIdListReq_pb.js";
import type { TopicCustomerIdListResp, TopicCustomerIdListRespItem } from "./topicCustomerIdListResp_pb.js";
import { TopicCustomerIdListRespItemSchema, TopicCustomerIdListRespSchema } from "./topicCustomerIdListResp_pb.js";
import type { TopicCustomerIdToUniqIdsListReq } from "./topicCustomerIdToUniqIdsListReq_pb.js";
import { TopicCustomerIdToUniqIdsListReqSchema } from "./topicCustomerIdToUniqIdsListReq_pb.js";
import type { CustomerIdToUniqIdsRespItem, TopicCustomerIdToUniqIdsListResp, TopicCustomerIdToUniqIdsListRespItem } from "./topicCustomerIdToUniqIdsListResp_pb.js";
import { CustomerIdToUniqIdsRespItemSchema, TopicCustomerIdToUniqIdsListRespItemSchema, TopicCustomerIdToUniqIdsListRespSchema } from "./topicCustomerIdToUniqIdsListResp_pb.js";
import type { TopicDelete } from "./topicDelete_pb.js";
import { TopicDeleteSchema } from "./topicDelete_pb.js";
import type { TopicListResp } from "./topicListResp_pb.js";
import { TopicListRespSchema } from "./topicListResp_pb.js";
import type { TopicPublish } from "./topicPublish_pb.js";
import { TopicPublishSchema } from "./topicPublish_pb.js";
import type { TopicPublishBulk } from "./topicPublishBulk_pb.js";
import { TopicPublishBulkSchema } from "./topicPublishBulk_pb.js";
import type { TopicSubscribe } from "./topicSubscribe_pb.js";
import { TopicSubscribeSchema } from "./topicSubscribe_pb.js";
import type { TopicUniqIdCountReq } from "./topicUniqIdCountReq_pb.js";
import { TopicUniqIdCountReqSchema } from "./topicUniqIdCountReq_pb.js";
import type { TopicUniqIdCountResp } from "./topicUniqIdCountResp_pb.js";
import { TopicUniqIdCountRespSchema } from "./topicUniqIdCountResp_pb.js";
import type { TopicUniqIdListReq } from "./topicUniqIdListReq_pb.js";
import { TopicUniqIdListReqSchema } from "./topicUniqIdListReq_pb.js";
import type { TopicUniqIdListResp, TopicUniqIdListRespItem } from "./topicUniqIdListResp_pb.js";
import { TopicUniqIdListRespItemSchema, TopicUniqIdListRespSchema } from "./topicUniqIdListResp_pb.js";
import type { TopicUnsubscribe } from "./topicUnsubscribe_pb.js";
import { TopicUnsubscribeSchema } from "./topicUnsubscribe_pb.js";
import type { Transfer } from "./transfer_pb.js";
import { TransferSchema } from "./transfer_pb.js";
import type { UniqIdCountResp } from "./uniqIdCountResp_pb.js";
import { UniqIdCountRespSchema } from "./uniqIdCountResp_pb.js";
import type { UniqIdListResp } from "./uniqIdListResp_pb.js";
import { UniqIdListRespSchema } from "./uniqIdListResp_pb.js";
import type { UnRegisterReq } from "./unRegisterReq_pb.js";
import { UnRegisterReqSchema } from "./unRegisterReq_pb.js";
import type { UnRegisterResp } from "./unRegisterResp_pb.js";
import { UnRegisterRespSchema } from "./unRegisterResp_pb.js";

// @generated by protoc-gen-netsvr v0.4.0 from proto/v6/netsvr.manifest.yaml; do not edit.

export * from "./commands.js";
export * from "./schemas.js";
export * from "./frames.js";
export * from "./errors.js";
export * from "./codec.js";
export * from "./encode.js";
export * from "./decode.js";
export * from "./splitter.js";
export * from "./router.js";
export * from "./heartbeat.js";
export * from "./customers.js";
export { maxFrameSize, maxGatewayFrameSize } from "./wire.js";

// Messages and enums the commands carry.
export {
  BroadcastSchema, type Broadcast,
  CheckOnlineReqSchema, type CheckOnlineReq,
  CheckOnlineRespSchema, type CheckOnlineResp,
  ConnCloseSchema, type ConnClose,
  ConnInfoByCustomerIdReqSchema, type ConnInfoByCustomerIdReq,
  ConnInfoByCustomerIdRespSchema, type ConnInfoByCustomerIdResp,
  ConnInfoByCustomerIdRespItemSchema, type ConnInfoByCustomerIdRespItem,
  ConnInfoByCustomerIdRespItemsSchema, type ConnInfoByCustomerIdRespItems,
  ConnInfoDeleteSchema, type ConnInfoDelete,
  ConnInfoReqSchema, type ConnInfoReq,
  ConnInfoRespSchema, type ConnInfoResp,
  ConnInfoRespItemSchema, type ConnInfoRespItem,
  ConnInfoUpdateSchema, type ConnInfoUpdate,
  ConnOpenSchema, type ConnOpen,
  ConnOpenRespSchema, type ConnOpenResp,
  CustomerIdCountRespSchema, type CustomerIdCountResp,
  CustomerIdListRespSchema, type CustomerIdListResp,
  Event, EventSchema,
  ForceOfflineSchema, type ForceOffline,
  ForceOfflineByCustomerIdSchema, type ForceOfflineByCustomerId,
  ForceOfflineGuestSchema, type ForceOfflineGuest,
  LimitReqSchema, type LimitReq,
  LimitRespSchema, type LimitResp,
  MetricsRespSchema, type MetricsResp,
  MetricsRespItemSchema, type MetricsRespItem,
  MulticastSchema, type Multicast,
  MulticastByCustomerIdSchema, type MulticastByCustomerId,
  RegisterReqSchema, type RegisterReq,
  RegisterRespSchema, type RegisterResp,
  RegisterRespCode, RegisterRespCodeSchema,
  SingleCastSchema, type SingleCast,
  SingleCastBulkSchema, type SingleCastBulk,
  SingleCastBulkByCustomerIdSchema, type SingleCastBulkByCustomerId,
  SingleCastByCustomerIdSchema, type SingleCastByCustomerId,
  TopicCountRespSchema, type TopicCountResp,
  TopicCustomerIdCountReqSchema, type TopicCustomerIdCountReq,
  TopicCustomerIdCountRespSchema, type TopicCustomerIdCountResp,
  TopicCustomerIdListReqSchema, type TopicCustomerIdListReq,
  TopicCustomerIdListRespSchema, type TopicCustomerIdListResp,
  TopicCustomerIdListRespItemSchema, type TopicCustomerIdListRespItem,
  TopicCustomerIdToUniqIdsListReqSchema, type TopicCustomerIdToUniqIdsListReq,
  CustomerIdToUniqIdsRespItemSchema, type CustomerIdToUniqIdsRespItem,
  TopicCustomerIdToUniqIdsListRespSchema, type TopicCustomerIdToUniqIdsListResp,
  TopicCustomerIdToUniqIdsListRespItemSchema, type TopicCustomerIdToUniqIdsListRespItem,
  TopicDeleteSchema, type TopicDelete,
  TopicListRespSchema, type TopicListResp,
  TopicPublishSchema, type TopicPublish,
  TopicPublishBulkSchema, type TopicPublishBulk,
  TopicSubscribeSchema, type TopicSubscribe,
  TopicUniqIdCountReqSchema, type TopicUniqIdCountReq,
  TopicUniqIdCountRespSchema, type TopicUniqIdCountResp,
  TopicUniqIdListReqSchema, type TopicUniqIdListReq,
  TopicUniqIdListRespSchema, type TopicUniqIdListResp,
  TopicUniqIdListRespItemSchema, type TopicUniqIdListRespItem,
  TopicUnsubscribeSchema, type TopicUnsubscribe,
  TransferSchema, type Transfer,
  UniqIdCountRespSchema, type UniqIdCountResp,
  UniqIdListRespSchema, type UniqIdListResp,
  UnRegisterReqSchema, type UnRegisterReq,
  UnRegisterRespSchema, type UnRegisterResp,
};
