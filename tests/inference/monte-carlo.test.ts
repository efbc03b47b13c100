import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { gaussianDistribution } from "../../src/inference/linear-gaussian/gaussian-distribution.js";
import {
  type MonteCarloEstimate,
  monteCarloExpectation,
  monteCarloProbability,
} from "../../src/inference/monte-carlo.js";
import { createScm, type Scm } from "../../src/scm/scm.js";
import type { CptMechanism } from "../../src/scm/types.js";

// Every estimate must land within 4 standard errors of an exact value computed independently:
// brute-force enumeration of the joint (discrete) or the linear-Gaussian closed form.

const within4se = (r: MonteCarloEstimate, exact: number): void => {
  expect(r.exact).toBe(false);
  expect(r.method).toBe("monte-carlo");
  expect(r.standardError).toBeGreaterThan(0);
  expect(Math.abs(r.estimate - exact)).toBeLessThanOrEqual(4 * r.standardError);
};

const binary = { type: "discrete", states: ["no", "yes"] } as const;
const sprinkler = createScm({
  variables: [
    {
      name: "cloudy?",
      domain: binary,
      mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]] },
    },
    {
      name: "sprinkler on",
      domain: { type: "discrete", states: ["off", "on"] },
      mechanism: {
        type: "cpt",
        parents: ["cloudy?"],
        table: [
          [0.5, 0.5],
          [0.9, 0.1],
        ],
      },
    },
    {
      name: "rain",
      domain: binary,
      mechanism: {
        type: "cpt",
        parents: ["cloudy?"],
        table: [
          [0.8, 0.2],
          [0.2, 0.8],
        ],
      },
    },
    {
      name: "wet grass",
      domain: { type: "discrete", states: ["dry", "wet"] },
      mechanism: {
        type: "cpt",
        parents: ["sprinkler on", "rain"],
        table: [
          [1, 0],
          [0.1, 0.9],
          [0.1, 0.9],
          [0.01, 0.99],
        ],
      },
    },
    {
      name: "mood_1",
      domain: { type: "discrete", states: ["bad", "ok", "good"] },
      mechanism: {
        type: "cpt",
        parents: ["wet grass"],
        table: [
          [0.2, 0.3, 0.5],
          [0.6, 0.3, 0.1],
        ],
      },
    },
  ],
});

/**
 * Brute-force P_do(target = s | given) over a CPT model: sum the truncated product
 * Π_{V ∉ do} P(v | pa) over every joint assignment consistent with do and given.
 */
function enumerate(
  model: Scm,
  target: string,
  doValues: Record<string, number>,
  given: Record<string, number>,
): number[] {
  const vars = model.variables;
  const sizes = vars.map((v) => (v.domain.type === "discrete" ? v.domain.states.length : 0));
  const pos = new Map(vars.map((v, i) => [v.name, i]));
  const t = pos.get(target) as number;
  const out = new Array<number>(sizes[t] as number).fill(0);
  const assignment = new Array<number>(vars.length).fill(0);
  const total = sizes.reduce((a, b) => a * b, 1);
  for (let code = 0; code < total; code++) {
    let c = code;
    for (let i = 0; i < vars.length; i++) {
      assignment[i] = c % (sizes[i] as number);
      c = Math.floor(c / (sizes[i] as number));
    }
    let p = 1;
    for (let i = 0; i < vars.length && p > 0; i++) {
      const v = vars[i];
      if (v === undefined) continue;
      if (v.name in given && assignment[i] !== given[v.name]) p = 0;
      if (v.name in doValues) {
        if (assignment[i] !== doValues[v.name]) p = 0;
        continue;
      }
      const m = v.mechanism as CptMechanism;
      let row = 0;
      for (const parent of m.parents) {
        const j = pos.get(parent) as number;
        row = row * (sizes[j] as number) + (assignment[j] as number);
      }
      p *= m.table[row]?.[assignment[i] as number] ?? 0;
    }
    const k = assignment[t] as number;
    out[k] = (out[k] as number) + p;
  }
  const z = out.reduce((a, b) => a + b, 0);
  return out.map((p) => p / z);
}

