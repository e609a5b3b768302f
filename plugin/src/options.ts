import { UserError } from "./user-error.js";

/** Options of protoc-gen-netsvr itself (protoplugin parses the standard ones). */
export interface NetsvrOptions {
  /** Path of the command manifest, relative to where protoc or buf runs. */
  readonly manifest: string | undefined;
}

/** Options protoplugin handles for every ECMAScript plugin. */
const standardOptions = [
  "target",
  "import_extension",
  "js_import_style",
  "keep_empty_files",
  "ts_nocheck",
  "elide_plugin_version",
  "rewrite_imports",
];

export const validOptions: readonly string[] = ["manifest", ...standardOptions];

export function parseOptions(raw: { key: string; value: string }[]): NetsvrOptions {
  let manifest: string | undefined;
  for (const { key, value } of raw) {
    if (key !== "manifest") {
      throw new UserError(`unknown option "${key}"; valid options are: ${validOptions.join(", ")}`);
    }
    if (value === "") {
      throw new UserError('option "manifest" needs a value: manifest=<path to the command manifest>');
    }
    manifest = value;
  }
  return { manifest };
}
