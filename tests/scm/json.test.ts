import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CycleError, InvalidArgumentError, InvalidScmError, ParseError } from "../../src/errors.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import {
  formatScmJson,
  SCM_JSON_SCHEMA_URI,
  scmFromJson,
  scmJsonSchema,
  scmToJson,
} from "../../src/scm/json.js";

function rainModel(): Scm {
  return createScm({
    variables: [
      {
        name: "wet grass",
        domain: { type: "discrete", states: ["no", "yes"] },
        mechanism: {
          type: "cpt",
          parents: ["rain"],
          table: [
            [0.9, 0.1],
            [0.2, 0.8],
          ],
        },
      },
      {
        name: "rain",
        domain: { type: "discrete", states: ["no", "yes"] },
        mechanism: { type: "cpt", parents: [], table: [[0.8, 0.2]] },
      },
      {
        name: "x",
        domain: { type: "continuous" },
        mechanism: {
          type: "shift",
          base: { type: "linear", parents: ["rain"], coefficients: [1.5] },
          delta: -1,
        },
      },
    ],
  });
}

const RAIN_JSON = `{
  "$schema": "https://causalkit.dev/schema/scm-1.json",
  "format": "causalkit-scm",
  "version": 1,
  "variables": [
    {
      "name": "rain",
      "domain": { "type": "discrete", "states": ["no", "yes"] },
      "mechanism": {
        "type": "cpt",
        "parents": [],
        "table": [[0.8, 0.2]],
        "noise": "U_rain"
      }
    },
    {
      "name": "wet grass",
      "domain": { "type": "discrete", "states": ["no", "yes"] },
      "mechanism": {
        "type": "cpt",
        "parents": ["rain"],
        "table": [[0.9, 0.1], [0.2, 0.8]],
        "noise": "U_wet grass"
      }
    },
    {
      "name": "x",
      "domain": { "type": "continuous" },
      "mechanism": {
        "type": "shift",
        "base": {
          "type": "linear",
          "parents": ["rain"],
          "coefficients": [1.5],
          "intercept": 0,
          "noise": "U_x"
        },
        "delta": -1
      }
    }
  ],
  "exogenous": [
    { "name": "U_wet grass", "distribution": { "type": "uniform", "min": 0, "max": 1 } },
    { "name": "U_rain", "distribution": { "type": "uniform", "min": 0, "max": 1 } },
    { "name": "U_x", "distribution": { "type": "normal", "mean": 0, "sd": 1 } }
  ]
}
`;

