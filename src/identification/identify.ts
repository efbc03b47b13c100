import { CausalKitError, InvalidArgumentError, internalError } from "../errors.js";
import { descendants } from "../graph/ancestry.js";
import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { listMinimalAdjustmentSets } from "./adjustment-sets.js";
import {
  type Estimand,
  formatEstimand,
  probTerm,
  productTerm,
  simplifyEstimand,
  sumTerm,
} from "./estimand.js";
import {
  findFrontdoorSet,
  frontdoorEstimand,
  isFrontdoorSet,
  listMinimalFrontdoorSets,
} from "./frontdoor.js";
import type { Hedge } from "./hedge.js";
import { identifyEffect } from "./id.js";
import { identifyConditionalEffect } from "./idc.js";
import { type InstrumentalVariable, instruments } from "./iv.js";

/**
 * A query for {@link identify}: `P(outcome | do(treatment))`, or with `given`,
 * `P(outcome | do(treatment), given)`.
 *
 * @since 0.1.0
 */
export interface IdentifyQuery {
  /** The treatment nodes X (non-empty, observed). */
  readonly treatment: NodeSet;
  /** The outcome nodes Y (non-empty, observed, disjoint from X). */
  readonly outcome: NodeSet;
  /** Observed conditioning nodes Z, disjoint from X and Y. @defaultValue [] */
  readonly given?: NodeSet;
}

/**
 * Which method produced {@link IdentifyResult.estimand}: covariate adjustment (`"backdoor"`,
 * Pearl's backdoor / the generalized adjustment formula), the front-door formula, the ID / IDC
 * algorithm, or `"none"` when the effect is not identifiable (or the query is invalid).
 *
 * @since 0.1.0
 */
export type IdentifyStrategy = "backdoor" | "frontdoor" | "id" | "none";

/**
 * One identifying formula found by a strategy.
 *
 * @since 0.1.0
 */
export interface IdentifyAlternative {
  /** The strategy. */
  readonly strategy: Exclude<IdentifyStrategy, "none">;
  /** Its estimand. */
  readonly estimand: Estimand;
  /** The adjustment or front-door set it uses (empty for ID). */
  readonly set: readonly string[];
}

/**
 * The answer of {@link identify}.
 *
 * - `kind: "identified"`: `estimand` (from `strategy`) equals the causal quantity on every
 *   distribution compatible with the graph (where its conditionals are defined);
 * - `kind: "no-effect"`: no treatment node has a directed path to an outcome or conditioning
 *   node, and the answer is `P(Y)` (or `P(Y | Z)`); still `identifiable`;
 * - `kind: "not-identifiable"`: `hedge` is the witness (Shpitser & Pearl 2006);
 * - `kind: "invalid"`: the query itself is malformed (`reason` says why; e.g. an unknown or
 *   latent node, X and Y overlapping, an empty outcome).
 *
 * @since 0.1.0
 */
export interface IdentifyResult {
  /** The verdict. */
  readonly kind: "identified" | "no-effect" | "not-identifiable" | "invalid";
  /** Whether the quantity is identifiable (`identified` or `no-effect`). */
  readonly identifiable: boolean;
  /** The strategy that produced `estimand`. */
  readonly strategy: IdentifyStrategy;
  /** The identifying formula (simplified), or null. */
  readonly estimand: Estimand | null;
  /** The adjustment set `estimand` uses, when `strategy` is `"backdoor"` or `"frontdoor"`. */
  readonly set: readonly string[] | null;
  /**
   * Every inclusion-minimal adjustment set (generalized adjustment criterion; with `given`, the
   * backdoor sets containing Z), sorted by size then node order; `[]` if none.
   */
  readonly adjustmentSets: readonly (readonly string[])[];
  /** Whether `adjustmentSets` lists every minimal set (false when cut at `maxSets`). */
  readonly adjustmentSetsComplete: boolean;
  /**
   * Every inclusion-minimal front-door set (unconditional queries only). If listing them needs
   * more than the search budget, `frontdoorSetsComplete` is false and this holds one minimal
   * front-door set, if any exists.
   */
  readonly frontdoorSets: readonly (readonly string[])[];
  /** Whether `frontdoorSets` lists every minimal front-door set. */
  readonly frontdoorSetsComplete: boolean;
  /**
   * Instruments for a single treatment and outcome: one entry per instrument and minimal
   * conditioning set (van der Zander, Textor & Liśkiewicz 2015); `[]` otherwise.
   */
  readonly instruments: readonly InstrumentalVariable[];
  /** The hedge when not identifiable, else null. */
  readonly hedge: Hedge | null;
  /** Every identifying formula found, the chosen one first. */
  readonly alternatives: readonly IdentifyAlternative[];
  /** Why the query is invalid (only for `kind: "invalid"`). */
  readonly reason?: string;
}

