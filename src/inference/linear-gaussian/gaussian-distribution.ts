import { UnknownNodeError } from "../../errors.js";
import type { Scm } from "../../scm/scm.js";
import { conditionFactor, gaussianFactor } from "./_internal/gaussian-factor.js";
import { linearStructure, resolveValues } from "./_internal/linear-structure.js";

/**
 * Options of {@link gaussianDistribution}. Values are finite numbers (state indices for a
 * discrete variable with a constant mechanism).
 *
 * @since 0.1.0
 */
export interface GaussianDistributionOptions {
  /**
   * Hard intervention `do(X = x, …)`: the equations of these variables are replaced by
   * constants before anything else.
   * @defaultValue no intervention
   */
  readonly do?: Readonly<Record<string, number>>;
  /**
   * Evidence `X = x, …` to condition on (in the intervened model when `do` is given).
   * @defaultValue no evidence
   */
  readonly given?: Readonly<Record<string, number>>;
}

/**
 * Mean and variance of one variable of a {@link GaussianDistribution}.
 *
 * @since 0.1.0
 */
export interface GaussianMarginal {
  /** The mean. */
  readonly mean: number;
  /** The variance, ≥ 0 (0 for an intervened or observed variable). */
  readonly variance: number;
}

/**
 * A multivariate normal distribution over all endogenous variables of a model (possibly
 * degenerate: intervened and observed variables have zero variance).
 *
 * @since 0.1.0
 */
export interface GaussianDistribution {
  /** Variable names in `model.variables` (topological) order; index i refers to `variables[i]`. */
  readonly variables: readonly string[];
  /** Mean vector, length n. Observed variables have their observed value. */
  readonly mean: Float64Array;
  /**
   * Covariance matrix, n×n row-major: `covariance[i * n + j]` = Cov(variables[i], variables[j]).
   * Symmetric and positive semi-definite.
   */
  readonly covariance: Float64Array;
  /**
   * Mean and variance of one variable.
   *
   * @param name - a variable name
   * @returns its marginal mean and variance
   * @throws {@link UnknownNodeError} if there is no such variable
   * @since 0.1.0
   */
  marginal(name: string): GaussianMarginal;
  /**
   * Covariance of two variables.
   *
   * @param a - a variable name
   * @param b - a variable name
   * @returns Cov(a, b)
   * @throws {@link UnknownNodeError} if either is not a variable
   * @since 0.1.0
   */
  covarianceOf(a: string, b: string): number;
}

/**
 * The exact joint distribution of a linear-Gaussian model's variables, observational,
 * interventional (`do`) and/or conditional (`given`): always a multivariate normal.
 *
 * - Observational: with the matrix form `X = c + B·X + ε` (see {@link LinearGaussianForm}),
 *   `X = (I − B)⁻¹(c + ε)`, so `mean = (I − B)⁻¹(c + μ_ε)` and
 *   `covariance = (I − B)⁻¹ Σ_ε (I − B)⁻ᵀ`. `I − B` is unit lower triangular in topological
 *   order, so this is computed exactly by forward substitution (no matrix inversion), in factor
 *   form `X = mean + F·w` with one independent standard-normal factor per exogenous variable.
 * - `do(X = x)`: the truncated factorisation (Pearl 2009, *Causality* §3.2.3): the equation of
 *   each intervened variable is replaced by the constant x (its row of `B` and its error
 *   removed), then solved as above. Intervened variables may have any mechanism.
 * - `given`: Gaussian conditioning, `μ_A + Σ_AE Σ_EE⁻¹(x_E − μ_E)` and the Schur complement
 *   `Σ_AA − Σ_AE Σ_EE⁻¹ Σ_EA`, computed without an explicit inverse by a QR (Gram–Schmidt)
 *   factorisation of the evidence rows of `F`, which is stable and also handles singular
 *   `Σ_EE` (evidence on variables already determined by the model and the other evidence, such
 *   as an intervened variable): such evidence must agree with the determined value.
 *
 * @param model - a linear-Gaussian model (see {@link isLinearGaussian}); with `do`, only the
 *   variables not intervened on must qualify
 * @param options - intervention and evidence
 * @returns the distribution over all variables (observed variables included, with zero variance)
 * @throws {@link UnknownNodeError} if `do` or `given` names an unknown variable
 * @throws {@link InvalidArgumentError} naming the first non-intervened variable whose mechanism is
 *   not linear or whose noise is not normal; a non-finite value or a value outside a discrete
 *   domain; or evidence that contradicts a variable the model (and the other evidence)
 *   determines exactly, e.g. `given: { X: 2 }` with `do: { X: 1 }` (relative tolerance 1e-9;
 *   a residual standard deviation below 1e-10 of the variable's unconditional scale counts as
 *   zero)
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §3.2 (do and the truncated factorisation).
 * @see Anderson, T. W. (2003). *An Introduction to Multivariate Statistical Analysis*, 3rd ed.,
 *   §2.5 (conditional distributions of the multivariate normal).
 * @remarks O(n + |E|·m + n²·m + k·m·(n + k)) time, O(n² + n·m) memory, for n variables,
 *   |E| edges, m distinct exogenous variables and k evidence variables.
 * @example
 * ```ts
 * const d = gaussianDistribution(model, { do: { X: 1 }, given: { Z: 0.5 } });
 * d.marginal("Y"); // { mean, variance } of Y given Z = 0.5 under do(X = 1)
 * ```
 * @since 0.1.0
 */
export function gaussianDistribution(
  model: Scm,
  options: GaussianDistributionOptions = {},
): GaussianDistribution {
  const where = "inference.gaussianDistribution";
  const interventions = resolveValues(model, options.do, where, "do");
  const evidence = resolveValues(model, options.given, where, "given");
  const s = linearStructure(model, where, { interventions, requireNormal: true });
  const factor = gaussianFactor(model, s);
  const { mean, covariance } = conditionFactor(factor, evidence, s.names, where);
  const n = s.names.length;
  const index = s.index;
  const at = (name: string, fn: string): number => {
    const i = index.get(name);
    if (i === undefined) {
      throw new UnknownNodeError(
        `inference.GaussianDistribution.${fn}: unknown variable "${name}"`,
        name,
      );
    }
    return i;
  };
  return Object.freeze({
    variables: Object.freeze([...s.names]),
    mean,
    covariance,
    marginal(name: string): GaussianMarginal {
      const i = at(name, "marginal");
      return { mean: mean[i] ?? 0, variance: covariance[i * n + i] ?? 0 };
    },
    covarianceOf(a: string, b: string): number {
      return covariance[at(a, "covarianceOf") * n + at(b, "covarianceOf")] ?? 0;
    },
  });
}
