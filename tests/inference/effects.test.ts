import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { ate, cate, query } from "../../src/inference/index.js";
import { createScm } from "../../src/scm/index.js";
import type { VariableSpec } from "../../src/scm/types.js";
import { expectError } from "../helpers/errors.js";

const bin = { type: "discrete", states: ["no", "yes"] } as const;
const cpt = (
  name: string,
  parents: string[],
  table: number[][],
  domain: VariableSpec["domain"] = bin,
): VariableSpec => ({
  name,
  domain,
  mechanism: { type: "cpt", parents, table },
});

// Confounded treatment: Z → X, Z → Y, X → Y. By the backdoor formula (Pearl 2009, eq. 3.19)
// P(Y=1 | do(X=x)) = Σ_z P(Y=1 | x, z) P(z).
const pZ = [0.7, 0.3];
const pY1 = [
  [0.1, 0.4], // X=0: Z=0, Z=1
  [0.3, 0.8], // X=1
];
const model = createScm({
  variables: [
    cpt("age group", [], [pZ]),
    cpt(
      "X",
      ["age group"],
      [
        [0.8, 0.2],
        [0.3, 0.7],
      ],
    ),
    cpt(
      "Y",
      ["X", "age group"],
      [
        [0.9, 0.1],
        [0.6, 0.4],
        [0.7, 0.3],
        [0.2, 0.8],
      ],
    ),
    cpt(
      "grade",
      ["Y"],
      [
        [0.5, 0.3, 0.2],
        [0.1, 0.3, 0.6],
      ],
      { type: "discrete", states: ["low", "mid", "high"] },
    ),
  ],
});
const risk = (x: number): number =>
  (pZ[0] as number) * ((pY1[x] as number[])[0] as number) +
  (pZ[1] as number) * ((pY1[x] as number[])[1] as number);

