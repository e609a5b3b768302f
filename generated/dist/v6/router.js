import { encodeGatewayFrame } from "./encode.js";
/**
 * Routes each frame a gateway sends to the handler of its name and returns
 * what the handler returns. Every frame needs a handler: a missing one fails
 * to compile. Use createPartialGatewayFrameRouter to handle only some.
 */
export function createGatewayFrameRouter(handlers) {
    return (frame) => handlers[frame.name](frame.body, frame);
}
/** Routes frames a gateway sends to the handlers given; frames without one go to fallback. */
export function createPartialGatewayFrameRouter(handlers, fallback) {
    return (frame) => {
        const handler = handlers[frame.name];
        return handler === undefined ? fallback(frame) : handler(frame.body, frame);
    };
}
/**
 * Routes each frame a business sends to the handler of its name and
 * encodes what a gateway writes back: the response frame for a request, undefined otherwise. Every frame needs a handler: a
 * missing one fails to compile. This is the gateway's side, e.g. a test double.
 */
export function createBusinessFrameRouter(handlers) {
    return async (frame) => answer(frame, await handlers[frame.name](frame.body, frame));
}
/**
 * Routes frames a business sends to the handlers given; frames without one
 * go to fallback and get no answer.
 */
export function createPartialBusinessFrameRouter(handlers, fallback) {
    return async (frame) => {
        const handler = handlers[frame.name];
        if (handler !== undefined)
            return answer(frame, await handler(frame.body, frame));
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
