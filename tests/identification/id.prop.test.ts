// Properties of ID and IDC on random ADMGs (≤ 7 nodes, some of them latent-role nodes, the rest
// observed), checked against an independent oracle: an explicit discrete model with one binary
// latent variable per bidirected edge (plus the latent-role nodes as ordinary hidden
// variables), whose observational joint and interventional distributions are computed by
// enumeration (truncated factorisation).
// - every "identified" / "no-effect" estimand, evaluated on the observational joint, equals the
//   true P(y | do(x)) (or P(y | do(x), z)) for every value of the query variables, to 1e-9;
// - every "not-identifiable" verdict carries a hedge that verifyHedge accepts (which, by the
//   hedge criterion of Shpitser & Pearl 2006, proves non-identifiability).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import {
  evaluateEstimand,
  freeVariables,
  jointTableDistribution,
  probTerm,
} from "../../src/identification/estimand.js";
import { verifyHedge } from "../../src/identification/hedge.js";
import { identifyEffect } from "../../src/identification/id.js";
import { identifyConditionalEffect } from "../../src/identification/idc.js";
import {
  assignments,
  latentTable,
  mulberry32,
  type PlainAdmg,
  randomizedTable,
  randomLatentModel,
} from "./_id-latent-model.js";

const NAMES = ["A", "X_1", "my var", "__proto__", "constructor", "b,c", "Y", "é", "t-1", "0"];

interface Case {
  readonly graph: PlainAdmg;
  readonly latent: readonly string[];
  readonly X: readonly string[];
  readonly Y: readonly string[];
  readonly Z: readonly string[];
  readonly seed: number;
  readonly ternary: number;
}

const pct = (): fc.Arbitrary<number> => fc.noBias(fc.integer({ min: 0, max: 99 }));

/** Random ADMG + query: X, Y non-empty (1-2 nodes), Z (0-2 nodes), pairwise disjoint, observed. */
const caseArb: fc.Arbitrary<Case> = fc.noBias(fc.integer({ min: 3, max: 7 })).chain((n) => {
  const pairs = (n * (n - 1)) / 2;
  return fc
    .record({
      names: fc.shuffledSubarray(NAMES, { minLength: n, maxLength: n }),
      density: fc.noBias(fc.integer({ min: 15, max: 60 })),
      bidiDensity: fc.noBias(fc.integer({ min: 10, max: 60 })),
      shape: fc.noBias(fc.integer({ min: 0, max: 2 })),
      xPick: fc.noBias(fc.integer({ min: 0, max: 99 })),
      directed: fc.array(pct(), { minLength: pairs, maxLength: pairs }),
      bidi: fc.array(pct(), { minLength: pairs, maxLength: pairs }),
      latent: fc.array(pct(), { minLength: n, maxLength: n }),
      role: fc.array(fc.noBias(fc.integer({ min: 0, max: 3 })), { minLength: n, maxLength: n }),
      seed: fc.noBias(fc.integer({ min: 1, max: 2 ** 30 })),
      ternary: fc.noBias(fc.integer({ min: -1, max: n - 1 })),
    })
    .map((r): Case => {
      // The node order is a topological order of the directed edges. Shape 2 ("funnel"): the
      // last node's only parent is the one before it, so everything else reaches it through
      // that node (napkin-like graphs, where ID needs lines 3 and 7 and ratios of sums).
      const directed: [string, string][] = [];
      const bidirected: [string, string][] = [];
      let k = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++, k++) {
          const a = r.names[i] as string;
          const b = r.names[j] as string;
          const funnel = r.shape === 2 && j === n - 1;
          if (funnel ? i === n - 2 : (r.directed[k] as number) < r.density) directed.push([a, b]);
          if ((r.bidi[k] as number) < r.bidiDensity && bidirected.length < 8) {
            bidirected.push([a, b]);
          }
        }
      }
      // About 12% latent-role nodes, keeping at least two observed ones.
      const latent = r.names
        .filter((_, i) => (r.latent[i] as number) < 12 && n > 3 && i < n - 2)
        .slice(0, n - 2);
      const observed = r.names.filter((v) => !latent.includes(v));
      // role 0: treatment, 1: outcome, 2: given, 3: none.
      const pick = (role: number): string[] =>
        observed.filter((v) => (r.role[r.names.indexOf(v)] as number) === role).slice(0, 2);
      let X = pick(0);
      let Y = pick(1);
      const Z = pick(2);
      if (r.shape > 0) {
        // Y is the last node in the causal order, X another (the one before it for a funnel).
        Y = [observed[observed.length - 1] as string];
        const before = r.shape === 2 ? observed.length - 2 : r.xPick % (observed.length - 1);
        X = [observed[before] as string];
      }
      if (Y.length === 0) Y = [observed[observed.length - 1] as string];
      X = X.filter((v) => !Y.includes(v));
      if (X.length === 0) X = observed.filter((v) => !Y.includes(v)).slice(0, 1);
      return {
        graph: { nodes: r.names, directed, bidirected },
        latent,
        X,
        Y,
        Z: Z.filter((v) => !X.includes(v) && !Y.includes(v)),
        seed: r.seed,
        ternary: r.ternary,
      };
    });
});

