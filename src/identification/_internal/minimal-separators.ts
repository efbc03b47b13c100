// Enumeration of all minimal vertex separators between two node sets of an undirected graph,
// restricted to an allowed node set, with polynomial delay. Internal to
// `causalkit/identification`; not exported from the package.
//
// Source: Takata (2010), "Space-optimal, backtracking algorithms to list the minimal vertex
// separators of a graph", Discrete Applied Mathematics 158(15):1660-1667, as extended to
// separators restricted to a set R and sources / targets that are node sets by van der Zander,
// Liśkiewicz & Textor (2019), "Separators and adjustment sets in causal graphs: complete
// criteria and an algorithmic framework", Artificial Intelligence 270, §4 (LISTMINSEP).
//
// Terms. H is an undirected graph; S (sources) and T (targets) are disjoint node sets; a node is
// "allowed" if it may belong to a separator (sources and targets never are). A separator is a
// set Z of allowed nodes such that no path joins S and T in H − Z. For a separator Z, C_S(Z) is
// the set of nodes reachable from S in H − Z. Z is minimal (no proper subset separates) iff
// every z ∈ Z is adjacent both to C_S(Z) and to C_T(Z); then Z = N(C_S(Z)).
//
// The enumeration is a binary search tree over classes of minimal separators
//   class(A, U) = { minimal Z : A ⊆ C_S(Z) and C_S(Z) ∩ U = ∅ }      (S ⊆ A, T ⊆ U).
// For a class we compute the separator "closest to A" (procedure `expand`):
//   closure(A) = A plus every non-allowed node reachable from A through non-allowed nodes
//                (such nodes can never be cut off from A); NA = allowed neighbours of closure(A);
//   C          = the component of T in H − NA;
//   SA         = N(C) (⊆ NA);          A* = the component of S in H − SA.
// Lemma (Takata 2010, Lemma 2, restated for restricted separators). If closure(A) contains no
// node of T, SA is a minimal separator with C_S(SA) = A* ⊇ A, and every minimal Z with
// A ⊆ C_S(Z) has A* ⊆ C_S(Z). Proof sketch: each s ∈ SA lies in NA, so it is adjacent to
// closure(A) ⊆ A*, and by construction to C = C_T(SA). For minimal Z with A ⊆ C_S(Z): every node
// of NA is adjacent to closure(A) ⊆ C_S(Z), so NA ⊆ C_S(Z) ∪ Z; hence C_T(Z) avoids NA and
// C_T(Z) ⊆ C; every z ∈ Z = N(C_T(Z)) is in C or in N(C) = SA, so a path from S that avoids SA
// and C (i.e. a path inside A*) avoids Z, and A* ⊆ C_S(Z).
// Hence class(A, U) is non-empty iff closure(A) avoids T and A* ∩ U = ∅ (then SA belongs to it),
// and if SA ⊆ U the class is {SA}. Otherwise, for v ∈ SA \ U the class splits into the
// separators with v ∈ C_S(Z) — class(A* ∪ {v}, U) — and those without — class(A*, U ∪ {v}),
// which still contains SA. Unrolling the second branch: the node (A*, U) outputs SA once and has
// the children class(A* ∪ {v_i}, U ∪ {v_1..v_{i-1}}) for SA \ U = {v_1, ..., v_k}, each kept only
// if non-empty. Every node of the search tree outputs a distinct separator (the classes of
// different nodes' outputs are disjoint), so the delay between two outputs is at most
// O(n) failed children per level times O(n) levels, each costing one O(n + m) `expand`.

import { internalError } from "../../errors.js";

/**
 * An instance of the restricted minimal separator problem on an undirected graph in CSR form
 * over node numbers `0..n-1`.
 *
 * @internal
 */
export interface SeparatorInstance {
  /** CSR offsets, length n + 1. */
  readonly offsets: Int32Array;
  /** CSR neighbour lists (symmetric). */
  readonly adj: Int32Array;
  /** `present[v] === 1` iff v is a node of H; other nodes are treated as deleted. */
  readonly present: Uint8Array;
  /** `allowed[v] === 1` iff v may belong to a separator (never a source or a target). */
  readonly allowed: Uint8Array;
  /** Source nodes S (present, not allowed, non-empty). */
  readonly sources: Int32Array;
  /** Target nodes T (present, not allowed, non-empty, disjoint from S). */
  readonly targets: Int32Array;
}

interface Frame {
  /** The nodes of this node's separator that are not in U at entry, ascending. */
  readonly branch: Int32Array;
  /** Index of the next child to try. */
  next: number;
  /** Trail heights of A and U to restore before each child. */
  readonly aTop: number;
  uTop: number;
}

/**
 * Lists every inclusion-minimal separator of `sources` and `targets` made of allowed nodes, each
 * exactly once, as ascending node-number arrays. Lists nothing if no allowed separator exists
 * (for example if a source is adjacent to a target, or joined to one through non-allowed nodes).
 * The order is deterministic (depth first, smallest node number first).
 *
 * Polynomial delay: O(n² (n + m)) time between two outputs in the worst case; memory O(n) plus
 * the separators held by the open search-tree nodes.
 *
 * @internal
 */
