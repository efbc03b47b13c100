import { InvalidArgumentError } from "../errors.js";
import { sampleFromNoise } from "../sampling/from-noise.js";
import { deriveRng, type Rng, type Seed } from "../sampling/rng.js";
import { sampleChunks } from "../sampling/sample.js";
import type { Table } from "../sampling/table.js";
import type { EndogenousVariable, Scm } from "../scm/scm.js";
import type { Mechanism } from "../scm/types.js";
import {
  type Abduction,
  abductOne,
  finiteSupport,
  MechanismEvaluator,
} from "./_internal/abduct.js";
import { buildWorlds, noiseReaders } from "./_internal/build-worlds.js";
import { type ResolvedEvidence, readEvidence, readTargets, worldsOf } from "./_internal/terms.js";
import { readCoupling, resolveWorld } from "./_internal/world.js";
import type {
  CounterfactualEvidence,
  CounterfactualIntervention,
  CounterfactualTerm,
} from "./counterfactual-term.js";
import type { Coupling } from "./coupling.js";

/**
 * What {@link counterfactualEstimate} estimates: `E[f(Y_x, …) | e]`.
 *
 * @since 0.1.0
 */
export interface CounterfactualEstimateOptions {
  /**
   * The counterfactual variable(s): a name (in the world `do`), a {@link CounterfactualTerm},
   * or an array of them.
   */
  readonly targets: string | CounterfactualTerm | readonly (string | CounterfactualTerm)[];
  /**
   * The world of the targets given by name.
   * @defaultValue the factual world
   */
  readonly do?: CounterfactualIntervention;
  /**
   * Evidence in the factual world: variable → value (state name or index, number).
   * @defaultValue no evidence
   */
  readonly given?:
    | Readonly<Record<string, number | string>>
    | ReadonlyMap<string, number | string>
    | Iterable<readonly [string, number | string]>;
  /**
   * Evidence on **discrete** counterfactual variables (conditioned on by rejection).
   * @defaultValue none
   */
  readonly givenCounterfactual?: readonly CounterfactualEvidence[];
  /**
   * The function whose conditional expectation is estimated; it receives the targets' values
   * (state indices for discrete targets) in target order (the array is reused: read it, never
   * keep it) and must return a finite number.
   * @defaultValue the value of the single target (required with several targets)
   */
  readonly fn?: (values: Float64Array) => number;
  /**
   * Number of units drawn, an integer ≥ 2.
   * @defaultValue 100000
   */
  readonly samples?: number;
  /**
   * The seed; the same seed gives the same estimate.
   * @defaultValue 0
   */
  readonly seed?: Seed;
  /**
   * How cpt and logistic mechanisms are coupled across worlds; see {@link Coupling}.
   * @defaultValue "inverse-cdf"
   */
  readonly coupling?: Coupling;
}

/**
 * A Monte Carlo estimate of a counterfactual expectation; never exact. The same model, options
 * and seed reproduce it exactly.
 *
 * @since 0.1.0
 */
export interface CounterfactualEstimate {
  /** The self-normalised importance-sampling estimate `Σ wᵢ f(yᵢ) / Σ wᵢ`. */
  readonly estimate: number;
  /**
   * Its standard error (delta method for the ratio): `√(Σ wᵢ² (f(yᵢ) − estimate)²) / Σ wᵢ`.
   */
  readonly standardError: number;
  /** Kish's effective sample size `(Σ wᵢ)² / Σ wᵢ²` (the number of units drawn without evidence). */
  readonly effectiveSampleSize: number;
  /** Number of units drawn. */
  readonly samples: number;
  /** Always `false`. */
  readonly exact: false;
  /** Always `"importance-sampling"`. */
  readonly method: "importance-sampling";
}

const DEFAULT_SAMPLES = 100_000;
const CHUNK_SIZE = 65_536;

/** How one observed factual variable is conditioned on. */
interface Observed {
  readonly variable: EndogenousVariable;
  readonly node: string;
  readonly value: number;
  /** Clamped and abducted (likelihood weight) or checked by rejection. */
  readonly mode: "abduct" | "reject";
  readonly evaluator: MechanismEvaluator;
  readonly rng: Rng;
}

