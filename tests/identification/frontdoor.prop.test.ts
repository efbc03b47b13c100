// Properties of the front-door functions on random DAGs / ADMGs (≤ 8 nodes, fixed seeds),
// checked against oracles written independently of the production code:
// - isFrontdoorSet equals a brute-force check that enumerates paths explicitly: directed paths
//   for condition (i), and all simple paths with Pearl's blocking rule (a non-collider in the
//   conditioning set, or a collider with no descendant in it) in explicitly mutilated graphs for
//   conditions (ii) and (iii);
// - listMinimalFrontdoorSets equals the inclusion-minimal valid sets found by trying every
//   subset of the observed nodes (complete, minimal, no duplicates);
// - findFrontdoorSet returns null iff no subset is valid, and otherwise a valid set that contains
//   every valid set (the largest one); with include / exclude it respects the range;
// - numerically: on random discrete models with one binary latent variable per bidirected edge
//   (and the latent-role nodes as hidden variables), the front-door estimand of every listed set
//   evaluated on the exact observational joint equals the true P(y | do(x)) computed by the
//   truncated factorisation, to 1e-9, for every value of X and Y.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  evaluateEstimand,
  jointTableDistribution,
  probTerm,
} from "../../src/identification/estimand.js";
import {
  findFrontdoorSet,
  frontdoorEstimand,
  isFrontdoorSet,
  listMinimalFrontdoorSets,
} from "../../src/identification/frontdoor.js";
import { queryArb, toCausalGraph } from "./_arbitraries.js";
import {
  type BruteGraph,
  bruteBackdoorGraph,
  bruteDescendants,
  bruteIncidences,
  bruteMinimalSets,
  subsets,
} from "./_brute.js";
import {
  assignments,
  latentTable,
  mulberry32,
  randomizedTable,
  randomLatentModel,
} from "./_id-latent-model.js";

// ---------------------------------------------------------------------------------------------
// Path-based brute force (no Bayes-ball, no moral graphs, no library code).

/**
 * Whether C blocks every simple path between a node of A and a node of B: enumerates all simple
 * paths and applies Pearl's rule to every inner node.
 */
function pathSeparated(g: BruteGraph, A: string[], B: string[], C: string[]): boolean {
  const inc = bruteIncidences(g);
  const inB = new Set(B);
  const inC = new Set(C);
  const openCollider = (v: string): boolean =>
    [...bruteDescendants(g, [v])].some((w) => inC.has(w));
  const onPath = new Set<string>();
  // At v (an inner node or the start), having arrived with an arrowhead at v iff `headIn`.
  const walk = (v: string, headIn: boolean | undefined): boolean => {
    for (const step of inc.get(v) ?? []) {
      const w = step.to;
      if (onPath.has(w)) continue;
      if (headIn !== undefined) {
        const collider = headIn && step.headHere;
        if (collider ? !openCollider(v) : inC.has(v)) continue;
      }
      if (inB.has(w)) return true;
      onPath.add(w);
      const open = walk(w, step.headThere);
      onPath.delete(w);
      if (open) return true;
    }
    return false;
  };
  for (const a of A) {
    onPath.clear();
    onPath.add(a);
    if (walk(a, undefined)) return false;
  }
  return true;
}

/** Whether some directed path from X to Y avoids Z (enumerated depth first). */
function directedPathAvoiding(g: BruteGraph, X: string[], Y: string[], Z: string[]): boolean {
  const onPath = new Set<string>();
  const go = (v: string): boolean => {
    for (const [a, b] of g.directed) {
      if (a !== v || onPath.has(b) || Z.includes(b)) continue;
      if (Y.includes(b)) return true;
      onPath.add(b);
      const found = go(b);
      onPath.delete(b);
      if (found) return true;
    }
    return false;
  };
  return X.some((x) => {
    onPath.clear();
    onPath.add(x);
    return go(x);
  });
}

/** Pearl's front-door criterion for sets, from the definitions, by path enumeration. */
function bruteFrontdoor(g: BruteGraph, X: string[], Y: string[], Z: string[]): boolean {
  if (directedPathAvoiding(g, X, Y, Z)) return false; // (i)
  if (Z.length === 0) return true;
  if (!pathSeparated(bruteBackdoorGraph(g, X), X, Z, [])) return false; // (ii)
  return pathSeparated(bruteBackdoorGraph(g, Z), Z, Y, X); // (iii)
}

// ---------------------------------------------------------------------------------------------
// Random graphs with planted front-door structure.

const NAMES = ["A", "X_1", "my var", "__proto__", "constructor", "b c", "Y", "é", "t-1", "0"];

interface FdCase {
  readonly graph: BruteGraph;
  readonly X: string[];
  readonly Y: string[];
}

const pct = (): fc.Arbitrary<number> => fc.noBias(fc.integer({ min: 0, max: 99 }));

/**
 * Graphs in topological node order with X among the first four nodes and Y last. Shape 0 ("layer"): the nodes between
 * them get X -> m and m -> Y with high probability; shape 1 ("chains"): consecutive nodes are
 * joined with high probability, so that X reaches Y through chains with several cut points.
 * Other directed edges and bidirected edges are sparse (chains: X <-> Y and at most one more);
 * about 12% of the other nodes are latent.
 * Sometimes a second treatment or outcome.
 */
