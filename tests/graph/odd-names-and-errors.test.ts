import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
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
  inducedSubgraph,
  isAncestor,
  latentProjection,
  moralGraph,
  mSeparated,
  topologicalOrder,
} from "../../src/graph/index.js";

// "__proto__" -> "constructor" -> "my var" <-> "日本語" <- "a -> b", "X_1" -> "constructor"
const odd = (): CausalGraph =>
  CausalGraph.from({
    nodes: ["__proto__", "constructor", "my var", "X_1", "日本語", "a -> b"],
    directed: [
      ["__proto__", "constructor"],
      ["constructor", "my var"],
      ["X_1", "constructor"],
      ["a -> b", "日本語"],
    ],
    bidirected: [["日本語", "my var"]],
    outcome: ["my var"],
  });

describe("odd node names (prototype keys, spaces, unicode, arrows)", () => {
  const g = odd();
  it("ancestry and topological order", () => {
    expect([...ancestors(g, "my var")]).toEqual(["__proto__", "constructor", "my var", "X_1"]);
    expect([...descendants(g, "__proto__")]).toEqual(["__proto__", "constructor", "my var"]);
    expect(isAncestor(g, "__proto__", "my var")).toBe(true);
    expect(isAncestor(g, "日本語", "my var")).toBe(false);
    expect(topologicalOrder(g)).toEqual([
      "__proto__",
      "X_1",
      "constructor",
      "my var",
      "a -> b",
      "日本語",
    ]);
  });
  it("d-separation", () => {
    expect(dSeparated(g, "__proto__", "X_1")).toBe(true);
    expect(dSeparated(g, "__proto__", "X_1", "constructor")).toBe(false);
    expect(dSeparated(g, "__proto__", "X_1", ["my var"])).toBe(false);
    expect(mSeparated(g, "__proto__", "日本語")).toBe(true);
    expect(mSeparated(g, "__proto__", "日本語", ["my var"])).toBe(false);
    expect(mSeparated(g, "__proto__", "日本語", ["my var", "constructor"])).toBe(true);
    expect([...dConnectedNodes(g, "__proto__")]).toEqual(["constructor", "my var"]);
    expect(findMinimalSeparator(g, "__proto__", "my var")).toEqual(["constructor"]);
  });
  it("c-components and moral graph", () => {
    expect(cComponents(g)).toEqual([
      ["__proto__"],
      ["constructor"],
      ["my var", "日本語"],
      ["X_1"],
      ["a -> b"],
    ]);
    expect(cComponent(g, "日本語")).toEqual(["my var", "日本語"]);
    const m = moralGraph(g);
    expect(m.edges).toEqual([
      ["__proto__", "constructor"],
      ["__proto__", "X_1"],
      ["constructor", "my var"],
      ["constructor", "X_1"],
      ["constructor", "日本語"],
      ["constructor", "a -> b"],
      ["my var", "日本語"],
      ["my var", "a -> b"],
      ["日本語", "a -> b"],
    ]);
    expect(m.adjacency.get("__proto__")).toEqual(["constructor", "X_1"]);
    expect(m.adjacency.get("constructor")).toEqual([
      "__proto__",
      "my var",
      "X_1",
      "日本語",
      "a -> b",
    ]);
  });
  it("surgery, subgraphs and projection keep names and roles", () => {
    const sub = inducedSubgraph(g, ["my var", "constructor", "__proto__"]);
    expect(sub.toJSON()).toEqual({
      nodes: ["__proto__", "constructor", "my var"],
      directed: [
        ["__proto__", "constructor"],
        ["constructor", "my var"],
      ],
      bidirected: [],
      outcome: ["my var"],
    });
    const d = doGraph(g, "my var");
    expect(d.hasEdge("constructor", "my var")).toBe(false);
    expect(d.hasBidirectedEdge("my var", "日本語")).toBe(false);
    expect(d.directedSize).toBe(3);
    const p = latentProjection(g, ["constructor"]);
    expect(p.nodes()).toEqual(["__proto__", "my var", "X_1", "日本語", "a -> b"]);
    expect(
      p
        .directedEdges()
        .map((e) => e.join(" => "))
        .sort(),
    ).toEqual(["X_1 => my var", "__proto__ => my var", "a -> b => 日本語"].sort());
    expect(p.bidirectedEdges()).toEqual([["my var", "日本語"]]);
  });
  it("a string NodeSet is one node, never its characters", () => {
    const h = CausalGraph.from({
      directed: [
        ["AB", "C"],
        ["A", "B"],
      ],
    });
    expect([...ancestors(h, "C")]).toEqual(["AB", "C"]);
    expect(dSeparated(h, "AB", "A")).toBe(true);
  });
});

