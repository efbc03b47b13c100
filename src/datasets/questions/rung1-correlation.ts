import type { QuestionKind } from "../_internal/q-kind.js";
import { pick, statesOf } from "../_internal/q-pick.js";

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
  propose({ rng, graph, model, verbaliser }) {
    const x = pick(rng, graph.nodes());
    if (model === undefined || x === undefined) return null;
    const y = pick(
      rng,
      graph.nodes().filter((v) => v !== x),
    );
    if (y === undefined) return null;
    const [control, treated] = statesOf(model, x);
    const outcomeState = statesOf(model, y)[1];
    if (control === undefined || treated === undefined || outcomeState === undefined) return null;
    return {
      query: { type: "correlation", x, y, treated, control, outcomeState },
      question: `Is the probability that ${verbaliser.phrase(y, outcomeState)} higher when ${verbaliser.phrase(x, treated)} than when ${verbaliser.phrase(x, control)} (observationally, without intervening)?`,
    };
  },
};
