import fc from "fast-check";
import { inverse, Matrix, pseudoInverse } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { gaussianDistribution } from "../../src/inference/linear-gaussian/gaussian-distribution.js";
import { linearGaussianForm } from "../../src/inference/linear-gaussian/linear-gaussian-form.js";
import {
  pathCoefficientSum,
  totalEffect,
} from "../../src/inference/linear-gaussian/total-effect.js";
import { createScm, type Scm } from "../../src/scm/scm.js";
import type { VariableSpec } from "../../src/scm/types.js";

// Random linear-Gaussian models, and an independent dense oracle built from the generated
// parameters (not from the library): T = inverse(I − B) with ml-matrix, mean = T(c + μ),
// covariance = T Σ_ε Tᵀ, conditioning by the textbook formulas with an explicit inverse.

/** A double in [min, max] without −0 (the library need not preserve the sign of zero). */
const num = (min: number, max: number): fc.Arbitrary<number> =>
  fc.double({ min, max, noNaN: true }).map((v) => v + 0);

const NAMES = ["a b", "X_1", "y.z (1)", "α", "my var", "Q-7", "n/8", "last one"];

interface Generated {
  readonly model: Scm;
  /** In generation order i = 0..n−1 (a topological order). */
  readonly names: readonly string[];
  readonly b: number[][];
  readonly c: number[];
  readonly errorMean: number[];
  readonly errorCov: number[][];
}

function arbModel(shared: boolean): fc.Arbitrary<Generated> {
  return fc
    .integer({ min: 1, max: 7 })
    .chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(fc.boolean(), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        }),
        coefs: fc.array(num(-2, 2), {
          minLength: (n * (n - 1)) / 2,
          maxLength: (n * (n - 1)) / 2,
        }),
        intercepts: fc.array(num(-3, 3), { minLength: n, maxLength: n }),
        pool: fc.array(fc.record({ mean: num(-1, 1), sd: num(0.2, 2) }), {
          minLength: n,
          maxLength: n,
        }),
        pick: fc.array(fc.nat({ max: shared ? Math.max(0, Math.ceil(n / 2) - 1) : 0 }), {
          minLength: n,
          maxLength: n,
        }),
      }),
    )
    .map(({ n, edges, coefs, intercepts, pool, pick }) => {
      const names = NAMES.slice(0, n);
      const b = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      const specs: VariableSpec[] = [];
      let k = 0;
      const noiseOf = (i: number): number => (shared ? (pick[i] ?? 0) : i);
      for (let i = 0; i < n; i++) {
        const parents: string[] = [];
        const coefficients: number[] = [];
        for (let j = 0; j < i; j++, k++) {
          if (edges[k]) {
            parents.push(names[j] as string);
            coefficients.push(coefs[k] as number);
            (b[i] as number[])[j] = coefs[k] as number;
          }
        }
        specs.push({
          name: names[i] as string,
          domain: { type: "continuous" },
          mechanism: {
            type: "linear",
            parents,
            coefficients,
            intercept: intercepts[i] as number,
            noise: `U ${noiseOf(i)}`,
          },
        });
      }
      const used = [...new Set(Array.from({ length: n }, (_, i) => noiseOf(i)))];
      const model = createScm({
        // Reversed: the model must sort them back.
        variables: [...specs].reverse(),
        exogenous: used.map((u) => ({
          name: `U ${u}`,
          distribution: { type: "normal", mean: pool[u]?.mean ?? 0, sd: pool[u]?.sd ?? 1 },
        })),
      });
      const errorMean = Array.from({ length: n }, (_, i) => pool[noiseOf(i)]?.mean ?? 0);
      const errorCov = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) =>
          noiseOf(i) === noiseOf(j) ? (pool[noiseOf(i)]?.sd ?? 1) ** 2 : 0,
        ),
      );
      return { model, names, b, c: intercepts, errorMean, errorCov };
    });
}

