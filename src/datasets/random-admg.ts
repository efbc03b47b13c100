import { InvalidArgumentError } from "../errors.js";
import type { CausalGraph } from "../graph/causal-graph.js";
import { deriveRng, type Seed } from "../sampling/rng.js";
import {
  assembleGraph,
  edgeProbabilityOf,
  erdosRenyiDagEdges,
  forEachRandomPair,
} from "./_internal/graph-build.js";
import { freshName, resolveNames } from "./_internal/names.js";
import { randomSubset } from "./_internal/random.js";
import { checkInteger, checkNumber, checkOptions, checkSeed } from "./_internal/validate.js";

/**
 * Options of {@link randomAdmg}. The directed part takes the options of {@link randomDag}.
 *
 * @since 0.1.0
 */
export interface RandomAdmgOptions {
  /** Number of observed nodes, a non-negative integer. */
  readonly nodes: number;
  /**
   * Expected number of directed edges touching a node, in [0, nodes − 1].
   *
   * @defaultValue `min(2, nodes − 1)` when `edgeProbability` is not given either
   */
  readonly expectedDegree?: number;
  /** Probability of each directed edge allowed by the hidden topological order, in [0, 1]. */
  readonly edgeProbability?: number;
  /**
   * Probability of a bidirected edge between each pair of observed nodes, in [0, 1].
   *
   * @defaultValue 0.2, or 0 when `latentNodes` is given
   */
  readonly bidirectedProbability?: number;
  /**
   * Number of explicit latent nodes (role `latent`), each a root with exactly two distinct
   * observed children drawn uniformly at random. Needs `nodes ≥ 2` when positive.
   *
   * @defaultValue 0
   */
  readonly latentNodes?: number;
  /** Seed of every random choice. @defaultValue 0 */
  readonly seed?: Seed;
  /** Names of the observed nodes, in node order. @defaultValue `A`, `B`, …, `Z`, `AA`, … */
  readonly names?: readonly string[];
  /**
   * Names of the latent nodes (exactly `latentNodes` distinct strings, distinct from `names`).
   *
   * @defaultValue `L1`, `L2`, … (with a `_2`, `_3`, … suffix if an observed node has the name)
   */
  readonly latentNames?: readonly string[];
}

/**
 * A random acyclic directed mixed graph (ADMG): the directed part is exactly
 * {@link randomDag} with the same `nodes`, density, `seed` and `names`; unobserved common causes
 * are added either as bidirected edges (each pair of observed nodes independently with
 * probability `bidirectedProbability`) or as explicit latent nodes (`latentNodes` roots with
 * role `latent`, each pointing to two distinct observed nodes chosen uniformly), or both.
 * Latent nodes come after the observed nodes in node order. Like {@link randomDag}, the node
 * order and names of the observed nodes do not reveal their causal order.
 *
 * Determinism: same options and seed ⇒ same graph (the streams of {@link randomDag} plus
 * `"datasets.randomAdmg:bidirected"` and `"datasets.randomAdmg:latent"`).
 *
 * @param options - number of nodes, densities, latent nodes, seed, names
 * @returns a new (mutable) ADMG
 * @throws {@link InvalidArgumentError} for a bad option (see {@link randomDag}), a
 *   `bidirectedProbability` outside [0, 1], a bad `latentNodes` (or positive with fewer than 2
 *   observed nodes), or bad `latentNames`
 * @see Richardson (2003), "Markov properties for acyclic directed mixed graphs", Scandinavian
 *   Journal of Statistics 30(1).
 * @remarks O(n + m + n²·q) expected time.
 * @example
 * ```ts
 * const g = randomAdmg({ nodes: 5, bidirectedProbability: 0.3, seed: 9 });
 * const h = randomAdmg({ nodes: 5, latentNodes: 2, seed: 9 }); // nodes A..E, L1, L2
 * ```
 * @since 0.1.0
 */
export function randomAdmg(options: RandomAdmgOptions): CausalGraph {
  const where = "datasets.randomAdmg";
  const o = checkOptions(where, options);
  const n = checkInteger(where, "nodes", o.nodes, 0);
  const p = edgeProbabilityOf(where, n, o.expectedDegree, o.edgeProbability);
  const k = checkInteger(where, "latentNodes", o.latentNodes ?? 0, 0);
  const q = checkNumber(
    where,
    "bidirectedProbability",
    o.bidirectedProbability ?? (k > 0 ? 0 : 0.2),
    0,
    1,
  );
  if (k > 0 && n < 2) {
    throw new InvalidArgumentError(
      `${where}: latentNodes needs at least 2 observed nodes, got ${n}`,
      "latentNodes",
    );
  }
  const seed = checkSeed(where, o.seed);
  const names = resolveNames(where, n, o.names);
  let latentNames: string[];
  if (o.latentNames === undefined) {
    const taken = new Set(names);
    latentNames = Array.from({ length: k }, (_, i) => freshName(`L${i + 1}`, taken));
  } else {
    latentNames = resolveNames(where, k, o.latentNames, "latentNames");
    const clash = latentNames.find((v) => names.includes(v));
    if (clash !== undefined) {
      throw new InvalidArgumentError(
        `${where}: latent name "${clash}" is also an observed node name`,
        clash,
      );
    }
  }
  const directed = erdosRenyiDagEdges(
    deriveRng(seed, "datasets.randomDag:order"),
    deriveRng(seed, "datasets.randomDag:edges"),
    n,
    p,
  );
  const bidirected: [number, number][] = [];
  forEachRandomPair(deriveRng(seed, "datasets.randomAdmg:bidirected"), n, q, (a, b) => {
    bidirected.push([a, b]);
  });
  const latentRng = deriveRng(seed, "datasets.randomAdmg:latent");
  const latent: number[] = [];
  for (let i = 0; i < k; i++) {
    const l = n + i;
    latent.push(l);
    for (const c of randomSubset(latentRng, n, 2)) directed.push([l, c]);
  }
  return assembleGraph([...names, ...latentNames], directed, bidirected, latent);
}
