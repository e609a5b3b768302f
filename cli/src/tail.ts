import { Cmd as Cmd2, RegisterRespCode as RegisterRespCode2 } from "netsvr-protocol/v2";
import { createCluster as createCluster2, type BusinessClient } from "netsvr-protocol/v2/node";
import { Cmd as Cmd6, Event } from "netsvr-protocol/v6";
import { connectWorker, type WorkerClient } from "netsvr-protocol/v6/node";
import type { GatewaySpec, Settings } from "./config.js";
import { CliError, Exit, toCliError } from "./errors.js";
import { checkGateway } from "./probe.js";
import { asText, describeData, jsonLine } from "./output.js";

/**
 * `netsvr tail`: registers as a business and prints ConnOpen, ConnClose and
 * Transfer as they arrive.
 *
 * A gateway does not copy events to every business: it hands each one to ONE
 * of the connections registered for it, in turn (v3: per worker id; v8: per
 * event bit). So a tail registered like a running business takes a share of
 * that business's events, which the business then never sees. Hence:
 *
 * - v2 (netsvr v3): --worker-id is required, there is no default. An id that
 *   a gateway's Limit config names (the worker ids its businesses use) is
 *   refused unless --share-events. Tail then gets the Transfers of customer
 *   messages addressed to that id (their 3-digit prefix), and ConnOpen /
 *   ConnClose only where the gateway's Customer.ConnOpenWorkerId /
 *   ConnCloseWorkerId is that id.
 * - v6 (netsvr v8): events are chosen by bits (--events), and any business
 *   registered for the same bits shares them with tail; there is no query to
 *   tell whether one is. So tail on v6 needs --share-events.
 */

export interface TailOptions {
  readonly workerId: string | undefined;
  readonly events: string | undefined;
  readonly shareEvents: boolean;
  readonly count: number | undefined;
  readonly json: boolean;
}

type Out = (line: string) => void;

const eventNames: Record<string, number> = { open: Event.OnOpen, close: Event.OnClose, message: Event.OnMessage };

function parseEvents(text: string): number {
  let bits = 0;
  for (const name of text.split(",").map((part) => part.trim()).filter((part) => part !== "")) {
    const bit = eventNames[name];
    if (bit === undefined) throw new CliError(Exit.usage, `--events: "${name}" is not open, close or message`);
    bits |= bit;
  }
  if (bits === 0) throw new CliError(Exit.usage, "--events names no event: give some of open, close, message");
  return bits;
}

/** One event as a line: time, gateway, event name, then the body's non-empty fields. */
function render(gateway: string, name: string, body: Record<string, unknown>, asJson: boolean): string {
  const time = new Date().toISOString();
  const fields = Object.entries(body).filter(([key]) => key !== "$typeName");
  if (asJson) {
    const record: Record<string, unknown> = { time, gateway, event: name };
    for (const [key, value] of fields) {
      if (value instanceof Uint8Array) {
        record[key] = Buffer.from(value).toString("base64");
        const text = asText(value);
        if (text !== undefined) record.text = text;
      } else record[key] = value;
    }
    return jsonLine(record);
  }
  const parts = [time, gateway, name.padEnd(9)];
  for (const [key, value] of fields) {
    if (value instanceof Uint8Array) parts.push(`${key}=${describeData(value)}`);
    else if (Array.isArray(value)) {
      if (value.length > 0) parts.push(`${key}=${value.join(",")}`);
    } else if (value !== "" && value !== undefined) parts.push(`${key}=${typeof value === "string" && /[\s"=]/.test(value) ? JSON.stringify(value) : String(value)}`);
  }
  return parts.join(" ");
}

/** Runs until --count events, SIGINT or SIGTERM; unregisters on the way out. */
export async function runTail(settings: Settings, options: TailOptions, out: Out, note: Out): Promise<void> {
  if (options.count !== undefined && (!Number.isInteger(options.count) || options.count <= 0)) throw new CliError(Exit.usage, "--count must be a positive integer");
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let seen = 0;
  const emit = (gateway: string, name: string, body: object): void => {
    if (options.count !== undefined && seen >= options.count) return;
    seen++;
    out(render(gateway, name, body as Record<string, unknown>, options.json));
    if (options.count !== undefined && seen >= options.count) stop();
  };
  const close = settings.protocol === "v2" ? await tailV2(settings, options, emit, note) : await tailV6(settings, options, emit, note);
  const onSignal = (): void => stop();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    await stopped;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await close();
  }
}

