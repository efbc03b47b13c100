import { InvalidArgumentError, internalError } from "../errors.js";
import type { ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { writeCumulative } from "../sampling/_internal/cumulative.js";
import { deriveRng, type Rng, type Seed } from "../sampling/rng.js";
import { bernoulli, categorical, uniform } from "../scm/noise.js";
import { createScm } from "../scm/scm.js";
import type { ExogenousVariable, ScmSpec, VariableSpec } from "../scm/types.js";
import { checkGraph, type ExpandedVariable, expandBidirected } from "./_internal/expand.js";
import { freshName } from "./_internal/names.js";
import { randomDirichlet, randomSign } from "./_internal/random.js";
import {
  checkChoice,
  checkInteger,
  checkNumber,
  checkOptions,
  checkSeed,
} from "./_internal/validate.js";
import type { GeneratedScm } from "./generated-scm.js";

/**
 * Effect-strength constraint of {@link randomDiscreteScm}.
 *
 * @since 0.1.0
 */
export interface StrengthOptions {
  /**
   * Least change of P(child = its last state) when one parent moves up by one state, the
   * other parents held fixed; in [0, 1].
   */
  readonly minGap: number;
  /**
   * Sign of every parent's effect: `"positive"` (a higher parent state makes the child's last
   * state more likely), `"negative"`, or `"random"` (drawn per parent–child pair, each sign with
   * probability 1/2).
   *
   * @defaultValue "positive"
   */
  readonly direction?: "positive" | "negative" | "random";
}

/**
 * Options of {@link randomDiscreteScm}.
 *
 * @since 0.1.0
 */
export interface RandomDiscreteScmOptions {
  /**
   * Number of states of every graph node, or one count per node in graph node order; integers
   * ≥ 2. Latent roots created for bidirected edges are always binary.
   *
   * @defaultValue 2
   */
  readonly states?: number | readonly number[];
  /**
   * Make every parent move the child's probability by at least a given gap (see
   * {@link randomDiscreteScm}). Without it, CPT rows are independent uniform draws.
   */
  readonly strength?: StrengthOptions;
  /**
   * Least probability of every CPT entry, in [0, 1/k] for a variable with k states (keeps
   * conditional probabilities away from 0 and 1).
   *
   * @defaultValue 0
   */
  readonly minProbability?: number;
  /**
   * How bidirected edges a ↔ b are modelled: `"explicit"` adds a binary endogenous root
   * `L_<a>_<b>` (listed in `latent`) that is a CPT parent of a and b; `"shared-noise"` turns
   * that root into a Bernoulli exogenous variable read by a and b (see
   * {@link randomDiscreteScm}).
   *
   * @defaultValue "explicit"
   */
  readonly latent?: "explicit" | "shared-noise";
  /** Seed of every random choice. @defaultValue 0 */
  readonly seed?: Seed;
}

interface DiscreteVariable extends ExpandedVariable {
  readonly states: number;
}

/**
 * A random discrete structural causal model on a graph: every node becomes a discrete variable
 * with states `"0"`, `"1"`, … (as many as `states` says) and a conditional probability table
 * given its parents; every bidirected edge becomes a latent binary common cause.
 *
 * CPT rows, for a variable with k states (m = `minProbability`):
 *
 * - Without `strength`: every row independently `m + (1 − k·m)·D` with D uniform on the
 *   simplex (flat Dirichlet), so for a binary variable P(1) is uniform on [m, 1 − m].
 * - With `strength` (`minGap` = g): the probability of the child's **last** state (state 1 of
 *   a binary child) is additive in the parents' state indices,
 *   `P(last | pa) = m + g₀ + Σⱼ δⱼ·tⱼ`, where `tⱼ` is parent j's state index (or, for a
 *   negative effect, its distance from the parent's last state) and `δⱼ = g + eⱼ ≥ g`. The
 *   slack `S = 1 − k·m − g·Σⱼ(kⱼ − 1)` (kⱼ = parent j's state count) is split by a flat
 *   Dirichlet draw into the bottom margin g₀, a top margin and the extras `eⱼ·(kⱼ − 1)`.
 *   Hence, exactly: raising any one parent by one state, whatever the other parents' states,
 *   changes P(last) by δⱼ ≥ g in that parent's direction (−δⱼ for a negative one), and P(last)
 *   stays in [m, 1 − (k − 1)·m]. The remaining probability `1 − P(last)` is split over the
 *   other states as `m + (1 − P(last) − (k − 1)·m)·D`. Latent common causes count as parents.
 *   Roots are drawn as without `strength`.
 *
 * Latent common causes: with `latent: "explicit"`, each bidirected edge a ↔ b becomes a binary
 * root variable `L_<a>_<b>` (name made unique if needed) whose CPT is drawn like any root's,
 * and which is the last parent(s) of a and b; every mechanism is a CPT, so the model is
 * JSON-serialisable. With `"shared-noise"`, the same model is drawn, then every such root is
 * replaced by a Bernoulli exogenous variable of the same name and probability, and each child
 * of one gets a `function` mechanism that looks its CPT up with the latent values read from the
 * exogenous variables; its private uniform noise is replaced by a categorical exogenous
 * variable over the cells between all its rows' inverse-CDF thresholds, so the mechanism gives
 * the same values as the CPT for every unit (same observational, interventional and
 * counterfactual distributions as the explicit model with the roots marginalised out). Such
 * models work with sampling and exact inference but are not JSON-serialisable (function
 * mechanisms).
 *
 * Every mechanism names its exogenous variables explicitly (`U_<name>`, uniform(0, 1), unique).
 * Determinism: same graph, options and seed ⇒ the same model; each variable's parameters come
 * from its own stream `"datasets.randomDiscreteScm:<name>"`, so renaming or adding other
 * variables does not change them.
 *
 * @param graph - a DAG or ADMG (not modified); nodes with role `latent` become ordinary
 *   variables listed in `latent`
 * @param options - state counts, strength, minimum probability, latent representation, seed
 * @returns the model and its latent variables
 * @throws {@link InvalidArgumentError} if `graph` is not a CausalGraph, for bad `states` (not
 *   integers ≥ 2, or a list of the wrong length), a `minProbability` with k·m > 1 for some
 *   variable, a bad `strength` or `latent`, or a `minGap` too large for some variable
 *   (g·Σⱼ(kⱼ − 1) > 1 − k·m; the error names the variable)
 * @remarks O(Σ_v k_v·Π_{p ∈ pa(v)} k_p) time: linear in the total CPT size.
 * @example
 * ```ts
 * const g = templateGraph("confounding");
 * const { model } = randomDiscreteScm(g, { strength: { minGap: 0.2 }, seed: 1 });
 * ```
 * @since 0.1.0
 */
export function randomDiscreteScm(
  graph: ReadonlyCausalGraph,
  options?: RandomDiscreteScmOptions,
): GeneratedScm {
  const { spec, latent } = randomDiscreteScmSpec(graph, options);
  return { model: createScm(spec), latent };
}

/**
 * The specification {@link randomDiscreteScm} passes to `createScm` (for callers that adjust
 * it first, e.g. round its tables, without building the model twice).
 *
 * @param graph - as {@link randomDiscreteScm}
 * @param options - as {@link randomDiscreteScm}
 * @returns the model specification and the latent variables
 * @throws as {@link randomDiscreteScm}
 */
export function randomDiscreteScmSpec(
  graph: ReadonlyCausalGraph,
  options?: RandomDiscreteScmOptions,
): { readonly spec: ScmSpec; readonly latent: readonly string[] } {
  const where = "datasets.randomDiscreteScm";
  const g = checkGraph(where, graph);
  const o = checkOptions(where, options);
  const seed = checkSeed(where, o.seed);
  const mode = checkChoice(where, "latent", o.latent ?? "explicit", [
    "explicit",
    "shared-noise",
  ] as const);
  const minP = checkNumber(where, "minProbability", o.minProbability ?? 0, 0, 1);
  let minGap: number | undefined;
  let direction: "positive" | "negative" | "random" = "positive";
  if (o.strength !== undefined) {
    const s = checkOptions(`${where} (strength)`, o.strength);
    minGap = checkNumber(where, "strength.minGap", s.minGap, 0, 1);
    direction = checkChoice(where, "strength.direction", s.direction ?? "positive", [
      "positive",
      "negative",
      "random",
    ] as const);
  }
  const expanded = expandBidirected(g);
  const nodes = g.nodes();
  const stateOf = new Map<string, number>();
  const statesOption = o.states ?? 2;
  if (Array.isArray(statesOption)) {
    if (statesOption.length !== nodes.length) {
      throw new InvalidArgumentError(
        `${where}: states has ${statesOption.length} entries but the graph has ${nodes.length} nodes`,
        "states",
      );
    }
    nodes.forEach((v, i) => {
      stateOf.set(v, checkInteger(where, `states[${i}] (node ${v})`, statesOption[i], 2));
    });
  } else {
    const k = checkInteger(where, "states", statesOption, 2);
    for (const v of nodes) stateOf.set(v, k);
  }
  const vars: DiscreteVariable[] = expanded.variables.map((v) => ({
    ...v,
    states: stateOf.get(v.name) ?? 2,
  }));
  const cardOf = new Map(vars.map((v) => [v.name, v.states]));
  for (const v of vars) {
    if (v.states * minP > 1) {
      throw new InvalidArgumentError(
        `${where}: minProbability ${minP} is too large for variable ${v.name} with ${v.states} states (needs states·minProbability ≤ 1)`,
        "minProbability",
      );
    }
  }

  // Draw every CPT (explicit form), each variable from its own stream.
  const tables = new Map<string, number[][]>();
  for (const v of vars) {
    const rng = deriveRng(seed, `datasets.randomDiscreteScm:${v.name}`);
    const parentCards = v.parents.map((p) => cardOf.get(p) ?? internalError("unknown parent"));
    tables.set(
      v.name,
      minGap === undefined || v.parents.length === 0
        ? freeTable(rng, v.states, parentCards, minP)
        : strengthTable(rng, where, v, parentCards, minP, minGap, direction),
    );
  }

  const taken = new Set(expanded.taken);
  const confounders = new Set(vars.filter((v) => v.isConfounder).map((v) => v.name));
  for (const c of confounders) taken.add(c);
  const exogenous: ExogenousVariable[] = [];
  const specs: VariableSpec[] = [];
  const stateNames = (k: number): string[] => Array.from({ length: k }, (_, i) => String(i));
  const sharedNoise = mode === "shared-noise";
  for (const v of vars) {
    const table = tables.get(v.name) as number[][];
    if (sharedNoise && v.isConfounder) {
      exogenous.push({
        name: v.name,
        distribution: bernoulli((table[0] as number[])[1] as number),
      });
      continue;
    }
    const noise = freshName(`U_${v.name}`, taken);
    const latentParents = v.parents.filter((p) => confounders.has(p));
    const domain = { type: "discrete", states: stateNames(v.states) } as const;
    if (!sharedNoise || latentParents.length === 0) {
      exogenous.push({ name: noise, distribution: uniform(0, 1) });
      specs.push({
        name: v.name,
        domain,
        mechanism: { type: "cpt", parents: [...v.parents], table, noise },
      });
      continue;
    }
    const cells = inverseCdfCells(table);
    exogenous.push({ name: noise, distribution: categorical(cells.probs) });
    specs.push({
      name: v.name,
      domain,
      mechanism: sharedNoiseMechanism(v, cardOf, cells, noise, confounders),
    });
  }
  return {
    spec: { variables: specs, exogenous },
    latent: sharedNoise ? expanded.latent.filter((v) => !confounders.has(v)) : expanded.latent,
  };
}

/** Number of rows of a CPT with the given parent state counts. */
function rowCount(parentCards: readonly number[]): number {
  let r = 1;
  for (const c of parentCards) r *= c;
  return r;
}

/** Rows `m + (1 − k·m)·Dirichlet(1, …, 1)`. */
function freeTable(rng: Rng, k: number, parentCards: readonly number[], m: number): number[][] {
  const rows: number[][] = [];
  const R = rowCount(parentCards);
  for (let r = 0; r < R; r++) rows.push(randomDirichlet(rng, k).map((d) => m + (1 - k * m) * d));
  return rows;
}

/** The additive construction documented on randomDiscreteScm. */
function strengthTable(
  rng: Rng,
  where: string,
  v: DiscreteVariable,
  parentCards: readonly number[],
  m: number,
  gap: number,
  direction: "positive" | "negative" | "random",
): number[][] {
  const k = v.states;
  const J = parentCards.length;
  const steps = parentCards.map((c) => c - 1);
  const totalSteps = steps.reduce((a, b) => a + b, 0);
  const width = 1 - k * m;
  const slack = width - gap * totalSteps;
  if (slack < 0) {
    throw new InvalidArgumentError(
      `${where}: strength.minGap ${gap} is too large for variable ${v.name}: its ${J} parent(s) need ${gap}·${totalSteps} = ${gap * totalSteps} of the available probability range ${width}`,
      "strength",
    );
  }
  const signs: number[] = parentCards.map(() =>
    direction === "random" ? randomSign(rng) : direction === "positive" ? 1 : -1,
  );
  const parts = randomDirichlet(rng, J + 2);
  const bottom = slack * (parts[0] as number);
  const delta = steps.map((s, j) => (s === 0 ? gap : gap + (slack * (parts[j + 2] as number)) / s));
  const rows: number[][] = [];
  const R = rowCount(parentCards);
  const config = new Int32Array(J);
  for (let r = 0; r < R; r++) {
    // Decode r into parent states, last parent fastest.
    let rest = r;
    for (let j = J - 1; j >= 0; j--) {
      const c = parentCards[j] as number;
      config[j] = rest % c;
      rest = Math.floor(rest / c);
    }
    let top = m + bottom;
    for (let j = 0; j < J; j++) {
      const s = config[j] as number;
      const t = (signs[j] as number) > 0 ? s : (steps[j] as number) - s;
      top += (delta[j] as number) * t;
    }
    const upper = 1 - (k - 1) * m;
    if (top > upper) top = upper; // rounding only (by construction top ≤ upper)
    const restMass = 1 - top;
    const others =
      k === 2
        ? [restMass]
        : randomDirichlet(rng, k - 1).map((d) => m + (restMass - (k - 1) * m) * d);
    rows.push([...others, top]);
  }
  return rows;
}

/** The cells of [0, 1) between all inverse-CDF thresholds of a table's rows. */
interface Cells {
  /** Left end of each cell. */
  readonly starts: number[];
  /** Length of each cell (its probability). */
  readonly probs: number[];
  /** `state[r * cells + c]` = the state row r gives for every u in cell c. */
  readonly state: Int32Array;
}

function inverseCdfCells(table: readonly (readonly number[])[]): Cells {
  const k = (table[0] as readonly number[]).length;
  const thresholds = new Float64Array(table.length * k);
  table.forEach((row, r) => {
    writeCumulative(row, thresholds, r * k);
  });
  const points = [0, 1, ...thresholds].filter((x) => x >= 0 && x <= 1).sort((a, b) => a - b);
  const starts: number[] = [];
  const probs: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    const b = points[i + 1] as number;
    if (b > a) {
      starts.push(a);
      probs.push(b - a);
    }
  }
  // Cell lengths telescope to 1 up to rounding; put any rounding residue on the largest cell.
  let sum = 0;
  for (const p of probs) sum += p;
  let largest = 0;
  for (let i = 1; i < probs.length; i++) {
    if ((probs[i] as number) > (probs[largest] as number)) largest = i;
  }
  probs[largest] = (probs[largest] as number) + (1 - sum);
  const state = new Int32Array(table.length * starts.length);
  for (let r = 0; r < table.length; r++) {
    for (let c = 0; c < starts.length; c++) {
      const u = starts[c] as number;
      let s = 0;
      while (u >= (thresholds[r * k + s] as number)) s++;
      state[r * starts.length + c] = s;
    }
  }
  return { starts, probs, state };
}

