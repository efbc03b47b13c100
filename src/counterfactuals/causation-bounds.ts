import { InvalidArgumentError } from "../errors.js";

/**
 * Data about a binary treatment X (x treated, x' control) and a binary outcome Y (y the event,
 * y' its absence) for {@link causationBounds}. Probabilities in [0, 1].
 *
 * @since 0.1.0
 */
export interface CausationData {
  /** Experimental (randomised) data: `P(y_x)` and `P(y_{x'})`. */
  readonly experimental: {
    /** `P(Y = y | do(X = x))`. */
    readonly treated: number;
    /** `P(Y = y | do(X = x'))`. */
    readonly control: number;
  };
  /**
   * Observational (non-experimental) joint distribution of X and Y; its four cells sum to 1
   * (±1e-6).
   * @defaultValue not available
   */
  readonly observational?: {
    /** `P(X = x, Y = y)`. */
    readonly treatedEvent: number;
    /** `P(X = x, Y = y')`. */
    readonly treatedNoEvent: number;
    /** `P(X = x', Y = y)`. */
    readonly controlEvent: number;
    /** `P(X = x', Y = y')`. */
    readonly controlNoEvent: number;
  };
}

/**
 * A closed interval `[lower, upper]` of probabilities.
 *
 * @since 0.1.0
 */
export interface ProbabilityInterval {
  /** The lower bound. */
  readonly lower: number;
  /** The upper bound (≥ lower). */
  readonly upper: number;
}

/**
 * Sharp bounds on the probabilities of causation; see {@link causationBounds}.
 *
 * @since 0.1.0
 */
export interface CausationBounds {
  /** Bounds on PNS. */
  readonly pns: ProbabilityInterval;
  /** Bounds on PN; `null` when `P(x, y) = 0`; without observational data `[0, 1]`, or exactly 1 when `P(y_x') = 0`. */
  readonly pn: ProbabilityInterval | null;
  /** Bounds on PS; `null` when `P(x', y') = 0`; without observational data `[0, 1]`, or exactly 1 when `P(y_x) = 1`. */
  readonly ps: ProbabilityInterval | null;
}

const TOLERANCE = 1e-9;

/**
 * Bounds on the probabilities of causation PNS, PN and PS (see
 * {@link probabilitiesOfCausation}) from data alone, when no model is known (Tian & Pearl
 * 2000, bounds from combined experimental and nonexperimental data; Pearl 2009, *Causality*
 * §9.2), with `P(y) = P(x, y) + P(x', y)`:
 *
 * - `max{0, P(y_x) − P(y_{x'}), P(y) − P(y_{x'}), P(y_x) − P(y)} ≤ PNS ≤
 *    min{P(y_x), P(y'_{x'}), P(x, y) + P(x', y'), P(y_x) − P(y_{x'}) + P(x, y') + P(x', y)}`;
 * - `max{0, (P(y) − P(y_{x'})) / P(x, y)} ≤ PN ≤ min{1, (P(y'_{x'}) − P(x', y')) / P(x, y)}`;
 * - `max{0, (P(y_x) − P(y)) / P(x', y')} ≤ PS ≤ min{1, (P(y_x) − P(x, y)) / P(x', y')}`.
 *
 * With experimental data only, the PNS bounds reduce to
 * `max{0, P(y_x) − P(y_{x'})} ≤ PNS ≤ min{P(y_x), P(y'_{x'})}` and PN and PS are only known to
 * lie in [0, 1]. The bounds are sharp (attained by some structural model consistent with the
 * data).
 *
 * Classic example (Pearl 2009, §9.3.4, Table 9.3): experimental deaths 16/1000 treated,
 * 14/1000 control; observational deaths 2/1000 among the treated and 28/1000 among the
 * untreated (half treated) give `PN = 1`: the treatment was, with certainty, a necessary
 * cause of death for the treated patients who died.
 *
 * @param data - experimental and (optionally) observational probabilities; see
 *   {@link CausationData}
 * @returns the three intervals
 * @throws {@link InvalidArgumentError} (argument `"data"`) for a probability outside [0, 1] or
 *   not finite, observational cells not summing to 1, or data that no structural model can
 *   produce (Tian & Pearl 2000: `P(x, y) ≤ P(y_x) ≤ 1 − P(x, y')` and
 *   `P(x', y) ≤ P(y_{x'}) ≤ 1 − P(x', y')`)
 * @see Tian, J. & Pearl, J. (2000). Probabilities of causation: bounds and identification.
 *   *Annals of Mathematics and Artificial Intelligence* 28, 287–313.
 * @see Pearl, J. (2009). *Causality*, 2nd ed., §9.2–9.3.
 * @remarks O(1).
 * @example
 * ```ts
 * causationBounds({
 *   experimental: { treated: 0.016, control: 0.014 },
 *   observational: { treatedEvent: 0.001, treatedNoEvent: 0.499, controlEvent: 0.014, controlNoEvent: 0.486 },
 * }).pn; // { lower: 1, upper: 1 }
 * ```
 * @since 0.1.0
 */
