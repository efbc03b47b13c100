import type { Scm } from "../../scm/scm.js";
import { firstNonLinear } from "./_internal/linear-structure.js";

/**
 * Whether a model is linear-Gaussian, so that {@link gaussianDistribution},
 * {@link linearGaussianForm} and the other closed forms apply: every mechanism is `linear`, a
 * `shift` of a linear mechanism, or `constant`, and every exogenous variable those mechanisms
 * read is normal. Shared exogenous variables (correlated errors) are allowed.
 *
 * @param model - the model
 * @returns `true` if the model is linear-Gaussian
 * @remarks O(n).
 * @since 0.1.0
 */
export function isLinearGaussian(model: Scm): boolean {
  return firstNonLinear(model, true) === null;
}
