import { readFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import type { Settings } from "./config.js";
import { CliError, Exit, type ExitCode } from "./errors.js";
import { v6PrefixAddress, type Connection, type Gateways, type Limits } from "./gateways.js";
import { json, list, orDash, table } from "./output.js";

/** Where a command writes: stdout for results, stderr for notes and questions. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly json: boolean;
}

/** A message argument: text, `@file`, `@-` (stdin), or `@@text` for text that starts with "@". */
export function readMessage(arg: string): Uint8Array {
  let data: Uint8Array;
  if (arg.startsWith("@@")) data = new TextEncoder().encode(arg.slice(1));
  else if (arg.startsWith("@")) {
    const path = arg.slice(1);
    try {
      data = new Uint8Array(readFileSync(path === "-" ? 0 : path));
    } catch (error) {
      throw new CliError(Exit.usage, `cannot read the message from ${path === "-" ? "stdin" : path}: ${(error as Error).message}`);
    }
  } else data = new TextEncoder().encode(arg);
  if (data.length === 0) throw new CliError(Exit.usage, "the message is empty (a gateway delivers nothing for empty data)");
  return data;
}

/** Asks on the terminal; without --yes and without a terminal, refuses. */
async function confirm(question: string, yes: boolean): Promise<void> {
  if (yes) return;
  if (process.stdin.isTTY !== true) throw new CliError(Exit.notConfirmed, `${question} Not done: give --yes (there is no terminal to ask on)`);
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(`${question} [y/N] `)).trim().toLowerCase();
    if (answer !== "y" && answer !== "yes") throw new CliError(Exit.notConfirmed, "not confirmed: nothing sent");
  } finally {
    rl.close();
  }
}

