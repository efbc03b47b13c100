import { InvalidArgumentError, internalError } from "../errors.js";
import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { idsOf, latentMask, namesOf } from "./_internal/adjust-search.js";
import { separatedInCutGraph, separatorExists } from "./_internal/adjust-separation.js";
import { adjustStructure } from "./_internal/adjust-structure.js";
import { resolveExposureOutcome } from "./_internal/backdoor-query.js";

/**
 * Options of {@link optimalAdjustmentSet}.
 *
 * @since 0.1.0
 */
export interface OptimalAdjustmentSetOptions {
  /**
   * Nodes that are not measured although not marked latent; they are treated exactly like
   * latent nodes (see the rules for unobserved nodes in {@link optimalAdjustmentSet}). Nodes of
   * X or Y here are ignored.
   *
   * @defaultValue []
   */
  readonly exclude?: NodeSet;
}

/**
 * The optimal adjustment set (O-set) of Henckel, Perković & Maathuis (2022) relative to the
 * exposures X and the outcomes Y of a DAG:
 * `O(X, Y) = pa(cn(X, Y)) \ Forb(X, Y)`, where `cn(X, Y)` is the set of nodes other than X on
 * proper causal paths from X to Y (see {@link isAdjustmentSet}) and
 * `Forb(X, Y) = De(cn(X, Y)) ∪ X`. If any valid adjustment set exists, the O-set is one
 * (it satisfies the adjustment criterion), and among all valid sets it gives the smallest
 * asymptotic variance of the adjusted least-squares estimator in linear models (Henckel et al.
 * 2022, §3) and of non-parametric estimators of the average effect of a single exposure
 * (Rotnitzky & Smucler 2020). It typically contains parents of the outcome ("precision variables"), is not minimal
 * and need not be small.
 *
 * Supported graphs and queries (the assumptions of the paper):
 * - DAGs only; an ADMG (a graph with bidirected edges) throws {@link InvalidArgumentError}
 *   (`argument` `"graph"`): with unobserved confounding the O-set is not defined by the paper.
 * - X and Y may each have several nodes, but every node of Y must be a descendant of X
 *   (Henckel et al. assume `Y ⊆ De(X)`; otherwise the O-set need not be valid). Otherwise
 *   {@link InvalidArgumentError} is thrown, naming the first such node of Y.
 * - Latent (and excluded) nodes may be present, as long as the O-set does not contain one;
 *   if it does, the O-set cannot be used and {@link InvalidArgumentError} is thrown naming the
 *   node (use {@link findMinimumAdjustmentSet} or {@link findMinimalAdjustmentSet} instead).
 *   This check is made after the existence check, so `null` still means that no valid set
 *   of observed nodes exists.
 *
 * @param graph - a DAG (not modified)
 * @param X - the exposures, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X, each a descendant of X
 * @param options - nodes that are not measured
 * @returns the O-set in node order (possibly `[]`), or `null` if no valid adjustment set of
 *   observed nodes exists
 * @throws {@link UnknownNodeError} if a node does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, a node of X or Y is
 *   latent, the graph has bidirected edges, a node of Y is not a descendant of X, or the O-set
 *   contains a latent or excluded node
 * @remarks O(n + m) for n nodes and m edges.
 * @see Henckel, Perković & Maathuis (2022), "Graphical criteria for efficient total effect
 *   estimation via adjustment in causal linear models", Journal of the Royal Statistical
 *   Society Series B 84(2), §3 (the O-set, its validity and optimality); Rotnitzky & Smucler (2020),
 *   "Efficient adjustment sets for population average causal treatment effect estimation in
 *   graphical models", JMLR 21(188); Perković et al. (2018), JMLR 18(220) (forb).
 * @example
 * ```ts
 * // C -> X <- A -> K -> Y, X -> D -> Y
 * const g = CausalGraph.from({
 *   directed: [["C", "X"], ["A", "X"], ["A", "K"], ["K", "Y"], ["X", "D"], ["D", "Y"]],
 * });
 * optimalAdjustmentSet(g, "X", "Y"); // ["K"] (minimal sets: {A} and {K})
 * ```
 * @since 0.1.0
 */
export function optimalAdjustmentSet(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  options: OptimalAdjustmentSetOptions = {},
): string[] | null {
  const where = "identification.optimalAdjustmentSet";
  const xy = resolveExposureOutcome(graph, X, Y, where);
  const excludeNames = graph.resolveNodes(options.exclude ?? [], where);
  if (graph.hasBidirectedEdges()) {
    throw new InvalidArgumentError(
      `${where}: the optimal adjustment set is defined for DAGs only; this graph has bidirected edges`,
      "graph",
    );
  }
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const s = adjustStructure(ix, idsOf(ix, xy.x), idsOf(ix, xy.y), "adjustment");
  for (const y of s.y) {
    if (s.causal[y] === 0) {
      const name = ix.names[y] as string;
      throw new InvalidArgumentError(
        `${where}: outcome "${name}" is not a descendant of X; the optimal adjustment set needs Y ⊆ De(X)`,
        name,
      );
    }
  }
  const unobserved = latentMask(graph, ix);
  for (const v of excludeNames) unobserved[ix.id.get(v) ?? 0] = 1;
  const allowed = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (s.inX[v] === 0 && s.inY[v] === 0 && s.forbidden[v] === 0 && unobserved[v] === 0) {
      allowed[v] = 1;
    }
  }
  const none = new Int32Array(0);
  if (!separatorExists(s, none, allowed)) return null;
  // O = pa(cn) \ Forb.
  const inO = new Uint8Array(n);
  const { parentOffsets, parents } = ix;
  for (let c = 0; c < n; c++) {
    if (s.causal[c] === 0) continue;
    const end = parentOffsets[c + 1] as number;
    for (let e = parentOffsets[c] as number; e < end; e++) {
      const p = parents[e] as number;
      if (s.forbidden[p] === 0) inO[p] = 1;
    }
  }
  const o: number[] = [];
  for (let v = 0; v < n; v++) {
    if (inO[v] === 0) continue;
    if (unobserved[v] === 1) {
      const name = ix.names[v] as string;
      throw new InvalidArgumentError(
        `${where}: the optimal adjustment set contains the unobserved node "${name}"`,
        name,
      );
    }
    o.push(v);
  }
  if (!separatedInCutGraph(s, o)) {
    internalError(`${where}: the O-set is not a valid adjustment set although one exists`);
  }
  return namesOf(ix, o);
}
