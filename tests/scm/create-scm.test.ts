import { describe, expect, it } from "vitest";
import { UnknownNodeError } from "../../src/errors.js";
import {
  createScm,
  type Domain,
  type Mechanism,
  type ScmSpec,
  type VariableSpec,
} from "../../src/scm/index.js";

const binary: Domain = { type: "discrete", states: ["no", "yes"] };
const real: Domain = { type: "continuous" };
const v = (name: string, domain: Domain, mechanism: Mechanism): VariableSpec => ({
  name,
  domain,
  mechanism,
});
const rootCpt = (name: string): VariableSpec =>
  v(name, binary, { type: "cpt", parents: [], table: [[0.25, 0.75]] });
const rootLinear = (name: string): VariableSpec =>
  v(name, real, { type: "linear", parents: [], coefficients: [] });

describe("createScm: defaults", () => {
  it("creates U_<name> noises: uniform(0, 1) for CPT and logistic, normal(0, 1) for linear", () => {
    const m = createScm({
      variables: [
        rootCpt("A"),
        v("B", binary, { type: "logistic", parents: ["A"], coefficients: [2] }),
        v("my var", real, { type: "linear", parents: ["A", "B"], coefficients: [1, -1] }),
        v("K", real, { type: "constant", value: 3 }),
        v("F", real, { type: "function", parents: ["K"], fn: (p) => (p["K"] ?? 0) * 2 }),
      ],
    });
    expect(m.exogenous).toEqual([
      { name: "U_A", distribution: { type: "uniform", min: 0, max: 1 } },
      { name: "U_B", distribution: { type: "uniform", min: 0, max: 1 } },
      { name: "U_my var", distribution: { type: "normal", mean: 0, sd: 1 } },
    ]);
    expect(m.variable("A").mechanism).toEqual({
      type: "cpt",
      parents: [],
      table: [[0.25, 0.75]],
      noise: "U_A",
    });
    expect(m.variable("B").mechanism).toEqual({
      type: "logistic",
      parents: ["A"],
      coefficients: [2],
      intercept: 0,
      noise: "U_B",
    });
    expect(m.variable("my var").noise).toEqual(["U_my var"]);
    expect(m.variable("K").noise).toEqual([]);
    expect(m.variable("F").noise).toEqual([]);
    expect(m.variable("F").parents).toEqual(["K"]);
  });

  it("uses a declared U_<name> and keeps declared exogenous variables first, in order", () => {
    const m = createScm({
      variables: [rootLinear("X"), rootCpt("A")],
      exogenous: [
        { name: "unused", distribution: { type: "exponential", rate: 2 } },
        { name: "U_X", distribution: { type: "studentT", df: 3, location: 0, scale: 1 } },
      ],
    });
    expect(m.exogenous.map((u) => u.name)).toEqual(["unused", "U_X", "U_A"]);
    expect(m.exogenousVariable("U_X").distribution.type).toBe("studentT");
    expect(() => m.exogenousVariable("U_Y")).toThrow(UnknownNodeError);
  });

  it("fills in optional distribution parameters", () => {
    const m = createScm({
      variables: [],
      exogenous: [
        { name: "n", distribution: { type: "normal", sd: 2 } as never },
        { name: "l", distribution: { type: "laplace", scale: 2 } as never },
        { name: "t", distribution: { type: "studentT", df: 4 } as never },
      ],
    });
    expect(m.exogenous.map((u) => u.distribution)).toEqual([
      { type: "normal", mean: 0, sd: 2 },
      { type: "laplace", location: 0, scale: 2 },
      { type: "studentT", df: 4, location: 0, scale: 1 },
    ]);
  });

  it("rebuilds an equal model from toSpec()", () => {
    const spec: ScmSpec = {
      variables: [v("Y", real, { type: "expression", expression: "2*X + E" }), rootLinear("X")],
      exogenous: [{ name: "E", distribution: { type: "uniform", min: -1, max: 1 } }],
    };
    const m = createScm(spec);
    expect(createScm(m.toSpec()).toSpec()).toEqual(m.toSpec());
  });
});

