// The integer (compact-index) form of an adjustment query: exposures and outcomes as node
// numbers, the nodes on proper causal paths, the forbidden nodes and the edges removed to form
// the separation graph of the criterion. Internal to `causalkit/identification`; not exported
// from the package.
//
// Both criteria are "Z avoids a forbidden set and Z m-separates X and Y in a graph obtained from
// G by deleting some directed edges out of X" (van der Zander, Liśkiewicz & Textor 2019, AIJ 270,
// §5 for the back-door criterion, Thm. "constructive back-door criterion" for the adjustment
// criterion):
//   back-door:  forbidden = De(X);             deleted: every edge x -> c (G_{\underline X}).
//   adjustment: forbidden = De(cn(X,Y)) ∪ X;   deleted: every edge x -> c with c ∈ cn(X,Y)
//               (the first edge of every proper causal path; the proper back-door graph
//               G^{pbd}_{XY}),
// where cn(X,Y), the nodes on proper causal paths other than X, is the set of nodes w ∉ X with a
// directed path from X to w and one from w to Y, neither of which meets X except at its start
// (Perković et al. 2018, JMLR 18(220), Def. 3.3 "forb"; Henckel, Perković & Maathuis 2022).
// The deleted edges are represented by a mask `cut` over their heads: the edge p -> c is absent
// iff inX[p] === 1 and cut[c] === 1.

import { markClosure } from "../../graph/_internal/compact.js";
import type { CompactIndex } from "../../graph/causal-graph.js";

/** Which criterion an adjustment query uses. */
export type CriterionName = "backdoor" | "adjustment";

/**
 * An adjustment query on the compact index.
 *
 * @internal
 */
export interface AdjustStructure {
  readonly ix: CompactIndex;
  readonly n: number;
  /** Exposures, distinct. */
  readonly x: Int32Array;
  /** Outcomes, distinct, disjoint from X. */
  readonly y: Int32Array;
  readonly inX: Uint8Array;
  readonly inY: Uint8Array;
  /** The edge p -> c is deleted from the separation graph iff inX[p] and cut[c]. */
  readonly cut: Uint8Array;
  /** Nodes no valid set may contain (X included). */
  readonly forbidden: Uint8Array;
  /** cn(X, Y): nodes other than X on proper causal paths from X to Y. */
  readonly causal: Uint8Array;
}

/**
 * Marks the ancestors of the seeds (seeds included) in the separation graph of `s`, i.e.
 * following parent edges except the deleted ones (p -> c with inX[p] and cut[c]).
 *
 * @internal
 */
export function markCutAncestors(
  s: AdjustStructure,
  seeds: ArrayLike<number>,
  mark: Uint8Array,
  out: Int32Array,
): number {
  const { parentOffsets, parents } = s.ix;
  const { inX, cut } = s;
  let count = 0;
  for (let i = 0; i < seeds.length; i++) {
    const v = seeds[i] as number;
    if (mark[v] === 0) {
      mark[v] = 1;
      out[count++] = v;
    }
  }
  for (let head = 0; head < count; head++) {
    const v = out[head] as number;
    const cutInto = cut[v] === 1;
    const end = parentOffsets[v + 1] as number;
    for (let e = parentOffsets[v] as number; e < end; e++) {
      const p = parents[e] as number;
      if (mark[p] !== 0 || (cutInto && inX[p] === 1)) continue;
      mark[p] = 1;
      out[count++] = p;
    }
  }
  return count;
}

/**
 * The nodes other than X on proper causal paths from X to Y: cn(X, Y) = (nodes reachable from X
 * by directed paths with no further node of X) ∩ (nodes with a directed path to Y avoiding X).
 * A directed walk in an acyclic graph is a path, so the concatenation of the two paths through
 * such a node is a proper causal path.
 *
 * @internal
 */
export function properCausalNodes(
  ix: CompactIndex,
  x: Int32Array,
  y: Int32Array,
  inX: Uint8Array,
  work: Int32Array,
): Uint8Array {
  const n = ix.names.length;
  const fromX = new Uint8Array(n);
  markClosure(ix.childOffsets, ix.children, x, fromX, work, inX);
  const toY = new Uint8Array(n);
  markClosure(ix.parentOffsets, ix.parents, y, toY, work, inX);
  const causal = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (fromX[v] === 1 && toY[v] === 1 && inX[v] === 0) causal[v] = 1;
  }
  return causal;
}

/**
 * Builds the structure of the query (X, Y) under a criterion. X and Y must be non-empty,
 * distinct and disjoint (validated by the caller).
 *
 * @remarks O(n + m).
 * @internal
 */
export function adjustStructure(
  ix: CompactIndex,
  x: Int32Array,
  y: Int32Array,
  criterion: CriterionName,
): AdjustStructure {
  const n = ix.names.length;
  const inX = new Uint8Array(n);
  for (let i = 0; i < x.length; i++) inX[x[i] as number] = 1;
  const inY = new Uint8Array(n);
  for (let i = 0; i < y.length; i++) inY[y[i] as number] = 1;
  const work = new Int32Array(n);
  const causal = properCausalNodes(ix, x, y, inX, work);
  const forbidden = new Uint8Array(n);
  let cut: Uint8Array;
  if (criterion === "backdoor") {
    markClosure(ix.childOffsets, ix.children, x, forbidden, work);
    cut = new Uint8Array(n).fill(1);
  } else {
    let count = 0;
    for (let v = 0; v < n; v++) if (causal[v] === 1) work[count++] = v;
    markClosure(ix.childOffsets, ix.children, work.slice(0, count), forbidden, work);
    for (let i = 0; i < x.length; i++) forbidden[x[i] as number] = 1;
    cut = causal;
  }
  return { ix, n, x, y, inX, inY, cut, forbidden, causal };
}