/**
 * Estimates a counterfactual expectation `E[f(Y_x, …) | e]` by importance sampling over the
 * posterior of the exogenous variables, for models without an exact answer (nonlinear or
 * non-Gaussian continuous mechanisms, mixed discrete and continuous models). It follows
 * Pearl's three steps (*Causality* §7.1) with a weighted sample of units in place of the exact
 * posterior `P(u | e)`:
 *
 * 1. Abduction by likelihood weighting (Fung & Chang 1990; Shachter & Peot 1990), each observed
 *    factual variable V handled by what its mechanism allows:
 *    - additive noise (`linear`, or a function / expression `g(pa) + U` with one continuous
 *      noise, checked per unit as in {@link abductNoise}): U is set to `v − g(pa)` and the
 *      unit weighted by the density of U there;
 *    - `cpt` / `logistic`: the uniform is drawn within the interval of u giving the observed
 *      state (the inverse-CDF rule), weight = its length;
 *    - finite noise (function / expression): a consistent noise value is drawn with
 *      probability proportional to its mass, weight = the total mass;
 *    - a discrete V whose noise is shared with another variable: rejection (weight 0 unless the
 *      sampled V equals the observation). A continuous V that fits none of these is rejected
 *      with an error (a probability-zero event cannot be conditioned on by sampling).
 *    Every other exogenous variable is drawn from its prior, and the factual variables
 *    downstream of an observed one are computed from its observed value.
 * 2. Action and 3. prediction: the same units are propagated through the parallel-worlds model
 *    ({@link parallelWorlds}), which evaluates every world with the abducted noise.
 * Evidence on discrete counterfactual variables is conditioned on by rejection.
 *
 * @param model - the structural causal model
 * @param q - targets, world, evidence, f, sample size, seed; see
 *   {@link CounterfactualEstimateOptions}
 * @returns the estimate with its standard error and effective sample size
 * @throws {@link UnknownNodeError} for an unknown variable
 * @throws {@link InvalidArgumentError} for an invalid value or option, several targets without
 *   `fn`, `fn` returning a non-finite number, evidence that cannot be conditioned on (see
 *   above; argument: the variable), or evidence that no sampled unit reproduced (argument
 *   `"given"`), or `coupling: "independent"` with a uniform that several mechanisms share
 *   (argument `"coupling"`)
 * @throws {@link InvalidScmError} if a mechanism returns an invalid value
 * @throws {@link FactorTooLargeError} with `coupling: "independent"`, if an independently
 *   coupled copy of a cpt / logistic variable would need a table of more than 2²⁴ cells (see
 *   {@link parallelWorlds})
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §7.1.
 * @see Shachter, R. D. & Peot, M. A. (1990). Simulation approaches to general probabilistic
 *   inference on belief networks. *Proc. UAI 1989*, 221–234 (likelihood weighting).
 * @see Kish, L. (1965). *Survey Sampling* (effective sample size).
 * @remarks O(samples · (parallel-worlds variables + observed variables)) time, memory
 *   O(65536 · variables) whatever the sample size.
 * @example
 * ```ts
 * const e = counterfactualEstimate(model, {
 *   targets: "Y", do: { X: 0 }, given: { X: 1.5, Y: 4.2 }, samples: 50_000, seed: 1,
 * });
 * e.estimate; e.standardError;
 * ```
 * @since 0.1.0
 */
export function counterfactualEstimate(
  model: Scm,
  q: CounterfactualEstimateOptions,
): CounterfactualEstimate {
  return runCounterfactualEstimate(model, q, "counterfactuals.counterfactualEstimate");
}

/**
 * {@link counterfactualEstimate} with another `module.function` prefix for error messages.
 *
 * @internal
 */
