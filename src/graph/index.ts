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
  formatCycle,
  type NodeRole,
  type NodeRoles,
  type NodeSet,
  type ReadonlyCausalGraph,
} from "./causal-graph.js";
export { type Cpdag, cpdag } from "./cpdag.js";
export { dConnectedNodes, dSeparated, mSeparated } from "./d-separation.js";
export {
  type ImplicationBasis,
  type ImpliedIndependenciesOptions,
  type Independence,
  impliedIndependencies,
} from "./implications.js";
export { latentProjection } from "./latent-projection.js";
export {
  isMarkovEquivalent,
  type MarkovEquivalenceClassOptions,
  markovEquivalenceClass,
} from "./markov-equivalence.js";
export { findMinimalSeparator, type MinimalSeparatorOptions } from "./minimal-separator.js";
export { type MoralGraph, moralGraph } from "./moral-graph.js";
export { backdoorGraph, doGraph } from "./mutilate.js";
export { inducedSubgraph } from "./subgraph.js";
export { topologicalOrder } from "./topological.js";
