// Compiles a discrete SCM into a Bayesian network over integer-numbered nodes: one factor per
// endogenous variable (its CPT, tabulated from the mechanism), plus one root node per exogenous
// variable that two or more mechanisms share (a latent common cause), whose factor is its
// distribution. Compiled networks are cached per model (models are immutable).
import { FactorTooLargeError, InvalidArgumentError, InvalidScmError } from "../../../errors.js";
import type { EndogenousVariable } from "../../../scm/scm.js";
import type {
  CompiledExpression,
  ExogenousVariable,
  NoiseDistribution,
  ValueRecord,
} from "../../../scm/types.js";
import { forEachConfiguration } from "../../_internal/configurations.js";
import { Factor } from "../factor.js";

/** Mechanism tables (and the enumeration behind them) are limited to this many cells. */
export const MAX_TABULATION: number = 2 ** 25;

/** A model compiled for exact discrete inference. */
export interface CompiledNetwork {
  /** Number of endogenous variables; they are nodes 0..endogenous-1, in `model.variables` order. */
  readonly endogenous: number;
  /** Total number of nodes (endogenous, then shared exogenous). */
  readonly size: number;
  /** Node names (exogenous nodes carry their exogenous variable's name). */
  readonly names: readonly string[];
  /** Endogenous variable name → node. */
  readonly ids: ReadonlyMap<string, number>;
  /** State count per node. */
  readonly cards: Int32Array;
  /** State names per endogenous node. */
  readonly states: readonly (readonly string[])[];
  /** The factor of each node: scope = its parents (endogenous and shared exogenous), then itself. */
  readonly factors: readonly Factor[];
  /** 1 if the node's factor has no zero entry. */
  readonly positive: Uint8Array;
  /** CSR parents (the factor scope without the node itself). */
  readonly parentOffsets: Int32Array;
  /** Parent nodes. */
  readonly parents: Int32Array;
}

/**
 * What compiling reads of a model: its variables (in a topological order) and the lookups of
 * its exogenous variables and compiled expressions. An `Scm` is one; the parallel-worlds
 * model of the counterfactuals module builds one without re-validating a whole model.
 */
export interface NetworkModel {
  readonly variables: readonly EndogenousVariable[];
  exogenousVariable(name: string): ExogenousVariable;
  compiledExpression(name: string): CompiledExpression;
}

const cache = new WeakMap<NetworkModel, CompiledNetwork>();

/**
 * The compiled network of a model (cached).
 *
 * @throws InvalidArgumentError naming the variable if the model is not fully discrete or a
 *   mechanism cannot be tabulated exactly; InvalidScmError if a mechanism returns a value that
 *   is not a state index; FactorTooLargeError if a mechanism's table is too large.
 */
export function compileNetwork(model: NetworkModel, where: string): CompiledNetwork {
  const hit = cache.get(model);
  if (hit) return hit;
  const net = compile(model, where);
  cache.set(model, net);
  return net;
}

type Reader = EndogenousVariable;

/**
 * Tabulated CPT mechanisms of one compilation, by CPT table: the copies of a variable in a
 * parallel-worlds model share their table and noise, hence their factor values, which are
 * computed once and shared (compiled factors are never written to).
 */
type TableCache = Map<readonly (readonly number[])[], TableEntry>;

interface TableEntry {
  /** The shared exogenous the table was tabulated against (undefined: private noise). */
  readonly noise: SharedExogenous | undefined;
  readonly values: Float64Array;
}

interface SharedExogenous {
  readonly name: string;
  readonly node: number;
  readonly readers: Reader[];
  /** Probabilities of its states (for a uniform: the cell lengths). */
  probs: number[];
  /** For a discretised uniform: the left end of each cell. */
  cellStarts?: number[];
}

