import { InvalidArgumentError, UnknownNodeError } from "../../errors.js";

/** A canonical non-negative integer literal (no sign, no leading zeros). */
const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * Reads a name → value collection (`Map`, iterable of pairs, or plain object with own
 * enumerable keys) into its entries, checking the shape, that names are strings and that no
 * name appears twice.
 *
 * @throws InvalidArgumentError (argument `what`, or the repeated name)
 */
export function toEntries(input: unknown, where: string, what: string): [string, unknown][] {
  if (input === null || input === undefined || typeof input !== "object") {
    throw new InvalidArgumentError(
      `${where}: ${what} must be an object, a Map or an iterable of [name, state] pairs, got ${input === null ? "null" : typeof input}`,
      what,
    );
  }
  const entries: [string, unknown][] = [];
  if (Symbol.iterator in input) {
    for (const pair of input as Iterable<unknown>) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new InvalidArgumentError(
          `${where}: every entry of ${what} must be a [name, state] pair`,
          what,
        );
      }
      entries.push([pair[0] as string, pair[1]]);
    }
  } else {
    for (const key of Object.keys(input)) {
      entries.push([key, (input as Record<string, unknown>)[key]]);
    }
  }
  const seen = new Set<string>();
  for (const [name] of entries) {
    if (typeof name !== "string") {
      throw new InvalidArgumentError(
        `${where}: variable names in ${what} must be strings, got ${typeof name}`,
        what,
      );
    }
    if (seen.has(name)) {
      throw new InvalidArgumentError(`${where}: variable "${name}" appears twice in ${what}`, name);
    }
    seen.add(name);
  }
  return entries;
}

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
