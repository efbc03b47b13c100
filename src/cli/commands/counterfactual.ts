import {
  abductNoise,
  type CounterfactualEffectOptions,
  type CounterfactualQuantity,
  type Coupling,
  counterfactualEstimate,
  counterfactualGaussian,
  counterfactualQuery,
  effectOfTreatmentOnTreated,
  naturalEffects,
  probabilitiesOfCausation,
  counterfactual as unitCounterfactual,
} from "../../counterfactuals/index.js";
import { InvalidArgumentError } from "../../errors.js";
import { isLinearGaussian } from "../../inference/index.js";
import type { Scm } from "../../scm/index.js";
import { type Pairs, toPairs } from "../assignments.js";
import type { LoadedModel } from "../load-model.js";
import { splitList } from "../output.js";
import { isDiscrete, optionalCount, requireModel } from "./query.js";

/** Options of `causalkit counterfactual` (strings on the command line; batch requests may use objects). */
export interface CounterfactualCommandOptions {
  readonly target?: string | readonly string[];
  readonly do?: unknown;
  readonly given?: unknown;
  readonly coupling?: string;
  readonly seed?: string | number;
  readonly samples?: string | number;
  readonly maxFactorSize?: string | number;
}

/** Option names `causalkit counterfactual` accepts (batch requests are checked against them). */
export const COUNTERFACTUAL_OPTIONS: readonly string[] = [
  "target",
  "do",
  "given",
  "coupling",
  "seed",
  "samples",
  "maxFactorSize",
];

function readCoupling(value: unknown, command: string): Coupling {
  if (value === undefined || value === null) return "inverse-cdf";
  if (value === "inverse-cdf" || value === "independent") return value;
  throw new InvalidArgumentError(
    `cli.${command}: --coupling must be "inverse-cdf" or "independent", got "${String(value)}"`,
    "--coupling",
  );
}

/**
 * `causalkit counterfactual MODEL --given "X=1,Y=0" --do "X=0" --target Y[,Z]`: the distribution
 * of the targets in the world do(…) for the units in which the evidence (factual world) was
 * observed, P(Y_{do} | given).
 *
 * - Discrete models: exact, `{"targets": ["Y_{X=0}"], "do": {...}, "given": {...},
 *   "distribution": {"<state>": p}, "exact": true, "method": "exact", "coupling": ...}` (a
 *   joint table and marginals for several targets).
 * - Linear-Gaussian models: exact, `{"targets": [...], "mean": m, "variance": v, ...}`; for
 *   several targets a `marginals` object plus the joint's `mean` vector and `covariance`
 *   matrix (rows and columns in `targets` order).
 * - Other models: importance sampling, `{"mean", "variance", "standardError",
 *   "effectiveSampleSize", "exact": false}` for a continuous target, a `distribution` of
 *   estimated probabilities (with `standardErrors`) for a discrete one.
 */
