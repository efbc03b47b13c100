import { describe, expect, it } from "vitest";
import {
  counterfactual,
  counterfactualQuery,
  parallelWorlds,
  sampleCounterfactual,
} from "../../src/counterfactuals/index.js";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { query } from "../../src/inference/index.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import { expectError } from "../helpers/errors.js";
import { type OracleWorld, oracle } from "./_oracle.js";

const bin = { type: "discrete", states: ["no", "yes"] } as const;

/** "__proto__" → "my var" → Y, "__proto__" → Y; Y also reads a confounder shared with "my var". */
const odd: Scm = createScm({
  variables: [
    {
      name: "__proto__",
      domain: bin,
      mechanism: { type: "cpt", parents: [], table: [[0.35, 0.65]] },
    },
    {
      name: "my var",
      domain: bin,
      mechanism: {
        type: "cpt",
        parents: ["__proto__"],
        table: [
          [0.8, 0.2],
          [0.3, 0.7],
        ],
        noise: "L",
      },
    },
    {
      name: "Y",
      domain: { type: "discrete", states: ["0", "1", "2"] },
      mechanism: {
        type: "cpt",
        parents: ["__proto__", "my var"],
        table: [
          [0.5, 0.3, 0.2],
          [0.1, 0.6, 0.3],
          [0.3, 0.3, 0.4],
          [0.2, 0.2, 0.6],
        ],
        noise: "L",
      },
    },
  ],
  exogenous: [{ name: "L", distribution: { type: "uniform", min: 0, max: 1 } }],
});

