import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import { isBackdoorAdjustmentSet } from "../../src/identification/index.js";

// Named graphs, with the expected answers derived by hand from the definition (Pearl 2009,
// §3.3.1): Z has no descendant of X, and Z blocks every path from X to Y that starts with an
// arrow into X.

/** Confounding triangle: X <- Z -> Y, X -> Y. */
const triangle = (): CausalGraph =>
  CausalGraph.from({
    directed: [
      ["Z", "X"],
      ["Z", "Y"],
      ["X", "Y"],
    ],
  });

/** M-bias: X <- A -> M <- B -> Y, X -> Y. */
const mBias = (): CausalGraph =>
  CausalGraph.from({
    directed: [
      ["A", "X"],
      ["A", "M"],
      ["B", "M"],
      ["B", "Y"],
      ["X", "Y"],
    ],
  });

/** The latent-collider trap: A -> X, A -> B, B -> X, C -> B, C -> Y, X -> Y, C latent. */
const trap = (): CausalGraph =>
  CausalGraph.from({
    directed: [
      ["A", "X"],
      ["A", "B"],
      ["B", "X"],
      ["C", "B"],
      ["C", "Y"],
      ["X", "Y"],
    ],
    latent: ["C"],
  });

describe("isBackdoorAdjustmentSet", () => {
  it("confounding triangle: {Z} is valid, {} is not", () => {
    const g = triangle();
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["Z"])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", [])).toBe(false);
    expect(isBackdoorAdjustmentSet(g, ["X"], ["Y"], new Set(["Z"]))).toBe(true);
  });

  it("M-bias: {} valid, {M} opens the collider, {M, A} and {M, B} close it again", () => {
    const g = mBias();
    expect(isBackdoorAdjustmentSet(g, "X", "Y", [])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["M"])).toBe(false);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["M", "A"])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["M", "B"])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["A", "B"])).toBe(true);
  });

  it("rejects descendants of X, even harmless ones", () => {
    // X -> D, X -> Y: D is not on a causal path and blocks nothing, but the back-door criterion
    // (unlike the adjustment criterion) forbids every descendant of X.
    const g = CausalGraph.from({
      directed: [
        ["X", "D"],
        ["X", "Y"],
      ],
    });
    expect(isBackdoorAdjustmentSet(g, "X", "Y", [])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["D"])).toBe(false);
  });

  it("front-door graph with an explicit latent U: no observed set works", () => {
    const g = CausalGraph.from({
      directed: [
        ["U", "X"],
        ["U", "Y"],
        ["X", "M"],
        ["M", "Y"],
      ],
      latent: ["U"],
    });
    expect(isBackdoorAdjustmentSet(g, "X", "Y", [])).toBe(false);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["M"])).toBe(false); // M descends from X
  });

  it("the trap: {B} alone opens X <- A -> B <- C -> Y; {A, B} is valid", () => {
    const g = trap();
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["B"])).toBe(false);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["A"])).toBe(false);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["A", "B"])).toBe(true);
  });

  it("ADMGs: a bidirected edge into X starts a back-door path", () => {
    // X <-> W -> Y, X -> Y: W blocks the only back-door path.
    const g = CausalGraph.from({
      directed: [
        ["W", "Y"],
        ["X", "Y"],
      ],
      bidirected: [["X", "W"]],
    });
    expect(isBackdoorAdjustmentSet(g, "X", "Y", [])).toBe(false);
    expect(isBackdoorAdjustmentSet(g, "X", "Y", ["W"])).toBe(true);
    // Z -> X, Z <-> Y: Z is a non-collider on X <- Z <-> Y.
    const h = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["X", "Y"],
      ],
      bidirected: [["Z", "Y"]],
    });
    expect(isBackdoorAdjustmentSet(h, "X", "Y", ["Z"])).toBe(true);
    // Bow X <-> Y: nothing blocks it.
    const bow = CausalGraph.from({ directed: [["X", "Y"]], bidirected: [["X", "Y"]] });
    expect(isBackdoorAdjustmentSet(bow, "X", "Y", [])).toBe(false);
    // A collider of bidirected edges: X <-> M <-> Y; adjusting for M opens it.
    const m = CausalGraph.from({
      nodes: ["X", "Y", "M"],
      directed: [["X", "Y"]],
      bidirected: [
        ["M", "X"],
        ["M", "Y"],
      ],
    });
    expect(isBackdoorAdjustmentSet(m, "X", "Y", [])).toBe(true);
    expect(isBackdoorAdjustmentSet(m, "X", "Y", ["M"])).toBe(false);
  });

  it("several exposures: paths through another exposure need not be blocked", () => {
    // X1 <- C -> X2 -> Y: the only path from X1 to Y runs through X2 (a non-collider). Under
    // do(X1, X2) it is cut, so {} is a valid adjustment set (Y ⊥ X1 | X2).
    const g = CausalGraph.from({
      directed: [
        ["C", "X1"],
        ["C", "X2"],
        ["X2", "Y"],
      ],
    });
    expect(isBackdoorAdjustmentSet(g, ["X1", "X2"], "Y", [])).toBe(true);
    // But a confounder of X2 and Y must be blocked: X2 <- B -> Y.
    const h = CausalGraph.from({
      directed: [
        ["B", "X2"],
        ["B", "Y"],
        ["X1", "X2"],
        ["X2", "Y"],
      ],
    });
    expect(isBackdoorAdjustmentSet(h, ["X1", "X2"], "Y", [])).toBe(false);
    expect(isBackdoorAdjustmentSet(h, ["X1", "X2"], "Y", ["B"])).toBe(true);
  });

  it("handles awkward node names", () => {
    const g = CausalGraph.from({
      directed: [
        ["__proto__", "X_1"],
        ["__proto__", "my var"],
        ["X_1", "my var"],
        ["constructor", "__proto__"],
      ],
    });
    expect(isBackdoorAdjustmentSet(g, "X_1", "my var", ["__proto__"])).toBe(true);
    expect(isBackdoorAdjustmentSet(g, "X_1", "my var", ["constructor"])).toBe(false);
    expect(isBackdoorAdjustmentSet(g, "X_1", "my var", ["constructor", "__proto__"])).toBe(true);
  });

  it("does not mutate its inputs", () => {
    const g = trap();
    const before = JSON.stringify(g.toJSON());
    const Z = ["A", "B"];
    isBackdoorAdjustmentSet(g, ["X"], ["Y"], Z);
    expect(Z).toEqual(["A", "B"]);
    expect(JSON.stringify(g.toJSON())).toBe(before);
  });

  describe("errors", () => {
    const g = trap();
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof InvalidArgumentError || e instanceof UnknownNodeError) return e.code;
        throw e;
      }
      throw new Error("expected a throw");
    };

    it("empty X or Y", () => {
      expect(() => isBackdoorAdjustmentSet(g, [], "Y", [])).toThrow(InvalidArgumentError);
      expect(() => isBackdoorAdjustmentSet(g, "X", [], [])).toThrow(InvalidArgumentError);
      expect(code(() => isBackdoorAdjustmentSet(g, [], "Y", []))).toBe("E_INVALID_ARGUMENT");
    });

    it("X and Y overlap, or Z meets X ∪ Y", () => {
      expect(() => isBackdoorAdjustmentSet(g, ["X", "A"], ["A", "Y"], [])).toThrow(
        InvalidArgumentError,
      );
      expect(() => isBackdoorAdjustmentSet(g, "X", "Y", ["X"])).toThrow(InvalidArgumentError);
      expect(() => isBackdoorAdjustmentSet(g, "X", "Y", ["Y", "A"])).toThrow(InvalidArgumentError);
    });

    it("latent nodes in X, Y or Z", () => {
      expect(() => isBackdoorAdjustmentSet(g, "X", "Y", ["C"])).toThrow(InvalidArgumentError);
      expect(() => isBackdoorAdjustmentSet(g, "C", "Y", [])).toThrow(InvalidArgumentError);
      expect(() => isBackdoorAdjustmentSet(g, "X", "C", [])).toThrow(InvalidArgumentError);
      try {
        isBackdoorAdjustmentSet(g, "X", "Y", ["A", "C"]);
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        expect((e as InvalidArgumentError).argument).toBe("C");
      }
    });

    it("unknown nodes", () => {
      expect(() => isBackdoorAdjustmentSet(g, "nope", "Y", [])).toThrow(UnknownNodeError);
      expect(() => isBackdoorAdjustmentSet(g, "X", "Y", ["nope"])).toThrow(UnknownNodeError);
      expect(code(() => isBackdoorAdjustmentSet(g, "X", "Y", ["nope"]))).toBe("E_UNKNOWN_NODE");
    });
  });
});
