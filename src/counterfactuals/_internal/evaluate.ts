// One dispatcher for the named counterfactual quantities: E[f(terms) | evidence] exactly for
// discrete models (parallel worlds + variable elimination), in closed form for linear-Gaussian
// models (when f is linear), and by importance sampling otherwise.
import { InvalidArgumentError } from "../../errors.js";
import { runQuery } from "../../inference/query.js";
import type { Seed } from "../../sampling/rng.js";
import type { Scm } from "../../scm/scm.js";
import { runCounterfactualEstimate } from "../counterfactual-estimate.js";
import { requireLinearGaussian, runCounterfactualGaussian } from "../counterfactual-gaussian.js";
import { runCounterfactualQuery } from "../counterfactual-query.js";
import type { CounterfactualTerm } from "../counterfactual-term.js";
import type { Coupling } from "../coupling.js";
import { resolveWorld } from "./world.js";

/** How a quantity was computed. */
export type Method = "exact" | "linear-gaussian" | "importance-sampling";

/** A computed quantity. */
export interface Evaluation {
  readonly value: number;
  readonly exact: boolean;
  readonly method: Method;
  readonly standardError?: number;
  readonly effectiveSampleSize?: number;
}

/** Options shared by the named quantities. */
export interface EvaluationOptions {
  readonly coupling?: Coupling | undefined;
  readonly samples?: number | undefined;
  readonly seed?: Seed | undefined;
  readonly maxFactorSize?: number | undefined;
}

/** What to evaluate: E[fn(terms) | given]. */
export interface EvaluationSpec {
  readonly terms: readonly CounterfactualTerm[];
  /** Factual evidence as [name, value] pairs (values encoded: state indices or numbers). */
  readonly given?: readonly (readonly [string, number])[];
  /** The function of the terms' encoded values. */
  readonly fn: (values: ArrayLike<number>) => number;
  /** When fn(v) = Σ cᵢ vᵢ: the coefficients (enables the linear-Gaussian closed form). */
  readonly linear?: readonly number[];
}

const methodCache = new WeakMap<Scm, Method>();

/** Which method applies to a model: exact discrete, linear-Gaussian or importance sampling. */
export function methodFor(model: Scm, where: string): Method {
  const hit = methodCache.get(model);
  if (hit) return hit;
  let method: Method = "importance-sampling";
  if (model.variables.every((v) => v.domain.type === "discrete")) {
    try {
      const first = model.variables[0];
      if (first !== undefined) runQuery(model, { targets: first.name }, where);
      method = "exact";
    } catch (e) {
      if (!(e instanceof InvalidArgumentError)) throw e;
    }
  } else {
    try {
      requireLinearGaussian(model, where);
      method = "linear-gaussian";
    } catch (e) {
      if (!(e instanceof InvalidArgumentError)) throw e;
    }
  }
  methodCache.set(model, method);
  return method;
}

/** E[fn(terms) | given] by the best method available for the model. */
export function evaluate(
  model: Scm,
  spec: EvaluationSpec,
  options: EvaluationOptions,
  where: string,
): Evaluation {
  const method0 = methodFor(model, where);
  if (method0 === "linear-gaussian" && spec.linear === undefined) {
    return evaluateWith(model, spec, options, where, "importance-sampling");
  }
  // Equal terms (e.g. treatment = control) are evaluated once.
  const keys: string[] = [];
  const unique: CounterfactualTerm[] = [];
  const slot = spec.terms.map((t) => {
    const key = JSON.stringify([t.variable, resolveWorld(model, t.do, where).key]);
    const at = keys.indexOf(key);
    if (at >= 0) return at;
    keys.push(key);
    unique.push(t);
    return unique.length - 1;
  });
  if (unique.length === spec.terms.length)
    return evaluateWith(model, spec, options, where, method0);
  const values = new Array<number>(spec.terms.length);
  const linear = spec.linear;
  const merged = new Array<number>(unique.length).fill(0);
  if (linear)
    slot.forEach((s, i) => {
      merged[s] = (merged[s] as number) + (linear[i] as number);
    });
  return evaluateWith(
    model,
    {
      terms: unique,
      ...(spec.given !== undefined ? { given: spec.given } : {}),
      fn: (v) => {
        for (let i = 0; i < slot.length; i++) values[i] = v[slot[i] as number] as number;
        return spec.fn(values);
      },
      ...(linear ? { linear: merged } : {}),
    },
    options,
    where,
    method0,
  );
}

function evaluateWith(
  model: Scm,
  spec: EvaluationSpec,
  options: EvaluationOptions,
  where: string,
  method: Method,
): Evaluation {
  const given = spec.given ?? [];
  if (method === "exact") {
    const r = runCounterfactualQuery(
      model,
      {
        targets: spec.terms,
        given,
        ...(options.coupling !== undefined ? { coupling: options.coupling } : {}),
        ...(options.maxFactorSize !== undefined ? { maxFactorSize: options.maxFactorSize } : {}),
      },
      where,
    );
    const T = r.targets.length;
    const cards = r.states.map((s) => s.length);
    const state = new Array<number>(T).fill(0);
    let value = 0;
    const p = r.probabilities;
    for (let cell = 0; cell < p.length; cell++) {
      const pc = p[cell] as number;
      if (pc > 0) value += pc * spec.fn(state);
      for (let i = T - 1; i >= 0; i--) {
        const c = (state[i] as number) + 1;
        if (c < (cards[i] as number)) {
          state[i] = c;
          break;
        }
        state[i] = 0;
      }
    }
    return { value, exact: true, method };
  }
  if (method === "linear-gaussian") {
    const d = runCounterfactualGaussian(model, { targets: spec.terms, given }, where);
    let value = 0;
    (spec.linear as readonly number[]).forEach((c, i) => {
      value += c * (d.mean[i] as number);
    });
    return { value, exact: true, method };
  }
  const e = runCounterfactualEstimate(
    model,
    {
      targets: spec.terms,
      given,
      fn: spec.fn,
      ...(options.coupling !== undefined ? { coupling: options.coupling } : {}),
      ...(options.samples !== undefined ? { samples: options.samples } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    },
    where,
  );
  return {
    value: e.estimate,
    exact: false,
    method,
    standardError: e.standardError,
    effectiveSampleSize: e.effectiveSampleSize,
  };
}

/** Whether an error says the evidence has probability 0 (or was never reproduced). */
export function isZeroEvidence(e: unknown): boolean {
  return e instanceof InvalidArgumentError && e.argument === "given";
}
