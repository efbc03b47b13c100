// isAdjustmentSet, adjustmentForbiddenNodes, findMinimumAdjustmentSet and optimalAdjustmentSet
// on named graphs. Expected answers derived by hand from the definitions (Shpitser, VanderWeele
// & Robins 2010; Perković et al. 2018; Henckel, Perković & Maathuis 2022) and cross-checked by
// the brute-force property tests (adjustment-criterion.prop.test.ts).
import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import {
  adjustmentForbiddenNodes,
  adjustmentSets,
  findMinimalAdjustmentSet,
  findMinimumAdjustmentSet,
  isAdjustmentSet,
  isBackdoorAdjustmentSet,
  optimalAdjustmentSet,
} from "../../src/identification/index.js";

function errorOf(f: () => unknown): InvalidArgumentError | UnknownNodeError | undefined {
  try {
    f();
  } catch (e) {
    return e as InvalidArgumentError;
  }
  return undefined;
}

describe("isAdjustmentSet", () => {
  it("a descendant of X off the causal path: valid adjustment set, not a back-door set", () => {
    const g = CausalGraph.from({
      directed: [
        ["X", "Y"],
        ["X", "D"],
      ],
    });
    expect(isAdjustmentSet(g, "X", "Y", ["D"])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["D"])).toBe(false);
    expect(isAdjustmentSet(g, "X", "Y", [])).toBe(true);
  });

  it("descendants of a mediator and of the outcome are forbidden", () => {
    // X -> M -> Y, M -> W, Y -> S, X -> D, C -> X, C -> Y
    const g = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
        ["M", "W"],
        ["Y", "S"],
        ["X", "D"],
        ["C", "X"],
        ["C", "Y"],
      ],
    });
    expect(adjustmentForbiddenNodes(g, "X", "Y")).toEqual(["M", "Y", "W", "S"]);
    expect(isAdjustmentSet(g, "X", "Y", ["C"])).toBe(true);
    expect(isAdjustmentSet(g, "X", "Y", ["C", "D"])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["C", "D"])).toBe(false);
    expect(isAdjustmentSet(g, "X", "Y", ["C", "W"])).toBe(false);
    expect(isAdjustmentSet(g, "X", "Y", ["C", "S"])).toBe(false);
    expect(isAdjustmentSet(g, "X", "Y", [])).toBe(false);
  });

  it("a descendant of X that opens a non-causal path is rejected (condition 2)", () => {
    // X -> D <- U -> Y with U latent: D is allowed by condition 1 but conditioning on it opens
    // X -> D <- U -> Y, a proper non-causal path.
    const g = CausalGraph.from({
      directed: [
        ["X", "Y"],
        ["X", "D"],
        ["U", "D"],
        ["U", "Y"],
      ],
      latent: ["U"],
    });
    expect(adjustmentForbiddenNodes(g, "X", "Y")).toEqual(["Y"]);
    expect(isAdjustmentSet(g, "X", "Y", [])).toBe(true);
    expect(isAdjustmentSet(g, "X", "Y", ["D"])).toBe(false);
  });

  it("ADMGs: bidirected edges are latent confounders", () => {
    const bow = CausalGraph.from({ directed: [["X", "Y"]], bidirected: [["X", "Y"]] });
    expect(isAdjustmentSet(bow, "X", "Y", [])).toBe(false);
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["X", "Y"],
      ],
      bidirected: [["Z", "Y"]],
    });
    // X <- Z <-> Y is a back-door path through the latent confounder of Z and Y.
    expect(isAdjustmentSet(g, "X", "Y", ["Z"])).toBe(true);
    expect(isAdjustmentSet(g, "X", "Y", [])).toBe(false);
    const m = CausalGraph.from({
      directed: [["X", "Y"]],
      bidirected: [
        ["X", "M"],
        ["M", "Y"],
      ],
    });
    expect(isAdjustmentSet(m, "X", "Y", [])).toBe(true);
    expect(isAdjustmentSet(m, "X", "Y", ["M"])).toBe(false);
  });

  it("several exposures: a descendant of one exposure can be required", () => {
    // dagitty misc test: A -> U -> Z -> E, B -> Z with X = {A, E}, Y = B. The path
    // E <- Z <- B needs Z, which opens A -> U -> Z <- B, so U is needed too. Z and U descend
    // from A: no back-door set exists.
    const g = CausalGraph.from({
      directed: [
        ["A", "U"],
        ["B", "Z"],
        ["U", "Z"],
        ["Z", "E"],
      ],
    });
    expect(isAdjustmentSet(g, ["A", "E"], "B", ["U", "Z"])).toBe(true);
    expect(isAdjustmentSet(g, ["A", "E"], "B", ["Z"])).toBe(false);
    expect(isBackdoorAdjustmentSet(g, ["A", "E"], "B", ["U", "Z"])).toBe(false);
    expect(adjustmentSets(g, ["A", "E"], "B")).toEqual([["U", "Z"]]);
    expect(adjustmentSets(g, ["A", "E"], "B", { criterion: "backdoor" })).toEqual([]);
    expect(findMinimumAdjustmentSet(g, ["A", "E"], "B")).toEqual(["U", "Z"]);
  });

  it("odd node names", () => {
    const g = CausalGraph.from({
      directed: [
        ["__proto__", "X_1"],
        ["__proto__", "my var"],
        ["X_1", "my var"],
        ["X_1", "constructor"],
      ],
    });
    expect(isAdjustmentSet(g, "X_1", "my var", ["__proto__"])).toBe(true);
    expect(isAdjustmentSet(g, "X_1", "my var", ["__proto__", "constructor"])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X_1", "my var", ["__proto__", "constructor"])).toBe(false);
    expect(isAdjustmentSet(g, "X_1", "my var", [])).toBe(false);
    expect(findMinimumAdjustmentSet(g, "X_1", "my var")).toEqual(["__proto__"]);
    expect(optimalAdjustmentSet(g, "X_1", "my var")).toEqual(["__proto__"]);
  });

  it("errors", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["Z", "Y"],
        ["X", "Y"],
        ["L", "Z"],
      ],
      latent: ["L"],
    });
    const cases: [() => unknown, string][] = [
      [() => isAdjustmentSet(g, [], "Y", []), "X"],
      [() => isAdjustmentSet(g, "X", [], []), "Y"],
      [() => isAdjustmentSet(g, "X", "Y", ["X"]), "X"],
      [() => isAdjustmentSet(g, "X", "Y", ["L"]), "L"],
      [() => isAdjustmentSet(g, "L", "Y", []), "L"],
      [() => adjustmentForbiddenNodes(g, "X", "X"), "X"],
    ];
    for (const [f, argument] of cases) {
      const e = errorOf(f);
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect(e?.code).toBe("E_INVALID_ARGUMENT");
      expect((e as InvalidArgumentError).argument).toBe(argument);
    }
    const unknown = errorOf(() => isAdjustmentSet(g, "X", "Y", ["nope"]));
    expect(unknown).toBeInstanceOf(UnknownNodeError);
    expect(unknown?.code).toBe("E_UNKNOWN_NODE");
  });
});

