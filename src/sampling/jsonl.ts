import {
  type ColumnView,
  checkSameColumns,
  columnViews,
  numberText,
  ROWS_PER_WRITE,
  writeWithBackpressure,
} from "./_internal/write.js";
import type { Table } from "./table.js";

function rowsText(
  views: readonly ColumnView[],
  keys: readonly string[],
  from: number,
  to: number,
): string {
  let s = "";
  for (let i = from; i < to; i++) {
    for (let j = 0; j < views.length; j++) {
      const v = views[j] as ColumnView;
      const x = v.values[i] as number;
      s += keys[j] as string;
      s += v.labels === null ? numberText(x) : (v.labels[x] as string);
    }
    s += views.length === 0 ? "{}\n" : "}\n";
  }
  return s;
}

/**
 * Writes tables (e.g. the chunks of {@link sampleChunks}) to a stream as JSON lines: one JSON
 * object per row, `{"<name>": value, …}\n`, with the endogenous columns in order, then the
 * exogenous ones if the tables have them. Discrete values are written as state-name strings,
 * continuous ones as JSON numbers with `String(x)` (the shortest text that reads back to the
 * same double; `-0` as `-0`). Keys and labels are JSON-encoded once, not per row; a column
 * named `__proto__` is an ordinary key (`JSON.parse` makes it an own property).
 *
 * Honours backpressure: waits for `'drain'` when `out.write` returns false. Does not end the
 * stream.
 *
 * @param chunks - tables with identical columns, in row order (sync or async iterable)
 * @param out - a writable stream
 * @returns a promise resolved when every row has been handed to the stream
 * @throws {@link InvalidArgumentError} (as a rejection) if a chunk's columns differ from the
 *   first chunk's, or the stream closes early; a stream `'error'` rejects with that error
 * @remarks O(cells) time; memory O(rows per write · columns) beyond the current chunk.
 * @see JSON Lines, https://jsonlines.org; RFC 8259, "The JavaScript Object Notation (JSON) Data
 *   Interchange Format" (2017).
 * @example
 * ```ts
 * await writeJsonl(sampleChunks(model, 1000, { seed: 1 }), process.stdout);
 * // {"rain":"no","wet grass":"no"}
 * ```
 * @since 0.1.0
 */
export async function writeJsonl(
  chunks: Iterable<Table> | AsyncIterable<Table>,
  out: NodeJS.WritableStream,
): Promise<void> {
  const where = "sampling.writeJsonl";
  let first: Table | undefined;
  let index = 0;
  let keys: string[] = [];
  for await (const t of chunks) {
    if (first === undefined) first = t;
    else checkSameColumns(first, t, index, where);
    const views = columnViews(t, (s) => JSON.stringify(s));
    if (index === 0) {
      keys = views.map((v, j) => `${j === 0 ? "{" : ","}${JSON.stringify(v.name)}:`);
    }
    for (let i = 0; i < t.n; i += ROWS_PER_WRITE) {
      await writeWithBackpressure(
        out,
        rowsText(views, keys, i, Math.min(t.n, i + ROWS_PER_WRITE)),
        where,
      );
    }
    index++;
  }
}
