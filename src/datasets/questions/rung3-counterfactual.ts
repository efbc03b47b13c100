import { descendants } from "../../graph/ancestry.js";
import { topologicalOrder } from "../../graph/topological.js";
import type { QuestionKind } from "../_internal/q-kind.js";
import { pick, randomState, statesOf } from "../_internal/q-pick.js";
import { englishList } from "../verbalise.js";

/**
 * Rung 3: deterministic counterfactual in a boolean SCM. A unit's whole factual world is
 * observed; had x been the other value, would y take a given value? The evidence pins every
 * root, so the answer P(y_{x'} = s | world) is 0 or 1.
 *
 * @since 0.1.0
 */
export const rung3Counterfactual: QuestionKind = {
  kind: "rung3-counterfactual",
  rung: 3,
  source: "boolean",
  propose({ rng, graph, model, verbaliser }) {
    if (model === undefined) return null;
    const pairs: [string, string][] = [];
    for (const x of graph.nodes()) {
      for (const y of descendants(graph, x)) if (y !== x) pairs.push([x, y]);
    }
    const pair = pick(rng, pairs);
    if (pair === undefined) return null;
    const [x, y] = pair;
    // A factual world: random roots, the rest by the deterministic mechanisms.
    const world: Record<string, string> = {};
    for (const v of topologicalOrder(graph)) {
      const m = model.variable(v).mechanism;
      const states = statesOf(model, v);
      if (m.type !== "cpt") return null;
      if (m.parents.length === 0) {
        world[v] = randomState(rng, model, v);
        continue;
      }
      let r = 0;
      for (const p of m.parents) {
        r = r * statesOf(model, p).length + statesOf(model, p).indexOf(world[p] ?? "");
      }
      const row = m.table[r] ?? [];
      const s = row.indexOf(1);
      if (s < 0) return null;
      world[v] = states[s] ?? "";
    }
    const xStates = statesOf(model, x);
    const flipped = xStates.find((s) => s !== world[x]) ?? "";
    const state = randomState(rng, model, y);
    const observed = graph.nodes().map((v) => verbaliser.phrase(v, world[v] ?? ""));
    return {
      query: {
        type: "counterfactual",
        target: y,
        state,
        do: { [x]: flipped },
        given: world,
        threshold: 0.5,
      },
      question: `We observe a unit for which ${englishList(observed)}. Had we intervened so that ${verbaliser.phrase(x, flipped)}, everything else about the unit unchanged, would it then be the case that ${verbaliser.phrase(y, state)}?`,
    };
  },
};
