import { DimensionError } from "../../errors.js";
import type { Factor } from "./factor.js";

/**
 * An elimination order for variable elimination and what it costs.
 *
 * @since 0.1.0
 */
export interface EliminationPlan {
  /** Variables to sum out, in elimination order (every scope variable not kept). */
  readonly order: readonly number[];
  /**
   * Cells of the largest table the elimination touches: for each eliminated variable v, the
   * product of the cardinalities of v and its neighbours in the interaction graph at that step
   * (the scope of the product of all factors mentioning v, Koller & Friedman 2009 §9.4.1), and
   * the final factor over the kept variables.
   */
  readonly largestFactorSize: number;
}

/** Working arrays of {@link eliminationOrder} for m variables (flags and adjacency zeroed). */
interface Scratch {
  readonly adj: Uint32Array;
  readonly kept: Uint8Array;
  readonly alive: Uint8Array;
  readonly dirty: Uint8Array;
  readonly fill: Float64Array;
  readonly weight: Float64Array;
  readonly nbScore: Int32Array;
  readonly nb: Int32Array;
  readonly nb2: Int32Array;
  readonly touched: Int32Array;
}

// Reused across calls (the function is not reentrant, and JavaScript is single-threaded):
// small queries would otherwise spend much of their time allocating these arrays.
let bits = new Uint32Array(0);
let flags = new Uint8Array(0);
let reals = new Float64Array(0);
let ints = new Int32Array(0);

function scratch(m: number, words: number): Scratch {
  if (bits.length < m * words) bits = new Uint32Array(Math.max(m * words, 2 * bits.length));
  if (flags.length < 3 * m) flags = new Uint8Array(Math.max(3 * m, 2 * flags.length));
  if (reals.length < 2 * m) reals = new Float64Array(Math.max(2 * m, 2 * reals.length));
  if (ints.length < 4 * m) ints = new Int32Array(Math.max(4 * m, 2 * ints.length));
  bits.fill(0, 0, m * words);
  flags.fill(0, 0, 3 * m);
  return {
    adj: bits.subarray(0, m * words),
    kept: flags.subarray(0, m),
    alive: flags.subarray(m, 2 * m),
    dirty: flags.subarray(2 * m, 3 * m),
    fill: reals.subarray(0, m),
    weight: reals.subarray(m, 2 * m),
    nbScore: ints.subarray(0, m),
    nb: ints.subarray(m, 2 * m),
    nb2: ints.subarray(2 * m, 3 * m),
    touched: ints.subarray(3 * m, 4 * m),
  };
}

/**
 * Plans an elimination order with the greedy **weighted min-fill** heuristic (Kjærulff 1990;
 * Koller & Friedman 2009, §9.4.3.2): repeatedly eliminate the variable whose elimination adds
 * the fill edges of least total weight to the interaction graph, where an edge {a, b} weighs
 * `|Val(a)|·|Val(b)|`. Ties go to the smaller cluster `|Val(v)|·Π|Val(neighbours)|`
 * (min-weight), then to the smaller variable number, so the plan is deterministic.
 *
 * The interaction (moral) graph has an edge between every two variables that share a factor.
 *
 * @param factors - the factors of the sum-product
 * @param keep - variables not to eliminate (the query variables)
 * @returns the order and the size of the largest factor it creates
 * @throws {@link DimensionError} if a variable has different cardinalities in two factors
 * @remarks O(n² + Σ_steps d_v²·d̄) for n variables: each step scans the candidates once and
 *   rescores only the variables within two hops of the eliminated one.
 * @see Kjærulff, U. (1990). *Triangulation of graphs — algorithms giving small total state
 *   space*. Technical report R-90-09, Aalborg University.
 * @see Koller, D., & Friedman, N. (2009). *Probabilistic Graphical Models*, §9.4.3
 *   "Finding elimination orderings".
 * @since 0.1.0
 */
