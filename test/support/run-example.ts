import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./repo.js";

/** A running example process. */
export interface RunningExample {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  readonly output: () => string;
}

/**
 * Starts examples/<file> as a user runs it (node, importing the package by
 * name) and resolves once its output matches `ready`. onStart registers the
 * cleanup that kills it; the caller's within() bounds the wait.
 */
export function runExample(file: string, args: string[], ready: RegExp, onStart: (cleanup: () => Promise<void>) => void): Promise<RunningExample> {
  const child = spawn(process.execPath, [join(repoRoot, "examples", file), ...args], { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  onStart(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exited;
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready.test(output)) resolve({ child, exited, output: () => output });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code} before ${ready}:\n${output}`)));
  });
}