/**
 * Answers "can this effect be identified from observational data, and by which formula?".
 * Tries, in order: covariate adjustment (the smallest minimal adjustment set `S`:
 * `Σ_S P(Y | X, S) P(S)`; with `given` Z and no descendant of X in Z, a backdoor set Z ∪ W:
 * `Σ_W P(Y | X, Z, W) P(W | Z)`, Pearl 2009 §3.3.1), the front-door formula (smallest minimal front-door set),
 * then the complete ID algorithm (IDC with `given`). Reports every alternative found, the
 * minimal adjustment and front-door sets, the instruments, and the hedge when the effect is not
 * identifiable. Latent-role nodes and bidirected edges are unobserved confounding.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param query - treatment, outcome and optional conditioning nodes
 * @returns the typed verdict; an invalid query gives `kind: "invalid"` instead of throwing
 * @param options - caps on the reported sets; see {@link IdentifyOptions}
 * @remarks Never throws for an invalid query. The lists of sets are capped at `maxSets`; when
 *   listing the minimal front-door sets exceeds a search budget of 10 000 subproblems, one
 *   minimal front-door set is reported instead (`frontdoorSetsComplete: false`). The verdict
 *   itself never depends on the caps: ID is complete.
 * @see Pearl (2009), *Causality*, §3.3 (backdoor and front-door); Shpitser, VanderWeele & Robins
 *   (2010) (adjustment criterion); Jeong, Tian & Bareinboim (2022) (front-door sets); Shpitser &
 *   Pearl (2006, 2006b) (ID, IDC); van der Zander, Textor & Liśkiewicz (2015) (instruments).
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["X", "M"], ["M", "Y"]], bidirected: [["X", "Y"]] });
 * const r = identify(g, { treatment: "X", outcome: "Y" });
 * r.strategy; // "frontdoor"
 * formatEstimand(r.estimand!); // sum_{M} P(M|X) * sum_{X} P(Y|M,X) * P(X) (up to notation)
 * ```
 * @since 0.1.0
 */
export function identify(
  graph: ReadonlyCausalGraph,
  query: IdentifyQuery,
  options: IdentifyOptions = {},
): IdentifyResult {
  const maxSets = options.maxSets ?? 1000;
  const checked = checkQuery(graph, query);
  if (typeof checked === "string") return invalid(checked);
  const { x, y, z } = checked;
  const downstream = descendants(graph, x);
  // With Z, the covariate-specific formula Σ_W P(Y | X, Z, W) P(W | Z) needs Z ∪ W to satisfy
  // the backdoor criterion (no descendant of X at all: P(W | Z) must not depend on do(X)).
  const zHasNoDescendantOfX = z.every((v) => !downstream.has(v));
  const listed = zHasNoDescendantOfX
    ? [
        ...listMinimalAdjustmentSets(graph, x, y, {
          max: maxSets + 1,
          ...(z.length > 0 ? { include: z, criterion: "backdoor" as const } : {}),
        }),
      ]
    : [];
  const adjustmentSetsComplete = listed.length <= maxSets;
  const sets = sortSets(graph, listed.slice(0, maxSets));
  const instrumentList =
    x.length === 1 && y.length === 1
      ? instruments(graph, x[0] as string, y[0] as string, { max: maxSets })
      : [];

  // No effect when neither Y nor Z is downstream of X: then P(y, z | do(x)) = P(y, z). (With Z
  // downstream of X, e.g. a collider X → Z ← Y, conditioning on Z makes Y depend on do(x).)
  if (!y.some((v) => downstream.has(v)) && !z.some((v) => downstream.has(v))) {
    const estimand = probTerm(y, z);
    return {
      kind: "no-effect",
      identifiable: true,
      strategy: "id",
      estimand,
      set: null,
      adjustmentSets: sets,
      adjustmentSetsComplete,
      frontdoorSets: [],
      frontdoorSetsComplete: true,
      instruments: instrumentList,
      hedge: null,
      alternatives: [{ strategy: "id", estimand, set: [] }],
    };
  }

  const alternatives: IdentifyAlternative[] = [];
  const firstSet = sets[0];
  if (firstSet !== undefined) {
    const w = firstSet.filter((v) => !z.includes(v));
    const estimand = simplifyEstimand(
      sumTerm(w, productTerm([probTerm(y, [...x, ...z, ...w]), probTerm(w, z)])),
    );
    alternatives.push({ strategy: "backdoor", estimand, set: firstSet });
  }

  const { sets: frontdoorSets, complete: frontdoorSetsComplete } =
    z.length === 0 ? frontdoorSetsOf(graph, x, y, maxSets) : { sets: [], complete: true };
  const firstFrontdoor = frontdoorSets[0];
  if (firstFrontdoor !== undefined && firstFrontdoor.length > 0) {
    alternatives.push({
      strategy: "frontdoor",
      estimand: simplifyEstimand(frontdoorEstimand(x, y, firstFrontdoor)),
      set: firstFrontdoor,
    });
  }

  const viaId =
    z.length === 0
      ? identifyEffect(graph, { treatment: x, outcome: y })
      : identifyConditionalEffect(graph, { treatment: x, outcome: y, given: z });
  const report = {
    adjustmentSets: sets,
    adjustmentSetsComplete,
    frontdoorSets,
    frontdoorSetsComplete,
    instruments: instrumentList,
  };
  if (viaId.kind === "not-identifiable") {
    if (alternatives.length > 0) {
      // Two complete methods disagreeing is a bug, never an answer.
      internalError(
        `identification.identify: ID found no formula for ${formatQuery(x, y, z)} but ${alternatives[0]?.strategy} did`,
      );
    }
    return {
      kind: "not-identifiable",
      identifiable: false,
      strategy: "none",
      estimand: null,
      set: null,
      ...report,
      hedge: viaId.hedge,
      alternatives: [],
    };
  }
  alternatives.push({ strategy: "id", estimand: viaId.estimand, set: [] });
  const chosen = alternatives[0] as IdentifyAlternative;
  return {
    kind: "identified",
    identifiable: true,
    strategy: chosen.strategy,
    estimand: chosen.estimand,
    set: chosen.strategy === "id" ? null : chosen.set,
    ...report,
    hedge: null,
    alternatives,
  };
}