describe("createScm: order and graph", () => {
  it("orders variables topologically, ties in spec order", () => {
    const m = createScm({
      variables: [
        v("C", real, { type: "linear", parents: ["A"], coefficients: [1] }),
        rootLinear("B"),
        v("D", real, { type: "linear", parents: ["B", "C"], coefficients: [1, 1] }),
        rootLinear("A"),
        rootLinear("E"),
      ],
    });
    // Ready at the start: B, A, E (spec order); C becomes ready after A, D after C.
    expect(m.variableNames).toEqual(["B", "A", "C", "D", "E"]);
    expect(m.variables.map((x) => x.name)).toEqual(m.variableNames);
    const position = new Map(m.variableNames.map((name, i) => [name, i]));
    for (const [a, b] of m.graph.directedEdges()) {
      expect(position.get(a)).toBeLessThan(position.get(b) ?? -1);
    }
  });

  it("draws P -> V for parents and V <-> W for a shared exogenous variable", () => {
    const m = createScm({
      variables: [
        v("X", real, { type: "linear", parents: [], coefficients: [], noise: "L" }),
        v("Y", real, { type: "linear", parents: ["X"], coefficients: [2], noise: "L" }),
        v("Z", real, { type: "expression", expression: "L - Y" }),
        v("S", binary, { type: "cpt", parents: [], table: [[0.5, 0.5]], noise: "V" }),
        v("T", binary, { type: "logistic", parents: [], coefficients: [], noise: "V" }),
        rootLinear("alone"),
      ],
      exogenous: [
        { name: "L", distribution: { type: "normal", mean: 0, sd: 1 } },
        { name: "V", distribution: { type: "uniform", min: 0, max: 1 } },
      ],
    });
    expect(
      m.graph
        .directedEdges()
        .map(([a, b]) => `${a}->${b}`)
        .sort(),
    ).toEqual(["X->Y", "Y->Z"]);
    const bidirected = m.graph
      .bidirectedEdges()
      .map(([a, b]) => [a, b].sort().join("<->"))
      .sort();
    expect(bidirected).toEqual(["S<->T", "X<->Y", "X<->Z", "Y<->Z"]);
    expect(m.graph.siblings("alone")).toEqual([]);
    expect(m.graph.nodes().sort()).toEqual(["S", "T", "X", "Y", "Z", "alone"]);
  });

  it("handles names with spaces, unicode, punctuation, __proto__ and constructor", () => {
    const names = ["__proto__", "constructor", "my var", "Ünï ✓", "a,b=c", "X_1"];
    const variables: VariableSpec[] = [rootCpt("__proto__")];
    for (let i = 1; i < names.length; i++) {
      variables.push(
        v(names[i] as string, binary, {
          type: "cpt",
          parents: [names[i - 1] as string],
          table: [
            [0.9, 0.1],
            [0.1, 0.9],
          ],
        }),
      );
    }
    const m = createScm({ variables: [...variables].reverse() });
    expect(m.variableNames).toEqual(names);
    for (const name of names) expect(m.hasVariable(name)).toBe(true);
    for (const name of ["toString", "hasOwnProperty", "U___proto__", ""]) {
      expect(m.hasVariable(name)).toBe(false);
      expect(() => m.variable(name)).toThrow(UnknownNodeError);
    }
    expect(m.graph.parents("constructor")).toEqual(["__proto__"]);
    expect(m.graph.children("Ünï ✓")).toEqual(["a,b=c"]);
    expect(m.exogenous.map((u) => u.name)).toContain("U___proto__");
    expect(m.variable("__proto__").name).toBe("__proto__");
  });
});