describe("monteCarloProbability / monteCarloExpectation on a discrete model", () => {
  it("P(wet grass = wet | do(sprinkler on = on)) within 4 SE of enumeration", () => {
    const exact = enumerate(sprinkler, "wet grass", { "sprinkler on": 1 }, {})[1] as number;
    const r = monteCarloProbability(sprinkler, {
      target: "wet grass",
      state: "wet",
      do: { "sprinkler on": "on" },
      n: 200_000,
      seed: 1,
    });
    within4se(r, exact);
    expect(r.n).toBe(200_000);
    expect(r.drawn).toBe(200_000);
    // SE of a proportion: sqrt(p̂(1 − p̂)/(n − 1)).
    expect(r.standardError).toBeCloseTo(Math.sqrt((r.estimate * (1 - r.estimate)) / (r.n - 1)), 15);
  });

  it("observational and state-index expectations", () => {
    const p = enumerate(sprinkler, "mood_1", {}, {});
    const exact = (p[1] as number) + 2 * (p[2] as number);
    within4se(monteCarloExpectation(sprinkler, { target: "mood_1", n: 200_000, seed: 2 }), exact);
    // fn receives the state index.
    const good = monteCarloExpectation(sprinkler, {
      target: "mood_1",
      fn: (k) => (k === 2 ? 1 : 0),
      n: 200_000,
      seed: 3,
    });
    within4se(good, p[2] as number);
  });

  it("conditions on discrete evidence by rejection, reporting the accepted count", () => {
    const exact = enumerate(
      sprinkler,
      "rain",
      { "sprinkler on": 1 },
      { "wet grass": 1 },
    )[1] as number;
    const r = monteCarloProbability(sprinkler, {
      target: "rain",
      state: 1,
      do: { "sprinkler on": 1 },
      given: { "wet grass": "wet" },
      n: 200_000,
      seed: 4,
    });
    within4se(r, exact);
    expect(r.drawn).toBe(200_000);
    expect(r.n).toBeLessThan(200_000);
    // P(wet | do(on)) = 0.5·0.9 + 0.5·0.99 = 0.945: about 189 000 rows accepted.
    expect(Math.abs(r.n - 189_000)).toBeLessThanOrEqual(4 * Math.sqrt(200_000 * 0.945 * 0.055));
    const obs = enumerate(sprinkler, "cloudy?", {}, { "wet grass": 1, mood_1: 0 })[1] as number;
    within4se(
      monteCarloProbability(sprinkler, {
        target: "cloudy?",
        state: "yes",
        given: new Map<string, string | number>([
          ["wet grass", "wet"],
          ["mood_1", 0],
        ]),
        n: 200_000,
        seed: 5,
      }),
      obs,
    );
  });

  it("is deterministic given the seed", () => {
    const opts = { target: "rain", state: "yes", n: 5_000, seed: "abc" } as const;
    expect(monteCarloProbability(sprinkler, opts)).toEqual(monteCarloProbability(sprinkler, opts));
    expect(monteCarloProbability(sprinkler, { ...opts, seed: "abd" }).estimate).not.toBe(
      monteCarloProbability(sprinkler, opts).estimate,
    );
    // The default seed is fixed too.
    const { seed: _, ...noSeed } = opts;
    expect(monteCarloProbability(sprinkler, noSeed)).toEqual(
      monteCarloProbability(sprinkler, noSeed),
    );
  });
});

