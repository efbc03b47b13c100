// Exhaustive enumeration of small DAGs and their Markov equivalence classes, checked against
// OEIS counts and against independent brute force written here (all digraphs filtered for
// acyclicity; orbits under node permutations; equivalence by skeleton + v-structures, Verma &
// Pearl 1990; the CPDAG as "edges oriented the same way in every member").
import { describe, expect, it } from "vitest";
import { enumerateDags, markovEquivalenceClasses } from "../../src/datasets/index.js";
import { InvalidArgumentError } from "../../src/errors.js";
import type { CausalGraph } from "../../src/graph/index.js";

const A003087 = [1, 1, 2, 6, 31, 302, 5984]; // unlabelled DAGs, n = 0..6
const A003024 = [1, 1, 3, 25, 543, 29281, 3781503]; // labelled DAGs, n = 0..6
const A007984 = [1, 1, 2, 11, 185, 8782]; // labelled Markov equivalence classes, n = 0..5

const letters = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(65 + i));

/** A DAG as parent bitmasks over nodes 0..n-1 (node i = i-th name). */
function parentMasks(g: CausalGraph, names: readonly string[]): number[] {
  const id = new Map(names.map((v, i) => [v, i]));
  const masks = names.map(() => 0);
  for (const [a, b] of g.directedEdges()) {
    const j = id.get(b) as number;
    masks[j] = (masks[j] as number) | (1 << (id.get(a) as number));
  }
  return masks;
}

const edgeKey = (masks: readonly number[]): string => masks.join(",");

function acyclicMasks(masks: readonly number[]): boolean {
  let remaining = (1 << masks.length) - 1;
  for (;;) {
    let removed = false;
    for (let v = 0; v < masks.length; v++) {
      if (remaining & (1 << v) && ((masks[v] as number) & remaining) === 0) {
        remaining &= ~(1 << v);
        removed = true;
      }
    }
    if (remaining === 0) return true;
    if (!removed) return false;
  }
}

/** Every labelled DAG on n nodes, by brute force over all 2^(n(n−1)) digraphs. */
function bruteForceDags(n: number): string[] {
  const arcs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) arcs.push([i, j]);
  const out: string[] = [];
  for (let code = 0; code < 2 ** arcs.length; code++) {
    const masks = new Array<number>(n).fill(0);
    arcs.forEach(([i, j], k) => {
      if (code & (1 << k)) masks[j] = (masks[j] as number) | (1 << i);
    });
    if (acyclicMasks(masks)) out.push(edgeKey(masks));
  }
  return out;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) {
    for (let k = 0; k <= p.length; k++) out.push([...p.slice(0, k), n - 1, ...p.slice(k)]);
  }
  return out;
}

/** 2^k for k < 256, as exact doubles (faster than `2 ** k` in hot loops). */
const POW2 = Float64Array.from({ length: 256 }, (_, k) => 2 ** k);

/** The arcs [from, to] of parent masks. */
function arcsOf(masks: readonly number[]): [number, number][] {
  const arcs: [number, number][] = [];
  masks.forEach((m, j) => {
    for (let i = 0; i < masks.length; i++) if (m & (1 << i)) arcs.push([i, j]);
  });
  return arcs;
}

/** Unshielded colliders a -> c <- b (a < b, not adjacent) as [c, a, b]. */
function collidersOf(masks: readonly number[]): [number, number, number][] {
  const n = masks.length;
  const adj = (a: number, b: number): boolean =>
    ((masks[b] as number) & (1 << a)) !== 0 || ((masks[a] as number) & (1 << b)) !== 0;
  const out: [number, number, number][] = [];
  for (let c = 0; c < n; c++) {
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const m = masks[c] as number;
        if (m & (1 << a) && m & (1 << b) && !adj(a, b)) out.push([c, a, b]);
      }
    }
  }
  return out;
}

/**
 * The least Verma–Pearl key (skeleton bits, then collider bits in 30-bit words) over all
 * relabellings, as a string: equal iff the Markov equivalence classes are isomorphic.
 */
function canonicalMecKey(masks: readonly number[], perms: readonly number[][]): string {
  const n = masks.length;
  const pairBit = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);
  const arcs = arcsOf(masks);
  const colliders = collidersOf(masks);
  let best: number[] | undefined;
  // Collider bits are < n³ ≤ 216: eight 30-bit words after the skeleton word.
  const key = new Array<number>(9).fill(0);
  for (const pi of perms) {
    key.fill(0);
    for (const [a, b] of arcs) {
      key[0] = (key[0] as number) + (POW2[pairBit(pi[a] as number, pi[b] as number)] as number);
    }
    for (const [c, a, b] of colliders) {
      const bit = (pi[c] as number) * n * n + pairBit(pi[a] as number, pi[b] as number);
      const w = 1 + Math.floor(bit / 30);
      key[w] = (key[w] as number) + (POW2[bit % 30] as number);
    }
    if (best === undefined || lexLess(key, best)) best = [...key];
  }
  return (best ?? []).join(":");
}

