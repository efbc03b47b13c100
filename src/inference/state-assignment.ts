/**
 * States of discrete variables: variable name → state, as a plain object, a `Map` or an
 * iterable of `[name, state]` pairs. Used for interventions (`do`), evidence (`given`) and
 * assignments of query results.
 *
 * A state is a **state name** (string) or a 0-based **state index** (integer number). As on
 * the command line, a decimal integer string (`"0"`, `"1"`, …) that names no state is read as a
 * state index, but only when no state name of that variable is itself a decimal integer. A
 * plain object is read through its own enumerable keys only; use a `Map` or pairs for a name
 * such as `"__proto__"` that an object literal cannot hold.
 *
 * @example
 * ```ts
 * const given: StateAssignment = { "smoker?": "yes", X_1: 0 };
 * const same: StateAssignment = new Map([["smoker?", "yes"], ["X_1", 0]]);
 * ```
 * @since 0.1.0
 */
export type StateAssignment =
  | Readonly<Record<string, string | number>>
  | ReadonlyMap<string, string | number>
  | Iterable<readonly [string, string | number]>;
