// `causalkit adjust`: the JSON contract (`adjust(loaded, options)`) and the text rendering.
// Expected sets derived by hand from the adjustment criterion; cross-checked by the property
// tests of the library functions the command calls.
import { describe, expect, it } from "vitest";
import { adjust, describeAdjust } from "../../src/cli/commands/adjust.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { CausalGraph, type CausalGraphSpec } from "../../src/graph/causal-graph.js";

function load(spec: CausalGraphSpec): { source: string; graph: CausalGraph } {
  return { source: "test", graph: CausalGraph.from(spec) };
}

// X <- t <- u1 -> y, u2 -> t, u2 -> X, X -> y, plus a precision variable p -> y and a child
// D of X that is not on a causal path.
const misc = load({
  directed: [
    ["t", "X"],
    ["u1", "t"],
    ["u1", "y"],
    ["u2", "t"],
    ["u2", "X"],
    ["X", "y"],
    ["p", "y"],
    ["X", "D"],
  ],
});

describe("causalkit adjust", () => {
  it("--type minimal (default): all minimal sets, sorted", () => {
    const r = adjust(misc, { treatment: "X", outcome: "y" });
    expect(r).toMatchObject({ sets: [["u1"], ["t", "u2"]], type: "minimal" });
    expect(adjust(misc, { treatment: "X", outcome: "y", type: "minimal" })).toEqual(r);
    expect(describeAdjust(r)).toBe("{u1}\n{t, u2}");
  });

  it("--type minimum and --type optimal print one set", () => {
    expect(adjust(misc, { treatment: "X", outcome: "y", type: "minimum" })).toMatchObject({
      sets: [["u1"]],
      type: "minimum",
    });
    // O = pa(cn) \ forb = pa({y}) \ {X, y} = {u1, p}.
    expect(adjust(misc, { treatment: "X", outcome: "y", type: "optimal" })).toMatchObject({
      sets: [["p", "u1"]],
      type: "optimal",
    });
  });

  it("--must / --must-not", () => {
    expect(adjust(misc, { treatment: "X", outcome: "y", mustNot: "u1" })).toMatchObject({
      sets: [["t", "u2"]],
      mustNot: ["u1"],
    });
    expect(
      adjust(misc, { treatment: "X", outcome: "y", mustNot: "u1", type: "minimum" }),
    ).toMatchObject({ sets: [["t", "u2"]] });
    expect(adjust(misc, { treatment: "X", outcome: "y", must: "t" })).toMatchObject({
      sets: [
        ["t", "u1"],
        ["t", "u2"],
      ],
      must: ["t"],
    });
    // D is a child of X off the causal path: allowed by the adjustment criterion.
    expect(adjust(misc, { treatment: "X", outcome: "y", must: "D" })).toMatchObject({
      sets: [
        ["D", "u1"],
        ["D", "t", "u2"],
      ],
    });
    expect(
      adjust(misc, { treatment: "X", outcome: "y", must: "D", type: "minimum" }),
    ).toMatchObject({ sets: [["D", "u1"]] });
    // The O-set contains u1: excluding it leaves no O-set to report.
    expect(() =>
      adjust(misc, { treatment: "X", outcome: "y", type: "optimal", mustNot: "u1" }),
    ).toThrow(InvalidArgumentError);
    expect(() =>
      adjust(misc, { treatment: "X", outcome: "y", type: "optimal", must: "t" }),
    ).toThrow(InvalidArgumentError);
  });

  it("no set: [] for every type; the empty set suffices: [[]]", () => {
    const g = load({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    for (const type of ["minimal", "minimum"]) {
      const r = adjust(g, { treatment: "X", outcome: "Y", type });
      expect(r).toMatchObject({ sets: [] });
      expect(describeAdjust(r)).toBe("no adjustment set identifies the effect of {X} on {Y}");
    }
    const chain = load({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
    });
    for (const type of ["minimal", "minimum", "optimal"]) {
      expect(adjust(chain, { treatment: "X", outcome: "Y", type })).toMatchObject({ sets: [[]] });
    }
    const confounded = load({
      directed: [
        ["X", "M"],
        ["M", "Y"],
        ["U", "X"],
        ["U", "Y"],
      ],
      latent: ["U"],
    });
    expect(adjust(confounded, { treatment: "X", outcome: "Y", type: "optimal" })).toMatchObject({
      sets: [],
    });
  });

  it("--check: valid (adjustment criterion) and backdoor differ for a descendant of X off the causal path", () => {
    const g = load({
      directed: [
        ["X", "Y"],
        ["X", "D"],
      ],
    });
    const r = adjust(g, { treatment: "X", outcome: "Y", check: "D" });
    expect(r).toEqual({
      valid: true,
      backdoor: false,
      set: ["D"],
      treatment: ["X"],
      outcome: ["Y"],
    });
    expect(describeAdjust(r)).toBe(
      "{D} is a valid adjustment set (adjustment criterion); it does not satisfy the back-door criterion",
    );
    expect(adjust(g, { treatment: "X", outcome: "Y", check: "" })).toMatchObject({
      valid: true,
      backdoor: true,
      set: [],
    });
    const m = load({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
    });
    const bad = adjust(m, { treatment: "X", outcome: "Y", check: "M" });
    expect(bad).toMatchObject({ valid: false, backdoor: false });
    expect(describeAdjust(bad)).toBe("{M} is not a valid adjustment set");
  });

  it("the trap (C latent): {A, B} under every type", () => {
    const g = load({
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
    expect(adjust(g, { treatment: "X", outcome: "Y" })).toMatchObject({ sets: [["A", "B"]] });
    expect(adjust(g, { treatment: "X", outcome: "Y", type: "minimum" })).toMatchObject({
      sets: [["A", "B"]],
    });
    expect(adjust(g, { treatment: "X", outcome: "Y", check: "B" })).toMatchObject({
      valid: false,
      backdoor: false,
    });
    expect(adjust(g, { treatment: "X", outcome: "Y", check: "A,B" })).toMatchObject({
      valid: true,
      backdoor: true,
    });
  });

  it("odd names and roles from the model file", () => {
    const g = load({
      directed: [
        ["my var", "X_1"],
        ["my var", "Y 2"],
        ["X_1", "Y 2"],
      ],
      exposure: ["X_1"],
      outcome: ["Y 2"],
    });
    expect(adjust(g, {})).toMatchObject({
      sets: [["my var"]],
      treatment: ["X_1"],
      outcome: ["Y 2"],
    });
    expect(adjust(g, { type: "optimal" })).toMatchObject({ sets: [["my var"]] });
  });

  it("errors: bad --type, --check combined with set options, missing treatment", () => {
    const code = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return (e as InvalidArgumentError).code;
      }
      return undefined;
    };
    expect(() => adjust(misc, { treatment: "X", outcome: "y", type: "best" })).toThrow(
      InvalidArgumentError,
    );
    expect(code(() => adjust(misc, { treatment: "X", outcome: "y", type: "best" }))).toBe(
      "E_INVALID_ARGUMENT",
    );
    expect(() => adjust(misc, { treatment: "X", outcome: "y", check: "u1", must: "t" })).toThrow(
      InvalidArgumentError,
    );
    expect(() =>
      adjust(misc, { treatment: "X", outcome: "y", check: "u1", type: "minimal" }),
    ).toThrow(InvalidArgumentError);
    expect(() => adjust(misc, { outcome: "y" })).toThrow(InvalidArgumentError);
  });
});
