import { resolve } from "node:path";

/** The repository's root, from which tests find protos, packages and tools. */
export const repoRoot: string = resolve(import.meta.dirname, "../..");