/**
 * The function mechanism of a child of latent roots in shared-noise mode: its CPT row is
 * indexed by the observed parents' values and the latent exogenous values (in CPT parent
 * order, last fastest), and its state is the state that row gives in the cell drawn by the
 * categorical private noise.
 */
function sharedNoiseMechanism(
  v: DiscreteVariable,
  cardOf: ReadonlyMap<string, number>,
  cells: Cells,
  noise: string,
  confounders: ReadonlySet<string>,
): VariableSpec["mechanism"] {
  const inputs = v.parents;
  const J = inputs.length;
  const strides = new Int32Array(J);
  let stride = 1;
  for (let j = J - 1; j >= 0; j--) {
    strides[j] = stride;
    stride *= cardOf.get(inputs[j] as string) as number;
  }
  const isLatent = inputs.map((p) => confounders.has(p));
  const observed = inputs.filter((_, j) => !isLatent[j]);
  const latent = inputs.filter((_, j) => isLatent[j]);
  const nCells = cells.starts.length;
  const state = cells.state;
  return {
    type: "function",
    parents: observed,
    noise: [...latent, noise],
    fn: (parents, noiseValues) => {
      let row = 0;
      for (let j = 0; j < J; j++) {
        const name = inputs[j] as string;
        const value = isLatent[j] ? noiseValues[name] : parents[name];
        row += (value as number) * (strides[j] as number);
      }
      return state[row * nCells + (noiseValues[noise] as number)] as number;
    },
  };
}
