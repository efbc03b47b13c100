import type { Rng } from "../../sampling/rng.js";
import type { QuestionKind } from "../_internal/q-kind.js";
import { associatedPairs, pick, statesOf } from "../_internal/q-pick.js";

/** Two distinct random nodes (x uniform, then y uniform among the others). */
function anyPair(rng: Rng, nodes: readonly string[]): [string, string] | undefined {
  const x = pick(rng, nodes);
  const y = pick(
    rng,
    nodes.filter((v) => v !== x),
  );
  return x === undefined || y === undefined ? undefined : [x, y];
}

/**
 * Rung 1: correlation sign. Is P(y = 1 | x = 1) − P(y = 1 | x = 0) > 0 (x, y random distinct
 * variables, "1" the second state)?
 *
 * @since 0.1.0
 */
export const rung1Correlation: QuestionKind = {
  kind: "rung1-correlation",
  rung: 1,
  source: "binary",
  propose({ rng, graph, model, verbaliser, dropAmbiguous }) {
    if (model === undefined) return null;
    // d-separated pairs have association exactly 0, which the rounding check would drop.
    const pair = dropAmbiguous ? pick(rng, associatedPairs(graph)) : anyPair(rng, graph.nodes());
    if (pair === undefined) return null;
    const [x, y] = pair;
    const [control, treated] = statesOf(model, x);
    const outcomeState = statesOf(model, y)[1];
    if (control === undefined || treated === undefined || outcomeState === undefined) return null;
    return {
      query: { type: "correlation", x, y, treated, control, outcomeState },
      question: `Is the probability that ${verbaliser.phrase(y, outcomeState)} higher when ${verbaliser.phrase(x, treated)} than when ${verbaliser.phrase(x, control)} (observationally, without intervening)?`,
    };
  },
};
