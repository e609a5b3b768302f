/**
 * What a customer's WebSocket client must do to be understood by the gateway: pass it as an application protocol's customer option gateway.
 */
export function customerRules() {
    return { ping: "~6YOt5rW35piO~" };
}
