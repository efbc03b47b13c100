import { rebuildGraph } from "./_internal/build.js";
import { resolveIds } from "./_internal/compact.js";
import type { CausalGraph, NodeSet, ReadonlyCausalGraph } from "./causal-graph.js";

/**
 * The subgraph induced by a node set: those nodes (in the original node order, with their
 * roles) and every directed and bidirected edge of `graph` whose endpoints are both in the set.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param nodes - the nodes to keep (duplicates are ignored)
 * @returns a new graph
 * @throws {@link UnknownNodeError} if a node does not exist
 * @remarks O(n + m) for n nodes and m edges.
 * @see Tian & Pearl (2002), "A general identification condition for causal effects", AAAI,
 *   notation `G_S` for the subgraph induced by S.
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["Z", "X"], ["X", "Y"]], bidirected: [["Z", "Y"]] });
 * inducedSubgraph(g, ["X", "Y"]).toJSON(); // { nodes: ["X", "Y"], directed: [["X", "Y"]], bidirected: [] }
 * ```
 * @since 0.1.0
 */
export function inducedSubgraph(graph: ReadonlyCausalGraph, nodes: NodeSet): CausalGraph {
  const ids = resolveIds(graph, nodes, "graph.inducedSubgraph");
  const keep = new Uint8Array(graph.compactIndex().names.length);
  for (const v of ids) keep[v] = 1;
  return rebuildGraph(
    graph,
    keep,
    () => true,
    () => true,
  );
}
