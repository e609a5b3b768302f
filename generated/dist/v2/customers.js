/**
 * What a customer's WebSocket client must do to reach the business registered as workerId through the gateway: every message starts with workerId in 3 digits. Pass it as an application protocol's customer option gateway.
 */
export function customerRules(workerId) {
    if (!Number.isInteger(workerId) || workerId < 1 || workerId > 999) {
        throw new RangeError(`workerId must be an integer in [1, 999], got ${workerId}`);
    }
    const prefix = String(workerId).padStart(3, "0");
    return { prefix, ping: "~3yPvmnz~", pong: "~u38NvZ~" };
}
