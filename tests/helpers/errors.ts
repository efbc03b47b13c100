import { expect } from "vitest";
import { type CausalKitError, ParseError } from "../../src/errors.js";

/**
 * Asserts that `fn` throws an instance of `cls` with the stable `code` (tests assert on class and
 * code, never on message text) and returns the error for further checks of its fields.
 */
export function expectError(
  fn: () => unknown,
  cls: new (...args: never[]) => Error,
  code: string,
): CausalKitError {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  if (err === undefined) expect.fail(`expected ${cls.name} (${code}), but nothing was thrown`);
  expect(err).toBeInstanceOf(cls);
  expect((err as CausalKitError).code).toBe(code);
  return err as CausalKitError;
}

/** Where a ParseError thrown by `fn` points: `{format, code, line, column}` (fails otherwise). */
export function parseErrorOf(fn: () => unknown): {
  format: string;
  code: string;
  line: number;
  column: number;
} {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    const p = e as ParseError;
    return { format: p.format, code: p.code, line: p.line, column: p.column };
  }
  return expect.fail("expected a ParseError, but nothing was thrown");
}
