import { InvalidArgumentError, UnknownNodeError } from "../errors.js";
import {
  type GaussianMarginal,
  gaussianDistribution,
} from "../inference/linear-gaussian/gaussian-distribution.js";
import type { Scm } from "../scm/scm.js";
import { buildWorlds } from "./_internal/build-worlds.js";
import { readEvidence, readTargets, worldsOf } from "./_internal/terms.js";
import { resolveWorld } from "./_internal/world.js";
import type {
  CounterfactualEvidence,
  CounterfactualIntervention,
  CounterfactualTerm,
} from "./counterfactual-term.js";

/**
 * What {@link counterfactualGaussian} computes.
 *
 * @since 0.1.0
 */
export interface CounterfactualGaussianOptions {
  /**
   * The target(s): a variable name (in the world `do`), a {@link CounterfactualTerm}, or a
   * non-empty array of them.
   */
  readonly targets: string | CounterfactualTerm | readonly (string | CounterfactualTerm)[];
  /**
   * The world of the targets given by name.
   * @defaultValue the factual world
   */
  readonly do?: CounterfactualIntervention;
  /**
   * Evidence in the factual world: variable → number (or decimal string).
   * @defaultValue no evidence
   */
  readonly given?:
    | Readonly<Record<string, number | string>>
    | ReadonlyMap<string, number | string>
    | Iterable<readonly [string, number | string]>;
  /**
   * Evidence about counterfactual variables.
   * @defaultValue none
   */
  readonly givenCounterfactual?: readonly CounterfactualEvidence[];
}

/**
 * The multivariate normal distribution of counterfactual variables; see
 * {@link counterfactualGaussian}.
 *
 * @since 0.1.0
 */
export interface CounterfactualGaussian {
  /** Target labels (`Y_{X=x}`, or `Y` for a factual target), in query order. */
  readonly targets: readonly string[];
  /** Means, aligned with `targets`. */
  readonly mean: Float64Array;
  /** Covariance matrix, k×k row-major, aligned with `targets`. */
  readonly covariance: Float64Array;
  /**
   * Mean and variance of one target.
   *
   * @param target - a target label
   * @returns its mean and variance
   * @throws {@link UnknownNodeError} if it is not a target label
   * @since 0.1.0
   */
  marginal(target: string): GaussianMarginal;
}

/**
 * The exact distribution of counterfactual variables of a linear-Gaussian model given
 * evidence: always a multivariate normal. In the parallel-worlds model (see
 * {@link parallelWorlds}) every world's copy of a variable is a linear function of the shared
 * Gaussian noise, so the counterfactual distribution `P(Y_x | e)` is the Gaussian conditional
 * of the copy given the factual evidence (Pearl 2009, *Causality* §7.2.1; the abduction of
 * the noise is Gaussian conditioning, computed by {@link gaussianDistribution}). For example,
 * for `Y = βX + U_Y`, `E[Y_x | X = x₀, Y = y₀] = y₀ + β(x − x₀)` with variance 0.
 *
 * @param model - a linear-Gaussian model (see {@link isLinearGaussian})
 * @param q - targets, world and evidence; see {@link CounterfactualGaussianOptions}
 * @returns means and covariances of the targets; see {@link CounterfactualGaussian}
 * @throws {@link UnknownNodeError} for an unknown variable
 * @throws {@link InvalidArgumentError} naming the first variable whose mechanism is not
 *   linear, constant or a shifted linear, or whose noise is not normal; an invalid value;
 *   evidence contradicting a value the model determines (as {@link gaussianDistribution})
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §7.2.1 (counterfactuals in linear models).
 * @remarks O(N² · m) for N parallel-worlds variables and m exogenous variables.
 * @example
 * ```ts
 * const d = counterfactualGaussian(model, { targets: "Y", do: { X: 0 }, given: { X: 1, Y: 2.5 } });
 * d.marginal("Y_{X=0}"); // { mean, variance }
 * ```
 * @since 0.1.0
 */
export function counterfactualGaussian(
  model: Scm,
  q: CounterfactualGaussianOptions,
): CounterfactualGaussian {
  return runCounterfactualGaussian(model, q, "counterfactuals.counterfactualGaussian");
}

/**
 * {@link counterfactualGaussian} with another `module.function` prefix for error messages.
 *
 * @internal
 */
export function runCounterfactualGaussian(
  model: Scm,
  q: CounterfactualGaussianOptions,
  where: string,
): CounterfactualGaussian {
  if (q === null || typeof q !== "object") {
    throw new InvalidArgumentError(`${where}: the query must be an object`, "query");
  }
  requireLinearGaussian(model, where);
  const defaultWorld = resolveWorld(model, q.do, where);
  const targets = readTargets(model, q.targets, defaultWorld, where);
  const evidence = readEvidence(model, q.given, q.givenCounterfactual, where);
  const built = buildWorlds(
    model,
    worldsOf([...targets, ...evidence.map((e) => e.term)]),
    "inverse-cdf",
    where,
  );
  const given: Record<string, number> = Object.create(null);
  for (const e of evidence) {
    const node = built.node(e.term.world, e.term.variable);
    const before = given[node];
    if (before !== undefined && before !== e.value) {
      throw new InvalidArgumentError(
        `${where}: the evidence is contradictory: "${e.term.label}" is the same variable as another observed term with a different value`,
        "given",
      );
    }
    given[node] = e.value;
  }
  const d = gaussianDistribution(built.scm, { given });
  const nodes = targets.map((t) => built.node(t.world, t.variable));
  const k = nodes.length;
  const mean = new Float64Array(k);
  const covariance = new Float64Array(k * k);
  nodes.forEach((a, i) => {
    mean[i] = d.marginal(a).mean;
    nodes.forEach((b, j) => {
      covariance[i * k + j] = d.covarianceOf(a, b);
    });
  });
  const labels = Object.freeze(targets.map((t) => t.label));
  return Object.freeze({
    targets: labels,
    mean,
    covariance,
    marginal(target: string): GaussianMarginal {
      const i = labels.indexOf(target);
      if (i < 0) {
        throw new UnknownNodeError(
          `counterfactuals.CounterfactualGaussian.marginal: "${target}" is not a target (targets: ${labels.join(", ")})`,
          target,
        );
      }
      return { mean: mean[i] as number, variance: Math.max(0, covariance[i * k + i] as number) };
    },
  });
}

/** Throws unless every mechanism is linear / shifted linear with normal noise, or constant. */
export function requireLinearGaussian(model: Scm, where: string): void {
  for (const v of model.variables) {
    const m = v.mechanism;
    const base = m.type === "shift" ? m.base : m;
    if (base.type === "constant") continue;
    if (base.type !== "linear") {
      throw new InvalidArgumentError(
        `${where}: variable "${v.name}" has a ${m.type === "shift" ? `shift of a ${base.type}` : base.type} mechanism; a linear-Gaussian model needs linear, shifted linear or constant mechanisms (use counterfactualEstimate)`,
        v.name,
      );
    }
    const u = v.noise[0] as string;
    const dist = model.exogenousVariable(u).distribution;
    if (dist.type !== "normal") {
      throw new InvalidArgumentError(
        `${where}: variable "${v.name}" reads "${u}", a ${dist.type} noise; a linear-Gaussian model needs normal noise (use counterfactualEstimate)`,
        v.name,
      );
    }
  }
}