function limitsText(limits: Limits): string {
  if (limits.protocol === "v6") return `open ${limits.onOpen}/s, message ${limits.onMessage}/s`;
  if (limits.items.length === 0) return "-";
  return limits.items.map((item) => `${item.name}: ${item.concurrency}/s workers ${item.workerIds.join(",")}`).join("; ");
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export async function status(gateways: Gateways, io: Io): Promise<ExitCode> {
  const { gateways: rows, total } = await gateways.status();
  const failed = rows.filter((row) => !row.ok);
  if (io.json) {
    io.out(
      json({
        protocol: gateways.protocol,
        gateways: rows.map((row) => (row.ok ? { gateway: row.gateway, ok: true, ...row.value } : { gateway: row.gateway, ok: false, error: row.error.message })),
        total: total instanceof CliError ? { error: total.message } : (total ?? null),
      }),
    );
  } else {
    const v6 = gateways.protocol === "v6";
    const head = v6 ? ["gateway", "connections", "customerIds", "topics", "limits"] : ["gateway", "server", "connections", "topics", "limits"];
    const body = rows.map((row) => {
      if (!row.ok) return v6 ? [row.gateway, "?", "?", "?", row.error.message] : [row.gateway, "?", "?", "?", row.error.message];
      const s = row.value;
      return v6 ? [row.gateway, s.connections, s.customerIds ?? 0, s.topics, limitsText(s.limits)] : [row.gateway, s.serverId ?? "?", s.connections, s.topics, limitsText(s.limits)];
    });
    if (total instanceof CliError) body.push(v6 ? ["total", "?", "?", "?", total.message] : ["total", "", "?", "?", total.message]);
    else if (total !== undefined) body.push(v6 ? ["total", total.connections, total.customerIds ?? 0, total.topics, "(per gateway)"] : ["total", "", total.connections, total.topics, "(per gateway)"]);
    io.out(table(head, body, v6 ? [false, true, true, true] : [false, true, true, true]));
    if (total !== undefined && !(total instanceof CliError)) {
      io.out(`(total: connections are summed; ${v6 ? "customerIds and " : ""}topics are counted once however many gateways have them)`);
    }
  }
  for (const row of failed) if (!row.ok) io.err(`netsvr: ${row.error.message}`);
  if (total instanceof CliError) io.err(`netsvr: ${total.message}`);
  return failed.length > 0 || total instanceof CliError ? Exit.unreachable : Exit.ok;
}

interface Found extends Connection {
  readonly query: string;
}

export async function find(gateways: Gateways, ids: readonly string[], io: Io): Promise<ExitCode> {
  const byUniqId = await gateways.connInfo(ids);
  const byCustomerId = gateways.protocol === "v6" ? await gateways.connInfoByCustomerId(ids) : [];
  const found: Found[] = [];
  for (const id of ids) {
    for (const row of byUniqId) if (row.uniqId === id) found.push({ query: id, ...row });
    for (const row of byCustomerId) if (row.customerId === id && !found.some((f) => f.query === id && f.uniqId === row.uniqId)) found.push({ query: id, ...row });
  }
  const missing = ids.filter((id) => !found.some((row) => row.query === id));
  if (io.json) io.out(json({ found, notOnline: missing }));
  else {
    if (found.length > 0) {
      io.out(
        gateways.protocol === "v6"
          ? table(
              ["query", "uniqId", "customerId", "gateway", "session", "topics"],
              found.map((row) => [row.query, row.uniqId, orDash(row.customerId), row.gateway, orDash(row.session), list(row.topics)]),
            )
          : table(
              ["uniqId", "gateway", "session", "topics"],
              found.map((row) => [row.uniqId, row.gateway, orDash(row.session), list(row.topics)]),
            ),
      );
    }
    if (missing.length > 0) io.out(`not online: ${missing.join(", ")}`);
  }
  return missing.length > 0 ? Exit.notFound : Exit.ok;
}

export async function topics(gateways: Gateways, withCounts: boolean, io: Io): Promise<ExitCode> {
  const all = await gateways.topics();
  const counts = withCounts ? await gateways.topicCounts([...all.keys()]) : undefined;
  const v6 = gateways.protocol === "v6";
  const rows = [...all].map(([topic, on]) => ({ topic, gateways: on, ...(counts === undefined ? {} : counts.get(topic)) }));
  if (io.json) io.out(json(rows));
  else if (rows.length === 0) io.out("no topics");
  else if (counts === undefined) io.out(table(["topic", "gateways"], rows.map((row) => [row.topic, row.gateways.join(",")])));
  else {
    const head = v6 ? ["topic", "connections", "customerIds", "gateways"] : ["topic", "connections", "gateways"];
    io.out(
      table(
        head,
        rows.map((row) => (v6 ? [row.topic, row.connections ?? 0, row.customerIds ?? 0, row.gateways.join(",")] : [row.topic, row.connections ?? 0, row.gateways.join(",")])),
        [false, true, v6],
      ),
    );
  }
  return Exit.ok;
}

export async function topic(gateways: Gateways, name: string, io: Io): Promise<ExitCode> {
  const members = await gateways.topicMembers(name);
  if (io.json) io.out(json({ topic: name, members }));
  else if (members.length === 0) io.out(`topic ${name}: no subscribers`);
  else {
    io.out(
      gateways.protocol === "v6"
        ? table(["uniqId", "customerId", "gateway", "session"], members.map((row) => [row.uniqId, orDash(row.customerId), row.gateway, orDash(row.session)]))
        : table(["uniqId", "gateway", "session"], members.map((row) => [row.uniqId, row.gateway, orDash(row.session)])),
    );
    const on = new Set(members.map((row) => row.gateway)).size;
    io.out(`topic ${name}: ${plural(members.length, "connection")} on ${plural(on, "gateway")}`);
  }
  return members.length === 0 ? Exit.notFound : Exit.ok;
}

export async function send(gateways: Gateways, target: string, data: Uint8Array, byCustomerId: boolean, io: Io): Promise<ExitCode> {
  const what = byCustomerId ? `customerId ${target}` : `uniqId ${target}`;
  const online = byCustomerId ? await gateways.connInfoByCustomerId([target]) : (await gateways.connInfo([target])).filter((row) => row.uniqId === target);
  if (online.length === 0) {
    // A v6 uniqId names its gateway: say so when that is none of the ones asked.
    const owner = gateways.protocol === "v6" && !byCustomerId ? v6PrefixAddress(target) : undefined;
    const elsewhere = owner !== undefined && !gateways.names.includes(owner) ? owner : undefined;
    if (io.json) io.out(json({ sent: false, target, reason: "not online", ...(elsewhere === undefined ? {} : { ownerTaskPort: elsewhere }) }));
    else io.out(`${what} is not online: nothing sent${elsewhere === undefined ? "" : ` (its prefix names the gateway with task port ${elsewhere}, not one of ${gateways.names.join(", ")})`}`);
    return Exit.notFound;
  }
  if (byCustomerId) gateways.singleCastByCustomerId(target, data);
  else gateways.singleCast(target, data);
  await gateways.sync();
  const on = [...new Set(online.map((row) => row.gateway))];
  if (io.json) io.out(json({ sent: true, target, bytes: data.length, connections: online.map((row) => ({ uniqId: row.uniqId, gateway: row.gateway })) }));
  else io.out(`sent ${plural(data.length, "byte")} to ${what}${byCustomerId ? ` (${plural(online.length, "connection")})` : ""} on ${on.join(", ")}`);
  return Exit.ok;
}

export async function publish(gateways: Gateways, name: string, data: Uint8Array, io: Io): Promise<ExitCode> {
  const count = (await gateways.topicCounts([name])).get(name)?.connections ?? 0;
  if (count === 0) {
    if (io.json) io.out(json({ published: false, topic: name, reason: "no subscribers" }));
    else io.out(`topic ${name} has no subscribers: nothing sent`);
    return Exit.notFound;
  }
  gateways.publish(name, data);
  await gateways.sync();
  if (io.json) io.out(json({ published: true, topic: name, bytes: data.length, connections: count }));
  else io.out(`published ${plural(data.length, "byte")} to topic ${name}: ${plural(count, "subscribed connection")}`);
  return Exit.ok;
}

export async function broadcast(gateways: Gateways, data: Uint8Array, yes: boolean, io: Io): Promise<ExitCode> {
  const count = await gateways.connections();
  const where = plural(gateways.names.length, "gateway");
  if (count === 0) {
    if (io.json) io.out(json({ broadcast: false, reason: "no connections" }));
    else io.out(`no connections on ${where}: nothing sent`);
    return Exit.notFound;
  }
  await confirm(`Broadcast ${plural(data.length, "byte")} to all ${plural(count, "connection")} on ${where}?`, yes);
  gateways.broadcast(data);
  await gateways.sync();
  if (io.json) io.out(json({ broadcast: true, bytes: data.length, connections: count, gateways: gateways.names }));
  else io.out(`broadcast ${plural(data.length, "byte")} to ${plural(count, "connection")} on ${where}`);
  return Exit.ok;
}

export interface KickOptions {
  readonly customerId: boolean;
  readonly guest: boolean;
  readonly delay: number;
  readonly message: Uint8Array;
  readonly yes: boolean;
}

export async function kick(gateways: Gateways, ids: readonly string[], options: KickOptions, io: Io): Promise<ExitCode> {
  if (options.customerId && options.guest) throw new CliError(Exit.usage, "--guest takes uniqIds, not --customer-id");
  const online = options.customerId ? await gateways.connInfoByCustomerId(ids) : (await gateways.connInfo(ids)).filter((row) => ids.includes(row.uniqId));
  const matched = (id: string): boolean => online.some((row) => (options.customerId ? row.customerId === id : row.uniqId === id));
  const notOnline = ids.filter((id) => !matched(id));
  // ForceOfflineGuest closes only connections without a session (v6: and without a customerId).
  const isGuest = (row: Connection): boolean => row.session === "" && (row.customerId ?? "") === "";
  const targets = options.guest ? online.filter(isGuest) : online;
  const notGuests = options.guest ? online.filter((row) => !isGuest(row)).map((row) => row.uniqId) : [];
  const report = {
    kicked: [] as string[],
    notOnline,
    ...(options.guest ? { notGuests } : {}),
  };
  const done = (code: ExitCode): ExitCode => {
    if (io.json) io.out(json(report));
    else {
      if (report.kicked.length > 0) {
        const after = options.guest && options.delay > 0 ? ` after ${options.delay} s` : options.message.length > 0 ? " (the message first; the gateway closes about 3 s later)" : "";
        io.out(`kicked ${plural(targets.length, "connection")}${after}: ${targets.map((row) => `${row.uniqId} on ${row.gateway}`).join(", ")}`);
      }
      if (notOnline.length > 0) io.out(`not online: ${notOnline.join(", ")}`);
      if (notGuests.length > 0) io.out(`not guests (they have a session or customerId), left online: ${notGuests.join(", ")}`);
    }
    return code;
  };
  if (targets.length === 0) return done(Exit.notFound);
  const what = options.guest ? "guest connection" : "connection";
  await confirm(`Kick ${plural(targets.length, what)} (${targets.map((row) => row.uniqId).join(", ")})?`, options.yes);
  if (options.guest) gateways.forceOfflineGuest(targets.map((row) => row.uniqId), options.delay, options.message);
  else if (options.customerId) gateways.forceOfflineByCustomerId(ids.filter(matched), options.message);
  else gateways.forceOffline(targets.map((row) => row.uniqId), options.message);
  await gateways.sync();
  report.kicked.push(...(options.customerId ? ids.filter(matched) : targets.map((row) => row.uniqId)));
  return done(notOnline.length > 0 || notGuests.length > 0 ? Exit.notFound : Exit.ok);
}

export function showConfig(settings: Settings, io: Io): ExitCode {
  const gateways = settings.gateways.map((spec) => ({
    gateway: spec.name,
    ...(spec.serverId === undefined ? {} : { serverId: spec.serverId }),
    ...(spec.worker === undefined ? {} : { workerPort: `${spec.worker.host}:${spec.worker.port}` }),
  }));
  if (io.json) io.out(json({ protocol: settings.protocol, gateways, timeout: settings.timeout, sources: settings.sources, configFile: settings.configFile ?? null }));
  else {
    io.out(`protocol  ${settings.protocol}  (from ${settings.sources.protocol})`);
    io.out(`timeout   ${settings.timeout} ms  (from ${settings.sources.timeout})`);
    io.out(`gateways  (from ${settings.sources.gateways})`);
    io.out(
      table(
        settings.protocol === "v6" ? ["gateway", "worker port"] : ["gateway", "server id"],
        gateways.map((g) => [g.gateway, settings.protocol === "v6" ? (g.workerPort ?? "- (tail needs it)") : (g.serverId ?? "- (asked)")]),
      ),
    );
  }
  return Exit.ok;
}
