// Listing all minimal d-/m-separators of two node sets, with polynomial delay. Internal to
// `causalkit/graph` (also used by `causalkit/identification` for adjustment sets and
// instruments); not exported from the package.
//
// Sources: Takata (2010), "Space-optimal, backtracking algorithms to list the minimal vertex
// separators of a graph", Discrete Applied Mathematics 158(15); van der Zander, Liśkiewicz &
// Textor (2019), "Separators and adjustment sets in causal graphs: complete criteria and an
// algorithmic framework", Artificial Intelligence 270, §4 (LISTMINSEP: separators Z with
// I ⊆ Z ⊆ R, and the reduction of d-/m-separation to vertex separation in the augmented graph
// of the ancestral set An(X ∪ Y ∪ I)).
//
// Reduction. Every Z with I ⊆ Z ⊆ R that is minimal (no proper superset of I inside Z
// separates) lies in An(X ∪ Y ∪ I): if Z separates, so does Z ∩ An(X ∪ Y ∪ I), because the
// augmented graph of An(X ∪ Y ∪ I) is a subgraph of that of An(X ∪ Y ∪ Z). For Z inside that
// ancestral set, Z m-separates X and Y iff Z separates them in H = (G_{An(X∪Y∪I)})^a, the
// augmented (moral) graph. Since Z ⊇ I, that is: Z \ I separates X and Y in H − I. So the
// answers are I ∪ S for the inclusion-minimal vertex separators S of X and Y in H − I made of
// "allowed" nodes (R ∩ An(X ∪ Y ∪ I), minus X, Y and I).
//
// Enumeration (Takata's binary partition, for restricted separators). For a vertex separator S
// let C_X(S) be the nodes reachable from X in H − S; S is minimal iff each of its nodes has a
// neighbour in C_X(S) and one in C_Y(S) (a "full" separator), and then S = N(C_X(S)). The
// search tree's nodes are classes
//     K(A, U) = { minimal S : A ⊆ C_X(S), C_X(S) ∩ U = ∅ }          (X ⊆ A, Y ⊆ U).
// For a class, `closest` computes the separator nearest to A:
//     Â  = A plus the non-allowed nodes reachable from A through non-allowed nodes;
//     N  = the allowed neighbours of Â outside Â;
//     C  = the component of Y in H − N;   S_A = N(C) ⊆ N;   A* = the component of A in H − S_A.
// If Â avoids U, then S_A is a full separator with C_X(S_A) = A*, and every S in K(A, U) has
// A* ⊆ C_X(S) (every node of N is adjacent to Â ⊆ C_X(S), so N ⊆ C_X(S) ∪ S, hence
// C_Y(S) ⊆ C, S ⊆ C ∪ N(C), and a path inside A* avoids S). So K(A, U) is non-empty iff Â and
// A* avoid U, and then S_A ∈ K(A, U). Any other S in K(A, U) has some node of S_A on its X side
// (else C_X(S) = A* and S = N(A*) = S_A); with S_A \ U = v_1 < ... < v_k, taking the first such
// v_i splits K(A, U) \ {S_A} into the disjoint classes K(A* ∪ {v_i}, U ∪ {v_1, ..., v_{i-1}}).
// Each search-tree node outputs one distinct separator; a failing child costs one O(n + m) call,
// so the delay is O(n² (n + m)).

import type { CompactIndex } from "../causal-graph.js";
import { augmentedGraph } from "./augmented.js";
import { markAncestors } from "./compact.js";

/**
 * A vertex-separator problem on an undirected graph in CSR form over node numbers `0..n-1`.
 *
 * @internal
 */
export interface VertexSeparatorProblem {
  /** CSR offsets, length n + 1. */
  readonly offsets: Int32Array;
  /** CSR neighbours (symmetric). */
  readonly adj: Int32Array;
  /** 1 = the node belongs to the graph; other nodes are treated as deleted. */
  readonly present: Uint8Array;
  /** 1 = the node may be in a separator (never a node of X or Y). */
  readonly allowed: Uint8Array;
  /** The X side (present, not allowed, non-empty). */
  readonly sources: Int32Array;
  /** The Y side (present, not allowed, non-empty, disjoint from X). */
  readonly targets: Int32Array;
}

/** One open node of the search tree. */
interface SearchNode {
  /** Nodes of its separator that were not in U when it was created, ascending. */
  readonly branch: Int32Array;
  /** Index into `branch` of the next child. */
  next: number;
  /** Trail heights of A and U belonging to this node. */
  readonly aHeight: number;
  uHeight: number;
}

/**
 * Every inclusion-minimal vertex separator of `sources` and `targets` made of allowed nodes,
 * each exactly once, as ascending node-number arrays (none if no allowed separator exists, e.g.
 * when a source is adjacent to a target). Depth-first order, smaller node numbers first.
 *
 * @internal
 */
