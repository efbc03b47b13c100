import { describe, expect, it } from "vitest";
import { InvalidArgumentError, InvalidScmError, UnknownNodeError } from "../../src/errors.js";
import { FactorTooLargeError, query } from "../../src/inference/index.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import type { VariableSpec } from "../../src/scm/types.js";
import { expectError } from "../helpers/errors.js";
import { bruteForce } from "./brute-force.js";

const bin = { type: "discrete", states: ["no", "yes"] } as const;

function cpt(
  name: string,
  parents: string[],
  table: number[][],
  states: VariableSpec["domain"] = bin,
): VariableSpec {
  return { name, domain: states, mechanism: { type: "cpt", parents, table } };
}

/** Sprinkler network (Pearl 2009, Fig. 1.2): C → S, C → R, S → W, R → W, W → "wet shoes". */
const P_W: number[][] = [
  [0.95, 0.05], // S=no, R=no
  [0.2, 0.8], // S=no, R=yes
  [0.1, 0.9], // S=yes, R=no
  [0.01, 0.99], // S=yes, R=yes
];
const sprinkler: Scm = createScm({
  variables: [
    cpt("cloudy sky", [], [[0.4, 0.6]]),
    cpt(
      "S",
      ["cloudy sky"],
      [
        [0.5, 0.5],
        [0.9, 0.1],
      ],
    ),
    cpt(
      "R",
      ["cloudy sky"],
      [
        [0.8, 0.2],
        [0.2, 0.8],
      ],
    ),
    cpt("W", ["S", "R"], P_W),
    cpt(
      "wet shoes",
      ["W"],
      [
        [0.7, 0.3],
        [0.1, 0.9],
      ],
    ),
  ],
});

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-12): void => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++)
    expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThan(tol);
};

