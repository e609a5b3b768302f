import type { BusinessFrame, GatewayFrame } from "./frames.js";
import type { BodyInitOf, RequestCmd, ResponseSchemas } from "./commands.js";
/** Handlers for every frame a gateway sends, keyed by frame name; each gets the body and the whole frame. */
export type GatewayFrameHandlers<R = void> = {
    readonly [F in GatewayFrame as F["name"]]: (body: F["body"], frame: F) => R;
};
/**
 * Routes each frame a gateway sends to the handler of its name and returns
 * what the handler returns. Every frame needs a handler: a missing one fails
 * to compile. Use createPartialGatewayFrameRouter to handle only some.
 */
export declare function createGatewayFrameRouter<R = void>(handlers: GatewayFrameHandlers<R>): (frame: GatewayFrame) => R;
/** Routes frames a gateway sends to the handlers given; frames without one go to fallback. */
export declare function createPartialGatewayFrameRouter<R = void>(handlers: Partial<GatewayFrameHandlers<R>>, fallback: (frame: GatewayFrame) => R): (frame: GatewayFrame) => R;
/**
 * What a handler of a frame a business sends returns: for a request, the
 * body of the paired response (from the request/response tables); nothing
 * for any other frame.
 */
export type BusinessFrameReply<F extends BusinessFrame> = F extends {
    readonly kind: "request";
    readonly cmd: infer C extends RequestCmd;
} ? BodyInitOf<ResponseSchemas[C]> : void;
/** Handlers for every frame a business sends, keyed by frame name; request handlers return the response. */
export type BusinessFrameHandlers = {
    readonly [F in BusinessFrame as F["name"]]: (body: F["body"], frame: F) => BusinessFrameReply<F> | Promise<BusinessFrameReply<F>>;
};
/**
 * Routes each frame a business sends to the handler of its name and
 * encodes what a gateway writes back: the response frame for a request, undefined otherwise. Every frame needs a handler: a
 * missing one fails to compile. This is the gateway's side, e.g. a test double.
 */
export declare function createBusinessFrameRouter(handlers: BusinessFrameHandlers): (frame: BusinessFrame) => Promise<Uint8Array | undefined>;
/**
 * Routes frames a business sends to the handlers given; frames without one
 * go to fallback and get no answer.
 */
export declare function createPartialBusinessFrameRouter(handlers: Partial<BusinessFrameHandlers>, fallback: (frame: BusinessFrame) => void | Promise<void>): (frame: BusinessFrame) => Promise<Uint8Array | undefined>;
