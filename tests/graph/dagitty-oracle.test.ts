/**
 * Graph queries checked against dagitty's answers (JavaScript core, 2024-12), recorded with
 * provenance in /work/shared/oracle/graph-cases.jsonl (see its README). Each test name carries
 * the case id and its source file in dagitty's test suite.
 */
import { describe, expect, it } from "vitest";
import {
  ancestors,
  CausalGraph,
  dSeparated,
  findMinimalSeparator,
  moralGraph,
} from "../../src/graph/index.js";
import { readGraphCases } from "../helpers/oracle.js";

interface OracleCase {
  readonly id: string;
  readonly source: string;
  readonly graph: {
    readonly type: string;
    readonly nodes: string[];
    readonly directed?: [string, string][];
    readonly bidirected?: [string, string][];
    readonly undirected?: [string, string][];
    readonly latent?: string[];
    readonly exposure?: string[];
    readonly outcome?: string[];
    readonly adjusted?: string[];
  };
  readonly query: {
    readonly kind: string;
    readonly X?: string[];
    readonly Y?: string[];
    readonly Z?: string[];
    readonly v?: string[];
    readonly must?: string[];
    readonly must_not?: string[];
  };
  readonly expected: {
    readonly separated?: boolean;
    readonly set?: string[];
    readonly sets?: string[][];
    readonly nodes?: string[];
    readonly graph?: { readonly nodes: string[]; readonly undirected: [string, string][] };
  };
}

const cases: OracleCase[] = readGraphCases<OracleCase>();

const ofKind = (kind: string): OracleCase[] =>
  cases.filter((c) => c.query.kind === kind && c.graph.type === "dag");

const toGraph = (c: OracleCase): CausalGraph => {
  expect(c.graph.undirected ?? []).toEqual([]);
  return CausalGraph.from({
    nodes: c.graph.nodes,
    directed: c.graph.directed ?? [],
    bidirected: c.graph.bidirected ?? [],
    latent: c.graph.latent ?? [],
    exposure: c.graph.exposure ?? [],
    outcome: c.graph.outcome ?? [],
    adjusted: c.graph.adjusted ?? [],
  });
};

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();
const name = (c: OracleCase): string => `${c.id} (dagitty, ${c.source})`;

/** dagitty's must / must_not as include / restrict (restrict = non-latent minus X, Y, must_not). */
const separatorOptions = (g: CausalGraph, c: OracleCase) => {
  const include = c.query.must ?? [];
  const mustNot = new Set(c.query.must_not ?? []);
  const restrict = g.nodes().filter((v) => !g.isLatent(v) && !mustNot.has(v));
  return { include, restrict: [...new Set([...restrict, ...include])] };
};

describe("dagitty oracle: dsep", () => {
  const list = ofKind("dsep");
  it("has cases", () => expect(list.length).toBeGreaterThanOrEqual(8));
  for (const c of list) {
    it(name(c), () => {
      const g = toGraph(c);
      const { X = [], Y = [], Z = [] } = c.query;
      expect(dSeparated(g, X, Y, Z)).toBe(c.expected.separated);
      expect(dSeparated(g, Y, X, Z)).toBe(c.expected.separated);
    });
  }
});

describe("dagitty oracle: find_minimal_separator", () => {
  const list = ofKind("find_minimal_separator");
  it("has cases", () => expect(list.length).toBeGreaterThanOrEqual(5));
  for (const c of list) {
    it(name(c), () => {
      const g = toGraph(c);
      const found = findMinimalSeparator(
        g,
        c.query.X ?? [],
        c.query.Y ?? [],
        separatorOptions(g, c),
      );
      expect(found).not.toBeNull();
      expect(sorted(found ?? [])).toEqual(sorted(c.expected.set ?? []));
    });
  }
});

describe("dagitty oracle: minimal_separators (our one answer must be among dagitty's list)", () => {
  for (const c of ofKind("minimal_separators")) {
    it(name(c), () => {
      const g = toGraph(c);
      const found = findMinimalSeparator(
        g,
        c.query.X ?? [],
        c.query.Y ?? [],
        separatorOptions(g, c),
      );
      const expected = (c.expected.sets ?? []).map((s) => JSON.stringify(sorted(s)));
      expect(expected).toContain(JSON.stringify(sorted(found ?? [])));
    });
  }
});

describe("dagitty oracle: ancestors", () => {
  const list = ofKind("ancestors");
  it("has cases", () => expect(list.length).toBeGreaterThanOrEqual(1));
  for (const c of list) {
    it(name(c), () => {
      expect(sorted(ancestors(toGraph(c), c.query.v ?? []))).toEqual(
        sorted(c.expected.nodes ?? []),
      );
    });
  }
});

describe("dagitty oracle: moral_graph", () => {
  const list = ofKind("moral_graph");
  it("has cases", () => expect(list.length).toBeGreaterThanOrEqual(2));
  for (const c of list) {
    it(name(c), () => {
      const m = moralGraph(toGraph(c));
      const key = ([a, b]: readonly [string, string]): string =>
        JSON.stringify(a < b ? [a, b] : [b, a]);
      expect(sorted(m.nodes)).toEqual(sorted(c.expected.graph?.nodes ?? []));
      expect(m.edges.map(key).sort()).toEqual((c.expected.graph?.undirected ?? []).map(key).sort());
    });
  }
});