describe("createScm: immutability", () => {
  const spec = (): ScmSpec => ({
    variables: [
      rootCpt("A"),
      v("Y", real, { type: "linear", parents: ["A"], coefficients: [1.5], noise: "E" }),
      v("Z", real, { type: "shift", base: { type: "expression", expression: "Y + E" }, delta: 1 }),
    ],
    exogenous: [{ name: "E", distribution: { type: "categorical", probs: [0.5, 0.5] } }],
  });

  it("freezes the model and everything it exposes", () => {
    const m = createScm(spec());
    expect(Object.isFrozen(m)).toBe(true);
    expect(Object.isFrozen(m.variables)).toBe(true);
    expect(Object.isFrozen(m.exogenous)).toBe(true);
    for (const x of m.variables) {
      expect(Object.isFrozen(x)).toBe(true);
      expect(Object.isFrozen(x.domain)).toBe(true);
      expect(Object.isFrozen(x.mechanism)).toBe(true);
      expect(Object.isFrozen(x.parents)).toBe(true);
      expect(Object.isFrozen(x.noise)).toBe(true);
      if (x.domain.type === "discrete") expect(Object.isFrozen(x.domain.states)).toBe(true);
    }
    const a = m.variable("A").mechanism;
    if (a.type !== "cpt") throw new Error("expected a CPT");
    expect(Object.isFrozen(a.table)).toBe(true);
    expect(Object.isFrozen(a.table[0])).toBe(true);
    const z = m.variable("Z").mechanism;
    expect(z.type === "shift" && Object.isFrozen(z.base)).toBe(true);
    for (const u of m.exogenous) {
      expect(Object.isFrozen(u)).toBe(true);
      expect(Object.isFrozen(u.distribution)).toBe(true);
    }
    const e = m.exogenousVariable("E").distribution;
    expect(e.type === "categorical" && Object.isFrozen(e.probs)).toBe(true);
  });

  it("ignores mutation attempts (they throw in strict mode and change nothing)", () => {
    const m = createScm(spec());
    const before = JSON.stringify(m.toSpec());
    const a = m.variable("A").mechanism;
    if (a.type !== "cpt") throw new Error("expected a CPT");
    const attempts: (() => void)[] = [
      () => {
        (a.table[0] as number[])[0] = 0.5;
      },
      () => {
        (m.variables as unknown as VariableSpec[]).pop();
      },
      () => {
        (m as unknown as { variables: unknown }).variables = [];
      },
      () => {
        (m.variable("A").domain as unknown as { states: string[] }).states.push("maybe");
      },
      () => {
        (m.exogenous[0] as { name: string }).name = "F";
      },
      () => {
        const mech = m.toSpec().variables[1]?.mechanism as unknown as { coefficients: number[] };
        mech.coefficients[0] = 2;
      },
    ];
    for (const attempt of attempts) expect(attempt).toThrow(TypeError);
    // toSpec() returns fresh outer arrays and variable objects: changing them is harmless.
    const copy = m.toSpec();
    (copy.variables as VariableSpec[]).length = 0;
    expect(JSON.stringify(m.toSpec())).toBe(before);
  });

  it("neither mutates nor depends on its input spec", () => {
    const input = spec();
    const text = JSON.stringify(input);
    const m = createScm(input);
    expect(JSON.stringify(input)).toBe(text);
    expect(Object.isFrozen(input.variables)).toBe(false);
    expect(Object.isFrozen(input.variables[0]?.mechanism)).toBe(false);
    const before = JSON.stringify(m.toSpec());
    const a = input.variables[0]?.mechanism as unknown as { table: number[][]; parents: string[] };
    (a.table[0] as number[])[0] = 0.9;
    a.parents.push("Y");
    ((input.variables[0] as VariableSpec).domain as unknown as { states: string[] }).states[0] =
      "zero";
    const e = input.exogenous?.[0]?.distribution as unknown as { probs: number[] };
    e.probs[0] = 1;
    expect(JSON.stringify(m.toSpec())).toBe(before);
  });
});

