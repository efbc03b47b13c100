import { rebuildGraph } from "./_internal/build.js";
import { resolveIds } from "./_internal/compact.js";
import type { CausalGraph, NodeSet, ReadonlyCausalGraph } from "./causal-graph.js";

/**
 * The graph of the intervention `do(X)`: `graph` with every edge **into** a node of `X`
 * removed, i.e. the directed edges `p -> x` and the bidirected edges `x <-> w` for x in X
 * (a bidirected edge has an arrowhead at x, so the latent confounder it stands for no longer
 * affects x). Pearl's `G_{\bar X}` ("G with X over-barred"). Nodes, roles and all other edges
 * are kept.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param X - the intervened nodes
 * @returns a new graph
 * @throws {@link UnknownNodeError} if a node of `X` does not exist
 * @remarks O(n + m) for n nodes and m edges.
 * @see Pearl (2009), Causality, 2nd ed., §3.4 (notation `G_{\bar X}`) and §3.2.2 (truncated
 *   factorization: do(X) deletes the equations, hence the incoming edges, of X).
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["Z", "X"], ["X", "Y"], ["Z", "Y"]] });
 * doGraph(g, "X").directedEdges(); // [["Z", "Y"], ["X", "Y"]]: Z -> X is gone
 * ```
 * @since 0.1.0
 */
export function doGraph(graph: ReadonlyCausalGraph, X: NodeSet): CausalGraph {
  const ids = resolveIds(graph, X, "graph.doGraph");
  const inX = new Uint8Array(graph.compactIndex().names.length);
  for (const v of ids) inX[v] = 1;
  return rebuildGraph(
    graph,
    undefined,
    (_from, to) => inX[to] === 0,
    (a, b) => inX[a] === 0 && inX[b] === 0,
  );
}

/**
 * The back-door graph: `graph` with every directed edge **out of** a node of `X` removed
 * (`x -> c` for x in X). Pearl's `G_{\underline X}` ("G with X under-barred"): in it, the paths
 * between X and Y that remain are exactly the non-causal ones. Bidirected edges are kept.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param X - the nodes whose outgoing edges are cut
 * @returns a new graph
 * @throws {@link UnknownNodeError} if a node of `X` does not exist
 * @remarks O(n + m) for n nodes and m edges.
 * @see Pearl (2009), Causality, 2nd ed., §3.4 (Theorem 3.4.1, notation `G_{\underline X}`) and
 *   §3.3.1 (back-door criterion).
 * @since 0.1.0
 */
export function backdoorGraph(graph: ReadonlyCausalGraph, X: NodeSet): CausalGraph {
  const ids = resolveIds(graph, X, "graph.backdoorGraph");
  const inX = new Uint8Array(graph.compactIndex().names.length);
  for (const v of ids) inX[v] = 1;
  return rebuildGraph(
    graph,
    undefined,
    (from) => inX[from] === 0,
    () => true,
  );
}
