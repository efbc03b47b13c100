import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ancestors,
  backdoorGraph,
  type CausalGraph,
  cComponent,
  cComponents,
  descendants,
  doGraph,
  inducedSubgraph,
  isAncestor,
  moralGraph,
  topologicalOrder,
} from "../../src/graph/index.js";
import { arbitraryAdmg, withNodeLabels } from "../helpers/arbitraries.js";
import { bruteAncestors, bruteAugmented, bruteDescendants, groupByLabel } from "./brute-force.js";

const admg = arbitraryAdmg({ maxNodes: 10, latent: true });
const labelled = withNodeLabels(admg, 2);
const sortPairs = (pairs: readonly (readonly [string, string])[]): string[] =>
  pairs.map(([a, b]) => JSON.stringify(a < b ? [a, b] : [b, a])).sort();

describe("ancestry (property, oracle: fixpoint over the edge list)", () => {
  it("ancestors / descendants / isAncestor agree with the brute force, in node order", () => {
    fc.assert(
      fc.property(labelled, ([g, labels]) => {
        const S = groupByLabel(g, labels, 1);
        const an = bruteAncestors(g, S);
        const de = bruteDescendants(g, S);
        expect([...ancestors(g, S)]).toEqual(g.nodes().filter((v) => an.has(v)));
        expect([...descendants(g, S)]).toEqual(g.nodes().filter((v) => de.has(v)));
        for (const a of g.nodes()) {
          for (const b of S) expect(isAncestor(g, a, b)).toBe(bruteAncestors(g, [b]).has(a));
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe("topologicalOrder (property)", () => {
  it("lists every node once, respects every directed edge, and picks the earliest ready node", () => {
    fc.assert(
      fc.property(admg, (g) => {
        const order = topologicalOrder(g);
        expect([...order].sort()).toEqual(g.nodes().sort());
        const pos = new Map(order.map((v, i) => [v, i]));
        for (const [a, b] of g.directedEdges()) {
          expect(pos.get(a) ?? -1).toBeLessThan(pos.get(b) ?? -1);
        }
        // Kahn with ties broken by insertion order: each node is the first (in node order)
        // whose parents have all been placed.
        const placed = new Set<string>();
        for (const v of order) {
          const ready = g
            .nodes()
            .filter((u) => !placed.has(u) && g.parents(u).every((p) => placed.has(p)));
          expect(v).toBe(ready[0]);
          placed.add(v);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe("graph surgery (property)", () => {
  const snapshot = (g: CausalGraph): string => JSON.stringify(g.toJSON());
  it("doGraph removes exactly the edges into X (directed into X, bidirected touching X)", () => {
    fc.assert(
      fc.property(labelled, ([g, labels]) => {
        const X = groupByLabel(g, labels, 1);
        const before = snapshot(g);
        const h = doGraph(g, X);
        expect(snapshot(g)).toBe(before);
        expect(h.nodes()).toEqual(g.nodes());
        expect(h.toJSON().latent).toEqual(g.toJSON().latent);
        expect(sortPairs(h.directedEdges())).toEqual(
          sortPairs(g.directedEdges().filter(([, b]) => !X.includes(b))),
        );
        expect(sortPairs(h.bidirectedEdges())).toEqual(
          sortPairs(g.bidirectedEdges().filter(([a, b]) => !X.includes(a) && !X.includes(b))),
        );
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("backdoorGraph removes exactly the directed edges out of X", () => {
    fc.assert(
      fc.property(labelled, ([g, labels]) => {
        const X = groupByLabel(g, labels, 1);
        const before = snapshot(g);
        const h = backdoorGraph(g, X);
        expect(snapshot(g)).toBe(before);
        expect(h.nodes()).toEqual(g.nodes());
        expect(sortPairs(h.directedEdges())).toEqual(
          sortPairs(g.directedEdges().filter(([a]) => !X.includes(a))),
        );
        expect(sortPairs(h.bidirectedEdges())).toEqual(sortPairs(g.bidirectedEdges()));
      }),
      { seed: 43, numRuns: 150 },
    );
  });

  it("inducedSubgraph keeps exactly the nodes and the edges among them", () => {
    fc.assert(
      fc.property(labelled, ([g, labels]) => {
        const S = groupByLabel(g, labels, 1);
        const before = snapshot(g);
        const h = inducedSubgraph(g, S);
        expect(snapshot(g)).toBe(before);
        expect(h.nodes()).toEqual(S);
        const inS = ([a, b]: readonly [string, string]): boolean => S.includes(a) && S.includes(b);
        expect(sortPairs(h.directedEdges())).toEqual(sortPairs(g.directedEdges().filter(inS)));
        expect(sortPairs(h.bidirectedEdges())).toEqual(sortPairs(g.bidirectedEdges().filter(inS)));
        expect(h.nodesWithRole("latent")).toEqual(
          g.nodesWithRole("latent").filter((v) => S.includes(v)),
        );
      }),
      { seed: 44, numRuns: 150 },
    );
  });
});

describe("cComponents (property)", () => {
  it("partitions the nodes into bidirected-connected, mutually unlinked blocks", () => {
    fc.assert(
      fc.property(admg, (g) => {
        const comps = cComponents(g);
        const nodes = g.nodes();
        const pos = new Map(nodes.map((v, i) => [v, i]));
        expect(comps.flat().sort()).toEqual([...nodes].sort());
        const label = new Map<string, number>();
        comps.forEach((c, i) => {
          for (const v of c) label.set(v, i);
        });
        // Each block in node order; blocks ordered by their first node.
        for (const c of comps) {
          expect(c).toEqual([...c].sort((a, b) => (pos.get(a) ?? 0) - (pos.get(b) ?? 0)));
        }
        const firsts = comps.map((c) => pos.get(c[0] as string) ?? 0);
        expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
        // No bidirected edge between blocks, and each block connected by bidirected edges.
        for (const [a, b] of g.bidirectedEdges()) expect(label.get(a)).toBe(label.get(b));
        for (const c of comps) {
          const seen = new Set([c[0] as string]);
          const stack = [c[0] as string];
          while (stack.length > 0) {
            for (const w of g.siblings(stack.pop() as string)) {
              if (!seen.has(w)) {
                seen.add(w);
                stack.push(w);
              }
            }
          }
          expect(seen.size).toBe(c.length);
          for (const v of c) expect(cComponent(g, v)).toEqual(c);
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe("moralGraph (property, oracle: collider-connection by path enumeration)", () => {
  it("joins exactly the collider-connected pairs", () => {
    fc.assert(
      fc.property(admg, (g) => {
        const m = moralGraph(g);
        const brute = bruteAugmented(g);
        const expected: [string, string][] = [];
        for (const [a, ns] of brute) for (const b of ns) expected.push([a, b]);
        expect(sortPairs(m.edges)).toEqual([...new Set(sortPairs(expected))]);
        expect(m.nodes).toEqual(g.nodes());
        for (const v of g.nodes()) {
          expect([...(m.adjacency.get(v) ?? [])].sort()).toEqual([...(brute.get(v) ?? [])].sort());
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
