import { parse } from "csv-parse/sync";
import { InvalidArgumentError, ParseError } from "../errors.js";
import type { Scm } from "../scm/scm.js";
import {
  type ColumnView,
  checkSameColumns,
  columnViews,
  numberText,
  ROWS_PER_WRITE,
  writeWithBackpressure,
} from "./_internal/write.js";
import { type Column, discreteArray, Table } from "./table.js";

/**
 * Options of {@link writeCsv} and {@link formatCsv}.
 *
 * @since 0.1.0
 */
export interface WriteCsvOptions {
  /**
   * Write a header row of column names first.
   * @defaultValue true
   */
  readonly header?: boolean;
}

/** Fields that must be quoted: containing a comma, a quote or a line break, or empty. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A CSV field for a text (RFC 4180 §2): quoted, with `"` doubled, when it contains a comma, a
 * quote or a line break, or is empty; as is otherwise.
 */
function csvField(text: string): string {
  return text === "" || NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Longest text `String(x)` gives for a finite double (e.g. `-2.2250738585072014e-308`). */
const MAX_NUMBER_TEXT = 24;

/**
 * A column prepared for byte-level writing: per state, the UTF-8 bytes of its CSV field with
 * the separator appended (computed once per chunk, not per cell).
 */
interface EncodedColumn {
  readonly values: Uint8Array | Int32Array | Float64Array;
  /** Per state: field bytes plus separator; null for a numeric column. */
  readonly cells: readonly Uint8Array[] | null;
  /** The separator byte after this column (`,` or `\n`). */
  readonly separator: number;
  /** Upper bound on the bytes of one cell, separator included. */
  readonly maxBytes: number;
}

function encodeColumns(views: readonly ColumnView[]): EncodedColumn[] {
  const last = views.length - 1;
  return views.map((v, j) => {
    const sep = j === last ? "\n" : ",";
    const cells = v.labels === null ? null : v.labels.map((l) => Buffer.from(l + sep, "utf8"));
    let maxBytes = MAX_NUMBER_TEXT + 1;
    if (cells !== null) maxBytes = cells.reduce((m, c) => Math.max(m, c.length), 0);
    return { values: v.values, cells, separator: sep.charCodeAt(0), maxBytes };
  });
}

/** The CSV bytes of rows `[from, to)`. */
function rowsBytes(cols: readonly EncodedColumn[], from: number, to: number): Buffer {
  let rowBytes = 0;
  for (const c of cols) rowBytes += c.maxBytes;
  const buf = Buffer.allocUnsafe(Math.max(1, (to - from) * rowBytes));
  let pos = 0;
  for (let i = from; i < to; i++) {
    for (let j = 0; j < cols.length; j++) {
      const c = cols[j] as EncodedColumn;
      const x = c.values[i] as number;
      const cells = c.cells;
      if (cells === null) {
        // Number texts are ASCII: one byte per character.
        const text = numberText(x);
        for (let k = 0; k < text.length; k++) buf[pos++] = text.charCodeAt(k);
        buf[pos++] = c.separator;
      } else {
        const b = cells[x] as Uint8Array;
        for (let k = 0; k < b.length; k++) buf[pos++] = b[k] as number;
      }
    }
  }
  return buf.subarray(0, pos);
}

function headerText(views: readonly ColumnView[]): string {
  return `${views.map((v) => csvField(v.name)).join(",")}\n`;
}

function readHeaderOption(where: string, options: WriteCsvOptions): boolean {
  const header = options.header ?? true;
  if (typeof header !== "boolean") {
    throw new InvalidArgumentError(`${where}: options.header must be a boolean`, "header");
  }
  return header;
}

/**
 * Writes tables (e.g. the chunks of {@link sampleChunks}) to a stream as one CSV document
 * (RFC 4180 quoting, `\n` line ends): a header of column names, then one line per row.
 * Columns: the endogenous columns in order, then the exogenous ones if the tables have them.
 * Discrete cells are written as state names, continuous ones with `String(x)` (the shortest
 * text that reads back to the same double; `-0` as `"-0"`). Names and labels are quoted when
 * they contain a comma, a quote or a line break, or are empty; the quoted forms are computed
 * once per state.
 *
 * Honours backpressure: when `out.write` returns false, waits for `'drain'` before writing
 * more, so memory stays bounded whatever the number of rows. Does not end the stream.
 *
 * @param chunks - tables with identical columns, in row order (sync or async iterable)
 * @param out - a writable stream, e.g. `fs.createWriteStream(path)` or `process.stdout`
 * @param options - {@link WriteCsvOptions}
 * @returns a promise resolved when every row has been handed to the stream
 * @throws {@link InvalidArgumentError} (as a rejection) if a chunk's columns differ from the
 *   first chunk's, an option has the wrong type, or the stream closes early; a stream `'error'`
 *   rejects with that error
 * @remarks O(cells) time; memory O(rows per write · columns) beyond the current chunk.
 * @see RFC 4180, "Common Format and MIME Type for Comma-Separated Values (CSV) Files" (2005), §2.
 * @example
 * ```ts
 * const out = fs.createWriteStream("alarm.csv");
 * await writeCsv(sampleChunks(model, 1_000_000, { seed: 7 }), out);
 * out.end();
 * ```
 * @since 0.1.0
 */
export async function writeCsv(
  chunks: Iterable<Table> | AsyncIterable<Table>,
  out: NodeJS.WritableStream,
  options: WriteCsvOptions = {},
): Promise<void> {
  const where = "sampling.writeCsv";
  const header = readHeaderOption(where, options);
  let first: Table | undefined;
  let index = 0;
  let views: ColumnView[] = [];
  for await (const t of chunks) {
    if (first === undefined) {
      first = t;
      views = columnViews(t, csvField);
      if (header) await writeWithBackpressure(out, Buffer.from(headerText(views), "utf8"), where);
    } else {
      checkSameColumns(first, t, index, where);
      views = columnViews(t, csvField);
    }
    const cols = encodeColumns(views);
    for (let i = 0; i < t.n; i += ROWS_PER_WRITE) {
      await writeWithBackpressure(
        out,
        rowsBytes(cols, i, Math.min(t.n, i + ROWS_PER_WRITE)),
        where,
      );
    }
    index++;
  }
}

/**
 * Formats a table as CSV text, exactly as {@link writeCsv} would write it.
 *
 * @param table - the table
 * @param options - {@link WriteCsvOptions}
 * @returns the CSV text (ending with a newline)
 * @throws {@link InvalidArgumentError} if an option has the wrong type
 * @remarks O(cells).
 * @see RFC 4180, "Common Format and MIME Type for Comma-Separated Values (CSV) Files" (2005), §2.
 * @example
 * ```ts
 * formatCsv(sample(model, 3, { seed: 1 }));
 * // "rain,wet grass\nno,no\nyes,yes\nno,no\n"
 * ```
 * @since 0.1.0
 */
export function formatCsv(table: Table, options: WriteCsvOptions = {}): string {
  const header = readHeaderOption("sampling.formatCsv", options);
  const views = columnViews(table, csvField);
  const cols = encodeColumns(views);
  const parts: Buffer[] = header ? [Buffer.from(headerText(views), "utf8")] : [];
  for (let i = 0; i < table.n; i += ROWS_PER_WRITE) {
    parts.push(rowsBytes(cols, i, Math.min(table.n, i + ROWS_PER_WRITE)));
  }
  return Buffer.concat(parts).toString("utf8");
}

/**
 * Options of {@link parseCsv}.
 *
 * @since 0.1.0
 */
export interface ParseCsvOptions {
  /**
   * A model whose variables give the columns' types: each header name must be an endogenous
   * or exogenous variable of the model.
   * @defaultValue none: types are inferred
   */
  readonly model?: Scm;
}

/** A decimal number as {@link writeCsv} writes it (and as people do): no hex, no Infinity. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const x = Number(text);
  return Number.isFinite(x) ? x : undefined;
}

function csvError(message: string, line: number, column: number, cause?: unknown): ParseError {
  return new ParseError(
    "csv",
    `sampling.parseCsv: ${message} (line ${line}, column ${column})`,
    line,
    column,
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Reads CSV text (as written by {@link writeCsv} or {@link formatCsv}; parsed with the
 * `csv-parse` package: RFC 4180 quoting, `\n` or `\r\n` line ends, an optional byte-order mark)
 * into a {@link Table}. The first line is the header of column names; every row must have one
 * field per column.
 *
 * With `options.model`: each header name must be a variable of the model (any subset, any
 * order). Endogenous columns are typed by the variable's domain (discrete labels mapped to
 * state indices, continuous fields parsed as numbers) and come out in model order; columns
 * named after exogenous variables become exogenous columns (numbers). So
 * `parseCsv(formatCsv(t), { model })` equals `t`.
 *
 * Without a model: a column whose every field is a finite decimal number becomes continuous;
 * any other column becomes discrete with its distinct texts as states, in order of first
 * appearance. Columns keep the file's order. (So state names that look like numbers, e.g. a
 * binary 0/1 variable, read back as continuous: pass the model to keep them discrete.)
 *
 * Numbers: decimal notation with an optional sign and exponent (`1`, `-0.5`, `1e-7`, `.5`);
 * `NaN`, `Infinity`, hexadecimal and empty fields are not numbers.
 *
 * @param text - the CSV text
 * @param options - {@link ParseCsvOptions}
 * @returns the table
 * @throws {@link ParseError} (`format` `"csv"`, 1-based `line` of the record and `column` =
 *   1-based field number) on malformed CSV (wrapping the csv-parse error as `cause`), a
 *   missing header, an empty or duplicated column name, with a model: a column that is not a
 *   variable of the model, a label that is not a state of its variable, or a field of a
 *   continuous or exogenous column that is not a finite number
 * @throws {@link InvalidArgumentError} if `text` is not a string
 * @remarks O(length of the text).
 * @see RFC 4180, "Common Format and MIME Type for Comma-Separated Values (CSV) Files" (2005), §2.
 * @example
 * ```ts
 * const t = parseCsv("rain,wet grass\nno,no\nyes,yes\n", { model });
 * t.column("rain"); // { kind: "discrete", states: ["no", "yes"], values: Uint8Array [0, 1] }
 * ```
 * @since 0.1.0
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): Table {
  if (typeof text !== "string") {
    throw new InvalidArgumentError(
      `sampling.parseCsv: text must be a string, got ${typeof text}`,
      "text",
    );
  }
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, { bom: true, info: true }) as unknown as typeof parsed;
  } catch (cause) {
    const line = (cause as { lines?: unknown }).lines;
    throw csvError(
      `malformed CSV: ${cause instanceof Error ? cause.message : String(cause)}`,
      typeof line === "number" && line > 0 ? line : 1,
      1,
      cause,
    );
  }
  const head = parsed[0];
  if (head === undefined) throw csvError("no header line", 1, 1);
  const names = head.record;
  const seen = new Set<string>();
  for (const [j, name] of names.entries()) {
    if (name === "") throw csvError("empty column name", 1, j + 1);
    if (seen.has(name)) throw csvError(`duplicated column "${name}"`, 1, j + 1);
    seen.add(name);
  }
  const n = parsed.length - 1;
  // 1-based first line of each data record (a quoted field may span several lines).
  const lines = new Int32Array(n);
  for (let i = 0; i < n; i++) lines[i] = (parsed[i]?.info.lines ?? 0) + 1;
  const field = (i: number, j: number): string =>
    (parsed[i + 1] as { record: string[] }).record[j] as string;
  const { model } = options;
  return model === undefined
    ? inferTable(names, n, field)
    : modelTable(model, names, n, field, lines);
}

function inferTable(
  names: readonly string[],
  n: number,
  field: (i: number, j: number) => string,
): Table {
  const columns: Column[] = names.map((name, j) => {
    const numbers = new Float64Array(n);
    let numeric = true;
    for (let i = 0; i < n && numeric; i++) {
      const x = parseNumber(field(i, j));
      if (x === undefined) numeric = false;
      else numbers[i] = x;
    }
    if (numeric) return { name, kind: "continuous", values: numbers };
    const index = new Map<string, number>();
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = field(i, j);
      let k = index.get(s);
      if (k === undefined) {
        k = index.size;
        index.set(s, k);
      }
      codes[i] = k;
    }
    const values = discreteArray(index.size, n);
    values.set(codes);
    return { name, kind: "discrete", states: [...index.keys()], values };
  });
  return Table.fromTrustedColumns(n, columns);
}

function modelTable(
  model: Scm,
  names: readonly string[],
  n: number,
  field: (i: number, j: number) => string,
  lines: Int32Array,
): Table {
  const exogenousNames = new Set(model.exogenous.map((u) => u.name));
  const position = new Map<string, number>();
  for (const [j, name] of names.entries()) {
    if (!model.hasVariable(name) && !exogenousNames.has(name)) {
      throw csvError(`column "${name}" is not a variable of the model`, 1, j + 1);
    }
    position.set(name, j);
  }
  const readNumbers = (j: number): Float64Array => {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const s = field(i, j);
      const x = parseNumber(s);
      if (x === undefined) {
        throw csvError(
          `column "${names[j]}": "${s}" is not a finite number`,
          lines[i] as number,
          j + 1,
        );
      }
      values[i] = x;
    }
    return values;
  };
  const columns: Column[] = [];
  for (const v of model.variables) {
    const j = position.get(v.name);
    if (j === undefined) continue;
    if (v.domain.type === "continuous") {
      columns.push({ name: v.name, kind: "continuous", values: readNumbers(j) });
      continue;
    }
    const { states } = v.domain;
    const index = new Map(states.map((s, k) => [s, k]));
    const values = discreteArray(states.length, n);
    for (let i = 0; i < n; i++) {
      const s = field(i, j);
      const k = index.get(s);
      if (k === undefined) {
        throw csvError(
          `column "${v.name}": "${s}" is not a state of ${v.name} (${states.join(", ")})`,
          lines[i] as number,
          j + 1,
        );
      }
      values[i] = k;
    }
    columns.push({ name: v.name, kind: "discrete", states, values });
  }
  const exogenous = new Map<string, Float64Array>();
  for (const u of model.exogenous) {
    const j = position.get(u.name);
    if (j !== undefined) exogenous.set(u.name, readNumbers(j));
  }
  return Table.fromTrustedColumns(n, columns, exogenous);
}
