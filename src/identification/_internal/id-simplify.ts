// Algebraic simplification of estimands. Every rewrite is an identity of probability calculus
// that holds whenever the conditioning events involved have positive probability:
//   - flattening: nested products merge; factors equal to 1 drop; Σ_A Σ_B f = Σ_{A∪B} f (A∩B = ∅);
//   - factoring: Σ_v (f · g) = f · Σ_v g when v is not free in f;
//   - chain rule (telescoping): P(A | B, C) · P(B | C) = P(A, B | C), repeatedly, so a product
//     Π_i P(v_i | v_1..v_{i-1}) over a prefix of an order collapses to P(v_1..v_k);
//   - marginalisation: Σ_v P(v, W | C) = P(W | C) when v occurs in no other factor (and
//     Σ_v P(v | C) = 1);
//   - ratios: common factors of numerator and denominator cancel, and
//     P(A, B | C) / P(B | C) = P(A | B, C).
// A sum over a variable that occurs nowhere in its body is kept: it multiplies the body by the
// variable's number of states, which the estimand alone does not know.
import {
  doOf,
  type Estimand,
  isOne,
  makeProb,
  makeProduct,
  makeRatio,
  makeSum,
  ONE,
  occursFree,
  type ProbTerm,
  sameEstimand,
  unknownKind,
} from "./id-ast.js";

const WHERE = "identification.simplifyEstimand";

const setOf = (xs: readonly string[]): Set<string> => new Set(xs);
const sameSet = (a: readonly string[], b: ReadonlySet<string>): boolean =>
  a.length === b.size && a.every((v) => b.has(v));
const disjoint = (a: readonly string[], b: ReadonlySet<string>): boolean =>
  a.every((v) => !b.has(v));

/** The factors of a (possibly product) estimand, products flattened, units dropped. */
function factorsOf(e: Estimand): Estimand[] {
  if (e.kind === "product") return e.factors.flatMap(factorsOf);
  return isOne(e) ? [] : [e];
}

/**
 * Chain rule: `P(A | G1)` and `P(B | G2)` (same `do`) merge into `P(B, A | G2)` when
 * G1 = B ∪ G2 as sets and A, B, G2 are pairwise disjoint.
 */
function chainMerge(outer: ProbTerm, inner: ProbTerm): ProbTerm | undefined {
  const d1 = doOf(outer);
  if (!sameSet(doOf(inner), setOf(d1))) return undefined;
  const g1 = setOf(outer.given);
  const b = setOf(inner.vars);
  const g2 = setOf(inner.given);
  if (!disjoint(inner.vars, g2)) return undefined;
  if (!disjoint(outer.vars, b) || !disjoint(outer.vars, g2)) return undefined;
  const union = new Set([...b, ...g2]);
  if (!sameSet(outer.given, union) || g1.size !== union.size) return undefined;
  return makeProb([...inner.vars, ...outer.vars], inner.given, d1, WHERE);
}

/** Repeatedly merges pairs of probability factors by the chain rule. */
function telescope(factors: Estimand[]): Estimand[] {
  const out = [...factors];
  let changed = true;
  while (changed) {
    changed = false;
    search: for (let i = 0; i < out.length; i++) {
      const a = out[i] as Estimand;
      if (a.kind !== "prob") continue;
      for (let j = 0; j < out.length; j++) {
        const b = out[j] as Estimand;
        if (i === j || b.kind !== "prob") continue;
        const merged = chainMerge(a, b);
        if (merged) {
          // Keep the merged term where the marginal (inner) factor was.
          out[j] = merged;
          out.splice(i, 1);
          changed = true;
          break search;
        }
      }
    }
  }
  return out;
}

function simplifyProduct(factors: readonly Estimand[]): Estimand {
  const flat = factors.map(pass).flatMap(factorsOf);
  const merged = telescope(flat);
  return merged.length === 0 ? ONE : makeProduct(merged);
}

