import { InvalidArgumentError } from "../../errors.js";
import type { Domain } from "../../scm/types.js";

/** A decimal number literal: optional sign, digits with an optional fraction, optional exponent. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** A canonical non-negative integer literal (no sign, no leading zeros). */
const INDEX = /^(?:0|[1-9]\d*)$/;

/**
 * Encodes an intervention value for a variable of the given domain (discrete → state index,
 * continuous → finite double), following the rules documented on `doIntervention`.
 *
 * @param variable - the variable (named in errors)
 * @param domain - its domain
 * @param value - the user's value
 * @param where - `module.function` for error messages
 * @returns the encoded value
 * @throws {@link InvalidArgumentError} if the value is not in the domain
 */
export function encodeValue(
  variable: string,
  domain: Domain,
  value: unknown,
  where: string,
): number {
  const bad = (why: string): never => {
    throw new InvalidArgumentError(
      `${where}: value ${describe(value)} for variable "${variable}" ${why}`,
      variable,
    );
  };
  if (domain.type === "continuous") {
    if (typeof value === "number") {
      if (!Number.isFinite(value)) bad("is not a finite number");
      return value;
    }
    if (typeof value === "string") {
      const text = value.trim();
      const parsed = DECIMAL.test(text) ? Number(text) : Number.NaN;
      if (!Number.isFinite(parsed)) bad("is not a finite decimal number");
      return parsed;
    }
    return bad("must be a number or a numeric string");
  }
  const states = domain.states;
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 0 || value >= states.length) {
      bad(`is not a state index (an integer in 0..${states.length - 1})`);
    }
    return value;
  }
  if (typeof value === "string") {
    const index = states.indexOf(value);
    if (index >= 0) return index;
    // A decimal integer string is a state index only when no state name could be meant.
    if (INDEX.test(value) && !states.some((s) => INDEX.test(s))) {
      const k = Number(value);
      if (k < states.length) return k;
    }
    return bad(`is not a state of [${states.join(", ")}]`);
  }
  return bad("must be a state name (string) or a state index (number)");
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return "function";
  if (value !== null && typeof value === "object") return Array.isArray(value) ? "array" : "object";
  return String(value);
}
