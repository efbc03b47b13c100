import { describe, expect, it } from "vitest";
import { CycleError, InvalidScmError } from "../../src/errors.js";
import {
  createScm,
  type Domain,
  type ExogenousVariable,
  type Mechanism,
  type NoiseDistribution,
  type ScmSpec,
  type VariableSpec,
} from "../../src/scm/index.js";

const binary: Domain = { type: "discrete", states: ["no", "yes"] };
const ternary: Domain = { type: "discrete", states: ["lo", "mid", "hi"] };
const real: Domain = { type: "continuous" };

const v = (name: string, domain: Domain, mechanism: Mechanism): VariableSpec => ({
  name,
  domain,
  mechanism,
});
const root = (name: string, domain: Domain = binary): VariableSpec =>
  domain.type === "continuous"
    ? v(name, domain, { type: "linear", parents: [], coefficients: [] })
    : v(name, domain, {
        type: "cpt",
        parents: [],
        table: [domain.states.map(() => 1 / domain.states.length)],
      });

/** createScm(spec) must throw InvalidScmError with this variable and reason. */
function expectInvalid(spec: ScmSpec, variable: string, reason: string): void {
  let caught: unknown;
  try {
    createScm(spec);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(InvalidScmError);
  const e = caught as InvalidScmError;
  expect(e.code).toBe("E_INVALID_SCM");
  expect([e.variable, e.reason]).toEqual([variable, reason]);
  expect(e.message.startsWith("scm.")).toBe(true);
}

describe("createScm: names and domains", () => {
  it("rejects duplicate and empty names, and exogenous names reused", () => {
    expectInvalid({ variables: [root("A"), root("A")] }, "A", "name");
    expectInvalid({ variables: [root("")] }, "", "name");
    expectInvalid(
      {
        variables: [root("A")],
        exogenous: [{ name: "A", distribution: { type: "uniform", min: 0, max: 1 } }],
      },
      "A",
      "name",
    );
    expectInvalid(
      {
        variables: [root("A")],
        exogenous: [
          { name: "U", distribution: { type: "uniform", min: 0, max: 1 } },
          { name: "U", distribution: { type: "uniform", min: 0, max: 1 } },
        ],
      },
      "U",
      "name",
    );
  });

  it("rejects duplicated states, empty state lists and unknown domain types", () => {
    expectInvalid(
      {
        variables: [
          v(
            "my var",
            { type: "discrete", states: ["a", "b", "a"] },
            { type: "constant", value: 0 },
          ),
        ],
      },
      "my var",
      "duplicate-state",
    );
    expectInvalid(
      { variables: [v("A", { type: "discrete", states: [] }, { type: "constant", value: 0 })] },
      "A",
      "domain",
    );
    expectInvalid(
      {
        variables: [
          v("A", { type: "integer" } as unknown as Domain, { type: "constant", value: 0 }),
        ],
      },
      "A",
      "domain",
    );
  });
});

describe("createScm: CPT mechanisms", () => {
  const cpt = (table: number[][], parents: string[] = ["P"], noise?: string): Mechanism => ({
    type: "cpt",
    parents,
    table,
    ...(noise === undefined ? {} : { noise }),
  });

  it("rejects a parent that is not a variable", () => {
    expectInvalid(
      {
        variables: [
          v(
            "C",
            binary,
            cpt(
              [
                [0.5, 0.5],
                [0.5, 0.5],
              ],
              ["nope"],
            ),
          ),
        ],
      },
      "C",
      "missing-parent",
    );
    // An exogenous variable is not a parent either.
    expectInvalid(
      {
        variables: [
          v(
            "C",
            binary,
            cpt(
              [
                [0.5, 0.5],
                [0.5, 0.5],
              ],
              ["E"],
            ),
          ),
        ],
        exogenous: [{ name: "E", distribution: { type: "bernoulli", p: 0.5 } }],
      },
      "C",
      "missing-parent",
    );
  });

  it("rejects CPT rows off by 2e-6 and accepts rows off by 5e-7", () => {
    const spec = (delta: number): ScmSpec => ({
      variables: [
        root("P"),
        v(
          "C",
          binary,
          cpt([
            [0.3, 0.7],
            [0.6, 0.4 + delta],
          ]),
        ),
      ],
    });
    expectInvalid(spec(2e-6), "C", "cpt-row-sum");
    expectInvalid(spec(-2e-6), "C", "cpt-row-sum");
    const m = createScm(spec(5e-7));
    const mech = m.variable("C").mechanism;
    expect(mech.type === "cpt" && mech.table[1]).toEqual([0.6, 0.4 + 5e-7]);
    expect(() => createScm(spec(-5e-7))).not.toThrow();
  });

  it("rejects a wrong number of rows and a wrong row length", () => {
    expectInvalid({ variables: [root("P"), v("C", binary, cpt([[0.5, 0.5]]))] }, "C", "table-size");
    expectInvalid(
      {
        variables: [
          root("P", ternary),
          v(
            "C",
            binary,
            cpt([
              [0.5, 0.5],
              [0.5, 0.5],
            ]),
          ),
        ],
      },
      "C",
      "table-size",
    );
    expectInvalid(
      {
        variables: [
          root("P"),
          v(
            "C",
            ternary,
            cpt([
              [0.5, 0.5],
              [0.2, 0.3, 0.5],
            ]),
          ),
        ],
      },
      "C",
      "table-size",
    );
    expectInvalid({ variables: [v("C", binary, cpt([], []))] }, "C", "table-size");
  });

  it("rejects entries outside [0, 1] or non-finite", () => {
    expectInvalid({ variables: [v("C", binary, cpt([[1.5, -0.5]], []))] }, "C", "parameter");
    expectInvalid({ variables: [v("C", binary, cpt([[Number.NaN, 1]], []))] }, "C", "parameter");
  });

  it("rejects a continuous parent, a continuous child, an undeclared or non-uniform noise", () => {
    expectInvalid(
      { variables: [root("P", real), v("C", binary, cpt([[0.5, 0.5]]))] },
      "C",
      "domain",
    );
    expectInvalid({ variables: [v("C", real, cpt([[0.5, 0.5]], []))] }, "C", "domain");
    expectInvalid(
      { variables: [v("C", binary, cpt([[0.5, 0.5]], [], "W"))] },
      "C",
      "missing-noise",
    );
    expectInvalid(
      {
        variables: [v("C", binary, cpt([[0.5, 0.5]], [], "W"))],
        exogenous: [{ name: "W", distribution: { type: "normal", mean: 0, sd: 1 } }],
      },
      "C",
      "parameter",
    );
    expectInvalid(
      {
        variables: [v("C", binary, cpt([[0.5, 0.5]], []))],
        exogenous: [{ name: "U_C", distribution: { type: "uniform", min: 0, max: 2 } }],
      },
      "C",
      "parameter",
    );
    // A noise name that is an endogenous variable.
    expectInvalid(
      { variables: [root("P"), v("C", binary, cpt([[0.5, 0.5]], [], "P"))] },
      "C",
      "missing-noise",
    );
  });

  it("rejects a parent listed twice or the variable itself", () => {
    expectInvalid(
      {
        variables: [
          root("P"),
          v(
            "C",
            binary,
            cpt(
              [
                [1, 0],
                [1, 0],
                [1, 0],
                [1, 0],
              ],
              ["P", "P"],
            ),
          ),
        ],
      },
      "C",
      "mechanism",
    );
    expectInvalid(
      {
        variables: [
          v(
            "C",
            binary,
            cpt(
              [
                [1, 0],
                [1, 0],
              ],
              ["C"],
            ),
          ),
        ],
      },
      "C",
      "mechanism",
    );
  });
});

describe("createScm: linear, logistic, constant and shift mechanisms", () => {
  it("rejects non-finite coefficients and intercepts", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expectInvalid(
        {
          variables: [
            root("P", real),
            v("Y", real, { type: "linear", parents: ["P"], coefficients: [bad] }),
          ],
        },
        "Y",
        "parameter",
      );
      expectInvalid(
        {
          variables: [
            v("Y", real, { type: "linear", parents: [], coefficients: [], intercept: bad }),
          ],
        },
        "Y",
        "parameter",
      );
      expectInvalid(
        {
          variables: [
            root("P", real),
            v("B", binary, { type: "logistic", parents: ["P"], coefficients: [bad] }),
          ],
        },
        "B",
        "parameter",
      );
    }
  });

  it("rejects a coefficient count that differs from the parent count", () => {
    expectInvalid(
      {
        variables: [
          root("P", real),
          v("Y", real, { type: "linear", parents: ["P"], coefficients: [1, 2] }),
        ],
      },
      "Y",
      "table-size",
    );
  });

  it("rejects logistic on a 3-state variable and linear on a discrete one", () => {
    expectInvalid(
      { variables: [v("B", ternary, { type: "logistic", parents: [], coefficients: [] })] },
      "B",
      "domain",
    );
    expectInvalid(
      { variables: [v("B", real, { type: "logistic", parents: [], coefficients: [] })] },
      "B",
      "domain",
    );
    expectInvalid(
      { variables: [v("Y", binary, { type: "linear", parents: [], coefficients: [] })] },
      "Y",
      "domain",
    );
  });

  it("rejects constants outside the domain", () => {
    for (const value of [2, -1, 0.5, Number.NaN]) {
      expectInvalid(
        { variables: [v("C", binary, { type: "constant", value })] },
        "C",
        Number.isNaN(value) ? "parameter" : "domain",
      );
    }
    expectInvalid(
      { variables: [v("C", real, { type: "constant", value: Number.POSITIVE_INFINITY })] },
      "C",
      "parameter",
    );
  });

  it("rejects invalid shifts", () => {
    const base: Mechanism = { type: "linear", parents: [], coefficients: [] };
    expectInvalid(
      { variables: [v("S", binary, { type: "shift", base, delta: 1 })] },
      "S",
      "domain",
    );
    expectInvalid(
      { variables: [v("S", real, { type: "shift", base, delta: Number.NaN })] },
      "S",
      "parameter",
    );
    expectInvalid(
      {
        variables: [
          v("S", real, { type: "shift", base: { type: "shift", base, delta: 1 }, delta: 1 }),
        ],
      },
      "S",
      "mechanism",
    );
    expectInvalid(
      {
        variables: [
          v("S", real, { type: "shift", base: { type: "constant", value: 1 }, delta: 1 }),
        ],
      },
      "S",
      "mechanism",
    );
  });

  it("rejects unknown mechanism types and function mechanisms without fn", () => {
    expectInvalid(
      { variables: [v("F", real, { type: "table" } as unknown as Mechanism)] },
      "F",
      "mechanism",
    );
    expectInvalid(
      { variables: [v("F", real, { type: "function", parents: [] } as unknown as Mechanism)] },
      "F",
      "mechanism",
    );
    expectInvalid(
      {
        variables: [v("F", real, { type: "function", parents: [], noise: ["nope"], fn: () => 0 })],
      },
      "F",
      "missing-noise",
    );
  });
});

