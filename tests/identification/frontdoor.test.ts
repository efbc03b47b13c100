// Front-door criterion on named graphs, with provenance:
// - Pearl's front-door graph (Causality 2009, §3.3.2, Fig. 3.5): X -> M -> Y with X <-> Y;
// - the E/R counterexample of the issue: E -> X, E -> R, X -> M, R -> M, M -> Y with E latent,
//   where {M} intercepts the causal path but X <- E -> R -> M is an open back-door path into M;
// - Jeong, Tian & Bareinboim (2022), "Finding and listing front-door adjustment sets", NeurIPS,
//   Fig. 1(a) and 1(b) (graphs as in the authors' repository CausalAILab/FrontdoorAdjustmentSets,
//   graphs/fig1a.txt and graphs/fig1b.txt); the paper lists the front-door sets of Fig. 1(b)
//   as {A}, {A, B}, {A, C}, {A, B, C};
// - hand-derived graphs for each condition and for shielding (a second mediator needed to block
//   a back-door path of the first).
// Numeric checks use explicit latent-variable models (tests/identification/_id-latent-model.ts).
import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import {
  evaluateEstimand,
  formatEstimand,
  formatEstimandLatex,
  freeVariables,
  jointTableDistribution,
  probTerm,
} from "../../src/identification/estimand.js";
import {
  findFrontdoorSet,
  frontdoorEstimand,
  isFrontdoorSet,
  listMinimalFrontdoorSets,
} from "../../src/identification/frontdoor.js";
import {
  assignments,
  latentTable,
  mulberry32,
  type PlainAdmg,
  randomizedTable,
  randomLatentModel,
} from "./_id-latent-model.js";

const pearl = CausalGraph.from({
  directed: [
    ["X", "M"],
    ["M", "Y"],
  ],
  bidirected: [["X", "Y"]],
});

const er = CausalGraph.from({
  directed: [
    ["E", "X"],
    ["E", "R"],
    ["X", "M"],
    ["R", "M"],
    ["M", "Y"],
  ],
  latent: ["E"],
});

const fig1b = CausalGraph.from({
  nodes: ["X", "Y", "A", "B", "C", "D"],
  directed: [
    ["X", "A"],
    ["A", "B"],
    ["A", "D"],
    ["D", "Y"],
    ["B", "Y"],
    ["C", "Y"],
    ["A", "C"],
  ],
  bidirected: [
    ["X", "Y"],
    ["D", "X"],
  ],
});

/** Max |estimand − truth| over all values of X and Y in a random model of `g`. */
function maxError(g: CausalGraph, X: string[], Y: string[], Z: string[], seed: number): number {
  const plain: PlainAdmg = {
    nodes: g.nodes(),
    directed: g.directedEdges(),
    bidirected: g.bidirectedEdges(),
  };
  const model = randomLatentModel(plain, mulberry32(seed));
  const observed = jointTableDistribution(model.variables, model.cards, latentTable(model));
  const truth = jointTableDistribution(model.variables, model.cards, randomizedTable(model, X));
  const estimand = frontdoorEstimand(X, Y, Z);
  let worst = 0;
  for (const a of assignments(model, [...X, ...Y])) {
    const want = evaluateEstimand(probTerm(Y, X), truth, a);
    worst = Math.max(worst, Math.abs(evaluateEstimand(estimand, observed, a) - want));
  }
  return worst;
}

