import type { MessageInitShape } from "@bufbuild/protobuf";
import type { Broadcast, BroadcastSchema } from "./broadcast_pb.js";
import type { CheckOnlineReq, CheckOnlineReqSchema } from "./checkOnlineReq_pb.js";
import type { CheckOnlineResp, CheckOnlineRespSchema } from "./checkOnlineResp_pb.js";
import type { ConnClose, ConnCloseSchema } from "./connClose_pb.js";
import type { ConnInfoByCustomerIdReq, ConnInfoByCustomerIdReqSchema } from "./connInfoByCustomerIdReq_pb.js";
import type { ConnInfoByCustomerIdResp, ConnInfoByCustomerIdRespItem, ConnInfoByCustomerIdRespItems, ConnInfoByCustomerIdRespItemSchema, ConnInfoByCustomerIdRespItemsSchema, ConnInfoByCustomerIdRespSchema } from "./connInfoByCustomerIdResp_pb.js";
import type { ConnInfoDelete, ConnInfoDeleteSchema } from "./connInfoDelete_pb.js";
import type { ConnInfoReq, ConnInfoReqSchema } from "./connInfoReq_pb.js";
import type { ConnInfoResp, ConnInfoRespItem, ConnInfoRespItemSchema, ConnInfoRespSchema } from "./connInfoResp_pb.js";
import type { ConnInfoUpdate, ConnInfoUpdateSchema } from "./connInfoUpdate_pb.js";
import type { ConnOpen, ConnOpenSchema } from "./connOpen_pb.js";
import type { ConnOpenResp, ConnOpenRespSchema } from "./connOpenResp_pb.js";
import type { CustomerIdCountResp, CustomerIdCountRespSchema } from "./customerIdCountResp_pb.js";
import type { CustomerIdListResp, CustomerIdListRespSchema } from "./customerIdListResp_pb.js";
import type { ForceOffline, ForceOfflineSchema } from "./forceOffline_pb.js";
import type { ForceOfflineByCustomerId, ForceOfflineByCustomerIdSchema } from "./forceOfflineByCustomerId_pb.js";
import type { ForceOfflineGuest, ForceOfflineGuestSchema } from "./forceOfflineGuest_pb.js";
import type { LimitReq, LimitReqSchema } from "./limitReq_pb.js";
import type { LimitResp, LimitRespSchema } from "./limitResp_pb.js";
import type { MetricsResp, MetricsRespItem, MetricsRespItemSchema, MetricsRespSchema } from "./metricsResp_pb.js";
import type { Multicast, MulticastSchema } from "./multicast_pb.js";
import type { MulticastByCustomerId, MulticastByCustomerIdSchema } from "./multicastByCustomerId_pb.js";
import type { RegisterReq, RegisterReqSchema } from "./registerReq_pb.js";
import type { RegisterResp, RegisterRespSchema } from "./registerResp_pb.js";
import type { SingleCast, SingleCastSchema } from "./singleCast_pb.js";
import type { SingleCastBulk, SingleCastBulkSchema } from "./singleCastBulk_pb.js";
import type { SingleCastBulkByCustomerId, SingleCastBulkByCustomerIdSchema } from "./singleCastBulkByCustomerId_pb.js";
import type { SingleCastByCustomerId, SingleCastByCustomerIdSchema } from "./singleCastByCustomerId_pb.js";
import type { TopicCountResp, TopicCountRespSchema } from "./topicCountResp_pb.js";
import type { TopicCustomerIdCountReq, TopicCustomerIdCountReqSchema } from "./topicCustomerIdCountReq_pb.js";
import type { TopicCustomerIdCountResp, TopicCustomerIdCountRespSchema } from "./topicCustomerIdCountResp_pb.js";
import type { TopicCustomerIdListReq, TopicCustomerIdListReqSchema } from "./topicCustomerIdListReq_pb.js";
import type { TopicCustomerIdListResp, TopicCustomerIdListRespItem, TopicCustomerIdListRespItemSchema, TopicCustomerIdListRespSchema } from "./topicCustomerIdListResp_pb.js";
import type { TopicCustomerIdToUniqIdsListReq, TopicCustomerIdToUniqIdsListReqSchema } from "./topicCustomerIdToUniqIdsListReq_pb.js";
import type { CustomerIdToUniqIdsRespItem, CustomerIdToUniqIdsRespItemSchema, TopicCustomerIdToUniqIdsListResp, TopicCustomerIdToUniqIdsListRespItem, TopicCustomerIdToUniqIdsListRespItemSchema, TopicCustomerIdToUniqIdsListRespSchema } from "./topicCustomerIdToUniqIdsListResp_pb.js";
import type { TopicDelete, TopicDeleteSchema } from "./topicDelete_pb.js";
import type { TopicListResp, TopicListRespSchema } from "./topicListResp_pb.js";
import type { TopicPublish, TopicPublishSchema } from "./topicPublish_pb.js";
import type { TopicPublishBulk, TopicPublishBulkSchema } from "./topicPublishBulk_pb.js";
import type { TopicSubscribe, TopicSubscribeSchema } from "./topicSubscribe_pb.js";
import type { TopicUniqIdCountReq, TopicUniqIdCountReqSchema } from "./topicUniqIdCountReq_pb.js";
import type { TopicUniqIdCountResp, TopicUniqIdCountRespSchema } from "./topicUniqIdCountResp_pb.js";
import type { TopicUniqIdListReq, TopicUniqIdListReqSchema } from "./topicUniqIdListReq_pb.js";
import type { TopicUniqIdListResp, TopicUniqIdListRespItem, TopicUniqIdListRespItemSchema, TopicUniqIdListRespSchema } from "./topicUniqIdListResp_pb.js";
import type { TopicUnsubscribe, TopicUnsubscribeSchema } from "./topicUnsubscribe_pb.js";
import type { Transfer, TransferSchema } from "./transfer_pb.js";
import type { UniqIdCountResp, UniqIdCountRespSchema } from "./uniqIdCountResp_pb.js";
import type { UniqIdListResp, UniqIdListRespSchema } from "./uniqIdListResp_pb.js";
import type { UnRegisterReq, UnRegisterReqSchema } from "./unRegisterReq_pb.js";
import type { UnRegisterResp, UnRegisterRespSchema } from "./unRegisterResp_pb.js";
/**
 * Encodes a Broadcast (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function broadcastToBinary(message: MessageInitShape<typeof BroadcastSchema>): Uint8Array;
/**
 * Decodes a Broadcast from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function broadcastFromBinary(bytes: Uint8Array): Broadcast;
/**
 * A whole frame, [u32 length][u32 cmd][Broadcast], in one buffer.
 */
