/**
 * Type-level tests of the published netsvr-protocol package (generated/dist/<version>/*.d.ts),
 * for every protocol version.
 *
 * Each snippet is a small consumer module that imports from "netsvr-protocol/v2"
 * or "netsvr-protocol/v6" by name, exactly as a user of the package would: the
 * import goes through node_modules/netsvr-protocol (a symlink to generated/)
 * and its package.json "exports" map to dist/<version>/index.d.ts, so the
 * declarations under test are the published ones, not generated/src. No
 * `paths` mapping is needed since the exports map resolves (were it ever
 * dropped, the fallback is `paths: { "netsvr-protocol/v2": ["<repo>/generated/dist/v2/index.d.ts"] }`);
 * a test below pins the resolution, so a broken map fails loudly instead of
 * silently testing something else.
 *
 * Most snippets are shared: snippetsFor(version) writes them for one version,
 * with that version's command ids and Register fields. Each version adds
 * snippets of its own facts (v2: the pong; v6: ports, Event, ConnOpenResp, no pong).
 *
 * One ts-morph Project holds every snippet of every version as an in-memory
 * source file, so the program is built and checked once. Snippets either must
 * compile (zero diagnostics) or must fail with exactly the diagnostics listed:
 * code, message text, and the line, marked in the snippet with an ERROR block
 * comment. That makes a negative case fail if the error disappears, moves, or
 * changes nature (e.g. an "unknown property" error turning into "cannot find name").
 *
 * Set NETSVR_PRINT_DIAGNOSTICS=1 to print every snippet's diagnostics.
 */
import { join } from "node:path";
import { realpathSync } from "node:fs";
import { Node, Project, SyntaxKind, ts, type Diagnostic, type SourceFile, type Type } from "ts-morph";
import { beforeAll, describe, expect, test } from "vitest";
import { protocolVersions, type ProtocolVersion } from "./support/protocols.js";
import { repoRoot } from "./support/repo.js";
import { netsvrOf, type Version } from "./support/versions.js";

/** Snippets live only in the project's memory; this directory is never written. */
const snippetDir = join(repoRoot, "test/__type_snippets__");

/** The strictest settings a consumer is likely to use; the package must hold up under all of them. */
const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  // NodeNext: how Node (and tsc for Node) consumers resolve the package, through its "exports" map.
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts"],
  types: [],
  noEmit: true,
};

/** The published declarations of a version, as the exports map finds them. */
const distDirOf = (protocol: ProtocolVersion): string => realpathSync(join(repoRoot, protocol.dist));

// ---------------------------------------------------------------------------
// What differs between versions, as the snippets need it
// ---------------------------------------------------------------------------

interface VersionFacts {
  /** Imported by every snippet of the version, on top of what both versions export. */
  readonly extraImports: readonly string[];
  readonly extraTypeImports: readonly string[];
  /** A RegisterReq init, and the type TypeScript prints for it in an error. */
  readonly registerInit: string;
  readonly registerInitType: string;
  /** A RegisterReq init with more than one field. */
  readonly fullRegisterInit: string;
  /** The RegisterResp field naming the registration. */
  readonly registrationId: "registerId" | "connId";
  /** Whether the gateway answers a ping with a pong frame. */
  readonly pong: boolean;
}

const versionFacts: Readonly<Record<Version, VersionFacts>> = {
  v2: {
    extraImports: [],
    extraTypeImports: ["PongFrame"],
    registerInit: "{ workerId: 1 }",
    registerInitType: "{ workerId: number; }",
    fullRegisterInit: "{ workerId: 1, processCmdGoroutineNum: 4 }",
    registrationId: "registerId",
    pong: true,
  },
  v6: {
    extraImports: ["Event", "cmdPorts", "connOpenRespToBinary", "connOpenRespFromBinary"],
    extraTypeImports: ["ConnOpenResp", "Port", "TaskPortCmd", "WorkerPortCmd"],
    registerInit: "{ events: 1 }",
    registerInitType: "{ events: number; }",
    fullRegisterInit: "{ events: Event.OnOpen | Event.OnClose | Event.OnMessage }",
    registrationId: "connId",
    pong: false,
  },
};

// ---------------------------------------------------------------------------
// Snippet helpers
// ---------------------------------------------------------------------------

/** Marks the line where a must-not-compile snippet is expected to fail. */
const ERROR = "/*ERROR*/";

/** Prepended to every snippet of a version: the imports and a few declared values and type helpers. */
function preludeFor(protocol: ProtocolVersion): string {
  const facts = versionFacts[protocol.version];
  return `
import { create } from "@bufbuild/protobuf";
import {
  Cmd, RegisterRespCode, RegisterRespSchema, CheckOnlineRespSchema, SingleCastSchema, UniqIdCountRespSchema,
  requestSchemas, responseSchemas, cmdNames,
  encodeSingleCast, encodeRegisterRequest, encodeUniqIdCountRequest, encodeBusinessFrame, encodeGatewayFrame,
  decodeGatewayFrame, decodeBusinessFrame,
  createGatewayFrameRouter, createPartialGatewayFrameRouter,
  createBusinessFrameRouter, createPartialBusinessFrameRouter,
  FrameError, FrameSplitter,${facts.extraImports.map((name) => ` ${name},`).join("")}
} from "${protocol.entry}";
import type {
  BodyOf, BusinessCmd, BusinessFrame, CheckOnlineResp, CommandFrame, EventCmd, EventFrame, GatewayCmd, GatewayFrame,
  GatewayFrameHandlers, RegisterReq, RegisterResp, RequestCmd, RequestFrame, ResponseFrame,
  SingleCast, Transfer, UniqIdCountResp,${facts.extraTypeImports.map((name) => ` ${name},`).join("")}
} from "${protocol.entry}";

/** Exact type equality: any, unknown and never are equal only to themselves. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
/** exact<A, B>(true) compiles only when A and B are the same type. */
declare function exact<A, B>(same: Equal<A, B>): void;

declare const bytes: Uint8Array;
declare const transferMessage: Transfer;
declare const checkOnlineMessage: CheckOnlineResp;
declare const singleCastMessage: SingleCast;
// ---- snippet ----
`;
}

