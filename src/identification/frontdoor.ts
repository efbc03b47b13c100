import { InvalidArgumentError } from "../errors.js";
import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { dSeparated } from "../graph/d-separation.js";
import { backdoorGraph } from "../graph/mutilate.js";
import { checkCap, resolveFrontdoorQuery, resolveMediators } from "./_internal/frontdoor-query.js";
import {
  frontdoorContext,
  intercepts,
  largestFrontdoorSet,
  minimalFrontdoorSets,
} from "./_internal/frontdoor-search.js";
import { type Estimand, probTerm, productTerm, sumTerm } from "./estimand.js";

/**
 * Options of {@link findFrontdoorSet}.
 *
 * @since 0.1.0
 */
export interface FrontdoorSetOptions {
  /**
   * Nodes the set must contain. They must be observed and disjoint from X, Y and `exclude`.
   *
   * @defaultValue []
   */
  readonly include?: NodeSet;
  /**
   * Nodes the set must not contain, e.g. variables that were not measured but are not marked
   * latent. Nodes of X or Y here are ignored.
   *
   * @defaultValue []
   */
  readonly exclude?: NodeSet;
}

/**
 * Options of {@link listMinimalFrontdoorSets}.
 *
 * @since 0.1.0
 */
export interface ListFrontdoorSetsOptions {
  /**
   * Nodes no listed set may contain; minimality is then among the sets avoiding them.
   *
   * @defaultValue []
   */
  readonly exclude?: NodeSet;
  /**
   * Stop after this many sets (a non-negative integer, or `Infinity`).
   *
   * @defaultValue Infinity
   */
  readonly max?: number;
  /**
   * Budget of the search: the number of subproblems it may open (a non-negative integer, or
   * `Infinity`) before it gives up with an {@link InvalidArgumentError} (`argument`
   * `"maxSteps"`). Each subproblem costs O(n (n + m)).
   *
   * @defaultValue 100000
   */
  readonly maxSteps?: number;
}

/**
 * Whether `Z` satisfies the front-door criterion relative to the treatments `X` and the outcomes
 * `Y`, so that
 * `P(y | do(x)) = Σ_z P(z | x) Σ_{x'} P(y | x', z) P(x')` (see {@link frontdoorEstimand}).
 *
 * Definition (Pearl 2009, Def. 3.3.3, for sets as in Jeong, Tian & Bareinboim 2022):
 * `Z` satisfies the front-door criterion relative to (X, Y) iff **all** of
 * 1. `Z` intercepts every directed path from a node of X to a node of Y;
 * 2. there is no unblocked back-door path from X to Z: X and Z are d-separated by ∅ in
 *    `G_{\underline X}` (the graph without the edges out of X; see {@link backdoorGraph});
 * 3. X blocks every back-door path from Z to Y: Z and Y are d-separated by X in
 *    `G_{\underline Z}`.
 *
 * Latent nodes (role `latent`) and bidirected edges stand for unobserved common causes and open
 * back-door paths like any other node or edge (separation is m-separation). For example, in
 * `E -> X, E -> R, X -> M, R -> M, M -> Y` with E latent, `{M}` fails condition 2 through
 * `X <- E -> R -> M`. The empty set qualifies exactly when no directed path leads from X to Y
 * (then `P(y | do(x)) = P(y)`).
 *
 * Only the `latent` role of the graph is consulted; the exposure, outcome and adjusted roles are
 * ignored (pass the sets explicitly).
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param X - the treatments, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param Z - the candidate front-door set, observed, disjoint from X and Y; may be empty
 * @returns true iff `Z` satisfies all three conditions
 * @throws {@link UnknownNodeError} if a node of X, Y or Z does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, Z meets X ∪ Y, or a
 *   node of X, Y or Z is latent (`argument` names the node, or `"X"` / `"Y"` if empty)
 * @remarks O(n + m) for n nodes and m edges: one directed search, two graph copies and two
 *   Bayes-ball passes.
 * @see Pearl (2009), Causality, 2nd ed., §3.3.2 (Definition 3.3.3, Theorem 3.3.4); Jeong, Tian &
 *   Bareinboim (2022), "Finding and listing front-door adjustment sets", NeurIPS 35.
 * @example
 * ```ts
 * // X -> M -> Y with X <-> Y
 * const g = CausalGraph.from({ directed: [["X", "M"], ["M", "Y"]], bidirected: [["X", "Y"]] });
 * isFrontdoorSet(g, "X", "Y", ["M"]); // true
 * isFrontdoorSet(g, "X", "Y", []); // false: X -> M -> Y is not intercepted
 * ```
 * @since 0.1.0
 */
