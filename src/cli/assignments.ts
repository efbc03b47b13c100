import { InvalidArgumentError } from "../errors.js";
import { parseInterventionString } from "../interventions/index.js";

/** `[name, value]` pairs of an assignment option (`--do`, `--given`). */
export type Pairs = [string, string | number][];

/**
 * Reads an assignment given on the command line (`"X=1, my var=yes"`) or, in a batch request,
 * as that string, an object `{"X": 1}` or a list of pairs.
 */
export function toPairs(value: unknown, option: string): Pairs {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return parseInterventionString(value);
  if (Array.isArray(value)) {
    return value.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string") {
        throw new InvalidArgumentError(`cli: ${option}[${i}] must be a [name, value] pair`, option);
      }
      return [pair[0], checkValue(pair[1], option)];
    });
  }
  if (typeof value === "object") {
    return Object.keys(value).map((k) => [
      k,
      checkValue((value as Record<string, unknown>)[k], option),
    ]);
  }
  throw new InvalidArgumentError(`cli: ${option} must be "X=x,Y=y", an object or pairs`, option);
}

function checkValue(v: unknown, option: string): string | number {
  if (typeof v === "string" || typeof v === "number") return v;
  throw new InvalidArgumentError(`cli: ${option} values must be strings or numbers`, option);
}

/** Pairs with numeric values, for continuous models (`"1.5"` → 1.5). */
export function numericRecord(pairs: Pairs, option: string): Record<string, number> {
  const record: Record<string, number> = Object.create(null);
  for (const [name, value] of pairs) {
    const x = typeof value === "number" ? value : Number(value);
    if (!Number.isFinite(x) || (typeof value === "string" && value.trim() === "")) {
      throw new InvalidArgumentError(
        `cli: ${option}: value "${value}" of ${name} is not a number (the model is continuous)`,
        name,
      );
    }
    record[name] = x;
  }
  return record;
}
