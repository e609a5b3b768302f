import type { BodyOf, Cmd, CmdNames, EventCmd, EventSchemas, OnewayCmd, OnewaySchemas, RequestCmd, RequestSchemas, ResponseSchemas } from "./commands.js";
/**
 * A decoded command frame. kind says who sent it: "event" and "response" come from a gateway, "oneway" and "request" from a business.
 */
export interface CommandFrame<Kind extends string, C extends Cmd, Body> {
    readonly kind: Kind;
    readonly cmd: C;
    readonly name: CmdNames[C];
    readonly body: Body;
}
/**
 * An event from a gateway.
 */
export type EventFrame<C extends EventCmd = EventCmd> = {
    [K in C]: CommandFrame<"event", K, BodyOf<EventSchemas[K]>>;
}[C];
/**
 * A gateway's answer to a request.
 */
export type ResponseFrame<C extends RequestCmd = RequestCmd> = {
    [K in C]: CommandFrame<"response", K, BodyOf<ResponseSchemas[K]>>;
}[C];
/**
 * A one-way command from a business.
 */
export type OnewayFrame<C extends OnewayCmd = OnewayCmd> = {
    [K in C]: CommandFrame<"oneway", K, BodyOf<OnewaySchemas[K]>>;
}[C];
/**
 * A request from a business.
 */
export type RequestFrame<C extends RequestCmd = RequestCmd> = {
    [K in C]: CommandFrame<"request", K, BodyOf<RequestSchemas[K]>>;
}[C];
/**
 * A heartbeat from a business: the whole payload is "~6YOt5rW35piO~".
 */
export interface PingFrame {
    readonly kind: "ping";
    readonly cmd: undefined;
    readonly name: "Ping";
    readonly body: undefined;
}
/**
 * Every frame a gateway sends to a business.
 */
export type GatewayFrame = EventFrame | ResponseFrame;
/**
 * Every frame a business sends to a gateway.
 */
export type BusinessFrame = OnewayFrame | RequestFrame | PingFrame;
