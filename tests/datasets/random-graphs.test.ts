// Random graph generators: determinism, acyclicity, edge-density statistics over many seeds,
// and that node order / names carry no information about the causal order.
import { describe, expect, it } from "vitest";
import {
  boundedInDegreeDag,
  layeredDag,
  randomAdmg,
  randomDag,
  relabelNodes,
  scaleFreeDag,
  templateGraph,
} from "../../src/datasets/index.js";
import { InvalidArgumentError } from "../../src/errors.js";
import type { CausalGraph } from "../../src/graph/index.js";
import { depths, inDegrees, isAcyclic, outDegrees } from "./_oracle.js";

const seeds = (k: number): number[] => Array.from({ length: k }, (_, i) => i);

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

/** Fraction of directed edges that go from an earlier to a later node in node order. */
function forwardFraction(graphs: readonly CausalGraph[]): number {
  let forward = 0;
  let total = 0;
  for (const g of graphs) {
    const pos = new Map(g.nodes().map((v, i) => [v, i]));
    for (const [a, b] of g.directedEdges()) {
      total++;
      if ((pos.get(a) ?? 0) < (pos.get(b) ?? 0)) forward++;
    }
  }
  return forward / total;
}

/** |observed − expected| ≤ 4 standard errors of a binomial proportion. */
function expectProportion(observed: number, p: number, trials: number): void {
  const se = Math.sqrt((p * (1 - p)) / trials);
  expect(Math.abs(observed - p)).toBeLessThanOrEqual(4 * se);
}

describe("randomDag", () => {
  it("is deterministic: same seed, same graph; other seed, other graph; 1 and '1' agree", () => {
    const a = randomDag({ nodes: 12, expectedDegree: 3, seed: 7 });
    const b = randomDag({ nodes: 12, expectedDegree: 3, seed: 7 });
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(randomDag({ nodes: 12, expectedDegree: 3, seed: "7" }).toJSON()).toEqual(a.toJSON());
    expect(randomDag({ nodes: 12, expectedDegree: 3, seed: 8 }).toJSON()).not.toEqual(a.toJSON());
    expect(randomDag({ nodes: 12, expectedDegree: 3 }).toJSON()).toEqual(
      randomDag({ nodes: 12, expectedDegree: 3, seed: 0 }).toJSON(),
    );
  });

  it("returns acyclic graphs with the requested names in node order", () => {
    const names = ["my var", "X_1", "a->b", "__proto__", "constructor", "Ω"];
    for (const seed of seeds(50)) {
      const g = randomDag({ nodes: 6, edgeProbability: 0.6, seed, names });
      expect(g.nodes()).toEqual(names);
      expect(isAcyclic(g)).toBe(true);
      expect(g.bidirectedSize).toBe(0);
    }
    expect(randomDag({ nodes: 28, seed: 1 }).nodes().slice(24)).toEqual(["Y", "Z", "AA", "AB"]);
  });

  it("has p·n(n−1)/2 edges on average (expected degree p(n−1)), within 4 standard errors", () => {
    const n = 20;
    const d = 3;
    const p = d / (n - 1);
    const pairs = (n * (n - 1)) / 2;
    const runs = 200;
    let edges = 0;
    for (const seed of seeds(runs))
      edges += randomDag({ nodes: n, expectedDegree: d, seed }).directedSize;
    const trials = pairs * runs;
    expectProportion(edges / trials, p, trials);
    // mean degree
    expect(Math.abs((2 * edges) / (n * runs) - d)).toBeLessThan(0.15);
  });

  it("edge probabilities 0 and 1 give the empty graph and a tournament", () => {
    expect(randomDag({ nodes: 7, edgeProbability: 0, seed: 3 }).directedSize).toBe(0);
    const full = randomDag({ nodes: 7, edgeProbability: 1, seed: 3 });
    expect(full.directedSize).toBe(21);
    expect(isAcyclic(full)).toBe(true);
  });

  it("node order does not reveal the topological order", () => {
    const runs = 4000;
    const n = 5;
    const p = 0.5;
    const graphs = seeds(runs).map((seed) => randomDag({ nodes: n, edgeProbability: p, seed }));
    // P(a given node is a root) = (1/n) Σ_j (1 − p)^j under a uniform random order.
    const rootChance = [0, 1, 2, 3, 4].reduce((s, j) => s + (1 - p) ** j, 0) / n;
    for (let k = 0; k < n; k++) {
      const roots = graphs.filter((g) => g.parents(g.nodes()[k] as string).length === 0).length;
      expectProportion(roots / runs, rootChance, runs);
    }
    // A node-ordered generator would give 1 here.
    const edges = graphs.reduce((s, g) => s + g.directedSize, 0);
    expectProportion(forwardFraction(graphs), 0.5, edges);
    // Parent lists are sorted by node order, not by the hidden order.
    for (const g of graphs.slice(0, 100)) {
      const pos = new Map(g.nodes().map((v, i) => [v, i]));
      for (const v of g.nodes()) {
        const ps = g.parents(v).map((x) => pos.get(x) ?? 0);
        expect(ps).toEqual([...ps].sort((a, b) => a - b));
      }
    }
  });

  it("rejects bad options with InvalidArgumentError", () => {
    expectInvalid(() => randomDag({ nodes: -1 }), "nodes");
    expectInvalid(() => randomDag({ nodes: 2.5 }), "nodes");
    expectInvalid(() => randomDag({ nodes: 5, expectedDegree: 5 }), "expectedDegree");
    expectInvalid(() => randomDag({ nodes: 5, edgeProbability: 1.5 }), "edgeProbability");
    expectInvalid(() => randomDag({ nodes: 5, edgeProbability: 0.5, expectedDegree: 1 }));
    expectInvalid(() => randomDag({ nodes: 3, names: ["a", "b"] }), "names");
    expectInvalid(() => randomDag({ nodes: 2, names: ["a", "a"] }), "a");
    expectInvalid(() => randomDag({ nodes: 2, seed: Number.NaN }), "seed");
    expectInvalid(() => randomDag(null as unknown as { nodes: number }), "options");
    expect(randomDag({ nodes: 0 }).order).toBe(0);
    expect(randomDag({ nodes: 1 }).toJSON().nodes).toEqual(["A"]);
  });
});