function compile(model: NetworkModel, where: string): CompiledNetwork {
  const vars = model.variables;
  const E = vars.length;
  const ids = new Map<string, number>();
  const states: (readonly string[])[] = [];
  for (let i = 0; i < E; i++) {
    const v = vars[i] as EndogenousVariable;
    if (v.domain.type !== "discrete") {
      throw new InvalidArgumentError(
        `${where}: variable "${v.name}" is continuous; exact discrete inference needs every variable discrete`,
        v.name,
      );
    }
    ids.set(v.name, i);
    states.push(v.domain.states);
  }
  const readers = new Map<string, Reader[]>();
  for (const v of vars) {
    for (const u of v.noise) {
      const list = readers.get(u);
      if (list) list.push(v);
      else readers.set(u, [v]);
    }
  }
  const shared = new Map<string, SharedExogenous>();
  for (const [name, list] of readers) {
    if (list.length < 2) continue;
    shared.set(name, {
      name,
      node: E + shared.size,
      readers: list,
      probs: sharedProbabilities(model, name, list, where),
    });
  }
  for (const s of shared.values()) {
    if (model.exogenousVariable(s.name).distribution.type === "uniform") discretise(s, states, ids);
  }

  const size = E + shared.size;
  const names: string[] = vars.map((v) => v.name);
  const cards = new Int32Array(size);
  for (let i = 0; i < E; i++) cards[i] = (states[i] as readonly string[]).length;
  for (const s of shared.values()) {
    names.push(s.name);
    cards[s.node] = s.probs.length;
  }
  const factors: Factor[] = new Array(size);
  const tables: TableCache = new Map();
  for (let i = 0; i < E; i++) {
    factors[i] = mechanismFactor(
      model,
      vars[i] as EndogenousVariable,
      i,
      ids,
      cards,
      shared,
      tables,
      where,
    );
  }
  for (const s of shared.values()) {
    factors[s.node] = new Factor([s.node], [s.probs.length], s.probs);
  }
  const positive = new Uint8Array(size);
  const parentOffsets = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) {
    const f = factors[i] as Factor;
    positive[i] = allPositive(f.values) ? 1 : 0;
    parentOffsets[i + 1] = (parentOffsets[i] as number) + f.variables.length - 1;
  }
  const parents = new Int32Array(parentOffsets[size] as number);
  for (let i = 0; i < size; i++) {
    const vars = (factors[i] as Factor).variables;
    let at = parentOffsets[i] as number;
    for (let j = 0; j + 1 < vars.length; j++) parents[at++] = vars[j] as number;
  }
  return {
    endogenous: E,
    size,
    names,
    ids,
    cards,
    states,
    factors,
    positive,
    parentOffsets,
    parents,
  };
}

/**
 * Inverse-CDF thresholds of a probability row, as the sampler uses them: the running sums
 * c_k = p_0 + … + p_k, except that from the last state of positive probability onward they are
 * exactly 1. A uniform u in [0, 1) gives the first state k with u < c_k.
 */
function allPositive(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!((values[i] as number) > 0)) return false;
  return true;
}

function thresholds(probs: readonly number[]): number[] {
  let last = -1;
  for (let k = 0; k < probs.length; k++) if ((probs[k] as number) > 0) last = k;
  const out: number[] = new Array(probs.length);
  let c = 0;
  for (let k = 0; k < probs.length; k++) {
    c += probs[k] as number;
    out[k] = k >= last ? 1 : c;
  }
  return out;
}

/**
 * The probabilities the inverse-CDF rule actually gives: the length of the set of u in [0, 1)
 * whose first threshold above u is c_k, so the last positive state absorbs whatever the row
 * misses or exceeds. A row that sums to 1 within 1e-12 is returned as written, so exact CPT
 * entries stay exact (the two differ by less than 1e-12).
 */
function effectiveProbabilities(probs: readonly number[]): number[] {
  let sum = 0;
  for (const p of probs) sum += p;
  if (Math.abs(sum - 1) <= 1e-12) return [...probs];
  const t = thresholds(probs);
  const out: number[] = new Array(probs.length);
  let prev = 0;
  for (let k = 0; k < t.length; k++) {
    const hi = Math.min(1, t[k] as number);
    out[k] = Math.max(0, hi - prev);
    if (hi > prev) prev = hi;
  }
  return out;
}

/** The state probabilities of a finite exogenous variable, or undefined for a continuous one. */
function finiteProbabilities(d: NoiseDistribution): number[] | undefined {
  if (d.type === "bernoulli") return [1 - d.p, d.p];
  if (d.type === "categorical") return effectiveProbabilities(d.probs);
  return undefined;
}

function sharedProbabilities(
  model: NetworkModel,
  name: string,
  list: readonly Reader[],
  where: string,
): number[] {
  const d = model.exogenousVariable(name).distribution;
  const finite = finiteProbabilities(d);
  if (finite) return finite;
  const users = list.map((r) => `"${r.name}"`).join(", ");
  if (d.type === "uniform") {
    const bad = list.find((r) => r.mechanism.type !== "cpt" && r.mechanism.type !== "logistic");
    if (!bad) return []; // discretised later from the readers' inverse CDFs
    throw new InvalidArgumentError(
      `${where}: variable "${bad.name}" reads the continuous exogenous variable "${name}" (uniform), which is shared by ${users}; only CPT and logistic mechanisms can share a uniform exactly`,
      bad.name,
    );
  }
  const first = list[0] as Reader;
  throw new InvalidArgumentError(
    `${where}: variable "${first.name}" reads the continuous exogenous variable "${name}" (${d.type}), shared by ${users}; exact discrete inference needs finite (bernoulli or categorical) shared noise`,
    first.name,
  );
}

