// Outside answers: dagitty's adjustment-set results on the graphs of its own test suite
// (/work/shared/oracle/graph-cases.jsonl, see the README there).
//
// dagitty answers under the (generalised) adjustment criterion (Shpitser, VanderWeele & Robins
// 2010; Perković et al. 2018), which is our default criterion: adjustmentSets must equal
// dagitty's list exactly, multiple exposures and forced nodes included, and isAdjustmentSet must
// equal dagitty's isAdjustmentSet.
//
// The back-door criterion is related exactly: a set satisfies it iff it satisfies the
// adjustment criterion and contains no descendant of X. The family of sets without descendants
// of X is closed under taking subsets, so
//   minimal back-door sets = the minimal adjustment sets that contain no descendant of X,
// which is checked against dagitty's list filtered by "no descendant of X" (descendants from
// the independent brute-force helper). For one exposure and no forced nodes the filter removes
// nothing: minimal adjustment sets lie in An(X ∪ Y), and a descendant of a single X there lies
// on a proper causal path, which the adjustment criterion forbids too (asserted below).
//
// violates_adjustment_criterion: dagitty's violatesAdjustmentCriterion / nodesThatViolate...
// test condition 1 of the criterion only (Z meets Forb(X, Y)); `nodes` must equal Z intersected
// with adjustmentForbiddenNodes.
//
// Skipped cases (each with its reason):
// - graph types other than "dag" (pdag, mag, pag): other graph classes;
// - query.effect "direct" or "odds_ratio": direct effects and odds ratios under selection are
//   other estimands than the total effect P(y | do(x));
// - selection nodes (graph.selected or query.S): adjustment under selection bias is outside
//   both criteria.
import { describe, expect, it } from "vitest";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import {
  adjustmentForbiddenNodes,
  adjustmentSets,
  isAdjustmentSet,
  isBackdoorAdjustmentSet,
} from "../../src/identification/index.js";
import { readGraphCases } from "../helpers/oracle.js";
import { type BruteGraph, bruteDescendants, sortSets } from "./_brute.js";

interface OracleCase {
  id: string;
  graph: {
    type: string;
    nodes: string[];
    directed?: [string, string][];
    bidirected?: [string, string][];
    latent?: string[];
    selected?: string[];
    adjusted?: string[];
  };
  query: {
    kind: string;
    X: string[];
    Y: string[];
    Z?: string[];
    must?: string[];
    must_not?: string[];
    effect?: string;
    S?: string[];
  };
  expected: { sets?: string[][]; valid?: boolean; violates?: boolean; nodes?: string[] };
}

const cases: OracleCase[] = readGraphCases<OracleCase>();

function skipReason(c: OracleCase): string | undefined {
  if (c.graph.type !== "dag") return `graph type ${c.graph.type}`;
  if (c.query.effect !== undefined) return `effect ${c.query.effect}`;
  if ((c.graph.selected ?? []).length > 0 || c.query.S !== undefined) return "selection nodes";
  return undefined;
}

function brute(c: OracleCase): BruteGraph {
  return {
    nodes: c.graph.nodes,
    directed: c.graph.directed ?? [],
    bidirected: c.graph.bidirected ?? [],
    latent: c.graph.latent ?? [],
  };
}

function graphOf(c: OracleCase): CausalGraph {
  return CausalGraph.from({
    nodes: c.graph.nodes,
    directed: c.graph.directed ?? [],
    bidirected: c.graph.bidirected ?? [],
    latent: c.graph.latent ?? [],
  });
}

const adjustmentCases = cases.filter((c) => c.query.kind === "adjustment_sets");
const isAdjustmentCases = cases.filter((c) => c.query.kind === "is_adjustment_set");
const violatesCases = cases.filter((c) => c.query.kind === "violates_adjustment_criterion");

describe("dagitty oracle: adjustment_sets on DAGs", () => {
  const used = adjustmentCases.filter((c) => skipReason(c) === undefined);

  it("has the expected number of usable cases", () => {
    // 11 DAG cases, one of them for the direct effect (skipped).
    expect(used.length).toBe(10);
  });

  for (const c of used) {
    it(c.id, () => {
      const g = graphOf(c);
      const pos = new Map(c.graph.nodes.map((v, i) => [v, i]));
      const de = bruteDescendants(brute(c), c.query.X);
      const dagitty = c.expected.sets ?? [];
      const expected = sortSets(
        dagitty.filter((Z) => !Z.some((v) => de.has(v))),
        pos,
      );
      const options = { include: c.query.must ?? [], exclude: c.query.must_not ?? [] };
      // The default criterion is dagitty's: exact agreement.
      expect(sortSets(adjustmentSets(g, c.query.X, c.query.Y, options), pos)).toEqual(
        sortSets(dagitty, pos),
      );
      const backdoor = { ...options, criterion: "backdoor" } as const;
      expect(sortSets(adjustmentSets(g, c.query.X, c.query.Y, backdoor), pos)).toEqual(expected);
      if (c.query.X.length === 1 && (c.query.must ?? []).length === 0) {
        expect(expected).toEqual(sortSets(dagitty, pos));
      }
    });
  }

  it("documents where the two criteria differ", () => {
    const differing = used
      .filter((c) => {
        const de = bruteDescendants(brute(c), c.query.X);
        return (c.expected.sets ?? []).some((Z) => Z.some((v) => de.has(v)));
      })
      .map((c) => c.id)
      .sort();
    // Two exposures where a descendant of one exposure is usable under the adjustment
    // criterion, and a forced child of X that is not on a causal path.
    expect(differing).toEqual([
      "dagitty/test/test/adjustment-dags/20",
      "dagitty/test/test/misc/11",
      "dagitty/test/test/misc/15",
    ]);
  });
});

describe("dagitty oracle: is_adjustment_set on DAGs", () => {
  const used = isAdjustmentCases.filter((c) => skipReason(c) === undefined);

  it("has the expected number of usable cases", () => {
    expect(used.length).toBe(3);
  });

  for (const c of used) {
    it(c.id, () => {
      const g = graphOf(c);
      const Z = c.query.Z ?? [];
      const de = bruteDescendants(brute(c), c.query.X);
      expect(isAdjustmentSet(g, c.query.X, c.query.Y, Z)).toBe(c.expected.valid);
      const mine = isBackdoorAdjustmentSet(g, c.query.X, c.query.Y, Z);
      if (Z.some((v) => de.has(v))) expect(mine).toBe(false);
      else expect(mine).toBe(c.expected.valid);
    });
  }
});

describe("dagitty oracle: violates_adjustment_criterion on DAGs", () => {
  const used = violatesCases.filter((c) => skipReason(c) === undefined);

  it("has the expected number of usable cases", () => {
    expect(used.length).toBe(4);
  });

  for (const c of used) {
    it(c.id, () => {
      const g = graphOf(c);
      const Z = c.query.Z ?? [];
      const forbidden = new Set(adjustmentForbiddenNodes(g, c.query.X, c.query.Y));
      const violating = Z.filter((v) => forbidden.has(v));
      expect(violating.length > 0).toBe(c.expected.violates);
      expect(violating).toEqual(c.expected.nodes);
      if (c.expected.violates === true) {
        expect(isAdjustmentSet(g, c.query.X, c.query.Y, Z)).toBe(false);
      }
    });
  }
});
