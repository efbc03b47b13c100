import { InvalidArgumentError } from "../errors.js";
import { runQuery } from "../inference/query.js";
import { createQueryResult, type QueryResult } from "../inference/query-result.js";
import type { StateAssignment } from "../inference/state-assignment.js";
import type { Scm } from "../scm/scm.js";
import { buildWorlds } from "./_internal/build-worlds.js";
import {
  type ResolvedTerm,
  readEvidence,
  readTargets,
  worldsOf,
  worldText,
} from "./_internal/terms.js";
import { FACTUAL, type ResolvedWorld, readCoupling, resolveWorld } from "./_internal/world.js";
import type {
  CounterfactualEvidence,
  CounterfactualIntervention,
  CounterfactualTerm,
} from "./counterfactual-term.js";
import type { Coupling } from "./coupling.js";

/**
 * What {@link counterfactualQuery} computes: the joint distribution of counterfactual
 * variables given evidence, `P(Y_x, Z_w, … | e)`.
 *
 * @since 0.1.0
 */
export interface CounterfactualQueryOptions {
  /**
   * The target(s): a variable name (taken in the world `do`), a {@link CounterfactualTerm}
   * (its own world; factual without `do`), or a non-empty array of them. Distinct.
   */
  readonly targets: string | CounterfactualTerm | readonly (string | CounterfactualTerm)[];
  /**
   * The world of the targets given by name (nested references allowed).
   * @defaultValue the factual world
   */
  readonly do?: CounterfactualIntervention;
  /**
   * Evidence observed in the **factual** world (e.g. the unit's actual treatment and outcome).
   * @defaultValue no evidence
   */
  readonly given?: StateAssignment;
  /**
   * Evidence about counterfactual variables, e.g. `{ variable: "Y", do: { X: "0" }, value:
   * "no" }`.
   * @defaultValue none
   */
  readonly givenCounterfactual?: readonly CounterfactualEvidence[];
  /**
   * How cpt and logistic mechanisms are coupled across worlds; see {@link Coupling}.
   * @defaultValue "inverse-cdf"
   */
  readonly coupling?: Coupling;
  /**
   * The largest table exact inference may build (see {@link QueryOptions.maxFactorSize}).
   * @defaultValue 2²⁵
   */
  readonly maxFactorSize?: number;
}

