import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CycleError, InvalidArgumentError } from "../../src/errors.js";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import { formatGraphJson, graphJsonSchema, parseGraphJson } from "../../src/io/graph-json.js";
import { parseErrorOf } from "../helpers/errors.js";

// The test's own schema validator.
const require = createRequire(import.meta.url);
const Ajv2020 = (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).default;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
  structuredClone(graphJsonSchema),
);

function errorOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

/** `{line, column}` of the ParseError thrown by parsing `text`. */
const syntaxErrorAt = (text: string) => parseErrorOf(() => parseGraphJson(text));
const at = (line: number, column: number) => ({ format: "json", code: "E_PARSE", line, column });

/** The `argument` of the InvalidArgumentError thrown by parsing `value`. */
function badField(value: unknown): string {
  const e = errorOf(() => parseGraphJson(value));
  expect(e).toBeInstanceOf(InvalidArgumentError);
  expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
  return (e as InvalidArgumentError).argument;
}

const example = CausalGraph.from({
  nodes: ["X", "my var", "Y", "U"],
  directed: [
    ["X", "Y"],
    ["my var", "Y"],
    ["U", "X"],
  ],
  bidirected: [["X", "Y"]],
  latent: ["U"],
  exposure: ["X"],
  outcome: ["Y"],
});

