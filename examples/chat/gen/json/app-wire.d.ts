/**
 * How an application protocol (one declared with `websocket:` in its
 * manifest) travels: one command per WebSocket message. No Node built-ins:
 * both the browser customer client and the business router use it.
 *
 * binary: [u32 BE command id][u32 BE request id][protobuf body]
 * json:   {"cmd":"Name","id":7,"body":{...proto3 JSON...}}
 *
 * The request id correlates a request with its answer, because the gateway
 * does not keep one customer's messages in order. It is 0 (json: absent)
 * for one-way commands and pushes. An error answer has command id 0 in
 * binary, with a body of {1: failed command id, 2: code, 3: message}; in
 * json it is {"cmd":"Name","id":7,"error":{"code":"...","message":"..."}}.
 */
/** binary: protobuf in binary WebSocket messages; json: proto3 JSON in text messages. */
export type Encoding = "binary" | "json";
/** A proto3 JSON value, as `toJson` gives it. */
export type JsonValue = number | string | boolean | null | JsonValue[] | {
    [key: string]: JsonValue;
};
/** A body as it travels: protobuf bytes (binary) or a proto3 JSON value (json). */
export type Payload = Uint8Array | JsonValue;
/** One command, as one side of an application protocol sees it. */
export interface AppCommand {
    readonly name: string;
    readonly kind: "event" | "oneway" | "request";
    /** Encodes a body this side sends (for a request: the request on the customer, the answer on the business). Absent for a command without body. */
    readonly write?: (body: unknown) => Payload;
    /** Decodes a body this side receives; throws on an invalid one. Absent for a command without body. */
    readonly read?: (payload: Payload) => unknown;
}
/** What a generated protocol tells the customer client or the business router. */
export interface AppBinding {
    /** binaryWire or jsonWire (its encoding): naming one lets a bundler leave the other out. */
    readonly wire: Wire;
    /** Every command of the protocol, by id. */
    readonly commands: {
        readonly [cmd: number]: AppCommand;
    };
    /** Every command id, by name (json messages name their command). */
    readonly ids: {
        readonly [name: string]: number;
    };
}
/**
 * Why a message could not be read:
 * - "truncated": a binary message shorter than its 8-byte header;
 * - "invalid-json": a json message that is not a JSON object of the envelope's shape;
 * - "unknown-command": a command id or name the protocol does not have;
 * - "invalid-body": a body that does not decode as the command's message, or one given to a command without body;
 * - "wrong-frame-type": a text message where binary protobuf was expected (the gateway sends text: set its Customer.SendMessageType = 2).
 */
export type MessageErrorCode = "truncated" | "invalid-json" | "unknown-command" | "invalid-body" | "wrong-frame-type";
/** An application message that cannot be read. */
export declare class MessageError extends Error {
    readonly name: "MessageError";
    readonly code: MessageErrorCode;
    /** The command id, once known. */
    readonly cmd: number | undefined;
    /** The request id, once known (0: not a request). */
    readonly id: number | undefined;
    constructor(code: MessageErrorCode, message: string, details?: {
        readonly cmd?: number;
        readonly id?: number;
        readonly cause?: unknown;
    });
}
/** A message read from the wire, its body not yet decoded. */
export type WireMessage = {
    readonly kind: "command";
    readonly cmd: number;
    readonly id: number;
    readonly payload: Payload | undefined;
} | {
    readonly kind: "error";
    readonly cmd: number;
    readonly id: number;
    readonly code: string;
    readonly message: string;
};
/** UTF-8 bytes of a string. */
export declare function utf8(s: string): Uint8Array;
/** One encoding's way of writing and reading messages. */
export interface Wire {
    readonly encoding: Encoding;
    /** Encodes a command message; payload undefined for a command without body. */
    readonly write: (cmd: number, name: string, id: number, payload: Payload | undefined) => Uint8Array | string;
    /** Encodes an error answer to command cmd (0 when it was not known) and request id (0 for none). */
    readonly writeError: (cmd: number, name: string | undefined, id: number, code: string, message: string) => Uint8Array | string;
    /** Reads one WebSocket message; throws MessageError. */
    readonly read: (binding: AppBinding, data: Uint8Array | string) => WireMessage;
}
export declare const binaryWire: Wire;
export declare const jsonWire: Wire;
/**
 * Reads one WebSocket message. Throws MessageError. A json message may come
 * as text or as UTF-8 bytes (a gateway that sends binary messages); binary
 * protobuf must come as bytes.
 */
export declare function readMessage(binding: AppBinding, data: Uint8Array | string): WireMessage;
/** Decodes a command message's body with the command's reader, as MessageError "invalid-body" on failure. */
export declare function readBody(binding: AppBinding, message: WireMessage & {
    readonly kind: "command";
}): unknown;
/** What to change when a gateway sends text where binary protobuf is expected. */
export declare const sendBinaryHint = "set the gateway's Customer.SendMessageType = 2 (binary)";
/** An error's message, or the thrown value as text. */
export declare function messageOf(error: unknown): string;
/** A string as JSON, cut at 80 characters: enough to recognise it in an error message. */
export declare function preview(s: string): string;