describe("scaleFreeDag", () => {
  it("makes Σ_t min(m, t) edges, acyclic, with in-degree ≤ m (hubs are causes)", () => {
    for (const seed of seeds(20)) {
      const g = scaleFreeDag({ nodes: 30, edgesPerNode: 3, seed });
      expect(g.directedSize).toBe(0 + 1 + 2 + 3 * 27);
      expect(isAcyclic(g)).toBe(true);
      expect(Math.max(...inDegrees(g).values())).toBeLessThanOrEqual(3);
      const h = scaleFreeDag({ nodes: 30, edgesPerNode: 3, seed, hubs: "effects" });
      expect(h.directedSize).toBe(84);
      expect(Math.max(...outDegrees(h).values())).toBeLessThanOrEqual(3);
    }
  });

  it("m = 1 gives a tree (n − 1 edges, one root)", () => {
    const g = scaleFreeDag({ nodes: 40, edgesPerNode: 1, seed: 5 });
    expect(g.directedSize).toBe(39);
    expect([...inDegrees(g).values()].filter((d) => d === 0)).toHaveLength(1);
  });

  it("is deterministic and grows hubs far above the mean degree", () => {
    const a = scaleFreeDag({ nodes: 400, edgesPerNode: 2, seed: 11 });
    expect(a.toJSON()).toEqual(scaleFreeDag({ nodes: 400, edgesPerNode: 2, seed: 11 }).toJSON());
    expect(a.toJSON()).not.toEqual(
      scaleFreeDag({ nodes: 400, edgesPerNode: 2, seed: 12 }).toJSON(),
    );
    // Mean total degree ≈ 4; preferential attachment gives hubs with tens of edges.
    expect(Math.max(...outDegrees(a).values())).toBeGreaterThan(25);
  });

  it("node order does not reveal the arrival order", () => {
    const graphs = seeds(300).map((seed) => scaleFreeDag({ nodes: 8, edgesPerNode: 2, seed }));
    const edges = graphs.reduce((s, g) => s + g.directedSize, 0);
    expectProportion(forwardFraction(graphs), 0.5, edges);
  });

  it("rejects bad options", () => {
    expectInvalid(() => scaleFreeDag({ nodes: 5, edgesPerNode: 0 }), "edgesPerNode");
    expectInvalid(() => scaleFreeDag({ nodes: 5, hubs: "both" as unknown as "causes" }), "hubs");
  });
});