describe("isFrontdoorSet", () => {
  it("accepts the mediator of Pearl's front-door graph, and nothing else", () => {
    expect(isFrontdoorSet(pearl, "X", "Y", ["M"])).toBe(true);
    expect(isFrontdoorSet(pearl, "X", "Y", [])).toBe(false); // X -> M -> Y not intercepted
    expect(isFrontdoorSet(pearl, ["X"], ["Y"], "M")).toBe(true); // a string is one node
  });

  it("rejects {M} in the E/R graph: condition (ii) fails through X <- E -> R -> M", () => {
    expect(isFrontdoorSet(er, "X", "Y", ["M"])).toBe(false);
    expect(isFrontdoorSet(er, "X", "Y", ["M", "R"])).toBe(false); // R is confounded with X too
    expect(findFrontdoorSet(er, "X", "Y")).toBeNull();
    expect(listMinimalFrontdoorSets(er, "X", "Y")).toEqual([]);
    // The formula with {M} is indeed wrong there: it misses the truth on a random model.
    expect(maxError(er, ["X"], ["Y"], ["M"], 11)).toBeGreaterThan(1e-4);
  });

  it("checks each condition on its own", () => {
    // (i) fails: a second causal path X -> Y bypasses M.
    const direct = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
        ["X", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(isFrontdoorSet(direct, "X", "Y", ["M"])).toBe(false);
    // (ii) fails: X <-> M.
    const xm = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
      bidirected: [
        ["X", "Y"],
        ["X", "M"],
      ],
    });
    expect(isFrontdoorSet(xm, "X", "Y", ["M"])).toBe(false);
    // (iii) fails: M <-> Y is a back-door path from M to Y that X cannot block.
    const my = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
      bidirected: [
        ["X", "Y"],
        ["M", "Y"],
      ],
    });
    expect(isFrontdoorSet(my, "X", "Y", ["M"])).toBe(false);
    // (iii) holds when X blocks M's back-door path M <- X <-> Y (it does in Pearl's graph), and
    // fails when the back-door path goes around X: M <- C -> Y.
    const c = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
        ["C", "M"],
        ["C", "Y"],
      ],
    });
    expect(isFrontdoorSet(c, "X", "Y", ["M"])).toBe(false);
    expect(isFrontdoorSet(c, "X", "Y", ["M", "C"])).toBe(true); // C shields M (C -> Y cut)
  });

  it("accepts the empty set exactly when no directed path leads from X to Y", () => {
    const back = CausalGraph.from({ directed: [["Y", "X"]], bidirected: [["X", "Y"]] });
    expect(isFrontdoorSet(back, "X", "Y", [])).toBe(true);
    expect(listMinimalFrontdoorSets(back, "X", "Y")).toEqual([[]]);
    expect(findFrontdoorSet(back, "X", "Y")).toEqual([]);
  });

  it("matches the four front-door sets of Jeong, Tian & Bareinboim (2022), Fig. 1(b)", () => {
    const valid = [["A"], ["A", "B"], ["A", "C"], ["A", "B", "C"]];
    const pool = ["A", "B", "C", "D"];
    for (let mask = 0; mask < 16; mask++) {
      const Z = pool.filter((_, i) => (mask & (1 << i)) !== 0);
      const want = valid.some((V) => V.length === Z.length && V.every((v) => Z.includes(v)));
      expect(isFrontdoorSet(fig1b, "X", "Y", Z)).toBe(want);
    }
    expect(listMinimalFrontdoorSets(fig1b, "X", "Y")).toEqual([["A"]]);
    expect(findFrontdoorSet(fig1b, "X", "Y")).toEqual(["A", "B", "C"]);
    // The constraints of the authors' example file: I = {B}, R = {A, B, C, D}.
    expect(findFrontdoorSet(fig1b, "X", "Y", { include: ["B"] })).toEqual(["A", "B", "C"]);
    expect(findFrontdoorSet(fig1b, "X", "Y", { include: ["D"] })).toBeNull();
    expect(findFrontdoorSet(fig1b, "X", "Y", { exclude: ["B", "C"] })).toEqual(["A"]);
    expect(findFrontdoorSet(fig1b, "X", "Y", { exclude: ["A"] })).toBeNull();
    expect(maxError(fig1b, ["X"], ["Y"], ["A"], 5)).toBeLessThan(1e-9);
    expect(maxError(fig1b, ["X"], ["Y"], ["A", "B", "C"], 6)).toBeLessThan(1e-9);
  });

  it("handles Fig. 1(a) of the same paper (the canonical front-door graph)", () => {
    const fig1a = CausalGraph.from({
      nodes: ["X", "Y", "Z"],
      directed: [
        ["X", "Z"],
        ["Z", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(findFrontdoorSet(fig1a, "X", "Y")).toEqual(["Z"]);
    expect(listMinimalFrontdoorSets(fig1a, "X", "Y")).toEqual([["Z"]]);
  });
});

describe("findFrontdoorSet and listMinimalFrontdoorSets", () => {
  it("lists every cut of a chain, and finds the largest set", () => {
    const chain = CausalGraph.from({
      directed: [
        ["X", "A"],
        ["A", "B"],
        ["B", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(findFrontdoorSet(chain, "X", "Y")).toEqual(["A", "B"]);
    expect(findFrontdoorSet(chain, "X", "Y", { exclude: ["A", "B"] })).toBeNull();
    expect(findFrontdoorSet(chain, "X", "Y", { exclude: ["A"] })).toEqual(["B"]);
    expect(listMinimalFrontdoorSets(chain, "X", "Y")).toEqual([["A"], ["B"]]);
    expect(listMinimalFrontdoorSets(chain, "X", "Y", { exclude: ["B"] })).toEqual([["A"]]);
    expect(listMinimalFrontdoorSets(chain, "X", "Y", { max: 1 })).toHaveLength(1);
    expect(listMinimalFrontdoorSets(chain, "X", "Y", { max: 0 })).toEqual([]);
    for (const Z of [["A"], ["B"], ["A", "B"]]) {
      expect(maxError(chain, ["X"], ["Y"], Z, 3)).toBeLessThan(1e-9);
    }
  });

  it("adds the shielding node a minimal set needs", () => {
    const g = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
        ["C", "M"],
        ["C", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(listMinimalFrontdoorSets(g, "X", "Y")).toEqual([["M", "C"]]);
    expect(maxError(g, ["X"], ["Y"], ["M", "C"], 8)).toBeLessThan(1e-9);
    // Without the shield the formula is wrong.
    expect(maxError(g, ["X"], ["Y"], ["M"], 8)).toBeGreaterThan(1e-3);
  });

  it("handles sets of treatments and outcomes", () => {
    // X1 -> M1 -> Y1, X2 -> M2 -> Y2, X1 -> M2; both treatments confounded with both outcomes.
    const g = CausalGraph.from({
      directed: [
        ["X1", "M1"],
        ["M1", "Y1"],
        ["X2", "M2"],
        ["M2", "Y2"],
        ["X1", "M2"],
      ],
      bidirected: [
        ["X1", "Y1"],
        ["X2", "Y2"],
        ["X1", "Y2"],
      ],
    });
    expect(listMinimalFrontdoorSets(g, ["X1", "X2"], ["Y1", "Y2"])).toEqual([["M1", "M2"]]);
    expect(isFrontdoorSet(g, ["X1", "X2"], ["Y1", "Y2"], ["M1"])).toBe(false);
    expect(maxError(g, ["X1", "X2"], ["Y1", "Y2"], ["M1", "M2"], 21)).toBeLessThan(1e-9);
  });

  it("works with awkward node names", () => {
    const g = CausalGraph.from({
      directed: [
        ["X_1", "my var"],
        ["my var", "__proto__"],
        ["constructor", "X_1"],
      ],
      bidirected: [["X_1", "__proto__"]],
    });
    expect(isFrontdoorSet(g, "X_1", "__proto__", ["my var"])).toBe(true);
    expect(findFrontdoorSet(g, "X_1", "__proto__")).toEqual(["my var"]);
    expect(listMinimalFrontdoorSets(g, "X_1", "__proto__")).toEqual([["my var"]]);
  });

  it("never puts a latent node in a set", () => {
    const g = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
      bidirected: [["X", "Y"]],
      latent: ["M"],
    });
    expect(findFrontdoorSet(g, "X", "Y")).toBeNull();
    expect(listMinimalFrontdoorSets(g, "X", "Y")).toEqual([]);
  });

  it("throws when the search budget is exhausted", () => {
    const chain = CausalGraph.from({
      directed: [
        ["X", "A"],
        ["A", "B"],
        ["B", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(() => listMinimalFrontdoorSets(chain, "X", "Y", { maxSteps: 1 })).toThrow(
      InvalidArgumentError,
    );
    try {
      listMinimalFrontdoorSets(chain, "X", "Y", { maxSteps: 1 });
    } catch (e) {
      expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
      expect((e as InvalidArgumentError).argument).toBe("maxSteps");
    }
    expect(listMinimalFrontdoorSets(chain, "X", "Y", { maxSteps: 100 })).toHaveLength(2);
  });
});

describe("frontdoorEstimand", () => {
  it("builds Σ_z P(z|x) Σ_x' P(y|x',z) P(x')", () => {
    const e = frontdoorEstimand("X", "Y", ["M"]);
    expect(formatEstimand(e)).toBe("sum_{M} [P(M|X) * sum_{X} [P(Y|X,M) * P(X)]]");
    expect(formatEstimandLatex(e)).toBe("\\sum_{m} P(m \\mid x) \\sum_{x'} P(y \\mid x', m) P(x')");
    expect(freeVariables(e).sort()).toEqual(["X", "Y"]);
    expect(formatEstimand(frontdoorEstimand(["X1", "X2"], "Y", ["M1", "M2"]))).toBe(
      "sum_{M1,M2} [P(M1,M2|X1,X2) * sum_{X1,X2} [P(Y|X1,X2,M1,M2) * P(X1,X2)]]",
    );
  });

  it("equals P(y | do(x)) on Pearl's graph and reduces to P(y) for an empty Z", () => {
    expect(maxError(pearl, ["X"], ["Y"], ["M"], 1)).toBeLessThan(1e-9);
    expect(maxError(pearl, ["X"], ["Y"], ["M"], 2)).toBeLessThan(1e-9);
    const d = jointTableDistribution(["X", "Y"], [2, 2], new Float64Array([0.1, 0.2, 0.3, 0.4]));
    const a = new Map([
      ["X", 0],
      ["Y", 1],
    ]);
    expect(evaluateEstimand(frontdoorEstimand("X", "Y", []), d, a)).toBeCloseTo(0.6, 12);
  });

  it("rejects overlapping or empty sets", () => {
    for (const [X, Y, Z] of [
      [[], ["Y"], []],
      [["X"], [], []],
      [["X"], ["X"], []],
      [["X"], ["Y"], ["Y"]],
      [["X"], ["Y"], ["X"]],
    ] as const) {
      expect(() => frontdoorEstimand(X, Y, Z)).toThrow(InvalidArgumentError);
    }
  });
});

describe("argument errors", () => {
  it("throws typed errors with codes", () => {
    const cases: [() => unknown, new (...args: never[]) => Error, string][] = [
      [() => isFrontdoorSet(pearl, "Q", "Y", []), UnknownNodeError, "E_UNKNOWN_NODE"],
      [() => isFrontdoorSet(pearl, "X", "Y", ["Q"]), UnknownNodeError, "E_UNKNOWN_NODE"],
      [() => isFrontdoorSet(pearl, [], "Y", []), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isFrontdoorSet(pearl, "X", [], []), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isFrontdoorSet(pearl, "X", "X", []), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isFrontdoorSet(pearl, "X", "Y", ["X"]), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isFrontdoorSet(er, "E", "Y", []), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isFrontdoorSet(er, "X", "Y", ["E"]), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [
        () => findFrontdoorSet(pearl, "X", "Y", { include: ["M"], exclude: ["M"] }),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      ],
      [
        () => findFrontdoorSet(pearl, "X", "Y", { include: ["Y"] }),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      ],
      [
        () => findFrontdoorSet(pearl, "X", "Y", { exclude: ["Q"] }),
        UnknownNodeError,
        "E_UNKNOWN_NODE",
      ],
      [
        () => listMinimalFrontdoorSets(pearl, "X", "Y", { max: -1 }),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      ],
      [
        () => listMinimalFrontdoorSets(pearl, "X", "Y", { maxSteps: 1.5 }),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      ],
    ];
    for (const [call, cls, code] of cases) {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(cls);
      expect((caught as { code: string }).code).toBe(code);
    }
  });

  it("does not mutate the graph", () => {
    const before = JSON.stringify(fig1b.toJSON());
    isFrontdoorSet(fig1b, "X", "Y", ["A"]);
    findFrontdoorSet(fig1b, "X", "Y");
    listMinimalFrontdoorSets(fig1b, "X", "Y");
    expect(JSON.stringify(fig1b.toJSON())).toBe(before);
  });
});
