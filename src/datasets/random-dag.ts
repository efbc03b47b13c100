import type { CausalGraph } from "../graph/causal-graph.js";
import { deriveRng, type Seed } from "../sampling/rng.js";
import { assembleGraph, edgeProbabilityOf, erdosRenyiDagEdges } from "./_internal/graph-build.js";
import { resolveNames } from "./_internal/names.js";
import { checkInteger, checkOptions, checkSeed } from "./_internal/validate.js";

/**
 * Options of {@link randomDag}. Give at most one of `expectedDegree` and `edgeProbability`.
 *
 * @since 0.1.0
 */
export interface RandomDagOptions {
  /** Number of nodes, a non-negative integer. */
  readonly nodes: number;
  /**
   * Expected number of edges touching a node (in- plus out-degree), in [0, nodes − 1]; sets
   * the edge probability to `expectedDegree / (nodes − 1)`.
   *
   * @defaultValue `min(2, nodes − 1)` when `edgeProbability` is not given either
   */
  readonly expectedDegree?: number;
  /** Probability of each edge allowed by the hidden topological order, in [0, 1]. */
  readonly edgeProbability?: number;
  /** Seed of every random choice. @defaultValue 0 */
  readonly seed?: Seed;
  /**
   * Node names, in node order (exactly `nodes` distinct strings).
   *
   * @defaultValue `A`, `B`, …, `Z`, `AA`, `AB`, … (spreadsheet-column names)
   */
  readonly names?: readonly string[];
}

/**
 * A random DAG from the Erdős–Rényi model over a random order: a topological order is drawn
 * uniformly among the n! permutations of the nodes, and each of the n(n−1)/2 edges it allows
 * (from an earlier to a later node) is present independently with probability p. The expected
 * number of edges is p·n(n−1)/2 and the expected degree (in + out) of every node is p(n−1).
 *
 * The node order of the result does **not** reveal the topological order: nodes are added in
 * the order of `names` (by default `A, B, C, …`), and the topological order is a uniform random
 * permutation drawn independently of that order, so every node — the first, the one named
 * `A`, … — is equally likely to be at any position of the causal order (in particular, to be a
 * root). Edges are inserted sorted by node order, so edge and parent lists do not reveal it
 * either. Use `topologicalOrder` from `causalkit/graph` when the order is wanted.
 *
 * Determinism: the same options and seed give the same graph (streams
 * `"datasets.randomDag:order"` and `"datasets.randomDag:edges"` of the seed).
 *
 * @param options - number of nodes, edge density, seed, names
 * @returns a new (mutable) DAG
 * @throws {@link InvalidArgumentError} for a negative or non-integer `nodes`, an
 *   `expectedDegree` outside [0, nodes − 1], an `edgeProbability` outside [0, 1], both given, or
 *   `names` of the wrong length or with duplicates
 * @see Erdős & Rényi (1959), "On random graphs I", Publicationes Mathematicae 6; Gilbert
 *   (1959), "Random graphs", Annals of Mathematical Statistics 30(4) (the G(n, p) model);
 *   Batagelj & Brandes (2005), "Efficient generation of large random networks", Physical
 *   Review E 71, 036113 (geometric skipping).
 * @remarks O(n + m) expected time for m edges.
 * @example
 * ```ts
 * const g = randomDag({ nodes: 6, expectedDegree: 2, seed: 42 });
 * g.nodes(); // ["A", "B", "C", "D", "E", "F"] (the causal order is hidden)
 * ```
 * @since 0.1.0
 */
export function randomDag(options: RandomDagOptions): CausalGraph {
  const where = "datasets.randomDag";
  const o = checkOptions(where, options);
  const n = checkInteger(where, "nodes", o.nodes, 0);
  const p = edgeProbabilityOf(where, n, o.expectedDegree, o.edgeProbability);
  const seed = checkSeed(where, o.seed);
  const names = resolveNames(where, n, o.names);
  const edges = erdosRenyiDagEdges(
    deriveRng(seed, "datasets.randomDag:order"),
    deriveRng(seed, "datasets.randomDag:edges"),
    n,
    p,
  );
  return assembleGraph(names, edges);
}