export function isFrontdoorSet(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  Z: NodeSet,
): boolean {
  const where = "identification.isFrontdoorSet";
  const q = resolveFrontdoorQuery(graph, X, Y, where);
  const z = resolveMediators(graph, Z, "Z", q, where);
  const ctx = frontdoorContext(graph, q.x, q.y, new Set());
  const inZ = new Uint8Array(ctx.n);
  for (const v of z) inZ[ctx.ix.id.get(v) ?? 0] = 1;
  if (!intercepts(ctx, inZ)) return false;
  if (z.length === 0) return true;
  if (!dSeparated(backdoorGraph(graph, q.x), q.x, z, [])) return false;
  return dSeparated(backdoorGraph(graph, z), z, q.y, q.x);
}

/**
 * A set satisfying the front-door criterion relative to (X, Y) (see {@link isFrontdoorSet})
 * with `include ⊆ Z`, no latent node and no node of `exclude`; or `null` if there is none. The
 * set returned is the **largest** one: every front-door set in the allowed range is a subset of
 * it (use {@link listMinimalFrontdoorSets} for small sets).
 *
 * Algorithm FINDFDSET of Jeong, Tian & Bareinboim (2022), in the linear-time form of Wienöbst,
 * van der Zander & Liśkiewicz (2024): (a) the candidates are the allowed nodes that satisfy
 * condition 2 on their own (condition 2 holds for a set iff it holds for each member); (b) a
 * candidate is dropped while an open back-door path (given X) joins it to Y in the graph where the
 * remaining candidates have no outgoing edges; the sets satisfying conditions 2 and 3 are closed
 * under union, and what remains is the largest of them; (c) condition 1 is monotone, so a
 * front-door set exists iff the remaining set contains `include` and satisfies condition 1.
 *
 * @param graph - a DAG or ADMG (not modified); nodes with the `latent` role are never chosen
 * @param X - the treatments, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param options - nodes that must / must not be in the set
 * @returns the largest front-door set, in node order (`[]` when no directed path leads from X
 *   to Y and nothing else qualifies), or `null`
 * @throws {@link UnknownNodeError} if a node does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, a node of X, Y or
 *   `include` is latent, `include` meets X ∪ Y, or a node is in both `include` and `exclude`
 * @remarks O(n + m) for n nodes and m edges (three linear-time graph searches).
 * @see Jeong, Tian & Bareinboim (2022), "Finding and listing front-door adjustment sets",
 *   NeurIPS 35 (FINDFDSET); Wienöbst, van der Zander & Liśkiewicz (2024), "Linear-time
 *   algorithms for front-door adjustment in causal graphs", AAAI 38.
 * @example
 * ```ts
 * // X -> A -> B -> Y, X <-> Y
 * const g = CausalGraph.from({
 *   directed: [["X", "A"], ["A", "B"], ["B", "Y"]],
 *   bidirected: [["X", "Y"]],
 * });
 * findFrontdoorSet(g, "X", "Y"); // ["A", "B"]
 * findFrontdoorSet(g, "X", "Y", { exclude: ["A", "B"] }); // null
 * ```
 * @since 0.1.0
 */
