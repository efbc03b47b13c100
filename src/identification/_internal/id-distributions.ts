// Two implementations of the `Distribution` interface: an exact joint table and a table of
// sample frequencies. Both answer marginal queries from marginal tables computed once per
// variable subset and cached (tables are never mutated after construction).
import {
  DimensionError,
  InvalidArgumentError,
  internalError,
  UnknownNodeError,
} from "../../errors.js";
import type { Distribution } from "./id-evaluate.js";

/** A marginal table over some variables (by number), row-major with the last one fastest. */
interface Marginal {
  readonly ids: Int32Array;
  readonly strides: Int32Array;
  readonly table: Float64Array;
}

/** The largest table (number of cells) these implementations build. */
const MAX_CELLS = 2 ** 28;

function checkVariables(
  variables: readonly string[],
  cardinalities: ArrayLike<number>,
  where: string,
): { names: readonly string[]; cards: Int32Array; index: Map<string, number> } {
  if (cardinalities.length !== variables.length) {
    throw new DimensionError(
      `${where}: ${variables.length} variables but ${cardinalities.length} cardinalities`,
      variables.length,
      cardinalities.length,
    );
  }
  const index = new Map<string, number>();
  const cards = new Int32Array(variables.length);
  for (let i = 0; i < variables.length; i++) {
    const v = variables[i];
    if (typeof v !== "string") {
      throw new InvalidArgumentError(`${where}: variable names must be strings`, String(v));
    }
    if (index.has(v)) throw new InvalidArgumentError(`${where}: duplicate variable "${v}"`, v);
    index.set(v, i);
    const c = cardinalities[i] as number;
    if (!Number.isInteger(c) || c < 1 || c > MAX_CELLS) {
      throw new InvalidArgumentError(
        `${where}: cardinality of "${v}" must be a positive integer, got ${c}`,
        v,
      );
    }
    cards[i] = c;
  }
  return { names: Object.freeze([...variables]), cards, index };
}

/**
 * Shared machinery: resolves an assignment to variable numbers and states, finds (or builds) the
 * marginal table over those variables and reads the cell.
 */
function makeDistribution(
  names: readonly string[],
  cards: Int32Array,
  index: ReadonlyMap<string, number>,
  build: (ids: Int32Array, strides: Int32Array, size: number) => Float64Array,
  where: string,
): Distribution {
  const cache = new Map<string, Marginal>();
  const marginalFor = (key: string, ids: Int32Array): Marginal => {
    let m = cache.get(key);
    if (m === undefined) {
      const strides = new Int32Array(ids.length);
      let size = 1;
      for (let k = ids.length - 1; k >= 0; k--) {
        strides[k] = size;
        size *= cards[ids[k] as number] as number;
        if (size > MAX_CELLS) {
          throw new InvalidArgumentError(
            `${where}: the marginal table over ${ids.length} variables has more than ${MAX_CELLS} cells`,
            "assignment",
          );
        }
      }
      m = { ids, strides, table: build(ids, strides, size) };
      cache.set(key, m);
    }
    return m;
  };
  const badState = (v: string, s: number, card: number, fn: string): never => {
    throw new InvalidArgumentError(
      `${where}.${fn}: state ${s} of "${v}" is not an integer in [0, ${card - 1}]`,
      v,
    );
  };
  const variableIndex = (v: string, fn: string): number => {
    const i = index.get(v);
    if (i === undefined) throw new UnknownNodeError(`${where}.${fn}: unknown variable "${v}"`, v);
    return i;
  };
  return Object.freeze({
    variables: names,
    cardinality(variable: string): number {
      return cards[variableIndex(variable, "cardinality")] as number;
    },
    probability(assignment: ReadonlyMap<string, number>): number {
      if (assignment.size === 0) return 1;
      const ids = new Int32Array(assignment.size);
      const states = new Int32Array(assignment.size);
      let key = "";
      let k = 0;
      for (const [v, s] of assignment) {
        const i = variableIndex(v, "probability");
        if (!Number.isInteger(s) || s < 0 || s >= (cards[i] as number)) {
          badState(v, s, cards[i] as number, "probability");
        }
        ids[k] = i;
        states[k] = s;
        key += `${i},`;
        k++;
      }
      const m = marginalFor(key, ids);
      let cell = 0;
      for (let j = 0; j < k; j++) cell += (states[j] as number) * (m.strides[j] as number);
      return m.table[cell] ?? internalError(`${where}: marginal cell out of range`);
    },
    marginalAccessor(variables: readonly string[]): (states: ArrayLike<number>) => number {
      const ids = new Int32Array(variables.length);
      let key = "";
      const seen = new Set<number>();
      for (let j = 0; j < variables.length; j++) {
        const i = variableIndex(variables[j] as string, "marginalAccessor");
        if (seen.has(i)) {
          throw new InvalidArgumentError(
            `${where}.marginalAccessor: duplicate variable "${variables[j]}"`,
            variables[j] as string,
          );
        }
        seen.add(i);
        ids[j] = i;
        key += `${i},`;
      }
      if (ids.length === 0) return () => 1;
      const m = marginalFor(key, ids);
      const { strides, table } = m;
      const k = ids.length;
      return (states) => {
        if (states.length !== k) {
          throw new DimensionError(
            `${where}.marginalAccessor: expected ${k} states, got ${states.length}`,
            k,
            states.length,
          );
        }
        let cell = 0;
        for (let j = 0; j < k; j++) {
          const s = states[j] as number;
          const card = cards[ids[j] as number] as number;
          if (!(s >= 0 && s < card && Number.isInteger(s))) {
            badState(variables[j] as string, s, card, "marginalAccessor");
          }
          cell += s * (strides[j] as number);
        }
        return table[cell] as number;
      };
    },
  });
}