describe("createScm: noise distributions", () => {
  const cases: [string, NoiseDistribution][] = [
    ["normal sd = 0", { type: "normal", mean: 0, sd: 0 }],
    ["normal sd < 0", { type: "normal", mean: 0, sd: -1 }],
    ["normal mean NaN", { type: "normal", mean: Number.NaN, sd: 1 }],
    ["uniform min = max", { type: "uniform", min: 1, max: 1 }],
    ["uniform min > max", { type: "uniform", min: 2, max: 1 }],
    ["uniform max infinite", { type: "uniform", min: 0, max: Number.POSITIVE_INFINITY }],
    ["bernoulli p < 0", { type: "bernoulli", p: -0.01 }],
    ["bernoulli p > 1", { type: "bernoulli", p: 1.01 }],
    ["categorical empty", { type: "categorical", probs: [] }],
    ["categorical sum 1 + 2e-6", { type: "categorical", probs: [0.5, 0.5 + 2e-6] }],
    ["categorical negative", { type: "categorical", probs: [1.5, -0.5] }],
    ["exponential rate = 0", { type: "exponential", rate: 0 }],
    ["exponential rate < 0", { type: "exponential", rate: -2 }],
    ["laplace scale = 0", { type: "laplace", location: 0, scale: 0 }],
    [
      "laplace location infinite",
      { type: "laplace", location: Number.NEGATIVE_INFINITY, scale: 1 },
    ],
    ["studentT df = 0", { type: "studentT", df: 0, location: 0, scale: 1 }],
    ["studentT scale < 0", { type: "studentT", df: 3, location: 0, scale: -1 }],
    ["unknown type", { type: "gamma", shape: 1 } as unknown as NoiseDistribution],
  ];
  it.each(cases)("rejects %s, naming the exogenous variable", (_label, distribution) => {
    const exogenous: ExogenousVariable[] = [{ name: "noise of Y", distribution }];
    expectInvalid({ variables: [root("Y", real)], exogenous }, "noise of Y", "parameter");
  });

  it("accepts boundary values", () => {
    const ok: NoiseDistribution[] = [
      { type: "bernoulli", p: 0 },
      { type: "bernoulli", p: 1 },
      { type: "categorical", probs: [0.5, 0.5 + 5e-7] },
      { type: "categorical", probs: [1] },
      { type: "uniform", min: -1, max: -0.999 },
      { type: "normal", mean: -3, sd: 1e-300 },
    ];
    for (const distribution of ok) {
      expect(() =>
        createScm({ variables: [], exogenous: [{ name: "E", distribution }] }),
      ).not.toThrow();
    }
  });
});

