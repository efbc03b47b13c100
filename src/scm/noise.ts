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
 * @param mean - mean @defaultValue 0
 * @param sd - standard deviation > 0 @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite or out-of-range
 *   parameter
 * @since 0.1.0
 */
export function normal(mean = 0, sd = 1): NormalNoise {
  return validateNoise("normal(…)", { type: "normal", mean, sd }) as NormalNoise;
}

/**
 * Uniform noise on [min, max).
 * @param min - lower bound @defaultValue 0
 * @param max - upper bound @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite or out-of-range
 *   parameter
 * @since 0.1.0
 */
export function uniform(min = 0, max = 1): UniformNoise {
  return validateNoise("uniform(…)", { type: "uniform", min, max }) as UniformNoise;
}

/**
 * Bernoulli noise on {0, 1}.
 * @param p - probability of 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite or out-of-range
 *   parameter
 * @since 0.1.0
 */
export function bernoulli(p: number): BernoulliNoise {
  return validateNoise("bernoulli(…)", { type: "bernoulli", p }) as BernoulliNoise;
}

/**
 * Categorical noise on {0, …, k−1}.
 * @param probs - probabilities summing to 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite or out-of-range
 *   parameter
 * @since 0.1.0
 */
export function categorical(probs: readonly number[]): CategoricalNoise {
  return validateNoise("categorical(…)", {
    type: "categorical",
    probs: [...probs],
  }) as CategoricalNoise;
}

/**
 * Exponential noise with the given rate.
 * @param rate - λ > 0 @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite or out-of-range
 *   parameter
 * @since 0.1.0
 */
export function exponential(rate = 1): ExponentialNoise {
  return validateNoise("exponential(…)", { type: "exponential", rate }) as ExponentialNoise;
}

/**
 * Laplace noise.
 * @param location - location @defaultValue 0
 * @param scale - scale > 0 @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite or out-of-range
 *   parameter
 * @since 0.1.0
 */
export function laplace(location = 0, scale = 1): LaplaceNoise {
  return validateNoise("laplace(…)", { type: "laplace", location, scale }) as LaplaceNoise;
}

/**
 * Location-scale Student-t noise.
 * @param df - degrees of freedom > 0
 * @param location - location @defaultValue 0
 * @param scale - scale > 0 @defaultValue 1
 * @returns the distribution (frozen)
 * @throws {@link InvalidScmError} (reason `"parameter"`) for a non-finite or out-of-range
 *   parameter
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
 * @throws {@link InvalidScmError} (reason `"parameter"`) for an unknown type or a non-finite or
 *   out-of-range parameter
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
