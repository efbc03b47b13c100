import type { QuestionKind } from "../_internal/q-kind.js";
import { causalPairs, effectStates, pick } from "../_internal/q-pick.js";

/**
 * Rung 2: ATE sign. Is P(y = 1 | do(x = 1)) − P(y = 1 | do(x = 0)) > 0 for x a proper ancestor
 * of y? The item's value is the exact ATE.
 *
 * @since 0.1.0
 */
export const rung2Ate: QuestionKind = {
  kind: "rung2-ate",
  rung: 2,
  source: "binary",
  propose({ rng, graph, model, verbaliser }) {
    const pair = pick(rng, causalPairs(graph));
    if (model === undefined || pair === undefined) return null;
    const [treatment, outcome] = pair;
    const states = effectStates(model, treatment, outcome);
    if (states === undefined) return null;
    const { treated, control, outcomeState } = states;
    return {
      query: { type: "ate", treatment, outcome, treated, control, outcomeState },
      question: `If we intervened so that ${verbaliser.phrase(treatment, treated)}, rather than so that ${verbaliser.phrase(treatment, control)}, would the probability that ${verbaliser.phrase(outcome, outcomeState)} increase?`,
    };
  },
};