function fdArb(maxNodes: number, maxBidirected: number): fc.Arbitrary<FdCase> {
  return fc.noBias(fc.integer({ min: 3, max: maxNodes })).chain((n) => {
    const pairs = (n * (n - 1)) / 2;
    return fc
      .record({
        names: fc.shuffledSubarray(NAMES, { minLength: n, maxLength: n }),
        xAt: fc.noBias(fc.integer({ min: 0, max: 3 })),
        directed: fc.array(pct(), { minLength: pairs, maxLength: pairs }),
        bidi: fc.array(pct(), { minLength: pairs, maxLength: pairs }),
        density: fc.noBias(fc.integer({ min: 0, max: 25 })),
        bidiDensity: fc.noBias(fc.integer({ min: 0, max: 25 })),
        latent: fc.array(pct(), { minLength: n, maxLength: n }),
        second: fc.noBias(fc.integer({ min: 0, max: 9 })),
        shape: fc.noBias(fc.integer({ min: 0, max: 1 })),
      })
      .map((r): FdCase => {
        const names = r.names;
        const xi = Math.min(r.xAt, n - 2);
        const yi = n - 1;
        const directed: [string, string][] = [];
        const bidirected: [string, string][] = [];
        let k = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++, k++) {
            const planted =
              r.shape === 0 ? (i === xi && j < yi) || (j === yi && i > xi) : j === i + 1;
            const p = planted ? 85 : r.density;
            if ((r.directed[k] as number) < p) {
              directed.push([names[i] as string, names[j] as string]);
            }
            // Chains get X <-> Y and at most one other bidirected edge.
            const cap = r.shape === 0 ? maxBidirected : 1;
            const confoundXY = r.shape === 1 && i === xi && j === yi;
            if (confoundXY || ((r.bidi[k] as number) < r.bidiDensity && bidirected.length < cap)) {
              bidirected.push([names[i] as string, names[j] as string]);
            }
          }
        }
        const X = [names[xi] as string];
        const Y = [names[yi] as string];
        if (r.second === 0 && xi + 1 < yi - 1) X.push(names[xi + 1] as string);
        if (r.second === 1 && yi - 1 > xi + 1) Y.push(names[yi - 1] as string);
        const latent = names.filter(
          (v, i) => !X.includes(v) && !Y.includes(v) && (r.latent[i] as number) < 12,
        );
        return { graph: { nodes: names, directed, bidirected, latent }, X, Y };
      });
  });
}

function observedCandidates(g: BruteGraph, X: string[], Y: string[]): string[] {
  return g.nodes.filter((v) => !X.includes(v) && !Y.includes(v) && !g.latent.includes(v));
}

// ---------------------------------------------------------------------------------------------