interface HandlerOptions {
  /** Handler expressions replacing the default one, by frame name. */
  readonly with?: Readonly<Record<string, string>>;
  /** Frame names left out. */
  readonly omit?: readonly string[];
  /** The handler expression of every other frame, instead of the default one. */
  readonly otherwise?: string;
}

/** An object literal with a handler for every frame name (minus omit), one per line. */
function handlersFor(names: readonly string[], fallback: (name: string) => string, options: HandlerOptions): string {
  const lines = names
    .filter((name) => !(options.omit ?? []).includes(name))
    .map((name) => `  ${name}: ${options.with?.[name] ?? options.otherwise ?? fallback(name)},`);
  return `{\n${lines.join("\n")}\n}`;
}

interface ExpectedDiagnostic {
  /** The TSxxxx code. */
  readonly code: number;
  /** Matched against the whole flattened message chain. */
  readonly message: RegExp;
}

interface Snippet {
  readonly name: string;
  /** Why this snippet is here. */
  readonly why: string;
  readonly code: string;
  /** Absent: must compile. Present: exactly these diagnostics, in order, each on a line marked ERROR. */
  readonly errors?: readonly ExpectedDiagnostic[];
}

/** 'X' is not assignable ..., where the chain names the message types by $typeName. */
const wrongMessage = (given: string, expected: string): RegExp =>
  new RegExp(`Types of property '\\$typeName' are incompatible\\.[\\s\\S]*'"${given}"' is not assignable to type '"${expected}"'`);