/** Runs `f`, which must throw, and returns the error. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("schema/scm.schema.json", () => {
  it("is exactly the exported scmJsonSchema (regenerate with scripts/write-schema.ts)", () => {
    const file = readFileSync(new URL("../../schema/scm.schema.json", import.meta.url), "utf8");
    expect(file).toBe(`${JSON.stringify(scmJsonSchema, null, 2)}\n`);
  });

  it("has the draft 2020-12 meta-schema and the published id", () => {
    expect(scmJsonSchema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(scmJsonSchema["$id"]).toBe(SCM_JSON_SCHEMA_URI);
    expect(Object.isFrozen(scmJsonSchema)).toBe(true);
  });
});

describe("scmToJson / formatScmJson", () => {
  it("writes the spec with defaults filled in, in topological order", () => {
    const m = rainModel();
    expect(formatScmJson(m)).toBe(RAIN_JSON);
    expect(scmToJson(m)).toEqual(JSON.parse(RAIN_JSON));
  });

  it("returns fresh, unfrozen objects not shared with the model", () => {
    const m = rainModel();
    const json = scmToJson(m);
    expect(Object.isFrozen(json.variables)).toBe(false);
    const rain = json.variables[0];
    if (rain?.mechanism.type !== "cpt") throw new Error("expected a CPT");
    (rain.mechanism.table[0] as number[])[0] = 0.5;
    const mech = m.variable("rain").mechanism;
    expect(mech.type === "cpt" && mech.table[0]).toEqual([0.8, 0.2]);
  });

  it("rejects function mechanisms, also under a shift, naming the variable", () => {
    const fn = () => 0;
    const m = createScm({
      variables: [
        {
          name: "a",
          domain: { type: "continuous" },
          mechanism: { type: "function", parents: [], fn },
        },
      ],
    });
    const e = thrown(() => scmToJson(m));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
    expect((e as InvalidArgumentError).argument).toBe("a");
    const shifted = createScm({
      variables: [
        {
          name: "my var",
          domain: { type: "continuous" },
          mechanism: { type: "shift", base: { type: "function", parents: [], fn }, delta: 1 },
        },
      ],
    });
    expect((thrown(() => formatScmJson(shifted)) as InvalidArgumentError).argument).toBe("my var");
    expect(thrown(() => scmToJson({} as Scm))).toBeInstanceOf(InvalidArgumentError);
  });
});

describe("scmFromJson", () => {
  it("reads text, parsed documents and minimal documents", () => {
    const m = rainModel();
    expect(scmFromJson(RAIN_JSON).toSpec()).toEqual(m.toSpec());
    expect(scmFromJson(`\uFEFF${RAIN_JSON}`).toSpec()).toEqual(m.toSpec());
    expect(scmFromJson(JSON.parse(RAIN_JSON)).toSpec()).toEqual(m.toSpec());
    const minimal = scmFromJson({
      variables: [
        {
          name: "__proto__",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: [], coefficients: [] },
        },
      ],
    });
    expect(minimal.variable("__proto__").mechanism).toEqual({
      type: "linear",
      parents: [],
      coefficients: [],
      intercept: 0,
      noise: "U___proto__",
    });
    expect(minimal.exogenousVariable("U___proto__").distribution).toEqual({
      type: "normal",
      mean: 0,
      sd: 1,
    });
    // Optional distribution parameters take their defaults.
    const defaults = scmFromJson({
      variables: [],
      exogenous: [{ name: "T", distribution: { type: "studentT", df: 3 } }],
    });
    expect(defaults.exogenousVariable("T").distribution).toEqual({
      type: "studentT",
      df: 3,
      location: 0,
      scale: 1,
    });
  });

  it.each([
    ["", 1, 1],
    ["{", 1, 2],
    ['{"variables": [1,]}', 1, 18],
    ['{\n  "variables": [\n    {"name": "a",}\n  ]\n}', 3, 18],
    ['{"variables": []} x', 1, 19],
    ['{"variables": "unterminated}', 1, 29],
    ['{"variables": [01]}', 1, 17],
    ["{'variables': []}", 1, 2],
    ['{"a": tru}', 1, 7],
    ['{"a": "tab\there"}', 1, 11],
  ])("reports invalid JSON %j at line %i, column %i", (text, line, column) => {
    const e = thrown(() => scmFromJson(text));
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).code).toBe("E_PARSE");
    expect((e as ParseError).format).toBe("json");
    expect([(e as ParseError).line, (e as ParseError).column]).toEqual([line, column]);
  });

  it("reports structural schema errors as ParseError at the offending value", () => {
    const cases: [unknown, number, number][] = [
      ["{}", 1, 1],
      ['{\n  "variables": {}\n}', 2, 16],
      ['{\n  "variables": [],\n  "version": 2\n}', 3, 14],
      ['{\n  "variables": [],\n  "format": "other"\n}', 3, 13],
      ['{"variables": [], "__proto__": {}}', 1, 32],
      ['{"variables": [], "extra": 1}', 1, 28],
      ['{"variables": [{"domain": {"type": "continuous"}}]}', 1, 16],
      [
        '{"variables": [{"name": "", "domain": {"type": "continuous"}, "mechanism": {"type": "constant", "value": 1}}]}',
        1,
        25,
      ],
      ["[]", 1, 1],
      ["5", 1, 1],
      [{}, 1, 1],
      [null, 1, 1],
      [[], 1, 1],
      [42, 1, 1],
      [{ variables: [], exogenous: {} }, 1, 1],
    ];
    for (const [input, line, column] of cases) {
      const e = thrown(() => scmFromJson(input));
      expect(e, JSON.stringify(input)).toBeInstanceOf(ParseError);
      expect((e as ParseError).code).toBe("E_PARSE");
      expect([(e as ParseError).line, (e as ParseError).column], JSON.stringify(input)).toEqual([
        line,
        column,
      ]);
    }
  });

  it("reports schema errors inside a named variable as InvalidScmError naming it", () => {
    const variable = (mechanism: unknown, domain: unknown = { type: "continuous" }) => ({
      variables: [
        { name: "a", domain: { type: "continuous" }, mechanism: { type: "constant", value: 0 } },
        { name: "my var", domain, mechanism },
      ],
    });
    const discrete = { type: "discrete", states: ["no", "yes"] };
    const cases: [unknown, string][] = [
      [variable({ type: "cpt", parents: [] }, discrete), "my var"],
      [variable({ type: "cpt", parents: [], table: [[0.5, 1.5]] }, discrete), "my var"],
      [variable({ type: "cpt", parents: [], table: [["0.5", 0.5]] }, discrete), "my var"],
      [variable({ type: "function", parents: [] }), "my var"],
      [variable({ type: "linear", parents: ["a", "a"], coefficients: [1, 1] }), "my var"],
      [variable({ type: "linear", parents: [], coefficients: [], extra: 1 }), "my var"],
      [
        variable({ type: "constant", value: 0 }, { type: "discrete", states: ["x", "x"] }),
        "my var",
      ],
      [variable({ type: "constant", value: 0 }, { type: "discrete", states: [] }), "my var"],
      [variable({ type: "shift", base: { type: "constant", value: 1 }, delta: 1 }), "my var"],
      [variable({ type: "expression", expression: "" }), "my var"],
      [
        {
          variables: [],
          exogenous: [{ name: "U 1", distribution: { type: "normal", mean: 0, sd: 0 } }],
        },
        "U 1",
      ],
      [
        {
          variables: [],
          exogenous: [{ name: "U 2", distribution: { type: "bernoulli", p: -0.1 } }],
        },
        "U 2",
      ],
      [{ variables: [], exogenous: [{ name: "U 3", distribution: { type: "gamma" } }] }, "U 3"],
    ];
    for (const [input, name] of cases) {
      for (const form of [input, JSON.stringify(input, null, 2)]) {
        const e = thrown(() => scmFromJson(form));
        expect(e, JSON.stringify(input)).toBeInstanceOf(InvalidScmError);
        expect((e as InvalidScmError).code).toBe("E_INVALID_SCM");
        expect((e as InvalidScmError).variable).toBe(name);
        expect((e as InvalidScmError).reason).toBe("schema");
      }
    }
  });

  it("passes semantic errors of createScm through, with their reason", () => {
    const cases: [unknown, string, string][] = [
      [
        {
          variables: [
            {
              name: "a",
              domain: { type: "discrete", states: ["no", "yes"] },
              mechanism: { type: "cpt", parents: [], table: [[0.5, 0.6]] },
            },
          ],
        },
        "a",
        "cpt-row-sum",
      ],
      [
        {
          variables: [
            {
              name: "b",
              domain: { type: "continuous" },
              mechanism: { type: "linear", parents: ["nope"], coefficients: [1] },
            },
          ],
        },
        "b",
        "missing-parent",
      ],
      [
        {
          variables: [
            {
              name: "c",
              domain: { type: "continuous" },
              mechanism: { type: "expression", expression: "evaluate(1)" },
            },
          ],
        },
        "c",
        "expression",
      ],
    ];
    for (const [input, name, reason] of cases) {
      for (const form of [input, JSON.stringify(input, null, 2)]) {
        const e = thrown(() => scmFromJson(form));
        expect(e).toBeInstanceOf(InvalidScmError);
        expect((e as InvalidScmError).variable).toBe(name);
        expect((e as InvalidScmError).reason).toBe(reason);
      }
    }
    const cyclic = {
      variables: [
        {
          name: "p",
          domain: { type: "continuous" },
          mechanism: { type: "expression", expression: "q + 1" },
        },
        {
          name: "q",
          domain: { type: "continuous" },
          mechanism: { type: "expression", expression: "p + 1" },
        },
      ],
    };
    const e = thrown(() => scmFromJson(JSON.stringify(cyclic)));
    expect(e).toBeInstanceOf(CycleError);
    expect((e as CycleError).code).toBe("E_CYCLE");
  });

  it("does not mutate a parsed input document", () => {
    const doc = JSON.parse(RAIN_JSON) as unknown;
    const before = JSON.stringify(doc);
    scmFromJson(doc);
    expect(JSON.stringify(doc)).toBe(before);
    expect(Object.isFrozen(doc)).toBe(false);
  });
});
