import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CliError, Exit } from "./errors.js";

/**
 * Where the gateways are: command-line flags first, then the environment,
 * then a small JSON config file a team can share (cli/README.md, "Config").
 *
 *   --protocol / NETSVR_PROTOCOL / "protocol"     v2 or v6
 *   --gateway (repeatable) / NETSVR_GATEWAYS (comma-separated) / "gateways" (array)
 *   --timeout / NETSVR_TIMEOUT / "timeout"        ms, default 5000
 *   --config / NETSVR_CONFIG                      the file; default ./netsvr.json when it exists
 */

export type Protocol = "v2" | "v6";

export interface Address {
  readonly host: string;
  readonly port: number;
}

/** One gateway, as given. */
export interface GatewaySpec {
  /** What the user wrote, shown in output as the gateway's name (its address). */
  readonly name: string;
  /** v2: the one business port. v6: the task port. */
  readonly address: Address;
  /** v2: the server id the user says it has (checked against the gateway's answer). */
  readonly serverId?: number;
  /** v6: the worker port (Register and events), for tail. */
  readonly worker?: Address;
}

export interface Settings {
  readonly protocol: Protocol;
  readonly gateways: readonly GatewaySpec[];
  readonly timeout: number;
  /** Where each setting came from, for `netsvr config`. */
  readonly sources: { readonly protocol: string; readonly gateways: string; readonly timeout: string };
  readonly configFile: string | undefined;
}

export interface FlagSettings {
  readonly protocol?: string;
  readonly gateway?: readonly string[];
  readonly serverId?: readonly string[];
  readonly timeout?: string;
  readonly config?: string;
}

interface FileSettings {
  readonly protocol?: unknown;
  readonly gateways?: unknown;
  readonly timeout?: unknown;
}

export const v2GatewayFormat = "[serverId@]host:port";
export const v6GatewayFormat = "[host:workerPort@]host:taskPort";

function usage(message: string): CliError {
  return new CliError(Exit.usage, message);
}

function parseAddress(text: string, what: string, spec: string): Address {
  const colon = text.lastIndexOf(":");
  const host = text.slice(0, colon).replace(/^\[(.*)\]$/, "$1");
  const portText = text.slice(colon + 1);
  const port = Number(portText);
  if (colon <= 0 || host === "" || !/^\d+$/.test(portText) || port <= 0 || port > 65535) {
    throw usage(`gateway "${spec}": "${text}" is not host:port (${what})`);
  }
  return { host, port };
}

/**
 * One gateway: v2 `[serverId@]host:port`, v6 `[host:workerPort@]host:taskPort`.
 * A trailing `@ws://...` (the customer URL, as in the gateway test suite's
 * NETSVR_V2_GATEWAYS / NETSVR_V6_GATEWAYS) is ignored, so those lists work as they are.
 */