export function* minimalVertexSeparators(
  problem: VertexSeparatorProblem,
): Generator<Int32Array, void, undefined> {
  const { offsets, adj, present, allowed, sources, targets } = problem;
  const n = present.length;
  if (sources.length === 0 || targets.length === 0) return;

  // A and U: membership flags plus an undo trail each (they only grow from root to leaf).
  const inA = new Uint8Array(n);
  const inU = new Uint8Array(n);
  const trailA = new Int32Array(n);
  const trailU = new Int32Array(n);
  let heightA = 0;
  let heightU = 0;
  const addA = (v: number): void => {
    if (inA[v] === 0) {
      inA[v] = 1;
      trailA[heightA++] = v;
    }
  };
  const addU = (v: number): void => {
    if (inU[v] === 0) {
      inU[v] = 1;
      trailU[heightU++] = v;
    }
  };
  const undo = (aHeight: number, uHeight: number): void => {
    while (heightA > aHeight) inA[trailA[--heightA] as number] = 0;
    while (heightU > uHeight) inU[trailU[--heightU] as number] = 0;
  };

  // Scratch marks carry the number of the call that set them, so nothing is ever cleared.
  const hatA = new Int32Array(n);
  const nearA = new Int32Array(n);
  const inC = new Int32Array(n);
  const inS = new Int32Array(n);
  const star = new Int32Array(n);
  const queue = new Int32Array(n);
  const found = new Int32Array(n);
  let call = 0;

  /** The separator closest to A, or null if K(A, U) is empty; on success A becomes A*. */
  const closest = (): Int32Array | null => {
    call++;
    let tail = 0;
    for (let i = 0; i < heightA; i++) {
      const v = trailA[i] as number;
      hatA[v] = call;
      queue[tail++] = v;
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const w = adj[e] as number;
        if (present[w] === 0 || hatA[w] === call || nearA[w] === call) continue;
        if (allowed[w] === 1) {
          nearA[w] = call;
        } else {
          if (inU[w] === 1) return null; // a target joined to A through non-allowed nodes
          hatA[w] = call;
          queue[tail++] = w;
        }
      }
    }
    // C = component of the targets avoiding N; the separator is the part of N it touches.
    tail = 0;
    let size = 0;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i] as number;
      if (inC[t] !== call) {
        inC[t] = call;
        queue[tail++] = t;
      }
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const w = adj[e] as number;
        if (present[w] === 0 || inC[w] === call) continue;
        if (nearA[w] === call) {
          if (inS[w] !== call) {
            inS[w] = call;
            found[size++] = w;
          }
        } else {
          // Â is bounded by N, so C (which holds the targets, outside Â) never enters it.
          inC[w] = call;
          queue[tail++] = w;
        }
      }
    }
    // A* = component of A avoiding the separator; it must not meet U.
    tail = 0;
    for (let i = 0; i < heightA; i++) {
      const v = trailA[i] as number;
      star[v] = call;
      queue[tail++] = v;
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const w = adj[e] as number;
        if (present[w] === 0 || star[w] === call || inS[w] === call) continue;
        if (inU[w] === 1) return null;
        star[w] = call;
        queue[tail++] = w;
      }
    }
    for (let i = 0; i < tail; i++) addA(queue[i] as number);
    return found.slice(0, size).sort();
  };

  const open = (separator: Int32Array): SearchNode => ({
    branch: separator.filter((v) => inU[v] === 0),
    next: 0,
    aHeight: heightA,
    uHeight: heightU,
  });

  for (let i = 0; i < sources.length; i++) addA(sources[i] as number);
  for (let i = 0; i < targets.length; i++) addU(targets[i] as number);
  const first = closest();
  if (first === null) return;
  const stack: SearchNode[] = [open(first)];
  yield first;
  while (stack.length > 0) {
    const node = stack[stack.length - 1] as SearchNode;
    if (node.next > 0) {
      // The previous child is finished: later siblings keep its branch node off the X side.
      undo(node.aHeight, node.uHeight);
      addU(node.branch[node.next - 1] as number);
      node.uHeight = heightU;
    }
    if (node.next >= node.branch.length) {
      stack.pop();
      continue;
    }
    const v = node.branch[node.next] as number;
    node.next++;
    undo(node.aHeight, node.uHeight);
    addA(v);
    const separator = closest();
    if (separator === null) continue;
    stack.push(open(separator));
    yield separator;
  }
}

/**
 * All minimal d-/m-separators Z of X and Y with `include ⊆ Z ⊆ allowed ∪ include` (minimal:
 * no proper subset of Z containing `include` separates), as ascending node-number arrays,
 * at most `max` of them, in the depth-first order of {@link minimalVertexSeparators}. The
 * caller validates the sets: X, Y non-empty and disjoint, `include` disjoint from both.
 * `allowed[v] === 1` marks the nodes a separator may contain (nodes of X, Y, `include` are
 * ignored there).
 *
 * @internal
 */
export function minimalSeparatorIds(
  ix: CompactIndex,
  x: Int32Array,
  y: Int32Array,
  include: Int32Array,
  allowed: Uint8Array,
  max: number,
): Int32Array[] {
  const n = ix.names.length;
  const anc = new Uint8Array(n);
  const seeds = new Int32Array(x.length + y.length + include.length);
  seeds.set(x, 0);
  seeds.set(y, x.length);
  seeds.set(include, x.length + y.length);
  markAncestors(ix, seeds, anc, new Int32Array(n));
  const { offsets, adj } = augmentedGraph(ix, anc);
  const present = anc.slice();
  for (const v of include) present[v] = 0;
  const free = new Uint8Array(n);
  for (let v = 0; v < n; v++) free[v] = present[v] === 1 && allowed[v] === 1 ? 1 : 0;
  for (const v of x) free[v] = 0;
  for (const v of y) free[v] = 0;
  const out: Int32Array[] = [];
  if (max <= 0) return out;
  const problem = { offsets, adj, present, allowed: free, sources: x, targets: y };
  for (const s of minimalVertexSeparators(problem)) {
    const z = new Int32Array(s.length + include.length);
    z.set(s, 0);
    z.set(include, s.length);
    out.push(z.sort());
    if (out.length >= max) break;
  }
  return out;
}
