import type { QuestionKind } from "../_internal/q-kind.js";
import { causalPairs, pick, pickSubset } from "../_internal/q-pick.js";
import { describeGraph } from "../_internal/q-premise.js";
import { englishList } from "../verbalise.js";

/**
 * Rung 2: is a random set (0–3 nodes other than treatment and outcome) a valid adjustment set
 * for the effect of x on y? Labelled by the generalised adjustment criterion.
 *
 * @since 0.1.0
 */
export const rung2Adjustment: QuestionKind = {
  kind: "rung2-adjustment",
  rung: 2,
  source: "dag",
  propose({ rng, graph }) {
    const pair = pick(rng, causalPairs(graph));
    if (pair === undefined) return null;
    const [treatment, outcome] = pair;
    const rest = graph.nodes().filter((v) => v !== treatment && v !== outcome);
    const set = pickSubset(rng, rest, 3).sort();
    const shown =
      set.length === 0 ? "the empty set (no adjustment)" : `the set {${englishList(set)}}`;
    return {
      query: { type: "adjustment-set", treatment, outcome, set },
      premise: describeGraph(graph),
      question: `Is ${shown} a valid adjustment set for the causal effect of ${treatment} on ${outcome}?`,
    };
  },
};
