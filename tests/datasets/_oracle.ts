// Independent, deliberately simple helpers for the dataset tests: they read only the public
// edge lists of a graph and use plain arrays, never the production algorithms.
import type { CausalGraph } from "../../src/graph/index.js";

/** Whether the directed edges of a graph form no cycle (repeatedly strip nodes without parents). */
export function isAcyclic(g: CausalGraph): boolean {
  const nodes = new Set(g.nodes());
  let edges = g.directedEdges();
  for (;;) {
    const withParents = new Set(edges.map(([, b]) => b));
    const sources = [...nodes].filter((v) => !withParents.has(v));
    if (sources.length === 0) return nodes.size === 0;
    for (const v of sources) nodes.delete(v);
    edges = edges.filter(([a]) => nodes.has(a));
  }
}

/** In-degree of every node (directed edges only). */
export function inDegrees(g: CausalGraph): Map<string, number> {
  const d = new Map(g.nodes().map((v) => [v, 0]));
  for (const [, b] of g.directedEdges()) d.set(b, (d.get(b) ?? 0) + 1);
  return d;
}

/** Out-degree of every node. */
export function outDegrees(g: CausalGraph): Map<string, number> {
  const d = new Map(g.nodes().map((v) => [v, 0]));
  for (const [a] of g.directedEdges()) d.set(a, (d.get(a) ?? 0) + 1);
  return d;
}

/** Length of the longest directed path ending at each node (roots: 0). */
export function depths(g: CausalGraph): Map<string, number> {
  const depth = new Map(g.nodes().map((v) => [v, 0]));
  const edges = g.directedEdges();
  for (let round = 0; round < g.nodes().length; round++) {
    for (const [a, b] of edges) {
      const d = (depth.get(a) ?? 0) + 1;
      if (d > (depth.get(b) ?? 0)) depth.set(b, d);
    }
  }
  return depth;
}

/** All configurations of the given state counts, last fastest. */
export function configurations(cards: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const c of cards) {
    const next: number[][] = [];
    for (const prefix of out) for (let s = 0; s < c; s++) next.push([...prefix, s]);
    out = next;
  }
  return out;
}

/** Row number of a configuration (last fastest). */
export function rowOf(config: readonly number[], cards: readonly number[]): number {
  let r = 0;
  for (let j = 0; j < cards.length; j++) r = r * (cards[j] as number) + (config[j] as number);
  return r;
}
