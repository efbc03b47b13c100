// Graph templates: exact edge lists (CLadder definitions, textbook fork, M-bias, napkin), both
// representations of latent confounders, renaming and errors.
import { describe, expect, it } from "vitest";
import { TEMPLATE_NAMES, type TemplateName, templateGraph } from "../../src/datasets/index.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { latentProjection } from "../../src/graph/index.js";

type Edge = [string, string];
const expected: Record<TemplateName, { nodes: string[]; directed: Edge[]; bidirected: Edge[] }> = {
  chain: {
    nodes: ["X", "M", "Y"],
    directed: [
      ["X", "M"],
      ["M", "Y"],
    ],
    bidirected: [],
  },
  fork: {
    nodes: ["Z", "X", "Y"],
    directed: [
      ["Z", "X"],
      ["Z", "Y"],
    ],
    bidirected: [],
  },
  collider: {
    nodes: ["X", "Y", "C"],
    directed: [
      ["X", "C"],
      ["Y", "C"],
    ],
    bidirected: [],
  },
  confounding: {
    nodes: ["Z", "X", "Y"],
    directed: [
      ["Z", "X"],
      ["Z", "Y"],
      ["X", "Y"],
    ],
    bidirected: [],
  },
  mediation: {
    nodes: ["X", "M", "Y"],
    directed: [
      ["X", "M"],
      ["M", "Y"],
      ["X", "Y"],
    ],
    bidirected: [],
  },
  frontdoor: {
    nodes: ["X", "M", "Y"],
    directed: [
      ["X", "M"],
      ["M", "Y"],
    ],
    bidirected: [["X", "Y"]],
  },
  iv: {
    nodes: ["Z", "X", "Y"],
    directed: [
      ["Z", "X"],
      ["X", "Y"],
    ],
    bidirected: [["X", "Y"]],
  },
  arrowhead: {
    nodes: ["X", "M", "Y"],
    directed: [
      ["X", "M"],
      ["X", "Y"],
      ["M", "Y"],
    ],
    bidirected: [["M", "Y"]],
  },
  diamond: {
    nodes: ["X", "M1", "M2", "Y"],
    directed: [
      ["X", "M1"],
      ["X", "M2"],
      ["M1", "Y"],
      ["M2", "Y"],
    ],
    bidirected: [],
  },
  diamondcut: {
    nodes: ["Z", "X", "W", "Y"],
    directed: [
      ["Z", "X"],
      ["Z", "W"],
      ["X", "Y"],
      ["W", "Y"],
    ],
    bidirected: [],
  },
  "m-bias": {
    nodes: ["X", "Y", "M", "U1", "U2"],
    directed: [
      ["U1", "X"],
      ["U1", "M"],
      ["U2", "M"],
      ["U2", "Y"],
      ["X", "Y"],
    ],
    bidirected: [],
  },
  napkin: {
    nodes: ["W", "Z", "X", "Y"],
    directed: [
      ["W", "Z"],
      ["Z", "X"],
      ["X", "Y"],
    ],
    bidirected: [
      ["W", "X"],
      ["W", "Y"],
    ],
  },
  "two-causes": {
    nodes: ["X", "Z", "Y"],
    directed: [
      ["X", "Y"],
      ["Z", "Y"],
    ],
    bidirected: [],
  },
  triangle: {
    nodes: ["X", "Y", "C"],
    directed: [
      ["X", "Y"],
      ["X", "C"],
      ["Y", "C"],
    ],
    bidirected: [],
  },
};

const sorted = (edges: readonly (readonly [string, string])[]): string[] =>
  edges.map(([a, b]) => `${a}->${b}`).sort();
const sortedUndirected = (edges: readonly (readonly [string, string])[]): string[] =>
  edges.map(([a, b]) => (a < b ? `${a}<->${b}` : `${b}<->${a}`)).sort();

