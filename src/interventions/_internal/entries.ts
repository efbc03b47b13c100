import { InvalidArgumentError } from "../../errors.js";

/**
 * Reads a name → value collection given as a `Map`, an iterable of `[name, value]` pairs or a
 * plain object (own enumerable string keys only, so inherited keys never leak in), and returns
 * its entries in order. Names must be strings and appear once.
 *
 * @param input - the collection
 * @param where - `module.function` for error messages
 * @param what - what the collection is called in messages (e.g. `"values"`)
 * @returns the entries, a fresh array
 * @throws {@link InvalidArgumentError} for a collection of the wrong shape, a non-string name
 *   or a name given twice
 */
export function toEntries(input: unknown, where: string, what: string): [string, unknown][] {
  if (input === null || input === undefined || typeof input !== "object") {
    const hint = typeof input === "string" ? " (parse strings with parseInterventionString)" : "";
    throw new InvalidArgumentError(
      `${where}: ${what} must be an object, a Map or an iterable of [name, value] pairs, got ${input === null ? "null" : typeof input}${hint}`,
      what,
    );
  }
  const entries: [string, unknown][] = [];
  if (Symbol.iterator in input) {
    for (const pair of input as Iterable<unknown>) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new InvalidArgumentError(
          `${where}: every entry of ${what} must be a [name, value] pair`,
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
      throw new InvalidArgumentError(`${where}: variable "${name}" is given twice`, name);
    }
    seen.add(name);
  }
  return entries;
}
