import { readFileSync } from "node:fs";

/**
 * The dagitty oracle cases of `../shared/oracle/graph-cases.jsonl` (one JSON object a line; see
 * the README beside it). Each test file declares the slice of the case shape it reads as `T`.
 */
export function readGraphCases<T>(): T[] {
  return readFileSync(new URL("../../../shared/oracle/graph-cases.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
