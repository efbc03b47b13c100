import { InvalidArgumentError } from "../../errors.js";
import {
  ate,
  gaussianDistribution,
  isLinearGaussian,
  monteCarloExpectation,
} from "../../inference/index.js";
import { toPairs } from "../assignments.js";
import type { LoadedModel } from "../load-model.js";
import { isDiscrete, requireModel } from "./query.js";

/** Options of `causalkit effect`. */
export interface EffectCommandOptions {
  readonly treatment?: string;
  readonly outcome?: string;
  readonly treated?: string | number;
  readonly control?: string | number;
  readonly given?: unknown;
  readonly seed?: string | number;
  readonly samples?: string | number;
}

/**
 * `causalkit effect MODEL --treatment X --outcome Y [--treated x1 --control x0]` →
 * `{"ate": number, ...}`: E[Y | do(X = x1)] − E[Y | do(X = x0)] (for a discrete Y, the expected
 * state index; for a binary Y that is the risk difference P(Y = states[1])). Exact for discrete
 * and linear-Gaussian models, a Monte Carlo estimate (with its standard error) otherwise.
 */
export function runEffect(loaded: LoadedModel, options: EffectCommandOptions): object {
  const model = requireModel(loaded, "effect");
  const X = options.treatment;
  const Y = options.outcome;
  if (!X) throw new InvalidArgumentError("cli.effect: --treatment is required", "--treatment");
  if (!Y) throw new InvalidArgumentError("cli.effect: --outcome is required", "--outcome");
  if (isDiscrete(model)) {
    const r = ate(model, X, Y, {
      ...(options.treated !== undefined ? { treatment: options.treated } : {}),
      ...(options.control !== undefined ? { control: options.control } : {}),
      given: toPairs(options.given, "--given"),
    });
    return {
      ate: r.ate,
      ...(r.riskDifference !== undefined ? { riskDifference: r.riskDifference } : {}),
      ...(r.riskRatio !== undefined ? { riskRatio: r.riskRatio } : {}),
      treatment: X,
      outcome: Y,
      treated: r.treatmentState,
      control: r.controlState,
      treatedDistribution: r.treated.toJSON(),
      controlDistribution: r.control.toJSON(),
      exact: true,
    };
  }
  if (toPairs(options.given, "--given").length > 0) {
    throw new InvalidArgumentError("cli.effect: --given needs a discrete model", "--given");
  }
  const x1 = numeric(options.treated ?? 1, "--treated");
  const x0 = numeric(options.control ?? 0, "--control");
  if (isLinearGaussian(model)) {
    const mean = (x: number): number =>
      gaussianDistribution(model, { do: { [X]: x } }).marginal(Y).mean;
    return {
      ate: mean(x1) - mean(x0),
      treatment: X,
      outcome: Y,
      treated: x1,
      control: x0,
      exact: true,
      method: "linear-gaussian",
    };
  }
  const n = Number(options.samples ?? 100_000);
  const seed = String(options.seed ?? 0);
  const e1 = monteCarloExpectation(model, { target: Y, do: [[X, x1]], n, seed: `${seed}:treated` });
  const e0 = monteCarloExpectation(model, { target: Y, do: [[X, x0]], n, seed: `${seed}:control` });
  return {
    ate: e1.estimate - e0.estimate,
    standardError: Math.hypot(e1.standardError, e0.standardError),
    n,
    treatment: X,
    outcome: Y,
    treated: x1,
    control: x0,
    exact: false,
    method: "monte-carlo",
  };
}

function numeric(value: string | number, option: string): number {
  const x = Number(value);
  if (!Number.isFinite(x))
    throw new InvalidArgumentError(`cli.effect: ${option} must be a number`, option);
  return x;
}
