import { InvalidArgumentError, UnknownNodeError } from "../errors.js";
import { toEntries } from "../interventions/_internal/entries.js";
import { sampleFromNoise } from "../sampling/from-noise.js";
import type { Scm } from "../scm/scm.js";
import { buildWorlds } from "./_internal/build-worlds.js";
import { readNumbers } from "./_internal/read-numbers.js";
import { readCoupling, resolveWorld } from "./_internal/world.js";
import type { CounterfactualIntervention } from "./counterfactual-term.js";
import type { Coupling } from "./coupling.js";

/**
 * One unit's exogenous values: exogenous variable name → value, as a `Map` or a plain object
 * (own enumerable keys only). Values must lie in their distribution's support (uniform values
 * in `[min, max)`, bernoulli 0 or 1, categorical a category index).
 *
 * @since 0.1.0
 */
export type UnitNoise = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * The alternative uniforms of one unit under the independent coupling: original uniform name →
 * the uniform its variable reads in a world whose parent configuration differs from the
 * factual one (one number), or one number per later copy in creation order (nested worlds).
 *
 * @since 0.1.0
 */
export type AlternativeNoise =
  | ReadonlyMap<string, number | readonly number[]>
  | Readonly<Record<string, number | readonly number[]>>;

/**
 * Options of {@link counterfactual}.
 *
 * @since 0.1.0
 */
export interface CounterfactualOptions {
  /**
   * How cpt and logistic mechanisms are coupled across worlds; see {@link Coupling}.
   * @defaultValue "inverse-cdf"
   */
  readonly coupling?: Coupling;
  /**
   * Independent coupling only: the unit's alternative uniforms, one for every cpt / logistic
   * variable that is copied into the intervened world (see {@link ParallelWorlds.alternativeNoise}
   * and {@link CounterfactualSample.alternativeNoise}).
   * @defaultValue none
   */
  readonly alternativeNoise?: AlternativeNoise;
}

/**
 * The counterfactual values of one unit: what every endogenous variable would have been had the
 * intervention been made, for the unit whose exogenous values are `unitNoise` — Pearl's
 * three steps with the abduction already done (the noise is known): action (replace the
 * intervened mechanisms) and prediction (evaluate the equations with the same noise)
 * (Pearl 2009, *Causality* §7.1, Definition 7.1.5 and Theorem 7.1.7).
 *
 * The noise is typically a row of `sample(model, n, { includeNoise: true })` (see
 * {@link Table.exogenous}) or the result of {@link abductNoise}. The values are computed by the
 * sampler's own kernels, so a sampled row with its noise gives exactly the counterfactual row of
 * {@link sampleCounterfactual}.
 *
 * **CPT and logistic mechanisms** read their uniform by the inverse-CDF rule in every world
 * (the default coupling, the model's semantics): a unit at quantile u of its row keeps that
 * quantile when its parents change. Another coupling gives other counterfactuals; with
 * `coupling: "independent"` the unit's responses to different parent configurations are
 * independent, and the uniform read under a changed configuration must be given in
 * `options.alternativeNoise`. See {@link Coupling}.
 *
 * Nested counterfactuals work too: `{ X: 1, M: { world: { X: 0 } } }` gives the unit's
 * `V_{X=1, M_{X=0}}` for every V.
 *
 * @param model - the structural causal model
 * @param unitNoise - the unit's exogenous values; every exogenous variable a mechanism reads
 *   (in any world) needs one; see {@link UnitNoise}
 * @param intervention - the intervention defining the counterfactual world; see
 *   {@link CounterfactualIntervention}
 * @param options - coupling and alternative noise; see {@link CounterfactualOptions}
 * @returns variable → counterfactual value (a state index for a discrete variable), every
 *   endogenous variable in model order
 * @throws {@link UnknownNodeError} for an unknown variable in the intervention or an unknown
 *   exogenous name in `unitNoise`
 * @throws {@link InvalidArgumentError} for a missing or out-of-support noise value (argument:
 *   the exogenous name), a value outside a variable's domain, a malformed argument, a
 *   missing alternative uniform, or `coupling: "independent"` with a uniform that several
 *   mechanisms share (argument `"coupling"`)
 * @throws {@link InvalidScmError} if a function or expression mechanism returns an invalid
 *   value
 * @throws {@link FactorTooLargeError} with `coupling: "independent"`, if an independently
 *   coupled copy of a cpt / logistic variable would need a table of more than 2²⁴ cells (see
 *   {@link parallelWorlds})
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §7.1 (structural counterfactuals).
 * @remarks O(n + e) per call after the first call for a given model and intervention (the
 *   parallel-worlds model is cached); for many units use {@link sampleCounterfactual} or
 *   {@link sampleFromNoise}, which are vectorised.
 * @example
 * ```ts
 * const t = sample(model, 1, { seed: 7, includeNoise: true });
 * const noise = new Map(t.exogenousNames.map((u) => [u, t.exogenous(u)[0]]));
 * counterfactual(model, noise, { X: "no" }).get("Y"); // this unit's Y had X been "no"
 * ```
 * @since 0.1.0
 */
