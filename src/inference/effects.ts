import { InvalidArgumentError } from "../errors.js";
import type { Scm } from "../scm/scm.js";
import { encodeState, requireNode } from "./_internal/states.js";
import { compileNetwork } from "./discrete/_internal/compile-network.js";
import { positiveState } from "./positive-state.js";
import { runQuery } from "./query.js";
import type { QueryResult } from "./query-result.js";
import type { StateAssignment } from "./state-assignment.js";

/**
 * Options of {@link ate}.
 *
 * @since 0.1.0
 */
export interface EffectOptions {
  /**
   * The treatment state of X (name or index).
   * @defaultValue for a binary X, the state other than `control` if that is given, else its
   *   positive state: the one named `yes`/`true`/`1`/`present`/… when the other is
   *   `no`/`false`/`0`/`absent`/… (in either order), else `states[1]`; required otherwise
   */
  readonly treatment?: string | number;
  /**
   * The control state of X (name or index).
   * @defaultValue for a binary X, the state that is not the treatment; required otherwise
   */
  readonly control?: string | number;
  /**
   * Report the effect on `P(Y = outcomeState)` (a risk difference) instead of on the expected
   * state index of Y.
   * @defaultValue for a binary Y its positive state (as for `treatment`); none otherwise, and the
   *   effect is on the expected state index
   */
  readonly outcomeState?: string | number;
  /**
   * Evidence conditioned on in both intervened models (as in {@link query}).
   * @defaultValue no evidence
   */
  readonly given?: StateAssignment;
  /**
   * Size limit of exact inference; see {@link QueryOptions.maxFactorSize}.
   * @defaultValue 2²⁵
   */
  readonly maxFactorSize?: number;
}

/**
 * Options of {@link cate}: {@link EffectOptions} with required evidence.
 *
 * @since 0.1.0
 */
export interface ConditionalEffectOptions extends EffectOptions {
  /** The conditioning event Z = z (conditioned on in the intervened models). */
  readonly given: StateAssignment;
}

/**
 * An average causal effect of X on Y, with the two interventional distributions behind it.
 *
 * @since 0.1.0
 */
export interface EffectResult {
  /**
   * The (conditional) average treatment effect: `E[Y | do(X = treatment), z] −
   * E[Y | do(X = control), z]` with Y's state indices as values, or the risk difference
   * `P(Y = s | do(treatment), z) − P(Y = s | do(control), z)` when an outcome state s applies
   * (given, or the positive state of a binary Y; see {@link EffectOptions.outcomeState}).
   */
  readonly ate: number;
  /**
   * `P(Y = s | do(treatment), z) − P(Y = s | do(control), z)`; present when `outcomeState` was
   * given or Y is binary (s = its positive state).
   */
  readonly riskDifference?: number;
  /**
   * `P(Y = s | do(treatment), z) / P(Y = s | do(control), z)`; present when a risk difference
   * is and the control risk is positive.
   */
  readonly riskRatio?: number;
  /** The outcome state s the risks refer to, when there is one. */
  readonly outcomeState?: string;
  /** The treatment state of X. */
  readonly treatmentState: string;
  /** The control state of X. */
  readonly controlState: string;
  /** `P(Y | do(X = treatment), given)`. */
  readonly treated: QueryResult;
  /** `P(Y | do(X = control), given)`. */
  readonly control: QueryResult;
}

/**
 * The average treatment effect (average causal effect) of a discrete X on a discrete Y
 * (Pearl 2009, *Causality* §3.2 and Definition 3.2.1; Hernán & Robins 2020, *Causal
 * Inference: What If*, §1.2–1.3): `E[Y | do(X = treatment)] − E[Y | do(X = control)]`, where Y's
 * value is its state index; for a binary Y it is the causal risk difference
 * `P(Y = s | do(treatment)) − P(Y = s | do(control))` for its positive state s (`yes`, `true`,
 * `1`, … when the other state is `no`, `false`, `0`, …; else `states[1]`). With `outcomeState`
 * it is the risk difference for that state. A binary X's default treatment is likewise its
 * positive state, the control the other one. Both interventional distributions are computed exactly
 * with {@link query}; with `given`, the effect is conditional on evidence in the intervened
 * models (see {@link cate}).
 *
 * @param model - a discrete structural causal model (see {@link query} for what is supported)
 * @param X - the treatment variable
 * @param Y - the outcome variable (≠ X)
 * @param options - treatment and control states, outcome state, evidence; see
 *   {@link EffectOptions}
 * @returns the effect and both distributions; see {@link EffectResult}
 * @throws {@link UnknownNodeError} if X or Y is not a variable of the model
 * @throws {@link InvalidArgumentError} if X = Y (argument `"outcome"`), if treatment or control
 *   is missing for a non-binary X (argument `"treatment"` / `"control"`), for an unknown state
 *   (argument: the variable), or for any reason {@link query} gives
 * @throws {@link FactorTooLargeError} if exact inference would exceed `maxFactorSize`
 * @throws {@link InvalidScmError} (reason `"domain"`) if a function or expression mechanism
 *   returns something other than a state index (as in {@link query})
 * @remarks Two {@link query} calls.
 * @see Pearl, J. (2009). *Causality* (2nd ed.), §3.2.
 * @example
 * ```ts
 * const e = ate(model, "smoking", "cancer"); // binary X: "yes" vs "no"
 * e.ate; e.riskRatio; e.treated.marginal("cancer");
 * ```
 * @since 0.1.0
 */