/** A version's snippets: the shared ones, written for it, then those of its own facts. */
function snippetsFor(protocol: ProtocolVersion): { mustCompile: Snippet[]; mustNotCompile: Snippet[] } {
  const facts = versionFacts[protocol.version];
  const { Cmd, cmdKinds, cmdNames } = netsvrOf(protocol.version);
  // Command ids as TypeScript prints them in messages, from the runtime tables so they follow the manifest.
  const id = (name: string): number => Cmd[name]!;

  /** Names of the frames each side sends. */
  const namesOfKind = (...kinds: string[]): string[] =>
    Object.keys(cmdKinds)
      .map(Number)
      .filter((cmd) => kinds.includes(cmdKinds[cmd]!))
      .map((cmd) => cmdNames[cmd]!);
  const gatewayFrameNames = [...namesOfKind("event", "request"), ...(facts.pong ? ["Pong"] : [])];
  const businessFrameNames = [...namesOfKind("oneway", "request"), "Ping"];
  const requestNames = new Set(namesOfKind("request"));

  /** Handlers for createGatewayFrameRouter: every frame a gateway sends, doing nothing by default. */
  const gatewayHandlers = (options: HandlerOptions = {}): string => handlersFor(gatewayFrameNames, () => "() => {}", options);

  /** Handlers for createBusinessFrameRouter: requests answer an empty response by default, the rest do nothing. */
  const businessHandlers = (options: HandlerOptions = {}): string =>
    handlersFor(businessFrameNames, (name) => (requestNames.has(name) ? "() => ({})" : "() => {}"), options);

  // -------------------------------------------------------------------------
  // Shared snippets that must compile
  // -------------------------------------------------------------------------

  const mustCompile: Snippet[] = [
    {
      name: "encoders take the init shape of their own message",
      why: "per-command encoders and the generic ones accept init objects, message values, or nothing for bodiless requests",
      code: `
        const a: Uint8Array = encodeSingleCast({ uniqId: "x", data: new Uint8Array(1) });
        encodeSingleCast(singleCastMessage);
        encodeSingleCast(create(SingleCastSchema, { uniqId: "x" }));
        encodeRegisterRequest(${facts.registerInit});
        encodeUniqIdCountRequest();
        encodeBusinessFrame(Cmd.SingleCast, { uniqId: "a" });
        encodeBusinessFrame(Cmd.UniqIdCount);
        encodeBusinessFrame(Cmd.Register, ${facts.fullRegisterInit});
        encodeGatewayFrame(Cmd.Register, { code: RegisterRespCode.Success });
        encodeGatewayFrame(Cmd.UniqIdCount, create(UniqIdCountRespSchema, { count: 3 }));
        encodeGatewayFrame(Cmd.Transfer, { uniqId: "u", session: "s", data: new Uint8Array(0) });
        exact<ReturnType<typeof encodeBusinessFrame>, Uint8Array>(true);
      `,
    },
    {
      name: "decoded gateway frames narrow by cmd, name and kind",
      why: "GatewayFrame is a discriminated union on cmd, name and kind; each narrows body to the exact message",
      code: `
        const f = decodeGatewayFrame(bytes);
        if (f.cmd === Cmd.Transfer) {
          const s: string = f.body.uniqId;
          exact<typeof f.body, Transfer>(true);
          exact<typeof f.name, "Transfer">(true);
          exact<typeof f.kind, "event">(true);
        }
        switch (f.name) {
          case "Register": {
            const id: string = f.body.${facts.registrationId};
            exact<typeof f.body, RegisterResp>(true);
            exact<typeof f.cmd, typeof Cmd.Register>(true);
            break;
          }
          case "UniqIdCount":
            exact<typeof f.body.count, number>(true);
            break;
        }
      `,
    },
    {
      name: "decoded business frames: bodiless requests have an undefined body",
      why: "requests without a message (UniqIdCount) decode to body: undefined, not an empty message",
      code: `
        const f = decodeBusinessFrame(bytes);
        if (f.kind === "request" && f.cmd === Cmd.UniqIdCount) exact<typeof f.body, undefined>(true);
        if (f.name === "Register") exact<typeof f.body, RegisterReq>(true);
        if (f.kind === "ping") exact<typeof f.cmd, undefined>(true);
      `,
    },
    {
      name: "exhaustive gateway router infers each handler's body and frame",
      why: "handler parameters are contextually typed from the frame name, no annotation needed; R is inferred",
      code: `
        const route = createGatewayFrameRouter(${gatewayHandlers({
          with: {
            Transfer: `(body, frame) => {
              exact<typeof body.session, string>(true);
              exact<typeof body, Transfer>(true);
              exact<typeof frame, EventFrame<typeof Cmd.Transfer>>(true);
              return body.data.length;
            }`,
            Register: "(body) => body.code",
            ...(facts.pong ? { Pong: "(body) => { exact<typeof body, undefined>(true); return 0; }" } : {}),
          },
          otherwise: "() => 0",
        })});
        exact<typeof route, (frame: GatewayFrame) => number>(true);
      `,
    },
    {
      name: "partial gateway router with a fallback",
      why: "only some handlers plus a fallback that gets every other frame",
      code: `
        const route = createPartialGatewayFrameRouter<string>(
          { Transfer: (body) => body.session, ConnClose: (body) => body.uniqId },
          (frame) => frame.name,
        );
        exact<Parameters<typeof route>[0], GatewayFrame>(true);
      `,
    },
    {
      name: "business router: request handlers return the paired response, sync or async",
      why: "Register answers a RegisterResp init, UniqIdCount may answer with a Promise; one-way handlers return nothing",
      code: `
        const route = createBusinessFrameRouter(${businessHandlers({
          with: {
            Register: `(body) => {
              exact<typeof body, RegisterReq>(true);
              return { code: RegisterRespCode.Success, ${facts.registrationId}: "r" };
            }`,
            UniqIdCount: "(body) => { exact<typeof body, undefined>(true); return Promise.resolve({ count: 3 }); }",
            CheckOnline: "async (body) => create(CheckOnlineRespSchema, { uniqIds: body.uniqIds })",
            SingleCast: "(body, frame) => { exact<typeof body.uniqId, string>(true); exact<typeof frame.kind, \"oneway\">(true); }",
          },
        })});
        exact<typeof route, (frame: BusinessFrame) => Promise<Uint8Array | undefined>>(true);
        createPartialBusinessFrameRouter({ Register: () => create(RegisterRespSchema) }, async () => {});
      `,
    },
    {
      name: "request/response pairing tables",
      why: "the tables map each request id to its schemas; bodiless requests map to undefined",
      code: `
        type R = (typeof responseSchemas)[typeof Cmd.Register];
        exact<R, typeof RegisterRespSchema>(true);
        const none: undefined = requestSchemas[Cmd.UniqIdCount];
        exact<(typeof requestSchemas)[typeof Cmd.UniqIdCount], undefined>(true);
        exact<ResponseFrame<typeof Cmd.Register>["body"], RegisterResp>(true);
        exact<ResponseFrame<typeof Cmd.UniqIdCount>["body"], UniqIdCountResp>(true);
        exact<RequestFrame<typeof Cmd.UniqIdCount>["body"], undefined>(true);
        exact<BodyOf<R>, RegisterResp>(true);
        exact<(typeof cmdNames)[typeof Cmd.Register], "Register">(true);
      `,
    },
    {
      name: "errors and splitter are precisely typed",
      why: "FrameError.code is a closed union; the splitter hands out Uint8Array frames",
      code: `
        declare const e: FrameError;
        exact<typeof e.code, "truncated" | "trailing-bytes" | "oversize" | "unknown-command" | "invalid-body" | "aborted">(true);
        exact<typeof e.cmd, number | undefined>(true);
        new FrameSplitter({ maxFrameSize: 10 }).push(bytes, (frame) => exact<typeof frame, Uint8Array>(true));
      `,
    },
  ];

  // -------------------------------------------------------------------------
  // Shared snippets that must not compile, each with the exact error expected
  // -------------------------------------------------------------------------

  const mustNotCompile: Snippet[] = [
    {
      name: "the exact helper rejects any and near misses (self-test)",
      why: "the must-compile snippets rely on exact<A, B>(true) failing whenever A is not exactly B",
      code: `
        exact<any, string>(true); ${ERROR}
        exact<string | undefined, string>(true); ${ERROR}
      `,
      errors: [
        { code: 2345, message: /^Argument of type 'true' is not assignable to parameter of type 'false'\.$/ },
        { code: 2345, message: /^Argument of type 'true' is not assignable to parameter of type 'false'\.$/ },
      ],
    },
    {
      name: "encoder given an unknown property",
      why: "uniqIds belongs to other messages; SingleCast has uniqId (TS offers the spelling fix)",
      code: `encodeSingleCast({ uniqIds: ["x"] }); ${ERROR}`,
      errors: [
        {
          code: 2561,
          message: /Object literal may only specify known properties, but 'uniqIds' does not exist in type 'MessageInit<SingleCast>'\. Did you mean to write 'uniqId'\?/,
        },
      ],
    },
    {
      name: "encoder given another message's value",
      why: "a Transfer message has the same field names as a SingleCast init, only its $typeName tells them apart",
      code: `encodeSingleCast(transferMessage); ${ERROR}`,
      errors: [
        {
          code: 2345,
          message: new RegExp(
            String.raw`^Argument of type 'Transfer' is not assignable to parameter of type 'MessageInit<SingleCast>'\.[\s\S]*` +
              wrongMessage("netsvr.transfer.Transfer", "netsvr.singleCast.SingleCast").source,
          ),
        },
      ],
    },
    {
      name: "generic encoder given the wrong body for the command",
      why: "the body type follows the command id: topics is not a SingleCast field",
      code: `encodeBusinessFrame(Cmd.SingleCast, { topics: [] }); ${ERROR}`,
      errors: [
        {
          code: 2345,
          message: new RegExp(
            String.raw`^Argument of type '\[${id("SingleCast")}, \{ topics: never\[\]; \}\]' is not assignable to parameter of type 'BusinessFrameArgs'\.\n[\s\S]*'topics' does not exist in type 'MessageInit<SingleCast>'\.$`,
          ),
        },
      ],
    },
    {
      name: "generic encoder given a body for a bodiless request",
      why: "UniqIdCount has no request message: the body argument must be absent, not even {}",
      code: `encodeBusinessFrame(Cmd.UniqIdCount, {}); ${ERROR}`,
      errors: [
        {
          code: 2345,
          message: new RegExp(String.raw`^Argument of type '\[${id("UniqIdCount")}, \{\}\]' is not assignable to parameter of type 'BusinessFrameArgs'\.\n[\s\S]*target allows only 1\.$`),
        },
      ],
    },
    {
      name: "encoder called without its body",
      why: "RegisterReq is a message: encodeRegisterRequest needs it",
      code: `encodeRegisterRequest(); ${ERROR}`,
      errors: [{ code: 2554, message: /^Expected 1 arguments, but got 0\.$/ }],
    },
    {
      name: "gateway response encoder called without the response body",
      why: "encodeGatewayFrame(Cmd.UniqIdCount) encodes the answer, which has a message even though the request has none",
      code: `encodeGatewayFrame(Cmd.UniqIdCount); ${ERROR}`,
      errors: [
        {
          code: 2345,
          message: new RegExp(String.raw`^Argument of type '\[${id("UniqIdCount")}\]' is not assignable to parameter of type 'GatewayFrameArgs'\.\n[\s\S]*target requires 2\.$`),
        },
      ],
    },
    {
      name: "business encoder given an event id",
      why: "Transfer is an event a gateway sends; a business cannot encode it",
      code: `encodeBusinessFrame(Cmd.Transfer, { uniqId: "u", session: "s" }); ${ERROR}`,
      errors: [
        {
          code: 2345,
          message: new RegExp(
            String.raw`^Argument of type '\[${id("Transfer")}, \{ uniqId: string; session: string; \}\]' is not assignable to parameter of type 'BusinessFrameArgs'\.`,
          ),
        },
      ],
    },
    {
      name: "gateway encoder given a one-way business command id",
      why: "SingleCast goes business -> gateway only",
      code: `encodeGatewayFrame(Cmd.SingleCast, { uniqId: "u" }); ${ERROR}`,
      errors: [
        {
          code: 2345,
          message: new RegExp(String.raw`^Argument of type '\[${id("SingleCast")}, \{ uniqId: string; \}\]' is not assignable to parameter of type 'GatewayFrameArgs'\.`),
        },
      ],
    },
    {
      name: "narrowed body read for a field it lacks",
      why: `after f.cmd === Cmd.Transfer the body is a Transfer, which has no ${facts.registrationId}`,
      code: `
        const f = decodeGatewayFrame(bytes);
        if (f.cmd === Cmd.Transfer) f.body.${facts.registrationId}; ${ERROR}
      `,
      errors: [{ code: 2339, message: new RegExp(`^Property '${facts.registrationId}' does not exist on type 'Transfer'\\.$`) }],
    },
    {
      name: "Register handler answers a UniqIdCountResp shape",
      why: "count is not a RegisterResp field: the reply type follows the request/response pairing",
      code: `createBusinessFrameRouter(${businessHandlers({ with: { Register: `() => ({ count: 1 }) ${ERROR}` } })});`,
      errors: [
        {
          code: 2322,
          // Every field of an init shape is optional (a weak type), so a shape sharing none of them is rejected whole.
          message: /^Type '\{ count: number; \}' is not assignable to type 'MessageInit<RegisterResp> \| Promise<MessageInit<RegisterResp>>'\.$/,
        },
      ],
    },
    {
      name: "Register handler answers a CheckOnlineResp message",
      why: "a message value of another response is rejected by its $typeName",
      code: `createBusinessFrameRouter(${businessHandlers({ with: { Register: `() => checkOnlineMessage ${ERROR}` } })});`,
      errors: [
        {
          code: 2322,
          message: new RegExp(
            String.raw`^Type 'CheckOnlineResp' is not assignable to type 'MessageInit<RegisterResp> \| Promise<MessageInit<RegisterResp>>'\.[\s\S]*` +
              wrongMessage("netsvr.checkOnlineResp.CheckOnlineResp", "netsvr.registerResp.RegisterResp").source,
          ),
        },
      ],
    },
    {
      name: "async Register handler resolves to the wrong response",
      why: "the Promise branch of the reply is checked too",
      code: `createBusinessFrameRouter(${businessHandlers({ with: { Register: `async () => ({ count: 1 }) ${ERROR}` } })});`,
      errors: [
        {
          code: 2322,
          message: /^Type 'Promise<\{ count: number; \}>' is not assignable to type 'MessageInit<RegisterResp> \| Promise<MessageInit<RegisterResp>>'\./,
        },
      ],
    },
    {
      name: "Register handler answers nothing",
      why: "a request handler must produce the response body; void is not one",
      code: `createBusinessFrameRouter(${businessHandlers({ with: { Register: `() => {} ${ERROR}` } })});`,
      errors: [
        {
          code: 2322,
          message: new RegExp(
            String.raw`^Type '\(\) => void' is not assignable to type '\(body: RegisterReq, frame: CommandFrame<"request", ${id("Register")}, RegisterReq>\) => [^']*'\.\n\s*Type 'void' is not assignable to type 'MessageInit<RegisterResp> \| Promise<MessageInit<RegisterResp>>'\.$`,
          ),
        },
      ],
    },
    {
      name: "exhaustive gateway router missing Transfer",
      why: "createGatewayFrameRouter needs a handler for every frame; the error names the missing one",
      code: `createGatewayFrameRouter(${ERROR} ${gatewayHandlers({ omit: ["Transfer"] })});`,
      errors: [
        {
          code: 2345,
          message: /^Argument of type '[\s\S]*' is not assignable to parameter of type 'GatewayFrameHandlers<void>'\.\n\s*Property 'Transfer' is missing in type /,
        },
      ],
    },
    {
      name: "exhaustive business router missing Ping",
      why: "the heartbeat needs a handler too",
      code: `createBusinessFrameRouter(${ERROR} ${businessHandlers({ omit: ["Ping"] })});`,
      errors: [
        {
          code: 2345,
          message: /^Argument of type '[\s\S]*' is not assignable to parameter of type 'BusinessFrameHandlers'\.\n\s*Property 'Ping' is missing in type /,
        },
      ],
    },
    {
      name: "exhaustive business router missing a request (TopicCount)",
      why: "every request must be answered",
      code: `createBusinessFrameRouter(${ERROR} ${businessHandlers({ omit: ["TopicCount"] })});`,
      errors: [
        {
          code: 2345,
          message: /^Argument of type '[\s\S]*' is not assignable to parameter of type 'BusinessFrameHandlers'\.\n\s*Property 'TopicCount' is missing in type /,
        },
      ],
    },
    {
      name: "partial router given a handler for a frame the other side sends",
      why: "a gateway never sends SingleCast: a handler for it is an excess property, not silently ignored",
      code: `createPartialGatewayFrameRouter({ SingleCast: () => {} ${ERROR} }, () => {});`,
      errors: [{ code: 2353, message: /^Object literal may only specify known properties, and 'SingleCast' does not exist in type 'Partial<GatewayFrameHandlers<void>>'\.$/ }],
    },
    {
      name: "frame types reject a command of the wrong kind",
      why: "ResponseFrame is only defined for request ids",
      code: `type X = ResponseFrame<typeof Cmd.SingleCast>; ${ERROR}`,
      errors: [{ code: 2344, message: new RegExp(String.raw`^Type '${id("SingleCast")}' does not satisfy the constraint 'RequestCmd'\.$`) }],
    },
    {
      name: "generic encoder with a union command id cannot drop a required body",
      why: "the arguments are a union of [cmd, body] tuples: with c possibly Register, the body is required",
      code: `
        declare const c: typeof Cmd.Register | typeof Cmd.UniqIdCount;
        encodeBusinessFrame(c); ${ERROR}
      `,
      errors: [
        {
          code: 2345,
          message: new RegExp(String.raw`^Argument of type '\[${id("Register")} \| ${id("UniqIdCount")}\]' is not assignable to parameter of type 'BusinessFrameArgs'\.`),
        },
      ],
    },
    {
      name: "generic encoder with a union command id cannot pass a body to a bodiless request",
      why: "with c possibly UniqIdCount, a body would be sent where the gateway expects none",
      code: `
        declare const c: typeof Cmd.Register | typeof Cmd.UniqIdCount;
        encodeBusinessFrame(c, ${facts.registerInit}); ${ERROR}
      `,
      errors: [
        {
          code: 2345,
          message: new RegExp(
            String.raw`^Argument of type '\[${id("Register")} \| ${id("UniqIdCount")}, ${escapeRegExp(facts.registerInitType)}\]' is not assignable to parameter of type 'BusinessFrameArgs'\.`,
          ),
        },
      ],
    },
    {
      name: "generic encoder with a union command id cannot pass one member's body to another",
      why: "if b were Broadcast at run time, the SingleCast target would be dropped and the data sent to every customer",
      code: `
        declare const b: typeof Cmd.SingleCast | typeof Cmd.Broadcast;
        encodeBusinessFrame(b, { uniqId: "x", data: new Uint8Array(1) }); ${ERROR}
      `,
      errors: [
        {
          code: 2345,
          message: new RegExp(
            String.raw`^Argument of type '\[${id("Broadcast")} \| ${id("SingleCast")}, \{ uniqId: string; data: Uint8Array<ArrayBuffer>; \}\]' is not assignable to parameter of type 'BusinessFrameArgs'\.`,
          ),
        },
      ],
    },
  ];

  if (facts.pong) {
    // ---- v2: the gateway answers pings with a pong frame.
    mustCompile.push({
      name: "pong frames narrow by kind; a gateway frame is an event, a response or a pong",
      why: "the pong is a member of GatewayFrame with an undefined body; the three kinds cover the union",
      code: `
        const f = decodeGatewayFrame(bytes);
        if (f.kind === "pong") {
          const u: undefined = f.body;
          exact<typeof f, PongFrame>(true);
        }
        // Every member is covered by the three kinds: nothing is left.
        switch (f.kind) {
          case "event": case "response": case "pong": break;
          default: { const nothing: never = f; }
        }
      `,
    });
  } else {
    // ---- v6: no pong; ports; Event and ConnOpenResp, exported though no command carries them.
    mustCompile.push(
      {
        name: "a gateway frame is an event or a response: there is no pong",
        why: "the v6 gateway does not answer pings, so GatewayFrame has no pong member",
        code: `
          const f = decodeGatewayFrame(bytes);
          exact<GatewayFrame["kind"], "event" | "response">(true);
          switch (f.kind) {
            case "event": case "response": break;
            default: { const nothing: never = f; }
          }
        `,
      },
      {
        name: "Port, WorkerPortCmd and TaskPortCmd split the commands by port",
        why: "Register, Unregister and the events are on the worker port, every other command on the task port",
        code: `
          exact<Port, "worker" | "task">(true);
          const w: WorkerPortCmd = Cmd.Register;
          const t: TaskPortCmd = Cmd.SingleCast;
          exact<WorkerPortCmd, EventCmd | typeof Cmd.Register | typeof Cmd.Unregister>(true);
          exact<WorkerPortCmd | TaskPortCmd, Cmd>(true);
          exact<Extract<WorkerPortCmd, TaskPortCmd>, never>(true);
          exact<(typeof cmdPorts)[typeof Cmd.Transfer], "worker">(true);
          exact<(typeof cmdPorts)[typeof Cmd.Metrics], "task">(true);
          const p: Port = cmdPorts[Cmd.Limit];
        `,
      },
      {
        name: "Event bits and the ConnOpenResp codec",
        why: "Register takes an OR of Event bits; ConnOpenResp (the HTTP callback's body) has its own codec",
        code: `
          encodeRegisterRequest({ events: Event.OnOpen | Event.OnMessage });
          const e: number = Event.OnClose;
          const encoded: Uint8Array = connOpenRespToBinary({ allow: true, newSession: "s", newTopics: ["t"], data: new Uint8Array(1) });
          exact<ReturnType<typeof connOpenRespFromBinary>, ConnOpenResp>(true);
          const allow: boolean = connOpenRespFromBinary(encoded).allow;
        `,
      },
    );
    mustNotCompile.push(
      {
        name: "a task-port command is no WorkerPortCmd",
        why: "SingleCast goes to the task port; the worker port closes the connection on it",
        code: `const w: WorkerPortCmd = Cmd.SingleCast; ${ERROR}`,
        errors: [{ code: 2322, message: new RegExp(String.raw`^Type '${id("SingleCast")}' is not assignable to type 'WorkerPortCmd'\.$`) }],
      },
      {
        name: "a worker-port command is no TaskPortCmd",
        why: "Register goes to the worker port only",
        code: `const t: TaskPortCmd = Cmd.Register; ${ERROR}`,
        errors: [{ code: 2322, message: new RegExp(String.raw`^Type '${id("Register")}' is not assignable to type 'TaskPortCmd'\.$`) }],
      },
      {
        name: "a gateway frame is never a pong",
        why: "GatewayFrame's kinds are event and response only",
        code: `
          const f = decodeGatewayFrame(bytes);
          if (f.kind === "pong") {} ${ERROR}
        `,
        errors: [{ code: 2367, message: /^This comparison appears to be unintentional because the types '"event" \| "response"' and '"pong"' have no overlap\.$/ }],
      },
      {
        name: "the package exports no pong",
        why: "no encodePong, isPong or PongFrame: a v6 business never receives a pong",
        code: `
          import { encodePong } from "${protocol.entry}"; ${ERROR}
          import { isPong } from "${protocol.entry}"; ${ERROR}
          import type { PongFrame } from "${protocol.entry}"; ${ERROR}
        `,
        // TypeScript offers the ping counterpart of each missing name.
        errors: [
          ["encodePong", "encodePing"],
          ["isPong", "isPing"],
          ["PongFrame", "PingFrame"],
        ].map(([name, ping]) => ({
          code: 2724,
          message: new RegExp(`^'"${protocol.entry}"' has no exported member named '${name}'\\. Did you mean '${ping}'\\?$`),
        })),
      },
      {
        name: "a router given a Pong handler",
        why: "there is no pong frame, so a handler for one is an excess property",
        code: `createPartialGatewayFrameRouter({ Pong: () => {} ${ERROR} }, () => {});`,
        errors: [{ code: 2353, message: /^Object literal may only specify known properties, and 'Pong' does not exist in type 'Partial<GatewayFrameHandlers<void>>'\.$/ }],
      },
    );
  }

  return { mustCompile, mustNotCompile };
}

