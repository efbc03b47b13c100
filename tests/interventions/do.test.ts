import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { doIntervention, parseInterventionString } from "../../src/interventions/index.js";
import { createScm } from "../../src/scm/index.js";
import { bidirectedEdges, directedEdges, mixedModel, specText } from "./fixtures.js";

describe("doIntervention: graph surgery", () => {
  it("removes the incoming and bidirected edges of the intervened variable only", () => {
    const m = mixedModel();
    expect(directedEdges(m)).toEqual([
      "S -> __proto__",
      "X_1 -> Y",
      "Y -> S",
      "Z -> X_1",
      "Z -> my var",
      "my var -> Y",
    ]);
    expect(bidirectedEdges(m)).toEqual(["X_1 <-> my var"]);

    const d = doIntervention(m, { X_1: 1.5 });
    expect(directedEdges(d)).toEqual([
      "S -> __proto__",
      "X_1 -> Y",
      "Y -> S",
      "Z -> my var",
      "my var -> Y",
    ]);
    expect(bidirectedEdges(d)).toEqual([]);
    expect(d.graph.parents("X_1")).toEqual([]);
    expect(d.graph.siblings("my var")).toEqual([]);
    expect(d.graph.children("X_1")).toEqual(["Y"]);
  });

  it("installs constant mechanisms and keeps every other mechanism and the exogenous list", () => {
    const m = mixedModel();
    const d = doIntervention(m, { X_1: 1.5, S: "yes" });
    expect(d.variable("X_1").mechanism).toEqual({ type: "constant", value: 1.5 });
    expect(d.variable("S").mechanism).toEqual({ type: "constant", value: 1 });
    expect(d.variable("X_1").parents).toEqual([]);
    expect(d.variable("X_1").noise).toEqual([]);
    for (const name of ["__proto__", "Y", "my var", "Z"]) {
      expect(d.variable(name).mechanism).toEqual(m.variable(name).mechanism);
    }
    // Exogenous variables are all kept (units keep their identity across worlds).
    expect(d.exogenous).toEqual(m.exogenous);
    // Y -> S and Z -> X_1 are cut; S keeps its outgoing edge.
    expect(directedEdges(d)).toEqual(["S -> __proto__", "X_1 -> Y", "Z -> my var", "my var -> Y"]);
  });

  it("does not change the input model", () => {
    const m = mixedModel();
    const before = specText(m);
    const edges = [directedEdges(m), bidirectedEdges(m)];
    const d = doIntervention(m, new Map<string, string | number>([["__proto__", "hi"]]));
    expect(d).not.toBe(m);
    expect(specText(m)).toBe(before);
    expect([directedEdges(m), bidirectedEdges(m)]).toEqual(edges);
    expect(m.variable("__proto__").mechanism.type).toBe("cpt");
    expect(d.variable("__proto__").mechanism).toEqual({ type: "constant", value: 2 });
  });

  it("returns an equal model (the model itself) for an empty intervention", () => {
    const m = mixedModel();
    for (const empty of [{}, new Map<string, number>(), [], parseInterventionString("  ")]) {
      const d = doIntervention(m, empty);
      expect(specText(d)).toBe(specText(m));
    }
  });

  it("accepts a Map, pairs and a plain object, with names holding spaces and __proto__", () => {
    const m = mixedModel();
    const viaMap = doIntervention(
      m,
      new Map<string, string | number>([
        ["my var", -3],
        ["__proto__", "mid"],
      ]),
    );
    const viaPairs = doIntervention(m, [
      ["my var", "-3"],
      ["__proto__", 1],
    ]);
    const viaText = doIntervention(m, parseInterventionString("my var = -3, __proto__=mid"));
    expect(specText(viaPairs)).toBe(specText(viaMap));
    expect(specText(viaText)).toBe(specText(viaMap));
    expect(viaMap.variable("my var").mechanism).toEqual({ type: "constant", value: -3 });
    expect(viaMap.variable("__proto__").mechanism).toEqual({ type: "constant", value: 1 });
    // In an object literal `__proto__` sets the prototype: only own keys are read.
    const withProto = { __proto__: { Z: 5 }, "my var": -3 } as unknown as Record<string, number>;
    expect(withProto["Z"]).toBe(5); // inherited, so not an intervention
    const literal = doIntervention(m, withProto);
    expect(literal.variable("Z").mechanism.type).toBe("linear");
    expect(literal.variable("my var").mechanism).toEqual({ type: "constant", value: -3 });
    // JSON.parse creates an own "__proto__" key, which is read.
    const parsed = doIntervention(m, JSON.parse('{"__proto__": "lo"}') as Record<string, string>);
    expect(parsed.variable("__proto__").mechanism).toEqual({ type: "constant", value: 0 });
  });
});

