// Front-door set search on the compact index of a graph. Internal to
// `causalkit/identification`; not exported from the package.
//
// Terms (X, Y node sets; Z a candidate front-door set, observed, disjoint from X ∪ Y):
//   (i)   Z intercepts every directed path from X to Y;
//   (ii)  X and Z are d-separated by ∅ in G_{\underline X} (no open back-door path X ... Z);
//   (iii) Z and Y are d-separated by X in G_{\underline Z} (X blocks every back-door path Z ... Y).
//
// Facts the algorithms rest on (Jeong, Tian & Bareinboim 2022, "Finding and listing front-door
// adjustment sets", NeurIPS; Wienöbst, van der Zander & Liśkiewicz 2024, "Linear-time
// algorithms for front-door adjustment in causal graphs", AAAI):
// - (ii) holds for Z iff it holds for every z ∈ Z separately (marginal separation of sets is
//   separation of every pair). Call A the allowed nodes that pass (ii) on their own.
// - No node of A is an ancestor of X (a directed path a -> ... -> x would connect a to X in
//   G_{\underline X}). Hence, for Z ⊆ A, removing the edges out of Z does not change An(X), and a
//   collider is open given X iff it lies in An(X) in G itself: the collider rule is static.
// - (iii) is closed under union within A: a path from z ∈ Z1 to Y that is open given X in
//   G_{\underline{Z1 ∪ Z2}} is also open in G_{\underline{Z1}} (it has more edges and the same
//   colliders). So, within any range R, there is a largest set satisfying (ii) and (iii), and
//   every such set is a subset of it. (i) is monotone (supersets intercept more), so a front-door
//   set exists in [I, R] iff that largest set contains I and satisfies (i) (the basis of FINDFDSET, JTB 2022).
// - The largest set is a fixpoint: a candidate z must be dropped when some walk from Y that is
//   open given X reaches z through an arrowhead in the graph where the surviving candidates have
//   no outgoing edges; dropping z restores its outgoing edges, which may expose further
//   candidates. One Bayes-ball pass from Y computes the fixpoint in linear time: a move from a
//   node up to a parent p that is still a candidate (the edge p -> · is missing) is remembered,
//   and resumed if p is dropped later (the "continue later" device of Wienöbst et al. 2024).
//   (Colliders are opened by the usual rule, An(X), although for reaching a node of A they never
//   matter: from the last collider c before a ∈ A on such a walk, c -> ... -> X followed by the
//   collider-free rest of the walk would connect a to X in G_{\underline X}.)
// - A set Z satisfying all three conditions remains one after intersecting it with An(Y): a walk
//   that violates (iii) for Z ∩ An(Y) must pass through a dropped node w ∉ An(Y) as a
//   non-collider with an outgoing edge, and following that edge the walk is directed (a collider
//   below w would put w in An(X)) and ends at Y or at a node of Z ∩ An(Y), so w ∈ An(Y), a
//   contradiction. Inclusion-minimal front-door sets therefore lie inside An(Y).

import { InvalidArgumentError } from "../../errors.js";
import { ancestors } from "../../graph/ancestry.js";
import type { CompactIndex, ReadonlyCausalGraph } from "../../graph/causal-graph.js";

/**
 * Precomputed data of one front-door query.
 *
 * @internal
 */
export interface FrontdoorContext {
  readonly ix: CompactIndex;
  readonly n: number;
  readonly x: Int32Array;
  readonly y: Int32Array;
  readonly inX: Uint8Array;
  readonly inY: Uint8Array;
  /** An(X), X included. */
  readonly anX: Uint8Array;
  /** An(Y), Y included. */
  readonly anY: Uint8Array;
  /** A: nodes that may be in a set (observed, outside X ∪ Y ∪ exclude) and pass (ii). */
  readonly candidate: Uint8Array;
}

function mask(ix: CompactIndex, nodes: Iterable<string>): Uint8Array {
  const m = new Uint8Array(ix.names.length);
  for (const v of nodes) {
    const k = ix.id.get(v);
    if (k !== undefined) m[k] = 1;
  }
  return m;
}

