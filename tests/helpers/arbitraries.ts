/**
 * fast-check arbitraries for causalkit tests. Graphs are acyclic by construction: node i of a
 * random name list may only point to node j > i; the nodes are then inserted in an independent
 * random order, so insertion order is not a topological order.
 */
import fc from "fast-check";
import { CausalGraph } from "../../src/graph/index.js";

/** Node names that break naive implementations (prototype keys, spaces, unicode, arrows). */
export const ODD_NODE_NAMES: readonly string[] = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "my var",
  "X_1",
  "x.y",
  "a -> b",
  "Ünïcødé",
  "日本",
  "0",
  "1",
  " ",
  "",
];

/** Options of {@link arbitraryDag} and {@link arbitraryAdmg}. */
export interface GraphArbitraryOptions {
  /** Smallest number of nodes. Default 1. */
  readonly minNodes?: number;
  /** Largest number of nodes. Default 8. */
  readonly maxNodes?: number;
  /** Whether nodes may get the `latent` role (each with probability ~1/4). Default false. */
  readonly latent?: boolean;
}

/** A random node name: mostly short strings, often one of {@link ODD_NODE_NAMES}. */
export const arbitraryNodeName: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...ODD_NODE_NAMES), weight: 1 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 3 }), weight: 2 },
);

function arbitraryGraph(
  options: GraphArbitraryOptions,
  bidirected: boolean,
): fc.Arbitrary<CausalGraph> {
  const minNodes = options.minNodes ?? 1;
  const maxNodes = options.maxNodes ?? 8;
  return fc
    .uniqueArray(arbitraryNodeName, { minLength: minNodes, maxLength: maxNodes })
    .chain((names) => {
      const n = names.length;
      const pairs = (n * (n - 1)) / 2;
      const draws = fc.array(fc.integer({ min: 0, max: 99 }), {
        minLength: pairs,
        maxLength: pairs,
      });
      return fc.record({
        names: fc.constant(names),
        density: fc.integer({ min: 0, max: 70 }),
        draws,
        bidirectedDensity: bidirected ? fc.integer({ min: 0, max: 25 }) : fc.constant(0),
        bidirectedDraws: draws,
        order: fc.shuffledSubarray(
          names.map((_, i) => i),
          { minLength: n, maxLength: n },
        ),
        latentDraws: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      });
    })
    .map(({ names, density, draws, bidirectedDensity, bidirectedDraws, order, latentDraws }) => {
      const directed: [string, string][] = [];
      const bi: [string, string][] = [];
      let k = 0;
      for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++, k++) {
          const a = names[i] as string;
          const b = names[j] as string;
          if ((draws[k] as number) < density) directed.push([a, b]);
          if ((bidirectedDraws[k] as number) < bidirectedDensity) bi.push([a, b]);
        }
      }
      const latent = options.latent ? names.filter((_, i) => latentDraws[i] === 0) : [];
      return CausalGraph.from({
        nodes: order.map((i) => names[i] as string),
        directed,
        bidirected: bi,
        latent,
      });
    });
}

/**
 * Random DAGs (no bidirected edges) with random, often odd, node names.
 *
 * @param options - size and roles
 * @returns an arbitrary of {@link CausalGraph}
 */
export function arbitraryDag(options: GraphArbitraryOptions = {}): fc.Arbitrary<CausalGraph> {
  return arbitraryGraph(options, false);
}

/**
 * Random ADMGs (directed plus bidirected edges, bows allowed) with random node names.
 *
 * @param options - size and roles
 * @returns an arbitrary of {@link CausalGraph}
 */
export function arbitraryAdmg(options: GraphArbitraryOptions = {}): fc.Arbitrary<CausalGraph> {
  return arbitraryGraph(options, true);
}

/**
 * A random graph together with a random label per node (0..labels-1), for drawing disjoint node
 * sets: e.g. label 1 = X, 2 = Y, 3 = Z.
 *
 * @param graph - the graph arbitrary
 * @param labels - number of labels
 * @returns pairs `[graph, labelOf]`, `labelOf` in node order
 */
export function withNodeLabels(
  graph: fc.Arbitrary<CausalGraph>,
  labels: number,
): fc.Arbitrary<[CausalGraph, number[]]> {
  return graph.chain((g) =>
    fc.tuple(
      fc.constant(g),
      fc.array(fc.integer({ min: 0, max: labels - 1 }), {
        minLength: g.order,
        maxLength: g.order,
      }),
    ),
  );
}