export function counterfactual(
  model: Scm,
  unitNoise: UnitNoise,
  intervention: CounterfactualIntervention,
  options: CounterfactualOptions = {},
): Map<string, number> {
  const where = "counterfactuals.counterfactual";
  const coupling = readCoupling(options?.coupling, where);
  const world = resolveWorld(model, intervention, where, "intervention");
  const noise = readNumbers(unitNoise, where, "unitNoise");
  for (const name of noise.keys()) {
    if (!model.exogenous.some((u) => u.name === name)) {
      throw new UnknownNodeError(
        `${where}: "${name}" is not an exogenous variable of the model`,
        name,
      );
    }
  }
  const alternatives = readAlternatives(options?.alternativeNoise, where);
  const built = buildWorlds(model, [world], coupling, where);
  const alternativeOf = new Map<string, [string, number]>();
  for (const [u, names] of built.alternatives) {
    names.forEach((name, k) => {
      alternativeOf.set(name, [u, k]);
    });
  }
  const used = new Set<string>();
  for (const v of built.scm.variables) for (const u of v.noise) used.add(u);
  const columns = new Map<string, Float64Array>();
  for (const u of used) {
    const alt = alternativeOf.get(u);
    let x: number | undefined;
    if (alt) {
      const given = alternatives.get(alt[0]);
      x = typeof given === "number" ? (alt[1] === 0 ? given : undefined) : given?.[alt[1]];
      if (x === undefined) {
        throw new InvalidArgumentError(
          `${where}: coupling "independent" needs options.alternativeNoise for "${alt[0]}"${alt[1] > 0 ? ` (copy ${alt[1] + 1})` : ""}: the uniform its variable reads under another parent configuration`,
          alt[0],
        );
      }
    } else {
      x = noise.get(u);
      if (x === undefined) {
        throw new InvalidArgumentError(`${where}: unitNoise has no value for "${u}"`, u);
      }
    }
    columns.set(u, Float64Array.of(x));
  }
  const table = sampleFromNoise(built.scm, columns, 1);
  const out = new Map<string, number>();
  for (const v of model.variables) out.set(v.name, table.value(built.node(world, v.name), 0));
  return out;
}

function readAlternatives(input: unknown, where: string): Map<string, number | readonly number[]> {
  const out = new Map<string, number | readonly number[]>();
  if (input === undefined) return out;
  if (input === null || typeof input !== "object") {
    throw new InvalidArgumentError(
      `${where}: options.alternativeNoise must be a Map or an object`,
      "alternativeNoise",
    );
  }
  for (const [name, value] of toEntries(input, where, "alternativeNoise")) {
    const ok = (x: unknown): boolean => typeof x === "number" && x >= 0 && x < 1;
    if (ok(value)) out.set(name, value as number);
    else if (Array.isArray(value) && value.every(ok)) out.set(name, value as number[]);
    else {
      throw new InvalidArgumentError(
        `${where}: alternativeNoise["${name}"] must be a number in [0, 1) or an array of them`,
        name,
      );
    }
  }
  return out;
}
