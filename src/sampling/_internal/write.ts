// Shared pieces of the CSV and JSON-lines writers. Internal to `causalkit/sampling`.
import { InvalidArgumentError } from "../../errors.js";
import type { Table } from "../table.js";

/**
 * Writes `data` to `out`, waiting for `'drain'` when the stream's buffer is full (backpressure).
 * Rejects if the stream emits `'error'` or closes while we wait.
 *
 * @internal
 */
export async function writeWithBackpressure(
  out: NodeJS.WritableStream,
  data: string | Uint8Array,
  where: string,
): Promise<void> {
  if (out.write(data)) return;
  await new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      out.removeListener("drain", onDrain);
      out.removeListener("error", onError);
      out.removeListener("close", onClose);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    const onError = (err: unknown): void => {
      cleanup();
      reject(err);
    };
    const onClose = (): void => {
      cleanup();
      reject(
        new InvalidArgumentError(
          `${where}: the output stream closed before the data was written`,
          "out",
        ),
      );
    };
    out.on("drain", onDrain);
    out.on("error", onError);
    out.on("close", onClose);
  });
}

/** Text of a finite double that reads back to the same double, `-0` included. */
export function numberText(x: number): string {
  return x === 0 && 1 / x < 0 ? "-0" : String(x);
}

/** Every column of a table: endogenous in order, then exogenous. */
export interface ColumnView {
  readonly name: string;
  /** Precomputed text per state for a discrete column, else null. */
  readonly labels: readonly string[] | null;
  readonly values: Uint8Array | Int32Array | Float64Array;
}

/** Column names (endogenous then exogenous) of a table, as one key for shape comparison. */
export function shapeOf(table: Table): string[] {
  return [...table.names, ...table.exogenousNames];
}

/**
 * The columns of a table, with discrete labels converted once per state by `label`.
 *
 * @internal
 */
export function columnViews(table: Table, label: (state: string) => string): ColumnView[] {
  const views: ColumnView[] = [];
  for (const name of table.names) {
    const c = table.column(name);
    views.push({
      name,
      labels: c.kind === "discrete" ? c.states.map(label) : null,
      values: c.values,
    });
  }
  for (const name of table.exogenousNames) {
    views.push({ name, labels: null, values: table.exogenous(name) });
  }
  return views;
}

/**
 * Checks that a chunk has the columns (names, kinds, states) of the first chunk.
 *
 * @internal
 */
export function checkSameColumns(first: Table, t: Table, index: number, where: string): void {
  const a = shapeOf(first);
  const b = shapeOf(t);
  let same = a.length === b.length && a.every((x, i) => x === b[i]);
  if (same) {
    for (const name of first.names) {
      const ca = first.column(name);
      const cb = t.column(name);
      if (ca.kind !== cb.kind) same = false;
      else if (ca.kind === "discrete" && cb.kind === "discrete") {
        if (ca.states.length !== cb.states.length || ca.states.some((s, k) => s !== cb.states[k])) {
          same = false;
        }
      }
    }
  }
  if (!same) {
    throw new InvalidArgumentError(
      `${where}: chunk ${index} does not have the columns of chunk 0`,
      "chunks",
    );
  }
}

/** Rows formatted per `write` call: keeps each string small and backpressure responsive. */
export const ROWS_PER_WRITE = 2048;
