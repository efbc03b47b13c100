/**
 * Properties of impliedIndependencies on random DAGs and ADMGs (≤ 8 nodes, some latent),
 * against brute force over all subsets of observed variables.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CausalGraph,
  dSeparated,
  type Independence,
  impliedIndependencies,
  latentProjection,
  topologicalOrder,
} from "../../src/graph/index.js";
import { arbitraryAdmg, arbitraryDag } from "../helpers/arbitraries.js";
import { bruteAncestors, bruteDescendants, bruteSeparated, subsets } from "./brute-force.js";

const kinds = [
  ["DAG", arbitraryDag({ minNodes: 2, maxNodes: 8, latent: true })],
  ["ADMG", arbitraryAdmg({ minNodes: 2, maxNodes: 8, latent: true })],
] as const;

const adjacent = (g: CausalGraph, a: string, b: string): boolean =>
  g.hasEdge(a, b) || g.hasEdge(b, a) || g.hasBidirectedEdge(a, b);

/** Node-order comparison of sets: by size, then element-wise by node position. */
const bySizeThenOrder =
  (pos: Map<string, number>) =>
  (a: string[], b: string[]): number => {
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) {
      const d = (pos.get(a[i] as string) ?? 0) - (pos.get(b[i] as string) ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  };

describe("impliedIndependencies pairwise (property, oracle: all subsets)", () => {
  for (const [kind, arb] of kinds) {
    it(`lists exactly the minimal separators of every non-adjacent observed pair, in order (${kind})`, () => {
      let statements = 0;
      let noSeparator = 0;
      fc.assert(
        fc.property(arb, (g) => {
          const nodes = g.nodes();
          const pos = new Map(nodes.map((v, i) => [v, i]));
          const observed = nodes.filter((v) => !g.isLatent(v));
          const expected: Independence[] = [];
          for (let i = 0; i < observed.length; i++) {
            for (let j = i + 1; j < observed.length; j++) {
              const a = observed[i] as string;
              const b = observed[j] as string;
              if (adjacent(g, a, b)) continue;
              const others = observed.filter((v) => v !== a && v !== b);
              const separating = subsets(others).filter((Z) => dSeparated(g, a, b, Z));
              const minimal = separating.filter(
                (Z) =>
                  !separating.some((W) => W.length < Z.length && W.every((v) => Z.includes(v))),
              );
              if (minimal.length === 0) noSeparator++;
              minimal.sort(bySizeThenOrder(pos));
              for (const Z of minimal) expected.push({ x: [a], y: [b], given: Z });
            }
          }
          const got = impliedIndependencies(g);
          statements += got.length;
          expect(got).toEqual(expected);
          expect(impliedIndependencies(g, { basis: "pairwise" })).toEqual(got);
        }),
        { seed: 42, numRuns: 400 },
      );
      expect(statements).toBeGreaterThan(800);
      if (kind === "ADMG") expect(noSeparator).toBeGreaterThan(60);
    });
  }

  it("every statement holds under the path-enumeration oracle and is minimal (ADMG)", () => {
    fc.assert(
      fc.property(arbitraryAdmg({ minNodes: 2, maxNodes: 7, latent: true }), (g) => {
        for (const s of impliedIndependencies(g)) {
          expect(bruteSeparated(g, s.x, s.y, s.given)).toBe(true);
          for (const v of s.given) {
            const smaller = s.given.filter((w) => w !== v);
            expect(bruteSeparated(g, s.x, s.y, smaller)).toBe(false);
          }
          for (const v of [...s.x, ...s.y, ...s.given]) expect(g.isLatent(v)).toBe(false);
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe("impliedIndependencies local (property)", () => {
  it("a DAG without latent nodes: exactly v ⊥ nd(v) \\ pa(v) | pa(v), in node order", () => {
    fc.assert(
      fc.property(arbitraryDag({ minNodes: 1, maxNodes: 8 }), (g) => {
        const nodes = g.nodes();
        const expected: Independence[] = [];
        for (const v of nodes) {
          const de = bruteDescendants(g, [v]);
          const pa = new Set(g.directedEdges().flatMap(([a, b]) => (b === v ? [a] : [])));
          const rest = nodes.filter((u) => !de.has(u) && !pa.has(u));
          if (rest.length > 0) {
            expected.push({ x: [v], y: rest, given: nodes.filter((u) => pa.has(u)) });
          }
        }
        const got = impliedIndependencies(g, { basis: "local" });
        expect(got).toEqual(expected);
        for (const s of got) expect(bruteSeparated(g, s.x, s.y, s.given)).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  for (const [kind, arb] of kinds) {
    it(`every statement holds and the list is the ordered local Markov property reduced by blanket (${kind})`, () => {
      let admgCases = 0;
      fc.assert(
        fc.property(arb, (g) => {
          const got = impliedIndependencies(g, { basis: "local" });
          for (const s of got) {
            expect(s.x).toHaveLength(1);
            expect(dSeparated(g, s.x, s.y, s.given)).toBe(true);
            for (const v of [...s.x, ...s.y, ...s.given]) expect(g.isLatent(v)).toBe(false);
          }
          const p = g.nodesWithRole("latent").length > 0 ? latentProjection(g) : g;
          if (!p.hasBidirectedEdges()) {
            // The DAG rule on the projection (checked exactly above for latent-free DAGs).
            expect(got.length).toBeLessThanOrEqual(p.order);
            return;
          }
          admgCases++;
          // Brute force: every ancestral A with v ∈ A ⊆ pre(v) ∪ {v} (Richardson 2003, §3.1).
          const order = topologicalOrder(p);
          const brute = new Map<string, { v: string; mb: string[]; rest: string[] }>();
          order.forEach((v, i) => {
            const pre = order.slice(0, i);
            for (const S of subsets(pre)) {
              const A = new Set([...S, v]);
              const anc = bruteAncestors(p, A);
              if (anc.size !== A.size) continue;
              const D = new Set([v]);
              const queue = [v];
              while (queue.length > 0) {
                const d = queue.pop() as string;
                for (const s of p.siblings(d)) {
                  if (A.has(s) && !D.has(s)) {
                    D.add(s);
                    queue.push(s);
                  }
                }
              }
              const mb = new Set([...D, ...p.parents([...D])]);
              mb.delete(v);
              const nodeOrder = p.nodes();
              const mbList = nodeOrder.filter((u) => mb.has(u));
              const rest = nodeOrder.filter((u) => A.has(u) && u !== v && !mb.has(u));
              if (rest.length === 0) continue;
              brute.set(JSON.stringify([v, mbList, rest]), { v, mb: mbList, rest });
            }
          });
          // Each listed statement is one of the property's statements ...
          for (const s of got) {
            expect(brute.has(JSON.stringify([s.x[0], s.given, s.y]))).toBe(true);
          }
          // ... and each of the property's statements follows from a listed one by decomposition
          // (same variable and blanket, a superset on the right).
          for (const b of brute.values()) {
            const covering = got.find(
              (s) =>
                s.x[0] === b.v &&
                JSON.stringify(s.given) === JSON.stringify(b.mb) &&
                b.rest.every((u) => s.y.includes(u)),
            );
            expect(covering).toBeDefined();
          }
          // One statement per (variable, blanket).
          const keys = got.map((s) => JSON.stringify([s.x, s.given]));
          expect(new Set(keys).size).toBe(keys.length);
        }),
        { seed: 42, numRuns: 400 },
      );
      if (kind === "ADMG") expect(admgCases).toBeGreaterThan(150);
    });
  }
});