function oracle(g: Generated): { t: Matrix; mean: number[]; cov: Matrix } {
  const n = g.names.length;
  const iMinusB = Matrix.eye(n).sub(new Matrix(g.b));
  const t = inverse(iMinusB);
  const mean = t
    .mmul(Matrix.columnVector(g.c.map((c, i) => c + (g.errorMean[i] ?? 0))))
    .to1DArray();
  const cov = t.mmul(new Matrix(g.errorCov)).mmul(t.transpose());
  return { t, mean, cov };
}

const near = (actual: number, expected: number, scale: number): boolean =>
  Math.abs(actual - expected) <= 1e-9 * Math.max(1, scale, Math.abs(expected));

/** Library index of each generated variable (the model may order ties differently). */
const positions = (g: Generated, variables: readonly string[]): number[] =>
  g.names.map((name) => variables.indexOf(name));

describe("linear-Gaussian closed forms vs a dense oracle", () => {
  it("linearGaussianForm reproduces the generated B, c, μ_ε, Σ_ε", () => {
    fc.assert(
      fc.property(arbModel(true), (g) => {
        const f = linearGaussianForm(g.model);
        const n = g.names.length;
        const pos = positions(g, f.variables);
        for (let i = 0; i < n; i++) {
          const pi = pos[i] as number;
          expect(f.intercept[pi]).toBe(g.c[i]);
          expect(f.errorMean[pi]).toBe(g.errorMean[i]);
          for (let j = 0; j < n; j++) {
            const pj = pos[j] as number;
            expect(f.coefficients[pi * n + pj]).toBe(g.b[i]?.[j]);
            expect(f.errorCovariance[pi * n + pj]).toBe(g.errorCov[i]?.[j]);
          }
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("observational mean and covariance equal (I − B)⁻¹(c + μ_ε) and T Σ_ε Tᵀ", () => {
    fc.assert(
      fc.property(arbModel(true), (g) => {
        const d = gaussianDistribution(g.model);
        const o = oracle(g);
        const n = g.names.length;
        const pos = positions(g, d.variables);
        for (let i = 0; i < n; i++) {
          const pi = pos[i] as number;
          expect(near(d.mean[pi] ?? Number.NaN, o.mean[i] ?? 0, 1)).toBe(true);
          for (let j = 0; j < n; j++) {
            const pj = pos[j] as number;
            const scale = Math.sqrt(o.cov.get(i, i) * o.cov.get(j, j));
            expect(near(d.covariance[pi * n + pj] ?? Number.NaN, o.cov.get(i, j), scale)).toBe(
              true,
            );
          }
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("totalEffect = [(I − B)⁻¹]_YX = pathCoefficientSum (Wright 1934)", () => {
    fc.assert(
      fc.property(arbModel(true), fc.nat(), fc.nat(), (g, a, b) => {
        const n = g.names.length;
        const x = a % n;
        const y = b % n;
        const X = g.names[x] as string;
        const Y = g.names[y] as string;
        const te = totalEffect(g.model, X, Y);
        const paths = pathCoefficientSum(g.model, X, Y);
        const dense = oracle(g).t.get(y, x);
        expect(Math.abs(te - paths)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(paths)));
        expect(Math.abs(te - dense)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(dense)));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it("under do(X = x) every other mean is intercept + μ_ε + B-row · means, with X's mean x", () => {
    fc.assert(
      fc.property(arbModel(true), fc.nat(), num(-5, 5), (g, a, value) => {
        const n = g.names.length;
        const x = a % n;
        const d = gaussianDistribution(g.model, { do: { [g.names[x] as string]: value } });
        const mean = (i: number): number => d.marginal(g.names[i] as string).mean;
        expect(d.marginal(g.names[x] as string)).toEqual({ mean: value, variance: 0 });
        for (let i = 0; i < n; i++) {
          if (i === x) continue;
          let expected = (g.c[i] ?? 0) + (g.errorMean[i] ?? 0);
          for (let j = 0; j < i; j++) expected += (g.b[i]?.[j] ?? 0) * mean(j);
          expect(near(mean(i), expected, 1)).toBe(true);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

/** Textbook conditioning with an explicit (pseudo-)inverse: the independent oracle. */
function conditionOracle(
  mean: number[],
  cov: Matrix,
  evidence: readonly number[],
  values: readonly number[],
  pinv: boolean,
): { mean: number[]; cov: Matrix } {
  const n = mean.length;
  const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !evidence.includes(i));
  const sEE = cov.selection([...evidence], [...evidence]);
  const sAE = cov.selection(rest, [...evidence]);
  const sEEinv = pinv ? pseudoInverse(sEE) : inverse(sEE);
  const k = sAE.mmul(sEEinv);
  const diff = Matrix.columnVector(evidence.map((e, r) => (values[r] ?? 0) - (mean[e] ?? 0)));
  const shift = k.mmul(diff).to1DArray();
  const condCov = cov.selection(rest, rest).sub(k.mmul(sAE.transpose()));
  const outMean = [...mean];
  const outCov = Matrix.zeros(n, n);
  evidence.forEach((e, r) => {
    outMean[e] = values[r] ?? 0;
  });
  rest.forEach((i, r) => {
    outMean[i] = (mean[i] ?? 0) + (shift[r] ?? 0);
    rest.forEach((j, s) => {
      outCov.set(i, j, condCov.get(r, s));
    });
  });
  return { mean: outMean, cov: outCov };
}

function checkConditional(g: Generated, evidence: number[], values: number[], pinv: boolean): void {
  const n = g.names.length;
  const o = oracle(g);
  const expected = conditionOracle(o.mean, o.cov, evidence, values, pinv);
  const given: Record<string, number> = {};
  evidence.forEach((e, r) => {
    given[g.names[e] as string] = values[r] as number;
  });
  const d = gaussianDistribution(g.model, { given });
  const pos = positions(g, d.variables);
  for (let i = 0; i < n; i++) {
    const pi = pos[i] as number;
    const scale = Math.sqrt(o.cov.get(i, i));
    expect(
      near(d.mean[pi] ?? Number.NaN, expected.mean[i] ?? 0, scale + Math.abs(o.mean[i] ?? 0)),
    ).toBe(true);
    for (let j = 0; j < n; j++) {
      const pj = pos[j] as number;
      const s2 = Math.sqrt(o.cov.get(i, i) * o.cov.get(j, j));
      expect(near(d.covariance[pi * n + pj] ?? Number.NaN, expected.cov.get(i, j), s2)).toBe(true);
    }
  }
}

describe("conditional Gaussian vs explicit formulas", () => {
  const arbEvidence = (shared: boolean) =>
    arbModel(shared).chain((g) =>
      fc.record({
        g: fc.constant(g),
        subset: fc.subarray(
          Array.from({ length: g.names.length }, (_, i) => i),
          { minLength: 1 },
        ),
        raw: fc.array(num(-3, 3), {
          minLength: g.names.length,
          maxLength: g.names.length,
        }),
      }),
    );

  it("independent errors: Σ_EE is positive definite, any evidence values", () => {
    fc.assert(
      fc.property(arbEvidence(false), ({ g, subset, raw }) => {
        const o = oracle(g);
        // Evidence at mean + raw·sd (typical values).
        const values = subset.map(
          (e, r) => (o.mean[e] ?? 0) + (raw[r] ?? 0) * Math.sqrt(o.cov.get(e, e)),
        );
        checkConditional(g, subset, values, false);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("shared errors: possibly singular Σ_EE, consistent evidence, pseudo-inverse oracle", () => {
    fc.assert(
      fc.property(arbEvidence(true), ({ g, subset, raw }) => {
        const o = oracle(g);
        // x_E = μ_E + Σ_EE v lies in the support of X_E even when Σ_EE is singular.
        const sEE = o.cov.selection(subset, subset);
        const v = Matrix.columnVector(subset.map((_, r) => (raw[r] ?? 0) / 4));
        const offset = sEE.mmul(v).to1DArray();
        const values = subset.map((e, r) => (o.mean[e] ?? 0) + (offset[r] ?? 0));
        checkConditional(g, subset, values, true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
