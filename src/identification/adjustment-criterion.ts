import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { idsOf, namesOf } from "./_internal/adjust-search.js";
import { separatedInCutGraph } from "./_internal/adjust-separation.js";
import { adjustStructure } from "./_internal/adjust-structure.js";
import { resolveCovariates, resolveExposureOutcome } from "./_internal/backdoor-query.js";

/**
 * Whether `Z` satisfies the (generalized) adjustment criterion relative to the exposures `X`
 * and the outcomes `Y`, i.e. whether the adjustment formula
 * `P(y | do(x)) = Σ_z P(y | x, z) P(z)` holds in every model compatible with the graph (for
 * `Z = ∅`: `P(y | do(x)) = P(y | x)`). The criterion is sound and complete for this question
 * (Shpitser, VanderWeele & Robins 2010; Perković et al. 2018), unlike Pearl's back-door
 * criterion ({@link isBackdoorAdjustmentSet}), which is sound but rejects some valid sets.
 *
 * Definition. A path from X to Y is proper if only its first node is in X; it is causal if all
 * its edges point towards Y. Let `cn(X, Y)` be the nodes other than X on proper causal paths
 * and `Forb(X, Y) = De(cn(X, Y)) ∪ X` (descendants inclusive). Then `Z` is an adjustment set iff
 * 1. `Z ∩ Forb(X, Y) = ∅`, and
 * 2. `Z` blocks every proper non-causal path from X to Y.
 *
 * Condition 2 is tested constructively (van der Zander, Liśkiewicz & Textor 2019, "constructive
 * back-door criterion"): given 1, it holds iff `Z` m-separates X and Y in the proper back-door
 * graph `G^{pbd}_{XY}`, which is G with the first edge `x -> c` (`c ∈ cn(X, Y)`) of every proper
 * causal path removed.
 *
 * Graphs. Works for DAGs, DAGs with latent nodes and ADMGs: a bidirected edge `a <-> b` stands
 * for a latent common cause, and the criterion on an ADMG equals the criterion on any DAG with
 * latent nodes whose latent projection it is (cn, Forb and separation among observed nodes are
 * preserved by the projection). Only the `latent` role is consulted (a latent node cannot be in
 * `Z`); the exposure, outcome and adjusted roles are ignored.
 *
 * Relation to the back-door criterion: `Z` satisfies the back-door criterion iff it satisfies
 * the adjustment criterion and contains no descendant of X. They differ for descendants of X
 * that are not on (and not below) a proper causal path: in `X -> Y, X -> D`, `{D}` is a valid
 * adjustment set but not a back-door set.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param X - the exposures (treatments), non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param Z - the candidate adjustment set, observed, disjoint from X and Y; may be empty
 * @returns true iff `Z` satisfies the adjustment criterion
 * @throws {@link UnknownNodeError} if a node of X, Y or Z does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, Z meets X ∪ Y, or a
 *   node of X, Y or Z is latent (`argument` names the node, or the set `"X"` / `"Y"` if empty)
 * @remarks O(n + m) for n nodes and m edges, on typed arrays over the graph's
 *   {@link CausalGraph.compactIndex | compact index}: two reachability searches for `cn(X, Y)`,
 *   one for the forbidden set, one ancestor search for `An(Z)` and one Bayes-ball pass in the
 *   proper back-door graph (never built as a graph object).
 * @see Shpitser, VanderWeele & Robins (2010), "On the validity of covariate adjustment for
 *   estimating causal effects", UAI (Definition 3, Theorem 5); van der Zander, Liśkiewicz &
 *   Textor (2019), "Separators and adjustment sets in causal graphs: complete criteria and an
 *   algorithmic framework", Artificial Intelligence 270, §4 (constructive back-door criterion,
 *   proper back-door graph); Perković, Textor, Kalisch & Maathuis (2018), "Complete graphical
 *   characterization and construction of adjustment sets in Markov equivalence classes of
 *   ancestral graphs", JMLR 18(220), Definition 3.3 (forb) and Theorem 3.4.
 * @example
 * ```ts
 * // X -> Y, X -> D: D is a descendant of X off the causal path
 * const g = CausalGraph.from({ directed: [["X", "Y"], ["X", "D"]] });
 * isAdjustmentSet(g, "X", "Y", ["D"]); // true
 * isBackdoorAdjustmentSet(g, "X", "Y", ["D"]); // false
 * ```
 * @since 0.1.0
 */
export function isAdjustmentSet(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  Z: NodeSet,
): boolean {
  const where = "identification.isAdjustmentSet";
  const xy = resolveExposureOutcome(graph, X, Y, where);
  const zNames = resolveCovariates(graph, Z, "Z", xy, where);
  const ix = graph.compactIndex();
  const s = adjustStructure(ix, idsOf(ix, xy.x), idsOf(ix, xy.y), "adjustment");
  const z = idsOf(ix, zNames);
  for (let i = 0; i < z.length; i++) if (s.forbidden[z[i] as number] === 1) return false;
  return separatedInCutGraph(s, z);
}

/**
 * The nodes that no adjustment set for (X, Y) may contain, apart from X itself:
 * `Forb(X, Y) \ X = De(cn(X, Y))`, the descendants (inclusive) of the nodes on proper causal
 * paths from X to Y (see {@link isAdjustmentSet}). This is condition 1 of the adjustment
 * criterion; a set meeting these nodes "violates the adjustment criterion" in dagitty's words
 * (dagitty's `nodesThatViolateAdjustmentCriterion(Z)` is `Z` intersected with this set). The
 * nodes of Y that lie on or below a proper causal path are included.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param X - the exposures, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @returns the forbidden nodes in node order (latent ones included)
 * @throws {@link UnknownNodeError} if a node of X or Y does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, or a node of X or Y
 *   is latent
 * @remarks O(n + m).
 * @see Perković, Textor, Kalisch & Maathuis (2018), JMLR 18(220), Definition 3.3 (forb);
 *   Shpitser, VanderWeele & Robins (2010), UAI, Definition 3.
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["X", "M"], ["M", "Y"], ["M", "W"], ["X", "D"]] });
 * adjustmentForbiddenNodes(g, "X", "Y"); // ["M", "Y", "W"]: D is allowed
 * ```
 * @since 0.1.0
 */
export function adjustmentForbiddenNodes(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
): string[] {
  const where = "identification.adjustmentForbiddenNodes";
  const xy = resolveExposureOutcome(graph, X, Y, where);
  const ix = graph.compactIndex();
  const s = adjustStructure(ix, idsOf(ix, xy.x), idsOf(ix, xy.y), "adjustment");
  const out: number[] = [];
  for (let v = 0; v < s.n; v++) if (s.forbidden[v] === 1 && s.inX[v] === 0) out.push(v);
  return namesOf(ix, out);
}
