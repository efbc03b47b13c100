import { InvalidArgumentError, UnknownNodeError } from "../errors.js";
import type { Scm } from "../scm/scm.js";
import type { NoiseDistribution } from "../scm/types.js";
import { type Block, type ColumnArray, compileKernels, type Kernel } from "./_internal/kernels.js";
import { type Column, discreteArray, Table } from "./table.js";

/**
 * Exogenous values for {@link sampleFromNoise}: exogenous variable name → one value per row, as
 * a `Map` or a plain object (own enumerable keys only).
 *
 * @since 0.1.0
 */
export type NoiseColumns =
  | ReadonlyMap<string, Float64Array>
  | Readonly<Record<string, Float64Array>>;

/** Rows computed per block (the values do not depend on it). */
const BLOCK_SIZE = 1024;

/**
 * Computes the endogenous values of `n` units whose exogenous (noise) values are given, by
 * evaluating the structural equations in topological order (Pearl 2009, *Causality* §7.1: the
 * exogenous values u determine every endogenous value, V(u)). This is the deterministic half of
 * {@link sample}, with the same kernels and therefore **bit-identical** values: the noise
 * columns of `sample(model, n, { seed, includeNoise: true })` given back to `sampleFromNoise`
 * reproduce its endogenous columns exactly. Giving the same noise to an intervened model (for
 * example `doIntervention(model, …)`, which keeps every exogenous variable) computes the units'
 * counterfactual values: the "action" and "prediction" steps of Pearl's three-step
 * counterfactual computation.
 *
 * Every exogenous variable that a mechanism of `model` reads needs a column; other known
 * exogenous variables may be given and are ignored. Each value must lie in its distribution's
 * support: uniform values in `[min, max)` (so a CPT's inverse-CDF rule always finds a state),
 * bernoulli values 0 or 1, categorical values a category index, exponential values ≥ 0, and
 * every value finite.
 *
 * @param model - the model
 * @param noise - exogenous name → values, each array of length `n` (read, never modified)
 * @param n - number of rows, a non-negative safe integer
 * @returns a table with one column per endogenous variable, in model order (no exogenous
 *   columns)
 * @throws {@link InvalidArgumentError} if `n` is invalid, `noise` is not a Map or an object, a
 *   needed column is missing (argument: the exogenous name), a column is not a Float64Array of
 *   length `n`, or a value is outside its distribution's support (the message names the row)
 * @throws {@link UnknownNodeError} if `noise` names something that is not an exogenous variable
 *   of the model
 * @throws {@link InvalidScmError} as {@link sample}, for a function or expression mechanism
 *   returning an invalid value
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §7.1 (abduction, action, prediction).
 * @remarks O(n · (Σ parents + variables)) like {@link sample}, plus O(n) per column for the
 *   support checks; no random numbers are drawn.
 * @example
 * ```ts
 * const t = sample(model, 1000, { seed: 1, includeNoise: true });
 * const noise = new Map(t.exogenousNames.map((u) => [u, t.exogenous(u)]));
 * const twin = sampleFromNoise(doIntervention(model, { X: "yes" }), noise, t.n);
 * ```
 * @since 0.1.0
 */
