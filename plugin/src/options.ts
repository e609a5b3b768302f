/** Options of protoc-gen-netsvr itself (protoplugin parses the standard ones). */
export interface NetsvrOptions {
  /** Path of the command manifest, relative to where protoc or buf runs. */
  readonly manifest: string | undefined;
  /**
   * Problems found while parsing, reported by the plugin itself: an error
   * thrown here would reach the user wrapped in protoplugin's message,
   * which quotes every other option too.
   */
  readonly problems: readonly string[];
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

const validOptions: readonly string[] = ["manifest", ...standardOptions];

export function parseOptions(raw: { key: string; value: string }[]): NetsvrOptions {
  let manifest: string | undefined;
  const problems: string[] = [];
  for (const { key, value } of raw) {
    if (key !== "manifest") {
      problems.push(`unknown option "${key}"; valid options are: ${validOptions.join(", ")}`);
    } else if (value === "") {
      problems.push('option "manifest" needs a value: manifest=<path to the command manifest>');
    } else {
      manifest = value;
    }
  }
  if (manifest === undefined && problems.length === 0) {
    problems.push('missing option "manifest=<path to the command manifest>"');
  }
  return { manifest, problems };
}
