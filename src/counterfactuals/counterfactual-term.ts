/**
 * A reference to the value a variable takes in another world: in an intervention, `M: { world:
 * { X: "0" } }` sets M to the value M would have had under do(X = 0) — the nested
 * counterfactual `M_{X=0}`. `{ world: {} }` is the factual (natural) value of M.
 *
 * @example
 * ```ts
 * // Y_{X=1, M_{X=0}}: the outcome under treatment, with the mediator held at its value
 * // under control (the natural direct effect's counterfactual; Pearl 2001).
 * const nested: CounterfactualIntervention = { X: "1", M: { world: { X: "0" } } };
 * ```
 * @since 0.1.0
 */
export interface WorldReference {
  /** The intervention defining the world whose value is taken (nested references allowed). */
  readonly world: CounterfactualIntervention;
}

/**
 * The value an intervention sets: a state name or state index for a discrete variable, a finite
 * number or decimal string for a continuous one (the rules of `doIntervention`), or a
 * {@link WorldReference} for a nested counterfactual.
 *
 * @since 0.1.0
 */
export type CounterfactualValue = string | number | WorldReference;

/**
 * The intervention defining a counterfactual world: variable → {@link CounterfactualValue}, as
 * a plain object (own enumerable keys only), a `Map` or an iterable of `[name, value]` pairs.
 * The empty intervention is the factual world.
 *
 * @example
 * ```ts
 * const x0: CounterfactualIntervention = { "treated?": "no" };
 * const nested: CounterfactualIntervention = new Map([["X", 1], ["M", { world: { X: 0 } }]]);
 * ```
 * @since 0.1.0
 */
export type CounterfactualIntervention =
  | Readonly<Record<string, CounterfactualValue>>
  | ReadonlyMap<string, CounterfactualValue>
  | Iterable<readonly [string, CounterfactualValue]>;

/**
 * A counterfactual variable `Y_x`: the variable `variable` in the world `do(do)`. Without `do`
 * it is the factual variable Y.
 *
 * Its label (used in results) is `Y` for a factual variable and `Y_{X=x, …}` otherwise, the
 * assignments in model order, a nested value written `M=M_{X=0}` and a factual reference
 * `M=M`.
 *
 * @since 0.1.0
 */
export interface CounterfactualTerm {
  /** The endogenous variable. */
  readonly variable: string;
  /**
   * The intervention defining its world.
   * @defaultValue the factual world (no intervention)
   */
  readonly do?: CounterfactualIntervention;
}

/**
 * Evidence about a counterfactual variable: `variable` took `value` in the world `do(do)`.
 *
 * @since 0.1.0
 */
export interface CounterfactualEvidence extends CounterfactualTerm {
  /** The observed value: a state name or index (discrete), a number (continuous). */
  readonly value: string | number;
}
