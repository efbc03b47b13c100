import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { gaussianDistribution } from "../../src/inference/linear-gaussian/gaussian-distribution.js";
import { isLinearGaussian } from "../../src/inference/linear-gaussian/is-linear-gaussian.js";
import { linearGaussianForm } from "../../src/inference/linear-gaussian/linear-gaussian-form.js";
import {
  pathCoefficientSum,
  totalEffect,
} from "../../src/inference/linear-gaussian/total-effect.js";
import { createScm } from "../../src/scm/scm.js";

// Hand-derived example (names with spaces and punctuation on purpose):
//   Z = 1 + U_Z,                U_Z ~ N(0, 1)
//   X = 2·Z + u x,              u x ~ N(0, 2²)
//   Y = −1 + 3·X − Z + U_Y,     U_Y ~ N(0, 1)
// So Y = −1 + 5·Z + 3·(u x) + U_Y and
//   E = (Z 1, X 2, Y 4); Var Z = 1, Var X = 4 + 4 = 8, Var Y = 25 + 9·4 + 1 = 62;
//   Cov(X, Z) = 2, Cov(Y, Z) = 5, Cov(Y, X) = Cov(5Z + 3u, 2Z + u) = 10 + 12 = 22.
const Z = "age (years)";
const X = "X_1";
const Y = "my var";
const example = createScm({
  // Listed out of order: the model sorts them topologically (Z, X, Y).
  variables: [
    {
      name: Y,
      domain: { type: "continuous" },
      mechanism: { type: "linear", parents: [X, Z], coefficients: [3, -1], intercept: -1 },
    },
    {
      name: X,
      domain: { type: "continuous" },
      mechanism: { type: "linear", parents: [Z], coefficients: [2], noise: "u x" },
    },
    {
      name: Z,
      domain: { type: "continuous" },
      mechanism: { type: "linear", parents: [], coefficients: [], intercept: 1 },
    },
  ],
  exogenous: [{ name: "u x", distribution: { type: "normal", mean: 0, sd: 2 } }],
});

const close = (actual: number, expected: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
};

describe("linearGaussianForm", () => {
  it("reads B (row = equation, column = parent), c, and the error moments", () => {
    const f = linearGaussianForm(example);
    expect(f.variables).toEqual([Z, X, Y]);
    expect([...f.coefficients]).toEqual([0, 0, 0, 2, 0, 0, -1, 3, 0]);
    expect([...f.intercept]).toEqual([1, 0, -1]);
    expect(f.noise).toEqual(["U_age (years)", "u x", "U_my var"]);
    expect([...f.errorMean]).toEqual([0, 0, 0]);
    expect([...f.errorCovariance]).toEqual([1, 0, 0, 0, 4, 0, 0, 0, 1]);
  });

  it("gives a shared exogenous variable as correlated errors and adds shift deltas", () => {
    const m = createScm({
      variables: [
        {
          name: "A",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: [], coefficients: [], noise: "U s" },
        },
        {
          name: "B",
          domain: { type: "continuous" },
          mechanism: {
            type: "shift",
            delta: 2,
            base: {
              type: "linear",
              parents: ["A"],
              coefficients: [1],
              intercept: 0.5,
              noise: "U s",
            },
          },
        },
        { name: "C", domain: { type: "continuous" }, mechanism: { type: "constant", value: 7 } },
      ],
      exogenous: [{ name: "U s", distribution: { type: "normal", mean: 0.5, sd: 3 } }],
    });
    const f = linearGaussianForm(m);
    expect(f.variables).toEqual(["A", "B", "C"]);
    expect([...f.intercept]).toEqual([0, 2.5, 7]);
    expect(f.noise).toEqual(["U s", "U s", null]);
    expect([...f.errorMean]).toEqual([0.5, 0.5, 0]);
    expect([...f.errorCovariance]).toEqual([9, 9, 0, 9, 9, 0, 0, 0, 0]);
  });
});