/** text with every regular-expression metacharacter escaped. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------------------
// The project
// ---------------------------------------------------------------------------

/** Our own declaration files of a version; the *_pb.d.ts files come from protoc-gen-es. */
const ownDeclarationFilesOf = (protocol: ProtocolVersion): Set<string> =>
  new Set(
    ["commands", "frames", "codec", "encode", "decode", "splitter", "router", "heartbeat", "errors", "wire"].map((stem) =>
      join(distDirOf(protocol), `${stem}.d.ts`),
    ),
  );

/**
 * A deliberately leaky declaration file for the any-walker's self-test: every
 * export hides an `any` somewhere the walker claims to look.
 */
const leakyDeclarations = `
export declare function leakParam(x: { a: number }, y: any): void;
export declare function leakReturn(): Promise<any>;
export declare function leakCallback(cb: (value: any) => void): void;
export declare const leakUnion: string | any[];
export type LeakAlias = Map<string, any>;
export interface LeakInterface { readonly nested: { deep: (x: number) => any } }
export declare class LeakClass { constructor(x: any); readonly ok: string; private hidden; }
export type LeakMapped = { readonly [K in "a" | "b"]: (key: K) => any };
export declare function leakConstraint<T extends any[]>(value: T): void;
export type Clean = { readonly a: string };
`;
const leakyPath = join(snippetDir, "leaky.d.ts");

