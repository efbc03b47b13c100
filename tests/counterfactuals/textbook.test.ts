import { describe, expect, it } from "vitest";
import {
  causationBounds,
  counterfactual,
  counterfactualQuery,
  probabilitiesOfCausation,
} from "../../src/counterfactuals/index.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { query } from "../../src/inference/index.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import type { VariableSpec } from "../../src/scm/types.js";
import { expectError } from "../helpers/errors.js";

const bin = { type: "discrete", states: ["0", "1"] } as const;

/** A deterministic cpt: one-hot rows given by f over the parents' 0/1 values. */
function det(name: string, parents: string[], f: (...v: number[]) => number): VariableSpec {
  const table: number[][] = [];
  for (let r = 0; r < 2 ** parents.length; r++) {
    const v = parents.map((_, i) => (r >> (parents.length - 1 - i)) & 1);
    table.push(f(...v) ? [0, 1] : [1, 0]);
  }
  return { name, domain: bin, mechanism: { type: "cpt", parents, table } };
}

/**
 * Pearl's firing squad (Causality, 2nd ed., §7.1.1–7.1.2, Fig. 7.1): a court order U (P = p)
 * makes the captain C signal; riflemen A and B shoot on the signal, A also out of nervousness W
 * (P = q); the prisoner D dies if either shoots. A = C ∨ W, B = C, D = A ∨ B.
 */
function firingSquad(p: number, q: number): Scm {
  return createScm({
    variables: [
      {
        name: "court order",
        domain: bin,
        mechanism: { type: "cpt", parents: [], table: [[1 - p, p]] },
      },
      {
        name: "nervous A",
        domain: bin,
        mechanism: { type: "cpt", parents: [], table: [[1 - q, q]] },
      },
      det("captain", ["court order"], (u) => u),
      det("rifleman A", ["captain", "nervous A"], (c, w) => c | w),
      det("rifleman B", ["captain"], (c) => c),
      det("prisoner dies", ["rifleman A", "rifleman B"], (a, b) => a | b),
    ],
  });
}

describe("firing squad (Pearl 2009, §7.1)", () => {
  it("deterministic: had A not shot, the dead prisoner would still be dead (§7.1.1)", () => {
    const m = firingSquad(0.6, 0);
    const r = counterfactualQuery(m, {
      targets: "prisoner dies",
      do: { "rifleman A": "0" },
      given: { "prisoner dies": "1" },
    });
    expect(r.probability({ "prisoner dies_{rifleman A=0}": "1" })).toBe(1);
    // ... and had A shot, a living prisoner would be dead (no court order, yet A's shot kills).
    const s = counterfactualQuery(m, {
      targets: "prisoner dies",
      do: { "rifleman A": "1" },
      given: { "prisoner dies": "0" },
    });
    expect(s.probability({ "prisoner dies_{rifleman A=1}": "1" })).toBe(1);
  });

  it("probabilistic: P(¬D_{¬A} | D) = q(1 − p) / [1 − (1 − p)(1 − q)] (§7.1.2)", () => {
    for (const [p, q] of [
      [0.7, 0.2],
      [0.5, 0.5],
      [0.1, 0.9],
      [0.99, 0.01],
    ] as const) {
      const m = firingSquad(p, q);
      const r = counterfactualQuery(m, {
        targets: "prisoner dies",
        do: { "rifleman A": "0" },
        given: { "prisoner dies": "1" },
      });
      const expected = (q * (1 - p)) / (1 - (1 - p) * (1 - q));
      expect(r.marginal("prisoner dies_{rifleman A=0}").get("0")).toBeCloseTo(expected, 14);
      // Abduction alone: the posterior of the court order given the death.
      const u = query(m, { targets: "court order", given: { "prisoner dies": "1" } });
      expect(u.marginal("court order").get("1")).toBeCloseTo(p / (1 - (1 - p) * (1 - q)), 14);
      // Both couplings agree: every mechanism below the roots is deterministic.
      const ind = counterfactualQuery(m, {
        targets: "prisoner dies",
        do: { "rifleman A": "0" },
        given: { "prisoner dies": "1" },
        coupling: "independent",
      });
      expect(ind.probabilities[0]).toBeCloseTo(expected, 14);
    }
  });

  it("the same squad with explicit bernoulli noise and function mechanisms", () => {
    const p = 0.3;
    const q = 0.45;
    const m = createScm({
      variables: [
        {
          name: "C",
          domain: bin,
          mechanism: {
            type: "function",
            parents: [],
            noise: ["U"],
            fn: (_, u) => u["U"] as number,
          },
        },
        {
          name: "A",
          domain: bin,
          mechanism: {
            type: "function",
            parents: ["C"],
            noise: ["W"],
            fn: (v, u) => (v["C"] as number) | (u["W"] as number),
          },
        },
        {
          name: "B",
          domain: bin,
          mechanism: { type: "function", parents: ["C"], fn: (v) => v["C"] as number },
        },
        {
          name: "D",
          domain: bin,
          mechanism: {
            type: "function",
            parents: ["A", "B"],
            fn: (v) => (v["A"] as number) | (v["B"] as number),
          },
        },
      ],
      exogenous: [
        { name: "U", distribution: { type: "bernoulli", p } },
        { name: "W", distribution: { type: "bernoulli", p: q } },
      ],
    });
    const r = counterfactualQuery(m, { targets: "D", do: { A: "0" }, given: { D: "1" } });
    expect(r.probabilities[0]).toBeCloseTo((q * (1 - p)) / (1 - (1 - p) * (1 - q)), 14);
    // Unit level: court order given, A nervous: had A not shot, B still kills.
    expect(counterfactual(m, { U: 1, W: 1 }, { A: "0" }).get("D")).toBe(1);
    expect(counterfactual(m, { U: 0, W: 1 }, { A: "0" }).get("D")).toBe(0);
  });
});

