/**
 * Testable implications: named graphs with hand-derived answers, dagitty's answers (JavaScript
 * core, 2024-12) from /work/shared/oracle/graph-cases.jsonl (kinds "implications" and
 * "minimal_separators"), odd node names, errors, and the CLI helper.
 */
import { describe, expect, it } from "vitest";
import { describeImplications, implications } from "../../src/cli/commands/implications.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { minimalSeparatorIds } from "../../src/graph/_internal/minimal-vertex-separators.js";
import {
  CausalGraph,
  dSeparated,
  type Independence,
  impliedIndependencies,
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
  };
  readonly query: {
    readonly kind: string;
    readonly X?: string[];
    readonly Y?: string[];
    readonly must?: string[];
    readonly max_results?: number;
  };
  readonly expected: {
    readonly sets?: string[][];
    readonly cis?: { X: string; Y: string; Z: string[] }[];
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
  });
};
const title = (c: OracleCase): string => `${c.id} (dagitty, ${c.source})`;

/** A statement as an order-free key: the pair sorted, the conditioning set sorted. */
const key = (x: string, y: string, z: readonly string[]): string =>
  JSON.stringify([...[x, y].sort(), [...z].sort()]);
const keyOf = (s: Independence): string => {
  expect(s.x).toHaveLength(1);
  expect(s.y).toHaveLength(1);
  return key(s.x[0] as string, s.y[0] as string, s.given);
};

/** All minimal separators of X and Y containing `must`, via the internal lister. */
const listSeparators = (
  g: CausalGraph,
  X: string[],
  Y: string[],
  must: string[] = [],
): string[][] => {
  const ix = g.compactIndex();
  const ids = (names: string[]): Int32Array => Int32Array.from(names, (v) => ix.id.get(v) ?? -1);
  const allowed = Uint8Array.from(ix.names, (v) => (g.isLatent(v) ? 0 : 1));
  return minimalSeparatorIds(ix, ids(X), ids(Y), ids(must), allowed, Infinity).map((z) =>
    Array.from(z, (k) => ix.names[k] as string),
  );
};

