// Laws of the back-door functions (criterion "backdoor") on random DAGs and ADMGs with latent
// nodes, checked against brute force (all subsets, independent moralisation-based separation) in
// ./_brute.ts. The default criterion ("adjustment") is tested in adjustment-criterion.prop.test.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adjustmentSets,
  findMinimalAdjustmentSet,
  isBackdoorAdjustmentSet,
  listMinimalAdjustmentSets,
} from "../../src/identification/index.js";
import { queryArb, type RandomQuery, toCausalGraph } from "./_arbitraries.js";
import {
  bruteAdjustmentCriterion,
  bruteBackdoor,
  bruteDescendants,
  bruteMinimalSets,
  brutePathBackdoor,
  subsets,
} from "./_brute.js";

/** Observed nodes outside X ∪ Y ∪ exclude: the nodes an adjustment set may use. */
function candidates(q: RandomQuery): string[] {
  const out = new Set([...q.X, ...q.Y, ...q.exclude, ...q.graph.latent]);
  return q.graph.nodes.filter((v) => !out.has(v));
}

function bruteList(q: RandomQuery): string[][] {
  return bruteMinimalSets(
    candidates(q),
    q.include,
    (Z) => bruteBackdoor(q.graph, q.X, q.Y, Z),
    q.graph.nodes,
  );
}

function checkListing(q: RandomQuery): void {
  const g = toCausalGraph(q.graph);
  const options = { include: q.include, exclude: q.exclude, criterion: "backdoor" } as const;
  const listed = adjustmentSets(g, q.X, q.Y, options);
  const expected = bruteList(q);
  expect(listed).toEqual(expected);
  // Each set is valid and minimal (relative to include), checked through the public predicate.
  for (const Z of listed) {
    expect(isBackdoorAdjustmentSet(g, q.X, q.Y, Z)).toBe(true);
    for (const v of Z) {
      if (q.include.includes(v)) continue;
      expect(
        isBackdoorAdjustmentSet(
          g,
          q.X,
          q.Y,
          Z.filter((w) => w !== v),
        ),
      ).toBe(false);
    }
  }
  // The lazy listing yields the same sets, each once; `max` caps it.
  const lazy = [...listMinimalAdjustmentSets(g, q.X, q.Y, options)];
  expect(new Set(lazy.map((s) => JSON.stringify(s))).size).toBe(lazy.length);
  expect(lazy.length).toBe(listed.length);
  const capped = [...listMinimalAdjustmentSets(g, q.X, q.Y, { ...options, max: 1 })];
  expect(capped).toEqual(lazy.slice(0, 1));
  // FINDMINSEP finds one of them iff there is one.
  const one = findMinimalAdjustmentSet(g, q.X, q.Y, options);
  if (expected.length === 0) expect(one).toBeNull();
  else expect(listed).toContainEqual(one);
}

describe("back-door adjustment sets: random DAGs with latent nodes", () => {
  it("adjustmentSets equals the brute-force list of all inclusion-minimal back-door sets", () => {
    fc.assert(fc.property(queryArb(10, false, false), checkListing), { seed: 42, numRuns: 400 });
  });

  it("the same with include / exclude options", () => {
    fc.assert(fc.property(queryArb(10, false, true), checkListing), { seed: 43, numRuns: 300 });
  });

  it("isBackdoorAdjustmentSet agrees with brute force on every subset", () => {
    fc.assert(
      fc.property(queryArb(9, false, false), (q) => {
        const g = toCausalGraph(q.graph);
        for (const Z of subsets(candidates(q))) {
          expect(isBackdoorAdjustmentSet(g, q.X, q.Y, Z)).toBe(bruteBackdoor(q.graph, q.X, q.Y, Z));
        }
      }),
      { seed: 44, numRuns: 200 },
    );
  });

  it("the separation form equals Pearl's path form (proper paths starting into X)", () => {
    fc.assert(
      fc.property(queryArb(7, false, false), (q) => {
        const g = toCausalGraph(q.graph);
        for (const Z of subsets(candidates(q))) {
          expect(isBackdoorAdjustmentSet(g, q.X, q.Y, Z)).toBe(
            brutePathBackdoor(q.graph, q.X, q.Y, Z),
          );
        }
      }),
      { seed: 45, numRuns: 200 },
    );
  });

  it("back-door sets are adjustment sets; minimal ones are the minimal adjustment sets without descendants of X", () => {
    fc.assert(
      fc.property(queryArb(9, false, false), (q) => {
        const cands = candidates(q);
        for (const Z of subsets(cands)) {
          if (bruteBackdoor(q.graph, q.X, q.Y, Z)) {
            expect(bruteAdjustmentCriterion(q.graph, q.X, q.Y, Z)).toBe(true);
          }
        }
        const adj = bruteMinimalSets(
          cands,
          [],
          (Z) => bruteAdjustmentCriterion(q.graph, q.X, q.Y, Z),
          q.graph.nodes,
        );
        const de = bruteDescendants(q.graph, q.X);
        const filtered = adj.filter((Z) => !Z.some((v) => de.has(v)));
        const g = toCausalGraph(q.graph);
        const listed = adjustmentSets(g, q.X, q.Y, { criterion: "backdoor" });
        expect(listed).toEqual(filtered);
        // The default criterion is the adjustment criterion.
        expect(adjustmentSets(g, q.X, q.Y)).toEqual(adj);
        // For a single exposure (and no forced nodes) the two notions of minimal set coincide,
        // which is why dagitty's lists can be compared directly in that case.
        if (q.X.length === 1) expect(listed).toEqual(adj);
      }),
      { seed: 46, numRuns: 300 },
    );
  });
});

describe("back-door adjustment sets: random ADMGs (bidirected edges) with latent nodes", () => {
  it("adjustmentSets equals the brute-force list (m-separation by moralisation)", () => {
    fc.assert(fc.property(queryArb(9, true, true), checkListing), { seed: 47, numRuns: 300 });
  });

  it("isBackdoorAdjustmentSet agrees with brute force and with the path form", () => {
    fc.assert(
      fc.property(queryArb(7, true, false), (q) => {
        const g = toCausalGraph(q.graph);
        for (const Z of subsets(candidates(q))) {
          const expected = bruteBackdoor(q.graph, q.X, q.Y, Z);
          expect(brutePathBackdoor(q.graph, q.X, q.Y, Z)).toBe(expected);
          expect(isBackdoorAdjustmentSet(g, q.X, q.Y, Z)).toBe(expected);
        }
      }),
      { seed: 48, numRuns: 200 },
    );
  });
});
