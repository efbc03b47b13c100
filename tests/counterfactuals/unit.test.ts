import { describe, expect, it } from "vitest";
import {
  abductNoise,
  counterfactual,
  parallelWorlds,
  sampleCounterfactual,
  sampleCounterfactualChunks,
} from "../../src/counterfactuals/index.js";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { doIntervention } from "../../src/interventions/index.js";
import { sampleFromNoise } from "../../src/sampling/from-noise.js";
import { concatTables, sample, type Table } from "../../src/sampling/index.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import { expectError } from "../helpers/errors.js";

const bin = { type: "discrete", states: ["no", "yes"] } as const;
const tri = { type: "discrete", states: ["low", "mid", "high"] } as const;
const real = { type: "continuous" } as const;

/**
 * A mixed model with every mechanism kind and awkward names:
 * Z (cpt) → "my var" (logistic) → X_1 (cpt, 3 states) → W (linear) → "out.come" (expression),
 * F (function with bernoulli noise) reading X_1; two cpts sharing a uniform.
 */
const mixed: Scm = createScm({
  variables: [
    { name: "Z", domain: bin, mechanism: { type: "cpt", parents: [], table: [[0.3, 0.7]] } },
    {
      name: "my var",
      domain: bin,
      mechanism: { type: "logistic", parents: ["Z"], coefficients: [1.5], intercept: -0.5 },
    },
    {
      name: "X_1",
      domain: tri,
      mechanism: {
        type: "cpt",
        parents: ["Z", "my var"],
        table: [
          [0.5, 0.3, 0.2],
          [0.2, 0.5, 0.3],
          [0.1, 0.3, 0.6],
          [0.3, 0.3, 0.4 - 4e-7],
        ],
        noise: "S",
      },
    },
    {
      name: "shared",
      domain: bin,
      mechanism: {
        type: "cpt",
        parents: ["Z"],
        table: [
          [0.6, 0.4],
          [0.1, 0.9],
        ],
        noise: "S",
      },
    },
    {
      name: "W",
      domain: real,
      mechanism: {
        type: "linear",
        parents: ["X_1", "Z"],
        coefficients: [0.8, -1.2],
        intercept: 0.1,
      },
    },
    {
      name: "outcome",
      domain: real,
      mechanism: { type: "expression", expression: "W^2 / 4 + sin(W) + U_out" },
    },
    {
      name: "F",
      domain: bin,
      mechanism: {
        type: "function",
        parents: ["X_1"],
        noise: ["coin"],
        fn: (p, u) => ((p["X_1"] as number) >= 1 ? 1 : 0) ^ (u["coin"] as number),
      },
    },
  ],
  exogenous: [
    { name: "S", distribution: { type: "uniform", min: 0, max: 1 } },
    { name: "U_out", distribution: { type: "normal", mean: 0, sd: 0.5 } },
    { name: "coin", distribution: { type: "bernoulli", p: 0.2 } },
  ],
});

function noiseOf(t: Table, row: number): Map<string, number> {
  return new Map(t.exogenousNames.map((u) => [u, t.exogenous(u)[row] as number]));
}

