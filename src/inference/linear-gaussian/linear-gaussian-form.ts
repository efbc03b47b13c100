import type { Scm } from "../../scm/scm.js";
import { linearStructure } from "./_internal/linear-structure.js";

/**
 * The matrix form `X = c + B·X + ε`, `ε ~ N(μ_ε, Σ_ε)`, of a linear-Gaussian structural causal
 * model (Bollen 1989, *Structural Equations with Latent Variables*, ch. 4).
 *
 * Orientation: indices follow `variables`, which is `model.variables` order (topological, so
 * `B` is strictly lower triangular). `B` is n×n row-major: `coefficients[i * n + j]` is the
 * coefficient of variable j in the equation of variable i (the direct effect of j on i), zero
 * when j is not a parent of i.
 *
 * The error of equation i is the exogenous variable `noise[i]` that its mechanism reads
 * (`null`, error 0, for a constant equation). Writing `ε = A·U` with `A` the n×m matrix that
 * picks each equation's exogenous variable from the m independent exogenous variables `U`,
 * `Σ_ε = A Σ_U Aᵀ`: an exogenous variable read by two equations (a latent common cause, a
 * bidirected edge of the model's graph) makes their errors correlated.
 *
 * @since 0.1.0
 */
export interface LinearGaussianForm {
  /** Variable names; index i of every vector and matrix refers to `variables[i]`. */
  readonly variables: readonly string[];
  /** `B`, n×n row-major: entry `[i * n + j]` is the coefficient of variable j in equation i. */
  readonly coefficients: Float64Array;
  /** `c`, length n: the intercepts (for a constant equation, the constant; shifts included). */
  readonly intercept: Float64Array;
  /** The exogenous variable each equation adds, `null` for a constant equation. */
  readonly noise: readonly (string | null)[];
  /** `μ_ε`, length n: mean of each equation's error (the mean of its normal exogenous variable). */
  readonly errorMean: Float64Array;
  /**
   * `Σ_ε`, n×n row-major: `[i * n + j]` is the variance of the shared exogenous variable when
   * equations i and j read the same one (including i = j), else 0.
   */
  readonly errorCovariance: Float64Array;
}

/**
 * Reads a linear-Gaussian model into its matrix form `X = c + B·X + ε` (see
 * {@link LinearGaussianForm} for the orientation of `B`).
 *
 * A model is linear-Gaussian when every mechanism is `linear`, a `shift` of a linear mechanism
 * (its delta is added to the intercept) or `constant` (e.g. after `do()`), and every exogenous
 * variable those mechanisms read is normal. Exogenous variables may be shared (correlated
 * errors).
 *
 * @param model - the model
 * @returns the matrices, freshly allocated (the caller owns them)
 * @throws {@link InvalidArgumentError} naming the first variable (in `model.variables` order)
 *   whose mechanism is not linear or whose noise is not normal
 * @see Bollen, K. A. (1989). *Structural Equations with Latent Variables*, ch. 4.
 * @remarks O(n² + |E|) time and memory.
 * @example
 * ```ts
 * const f = linearGaussianForm(model);
 * const n = f.variables.length;
 * f.coefficients[f.variables.indexOf("Y") * n + f.variables.indexOf("X")]; // X's coefficient in Y
 * ```
 * @since 0.1.0
 */
export function linearGaussianForm(model: Scm): LinearGaussianForm {
  const s = linearStructure(model, "inference.linearGaussianForm", { requireNormal: true });
  const n = s.names.length;
  const coefficients = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ps = s.parents[i] ?? new Int32Array(0);
    const cs = s.coefficients[i] ?? new Float64Array(0);
    for (let k = 0; k < ps.length; k++) coefficients[i * n + (ps[k] ?? 0)] = cs[k] ?? 0;
  }
  const errorMean = new Float64Array(n);
  const errorCovariance = new Float64Array(n * n);
  const variance = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const u = s.noise[i] ?? null;
    if (u === null) continue;
    const d = model.exogenousVariable(u).distribution;
    if (d.type === "normal") {
      errorMean[i] = d.mean;
      variance.set(u, d.sd * d.sd);
    }
  }
  for (let i = 0; i < n; i++) {
    const u = s.noise[i] ?? null;
    if (u === null) continue;
    for (let j = 0; j < n; j++) {
      if (s.noise[j] === u) errorCovariance[i * n + j] = variance.get(u) ?? 0;
    }
  }
  return {
    variables: Object.freeze([...s.names]),
    coefficients,
    intercept: Float64Array.from(s.intercept),
    noise: Object.freeze([...s.noise]),
    errorMean,
    errorCovariance,
  };
}
