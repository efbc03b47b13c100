import { InvalidArgumentError } from "../errors.js";
import type { Scm } from "../scm/scm.js";
import type { ExogenousVariable, Mechanism } from "../scm/types.js";
import { toEntries } from "./_internal/entries.js";
import { requireVariable } from "./_internal/require-variable.js";

/**
 * New mechanisms of a soft intervention: variable name → {@link Mechanism}, as a plain object
 * (own enumerable keys only), a `Map` or an iterable of `[name, mechanism]` pairs.
 *
 * @since 0.1.0
 */
export type MechanismReplacements =
  | Readonly<Record<string, Mechanism>>
  | ReadonlyMap<string, Mechanism>
  | Iterable<readonly [string, Mechanism]>;

/**
 * Options of {@link softIntervention}.
 *
 * @since 0.1.0
 */
export interface SoftInterventionOptions {
  /**
   * Exogenous variables to add to the model, for new mechanisms that read noise the model does
   * not have yet (names must be new).
   * @defaultValue []
   */
  readonly exogenous?: readonly ExogenousVariable[];
}

/**
 * A soft (stochastic, or "mechanism-changing") intervention: returns a new model in which each
 * named variable's mechanism is replaced by the given one and every other mechanism is
 * unchanged (Eberhardt & Scheines 2007; Correa & Bareinboim 2020, σ-calculus; Pearl 2009,
 * *Causality* §4.2 on conditional and stochastic policies). Unlike {@link doIntervention},
 * the new mechanism may read parents and noise, e.g. a parentless CPT (a fixed distribution
 * `do(X ~ q)`), a policy `X := g(Z)` depending on other variables, or a new equation.
 *
 * The replacements are checked exactly as {@link createScm} checks a model. A new mechanism
 * that names no `noise` gets the default `U_<name>`: when the model already has that exogenous
 * variable it is reused (which keeps the unit's noise across both models), so it must have a
 * distribution the new mechanism accepts (uniform(0, 1) for a CPT or logistic mechanism); name
 * another noise and declare it in `options.exogenous` otherwise. `model` is never changed.
 *
 * @param model - the structural causal model
 * @param replacements - variable → new mechanism; see {@link MechanismReplacements}
 * @param options - extra exogenous variables; see {@link SoftInterventionOptions}
 * @returns the intervened model (`model` itself when there are no replacements and no extra
 *   exogenous variables)
 * @throws {@link UnknownNodeError} if a name is not an endogenous variable of the model
 * @throws {@link InvalidArgumentError} for a name given twice, a collection of the wrong shape, a
 *   replacement that is not an object, or an `options.exogenous` that is not an array
 * @throws {@link InvalidScmError} if a new mechanism is invalid for its variable (wrong domain,
 *   unknown parent, bad table or parameters, undeclared noise, ...) or an extra exogenous
 *   variable is invalid or reuses a name
 * @throws {@link CycleError} if the new mechanisms make the parent relation cyclic
 * @remarks Cost of rebuilding the model: O(n + e) plus recompiling expression mechanisms.
 * @example
 * ```ts
 * // Randomise treatment with P(treated) = 0.3, whatever its causes:
 * const randomised = softIntervention(model, {
 *   treated: { type: "cpt", parents: [], table: [[0.7, 0.3]] },
 * });
 * ```
 * @see Eberhardt, F. & Scheines, R. (2007). Interventions and causal inference. *Philosophy of
 *   Science* 74(5).
 * @see Correa, J. & Bareinboim, E. (2020). A calculus for stochastic interventions: causal
 *   effect identification and surrogate experiments. *AAAI 2020*.
 * @since 0.1.0
 */
export function softIntervention(
  model: Scm,
  replacements: MechanismReplacements,
  options: SoftInterventionOptions = {},
): Scm {
  const where = "interventions.softIntervention";
  const entries = toEntries(replacements, where, "replacements");
  const extra = options.exogenous ?? [];
  if (!Array.isArray(extra)) {
    throw new InvalidArgumentError(`${where}: options.exogenous must be an array`, "exogenous");
  }
  if (entries.length === 0 && extra.length === 0) return model;
  const map = new Map<string, Mechanism>();
  for (const [name, mechanism] of entries) {
    requireVariable(model, name, where);
    if (mechanism === null || typeof mechanism !== "object") {
      throw new InvalidArgumentError(
        `${where}: the new mechanism of "${name}" must be a mechanism object`,
        name,
      );
    }
    map.set(name, mechanism as Mechanism);
  }
  return model.withMechanisms(map, extra);
}
