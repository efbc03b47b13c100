import {
  type Estimand,
  freeVars,
  makeProb,
  makeProduct,
  makeRatio,
  makeSum,
  type ProbTerm,
  sameEstimand,
} from "./_internal/id-ast.js";
import { frequencies, jointTable } from "./_internal/id-distributions.js";
import { type Distribution, evaluateWith } from "./_internal/id-evaluate.js";
import { formatLatex, formatText } from "./_internal/id-format.js";
import { simplify } from "./_internal/id-simplify.js";

/** Re-exported types (documented where they are defined). */
export type {
  Estimand,
  ProbTerm,
  ProductTerm,
  RatioTerm,
  SumTerm,
} from "./_internal/id-ast.js";
/** Re-exported types (documented where they are defined). */
export type { Distribution } from "./_internal/id-evaluate.js";

/**
 * Builds a probability term `P(vars | do(doVars), given)`. Duplicates within a list are dropped.
 * `do(·)` is Pearl's intervention operator: `P(y | do(x))` is the distribution of Y when X is set
 * to x by intervention, not observed to be x.
 *
 * @param vars - the variables whose joint probability is taken
 * @param given - the conditioning variables
 * @param doVars - the intervened variables (an interventional term; it cannot be evaluated from
 *   observational data)
 * @returns a frozen {@link ProbTerm}
 * @throws {@link InvalidArgumentError} if a variable is in two of the lists, or an entry is not a
 *   string
 * @see Pearl (2009), *Causality*, 2nd ed., §3.2.1 (Definition 3.2.1, the `do` notation).
 * @example
 * ```ts
 * formatEstimand(probTerm(["Y"], ["X", "Z"])); // "P(Y|X,Z)"
 * ```
 * @since 0.1.0
 */
export function probTerm(
  vars: Iterable<string>,
  given: Iterable<string> = [],
  doVars: Iterable<string> = [],
): ProbTerm {
  return makeProb(vars, given, doVars);
}

/**
 * Builds the sum `Σ_{over} body` over all values of the variables `over` (bound in `body`).
 *
 * @param over - the summed variables; empty gives `body` itself (duplicates are dropped)
 * @param body - the summand
 * @returns the sum (frozen)
 * @throws {@link InvalidArgumentError} if an entry of `over` is not a string
 * @example
 * ```ts
 * formatEstimand(sumTerm(["Z"], productTerm([probTerm(["Y"], ["X", "Z"]), probTerm(["Z"])])));
 * // "sum_{Z} [P(Y|X,Z) * P(Z)]"
 * ```
 * @since 0.1.0
 */
export function sumTerm(over: Iterable<string>, body: Estimand): Estimand {
  return makeSum(over, body);
}

/**
 * Builds the product of `factors` (one factor is returned as is; no factor gives 1).
 *
 * @param factors - the factors
 * @returns the product (frozen); nested products are kept as given (see
 *   {@link simplifyEstimand} to flatten them)
 * @example
 * ```ts
 * formatEstimand(productTerm([probTerm(["Y"], ["X", "Z"]), probTerm(["Z"])])); // "P(Y|X,Z) * P(Z)"
 * ```
 * @since 0.1.0
 */
export function productTerm(factors: Iterable<Estimand>): Estimand {
  return makeProduct(factors);
}

/**
 * Builds the quotient `numerator / denominator`.
 *
 * @param numerator - the numerator
 * @param denominator - the denominator
 * @returns the ratio (the numerator itself when the denominator is the constant 1)
 * @example
 * ```ts
 * formatEstimand(ratioTerm(probTerm(["Y", "X"]), probTerm(["X"]))); // "[P(Y,X)] / [P(X)]"
 * ```
 * @since 0.1.0
 */
export function ratioTerm(numerator: Estimand, denominator: Estimand): Estimand {
  return makeRatio(numerator, denominator);
}

