// Plain-text and LaTeX rendering of estimands.
import { doOf, type Estimand, freeVars, isOne, type ProbTerm, unknownKind } from "./id-ast.js";

/** Plain-text form of a probability term: `P(Y,W|do(X),Z)`; `1` for the empty term. */
function probText(p: ProbTerm): string {
  const d = doOf(p);
  if (p.vars.length === 0 && d.length === 0) return "1";
  const cond: string[] = [];
  if (d.length > 0) cond.push(`do(${d.join(",")})`);
  if (p.given.length > 0) cond.push(p.given.join(","));
  return cond.length > 0 ? `P(${p.vars.join(",")}|${cond.join(",")})` : `P(${p.vars.join(",")})`;
}

/** A term as an atom of the plain-text grammar (bracketed unless already atomic). */
function atomText(e: Estimand): string {
  if (e.kind === "prob" || isOne(e)) return formatText(e);
  if (e.kind === "sum") return formatText(e);
  return `[${formatText(e)}]`;
}

/**
 * Plain text in the notation of the identification literature's tools: `P(A,B|C)`,
 * `sum_{A,B} [F]`, `F * G`, `[N] / [D]`. A sum binds the one atom that follows it.
 */
export function formatText(e: Estimand): string {
  switch (e.kind) {
    case "prob":
      return probText(e);
    case "sum": {
      const atomic = e.body.kind === "prob" || isOne(e.body);
      const body = atomic ? formatText(e.body) : `[${formatText(e.body)}]`;
      return `sum_{${e.over.join(",")}} ${body}`;
    }
    case "product":
      if (e.factors.length === 0) return "1";
      if (e.factors.length === 1) return formatText(e.factors[0] as Estimand);
      return e.factors.map(atomText).join(" * ");
    case "ratio":
      return `[${formatText(e.numerator)}] / [${formatText(e.denominator)}]`;
    default:
      return unknownKind(e, "identification.formatEstimand");
  }
}

const LATEX_SPECIAL: Readonly<Record<string, string>> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  $: "\\$",
  "&": "\\&",
  "#": "\\#",
  "^": "\\textasciicircum{}",
  _: "\\_",
  "%": "\\%",
  "~": "\\textasciitilde{}",
};

/**
 * The LaTeX symbol of a variable's value, in Pearl's lower-case convention: `X` → `x`,
 * `Z1` / `Z_1` → `z_{1}`, `X_ab` → `x_{ab}`; any other name is set upright as given, escaped
 * (`\text{my var}`).
 */
export function latexName(name: string): string {
  const single = /^([A-Za-z])(?:_?([0-9]+)|_([A-Za-z0-9]+))?$/.exec(name);
  if (single) {
    const letter = (single[1] as string).toLowerCase();
    const sub = single[2] ?? single[3];
    return sub === undefined ? letter : `${letter}_{${sub}}`;
  }
  return upright(name);
}

/** Rendering scope: the LaTeX symbol of every variable name currently in scope. */
type Scope = ReadonlyMap<string, string>;

/**
 * The base symbol of every variable of an estimand: {@link latexName}, except that names whose
 * symbols would coincide (`Z` and `z`, `X_1` and `x1`) are all set upright as written, so that
 * distinct variables never print alike.
 */
function baseSymbols(e: Estimand): Map<string, string> {
  const names = new Set<string>();
  const visit = (x: Estimand): void => {
    switch (x.kind) {
      case "prob":
        for (const v of [...x.vars, ...x.given, ...doOf(x)]) names.add(v);
        return;
      case "sum":
        for (const v of x.over) names.add(v);
        visit(x.body);
        return;
      case "product":
        for (const f of x.factors) visit(f);
        return;
      case "ratio":
        visit(x.numerator);
        visit(x.denominator);
        return;
    }
  };
  visit(e);
  const bySymbol = new Map<string, string[]>();
  for (const v of names) {
    const sym = latexName(v);
    bySymbol.set(sym, [...(bySymbol.get(sym) ?? []), v]);
  }
  const base = new Map<string, string>();
  for (const [sym, vs] of bySymbol) {
    for (const v of vs) base.set(v, vs.length === 1 ? sym : upright(v));
  }
  return base;
}

function upright(name: string): string {
  let escaped = "";
  for (const ch of name) escaped += LATEX_SPECIAL[ch] ?? ch;
  return `\\text{${escaped}}`;
}

/** Base symbols of the variables of the estimand being rendered. */
type Base = ReadonlyMap<string, string>;

function baseOf(base: Base, v: string): string {
  return base.get(v) ?? latexName(v);
}

function symbol(scope: Scope, base: Base, v: string): string {
  return scope.get(v) ?? baseOf(base, v);
}

function probLatex(p: ProbTerm, scope: Scope, base: Base): string {
  const d = doOf(p);
  if (p.vars.length === 0 && d.length === 0) return "1";
  const list = (vs: readonly string[]): string => vs.map((v) => symbol(scope, base, v)).join(", ");
  const cond: string[] = [];
  if (d.length > 0) cond.push(`\\mathrm{do}(${list(d)})`);
  if (p.given.length > 0) cond.push(list(p.given));
  return cond.length > 0 ? `P(${list(p.vars)} \\mid ${cond.join(", ")})` : `P(${list(p.vars)})`;
}

function latex(e: Estimand, scope: Scope, base: Base): string {
  switch (e.kind) {
    case "prob":
      return probLatex(e, scope, base);
    case "sum": {
      const inner = new Map(scope);
      const names: string[] = [];
      for (const v of e.over) {
        // A variable already in scope (free in the whole estimand, or bound by an enclosing sum)
        // gets one more prime: Pearl's x′ for a summation variable shadowing the query's x.
        const prev = scope.get(v);
        const sym = prev === undefined ? baseOf(base, v) : `${prev}'`;
        inner.set(v, sym);
        names.push(sym);
      }
      return `\\sum_{${names.join(", ")}} ${latex(e.body, inner, base)}`;
    }
    case "product": {
      if (e.factors.length === 0) return "1";
      const parts = e.factors.map((f, i) => {
        const s = latex(f, scope, base);
        // A sum extends to the end of the product: parenthesise it unless it is last.
        const last = i === e.factors.length - 1;
        return f.kind === "product" || (f.kind === "sum" && !last) ? `\\left(${s}\\right)` : s;
      });
      return parts.join(" ");
    }
    case "ratio":
      return `\\frac{${latex(e.numerator, scope, base)}}{${latex(e.denominator, scope, base)}}`;
    default:
      return unknownKind(e, "identification.formatEstimandLatex");
  }
}

/** LaTeX rendering; the free variables of `e` keep their plain symbols. */
export function formatLatex(e: Estimand): string {
  const base = baseSymbols(e);
  const scope = new Map<string, string>();
  for (const v of freeVars(e)) scope.set(v, baseOf(base, v));
  return latex(e, scope, base);
}