describe("the trap: A -> X, A -> B, B -> X, C -> B, C -> Y, X -> Y with C latent", () => {
  const spec = {
    directed: [
      ["A", "X"],
      ["A", "B"],
      ["B", "X"],
      ["C", "B"],
      ["C", "Y"],
      ["X", "Y"],
    ] as [string, string][],
  };
  const g = CausalGraph.from({ ...spec, latent: ["C"] });

  it("the only valid set is {A, B}, under both criteria", () => {
    // B blocks X <- B <- C -> Y but is a collider on X <- A -> B <- C -> Y, so A is needed
    // too, although A looks like an instrument.
    for (const Z of [[], ["A"], ["B"]]) {
      expect(isAdjustmentSet(g, "X", "Y", Z)).toBe(false);
      expect(isBackdoorAdjustmentSet(g, "X", "Y", Z)).toBe(false);
    }
    expect(isAdjustmentSet(g, "X", "Y", ["A", "B"])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["A", "B"])).toBe(true);
    for (const criterion of ["adjustment", "backdoor"] as const) {
      expect(adjustmentSets(g, "X", "Y", { criterion })).toEqual([["A", "B"]]);
      expect(findMinimalAdjustmentSet(g, "X", "Y", { criterion })).toEqual(["A", "B"]);
      expect(findMinimumAdjustmentSet(g, "X", "Y", { criterion })).toEqual(["A", "B"]);
    }
  });

  it("the O-set would need the latent C: optimalAdjustmentSet refuses; with C observed it is {C}", () => {
    const e = errorOf(() => optimalAdjustmentSet(g, "X", "Y"));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).argument).toBe("C");
    const observed = CausalGraph.from(spec);
    expect(optimalAdjustmentSet(observed, "X", "Y")).toEqual(["C"]);
    expect(findMinimumAdjustmentSet(observed, "X", "Y")).toEqual(["C"]);
    // Excluding C makes it unobserved again.
    expect(
      errorOf(() => optimalAdjustmentSet(observed, "X", "Y", { exclude: ["C"] })),
    ).toBeInstanceOf(InvalidArgumentError);
  });
});

