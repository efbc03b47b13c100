import { describe, expect, it } from "vitest";
import {
  controlledDirectEffect,
  effectOfTreatmentOnTreated,
  mediationFormula,
  naturalEffects,
} from "../../src/counterfactuals/index.js";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import { expectError } from "../helpers/errors.js";
import { discreteMediation } from "./_models.js";
import { type OracleWorld, oracle } from "./_oracle.js";

const real = { type: "continuous" } as const;

/** Linear mediation: M = 2X + U_M, Y = 0.5X + 3M + U_Y, X = Z + U_X, Y also reads Z. */
const linearMediation: Scm = createScm({
  variables: [
    { name: "Z", domain: real, mechanism: { type: "linear", parents: [], coefficients: [] } },
    { name: "X", domain: real, mechanism: { type: "linear", parents: ["Z"], coefficients: [1] } },
    { name: "M", domain: real, mechanism: { type: "linear", parents: ["X"], coefficients: [2] } },
    {
      name: "Y",
      domain: real,
      mechanism: { type: "linear", parents: ["X", "M", "Z"], coefficients: [0.5, 3, 1] },
    },
  ],
});

describe("linear models: closed forms", () => {
  it("NDE = c(x − x'), NIE = ab(x − x'), TE = (c + ab)(x − x'), ETT = TE, CDE = c(x − x')", () => {
    const opts = { treatment: 2, control: -1 };
    const e = naturalEffects(linearMediation, "X", "M", "Y", opts);
    expect(e.nde.value).toBeCloseTo(0.5 * 3, 12);
    expect(e.nie.value).toBeCloseTo(6 * 3, 12);
    expect(e.te.value).toBeCloseTo(6.5 * 3, 12);
    expect(e.nde.method).toBe("linear-gaussian");
    expect(e.treatmentState).toBe("2");
    expect(effectOfTreatmentOnTreated(linearMediation, "X", "Y", opts).value).toBeCloseTo(
      6.5 * 3,
      12,
    );
    expect(controlledDirectEffect(linearMediation, "X", "Y", { M: 4 }, opts).value).toBeCloseTo(
      1.5,
      12,
    );
  });

  it("continuous X needs explicit treatment and control values", () => {
    const e = expectError(
      () => naturalEffects(linearMediation, "X", "M", "Y"),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("treatment");
  });
});

describe("nonlinear continuous model: importance sampling", () => {
  const m = createScm({
    variables: [
      { name: "X", domain: real, mechanism: { type: "linear", parents: [], coefficients: [] } },
      { name: "M", domain: real, mechanism: { type: "linear", parents: ["X"], coefficients: [1] } },
      { name: "Y", domain: real, mechanism: { type: "expression", expression: "M^2 + X + U_Y" } },
    ],
    exogenous: [{ name: "U_Y", distribution: { type: "normal", mean: 0, sd: 1 } }],
  });

  it("NDE = x − x' (every unit), NIE = x² − x'² + 2(x − x')E[U_M] = 1, within 4 SE", () => {
    const e = naturalEffects(m, "X", ["M"], "Y", {
      treatment: 1,
      control: 0,
      samples: 20_000,
      seed: 4,
    });
    expect(e.nde.exact).toBe(false);
    expect(e.nde.value).toBeCloseTo(1, 12);
    expect(Math.abs(e.nie.value - 1)).toBeLessThan(4 * (e.nie.standardError as number));
    expect(Math.abs(e.te.value - 2)).toBeLessThan(4 * (e.te.standardError as number));
  });

  it("ETT with evidence on the continuous treatment: Y_1 − Y_0 = 2 + 2U_M per unit, X ⊥ U_M", () => {
    const e = effectOfTreatmentOnTreated(m, "X", "Y", {
      treatment: 1,
      control: 0,
      samples: 20_000,
      seed: 5,
    });
    expect(Math.abs(e.value - 2)).toBeLessThan(4 * (e.standardError as number));
  });
});

describe("discrete models: exact effects", () => {
  it("NDE, NIE, TE and ETT equal brute-force enumeration over the exogenous cells", () => {
    for (const seed of [1, 2, 3]) {
      for (const coupling of ["inverse-cdf", "independent"] as const) {
        const m = discreteMediation(seed, true);
        const e = naturalEffects(m, "X", "M", "Y", { coupling });
        expect(e.outcomeState).toBe("yes");
        const pY = (
          worlds: OracleWorld[],
          world: number,
          evidence: { variable: string; world: number; value: number }[] = [],
        ) => {
          const r = oracle(m, worlds, [{ variable: "Y", world }], evidence, coupling);
          if (r === "zero") throw new Error("zero");
          return r[1] as number;
        };
        const w0: OracleWorld = new Map();
        const x1: OracleWorld = new Map([["X", { value: 1 }]]);
        const x0: OracleWorld = new Map([["X", { value: 0 }]]);
        const nested = (x: number, ref: number): OracleWorld =>
          new Map<string, { value: number } | { world: number }>([
            ["X", { value: x }],
            ["M", { world: ref }],
          ]);
        const base = pY([w0, x0], 1);
        expect(e.te.value).toBeCloseTo(pY([w0, x1], 1) - base, 12);
        expect(e.nde.value).toBeCloseTo(pY([w0, nested(1, 2), x0], 1) - base, 12);
        expect(e.nie.value).toBeCloseTo(pY([w0, nested(0, 2), x1], 1) - base, 12);
        const ett = effectOfTreatmentOnTreated(m, "X", "Y", { coupling });
        const ev = [{ variable: "X", world: 0, value: 1 }];
        expect(ett.value).toBeCloseTo(pY([w0, x1], 1, ev) - pY([w0, x0], 1, ev), 12);
        expect(ett.exact).toBe(true);
      }
    }
  });

  it("controlled direct effect = difference of two interventional probabilities", () => {
    const m = discreteMediation(7, false);
    const cde = controlledDirectEffect(m, "X", "Y", { M: "b" });
    const r = (x: number) => {
      const o = oracle(
        m,
        [
          new Map(),
          new Map([
            ["X", { value: x }],
            ["M", { value: 1 }],
          ]),
        ],
        [{ variable: "Y", world: 1 }],
        [],
        "inverse-cdf",
      );
      if (o === "zero") throw new Error("zero");
      return o[1] as number;
    };
    expect(cde.value).toBeCloseTo(r(1) - r(0), 12);
  });

  it("refuses the mediation formula when a mediator–outcome confounder is affected by X", () => {
    const m = discreteMediation(3, true);
    for (const covariates of [["W"], ["W", "L"]]) {
      const e = expectError(
        () => mediationFormula(m, "X", "M", "Y", { covariates }),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      );
      expect((e as InvalidArgumentError).argument).toBe("mediator");
    }
    // Without adjusting for the confounder W of X and Y the formula is not licensed either.
    expectError(
      () => mediationFormula(discreteMediation(3, false), "X", "M", "Y"),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    // With M ∪ {L} as the mediators it is.
    const f = mediationFormula(m, "X", ["L", "M"], "Y", { covariates: ["W"] });
    const e = naturalEffects(m, "X", ["L", "M"], "Y");
    expect(f.nde).toBeCloseTo(e.nde.value, 12);
    expect(f.nie).toBeCloseTo(e.nie.value, 12);
  });

  it("argument errors", () => {
    const m = discreteMediation(1, false);
    expectError(() => naturalEffects(m, "X", "X", "Y"), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => naturalEffects(m, "X", "nope", "Y"), UnknownNodeError, "E_UNKNOWN_NODE");
    expectError(
      () => effectOfTreatmentOnTreated(m, "X", "X"),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => effectOfTreatmentOnTreated(m, "W", "Y"),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => controlledDirectEffect(m, "X", "Y", { M: "z" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});

describe("default treatment and control of a binary X", () => {
  const yn = { type: "discrete", states: ["no", "yes"] } as const;
  const m = createScm({
    variables: [
      { name: "X", domain: yn, mechanism: { type: "cpt", parents: [], table: [[0.4, 0.6]] } },
      {
        name: "Y",
        domain: yn,
        mechanism: {
          type: "cpt",
          parents: ["X"],
          table: [
            [0.8, 0.2],
            [0.3, 0.7],
          ],
        },
      },
    ],
  });

  it("one side given: the other side is the other state (never the same one)", () => {
    const e = effectOfTreatmentOnTreated(m, "X", "Y", { treatment: "no" });
    expect([e.treatmentState, e.controlState]).toEqual(["no", "yes"]);
    expect(e.value).not.toBe(0);
  });

  it("the same state twice is an error", () => {
    expect(() =>
      effectOfTreatmentOnTreated(m, "X", "Y", { treatment: "yes", control: "yes" }),
    ).toThrow(InvalidArgumentError);
  });
});
