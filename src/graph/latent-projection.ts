import { rebuildGraph } from "./_internal/build.js";
import { resolveIds } from "./_internal/compact.js";
import type { CausalGraph, NodeSet, ReadonlyCausalGraph } from "./causal-graph.js";

/**
 * The latent projection of a graph onto its observed nodes: the latent nodes are removed and
 * their effect is kept as edges among the observed nodes. For observed `a ≠ b`:
 *
 * - `a -> b` iff `graph` has a directed path `a -> ... -> b` whose intermediate nodes are all
 *   latent (an existing edge `a -> b` is such a path);
 * - `a <-> b` iff `graph` has a collider-free path between `a` and `b` with arrowheads at both
 *   ends whose intermediate nodes are all latent, i.e. a path `a <- ... <- L -> ... -> b` from a
 *   latent common ancestor, or one with a single bidirected edge at its top,
 *   `a <- ... <- L1 <-> L2 -> ... -> b` (either side may be empty, so an existing `a <-> b` is
 *   kept).
 *
 * The observed nodes keep their order and roles. The result has the same d-/m-separation
 * relations among the observed nodes as `graph` and the same identifiability of causal effects
 * among them.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param latent - the nodes to project out; by default the nodes with the `latent` role
 * @returns a new ADMG over the remaining nodes
 * @throws {@link UnknownNodeError} if a node of `latent` does not exist
 * @remarks O(l · (n + m) + output) for l latent nodes, n nodes and m edges.
 * @see Verma & Pearl (1990), "Equivalence and synthesis of causal models", UAI 6 (projection);
 *   Tian & Pearl (2002), "On the testable implications of causal models with hidden variables",
 *   UAI, §2; Evans (2016), "Graphs for margins of Bayesian networks", Scandinavian Journal of
 *   Statistics 43(3), Definition 2.7 (latent projection).
 * @example
 * ```ts
 * const g = CausalGraph.from({
 *   directed: [["U", "X"], ["U", "Y"], ["X", "Y"]],
 *   latent: ["U"],
 * });
 * latentProjection(g).bidirectedEdges(); // [["X", "Y"]]
 * ```
 * @since 0.1.0
 */
export function latentProjection(graph: ReadonlyCausalGraph, latent?: NodeSet): CausalGraph {
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const hidden = resolveIds(
    graph,
    latent ?? graph.nodesWithRole("latent"),
    "graph.latentProjection",
  );
  const isLatent = new Uint8Array(n);
  for (const v of hidden) isLatent[v] = 1;
  const observed = new Uint8Array(n);
  for (let v = 0; v < n; v++) observed[v] = isLatent[v] === 0 ? 1 : 0;

  const mark = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  // Observed nodes reachable from the start nodes by directed paths whose intermediate nodes
  // are latent (an observed start node is returned itself and not expanded).
  const observedReach = (starts: ArrayLike<number>, stampId: number): number[] => {
    const found: number[] = [];
    let top = 0;
    for (let i = 0; i < starts.length; i++) {
      const s = starts[i] as number;
      if (mark[s] !== stampId) {
        mark[s] = stampId;
        if (observed[s] !== 0) found.push(s);
        else stack[top++] = s;
      }
    }
    while (top > 0) {
      const v = stack[--top] as number;
      const end = ix.childOffsets[v + 1] as number;
      for (let e = ix.childOffsets[v] as number; e < end; e++) {
        const w = ix.children[e] as number;
        if (mark[w] === stampId) continue;
        mark[w] = stampId;
        if (observed[w] !== 0) found.push(w);
        else stack[top++] = w;
      }
    }
    return found;
  };

  const directed: [number, number][] = [];
  const bidirectedKeys = new Set<number>();
  const bidirected: [number, number][] = [];
  const addBidirected = (a: number, b: number): void => {
    if (a === b) return;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const key = lo * n + hi;
    if (!bidirectedKeys.has(key)) {
      bidirectedKeys.add(key);
      bidirected.push([lo, hi]);
    }
  };
  let stampId = 0;
  for (let a = 0; a < n; a++) {
    if (observed[a] === 0) continue;
    // a -> ... -> b through latent nodes: start from a's latent children.
    const latentChildren: number[] = [];
    const end = ix.childOffsets[a + 1] as number;
    for (let e = ix.childOffsets[a] as number; e < end; e++) {
      const c = ix.children[e] as number;
      if (observed[c] === 0) latentChildren.push(c);
    }
    if (latentChildren.length > 0) {
      for (const b of observedReach(latentChildren, stampId++)) directed.push([a, b]);
    }
  }
  // Observed descendants (through latent nodes) of every latent node, computed on demand.
  const reachOf = new Map<number, number[]>();
  const reach = (v: number): number[] => {
    let r = reachOf.get(v);
    if (r === undefined) {
      r = observed[v] !== 0 ? [v] : observedReach([v], stampId++);
      reachOf.set(v, r);
    }
    return r;
  };
  for (let l = 0; l < n; l++) {
    if (observed[l] !== 0) continue;
    const r = reach(l);
    for (let i = 0; i < r.length; i++) {
      for (let j = i + 1; j < r.length; j++) addBidirected(r[i] as number, r[j] as number);
    }
  }
  for (let u = 0; u < n; u++) {
    const end = ix.siblingOffsets[u + 1] as number;
    for (let e = ix.siblingOffsets[u] as number; e < end; e++) {
      const w = ix.siblings[e] as number;
      if (u > w || (observed[u] !== 0 && observed[w] !== 0)) continue;
      const ru = reach(u);
      const rw = reach(w);
      for (const a of ru) for (const b of rw) addBidirected(a, b);
    }
  }
  return rebuildGraph(
    graph,
    observed,
    () => true,
    () => true,
    directed,
    bidirected,
  );
}
