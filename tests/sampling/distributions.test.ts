import { describe, expect, it } from "vitest";
import { InvalidArgumentError, InvalidScmError } from "../../src/errors.js";
import { deriveRng, fillNoise } from "../../src/sampling/index.js";
import type { NoiseDistribution } from "../../src/scm/index.js";

const N = 200_000;

/** Standard normal CDF by its Taylor series Φ(x) = 1/2 + φ(x)·Σ x^(2k+1)/(2k+1)!! (|x| ≤ 8). */
function phi(x: number): number {
  if (x > 8) return 1;
  if (x < -8) return 0;
  let term = x;
  let sum = x;
  for (let k = 1; k < 500; k++) {
    term *= (x * x) / (2 * k + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return 0.5 + (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)) * sum;
}

/** Student-t CDF with 3 degrees of freedom (closed form). */
function tCdf3(t: number): number {
  const s = Math.sqrt(3);
  return 0.5 + (t / (s * (1 + (t * t) / 3)) + Math.atan(t / s)) / Math.PI;
}

function draw(dist: NoiseDistribution, seed: string, n = N): Float64Array {
  const out = new Float64Array(n);
  fillNoise(dist, deriveRng(seed, "stat"), out);
  return out;
}

function moments(x: Float64Array): { mean: number; variance: number } {
  let s = 0;
  for (const v of x) s += v;
  const mean = s / x.length;
  let ss = 0;
  for (const v of x) ss += (v - mean) ** 2;
  return { mean, variance: ss / (x.length - 1) };
}

/**
 * Checks the sample mean and variance against the true mean μ, variance σ² and fourth central
 * moment μ₄, each within 4 standard errors (SE of the variance: sqrt((μ₄ − σ⁴)/n)).
 */
function expectMoments(x: Float64Array, mean: number, variance: number, mu4: number): void {
  const n = x.length;
  const m = moments(x);
  expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
  expect(Math.abs(m.variance - variance)).toBeLessThan(4 * Math.sqrt((mu4 - variance ** 2) / n));
}

/** Checks P(X ≤ q) against p within 4 binomial standard errors. */
function expectCdf(x: Float64Array, q: number, p: number): void {
  let c = 0;
  for (const v of x) if (v <= q) c++;
  expect(Math.abs(c / x.length - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / x.length));
}

describe("fillNoise: moments within 4 standard errors (n = 200 000)", () => {
  it("normal", () => {
    expectMoments(draw({ type: "normal", mean: 0, sd: 1 }, "n1"), 0, 1, 3);
    expectMoments(draw({ type: "normal", mean: -3, sd: 2.5 }, "n2"), -3, 6.25, 3 * 6.25 ** 2);
  });

  it("uniform", () => {
    const x = draw({ type: "uniform", min: -1, max: 3 }, "u");
    expectMoments(x, 1, 16 / 12, 4 ** 4 / 80);
    expect(x.every((v) => v >= -1 && v < 3)).toBe(true);
  });

  it("bernoulli", () => {
    const p = 0.3;
    const q = 1 - p;
    const x = draw({ type: "bernoulli", p }, "b");
    expectMoments(x, p, p * q, p * q * (1 - 3 * p * q));
    expect(x.every((v) => v === 0 || v === 1)).toBe(true);
    expect(draw({ type: "bernoulli", p: 0 }, "b0", 1000).every((v) => v === 0)).toBe(true);
    expect(draw({ type: "bernoulli", p: 1 }, "b1", 1000).every((v) => v === 1)).toBe(true);
  });

  it("categorical (frequencies, and zero-probability categories never drawn)", () => {
    const probs = [0.2, 0, 0.5, 0.3, 0];
    const x = draw({ type: "categorical", probs }, "c");
    const counts = [0, 0, 0, 0, 0];
    for (const v of x) counts[v] = (counts[v] ?? 0) + 1;
    for (const [k, p] of probs.entries()) {
      expect(Math.abs((counts[k] ?? 0) / N - p)).toBeLessThanOrEqual(
        4 * Math.sqrt((p * (1 - p)) / N),
      );
    }
    expect(counts[1]).toBe(0);
    expect(counts[4]).toBe(0);
  });

  it("categorical whose probabilities sum to 1 only within the tolerance", () => {
    const x = draw({ type: "categorical", probs: [0.5, 0.4999995, 0] }, "c2");
    expect(x.every((v) => v === 0 || v === 1)).toBe(true);
  });

  it("exponential", () => {
    const rate = 2;
    const x = draw({ type: "exponential", rate }, "e");
    expectMoments(x, 1 / rate, 1 / rate ** 2, 9 / rate ** 4);
    expect(x.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
  });

  it("laplace", () => {
    const b = 0.5;
    const x = draw({ type: "laplace", location: 1, scale: b }, "l");
    expectMoments(x, 1, 2 * b * b, 24 * b ** 4);
    expectCdf(x, 1, 0.5);
    expectCdf(x, 1 - b, 0.5 * Math.exp(-1));
  });

  it("studentT (ν = 10: moments; ν = 3 and ν = 1: CDF at several points)", () => {
    const nu = 10;
    const x = draw({ type: "studentT", df: nu, location: 2, scale: 3 }, "t10");
    const variance = (9 * nu) / (nu - 2);
    const mu4 = (81 * 3 * nu * nu) / ((nu - 2) * (nu - 4));
    expectMoments(x, 2, variance, mu4);
    const t3 = draw({ type: "studentT", df: 3, location: 0, scale: 1 }, "t3");
    for (const q of [-4, -2, -1, 0, 0.5, 1, 3]) expectCdf(t3, q, tCdf3(q));
    const cauchy = draw({ type: "studentT", df: 1, location: 0, scale: 1 }, "t1");
    for (const q of [-10, -1, 0, 1, 10]) expectCdf(cauchy, q, 0.5 + Math.atan(q) / Math.PI);
    const tiny = draw({ type: "studentT", df: 0.3, location: 0, scale: 1 }, "t03", 20_000);
    expect(tiny.every((v) => Number.isFinite(v))).toBe(true);
  });
});

describe("normal ziggurat: distribution checks", () => {
  const x = draw({ type: "normal", mean: 0, sd: 1 }, "ks");

  it("empirical CDF agrees with Φ at fixed quantiles (incl. beyond the ziggurat edge R)", () => {
    for (const q of [-4, -3.6541528853610088, -3, -2, -1, -0.5, 0, 0.25, 1, 2, 3, 3.7, 4]) {
      expectCdf(x, q, phi(q));
    }
  });

  it("Kolmogorov–Smirnov distance below the 1% critical value 1.628/sqrt(n)", () => {
    const s = Float64Array.from(x).sort();
    let d = 0;
    for (let i = 0; i < s.length; i++) {
      const f = phi(s[i] as number);
      d = Math.max(d, (i + 1) / s.length - f, f - i / s.length);
    }
    expect(d).toBeLessThan(1.628 / Math.sqrt(s.length));
  });

  it("is symmetric: as many negative as positive draws within 4 SE", () => {
    let neg = 0;
    for (const v of x) if (v < 0) neg++;
    expect(Math.abs(neg / N - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / N));
  });
});

describe("fillNoise: golden streams (deriveRng(7, type), first 8 values)", () => {
  const golden = (dist: NoiseDistribution): number[] => {
    const out = new Float64Array(8);
    fillNoise(dist, deriveRng(7, dist.type), out);
    return Array.from(out);
  };

  it("pins every distribution", () => {
    expect(golden({ type: "normal", mean: 0, sd: 1 })).toEqual([
      -1.3334526746856656, -1.0557129616508583, -0.8942452019373343, -0.39980940411371996,
      0.6953669288021241, 0.3748813353109139, -1.884673240548595, -0.0807621473592385,
    ]);
    expect(golden({ type: "normal", mean: 10, sd: 2 })).toEqual([
      7.333094650628668, 7.8885740766982835, 8.211509596125332, 9.20038119177256,
      11.390733857604248, 10.749762670621827, 6.23065351890281, 9.838475705281523,
    ]);
    expect(golden({ type: "uniform", min: -1, max: 3 })).toEqual([
      0.6742683019586155, -0.9858938111712585, 1.1871148676373893, -0.29696748869373346,
      -0.3698768734456319, -0.8859713544006831, -0.3991166262062298, 1.3472072261002483,
    ]);
    expect(golden({ type: "bernoulli", p: 0.3 })).toEqual([0, 1, 1, 0, 1, 0, 0, 0]);
    expect(golden({ type: "categorical", probs: [0.2, 0.5, 0.3] })).toEqual([
      2, 1, 1, 1, 2, 2, 0, 0,
    ]);
    expect(golden({ type: "exponential", rate: 2 })).toEqual([
      0.3998210034764486, 0.2859807532274754, 0.8939417882912662, 0.21679438550609054,
      0.21323929817705936, 0.05332623019130641, 0.336395581672937, 0.5287294489293769,
    ]);
    expect(golden({ type: "laplace", location: 1, scale: 0.5 })).toEqual([
      1.2733470146929853, 1.266928374178972, 1.071741621831903, 0.29205653650425345,
      1.1245010980071264, 1.0377618179899517, 0.29578302575059967, 0.6253971544652204,
    ]);
    expect(golden({ type: "studentT", df: 3, location: 0, scale: 1 })).toEqual([
      0.7400169409023484, -0.23217763008893008, -0.4119636682376118, -2.2137332763478574,
      0.6390947189788435, -1.03048247968005, 0.8131736997059856, 0.1228605928894694,
    ]);
  });
});

describe("fillNoise: streaming and errors", () => {
  const dists: NoiseDistribution[] = [
    { type: "normal", mean: 1, sd: 2 },
    { type: "uniform", min: 0, max: 1 },
    { type: "bernoulli", p: 0.4 },
    { type: "categorical", probs: [0.1, 0.9] },
    { type: "exponential", rate: 1 },
    { type: "laplace", location: 0, scale: 1 },
    { type: "studentT", df: 2.5, location: 0, scale: 1 },
  ];

  it("filling in pieces gives exactly the values of one fill", () => {
    for (const d of dists) {
      const one = new Float64Array(5000);
      fillNoise(d, deriveRng("p", d.type), one);
      const pieces = new Float64Array(5000);
      const rng = deriveRng("p", d.type);
      for (const [a, b] of [
        [0, 1],
        [1, 777],
        [777, 777],
        [777, 4096],
        [4096, 5000],
      ] as const) {
        fillNoise(d, rng, pieces, a, b);
      }
      expect(pieces).toEqual(one);
    }
  });

  it("rejects invalid distributions (InvalidScmError) and ranges (InvalidArgumentError)", () => {
    const out = new Float64Array(4);
    const rng = deriveRng(1, "e");
    expect(() => fillNoise({ type: "normal", mean: 0, sd: -1 }, rng, out)).toThrow(InvalidScmError);
    expect(() => fillNoise({ type: "categorical", probs: [0.5, 0.6] }, rng, out)).toThrow(
      InvalidScmError,
    );
    expect(() => fillNoise({ type: "nope" } as unknown as NoiseDistribution, rng, out)).toThrow(
      InvalidScmError,
    );
    expect(() => fillNoise({ type: "uniform", min: 0, max: 1 }, rng, out, 0, 5)).toThrow(
      InvalidArgumentError,
    );
  });
});
