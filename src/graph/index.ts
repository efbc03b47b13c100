/**
 * Causal graphs: DAGs and ADMGs (directed plus bidirected edges), their queries, graph surgery
 * for interventions, and d-/m-separation.
 *
 * @module graph
 */
export { ancestors, descendants, isAncestor } from "./ancestry.js";
export { cComponent, cComponents } from "./c-components.js";
export {
  CausalGraph,
  type CausalGraphJson,
  type CausalGraphSpec,
  type CompactIndex,
  type NodeRole,
  type NodeRoles,
  type NodeSet,
  type ReadonlyCausalGraph,
} from "./causal-graph.js";
export { dConnectedNodes, dSeparated, mSeparated } from "./d-separation.js";
export { latentProjection } from "./latent-projection.js";
export { findMinimalSeparator, type MinimalSeparatorOptions } from "./minimal-separator.js";
export { type MoralGraph, moralGraph } from "./moral-graph.js";
export { backdoorGraph, doGraph } from "./mutilate.js";
export { inducedSubgraph } from "./subgraph.js";
export { topologicalOrder } from "./topological.js";
