import { InvalidArgumentError } from "../errors.js";
import { rebuildGraph } from "./_internal/build.js";
import { EDGE_COMPELLED, labelCompelledEdges } from "./_internal/cpdag-chickering.js";
import { observedDag, skeletonKeys, vStructureKeys } from "./_internal/cpdag-input.js";
import { equivalenceClassMembers, Pdag } from "./_internal/cpdag-meek.js";
import type { CausalGraph, ReadonlyCausalGraph } from "./causal-graph.js";
import { topologicalOrder } from "./topological.js";

/**
 * Whether two DAGs are Markov equivalent: they imply exactly the same d-separations (hence
 * the same conditional independences), which holds iff they have the same nodes, the same
 * skeleton (adjacencies, ignoring direction) and the same v-structures (unshielded colliders
 * `a -> c <- b` with a, b non-adjacent) (Verma & Pearl 1990). Node order and roles other than
 * `latent` are ignored.
 *
 * A graph with `latent` nodes is first replaced by its {@link latentProjection | latent
 * projection} onto the observed nodes, so two models are compared by the independences among
 * their observed variables; the projections must be DAGs. Markov equivalence of ADMGs (which
 * goes through maximal ancestral graphs) is not decided.
 *
 * @param g1 - a DAG (not modified)
 * @param g2 - another DAG (not modified)
 * @returns true iff g1 and g2 are Markov equivalent; false if their (observed) node sets
 *   differ
 * @throws {@link InvalidArgumentError} if either graph (after projecting out latent nodes)
 *   has a bidirected edge
 * @remarks O(n + m + Σ_v |pa(v)|²) for n nodes and m edges.
 * @see Verma & Pearl (1990), "Equivalence and synthesis of causal models", UAI 6, Theorem 1;
 *   Pearl (2009), Causality, 2nd ed., Theorem 1.2.8.
 * @example
 * ```ts
 * const chain = CausalGraph.from({ directed: [["A", "B"], ["B", "C"]] });
 * const fork = CausalGraph.from({ directed: [["B", "A"], ["B", "C"]] });
 * const collider = CausalGraph.from({ directed: [["A", "B"], ["C", "B"]] });
 * isMarkovEquivalent(chain, fork); // true
 * isMarkovEquivalent(chain, collider); // false
 * ```
 * @since 0.1.0
 */
export function isMarkovEquivalent(g1: ReadonlyCausalGraph, g2: ReadonlyCausalGraph): boolean {
  const where = "graph.isMarkovEquivalent";
  const a = observedDag(g1, where);
  const b = observedDag(g2, where);
  if (a.order !== b.order || a.directedSize !== b.directedSize) return false;
  for (const v of a.nodes()) if (!b.hasNode(v)) return false;
  return sameSet(skeletonKeys(a), skeletonKeys(b)) && sameSet(vStructureKeys(a), vStructureKeys(b));
}

/**
 * Options of {@link markovEquivalenceClass}.
 *
 * @since 0.1.0
 */
export interface MarkovEquivalenceClassOptions {
  /**
   * Stop after this many DAGs (a positive integer or `Infinity`). A class can have
   * exponentially many members (a complete graph on k nodes has k!), so pass a cap for large
   * graphs.
   *
   * @defaultValue Infinity
   */
  readonly max?: number;
}

/**
 * Every DAG that is Markov equivalent to `graph` (including a copy of `graph` itself): the
 * orientations of the undirected edges of its {@link cpdag | CPDAG} that create no directed
 * cycle and no new v-structure. Each member has the nodes of `graph` in the same order and
 * their roles.
 *
 * Deterministic order: depth first over the undirected edges of the CPDAG in node order
 * (`a — b` with a before b), trying `a -> b` before `b -> a`; after each choice Meek's rules
 * R1–R4 propagate its consequences, so (by Meek 1995) every branch ends in a member and the
 * delay between two members is polynomial.
 *
 * A graph with `latent` nodes is first replaced by its {@link latentProjection | latent
 * projection} onto the observed nodes; that projection must be a DAG.
 *
 * @param graph - a DAG (not modified)
 * @param options - an optional cap on the number of members
 * @returns the members (at most `max`), as new mutable graphs
 * @throws {@link InvalidArgumentError} if the graph (after projecting out latent nodes) has a
 *   bidirected edge, or `max` is not a positive integer or `Infinity`
 * @remarks Exponential output in general; polynomial time per member.
 * @see Meek (1995), "Causal inference and causal explanation with background knowledge",
 *   UAI 11 (rules R1–R4); Chickering (1995), "A transformational characterization of
 *   equivalent Bayesian network structures", UAI 11; Verma & Pearl (1990), UAI 6.
 * @example
 * ```ts
 * const g = CausalGraph.from({ directed: [["A", "B"], ["B", "C"]] });
 * markovEquivalenceClass(g).map((m) => m.directedEdges());
 * // [[["A", "B"], ["B", "C"]], [["B", "A"], ["B", "C"]], [["B", "A"], ["C", "B"]]]
 * ```
 * @since 0.1.0
 */
export function markovEquivalenceClass(
  graph: ReadonlyCausalGraph,
  options: MarkovEquivalenceClassOptions = {},
): CausalGraph[] {
  const where = "graph.markovEquivalenceClass";
  const max = options.max ?? Number.POSITIVE_INFINITY;
  if (!(max === Number.POSITIVE_INFINITY || (Number.isInteger(max) && max >= 1))) {
    throw new InvalidArgumentError(
      `${where}: max must be a positive integer or Infinity, got ${String(max)}`,
      "max",
    );
  }
  const g = observedDag(graph, where);
  const ix = g.compactIndex();
  const n = ix.names.length;
  const order = Int32Array.from(topologicalOrder(g), (v) => ix.id.get(v) ?? 0);
  const label = labelCompelledEdges(ix, order);
  const pattern = new Pdag(n);
  for (let y = 0; y < n; y++) {
    const end = ix.parentOffsets[y + 1] as number;
    for (let e = ix.parentOffsets[y] as number; e < end; e++) {
      const x = ix.parents[e] as number;
      if (label[e] === EDGE_COMPELLED) pattern.addDirected(x, y);
      else pattern.addUndirected(x, y);
    }
  }
  const members = equivalenceClassMembers(pattern, vStructureKeys(g).size, max);
  return members.map((edges) =>
    rebuildGraph(
      g,
      undefined,
      () => false,
      () => false,
      edges,
    ),
  );
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}
