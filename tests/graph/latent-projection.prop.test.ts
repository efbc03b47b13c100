import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dSeparated, latentProjection } from "../../src/graph/index.js";
import { arbitraryAdmg, arbitraryDag, withNodeLabels } from "../helpers/arbitraries.js";
import { bruteProjectionEdges, bruteSeparated } from "./brute-force.js";

const cases = [
  ["DAG", withNodeLabels(arbitraryDag({ minNodes: 2, maxNodes: 9, latent: true }), 4)],
  ["ADMG", withNodeLabels(arbitraryAdmg({ minNodes: 2, maxNodes: 9, latent: true }), 4)],
] as const;

describe("latentProjection (property)", () => {
  for (const [kind, arb] of cases) {
    it(`has exactly the edges given by path enumeration (${kind})`, () => {
      fc.assert(
        fc.property(arb, ([g]) => {
          const latent = new Set(g.nodesWithRole("latent"));
          const before = JSON.stringify(g.toJSON());
          const p = latentProjection(g);
          expect(JSON.stringify(g.toJSON())).toBe(before);
          expect(p.nodes()).toEqual(g.nodes().filter((v) => !latent.has(v)));
          const edges = new Set<string>();
          for (const [a, b] of p.directedEdges()) edges.add(JSON.stringify([a, "->", b]));
          for (const [a, b] of p.bidirectedEdges()) {
            edges.add(JSON.stringify(a < b ? [a, "<->", b] : [b, "<->", a]));
          }
          expect([...edges].sort()).toEqual([...bruteProjectionEdges(g, latent)].sort());
          // An explicit latent list gives the same graph.
          expect(latentProjection(g, latent).toJSON()).toEqual(p.toJSON());
        }),
        { seed: 42, numRuns: 200 },
      );
    });

    it(`preserves m-separation among the observed nodes (${kind})`, () => {
      fc.assert(
        fc.property(arb, ([g, labels]) => {
          const latent = new Set(g.nodesWithRole("latent"));
          const pick = (k: number): string[] =>
            g.nodes().filter((v, i) => labels[i] === k && !latent.has(v));
          const X = pick(1);
          const Y = pick(2);
          const Z = pick(3);
          fc.pre(X.length > 0 && Y.length > 0);
          expect(dSeparated(latentProjection(g), X, Y, Z)).toBe(bruteSeparated(g, X, Y, Z));
        }),
        { seed: 43, numRuns: 300 },
      );
    });
  }
});