/**
 * The exact distribution of counterfactual variables of a discrete structural causal model,
 * given evidence: `P(Y_x = y, … | e)` — "what would Y have been, had X been x, for the units
 * in which e was observed" (Pearl 2009, *Causality* §7.1, Theorem 7.1.7: abduction of
 * `P(u | e)`, action, prediction).
 *
 * Method: the parallel-worlds model of {@link parallelWorlds} (the factual world and one copy
 * of the model per world the query mentions, sharing the exogenous variables, with identical
 * copies merged as in Shpitser & Pearl 2007) is itself a discrete model, and the counterfactual
 * probability is an ordinary conditional probability in it (Balke & Pearl 1994):
 * `P(Y_x = y | e) = P(Y^{(x)} = y | e^{(factual)})`, computed exactly by {@link query}. The
 * uniform noise of a cpt or logistic mechanism, shared by its copies, is split at the union of
 * the breakpoints of the copies' inverse CDFs into finitely many cells on which every copy is
 * constant, so the answer is exact, not an approximation; finite (bernoulli, categorical)
 * noise of function and expression mechanisms is enumerated.
 *
 * Coupling: with the default `"inverse-cdf"` coupling, a unit keeps its quantile u of every
 * cpt / logistic row across worlds, which reproduces `sample(..., { includeNoise: true })`
 * rows; `"independent"` makes its responses to different parent configurations independent.
 * They give different answers; see {@link Coupling}.
 *
 * @param model - a discrete structural causal model (see {@link query} for the supported
 *   mechanisms); not modified
 * @param q - targets, their world, evidence, coupling; see {@link CounterfactualQueryOptions}
 * @returns the exact joint distribution of the targets, labelled `Y_{X=x}` (`Y` for a factual
 *   target); its `do` lists the default world, its `given` the evidence (counterfactual
 *   evidence under its label)
 * @throws {@link UnknownNodeError} for an unknown variable
 * @throws {@link InvalidArgumentError} for a continuous variable or a mechanism exact inference
 *   cannot tabulate (argument: the variable), no or repeated targets (argument `"targets"`),
 *   an invalid value, evidence of probability 0 (argument `"given"`), a malformed option, or
 *   `coupling: "independent"` with a uniform that several mechanisms share (argument
 *   `"coupling"`)
 * @throws {@link FactorTooLargeError} if exact inference would exceed `maxFactorSize`, or
 *   (`coupling: "independent"`) an independently coupled copy would need more than 2²⁴ cells
 * @throws {@link InvalidScmError} (reason `"domain"`) if a function or expression mechanism
 *   returns something other than a state index (as in {@link query})
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §7.1 (three steps) and §7.1.2 (twin networks).
 * @see Balke, A. & Pearl, J. (1994). Probabilistic evaluation of counterfactual queries.
 *   *Proc. AAAI 1994*, 230–237.
 * @see Shpitser, I. & Pearl, J. (2007). What counterfactuals can be tested. *Proc. UAI 2007*.
 * @remarks Exact inference on a model with at most (worlds + 1) × n variables, usually far
 *   fewer after merging; exponential only in the induced width. `bench/counterfactuals.ts`:
 *   about 1 ms median for `P(Y_x | e)` on random 20-variable binary models (0.1 ms once the
 *   parallel-worlds model of the intervention is cached).
 * @example
 * ```ts
 * // Probability of necessity: would the patient have recovered without treatment?
 * const r = counterfactualQuery(model, {
 *   targets: "recovered",
 *   do: { treated: "no" },
 *   given: { treated: "yes", recovered: "yes" },
 * });
 * r.marginal("recovered_{treated=no}").get("no"); // PN
 * ```
 * @since 0.1.0
 */
export function counterfactualQuery(model: Scm, q: CounterfactualQueryOptions): QueryResult {
  return runCounterfactualQuery(model, q, "counterfactuals.counterfactualQuery");
}

/**
 * {@link counterfactualQuery} with another `module.function` prefix for error messages.
 *
 * @internal
 */
