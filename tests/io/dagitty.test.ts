import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CycleError, InvalidArgumentError } from "../../src/errors.js";
import { CausalGraph, type CausalGraphJson } from "../../src/graph/causal-graph.js";
import { formatDagitty, parseDagitty } from "../../src/io/dagitty.js";
import { parseErrorOf } from "../helpers/errors.js";

const at = (line: number, column: number) => ({ format: "dagitty", code: "E_PARSE", line, column });
const json = (text: string, options?: { projectLatent?: boolean }): CausalGraphJson =>
  parseDagitty(text, options).toJSON();

describe("parseDagitty: statements", () => {
  it("reads the example of the issue", () => {
    expect(json("dag { A -> B ; A <-> C ; X [exposure] ; Y [outcome] ; U [latent] }")).toEqual({
      nodes: ["A", "B", "C", "X", "Y", "U"],
      directed: [["A", "B"]],
      bidirected: [["A", "C"]],
      latent: ["U"],
      exposure: ["X"],
      outcome: ["Y"],
    });
  });

  it("separates statements by whitespace, newlines or ';'", () => {
    const expected = {
      nodes: ["A", "B", "C"],
      directed: [
        ["A", "B"],
        ["B", "C"],
      ],
      bidirected: [],
    };
    expect(json("dag { A -> B B -> C }")).toEqual(expected);
    expect(json("dag {\nA -> B\nB -> C\n}")).toEqual(expected);
    expect(json("dag{A->B;B->C;}")).toEqual(expected);
    expect(json("dag { ;; A -> B ;; B -> C ;; } ;")).toEqual(expected);
    // An edge may continue on the next line.
    expect(json("dag {\nA\n->\nB\nB -> C }")).toEqual(expected);
  });

  it("accepts no header, bare braces, a graph name, strict, digraph and any case", () => {
    const expected = { nodes: ["X", "Y"], directed: [["X", "Y"]], bidirected: [] };
    for (const text of [
      "X -> Y",
      "{ X -> Y }",
      "dag G { X -> Y }",
      "strict dag { X -> Y }",
      "digraph { X -> Y }",
      "DAG { X -> Y }",
      "  \n dag\n{\nX -> Y\n}\n\n",
    ]) {
      expect(json(text), text).toEqual(expected);
    }
    expect(json("")).toEqual({ nodes: [], directed: [], bidirected: [] });
    expect(json("dag {}")).toEqual({ nodes: [], directed: [], bidirected: [] });
  });

  it("reads a node named like a graph type when no header follows", () => {
    expect(json("dag -> pdag\nstrict -> mag")).toEqual({
      nodes: ["dag", "pdag", "strict", "mag"],
      directed: [
        ["dag", "pdag"],
        ["strict", "mag"],
      ],
      bidirected: [],
    });
  });

  it("reads chains, mixed chains and reversed arrows", () => {
    expect(json("dag { a -> b -> c }").directed).toEqual([
      ["a", "b"],
      ["b", "c"],
    ]);
    expect(json("dag { a -> b <- c }").directed).toEqual([
      ["a", "b"],
      ["c", "b"],
    ]);
    expect(json("dag { a <- b <-> c -> d }")).toEqual({
      nodes: ["a", "b", "c", "d"],
      directed: [
        ["b", "a"],
        ["c", "d"],
      ],
      bidirected: [["b", "c"]],
    });
  });

  it("reads groups on either side, nested groups and statements inside groups", () => {
    expect(json("dag { a -> {b c} }").directed).toEqual([
      ["a", "b"],
      ["a", "c"],
    ]);
    expect(json("dag { {a b} -> c }").directed).toEqual([
      ["a", "c"],
      ["b", "c"],
    ]);
    expect(json("dag { {a b} -> {c d} }").directed).toEqual([
      ["a", "c"],
      ["a", "d"],
      ["b", "c"],
      ["b", "d"],
    ]);
    expect(json("dag { {a {b c}} -> d }").directed).toEqual([
      ["a", "d"],
      ["b", "d"],
      ["c", "d"],
    ]);
    expect(json("dag { {a -> b} -> c }").directed).toEqual([
      ["a", "b"],
      ["a", "c"],
      ["b", "c"],
    ]);
    expect(json("dag { U <- {X V}; S1 <- U; {Y V} -> W -> S2 }")).toEqual({
      nodes: ["U", "X", "V", "S1", "Y", "W", "S2"],
      directed: [
        ["X", "U"],
        ["V", "U"],
        ["U", "S1"],
        ["Y", "W"],
        ["V", "W"],
        ["W", "S2"],
      ],
      bidirected: [],
    });
    expect(json("dag { {X [exposure] Y} -> Z {} }")).toEqual({
      nodes: ["X", "Y", "Z"],
      directed: [
        ["X", "Z"],
        ["Y", "Z"],
      ],
      bidirected: [],
      exposure: ["X"],
    });
    expect(json("dag { a <-> {b c} }").bidirected).toEqual([
      ["a", "b"],
      ["a", "c"],
    ]);
  });

  it("reads equivalent group spellings to the same edges", () => {
    // Four spellings of one DAG, from the test suite of StructuralCausalModels.jl
    // (test/test_dagitty_conversion.jl), which states that they describe the same graph.
    const texts = [
      "dag { {X V} -> U; S1 <- U; {Y V} -> W; W -> S2}",
      "dag { U <- {X V}; S1 <- U; {Y V} -> W; S2 <- W}",
      "dag { S1 <- U <- {X V}; {Y V} -> W -> S2}",
      "dag { S1 <- U; U <- X; U <- V; Y -> W; V -> W -> S2}",
    ];
    const edgeSet = (t: string) => new Set(json(t).directed.map((e) => e.join(" -> ")));
    const expected = new Set(["X -> U", "V -> U", "U -> S1", "Y -> W", "V -> W", "W -> S2"]);
    for (const t of texts) expect(edgeSet(t), t).toEqual(expected);
  });

  it("reads a dagitty.net export with bounding box and positions", () => {
    const text = `dag {
bb="-3.5,-3.3,3.5,3.3"
A [pos="-2.2,-1.5"]
"birth weight" [outcome,pos="1.4,1.6"]
E [exposure,pos="-2.2,1.6"]
U [latent,pos="0,-2"]
A -> E
A -> "birth weight" [pos="-0.3,-0.1"]
E -> "birth weight"
U -> A
U -> E
}
`;
    expect(json(text)).toEqual({
      nodes: ["A", "birth weight", "E", "U"],
      directed: [
        ["A", "E"],
        ["A", "birth weight"],
        ["E", "birth weight"],
        ["U", "A"],
        ["U", "E"],
      ],
      bidirected: [],
      latent: ["U"],
      exposure: ["E"],
      outcome: ["birth weight"],
    });
    expect(json(text, { projectLatent: true })).toEqual({
      nodes: ["A", "birth weight", "E"],
      directed: [
        ["A", "E"],
        ["A", "birth weight"],
        ["E", "birth weight"],
      ],
      bidirected: [["A", "E"]],
      exposure: ["E"],
      outcome: ["birth weight"],
    });
  });

  it("adds nodes in order of first mention and merges duplicate edges", () => {
    expect(json("dag { Z\nY -> X\nW [outcome]\nX -> Z\nY -> X\nX <-> Y\nY <-> X }")).toEqual({
      nodes: ["Z", "Y", "X", "W"],
      directed: [
        ["Y", "X"],
        ["X", "Z"],
      ],
      bidirected: [["Y", "X"]],
      outcome: ["W"],
    });
  });

  it("keeps a directed and a bidirected edge between the same nodes (a bow)", () => {
    const g = parseDagitty("dag { X -> Y X <-> Y }");
    expect(g.hasEdge("X", "Y")).toBe(true);
    expect(g.hasBidirectedEdge("X", "Y")).toBe(true);
  });
});

