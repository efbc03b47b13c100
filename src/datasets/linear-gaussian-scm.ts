import type { ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { deriveRng, type Seed } from "../sampling/rng.js";
import { normal } from "../scm/noise.js";
import { createScm } from "../scm/scm.js";
import type { ExogenousVariable, VariableSpec } from "../scm/types.js";
import { checkGraph, expandBidirected } from "./_internal/expand.js";
import { freshName } from "./_internal/names.js";
import { randomSign, randomUniform } from "./_internal/random.js";
import { checkChoice, checkOptions, checkRangeOption, checkSeed } from "./_internal/validate.js";
import type { GeneratedScm } from "./generated-scm.js";

/**
 * Options of {@link linearGaussianScm}.
 *
 * @since 0.1.0
 */
export interface LinearGaussianScmOptions {
  /** Range of the coefficients' absolute values, `[min, max]` with 0 ≤ min ≤ max. @defaultValue [0.5, 2] */
  readonly coefficientRange?: readonly [number, number];
  /**
   * Coefficient signs: `"random"` (each + or − with probability 1/2) or `"positive"`.
   *
   * @defaultValue "random"
   */
  readonly signs?: "random" | "positive";
  /** Range of the noise standard deviations, `[min, max]` with 0 < min ≤ max. @defaultValue [1, 1] */
  readonly noiseSd?: readonly [number, number];
  /** Seed of every random choice. @defaultValue 0 */
  readonly seed?: Seed;
}

/**
 * A random linear-Gaussian structural causal model on a graph: every node V gets
 * `V = Σ_{P ∈ pa(V)} b_{PV}·P + U_V` with `U_V ~ N(0, σ_V²)` (intercept 0), each |b| uniform in
 * `coefficientRange` with a random or positive sign, each σ uniform in `noiseSd`. Each
 * bidirected edge a ↔ b becomes an explicit latent root `L_<a>_<b> = U ~ N(0, σ²)` (listed in
 * `latent`) that enters a and b with coefficients drawn the same way. All mechanisms are
 * `linear` with declared normal exogenous variables `U_<name>`, so the model works with the
 * linear-Gaussian closed forms of `causalkit/inference` and is JSON-serialisable.
 *
 * Determinism: same graph, options and seed ⇒ the same model (stream
 * `"datasets.linearGaussianScm:<name>"` per variable).
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param options - coefficient range and signs, noise scale, seed
 * @returns the model and its latent variables
 * @throws {@link InvalidArgumentError} if `graph` is not a CausalGraph, or for a bad
 *   `coefficientRange` (negative or reversed), `signs` or `noiseSd` (not positive)
 * @remarks O(n + m) time.
 * @example
 * ```ts
 * const { model } = linearGaussianScm(randomDag({ nodes: 5, seed: 1 }), {
 *   coefficientRange: [0.5, 1.5],
 *   seed: 1,
 * });
 * ```
 * @since 0.1.0
 */
export function linearGaussianScm(
  graph: ReadonlyCausalGraph,
  options?: LinearGaussianScmOptions,
): GeneratedScm {
  const where = "datasets.linearGaussianScm";
  const g = checkGraph(where, graph);
  const o = checkOptions(where, options);
  const seed = checkSeed(where, o.seed);
  const [bLo, bHi] = checkRangeOption(where, "coefficientRange", o.coefficientRange ?? [0.5, 2], 0);
  const signs = checkChoice(where, "signs", o.signs ?? "random", ["random", "positive"] as const);
  const [sLo, sHi] = checkRangeOption(where, "noiseSd", o.noiseSd ?? [1, 1], Number.MIN_VALUE);
  const expanded = expandBidirected(g);
  const taken = new Set(expanded.taken);
  const exogenous: ExogenousVariable[] = [];
  const variables: VariableSpec[] = [];
  for (const v of expanded.variables) {
    const rng = deriveRng(seed, `datasets.linearGaussianScm:${v.name}`);
    const coefficients = v.parents.map(() => {
      const magnitude = randomUniform(rng, bLo, bHi);
      return signs === "random" ? randomSign(rng) * magnitude : magnitude;
    });
    const sd = randomUniform(rng, sLo, sHi);
    const noise = freshName(`U_${v.name}`, taken);
    exogenous.push({ name: noise, distribution: normal(0, sd) });
    variables.push({
      name: v.name,
      domain: { type: "continuous" },
      mechanism: { type: "linear", parents: [...v.parents], coefficients, intercept: 0, noise },
    });
  }
  return { model: createScm({ variables, exogenous }), latent: expanded.latent };
}