export function counterfactual(loaded: LoadedModel, options: CounterfactualCommandOptions): object {
  const model = requireModel(loaded, "counterfactual");
  const targets =
    typeof options.target === "string" ? splitList(options.target) : [...(options.target ?? [])];
  if (targets.length === 0) {
    throw new InvalidArgumentError("cli.counterfactual: --target is required", "--target");
  }
  const doPairs = toPairs(options.do, "--do");
  const givenPairs = toPairs(options.given, "--given");
  const coupling = readCoupling(options.coupling, "counterfactual");
  if (isDiscrete(model)) {
    const maxFactorSize = optionalCount(options.maxFactorSize, "--max-factor-size");
    const r = counterfactualQuery(model, {
      targets,
      do: doPairs,
      given: givenPairs,
      coupling,
      ...(maxFactorSize !== undefined ? { maxFactorSize } : {}),
    });
    return { ...r.toJSON(), exact: true, method: "exact", coupling };
  }
  const doRecord = record(doPairs);
  const givenRecord = record(givenPairs);
  if (isLinearGaussian(model)) {
    const d = counterfactualGaussian(model, { targets, do: doPairs, given: givenPairs });
    const base = { targets: d.targets, do: doRecord, given: givenRecord };
    if (d.targets.length === 1) {
      return {
        ...base,
        ...d.marginal(d.targets[0] as string),
        exact: true,
        method: "linear-gaussian",
      };
    }
    const T = d.targets.length;
    return {
      ...base,
      marginals: Object.fromEntries(d.targets.map((t) => [t, d.marginal(t)])),
      // The joint is Gaussian: its means and covariance matrix (rows in `targets` order).
      mean: Array.from(d.mean),
      covariance: Array.from({ length: T }, (_, i) =>
        Array.from(d.covariance.subarray(i * T, (i + 1) * T)),
      ),
      exact: true,
      method: "linear-gaussian",
    };
  }
  const unit = fullyObservedUnit(model, targets, doPairs, givenPairs);
  if (unit) return { do: doRecord, given: givenRecord, ...unit };
  const samples = optionalCount(options.samples, "--samples") ?? 100_000;
  const seed = options.seed ?? 0;
  const labels: string[] = [];
  const marginals = targets.map((target) => {
    const estimate = (fn: (v: Float64Array) => number) =>
      counterfactualEstimate(model, {
        targets: target,
        do: doPairs,
        given: givenPairs,
        coupling,
        samples,
        seed,
        fn,
      });
    const first = estimate((v) => v[0] as number);
    labels.push(labelOf(target, doPairs));
    const d = model.variable(target).domain;
    if (d.type === "discrete") {
      const distribution: Record<string, number> = {};
      const standardErrors: Record<string, number> = {};
      d.states.forEach((s, k) => {
        const e = estimate((v) => (v[0] === k ? 1 : 0));
        distribution[s] = e.estimate;
        standardErrors[s] = e.standardError;
      });
      return { distribution, standardErrors, effectiveSampleSize: first.effectiveSampleSize };
    }
    const second = estimate((v) => (v[0] as number) ** 2);
    return {
      mean: first.estimate,
      variance: Math.max(0, second.estimate - first.estimate ** 2),
      standardError: first.standardError,
      effectiveSampleSize: first.effectiveSampleSize,
    };
  });
  const base = { targets: labels, do: doRecord, given: givenRecord };
  const tail = { samples, exact: false, method: "importance-sampling", coupling };
  if (targets.length === 1) return { ...base, ...marginals[0], ...tail };
  return {
    ...base,
    marginals: Object.fromEntries(labels.map((l, i) => [l, marginals[i]])),
    ...tail,
  };
}

/**
 * Exact abduction for one fully observed unit of an additive-noise model (Pearl 2009 §7.1: the
 * noise is determined by the observation, so the counterfactual is a point): the targets'
 * values, or undefined when the unit is not fully observed or the model is not additive.
 */
function fullyObservedUnit(
  model: Scm,
  targets: readonly string[],
  doPairs: Pairs,
  givenPairs: Pairs,
): object | undefined {
  if (givenPairs.length !== model.variables.length) return undefined;
  let noise: Map<string, number>;
  try {
    noise = abductNoise(model, new Map(givenPairs));
  } catch (e) {
    if (e instanceof InvalidArgumentError) return undefined;
    throw e;
  }
  const values = unitCounterfactual(model, noise, doPairs);
  const labels = targets.map((t) => labelOf(t, doPairs));
  const point = (target: string): object => {
    const value = values.get(target) as number;
    const d = model.variable(target).domain;
    if (d.type === "continuous") return { mean: value, variance: 0 };
    return { distribution: Object.fromEntries(d.states.map((s, k) => [s, k === value ? 1 : 0])) };
  };
  const tail = { exact: true, method: "abduction" };
  if (targets.length === 1) return { targets: labels, ...point(targets[0] as string), ...tail };
  return {
    targets: labels,
    marginals: Object.fromEntries(labels.map((l, i) => [l, point(targets[i] as string)])),
    ...tail,
  };
}

