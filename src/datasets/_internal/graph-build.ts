// Shared pieces of the random graph generators: Erdős–Rényi edges over a hidden topological
// order, and graph assembly with edges in node order. Internal to `causalkit/datasets`.
import { InvalidArgumentError } from "../../errors.js";
import { CausalGraph } from "../../graph/causal-graph.js";
import type { Rng } from "../../sampling/rng.js";
import { randomPermutation } from "./random.js";
import { checkNumber } from "./validate.js";

/**
 * Calls `visit(i, j)` for each pair 0 ≤ i < j < n independently with probability p, in order of
 * j then i, skipping over absent pairs with geometric jumps (Batagelj & Brandes 2005, "Efficient
 * generation of large random networks", Phys. Rev. E 71, 036113, algorithm G(n,p)): expected
 * O(n + pairs·p) draws instead of one per pair.
 *
 * @internal
 */
export function forEachRandomPair(
  rng: Rng,
  n: number,
  p: number,
  visit: (i: number, j: number) => void,
): void {
  if (n < 2 || p <= 0) return;
  if (p >= 1) {
    for (let j = 1; j < n; j++) for (let i = 0; i < j; i++) visit(i, j);
    return;
  }
  const logQ = Math.log1p(-p);
  let j = 1;
  let i = -1;
  for (;;) {
    const r = rng.next();
    i += 1 + Math.floor(Math.log1p(-r) / logQ);
    while (i >= j && j < n) {
      i -= j;
      j++;
    }
    if (j >= n) return;
    visit(i, j);
  }
}

/**
 * Erdős–Rényi DAG edges over n nodes numbered in node order: a uniformly random topological
 * order (drawn from `orderRng`) and, for each pair of positions a < b, the edge
 * `order[a] -> order[b]` with probability p (pairs drawn from `edgeRng`). Edges are returned as
 * node-number pairs `[from, to]`.
 *
 * @internal
 */
export function erdosRenyiDagEdges(
  orderRng: Rng,
  edgeRng: Rng,
  n: number,
  p: number,
): [number, number][] {
  const order = randomPermutation(orderRng, n);
  const edges: [number, number][] = [];
  forEachRandomPair(edgeRng, n, p, (a, b) => {
    edges.push([order[a] as number, order[b] as number]);
  });
  return edges;
}

/**
 * A graph with the nodes `names` in that order, then the directed and bidirected edges sorted
 * by node number (so that neither edge order nor parent lists reflect the order in which the
 * generator drew them), then optional latent-role nodes.
 *
 * @internal
 */
export function assembleGraph(
  names: readonly string[],
  directed: readonly (readonly [number, number])[],
  bidirected: readonly (readonly [number, number])[] = [],
  latent: readonly number[] = [],
): CausalGraph {
  const byPair = (p: readonly [number, number], q: readonly [number, number]): number =>
    p[0] - q[0] || p[1] - q[1];
  const name = (i: number): string => names[i] as string;
  return CausalGraph.from({
    nodes: names,
    directed: [...directed].sort(byPair).map(([a, b]) => [name(a), name(b)] as const),
    bidirected: [...bidirected]
      .map(([a, b]) => (a < b ? ([a, b] as const) : ([b, a] as const)))
      .sort(byPair)
      .map(([a, b]) => [name(a), name(b)] as const),
    latent: latent.map(name),
  });
}

/**
 * The edge probability an Erdős–Rényi option pair asks for.
 *
 * @internal
 */
export function edgeProbabilityOf(
  where: string,
  n: number,
  expectedDegree: number | undefined,
  edgeProbability: number | undefined,
): number {
  if (expectedDegree !== undefined && edgeProbability !== undefined) {
    throw new InvalidArgumentError(
      `${where}: give expectedDegree or edgeProbability, not both`,
      "expectedDegree",
    );
  }
  if (edgeProbability !== undefined) {
    return checkNumber(where, "edgeProbability", edgeProbability, 0, 1);
  }
  const maxDegree = Math.max(n - 1, 0);
  if (expectedDegree === undefined) return n < 2 ? 0 : Math.min(2, maxDegree) / maxDegree;
  checkNumber(where, "expectedDegree", expectedDegree, 0, maxDegree);
  return n < 2 ? 0 : expectedDegree / maxDegree;
}
