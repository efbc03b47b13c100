import { describe, expect, it } from "vitest";
import { gaussianDistribution } from "../../src/inference/linear-gaussian/gaussian-distribution.js";
import { doIntervention } from "../../src/interventions/do.js";
import { sample } from "../../src/sampling/sample.js";
import { createScm, type Scm } from "../../src/scm/scm.js";

// The closed forms against the sampler (an independent implementation of the same equations):
// 200 000 rows; every sample mean within 4 standard errors sqrt(σ_ii / n) of the closed-form
// mean, every sample covariance within 4·sqrt((σ_ii σ_jj + σ_ij²) / n), the large-sample
// standard deviation of a Gaussian sample covariance, computed from the closed form.

const N = 200_000;

// Four variables with non-zero noise means, a shift, and a shared exogenous variable
// ("U shared", read by "Z z" and "Y_1": correlated errors, a bidirected edge).
const model = createScm({
  variables: [
    {
      name: "Z z",
      domain: { type: "continuous" },
      mechanism: { type: "linear", parents: [], coefficients: [], intercept: 1, noise: "U shared" },
    },
    {
      name: "X",
      domain: { type: "continuous" },
      mechanism: {
        type: "linear",
        parents: ["Z z"],
        coefficients: [1.5],
        intercept: -0.5,
        noise: "U_X",
      },
    },
    {
      name: "M (mediator)",
      domain: { type: "continuous" },
      mechanism: {
        type: "shift",
        delta: 0.25,
        base: { type: "linear", parents: ["X"], coefficients: [-0.8], noise: "U_M" },
      },
    },
    {
      name: "Y_1",
      domain: { type: "continuous" },
      mechanism: {
        type: "linear",
        parents: ["M (mediator)", "X", "Z z"],
        coefficients: [2, 0.5, -1],
        intercept: 3,
        noise: "U shared",
      },
    },
  ],
  exogenous: [
    { name: "U shared", distribution: { type: "normal", mean: 0.5, sd: 1.2 } },
    { name: "U_X", distribution: { type: "normal", mean: -1, sd: 0.7 } },
    { name: "U_M", distribution: { type: "normal", mean: 0, sd: 2 } },
  ],
});

function compare(m: Scm, closed: ReturnType<typeof gaussianDistribution>, seed: number): void {
  const table = sample(m, N, { seed });
  const names = closed.variables;
  const k = names.length;
  const cols = names.map((name) => table.column(name).values as Float64Array);
  const means = cols.map((c) => {
    let s = 0;
    for (let r = 0; r < N; r++) s += c[r] ?? 0;
    return s / N;
  });
  for (let i = 0; i < k; i++) {
    const sii = closed.covariance[i * k + i] ?? 0;
    const mu = closed.mean[i] ?? 0;
    if (sii === 0) {
      // Intervened: every row holds the value.
      expect(means[i]).toBe(mu);
      continue;
    }
    expect(Math.abs((means[i] ?? 0) - mu)).toBeLessThanOrEqual(4 * Math.sqrt(sii / N));
    for (let j = 0; j <= i; j++) {
      const sjj = closed.covariance[j * k + j] ?? 0;
      if (sjj === 0) continue;
      const sij = closed.covariance[i * k + j] ?? 0;
      const ci = cols[i] as Float64Array;
      const cj = cols[j] as Float64Array;
      const mi = means[i] ?? 0;
      const mj = means[j] ?? 0;
      let s = 0;
      for (let r = 0; r < N; r++) s += ((ci[r] ?? 0) - mi) * ((cj[r] ?? 0) - mj);
      const sampleCov = s / (N - 1);
      expect(Math.abs(sampleCov - sij)).toBeLessThanOrEqual(
        4 * Math.sqrt((sii * sjj + sij * sij) / N),
      );
    }
  }
}

describe("closed forms vs forward sampling (200 000 rows)", () => {
  it("observational mean and covariance", () => {
    const closed = gaussianDistribution(model);
    expect(closed.variables).toEqual(["Z z", "X", "M (mediator)", "Y_1"]);
    compare(model, closed, 7);
  });

  it("do(X = 2) matches sampling doIntervention(model, { X: 2 })", () => {
    const closed = gaussianDistribution(model, { do: { X: 2 } });
    compare(doIntervention(model, { X: 2 }), closed, 11);
  });
});
