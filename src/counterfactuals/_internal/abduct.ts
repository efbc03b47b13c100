// Abduction for one variable of one unit: given its observed value and its parents' values,
// which values of its exogenous input are consistent with the observation, and how likely the
// observation is (the likelihood used as an importance weight).
import { InvalidArgumentError } from "../../errors.js";
import { writeCumulative } from "../../sampling/_internal/cumulative.js";
import type { EndogenousVariable, Scm } from "../../scm/scm.js";
import type { Mechanism, NoiseDistribution, ValueRecord } from "../../scm/types.js";

/** What the observation says about the variable's exogenous input(s). */
export type Abduction =
  /** Its one noise is exactly `u`; the observation's log-density is `logWeight` (+ a constant). */
  | {
      readonly kind: "point";
      readonly noise: string;
      readonly u: number;
      readonly logWeight: number;
    }
  /** Its uniform noise is uniform on [lo, hi); the observation's probability is hi − lo. */
  | { readonly kind: "interval"; readonly noise: string; readonly lo: number; readonly hi: number }
  /**
   * Its finite noises take one of `values` (aligned with `noise`) with probabilities
   * proportional to `probs`; the observation's probability is their sum.
   */
  | {
      readonly kind: "finite";
      readonly noise: readonly string[];
      readonly values: readonly (readonly number[])[];
      readonly probs: readonly number[];
    }
  /** The observation is impossible given the parents. */
  | { readonly kind: "impossible" };

/** Relative tolerance when comparing a recomputed continuous value with the observed one. */
const TOLERANCE = 1e-9;

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The log-density of `d` at `u` up to an additive constant (−∞ outside the support). */
export function logDensity(d: NoiseDistribution, u: number): number {
  switch (d.type) {
    case "normal": {
      const z = (u - d.mean) / d.sd;
      return -0.5 * z * z;
    }
    case "uniform":
      return u >= d.min && u < d.max ? 0 : Number.NEGATIVE_INFINITY;
    case "exponential":
      return u >= 0 ? -d.rate * u : Number.NEGATIVE_INFINITY;
    case "laplace":
      return -Math.abs(u - d.location) / d.scale;
    case "studentT": {
      const z = (u - d.location) / d.scale;
      return (-(d.df + 1) / 2) * Math.log1p((z * z) / d.df);
    }
    case "bernoulli":
    case "categorical":
      return Number.NEGATIVE_INFINITY;
  }
}

/** The support and probabilities of a finite noise, or undefined for a continuous one. */
export function finiteSupport(
  d: NoiseDistribution,
): { values: number[]; probs: number[] } | undefined {
  if (d.type === "bernoulli") return { values: [0, 1], probs: [1 - d.p, d.p] };
  if (d.type !== "categorical") return undefined;
  // The inverse-CDF rule's effective probabilities (the last positive category takes the rest).
  const c = new Float64Array(d.probs.length);
  writeCumulative(d.probs, c, 0);
  const probs: number[] = [];
  let lo = 0;
  for (let k = 0; k < c.length; k++) {
    const hi = Math.min(1, c[k] as number);
    probs.push(Math.max(0, hi - lo));
    if (hi > lo) lo = hi;
  }
  return { values: probs.map((_, k) => k), probs };
}

/**
 * A variable's mechanism prepared for evaluation one unit at a time, with the parents' values
 * given in `v.parents` order.
 */
export class MechanismEvaluator {
  readonly variable: EndogenousVariable;
  readonly #model: Scm;
  readonly #parentRecord: Record<string, number> = Object.create(null);
  readonly #noiseRecord: Record<string, number> = Object.create(null);

  constructor(model: Scm, variable: EndogenousVariable) {
    this.#model = model;
    this.variable = variable;
  }

  /** The mechanism without its shift, and the shift. */
  get base(): { readonly mechanism: Mechanism; readonly delta: number } {
    const m = this.variable.mechanism;
    return m.type === "shift" ? { mechanism: m.base, delta: m.delta } : { mechanism: m, delta: 0 };
  }

  /** `intercept + Σ coefficient·parent`, summed in the sampler's order. */
  linearPredictor(parents: ArrayLike<number>): number {
    const m = this.base.mechanism;
    if (m.type !== "linear" && m.type !== "logistic") return Number.NaN;
    const b0 = m.intercept ?? 0;
    if (parents.length === 0) return b0;
    let acc = b0 + (m.coefficients[0] as number) * (parents[0] as number);
    for (let j = 1; j < parents.length; j++) {
      acc = acc + (m.coefficients[j] as number) * (parents[j] as number);
    }
    return acc;
  }

  /** Evaluates a function or expression base mechanism (without the shift). */
  evaluate(
    parents: ArrayLike<number>,
    noise: readonly string[],
    noiseValues: ArrayLike<number>,
  ): number {
    const m = this.base.mechanism;
    const p = this.#parentRecord;
    const u = this.#noiseRecord;
    const names = this.variable.parents;
    for (let i = 0; i < names.length; i++) p[names[i] as string] = parents[i] as number;
    for (let i = 0; i < noise.length; i++) u[noise[i] as string] = noiseValues[i] as number;
    if (m.type === "function") return m.fn(p as ValueRecord, u as ValueRecord);
    if (m.type === "expression") {
      const scope: Record<string, number> = Object.create(null);
      for (const k of Object.keys(p)) scope[k] = p[k] as number;
      for (const k of Object.keys(u)) scope[k] = u[k] as number;
      return this.#model.compiledExpression(this.variable.name).evaluate(scope as ValueRecord);
    }
    return Number.NaN;
  }
}

