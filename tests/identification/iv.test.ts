// Instrumental variables on named graphs, with provenance:
// - the classic IV graph Z -> X -> Y with X <-> Y (van der Zander, Textor & Liśkiewicz 2015,
//   "Efficiently finding conditional instruments for causal inference", IJCAI, Fig. 1A);
// - a conditional instrument, W -> Z -> X -> Y with W -> Y (the paper's Fig. 1B shape);
// - dagitty's answers on the graphs of its own test suite (/work/shared/oracle/graph-cases.jsonl,
//   kinds "instruments" and "ancestral_instrument").
//
// Comparing with dagitty: its instrumentalVariables returns, per instrument, ONE conditioning set
// (the separator nearest to Y), while instruments() returns every minimal conditioning set. So
// we check that (1) the instruments coincide, and (2) every dagitty pair (Z, W) passes
// isInstrument. For "ancestral_instrument" (one given Z) dagitty's set must pass isInstrument
// and Z must be listed.
import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import { instruments, isInstrument, waldEstimand, waldRatio } from "../../src/identification/iv.js";
import { readGraphCases } from "../helpers/oracle.js";

interface OracleCase {
  id: string;
  graph: {
    type: string;
    nodes: string[];
    directed?: [string, string][];
    bidirected?: [string, string][];
    latent?: string[];
  };
  query: { kind: string; X: string[]; Y: string[]; I?: string[] };
  expected: { instruments?: { I: string; Z: string[] }[]; Z?: string[] };
}

const oracle: OracleCase[] = readGraphCases<OracleCase>().filter(
  (c) => c.query.kind === "instruments" || c.query.kind === "ancestral_instrument",
);

function graphOf(c: OracleCase): CausalGraph {
  return CausalGraph.from({
    nodes: c.graph.nodes,
    directed: c.graph.directed ?? [],
    bidirected: c.graph.bidirected ?? [],
    latent: c.graph.latent ?? [],
  });
}

describe("dagitty oracle", () => {
  it("has the expected cases", () => {
    expect(oracle.map((c) => c.query.kind).sort()).toEqual([
      "ancestral_instrument",
      "instruments",
      "instruments",
    ]);
  });

  for (const c of oracle) {
    it(`${c.id}`, () => {
      expect(c.graph.type).toBe("dag");
      const g = graphOf(c);
      const x = c.query.X[0] as string;
      const y = c.query.Y[0] as string;
      const ours = instruments(g, x, y);
      if (c.query.kind === "instruments") {
        const theirs = c.expected.instruments ?? [];
        expect([...new Set(ours.map((p) => p.instrument))].sort()).toEqual(
          theirs.map((p) => p.I).sort(),
        );
        for (const p of theirs) expect(isInstrument(g, p.I, x, y, p.Z)).toBe(true);
      } else {
        const z = c.query.I?.[0] as string;
        const w = c.expected.Z ?? [];
        expect(isInstrument(g, z, x, y, w)).toBe(true);
        expect(ours.some((p) => p.instrument === z)).toBe(true);
      }
    });
  }

  it("lists the same single pairs as dagitty on these graphs", () => {
    const [first, , third] = oracle;
    expect(instruments(graphOf(first as OracleCase), "x", "y")).toEqual([
      { instrument: "z", given: ["w"] },
    ]);
    expect(instruments(graphOf(third as OracleCase), "x", "y")).toEqual([
      { instrument: "i", given: ["w"] },
    ]);
  });
});

