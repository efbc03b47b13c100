import { InvalidArgumentError, UnknownNodeError } from "../errors.js";
import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { minimumCostSeparatorIds } from "./_internal/adjust-flow.js";
import { namesOf, prepareAdjustmentSearch, resolveCriterion } from "./_internal/adjust-search.js";
import type { AdjustmentSetOptions } from "./adjustment-sets.js";

/**
 * Options of {@link findMinimumAdjustmentSet}.
 *
 * @since 0.1.0
 */
export interface MinimumAdjustmentSetOptions extends AdjustmentSetOptions {
  /**
   * The cost of each node (positive, finite); the set of least total cost is returned. Nodes
   * not in the map cost 1, so by default the set of minimum cardinality is returned. Costs of
   * nodes that cannot be in a set (X, Y, latent, forbidden, excluded) are ignored; the nodes of
   * `include` are in every set and do not affect the choice.
   *
   * @defaultValue every node costs 1
   */
  readonly costs?: ReadonlyMap<string, number>;
}

/**
 * An adjustment set relative to (X, Y) of minimum cardinality (or, with `costs`, of minimum
 * total cost) under the chosen criterion (by default the adjustment criterion, see
 * {@link isAdjustmentSet}), with `include ⊆ Z`, no latent node and no node of `exclude`; or
 * `null` if no such set exists. Minimum size (cost) is counted over the nodes outside
 * `include`. Every returned set is also inclusion-minimal (costs are positive).
 *
 * Ties are broken deterministically, towards X: among all sets of least cost, the one whose
 * X side (the nodes still connected to X in the moral graph once the set is removed) is
 * smallest is returned. That side is the intersection of the X sides of all least-cost sets,
 * so the set is unique and does not depend on the order of nodes or edges. For example, in
 * `X <- a <- b <- c -> Y` (plus `X -> Y`) the sets `{a}`, `{b}`, `{c}` tie and `{a}` is
 * returned.
 *
 * Method (van der Zander, Liśkiewicz & Textor 2019, FINDMINCOSTSEP): a minimum-cost valid set is
 * a minimum-cost m-separator of X and Y in the criterion's separation graph (the proper
 * back-door graph; see {@link findMinimalAdjustmentSet}) drawn from
 * `R = V \ (X ∪ Y ∪ Forb ∪ latent ∪ exclude)`; it lies in `A = An(X ∪ Y ∪ include)`, where it
 * is a minimum-cost vertex cut between X and Y in the moral (augmented) graph of A with
 * `include` removed. The cut is found with a maximum flow (Dinic's algorithm) on the
 * split-vertex network, each moral clique `D ∪ pa(D)` represented by one hub node.
 *
 * @param graph - a DAG or ADMG (not modified); nodes with the `latent` role are never chosen
 * @param X - the exposures, non-empty, observed
 * @param Y - the outcomes, non-empty, observed, disjoint from X
 * @param options - nodes that must / must not be in the set; the criterion; node costs
 * @returns the set in node order (`[]` if no adjustment is needed), or `null` if no set
 *   satisfies the criterion within the given range
 * @throws {@link UnknownNodeError} if a node (also a key of `costs`) does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, a node of X, Y or
 *   `include` is latent, `include` meets X ∪ Y, a node is in both `include` and `exclude`,
 *   `criterion` is invalid, or a cost is not a positive finite number (`argument` names the
 *   node)
 * @remarks O(n + m) to build the network with n nodes and m edges, then Dinic's algorithm:
 *   O(V² E) in the worst case on V = O(n) nodes and E = O(n + m) arcs, O(√V · E) with unit
 *   costs (unit-capacity network).
 * @see van der Zander, Liśkiewicz & Textor (2019), "Separators and adjustment sets in causal
 *   graphs: complete criteria and an algorithmic framework", Artificial Intelligence 270, §3
 *   (FINDMINCOSTSEP) and §5; Dinic (1970), "Algorithm for solution of a problem of maximum flow
 *   in networks with power estimation", Soviet Math. Doklady 11; Ford & Fulkerson (1956),
 *   max-flow min-cut theorem.
 * @example
 * ```ts
 * // X <- t <- u1 -> y, u2 -> t, u2 -> X, X -> y: minimal sets {u1} and {t, u2}
 * const g = CausalGraph.from({
 *   directed: [["t", "X"], ["u1", "t"], ["u1", "y"], ["u2", "t"], ["u2", "X"], ["X", "y"]],
 * });
 * findMinimumAdjustmentSet(g, "X", "y"); // ["u1"]
 * findMinimumAdjustmentSet(g, "X", "y", { costs: new Map([["u1", 5]]) }); // ["t", "u2"]
 * ```
 * @since 0.1.0
 */
export function findMinimumAdjustmentSet(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  options: MinimumAdjustmentSetOptions = {},
): string[] | null {
  const where = "identification.findMinimumAdjustmentSet";
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
  const { ix } = search.structure;
  const cost = new Float64Array(ix.names.length).fill(1);
  for (const [node, c] of options.costs ?? []) {
    const k = ix.id.get(node);
    if (k === undefined) {
      throw new UnknownNodeError(`${where}: costs names unknown node "${node}"`, node);
    }
    if (typeof c !== "number" || !Number.isFinite(c) || c <= 0) {
      throw new InvalidArgumentError(
        `${where}: the cost of node "${node}" must be a positive finite number, got ${String(c)}`,
        node,
      );
    }
    cost[k] = c;
  }
  if (search.impossible) return null;
  const found = minimumCostSeparatorIds(search.structure, search.include, search.allowed, cost);
  return found === null ? null : namesOf(ix, found);
}
