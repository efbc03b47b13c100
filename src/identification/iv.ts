import { InvalidArgumentError } from "../errors.js";
import { minimalVertexSeparators } from "../graph/_internal/minimal-vertex-separators.js";
import { ancestors } from "../graph/ancestry.js";
import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { dSeparated } from "../graph/d-separation.js";
import { moralGraph } from "../graph/moral-graph.js";
import { inducedSubgraph } from "../graph/subgraph.js";
import { checkCap } from "./_internal/frontdoor-query.js";
import {
  type IvSetting,
  ivSetting,
  resolveConditioning,
  resolveSingle,
} from "./_internal/iv-setting.js";
import { partialCovariances } from "./_internal/iv-wald.js";

/**
 * One instrument with one conditioning set, as listed by {@link instruments}.
 *
 * @since 0.1.0
 */
export interface InstrumentalVariable {
  /** The instrument Z. */
  readonly instrument: string;
  /** The conditioning set W, in node order (empty for an unconditional instrument). */
  readonly given: string[];
}

/**
 * Options of {@link instruments}.
 *
 * @since 0.1.0
 */
export interface InstrumentsOptions {
  /**
   * Stop after this many (instrument, conditioning set) pairs (a non-negative integer, or
   * `Infinity`).
   *
   * @defaultValue Infinity
   */
  readonly max?: number;
}

/**
 * Whether `Z` is an instrumental variable for the total effect of `X` on `Y` conditional on `W`
 * (a conditional instrument; with `W` empty, an ordinary one), so that in a linear structural
 * model the effect is the Wald ratio `Cov(Y, Z | W) / Cov(X, Z | W)` (see {@link waldRatio}).
 *
 * Definition (Brito & Pearl 2002; van der Zander, Textor & Liśkiewicz 2015, conditional
 * instruments), stated for the total effect: let the mediators be the nodes other
 * than X on directed paths from X to Y, and `G_pbd` the proper back-door graph (G without the
 * edges from X to mediators, Y included). Then Z is an instrument relative to X → Y given W iff
 * 1. W contains no descendant of Y and no descendant of a mediator (for the direct edge X → Y
 *    of the paper, where Y is the only "mediator", this is the paper's `W ∩ De(Y) = ∅`);
 * 2. Z and Y are d-separated by W in `G_pbd` (exclusion and exogeneity given W; in the paper's
 *    setting `G_pbd` is `G_c`, G without the edge X → Y);
 * 3. Z and X are d-connected given W (relevance; by condition 1 the same in G and in `G_pbd`).
 *
 * Why this is right for the total effect τ: deleting the edges X → mediator changes neither X,
 * Z (by 2, Z is not below a mediator) nor W (by 1), and it changes Y into `Y − τ·X` in a linear
 * model; so `Cov(Y, Z | W) = τ·Cov(X, Z | W) + Cov_{pbd}(Y − τX, Z | W)`, and the last term
 * vanishes by condition 2. Bidirected edges and latent nodes are unobserved confounders
 * (m-separation).
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param Z - the candidate instrument, an observed node
 * @param X - the treatment, an observed node
 * @param Y - the outcome, an observed node
 * @param W - the conditioning set, observed nodes other than X, Y and Z
 * @returns true iff all three conditions hold
 * @throws {@link UnknownNodeError} if a node does not exist
 * @throws {@link InvalidArgumentError} if Z, X or Y is not a single node name, two of them are
 *   the same node, one of them or a node of W is latent, or W contains X, Y or Z
 * @remarks O(n + m) for n nodes and m edges (a graph copy and two Bayes-ball passes).
 * @see van der Zander, Textor & Liśkiewicz (2015), "Efficiently finding conditional instruments
 *   for causal inference", IJCAI (conditional and ancestral instruments); Brito & Pearl (2002),
 *   "Generalized instrumental variables", UAI.
 * @example
 * ```ts
 * // Z -> X -> Y, X <-> Y; W -> Z, W -> Y
 * const g = CausalGraph.from({
 *   directed: [["Z", "X"], ["X", "Y"], ["W", "Z"], ["W", "Y"]],
 *   bidirected: [["X", "Y"]],
 * });
 * isInstrument(g, "Z", "X", "Y"); // false: Z <- W -> Y
 * isInstrument(g, "Z", "X", "Y", ["W"]); // true
 * ```
 * @since 0.1.0
 */