describe("query: the known traps", () => {
  it("P(W | do(S), R) is the CPT entry P(W | S, R), not reweighted by P(C | R)", () => {
    for (let s = 0; s < 2; s++) {
      for (let r = 0; r < 2; r++) {
        const res = query(sprinkler, { targets: "W", do: { S: s }, given: { R: r } });
        close(res.probabilities, P_W[s * 2 + r] as number[]);
      }
    }
  });

  it("P(W | do(S = s)) = Σ_r P(W | s, r) P(r), by hand", () => {
    const pR = [0.4 * 0.8 + 0.6 * 0.2, 0.4 * 0.2 + 0.6 * 0.8];
    for (let s = 0; s < 2; s++) {
      const res = query(sprinkler, { targets: "W", do: { S: s } });
      const yes =
        (pR[0] as number) * ((P_W[s * 2] as number[])[1] as number) +
        (pR[1] as number) * ((P_W[s * 2 + 1] as number[])[1] as number);
      close(res.probabilities, [1 - yes, yes]);
    }
  });

  it("P(R | do(S)) = P(R) although S and R are dependent", () => {
    const doS = query(sprinkler, { targets: "R", do: { S: "yes" } }).probabilities;
    const obs = query(sprinkler, { targets: "R" }).probabilities;
    const cond = query(sprinkler, { targets: "R", given: { S: "yes" } }).probabilities;
    close(doS, obs);
    expect(Math.abs((cond[1] as number) - (obs[1] as number))).toBeGreaterThan(0.05);
  });

  it("a joint intervention on a variable and its parent returns the child's CPT row", () => {
    for (let s = 0; s < 2; s++) {
      for (let r = 0; r < 2; r++) {
        const res = query(sprinkler, { targets: "W", do: { S: s, R: r } });
        close(res.probabilities, P_W[s * 2 + r] as number[]);
      }
    }
    // also with the grandparent fixed: still the CPT row
    const res = query(sprinkler, { targets: "W", do: { S: 1, R: 0, "cloudy sky": 1 } });
    close(res.probabilities, P_W[2] as number[]);
  });

  it("P(A | do(C)) for a collider child C of A (A → C ← B) is P(A)", () => {
    const m = createScm({
      variables: [
        cpt("A", [], [[0.3, 0.7]]),
        cpt("B", [], [[0.6, 0.4]]),
        cpt(
          "C",
          ["A", "B"],
          [
            [0.9, 0.1],
            [0.5, 0.5],
            [0.4, 0.6],
            [0.05, 0.95],
          ],
        ),
      ],
    });
    for (const c of ["no", "yes"]) {
      close(query(m, { targets: "A", do: { C: c } }).probabilities, [0.3, 0.7]);
      close(
        query(m, { targets: ["A", "B"], do: { C: c } }).probabilities,
        [0.18, 0.12, 0.42, 0.28],
      );
    }
    // conditioning on the collider does change A (explaining away)
    const cond = query(m, { targets: "A", given: { C: "yes" } }).probabilities;
    expect(Math.abs((cond[0] as number) - 0.3)).toBeGreaterThan(0.01);
  });

  it("intervening on a childless node leaves every other distribution unchanged", () => {
    for (const t of ["cloudy sky", "S", "R", "W"]) {
      close(
        query(sprinkler, { targets: t, do: { "wet shoes": "yes" } }).probabilities,
        query(sprinkler, { targets: t }).probabilities,
      );
    }
  });

  it("an intervention that disconnects the graph is an ordinary query", () => {
    // chain A → B → C: do(B) cuts it in two
    const m = createScm({
      variables: [
        cpt("A", [], [[0.25, 0.75]]),
        cpt(
          "B",
          ["A"],
          [
            [0.9, 0.1],
            [0.3, 0.7],
          ],
        ),
        cpt(
          "C",
          ["B"],
          [
            [0.6, 0.4],
            [0.15, 0.85],
          ],
        ),
      ],
    });
    close(query(m, { targets: "C", do: { B: "yes" } }).probabilities, [0.15, 0.85]);
    close(query(m, { targets: "A", do: { B: "yes" } }).probabilities, [0.25, 0.75]);
    close(
      query(m, { targets: "A", do: { B: "yes" }, given: { C: "no" } }).probabilities,
      [0.25, 0.75],
    );
    close(query(m, { targets: ["A", "C"], do: { B: "no" } }).probabilities, [
      0.25 * 0.6,
      0.25 * 0.4,
      0.75 * 0.6,
      0.75 * 0.4,
    ]);
  });

  it("conditions in the intervened model, also on a descendant of the intervened variable", () => {
    const expected = bruteForce(sprinkler, ["R"], new Map([["S", 1]]), new Map([["wet shoes", 1]]));
    const res = query(sprinkler, { targets: "R", do: { S: "yes" }, given: { "wet shoes": "yes" } });
    expect(expected).not.toBe("zero");
    close(res.probabilities, expected as Float64Array);
    // P(R | do(S), W) ≠ P(R | S, W) in general, and ≠ P(R | do(S))
    const obs = query(sprinkler, { targets: "R", given: { S: "yes", "wet shoes": "yes" } });
    expect(
      Math.abs((obs.probabilities[1] as number) - (res.probabilities[1] as number)),
    ).toBeGreaterThan(1e-3);
  });
});

