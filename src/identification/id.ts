import { internalError } from "../errors.js";
import { ancestors } from "../graph/ancestry.js";
import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { topologicalOrder } from "../graph/topological.js";
import { type Estimand, freeVars, makeProb, makeProduct, makeSum } from "./_internal/id-ast.js";
import {
  assertDisjoint,
  assertNonEmpty,
  observedGraph,
  resolveObserved,
} from "./_internal/id-query.js";
import { idRecursion } from "./_internal/id-recursion.js";
import { simplify } from "./_internal/id-simplify.js";
import type { Hedge } from "./hedge.js";

/**
 * A causal-effect query `P(outcome | do(treatment))`.
 *
 * @since 0.1.0
 */
export interface IdQuery {
  /** The intervened nodes X (may be empty: then the answer is the marginal `P(Y)`). */
  readonly treatment: NodeSet;
  /** The outcome nodes Y (non-empty, disjoint from X). */
  readonly outcome: NodeSet;
}

/**
 * Options of {@link identifyEffect} and {@link identifyConditionalEffect}.
 *
 * @since 0.1.0
 */
export interface IdOptions {
  /**
   * Simplify the estimand with {@link simplifyEstimand}; `false` returns the formula exactly as
   * the algorithm builds it (longer, same value).
   *
   * @defaultValue true
   */
  readonly simplify?: boolean;
}

/**
 * The effect is identifiable: `estimand`, evaluated on the observational distribution of the
 * observed nodes, equals `P(y | do(x))` for every value x of the treatment and y of the outcome
 * (for every distribution compatible with the graph in which the conditioning events of the
 * estimand have positive probability). Its free variables are exactly the treatment and
 * outcome nodes that it depends on.
 *
 * @since 0.1.0
 */
export interface IdIdentified {
  /** Discriminant. */
  readonly kind: "identified";
  /** The identifying formula in terms of the observational distribution. */
  readonly estimand: Estimand;
}

/**
 * No node of the treatment is an ancestor of a node of the outcome, so intervening on the
 * treatment does not change the outcome: `P(y | do(x)) = P(y)` (Pearl's rule 3), and `estimand`
 * is the marginal `P(Y)`.
 *
 * @since 0.1.0
 */
export interface IdNoEffect {
  /** Discriminant. */
  readonly kind: "no-effect";
  /** The marginal `P(Y)`. */
  readonly estimand: Estimand;
}

/**
 * The effect is not identifiable from the observational distribution; `hedge` is the witness
 * (Shpitser & Pearl 2006, Theorem 4), checkable with {@link verifyHedge}.
 *
 * @since 0.1.0
 */
export interface IdNotIdentifiable {
  /** Discriminant. */
  readonly kind: "not-identifiable";
  /** The two c-forests found at the failure (line 5) of ID. */
  readonly hedge: Hedge;
}

/**
 * The result of {@link identifyEffect}: a discriminated union on `kind`.
 *
 * @since 0.1.0
 */
export type IdResult = IdIdentified | IdNoEffect | IdNotIdentifiable;

/**
 * Runs ID on the observed graph and returns the result (shared with IDC). `x`, `y` are resolved,
 * disjoint, observed; `g` is the observed graph.
 *
 * @internal
 */
export function runId(
  g: ReadonlyCausalGraph,
  x: readonly string[],
  y: readonly string[],
  doSimplify: boolean,
): IdIdentified | IdNotIdentifiable {
  const order = topologicalOrder(g);
  const ix = g.compactIndex();
  const position = new Int32Array(order.length);
  const rank = new Map<string, number>();
  for (let i = 0; i < order.length; i++) {
    const v = order[i] as string;
    rank.set(v, i);
    position[ix.id.get(v) ?? internalError(`identification.id: no index for "${v}"`)] = i;
  }
  const byPi = (list: readonly string[]): string[] =>
    [...list].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
  const ids = (list: readonly string[]): number[] =>
    byPi(list).map((v) => ix.id.get(v) ?? internalError(`identification.id: no index for "${v}"`));
  const out = idRecursion(
    { ix, position },
    ids(y),
    ids(x),
    { kind: "observed", vars: order },
    ids(order),
  );
  if (!out.ok)
    return { kind: "not-identifiable", hedge: { f: [...out.f], fPrime: [...out.fPrime] } };
  let estimand = out.estimand;
  // Line 3 of ID intervenes on non-ancestors W of Y; the formula then mentions w, but its value
  // does not depend on w (P_{x,w}(y) = P_x(y)). Average over w with the weights P(w), which
  // keeps the value and leaves only treatment and outcome free.
  const query = new Set([...x, ...y]);
  const extra = byPi(freeVars(estimand).filter((v) => !query.has(v)));
  if (extra.length > 0) estimand = makeSum(extra, makeProduct([makeProb(extra), estimand]));
  return { kind: "identified", estimand: doSimplify ? simplify(estimand) : estimand };
}

