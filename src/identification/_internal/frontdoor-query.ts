// Argument validation shared by the front-door functions. Internal to
// `causalkit/identification`; not exported from the package.
import { InvalidArgumentError } from "../../errors.js";
import type { NodeSet, ReadonlyCausalGraph } from "../../graph/causal-graph.js";

/**
 * Validated treatment and outcome sets of a front-door query.
 *
 * @internal
 */
export interface FrontdoorQuery {
  /** The treatments X, distinct, in the order given. */
  readonly x: string[];
  /** The outcomes Y, distinct, in the order given. */
  readonly y: string[];
}

/**
 * Resolves X and Y: known, non-empty, disjoint and observed.
 *
 * @internal
 */
export function resolveFrontdoorQuery(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  where: string,
): FrontdoorQuery {
  const x = graph.resolveNodes(X, where);
  const y = graph.resolveNodes(Y, where);
  if (x.length === 0) throw new InvalidArgumentError(`${where}: X must not be empty`, "X");
  if (y.length === 0) throw new InvalidArgumentError(`${where}: Y must not be empty`, "Y");
  const inX = new Set(x);
  for (const v of y) {
    if (inX.has(v)) {
      throw new InvalidArgumentError(
        `${where}: node "${v}" is in both X and Y; they must be disjoint`,
        v,
      );
    }
  }
  for (const [name, list] of [
    ["X", x],
    ["Y", y],
  ] as const) {
    for (const v of list) {
      if (graph.isLatent(v)) {
        throw new InvalidArgumentError(
          `${where}: ${name} node "${v}" is latent (unobserved); the front-door formula needs it observed`,
          v,
        );
      }
    }
  }
  return { x, y };
}

/**
 * Resolves a set of mediators (`Z` or `include`): known, observed, disjoint from X ∪ Y.
 *
 * @internal
 */
export function resolveMediators(
  graph: ReadonlyCausalGraph,
  nodes: NodeSet,
  argument: string,
  query: FrontdoorQuery,
  where: string,
): string[] {
  const list = graph.resolveNodes(nodes, where);
  const inX = new Set(query.x);
  const inY = new Set(query.y);
  for (const v of list) {
    if (inX.has(v) || inY.has(v)) {
      throw new InvalidArgumentError(
        `${where}: ${argument} node "${v}" is in ${inX.has(v) ? "X" : "Y"}; it must be disjoint from X and Y`,
        v,
      );
    }
    if (graph.isLatent(v)) {
      throw new InvalidArgumentError(
        `${where}: ${argument} node "${v}" is latent (unobserved) and cannot be in a front-door set`,
        v,
      );
    }
  }
  return list;
}

/**
 * Validates a cap on a number of results or search steps: a non-negative integer or Infinity.
 *
 * @internal
 */
export function checkCap(value: number, argument: string, where: string): number {
  if (!(value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value >= 0))) {
    throw new InvalidArgumentError(
      `${where}: ${argument} must be a non-negative integer or Infinity, got ${value}`,
      argument,
    );
  }
  return value;
}
