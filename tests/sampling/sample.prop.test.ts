import fc from "fast-check";
import { describe, it } from "vitest";
import { concatTables, sample, sampleChunks, type Table } from "../../src/sampling/index.js";
import { createScm, type Scm, type VariableSpec } from "../../src/scm/index.js";

/** A random discrete SCM: ≤ 5 variables, each with ≤ 2 earlier parents, 1–4 states. */
const discreteScm: fc.Arbitrary<Scm> = fc
  .array(
    fc.record({
      states: fc.integer({ min: 1, max: 4 }),
      parentPicks: fc.array(fc.nat(), { maxLength: 2 }),
      weights: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 }), {
        minLength: 16,
        maxLength: 16,
      }),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map((raw) => {
    const names = raw.map((_, i) => (i % 2 === 0 ? `v ${i}` : `X_${i}`));
    const specs: VariableSpec[] = raw.map((r, i) => {
      const parents = [...new Set(i === 0 ? [] : r.parentPicks.map((p) => p % i))];
      let rows = 1;
      for (const p of parents) rows *= raw[p]?.states ?? 1;
      const table = Array.from({ length: rows }, (_, row) => {
        const w = (r.weights[row % 16] ?? [1]).slice(0, r.states);
        const total = w.reduce((a, b) => a + b, 0);
        return total === 0 ? w.map((_, k) => (k === 0 ? 1 : 0)) : w.map((x) => x / total);
      });
      return {
        name: names[i] ?? "",
        domain: { type: "discrete", states: Array.from({ length: r.states }, (_, k) => `s${k}`) },
        mechanism: { type: "cpt", parents: parents.map((p) => names[p] ?? ""), table },
      };
    });
    return createScm({ variables: specs });
  });

function sameTable(a: Table, b: Table): boolean {
  if (a.n !== b.n || a.names.join("\u0000") !== b.names.join("\u0000")) return false;
  for (const name of a.names) {
    const x = a.column(name).values;
    const y = b.column(name).values;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  for (const name of a.exogenousNames) {
    const x = a.exogenous(name);
    const y = b.exogenous(name);
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  }
  return true;
}

describe("sample (properties)", () => {
  it("same seed ⇒ identical table; chunked = one-shot", () => {
    fc.assert(
      fc.property(
        discreteScm,
        fc.oneof(fc.integer(), fc.string()),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 2000 }),
        (model, seed, n, chunkSize) => {
          const a = sample(model, n, { seed, includeNoise: true });
          const b = sample(model, n, { seed, includeNoise: true });
          const c = concatTables([
            ...sampleChunks(model, n, { seed, chunkSize, includeNoise: true }),
          ]);
          return sameTable(a, b) && sameTable(a, c);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });

  it("never samples a state of probability 0 given the parents", () => {
    fc.assert(
      fc.property(discreteScm, fc.integer(), (model, seed) => {
        const t = sample(model, 500, { seed });
        for (const v of model.variables) {
          const m = v.mechanism;
          if (m.type !== "cpt") return false;
          const values = t.column(v.name).values;
          const parents = m.parents.map((p) => t.column(p));
          for (let i = 0; i < t.n; i++) {
            let row = 0;
            for (const c of parents) {
              row = row * (c.kind === "discrete" ? c.states.length : 1) + (c.values[i] as number);
            }
            if (!((m.table[row]?.[values[i] as number] ?? 0) > 0)) return false;
          }
        }
        return true;
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});