describe("gaussianDistribution", () => {
  it("observational mean and covariance match the hand derivation", () => {
    const d = gaussianDistribution(example);
    expect(d.variables).toEqual([Z, X, Y]);
    for (const [i, v] of [1, 2, 4].entries()) close(d.mean[i] ?? Number.NaN, v);
    for (const [i, v] of [1, 2, 5, 2, 8, 22, 5, 22, 62].entries()) {
      close(d.covariance[i] ?? Number.NaN, v);
    }
    expect(d.marginal(Y)).toEqual({ mean: 4, variance: 62 });
    expect(d.covarianceOf(Y, X)).toBe(22);
  });

  it("do(X = 1) replaces X's equation by a constant", () => {
    // Y = −1 + 3·1 − Z + U_Y = 2 − Z + U_Y: mean 1, variance 2, Cov(Y, Z) = −1.
    const d = gaussianDistribution(example, { do: { [X]: 1 } });
    expect(d.marginal(Z)).toEqual({ mean: 1, variance: 1 });
    expect(d.marginal(X)).toEqual({ mean: 1, variance: 0 });
    expect(d.marginal(Y)).toEqual({ mean: 1, variance: 2 });
    expect(d.covarianceOf(Y, Z)).toBe(-1);
    expect(d.covarianceOf(Y, X)).toBe(0);
  });

  it("conditions on evidence with the Gaussian formulas", () => {
    // Given X = 4: E[Z|X] = 1 + (2/8)(4 − 2) = 1.5, Var = 1 − 4/8 = 0.5;
    // E[Y|X] = 4 + (22/8)·2 = 9.5, Var = 62 − 22²/8 = 1.5; Cov(Y, Z | X) = 5 − 22·2/8 = −0.5.
    const d = gaussianDistribution(example, { given: { [X]: 4 } });
    close(d.marginal(Z).mean, 1.5);
    close(d.marginal(Z).variance, 0.5);
    close(d.marginal(Y).mean, 9.5);
    close(d.marginal(Y).variance, 1.5);
    close(d.covarianceOf(Y, Z), -0.5);
    expect(d.marginal(X)).toEqual({ mean: 4, variance: 0 });
    expect(d.covarianceOf(X, Y)).toBe(0);
    // Given Y = 0: E[Z|Y] = 1 + (5/62)(0 − 4), Var = 1 − 25/62.
    const e = gaussianDistribution(example, { given: { [Y]: 0 } });
    close(e.marginal(Z).mean, 1 - 20 / 62);
    close(e.marginal(Z).variance, 1 - 25 / 62);
  });

  it("combines do and given (conditioning in the intervened model)", () => {
    // do(X = 1), Z = 0: Y = 2 + U_Y.
    const d = gaussianDistribution(example, { do: { [X]: 1 }, given: { [Z]: 0 } });
    close(d.marginal(Y).mean, 2);
    close(d.marginal(Y).variance, 1);
    // Evidence on the intervened variable that agrees with it changes nothing.
    const same = gaussianDistribution(example, { do: { [X]: 1 }, given: { [X]: 1 } });
    expect([...same.mean]).toEqual([...gaussianDistribution(example, { do: { [X]: 1 } }).mean]);
  });

  it("rejects evidence contradicting an intervened variable", () => {
    const call = () => gaussianDistribution(example, { do: { [X]: 1 }, given: { [X]: 2 } });
    expect(call).toThrow(InvalidArgumentError);
    try {
      call();
    } catch (e) {
      expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
      expect((e as InvalidArgumentError).argument).toBe(X);
    }
  });

  describe("shared exogenous variable (correlated errors)", () => {
    // A = U, B = A + U = 2U, D = −A + U = 0 exactly; U ~ N(0.5, 1).
    const shared = createScm({
      variables: [
        {
          name: "A",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: [], coefficients: [], noise: "U" },
        },
        {
          name: "B",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: ["A"], coefficients: [1], noise: "U" },
        },
        {
          name: "D",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: ["A"], coefficients: [-1], noise: "U" },
        },
      ],
      exogenous: [{ name: "U", distribution: { type: "normal", mean: 0.5, sd: 1 } }],
    });

    it("has the covariance A Σ_U Aᵀ pushed through (I − B)⁻¹", () => {
      expect(isLinearGaussian(shared)).toBe(true);
      const d = gaussianDistribution(shared);
      expect([...d.mean]).toEqual([0.5, 1, 0]);
      expect([...d.covariance]).toEqual([1, 2, 0, 2, 4, 0, 0, 0, 0]);
    });

    it("handles evidence that determines other variables (singular Σ_EE)", () => {
      const d = gaussianDistribution(shared, { given: { A: 1.5 } });
      close(d.marginal("B").mean, 3);
      expect(d.marginal("B").variance).toBeLessThanOrEqual(1e-12);
      const both = gaussianDistribution(shared, { given: { A: 1.5, B: 3, D: 0 } });
      expect([...both.mean]).toEqual([1.5, 3, 0]);
      expect([...both.covariance]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    });

    it("rejects impossible evidence with a typed error", () => {
      for (const given of [{ A: 1.5, B: 3.1 }, { B: 3.1, A: 1.5 }, { D: 0.25 }]) {
        try {
          gaussianDistribution(shared, { given });
          expect.unreachable();
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidArgumentError);
          expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
        }
      }
    });
  });

  it("rejects unknown names and non-finite values", () => {
    expect(() => gaussianDistribution(example, { do: { nope: 1 } })).toThrow(UnknownNodeError);
    expect(() => gaussianDistribution(example, { given: { nope: 1 } })).toThrow(UnknownNodeError);
    expect(() => gaussianDistribution(example, { given: { [X]: Number.NaN } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => gaussianDistribution(example, { do: { [X]: Number.POSITIVE_INFINITY } })).toThrow(
      InvalidArgumentError,
    );
    expect(() => gaussianDistribution(example).marginal("nope")).toThrow(UnknownNodeError);
    expect(() => gaussianDistribution(example).covarianceOf(X, "nope")).toThrow(UnknownNodeError);
  });
});

