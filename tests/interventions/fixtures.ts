import { createScm, type Scm } from "../../src/scm/index.js";

/**
 * A mixed model with awkward names and a latent common cause L of "my var" and X_1:
 *
 *   Z ──> my var ──┐
 *   │       ↕ (L)  ├──> Y ──> S ──> __proto__
 *   └───> X_1 ─────┘
 */
export function mixedModel(): Scm {
  return createScm({
    variables: [
      {
        name: "__proto__",
        domain: { type: "discrete", states: ["lo", "mid", "hi"] },
        mechanism: {
          type: "cpt",
          parents: ["S"],
          table: [
            [0.5, 0.3, 0.2],
            [0.1, 0.2, 0.7],
          ],
        },
      },
      {
        name: "S",
        domain: { type: "discrete", states: ["no", "yes"] },
        mechanism: { type: "logistic", parents: ["Y"], coefficients: [0.8], intercept: -0.5 },
      },
      {
        name: "Y",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: ["X_1", "my var"], coefficients: [1.5, -2] },
      },
      {
        name: "X_1",
        domain: { type: "continuous" },
        mechanism: { type: "expression", expression: "2*Z + L" },
      },
      {
        name: "my var",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: ["Z"], coefficients: [0.5], noise: "L" },
      },
      {
        name: "Z",
        domain: { type: "continuous" },
        mechanism: { type: "linear", parents: [], coefficients: [], intercept: 1 },
      },
    ],
    exogenous: [{ name: "L", distribution: { type: "normal", mean: 0, sd: 2 } }],
  });
}

/** Sorted directed edges, for order-independent comparison. */
export function directedEdges(m: Scm): string[] {
  return m.graph
    .directedEdges()
    .map(([a, b]) => `${a} -> ${b}`)
    .sort();
}

/** Sorted bidirected edges (endpoints sorted too). */
export function bidirectedEdges(m: Scm): string[] {
  return m.graph
    .bidirectedEdges()
    .map(([a, b]) => (a < b ? `${a} <-> ${b}` : `${b} <-> ${a}`))
    .sort();
}

/** The model's spec as JSON text (deep, order-sensitive comparison). */
export function specText(m: Scm): string {
  return JSON.stringify(m.toSpec());
}
