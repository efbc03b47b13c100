import type { Scm } from "../scm/scm.js";
import type { Mechanism } from "../scm/types.js";
import { encodeValue } from "./_internal/encode-value.js";
import { toEntries } from "./_internal/entries.js";
import { requireVariable } from "./_internal/require-variable.js";

/**
 * Values to set in an intervention: variable name → value, as a plain object, a `Map` or an
 * iterable of `[name, value]` pairs (such as the result of {@link parseInterventionString}).
 *
 * A plain object is read through its own enumerable keys only. Use a `Map` or pairs for names
 * that an object literal cannot hold: `{ __proto__: 1 }` sets the literal's prototype rather
 * than a key named `"__proto__"`.
 *
 * Values: for a **discrete** variable a string is a state name and a number a 0-based state
 * index; for a **continuous** variable a finite number or a decimal string such as `"1.5"` or
 * `"-2e3"` (what a command line passes).
 *
 * @since 0.1.0
 */
export type InterventionValues =
  | Readonly<Record<string, string | number>>
  | ReadonlyMap<string, string | number>
  | Iterable<readonly [string, string | number]>;

/**
 * The hard intervention do(X₁ = x₁, …, X_k = x_k) (Pearl 2009, *Causality* §3.2.1, Definition
 * 3.2.1; §3.2.3, eq. 3.10, "truncated factorisation"): returns a new model in which each named variable's
 * mechanism is replaced by the constant `{ type: "constant", value }` and every other mechanism
 * is unchanged.
 *
 * In the new model's graph the intervened variables have no incoming edges (their mechanism
 * reads no parent) and no bidirected edges (it reads no exogenous variable any more), which is
 * the "mutilated" graph G_{\overline{X}}. Exogenous variables are all kept, including the ones
 * only the replaced mechanisms read: the same unit (the same exogenous values) therefore keeps
 * its identity across the observational and the intervened model, which is what
 * counterfactual ("parallel worlds") computations need.
 *
 * Value rules, per variable:
 * - discrete: a string is a state name; a number is a state index, an integer in
 *   `0 .. states.length − 1`. As a convenience for command lines, a decimal integer string
 *   (`"0"`, `"1"`, …) that names no state is read as a state index, but only when no state name
 *   of that variable is itself a decimal integer (so `"1"` can never be ambiguous).
 * - continuous: a finite number, or a decimal string (`"1.5"`, `"-2e3"`; surrounding spaces
 *   are ignored; `"Infinity"`, `"0x10"` and the empty string are rejected).
 *
 * An empty intervention returns `model` itself (models are immutable). `model` is never changed.
 *
 * @param model - the structural causal model
 * @param values - variable → value; see {@link InterventionValues}
 * @returns the intervened model
 * @throws {@link UnknownNodeError} if a name is not an endogenous variable of the model
 * @throws {@link InvalidArgumentError} (its `argument` names the variable) for a value outside
 *   the variable's domain: an unknown state name, a state index that is out of range or not an
 *   integer, a non-finite number, a non-numeric string for a continuous variable, a value of
 *   another type; also for a name given twice or a `values` collection of the wrong shape
 * @remarks O(n + e) plus the cost of rebuilding the model (expression mechanisms are
 *   recompiled), for n variables and e edges. Nothing is half-applied: every value is checked
 *   before the new model is built.
 * @example
 * ```ts
 * const intervened = doIntervention(model, { smoking: "yes", dose: 2.5 });
 * intervened.variable("smoking").mechanism; // { type: "constant", value: 1 }
 * ```
 * @see Pearl, J. (2009). *Causality* (2nd ed.), §3.2 "Intervention as surgery".
 * @since 0.1.0
 */
export function doIntervention(model: Scm, values: InterventionValues): Scm {
  const where = "interventions.doIntervention";
  const entries = toEntries(values, where, "values");
  if (entries.length === 0) return model;
  const replacements = new Map<string, Mechanism>();
  for (const [name, value] of entries) {
    const variable = requireVariable(model, name, where);
    replacements.set(name, {
      type: "constant",
      value: encodeValue(name, variable.domain, value, where),
    });
  }
  return model.withMechanisms(replacements);
}
