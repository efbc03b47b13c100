// Smoke test of the built package through its own name (package self-reference), CJS side.
const assert = require("node:assert/strict");
const root = require("causalkit");
const { CausalGraph, dSeparated } = require("causalkit/graph");
const { CausalKitError } = require("causalkit");
const { createScm } = require("causalkit/scm");
const { sample } = require("causalkit/sampling");
const { generate, generateLines } = require("causalkit/datasets");

const g = CausalGraph.from({
  directed: [
    ["A", "B"],
    ["B", "C"],
  ],
});
assert.equal(dSeparated(g, "A", "C", ["B"]), true);
try {
  g.addEdge("C", "A");
  assert.fail("expected a CycleError");
} catch (e) {
  assert.ok(e instanceof root.CycleError);
  assert.ok(e instanceof CausalKitError);
}
// Expression mechanisms load mathjs lazily, also from the CJS build.
const m = createScm({
  variables: [
    {
      name: "X",
      domain: { type: "continuous" },
      mechanism: { type: "linear", parents: [], coefficients: [] },
    },
    {
      name: "Y",
      domain: { type: "continuous" },
      mechanism: { type: "expression", expression: "2*X + 1" },
    },
  ],
});
const t = sample(m, 10, { seed: "s" });
const x = t.column("X").values;
const y = t.column("Y").values;
for (let i = 0; i < 10; i++) assert.ok(Math.abs(y[i] - (2 * x[i] + 1)) < 1e-12);

// Worker threads start from the built CommonJS worker file and give the sequential items.
(async () => {
  const run = { suite: "corr2cause", n: 200, seed: "package" };
  const parallel = [];
  for await (const line of generateLines({ ...run, workers: 2 })) parallel.push(line);
  assert.deepEqual(
    parallel,
    [...generate(run)].map((item) => JSON.stringify(item)),
  );
  console.log("cjs ok");
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