export function runCounterfactualEstimate(
  model: Scm,
  q: CounterfactualEstimateOptions,
  where: string,
): CounterfactualEstimate {
  if (q === null || typeof q !== "object") {
    throw new InvalidArgumentError(`${where}: the query must be an object`, "query");
  }
  const coupling = readCoupling(q.coupling, where);
  const samples = q.samples ?? DEFAULT_SAMPLES;
  if (typeof samples !== "number" || !Number.isSafeInteger(samples) || samples < 2) {
    throw new InvalidArgumentError(
      `${where}: samples must be an integer ≥ 2, got ${String(samples)}`,
      "samples",
    );
  }
  const seed = q.seed ?? 0;
  if (typeof seed !== "string" && typeof seed !== "number") {
    throw new InvalidArgumentError(`${where}: seed must be a string or a number`, "seed");
  }
  const defaultWorld = resolveWorld(model, q.do, where);
  const targets = readTargets(model, q.targets, defaultWorld, where);
  if (q.fn !== undefined && typeof q.fn !== "function") {
    throw new InvalidArgumentError(`${where}: fn must be a function`, "fn");
  }
  if (q.fn === undefined && targets.length > 1) {
    throw new InvalidArgumentError(
      `${where}: with several targets, give fn (a function of their values)`,
      "fn",
    );
  }
  const fn = q.fn ?? ((values: Float64Array) => values[0] as number);
  const evidence = readEvidence(model, q.given, q.givenCounterfactual, where);
  const built = buildWorlds(
    model,
    worldsOf([...targets, ...evidence.map((e) => e.term)]),
    coupling,
    where,
  );

  // Classify the evidence.
  const readers = noiseReaders(model);
  const factual = new Map<string, ResolvedEvidence>();
  const counterfactualChecks: { node: string; value: number }[] = [];
  for (const e of evidence) {
    const node = built.node(e.term.world, e.term.variable);
    if (e.term.world.label === "") {
      const before = factual.get(node);
      if (before !== undefined && before.value !== e.value) contradiction(where);
      factual.set(node, e);
      continue;
    }
    if (model.variable(e.term.variable).domain.type !== "discrete") {
      throw new InvalidArgumentError(
        `${where}: evidence on the continuous counterfactual variable "${e.term.label}" cannot be conditioned on by sampling`,
        e.term.variable,
      );
    }
    counterfactualChecks.push({ node, value: e.value });
  }
  const observed: Observed[] = [];
  const clamp = new Map<string, Mechanism>();
  for (const [node, e] of factual) {
    const v = model.variable(e.term.variable);
    const isPrivate = v.noise.every((u) => (readers.get(u) ?? []).length === 1);
    const mode = isPrivate && canAbduct(model, v) ? "abduct" : "reject";
    if (mode === "reject" && v.domain.type !== "discrete") {
      throw new InvalidArgumentError(
        `${where}: the observed continuous variable "${v.name}" has ${isPrivate ? "a mechanism whose noise cannot be abducted" : "noise shared with another variable"}, so its value cannot be conditioned on by sampling`,
        v.name,
      );
    }
    if (mode === "abduct") clamp.set(node, { type: "constant", value: e.value });
    observed.push({
      variable: v,
      node,
      value: e.value,
      mode,
      evaluator: new MechanismEvaluator(model, v),
      rng: deriveRng(seed, `\u0000abduction\u0000${v.name}`),
    });
  }
  const clamped = clamp.size > 0 ? built.scm.withMechanisms(clamp) : built.scm;
  const abducted = new Set<string>();
  for (const o of observed)
    if (o.mode === "abduct") for (const u of o.variable.noise) abducted.add(u);
  const needsSecondPass = clamped.variables.some((v) => v.noise.some((u) => abducted.has(u)));
  const targetNodes = targets.map((t) => built.node(t.world, t.variable));

  const acc = new Accumulator();
  const values = new Float64Array(targetNodes.length);
  for (const t of sampleChunks(clamped, samples, {
    seed,
    includeNoise: true,
    chunkSize: CHUNK_SIZE,
  })) {
    const m = t.n;
    const logw = new Float64Array(m);
    const noise = new Map<string, Float64Array>();
    for (const name of t.exogenousNames) noise.set(name, t.exogenous(name));
    for (const o of observed) {
      if (o.mode === "abduct") abductColumn(model, o, t, noise, logw, where);
    }
    const t2 = needsSecondPass ? sampleFromNoise(clamped, noise, m) : t;
    for (const o of observed) {
      if (o.mode !== "reject") continue;
      const col = t2.column(o.node).values;
      for (let i = 0; i < m; i++) if (col[i] !== o.value) logw[i] = Number.NEGATIVE_INFINITY;
    }
    for (const c of counterfactualChecks) {
      const col = t2.column(c.node).values;
      for (let i = 0; i < m; i++) if (col[i] !== c.value) logw[i] = Number.NEGATIVE_INFINITY;
    }
    const cols = targetNodes.map((n) => t2.column(n).values);
    for (let i = 0; i < m; i++) {
      const lw = logw[i] as number;
      if (lw === Number.NEGATIVE_INFINITY) continue;
      for (let j = 0; j < cols.length; j++) values[j] = (cols[j] as ArrayLike<number>)[i] as number;
      const f = fn(values);
      if (typeof f !== "number" || !Number.isFinite(f)) {
        throw new InvalidArgumentError(
          `${where}: fn returned ${String(f)}, not a finite number`,
          "fn",
        );
      }
      acc.add(lw, f);
    }
  }
  if (!(acc.a0 > 0)) {
    throw new InvalidArgumentError(
      `${where}: none of the ${samples} sampled units reproduced the evidence (it has probability 0, or too small a probability for this sample size)`,
      "given",
    );
  }
  const estimate = acc.a1 / acc.a0;
  const residual = Math.max(0, acc.b2 - 2 * estimate * acc.b1 + estimate * estimate * acc.b0);
  return {
    estimate,
    standardError: Math.sqrt(residual) / acc.a0,
    effectiveSampleSize: (acc.a0 * acc.a0) / acc.b0,
    samples,
    exact: false,
    method: "importance-sampling",
  };
}

