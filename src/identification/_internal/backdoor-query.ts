// Argument validation shared by the adjustment functions. Internal to
// `causalkit/identification`; not exported from the package.
import { InvalidArgumentError } from "../../errors.js";
import type { NodeSet, ReadonlyCausalGraph } from "../../graph/causal-graph.js";

/**
 * Validated exposure and outcome sets.
 *
 * @internal
 */
export interface ExposureOutcome {
  /** The exposures X, distinct, in the order given. */
  readonly x: string[];
  /** The outcomes Y, distinct, in the order given. */
  readonly y: string[];
}

/**
 * Resolves X and Y: both non-empty, disjoint, known and observed.
 *
 * @internal
 */
export function resolveExposureOutcome(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  where: string,
  purpose = "adjustment",
): ExposureOutcome {
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
          `${where}: ${name} node "${v}" is latent (unobserved); ${purpose} needs it observed`,
          v,
        );
      }
    }
  }
  return { x, y };
}

/**
 * Resolves a set of covariates (`Z` or `include`): known, observed, disjoint from X ∪ Y.
 * `latentUse` ends the message for a latent node (what such a node cannot be).
 *
 * @internal
 */
export function resolveCovariates(
  graph: ReadonlyCausalGraph,
  nodes: NodeSet,
  argument: string,
  xy: ExposureOutcome,
  where: string,
  latentUse = "cannot be adjusted for",
): string[] {
  const list = graph.resolveNodes(nodes, where);
  const inX = new Set(xy.x);
  const inY = new Set(xy.y);
  for (const v of list) {
    if (inX.has(v) || inY.has(v)) {
      throw new InvalidArgumentError(
        `${where}: ${argument} node "${v}" is in ${inX.has(v) ? "X" : "Y"}; it must be disjoint from X and Y`,
        v,
      );
    }
    if (graph.isLatent(v)) {
      throw new InvalidArgumentError(
        `${where}: ${argument} node "${v}" is latent (unobserved) and ${latentUse}`,
        v,
      );
    }
  }
  return list;
}
