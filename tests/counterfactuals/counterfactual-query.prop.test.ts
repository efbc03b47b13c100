import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CounterfactualIntervention,
  type CounterfactualTerm,
  counterfactualQuery,
} from "../../src/counterfactuals/index.js";
import { InvalidArgumentError } from "../../src/errors.js";
import type { Scm } from "../../src/scm/index.js";
import { modelSeeds, mulberry32, randomDiscreteScm } from "./_models.js";
import { type OracleTerm, type OracleWorld, oracle } from "./_oracle.js";

interface RandomQuery {
  worlds: OracleWorld[];
  interventions: CounterfactualIntervention[];
  targets: OracleTerm[];
  evidence: (OracleTerm & { value: number })[];
}

/** A random counterfactual query: factual world 0, an intervened world 1, maybe a nested one. */
function randomQuery(model: Scm, seed: number): RandomQuery {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const names = model.variableNames;
  const k = (v: string): number => {
    const d = model.variable(v).domain;
    return d.type === "discrete" ? d.states.length : 0;
  };
  const X = names[int(0, names.length - 2)] as string;
  const x = int(0, k(X) - 1);
  const worlds: OracleWorld[] = [new Map()];
  const interventions: CounterfactualIntervention[] = [{}];
  const later = names.slice(names.indexOf(X) + 1);
  if (rnd() < 0.35 && later.length > 1) {
    // Nested: world 1 = do(X = x, M = M in world 2), world 2 = do(X = x').
    const M = later[int(0, later.length - 2)] as string;
    const x2 = (x + 1) % k(X);
    worlds.push(
      new Map<string, { value: number } | { world: number }>([
        [X, { value: x }],
        [M, { world: 2 }],
      ]),
    );
    worlds.push(new Map([[X, { value: x2 }]]));
    interventions.push([
      [X, x],
      [M, { world: [[X, x2]] }],
    ]);
    interventions.push([[X, x2]]);
  } else {
    worlds.push(new Map([[X, { value: x }]]));
    interventions.push([[X, x]]);
  }
  const targets: OracleTerm[] = [{ variable: names[int(0, names.length - 1)] as string, world: 1 }];
  if (rnd() < 0.5) {
    const t = {
      variable: names[int(0, names.length - 1)] as string,
      world: int(0, worlds.length - 1),
    };
    if (!targets.some((s) => s.variable === t.variable && s.world === t.world)) targets.push(t);
  }
  const evidence: (OracleTerm & { value: number })[] = [];
  const count = int(0, 2);
  for (let i = 0; i < count; i++) {
    const v = names[int(0, names.length - 1)] as string;
    if (evidence.some((e) => e.variable === v)) continue;
    evidence.push({ variable: v, world: 0, value: int(0, k(v) - 1) });
  }
  return { worlds, interventions, targets, evidence };
}

function check(model: Scm, q: RandomQuery, coupling: "inverse-cdf" | "independent"): void {
  const expected = oracle(model, q.worlds, q.targets, q.evidence, coupling);
  const targets: CounterfactualTerm[] = q.targets.map((t) => ({
    variable: t.variable,
    do: q.interventions[t.world] as CounterfactualIntervention,
  }));
  const given = q.evidence.map((e): [string, number] => [e.variable, e.value]);
  const run = () => counterfactualQuery(model, { targets, given, coupling });
  if (expected === "zero") {
    let err: unknown;
    try {
      run();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as InvalidArgumentError).argument).toBe("given");
    return;
  }
  const r = run();
  expect(r.probabilities.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(r.probabilities[i]).toBeCloseTo(expected[i] as number, 9);
  }
}

describe("counterfactualQuery equals brute-force enumeration over the exogenous states", () => {
  it("inverse-CDF coupling: random cpt / logistic / function models with shared uniforms (2–8 variables)", () => {
    fc.assert(
      fc.property(modelSeeds(2, 8), ({ seed, n }) => {
        const model = randomDiscreteScm(seed, {
          n,
          sharedNoise: true,
          functions: true,
          ternary: n <= 6,
          maxParents: n <= 6 ? 2 : 1,
        });
        check(model, randomQuery(model, seed ^ 0x5bd1e995), "inverse-cdf");
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("independent coupling: random models with private uniforms (2–6 variables)", () => {
    fc.assert(
      fc.property(modelSeeds(2, 6), ({ seed, n }) => {
        const model = randomDiscreteScm(seed, { n, sharedNoise: false, functions: true });
        check(model, randomQuery(model, seed ^ 0x27d4eb2f), "independent");
      }),
      { seed: 42, numRuns: 120 },
    );
  });
});
