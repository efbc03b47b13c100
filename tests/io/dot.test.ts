import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CycleError, InvalidArgumentError } from "../../src/errors.js";
import { CausalGraph, type CausalGraphJson } from "../../src/graph/causal-graph.js";
import { formatDot, parseDot } from "../../src/io/dot.js";
import { parseErrorOf } from "../helpers/errors.js";

const at = (line: number, column: number) => ({ format: "dot", code: "E_PARSE", line, column });
const json = (text: string): CausalGraphJson => parseDot(text).toJSON();

describe("parseDot", () => {
  it("reads nodes, chains, bidirected edges and roles", () => {
    const text = `digraph G {
  "X" [exposure=true, label="treatment"];
  Y [outcome="true"]
  U [latent=1, style=dashed];
  U -> X -> Y;
  Z -> Y [dir=both, style=dashed]
  W -> Y [dir="both"];
  V -> Y [dir=forward]
}`;
    expect(json(text)).toEqual({
      nodes: ["X", "Y", "U", "Z", "W", "V"],
      directed: [
        ["U", "X"],
        ["X", "Y"],
        ["V", "Y"],
      ],
      bidirected: [
        ["Y", "Z"],
        ["Y", "W"],
      ],
      latent: ["U"],
      exposure: ["X"],
      outcome: ["Y"],
    });
  });

  it("accepts strict, keywords in any case, no name, numeral and quoted names", () => {
    expect(json('STRICT DiGraph { -1.5 -> .5 -> 2 -> "my var" -> "日本" -> é }').nodes).toEqual([
      "-1.5",
      ".5",
      "2",
      "my var",
      "日本",
      "é",
    ]);
    expect(json("digraph {}")).toEqual({ nodes: [], directed: [], bidirected: [] });
    expect(json('digraph "my graph" { a }').nodes).toEqual(["a"]);
  });

  it("unescapes quoted IDs, joins + concatenations and backslash-newlines", () => {
    expect(
      json('digraph { "say \\"hi\\"" -> "back\\\\slash"; "a\\nb"; "ab" + "cd"; "e\\\nf" }').nodes,
    ).toEqual(['say "hi"', "back\\slash", "a\\nb", "abcd", "ef"]);
    expect(json('digraph { "__proto__" -> "constructor" -> "node" }').nodes).toEqual([
      "__proto__",
      "constructor",
      "node",
    ]);
  });

  it("reads subgraphs as edge operands", () => {
    expect(
      json("digraph { {a b} -> c; d -> subgraph s { e f }; subgraph { g -> h } -> i }"),
    ).toEqual({
      nodes: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
      directed: [
        ["a", "c"],
        ["b", "c"],
        ["d", "e"],
        ["d", "f"],
        ["g", "h"],
        ["g", "i"],
        ["h", "i"],
      ],
      bidirected: [],
    });
  });

  it("applies node and edge defaults to later objects, scoped to subgraphs", () => {
    const text = `digraph {
  a -> b;
  edge [dir=both];
  node [latent=true];
  c -> d;
  subgraph cluster_0 {
    edge [dir=forward];
    node [latent=false, exposure=true];
    e -> f;
    a -> g
  }
  h -> i;
  i [latent=false]
}`;
    expect(json(text)).toEqual({
      nodes: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
      directed: [
        ["a", "b"],
        ["e", "f"],
        ["a", "g"],
      ],
      bidirected: [
        ["c", "d"],
        ["h", "i"],
      ],
      latent: ["c", "d", "h"],
      exposure: ["e", "f", "g"],
    });
  });

  it("ignores graph attributes, ports and other attributes; reads several lists", () => {
    expect(
      json(
        "digraph { rankdir=LR; graph [splines=true]; a:p1 -> b:p2:n [color=red][dir=both; weight=2] c [shape=box, exposure=true] [adjusted=true] }",
      ),
    ).toEqual({
      nodes: ["a", "b", "c"],
      directed: [],
      bidirected: [["a", "b"]],
      exposure: ["c"],
      adjusted: ["c"],
    });
  });

  it("skips comments and # lines", () => {
    const text = [
      "# from cpp",
      "digraph { // a comment",
      "  a -> /* inline */ b",
      "  # preprocessor line",
      "  /* block",
      "     comment */ b -> c",
      "}",
    ].join("\n");
    expect(json(text).directed).toEqual([
      ["a", "b"],
      ["b", "c"],
    ]);
  });

  it("keeps repeated edges apart in a plain digraph and merges them in a strict one", () => {
    expect(json("digraph { a -> b; a -> b [dir=both]; a -> b }")).toEqual({
      nodes: ["a", "b"],
      directed: [["a", "b"]],
      bidirected: [["a", "b"]],
    });
    expect(json("strict digraph { a -> b; a -> b [dir=both]; a -> b }")).toEqual({
      nodes: ["a", "b"],
      directed: [],
      bidirected: [["a", "b"]],
    });
    expect(json("strict digraph { edge [dir=both] a -> b; edge [dir=forward] a -> b }")).toEqual({
      nodes: ["a", "b"],
      directed: [],
      bidirected: [["a", "b"]],
    });
  });

  it("throws CycleError for a directed cycle", () => {
    expect(() => parseDot("digraph { a -> b -> c -> a }")).toThrow(CycleError);
  });

  it("rejects a text that is not a string", () => {
    for (const bad of [undefined, null, 42, {}]) {
      expect(() => parseDot(bad as unknown as string)).toThrow(InvalidArgumentError);
    }
  });
});

