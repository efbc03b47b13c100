import type { Scm } from "../scm/scm.js";
import { quantity, setupEffect } from "./_internal/effect-setup.js";
import { evaluate } from "./_internal/evaluate.js";
import type {
  CounterfactualEffectOptions,
  CounterfactualQuantity,
  EffectStates,
} from "./counterfactual-quantity.js";

/**
 * The effect of treatment on the treated, with the states it refers to.
 *
 * @since 0.1.0
 */
export interface TreatmentOnTreatedResult extends CounterfactualQuantity, EffectStates {}

/**
 * The effect of treatment on the treated (ETT; Pearl 2009, *Causality* §8.2.5 and §11.9.1;
 * Heckman 1992): `ETT = E[Y_x − Y_{x'} | X = x]`, the average effect of the treatment on those
 * who actually received it — a counterfactual quantity (rung 3), since for them Y_{x'} is never
 * observed. With an outcome event y (default: the positive state of a binary Y) it is
 * `P(Y_x = y | X = x) − P(Y_{x'} = y | X = x)`.
 *
 * Computed from the model with the evidence X = x in the factual world: exactly for discrete
 * models ({@link counterfactualQuery}) and linear-Gaussian models
 * ({@link counterfactualGaussian}), by importance sampling otherwise
 * ({@link counterfactualEstimate}). ETT does not depend on the coupling (it involves one
 * counterfactual world at a time).
 *
 * @param model - the structural causal model
 * @param X - the treatment variable
 * @param Y - the outcome variable (≠ X)
 * @param options - treatment and control values, outcome event, Monte Carlo settings; see
 *   {@link CounterfactualEffectOptions}
 * @returns the ETT and the states it refers to
 * @throws {@link UnknownNodeError} if X or Y is not a variable
 * @throws {@link InvalidArgumentError} if X = Y (argument `"outcome"`), a value is missing for
 *   a non-binary X (argument `"treatment"` / `"control"`) or invalid, or X = x has probability
 *   0 (argument `"given"`)
 * @throws {@link FactorTooLargeError} if exact inference would exceed `maxFactorSize`, or
 *   (`coupling: "independent"`) an independently coupled copy would need more than 2²⁴ cells
 * @throws {@link InvalidScmError} (reason `"domain"`, or as {@link sample} on the Monte Carlo
 *   path) if a function or expression mechanism returns an invalid value
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §8.2.5 and §11.9.1 (effect of treatment on the
 *   treated).
 * @see Shpitser, I. & Pearl, J. (2009). Effects of treatment on the treated: identification
 *   and generalization. *Proc. UAI 2009*.
 * @remarks One counterfactual query with two worlds.
 * @example
 * ```ts
 * effectOfTreatmentOnTreated(model, "treated", "recovered").value;
 * ```
 * @since 0.1.0
 */
export function effectOfTreatmentOnTreated(
  model: Scm,
  X: string,
  Y: string,
  options: CounterfactualEffectOptions = {},
): TreatmentOnTreatedResult {
  const where = "counterfactuals.effectOfTreatmentOnTreated";
  const { x, y, states, evaluation } = setupEffect(model, X, Y, options, where);
  const e = evaluate(
    model,
    {
      terms: [
        { variable: Y, do: [[X, x.treated]] },
        { variable: Y, do: [[X, x.control]] },
      ],
      given: [[X, x.treated]],
      fn: (v) => y.h(v[0] as number) - y.h(v[1] as number),
      ...(y.state < 0 ? { linear: [1, -1] } : {}),
    },
    evaluation,
    where,
  );
  return { ...quantity(e), ...states };
}