/** Every version's snippets, built now so the tests can be listed before the project exists. */
const snippetsByVersion = new Map(protocolVersions.map((protocol) => [protocol.version, snippetsFor(protocol)]));

/** Where snippets sit in the project: one directory per version. */
const snippetPath = (version: Version, group: string, index: number): string => join(snippetDir, version, `${group}-${index}.ts`);

let project: Project;
let setupMs = 0;
const files = new Map<Snippet, SourceFile>();

beforeAll(() => {
  const started = performance.now();
  project = new Project({ compilerOptions, skipAddingFilesFromTsConfig: true });
  for (const protocol of protocolVersions) {
    const { mustCompile, mustNotCompile } = snippetsByVersion.get(protocol.version)!;
    const prelude = preludeFor(protocol);
    for (const [group, snippets] of [["ok", mustCompile], ["bad", mustNotCompile]] as const) {
      snippets.forEach((snippet, index) => {
        files.set(snippet, project.createSourceFile(snippetPath(protocol.version, group, index), prelude + snippet.code, { overwrite: true }));
      });
    }
  }
  project.createSourceFile(leakyPath, leakyDeclarations, { overwrite: true });
  // Build and check the whole program once; later per-file queries reuse it.
  project.getProgram().compilerObject.getSemanticDiagnostics();
  setupMs = performance.now() - started;
});

