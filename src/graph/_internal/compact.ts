// Helpers on the compact (CSR) index of a graph: name <-> number conversion and linear-time
// ancestor / descendant marking. Internal to `causalkit/graph`; not exported from the package.
import { internalError } from "../../errors.js";
import type { CompactIndex, NodeSet, ReadonlyCausalGraph } from "../causal-graph.js";

/**
 * Validates a node set and converts it to node numbers (distinct, in the order given).
 *
 * @internal
 */
export function resolveIds(graph: ReadonlyCausalGraph, nodes: NodeSet, where: string): Int32Array {
  const names = graph.resolveNodes(nodes, where);
  const { id } = graph.compactIndex();
  const out = new Int32Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const k = id.get(names[i] as string);
    if (k === undefined) internalError(`${where}: node "${names[i]}" missing from the index`);
    out[i] = k;
  }
  return out;
}

/**
 * Marks (sets `mark[v] = 1`) every node with a directed path to a seed, seeds included.
 * Only directed edges are followed. `stack` must have room for `n` entries. Returns the number
 * of newly marked nodes, which are written to `stack[0..count)`.
 *
 * @internal
 */
export function markAncestors(
  ix: CompactIndex,
  seeds: ArrayLike<number>,
  mark: Uint8Array,
  stack: Int32Array,
): number {
  return markClosure(ix.parentOffsets, ix.parents, seeds, mark, stack);
}

/**
 * Marks every node reachable from a seed by a directed path, seeds included. Same contract as
 * {@link markAncestors}.
 *
 * @internal
 */
export function markDescendants(
  ix: CompactIndex,
  seeds: ArrayLike<number>,
  mark: Uint8Array,
  stack: Int32Array,
): number {
  return markClosure(ix.childOffsets, ix.children, seeds, mark, stack);
}

/**
 * Marks (mark[v] = 1) every node reachable from the seeds through one CSR adjacency, seeds
 * included, never entering a node with `skip[v] !== 0` (seeds are marked regardless). Returns
 * the number of newly marked nodes, written to `out[0..count)` in marking order (`out` needs
 * room for n entries; it doubles as the breadth-first queue).
 *
 * @internal
 */
export function markClosure(
  offsets: Int32Array,
  adj: Int32Array,
  seeds: ArrayLike<number>,
  mark: Uint8Array,
  out: Int32Array,
  skip?: Uint8Array,
): number {
  // out[0..count) = marked nodes in marking order; nodes out[head..count) are still to expand.
  let count = 0;
  for (let i = 0; i < seeds.length; i++) {
    const s = seeds[i] as number;
    if (mark[s] === 0) {
      mark[s] = 1;
      out[count++] = s;
    }
  }
  for (let head = 0; head < count; head++) {
    const v = out[head] as number;
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const w = adj[e] as number;
      if (mark[w] === 0 && (skip === undefined || skip[w] === 0)) {
        mark[w] = 1;
        out[count++] = w;
      }
    }
  }
  return count;
}

/**
 * A CSR adjacency (offsets, neighbours) from one neighbour list per node: each list sorted,
 * duplicates dropped. The lists are sorted in place.
 *
 * @internal
 */
export function csrFromLists(lists: readonly number[][]): { offsets: Int32Array; adj: Int32Array } {
  const n = lists.length;
  const offsets = new Int32Array(n + 1);
  const seen = new Int32Array(n).fill(-1);
  const flat: number[] = [];
  for (let u = 0; u < n; u++) {
    const list = (lists[u] as number[]).sort((a, b) => a - b);
    for (const w of list) {
      if (seen[w] !== u) {
        seen[w] = u;
        flat.push(w);
      }
    }
    offsets[u + 1] = flat.length;
  }
  return { offsets, adj: Int32Array.from(flat) };
}

/**
 * The names of `ids[0..count)` as a set iterating in node (insertion) order.
 *
 * @internal
 */
export function namesInNodeOrder(ix: CompactIndex, ids: Int32Array, count: number): Set<string> {
  const sorted = ids.slice(0, count).sort();
  const out = new Set<string>();
  for (let i = 0; i < sorted.length; i++) out.add(ix.names[sorted[i] as number] as string);
  return out;
}

/**
 * The names of the marked nodes (`mark[v] !== 0`), in node order.
 *
 * @internal
 */
export function markedNames(ix: CompactIndex, mark: Uint8Array): string[] {
  const out: string[] = [];
  for (let v = 0; v < mark.length; v++) if (mark[v] !== 0) out.push(ix.names[v] as string);
  return out;
}
