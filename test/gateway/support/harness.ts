/**
 * What every gateway test file shares: cleanups after each test, errors that
 * clients reported without a test asking for them, and settling the
 * gateways (waiting until the customers a test closed are gone) so that the
 * next test starts from a quiet gateway.
 */
import { afterEach, expect } from "vitest";
import { closeAllCustomers } from "./customer.js";
import { Cleanups } from "./wait.js";

export const cleanups = new Cleanups();
/** Errors a client reported through on("error") that its test did not expect. */
export const unexpectedErrors: Error[] = [];
/** Per gateway touched by the current test: resolves once it counts no customer (or a bound passed). */
const settlers = new Map<string, () => Promise<void>>();

export function settleLater(key: string, settle: () => Promise<void>): void {
  settlers.set(key, settle);
}

/** Registers the afterEach hook of a test file. */
export function useHarness(): void {
  afterEach(async () => {
    try {
      expect(unexpectedErrors.map((error) => `${error.message}${error.cause instanceof Error ? ` (cause: ${error.cause.message})` : ""}`)).toEqual([]);
    } finally {
      unexpectedErrors.length = 0;
      await closeAllCustomers();
      const settle = [...settlers.values()];
      settlers.clear();
      await Promise.all(settle.map((fn) => fn().catch(() => undefined)));
      await cleanups.run();
    }
  });
}

/** Polls check every `interval` ms until it returns true or ms passed; returns the last result. */
export async function poll(check: () => Promise<boolean>, ms: number, interval = 50): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= end) return false;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Runs fn with this process's unhandledRejection listeners replaced by a
 * recorder, and returns what went unhandled (one event-loop turn after fn, so
 * a rejection nobody handled has surfaced). The listeners are restored after.
 */
export async function unhandledRejectionsDuring(fn: () => Promise<void>): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const saved = process.listeners("unhandledRejection");
  process.removeAllListeners("unhandledRejection");
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    await fn();
    await new Promise((resolve) => setImmediate(resolve));
    return unhandled;
  } finally {
    process.off("unhandledRejection", onUnhandled);
    for (const listener of saved) process.on("unhandledRejection", listener);
  }
}
