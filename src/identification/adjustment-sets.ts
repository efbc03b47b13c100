import { InvalidArgumentError } from "../errors.js";
import { minimalVertexSeparators } from "../graph/_internal/minimal-vertex-separators.js";
import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import {
  type AdjustSearch,
  namesOf,
  prepareAdjustmentSearch,
  resolveCriterion,
} from "./_internal/adjust-search.js";
import {
  ancestralSet,
  augmentedCsr,
  findMinimalSeparatorIds,
} from "./_internal/adjust-separation.js";

/**
 * The criterion an adjustment set must satisfy: `"adjustment"`, the (generalized) adjustment
 * criterion of Shpitser, VanderWeele & Robins (2010), complete for the validity of the
 * adjustment formula (see {@link isAdjustmentSet}); or `"backdoor"`, Pearl's back-door
 * criterion (see {@link isBackdoorAdjustmentSet}), which in addition forbids every descendant of
 * X.
 *
 * @since 0.1.0
 */
export type AdjustmentCriterion = "backdoor" | "adjustment";

/**
 * Options of {@link findMinimalAdjustmentSet} and {@link adjustmentSets}.
 *
 * @since 0.1.0
 */
export interface AdjustmentSetOptions {
  /**
   * Nodes every returned set must contain (dagitty's "must"). They must be observed and
   * disjoint from X, Y and `exclude`. A node of `include` that the criterion forbids (for the
   * adjustment criterion a descendant of a node on a proper causal path; for the back-door
   * criterion any descendant of X) makes every set invalid, so nothing is returned.
   * Minimality is then relative to `include`: no node outside `include` can be dropped.
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
  /**
   * The criterion the sets must satisfy. The default, the adjustment criterion, is complete:
   * every set for which the adjustment formula is valid in all models of the graph satisfies
   * it; it is also dagitty's criterion. For a single exposure and an empty `include`, the
   * inclusion-minimal sets of both criteria coincide (every minimal adjustment set lies in
   * An(X ∪ Y), where a descendant of X is on a causal path); they differ for several
   * exposures, where a descendant of one exposure can be needed (e.g. `x1 -> m -> x2` with m
   * confounded with Y), and for an `include` node that descends from X off the causal paths.
   *
   * @defaultValue "adjustment"
   */
  readonly criterion?: AdjustmentCriterion;
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

/** Comparison of two ascending node-number arrays: by size, then lexicographic. */
function compareIdSets(a: Int32Array, b: Int32Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * One inclusion-minimal adjustment set Z relative to (X, Y) under the chosen criterion (by
 * default the adjustment criterion, see {@link isAdjustmentSet}; or the back-door criterion,
 * see {@link isBackdoorAdjustmentSet}) with `include ⊆ Z`, no latent node and no node of
 * `exclude`; or `null` if no such set exists. "Inclusion-minimal" means that no node outside
 * `include` can be removed from Z without violating the criterion (Z need not be of minimum
 * size; see {@link findMinimumAdjustmentSet}). The result is deterministic.
 *
 * Method (van der Zander, Liśkiewicz & Textor 2019): the valid sets are exactly the
 * m-separators Z of X and Y in the criterion's separation graph (the proper back-door graph
 * `G^{pbd}_{XY}`, or for the back-door criterion `G_{\underline X}`) with
 * `include ⊆ Z ⊆ R`, `R = V \ (X ∪ Y ∪ Forb ∪ latent ∪ exclude)` (Forb = De(cn(X, Y)) ∪ X,
 * or De(X)). One inclusion-minimal such separator is found by FINDMINSEP: the candidates of R
 * in the ancestral set `A = An(X ∪ Y ∪ include)` separate X and Y iff any set does; they are
 * shrunk to those adjacent to the component of X in the moral (augmented) graph of A, and then
 * to those of the remaining ones adjacent to the component of Y. The moral graph is never
 * built: it is searched implicitly on the graph's compact index, expanding each clique
 * `D ∪ pa(D)` (D a district) at most once.
 *
 * @param graph - a DAG or ADMG (not modified); nodes with the `latent` role are never chosen
 * @param X - the exposures, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param options - nodes that must / must not be in the set; the criterion
 * @returns the set in node order (`[]` if no adjustment is needed), or `null` if no set
 *   satisfies the criterion within the given range
 * @throws {@link UnknownNodeError} if a node does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, a node of X, Y or
 *   `include` is latent, `include` meets X ∪ Y, a node is in both `include` and `exclude`, or
 *   `criterion` is not `"backdoor"` or `"adjustment"`
 * @remarks O(n + m) for n nodes and m edges (a constant number of linear searches on typed
 *   arrays).
 * @see van der Zander, Liśkiewicz & Textor (2019), "Separators and adjustment sets in causal
 *   graphs: complete criteria and an algorithmic framework", Artificial Intelligence 270
 *   (FINDMINSEP, §3; adjustment sets as separators in the proper back-door graph, §4–5);
 *   Shpitser, VanderWeele & Robins (2010), UAI; Pearl (2009), Causality, 2nd ed., §3.3.1.
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
  const criterion = resolveCriterion(options.criterion, where);
  const search = prepareAdjustmentSearch(
    graph,
    X,
    Y,
    options.include,
    options.exclude,
    criterion,
    where,
  );
  if (search.impossible) return null;
  const found = findMinimalSeparatorIds(search.structure, search.include, search.allowed);
  return found === null ? null : namesOf(search.structure.ix, found);
}

