import { InvalidArgumentError } from "../errors.js";
import { toEntries } from "../interventions/_internal/entries.js";
import type { Scm } from "../scm/scm.js";
import { abductOne, MechanismEvaluator } from "./_internal/abduct.js";
import { isMapOrRecord } from "./_internal/read-numbers.js";
import { encodeFor, requireVariable } from "./_internal/world.js";

/**
 * One unit's observed endogenous values: variable → value (a state name or index for a
 * discrete variable, a number or decimal string for a continuous one), as a `Map` or a plain
 * object (own enumerable keys only).
 *
 * @since 0.1.0
 */
export type UnitObservation =
  | ReadonlyMap<string, string | number>
  | Readonly<Record<string, string | number>>;

/**
 * Abduction for one fully observed unit of an additive-noise model: the exogenous values that
 * reproduce the observed endogenous values (step 1 of Pearl's three-step counterfactual
 * computation, *Causality* §7.1). For a mechanism `V = g(parents) + U` the noise is
 * determined: `U = v − g(pa)`. Feed the result to {@link counterfactual} to obtain the unit's
 * counterfactual values exactly (steps 2 and 3).
 *
 * Per mechanism:
 * - `linear` (and a shift of it): `U = v − intercept − Σ coefficient·parent (− δ)`, exact;
 * - `function` / `expression` (and shifts) with **one** continuous noise input: treated as
 *   additive after checking, at this unit, that `f(pa, 1) − f(pa, 0) = 1` and
 *   `f(pa, v − f(pa, 0)) = v` (relative tolerance 1e-9); a mechanism such as `X*U` or
 *   `exp(U)` fails the check and is rejected (a check at three points, not a proof of
 *   additivity: write non-additive mechanisms so that they fail it, or use
 *   {@link counterfactualEstimate});
 * - `function` / `expression` whose noise is finite: accepted when exactly one noise value
 *   reproduces the observation;
 * - `constant`: nothing to abduct (the observation must equal the constant);
 * - `cpt` / `logistic`: rejected — the observation only says that the uniform lies in an
 *   interval, so the unit's counterfactuals are a distribution: use {@link counterfactualQuery}
 *   with the observation as evidence.
 * An exogenous variable shared by several mechanisms must get the same value from each
 * (relative tolerance 1e-9).
 *
 * @param model - the structural causal model
 * @param observation - a value for **every** endogenous variable; see {@link UnitObservation}
 * @returns exogenous name → abducted value, for every exogenous variable some mechanism reads
 * @throws {@link UnknownNodeError} for an unknown variable
 * @throws {@link InvalidArgumentError} (argument: the variable) for a missing or invalid value,
 *   a mechanism whose noise is not determined by the observation (see above), an observation
 *   that the model cannot produce, or a shared noise given inconsistent values
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §7.1 (abduction, action, prediction) and
 *   §7.2.1 (linear models).
 * @remarks O(n + e).
 * @example
 * ```ts
 * const u = abductNoise(model, { X: 1.2, Y: 3.4 });
 * counterfactual(model, u, { X: 0 }).get("Y"); // Y had X been 0, for this unit
 * ```
 * @since 0.1.0
 */
export function abductNoise(model: Scm, observation: UnitObservation): Map<string, number> {
  const where = "counterfactuals.abductNoise";
  if (!isMapOrRecord(observation)) {
    throw new InvalidArgumentError(
      `${where}: observation must be a Map or an object`,
      "observation",
    );
  }
  const values = new Map<string, number>();
  for (const [name, value] of toEntries(observation, where, "observation")) {
    requireVariable(model, name, where);
    values.set(name, encodeFor(model, name, value, where));
  }
  const noise = new Map<string, number>();
  for (const v of model.variables) {
    const value = values.get(v.name);
    if (value === undefined) {
      throw new InvalidArgumentError(`${where}: observation has no value for "${v.name}"`, v.name);
    }
    const parents = v.parents.map((p) => values.get(p) as number);
    const a = abductOne(model, new MechanismEvaluator(model, v), value, parents, where, 0);
    const set = (u: string, x: number): void => {
      const before = noise.get(u);
      if (before !== undefined && Math.abs(before - x) > 1e-9 * Math.max(1, Math.abs(x))) {
        throw new InvalidArgumentError(
          `${where}: the shared noise "${u}" gets ${before} from one variable and ${x} from "${v.name}"`,
          v.name,
        );
      }
      noise.set(u, before ?? x);
    };
    switch (a.kind) {
      case "impossible":
        throw new InvalidArgumentError(
          `${where}: the model cannot produce the observed value of "${v.name}" from its parents' values`,
          v.name,
        );
      case "point":
        if (!(a.logWeight > Number.NEGATIVE_INFINITY)) {
          throw new InvalidArgumentError(
            `${where}: the abducted noise ${a.u} of "${v.name}" is outside the support of "${a.noise}"`,
            v.name,
          );
        }
        set(a.noise, a.u);
        break;
      case "interval":
        throw new InvalidArgumentError(
          `${where}: "${v.name}" has a ${v.mechanism.type} mechanism: its observed value only bounds "${a.noise}" to [${a.lo}, ${a.hi}), so the unit's noise is not determined (use counterfactualQuery with the observation as evidence)`,
          v.name,
        );
      case "finite": {
        if (a.values.length !== 1) {
          throw new InvalidArgumentError(
            `${where}: ${a.values.length} values of the noise of "${v.name}" reproduce its observed value, so the unit's noise is not determined (use counterfactualQuery or counterfactualEstimate)`,
            v.name,
          );
        }
        a.noise.forEach((u, i) => {
          set(u, (a.values[0] as readonly number[])[i] as number);
        });
        break;
      }
    }
  }
  return noise;
}
