import type { QuestionKind } from "../_internal/q-kind.js";
import { colliderTriples, pick, randomState } from "../_internal/q-pick.js";

/**
 * Rung 1: explaining away / collider bias. For a collider a → c ← b: once c is observed, does
 * also observing b make a less likely, i.e. P(a | c, b) − P(a | c) < 0?
 *
 * @since 0.1.0
 */
export const rung1ExplainingAway: QuestionKind = {
  kind: "rung1-explaining-away",
  rung: 1,
  source: "binary",
  propose({ rng, graph, model, verbaliser }) {
    if (model === undefined) return null;
    const t = pick(rng, colliderTriples(graph));
    if (t === undefined) return null;
    const [a, b, c] = t;
    const aState = randomState(rng, model, a);
    const bState = randomState(rng, model, b);
    const cState = randomState(rng, model, c);
    return {
      query: { type: "explaining-away", a, b, c, aState, bState, cState },
      question: `Among units for which ${verbaliser.phrase(c, cState)}, does additionally learning that ${verbaliser.phrase(b, bState)} make it less likely that ${verbaliser.phrase(a, aState)}?`,
    };
  },
};
