const POSITIVE = new Set(["yes", "y", "true", "t", "1", "present", "positive", "pos", "on"]);
const NEGATIVE = new Set(["no", "n", "false", "f", "0", "absent", "negative", "neg", "off"]);

/**
 * The "treated" / "event" state of a binary variable, used as the default treatment and outcome
 * event by the effect functions ({@link ate}, and the counterfactual effects): the state with a
 * positive name when the two states read as positive and negative (`yes`/`no`, `true`/`false`,
 * `1`/`0`, `present`/`absent`, `on`/`off`, … case-insensitive, in either order, as BIF files
 * list `yes` first), otherwise `states[1]`.
 *
 * @param states - the state names of a discrete variable
 * @returns the index of the positive state (1 for a variable that does not have two states)
 * @example
 * ```ts
 * positiveState(["yes", "no"]); // 0
 * positiveState(["low", "high"]); // 1
 * ```
 * @since 0.1.0
 */
export function positiveState(states: readonly string[]): number {
  if (states.length !== 2) return 1;
  const [a, b] = states.map((v) => v.trim().toLowerCase()) as [string, string];
  if (POSITIVE.has(a) && NEGATIVE.has(b)) return 0;
  return 1;
}
