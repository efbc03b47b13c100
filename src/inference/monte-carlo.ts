import { InvalidArgumentError, UnknownNodeError } from "../errors.js";
import { doIntervention, type InterventionValues } from "../interventions/do.js";
import type { Seed } from "../sampling/rng.js";
import { sampleChunks } from "../sampling/sample.js";
import type { Scm } from "../scm/scm.js";
import { encodeState, toEntries } from "./_internal/states.js";
import type { StateAssignment } from "./state-assignment.js";

/** Default number of forward samples. */
const DEFAULT_SAMPLES = 100_000;
/** Default seed (the same as `sample`'s). */
const DEFAULT_SEED = 0;
/** Rows per sampled chunk: memory stays O(chunk · variables) whatever `n`. */
const CHUNK_SIZE = 65_536;

/**
 * A Monte Carlo estimate: a random quantity, never an exact value. With the same model, options
 * and seed it is reproduced exactly.
 *
 * @since 0.1.0
 */
export interface MonteCarloEstimate {
  /** The sample mean of f(Y) over the `n` samples used. */
  readonly estimate: number;
  /**
   * Its standard error: the sample standard deviation (denominator n − 1) divided by √n. Zero
   * when every sample gave the same value (which does not make the estimate exact).
   */
  readonly standardError: number;
  /** Number of samples the estimate uses (the accepted samples when conditioning on `given`). */
  readonly n: number;
  /** Number of samples drawn (equal to `n` without `given`). */
  readonly drawn: number;
  /** Always `false`: this is an estimate. */
  readonly exact: false;
  /** Always `"monte-carlo"`. */
  readonly method: "monte-carlo";
}

/**
 * Options of {@link monteCarloExpectation}.
 *
 * @since 0.1.0
 */
export interface MonteCarloExpectationOptions {
  /** The target variable Y. */
  readonly target: string;
  /**
   * Hard intervention do(X = x, …), applied with {@link doIntervention} (same value rules: state
   * names or indices for discrete variables, numbers for continuous ones).
   * @defaultValue no intervention
   */
  readonly do?: InterventionValues;
  /**
   * Evidence on **discrete** variables (state names or indices), conditioned on by rejection:
   * samples that disagree with it are discarded. Conditioning happens in the intervened model.
   * Continuous evidence has probability zero and is rejected with an error.
   * @defaultValue no evidence
   */
  readonly given?: StateAssignment;
  /**
   * Number of forward samples to draw, an integer ≥ 2.
   * @defaultValue 100000
   */
  readonly n?: number;
  /**
   * The seed; the same seed gives the same estimate.
   * @defaultValue 0
   */
  readonly seed?: Seed;
  /**
   * The function f whose expectation is estimated; it receives Y's value (the state index for a
   * discrete target) and must return a finite number.
   * @defaultValue the identity
   */
  readonly fn?: (value: number) => number;
}

/**
 * Options of {@link monteCarloProbability}.
 *
 * @since 0.1.0
 */
export interface MonteCarloProbabilityOptions {
  /** The discrete target variable Y. */
  readonly target: string;
  /** The state s of Y: a state name or a 0-based state index. */
  readonly state: string | number;
  /**
   * Hard intervention do(X = x, …), as in {@link MonteCarloExpectationOptions.do}.
   * @defaultValue no intervention
   */
  readonly do?: InterventionValues;
  /**
   * Discrete evidence, conditioned on by rejection, as in
   * {@link MonteCarloExpectationOptions.given}.
   * @defaultValue no evidence
   */
  readonly given?: StateAssignment;
  /**
   * Number of forward samples to draw, an integer ≥ 2.
   * @defaultValue 100000
   */
  readonly n?: number;
  /**
   * The seed; the same seed gives the same estimate.
   * @defaultValue 0
   */
  readonly seed?: Seed;
}

