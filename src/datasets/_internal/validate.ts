// Option checks shared by the generators. Every failure is an InvalidArgumentError whose
// message starts with the calling function and names the option. Internal to
// `causalkit/datasets`.
import { InvalidArgumentError } from "../../errors.js";
import type { Seed } from "../../sampling/rng.js";

/**
 * Checks an options argument: undefined (→ `{}`) or a non-null object.
 *
 * @internal
 */
export function checkOptions<T extends object>(where: string, options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError(`${where}: options must be an object`, "options");
  }
  return options;
}

/**
 * The seed, default 0; a string or a finite number.
 *
 * @internal
 */
export function checkSeed(where: string, seed: Seed | undefined): Seed {
  if (seed === undefined) return 0;
  if (typeof seed === "string" || (typeof seed === "number" && !Number.isNaN(seed))) return seed;
  throw new InvalidArgumentError(`${where}: seed must be a string or a number`, "seed");
}

/**
 * An integer in [min, max].
 *
 * @internal
 */
export function checkInteger(
  where: string,
  name: string,
  value: unknown,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
    throw new InvalidArgumentError(
      `${where}: ${name} must be an integer ${range}, got ${String(value)}`,
      name,
    );
  }
  return value;
}

/**
 * A finite number in [min, max].
 *
 * @internal
 */
export function checkNumber(
  where: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidArgumentError(
      `${where}: ${name} must be a number in [${min}, ${max}], got ${String(value)}`,
      name,
    );
  }
  return value;
}

/**
 * A range `[lo, hi]` of finite numbers with min ≤ lo ≤ hi ≤ max.
 *
 * @internal
 */
export function checkRangeOption(
  where: string,
  name: string,
  value: unknown,
  min: number,
  max: number = Number.POSITIVE_INFINITY,
): readonly [number, number] {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== "number" ||
    typeof value[1] !== "number" ||
    !Number.isFinite(value[0]) ||
    !Number.isFinite(value[1]) ||
    value[0] > value[1] ||
    value[0] < min ||
    value[1] > max
  ) {
    throw new InvalidArgumentError(
      `${where}: ${name} must be [lo, hi] with ${min} ≤ lo ≤ hi${Number.isFinite(max) ? ` ≤ ${max}` : ""}, got ${JSON.stringify(value)}`,
      name,
    );
  }
  return [value[0], value[1]];
}

/**
 * One of the allowed string values.
 *
 * @internal
 */
export function checkChoice<T extends string>(
  where: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(
      `${where}: ${name} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${JSON.stringify(value)}`,
      name,
    );
  }
  return value as T;
}
