// Example-based tests of identifyEffect, identifyConditionalEffect and verifyHedge on named
// graphs (front door, bow arc, napkin, latent-role projection), odd node names, result kinds,
// input validation and purity. Numerical correctness against the interventional truth is in
// id-oracle.test.ts, id-exhaustive.test.ts and id.prop.test.ts.
import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import {
  evaluateEstimand,
  formatEstimand,
  formatEstimandLatex,
  freeVariables,
  jointTableDistribution,
} from "../../src/identification/estimand.js";
import { verifyHedge } from "../../src/identification/hedge.js";
import { identifyEffect } from "../../src/identification/id.js";
import { identifyConditionalEffect } from "../../src/identification/idc.js";
import { expectError } from "../helpers/errors.js";
import { assignments, latentTable, mulberry32, randomLatentModel } from "./_id-latent-model.js";

// Front door (Pearl 2009, §3.3.2): X -> M -> Y, X <-> Y.
const frontDoor = (): CausalGraph =>
  CausalGraph.from({
    directed: [
      ["X", "M"],
      ["M", "Y"],
    ],
    bidirected: [["X", "Y"]],
  });
// Bow arc (Pearl 2009, Fig. 3.9(a)): X -> Y, X <-> Y.
const bow = (): CausalGraph =>
  CausalGraph.from({ directed: [["X", "Y"]], bidirected: [["X", "Y"]] });
// Napkin (Pearl & Mackenzie 2018, p. 240).
const napkin = (): CausalGraph =>
  CausalGraph.from({
    directed: [
      ["Z2", "Z1"],
      ["Z1", "X"],
      ["X", "Y"],
    ],
    bidirected: [
      ["Z2", "X"],
      ["Z2", "Y"],
    ],
  });

