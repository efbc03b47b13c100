import { describe, expect, it } from "vitest";
import {
  CycleError,
  InvalidArgumentError,
  InvalidScmError,
  UnknownNodeError,
} from "../../src/errors.js";
import { softIntervention } from "../../src/interventions/index.js";
import type { Mechanism } from "../../src/scm/index.js";
import { bidirectedEdges, directedEdges, mixedModel, specText } from "./fixtures.js";

describe("softIntervention", () => {
  it("replaces a mechanism by a fixed distribution (parentless CPT), cutting incoming edges", () => {
    const m = mixedModel();
    const before = specText(m);
    const s = softIntervention(m, { S: { type: "cpt", parents: [], table: [[0.3, 0.7]] } });
    expect(s.variable("S").mechanism).toEqual({
      type: "cpt",
      parents: [],
      table: [[0.3, 0.7]],
      noise: "U_S", // the model's own uniform noise is reused
    });
    expect(s.graph.parents("S")).toEqual([]);
    expect(directedEdges(s)).not.toContain("Y -> S");
    expect(directedEdges(s)).toContain("S -> __proto__");
    expect(specText(m)).toBe(before);
  });

  it("installs a policy that depends on other variables and can add noise", () => {
    const m = mixedModel();
    const s = softIntervention(
      m,
      new Map<string, Mechanism>([
        ["my var", { type: "linear", parents: ["Z"], coefficients: [3], noise: "policy noise" }],
      ]),
      { exogenous: [{ name: "policy noise", distribution: { type: "uniform", min: -1, max: 1 } }] },
    );
    // "my var" no longer reads L: the bidirected edge to X_1 disappears.
    expect(bidirectedEdges(s)).toEqual([]);
    expect(s.graph.parents("my var")).toEqual(["Z"]);
    expect(s.variable("my var").noise).toEqual(["policy noise"]);
    expect(s.exogenousVariable("policy noise").distribution).toEqual({
      type: "uniform",
      min: -1,
      max: 1,
    });
  });

  it("rejects a policy reading one of its own descendants with CycleError", () => {
    const m = mixedModel();
    expect(() =>
      softIntervention(m, [
        ["my var", { type: "linear", parents: ["Y"], coefficients: [1] } as Mechanism],
      ]),
    ).toThrow(CycleError);
  });

  it("returns the model itself for no replacements", () => {
    const m = mixedModel();
    expect(softIntervention(m, {})).toBe(m);
  });

  it("rejects invalid replacements with the right class and code", () => {
    const m = mixedModel();
    const cases: [() => unknown, new (...a: never[]) => Error, string][] = [
      [
        () => softIntervention(m, { nope: { type: "constant", value: 1 } }),
        UnknownNodeError,
        "E_UNKNOWN_NODE",
      ],
      [
        () => softIntervention(m, { S: { type: "cpt", parents: [], table: [[0.3, 0.6]] } }),
        InvalidScmError,
        "E_INVALID_SCM",
      ],
      [
        () =>
          softIntervention(m, {
            Z: { type: "linear", parents: ["S"], coefficients: [Number.NaN] },
          }),
        InvalidScmError,
        "E_INVALID_SCM",
      ],
      [
        // a logistic mechanism reusing U_S is fine, but a new noise must be declared
        () =>
          softIntervention(m, {
            S: { type: "logistic", parents: [], coefficients: [], noise: "V" },
          }),
        InvalidScmError,
        "E_INVALID_SCM",
      ],
      [
        () => softIntervention(m, { S: null as unknown as Mechanism }),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      ],
      [
        () =>
          softIntervention(
            m,
            { Z: { type: "constant", value: 0 } },
            {
              exogenous: [{ name: "L", distribution: { type: "normal", mean: 0, sd: 1 } }],
            },
          ),
        InvalidScmError,
        "E_INVALID_SCM",
      ],
    ];
    for (const [f, cls, code] of cases) {
      let caught: unknown;
      try {
        f();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(cls);
      expect((caught as { code: string }).code).toBe(code);
    }
  });

  it("names the variable and reason of an invalid new mechanism", () => {
    const m = mixedModel();
    try {
      softIntervention(m, { "my var": { type: "cpt", parents: [], table: [[1]] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidScmError);
      expect((e as InvalidScmError).variable).toBe("my var");
      expect((e as InvalidScmError).reason).toBe("domain");
    }
  });
});
