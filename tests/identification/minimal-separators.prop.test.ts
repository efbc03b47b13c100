// The algorithmic core of the adjustment-set listing in isolation: enumeration of all minimal
// restricted vertex separators of an undirected graph, against brute force over all subsets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  minimalVertexSeparators,
  type VertexSeparatorProblem,
} from "../../src/graph/_internal/minimal-vertex-separators.js";
import { subsets } from "./_brute.js";

interface RandomInstance {
  n: number;
  edges: [number, number][];
  /** 0 = absent, 1 = ordinary (not allowed), 2 = allowed, 3 = source, 4 = target */
  kind: number[];
}

/** Node kinds, weighted: mostly allowed nodes, occasional extra sources / targets. */
const KIND_POOL = [0, 1, 1, 3, 4, ...Array.from({ length: 14 }, () => 2)];

// noBias: fast-check's default bias towards small integers would make almost every graph complete.
const instanceArb: fc.Arbitrary<RandomInstance> = fc
  .noBias(fc.integer({ min: 3, max: 11 }))
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      density: fc.noBias(fc.integer({ min: 10, max: 45 })),
      pairs: fc.array(fc.noBias(fc.integer({ min: 0, max: 99 })), {
        minLength: (n * (n - 1)) / 2,
        maxLength: (n * (n - 1)) / 2,
      }),
      kind: fc.array(fc.constantFrom(...KIND_POOL), { minLength: n, maxLength: n }),
    }),
  )
  .map((r) => {
    const edges: [number, number][] = [];
    let k = 0;
    for (let a = 0; a < r.n; a++) {
      for (let b = a + 1; b < r.n; b++) if ((r.pairs[k++] ?? 100) < r.density) edges.push([a, b]);
    }
    // Make sure there is at least one source and one target.
    const kind = [...r.kind];
    kind[0] = 3;
    kind[r.n - 1] = 4;
    return { n: r.n, edges, kind };
  });

/**
 * Layered graphs (source, 2-4 layers of 1-3 nodes, target; random edges between consecutive
 * layers plus a few chords): these have many minimal separators.
 */
const layeredArb: fc.Arbitrary<RandomInstance> = fc
  .record({
    widths: fc.array(fc.noBias(fc.integer({ min: 1, max: 3 })), { minLength: 2, maxLength: 4 }),
    seedBits: fc.array(fc.noBias(fc.integer({ min: 0, max: 99 })), {
      minLength: 200,
      maxLength: 200,
    }),
    kinds: fc.array(fc.constantFrom(...KIND_POOL.filter((k) => k !== 3 && k !== 4)), {
      minLength: 12,
      maxLength: 12,
    }),
  })
  .map(({ widths, seedBits, kinds }) => {
    const layers: number[][] = [[0]];
    let next = 1;
    for (const w of widths) layers.push(Array.from({ length: w }, () => next++));
    const target = next++;
    layers.push([target]);
    const n = next;
    let k = 0;
    const bit = (p: number): boolean => (seedBits[k++ % seedBits.length] ?? 0) < p;
    const edges: [number, number][] = [];
    for (let l = 0; l + 1 < layers.length; l++) {
      for (const a of layers[l] ?? [])
        for (const b of layers[l + 1] ?? []) if (bit(65)) edges.push([a, b]);
    }
    for (let a = 1; a < target; a++) {
      for (let b = a + 1; b < target; b++) {
        if (!edges.some(([u, v]) => u === a && v === b) && bit(12)) edges.push([a, b]);
      }
    }
    const kind = Array.from({ length: n }, (_, v) =>
      v === 0 ? 3 : v === target ? 4 : (kinds[v - 1] ?? 2),
    );
    return { n, edges, kind };
  });

function toInstance(r: RandomInstance): VertexSeparatorProblem {
  const lists: number[][] = Array.from({ length: r.n }, () => []);
  for (const [a, b] of r.edges) {
    lists[a]?.push(b);
    lists[b]?.push(a);
  }
  const offsets = new Int32Array(r.n + 1);
  for (let v = 0; v < r.n; v++) offsets[v + 1] = (offsets[v] ?? 0) + (lists[v]?.length ?? 0);
  const adj = Int32Array.from(lists.flat());
  const ids = (k: number): number[] => r.kind.flatMap((c, v) => (c === k ? [v] : []));
  return {
    offsets,
    adj,
    present: Uint8Array.from(r.kind, (c) => (c === 0 ? 0 : 1)),
    allowed: Uint8Array.from(r.kind, (c) => (c === 2 ? 1 : 0)),
    sources: Int32Array.from(ids(3)),
    targets: Int32Array.from(ids(4)),
  };
}

/** Whether removing `z` disconnects sources from targets among present nodes. */
function separates(r: RandomInstance, z: number[]): boolean {
  const removed = new Set(z);
  const alive = (v: number): boolean => r.kind[v] !== 0 && !removed.has(v);
  const seen = new Set<number>();
  const stack: number[] = [];
  r.kind.forEach((c, v) => {
    if (c === 3) {
      seen.add(v);
      stack.push(v);
    }
  });
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (r.kind[v] === 4) return false;
    for (const [a, b] of r.edges) {
      const w = a === v ? b : b === v ? a : -1;
      if (w >= 0 && alive(w) && !seen.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return true;
}

function bruteMinimal(r: RandomInstance): string[] {
  const allowed = r.kind.flatMap((c, v) => (c === 2 ? [v] : []));
  const valid = subsets(allowed).filter((s) => separates(r, s));
  return valid
    .filter((s) => !valid.some((t) => t.length < s.length && t.every((v) => s.includes(v))))
    .map((s) => s.join(","))
    .sort();
}

describe("minimalVertexSeparators (restricted Takata enumeration)", () => {
  it("lists exactly the minimal restricted separators, each once, in ascending order", () => {
    fc.assert(
      fc.property(instanceArb, (r) => {
        const listed = [...minimalVertexSeparators(toInstance(r))].map((s) => Array.from(s));
        for (const s of listed) expect(s).toEqual([...s].sort((a, b) => a - b));
        const keys = listed.map((s) => s.join(","));
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.sort()).toEqual(bruteMinimal(r));
      }),
      { seed: 42, numRuns: 1500 },
    );
  });

  it("agrees with brute force on layered graphs with many minimal separators", () => {
    fc.assert(
      fc.property(layeredArb, (r) => {
        const keys = [...minimalVertexSeparators(toInstance(r))].map((s) =>
          Array.from(s).join(","),
        );
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.sort()).toEqual(bruteMinimal(r));
      }),
      { seed: 7, numRuns: 800 },
    );
  });

  it("lists nothing when a source is adjacent to a target", () => {
    const inst = toInstance({
      n: 3,
      edges: [
        [0, 1],
        [1, 2],
        [0, 2],
      ],
      kind: [3, 2, 4],
    });
    expect([...minimalVertexSeparators(inst)]).toEqual([]);
  });

  it("lists the empty separator when sources and targets are disconnected", () => {
    const inst = toInstance({ n: 3, edges: [[0, 1]], kind: [3, 2, 4] });
    expect([...minimalVertexSeparators(inst)].map((s) => Array.from(s))).toEqual([[]]);
  });

  it("passes through non-allowed nodes (they cannot be cut)", () => {
    // 0 - 1 - 2 - 3 - 4 with 1 and 3 allowed, 2 ordinary: separators {1} and {3}
    const inst = toInstance({
      n: 5,
      edges: [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ],
      kind: [3, 2, 1, 2, 4],
    });
    expect([...minimalVertexSeparators(inst)].map((s) => Array.from(s)).sort()).toEqual([[1], [3]]);
  });
});
