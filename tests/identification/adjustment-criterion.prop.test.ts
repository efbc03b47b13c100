// The adjustment criterion and the functions built on it (minimal, minimum and optimal sets) on
// random DAGs with latent nodes and random ADMGs, against brute force: all subsets, checked by a
// literal path-enumeration form of Shpitser, VanderWeele & Robins' criterion (./_brute.ts),
// which shares nothing with the production code (no proper back-door graph, no moral graph).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { latentProjection } from "../../src/graph/latent-projection.js";
import {
  adjustmentForbiddenNodes,
  adjustmentSets,
  findMinimalAdjustmentSet,
  findMinimumAdjustmentSet,
  isAdjustmentSet,
  isBackdoorAdjustmentSet,
  listMinimalAdjustmentSets,
  optimalAdjustmentSet,
} from "../../src/identification/index.js";
import { queryArb, type RandomQuery, toCausalGraph } from "./_arbitraries.js";
import {
  bruteAdjustmentCriterion,
  bruteBackdoor,
  bruteDescendants,
  bruteMinimalSets,
  bruteOptimalSet,
  brutePathAdjustment,
  bruteProperCausalNodes,
  subsets,
} from "./_brute.js";

const RICH_NAMES = ["A", "X_1", "my var", "__proto__", "b c", "Y", "é", "t-1", "0", "z.z"];

/**
 * Queries that favour several minimal sets: the causal order is the node order, the last 1-2
 * nodes are Y, the node just before them is an exposure (so X has many ancestors), plus up to
 * two more exposures earlier; sparse-to-medium density; about 10% latent, 5% include, 5%
 * exclude nodes; with `bidirected`, about 5% of the pairs get a bidirected edge.
 */
function richQueryArb(n: number, bidirected: boolean): fc.Arbitrary<RandomQuery> {
  const pairs = (n * (n - 1)) / 2;
  const pct = fc.integer({ min: 0, max: 99 });
  return fc
    .record({
      names: fc.shuffledSubarray(RICH_NAMES, { minLength: n, maxLength: n }),
      density: fc.integer({ min: 22, max: 45 }),
      edges: fc.array(pct, { minLength: pairs, maxLength: pairs }),
      bidi: fc.array(pct, { minLength: pairs, maxLength: pairs }),
      xCount: fc.constantFrom(1, 1, 1, 2, 2, 3),
      xPick: fc.array(pct, { minLength: 3, maxLength: 3 }),
      yCount: fc.integer({ min: 1, max: 2 }),
      roles: fc.array(pct, { minLength: n, maxLength: n }),
    })
    .map((r) => {
      const names = r.names;
      const directed: [string, string][] = [];
      const bi: [string, string][] = [];
      let k = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          if ((r.edges[k] ?? 100) < r.density)
            directed.push([names[i] as string, names[j] as string]);
          if (bidirected && (r.bidi[k] ?? 100) < 5)
            bi.push([names[i] as string, names[j] as string]);
          k++;
        }
      }
      const Y = names.slice(n - r.yCount);
      const xs = new Set<number>([n - r.yCount - 1]);
      for (let i = 1; i < r.xCount; i++) xs.add(2 + ((r.xPick[i] ?? 0) % (n - r.yCount - 3)));
      const X = [...xs].sort((a, b) => a - b).map((i) => names[i] as string);
      const latent: string[] = [];
      const include: string[] = [];
      const exclude: string[] = [];
      names.forEach((v, i) => {
        if (X.includes(v) || Y.includes(v)) return;
        const role = r.roles[i] ?? 0;
        if (role < 10) latent.push(v);
        else if (role < 15) include.push(v);
        else if (role < 20) exclude.push(v);
      });
      return { graph: { nodes: names, directed, bidirected: bi, latent }, X, Y, include, exclude };
    });
}

/** Observed nodes outside X ∪ Y ∪ exclude: the nodes an adjustment set may use. */
function candidates(q: RandomQuery): string[] {
  const out = new Set([...q.X, ...q.Y, ...q.exclude, ...q.graph.latent]);
  return q.graph.nodes.filter((v) => !out.has(v));
}

