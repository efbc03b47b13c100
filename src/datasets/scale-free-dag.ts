import type { CausalGraph } from "../graph/causal-graph.js";
import { deriveRng, type Seed } from "../sampling/rng.js";
import { assembleGraph } from "./_internal/graph-build.js";
import { resolveNames } from "./_internal/names.js";
import { randomInt, randomPermutation } from "./_internal/random.js";
import { checkChoice, checkInteger, checkOptions, checkSeed } from "./_internal/validate.js";

/**
 * Options of {@link scaleFreeDag}.
 *
 * @since 0.1.0
 */
export interface ScaleFreeDagOptions {
  /** Number of nodes, a non-negative integer. */
  readonly nodes: number;
  /**
   * Edges each arriving node makes to earlier nodes (m of Barabási–Albert), a positive
   * integer; the k-th arriving node (0-based) makes min(m, k).
   *
   * @defaultValue 2
   */
  readonly edgesPerNode?: number;
  /**
   * Direction of the edges: `"causes"` points them from the earlier (older) node to the
   * arriving one, so hubs are common causes and every node has at most m parents;
   * `"effects"` points them the other way, so hubs are common effects with many parents.
   *
   * @defaultValue "causes"
   */
  readonly hubs?: "causes" | "effects";
  /** Seed of every random choice. @defaultValue 0 */
  readonly seed?: Seed;
  /** Node names, in node order. @defaultValue `A`, `B`, …, `Z`, `AA`, … */
  readonly names?: readonly string[];
}

/**
 * A random scale-free DAG by preferential attachment (Barabási & Albert 1999): nodes arrive one
 * at a time in a uniformly random order, and each arriving node is joined to min(m, k) distinct
 * earlier nodes (k = number of earlier nodes), chosen one after the other with probability
 * proportional to degree + 1 (the "+1", an initial attractiveness of 1, lets isolated early
 * nodes be chosen; Dorogovtsev, Mendes & Samukhin 2000). Degrees then follow a power law with
 * exponent about 3 for large n. The arrival order is a topological order; it is drawn
 * independently of node order and names, so neither reveals it.
 *
 * Determinism: same options and seed ⇒ same graph (streams `"datasets.scaleFreeDag:order"` and
 * `"datasets.scaleFreeDag:attach"`).
 *
 * @param options - number of nodes, edges per node, edge direction, seed, names
 * @returns a new (mutable) DAG with Σ_k min(m, k) edges
 * @throws {@link InvalidArgumentError} for a bad `nodes`, `edgesPerNode` or `hubs`, or bad
 *   `names`
 * @see Barabási & Albert (1999), "Emergence of scaling in random networks", Science 286(5439),
 *   509–512; Dorogovtsev, Mendes & Samukhin (2000), "Structure of growing networks with
 *   preferential linking", Physical Review Letters 85(21), 4633.
 * @remarks O(n·m) expected time (an urn holding each node once per edge end, plus once).
 * @example
 * ```ts
 * const g = scaleFreeDag({ nodes: 50, edgesPerNode: 1, seed: 7 }); // a random tree
 * ```
 * @since 0.1.0
 */
export function scaleFreeDag(options: ScaleFreeDagOptions): CausalGraph {
  const where = "datasets.scaleFreeDag";
  const o = checkOptions(where, options);
  const n = checkInteger(where, "nodes", o.nodes, 0);
  const m = checkInteger(where, "edgesPerNode", o.edgesPerNode ?? 2, 1);
  const hubs = checkChoice(where, "hubs", o.hubs ?? "causes", ["causes", "effects"] as const);
  const seed = checkSeed(where, o.seed);
  const names = resolveNames(where, n, o.names);
  const order = randomPermutation(deriveRng(seed, "datasets.scaleFreeDag:order"), n);
  const rng = deriveRng(seed, "datasets.scaleFreeDag:attach");
  // The urn: every node once (initial attractiveness) plus once per edge end.
  const urn: number[] = [];
  const chosen = new Uint8Array(n);
  const edges: [number, number][] = [];
  for (let t = 0; t < n; t++) {
    const v = order[t] as number;
    const k = Math.min(m, t);
    const targets: number[] = [];
    while (targets.length < k) {
      const w = urn[randomInt(rng, urn.length)] as number;
      if (chosen[w]) continue;
      chosen[w] = 1;
      targets.push(w);
    }
    for (const w of targets) {
      chosen[w] = 0;
      edges.push(hubs === "causes" ? [w, v] : [v, w]);
      urn.push(w, v);
    }
    urn.push(v);
  }
  return assembleGraph(names, edges);
}
