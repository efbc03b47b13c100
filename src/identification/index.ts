/**
 * Identification of causal effects from a causal graph: Pearl's back-door criterion and the
 * (generalized) adjustment criterion; finding and listing inclusion-minimal adjustment sets,
 * minimum-cardinality (minimum-cost) sets and the optimal adjustment set (latent nodes
 * excluded).
 * Pure graph algorithms on `CausalGraph`; no model or data is needed.
 *
 * @module identification
 */
export { adjustmentForbiddenNodes, isAdjustmentSet } from "./adjustment-criterion.js";
export {
  type AdjustmentCriterion,
  type AdjustmentSetOptions,
  adjustmentSets,
  findMinimalAdjustmentSet,
  type ListAdjustmentSetsOptions,
  listMinimalAdjustmentSets,
} from "./adjustment-sets.js";
export { isBackdoorAdjustmentSet } from "./backdoor.js";
export {
  type Distribution,
  type Estimand,
  estimandEquals,
  evaluateEstimand,
  formatEstimand,
  formatEstimandLatex,
  freeVariables,
  frequencyDistribution,
  jointTableDistribution,
  type ProbTerm,
  type ProductTerm,
  probTerm,
  productTerm,
  type RatioTerm,
  ratioTerm,
  type SumTerm,
  simplifyEstimand,
  sumTerm,
} from "./estimand.js";
export {
  type FrontdoorSetOptions,
  findFrontdoorSet,
  frontdoorEstimand,
  isFrontdoorSet,
  type ListFrontdoorSetsOptions,
  listMinimalFrontdoorSets,
} from "./frontdoor.js";
export { type Hedge, verifyHedge } from "./hedge.js";
export {
  type IdIdentified,
  type IdNoEffect,
  type IdNotIdentifiable,
  type IdOptions,
  type IdQuery,
  type IdResult,
  identifyEffect,
} from "./id.js";
export {
  type IdcIdentified,
  type IdcNotIdentifiable,
  type IdcQuery,
  type IdcResult,
  identifyConditionalEffect,
} from "./idc.js";
export {
  type IdentifyAlternative,
  type IdentifyOptions,
  type IdentifyQuery,
  type IdentifyResult,
  type IdentifyStrategy,
  identify,
} from "./identify.js";
export {
  type InstrumentalVariable,
  type InstrumentsOptions,
  instruments,
  isInstrument,
  waldEstimand,
  waldRatio,
} from "./iv.js";
export {
  findMinimumAdjustmentSet,
  type MinimumAdjustmentSetOptions,
} from "./minimum-adjustment.js";
export { type OptimalAdjustmentSetOptions, optimalAdjustmentSet } from "./optimal-adjustment.js";