/**
 * The free variables of an estimand: those not bound by an enclosing sum. They are the
 * variables whose values {@link evaluateEstimand} needs in its assignment.
 *
 * @param estimand - the estimand
 * @returns the free variables, in order of first occurrence
 * @throws {@link InvalidArgumentError} for a malformed (hand-built) node
 * @example
 * ```ts
 * freeVariables(sumTerm(["Z"], productTerm([probTerm(["Y"], ["X", "Z"]), probTerm(["Z"])])));
 * // ["Y", "X"]
 * ```
 * @since 0.1.0
 */
export function freeVariables(estimand: Estimand): string[] {
  return freeVars(estimand);
}

/**
 * Structural equality of two estimands: probability terms compare their variable lists as
 * sets (`P(A,B|C)` equals `P(B,A|C)`), sums their summed variables as sets; products and ratios
 * compare their parts in order. Estimands that are equal as functions but differ in form (e.g.
 * two valid adjustment formulas) are not structurally equal: compare those numerically with
 * {@link evaluateEstimand}.
 *
 * @param a - an estimand
 * @param b - another estimand
 * @returns true if they are structurally equal
 * @throws {@link InvalidArgumentError} (argument `"estimand"`) if `a`, or a node of `a` reached
 *   while comparing, is malformed (a hand-built node whose `kind` is none of the four); a
 *   malformed `b` just compares unequal
 * @example
 * ```ts
 * estimandEquals(probTerm(["A", "B"], ["C"]), probTerm(["B", "A"], ["C"])); // true
 * estimandEquals(probTerm(["Y"], ["X"]), probTerm(["Y"])); // false
 * ```
 * @since 0.1.0
 */
export function estimandEquals(a: Estimand, b: Estimand): boolean {
  return sameEstimand(a, b);
}

/**
 * Plain-text rendering, in the notation of the identification literature's software:
 * `P(Y|X,Z)` for a conditional probability, `P(Y|do(X),Z)` for an interventional one,
 * `sum_{Z,W} [F]` for a sum (the bracket is omitted when the summand is a single probability;
 * a sum binds exactly the one term that follows it), `F * G` for a product, `[N] / [D]` for a
 * ratio and `1` for the empty product. Variable names are printed verbatim.
 *
 * @param estimand - the estimand
 * @returns one line of text
 * @throws {@link InvalidArgumentError} for a malformed (hand-built) node
 * @example
 * ```ts
 * formatEstimand(sumTerm(["Z"], productTerm([probTerm(["Y"], ["X", "Z"]), probTerm(["Z"])])));
 * // "sum_{Z} [P(Y|X,Z) * P(Z)]"
 * ```
 * @since 0.1.0
 */
export function formatEstimand(estimand: Estimand): string {
  return formatText(estimand);
}

/**
 * LaTeX rendering in Pearl's notation: variables are written as lower-case values (`X` → `x`,
 * `Z1` or `Z_1` → `z_{1}`; other names upright, escaped, as `\text{name}`), conditioning with
 * `\mid`, interventions as `\mathrm{do}(x)`, sums as `\sum_{z}`, products by juxtaposition
 * (a sum that is not the last factor is parenthesised) and ratios as `\frac{}{}`. A summation
 * variable that shadows a variable already in scope gets a prime (Pearl's `x'`), so
 * `Σ_X P(Y|X,M) P(X)` with `X` free elsewhere renders `\sum_{x'} P(y \mid x', m) P(x')`.
 * Distinct names can render alike (`X` and `x` both as `x`); use {@link formatEstimand} when
 * the text must identify variables unambiguously.
 *
 * @param estimand - the estimand
 * @returns a LaTeX math-mode string (without delimiters)
 * @throws {@link InvalidArgumentError} for a malformed (hand-built) node
 * @see Pearl (2009), *Causality*, 2nd ed., §3.2–3.3 (the notation: lower-case values, `do(x)`,
 *   primed summation variables as in the front-door formula of Theorem 3.3.4).
 * @example
 * ```ts
 * formatEstimandLatex(sumTerm(["Z"], productTerm([probTerm(["Y"], ["X", "Z"]), probTerm(["Z"])])));
 * // "\\sum_{z} P(y \\mid x, z) P(z)"
 * ```
 * @since 0.1.0
 */