describe("findMinimumAdjustmentSet", () => {
  // X <- t <- u1 -> y, u2 -> t, u2 -> X, X -> y (dagitty misc test): minimal sets {u1}, {t, u2}.
  const g = CausalGraph.from({
    directed: [
      ["t", "X"],
      ["u1", "t"],
      ["u1", "y"],
      ["u2", "t"],
      ["u2", "X"],
      ["X", "y"],
    ],
  });

  it("minimum cardinality, minimum cost, include and exclude", () => {
    expect(findMinimumAdjustmentSet(g, "X", "y")).toEqual(["u1"]);
    expect(findMinimumAdjustmentSet(g, "X", "y", { costs: new Map([["u1", 5]]) })).toEqual([
      "t",
      "u2",
    ]);
    expect(findMinimumAdjustmentSet(g, "X", "y", { costs: new Map([["u1", 1.5]]) })).toEqual([
      "u1",
    ]);
    // A tie (2 = 1 + 1) goes to the set closest to X.
    expect(findMinimumAdjustmentSet(g, "X", "y", { costs: new Map([["u1", 2]]) })).toEqual([
      "t",
      "u2",
    ]);
    expect(findMinimumAdjustmentSet(g, "X", "y", { costs: new Map([["u1", 2.5]]) })).toEqual([
      "t",
      "u2",
    ]);
    expect(findMinimumAdjustmentSet(g, "X", "y", { exclude: ["u1"] })).toEqual(["t", "u2"]);
    // Forcing t opens u2 -> t <- u1: {t, u1} and {t, u2} tie; u2 is nearer to X.
    expect(findMinimumAdjustmentSet(g, "X", "y", { include: ["t"] })).toEqual(["t", "u2"]);
    expect(findMinimumAdjustmentSet(g, "X", "y", { exclude: ["u1", "u2"] })).toBeNull();
  });

  it("ties are broken towards X: a chain of confounders X <- a <- b <- c -> y", () => {
    const chain = CausalGraph.from({
      directed: [
        ["a", "X"],
        ["b", "a"],
        ["c", "b"],
        ["c", "y"],
        ["X", "y"],
      ],
    });
    expect(adjustmentSets(chain, "X", "y")).toEqual([["a"], ["b"], ["c"]]);
    expect(findMinimumAdjustmentSet(chain, "X", "y")).toEqual(["a"]);
  });

  it("the empty set, and no set", () => {
    const chain = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
    });
    expect(findMinimumAdjustmentSet(chain, "X", "Y")).toEqual([]);
    const bow = CausalGraph.from({ directed: [["X", "Y"]], bidirected: [["X", "Y"]] });
    expect(findMinimumAdjustmentSet(bow, "X", "Y")).toBeNull();
  });

  it("errors for costs", () => {
    for (const c of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = errorOf(() =>
        findMinimumAdjustmentSet(g, "X", "y", { costs: new Map([["t", c]]) }),
      );
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe("t");
    }
    const e = errorOf(() => findMinimumAdjustmentSet(g, "X", "y", { costs: new Map([["no", 1]]) }));
    expect(e).toBeInstanceOf(UnknownNodeError);
  });
});