export function isInstrument(
  graph: ReadonlyCausalGraph,
  Z: string,
  X: string,
  Y: string,
  W: NodeSet = [],
): boolean {
  const where = "identification.isInstrument";
  const setting = ivSetting(graph, X, Y, where);
  const z = resolveSingle(graph, Z, "Z", where);
  if (z === setting.x || z === setting.y) {
    throw new InvalidArgumentError(`${where}: Z must differ from X and Y, got "${z}"`, "Z");
  }
  const w = resolveConditioning(
    graph,
    W,
    [
      ["X", setting.x],
      ["Y", setting.y],
      ["Z", z],
    ],
    where,
  );
  return holds(graph, setting, z, w);
}

function holds(
  graph: ReadonlyCausalGraph,
  setting: IvSetting,
  z: string,
  w: readonly string[],
): boolean {
  if (w.some((v) => setting.forbidden.has(v))) return false;
  if (!dSeparated(setting.pbd, z, setting.y, w)) return false;
  return !dSeparated(graph, z, setting.x, w);
}

/**
 * Every instrument for the total effect of X on Y (see {@link isInstrument}) with each of its
 * minimal conditioning sets: one entry per pair (Z, W) where W is an inclusion-minimal set of
 * observed nodes that d-separates Z from Y in the proper back-door graph, contains no forbidden
 * node (descendant of Y or of a mediator) and leaves Z d-connected to X. Each such W is an
 * inclusion-minimal conditioning set (no proper subset separates). Entries are sorted by the
 * instrument's node order, then by the size of W, then lexicographically in node order; an
 * unconditional instrument has `given: []`.
 *
 * Scope: minimal separators lie in `An(Z ∪ Y)`, so every listed W is ancestral in the sense of
 * van der Zander, Textor & Liśkiewicz (2015), and a node is listed iff it has some ancestral
 * conditioning set (W ⊆ An(Z ∪ Y) in the proper back-door graph): by their nearest-separator
 * argument, the minimal separator nearest to Y works whenever any ancestral set does. These are
 * the instruments dagitty's `instrumentalVariables` reports (with one set each, the separator
 * nearest to Y). A node can also be a conditional instrument only through a non-ancestral W
 * (e.g. by conditioning on a common effect of Z and X, see {@link isInstrument}); deciding that
 * is NP-hard (ibid.) and such sets are not listed.
 *
 * Method: for each candidate Z, the minimal separators of Z and Y in the moral (augmented) graph
 * of `An(Z ∪ Y)` in the proper back-door graph, restricted to the allowed nodes, are enumerated
 * with polynomial delay (Takata 2010; van der Zander, Liśkiewicz & Textor 2019, LISTMINSEP) and
 * each is kept iff Z stays d-connected to X given it.
 *
 * @param graph - a DAG or ADMG (not modified); latent nodes are neither instruments nor
 *   conditioned on
 * @param X - the treatment, an observed node
 * @param Y - the outcome, an observed node, other than X
 * @param options - an optional cap on the number of pairs
 * @returns the (instrument, conditioning set) pairs, sorted
 * @throws {@link UnknownNodeError} if X or Y does not exist
 * @throws {@link InvalidArgumentError} if X or Y is not a single node name, X equals Y, X or Y
 *   is latent, or `max` is not a non-negative integer or `Infinity`
 * @remarks For each of the n candidates: O(n + m + Σ_D |D ∪ pa(D)|²) to build the augmented
 *   graph, then O(n² (n + m′)) per minimal separator plus O(n + m) to test it; the number of
 *   minimal separators per instrument can be exponential in n.
 * @see van der Zander, Textor & Liśkiewicz (2015), "Efficiently finding conditional instruments
 *   for causal inference", IJCAI (ancestral instruments, nearest separators); van der Zander,
 *   Liśkiewicz & Textor (2019), Artificial Intelligence 270 (LISTMINSEP); Takata (2010),
 *   Discrete Applied Mathematics 158(15).
 * @example
 * ```ts
 * // W -> Z -> X -> Y, W -> U -> X, U -> Y with U latent
 * const g = CausalGraph.from({
 *   directed: [["W", "Z"], ["Z", "X"], ["X", "Y"], ["W", "U"], ["U", "X"], ["U", "Y"]],
 *   latent: ["U"],
 * });
 * instruments(g, "X", "Y"); // [{ instrument: "Z", given: ["W"] }]
 * ```
 * @since 0.1.0
 */
