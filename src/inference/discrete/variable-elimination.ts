import { FactorTooLargeError, InvalidArgumentError } from "../../errors.js";
import { readMaxFactorSize } from "../_internal/max-factor-size.js";
import { eliminationOrder } from "./elimination-order.js";
import { Factor, factorProduct } from "./factor.js";

/**
 * Options of {@link variableElimination}.
 *
 * @since 0.1.0
 */
export interface VariableEliminationOptions {
  /**
   * The largest table (number of cells) the elimination may build. The order is planned
   * first; if its largest factor exceeds this, {@link FactorTooLargeError} is thrown before
   * any numeric work.
   * @defaultValue 2²⁵ (33 554 432 cells, 256 MiB of doubles)
   */
  readonly maxFactorSize?: number;
  /**
   * Divide an intermediate factor by its maximum whenever that maximum falls below 1e-150, so
   * that long products of small probabilities do not underflow to 0. The result is then only
   * **proportional** to the sum-product (exact up to a positive constant), which is all a
   * normalised query needs.
   * @defaultValue false
   */
  readonly rescale?: boolean;
  /**
   * Where the call comes from, for error messages (`module.function`).
   * @defaultValue "inference.variableElimination"
   */
  readonly caller?: string;
}

const UNDERFLOW_GUARD = 1e-150;

/**
 * Sum-product variable elimination (Zhang & Poole 1994; Koller & Friedman 2009, Algorithm 9.1):
 * computes `Σ_{all other variables} Π_i φ_i` as a factor over `keep`, eliminating the other
 * variables one at a time in a weighted min-fill order ({@link eliminationOrder}). Each step
 * multiplies the factors that mention the variable and sums it out in one pass
 * ({@link factorProduct}).
 *
 * For a Bayesian network's CPTs reduced to evidence `e`, the result over query variables `Y` is
 * the unnormalised `P(Y, e)`; normalise it for `P(Y | e)`.
 *
 * @param factors - the factors (not modified)
 * @param keep - variables to keep, in the order of the result's scope; each must appear in
 *   some factor
 * @param options - see {@link VariableEliminationOptions}
 * @returns a factor whose scope is exactly `keep` (in that order); a scalar for an empty `keep`
 *   (the product of an empty factor list is the scalar 1)
 * @throws {@link FactorTooLargeError} if the planned elimination would build a table larger
 *   than `maxFactorSize`
 * @throws {@link InvalidArgumentError} if a kept variable appears in no factor or twice in
 *   `keep`, or `maxFactorSize` is not a number ≥ 1
 * @throws {@link DimensionError} if a variable has different cardinalities in two factors
 * @remarks Time O(Σ_v F_v·|cluster_v|) and memory O(max cluster) for the clusters of the
 *   planned order; exponential in the induced width of the order, linear in the number of
 *   variables for a fixed width.
 * @see Zhang, N. L., & Poole, D. (1994). A simple approach to Bayesian network computations.
 *   *Proc. 10th Canadian Conference on AI*, 171–178.
 * @see Koller, D., & Friedman, N. (2009). *Probabilistic Graphical Models*, §9.3.
 * @example
 * ```ts
 * const pA = new Factor([0], [2], [0.3, 0.7]);
 * const pBgivenA = new Factor([0, 1], [2, 2], [0.9, 0.1, 0.2, 0.8]);
 * variableElimination([pA, pBgivenA], [1]).values; // P(B) = [0.41, 0.59]
 * ```
 * @since 0.1.0
 */
export function variableElimination(
  factors: readonly Factor[],
  keep: ArrayLike<number>,
  options: VariableEliminationOptions = {},
): Factor {
  const where = options.caller ?? "inference.variableElimination";
  const limit = readMaxFactorSize(options.maxFactorSize, where);
  const keepList = Array.from(keep);
  for (let i = 0; i < keepList.length; i++) {
    const v = keepList[i] as number;
    if (keepList.indexOf(v) !== i) {
      throw new InvalidArgumentError(`${where}: variable ${v} is kept twice`, "keep");
    }
    if (!factors.some((f) => f.indexOf(v) >= 0)) {
      throw new InvalidArgumentError(`${where}: kept variable ${v} appears in no factor`, "keep");
    }
  }
  const plan = eliminationOrder(factors, keepList);
  if (plan.largestFactorSize > limit) {
    throw new FactorTooLargeError(
      `${where}: exact inference would build a table of ${plan.largestFactorSize} cells, more than maxFactorSize = ${limit}`,
      plan.largestFactorSize,
      limit,
    );
  }
  let live: Factor[] = [...factors];
  for (const v of plan.order) {
    const with_: Factor[] = [];
    const without: Factor[] = [];
    for (const f of live) (f.indexOf(v) >= 0 ? with_ : without).push(f);
    if (with_.length === 0) continue;
    let next = factorProduct(with_, v);
    if (options.rescale === true) next = rescaled(next);
    without.push(next);
    live = without;
  }
  const result =
    live.length === 0
      ? new Factor([], [], [1])
      : live.length === 1
        ? (live[0] as Factor)
        : factorProduct(live);
  return result.permute(keepList);
}

function rescaled(f: Factor): Factor {
  const v = f.values;
  let max = 0;
  for (let i = 0; i < v.length; i++) if ((v[i] as number) > max) max = v[i] as number;
  if (max === 0 || max >= UNDERFLOW_GUARD) return f;
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = (v[i] as number) / max;
  return new Factor(f.variables, f.cardinalities, out);
}
