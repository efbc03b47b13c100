// Laws of the estimand tools on random estimands over four variables (one of them ternary),
// evaluated on random strictly positive joint distributions (so every term is defined):
// - simplifyEstimand preserves the value at every assignment of the free variables, does not
//   add free variables, and is idempotent;
// - formatEstimand round-trips through the independent parser of the oracle notation;
// - jointTableDistribution and frequencyDistribution agree when the frequencies are the table.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Distribution,
  type Estimand,
  estimandEquals,
  evaluateEstimand,
  formatEstimand,
  freeVariables,
  frequencyDistribution,
  jointTableDistribution,
  probTerm,
  productTerm,
  ratioTerm,
  simplifyEstimand,
  sumTerm,
} from "../../src/identification/estimand.js";
import { mulberry32 } from "./_id-latent-model.js";
import { parseOracleEstimand } from "./_oracle-notation.js";

const VARS = ["A", "b c", "X_1", "D"];
const CARDS = [2, 3, 2, 2];

/** A probability term: each variable is absent, a target or a conditioning variable. */
const probArb: fc.Arbitrary<Estimand> = fc
  .array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 })
  .filter((roles) => roles.includes(1))
  .map((roles) =>
    probTerm(
      VARS.filter((_, i) => roles[i] === 1),
      VARS.filter((_, i) => roles[i] === 2),
    ),
  );

const subsetArb = fc.subarray(VARS, { minLength: 1, maxLength: 2 });

/**
 * A shuffled chain-rule product Π_i P(v_i | v_1..v_{i-1}, C) over a random order of some
 * variables with a random context C, so that telescoping and marginalisation apply.
 */
const chainArb: fc.Arbitrary<Estimand> = fc
  .tuple(
    fc.shuffledSubarray(VARS, { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 0, max: 3 }),
    fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 4, maxLength: 4 }),
  )
  .map(([order, contextSize, keys]) => {
    const context = order.slice(0, Math.min(contextSize, order.length - 1));
    const chain = order.slice(context.length);
    const factors = chain
      .map((v, i) => ({
        key: keys[i] as number,
        f: probTerm([v], [...context, ...chain.slice(0, i)]),
      }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.f);
    return productTerm(factors);
  });

const { estimand: estimandArb } = fc.letrec<{ estimand: Estimand }>((tie) => ({
  estimand: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: probArb, weight: 3 },
    { arbitrary: chainArb, weight: 2 },
    {
      arbitrary: fc.tuple(subsetArb, tie("estimand")).map(([over, body]) => sumTerm(over, body)),
      weight: 2,
    },
    {
      arbitrary: fc
        .array(tie("estimand"), { minLength: 2, maxLength: 3 })
        .map((fs) => productTerm(fs)),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(tie("estimand"), tie("estimand")).map(([n, d]) => ratioTerm(n, d)),
      weight: 1,
    },
  ),
}));

function randomJoint(seed: number): Distribution {
  const rng = mulberry32(seed);
  const size = CARDS.reduce((a, b) => a * b, 1);
  const p = new Float64Array(size);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    p[i] = 0.05 + rng();
    sum += p[i] as number;
  }
  for (let i = 0; i < size; i++) p[i] = (p[i] as number) / sum;
  return jointTableDistribution(VARS, CARDS, p);
}

function* assignmentsOf(vars: readonly string[]): Generator<Map<string, number>> {
  const cards = vars.map((v) => CARDS[VARS.indexOf(v)] as number);
  const state = vars.map(() => 0);
  for (;;) {
    yield new Map(vars.map((v, i) => [v, state[i] as number]));
    let j = vars.length - 1;
    while (j >= 0) {
      state[j] = (state[j] as number) + 1;
      if ((state[j] as number) < (cards[j] as number)) break;
      state[j] = 0;
      j--;
    }
    if (j < 0) return;
  }
}

const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("estimand laws", () => {
  it("simplification preserves values, free variables and is idempotent", () => {
    fc.assert(
      fc.property(estimandArb, fc.integer({ min: 1, max: 2 ** 30 }), (e, seed) => {
        const d = randomJoint(seed);
        const s = simplifyEstimand(e);
        const free = freeVariables(e);
        for (const v of freeVariables(s)) expect(free).toContain(v);
        expect(estimandEquals(simplifyEstimand(s), s)).toBe(true);
        for (const a of assignmentsOf(free)) {
          const before = evaluateEstimand(e, d, a);
          const after = evaluateEstimand(s, d, a);
          if (!close(before, after)) {
            expect.fail(`${formatEstimand(e)} -> ${formatEstimand(s)}: ${before} vs ${after}`);
          }
        }
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it("formatEstimand round-trips through the oracle-notation parser", () => {
    fc.assert(
      fc.property(estimandArb, (e) => {
        expect(estimandEquals(parseOracleEstimand(formatEstimand(e)), e)).toBe(true);
      }),
      { seed: 43, numRuns: 300 },
    );
  });

  it("frequency and joint-table distributions agree", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 1, maxLength: 40 }),
        (cells) => {
          // Rows are cells of the 2 x 3 x 2 table (A, b c, X_1), last fastest.
          const n = cells.length;
          const cols = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
          const table = new Float64Array(12);
          cells.forEach((c, r) => {
            (cols[0] as Int32Array)[r] = Math.floor(c / 6);
            (cols[1] as Int32Array)[r] = Math.floor(c / 2) % 3;
            (cols[2] as Int32Array)[r] = c % 2;
            table[c] = (table[c] as number) + 1 / n;
          });
          const vars = VARS.slice(0, 3);
          const f = frequencyDistribution(vars, [2, 3, 2], cols, n);
          const t = jointTableDistribution(vars, [2, 3, 2], table);
          for (const subset of [["A"], ["b c", "A"], ["X_1", "b c", "A"]]) {
            for (const a of assignmentsOf(subset)) {
              expect(close(f.probability(a), t.probability(a))).toBe(true);
            }
          }
        },
      ),
      { seed: 44, numRuns: 100 },
    );
  });
});
