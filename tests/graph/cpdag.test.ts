/**
 * CPDAGs and Markov equivalence classes: dagitty's answers (JavaScript core, 2024-12) from
 * /work/shared/oracle/graph-cases.jsonl (kinds "cpdag" and "equivalent_dags"), named graphs
 * with hand-derived answers, odd names and errors.
 */
import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../src/errors.js";
import {
  CausalGraph,
  cpdag,
  isMarkovEquivalent,
  markovEquivalenceClass,
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
  };
  readonly query: { readonly kind: string; readonly max_results?: number };
  readonly expected: {
    readonly count?: number;
    readonly graph?: {
      readonly nodes: string[];
      readonly directed: [string, string][];
      readonly undirected?: [string, string][];
    };
  };
}

const cases: OracleCase[] = readGraphCases<OracleCase>();
const ofKind = (kind: string): OracleCase[] =>
  cases.filter((c) => c.query.kind === kind && c.graph.type === "dag");
const toGraph = (c: OracleCase): CausalGraph => {
  expect(c.graph.undirected ?? []).toEqual([]);
  expect(c.graph.bidirected ?? []).toEqual([]);
  return CausalGraph.from({ nodes: c.graph.nodes, directed: c.graph.directed ?? [] });
};
const title = (c: OracleCase): string => `${c.id} (dagitty, ${c.source})`;
const directedKeys = (edges: readonly (readonly [string, string])[]): string[] =>
  edges.map((e) => JSON.stringify(e)).sort();
const undirectedKeys = (edges: readonly (readonly [string, string])[]): string[] =>
  edges.map(([a, b]) => JSON.stringify(a < b ? [a, b] : [b, a])).sort();

