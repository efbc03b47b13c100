import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  graphFingerprint,
  hashKey,
  hashKeyAfter,
  hashPrefix,
} from "../../src/datasets/_internal/q-hash.js";
import { randomAdmg } from "../../src/datasets/random-admg.js";
import { randomDag } from "../../src/datasets/random-dag.js";
import { relabelNodes } from "../../src/datasets/relabel-nodes.js";

describe("dedupe keys", () => {
  it("a key continued after a prefix equals the key of the whole text", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(hashKeyAfter(hashPrefix(a), b)).toBe(hashKey(a + b));
      }),
      { seed: 42, numRuns: 300 },
    );
    expect(hashKey("")).toBe("811c9dc51000193");
  });
});

describe("graph fingerprint (split key)", () => {
  it("is invariant under renaming and reordering, and tells small non-isomorphic graphs apart", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer(), (n, seed) => {
        const g = randomAdmg({
          nodes: n,
          expectedDegree: Math.min(2, n - 1),
          bidirectedProbability: 0.3,
          seed,
        });
        const json = g.toJSON();
        const renamed = relabelNodes(g, { seed: seed + 1 }).toJSON();
        const shuffled = {
          nodes: [...renamed.nodes].reverse(),
          directed: [...renamed.directed].reverse(),
          bidirected: renamed.bidirected.map(([a, b]) => [b, a] as [string, string]),
        };
        expect(graphFingerprint(shuffled)).toBe(graphFingerprint(json));
      }),
      { seed: 7, numRuns: 200 },
    );
    const chain = {
      nodes: ["a", "b", "c"],
      directed: [
        ["a", "b"],
        ["b", "c"],
      ],
      bidirected: [],
    };
    const fork = {
      nodes: ["a", "b", "c"],
      directed: [
        ["b", "a"],
        ["b", "c"],
      ],
      bidirected: [],
    };
    const collider = {
      nodes: ["a", "b", "c"],
      directed: [
        ["a", "b"],
        ["c", "b"],
      ],
      bidirected: [],
    };
    const prints = [chain, fork, collider].map((g) => graphFingerprint(g as never));
    expect(new Set(prints).size).toBe(3);
  });

  it("spreads graphs uniformly over [0, 2³²)", () => {
    let below = 0;
    const runs = 2000;
    for (let seed = 0; seed < runs; seed++) {
      const print = graphFingerprint(randomDag({ nodes: 8, expectedDegree: 2, seed }).toJSON());
      if (print / 4294967296 < 0.25) below++;
    }
    // Binomial(2000, 0.25): mean 500, sd ≈ 19.4; distinct 8-node graphs are nearly all distinct.
    expect(Math.abs(below - 500)).toBeLessThan(4 * 19.4);
  });
});
