import { InvalidArgumentError } from "../errors.js";
import type { Scm } from "../scm/scm.js";
import { quantity, setupEffect } from "./_internal/effect-setup.js";
import { evaluate, isZeroEvidence } from "./_internal/evaluate.js";
import type {
  CounterfactualEffectOptions,
  CounterfactualQuantity,
  EffectStates,
} from "./counterfactual-quantity.js";

/**
 * The three probabilities of causation of a model; see {@link probabilitiesOfCausation}.
 *
 * @since 0.1.0
 */
export interface ProbabilitiesOfCausation extends EffectStates {
  /** Probability of necessity and sufficiency `P(y_x, y'_{x'})`. */
  readonly pns: CounterfactualQuantity;
  /**
   * Probability of necessity `P(y'_{x'} | x, y)`; `null` when `P(x, y) = 0` (or, for a Monte
   * Carlo estimate, when no sampled unit had X = x and Y = y).
   */
  readonly pn: CounterfactualQuantity | null;
  /**
   * Probability of sufficiency `P(y_x | x', y')`; `null` when `P(x', y') = 0` (or no sampled
   * unit had X = x' and Y = y').
   */
  readonly ps: CounterfactualQuantity | null;
}

/**
 * The probabilities of causation of a binary event Y = y by the treatment X = x (against
 * x'), computed exactly from the model (Pearl 1999; Pearl 2009, *Causality* §9.2, Definitions
 * 9.2.1–9.2.3; Tian & Pearl 2000), with y the event state (`options.outcomeState`, by default
 * Y's positive state: `yes`/`true`/`1`/… when the other state reads as `no`/`false`/`0`/…, else
 * `states[1]`), y' the other state of Y, and x, x' the treatment and control values (for a
 * binary X by default its positive state and the other one):
 *
 * - probability of necessity `PN = P(Y_{x'} = y' | X = x, Y = y)`: among the units that were
 *   treated and had the event, the share that would not have had it without the treatment
 *   ("but-for" causation, the legal question);
 * - probability of sufficiency `PS = P(Y_x = y | X = x', Y = y')`: among the untreated units
 *   without the event, the share the treatment would have given it;
 * - probability of necessity and sufficiency `PNS = P(Y_x = y, Y_{x'} = y')`.
 *
 * They are rung-3 quantities: observational and experimental data only bound them (see
 * {@link causationBounds}), and for cpt / logistic mechanisms they depend on the
 * {@link Coupling}. For example, when Y is a cpt (or logistic) child of an exogenous X alone and
 * `P(y | x) ≥ P(y | x')`, the default inverse-CDF coupling makes Y respond monotonically (no
 * unit is harmed by the treatment) and the results are Tian & Pearl's identified values
 * `PNS = P(y|x) − P(y|x')`, `PN = PNS / P(y|x)`, `PS = PNS / P(y'|x')`; the independent coupling
 * gives `PNS = P(y|x)·P(y'|x')`, `PN = P(y'|x')`, `PS = P(y|x)` instead.
 *
 * Exact for discrete models (parallel worlds, {@link counterfactualQuery}); importance sampling
 * for models with continuous variables other than X and Y.
 *
 * @param model - the structural causal model
 * @param X - the treatment
 * @param Y - the outcome, a discrete variable with exactly two states
 * @param options - treatment and control values, the event state y, coupling, Monte Carlo
 *   settings; see {@link CounterfactualEffectOptions}
 * @returns PN, PS and PNS with the states they refer to
 * @throws {@link UnknownNodeError} for an unknown variable
 * @throws {@link InvalidArgumentError} if Y is not binary (argument: Y), X = Y, a treatment
 *   value is missing or invalid, or as {@link counterfactualQuery}
 * @throws {@link FactorTooLargeError} if exact inference would exceed `maxFactorSize`, or
 *   (`coupling: "independent"`) an independently coupled copy would need more than 2²⁴ cells
 * @throws {@link InvalidScmError} (reason `"domain"`, or as {@link sample} on the Monte Carlo
 *   path) if a function or expression mechanism returns an invalid value
 * @see Pearl, J. (1999). Probabilities of causation: three counterfactual interpretations and
 *   their identification. *Synthese* 121, 93–149.
 * @see Tian, J. & Pearl, J. (2000). Probabilities of causation: bounds and identification.
 *   *Annals of Mathematics and Artificial Intelligence* 28, 287–313.
 * @remarks Three counterfactual queries on two worlds.
 * @example
 * ```ts
 * const { pn, ps, pns } = probabilitiesOfCausation(model, "exposed", "disease");
 * pn?.value; // the probability that exposure was a necessary cause of the disease
 * ```
 * @since 0.1.0
 */
export function probabilitiesOfCausation(
  model: Scm,
  X: string,
  Y: string,
  options: CounterfactualEffectOptions = {},
): ProbabilitiesOfCausation {
  const where = "counterfactuals.probabilitiesOfCausation";
  const { x, y, states, evaluation } = setupEffect(model, X, Y, options, where);
  const d = model.variable(Y).domain;
  if (d.type !== "discrete" || d.states.length !== 2 || y.state < 0) {
    throw new InvalidArgumentError(
      `${where}: the outcome "${Y}" must be a discrete variable with exactly two states`,
      Y,
    );
  }
  const yes = y.state;
  const no = 1 - yes;
  const treated = { variable: Y, do: [[X, x.treated]] as [string, number][] };
  const control = { variable: Y, do: [[X, x.control]] as [string, number][] };
  const pns = quantity(
    evaluate(
      model,
      { terms: [treated, control], fn: (v) => (v[0] === yes && v[1] === no ? 1 : 0) },
      evaluation,
      where,
    ),
  );
  const conditional = (
    term: typeof treated,
    given: [string, number][],
    event: number,
  ): CounterfactualQuantity | null => {
    try {
      return quantity(
        evaluate(
          model,
          { terms: [term], given, fn: (v) => (v[0] === event ? 1 : 0) },
          evaluation,
          where,
        ),
      );
    } catch (e) {
      if (isZeroEvidence(e)) return null;
      throw e;
    }
  };
  return {
    pns,
    pn: conditional(
      control,
      [
        [X, x.treated],
        [Y, yes],
      ],
      no,
    ),
    ps: conditional(
      treated,
      [
        [X, x.control],
        [Y, no],
      ],
      yes,
    ),
    ...states,
  };
}
