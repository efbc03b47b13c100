import { InvalidArgumentError } from "../errors.js";

/**
 * A list option: a comma-separated string as on the command line (`"A, B"` → `["A", "B"]`;
 * `""` → `[]`), or, in a batch request, an array of names (kept as given, so names may contain
 * commas).
 */
export function splitList(value: unknown, option = "list"): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") {
    return value
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [...value];
  throw new InvalidArgumentError(
    `cli: ${option} must be a comma-separated string or an array of names`,
    option,
  );
}

/** Like {@link splitList}, but at least one name is required. */
export function requireList(value: unknown, option: string): string[] {
  const list = splitList(value, option);
  if (list.length === 0) {
    throw new InvalidArgumentError(`cli: ${option} needs at least one variable name`, option);
  }
  return list;
}

/** Writes one JSON document (and a newline) to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Writes a line of text to stdout. */
export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Formats a node set for people: `{A, B}`. */
export function formatSet(nodes: readonly string[]): string {
  return `{${nodes.join(", ")}}`;
}

/** Code-unit order, the order of JSON output (stable across locales). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
