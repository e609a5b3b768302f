import type { Printable, Schema } from "@bufbuild/protoplugin";
import type { Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { a, clientFrame, pascal, serverFrame } from "./names.js";

/**
 * router.ts: handlers keyed by frame name and typed by that frame's body.
 * The receiving side of server frames gets a plain router; the answering
 * side gets one whose request handlers must return the paired response.
 */
export function emitRouter(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "router.ts");
  const [server, client] = [pascal(p.server), pascal(p.client)];
  const serverFrameType = f.import(serverFrame(p), "./frames.js", true);
  const clientFrameType = f.import(clientFrame(p), "./frames.js", true);
  const answersPing = p.heartbeat?.pong !== undefined;
  const encodePong = answersPing ? f.import("encodePong", "./heartbeat.js") : undefined;

  f.print(`/** Handlers for every frame ${a(p.server)} sends, keyed by frame name; each gets the body and the whole frame. */`);
  f.print(`export type ${server}FrameHandlers<R = void> = {`);
  f.print(`  readonly [F in `, serverFrameType, ` as F["name"]]: (body: F["body"], frame: F) => R;`);
  f.print(`};`);
  f.print();
  // The routers read frames and handlers through these, not through the frame
  // unions: a protocol where one side sends nothing has a union of never, whose
  // name and body cannot be read.
  f.print(`/** Handlers as the routers call them: each frame's own type is already checked where handlers are written. */`);
  f.print(`type AnyHandlers<R> = { readonly [name: string]: ((body: unknown, frame: never) => R) | undefined };`);
  f.print();
  f.print(`/** A frame as the routers look up its handler. */`);
  f.print(`type RoutedFrame = { readonly name: string; readonly body: unknown };`);
  f.print();
  f.print(`/**
 * Routes each frame ${a(p.server)} sends to the handler of its name and returns
 * what the handler returns. Every frame needs a handler: a missing one fails
 * to compile. Use createPartial${server}FrameRouter to handle only some.
 */
export function create${server}FrameRouter<R = void>(handlers: ${server}FrameHandlers<R>): (frame: `, serverFrameType, `) => R {
  const byName = handlers as AnyHandlers<R>;
  return (frame: RoutedFrame) => byName[frame.name]!(frame.body, frame as never);
}

/** Routes frames ${a(p.server)} sends to the handlers given; frames without one go to fallback. */
export function createPartial${server}FrameRouter<R = void>(
  handlers: Partial<${server}FrameHandlers<R>>,
  fallback: (frame: `, serverFrameType, `) => R,
): (frame: `, serverFrameType, `) => R {
  const byName = handlers as AnyHandlers<R>;
  return (frame) => {
    const { name, body } = frame as RoutedFrame;
    const handler = byName[name];
    return handler === undefined ? fallback(frame) : handler(body, frame as never);
  };
}

/**
 * What a handler of a frame ${a(p.client)} sends returns: for a request, the
 * body of the paired response (from the request/response tables); nothing
 * for any other frame.
 */
export type ${client}FrameReply<F extends `, clientFrameType, `> = F extends {
  readonly kind: "request";
  readonly cmd: infer C extends `, f.import("RequestCmd", "./commands.js", true), `;
}
  ? `, f.import("BodyInitOf", "./commands.js", true), `<`, f.import("ResponseSchemas", "./commands.js", true), `[C]>
  : void;

/** Handlers for every frame ${a(p.client)} sends, keyed by frame name; request handlers return the response. */
export type ${client}FrameHandlers = {
  readonly [F in `, clientFrameType, ` as F["name"]]: (
    body: F["body"],
    frame: F,
  ) => ${client}FrameReply<F> | Promise<${client}FrameReply<F>>;
};

/**
 * Routes each frame ${a(p.client)} sends to the handler of its name and
 * encodes what ${a(p.server)} writes back: the response frame for a request${answersPing ? ", the pong\n * for a ping" : ""}, undefined otherwise. Every frame needs a handler: a
 * missing one fails to compile. This is the ${p.server}'s side, e.g. a test double.
 */
export function create${client}FrameRouter(
  handlers: ${client}FrameHandlers,
): (frame: `, clientFrameType, `) => Promise<Uint8Array | undefined> {
  const byName = handlers as AnyHandlers<unknown>;
  return async (frame) => {
    const { name, body } = frame as RoutedFrame;
    return answer(frame, await byName[name]!(body, frame as never));
  };
}

/**
 * Routes frames ${a(p.client)} sends to the handlers given; frames without one
 * go to fallback and get no answer${answersPing ? " (a ping still gets its pong)" : ""}.
 */
export function createPartial${client}FrameRouter(
  handlers: Partial<${client}FrameHandlers>,
  fallback: (frame: `, clientFrameType, `) => void | Promise<void>,
): (frame: `, clientFrameType, `) => Promise<Uint8Array | undefined> {
  const byName = handlers as AnyHandlers<unknown>;
  return async (frame) => {
    const { name, body } = frame as RoutedFrame;
    const handler = byName[name];
    if (handler !== undefined) return answer(frame, await handler(body, frame as never));
    await fallback(frame);
    return `, encodePong !== undefined ? [`frame.kind === "ping" ? `, encodePong, `() : undefined`] : "undefined", `;
  };
}
`);
  printAnswer();

  /** answer(): what the server writes back, with a case only for the kinds of frame that get one. */
  function printAnswer(): void {
    const requests = p.commands.some((c) => c.kind === "request");
    const cases: Printable[] = [];
    if (requests) {
      cases.push(`    case "request":\n      return (`, f.import(`encode${server}Frame`, "./encode.js"), ` as (cmd: number, body: unknown) => Uint8Array)(frame.cmd, reply);\n`);
    }
    if (encodePong !== undefined) cases.push(`    case "ping":\n      return `, encodePong, `();\n`);
    f.print(`/** The frame written back for a handled frame${cases.length === 0 ? `: none, ${a(p.client)} sends nothing the ${p.server} answers` : ""}. */`);
    // Parameters a body does not read start with _ (noUnusedParameters).
    const params = `${cases.length === 0 ? "_frame" : "frame"}: `;
    f.print(`function answer(`, params, clientFrameType, `, ${requests ? "reply" : "_reply"}: unknown): Uint8Array | undefined {`);
    if (cases.length === 0) {
      f.print(`  return undefined;`);
    } else {
      f.print(`  switch (frame.kind) {\n`, ...cases, `    default:\n      return undefined;\n  }`);
    }
    f.print(`}`);
  }
}
