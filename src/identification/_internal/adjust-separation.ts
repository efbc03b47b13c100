// m-separation and minimal separators in the separation graph of an adjustment query (G with the
// edges x -> c, inX[x] && cut[c], deleted), on typed arrays, without building any graph object.
// Internal to `causalkit/identification`; not exported from the package.
//
// Sources: Bayes-ball reachability (Shachter 1998; Koller & Friedman 2009, Alg. 3.1) extended to
// bidirected edges (m-separation, Richardson 2003); FINDMINSEP of van der Zander, Liśkiewicz &
// Textor (2019), AIJ 270, run on the augmented (moral) graph of the ancestral set, which is
// searched implicitly: in the augmented graph of an ancestral set A (Lauritzen et al. 1990,
// Richardson 2003) the neighbours of v are the members of the cliques K_D = D ∪ pa(D) for the
// districts D (bidirected components inside A) of v and of its children in A. A breadth-first
// search therefore expands each clique at most once and costs O(|A| + edges in A).

import { csrFromLists } from "../../graph/_internal/compact.js";
import type { AdjustStructure } from "./adjust-structure.js";
import { markCutAncestors } from "./adjust-structure.js";

const IN_Z = 1;
const AN_Z = 2;
const TARGET = 4;

/**
 * Whether the nodes `z` m-separate X and Y in the separation graph of `s`. `z` must be disjoint
 * from X ∪ Y (checked by the caller).
 *
 * Bayes-ball over (node, arrival) states: state 2v = at v, entered through a tail (from a child)
 * or v a source; 2v + 1 = entered through an arrowhead (from a parent, or along v <-> w). A node
 * passes as a non-collider iff it is not in Z, as a collider iff it is in An(Z), where An is
 * taken in the separation graph (deleted edges do not make ancestors).
 *
 * @remarks O(n + m).
 * @internal
 */
export function separatedInCutGraph(s: AdjustStructure, z: ArrayLike<number>): boolean {
  const { ix, n, inX, inY, cut } = s;
  const { parentOffsets, parents, childOffsets, children, siblingOffsets, siblings } = ix;
  const flags = new Uint8Array(n);
  const order = new Int32Array(n);
  const anZ = new Uint8Array(n);
  const count = markCutAncestors(s, z, anZ, order);
  for (let i = 0; i < count; i++) flags[order[i] as number] = AN_Z;
  for (let i = 0; i < z.length; i++) flags[z[i] as number] = IN_Z | AN_Z;
  for (let v = 0; v < n; v++) if (inY[v] === 1) flags[v] = (flags[v] as number) | TARGET;

  const visited = new Uint8Array(2 * n);
  const queue = new Int32Array(2 * n);
  let tail = 0;
  for (let i = 0; i < s.x.length; i++) {
    const st = 2 * (s.x[i] as number);
    visited[st] = 1;
    queue[tail++] = st;
  }
  for (let head = 0; head < tail; head++) {
    const state = queue[head] as number;
    const v = state >> 1;
    const f = flags[v] as number;
    const viaHead = (state & 1) === 1;
    const notInZ = (f & IN_Z) === 0;
    // Out through a tail at v (to a child): v is a non-collider.
    if (notInZ) {
      const cutFromV = inX[v] === 1;
      const end = childOffsets[v + 1] as number;
      for (let e = childOffsets[v] as number; e < end; e++) {
        const c = children[e] as number;
        if (cutFromV && cut[c] === 1) continue;
        const st = 2 * c + 1;
        if (visited[st] === 0) {
          if (((flags[c] as number) & TARGET) !== 0) return false;
          visited[st] = 1;
          queue[tail++] = st;
        }
      }
    }
    // Out through an arrowhead at v (to a parent or a sibling): a collider iff entered through
    // an arrowhead.
    if (viaHead ? (f & AN_Z) !== 0 : notInZ) {
      const cutInto = cut[v] === 1;
      let end = parentOffsets[v + 1] as number;
      for (let e = parentOffsets[v] as number; e < end; e++) {
        const p = parents[e] as number;
        if (cutInto && inX[p] === 1) continue;
        const st = 2 * p;
        if (visited[st] === 0) {
          if (((flags[p] as number) & TARGET) !== 0) return false;
          visited[st] = 1;
          queue[tail++] = st;
        }
      }
      end = siblingOffsets[v + 1] as number;
      for (let e = siblingOffsets[v] as number; e < end; e++) {
        const w = siblings[e] as number;
        const st = 2 * w + 1;
        if (visited[st] === 0) {
          if (((flags[w] as number) & TARGET) !== 0) return false;
          visited[st] = 1;
          queue[tail++] = st;
        }
      }
    }
  }
  return true;
}