export declare function broadcastFrame(cmd: number, message: MessageInitShape<typeof BroadcastSchema>): Uint8Array;
/**
 * Decodes the Broadcast body of a whole frame whose header was checked.
 */
export declare function broadcastFromFrame(frame: Uint8Array): Broadcast;
/**
 * Encodes a CheckOnlineReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function checkOnlineReqToBinary(message: MessageInitShape<typeof CheckOnlineReqSchema>): Uint8Array;
/**
 * Decodes a CheckOnlineReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function checkOnlineReqFromBinary(bytes: Uint8Array): CheckOnlineReq;
/**
 * A whole frame, [u32 length][u32 cmd][CheckOnlineReq], in one buffer.
 */
export declare function checkOnlineReqFrame(cmd: number, message: MessageInitShape<typeof CheckOnlineReqSchema>): Uint8Array;
/**
 * Decodes the CheckOnlineReq body of a whole frame whose header was checked.
 */
export declare function checkOnlineReqFromFrame(frame: Uint8Array): CheckOnlineReq;
/**
 * Encodes a CheckOnlineResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function checkOnlineRespToBinary(message: MessageInitShape<typeof CheckOnlineRespSchema>): Uint8Array;
/**
 * Decodes a CheckOnlineResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function checkOnlineRespFromBinary(bytes: Uint8Array): CheckOnlineResp;
/**
 * A whole frame, [u32 length][u32 cmd][CheckOnlineResp], in one buffer.
 */
export declare function checkOnlineRespFrame(cmd: number, message: MessageInitShape<typeof CheckOnlineRespSchema>): Uint8Array;
/**
 * Decodes the CheckOnlineResp body of a whole frame whose header was checked.
 */
export declare function checkOnlineRespFromFrame(frame: Uint8Array): CheckOnlineResp;
/**
 * Encodes a ConnClose (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connCloseToBinary(message: MessageInitShape<typeof ConnCloseSchema>): Uint8Array;
/**
 * Decodes a ConnClose from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connCloseFromBinary(bytes: Uint8Array): ConnClose;
/**
 * A whole frame, [u32 length][u32 cmd][ConnClose], in one buffer.
 */
export declare function connCloseFrame(cmd: number, message: MessageInitShape<typeof ConnCloseSchema>): Uint8Array;
/**
 * Decodes the ConnClose body of a whole frame whose header was checked.
 */
export declare function connCloseFromFrame(frame: Uint8Array): ConnClose;
/**
 * Encodes a ConnInfoByCustomerIdReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connInfoByCustomerIdReqToBinary(message: MessageInitShape<typeof ConnInfoByCustomerIdReqSchema>): Uint8Array;
/**
 * Decodes a ConnInfoByCustomerIdReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connInfoByCustomerIdReqFromBinary(bytes: Uint8Array): ConnInfoByCustomerIdReq;
/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoByCustomerIdReq], in one buffer.
 */
export declare function connInfoByCustomerIdReqFrame(cmd: number, message: MessageInitShape<typeof ConnInfoByCustomerIdReqSchema>): Uint8Array;
/**
 * Decodes the ConnInfoByCustomerIdReq body of a whole frame whose header was checked.
 */
export declare function connInfoByCustomerIdReqFromFrame(frame: Uint8Array): ConnInfoByCustomerIdReq;
/**
 * Encodes a ConnInfoByCustomerIdResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connInfoByCustomerIdRespToBinary(message: MessageInitShape<typeof ConnInfoByCustomerIdRespSchema>): Uint8Array;
/**
 * Decodes a ConnInfoByCustomerIdResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connInfoByCustomerIdRespFromBinary(bytes: Uint8Array): ConnInfoByCustomerIdResp;
/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoByCustomerIdResp], in one buffer.
 */
export declare function connInfoByCustomerIdRespFrame(cmd: number, message: MessageInitShape<typeof ConnInfoByCustomerIdRespSchema>): Uint8Array;
/**
 * Decodes the ConnInfoByCustomerIdResp body of a whole frame whose header was checked.
 */
export declare function connInfoByCustomerIdRespFromFrame(frame: Uint8Array): ConnInfoByCustomerIdResp;
/**
 * Encodes a ConnInfoByCustomerIdRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connInfoByCustomerIdRespItemToBinary(message: MessageInitShape<typeof ConnInfoByCustomerIdRespItemSchema>): Uint8Array;
/**
 * Decodes a ConnInfoByCustomerIdRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connInfoByCustomerIdRespItemFromBinary(bytes: Uint8Array): ConnInfoByCustomerIdRespItem;
/**
 * Encodes a ConnInfoByCustomerIdRespItems (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connInfoByCustomerIdRespItemsToBinary(message: MessageInitShape<typeof ConnInfoByCustomerIdRespItemsSchema>): Uint8Array;
/**
 * Decodes a ConnInfoByCustomerIdRespItems from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connInfoByCustomerIdRespItemsFromBinary(bytes: Uint8Array): ConnInfoByCustomerIdRespItems;
/**
 * Encodes a ConnInfoDelete (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connInfoDeleteToBinary(message: MessageInitShape<typeof ConnInfoDeleteSchema>): Uint8Array;
/**
 * Decodes a ConnInfoDelete from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connInfoDeleteFromBinary(bytes: Uint8Array): ConnInfoDelete;
/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoDelete], in one buffer.
 */
