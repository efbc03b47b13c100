import type { QuestionKind } from "../_internal/q-kind.js";
import { pick, pickSubset } from "../_internal/q-pick.js";
import { describeGraph } from "../_internal/q-premise.js";
import { englishList } from "../verbalise.js";

/**
 * Rung 2 (graph reading): are x and y d-separated (independent in every distribution faithful
 * to the graph) given a random set of 0–2 other nodes?
 *
 * @since 0.1.0
 */
export const rung2Dseparation: QuestionKind = {
  kind: "rung2-dseparation",
  rung: 2,
  source: "dag",
  propose({ rng, graph }) {
    const x = pick(rng, graph.nodes());
    if (x === undefined) return null;
    const y = pick(
      rng,
      graph.nodes().filter((v) => v !== x),
    );
    if (y === undefined) return null;
    const given = pickSubset(
      rng,
      graph.nodes().filter((v) => v !== x && v !== y),
      2,
    ).sort();
    const cond = given.length === 0 ? "" : ` given ${englishList(given)}`;
    return {
      query: { type: "dseparated", x, y, given },
      premise: describeGraph(graph),
      question: `Does the graph imply that ${x} and ${y} are independent${cond} (are they d-separated${cond})?`,
    };
  },
};
