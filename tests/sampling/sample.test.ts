import { describe, expect, it } from "vitest";
import { type CausalKitError, InvalidArgumentError, InvalidScmError } from "../../src/errors.js";
import { concatTables, sample, sampleChunks, type Table } from "../../src/sampling/index.js";
import { createScm, type Scm, type VariableSpec } from "../../src/scm/index.js";
import { exactProbability, expectWithin4Se, frequency } from "./helpers.js";

const N = 200_000;

// ---------------------------------------------------------------------------------------------
// A small discrete model with awkward names, and an exact oracle by brute-force enumeration.

const SEASON = "season";
const RAIN = "rain today";
const SPRINKLER = 'sprinkler "on"';
const WET = "wet grass, lawn";

const discreteSpec: VariableSpec[] = [
  {
    name: WET,
    domain: { type: "discrete", states: ["dry", "damp", "soaked"] },
    mechanism: {
      type: "cpt",
      parents: [RAIN, SPRINKLER],
      // rows: (no, off), (no, on), (yes, off), (yes, on) — last parent fastest
      table: [
        [1, 0, 0],
        [0.1, 0.6, 0.3],
        [0.2, 0.5, 0.3],
        [0.01, 0.29, 0.7],
      ],
    },
  },
  {
    name: SEASON,
    domain: { type: "discrete", states: ["winter", "summer", "fall, late"] },
    mechanism: { type: "cpt", parents: [], table: [[0.3, 0.5, 0.2]] },
  },
  {
    name: RAIN,
    domain: { type: "discrete", states: ["no", "yes"] },
    mechanism: {
      type: "cpt",
      parents: [SEASON],
      table: [
        [0.4, 0.6],
        [0.9, 0.1],
        [0.6, 0.4],
      ],
    },
  },
  {
    name: SPRINKLER,
    domain: { type: "discrete", states: ["off", "on"] },
    mechanism: {
      type: "cpt",
      parents: [SEASON],
      table: [
        [0.95, 0.05],
        [0.4, 0.6],
        [0.7, 0.3],
      ],
    },
  },
];

/** Bit-for-bit equality of two typed arrays (same type, same bytes). */
function sameBits(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return (
    a.constructor === b.constructor &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    )
  );
}

function expectSameTable(a: Table, b: Table): void {
  expect(a.n).toBe(b.n);
  expect(a.names).toEqual(b.names);
  expect(a.exogenousNames).toEqual(b.exogenousNames);
  for (const name of a.names) {
    const ca = a.column(name);
    const cb = b.column(name);
    expect(ca.kind).toBe(cb.kind);
    expect(sameBits(ca.values, cb.values), name).toBe(true);
  }
  for (const name of a.exogenousNames) {
    expect(sameBits(a.exogenous(name), b.exogenous(name)), name).toBe(true);
  }
}