/**
 * Lazily lists every inclusion-minimal adjustment set relative to (X, Y) under the chosen
 * criterion (by default the adjustment criterion, see {@link isAdjustmentSet}; or the back-door
 * criterion) that contains `include` and avoids latent nodes and `exclude`, each exactly once,
 * each in node order. Nothing is listed if no set exists; a single `[]` is listed if no
 * adjustment is needed (and `include` is empty).
 *
 * Method (van der Zander et al. 2019, LISTMINSEP): the valid sets are the separators Z of X and
 * Y in the criterion's separation graph (see {@link findMinimalAdjustmentSet}) with
 * `include ⊆ Z ⊆ R`. Every minimal one lies inside `A = An(X ∪ Y ∪ include)`, where
 * m-separation by Z is ordinary separation in the moral (augmented) graph of the separation
 * graph restricted to A (Lauritzen et al. 1990, Richardson 2003). The minimal separators of
 * that undirected graph, with `include` removed and only nodes of R allowed, are enumerated by
 * Takata's (2010) backtracking search, pruned at every node by an existence test, so the delay
 * between two outputs is polynomial.
 *
 * All work that depends on the graph is done when this function is called; the graph may be
 * changed afterwards without affecting the iterator. The enumeration order is deterministic but
 * unspecified; use {@link adjustmentSets} for a sorted array.
 *
 * @param graph - a DAG or ADMG (not modified); nodes with the `latent` role are never chosen
 * @param X - the exposures, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param options - nodes that must / must not be in the sets; the criterion; `max` caps the
 *   count
 * @returns a generator of the sets (fresh arrays, in node order)
 * @throws {@link UnknownNodeError} if a node does not exist (thrown by this call, not by the
 *   generator)
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, a node of X, Y or
 *   `include` is latent, `include` meets X ∪ Y, a node is in both `include` and `exclude`,
 *   `criterion` is not `"backdoor"` or `"adjustment"`, or `max` is not a non-negative integer
 *   or `Infinity`
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
  const criterion = resolveCriterion(options.criterion, where);
  const search = prepareAdjustmentSearch(
    graph,
    X,
    Y,
    options.include,
    options.exclude,
    criterion,
    where,
  );
  const names = search.structure.ix.names;
  const ids = enumerate(search, max);
  return (function* () {
    for (const set of ids) {
      const out: string[] = new Array(set.length);
      for (let i = 0; i < set.length; i++) out[i] = names[set[i] as number] as string;
      yield out;
    }
  })();
}

/**
 * Builds the separator instance eagerly and returns the lazy enumeration over it, as ascending
 * node-number arrays (include nodes merged in).
 */
function enumerate(search: AdjustSearch, max: number): Generator<Int32Array, void, undefined> {
  if (search.impossible || max === 0) return (function* () {})();
  const s = search.structure;
  const { n } = s;
  const inA = ancestralSet(s, search.include);
  const { offsets, adj } = augmentedCsr(s, inA);
  const present = inA.slice();
  const { include } = search;
  for (let i = 0; i < include.length; i++) present[include[i] as number] = 0;
  const allowed = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (present[v] === 1 && search.allowed[v] === 1) allowed[v] = 1;
  const instance = { offsets, adj, present, allowed, sources: s.x, targets: s.y };
  return (function* () {
    let count = 0;
    for (const separator of minimalVertexSeparators(instance)) {
      let ids = separator;
      if (include.length > 0) {
        ids = new Int32Array(separator.length + include.length);
        ids.set(separator, 0);
        ids.set(include, separator.length);
        ids.sort();
      }
      yield ids;
      if (++count >= max) return;
    }
  })();
}

/**
 * Every inclusion-minimal adjustment set of (X, Y) under the chosen criterion (by default the
 * adjustment criterion), as produced by {@link listMinimalAdjustmentSets}, collected into an
 * array. Each set is in node order; the sets are sorted by size, then lexicographically by node
 * order. `[]` means no set satisfies the criterion; `[[]]` means the empty set does (no
 * adjustment needed). With the default criterion this is dagitty's `adjustmentSets` (type
 * "minimal", effect "total").
 *
 * @param graph - a DAG or ADMG (not modified); nodes with the `latent` role are never chosen
 * @param X - the exposures, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param options - nodes that must / must not be in the sets; the criterion
 * @returns the minimal sets, sorted
 * @throws {@link UnknownNodeError} if a node does not exist
 * @throws {@link InvalidArgumentError} as {@link listMinimalAdjustmentSets}
 * @remarks Polynomial time per set (see {@link listMinimalAdjustmentSets}); the number of sets
 *   can be exponential in the number of nodes.
 * @see van der Zander, Liśkiewicz & Textor (2019), Artificial Intelligence 270 (LISTMINSEP);
 *   Shpitser, VanderWeele & Robins (2010), UAI; Pearl (2009), Causality, 2nd ed., §3.3.1.
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
  const criterion = resolveCriterion(options.criterion, where);
  const search = prepareAdjustmentSearch(
    graph,
    X,
    Y,
    options.include,
    options.exclude,
    criterion,
    where,
  );
  const sets = [...enumerate(search, Number.POSITIVE_INFINITY)].sort(compareIdSets);
  const names = search.structure.ix.names;
  return sets.map((set) => Array.from(set, (v) => names[v] as string));
}
