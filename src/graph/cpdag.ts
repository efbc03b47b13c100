import { EDGE_COMPELLED, labelCompelledEdges } from "./_internal/cpdag-chickering.js";
import { observedDag } from "./_internal/cpdag-input.js";
import type { ReadonlyCausalGraph } from "./causal-graph.js";
import { topologicalOrder } from "./topological.js";

/**
 * A completed partially directed acyclic graph (CPDAG, also "essential graph" or "pattern"):
 * the representation of a Markov equivalence class of DAGs. A directed edge is oriented the
 * same way in every DAG of the class (compelled); an undirected edge is oriented one way in
 * some members and the other way in others (reversible).
 *
 * @since 0.1.0
 */
export interface Cpdag {
  /** Every node, in the node order of the source graph. */
  readonly nodes: string[];
  /**
   * The compelled edges `[from, to]`, sorted by `from`, then `to`, in node order.
   */
  readonly directed: [string, string][];
  /**
   * The reversible edges `[a, b]`, `a` before `b` in node order, sorted by `a`, then `b`.
   */
  readonly undirected: [string, string][];
}

/**
 * The CPDAG of a DAG: its skeleton, with the edges that have the same direction in every
 * Markov-equivalent DAG (same skeleton and same unshielded colliders, Verma & Pearl 1990)
 * directed, and the other edges undirected. Computed with the edge-labelling algorithm of
 * Chickering (1995); the result is the one Meek's rules R1–R3 give when applied to the
 * skeleton with the v-structures oriented (Meek 1995), and dagitty's `cpdag`.
 *
 * A graph with `latent` nodes is first replaced by its {@link latentProjection | latent
 * projection} onto the observed nodes; that projection must be a DAG.
 *
 * @param graph - a DAG (not modified)
 * @returns the CPDAG
 * @throws {@link InvalidArgumentError} if the graph (after projecting out latent nodes) has a
 *   bidirected edge
 * @remarks O((n + m) log n + Σ_{x -> y} |pa(x)|) for n nodes and m edges.
 * @see Chickering (1995), "A transformational characterization of equivalent Bayesian network
 *   structures", UAI 11, §4 (Order-Edges, Find-Compelled); Meek (1995), "Causal inference and
 *   causal explanation with background knowledge", UAI 11; Verma & Pearl (1990), "Equivalence
 *   and synthesis of causal models", UAI 6; Andersson, Madigan & Perlman (1997), "A
 *   characterization of Markov equivalence classes for acyclic digraphs", Annals of
 *   Statistics 25(2) (essential graphs).
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["A", "B"], ["B", "C"], ["D", "C"]] });
 * cpdag(g);
 * // { nodes: ["A", "B", "C", "D"], directed: [["B", "C"], ["D", "C"]], undirected: [["A", "B"]] }
 * ```
 * @since 0.1.0
 */
export function cpdag(graph: ReadonlyCausalGraph): Cpdag {
  const g = observedDag(graph, "graph.cpdag");
  const ix = g.compactIndex();
  const n = ix.names.length;
  const order = Int32Array.from(topologicalOrder(g), (v) => ix.id.get(v) ?? 0);
  const label = labelCompelledEdges(ix, order);
  const directed: [number, number][] = [];
  const undirected: [number, number][] = [];
  for (let y = 0; y < n; y++) {
    const end = ix.parentOffsets[y + 1] as number;
    for (let e = ix.parentOffsets[y] as number; e < end; e++) {
      const x = ix.parents[e] as number;
      if (label[e] === EDGE_COMPELLED) directed.push([x, y]);
      else undirected.push(x < y ? [x, y] : [y, x]);
    }
  }
  const byPair = (p: [number, number], q: [number, number]): number => p[0] - q[0] || p[1] - q[1];
  const toNames = (edges: [number, number][]): [string, string][] =>
    edges.sort(byPair).map(([a, b]) => [ix.names[a] as string, ix.names[b] as string]);
  return { nodes: [...ix.names], directed: toNames(directed), undirected: toNames(undirected) };
}