/**
 * Rows of a CPT (as written) or logistic mechanism (`[1 − p, p]`), one per parent
 * configuration (last parent fastest).
 */
function mechanismRows(
  v: Reader,
  ids: ReadonlyMap<string, number>,
  cards: ArrayLike<number>,
): number[][] {
  const m = v.mechanism;
  if (m.type === "cpt") return m.table as number[][];
  if (m.type !== "logistic") return [];
  const parentCards = m.parents.map((p) => cards[ids.get(p) as number] as number);
  const rows: number[][] = [];
  forEachConfiguration(parentCards, (config) => {
    let eta = m.intercept ?? 0;
    for (let i = 0; i < config.length; i++)
      eta += (m.coefficients[i] as number) * (config[i] as number);
    const p = 1 / (1 + Math.exp(-eta));
    rows.push([1 - p, p]);
  });
  return rows;
}

/**
 * The state a CPT row (inverse CDF: first k with u < c_k, see {@link thresholds}) or a logistic
 * row (state 1 iff u < p) takes at u.
 */
function stateAt(isLogistic: boolean, row: readonly number[], u: number): number {
  if (isLogistic) return u < (row[1] as number) ? 1 : 0;
  return stateBelow(thresholds(row), u);
}

/** The first state k with u < t_k (the last state if none): the inverse CDF at u. */
function stateBelow(t: readonly number[], u: number): number {
  let k = 0;
  while (k < t.length - 1 && u >= (t[k] as number)) k++;
  return k;
}

/** Breakpoints of a row in (0, 1): where the inverse CDF changes state. */
function rowBreakpoints(isLogistic: boolean, row: readonly number[], out: number[]): void {
  if (isLogistic) out.push(row[1] as number);
  else for (const c of thresholds(row)) out.push(c);
}

/**
 * Discretises a uniform(0, 1) shared by CPT / logistic mechanisms into the cells between all
 * breakpoints of all readers' rows: within a cell every reader's value is constant, so the
 * cells are an exact finite exogenous variable with probabilities = cell lengths.
 */
function discretise(
  s: SharedExogenous,
  states: readonly (readonly string[])[],
  ids: ReadonlyMap<string, number>,
): void {
  const cards = states.map((x) => x.length);
  const points: number[] = [0, 1];
  // Readers with the same CPT table (copies of one variable) add the same breakpoints, which
  // would only be dropped again as empty cells.
  const seen = new Set<readonly (readonly number[])[]>();
  for (const r of s.readers) {
    if (r.mechanism.type === "cpt") {
      if (seen.has(r.mechanism.table)) continue;
      seen.add(r.mechanism.table);
    }
    for (const row of mechanismRows(r, ids, cards)) {
      rowBreakpoints(r.mechanism.type === "logistic", row, points);
    }
  }
  const sorted = points.filter((x) => x >= 0 && x <= 1).sort((a, b) => a - b);
  const starts: number[] = [];
  const probs: number[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] as number;
    const b = sorted[i + 1] as number;
    if (b > a) {
      starts.push(a);
      probs.push(b - a);
    }
  }
  s.probs = probs;
  s.cellStarts = starts;
}