function watchConnection(client: BusinessClient | WorkerClient, gateway: string, note: Out): void {
  let reported = false;
  client.on("disconnect", (error) => {
    reported = true;
    note(`tail: ${gateway}: disconnected${error === undefined ? "" : ` (${error.message})`}; reconnecting`);
  });
  client.on("open", () => {
    if (reported) note(`tail: ${gateway}: connected and registered again`);
    reported = false;
  });
  client.on("error", (error) => note(`tail: ${gateway}: ${toCliError(error).message}`));
}

const reconnect = { initialDelay: 200, maxDelay: 5000 } as const;

async function tailV2(settings: Settings, options: TailOptions, emit: (gateway: string, name: string, body: object) => void, note: Out): Promise<() => Promise<void>> {
  if (options.events !== undefined) {
    throw new CliError(Exit.usage, "--events is for protocol v6: a v2 gateway sends a worker the Transfers addressed to its id, and ConnOpen / ConnClose only to its configured ConnOpenWorkerId / ConnCloseWorkerId");
  }
  if (options.workerId === undefined) {
    throw new CliError(
      Exit.usage,
      "tail on protocol v2 registers as a worker: give --worker-id N (1..999), an id no running business uses. " +
        "A gateway spreads a worker id's events over every connection registered with it, so tail under a business's id would take a share of that business's events.",
    );
  }
  const workerId = Number(options.workerId);
  if (!/^\d+$/.test(options.workerId) || workerId < 1 || workerId > 999) throw new CliError(Exit.usage, `--worker-id "${options.workerId}" is not 1..999`);
  const serverIds = await Promise.all(settings.gateways.map(async (spec) => (await checkGateway("v2", spec.name, spec.address, settings.timeout)).serverId!));
  settings.gateways.forEach((spec, i) => {
    if (spec.serverId !== undefined && spec.serverId !== serverIds[i]) throw new CliError(Exit.wrongRole, `${spec.name} answers with server id ${serverIds[i]}, not ${spec.serverId} as given`);
  });
  let cluster;
  try {
    cluster = await createCluster2(
      settings.gateways.map((spec, i) => ({
        host: spec.address.host,
        port: spec.address.port,
        uniqIdPrefix: serverIds[i]!.toString(16).padStart(2, "0"),
        connectTimeout: settings.timeout,
        requestTimeout: settings.timeout,
        reconnect,
      })),
    );
  } catch (error) {
    if (error instanceof TypeError) throw new CliError(Exit.usage, error.message);
    throw toCliError(error, settings.gateways.map((spec) => spec.name).join(", "));
  }
  const names = settings.gateways.map((spec) => spec.name);
  try {
    // The worker ids a gateway's Limit config names are those its businesses register with.
    const limits = await cluster.requestAll(Cmd2.Limit, { items: [] });
    const taken: string[] = [];
    limits.forEach((result, i) => {
      if (!result.ok) throw toCliError(result.error, `${names[i]}: Limit`);
      for (const item of result.value.items) {
        if (item.workerIds.includes(workerId)) taken.push(`${names[i]} (Limit "${item.name}": workers ${item.workerIds.join(",")})`);
      }
    });
    if (taken.length > 0 && !options.shareEvents) {
      throw new CliError(
        Exit.notConfirmed,
        `worker id ${workerId} is configured for businesses on ${taken.join(", ")}: a business registered as ${workerId} would lose a share of its events to tail. ` +
          "Choose an id of no business (e.g. 999), or give --share-events if that is what you want.",
      );
    }
    cluster.clients.forEach((client) => client.on("error", () => undefined));
    await Promise.all(
      cluster.clients.map(async (client, i) => {
        try {
          const response = await client.register({ workerId, serverId: serverIds[i]!, processCmdGoroutineNum: 1 });
          if (response.code !== RegisterRespCode2.Success) throw new CliError(Exit.refused, `${names[i]}: register refused: ${RegisterRespCode2[response.code]}`);
        } catch (error) {
          throw toCliError(error, `${names[i]}: Register as worker ${workerId}`);
        }
      }),
    );
  } catch (error) {
    await cluster.close();
    throw error;
  }
  cluster.clients.forEach((client, i) => {
    watchConnection(client, names[i]!, note);
    client.on(Cmd2.ConnOpen, (body) => emit(names[i]!, "ConnOpen", body));
    client.on(Cmd2.ConnClose, (body) => emit(names[i]!, "ConnClose", body));
    client.on(Cmd2.Transfer, (body) => emit(names[i]!, "Transfer", body));
  });
  note(
    `tail: registered as worker ${workerId} on ${names.join(", ")}. ` +
      `It gets the Transfers of customer messages addressed to worker ${workerId} (prefix "${String(workerId).padStart(3, "0")}"), ` +
      `and ConnOpen / ConnClose only where the gateway's Customer.ConnOpenWorkerId / ConnCloseWorkerId is ${workerId}. ` +
      `Another connection registered as ${workerId} shares these events with tail. Ctrl-C to stop.`,
  );
  return () => cluster.close();
}