/** Marks of the FINDMINSEP searches. */
const M_X = 1;
const M_Y = 2;
const M_I = 3;
const M_CANDIDATE = 4;
const M_NEAR_X = 5;
const M_NEAR_BOTH = 6;

/**
 * Calls `visit` on every member of the clique K_D = D ∪ pa(D) of the district D of `u` inside the
 * ancestral set (`inA`), unless that district was expanded before (`done`). Parents along deleted
 * edges are skipped. `stack` needs room for n entries.
 *
 * @internal
 */
export function forEachCliqueMember(
  s: AdjustStructure,
  inA: Uint8Array,
  done: Uint8Array,
  stack: Int32Array,
  u: number,
  visit: (w: number) => void,
): void {
  if (done[u] !== 0) return;
  const { parentOffsets, parents, siblingOffsets, siblings } = s.ix;
  const { inX, cut } = s;
  done[u] = 1;
  let top = 0;
  stack[top++] = u;
  while (top > 0) {
    const d = stack[--top] as number;
    visit(d);
    const cutInto = cut[d] === 1;
    let end = parentOffsets[d + 1] as number;
    for (let e = parentOffsets[d] as number; e < end; e++) {
      const p = parents[e] as number;
      if (!(cutInto && inX[p] === 1)) visit(p);
    }
    end = siblingOffsets[d + 1] as number;
    for (let e = siblingOffsets[d] as number; e < end; e++) {
      const w = siblings[e] as number;
      if (inA[w] !== 0 && done[w] === 0) {
        done[w] = 1;
        stack[top++] = w;
      }
    }
  }
}

/**
 * The ancestral set An(X ∪ Y ∪ I) of the separation graph as a mask.
 *
 * @internal
 */
export function ancestralSet(s: AdjustStructure, include: Int32Array): Uint8Array {
  const seeds = new Int32Array(s.x.length + s.y.length + include.length);
  seeds.set(s.x, 0);
  seeds.set(s.y, s.x.length);
  seeds.set(include, s.x.length + s.y.length);
  const inA = new Uint8Array(s.n);
  markCutAncestors(s, seeds, inA, new Int32Array(s.n));
  return inA;
}

/**
 * FINDMINSEP (van der Zander, Liśkiewicz & Textor 2019) in the separation graph of `s`: an
 * inclusion-minimal Z with I ⊆ Z ⊆ I ∪ {v : allowed[v] = 1} that m-separates X and Y, as
 * ascending node numbers, or null if none exists. `allowed` must exclude X, Y and I.
 *
 * With A = An(X ∪ Y ∪ I) and the candidates Z' = allowed ∩ A, Z' ∪ I separates iff any allowed
 * separator does; Z'' = the candidates reachable from X in the augmented graph of A without
 * passing through a candidate or a node of I; Z''' = the nodes of Z'' reachable from Y in the same
 * way; the result is I ∪ Z'''.
 *
 * @remarks O(n + m): one ancestor search and two implicit augmented-graph searches.
 * @internal
 */
export function findMinimalSeparatorIds(
  s: AdjustStructure,
  include: Int32Array,
  allowed: Uint8Array,
): Int32Array | null {
  const { n } = s;
  const inA = ancestralSet(s, include);
  const marks = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (s.inX[v] === 1) marks[v] = M_X;
    else if (s.inY[v] === 1) marks[v] = M_Y;
    else if (allowed[v] === 1 && inA[v] === 1) marks[v] = M_CANDIDATE;
  }
  for (let i = 0; i < include.length; i++) marks[include[i] as number] = M_I;

  const seen = new Uint8Array(n);
  const done = new Uint8Array(n);
  const queue = new Int32Array(n);
  const stack = new Int32Array(n);
  if (!augmentedSearch(s, inA, marks, s.x, M_CANDIDATE, M_NEAR_X, M_Y, seen, done, queue, stack)) {
    return null;
  }
  for (let v = 0; v < n; v++) if (marks[v] === M_CANDIDATE) marks[v] = 0;
  seen.fill(0);
  done.fill(0);
  augmentedSearch(s, inA, marks, s.y, M_NEAR_X, M_NEAR_BOTH, M_X, seen, done, queue, stack);
  let count = 0;
  for (let v = 0; v < n; v++) if (marks[v] === M_I || marks[v] === M_NEAR_BOTH) count++;
  const out = new Int32Array(count);
  let k = 0;
  for (let v = 0; v < n; v++) if (marks[v] === M_I || marks[v] === M_NEAR_BOTH) out[k++] = v;
  return out;
}