export function runCounterfactualQuery(
  model: Scm,
  q: CounterfactualQueryOptions,
  where: string,
): QueryResult {
  if (q === null || typeof q !== "object") {
    throw new InvalidArgumentError(`${where}: the query must be an object`, "query");
  }
  const coupling = readCoupling(q.coupling, where);
  // Compiles (and caches) the original model: unsupported models fail here, naming the
  // original variable.
  const first = model.variables[0];
  if (first !== undefined) runQuery(model, { targets: first.name }, where);
  const defaultWorld = resolveWorld(model, q.do, where);
  const targets = readTargets(model, q.targets, defaultWorld, where);
  const evidence = readEvidence(model, q.given, q.givenCounterfactual, where);
  const maxFactorSize = q.maxFactorSize !== undefined ? { maxFactorSize: q.maxFactorSize } : {};

  const nodes: string[] = [];
  const slotOf = (node: string): number => {
    const at = nodes.indexOf(node);
    if (at >= 0) return at;
    nodes.push(node);
    return nodes.length - 1;
  };
  let r: QueryResult;
  // (The independent coupling keeps the general path: it checks its noise requirements there.)
  const world =
    evidence.length === 0 && coupling === "inverse-cdf"
      ? commonInterventionalWorld(targets)
      : undefined;
  let slot: number[];
  if (world !== undefined) {
    // One world, values only, nothing observed: an interventional query on the model itself
    // (the parallel-worlds model marginalises to the intervened model), without building it.
    slot = targets.map((t) => slotOf(t.variable));
    const doEntries: [string, string][] = [];
    for (const [name, a] of world.assignments)
      if (a.kind === "value") doEntries.push([name, a.text]);
    r = runQuery(model, { targets: nodes, do: doEntries, ...maxFactorSize }, where);
  } else {
    const worlds = worldsOf([...targets, ...evidence.map((e) => e.term)]);
    const built = buildWorlds(
      model,
      worlds,
      coupling,
      where,
      // The independent coupling's requirements are checked on the full model, as before.
      coupling === "independent" || worlds.some((w) => w.key === FACTUAL.key),
    );
    slot = targets.map((t) => slotOf(built.node(t.world, t.variable)));
    const observed = new Map<string, number>();
    for (const e of evidence) {
      const node = built.node(e.term.world, e.term.variable);
      const before = observed.get(node);
      if (before !== undefined && before !== e.value) {
        throw new InvalidArgumentError(
          `${where}: the evidence has probability 0: "${e.term.label}" is the same variable as another observed term with a different value`,
          "given",
        );
      }
      observed.set(node, e.value);
    }
    r = runQuery(built.network, { targets: nodes, given: [...observed], ...maxFactorSize }, where);
  }

  const states = targets.map((t) => {
    const d = model.variable(t.variable).domain;
    return d.type === "discrete" ? d.states : [];
  });
  const probabilities = expand(
    r.probabilities,
    slot,
    states.map((s) => s.length),
    nodes.length,
  );
  const given = new Map<string, string>();
  for (const e of evidence) given.set(e.term.label, e.text);
  return createQueryResult(
    targets.map((t) => t.label),
    states,
    probabilities,
    worldText(defaultWorld),
    given,
  );
}

/** The world of every target when they share one world that sets values only (no nesting). */
function commonInterventionalWorld(targets: readonly ResolvedTerm[]): ResolvedWorld | undefined {
  const world = targets[0]?.world;
  if (world === undefined || targets.some((t) => t.world.key !== world.key)) return undefined;
  for (const a of world.assignments.values()) if (a.kind !== "value") return undefined;
  return world;
}

/**
 * The joint of the targets from the joint of their distinct nodes: targets sharing a node have
 * equal values (probability 0 elsewhere). Both row-major, last fastest.
 */
function expand(
  joint: Float64Array,
  slot: readonly number[],
  cards: readonly number[],
  nodeCount: number,
): Float64Array {
  const T = slot.length;
  if (nodeCount === T) return joint;
  const nodeCards = new Array<number>(nodeCount).fill(0);
  slot.forEach((s, i) => {
    nodeCards[s] = cards[i] as number;
  });
  const nodeStride = new Array<number>(nodeCount).fill(1);
  for (let j = nodeCount - 2; j >= 0; j--) {
    nodeStride[j] = (nodeStride[j + 1] as number) * (nodeCards[j + 1] as number);
  }
  let size = 1;
  for (const c of cards) size *= c;
  const out = new Float64Array(size);
  const state = new Array<number>(T).fill(0);
  const nodeState = new Array<number>(nodeCount);
  for (let cell = 0; cell < size; cell++) {
    nodeState.fill(-1);
    let ok = true;
    for (let i = 0; i < T && ok; i++) {
      const s = slot[i] as number;
      const before = nodeState[s] as number;
      if (before >= 0 && before !== state[i]) ok = false;
      nodeState[s] = state[i] as number;
    }
    if (ok) {
      let at = 0;
      for (let j = 0; j < nodeCount; j++)
        at += (nodeState[j] as number) * (nodeStride[j] as number);
      out[cell] = joint[at] as number;
    }
    for (let i = T - 1; i >= 0; i--) {
      const c = (state[i] as number) + 1;
      if (c < (cards[i] as number)) {
        state[i] = c;
        break;
      }
      state[i] = 0;
    }
  }
  return out;
}
