import { encodeGatewayFrame } from "./encode.js";
/**
 * Routes each frame a gateway sends to the handler of its name and returns
 * what the handler returns. Every frame needs a handler: a missing one fails
 * to compile. Use createPartialGatewayFrameRouter to handle only some.
 */
export function createGatewayFrameRouter(handlers) {
    const byName = handlers;
    return (frame) => byName[frame.name](frame.body, frame);
}
/** Routes frames a gateway sends to the handlers given; frames without one go to fallback. */
export function createPartialGatewayFrameRouter(handlers, fallback) {
    const byName = handlers;
    return (frame) => {
        const { name, body } = frame;
        const handler = byName[name];
        return handler === undefined ? fallback(frame) : handler(body, frame);
    };
}
/**
 * Routes each frame a business sends to the handler of its name and
 * encodes what a gateway writes back: the response frame for a request, undefined otherwise. Every frame needs a handler: a
 * missing one fails to compile. This is the gateway's side, e.g. a test double.
 */
export function createBusinessFrameRouter(handlers) {
    const byName = handlers;
    return async (frame) => {
        const { name, body } = frame;
        return answer(frame, await byName[name](body, frame));
    };
}
/**
 * Routes frames a business sends to the handlers given; frames without one
 * go to fallback and get no answer.
 */
export function createPartialBusinessFrameRouter(handlers, fallback) {
    const byName = handlers;
    return async (frame) => {
        const { name, body } = frame;
        const handler = byName[name];
        if (handler !== undefined)
            return answer(frame, await handler(body, frame));
        await fallback(frame);
        return undefined;
    };
}
/** The frame written back for a handled frame. */
function answer(frame, reply) {
    switch (frame.kind) {
        case "request":
            return encodeGatewayFrame(frame.cmd, reply);
        default:
            return undefined;
    }
}
