import { describe, expect, it } from "vitest";
import { query } from "../../src/inference/index.js";
import { softIntervention } from "../../src/interventions/index.js";
import { createScm, type VariableSpec } from "../../src/scm/index.js";

// Soft interventions are queryable exactly: a soft intervention returns an ordinary model, and
// the exact answer is checked against a hand computation of the truncated factorisation.
const bin = { type: "discrete", states: ["0", "1"] } as const;
const cpt = (name: string, parents: string[], table: number[][]): VariableSpec => ({
  name,
  domain: bin,
  mechanism: { type: "cpt", parents, table },
});

// Z → X → Y, Z → Y
const model = createScm({
  variables: [
    cpt("Z", [], [[0.7, 0.3]]),
    cpt(
      "X",
      ["Z"],
      [
        [0.9, 0.1],
        [0.2, 0.8],
      ],
    ),
    cpt(
      "Y",
      ["Z", "X"],
      [
        [0.95, 0.05],
        [0.6, 0.4],
        [0.5, 0.5],
        [0.1, 0.9],
      ],
    ),
  ],
});
// P(Y=1 | z, x) indexed [z][x]
const pY = [
  [0.05, 0.4],
  [0.5, 0.9],
];
const pZ = [0.7, 0.3];

describe("exact queries on soft interventions", () => {
  it("X := Bernoulli(0.5), independent of Z (a randomised experiment)", () => {
    const randomised = softIntervention(model, {
      X: { type: "cpt", parents: [], table: [[0.5, 0.5]] },
    });
    let expected = 0;
    for (const z of [0, 1])
      for (const x of [0, 1]) expected += (pZ[z] ?? 0) * 0.5 * (pY[z]?.[x] ?? 0);
    const p = query(randomised, { targets: "Y" }).marginal("Y").get("1") ?? Number.NaN;
    expect(p).toBeCloseTo(expected, 14);
  });

  it("a policy that depends on Z: X := 1 − Z", () => {
    const policy = softIntervention(model, {
      X: {
        type: "cpt",
        parents: ["Z"],
        table: [
          [0, 1],
          [1, 0],
        ],
      },
    });
    const expected = (pZ[0] ?? 0) * (pY[0]?.[1] ?? 0) + (pZ[1] ?? 0) * (pY[1]?.[0] ?? 0);
    const p = query(policy, { targets: "Y" }).marginal("Y").get("1") ?? Number.NaN;
    expect(p).toBeCloseTo(expected, 14);
    // and conditionally on Z = 1: P(Y = 1 | Z = 1) = P(Y = 1 | z = 1, x = 0)
    const given = query(policy, { targets: "Y", given: { Z: "1" } })
      .marginal("Y")
      .get("1");
    expect(given).toBeCloseTo(pY[1]?.[0] ?? Number.NaN, 14);
  });
});
