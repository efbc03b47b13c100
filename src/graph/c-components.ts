import { resolveIds } from "./_internal/compact.js";
import type { ReadonlyCausalGraph } from "./causal-graph.js";

/**
 * Labels every node with the number of its c-component; components are numbered by their first
 * node in node order. Returns the label array and the number of components.
 */
function labelComponents(graph: ReadonlyCausalGraph): [Int32Array, number] {
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const label = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (label[root] !== -1) continue;
    label[root] = count;
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const v = stack[--top] as number;
      const end = ix.siblingOffsets[v + 1] as number;
      for (let e = ix.siblingOffsets[v] as number; e < end; e++) {
        const w = ix.siblings[e] as number;
        if (label[w] === -1) {
          label[w] = count;
          stack[top++] = w;
        }
      }
    }
    count++;
  }
  return [label, count];
}

/**
 * The c-components (districts) of the graph: the connected components of its bidirected part.
 * Two nodes are in the same c-component iff they are joined by a path of bidirected edges
 * (a chain of latent confounders). Every node is in exactly one c-component; in a DAG each
 * node is its own c-component.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @returns the c-components, ordered by their first node in node order; each lists its nodes
 *   in node order
 * @remarks O(n + b) for n nodes and b bidirected edges. Never throws.
 * @see Tian & Pearl (2002), "A general identification condition for causal effects", AAAI,
 *   §3 (c-components); Richardson (2003) calls them districts.
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["X", "M"], ["M", "Y"]], bidirected: [["X", "Y"]] });
 * cComponents(g); // [["X", "Y"], ["M"]]
 * ```
 * @since 0.1.0
 */
export function cComponents(graph: ReadonlyCausalGraph): string[][] {
  const [label, count] = labelComponents(graph);
  const { names } = graph.compactIndex();
  const out: string[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < label.length; v++) out[label[v] as number]?.push(names[v] as string);
  return out;
}

/**
 * The c-component (district) containing a node: the node plus every node joined to it by a path
 * of bidirected edges.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param node - the node
 * @returns the nodes of its c-component, in node order (always contains `node`)
 * @throws {@link UnknownNodeError} if the node does not exist
 * @remarks O(n + b) for n nodes and b bidirected edges.
 * @see Tian & Pearl (2002), §3.
 * @since 0.1.0
 */
export function cComponent(graph: ReadonlyCausalGraph, node: string): string[] {
  const [start] = resolveIds(graph, node, "graph.cComponent");
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const mark = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  if (start !== undefined) {
    mark[start] = 1;
    stack[top++] = start;
  }
  while (top > 0) {
    const v = stack[--top] as number;
    const end = ix.siblingOffsets[v + 1] as number;
    for (let e = ix.siblingOffsets[v] as number; e < end; e++) {
      const w = ix.siblings[e] as number;
      if (mark[w] === 0) {
        mark[w] = 1;
        stack[top++] = w;
      }
    }
  }
  const out: string[] = [];
  for (let v = 0; v < n; v++) if (mark[v] !== 0) out.push(ix.names[v] as string);
  return out;
}