export function findFrontdoorSet(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  options: FrontdoorSetOptions = {},
): string[] | null {
  const where = "identification.findFrontdoorSet";
  const q = resolveFrontdoorQuery(graph, X, Y, where);
  const include = resolveMediators(graph, options.include ?? [], "include", q, where);
  const exclude = new Set(graph.resolveNodes(options.exclude ?? [], where));
  for (const v of include) {
    if (exclude.has(v)) {
      throw new InvalidArgumentError(`${where}: node "${v}" is in both include and exclude`, v);
    }
  }
  const ctx = frontdoorContext(graph, q.x, q.y, exclude);
  const range = new Uint8Array(ctx.n).fill(1);
  const found = largestFrontdoorSet(ctx, range);
  if (found === null) return null;
  for (const v of include) if (found[ctx.ix.id.get(v) ?? 0] !== 1) return null;
  return ctx.ix.names.filter((_, v) => found[v] === 1);
}

/**
 * Every inclusion-minimal front-door set relative to (X, Y) (see {@link isFrontdoorSet}): the
 * sets satisfying the criterion, avoiding latent nodes and `exclude`, of which no proper subset
 * satisfies it. Each set is in node order; the list is sorted by size, then lexicographically by
 * node order. `[]` means no front-door set exists; `[[]]` means the empty set qualifies (no
 * directed path from X to Y). With `max`, the first `max` sets found are returned, sorted.
 *
 * Front-door sets are not closed under subsets or supersets, so the listing algorithm of Jeong,
 * Tian & Bareinboim (2022), which enumerates all front-door sets, is not used directly; instead:
 * every minimal set lies in `An(Y)` (intersecting a front-door set with `An(Y)` keeps it one);
 * the search partitions the sets `{Z : I ⊆ Z ⊆ R}` as in Lawler's scheme, using FINDFDSET (see
 * {@link findFrontdoorSet}) to test whether a part contains a front-door set, to shrink a found
 * set to one that is minimal relative to I, and to test minimality (Z is minimal iff no
 * front-door set lies inside `Z \ {v}` for any v). Every minimal set is listed exactly once.
 *
 * @param graph - a DAG or ADMG (not modified); nodes with the `latent` role are never chosen
 * @param X - the treatments, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param options - excluded nodes, a cap on the number of sets and a search budget
 * @returns the minimal front-door sets, sorted
 * @throws {@link UnknownNodeError} if a node does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, a node of X or Y is
 *   latent, `max` or `maxSteps` is not a non-negative integer or `Infinity`, or the search needs
 *   more than `maxSteps` subproblems (`argument` `"maxSteps"`)
 * @remarks Each subproblem costs O(n (n + m)) (O(n) runs of FINDFDSET); the number of subproblems
 *   is at least the number of minimal sets and at most the number of front-door sets, so in the
 *   worst case exponential in n. No polynomial-delay algorithm for listing the minimal
 *   front-door sets is known to us; the all-sets listing of Jeong, Tian & Bareinboim (2022) has
 *   polynomial delay but can list exponentially many non-minimal sets between two minimal ones.
 * @see Jeong, Tian & Bareinboim (2022), "Finding and listing front-door adjustment sets",
 *   NeurIPS 35 (FINDFDSET, LISTFDSETS); Wienöbst, van der Zander & Liśkiewicz (2024), "Linear-time algorithms for
 *   front-door adjustment in causal graphs", AAAI 38; Lawler (1972), "A procedure for computing
 *   the K best solutions to discrete optimization problems", Management Science 18(7).
 * @example
 * ```ts
 * // X -> M -> Y, M <- C -> Y, X <-> Y: C must shield M's back-door path
 * const g = CausalGraph.from({
 *   directed: [["X", "M"], ["M", "Y"], ["C", "M"], ["C", "Y"]],
 *   bidirected: [["X", "Y"]],
 * });
 * listMinimalFrontdoorSets(g, "X", "Y"); // [["M", "C"]]
 * ```
 * @since 0.1.0
 */
