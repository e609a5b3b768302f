/**
 * Business processes and customers for a protocol v6 gateway (netsvr v8).
 *
 * A business has a worker connection (Register with event bits; events
 * arrive there) and a task connection (every other command). The gateway
 * hands each event to one of the workers registered for it, in turn, so a
 * test has one worker per event kind. v8 limits each customer connection:
 * 1000 messages for free (LimitZeroWindowMaxRequests), then 100 per second
 * (LimitWindowMaxRequests per LimitWindowSize); over that, messages are
 * dropped.
 */
import { Cmd, Event, RegisterRespCode, type ConnClose, type ConnOpen, type Transfer } from "../../../generated/dist/v6/index.js";
import { connectTask, connectWorker, type ClientOptions, type TaskClient, type WorkerClient } from "../../../generated/dist/v6/node.js";
import { Customer } from "./customer.js";
import type { V6Gateway } from "./env.js";
import { cleanups, poll, settleLater, unexpectedErrors } from "./harness.js";
import { Inbox, token, within } from "./wait.js";

export const bound = 10_000;
export const allEvents = Event.OnOpen | Event.OnClose | Event.OnMessage;

export interface V6Business {
  readonly gateway: V6Gateway;
  readonly worker: WorkerClient;
  readonly task: TaskClient;
  readonly connOpens: Inbox<ConnOpen>;
  readonly connCloses: Inbox<ConnClose>;
  readonly transfers: Inbox<Transfer>;
  /** What the worker connection reported through on("error"). */
  readonly errors: Inbox<Error>;
  readonly disconnects: Inbox<Error | undefined>;
  /** One entry per "open" of the worker after its first connection. */
  readonly reopened: Inbox<true>;
}

export interface V6BusinessOptions {
  /** Event bits to register the worker with; false: do not register. Default all three. */
  readonly events?: number | false;
  readonly worker?: Partial<ClientOptions>;
  /** The test checks `errors` itself; otherwise any error fails the test. */
  readonly errorsExpected?: boolean;
}

function settle(gateway: V6Gateway): () => Promise<void> {
  return async () => {
    const probe = await connectTask({ host: gateway.taskHost, port: gateway.taskPort, reconnect: false, heartbeatInterval: 0, requestTimeout: bound });
    probe.on("error", () => undefined);
    try {
      await poll(async () => (await probe.request(Cmd.UniqIdCount)).count === 0, 5000);
    } finally {
      await probe.close();
    }
  };
}

const common = { requestTimeout: bound, connectTimeout: bound, reconnect: { initialDelay: 50, maxDelay: 500 } } as const;

/** Opens a task connection; closed after the test. */
export async function v6Task(gateway: V6Gateway, options: Partial<ClientOptions> = {}): Promise<TaskClient> {
  const task = await connectTask({ host: gateway.taskHost, port: gateway.taskPort, ...common, ...options });
  cleanups.add(() => within(task.close(), 2 * bound, `close() of a v6 task connection to ${gateway.taskHost}:${gateway.taskPort}`));
  task.on("error", (error) => unexpectedErrors.push(error));
  return task;
}

/** A worker connection (registered for all events by default) and a task connection; closed after the test. */
export async function v6Business(gateway: V6Gateway, options: V6BusinessOptions = {}): Promise<V6Business> {
  const task = await v6Task(gateway);
  const worker = await connectWorker({ host: gateway.host, port: gateway.workerPort, ...common, ...options.worker });
  cleanups.add(() => within(worker.close(), 2 * bound, `close() of a v6 worker connection to ${gateway.host}:${gateway.workerPort}`));
  settleLater(`v6 ${gateway.taskHost}:${gateway.taskPort}`, settle(gateway));
  const business: V6Business = {
    gateway,
    worker,
    task,
    connOpens: new Inbox(),
    connCloses: new Inbox(),
    transfers: new Inbox(),
    errors: new Inbox(),
    disconnects: new Inbox(),
    reopened: new Inbox(),
  };
  worker.on("error", (error) => {
    business.errors.push(error);
    if (options.errorsExpected !== true) unexpectedErrors.push(error);
  });
  worker.on("disconnect", (error) => business.disconnects.push(error));
  worker.on("open", () => business.reopened.push(true));
  worker.on(Cmd.ConnOpen, (body) => business.connOpens.push(body));
  worker.on(Cmd.ConnClose, (body) => business.connCloses.push(body));
  worker.on(Cmd.Transfer, (body) => business.transfers.push(body));
  const events = options.events ?? allEvents;
  if (events !== false) {
    const response = await worker.register({ events });
    if (response.code !== RegisterRespCode.Success) throw new Error(`register answered ${response.code}`);
  }
  return business;
}

export interface V6Customer {
  readonly customer: Customer;
  readonly uniqId: string;
}

/**
 * Opens a customer and learns its uniqId: v8's ConnOpen names only the
 * remote IP, so the customer says who it is in its first message, and the
 * hub (registered for OnMessage) reads the uniqId off that Transfer. This
 * spends one of the connection's 1000 free messages.
 */
export async function v6Customer(hub: V6Business): Promise<V6Customer> {
  const id = token("whoami");
  const customer = await Customer.open(hub.gateway.url);
  const from = hub.transfers.mark();
  await customer.send(id);
  const transfer = await hub.transfers.waitFor((body) => new TextDecoder().decode(body.data) === id, bound, `the first message of customer ${id}`, from);
  return { customer, uniqId: transfer.uniqId };
}