/**
 * Builds the context: X, Y as node numbers, An(X), An(Y), and the candidates A (allowed nodes not
 * d-connected to X by ∅ in G_{\underline X}).
 *
 * @internal
 */
export function frontdoorContext(
  graph: ReadonlyCausalGraph,
  x: readonly string[],
  y: readonly string[],
  exclude: ReadonlySet<string>,
): FrontdoorContext {
  const ix = graph.compactIndex();
  const n = ix.names.length;
  const inX = mask(ix, x);
  const inY = mask(ix, y);
  const anX = mask(ix, ancestors(graph, x));
  const anY = mask(ix, ancestors(graph, y));
  const xIds = Int32Array.from(x, (v) => ix.id.get(v) ?? -1);
  const yIds = Int32Array.from(y, (v) => ix.id.get(v) ?? -1);
  const connected = connectedToXBelow(ix, xIds, inX);
  const latent = mask(ix, graph.nodesWithRole("latent"));
  const excluded = mask(ix, exclude);
  const candidate = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const out = inX[v] || inY[v] || latent[v] || excluded[v] || connected[v];
    candidate[v] = out ? 0 : 1;
  }
  return { ix, n, x: xIds, y: yIds, inX, inY, anX, anY, candidate };
}

/**
 * Nodes d-connected to X by the empty set in G_{\underline X} (edges out of X removed): the ends
 * of collider-free paths that leave X through an arrowhead at X. State 2v = "at v, entered
 * through a tail at v", 2v + 1 = "entered through an arrowhead at v".
 */
function connectedToXBelow(ix: CompactIndex, x: Int32Array, inX: Uint8Array): Uint8Array {
  const n = ix.names.length;
  const { parentOffsets, parents, childOffsets, children, siblingOffsets, siblings } = ix;
  const visited = new Uint8Array(2 * n);
  const queue = new Int32Array(2 * n);
  let tail = 0;
  const push = (s: number): void => {
    if (visited[s] === 0) {
      visited[s] = 1;
      queue[tail++] = s;
    }
  };
  const up = (v: number): void => {
    for (let e = parentOffsets[v] as number; e < (parentOffsets[v + 1] as number); e++) {
      push(2 * (parents[e] as number));
    }
    for (let e = siblingOffsets[v] as number; e < (siblingOffsets[v + 1] as number); e++) {
      push(2 * (siblings[e] as number) + 1);
    }
  };
  // From X only through an arrowhead at X (its outgoing edges are removed).
  for (let i = 0; i < x.length; i++) up(x[i] as number);
  for (let head = 0; head < tail; head++) {
    const s = queue[head] as number;
    const v = s >> 1;
    if (inX[v] === 1) continue; // no outgoing edges, and a collider is closed (nothing given)
    for (let e = childOffsets[v] as number; e < (childOffsets[v + 1] as number); e++) {
      push(2 * (children[e] as number) + 1);
    }
    if ((s & 1) === 0) up(v); // entered through a tail: v is a non-collider either way
  }
  const out = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    if (inX[v] === 0 && (visited[2 * v] === 1 || visited[2 * v + 1] === 1)) out[v] = 1;
  }
  return out;
}

/**
 * The largest subset of `range ∩ A` satisfying (ii) and (iii) (the fixpoint described at the top
 * of this file), as a fresh mask. Linear time.
 *
 * @internal
 */
