import { InvalidArgumentError } from "../../errors.js";

/** Default `maxFactorSize`: 2²⁵ cells (256 MiB of doubles). */
export const DEFAULT_MAX_FACTOR_SIZE: number = 2 ** 25;

/**
 * Reads a `maxFactorSize` option: `undefined` gives the default; otherwise a number ≥ 1
 * (`Infinity` allowed).
 *
 * @param value - the option value
 * @param where - `module.function` for messages
 * @returns the limit
 * @throws {@link InvalidArgumentError} (argument `"maxFactorSize"`) for anything else
 */
export function readMaxFactorSize(value: unknown, where: string): number {
  if (value === undefined) return DEFAULT_MAX_FACTOR_SIZE;
  if (typeof value !== "number" || Number.isNaN(value) || value < 1) {
    throw new InvalidArgumentError(
      `${where}: maxFactorSize must be a number ≥ 1, got ${String(value)}`,
      "maxFactorSize",
    );
  }
  return value;
}
