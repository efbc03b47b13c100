/**
 * Identification of causal effects from a causal graph: Pearl's back-door criterion, and
 * finding and listing the inclusion-minimal back-door adjustment sets (latent nodes excluded).
 * Pure graph algorithms on `CausalGraph`; no model or data is needed.
 *
 * @module identification
 */
export {
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
