import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CausalKitError, InvalidArgumentError } from "../../src/errors.js";
import { query } from "../../src/inference/index.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import type { ExogenousVariable, Mechanism, VariableSpec } from "../../src/scm/types.js";
import { bruteForce } from "./brute-force.js";

// Random discrete SCMs (≤ 9 variables, 2–3 states) with CPT, logistic, constant and function
// mechanisms, private and shared finite noise and shared uniforms (latent confounders), and
// random queries P(targets | do, given); compared with the brute-force oracle to 1e-12.

const NAMES = ["X_1", "my var", "a-b.c", "Ü", "__proto__", "constructor", "x y z", "0", "Q?", "R!"];

interface Recipe {
  readonly n: number;
  readonly cards: number[];
  readonly edges: boolean[][];
  readonly kinds: number[]; // 0,1,2 cpt, 3 logistic, 4 function, 5 constant
  readonly weights: number[][]; // CPT weights pool
  readonly coefs: number[];
  readonly sharedUniform: number[]; // per variable: -1 private, else group id (cpt/logistic)
  readonly noiseChoice: number[]; // per function variable: which finite noise(s)
  readonly noiseProbs: number[][];
  readonly zeros: boolean;
}

const recipeArb: fc.Arbitrary<Recipe> = fc
  .record({
    n: fc.integer({ min: 1, max: 9 }),
    seedCards: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 9, maxLength: 9 }),
    edgeBits: fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }),
    density: fc.integer({ min: 0, max: 2 }),
    kinds: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 9, maxLength: 9 }),
    weights: fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 3 }), {
      minLength: 64,
      maxLength: 64,
    }),
    coefs: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 10, maxLength: 10 }),
    shared: fc.array(fc.integer({ min: -2, max: 1 }), { minLength: 9, maxLength: 9 }),
    noiseChoice: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 9, maxLength: 9 }),
    noiseProbs: fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), {
      minLength: 3,
      maxLength: 3,
    }),
    zeros: fc.boolean(),
  })
  .map((r) => {
    // keep the joint state space ≤ 3^7 so the oracle stays fast
    const cards = r.seedCards.slice(0, r.n).map((c, i) => (r.n > 7 && i % 2 === 0 ? 2 : c));
    const edges: boolean[][] = [];
    let bit = 0;
    for (let j = 0; j < r.n; j++) {
      const row: boolean[] = [];
      for (let i = 0; i < j; i++) {
        const b = r.edgeBits[bit++ % 36] as boolean;
        row.push(r.density === 0 ? b && (i + j) % 2 === 0 : r.density === 1 ? b : b || i === j - 1);
      }
      edges.push(row);
    }
    return {
      n: r.n,
      cards,
      edges,
      kinds: r.kinds.slice(0, r.n),
      weights: r.weights,
      coefs: r.coefs,
      sharedUniform: r.shared.slice(0, r.n),
      noiseChoice: r.noiseChoice.slice(0, r.n),
      noiseProbs: r.noiseProbs,
      zeros: r.zeros,
    };
  });

