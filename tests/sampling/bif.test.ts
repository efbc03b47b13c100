import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBif } from "../../src/io/bif.js";
import { sample } from "../../src/sampling/index.js";
import type { Scm } from "../../src/scm/index.js";
import {
  ancestralSet,
  enumerateJoint,
  exactProbability,
  expectWithin4Se,
  frequency,
} from "./helpers.js";

const N = 200_000;

function readBif(name: string): Scm {
  return parseBif(
    readFileSync(new URL(`../../../shared/data/bif/${name}`, import.meta.url), "utf8"),
  );
}

function stateIndex(model: Scm, variable: string, state: string): number {
  const d = model.variable(variable).domain;
  if (d.type !== "discrete") throw new Error("not discrete");
  return d.states.indexOf(state);
}

function expectAllMarginals(model: Scm, seed: string, names: readonly string[]): void {
  const t = sample(model, N, { seed });
  for (const name of names) {
    const d = model.variable(name).domain;
    if (d.type !== "discrete") continue;
    for (let s = 0; s < d.states.length; s++) {
      const event = { [name]: s };
      expectWithin4Se(
        frequency(t, event),
        exactProbability(model, event),
        N,
        `${name}=${d.states[s]}`,
      );
    }
  }
}

describe("asia.bif", () => {
  const asia = readBif("asia.bif");

  it("the enumerated joint is a distribution over 2^8 configurations", () => {
    const { joint } = enumerateJoint(asia);
    let total = 0;
    for (const p of joint.values()) total += p;
    expect(total).toBeCloseTo(1, 12);
    // Known value: P(lung = yes) = 0.5·0.1 + 0.5·0.01 = 0.055.
    expect(exactProbability(asia, { lung: stateIndex(asia, "lung", "yes") })).toBeCloseTo(
      0.055,
      15,
    );
  });

  it("observational marginals of all 8 variables within 4 SE of exact enumeration", () => {
    expectAllMarginals(asia, "asia", asia.variableNames);
  });

  it("a joint frequency within 4 SE", () => {
    const t = sample(asia, N, { seed: "asia-joint" });
    const event = { either: 0, xray: 0, dysp: 1 };
    expectWithin4Se(frequency(t, event), exactProbability(asia, event), N);
  });

  it("marginals under do(smoke = yes) within 4 SE of enumeration of the mutilated model", () => {
    const yes = stateIndex(asia, "smoke", "yes");
    const m = asia.withMechanisms(new Map([["smoke", { type: "constant", value: yes }]]));
    // Known value: P(lung = yes | do(smoke = yes)) = 0.1.
    expect(exactProbability(m, { lung: stateIndex(asia, "lung", "yes") })).toBeCloseTo(0.1, 15);
    expectAllMarginals(m, "asia-do", m.variableNames);
  });
});

describe("alarm.bif", () => {
  const alarm = readBif("alarm.bif");
  const small = alarm.variableNames.filter((v) => ancestralSet(alarm, [v]).length <= 12);

  it("has 37 variables, several with a small ancestral set", () => {
    expect(alarm.variables.length).toBe(37);
    expect(small.length).toBeGreaterThanOrEqual(20);
  });

  it("root marginals within 4 SE of their CPT", () => {
    const t = sample(alarm, N, { seed: "alarm" });
    const roots = alarm.variables.filter((v) => v.parents.length === 0);
    expect(roots.length).toBeGreaterThan(5);
    for (const v of roots) {
      const m = v.mechanism;
      if (m.type !== "cpt") throw new Error("not a CPT");
      const row = m.table[0] as readonly number[];
      for (let s = 0; s < row.length; s++) {
        expectWithin4Se(frequency(t, { [v.name]: s }), row[s] as number, N, `${v.name}=${s}`);
      }
    }
  });

  it("marginals of every variable with ≤ 12 ancestors-and-self within 4 SE of enumeration", () => {
    expectAllMarginals(alarm, "alarm-small", small);
  });
});