export declare function connInfoDeleteFrame(cmd: number, message: MessageInitShape<typeof ConnInfoDeleteSchema>): Uint8Array;
/**
 * Decodes the ConnInfoDelete body of a whole frame whose header was checked.
 */
export declare function connInfoDeleteFromFrame(frame: Uint8Array): ConnInfoDelete;
/**
 * Encodes a ConnInfoReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connInfoReqToBinary(message: MessageInitShape<typeof ConnInfoReqSchema>): Uint8Array;
/**
 * Decodes a ConnInfoReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connInfoReqFromBinary(bytes: Uint8Array): ConnInfoReq;
/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoReq], in one buffer.
 */
export declare function connInfoReqFrame(cmd: number, message: MessageInitShape<typeof ConnInfoReqSchema>): Uint8Array;
/**
 * Decodes the ConnInfoReq body of a whole frame whose header was checked.
 */
export declare function connInfoReqFromFrame(frame: Uint8Array): ConnInfoReq;
/**
 * Encodes a ConnInfoResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connInfoRespToBinary(message: MessageInitShape<typeof ConnInfoRespSchema>): Uint8Array;
/**
 * Decodes a ConnInfoResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connInfoRespFromBinary(bytes: Uint8Array): ConnInfoResp;
/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoResp], in one buffer.
 */
export declare function connInfoRespFrame(cmd: number, message: MessageInitShape<typeof ConnInfoRespSchema>): Uint8Array;
/**
 * Decodes the ConnInfoResp body of a whole frame whose header was checked.
 */
export declare function connInfoRespFromFrame(frame: Uint8Array): ConnInfoResp;
/**
 * Encodes a ConnInfoRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connInfoRespItemToBinary(message: MessageInitShape<typeof ConnInfoRespItemSchema>): Uint8Array;
/**
 * Decodes a ConnInfoRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connInfoRespItemFromBinary(bytes: Uint8Array): ConnInfoRespItem;
/**
 * Encodes a ConnInfoUpdate (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connInfoUpdateToBinary(message: MessageInitShape<typeof ConnInfoUpdateSchema>): Uint8Array;
/**
 * Decodes a ConnInfoUpdate from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connInfoUpdateFromBinary(bytes: Uint8Array): ConnInfoUpdate;
/**
 * A whole frame, [u32 length][u32 cmd][ConnInfoUpdate], in one buffer.
 */
export declare function connInfoUpdateFrame(cmd: number, message: MessageInitShape<typeof ConnInfoUpdateSchema>): Uint8Array;
/**
 * Decodes the ConnInfoUpdate body of a whole frame whose header was checked.
 */
export declare function connInfoUpdateFromFrame(frame: Uint8Array): ConnInfoUpdate;
/**
 * Encodes a ConnOpen (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connOpenToBinary(message: MessageInitShape<typeof ConnOpenSchema>): Uint8Array;
/**
 * Decodes a ConnOpen from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connOpenFromBinary(bytes: Uint8Array): ConnOpen;
/**
 * A whole frame, [u32 length][u32 cmd][ConnOpen], in one buffer.
 */
export declare function connOpenFrame(cmd: number, message: MessageInitShape<typeof ConnOpenSchema>): Uint8Array;
/**
 * Decodes the ConnOpen body of a whole frame whose header was checked.
 */
export declare function connOpenFromFrame(frame: Uint8Array): ConnOpen;
/**
 * Encodes a ConnOpenResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function connOpenRespToBinary(message: MessageInitShape<typeof ConnOpenRespSchema>): Uint8Array;
/**
 * Decodes a ConnOpenResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function connOpenRespFromBinary(bytes: Uint8Array): ConnOpenResp;
/**
 * Encodes a CustomerIdCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function customerIdCountRespToBinary(message: MessageInitShape<typeof CustomerIdCountRespSchema>): Uint8Array;
/**
 * Decodes a CustomerIdCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function customerIdCountRespFromBinary(bytes: Uint8Array): CustomerIdCountResp;
/**
 * A whole frame, [u32 length][u32 cmd][CustomerIdCountResp], in one buffer.
 */
export declare function customerIdCountRespFrame(cmd: number, message: MessageInitShape<typeof CustomerIdCountRespSchema>): Uint8Array;
/**
 * Decodes the CustomerIdCountResp body of a whole frame whose header was checked.
 */
export declare function customerIdCountRespFromFrame(frame: Uint8Array): CustomerIdCountResp;
/**
 * Encodes a CustomerIdListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function customerIdListRespToBinary(message: MessageInitShape<typeof CustomerIdListRespSchema>): Uint8Array;
/**
 * Decodes a CustomerIdListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function customerIdListRespFromBinary(bytes: Uint8Array): CustomerIdListResp;
/**
 * A whole frame, [u32 length][u32 cmd][CustomerIdListResp], in one buffer.
 */
export declare function customerIdListRespFrame(cmd: number, message: MessageInitShape<typeof CustomerIdListRespSchema>): Uint8Array;
/**
 * Decodes the CustomerIdListResp body of a whole frame whose header was checked.
 */