function contradiction(where: string): never {
  throw new InvalidArgumentError(`${where}: the evidence gives one variable two values`, "given");
}

/** Whether the observed value of `v` determines (a distribution of) its private noise. */
function canAbduct(model: Scm, v: EndogenousVariable): boolean {
  const m = v.mechanism.type === "shift" ? v.mechanism.base : v.mechanism;
  switch (m.type) {
    case "cpt":
    case "logistic":
    case "linear":
    case "constant":
      return true;
    case "function":
    case "expression": {
      const finite = v.noise.every((u) => finiteSupport(model.exogenousVariable(u).distribution));
      return finite || (v.noise.length === 1 && v.domain.type === "continuous");
    }
    default:
      return false;
  }
}

/** Abduction of one observed variable's noise for every unit of a chunk. */
function abductColumn(
  model: Scm,
  o: Observed,
  t: Table,
  noise: Map<string, Float64Array>,
  logw: Float64Array,
  where: string,
): void {
  const m = t.n;
  const parentCols = o.variable.parents.map((p) => t.column(p).values);
  const parents = new Float64Array(parentCols.length);
  const own = new Map<string, Float64Array>();
  for (const u of o.variable.noise) {
    const copy = (noise.get(u) as Float64Array).slice();
    own.set(u, copy);
    noise.set(u, copy);
  }
  for (let i = 0; i < m; i++) {
    // Draw once per unit, whatever the case, so the stream stays aligned with the rows.
    const r = o.rng.next();
    if (logw[i] === Number.NEGATIVE_INFINITY) continue;
    for (let j = 0; j < parentCols.length; j++)
      parents[j] = (parentCols[j] as ArrayLike<number>)[i] as number;
    const a: Abduction = abductOne(model, o.evaluator, o.value, parents, where, i);
    switch (a.kind) {
      case "impossible":
        logw[i] = Number.NEGATIVE_INFINITY;
        break;
      case "point":
        // Outside the noise's support the weight is 0 and the (valid) prior draw is kept.
        if (a.logWeight === Number.NEGATIVE_INFINITY) logw[i] = Number.NEGATIVE_INFINITY;
        else {
          (own.get(a.noise) as Float64Array)[i] = a.u;
          logw[i] = (logw[i] as number) + a.logWeight;
        }
        break;
      case "interval": {
        let u = a.lo + (a.hi - a.lo) * r;
        if (!(u < a.hi)) u = a.lo;
        (own.get(a.noise) as Float64Array)[i] = u;
        logw[i] = (logw[i] as number) + Math.log(a.hi - a.lo);
        break;
      }
      case "finite": {
        let total = 0;
        for (const p of a.probs) total += p;
        let pick = a.values.length - 1;
        let acc = 0;
        for (let k = 0; k < a.probs.length; k++) {
          acc += a.probs[k] as number;
          if (r * total < acc) {
            pick = k;
            break;
          }
        }
        const chosen = a.values[pick] as readonly number[];
        a.noise.forEach((u, j) => {
          (own.get(u) as Float64Array)[i] = chosen[j] as number;
        });
        logw[i] = (logw[i] as number) + Math.log(total);
        break;
      }
    }
  }
}

/**
 * Streaming sums of wᵢ, wᵢfᵢ, wᵢ², wᵢ²fᵢ, wᵢ²fᵢ² with weights given as logarithms, rescaled to
 * the largest log-weight seen so far (no overflow or underflow).
 */
class Accumulator {
  ref = Number.NEGATIVE_INFINITY;
  a0 = 0;
  a1 = 0;
  b0 = 0;
  b1 = 0;
  b2 = 0;

  add(logWeight: number, f: number): void {
    if (logWeight > this.ref) {
      if (this.ref > Number.NEGATIVE_INFINITY) {
        const s = Math.exp(this.ref - logWeight);
        this.a0 *= s;
        this.a1 *= s;
        this.b0 *= s * s;
        this.b1 *= s * s;
        this.b2 *= s * s;
      }
      this.ref = logWeight;
    }
    const w = Math.exp(logWeight - this.ref);
    this.a0 += w;
    this.a1 += w * f;
    const w2 = w * w;
    this.b0 += w2;
    this.b1 += w2 * f;
    this.b2 += w2 * f * f;
  }
}
