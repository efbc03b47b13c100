/**
 * Exact answers on textbook graphs. Every expected value below is derived by hand from the
 * definitions (d-/m-separation: Pearl 2009 §1.2.3 and Richardson 2003; moral / augmented graph:
 * Lauritzen et al. 1990, Richardson 2003; c-components: Tian & Pearl 2002), with the reasoning in
 * the comments.
 */
import { describe, expect, it } from "vitest";
import {
  ancestors,
  backdoorGraph,
  CausalGraph,
  cComponent,
  cComponents,
  dConnectedNodes,
  descendants,
  doGraph,
  dSeparated,
  findMinimalSeparator,
  isAncestor,
  latentProjection,
  moralGraph,
  mSeparated,
  topologicalOrder,
} from "../../src/graph/index.js";

const pairs = (list: readonly (readonly [string, string])[]): string[] =>
  list.map(([a, b]) => JSON.stringify(a < b ? [a, b] : [b, a])).sort();
const arrows = (list: readonly (readonly [string, string])[]): string[] =>
  list.map((e) => JSON.stringify(e)).sort();

describe("chain A -> B -> C", () => {
  const g = CausalGraph.from({
    directed: [
      ["A", "B"],
      ["B", "C"],
    ],
  });
  it("d-separation: open marginally, blocked by the middle node", () => {
    expect(dSeparated(g, "A", "C")).toBe(false);
    expect(dSeparated(g, "A", "C", ["B"])).toBe(true);
    expect(dSeparated(g, "C", "A", "B")).toBe(true);
  });
  it("ancestry (inclusive), topological order, moral graph, separator", () => {
    expect([...ancestors(g, "C")]).toEqual(["A", "B", "C"]);
    expect([...descendants(g, "A")]).toEqual(["A", "B", "C"]);
    expect([...ancestors(g, "A")]).toEqual(["A"]);
    expect(isAncestor(g, "A", "C")).toBe(true);
    expect(isAncestor(g, "C", "A")).toBe(false);
    expect(isAncestor(g, "B", "B")).toBe(true);
    expect(topologicalOrder(g)).toEqual(["A", "B", "C"]);
    expect(moralGraph(g).edges).toEqual([
      ["A", "B"],
      ["B", "C"],
    ]);
    expect(findMinimalSeparator(g, "A", "C")).toEqual(["B"]);
    expect(cComponents(g)).toEqual([["A"], ["B"], ["C"]]);
  });
});

describe("fork A <- B -> C", () => {
  const g = CausalGraph.from({
    nodes: ["A", "B", "C"],
    directed: [
      ["B", "A"],
      ["B", "C"],
    ],
  });
  it("d-separation and separator", () => {
    expect(dSeparated(g, "A", "C")).toBe(false);
    expect(dSeparated(g, "A", "C", "B")).toBe(true);
    expect(findMinimalSeparator(g, "A", "C")).toEqual(["B"]);
  });
  it("topological order puts the root first, then ties in node order", () => {
    expect(topologicalOrder(g)).toEqual(["B", "A", "C"]);
  });
});

describe("collider A -> B <- C with descendant B -> D", () => {
  const g = CausalGraph.from({
    directed: [
      ["A", "B"],
      ["C", "B"],
      ["B", "D"],
    ],
  });
  it("conditioning on the collider or its descendant opens the path", () => {
    expect(dSeparated(g, "A", "C")).toBe(true);
    expect(dSeparated(g, "A", "C", ["B"])).toBe(false);
    expect(dSeparated(g, "A", "C", ["D"])).toBe(false);
    expect(dSeparated(g, "A", "D", ["B"])).toBe(true);
    expect([...dConnectedNodes(g, "A")]).toEqual(["B", "D"]);
    expect([...dConnectedNodes(g, "A", ["B"])]).toEqual(["C"]);
  });
  it("moral graph marries the parents; the empty set separates A and C", () => {
    expect(moralGraph(g).edges).toEqual([
      ["A", "B"],
      ["A", "C"],
      ["B", "C"],
      ["B", "D"],
    ]);
    expect(findMinimalSeparator(g, "A", "C")).toEqual([]);
    // Kahn: A and C are ready; A first (node order), then C, which frees B, then D.
    expect(topologicalOrder(g)).toEqual(["A", "C", "B", "D"]);
  });
});