describe("ate", () => {
  it("binary X and Y: risk difference and risk ratio by the backdoor formula", () => {
    const e = ate(model, "X", "Y");
    const r1 = risk(1);
    const r0 = risk(0);
    expect(e.ate).toBeCloseTo(r1 - r0, 14);
    expect(e.riskDifference).toBeCloseTo(r1 - r0, 14);
    expect(e.riskRatio).toBeCloseTo(r1 / r0, 13);
    expect(e.outcomeState).toBe("yes");
    expect(e.treatmentState).toBe("yes");
    expect(e.controlState).toBe("no");
    expect(e.treated.probabilities[1]).toBeCloseTo(r1, 14);
    expect(e.control.probabilities[1]).toBeCloseTo(r0, 14);
    // the confounded observational contrast differs
    const obs =
      (query(model, { targets: "Y", given: { X: 1 } }).probabilities[1] as number) -
      (query(model, { targets: "Y", given: { X: 0 } }).probabilities[1] as number);
    expect(Math.abs(obs - e.ate)).toBeGreaterThan(0.01);
  });

  it("explicit treatment / control (indices or names) and an outcome state", () => {
    const e = ate(model, "X", "Y", { treatment: 0, control: "yes", outcomeState: "no" });
    expect(e.ate).toBeCloseTo(1 - risk(0) - (1 - risk(1)), 14);
    expect(e.riskRatio).toBeCloseTo((1 - risk(0)) / (1 - risk(1)), 13);
    expect(e.outcomeState).toBe("no");
  });

  it("a three-state outcome: difference of expected state indices", () => {
    const e = ate(model, "X", "grade");
    const mean = (pYes: number): number => (1 - pYes) * (0.3 + 2 * 0.2) + pYes * (0.3 + 2 * 0.6);
    expect(e.ate).toBeCloseTo(mean(risk(1)) - mean(risk(0)), 14);
    expect(e.riskDifference).toBeUndefined();
    expect(e.riskRatio).toBeUndefined();
    const high = ate(model, "X", "grade", { outcomeState: "high" });
    expect(high.riskDifference).toBeCloseTo(0.4 * (risk(1) - risk(0)), 14);
  });

  it("no risk ratio when the control risk is 0", () => {
    const m = createScm({
      variables: [
        cpt("T", [], [[0.5, 0.5]]),
        cpt(
          "O",
          ["T"],
          [
            [1, 0],
            [0.5, 0.5],
          ],
        ),
      ],
    });
    const e = ate(m, "T", "O");
    expect(e.ate).toBeCloseTo(0.5, 15);
    expect(e.riskRatio).toBeUndefined();
    expect("riskRatio" in e).toBe(false);
  });

  it("an outcome that is not a descendant of the treatment has no effect", () => {
    expect(ate(model, "X", "age group").ate).toBeCloseTo(0, 15);
  });

  it("rejects bad arguments", () => {
    const three = createScm({
      variables: [
        cpt("D", [], [[0.2, 0.3, 0.5]], { type: "discrete", states: ["a", "b", "c"] }),
        cpt(
          "O",
          ["D"],
          [
            [0.5, 0.5],
            [0.4, 0.6],
            [0.1, 0.9],
          ],
        ),
      ],
    });
    const t = expectError(() => ate(three, "D", "O"), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expect((t as InvalidArgumentError).argument).toBe("treatment");
    expect(ate(three, "D", "O", { treatment: "c", control: "a" }).ate).toBeCloseTo(0.4, 15);
    expectError(() => ate(model, "X", "X"), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => ate(model, "X", "nope"), UnknownNodeError, "E_UNKNOWN_NODE");
    expectError(
      () => ate(model, "X", "Y", { treatment: "maybe" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});

describe("cate", () => {
  it("conditional on a pre-treatment covariate: the stratum's risk difference", () => {
    for (let z = 0; z < 2; z++) {
      const e = cate(model, "X", "Y", { given: { "age group": z } });
      expect(e.ate).toBeCloseTo(
        ((pY1[1] as number[])[z] as number) - ((pY1[0] as number[])[z] as number),
        14,
      );
      expect(e.treated.given).toEqual(new Map([["age group", z === 0 ? "no" : "yes"]]));
    }
  });

  it("requires evidence and rejects impossible evidence", () => {
    expectError(
      () => cate(model, "X", "Y", undefined as unknown as { given: Record<string, string> }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    const e = expectError(
      () => cate(model, "X", "Y", { given: { X: "no" } }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expect((e as InvalidArgumentError).argument).toBe("given");
  });
});

describe("ate: default states of binary variables", () => {
  // asia.bif lists "yes" before "no" (as BIF files usually do). By hand from its CPTs:
  // P(dysp=yes | do(smoke=s)) = Σ_{bronc, either} P(bronc|s) P(either|s) P(dysp=yes|bronc,either),
  // with P(either=yes | s) = 1 − (1 − P(lung=yes|s)) (1 − P(tub=yes)), P(tub=yes) = 0.0104.
  const yn = { type: "discrete", states: ["yes", "no"] } as const;
  const model = createScm({
    variables: [
      cpt("asia", [], [[0.01, 0.99]], yn),
      cpt(
        "tub",
        ["asia"],
        [
          [0.05, 0.95],
          [0.01, 0.99],
        ],
        yn,
      ),
      cpt("smoke", [], [[0.5, 0.5]], yn),
      cpt(
        "lung",
        ["smoke"],
        [
          [0.1, 0.9],
          [0.01, 0.99],
        ],
        yn,
      ),
      cpt(
        "bronc",
        ["smoke"],
        [
          [0.6, 0.4],
          [0.3, 0.7],
        ],
        yn,
      ),
      cpt(
        "either",
        ["lung", "tub"],
        [
          [1, 0],
          [1, 0],
          [1, 0],
          [0, 1],
        ],
        yn,
      ),
      cpt(
        "dysp",
        ["bronc", "either"],
        [
          [0.9, 0.1],
          [0.8, 0.2],
          [0.7, 0.3],
          [0.1, 0.9],
        ],
        yn,
      ),
    ],
  });
  const pDysp = (pBronc: number, pLung: number): number => {
    const pEither = 1 - (1 - pLung) * (1 - 0.0104);
    return (
      pBronc * pEither * 0.9 +
      pBronc * (1 - pEither) * 0.8 +
      (1 - pBronc) * pEither * 0.7 +
      (1 - pBronc) * (1 - pEither) * 0.1
    );
  };

  it('treats "yes" as the treatment and the event, whatever the state order', () => {
    const e = ate(model, "smoke", "dysp");
    expect(e.treatmentState).toBe("yes");
    expect(e.controlState).toBe("no");
    expect(e.outcomeState).toBe("yes");
    expect(e.ate).toBeCloseTo(pDysp(0.6, 0.1) - pDysp(0.3, 0.01), 12);
    expect(e.riskRatio).toBeCloseTo(pDysp(0.6, 0.1) / pDysp(0.3, 0.01), 12);
  });

  it("one side given: the other is the other state; the same state twice is an error", () => {
    expect(ate(model, "smoke", "dysp", { treatment: "no" }).controlState).toBe("yes");
    expect(ate(model, "smoke", "dysp", { control: "no" }).treatmentState).toBe("yes");
    expect(() => ate(model, "smoke", "dysp", { treatment: "yes", control: "yes" })).toThrow(
      InvalidArgumentError,
    );
  });

  it("uses states[1] vs states[0] when the names are not yes/no-like", () => {
    const ab = { type: "discrete", states: ["low", "high"] } as const;
    const m = createScm({
      variables: [
        cpt("A", [], [[0.5, 0.5]], ab),
        cpt(
          "B",
          ["A"],
          [
            [0.9, 0.1],
            [0.4, 0.6],
          ],
          ab,
        ),
      ],
    });
    const e = ate(m, "A", "B");
    expect([e.treatmentState, e.controlState, e.outcomeState]).toEqual(["high", "low", "high"]);
    expect(e.ate).toBeCloseTo(0.5, 12);
  });
});
