import { UnknownNodeError } from "../../errors.js";
import { encodeValue } from "../../interventions/_internal/encode-value.js";

// One reader of name → value collections for the whole library (interventions owns it).
export { toEntries } from "../../interventions/_internal/entries.js";

/**
 * The state index a user value denotes (a state name, an integer index, or a decimal integer
 * string naming no state when no state name is one): the rule of `doIntervention`, shared.
 *
 * @throws InvalidArgumentError (argument: the variable) otherwise
 */
export function encodeState(
  variable: string,
  states: readonly string[],
  value: unknown,
  where: string,
): number {
  return encodeValue(variable, { type: "discrete", states }, value, where);
}

/** The node of an endogenous variable, or an UnknownNodeError. */
export function requireNode(ids: ReadonlyMap<string, number>, name: string, where: string): number {
  const id = ids.get(name);
  if (id === undefined) throw new UnknownNodeError(`${where}: unknown variable "${name}"`, name);
  return id;
}