export function largestSet(ctx: FrontdoorContext, range: Uint8Array): Uint8Array {
  const { ix, n, inX, anX, candidate } = ctx;
  const { parentOffsets, parents, childOffsets, children, siblingOffsets, siblings } = ix;
  const cand = new Uint8Array(n);
  for (let v = 0; v < n; v++) cand[v] = candidate[v] === 1 && range[v] === 1 ? 1 : 0;
  const visited = new Uint8Array(2 * n);
  const pending = new Uint8Array(n);
  const queue = new Int32Array(2 * n);
  let tail = 0;
  const push = (s: number): void => {
    if (visited[s] === 0) {
      visited[s] = 1;
      queue[tail++] = s;
    }
  };
  // Y is a path end: it may be left in every direction, like a node entered through a tail.
  for (let i = 0; i < ctx.y.length; i++) push(2 * (ctx.y[i] as number));
  for (let head = 0; head < tail; head++) {
    const s = queue[head] as number;
    const v = s >> 1;
    if (cand[v] === 1) {
      // Reached through an arrowhead (a candidate is never entered through a tail while it is
      // one): an open back-door path joins v to Y, so v is in no valid set within the range.
      // Its outgoing edges come back, and with them any move up into v that was put off.
      cand[v] = 0;
      if (pending[v] === 1) push(2 * v);
    }
    const nonCollider = inX[v] === 0;
    if (nonCollider) {
      for (let e = childOffsets[v] as number; e < (childOffsets[v + 1] as number); e++) {
        push(2 * (children[e] as number) + 1);
      }
    }
    if ((s & 1) === 1 ? anX[v] === 1 : nonCollider) {
      for (let e = parentOffsets[v] as number; e < (parentOffsets[v + 1] as number); e++) {
        const p = parents[e] as number;
        if (cand[p] === 1) pending[p] = 1;
        else push(2 * p);
      }
      for (let e = siblingOffsets[v] as number; e < (siblingOffsets[v + 1] as number); e++) {
        push(2 * (siblings[e] as number) + 1);
      }
    }
  }
  return cand;
}

/**
 * Condition (i): every directed path from X to Y meets the set. Linear time.
 *
 * @internal
 */
export function intercepts(ctx: FrontdoorContext, set: Uint8Array): boolean {
  const { ix, n, inY } = ctx;
  const { childOffsets, children } = ix;
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < ctx.x.length; i++) {
    const v = ctx.x[i] as number;
    if (seen[v] === 0) {
      seen[v] = 1;
      stack[top++] = v;
    }
  }
  while (top > 0) {
    const v = stack[--top] as number;
    for (let e = childOffsets[v] as number; e < (childOffsets[v + 1] as number); e++) {
      const c = children[e] as number;
      if (seen[c] === 1 || set[c] === 1) continue;
      if (inY[c] === 1) return false;
      seen[c] = 1;
      stack[top++] = c;
    }
  }
  return true;
}

/**
 * The largest front-door set within `range` (every front-door set within it is a subset), or
 * null if there is none.
 *
 * @internal
 */
export function largestFrontdoorSet(ctx: FrontdoorContext, range: Uint8Array): Uint8Array | null {
  const top = largestSet(ctx, range);
  return intercepts(ctx, top) ? top : null;
}

function contains(set: Uint8Array, sub: Uint8Array): boolean {
  for (let v = 0; v < set.length; v++) if (sub[v] === 1 && set[v] === 0) return false;
  return true;
}

function members(set: Uint8Array): Int32Array {
  let k = 0;
  for (let v = 0; v < set.length; v++) k += set[v] as number;
  const out = new Int32Array(k);
  k = 0;
  for (let v = 0; v < set.length; v++) if (set[v] === 1) out[k++] = v;
  return out;
}

/**
 * Whether some front-door set lies inside `set` with `v` removed.
 */
function validInsideWithout(ctx: FrontdoorContext, set: Uint8Array, v: number): boolean {
  const range = set.slice();
  range[v] = 0;
  return largestFrontdoorSet(ctx, range) !== null;
}

/**
 * Whether the front-door set `set` is inclusion-minimal: no front-door set is a proper subset.
 * Every proper subset lies inside `set \ {v}` for some v, so |set| existence tests decide it.
 */
function isMinimal(ctx: FrontdoorContext, set: Uint8Array): boolean {
  for (let v = 0; v < set.length; v++) {
    if (set[v] === 1 && validInsideWithout(ctx, set, v)) return false;
  }
  return true;
}

/**
 * Shrinks the front-door set `set` ⊇ `include` to one that is minimal relative to `include`
 * (no front-door set Z' with include ⊆ Z' ⊊ result exists): drop each node in turn, keeping the
 * largest front-door set inside the rest when it still contains `include`. One pass suffices,
 * because the range only shrinks, so a failed test stays failed.
 */
