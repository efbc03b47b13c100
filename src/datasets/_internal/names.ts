// Node names for generated graphs and fresh names for generated variables. Internal to
// `causalkit/datasets`.
import { InvalidArgumentError } from "../../errors.js";

/**
 * The i-th default name (0-based): A, B, …, Z, AA, AB, …, AZ, BA, … (bijective base 26, as
 * spreadsheet columns).
 *
 * @internal
 */
export function defaultName(i: number): string {
  let k = i + 1;
  let s = "";
  while (k > 0) {
    const r = (k - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    k = Math.floor((k - 1) / 26);
  }
  return s;
}

/**
 * `names` checked (exactly n distinct strings), or the first n default names.
 *
 * @internal
 */
export function resolveNames(
  where: string,
  n: number,
  names: readonly string[] | undefined,
  option = "names",
): string[] {
  if (names === undefined) return Array.from({ length: n }, (_, i) => defaultName(i));
  if (!Array.isArray(names)) {
    throw new InvalidArgumentError(`${where}: ${option} must be an array of strings`, option);
  }
  if (names.length !== n) {
    throw new InvalidArgumentError(
      `${where}: ${option} has ${names.length} entries but ${n} are needed`,
      option,
    );
  }
  const seen = new Set<string>();
  for (const v of names) {
    if (typeof v !== "string") {
      throw new InvalidArgumentError(
        `${where}: ${option} must be strings, got ${typeof v}`,
        option,
      );
    }
    if (seen.has(v)) {
      throw new InvalidArgumentError(`${where}: duplicate name "${v}" in ${option}`, v);
    }
    seen.add(v);
  }
  return [...names];
}

/**
 * `base` if it is not in `taken`, else `base_2`, `base_3`, …; the result is added to `taken`.
 *
 * @internal
 */
export function freshName(base: string, taken: Set<string>): string {
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
  taken.add(name);
  return name;
}
