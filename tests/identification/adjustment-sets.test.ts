import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import {
  type AdjustmentSetOptions,
  adjustmentSets,
  findMinimalAdjustmentSet,
  listMinimalAdjustmentSets,
} from "../../src/identification/index.js";

// Expected answers derived by hand from the adjustment criterion (Shpitser, VanderWeele & Robins
// 2010; the default) and the back-door criterion (Pearl 2009, §3.3.1), and cross-checked by the
// brute-force property tests. For one exposure and no forced node the two criteria give the same
// minimal sets.

describe("adjustmentSets / findMinimalAdjustmentSet / listMinimalAdjustmentSets", () => {
  it("confounding triangle: the only minimal set is {Z}", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["Z", "Y"],
        ["X", "Y"],
      ],
    });
    expect(adjustmentSets(g, "X", "Y")).toEqual([["Z"]]);
    expect(findMinimalAdjustmentSet(g, "X", "Y")).toEqual(["Z"]);
    expect([...listMinimalAdjustmentSets(g, "X", "Y")]).toEqual([["Z"]]);
    // Excluding Z leaves no valid set.
    expect(adjustmentSets(g, "X", "Y", { exclude: ["Z"] })).toEqual([]);
    expect(findMinimalAdjustmentSet(g, "X", "Y", { exclude: "Z" })).toBeNull();
  });

  it("M-bias: the empty set suffices; forcing M requires A or B as well", () => {
    const g = CausalGraph.from({
      directed: [
        ["A", "X"],
        ["A", "M"],
        ["B", "M"],
        ["B", "Y"],
        ["X", "Y"],
      ],
    });
    expect(adjustmentSets(g, "X", "Y")).toEqual([[]]);
    expect(findMinimalAdjustmentSet(g, "X", "Y")).toEqual([]);
    // Node order is A, X, M, B, Y (insertion order), so {A, M} sorts before {M, B}.
    expect(adjustmentSets(g, "X", "Y", { include: ["M"] })).toEqual([
      ["A", "M"],
      ["M", "B"],
    ]);
    const forced = findMinimalAdjustmentSet(g, "X", "Y", { include: "M" });
    expect([
      ["A", "M"],
      ["M", "B"],
    ]).toContainEqual(forced);
  });

  it("front-door graph with latent U: no back-door set", () => {
    const g = CausalGraph.from({
      directed: [
        ["U", "X"],
        ["U", "Y"],
        ["X", "M"],
        ["M", "Y"],
      ],
      latent: ["U"],
    });
    expect(adjustmentSets(g, "X", "Y")).toEqual([]);
    expect(findMinimalAdjustmentSet(g, "X", "Y")).toBeNull();
    expect([...listMinimalAdjustmentSets(g, "X", "Y")]).toEqual([]);
    // The same with the confounder as a bidirected edge.
    const h = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(adjustmentSets(h, "X", "Y")).toEqual([]);
    expect(findMinimalAdjustmentSet(h, "X", "Y")).toBeNull();
  });

  it("the trap: with C latent the only minimal set is {A, B}; with C observed also {C}", () => {
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
    expect(adjustmentSets(g, "X", "Y")).toEqual([["A", "B"]]);
    expect(findMinimalAdjustmentSet(g, "X", "Y")).toEqual(["A", "B"]);
    const observed = CausalGraph.from(spec);
    expect(adjustmentSets(observed, "X", "Y")).toEqual([["C"], ["A", "B"]]);
  });

  it("dagitty's misc example: two minimal sets, sorted by size", () => {
    const g = CausalGraph.from({
      nodes: ["xobs", "y", "t", "u1", "u2"],
      directed: [
        ["t", "xobs"],
        ["u1", "t"],
        ["u1", "y"],
        ["u2", "t"],
        ["u2", "xobs"],
        ["xobs", "y"],
      ],
    });
    expect(adjustmentSets(g, "xobs", "y")).toEqual([["u1"], ["t", "u2"]]);
    const capped = [...listMinimalAdjustmentSets(g, "xobs", "y", { max: 1 })];
    expect(capped).toHaveLength(1);
    expect([["u1"], ["t", "u2"]]).toContainEqual(capped[0]);
    expect([...listMinimalAdjustmentSets(g, "xobs", "y", { max: 0 })]).toEqual([]);
    expect([...listMinimalAdjustmentSets(g, "xobs", "y", { max: Infinity })]).toHaveLength(2);
  });

  it("awkward node names", () => {
    const g = CausalGraph.from({
      directed: [
        ["__proto__", "X_1"],
        ["__proto__", "my var"],
        ["X_1", "my var"],
        ["constructor", "__proto__"],
        ["constructor", "my var"],
      ],
    });
    expect(adjustmentSets(g, "X_1", "my var")).toEqual([["__proto__"]]);
    expect(findMinimalAdjustmentSet(g, "X_1", "my var")).toEqual(["__proto__"]);
    expect(adjustmentSets(g, "X_1", "my var", { exclude: ["__proto__"] })).toEqual([]);
    expect(adjustmentSets(g, "X_1", "my var", { include: ["constructor"] })).toEqual([
      ["__proto__", "constructor"],
    ]);
  });

  it("several exposures: the adjustment criterion may use descendants of one exposure", () => {
    // dagitty test graph (adjustment-dags, multiple exposures). dagitty's adjustment criterion
    // (our default) lists {C} and {m, m2}; m and m2 descend from X1, so the back-door criterion
    // rejects them.
    const g = CausalGraph.from({
      nodes: ["X1", "X2", "Y1", "Y2", "C", "m", "m2"],
      directed: [
        ["C", "Y1"],
        ["C", "m"],
        ["X1", "X2"],
        ["X1", "Y2"],
        ["X1", "m2"],
        ["X2", "Y1"],
        ["Y2", "Y1"],
        ["m", "X2"],
        ["m2", "m"],
      ],
    });
    expect(adjustmentSets(g, ["X1", "X2"], ["Y1", "Y2"])).toEqual([["C"], ["m", "m2"]]);
    expect(adjustmentSets(g, ["X1", "X2"], ["Y1", "Y2"], { criterion: "backdoor" })).toEqual([
      ["C"],
    ]);
  });

  it("a parent of X in Y, or a forced forbidden node, leaves no set", () => {
    const g = CausalGraph.from({
      directed: [
        ["Y", "X"],
        ["Z", "X"],
      ],
    });
    expect(adjustmentSets(g, "X", "Y")).toEqual([]);
    const h = CausalGraph.from({
      directed: [
        ["X", "Y"],
        ["X", "D"],
      ],
    });
    expect(adjustmentSets(h, "X", "Y")).toEqual([[]]);
    // D descends from X off the causal path: allowed by the adjustment criterion (the default,
    // as in dagitty), forbidden by the back-door criterion.
    expect(adjustmentSets(h, "X", "Y", { include: ["D"] })).toEqual([["D"]]);
    const backdoor = { include: ["D"], criterion: "backdoor" } as const;
    expect(adjustmentSets(h, "X", "Y", backdoor)).toEqual([]);
    expect(findMinimalAdjustmentSet(h, "X", "Y", backdoor)).toBeNull();
    // A forced descendant of a mediator is forbidden under both criteria.
    const k = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
        ["M", "W"],
      ],
    });
    expect(adjustmentSets(k, "X", "Y", { include: ["W"] })).toEqual([]);
    expect(findMinimalAdjustmentSet(k, "X", "Y", { include: ["W"] })).toBeNull();
  });

  it("include nodes outside An(X ∪ Y) are kept and can force further nodes", () => {
    // X <- A -> S <- B -> Y with S a sink that is not an ancestor of X or Y: forcing S opens
    // the collider, so A or B must join it.
    const g = CausalGraph.from({
      directed: [
        ["A", "X"],
        ["A", "S"],
        ["B", "S"],
        ["B", "Y"],
        ["X", "Y"],
      ],
    });
    expect(adjustmentSets(g, "X", "Y", { include: "S" })).toEqual([
      ["A", "S"],
      ["S", "B"],
    ]);
  });

  it("the iterator works on a snapshot: later graph changes do not affect it", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["Z", "Y"],
        ["X", "Y"],
      ],
    });
    const it = listMinimalAdjustmentSets(g, "X", "Y");
    g.addEdge("W", "X").addEdge("W", "Y");
    expect([...it]).toEqual([["Z"]]);
    expect(adjustmentSets(g, "X", "Y")).toEqual([["Z", "W"]]);
  });

  it("does not mutate its inputs", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["Z", "Y"],
        ["X", "Y"],
        ["W", "Z"],
      ],
    });
    const before = JSON.stringify(g.toJSON());
    const include = ["W"];
    const exclude = ["Z"];
    adjustmentSets(g, ["X"], ["Y"], { include, exclude });
    findMinimalAdjustmentSet(g, ["X"], ["Y"], { include, exclude });
    [...listMinimalAdjustmentSets(g, ["X"], ["Y"], { include, exclude })];
    expect(include).toEqual(["W"]);
    expect(exclude).toEqual(["Z"]);
    expect(JSON.stringify(g.toJSON())).toBe(before);
  });

  describe("errors (thrown eagerly, also by the lazy listing)", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["Z", "Y"],
        ["X", "Y"],
        ["L", "Z"],
      ],
      latent: ["L"],
    });
    const all = [
      (X: string[], Y: string[], o: AdjustmentSetOptions = {}) => adjustmentSets(g, X, Y, o),
      (X: string[], Y: string[], o: AdjustmentSetOptions = {}) =>
        findMinimalAdjustmentSet(g, X, Y, o),
      (X: string[], Y: string[], o: AdjustmentSetOptions = {}) =>
        listMinimalAdjustmentSets(g, X, Y, o),
    ];

    it("invalid X, Y, include and exclude", () => {
      for (const f of all) {
        expect(() => f([], ["Y"])).toThrow(InvalidArgumentError);
        expect(() => f(["X"], [])).toThrow(InvalidArgumentError);
        expect(() => f(["X", "Z"], ["Z", "Y"])).toThrow(InvalidArgumentError);
        expect(() => f(["L"], ["Y"])).toThrow(InvalidArgumentError);
        expect(() => f(["X"], ["Y"], { include: ["X"] })).toThrow(InvalidArgumentError);
        expect(() => f(["X"], ["Y"], { include: ["L"] })).toThrow(InvalidArgumentError);
        expect(() => f(["X"], ["Y"], { include: ["Z"], exclude: ["Z"] })).toThrow(
          InvalidArgumentError,
        );
        expect(() => f(["X"], ["Y"], { criterion: "frontdoor" as unknown as "backdoor" })).toThrow(
          InvalidArgumentError,
        );
        expect(() => f(["nope"], ["Y"])).toThrow(UnknownNodeError);
        expect(() => f(["X"], ["Y"], { exclude: ["nope"] })).toThrow(UnknownNodeError);
        try {
          f(["X"], ["Y"], { include: ["L"] });
        } catch (e) {
          expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
          expect((e as InvalidArgumentError).argument).toBe("L");
        }
      }
    });

    it("invalid max", () => {
      for (const max of [-1, 1.5, Number.NaN, Number.NEGATIVE_INFINITY]) {
        expect(() => listMinimalAdjustmentSets(g, "X", "Y", { max })).toThrow(InvalidArgumentError);
      }
    });

    it("exclude may name X or Y nodes (ignored)", () => {
      expect(adjustmentSets(g, "X", "Y", { exclude: ["X", "Y"] })).toEqual([["Z"]]);
    });
  });
});