/**
 * Estimates `E[f(Y) | do(X = x), Z = z]` by forward (ancestral) sampling, for models that have
 * no exact answer in causalkit (nonlinear or non-Gaussian continuous mechanisms, expression and
 * function mechanisms with continuous noise, mixed models).
 *
 * The intervention is applied first ({@link doIntervention}: the truncated factorisation,
 * Pearl 2009 §3.2), then `n` rows of the intervened model are drawn with {@link sampleChunks}.
 * With discrete evidence `given`, rows that disagree with it are discarded (rejection sampling,
 * which samples exactly `P(· | do(x), z)`); the estimate then uses the accepted rows only and
 * their count is reported as `n`. The estimate is the sample mean of f(Y) and its standard error
 * the sample standard deviation over √n, so roughly 95% of seeds give an estimate within 2
 * standard errors of the true value.
 *
 * **This is an estimate, never exact** (`exact: false`): use {@link query} (discrete models) or
 * {@link gaussianDistribution} (linear-Gaussian models) for exact answers. Deterministic: the
 * same model, options and seed give the same result on every run and platform.
 *
 * @param model - the model (not modified)
 * @param options - target, intervention, evidence, sample size, seed and f
 * @returns the estimate, its standard error and the number of samples used
 * @throws {@link UnknownNodeError} if the target or an evidence variable is not a variable of the
 *   model (or, from {@link doIntervention}, an intervened one)
 * @throws {@link InvalidArgumentError} for a bad `n` (argument `"n"`) or `fn` (argument `"fn"`,
 *   also when it returns a non-finite value), evidence on a continuous variable or an unknown
 *   state (argument: the variable), fewer than 2 accepted samples (argument `"given"`), or a
 *   value outside a variable's domain in `do` (from {@link doIntervention})
 * @throws {@link InvalidScmError} if a mechanism fails while sampling (see {@link sample})
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §3.2 (interventions).
 * @see Henrion, M. (1988). Propagating uncertainty in Bayesian networks by probabilistic logic
 *   sampling. *Uncertainty in Artificial Intelligence 2*, 149–163 (rejection / logic sampling).
 * @remarks O(n · cost of sampling one row); memory O(65536 · variables) whatever `n`. The
 *   standard error shrinks as 1/√n. With evidence of probability p, about n·p samples are kept.
 * @example
 * ```ts
 * const r = monteCarloExpectation(model, { target: "Y", do: { X: 1 }, n: 200_000, seed: 7 });
 * // r.estimate ± 2·r.standardError covers E[Y | do(X = 1)] for about 95% of seeds
 * ```
 * @since 0.1.0
 */
export function monteCarloExpectation(
  model: Scm,
  options: MonteCarloExpectationOptions,
): MonteCarloEstimate {
  return estimate(model, options, options.fn, "inference.monteCarloExpectation");
}

/**
 * Estimates `P(Y = s | do(X = x), Z = z)` for a discrete target by forward sampling (the
 * fraction of samples with Y = s): {@link monteCarloExpectation} with f the indicator of s. The
 * standard error is `sqrt(p̂(1 − p̂)/(n − 1))`, the sample standard deviation of the indicator
 * over √n.
 *
 * **This is an estimate, never exact**; see {@link monteCarloExpectation} for the semantics,
 * evidence by rejection and determinism.
 *
 * @param model - the model (not modified)
 * @param options - target, state, intervention, evidence, sample size and seed
 * @returns the estimated probability (in [0, 1]) with its standard error
 * @throws {@link UnknownNodeError} if the target or an evidence variable is not a variable
 * @throws {@link InvalidArgumentError} if the target is continuous or `state` is not one of its
 *   states (argument: the target), and as {@link monteCarloExpectation}
 * @throws {@link InvalidScmError} if a mechanism fails while sampling
 * @see Henrion, M. (1988). Propagating uncertainty in Bayesian networks by probabilistic logic
 *   sampling. *Uncertainty in Artificial Intelligence 2*, 149–163.
 * @remarks O(n · cost of sampling one row).
 * @example
 * ```ts
 * monteCarloProbability(model, { target: "wet grass", state: "yes", do: { rain: "no" } });
 * ```
 * @since 0.1.0
 */
