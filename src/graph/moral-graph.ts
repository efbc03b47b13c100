import { augmentedGraph } from "./_internal/augmented.js";
import type { ReadonlyCausalGraph } from "./causal-graph.js";

/**
 * An undirected graph as plain data (safe for any node name, `__proto__` included).
 *
 * @since 0.1.0
 */
export interface MoralGraph {
  /** Every node, in the node order of the source graph. */
  readonly nodes: readonly string[];
  /**
   * Every edge once, as `[a, b]` with `a` before `b` in node order; edges are sorted by `a`,
   * then by `b`, in node order.
   */
  readonly edges: readonly (readonly [string, string])[];
  /** Neighbours of each node, in node order (every node has an entry, possibly empty). */
  readonly adjacency: ReadonlyMap<string, readonly string[]>;
}

/**
 * The moral graph of a DAG (Lauritzen et al. 1990): the skeleton (edge directions dropped) plus
 * an undirected edge between every two parents of a common child ("marrying the parents").
 *
 * For an ADMG this is the augmented graph of Richardson (2003): two nodes are adjacent iff they
 * are collider-connected, i.e. joined by a path on which every non-endpoint is a collider.
 * Equivalently, for every district D (c-component) the nodes of D ∪ pa(D) are pairwise joined.
 * For a DAG both definitions coincide.
 *
 * Together with {@link ancestors}, this gives the classical separation test: `Z` d-separates
 * (m-separates) `X` and `Y` iff `Z` separates them in the moral (augmented) graph of the
 * subgraph induced by `An(X ∪ Y ∪ Z)`.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @returns the moral (augmented) graph as plain data
 * @remarks O(n + Σ_D |D ∪ pa(D)|²): quadratic in the size of the largest parent set or district.
 *   Never throws: every graph has a moral (augmented) graph.
 * @see Lauritzen, Dawid, Larsen & Leimer (1990), "Independence properties of directed Markov
 *   fields", Networks 20(5), Proposition 3; Richardson (2003), "Markov properties for acyclic
 *   directed mixed graphs", Scandinavian Journal of Statistics 30(1), §2 (augmented graph).
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["X", "C"], ["Y", "C"]] });
 * moralGraph(g).edges; // [["X", "C"], ["X", "Y"], ["C", "Y"]]
 * ```
 * @since 0.1.0
 */
export function moralGraph(graph: ReadonlyCausalGraph): MoralGraph {
  const ix = graph.compactIndex();
  const { offsets, adj } = augmentedGraph(ix, undefined);
  const n = ix.names.length;
  const edges: [string, string][] = [];
  const adjacency = new Map<string, readonly string[]>();
  for (let u = 0; u < n; u++) {
    const name = ix.names[u] as string;
    const neighbours: string[] = [];
    const end = offsets[u + 1] as number;
    for (let e = offsets[u] as number; e < end; e++) {
      const w = adj[e] as number;
      neighbours.push(ix.names[w] as string);
      if (u < w) edges.push([name, ix.names[w] as string]);
    }
    adjacency.set(name, neighbours);
  }
  return { nodes: [...ix.names], edges, adjacency };
}
