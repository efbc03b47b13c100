import type { CausalGraph } from "../graph/causal-graph.js";
import { graphOfCode, readEnumeration } from "./_internal/dag-codes.js";

/**
 * Options of {@link enumerateDags}.
 *
 * @since 0.1.0
 */
export interface EnumerateDagsOptions {
  /**
   * List one DAG per isomorphism class (unlabelled DAGs, n ≤ 6) rather than every DAG on the
   * labelled nodes (n ≤ 5).
   *
   * @defaultValue true
   */
  readonly upToIsomorphism?: boolean;
  /** Node names, in node order (exactly n distinct strings). @defaultValue `A`, `B`, `C`, … */
  readonly names?: readonly string[];
}

/**
 * Every DAG on n nodes, up to isomorphism or labelled, in a fixed order.
 *
 * - Up to isomorphism (default; 1, 1, 2, 6, 31, 302, 5984 DAGs for n = 0…6, OEIS A003087): one
 *   representative per isomorphism class. Each representative's node order is a topological
 *   order (every edge goes from an earlier to a later node), and among such labellings it has
 *   the least edge code (bit `j(j−1)/2 + i` for the edge from the i-th to the j-th node);
 *   representatives are listed by increasing code, so the empty graph comes first. Because
 *   node order is topological here, relabel the nodes randomly (e.g. with
 *   {@link relabelNodes}) before showing a representative where the order would give the
 *   answer away.
 * - Labelled (1, 1, 3, 25, 543, 29281 DAGs for n = 0…5, OEIS A003024): every acyclic set of
 *   edges on the named nodes, listed by increasing arc code (bit `i(n−1) + j′` for the arc
 *   from the i-th to the j-th node, j′ = j or j − 1 as j < i or j > i).
 *
 * Method: the forward codes of all 2^(n(n−1)/2) graphs whose edges go from lower to higher
 * node numbers are tested for canonicity by minimisation over the n! node permutations that
 * keep every edge forward (every DAG has such a labelling, and any isomorphism between two
 * of them keeps edges forward); the labelled DAGs are the orbits of the canonical ones under
 * all permutations.
 *
 * @param n - number of nodes, 0 ≤ n ≤ 6 (≤ 5 when labelled)
 * @param options - isomorphism, names
 * @returns new (mutable) graphs
 * @throws {@link InvalidArgumentError} if n is not an integer in range or `names` is bad
 * @see OEIS A003087 (unlabelled acyclic digraphs) and A003024 (labelled); Robinson (1973),
 *   "Counting labeled acyclic digraphs", in *New Directions in the Theory of Graphs*.
 * @remarks O(2^(n(n−1)/2)·n!) time for the canonical forms (about 0.1 s for n = 6) plus the
 *   graphs built.
 * @example
 * ```ts
 * enumerateDags(3).map((g) => g.directedEdges());
 * // [[], [["A", "B"]], [["A", "B"], ["A", "C"]], [["A", "B"], ["B", "C"]],
 * //  [["A", "C"], ["B", "C"]], [["A", "B"], ["A", "C"], ["B", "C"]]]
 * ```
 * @since 0.1.0
 */
export function enumerateDags(n: number, options?: EnumerateDagsOptions): CausalGraph[] {
  const where = "datasets.enumerateDags";
  const { unlabelled, names, codes } = readEnumeration(where, n, options, true);
  const fulls = unlabelled
    ? codes.canonicalCodes().map((c) => codes.fullOfForward(c))
    : codes.labelledCodes();
  return fulls.map((full) => graphOfCode(codes, names, full));
}
