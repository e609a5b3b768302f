/** Options of protoc-gen-netsvr itself (protoplugin parses the standard ones). */
export interface NetsvrOptions {
  /** Path of the command manifest, relative to where protoc or buf runs. */
  readonly manifest: string | undefined;
  /**
   * Whether the output includes the Node client (node.ts, node-client.ts,
   * node-cluster.ts), which imports node:net. node_client=false leaves it out,
   * for browser and edge projects whose tsconfig has no Node types.
   */
  readonly nodeClient: boolean;
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

const validOptions: readonly string[] = ["manifest", "node_client", ...standardOptions];

export function parseOptions(raw: { key: string; value: string }[]): NetsvrOptions {
  let manifest: string | undefined;
  let nodeClient = true;
  const problems: string[] = [];
  for (const { key, value } of raw) {
    if (key === "manifest") {
      if (value === "") {
        problems.push('option "manifest" needs a value: manifest=<path to the command manifest>');
      } else {
        manifest = value;
      }
    } else if (key === "node_client") {
      if (value === "true" || value === "false") {
        nodeClient = value === "true";
      } else {
        problems.push(`option "node_client" must be true or false, got ${JSON.stringify(value)}; node_client=false leaves out the Node client (node.ts, node-client.ts, node-cluster.ts)`);
      }
    } else {
      problems.push(`unknown option "${key}"; valid options are: ${validOptions.join(", ")}`);
    }
  }
  if (manifest === undefined && problems.length === 0) {
    problems.push('missing option "manifest=<path to the command manifest>"');
  }
  return { manifest, nodeClient, problems };
}
