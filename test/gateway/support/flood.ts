/**
 * Customers that send many messages from a worker thread (flood-worker.mjs),
 * so the business under test keeps its event loop to itself, as it would
 * with customers on other machines.
 */
import { Worker } from "node:worker_threads";
import { cleanups } from "./harness.js";
import { within } from "./wait.js";

export interface FloodOptions {
  readonly url: string;
  readonly customers: number;
  readonly perCustomer: number;
  /** v2: the 3-digit worker prefix; v6: "". */
  readonly prefix: string;
  /** Messages are `${marker}:${customer}:${i}` (after the prefix). */
  readonly marker: string;
  /** Spread the messages evenly over this many ms (0: all at once). */
  readonly durationMs?: number;
}

export interface Flood {
  /** Resolves once every customer is open. */
  readonly opened: Promise<void>;
  /** Resolves once every message is written to the customers' sockets. */
  readonly sent: Promise<void>;
  /** Closes the customers and ends the thread (also done after the test). */
  close(): Promise<void>;
}

export function startFlood(options: FloodOptions): Flood {
  const worker = new Worker(new URL("./flood-worker.mjs", import.meta.url), { workerData: { ...options } });
  let failed: (error: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  failure.catch(() => undefined);
  worker.once("error", (error) => failed(error));
  worker.once("exit", (code) => failed(new Error(`the flood worker exited with ${code}`)));
  const message = (key: string): Promise<void> =>
    Promise.race([new Promise<void>((resolve) => worker.on("message", (m: Record<string, unknown>) => key in m && resolve())), failure]);
  const opened = message("opened");
  const sent = message("sent");
  const closed = message("closed");
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      worker.postMessage("close");
      await within(closed, 10_000, "closing the flood's customers").catch(() => undefined);
      await worker.terminate();
    })());
  cleanups.add(close);
  return { opened, sent, close };
}
