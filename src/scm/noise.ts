import { InvalidScmError } from "../errors.js";
import type {
  BernoulliNoise,
  CategoricalNoise,
  ExponentialNoise,
  LaplaceNoise,
  NoiseDistribution,
  NormalNoise,
  StudentTNoise,
  UniformNoise,
} from "./types.js";

/** Tolerance on probability sums (CPT rows, categorical noise). @since 0.1.0 */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

/**
 * Normal noise N(mean, sd²).
 *
 * @param mean - mean @defaultValue 0
 * @param sd - standard deviation > 0 @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite mean, or an sd
 *   that is not a finite number > 0
 * @see Marsaglia, G. & Tsang, W. W. (2000). The ziggurat method for generating random
 *   variables. Journal of Statistical Software 5(8) (how {@link fillNoise} and {@link sample}
 *   draw it).
 * @example
 * ```ts
 * normal(); // { type: "normal", mean: 0, sd: 1 }
 * normal(10, 2); // N(10, 4)
 * ```
 * @since 0.1.0
 */
export function normal(mean = 0, sd = 1): NormalNoise {
  return validateNoise("normal(…)", { type: "normal", mean, sd }) as NormalNoise;
}

/**
 * Uniform noise on [min, max). `uniform()` (on [0, 1)) is the noise that CPT and logistic
 * mechanisms read by the inverse-CDF rule.
 *
 * @param min - lower bound @defaultValue 0
 * @param max - upper bound @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite bound or
 *   `min ≥ max`
 * @see Devroye, L. (1986). *Non-Uniform Random Variate Generation*, Springer, §II.2
 *   (inversion: `min + (max − min)·u`).
 * @example
 * ```ts
 * uniform(); // { type: "uniform", min: 0, max: 1 }
 * uniform(-1, 1);
 * ```
 * @since 0.1.0
 */
export function uniform(min = 0, max = 1): UniformNoise {
  return validateNoise("uniform(…)", { type: "uniform", min, max }) as UniformNoise;
}

/**
 * Bernoulli noise on {0, 1}: 1 with probability `p` (drawn as `u < p` from a uniform u).
 *
 * @param p - probability of 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) if `p` is not a finite
 *   number in [0, 1]
 * @see Devroye, L. (1986). *Non-Uniform Random Variate Generation*, Springer, §II.2
 *   (the inversion method).
 * @example
 * ```ts
 * bernoulli(0.3); // { type: "bernoulli", p: 0.3 }
 * ```
 * @since 0.1.0
 */
export function bernoulli(p: number): BernoulliNoise {
  return validateNoise("bernoulli(…)", { type: "bernoulli", p }) as BernoulliNoise;
}

/**
 * Categorical noise on {0, …, k−1}: k with probability `probs[k]`, drawn by the inverse CDF
 * (the first k with u < c_k for the cumulative sums c, the last positive category's taken as
 * exactly 1).
 *
 * @param probs - probabilities in [0, 1] summing to 1 (within {@link PROBABILITY_SUM_TOLERANCE});
 *   copied, not normalised
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for an empty list, a
 *   non-finite entry or one outside [0, 1], or a sum other than 1
 * @see Devroye, L. (1986). *Non-Uniform Random Variate Generation*, Springer, §III.2
 *   (discrete distributions by sequential search on the inverse CDF).
 * @example
 * ```ts
 * categorical([0.2, 0.5, 0.3]); // values 0, 1, 2
 * ```
 * @since 0.1.0
 */
export function categorical(probs: readonly number[]): CategoricalNoise {
  return validateNoise("categorical(…)", {
    type: "categorical",
    probs: [...probs],
  }) as CategoricalNoise;
}

/**
 * Exponential noise with the given rate: density `rate·exp(−rate·x)` on x ≥ 0, mean `1/rate`.
 *
 * @param rate - λ > 0 @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) if `rate` is not a finite
 *   number > 0
 * @see Devroye, L. (1986). *Non-Uniform Random Variate Generation*, Springer, §II.2
 *   (inversion: `−ln(u)/rate` with u uniform on (0, 1), as {@link fillNoise} draws it).
 * @example
 * ```ts
 * exponential(2); // mean 0.5
 * ```
 * @since 0.1.0
 */
export function exponential(rate = 1): ExponentialNoise {
  return validateNoise("exponential(…)", { type: "exponential", rate }) as ExponentialNoise;
}

