import { InvalidArgumentError } from "../../errors.js";
import {
  ate,
  gaussianDistribution,
  isLinearGaussian,
  monteCarloExpectation,
} from "../../inference/index.js";
import { toPairs } from "../assignments.js";
import type { LoadedModel } from "../load-model.js";
import { runEffectKind } from "./counterfactual.js";
import { isDiscrete, optionalCount, requireModel } from "./query.js";

/** Options of `causalkit effect`. */
export interface EffectCommandOptions {
  readonly treatment?: string;
  readonly outcome?: string;
  readonly treated?: string | number;
  readonly control?: string | number;
  readonly outcomeState?: string | number;
  readonly given?: unknown;
  readonly seed?: string | number;
  readonly samples?: string | number;
  readonly maxFactorSize?: string | number;
  /** `ate` (default), `ett`, `nde`, `nie`, `pns`, `pn` or `ps`. */
  readonly kind?: string;
  /** Mediators for `nde` / `nie`. */
  readonly mediator?: string | readonly string[];
  /** Noise coupling across worlds for the counterfactual kinds. */
  readonly coupling?: string;
}

/** Option names `causalkit effect` accepts (batch requests are checked against them). */
export const EFFECT_OPTIONS: readonly string[] = [
  "treatment",
  "outcome",
  "treated",
  "control",
  "outcomeState",
  "given",
  "seed",
  "samples",
  "maxFactorSize",
  "kind",
  "mediator",
  "coupling",
];

/**
 * `causalkit effect MODEL --treatment X --outcome Y [--treated x1 --control x0]` →
 * `{"ate": number, ...}`: E[Y | do(X = x1)] − E[Y | do(X = x0)]. For a discrete Y it is the risk
 * difference of `outcomeState` (default: the positive state of a binary Y, see `ate` in
 * causalkit/inference), else the difference of expected state indices (`quantity` says which).
 * Exact for discrete and linear-Gaussian models, a Monte Carlo estimate (with its standard
 * error) otherwise.
 */
export function runEffect(loaded: LoadedModel, options: EffectCommandOptions): object {
  if (options.kind !== undefined && options.kind !== "ate") return runEffectKind(loaded, options);
  for (const [flag, value] of [
    ["--mediator", options.mediator],
    ["--coupling", options.coupling],
  ] as const) {
    if (value !== undefined) {
      throw new InvalidArgumentError(
        `cli.effect: ${flag} applies to --kind ett, nde, nie, pns, pn, ps only`,
        flag,
      );
    }
  }
  const result = averageEffect(loaded, options);
  return { kind: "ate", value: result.ate, ...result };
}

/** The ATE part of {@link runEffect}: `{"ate", ...}`. */
function averageEffect(
  loaded: LoadedModel,
  options: EffectCommandOptions,
): { readonly ate: number } & Record<string, unknown> {
  const model = requireModel(loaded, "effect");
  const X = options.treatment;
  const Y = options.outcome;
  if (!X) throw new InvalidArgumentError("cli.effect: --treatment is required", "--treatment");
  if (!Y) throw new InvalidArgumentError("cli.effect: --outcome is required", "--outcome");
  if (isDiscrete(model)) {
    const states = model.variable(X).domain;
    if (
      states.type === "discrete" &&
      states.states.length !== 2 &&
      (options.treated === undefined || options.control === undefined)
    ) {
      throw new InvalidArgumentError(
        `cli.effect: treatment "${X}" has ${states.states.length} states; give --treated and --control`,
        "--treated",
      );
    }
    const maxFactorSize = optionalCount(options.maxFactorSize, "--max-factor-size");
    const r = ate(model, X, Y, {
      ...(options.treated !== undefined ? { treatment: options.treated } : {}),
      ...(options.control !== undefined ? { control: options.control } : {}),
      ...(options.outcomeState !== undefined ? { outcomeState: options.outcomeState } : {}),
      ...(maxFactorSize !== undefined ? { maxFactorSize } : {}),
      given: toPairs(options.given, "--given"),
    });
    return {
      ate: r.ate,
      // What `ate` measures: a risk difference for one outcome state, or (3+ states and no
      // --outcome-state) the difference of the expected state indices.
      quantity: r.outcomeState !== undefined ? "risk-difference" : "expected-state-index",
      ...(r.outcomeState !== undefined ? { outcomeState: r.outcomeState } : {}),
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
  const n = optionalCount(options.samples, "--samples") ?? 100_000;
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