describe("createScm: expression evaluation", () => {
  const model = (expression: string) =>
    createScm({
      variables: [rootLinear("X"), v("Y", real, { type: "expression", expression })],
      exogenous: [{ name: "U_Y", distribution: { type: "normal", mean: 0, sd: 1 } }],
    });
  const cases: [string, Record<string, number>, number][] = [
    ["2*X + 0.5*X^2 + U_Y", { X: 2, U_Y: 0.5 }, 6.5],
    ["X > 1 ? 3 : 4", { X: 2 }, 3],
    ["X > 1 ? 3 : 4", { X: 1 }, 4],
    ["X > 1", { X: 2 }, 1],
    ["X >= 1 and X < 3", { X: 3 }, 0],
    ["max(X, 2) + abs(-1) + min(X, -1)", { X: 5 }, 5],
    ["exp(0) + log(e) + log10(100)", {}, 4],
    ["mod(7, 3) + 7 % 3", {}, 2],
    ["-X^2", { X: 3 }, -9],
    ["pi", {}, Math.PI],
    ["sqrt(X) * sign(U_Y)", { X: 16, U_Y: -0.1 }, -4],
    ["floor(X / 2) + ceil(0.2) + round(2.5)", { X: 7 }, 7],
    ["1 / X", { X: 0 }, Number.POSITIVE_INFINITY],
  ];
  it.each(cases)("%s with %o = %d", (expression, scope, expected) => {
    const m = model(expression);
    expect(m.compiledExpression("Y").evaluate(scope)).toBe(expected);
  });

  it("exposes the compiled expression of a shifted expression and rejects others", () => {
    const m = createScm({
      variables: [
        rootLinear("X"),
        v("S", real, { type: "shift", base: { type: "expression", expression: "3*X" }, delta: 1 }),
      ],
    });
    expect(m.compiledExpression("S").evaluate({ X: 2 })).toBe(6);
    expect(m.compiledExpression("S").symbols).toEqual(["X"]);
    expect(() => m.compiledExpression("X")).toThrow(UnknownNodeError);
  });
});

describe("default noise names", () => {
  it("a variable called U_A does not collide with A's default noise", () => {
    const bin = { type: "discrete", states: ["0", "1"] } as const;
    const m = createScm({
      variables: [
        { name: "A", domain: bin, mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]] } },
        {
          name: "U_A",
          domain: bin,
          mechanism: {
            type: "cpt",
            parents: ["A"],
            table: [
              [1, 0],
              [0, 1],
            ],
          },
        },
      ],
    });
    expect(m.variable("A").noise).toEqual(["U_A_2"]);
    expect(m.variable("U_A").noise).toEqual(["U_U_A"]);
  });

  it("two variables never share a default noise (A → U_A_2, A_2 → U_A_2_2)", () => {
    const bin = { type: "discrete", states: ["0", "1"] } as const;
    const root = { type: "cpt", parents: [], table: [[0.5, 0.5]] } as const;
    const m = createScm({
      variables: [
        { name: "A", domain: bin, mechanism: root },
        { name: "U_A", domain: bin, mechanism: root },
        { name: "A_2", domain: bin, mechanism: root },
      ],
    });
    const noises = m.variables.map((v) => v.noise[0]);
    expect(new Set(noises).size).toBe(3);
    expect(m.graph.hasBidirectedEdges()).toBe(false);
  });
});

describe("validation order does not depend on spec order", () => {
  it("a mechanism may name another variable's default noise, whichever comes first", () => {
    const bin = { type: "discrete", states: ["0", "1"] } as const;
    const a = {
      name: "A",
      domain: bin,
      mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]] },
    } as const;
    const b = {
      name: "B",
      domain: bin,
      mechanism: { type: "cpt", parents: [], table: [[0.3, 0.7]], noise: "U_A" },
    } as const;
    for (const variables of [
      [a, b],
      [b, a],
    ]) {
      const m = createScm({ variables });
      expect(m.variable("B").noise).toEqual(["U_A"]);
      expect(m.graph.hasBidirectedEdge("A", "B")).toBe(true);
    }
  });
});