export declare function customerIdListRespFromFrame(frame: Uint8Array): CustomerIdListResp;
/**
 * Encodes a ForceOffline (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function forceOfflineToBinary(message: MessageInitShape<typeof ForceOfflineSchema>): Uint8Array;
/**
 * Decodes a ForceOffline from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function forceOfflineFromBinary(bytes: Uint8Array): ForceOffline;
/**
 * A whole frame, [u32 length][u32 cmd][ForceOffline], in one buffer.
 */
export declare function forceOfflineFrame(cmd: number, message: MessageInitShape<typeof ForceOfflineSchema>): Uint8Array;
/**
 * Decodes the ForceOffline body of a whole frame whose header was checked.
 */
export declare function forceOfflineFromFrame(frame: Uint8Array): ForceOffline;
/**
 * Encodes a ForceOfflineByCustomerId (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function forceOfflineByCustomerIdToBinary(message: MessageInitShape<typeof ForceOfflineByCustomerIdSchema>): Uint8Array;
/**
 * Decodes a ForceOfflineByCustomerId from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function forceOfflineByCustomerIdFromBinary(bytes: Uint8Array): ForceOfflineByCustomerId;
/**
 * A whole frame, [u32 length][u32 cmd][ForceOfflineByCustomerId], in one buffer.
 */
export declare function forceOfflineByCustomerIdFrame(cmd: number, message: MessageInitShape<typeof ForceOfflineByCustomerIdSchema>): Uint8Array;
/**
 * Decodes the ForceOfflineByCustomerId body of a whole frame whose header was checked.
 */
export declare function forceOfflineByCustomerIdFromFrame(frame: Uint8Array): ForceOfflineByCustomerId;
/**
 * Encodes a ForceOfflineGuest (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function forceOfflineGuestToBinary(message: MessageInitShape<typeof ForceOfflineGuestSchema>): Uint8Array;
/**
 * Decodes a ForceOfflineGuest from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function forceOfflineGuestFromBinary(bytes: Uint8Array): ForceOfflineGuest;
/**
 * A whole frame, [u32 length][u32 cmd][ForceOfflineGuest], in one buffer.
 */
export declare function forceOfflineGuestFrame(cmd: number, message: MessageInitShape<typeof ForceOfflineGuestSchema>): Uint8Array;
/**
 * Decodes the ForceOfflineGuest body of a whole frame whose header was checked.
 */
export declare function forceOfflineGuestFromFrame(frame: Uint8Array): ForceOfflineGuest;
/**
 * Encodes a LimitReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function limitReqToBinary(message: MessageInitShape<typeof LimitReqSchema>): Uint8Array;
/**
 * Decodes a LimitReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function limitReqFromBinary(bytes: Uint8Array): LimitReq;
/**
 * A whole frame, [u32 length][u32 cmd][LimitReq], in one buffer.
 */
export declare function limitReqFrame(cmd: number, message: MessageInitShape<typeof LimitReqSchema>): Uint8Array;
/**
 * Decodes the LimitReq body of a whole frame whose header was checked.
 */
export declare function limitReqFromFrame(frame: Uint8Array): LimitReq;
/**
 * Encodes a LimitResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function limitRespToBinary(message: MessageInitShape<typeof LimitRespSchema>): Uint8Array;
/**
 * Decodes a LimitResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function limitRespFromBinary(bytes: Uint8Array): LimitResp;
/**
 * A whole frame, [u32 length][u32 cmd][LimitResp], in one buffer.
 */
export declare function limitRespFrame(cmd: number, message: MessageInitShape<typeof LimitRespSchema>): Uint8Array;
/**
 * Decodes the LimitResp body of a whole frame whose header was checked.
 */
export declare function limitRespFromFrame(frame: Uint8Array): LimitResp;
/**
 * Encodes a MetricsResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function metricsRespToBinary(message: MessageInitShape<typeof MetricsRespSchema>): Uint8Array;
/**
 * Decodes a MetricsResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function metricsRespFromBinary(bytes: Uint8Array): MetricsResp;
/**
 * A whole frame, [u32 length][u32 cmd][MetricsResp], in one buffer.
 */
export declare function metricsRespFrame(cmd: number, message: MessageInitShape<typeof MetricsRespSchema>): Uint8Array;
/**
 * Decodes the MetricsResp body of a whole frame whose header was checked.
 */
export declare function metricsRespFromFrame(frame: Uint8Array): MetricsResp;
/**
 * Encodes a MetricsRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function metricsRespItemToBinary(message: MessageInitShape<typeof MetricsRespItemSchema>): Uint8Array;
/**
 * Decodes a MetricsRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function metricsRespItemFromBinary(bytes: Uint8Array): MetricsRespItem;
/**
 * Encodes a Multicast (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function multicastToBinary(message: MessageInitShape<typeof MulticastSchema>): Uint8Array;
/**
 * Decodes a Multicast from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function multicastFromBinary(bytes: Uint8Array): Multicast;
/**
 * A whole frame, [u32 length][u32 cmd][Multicast], in one buffer.
 */
export declare function multicastFrame(cmd: number, message: MessageInitShape<typeof MulticastSchema>): Uint8Array;
/**
 * Decodes the Multicast body of a whole frame whose header was checked.
 */
export declare function multicastFromFrame(frame: Uint8Array): Multicast;
/**
 * Encodes a MulticastByCustomerId (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function multicastByCustomerIdToBinary(message: MessageInitShape<typeof MulticastByCustomerIdSchema>): Uint8Array;
/**
 * Decodes a MulticastByCustomerId from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function multicastByCustomerIdFromBinary(bytes: Uint8Array): MulticastByCustomerId;
/**
 * A whole frame, [u32 length][u32 cmd][MulticastByCustomerId], in one buffer.
 */
