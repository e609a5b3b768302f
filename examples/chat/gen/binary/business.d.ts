import type { RouterErrorCode, RouterOptions, RouterStats, RouterTypes } from "./business-router.js";
import { AppError, BusinessRouter as BusinessRouter$1 } from "./business-router.js";
import type { CustomerLink } from "./gateway-link.js";
import type { BodyInitOf, BodyOf, CmdNames, EventCmd, EventSchemas, OnewayCmd, OnewaySchemas, RequestCmd, RequestSchemas, ResponseSchemas } from "./commands.js";
export { AppError, type RouterErrorCode, type RouterOptions, type RouterStats, type CustomerLink };
/**
 * What a business pushes to customers, by command id.
 */
export interface BusinessTypes extends RouterTypes {
    readonly push: {
        readonly [C in EventCmd]: BodyInitOf<EventSchemas[C]>;
    };
}
/**
 * One handler per command a customer sends, by name. A request's handler returns (or resolves to) the answer, sent back to the sender; throw an AppError to answer with an error. A command without a handler is answered "not-handled" (requests) or reported to onError.
 */
export type BusinessHandlers<Sender> = {
    readonly [C in OnewayCmd as CmdNames[C]]?: (body: BodyOf<OnewaySchemas[C]>, sender: Sender) => void | Promise<void>;
} & {
    readonly [C in RequestCmd as CmdNames[C]]?: (body: BodyOf<RequestSchemas[C]>, sender: Sender) => BodyInitOf<ResponseSchemas[C]> | Promise<BodyInitOf<ResponseSchemas[C]>>;
};
/**
 * A business's router: reads customer messages from its link, calls the handlers, pushes events.
 */
export type BusinessRouter<Sender, Target> = BusinessRouter$1<BusinessTypes, Sender, Target>;
/**
 * Starts routing the customer messages that arrive on link (e.g. netsvr-protocol's customerLink()). A message that cannot be decoded never reaches a handler: it is answered with an error message and goes to options.onError.
 */
export declare function createBusinessRouter<Sender, Target>(link: CustomerLink<Sender, Target>, handlers: BusinessHandlers<Sender>, options?: RouterOptions<Sender>): BusinessRouter<Sender, Target>;
