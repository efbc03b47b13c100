import { InvalidArgumentError, UnknownNodeError } from "../errors.js";

/**
 * A discrete column: one state index per row into `states` (a `Uint8Array` when the variable
 * has at most 256 states, else an `Int32Array`).
 *
 * @since 0.1.0
 */
export interface DiscreteColumn {
  /** The variable's name. */
  readonly name: string;
  /** Discriminant. */
  readonly kind: "discrete";
  /** The state names; value `i` means `states[i]`. */
  readonly states: readonly string[];
  /** State indices, one per row. Read-only by contract: do not modify. */
  readonly values: Uint8Array | Int32Array;
}

/**
 * A continuous column: one finite double per row.
 *
 * @since 0.1.0
 */
export interface ContinuousColumn {
  /** The variable's name. */
  readonly name: string;
  /** Discriminant. */
  readonly kind: "continuous";
  /** The values, one per row. Read-only by contract: do not modify. */
  readonly values: Float64Array;
}

/**
 * One column of a {@link Table}.
 *
 * @since 0.1.0
 */
export type Column = DiscreteColumn | ContinuousColumn;

/**
 * The typed array used for the state indices of a variable with `stateCount` states.
 *
 * @internal
 */
export function discreteArray(stateCount: number, n: number): Uint8Array | Int32Array {
  return stateCount <= 256 ? new Uint8Array(n) : new Int32Array(n);
}

/**
 * A columnar table of samples: `n` rows, one typed-array column per endogenous variable (in the
 * model's topological order), and optionally one `Float64Array` per exogenous variable.
 * Discrete values are state indices (see {@link DiscreteColumn}), continuous values doubles.
 *
 * Tables are immutable by contract: the column arrays are exposed for speed and must not be
 * modified. Build one with {@link sample}, {@link sampleChunks}, {@link parseCsv},
 * {@link concatTables} or {@link Table.slice}.
 *
 * @example
 * ```ts
 * const t = sample(model, 1000, { seed: 1 });
 * const rain = t.column("rain");
 * if (rain.kind === "discrete") console.log(rain.states[rain.values[0]]);
 * console.table(t.toRecords(5));
 * ```
 * @since 0.1.0
 */
export class Table {
  /** Number of rows. @since 0.1.0 */
  readonly n: number;
  /** Endogenous column names, in model order. @since 0.1.0 */
  readonly names: readonly string[];
  /** Exogenous column names (empty unless the noise was included), in model order. @since 0.1.0 */
  readonly exogenousNames: readonly string[];
  readonly #columns: ReadonlyMap<string, Column>;
  readonly #exogenous: ReadonlyMap<string, Float64Array>;