describe("parseDot: errors", () => {
  it("rejects undirected graphs and edges", () => {
    expect(parseErrorOf(() => parseDot("graph { a -- b }"))).toEqual(at(1, 1));
    expect(parseErrorOf(() => parseDot("strict graph { }"))).toEqual(at(1, 8));
    expect(parseErrorOf(() => parseDot("digraph {\n  a -> b\n  b -- c\n}"))).toEqual(at(3, 5));
  });

  it("rejects a missing header, missing braces and trailing text", () => {
    expect(parseErrorOf(() => parseDot(""))).toEqual(at(1, 1));
    expect(parseErrorOf(() => parseDot("a -> b"))).toEqual(at(1, 1));
    expect(parseErrorOf(() => parseDot("dag { a -> b }"))).toEqual(at(1, 1));
    expect(parseErrorOf(() => parseDot("digraph a -> b"))).toEqual(at(1, 11));
    expect(parseErrorOf(() => parseDot("digraph { a -> b"))).toEqual(at(1, 17));
    expect(parseErrorOf(() => parseDot("digraph { } digraph { }"))).toEqual(at(1, 13));
  });

  it("rejects ambiguous directions and bad role values at the value", () => {
    expect(parseErrorOf(() => parseDot("digraph { a -> b [dir=back] }"))).toEqual(at(1, 23));
    expect(parseErrorOf(() => parseDot("digraph {\nedge [dir=none]\n}"))).toEqual(at(2, 11));
    expect(parseErrorOf(() => parseDot("digraph { a -> b [dir=sideways] }"))).toEqual(at(1, 23));
    expect(parseErrorOf(() => parseDot("digraph { a [latent=maybe] }"))).toEqual(at(1, 21));
    expect(parseErrorOf(() => parseDot("digraph { a -> b [dir] }"))).toEqual(at(1, 19));
  });

  it("rejects HTML IDs, keywords as IDs, bad numerals and stray characters", () => {
    expect(parseErrorOf(() => parseDot("digraph { <b>x</b> -> a }"))).toEqual(at(1, 11));
    expect(parseErrorOf(() => parseDot("digraph { a -> node }"))).toEqual(at(1, 16));
    expect(parseErrorOf(() => parseDot("digraph { node -> a }"))).toEqual(at(1, 16));
    expect(parseErrorOf(() => parseDot("digraph { a -> 1abc }"))).toEqual(at(1, 17));
    expect(parseErrorOf(() => parseDot("digraph { a -> 1.2.3 }"))).toEqual(at(1, 19));
    expect(parseErrorOf(() => parseDot("digraph { a <- b }"))).toEqual(at(1, 13));
    expect(parseErrorOf(() => parseDot("digraph { a <-> b }"))).toEqual(at(1, 13));
  });

  it("rejects attributes on subgraphs, reopened subgraphs, self-loops, unterminated strings", () => {
    expect(parseErrorOf(() => parseDot("digraph { {a b} [latent=true] }"))).toEqual(at(1, 17));
    expect(parseErrorOf(() => parseDot("digraph { subgraph s {a}\n subgraph s {b} }"))).toEqual(
      at(2, 11),
    );
    expect(parseErrorOf(() => parseDot("digraph { a -> a }"))).toEqual(at(1, 13));
    expect(parseErrorOf(() => parseDot('digraph {\n\t"a -> b\n}'))).toEqual(at(2, 2));
  });
});

