// Random SCM generators: determinism, the effect-strength guarantee (every parent, every
// configuration of the other parents), latent confounders (explicit roots vs shared noise,
// checked against each other by exact inference), boolean, linear-Gaussian and nonlinear
// additive models.
import { describe, expect, it } from "vitest";
import {
  deterministicBooleanScm,
  linearGaussianScm,
  nonlinearAdditiveScm,
  randomAdmg,
  randomDag,
  randomDiscreteScm,
  templateGraph,
} from "../../src/datasets/index.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { CausalGraph, latentProjection } from "../../src/graph/index.js";
import { isLinearGaussian, query } from "../../src/inference/index.js";
import { sample } from "../../src/sampling/index.js";
import { type CptMechanism, type Scm, scmToJson } from "../../src/scm/index.js";
import { configurations, rowOf } from "./_oracle.js";

function expectInvalid(f: () => unknown, argument?: string): void {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect((error as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
  if (argument !== undefined) expect((error as InvalidArgumentError).argument).toBe(argument);
}

const cardOf = (model: Scm, v: string): number => {
  const d = model.variable(v).domain;
  return d.type === "discrete" ? d.states.length : 0;
};

/** The model's graph with the given nodes marked latent, projected onto the rest. */
function observedGraph(model: Scm, latent: readonly string[]): CausalGraph {
  const g = CausalGraph.from(model.graph.toJSON());
  for (const v of latent) g.setRoles(v, { latent: true });
  return latentProjection(g);
}

const edgeSet = (g: CausalGraph): string[] =>
  [
    ...g.directedEdges().map(([a, b]) => `${a}->${b}`),
    ...g.bidirectedEdges().map(([a, b]) => (a < b ? `${a}<->${b}` : `${b}<->${a}`)),
  ].sort();

/**
 * Checks the strength guarantee on every CPT of an explicit model: raising parent j by one
 * state changes P(last state) by at least `gap` in one direction (per parent), for every
 * configuration of the other parents. Returns the least |change| seen.
 */
function checkStrength(
  model: Scm,
  gap: number,
  direction: "positive" | "negative" | "random",
  minP: number,
): number {
  let least = Number.POSITIVE_INFINITY;
  for (const v of model.variables) {
    const m = v.mechanism as CptMechanism;
    expect(m.type).toBe("cpt");
    const k = cardOf(model, v.name);
    for (const row of m.table) {
      expect(row).toHaveLength(k);
      expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
      for (const p of row) expect(p).toBeGreaterThanOrEqual(minP - 1e-15);
    }
    const cards = m.parents.map((p) => cardOf(model, p));
    for (let j = 0; j < cards.length; j++) {
      let sign = 0;
      for (const config of configurations(cards)) {
        if ((config[j] as number) === (cards[j] as number) - 1) continue;
        const up = [...config];
        up[j] = (up[j] as number) + 1;
        const before = (m.table[rowOf(config, cards)] as number[])[k - 1] as number;
        const after = (m.table[rowOf(up, cards)] as number[])[k - 1] as number;
        const change = after - before;
        least = Math.min(least, Math.abs(change));
        expect(Math.abs(change)).toBeGreaterThanOrEqual(gap - 1e-12);
        const s = Math.sign(change);
        if (direction === "positive") expect(s).toBe(1);
        if (direction === "negative") expect(s).toBe(-1);
        if (sign !== 0) expect(s).toBe(sign); // one direction per parent
        sign = s;
      }
    }
  }
  return least;
}

describe("randomDiscreteScm", () => {
  it("is deterministic (same seed ⇒ identical JSON; other seed differs)", () => {
    const g = randomDag({ nodes: 6, seed: 3, names: ["my var", "X_1", "b", "c", "d", "e"] });
    const a = scmToJson(randomDiscreteScm(g, { seed: 5, states: 3 }).model);
    expect(scmToJson(randomDiscreteScm(g, { seed: 5, states: 3 }).model)).toEqual(a);
    expect(scmToJson(randomDiscreteScm(g, { seed: 6, states: 3 }).model)).not.toEqual(a);
  });

  it("builds one discrete variable per node with the graph's structure", () => {
    const g = randomDag({ nodes: 7, expectedDegree: 3, seed: 1 });
    const { model, latent } = randomDiscreteScm(g, { seed: 1, states: [2, 3, 4, 2, 3, 2, 5] });
    expect(latent).toEqual([]);
    expect(edgeSet(CausalGraph.from(model.graph.toJSON()))).toEqual(edgeSet(g));
    g.nodes().forEach((v, i) => {
      expect(cardOf(model, v)).toBe([2, 3, 4, 2, 3, 2, 5][i]);
      expect(model.variable(v).domain).toEqual({
        type: "discrete",
        states: Array.from({ length: cardOf(model, v) }, (_, s) => String(s)),
      });
    });
    // Every mechanism names its own uniform noise.
    const noises = model.variables.map((v) => v.noise);
    expect(new Set(noises.flat()).size).toBe(7);
  });

  for (const direction of ["positive", "negative", "random"] as const) {
    it(`strength (${direction}): every parent moves P(last state) by ≥ minGap in every configuration`, () => {
      for (let seed = 0; seed < 25; seed++) {
        const g = randomDag({ nodes: 6, expectedDegree: 2.5, seed });
        const states = g.nodes().map((_, i) => 2 + ((seed + i) % 3));
        const parentSteps = Math.max(
          ...g
            .nodes()
            .map((v) =>
              g.parents(v).reduce((s, p) => s + (states[g.nodes().indexOf(p)] as number) - 1, 0),
            ),
        );
        const minP = 0.02;
        const gap = Math.min(0.15, (1 - 4 * minP) / Math.max(parentSteps, 1));
        const { model } = randomDiscreteScm(g, {
          seed,
          states,
          minProbability: minP,
          strength: { minGap: gap, direction },
        });
        checkStrength(model, gap, direction, minP);
      }
    });
  }

  it("strength with no slack gives the evenly spaced table exactly", () => {
    const g = templateGraph("two-causes");
    const { model } = randomDiscreteScm(g, { seed: 1, strength: { minGap: 0.5 } });
    const m = model.variable("Y").mechanism as CptMechanism;
    expect(m.parents).toEqual(["X", "Z"]);
    const p1 = m.table.map((row) => row[1] as number);
    [0, 0.5, 0.5, 1].forEach((p, i) => {
      expect(p1[i]).toBeCloseTo(p, 14);
    });
    expect(checkStrength(model, 0.5, "positive", 0)).toBeCloseTo(0.5, 14);
  });

  it("latent confounders count as parents for the strength guarantee", () => {
    const g = randomAdmg({ nodes: 5, bidirectedProbability: 0.4, seed: 2 });
    expect(g.bidirectedSize).toBeGreaterThan(0);
    const { model } = randomDiscreteScm(g, {
      seed: 2,
      strength: { minGap: 0.1, direction: "random" },
    });
    checkStrength(model, 0.1, "random", 0);
  });

  it("rejects a minGap the parents cannot fit, naming the variable's option", () => {
    const g = CausalGraph.from({
      directed: [
        ["a", "y"],
        ["b", "y"],
        ["c", "y"],
      ],
    });
    expectInvalid(() => randomDiscreteScm(g, { strength: { minGap: 0.4 } }), "strength");
    expectInvalid(
      () => randomDiscreteScm(g, { strength: { minGap: 0.3 }, minProbability: 0.1 }),
      "strength",
    );
    expect(() => randomDiscreteScm(g, { strength: { minGap: 0.3 } })).not.toThrow();
  });

  it("minProbability bounds every CPT entry; too large is rejected", () => {
    const g = randomDag({ nodes: 6, seed: 9 });
    const { model } = randomDiscreteScm(g, { seed: 9, states: 3, minProbability: 0.1 });
    for (const v of model.variables) {
      for (const row of (v.mechanism as CptMechanism).table) {
        for (const p of row) expect(p).toBeGreaterThanOrEqual(0.1 - 1e-15);
      }
    }
    expectInvalid(
      () => randomDiscreteScm(g, { states: 3, minProbability: 0.34 }),
      "minProbability",
    );
  });

  it("rejects bad options and non-graphs", () => {
    const g = templateGraph("chain");
    expectInvalid(() => randomDiscreteScm(g, { states: 1 }), "states");
    expectInvalid(() => randomDiscreteScm(g, { states: [2, 2] }), "states");
    expectInvalid(() => randomDiscreteScm(g, { states: [2, 2, 1.5] }));
    expectInvalid(() => randomDiscreteScm(g, { latent: "none" as "explicit" }), "latent");
    expectInvalid(
      () => randomDiscreteScm(g, { strength: { minGap: 0.1, direction: "up" as "positive" } }),
      "strength.direction",
    );
    expectInvalid(() => randomDiscreteScm(g, { strength: { minGap: 1.5 } }), "strength.minGap");
    expectInvalid(() => randomDiscreteScm({} as CausalGraph), "graph");
  });
});

describe("randomDiscreteScm: latent confounders", () => {
  const graph = (): CausalGraph => {
    const g = randomAdmg({ nodes: 5, bidirectedProbability: 0.35, seed: 4 });
    g.addNode("hidden", { latent: true });
    g.addEdge("hidden", g.nodes()[0] as string);
    return g;
  };

  it("explicit: one binary latent root per bidirected edge; projecting them out gives the graph", () => {
    const g = graph();
    expect(g.bidirectedSize).toBeGreaterThan(1);
    const { model, latent } = randomDiscreteScm(g, { seed: 3 });
    const created = latent.filter((v) => v !== "hidden");
    expect(latent[0]).toBe("hidden");
    expect(created).toHaveLength(g.bidirectedSize);
    for (const l of created) {
      expect(l.startsWith("L_")).toBe(true);
      expect(cardOf(model, l)).toBe(2);
      expect(model.variable(l).parents).toEqual([]);
    }
    const projected = observedGraph(model, created);
    expect(edgeSet(projected)).toEqual(edgeSet(g));
  });

  it("shared-noise gives exactly the explicit model's observational and interventional distributions", () => {
    for (const seed of [1, 2, 3]) {
      const g = graph();
      const explicit = randomDiscreteScm(g, {
        seed,
        states: 2,
        strength: { minGap: 0.1, direction: "random" },
      });
      const shared = randomDiscreteScm(g, {
        seed,
        states: 2,
        strength: { minGap: 0.1, direction: "random" },
        latent: "shared-noise",
      });
      expect(shared.latent).toEqual(["hidden"]);
      expect(shared.model.variableNames.some((v) => v.startsWith("L_"))).toBe(false);
      // Its graph has the bidirected edges of the input.
      const sharedGraph = observedGraph(shared.model, ["hidden"]);
      expect(edgeSet(sharedGraph)).toEqual(edgeSet(latentProjection(g)));
      const observed = g.nodes().filter((v) => v !== "hidden");
      const a = query(explicit.model, { targets: observed });
      const b = query(shared.model, { targets: observed });
      for (let i = 0; i < a.probabilities.length; i++) {
        expect(
          Math.abs((a.probabilities[i] as number) - (b.probabilities[i] as number)),
        ).toBeLessThan(1e-12);
      }
      const [x, y] = observed as [string, string];
      const da = query(explicit.model, { targets: [y], do: { [x]: 1 } });
      const db = query(shared.model, { targets: [y], do: { [x]: 1 } });
      expect(db.probability({ [y]: 1 })).toBeCloseTo(da.probability({ [y]: 1 }), 12);
    }
  });

  it("shared-noise mechanisms give the CPT's inverse-CDF value in every noise cell (same counterfactuals)", () => {
    const g = templateGraph("frontdoor");
    const explicit = randomDiscreteScm(g, { seed: 8, states: 3 });
    const shared = randomDiscreteScm(g, { seed: 8, states: 3, latent: "shared-noise" });
    const L = explicit.latent[0] as string;
    for (const v of ["X", "Y"]) {
      const cpt = explicit.model.variable(v).mechanism as CptMechanism;
      const fn = shared.model.variable(v).mechanism;
      if (fn.type !== "function") throw new Error("expected a function mechanism");
      const noise = (fn.noise ?? []).filter((u) => u !== L);
      expect(noise).toHaveLength(1);
      const cells = shared.model.exogenousVariable(noise[0] as string).distribution;
      if (cells.type !== "categorical") throw new Error("expected categorical noise");
      expect(shared.model.exogenousVariable(L).distribution).toEqual({
        type: "bernoulli",
        p: ((explicit.model.variable(L).mechanism as CptMechanism).table[0] as number[])[1],
      });
      const cards = cpt.parents.map((p) => cardOf(explicit.model, p));
      let left = 0;
      cells.probs.forEach((len, c) => {
        const u = left + len / 2;
        left += len;
        for (const config of configurations(cards)) {
          const row = cpt.table[rowOf(config, cards)] as number[];
          let k = 0;
          for (
            let acc = row[0] as number;
            u >= acc && k < row.length - 1;
            acc += row[++k] as number
          );
          const parents: Record<string, number> = {};
          const noiseValues: Record<string, number> = { [noise[0] as string]: c };
          cpt.parents.forEach((p, j) => {
            if (p === L) noiseValues[p] = config[j] as number;
            else parents[p] = config[j] as number;
          });
          expect(fn.fn(parents, noiseValues)).toBe(k);
        }
      });
    }
  });

  it("shared-noise models sample with the exact marginals (within 4 standard errors)", () => {
    const g = templateGraph("iv");
    const { model } = randomDiscreteScm(g, { seed: 12, latent: "shared-noise" });
    const n = 20000;
    const t = sample(model, n, { seed: 1 });
    const y = t.column("Y").values;
    let ones = 0;
    for (let i = 0; i < n; i++) ones += y[i] as number;
    const p = query(model, { targets: "Y" }).probability({ Y: 1 });
    expect(Math.abs(ones / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});

describe("deterministicBooleanScm", () => {
  const truth = (fn: string, inputs: readonly number[]): number => {
    const ones = inputs.filter((x) => x === 1).length;
    switch (fn) {
      case "and":
        return ones === inputs.length ? 1 : 0;
      case "or":
        return ones > 0 ? 1 : 0;
      case "xor":
        return ones % 2;
      case "majority":
        return ones > inputs.length / 2 ? 1 : 0;
      case "identity":
        return inputs[0] as number;
      case "not":
        return 1 - (inputs[0] as number);
      default:
        throw new Error(fn);
    }
  };

  it("every non-root is the reported boolean function of its parents; roots are Bernoulli", () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const g = randomAdmg({ nodes: 6, expectedDegree: 2.5, bidirectedProbability: 0.1, seed });
      const { model, functions, latent } = deterministicBooleanScm(g, { seed });
      expect(latent).toHaveLength(g.bidirectedSize);
      for (const v of model.variables) {
        const m = v.mechanism as CptMechanism;
        const fn = functions.get(v.name) as string;
        seen.add(fn);
        expect(v.domain).toEqual({ type: "discrete", states: ["false", "true"] });
        if (m.parents.length === 0) {
          expect(fn).toBe("root");
          const p = (m.table[0] as number[])[1] as number;
          expect(p).toBeGreaterThanOrEqual(0.2);
          expect(p).toBeLessThanOrEqual(0.8);
          continue;
        }
        if (m.parents.length === 1) expect(["identity", "not"]).toContain(fn);
        else expect(["and", "or", "xor", "majority"]).toContain(fn);
        for (const config of configurations(m.parents.map(() => 2))) {
          const want = truth(fn, config);
          expect(
            m.table[
              rowOf(
                config,
                m.parents.map(() => 2),
              )
            ],
          ).toEqual(want ? [0, 1] : [1, 0]);
        }
      }
    }
    expect([...seen].sort()).toEqual(["and", "identity", "majority", "not", "or", "root", "xor"]);
  });

  it("restricts to the allowed functions and is deterministic", () => {
    const g = randomDag({ nodes: 8, expectedDegree: 3, seed: 2 });
    const a = deterministicBooleanScm(g, {
      seed: 4,
      functions: ["or", "not"],
      rootProbability: [0.5, 0.5],
    });
    for (const [v, fn] of a.functions) {
      const k = g.parents(v).length;
      expect(fn).toBe(k === 0 ? "root" : k === 1 ? (fn === "not" ? "not" : "identity") : "or");
    }
    expect(
      scmToJson(
        deterministicBooleanScm(g, {
          seed: 4,
          functions: ["or", "not"],
          rootProbability: [0.5, 0.5],
        }).model,
      ),
    ).toEqual(scmToJson(a.model));
  });

  it("counterfactuals are determined by the roots: P(child | parents) is 0 or 1", () => {
    const { model } = deterministicBooleanScm(templateGraph("collider"), { seed: 1 });
    const r = query(model, { targets: "C", given: { X: 1, Y: 0 } });
    expect([0, 1]).toContain(r.probability({ C: 1 }));
  });

  it("rejects function lists that cannot cover the graph", () => {
    const g = templateGraph("collider");
    expectInvalid(() => deterministicBooleanScm(g, { functions: ["not"] }), "functions");
    expectInvalid(() => deterministicBooleanScm(g, { functions: [] }), "functions");
    expectInvalid(
      () => deterministicBooleanScm(g, { functions: ["nand" as "and"] }),
      "functions[0]",
    );
    expectInvalid(
      () => deterministicBooleanScm(g, { rootProbability: [0.9, 0.1] }),
      "rootProbability",
    );
  });
});

describe("linearGaussianScm", () => {
  it("draws coefficients and noise scales from the given ranges", () => {
    for (let seed = 0; seed < 10; seed++) {
      const g = randomAdmg({ nodes: 7, expectedDegree: 3, bidirectedProbability: 0.15, seed });
      const { model, latent } = linearGaussianScm(g, {
        coefficientRange: [0.3, 0.9],
        noiseSd: [0.5, 2],
        seed,
      });
      expect(isLinearGaussian(model)).toBe(true);
      expect(latent).toHaveLength(g.bidirectedSize);
      let negatives = 0;
      for (const v of model.variables) {
        const m = v.mechanism;
        if (m.type !== "linear") throw new Error("expected linear");
        for (const c of m.coefficients) {
          expect(Math.abs(c)).toBeGreaterThanOrEqual(0.3);
          expect(Math.abs(c)).toBeLessThanOrEqual(0.9);
          if (c < 0) negatives++;
        }
        const u = model.exogenousVariable(m.noise as string).distribution;
        if (u.type !== "normal") throw new Error("expected normal noise");
        expect(u.mean).toBe(0);
        expect(u.sd).toBeGreaterThanOrEqual(0.5);
        expect(u.sd).toBeLessThanOrEqual(2);
      }
      if (seed === 0) expect(negatives).toBeGreaterThan(0);
      expect(edgeSet(observedGraph(model, latent))).toEqual(edgeSet(g));
    }
  });

  it("positive signs and degenerate ranges are exact; deterministic", () => {
    const g = templateGraph("confounding");
    const { model } = linearGaussianScm(g, {
      coefficientRange: [1, 1],
      signs: "positive",
      seed: 1,
    });
    for (const v of model.variables) {
      const m = v.mechanism;
      if (m.type !== "linear") throw new Error("expected linear");
      for (const c of m.coefficients) expect(c).toBe(1);
      expect(model.exogenousVariable(m.noise as string).distribution).toEqual({
        type: "normal",
        mean: 0,
        sd: 1,
      });
    }
    expect(scmToJson(linearGaussianScm(g, { seed: 3 }).model)).toEqual(
      scmToJson(linearGaussianScm(g, { seed: 3 }).model),
    );
    expectInvalid(() => linearGaussianScm(g, { coefficientRange: [-1, 1] }), "coefficientRange");
    expectInvalid(() => linearGaussianScm(g, { noiseSd: [0, 1] }), "noiseSd");
  });
});

describe("nonlinearAdditiveScm", () => {
  it("builds expression mechanisms f(pa) + U and samples them", () => {
    const g = randomAdmg({ nodes: 6, expectedDegree: 2.5, bidirectedProbability: 0.1, seed: 5 });
    const { model, latent } = nonlinearAdditiveScm(g, { seed: 5 });
    expect(edgeSet(observedGraph(model, latent))).toEqual(edgeSet(g));
    for (const v of model.variables) {
      const m = v.mechanism;
      if (m.type !== "expression") throw new Error("expected expression");
      expect(m.expression.endsWith(`+ U_${v.name}`) || m.expression === `U_${v.name}`).toBe(true);
    }
    const t = sample(model, 200, { seed: 1 });
    for (const v of model.variableNames) {
      for (const x of t.column(v).values) expect(Number.isFinite(x)).toBe(true);
    }
    expect(scmToJson(nonlinearAdditiveScm(g, { seed: 5 }).model)).toEqual(scmToJson(model));
  });

  it("variables named like mathjs constants refer to the variables (e, E, pi, i)", () => {
    const g = CausalGraph.from({
      directed: [
        ["e", "pi"],
        ["pi", "E"],
        ["E", "i"],
      ],
    });
    const { model } = nonlinearAdditiveScm(g, {
      functions: ["linear"],
      coefficientRange: [1, 1],
      seed: 2,
    });
    const t = sample(model, 50, { seed: 3, includeNoise: true });
    for (const [parent, child] of g.directedEdges()) {
      const m = model.variable(child).mechanism;
      if (m.type !== "expression") throw new Error("expected expression");
      const sign = m.expression.startsWith("-") ? -1 : 1;
      for (let r = 0; r < t.n; r++) {
        const want = sign * t.value(parent, r) + (t.exogenous(`U_${child}`)[r] as number);
        expect(t.value(child, r)).toBeCloseTo(want, 12);
      }
    }
  });

  it("uses only the allowed term kinds", () => {
    const g = randomDag({ nodes: 7, expectedDegree: 3, seed: 8 });
    const { model } = nonlinearAdditiveScm(g, { functions: ["square", "product"], seed: 8 });
    for (const v of model.variables) {
      const m = v.mechanism;
      if (m.type !== "expression") throw new Error("expected expression");
      expect(m.expression).not.toMatch(/tanh|sin/);
      const k = v.parents.length;
      expect((m.expression.match(/\^2/g) ?? []).length).toBe(k);
    }
  });

  it("rejects names that are not plain symbols, and impossible term lists", () => {
    for (const bad of ["my var", "and", "in", "end", "mod", "not", "1x", "a-b", "x'", "é"]) {
      const g = CausalGraph.from({ directed: [[bad, "Y"]] });
      expectInvalid(() => nonlinearAdditiveScm(g), bad);
    }
    expectInvalid(
      () => nonlinearAdditiveScm(templateGraph("chain"), { functions: ["product"] }),
      "functions",
    );
    expectInvalid(
      () => nonlinearAdditiveScm(templateGraph("chain"), { functions: [] }),
      "functions",
    );
  });
});
