import { describe, expect, it } from "vitest";
import { generate } from "../../src/datasets/generate.js";
import type { DatasetItem, ItemQuery } from "../../src/datasets/item.js";
import {
  type CptVar,
  cellCount,
  counterfactualMoments,
  cptVars,
  dSepBrute,
  forEachSampledUnit,
  forEachUnit,
  identifiableBrute,
  type JsonGraph,
  joint,
  mecBrute,
  prob,
  relationHolds,
} from "./questions-oracle.js";

/** Independent recomputation of an item's exact value (undefined = skipped as too large). */
function oracleValue(item: DatasetItem): number | boolean | undefined {
  const q = item.query as ItemQuery;
  const g = item.graph as unknown as JsonGraph;
  const vars: CptVar[] = item.model === undefined ? [] : cptVars(item.model);
  const st = (name: string, s: string): number =>
    vars.find((v) => v.name === name)?.states.indexOf(s) ?? -1;
  switch (q.type) {
    case "marginal":
      return prob(vars, joint(vars), { [q.target]: q.state });
    case "conditional":
      return prob(vars, joint(vars), { [q.target]: q.state }, { ...q.given });
    case "correlation": {
      const rows = joint(vars);
      return (
        prob(vars, rows, { [q.y]: q.outcomeState }, { [q.x]: q.treated }) -
        prob(vars, rows, { [q.y]: q.outcomeState }, { [q.x]: q.control })
      );
    }
    case "explaining-away": {
      const rows = joint(vars);
      return (
        prob(vars, rows, { [q.a]: q.aState }, { [q.c]: q.cState, [q.b]: q.bState }) -
        prob(vars, rows, { [q.a]: q.aState }, { [q.c]: q.cState })
      );
    }
    case "ate": {
      const t = joint(vars, new Map([[q.treatment, st(q.treatment, q.treated)]]));
      const c = joint(vars, new Map([[q.treatment, st(q.treatment, q.control)]]));
      return (
        prob(vars, t, { [q.outcome]: q.outcomeState }) -
        prob(vars, c, { [q.outcome]: q.outcomeState })
      );
    }
    case "dseparated":
      return dSepBrute(g, q.x, q.y, [...q.given]);
    case "identifiable":
      return identifiableBrute(g, q.treatment, q.outcome);
    case "hypothesis":
      return mecBrute(g).every((edges) => relationHolds(g.nodes, edges, q.relation, q.a, q.b));
    case "adjustment-set":
      return adjustmentBrute(g, q.treatment, q.outcome, [...q.set]);
    default:
      break;
  }
  if (cellCount(vars) > 60000) return undefined;
  switch (q.type) {
    case "ett":
    case "nde":
    case "nie":
    case "causation": {
      const m = counterfactualMoments(
        q,
        st(q.treatment, q.treated),
        st(q.treatment, q.control),
        st(q.outcome, q.outcomeState),
        (visit) => forEachUnit(vars, visit),
      );
      return m.a / m.b;
    }
    case "counterfactual": {
      const given = Object.entries(q.given).map(([k, s]) => [k, st(k, s)] as const);
      const doMap = new Map(Object.entries(q.do).map(([k, s]) => [k, st(k, s)]));
      let num = 0;
      let den = 0;
      forEachUnit(vars, (w, world) => {
        const f = world(new Map());
        if (!given.every(([k, s]) => f.get(k) === s)) return;
        den += w;
        if (world(doMap).get(q.target) === st(q.target, q.state)) num += w;
      });
      return num / den;
    }
    default:
      throw new Error(`no oracle for ${q.type}`);
  }
}

// Generic random binary CPTs from a small LCG of the test's own.
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}

/**
 * Adjustment validity on a DAG by its definition: Σ_z P(y | x, z) P(z) = P(y | do(x)) for a
 * generic (random) binary model, for every x and y.
 */
function adjustmentBrute(g: JsonGraph, X: string, Y: string, Z: string[]): boolean {
  for (let trial = 0; trial < 2; trial++) {
    const rnd = lcg(12345 + trial);
    const order = [...ancestorOrder(g)];
    const vars: CptVar[] = order.map((v) => {
      const parents = g.directed.filter(([, b]) => b === v).map(([a]) => a);
      return {
        name: v,
        states: ["0", "1"],
        parents,
        table: Array.from({ length: 2 ** parents.length }, () => {
          const p = 0.1 + 0.8 * rnd();
          return [1 - p, p];
        }),
      };
    });
    const obs = joint(vars);
    for (const x of ["0", "1"]) {
      const doRows = joint(vars, new Map([[X, Number(x)]]));
      const truth = prob(vars, doRows, { [Y]: "1" });
      let adjusted = 0;
      for (let mask = 0; mask < 2 ** Z.length; mask++) {
        const z: Record<string, string> = {};
        Z.forEach((v, i) => {
          z[v] = String((mask >> i) & 1);
        });
        adjusted += prob(vars, obs, { [Y]: "1" }, { ...z, [X]: x }) * prob(vars, obs, z);
      }
      if (Math.abs(adjusted - truth) > 1e-9) return false;
    }
  }
  return true;
}