function shrink(ctx: FrontdoorContext, include: Uint8Array, set: Uint8Array): Uint8Array {
  let cur = set;
  for (let v = 0; v < cur.length; v++) {
    if (cur[v] === 0 || include[v] === 1) continue;
    const range = cur.slice();
    range[v] = 0;
    const next = largestFrontdoorSet(ctx, range);
    if (next !== null && contains(next, include)) cur = next;
  }
  return cur;
}

interface Frame {
  /** I: nodes every set of this subproblem contains. */
  readonly include: Uint8Array;
  /** R: nodes the sets of this subproblem may contain. */
  readonly range: Uint8Array;
  /** The nodes of this subproblem's solution outside I, ascending. */
  readonly branch: Int32Array;
  /** Next child to open. */
  next: number;
}

/**
 * Lists the inclusion-minimal front-door sets inside `base` (which must contain every minimal
 * front-door set), at most `max` of them, as ascending node-number arrays in discovery order.
 *
 * Method: Lawler's partition scheme over subproblems [I, R] = {Z : I ⊆ Z ⊆ R}. In a subproblem,
 * R is replaced by the largest front-door set inside it (if it does not contain I, or violates
 * (i), the subproblem is empty); if some front-door set lies inside I, the only possible minimal
 * set of the subproblem is I itself; otherwise a set S minimal relative to I is found by
 * shrinking, output if it is minimal outright, and the rest of the subproblem is split into
 * [I ∪ {s_1..s_{j-1}}, R \ {s_j}] for the nodes s_1 < s_2 < ... of S \ I. Every minimal set of the
 * subproblem other than S avoids some s_j (it cannot be a proper superset of S), so it lies in
 * exactly one part; the parts are disjoint and exclude S, so nothing is listed twice.
 *
 * Each subproblem costs O(n (n + m)); the number of subproblems is bounded by the number of
 * front-door sets that are minimal relative to some I, which can exceed the number of minimal
 * sets (no polynomial-delay algorithm for minimal front-door sets is known to us). More than
 * `maxSteps` subproblems throws.
 *
 * @internal
 */
export function minimalFrontdoorSets(
  ctx: FrontdoorContext,
  base: Uint8Array,
  max: number,
  maxSteps: number,
  where: string,
): Int32Array[] {
  const out: Int32Array[] = [];
  if (max === 0) return out;
  let steps = 0;
  const open = (include: Uint8Array, range: Uint8Array): Frame | null => {
    if (++steps > maxSteps) {
      throw new InvalidArgumentError(
        `${where}: the search for minimal front-door sets needed more than maxSteps = ${maxSteps} subproblems; raise maxSteps`,
        "maxSteps",
      );
    }
    const top = largestFrontdoorSet(ctx, range);
    if (top === null || !contains(top, include)) return null;
    if (largestFrontdoorSet(ctx, include) !== null) {
      // Some front-door set lies inside I: only I itself can be a minimal set here.
      if (largestSet(ctx, include).every((b, v) => b === include[v]) && isMinimal(ctx, include)) {
        out.push(members(include));
      }
      return null;
    }
    const solution = shrink(ctx, include, top);
    if (isMinimal(ctx, solution)) out.push(members(solution));
    const branch = members(solution).filter((v) => include[v] === 0);
    return { include, range: top, branch, next: 0 };
  };
  const root = open(new Uint8Array(ctx.n), base);
  const stack: Frame[] = root === null ? [] : [root];
  while (stack.length > 0 && out.length < max) {
    const f = stack[stack.length - 1] as Frame;
    if (f.next >= f.branch.length) {
      stack.pop();
      continue;
    }
    const j = f.next++;
    const include = f.include.slice();
    for (let i = 0; i < j; i++) include[f.branch[i] as number] = 1;
    const range = f.range.slice();
    range[f.branch[j] as number] = 0;
    const child = open(include, range);
    if (child !== null) stack.push(child);
  }
  return out.slice(0, max);
}