describe("M-bias: X <- U1 -> M <- U2 -> Y, X -> Y", () => {
  const spec = {
    nodes: ["X", "Y", "M", "U1", "U2"],
    directed: [
      ["U1", "X"],
      ["U1", "M"],
      ["U2", "M"],
      ["U2", "Y"],
      ["X", "Y"],
    ] as [string, string][],
  };
  const g = CausalGraph.from(spec);
  const b = backdoorGraph(g, "X");
  it("back-door graph: M is a collider; adjusting for M alone opens a path", () => {
    expect(b.hasEdge("X", "Y")).toBe(false);
    expect(dSeparated(b, "X", "Y")).toBe(true);
    expect(dSeparated(b, "X", "Y", ["M"])).toBe(false);
    expect(dSeparated(b, "X", "Y", ["M", "U1"])).toBe(true);
    expect(dSeparated(b, "X", "Y", ["M", "U2"])).toBe(true);
  });
  it("minimal separators: [] by default, [M, U1] when M is forced", () => {
    expect(findMinimalSeparator(b, "X", "Y")).toEqual([]);
    expect(findMinimalSeparator(b, "X", "Y", { include: ["M"] })).toEqual(["M", "U1"]);
    expect(findMinimalSeparator(b, "X", "Y", { include: ["M"], restrict: ["M", "U2"] })).toEqual([
      "M",
      "U2",
    ]);
  });
  it("with U1, U2 latent, forcing M leaves no separator; projection gives X <-> M <-> Y", () => {
    const h = CausalGraph.from({ ...spec, latent: ["U1", "U2"] });
    expect(findMinimalSeparator(backdoorGraph(h, "X"), "X", "Y", { include: ["M"] })).toBeNull();
    expect(findMinimalSeparator(backdoorGraph(h, "X"), "X", "Y")).toEqual([]);
    const p = latentProjection(h);
    expect(p.nodes()).toEqual(["X", "Y", "M"]);
    expect(arrows(p.directedEdges())).toEqual(arrows([["X", "Y"]]));
    expect(pairs(p.bidirectedEdges())).toEqual(
      pairs([
        ["X", "M"],
        ["M", "Y"],
      ]),
    );
    expect(cComponents(p)).toEqual([["X", "Y", "M"]]);
  });
});

describe("front-door: X -> M -> Y, X <-> Y", () => {
  const g = CausalGraph.from({
    directed: [
      ["X", "M"],
      ["M", "Y"],
    ],
    bidirected: [["X", "Y"]],
  });
  it("c-components and augmented graph", () => {
    expect(cComponents(g)).toEqual([["X", "Y"], ["M"]]);
    expect(cComponent(g, "Y")).toEqual(["X", "Y"]);
    // District {X, Y} with parents {M}: complete on {X, M, Y}.
    expect(moralGraph(g).edges).toEqual([
      ["X", "M"],
      ["X", "Y"],
      ["M", "Y"],
    ]);
  });
  it("m-separation and the front-door conditions", () => {
    expect(mSeparated(g, "X", "Y", ["M"])).toBe(false);
    // No back-door path from X to M: X <-> Y <- M has a collider at Y.
    expect(dSeparated(backdoorGraph(g, "X"), "X", "M")).toBe(true);
    // All back-door paths from M to Y are blocked by X.
    expect(dSeparated(backdoorGraph(g, "M"), "M", "Y", ["X"])).toBe(true);
    expect(dSeparated(backdoorGraph(g, "M"), "M", "Y")).toBe(false);
    expect(findMinimalSeparator(g, "X", "Y")).toBeNull();
  });
  it("doGraph removes the incoming directed and the bidirected edges", () => {
    const dx = doGraph(g, "X");
    expect(arrows(dx.directedEdges())).toEqual(
      arrows([
        ["X", "M"],
        ["M", "Y"],
      ]),
    );
    expect(dx.bidirectedEdges()).toEqual([]);
    const dm = doGraph(g, "M");
    expect(dm.directedEdges()).toEqual([["M", "Y"]]);
    expect(dm.bidirectedEdges()).toEqual([["X", "Y"]]);
  });
  it("is the latent projection of U -> X, U -> Y with U latent", () => {
    const withU = CausalGraph.from({
      nodes: ["U", "X", "M", "Y"],
      directed: [
        ["U", "X"],
        ["U", "Y"],
        ["X", "M"],
        ["M", "Y"],
      ],
      latent: ["U"],
    });
    const p = latentProjection(withU);
    expect(p.nodes()).toEqual(["X", "M", "Y"]);
    expect(arrows(p.directedEdges())).toEqual(arrows(g.directedEdges()));
    expect(pairs(p.bidirectedEdges())).toEqual(pairs(g.bidirectedEdges()));
    expect(p.nodesWithRole("latent")).toEqual([]);
  });
});