describe("probabilities of causation", () => {
  /** Exogenous X (P(x) = px) and a monotone ("no prevention") Y: P(y|x') = b, P(y|x) = 1 − (1 − a)(1 − b). */
  function monotone(px: number, a: number, b: number): Scm {
    return createScm({
      variables: [
        {
          name: "exposed?",
          domain: { type: "discrete", states: ["no", "yes"] },
          mechanism: { type: "cpt", parents: [], table: [[1 - px, px]] },
        },
        {
          name: "disease",
          domain: { type: "discrete", states: ["absent", "present"] },
          mechanism: {
            type: "cpt",
            parents: ["exposed?"],
            table: [
              [1 - b, b],
              [(1 - a) * (1 - b), 1 - (1 - a) * (1 - b)],
            ],
          },
        },
      ],
    });
  }

  it("inverse-CDF coupling = monotonicity: Tian & Pearl's identified values", () => {
    for (const [px, a, b] of [
      [0.4, 0.3, 0.1],
      [0.5, 0.8, 0.5],
      [0.1, 0.05, 0.6],
    ] as const) {
      const m = monotone(px, a, b);
      const p1 = 1 - (1 - a) * (1 - b);
      const p0 = b;
      const r = probabilitiesOfCausation(m, "exposed?", "disease");
      expect(r.treatmentState).toBe("yes");
      expect(r.controlState).toBe("no");
      expect(r.outcomeState).toBe("present");
      expect(r.pns.value).toBeCloseTo(p1 - p0, 14);
      expect(r.pn?.value).toBeCloseTo((p1 - p0) / p1, 14); // excess risk ratio
      expect(r.ps?.value).toBeCloseTo((p1 - p0) / (1 - p0), 14);
      expect(r.pns.exact).toBe(true);
    }
  });

  it("independent coupling: responses to exposure and non-exposure are independent", () => {
    const m = monotone(0.4, 0.3, 0.1);
    const p1 = 1 - 0.7 * 0.9;
    const p0 = 0.1;
    const r = probabilitiesOfCausation(m, "exposed?", "disease", { coupling: "independent" });
    expect(r.pns.value).toBeCloseTo(p1 * (1 - p0), 14);
    expect(r.pn?.value).toBeCloseTo(1 - p0, 14);
    expect(r.ps?.value).toBeCloseTo(p1, 14);
  });

  it("PN is null when P(x, y) = 0", () => {
    const m = monotone(0, 0.3, 0.1);
    const r = probabilitiesOfCausation(m, "exposed?", "disease");
    expect(r.pn).toBeNull();
    expect(r.ps?.value).toBeCloseTo((0.37 - 0.1) / 0.9, 14);
  });
});

describe("causationBounds", () => {
  it("Pearl's legal example (Causality §9.3.4): PN = 1", () => {
    // Experimental: 16/1000 deaths under treatment, 14/1000 under control.
    // Non-experimental (1000 chose treatment, 1000 did not): 2 and 28 deaths.
    const b = causationBounds({
      experimental: { treated: 16 / 1000, control: 14 / 1000 },
      observational: {
        treatedEvent: 2 / 2000,
        treatedNoEvent: 998 / 2000,
        controlEvent: 28 / 2000,
        controlNoEvent: 972 / 2000,
      },
    });
    expect(b.pn?.lower).toBeCloseTo(1, 12);
    expect(b.pn?.upper).toBe(1);
    // PNS: max{0, 0.002, 0.015 − 0.014, 0.016 − 0.015} = 0.002; min{0.016, 0.986, 0.487, 0.002 + 0.499 + 0.014} = 0.016
    expect(b.pns.lower).toBeCloseTo(0.002, 14);
    expect(b.pns.upper).toBeCloseTo(0.016, 14);
  });

  it("experimental data only", () => {
    const b = causationBounds({ experimental: { treated: 0.75, control: 0.25 } });
    expect(b.pns).toEqual({ lower: 0.5, upper: 0.75 });
    expect(b.pn).toEqual({ lower: 0, upper: 1 });
  });

  it("experimental data alone force PN = 1 when P(y_x') = 0 and PS = 1 when P(y_x) = 1", () => {
    expect(causationBounds({ experimental: { treated: 0.6, control: 0 } }).pn).toEqual({
      lower: 1,
      upper: 1,
    });
    expect(causationBounds({ experimental: { treated: 1, control: 0.3 } }).ps).toEqual({
      lower: 1,
      upper: 1,
    });
  });

  it("rejects impossible data", () => {
    const e = expectError(
      () =>
        causationBounds({
          experimental: { treated: 0.1, control: 0.2 },
          observational: {
            treatedEvent: 0.3,
            treatedNoEvent: 0.2,
            controlEvent: 0.1,
            controlNoEvent: 0.4,
          },
        }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("data");
    expectError(
      () => causationBounds({ experimental: { treated: 1.2, control: 0.2 } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});
