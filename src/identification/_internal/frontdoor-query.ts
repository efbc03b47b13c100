// Argument validation shared by the front-door functions. Internal to
// `causalkit/identification`; not exported from the package.
import { InvalidArgumentError } from "../../errors.js";
import type { NodeSet, ReadonlyCausalGraph } from "../../graph/causal-graph.js";
import {
  type ExposureOutcome,
  resolveCovariates,
  resolveExposureOutcome,
} from "./backdoor-query.js";

/** Validated treatment and outcome sets of a front-door query. */
export type FrontdoorQuery = ExposureOutcome;

/** Resolves X and Y: known, non-empty, disjoint and observed. */
export function resolveFrontdoorQuery(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  where: string,
): FrontdoorQuery {
  return resolveExposureOutcome(graph, X, Y, where, "the front-door formula");
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
  return resolveCovariates(graph, nodes, argument, query, where, "cannot be in a front-door set");
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