describe("instrumental variable: Z -> X -> Y, X <-> Y", () => {
  const g = CausalGraph.from({
    directed: [
      ["Z", "X"],
      ["X", "Y"],
    ],
    bidirected: [["X", "Y"]],
  });
  it("Z is an instrument: independent of Y in the back-door graph, but not given X", () => {
    expect(dSeparated(g, "Z", "Y")).toBe(false);
    expect(dSeparated(backdoorGraph(g, "X"), "Z", "Y")).toBe(true);
    expect(dSeparated(backdoorGraph(g, "X"), "Z", "Y", ["X"])).toBe(false);
    expect(dSeparated(doGraph(g, "X"), "Z", "Y")).toBe(true);
  });
  it("Z and Y cannot be separated (X is a collider and a mediator)", () => {
    expect(findMinimalSeparator(g, "Z", "Y")).toBeNull();
    expect(cComponents(g)).toEqual([["Z"], ["X", "Y"]]);
  });
  it("doGraph(X) cuts Z -> X and X <-> Y", () => {
    const d = doGraph(g, "X");
    expect(d.nodes()).toEqual(["Z", "X", "Y"]);
    expect(d.directedEdges()).toEqual([["X", "Y"]]);
    expect(d.bidirectedEdges()).toEqual([]);
  });
});

describe("bow arc: X -> Y, X <-> Y", () => {
  const g = CausalGraph.from({ directed: [["X", "Y"]], bidirected: [["X", "Y"]] });
  it("one district, adjacent, inseparable", () => {
    expect(cComponents(g)).toEqual([["X", "Y"]]);
    expect(moralGraph(g).edges).toEqual([["X", "Y"]]);
    expect(findMinimalSeparator(g, "X", "Y")).toBeNull();
    expect(dSeparated(doGraph(g, "X"), "X", "Y")).toBe(false);
    expect(dSeparated(backdoorGraph(g, "X"), "X", "Y")).toBe(false);
    expect(latentProjection(g).toJSON()).toEqual(g.toJSON());
  });
});

