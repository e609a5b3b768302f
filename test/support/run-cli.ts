import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./repo.js";

/**
 * The netsvr command line (cli/, built to cli/dist by `npm run build:cli`,
 * which `npm test` runs first) as a user runs it: `node cli/bin/netsvr.js`,
 * a process of its own, from a directory without a netsvr.json, with no
 * NETSVR_* variable unless a test gives one.
 */
export const cliBin = join(repoRoot, "cli", "bin", "netsvr.js");

export function assertCliBuilt(): void {
  if (!existsSync(join(repoRoot, "cli", "dist", "main.js"))) throw new Error("cli/dist is missing: run `npm run build:cli` (npm test does)");
}

export interface CliOptions {
  /** NETSVR_* and other variables for this run. */
  readonly env?: Readonly<Record<string, string>>;
  /** Working directory; default an empty temporary one. */
  readonly cwd?: string;
  /** Written to stdin, which is then closed (default: closed at once, not a terminal). */
  readonly input?: string;
  /** Kill after this long, in ms. Default 30000. */
  readonly timeoutMs?: number;
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let emptyDir: string | undefined;

function environment(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith("NETSVR_")) env[key] = value;
  return { ...env, ...extra };
}

function spawnCli(args: readonly string[], options: CliOptions): ChildProcess {
  emptyDir ??= mkdtempSync(join(tmpdir(), "netsvr-cli-"));
  return spawn(process.execPath, [cliBin, ...args], { cwd: options.cwd ?? emptyDir, env: environment(options.env), stdio: ["pipe", "pipe", "pipe"] });
}

/** Runs the CLI to its end. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawnCli(args, options);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin!.end(options.input ?? "");
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 30_000);
  return new Promise((resolve) =>
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

/** A CLI process that keeps running (top, tail). */
export interface RunningCli {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves once stdout (or stderr) matches, within ms; rejects with both outputs otherwise. */
  waitFor(pattern: RegExp, stream?: "stdout" | "stderr", ms?: number): Promise<void>;
  readonly exited: Promise<number | null>;
  /** Kills it if still running, and waits for the end. */
  stop(): Promise<void>;
}

export function startCli(args: readonly string[], options: CliOptions = {}): RunningCli {
  const child = spawnCli(args, options);
  let stdout = "";
  let stderr = "";
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    changed();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    changed();
  });
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  void exited.then(changed);
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitFor(pattern, stream = "stdout", ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(stream === "stdout" ? stdout : stderr)) done(undefined);
          else if (child.exitCode !== null || child.signalCode !== null) done(new Error(`netsvr ${args.join(" ")} exited (${child.exitCode}) before ${pattern}:\n${stdout}\n${stderr}`));
        };
        const timer = setTimeout(() => done(new Error(`netsvr ${args.join(" ")}: no ${pattern} within ${ms} ms:\nstdout:\n${stdout}\nstderr:\n${stderr}`)), ms);
        const done = (error: Error | undefined): void => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error === undefined) resolve();
          else reject(error);
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
