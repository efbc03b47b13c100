import { InvalidArgumentError } from "../errors.js";
import { augmentedGraph } from "./_internal/augmented.js";
import { markAncestors, resolveIds } from "./_internal/compact.js";
import type { NodeSet, ReadonlyCausalGraph } from "./causal-graph.js";

/**
 * Options of {@link findMinimalSeparator}.
 *
 * @since 0.1.0
 */
export interface MinimalSeparatorOptions {
  /**
   * Nodes the separator must contain (`I` in van der Zander et al. 2019). Must be disjoint
   * from X and Y.
   *
   * @defaultValue []
   */
  readonly include?: NodeSet;
  /**
   * Nodes the separator may contain (`R`); nodes of X or Y in it are ignored. When given, it
   * must contain every node of `include`.
   *
   * @defaultValue every node that is not latent (role `latent`) and not in X or Y, plus the
   *   nodes of `include`
   */
  readonly restrict?: NodeSet;
}

const MARK_I = 1;
const MARK_CANDIDATE = 2;
const MARK_X = 4;
const MARK_Y = 8;

/**
 * An inclusion-minimal set Z with `include ⊆ Z ⊆ restrict` that d-separates (in an ADMG:
 * m-separates) X and Y, or `null` if no Z in that range separates them. Minimal means that no
 * proper subset of Z that still contains `include` separates X and Y. Latent nodes are never
 * chosen unless `restrict` (or `include`) names them.
 *
 * Algorithm FINDMINSEP of van der Zander, Liśkiewicz & Textor (2019): in the augmented (moral)
 * graph of the ancestral set `An(X ∪ Y ∪ include)`, with the nodes of `include` removed, the
 * candidate set `Z' = restrict ∩ An(X ∪ Y ∪ include)` separates X and Y iff some allowed
 * separator exists; it is then shrunk to the candidates reachable from X without crossing
 * another candidate, and then to those of the remaining ones reachable from Y in the same way.
 * The result is deterministic.
 *
 * @param graph - a DAG or ADMG (not modified)
 * @param X - first node set (non-empty)
 * @param Y - second node set (non-empty, disjoint from X)
 * @param options - nodes the separator must / may contain
 * @returns the separator in node order, or `null` if X and Y cannot be separated within the
 *   given range (for example when a node of X is adjacent to a node of Y)
 * @throws {@link UnknownNodeError} if a node does not exist
 * @throws {@link InvalidArgumentError} if X or Y is empty, X and Y overlap, `include` meets
 *   X ∪ Y, or `include` is not inside an explicit `restrict` (`argument` names the set)
 * @remarks O(n + m + Σ_D |D ∪ pa(D)|²) for n nodes and m edges: the cost of building the
 *   augmented graph of the ancestral set, followed by two linear-time searches.
 * @see van der Zander, Liśkiewicz & Textor (2019), "Separators and adjustment sets in causal
 *   graphs: complete criteria and an algorithmic framework", Artificial Intelligence 270
 *   (algorithm FINDMINSEP for finding a minimal m-separator); Lauritzen et al. (1990) and
 *   Richardson (2003) for separation in the moral / augmented ancestral graph.
 * @example
 * ```ts
 * // Back-door graph of the confounding triangle: X <- C -> Y
 * const g = CausalGraph.from({ directed: [["C", "X"], ["C", "Y"]] });
 * findMinimalSeparator(g, "X", "Y"); // ["C"]
 * ```
 * @since 0.1.0
 */