describe("napkin: W -> Z -> X -> Y, W <-> X, W <-> Y", () => {
  const g = CausalGraph.from({
    directed: [
      ["W", "Z"],
      ["Z", "X"],
      ["X", "Y"],
    ],
    bidirected: [
      ["W", "X"],
      ["W", "Y"],
    ],
  });
  it("districts and augmented graph (complete: {W,X,Y} ∪ pa = all nodes)", () => {
    expect(cComponents(g)).toEqual([["W", "X", "Y"], ["Z"]]);
    expect(cComponent(g, "Z")).toEqual(["Z"]);
    expect(moralGraph(g).edges).toEqual([
      ["W", "Z"],
      ["W", "X"],
      ["W", "Y"],
      ["Z", "X"],
      ["Z", "Y"],
      ["X", "Y"],
    ]);
    expect(topologicalOrder(g)).toEqual(["W", "Z", "X", "Y"]);
  });
  it("m-separation", () => {
    // Z <- W <-> Y is open unless W is given; given {X, W}, Z -> X <-> W <-> Y is open
    // (X and W are colliders in the conditioning set).
    expect(dSeparated(g, "Z", "Y")).toBe(false);
    expect(dSeparated(g, "Z", "Y", ["W"])).toBe(false);
    expect(dSeparated(g, "Z", "Y", ["X", "W"])).toBe(false);
    expect(findMinimalSeparator(g, "Z", "Y")).toBeNull();
    // In G_{\bar X}: W -> Z, X -> Y, W <-> Y, so W separates Z and Y.
    const d = doGraph(g, "X");
    expect(dSeparated(d, "Z", "Y", ["W"])).toBe(true);
    expect(dSeparated(d, "Z", "Y")).toBe(false);
    expect(findMinimalSeparator(d, "Z", "Y")).toEqual(["W"]);
  });
});

describe("latent projection, small cases", () => {
  it("a latent chain becomes a directed edge", () => {
    const g = CausalGraph.from({
      directed: [
        ["A", "L"],
        ["L", "B"],
      ],
      latent: ["L"],
    });
    const p = latentProjection(g);
    expect(p.toJSON()).toEqual({ nodes: ["A", "B"], directed: [["A", "B"]], bidirected: [] });
  });
  it("a latent collider leaves nothing", () => {
    const g = CausalGraph.from({
      directed: [
        ["A", "L"],
        ["B", "L"],
      ],
      latent: ["L"],
    });
    expect(latentProjection(g).toJSON()).toEqual({
      nodes: ["A", "B"],
      directed: [],
      bidirected: [],
    });
  });
  it("latent nodes joined by a bidirected edge confound their observed descendants", () => {
    const g = CausalGraph.from({
      directed: [
        ["L1", "A"],
        ["L2", "L3"],
        ["L3", "B"],
      ],
      bidirected: [["L1", "L2"]],
      latent: ["L1", "L2", "L3"],
    });
    expect(latentProjection(g).toJSON()).toEqual({
      nodes: ["A", "B"],
      directed: [],
      bidirected: [["A", "B"]],
    });
  });
  it("U -> X, U -> Y, X -> Y gives a bow", () => {
    const g = CausalGraph.from({
      directed: [
        ["U", "X"],
        ["U", "Y"],
        ["X", "Y"],
      ],
      latent: ["U"],
      exposure: ["X"],
    });
    const p = latentProjection(g);
    expect(p.toJSON()).toEqual({
      nodes: ["X", "Y"],
      directed: [["X", "Y"]],
      bidirected: [["X", "Y"]],
      exposure: ["X"],
    });
  });
  it("an explicit latent list overrides roles; nodes with the latent role outside it stay", () => {
    const g = CausalGraph.from({
      directed: [
        ["A", "L"],
        ["L", "B"],
        ["K", "B"],
      ],
      latent: ["K"],
    });
    const p = latentProjection(g, ["L"]);
    expect(p.nodes()).toEqual(["A", "B", "K"]);
    expect(arrows(p.directedEdges())).toEqual(
      arrows([
        ["A", "B"],
        ["K", "B"],
      ]),
    );
    expect(p.nodesWithRole("latent")).toEqual(["K"]);
  });
});

describe("topologicalOrder", () => {
  it("keeps an insertion order that is already topological", () => {
    const g = CausalGraph.from({
      nodes: ["a", "b", "c", "d"],
      directed: [
        ["a", "c"],
        ["b", "c"],
        ["c", "d"],
      ],
    });
    expect(topologicalOrder(g)).toEqual(["a", "b", "c", "d"]);
  });
  it("handles the empty graph", () => {
    expect(topologicalOrder(new CausalGraph())).toEqual([]);
    expect(cComponents(new CausalGraph())).toEqual([]);
    expect(moralGraph(new CausalGraph())).toEqual({ nodes: [], edges: [], adjacency: new Map() });
  });
});