function buildModel(r: Recipe): Scm {
  const names = NAMES.slice(0, r.n);
  const exogenous: ExogenousVariable[] = [
    { name: "U shared 0", distribution: { type: "uniform", min: 0, max: 1 } },
    { name: "U shared 1", distribution: { type: "uniform", min: 0, max: 1 } },
    { name: "N0", distribution: { type: "bernoulli", p: 0.3 } },
  ];
  for (let j = 0; j < 3; j++) {
    const w = r.noiseProbs[j] as number[];
    const s = w.reduce((a, b) => a + b, 0);
    exogenous.push({
      name: `N${j + 1}`,
      distribution: { type: "categorical", probs: w.map((x) => x / s) },
    });
  }
  let wi = 0;
  const variables: VariableSpec[] = names.map((name, j) => {
    const k = r.cards[j] as number;
    const parents = names.filter((_, i) => (r.edges[j] as boolean[])[i]);
    const parentCards = parents.map((p) => r.cards[names.indexOf(p)] as number);
    const rows = parentCards.reduce((a, b) => a * b, 1);
    let kind = r.kinds[j] as number;
    if (kind === 3 && k !== 2) kind = 0;
    const states = Array.from({ length: k }, (_, s) => (s === 0 ? "s 0" : `state-${s}`));
    const shared = r.sharedUniform[j] as number;
    let mechanism: Mechanism;
    if (kind <= 2) {
      const table = Array.from({ length: rows }, () => {
        const w = (r.weights[wi++ % r.weights.length] as number[]).slice(0, k);
        const ws = r.zeros ? w : w.map((x) => x + 1);
        if (!ws.some((x) => x > 0)) ws[0] = 1;
        const s = ws.reduce((a, b) => a + b, 0);
        return ws.map((x) => x / s);
      });
      mechanism = {
        type: "cpt",
        parents,
        table,
        ...(shared >= 0 ? { noise: `U shared ${shared}` } : {}),
      };
    } else if (kind === 3) {
      mechanism = {
        type: "logistic",
        parents,
        coefficients: parents.map((_, i) => (r.coefs[(i + j) % 10] as number) * 0.7),
        intercept: (r.coefs[j] as number) * 0.3,
        ...(shared >= 0 ? { noise: `U shared ${shared}` } : {}),
      };
    } else if (kind === 4) {
      const c = r.noiseChoice[j] as number;
      const noise = c === 0 ? [] : c <= 3 ? [`N${c}`] : c === 4 ? ["N0", "N1"] : ["N2", "N3"];
      const a = parents.map((_, i) => r.coefs[(i + 2 * j) % 10] as number);
      mechanism = {
        type: "function",
        parents,
        noise,
        fn: (pa, u) => {
          let s = j;
          parents.forEach((p, i) => {
            s += (a[i] as number) * (pa[p] as number);
          });
          noise.forEach((x, i) => {
            s += (i + 1) * (u[x] as number);
          });
          return ((s % k) + k) % k;
        },
      };
    } else {
      mechanism = { type: "constant", value: j % k };
    }
    return { name, domain: { type: "discrete", states }, mechanism };
  });
  return createScm({ variables, exogenous });
}

const queryArb = fc.record({
  targets: fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 3 }),
  doVars: fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { maxLength: 2 }),
  givenVars: fc.uniqueArray(fc.integer({ min: 0, max: 8 }), { maxLength: 3 }),
  states: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 9, maxLength: 9 }),
  stateNames: fc.boolean(),
});

describe("query: exact against brute-force enumeration", () => {
  it("P(targets | do, given) matches the truncated factorisation summed over all states", () => {
    let checked = 0;
    let zeros = 0;
    fc.assert(
      fc.property(recipeArb, queryArb, (recipe, q) => {
        const model = buildModel(recipe);
        const names = model.variables.map((v) => v.name);
        const pick = (xs: number[]): string[] =>
          [...new Set(xs.map((x) => x % recipe.n))].map((i) => NAMES[i] as string);
        const stateOf = (name: string): number => {
          const v = model.variable(name);
          const k = v.domain.type === "discrete" ? v.domain.states.length : 1;
          return (q.states[NAMES.indexOf(name)] as number) % k;
        };
        const targets = pick(q.targets);
        const doVars = pick(q.doVars);
        const givenVars = pick(q.givenVars);
        const doValues = new Map(doVars.map((x) => [x, stateOf(x)]));
        // given on an intervened variable: sometimes agreeing, sometimes not
        const givenValues = new Map(
          givenVars.map((x) => [
            x,
            doValues.has(x) && q.stateNames ? (doValues.get(x) as number) : stateOf(x),
          ]),
        );
        const asInput = (m: Map<string, number>): [string, string | number][] =>
          [...m].map(([x, s]) => {
            const v = model.variable(x);
            return [
              x,
              q.stateNames && v.domain.type === "discrete" ? (v.domain.states[s] as string) : s,
            ];
          });
        expect(names.length).toBe(recipe.n);
        const expected = bruteForce(model, targets, doValues, givenValues);
        const run = () =>
          query(model, { targets, do: asInput(doValues), given: asInput(givenValues) });
        if (expected === "zero") {
          zeros++;
          let err: unknown;
          try {
            run();
          } catch (e) {
            err = e;
          }
          expect(err).toBeInstanceOf(InvalidArgumentError);
          expect((err as CausalKitError).code).toBe("E_INVALID_ARGUMENT");
          expect((err as InvalidArgumentError).argument).toBe("given");
          return;
        }
        const r = run();
        expect(r.targets).toEqual(targets);
        expect(r.probabilities.length).toBe(expected.length);
        for (let i = 0; i < expected.length; i++) {
          expect(Math.abs((r.probabilities[i] as number) - (expected[i] as number))).toBeLessThan(
            1e-12,
          );
        }
        checked++;
      }),
      { seed: 42, numRuns: 400 },
    );
    // the generator exercises both branches
    expect(checked).toBeGreaterThan(200);
    expect(zeros).toBeGreaterThan(5);
  });
});