/**
 * Laplace (double exponential) noise: density `exp(−|x − location| / scale) / (2·scale)`.
 *
 * @param location - location @defaultValue 0
 * @param scale - scale > 0 @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite location, or a
 *   scale that is not a finite number > 0
 * @see Devroye, L. (1986). *Non-Uniform Random Variate Generation*, Springer, §II.2
 *   (inversion: `location + scale·ln(2u)` for u < 1/2, else `location − scale·ln(2 − 2u)`, as
 *   {@link fillNoise} draws it).
 * @example
 * ```ts
 * laplace(0, 1);
 * ```
 * @since 0.1.0
 */
export function laplace(location = 0, scale = 1): LaplaceNoise {
  return validateNoise("laplace(…)", { type: "laplace", location, scale }) as LaplaceNoise;
}

/**
 * Location-scale Student-t noise: `location + scale·T` with T ~ t(df), heavy-tailed for small
 * `df` (no finite variance for df ≤ 2).
 *
 * @param df - degrees of freedom > 0
 * @param location - location @defaultValue 0
 * @param scale - scale > 0 @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a df or scale that is not a
 *   finite number > 0, or a non-finite location
 * @see Bailey, R. W. (1994). Polar generation of random variates with the t-distribution.
 *   Mathematics of Computation 62(206), 779–781 (how {@link fillNoise} draws it).
 * @example
 * ```ts
 * studentT(3); // t with 3 degrees of freedom, location 0, scale 1
 * ```
 * @since 0.1.0
 */
export function studentT(df: number, location = 0, scale = 1): StudentTNoise {
  return validateNoise("studentT(…)", { type: "studentT", df, location, scale }) as StudentTNoise;
}

/**
 * Checks a noise distribution's parameters and returns a frozen copy.
 *
 * @param name - the exogenous variable (named in errors)
 * @param d - the distribution
 * @returns a frozen, validated copy
 * @throws {@link InvalidScmError} (reason `"parameter"`, `variable` = `name`) if `d` is not an
 *   object, has an unknown type, or a non-finite or out-of-range parameter (see the
 *   constructors above for each type's ranges)
 * @remarks O(k) for a categorical with k categories, O(1) otherwise.
 * @example
 * ```ts
 * validateNoise("U_X", { type: "normal", mean: 0, sd: -1 }); // throws InvalidScmError
 * ```
 * @since 0.1.0
 */
export function validateNoise(name: string, d: NoiseDistribution): NoiseDistribution {
  const bad = (what: string): never => {
    throw new InvalidScmError(`scm.validateNoise: exogenous ${name}: ${what}`, name, "parameter");
  };
  const finite = (label: string, v: unknown): number => {
    if (typeof v !== "number" || !Number.isFinite(v)) bad(`${label} must be a finite number`);
    return v as number;
  };
  const positive = (label: string, v: unknown): number => {
    if (finite(label, v) <= 0) bad(`${label} must be > 0`);
    return v as number;
  };
  if (d === null || typeof d !== "object") return bad("distribution must be an object");
  switch (d.type) {
    case "normal":
      return Object.freeze({
        type: "normal",
        mean: finite("mean", d.mean ?? 0),
        sd: positive("sd", d.sd),
      });
    case "uniform": {
      const min = finite("min", d.min);
      const max = finite("max", d.max);
      if (!(min < max)) bad(`min (${min}) must be < max (${max})`);
      return Object.freeze({ type: "uniform", min, max });
    }
    case "bernoulli": {
      const p = finite("p", d.p);
      if (p < 0 || p > 1) bad(`p (${p}) must be in [0, 1]`);
      return Object.freeze({ type: "bernoulli", p });
    }
    case "categorical": {
      if (!Array.isArray(d.probs) || d.probs.length === 0) bad("probs must be a non-empty array");
      const probs = d.probs.map((p, i) => {
        const v = finite(`probs[${i}]`, p);
        if (v < 0 || v > 1) bad(`probs[${i}] (${v}) must be in [0, 1]`);
        return v;
      });
      const sum = probs.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) bad(`probs sum to ${sum}, not 1`);
      return Object.freeze({ type: "categorical", probs: Object.freeze(probs) });
    }
    case "exponential":
      return Object.freeze({ type: "exponential", rate: positive("rate", d.rate) });
    case "laplace":
      return Object.freeze({
        type: "laplace",
        location: finite("location", d.location ?? 0),
        scale: positive("scale", d.scale),
      });
    case "studentT":
      return Object.freeze({
        type: "studentT",
        df: positive("df", d.df),
        location: finite("location", d.location ?? 0),
        scale: positive("scale", d.scale ?? 1),
      });
    default:
      return bad(`unknown distribution type "${(d as { type?: unknown }).type}"`);
  }
}
