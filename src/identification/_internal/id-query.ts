// Validation of identification queries and the latent projection they run on.

import { InvalidArgumentError } from "../../errors.js";
import type { CausalGraph, NodeSet, ReadonlyCausalGraph } from "../../graph/causal-graph.js";
import { latentProjection } from "../../graph/latent-projection.js";

/**
 * The graph the identification algorithms work on: `graph` itself when no node is latent,
 * otherwise its latent projection onto the observed nodes (same identifiability).
 */
export function observedGraph(graph: ReadonlyCausalGraph): ReadonlyCausalGraph | CausalGraph {
  return graph.nodesWithRole("latent").length > 0 ? latentProjection(graph) : graph;
}

/**
 * Resolves a node set of a query: every node must exist and be observed.
 *
 * @throws UnknownNodeError for an unknown node; InvalidArgumentError for a latent one
 */
export function resolveObserved(
  graph: ReadonlyCausalGraph,
  nodes: NodeSet,
  name: string,
  where: string,
): string[] {
  const list = graph.resolveNodes(nodes, where);
  for (const v of list) {
    if (graph.isLatent(v)) {
      throw new InvalidArgumentError(`${where}: ${name} node "${v}" is latent (unobserved)`, name);
    }
  }
  return list;
}

/** Throws if two named node lists share a node. */
export function assertDisjoint(
  a: readonly string[],
  aName: string,
  b: readonly string[],
  bName: string,
  where: string,
): void {
  const set = new Set(a);
  for (const v of b) {
    if (set.has(v)) {
      throw new InvalidArgumentError(
        `${where}: node "${v}" is in both ${aName} and ${bName}`,
        bName,
      );
    }
  }
}

/** Throws if a required node list is empty. */
export function assertNonEmpty(list: readonly string[], name: string, where: string): void {
  if (list.length === 0) throw new InvalidArgumentError(`${where}: ${name} is empty`, name);
}
