import type { Schema } from "@bufbuild/protoplugin";
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
  f.print(`/** A handler as the router calls it: the frame's own type is already checked where handlers are written. */`);
  f.print(`type AnyHandler<R> = (body: unknown, frame: never) => R;`);
  f.print();
  f.print(`/**
 * Routes each frame ${a(p.server)} sends to the handler of its name and returns
 * what the handler returns. Every frame needs a handler: a missing one fails
 * to compile. Use createPartial${server}FrameRouter to handle only some.
 */
export function create${server}FrameRouter<R = void>(handlers: ${server}FrameHandlers<R>): (frame: `, serverFrameType, `) => R {
  return (frame) => (handlers[frame.name] as AnyHandler<R>)(frame.body, frame as never);
}

/** Routes frames ${a(p.server)} sends to the handlers given; frames without one go to fallback. */
export function createPartial${server}FrameRouter<R = void>(
  handlers: Partial<${server}FrameHandlers<R>>,
  fallback: (frame: `, serverFrameType, `) => R,
): (frame: `, serverFrameType, `) => R {
  return (frame) => {
    const handler = handlers[frame.name] as AnyHandler<R> | undefined;
    return handler === undefined ? fallback(frame) : handler(frame.body, frame as never);
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
  return async (frame) => answer(frame, await (handlers[frame.name] as AnyHandler<unknown>)(frame.body, frame as never));
}

/**
 * Routes frames ${a(p.client)} sends to the handlers given; frames without one
 * go to fallback and get no answer${answersPing ? " (a ping still gets its pong)" : ""}.
 */
export function createPartial${client}FrameRouter(
  handlers: Partial<${client}FrameHandlers>,
  fallback: (frame: `, clientFrameType, `) => void | Promise<void>,
): (frame: `, clientFrameType, `) => Promise<Uint8Array | undefined> {
  return async (frame) => {
    const handler = handlers[frame.name] as AnyHandler<unknown> | undefined;
    if (handler !== undefined) return answer(frame, await handler(frame.body, frame as never));
    await fallback(frame);
    return `, encodePong !== undefined ? [`frame.kind === "ping" ? `, encodePong, `() : undefined`] : "undefined", `;
  };
}

/** The frame written back for a handled frame. */
function answer(frame: `, clientFrameType, `, reply: unknown): Uint8Array | undefined {
  switch (frame.kind) {
    case "request":
      return (`, f.import(`encode${server}Frame`, "./encode.js"), ` as (cmd: number, body: unknown) => Uint8Array)(frame.cmd, reply);`, encodePong !== undefined ? [`
    case "ping":
      return `, encodePong, `();`] : "", `
    default:
      return undefined;
  }
}`);
}
