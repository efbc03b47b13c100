// The local Markov bases of a DAG and of an ADMG, on the compact index. Internal to
// `causalkit/graph`; not exported from the package.
import { internalError } from "../../errors.js";
import type { CompactIndex } from "../causal-graph.js";
import { markDescendants } from "./compact.js";

/**
 * One statement `x ⊥ y | given` on node numbers (`y` and `given` ascending).
 *
 * @internal
 */
export interface IdStatement {
  readonly x: number;
  readonly y: Int32Array;
  readonly given: Int32Array;
}

/**
 * The local Markov property of a DAG (Lauritzen et al. 1990): for every node v in node order,
 * `v ⊥ nd(v) \ pa(v) | pa(v)`, where nd(v) are the non-descendants of v; nodes with an empty
 * right-hand side are skipped. O(n (n + m)).
 *
 * @internal
 */
export function dagLocalBasis(ix: CompactIndex): IdStatement[] {
  const n = ix.names.length;
  const out: IdStatement[] = [];
  const mark = new Uint8Array(n);
  const stack = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    mark.fill(0);
    markDescendants(ix, [v], mark, stack);
    const start = ix.parentOffsets[v] as number;
    const end = ix.parentOffsets[v + 1] as number;
    for (let e = start; e < end; e++) mark[ix.parents[e] as number] = 1;
    const rest: number[] = [];
    for (let u = 0; u < n; u++) if (mark[u] === 0) rest.push(u);
    if (rest.length === 0) continue;
    out.push({
      x: v,
      y: Int32Array.from(rest),
      given: ix.parents.slice(start, end).sort(),
    });
  }
  return out;
}

/**
 * The ordered local Markov property of an ADMG (Richardson 2003, §3.1), reduced to one
 * statement per Markov blanket. For a topological order `<` and a node v, let W be v and its
 * predecessors. For every ancestral set A with v ∈ A ⊆ W, with D = dis_A(v) (the district of v
 * in G_A) and mb(v, A) = (D ∪ pa(D)) \ {v}, the property states
 * `v ⊥ A \ ({v} ∪ mb(v, A)) | mb(v, A)`.
 *
 * The statement depends on A only through D and A; for a fixed D the admissible A are closed
 * under union (a sibling of D inside A ∪ A' lies in A or in A', hence in D), and the largest is
 * A_D = W \ De(B) with B = sib(D) ∩ W \ D, admissible iff no node of D descends from B.
 * Statements of smaller A with the same D follow from A_D's by decomposition. So this lists, for
 * every bidirected-connected D ∋ v inside W whose boundary B has no descendant in D, the
 * statement of A_D (when its right-hand side is non-empty). `position[u]` is u's index in the
 * topological order. Exponential in the size of v's district in the worst case.
 *
 * @internal
 */
export function admgOrderedLocalBasis(ix: CompactIndex, position: Int32Array): IdStatement[] {
  const n = ix.names.length;
  const out: IdStatement[] = [];
  const inW = new Uint8Array(n);
  const inD = new Uint8Array(n);
  const banned = new Uint8Array(n);
  const inFrontier = new Uint8Array(n);
  const mark = new Uint8Array(n);
  const stack = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    const pv = position[v] as number;
    for (let u = 0; u < n; u++) inW[u] = (position[u] as number) <= pv ? 1 : 0;
    const seen = new Set<string>();
    const local: IdStatement[] = [];
    const members: number[] = [];

    const emit = (): void => {
      // Boundary B = siblings of D inside W, outside D; A_D = W \ De(B).
      const boundary: number[] = [];
      for (const d of members) {
        const end = ix.siblingOffsets[d + 1] as number;
        for (let e = ix.siblingOffsets[d] as number; e < end; e++) {
          const s = ix.siblings[e] as number;
          if (inW[s] === 1 && inD[s] === 0) boundary.push(s);
        }
      }
      mark.fill(0);
      markDescendants(ix, boundary, mark, stack);
      for (const d of members) if (mark[d] === 1) return;
      // mark: 1 = De(B) (outside A); 2 = in the blanket or v itself.
      for (const d of members) {
        mark[d] = 2;
        const end = ix.parentOffsets[d + 1] as number;
        for (let e = ix.parentOffsets[d] as number; e < end; e++) {
          const p = ix.parents[e] as number;
          if (mark[p] === 1) internalError("graph.impliedIndependencies: A_D is not ancestral");
          mark[p] = 2;
        }
      }
      const given: number[] = [];
      const rest: number[] = [];
      for (let u = 0; u < n; u++) {
        if (inW[u] === 0 || u === v) continue;
        if (mark[u] === 2) given.push(u);
        else if (mark[u] === 0) rest.push(u);
      }
      if (rest.length === 0) return;
      const key = `${given.join(",")}|${rest.join(",")}`;
      if (seen.has(key)) return;
      seen.add(key);
      local.push({ x: v, y: Int32Array.from(rest), given: Int32Array.from(given) });
    };

    // Connected sets D ∋ v of the bidirected graph inside W, each once: branch on the first
    // frontier node (take it into D, or ban it). The frontier holds the non-banned siblings
    // of D inside W that are not in D.
    const grow = (frontier: number[]): void => {
      if (frontier.length === 0) {
        emit();
        return;
      }
      const [w, ...others] = frontier as [number, ...number[]];
      // Branch 1: w joins D; its new siblings join the frontier.
      inD[w] = 1;
      members.push(w);
      inFrontier[w] = 0;
      const added: number[] = [];
      const end = ix.siblingOffsets[w + 1] as number;
      for (let e = ix.siblingOffsets[w] as number; e < end; e++) {
        const s = ix.siblings[e] as number;
        if (inW[s] === 1 && inD[s] === 0 && banned[s] === 0 && inFrontier[s] === 0) {
          inFrontier[s] = 1;
          added.push(s);
        }
      }
      grow([...others, ...added]);
      for (const s of added) inFrontier[s] = 0;
      members.pop();
      inD[w] = 0;
      // Branch 2: w stays out of D.
      banned[w] = 1;
      grow(others);
      banned[w] = 0;
      inFrontier[w] = 1;
    };

    inD[v] = 1;
    members.push(v);
    const frontier: number[] = [];
    const end = ix.siblingOffsets[v + 1] as number;
    for (let e = ix.siblingOffsets[v] as number; e < end; e++) {
      const s = ix.siblings[e] as number;
      if (inW[s] === 1 && inFrontier[s] === 0) {
        inFrontier[s] = 1;
        frontier.push(s);
      }
    }
    grow(frontier);
    for (const s of frontier) inFrontier[s] = 0;
    members.pop();
    inD[v] = 0;

    local.sort((a, b) => compareIds(a.given, b.given) || compareIds(a.y, b.y));
    out.push(...local);
  }
  return out;
}

/**
 * Orders node-number sets by size, then lexicographically.
 *
 * @internal
 */
export function compareIds(a: Int32Array, b: Int32Array): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}
