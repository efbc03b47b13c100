/**
 * Interventions on structural causal models: hard interventions `do(X = x)` (graph surgery),
 * soft (mechanism-replacing, stochastic) interventions and shift interventions, plus the
 * command-line form `"X=1, Y=yes"`. Every function returns a new model and leaves its input
 * unchanged.
 *
 * @module interventions
 */
export { doIntervention, type InterventionValues } from "./do.js";
export { parseInterventionString } from "./parse.js";
export { type ShiftValues, shiftIntervention } from "./shift.js";
export {
  type MechanismReplacements,
  type SoftInterventionOptions,
  softIntervention,
} from "./soft.js";