/** One line per diagnostic: code, line, whole message chain. */
function describeDiagnostic(diagnostic: Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, "\n");
  return `TS${diagnostic.getCode()} line ${diagnostic.getLineNumber() ?? "?"}: ${message}`;
}

function fileOf(snippet: Snippet): SourceFile {
  const file = files.get(snippet);
  if (file === undefined) throw new Error(`snippet ${snippet.name} was not added`);
  return file;
}

function diagnosticsOf(snippet: Snippet): Diagnostic[] {
  const diagnostics = fileOf(snippet).getPreEmitDiagnostics();
  if (process.env.NETSVR_PRINT_DIAGNOSTICS) {
    console.log(`[${snippet.name}]\n${diagnostics.map((d) => "  " + describeDiagnostic(d)).join("\n") || "  (none)"}`);
  }
  return diagnostics;
}

/** 1-based numbers of the lines of a snippet's file (prelude included) that carry the ERROR marker. */
function markedLines(snippet: Snippet): number[] {
  return fileOf(snippet)
    .getFullText()
    .split("\n")
    .flatMap((line, index) => (line.includes(ERROR) ? [index + 1] : []));
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

test("types: setup (one project, every version's snippets) stays fast", () => {
  const count = [...snippetsByVersion.values()].reduce((n, s) => n + s.mustCompile.length + s.mustNotCompile.length, 0);
  console.log(`types.test: project of ${count} snippets built and checked in ${Math.round(setupMs)} ms`);
  expect(setupMs).toBeLessThan(25_000);
});

describe.each(protocolVersions)("types $version", (protocol) => {
  const { mustCompile, mustNotCompile } = snippetsByVersion.get(protocol.version)!;
  const distDir = distDirOf(protocol);
  const ownDeclarationFiles = ownDeclarationFilesOf(protocol);

  describe("the package resolves as published", () => {
    test(`'${protocol.entry}' resolves through its exports map to ${protocol.dist}/index.d.ts`, () => {
      const file = files.get(mustCompile[0]!)!;
      const specifier = file.getImportDeclarations().find((d) => d.getModuleSpecifierValue() === protocol.entry);
      const target = specifier?.getModuleSpecifierSourceFile();
      expect(target?.getFilePath(), "the import must reach the published declarations, not generated/src").toBe(
        join(distDir, "index.d.ts"),
      );
    });

    test("the published declaration files type-check under the strict consumer options", () => {
      // Every declaration file the package's entry point pulls in (ours and the *_pb ones).
      const ours = project
        .getProgram()
        .compilerObject.getSourceFiles()
        .filter((file) => file.fileName.startsWith(distDir + "/"))
        .map((file) => project.getSourceFileOrThrow(file.fileName));
      const names = ours.map((file) => file.getFilePath());
      for (const path of ownDeclarationFiles) expect(names).toContain(path);
      expect(names).toContain(join(distDir, "registerResp_pb.d.ts"));
      const problems = ours.flatMap((file) => file.getPreEmitDiagnostics().map((d) => `${file.getBaseName()}: ${describeDiagnostic(d)}`));
      expect(problems).toEqual([]);
    });
  });

  describe("snippets that must compile", () => {
    test.each(mustCompile.map((s) => [s.name, s] as const))("%s", (_name, snippet) => {
      expect(diagnosticsOf(snippet).map(describeDiagnostic), snippet.why).toEqual([]);
    });
  });

  describe("snippets that must not compile", () => {
    test.each(mustNotCompile.map((s) => [s.name, s] as const))("%s", (_name, snippet) => {
      const diagnostics = diagnosticsOf(snippet);
      const described = diagnostics.map(describeDiagnostic);
      const expected = snippet.errors ?? [];
      expect(expected.length, "a must-not-compile snippet lists its errors").toBeGreaterThan(0);
      // The same number of errors, each with the expected code and message...
      expect(diagnostics.map((d) => d.getCode()), `${snippet.why}\n${described.join("\n")}`).toEqual(expected.map((e) => e.code));
      diagnostics.forEach((diagnostic, index) => {
        const message = ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, "\n");
        expect(message, snippet.why).toMatch(expected[index]!.message);
      });
      // ...reported exactly on the marked lines, so an error elsewhere (a typo in the snippet) cannot pass for it.
      expect([...new Set(diagnostics.map((d) => d.getLineNumber()))].sort(), described.join("\n")).toEqual(markedLines(snippet));
    });
  });

  describe("no any in the public declarations", () => {
    // Exports the walk must reach, re-exports included; the last ones are this version's own.
    const mustCheck = ["Cmd", "encodeSingleCast", "encodeBusinessFrame", "decodeGatewayFrame", "createBusinessFrameRouter", "GatewayFrameHandlers", "FrameError", "FrameSplitter", "maxFrameSize", "isPing"];
    const ownExports: Readonly<Record<Version, readonly string[]>> = { v2: ["isPong"], v6: ["cmdPorts", "WorkerPortCmd", "TaskPortCmd", "connOpenRespToBinary"] };

    test("no exported declaration of our files has an any in its type or signature", () => {
      const index = project.getSourceFileOrThrow(join(distDir, "index.d.ts"));
      const { leaks, checked } = anyLeaks(index, (path) => ownDeclarationFiles.has(path));
      for (const name of [...mustCheck, ...ownExports[protocol.version]]) expect(checked).toContain(name);
      expect(checked.length).toBeGreaterThan(90);
      expect(leaks).toEqual([]);
    });

    test("no type written in our declaration files resolves to any", () => {
      // Catches what the export walk cannot see inside deferred conditional and
      // mapped types, and an import that fails to resolve (its type is any).
      const problems = [...ownDeclarationFiles].flatMap((path) => anyTypeNodes(project.getSourceFileOrThrow(path)));
      expect(problems).toEqual([]);
      const leakyProblems = anyTypeNodes(project.getSourceFileOrThrow(leakyPath));
      expect(leakyProblems.length, "self-test: the scan sees the planted any keywords").toBeGreaterThanOrEqual(8);
    });
  });
});