export declare function multicastByCustomerIdFrame(cmd: number, message: MessageInitShape<typeof MulticastByCustomerIdSchema>): Uint8Array;
/**
 * Decodes the MulticastByCustomerId body of a whole frame whose header was checked.
 */
export declare function multicastByCustomerIdFromFrame(frame: Uint8Array): MulticastByCustomerId;
/**
 * Encodes a RegisterReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function registerReqToBinary(message: MessageInitShape<typeof RegisterReqSchema>): Uint8Array;
/**
 * Decodes a RegisterReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function registerReqFromBinary(bytes: Uint8Array): RegisterReq;
/**
 * A whole frame, [u32 length][u32 cmd][RegisterReq], in one buffer.
 */
export declare function registerReqFrame(cmd: number, message: MessageInitShape<typeof RegisterReqSchema>): Uint8Array;
/**
 * Decodes the RegisterReq body of a whole frame whose header was checked.
 */
export declare function registerReqFromFrame(frame: Uint8Array): RegisterReq;
/**
 * Encodes a RegisterResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function registerRespToBinary(message: MessageInitShape<typeof RegisterRespSchema>): Uint8Array;
/**
 * Decodes a RegisterResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function registerRespFromBinary(bytes: Uint8Array): RegisterResp;
/**
 * A whole frame, [u32 length][u32 cmd][RegisterResp], in one buffer.
 */
export declare function registerRespFrame(cmd: number, message: MessageInitShape<typeof RegisterRespSchema>): Uint8Array;
/**
 * Decodes the RegisterResp body of a whole frame whose header was checked.
 */
export declare function registerRespFromFrame(frame: Uint8Array): RegisterResp;
/**
 * Encodes a SingleCast (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function singleCastToBinary(message: MessageInitShape<typeof SingleCastSchema>): Uint8Array;
/**
 * Decodes a SingleCast from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function singleCastFromBinary(bytes: Uint8Array): SingleCast;
/**
 * A whole frame, [u32 length][u32 cmd][SingleCast], in one buffer.
 */
export declare function singleCastFrame(cmd: number, message: MessageInitShape<typeof SingleCastSchema>): Uint8Array;
/**
 * Decodes the SingleCast body of a whole frame whose header was checked.
 */
export declare function singleCastFromFrame(frame: Uint8Array): SingleCast;
/**
 * Encodes a SingleCastBulk (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function singleCastBulkToBinary(message: MessageInitShape<typeof SingleCastBulkSchema>): Uint8Array;
/**
 * Decodes a SingleCastBulk from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function singleCastBulkFromBinary(bytes: Uint8Array): SingleCastBulk;
/**
 * A whole frame, [u32 length][u32 cmd][SingleCastBulk], in one buffer.
 */
export declare function singleCastBulkFrame(cmd: number, message: MessageInitShape<typeof SingleCastBulkSchema>): Uint8Array;
/**
 * Decodes the SingleCastBulk body of a whole frame whose header was checked.
 */
export declare function singleCastBulkFromFrame(frame: Uint8Array): SingleCastBulk;
/**
 * Encodes a SingleCastBulkByCustomerId (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function singleCastBulkByCustomerIdToBinary(message: MessageInitShape<typeof SingleCastBulkByCustomerIdSchema>): Uint8Array;
/**
 * Decodes a SingleCastBulkByCustomerId from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function singleCastBulkByCustomerIdFromBinary(bytes: Uint8Array): SingleCastBulkByCustomerId;
/**
 * A whole frame, [u32 length][u32 cmd][SingleCastBulkByCustomerId], in one buffer.
 */
export declare function singleCastBulkByCustomerIdFrame(cmd: number, message: MessageInitShape<typeof SingleCastBulkByCustomerIdSchema>): Uint8Array;
/**
 * Decodes the SingleCastBulkByCustomerId body of a whole frame whose header was checked.
 */
export declare function singleCastBulkByCustomerIdFromFrame(frame: Uint8Array): SingleCastBulkByCustomerId;
/**
 * Encodes a SingleCastByCustomerId (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function singleCastByCustomerIdToBinary(message: MessageInitShape<typeof SingleCastByCustomerIdSchema>): Uint8Array;
/**
 * Decodes a SingleCastByCustomerId from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function singleCastByCustomerIdFromBinary(bytes: Uint8Array): SingleCastByCustomerId;
/**
 * A whole frame, [u32 length][u32 cmd][SingleCastByCustomerId], in one buffer.
 */
export declare function singleCastByCustomerIdFrame(cmd: number, message: MessageInitShape<typeof SingleCastByCustomerIdSchema>): Uint8Array;
/**
 * Decodes the SingleCastByCustomerId body of a whole frame whose header was checked.
 */
export declare function singleCastByCustomerIdFromFrame(frame: Uint8Array): SingleCastByCustomerId;
/**
 * Encodes a TopicCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicCountRespToBinary(message: MessageInitShape<typeof TopicCountRespSchema>): Uint8Array;
/**
 * Decodes a TopicCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicCountRespFromBinary(bytes: Uint8Array): TopicCountResp;
/**
 * A whole frame, [u32 length][u32 cmd][TopicCountResp], in one buffer.
 */
export declare function topicCountRespFrame(cmd: number, message: MessageInitShape<typeof TopicCountRespSchema>): Uint8Array;
/**
 * Decodes the TopicCountResp body of a whole frame whose header was checked.
 */
