import type { QuestionKind } from "../_internal/q-kind.js";
import { causalPairs, effectStates, pick } from "../_internal/q-pick.js";

/**
 * Rung 3: effect of treatment on the treated. For units with x = 1, is
 * P(y_{x=1} = 1 | x = 1) − P(y_{x=0} = 1 | x = 1) > 0?
 *
 * @since 0.1.0
 */
export const rung3Ett: QuestionKind = {
  kind: "rung3-ett",
  rung: 3,
  source: "binary",
  propose({ rng, graph, model, verbaliser }) {
    const pair = pick(rng, causalPairs(graph));
    if (model === undefined || pair === undefined) return null;
    const [treatment, outcome] = pair;
    const states = effectStates(model, treatment, outcome);
    if (states === undefined) return null;
    const { treated, control, outcomeState } = states;
    return {
      query: { type: "ett", treatment, outcome, treated, control, outcomeState },
      question: `For units for which ${verbaliser.phrase(treatment, treated)}, would it have been less likely that ${verbaliser.phrase(outcome, outcomeState)} had it instead been the case that ${verbaliser.phrase(treatment, control)} (is the effect of treatment on the treated positive)?`,
    };
  },
};