describe("counterfactualQuery", () => {
  it("odd names, a shared uniform, several targets in several worlds, counterfactual evidence", () => {
    const doNo = new Map([["my var", "no"]]);
    const r = counterfactualQuery(odd, {
      targets: ["Y", { variable: "Y", do: [["my var", "yes"]] }, { variable: "my var" }],
      do: doNo,
      given: new Map([["__proto__", "yes"]]),
      givenCounterfactual: [{ variable: "Y", do: { "my var": "yes" }, value: "2" }],
    });
    expect(r.targets).toEqual(["Y_{my var=no}", "Y_{my var=yes}", "my var"]);
    expect([...r.do]).toEqual([["my var", "no"]]);
    expect([...r.given]).toEqual([
      ["__proto__", "yes"],
      ["Y_{my var=yes}", "2"],
    ]);
    const worlds: OracleWorld[] = [
      new Map(),
      new Map([["my var", { value: 0 }]]),
      new Map([["my var", { value: 1 }]]),
    ];
    const expected = oracle(
      odd,
      worlds,
      [
        { variable: "Y", world: 1 },
        { variable: "Y", world: 2 },
        { variable: "my var", world: 0 },
      ],
      [
        { variable: "__proto__", world: 0, value: 1 },
        { variable: "Y", world: 2, value: 2 },
      ],
      "inverse-cdf",
    );
    if (expected === "zero") throw new Error("zero");
    expect(Array.from(r.probabilities)).toHaveLength(expected.length);
    r.probabilities.forEach((p, i) => {
      expect(p).toBeCloseTo(expected[i] as number, 12);
    });
    // Y_{my var=yes} was observed: its marginal is a point mass.
    expect(r.marginal("Y_{my var=yes}").get("2")).toBeCloseTo(1, 12);
    expect(JSON.stringify(r)).toContain('"targets":["Y_{my var=no}","Y_{my var=yes}","my var"]');
  });

  it("targets sharing a node (a non-descendant of the intervention) are equal", () => {
    const r = counterfactualQuery(odd, {
      targets: ["__proto__", { variable: "__proto__", do: { Y: "1" } }],
      // (an object literal cannot hold the key "__proto__": use a Map or pairs)
    });
    expect(
      r.probability(
        new Map([
          ["__proto__", "yes"],
          ["__proto___{Y=1}", "no"],
        ]),
      ),
    ).toBe(0);
    expect(
      r.probability(
        new Map([
          ["__proto__", "yes"],
          ["__proto___{Y=1}", "yes"],
        ]),
      ),
    ).toBeCloseTo(0.65, 14);
  });

  it("unit level and sampling work with odd names", () => {
    const cf = counterfactual(
      odd,
      new Map([
        ["L", 0.5],
        ["U___proto__", 0.1],
      ]),
      { "my var": "yes" },
    );
    expect([...cf.keys()]).toEqual(["__proto__", "my var", "Y"]);
    const t = sampleCounterfactual(odd, 10, { seed: 1, intervention: [["__proto__", "no"]] });
    expect(t.counterfactual.names).toEqual(["__proto__", "my var", "Y"]);
    expect(Array.from(t.counterfactual.column("__proto__").values)).toEqual(new Array(10).fill(0));
  });

  it("errors: unknown variables, bad values, zero evidence, repeated targets, couplings", () => {
    expectError(
      () => counterfactualQuery(odd, { targets: "nope" }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    expectError(
      () => counterfactualQuery(odd, { targets: "Y", do: { nope: 1 } }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    expectError(
      () => counterfactualQuery(odd, { targets: "Y", given: { nope: 1 } }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    const bad = expectError(
      () => counterfactualQuery(odd, { targets: "Y", do: { Y: "7" } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((bad as InvalidArgumentError).argument).toBe("Y");
    const rep = expectError(
      () => counterfactualQuery(odd, { targets: ["Y", "Y"] }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((rep as InvalidArgumentError).argument).toBe("targets");
    expectError(
      () => counterfactualQuery(odd, { targets: [] }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    const zero = expectError(
      () =>
        counterfactualQuery(odd, {
          targets: "Y",
          given: { "my var": "yes" },
          givenCounterfactual: [{ variable: "my var", value: "no" }],
        }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((zero as InvalidArgumentError).argument).toBe("given");
    const c = expectError(
      () => counterfactualQuery(odd, { targets: "Y", coupling: "copula" as never }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((c as InvalidArgumentError).argument).toBe("coupling");
    // The independent coupling is defined for private uniforms only; "L" is shared.
    const s = expectError(
      () =>
        counterfactualQuery(odd, {
          targets: "Y",
          do: new Map([["__proto__", "no"]]),
          coupling: "independent",
        }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((s as InvalidArgumentError).argument).toBe("coupling");
    expectError(
      () => counterfactualQuery(odd, { targets: "Y", do: { Y: { nope: 1 } as never } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    const cyclic: { world: Record<string, unknown> } = { world: {} };
    cyclic.world["my var"] = cyclic;
    expectError(
      () => counterfactualQuery(odd, { targets: "Y", do: { "my var": cyclic as never } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });

  it("continuous models are rejected, naming the variable", () => {
    const m = createScm({
      variables: [
        { name: "X", domain: bin, mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]] } },
        {
          name: "Z",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: ["X"], coefficients: [1] },
        },
      ],
    });
    const e = expectError(
      () => counterfactualQuery(m, { targets: "X", do: { X: "no" } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("Z");
  });

  it("parallelWorlds().model answers the same query with the plain exact engine", () => {
    const w = parallelWorlds(odd, [{ "my var": "no" }]);
    expect(w.node("Y", { "my var": "no" })).toBe("Y_{my var=no}");
    expect(w.alternativeNoise.size).toBe(0);
    // The copies share the uniform L with the factual Y and "my var": bidirected edges.
    expect(w.model.graph.hasBidirectedEdge("Y", "Y_{my var=no}")).toBe(true);
    expect(w.model.graph.hasBidirectedEdge("my var", "Y_{my var=no}")).toBe(true);
    const direct = query(w.model, { targets: "Y_{my var=no}", given: { Y: "2" } });
    const viaModule = counterfactualQuery(odd, {
      targets: "Y",
      do: { "my var": "no" },
      given: { Y: "2" },
    });
    expect(Array.from(direct.probabilities)).toEqual(Array.from(viaModule.probabilities));
  });
});