/**
 * Identifies the causal effect `P(Y | do(X))` from the observational distribution of the
 * observed nodes of a causal graph, with the ID algorithm of Shpitser & Pearl (2006). ID is
 * sound and complete: it returns an estimand exactly when the effect is identifiable, and a
 * hedge otherwise.
 *
 * The graph is a DAG or an ADMG: a bidirected edge `a <-> b` stands for an unobserved common
 * cause of a and b (semi-Markovian model). Nodes with the `latent` role are projected out first
 * ({@link latentProjection}), which preserves identifiability; they may not be in X or Y.
 *
 * The algorithm (Fig. 3 of the paper, with a topological order π of the graph):
 * 1. if X = ∅, return `Σ_{v \ y} P(v)`;
 * 2. restrict to the ancestors of Y (marginalising the rest);
 * 3. add to X the nodes W that are not ancestors of Y once X is intervened on;
 * 4. if `G \ X` has c-components S_1..S_k (k > 1), return
 *    `Σ_{v \ (y ∪ x)} Π_i ID(s_i, v \ s_i)`;
 * 5. if G is a single c-component, fail with the hedge (G, S);
 * 6. if S is a c-component of G, return `Σ_{s \ y} Π_{V_i ∈ S} P(v_i | v_π^{(i-1)})`;
 * 7. otherwise recurse into the c-component S' ⊃ S of G with
 *    `P' = Π_{V_i ∈ S'} P(V_i | V_π^{(i-1)} ∩ S', v_π^{(i-1)} \ S')`.
 *
 * Result kinds: `"no-effect"` when no node of X is an ancestor of a node of Y (the estimand is
 * `P(Y)`); `"identified"` with the estimand; `"not-identifiable"` with the hedge. Variables that
 * line 3 adds to the intervention (their value cannot matter) are averaged out with their
 * observational weights, so the estimand's free variables are treatment and outcome nodes only.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param query - the treatment X and the outcome Y
 * @param options - see {@link IdOptions}
 * @returns the identification result
 * @throws {@link UnknownNodeError} if a node of X or Y does not exist
 * @throws {@link InvalidArgumentError} if Y is empty, X and Y overlap, or a node of X or Y is
 *   latent
 * @remarks Polynomial: at most O(n) recursive calls per level of a recursion of depth O(n),
 *   each doing O(n + m) graph work, for n nodes and m edges (Shpitser & Pearl 2006, §4). The
 *   unsimplified estimand has polynomial size.
 * @see Shpitser & Pearl (2006), "Identification of joint interventional distributions in
 *   recursive semi-Markovian causal models", AAAI, Fig. 3 (ID), Theorems 4-6 (soundness,
 *   completeness via hedges); Tian & Pearl (2002), "A general identification condition for
 *   causal effects", AAAI (c-components); Pearl (2009), Causality, 2nd ed., §3.4 (rule 3).
 * @example
 * ```ts
 * // Front door: X -> M -> Y with X <-> Y.
 * const g = CausalGraph.from({ directed: [["X", "M"], ["M", "Y"]], bidirected: [["X", "Y"]] });
 * const r = identifyEffect(g, { treatment: "X", outcome: "Y" });
 * if (r.kind === "identified") formatEstimand(r.estimand);
 * // "sum_{M} [P(M|X) * sum_{X} [P(Y|X,M) * P(X)]]"
 * ```
 * @since 0.1.0
 */
export function identifyEffect(
  graph: ReadonlyCausalGraph,
  query: IdQuery,
  options: IdOptions = {},
): IdResult {
  const where = "identification.identifyEffect";
  const x = resolveObserved(graph, query.treatment, "treatment", where);
  const y = resolveObserved(graph, query.outcome, "outcome", where);
  assertNonEmpty(y, "outcome", where);
  assertDisjoint(x, "treatment", y, "outcome", where);
  const g = observedGraph(graph);
  const anY = ancestors(g, y);
  if (x.every((v) => !anY.has(v))) {
    const order = topologicalOrder(g);
    const ySet = new Set(y);
    return { kind: "no-effect", estimand: makeProb(order.filter((v) => ySet.has(v))) };
  }
  return runId(g, x, y, options.simplify ?? true);
}