/**
 * Whether some Z with I ⊆ Z ⊆ I ∪ allowed m-separates X and Y in the separation graph (the
 * first half of FINDMINSEP).
 *
 * @internal
 */
export function separatorExists(
  s: AdjustStructure,
  include: Int32Array,
  allowed: Uint8Array,
): boolean {
  const { n } = s;
  const inA = ancestralSet(s, include);
  const marks = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (s.inX[v] === 1) marks[v] = M_X;
    else if (s.inY[v] === 1) marks[v] = M_Y;
    else if (allowed[v] === 1 && inA[v] === 1) marks[v] = M_CANDIDATE;
  }
  for (let i = 0; i < include.length; i++) marks[include[i] as number] = M_I;
  return augmentedSearch(
    s,
    inA,
    marks,
    s.x,
    M_CANDIDATE,
    M_NEAR_X,
    M_Y,
    new Uint8Array(n),
    new Uint8Array(n),
    new Int32Array(n),
    new Int32Array(n),
  );
}

/**
 * Breadth-first search from `sources` in the augmented graph of the separation graph restricted
 * to A: never enters a node marked M_I, never expands a node marked `candidate` (such nodes
 * reached are re-marked `reachedMark`). Returns false as soon as a node marked `stop` is reached.
 */
function augmentedSearch(
  s: AdjustStructure,
  inA: Uint8Array,
  marks: Uint8Array,
  sources: Int32Array,
  candidate: number,
  reachedMark: number,
  stop: number,
  seen: Uint8Array,
  done: Uint8Array,
  queue: Int32Array,
  stack: Int32Array,
): boolean {
  const { childOffsets, children } = s.ix;
  const { inX, cut } = s;
  let tail = 0;
  let failed = false;
  const visit = (w: number): void => {
    if (seen[w] !== 0) return;
    seen[w] = 1;
    const m = marks[w] as number;
    if (m === stop) {
      failed = true;
      return;
    }
    if (m === M_I) return;
    if (m === candidate) {
      marks[w] = reachedMark;
      return;
    }
    queue[tail++] = w;
  };
  for (let i = 0; i < sources.length; i++) {
    const v = sources[i] as number;
    seen[v] = 1;
    queue[tail++] = v;
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head] as number;
    forEachCliqueMember(s, inA, done, stack, v, visit);
    if (failed) return false;
    const cutFromV = inX[v] === 1;
    const end = childOffsets[v + 1] as number;
    for (let e = childOffsets[v] as number; e < end; e++) {
      const c = children[e] as number;
      if (inA[c] === 0 || (cutFromV && cut[c] === 1)) continue;
      forEachCliqueMember(s, inA, done, stack, c, visit);
      if (failed) return false;
    }
  }
  return true;
}

/**
 * The augmented (moral) graph of the separation graph restricted to A, in CSR form over all n
 * node numbers (nodes outside A have no neighbours), neighbours ascending without repeats: the
 * union of the cliques D ∪ pa(D) over the districts D inside A.
 *
 * @remarks O(n + Σ_D |D ∪ pa(D)|²).
 * @internal
 */
export function augmentedCsr(
  s: AdjustStructure,
  inA: Uint8Array,
): { offsets: Int32Array; adj: Int32Array } {
  const { n } = s;
  const lists: number[][] = Array.from({ length: n }, () => []);
  const done = new Uint8Array(n);
  const stack = new Int32Array(n);
  const stamp = new Int32Array(n).fill(-1);
  for (let root = 0; root < n; root++) {
    if (inA[root] === 0 || done[root] !== 0) continue;
    const clique: number[] = [];
    forEachCliqueMember(s, inA, done, stack, root, (w) => {
      if (stamp[w] !== root) {
        stamp[w] = root;
        clique.push(w);
      }
    });
    for (const u of clique) {
      const list = lists[u] as number[];
      for (const w of clique) if (w !== u) list.push(w);
    }
  }
  return csrFromLists(lists);
}