describe("parseDagitty: names", () => {
  it("reads quoted names with escapes, bare unicode words and numerals", () => {
    expect(json('dag { "my var" -> "X_1" -> X_2 }')).toEqual({
      nodes: ["my var", "X_1", "X_2"],
      directed: [
        ["my var", "X_1"],
        ["X_1", "X_2"],
      ],
      bidirected: [],
    });
    expect(json('dag { "say \\"hi\\"" -> "back\\\\slash" }').nodes).toEqual([
      'say "hi"',
      "back\\slash",
    ]);
    // A backslash before any other character is kept, as in dagitty.
    expect(json('dag { "a\\nb" -> "c\\d" }').nodes).toEqual(["a\\nb", "c\\d"]);
    expect(json('dag { "__proto__" -> "constructor" -> toString }').nodes).toEqual([
      "__proto__",
      "constructor",
      "toString",
    ]);
    expect(json("dag { é -> 日本 -> x.1 -> 2.5 -> -3 }").nodes).toEqual([
      "é",
      "日本",
      "x.1",
      "2.5",
      "-3",
    ]);
    expect(json('dag { "" -> "a -> b; {c}" }').nodes).toEqual(["", "a -> b; {c}"]);
  });

  it("joins strings with + and lines after a backslash", () => {
    expect(json('dag { "ab" + "cd" -> "e\\\nf" }').nodes).toEqual(["abcd", "ef"]);
    expect(json('dag { "two\nlines" }').nodes).toEqual(["two\nlines"]);
  });

  it("reads quoted reserved words as names", () => {
    expect(json('dag { "graph" -> "node" }').nodes).toEqual(["graph", "node"]);
    // A quoted "dag" is a node, not a header; the braces that follow are a group.
    expect(json('"dag" { X -> Y }').nodes).toEqual(["dag", "X", "Y"]);
  });
});

