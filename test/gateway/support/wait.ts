/**
 * Waiting without sleeping: an inbox of things that arrive (events, customer
 * messages) with waiters on predicates, and upper bounds on promises. Every
 * number of milliseconds here is a bound a passing test stays far below, not
 * a delay.
 */

/** Rejects if promise does not settle within ms. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves after ms: only where the scenario itself is "wait this long" (a stall, a paused reader). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface Waiter<T> {
  readonly predicate: (item: T) => boolean;
  readonly want: number;
  readonly found: T[];
  readonly resolve: (items: T[]) => void;
}

/** Things that arrive, kept in order, with waiters. */
export class Inbox<T> {
  readonly items: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  push(item: T): void {
    this.items.push(item);
    for (const waiter of [...this.waiters]) {
      if (!waiter.predicate(item)) continue;
      waiter.found.push(item);
      if (waiter.found.length >= waiter.want) {
        this.waiters.delete(waiter);
        waiter.resolve(waiter.found);
      }
    }
  }

  /** The position after the last item so far: wait for items from here on. */
  mark(): number {
    return this.items.length;
  }

  /** The first item (at or after `from`) that matches, waiting for it up to ms. */
  async waitFor(predicate: (item: T) => boolean, ms: number, what: string, from = 0): Promise<T> {
    return (await this.waitForCount(predicate, 1, ms, what, from))[0]!;
  }

  /** The first `want` matching items (at or after `from`), waiting up to ms. */
  waitForCount(predicate: (item: T) => boolean, want: number, ms: number, what: string, from = 0): Promise<T[]> {
    const found = this.items.slice(from).filter(predicate);
    if (found.length >= want) return Promise.resolve(found.slice(0, want));
    const promise = new Promise<T[]>((resolve) => this.waiters.add({ predicate, want, found, resolve }));
    return within(promise, ms, `${what} (${found.length} of ${want} so far)`).finally(() => {
      for (const waiter of this.waiters) if (waiter.found === found) this.waiters.delete(waiter);
    });
  }
}

/** Cleanups run after each test, last first; failures are collected and rethrown together. */
export class Cleanups {
  private readonly list: (() => Promise<unknown> | unknown)[] = [];

  add(cleanup: () => Promise<unknown> | unknown): void {
    this.list.push(cleanup);
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const cleanup of this.list.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} cleanups failed`);
  }
}

/** A text of `length` ASCII characters, different per `seed` (customers get text frames, so it must be valid UTF-8). */
export function asciiData(length: number, seed: string): string {
  const unit = `${seed}:0123456789abcdefghijklmnopqrstuvwxyz;`;
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const decoder = new TextDecoder();
export const text = (bytes: Uint8Array): string => decoder.decode(bytes);
export const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A token unique in this run, to tell this test's customers and messages from any other's. */
let counter = 0;
const run = Date.now().toString(36);
export function token(label: string): string {
  return `${label}-${run}-${++counter}`;
}
