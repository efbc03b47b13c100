import { InvalidArgumentError } from "../errors.js";
import type { Scm } from "../scm/scm.js";
import { quantity, setupEffect } from "./_internal/effect-setup.js";
import { evaluate, methodFor } from "./_internal/evaluate.js";
import { requireVariable } from "./_internal/world.js";
import type {
  CounterfactualEffectOptions,
  CounterfactualQuantity,
  EffectStates,
} from "./counterfactual-quantity.js";
import type { CounterfactualValue } from "./counterfactual-term.js";

/**
 * Natural direct and indirect effects and the total effect; see {@link naturalEffects}.
 *
 * @since 0.1.0
 */
export interface NaturalEffects extends EffectStates {
  /** Natural direct effect `E[Y_{x, M_{x'}}] − E[Y_{x'}]`. */
  readonly nde: CounterfactualQuantity;
  /** Natural indirect effect `E[Y_{x', M_x}] − E[Y_{x'}]`. */
  readonly nie: CounterfactualQuantity;
  /** Total effect `E[Y_x] − E[Y_{x'}]`. */
  readonly te: CounterfactualQuantity;
  /** The mediators M. */
  readonly mediators: readonly string[];
}

/**
 * Natural direct and indirect effects of X on Y through the mediators M (Pearl 2001; Robins &
 * Greenland 1992 "pure" effects), from their counterfactual definitions:
 *
 * - `NDE = E[Y_{x, M_{x'}}] − E[Y_{x'}]`: the change in Y when X goes from x' to x while every
 *   mediator keeps the value it would naturally have under x' (a nested counterfactual);
 * - `NIE = E[Y_{x', M_x}] − E[Y_{x'}]`: the change in Y when X stays at x' but the mediators
 *   take the values they would have under x;
 * - `TE = E[Y_x] − E[Y_{x'}]`, the total (average) effect.
 *
 * In general `TE = NDE(x, x') − NIE(x', x)` (Pearl 2001, Theorem 5); in linear models
 * `TE = NDE + NIE`. With an outcome event y (default: the positive state of a binary Y) the
 * expectations are probabilities `P(… = y)`.
 *
 * Exact for discrete models (nested counterfactuals in the parallel-worlds model, see
 * {@link counterfactualQuery}) and linear-Gaussian models, importance sampling otherwise. The
 * natural effects are cross-world quantities: they depend on the {@link Coupling} when a
 * variable reaches `Y_{x, M_{x'}}` from both worlds, e.g. a mediator–outcome confounder that X
 * affects (X → L → M, L → Y: L_x and L_{x'} are both involved) — exactly the case where they
 * are not identifiable from data. Compare with {@link mediationFormula}, which computes them
 * from observational quantities when the graph licenses it.
 *
 * @param model - the structural causal model
 * @param X - the treatment
 * @param M - the mediator(s): one name or several (distinct, none equal to X or Y)
 * @param Y - the outcome
 * @param options - treatment and control values, outcome event, coupling, Monte Carlo
 *   settings; see {@link CounterfactualEffectOptions}
 * @returns NDE, NIE and TE with the states they refer to
 * @throws {@link UnknownNodeError} for an unknown variable
 * @throws {@link InvalidArgumentError} if X, M and Y overlap (argument `"mediator"` or
 *   `"outcome"`), for a missing or invalid treatment value, or as
 *   {@link counterfactualQuery} / {@link counterfactualEstimate}
 * @throws {@link FactorTooLargeError} if exact inference would exceed `maxFactorSize`, or
 *   (`coupling: "independent"`) an independently coupled copy would need more than 2²⁴ cells
 * @throws {@link InvalidScmError} (reason `"domain"`, or as {@link sample} on the Monte Carlo
 *   path) if a function or expression mechanism returns an invalid value
 * @see Pearl, J. (2001). Direct and indirect effects. *Proc. UAI 2001*, 411–420.
 * @see Robins, J. M. & Greenland, S. (1992). Identifiability and exchangeability for direct
 *   and indirect effects. *Epidemiology* 3(2), 143–155.
 * @remarks Exact models: four expectations, `E[Y_{x'}]` and `E[Y_x]` (interventional queries)
 *   and the two nested ones (two worlds each). Otherwise three evaluations of a difference of
 *   two terms, so that Monte Carlo estimates share their samples.
 * @example
 * ```ts
 * const e = naturalEffects(model, "treatment", "adherence", "recovery");
 * e.nde.value; e.nie.value; e.te.value;
 * ```
 * @since 0.1.0
 */
export function naturalEffects(
  model: Scm,
  X: string,
  M: string | readonly string[],
  Y: string,
  options: CounterfactualEffectOptions = {},
): NaturalEffects {
  const where = "counterfactuals.naturalEffects";
  const { x, y, states, evaluation } = setupEffect(model, X, Y, options, where);
  const mediators = readMediators(model, M, X, Y, where);
  const nested = (outer: number, inner: number): [string, CounterfactualValue][] => [
    [X, outer],
    ...mediators.map((m): [string, CounterfactualValue] => [m, { world: [[X, inner]] }]),
  ];
  const terms = {
    nde: nested(x.treated, x.control),
    nie: nested(x.control, x.treated),
    te: [[X, x.treated]] as [string, CounterfactualValue][],
  };
  if (methodFor(model, where) === "exact") {
    // Exact and linear in the terms' expectations: four single-term queries (Y_{x'} is shared)
    // instead of three two-term joints, whose parallel-worlds models are larger.
    const mean = (a: [string, CounterfactualValue][]): number =>
      evaluate(
        model,
        { terms: [{ variable: Y, do: a }], fn: (v) => y.h(v[0] as number) },
        evaluation,
        where,
      ).value;
    const base = mean([[X, x.control]]);
    const exact = (value: number): CounterfactualQuantity => ({
      value,
      exact: true,
      method: "exact",
    });
    return {
      nde: exact(mean(terms.nde) - base),
      nie: exact(mean(terms.nie) - base),
      te: exact(mean(terms.te) - base),
      mediators,
      ...states,
    };
  }
  const diff = (a: [string, CounterfactualValue][]): CounterfactualQuantity =>
    quantity(
      evaluate(
        model,
        {
          terms: [
            { variable: Y, do: a },
            { variable: Y, do: [[X, x.control]] },
          ],
          fn: (v) => y.h(v[0] as number) - y.h(v[1] as number),
          ...(y.state < 0 ? { linear: [1, -1] } : {}),
        },
        evaluation,
        where,
      ),
    );
  return {
    nde: diff(terms.nde),
    nie: diff(terms.nie),
    te: diff(terms.te),
    mediators,
    ...states,
  };
}

/** The mediator list: distinct variables, none equal to X or Y. */
export function readMediators(
  model: Scm,
  M: unknown,
  X: string,
  Y: string,
  where: string,
): string[] {
  const list = typeof M === "string" ? [M] : Array.isArray(M) ? [...M] : [];
  if (list.length === 0) {
    throw new InvalidArgumentError(`${where}: give at least one mediator`, "mediator");
  }
  const seen = new Set<string>();
  for (const m of list) {
    if (typeof m !== "string") {
      throw new InvalidArgumentError(`${where}: mediator names must be strings`, "mediator");
    }
    requireVariable(model, m, where);
    if (m === X || m === Y || seen.has(m)) {
      throw new InvalidArgumentError(
        `${where}: mediator "${m}" ${seen.has(m) ? "is listed twice" : "is the treatment or the outcome"}`,
        "mediator",
      );
    }
    seen.add(m);
  }
  return list as string[];
}