describe("impliedIndependencies: named graphs", () => {
  it("chain, fork, collider", () => {
    const chain = CausalGraph.from({
      directed: [
        ["A", "B"],
        ["B", "C"],
      ],
    });
    expect(impliedIndependencies(chain)).toEqual([{ x: ["A"], y: ["C"], given: ["B"] }]);
    expect(impliedIndependencies(chain, { basis: "local" })).toEqual([
      { x: ["C"], y: ["A"], given: ["B"] },
    ]);
    const fork = CausalGraph.from({
      directed: [
        ["B", "A"],
        ["B", "C"],
      ],
    });
    expect(impliedIndependencies(fork)).toEqual([{ x: ["A"], y: ["C"], given: ["B"] }]);
    const collider = CausalGraph.from({
      directed: [
        ["A", "B"],
        ["C", "B"],
      ],
    });
    expect(impliedIndependencies(collider)).toEqual([{ x: ["A"], y: ["C"], given: [] }]);
    expect(impliedIndependencies(collider, { basis: "local" })).toEqual([
      { x: ["A"], y: ["C"], given: [] },
      { x: ["C"], y: ["A"], given: [] },
    ]);
  });

  it("M-bias: two minimal separators for the confounded pair, sorted by size then node order", () => {
    // A -> X, A -> M, B -> M, B -> Y, X -> Y
    const g = CausalGraph.from({
      nodes: ["A", "B", "M", "X", "Y"],
      directed: [
        ["A", "M"],
        ["A", "X"],
        ["B", "M"],
        ["B", "Y"],
        ["X", "Y"],
      ],
    });
    expect(impliedIndependencies(g)).toEqual([
      { x: ["A"], y: ["B"], given: [] },
      { x: ["A"], y: ["Y"], given: ["X"] },
      { x: ["B"], y: ["X"], given: [] },
      { x: ["M"], y: ["X"], given: ["A"] },
      { x: ["M"], y: ["Y"], given: ["A", "B"] },
      { x: ["M"], y: ["Y"], given: ["B", "X"] },
    ]);
    // Hand-derived: nd(v) \ pa(v) given pa(v), in node order of v.
    expect(impliedIndependencies(g, { basis: "local" })).toEqual([
      { x: ["A"], y: ["B"], given: [] },
      { x: ["B"], y: ["A", "X"], given: [] },
      { x: ["M"], y: ["X", "Y"], given: ["A", "B"] },
      { x: ["X"], y: ["B", "M"], given: ["A"] },
      { x: ["Y"], y: ["A", "M"], given: ["B", "X"] },
    ]);
  });

  it("a latent confounder: the pair it joins has no statement; latent nodes never appear", () => {
    // Z -> X -> M -> Y, X <- U -> Y with U latent.
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["X", "M"],
        ["M", "Y"],
        ["U", "X"],
        ["U", "Y"],
      ],
      latent: ["U"],
    });
    // Z and Y: conditioning on X or on M (a descendant of the collider X) opens
    // Z -> X <- U -> Y, and without them the chain is open: no statement.
    expect(impliedIndependencies(g)).toEqual([{ x: ["Z"], y: ["M"], given: ["X"] }]);
    // Projection: Z -> X -> M -> Y, X <-> Y. Ordered local Markov (order Z, X, M, Y): M ⊥ Z | X;
    // for Y: A = {Z, X, M, Y} gives dis(Y) = {X, Y}, mb = {Z, X, M}: nothing left; A = {Z, Y}
    // and A = {Y} give nothing new; Y's statement with D = {Y} needs X ∉ A, but M ∈ A forces X.
    expect(impliedIndependencies(g, { basis: "local" })).toEqual([
      { x: ["M"], y: ["Z"], given: ["X"] },
    ]);
  });

  it("a pair joined by an inducing path has no statement (X -> M <-> Y with M -> Y)", () => {
    const inducing = CausalGraph.from({
      directed: [
        ["X", "M"],
        ["M", "Y"],
      ],
      bidirected: [["M", "Y"]],
    });
    // X -> M -> Y is open without M, and conditioning on M opens X -> M <-> Y.
    expect(dSeparated(inducing, "X", "Y", [])).toBe(false);
    expect(dSeparated(inducing, "X", "Y", ["M"])).toBe(false);
    expect(impliedIndependencies(inducing)).toEqual([]);
    expect(impliedIndependencies(inducing, { basis: "local" })).toEqual([]);
  });

  it("bidirected chain 1 <-> 2 <-> 3: marginal independence; the ordered local basis finds it", () => {
    const g = CausalGraph.from({
      nodes: ["1", "2", "3"],
      bidirected: [
        ["1", "2"],
        ["2", "3"],
      ],
    });
    expect(impliedIndependencies(g)).toEqual([{ x: ["1"], y: ["3"], given: [] }]);
    expect(impliedIndependencies(g, { basis: "local" })).toEqual([
      { x: ["3"], y: ["1"], given: [] },
    ]);
  });

  it("max keeps a prefix of the full list", () => {
    const g = CausalGraph.from({
      nodes: ["A", "B", "M", "X", "Y"],
      directed: [
        ["A", "M"],
        ["A", "X"],
        ["B", "M"],
        ["B", "Y"],
        ["X", "Y"],
      ],
    });
    for (const basis of ["pairwise", "local"] as const) {
      const all = impliedIndependencies(g, { basis });
      for (let k = 1; k <= all.length + 1; k++) {
        expect(impliedIndependencies(g, { basis, max: k })).toEqual(all.slice(0, k));
      }
      expect(impliedIndependencies(g, { basis, max: Infinity })).toEqual(all);
    }
  });

  it("odd node names", () => {
    const g = CausalGraph.from({
      nodes: ["__proto__", "my var", "X_1", "a -> b", "日本"],
      directed: [
        ["__proto__", "my var"],
        ["my var", "X_1"],
        ["a -> b", "X_1"],
        ["X_1", "日本"],
      ],
    });
    expect(impliedIndependencies(g)).toEqual([
      { x: ["__proto__"], y: ["X_1"], given: ["my var"] },
      { x: ["__proto__"], y: ["a -> b"], given: [] },
      { x: ["__proto__"], y: ["日本"], given: ["my var"] },
      { x: ["__proto__"], y: ["日本"], given: ["X_1"] },
      { x: ["my var"], y: ["a -> b"], given: [] },
      { x: ["my var"], y: ["日本"], given: ["X_1"] },
      { x: ["a -> b"], y: ["日本"], given: ["X_1"] },
    ]);
    expect(impliedIndependencies(g, { basis: "local" })).toEqual([
      { x: ["__proto__"], y: ["a -> b"], given: [] },
      { x: ["my var"], y: ["a -> b"], given: ["__proto__"] },
      { x: ["X_1"], y: ["__proto__"], given: ["my var", "a -> b"] },
      { x: ["a -> b"], y: ["__proto__", "my var"], given: [] },
      { x: ["日本"], y: ["__proto__", "my var", "a -> b"], given: ["X_1"] },
    ]);
  });

  it("does not mutate its input", () => {
    const g = CausalGraph.from({ directed: [["A", "B"]], latent: ["A"] });
    const before = JSON.stringify(g.toJSON());
    impliedIndependencies(g, { basis: "local" });
    impliedIndependencies(g);
    expect(JSON.stringify(g.toJSON())).toBe(before);
  });

  it("rejects a bad basis or max", () => {
    const g = CausalGraph.from({ directed: [["A", "B"]] });
    const bad = [
      { basis: "all" as "local" },
      { max: 0 },
      { max: -1 },
      { max: 1.5 },
      { max: Number.NaN },
    ];
    for (const options of bad) {
      let caught: unknown;
      try {
        impliedIndependencies(g, options);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
    }
  });
});

