// Bit codes of small labelled DAGs (n ≤ 6) and their canonical forms under node permutations,
// for the exhaustive enumerations. Internal to `causalkit/datasets`.
//
// Two codes are used:
// - the *forward code* of a graph whose edges all go from a lower to a higher node number:
//   bit `pairIndex(i, j)` (i < j) set iff i -> j; n(n−1)/2 ≤ 15 bits;
// - the *full code* of any directed graph: bit `arcIndex(i, j)` (i ≠ j) set iff i -> j;
//   n(n−1) ≤ 30 bits.
// Every DAG is isomorphic to a forward graph (number its nodes in a topological order), and
// two forward graphs are isomorphic iff a permutation maps one onto the other, which then
// keeps every edge forward. The canonical form of an unlabelled DAG is the least forward code
// among its forward labellings.
import { InvalidArgumentError } from "../../errors.js";
import { CausalGraph } from "../../graph/causal-graph.js";
import { resolveNames } from "./names.js";
import { checkInteger, checkOptions } from "./validate.js";

/** Number of the unordered pair {i, j}, i < j: pairs ordered by j, then i. */
export function pairIndex(i: number, j: number): number {
  return (j * (j - 1)) / 2 + i;
}

/** Number of the arc i -> j (i ≠ j) among the n(n−1) arcs of n nodes. */
export function arcIndex(n: number, i: number, j: number): number {
  return i * (n - 1) + (j < i ? j : j - 1);
}

/** All permutations of 0..n-1, in lexicographic order. */
export function permutations(n: number): Int8Array[] {
  const out: Int8Array[] = [];
  const p = Int8Array.from({ length: n }, (_, i) => i);
  const used = new Uint8Array(n);
  const cur = new Int8Array(n);
  const visit = (k: number): void => {
    if (k === n) {
      out.push(cur.slice());
      return;
    }
    for (let v = 0; v < n; v++) {
      if (used[v]) continue;
      used[v] = 1;
      cur[k] = p[v] as number;
      visit(k + 1);
      used[v] = 0;
    }
  };
  visit(0);
  return out;
}

/** Small-DAG code tables for a fixed n. */
export class DagCodes {
  readonly n: number;
  /** Number of pairs, n(n−1)/2. */
  readonly pairs: number;
  /** Pair number → [i, j] (i < j). */
  readonly pairEnds: Int8Array;
  readonly perms: Int8Array[];
  /** `forwardMap[π * pairs + e]`: the pair the forward edge e maps to under π, or −1 if backward. */
  readonly forwardMap: Int16Array;
  /** Arc number → [i, j]. */
  readonly arcEnds: Int8Array;

