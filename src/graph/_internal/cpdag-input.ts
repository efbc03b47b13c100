// The DAG over the observed variables that the Markov-equivalence functions work on. Internal
// to `causalkit/graph`; not exported from the package.
import { InvalidArgumentError } from "../../errors.js";
import type { ReadonlyCausalGraph } from "../causal-graph.js";
import { latentProjection } from "../latent-projection.js";

/**
 * The graph itself if it has no latent nodes, else its latent projection; throws
 * InvalidArgumentError if the result has bidirected edges (an ADMG, whose Markov equivalence
 * these functions do not decide).
 *
 * @internal
 */
export function observedDag(graph: ReadonlyCausalGraph, where: string): ReadonlyCausalGraph {
  const g = graph.nodesWithRole("latent").length === 0 ? graph : latentProjection(graph);
  if (g.hasBidirectedEdges()) {
    const [a, b] = g.bidirectedEdges()[0] ?? ["?", "?"];
    throw new InvalidArgumentError(
      `${where}: the graph over the observed variables has a bidirected edge (${a} <-> ${b}); Markov equivalence is only decided for DAGs, not ADMGs`,
      "graph",
    );
  }
  return g;
}

/**
 * The unshielded colliders `a -> c <- b` (a, b non-adjacent) of a DAG as keys
 * `JSON.stringify([c, a, b])` with `a < b` by code unit, so that graphs with different node
 * orders compare equal.
 *
 * @internal
 */
export function vStructureKeys(g: ReadonlyCausalGraph): Set<string> {
  const ix = g.compactIndex();
  const n = ix.names.length;
  const out = new Set<string>();
  const adjacent = new Set<number>();
  for (let v = 0; v < n; v++) {
    const end = ix.childOffsets[v + 1] as number;
    for (let e = ix.childOffsets[v] as number; e < end; e++) {
      const w = ix.children[e] as number;
      adjacent.add(v * n + w);
      adjacent.add(w * n + v);
    }
  }
  for (let c = 0; c < n; c++) {
    const start = ix.parentOffsets[c] as number;
    const end = ix.parentOffsets[c + 1] as number;
    for (let i = start; i < end; i++) {
      for (let j = i + 1; j < end; j++) {
        const p = ix.parents[i] as number;
        const q = ix.parents[j] as number;
        if (adjacent.has(p * n + q)) continue;
        const a = ix.names[p] as string;
        const b = ix.names[q] as string;
        out.add(JSON.stringify(a < b ? [ix.names[c], a, b] : [ix.names[c], b, a]));
      }
    }
  }
  return out;
}

/**
 * The skeleton of a DAG as keys `JSON.stringify([a, b])` with `a < b` by code unit.
 *
 * @internal
 */
export function skeletonKeys(g: ReadonlyCausalGraph): Set<string> {
  const out = new Set<string>();
  for (const [a, b] of g.directedEdges()) out.add(JSON.stringify(a < b ? [a, b] : [b, a]));
  return out;
}