/** Per-variable stride into a marginal (0 for variables not in it). */
function strideMap(n: number, ids: Int32Array, strides: Int32Array): Int32Array {
  const out = new Int32Array(n);
  for (let k = 0; k < ids.length; k++) out[ids[k] as number] = strides[k] as number;
  return out;
}

/** Builds an exact joint-table distribution (see the public `jointTableDistribution`). */
export function jointTable(
  variables: readonly string[],
  cardinalities: ArrayLike<number>,
  probabilities: ArrayLike<number>,
): Distribution {
  const where = "identification.jointTableDistribution";
  const { names, cards, index } = checkVariables(variables, cardinalities, where);
  let total = 1;
  for (const c of cards) {
    total *= c;
    if (total > MAX_CELLS) {
      throw new InvalidArgumentError(`${where}: the joint table is too large`, "cardinalities");
    }
  }
  if (probabilities.length !== total) {
    throw new DimensionError(
      `${where}: the joint table needs ${total} probabilities, got ${probabilities.length}`,
      total,
      probabilities.length,
    );
  }
  const p = Float64Array.from(probabilities);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i] as number;
    if (!Number.isFinite(x) || x < 0) {
      throw new InvalidArgumentError(
        `${where}: probability ${x} at cell ${i} is not a finite non-negative number`,
        "probabilities",
      );
    }
    sum += x;
  }
  if (Math.abs(sum - 1) > 1e-6) {
    throw new InvalidArgumentError(`${where}: probabilities sum to ${sum}, not 1`, "probabilities");
  }
  const n = names.length;
  const build = (ids: Int32Array, strides: Int32Array, size: number): Float64Array => {
    const out = new Float64Array(size);
    const mStride = strideMap(n, ids, strides);
    const state = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < total; i++) {
      out[m] = (out[m] as number) + (p[i] as number);
      // Odometer over the full table, last variable fastest, tracking the marginal cell.
      for (let j = n - 1; j >= 0; j--) {
        const s = (state[j] as number) + 1;
        if (s < (cards[j] as number)) {
          state[j] = s;
          m += mStride[j] as number;
          break;
        }
        m -= (mStride[j] as number) * (s - 1);
        state[j] = 0;
      }
    }
    return out;
  };
  return makeDistribution(names, cards, index, build, where);
}

/** Builds a sample-frequency distribution (see the public `frequencyDistribution`). */
export function frequencies(
  variables: readonly string[],
  cardinalities: ArrayLike<number>,
  columns: readonly ArrayLike<number>[],
  n: number,
): Distribution {
  const where = "identification.frequencyDistribution";
  const { names, cards, index } = checkVariables(variables, cardinalities, where);
  if (columns.length !== names.length) {
    throw new DimensionError(
      `${where}: ${names.length} variables but ${columns.length} columns`,
      names.length,
      columns.length,
    );
  }
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidArgumentError(`${where}: n must be a positive integer, got ${n}`, "n");
  }
  const cols: Int32Array[] = [];
  for (let j = 0; j < names.length; j++) {
    const col = columns[j] as ArrayLike<number>;
    if (col.length < n) {
      throw new DimensionError(
        `${where}: column "${names[j]}" has ${col.length} rows, fewer than n = ${n}`,
        n,
        col.length,
      );
    }
    const copy = new Int32Array(n);
    const card = cards[j] as number;
    for (let r = 0; r < n; r++) {
      const s = col[r] as number;
      if (!Number.isInteger(s) || s < 0 || s >= card) {
        throw new InvalidArgumentError(
          `${where}: row ${r} of "${names[j]}" holds ${s}, not a state in [0, ${card - 1}]`,
          names[j] as string,
        );
      }
      copy[r] = s;
    }
    cols.push(copy);
  }
  const build = (ids: Int32Array, strides: Int32Array, size: number): Float64Array => {
    const counts = new Float64Array(size);
    const k = ids.length;
    const sel = Array.from(ids, (i) => cols[i] as Int32Array);
    for (let r = 0; r < n; r++) {
      let cell = 0;
      for (let j = 0; j < k; j++) {
        cell += ((sel[j] as Int32Array)[r] as number) * (strides[j] as number);
      }
      counts[cell] = (counts[cell] as number) + 1;
    }
    for (let c = 0; c < size; c++) counts[c] = (counts[c] as number) / n;
    return counts;
  };
  return makeDistribution(names, cards, index, build, where);
}
