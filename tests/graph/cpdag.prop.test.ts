/**
 * Properties of cpdag and markovEquivalenceClass on random DAGs (≤ 7 nodes, ≤ 12 edges),
 * against a brute-force equivalence class: every orientation of the skeleton that is acyclic
 * and has the same unshielded colliders (Verma & Pearl 1990), found from the edge lists alone.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyMeekRules, Pdag } from "../../src/graph/_internal/cpdag-meek.js";
import { cpdag, isMarkovEquivalent, markovEquivalenceClass } from "../../src/graph/index.js";
import { arbitraryDag } from "../helpers/arbitraries.js";

type Edge = readonly [string, string];

const key = (e: Edge): string => JSON.stringify(e);

function isAcyclic(nodes: readonly string[], edges: readonly Edge[]): boolean {
  const indegree = new Map(nodes.map((v) => [v, 0]));
  for (const [, b] of edges) indegree.set(b, (indegree.get(b) ?? 0) + 1);
  const queue = nodes.filter((v) => indegree.get(v) === 0);
  let seen = 0;
  while (queue.length > 0) {
    const v = queue.pop() as string;
    seen++;
    for (const [a, b] of edges) {
      if (a !== v) continue;
      const d = (indegree.get(b) ?? 0) - 1;
      indegree.set(b, d);
      if (d === 0) queue.push(b);
    }
  }
  return seen === nodes.length;
}

function vStructures(edges: readonly Edge[]): Set<string> {
  const adjacent = new Set(edges.flatMap(([a, b]) => [key([a, b]), key([b, a])]));
  const out = new Set<string>();
  for (const [a, c] of edges) {
    for (const [b, c2] of edges) {
      if (c2 === c && a < b && !adjacent.has(key([a, b]))) out.add(JSON.stringify([a, c, b]));
    }
  }
  return out;
}

/** All DAGs (as sorted edge-key lists) Markov equivalent to the given one. */
function bruteClass(nodes: readonly string[], edges: readonly Edge[]): string[][] {
  const target = [...vStructures(edges)].sort().join(";");
  const out: string[][] = [];
  for (let mask = 0; mask < 1 << edges.length; mask++) {
    const oriented = edges.map(([a, b], i): Edge => ((mask >> i) & 1 ? [b, a] : [a, b]));
    if (!isAcyclic(nodes, oriented)) continue;
    if ([...vStructures(oriented)].sort().join(";") !== target) continue;
    out.push(oriented.map(key).sort());
  }
  return out;
}

describe("cpdag and markovEquivalenceClass (property, oracle: brute-force class)", () => {
  it("the CPDAG directs exactly the edges that all members orient alike; the class is listed exactly once each", () => {
    let reversible = 0;
    let compelled = 0;
    fc.assert(
      fc.property(arbitraryDag({ minNodes: 1, maxNodes: 7 }), (g) => {
        const edges = g.directedEdges();
        fc.pre(edges.length <= 12);
        const nodes = g.nodes();
        const members = bruteClass(nodes, edges);
        expect(members.length).toBeGreaterThanOrEqual(1);
        // Compelled: the same orientation in every member.
        const fixed = edges.filter(([a, b]) => members.every((m) => m.includes(key([a, b]))));
        const free = edges.filter(([a, b]) => !members.every((m) => m.includes(key([a, b]))));
        const result = cpdag(g);
        expect(result.nodes).toEqual(nodes);
        expect(result.directed.map(key).sort()).toEqual(fixed.map(key).sort());
        const pos = new Map(nodes.map((v, i) => [v, i]));
        const undirected = free.map(
          ([a, b]): Edge => ((pos.get(a) ?? 0) < (pos.get(b) ?? 0) ? [a, b] : [b, a]),
        );
        expect(result.undirected.map(key).sort()).toEqual(undirected.map(key).sort());
        // Sorted in node order.
        const order = (e: Edge): number => (pos.get(e[0]) ?? 0) * 100 + (pos.get(e[1]) ?? 0);
        for (const list of [result.directed, result.undirected]) {
          const ranks = list.map(order);
          expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
        }
        reversible += free.length;
        compelled += fixed.length;
        // The enumerated class.
        const listed = markovEquivalenceClass(g).map((m) => m.directedEdges().map(key).sort());
        const asText = (xs: string[][]): string[] => xs.map((m) => m.join(";")).sort();
        expect(asText(listed)).toEqual(asText(members));
        expect(new Set(asText(listed)).size).toBe(listed.length);
        expect(listed.some((m) => m.join(";") === edges.map(key).sort().join(";"))).toBe(true);
        // A cap keeps a prefix.
        const k = Math.max(1, Math.floor(listed.length / 2));
        expect(markovEquivalenceClass(g, { max: k }).map((m) => m.directedEdges())).toEqual(
          markovEquivalenceClass(g)
            .slice(0, k)
            .map((m) => m.directedEdges()),
        );
        for (const m of markovEquivalenceClass(g, { max: 3 })) {
          expect(isMarkovEquivalent(m, g)).toBe(true);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
    expect(reversible).toBeGreaterThan(300);
    expect(compelled).toBeGreaterThan(100);
  });

  it("Meek's rules after orienting one reversible edge direct exactly the edges common to the members that agree (no dead ends in the enumeration)", () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryDag({ minNodes: 1, maxNodes: 7 }), (g) => {
        const edges = g.directedEdges();
        fc.pre(edges.length <= 12);
        const nodes = g.nodes();
        const members = bruteClass(nodes, edges);
        const pattern = cpdag(g);
        const id = new Map(nodes.map((v, i) => [v, i]));
        const num = (v: string): number => id.get(v) ?? -1;
        const base = new Pdag(nodes.length);
        for (const [a, b] of pattern.directed) base.addDirected(num(a), num(b));
        for (const [a, b] of pattern.undirected) base.addUndirected(num(a), num(b));
        // The CPDAG is closed under the rules.
        const closed = base.clone();
        applyMeekRules(closed);
        const directedOf = (p: Pdag): string[] =>
          p.children
            .flatMap((ch, v) => [...ch].map((w) => key([nodes[v] as string, nodes[w] as string])))
            .sort();
        expect(directedOf(closed)).toEqual(directedOf(base));
        for (const [a, b] of pattern.undirected) {
          for (const [s, t] of [
            [a, b],
            [b, a],
          ] as const) {
            const p = base.clone();
            p.orient(num(s), num(t));
            applyMeekRules(p);
            const agreeing = members.filter((m) => m.includes(key([s, t])));
            expect(agreeing.length).toBeGreaterThan(0);
            const common = (agreeing[0] ?? []).filter((k) => agreeing.every((m) => m.includes(k)));
            expect(directedOf(p)).toEqual([...common].sort());
            checked++;
          }
        }
      }),
      { seed: 11, numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(300);
  });
});
