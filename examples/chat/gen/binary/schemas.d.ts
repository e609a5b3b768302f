import type { EventSchemas, OnewaySchemas, RequestSchemas, ResponseSchemas } from "./commands.js";
/**
 * The body schema of each event; undefined for an event without body.
 */
export declare const eventSchemas: EventSchemas;
/**
 * The body schema of each one-way command; undefined for a command without body.
 */
export declare const onewaySchemas: OnewaySchemas;
/**
 * Request/response pairing, request side: the body schema of each request; undefined for a request without body.
 */
export declare const requestSchemas: RequestSchemas;
/**
 * Request/response pairing, response side: the body schema of the answer the business sends to each request.
 */
export declare const responseSchemas: ResponseSchemas;
