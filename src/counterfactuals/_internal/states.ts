// Default treatment, control and outcome states of binary variables (the same rule as
// `causalkit/inference`'s effects).
import { InvalidArgumentError } from "../../errors.js";
import { positiveState } from "../../inference/positive-state.js";
import type { Scm } from "../../scm/scm.js";
import { encodeFor } from "./world.js";

/** Treatment and control values of X (encoded), with their texts. */
export interface TreatmentValues {
  readonly treated: number;
  readonly control: number;
  readonly treatedText: string;
  readonly controlText: string;
}

/**
 * The treatment and control values of X: given ones encoded with the intervention rules; for a
 * binary X a missing side is the other state (both missing: the positive state and the other
 * one); required otherwise. The same value twice is an error.
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
  // A missing side of a binary X is the other state (as `ate` in causalkit/inference).
  const tGiven = treated === undefined ? undefined : read(treated, 0, "treatment");
  const cGiven = control === undefined ? undefined : read(control, 0, "control");
  const t = tGiven ?? read(undefined, cGiven !== undefined ? 1 - cGiven : pos, "treatment");
  const c = cGiven ?? read(undefined, 1 - t, "control");
  if (t === c) {
    throw new InvalidArgumentError(
      `${where}: treatment and control are the same value of "${X}"`,
      "control",
    );
  }
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
