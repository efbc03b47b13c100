import {
  markAncestors,
  markDescendants,
  namesInNodeOrder,
  resolveIds,
} from "./_internal/compact.js";
import type { NodeSet, ReadonlyCausalGraph } from "./causal-graph.js";

/**
 * The ancestors of a node or a set of nodes: every node with a directed path to one of them,
 * **including the nodes themselves** (the convention of Shpitser & Pearl's `An(Y)` and of
 * dagitty). Only directed edges are followed; bidirected edges are ignored.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param nodes - one node or several
 * @returns the ancestors, as a set that iterates in node (insertion) order
 * @throws {@link UnknownNodeError} if a node does not exist
 * @remarks O(a log a + e), where a is the number of ancestors and e the number of directed
 * edges into them (the log factor only sorts the result into node order), on the graph's
 * {@link CausalGraph.compactIndex | compact index}.
 * @see Shpitser & Pearl (2006), "Identification of joint interventional distributions in
 *   recursive semi-Markovian causal models", AAAI, notation `An(Y)`.
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["Z", "X"], ["X", "Y"]] });
 * ancestors(g, "Y"); // Set {"Z", "X", "Y"}
 * ```
 * @since 0.1.0
 */
export function ancestors(graph: ReadonlyCausalGraph, nodes: NodeSet): Set<string> {
  const seeds = resolveIds(graph, nodes, "graph.ancestors");
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const order = new Int32Array(n);
  const count = markAncestors(ix, seeds, new Uint8Array(n), order);
  return namesInNodeOrder(ix, order, count);
}

/**
 * The descendants of a node or a set of nodes: every node reachable from one of them by a
 * directed path, **including the nodes themselves** (Shpitser & Pearl's `De(X)`, as in
 * dagitty). Only directed edges are followed.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param nodes - one node or several
 * @returns the descendants, as a set that iterates in node (insertion) order
 * @throws {@link UnknownNodeError} if a node does not exist
 * @remarks O(d log d + e), where d is the number of descendants and e the number of directed
 * edges out of them.
 * @see Shpitser & Pearl (2006), notation `De(X)`.
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["Z", "X"], ["X", "Y"]] });
 * descendants(g, "X"); // Set {"X", "Y"}
 * ```
 * @since 0.1.0
 */
export function descendants(graph: ReadonlyCausalGraph, nodes: NodeSet): Set<string> {
  const seeds = resolveIds(graph, nodes, "graph.descendants");
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const order = new Int32Array(n);
  const count = markDescendants(ix, seeds, new Uint8Array(n), order);
  return namesInNodeOrder(ix, order, count);
}

/**
 * Whether `ancestor` is an ancestor of `node`, i.e. there is a directed path
 * `ancestor -> ... -> node`. Reflexive, like {@link ancestors}: every node is its own ancestor.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param ancestor - the candidate ancestor
 * @param node - the candidate descendant
 * @returns true if `ancestor` is in `An(node)`
 * @throws {@link UnknownNodeError} if either node does not exist
 * @remarks Linear time in the size of `An(node)`; stops as soon as `ancestor` is found.
 * @see Shpitser & Pearl (2006), "Identification of joint interventional distributions in
 *   recursive semi-Markovian causal models", AAAI, notation `An(Y)`.
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["Z", "X"], ["X", "Y"]] });
 * isAncestor(g, "Z", "Y"); // true
 * isAncestor(g, "Y", "Z"); // false
 * ```
 * @since 0.1.0
 */
export function isAncestor(graph: ReadonlyCausalGraph, ancestor: string, node: string): boolean {
  const [a, b] = resolveIds(graph, [ancestor, node], "graph.isAncestor");
  if (a === undefined || b === undefined) return ancestor === node;
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const mark = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  mark[b] = 1;
  stack[top++] = b;
  while (top > 0) {
    const v = stack[--top] as number;
    if (v === a) return true;
    const end = ix.parentOffsets[v + 1] as number;
    for (let e = ix.parentOffsets[v] as number; e < end; e++) {
      const w = ix.parents[e] as number;
      if (mark[w] === 0) {
        mark[w] = 1;
        stack[top++] = w;
      }
    }
  }
  return false;
}