describe("sampleFromNoise", () => {
  it("reproduces sample() bit for bit from the sampled noise", () => {
    const t = sample(mixed, 3000, { seed: "reproduce", includeNoise: true });
    const noise = new Map(t.exogenousNames.map((u) => [u, t.exogenous(u)]));
    const again = sampleFromNoise(mixed, noise, t.n);
    for (const name of mixed.variableNames) {
      expect(Array.from(again.column(name).values)).toEqual(Array.from(t.column(name).values));
    }
  });

  it("with an intervened model gives the counterfactual rows", () => {
    const t = sample(mixed, 200, { seed: 3, includeNoise: true });
    const noise = Object.fromEntries(t.exogenousNames.map((u) => [u, t.exogenous(u)]));
    const cf = sampleFromNoise(doIntervention(mixed, { "my var": "yes" }), noise, t.n);
    const twin = sampleCounterfactual(mixed, 200, { seed: 3, intervention: { "my var": "yes" } });
    for (const name of mixed.variableNames) {
      expect(Array.from(cf.column(name).values)).toEqual(
        Array.from(twin.counterfactual.column(name).values),
      );
    }
  });

  it("rejects missing columns and values outside the support", () => {
    const t = sample(mixed, 5, { seed: 1, includeNoise: true });
    const noise = new Map(t.exogenousNames.map((u) => [u, t.exogenous(u)]));
    noise.delete("coin");
    expect(
      expectError(
        () => sampleFromNoise(mixed, noise, 5),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      ),
    ).toHaveProperty("argument", "coin");
    noise.set("coin", Float64Array.of(0, 1, 0, 0.5, 1));
    expectError(() => sampleFromNoise(mixed, noise, 5), InvalidArgumentError, "E_INVALID_ARGUMENT");
    noise.set("coin", Float64Array.of(0, 1, 0, 0, 1));
    noise.set("S", Float64Array.of(0, 0.5, 1, 0.2, 0.1));
    expectError(() => sampleFromNoise(mixed, noise, 5), InvalidArgumentError, "E_INVALID_ARGUMENT");
  });
});

describe("sampleCounterfactual", () => {
  const interventions = [
    { "my var": "yes" },
    { X_1: "high", Z: "no" },
    { W: 2.5 },
    { Z: "yes", "my var": { world: { Z: "no" } } },
  ];

  it("factual table = sample(); counterfactual row i = counterfactual(noise of row i)", () => {
    for (const intervention of interventions) {
      const twin = sampleCounterfactual(mixed, 300, { seed: 11, intervention, includeNoise: true });
      const plain = sample(mixed, 300, { seed: 11, includeNoise: true });
      for (const name of mixed.variableNames) {
        expect(Array.from(twin.factual.column(name).values)).toEqual(
          Array.from(plain.column(name).values),
        );
      }
      for (const u of plain.exogenousNames) {
        expect(Array.from(twin.factual.exogenous(u))).toEqual(Array.from(plain.exogenous(u)));
      }
      for (let i = 0; i < 300; i += 7) {
        const cf = counterfactual(mixed, noiseOf(plain, i), intervention);
        for (const name of mixed.variableNames) {
          expect(cf.get(name)).toBe(twin.counterfactual.value(name, i));
        }
      }
    }
  });

  it("shares the arrays of variables the intervention cannot affect", () => {
    const twin = sampleCounterfactual(mixed, 50, { seed: 2, intervention: { W: 0 } });
    expect(twin.counterfactual.column("Z").values).toBe(twin.factual.column("Z").values);
    expect(twin.counterfactual.column("X_1").values).toBe(twin.factual.column("X_1").values);
    expect(twin.counterfactual.column("outcome").values).not.toBe(
      twin.factual.column("outcome").values,
    );
    expect(Array.from(twin.counterfactual.column("W").values)).toEqual(new Array(50).fill(0));
  });

  it("chunks concatenate to the one-shot sample, whatever the chunk size", () => {
    const one = sampleCounterfactual(mixed, 1000, { seed: 5, intervention: { Z: "yes" } });
    const chunks = [
      ...sampleCounterfactualChunks(mixed, 1000, {
        seed: 5,
        intervention: { Z: "yes" },
        chunkSize: 300,
      }),
    ];
    expect(chunks.length).toBe(4);
    const f = concatTables(chunks.map((c) => c.factual));
    const c = concatTables(chunks.map((c) => c.counterfactual));
    for (const name of mixed.variableNames) {
      expect(Array.from(f.column(name).values)).toEqual(
        Array.from(one.factual.column(name).values),
      );
      expect(Array.from(c.column(name).values)).toEqual(
        Array.from(one.counterfactual.column(name).values),
      );
    }
  });

  it("independent coupling: rows reproduced with the alternative uniforms", () => {
    const model = createScm({
      variables: [
        { name: "X", domain: bin, mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]] } },
        {
          name: "M",
          domain: tri,
          mechanism: {
            type: "cpt",
            parents: ["X"],
            table: [
              [0.2, 0.5, 0.3],
              [0.6, 0.1, 0.3],
            ],
          },
        },
        {
          name: "Y",
          domain: bin,
          mechanism: {
            type: "logistic",
            parents: ["X", "M"],
            coefficients: [1, -0.7],
            intercept: 0.2,
          },
        },
      ],
    });
    const twin = sampleCounterfactual(model, 400, {
      seed: 9,
      intervention: { X: "yes" },
      includeNoise: true,
      coupling: "independent",
    });
    expect([...twin.alternativeNoise.keys()].sort()).toEqual(["U_M", "U_Y"]);
    let changed = 0;
    for (let i = 0; i < 400; i++) {
      const noise = new Map(
        twin.factual.exogenousNames.map((u) => [u, twin.factual.exogenous(u)[i] as number]),
      );
      const alternativeNoise = new Map(
        [...twin.alternativeNoise].map(([u, cols]) => [u, (cols[0] as Float64Array)[i] as number]),
      );
      const cf = counterfactual(
        model,
        noise,
        { X: "yes" },
        { coupling: "independent", alternativeNoise },
      );
      for (const name of ["X", "M", "Y"])
        expect(cf.get(name)).toBe(twin.counterfactual.value(name, i));
      // Same parents ⇒ same value; the inverse-CDF coupling differs for some rows.
      if (twin.factual.value("X", i) === 1) {
        expect(cf.get("M")).toBe(twin.factual.value("M", i));
      }
      const icdf = counterfactual(model, noise, { X: "yes" });
      if (icdf.get("M") !== cf.get("M")) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });
});

