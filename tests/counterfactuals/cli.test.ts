import { describe, expect, it } from "vitest";
import {
  counterfactual,
  describeCounterfactual,
  describeEffectKind,
  runEffectKind,
} from "../../src/cli/commands/counterfactual.js";
import type { LoadedModel } from "../../src/cli/load-model.js";
import { counterfactualQuery, probabilitiesOfCausation } from "../../src/counterfactuals/index.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import { expectError } from "../helpers/errors.js";

function loaded(model: Scm): LoadedModel {
  return { source: "test", graph: model.graph, model };
}

const bin = { type: "discrete", states: ["0", "1"] } as const;
const discrete = createScm({
  variables: [
    { name: "Z", domain: bin, mechanism: { type: "cpt", parents: [], table: [[0.4, 0.6]] } },
    {
      name: "X",
      domain: bin,
      mechanism: {
        type: "cpt",
        parents: ["Z"],
        table: [
          [0.7, 0.3],
          [0.2, 0.8],
        ],
      },
    },
    {
      name: "M",
      domain: bin,
      mechanism: {
        type: "cpt",
        parents: ["X"],
        table: [
          [0.6, 0.4],
          [0.3, 0.7],
        ],
      },
    },
    {
      name: "Y",
      domain: bin,
      mechanism: {
        type: "cpt",
        parents: ["Z", "X", "M"],
        table: [
          [0.9, 0.1],
          [0.7, 0.3],
          [0.6, 0.4],
          [0.4, 0.6],
          [0.8, 0.2],
          [0.5, 0.5],
          [0.3, 0.7],
          [0.1, 0.9],
        ],
      },
    },
  ],
});
const real = { type: "continuous" } as const;
const linear = createScm({
  variables: [
    { name: "X", domain: real, mechanism: { type: "linear", parents: [], coefficients: [] } },
    { name: "Y", domain: real, mechanism: { type: "linear", parents: ["X"], coefficients: [2] } },
  ],
});
const nonlinear = createScm({
  variables: [
    { name: "X", domain: real, mechanism: { type: "linear", parents: [], coefficients: [] } },
    { name: "B", domain: bin, mechanism: { type: "logistic", parents: ["X"], coefficients: [1] } },
    { name: "Y", domain: real, mechanism: { type: "expression", expression: "X^2 + B + U_Y" } },
  ],
  exogenous: [{ name: "U_Y", distribution: { type: "normal", mean: 0, sd: 1 } }],
});

describe("causalkit counterfactual", () => {
  it("discrete: the exact distribution as JSON", () => {
    const r = counterfactual(loaded(discrete), {
      target: "Y",
      do: "X=0",
      given: "X=1,Y=0",
    }) as Record<string, unknown>;
    const lib = counterfactualQuery(discrete, {
      targets: "Y",
      do: { X: "0" },
      given: { X: "1", Y: "0" },
    });
    expect(r["distribution"]).toEqual((lib.toJSON() as { distribution: unknown }).distribution);
    expect(r["targets"]).toEqual(["Y_{X=0}"]);
    expect(r["exact"]).toBe(true);
    expect(describeCounterfactual(r)).toContain("P(Y_{X=0} | X=1, Y=0):");
  });

  it("linear-Gaussian: mean and variance", () => {
    const r = counterfactual(loaded(linear), {
      target: "Y",
      do: "X=3",
      given: "X=1, Y=2.5",
    }) as Record<string, unknown>;
    expect(r["mean"]).toBeCloseTo(2.5 + 2 * 2, 12);
    expect(r["variance"]).toBeCloseTo(0, 12);
    expect(r["method"]).toBe("linear-gaussian");
    expect(describeCounterfactual(r)).toContain("mean");
  });

  it("linear-Gaussian, several targets: marginals and the joint covariance", () => {
    // Factual X ~ N(0, 1) and Y = 2X + U (U ~ N(0, 1)): Var Y = 5, Cov(X, Y) = 2; X_{X=3} = 3.
    const r = counterfactual(loaded(linear), { target: "X, Y" }) as Record<string, unknown>;
    expect(r["targets"]).toEqual(["X", "Y"]);
    expect(r["mean"]).toEqual([0, 0]);
    expect(r["covariance"]).toEqual([
      [1, 2],
      [2, 5],
    ]);
    const d = counterfactual(loaded(linear), { target: "X, Y", do: "X=3" }) as Record<
      string,
      unknown
    >;
    expect(d["mean"]).toEqual([3, 6]);
    expect(d["covariance"]).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it("other models: an importance-sampling estimate", () => {
    const r = counterfactual(loaded(nonlinear), {
      target: "Y",
      do: "X=0",
      given: "X=1",
      samples: "2000",
      seed: 1,
    }) as Record<string, unknown>;
    expect(r["exact"]).toBe(false);
    expect(typeof r["mean"]).toBe("number");
    expect(typeof r["standardError"]).toBe("number");
    const d = counterfactual(loaded(nonlinear), {
      target: "B",
      do: "X=0",
      given: "Y=1",
      samples: "2000",
    }) as Record<string, unknown>;
    const dist = d["distribution"] as Record<string, number>;
    expect((dist["0"] as number) + (dist["1"] as number)).toBeCloseTo(1, 12);
  });

  it("errors", () => {
    expectError(
      () => counterfactual(loaded(discrete), { target: "" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => counterfactual(loaded(discrete), { target: "Y", coupling: "x" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => counterfactual({ source: "g", graph: discrete.graph }, { target: "Y" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});

describe("causalkit effect --kind", () => {
  it("pns / pn / ps / ett / nde / nie", () => {
    const poc = probabilitiesOfCausation(discrete, "X", "Y");
    const pn = runEffectKind(loaded(discrete), {
      kind: "pn",
      treatment: "X",
      outcome: "Y",
    }) as Record<string, unknown>;
    expect(pn["value"]).toBe(poc.pn?.value);
    expect(pn["pns"]).toBe(poc.pns.value);
    expect(describeEffectKind(pn)).toContain("PN of X (1 vs 0) on Y=1");
    for (const kind of ["ett", "pns", "ps"]) {
      const r = runEffectKind(loaded(discrete), { kind, treatment: "X", outcome: "Y" }) as Record<
        string,
        unknown
      >;
      expect(typeof r["value"]).toBe("number");
    }
    const nde = runEffectKind(loaded(discrete), {
      kind: "nde",
      treatment: "X",
      outcome: "Y",
      mediator: "M",
    }) as Record<string, unknown>;
    expect(nde["value"]).toBe(nde["nde"]);
    const lin = runEffectKind(loaded(linear), {
      kind: "ett",
      treatment: "X",
      outcome: "Y",
    }) as Record<string, unknown>;
    expect(lin["value"]).toBeCloseTo(2, 12);
    expect(lin["treated"]).toBe("1");
  });

  it("errors", () => {
    expectError(
      () => runEffectKind(loaded(discrete), { kind: "foo", treatment: "X", outcome: "Y" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => runEffectKind(loaded(discrete), { kind: "nde", treatment: "X", outcome: "Y" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () =>
        runEffectKind(loaded(discrete), { kind: "pn", treatment: "X", outcome: "Y", given: "Z=1" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => runEffectKind(loaded(discrete), { kind: "pn", outcome: "Y" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});
