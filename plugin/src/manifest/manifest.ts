/** The command manifest as written, after validation against its JSON Schema. */
export interface Manifest {
  /** Where the manifest was read from, for messages. */
  readonly path: string;
  readonly version: 1;
  readonly server?: string;
  readonly client?: string;
  readonly commandEnum?: { readonly name: string; readonly unused?: readonly string[] };
  /** Both directions, or each its own. */
  readonly maxFrameSize?: number | { readonly toServer: number; readonly toClient: number };
  readonly heartbeat?: { readonly ping: string; readonly pong?: string };
  /** Port role name -> its documentation. */
  readonly ports?: { readonly [name: string]: string };
  readonly registration?: {
    readonly register: string;
    readonly unregister: string;
    readonly status: string;
    /** Unregister request field -> "request.<field>" or "response.<field>". */
    readonly unregisterFields: { readonly [field: string]: string };
    /** Register request field that, above 1, lets the server answer out of order. */
    readonly concurrency?: string;
  };
  readonly extraTypes?: readonly string[];
  readonly routing?: {
    readonly field: string;
    readonly prefixLength: number;
    readonly prefix?: "address";
    /** Rename command name -> the body field with the new id. */
    readonly renames?: { readonly [command: string]: string };
    readonly learnFrom?: readonly string[];
    readonly forgetOn?: readonly string[];
  };
  /** How customers' messages reach a client and how it answers them (a gateway protocol). */
  readonly customers?: {
    readonly prefix?: number;
    readonly heartbeat?: { readonly ping: string; readonly pong?: string };
    readonly receive: string;
    readonly reply: string;
    readonly send: readonly string[];
  };
  /** Present for an application protocol: one command per WebSocket message. */
  readonly websocket?: { readonly encoding: "binary" | "json"; readonly undecodable?: "error" | "drop" };
  readonly commands: readonly ManifestCommand[];
  /** "file:line:col: entry" of a JSON path into the manifest, the prefix of a message about it. */
  readonly locate: (at: readonly (string | number)[]) => string;
}

export type ManifestCommand = ManifestOneWay | ManifestRequest;

interface ManifestCommandBase {
  readonly name: string;
  readonly id: number;
  readonly doc?: string;
  readonly port?: string;
  /** "file:line:col: commands[i] (Name)", the prefix of every message about this entry. */
  readonly where: string;
}

export interface ManifestOneWay extends ManifestCommandBase {
  readonly kind: "event" | "oneway";
  readonly message: string | null;
}

export interface ManifestRequest extends ManifestCommandBase {
  readonly kind: "request";
  readonly request: string | null;
  readonly response: string;
  readonly merge?: "none" | ManifestMergeRules;
}

/** Response field -> how the answers of several servers combine. */
export interface ManifestMergeRules {
  readonly [field: string]: MergeRuleName | ManifestMergeRules;
}

export type MergeRuleName = "sum" | "union" | "concat" | "unique" | "omit";