describe("counterfactual (unit level)", () => {
  it("nested interventions: Y_{X=1, M=M_{X=0}} holds M at its control value", () => {
    const model = createScm({
      variables: [
        { name: "X", domain: real, mechanism: { type: "linear", parents: [], coefficients: [] } },
        {
          name: "M",
          domain: real,
          mechanism: { type: "linear", parents: ["X"], coefficients: [2] },
        },
        {
          name: "Y",
          domain: real,
          mechanism: { type: "linear", parents: ["X", "M"], coefficients: [3, 5] },
        },
      ],
    });
    const u = new Map([
      ["U_X", 0.3],
      ["U_M", -0.4],
      ["U_Y", 1.1],
    ]);
    const cf = counterfactual(model, u, { X: 1, M: { world: { X: 0 } } });
    // M_{X=0} = 2·0 − 0.4 = −0.4; Y = 3·1 + 5·(−0.4) + 1.1 = 2.1
    expect(cf.get("M")).toBeCloseTo(-0.4, 14);
    expect(cf.get("Y")).toBeCloseTo(2.1, 14);
    // The factual reference keeps M at its natural value: M = 2·0.3 − 0.4 = 0.2
    expect(counterfactual(model, u, { X: 1, M: { world: {} } }).get("M")).toBeCloseTo(0.2, 14);
  });

  it("needs every noise value, in its support", () => {
    const u = new Map([["S", 0.2]]);
    expect(
      expectError(
        () => counterfactual(mixed, u, { Z: "no" }),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      ),
    ).toBeInstanceOf(InvalidArgumentError);
    expectError(
      () => counterfactual(mixed, { nope: 1 }, { Z: "no" }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
  });

  it("independent coupling needs the alternative uniforms", () => {
    const model = createScm({
      variables: [
        { name: "X", domain: bin, mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]] } },
        {
          name: "Y",
          domain: bin,
          mechanism: {
            type: "cpt",
            parents: ["X"],
            table: [
              [0.5, 0.5],
              [0.2, 0.8],
            ],
          },
        },
      ],
    });
    const e = expectError(
      () =>
        counterfactual(model, { U_X: 0.1, U_Y: 0.3 }, { X: "yes" }, { coupling: "independent" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("U_Y");
    // U_X = 0.1 → X = no; under do(X = yes) Y's configuration changes: the alternative uniform 0.1 < 0.2 → no.
    const cf = counterfactual(
      model,
      { U_X: 0.1, U_Y: 0.3 },
      { X: "yes" },
      { coupling: "independent", alternativeNoise: { U_Y: 0.1 } },
    );
    expect(cf.get("Y")).toBe(0);
    // Inverse-CDF: u = 0.3 ≥ 0.2 → yes.
    expect(counterfactual(model, { U_X: 0.1, U_Y: 0.3 }, { X: "yes" }).get("Y")).toBe(1);
  });
});

describe("abductNoise (additive noise)", () => {
  const model = createScm({
    variables: [
      {
        name: "Z",
        domain: real,
        mechanism: { type: "linear", parents: [], coefficients: [], intercept: 1 },
      },
      {
        name: "X",
        domain: real,
        mechanism: { type: "linear", parents: ["Z"], coefficients: [0.5] },
      },
      {
        name: "Y",
        domain: real,
        mechanism: { type: "expression", expression: "X^2 + sin(Z) + U_Y" },
      },
    ],
    exogenous: [{ name: "U_Y", distribution: { type: "laplace", location: 0, scale: 1 } }],
  });

  it("recovers the noise and gives the closed-form counterfactual Y_x = y − x₀² + x²", () => {
    const obs = { Z: 0.7, X: -1.3, Y: 2.2 };
    const u = abductNoise(model, obs);
    expect(u.get("U_Z")).toBeCloseTo(0.7 - 1, 14);
    expect(u.get("U_X")).toBeCloseTo(-1.3 - 0.35, 14);
    expect(u.get("U_Y")).toBeCloseTo(2.2 - 1.69 - Math.sin(0.7), 13);
    for (const x of [-2, 0, 0.5, 3]) {
      const cf = counterfactual(model, u, { X: x });
      expect(cf.get("Y")).toBeCloseTo(2.2 - 1.3 ** 2 + x * x, 12);
      expect(cf.get("Z")).toBeCloseTo(0.7, 14);
    }
    // Intervening upstream: Z := 0 moves X by −0.35 and Y through X and sin(Z).
    const cf = counterfactual(model, u, { Z: 0 });
    const x0 = -1.3 - 0.35;
    expect(cf.get("X")).toBeCloseTo(x0, 13);
    expect(cf.get("Y")).toBeCloseTo(x0 * x0 + 0 + (2.2 - 1.69 - Math.sin(0.7)), 12);
  });

  it("rejects non-additive mechanisms, cpts and missing values", () => {
    const mult = createScm({
      variables: [
        { name: "X", domain: real, mechanism: { type: "linear", parents: [], coefficients: [] } },
        { name: "Y", domain: real, mechanism: { type: "expression", expression: "X * U_Y" } },
      ],
      exogenous: [{ name: "U_Y", distribution: { type: "normal", mean: 0, sd: 1 } }],
    });
    const e = expectError(
      () => abductNoise(mult, { X: 2, Y: 1 }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("Y");
    expectError(
      () => abductNoise(mixed, Object.fromEntries(mixed.variableNames.map((v) => [v, 0]))),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => abductNoise(model, { Z: 1, X: 2 }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});

describe("parallelWorlds", () => {
  it("merges non-descendants and shares constants (make-cg)", () => {
    const w = parallelWorlds(mixed, [{ W: 1 }, { W: 1, "my var": "no" }, {}]);
    expect(w.node("Z", { W: 1 })).toBe("Z");
    expect(w.node("X_1", { W: 1 })).toBe("X_1");
    expect(w.node("outcome", { W: 1 })).toBe("outcome_{W=1}");
    // W = 1 in both worlds: one constant node; outcome depends only on W and U_out: merged.
    expect(w.node("W", { W: 1, "my var": "no" })).toBe(w.node("W", { W: 1 }));
    expect(w.node("outcome", { W: 1, "my var": "no" })).toBe("outcome_{W=1}");
    // F depends on X_1, which depends on "my var": a new copy.
    expect(w.node("F", { W: 1, "my var": "no" })).toBe("F_{my var=no, W=1}");
    expect(w.model.variableNames.length).toBe(mixed.variableNames.length + 5);
    expectError(() => w.node("Z", { Z: "no" }), InvalidArgumentError, "E_INVALID_ARGUMENT");
  });
});
