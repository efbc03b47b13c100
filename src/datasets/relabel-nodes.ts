import type { CausalGraph, NodeRole, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { deriveRng, type Seed } from "../sampling/rng.js";
import { checkGraph } from "./_internal/expand.js";
import { assembleGraph } from "./_internal/graph-build.js";
import { resolveNames } from "./_internal/names.js";
import { randomPermutation } from "./_internal/random.js";
import { checkOptions, checkSeed } from "./_internal/validate.js";

/**
 * Options of {@link relabelNodes}.
 *
 * @since 0.1.0
 */
export interface RelabelNodesOptions {
  /** Seed of the random bijection. @defaultValue 0 */
  readonly seed?: Seed;
  /**
   * The new names, as many as the graph has nodes; also the node order of the result.
   *
   * @defaultValue the graph's own names, in its node order
   */
  readonly names?: readonly string[];
}

const ROLES: readonly NodeRole[] = ["latent", "exposure", "outcome", "adjusted"];

/**
 * A uniformly random relabelling of a graph: an isomorphic copy in which the node that had the
 * i-th name now has `names[π(i)]` for a uniform random permutation π, with its edges and roles.
 * The copy's node order is the order of `names`, so neither it nor the names carry information
 * about the original node order (use it to hide the canonical, topologically ordered labels of
 * {@link enumerateDags} representatives or of templates before showing a graph).
 *
 * Determinism: same graph, options and seed ⇒ same copy (stream
 * `"datasets.relabelNodes:permutation"`).
 *
 * @param graph - any causal graph (not modified)
 * @param options - seed and new names
 * @returns a new (mutable) graph isomorphic to `graph`
 * @throws {@link InvalidArgumentError} if `graph` is not a CausalGraph or `names` does not
 *   have one distinct string per node
 * @remarks O(n + m log m) time.
 * @example
 * ```ts
 * const g = relabelNodes(templateGraph("chain"), { seed: 5 }); // e.g. M → Y → X
 * ```
 * @since 0.1.0
 */
export function relabelNodes(
  graph: ReadonlyCausalGraph,
  options?: RelabelNodesOptions,
): CausalGraph {
  const where = "datasets.relabelNodes";
  const g = checkGraph(where, graph);
  const o = checkOptions(where, options);
  const seed = checkSeed(where, o.seed);
  const old = g.nodes();
  const names = resolveNames(where, old.length, o.names ?? old);
  const pi = randomPermutation(deriveRng(seed, "datasets.relabelNodes:permutation"), old.length);
  const to = new Map(old.map((v, i) => [v, pi[i] as number]));
  const id = (v: string): number => to.get(v) as number;
  const copy = assembleGraph(
    names,
    g.directedEdges().map(([a, b]) => [id(a), id(b)] as const),
    g.bidirectedEdges().map(([a, b]) => [id(a), id(b)] as const),
  );
  for (const role of ROLES) {
    for (const v of g.nodesWithRole(role)) copy.setRoles(names[id(v)] as string, { [role]: true });
  }
  return copy;
}
