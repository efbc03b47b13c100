import { InvalidArgumentError } from "../errors.js";

/** Splits a comma-separated CLI list (`"A, B"` → `["A", "B"]`; `""` → `[]`). */
export function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Like {@link splitList}, but at least one name is required. */
export function requireList(value: string | undefined, option: string): string[] {
  const list = splitList(value);
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
