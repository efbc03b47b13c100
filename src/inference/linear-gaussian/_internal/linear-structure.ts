import { InvalidArgumentError, UnknownNodeError } from "../../../errors.js";
import type { Scm } from "../../../scm/scm.js";
import type { LinearMechanism, Mechanism } from "../../../scm/types.js";

/**
 * The structural equations of a linear model in index form, variables numbered in
 * `model.variables` (topological) order: `x_i = intercept[i] + Σ_k coefficients[i][k]·x_{parents[i][k]}
 * + noise_i`, where `noise[i]` names the exogenous variable (or is `null` for a constant).
 * Every parent index is smaller than its child's index.
 *
 * @internal
 */
export interface LinearStructure {
  /** Variable names, in `model.variables` order. */
  readonly names: readonly string[];
  /** Variable index by name. */
  readonly index: ReadonlyMap<string, number>;
  /** Parent indices of each variable (all smaller than the variable's own index). */
  readonly parents: readonly Int32Array[];
  /** Coefficient of each parent, aligned with `parents`. */
  readonly coefficients: readonly Float64Array[];
  /** Intercept of each equation (the value itself for a constant). */
  readonly intercept: Float64Array;
  /** The exogenous variable each equation adds, `null` for a constant equation. */
  readonly noise: readonly (string | null)[];
}

/** Options of {@link linearStructure}. @internal */
export interface LinearStructureOptions {
  /** Hard interventions `do(X = x)`: the equation of X becomes the constant x. */
  readonly interventions?: ReadonlyMap<number, number> | undefined;
  /** Whether every exogenous variable read must be normal. */
  readonly requireNormal: boolean;
}

/** The linear equation of a mechanism, or `null` if it is not linear. */
function linearPart(
  m: Mechanism,
):
  | { readonly base: LinearMechanism; readonly shift: number }
  | { readonly constant: number }
  | null {
  switch (m.type) {
    case "linear":
      return { base: m, shift: 0 };
    case "shift":
      return m.base.type === "linear" ? { base: m.base, shift: m.delta } : null;
    case "constant":
      return { constant: m.value };
    default:
      return null;
  }
}

/**
 * Why a variable's equation is not linear(-Gaussian), or `null` if it is.
 *
 * @internal
 */
export function nonLinearReason(
  model: Scm,
  variable: number,
  requireNormal: boolean,
): string | null {
  const v = model.variables[variable];
  if (v === undefined) return "is not a variable";
  const part = linearPart(v.mechanism);
  if (part === null) {
    const what =
      v.mechanism.type === "shift" ? `shift of a ${v.mechanism.base.type}` : v.mechanism.type;
    return `has a ${what} mechanism (only linear, constant or shifted linear mechanisms are linear)`;
  }
  if (requireNormal && "base" in part) {
    const u = v.noise[0];
    if (u === undefined) return "has a linear mechanism without noise";
    const d = model.exogenousVariable(u).distribution;
    if (d.type !== "normal") {
      return `reads exogenous "${u}" with a ${d.type} distribution (a linear-Gaussian model needs normal noise)`;
    }
  }
  return null;
}

/**
 * The index of the first variable (in `model.variables` order) whose equation is not linear
 * (or, with `requireNormal`, not linear-Gaussian), skipping intervened variables, with the
 * reason; `null` if there is none.
 *
 * @internal
 */
export function firstNonLinear(
  model: Scm,
  requireNormal: boolean,
  skip?: ReadonlyMap<number, number>,
): { readonly variable: string; readonly reason: string } | null {
  const vars = model.variables;
  for (let i = 0; i < vars.length; i++) {
    if (skip?.has(i)) continue;
    const reason = nonLinearReason(model, i, requireNormal);
    if (reason !== null) return { variable: vars[i]?.name ?? "", reason };
  }
  return null;
}

/**
 * Reads the model's equations into a {@link LinearStructure}, applying hard interventions by
 * replacing equations with constants.
 *
 * @throws {@link InvalidArgumentError} naming the first non-linear variable
 * @internal
 */
export function linearStructure(
  model: Scm,
  where: string,
  options: LinearStructureOptions,
): LinearStructure {
  const bad = firstNonLinear(model, options.requireNormal, options.interventions);
  if (bad !== null) {
    const kind = options.requireNormal ? "linear-Gaussian" : "linear";
    throw new InvalidArgumentError(
      `${where}: the model is not ${kind}: variable "${bad.variable}" ${bad.reason}`,
      bad.variable,
    );
  }
  const vars = model.variables;
  const n = vars.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(vars[i]?.name ?? "", i);
  const names: string[] = [];
  const parents: Int32Array[] = [];
  const coefficients: Float64Array[] = [];
  const intercept = new Float64Array(n);
  const noise: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const v = vars[i];
    if (v === undefined) continue;
    names.push(v.name);
    const forced = options.interventions?.get(i);
    const part = forced === undefined ? linearPart(v.mechanism) : { constant: forced };
    if (part === null || "constant" in part) {
      intercept[i] = part === null ? 0 : part.constant;
      parents.push(new Int32Array(0));
      coefficients.push(new Float64Array(0));
      noise.push(null);
      continue;
    }
    const ps = new Int32Array(part.base.parents.length);
    const cs = new Float64Array(part.base.parents.length);
    part.base.parents.forEach((p, k) => {
      const j = index.get(p);
      // Topological order: a parent always comes first, so it is already indexed.
      if (j === undefined || j >= i) {
        throw new InvalidArgumentError(`${where}: parent "${p}" of "${v.name}" is out of order`, p);
      }
      ps[k] = j;
      cs[k] = part.base.coefficients[k] ?? 0;
    });
    parents.push(ps);
    coefficients.push(cs);
    intercept[i] = (part.base.intercept ?? 0) + part.shift;
    noise.push(v.noise[0] ?? null);
  }
  return { names, index, parents, coefficients, intercept, noise };
}

/**
 * Validates a `do` or `given` record: known variables, finite values, state indices for discrete
 * variables. Returns variable index → value.
 *
 * @throws {@link UnknownNodeError} for an unknown variable
 * @throws {@link InvalidArgumentError} for a non-finite value or a value outside the domain
 * @internal
 */
export function resolveValues(
  model: Scm,
  values: Readonly<Record<string, number>> | undefined,
  where: string,
  label: string,
): Map<number, number> {
  const out = new Map<number, number>();
  if (values === undefined) return out;
  if (values === null || typeof values !== "object") {
    throw new InvalidArgumentError(`${where}: ${label} must be an object of values`, label);
  }
  const position = new Map<string, number>();
  model.variables.forEach((v, i) => {
    position.set(v.name, i);
  });
  for (const [name, value] of Object.entries(values)) {
    const i = position.get(name);
    if (i === undefined) {
      throw new UnknownNodeError(`${where}: ${label} names unknown variable "${name}"`, name);
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new InvalidArgumentError(
        `${where}: ${label} value of "${name}" must be a finite number, got ${String(value)}`,
        name,
      );
    }
    const domain = model.variables[i]?.domain;
    if (
      domain?.type === "discrete" &&
      !(Number.isInteger(value) && value >= 0 && value < domain.states.length)
    ) {
      throw new InvalidArgumentError(
        `${where}: ${label} value ${value} of "${name}" is not a state index of [${domain.states.join(", ")}]`,
        name,
      );
    }
    out.set(i, value);
  }
  return out;
}