function mechanismFactor(
  model: NetworkModel,
  v: Reader,
  node: number,
  ids: ReadonlyMap<string, number>,
  cards: Int32Array,
  shared: ReadonlyMap<string, SharedExogenous>,
  tables: TableCache,
  where: string,
): Factor {
  const m = v.mechanism;
  const k = cards[node] as number;
  const parentNodes = v.parents.map((p) => ids.get(p) as number);
  const parentCards = parentNodes.map((p) => cards[p] as number);
  const tooLarge = (cells: number): void => {
    if (cells > MAX_TABULATION) {
      throw new FactorTooLargeError(
        `${where}: tabulating the mechanism of "${v.name}" needs ${cells} cells, more than ${MAX_TABULATION}`,
        cells,
        MAX_TABULATION,
      );
    }
  };
  let rowsCount = 1;
  for (const c of parentCards) rowsCount *= c;

  if (m.type === "constant") {
    const values = new Float64Array(k);
    values[m.value] = 1;
    return new Factor([node], [k], values);
  }
  if (m.type === "cpt" || m.type === "logistic") {
    const s = shared.get(v.noise[0] as string);
    const known = m.type === "cpt" ? tables.get(m.table) : undefined;
    // A table's rows fix its parents' configuration count and k, so only the noise can differ.
    if (known !== undefined && known.noise === s) {
      const scopeVars = s ? [...parentNodes, s.node, node] : [...parentNodes, node];
      const scopeCards = s ? [...parentCards, (s.cellStarts ?? []).length, k] : [...parentCards, k];
      return new Factor(scopeVars, scopeCards, known.values);
    }
    const rows = mechanismRows(v, ids, cards);
    if (!s) {
      tooLarge(rowsCount * k);
      const values = new Float64Array(rowsCount * k);
      rows.forEach((row, r) => {
        values.set(m.type === "cpt" ? effectiveProbabilities(row) : row, r * k);
      });
      if (m.type === "cpt") tables.set(m.table, { noise: undefined, values });
      return new Factor([...parentNodes, node], [...parentCards, k], values);
    }
    const starts = s.cellStarts ?? [];
    const cells = starts.length;
    tooLarge(rowsCount * cells * k);
    const values = new Float64Array(rowsCount * cells * k);
    const isLogistic = m.type === "logistic";
    rows.forEach((row, r) => {
      const t = isLogistic ? undefined : thresholds(row);
      for (let c = 0; c < cells; c++) {
        const u = starts[c] as number;
        const state = t === undefined ? stateAt(true, row, u) : stateBelow(t, u);
        values[(r * cells + c) * k + state] = 1;
      }
    });
    if (m.type === "cpt") tables.set(m.table, { noise: s, values });
    return new Factor([...parentNodes, s.node, node], [...parentCards, cells, k], values);
  }
  if (m.type === "function" || m.type === "expression") {
    // Exogenous inputs: shared ones stay in the scope, private ones are summed out.
    const sharedIn: SharedExogenous[] = [];
    const privateIn: { name: string; probs: number[] }[] = [];
    for (const u of v.noise) {
      const s = shared.get(u);
      if (s) {
        sharedIn.push(s);
        continue;
      }
      const d = model.exogenousVariable(u).distribution;
      const probs = finiteProbabilities(d);
      if (!probs) {
        throw new InvalidArgumentError(
          `${where}: variable "${v.name}" reads the continuous exogenous variable "${u}" (${d.type}); exact discrete inference needs finite (bernoulli or categorical) noise in ${m.type} mechanisms`,
          v.name,
        );
      }
      privateIn.push({ name: u, probs });
    }
    const sharedCards = sharedIn.map((s) => s.probs.length);
    let sharedCount = 1;
    for (const c of sharedCards) sharedCount *= c;
    let privateCount = 1;
    for (const p of privateIn) privateCount *= p.probs.length;
    tooLarge(rowsCount * sharedCount * k);
    tooLarge(rowsCount * sharedCount * privateCount);

    const parentRecord: Record<string, number> = Object.create(null);
    const noiseRecord: Record<string, number> = Object.create(null);
    const scope: Record<string, number> = Object.create(null);
    const evaluate =
      m.type === "function"
        ? (): number => m.fn(parentRecord as ValueRecord, noiseRecord as ValueRecord)
        : (
            (compiled) => (): number =>
              compiled.evaluate(scope as ValueRecord)
          )(model.compiledExpression(v.name));
    const values = new Float64Array(rowsCount * sharedCount * k);
    const privateCards = privateIn.map((p) => p.probs.length);
    let cell = 0;
    forEachConfiguration(parentCards, (pc) => {
      for (let i = 0; i < pc.length; i++) {
        const name = v.parents[i] as string;
        parentRecord[name] = pc[i] as number;
        scope[name] = pc[i] as number;
      }
      forEachConfiguration(sharedCards, (sc) => {
        for (let i = 0; i < sc.length; i++) {
          const name = (sharedIn[i] as SharedExogenous).name;
          noiseRecord[name] = sc[i] as number;
          scope[name] = sc[i] as number;
        }
        forEachConfiguration(privateCards, (uc) => {
          let w = 1;
          for (let i = 0; i < uc.length; i++) {
            const p = privateIn[i] as { name: string; probs: number[] };
            noiseRecord[p.name] = uc[i] as number;
            scope[p.name] = uc[i] as number;
            w *= p.probs[uc[i] as number] as number;
          }
          const x = evaluate();
          if (!Number.isInteger(x) || x < 0 || x >= k) {
            throw new InvalidScmError(
              `${where}: variable "${v.name}": the mechanism returned ${x}, not a state index in 0..${k - 1} (parents ${describe(parentRecord)}, noise ${describe(noiseRecord)})`,
              v.name,
              "domain",
            );
          }
          values[cell * k + x] = (values[cell * k + x] as number) + w;
        });
        cell++;
      });
    });
    return new Factor(
      [...parentNodes, ...sharedIn.map((s) => s.node), node],
      [...parentCards, ...sharedCards, k],
      values,
    );
  }
  throw new InvalidArgumentError(
    `${where}: variable "${v.name}" has a ${m.type} mechanism, which exact discrete inference does not support`,
    v.name,
  );
}

function describe(r: Record<string, number>): string {
  return `{${Object.keys(r)
    .map((key) => `${JSON.stringify(key)}: ${r[key]}`)
    .join(", ")}}`;
}
