import { InvalidArgumentError } from "../errors.js";
import { ancestors } from "../graph/ancestry.js";
import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { findMinimalSeparator } from "../graph/minimal-separator.js";
import { moralGraph } from "../graph/moral-graph.js";
import { backdoorGraph } from "../graph/mutilate.js";
import { inducedSubgraph } from "../graph/subgraph.js";
import { type BackdoorSearch, prepareBackdoorSearch } from "./_internal/backdoor-query.js";
import { minimalSeparators } from "./_internal/minimal-separators.js";

/**
 * Options of {@link findMinimalAdjustmentSet} and {@link adjustmentSets}.
 *
 * @since 0.1.0
 */
export interface AdjustmentSetOptions {
  /**
   * Nodes every returned set must contain (dagitty's "must"). They must be observed and
   * disjoint from X, Y and `exclude`. A node of `include` that descends from X makes every
   * set invalid, so nothing is returned. Minimality is then relative to `include`: no node
   * outside `include` can be dropped.
   *
   * @defaultValue []
   */
  readonly include?: NodeSet;
  /**
   * Nodes no returned set may contain (dagitty's "must not"), e.g. variables that were not
   * measured but are not marked latent. Nodes of X or Y here are ignored.
   *
   * @defaultValue []
   */
  readonly exclude?: NodeSet;
}

/**
 * Options of {@link listMinimalAdjustmentSets}.
 *
 * @since 0.1.0
 */
export interface ListAdjustmentSetsOptions extends AdjustmentSetOptions {
  /**
   * Stop after this many sets (a non-negative integer, or `Infinity`).
   *
   * @defaultValue Infinity
   */
  readonly max?: number;
}