describe("layeredDag", () => {
  it("with p = 1 joins every node to every node of the next layer", () => {
    const layers = [2, 3, 1, 2];
    for (const seed of seeds(10)) {
      const g = layeredDag({ layers, edgeProbability: 1, seed });
      expect(g.order).toBe(8);
      expect(g.directedSize).toBe(2 * 3 + 3 * 1 + 1 * 2);
      // Layers are recovered as depths; their sizes are the requested ones, in order.
      const byDepth = [0, 0, 0, 0];
      for (const d of depths(g).values()) byDepth[d] = (byDepth[d] ?? 0) + 1;
      expect(byDepth).toEqual(layers);
    }
    const skip = layeredDag({ layers, edgeProbability: 1, skipLayers: true, seed: 1 });
    expect(skip.directedSize).toBe(2 * 6 + 3 * 3 + 1 * 2);
  });

  it("never joins nodes more than one layer apart without skipLayers", () => {
    for (const seed of seeds(30)) {
      const g = layeredDag({ layers: [3, 3, 3], edgeProbability: 0.5, seed });
      expect(isAcyclic(g)).toBe(true);
      expect(Math.max(0, ...depths(g).values())).toBeLessThanOrEqual(2);
      expect(g.directedSize).toBeLessThanOrEqual(18);
    }
  });

  it("hides the layers in node order and is deterministic", () => {
    const graphs = seeds(300).map((seed) => layeredDag({ layers: [3, 3], seed }));
    const edges = graphs.reduce((s, g) => s + g.directedSize, 0);
    expectProportion(forwardFraction(graphs), 0.5, edges);
    expect(layeredDag({ layers: [2, 2], seed: 4 }).toJSON()).toEqual(
      layeredDag({ layers: [2, 2], seed: 4 }).toJSON(),
    );
  });

  it("rejects bad options", () => {
    expectInvalid(() => layeredDag({ layers: [] }), "layers");
    expectInvalid(() => layeredDag({ layers: [2, -1] }), "layers[1]");
    expectInvalid(() => layeredDag({ layers: [2, 2], edgeProbability: -0.1 }), "edgeProbability");
  });
});

describe("boundedInDegreeDag", () => {
  it("never gives a node more than maxInDegree parents, and uses the bound", () => {
    let atBound = 0;
    for (const seed of seeds(40)) {
      const g = boundedInDegreeDag({ nodes: 12, maxInDegree: 2, seed });
      expect(isAcyclic(g)).toBe(true);
      const d = [...inDegrees(g).values()];
      expect(Math.max(...d)).toBeLessThanOrEqual(2);
      atBound += d.filter((x) => x === 2).length;
    }
    expect(atBound).toBeGreaterThan(100);
    expect(boundedInDegreeDag({ nodes: 6, maxInDegree: 0, seed: 1 }).directedSize).toBe(0);
  });

  it("is deterministic and hides the order", () => {
    const a = boundedInDegreeDag({ nodes: 9, maxInDegree: 3, seed: "x" });
    expect(a.toJSON()).toEqual(
      boundedInDegreeDag({ nodes: 9, maxInDegree: 3, seed: "x" }).toJSON(),
    );
    const graphs = seeds(300).map((seed) => boundedInDegreeDag({ nodes: 6, maxInDegree: 2, seed }));
    const edges = graphs.reduce((s, g) => s + g.directedSize, 0);
    expectProportion(forwardFraction(graphs), 0.5, edges);
  });

  it("rejects a bad bound", () => {
    expectInvalid(() => boundedInDegreeDag({ nodes: 4, maxInDegree: -1 }), "maxInDegree");
  });
});

