// Smoke test of the built package through its own name (package self-reference), ESM side.
import assert from "node:assert/strict";
import * as root from "causalkit";
import { CausalKitError, CycleError as CycleErrorFromRoot, parseBif } from "causalkit";
import { CycleError as CycleErrorFromSubpath } from "causalkit/errors";
import { CausalGraph, dSeparated } from "causalkit/graph";
import { adjustmentSets } from "causalkit/identification";
import { doIntervention } from "causalkit/interventions";
import { parseDagitty } from "causalkit/io";
import { sample } from "causalkit/sampling";
import { createScm } from "causalkit/scm";

const g = CausalGraph.from({
  directed: [
    ["Z", "X"],
    ["Z", "Y"],
    ["X", "Y"],
  ],
});
assert.equal(dSeparated(g, "X", "Y", ["Z"]), false);
assert.deepEqual(adjustmentSets(g, "X", "Y"), [["Z"]]);
assert.deepEqual(parseDagitty("dag { a -> b }").nodes(), ["a", "b"]);
assert.equal(typeof parseBif, "function");

// One error class across subpaths (tsup splitting: one shared chunk).
try {
  g.addEdge("Y", "Z");
  assert.fail("expected a CycleError");
} catch (e) {
  assert.ok(e instanceof CycleErrorFromRoot);
  assert.ok(e instanceof CycleErrorFromSubpath);
  assert.ok(e instanceof CausalKitError);
  assert.equal(e.code, "E_CYCLE");
}

const m = createScm({
  variables: [
    {
      name: "rain",
      domain: { type: "discrete", states: ["no", "yes"] },
      mechanism: { type: "cpt", parents: [], table: [[0.7, 0.3]] },
    },
    {
      name: "wet",
      domain: { type: "discrete", states: ["no", "yes"] },
      mechanism: {
        type: "cpt",
        parents: ["rain"],
        table: [
          [0.9, 0.1],
          [0.1, 0.9],
        ],
      },
    },
  ],
});
const t = sample(doIntervention(m, { rain: "yes" }), 100, { seed: 1 });
assert.equal(t.n, 100);
assert.ok(t.column("rain").values.every((v) => v === 1));
assert.ok(Object.keys(root).length > 20);
console.log("esm ok");