describe("isFrontdoorSet against path enumeration", () => {
  it("agrees on every subset of the observed nodes (random DAGs / ADMGs, planted structure)", () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fdArb(7, 5), (c) => {
        const graph = toCausalGraph(c.graph);
        for (const Z of subsets(observedCandidates(c.graph, c.X, c.Y))) {
          const want = bruteFrontdoor(c.graph, c.X, c.Y, Z);
          expect(isFrontdoorSet(graph, c.X, c.Y, Z)).toBe(want);
          if (want) valid++;
          else invalid++;
        }
      }),
      { seed: 42, numRuns: 150 },
    );
    expect(valid).toBeGreaterThan(100);
    expect(invalid).toBeGreaterThan(100);
  });

  it("agrees on uniformly random queries with 1-2 treatments and outcomes", () => {
    fc.assert(
      fc.property(queryArb(8, true, false), (q) => {
        const graph = toCausalGraph(q.graph);
        const candidates = observedCandidates(q.graph, q.X, q.Y);
        for (const Z of subsets(candidates).filter((s) => s.length <= 3)) {
          expect(isFrontdoorSet(graph, q.X, q.Y, Z)).toBe(bruteFrontdoor(q.graph, q.X, q.Y, Z));
        }
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});

describe("finding and listing front-door sets against brute force", () => {
  it("lists exactly the inclusion-minimal front-door sets; finds the largest", () => {
    let withSets = 0;
    let multi = 0;
    fc.assert(
      fc.property(fdArb(8, 5), (c) => {
        const graph = toCausalGraph(c.graph);
        const candidates = observedCandidates(c.graph, c.X, c.Y);
        const valid = subsets(candidates).filter((Z) => bruteFrontdoor(c.graph, c.X, c.Y, Z));
        const isValid = (Z: string[]): boolean => valid.some((V) => sameSet(V, Z));
        const want = bruteMinimalSets(candidates, [], isValid, c.graph.nodes);
        const got = listMinimalFrontdoorSets(graph, c.X, c.Y);
        expect(got).toEqual(want);
        if (got.length > 0) withSets++;
        if (got.length > 1) multi++;
        // The largest set: valid and a superset of every valid set.
        const largest = findFrontdoorSet(graph, c.X, c.Y);
        if (valid.length === 0) {
          expect(largest).toBeNull();
        } else {
          expect(largest).not.toBeNull();
          const top = largest ?? [];
          expect(isValid(top)).toBe(true);
          for (const V of valid) for (const v of V) expect(top).toContain(v);
          // Node order.
          expect(top).toEqual(c.graph.nodes.filter((v) => top.includes(v)));
        }
        // `max` returns a prefix-sized sample of the same family.
        const capped = listMinimalFrontdoorSets(graph, c.X, c.Y, { max: 1 });
        expect(capped.length).toBe(Math.min(1, want.length));
        for (const s of capped) expect(want).toContainEqual(s);
      }),
      { seed: 4242, numRuns: 300 },
    );
    expect(withSets).toBeGreaterThan(120);
    expect(multi).toBeGreaterThan(12);
  });

  it("lists exactly the minimal sets on uniformly random queries (X late, rich An(X))", () => {
    fc.assert(
      fc.property(queryArb(7, true, false), (q) => {
        const graph = toCausalGraph(q.graph);
        const candidates = observedCandidates(q.graph, q.X, q.Y);
        const valid = subsets(candidates).filter((Z) => bruteFrontdoor(q.graph, q.X, q.Y, Z));
        const want = bruteMinimalSets(
          candidates,
          [],
          (Z) => valid.some((V) => sameSet(V, Z)),
          q.graph.nodes,
        );
        expect(listMinimalFrontdoorSets(graph, q.X, q.Y)).toEqual(want);
        const largest = findFrontdoorSet(graph, q.X, q.Y);
        if (valid.length === 0) expect(largest).toBeNull();
        else for (const V of valid) for (const v of V) expect(largest).toContain(v);
      }),
      { seed: 31337, numRuns: 200 },
    );
  });

  it("respects include and exclude", () => {
    fc.assert(
      fc.property(fdArb(7, 4), fc.integer({ min: 0, max: 2 ** 16 }), (c, pick) => {
        const graph = toCausalGraph(c.graph);
        const candidates = observedCandidates(c.graph, c.X, c.Y);
        const include = candidates.filter((_, i) => ((pick >> (2 * i)) & 3) === 0);
        const exclude = candidates.filter((_, i) => ((pick >> (2 * i)) & 3) === 1);
        const inRange = subsets(candidates).filter(
          (Z) => include.every((v) => Z.includes(v)) && !Z.some((v) => exclude.includes(v)),
        );
        const valid = inRange.filter((Z) => bruteFrontdoor(c.graph, c.X, c.Y, Z));
        const found = findFrontdoorSet(graph, c.X, c.Y, { include, exclude });
        if (valid.length === 0) {
          expect(found).toBeNull();
        } else {
          const top = found ?? [];
          expect(valid.some((V) => sameSet(V, top))).toBe(true);
          for (const V of valid) for (const v of V) expect(top).toContain(v);
        }
        // Listing with exclude: minimal among the sets avoiding `exclude`.
        const avoiding = subsets(candidates.filter((v) => !exclude.includes(v))).filter((Z) =>
          bruteFrontdoor(c.graph, c.X, c.Y, Z),
        );
        const want = bruteMinimalSets(
          candidates.filter((v) => !exclude.includes(v)),
          [],
          (Z) => avoiding.some((V) => sameSet(V, Z)),
          c.graph.nodes,
        );
        expect(listMinimalFrontdoorSets(graph, c.X, c.Y, { exclude })).toEqual(want);
      }),
      { seed: 99, numRuns: 120 },
    );
  });
});

describe("the front-door estimand equals the interventional truth", () => {
  it("for every listed set and the largest set, on random latent-variable models", () => {
    let checked = 0;
    fc.assert(
      fc.property(fdArb(6, 4), fc.noBias(fc.integer({ min: 1, max: 2 ** 30 })), (c, seed) => {
        const graph = toCausalGraph(c.graph);
        const sets = listMinimalFrontdoorSets(graph, c.X, c.Y);
        const largest = findFrontdoorSet(graph, c.X, c.Y);
        if (largest !== null) sets.push(largest);
        if (sets.length === 0) return;
        const model = randomLatentModel(c.graph, mulberry32(seed), (v) => (v === c.Y[0] ? 3 : 2));
        const observed = jointTableDistribution(model.variables, model.cards, latentTable(model));
        const truth = jointTableDistribution(
          model.variables,
          model.cards,
          randomizedTable(model, c.X),
        );
        const target = probTerm(c.Y, c.X);
        for (const Z of sets) {
          const estimand = frontdoorEstimand(c.X, c.Y, Z);
          for (const a of assignments(model, [...c.X, ...c.Y])) {
            const want = evaluateEstimand(target, truth, a);
            expect(Math.abs(evaluateEstimand(estimand, observed, a) - want)).toBeLessThan(1e-9);
          }
          checked++;
        }
      }),
      { seed: 2024, numRuns: 120 },
    );
    expect(checked).toBeGreaterThan(60);
  });
});

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}