function ancestorOrder(g: JsonGraph): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  while (out.length < g.nodes.length) {
    for (const v of g.nodes) {
      if (!done.has(v) && g.directed.every(([a, b]) => b !== v || done.has(a))) {
        out.push(v);
        done.add(v);
      }
    }
  }
  return out;
}

function checkSuite(items: DatasetItem[]): number {
  let checked = 0;
  for (const item of items) {
    const expected = oracleValue(item);
    if (expected === undefined) continue;
    checked++;
    const value = item.answer.value;
    if (typeof expected === "number") {
      expect(typeof value).toBe("number");
      expect(Math.abs((value as number) - expected)).toBeLessThan(1e-9);
    } else {
      expect(value, `${item.id} ${JSON.stringify(item.query)}`).toBe(expected);
    }
    // The label follows the stated rule from the value.
    const q = item.query;
    const yes =
      typeof value === "boolean"
        ? value
        : q.type === "explaining-away"
          ? (value as number) < 0
          : (value as number) > ("threshold" in q ? q.threshold : 0);
    expect(item.answer.label).toBe(yes ? "yes" : "no");
  }
  return checked;
}

describe("datasets.generate labels against independent oracles", () => {
  it("ladder: every rung-1/2 label and the rung-3 labels of enumerable models", () => {
    const items = [
      ...generate({ suite: "ladder", n: 260, seed: "oracle ladder", config: { maxNodes: 5 } }),
    ];
    const checked = checkSuite(items);
    expect(checked).toBeGreaterThan(240);
    const kinds = new Set(items.map((i) => i.kind));
    expect(kinds.size).toBe(13);
  });

  it("6–8-node models: exactly where enumerable; every rung-3 value also by sampling, within 4 SE", () => {
    const items = [
      ...generate({
        suite: "custom",
        n: 120,
        seed: "large models",
        config: {
          kinds: [
            "rung1-conditional",
            "rung1-correlation",
            "rung2-ate",
            "rung3-ett",
            "rung3-nde",
            "rung3-nie",
            "rung3-causation",
          ],
          minNodes: 6,
          maxNodes: 8,
        },
      }),
    ];
    expect(checkSuite(items)).toBeGreaterThan(60);
    let sampled = 0;
    const N = 20_000;
    for (const item of items) {
      const q = item.query;
      if (q.type !== "ett" && q.type !== "nde" && q.type !== "nie" && q.type !== "causation") {
        continue;
      }
      // Every rung-3 item, also those checked exactly above (most): the sampled oracle is what
      // checks the models too large to enumerate, so it is itself checked on the others.
      const vars = cptVars(item.model);
      sampled++;
      const st = (name: string, s: string): number =>
        vars.find((v) => v.name === name)?.states.indexOf(s) ?? -1;
      const m = counterfactualMoments(
        q,
        st(q.treatment, q.treated),
        st(q.treatment, q.control),
        st(q.outcome, q.outcomeState),
        (visit) => forEachSampledUnit(vars, N, item.index + 1, visit),
      );
      // Ratio estimator a/b and its delta-method standard error.
      const r = m.a / m.b;
      const variance = (m.aa - 2 * r * m.ab + r * r * m.bb) / (m.b * m.b);
      const se = Math.sqrt(Math.max(variance, 0) / N);
      const value = item.answer.value as number;
      expect(Math.abs(value - r), `${item.id} ${JSON.stringify(q)}`).toBeLessThanOrEqual(
        4 * se + 1e-12,
      );
    }
    expect(sampled).toBeGreaterThan(30);
  });

  it("corr2cause: labels equal brute-force enumeration of the equivalence class", () => {
    const items = [...generate({ suite: "corr2cause", n: 150, seed: 11 })];
    expect(checkSuite(items)).toBe(150);
  });

  it("identification: Tian–Pearl condition and adjustment by definition", () => {
    const items = [...generate({ suite: "identification", n: 150, seed: 5 })];
    expect(checkSuite(items)).toBe(150);
    for (const item of items) {
      if (item.query.type === "identifiable" && item.answer.value === true) {
        expect(typeof item.estimand).toBe("string");
      }
    }
  });
});
