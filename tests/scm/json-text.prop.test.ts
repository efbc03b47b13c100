import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findJsonSyntaxProblem,
  locateJsonPointer,
  positionAt,
} from "../../src/scm/_internal/json-text.js";

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Valid JSON text, then possibly corrupted by deleting, inserting or replacing one character. */
const textArb = fc
  .tuple(
    fc.json({ maxDepth: 3, stringUnit: "binary" }),
    fc.nat(),
    fc.constantFrom("none", "delete", "insert", "replace"),
    fc.constantFrom(
      ",",
      "]",
      "}",
      "{",
      "[",
      '"',
      ":",
      "0",
      "-",
      ".",
      "e",
      "\\",
      "\n",
      " ",
      "x",
      "\u0001",
    ),
  )
  .map(([text, at, op, ch]) => {
    const i = text.length === 0 ? 0 : at % text.length;
    if (op === "delete") return text.slice(0, i) + text.slice(i + 1);
    if (op === "insert") return text.slice(0, i) + ch + text.slice(i);
    if (op === "replace") return text.slice(0, i) + ch + text.slice(i + 1);
    return text;
  });

/** Every JSON pointer of a parsed value, with the value it points to. */
function pointers(value: unknown, prefix = ""): [string, unknown][] {
  const out: [string, unknown][] = [[prefix, value]];
  if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      const token = key.replace(/~/g, "~0").replace(/\//g, "~1");
      out.push(...pointers((value as Record<string, unknown>)[key], `${prefix}/${token}`));
    }
  }
  return out;
}

describe("json-text scanner (property, JSON.parse as oracle)", () => {
  it("finds a syntax problem exactly when JSON.parse fails", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const problem = findJsonSyntaxProblem(text);
        expect(problem === undefined, JSON.stringify(text)).toBe(parses(text));
        if (problem) {
          expect(problem.offset).toBeGreaterThanOrEqual(0);
          expect(problem.offset).toBeLessThanOrEqual(text.length);
          // The text before the problem is valid or merely unfinished: the scanner did not
          // pass over an earlier error.
          const cut = findJsonSyntaxProblem(text.slice(0, problem.offset));
          if (cut) expect(cut.offset).toBe(problem.offset);
        }
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it("locates the value at every pointer of a document, in compact and indented text", () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3, stringUnit: "binary" }),
        fc.boolean(),
        (value, indented) => {
          const text = JSON.stringify(value, null, indented ? 2 : undefined);
          const normal = JSON.parse(text) as unknown;
          for (const [pointer, sub] of pointers(normal)) {
            const offset = locateJsonPointer(text, pointer);
            expect(offset, pointer).toBeDefined();
            const rest = text.slice(offset);
            const first = JSON.stringify(sub, null, indented ? 2 : undefined);
            if (sub === null || typeof sub !== "object") expect(rest.startsWith(first)).toBe(true);
            else expect(rest[0]).toBe(Array.isArray(sub) ? "[" : "{");
          }
          expect(locateJsonPointer(text, "/no such key/0")).toBeUndefined();
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("computes 1-based lines and columns", () => {
    expect(positionAt("ab\ncd\n", 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt("ab\ncd\n", 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt("ab\ncd\n", 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt("ab\r\ncd", 5)).toEqual({ line: 2, column: 2 });
    expect(positionAt("ab", 99)).toEqual({ line: 1, column: 3 });
  });
});