export function parseGateway(protocol: Protocol, spec: string): GatewaySpec {
  const parts = spec.trim().split("@");
  while (parts.length > 1 && /^(wss?|https?):\/\//.test(parts[parts.length - 1]!)) parts.pop();
  if (protocol === "v2") {
    if (parts.length > 2) throw usage(`gateway "${spec}" is not ${v2GatewayFormat}`);
    const address = parseAddress(parts[parts.length - 1]!, "the business port", spec);
    if (parts.length === 1) return { name: `${address.host}:${address.port}`, address };
    const id = parts[0]!;
    const serverId = Number(id);
    if (!/^\d+$/.test(id) || serverId > 255) throw usage(`gateway "${spec}": server id "${id}" is not 0..255`);
    return { name: `${address.host}:${address.port}`, address, serverId };
  }
  if (parts.length > 2) throw usage(`gateway "${spec}" is not ${v6GatewayFormat}`);
  const address = parseAddress(parts[parts.length - 1]!, "the task port", spec);
  const name = `${address.host}:${address.port}`;
  if (parts.length === 1) return { name, address };
  return { name, address, worker: parseAddress(parts[0]!, "the worker port", spec) };
}

function readFileSettings(path: string): FileSettings {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw usage(`config file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw usage(`config file ${path} is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw usage(`config file ${path}: expected an object like {"protocol": "v6", "gateways": ["127.0.0.1:6062"]}`);
  const known = new Set(["protocol", "gateways", "timeout", "$comment"]);
  for (const key of Object.keys(parsed)) {
    if (!known.has(key)) throw usage(`config file ${path}: unknown key "${key}" (known: protocol, gateways, timeout)`);
  }
  return parsed as FileSettings;
}

function splitList(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** The settings of this run, from flags, then the environment, then the config file. */
export function resolveSettings(flags: FlagSettings, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Settings {
  const explicitFile = flags.config ?? (env.NETSVR_CONFIG === undefined || env.NETSVR_CONFIG === "" ? undefined : env.NETSVR_CONFIG);
  const defaultFile = resolve(cwd, "netsvr.json");
  const configFile = explicitFile !== undefined ? resolve(cwd, explicitFile) : existsSync(defaultFile) ? defaultFile : undefined;
  const file = configFile === undefined ? {} : readFileSettings(configFile);
  const fileName = configFile ?? "";

  let protocolText: string | undefined;
  let protocolSource: string;
  if (flags.protocol !== undefined) [protocolText, protocolSource] = [flags.protocol, "--protocol"];
  else if (env.NETSVR_PROTOCOL !== undefined && env.NETSVR_PROTOCOL !== "") [protocolText, protocolSource] = [env.NETSVR_PROTOCOL, "NETSVR_PROTOCOL"];
  else if (file.protocol !== undefined) [protocolText, protocolSource] = [String(file.protocol), fileName];
  else throw usage(`which protocol? give --protocol v2 (netsvr v3) or v6 (netsvr v8), NETSVR_PROTOCOL, or "protocol" in a netsvr.json`);
  if (protocolText !== "v2" && protocolText !== "v6") throw usage(`protocol "${protocolText}" (from ${protocolSource}) is not v2 or v6`);
  const protocol: Protocol = protocolText;

  let gatewayTexts: string[];
  let gatewaysSource: string;
  if (flags.gateway !== undefined && flags.gateway.length > 0) [gatewayTexts, gatewaysSource] = [flags.gateway.flatMap(splitList), "--gateway"];
  else if (env.NETSVR_GATEWAYS !== undefined && env.NETSVR_GATEWAYS.trim() !== "") [gatewayTexts, gatewaysSource] = [splitList(env.NETSVR_GATEWAYS), "NETSVR_GATEWAYS"];
  else if (file.gateways !== undefined) {
    if (!Array.isArray(file.gateways) || !file.gateways.every((item) => typeof item === "string")) throw usage(`config file ${fileName}: "gateways" must be an array of strings`);
    [gatewayTexts, gatewaysSource] = [file.gateways as string[], fileName];
  } else {
    const format = protocol === "v2" ? v2GatewayFormat : v6GatewayFormat;
    throw usage(`which gateways? give --gateway ${format} (repeatable), NETSVR_GATEWAYS, or "gateways" in a netsvr.json`);
  }
  if (gatewayTexts.length === 0) throw usage(`no gateway given (${gatewaysSource} is empty)`);
  let gateways = gatewayTexts.map((text) => parseGateway(protocol, text));

  const serverIds = flags.serverId ?? [];
  if (serverIds.length > 0) {
    if (protocol !== "v2") throw usage("--server-id is for protocol v2 (netsvr v3) only: v6 gateways have no server id");
    if (serverIds.length !== gateways.length) throw usage(`${serverIds.length} --server-id for ${gateways.length} gateways: give one per gateway, in the same order (or write serverId@host:port)`);
    gateways = gateways.map((gateway, i) => {
      const id = serverIds[i]!;
      const serverId = Number(id);
      if (!/^\d+$/.test(id) || serverId > 255) throw usage(`--server-id "${id}" is not 0..255`);
      return { ...gateway, serverId };
    });
  }
  const names = new Set<string>();
  for (const gateway of gateways) {
    if (names.has(gateway.name)) throw usage(`gateway ${gateway.name} is given twice`);
    names.add(gateway.name);
  }

  let timeoutText: string | undefined;
  let timeoutSource = "default";
  if (flags.timeout !== undefined) [timeoutText, timeoutSource] = [flags.timeout, "--timeout"];
  else if (env.NETSVR_TIMEOUT !== undefined && env.NETSVR_TIMEOUT !== "") [timeoutText, timeoutSource] = [env.NETSVR_TIMEOUT, "NETSVR_TIMEOUT"];
  else if (file.timeout !== undefined) [timeoutText, timeoutSource] = [String(file.timeout), fileName];
  const timeout = timeoutText === undefined ? 5000 : Number(timeoutText);
  if (!Number.isFinite(timeout) || timeout <= 0) throw usage(`timeout "${timeoutText}" (from ${timeoutSource}) is not a positive number of milliseconds`);

  return { protocol, gateways, timeout, sources: { protocol: protocolSource, gateways: gatewaysSource, timeout: timeoutSource }, configFile };
}
