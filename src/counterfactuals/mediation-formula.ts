import { InvalidArgumentError } from "../errors.js";
import { descendants } from "../graph/ancestry.js";
import { dSeparated } from "../graph/d-separation.js";
import { backdoorGraph, doGraph } from "../graph/mutilate.js";
import { forEachConfiguration } from "../inference/_internal/configurations.js";
import { runQuery } from "../inference/query.js";
import type { QueryResult } from "../inference/query-result.js";
import type { Scm } from "../scm/scm.js";
import { buildWorlds } from "./_internal/build-worlds.js";
import { isZeroEvidence } from "./_internal/evaluate.js";
import { outcomeScale, treatmentValues } from "./_internal/states.js";
import { FACTUAL, requireVariable, resolveWorld } from "./_internal/world.js";
import type { EffectStates } from "./counterfactual-quantity.js";
import { readMediators } from "./natural-effects.js";

/**
 * Options of {@link mediationFormula}.
 *
 * @since 0.1.0
 */
export interface MediationFormulaOptions {
  /**
   * Pre-treatment covariates W (non-descendants of X and of the mediators) to adjust for.
   * @defaultValue none
   */
  readonly covariates?: readonly string[];
  /**
   * The treatment state x of X.
   * @defaultValue for a binary X its positive state (`yes`/`true`/`1`/… when the other state
   *   reads as `no`/`false`/`0`/…, else `states[1]`); required otherwise
   */
  readonly treatment?: string | number;
  /**
   * The control state x' of X.
   * @defaultValue for a binary X the state that is not its positive state (the default
   *   treatment); required otherwise
   */
  readonly control?: string | number;
  /**
   * The outcome event y (effects on `P(Y = y)`).
   * @defaultValue for a binary Y its positive state; none otherwise (the expected state index)
   */
  readonly outcomeState?: string | number;
  /**
   * Size limit of exact inference (see {@link QueryOptions.maxFactorSize}).
   * @defaultValue 2²⁵
   */
  readonly maxFactorSize?: number;
}

/**
 * Natural effects computed by the mediation formula; see {@link mediationFormula}.
 *
 * @since 0.1.0
 */
export interface MediationFormulaResult extends EffectStates {
  /** `NDE = Σ_w P(w) Σ_m [E(Y | x, m, w) − E(Y | x', m, w)] P(m | x', w)`. */
  readonly nde: number;
  /** `NIE = Σ_w P(w) Σ_m E(Y | x', m, w) [P(m | x, w) − P(m | x', w)]`. */
  readonly nie: number;
  /** `TE = Σ_w P(w) Σ_m [E(Y | x, m, w) P(m | x, w) − E(Y | x', m, w) P(m | x', w)]`. */
  readonly te: number;
  /** The mediators M. */
  readonly mediators: readonly string[];
  /** The covariates W. */
  readonly covariates: readonly string[];
}

