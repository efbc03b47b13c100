import type { QuestionKind } from "../_internal/q-kind.js";
import { pick, pickSubset, randomState } from "../_internal/q-pick.js";
import { englishList } from "../verbalise.js";

/**
 * Rung 1: is P(target = state | evidence) greater than 0.5? One or two observed variables.
 *
 * @since 0.1.0
 */
export const rung1Conditional: QuestionKind = {
  kind: "rung1-conditional",
  rung: 1,
  source: "binary",
  propose({ rng, graph, model, verbaliser }) {
    const target = pick(rng, graph.nodes());
    if (model === undefined || target === undefined) return null;
    const others = graph.nodes().filter((v) => v !== target);
    const evidence = pickSubset(rng, others, 2);
    if (evidence.length === 0) {
      const one = pick(rng, others);
      if (one === undefined) return null;
      evidence.push(one);
    }
    const state = randomState(rng, model, target);
    const given: Record<string, string> = {};
    for (const e of evidence) given[e] = randomState(rng, model, e);
    const shown = evidence.map((e) => verbaliser.phrase(e, given[e] ?? ""));
    return {
      query: { type: "conditional", target, state, given, threshold: 0.5 },
      question: `Given that ${englishList(shown)}, is the probability that ${verbaliser.phrase(target, state)} greater than ${verbaliser.number(0.5)}?`,
    };
  },
};