interface CheckedQuery {
  readonly x: string[];
  readonly y: string[];
  readonly z: string[];
}

/** The resolved query, or why it is invalid. */
function checkQuery(graph: ReadonlyCausalGraph, query: IdentifyQuery): CheckedQuery | string {
  const where = "identification.identify";
  let x: string[];
  let y: string[];
  let z: string[];
  try {
    x = graph.resolveNodes(query.treatment, where);
    y = graph.resolveNodes(query.outcome, where);
    z = graph.resolveNodes(query.given ?? [], where);
  } catch (e) {
    if (e instanceof CausalKitError) return e.message;
    throw e;
  }
  if (x.length === 0) return `${where}: the treatment is empty`;
  if (y.length === 0) return `${where}: the outcome is empty`;
  const seen = new Map<string, string>();
  for (const [role, list] of [
    ["treatment", x],
    ["outcome", y],
    ["given", z],
  ] as const) {
    for (const v of list) {
      const before = seen.get(v);
      if (before !== undefined) return `${where}: node "${v}" is in both ${before} and ${role}`;
      seen.set(v, role);
      if (graph.isLatent(v)) return `${where}: node "${v}" (${role}) is latent`;
    }
  }
  return { x, y, z };
}

function invalid(reason: string): IdentifyResult {
  return {
    kind: "invalid",
    identifiable: false,
    strategy: "none",
    estimand: null,
    set: null,
    adjustmentSets: [],
    adjustmentSetsComplete: true,
    frontdoorSets: [],
    frontdoorSetsComplete: true,
    instruments: [],
    hedge: null,
    alternatives: [],
    reason,
  };
}

function formatQuery(x: readonly string[], y: readonly string[], z: readonly string[]): string {
  return formatEstimand(probTerm(y, z, x));
}

/**
 * The minimal front-door sets (at most `max`), and whether that is all of them. When the listing
 * exceeds its search budget, one minimal set is found instead: the largest front-door set (linear
 * time; Jeong, Tian & Bareinboim 2022) shrunk greedily, dropping a node while the rest still
 * satisfies the criterion.
 */
function frontdoorSetsOf(
  graph: ReadonlyCausalGraph,
  x: readonly string[],
  y: readonly string[],
  max: number,
): { sets: string[][]; complete: boolean } {
  try {
    const sets = listMinimalFrontdoorSets(graph, x, y, { max: max + 1, maxSteps: FRONTDOOR_STEPS });
    return { sets: sets.slice(0, max), complete: sets.length <= max };
  } catch (e) {
    if (!(e instanceof InvalidArgumentError && e.argument === "maxSteps")) throw e;
    const largest = findFrontdoorSet(graph, x, y);
    if (largest === null) return { sets: [], complete: false };
    let set = largest;
    for (const v of largest) {
      const smaller = set.filter((u) => u !== v);
      if (isFrontdoorSet(graph, x, y, smaller)) set = smaller;
    }
    return { sets: [set], complete: false };
  }
}

/** Search budget of the front-door listing inside {@link identify} (ID answers regardless). */
const FRONTDOOR_STEPS = 10_000;

/** Sets sorted by size, then by node order (as {@link adjustmentSets} sorts them). */
function sortSets(graph: ReadonlyCausalGraph, sets: string[][]): string[][] {
  const { id } = graph.compactIndex();
  const key = (v: string): number => id.get(v) ?? 0;
  return sets
    .map((set) => [...set].sort((a, b) => key(a) - key(b)))
    .sort((a, b) => {
      if (a.length !== b.length) return a.length - b.length;
      for (let i = 0; i < a.length; i++) {
        const d = key(a[i] as string) - key(b[i] as string);
        if (d !== 0) return d;
      }
      return 0;
    });
}

/**
 * Options of {@link identify}.
 *
 * @since 0.1.0
 */
export interface IdentifyOptions {
  /**
   * Most adjustment sets, front-door sets and instruments reported (their number can grow
   * exponentially with the graph); `adjustmentSetsComplete` / `frontdoorSetsComplete` say
   * whether a list was cut.
   * @defaultValue 1000
   */
  readonly maxSets?: number;
}
