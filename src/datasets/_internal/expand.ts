// The DAG a model generator parameterises: the graph's nodes (in node order) plus, for each
// bidirected edge a <-> b, an explicit latent root with children a and b. Internal to
// `causalkit/datasets`.
import { InvalidArgumentError } from "../../errors.js";
import { CausalGraph, type ReadonlyCausalGraph } from "../../graph/causal-graph.js";
import { freshName } from "./names.js";

/** One variable of the expanded DAG. */
export interface ExpandedVariable {
  readonly name: string;
  /** Graph parents (graph order), then the latent roots of its bidirected edges. */
  readonly parents: readonly string[];
  /** Whether this is a latent root created for a bidirected edge. */
  readonly isConfounder: boolean;
}

/** The expanded DAG. */
export interface Expanded {
  /** Graph nodes in node order, then the created latent roots in bidirected-edge order. */
  readonly variables: readonly ExpandedVariable[];
  /** The graph's latent-role nodes, then the created latent roots. */
  readonly latent: readonly string[];
  /** Every endogenous name (for choosing fresh exogenous names). */
  readonly taken: Set<string>;
}

/**
 * Checks that `graph` is a CausalGraph.
 *
 * @internal
 */
export function checkGraph(where: string, graph: unknown): ReadonlyCausalGraph {
  if (!(graph instanceof CausalGraph)) {
    throw new InvalidArgumentError(`${where}: graph must be a CausalGraph`, "graph");
  }
  return graph;
}

/**
 * The expanded DAG of a graph; latent roots are named `L_<a>_<b>` (made unique with a `_2`,
 * `_3`, … suffix).
 *
 * @internal
 */
export function expandBidirected(graph: ReadonlyCausalGraph): Expanded {
  const nodes = graph.nodes();
  const taken = new Set(nodes);
  const extra = new Map<string, string[]>();
  const confounders: ExpandedVariable[] = [];
  for (const [a, b] of graph.bidirectedEdges()) {
    const name = freshName(`L_${a}_${b}`, taken);
    confounders.push({ name, parents: [], isConfounder: true });
    for (const v of [a, b]) {
      const list = extra.get(v);
      if (list) list.push(name);
      else extra.set(v, [name]);
    }
  }
  const variables: ExpandedVariable[] = nodes.map((v) => ({
    name: v,
    parents: [...graph.parents(v), ...(extra.get(v) ?? [])],
    isConfounder: false,
  }));
  return {
    variables: [...variables, ...confounders],
    latent: [...graph.nodesWithRole("latent"), ...confounders.map((c) => c.name)],
    taken,
  };
}