export function findMinimalSeparator(
  graph: ReadonlyCausalGraph,
  X: NodeSet,
  Y: NodeSet,
  options: MinimalSeparatorOptions = {},
): string[] | null {
  const where = "graph.findMinimalSeparator";
  const x = resolveIds(graph, X, where);
  const y = resolveIds(graph, Y, where);
  const include = resolveIds(graph, options.include ?? [], where);
  const restrict =
    options.restrict === undefined ? undefined : resolveIds(graph, options.restrict, where);
  const ix = graph.compactIndex();
  const n = ix.names.length;
  if (x.length === 0) throw new InvalidArgumentError(`${where}: X must not be empty`, "X");
  if (y.length === 0) throw new InvalidArgumentError(`${where}: Y must not be empty`, "Y");

  const marks = new Uint8Array(n);
  for (const v of x) marks[v] = MARK_X;
  for (const v of y) {
    if (marks[v] !== 0) {
      throw new InvalidArgumentError(
        `${where}: node "${ix.names[v]}" is in both X and Y; they must be disjoint`,
        "Y",
      );
    }
    marks[v] = MARK_Y;
  }
  for (const v of include) {
    if (marks[v] !== 0) {
      throw new InvalidArgumentError(
        `${where}: include node "${ix.names[v]}" is in X or Y`,
        "include",
      );
    }
    marks[v] = MARK_I;
  }
  // Allowed nodes R (outside X, Y and I; I is handled separately).
  const allowed = new Uint8Array(n);
  if (restrict === undefined) {
    for (const v of graph.nodesWithRole("latent")) {
      const k = ix.id.get(v);
      if (k !== undefined) allowed[k] = 2; // 2 = excluded
    }
    for (let v = 0; v < n; v++) allowed[v] = allowed[v] === 2 || marks[v] !== 0 ? 0 : 1;
  } else {
    const inR = new Uint8Array(n);
    for (const v of restrict) inR[v] = 1;
    for (const v of include) {
      if (inR[v] === 0) {
        throw new InvalidArgumentError(
          `${where}: include node "${ix.names[v]}" is not in restrict`,
          "include",
        );
      }
    }
    for (let v = 0; v < n; v++) allowed[v] = inR[v] === 1 && marks[v] === 0 ? 1 : 0;
  }

  // Ancestral set An(X ∪ Y ∪ I) and its augmented graph.
  const anc = new Uint8Array(n);
  const work = new Int32Array(n);
  const seeds = new Int32Array(x.length + y.length + include.length);
  seeds.set(x, 0);
  seeds.set(y, x.length);
  seeds.set(include, x.length + y.length);
  markAncestors(ix, seeds, anc, work);
  const { offsets, adj } = augmentedGraph(ix, anc);

  // Candidates Z' = R ∩ An(X ∪ Y ∪ I).
  for (let v = 0; v < n; v++) {
    if (allowed[v] === 1 && anc[v] === 1) marks[v] = MARK_CANDIDATE;
  }

  // Breadth-first search in the augmented graph from `sources`, never entering a node of I and
  // never expanding a node marked `candidate` (such nodes reached are re-marked `reachedMark`).
  // Returns false if a node marked `stop` is reached (no separation).
  const search = (
    sources: Int32Array,
    candidate: number,
    reachedMark: number,
    stop: number,
  ): boolean => {
    const seen = new Uint8Array(n);
    let tail = 0;
    for (const s of sources) {
      seen[s] = 1;
      work[tail++] = s;
    }
    for (let head = 0; head < tail; head++) {
      const v = work[head] as number;
      const end = offsets[v + 1] as number;
      for (let e = offsets[v] as number; e < end; e++) {
        const w = adj[e] as number;
        if (seen[w] !== 0) continue;
        seen[w] = 1;
        const m = marks[w] as number;
        if (m === stop) return false;
        if (m === MARK_I) continue;
        if (m === candidate) {
          marks[w] = reachedMark;
          continue;
        }
        work[tail++] = w;
      }
    }
    return true;
  };

  const MARK_NEAR_X = 16;
  const MARK_NEAR_BOTH = 32;
  // Z'' = candidates reachable from X without crossing another candidate; Y reached = no
  // separator within the allowed range.
  if (!search(x, MARK_CANDIDATE, MARK_NEAR_X, MARK_Y)) return null;
  // Z''' = nodes of Z'' reachable from Y without crossing another node of Z''.
  for (let v = 0; v < n; v++) if (marks[v] === MARK_CANDIDATE) marks[v] = 0;
  search(y, MARK_NEAR_X, MARK_NEAR_BOTH, MARK_X);

  const out: string[] = [];
  for (let v = 0; v < n; v++) {
    const m = marks[v];
    if (m === MARK_I || m === MARK_NEAR_BOTH) out.push(ix.names[v] as string);
  }
  return out;
}
