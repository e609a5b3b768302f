import Table from "cli-table3";

/**
 * Output: human tables (plain columns, no borders, so they also read well in
 * a log or through grep and awk) and JSON for scripts. int64 counts (Metrics)
 * are bigints; JSON writes them as strings, as protobuf's JSON mapping does.
 */

const noBorder = {
  top: "",
  "top-mid": "",
  "top-left": "",
  "top-right": "",
  bottom: "",
  "bottom-mid": "",
  "bottom-left": "",
  "bottom-right": "",
  left: "",
  "left-mid": "",
  mid: "",
  "mid-mid": "",
  right: "",
  "right-mid": "",
  middle: "  ",
};

export type Cell = string | number | bigint;

/** A table with a header row; columns right-aligned where `right` says so (numbers). */
export function table(head: readonly string[], rows: readonly (readonly Cell[])[], right: readonly boolean[] = []): string {
  const t = new Table({
    head: head.map((h) => h.toUpperCase()),
    chars: noBorder,
    style: { head: [], border: [], "padding-left": 0, "padding-right": 0 },
    colAligns: head.map((_, i) => (right[i] === true ? "right" : "left")),
  });
  for (const row of rows) t.push(row.map((cell) => (typeof cell === "bigint" ? cell.toString() : cell)));
  return t
    .toString()
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n");
}

function replacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** One JSON document, indented. */
export function json(value: unknown): string {
  return JSON.stringify(value, replacer, 2);
}

/** One line of NDJSON (streams: top, tail). */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value, replacer);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** The bytes as text when they are UTF-8 without control characters (tabs and newlines aside); else undefined. */
export function asText(data: Uint8Array): string | undefined {
  try {
    const text = strictUtf8.decode(data);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

/** Bytes for a human line: quoted text, or their length and first bytes in hex. */
export function describeData(data: Uint8Array): string {
  const text = asText(data);
  if (text !== undefined) return JSON.stringify(text);
  const head = Buffer.from(data.subarray(0, 16)).toString("hex");
  return `<${data.length} bytes: ${head}${data.length > 16 ? "…" : ""}>`;
}

/** A list for a table cell: comma-separated, or "-" when empty. */
export function list(items: readonly (string | number)[]): string {
  return items.length === 0 ? "-" : items.join(",");
}

/** A string for a table cell: "-" when empty. */
export function orDash(text: string | undefined): string {
  return text === undefined || text === "" ? "-" : text;
}