describe("formatDot", () => {
  it("writes nodes with roles, directed and bidirected edges, quoting every ID", () => {
    const g = CausalGraph.from({
      nodes: ["X", "my var", 'q"\\', "U"],
      directed: [
        ["X", "my var"],
        ["U", "X"],
      ],
      bidirected: [["X", 'q"\\']],
      latent: ["U"],
      exposure: ["X"],
      outcome: ["my var"],
      adjusted: ["X"],
    });
    expect(formatDot(g)).toBe(
      [
        "digraph {",
        '  "X" [exposure=true, adjusted=true];',
        '  "my var" [outcome=true];',
        '  "q\\"\\\\";',
        '  "U" [latent=true, style=dashed];',
        '  "X" -> "my var";',
        '  "U" -> "X";',
        '  "X" -> "q\\"\\\\" [dir=both, style=dashed];',
        "}",
        "",
      ].join("\n"),
    );
    expect(parseDot(formatDot(g)).toJSON()).toEqual(g.toJSON());
  });

  it("writes an empty graph", () => {
    expect(formatDot(new CausalGraph())).toBe("digraph {\n}\n");
  });

  it("round-trips random graphs with odd names exactly", () => {
    fc.assert(
      fc.property(randomGraph(8), (g) => {
        expect(parseDot(formatDot(g)).toJSON()).toEqual(g.toJSON());
      }),
      { seed: 42, numRuns: 400 },
    );
  });
});

const ODD_NAMES = [
  "my var",
  'say "hi"',
  "back\\slash",
  "trailing\\",
  '\\"',
  "__proto__",
  "constructor",
  "->",
  "--",
  ";",
  "{",
  "]",
  "node",
  "edge",
  "digraph",
  "-1",
  "2.5",
  "",
  "a\nb",
  "cr\r\nlf",
  "#hash",
  "// c",
  "/* c */",
  "<b>",
  "+",
  "日本語",
  "😀",
  "a=b",
];

const nameArb = fc.oneof(
  fc.constantFrom(...ODD_NAMES),
  fc.string({ unit: "binary", maxLength: 5 }),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,4}$/),
);

function randomGraph(maxNodes: number): fc.Arbitrary<CausalGraph> {
  return fc
    .uniqueArray(nameArb, { maxLength: maxNodes })
    .chain((names) => {
      const n = names.length;
      const index = fc.nat({ max: Math.max(0, n - 1) });
      return fc.record({
        names: fc.constant(names),
        rank: fc.shuffledSubarray(
          names.map((_, i) => i),
          { minLength: n, maxLength: n },
        ),
        directed: fc.array(fc.tuple(index, index), { maxLength: n * 2 }),
        bidirected: fc.array(fc.tuple(index, index), { maxLength: n }),
        roles: fc.array(fc.nat({ max: 15 }), { minLength: n, maxLength: n }),
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
        const bits = roles[i] ?? 0;
        g.setRoles(v, {
          latent: (bits & 1) !== 0,
          exposure: (bits & 2) !== 0,
          outcome: (bits & 4) !== 0,
          adjusted: (bits & 8) !== 0,
        });
      });
      return g;
    });
}
