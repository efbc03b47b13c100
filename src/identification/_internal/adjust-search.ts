// Validation of an adjustment-set search (X, Y, include, exclude, criterion) and its candidate
// range on the compact index. Internal to `causalkit/identification`; not exported from the
// package.
import { InvalidArgumentError } from "../../errors.js";
import type { CompactIndex, NodeSet, ReadonlyCausalGraph } from "../../graph/causal-graph.js";
import { type AdjustStructure, adjustStructure, type CriterionName } from "./adjust-structure.js";
import { resolveCovariates, resolveExposureOutcome } from "./backdoor-query.js";

/**
 * A validated search for adjustment sets.
 *
 * @internal
 */
export interface AdjustSearch {
  readonly structure: AdjustStructure;
  /** Nodes every set must contain, distinct, ascending. */
  readonly include: Int32Array;
  /**
   * `allowed[v] === 1` iff v may be added to `include`: observed, outside X ∪ Y, not forbidden by
   * the criterion, not in `exclude` and not in `include`.
   */
  readonly allowed: Uint8Array;
  /** True if `include` contains a forbidden node, so that no valid set exists. */
  readonly impossible: boolean;
}

/**
 * Validates a criterion option.
 *
 * @internal
 */
export function resolveCriterion(value: unknown, where: string): CriterionName {
  if (value === undefined) return "adjustment";
  if (value === "backdoor" || value === "adjustment") return value;
  throw new InvalidArgumentError(
    `${where}: criterion must be "backdoor" or "adjustment", got ${JSON.stringify(value)}`,
    "criterion",
  );
}

/**
 * Node numbers of validated names.
 *
 * @internal
 */
export function idsOf(ix: CompactIndex, names: readonly string[]): Int32Array {
  const out = new Int32Array(names.length);
  for (let i = 0; i < names.length; i++) out[i] = ix.id.get(names[i] as string) ?? -1;
  return out;
}

/**
 * Names of node numbers, in ascending (node) order.
 *
 * @internal
 */
export function namesOf(ix: CompactIndex, ids: ArrayLike<number>): string[] {
  const sorted = Int32Array.from(ids).sort();
  const out: string[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) out[i] = ix.names[sorted[i] as number] as string;
  return out;
}

/**
 * The latent mask of a graph.
 *
 * @internal
 */
export function latentMask(graph: ReadonlyCausalGraph, ix: CompactIndex): Uint8Array {
  const mask = new Uint8Array(ix.names.length);
  for (const v of graph.nodesWithRole("latent")) {
    const k = ix.id.get(v);
    if (k !== undefined) mask[k] = 1;
  }
  return mask;
}

/**
 * Validates X, Y, `include`, `exclude` and builds the structure and the candidate range
 * R = V \ (X ∪ Y ∪ forbidden ∪ latent ∪ exclude) (with `include` kept apart).
 *
 * @internal
 */
export function prepareAdjustmentSearch(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  includeSet: NodeSet | undefined,
  excludeSet: NodeSet | undefined,
  criterion: CriterionName,
  where: string,
): AdjustSearch {
  const xy = resolveExposureOutcome(graph, X, Y, where);
  const includeNames = resolveCovariates(graph, includeSet ?? [], "include", xy, where);
  const excludeNames = graph.resolveNodes(excludeSet ?? [], where);
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const excluded = new Uint8Array(n);
  for (const v of excludeNames) excluded[ix.id.get(v) ?? 0] = 1;
  const include = idsOf(ix, includeNames).sort();
  for (const v of include) {
    if (excluded[v] === 1) {
      const name = ix.names[v] as string;
      throw new InvalidArgumentError(
        `${where}: node "${name}" is in both include and exclude`,
        name,
      );
    }
  }
  const structure = adjustStructure(ix, idsOf(ix, xy.x), idsOf(ix, xy.y), criterion);
  const latent = latentMask(graph, ix);
  const allowed = new Uint8Array(n);
  const { inX, inY, forbidden } = structure;
  for (let v = 0; v < n; v++) {
    if (inX[v] === 0 && inY[v] === 0 && forbidden[v] === 0 && excluded[v] === 0 && latent[v] === 0)
      allowed[v] = 1;
  }
  let impossible = false;
  for (const v of include) {
    allowed[v] = 0;
    if (forbidden[v] === 1) impossible = true;
  }
  return { structure, include, allowed, impossible };
}