/** Node-order comparison of two node-order-sorted name lists: by size, then lexicographic. */
function compareSets(order: ReadonlyMap<string, number>, a: string[], b: string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = (order.get(a[i] as string) ?? 0) - (order.get(b[i] as string) ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * One inclusion-minimal set Z satisfying the back-door criterion relative to (X, Y) (see
 * {@link isBackdoorAdjustmentSet}) with `include ⊆ Z`, no latent node and no node of
 * `exclude`; or `null` if no such set exists. "Inclusion-minimal" means that no node outside
 * `include` can be removed from Z without violating the criterion (Z need not be of minimum
 * size). The result is deterministic.
 *
 * By the criterion's definition, the sets sought are exactly the separators of X and Y in the
 * back-door graph `G_{\underline X}` drawn from the range
 * `R = V \ (De(X) ∪ Y ∪ latent ∪ exclude)` and containing `include`; one of them is found by
 * {@link findMinimalSeparator} (algorithm FINDMINSEP of van der Zander et al. 2019).
 *
 * @param graph - a DAG or ADMG (not modified); nodes with the `latent` role are never chosen
 * @param X - the exposures, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param options - nodes that must / must not be in the set
 * @returns the set in node order (`[]` if no adjustment is needed), or `null` if no set
 *   satisfies the back-door criterion within the given range
 * @throws {@link UnknownNodeError} if a node does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, a node of X, Y or
 *   `include` is latent, `include` meets X ∪ Y, or a node is in both `include` and `exclude`
 * @remarks O(n + m + Σ_D |D ∪ pa(D)|²) for n nodes and m edges (the size of the moral /
 *   augmented graph of the ancestral set).
 * @see van der Zander, Liśkiewicz & Textor (2019), "Separators and adjustment sets in causal
 *   graphs: complete criteria and an algorithmic framework", Artificial Intelligence 270
 *   (FINDMINSEP; adjustment sets as separators in a back-door graph); Pearl (2009), Causality,
 *   2nd ed., §3.3.1.
 * @example
 * ```ts
 * // Confounding triangle plus a mediator: Z -> X -> M -> Y, Z -> Y
 * const g = CausalGraph.from({ directed: [["Z", "X"], ["X", "M"], ["M", "Y"], ["Z", "Y"]] });
 * findMinimalAdjustmentSet(g, "X", "Y"); // ["Z"]
 * findMinimalAdjustmentSet(g, "X", "Y", { exclude: ["Z"] }); // null
 * ```
 * @since 0.1.0
 */
export function findMinimalAdjustmentSet(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  options: AdjustmentSetOptions = {},
): string[] | null {
  const where = "identification.findMinimalAdjustmentSet";
  const search = prepareBackdoorSearch(graph, X, Y, options.include, options.exclude, where);
  if (search.impossible) return null;
  const found = findMinimalSeparator(backdoorGraph(graph, search.x), search.x, search.y, {
    include: search.include,
    restrict: search.restrict,
  });
  if (found === null) return null;
  const { id } = graph.compactIndex();
  return found.sort((a, b) => (id.get(a) ?? 0) - (id.get(b) ?? 0));
}

/**
 * Lazily lists every inclusion-minimal set satisfying the back-door criterion relative to
 * (X, Y) (see {@link isBackdoorAdjustmentSet}) that contains `include` and avoids latent nodes
 * and `exclude`, each exactly once, each in node order. Nothing is listed if no set exists; a
 * single `[]` is listed if no adjustment is needed (and `include` is empty).
 *
 * Method (van der Zander et al. 2019, LISTMINSEP): the valid sets are the separators Z of X and
 * Y in the back-door graph `G_{\underline X}` with `include ⊆ Z ⊆ R`,
 * `R = V \ (De(X) ∪ Y ∪ latent ∪ exclude)`. Every minimal one lies inside
 * `A = An(X ∪ Y ∪ include)`, where d-separation (m-separation) by Z is ordinary separation in
 * the moral (augmented) graph of `G_{\underline X}` restricted to A (Lauritzen et al. 1990,
 * Richardson 2003). The minimal separators of that undirected graph, with `include` removed and
 * only nodes of R allowed, are enumerated by Takata's (2010) backtracking search, pruned at
 * every node by an existence test, so the delay between two outputs is polynomial.
 *
 * All work that depends on the graph is done when this function is called; the graph may be
 * changed afterwards without affecting the iterator. The enumeration order is deterministic but
 * unspecified; use {@link adjustmentSets} for a sorted array.
 *
 * @param graph - a DAG or ADMG (not modified); nodes with the `latent` role are never chosen
 * @param X - the exposures, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param options - nodes that must / must not be in the sets; `max` caps the count
 * @returns a generator of the sets (fresh arrays, in node order)
 * @throws {@link UnknownNodeError} if a node does not exist (thrown by this call, not by the
 *   generator)
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, a node of X, Y or
 *   `include` is latent, `include` meets X ∪ Y, a node is in both `include` and `exclude`, or
 *   `max` is not a non-negative integer or `Infinity`
 * @remarks Setup O(n + m + Σ_D |D ∪ pa(D)|²) (the augmented graph); then O(n² (n + m′)) time
 *   between two consecutive sets in the worst case, m′ being the number of augmented-graph
 *   edges. The number of minimal sets can be exponential in n.
 * @see van der Zander, Liśkiewicz & Textor (2019), "Separators and adjustment sets in causal
 *   graphs: complete criteria and an algorithmic framework", Artificial Intelligence 270
 *   (LISTMINSEP); Takata (2010), "Space-optimal, backtracking algorithms to list the minimal
 *   vertex separators of a graph", Discrete Applied Mathematics 158(15); Textor & Liśkiewicz
 *   (2011), "Adjustment criteria in causal diagrams: an algorithmic perspective", UAI.
 * @example
 * ```ts
 * // X <- t <- u1 -> y, u2 -> t, u2 -> X, X -> y
 * const g = CausalGraph.from({
 *   directed: [["t", "X"], ["u1", "t"], ["u1", "y"], ["u2", "t"], ["u2", "X"], ["X", "y"]],
 * });
 * [...listMinimalAdjustmentSets(g, "X", "y")]; // [["u1"], ["t", "u2"]] (in some order)
 * ```
 * @since 0.1.0
 */
export function listMinimalAdjustmentSets(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  options: ListAdjustmentSetsOptions = {},
): Generator<string[], void, undefined> {
  const where = "identification.listMinimalAdjustmentSets";
  const max = options.max ?? Number.POSITIVE_INFINITY;
  if (!(max === Number.POSITIVE_INFINITY || (Number.isInteger(max) && max >= 0))) {
    throw new InvalidArgumentError(
      `${where}: max must be a non-negative integer or Infinity, got ${max}`,
      "max",
    );
  }
  const search = prepareBackdoorSearch(graph, X, Y, options.include, options.exclude, where);
  return enumerate(graph, search, max);
}

/**
 * Builds the separator instance eagerly and returns the lazy enumeration over it.
 */
function enumerate(
  graph: ReadonlyCausalGraph,
  search: BackdoorSearch,
  max: number,
): Generator<string[], void, undefined> {
  if (search.impossible || max === 0) return (function* () {})();
  const ix = graph.compactIndex();
  const names = ix.names;
  const n = names.length;
  const idOf = (v: string): number => {
    const k = ix.id.get(v);
    return k === undefined ? -1 : k;
  };
  // The moral (augmented) graph of G_{\underline X} restricted to An(X ∪ Y ∪ include).
  const bd = backdoorGraph(graph, search.x);
  const anc = ancestors(bd, [...search.x, ...search.y, ...search.include]);
  const moral = moralGraph(inducedSubgraph(bd, anc));
  const offsets = new Int32Array(n + 1);
  const lists: number[][] = Array.from({ length: n }, () => []);
  for (const [v, neighbours] of moral.adjacency) {
    const list = lists[idOf(v)];
    if (list !== undefined) for (const w of neighbours) list.push(idOf(w));
  }
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v] as number) + (lists[v]?.length ?? 0);
  const adj = new Int32Array(offsets[n] as number);
  for (let v = 0; v < n; v++) adj.set(lists[v] ?? [], offsets[v] as number);

  const present = new Uint8Array(n);
  for (const v of anc) present[idOf(v)] = 1;
  const includeIds = search.include.map(idOf);
  for (const v of includeIds) present[v] = 0; // always in the set: delete from the graph
  const allowed = new Uint8Array(n);
  for (const v of search.restrict) {
    const k = idOf(v);
    if (present[k] === 1) allowed[k] = 1;
  }
  const instance = {
    offsets,
    adj,
    present,
    allowed,
    sources: Int32Array.from(search.x, idOf),
    targets: Int32Array.from(search.y, idOf),
  };
  return (function* () {
    let count = 0;
    for (const separator of minimalSeparators(instance)) {
      const ids = Array.from(separator);
      for (const v of includeIds) ids.push(v);
      ids.sort((a, b) => a - b);
      yield ids.map((v) => names[v] as string);
      if (++count >= max) return;
    }
  })();
}