export function ate(model: Scm, X: string, Y: string, options: EffectOptions = {}): EffectResult {
  return effect(model, X, Y, options, "inference.ate");
}

/**
 * The conditional average treatment effect of X on Y given evidence Z = z:
 * `E[Y | do(X = treatment), Z = z] − E[Y | do(X = control), Z = z]`, with Y's state indices as
 * values (or the risk difference for `outcomeState`). Z is conditioned on **in the intervened
 * models**, as in {@link query}: for pre-treatment covariates Z (non-descendants of X) this is
 * the usual CATE `E[Y_treatment − Y_control | Z = z]`; for descendants of X it is the
 * difference of the two post-intervention conditionals.
 *
 * @param model - a discrete structural causal model
 * @param X - the treatment variable
 * @param Y - the outcome variable (≠ X)
 * @param options - as {@link ate}, with `given` required; see {@link ConditionalEffectOptions}
 * @returns the effect and both conditional distributions; see {@link EffectResult}
 * @throws {@link UnknownNodeError} if X, Y or an evidence variable is not in the model
 * @throws {@link InvalidArgumentError} as {@link ate}; also (argument `"given"`) if the evidence
 *   is missing or has probability 0 under either intervention
 * @throws {@link FactorTooLargeError} if exact inference would exceed `maxFactorSize`
 * @throws {@link InvalidScmError} (reason `"domain"`) if a function or expression mechanism
 *   returns something other than a state index (as in {@link query})
 * @remarks Two {@link query} calls.
 * @see Pearl, J. (2009). *Causality* (2nd ed.), §3.2.
 * @example
 * ```ts
 * const e = cate(model, "treatment", "recovery", { given: { "age group": "old" } });
 * ```
 * @since 0.1.0
 */
export function cate(
  model: Scm,
  X: string,
  Y: string,
  options: ConditionalEffectOptions,
): EffectResult {
  const where = "inference.cate";
  if (options === null || typeof options !== "object" || options.given === undefined) {
    throw new InvalidArgumentError(`${where}: options.given (the evidence) is required`, "given");
  }
  return effect(model, X, Y, options, where);
}

function effect(
  model: Scm,
  X: string,
  Y: string,
  options: EffectOptions,
  where: string,
): EffectResult {
  const net = compileNetwork(model, where);
  const x = requireNode(net.ids, X, where);
  const y = requireNode(net.ids, Y, where);
  if (x === y) {
    throw new InvalidArgumentError(
      `${where}: the outcome must differ from the treatment "${X}"`,
      "outcome",
    );
  }
  const xStates = net.states[x] as readonly string[];
  const yStates = net.states[y] as readonly string[];
  const stateOf = (value: string | number | undefined, fallback: number, what: string): number => {
    if (value !== undefined) return encodeState(X, xStates, value, where);
    if (xStates.length !== 2) {
      throw new InvalidArgumentError(
        `${where}: "${X}" has ${xStates.length} states; give options.${what} explicitly`,
        what,
      );
    }
    return fallback;
  };
  // A binary X: a missing side is the other state (the positive state is the default treatment).
  const xPositive = positiveState(xStates);
  const given = (value: string | number | undefined, what: string): number | undefined =>
    value === undefined ? undefined : stateOf(value, 0, what);
  const tGiven = given(options.treatment, "treatment");
  const cGiven = given(options.control, "control");
  const t =
    tGiven ?? stateOf(undefined, cGiven !== undefined ? 1 - cGiven : xPositive, "treatment");
  const c = cGiven ?? stateOf(undefined, 1 - t, "control");
  if (t === c) {
    throw new InvalidArgumentError(
      `${where}: treatment and control are the same state "${xStates[t]}" of "${X}"`,
      "control",
    );
  }
  const s =
    options.outcomeState !== undefined
      ? encodeState(Y, yStates, options.outcomeState, where)
      : yStates.length === 2
        ? positiveState(yStates)
        : -1;
  const run = (state: number): QueryResult =>
    runQuery(
      model,
      {
        targets: Y,
        do: [[X, state]],
        ...(options.given !== undefined ? { given: options.given } : {}),
        ...(options.maxFactorSize !== undefined ? { maxFactorSize: options.maxFactorSize } : {}),
      },
      where,
    );
  const treated = run(t);
  const control = run(c);
  const base = {
    treatmentState: xStates[t] as string,
    controlState: xStates[c] as string,
    treated,
    control,
  };
  if (s < 0) return { ate: treated.expectation(Y) - control.expectation(Y), ...base };
  const p1 = treated.probabilities[s] as number;
  const p0 = control.probabilities[s] as number;
  const rd = p1 - p0;
  return {
    ate: rd,
    riskDifference: rd,
    ...(p0 > 0 ? { riskRatio: p1 / p0 } : {}),
    outcomeState: yStates[s] as string,
    ...base,
  };
}
