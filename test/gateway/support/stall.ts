/**
 * Stalls a gateway process with SIGSTOP and always resumes it with SIGCONT,
 * even when the test fails or its worker process exits.
 */
import { sleep } from "./wait.js";

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops the process, runs `during` while it is stopped, keeps it stopped for
 * `ms` in all, then continues it. The kernel still accepts TCP connections
 * for a stopped process (its listen backlog), but nothing is read or answered.
 */
export async function whileStopped<T>(pid: number, ms: number, during: () => Promise<T> | T): Promise<T> {
  const resume = (): void => {
    try {
      process.kill(pid, "SIGCONT");
    } catch {
      // Gone already.
    }
  };
  process.once("exit", resume);
  const started = Date.now();
  process.kill(pid, "SIGSTOP");
  try {
    const result = await during();
    await sleep(Math.max(0, ms - (Date.now() - started)));
    return result;
  } finally {
    resume();
    process.off("exit", resume);
  }
}
