import type { MessageInitShape } from "@bufbuild/protobuf";
import type { HistoryRequest, HistoryRequestSchema, HistoryResponse, HistoryResponseSchema, JoinRequest, JoinRequestSchema, JoinResponse, JoinResponseSchema, Leave, LeaveSchema, Presence, PresenceSchema, Said, SaidSchema, Say, SaySchema, SignInRequest, SignInRequestSchema, SignInResponse, SignInResponseSchema } from "./chat_pb.js";
/**
 * Encodes a HistoryRequest (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function historyRequestToBinary(message: MessageInitShape<typeof HistoryRequestSchema>): Uint8Array;
/**
 * Decodes a HistoryRequest from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function historyRequestFromBinary(bytes: Uint8Array): HistoryRequest;
/**
 * Encodes a HistoryResponse (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function historyResponseToBinary(message: MessageInitShape<typeof HistoryResponseSchema>): Uint8Array;
/**
 * Decodes a HistoryResponse from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function historyResponseFromBinary(bytes: Uint8Array): HistoryResponse;
/**
 * Encodes a JoinRequest (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function joinRequestToBinary(message: MessageInitShape<typeof JoinRequestSchema>): Uint8Array;
/**
 * Decodes a JoinRequest from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function joinRequestFromBinary(bytes: Uint8Array): JoinRequest;
/**
 * Encodes a JoinResponse (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function joinResponseToBinary(message: MessageInitShape<typeof JoinResponseSchema>): Uint8Array;
/**
 * Decodes a JoinResponse from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function joinResponseFromBinary(bytes: Uint8Array): JoinResponse;
/**
 * Encodes a Leave (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function leaveToBinary(message: MessageInitShape<typeof LeaveSchema>): Uint8Array;
/**
 * Decodes a Leave from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function leaveFromBinary(bytes: Uint8Array): Leave;
/**
 * Encodes a Presence (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function presenceToBinary(message: MessageInitShape<typeof PresenceSchema>): Uint8Array;
/**
 * Decodes a Presence from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function presenceFromBinary(bytes: Uint8Array): Presence;
/**
 * Encodes a Said (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function saidToBinary(message: MessageInitShape<typeof SaidSchema>): Uint8Array;
/**
 * Decodes a Said from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function saidFromBinary(bytes: Uint8Array): Said;
/**
 * Encodes a Say (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function sayToBinary(message: MessageInitShape<typeof SaySchema>): Uint8Array;
/**
 * Decodes a Say from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function sayFromBinary(bytes: Uint8Array): Say;
/**
 * Encodes a SignInRequest (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function signInRequestToBinary(message: MessageInitShape<typeof SignInRequestSchema>): Uint8Array;
/**
 * Decodes a SignInRequest from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function signInRequestFromBinary(bytes: Uint8Array): SignInRequest;
/**
 * Encodes a SignInResponse (a message or its init object) to protobuf binary, as toBinary() does.
 */
export declare function signInResponseToBinary(message: MessageInitShape<typeof SignInResponseSchema>): Uint8Array;
/**
 * Decodes a SignInResponse from protobuf binary, as fromBinary() does; bytes fields are views into the input.
 */
export declare function signInResponseFromBinary(bytes: Uint8Array): SignInResponse;