function simplifySum(overIn: readonly string[], bodyIn: Estimand): Estimand {
  let body = pass(bodyIn);
  let over = [...new Set(overIn)];
  // Σ_A Σ_B f = Σ_{A ∪ B} f for disjoint A, B.
  while (body.kind === "sum" && disjoint(body.over, setOf(over))) {
    over = [...over, ...body.over];
    body = body.body;
  }
  if (over.length === 0) return body;
  let inside = factorsOf(body);
  // Factor out what does not depend on the summed variables.
  const outside: Estimand[] = [];
  inside = inside.filter((f) => {
    const depends = over.some((v) => occursFree(f, v));
    if (!depends) outside.push(f);
    return depends;
  });
  // Nothing depends on the summed variables: Σ_v f = |v| · f; keep the sum as it is.
  if (inside.length === 0) return makeSum(over, outside.length === 0 ? ONE : makeProduct(outside));
  // Marginalise: Σ_v P(v, W | C) = P(W | C) if v occurs free in that factor only.
  const remaining: string[] = [];
  for (const v of over) {
    const holders = inside.filter((f) => occursFree(f, v));
    const only = holders[0];
    if (
      holders.length === 1 &&
      only !== undefined &&
      only.kind === "prob" &&
      only.vars.includes(v) &&
      !only.given.includes(v) &&
      !doOf(only).includes(v)
    ) {
      const reduced = makeProb(
        only.vars.filter((u) => u !== v),
        only.given,
        doOf(only),
        WHERE,
      );
      const at = inside.indexOf(only);
      if (isOne(reduced)) inside.splice(at, 1);
      else inside[at] = reduced;
    } else {
      remaining.push(v);
    }
  }
  const summed =
    remaining.length > 0
      ? makeSum(remaining, inside.length === 0 ? ONE : makeProduct(inside))
      : inside.length === 0
        ? ONE
        : makeProduct(inside);
  if (outside.length === 0) return summed;
  return makeProduct([...outside, ...factorsOf(summed)]);
}

function simplifyRatio(numIn: Estimand, denIn: Estimand): Estimand {
  const num = factorsOf(pass(numIn));
  const den = factorsOf(pass(denIn));
  // Cancel common factors.
  for (let i = 0; i < num.length; i++) {
    const j = den.findIndex((d) => sameEstimand(d, num[i] as Estimand));
    if (j >= 0) {
      num.splice(i, 1);
      den.splice(j, 1);
      i--;
    }
  }
  if (den.length === 0) return num.length === 0 ? ONE : makeProduct(num);
  const n = num[0];
  const d = den[0];
  // P(A, B | C) / P(B | C) = P(A | B, C).
  if (num.length === 1 && den.length === 1 && n?.kind === "prob" && d?.kind === "prob") {
    const nv = setOf(n.vars);
    if (
      sameSet(doOf(n), setOf(doOf(d))) &&
      sameSet(n.given, setOf(d.given)) &&
      d.vars.every((v) => nv.has(v)) &&
      d.vars.length < n.vars.length
    ) {
      const dv = setOf(d.vars);
      return makeProb(
        n.vars.filter((v) => !dv.has(v)),
        [...d.vars, ...n.given],
        doOf(n),
        WHERE,
      );
    }
  }
  return makeRatio(num.length === 0 ? ONE : makeProduct(num), makeProduct(den));
}

/** One bottom-up simplification pass. */
function pass(e: Estimand): Estimand {
  switch (e.kind) {
    case "prob":
      return isOne(e) ? ONE : e;
    case "product":
      return simplifyProduct(e.factors);
    case "sum":
      return simplifySum(e.over, e.body);
    case "ratio":
      return simplifyRatio(e.numerator, e.denominator);
    default:
      return unknownKind(e, WHERE);
  }
}

/** Simplifies to a fixpoint (each pass only shrinks the term, so few passes are needed). */
export function simplify(e: Estimand): Estimand {
  let current = e;
  for (let i = 0; i < 64; i++) {
    const next = pass(current);
    if (sameEstimand(next, current)) return next;
    current = next;
  }
  return current;
}