/** Every valid set (under the path-form criterion) with include ⊆ Z ⊆ candidates. */
function allValid(q: RandomQuery, valid: (Z: readonly string[]) => boolean): string[][] {
  const free = candidates(q).filter((v) => !q.include.includes(v));
  return subsets(free)
    .map((s) => [...q.include, ...s])
    .filter((s) => valid(s));
}

describe("isAdjustmentSet against the path form of the criterion", () => {
  it("DAGs with latent nodes: every subset", () => {
    fc.assert(
      fc.property(queryArb(8, false, false), (q) => {
        const g = toCausalGraph(q.graph);
        const valid = brutePathAdjustment(q.graph, q.X, q.Y);
        for (const Z of subsets(candidates(q))) {
          const expected = valid(Z);
          expect(isAdjustmentSet(g, q.X, q.Y, Z)).toBe(expected);
          // The separation form used by dagitty (brute force, moralisation) agrees.
          expect(bruteAdjustmentCriterion(q.graph, q.X, q.Y, Z)).toBe(expected);
        }
      }),
      { seed: 101, numRuns: 250 },
    );
  });

  it("ADMGs (bidirected edges) with latent nodes: every subset", () => {
    fc.assert(
      fc.property(queryArb(7, true, false), (q) => {
        const g = toCausalGraph(q.graph);
        const valid = brutePathAdjustment(q.graph, q.X, q.Y);
        for (const Z of subsets(candidates(q))) {
          expect(isAdjustmentSet(g, q.X, q.Y, Z)).toBe(valid(Z));
        }
      }),
      { seed: 102, numRuns: 250 },
    );
  });

  it("back-door = adjustment criterion and no descendant of X", () => {
    fc.assert(
      fc.property(queryArb(8, true, false), (q) => {
        const g = toCausalGraph(q.graph);
        const de = bruteDescendants(q.graph, q.X);
        for (const Z of subsets(candidates(q))) {
          const backdoor = isBackdoorAdjustmentSet(g, q.X, q.Y, Z);
          expect(backdoor).toBe(bruteBackdoor(q.graph, q.X, q.Y, Z));
          expect(backdoor).toBe(isAdjustmentSet(g, q.X, q.Y, Z) && !Z.some((v) => de.has(v)));
        }
      }),
      { seed: 103, numRuns: 200 },
    );
  });

  it("a DAG with latent nodes and its latent projection (an ADMG) give the same verdicts", () => {
    fc.assert(
      fc.property(queryArb(8, false, false), (q) => {
        const g = toCausalGraph(q.graph);
        const projected = latentProjection(g);
        for (const Z of subsets(candidates(q))) {
          expect(isAdjustmentSet(projected, q.X, q.Y, Z)).toBe(isAdjustmentSet(g, q.X, q.Y, Z));
        }
        expect(adjustmentSets(projected, q.X, q.Y)).toEqual(adjustmentSets(g, q.X, q.Y));
      }),
      { seed: 104, numRuns: 200 },
    );
  });

  it("adjustmentForbiddenNodes = De(cn(X, Y)) \\ X, and no valid set meets it", () => {
    fc.assert(
      fc.property(queryArb(8, true, false), (q) => {
        const g = toCausalGraph(q.graph);
        const forbidden = adjustmentForbiddenNodes(g, q.X, q.Y);
        const de = bruteDescendants(q.graph, bruteProperCausalNodes(q.graph, q.X, q.Y));
        expect(forbidden).toEqual(q.graph.nodes.filter((v) => de.has(v) && !q.X.includes(v)));
        const valid = brutePathAdjustment(q.graph, q.X, q.Y);
        for (const Z of subsets(candidates(q))) {
          if (Z.some((v) => forbidden.includes(v))) expect(valid(Z)).toBe(false);
        }
      }),
      { seed: 105, numRuns: 150 },
    );
  });
});

