// The estimand AST: types, constructors, free variables and structural equality. A leaf module
// (imports nothing from the identification module) so that the simplifier, the evaluator and the
// formatters can share it without import cycles; `estimand.ts` re-exports the public parts.
import { InvalidArgumentError } from "../../errors.js";

/**
 * A probability term `P(vars | do(do), given)`: the (conditional, possibly interventional)
 * probability that the variables `vars` take their values, given that the variables `given`
 * take theirs, in the regime where the variables `do` are set by intervention. With `given`
 * empty it is a marginal `P(vars)`; with `do` absent or empty it is observational.
 *
 * Values are not part of the term: a variable stands for "its current value", which comes from
 * the assignment passed to {@link evaluateEstimand} (free variables) or from an enclosing
 * {@link SumTerm} (bound variables). A term with empty `vars` and empty `do` equals 1.
 *
 * @since 0.1.0
 */
export interface ProbTerm {
  /** Discriminant. */
  readonly kind: "prob";
  /** The variables whose joint probability is taken (order is presentation only). */
  readonly vars: readonly string[];
  /** The conditioning variables (order is presentation only). */
  readonly given: readonly string[];
  /**
   * The intervened variables (`P(y | do(x))`); such a term cannot be evaluated from an
   * observational distribution. @defaultValue absent (observational)
   */
  readonly do?: readonly string[];
}

/**
 * A sum `Σ_{over} body` over every combination of values of the variables `over`. The summed
 * variables are bound inside `body`: they shadow values of the same names given from outside
 * (Pearl's `x′`). Summing over a variable that does not occur in `body` multiplies `body` by
 * the number of its values.
 *
 * @since 0.1.0
 */
export interface SumTerm {
  /** Discriminant. */
  readonly kind: "sum";
  /** The summed (bound) variables. */
  readonly over: readonly string[];
  /** The summand. */
  readonly body: Estimand;
}

/**
 * A product of factors. The empty product equals 1.
 *
 * @since 0.1.0
 */
export interface ProductTerm {
  /** Discriminant. */
  readonly kind: "product";
  /** The factors. */
  readonly factors: readonly Estimand[];
}

/**
 * A quotient `numerator / denominator`.
 *
 * @since 0.1.0
 */
export interface RatioTerm {
  /** Discriminant. */
  readonly kind: "ratio";
  /** The numerator. */
  readonly numerator: Estimand;
  /** The denominator. */
  readonly denominator: Estimand;
}

/**
 * An estimand: a symbolic expression over (conditional) probabilities of observed variables,
 * built from probability terms, sums, products and ratios, as returned by the identification
 * algorithms (e.g. the front-door formula `Σ_m P(m | x) Σ_{x′} P(y | x′, m) P(x′)`).
 *
 * A discriminated union on `kind`: {@link ProbTerm} (`"prob"`), {@link SumTerm} (`"sum"`),
 * {@link ProductTerm} (`"product"`), {@link RatioTerm} (`"ratio"`). Plain immutable data: it
 * can be serialised with `JSON.stringify` and built by hand.
 *
 * @since 0.1.0
 */
export type Estimand = ProbTerm | SumTerm | ProductTerm | RatioTerm;

/** The constant 1 (the empty product). */
export const ONE: ProductTerm = Object.freeze({ kind: "product", factors: Object.freeze([]) });

function freezeList(list: Iterable<string>, what: string, where: string): readonly string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of list) {
    if (typeof v !== "string") {
      throw new InvalidArgumentError(`${where}: ${what} must be strings, got ${typeof v}`, what);
    }
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return Object.freeze(out);
}

/** Builds a probability term (validated; see the public `probTerm`). */
export function makeProb(
  vars: Iterable<string>,
  given: Iterable<string> = [],
  doVars: Iterable<string> = [],
  where = "identification.probTerm",
): ProbTerm {
  const v = freezeList(vars, "vars", where);
  const g = freezeList(given, "given", where);
  const d = freezeList(doVars, "do", where);
  const check = (a: readonly string[], an: string, b: readonly string[], bn: string): void => {
    const set = new Set(b);
    for (const x of a) {
      if (set.has(x)) {
        throw new InvalidArgumentError(`${where}: variable "${x}" is in both ${an} and ${bn}`, x);
      }
    }
  };
  check(v, "vars", g, "given");
  check(v, "vars", d, "do");
  check(g, "given", d, "do");
  return d.length > 0
    ? Object.freeze({ kind: "prob", vars: v, given: g, do: d })
    : Object.freeze({ kind: "prob", vars: v, given: g });
}