describe("query: evidence of probability 0", () => {
  const det = createScm({
    variables: [
      cpt("X", [], [[0.5, 0.5]]),
      cpt(
        "Y",
        ["X"],
        [
          [1, 0],
          [0, 1],
        ],
      ),
      cpt("Z", [], [[1, 0]]),
      cpt(
        "T",
        ["X"],
        [
          [0.3, 0.7],
          [0.6, 0.4],
        ],
      ),
    ],
  });

  it("throws InvalidArgumentError (argument given) for impossible evidence", () => {
    const e = expectError(
      () => query(det, { targets: "T", given: { X: "no", Y: "yes" } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("given");
  });

  it("also when the impossible evidence is d-separated from the target", () => {
    const e = expectError(
      () => query(det, { targets: "T", given: { Z: "yes" } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("given");
  });

  it("evidence possible observationally but impossible after the intervention", () => {
    expect(query(det, { targets: "T", given: { Y: "yes" } }).probabilities[0]).toBeCloseTo(0.6, 12);
    const e = expectError(
      () => query(det, { targets: "T", do: { X: "no" }, given: { Y: "yes" } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("given");
  });

  it("evidence contradicting the intervention on the same variable", () => {
    const e = expectError(
      () => query(det, { targets: "T", do: { X: "no" }, given: { X: "yes" } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("given");
    // agreeing evidence is certain
    close(
      query(det, { targets: "T", do: { X: "no" }, given: { X: "no" } }).probabilities,
      [0.3, 0.7],
    );
  });

  it("a target that is also observed with probability 0 throws too", () => {
    expectError(
      () => query(det, { targets: "Z", given: { Z: "yes" } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});

describe("query: targets that are intervened on or observed", () => {
  it("an intervened target is a point mass", () => {
    const r = query(sprinkler, { targets: ["S", "W"], do: { S: "yes" } });
    expect([...r.marginal("S").keys()]).toEqual(["no", "yes"]);
    close([...r.marginal("S").values()], [0, 1]);
    close(r.probabilities.subarray(0, 2), [0, 0]);
    close(
      [...r.marginal("W").values()],
      query(sprinkler, { targets: "W", do: { S: "yes" } }).probabilities,
    );
  });

  it("an observed target is a point mass; the others are conditioned", () => {
    const r = query(sprinkler, { targets: ["R", "W"], given: { W: "yes" } });
    close([...r.marginal("W").values()], [0, 1]);
    close(
      [...r.marginal("R").values()],
      query(sprinkler, { targets: "R", given: { W: "yes" } }).probabilities,
    );
  });

  it("all targets fixed: one cell of probability 1", () => {
    const r = query(sprinkler, { targets: ["W", "S"], do: { S: 0 }, given: { W: 1 } });
    expect(Array.from(r.probabilities)).toEqual([0, 0, 1, 0]);
  });
});

describe("query: inputs", () => {
  it("accepts state names, indices, decimal index strings, Maps and pairs", () => {
    const a = query(sprinkler, { targets: ["W"], do: { S: "yes" }, given: { R: "no" } });
    const b = query(sprinkler, { targets: "W", do: new Map([["S", 1]]), given: [["R", 0]] });
    const c = query(sprinkler, { targets: "W", do: { S: "1" }, given: { R: "0" } });
    expect(Array.from(b.probabilities)).toEqual(Array.from(a.probabilities));
    expect(Array.from(c.probabilities)).toEqual(Array.from(a.probabilities));
    expect(a.do).toEqual(new Map([["S", "yes"]]));
    expect(a.given).toEqual(new Map([["R", "no"]]));
  });

  it("handles awkward variable and state names", () => {
    const m = createScm({
      variables: [
        cpt("__proto__", [], [[0.2, 0.8]], { type: "discrete", states: ["constructor", "1"] }),
        cpt(
          "my var",
          ["__proto__"],
          [
            [0.5, 0.5],
            [0.1, 0.9],
          ],
        ),
      ],
    });
    const r = query(m, { targets: "my var", do: new Map([["__proto__", "1"]]) });
    close(r.probabilities, [0.1, 0.9]);
    // "1" is a state name here, so index strings are not accepted for "__proto__"
    const r0 = query(m, { targets: "__proto__", do: [["__proto__", 0]] });
    const json = r0.toJSON();
    expect(JSON.parse(JSON.stringify(json))).toEqual({
      targets: ["__proto__"],
      do: { ["__proto__"]: "constructor" },
      given: {},
      distribution: { constructor: 1, "1": 0 },
    });
    expect(Object.keys(JSON.parse(JSON.stringify(json)).do)).toEqual(["__proto__"]);
  });

  it("rejects unknown variables, states and malformed queries", () => {
    expectError(() => query(sprinkler, { targets: "nope" }), UnknownNodeError, "E_UNKNOWN_NODE");
    expectError(
      () => query(sprinkler, { targets: "W", do: { nope: 1 } }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    expectError(
      () => query(sprinkler, { targets: "W", given: { nope: 1 } }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    const s = expectError(
      () => query(sprinkler, { targets: "W", do: { S: "maybe" } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((s as InvalidArgumentError).argument).toBe("S");
    for (const bad of [2, -1, 0.5, Number.NaN]) {
      expectError(
        () => query(sprinkler, { targets: "W", given: { R: bad } }),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      );
    }
    expectError(
      () => query(sprinkler, { targets: [] }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => query(sprinkler, { targets: ["W", "W"] }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () =>
        query(sprinkler, {
          targets: "W",
          given: [
            ["R", 0],
            ["R", 1],
          ],
        }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => query(sprinkler, { targets: "W", maxFactorSize: 0 }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });

  it("never changes its inputs and gives identical answers on repeated calls", () => {
    const given = { R: "no" };
    const doValues = new Map([["S", 1]]);
    const a = query(sprinkler, { targets: ["W", "cloudy sky"], do: doValues, given });
    const b = query(sprinkler, { targets: ["W", "cloudy sky"], do: doValues, given });
    expect(Array.from(a.probabilities)).toEqual(Array.from(b.probabilities));
    expect(given).toEqual({ R: "no" });
    expect([...doValues]).toEqual([["S", 1]]);
  });

  it("throws FactorTooLargeError before computing when maxFactorSize is too small", () => {
    const e = expectError(
      () => query(sprinkler, { targets: ["W", "cloudy sky", "R"], maxFactorSize: 4 }),
      FactorTooLargeError,
      "E_FACTOR_TOO_LARGE",
    );
    expect((e as FactorTooLargeError).limit).toBe(4);
    expect((e as FactorTooLargeError).size).toBeGreaterThan(4);
    expect(
      query(sprinkler, { targets: ["W", "cloudy sky", "R"], maxFactorSize: 16 }).probabilities
        .length,
    ).toBe(8);
  });
});

describe("QueryResult", () => {
  const r = query(sprinkler, { targets: ["S", "W"], given: { "cloudy sky": "yes" } });
  const pS = [0.9, 0.1];
  const pR = [0.2, 0.8];
  const joint: number[] = [];
  for (let s = 0; s < 2; s++) {
    for (let w = 0; w < 2; w++) {
      let p = 0;
      for (let rr = 0; rr < 2; rr++)
        p += (pS[s] as number) * (pR[rr] as number) * ((P_W[s * 2 + rr] as number[])[w] as number);
      joint.push(p);
    }
  }

  it("holds the joint, row-major with the last target fastest", () => {
    expect(r.targets).toEqual(["S", "W"]);
    expect(r.states).toEqual([
      ["no", "yes"],
      ["no", "yes"],
    ]);
    close(r.probabilities, joint);
  });

  it("marginal, probability and expectation", () => {
    const mW = r.marginal("W");
    expect([...mW.keys()]).toEqual(["no", "yes"]);
    expect(mW.get("yes")).toBeCloseTo((joint[1] as number) + (joint[3] as number), 14);
    expect(r.probability({ S: "yes", W: "no" })).toBeCloseTo(joint[2] as number, 14);
    expect(r.probability({ W: 1 })).toBeCloseTo((joint[1] as number) + (joint[3] as number), 14);
    expect(r.probability({})).toBeCloseTo(1, 14);
    expect(r.expectation("S")).toBeCloseTo(0.1, 14);
    expectError(() => r.marginal("R"), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => r.probability({ R: 0 }), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => r.probability({ S: "maybe" }), InvalidArgumentError, "E_INVALID_ARGUMENT");
  });

  it("toJSON: joint rows and marginals for several targets", () => {
    const json = JSON.parse(JSON.stringify(r));
    expect(json.targets).toEqual(["S", "W"]);
    expect(json.do).toEqual({});
    expect(json.given).toEqual({ "cloudy sky": "yes" });
    expect(json.joint.map((row: { assignment: unknown }) => row.assignment)).toEqual([
      { S: "no", W: "no" },
      { S: "no", W: "yes" },
      { S: "yes", W: "no" },
      { S: "yes", W: "yes" },
    ]);
    close(
      json.joint.map((row: { p: number }) => row.p),
      joint,
    );
    expect(Object.keys(json.marginals)).toEqual(["S", "W"]);
    expect(json.marginals.S.yes).toBeCloseTo(0.1, 14);
    expect("distribution" in json).toBe(false);
  });

  it("toJSON: a distribution listing every state (zeros too) for one target", () => {
    const one = query(sprinkler, { targets: "S", do: { S: "no" } }).toJSON();
    expect(JSON.parse(JSON.stringify(one))).toEqual({
      targets: ["S"],
      do: { S: "no" },
      given: {},
      distribution: { no: 1, yes: 0 },
    });
  });
});

describe("query: model support", () => {
  it("rejects a continuous variable, naming it", () => {
    const m = createScm({
      variables: [
        cpt("A", [], [[0.5, 0.5]]),
        {
          name: "height cm",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: ["A"], coefficients: [2] },
        },
      ],
    });
    const e = expectError(
      () => query(m, { targets: "A" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("height cm");
  });

  it("rejects a function mechanism with continuous noise, naming the variable", () => {
    const m = createScm({
      exogenous: [{ name: "E", distribution: { type: "normal", mean: 0, sd: 1 } }],
      variables: [
        {
          name: "B",
          domain: bin,
          mechanism: {
            type: "function",
            parents: [],
            noise: ["E"],
            fn: (_p, { E }) => ((E as number) > 0 ? 1 : 0),
          },
        },
      ],
    });
    const e = expectError(
      () => query(m, { targets: "B" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("B");
  });

  it("rejects continuous noise shared by two mechanisms", () => {
    const m = createScm({
      exogenous: [{ name: "U", distribution: { type: "uniform", min: 0, max: 1 } }],
      variables: [
        {
          name: "A",
          domain: bin,
          mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]], noise: "U" },
        },
        {
          name: "B",
          domain: bin,
          mechanism: {
            type: "function",
            parents: [],
            noise: ["U"],
            fn: (_p, { U }) => ((U as number) > 0.3 ? 1 : 0),
          },
        },
      ],
    });
    expectError(() => query(m, { targets: "A" }), InvalidArgumentError, "E_INVALID_ARGUMENT");
  });

  it("rejects a mechanism returning a non-state", () => {
    const m = createScm({
      variables: [
        { name: "A", domain: bin, mechanism: { type: "function", parents: [], fn: () => 2 } },
      ],
    });
    const e = expectError(() => query(m, { targets: "A" }), InvalidScmError, "E_INVALID_SCM");
    expect((e as InvalidScmError).variable).toBe("A");
  });

  it("a uniform shared by two CPTs (inverse-CDF coupling) is exact", () => {
    const m = createScm({
      exogenous: [{ name: "U", distribution: { type: "uniform", min: 0, max: 1 } }],
      variables: [
        {
          name: "A",
          domain: bin,
          mechanism: { type: "cpt", parents: [], table: [[0.3, 0.7]], noise: "U" },
        },
        {
          name: "B",
          domain: { type: "discrete", states: ["b0", "b1", "b2"] },
          mechanism: { type: "cpt", parents: [], table: [[0.5, 0.25, 0.25]], noise: "U" },
        },
      ],
    });
    // A=0 ⇔ u < 0.3; B = 0 ⇔ u < 0.5, 1 ⇔ u < 0.75, else 2
    close(query(m, { targets: ["A", "B"] }).probabilities, [0.3, 0, 0, 0.2, 0.25, 0.25]);
    close(query(m, { targets: "B", given: { A: "no" } }).probabilities, [1, 0, 0]);
    close(query(m, { targets: "B", do: { A: "no" } }).probabilities, [0.5, 0.25, 0.25]);
  });

  it("a finite noise shared by two function mechanisms is a latent confounder", () => {
    const m = createScm({
      exogenous: [{ name: "L", distribution: { type: "bernoulli", p: 0.25 } }],
      variables: [
        {
          name: "X",
          domain: bin,
          mechanism: {
            type: "function",
            parents: [],
            noise: ["L"],
            fn: (_p, { L }) => L as number,
          },
        },
        cpt(
          "M",
          ["X"],
          [
            [0.9, 0.1],
            [0.2, 0.8],
          ],
        ),
        {
          name: "Y",
          domain: bin,
          mechanism: {
            type: "function",
            parents: ["M"],
            noise: ["L"],
            fn: ({ M }, { L }) => (M === 1 || L === 1 ? 1 : 0),
          },
        },
      ],
    });
    // P(Y=1 | do(X=0)) = P(L=1) + P(L=0) P(M=1 | X=0) = 0.25 + 0.75·0.1
    close(query(m, { targets: "Y", do: { X: 0 } }).probabilities, [0.675, 0.325]);
    // observationally X=0 ⇔ L=0, so P(Y=1 | X=0) = 0.1
    close(query(m, { targets: "Y", given: { X: 0 } }).probabilities, [0.9, 0.1]);
  });

  it("expression mechanisms with finite noise, and constants", () => {
    const m = createScm({
      exogenous: [{ name: "N", distribution: { type: "categorical", probs: [0.2, 0.3, 0.5] } }],
      variables: [
        cpt("A", [], [[0.4, 0.6]]),
        {
          name: "B",
          domain: { type: "discrete", states: ["0", "1", "2"] },
          mechanism: { type: "expression", expression: "mod(A + N, 3)" },
        },
        { name: "K", domain: bin, mechanism: { type: "constant", value: 1 } },
      ],
    });
    // B = (A + N) mod 3
    close(query(m, { targets: "B", given: { A: 1 } }).probabilities, [0.5, 0.2, 0.3]);
    close(query(m, { targets: "B" }).probabilities, [
      0.4 * 0.2 + 0.6 * 0.5,
      0.4 * 0.3 + 0.6 * 0.2,
      0.4 * 0.5 + 0.6 * 0.3,
    ]);
    close(query(m, { targets: "K" }).probabilities, [0, 1]);
    close(query(m, { targets: "K", do: { K: 0 } }).probabilities, [1, 0]);
  });

  it("reads CPT rows by the sampler's inverse-CDF rule: the last positive state takes the rest", () => {
    const m = createScm({
      variables: [
        cpt("A", [], [[0.3, 0.6999995]]),
        cpt("B", [], [[0.3000005, 0.7, 0]], { type: "discrete", states: ["x", "y", "z"] }),
      ],
    });
    close(query(m, { targets: "A" }).probabilities, [0.3, 0.7], 1e-15);
    close(query(m, { targets: "B" }).probabilities, [0.3000005, 0.6999995, 0], 1e-15);
  });

  it("logistic mechanisms", () => {
    const m = createScm({
      variables: [
        cpt("A", [], [[0.5, 0.5]]),
        {
          name: "B",
          domain: bin,
          mechanism: { type: "logistic", parents: ["A"], coefficients: [2], intercept: -1 },
        },
      ],
    });
    const p1 = 1 / (1 + Math.exp(-1));
    close(query(m, { targets: "B", do: { A: 1 } }).probabilities, [1 - p1, p1]);
  });
});

describe("query: relevance pruning", () => {
  // A → B1..B10 → C (C has all ten B's as parents: a 2^11-cell CPT), and ten roots Z1..Z10 → W
  // (a positive 2^11-cell CPT), independent of A.
  const Bs = Array.from({ length: 10 }, (_, i) => `B${i + 1}`);
  const Zs = Array.from({ length: 10 }, (_, i) => `Z${i + 1}`);
  const rows = (n: number, zeros: boolean): number[][] =>
    Array.from({ length: 2 ** n }, (_, r) => {
      const p = zeros && r % 3 === 0 ? 0 : 0.1 + (0.8 * ((r * 7919) % 101)) / 101;
      return [1 - p, p];
    });
  const model = (zeros: boolean): Scm =>
    createScm({
      variables: [
        cpt("A", [], [[0.35, 0.65]]),
        ...Bs.map((b, i) =>
          cpt(
            b,
            ["A"],
            [
              [0.9 - 0.05 * i, 0.1 + 0.05 * i],
              [0.2, 0.8],
            ],
          ),
        ),
        cpt("C", Bs, rows(10, false)),
        ...Zs.map((z) => cpt(z, [], [[0.5, 0.5]])),
        cpt("W", Zs, rows(10, zeros)),
      ],
    });
  const m = model(false);

  it("barren descendants never enter the elimination", () => {
    // without pruning, eliminating the B's next to C's factor would build ≥ 2^11 cells
    close(query(m, { targets: "A", maxFactorSize: 4 }).probabilities, [0.35, 0.65]);
    close(
      query(m, { targets: "B3", do: { A: "yes" }, maxFactorSize: 4 }).probabilities,
      [0.2, 0.8],
    );
  });

  it("evidence d-separated from the targets is dropped (its positive part is not even summed)", () => {
    close(
      query(m, { targets: "A", given: { W: "yes" }, maxFactorSize: 4 }).probabilities,
      [0.35, 0.65],
    );
    // with zeros in W's table the evidence's probability must be checked, which needs the
    // elimination of the Z's, and so a larger table
    const mz = model(true);
    expect(() => query(mz, { targets: "A", given: { W: "yes" }, maxFactorSize: 4 })).toThrow(
      FactorTooLargeError,
    );
    close(query(mz, { targets: "A", given: { W: "yes" } }).probabilities, [0.35, 0.65]);
  });

  it("evidence on a child of an observed node is irrelevant", () => {
    const a = query(m, { targets: "A", given: { B1: "yes" } }).probabilities;
    const b = query(m, {
      targets: "A",
      given: { B1: "yes", C: "no" },
      do: { B2: 0, B3: 0, B4: 0, B5: 0, B6: 0, B7: 0, B8: 0, B9: 0, B10: 0 },
    });
    close(b.probabilities, a);
  });
});
