// Helpers shared by the benchmark scripts (bench/run.ts skips files starting with "_").
import { CausalGraph } from "causalkit/graph";
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

/**
 * A random DAG on `v0..v{n-1}` with edges from lower to higher index (the causal order);
 * "local": the lower endpoint is one of the 20 nodes before the higher one. Nodes are inserted
 * in a shuffled order, so node order does not reveal the causal order.
 */
export function randomLargeDag(
  rand: () => number,
  n: number,
  averageDegree: number,
  local = false,
): CausalGraph {
  const edgeCount = Math.round((n * averageDegree) / 2);
  const names = Array.from({ length: n }, (_, i) => `v${i}`);
  const seen = new Set<number>();
  const directed: [string, string][] = [];
  while (directed.length < edgeCount) {
    let a: number;
    let b: number;
    if (local) {
      b = 1 + Math.floor(rand() * (n - 1));
      a = b - 1 - Math.floor(rand() * Math.min(20, b));
    } else {
      a = Math.floor(rand() * n);
      b = Math.floor(rand() * n);
      if (a === b) continue;
      if (a > b) [a, b] = [b, a];
    }
    const key = a * n + b;
    if (seen.has(key)) continue;
    seen.add(key);
    directed.push([names[a] as string, names[b] as string]);
  }
  const order = [...names];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return CausalGraph.from({ nodes: order, directed });
}