describe("qualification", () => {
  const mixed = createScm({
    variables: [
      {
        name: "S",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: [], coefficients: [] },
      },
      {
        name: "T x",
        domain: { type: "continuous" },
        mechanism: { type: "function", parents: ["S"], fn: ({ S = 0 }) => S ** 2 },
      },
      {
        name: "W",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: ["T x"], coefficients: [2], noise: "U_W" },
      },
      {
        name: "V",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: ["W"], coefficients: [0.5], noise: "U_V" },
      },
    ],
    exogenous: [
      { name: "U_W", distribution: { type: "normal", mean: 0, sd: 1 } },
      { name: "U_V", distribution: { type: "uniform", min: -1, max: 1 } },
    ],
  });

  it("names the first non-linear variable", () => {
    expect(isLinearGaussian(mixed)).toBe(false);
    expect(isLinearGaussian(example)).toBe(true);
    for (const call of [() => gaussianDistribution(mixed), () => linearGaussianForm(mixed)]) {
      try {
        call();
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
        expect((e as InvalidArgumentError).argument).toBe("T x");
      }
    }
  });

  it("does not check intervened variables; non-normal noise is named next", () => {
    try {
      gaussianDistribution(mixed, { do: { "T x": 1 } });
      expect.unreachable();
    } catch (e) {
      expect((e as InvalidArgumentError).argument).toBe("V");
    }
    const d = gaussianDistribution(mixed, { do: { "T x": 1, V: 3 } });
    expect(d.marginal("W")).toEqual({ mean: 2, variance: 1 });
    expect(d.marginal("V")).toEqual({ mean: 3, variance: 0 });
  });

  it("total effects need linear mechanisms but any noise", () => {
    expect(totalEffect(mixed, "T x", "V")).toBe(1);
    expect(pathCoefficientSum(mixed, "T x", "V")).toBe(1);
    expect(totalEffect(mixed, "W", "V")).toBe(0.5);
    try {
      totalEffect(mixed, "S", "V");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).argument).toBe("T x");
    }
  });
});

describe("totalEffect and pathCoefficientSum", () => {
  it("match the hand derivation", () => {
    // Z → Y directly (−1) and through X (2·3): 5.
    expect(totalEffect(example, Z, Y)).toBe(5);
    expect(pathCoefficientSum(example, Z, Y)).toBe(5);
    expect(totalEffect(example, X, Y)).toBe(3);
    expect(totalEffect(example, Z, X)).toBe(2);
    expect(totalEffect(example, Y, X)).toBe(0);
    expect(pathCoefficientSum(example, Y, Z)).toBe(0);
    expect(totalEffect(example, Y, Y)).toBe(1);
    expect(pathCoefficientSum(example, Y, Y)).toBe(1);
  });

  it("is the slope of E[Y | do(X = x)]", () => {
    const at = (x: number): number =>
      gaussianDistribution(example, { do: { [Z]: x } }).marginal(Y).mean;
    close(at(1.5) - at(0.5), totalEffect(example, Z, Y));
  });

  it("rejects unknown variables and a bad maxPaths", () => {
    expect(() => totalEffect(example, "nope", Y)).toThrow(UnknownNodeError);
    expect(() => pathCoefficientSum(example, X, "nope")).toThrow(UnknownNodeError);
    expect(() => pathCoefficientSum(example, X, Y, 0)).toThrow(InvalidArgumentError);
    // Z → Y has two paths.
    expect(() => pathCoefficientSum(example, Z, Y, 1)).toThrow(InvalidArgumentError);
  });
});
