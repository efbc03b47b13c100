import type { QuestionKind } from "../_internal/q-kind.js";
import { pick } from "../_internal/q-pick.js";
import { describeIndependences } from "../_internal/q-premise.js";
import type { HypothesisRelation } from "../item.js";

const RELATIONS: readonly HypothesisRelation[] = [
  "parent",
  "child",
  "ancestor",
  "descendant",
  "collider",
  "confounder",
];

const TEXT: Record<HypothesisRelation, (a: string, b: string) => string> = {
  parent: (a, b) => `${a} directly causes ${b}.`,
  child: (a, b) => `${b} directly causes ${a}.`,
  ancestor: (a, b) =>
    `${a} causes ${b}, directly or through other variables (${a} is an ancestor of ${b}).`,
  descendant: (a, b) =>
    `${b} causes ${a}, directly or through other variables (${a} is a descendant of ${b}).`,
  collider: (a, b) => `There exists at least one collider (a common effect) of ${a} and ${b}.`,
  confounder: (a, b) => `There exists at least one confounder (a common cause) of ${a} and ${b}.`,
};

/**
 * Corr2cause-style item (Jin et al. 2024): the premise lists every marginal correlation and
 * every (conditional) independence implied by a hidden, randomly relabelled DAG; the
 * hypothesis holds iff it is true in every DAG of the Markov equivalence class (enumerated
 * exactly). Direct relations (`parent`, `child`, `collider`, `confounder`) mean direct edges.
 *
 * @since 0.1.0
 */
export const corr2cause: QuestionKind = {
  kind: "corr2cause",
  rung: 2,
  source: "hidden-dag",
  propose({ rng, graph }) {
    const a = pick(rng, graph.nodes());
    if (a === undefined) return null;
    const b = pick(
      rng,
      graph.nodes().filter((v) => v !== a),
    );
    const relation = pick(rng, RELATIONS);
    if (b === undefined || relation === undefined) return null;
    return {
      query: { type: "hypothesis", relation, a, b },
      premise: describeIndependences(graph),
      question: `Hypothesis: ${TEXT[relation](a, b)} Does this hold necessarily, given the premise?`,
    };
  },
};