describe("every function leaves its input unchanged", () => {
  it("toJSON before = after", () => {
    const g = odd();
    const before = JSON.stringify(g.toJSON());
    ancestors(g, "my var");
    descendants(g, "X_1");
    isAncestor(g, "X_1", "my var");
    topologicalOrder(g);
    cComponents(g);
    cComponent(g, "my var");
    moralGraph(g);
    doGraph(g, ["my var", "constructor"]);
    backdoorGraph(g, "constructor");
    inducedSubgraph(g, ["X_1"]);
    latentProjection(g, ["constructor", "日本語"]);
    dSeparated(g, "__proto__", "X_1", "my var");
    dConnectedNodes(g, "X_1");
    findMinimalSeparator(g, "__proto__", "my var", { include: ["日本語"] });
    expect(JSON.stringify(g.toJSON())).toBe(before);
  });
});

describe("errors", () => {
  const g = CausalGraph.from({
    directed: [
      ["A", "B"],
      ["B", "C"],
    ],
  });
  const expectError = (
    f: () => unknown,
    cls: typeof UnknownNodeError | typeof InvalidArgumentError,
    code: string,
    field: Record<string, string>,
  ): void => {
    let caught: unknown;
    try {
      f();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(cls);
    expect((caught as { code: string }).code).toBe(code);
    expect(caught).toMatchObject(field);
  };
  const unknown = (f: () => unknown): void =>
    expectError(f, UnknownNodeError, "E_UNKNOWN_NODE", { node: "nope" });
  const invalid = (f: () => unknown, argument: string): void =>
    expectError(f, InvalidArgumentError, "E_INVALID_ARGUMENT", { argument });

  it("unknown nodes throw UnknownNodeError naming the node", () => {
    unknown(() => ancestors(g, ["A", "nope"]));
    unknown(() => descendants(g, "nope"));
    unknown(() => isAncestor(g, "nope", "A"));
    unknown(() => cComponent(g, "nope"));
    unknown(() => doGraph(g, "nope"));
    unknown(() => backdoorGraph(g, ["nope"]));
    unknown(() => inducedSubgraph(g, ["A", "nope"]));
    unknown(() => latentProjection(g, ["nope"]));
    unknown(() => dSeparated(g, "nope", "A"));
    unknown(() => dSeparated(g, "A", "C", ["nope"]));
    unknown(() => mSeparated(g, "A", "nope"));
    unknown(() => dConnectedNodes(g, "A", "nope"));
    unknown(() => findMinimalSeparator(g, "A", "nope"));
    unknown(() => findMinimalSeparator(g, "A", "C", { include: ["nope"] }));
    unknown(() => findMinimalSeparator(g, "A", "C", { restrict: ["nope"] }));
  });

  it("empty or overlapping X, Y, Z throw InvalidArgumentError naming the set", () => {
    invalid(() => dSeparated(g, [], "C"), "X");
    invalid(() => dSeparated(g, "A", []), "Y");
    invalid(() => dSeparated(g, ["A", "B"], ["B", "C"]), "Y");
    invalid(() => dSeparated(g, "A", "C", ["A"]), "Z");
    invalid(() => dSeparated(g, "A", "C", ["B", "C"]), "Z");
    invalid(() => mSeparated(g, "A", "A"), "Y");
    invalid(() => dConnectedNodes(g, []), "X");
    invalid(() => dConnectedNodes(g, "A", "A"), "Z");
    invalid(() => findMinimalSeparator(g, [], "C"), "X");
    invalid(() => findMinimalSeparator(g, "A", []), "Y");
    invalid(() => findMinimalSeparator(g, "A", "A"), "Y");
    invalid(() => findMinimalSeparator(g, "A", "C", { include: ["C"] }), "include");
    invalid(() => findMinimalSeparator(g, "A", "C", { include: ["B"], restrict: [] }), "include");
  });

  it("restrict may name X or Y (ignored); an empty restrict means only the empty set", () => {
    expect(findMinimalSeparator(g, "A", "C", { restrict: ["A", "B", "C"] })).toEqual(["B"]);
    expect(findMinimalSeparator(g, "A", "C", { restrict: [] })).toBeNull();
  });
});

describe("nothing is half-applied", () => {
  it("addNode with an unknown role throws and leaves the graph unchanged", () => {
    const g = CausalGraph.from({ nodes: ["A"] });
    expect(() => g.addNode("X", { foo: true } as never)).toThrow();
    expect(g.nodes()).toEqual(["A"]);
  });
});
