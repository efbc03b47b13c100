import { internalError } from "../errors.js";
import type { ReadonlyCausalGraph } from "./causal-graph.js";

/**
 * A topological order of the directed part of the graph: every directed edge `a -> b` has `a`
 * before `b`. Bidirected edges impose no order. Deterministic: among the nodes whose parents
 * are all placed, the one added to the graph first comes next (Kahn's algorithm with a
 * priority queue keyed by insertion order), so the result is the lexicographically smallest
 * topological order with respect to node order, and a graph whose insertion order is already
 * topological is returned in that order.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @returns every node exactly once, parents before children
 * @remarks O((n + m) log n) for n nodes and m directed edges. Never throws: the directed part of
 *   a {@link CausalGraph} is acyclic by construction.
 * @see Kahn (1962), "Topological sorting of large networks", Communications of the ACM 5(11).
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["Y", "X"], ["Z", "Y"]] });
 * topologicalOrder(g); // ["Z", "Y", "X"]
 * ```
 * @since 0.1.0
 */
export function topologicalOrder(graph: ReadonlyCausalGraph): string[] {
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const indegree = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    indegree[v] = (ix.parentOffsets[v + 1] as number) - (ix.parentOffsets[v] as number);
  }
  // Binary min-heap of node numbers.
  const heap = new Int32Array(n);
  let size = 0;
  const push = (v: number): void => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as number;
      if (p <= v) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = v;
  };
  const pop = (): number => {
    const top = heap[0] as number;
    const last = heap[--size] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && (heap[r] as number) < (heap[l] as number) ? r : l;
      if ((heap[c] as number) >= last) break;
      heap[i] = heap[c] as number;
      i = c;
    }
    heap[i] = last;
    return top;
  };
  for (let v = 0; v < n; v++) if (indegree[v] === 0) push(v);
  const order: string[] = [];
  while (size > 0) {
    const v = pop();
    order.push(ix.names[v] as string);
    const end = ix.childOffsets[v + 1] as number;
    for (let e = ix.childOffsets[v] as number; e < end; e++) {
      const w = ix.children[e] as number;
      indegree[w] = (indegree[w] as number) - 1;
      if (indegree[w] === 0) push(w);
    }
  }
  if (order.length !== n) internalError("graph.topologicalOrder: the directed part has a cycle");
  return order;
}