export function listMinimalFrontdoorSets(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  options: ListFrontdoorSetsOptions = {},
): string[][] {
  const where = "identification.listMinimalFrontdoorSets";
  const max = checkCap(options.max ?? Number.POSITIVE_INFINITY, "max", where);
  const maxSteps = checkCap(options.maxSteps ?? 100_000, "maxSteps", where);
  const q = resolveFrontdoorQuery(graph, X, Y, where);
  const exclude = new Set(graph.resolveNodes(options.exclude ?? [], where));
  const ctx = frontdoorContext(graph, q.x, q.y, exclude);
  const base = new Uint8Array(ctx.n);
  for (let v = 0; v < ctx.n; v++) base[v] = ctx.candidate[v] === 1 && ctx.anY[v] === 1 ? 1 : 0;
  const sets = minimalFrontdoorSets(ctx, base, max, maxSteps, where);
  sets.sort((a, b) => {
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) {
      const d = (a[i] as number) - (b[i] as number);
      if (d !== 0) return d;
    }
    return 0;
  });
  return sets.map((s) => Array.from(s, (v) => ctx.ix.names[v] as string));
}

function distinctList(nodes: NodeSet, name: string, where: string): string[] {
  const list = typeof nodes === "string" ? [nodes] : [...nodes];
  const seen = new Set<string>();
  for (const v of list) {
    if (typeof v !== "string") {
      throw new InvalidArgumentError(`${where}: ${name} must contain node names (strings)`, name);
    }
    seen.add(v);
  }
  return [...seen];
}

/**
 * The front-door adjustment formula for treatments X, outcomes Y and mediators Z:
 * `Σ_z P(z | x) Σ_{x'} P(y | x', z) P(x')`, built as an {@link Estimand}
 * (`sum_{Z} [P(Z|X) * sum_{X} [P(Y|X,Z) * P(X)]]` in {@link formatEstimand}'s notation, where
 * the inner sum's `X` is Pearl's `x'`, shadowing the free `X`). Its free variables are X and Y;
 * evaluate it with {@link evaluateEstimand}. It equals `P(y | do(x))` whenever Z satisfies the
 * front-door criterion ({@link isFrontdoorSet}); this function does not check that (it needs no
 * graph). With Z empty it is `Σ_{x'} P(y | x') P(x') = P(y)`.
 *
 * @param X - the treatments, non-empty
 * @param Y - the outcomes, non-empty, disjoint from X
 * @param Z - the front-door set, disjoint from X and Y
 * @returns the estimand
 * @throws {@link InvalidArgumentError} if X or Y is empty, the sets overlap, or an entry is not
 *   a string
 * @remarks O(|X| + |Y| + |Z|).
 * @see Pearl (2009), Causality, 2nd ed., §3.3.2 (Theorem 3.3.4); Jeong, Tian & Bareinboim
 *   (2022), NeurIPS 35.
 * @example
 * ```ts
 * formatEstimand(frontdoorEstimand("X", "Y", ["M"]));
 * // "sum_{M} [P(M|X) * sum_{X} [P(Y|X,M) * P(X)]]"
 * ```
 * @since 0.1.0
 */
export function frontdoorEstimand(X: NodeSet, Y: NodeSet, Z: NodeSet): Estimand {
  const where = "identification.frontdoorEstimand";
  const x = distinctList(X, "X", where);
  const y = distinctList(Y, "Y", where);
  const z = distinctList(Z, "Z", where);
  if (x.length === 0) throw new InvalidArgumentError(`${where}: X must not be empty`, "X");
  if (y.length === 0) throw new InvalidArgumentError(`${where}: Y must not be empty`, "Y");
  const owner = new Map<string, string>();
  for (const [name, list] of [
    ["X", x],
    ["Y", y],
    ["Z", z],
  ] as const) {
    for (const v of list) {
      const other = owner.get(v);
      if (other !== undefined) {
        throw new InvalidArgumentError(
          `${where}: node "${v}" is in both ${other} and ${name}; they must be disjoint`,
          v,
        );
      }
      owner.set(v, name);
    }
  }
  const inner = sumTerm(x, productTerm([probTerm(y, [...x, ...z]), probTerm(x)]));
  return sumTerm(z, productTerm([probTerm(z, x), inner]));
}
