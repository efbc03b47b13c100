import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CausalGraph, findMinimalSeparator } from "../../src/graph/index.js";
import { arbitraryAdmg, arbitraryDag, withNodeLabels } from "../helpers/arbitraries.js";
import { bruteSeparated, subsets } from "./brute-force.js";

// A graph, two distinct nodes x and y, and a label per node: 1 = also in X, 3 = include,
// 4 = excluded from an explicit restrict, anything else = free (labels 1, 3, 4 are rare).
const withQuery = (arb: fc.Arbitrary<CausalGraph>) =>
  withNodeLabels(arb, 14).chain(([g, labels]) =>
    fc.tuple(
      fc.constant(g),
      fc.constant(labels),
      fc.integer({ min: 0, max: g.order - 1 }),
      fc.integer({ min: 0, max: g.order - 1 }),
    ),
  );
const cases = [
  ["DAG", withQuery(arbitraryDag({ minNodes: 2, maxNodes: 9, latent: true }))],
  ["ADMG", withQuery(arbitraryAdmg({ minNodes: 2, maxNodes: 9, latent: true }))],
] as const;

describe("findMinimalSeparator (property, oracle: all subsets + brute-force separation)", () => {
  for (const [kind, arb] of cases) {
    for (const explicitRestrict of [false, true]) {
      it(`returns a minimal separator within [include, restrict], or null iff none exists (${kind}, ${explicitRestrict ? "explicit" : "default"} restrict)`, () => {
        const seen = { none: 0, empty: 0, nonEmpty: 0 };
        fc.assert(
          fc.property(arb, ([g, labels, xi, yi]) => {
            fc.pre(xi !== yi);
            const nodes = g.nodes();
            const y = nodes[yi] as string;
            const pick = (k: number): string[] =>
              nodes.filter((_, i) => labels[i] === k && i !== xi && i !== yi);
            const X = [nodes[xi] as string, ...pick(1)];
            const Y = [y];
            const latent = new Set(g.nodesWithRole("latent"));
            const include = explicitRestrict ? pick(3) : pick(3).filter((v) => !latent.has(v));
            const restrict = explicitRestrict
              ? nodes.filter((_, i) => labels[i] !== 4)
              : nodes.filter((v) => !latent.has(v));
            const R = new Set(
              [...restrict, ...include].filter((v) => !X.includes(v) && !Y.includes(v)),
            );
            const free = [...R].filter((v) => !include.includes(v));
            fc.pre(free.length <= 8);
            const options = explicitRestrict ? { include, restrict } : { include };
            const found = findMinimalSeparator(g, X, Y, options);
            const exists = subsets(free).some((S) => bruteSeparated(g, X, Y, [...include, ...S]));
            if (found === null) seen.none++;
            else if (found.length === 0) seen.empty++;
            else seen.nonEmpty++;
            if (found === null) {
              expect(exists).toBe(false);
              return;
            }
            expect(exists).toBe(true);
            // In node order, within range, separating, and no proper subset ⊇ include separates.
            expect(found).toEqual(nodes.filter((v) => found.includes(v)));
            for (const v of include) expect(found).toContain(v);
            for (const v of found) expect(R.has(v)).toBe(true);
            expect(bruteSeparated(g, X, Y, found)).toBe(true);
            const optional = found.filter((v) => !include.includes(v));
            for (const S of subsets(optional)) {
              if (S.length === optional.length) continue;
              expect(bruteSeparated(g, X, Y, [...include, ...S])).toBe(false);
            }
          }),
          { seed: 42, numRuns: 300 },
        );
        // Guard against a vacuous property: every kind of outcome occurred.
        expect(seen.none).toBeGreaterThan(10);
        expect(seen.empty).toBeGreaterThan(10);
        expect(seen.nonEmpty).toBeGreaterThan(30);
      });
    }
  }
});