/**
 * The natural direct and indirect effects by Pearl's **mediation formula** (Pearl 2001,
 * eqs. (25)–(28); Pearl 2012/2014): estimands in observational probabilities only,
 *
 * - `NDE = Σ_w P(w) Σ_m [E(Y | x, m, w) − E(Y | x', m, w)] P(m | x', w)`,
 * - `NIE = Σ_w P(w) Σ_m E(Y | x', m, w) [P(m | x, w) − P(m | x', w)]`,
 *
 * each probability computed exactly from the model's observational distribution with
 * {@link query}. They equal the counterfactual definitions of {@link naturalEffects} when the
 * graph licenses it, which is checked first (sufficient conditions, Pearl 2001 Theorem 2
 * with W a set of covariates):
 *
 * 1. no covariate is a descendant of X or of a mediator;
 * 2. `(M ⊥ X | W)` in `G_{\underline X}`: `P(m | do(x), w) = P(m | x, w)`;
 * 3. `(Y ⊥ M | X, W)` in `G_{\overline X \underline M}` and `(Y ⊥ X | M, W)` in
 *    `G_{\underline X}`: `P(y | do(x, m), w) = P(y | x, m, w)` (do-calculus rule 2 twice);
 * 4. the cross-world independence `Y_{x, m} ⊥ M_{x'} | W`, tested by m-separation in the
 *    twin network of do(x, m) and do(x') (Balke & Pearl 1994; Shpitser & Pearl 2007) — this
 *    fails, for example, when a confounder of M and Y is itself affected by X.
 *
 * Here X, M and Y are discrete; the model's exogenous variables shared by several mechanisms
 * count as latent confounders.
 *
 * @param model - a discrete structural causal model
 * @param X - the treatment
 * @param M - the mediator(s)
 * @param Y - the outcome
 * @param options - covariates, states, size limit; see {@link MediationFormulaOptions}
 * @returns NDE, NIE and TE from the formula
 * @throws {@link UnknownNodeError} for an unknown variable
 * @throws {@link InvalidArgumentError} if the variables overlap or a state is missing or
 *   invalid; if the graph does not license the formula (argument `"mediator"`, the message
 *   names the failed condition); if a conditional it needs is undefined because its condition
 *   has probability 0 (argument `"positivity"`); for a model exact inference cannot handle
 * @throws {@link FactorTooLargeError} if exact inference would exceed `maxFactorSize`
 * @throws {@link InvalidScmError} (reason `"domain"`) if a function or expression mechanism
 *   returns something other than a state index (as in {@link query})
 * @see Pearl, J. (2001). Direct and indirect effects. *Proc. UAI 2001*, 411–420.
 * @see Pearl, J. (2014). Interpretation and identification of causal mediation.
 *   *Psychological Methods* 19(4), 459–481.
 * @remarks O(|W| · |M|) exact queries over the joint states of the covariates and mediators.
 * @example
 * ```ts
 * const f = mediationFormula(model, "treatment", "adherence", "recovery", { covariates: ["age"] });
 * f.nde; f.nie;
 * ```
 * @since 0.1.0
 */
export function mediationFormula(
  model: Scm,
  X: string,
  M: string | readonly string[],
  Y: string,
  options: MediationFormulaOptions = {},
): MediationFormulaResult {
  const where = "counterfactuals.mediationFormula";
  requireVariable(model, X, where);
  requireVariable(model, Y, where);
  if (X === Y) {
    throw new InvalidArgumentError(
      `${where}: the outcome must differ from the treatment`,
      "outcome",
    );
  }
  const mediators = readMediators(model, M, X, Y, where);
  const covariates = [...(options.covariates ?? [])];
  for (const w of covariates) {
    requireVariable(model, w, where);
    if (
      w === X ||
      w === Y ||
      mediators.includes(w) ||
      covariates.indexOf(w) !== covariates.lastIndexOf(w)
    ) {
      throw new InvalidArgumentError(
        `${where}: covariate "${w}" is the treatment, the outcome, a mediator or listed twice`,
        "covariates",
      );
    }
  }
  for (const v of [X, Y, ...mediators, ...covariates]) {
    if (model.variable(v).domain.type !== "discrete") {
      throw new InvalidArgumentError(
        `${where}: "${v}" is continuous; the mediation formula here needs discrete variables`,
        v,
      );
    }
  }
  const x = treatmentValues(model, X, options.treatment, options.control, where);
  const y = outcomeScale(model, Y, options.outcomeState, where);
  checkLicence(model, X, mediators, Y, covariates, x.treated, x.control, where);

  const limit = options.maxFactorSize !== undefined ? { maxFactorSize: options.maxFactorSize } : {};
  const ask = (targets: string[], given: [string, number][]): QueryResult => {
    try {
      return runQuery(model, { targets, given, ...limit }, where);
    } catch (e) {
      if (isZeroEvidence(e)) {
        throw new InvalidArgumentError(
          `${where}: positivity fails: P(${given.map(([k, v]) => `${k}=${v}`).join(", ")}) = 0, so a conditional the formula needs is undefined`,
          "positivity",
        );
      }
      throw e;
    }
  };
  const expectation = (r: QueryResult): number => {
    let e = 0;
    r.probabilities.forEach((p, k) => {
      e += p * y.h(k);
    });
    return e;
  };
  const wJoint = covariates.length > 0 ? ask(covariates, []).probabilities : Float64Array.of(1);
  const wCards = covariates.map((w) => stateCount(model, w));
  const mCards = mediators.map((m) => stateCount(model, m));
  let nde = 0;
  let nie = 0;
  let te = 0;
  forEachConfiguration(wCards, (wConfig, wi) => {
    const pw = wJoint[wi] as number;
    if (pw === 0) return;
    const wGiven: [string, number][] = covariates.map((w, i) => [w, wConfig[i] as number]);
    const pm1 = ask(mediators, [[X, x.treated], ...wGiven]).probabilities;
    const pm0 = ask(mediators, [[X, x.control], ...wGiven]).probabilities;
    forEachConfiguration(mCards, (mConfig, mi) => {
      const a = pm1[mi] as number;
      const b = pm0[mi] as number;
      if (a === 0 && b === 0) return;
      const mGiven: [string, number][] = mediators.map((m, i) => [m, mConfig[i] as number]);
      const e0 = expectation(ask([Y], [[X, x.control], ...mGiven, ...wGiven]));
      const e1 = b > 0 || a > 0 ? expectation(ask([Y], [[X, x.treated], ...mGiven, ...wGiven])) : 0;
      nde += pw * (e1 - e0) * b;
      nie += pw * e0 * (a - b);
      te += pw * (e1 * a - e0 * b);
    });
  });
  return {
    nde,
    nie,
    te,
    mediators,
    covariates,
    treatmentState: x.treatedText,
    controlState: x.controlText,
    ...(y.text !== undefined ? { outcomeState: y.text } : {}),
  };
}