function lexLess(x: readonly number[], y: readonly number[]): boolean {
  for (let i = 0; i < x.length; i++) {
    if ((x[i] as number) !== (y[i] as number)) return (x[i] as number) < (y[i] as number);
  }
  return false;
}

/** Verma–Pearl key: skeleton and unshielded colliders. */
function mecKey(masks: readonly number[]): string {
  const n = masks.length;
  const adj = (a: number, b: number): boolean =>
    ((masks[b] as number) & (1 << a)) !== 0 || ((masks[a] as number) & (1 << b)) !== 0;
  const skeleton: number[] = [];
  const colliders: number[] = [];
  for (let b = 0; b < n; b++) {
    for (let a = 0; a < b; a++) if (adj(a, b)) skeleton.push(a * 8 + b);
    for (let a = 0; a < n; a++) {
      for (let c = a + 1; c < n; c++) {
        const m = masks[b] as number;
        if (m & (1 << a) && m & (1 << c) && !adj(a, c)) colliders.push(b * 64 + a * 8 + c);
      }
    }
  }
  return `${skeleton.sort((x, y) => x - y).join(".")}|${colliders.sort((x, y) => x - y).join(".")}`;
}

describe("enumerateDags", () => {
  it("counts unlabelled DAGs as OEIS A003087 for n = 0..6", () => {
    for (let n = 0; n <= 6; n++) expect(enumerateDags(n).length).toBe(A003087[n]);
  });

  it("counts labelled DAGs as OEIS A003024 for n = 0..4 (n = 5 below, via its classes)", () => {
    for (let n = 0; n <= 4; n++) {
      expect(enumerateDags(n, { upToIsomorphism: false }).length).toBe(A003024[n]);
    }
  });

  it("labelled DAGs are exactly the acyclic digraphs (brute force, n ≤ 4), each once", () => {
    for (let n = 0; n <= 4; n++) {
      const names = letters(n);
      const got = enumerateDags(n, { upToIsomorphism: false }).map((g) =>
        edgeKey(parentMasks(g, names)),
      );
      expect(new Set(got).size).toBe(got.length);
      expect([...got].sort()).toEqual(bruteForceDags(n).sort());
    }
  });

  it("unlabelled representatives: pairwise non-isomorphic, orbits covering every DAG (n ≤ 6)", () => {
    for (let n = 1; n <= 6; n++) {
      const names = letters(n);
      const perms = permutations(n);
      const canonical = new Set<number>();
      let orbitTotal = 0;
      for (const g of enumerateDags(n)) {
        const masks = parentMasks(g, names);
        // Representatives list nodes in a topological order.
        masks.forEach((m, j) => {
          expect(m >> j).toBe(0);
        });
        const arcs = arcsOf(masks);
        const own = arcs.reduce((c, [i, j]) => c + (POW2[i * n + j] as number), 0);
        let least = Number.POSITIVE_INFINITY;
        let automorphisms = 0;
        for (const pi of perms) {
          let code = 0;
          for (const [i, j] of arcs)
            code += POW2[(pi[i] as number) * n + (pi[j] as number)] as number;
          if (code < least) least = code;
          if (code === own) automorphisms++;
        }
        canonical.add(least);
        orbitTotal += perms.length / automorphisms;
      }
      // Distinct canonical forms: no two representatives are isomorphic. Orbit sizes n!/|Aut|
      // add up to the number of labelled DAGs: together they cover every DAG.
      expect(canonical.size).toBe(A003087[n]);
      expect(orbitTotal).toBe(A003024[n]);
    }
  }, 60_000);

  it("uses the given names, is ordered and deterministic", () => {
    const names = ["my var", "X_1", "__proto__"];
    const a = enumerateDags(3, { names });
    expect(a[0]?.toJSON()).toEqual({ nodes: names, directed: [], bidirected: [] });
    expect(a.map((g) => g.toJSON())).toEqual(enumerateDags(3, { names }).map((g) => g.toJSON()));
    expect(enumerateDags(3).map((g) => g.directedEdges())).toEqual([
      [],
      [["A", "B"]],
      [
        ["A", "B"],
        ["A", "C"],
      ],
      [
        ["A", "B"],
        ["B", "C"],
      ],
      [
        ["A", "C"],
        ["B", "C"],
      ],
      [
        ["A", "B"],
        ["A", "C"],
        ["B", "C"],
      ],
    ]);
  });

  it("rejects n out of range", () => {
    for (const [n, options] of [
      [7, {}],
      [6, { upToIsomorphism: false }],
      [-1, {}],
      [2.5, {}],
    ] as const) {
      let error: unknown;
      try {
        enumerateDags(n, options);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe("n");
    }
  });
});

describe("markovEquivalenceClasses", () => {
  it("counts labelled classes as OEIS A007984 and partitions the labelled DAGs (n ≤ 4)", () => {
    for (let n = 0; n <= 4; n++) {
      const names = letters(n);
      const classes = markovEquivalenceClasses(n);
      expect(classes.length).toBe(A007984[n]);
      // Brute-force partition by skeleton + v-structures.
      const byKey = new Map<string, string[]>();
      for (const dag of bruteForceDags(n)) {
        const masks = dag === "" ? [] : dag.split(",").map(Number);
        const k = mecKey(masks);
        byKey.set(k, [...(byKey.get(k) ?? []), dag]);
      }
      const expected = [...byKey.values()].map((members) => members.sort().join(" ")).sort();
      const got = classes
        .map((c) =>
          c.members
            .map((g) => edgeKey(parentMasks(g, names)))
            .sort()
            .join(" "),
        )
        .sort();
      expect(got).toEqual(expected);
      // The CPDAG: an edge is directed iff every member orients it the same way.
      for (const c of classes) {
        const orientations = new Map<string, Set<string>>();
        for (const g of c.members) {
          for (const [a, b] of g.directedEdges()) {
            const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
            orientations.set(pair, (orientations.get(pair) ?? new Set()).add(`${a}->${b}`));
          }
        }
        const compelled = [...orientations.values()]
          .filter((s) => s.size === 1)
          .map((s) => [...s][0]);
        const reversible = [...orientations.entries()]
          .filter(([, s]) => s.size === 2)
          .map(([p]) => p);
        expect(c.cpdag.directed.map(([a, b]) => `${a}->${b}`).sort()).toEqual(compelled.sort());
        expect(
          c.cpdag.undirected.map(([a, b]) => (a < b ? `${a}|${b}` : `${b}|${a}`)).sort(),
        ).toEqual(reversible.sort());
      }
    }
  });

  it("n = 5: 8782 classes covering the 29281 labelled DAGs once each", () => {
    const names = letters(5);
    const classes = markovEquivalenceClasses(5);
    expect(classes.length).toBe(A007984[5]);
    const all = new Set<string>();
    let total = 0;
    for (const c of classes) {
      const key = mecKey(parentMasks(c.members[0] as CausalGraph, names));
      for (const g of c.members) {
        const masks = parentMasks(g, names);
        expect(mecKey(masks)).toBe(key);
        all.add(edgeKey(masks));
        total++;
      }
    }
    expect(total).toBe(A003024[5]);
    expect(all.size).toBe(A003024[5]);
  }, 60_000);

  it("up to isomorphism: one whole class per isomorphism type (brute-force keys, n ≤ 6)", () => {
    const got: number[] = [];
    for (let n = 0; n <= 6; n++) {
      const names = letters(n);
      const perms = permutations(n);
      const expected = new Set<string>();
      for (const g of enumerateDags(n)) expected.add(canonicalMecKey(parentMasks(g, names), perms));
      const classes = markovEquivalenceClasses(n, { upToIsomorphism: true });
      got.push(classes.length);
      const listed = new Set<string>();
      for (const c of classes) {
        // A whole Markov equivalence class: one key, and as many members as brute force finds.
        const first = parentMasks(c.members[0] as CausalGraph, names);
        const key = mecKey(first);
        for (const m of c.members) expect(mecKey(parentMasks(m, names))).toBe(key);
        listed.add(canonicalMecKey(first, perms));
      }
      // Pairwise non-isomorphic, and every isomorphism type is listed.
      expect(listed.size).toBe(classes.length);
      expect([...listed].sort()).toEqual([...expected].sort());
    }
    expect(got).toEqual([1, 1, 2, 5, 20, 142, 2201]);
  }, 120_000);

  it("up to isomorphism: class sizes match brute force (n ≤ 4)", () => {
    for (let n = 1; n <= 4; n++) {
      const names = letters(n);
      const sizes = new Map<string, number>();
      for (const dag of bruteForceDags(n)) {
        const k = mecKey(dag.split(",").map(Number));
        sizes.set(k, (sizes.get(k) ?? 0) + 1);
      }
      for (const c of markovEquivalenceClasses(n, { upToIsomorphism: true })) {
        expect(c.members.length).toBe(
          sizes.get(mecKey(parentMasks(c.members[0] as CausalGraph, names))),
        );
      }
    }
  });

  it("rejects n out of range", () => {
    let error: unknown;
    try {
      markovEquivalenceClasses(6);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe("n");
  });
});
