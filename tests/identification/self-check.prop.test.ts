import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CausalGraph } from "../../src/graph/index.js";
import {
  evaluateEstimand,
  formatEstimand,
  identify,
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

describe("identify: every alternative formula equals the SCM's exact answer", () => {
  it("backdoor, front-door and ID estimands, unconditional and conditional", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        arbitraryAdmg({ minNodes: 3, maxNodes: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (graph, seed, pick, conditional) => {
          const nodes = graph.nodes();
          fc.pre(!nodes.includes(""));
          let state = seed;
          const draw = (): number => {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            return state / 2 ** 32;
          };
          const x = nodes[pick % nodes.length] as string;
          const y = nodes[(pick + 1) % nodes.length] as string;
          const z = conditional ? [nodes[(pick + 2) % nodes.length] as string] : [];
          const result = identify(graph, { treatment: x, outcome: y, given: z });
          expect(result.kind).not.toBe("invalid");
          if (!result.identifiable) {
            expect(result.alternatives).toEqual([]);
            return;
          }
          const model = explicitLatentModel(graph, draw);
          const observed = query(model, { targets: nodes });
          const dist = jointTableDistribution(
            nodes,
            nodes.map(() => 2),
            observed.probabilities,
          );
          for (const alternative of result.alternatives) {
            seen.add(`${alternative.strategy}${z.length > 0 ? "|z" : ""}`);
            for (const xv of [0, 1]) {
              for (const zv of z.length > 0 ? [0, 1] : [-1]) {
                const given =
                  z.length > 0 ? new Map([[z[0] as string, zv]]) : new Map<string, number>();
                let truth: Float64Array;
                try {
                  truth = query(model, { targets: y, do: new Map([[x, xv]]), given }).probabilities;
                } catch {
                  continue; // P(z | do(x)) = 0 cannot happen with positive CPTs, but be safe
                }
                for (const yv of [0, 1]) {
                  const assignment = new Map([[x, xv], [y, yv], ...given]);
                  const value = evaluateEstimand(alternative.estimand, dist, assignment);
                  expect(value).toBeCloseTo(truth[yv] as number, 9);
                }
              }
            }
          }
        },
      ),
      { seed: 4242, numRuns: 200 },
    );
    for (const kind of ["backdoor", "id", "backdoor|z", "id|z"]) {
      expect(seen.has(kind), kind).toBe(true);
    }
  });
});

describe("identify on named graphs", () => {
  const check = (graph: CausalGraph, x: string, y: string): void => {
    let state = 7;
    const draw = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const nodes = graph.nodes();
    const model = explicitLatentModel(graph, draw);
    const dist = jointTableDistribution(
      nodes,
      nodes.map(() => 2),
      query(model, { targets: nodes }).probabilities,
    );
    const result = identify(graph, { treatment: x, outcome: y });
    for (const alternative of result.alternatives) {
      for (const xv of [0, 1]) {
        const truth = query(model, { targets: y, do: new Map([[x, xv]]) }).probabilities;
        for (const yv of [0, 1]) {
          const value = evaluateEstimand(
            alternative.estimand,
            dist,
            new Map([
              [x, xv],
              [y, yv],
            ]),
          );
          expect(value).toBeCloseTo(truth[yv] as number, 12);
        }
      }
    }
  };

  it("front door: X → M → Y with X ↔ Y", () => {
    const g = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    const r = identify(g, { treatment: "X", outcome: "Y" });
    expect(r).toMatchObject({ kind: "identified", strategy: "frontdoor", set: ["M"] });
    expect(r.adjustmentSets).toEqual([]);
    expect(r.frontdoorSets).toEqual([["M"]]);
    expect(r.alternatives.map((a) => a.strategy)).toEqual(["frontdoor", "id"]);
    check(g, "X", "Y");
  });

  it("confounding: Z → X → Y, Z → Y gives the backdoor formula over {Z}", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["Z", "Y"],
        ["X", "Y"],
      ],
    });
    const r = identify(g, { treatment: "X", outcome: "Y" });
    expect(r).toMatchObject({ kind: "identified", strategy: "backdoor", set: ["Z"] });
    expect(r.estimand && formatEstimand(r.estimand)).toBe("sum_{Z} [P(Y|X,Z) * P(Z)]");
    check(g, "X", "Y");
  });

  it("napkin: only ID", () => {
    const g = CausalGraph.from({
      directed: [
        ["W", "Z"],
        ["Z", "X"],
        ["X", "Y"],
      ],
      bidirected: [
        ["W", "X"],
        ["W", "Y"],
      ],
    });
    const r = identify(g, { treatment: "X", outcome: "Y" });
    expect(r).toMatchObject({ kind: "identified", strategy: "id" });
    expect(r.adjustmentSets).toEqual([]);
    expect(r.frontdoorSets).toEqual([]);
    check(g, "X", "Y");
  });

  it("bow: not identifiable, with a valid hedge; IV listed", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["X", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    const r = identify(g, { treatment: "X", outcome: "Y" });
    expect(r).toMatchObject({ kind: "not-identifiable", identifiable: false, strategy: "none" });
    expect(r.hedge && verifyHedge(g, ["X"], ["Y"], r.hedge)).toBe(true);
    expect(r.instruments).toEqual([{ instrument: "Z", given: [] }]);
  });

  it("no effect, and invalid queries are results, not exceptions", () => {
    const g = CausalGraph.from({ directed: [["Y", "X"]], nodes: ["Y", "X", "W"] });
    expect(identify(g, { treatment: "X", outcome: "Y" })).toMatchObject({
      kind: "no-effect",
      identifiable: true,
    });
    expect(identify(g, { treatment: "X", outcome: "nope" }).kind).toBe("invalid");
    expect(identify(g, { treatment: "X", outcome: "X" }).kind).toBe("invalid");
  });
});

describe("identify keeps exponential listings bounded", () => {
  it("2^k minimal adjustment sets are capped, and the cap is reported", () => {
    const directed: [string, string][] = [["X", "Y"]];
    for (let i = 0; i < 12; i++) directed.push([`C${i}`, `D${i}`], [`D${i}`, "X"], [`C${i}`, "Y"]);
    const g = CausalGraph.from({ directed });
    const r = identify(g, { treatment: "X", outcome: "Y" }, { maxSets: 100 });
    expect(r.adjustmentSets).toHaveLength(100);
    expect(r.adjustmentSetsComplete).toBe(false);
    expect(identify(g, { treatment: "X", outcome: "Y" }).adjustmentSets).toHaveLength(1000);
  });

  it("no effect still reports the adjustment sets", () => {
    const g = CausalGraph.from({
      directed: [
        ["C", "X"],
        ["C", "Y"],
        ["Y", "D"],
        ["X", "D"],
      ],
    });
    const r = identify(g, { treatment: "X", outcome: "Y" });
    expect(r.kind).toBe("no-effect");
    expect(r.adjustmentSets).toEqual([["C"]]);
  });
});
