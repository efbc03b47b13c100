/**
 * isMarkovEquivalent against its definition: two DAGs over the same nodes are Markov equivalent
 * iff they have the same d-separations (x, y, Z) for all nodes x ≠ y and sets Z, decided here
 * by the path-enumeration oracle of brute-force.ts on random DAGs with ≤ 5 nodes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CausalGraph, isMarkovEquivalent } from "../../src/graph/index.js";
import { arbitraryNodeName } from "../helpers/arbitraries.js";
import { bruteSeparated, subsets } from "./brute-force.js";

/**
 * Pairs of DAGs over the same names (nodes inserted in a random order): g2 orients g1's
 * skeleton by another random order (two times in three), or has its own random skeleton.
 */
const pairOfDags = fc
  .uniqueArray(arbitraryNodeName, { minLength: 2, maxLength: 5 })
  .chain((names) => {
    const n = names.length;
    const pairs = (n * (n - 1)) / 2;
    const perm = fc.shuffledSubarray(
      names.map((_, i) => i),
      { minLength: n, maxLength: n },
    );
    const draws = fc.array(fc.boolean(), { minLength: pairs, maxLength: pairs });
    return fc.record({
      names: fc.constant(names),
      order1: perm,
      order2: perm,
      insertion: perm,
      skeleton1: draws,
      skeleton2: draws,
      sameSkeleton: fc.integer({ min: 0, max: 2 }),
    });
  })
  .map(({ names, order1, order2, insertion, skeleton1, skeleton2, sameSkeleton }) => {
    // Pair k = (i, j), i < j, is an edge iff skeleton[k]; it points along the order.
    const build = (order: number[], skeleton: boolean[]): CausalGraph => {
      const rank = new Map(order.map((v, r) => [v, r]));
      const directed: [string, string][] = [];
      let k = 0;
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++, k++) {
          if (!skeleton[k]) continue;
          const [a, b] = (rank.get(i) ?? 0) < (rank.get(j) ?? 0) ? [i, j] : [j, i];
          directed.push([names[a] as string, names[b] as string]);
        }
      }
      return CausalGraph.from({ nodes: insertion.map((i) => names[i] as string), directed });
    };
    const g1 = build(order1, skeleton1);
    const g2 = build(order2, sameSkeleton > 0 ? skeleton1 : skeleton2);
    return [g1, g2, sameSkeleton > 0] as const;
  });

function sameSeparations(g1: CausalGraph, g2: CausalGraph): boolean {
  const nodes = g1.nodes();
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const x = nodes[i] as string;
      const y = nodes[j] as string;
      for (const Z of subsets(nodes.filter((v) => v !== x && v !== y))) {
        if (bruteSeparated(g1, [x], [y], Z) !== bruteSeparated(g2, [x], [y], Z)) return false;
      }
    }
  }
  return true;
}

describe("isMarkovEquivalent (property, oracle: all d-separation statements)", () => {
  it("agrees with 'same d-separations over all (x, y, Z)'", () => {
    const seen = { equivalent: 0, not: 0, sameSkeletonNot: 0 };
    fc.assert(
      fc.property(pairOfDags, ([g1, g2, sameSkeleton]) => {
        const expected = sameSeparations(g1, g2);
        if (expected) seen.equivalent++;
        else seen.not++;
        expect(isMarkovEquivalent(g1, g2)).toBe(expected);
        expect(isMarkovEquivalent(g2, g1)).toBe(expected);
        expect(isMarkovEquivalent(g1, g1)).toBe(true);
        if (!expected && sameSkeleton) seen.sameSkeletonNot++;
      }),
      { seed: 42, numRuns: 400 },
    );
    expect(seen.equivalent).toBeGreaterThan(80);
    expect(seen.not).toBeGreaterThan(80);
    // Same skeleton, different v-structures: the case that needs the collider check.
    expect(seen.sameSkeletonNot).toBeGreaterThan(30);
  });
});