  /**
   * Builds a table from columns. Mostly used by causalkit itself; the arrays are taken over,
   * not copied.
   *
   * @param n - number of rows
   * @param columns - the endogenous columns, in order; names distinct, each of length `n`
   * @param exogenous - exogenous columns (name → values), in order @defaultValue none
   * @throws {@link InvalidArgumentError} if `n` is not a non-negative safe integer, or for a
   *   duplicated name (endogenous or exogenous), a wrong array type (see {@link Column}), a
   *   length other than `n`, a discrete value that is not a state index, or a non-finite
   *   continuous or exogenous value
   * @remarks O(cells): every value is checked.
   * @since 0.1.0
   */
  constructor(
    n: number,
    columns: readonly Column[],
    exogenous: ReadonlyMap<string, Float64Array> = new Map(),
  ) {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InvalidArgumentError(
        `sampling.Table: n must be a non-negative integer, got ${n}`,
        "n",
      );
    }
    const map = new Map<string, Column>();
    for (const c of columns) {
      if (map.has(c.name) || exogenous.has(c.name)) {
        throw new InvalidArgumentError(`sampling.Table: duplicated column "${c.name}"`, c.name);
      }
      const typed =
        c.kind === "discrete"
          ? c.values instanceof Uint8Array || c.values instanceof Int32Array
          : c.kind === "continuous" && c.values instanceof Float64Array;
      if (!typed) {
        throw new InvalidArgumentError(
          `sampling.Table: column "${c.name}" must be discrete with Uint8Array or Int32Array values, or continuous with Float64Array values`,
          c.name,
        );
      }
      if (c.values.length !== n) {
        throw new InvalidArgumentError(
          `sampling.Table: column "${c.name}" has ${c.values.length} rows, expected ${n}`,
          c.name,
        );
      }
      if (c.kind === "discrete") {
        if (!trusted) checkStates(c);
        map.set(c.name, Object.freeze({ ...c, states: Object.freeze([...c.states]) }));
      } else {
        if (!trusted) checkFinite("sampling.Table", c.name, c.values);
        map.set(c.name, Object.freeze({ ...c }));
      }
    }
    const exo = new Map<string, Float64Array>();
    for (const [name, values] of exogenous) {
      if (values.length !== n) {
        throw new InvalidArgumentError(
          `sampling.Table: exogenous column "${name}" has ${values.length} rows, expected ${n}`,
          name,
        );
      }
      if (!trusted) checkFinite("sampling.Table", name, values);
      exo.set(name, values);
    }
    this.n = n;
    this.names = Object.freeze([...map.keys()]);
    this.exogenousNames = Object.freeze([...exo.keys()]);
    this.#columns = map;
    this.#exogenous = exo;
    Object.freeze(this);
  }

  /**
   * Whether the table has an endogenous column of this name.
   *
   * @param name - a column name
   * @returns whether the table has this endogenous column (exogenous columns: see
   *   {@link Table.exogenousNames})
   * @since 0.1.0
   */
  has(name: string): boolean {
    return this.#columns.has(name);
  }

  /**
   * An endogenous column by name.
   *
   * @param name - the variable
   * @returns its column
   * @throws {@link UnknownNodeError} if the table has no such column
   * @since 0.1.0
   */
  column(name: string): Column {
    const c = this.#columns.get(name);
    if (c === undefined) {
      throw new UnknownNodeError(`sampling.Table.column: no column "${name}"`, name);
    }
    return c;
  }

  /**
   * An exogenous column by name (present only when the noise was included).
   *
   * @param name - the exogenous variable
   * @returns its values
   * @throws {@link UnknownNodeError} if the table has no such exogenous column
   * @since 0.1.0
   */
  exogenous(name: string): Float64Array {
    const c = this.#exogenous.get(name);
    if (c === undefined) {
      throw new UnknownNodeError(`sampling.Table.exogenous: no exogenous column "${name}"`, name);
    }
    return c;
  }

  /**
   * The value of a cell as a number (a state index for a discrete column).
   *
   * @param name - the column
   * @param row - 0-based row
   * @returns the value
   * @throws {@link UnknownNodeError} for an unknown column
   * @throws {@link InvalidArgumentError} if `row` is not in [0, n)
   * @since 0.1.0
   */
  value(name: string, row: number): number {
    const c = this.column(name);
    this.#checkRow("value", row);
    return c.values[row] as number;
  }

  /**
   * The value of a cell as text: the state name for a discrete column, `String(x)` for a
   * continuous one.
   *
   * @param name - the column
   * @param row - 0-based row
   * @returns the label
   * @throws {@link UnknownNodeError} for an unknown column
   * @throws {@link InvalidArgumentError} if `row` is not in [0, n)
   * @since 0.1.0
   */
  label(name: string, row: number): string {
    const c = this.column(name);
    this.#checkRow("label", row);
    if (c.kind === "discrete") return c.states[c.values[row] as number] as string;
    return String(c.values[row]);
  }

  /**
   * The first rows as plain objects (column name → state name or number), for printing and
   * debugging only: this allocates one object per row. Exogenous columns are not included.
   *
   * @param limit - maximum number of rows @defaultValue all rows
   * @returns one object per row
   * @throws {@link InvalidArgumentError} if `limit` is not a non-negative integer
   * @since 0.1.0
   */
  toRecords(limit: number = this.n): Record<string, string | number>[] {
    if (!Number.isSafeInteger(limit) || limit < 0) {
      throw new InvalidArgumentError(
        `sampling.Table.toRecords: limit must be a non-negative integer, got ${limit}`,
        "limit",
      );
    }
    const m = Math.min(limit, this.n);
    const cols = [...this.#columns.values()];
    const out: Record<string, string | number>[] = [];
    for (let i = 0; i < m; i++) {
      const rec: Record<string, string | number> = {};
      for (const c of cols) {
        const v =
          c.kind === "discrete"
            ? (c.states[c.values[i] as number] as string)
            : (c.values[i] as number);
        // defineProperty, so a column named "__proto__" is an ordinary own property.
        Object.defineProperty(rec, c.name, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      out.push(rec);
    }
    return out;
  }

  /**
   * The JSON form, so that `JSON.stringify(table)` keeps the data (typed arrays would otherwise
   * serialise as index-keyed objects): `{n, columns: [{name, kind, states?, values}]}` with
   * `values` a plain array (state indices for discrete columns), plus `exogenous` columns when
   * the table has them.
   *
   * @returns a plain, JSON-safe object
   * @since 0.1.0
   */
  toJSON(): TableJson {
    const columns = [...this.#columns.values()].map((c) =>
      c.kind === "discrete"
        ? { name: c.name, kind: c.kind, states: [...c.states], values: Array.from(c.values) }
        : { name: c.name, kind: c.kind, values: Array.from(c.values) },
    );
    const exogenous = this.exogenousNames.map((name) => ({
      name,
      values: Array.from(this.exogenous(name)),
    }));
    return exogenous.length > 0 ? { n: this.n, columns, exogenous } : { n: this.n, columns };
  }

  /**
   * A new table with rows `[start, end)` (copied), like `Array.prototype.slice` but without
   * negative indices.
   *
   * @param start - first row @defaultValue 0
   * @param end - one past the last row @defaultValue n
   * @returns the rows
   * @throws {@link InvalidArgumentError} if the range is not within [0, n]
   * @since 0.1.0
   */
  slice(start = 0, end: number = this.n): Table {
    if (
      !Number.isSafeInteger(start) ||
      !Number.isSafeInteger(end) ||
      start < 0 ||
      end < start ||
      end > this.n
    ) {
      throw new InvalidArgumentError(
        `sampling.Table.slice: range [${start}, ${end}) is not within [0, ${this.n}]`,
        "range",
      );
    }
    const cols: Column[] = [];
    for (const c of this.#columns.values()) {
      cols.push(
        c.kind === "discrete"
          ? { name: c.name, kind: "discrete", states: c.states, values: c.values.slice(start, end) }
          : { name: c.name, kind: "continuous", values: c.values.slice(start, end) },
      );
    }
    const exo = new Map<string, Float64Array>();
    for (const [name, v] of this.#exogenous) exo.set(name, v.slice(start, end));
    return Table.fromTrustedColumns(end - start, cols, exo);
  }

  /**
   * Builds a table without validating the values (causalkit's own samplers and parsers produce
   * valid values by construction, and the per-value scan would cost as much as sampling).
   *
   * @internal
   */
  static fromTrustedColumns(
    n: number,
    columns: readonly Column[],
    exogenous: ReadonlyMap<string, Float64Array> = new Map(),
  ): Table {
    trusted = true;
    try {
      return new Table(n, columns, exogenous);
    } finally {
      trusted = false;
    }
  }

  #checkRow(method: string, row: number): void {
    if (!Number.isSafeInteger(row) || row < 0 || row >= this.n) {
      throw new InvalidArgumentError(
        `sampling.Table.${method}: row ${row} is not in [0, ${this.n})`,
        "row",
      );
    }
  }
}

/** Set while {@link Table.fromTrustedColumns} runs: skips the per-value scans. */
let trusted = false;

function checkStates(c: DiscreteColumn): void {
  const k = c.states.length;
  const v = c.values;
  for (let i = 0; i < v.length; i++) {
    const x = v[i] as number;
    if (x >= k || x < 0) {
      throw new InvalidArgumentError(
        `sampling.Table: column "${c.name}" row ${i}: ${x} is not a state index (${k} states)`,
        c.name,
      );
    }
  }
}

function checkFinite(where: string, name: string, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new InvalidArgumentError(
        `${where}: column "${name}" row ${i}: ${values[i]} is not a finite number`,
        name,
      );
    }
  }
}

