import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { doIntervention, shiftIntervention } from "../../src/interventions/index.js";
import { bidirectedEdges, directedEdges, mixedModel, specText } from "./fixtures.js";

describe("shiftIntervention", () => {
  it("wraps the mechanism in a shift and keeps the graph", () => {
    const m = mixedModel();
    const before = specText(m);
    const s = shiftIntervention(m, { "my var": 0.5, X_1: -2 });
    expect(s.variable("my var").mechanism).toEqual({
      type: "shift",
      base: m.variable("my var").mechanism,
      delta: 0.5,
    });
    expect(s.variable("X_1").mechanism).toEqual({
      type: "shift",
      base: { type: "expression", expression: "2*Z + L" },
      delta: -2,
    });
    expect(s.compiledExpression("X_1").evaluate({ Z: 1, L: 0.25 })).toBe(2.25);
    expect(directedEdges(s)).toEqual(directedEdges(m));
    expect(bidirectedEdges(s)).toEqual(bidirectedEdges(m));
    expect(specText(m)).toBe(before);
  });

  it("composes repeated shifts by adding the deltas", () => {
    const m = mixedModel();
    const twice = shiftIntervention(shiftIntervention(m, { Y: 1.25 }), new Map([["Y", 2]]));
    expect(twice.variable("Y").mechanism).toEqual({
      type: "shift",
      base: m.variable("Y").mechanism,
      delta: 3.25,
    });
  });

  it("shifts a constant (after do) to another constant", () => {
    const m = doIntervention(mixedModel(), { Z: 4 });
    const s = shiftIntervention(m, [["Z", -1.5]]);
    expect(s.variable("Z").mechanism).toEqual({ type: "constant", value: 2.5 });
  });

  it("returns the model itself for no shifts", () => {
    const m = mixedModel();
    expect(shiftIntervention(m, {})).toBe(m);
  });

  it("rejects discrete variables, non-finite deltas and overflow with InvalidArgumentError", () => {
    const m = mixedModel();
    const big = shiftIntervention(m, { Z: 1.5e308 });
    const cases: [() => unknown, string][] = [
      [() => shiftIntervention(m, { S: 1 }), "S"],
      [() => shiftIntervention(m, { __proto__: 1 } as Record<string, number>), ""],
      [() => shiftIntervention(m, new Map([["__proto__", 1]])), "__proto__"],
      [() => shiftIntervention(m, { Z: Number.NaN }), "Z"],
      [() => shiftIntervention(m, { Z: Number.POSITIVE_INFINITY }), "Z"],
      [() => shiftIntervention(m, { Z: "1" as unknown as number }), "Z"],
      [() => shiftIntervention(big, { Z: 1.5e308 }), "Z"],
    ];
    for (const [f, argument] of cases) {
      if (argument === "") {
        // `{ __proto__: 1 }` is an empty object literal: nothing to shift.
        expect(f()).toBe(m);
        continue;
      }
      let caught: unknown;
      try {
        f();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
      expect((caught as InvalidArgumentError).argument).toBe(argument);
    }
  });

  it("rejects an unknown variable with UnknownNodeError", () => {
    expect(() => shiftIntervention(mixedModel(), { "my  var": 1 })).toThrow(UnknownNodeError);
  });
});
