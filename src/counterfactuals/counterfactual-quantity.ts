import type { Seed } from "../sampling/rng.js";
import type { Coupling } from "./coupling.js";

/**
 * A counterfactual quantity computed from a model: exact for discrete models (parallel worlds
 * and variable elimination) and linear-Gaussian models (closed form), a Monte Carlo estimate
 * otherwise.
 *
 * @since 0.1.0
 */
export interface CounterfactualQuantity {
  /** The value (or the estimate). */
  readonly value: number;
  /** Whether `value` is exact (up to floating-point rounding). */
  readonly exact: boolean;
  /**
   * `"exact"` (discrete model), `"linear-gaussian"` (closed form) or `"importance-sampling"`
   * (see {@link counterfactualEstimate}).
   */
  readonly method: "exact" | "linear-gaussian" | "importance-sampling";
  /** The Monte Carlo standard error; present only when `exact` is false. */
  readonly standardError?: number;
  /** Kish's effective sample size; present only when `exact` is false. */
  readonly effectiveSampleSize?: number;
}

/**
 * Options shared by the counterfactual effects ({@link effectOfTreatmentOnTreated},
 * {@link naturalEffects}, {@link controlledDirectEffect}, {@link probabilitiesOfCausation}).
 *
 * @since 0.1.0
 */
export interface CounterfactualEffectOptions {
  /**
   * The treatment value x of X (state name or index; a number for a continuous X).
   * @defaultValue for a binary X its positive state (`yes`/`true`/`1`/… when the other is
   *   `no`/`false`/`0`/…, else `states[1]`); required otherwise
   */
  readonly treatment?: string | number;
  /**
   * The control value x' of X.
   * @defaultValue for a binary X the state that is not the default treatment; required otherwise
   */
  readonly control?: string | number;
  /**
   * The outcome event Y = y: effects are then on `P(Y = y)` (risk differences).
   * @defaultValue for a binary Y its positive state; none otherwise (effects on the expected
   *   state index of a discrete Y, on the value of a continuous Y)
   */
  readonly outcomeState?: string | number;
  /**
   * How cpt and logistic mechanisms are coupled across worlds; see {@link Coupling}.
   * @defaultValue "inverse-cdf"
   */
  readonly coupling?: Coupling;
  /**
   * Monte Carlo sample size, for models without an exact answer.
   * @defaultValue 100000
   */
  readonly samples?: number;
  /**
   * Monte Carlo seed.
   * @defaultValue 0
   */
  readonly seed?: Seed;
  /**
   * Size limit of exact inference (see {@link QueryOptions.maxFactorSize}).
   * @defaultValue 2²⁵
   */
  readonly maxFactorSize?: number;
}

/**
 * The treatment, control and outcome states an effect refers to.
 *
 * @since 0.1.0
 */
export interface EffectStates {
  /** The treatment value x (state name, or the number as text). */
  readonly treatmentState: string;
  /** The control value x'. */
  readonly controlState: string;
  /** The outcome event y, when the effect is on `P(Y = y)`. */
  readonly outcomeState?: string;
}