describe("monteCarloExpectation on continuous models", () => {
  // Z → X → Y, Z → Y, with a shared exogenous variable between Z and Y.
  const lg = createScm({
    variables: [
      {
        name: "Z z",
        domain: { type: "continuous" },
        mechanism: {
          type: "linear",
          parents: [],
          coefficients: [],
          intercept: 1,
          noise: "U shared",
        },
      },
      {
        name: "X",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: ["Z z"], coefficients: [1.5] },
      },
      {
        name: "Y_1",
        domain: { type: "continuous" },
        mechanism: {
          type: "linear",
          parents: ["X", "Z z"],
          coefficients: [2, -1],
          intercept: 3,
          noise: "U shared",
        },
      },
    ],
    exogenous: [{ name: "U shared", distribution: { type: "normal", mean: 0.5, sd: 1.2 } }],
  });

  it("E[Y | do(X = 1)] and E[Y² | do(X = 1)] within 4 SE of the closed form", () => {
    const { mean, variance } = gaussianDistribution(lg, { do: { X: 1 } }).marginal("Y_1");
    within4se(
      monteCarloExpectation(lg, { target: "Y_1", do: { X: 1 }, n: 200_000, seed: 6 }),
      mean,
    );
    within4se(
      monteCarloExpectation(lg, {
        target: "Y_1",
        do: { X: 1 },
        fn: (y) => y * y,
        n: 200_000,
        seed: 7,
      }),
      variance + mean * mean,
    );
    const obs = gaussianDistribution(lg).marginal("Y_1").mean;
    within4se(monteCarloExpectation(lg, { target: "Y_1", n: 200_000, seed: 8 }), obs);
  });

  it("estimates a nonlinear model with a known answer: E[X²] = 1, E[X⁴] = 3 for X ~ N(0, 1)", () => {
    const nl = createScm({
      variables: [
        {
          name: "X",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: [], coefficients: [] },
        },
        {
          name: "Y",
          domain: { type: "continuous" },
          mechanism: { type: "function", parents: ["X"], fn: ({ X = 0 }) => X ** 2 },
        },
      ],
    });
    within4se(monteCarloExpectation(nl, { target: "Y", n: 200_000, seed: 9 }), 1);
    within4se(
      monteCarloExpectation(nl, { target: "Y", fn: (y) => y * y, n: 200_000, seed: 10 }),
      3,
    );
    // An intervened target is constant: zero standard error, still not exact.
    const c = monteCarloExpectation(nl, { target: "Y", do: { Y: 2 }, n: 10 });
    expect(c).toEqual({
      estimate: 2,
      standardError: 0,
      n: 10,
      drawn: 10,
      exact: false,
      method: "monte-carlo",
    });
  });
});

describe("errors", () => {
  const code = (fn: () => unknown): { cls: unknown; code: string; argument?: string } => {
    try {
      fn();
    } catch (e) {
      const err = e as InvalidArgumentError;
      return { cls: err.constructor, code: err.code, argument: err.argument };
    }
    return { cls: null, code: "none" };
  };

  it("rejects bad targets, sizes, evidence and fn with typed errors", () => {
    expect(() => monteCarloExpectation(sprinkler, { target: "nope" })).toThrow(UnknownNodeError);
    expect(() =>
      monteCarloProbability(sprinkler, { target: "rain", state: "yes", given: { nope: 0 } }),
    ).toThrow(UnknownNodeError);
    expect(code(() => monteCarloExpectation(sprinkler, { target: "rain", n: 1 }))).toMatchObject({
      cls: InvalidArgumentError,
      argument: "n",
    });
    expect(code(() => monteCarloExpectation(sprinkler, { target: "rain", n: 2.5 }))).toMatchObject({
      code: "E_INVALID_ARGUMENT",
      argument: "n",
    });
    expect(
      code(() => monteCarloProbability(sprinkler, { target: "rain", state: "maybe" })),
    ).toMatchObject({
      code: "E_INVALID_ARGUMENT",
      argument: "rain",
    });
    expect(
      code(() => monteCarloExpectation(sprinkler, { target: "rain", fn: () => Number.NaN, n: 10 })),
    ).toMatchObject({ code: "E_INVALID_ARGUMENT", argument: "fn" });
  });

  it("rejects impossible evidence (no accepted sample) and continuous evidence", () => {
    expect(
      code(() =>
        monteCarloProbability(sprinkler, {
          target: "rain",
          state: "yes",
          do: { "sprinkler on": "on" },
          given: { "sprinkler on": "off" },
          n: 1_000,
        }),
      ),
    ).toMatchObject({ cls: InvalidArgumentError, code: "E_INVALID_ARGUMENT", argument: "given" });
    const cont = createScm({
      variables: [
        {
          name: "A",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: [], coefficients: [] },
        },
      ],
    });
    expect(code(() => monteCarloProbability(cont, { target: "A", state: 0 }))).toMatchObject({
      code: "E_INVALID_ARGUMENT",
      argument: "A",
    });
    expect(
      code(() =>
        monteCarloExpectation(cont, { target: "A", given: { A: 0 } as Record<string, number> }),
      ),
    ).toMatchObject({ code: "E_INVALID_ARGUMENT", argument: "A" });
  });
});
