import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DimensionError, InvalidArgumentError } from "../../src/errors.js";
import {
  eliminationOrder,
  Factor,
  FactorTooLargeError,
  factorProduct,
  variableElimination,
} from "../../src/inference/index.js";
import { expectError } from "../helpers/errors.js";

/** Value of a factor at a full assignment (variable → state), read with explicit strides. */
function at(f: Factor, a: ReadonlyMap<number, number>): number {
  let idx = 0;
  for (let i = 0; i < f.variables.length; i++) {
    idx = idx * (f.cardinalities[i] as number) + (a.get(f.variables[i] as number) as number);
  }
  return f.values[idx] as number;
}

/** Every assignment of the given variables (last fastest). */
function* assignments(vars: number[], cards: Map<number, number>): Generator<Map<number, number>> {
  const total = vars.reduce((x, v) => x * (cards.get(v) as number), 1);
  for (let code = 0; code < total; code++) {
    const a = new Map<number, number>();
    let r = code;
    for (let i = vars.length - 1; i >= 0; i--) {
      const c = cards.get(vars[i] as number) as number;
      a.set(vars[i] as number, r % c);
      r = Math.floor(r / c);
    }
    yield a;
  }
}

describe("Factor", () => {
  const pA = new Factor([0], [2], [0.3, 0.7]);
  const pBgivenA = new Factor([0, 1], [2, 2], [0.9, 0.1, 0.2, 0.8]);

  it("product, sumOut, reduce, normalize, permute on a two-variable example", () => {
    const joint = pA.product(pBgivenA);
    expect(Array.from(joint.variables)).toEqual([0, 1]);
    expect(Array.from(joint.values)).toEqual([0.3 * 0.9, 0.3 * 0.1, 0.7 * 0.2, 0.7 * 0.8]);
    const pB = joint.sumOut(0);
    expect(Array.from(pB.variables)).toEqual([1]);
    expect(pB.values[0]).toBeCloseTo(0.41, 15);
    expect(pB.values[1]).toBeCloseTo(0.59, 15);
    const reduced = joint.reduce(new Map([[1, 1]]));
    expect(Array.from(reduced.variables)).toEqual([0]);
    expect(Array.from(reduced.values)).toEqual([0.3 * 0.1, 0.7 * 0.8]);
    const post = reduced.normalize();
    expect(post.sum()).toBeCloseTo(1, 15);
    expect(post.values[1]).toBeCloseTo(0.56 / 0.59, 15);
    const swapped = joint.permute([1, 0]);
    expect(Array.from(swapped.variables)).toEqual([1, 0]);
    expect(Array.from(swapped.values)).toEqual([
      joint.values[0],
      joint.values[2],
      joint.values[1],
      joint.values[3],
    ]);
    expect(factorProduct([pA, pBgivenA], 0).values[0]).toBeCloseTo(0.41, 15);
    // operands unchanged
    expect(Array.from(pA.values)).toEqual([0.3, 0.7]);
    expect(pA.size).toBe(2);
    expect(pBgivenA.indexOf(1)).toBe(1);
    expect(pBgivenA.indexOf(7)).toBe(-1);
  });

  it("scalars", () => {
    const s = new Factor([], [], [2]);
    expect(s.size).toBe(1);
    expect(Array.from(s.product(pA).values)).toEqual([0.6, 1.4]);
    expect(pA.sumOut([0]).values[0]).toBeCloseTo(1, 15);
    expect(pA.sumOut(5)).toBe(pA);
  });

  it("rejects bad shapes", () => {
    expectError(
      () => new Factor([0, 0], [2, 2], [1, 1, 1, 1]),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(() => new Factor([0], [0], []), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => new Factor([-1], [2], [1, 1]), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => new Factor([0], [2], [1, 1, 1]), DimensionError, "E_DIMENSION");
    expectError(() => new Factor([0, 1], [2], [1, 1]), DimensionError, "E_DIMENSION");
    expectError(() => pA.product(new Factor([0], [3], [1, 1, 1])), DimensionError, "E_DIMENSION");
    expectError(() => factorProduct([]), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => pA.reduce(new Map([[0, 2]])), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(
      () => new Factor([0], [2], [0, 0]).normalize(),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(() => pBgivenA.permute([0]), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => pBgivenA.permute([0, 0]), InvalidArgumentError, "E_INVALID_ARGUMENT");
  });
});

// Random factor sets over ≤ 6 variables: the fused product / sum-out and variable elimination
// agree with the definitions evaluated cell by cell.
const factorSetArb = fc
  .record({
    cards: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 6, maxLength: 6 }),
    scopes: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), {
      minLength: 1,
      maxLength: 5,
    }),
    values: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 400, maxLength: 400 }),
    keep: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
  })
  .map(({ cards, scopes, values, keep }) => {
    let k = 0;
    const factors = scopes.map((scope) => {
      const c = scope.map((v) => cards[v] as number);
      const size = c.reduce((a, b) => a * b, 1);
      const vals = Array.from({ length: size }, () => (values[k++ % values.length] as number) / 7);
      return new Factor(scope, c, vals);
    });
    const present = new Set(scopes.flat());
    return { cards, factors, keep: keep.filter((v) => present.has(v)) };
  });

