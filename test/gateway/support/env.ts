/**
 * Which real gateways the gateway suite talks to, from environment variables
 * (README, "Real gateways"):
 *
 *   NETSVR_V2_GATEWAYS  protocol v2 (netsvr v3.x), comma-separated entries
 *                       serverId@host:workerPort@ws://host:port/path
 *   NETSVR_V6_GATEWAYS  protocol v6 (netsvr v8.x), comma-separated entries
 *                       host:workerPort@host:taskPort@ws://host:port/path
 *   NETSVR_V2_PID       pid of the FIRST v2 gateway (optional: the stall test)
 *   NETSVR_V6_PID       pid of the FIRST v6 gateway (optional: the stall test)
 *   NETSVR_V6_CALLBACK  a v6 gateway whose Customer.OnOpenCallbackApi is set
 *                       (optional: the ConnOpen callback example), one entry
 *                       host:workerPort@host:taskPort@ws://host:port/path@http://host:port/path
 *                       where the last part is that OnOpenCallbackApi URL
 *   NETSVR_V2_BINARY    a v2 gateway whose Customer.SendMessageType = 2 (binary),
 *                       one entry in the NETSVR_V2_GATEWAYS format (optional:
 *                       the binary chat test)
 *   NETSVR_V6_BINARY    the same for v6, in the NETSVR_V6_GATEWAYS format
 *
 * An unset or empty variable skips that version's tests; a malformed one is
 * an error naming the variable and the expected format.
 */

export interface V2Gateway {
  /** The gateway's ServerId: Register must name it, and its uniqIds start with it in 2 hex digits. */
  readonly serverId: number;
  /** uniqIdPrefix of a cluster member: the server id in 2 lower-case hex digits. */
  readonly uniqIdPrefix: string;
  readonly host: string;
  readonly workerPort: number;
  /** The customer WebSocket URL (Customer.ListenAddress + HandlePattern). */
  readonly url: string;
}

export interface V6Gateway {
  readonly host: string;
  readonly workerPort: number;
  readonly taskHost: string;
  readonly taskPort: number;
  /** The customer WebSocket URL; v8 refuses any query string. */
  readonly url: string;
}

export const v2Format = "serverId@host:workerPort@ws://host:port/path";
export const v6Format = "host:workerPort@host:taskPort@ws://host:port/path";

function fail(variable: string, entry: string, format: string, why: string): never {
  throw new Error(`${variable}: entry "${entry}" ${why}; each comma-separated entry is ${format}`);
}

/** The entry's three "@"-separated parts (the URL is the rest, so it may hold "@"). */
function parts(variable: string, entry: string, format: string): [string, string, string] {
  const first = entry.indexOf("@");
  const second = first < 0 ? -1 : entry.indexOf("@", first + 1);
  if (second < 0) fail(variable, entry, format, "does not have three @-separated parts");
  return [entry.slice(0, first), entry.slice(first + 1, second), entry.slice(second + 1)];
}

function hostPort(variable: string, entry: string, format: string, text: string): { host: string; port: number } {
  const colon = text.lastIndexOf(":");
  const host = text.slice(0, colon).replace(/^\[(.*)\]$/, "$1");
  const port = Number(text.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535) fail(variable, entry, format, `has "${text}" where host:port belongs`);
  return { host, port };
}

function wsUrl(variable: string, entry: string, format: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    fail(variable, entry, format, `has "${text}" where a ws:// URL belongs`);
  }
  if (url.protocol !== "ws:" && url.protocol !== "wss:") fail(variable, entry, format, `has "${text}" where a ws:// URL belongs`);
  return text;
}

function entries(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

export function parseV2(value: string | undefined, variable = "NETSVR_V2_GATEWAYS"): V2Gateway[] {
  return entries(value).map((entry) => {
    const [id, worker, url] = parts(variable, entry, v2Format);
    const serverId = Number(id);
    if (id === "" || !Number.isInteger(serverId) || serverId < 0 || serverId > 255) fail(variable, entry, v2Format, `has server id "${id}", not 0..255`);
    const { host, port } = hostPort(variable, entry, v2Format, worker);
    return { serverId, uniqIdPrefix: serverId.toString(16).padStart(2, "0"), host, workerPort: port, url: wsUrl(variable, entry, v2Format, url) };
  });
}

export function parseV6(value: string | undefined, variable = "NETSVR_V6_GATEWAYS"): V6Gateway[] {
  return entries(value).map((entry) => {
    const [worker, task, url] = parts(variable, entry, v6Format);
    const w = hostPort(variable, entry, v6Format, worker);
    const t = hostPort(variable, entry, v6Format, task);
    const checked = wsUrl(variable, entry, v6Format, url);
    if (new URL(checked).search !== "") fail(variable, entry, v6Format, "has a query string in its URL (a v8 gateway answers 404 to it)");
    return { host: w.host, workerPort: w.port, taskHost: t.host, taskPort: t.port, url: checked };
  });
}

function parsePid(variable: string): number | undefined {
  const value = process.env[variable]?.trim();
  if (value === undefined || value === "") return undefined;
  const pid = Number(value);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`${variable}: "${value}" is not a process id`);
  return pid;
}

export const v2Gateways: readonly V2Gateway[] = parseV2(process.env.NETSVR_V2_GATEWAYS);
export const v6Gateways: readonly V6Gateway[] = parseV6(process.env.NETSVR_V6_GATEWAYS);
/** The pid of v2Gateways[0], for the stall test. */
export const v2Pid: number | undefined = parsePid("NETSVR_V2_PID");
/** The pid of v6Gateways[0], for the stall test. */
export const v6Pid: number | undefined = parsePid("NETSVR_V6_PID");

/** A v6 gateway that calls an HTTP callback on connection open: where it listens, and the callback URL it calls. */
export interface V6CallbackGateway extends V6Gateway {
  readonly callback: URL;
}

export function parseV6Callback(value: string | undefined, variable = "NETSVR_V6_CALLBACK"): V6CallbackGateway | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const entry = value.trim();
  const at = entry.lastIndexOf("@http");
  const format = `${v6Format}@http://host:port/path`;
  if (at < 0) fail(variable, entry, format, "does not end with @http://... (the gateway's OnOpenCallbackApi)");
  const callback = new URL(entry.slice(at + 1));
  return { ...parseV6(entry.slice(0, at), variable)[0]!, callback };
}

export const v6Callback: V6CallbackGateway | undefined = parseV6Callback(process.env.NETSVR_V6_CALLBACK);

/** Gateways that send customers binary WebSocket messages (Customer.SendMessageType = 2), for binary application protocols. */
export const v2Binary: V2Gateway | undefined = parseV2(process.env.NETSVR_V2_BINARY, "NETSVR_V2_BINARY")[0];
export const v6Binary: V6Gateway | undefined = parseV6(process.env.NETSVR_V6_BINARY, "NETSVR_V6_BINARY")[0];

/** The one line a run prints when a version has no gateway. */
export function skipNotice(): string | undefined {
  const missing: string[] = [];
  if (v2Gateways.length === 0) missing.push(`NETSVR_V2_GATEWAYS=${v2Format} (netsvr v3.0.0)`);
  if (v6Gateways.length === 0) missing.push(`NETSVR_V6_GATEWAYS=${v6Format} (netsvr v8.0.6)`);
  if (missing.length === 0) return undefined;
  return (
    `gateway tests skipped: set ${missing.join(" and ")} to running gateways ` +
    `(build github.com/buexplain/netsvr at that tag with go build -mod=vendor ./cmd/, run it with -config <file>.toml); ` +
    `see README.md, "Real gateways"`
  );
}
