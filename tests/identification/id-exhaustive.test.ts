// Exhaustive check of ID and IDC on EVERY ADMG over four nodes in the causal order A, B, X, Y
// (each of the 6 pairs with or without a directed edge and with or without a bidirected edge:
// 4096 graphs), for the effects of {X}, {B}, {A}, {A, X} on Y and the conditional effects of X
// on Y given {B}, given {A} and given {A, B}. Random graphs rarely produce the structures where
// ID needs lines 3 and 7 and conditionals of a marginalised c-factor (the napkin family); here
// all of them occur. The oracle is the explicit latent-variable model of _id-latent-model.ts
// (truncated factorisation by enumeration), independent of the library.
import { describe, expect, it } from "vitest";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import {
  type Estimand,
  evaluateEstimand,
  jointTableDistribution,
  probTerm,
} from "../../src/identification/estimand.js";
import { verifyHedge } from "../../src/identification/hedge.js";
import { identifyEffect } from "../../src/identification/id.js";
import { identifyConditionalEffect } from "../../src/identification/idc.js";
import {
  assignments,
  latentTable,
  mulberry32,
  randomizedTable,
  randomLatentModel,
} from "./_id-latent-model.js";

const NODES = ["A", "B", "X", "Y"];
const PAIRS: [string, string][] = [];
for (let i = 0; i < NODES.length; i++) {
  for (let j = i + 1; j < NODES.length; j++) PAIRS.push([NODES[i] as string, NODES[j] as string]);
}

const EFFECTS: { X: string[]; Z: string[] }[] = [
  { X: ["X"], Z: [] },
  { X: ["B"], Z: [] },
  { X: ["A"], Z: [] },
  { X: ["A", "X"], Z: [] },
  { X: ["X"], Z: ["B"] },
  { X: ["X"], Z: ["A"] },
  { X: ["X"], Z: ["A", "B"] },
];

/** ID or IDC; a hedge is checked with verifyHedge against the (reduced) query. */
function identify(
  graph: CausalGraph,
  X: string[],
  Z: string[],
): { kind: "estimand"; estimand: Estimand } | { kind: "hedge"; verified: boolean } {
  if (Z.length === 0) {
    const r = identifyEffect(graph, { treatment: X, outcome: ["Y"] });
    return r.kind === "not-identifiable"
      ? { kind: "hedge", verified: verifyHedge(graph, X, ["Y"], r.hedge) }
      : { kind: "estimand", estimand: r.estimand };
  }
  const r = identifyConditionalEffect(graph, { treatment: X, outcome: ["Y"], given: Z });
  return r.kind === "not-identifiable"
    ? {
        kind: "hedge",
        verified: verifyHedge(graph, r.reducedTreatment, r.reducedOutcome, r.hedge),
      }
    : { kind: "estimand", estimand: r.estimand };
}

describe("ID / IDC on all 4-node ADMGs", () => {
  it("every verdict is backed by the truth or by a verified hedge", () => {
    let identified = 0;
    let hedges = 0;
    for (let dm = 0; dm < 64; dm++) {
      for (let bm = 0; bm < 64; bm++) {
        const directed = PAIRS.filter((_, i) => ((dm >> i) & 1) === 1);
        const bidirected = PAIRS.filter((_, i) => ((bm >> i) & 1) === 1);
        const plain = { nodes: NODES, directed, bidirected };
        const graph = CausalGraph.from(plain);
        const model = randomLatentModel(plain, mulberry32(dm * 64 + bm + 1));
        const observed = jointTableDistribution(model.variables, model.cards, latentTable(model));
        const truths = new Map<string, ReturnType<typeof jointTableDistribution>>();
        for (const { X, Z } of EFFECTS) {
          const verdict = identify(graph, X, Z);
          if (verdict.kind === "hedge") {
            hedges++;
            if (!verdict.verified) expect.fail(`bad hedge: ${JSON.stringify({ plain, X, Z })}`);
            continue;
          }
          const result = verdict;
          identified++;
          const key = X.join();
          const truth =
            truths.get(key) ??
            jointTableDistribution(model.variables, model.cards, randomizedTable(model, X));
          truths.set(key, truth);
          const target = probTerm(["Y"], [...X, ...Z]);
          for (const a of assignments(model, [...X, ...Z, "Y"])) {
            const got = evaluateEstimand(result.estimand, observed, a);
            const want = evaluateEstimand(target, truth, a);
            if (!(Math.abs(got - want) < 1e-9)) {
              expect.fail(`wrong estimand: ${JSON.stringify({ plain, X, Z, got, want })}`);
            }
          }
        }
      }
    }
    expect(identified + hedges).toBe(4096 * EFFECTS.length);
    expect(identified).toBeGreaterThan(10000);
    expect(hedges).toBeGreaterThan(5000);
  });
});