describe("factor algebra and variable elimination against the definitions", () => {
  it("factorProduct with and without sum-out, and variableElimination", () => {
    fc.assert(
      fc.property(factorSetArb, ({ cards, factors, keep }) => {
        const cardMap = new Map(cards.map((c, v) => [v, c]));
        const all = [...new Set(factors.flatMap((f) => Array.from(f.variables)))];
        // product
        const prod = factorProduct(factors);
        expect(new Set(prod.variables)).toEqual(new Set(all));
        for (const a of assignments(all, cardMap)) {
          const expected = factors.reduce((p, f) => p * at(f, a), 1);
          expect(at(prod, a)).toBeCloseTo(expected, 12);
        }
        // fused sum-out of the first variable
        if (all.length > 0) {
          const v = all[0] as number;
          const fused = factorProduct(factors, v);
          const separate = prod.sumOut(v);
          expect(Array.from(fused.variables).sort()).toEqual(Array.from(separate.variables).sort());
          const rest = all.filter((x) => x !== v);
          for (const a of assignments(rest, cardMap)) {
            expect(at(fused, a)).toBeCloseTo(at(separate, a), 12);
          }
        }
        // variable elimination: Σ over the others of the product
        const ve = variableElimination(factors, keep);
        expect(Array.from(ve.variables)).toEqual(keep);
        for (const a of assignments(keep, cardMap)) {
          let s = 0;
          for (const b of assignments(all, cardMap)) {
            if (keep.every((x) => b.get(x) === a.get(x)))
              s += factors.reduce((p, f) => p * at(f, b), 1);
          }
          expect(Math.abs(at(ve, a) - s)).toBeLessThan(1e-9 * Math.max(1, s));
        }
        // the plan eliminates every other variable exactly once
        const plan = eliminationOrder(factors, keep);
        expect([...plan.order].sort()).toEqual(all.filter((x) => !keep.includes(x)).sort());
        expect(plan.largestFactorSize).toBeGreaterThanOrEqual(1);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("variableElimination checks its arguments and the size limit", () => {
    const f = new Factor([0, 1, 2], [4, 4, 4], new Float64Array(64).fill(1));
    expectError(
      () => variableElimination([f], [0], { maxFactorSize: 16 }),
      FactorTooLargeError,
      "E_FACTOR_TOO_LARGE",
    );
    expect(variableElimination([f], [0], { maxFactorSize: 64 }).values[0]).toBe(16);
    expectError(() => variableElimination([f], [3]), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => variableElimination([f], [0, 0]), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expect(variableElimination([], []).values[0]).toBe(1);
  });

  it("weighted min-fill eliminates the leaves of a chain first", () => {
    // chain 0 - 1 - 2 - 3 - 4: eliminating an end adds no fill; eliminating 2 first would
    const chain = [0, 1, 2, 3].map((i) => new Factor([i, i + 1], [2, 2], [1, 1, 1, 1]));
    const plan = eliminationOrder(chain, []);
    expect(plan.order[0]).toBe(0);
    expect(plan.largestFactorSize).toBe(4);
  });
});
