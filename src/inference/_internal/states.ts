import { InvalidArgumentError, UnknownNodeError } from "../../errors.js";

/** A canonical non-negative integer literal (no sign, no leading zeros). */
const INDEX = /^(?:0|[1-9]\d*)$/;

// One reader of name → value collections for the whole library (interventions owns it).
export { toEntries } from "../../interventions/_internal/entries.js";

/**
 * The state index a user value denotes: a state name, an integer index, or a decimal integer
 * string naming no state (when no state name is a decimal integer).
 *
 * @throws InvalidArgumentError (argument: the variable) otherwise
 */
export function encodeState(
  variable: string,
  states: readonly string[],
  value: unknown,
  where: string,
): number {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 0 && value < states.length) return value;
    throw new InvalidArgumentError(
      `${where}: state ${value} of variable "${variable}" is not a state index (an integer in 0..${states.length - 1})`,
      variable,
    );
  }
  if (typeof value === "string") {
    const index = states.indexOf(value);
    if (index >= 0) return index;
    if (INDEX.test(value) && !states.some((s) => INDEX.test(s))) {
      const k = Number(value);
      if (k < states.length) return k;
    }
    throw new InvalidArgumentError(
      `${where}: ${JSON.stringify(value)} is not a state of variable "${variable}" ([${states.join(", ")}])`,
      variable,
    );
  }
  throw new InvalidArgumentError(
    `${where}: the state of variable "${variable}" must be a state name (string) or a state index (number), got ${value === null ? "null" : typeof value}`,
    variable,
  );
}

/** The node of an endogenous variable, or an UnknownNodeError. */
export function requireNode(ids: ReadonlyMap<string, number>, name: string, where: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new UnknownNodeError(`${where}: unknown variable "${name}"`, name);
  return id;
}
