// The candidate lists that skip structurally degenerate questions (used with dropAmbiguous):
// what they leave out must be exactly 0 in every model on the graph, checked with the
// independent brute-force oracles (joint enumeration; noise-cell enumeration of the
// inverse-CDF SCM), and what they keep must be non-zero for generic parameters.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerQuery } from "../../src/datasets/_internal/q-answer.js";
import {
  associatedPairs,
  causalPairs,
  directEffectTriples,
  mediationTriples,
} from "../../src/datasets/_internal/q-pick.js";
import { randomDag } from "../../src/datasets/random-dag.js";
import { randomDiscreteScm } from "../../src/datasets/random-discrete-scm.js";
import type { CausalGraph } from "../../src/graph/causal-graph.js";
import { query } from "../../src/inference/query.js";
import { scmToJson } from "../../src/scm/json.js";
import { createScm } from "../../src/scm/scm.js";
import { type CptVar, cellCount, cptVars, forEachUnit, joint, prob } from "./questions-oracle.js";

/** NDE of x on y through m by noise-cell enumeration (state 1 = treated and outcome). */
function ndeBrute(vars: ReturnType<typeof cptVars>, x: string, m: string, y: string): number {
  let nde = 0;
  forEachUnit(vars, (w, world) => {
    const m0 = world(new Map([[x, 0]])).get(m) ?? 0;
    const nested = world(
      new Map([
        [x, 1],
        [m, m0],
      ]),
    );
    const y0 = world(new Map([[x, 0]])).get(y);
    nde += w * ((nested.get(y) === 1 ? 1 : 0) - (y0 === 1 ? 1 : 0));
  });
  return nde;
}

const cases = fc.record({
  nodes: fc.integer({ min: 3, max: 6 }),
  degree: fc.double({ min: 1, max: 3, noNaN: true }),
  seed: fc.integer({ min: 0, max: 1_000_000 }),
});

/**
 * Over random DAGs with random binary models: every candidate the list keeps has a value away
 * from 0, every one it leaves out is exactly 0 (floating point aside), and both occur.
 */
function checkKeptAndDropped(
  runSeed: number,
  candidates: (g: CausalGraph, vars: CptVar[]) => Iterable<{ kept: boolean; value: number }>,
): void {
  let kept = 0;
  let dropped = 0;
  fc.assert(
    fc.property(cases, ({ nodes, degree, seed }) => {
      const g = randomDag({ nodes, expectedDegree: Math.min(degree, nodes - 1), seed }).freeze();
      const vars = cptVars(scmToJson(randomDiscreteScm(g, { seed }).model));
      for (const c of candidates(g, vars)) {
        if (c.kept) {
          kept++;
          expect(Math.abs(c.value)).toBeGreaterThan(1e-9);
        } else {
          dropped++;
          expect(Math.abs(c.value)).toBeLessThan(1e-12);
        }
      }
    }),
    { seed: runSeed, numRuns: 60 },
  );
  expect(kept).toBeGreaterThan(10);
  expect(dropped).toBeGreaterThan(10);
}

describe("structurally degenerate candidates", () => {
  it("mediation triples without a direct path have NDE exactly 0; the others do not", () => {
    checkKeptAndDropped(20261129, function* (g, vars) {
      if (cellCount(vars) > 20000) return;
      const direct = new Set(directEffectTriples(g).map((t) => t.join()));
      for (const [x, m, y] of mediationTriples(g)) {
        yield { kept: direct.has([x, m, y].join()), value: ndeBrute(vars, x, m, y) };
      }
    });
  });

  it("pairs without a common ancestor have association exactly 0; the others do not", () => {
    checkKeptAndDropped(7, function* (g, vars) {
      const rows = joint(vars);
      const associated = new Set(associatedPairs(g).map((p) => p.join()));
      for (const x of g.nodes()) {
        for (const y of g.nodes()) {
          if (x === y) continue;
          const value =
            prob(vars, rows, { [y]: "1" }, { [x]: "1" }) -
            prob(vars, rows, { [y]: "1" }, { [x]: "0" });
          yield { kept: associated.has([x, y].join()), value };
        }
      }
    });
  });

  it("lists are computed once per frozen graph and recomputed for a mutable one", () => {
    const g = randomDag({ nodes: 5, expectedDegree: 2, seed: 3 });
    expect(causalPairs(g)).not.toBe(causalPairs(g));
    g.freeze();
    expect(causalPairs(g)).toBe(causalPairs(g));
    expect(mediationTriples(g)).toBe(mediationTriples(g));
  });
});

describe("ties with the threshold", () => {
  it("a correlation that vanishes because two CPT rows are equal is a tie (value 0, label no)", () => {
    const binary = { type: "discrete", states: ["0", "1"] } as const;
    const model = createScm({
      variables: [
        {
          name: "smoking",
          domain: binary,
          mechanism: { type: "cpt", parents: [], table: [[0.31000000000000005, 0.69]] },
        },
        {
          name: "stress",
          domain: binary,
          mechanism: {
            type: "cpt",
            parents: ["smoking"],
            table: [
              [0.74, 0.26],
              [0.87, 0.13],
            ],
          },
        },
        {
          name: "recovery",
          domain: binary,
          mechanism: {
            type: "cpt",
            parents: ["smoking"],
            table: [
              [0.52, 0.48],
              [0.52, 0.48],
            ],
          },
        },
      ],
    });
    const p = (s: string): number =>
      query(model, { targets: "stress", given: { recovery: s } })
        .marginal("stress")
        .get("1") as number;
    // Floating point does not cancel exactly here: the tie rule is what makes the label right.
    expect(p("1") - p("0")).not.toBe(0);
    expect(Math.abs(p("1") - p("0"))).toBeLessThan(1e-15);
    const { answer } = answerQuery(model.graph, model, {
      type: "correlation",
      x: "recovery",
      y: "stress",
      treated: "1",
      control: "0",
      outcomeState: "1",
    });
    expect(answer.value).toBe(0);
    expect(answer.label).toBe("no");
  });
});
