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
  const adj: Set<number>[] = Array.from({ length: m }, () => new Set<number>());
  const scope: number[] = [];
  for (const f of factors) {
    scope.length = 0;
    for (let i = 0; i < f.variables.length; i++)
      scope.push(local.get(f.variables[i] as number) as number);
    for (let i = 0; i < scope.length; i++) {
      const a = scope[i] as number;
      for (let j = i + 1; j < scope.length; j++) {
        const b = scope[j] as number;
        (adj[a] as Set<number>).add(b);
        (adj[b] as Set<number>).add(a);
      }
    }
  }
  const kept = new Uint8Array(m);
  let finalSize = 1;
  for (let i = 0; i < keep.length; i++) {
    const at = local.get(keep[i] as number);
    if (at !== undefined && kept[at] === 0) {
      kept[at] = 1;
      finalSize *= cards[at] as number;
    }
  }

  const fill = new Float64Array(m);
  const weight = new Float64Array(m);
  const alive = new Uint8Array(m);
  let remaining = 0;
  const score = (v: number): void => {
    const nb = Array.from(adj[v] as Set<number>);
    let w = cards[v] as number;
    let f = 0;
    for (let i = 0; i < nb.length; i++) {
      const a = nb[i] as number;
      w *= cards[a] as number;
      const adjA = adj[a] as Set<number>;
      for (let j = i + 1; j < nb.length; j++) {
        const b = nb[j] as number;
        if (!adjA.has(b)) f += (cards[a] as number) * (cards[b] as number);
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
  const dirty = new Uint8Array(m);
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
    const nb = Array.from(adj[v] as Set<number>);
    for (const a of nb) (adj[a] as Set<number>).delete(v);
    (adj[v] as Set<number>).clear();
    for (let i = 0; i < nb.length; i++) {
      const a = nb[i] as number;
      for (let j = i + 1; j < nb.length; j++) {
        const b = nb[j] as number;
        (adj[a] as Set<number>).add(b);
        (adj[b] as Set<number>).add(a);
      }
    }
    // Only variables within two hops of v can change score.
    const touched: number[] = [];
    for (const a of nb) {
      if (dirty[a] === 0) {
        dirty[a] = 1;
        touched.push(a);
      }
      for (const b of adj[a] as Set<number>) {
        if (dirty[b] === 0) {
          dirty[b] = 1;
          touched.push(b);
        }
      }
    }
    for (const t of touched) {
      dirty[t] = 0;
      if (alive[t] === 1) score(t);
    }
  }
  return { order, largestFactorSize: largest };
}