  constructor(n: number) {
    this.n = n;
    this.pairs = (n * (n - 1)) / 2;
    this.pairEnds = new Int8Array(2 * this.pairs);
    for (let j = 1; j < n; j++) {
      for (let i = 0; i < j; i++) {
        const e = pairIndex(i, j);
        this.pairEnds[2 * e] = i;
        this.pairEnds[2 * e + 1] = j;
      }
    }
    this.arcEnds = new Int8Array(2 * n * (n - 1));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const a = arcIndex(n, i, j);
        this.arcEnds[2 * a] = i;
        this.arcEnds[2 * a + 1] = j;
      }
    }
    this.perms = permutations(n);
    this.forwardMap = new Int16Array(this.perms.length * this.pairs);
    this.perms.forEach((pi, k) => {
      for (let e = 0; e < this.pairs; e++) {
        const a = pi[this.pairEnds[2 * e] as number] as number;
        const b = pi[this.pairEnds[2 * e + 1] as number] as number;
        this.forwardMap[k * this.pairs + e] = a < b ? pairIndex(a, b) : -1;
      }
    });
  }

  /**
   * The image of a forward code under permutation number k, or −1 if some edge turns
   * backward.
   */
  mapForward(code: number, k: number): number {
    let image = 0;
    const base = k * this.pairs;
    for (let e = 0, c = code; c !== 0; e++, c >>>= 1) {
      if ((c & 1) === 0) continue;
      const f = this.forwardMap[base + e] as number;
      if (f < 0) return -1;
      image |= 1 << f;
    }
    return image;
  }

  /** Whether a forward code is the least among its forward relabellings. */
  isCanonical(code: number): boolean {
    for (let k = 1; k < this.perms.length; k++) {
      const image = this.mapForward(code, k);
      if (image >= 0 && image < code) return false;
    }
    return true;
  }

  /** The canonical forward codes of all unlabelled DAGs on n nodes, ascending. */
  canonicalCodes(): number[] {
    const out: number[] = [];
    const total = 2 ** this.pairs;
    for (let code = 0; code < total; code++) if (this.isCanonical(code)) out.push(code);
    return out;
  }

  /** The full codes of all labelled DAGs on n nodes (orbits of the canonical ones), ascending. */
  labelledCodes(): number[] {
    const seen = new Set<number>();
    for (const c of this.canonicalCodes()) {
      const full = this.fullOfForward(c);
      for (let k = 0; k < this.perms.length; k++) seen.add(this.mapFull(full, k));
    }
    return [...seen].sort((a, b) => a - b);
  }

  /** The full code of a forward code. */
  fullOfForward(code: number): number {
    let full = 0;
    for (let e = 0, c = code; c !== 0; e++, c >>>= 1) {
      if (c & 1) {
        full |=
          1 << arcIndex(this.n, this.pairEnds[2 * e] as number, this.pairEnds[2 * e + 1] as number);
      }
    }
    return full;
  }

  /** The full code of an edge list. */
  fullOfEdges(edges: Iterable<readonly [number, number]>): number {
    let full = 0;
    for (const [i, j] of edges) full |= 1 << arcIndex(this.n, i, j);
    return full;
  }

  /** The arcs `[i, j]` of a full code, by i then j. */
  edgesOfFull(full: number): [number, number][] {
    const edges: [number, number][] = [];
    for (let i = 0; i < this.n; i++) {
      for (let j = 0; j < this.n; j++) {
        if (i !== j && full & (1 << arcIndex(this.n, i, j))) edges.push([i, j]);
      }
    }
    return edges;
  }

  /** The full code of a full code's image under permutation number k. */
  mapFull(full: number, k: number): number {
    const pi = this.perms[k] as Int8Array;
    const ends = this.arcEnds;
    let image = 0;
    for (let a = 0, c = full; c !== 0; a++, c >>>= 1) {
      if (c & 1) {
        image |=
          1 <<
          arcIndex(
            this.n,
            pi[ends[2 * a] as number] as number,
            pi[ends[2 * a + 1] as number] as number,
          );
      }
    }
    return image;
  }

  /** The image of an undirected-pair code (bit `pairIndex(i, j)` = edge i — j) under permutation number k. */
  mapPairs(code: number, k: number): number {
    const pi = this.perms[k] as Int8Array;
    const ends = this.pairEnds;
    let image = 0;
    for (let e = 0, c = code; c !== 0; e++, c >>>= 1) {
      if (c & 1) {
        const a = pi[ends[2 * e] as number] as number;
        const b = pi[ends[2 * e + 1] as number] as number;
        image |= 1 << (a < b ? pairIndex(a, b) : pairIndex(b, a));
      }
    }
    return image;
  }
}

/** The graph with the given node names (node i = names[i]) and full code. */
export function graphOfCode(codes: DagCodes, names: readonly string[], full: number): CausalGraph {
  return CausalGraph.from({
    nodes: names,
    directed: codes
      .edgesOfFull(full)
      .map(([i, j]) => [names[i] as string, names[j] as string] as const),
  });
}

/** Largest n enumerated up to isomorphism, and labelled (the counts grow super-exponentially). */
const MAX_UNLABELLED = 6;
const MAX_LABELLED = 5;

/**
 * The checked options shared by the DAG and equivalence-class enumerations: whether to work up
 * to isomorphism (default `unlabelledDefault`), the node names, and the codes for n nodes.
 */
export function readEnumeration(
  where: string,
  n: number,
  options: { readonly upToIsomorphism?: boolean; readonly names?: readonly string[] } | undefined,
  unlabelledDefault: boolean,
): { unlabelled: boolean; names: string[]; codes: DagCodes } {
  const o = checkOptions(where, options);
  const unlabelled = o.upToIsomorphism ?? unlabelledDefault;
  if (typeof unlabelled !== "boolean") {
    throw new InvalidArgumentError(
      `${where}: upToIsomorphism must be a boolean`,
      "upToIsomorphism",
    );
  }
  checkInteger(where, "n", n, 0, unlabelled ? MAX_UNLABELLED : MAX_LABELLED);
  return { unlabelled, names: resolveNames(where, n, o.names), codes: new DagCodes(n) };
}
