/**
 * Exact inference in discrete structural causal models: interventional and conditional
 * distributions `P(Y | do(X = x), Z = z)` by the truncated factorisation and variable
 * elimination with relevance pruning, average treatment effects, the factor algebra
 * underneath; exact linear-Gaussian closed forms; and a Monte Carlo estimator for the rest.
 *
 * @module inference
 */
export { FactorTooLargeError } from "../errors.js";
export { type EliminationPlan, eliminationOrder } from "./discrete/elimination-order.js";
export { Factor, factorProduct } from "./discrete/factor.js";
export {
  type VariableEliminationOptions,
  variableElimination,
} from "./discrete/variable-elimination.js";
export {
  ate,
  type ConditionalEffectOptions,
  cate,
  type EffectOptions,
  type EffectResult,
} from "./effects.js";
export {
  type GaussianDistribution,
  type GaussianDistributionOptions,
  type GaussianMarginal,
  gaussianDistribution,
} from "./linear-gaussian/gaussian-distribution.js";
export { isLinearGaussian } from "./linear-gaussian/is-linear-gaussian.js";
export {
  type LinearGaussianForm,
  linearGaussianForm,
} from "./linear-gaussian/linear-gaussian-form.js";
export { pathCoefficientSum, totalEffect } from "./linear-gaussian/total-effect.js";
export {
  type MonteCarloEstimate,
  type MonteCarloExpectationOptions,
  type MonteCarloProbabilityOptions,
  monteCarloExpectation,
  monteCarloProbability,
} from "./monte-carlo.js";
export { positiveState } from "./positive-state.js";
export { type QueryOptions, query } from "./query.js";
/** Re-exported types (documented where they are defined). */
export type {
  JointResultJson,
  JointRowJson,
  MarginalResultJson,
  QueryResult,
  QueryResultJson,
} from "./query-result.js";
/** Re-exported types (documented where they are defined). */
export type { StateAssignment } from "./state-assignment.js";
