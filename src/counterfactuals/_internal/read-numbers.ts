import { InvalidArgumentError } from "../../errors.js";
import { toEntries } from "../../interventions/_internal/entries.js";

/** Whether `input` is a Map or a plain (non-iterable) object. */
export function isMapOrRecord(input: unknown): boolean {
  if (input instanceof Map) return true;
  return input !== null && typeof input === "object" && !(Symbol.iterator in input);
}

/** Reads a name → finite number collection given as a Map or a plain object. */
export function readNumbers(input: unknown, where: string, what: string): Map<string, number> {
  if (!isMapOrRecord(input)) {
    throw new InvalidArgumentError(`${where}: ${what} must be a Map or an object of numbers`, what);
  }
  const out = new Map<string, number>();
  for (const [name, value] of toEntries(input, where, what)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new InvalidArgumentError(
        `${where}: ${what}["${name}"] must be a finite number, got ${String(value)}`,
        name,
      );
    }
    out.set(name, value);
  }
  return out;
}
