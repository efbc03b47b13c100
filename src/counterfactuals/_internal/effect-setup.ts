// Argument checks and value resolution shared by the named counterfactual effects.
import { InvalidArgumentError } from "../../errors.js";
import type { Scm } from "../../scm/scm.js";
import type {
  CounterfactualEffectOptions,
  CounterfactualQuantity,
  EffectStates,
} from "../counterfactual-quantity.js";
import type { Evaluation, EvaluationOptions } from "./evaluate.js";
import {
  type OutcomeScale,
  outcomeScale,
  type TreatmentValues,
  treatmentValues,
} from "./states.js";
import { requireVariable } from "./world.js";

/** Resolved treatment and outcome of an effect. */
export interface EffectSetup {
  readonly x: TreatmentValues;
  readonly y: OutcomeScale;
  readonly states: EffectStates;
  readonly evaluation: EvaluationOptions;
}

/** Checks X, Y (distinct variables) and resolves the treatment and outcome values. */
export function setupEffect(
  model: Scm,
  X: string,
  Y: string,
  options: CounterfactualEffectOptions,
  where: string,
): EffectSetup {
  if (options === null || typeof options !== "object") {
    throw new InvalidArgumentError(`${where}: options must be an object`, "options");
  }
  requireVariable(model, X, where);
  requireVariable(model, Y, where);
  if (X === Y) {
    throw new InvalidArgumentError(
      `${where}: the outcome must differ from the treatment "${X}"`,
      "outcome",
    );
  }
  const x = treatmentValues(model, X, options.treatment, options.control, where);
  const y = outcomeScale(model, Y, options.outcomeState, where);
  return {
    x,
    y,
    states: {
      treatmentState: x.treatedText,
      controlState: x.controlText,
      ...(y.text !== undefined ? { outcomeState: y.text } : {}),
    },
    evaluation: {
      coupling: options.coupling,
      samples: options.samples,
      seed: options.seed,
      maxFactorSize: options.maxFactorSize,
    },
  };
}

/** The public form of an evaluation. */
export function quantity(e: Evaluation): CounterfactualQuantity {
  return {
    value: e.value,
    exact: e.exact,
    method: e.method,
    ...(e.standardError !== undefined ? { standardError: e.standardError } : {}),
    ...(e.effectiveSampleSize !== undefined ? { effectiveSampleSize: e.effectiveSampleSize } : {}),
  };
}