describe("parseDagitty: attributes and comments", () => {
  it("reads roles, their short forms and synonyms", () => {
    expect(
      json(
        "dag { A [exposure] B [e] C [source] D [outcome] E [o] F [target] G [latent] H [l] I [u] J [unobserved] K [adjusted] L [a] }",
      ),
    ).toEqual({
      nodes: ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"],
      directed: [],
      bidirected: [],
      latent: ["G", "H", "I", "J"],
      exposure: ["A", "B", "C"],
      outcome: ["D", "E", "F"],
      adjusted: ["K", "L"],
    });
  });

  it("reads several roles and ignores other attributes", () => {
    expect(
      json(
        'dag { bb="0,0,1,1"\nX [exposure,pos="1,2"]\nX [adjusted; label="the X"]\nY [outcome, beta=0.5, flag] Z [] X -> Y [pos="0.5,0.5"] }',
      ),
    ).toEqual({
      nodes: ["X", "Y", "Z"],
      directed: [["X", "Y"]],
      bidirected: [],
      exposure: ["X"],
      outcome: ["Y"],
      adjusted: ["X"],
    });
  });

  it("skips // comments, block comments and # lines", () => {
    const text = [
      "# generated",
      "dag { // the graph",
      "  A -> /* inline */ B",
      "  /* a",
      "     multi-line comment */ B -> C",
      "  # another",
      "}",
    ].join("\n");
    expect(json(text)).toEqual({
      nodes: ["A", "B", "C"],
      directed: [
        ["A", "B"],
        ["B", "C"],
      ],
      bidirected: [],
    });
  });
});

