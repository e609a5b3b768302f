import type { Protocol } from "./config.js";
import type { GatewayMetrics, Gateways, PerGateway } from "./gateways.js";
import { jsonLine, table } from "./output.js";

/**
 * `netsvr top`: Metrics of every gateway, refreshed. Counts are the
 * gateway's totals since it started; Δ is the change since the previous
 * refresh and /s that change per second of the time between the two; 1m is
 * the gateway's own one-minute rate. A gateway records only the items its
 * `[Metrics] Item` config lists; the others stay at 0.
 */

/** Metric item names, from netsvr's internal/metrics (v3.0.0 counts from 0, v8.0.6 from 1). */
const itemNames: Record<Protocol, Record<number, string>> = {
  v2: {
    0: "conn open",
    1: "conn close",
    2: "heartbeat",
    3: "messages in",
    4: "bytes in",
    5: "messages out",
    6: "bytes out",
  },
  v6: {
    1: "conn open",
    2: "conn close",
    3: "heartbeat",
    4: "messages in",
    5: "bytes in",
    6: "messages out",
    7: "bytes out",
    8: "open limited",
    9: "message limited",
    10: "to business failed",
    11: "out failed",
    12: "bytes out failed",
    13: "conn msg limited",
  },
};

export function metricName(protocol: Protocol, item: number): string {
  return itemNames[protocol][item] ?? `item ${item}`;
}

export interface TopOptions {
  /** Seconds between refreshes. */
  readonly interval: number;
  /** Stop after this many refreshes (default: until q, Ctrl-C or a signal). */
  readonly count: number | undefined;
  readonly json: boolean;
}

interface Sample {
  readonly at: number;
  readonly metrics: readonly PerGateway<GatewayMetrics>[];
}

const enterScreen = "\x1b[?1049h\x1b[?25l";
const leaveScreen = "\x1b[?25h\x1b[?1049l";
const home = "\x1b[H\x1b[2J";

function rate(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function frame(gateways: Gateways, sample: Sample, previous: Sample | undefined, refresh: number, options: TopOptions, live: boolean): string {
  const seconds = previous === undefined ? 0 : (sample.at - previous.at) / 1000;
  const time = new Date().toTimeString().slice(0, 8);
  const lines = [
    `netsvr top  protocol ${gateways.protocol}  ${gateways.names.length} gateway${gateways.names.length === 1 ? "" : "s"}  every ${options.interval}s  refresh ${refresh}  ${time}${live ? "  (q to quit)" : ""}`,
  ];
  sample.metrics.forEach((result, i) => {
    lines.push("");
    if (!result.ok) {
      lines.push(result.error.message);
      return;
    }
    const serverId = gateways.serverIds[i];
    lines.push(`${result.gateway}${serverId === undefined ? "" : `  server ${serverId}`}  connections ${result.value.connections}`);
    const before = previous?.metrics[i];
    const old = before?.ok === true ? new Map(before.value.items.map((item) => [item.item, item.count])) : undefined;
    const rows = result.value.items.map((item) => {
      const was = old?.get(item.item);
      const delta = was === undefined ? undefined : item.count - was;
      return [metricName(gateways.protocol, item.item), item.count, delta === undefined ? "-" : delta, delta === undefined || seconds <= 0 ? "-" : rate(Number(delta) / seconds), rate(item.rate1)];
    });
    lines.push(rows.length === 0 ? "(no metrics: the gateway's [Metrics] Item list is empty)" : table(["metric", "total", "Δ", "/s", "1m"], rows, [false, true, true, true, true]));
  });
  return lines.join("\n");
}

function record(gateways: Gateways, sample: Sample, previous: Sample | undefined, refresh: number): unknown {
  const seconds = previous === undefined ? 0 : (sample.at - previous.at) / 1000;
  return {
    time: new Date().toISOString(),
    refresh,
    seconds,
    gateways: sample.metrics.map((result, i) => {
      if (!result.ok) return { gateway: result.gateway, ok: false, error: result.error.message };
      const before = previous?.metrics[i];
      const old = before?.ok === true ? new Map(before.value.items.map((item) => [item.item, item.count])) : undefined;
      return {
        gateway: result.gateway,
        ok: true,
        ...(gateways.serverIds[i] === undefined ? {} : { serverId: gateways.serverIds[i] }),
        connections: result.value.connections,
        metrics: result.value.items.map((item) => {
          const was = old?.get(item.item);
          const delta = was === undefined ? null : item.count - was;
          return {
            item: item.item,
            name: metricName(gateways.protocol, item.item),
            count: item.count,
            delta,
            perSecond: delta === null || seconds <= 0 ? null : Number(delta) / seconds,
            rate1: item.rate1,
          };
        }),
      };
    }),
  };
}

/**
 * Runs until `count` refreshes, q or Ctrl-C (on a terminal), or SIGINT /
 * SIGTERM. On a terminal it draws on the alternate screen with the cursor
 * hidden and reads keys in raw mode, and it restores all three however it
 * ends. Elsewhere (a pipe, a file) each refresh is printed after the last.
 * Returns whether every refresh got every gateway's answer.
 */
export async function runTop(gateways: Gateways, options: TopOptions): Promise<boolean> {
  const out = process.stdout;
  const live = out.isTTY === true && !options.json;
  const keys = live && process.stdin.isTTY === true;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let stopping = false;
  const onSignal = (): void => {
    stopping = true;
    stop();
  };
  const onKey = (chunk: Buffer): void => {
    const key = chunk.toString();
    if (key === "q" || key === "Q" || key.includes("\x03") || key.includes("\x04")) onSignal();
  };
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    if (keys) {
      process.stdin.off("data", onKey);
      process.stdin.setRawMode(false);
      process.stdin.pause();
    }
    if (live) out.write(leaveScreen);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("exit", restore);
  if (live) out.write(enterScreen);
  if (keys) {
    process.stdin.setRawMode(true);
    process.stdin.resume();
    process.stdin.on("data", onKey);
  }
  let complete = true;
  try {
    let previous: Sample | undefined;
    for (let refresh = 1; options.count === undefined || refresh <= options.count; refresh++) {
      const started = Date.now();
      const sample: Sample = { at: started, metrics: await gateways.metrics() };
      if (stopping) break;
      if (sample.metrics.some((result) => !result.ok)) complete = false;
      if (options.json) out.write(`${jsonLine(record(gateways, sample, previous, refresh))}\n`);
      else if (live) out.write(home + frame(gateways, sample, previous, refresh, options, true) + "\n");
      else out.write(`${refresh > 1 ? "\n" : ""}${frame(gateways, sample, previous, refresh, options, false)}\n`);
      previous = sample;
      if (options.count !== undefined && refresh >= options.count) break;
      const wait = Math.max(0, options.interval * 1000 - (Date.now() - started));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([stopped, new Promise<void>((resolve) => (timer = setTimeout(resolve, wait)))]);
      clearTimeout(timer);
      if (stopping) break;
    }
  } finally {
    restore();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.off("exit", restore);
  }
  return complete;
}
