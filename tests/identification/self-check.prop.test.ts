import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CausalGraph } from "../../src/graph/index.js";
import {
  evaluateEstimand,
  identifyEffect,
  jointTableDistribution,
  verifyHedge,
} from "../../src/identification/index.js";
import { query } from "../../src/inference/index.js";
import { createScm, type Scm, type VariableSpec } from "../../src/scm/index.js";
import { arbitraryAdmg } from "../helpers/arbitraries.js";

// The identification self-check: random ADMGs whose bidirected edges are made explicit as latent
// variables of a random discrete SCM. Every estimand that ID returns, evaluated on the EXACT
// observational distribution of the observed variables (causalkit's variable elimination), must
// equal the EXACT interventional distribution of the SCM (truncated factorisation, same engine,
// but a different computation); every "not identifiable" verdict must carry a valid hedge.

/** A random SCM over the graph: one latent binary root per bidirected edge, strictly positive CPTs. */
function explicitLatentModel(graph: CausalGraph, draw: () => number): Scm {
  const latentParents = new Map<string, string[]>();
  const variables: VariableSpec[] = [];
  graph.bidirectedEdges().forEach(([a, b], i) => {
    const name = `\u0000latent ${i}`;
    variables.push(cpt(name, [], draw));
    for (const v of [a, b]) latentParents.set(v, [...(latentParents.get(v) ?? []), name]);
  });
  for (const v of graph.nodes()) {
    variables.push(cpt(v, [...graph.parents(v), ...(latentParents.get(v) ?? [])], draw));
  }
  return createScm({ variables });
}

function cpt(name: string, parents: string[], draw: () => number): VariableSpec {
  const rows = 2 ** parents.length;
  const table = Array.from({ length: rows }, () => {
    const p = 0.05 + 0.9 * draw();
    return [p, 1 - p];
  });
  return {
    name,
    domain: { type: "discrete", states: ["0", "1"] },
    mechanism: { type: "cpt", parents, table },
  };
}

describe("ID self-check against the SCM's exact interventional distribution", () => {
  it("identified estimands equal P(y | do(x)); non-identified verdicts carry a hedge", () => {
    let identified = 0;
    let hedges = 0;
    fc.assert(
      fc.property(
        arbitraryAdmg({ minNodes: 2, maxNodes: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 1000 }),
        (graph, seed, pick) => {
          let state = seed;
          const draw = (): number => {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            return state / 2 ** 32;
          };
          const nodes = graph.nodes();
          fc.pre(!nodes.includes("")); // a model variable needs a non-empty name
          const x = nodes[pick % nodes.length] as string;
          const y = nodes[(pick + 1 + (pick % (nodes.length - 1))) % nodes.length] as string;
          if (x === y) return;
          const result = identifyEffect(graph, { treatment: x, outcome: y });
          if (result.kind === "not-identifiable") {
            hedges++;
            expect(verifyHedge(graph, [x], [y], result.hedge)).toBe(true);
            return;
          }
          identified++;
          const model = explicitLatentModel(graph, draw);
          const observed = query(model, { targets: nodes });
          const dist = jointTableDistribution(
            nodes,
            nodes.map(() => 2),
            observed.probabilities,
          );
          for (const xv of [0, 1]) {
            const truth = query(model, { targets: y, do: new Map([[x, xv]]) });
            for (const yv of [0, 1]) {
              const value = evaluateEstimand(
                result.estimand,
                dist,
                new Map([
                  [x, xv],
                  [y, yv],
                ]),
              );
              expect(value).toBeCloseTo(truth.probabilities[yv] as number, 9);
            }
          }
        },
      ),
      { seed: 20261129, numRuns: 150 },
    );
    // The property must have exercised both verdicts.
    expect(identified).toBeGreaterThan(20);
    expect(hedges).toBeGreaterThan(5);
  });
});
