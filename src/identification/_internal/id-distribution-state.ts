// The distribution "P" that the ID algorithm passes down its recursion, kept symbolically.
//
// Either the observational distribution of a set of observed variables (`observed`), or a
// product of chain factors with some variables summed out (`chain`):
//   P(V) = Σ_H Π_{u ∈ V ∪ H, in π order} f_u,
// where each f_u is a normalised conditional distribution of u given the variables before it
// in π (and fixed context values of variables outside V ∪ H). Both forms are closed under the
// two operations ID needs: marginalising and taking the conditionals P(v | v_π^{(i-1)}).
import { internalError } from "../../errors.js";
import { type Estimand, makeProb, makeProduct, makeRatio, makeSum, ONE } from "./id-ast.js";

/** The observational distribution of `vars` (in π order). */
export interface ObservedDist {
  readonly kind: "observed";
  readonly vars: readonly string[];
}

/** `Σ_hidden Π_{u ∈ order} factors(u)`; `order` is in π order and never ends in a hidden node. */
export interface ChainDist {
  readonly kind: "chain";
  readonly order: readonly string[];
  readonly hidden: ReadonlySet<string>;
  readonly factors: ReadonlyMap<string, Estimand>;
}

/** The symbolic distribution of the ID recursion. */
export type IdDist = ObservedDist | ChainDist;

/** The visible (not summed-out) variables of a distribution, in π order. */
export function visibleVars(p: IdDist): string[] {
  return p.kind === "observed" ? [...p.vars] : p.order.filter((v) => !p.hidden.has(v));
}

/** Drops hidden variables from the end of the order: their factors sum to 1. */
function trimmed(
  order: readonly string[],
  hidden: ReadonlySet<string>,
  factors: ReadonlyMap<string, Estimand>,
): ChainDist {
  let end = order.length;
  while (end > 0 && hidden.has(order[end - 1] as string)) end--;
  const kept = order.slice(0, end);
  const keptSet = new Set(kept);
  return {
    kind: "chain",
    order: kept,
    hidden: new Set([...hidden].filter((v) => keptSet.has(v))),
    factors: new Map([...factors].filter(([v]) => keptSet.has(v))),
  };
}

/** `Σ_{V \ keep} P`: the marginal distribution of the visible variables in `keep`. */
export function marginalize(p: IdDist, keep: ReadonlySet<string>): IdDist {
  if (p.kind === "observed") return { kind: "observed", vars: p.vars.filter((v) => keep.has(v)) };
  const hidden = new Set(p.hidden);
  for (const v of p.order) if (!keep.has(v)) hidden.add(v);
  return trimmed(p.order, hidden, p.factors);
}

/** The estimand of the whole (joint) distribution P(V). */
export function jointEstimand(p: IdDist): Estimand {
  if (p.kind === "observed") return p.vars.length === 0 ? ONE : makeProb(p.vars);
  const factors = p.order.map(
    (v) => p.factors.get(v) ?? internalError(`identification.id: no factor for "${v}"`),
  );
  const hidden = p.order.filter((v) => p.hidden.has(v));
  return makeSum(hidden, factors.length === 0 ? ONE : makeProduct(factors));
}

/**
 * The conditional `P(v | v_π^{(i-1)})` of a visible variable given the visible variables before
 * it in π (Shpitser & Pearl 2006, lines 6 and 7 of ID).
 */
export function conditional(p: IdDist, v: string): Estimand {
  if (p.kind === "observed") {
    const at = p.vars.indexOf(v);
    if (at < 0) internalError(`identification.id: "${v}" is not a variable of P`);
    return makeProb([v], p.vars.slice(0, at));
  }
  const at = p.order.indexOf(v);
  if (at < 0 || p.hidden.has(v)) internalError(`identification.id: "${v}" is not visible in P`);
  const factor = p.factors.get(v) ?? internalError(`identification.id: no factor for "${v}"`);
  const before = p.order.slice(0, at);
  if (before.every((u) => !p.hidden.has(u))) return factor;
  // P(v_π^{(i)}) / P(v_π^{(i-1)}), each marginal being the chain prefix with the variables after
  // it summed out (their factors sum to 1).
  const numerator = jointEstimand({
    kind: "chain",
    order: p.order.slice(0, at + 1),
    hidden: p.hidden,
    factors: p.factors,
  });
  const denominator = jointEstimand(trimmed(before, p.hidden, p.factors));
  return makeRatio(numerator, denominator);
}

/**
 * The chain distribution over `vars` (in π order) whose factors are the conditionals of `p`:
 * line 7 of ID, `P' = Π_{V_i ∈ S'} P(V_i | V_π^{(i-1)} ∩ S', v_π^{(i-1)} \ S')`.
 */
export function restrictToChain(p: IdDist, vars: readonly string[]): ChainDist {
  const factors = new Map<string, Estimand>();
  for (const v of vars) factors.set(v, conditional(p, v));
  return { kind: "chain", order: [...vars], hidden: new Set(), factors };
}
