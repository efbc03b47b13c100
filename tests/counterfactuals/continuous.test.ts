import { describe, expect, it } from "vitest";
import {
  counterfactualEstimate,
  counterfactualGaussian,
  counterfactualQuery,
} from "../../src/counterfactuals/index.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import { expectError } from "../helpers/errors.js";

const real = { type: "continuous" } as const;
const bin = { type: "discrete", states: ["no", "yes"] } as const;

/** Z → X → Y, Z → Y, all linear with N(0, σ²) noise. */
function linear(): Scm {
  return createScm({
    variables: [
      {
        name: "Z",
        domain: real,
        mechanism: { type: "linear", parents: [], coefficients: [], intercept: 1 },
      },
      {
        name: "X",
        domain: real,
        mechanism: { type: "linear", parents: ["Z"], coefficients: [0.8] },
      },
      {
        name: "my Y",
        domain: real,
        mechanism: {
          type: "linear",
          parents: ["X", "Z"],
          coefficients: [2, -1],
          intercept: 0.5,
          noise: "noise Y",
        },
      },
    ],
    exogenous: [{ name: "noise Y", distribution: { type: "normal", mean: 0, sd: 0.5 } }],
  });
}

describe("counterfactualGaussian (linear-Gaussian closed form)", () => {
  it("fully observed unit: Y_x = y + β(x − x₀), variance 0", () => {
    const m = linear();
    const d = counterfactualGaussian(m, {
      targets: "my Y",
      do: { X: 3 },
      given: { Z: 0.2, X: 1, "my Y": 1.7 },
    });
    expect(d.targets).toEqual(["my Y_{X=3}"]);
    expect(d.marginal("my Y_{X=3}").mean).toBeCloseTo(1.7 + 2 * (3 - 1), 12);
    expect(d.marginal("my Y_{X=3}").variance).toBeCloseTo(0, 12);
  });

  it("partial evidence: E[Y_x | X = x₀] by hand", () => {
    // Z ~ N(1, 1), X = 0.8 Z + U_X (U_X ~ N(0,1)), Y = 0.5 + 2X − Z + U_Y (sd 0.5).
    // Given X = x₀: E[Z | x₀] = 1 + 0.8(x₀ − 0.8)/1.64, Var(Z | x₀) = 1 − 0.64/1.64.
    // Y_x = 0.5 + 2x − Z + U_Y with U_Y independent of X: mean 0.5 + 2x − E[Z | x₀],
    // variance Var(Z | x₀) + 0.25.
    const m = linear();
    const x0 = 2;
    const d = counterfactualGaussian(m, {
      targets: ["my Y", { variable: "my Y" }],
      do: { X: -1 },
      given: { X: x0 },
    });
    const ez = 1 + (0.8 * (x0 - 0.8)) / 1.64;
    const vz = 1 - 0.64 / 1.64;
    expect(d.marginal("my Y_{X=-1}").mean).toBeCloseTo(0.5 - 2 - ez, 12);
    expect(d.marginal("my Y_{X=-1}").variance).toBeCloseTo(vz + 0.25, 12);
    // Factual Y given X = x₀, and the covariance of the two worlds (shared Z and U_Y).
    expect(d.marginal("my Y").mean).toBeCloseTo(0.5 + 2 * x0 - ez, 12);
    expect(d.covariance[1]).toBeCloseTo(vz + 0.25, 12);
  });

  it("importance sampling agrees within 4 standard errors", () => {
    const m = linear();
    const exact = counterfactualGaussian(m, {
      targets: "my Y",
      do: { X: -1 },
      given: { X: 2 },
    }).marginal("my Y_{X=-1}");
    const e = counterfactualEstimate(m, {
      targets: "my Y",
      do: { X: -1 },
      given: { X: 2 },
      samples: 40_000,
      seed: 3,
    });
    expect(e.exact).toBe(false);
    expect(Math.abs(e.estimate - exact.mean)).toBeLessThan(4 * e.standardError);
    expect(e.effectiveSampleSize).toBeGreaterThan(1000);
    expect(e.effectiveSampleSize).toBeLessThan(40_000);
    const v = counterfactualEstimate(m, {
      targets: "my Y",
      do: { X: -1 },
      given: { X: 2 },
      samples: 40_000,
      seed: 3,
      fn: (y) => ((y[0] as number) - exact.mean) ** 2,
    });
    expect(Math.abs(v.estimate - exact.variance)).toBeLessThan(4 * v.standardError);
  });

  it("rejects non-linear models", () => {
    const m = createScm({
      variables: [
        { name: "X", domain: real, mechanism: { type: "linear", parents: [], coefficients: [] } },
        { name: "Y", domain: real, mechanism: { type: "expression", expression: "X^2 + U_Y" } },
      ],
      exogenous: [{ name: "U_Y", distribution: { type: "normal", mean: 0, sd: 1 } }],
    });
    const e = expectError(
      () => counterfactualGaussian(m, { targets: "Y", do: { X: 1 } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("Y");
  });
});

describe("counterfactualEstimate (importance sampling over the exogenous posterior)", () => {
  it("nonlinear additive noise with a confounder: E[Y_{x} | X = x₀] = x² + E[Z | x₀] = x² + x₀/2", () => {
    const m = createScm({
      variables: [
        { name: "Z", domain: real, mechanism: { type: "linear", parents: [], coefficients: [] } },
        {
          name: "X",
          domain: real,
          mechanism: { type: "linear", parents: ["Z"], coefficients: [1] },
        },
        { name: "Y", domain: real, mechanism: { type: "expression", expression: "X^2 + Z + U_Y" } },
      ],
      exogenous: [
        { name: "U_Y", distribution: { type: "studentT", df: 5, location: 0, scale: 1 } },
      ],
    });
    for (const [x, x0] of [
      [0, 1],
      [2, -1.5],
    ] as const) {
      const e = counterfactualEstimate(m, {
        targets: "Y",
        do: { X: x },
        given: { X: x0 },
        samples: 30_000,
        seed: `${x}`,
      });
      expect(Math.abs(e.estimate - (x * x + x0 / 2))).toBeLessThan(4 * e.standardError);
    }
    // Fully observed: the noise is determined and Y_x − Y = x² − x₀² for every sampled unit.
    const d = counterfactualEstimate(m, {
      targets: ["Y", { variable: "Y" }],
      do: { X: 2 },
      given: { Z: 0.3, X: -1, Y: 1.1 },
      samples: 2000,
      fn: (v) => (v[0] as number) - (v[1] as number),
    });
    expect(d.estimate).toBeCloseTo(4 - 1, 12);
    expect(d.standardError).toBeLessThan(1e-12);
  });

  it("discrete evidence in a mixed model; agrees with the exact answer on a discrete model", () => {
    const m = createScm({
      variables: [
        { name: "Z", domain: bin, mechanism: { type: "cpt", parents: [], table: [[0.3, 0.7]] } },
        {
          name: "X",
          domain: bin,
          mechanism: { type: "logistic", parents: ["Z"], coefficients: [1.2], intercept: -0.4 },
        },
        {
          name: "Y",
          domain: bin,
          mechanism: {
            type: "cpt",
            parents: ["Z", "X"],
            table: [
              [0.9, 0.1],
              [0.5, 0.5],
              [0.6, 0.4],
              [0.2, 0.8],
            ],
          },
        },
      ],
    });
    for (const coupling of ["inverse-cdf", "independent"] as const) {
      const exact = counterfactualQuery(m, {
        targets: "Y",
        do: { X: "no" },
        given: { X: "yes", Y: "yes" },
        coupling,
      })
        .marginal("Y_{X=no}")
        .get("yes") as number;
      const e = counterfactualEstimate(m, {
        targets: "Y",
        do: { X: "no" },
        given: { X: "yes", Y: "yes" },
        samples: 40_000,
        seed: 1,
        coupling,
      });
      expect(Math.abs(e.estimate - exact)).toBeLessThan(4 * e.standardError);
      expect(e.standardError).toBeGreaterThan(0);
    }
  });

  it("rejects evidence it cannot condition on, and impossible evidence", () => {
    const shared = createScm({
      variables: [
        {
          name: "A",
          domain: real,
          mechanism: { type: "linear", parents: [], coefficients: [], noise: "L" },
        },
        {
          name: "B",
          domain: real,
          mechanism: { type: "linear", parents: ["A"], coefficients: [1], noise: "L" },
        },
      ],
      exogenous: [{ name: "L", distribution: { type: "normal", mean: 0, sd: 1 } }],
    });
    const e = expectError(
      () => counterfactualEstimate(shared, { targets: "B", do: { A: 0 }, given: { A: 1 } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("A");
    const m = createScm({
      variables: [
        { name: "X", domain: bin, mechanism: { type: "cpt", parents: [], table: [[1, 0]] } },
        {
          name: "Y",
          domain: real,
          mechanism: { type: "linear", parents: ["X"], coefficients: [1] },
        },
      ],
    });
    const z = expectError(
      () =>
        counterfactualEstimate(m, {
          targets: "Y",
          do: { X: "no" },
          given: { X: "yes" },
          samples: 100,
        }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((z as InvalidArgumentError).argument).toBe("given");
    expectError(
      () => counterfactualEstimate(m, { targets: ["Y", "X"], samples: 100 }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => counterfactualEstimate(m, { targets: "Y", samples: 1 }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });

  it("is reproducible with the same seed", () => {
    const m = linear();
    const a = counterfactualEstimate(m, {
      targets: "my Y",
      do: { X: 0 },
      given: { X: 1 },
      samples: 5000,
      seed: "s",
    });
    const b = counterfactualEstimate(m, {
      targets: "my Y",
      do: { X: 0 },
      given: { X: 1 },
      samples: 5000,
      seed: "s",
    });
    expect(a).toEqual(b);
  });
});
