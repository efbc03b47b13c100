/**
 * Counterfactuals (rung 3 of the causal hierarchy): unit-level counterfactuals from known or
 * abducted noise, twin samples (factual and counterfactual columns of the same units), exact
 * counterfactual distributions given evidence by parallel-worlds models (discrete models) and
 * Gaussian conditioning (linear-Gaussian models), importance sampling for the rest, nested
 * counterfactuals, and the named quantities: probabilities of causation (exact, and bounds from
 * data), the effect of treatment on the treated, natural and controlled direct and indirect
 * effects, and the mediation formula.
 *
 * Pearl's three steps (*Causality* §7.1): abduction (update the exogenous noise on the
 * evidence), action (replace the intervened mechanisms), prediction (propagate). CPT and
 * logistic mechanisms are counterfactually defined by their inverse-CDF coupling; see
 * {@link Coupling}.
 *
 * @module counterfactuals
 */
export { abductNoise, type UnitObservation } from "./abduct-noise.js";
export {
  type CausationBounds,
  type CausationData,
  causationBounds,
  type ProbabilityInterval,
} from "./causation-bounds.js";
export { type ControlledDirectEffect, controlledDirectEffect } from "./controlled-direct-effect.js";
export {
  type AlternativeNoise,
  type CounterfactualOptions,
  counterfactual,
  type UnitNoise,
} from "./counterfactual.js";
export {
  type CounterfactualEstimate,
  type CounterfactualEstimateOptions,
  counterfactualEstimate,
} from "./counterfactual-estimate.js";
export {
  type CounterfactualGaussian,
  type CounterfactualGaussianOptions,
  counterfactualGaussian,
} from "./counterfactual-gaussian.js";
/** Re-exported types (documented where they are defined). */
export type {
  CounterfactualEffectOptions,
  CounterfactualQuantity,
  EffectStates,
} from "./counterfactual-quantity.js";
export { type CounterfactualQueryOptions, counterfactualQuery } from "./counterfactual-query.js";
/** Re-exported types (documented where they are defined). */
export type {
  CounterfactualEvidence,
  CounterfactualIntervention,
  CounterfactualTerm,
  CounterfactualValue,
  WorldReference,
} from "./counterfactual-term.js";
/** Re-exported types (documented where they are defined). */
export type { Coupling } from "./coupling.js";
export {
  effectOfTreatmentOnTreated,
  type TreatmentOnTreatedResult,
} from "./effect-of-treatment-on-treated.js";
export {
  type MediationFormulaOptions,
  type MediationFormulaResult,
  mediationFormula,
} from "./mediation-formula.js";
export { type NaturalEffects, naturalEffects } from "./natural-effects.js";
export {
  type ParallelWorlds,
  type ParallelWorldsOptions,
  parallelWorlds,
} from "./parallel-worlds.js";
export {
  type ProbabilitiesOfCausation,
  probabilitiesOfCausation,
} from "./probabilities-of-causation.js";
export {
  type CounterfactualSample,
  type SampleCounterfactualChunksOptions,
  type SampleCounterfactualOptions,
  sampleCounterfactual,
  sampleCounterfactualChunks,
} from "./sample-counterfactual.js";