/**
 * Every inclusion-minimal back-door adjustment set of (X, Y), as produced by
 * {@link listMinimalAdjustmentSets}, collected into an array. Each set is in node order; the
 * sets are sorted by size, then lexicographically by node order. `[]` means no set satisfies
 * the back-door criterion; `[[]]` means the empty set does (no adjustment needed).
 *
 * @param graph - a DAG or ADMG (not modified); nodes with the `latent` role are never chosen
 * @param X - the exposures, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param options - nodes that must / must not be in the sets
 * @returns the minimal sets, sorted
 * @throws {@link UnknownNodeError} if a node does not exist
 * @throws {@link InvalidArgumentError} as {@link listMinimalAdjustmentSets}
 * @remarks Polynomial time per set (see {@link listMinimalAdjustmentSets}); the number of sets
 *   can be exponential in the number of nodes.
 * @see van der Zander, Liśkiewicz & Textor (2019), Artificial Intelligence 270 (LISTMINSEP);
 *   Pearl (2009), Causality, 2nd ed., §3.3.1.
 * @example
 * ```ts
 * // C is latent: A -> X, A -> B, B -> X, C -> B, C -> Y, X -> Y
 * const g = CausalGraph.from({
 *   directed: [["A", "X"], ["A", "B"], ["B", "X"], ["C", "B"], ["C", "Y"], ["X", "Y"]],
 *   latent: ["C"],
 * });
 * adjustmentSets(g, "X", "Y"); // [["A", "B"]]: {B} alone opens X <- A -> B <- C -> Y
 * ```
 * @since 0.1.0
 */
export function adjustmentSets(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  options: AdjustmentSetOptions = {},
): string[][] {
  const where = "identification.adjustmentSets";
  const search = prepareBackdoorSearch(graph, X, Y, options.include, options.exclude, where);
  const sets = [...enumerate(graph, search, Number.POSITIVE_INFINITY)];
  const order = graph.compactIndex().id;
  return sets.sort((a, b) => compareSets(order, a, b));
}
