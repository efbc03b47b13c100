// fast-check arbitraries for the identification tests: small random DAGs / ADMGs with latent
// nodes, awkward node names, and an exposure / outcome query.
import fc from "fast-check";
import { CausalGraph } from "../../src/graph/causal-graph.js";
import type { BruteGraph } from "./_brute.js";

/** Node names that stress string handling (prototype keys, spaces, unicode, digits). */
const NAME_POOL = [
  "A",
  "X_1",
  "my var",
  "__proto__",
  "constructor",
  "b c",
  "Y",
  "é",
  "t-1",
  "0",
  "toString",
  "z.z",
];

/** A random query: a graph plus exposures, outcomes and include / exclude options. */
export interface RandomQuery {
  readonly graph: BruteGraph;
  readonly X: string[];
  readonly Y: string[];
  readonly include: string[];
  readonly exclude: string[];
}

/** Builds the causalkit graph of a plain graph. */
export function toCausalGraph(g: BruteGraph): CausalGraph {
  return CausalGraph.from({
    nodes: g.nodes,
    directed: g.directed,
    bidirected: g.bidirected,
    latent: g.latent,
  });
}

const pct = (): fc.Arbitrary<number> => fc.noBias(fc.integer({ min: 0, max: 99 }));

/**
 * Random queries on graphs with 3..maxNodes nodes. Directed edges follow a random topological
 * order (independent of the node order); about 15% of the nodes are latent; with `bidirected`,
 * some pairs also get a bidirected edge. X and Y have 1-2 observed nodes each. With
 * `options`, some queries carry `include` / `exclude` nodes.
 */
export function queryArb(
  maxNodes: number,
  bidirected: boolean,
  options: boolean,
): fc.Arbitrary<RandomQuery> {
  return fc.noBias(fc.integer({ min: 3, max: maxNodes })).chain((n) => {
    const pairs = (n * (n - 1)) / 2;
    return fc
      .record({
        names: fc.shuffledSubarray(NAME_POOL, { minLength: n, maxLength: n }),
        rank: fc.array(pct(), { minLength: n, maxLength: n }),
        density: fc.noBias(fc.integer({ min: 30, max: 75 })),
        directed: fc.array(pct(), { minLength: pairs, maxLength: pairs }),
        bidi: fc.array(pct(), { minLength: pairs, maxLength: pairs }),
        latent: fc.array(pct(), { minLength: n, maxLength: n }),
        role: fc.array(pct(), { minLength: n, maxLength: n }),
        x0: fc.noBias(fc.integer({ min: 0, max: n - 1 })),
        late: fc.boolean(),
        y0: fc.noBias(fc.integer({ min: 1, max: n - 1 })),
      })
      .map((r) => {
        const names = r.names;
        const x0 = r.x0;
        const y0 = (r.x0 + r.y0) % n;
        // Usually put X and Y late in the causal order, so that they have many ancestors and
        // the back-door structure is rich; otherwise keep the order uniform.
        const rank = [...r.rank];
        if (r.late) {
          rank[x0] = 100;
          rank[y0] = 101;
        }
        const order = names.map((_, i) => i).sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0));
        const topo = new Map(order.map((v, i) => [v, i]));
        const directedEdges: [string, string][] = [];
        const bidirectedEdges: [string, string][] = [];
        let k = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const [a, b] = (topo.get(i) ?? 0) < (topo.get(j) ?? 0) ? [i, j] : [j, i];
            if ((r.directed[k] ?? 100) < r.density) {
              directedEdges.push([names[a] as string, names[b] as string]);
            }
            if (bidirected && (r.bidi[k] ?? 100) < 15) {
              bidirectedEdges.push([names[i] as string, names[j] as string]);
            }
            k++;
          }
        }
        const X = [names[x0] as string];
        const Y = [names[y0] as string];
        const latent: string[] = [];
        const include: string[] = [];
        const exclude: string[] = [];
        names.forEach((v, i) => {
          if (i === x0 || i === y0) return;
          const role = r.role[i] ?? 0;
          if ((r.latent[i] ?? 100) < 15) latent.push(v);
          else if (role < 5) X.push(v);
          else if (role < 10) Y.push(v);
          else if (options && role < 21) include.push(v);
          else if (options && role < 28) exclude.push(v);
        });
        const graph: BruteGraph = {
          nodes: names,
          directed: directedEdges,
          bidirected: bidirectedEdges,
          latent,
        };
        return { graph, X, Y, include, exclude };
      });
  });
}
