/**
 * Independent, deliberately simple reference implementations for the graph property tests.
 * They use only the public edge lists of a CausalGraph (`nodes()`, `directedEdges()`,
 * `bidirectedEdges()`) and plain Maps/Sets, never the production algorithms.
 *
 * Separation is decided by the classical criterion: Z separates X and Y (d-separation in a DAG,
 * m-separation in an ADMG) iff Z separates X and Y in the augmented graph of the subgraph
 * induced by An(X ∪ Y ∪ Z) (Lauritzen et al. 1990, Prop. 3 for DAGs; Richardson 2003 for
 * ADMGs). The augmented graph joins two nodes iff they are collider-connected, found here by
 * enumerating paths.
 */
import type { CausalGraph } from "../../src/graph/index.js";

/** An edge end as seen from one node: the other node and whether each end has an arrowhead. */
interface Incidence {
  readonly other: string;
  readonly headHere: boolean;
  readonly headThere: boolean;
}

function incidences(graph: CausalGraph, within: ReadonlySet<string>): Map<string, Incidence[]> {
  const inc = new Map<string, Incidence[]>();
  for (const v of within) inc.set(v, []);
  const add = (v: string, e: Incidence): void => {
    inc.get(v)?.push(e);
  };
  for (const [a, b] of graph.directedEdges()) {
    if (!within.has(a) || !within.has(b)) continue;
    add(a, { other: b, headHere: false, headThere: true });
    add(b, { other: a, headHere: true, headThere: false });
  }
  for (const [a, b] of graph.bidirectedEdges()) {
    if (!within.has(a) || !within.has(b)) continue;
    add(a, { other: b, headHere: true, headThere: true });
    add(b, { other: a, headHere: true, headThere: true });
  }
  return inc;
}

/** Ancestors (inclusive) by fixpoint iteration over the directed edge list. */
export function bruteAncestors(graph: CausalGraph, nodes: Iterable<string>): Set<string> {
  const result = new Set(nodes);
  const edges = graph.directedEdges();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [a, b] of edges) {
      if (result.has(b) && !result.has(a)) {
        result.add(a);
        changed = true;
      }
    }
  }
  return result;
}

/** Descendants (inclusive) by fixpoint iteration. */
export function bruteDescendants(graph: CausalGraph, nodes: Iterable<string>): Set<string> {
  const result = new Set(nodes);
  const edges = graph.directedEdges();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [a, b] of edges) {
      if (result.has(a) && !result.has(b)) {
        result.add(b);
        changed = true;
      }
    }
  }
  return result;
}

/**
 * The augmented graph of the subgraph induced by `within` (all nodes by default), as adjacency
 * sets: a and b adjacent iff some path between them has only colliders as interior nodes.
 */
export function bruteAugmented(
  graph: CausalGraph,
  within: ReadonlySet<string> = new Set(graph.nodes()),
): Map<string, Set<string>> {
  const inc = incidences(graph, within);
  const adj = new Map<string, Set<string>>();
  for (const v of within) adj.set(v, new Set());
  for (const start of within) {
    const onPath = new Set([start]);
    const walk = (v: string, arrivedWithHead: boolean, interior: boolean): void => {
      for (const e of inc.get(v) ?? []) {
        // An interior node must be a collider: arrowheads on both sides.
        if (interior && !(arrivedWithHead && e.headHere)) continue;
        if (onPath.has(e.other)) continue;
        if (e.other !== start) adj.get(start)?.add(e.other);
        onPath.add(e.other);
        walk(e.other, e.headThere, true);
        onPath.delete(e.other);
      }
    };
    walk(start, false, false);
  }
  return adj;
}

/** Whether Z separates X and Y in the augmented ancestral graph (d-/m-separation). */
export function bruteSeparated(
  graph: CausalGraph,
  X: Iterable<string>,
  Y: Iterable<string>,
  Z: Iterable<string>,
): boolean {
  const xs = [...X];
  const ys = new Set(Y);
  const zs = new Set(Z);
  const anc = bruteAncestors(graph, [...xs, ...ys, ...zs]);
  const adj = bruteAugmented(graph, anc);
  const seen = new Set(xs);
  const queue = [...xs];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    if (ys.has(v)) return false;
    for (const w of adj.get(v) ?? []) {
      if (!seen.has(w) && !zs.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return true;
}

/** All subsets of a list (2^n of them; only for small n). */
export function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) {
    out.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  }
  return out;
}

/** Splits a graph's nodes by labels: nodes with label k go to group k. */
export function groupByLabel(graph: CausalGraph, labels: readonly number[], k: number): string[] {
  return graph.nodes().filter((_, i) => labels[i] === k);
}

/**
 * The latent projection by path enumeration (Evans 2016, Def. 2.7): for observed a ≠ b,
 * `a -> b` iff a directed path a -> ... -> b has only latent interior nodes; `a <-> b` iff a
 * collider-free path with only latent interior nodes has arrowheads at a and at b.
 * Returns edge keys `"a -> b"` / `"a <-> b"` (bidirected with a < b).
 */
export function bruteProjectionEdges(graph: CausalGraph, latent: ReadonlySet<string>): Set<string> {
  const all = new Set(graph.nodes());
  const inc = incidences(graph, all);
  const out = new Set<string>();
  for (const start of all) {
    if (latent.has(start)) continue;
    const onPath = new Set([start]);
    // firstTail: the path leaves `start` through a tail (directed edge out of start).
    // allForward: every edge so far points away from start.
    const walk = (
      v: string,
      arrivedWithHead: boolean,
      interior: boolean,
      headAtStart: boolean,
      allForward: boolean,
    ): void => {
      for (const e of inc.get(v) ?? []) {
        if (onPath.has(e.other)) continue;
        // An interior node must be a non-collider.
        if (interior && arrivedWithHead && e.headHere) continue;
        const hs = interior ? headAtStart : e.headHere;
        const forward = allForward && !e.headHere && e.headThere;
        if (!latent.has(e.other)) {
          if (forward) out.add(JSON.stringify([start, "->", e.other]));
          if (hs && e.headThere) {
            const [a, b] = start < e.other ? [start, e.other] : [e.other, start];
            out.add(JSON.stringify([a, "<->", b]));
          }
          continue;
        }
        onPath.add(e.other);
        walk(e.other, e.headThere, true, hs, forward);
        onPath.delete(e.other);
      }
    };
    walk(start, false, false, false, true);
  }
  return out;
}
