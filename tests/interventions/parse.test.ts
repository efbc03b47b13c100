import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import { parseInterventionString } from "../../src/interventions/index.js";

describe("parseInterventionString", () => {
  it("splits on commas and the first '=', trimming names and values", () => {
    expect(parseInterventionString("X=1, Y = yes, my var=2")).toEqual([
      ["X", "1"],
      ["Y", "yes"],
      ["my var", "2"],
    ]);
    expect(parseInterventionString("a=b=c")).toEqual([["a", "b=c"]]);
    expect(parseInterventionString("  __proto__ = hi  ")).toEqual([["__proto__", "hi"]]);
    expect(parseInterventionString("X_1=-1.5e3,Ünï=ø")).toEqual([
      ["X_1", "-1.5e3"],
      ["Ünï", "ø"],
    ]);
  });

  it("keeps duplicates and order (the intervention functions reject duplicates)", () => {
    expect(parseInterventionString("B=1,A=2,B=3")).toEqual([
      ["B", "1"],
      ["A", "2"],
      ["B", "3"],
    ]);
  });

  it("returns [] for empty or blank text", () => {
    expect(parseInterventionString("")).toEqual([]);
    expect(parseInterventionString(" \t ")).toEqual([]);
  });

  it.each(["X", "X=1,Y", "=1", "X=", "X = ", "X=1,,Y=2", "X=1,", ",X=1"])(
    "rejects %j with InvalidArgumentError",
    (text) => {
      let caught: unknown;
      try {
        parseInterventionString(text);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
    },
  );

  it("rejects a non-string", () => {
    expect(() => parseInterventionString(1 as unknown as string)).toThrow(InvalidArgumentError);
  });
});
