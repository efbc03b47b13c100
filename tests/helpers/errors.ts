import { expect } from "vitest";
import type { CausalKitError } from "../../src/errors.js";

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