export function instruments(
  graph: ReadonlyCausalGraph,
  X: string,
  Y: string,
  options: InstrumentsOptions = {},
): InstrumentalVariable[] {
  const where = "identification.instruments";
  const max = checkCap(options.max ?? Number.POSITIVE_INFINITY, "max", where);
  const setting = ivSetting(graph, X, Y, where);
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const idOf = (v: string): number => ix.id.get(v) ?? -1;
  const order = (a: string, b: string): number => idOf(a) - idOf(b);
  const observed = graph.nodes().filter((v) => !graph.isLatent(v));
  const out: InstrumentalVariable[] = [];
  for (const z of observed) {
    if (out.length >= max) break;
    if (z === setting.x || z === setting.y || setting.forbidden.has(z)) continue;
    // The moral (augmented) graph of the proper back-door graph restricted to An(Z ∪ Y).
    const anc = ancestors(setting.pbd, [z, setting.y]);
    const moral = moralGraph(inducedSubgraph(setting.pbd, anc));
    const lists: number[][] = Array.from({ length: n }, () => []);
    for (const [v, neighbours] of moral.adjacency) {
      const list = lists[idOf(v)];
      if (list !== undefined) for (const u of neighbours) list.push(idOf(u));
    }
    const offsets = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v] as number) + (lists[v]?.length ?? 0);
    const adj = new Int32Array(offsets[n] as number);
    for (let v = 0; v < n; v++) adj.set(lists[v] ?? [], offsets[v] as number);
    const present = new Uint8Array(n);
    const allowed = new Uint8Array(n);
    for (const v of anc) {
      const k = idOf(v);
      present[k] = 1;
      const excluded = v === z || v === setting.x || v === setting.y || setting.forbidden.has(v);
      if (!excluded && !graph.isLatent(v)) allowed[k] = 1;
    }
    const found: string[][] = [];
    const instance = {
      offsets,
      adj,
      present,
      allowed,
      sources: Int32Array.of(idOf(z)),
      targets: Int32Array.of(idOf(setting.y)),
    };
    for (const separator of minimalVertexSeparators(instance)) {
      const w = Array.from(separator, (v) => ix.names[v] as string);
      if (!dSeparated(graph, z, setting.x, w)) found.push(w.sort(order));
    }
    found.sort((a, b) => {
      if (a.length !== b.length) return a.length - b.length;
      for (let i = 0; i < a.length; i++) {
        const d = order(a[i] as string, b[i] as string);
        if (d !== 0) return d;
      }
      return 0;
    });
    for (const w of found) {
      if (out.length >= max) break;
      out.push({ instrument: z, given: w });
    }
  }
  return out;
}

function checkNames(
  names: readonly (readonly [string, unknown])[],
  W: NodeSet,
  where: string,
): string[] {
  const seen = new Map<string, string>();
  for (const [argument, v] of names) {
    if (typeof v !== "string") {
      throw new InvalidArgumentError(
        `${where}: ${argument} must be a node name (a string)`,
        argument,
      );
    }
    const other = seen.get(v);
    if (other !== undefined) {
      throw new InvalidArgumentError(
        `${where}: ${other} and ${argument} are the same node "${v}"`,
        argument,
      );
    }
    seen.set(v, argument);
  }
  const w = typeof W === "string" ? [W] : [...new Set(W)];
  for (const v of w) {
    if (typeof v !== "string") {
      throw new InvalidArgumentError(`${where}: W must contain node names (strings)`, "W");
    }
    const other = seen.get(v);
    if (other !== undefined) {
      throw new InvalidArgumentError(`${where}: W contains ${other} ("${v}")`, "W");
    }
  }
  return w;
}