export declare function topicCountRespFromFrame(frame: Uint8Array): TopicCountResp;
/**
 * Encodes a TopicCustomerIdCountReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicCustomerIdCountReqToBinary(message: MessageInitShape<typeof TopicCustomerIdCountReqSchema>): Uint8Array;
/**
 * Decodes a TopicCustomerIdCountReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicCustomerIdCountReqFromBinary(bytes: Uint8Array): TopicCustomerIdCountReq;
/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdCountReq], in one buffer.
 */
export declare function topicCustomerIdCountReqFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdCountReqSchema>): Uint8Array;
/**
 * Decodes the TopicCustomerIdCountReq body of a whole frame whose header was checked.
 */
export declare function topicCustomerIdCountReqFromFrame(frame: Uint8Array): TopicCustomerIdCountReq;
/**
 * Encodes a TopicCustomerIdCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicCustomerIdCountRespToBinary(message: MessageInitShape<typeof TopicCustomerIdCountRespSchema>): Uint8Array;
/**
 * Decodes a TopicCustomerIdCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicCustomerIdCountRespFromBinary(bytes: Uint8Array): TopicCustomerIdCountResp;
/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdCountResp], in one buffer.
 */
export declare function topicCustomerIdCountRespFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdCountRespSchema>): Uint8Array;
/**
 * Decodes the TopicCustomerIdCountResp body of a whole frame whose header was checked.
 */
export declare function topicCustomerIdCountRespFromFrame(frame: Uint8Array): TopicCustomerIdCountResp;
/**
 * Encodes a TopicCustomerIdListReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicCustomerIdListReqToBinary(message: MessageInitShape<typeof TopicCustomerIdListReqSchema>): Uint8Array;
/**
 * Decodes a TopicCustomerIdListReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicCustomerIdListReqFromBinary(bytes: Uint8Array): TopicCustomerIdListReq;
/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdListReq], in one buffer.
 */
export declare function topicCustomerIdListReqFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdListReqSchema>): Uint8Array;
/**
 * Decodes the TopicCustomerIdListReq body of a whole frame whose header was checked.
 */
export declare function topicCustomerIdListReqFromFrame(frame: Uint8Array): TopicCustomerIdListReq;
/**
 * Encodes a TopicCustomerIdListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicCustomerIdListRespToBinary(message: MessageInitShape<typeof TopicCustomerIdListRespSchema>): Uint8Array;
/**
 * Decodes a TopicCustomerIdListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicCustomerIdListRespFromBinary(bytes: Uint8Array): TopicCustomerIdListResp;
/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdListResp], in one buffer.
 */
export declare function topicCustomerIdListRespFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdListRespSchema>): Uint8Array;
/**
 * Decodes the TopicCustomerIdListResp body of a whole frame whose header was checked.
 */
export declare function topicCustomerIdListRespFromFrame(frame: Uint8Array): TopicCustomerIdListResp;
/**
 * Encodes a TopicCustomerIdListRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicCustomerIdListRespItemToBinary(message: MessageInitShape<typeof TopicCustomerIdListRespItemSchema>): Uint8Array;
/**
 * Decodes a TopicCustomerIdListRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicCustomerIdListRespItemFromBinary(bytes: Uint8Array): TopicCustomerIdListRespItem;
/**
 * Encodes a TopicCustomerIdToUniqIdsListReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicCustomerIdToUniqIdsListReqToBinary(message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListReqSchema>): Uint8Array;
/**
 * Decodes a TopicCustomerIdToUniqIdsListReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicCustomerIdToUniqIdsListReqFromBinary(bytes: Uint8Array): TopicCustomerIdToUniqIdsListReq;
/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdToUniqIdsListReq], in one buffer.
 */
export declare function topicCustomerIdToUniqIdsListReqFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListReqSchema>): Uint8Array;
/**
 * Decodes the TopicCustomerIdToUniqIdsListReq body of a whole frame whose header was checked.
 */
export declare function topicCustomerIdToUniqIdsListReqFromFrame(frame: Uint8Array): TopicCustomerIdToUniqIdsListReq;
/**
 * Encodes a CustomerIdToUniqIdsRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function customerIdToUniqIdsRespItemToBinary(message: MessageInitShape<typeof CustomerIdToUniqIdsRespItemSchema>): Uint8Array;
/**
 * Decodes a CustomerIdToUniqIdsRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function customerIdToUniqIdsRespItemFromBinary(bytes: Uint8Array): CustomerIdToUniqIdsRespItem;
/**
 * Encodes a TopicCustomerIdToUniqIdsListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicCustomerIdToUniqIdsListRespToBinary(message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespSchema>): Uint8Array;
/**
 * Decodes a TopicCustomerIdToUniqIdsListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicCustomerIdToUniqIdsListRespFromBinary(bytes: Uint8Array): TopicCustomerIdToUniqIdsListResp;
/**
 * A whole frame, [u32 length][u32 cmd][TopicCustomerIdToUniqIdsListResp], in one buffer.
 */
export declare function topicCustomerIdToUniqIdsListRespFrame(cmd: number, message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespSchema>): Uint8Array;
/**
 * Decodes the TopicCustomerIdToUniqIdsListResp body of a whole frame whose header was checked.
 */
export declare function topicCustomerIdToUniqIdsListRespFromFrame(frame: Uint8Array): TopicCustomerIdToUniqIdsListResp;
/**
 * Encodes a TopicCustomerIdToUniqIdsListRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicCustomerIdToUniqIdsListRespItemToBinary(message: MessageInitShape<typeof TopicCustomerIdToUniqIdsListRespItemSchema>): Uint8Array;
/**
 * Decodes a TopicCustomerIdToUniqIdsListRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicCustomerIdToUniqIdsListRespItemFromBinary(bytes: Uint8Array): TopicCustomerIdToUniqIdsListRespItem;
/**
 * Encodes a TopicDelete (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicDeleteToBinary(message: MessageInitShape<typeof TopicDeleteSchema>): Uint8Array;
/**
 * Decodes a TopicDelete from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicDeleteFromBinary(bytes: Uint8Array): TopicDelete;
/**
 * A whole frame, [u32 length][u32 cmd][TopicDelete], in one buffer.
 */