describe("randomAdmg", () => {
  it("has the directed part of randomDag with the same options", () => {
    for (const seed of seeds(20)) {
      const a = randomAdmg({ nodes: 7, expectedDegree: 2, seed, bidirectedProbability: 0.3 });
      const d = randomDag({ nodes: 7, expectedDegree: 2, seed });
      expect(a.directedEdges()).toEqual(d.directedEdges());
      expect(isAcyclic(a)).toBe(true);
    }
  });

  it("adds each bidirected edge with probability q", () => {
    const runs = 300;
    let count = 0;
    for (const seed of seeds(runs)) {
      count += randomAdmg({ nodes: 6, bidirectedProbability: 0.25, seed }).bidirectedSize;
    }
    expectProportion(count / (runs * 15), 0.25, runs * 15);
    let byDefault = 0;
    for (const seed of seeds(runs)) byDefault += randomAdmg({ nodes: 6, seed }).bidirectedSize;
    expectProportion(byDefault / (runs * 15), 0.2, runs * 15);
  });

  it("adds explicit latent roots with exactly two observed children", () => {
    const g = randomAdmg({ nodes: 5, latentNodes: 3, seed: 2, names: ["L1", "b", "c", "d", "e"] });
    expect(g.nodes()).toEqual(["L1", "b", "c", "d", "e", "L1_2", "L2", "L3"]);
    expect(g.nodesWithRole("latent")).toEqual(["L1_2", "L2", "L3"]);
    expect(g.bidirectedSize).toBe(0);
    for (const l of g.nodesWithRole("latent")) {
      expect(g.parents(l)).toEqual([]);
      const ch = g.children(l);
      expect(ch).toHaveLength(2);
      for (const c of ch) expect(g.isLatent(c)).toBe(false);
    }
    const named = randomAdmg({ nodes: 3, latentNodes: 1, latentNames: ["hidden"], seed: 2 });
    expect(named.nodesWithRole("latent")).toEqual(["hidden"]);
  });

  it("rejects bad options", () => {
    expectInvalid(
      () => randomAdmg({ nodes: 4, bidirectedProbability: 2 }),
      "bidirectedProbability",
    );
    expectInvalid(() => randomAdmg({ nodes: 1, latentNodes: 1 }), "latentNodes");
    expectInvalid(() => randomAdmg({ nodes: 3, latentNodes: 1, latentNames: ["A"] }), "A");
    expectInvalid(
      () => randomAdmg({ nodes: 3, latentNodes: 2, latentNames: ["x"] }),
      "latentNames",
    );
  });
});

describe("relabelNodes", () => {
  it("returns an isomorphic copy (edges, bidirected edges and roles follow the nodes)", () => {
    const g = templateGraph("napkin", { names: { W: "my var", Z: "X_1" } });
    g.setRoles("my var", { adjusted: true });
    const names = ["a", "b", "c", "d"];
    for (const seed of seeds(20)) {
      const h = relabelNodes(g, { seed, names });
      expect(h.nodes()).toEqual(names);
      // Recover the bijection from the roles and degrees, then compare edge sets.
      const perms: Map<string, string>[] = [];
      const visit = (i: number, used: Set<string>, map: Map<string, string>): void => {
        const v = g.nodes()[i];
        if (v === undefined) {
          perms.push(new Map(map));
          return;
        }
        for (const w of names) {
          if (used.has(w)) continue;
          map.set(v, w);
          used.add(w);
          visit(i + 1, used, map);
          used.delete(w);
        }
      };
      visit(0, new Set(), new Map());
      const key = (x: CausalGraph, f: (v: string) => string): string =>
        JSON.stringify([
          x
            .directedEdges()
            .map(([a, b]) => `${f(a)}>${f(b)}`)
            .sort(),
          x
            .bidirectedEdges()
            .map(([a, b]) => [f(a), f(b)].sort().join("~"))
            .sort(),
          (["latent", "exposure", "outcome", "adjusted"] as const).map((r) =>
            x.nodesWithRole(r).map(f).sort(),
          ),
        ]);
      const target = key(h, (v) => v);
      expect(perms.some((m) => key(g, (v) => m.get(v) as string) === target)).toBe(true);
    }
    expect(g.nodes()).toEqual(["my var", "X_1", "X", "Y"]);
  });

  it("draws the bijection uniformly and deterministically", () => {
    const g = templateGraph("chain");
    const counts = new Map<string, number>();
    const runs = 3000;
    for (const seed of seeds(runs)) {
      const h = relabelNodes(g, { seed });
      const exposure = h.nodesWithRole("exposure")[0] as string;
      counts.set(exposure, (counts.get(exposure) ?? 0) + 1);
    }
    for (const v of ["X", "M", "Y"]) expectProportion((counts.get(v) ?? 0) / runs, 1 / 3, runs);
    expect(relabelNodes(g, { seed: 4 }).toJSON()).toEqual(relabelNodes(g, { seed: 4 }).toJSON());
    expectInvalid(() => relabelNodes(g, { names: ["a", "b"] }), "names");
    expectInvalid(() => relabelNodes({} as CausalGraph), "graph");
  });
});