describe("isInstrument and instruments on named graphs", () => {
  it("classic IV: Z -> X -> Y with X <-> Y", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["X", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(isInstrument(g, "Z", "X", "Y")).toBe(true);
    expect(instruments(g, "X", "Y")).toEqual([{ instrument: "Z", given: [] }]);
  });

  it("an instrument that also affects Y directly is not one", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["X", "Y"],
        ["Z", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(isInstrument(g, "Z", "X", "Y")).toBe(false);
    expect(instruments(g, "X", "Y")).toEqual([]);
  });

  it("conditional IV: W -> Z, W -> Y makes Z an instrument given W only", () => {
    const g = CausalGraph.from({
      directed: [
        ["W", "Z"],
        ["Z", "X"],
        ["X", "Y"],
        ["W", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(isInstrument(g, "Z", "X", "Y")).toBe(false);
    expect(isInstrument(g, "Z", "X", "Y", ["W"])).toBe(true);
    expect(instruments(g, "X", "Y")).toEqual([{ instrument: "Z", given: ["W"] }]);
  });

  it("lists every minimal conditioning set of an instrument", () => {
    // Z <- A -> B -> Y: Z is an instrument given {A} and given {B}.
    const g = CausalGraph.from({
      directed: [
        ["A", "Z"],
        ["A", "B"],
        ["B", "Y"],
        ["Z", "X"],
        ["X", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(instruments(g, "X", "Y")).toEqual([
      { instrument: "A", given: ["B"] },
      { instrument: "Z", given: ["A"] },
      { instrument: "Z", given: ["B"] },
    ]);
    expect(instruments(g, "X", "Y", { max: 2 })).toHaveLength(2);
  });

  it("total effects: mediators and their descendants are never conditioned on", () => {
    // Z -> X -> M -> Y, X <-> Y, M -> D.
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["X", "M"],
        ["M", "Y"],
        ["M", "D"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(isInstrument(g, "Z", "X", "Y")).toBe(true);
    expect(isInstrument(g, "Z", "X", "Y", ["M"])).toBe(false);
    expect(isInstrument(g, "Z", "X", "Y", ["D"])).toBe(false);
    expect(instruments(g, "X", "Y")).toEqual([{ instrument: "Z", given: [] }]);
  });

  it("descendants of Y are never conditioned on", () => {
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["X", "Y"],
        ["Y", "D"],
      ],
      bidirected: [["X", "Y"]],
    });
    expect(isInstrument(g, "Z", "X", "Y", ["D"])).toBe(false);
  });

  it("accepts a non-ancestral conditional instrument, which instruments() does not list", () => {
    // Z -> C <- X -> Y: Z is independent of X, but given the collider C it is relevant, and
    // still separated from Y (X -> Y is removed in the proper back-door graph).
    const g = CausalGraph.from({
      directed: [
        ["Z", "C"],
        ["X", "C"],
        ["X", "Y"],
      ],
    });
    expect(isInstrument(g, "Z", "X", "Y")).toBe(false);
    expect(isInstrument(g, "Z", "X", "Y", ["C"])).toBe(true);
    expect(instruments(g, "X", "Y").filter((p) => p.instrument === "Z")).toEqual([]);
  });

  it("latent nodes are neither instruments nor conditioned on", () => {
    const g = CausalGraph.from({
      directed: [
        ["W", "Z"],
        ["Z", "X"],
        ["X", "Y"],
        ["W", "Y"],
      ],
      bidirected: [["X", "Y"]],
      latent: ["W"],
    });
    expect(instruments(g, "X", "Y")).toEqual([]);
  });

  it("works with awkward node names", () => {
    const g = CausalGraph.from({
      directed: [
        ["my var", "__proto__"],
        ["__proto__", "X_1"],
        ["X_1", "constructor"],
        ["my var", "constructor"],
      ],
      bidirected: [["X_1", "constructor"]],
    });
    expect(instruments(g, "X_1", "constructor")).toEqual([
      { instrument: "__proto__", given: ["my var"] },
    ]);
    expect(isInstrument(g, "__proto__", "X_1", "constructor", "my var")).toBe(true);
  });
});

describe("Wald estimand and ratio", () => {
  it("formats the estimand", () => {
    expect(waldEstimand("Z", "X", "Y")).toBe("Cov(Y,Z)/Cov(X,Z)");
    expect(waldEstimand("Z", "X", "Y", ["W1", "W2"])).toBe("Cov(Y,Z|W1,W2)/Cov(X,Z|W1,W2)");
    expect(waldEstimand("my z", "X_1", "Y", "w")).toBe("Cov(Y,my z|w)/Cov(X_1,my z|w)");
  });

  it("computes Cov(Y,Z)/Cov(X,Z), and partial covariances given W", () => {
    // Z -> X -> Y, X = 0.5 Z + e, Y = 2 X + u with Var(Z) = 1: Cov(Y,Z) = 1, Cov(X,Z) = 0.5.
    const c = new Map([
      ["Y|Z", 1],
      ["X|Z", 0.5],
    ]);
    expect(waldRatio((a, b) => c.get(`${a}|${b}`) ?? 0, "Z", "X", "Y")).toBe(2);
    // W -> Z (1), W -> Y (1), Z -> X (1), X -> Y (3); all noise variances 1.
    // Var(W) = 1, Z = W + e_Z, X = Z + e_X, Y = 3X + W + e_Y.
    const load: Record<string, number[]> = {
      W: [1, 0, 0, 0],
      Z: [1, 1, 0, 0],
      X: [1, 1, 1, 0],
      Y: [4, 3, 3, 1],
    };
    const cov = (a: string, b: string): number => {
      const ra = load[a] ?? [];
      const rb = load[b] ?? [];
      return ra.reduce((s, v, k) => s + v * (rb[k] ?? 0), 0);
    };
    expect(waldRatio(cov, "Z", "X", "Y", ["W"])).toBeCloseTo(3, 12);
    // Unconditionally the ratio is biased by the open path Z <- W -> Y.
    expect(Math.abs(waldRatio(cov, "Z", "X", "Y") - 3)).toBeGreaterThan(0.1);
  });

  it("rejects bad input with typed errors", () => {
    const cov = (a: string, b: string): number => (a === b ? 1 : 0.5);
    const cases: [() => unknown, string][] = [
      [() => waldRatio(() => 0, "Z", "X", "Y"), "Z"], // Cov(X,Z) = 0
      [() => waldRatio(() => Number.NaN, "Z", "X", "Y"), "cov"],
      [() => waldRatio(() => 1, "Z", "X", "Y", ["A", "B"]), "W"], // singular Cov(W,W)
      [() => waldRatio(cov, "Z", "Z", "Y"), "X"],
      [() => waldRatio(cov, "Z", "X", "Y", ["X"]), "W"],
      [() => waldEstimand("Z", "X", "Z"), "Y"],
    ];
    for (const [call, argument] of cases) {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(InvalidArgumentError);
      expect((caught as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
      expect((caught as InvalidArgumentError).argument).toBe(argument);
    }
  });
});

describe("argument errors", () => {
  const g = CausalGraph.from({
    directed: [
      ["Z", "X"],
      ["X", "Y"],
      ["U", "X"],
      ["U", "Y"],
    ],
    latent: ["U"],
  });

  it("throws typed errors with codes", () => {
    const cases: [() => unknown, new (...args: never[]) => Error, string][] = [
      [() => isInstrument(g, "Q", "X", "Y"), UnknownNodeError, "E_UNKNOWN_NODE"],
      [() => isInstrument(g, "Z", "X", "Y", ["Q"]), UnknownNodeError, "E_UNKNOWN_NODE"],
      [() => instruments(g, "X", "Q"), UnknownNodeError, "E_UNKNOWN_NODE"],
      [() => isInstrument(g, "Z", "X", "X"), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isInstrument(g, "X", "X", "Y"), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isInstrument(g, "U", "X", "Y"), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isInstrument(g, "Z", "X", "Y", ["U"]), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isInstrument(g, "Z", "X", "Y", ["Y"]), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => isInstrument(g, "Z", "X", "Y", ["Z"]), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => instruments(g, "U", "Y"), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [() => instruments(g, "X", "Y", { max: -2 }), InvalidArgumentError, "E_INVALID_ARGUMENT"],
      [
        () => instruments(g, ["X"] as unknown as string, "Y"),
        InvalidArgumentError,
        "E_INVALID_ARGUMENT",
      ],
    ];
    for (const [call, cls, code] of cases) {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(cls);
      expect((caught as { code: string }).code).toBe(code);
    }
  });

  it("does not mutate the graph", () => {
    const before = JSON.stringify(g.toJSON());
    instruments(g, "X", "Y");
    isInstrument(g, "Z", "X", "Y");
    expect(JSON.stringify(g.toJSON())).toBe(before);
  });
});