/**
 * Concatenates tables row-wise (e.g. the chunks of {@link sampleChunks}). Every table must have
 * the same endogenous columns in the same order, with the same kinds and states, and the same
 * exogenous columns.
 *
 * @param tables - at least one table
 * @returns a new table with all rows, in order (the arrays are copied)
 * @throws {@link InvalidArgumentError} if `tables` is empty or the tables' columns differ
 * @remarks O(total cells).
 * @example
 * ```ts
 * const all = concatTables([...sampleChunks(model, 10_000, { seed: 1, chunkSize: 4096 })]);
 * // equal to sample(model, 10_000, { seed: 1 })
 * ```
 * @since 0.1.0
 */
export function concatTables(tables: readonly Table[]): Table {
  const first = tables[0];
  if (first === undefined) {
    throw new InvalidArgumentError("sampling.concatTables: needs at least one table", "tables");
  }
  let n = 0;
  for (const [i, t] of tables.entries()) {
    if (!sameShape(first, t)) {
      throw new InvalidArgumentError(
        `sampling.concatTables: table ${i} does not have the columns of table 0`,
        "tables",
      );
    }
    n += t.n;
  }
  const columns: Column[] = first.names.map((name) => {
    const c = first.column(name);
    const parts = tables.map((t) => t.column(name).values);
    if (c.kind === "discrete") {
      const values = discreteArray(c.states.length, n);
      let offset = 0;
      for (const p of parts) {
        values.set(p, offset);
        offset += p.length;
      }
      return { name, kind: "discrete", states: c.states, values };
    }
    const values = new Float64Array(n);
    let offset = 0;
    for (const p of parts) {
      values.set(p, offset);
      offset += p.length;
    }
    return { name, kind: "continuous", values };
  });
  const exo = new Map<string, Float64Array>();
  for (const name of first.exogenousNames) {
    const values = new Float64Array(n);
    let offset = 0;
    for (const t of tables) {
      const p = t.exogenous(name);
      values.set(p, offset);
      offset += p.length;
    }
    exo.set(name, values);
  }
  return Table.fromTrustedColumns(n, columns, exo);
}

