// Smoke test of the built package through its own name (package self-reference), ESM side.
import assert from "node:assert/strict";
import * as root from "causalkit";
import { CausalKitError, CycleError as CycleErrorFromRoot, parseBif } from "causalkit";
import { generate, generateLines } from "causalkit/datasets";
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

// Worker threads start from the built worker file and give the sequential items.
const run = { suite: "ladder", n: 200, seed: "package", config: { reuse: 2 } };
const parallel = [];
for await (const line of generateLines({ ...run, workers: 2 })) parallel.push(line);
assert.deepEqual(
  parallel,
  [...generate(run)].map((item) => JSON.stringify(item)),
);
console.log("esm ok");