/**
 * Abduction for one unit: the variable (evaluated by `ev`) was observed at `value` (a state
 * index or a number) with its parents at `parents` (in `v.parents` order).
 *
 * @throws InvalidArgumentError (argument: the variable) when the mechanism's noise cannot be
 *   abducted: a continuous variable whose function / expression mechanism is not of the form
 *   g(parents) + U at this unit, or reads several noises one of which is continuous
 */
export function abductOne(
  model: Scm,
  ev: MechanismEvaluator,
  value: number,
  parents: ArrayLike<number>,
  where: string,
  row: number,
): Abduction {
  const v = ev.variable;
  const { mechanism: m, delta } = ev.base;
  const isDiscrete = v.domain.type === "discrete";
  const equal = (x: number): boolean => (isDiscrete ? x === value : close(x, value));
  switch (m.type) {
    case "constant":
      return equal(m.value)
        ? { kind: "finite", noise: [], values: [[]], probs: [1] }
        : { kind: "impossible" };
    case "cpt": {
      let r = 0;
      for (let i = 0; i < v.parents.length; i++) {
        const d = model.variable(v.parents[i] as string).domain;
        r = r * (d.type === "discrete" ? d.states.length : 1) + (parents[i] as number);
      }
      const row = m.table[r] as readonly number[];
      const c = new Float64Array(row.length);
      writeCumulative(row, c, 0);
      let lo = 0;
      for (let j = 0; j < value; j++) lo = Math.max(lo, c[j] as number);
      const hi = Math.min(1, c[value] as number);
      return hi > lo
        ? { kind: "interval", noise: m.noise as string, lo, hi }
        : { kind: "impossible" };
    }
    case "logistic": {
      const p = 1 / (1 + Math.exp(-ev.linearPredictor(parents)));
      const [lo, hi] = value === 1 ? [0, p] : [p, 1];
      return hi > lo
        ? { kind: "interval", noise: m.noise as string, lo, hi }
        : { kind: "impossible" };
    }
    case "linear": {
      const noise = m.noise as string;
      const d = model.exogenousVariable(noise).distribution;
      const pred = ev.linearPredictor(parents);
      const finite = finiteSupport(d);
      if (finite)
        return finiteCases([noise], [finite], (u) => pred + (u[0] as number) + delta, equal);
      const u = value - delta - pred;
      return { kind: "point", noise, u, logWeight: logDensity(d, u) };
    }
    case "function":
    case "expression": {
      const noise = v.noise;
      const dists = noise.map((u) => model.exogenousVariable(u).distribution);
      const supports = dists.map(finiteSupport);
      const at = (u: ArrayLike<number>): number => ev.evaluate(parents, noise, u) + delta;
      if (supports.every((s) => s !== undefined)) {
        return finiteCases(noise, supports as { values: number[]; probs: number[] }[], at, equal);
      }
      const d = dists[0];
      if (noise.length === 1 && d !== undefined && !isDiscrete) {
        // Additive in its one noise at this unit: f(pa, u) = g(pa) + u, checked at 0, 1 and the
        // solution (a check, not a proof; see abductNoise).
        const g = at([0]);
        const g1 = at([1]);
        const u = value - g;
        if (Number.isFinite(g) && close(g1 - g, 1) && close(at([u]), value)) {
          return { kind: "point", noise: noise[0] as string, u, logWeight: logDensity(d, u) };
        }
        throw new InvalidArgumentError(
          `${where}: variable "${v.name}" (row ${row}): its ${m.type} mechanism is not of the form g(parents) + ${noise[0]} here, so ${noise[0]} cannot be abducted from the observed value`,
          v.name,
        );
      }
      throw new InvalidArgumentError(
        `${where}: variable "${v.name}": its ${m.type} mechanism reads ${noise.length === 0 ? "no noise" : `the noise ${noise.map((x) => `"${x}"`).join(", ")}`} in a way that cannot be abducted from an observation (only additive noise, finite noise or uniform noise of cpt / logistic mechanisms can)`,
        v.name,
      );
    }
    case "shift":
      throw new InvalidArgumentError(`${where}: variable "${v.name}": nested shift`, v.name);
  }
}

/** Enumerates finite noise combinations and keeps those reproducing the observation. */
function finiteCases(
  noise: readonly string[],
  supports: readonly { values: number[]; probs: number[] }[],
  at: (u: ArrayLike<number>) => number,
  equal: (x: number) => boolean,
): Abduction {
  const values: number[][] = [];
  const probs: number[] = [];
  const current = new Array<number>(noise.length).fill(0);
  const idx = new Array<number>(noise.length).fill(0);
  for (;;) {
    let p = 1;
    for (let i = 0; i < noise.length; i++) {
      const s = supports[i] as { values: number[]; probs: number[] };
      current[i] = s.values[idx[i] as number] as number;
      p *= s.probs[idx[i] as number] as number;
    }
    if (p > 0 && equal(at(current))) {
      values.push([...current]);
      probs.push(p);
    }
    let q = noise.length - 1;
    for (; q >= 0; q--) {
      const next = (idx[q] as number) + 1;
      if (next < (supports[q] as { values: number[] }).values.length) {
        idx[q] = next;
        break;
      }
      idx[q] = 0;
    }
    if (q < 0) break;
  }
  return probs.length > 0 ? { kind: "finite", noise, values, probs } : { kind: "impossible" };
}
