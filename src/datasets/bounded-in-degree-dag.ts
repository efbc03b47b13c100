import type { CausalGraph } from "../graph/causal-graph.js";
import { deriveRng, type Seed } from "../sampling/rng.js";
import { assembleGraph } from "./_internal/graph-build.js";
import { resolveNames } from "./_internal/names.js";
import { randomInt, randomPermutation, randomSubset } from "./_internal/random.js";
import { checkInteger, checkOptions, checkSeed } from "./_internal/validate.js";

/**
 * Options of {@link boundedInDegreeDag}.
 *
 * @since 0.1.0
 */
export interface BoundedInDegreeDagOptions {
  /** Number of nodes, a non-negative integer. */
  readonly nodes: number;
  /** Largest number of parents of any node, a non-negative integer. */
  readonly maxInDegree: number;
  /** Seed of every random choice. @defaultValue 0 */
  readonly seed?: Seed;
  /** Node names, in node order. @defaultValue `A`, `B`, …, `Z`, `AA`, … */
  readonly names?: readonly string[];
}

/**
 * A random DAG in which no node has more than `maxInDegree` parents (so discrete models on it
 * have CPTs of bounded size): a topological order is drawn uniformly at random, and the node
 * at position j (0-based) gets k parents, k uniform on {0, …, min(maxInDegree, j)}, chosen
 * uniformly among the j nodes before it. The topological order is drawn independently of node
 * order and names, so neither reveals it.
 *
 * Determinism: same options and seed ⇒ same graph (streams
 * `"datasets.boundedInDegreeDag:order"` and `"datasets.boundedInDegreeDag:parents"`).
 *
 * @param options - number of nodes, in-degree bound, seed, names
 * @returns a new (mutable) DAG
 * @throws {@link InvalidArgumentError} for a bad `nodes` or `maxInDegree`, or bad `names`
 * @remarks O(n²) time in the worst case (O(n·maxInDegree) draws).
 * @example
 * ```ts
 * const g = boundedInDegreeDag({ nodes: 8, maxInDegree: 2, seed: 3 });
 * ```
 * @since 0.1.0
 */
export function boundedInDegreeDag(options: BoundedInDegreeDagOptions): CausalGraph {
  const where = "datasets.boundedInDegreeDag";
  const o = checkOptions(where, options);
  const n = checkInteger(where, "nodes", o.nodes, 0);
  const maxIn = checkInteger(where, "maxInDegree", o.maxInDegree, 0);
  const seed = checkSeed(where, o.seed);
  const names = resolveNames(where, n, o.names);
  const order = randomPermutation(deriveRng(seed, "datasets.boundedInDegreeDag:order"), n);
  const rng = deriveRng(seed, "datasets.boundedInDegreeDag:parents");
  const edges: [number, number][] = [];
  for (let j = 1; j < n; j++) {
    const k = randomInt(rng, Math.min(maxIn, j) + 1);
    for (const i of randomSubset(rng, j, k)) edges.push([order[i] as number, order[j] as number]);
  }
  return assembleGraph(names, edges);
}
