import { InvalidArgumentError } from "../errors.js";
import type { CausalGraph } from "../graph/causal-graph.js";
import { deriveRng, type Seed } from "../sampling/rng.js";
import { assembleGraph } from "./_internal/graph-build.js";
import { resolveNames } from "./_internal/names.js";
import { randomPermutation } from "./_internal/random.js";
import { checkInteger, checkNumber, checkOptions, checkSeed } from "./_internal/validate.js";

/**
 * Options of {@link layeredDag}.
 *
 * @since 0.1.0
 */
export interface LayeredDagOptions {
  /** Layer sizes, first (causes) to last (effects); non-negative integers, at least one layer. */
  readonly layers: readonly number[];
  /** Probability of each allowed edge, in [0, 1]. @defaultValue 0.5 */
  readonly edgeProbability?: number;
  /**
   * Whether edges may skip layers (from layer i to any layer j > i) rather than only join
   * consecutive layers (j = i + 1).
   *
   * @defaultValue false
   */
  readonly skipLayers?: boolean;
  /** Seed of every random choice. @defaultValue 0 */
  readonly seed?: Seed;
  /** Node names, in node order (Σ layers of them). @defaultValue `A`, `B`, …, `Z`, `AA`, … */
  readonly names?: readonly string[];
}

/**
 * A random layered DAG: the nodes are split into layers of the given sizes and each edge from
 * a node of layer i to a node of layer i + 1 (or of any later layer, with `skipLayers`) is
 * present independently with probability `edgeProbability`. There are no edges within a
 * layer. Which node is in which layer is a uniform random assignment, independent of node
 * order and names, so neither reveals the layers.
 *
 * Determinism: same options and seed ⇒ same graph (streams `"datasets.layeredDag:layout"` and
 * `"datasets.layeredDag:edges"`).
 *
 * @param options - layer sizes, edge probability, seed, names
 * @returns a new (mutable) DAG
 * @throws {@link InvalidArgumentError} for an empty `layers`, a negative or non-integer layer
 *   size, an `edgeProbability` outside [0, 1], or bad `names`
 * @remarks O(Σ_{i<j} |L_i|·|L_j|) time (one draw per allowed edge).
 * @example
 * ```ts
 * const g = layeredDag({ layers: [2, 3, 1], edgeProbability: 0.7, seed: 1 });
 * ```
 * @since 0.1.0
 */
export function layeredDag(options: LayeredDagOptions): CausalGraph {
  const where = "datasets.layeredDag";
  const o = checkOptions(where, options);
  if (!Array.isArray(o.layers) || o.layers.length === 0) {
    throw new InvalidArgumentError(
      `${where}: layers must be a non-empty array of layer sizes`,
      "layers",
    );
  }
  const sizes = o.layers.map((s, i) => checkInteger(where, `layers[${i}]`, s, 0));
  const p = checkNumber(where, "edgeProbability", o.edgeProbability ?? 0.5, 0, 1);
  const skip = o.skipLayers ?? false;
  if (typeof skip !== "boolean") {
    throw new InvalidArgumentError(`${where}: skipLayers must be a boolean`, "skipLayers");
  }
  const seed = checkSeed(where, o.seed);
  const n = sizes.reduce((a, b) => a + b, 0);
  const names = resolveNames(where, n, o.names);
  const slots = randomPermutation(deriveRng(seed, "datasets.layeredDag:layout"), n);
  const members: number[][] = [];
  let next = 0;
  for (const size of sizes) {
    const layer: number[] = [];
    for (let k = 0; k < size; k++) layer.push(slots[next++] as number);
    members.push(layer.sort((a, b) => a - b));
  }
  const rng = deriveRng(seed, "datasets.layeredDag:edges");
  const edges: [number, number][] = [];
  for (let i = 0; i < members.length; i++) {
    const last = skip ? members.length - 1 : Math.min(i + 1, members.length - 1);
    for (let j = i + 1; j <= last; j++) {
      for (const a of members[i] as number[]) {
        for (const b of members[j] as number[]) {
          if (rng.next() < p) edges.push([a, b]);
        }
      }
    }
  }
  return assembleGraph(names, edges);
}
