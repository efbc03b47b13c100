import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dConnectedNodes, dSeparated, mSeparated } from "../../src/graph/index.js";
import { arbitraryAdmg, arbitraryDag, withNodeLabels } from "../helpers/arbitraries.js";
import { bruteSeparated, groupByLabel } from "./brute-force.js";

// Label 0: unused, 1: X, 2: Y, 3: Z.
const dagCase = withNodeLabels(arbitraryDag({ minNodes: 2, maxNodes: 10 }), 4);
const admgCase = withNodeLabels(arbitraryAdmg({ minNodes: 2, maxNodes: 10 }), 4);

describe("dSeparated (property, oracle: separation in the moralised ancestral graph)", () => {
  for (const [kind, arb] of [
    ["DAG", dagCase],
    ["ADMG", admgCase],
  ] as const) {
    it(`agrees with the brute-force augmented-graph criterion on random ${kind}s`, () => {
      fc.assert(
        fc.property(arb, ([g, labels]) => {
          const X = groupByLabel(g, labels, 1);
          const Y = groupByLabel(g, labels, 2);
          const Z = groupByLabel(g, labels, 3);
          fc.pre(X.length > 0 && Y.length > 0);
          expect(dSeparated(g, X, Y, Z)).toBe(bruteSeparated(g, X, Y, Z));
        }),
        { seed: 42, numRuns: 400 },
      );
    });

    it(`is symmetric in X and Y and mSeparated agrees (${kind})`, () => {
      fc.assert(
        fc.property(arb, ([g, labels]) => {
          const X = groupByLabel(g, labels, 1);
          const Y = groupByLabel(g, labels, 2);
          const Z = groupByLabel(g, labels, 3);
          fc.pre(X.length > 0 && Y.length > 0);
          const forward = dSeparated(g, X, Y, Z);
          expect(dSeparated(g, Y, X, Z)).toBe(forward);
          expect(mSeparated(g, X, Y, Z)).toBe(forward);
        }),
        { seed: 43, numRuns: 200 },
      );
    });

    it(`satisfies decomposition: X ⊥ Y∪W | Z implies X ⊥ Y | Z (${kind})`, () => {
      fc.assert(
        fc.property(
          withNodeLabels(
            kind === "DAG"
              ? arbitraryDag({ minNodes: 3, maxNodes: 10 })
              : arbitraryAdmg({ minNodes: 3, maxNodes: 10 }),
            5,
          ),
          ([g, labels]) => {
            const X = groupByLabel(g, labels, 1);
            const Y = groupByLabel(g, labels, 2);
            const Z = groupByLabel(g, labels, 3);
            const W = groupByLabel(g, labels, 4);
            fc.pre(X.length > 0 && Y.length > 0 && W.length > 0);
            if (dSeparated(g, X, [...Y, ...W], Z)) {
              expect(dSeparated(g, X, Y, Z)).toBe(true);
              expect(dSeparated(g, X, W, Z)).toBe(true);
            }
          },
        ),
        { seed: 44, numRuns: 200 },
      );
    });

    it(`dConnectedNodes is exactly the set of nodes not separated from X (${kind})`, () => {
      fc.assert(
        fc.property(arb, ([g, labels]) => {
          const X = groupByLabel(g, labels, 1);
          const Z = groupByLabel(g, labels, 3);
          fc.pre(X.length > 0);
          const connected = dConnectedNodes(g, X, Z);
          const expected = g
            .nodes()
            .filter((v) => !X.includes(v) && !Z.includes(v) && !bruteSeparated(g, X, [v], Z));
          expect([...connected]).toEqual(expected);
        }),
        { seed: 45, numRuns: 200 },
      );
    });
  }
});
