// Default treatment, control and outcome states of binary variables (the same rule as
// `causalkit/inference`'s effects).
import { InvalidArgumentError } from "../../errors.js";
import type { Scm } from "../../scm/scm.js";
import { encodeFor } from "./world.js";

const POSITIVE = new Set(["yes", "y", "true", "t", "1", "present", "positive", "pos", "on"]);
const NEGATIVE = new Set(["no", "n", "false", "f", "0", "absent", "negative", "neg", "off"]);

/**
 * The "treated" / "event" state of a binary variable: the state with a positive name when the
 * two read as positive and negative (`yes`/`no`, `true`/`false`, `1`/`0`, … in either order),
 * otherwise `states[1]`.
 */
export function positiveState(states: readonly string[]): number {
  if (states.length !== 2) return 1;
  const [a, b] = states.map((v) => v.trim().toLowerCase()) as [string, string];
  if (POSITIVE.has(a) && NEGATIVE.has(b)) return 0;
  return 1;
}

/** Treatment and control values of X (encoded), with their texts. */
export interface TreatmentValues {
  readonly treated: number;
  readonly control: number;
  readonly treatedText: string;
  readonly controlText: string;
}

/**
 * The treatment and control values of X: given ones encoded with the intervention rules; for a
 * binary X the positive state and the other one by default; required otherwise.
 */
export function treatmentValues(
  model: Scm,
  X: string,
  treated: unknown,
  control: unknown,
  where: string,
): TreatmentValues {
  const d = model.variable(X).domain;
  const binary = d.type === "discrete" && d.states.length === 2;
  const pos = d.type === "discrete" ? positiveState(d.states) : 1;
  const read = (value: unknown, fallback: number, what: string): number => {
    if (value !== undefined) return encodeFor(model, X, value, where);
    if (!binary) {
      throw new InvalidArgumentError(
        `${where}: "${X}" is not binary; give options.${what} explicitly`,
        what,
      );
    }
    return fallback;
  };
  const t = read(treated, pos, "treatment");
  const c = read(control, 1 - pos, "control");
  const text = (v: number): string => (d.type === "discrete" ? (d.states[v] as string) : String(v));
  return { treated: t, control: c, treatedText: text(t), controlText: text(c) };
}

/** How an outcome value enters an expectation: an event indicator, a state index or the value. */
export interface OutcomeScale {
  /** The event state (discrete Y with an event), else −1. */
  readonly state: number;
  /** Its name, when there is one. */
  readonly text?: string;
  /** h(y): 1/0 for the event, the state index, or the value. */
  readonly h: (y: number) => number;
}

/** The outcome scale of Y: its event (given, or the positive state of a binary Y) or its value. */
export function outcomeScale(
  model: Scm,
  Y: string,
  outcomeState: unknown,
  where: string,
): OutcomeScale {
  const d = model.variable(Y).domain;
  if (d.type === "continuous") {
    if (outcomeState !== undefined) {
      throw new InvalidArgumentError(
        `${where}: "${Y}" is continuous; outcomeState applies to discrete outcomes only`,
        "outcomeState",
      );
    }
    return { state: -1, h: (y) => y };
  }
  const s =
    outcomeState !== undefined
      ? encodeFor(model, Y, outcomeState, where)
      : d.states.length === 2
        ? positiveState(d.states)
        : -1;
  if (s < 0) return { state: -1, h: (y) => y };
  return { state: s, text: d.states[s] as string, h: (y) => (y === s ? 1 : 0) };
}