test("types: the any-walker finds every planted any (self-test)", () => {
  const leaky = project.getSourceFileOrThrow(leakyPath);
  const { leaks, checked } = anyLeaks(leaky, (path) => path === leakyPath);
  const leakingExports = new Set(leaks.map((leak) => leak.split(" ")[0]));
  expect([...leakingExports].sort()).toEqual(
    ["LeakAlias", "LeakClass", "LeakInterface", "LeakMapped", "leakCallback", "leakConstraint", "leakParam", "leakReturn", "leakUnion"].sort(),
  );
  expect(checked).toContain("Clean");
  // The private member is typed any in .d.ts by design, and is not public: it must not count.
  expect(leaks.filter((leak) => leak.includes("hidden"))).toEqual([]);
});

// ---------------------------------------------------------------------------
// No `any` in the public declarations
// ---------------------------------------------------------------------------

/** Whether a node is a private or protected class member: not public API, and declared without a type in .d.ts. */
function isNonPublicMember(node: Node): boolean {
  return (
    Node.isModifierable(node) &&
    (node.hasModifier(SyntaxKind.PrivateKeyword) || node.hasModifier(SyntaxKind.ProtectedKeyword))
  );
}

/**
 * Collects the places where `any` appears in a type, found by type flags
 * (isAny), not by text. It looks at the type itself, union and intersection
 * members, type arguments (alias and reference), tuple elements, type
 * parameter constraints and defaults and, for types declared in our own files,
 * their call and construct signatures (parameters, return) and public
 * properties. Types declared elsewhere (protobuf messages and runtime, lib
 * types) are checked at their top level and through their type arguments
 * only: @bufbuild/protobuf may legitimately use any deep inside.
 */
