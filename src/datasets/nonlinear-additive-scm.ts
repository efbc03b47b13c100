import { InvalidArgumentError } from "../errors.js";
import type { ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { deriveRng, type Rng, type Seed } from "../sampling/rng.js";
import { compileExpression } from "../scm/expression.js";
import { normal } from "../scm/noise.js";
import { createScm } from "../scm/scm.js";
import type { ExogenousVariable, VariableSpec } from "../scm/types.js";
import { checkGraph, expandBidirected } from "./_internal/expand.js";
import { freshName } from "./_internal/names.js";
import { randomInt, randomSign, randomSubset, randomUniform } from "./_internal/random.js";
import { checkChoice, checkOptions, checkRangeOption, checkSeed } from "./_internal/validate.js";
import type { GeneratedScm } from "./generated-scm.js";

/**
 * Term kinds of {@link nonlinearAdditiveScm}: unary terms `c·P` (`linear`), `c·tanh(P)`,
 * `c·sin(P)`, `c·P^2` (`square`), and `product`, one pairwise interaction `c·P·Q`.
 *
 * @since 0.1.0
 */
export type NonlinearTermName = "linear" | "tanh" | "sin" | "square" | "product";

const ALL_TERMS: readonly NonlinearTermName[] = ["linear", "tanh", "sin", "square", "product"];

/**
 * Options of {@link nonlinearAdditiveScm}.
 *
 * @since 0.1.0
 */
export interface NonlinearAdditiveScmOptions {
  /**
   * The term kinds to draw from.
   *
   * @defaultValue ["tanh", "sin", "square", "product"]
   */
  readonly functions?: readonly NonlinearTermName[];
  /** Range of the coefficients' absolute values (signs random). @defaultValue [0.5, 2] */
  readonly coefficientRange?: readonly [number, number];
  /** Range of the noise standard deviations, 0 < min ≤ max. @defaultValue [0.5, 1] */
  readonly noiseSd?: readonly [number, number];
  /** Seed of every random choice. @defaultValue 0 */
  readonly seed?: Seed;
}

/**
 * A random nonlinear additive-noise model (Hoyer et al. 2009) on a graph: every node V gets
 * `V = f_V(pa(V)) + U_V`, `U_V ~ N(0, σ_V²)`, as an `expression` mechanism. `f_V` is a sum of
 * one unary term `c·g(P)` per parent P, g drawn uniformly among the allowed unary kinds
 * (`linear`, `tanh`, `sin`, `square`), plus — when `product` is allowed and V has at least two
 * parents — one interaction `c·P·Q` of a uniformly drawn pair; every |c| is uniform in
 * `coefficientRange` with a random sign. Roots are `V = U_V`. Each bidirected edge a ↔ b
 * becomes an explicit latent root `L_<a>_<b>` (listed in `latent`) entering a and b like a
 * parent. Note that `square` terms compound along long directed paths, so values can grow fast
 * in deep graphs.
 *
 * Variable names: expression mechanisms refer to variables by name, so every node name must be
 * a plain mathjs symbol: ASCII letters, digits, `_` and `$`, not starting with a digit, and not
 * one of the mathjs words `and`, `or`, `not`, `xor`, `mod`, `to`, `in`, `end`. Other names
 * (e.g. `"my var"`) are rejected rather than silently renamed; rename the graph's nodes first.
 * Names such as `X_1`, `E`, `e`, `pi` or `i` work (model variables shadow mathjs constants).
 *
 * Determinism: same graph, options and seed ⇒ the same model (stream
 * `"datasets.nonlinearAdditiveScm:<name>"` per variable).
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param options - term kinds, coefficient range, noise scale, seed
 * @returns the model and its latent variables
 * @throws {@link InvalidArgumentError} if `graph` is not a CausalGraph, a node name is not a
 *   plain symbol (the error names it), `functions` is empty or unknown, or a range is bad; or
 *   if only `product` is allowed and some variable has exactly one parent
 * @see Hoyer, Janzing, Mooij, Peters & Schölkopf (2009), "Nonlinear causal discovery with
 *   additive noise models", NeurIPS 21.
 * @remarks O(n + m) time, plus loading mathjs (about 2 s) on first use.
 * @example
 * ```ts
 * const { model } = nonlinearAdditiveScm(templateGraph("diamond"), { seed: 4 });
 * model.variable("Y").mechanism; // e.g. { type: "expression", expression: "1.3*tanh(M1) - 0.8*M2^2 + U_Y" }
 * ```
 * @since 0.1.0
 */
export function nonlinearAdditiveScm(
  graph: ReadonlyCausalGraph,
  options?: NonlinearAdditiveScmOptions,
): GeneratedScm {
  const where = "datasets.nonlinearAdditiveScm";
  const g = checkGraph(where, graph);
  const o = checkOptions(where, options);
  const seed = checkSeed(where, o.seed);
  const list = o.functions ?? ["tanh", "sin", "square", "product"];
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidArgumentError(
      `${where}: functions must be a non-empty array of term kinds`,
      "functions",
    );
  }
  const allowed = new Set(list.map((f, i) => checkChoice(where, `functions[${i}]`, f, ALL_TERMS)));
  const unary = (["linear", "tanh", "sin", "square"] as const).filter((f) => allowed.has(f));
  const [cLo, cHi] = checkRangeOption(where, "coefficientRange", o.coefficientRange ?? [0.5, 2], 0);
  const [sLo, sHi] = checkRangeOption(where, "noiseSd", o.noiseSd ?? [0.5, 1], Number.MIN_VALUE);
  for (const v of g.nodes()) {
    if (!isPlainSymbol(v)) {
      throw new InvalidArgumentError(
        `${where}: node name "${v}" cannot be used in an expression mechanism (use names such as X, X_1, smoking)`,
        v,
      );
    }
  }
  const expanded = expandBidirected(g);
  const taken = new Set(expanded.taken);
  const exogenous: ExogenousVariable[] = [];
  const variables: VariableSpec[] = [];
  for (const v of expanded.variables) {
    const rng = deriveRng(seed, `datasets.nonlinearAdditiveScm:${v.name}`);
    const coefficient = (): number => randomSign(rng) * randomUniform(rng, cLo, cHi);
    const terms: string[] = [];
    if (v.parents.length === 1 && unary.length === 0) {
      throw new InvalidArgumentError(
        `${where}: variable ${v.name} has one parent but only "product" terms are allowed`,
        "functions",
      );
    }
    if (unary.length > 0) {
      for (const p of v.parents) {
        const kind = unary[randomInt(rng, unary.length)] as (typeof unary)[number];
        terms.push(term(coefficient(), unaryText(kind, p)));
      }
    }
    if (allowed.has("product") && v.parents.length >= 2) {
      terms.push(productTerm(rng, v.parents, coefficient()));
    }
    const sd = randomUniform(rng, sLo, sHi);
    let noise = freshName(`U_${v.name}`, taken);
    if (!isPlainSymbol(noise)) noise = freshName("U", taken);
    exogenous.push({ name: noise, distribution: normal(0, sd) });
    terms.push(`+ ${noise}`);
    const expression = terms.join(" ").replace(/^\+ /, "").replace(/^- /, "-");
    variables.push({
      name: v.name,
      domain: { type: "continuous" },
      mechanism: { type: "expression", expression },
    });
  }
  return { model: createScm({ variables, exogenous }), latent: expanded.latent };
}

