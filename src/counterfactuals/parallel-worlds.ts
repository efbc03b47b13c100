import { InvalidArgumentError } from "../errors.js";
import type { Scm } from "../scm/scm.js";
import { buildWorlds } from "./_internal/build-worlds.js";
import { readCoupling, requireVariable, resolveWorld } from "./_internal/world.js";
import type { CounterfactualIntervention } from "./counterfactual-term.js";
import type { Coupling } from "./coupling.js";

/**
 * Options of {@link parallelWorlds}.
 *
 * @since 0.1.0
 */
export interface ParallelWorldsOptions {
  /**
   * How cpt and logistic mechanisms are coupled across worlds; see {@link Coupling}.
   * @defaultValue "inverse-cdf"
   */
  readonly coupling?: Coupling;
}

/**
 * A parallel-worlds model: one structural causal model holding a copy of the original
 * variables for each world. See {@link parallelWorlds}.
 *
 * @since 0.1.0
 */
export interface ParallelWorlds {
  /**
   * The model over every world's variables. The factual world's variables keep their names
   * (so `sample(worlds.model, n, { seed })` has the factual columns of
   * `sample(model, n, { seed })`); other copies are named `Y_{X=x, …}` (with `'` appended if
   * that name is taken). It has every exogenous variable of the original model, plus the
   * alternative uniforms of the independent coupling.
   */
  readonly model: Scm;
  /**
   * The variable of the parallel-worlds model that is `variable` in the world `do(world)`.
   *
   * @param variable - an endogenous variable of the original model
   * @param world - one of the worlds given to {@link parallelWorlds}, or a world they refer to
   *   @defaultValue the factual world
   * @returns the node's name in {@link ParallelWorlds.model}
   * @throws {@link UnknownNodeError} for an unknown variable
   * @throws {@link InvalidArgumentError} if the world was not built
   * @since 0.1.0
   */
  node(variable: string, world?: CounterfactualIntervention): string;
  /**
   * Independent coupling only: for each original uniform, the alternative uniforms (fresh
   * exogenous variables of {@link ParallelWorlds.model}) its later copies read, in creation
   * order. Empty for the inverse-CDF coupling.
   */
  readonly alternativeNoise: ReadonlyMap<string, readonly string[]>;
}

/**
 * Builds the parallel-worlds model of a structural causal model for a list of interventions:
 * the factual world and one world per intervention (and per nested world they refer to), all
 * sharing the model's exogenous variables — the twin network of Balke & Pearl (1994) for one
 * intervention, the parallel-worlds graph of Avin, Shpitser & Pearl (2005) for several.
 *
 * Merging (Shpitser & Pearl 2007, make-cg): variables are created world by world in
 * topological order, and a variable whose mechanism reads the same parent nodes as an existing
 * copy (same mechanism, same parents, same noise) **is** that copy. So every non-descendant of
 * an intervention is shared with the factual world, and two worlds that differ only on a
 * variable's non-ancestors share that variable. Variables set to the same value in several
 * worlds share one constant node; a variable set to its value in another world (a
 * {@link WorldReference}) is that world's node.
 *
 * Under `coupling: "independent"`, a new copy of a cpt / logistic variable equals the first
 * earlier copy whose parents take the same values, else is drawn from its row with a fresh
 * alternative uniform (see {@link Coupling}).
 *
 * The result is an ordinary {@link Scm}: exact inference ({@link query}, {@link
 * gaussianDistribution}), sampling ({@link sample}) and the graph functions apply to it. This
 * is what {@link counterfactualQuery}, {@link sampleCounterfactual} and the other functions of
 * this module do. `model` is not modified.
 *
 * @param model - the structural causal model
 * @param worlds - the interventions (duplicates and the empty intervention are allowed)
 * @param options - the coupling; see {@link ParallelWorldsOptions}
 * @returns the parallel-worlds model and the node lookup
 * @throws {@link UnknownNodeError} if an intervention names an unknown variable
 * @throws {@link InvalidArgumentError} for a value outside a variable's domain, a malformed
 *   intervention or coupling, or an independent coupling of a shared uniform
 * @throws {@link FactorTooLargeError} if an independently coupled copy's table would exceed
 *   2²⁴ cells
 * @see Balke, A. & Pearl, J. (1994). Probabilistic evaluation of counterfactual queries.
 *   *Proc. AAAI 1994*, 230–237 (twin networks).
 * @see Avin, C., Shpitser, I. & Pearl, J. (2005). Identifiability of path-specific effects.
 *   *Proc. IJCAI 2005* (parallel worlds).
 * @see Shpitser, I. & Pearl, J. (2007). What counterfactuals can be tested. *Proc. UAI 2007*,
 *   352–359 (counterfactual graphs, make-cg).
 * @remarks O(w · (n + e)) nodes and edges for w worlds, n variables and e edges, plus the cost
 *   of building the model; results are cached per model, coupling and worlds.
 * @example
 * ```ts
 * const twin = parallelWorlds(model, [{ X: "no" }]);
 * twin.node("Y", { X: "no" }); // "Y_{X=no}"
 * query(twin.model, { targets: twin.node("Y", { X: "no" }), given: { X: "yes", Y: "yes" } });
 * ```
 * @since 0.1.0
 */
export function parallelWorlds(
  model: Scm,
  worlds: readonly CounterfactualIntervention[],
  options: ParallelWorldsOptions = {},
): ParallelWorlds {
  const where = "counterfactuals.parallelWorlds";
  if (!Array.isArray(worlds)) {
    throw new InvalidArgumentError(`${where}: worlds must be an array of interventions`, "worlds");
  }
  const coupling = readCoupling(options?.coupling, where);
  const resolved = worlds.map((w, i) => resolveWorld(model, w, where, `worlds[${i}]`));
  const built = buildWorlds(model, resolved, coupling, where);
  const known = new Set(built.worlds.map((w) => w.key));
  return Object.freeze({
    model: built.scm,
    node(variable: string, world?: CounterfactualIntervention): string {
      const w = resolveWorld(model, world, "counterfactuals.ParallelWorlds.node", "world");
      if (!known.has(w.key)) {
        throw new InvalidArgumentError(
          `counterfactuals.ParallelWorlds.node: the world do(${w.label}) is not one of the worlds built`,
          "world",
        );
      }
      requireVariable(model, variable, "counterfactuals.ParallelWorlds.node");
      return built.node(w, variable);
    },
    alternativeNoise: built.alternatives,
  });
}
