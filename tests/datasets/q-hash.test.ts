import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashKey, hashKeyAfter, hashPrefix } from "../../src/datasets/_internal/q-hash.js";

describe("dedupe keys", () => {
  it("a key continued after a prefix equals the key of the whole text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(hashKeyAfter(hashPrefix(a), b)).toBe(hashKey(a + b));
      }),
      { seed: 42, numRuns: 300 },
    );
    expect(hashKey("")).toBe("811c9dc51000193");
  });
});