async function tailV6(settings: Settings, options: TailOptions, emit: (gateway: string, name: string, body: object) => void, note: Out): Promise<() => Promise<void>> {
  if (options.workerId !== undefined) throw new CliError(Exit.usage, "--worker-id is for protocol v2: a v6 business registers for event bits (--events)");
  const events = parseEvents(options.events ?? "open,close,message");
  const chosen = Object.entries(eventNames)
    .filter(([, bit]) => (events & bit) !== 0)
    .map(([name]) => name);
  if (!options.shareEvents) {
    throw new CliError(
      Exit.notConfirmed,
      `tail on protocol v6 registers for ${chosen.join(", ")} events, and a v8 gateway hands each event to ONE of the connections registered for it, in turn: ` +
        "your businesses would lose a share of those events to tail (it does not answer them), and no query tells whether one is registered. " +
        "Give --share-events to do it anyway (a gateway no business uses, or one you are debugging).",
    );
  }
  const missing = settings.gateways.filter((spec) => spec.worker === undefined);
  if (missing.length > 0) {
    throw new CliError(Exit.usage, `tail needs each gateway's worker port: write ${missing.map((spec) => `host:workerPort@${spec.name}`).join(", ")}`);
  }
  await Promise.all(settings.gateways.map((spec) => checkGateway("v6", spec.name, spec.address, settings.timeout)));
  const workers: WorkerClient[] = [];
  const closeAll = async (): Promise<void> => {
    await Promise.all(workers.map((worker) => worker.close()));
  };
  try {
    await Promise.all(settings.gateways.map(async (spec) => workers.push(await openWorker(spec, settings, events, note))));
  } catch (error) {
    await closeAll();
    throw error;
  }
  workers.forEach((worker, i) => {
    const name = settings.gateways[i]!.name;
    worker.on(Cmd6.ConnOpen, (body) => emit(name, "ConnOpen", body));
    worker.on(Cmd6.ConnClose, (body) => emit(name, "ConnClose", body));
    worker.on(Cmd6.Transfer, (body) => emit(name, "Transfer", body));
  });
  note(`tail: registered for ${chosen.join(", ")} on ${settings.gateways.map((spec) => `${spec.name} (worker port ${spec.worker!.port})`).join(", ")}; these events are now shared with every business registered for them. Ctrl-C to stop.`);
  return closeAll;
}

async function openWorker(spec: GatewaySpec, settings: Settings, events: number, note: Out): Promise<WorkerClient> {
  const worker = spec.worker!;
  const where = `${worker.host}:${worker.port} (worker port of ${spec.name})`;
  let client: WorkerClient;
  try {
    client = await connectWorker({ host: worker.host, port: worker.port, connectTimeout: settings.timeout, requestTimeout: settings.timeout, reconnect });
  } catch (error) {
    throw toCliError(error, where);
  }
  client.on("error", () => undefined);
  try {
    await client.register({ events });
  } catch (error) {
    await client.close();
    const cli = toCliError(error, `${where}: Register`);
    if (cli.exitCode === Exit.unreachable) {
      throw new CliError(Exit.wrongRole, `${where} closed the connection on Register: is it the worker port? (the task port closes on Register)`);
    }
    throw cli;
  }
  watchConnection(client, spec.name, note);
  return client;
}