function stateCount(model: Scm, v: string): number {
  const d = model.variable(v).domain;
  return d.type === "discrete" ? d.states.length : 0;
}

/** Throws unless the sufficient graphical conditions of the mediation formula hold. */
function checkLicence(
  model: Scm,
  X: string,
  M: readonly string[],
  Y: string,
  W: readonly string[],
  treated: number,
  control: number,
  where: string,
): void {
  const fail = (why: string): never => {
    throw new InvalidArgumentError(
      `${where}: the graph does not license the mediation formula: ${why}`,
      "mediator",
    );
  };
  const g = model.graph;
  const after = descendants(g, [X, ...M]);
  for (const w of W)
    if (after.has(w)) fail(`covariate "${w}" is a descendant of the treatment or a mediator`);
  const gX = backdoorGraph(g, [X]);
  if (!dSeparated(gX, [X], M, W)) fail("W does not block the back-door paths from X to M");
  if (!dSeparated(backdoorGraph(doGraph(g, [X]), M), M, [Y], [X, ...W])) {
    fail("{X} ∪ W does not block the back-door paths from M to Y");
  }
  if (!dSeparated(gX, [X], [Y], [...M, ...W])) {
    fail("M ∪ W does not block the back-door paths from X to Y");
  }
  // Cross-world independence Y_{x,m} ⊥ M_{x'} | W in the twin network.
  const held: [string, number][] = M.map((m) => [m, 0]);
  const a = resolveWorld(model, [[X, treated], ...held], where);
  const other = treated === control ? (control + 1) % Math.max(1, stateCount(model, X)) : control;
  const b = resolveWorld(model, [[X, other]], where);
  const twin = buildWorlds(model, [a, b], "inverse-cdf", where);
  const yA = twin.node(a, Y);
  const mB = [...new Set(M.map((m) => twin.node(b, m)))];
  const wF = W.map((w) => twin.node(FACTUAL, w));
  if (!dSeparated(twin.scm.graph, [yA], mB, wF)) {
    fail(
      "Y_{x,m} and M_{x'} are dependent given W (a mediator–outcome confounder affected by X, or shared noise)",
    );
  }
}
