/**
 * Business processes and customers for a protocol v2 gateway (netsvr v3).
 *
 * The gateway sends ConnOpen and ConnClose to one workerId only, its
 * Customer.ConnOpenWorkerId / ConnCloseWorkerId: the suite expects 1 (the
 * sample config's value). With such a worker id set and no business
 * registered under it, the gateway closes every new customer at once, so a
 * business registers as worker 1 before customers are opened. Customer
 * messages go to the workerId of their 3-digit prefix.
 */
import { Cmd, RegisterRespCode, type ConnClose, type ConnOpen, type Transfer } from "../../../generated/dist/v2/index.js";
import { connect, type BusinessClient, type ClientOptions } from "../../../generated/dist/v2/node.js";
import { Customer } from "./customer.js";
import type { V2Gateway } from "./env.js";
import { cleanups, poll, settleLater, unexpectedErrors } from "./harness.js";
import { Inbox, token, within } from "./wait.js";

/** The gateway's ConnOpenWorkerId and ConnCloseWorkerId. */
export const eventWorker = 1;
/** Upper bound of a single wait in these tests. */
export const bound = 10_000;

export type RegisterBody = Parameters<BusinessClient["register"]>[0];

export interface V2Business {
  readonly gateway: V2Gateway;
  readonly client: BusinessClient;
  readonly connOpens: Inbox<ConnOpen>;
  readonly connCloses: Inbox<ConnClose>;
  readonly transfers: Inbox<Transfer>;
  /** What the client reported through on("error"). */
  readonly errors: Inbox<Error>;
  readonly disconnects: Inbox<Error | undefined>;
  /** One entry per "open" after the first connection (reconnected, registered again). */
  readonly reopened: Inbox<true>;
}

export interface V2BusinessOptions {
  /** The register body beyond serverId (taken from the gateway); false: do not register. Default { workerId: 1 }. */
  readonly register?: Omit<RegisterBody, "serverId"> | false;
  readonly client?: Partial<ClientOptions>;
  /** The test checks `errors` itself; otherwise any error fails the test. */
  readonly errorsExpected?: boolean;
}

/** Counts the gateway's customers with a connection of its own, until none is left (at most 5 s). */
function settle(gateway: V2Gateway): () => Promise<void> {
  return async () => {
    const probe = await connect({ host: gateway.host, port: gateway.workerPort, reconnect: false, heartbeatInterval: 0, requestTimeout: bound });
    probe.on("error", () => undefined);
    try {
      await poll(async () => (await probe.request(Cmd.UniqIdCount)).count === 0, 5000);
    } finally {
      await probe.close();
    }
  };
}

/** Connects (and by default registers as worker 1) a business; closed after the test. */
export async function v2Business(gateway: V2Gateway, options: V2BusinessOptions = {}): Promise<V2Business> {
  const client = await connect({
    host: gateway.host,
    port: gateway.workerPort,
    requestTimeout: bound,
    connectTimeout: bound,
    reconnect: { initialDelay: 50, maxDelay: 500 },
    ...options.client,
  });
  cleanups.add(() => within(client.close(), 2 * bound, `close() of a v2 business on ${gateway.host}:${gateway.workerPort}`));
  settleLater(`v2 ${gateway.host}:${gateway.workerPort}`, settle(gateway));
  const business: V2Business = {
    gateway,
    client,
    connOpens: new Inbox(),
    connCloses: new Inbox(),
    transfers: new Inbox(),
    errors: new Inbox(),
    disconnects: new Inbox(),
    reopened: new Inbox(),
  };
  client.on("error", (error) => {
    business.errors.push(error);
    if (options.errorsExpected !== true) unexpectedErrors.push(error);
  });
  client.on("disconnect", (error) => business.disconnects.push(error));
  client.on("open", () => business.reopened.push(true));
  client.on(Cmd.ConnOpen, (body) => business.connOpens.push(body));
  client.on(Cmd.ConnClose, (body) => business.connCloses.push(body));
  client.on(Cmd.Transfer, (body) => business.transfers.push(body));
  if (options.register !== false) {
    const response = await client.register({ workerId: eventWorker, processCmdGoroutineNum: 1, ...options.register, serverId: gateway.serverId });
    if (response.code !== RegisterRespCode.Success) throw new Error(`register answered ${response.code}`);
  }
  return business;
}

export interface V2Customer {
  readonly customer: Customer;
  readonly uniqId: string;
}

/**
 * Opens a customer whose messages go to `workerId`, and learns its uniqId
 * from the ConnOpen the hub (registered as worker 1) gets: the customer's
 * query names it, and ConnOpen.rawQuery carries the query.
 */
export async function v2Customer(hub: V2Business, workerId = eventWorker): Promise<V2Customer> {
  const id = token("cid");
  const from = hub.connOpens.mark();
  const customer = await Customer.open(hub.gateway.url, { workerId, query: `cid=${id}` });
  const open = await hub.connOpens.waitFor((body) => body.rawQuery === `cid=${id}`, bound, `ConnOpen of customer ${id}`, from);
  return { customer, uniqId: open.uniqId };
}