export function formatEstimandLatex(estimand: Estimand): string {
  return formatLatex(estimand);
}

/**
 * Simplifies an estimand with identities of probability calculus, to a fixpoint:
 * - nested products are flattened and factors equal to 1 dropped; directly nested sums over
 *   disjoint variables merge;
 * - factors that do not depend on a sum's variables move out of the sum;
 * - chain rule (telescoping): `P(A | B, C) · P(B | C) = P(A, B | C)`, repeatedly, so that
 *   `Π_i P(v_i | v_1..v_{i-1})` over a prefix of an order collapses to `P(v_1..v_k)`;
 * - marginalisation: `Σ_v P(v, W | C) = P(W | C)` when v occurs in no other factor of the
 *   summand (in particular `Σ_v P(v | C) = 1`);
 * - ratios: common factors of numerator and denominator cancel, and
 *   `P(A, B | C) / P(B | C) = P(A | B, C)`.
 *
 * A sum over a variable that occurs nowhere in its summand is kept, because it multiplies the
 * summand by the variable's number of states.
 *
 * Semantics: the result takes the same value as the input on every distribution and assignment
 * for which the input is defined (see {@link evaluateEstimand}). Under positivity violations
 * the result may be defined where the input is not (e.g. after cancelling a factor that is 0).
 *
 * @param estimand - the estimand (not modified)
 * @returns an equivalent, usually smaller, estimand
 * @throws {@link InvalidArgumentError} for a malformed (hand-built) node
 * @remarks Each pass is polynomial in the size of the term (quadratic in the number of factors
 *   of a product, for the chain rule); the number of passes is bounded by the size of the term.
 * @see Tikka & Karvanen (2017), "Simplifying probabilistic expressions in causal inference",
 *   JMLR 18(36), for the same task (their procedure also uses the graph's independences; this
 *   one uses only identities of probability calculus, valid for every distribution).
 * @example
 * ```ts
 * const e = sumTerm(["Z"], productTerm([probTerm(["Y"], ["X", "Z"]), probTerm(["Z"], ["X"])]));
 * formatEstimand(simplifyEstimand(e)); // "P(Y|X)"
 * ```
 * @since 0.1.0
 */
export function simplifyEstimand(estimand: Estimand): Estimand {
  return simplify(estimand);
}

/**
 * Evaluates an estimand numerically on a discrete distribution.
 *
 * - `P(A | B)` is `P(A, B) / P(B)`, both marginals read from `distribution`.
 * - A sum ranges over every combination of states of its variables; the summed variables
 *   shadow the assignment (and enclosing sums) inside the summand (Pearl's `x′`).
 * - Free variables take their states from `assignment` (state indices `0..k-1`).
 * - Undefined terms: a conditional whose conditioning event has probability 0, or a ratio with
 *   a zero denominator, is undefined, and the evaluation throws {@link InvalidArgumentError}
 *   naming the term and the states at which it is undefined. Such 0/0 cases arise exactly
 *   under positivity violations (some combination of observed values never occurs, e.g. an
 *   empty stratum in sample frequencies). The one exception is a product with a factor equal
 *   to 0, which is 0 even if another factor is undefined: a stratum of probability 0
 *   contributes nothing (so `Σ_z P(y | x, z) P(z)` skips values z with `P(z) = 0`).
 *
 * @param estimand - the estimand; interventional terms (`do`) are not allowed
 * @param distribution - the distribution (exact or estimated) of the observed variables
 * @param assignment - a state for every free variable (extra entries are ignored if they are
 *   variables of the distribution)
 * @returns the value (a probability when the estimand is one)
 * @throws {@link UnknownNodeError} if the estimand or the assignment names a variable that the
 *   distribution does not have
 * @throws {@link InvalidArgumentError} if a free variable has no state, a state is out of
 *   range, the estimand contains a `do` term, or a term is undefined (see above)
 * @remarks Time: the number of terms times the number of value combinations of the enclosing
 *   sums, times the cost of a `probability` call.
 * @see Pearl (2009), *Causality*, 2nd ed., §3.3 (the adjustment and front-door formulas this
 *   evaluates); Hernán & Robins (2020), *Causal Inference: What If*, Chapter 13 (the plug-in,
 *   nonparametric standardization estimator, obtained with {@link frequencyDistribution}).
 * @example
 * ```ts
 * const d = jointTableDistribution(["X", "Y"], [2, 2], new Float64Array([0.1, 0.2, 0.3, 0.4]));
 * evaluateEstimand(probTerm(["Y"], ["X"]), d, new Map([["X", 1], ["Y", 1]])); // 0.4 / 0.7
 * ```
 * @since 0.1.0
 */
