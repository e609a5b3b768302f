import type { DescMessage } from "@bufbuild/protobuf";

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
  /** Largest frame payload (after the length prefix) a peer accepts. */
  readonly maxFrameSize: number;
  readonly heartbeat: Heartbeat | undefined;
  /** In manifest order. */
  readonly commands: readonly Command[];
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
}
