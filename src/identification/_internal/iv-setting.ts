// The graphs and node sets behind the instrumental-variable criterion. Internal to
// `causalkit/identification`; not exported from the package.
import { InvalidArgumentError } from "../../errors.js";
import { ancestors, descendants } from "../../graph/ancestry.js";
import type { CausalGraph, NodeSet, ReadonlyCausalGraph } from "../../graph/causal-graph.js";

/**
 * The IV setting of one (X, Y) pair.
 *
 * @internal
 */
export interface IvSetting {
  /** The treatment. */
  readonly x: string;
  /** The outcome. */
  readonly y: string;
  /**
   * The proper back-door graph: `graph` without the edges `x -> c` for c on a directed path from
   * x to y (van der Zander, Liśkiewicz & Textor 2019, §5; with no mediators this is the graph
   * `G_c` without the edge x -> y of van der Zander, Textor & Liśkiewicz 2015).
   */
  readonly pbd: CausalGraph;
  /**
   * Nodes no conditioning set may contain: the descendants of y and of every node on a directed
   * path from x to y (x excluded), i.e. the mediators, y, and everything below them.
   */
  readonly forbidden: ReadonlySet<string>;
}

/**
 * Validates one node argument: a string naming an observed node.
 *
 * @internal
 */
export function resolveSingle(
  graph: ReadonlyCausalGraph,
  node: unknown,
  argument: string,
  where: string,
): string {
  if (typeof node !== "string") {
    throw new InvalidArgumentError(
      `${where}: ${argument} must be a single node name (a string)`,
      argument,
    );
  }
  graph.resolveNodes(node, where);
  if (graph.isLatent(node)) {
    throw new InvalidArgumentError(
      `${where}: ${argument} node "${node}" is latent (unobserved); it must be observed`,
      node,
    );
  }
  return node;
}

/**
 * Validates X and Y (distinct observed nodes) and builds the setting.
 *
 * @internal
 */
export function ivSetting(
  graph: ReadonlyCausalGraph,
  X: unknown,
  Y: unknown,
  where: string,
): IvSetting {
  const x = resolveSingle(graph, X, "X", where);
  const y = resolveSingle(graph, Y, "Y", where);
  if (x === y) {
    throw new InvalidArgumentError(`${where}: X and Y are the same node "${x}"`, "Y");
  }
  const anY = ancestors(graph, y);
  const mediators = [...descendants(graph, x)].filter((v) => v !== x && anY.has(v));
  const forbidden = descendants(graph, [...mediators, y]);
  const pbd = graph.clone();
  for (const c of mediators) if (pbd.hasEdge(x, c)) pbd.removeEdge(x, c);
  return { x, y, pbd, forbidden };
}

/**
 * Validates a conditioning set: known, observed, disjoint from the given nodes.
 *
 * @internal
 */
export function resolveConditioning(
  graph: ReadonlyCausalGraph,
  W: NodeSet,
  disjoint: readonly (readonly [string, string])[],
  where: string,
): string[] {
  const w = graph.resolveNodes(W, where);
  for (const v of w) {
    for (const [name, node] of disjoint) {
      if (v === node) {
        throw new InvalidArgumentError(`${where}: W contains ${name} ("${v}")`, v);
      }
    }
    if (graph.isLatent(v)) {
      throw new InvalidArgumentError(
        `${where}: W node "${v}" is latent (unobserved) and cannot be conditioned on`,
        v,
      );
    }
  }
  return w;
}
