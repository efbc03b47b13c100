import { InvalidArgumentError } from "../errors.js";
import type { ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { deriveRng, type Seed } from "../sampling/rng.js";
import { uniform } from "../scm/noise.js";
import { createScm } from "../scm/scm.js";
import type { ExogenousVariable, VariableSpec } from "../scm/types.js";
import { checkGraph, expandBidirected } from "./_internal/expand.js";
import { freshName } from "./_internal/names.js";
import { randomInt, randomUniform } from "./_internal/random.js";
import { checkChoice, checkOptions, checkRangeOption, checkSeed } from "./_internal/validate.js";
import type { GeneratedScm } from "./generated-scm.js";

/**
 * Boolean functions {@link deterministicBooleanScm} can draw: `and` (all parents true), `or`
 * (at least one), `xor` (an odd number), `majority` (strictly more than half), `not` (the
 * negation of the only parent; single-parent variables only).
 *
 * @since 0.1.0
 */
export type BooleanFunctionName = "and" | "or" | "xor" | "not" | "majority";

/**
 * The mechanism a variable got in {@link deterministicBooleanScm}: a
 * {@link BooleanFunctionName}, `identity` (a single parent copied: what and/or/xor/majority
 * all are for one input), or `root` (no parents: Bernoulli).
 *
 * @since 0.1.0
 */
export type BooleanMechanismName = BooleanFunctionName | "identity" | "root";

const ALL_FUNCTIONS: readonly BooleanFunctionName[] = ["and", "or", "xor", "not", "majority"];

/**
 * Options of {@link deterministicBooleanScm}.
 *
 * @since 0.1.0
 */
export interface DeterministicBooleanScmOptions {
  /**
   * The functions to draw from (each variable's uniformly among those that apply to its number
   * of parents).
   *
   * @defaultValue ["and", "or", "xor", "not", "majority"]
   */
  readonly functions?: readonly BooleanFunctionName[];
  /**
   * Range of P(true) of root variables (drawn uniformly per root), within [0, 1].
   *
   * @defaultValue [0.2, 0.8]
   */
  readonly rootProbability?: readonly [number, number];
  /** Seed of every random choice. @defaultValue 0 */
  readonly seed?: Seed;
}

/**
 * The result of {@link deterministicBooleanScm}: the model, its latent variables and the
 * function each variable computes.
 *
 * @since 0.1.0
 */
export interface BooleanScm extends GeneratedScm {
  /** Variable name → the function its mechanism computes of its parents (in CPT order). */
  readonly functions: ReadonlyMap<string, BooleanMechanismName>;
}

/**
 * A random deterministic boolean model on a graph: every root is Bernoulli(p) with p uniform in
 * `rootProbability`, and every other variable is a boolean function of its parents, drawn
 * uniformly among the allowed `functions` that apply to its number of parents k: for k ≥ 2,
 * `and`, `or`, `xor`, `majority`; for k = 1, `identity` (if any of those four is allowed) and
 * `not`. Variables have the states `"false"`, `"true"`. Each bidirected edge a ↔ b becomes an
 * explicit latent Bernoulli root `L_<a>_<b>` (listed in `latent`) that is an extra input of a
 * and b.
 *
 * Every mechanism is a CPT (0/1 rows for the functions, `[1 − p, p]` for roots) with its own
 * uniform exogenous variable `U_<name>`, so the model is JSON-serialisable and, given the
 * roots, every counterfactual is determined.
 *
 * Determinism: same graph, options and seed ⇒ the same model (stream
 * `"datasets.deterministicBooleanScm:<name>"` per variable).
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param options - allowed functions, root probability range, seed
 * @returns the model, its latent variables and each variable's function
 * @throws {@link InvalidArgumentError} if `graph` is not a CausalGraph, `functions` is empty or
 *   holds an unknown name, `rootProbability` is not a range within [0, 1], or no allowed
 *   function applies to some variable (e.g. only `not` for a variable with two parents; the
 *   error names it)
 * @remarks O(Σ_v 2^|pa(v)|) time (the CPTs).
 * @example
 * ```ts
 * const { model, functions } = deterministicBooleanScm(templateGraph("collider"), { seed: 2 });
 * functions.get("C"); // e.g. "xor"
 * ```
 * @since 0.1.0
 */
export function deterministicBooleanScm(
  graph: ReadonlyCausalGraph,
  options?: DeterministicBooleanScmOptions,
): BooleanScm {
  const where = "datasets.deterministicBooleanScm";
  const g = checkGraph(where, graph);
  const o = checkOptions(where, options);
  const seed = checkSeed(where, o.seed);
  const allowedList = o.functions ?? ALL_FUNCTIONS;
  if (!Array.isArray(allowedList) || allowedList.length === 0) {
    throw new InvalidArgumentError(
      `${where}: functions must be a non-empty array of function names`,
      "functions",
    );
  }
  const allowed = new Set(
    allowedList.map((f, i) => checkChoice(where, `functions[${i}]`, f, ALL_FUNCTIONS)),
  );
  const [pLo, pHi] = checkRangeOption(
    where,
    "rootProbability",
    o.rootProbability ?? [0.2, 0.8],
    0,
    1,
  );
  const multi = (["and", "or", "xor", "majority"] as const).filter((f) => allowed.has(f));
  const single: BooleanMechanismName[] = [
    ...(multi.length > 0 ? (["identity"] as const) : []),
    ...(allowed.has("not") ? (["not"] as const) : []),
  ];
  const expanded = expandBidirected(g);
  const taken = new Set(expanded.taken);
  const exogenous: ExogenousVariable[] = [];
  const variables: VariableSpec[] = [];
  const functions = new Map<string, BooleanMechanismName>();
  for (const v of expanded.variables) {
    const rng = deriveRng(seed, `datasets.deterministicBooleanScm:${v.name}`);
    const k = v.parents.length;
    let fn: BooleanMechanismName;
    let table: number[][];
    if (k === 0) {
      fn = "root";
      const p = randomUniform(rng, pLo, pHi);
      table = [[1 - p, p]];
    } else {
      const choices: readonly BooleanMechanismName[] = k === 1 ? single : multi;
      if (choices.length === 0) {
        throw new InvalidArgumentError(
          `${where}: none of the allowed functions (${[...allowed].join(", ")}) applies to variable ${v.name} with ${k} parent(s)`,
          "functions",
        );
      }
      fn = choices[randomInt(rng, choices.length)] as BooleanMechanismName;
      table = [];
      for (let r = 0; r < 2 ** k; r++) {
        // Row r: parent j (0-based, last fastest) is true iff bit (k − 1 − j) of r is set.
        let ones = 0;
        for (let b = r; b > 0; b >>= 1) ones += b & 1;
        const value = booleanValue(fn, ones, k);
        table.push(value ? [0, 1] : [1, 0]);
      }
    }
    functions.set(v.name, fn);
    const noise = freshName(`U_${v.name}`, taken);
    exogenous.push({ name: noise, distribution: uniform(0, 1) });
    variables.push({
      name: v.name,
      domain: { type: "discrete", states: ["false", "true"] },
      mechanism: { type: "cpt", parents: [...v.parents], table, noise },
    });
  }
  return {
    model: createScm({ variables, exogenous }),
    latent: expanded.latent,
    functions,
  };
}

/** The value of a symmetric boolean function given the number of true inputs out of k. */
function booleanValue(fn: BooleanMechanismName, ones: number, k: number): boolean {
  switch (fn) {
    case "and":
      return ones === k;
    case "or":
      return ones > 0;
    case "xor":
      return ones % 2 === 1;
    case "majority":
      return 2 * ones > k;
    case "identity":
      return ones === 1;
    case "not":
      return ones === 0;
    default:
      return false;
  }
}