export declare function topicDeleteFrame(cmd: number, message: MessageInitShape<typeof TopicDeleteSchema>): Uint8Array;
/**
 * Decodes the TopicDelete body of a whole frame whose header was checked.
 */
export declare function topicDeleteFromFrame(frame: Uint8Array): TopicDelete;
/**
 * Encodes a TopicListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicListRespToBinary(message: MessageInitShape<typeof TopicListRespSchema>): Uint8Array;
/**
 * Decodes a TopicListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicListRespFromBinary(bytes: Uint8Array): TopicListResp;
/**
 * A whole frame, [u32 length][u32 cmd][TopicListResp], in one buffer.
 */
export declare function topicListRespFrame(cmd: number, message: MessageInitShape<typeof TopicListRespSchema>): Uint8Array;
/**
 * Decodes the TopicListResp body of a whole frame whose header was checked.
 */
export declare function topicListRespFromFrame(frame: Uint8Array): TopicListResp;
/**
 * Encodes a TopicPublish (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicPublishToBinary(message: MessageInitShape<typeof TopicPublishSchema>): Uint8Array;
/**
 * Decodes a TopicPublish from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicPublishFromBinary(bytes: Uint8Array): TopicPublish;
/**
 * A whole frame, [u32 length][u32 cmd][TopicPublish], in one buffer.
 */
export declare function topicPublishFrame(cmd: number, message: MessageInitShape<typeof TopicPublishSchema>): Uint8Array;
/**
 * Decodes the TopicPublish body of a whole frame whose header was checked.
 */
export declare function topicPublishFromFrame(frame: Uint8Array): TopicPublish;
/**
 * Encodes a TopicPublishBulk (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicPublishBulkToBinary(message: MessageInitShape<typeof TopicPublishBulkSchema>): Uint8Array;
/**
 * Decodes a TopicPublishBulk from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicPublishBulkFromBinary(bytes: Uint8Array): TopicPublishBulk;
/**
 * A whole frame, [u32 length][u32 cmd][TopicPublishBulk], in one buffer.
 */
export declare function topicPublishBulkFrame(cmd: number, message: MessageInitShape<typeof TopicPublishBulkSchema>): Uint8Array;
/**
 * Decodes the TopicPublishBulk body of a whole frame whose header was checked.
 */
export declare function topicPublishBulkFromFrame(frame: Uint8Array): TopicPublishBulk;
/**
 * Encodes a TopicSubscribe (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicSubscribeToBinary(message: MessageInitShape<typeof TopicSubscribeSchema>): Uint8Array;
/**
 * Decodes a TopicSubscribe from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicSubscribeFromBinary(bytes: Uint8Array): TopicSubscribe;
/**
 * A whole frame, [u32 length][u32 cmd][TopicSubscribe], in one buffer.
 */
export declare function topicSubscribeFrame(cmd: number, message: MessageInitShape<typeof TopicSubscribeSchema>): Uint8Array;
/**
 * Decodes the TopicSubscribe body of a whole frame whose header was checked.
 */
export declare function topicSubscribeFromFrame(frame: Uint8Array): TopicSubscribe;
/**
 * Encodes a TopicUniqIdCountReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicUniqIdCountReqToBinary(message: MessageInitShape<typeof TopicUniqIdCountReqSchema>): Uint8Array;
/**
 * Decodes a TopicUniqIdCountReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicUniqIdCountReqFromBinary(bytes: Uint8Array): TopicUniqIdCountReq;
/**
 * A whole frame, [u32 length][u32 cmd][TopicUniqIdCountReq], in one buffer.
 */
export declare function topicUniqIdCountReqFrame(cmd: number, message: MessageInitShape<typeof TopicUniqIdCountReqSchema>): Uint8Array;
/**
 * Decodes the TopicUniqIdCountReq body of a whole frame whose header was checked.
 */
export declare function topicUniqIdCountReqFromFrame(frame: Uint8Array): TopicUniqIdCountReq;
/**
 * Encodes a TopicUniqIdCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicUniqIdCountRespToBinary(message: MessageInitShape<typeof TopicUniqIdCountRespSchema>): Uint8Array;
/**
 * Decodes a TopicUniqIdCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicUniqIdCountRespFromBinary(bytes: Uint8Array): TopicUniqIdCountResp;
/**
 * A whole frame, [u32 length][u32 cmd][TopicUniqIdCountResp], in one buffer.
 */
export declare function topicUniqIdCountRespFrame(cmd: number, message: MessageInitShape<typeof TopicUniqIdCountRespSchema>): Uint8Array;
/**
 * Decodes the TopicUniqIdCountResp body of a whole frame whose header was checked.
 */
export declare function topicUniqIdCountRespFromFrame(frame: Uint8Array): TopicUniqIdCountResp;
/**
 * Encodes a TopicUniqIdListReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicUniqIdListReqToBinary(message: MessageInitShape<typeof TopicUniqIdListReqSchema>): Uint8Array;
/**
 * Decodes a TopicUniqIdListReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicUniqIdListReqFromBinary(bytes: Uint8Array): TopicUniqIdListReq;
/**
 * A whole frame, [u32 length][u32 cmd][TopicUniqIdListReq], in one buffer.
 */
export declare function topicUniqIdListReqFrame(cmd: number, message: MessageInitShape<typeof TopicUniqIdListReqSchema>): Uint8Array;
/**
 * Decodes the TopicUniqIdListReq body of a whole frame whose header was checked.
 */