describe("doIntervention: values", () => {
  const m = createScm({
    variables: [
      {
        name: "colour",
        domain: { type: "discrete", states: ["red", "green", "blue"] },
        mechanism: { type: "cpt", parents: [], table: [[0.2, 0.3, 0.5]] },
      },
      {
        name: "grade",
        domain: { type: "discrete", states: ["1", "2", "3"] },
        mechanism: {
          type: "cpt",
          parents: ["colour"],
          table: [
            [1, 0, 0],
            [0, 1, 0],
            [0, 0, 1],
          ],
        },
      },
      {
        name: "x",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: ["colour"], coefficients: [2] },
      },
    ],
  });
  const encoded = (name: string, value: string | number): number => {
    const mech = doIntervention(m, [[name, value]]).variable(name).mechanism;
    if (mech.type !== "constant") throw new Error("expected a constant");
    return mech.value;
  };

  it("reads discrete strings as state names and numbers as state indices", () => {
    expect(encoded("colour", "red")).toBe(0);
    expect(encoded("colour", "blue")).toBe(2);
    expect(encoded("colour", 1)).toBe(1);
    expect(encoded("grade", "1")).toBe(0); // state name "1", not index 1
    expect(encoded("grade", 1)).toBe(1); // a number is an index
    expect(encoded("grade", "3")).toBe(2);
  });

  it("reads a decimal integer string as an index only when no state name is an integer", () => {
    expect(encoded("colour", "2")).toBe(2);
    expect(encoded("colour", "0")).toBe(0);
    // "0" names no state of grade, but grade's states are integers: never an index there.
    expect(() => encoded("grade", "0")).toThrow(InvalidArgumentError);
  });

  it("reads continuous values from numbers and decimal strings", () => {
    expect(encoded("x", 2.25)).toBe(2.25);
    expect(encoded("x", "1.5")).toBe(1.5);
    expect(encoded("x", " -2e3 ")).toBe(-2000);
    expect(encoded("x", ".5")).toBe(0.5);
    expect(encoded("x", -0.125)).toBe(-0.125);
  });

  const rejected: [string, unknown][] = [
    ["colour", "purple"],
    ["colour", "Red"],
    ["colour", 3],
    ["colour", -1],
    ["colour", 0.5],
    ["colour", Number.NaN],
    ["colour", "3"],
    ["colour", "01"],
    ["colour", true],
    ["colour", null],
    ["grade", "4"],
    ["x", Number.POSITIVE_INFINITY],
    ["x", Number.NaN],
    ["x", "abc"],
    ["x", ""],
    ["x", "Infinity"],
    ["x", "1e999"],
    ["x", "0x10"],
    ["x", "1.5.2"],
    ["x", 1n],
    ["x", {}],
  ];
  it.each(rejected)(
    "rejects %s = %s with InvalidArgumentError naming the variable",
    (name, value) => {
      let caught: unknown;
      try {
        doIntervention(m, [[name, value as string]]);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
      expect((caught as InvalidArgumentError).argument).toBe(name);
    },
  );
});

describe("doIntervention: errors", () => {
  const m = mixedModel();

  it("rejects an unknown variable, and an exogenous one, with UnknownNodeError", () => {
    for (const name of ["W", "L", "U_Z", "my  var", "toString"]) {
      let caught: unknown;
      try {
        doIntervention(m, [[name, 1]]);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(UnknownNodeError);
      expect((caught as UnknownNodeError).code).toBe("E_UNKNOWN_NODE");
      expect((caught as UnknownNodeError).node).toBe(name);
    }
  });

  it("rejects a name given twice and collections of the wrong shape", () => {
    const expectArgError = (f: () => unknown): void => {
      expect(f).toThrow(InvalidArgumentError);
      try {
        f();
      } catch (e) {
        expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
      }
    };
    expectArgError(() =>
      doIntervention(m, [
        ["Z", 1],
        ["Z", 1],
      ]),
    );
    expectArgError(() => doIntervention(m, "Z=1" as unknown as Record<string, number>));
    expectArgError(() => doIntervention(m, null as unknown as Record<string, number>));
    expectArgError(() => doIntervention(m, [["Z"]] as unknown as [string, number][]));
    expectArgError(() => doIntervention(m, [[1, 1]] as unknown as [string, number][]));
  });

  it("applies nothing when any value is invalid", () => {
    const before = specText(m);
    expect(() => doIntervention(m, { Z: 1, S: "maybe" })).toThrow(InvalidArgumentError);
    expect(() => doIntervention(m, { Z: 1, nope: 2 })).toThrow(UnknownNodeError);
    expect(specText(m)).toBe(before);
  });
});