describe("formatGraphJson", () => {
  it("pretty-prints with two spaces, one pair per line", () => {
    expect(formatGraphJson(example)).toBe(`{
  "nodes": [
    "X",
    "my var",
    "Y",
    "U"
  ],
  "directed": [
    ["X", "Y"],
    ["my var", "Y"],
    ["U", "X"]
  ],
  "bidirected": [
    ["X", "Y"]
  ],
  "latent": [
    "U"
  ],
  "exposure": [
    "X"
  ],
  "outcome": [
    "Y"
  ]
}
`);
    expect(formatGraphJson(new CausalGraph())).toBe(
      '{\n  "nodes": [],\n  "directed": [],\n  "bidirected": []\n}\n',
    );
  });

  it("writes what toJSON returns and parseGraphJson reads it back exactly (property)", () => {
    fc.assert(
      fc.property(randomGraph(8), (g) => {
        const text = formatGraphJson(g);
        expect(JSON.parse(text)).toEqual(g.toJSON());
        expect(parseGraphJson(text).toJSON()).toEqual(g.toJSON());
        expect(parseGraphJson(g.toJSON()).toJSON()).toEqual(g.toJSON());
        expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("parseGraphJson", () => {
  it("reads text and parsed values, with optional edge lists and $schema", () => {
    expect(
      parseGraphJson(
        '\uFEFF{"$schema": "x", "nodes": ["A", "B", "C"], "directed": [["A", "B"]], "adjusted": ["C"]}',
      ).toJSON(),
    ).toEqual({ nodes: ["A", "B", "C"], directed: [["A", "B"]], bidirected: [], adjusted: ["C"] });
    expect(
      parseGraphJson({
        nodes: ["__proto__", "constructor"],
        bidirected: [["constructor", "__proto__"]],
      }).toJSON(),
    ).toEqual({
      nodes: ["__proto__", "constructor"],
      directed: [],
      bidirected: [["__proto__", "constructor"]],
    });
    expect(parseGraphJson(JSON.parse('{"nodes": ["__proto__"]}')).nodes()).toEqual(["__proto__"]);
  });

  it("merges duplicate edges and tolerates duplicate role entries", () => {
    expect(
      parseGraphJson({
        nodes: ["a", "b"],
        directed: [
          ["a", "b"],
          ["a", "b"],
        ],
        bidirected: [
          ["a", "b"],
          ["b", "a"],
        ],
        latent: ["b", "b"],
      }).toJSON(),
    ).toEqual({
      nodes: ["a", "b"],
      directed: [["a", "b"]],
      bidirected: [["a", "b"]],
      latent: ["b"],
    });
  });

  it("does not modify its input", () => {
    const input = { nodes: ["a", "b"], directed: [["a", "b"]] };
    const copy = structuredClone(input);
    parseGraphJson(input);
    expect(input).toEqual(copy);
  });

  it("reports JSON syntax errors with line and column", () => {
    expect(syntaxErrorAt('{"nodes": ["A",]}')).toEqual(at(1, 16));
    expect(syntaxErrorAt('{\n  "nodes": [\n    "A"\n  ]\n  "directed": []\n}')).toEqual(at(5, 3));
    expect(syntaxErrorAt('{\r\n  "nodes": [\r\n    "A\n"]}')).toEqual(at(3, 7));
    expect(syntaxErrorAt("")).toEqual(at(1, 1));
    expect(syntaxErrorAt("   ")).toEqual(at(1, 4));
    expect(syntaxErrorAt('{"nodes": []} x')).toEqual(at(1, 15));
    expect(syntaxErrorAt("{\"nodes\": ['A']}")).toEqual(at(1, 12));
    expect(syntaxErrorAt('{"nodes": ["A\\x"]}')).toEqual(at(1, 14));
    expect(syntaxErrorAt('{"nodes": ["A"')).toEqual(at(1, 15));
    expect(syntaxErrorAt('{"nodes": "A}')).toEqual(at(1, 11));
    expect(syntaxErrorAt('{"n": 01}')).toEqual(at(1, 8));
    expect(syntaxErrorAt('{"n": tru}')).toEqual(at(1, 10));
    expect(syntaxErrorAt("{nodes: []}")).toEqual(at(1, 2));
    expect(syntaxErrorAt("\uFEFF\n [1,,2]")).toEqual(at(2, 5));
  });

  it("names the offending field of a malformed graph", () => {
    expect(badField([])).toBe("graph");
    expect(badField(null)).toBe("graph");
    expect(badField(42)).toBe("graph");
    expect(badField("[]")).toBe("graph");
    expect(badField({})).toBe("nodes");
    expect(badField({ nodes: "A" })).toBe("nodes");
    expect(badField({ nodes: ["A", 1] })).toBe("nodes[1]");
    expect(badField({ nodes: ["A", "B", "A"] })).toBe("nodes[2]");
    expect(badField({ nodes: ["A"], bidirectional: [] })).toBe("bidirectional");
    expect(badField({ nodes: ["A"], $schema: 1 })).toBe("$schema");
    expect(badField({ nodes: ["A", "B"], directed: {} })).toBe("directed");
    const four = {
      nodes: ["a", "b", "c"],
      directed: [
        ["a", "b"],
        ["b", "c"],
        ["a", "c"],
      ],
    };
    expect(badField({ ...four, directed: [...four.directed, ["a"]] })).toBe("directed[3]");
    expect(badField({ ...four, directed: [...four.directed, ["a", "b", "c"]] })).toBe(
      "directed[3]",
    );
    expect(badField({ ...four, directed: [...four.directed, "a->b"] })).toBe("directed[3]");
    expect(badField({ ...four, directed: [...four.directed, ["a", 2]] })).toBe("directed[3]");
    expect(badField({ ...four, directed: [...four.directed, ["a", "Q"]] })).toBe("directed[3][1]");
    expect(badField({ ...four, bidirected: [["b", "b"]] })).toBe("bidirected[0]");
    expect(badField({ ...four, latent: "a" })).toBe("latent");
    expect(badField({ ...four, exposure: ["a", "zz"] })).toBe("exposure[1]");
    expect(badField({ ...four, outcome: [null] })).toBe("outcome[0]");
  });

  it("throws CycleError for cyclic directed edges", () => {
    const e = errorOf(() =>
      parseGraphJson({
        nodes: ["a", "b", "c"],
        directed: [
          ["a", "b"],
          ["b", "c"],
          ["c", "a"],
        ],
      }),
    );
    expect(e).toBeInstanceOf(CycleError);
    expect(new Set((e as CycleError).cycle)).toEqual(new Set(["a", "b", "c"]));
  });
});

describe("graphJsonSchema", () => {
  it("is a frozen draft 2020-12 schema", () => {
    const schema = graphJsonSchema as { $schema: unknown; properties: unknown };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(Object.isFrozen(schema)).toBe(true);
    expect(Object.isFrozen(schema.properties)).toBe(true);
  });

  it("rejects the malformed shapes that parseGraphJson rejects and a schema can express", () => {
    const bad: unknown[] = [
      [],
      null,
      {},
      { nodes: "A" },
      { nodes: ["A", 1] },
      { nodes: ["A", "A"] },
      { nodes: ["A"], bidirectional: [] },
      { nodes: ["A"], $schema: 1 },
      { nodes: ["a", "b"], directed: {} },
      { nodes: ["a", "b"], directed: [["a"]] },
      { nodes: ["a", "b"], directed: [["a", "b", "a"]] },
      { nodes: ["a", "b"], directed: ["a->b"] },
      { nodes: ["a", "b"], bidirected: [["a", 2]] },
      { nodes: ["a", "b"], latent: "a" },
      { nodes: ["a", "b"], outcome: [null] },
    ];
    for (const value of bad) {
      expect(validate(value), JSON.stringify(value)).toBe(false);
      expect(() => parseGraphJson(value)).toThrow(InvalidArgumentError);
    }
  });
});

const nameArb = fc.oneof(
  fc.constantFrom("my var", 'q"', "back\\slash", "__proto__", "constructor", "", "a\nb", "😀"),
  fc.string({ unit: "binary", maxLength: 5 }),
  fc.string({ unit: fc.constantFrom("\u0000", "\ud800", "\udc00", "a"), maxLength: 3 }),
);

function randomGraph(maxNodes: number): fc.Arbitrary<CausalGraph> {
  return fc
    .uniqueArray(nameArb, { maxLength: maxNodes })
    .chain((names) => {
      const n = names.length;
      const index = fc.nat({ max: Math.max(0, n - 1) });
      return fc.record({
        names: fc.constant(names),
        directed: fc.array(fc.tuple(index, index), { maxLength: n * 2 }),
        bidirected: fc.array(fc.tuple(index, index), { maxLength: n }),
        roles: fc.array(fc.nat({ max: 15 }), { minLength: n, maxLength: n }),
      });
    })
    .map(({ names, directed, bidirected, roles }) => {
      const g = new CausalGraph();
      for (const v of names) g.addNode(v);
      // Directed edges from the later to the earlier node: acyclic, against node order.
      for (const [i, j] of directed) {
        if (i !== j) g.addEdge(names[Math.max(i, j)] as string, names[Math.min(i, j)] as string);
      }
      for (const [i, j] of bidirected) {
        if (i !== j) g.addBidirectedEdge(names[i] as string, names[j] as string);
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