describe("sample: discrete model vs exact enumeration", () => {
  const model = createScm({ variables: discreteSpec });
  const t = sample(model, N, { seed: "discrete" });

  it("has one column per variable in topological order with the right array types", () => {
    expect(t.n).toBe(N);
    expect(t.names).toEqual(model.variableNames);
    expect(t.names[0]).toBe(SEASON);
    expect(t.names.at(-1)).toBe(WET);
    for (const name of t.names) expect(t.column(name).values).toBeInstanceOf(Uint8Array);
    expect(t.exogenousNames).toEqual([]);
  });

  it("marginals within 4 SE", () => {
    for (const v of model.variables) {
      if (v.domain.type !== "discrete") continue;
      for (let s = 0; s < v.domain.states.length; s++) {
        const event = { [v.name]: s };
        expectWithin4Se(frequency(t, event), exactProbability(model, event), N);
      }
    }
  });

  it("joint frequencies within 4 SE", () => {
    for (const event of [
      { [RAIN]: 1, [WET]: 2 },
      { [SEASON]: 2, [SPRINKLER]: 1, [WET]: 1 },
      { [RAIN]: 0, [SPRINKLER]: 0, [WET]: 0 },
    ]) {
      expectWithin4Se(frequency(t, event), exactProbability(model, event), N);
    }
  });

  it("never samples a zero-probability configuration", () => {
    // P(wet = damp or soaked | rain = no, sprinkler = off) = 0
    expect(frequency(t, { [RAIN]: 0, [SPRINKLER]: 0, [WET]: 1 })).toBe(0);
    expect(frequency(t, { [RAIN]: 0, [SPRINKLER]: 0, [WET]: 2 })).toBe(0);
  });

  it("hard intervention (constant mechanism) vs enumeration of the mutilated model", () => {
    const m = model.withMechanisms(new Map([[SPRINKLER, { type: "constant", value: 1 }]]));
    const ti = sample(m, N, { seed: "do" });
    expect(frequency(ti, { [SPRINKLER]: 1 })).toBe(1);
    for (let s = 0; s < 3; s++) {
      const event = { [WET]: s };
      expectWithin4Se(frequency(ti, event), exactProbability(m, event), N);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Linear-Gaussian model vs closed-form mean and covariance.

describe("sample: linear-Gaussian model vs closed form", () => {
  // X = 1 + U_X, U_X ~ N(0, 2²); Y = 0.5 + 2X + U_Y, U_Y ~ N(0, 1);
  // Z = −1 + X − 3Y + U_Z, U_Z ~ N(0, 0.5²)
  const nodes = [
    { name: "X_1", intercept: 1, parents: [] as [number, number][], sd: 2 },
    { name: "my var", intercept: 0.5, parents: [[0, 2]] as [number, number][], sd: 1 },
    {
      name: "__proto__",
      intercept: -1,
      parents: [
        [0, 1],
        [1, -3],
      ] as [number, number][],
      sd: 0.5,
    },
  ];
  const model = createScm({
    variables: nodes.map((v) => ({
      name: v.name,
      domain: { type: "continuous" },
      mechanism: {
        type: "linear",
        parents: v.parents.map(([j]) => nodes[j]?.name ?? ""),
        coefficients: v.parents.map(([, b]) => b),
        intercept: v.intercept,
        noise: `U ${v.name}`,
      },
    })),
    exogenous: nodes.map((v) => ({
      name: `U ${v.name}`,
      distribution: { type: "normal", mean: 0, sd: v.sd },
    })),
  });

  // Closed form, computed in topological order: μ_j = a_j + Σ b_jk μ_k;
  // Σ_ij = Σ_k b_jk Σ_ik + [i = j] σ_j² for i ≤ j.
  const k = nodes.length;
  const mu = new Array<number>(k).fill(0);
  const cov = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    const v = nodes[j] as (typeof nodes)[number];
    mu[j] = v.intercept + v.parents.reduce((s, [p, b]) => s + b * (mu[p] ?? 0), 0);
    for (let i = 0; i <= j; i++) {
      let c = v.parents.reduce((s, [p, b]) => s + b * (cov[i]?.[p] ?? cov[p]?.[i] ?? 0), 0);
      if (i === j) c = v.parents.reduce((s, [p, b]) => s + b * (cov[j]?.[p] ?? 0), 0) + v.sd ** 2;
      (cov[i] as number[])[j] = c;
      (cov[j] as number[])[i] = c;
    }
  }

  it("closed form matches the hand derivation", () => {
    expect(mu).toEqual([1, 2.5, -7.5]);
    expect(cov).toEqual([
      [4, 8, -20],
      [8, 17, -43],
      [-20, -43, 109.25],
    ]);
  });

  it("sample means and covariances within 4 SE", () => {
    const t = sample(model, N, { seed: 11 });
    const cols = nodes.map((v) => t.column(v.name).values as Float64Array);
    const means = cols.map((c) => c.reduce((s, x) => s + x, 0) / N);
    for (let i = 0; i < k; i++) {
      expect(Math.abs((means[i] ?? 0) - (mu[i] ?? 0))).toBeLessThan(
        4 * Math.sqrt((cov[i]?.[i] ?? 0) / N),
      );
      for (let j = i; j < k; j++) {
        const a = cols[i] as Float64Array;
        const b = cols[j] as Float64Array;
        let s = 0;
        for (let r = 0; r < N; r++) {
          s += ((a[r] as number) - (means[i] ?? 0)) * ((b[r] as number) - (means[j] ?? 0));
        }
        const sij = s / (N - 1);
        const cij = cov[i]?.[j] ?? 0;
        const se = Math.sqrt(((cov[i]?.[i] ?? 0) * (cov[j]?.[j] ?? 0) + cij * cij) / N);
        expect(Math.abs(sij - cij)).toBeLessThan(4 * se);
      }
    }
  });

  it("includeNoise: re-applying the equations to the stored noise gives the values exactly", () => {
    const t = sample(model, 5000, { seed: 3, includeNoise: true });
    expect(t.exogenousNames).toEqual(["U X_1", "U my var", "U __proto__"]);
    const x = t.column("X_1").values;
    const y = t.column("my var").values;
    const z = t.column("__proto__").values;
    const ux = t.exogenous("U X_1");
    const uy = t.exogenous("U my var");
    const uz = t.exogenous("U __proto__");
    let ok = true;
    for (let i = 0; i < t.n; i++) {
      ok &&= x[i] === 1 + (ux[i] as number);
      ok &&= y[i] === 0.5 + 2 * (x[i] as number) + (uy[i] as number);
      ok &&= z[i] === -1 + 1 * (x[i] as number) + -3 * (y[i] as number) + (uz[i] as number);
    }
    expect(ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Determinism, chunking, stream independence.

describe("sample: determinism and chunking", () => {
  const model = createScm({
    variables: [
      ...discreteSpec,
      {
        name: "score",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: [WET, SEASON], coefficients: [1.5, -0.25] },
      },
      {
        name: "flag",
        domain: { type: "discrete", states: ["f", "t"] },
        mechanism: { type: "logistic", parents: ["score"], coefficients: [0.8], intercept: -1 },
      },
      {
        name: "heavy",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: ["score"], coefficients: [1], noise: "T" },
      },
    ],
    exogenous: [{ name: "T", distribution: { type: "studentT", df: 3, location: 0, scale: 1 } }],
  });

  it("same seed ⇒ identical tables; different seed ⇒ different tables", () => {
    const a = sample(model, 3000, { seed: 42 });
    const b = sample(model, 3000, { seed: 42 });
    const c = sample(model, 3000, { seed: "42" });
    expectSameTable(a, b);
    expectSameTable(a, c);
    const d = sample(model, 3000, { seed: 43 });
    expect(d.column("score").values).not.toEqual(a.column("score").values);
  });

  it("uses seed 0 by default", () => {
    expectSameTable(sample(model, 500), sample(model, 500, { seed: 0 }));
  });

  it("the concatenation of chunks equals the one-shot table, for several chunk sizes", () => {
    const n = 3000;
    const one = sample(model, n, { seed: 9, includeNoise: true });
    for (const chunkSize of [7, 1000, 1023, 1024, 1025, 2999, 3000, 100_000]) {
      const chunks = [...sampleChunks(model, n, { seed: 9, includeNoise: true, chunkSize })];
      expect(chunks.length).toBe(Math.ceil(n / chunkSize));
      for (const [i, c] of chunks.entries()) {
        expect(c.n).toBe(Math.min(chunkSize, n - i * chunkSize));
      }
      expectSameTable(concatTables(chunks), one);
    }
  });

  it("chunks of a single row give the same rows", () => {
    const one = sample(model, 300, { seed: 10 });
    expectSameTable(concatTables([...sampleChunks(model, 300, { seed: 10, chunkSize: 1 })]), one);
  });

  it("the first rows of a longer sample equal a shorter sample", () => {
    expectSameTable(
      sample(model, 3000, { seed: 5 }).slice(0, 1234),
      sample(model, 1234, { seed: 5 }),
    );
  });

  it("n = 0 gives an empty table; sampleChunks yields one empty chunk", () => {
    const t = sample(model, 0);
    expect(t.n).toBe(0);
    expect(t.names).toEqual(model.variableNames);
    const chunks = [...sampleChunks(model, 0)];
    expect(chunks.length).toBe(1);
    expect(chunks[0]?.n).toBe(0);
  });

  it("adding a variable does not change the values of the others", () => {
    const small = createScm({ variables: discreteSpec });
    const a = sample(small, 2000, { seed: 77 });
    const b = sample(model, 2000, { seed: 77 });
    for (const name of small.variableNames) {
      expect(b.column(name).values).toEqual(a.column(name).values);
    }
  });

  it("pins the first rows for a fixed seed (golden)", () => {
    const t = sample(model, 4, { seed: 2024 });
    expect(t.toRecords()).toMatchInlineSnapshot(`
      [
        {
          "flag": "t",
          "heavy": 1.743015842730225,
          "rain today": "no",
          "score": 2.3424930193568647,
          "season": "summer",
          "sprinkler "on"": "on",
          "wet grass, lawn": "soaked",
        },
        {
          "flag": "f",
          "heavy": -2.4954221561619825,
          "rain today": "no",
          "score": -1.473800501315814,
          "season": "fall, late",
          "sprinkler "on"": "off",
          "wet grass, lawn": "dry",
        },
        {
          "flag": "t",
          "heavy": 2.236580246544526,
          "rain today": "yes",
          "score": 3.110255753783685,
          "season": "fall, late",
          "sprinkler "on"": "on",
          "wet grass, lawn": "soaked",
        },
        {
          "flag": "t",
          "heavy": 1.6818705558690792,
          "rain today": "yes",
          "score": 1.597274632510044,
          "season": "winter",
          "sprinkler "on"": "off",
          "wet grass, lawn": "damp",
        },
      ]
    `);
  });
});

// ---------------------------------------------------------------------------------------------
// Noise reproduction for CPT and logistic mechanisms, shared noise.

describe("sample: includeNoise", () => {
  it("CPT: the inverse CDF of the stored U gives the stored state", () => {
    const model = createScm({ variables: discreteSpec });
    const t = sample(model, 20_000, { seed: "noise", includeNoise: true });
    expect(t.exogenousNames).toEqual(model.exogenous.map((u) => u.name));
    for (const v of model.variables) {
      const m = v.mechanism;
      if (m.type !== "cpt" || v.domain.type !== "discrete") throw new Error("unexpected");
      const u = t.exogenous(m.noise ?? "");
      const values = t.column(v.name).values;
      const parentCols = m.parents.map((p) => t.column(p));
      let ok = true;
      for (let i = 0; i < t.n; i++) {
        let row = 0;
        for (const c of parentCols) {
          row = row * (c.kind === "discrete" ? c.states.length : 0) + (c.values[i] as number);
        }
        const probs = m.table[row] as readonly number[];
        // Independent inverse CDF: first k with u < p_0 + … + p_k, else the last positive state.
        let acc = 0;
        let state = -1;
        for (let s = 0; s < probs.length; s++) {
          acc += probs[s] as number;
          if ((u[i] as number) < acc) {
            state = s;
            break;
          }
        }
        if (state === -1) {
          for (let s = probs.length - 1; s >= 0 && state === -1; s--) {
            if ((probs[s] as number) > 0) state = s;
          }
        }
        ok &&= values[i] === state;
      }
      expect(ok).toBe(true);
    }
  });

  it("logistic: state 1 iff u < 1/(1 + exp(−η))", () => {
    const model = createScm({
      variables: [
        {
          name: "x",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: [], coefficients: [] },
        },
        {
          name: "y",
          domain: { type: "discrete", states: ["0", "1"] },
          mechanism: { type: "logistic", parents: ["x"], coefficients: [2], intercept: 0.5 },
        },
      ],
    });
    const t = sample(model, 20_000, { seed: 1, includeNoise: true });
    const x = t.column("x").values;
    const y = t.column("y").values;
    const u = t.exogenous("U_y");
    let ok = true;
    let ones = 0;
    let expected = 0;
    for (let i = 0; i < t.n; i++) {
      const p = 1 / (1 + Math.exp(-(0.5 + 2 * (x[i] as number))));
      ok &&= y[i] === ((u[i] as number) < p ? 1 : 0);
      ones += y[i] as number;
      expected += p;
    }
    expect(ok).toBe(true);
    // P(y = 1) = E[σ(0.5 + 2X)]: compare with the average of the exact conditional probabilities.
    expect(Math.abs(ones - expected) / t.n).toBeLessThan(4 * Math.sqrt(0.25 / t.n));
  });

  it("an exogenous variable shared by two mechanisms gives both the same value", () => {
    const model = createScm({
      variables: [
        {
          name: "a",
          domain: { type: "continuous" },
          mechanism: {
            type: "function",
            parents: [],
            noise: ["L"],
            fn: (_p, { L }) => L ?? Number.NaN,
          },
        },
        {
          name: "b",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: [], coefficients: [], intercept: 3, noise: "L" },
        },
      ],
      exogenous: [{ name: "L", distribution: { type: "normal", mean: 0, sd: 1 } }],
    });
    const t = sample(model, 3000, { seed: 8, includeNoise: true });
    const a = t.column("a").values;
    const b = t.column("b").values;
    let ok = true;
    for (let i = 0; i < t.n; i++)
      ok &&= b[i] === 3 + (a[i] as number) && a[i] === t.exogenous("L")[i];
    expect(ok).toBe(true);
  });

  it("includes exogenous variables no mechanism reads (e.g. after do())", () => {
    const model = createScm({ variables: discreteSpec }).withMechanisms(
      new Map([[RAIN, { type: "constant", value: 1 }]]),
    );
    const t = sample(model, 100, { seed: 4, includeNoise: true });
    expect(t.exogenousNames).toContain("U_rain today");
    const plain = createScm({ variables: discreteSpec });
    const t0 = sample(plain, 100, { seed: 4, includeNoise: true });
    // The same stream: the noise does not depend on the intervention.
    expect(t.exogenous("U_rain today")).toEqual(t0.exogenous("U_rain today"));
    expect(t.column(SEASON).values).toEqual(t0.column(SEASON).values);
  });
});

// ---------------------------------------------------------------------------------------------
// Function, expression, shift and constant mechanisms; errors.

describe("sample: other mechanisms", () => {
  it("function and expression mechanisms, with reused null-prototype records", () => {
    const seen = new Set<object>();
    const prototypes = new Set<unknown>();
    const model = createScm({
      variables: [
        {
          name: "x",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: [], coefficients: [] },
        },
        {
          name: "__proto__",
          domain: { type: "discrete", states: ["neg", "pos"] },
          mechanism: {
            type: "function",
            parents: ["x"],
            fn: (p) => {
              seen.add(p);
              prototypes.add(Object.getPrototypeOf(p));
              const { x } = p;
              return (x ?? 0) > 0 ? 1 : 0;
            },
          },
        },
        {
          name: "z",
          domain: { type: "continuous" },
          mechanism: { type: "expression", expression: "2 * x + 0.5 * x^2 + E_z" },
        },
        {
          name: "w",
          domain: { type: "continuous" },
          mechanism: {
            type: "shift",
            base: { type: "linear", parents: ["z"], coefficients: [1], noise: "E_w" },
            delta: 10,
          },
        },
        {
          name: "k",
          domain: { type: "discrete", states: ["a", "b", "c"] },
          mechanism: { type: "constant", value: 2 },
        },
      ],
      exogenous: [
        { name: "E_z", distribution: { type: "uniform", min: 0, max: 1 } },
        { name: "E_w", distribution: { type: "laplace", location: 0, scale: 1 } },
      ],
    });
    const t = sample(model, 3000, { seed: 12, includeNoise: true });
    expect(seen.size).toBe(1);
    expect([...prototypes]).toEqual([null]);
    const x = t.column("x").values;
    const s = t.column("__proto__").values;
    const z = t.column("z").values;
    const w = t.column("w").values;
    let ok = true;
    for (let i = 0; i < t.n; i++) {
      const xi = x[i] as number;
      ok &&= s[i] === (xi > 0 ? 1 : 0);
      ok &&=
        Math.abs((z[i] as number) - (2 * xi + 0.5 * xi * xi + (t.exogenous("E_z")[i] as number))) <
        1e-12;
      ok &&= w[i] === (z[i] as number) + (t.exogenous("E_w")[i] as number) + 10;
    }
    expect(ok).toBe(true);
    expect(t.column("k").values.every((v) => v === 2)).toBe(true);
    expect(t.label("__proto__", 0)).toBe(s[0] === 1 ? "pos" : "neg");
  });

  const fnModel = (fn: () => number, domain: VariableSpec["domain"]): Scm =>
    createScm({
      variables: [{ name: "bad var", domain, mechanism: { type: "function", parents: [], fn } }],
    });

  function expectScmError(f: () => unknown, reason: string): void {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidScmError);
      expect((e as InvalidScmError).code).toBe("E_INVALID_SCM");
      expect((e as InvalidScmError).variable).toBe("bad var");
      expect((e as InvalidScmError).reason).toBe(reason);
      return;
    }
    throw new Error("expected an InvalidScmError");
  }

  it("rejects discrete results that are not state indices, naming the variable and row", () => {
    const binary = { type: "discrete", states: ["a", "b"] } as const;
    expectScmError(
      () =>
        sample(
          fnModel(() => 2, binary),
          10,
        ),
      "mechanism-result",
    );
    expectScmError(
      () =>
        sample(
          fnModel(() => 0.5, binary),
          10,
        ),
      "mechanism-result",
    );
    expectScmError(
      () =>
        sample(
          fnModel(() => -1, binary),
          10,
        ),
      "mechanism-result",
    );
    let row = 0;
    const late = fnModel(() => (row++ === 1500 ? 7 : 0), binary);
    try {
      sample(late, 3000);
      throw new Error("no error");
    } catch (e) {
      expect((e as Error).message).toContain("row 1500");
    }
  });

  it("rejects non-finite continuous results and wraps thrown errors", () => {
    const real = { type: "continuous" } as const;
    expectScmError(
      () =>
        sample(
          fnModel(() => Number.NaN, real),
          10,
        ),
      "non-finite",
    );
    expectScmError(
      () =>
        sample(
          fnModel(() => Number.POSITIVE_INFINITY, real),
          10,
        ),
      "non-finite",
    );
    expectScmError(
      () =>
        sample(
          fnModel(() => "1" as unknown as number, real),
          10,
        ),
      "non-finite",
    );
    const boom = new RangeError("boom");
    try {
      sample(
        fnModel(() => {
          throw boom;
        }, real),
        10,
      );
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidScmError);
      expect((e as InvalidScmError).reason).toBe("mechanism-error");
      expect((e as Error).cause).toBe(boom);
    }
  });

  it("rejects a linear equation that overflows", () => {
    const model = createScm({
      variables: [
        {
          name: "a",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: [], coefficients: [], intercept: 1e308 },
        },
        {
          name: "bad var",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: ["a"], coefficients: [1e10] },
        },
      ],
    });
    expectScmError(() => sample(model, 10), "non-finite");
  });

  it("rejects invalid n, chunkSize and options with InvalidArgumentError", () => {
    const model = createScm({ variables: discreteSpec });
    const bad: (() => unknown)[] = [
      () => sample(model, -1),
      () => sample(model, 1.5),
      () => sample(model, Number.NaN),
      () => sample(model, 2 ** 53),
      () => sample(model, "10" as unknown as number),
      () => sample(model, 10, { seed: {} as unknown as number }),
      () => sample(model, 10, { includeNoise: 1 as unknown as boolean }),
      () => sampleChunks(model, -1),
      () => sampleChunks(model, 10, { chunkSize: 0 }),
      () => sampleChunks(model, 10, { chunkSize: 2.5 }),
    ];
    for (const f of bad) {
      try {
        f();
        throw new Error("no error");
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        expect((e as CausalKitError).code).toBe("E_INVALID_ARGUMENT");
      }
    }
  });
});
