import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { idsOf } from "./_internal/adjust-search.js";
import { separatedInCutGraph } from "./_internal/adjust-separation.js";
import { adjustStructure } from "./_internal/adjust-structure.js";
import { resolveCovariates, resolveExposureOutcome } from "./_internal/backdoor-query.js";

/**
 * Whether `Z` satisfies Pearl's back-door criterion relative to the exposures `X` and the
 * outcomes `Y`, i.e. whether adjusting for `Z`,
 * `P(y | do(x)) = Σ_z P(y | x, z) P(z)`, identifies the causal effect of X on Y.
 *
 * Definition (Pearl 2009, Def. 3.3.1, for sets as in van der Zander et al. 2019, §5): `Z`
 * satisfies the back-door criterion relative to (X, Y) iff
 * 1. `Z` contains no descendant of any node of X (`Z ∩ De(X) = ∅`), and
 * 2. `Z` d-separates X and Y in the back-door graph `G_{\underline X}` (the graph with every
 *    directed edge out of X removed; see {@link backdoorGraph}).
 *
 * Given (1), condition (2) says exactly that `Z` blocks every back-door path: every path from a
 * node of X to a node of Y that starts with an edge into X (`x <- ·` or `x <-> ·`) and has no
 * other node of X on it. (In `G_{\underline X}` every inner node of X on a path is a collider
 * without descendants in Z, so such paths are blocked anyway; for one exposure this is Pearl's
 * original wording.) For several exposures this is the set version of van der Zander et al.
 * (2019), weaker than a literal reading of Pearl's wording, which would also demand that `Z`
 * blocks paths that pass through another exposure, such as `x1 <- c -> x2 -> y`.
 *
 * In an ADMG a bidirected edge `a <-> b` stands for a latent common cause, so `x <-> ·` starts
 * a back-door path and separation is m-separation. Every set the criterion accepts is a valid
 * adjustment set; the converse fails (the adjustment criterion of Shpitser, VanderWeele & Robins
 * 2010, {@link isAdjustmentSet}, also accepts some descendants of X that are not on causal
 * paths).
 *
 * Only the `latent` role of the graph is consulted; the exposure, outcome and adjusted roles are
 * ignored (pass the sets explicitly).
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param X - the exposures (treatments), non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param Z - the candidate adjustment set, observed, disjoint from X and Y; may be empty
 * @returns true iff `Z` satisfies the back-door criterion
 * @throws {@link UnknownNodeError} if a node of X, Y or Z does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, Z meets X ∪ Y, or a
 *   node of X, Y or Z is latent (`argument` names the node, or the set `"X"` / `"Y"` if empty)
 * @remarks O(n + m) for n nodes and m edges: one descendant search and one Bayes-ball pass in
 *   `G_{\underline X}` (never built as a graph object), on typed arrays.
 * @see Pearl (2009), Causality, 2nd ed., §3.3.1 (Definition 3.3.1 and Theorem 3.3.2);
 *   van der Zander, Liśkiewicz & Textor (2019), "Separators and adjustment sets in causal
 *   graphs: complete criteria and an algorithmic framework", Artificial Intelligence 270,
 *   §5 (back-door criterion as separation in `G_{\underline X}`); Shpitser, VanderWeele &
 *   Robins (2010), "On the validity of covariate adjustment for estimating causal effects", UAI.
 * @example
 * ```ts
 * // M-bias: X <- A -> M <- B -> Y, X -> Y
 * const g = CausalGraph.from({
 *   directed: [["A", "X"], ["A", "M"], ["B", "M"], ["B", "Y"], ["X", "Y"]],
 * });
 * isBackdoorAdjustmentSet(g, "X", "Y", []); // true
 * isBackdoorAdjustmentSet(g, "X", "Y", ["M"]); // false: M is a collider
 * isBackdoorAdjustmentSet(g, "X", "Y", ["M", "A"]); // true
 * ```
 * @since 0.1.0
 */
export function isBackdoorAdjustmentSet(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  Z: NodeSet,
): boolean {
  const where = "identification.isBackdoorAdjustmentSet";
  const xy = resolveExposureOutcome(graph, X, Y, where);
  const zNames = resolveCovariates(graph, Z, "Z", xy, where);
  const ix = graph.compactIndex();
  const s = adjustStructure(ix, idsOf(ix, xy.x), idsOf(ix, xy.y), "backdoor");
  const z = idsOf(ix, zNames);
  for (let i = 0; i < z.length; i++) if (s.forbidden[z[i] as number] === 1) return false;
  return separatedInCutGraph(s, z);
}
