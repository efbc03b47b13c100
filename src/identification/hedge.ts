import { ancestors } from "../graph/ancestry.js";
import { cComponents } from "../graph/c-components.js";
import type { NodeSet, ReadonlyCausalGraph } from "../graph/causal-graph.js";
import { doGraph } from "../graph/mutilate.js";
import { inducedSubgraph } from "../graph/subgraph.js";
import {
  assertDisjoint,
  assertNonEmpty,
  observedGraph,
  resolveObserved,
} from "./_internal/id-query.js";

/**
 * The witness of non-identifiability returned by {@link identifyEffect}: the node sets of two
 * c-forests `F ⊋ F'` that form a hedge (Shpitser & Pearl 2006, Def. 5). Two models that agree
 * on the observational distribution but disagree on the effect can be built on the hedge, so no
 * estimand exists.
 *
 * The c-forests themselves are edge subgraphs of the subgraphs induced by `f` and `fPrime`
 * (keep the bidirected edges of a spanning tree and one directed edge out of every non-root
 * node); {@link verifyHedge} checks that such forests exist.
 *
 * @since 0.1.0
 */
export interface Hedge {
  /** The nodes of the larger c-forest F (it meets the treatment). */
  readonly f: readonly string[];
  /** The nodes of the smaller c-forest F' ⊂ F (it avoids the treatment). */
  readonly fPrime: readonly string[];
}

/** Nodes of `nodes` without a child inside `nodes`. */
function sinks(graph: ReadonlyCausalGraph, nodes: ReadonlySet<string>): string[] {
  return [...nodes].filter((v) => graph.children(v).every((c) => !nodes.has(c)));
}

function isCConnected(graph: ReadonlyCausalGraph, nodes: readonly string[]): boolean {
  return cComponents(inducedSubgraph(graph, nodes)).length === 1;
}

/**
 * Checks structurally that `hedge` is a hedge for `P(Y | do(X))` in `graph` (Shpitser & Pearl
 * 2006, Def. 4 and 5):
 * - a **c-forest** is a graph whose bidirected edges connect all its nodes (a single
 *   c-component) and in which every node has at most one child; its **root set** R is the set
 *   of its nodes without children;
 * - F and F' form a **hedge** for `P(y | do(x))` if both are R-rooted c-forests with the same
 *   root set R, F' ⊆ F, F ∩ X ≠ ∅, F' ∩ X = ∅ and R ⊆ An(Y) in `G_{\bar X}` (ancestors of Y in
 *   the graph with the edges into X removed).
 *
 * The hedge is given by node sets, so the check asks whether c-forests with these node sets
 * exist as edge subgraphs of `graph`: both induced subgraphs are c-connected, `fPrime ⊆ f`, and
 * with R taken as the nodes without children in the subgraph induced by F or by F' (the
 * smallest possible common root set), R ⊆ F' and R ⊆ An(Y)_{G_{\bar X}}. Latent-role nodes are
 * projected out first, as in {@link identifyEffect}.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param X - the treatment
 * @param Y - the outcome
 * @param hedge - the candidate hedge
 * @returns true if the node sets carry a hedge for `P(Y | do(X))`
 * @throws {@link UnknownNodeError} if a node of X, Y or the hedge does not exist
 * @throws {@link InvalidArgumentError} if Y is empty, X and Y overlap, or a node of X, Y or the
 *   hedge is latent
 * @remarks O(n + m) graph work plus the sink test over the edges inside F.
 * @see Shpitser & Pearl (2006), "Identification of joint interventional distributions in
 *   recursive semi-Markovian causal models", AAAI, Definitions 4-5 and Theorem 4 (a failure of
 *   ID exhibits a hedge).
 * @example
 * ```ts
 * const bow = CausalGraph.from({ directed: [["X", "Y"]], bidirected: [["X", "Y"]] });
 * verifyHedge(bow, ["X"], ["Y"], { f: ["X", "Y"], fPrime: ["Y"] }); // true
 * ```
 * @since 0.1.0
 */
export function verifyHedge(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  hedge: Hedge,
): boolean {
  const where = "identification.verifyHedge";
  const x = resolveObserved(graph, X, "X", where);
  const y = resolveObserved(graph, Y, "Y", where);
  assertNonEmpty(y, "Y", where);
  assertDisjoint(x, "X", y, "Y", where);
  const f = resolveObserved(graph, hedge.f, "hedge.f", where);
  const fPrime = resolveObserved(graph, hedge.fPrime, "hedge.fPrime", where);
  const g = observedGraph(graph);
  const fSet = new Set(f);
  const fPrimeSet = new Set(fPrime);
  const xSet = new Set(x);
  if (fPrime.length === 0 || !fPrime.every((v) => fSet.has(v))) return false;
  if (!f.some((v) => xSet.has(v)) || fPrime.some((v) => xSet.has(v))) return false;
  if (!isCConnected(g, f) || !isCConnected(g, fPrime)) return false;
  const roots = new Set([...sinks(g, fSet), ...sinks(g, fPrimeSet)]);
  const anY = ancestors(doGraph(g, x), y);
  for (const r of roots) if (!fPrimeSet.has(r) || !anY.has(r)) return false;
  return true;
}