describe("createScm: expressions", () => {
  const expr = (expression: string, exogenous: ExogenousVariable[] = []): ScmSpec => ({
    variables: [root("X", real), v("Y", real, { type: "expression", expression })],
    exogenous,
  });

  it("rejects unknown symbols, disallowed functions and constructs, and syntax errors", () => {
    for (const bad of [
      "X + Z",
      "Y + 1", // its own name
      "U_Y + X", // undeclared noise
      'evaluate("1")',
      "import({}, {})",
      "f(x) = x",
      "X = 2",
      "X.length",
      "[1, 2]",
      '"text"',
      "2 *",
      "",
      "   ",
      "derivative(X, X)",
      "random()",
    ]) {
      expectInvalid(expr(bad), "Y", "expression");
    }
  });

  it("finds parents and noise among the symbols", () => {
    const m = createScm(
      expr("2*X + 0.5*X^2 + E", [
        { name: "E", distribution: { type: "laplace", location: 0, scale: 1 } },
      ]),
    );
    expect(m.variable("Y").parents).toEqual(["X"]);
    expect(m.variable("Y").noise).toEqual(["E"]);
    expect(m.graph.parents("Y")).toEqual(["X"]);
  });
});

describe("createScm: cycles", () => {
  it("rejects a cyclic parent relation with CycleError naming a cycle", () => {
    let caught: unknown;
    try {
      createScm({
        variables: [
          v("A", real, { type: "linear", parents: ["C"], coefficients: [1] }),
          v("B", real, { type: "linear", parents: ["A"], coefficients: [1] }),
          v("C", real, { type: "expression", expression: "B + 1" }),
          root("D", real),
        ],
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CycleError);
    const e = caught as CycleError;
    expect(e.code).toBe("E_CYCLE");
    expect(e.cycle[0]).toBe(e.cycle[e.cycle.length - 1]);
    expect([...e.cycle].slice(1).sort()).toEqual(["A", "B", "C"]);
  });
});