const expectInvalid = (f: () => unknown): void => {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(InvalidArgumentError);
  expect((caught as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
};

describe("dagitty oracle: cpdag", () => {
  const list = ofKind("cpdag");
  it("has cases", () => expect(list.length).toBeGreaterThanOrEqual(2));
  for (const c of list) {
    it(title(c), () => {
      const result = cpdag(toGraph(c));
      const expected = c.expected.graph;
      expect(expected).toBeDefined();
      expect([...result.nodes].sort()).toEqual([...(expected?.nodes ?? [])].sort());
      expect(directedKeys(result.directed)).toEqual(directedKeys(expected?.directed ?? []));
      expect(undirectedKeys(result.undirected)).toEqual(undirectedKeys(expected?.undirected ?? []));
    });
  }
});

describe("dagitty oracle: equivalent_dags", () => {
  const list = ofKind("equivalent_dags");
  it("has cases", () => expect(list.length).toBeGreaterThanOrEqual(3));
  for (const c of list) {
    it(title(c), () => {
      const g = toGraph(c);
      const options = c.query.max_results === undefined ? {} : { max: c.query.max_results };
      const members = markovEquivalenceClass(g, options);
      expect(members).toHaveLength(c.expected.count ?? -1);
      const keys = members.map((m) => directedKeys(m.directedEdges()).join(";"));
      expect(new Set(keys).size).toBe(members.length);
      for (const m of members) expect(isMarkovEquivalent(m, g)).toBe(true);
    });
  }
});

describe("cpdag: named graphs", () => {
  it("chain, collider, and a v-structure that compels a descendant edge (Meek R1)", () => {
    expect(
      cpdag(
        CausalGraph.from({
          directed: [
            ["A", "B"],
            ["B", "C"],
          ],
        }),
      ),
    ).toEqual({
      nodes: ["A", "B", "C"],
      directed: [],
      undirected: [
        ["A", "B"],
        ["B", "C"],
      ],
    });
    expect(
      cpdag(
        CausalGraph.from({
          directed: [
            ["A", "B"],
            ["C", "B"],
          ],
        }),
      ),
    ).toEqual({
      nodes: ["A", "B", "C"],
      directed: [
        ["A", "B"],
        ["C", "B"],
      ],
      undirected: [],
    });
    // A -> C <- B, C -> D: C -> D is compelled (else a new v-structure at C).
    expect(
      cpdag(
        CausalGraph.from({
          directed: [
            ["A", "C"],
            ["B", "C"],
            ["C", "D"],
          ],
        }),
      ),
    ).toEqual({
      nodes: ["A", "C", "B", "D"],
      directed: [
        ["A", "C"],
        ["C", "D"],
        ["B", "C"],
      ],
      undirected: [],
    });
  });

  it("a reversible edge between two v-structures, and Meek R1 + R2", () => {
    // a -> c <- b and a -> d <- b are v-structures (a, b non-adjacent), so those four edges are
    // compelled. c -> d is reversible: with d -> c, c's parents {a, b, d} and d's parents
    // {a, b} give no new unshielded collider, and the graph stays acyclic.
    const g = CausalGraph.from({
      nodes: ["a", "b", "c", "d"],
      directed: [
        ["a", "c"],
        ["b", "c"],
        ["a", "d"],
        ["b", "d"],
        ["c", "d"],
      ],
    });
    expect(cpdag(g)).toEqual({
      nodes: ["a", "b", "c", "d"],
      directed: [
        ["a", "c"],
        ["a", "d"],
        ["b", "c"],
        ["b", "d"],
      ],
      undirected: [["c", "d"]],
    });
    expect(markovEquivalenceClass(g)).toHaveLength(2);
    // a -> b <- d is a v-structure; b -> c is compelled by R1 (d -> b, d and c non-adjacent),
    // then a -> c by R2 (a -> b -> c).
    const r2 = CausalGraph.from({
      nodes: ["a", "b", "c", "d"],
      directed: [
        ["a", "b"],
        ["d", "b"],
        ["b", "c"],
        ["a", "c"],
      ],
    });
    expect(cpdag(r2)).toEqual({
      nodes: ["a", "b", "c", "d"],
      directed: [
        ["a", "b"],
        ["a", "c"],
        ["b", "c"],
        ["d", "b"],
      ],
      undirected: [],
    });
    expect(markovEquivalenceClass(r2)).toHaveLength(1);
  });

  it("members keep node order and roles; the class of a complete graph on 4 nodes has 4! members", () => {
    const g = CausalGraph.from({
      nodes: ["my var", "X_1", "__proto__", "日本"],
      directed: [
        ["my var", "X_1"],
        ["my var", "__proto__"],
        ["my var", "日本"],
        ["X_1", "__proto__"],
        ["X_1", "日本"],
        ["__proto__", "日本"],
      ],
      exposure: ["X_1"],
      outcome: ["日本"],
    });
    const members = markovEquivalenceClass(g);
    expect(members).toHaveLength(24);
    for (const m of members) {
      expect(m.nodes()).toEqual(g.nodes());
      expect(m.nodesWithRole("exposure")).toEqual(["X_1"]);
      expect(m.nodesWithRole("outcome")).toEqual(["日本"]);
      expect(m.directedSize).toBe(6);
      expect(m.isFrozen).toBe(false);
    }
    expect(markovEquivalenceClass(g, { max: 5 })).toEqual(members.slice(0, 5));
    expect(cpdag(g).undirected).toHaveLength(6);
  });

  it("the example of the TSDoc: chain members in depth-first order", () => {
    const g = CausalGraph.from({
      directed: [
        ["A", "B"],
        ["B", "C"],
      ],
    });
    expect(markovEquivalenceClass(g).map((m) => m.directedEdges())).toEqual([
      [
        ["A", "B"],
        ["B", "C"],
      ],
      [
        ["B", "A"],
        ["B", "C"],
      ],
      [
        ["B", "A"],
        ["C", "B"],
      ],
    ]);
  });

  it("latent nodes are projected out; an ADMG is rejected", () => {
    // A -> L -> B with L latent projects to A -> B.
    const g = CausalGraph.from({
      directed: [
        ["A", "L"],
        ["L", "B"],
      ],
      latent: ["L"],
    });
    expect(cpdag(g)).toEqual({ nodes: ["A", "B"], directed: [], undirected: [["A", "B"]] });
    expect(markovEquivalenceClass(g)).toHaveLength(2);
    // L -> A, L -> B with L latent projects to A <-> B.
    const confounded = CausalGraph.from({
      directed: [
        ["L", "A"],
        ["L", "B"],
      ],
      latent: ["L"],
    });
    expectInvalid(() => cpdag(confounded));
    expectInvalid(() => markovEquivalenceClass(confounded));
    const bow = CausalGraph.from({ directed: [["A", "B"]], bidirected: [["A", "B"]] });
    expectInvalid(() => cpdag(bow));
    expectInvalid(() => markovEquivalenceClass(bow));
  });

  it("rejects a bad max; does not mutate its input", () => {
    const g = CausalGraph.from({ directed: [["A", "B"]] });
    for (const max of [0, -2, 2.5, Number.NaN]) {
      expectInvalid(() => markovEquivalenceClass(g, { max }));
    }
    const before = JSON.stringify(g.toJSON());
    cpdag(g);
    markovEquivalenceClass(g);
    expect(JSON.stringify(g.toJSON())).toBe(before);
  });
});

describe("isMarkovEquivalent: named graphs", () => {
  const chain = CausalGraph.from({
    directed: [
      ["A", "B"],
      ["B", "C"],
    ],
  });
  const fork = CausalGraph.from({
    directed: [
      ["B", "A"],
      ["B", "C"],
    ],
  });
  const collider = CausalGraph.from({
    directed: [
      ["A", "B"],
      ["C", "B"],
    ],
  });
  it("chain ~ fork, not ~ collider", () => {
    expect(isMarkovEquivalent(chain, fork)).toBe(true);
    expect(isMarkovEquivalent(fork, chain)).toBe(true);
    expect(isMarkovEquivalent(chain, collider)).toBe(false);
    expect(isMarkovEquivalent(collider, collider)).toBe(true);
  });
  it("different node sets or skeletons are never equivalent; node order does not matter", () => {
    expect(isMarkovEquivalent(chain, CausalGraph.from({ directed: [["A", "B"]] }))).toBe(false);
    expect(
      isMarkovEquivalent(
        chain,
        CausalGraph.from({
          directed: [
            ["A", "B"],
            ["B", "D"],
          ],
        }),
      ),
    ).toBe(false);
    expect(
      isMarkovEquivalent(
        chain,
        CausalGraph.from({
          nodes: ["A", "B", "C"],
          directed: [
            ["A", "B"],
            ["A", "C"],
          ],
        }),
      ),
    ).toBe(false);
    const reordered = CausalGraph.from({
      nodes: ["C", "B", "A"],
      directed: [
        ["C", "B"],
        ["B", "A"],
      ],
    });
    expect(isMarkovEquivalent(chain, reordered)).toBe(true);
  });
  it("shielded colliders do not count; a v-structure reached by different parents does", () => {
    // A -> C <- B with A -> B (shielded) ~ any orientation of the triangle.
    const shielded = CausalGraph.from({
      directed: [
        ["A", "C"],
        ["B", "C"],
        ["A", "B"],
      ],
    });
    const other = CausalGraph.from({
      directed: [
        ["C", "A"],
        ["C", "B"],
        ["B", "A"],
      ],
    });
    expect(isMarkovEquivalent(shielded, other)).toBe(true);
  });
  it("latent nodes: compared through the projection; ADMGs rejected", () => {
    const viaLatent = CausalGraph.from({
      directed: [
        ["A", "L"],
        ["L", "B"],
      ],
      latent: ["L"],
    });
    expect(isMarkovEquivalent(viaLatent, CausalGraph.from({ directed: [["B", "A"]] }))).toBe(true);
    const confounded = CausalGraph.from({
      directed: [
        ["L", "A"],
        ["L", "B"],
      ],
      latent: ["L"],
    });
    expectInvalid(() => isMarkovEquivalent(confounded, chain));
    expectInvalid(() => isMarkovEquivalent(chain, confounded));
  });
  it("odd node names", () => {
    const a = CausalGraph.from({
      directed: [
        ["__proto__", "my var"],
        ["my var", "X_1"],
      ],
    });
    const b = CausalGraph.from({
      directed: [
        ["X_1", "my var"],
        ["my var", "__proto__"],
      ],
    });
    const c = CausalGraph.from({
      directed: [
        ["__proto__", "my var"],
        ["X_1", "my var"],
      ],
    });
    expect(isMarkovEquivalent(a, b)).toBe(true);
    expect(isMarkovEquivalent(a, c)).toBe(false);
  });
});
