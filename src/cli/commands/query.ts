import { InvalidArgumentError } from "../../errors.js";
import {
  query as exactQuery,
  gaussianDistribution,
  isLinearGaussian,
  monteCarloExpectation,
  monteCarloProbability,
} from "../../inference/index.js";
import type { Scm } from "../../scm/index.js";
import { numericRecord, type Pairs, toPairs } from "../assignments.js";
import type { LoadedModel } from "../load-model.js";
import { requireList } from "../output.js";

/** Options of `causalkit query` (strings on the command line; batch requests may use objects). */
export interface QueryCommandOptions {
  readonly target?: string | readonly string[];
  readonly do?: unknown;
  readonly given?: unknown;
  readonly seed?: string | number;
  readonly samples?: string | number;
  readonly maxFactorSize?: string | number;
}

/** Option names `causalkit query` accepts (batch requests are checked against them). */
export const QUERY_OPTIONS: readonly string[] = [
  "target",
  "do",
  "given",
  "seed",
  "samples",
  "maxFactorSize",
];

/** Whether every variable of the model is discrete (exact inference applies). */
export function isDiscrete(model: Scm): boolean {
  return model.variables.every((v) => v.domain.type === "discrete");
}

/** The SCM of a loaded file, or a clear error for a graph-only file. */
export function requireModel(loaded: LoadedModel, command: string): Scm {
  if (!loaded.model) {
    throw new InvalidArgumentError(
      `cli.${command}: "${loaded.source}" holds a graph only; this command needs a model with mechanisms (.bif or causalkit SCM .json)`,
      "MODEL",
    );
  }
  return loaded.model;
}

/**
 * `causalkit query MODEL --target Y[,Y2] [--do "X=x"] [--given "Z=z"]`.
 * Discrete models: the exact distribution (`{"targets": [...], "distribution": {"<state>": p}}`
 * for one target, every state listed; a joint table for several). Linear-Gaussian models: exact
 * means and variances. Other models: a Monte Carlo estimate of the mean, marked `exact: false`.
 */
export function runQuery(loaded: LoadedModel, options: QueryCommandOptions): object {
  const model = requireModel(loaded, "query");
  const targets = requireList(options.target, "--target");
  const doPairs = toPairs(options.do, "--do");
  const givenPairs = toPairs(options.given, "--given");
  if (isDiscrete(model)) {
    const maxFactorSize = optionalCount(options.maxFactorSize, "--max-factor-size");
    const result = exactQuery(model, {
      targets,
      do: doPairs,
      given: givenPairs,
      ...(maxFactorSize !== undefined ? { maxFactorSize } : {}),
    });
    return { ...result.toJSON(), exact: true };
  }
  if (isLinearGaussian(model)) {
    const dist = gaussianDistribution(model, {
      do: numericRecord(doPairs, "--do"),
      given: numericRecord(givenPairs, "--given"),
    });
    const marginals = Object.fromEntries(targets.map((t) => [t, dist.marginal(t)]));
    const only = targets.length === 1 ? dist.marginal(targets[0] as string) : undefined;
    return { targets, ...(only ?? { marginals }), exact: true, method: "linear-gaussian" };
  }
  return monteCarloQuery(model, targets, doPairs, givenPairs, options);
}

/**
 * A Monte Carlo answer for models without an exact one: for a discrete target the estimated
 * distribution (`distribution`, `standardErrors`), for a continuous one the estimated mean
 * (`estimate`, also as `mean`), each with `standardError` and `n` (accepted samples); always
 * `exact: false`. Evidence is handled by rejection sampling.
 */
function monteCarloQuery(
  model: Scm,
  targets: readonly string[],
  doPairs: Pairs,
  givenPairs: Pairs,
  options: QueryCommandOptions,
): object {
  const n = optionalCount(options.samples, "--samples") ?? 100_000;
  const seed = options.seed ?? 0;
  const common = {
    do: doPairs,
    ...(givenPairs.length > 0 ? { given: givenPairs } : {}),
    n,
    seed,
  };
  const one = (target: string): Record<string, unknown> => {
    const domain = model.variable(target).domain;
    if (domain.type === "discrete") {
      const estimates = domain.states.map((state) =>
        monteCarloProbability(model, { target, state, ...common }),
      );
      return {
        distribution: Object.fromEntries(domain.states.map((s, i) => [s, estimates[i]?.estimate])),
        standardErrors: Object.fromEntries(
          domain.states.map((s, i) => [s, estimates[i]?.standardError]),
        ),
        n: estimates[0]?.n,
      };
    }
    const e = monteCarloExpectation(model, { target, ...common });
    return { estimate: e.estimate, mean: e.estimate, standardError: e.standardError, n: e.n };
  };
  const method = { exact: false, method: "monte-carlo", samplesDrawn: n };
  if (targets.length === 1) return { targets, ...one(targets[0] as string), ...method };
  return { targets, marginals: Object.fromEntries(targets.map((t) => [t, one(t)])), ...method };
}

/** An optional positive integer option. */
export function optionalCount(value: unknown, option: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const x = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(x) || x <= 0 || (typeof value === "string" && value.trim() === "")) {
    throw new InvalidArgumentError(
      `cli: ${option} must be a positive integer, got "${value}"`,
      option,
    );
  }
  return x;
}
