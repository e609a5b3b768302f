import type { DescEnum, DescField, DescMessage } from "@bufbuild/protobuf";

/**
 * Everything the emitters need, resolved and checked: one model of the
 * protocol built from the manifest and the protos.
 */
export interface Protocol {
  /** The manifest's path, named in generated headers. */
  readonly manifestPath: string;
  /** Name of the side that answers requests, e.g. "gateway". */
  readonly server: string;
  /** Name of the side that sends requests, e.g. "business". */
  readonly client: string;
  /** Largest frame payload (after the length prefix) the server accepts, and a client reads by default. */
  readonly maxFrameSize: { readonly toServer: number; readonly toClient: number };
  readonly heartbeat: Heartbeat | undefined;
  /** In manifest order. */
  readonly commands: readonly Command[];
  /** Port roles in manifest order; empty when the server has one port. */
  readonly ports: readonly Port[];
  readonly registration: Registration | undefined;
  readonly routing: Routing | undefined;
  /** Messages and enums offered although no command body reaches them. */
  readonly extraTypes: readonly (DescMessage | DescEnum)[];
  /** An application protocol's framing; undefined for length-prefixed frames. */
  readonly websocket: WebSocketFraming | undefined;
  /** How customers' messages reach a client and how it answers them (a gateway protocol). */
  readonly customers: Customers | undefined;
}

/** One command per WebSocket message, between customers (client) and a business (server). */
export interface WebSocketFraming {
  readonly encoding: "binary" | "json";
  /** What the business does with a customer message it cannot decode. */
  readonly undecodable: "error" | "drop";
}

/** The customer side of a gateway, for application protocols that travel through it. */
export interface Customers {
  /** Digits of the worker id that start every customer message; undefined for none. */
  readonly prefix: number | undefined;
  readonly heartbeat: Heartbeat | undefined;
  /** The event carrying one customer message in its bytes field `data`. */
  readonly receive: OneWayCommand & { readonly message: DescMessage };
  /** The receive body's fields other than data: what a client learns of a message's sender. */
  readonly senderFields: readonly DescField[];
  /** How a message's sender is answered; its target field is also a sender field. */
  readonly reply: CustomerSend & { readonly target: DescField };
  /** Ways to send data to customers, in manifest order. */
  readonly send: readonly CustomerSend[];
}

/** A one-way command whose body is `data` plus at most one field naming who gets it. */
export interface CustomerSend {
  readonly command: OneWayCommand & { readonly message: DescMessage };
  /** A string or repeated string field; undefined: the command sends to everyone. */
  readonly target: DescField | undefined;
}

export interface Port {
  readonly name: string;
  readonly doc: string;
}

/** The request that subscribes a connection to events, and the one that cancels it. */
export interface Registration {
  readonly register: RequestCommand & { readonly request: DescMessage };
  readonly unregister: RequestCommand;
  /** The enum field of the register response whose 0 value means success. */
  readonly status: DescField & { readonly fieldKind: "enum" };
  /** How the unregister request is filled from the registration. */
  readonly unregisterFields: readonly {
    readonly field: DescField;
    readonly from: "request" | "response";
    readonly source: DescField;
  }[];
  /** A numeric register request field: above 1, answers on the connection may come out of order. */
  readonly concurrency: DescField | undefined;
}

/** How a client of several servers finds the owner of a body. */
export interface Routing {
  /** Local name of the string body field that names the owner. */
  readonly field: string;
  readonly prefixLength: number;
  /** "address": a server's prefix is the hex of its IPv4 address and port. */
  readonly prefix: "address" | undefined;
  /** Commands whose body has that field, in manifest order. */
  readonly commands: readonly Command[];
  /** The port all of them belong to; undefined when the protocol has no ports. */
  readonly port: string | undefined;
  /** One-way commands that rename an id, and the local name of their new-id field; ids may then not carry their owner's prefix. */
  readonly renames: readonly { readonly command: Command; readonly newField: string }[];
  /** Events whose body's field names an id the sending server holds. */
  readonly learnFrom: readonly Command[];
  /** Events after which the body's id is held by nobody. */
  readonly forgetOn: readonly Command[];
}

export interface Heartbeat {
  /** Whole payload of the frame the client sends. */
  readonly ping: string;
  /** Whole payload of the server's answer, if it answers. */
  readonly pong: string | undefined;
}

/** event: server -> client; oneway: client -> server; request: client -> server, answered. */
export type CommandKind = "event" | "oneway" | "request";

export type Command = OneWayCommand | RequestCommand;

interface CommandBase {
  readonly name: string;
  readonly id: number;
  /** Documentation for generated code; never empty. */
  readonly doc: string;
  /** The port role the command belongs to; undefined when the protocol has no ports. */
  readonly port: string | undefined;
}

export interface OneWayCommand extends CommandBase {
  readonly kind: "event" | "oneway";
  /** undefined: the frame has no body. */
  readonly message: DescMessage | undefined;
}

export interface RequestCommand extends CommandBase {
  readonly kind: "request";
  /** undefined: the request frame has no body. */
  readonly request: DescMessage | undefined;
  readonly response: DescMessage;
  /** How the answers of several servers combine; undefined when no combination is correct. */
  readonly merge: MergeRules | undefined;
}

/** A rule for every field of a message (a response, or a map's message values). */
export type MergeRules = readonly { readonly field: DescField; readonly rule: MergeRuleName | MergeRules }[];

export type MergeRuleName = "sum" | "union" | "concat" | "unique" | "omit";
