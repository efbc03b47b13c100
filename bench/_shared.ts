// Helpers shared by the benchmark scripts (bench/run.ts skips files starting with "_").
import { createScm, type Scm, type VariableSpec } from "causalkit/scm";

/** mulberry32: a small, fast, seeded 32-bit PRNG returning floats in [0, 1). */
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

/** A random binary model on n variables `V0..V(n-1)`, each with up to 3 earlier parents. */
export function randomBinaryModel(n: number, seed: number): Scm {
  const rand = mulberry32(seed);
  const names = Array.from({ length: n }, (_, i) => `V${i}`);
  const variables: VariableSpec[] = names.map((name, j) => {
    const parents = names
      .slice(0, j)
      .filter(() => rand() < 3 / Math.max(3, j))
      .slice(0, 3);
    const rows = Array.from({ length: 2 ** parents.length }, () => {
      const p = 0.05 + 0.9 * rand();
      return [1 - p, p];
    });
    return {
      name,
      domain: { type: "discrete", states: ["0", "1"] },
      mechanism: { type: "cpt", parents, table: rows },
    };
  });
  return createScm({ variables });
}
