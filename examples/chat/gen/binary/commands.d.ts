import type { HistoryRequestSchema, HistoryResponseSchema, JoinRequestSchema, JoinResponseSchema, LeaveSchema, PresenceSchema, SaidSchema, SaySchema, SignInRequestSchema, SignInResponseSchema } from "./chat_pb.js";
import type { DescMessage, MessageInitShape, MessageShape } from "@bufbuild/protobuf";
/**
 * Command ids: the u32 that starts each WebSocket message (json: its name).
 */
export declare const Cmd: {
    /**
     * Customer -> business request; body SignInRequest, answered with SignInResponse.
     */
    readonly SignIn: 1;
    /**
     * Customer -> business request; body JoinRequest, answered with JoinResponse.
     */
    readonly Join: 2;
    /**
     * Customer -> business one-way command; body Leave.
     */
    readonly Leave: 3;
    /**
     * Customer -> business one-way command; body Say.
     */
    readonly Say: 4;
    /**
     * Customer -> business request; body HistoryRequest, answered with HistoryResponse.
     */
    readonly History: 5;
    /**
     * Business -> customer event; body Said.
     */
    readonly Said: 10;
    /**
     * Business -> customer event; body Presence.
     */
    readonly Presence: 11;
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
 * Events: one-way frames a business sends to a customer.
 */
export type EventCmd = typeof Cmd.Said | typeof Cmd.Presence;
/**
 * One-way commands a customer sends to a business.
 */
export type OnewayCmd = typeof Cmd.Leave | typeof Cmd.Say;
/**
 * Requests a customer sends; the business answers each with a frame of the same id.
 */
export type RequestCmd = typeof Cmd.SignIn | typeof Cmd.Join | typeof Cmd.History;
/**
 * Ids of the commands a business sends: events and responses.
 */
export type BusinessCmd = EventCmd | RequestCmd;
/**
 * Ids of the commands a customer sends: one-way commands and requests.
 */
export type CustomerCmd = OnewayCmd | RequestCmd;
/**
 * The name of each command id.
 */
export interface CmdNames {
    readonly [Cmd.SignIn]: "SignIn";
    readonly [Cmd.Join]: "Join";
    readonly [Cmd.Leave]: "Leave";
    readonly [Cmd.Say]: "Say";
    readonly [Cmd.History]: "History";
    readonly [Cmd.Said]: "Said";
    readonly [Cmd.Presence]: "Presence";
}
export declare const cmdNames: CmdNames;
/**
 * The kind of each command: "event" (business -> customer), "oneway" (customer -> business) or "request" (customer -> business, answered).
 */
export interface CmdKinds {
    readonly [Cmd.SignIn]: "request";
    readonly [Cmd.Join]: "request";
    readonly [Cmd.Leave]: "oneway";
    readonly [Cmd.Say]: "oneway";
    readonly [Cmd.History]: "request";
    readonly [Cmd.Said]: "event";
    readonly [Cmd.Presence]: "event";
}
export declare const cmdKinds: CmdKinds;
/**
 * The body schema of each event; undefined for an event without body.
 */
export interface EventSchemas {
    readonly [Cmd.Said]: typeof SaidSchema;
    readonly [Cmd.Presence]: typeof PresenceSchema;
}
/**
 * The body schema of each one-way command; undefined for a command without body.
 */
export interface OnewaySchemas {
    readonly [Cmd.Leave]: typeof LeaveSchema;
    readonly [Cmd.Say]: typeof SaySchema;
}
/**
 * Request/response pairing, request side: the body schema of each request; undefined for a request without body.
 */
export interface RequestSchemas {
    readonly [Cmd.SignIn]: typeof SignInRequestSchema;
    readonly [Cmd.Join]: typeof JoinRequestSchema;
    readonly [Cmd.History]: typeof HistoryRequestSchema;
}
/**
 * Request/response pairing, response side: the body schema of the answer the business sends to each request.
 */
export interface ResponseSchemas {
    readonly [Cmd.SignIn]: typeof SignInResponseSchema;
    readonly [Cmd.Join]: typeof JoinResponseSchema;
    readonly [Cmd.History]: typeof HistoryResponseSchema;
}
/**
 * The decoded body a schema table entry stands for: the message, or undefined for no body.
 */
export type BodyOf<S extends DescMessage | undefined> = S extends DescMessage ? MessageShape<S> : undefined;
/**
 * What an encoder takes for a schema table entry: a message or its init object, or undefined for no body.
 */
export type BodyInitOf<S extends DescMessage | undefined> = S extends DescMessage ? MessageInitShape<S> : undefined;