describe("dagitty oracle: implications", () => {
  const list = ofKind("implications");
  it("has cases", () => expect(list.length).toBeGreaterThanOrEqual(2));
  for (const c of list) {
    it(title(c), () => {
      const g = toGraph(c);
      const ours = impliedIndependencies(g);
      const expected = (c.expected.cis ?? []).map((s) => key(s.X, s.Y, s.Z));
      const mine = ours.map(keyOf);
      expect(new Set(mine).size).toBe(mine.length);
      if (c.query.max_results === undefined) {
        // The full list: the same statements (dagitty's order depends on its vertex order).
        expect([...mine].sort()).toEqual([...expected].sort());
      } else {
        // dagitty stops after max_results: every listed statement is ours, and the first pair
        // (listed completely, as dagitty lists a pair's separators before the next pair) agrees.
        for (const k of expected) expect(mine).toContain(k);
        const first = c.expected.cis?.[0];
        expect(first).toBeDefined();
        if (first === undefined) return;
        const pairKey = (s: string): string => JSON.stringify(JSON.parse(s).slice(0, 2));
        const pair = pairKey(key(first.X, first.Y, []));
        const count = (list: string[]): number => list.filter((k) => pairKey(k) === pair).length;
        expect(count(mine)).toBe(count(expected));
        expect(count(expected)).toBeLessThan(c.query.max_results);
      }
    });
  }
});

describe("dagitty oracle: minimal_separators (the full list)", () => {
  const list = ofKind("minimal_separators");
  it("has cases", () => expect(list.length).toBeGreaterThanOrEqual(5));
  for (const c of list) {
    it(title(c), () => {
      const g = toGraph(c);
      const found = listSeparators(g, c.query.X ?? [], c.query.Y ?? [], c.query.must ?? []);
      const norm = (sets: string[][]): string[] => sets.map((s) => JSON.stringify([...s].sort()));
      expect(norm(found).sort()).toEqual(norm(c.expected.sets ?? []).sort());
      expect(new Set(norm(found)).size).toBe(found.length);
    });
  }
});

describe("CLI helper: causalkit implications", () => {
  const loaded = {
    source: "test",
    graph: CausalGraph.from({
      nodes: ["my A", "M", "Y"],
      directed: [
        ["my A", "M"],
        ["M", "Y"],
      ],
    }),
  };
  it("defaults to the pairwise list, with the JSON shape of the contract", () => {
    const r = implications(loaded, {});
    expect(JSON.parse(JSON.stringify(r))).toEqual({
      independences: [{ x: ["my A"], y: ["Y"], given: ["M"] }],
    });
    expect(describeImplications(r)).toBe("my A _||_ Y | M");
  });
  it("--basis local", () => {
    const r = implications(loaded, { basis: "local" });
    expect(r).toEqual({ independences: [{ x: ["Y"], y: ["my A"], given: ["M"] }] });
  });
  it("sets print in braces; an empty list says so", () => {
    expect(describeImplications({ independences: [{ x: ["A"], y: ["B", "C"], given: [] }] })).toBe(
      "A _||_ {B, C}",
    );
    expect(describeImplications({ independences: [] })).toMatch(/no conditional independences/);
  });
  it("rejects an unknown basis", () => {
    expect(() => implications(loaded, { basis: "all" })).toThrow(InvalidArgumentError);
  });
});