function checkMinimalListing(q: RandomQuery): void {
  const g = toCausalGraph(q.graph);
  const options = { include: q.include, exclude: q.exclude };
  const valid = brutePathAdjustment(q.graph, q.X, q.Y);
  const expected = bruteMinimalSets(candidates(q), q.include, valid, q.graph.nodes);
  const listed = adjustmentSets(g, q.X, q.Y, options);
  expect(listed).toEqual(expected);
  expect(adjustmentSets(g, q.X, q.Y, { ...options, criterion: "adjustment" })).toEqual(listed);
  const lazy = [...listMinimalAdjustmentSets(g, q.X, q.Y, options)];
  expect(new Set(lazy.map((s) => JSON.stringify(s))).size).toBe(lazy.length);
  expect(lazy.length).toBe(listed.length);
  for (const Z of lazy) expect(listed).toContainEqual(Z);
  const one = findMinimalAdjustmentSet(g, q.X, q.Y, options);
  if (expected.length === 0) expect(one).toBeNull();
  else expect(listed).toContainEqual(one);
  // The back-door criterion: its minimal sets are the minimal sets of the family "adjustment
  // set without a descendant of X" (closed under subsets, so minimality carries over).
  const de = bruteDescendants(q.graph, q.X);
  const backdoorExpected = bruteMinimalSets(
    candidates(q).filter((v) => !de.has(v) || q.include.includes(v)),
    q.include,
    (Z) => valid(Z) && !Z.some((v) => de.has(v)),
    q.graph.nodes,
  );
  expect(adjustmentSets(g, q.X, q.Y, { ...options, criterion: "backdoor" })).toEqual(
    backdoorExpected,
  );
  // For one exposure and no forced nodes the two lists coincide.
  if (q.X.length === 1 && q.include.length === 0) expect(backdoorExpected).toEqual(expected);
}

describe("minimal adjustment sets (default criterion) against brute force", () => {
  it("DAGs with latent nodes, with include / exclude", () => {
    fc.assert(fc.property(queryArb(8, false, true), checkMinimalListing), {
      seed: 111,
      numRuns: 300,
    });
  });

  it("ADMGs with latent nodes, with include / exclude", () => {
    fc.assert(fc.property(queryArb(7, true, true), checkMinimalListing), {
      seed: 112,
      numRuns: 250,
    });
  });

  it("richer queries (several minimal sets, several exposures): DAGs and ADMGs", () => {
    fc.assert(fc.property(richQueryArb(9, false), checkMinimalListing), {
      seed: 114,
      numRuns: 250,
    });
    fc.assert(fc.property(richQueryArb(8, true), checkMinimalListing), {
      seed: 115,
      numRuns: 200,
    });
  });

  it("10-node DAGs (separation-form brute force), no options", () => {
    fc.assert(
      fc.property(queryArb(10, false, false), (q) => {
        const g = toCausalGraph(q.graph);
        const expected = bruteMinimalSets(
          candidates(q),
          [],
          (Z) => bruteAdjustmentCriterion(q.graph, q.X, q.Y, Z),
          q.graph.nodes,
        );
        expect(adjustmentSets(g, q.X, q.Y)).toEqual(expected);
      }),
      { seed: 113, numRuns: 150 },
    );
  });
});

/** Integer costs 1..4 from a seed-independent hash of the node name. */
function costOf(v: string, salt: number): number {
  let h = salt;
  for (let i = 0; i < v.length; i++) h = (h * 31 + v.charCodeAt(i)) % 1009;
  return 1 + (h % 4);
}

function checkMinimum(q: RandomQuery, salt: number): void {
  const g = toCausalGraph(q.graph);
  const valid = brutePathAdjustment(q.graph, q.X, q.Y);
  const all = allValid(q, valid);
  for (const criterion of ["adjustment", "backdoor"] as const) {
    const de = bruteDescendants(q.graph, q.X);
    const family = criterion === "adjustment" ? all : all.filter((Z) => !Z.some((v) => de.has(v)));
    const options = { include: q.include, exclude: q.exclude, criterion };
    const found = findMinimumAdjustmentSet(g, q.X, q.Y, options);
    if (family.length === 0) {
      expect(found).toBeNull();
      continue;
    }
    expect(found).not.toBeNull();
    const Z = found ?? [];
    expect(family.some((s) => s.length === Z.length && s.every((v) => Z.includes(v)))).toBe(true);
    expect(Z.length).toBe(Math.min(...family.map((s) => s.length)));
    // Inclusion-minimal relative to include.
    for (const v of Z) {
      if (q.include.includes(v)) continue;
      expect(valid(Z.filter((w) => w !== v))).toBe(false);
    }
    // Minimum cost with node costs.
    const costs = new Map(q.graph.nodes.map((v) => [v, costOf(v, salt)]));
    const cost = (s: readonly string[]): number =>
      s.filter((v) => !q.include.includes(v)).reduce((a, v) => a + (costs.get(v) ?? 1), 0);
    const cheap = findMinimumAdjustmentSet(g, q.X, q.Y, { ...options, costs });
    expect(cheap).not.toBeNull();
    const C = cheap ?? [];
    expect(family.some((s) => s.length === C.length && s.every((v) => C.includes(v)))).toBe(true);
    expect(cost(C)).toBe(Math.min(...family.map(cost)));
  }
}

