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