describe("templateGraph", () => {
  it("lists every template", () => {
    expect([...TEMPLATE_NAMES].sort()).toEqual(Object.keys(expected).sort());
  });

  for (const name of TEMPLATE_NAMES) {
    it(`${name}: exact nodes, edges and roles`, () => {
      const g = templateGraph(name);
      const e = expected[name];
      expect(g.nodes()).toEqual(e.nodes);
      expect(sorted(g.directedEdges())).toEqual(sorted(e.directed));
      expect(sortedUndirected(g.bidirectedEdges())).toEqual(sortedUndirected(e.bidirected));
      expect(g.nodesWithRole("exposure")).toEqual(["X"]);
      expect(g.nodesWithRole("outcome")).toEqual(["Y"]);
      expect(g.nodesWithRole("latent")).toEqual([]);
      // Explicit latent nodes project back onto the bidirected form.
      const explicit = templateGraph(name, { latent: "explicit" });
      expect(explicit.bidirectedSize).toBe(0);
      const projected = latentProjection(explicit);
      expect(projected.nodes()).toEqual(e.nodes);
      expect(sorted(projected.directedEdges())).toEqual(sorted(e.directed));
      expect(sortedUndirected(projected.bidirectedEdges())).toEqual(sortedUndirected(e.bidirected));
    });
  }

  it("explicit latent nodes follow the observed ones, with role latent", () => {
    const g = templateGraph("napkin", { latent: "explicit" });
    expect(g.nodes()).toEqual(["W", "Z", "X", "Y", "U1", "U2"]);
    expect(g.nodesWithRole("latent")).toEqual(["U1", "U2"]);
    expect(g.children("U1").sort()).toEqual(["W", "X"]);
    expect(g.children("U2").sort()).toEqual(["W", "Y"]);
    const f = templateGraph("frontdoor", { latent: "explicit", names: { U: "genotype" } });
    expect(f.nodesWithRole("latent")).toEqual(["genotype"]);
    expect(f.children("genotype").sort()).toEqual(["X", "Y"]);
  });

  it("renames nodes (any strings) and keeps roles on the renamed nodes", () => {
    const g = templateGraph("frontdoor", {
      names: { X: "smoking", M: "tar deposits", Y: "__proto__" },
    });
    expect(g.nodes()).toEqual(["smoking", "tar deposits", "__proto__"]);
    expect(g.directedEdges()).toEqual([
      ["smoking", "tar deposits"],
      ["tar deposits", "__proto__"],
    ]);
    expect(g.bidirectedEdges()).toEqual([["smoking", "__proto__"]]);
    expect(g.nodesWithRole("exposure")).toEqual(["smoking"]);
    expect(g.nodesWithRole("outcome")).toEqual(["__proto__"]);
    // A latent slot may share a name with an observed node when it is not drawn.
    expect(templateGraph("iv", { names: { U: "Z" } }).nodes()).toEqual(["Z", "X", "Y"]);
  });

  it("returns a fresh mutable graph each time", () => {
    const a = templateGraph("chain");
    a.addEdge("X", "Y");
    expect(templateGraph("chain").directedSize).toBe(2);
  });

  it("rejects unknown templates, unknown slots and name clashes", () => {
    const codeOf = (f: () => unknown): [unknown, string] => {
      try {
        f();
      } catch (e) {
        return [e, (e as InvalidArgumentError).argument];
      }
      return [undefined, ""];
    };
    const cases: [() => unknown, string][] = [
      [() => templateGraph("bow" as TemplateName), "name"],
      [() => templateGraph("chain", { names: { Q: "q" } }), "Q"],
      [() => templateGraph("chain", { names: { X: "Y" } }), "Y"],
      [() => templateGraph("iv", { names: { U: "Z" }, latent: "explicit" }), "Z"],
      [() => templateGraph("chain", { latent: "hidden" as "explicit" }), "latent"],
      [() => templateGraph("chain", { names: { X: 3 as unknown as string } }), "X"],
    ];
    for (const [f, argument] of cases) {
      const [e, arg] = codeOf(f);
      expect(e).toBeInstanceOf(InvalidArgumentError);
      expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
      expect(arg).toBe(argument);
    }
  });
});