export function sampleFromNoise(model: Scm, noise: NoiseColumns, n: number): Table {
  const where = "sampling.sampleFromNoise";
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new InvalidArgumentError(
      `${where}: n must be a non-negative safe integer, got ${String(n)}`,
      "n",
    );
  }
  const given = readColumns(noise, where);
  for (const name of given.keys()) {
    const known = model.exogenous.some((u) => u.name === name);
    if (!known) {
      throw new UnknownNodeError(
        `${where}: "${name}" is not an exogenous variable of the model`,
        name,
      );
    }
  }
  const used = new Set<string>();
  for (const v of model.variables) for (const u of v.noise) used.add(u);
  const noiseSlot = new Map<string, number>();
  const slots: Float64Array[] = [];
  for (const u of model.exogenous) {
    if (!used.has(u.name)) continue;
    const column = given.get(u.name);
    if (column === undefined) {
      throw new InvalidArgumentError(
        `${where}: no values for the exogenous variable "${u.name}"`,
        u.name,
      );
    }
    if (!(column instanceof Float64Array) || column.length !== n) {
      throw new InvalidArgumentError(
        `${where}: the values of "${u.name}" must be a Float64Array of length ${n}`,
        u.name,
      );
    }
    checkSupport(where, u.name, u.distribution, column);
    noiseSlot.set(u.name, slots.length);
    slots.push(column);
  }

  const kernels: Kernel[] = compileKernels(model, noiseSlot);
  const columns: ColumnArray[] = model.variables.map((v) =>
    v.domain.type === "discrete" ? discreteArray(v.domain.states.length, n) : new Float64Array(n),
  );
  const blockNoise: Float64Array[] = slots.map((s) => s.subarray(0, 0));
  const block: Block = {
    columns,
    noise: blockNoise,
    start: 0,
    len: 0,
    firstRow: 0,
    scratchIndex: new Int32Array(BLOCK_SIZE),
    scratch: new Float64Array(BLOCK_SIZE),
  };
  for (let start = 0; start < n; start += BLOCK_SIZE) {
    const len = Math.min(BLOCK_SIZE, n - start);
    for (let s = 0; s < slots.length; s++) {
      blockNoise[s] = (slots[s] as Float64Array).subarray(start, start + len);
    }
    block.start = start;
    block.len = len;
    block.firstRow = start;
    for (let k = 0; k < kernels.length; k++) (kernels[k] as Kernel).run(block);
  }
  const cols: Column[] = model.variables.map((v, i) =>
    v.domain.type === "discrete"
      ? {
          name: v.name,
          kind: "discrete",
          states: v.domain.states,
          values: columns[i] as Uint8Array | Int32Array,
        }
      : { name: v.name, kind: "continuous", values: columns[i] as Float64Array },
  );
  return Table.fromTrustedColumns(n, cols);
}

function readColumns(noise: unknown, where: string): Map<string, unknown> {
  if (noise instanceof Map) return new Map(noise as Map<string, unknown>);
  if (noise === null || typeof noise !== "object") {
    throw new InvalidArgumentError(
      `${where}: noise must be a Map or an object of Float64Array columns`,
      "noise",
    );
  }
  const out = new Map<string, unknown>();
  for (const key of Object.keys(noise)) out.set(key, (noise as Record<string, unknown>)[key]);
  return out;
}

/** Throws unless every value lies in the support of `d` (see {@link sampleFromNoise}). */
function checkSupport(
  where: string,
  name: string,
  d: NoiseDistribution,
  values: Float64Array,
): void {
  const bad = (i: number, why: string): never => {
    throw new InvalidArgumentError(
      `${where}: exogenous "${name}" row ${i}: ${values[i]} ${why}`,
      name,
    );
  };
  switch (d.type) {
    case "uniform": {
      const { min, max } = d;
      for (let i = 0; i < values.length; i++) {
        const x = values[i] as number;
        if (!(x >= min && x < max)) bad(i, `is not in [${min}, ${max})`);
      }
      return;
    }
    case "bernoulli":
      for (let i = 0; i < values.length; i++) {
        const x = values[i] as number;
        if (x !== 0 && x !== 1) bad(i, "is not 0 or 1");
      }
      return;
    case "categorical": {
      const k = d.probs.length;
      for (let i = 0; i < values.length; i++) {
        const x = values[i] as number;
        if (!(Number.isInteger(x) && x >= 0 && x < k)) bad(i, `is not a category in 0..${k - 1}`);
      }
      return;
    }
    case "exponential":
      for (let i = 0; i < values.length; i++) {
        const x = values[i] as number;
        if (!(x >= 0 && x < Number.POSITIVE_INFINITY)) bad(i, "is not a finite number ≥ 0");
      }
      return;
    default:
      for (let i = 0; i < values.length; i++) {
        if (!Number.isFinite(values[i])) bad(i, "is not a finite number");
      }
  }
}