function record(pairs: Pairs): Record<string, string | number> {
  const r: Record<string, string | number> = Object.create(null);
  for (const [k, v] of pairs) r[k] = v;
  return r;
}

function labelOf(target: string, doPairs: Pairs): string {
  return doPairs.length === 0
    ? target
    : `${target}_{${doPairs.map(([k, v]) => `${k}=${v}`).join(", ")}}`;
}

/** Formats a `causalkit counterfactual` result for people. */
export function describeCounterfactual(result: object): string {
  const r = result as Record<string, unknown>;
  const targets = (r["targets"] as string[] | undefined) ?? [];
  const given = r["given"] as Record<string, unknown> | undefined;
  const condition =
    given && Object.keys(given).length > 0
      ? ` | ${Object.entries(given)
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(", ")}`
      : "";
  const lines: string[] = [];
  const head = `P(${targets.join(", ")}${condition})`;
  if (r["distribution"] && typeof r["distribution"] === "object") {
    lines.push(`${head}:`);
    const se = r["standardErrors"] as Record<string, number> | undefined;
    for (const [state, p] of Object.entries(r["distribution"] as Record<string, number>)) {
      lines.push(`  ${state}\t${p}${se?.[state] !== undefined ? `\t± ${se[state]}` : ""}`);
    }
  } else if (Array.isArray(r["joint"])) {
    lines.push(`${head}:`);
    for (const row of r["joint"] as { assignment: Record<string, string>; p: number }[]) {
      lines.push(`  ${Object.values(row.assignment).join(", ")}\t${row.p}`);
    }
  } else if (typeof r["mean"] === "number") {
    lines.push(`${targets.join(", ")}${condition}: mean ${r["mean"]}, variance ${r["variance"]}`);
  } else {
    lines.push(JSON.stringify(result, null, 2));
  }
  if (r["exact"] === false) lines.push("(importance-sampling estimate, not exact)");
  return lines.join("\n");
}

/** Effect kinds `causalkit effect --kind` computes here (`ate` stays with `runEffect`). */
export const EFFECT_KINDS: readonly string[] = ["ett", "nde", "nie", "pns", "pn", "ps"];

/** Options of `causalkit effect --kind <ett|nde|nie|pns|pn|ps>`. */
export interface EffectKindOptions {
  readonly kind?: string;
  readonly treatment?: string;
  readonly outcome?: string;
  readonly mediator?: string | readonly string[];
  readonly treated?: string | number;
  readonly control?: string | number;
  readonly outcomeState?: string | number;
  readonly coupling?: string;
  readonly given?: unknown;
  readonly seed?: string | number;
  readonly samples?: string | number;
  readonly maxFactorSize?: string | number;
}

/**
 * `causalkit effect MODEL --kind ett|nde|nie|pns|pn|ps --treatment X --outcome Y
 * [--mediator M] [--treated x1 --control x0] [--outcome-state y] [--coupling …]` →
 * `{"kind", "value", "treatment", "outcome", "treated", "control", "exact", "method", ...}`:
 * - `ett`: E[Y_x − Y_x' | X = x];
 * - `nde` / `nie` (need `--mediator`): Pearl's natural direct / indirect effects (`te` is
 *   reported too);
 * - `pns`, `pn`, `ps`: probabilities of causation for a binary Y (`value` is null when PN or PS
 *   is undefined because its evidence has probability 0).
 * Exact for discrete and linear-Gaussian models, importance sampling otherwise (with
 * `standardError`). A continuous X defaults to treated 1 and control 0, as `effect` does.
 */