/** Builds `Σ_over body` (no validation beyond string names; an empty `over` gives `body`). */
export function makeSum(over: Iterable<string>, body: Estimand): Estimand {
  const o = freezeList(over, "over", "identification.sumTerm");
  if (o.length === 0) return body;
  return Object.freeze({ kind: "sum", over: o, body });
}

/** Builds a product (a single factor is returned as is; nested products are kept). */
export function makeProduct(factors: Iterable<Estimand>): Estimand {
  const f = Object.freeze([...factors]);
  if (f.length === 1) return f[0] as Estimand;
  return Object.freeze({ kind: "product", factors: f });
}

/** Builds `numerator / denominator` (a denominator equal to 1 gives the numerator). */
export function makeRatio(numerator: Estimand, denominator: Estimand): Estimand {
  if (isOne(denominator)) return numerator;
  return Object.freeze({ kind: "ratio", numerator, denominator });
}

/** Whether an estimand is syntactically the constant 1 (empty product or `P()`). */
export function isOne(e: Estimand): boolean {
  if (e.kind === "product") return e.factors.every(isOne);
  if (e.kind === "prob") return e.vars.length === 0 && (e.do?.length ?? 0) === 0;
  return false;
}

/** The `do` list of a probability term (empty when absent). */
export function doOf(p: ProbTerm): readonly string[] {
  return p.do ?? [];
}

/**
 * Adds the free variables of `e` to `out`, in order of first occurrence (depth first). `bound`
 * holds the variables bound by enclosing sums.
 */
function collectFree(e: Estimand, bound: ReadonlySet<string>, out: Set<string>): void {
  switch (e.kind) {
    case "prob":
      for (const list of [e.vars, e.given, doOf(e)]) {
        for (const v of list) if (!bound.has(v)) out.add(v);
      }
      return;
    case "sum": {
      const inner = new Set(bound);
      for (const v of e.over) inner.add(v);
      collectFree(e.body, inner, out);
      return;
    }
    case "product":
      for (const f of e.factors) collectFree(f, bound, out);
      return;
    case "ratio":
      collectFree(e.numerator, bound, out);
      collectFree(e.denominator, bound, out);
      return;
    default:
      unknownKind(e, "identification.freeVariables");
  }
}

/** The free variables of an estimand, in order of first occurrence. */
export function freeVars(e: Estimand): string[] {
  const out = new Set<string>();
  collectFree(e, new Set(), out);
  return [...out];
}

/** Whether `v` occurs free in `e`. */
export function occursFree(e: Estimand, v: string): boolean {
  switch (e.kind) {
    case "prob":
      return e.vars.includes(v) || e.given.includes(v) || doOf(e).includes(v);
    case "sum":
      return !e.over.includes(v) && occursFree(e.body, v);
    case "product":
      return e.factors.some((f) => occursFree(f, v));
    case "ratio":
      return occursFree(e.numerator, v) || occursFree(e.denominator, v);
    default:
      return unknownKind(e, "identification.freeVariables");
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((v) => s.has(v));
};

/**
 * Structural equality: probability terms compare their variable lists as sets; sums compare
 * their summed variables as sets; products and ratios compare factor by factor, in order.
 */
export function sameEstimand(a: Estimand, b: Estimand): boolean {
  if (a === b) return true;
  switch (a.kind) {
    case "prob":
      return (
        b.kind === "prob" &&
        sameSet(a.vars, b.vars) &&
        sameSet(a.given, b.given) &&
        sameSet(doOf(a), doOf(b))
      );
    case "sum":
      return b.kind === "sum" && sameSet(a.over, b.over) && sameEstimand(a.body, b.body);
    case "product":
      return (
        b.kind === "product" &&
        a.factors.length === b.factors.length &&
        a.factors.every((f, i) => sameEstimand(f, b.factors[i] as Estimand))
      );
    case "ratio":
      return (
        b.kind === "ratio" &&
        sameEstimand(a.numerator, b.numerator) &&
        sameEstimand(a.denominator, b.denominator)
      );
    default:
      return unknownKind(a, "identification.sameEstimand");
  }
}

/** Throws for a node whose `kind` is none of the four (hand-built, malformed input). */
export function unknownKind(e: never, where: string): never {
  const kind = String((e as { kind?: unknown } | null)?.kind);
  throw new InvalidArgumentError(`${where}: not an estimand node (kind "${kind}")`, "estimand");
}