describe("findMinimumAdjustmentSet against brute force", () => {
  it("DAGs with latent nodes, with include / exclude, unit and integer costs", () => {
    fc.assert(fc.property(queryArb(8, false, true), fc.nat(1000), checkMinimum), {
      seed: 121,
      numRuns: 250,
    });
  });

  it("ADMGs with latent nodes, with include / exclude", () => {
    fc.assert(fc.property(queryArb(7, true, true), fc.nat(1000), checkMinimum), {
      seed: 122,
      numRuns: 200,
    });
  });
});

describe("optimalAdjustmentSet (DAGs) against brute force", () => {
  it("valid whenever a valid set exists; equals pa(cn) \\ forb; null iff no valid set", () => {
    let checked = 0;
    fc.assert(
      fc.property(queryArb(9, false, false), (q) => {
        const g = toCausalGraph(q.graph);
        const de = bruteDescendants(q.graph, q.X);
        const inX = new Set(q.X);
        // The paper's assumption: every outcome is a (proper) descendant of X.
        const reachable = bruteDescendants(
          { ...q.graph, directed: q.graph.directed.filter(([, b]) => !inX.has(b)) },
          q.X,
        );
        if (!q.Y.every((y) => de.has(y) && reachable.has(y))) {
          expect(() => optimalAdjustmentSet(g, q.X, q.Y)).toThrow();
          return;
        }
        const valid = brutePathAdjustment(q.graph, q.X, q.Y);
        const anyValid = allValid({ ...q, include: [], exclude: [] }, valid).length > 0;
        const expected = bruteOptimalSet(q.graph, q.X, q.Y);
        const latent = new Set(q.graph.latent);
        if (!anyValid) {
          expect(optimalAdjustmentSet(g, q.X, q.Y)).toBeNull();
          return;
        }
        if (expected.some((v) => latent.has(v))) {
          expect(() => optimalAdjustmentSet(g, q.X, q.Y)).toThrow();
          return;
        }
        const o = optimalAdjustmentSet(g, q.X, q.Y);
        expect(o).toEqual(expected);
        expect(valid(expected)).toBe(true);
        checked++;
      }),
      { seed: 131, numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(50);
  });

  it("the O-set is valid in the full graph whenever any valid set exists (latent nodes observed)", () => {
    let multi = 0;
    const law = (q: RandomQuery): void => {
      const graph = { ...q.graph, latent: [] };
      const valid = brutePathAdjustment(graph, q.X, q.Y);
      const cn = bruteProperCausalNodes(graph, q.X, q.Y);
      if (!q.Y.every((y) => cn.has(y))) return;
      const anyValid = allValid({ ...q, graph, include: [], exclude: [] }, valid).length > 0;
      const o = optimalAdjustmentSet(toCausalGraph(graph), q.X, q.Y);
      if (anyValid) {
        expect(o).toEqual(bruteOptimalSet(graph, q.X, q.Y));
        expect(o !== null && valid(o)).toBe(true);
        if (q.X.length > 1) multi++;
      } else expect(o).toBeNull();
    };
    fc.assert(fc.property(queryArb(9, false, false), law), { seed: 132, numRuns: 300 });
    fc.assert(fc.property(richQueryArb(9, false), law), { seed: 133, numRuns: 300 });
    expect(multi).toBeGreaterThan(10);
  });
});