export function runEffectKind(loaded: LoadedModel, options: EffectKindOptions): object {
  const model = requireModel(loaded, "effect");
  const kind = options.kind;
  if (kind === undefined || !EFFECT_KINDS.includes(kind)) {
    throw new InvalidArgumentError(
      `cli.effect: --kind must be one of ate, ${EFFECT_KINDS.join(", ")}; got "${String(kind)}"`,
      "--kind",
    );
  }
  const X = options.treatment;
  const Y = options.outcome;
  if (!X) throw new InvalidArgumentError("cli.effect: --treatment is required", "--treatment");
  if (!Y) throw new InvalidArgumentError("cli.effect: --outcome is required", "--outcome");
  if (toPairs(options.given, "--given").length > 0) {
    throw new InvalidArgumentError(
      `cli.effect: --given applies to --kind ate only (--kind ${kind} has its own evidence)`,
      "--given",
    );
  }
  const maxFactorSize = optionalCount(options.maxFactorSize, "--max-factor-size");
  const samples = optionalCount(options.samples, "--samples");
  const continuousX = model.hasVariable(X) && model.variable(X).domain.type === "continuous";
  const treated = options.treated ?? (continuousX ? 1 : undefined);
  const control = options.control ?? (continuousX ? 0 : undefined);
  const opts: CounterfactualEffectOptions = {
    ...(treated !== undefined ? { treatment: treated } : {}),
    ...(control !== undefined ? { control } : {}),
    ...(options.outcomeState !== undefined ? { outcomeState: options.outcomeState } : {}),
    coupling: readCoupling(options.coupling, "effect"),
    ...(samples !== undefined ? { samples } : {}),
    seed: options.seed ?? 0,
    ...(maxFactorSize !== undefined ? { maxFactorSize } : {}),
  };
  const base = { kind, treatment: X, outcome: Y };
  const out = (
    q: CounterfactualQuantity | null,
    states: { treatmentState: string; controlState: string; outcomeState?: string },
    extra: object = {},
  ): object => ({
    ...base,
    value: q === null ? null : q.value,
    treated: states.treatmentState,
    control: states.controlState,
    ...(states.outcomeState !== undefined ? { outcomeState: states.outcomeState } : {}),
    exact: q === null ? true : q.exact,
    method: q === null ? methodOf(model) : q.method,
    ...(q?.standardError !== undefined ? { standardError: q.standardError } : {}),
    ...(q?.effectiveSampleSize !== undefined ? { effectiveSampleSize: q.effectiveSampleSize } : {}),
    ...extra,
  });
  switch (kind) {
    case "ett": {
      const r = effectOfTreatmentOnTreated(model, X, Y, opts);
      return out(r, r, { ett: r.value });
    }
    case "nde":
    case "nie": {
      const mediators =
        typeof options.mediator === "string"
          ? splitList(options.mediator)
          : [...(options.mediator ?? [])];
      if (mediators.length === 0) {
        throw new InvalidArgumentError(`cli.effect: --kind ${kind} needs --mediator`, "--mediator");
      }
      const r = naturalEffects(model, X, mediators, Y, opts);
      return out(kind === "nde" ? r.nde : r.nie, r, {
        mediators,
        nde: r.nde.value,
        nie: r.nie.value,
        te: r.te.value,
      });
    }
    default: {
      const r = probabilitiesOfCausation(model, X, Y, opts);
      const q = kind === "pns" ? r.pns : kind === "pn" ? r.pn : r.ps;
      return out(q, r, { pns: r.pns.value, pn: r.pn?.value ?? null, ps: r.ps?.value ?? null });
    }
  }
}

function methodOf(model: Scm): string {
  return isDiscrete(model)
    ? "exact"
    : isLinearGaussian(model)
      ? "linear-gaussian"
      : "importance-sampling";
}

/** Formats a `causalkit effect --kind …` result for people. */
export function describeEffectKind(result: object): string {
  const r = result as Record<string, unknown>;
  const kind = String(r["kind"]).toUpperCase();
  const head = `${kind} of ${r["treatment"]} (${r["treated"]} vs ${r["control"]}) on ${r["outcome"]}${r["outcomeState"] !== undefined ? `=${r["outcomeState"]}` : ""}: ${r["value"] === null ? "undefined (its evidence has probability 0)" : r["value"]}`;
  return r["standardError"] !== undefined
    ? `${head}\nstandard error ${r["standardError"]} (importance-sampling estimate)`
    : head;
}