describe("optimalAdjustmentSet", () => {
  it("example of the caugi R package documentation (adjustment_set, type optimal): {K}", () => {
    // C -> X, X -> F, X -> D, A -> X, A -> K, K -> Y, D -> Y, D -> G, Y -> H.
    // cn = {D, Y}; pa(cn) = {X, D, K}; forb = {X, D, G, Y, H}; O = {K}. Minimal sets: {A}, {K}.
    const g = CausalGraph.from({
      directed: [
        ["C", "X"],
        ["X", "F"],
        ["X", "D"],
        ["A", "X"],
        ["A", "K"],
        ["K", "Y"],
        ["D", "Y"],
        ["D", "G"],
        ["Y", "H"],
      ],
    });
    expect(optimalAdjustmentSet(g, "X", "Y")).toEqual(["K"]);
    expect(adjustmentSets(g, "X", "Y")).toEqual([["A"], ["K"]]);
  });

  it("confounder plus precision variable: O keeps the parent of Y that the minimal set drops", () => {
    // Z -> X, Z -> Y, W -> Y, X -> M -> Y, V -> M: O = pa({M, Y}) \ forb = {Z, W, V}.
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["Z", "Y"],
        ["W", "Y"],
        ["X", "M"],
        ["M", "Y"],
        ["V", "M"],
      ],
    });
    expect(optimalAdjustmentSet(g, "X", "Y")).toEqual(["Z", "W", "V"]);
    expect(adjustmentSets(g, "X", "Y")).toEqual([["Z"]]);
    expect(isAdjustmentSet(g, "X", "Y", ["Z", "W", "V"])).toBe(true);
  });

  it("several exposures and outcomes", () => {
    // X1 -> X2 -> Y1 -> Y2, C -> X2, C -> Y1, P -> Y2, X1 -> Y2
    const g = CausalGraph.from({
      directed: [
        ["X1", "X2"],
        ["X2", "Y1"],
        ["Y1", "Y2"],
        ["C", "X2"],
        ["C", "Y1"],
        ["P", "Y2"],
        ["X1", "Y2"],
      ],
    });
    expect(optimalAdjustmentSet(g, ["X1", "X2"], ["Y1", "Y2"])).toEqual(["C", "P"]);
    expect(isAdjustmentSet(g, ["X1", "X2"], ["Y1", "Y2"], ["C", "P"])).toBe(true);
  });

  it("null when no valid set exists; errors for ADMGs and for outcomes that are not descendants", () => {
    const frontdoor = CausalGraph.from({
      directed: [
        ["U", "X"],
        ["U", "Y"],
        ["X", "M"],
        ["M", "Y"],
      ],
      latent: ["U"],
    });
    expect(optimalAdjustmentSet(frontdoor, "X", "Y")).toBeNull();
    const admg = CausalGraph.from({ directed: [["X", "Y"]], bidirected: [["X", "Y"]] });
    const e = errorOf(() => optimalAdjustmentSet(admg, "X", "Y"));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).argument).toBe("graph");
    const nonDescendant = CausalGraph.from({
      directed: [
        ["C", "X"],
        ["C", "my var"],
      ],
    });
    const f = errorOf(() => optimalAdjustmentSet(nonDescendant, "X", "my var"));
    expect(f).toBeInstanceOf(InvalidArgumentError);
    expect((f as InvalidArgumentError).argument).toBe("my var");
  });
});

describe("purity", () => {
  it("no function mutates its inputs", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["Z", "Y"],
        ["X", "Y"],
        ["W", "Z"],
        ["P", "Y"],
      ],
    });
    const before = JSON.stringify(g.toJSON());
    const X = ["X"];
    const Y = ["Y"];
    const Z = ["Z"];
    const costs = new Map([["Z", 2]]);
    isAdjustmentSet(g, X, Y, Z);
    adjustmentForbiddenNodes(g, X, Y);
    findMinimumAdjustmentSet(g, X, Y, { include: ["W"], exclude: ["P"], costs });
    optimalAdjustmentSet(g, X, Y, { exclude: ["W"] });
    expect([X, Y, Z]).toEqual([["X"], ["Y"], ["Z"]]);
    expect([...costs]).toEqual([["Z", 2]]);
    expect(JSON.stringify(g.toJSON())).toBe(before);
  });
});
