import type { QuestionKind } from "../_internal/q-kind.js";
import { causalPairs, pick } from "../_internal/q-pick.js";
import { describeGraph } from "../_internal/q-premise.js";

/**
 * Rung 2: is P(y | do(x)) identifiable from the observed distribution in an ADMG (unobserved
 * confounders as bidirected edges), for x a proper ancestor of y? Labelled by identify()
 * (adjustment, front door, then the complete ID algorithm); identifiable items carry the
 * estimand.
 *
 * @since 0.1.0
 */
export const rung2Identifiability: QuestionKind = {
  kind: "rung2-identifiability",
  rung: 2,
  source: "admg",
  propose({ rng, graph }) {
    const pair = pick(rng, causalPairs(graph));
    if (pair === undefined) return null;
    const [treatment, outcome] = pair;
    return {
      query: { type: "identifiable", treatment, outcome },
      premise: describeGraph(graph),
      question: `Can the causal effect of ${treatment} on ${outcome}, P(${outcome} | do(${treatment})), be computed from the joint distribution of the observed variables?`,
    };
  },
};