describe("parseDagitty: latent projection", () => {
  it("keeps latent nodes by default", () => {
    expect(json("dag { U [latent] U -> X U -> Y X -> Y }")).toEqual({
      nodes: ["U", "X", "Y"],
      directed: [
        ["U", "X"],
        ["U", "Y"],
        ["X", "Y"],
      ],
      bidirected: [],
      latent: ["U"],
    });
  });

  it("projects a latent common cause to a bidirected edge", () => {
    expect(
      json("dag { U [latent] U -> X U -> Y X -> Y X [exposure] }", { projectLatent: true }),
    ).toEqual({
      nodes: ["X", "Y"],
      directed: [["X", "Y"]],
      bidirected: [["X", "Y"]],
      exposure: ["X"],
    });
  });

  it("projects directed paths, latent chains and bidirected edges into latent nodes", () => {
    // X -> L -> Y: a directed path through a latent node.
    expect(json("dag { L [latent] X -> L -> Y }", { projectLatent: true })).toEqual({
      nodes: ["X", "Y"],
      directed: [["X", "Y"]],
      bidirected: [],
    });
    // a <- L1 <- L2 -> b.
    expect(
      json("dag { L1 [latent] L2 [latent] a <- L1 <- L2 -> b }", { projectLatent: true }),
    ).toEqual({ nodes: ["a", "b"], directed: [], bidirected: [["a", "b"]] });
    // a <-> L -> b.
    expect(json("dag { L [latent] a <-> L -> b }", { projectLatent: true })).toEqual({
      nodes: ["a", "b"],
      directed: [],
      bidirected: [["a", "b"]],
    });
    // A collider a -> L <- b induces nothing.
    expect(json("dag { L [latent] a -> L <- b }", { projectLatent: true })).toEqual({
      nodes: ["a", "b"],
      directed: [],
      bidirected: [],
    });
  });

  it("agrees with a brute-force path search on random graphs", () => {
    fc.assert(
      fc.property(randomGraph(7, true), (g) => {
        const projected = parseDagitty(formatDagitty(g), { projectLatent: true }).toJSON();
        const expected = bruteForceProjection(g);
        expect(projected.nodes).toEqual(expected.nodes);
        expect(new Set(projected.directed.map((e) => JSON.stringify(e)))).toEqual(
          new Set(expected.directed.map((e) => JSON.stringify(e))),
        );
        expect(new Set(projected.bidirected.map((e) => JSON.stringify(e)))).toEqual(
          new Set(expected.bidirected.map((e) => JSON.stringify(e))),
        );
        expect(projected.latent).toBeUndefined();
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("parseDagitty: errors", () => {
  it("rejects graph types whose edges cannot be represented", () => {
    for (const type of ["pdag", "mag", "pag", "graph", "PDAG"]) {
      expect(parseErrorOf(() => parseDagitty(`${type} { A -> B }`))).toEqual(at(1, 1));
    }
    expect(parseErrorOf(() => parseDagitty("\n  strict mag G {}"))).toEqual(at(2, 10));
  });

  it("rejects undirected and partially directed edges at the operator", () => {
    expect(parseErrorOf(() => parseDagitty("dag {\n  A -> B\n  B -- C\n}"))).toEqual(at(3, 5));
    for (const op of ["@->", "<-@", "--@", "@--", "@-@"]) {
      expect(parseErrorOf(() => parseDagitty(`dag { A ${op} B }`))).toEqual(at(1, 9));
    }
  });

  it("counts lines for \\r\\n, \\r and \\n, and columns in UTF-16 units", () => {
    expect(parseErrorOf(() => parseDagitty("dag {\r\n A -> B\r\n B -- C\r\n}"))).toEqual(at(3, 4));
    expect(parseErrorOf(() => parseDagitty("dag {\r A -> B\r\tB -- C\r}"))).toEqual(at(3, 4));
    expect(parseErrorOf(() => parseDagitty('dag { "a\nb" -> c\n  d -- e }'))).toEqual(at(3, 5));
    expect(parseErrorOf(() => parseDagitty("dag { 日本 -- X }"))).toEqual(at(1, 10));
  });

  it("reports unterminated strings and comments at their start", () => {
    expect(parseErrorOf(() => parseDagitty('dag {\n  "abc\n}'))).toEqual(at(2, 3));
    expect(parseErrorOf(() => parseDagitty("dag {\n A /* never closed\n}"))).toEqual(at(2, 4));
    expect(parseErrorOf(() => parseDagitty('dag { "a" + B }'))).toEqual(at(1, 13));
  });

  it("reports missing and unexpected tokens", () => {
    expect(parseErrorOf(() => parseDagitty("dag { A -> B"))).toEqual(at(1, 13));
    expect(parseErrorOf(() => parseDagitty("dag { A -> }"))).toEqual(at(1, 12));
    expect(parseErrorOf(() => parseDagitty("dag { A -> B ! }"))).toEqual(at(1, 14));
    expect(parseErrorOf(() => parseDagitty("dag { A -> B } X"))).toEqual(at(1, 16));
    expect(parseErrorOf(() => parseDagitty("A -> B }"))).toEqual(at(1, 8));
    expect(parseErrorOf(() => parseDagitty("dag { A [exposure"))).toEqual(at(1, 18));
    expect(parseErrorOf(() => parseDagitty("dag { A [pos=] }"))).toEqual(at(1, 14));
    expect(parseErrorOf(() => parseDagitty("dag { A : B }"))).toEqual(at(1, 9));
  });

  it("rejects selection nodes, valued roles, attributes on groups and reserved words", () => {
    expect(parseErrorOf(() => parseDagitty("dag {\nX [exposure, selected]\n}"))).toEqual(at(2, 14));
    expect(parseErrorOf(() => parseDagitty("dag { X [s] }"))).toEqual(at(1, 10));
    expect(parseErrorOf(() => parseDagitty("dag { X [latent=false] }"))).toEqual(at(1, 17));
    expect(parseErrorOf(() => parseDagitty("dag { {X Y} [latent] }"))).toEqual(at(1, 13));
    expect(parseErrorOf(() => parseDagitty("dag { A -> graph }"))).toEqual(at(1, 12));
    expect(parseErrorOf(() => parseDagitty("dag { node [shape=box] }"))).toEqual(at(1, 7));
  });

  it("rejects self-loops at the operator, also through groups", () => {
    expect(parseErrorOf(() => parseDagitty("dag { A -> A }"))).toEqual(at(1, 9));
    expect(parseErrorOf(() => parseDagitty("dag { {A B} <-> {C A} }"))).toEqual(at(1, 13));
  });

  it("throws CycleError for a directed cycle", () => {
    try {
      parseDagitty("dag {\n A -> B\n B -> C\n C -> A\n}");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CycleError);
      expect((e as CycleError).code).toBe("E_CYCLE");
      const cycle = (e as CycleError).cycle;
      expect(cycle[0]).toBe(cycle[cycle.length - 1]);
      expect(new Set(cycle)).toEqual(new Set(["A", "B", "C"]));
      expect(cycle).toHaveLength(4);
    }
  });
});

describe("parseDagitty: arguments", () => {
  it("rejects a text that is not a string and a non-boolean projectLatent", () => {
    for (const bad of [undefined, null, 42, ["dag {}"]]) {
      expect(() => parseDagitty(bad as unknown as string)).toThrow(InvalidArgumentError);
    }
    expect(() => parseDagitty("dag {}", { projectLatent: "yes" as unknown as boolean })).toThrow(
      InvalidArgumentError,
    );
  });
});

describe("formatDagitty", () => {
  it("writes nodes with roles, then directed and bidirected edges", () => {
    const g = CausalGraph.from({
      nodes: ["X", "my var", "Y", "U", "__proto__", "graph", 'q"\\'],
      directed: [
        ["X", "Y"],
        ["my var", "Y"],
        ["U", "X"],
      ],
      bidirected: [["X", "__proto__"]],
      latent: ["U"],
      exposure: ["X"],
      outcome: ["Y"],
      adjusted: ["X"],
    });
    expect(formatDagitty(g)).toBe(
      [
        "dag {",
        "X [exposure,adjusted]",
        '"my var"',
        "Y [outcome]",
        "U [latent]",
        "__proto__",
        '"graph"',
        '"q\\"\\\\"',
        "X -> Y",
        '"my var" -> Y',
        "U -> X",
        "X <-> __proto__",
        "}",
        "",
      ].join("\n"),
    );
    expect(parseDagitty(formatDagitty(g)).toJSON()).toEqual(g.toJSON());
  });

  it("writes an empty graph", () => {
    expect(formatDagitty(new CausalGraph())).toBe("dag {\n}\n");
  });

  it("round-trips random graphs with odd names exactly", () => {
    fc.assert(
      fc.property(randomGraph(8, false), (g) => {
        expect(parseDagitty(formatDagitty(g)).toJSON()).toEqual(g.toJSON());
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random graphs with odd names, and an independent brute-force latent projection.

const ODD_NAMES = [
  "my var",
  "X_1",
  'say "hi"',
  "back\\slash",
  "trailing\\",
  '\\"',
  "__proto__",
  "constructor",
  "toString",
  "->",
  "<->",
  ";",
  "{",
  "}",
  "[latent]",
  "dag",
  "graph",
  "node",
  "strict",
  "DAG",
  "-1",
  "2.5",
  ".",
  "",
  " ",
  "a\nb",
  "tab\there",
  "cr\r\nlf",
  "#hash",
  "// c",
  "/* c */",
  "+",
  "é",
  "日本語",
  "😀",
  "a=b",
  "x,y",
];

const nameArb = fc.oneof(
  fc.constantFrom(...ODD_NAMES),
  fc.string({ unit: "binary", maxLength: 5 }),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,4}$/),
);

/**
 * Random graph over up to `maxNodes` odd names: directed edges follow a random order (so the
 * graph is acyclic but edges do not follow node order), random bidirected edges and roles.
 */
function randomGraph(maxNodes: number, withLatent: boolean): fc.Arbitrary<CausalGraph> {
  return fc
    .uniqueArray(nameArb, { minLength: withLatent ? 4 : 0, maxLength: maxNodes })
    .chain((names) => {
      const n = names.length;
      const index = fc.nat({ max: Math.max(0, n - 1) });
      return fc.record({
        names: fc.constant(names),
        rank: fc.shuffledSubarray(
          names.map((_, i) => i),
          { minLength: n, maxLength: n },
        ),
        directed: fc.array(fc.tuple(index, index), {
          minLength: withLatent ? n : 0,
          maxLength: n * (withLatent ? 3 : 2),
        }),
        bidirected: fc.array(fc.tuple(index, index), { maxLength: n }),
        roles: fc.array(
          fc.record({
            latent: fc.boolean(),
            exposure: fc.boolean(),
            outcome: fc.boolean(),
            adjusted: fc.boolean(),
          }),
          { minLength: n, maxLength: n },
        ),
      });
    })
    .map(({ names, rank, directed, bidirected, roles }) => {
      const position = new Map(rank.map((v, i) => [v, i]));
      const g = new CausalGraph();
      for (const v of names) g.addNode(v);
      for (const [i, j] of directed) {
        if (i === j || names.length === 0) continue;
        const [a, b] = (position.get(i) ?? 0) < (position.get(j) ?? 0) ? [i, j] : [j, i];
        g.addEdge(names[a] as string, names[b] as string);
      }
      for (const [i, j] of bidirected) {
        if (i !== j && names.length > 0)
          g.addBidirectedEdge(names[i] as string, names[j] as string);
      }
      names.forEach((v, i) => {
        const r = roles[i];
        if (r === undefined) return;
        g.setRoles(v, {
          latent: withLatent ? r.latent : r.latent && r.outcome,
          exposure: r.exposure && r.adjusted,
          outcome: r.outcome && !r.latent,
          adjusted: r.adjusted && r.latent,
        });
      });
      return g;
    });
}

/**
 * The latent projection by enumerating every simple path between two observed nodes whose
 * intermediate nodes are latent (Verma & Pearl 1990): `a -> b` iff some such path is directed
 * from a to b; `a <-> b` iff some such path has arrowheads at both ends and no collider.
 */
function bruteForceProjection(g: CausalGraph): CausalGraphJson {
  const nodes = g.nodes();
  const latent = new Set(g.nodesWithRole("latent"));
  const observed = nodes.filter((v) => !latent.has(v));
  // Edges as (neighbour, mark at this end, mark at the neighbour end); "t" tail, ">" head.
  type Step = { to: string; here: "t" | ">"; there: "t" | ">" };
  const steps = new Map<string, Step[]>(nodes.map((v) => [v, []]));
  for (const [a, b] of g.directedEdges()) {
    steps.get(a)?.push({ to: b, here: "t", there: ">" });
    steps.get(b)?.push({ to: a, here: ">", there: "t" });
  }
  for (const [a, b] of g.bidirectedEdges()) {
    steps.get(a)?.push({ to: b, here: ">", there: ">" });
    steps.get(b)?.push({ to: a, here: ">", there: ">" });
  }
  const directed: [string, string][] = [];
  const bidirected: [string, string][] = [];
  for (const a of observed) {
    for (const b of observed) {
      if (a === b) continue;
      let isDirected = false;
      let isBidirected = false;
      // Depth-first over simple paths a ... b with latent intermediates.
      const walk = (v: string, visited: Set<string>, marks: ("t" | ">")[]): void => {
        for (const s of steps.get(v) ?? []) {
          if (visited.has(s.to)) continue;
          const m = [...marks, s.here, s.there];
          if (s.to === b) {
            // marks: [a-end, v1-in, v1-out, v2-in, ..., b-end] in pairs per edge.
            const colliderFree = noCollider(m);
            const allForward = m.every((x, k) => (k % 2 === 0 ? x === "t" : x === ">"));
            if (allForward) isDirected = true;
            if (colliderFree && m[0] === ">" && m[m.length - 1] === ">") isBidirected = true;
            continue;
          }
          if (!latent.has(s.to)) continue;
          visited.add(s.to);
          walk(s.to, visited, m);
          visited.delete(s.to);
        }
      };
      walk(a, new Set([a]), []);
      if (isDirected) directed.push([a, b]);
      if (isBidirected && nodes.indexOf(a) < nodes.indexOf(b)) bidirected.push([a, b]);
    }
  }
  return { nodes: observed, directed, bidirected };
}

/** Whether no intermediate node of a path (given its edge-end marks in pairs) is a collider. */
function noCollider(marks: readonly ("t" | ">")[]): boolean {
  // Edge k has marks [2k] (near end) and [2k+1] (far end); node k+1 sits between edge k's far
  // end and edge k+1's near end.
  for (let k = 1; k + 1 < marks.length; k += 2) {
    if (marks[k] === ">" && marks[k + 1] === ">") return false;
  }
  return true;
}
