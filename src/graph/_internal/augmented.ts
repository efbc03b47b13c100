// The augmented (moral) graph of a DAG or ADMG on the compact index. Internal to
// `causalkit/graph`; not exported from the package.
import type { CompactIndex } from "../causal-graph.js";
import { csrFromLists } from "./compact.js";

/** Undirected adjacency in CSR form over all n node numbers; neighbours ascending, no repeats. */
export interface UndirectedCsr {
  readonly offsets: Int32Array;
  readonly adj: Int32Array;
}

/**
 * The augmented graph (Richardson 2003) of the subgraph induced by the nodes with
 * `mask[v] !== 0` (every node if `mask` is undefined): two nodes are adjacent iff they are
 * collider-connected, i.e. joined by a path on which every non-endpoint is a collider. For
 * a district D (connected component of the bidirected part) the nodes of D ∪ pa(D) are pairwise
 * collider-connected (via a chain of bidirected edges inside D), and every collider-connection
 * arises this way, so the augmented graph is the union of the cliques on D ∪ pa(D). For a DAG
 * (every district a single node) this is the moral graph of Lauritzen et al. (1990): the
 * skeleton plus an edge between every two parents of a common child.
 *
 * Unmasked nodes get empty neighbour lists.
 */
export function augmentedGraph(ix: CompactIndex, mask: Uint8Array | undefined): UndirectedCsr {
  const n = ix.names.length;
  const inMask = (v: number): boolean => mask === undefined || mask[v] !== 0;
  const lists: number[][] = Array.from({ length: n }, () => []);
  const district = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  // Members of the current clique D ∪ pa(D), deduplicated with a stamp per district.
  const stamp = new Int32Array(n).fill(-1);
  for (let root = 0; root < n; root++) {
    if (!inMask(root) || district[root] !== -1) continue;
    district[root] = root;
    const clique: number[] = [];
    let top = 0;
    stack[top++] = root;
    while (top > 0) {
      const v = stack[--top] as number;
      if (stamp[v] !== root) {
        stamp[v] = root;
        clique.push(v);
      }
      const endP = ix.parentOffsets[v + 1] as number;
      for (let e = ix.parentOffsets[v] as number; e < endP; e++) {
        const p = ix.parents[e] as number;
        if (inMask(p) && stamp[p] !== root) {
          stamp[p] = root;
          clique.push(p);
        }
      }
      const endS = ix.siblingOffsets[v + 1] as number;
      for (let e = ix.siblingOffsets[v] as number; e < endS; e++) {
        const w = ix.siblings[e] as number;
        if (inMask(w) && district[w] === -1) {
          district[w] = root;
          stack[top++] = w;
        }
      }
    }
    for (const u of clique) {
      const list = lists[u] as number[];
      for (const w of clique) if (w !== u) list.push(w);
    }
  }
  return csrFromLists(lists);
}
