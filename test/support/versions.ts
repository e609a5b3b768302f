// The generated package of each protocol version, for tests that run one
// shared body per version: `describe.each(protocolVersions)` and, inside,
// `const netsvr = netsvrOf(version)`.
//
// The two packages have different command sets, so their precise types do
// not unify; Netsvr is the API both share, typed loosely (command ids as
// numbers, bodies as unknown). Tests of one version's own facts import v2 or
// v6 directly and keep the precise types.
import type { DescMessage } from "@bufbuild/protobuf";
import * as v2 from "../../generated/dist/v2/index.js";
import * as v6 from "../../generated/dist/v6/index.js";
import type { ProtocolVersion } from "./protocols.js";

export { v2, v6 };

export type Version = ProtocolVersion["version"];

/** What the decoders return, whatever the version. */
export interface DecodedFrame {
  readonly kind: string;
  readonly cmd: number | undefined;
  readonly name: string;
  readonly body: unknown;
}

/** A FrameError, as both versions define it. */
export interface FrameErrorLike extends Error {
  readonly code: string;
  readonly cmd: number | undefined;
  readonly offset: number | undefined;
}

/** A handler of a router: gets the body and the whole frame. */
type Handler = (body: never, frame: never) => unknown;

/** The API every version's package has, typed loosely so one test body serves both. */
export interface Netsvr {
  readonly Cmd: Readonly<Record<string, number>>;
  readonly cmdNames: Readonly<Record<number, string>>;
  readonly cmdKinds: Readonly<Record<number, "event" | "oneway" | "request">>;
  readonly eventSchemas: Readonly<Record<number, DescMessage | undefined>>;
  readonly onewaySchemas: Readonly<Record<number, DescMessage | undefined>>;
  readonly requestSchemas: Readonly<Record<number, DescMessage | undefined>>;
  readonly responseSchemas: Readonly<Record<number, DescMessage | undefined>>;
  readonly encodeBusinessFrame: (cmd: number, body?: unknown) => Uint8Array;
  readonly encodeGatewayFrame: (cmd: number, body?: unknown) => Uint8Array;
  readonly decodeBusinessFrame: (frame: Uint8Array) => DecodedFrame;
  readonly decodeGatewayFrame: (frame: Uint8Array) => DecodedFrame;
  readonly encodePing: () => Uint8Array;
  readonly isPing: (frame: Uint8Array) => boolean;
  /** Only in a version whose gateway answers pings (v2); the version-only tests pin which. */
  readonly encodePong?: () => Uint8Array;
  readonly isPong?: (frame: Uint8Array) => boolean;
  readonly FrameError: new (...args: never[]) => FrameErrorLike;
  /** The same splitter code in every version, so one version's class type serves. */
  readonly FrameSplitter: typeof v2.FrameSplitter;
  readonly maxFrameSize: number;
  readonly createGatewayFrameRouter: (handlers: Readonly<Record<string, Handler>>) => (frame: DecodedFrame) => unknown;
  readonly createPartialGatewayFrameRouter: (
    handlers: Readonly<Record<string, Handler>>,
    fallback: (frame: DecodedFrame) => unknown,
  ) => (frame: DecodedFrame) => unknown;
  readonly createBusinessFrameRouter: (handlers: Readonly<Record<string, Handler>>) => (frame: DecodedFrame) => Promise<Uint8Array | undefined>;
  readonly createPartialBusinessFrameRouter: (
    handlers: Readonly<Record<string, Handler>>,
    fallback: (frame: DecodedFrame) => unknown,
  ) => (frame: DecodedFrame) => Promise<Uint8Array | undefined>;
  /** Everything else (per-command encoders, codecs, schemas) by name: see exportOf. */
  readonly [name: string]: unknown;
}

const packages: Readonly<Record<Version, unknown>> = { v2, v6 };

/** The generated package of a version (generated/dist/<version>/index.js). */
export function netsvrOf(version: Version): Netsvr {
  return packages[version] as Netsvr;
}

/**
 * An export of a version's package by name, e.g. exportOf<Codec>(netsvr, "connInfoRespToBinary"),
 * failing loudly when the package lacks it rather than handing out undefined.
 */
export function exportOf<T>(netsvr: Netsvr, name: string): T {
  if (!(name in netsvr)) throw new Error(`the generated package does not export ${name}`);
  return netsvr[name] as T;
}

/** A per-command encoder by name, e.g. encodeSingleCast or encodeUniqIdCountRequest. */
export function encoderOf(netsvr: Netsvr, name: string): (body?: unknown) => Uint8Array {
  const encoder = exportOf<unknown>(netsvr, name);
  if (typeof encoder !== "function") throw new Error(`${name} is not a function`);
  return encoder as (body?: unknown) => Uint8Array;
}

/** The heartbeats a gateway sends: v2's pong, none in v6 (its gateway does not answer pings). */
export function gatewayHeartbeats(netsvr: Netsvr): Uint8Array[] {
  return netsvr.encodePong === undefined ? [] : [netsvr.encodePong()];
}
