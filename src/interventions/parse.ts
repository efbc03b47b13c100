import { InvalidArgumentError } from "../errors.js";

/**
 * Parses the command-line form of an intervention, `"X=1, Y = yes, my var=2"`, into
 * `[name, value]` pairs for {@link doIntervention} (or, with numeric values, for
 * {@link shiftIntervention} after conversion).
 *
 * Grammar: the text is split on commas into assignments; each assignment is split at its
 * **first** `=` into a name and a value, both trimmed. Names may contain spaces and any
 * character but `,` and `=`; values may contain `=` but not `,`. Values stay strings: the
 * intervention functions interpret them against each variable's domain. Text that is empty or
 * only spaces gives `[]`. The pairs keep the order of the text; a name given twice is not
 * rejected here but by the intervention functions.
 *
 * @param text - the assignments, e.g. `"smoking = yes, dose=2.5"`
 * @returns the `[name, value]` pairs, a fresh array
 * @throws {@link InvalidArgumentError} for an assignment without `=`, with an empty name or an
 *   empty value, or an empty assignment (e.g. `"X=1,,Y=2"` or a trailing comma); the error's
 *   `argument` is the offending assignment
 * @remarks O(length of text).
 * @see {@link doIntervention} and {@link shiftIntervention}, which interpret the values.
 * @example
 * ```ts
 * parseInterventionString("X=1, my var = yes"); // [["X", "1"], ["my var", "yes"]]
 * ```
 * @since 0.1.0
 */
export function parseInterventionString(text: string): [string, string][] {
  const where = "interventions.parseInterventionString";
  if (typeof text !== "string") {
    throw new InvalidArgumentError(`${where}: expected a string, got ${typeof text}`, "text");
  }
  if (text.trim() === "") return [];
  const pairs: [string, string][] = [];
  const parts = text.split(",");
  parts.forEach((raw, i) => {
    const part = raw.trim();
    const at = part.indexOf("=");
    const bad = (why: string): never => {
      throw new InvalidArgumentError(
        `${where}: assignment ${i + 1} ${part === "" ? "is empty" : `"${part}" ${why}`} (expected name=value, separated by commas)`,
        part,
      );
    };
    if (part === "") bad("is empty");
    if (at < 0) bad("has no '='");
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (name === "") bad("has an empty name");
    if (value === "") bad("has an empty value");
    pairs.push([name, value]);
  });
  return pairs;
}
