// The ID algorithm of Shpitser & Pearl (2006), Fig. 3, lines 1-7, on an ADMG without latent
// nodes. Returns an (unsimplified) estimand, or the hedge witness of line 5.
//
// The recursion never builds subgraphs: a subgraph G_S is the node set S (sorted by π) over the
// compact (CSR) index of the whole graph, and the graph queries ID needs (ancestors, ancestors
// with the edges into X cut, c-components) are computed inside S on typed arrays.
import { internalError } from "../../errors.js";
import type { CompactIndex } from "../../graph/causal-graph.js";
import { type Estimand, makeProduct, makeSum } from "./id-ast.js";
import {
  conditional,
  type IdDist,
  jointEstimand,
  marginalize,
  restrictToChain,
} from "./id-distribution-state.js";

/** The outcome of the recursion: an estimand, or the two c-forests of a hedge (node names). */
export type IdOutcome =
  | { readonly ok: true; readonly estimand: Estimand }
  | { readonly ok: false; readonly f: readonly string[]; readonly fPrime: readonly string[] };

/** Shared, read-only state of one run. */
export interface IdRun {
  /** The compact index of the (latent-free) graph. */
  readonly ix: CompactIndex;
  /** Position of every node number in the topological order π. */
  readonly position: Int32Array;
}

/** Node numbers sorted by π (positions are distinct). */
function byPi(run: IdRun, ids: Iterable<number>): number[] {
  return [...ids].sort((a, b) => (run.position[a] as number) - (run.position[b] as number));
}

function maskOf(n: number, ids: readonly number[]): Uint8Array {
  const m = new Uint8Array(n);
  for (const v of ids) m[v] = 1;
  return m;
}

/**
 * The nodes of `inside` with a directed path to a seed that stays inside `inside` (seeds
 * included), as a mask. With `cut`, the edges into the nodes of `cut` are ignored: ancestors in
 * `G_{\bar X}`.
 */
function ancestorsWithin(
  run: IdRun,
  inside: Uint8Array,
  seeds: readonly number[],
  cut?: Uint8Array,
): Uint8Array {
  const { ix } = run;
  const mark = new Uint8Array(inside.length);
  const stack: number[] = [];
  for (const s of seeds) {
    if (mark[s] === 0) {
      mark[s] = 1;
      stack.push(s);
    }
  }
  while (stack.length > 0) {
    const v = stack.pop() as number;
    if (cut !== undefined && cut[v] !== 0) continue;
    const end = ix.parentOffsets[v + 1] as number;
    for (let e = ix.parentOffsets[v] as number; e < end; e++) {
      const p = ix.parents[e] as number;
      if (inside[p] !== 0 && mark[p] === 0) {
        mark[p] = 1;
        stack.push(p);
      }
    }
  }
  return mark;
}

/** The c-components (bidirected-connected components) of the subgraph induced by `nodes`. */
function districtsWithin(run: IdRun, nodes: readonly number[]): number[][] {
  const { ix } = run;
  const inside = maskOf(ix.names.length, nodes);
  const seen = new Uint8Array(ix.names.length);
  const out: number[][] = [];
  for (const root of nodes) {
    if (seen[root] !== 0) continue;
    seen[root] = 1;
    const component = [root];
    for (let i = 0; i < component.length; i++) {
      const v = component[i] as number;
      const end = ix.siblingOffsets[v + 1] as number;
      for (let e = ix.siblingOffsets[v] as number; e < end; e++) {
        const w = ix.siblings[e] as number;
        if (inside[w] !== 0 && seen[w] === 0) {
          seen[w] = 1;
          component.push(w);
        }
      }
    }
    out.push(byPi(run, component));
  }
  return out;
}

/**
 * ID(y, x, P, G_V). `V` (the current graph's nodes) is sorted by π; `y` is non-empty, `x` and `y`
 * are disjoint subsets of `V`; the visible variables of `p` are the nodes of `V`.
 */
export function idRecursion(
  run: IdRun,
  y: readonly number[],
  x: readonly number[],
  p: IdDist,
  V: readonly number[],
): IdOutcome {
  const { names } = run.ix;
  const n = names.length;
  const name = (v: number): string => names[v] as string;
  const nameSet = (ids: Iterable<number>): Set<string> => new Set([...ids].map(name));
  const inV = maskOf(n, V);
  const inY = maskOf(n, y);
  const inX = maskOf(n, x);

  // Line 1: no intervention: Σ_{v \ y} P(v).
  if (x.length === 0) return { ok: true, estimand: jointEstimand(marginalize(p, nameSet(y))) };

  // Line 2: restrict to the ancestors of Y in G.
  const anY = ancestorsWithin(run, inV, y);
  const A = V.filter((v) => anY[v] !== 0);
  if (A.length < V.length) {
    return idRecursion(
      run,
      y,
      x.filter((v) => anY[v] !== 0),
      marginalize(p, nameSet(A)),
      A,
    );
  }

  // Line 3: W = (V \ X) \ An(Y)_{G_{\bar X}}; intervening on W changes nothing.
  const anYx = ancestorsWithin(run, inV, y, inX);
  const W = V.filter((v) => inX[v] === 0 && anYx[v] === 0);
  if (W.length > 0) return idRecursion(run, y, byPi(run, [...x, ...W]), p, V);

  // Line 4: split into the c-components of G \ X.
  const rest = V.filter((v) => inX[v] === 0);
  const components = districtsWithin(run, rest);
  if (components.length > 1) {
    const factors: Estimand[] = [];
    for (const S of components) {
      const inS = maskOf(n, S);
      const sub = idRecursion(
        run,
        S,
        V.filter((v) => inS[v] === 0),
        p,
        V,
      );
      if (!sub.ok) return sub;
      factors.push(sub.estimand);
    }
    return {
      ok: true,
      estimand: makeSum(
        V.filter((v) => inY[v] === 0 && inX[v] === 0).map(name),
        makeProduct(factors),
      ),
    };
  }
  const S = components[0] ?? internalError("identification.id: G \\ X has no c-component");
  const districts = districtsWithin(run, V);

  // Line 5: G is a single c-component: fail with the hedge (G, S).
  if (districts.length === 1) return { ok: false, f: V.map(name), fPrime: S.map(name) };

  // Line 6: S is a c-component of G: Σ_{s \ y} Π_{V_i ∈ S} P(v_i | v_π^{(i-1)}).
  const container = districts.find((d) => d.includes(S[0] as number));
  if (container === undefined || !S.every((v) => container.includes(v))) {
    internalError("identification.id: no c-component of G contains S");
  }
  if (container.length === S.length) {
    return {
      ok: true,
      estimand: makeSum(
        S.filter((v) => inY[v] === 0).map(name),
        makeProduct(S.map((v) => conditional(p, name(v)))),
      ),
    };
  }

  // Line 7: S lies inside a larger c-component S' of G: recurse on G_{S'} with
  // P' = Π_{V_i ∈ S'} P(V_i | V_π^{(i-1)} ∩ S', v_π^{(i-1)} \ S').
  const inSPrime = maskOf(n, container);
  return idRecursion(
    run,
    y,
    x.filter((v) => inSPrime[v] !== 0),
    restrictToChain(p, container.map(name)),
    container,
  );
}