export function* minimalSeparators(
  inst: SeparatorInstance,
): Generator<Int32Array, void, undefined> {
  const { offsets, adj, present, allowed, sources, targets } = inst;
  const n = present.length;
  if (sources.length === 0 || targets.length === 0) return;

  // A and U as membership arrays with undo trails (both only grow along a root-to-leaf path).
  const inA = new Uint8Array(n);
  const trailA = new Int32Array(n);
  let topA = 0;
  const inU = new Uint8Array(n);
  const trailU = new Int32Array(n);
  let topU = 0;
  const pushA = (v: number): void => {
    if (inA[v] === 0) {
      inA[v] = 1;
      trailA[topA++] = v;
    }
  };
  const pushU = (v: number): void => {
    if (inU[v] === 0) {
      inU[v] = 1;
      trailU[topU++] = v;
    }
  };
  const restore = (aTop: number, uTop: number): void => {
    while (topA > aTop) inA[trailA[--topA] as number] = 0;
    while (topU > uTop) inU[trailU[--topU] as number] = 0;
  };

  // Scratch marks stamped with an epoch, so that nothing is cleared between calls.
  const closed = new Int32Array(n);
  const inNA = new Int32Array(n);
  const inC = new Int32Array(n);
  const inSA = new Int32Array(n);
  const inAStar = new Int32Array(n);
  const queue = new Int32Array(n);
  const saBuf = new Int32Array(n);
  let epoch = 0;

  /**
   * The separator SA closest to the current A, or null if class(A, U) is empty. On success
   * A is replaced by A* (new members pushed on the trail).
   */
  const expand = (): Int32Array | null => {
    epoch++;
    // 1. closure(A) through non-allowed nodes; NA = its allowed neighbours.
    let tail = 0;
    for (let i = 0; i < topA; i++) {
      const v = trailA[i] as number;
      closed[v] = epoch;
      queue[tail++] = v;
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const w = adj[e] as number;
        if (present[w] === 0 || closed[w] === epoch || inNA[w] === epoch) continue;
        if (allowed[w] === 1) {
          inNA[w] = epoch;
          continue;
        }
        // A non-allowed node joined to A can never be cut off from A: it must not be in U
        // (targets are in U).
        if (inU[w] === 1) return null;
        closed[w] = epoch;
        queue[tail++] = w;
      }
    }
    // 2. C = component of the targets in H − NA; SA = N(C), collected on the way.
    tail = 0;
    let saCount = 0;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i] as number;
      if (inC[t] !== epoch) {
        inC[t] = epoch;
        queue[tail++] = t;
      }
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const w = adj[e] as number;
        if (present[w] === 0 || inC[w] === epoch) continue;
        if (inNA[w] === epoch) {
          if (inSA[w] !== epoch) {
            inSA[w] = epoch;
            saBuf[saCount++] = w;
          }
          continue;
        }
        // The only neighbours of closure(A) outside it are in NA, so C cannot enter it.
        if (closed[w] === epoch) internalError("identification: separator search entered A");
        inC[w] = epoch;
        queue[tail++] = w;
      }
    }
    // 3. A* = component of A (⊇ S) in H − SA; it must avoid U.
    tail = 0;
    for (let i = 0; i < topA; i++) {
      const v = trailA[i] as number;
      inAStar[v] = epoch;
      queue[tail++] = v;
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const w = adj[e] as number;
        if (present[w] === 0 || inAStar[w] === epoch || inSA[w] === epoch) continue;
        if (inU[w] === 1) return null;
        inAStar[w] = epoch;
        queue[tail++] = w;
      }
    }
    for (let i = 0; i < tail; i++) pushA(queue[i] as number);
    return saBuf.slice(0, saCount).sort();
  };

  const frameFor = (sa: Int32Array): Frame => ({
    branch: sa.filter((v) => inU[v] === 0),
    next: 0,
    aTop: topA,
    uTop: topU,
  });

  for (let i = 0; i < sources.length; i++) pushA(sources[i] as number);
  for (let i = 0; i < targets.length; i++) pushU(targets[i] as number);
  const root = expand();
  if (root === null) return;
  const frames: Frame[] = [frameFor(root)];
  yield root.slice();

  while (frames.length > 0) {
    const f = frames[frames.length - 1] as Frame;
    if (f.next > 0) {
      // Child next-1 is done: later children keep its branch node out of the S side.
      restore(f.aTop, f.uTop);
      pushU(f.branch[f.next - 1] as number);
      f.uTop = topU;
    }
    if (f.next >= f.branch.length) {
      frames.pop();
      continue;
    }
    const v = f.branch[f.next] as number;
    f.next++;
    restore(f.aTop, f.uTop);
    pushA(v);
    const sa = expand();
    if (sa === null) continue;
    frames.push(frameFor(sa));
    yield sa.slice();
  }
}