function findAny(type: Type, where: string, location: Node, isOwn: (node: Node) => boolean, found: string[], seen = new Set<ts.Type>()): void {
  if (type.isAny()) {
    found.push(where);
    return;
  }
  if (seen.has(type.compilerType)) return;
  seen.add(type.compilerType);
  const walk = (inner: Type, label: string): void => findAny(inner, `${where} > ${label}`, location, isOwn, found, seen);

  type.getUnionTypes().forEach((member, i) => walk(member, `union member ${i} (${member.getText(location)})`));
  type.getIntersectionTypes().forEach((member, i) => walk(member, `intersection member ${i}`));
  type.getAliasTypeArguments().forEach((argument, i) => walk(argument, `alias type argument ${i}`));
  if (type.isTuple()) type.getTupleElements().forEach((element, i) => walk(element, `tuple element ${i}`));
  else type.getTypeArguments().forEach((argument, i) => walk(argument, `type argument ${i}`));
  if (type.isTypeParameter()) {
    const constraint = type.getConstraint();
    if (constraint !== undefined) walk(constraint, "constraint");
    const fallback = type.getDefault();
    if (fallback !== undefined) walk(fallback, "default");
  }

  const symbol = type.getAliasSymbol() ?? type.getSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  const own = declarations.length === 0 ? type.isAnonymous() : declarations.some(isOwn);
  if (!own) return;

  const signatures = [
    ...type.getCallSignatures().map((s) => ["call", s] as const),
    ...type.getConstructSignatures().map((s) => ["new", s] as const),
  ];
  for (const [how, signature] of signatures) {
    signature.getTypeParameters().forEach((parameter) => walk(parameter, `${how} type parameter ${parameter.getText()}`));
    for (const parameter of signature.getParameters()) {
      const declaration = parameter.getValueDeclaration() ?? location;
      walk(parameter.getTypeAtLocation(declaration), `${how} parameter ${parameter.getName()}`);
    }
    walk(signature.getReturnType(), `${how} return`);
  }
  if (type.isObject() && !type.isArray() && !type.isTuple()) {
    for (const property of type.getProperties()) {
      const declaration = property.getValueDeclaration() ?? property.getDeclarations()[0];
      if (declaration !== undefined && isNonPublicMember(declaration)) continue;
      walk(property.getTypeAtLocation(declaration ?? location), `property ${property.getName()}`);
    }
  }
}

/** The types an exported declaration shows its users. */
function publicTypesOf(declaration: Node): { label: string; type: Type }[] {
  const types = [{ label: declaration.getKindName(), type: declaration.getType() }];
  // A class's value side (typeof C) carries the constructor and static members.
  if (Node.isClassDeclaration(declaration)) {
    const symbol = declaration.getSymbolOrThrow();
    types.push({ label: "class value", type: symbol.getTypeAtLocation(declaration) });
  }
  return types;
}

/** Every `any` reachable from the exports of a module, restricted to declarations in files accepted by isOwnFile. */
function anyLeaks(module: SourceFile, isOwnFile: (path: string) => boolean): { leaks: string[]; checked: string[] } {
  const isOwn = (node: Node): boolean => isOwnFile(node.getSourceFile().getFilePath());
  const leaks: string[] = [];
  const checked: string[] = [];
  for (const exported of module.getExportSymbols()) {
    const symbol = exported.isAlias() ? exported.getAliasedSymbolOrThrow() : exported;
    for (const declaration of symbol.getDeclarations()) {
      if (!isOwn(declaration)) continue;
      checked.push(exported.getName());
      for (const { label, type } of publicTypesOf(declaration)) {
        findAny(type, `${exported.getName()} (${label})`, declaration, isOwn, leaks);
      }
    }
  }
  return { leaks, checked };
}

/** Every type node written in a file whose type is any (an unresolved import, an explicit any...). */
function anyTypeNodes(file: SourceFile): string[] {
  return file
    .getDescendants()
    .filter((node) => ts.isTypeNode(node.compilerNode) && node.getType().isAny())
    .map((node) => `${file.getBaseName()}:${node.getStartLineNumber()}: ${node.getText().slice(0, 80)}`);
}