export declare function topicUniqIdListReqFromFrame(frame: Uint8Array): TopicUniqIdListReq;
/**
 * Encodes a TopicUniqIdListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicUniqIdListRespToBinary(message: MessageInitShape<typeof TopicUniqIdListRespSchema>): Uint8Array;
/**
 * Decodes a TopicUniqIdListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicUniqIdListRespFromBinary(bytes: Uint8Array): TopicUniqIdListResp;
/**
 * A whole frame, [u32 length][u32 cmd][TopicUniqIdListResp], in one buffer.
 */
export declare function topicUniqIdListRespFrame(cmd: number, message: MessageInitShape<typeof TopicUniqIdListRespSchema>): Uint8Array;
/**
 * Decodes the TopicUniqIdListResp body of a whole frame whose header was checked.
 */
export declare function topicUniqIdListRespFromFrame(frame: Uint8Array): TopicUniqIdListResp;
/**
 * Encodes a TopicUniqIdListRespItem (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicUniqIdListRespItemToBinary(message: MessageInitShape<typeof TopicUniqIdListRespItemSchema>): Uint8Array;
/**
 * Decodes a TopicUniqIdListRespItem from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicUniqIdListRespItemFromBinary(bytes: Uint8Array): TopicUniqIdListRespItem;
/**
 * Encodes a TopicUnsubscribe (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function topicUnsubscribeToBinary(message: MessageInitShape<typeof TopicUnsubscribeSchema>): Uint8Array;
/**
 * Decodes a TopicUnsubscribe from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function topicUnsubscribeFromBinary(bytes: Uint8Array): TopicUnsubscribe;
/**
 * A whole frame, [u32 length][u32 cmd][TopicUnsubscribe], in one buffer.
 */
export declare function topicUnsubscribeFrame(cmd: number, message: MessageInitShape<typeof TopicUnsubscribeSchema>): Uint8Array;
/**
 * Decodes the TopicUnsubscribe body of a whole frame whose header was checked.
 */
export declare function topicUnsubscribeFromFrame(frame: Uint8Array): TopicUnsubscribe;
/**
 * Encodes a Transfer (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function transferToBinary(message: MessageInitShape<typeof TransferSchema>): Uint8Array;
/**
 * Decodes a Transfer from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function transferFromBinary(bytes: Uint8Array): Transfer;
/**
 * A whole frame, [u32 length][u32 cmd][Transfer], in one buffer.
 */
export declare function transferFrame(cmd: number, message: MessageInitShape<typeof TransferSchema>): Uint8Array;
/**
 * Decodes the Transfer body of a whole frame whose header was checked.
 */
export declare function transferFromFrame(frame: Uint8Array): Transfer;
/**
 * Encodes a UniqIdCountResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function uniqIdCountRespToBinary(message: MessageInitShape<typeof UniqIdCountRespSchema>): Uint8Array;
/**
 * Decodes a UniqIdCountResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function uniqIdCountRespFromBinary(bytes: Uint8Array): UniqIdCountResp;
/**
 * A whole frame, [u32 length][u32 cmd][UniqIdCountResp], in one buffer.
 */
export declare function uniqIdCountRespFrame(cmd: number, message: MessageInitShape<typeof UniqIdCountRespSchema>): Uint8Array;
/**
 * Decodes the UniqIdCountResp body of a whole frame whose header was checked.
 */
export declare function uniqIdCountRespFromFrame(frame: Uint8Array): UniqIdCountResp;
/**
 * Encodes a UniqIdListResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function uniqIdListRespToBinary(message: MessageInitShape<typeof UniqIdListRespSchema>): Uint8Array;
/**
 * Decodes a UniqIdListResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function uniqIdListRespFromBinary(bytes: Uint8Array): UniqIdListResp;
/**
 * A whole frame, [u32 length][u32 cmd][UniqIdListResp], in one buffer.
 */
export declare function uniqIdListRespFrame(cmd: number, message: MessageInitShape<typeof UniqIdListRespSchema>): Uint8Array;
/**
 * Decodes the UniqIdListResp body of a whole frame whose header was checked.
 */
export declare function uniqIdListRespFromFrame(frame: Uint8Array): UniqIdListResp;
/**
 * Encodes a UnRegisterReq (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function unRegisterReqToBinary(message: MessageInitShape<typeof UnRegisterReqSchema>): Uint8Array;
/**
 * Decodes a UnRegisterReq from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function unRegisterReqFromBinary(bytes: Uint8Array): UnRegisterReq;
/**
 * A whole frame, [u32 length][u32 cmd][UnRegisterReq], in one buffer.
 */
export declare function unRegisterReqFrame(cmd: number, message: MessageInitShape<typeof UnRegisterReqSchema>): Uint8Array;
/**
 * Decodes the UnRegisterReq body of a whole frame whose header was checked.
 */
export declare function unRegisterReqFromFrame(frame: Uint8Array): UnRegisterReq;
/**
 * Encodes a UnRegisterResp (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function unRegisterRespToBinary(message: MessageInitShape<typeof UnRegisterRespSchema>): Uint8Array;
/**
 * Decodes a UnRegisterResp from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function unRegisterRespFromBinary(bytes: Uint8Array): UnRegisterResp;
/**
 * A whole frame, [u32 length][u32 cmd][UnRegisterResp], in one buffer.
 */
export declare function unRegisterRespFrame(cmd: number, message: MessageInitShape<typeof UnRegisterRespSchema>): Uint8Array;
/**
 * Decodes the UnRegisterResp body of a whole frame whose header was checked.
 */
export declare function unRegisterRespFromFrame(frame: Uint8Array): UnRegisterResp;
