import type { HistoryRequest, HistoryResponse, JoinRequest, JoinResponse, Leave, Presence, Said, Say, SignInRequest, SignInResponse } from "./chat_pb.js";
import { HistoryRequestSchema, HistoryResponseSchema, JoinRequestSchema, JoinResponseSchema, LeaveSchema, PresenceSchema, SaidSchema, SaySchema, SignInRequestSchema, SignInResponseSchema } from "./chat_pb.js";
export * from "./commands.js";
export * from "./schemas.js";
export * from "./customer.js";
export * from "./business.js";
export { MessageError, type Encoding, type MessageErrorCode } from "./app-wire.js";
export { HistoryRequestSchema, type HistoryRequest, HistoryResponseSchema, type HistoryResponse, JoinRequestSchema, type JoinRequest, JoinResponseSchema, type JoinResponse, LeaveSchema, type Leave, PresenceSchema, type Presence, SaidSchema, type Said, SaySchema, type Say, SignInRequestSchema, type SignInRequest, SignInResponseSchema, type SignInResponse, };