export function evaluateEstimand(
  estimand: Estimand,
  distribution: Distribution,
  assignment: ReadonlyMap<string, number> = new Map(),
): number {
  return evaluateWith(estimand, distribution, assignment);
}

/**
 * A {@link Distribution} backed by an exact joint probability table over `variables`.
 * Marginal tables are computed on first use and cached (the input array is copied).
 *
 * @param variables - the variable names (distinct)
 * @param cardinalities - the number of states of each variable, in the same order
 * @param probabilities - the joint table, row-major with the **last variable fastest**:
 *   the cell of states `(s_0, ..., s_{k-1})` is at `Σ_i s_i · Π_{j>i} cardinalities[j]`;
 *   non-negative, summing to 1 (within 1e-6)
 * @returns the distribution
 * @throws {@link DimensionError} if the lengths do not match
 * @throws {@link InvalidArgumentError} for a duplicate variable, a cardinality that is not a
 *   positive integer, a negative or non-finite probability, or a total other than 1
 * @remarks A marginal over k variables costs one pass over the joint table the first time it is
 *   asked for; later queries are O(k).
 * @example
 * ```ts
 * const d = jointTableDistribution(["X", "Y"], [2, 2], new Float64Array([0.1, 0.2, 0.3, 0.4]));
 * d.probability(new Map([["Y", 1]])); // 0.6
 * ```
 * @since 0.1.0
 */
export function jointTableDistribution(
  variables: readonly string[],
  cardinalities: ArrayLike<number>,
  probabilities: ArrayLike<number>,
): Distribution {
  return jointTable(variables, cardinalities, probabilities);
}

/**
 * A {@link Distribution} given by the empirical frequencies of `n` sampled rows (the plug-in
 * estimate): `P(V = v)` is the fraction of rows with `V = v`. Evaluating an estimand on it gives
 * the plug-in estimator of the identified effect; empty strata make conditionals undefined (see
 * {@link evaluateEstimand}).
 *
 * @param variables - the variable names (distinct)
 * @param cardinalities - the number of states of each variable
 * @param columns - one column of state indices per variable, at least `n` rows each (only the
 *   first `n` are used; they are copied)
 * @param n - the number of rows, a positive integer
 * @returns the distribution
 * @throws {@link DimensionError} if the number of columns differs from the number of variables
 *   or a column is shorter than `n`
 * @throws {@link InvalidArgumentError} for a duplicate variable, a bad cardinality, `n` not a
 *   positive integer, or a value that is not a state of its variable (naming the row)
 * @remarks A marginal over k variables costs O(n · k) the first time it is asked for.
 * @see Hernán & Robins (2020), *Causal Inference: What If*, Chapter 13 (nonparametric
 *   standardization: the plug-in estimator).
 * @example
 * ```ts
 * const d = frequencyDistribution(["X", "Y"], [2, 2], [[0, 1, 1, 1], [0, 0, 1, 1]], 4);
 * d.probability(new Map([["X", 1]])); // 0.75
 * ```
 * @since 0.1.0
 */
export function frequencyDistribution(
  variables: readonly string[],
  cardinalities: ArrayLike<number>,
  columns: readonly ArrayLike<number>[],
  n: number,
): Distribution {
  return frequencies(variables, cardinalities, columns, n);
}