function setup(c: Case) {
  const graph = CausalGraph.from({ ...c.graph, latent: c.latent });
  const rng = mulberry32(c.seed);
  const ternaryNode = c.graph.nodes[c.ternary];
  const model = randomLatentModel(c.graph, rng, (v) => (v === ternaryNode ? 3 : 2));
  // The latent-role nodes are variables of the model too; an estimand never mentions them, so
  // the joint over all nodes serves as the observational distribution.
  const observed = jointTableDistribution(model.variables, model.cards, latentTable(model));
  const truthDist = (X: readonly string[]) =>
    jointTableDistribution(model.variables, model.cards, randomizedTable(model, X));
  return { graph, model, observed, truthDist };
}

describe("ID on random ADMGs", () => {
  it("identified estimands equal the interventional truth; hedges verify", () => {
    let identified = 0;
    let notIdentifiable = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const { graph, model, observed, truthDist } = setup(c);
        const result = identifyEffect(graph, { treatment: c.X, outcome: c.Y });
        if (result.kind === "not-identifiable") {
          notIdentifiable++;
          expect(verifyHedge(graph, c.X, c.Y, result.hedge)).toBe(true);
          return;
        }
        identified++;
        const raw = identifyEffect(graph, { treatment: c.X, outcome: c.Y }, { simplify: false });
        if (raw.kind === "not-identifiable") throw new Error("raw and simplified disagree");
        const query = [...c.X, ...c.Y];
        for (const v of freeVariables(result.estimand)) expect(query).toContain(v);
        const truth = truthDist(c.X);
        const target = probTerm(c.Y, c.X);
        for (const a of assignments(model, query)) {
          const want = evaluateEstimand(target, truth, a);
          expect(Math.abs(evaluateEstimand(result.estimand, observed, a) - want)).toBeLessThan(
            1e-9,
          );
          expect(Math.abs(evaluateEstimand(raw.estimand, observed, a) - want)).toBeLessThan(1e-9);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
    // Both verdicts are well represented.
    expect(identified).toBeGreaterThan(60);
    expect(notIdentifiable).toBeGreaterThan(30);
  });
});

describe("IDC on random ADMGs", () => {
  it("identified conditional estimands equal P(y | do(x), z); hedges verify", () => {
    let identified = 0;
    let notIdentifiable = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const { graph, model, observed, truthDist } = setup(c);
        const q = { treatment: c.X, outcome: c.Y, given: c.Z };
        const result = identifyConditionalEffect(graph, q);
        if (result.kind === "not-identifiable") {
          notIdentifiable++;
          expect(result.reducedTreatment).toEqual(expect.arrayContaining([...c.X]));
          expect(
            verifyHedge(graph, result.reducedTreatment, result.reducedOutcome, result.hedge),
          ).toBe(true);
          return;
        }
        identified++;
        const query = [...c.X, ...c.Y, ...c.Z];
        for (const v of freeVariables(result.estimand)) expect(query).toContain(v);
        const truth = truthDist(c.X);
        const target = probTerm(c.Y, [...c.X, ...c.Z]);
        for (const a of assignments(model, query)) {
          const want = evaluateEstimand(target, truth, a);
          expect(Math.abs(evaluateEstimand(result.estimand, observed, a) - want)).toBeLessThan(
            1e-9,
          );
        }
      }),
      { seed: 7, numRuns: 250 },
    );
    expect(identified).toBeGreaterThan(60);
    expect(notIdentifiable).toBeGreaterThan(20);
  });
});