/** `+ c*body` or `- |c|*body`, with c in round-trip precision. */
function term(c: number, body: string): string {
  return `${c < 0 ? "-" : "+"} ${String(Math.abs(c))}*${body}`;
}

function unaryText(kind: "linear" | "tanh" | "sin" | "square", p: string): string {
  switch (kind) {
    case "linear":
      return p;
    case "tanh":
      return `tanh(${p})`;
    case "sin":
      return `sin(${p})`;
    case "square":
      return `${p}^2`;
  }
}

function productTerm(rng: Rng, parents: readonly string[], c: number): string {
  const [i, j] = randomSubset(rng, parents.length, 2) as [number, number];
  return term(c, `${parents[i] as string}*${parents[j] as string}`);
}

/** mathjs operator words and reserved symbols that cannot name a variable in an expression. */
const RESERVED = new Set(["and", "or", "not", "xor", "mod", "to", "in", "end"]);

/**
 * Whether a name can stand for a variable wherever the generated expressions put one: it is
 * an identifier, not a reserved word, and the expression below parses with it as its only
 * symbol and evaluates as if it were the variable (so no mathjs constant shadows it).
 */
function isPlainSymbol(name: string): boolean {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) || RESERVED.has(name)) return false;
  const probe = `${name} + 0.5*${name} - tanh(${name}) + sin(${name}) + ${name}^2 - ${name}*${name}`;
  try {
    const compiled = compileExpression(probe, name, new Set([name]));
    if (compiled.symbols.length !== 1 || compiled.symbols[0] !== name) return false;
    const x = 0.75;
    const want = x + 0.5 * x - Math.tanh(x) + Math.sin(x) + x ** 2 - x * x;
    return Math.abs(compiled.evaluate({ [name]: x }) - want) < 1e-12;
  } catch {
    return false;
  }
}
