import { toEntries } from "../interventions/_internal/entries.js";
import type { Scm } from "../scm/scm.js";
import { quantity, setupEffect } from "./_internal/effect-setup.js";
import { evaluate } from "./_internal/evaluate.js";

import type {
  CounterfactualEffectOptions,
  CounterfactualQuantity,
  EffectStates,
} from "./counterfactual-quantity.js";
import type { CounterfactualValue } from "./counterfactual-term.js";
import { readMediators } from "./natural-effects.js";

/**
 * A controlled direct effect, with the states it refers to.
 *
 * @since 0.1.0
 */
export interface ControlledDirectEffect extends CounterfactualQuantity, EffectStates {}

/**
 * The controlled direct effect of X on Y with the mediators held at fixed values m
 * (Pearl 2001, Definition 1; Robins & Greenland 1992): `CDE(m) = E[Y_{x, m}] − E[Y_{x', m}]`,
 * an interventional (rung 2) contrast: do(X = x, M = m) against do(X = x', M = m). With an
 * outcome event y it is a risk difference. Exact for discrete and linear-Gaussian models, a
 * Monte Carlo estimate otherwise.
 *
 * @param model - the structural causal model
 * @param X - the treatment
 * @param Y - the outcome
 * @param mediators - the mediators and the values they are held at, e.g. `{ M: "low" }`
 * @param options - treatment and control values, outcome event, Monte Carlo settings; see
 *   {@link CounterfactualEffectOptions}
 * @returns CDE(m) and the states it refers to
 * @throws {@link UnknownNodeError} for an unknown variable
 * @throws {@link InvalidArgumentError} if X, the mediators and Y overlap, a value is invalid or
 *   missing, or as {@link counterfactualQuery}
 * @throws {@link FactorTooLargeError} if exact inference would exceed `maxFactorSize`, or
 *   (`coupling: "independent"`) an independently coupled copy would need more than 2²⁴ cells
 * @throws {@link InvalidScmError} (reason `"domain"`, or as {@link sample} on the Monte Carlo
 *   path) if a function or expression mechanism returns an invalid value
 * @see Pearl, J. (2001). Direct and indirect effects. *Proc. UAI 2001*, 411–420.
 * @remarks Two interventional worlds.
 * @example
 * ```ts
 * controlledDirectEffect(model, "treatment", "recovery", { adherence: "high" }).value;
 * ```
 * @since 0.1.0
 */
export function controlledDirectEffect(
  model: Scm,
  X: string,
  Y: string,
  mediators:
    | Readonly<Record<string, string | number>>
    | ReadonlyMap<string, string | number>
    | Iterable<readonly [string, string | number]>,
  options: CounterfactualEffectOptions = {},
): ControlledDirectEffect {
  const where = "counterfactuals.controlledDirectEffect";
  const { x, y, states, evaluation } = setupEffect(model, X, Y, options, where);
  const entries = toEntries(mediators, where, "mediators");
  readMediators(
    model,
    entries.map(([m]) => m),
    X,
    Y,
    where,
  );
  const held = entries as [string, CounterfactualValue][];
  const e = evaluate(
    model,
    {
      terms: [
        { variable: Y, do: [[X, x.treated], ...held] },
        { variable: Y, do: [[X, x.control], ...held] },
      ],
      fn: (v) => y.h(v[0] as number) - y.h(v[1] as number),
      ...(y.state < 0 ? { linear: [1, -1] } : {}),
    },
    evaluation,
    where,
  );
  return { ...quantity(e), ...states };
}
