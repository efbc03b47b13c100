import type { QuestionKind } from "../_internal/q-kind.js";
import { pick, randomState } from "../_internal/q-pick.js";

/**
 * Rung 1: is P(target = state) greater than 0.5? Exact marginal by inference.query.
 *
 * @since 0.1.0
 */
export const rung1Marginal: QuestionKind = {
  kind: "rung1-marginal",
  rung: 1,
  source: "binary",
  propose({ rng, graph, model, verbaliser }) {
    const target = pick(rng, graph.nodes());
    if (model === undefined || target === undefined) return null;
    const state = randomState(rng, model, target);
    return {
      query: { type: "marginal", target, state, threshold: 0.5 },
      question: `Overall, is the probability that ${verbaliser.phrase(target, state)} greater than ${verbaliser.number(0.5)}?`,
    };
  },
};