export function eliminationOrder(
  factors: readonly Factor[],
  keep: ArrayLike<number>,
): EliminationPlan {
  const local = new Map<number, number>();
  const varOf: number[] = [];
  const cards: number[] = [];
  for (const f of factors) {
    for (let i = 0; i < f.variables.length; i++) {
      const v = f.variables[i] as number;
      const c = f.cardinalities[i] as number;
      const at = local.get(v);
      if (at === undefined) {
        local.set(v, varOf.length);
        varOf.push(v);
        cards.push(c);
      } else if (cards[at] !== c) {
        throw new DimensionError(
          `inference.eliminationOrder: variable ${v} has ${cards[at]} states in one factor and ${c} in another`,
          cards[at] as number,
          c,
        );
      }
    }
  }
  const m = varOf.length;
  // Interaction graph as a bit matrix: row v holds `words` 32-bit words, bit a of row v set
  // iff a and v are adjacent. Membership tests and row scans stay on one typed array; the
  // scores are sums and products of integers, so they (and the order) do not depend on the
  // order in which neighbours are visited.
  const words = (m + 31) >>> 5;
  const s = scratch(m, words);
  const adj = s.adj;
  const link = (a: number, b: number): void => {
    adj[a * words + (b >>> 5)] = (adj[a * words + (b >>> 5)] as number) | (1 << (b & 31));
    adj[b * words + (a >>> 5)] = (adj[b * words + (a >>> 5)] as number) | (1 << (a & 31));
  };
  const adjacent = (a: number, b: number): boolean =>
    ((adj[a * words + (b >>> 5)] as number) & (1 << (b & 31))) !== 0;
  // Neighbours of v written to `out` (ascending); returns how many.
  const neighbours = (v: number, out: Int32Array): number => {
    let k = 0;
    const row = v * words;
    for (let w = 0; w < words; w++) {
      let bits = adj[row + w] as number;
      while (bits !== 0) {
        const low = bits & -bits;
        out[k++] = (w << 5) + 31 - Math.clz32(low);
        bits ^= low;
      }
    }
    return k;
  };
  const scope: number[] = [];
  for (const f of factors) {
    scope.length = 0;
    for (let i = 0; i < f.variables.length; i++)
      scope.push(local.get(f.variables[i] as number) as number);
    for (let i = 0; i < scope.length; i++) {
      const a = scope[i] as number;
      for (let j = i + 1; j < scope.length; j++) link(a, scope[j] as number);
    }
  }
  const kept = s.kept;
  let finalSize = 1;
  for (let i = 0; i < keep.length; i++) {
    const at = local.get(keep[i] as number);
    if (at !== undefined && kept[at] === 0) {
      kept[at] = 1;
      finalSize *= cards[at] as number;
    }
  }

  const fill = s.fill;
  const weight = s.weight;
  const alive = s.alive;
  const nbScore = s.nbScore;
  let remaining = 0;
  const score = (v: number): void => {
    const d = neighbours(v, nbScore);
    let w = cards[v] as number;
    let f = 0;
    for (let i = 0; i < d; i++) {
      const a = nbScore[i] as number;
      w *= cards[a] as number;
      for (let j = i + 1; j < d; j++) {
        const b = nbScore[j] as number;
        if (!adjacent(a, b)) f += (cards[a] as number) * (cards[b] as number);
      }
    }
    fill[v] = f;
    weight[v] = w;
  };
  for (let v = 0; v < m; v++) {
    if (kept[v] === 1) continue;
    alive[v] = 1;
    remaining++;
    score(v);
  }

  const order: number[] = [];
  let largest = finalSize;
  const dirty = s.dirty;
  const nb = s.nb;
  const nb2 = s.nb2;
  const touched = s.touched;
  while (remaining > 0) {
    let best = -1;
    for (let v = 0; v < m; v++) {
      if (alive[v] === 0) continue;
      if (
        best < 0 ||
        (fill[v] as number) < (fill[best] as number) ||
        ((fill[v] as number) === (fill[best] as number) &&
          ((weight[v] as number) < (weight[best] as number) ||
            ((weight[v] as number) === (weight[best] as number) &&
              (varOf[v] as number) < (varOf[best] as number))))
      ) {
        best = v;
      }
    }
    const v = best;
    if ((weight[v] as number) > largest) largest = weight[v] as number;
    order.push(varOf[v] as number);
    alive[v] = 0;
    remaining--;
    const d = neighbours(v, nb);
    // Remove v, then connect its neighbours pairwise (the fill edges).
    for (let i = 0; i < d; i++) {
      const a = nb[i] as number;
      adj[a * words + (v >>> 5)] = (adj[a * words + (v >>> 5)] as number) & ~(1 << (v & 31));
    }
    adj.fill(0, v * words, (v + 1) * words);
    for (let i = 0; i < d; i++) {
      const a = nb[i] as number;
      for (let j = i + 1; j < d; j++) link(a, nb[j] as number);
    }
    // Only variables within two hops of v can change score.
    let t = 0;
    for (let i = 0; i < d; i++) {
      const a = nb[i] as number;
      if (dirty[a] === 0) {
        dirty[a] = 1;
        touched[t++] = a;
      }
      const d2 = neighbours(a, nb2);
      for (let j = 0; j < d2; j++) {
        const b = nb2[j] as number;
        if (dirty[b] === 0) {
          dirty[b] = 1;
          touched[t++] = b;
        }
      }
    }
    for (let i = 0; i < t; i++) {
      const x = touched[i] as number;
      dirty[x] = 0;
      if (alive[x] === 1) score(x);
    }
  }
  return { order, largestFactorSize: largest };
}