export function causationBounds(data: CausationData): CausationBounds {
  const where = "counterfactuals.causationBounds";
  const bad = (why: string): never => {
    throw new InvalidArgumentError(`${where}: ${why}`, "data");
  };
  if (
    data === null ||
    typeof data !== "object" ||
    data.experimental === null ||
    typeof data.experimental !== "object"
  ) {
    return bad("data.experimental ({ treated, control }) is required");
  }
  const prob = (label: string, p: unknown): number => {
    if (typeof p !== "number" || !Number.isFinite(p) || p < 0 || p > 1) {
      bad(`${label} must be a probability in [0, 1], got ${String(p)}`);
    }
    return p as number;
  };
  const py_x = prob("experimental.treated", data.experimental.treated);
  const py_x0 = prob("experimental.control", data.experimental.control);
  const clampUnit = (lo: number, hi: number): ProbabilityInterval => ({
    lower: Math.min(1, Math.max(0, lo)),
    upper: Math.max(0, Math.min(1, hi)),
  });
  if (data.observational === undefined) {
    return {
      pns: clampUnit(Math.max(0, py_x - py_x0), Math.min(py_x, 1 - py_x0)),
      // Without observational data only the degenerate cases are forced: P(y_x') = 0 means no
      // unit has the event without treatment (PN = 1); P(y_x) = 1 means every unit has it with
      // treatment (PS = 1). Otherwise some compatible observational distribution reaches 0 and 1.
      pn: py_x0 === 0 ? { lower: 1, upper: 1 } : { lower: 0, upper: 1 },
      ps: py_x === 1 ? { lower: 1, upper: 1 } : { lower: 0, upper: 1 },
    };
  }
  const o = data.observational;
  if (o === null || typeof o !== "object") return bad("data.observational must be an object");
  const pxy = prob("observational.treatedEvent", o.treatedEvent);
  const pxy0 = prob("observational.treatedNoEvent", o.treatedNoEvent);
  const px0y = prob("observational.controlEvent", o.controlEvent);
  const px0y0 = prob("observational.controlNoEvent", o.controlNoEvent);
  const total = pxy + pxy0 + px0y + px0y0;
  if (Math.abs(total - 1) > 1e-6) bad(`the observational cells sum to ${total}, not 1`);
  if (py_x < pxy - TOLERANCE || py_x > 1 - pxy0 + TOLERANCE) {
    bad(
      `P(y_x) = ${py_x} is incompatible with the observational data: it must lie in [P(x, y), 1 − P(x, y')] = [${pxy}, ${1 - pxy0}]`,
    );
  }
  if (py_x0 < px0y - TOLERANCE || py_x0 > 1 - px0y0 + TOLERANCE) {
    bad(
      `P(y_x') = ${py_x0} is incompatible with the observational data: it must lie in [P(x', y), 1 − P(x', y')] = [${px0y}, ${1 - px0y0}]`,
    );
  }
  const py = pxy + px0y;
  const pns = clampUnit(
    Math.max(0, py_x - py_x0, py - py_x0, py_x - py),
    Math.min(py_x, 1 - py_x0, pxy + px0y0, py_x - py_x0 + pxy0 + px0y),
  );
  const pn =
    pxy > 0
      ? clampUnit(Math.max(0, (py - py_x0) / pxy), Math.min(1, (1 - py_x0 - px0y0) / pxy))
      : null;
  const ps =
    px0y0 > 0
      ? clampUnit(Math.max(0, (py_x - py) / px0y0), Math.min(1, (py_x - pxy) / px0y0))
      : null;
  return { pns, pn, ps };
}
