// Random discrete SCMs for the counterfactual property tests, built deterministically from an
// integer seed (so fast-check only has to generate seeds and sizes).
import fc from "fast-check";
import { createScm, type Scm } from "../../src/scm/index.js";
import type { ExogenousVariable, VariableSpec } from "../../src/scm/types.js";

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["A", "my var", "X_1", "c.d", "E", "F", "G", "H"];
const BIN = ["no", "yes"];
const TER = ["lo", "mid", "hi"];

/** Options of {@link randomDiscreteScm}. */
export interface RandomScmOptions {
  /** Number of variables. */
  readonly n: number;
  /** Allow cpt mechanisms sharing one uniform (latent confounders). */
  readonly sharedNoise: boolean;
  /** Allow function mechanisms with bernoulli noise. */
  readonly functions: boolean;
  /** Largest number of parents. */
  readonly maxParents?: number;
  /** Allow ternary variables. */
  readonly ternary?: boolean;
}

/** A random discrete SCM: cpt, logistic, function (bernoulli noise) and shared-uniform cpts. */
export function randomDiscreteScm(seed: number, o: RandomScmOptions): Scm {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const variables: VariableSpec[] = [];
  const exogenous: ExogenousVariable[] = [];
  const cptNoise: string[] = [];
  const states: number[] = [];
  for (let i = 0; i < o.n; i++) {
    const name = NAMES[i] as string;
    const k = o.ternary !== false && rnd() < 0.3 ? 3 : 2;
    states.push(k);
    const candidates = Array.from({ length: i }, (_, j) => j).filter(() => rnd() < 0.5);
    const parents = candidates.slice(0, o.maxParents ?? 2).map((j) => NAMES[j] as string);
    const domain = { type: "discrete" as const, states: k === 2 ? BIN : TER };
    const kind = rnd();
    const allBinaryParents = parents.every((p) => states[NAMES.indexOf(p)] === 2);
    if (k === 2 && kind < 0.2) {
      variables.push({
        name,
        domain,
        mechanism: {
          type: "logistic",
          parents,
          intercept: int(-2, 2) * 0.7,
          coefficients: parents.map(() => int(-2, 2) * 0.9),
        },
      });
      continue;
    }
    if (o.functions && k === 2 && allBinaryParents && kind < 0.35) {
      const noise = `N ${name}`;
      exogenous.push({
        name: noise,
        distribution: { type: "bernoulli", p: [0.2, 0.5, 0.7][int(0, 2)] as number },
      });
      const ps = [...parents];
      variables.push({
        name,
        domain,
        mechanism: {
          type: "function",
          parents: ps,
          noise: [noise],
          fn: (p, u) => {
            let s = u[noise] as number;
            for (const q of ps) s += p[q] as number;
            return s % 2;
          },
        },
      });
      continue;
    }
    let rows = 1;
    for (const p of parents) rows *= states[NAMES.indexOf(p)] as number;
    const shrink = rnd() < 0.2 ? 1 - 5e-7 : 1;
    const table = Array.from({ length: rows }, () => {
      const w = Array.from({ length: k }, () => int(0, 4));
      if (!w.some((x) => x > 0)) w[int(0, k - 1)] = 1;
      const total = w.reduce((a, b) => a + b, 0);
      return w.map((x) => (x / total) * shrink);
    });
    let noise: string;
    if (o.sharedNoise && cptNoise.length > 0 && kind > 0.75) {
      noise = cptNoise[int(0, cptNoise.length - 1)] as string;
    } else {
      noise = `S ${name}`;
      exogenous.push({ name: noise, distribution: { type: "uniform", min: 0, max: 1 } });
      cptNoise.push(noise);
    }
    variables.push({ name, domain, mechanism: { type: "cpt", parents, table, noise } });
  }
  return createScm({ variables, exogenous });
}

/** Arbitrary (seed, size) pairs. */
export function modelSeeds(min: number, max: number): fc.Arbitrary<{ seed: number; n: number }> {
  return fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), n: fc.integer({ min, max }) });
}

const tri = { type: "discrete" as const, states: ["a", "b", "c"] };
const bin2 = { type: "discrete" as const, states: ["no", "yes"] };

/**
 * A discrete model with a confounder W of X, M and Y, a mediator M and an outcome Y; with
 * `confoundedMY`, also a mediator–outcome confounder L that X affects (X → L → M, L → Y).
 */
export function discreteMediation(seed: number, confoundedMY: boolean): Scm {
  const rnd = mulberry32(seed);
  const row = (k: number): number[] => {
    const w = Array.from({ length: k }, () => rnd() + 0.02);
    const s = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / s);
  };
  const rows = (n: number, k: number): number[][] => Array.from({ length: n }, () => row(k));
  const variables: VariableSpec[] = [
    { name: "W", domain: tri, mechanism: { type: "cpt", parents: [], table: rows(1, 3) } },
    { name: "X", domain: bin2, mechanism: { type: "cpt", parents: ["W"], table: rows(3, 2) } },
    { name: "L", domain: bin2, mechanism: { type: "cpt", parents: ["X"], table: rows(2, 2) } },
    {
      name: "M",
      domain: tri,
      mechanism: {
        type: "cpt",
        parents: confoundedMY ? ["W", "X", "L"] : ["W", "X"],
        table: rows(confoundedMY ? 12 : 6, 3),
      },
    },
    {
      name: "Y",
      domain: bin2,
      mechanism: {
        type: "cpt",
        parents: confoundedMY ? ["W", "X", "M", "L"] : ["W", "X", "M"],
        table: rows(confoundedMY ? 36 : 18, 2),
      },
    },
  ];
  return createScm({ variables });
}
