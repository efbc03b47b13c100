import type { Scm } from "../../scm/scm.js";
import { firstNonLinear } from "./_internal/linear-structure.js";

/**
 * Whether a model is linear-Gaussian, so that {@link gaussianDistribution},
 * {@link linearGaussianForm} and the other closed forms apply: every mechanism is `linear`, a
 * `shift` of a linear mechanism, or `constant`, and every exogenous variable those mechanisms
 * read is normal. Shared exogenous variables (correlated errors) are allowed.
 *
 * @param model - the model (not modified)
 * @returns `true` if the model is linear-Gaussian; never throws (a model that is not
 *   linear-Gaussian gives `false`; {@link linearGaussianForm} says why)
 * @remarks O(n).
 * @see Bollen, K. A. (1989). *Structural Equations with Latent Variables*, ch. 4 (the linear
 *   structural equation model with normal errors).
 * @example
 * ```ts
 * const real = { type: "continuous" } as const;
 * const m = createScm({
 *   variables: [
 *     { name: "X", domain: real, mechanism: { type: "linear", parents: [], coefficients: [] } },
 *     { name: "Y", domain: real, mechanism: { type: "linear", parents: ["X"], coefficients: [2] } },
 *   ],
 * }); // default noises U_X, U_Y ~ normal(0, 1)
 * isLinearGaussian(m); // true
 * ```
 * @since 0.1.0
 */
export function isLinearGaussian(model: Scm): boolean {
  return firstNonLinear(model, true) === null;
}
