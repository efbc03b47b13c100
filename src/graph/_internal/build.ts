// Builds a new CausalGraph from a compact-index view of an existing one: a kept-node mask plus
// edge filters. Internal to `causalkit/graph`; not exported from the package.
import { CausalGraph, type NodeRole, type ReadonlyCausalGraph } from "../causal-graph.js";

const ROLES: readonly NodeRole[] = ["latent", "exposure", "outcome", "adjusted"];

/**
 * A new graph with the nodes `v` where `keep[v] !== 0` (all nodes if `keep` is undefined), in
 * the original node order, their roles, and the directed / bidirected edges among them for
 * which the filters return true. Extra edges (by node number) are appended.
 */
export function rebuildGraph(
  graph: ReadonlyCausalGraph,
  keep: Uint8Array | undefined,
  keepDirected: (from: number, to: number) => boolean,
  keepBidirected: (a: number, b: number) => boolean,
  extraDirected: readonly (readonly [number, number])[] = [],
  extraBidirected: readonly (readonly [number, number])[] = [],
): CausalGraph {
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const kept = (v: number): boolean => keep === undefined || keep[v] !== 0;
  const nodes: string[] = [];
  const directed: [string, string][] = [];
  const bidirected: [string, string][] = [];
  for (let v = 0; v < n; v++) {
    if (!kept(v)) continue;
    const name = ix.names[v] as string;
    nodes.push(name);
    const endC = ix.childOffsets[v + 1] as number;
    for (let e = ix.childOffsets[v] as number; e < endC; e++) {
      const w = ix.children[e] as number;
      if (kept(w) && keepDirected(v, w)) directed.push([name, ix.names[w] as string]);
    }
    const endS = ix.siblingOffsets[v + 1] as number;
    for (let e = ix.siblingOffsets[v] as number; e < endS; e++) {
      const w = ix.siblings[e] as number;
      if (v < w && kept(w) && keepBidirected(v, w)) {
        bidirected.push([name, ix.names[w] as string]);
      }
    }
  }
  for (const [a, b] of extraDirected) directed.push([ix.names[a] as string, ix.names[b] as string]);
  for (const [a, b] of extraBidirected) {
    bidirected.push([ix.names[a] as string, ix.names[b] as string]);
  }
  const spec: Record<NodeRole, string[]> = { latent: [], exposure: [], outcome: [], adjusted: [] };
  for (const role of ROLES) {
    for (const v of graph.nodesWithRole(role)) {
      const k = ix.id.get(v);
      if (k !== undefined && kept(k)) spec[role].push(v);
    }
  }
  return CausalGraph.from({ nodes, directed, bidirected, ...spec });
}
