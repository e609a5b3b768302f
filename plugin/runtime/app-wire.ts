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
export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };

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
  readonly commands: { readonly [cmd: number]: AppCommand };
  /** Every command id, by name (json messages name their command). */
  readonly ids: { readonly [name: string]: number };
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
export class MessageError extends Error {
  override readonly name: "MessageError" = "MessageError";
  readonly code: MessageErrorCode;
  /** The command id, once known. */
  readonly cmd: number | undefined;
  /** The request id, once known (0: not a request). */
  readonly id: number | undefined;

  constructor(code: MessageErrorCode, message: string, details: { readonly cmd?: number; readonly id?: number; readonly cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.cmd = details.cmd;
    this.id = details.id;
  }
}

/** A message read from the wire, its body not yet decoded. */
export type WireMessage =
  | { readonly kind: "command"; readonly cmd: number; readonly id: number; readonly payload: Payload | undefined }
  | { readonly kind: "error"; readonly cmd: number; readonly id: number; readonly code: string; readonly message: string };

// Through globalThis: every runtime has them, and a consumer compiling
// without the DOM or Node types must still be able to type-check.
const text = globalThis as unknown as {
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  TextEncoder: new () => { encode(s: string): Uint8Array };
};
const utf8Decoder = new text.TextDecoder("utf-8", { fatal: true });
const utf8Encoder = new text.TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(s: string): Uint8Array {
  return utf8Encoder.encode(s);
}

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

export const binaryWire: Wire = { encoding: "binary", write: writeBinary, writeError: writeBinaryError, read: readBinary };

export const jsonWire: Wire = { encoding: "json", write: writeJson, writeError: writeJsonError, read: readJson };

/**
 * Reads one WebSocket message. Throws MessageError. A json message may come
 * as text or as UTF-8 bytes (a gateway that sends binary messages); binary
 * protobuf must come as bytes.
 */
export function readMessage(binding: AppBinding, data: Uint8Array | string): WireMessage {
  return binding.wire.read(binding, data);
}

function writeJson(_cmd: number, name: string, id: number, payload: Payload | undefined): string {
  const envelope: { [key: string]: JsonValue } = { cmd: name };
  if (id !== 0) envelope["id"] = id;
  if (payload !== undefined) envelope["body"] = payload as JsonValue;
  return JSON.stringify(envelope);
}

function writeBinary(cmd: number, _name: string, id: number, payload: Payload | undefined): Uint8Array {
  const body = payload === undefined ? new Uint8Array(0) : (payload as Uint8Array);
  const message = new Uint8Array(8 + body.length);
  const view = new DataView(message.buffer);
  view.setUint32(0, cmd);
  view.setUint32(4, id);
  message.set(body, 8);
  return message;
}

function writeJsonError(cmd: number, name: string | undefined, id: number, code: string, message: string): string {
  const envelope: { [key: string]: JsonValue } = { cmd: name ?? cmd };
  if (id !== 0) envelope["id"] = id;
  envelope["error"] = { code, message };
  return JSON.stringify(envelope);
}

function writeBinaryError(cmd: number, _name: string | undefined, id: number, code: string, message: string): Uint8Array {
  const codeBytes = utf8(code);
  const messageBytes = utf8(message);
  const body: number[] = [];
  if (cmd !== 0) {
    body.push(0x08);
    pushVarint(body, cmd);
  }
  body.push(0x12);
  pushVarint(body, codeBytes.length);
  body.push(...codeBytes);
  body.push(0x1a);
  pushVarint(body, messageBytes.length);
  const head = new Uint8Array(8 + body.length + messageBytes.length);
  const view = new DataView(head.buffer);
  view.setUint32(0, 0);
  view.setUint32(4, id);
  head.set(body, 8);
  head.set(messageBytes, 8 + body.length);
  return head;
}

/** Decodes a command message's body with the command's reader, as MessageError "invalid-body" on failure. */
export function readBody(binding: AppBinding, message: WireMessage & { readonly kind: "command" }): unknown {
  const command = binding.commands[message.cmd];
  if (command === undefined) {
    throw new MessageError("unknown-command", `unknown command id ${message.cmd}`, { cmd: message.cmd, id: message.id });
  }
  if (command.read === undefined) {
    if (message.payload !== undefined && !(message.payload instanceof Uint8Array && message.payload.length === 0)) {
      throw new MessageError("invalid-body", `${command.name} has no body, but the message carries one`, { cmd: message.cmd, id: message.id });
    }
    return undefined;
  }
  try {
    return command.read(message.payload ?? (binding.wire.encoding === "json" ? {} : new Uint8Array(0)));
  } catch (cause) {
    throw new MessageError("invalid-body", `${command.name}: invalid body: ${messageOf(cause)}`, { cmd: message.cmd, id: message.id, cause });
  }
}

function readBinary(binding: AppBinding, data: Uint8Array | string): WireMessage {
  if (typeof data === "string") {
    throw new MessageError(
      "wrong-frame-type",
      `a text WebSocket message arrived where binary protobuf was expected: the gateway sends text messages; ${sendBinaryHint}, or use encoding json`,
    );
  }
  if (data.length < 8) {
    throw new MessageError("truncated", `a message of ${data.length} bytes is shorter than its 8-byte header`);
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const cmd = view.getUint32(0);
  const id = view.getUint32(4);
  const body = data.subarray(8);
  if (cmd === 0) return readBinaryError(body, id);
  if (binding.commands[cmd] === undefined) {
    throw new MessageError("unknown-command", `unknown command id ${cmd}`, { cmd, id });
  }
  return { kind: "command", cmd, id, payload: body };
}

function readBinaryError(body: Uint8Array, id: number): WireMessage {
  let cmd = 0;
  let code = "";
  let message = "";
  let at = 0;
  const malformed = (why: string, cause?: unknown): MessageError => new MessageError("invalid-body", `an error message ${why}`, { cmd: 0, id, cause });
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; shift < 35 && at < body.length; shift += 7) {
      const byte = body[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw malformed("has a malformed varint");
  };
  const skip = (length: number): Uint8Array => {
    if (at + length > body.length) throw malformed("is truncated");
    return body.subarray(at, (at += length));
  };
  const string = (): string => {
    const bytes = skip(varint());
    try {
      return utf8Decoder.decode(bytes);
    } catch (cause) {
      throw malformed("has invalid UTF-8", cause);
    }
  };
  while (at < body.length) {
    const tag = varint();
    if (tag === 0x08) cmd = varint();
    else if (tag === 0x12) code = string();
    else if (tag === 0x1a) message = string();
    else if (tag >>> 3 <= 3) throw malformed(`has field ${tag >>> 3} with wire type ${tag & 7}`);
    // Other fields are skipped, as protobuf skips them: a later version may add some.
    else if ((tag & 7) === 0) varint();
    else if ((tag & 7) === 2) skip(varint());
    else if ((tag & 7) === 1) skip(8);
    else if ((tag & 7) === 5) skip(4);
    else throw malformed(`has a field of wire type ${tag & 7}`);
  }
  return { kind: "error", cmd, id, code, message };
}

function readJson(binding: AppBinding, data: Uint8Array | string): WireMessage {
  let textData: string;
  if (typeof data === "string") {
    textData = data;
  } else {
    try {
      textData = utf8Decoder.decode(data);
    } catch (cause) {
      throw new MessageError("invalid-json", "a message is not valid UTF-8", { cause });
    }
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(textData);
  } catch (cause) {
    throw new MessageError("invalid-json", `a message is not JSON: ${preview(textData)}`, { cause });
  }
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) {
    throw new MessageError("invalid-json", `a message is not a JSON object: ${preview(textData)}`);
  }
  const fields = envelope as { readonly [key: string]: unknown };
  const idField = "id" in fields ? fields["id"] : 0;
  if (typeof idField !== "number" || !Number.isInteger(idField) || idField < 0 || idField > 0xffffffff) {
    throw new MessageError("invalid-json", `a message's "id" must be an integer in [0, 2^32), got ${JSON.stringify(idField)}`);
  }
  const id = idField;
  const cmdField = fields["cmd"];
  const cmd = typeof cmdField === "string" ? binding.ids[cmdField] : cmdField;
  const error = fields["error"];
  if (error !== undefined) {
    const { code, message } = (typeof error === "object" && error !== null ? error : {}) as { readonly code?: unknown; readonly message?: unknown };
    if (typeof code !== "string" || typeof message !== "string") {
      throw new MessageError("invalid-json", `an error message needs "error": {"code": string, "message": string}: ${preview(textData)}`, { id });
    }
    return { kind: "error", cmd: typeof cmd === "number" ? cmd : 0, id, code, message };
  }
  if (typeof cmd !== "number" || binding.commands[cmd] === undefined) {
    throw new MessageError("unknown-command", `unknown command ${JSON.stringify(cmdField)}`, { id });
  }
  return { kind: "command", cmd, id, payload: fields["body"] as JsonValue | undefined };
}

/** What to change when a gateway sends text where binary protobuf is expected. */
export const sendBinaryHint = "set the gateway's Customer.SendMessageType = 2 (binary)";

/** An error's message, or the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A string as JSON, cut at 80 characters: enough to recognise it in an error message. */
export function preview(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}...` : s);
}

function pushVarint(into: number[], value: number): void {
  while (value > 0x7f) {
    into.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  into.push(value);
}
