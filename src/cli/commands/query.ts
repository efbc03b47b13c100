import { InvalidArgumentError } from "../../errors.js";
import {
  query as exactQuery,
  gaussianDistribution,
  isLinearGaussian,
  monteCarloExpectation,
} from "../../inference/index.js";
import type { Scm } from "../../scm/index.js";
import { numericRecord, toPairs } from "../assignments.js";
import type { LoadedModel } from "../load-model.js";
import { splitList } from "../output.js";

/** Options of `causalkit query` (strings on the command line; batch requests may use objects). */
export interface QueryCommandOptions {
  readonly target?: string | readonly string[];
  readonly do?: unknown;
  readonly given?: unknown;
  readonly seed?: string | number;
  readonly samples?: string | number;
}

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
  const targets =
    typeof options.target === "string" ? splitList(options.target) : [...(options.target ?? [])];
  if (targets.length === 0)
    throw new InvalidArgumentError("cli.query: --target is required", "--target");
  const doPairs = toPairs(options.do, "--do");
  const givenPairs = toPairs(options.given, "--given");
  if (isDiscrete(model)) {
    const result = exactQuery(model, { targets, do: doPairs, given: givenPairs });
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
  if (givenPairs.length > 0) {
    throw new InvalidArgumentError(
      "cli.query: --given needs a discrete or linear-Gaussian model (exact conditioning)",
      "--given",
    );
  }
  const n = Number(options.samples ?? 100_000);
  const estimates = targets.map((target) =>
    monteCarloExpectation(model, { target, do: doPairs, n, seed: options.seed ?? 0 }),
  );
  if (targets.length === 1) {
    const e = estimates[0];
    return {
      targets,
      mean: e?.estimate,
      standardError: e?.standardError,
      n: e?.n,
      exact: false,
      method: "monte-carlo",
    };
  }
  return {
    targets,
    marginals: Object.fromEntries(
      targets.map((t, i) => [
        t,
        { mean: estimates[i]?.estimate, standardError: estimates[i]?.standardError },
      ]),
    ),
    n,
    exact: false,
    method: "monte-carlo",
  };
}