describe("identifyEffect", () => {
  it("gives the front-door formula", () => {
    const r = identifyEffect(frontDoor(), { treatment: "X", outcome: "Y" });
    expect(r.kind).toBe("identified");
    if (r.kind !== "identified") return;
    expect(formatEstimand(r.estimand)).toBe("sum_{M} [P(M|X) * sum_{X} [P(X) * P(Y|X,M)]]");
    expect(formatEstimandLatex(r.estimand)).toBe(
      "\\sum_{m} P(m \\mid x) \\sum_{x'} P(x') P(y \\mid x', m)",
    );
    expect(freeVariables(r.estimand)).toEqual(["X", "Y"]);
  });

  it("handles odd node names", () => {
    const g = CausalGraph.from({
      directed: [
        ["my x", "M_1"],
        ["M_1", "__proto__"],
      ],
      bidirected: [["my x", "__proto__"]],
    });
    const r = identifyEffect(g, { treatment: ["my x"], outcome: ["__proto__"] });
    expect(r.kind).toBe("identified");
    if (r.kind !== "identified") return;
    expect(formatEstimand(r.estimand)).toBe(
      "sum_{M_1} [P(M_1|my x) * sum_{my x} [P(my x) * P(__proto__|my x,M_1)]]",
    );
    expect(formatEstimandLatex(r.estimand)).toBe(
      "\\sum_{m_{1}} P(m_{1} \\mid \\text{my x}) \\sum_{\\text{my x}'} P(\\text{my x}') P(\\text{\\_\\_proto\\_\\_} \\mid \\text{my x}', m_{1})",
    );
  });

  it("reports the bow-arc hedge", () => {
    const r = identifyEffect(bow(), { treatment: "X", outcome: "Y" });
    expect(r).toEqual({ kind: "not-identifiable", hedge: { f: ["X", "Y"], fPrime: ["Y"] } });
    if (r.kind === "not-identifiable") expect(verifyHedge(bow(), "X", "Y", r.hedge)).toBe(true);
  });

  it("identifies the napkin effect (lines 3 and 7 of ID)", () => {
    const r = identifyEffect(napkin(), { treatment: "X", outcome: "Y" });
    expect(r.kind).toBe("identified");
    if (r.kind === "identified") expect(freeVariables(r.estimand).sort()).toEqual(["X", "Y"]);
  });

  it("answers no-effect with the marginal when X is not an ancestor of Y", () => {
    const g = CausalGraph.from({ directed: [["Y", "X"]], bidirected: [["X", "Y"]] });
    const r = identifyEffect(g, { treatment: "X", outcome: "Y" });
    expect(r.kind).toBe("no-effect");
    if (r.kind === "no-effect") expect(formatEstimand(r.estimand)).toBe("P(Y)");
    const empty = identifyEffect(frontDoor(), { treatment: [], outcome: ["Y", "M"] });
    expect(empty.kind).toBe("no-effect");
    if (empty.kind === "no-effect") expect(formatEstimand(empty.estimand)).toBe("P(M,Y)");
  });

  it("projects latent-role nodes out first", () => {
    const explicit = CausalGraph.from({
      directed: [
        ["U", "X"],
        ["U", "Y"],
        ["X", "M"],
        ["M", "Y"],
      ],
      latent: ["U"],
    });
    const r = identifyEffect(explicit, { treatment: "X", outcome: "Y" });
    const viaBidirected = identifyEffect(frontDoor(), { treatment: "X", outcome: "Y" });
    expect(r.kind).toBe("identified");
    if (r.kind !== "identified" || viaBidirected.kind !== "identified") return;
    expect(freeVariables(r.estimand).sort()).toEqual(["X", "Y"]);
    // Same value on a distribution over the observed nodes.
    const plain = { nodes: ["X", "M", "Y"], directed: frontDoor().directedEdges(), bidirected: [] };
    const model = randomLatentModel(
      { ...plain, bidirected: [["X", "Y"]] as [string, string][] },
      mulberry32(5),
    );
    const d = jointTableDistribution(model.variables, model.cards, latentTable(model));
    for (const a of assignments(model, ["X", "Y"])) {
      expect(evaluateEstimand(r.estimand, d, a)).toBeCloseTo(
        evaluateEstimand(viaBidirected.estimand, d, a),
        12,
      );
    }
    // A bow through a latent node is not identifiable.
    const latentBow = CausalGraph.from({
      directed: [
        ["U", "X"],
        ["U", "Y"],
        ["X", "Y"],
      ],
      latent: ["U"],
    });
    const nr = identifyEffect(latentBow, { treatment: "X", outcome: "Y" });
    expect(nr.kind).toBe("not-identifiable");
    if (nr.kind === "not-identifiable") {
      expect(nr.hedge).toEqual({ f: ["X", "Y"], fPrime: ["Y"] });
      expect(verifyHedge(latentBow, "X", "Y", nr.hedge)).toBe(true);
    }
  });

  it("averages out variables that line 3 adds to the intervention", () => {
    // Z -> X -> Y with Z <-> X: ID intervenes on Z too; the estimand keeps only X and Y free.
    const g = CausalGraph.from({
      directed: [
        ["Z", "X"],
        ["X", "Y"],
      ],
      bidirected: [["Z", "X"]],
    });
    const r = identifyEffect(g, { treatment: "X", outcome: "Y" });
    expect(r.kind).toBe("identified");
    if (r.kind === "identified") {
      expect(formatEstimand(r.estimand)).toBe("sum_{Z} [P(Z) * P(Y|Z,X)]");
    }
  });

  it("returns the raw estimand with simplify: false", () => {
    const g = CausalGraph.from({
      directed: [
        ["T", "X1"],
        ["X1", "Y"],
      ],
    });
    const simplified = identifyEffect(g, { treatment: "T", outcome: "Y" });
    const raw = identifyEffect(g, { treatment: "T", outcome: "Y" }, { simplify: false });
    if (simplified.kind !== "identified" || raw.kind !== "identified") {
      return expect.fail("expected identified");
    }
    expect(formatEstimand(simplified.estimand)).toBe("P(Y|T)");
    expect(formatEstimand(raw.estimand)).toBe("sum_{X1} [P(X1|T) * P(Y|T,X1)]");
  });

  it("does not modify the graph", () => {
    const g = napkin();
    const before = JSON.stringify(g.toJSON());
    identifyEffect(g, { treatment: "X", outcome: "Y" });
    identifyConditionalEffect(g, { treatment: "X", outcome: "Y", given: "Z1" });
    expect(JSON.stringify(g.toJSON())).toBe(before);
  });

  it("rejects invalid queries with typed errors", () => {
    const g = frontDoor();
    expectError(
      () => identifyEffect(g, { treatment: "nope", outcome: "Y" }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    expectError(
      () => identifyEffect(g, { treatment: "X", outcome: ["Y", "missing"] }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    expectError(
      () => identifyEffect(g, { treatment: ["X", "Y"], outcome: "Y" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => identifyEffect(g, { treatment: "X", outcome: [] }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    const latent = CausalGraph.from({
      directed: [
        ["U", "X"],
        ["X", "Y"],
      ],
      latent: ["U"],
    });
    expectError(
      () => identifyEffect(latent, { treatment: "U", outcome: "Y" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});

describe("identifyConditionalEffect", () => {
  it("moves Z into the intervention by rule 2 (Shpitser & Pearl 2006b, Fig. 6a)", () => {
    const g = CausalGraph.from({
      directed: [
        ["X", "Z"],
        ["Z", "Y"],
      ],
      bidirected: [["X", "Z"]],
    });
    expect(identifyEffect(g, { treatment: "X", outcome: "Y" }).kind).toBe("not-identifiable");
    const r = identifyConditionalEffect(g, { treatment: "X", outcome: "Y", given: "Z" });
    expect(r.kind).toBe("identified");
    if (r.kind === "identified") expect(formatEstimand(r.estimand)).toBe("P(Y|X,Z)");
  });

  it("builds P'/Σ_y P' when Z stays a conditioning node", () => {
    const g = CausalGraph.from({
      directed: [
        ["X", "Y"],
        ["Y", "W"],
      ],
      bidirected: [["X", "W"]],
    });
    const r = identifyConditionalEffect(g, { treatment: "X", outcome: "Y", given: "W" });
    expect(r.kind).toBe("identified");
    if (r.kind !== "identified") return;
    expect(formatEstimand(r.estimand)).toBe(
      "[P(Y|X) * sum_{X} [P(X) * P(W|X,Y)]] / [sum_{Y} [P(Y|X) * sum_{X} [P(X) * P(W|X,Y)]]]",
    );
    expect(formatEstimandLatex(r.estimand)).toBe(
      "\\frac{P(y \\mid x) \\sum_{x'} P(x') P(w \\mid x', y)}{\\sum_{y'} P(y' \\mid x) \\sum_{x'} P(x') P(w \\mid x', y')}",
    );
  });

  it("reports the hedge of the reduced query", () => {
    const g = CausalGraph.from({
      directed: [
        ["X", "Y"],
        ["Z", "Y"],
      ],
      bidirected: [["X", "Y"]],
    });
    const r = identifyConditionalEffect(g, { treatment: "X", outcome: "Y", given: "Z" });
    expect(r).toEqual({
      kind: "not-identifiable",
      hedge: { f: ["X", "Y"], fPrime: ["Y"] },
      reducedTreatment: ["X", "Z"],
      reducedOutcome: ["Y"],
    });
  });

  it("equals identifyEffect without conditioning nodes", () => {
    const r = identifyConditionalEffect(napkin(), { treatment: "X", outcome: "Y", given: [] });
    const s = identifyEffect(napkin(), { treatment: "X", outcome: "Y" });
    expect(r.kind).toBe("identified");
    if (r.kind === "identified" && s.kind === "identified") {
      expect(formatEstimand(r.estimand)).toBe(formatEstimand(s.estimand));
    }
  });

  it("rejects overlapping sets", () => {
    const g = frontDoor();
    expectError(
      () => identifyConditionalEffect(g, { treatment: "X", outcome: "Y", given: "X" }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => identifyConditionalEffect(g, { treatment: "X", outcome: "Y", given: ["M", "Y"] }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => identifyConditionalEffect(g, { treatment: "X", outcome: "Y", given: "Q" }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
  });
});

describe("verifyHedge", () => {
  // Pearl 2009, Fig. 3.9(b): X -> Z -> Y, X <-> Z; hedge {X, Z} / {Z}.
  const g = CausalGraph.from({
    directed: [
      ["X", "Z"],
      ["Z", "Y"],
    ],
    bidirected: [["X", "Z"]],
  });

  it("accepts a hedge", () => {
    expect(verifyHedge(g, "X", "Y", { f: ["X", "Z"], fPrime: ["Z"] })).toBe(true);
  });

  it("rejects node sets that are no hedge", () => {
    // F' not inside F.
    expect(verifyHedge(g, "X", "Y", { f: ["X", "Z"], fPrime: ["Y"] })).toBe(false);
    // F' meets X.
    expect(verifyHedge(g, "X", "Y", { f: ["X", "Z"], fPrime: ["X", "Z"] })).toBe(false);
    // F misses X.
    expect(verifyHedge(g, "X", "Y", { f: ["Z"], fPrime: ["Z"] })).toBe(false);
    // F not a c-component (Y is not bidirected-connected).
    expect(verifyHedge(g, "X", "Y", { f: ["X", "Z", "Y"], fPrime: ["Z", "Y"] })).toBe(false);
    // Empty F'.
    expect(verifyHedge(g, "X", "Y", { f: ["X", "Z"], fPrime: [] })).toBe(false);
    // The root Z is not an ancestor of the outcome W.
    const h = CausalGraph.from({
      directed: [
        ["X", "Z"],
        ["Z", "Y"],
      ],
      bidirected: [["X", "Z"]],
      nodes: ["W"],
    });
    expect(verifyHedge(h, "X", "W", { f: ["X", "Z"], fPrime: ["Z"] })).toBe(false);
    // Roots differ: the sink of F (Z) is not in F' when F' = {W}.
    const k = CausalGraph.from({
      directed: [
        ["W", "X"],
        ["X", "Z"],
        ["W", "Y"],
        ["Z", "Y"],
      ],
      bidirected: [
        ["W", "X"],
        ["X", "Z"],
      ],
    });
    expect(verifyHedge(k, "X", "Y", { f: ["W", "X", "Z"], fPrime: ["W"] })).toBe(false);
  });

  it("validates its inputs", () => {
    expectError(
      () => verifyHedge(g, "X", "Y", { f: ["X", "nope"], fPrime: ["Z"] }),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    expectError(
      () => verifyHedge(g, "X", "X", { f: ["X", "Z"], fPrime: ["Z"] }),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});