export function monteCarloProbability(
  model: Scm,
  options: MonteCarloProbabilityOptions,
): MonteCarloEstimate {
  const where = "inference.monteCarloProbability";
  checkOptions(options, where);
  const target = requireVariable(model, options.target, where);
  const domain = target.domain;
  if (domain.type !== "discrete") {
    throw new InvalidArgumentError(
      `${where}: target "${target.name}" is continuous; a probability of one value needs a discrete target (use monteCarloExpectation with an indicator fn)`,
      target.name,
    );
  }
  const s = encodeState(target.name, domain.states, options.state, where);
  return estimate(model, options, (v) => (v === s ? 1 : 0), where);
}

interface CommonOptions {
  readonly target: string;
  readonly do?: InterventionValues;
  readonly given?: StateAssignment;
  readonly n?: number;
  readonly seed?: Seed;
}

function checkOptions(options: unknown, where: string): void {
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError(`${where}: options must be an object`, "options");
  }
}

function requireVariable(model: Scm, name: unknown, where: string): Scm["variables"][number] {
  if (typeof name !== "string" || !model.hasVariable(name)) {
    throw new UnknownNodeError(`${where}: unknown variable "${String(name)}"`, String(name));
  }
  return model.variable(name);
}

function estimate(
  model: Scm,
  options: CommonOptions,
  fn: ((value: number) => number) | undefined,
  where: string,
): MonteCarloEstimate {
  checkOptions(options, where);
  const target = requireVariable(model, options.target, where).name;
  const n = options.n ?? DEFAULT_SAMPLES;
  if (!(Number.isSafeInteger(n) && n >= 2)) {
    throw new InvalidArgumentError(`${where}: n must be an integer ≥ 2, got ${String(n)}`, "n");
  }
  if (fn !== undefined && typeof fn !== "function") {
    throw new InvalidArgumentError(`${where}: fn must be a function`, "fn");
  }
  // Evidence: discrete variables only, encoded as state indices (checked before sampling).
  const evidence: [string, number][] = [];
  if (options.given !== undefined) {
    for (const [name, value] of toEntries(options.given, where, "given")) {
      const v = requireVariable(model, name, where);
      if (v.domain.type !== "discrete") {
        throw new InvalidArgumentError(
          `${where}: evidence on continuous variable "${name}" has probability zero; rejection sampling needs discrete evidence`,
          name,
        );
      }
      evidence.push([name, encodeState(name, v.domain.states, value, where)]);
    }
  }
  const intervened = options.do === undefined ? model : doIntervention(model, options.do);

  // Welford's online mean and sum of squared deviations (Welford 1962), over accepted rows.
  let accepted = 0;
  let mean = 0;
  let m2 = 0;
  for (const table of sampleChunks(intervened, n, {
    seed: options.seed ?? DEFAULT_SEED,
    chunkSize: CHUNK_SIZE,
  })) {
    const values = table.column(target).values;
    const checks = evidence.map(([name, state]) => [table.column(name).values, state] as const);
    rows: for (let r = 0; r < table.n; r++) {
      for (const [column, state] of checks) if (column[r] !== state) continue rows;
      const y = values[r] ?? 0;
      const x = fn === undefined ? y : fn(y);
      if (typeof x !== "number" || !Number.isFinite(x)) {
        throw new InvalidArgumentError(
          `${where}: fn returned ${String(x)} for ${target} = ${y}; it must return a finite number`,
          "fn",
        );
      }
      accepted++;
      const delta = x - mean;
      mean += delta / accepted;
      m2 += delta * (x - mean);
    }
  }
  if (accepted < 2) {
    throw new InvalidArgumentError(
      `${where}: only ${accepted} of ${n} samples agree with the evidence; cannot estimate (draw more samples, or the evidence may be impossible)`,
      "given",
    );
  }
  const variance = Math.max(0, m2 / (accepted - 1));
  return Object.freeze({
    estimate: mean,
    standardError: Math.sqrt(variance / accepted),
    n: accepted,
    drawn: n,
    exact: false,
    method: "monte-carlo",
  });
}