/**
 * The instrumental-variable (Wald) estimand of the effect of X on Y with instrument Z given W,
 * for linear models, as text: `Cov(Y,Z|W1,W2)/Cov(X,Z|W1,W2)`, or `Cov(Y,Z)/Cov(X,Z)` when W is
 * empty. Names are printed verbatim, W in the order given. Valid when Z is an instrument given W
 * ({@link isInstrument}); this function does not check that.
 *
 * @param Z - the instrument
 * @param X - the treatment
 * @param Y - the outcome
 * @param W - the conditioning set
 * @returns the estimand as one line of text
 * @throws {@link InvalidArgumentError} if a name is not a string, or Z, X, Y, W overlap
 * @remarks O(|W|).
 * @see Wright (1928) and Bowden & Turkington (1984) for the IV ratio; Brito & Pearl (2002),
 *   UAI, and van der Zander, Textor & Liśkiewicz (2015), IJCAI, for the conditional version.
 * @example
 * ```ts
 * waldEstimand("Z", "X", "Y", ["W"]); // "Cov(Y,Z|W)/Cov(X,Z|W)"
 * ```
 * @since 0.1.0
 */
export function waldEstimand(Z: string, X: string, Y: string, W: NodeSet = []): string {
  const w = checkNames(
    [
      ["Z", Z],
      ["X", X],
      ["Y", Y],
    ],
    W,
    "identification.waldEstimand",
  );
  const given = w.length === 0 ? "" : `|${w.join(",")}`;
  return `Cov(${Y},${Z}${given})/Cov(${X},${Z}${given})`;
}

/**
 * The instrumental-variable (Wald) estimate `Cov(Y, Z | W) / Cov(X, Z | W)` of the effect of X
 * on Y in a linear model, from a covariance function (exact model covariances, or sample
 * covariances for the plug-in estimator). With W non-empty the partial covariances are
 * `Cov(a, b | W) = Cov(a, b) − Cov(a, W) Cov(W, W)⁻¹ Cov(W, b)`. The value is the total effect
 * whenever Z is an instrument given W ({@link isInstrument}) in a linear model compatible with
 * the graph.
 *
 * @param cov - the covariance of two variables by name (must be symmetric and finite)
 * @param Z - the instrument
 * @param X - the treatment
 * @param Y - the outcome
 * @param W - the conditioning set
 * @returns the ratio
 * @throws {@link InvalidArgumentError} if a name is not a string, Z, X, Y, W overlap, `cov`
 *   returns a non-finite value, the covariance matrix of W is singular, or `Cov(X, Z | W)` is 0
 *   (Z is irrelevant given W; `argument` `"Z"`)
 * @remarks O(|W|³) arithmetic and O(|W|²) calls of `cov`.
 * @see Wright (1928), "The tariff on animal and vegetable oils"; Brito & Pearl
 *   (2002), "Generalized instrumental variables", UAI; van der Zander, Textor & Liśkiewicz
 *   (2015), IJCAI.
 * @example
 * ```ts
 * // Z -> X -> Y with effect 2, Var(Z) = 1, X = 0.5 Z + e
 * const c = new Map([["Y|Z", 1], ["X|Z", 0.5]]);
 * waldRatio((a, b) => c.get(`${a}|${b}`) ?? 0, "Z", "X", "Y"); // 2
 * ```
 * @since 0.1.0
 */
export function waldRatio(
  cov: (a: string, b: string) => number,
  Z: string,
  X: string,
  Y: string,
  W: NodeSet = [],
): number {
  const where = "identification.waldRatio";
  if (typeof cov !== "function") {
    throw new InvalidArgumentError(`${where}: cov must be a function (a, b) => number`, "cov");
  }
  const w = checkNames(
    [
      ["Z", Z],
      ["X", X],
      ["Y", Y],
    ],
    W,
    where,
  );
  const [num, den] = partialCovariances(
    cov,
    [
      [Y, Z],
      [X, Z],
    ],
    w,
    where,
  ) as [number, number];
  if (den === 0) {
    throw new InvalidArgumentError(
      `${where}: Cov(${X},${Z}${w.length > 0 ? `|${w.join(",")}` : ""}) is 0; Z is not relevant for X`,
      "Z",
    );
  }
  const ratio = num / den;
  if (!Number.isFinite(ratio)) {
    throw new InvalidArgumentError(`${where}: the ratio is not finite (${ratio})`, "Z");
  }
  return ratio;
}