function sameShape(a: Table, b: Table): boolean {
  if (a.names.length !== b.names.length || a.exogenousNames.length !== b.exogenousNames.length) {
    return false;
  }
  for (let i = 0; i < a.names.length; i++) {
    const name = a.names[i] as string;
    if (b.names[i] !== name) return false;
    const ca = a.column(name);
    const cb = b.column(name);
    if (ca.kind !== cb.kind) return false;
    if (ca.kind === "discrete" && cb.kind === "discrete") {
      if (ca.states.length !== cb.states.length) return false;
      for (let k = 0; k < ca.states.length; k++) if (ca.states[k] !== cb.states[k]) return false;
    }
  }
  for (let i = 0; i < a.exogenousNames.length; i++) {
    if (a.exogenousNames[i] !== b.exogenousNames[i]) return false;
  }
  return true;
}

/**
 * One endogenous column in {@link TableJson}.
 *
 * @since 0.1.0
 */
export interface TableColumnJson {
  /** The variable. */
  readonly name: string;
  /** Its kind. */
  readonly kind: "discrete" | "continuous";
  /** State names (discrete columns only). */
  readonly states?: readonly string[];
  /** The values: state indices (discrete) or numbers (continuous). */
  readonly values: readonly number[];
}

/**
 * One exogenous column in {@link TableJson}.
 *
 * @since 0.1.0
 */
export interface TableNoiseColumnJson {
  /** The exogenous variable. */
  readonly name: string;
  /** Its values. */
  readonly values: readonly number[];
}

/**
 * The JSON form of a {@link Table} (see {@link Table.toJSON}).
 *
 * @since 0.1.0
 */
export interface TableJson {
  /** Number of rows. */
  readonly n: number;
  /** Endogenous columns in model order. */
  readonly columns: readonly TableColumnJson[];
  /** Exogenous columns, when the table has them. */
  readonly exogenous?: readonly TableNoiseColumnJson[];
}
