// Partially directed graphs, Meek's orientation rules and the enumeration of the DAGs of a
// Markov equivalence class. Internal to `causalkit/graph`; not exported from the package.

/**
 * A partially directed graph over node numbers `0..n-1`: each adjacent pair is joined by a
 * directed or an undirected edge.
 *
 * @internal
 */
export class Pdag {
  readonly parents: Set<number>[];
  readonly children: Set<number>[];
  readonly undirected: Set<number>[];
  /** Edges turned from undirected to directed by {@link Pdag.orient}, for {@link Pdag.undo}. */
  readonly #trail: [number, number][] = [];

  constructor(n: number) {
    this.parents = Array.from({ length: n }, () => new Set<number>());
    this.children = Array.from({ length: n }, () => new Set<number>());
    this.undirected = Array.from({ length: n }, () => new Set<number>());
  }

  get order(): number {
    return this.parents.length;
  }

  adjacent(a: number, b: number): boolean {
    return (
      this.undirected[a]?.has(b) === true ||
      this.children[a]?.has(b) === true ||
      this.parents[a]?.has(b) === true
    );
  }

  addDirected(a: number, b: number): void {
    this.children[a]?.add(b);
    this.parents[b]?.add(a);
  }

  addUndirected(a: number, b: number): void {
    this.undirected[a]?.add(b);
    this.undirected[b]?.add(a);
  }

  /** Turns the undirected edge a — b into a -> b (recorded for {@link Pdag.undo}). */
  orient(a: number, b: number): void {
    this.undirected[a]?.delete(b);
    this.undirected[b]?.delete(a);
    this.addDirected(a, b);
    this.#trail.push([a, b]);
  }

  /** Number of recorded orientations (a mark for {@link Pdag.undo}). */
  get height(): number {
    return this.#trail.length;
  }

  /** Turns back into undirected edges the orientations made since `height`. */
  undo(height: number): void {
    while (this.#trail.length > height) {
      const [a, b] = this.#trail.pop() as [number, number];
      this.children[a]?.delete(b);
      this.parents[b]?.delete(a);
      this.addUndirected(a, b);
    }
  }

  /** Adds v and its neighbours to `out`. */
  closedNeighbourhood(v: number, out: number[]): void {
    out.push(v);
    for (const w of this.parents[v] ?? []) out.push(w);
    for (const w of this.children[v] ?? []) out.push(w);
    for (const w of this.undirected[v] ?? []) out.push(w);
  }

  clone(): Pdag {
    const p = new Pdag(this.order);
    for (let v = 0; v < this.order; v++) {
      for (const w of this.children[v] ?? []) p.addDirected(v, w);
      for (const w of this.undirected[v] ?? []) if (v < w) p.addUndirected(v, w);
    }
    return p;
  }

  /** The first undirected edge `[a, b]` with a < b, by a then b, or undefined. */
  firstUndirected(): [number, number] | undefined {
    for (let a = 0; a < this.order; a++) {
      let best = -1;
      for (const b of this.undirected[a] ?? []) if (b > a && (best === -1 || b < best)) best = b;
      if (best !== -1) return [a, best];
    }
    return undefined;
  }
}

/**
 * Whether one of Meek's rules R1–R4 orients the undirected edge a — b as a -> b:
 * R1 c -> a, c and b non-adjacent; R2 a -> c -> b; R3 a — c -> b and a — d -> b with c, d
 * non-adjacent; R4 a — d -> c -> b with a, c adjacent and d, b non-adjacent.
 */
function forced(p: Pdag, a: number, b: number): boolean {
  const pa = p.parents[a] ?? new Set<number>();
  const ch = p.children[a] ?? new Set<number>();
  const und = p.undirected[a] ?? new Set<number>();
  const pb = p.parents[b] ?? new Set<number>();
  for (const c of pa) if (!p.adjacent(c, b)) return true;
  for (const c of ch) if (pb.has(c)) return true;
  const tails: number[] = [];
  for (const c of und) if (pb.has(c)) tails.push(c);
  for (let i = 0; i < tails.length; i++) {
    for (let j = i + 1; j < tails.length; j++) {
      if (!p.adjacent(tails[i] as number, tails[j] as number)) return true;
    }
  }
  for (const c of pb) {
    if (!p.adjacent(a, c)) continue;
    for (const d of p.parents[c] ?? []) {
      if (und.has(d) && !p.adjacent(d, b)) return true;
    }
  }
  return false;
}

/**
 * Applies Meek's rules R1–R4 until none applies (in place), checking only the undirected edges
 * with an endpoint in `seeds` or next to an edge oriented on the way (default: every node).
 * This is enough: the rules only need directed edges (adjacencies never change and undirected
 * edges only disappear), and each rule that a new edge x -> y enables orients an edge with an
 * endpoint in x, y or their neighbours (R1, R2, R3: an endpoint is x or y; R4 via d -> c:
 * both endpoints are neighbours of c).
 *
 * @see Meek (1995), "Causal inference and causal explanation with background knowledge",
 *   UAI 11, §2 (rules R1–R4, their soundness and completeness).
 * @internal
 */
export function applyMeekRules(p: Pdag, seeds?: readonly number[]): void {
  const n = p.order;
  const queued = new Uint8Array(n);
  const queue: number[] = [];
  const push = (v: number): void => {
    if (queued[v] === 0) {
      queued[v] = 1;
      queue.push(v);
    }
  };
  if (seeds === undefined) for (let v = 0; v < n; v++) push(v);
  else for (const v of seeds) push(v);
  const near: number[] = [];
  while (queue.length > 0) {
    const u = queue.pop() as number;
    queued[u] = 0;
    for (const b of [...(p.undirected[u] ?? [])]) {
      if (p.undirected[u]?.has(b) !== true) continue;
      let edge: [number, number] | undefined;
      if (forced(p, u, b)) edge = [u, b];
      else if (forced(p, b, u)) edge = [b, u];
      if (edge === undefined) continue;
      p.orient(edge[0], edge[1]);
      near.length = 0;
      p.closedNeighbourhood(u, near);
      p.closedNeighbourhood(b, near);
      for (const w of near) push(w);
    }
  }
}

/** Whether the directed part is acyclic (Kahn). */
function isAcyclic(p: Pdag): boolean {
  const n = p.order;
  const indegree = p.parents.map((s) => s.size);
  const queue: number[] = [];
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue.push(v);
  let seen = 0;
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head] as number;
    seen++;
    for (const w of p.children[v] ?? []) {
      const d = (indegree[w] as number) - 1;
      indegree[w] = d;
      if (d === 0) queue.push(w);
    }
  }
  return seen === n;
}

/** Number of unshielded colliders a -> c <- b of the directed part. */
function countVStructures(p: Pdag): number {
  let count = 0;
  for (let c = 0; c < p.order; c++) {
    const ps = [...(p.parents[c] ?? [])];
    for (let i = 0; i < ps.length; i++) {
      for (let j = i + 1; j < ps.length; j++) {
        if (!p.adjacent(ps[i] as number, ps[j] as number)) count++;
      }
    }
  }
  return count;
}

/**
 * The DAGs of the Markov equivalence class represented by a CPDAG (its compelled edges
 * directed, the rest undirected), each as a list of directed edges `[from, to]`, at most
 * `max` of them. `vStructures` is the number of unshielded colliders of the class (those of
 * the CPDAG). Depth-first: close under Meek's rules, take the first undirected edge a — b
 * (a < b), and try a -> b before b -> a. A leaf is kept only if it is acyclic and has no
 * other unshielded colliders (by Meek 1995 every branch succeeds, but this is checked, not
 * assumed). Distinct leaves differ in the orientation of some edge, so no DAG repeats.
 *
 * @internal
 */
export function equivalenceClassMembers(
  cpdag: Pdag,
  vStructures: number,
  max: number,
): [number, number][][] {
  const out: [number, number][][] = [];
  const p = cpdag.clone();
  // Explicit stack (the depth can reach the number of undirected edges). A frame is a closed
  // PDAG with an undirected edge to branch on; `base` is the trail height before its closure,
  // `closed` the height after it.
  interface Frame {
    readonly base: number;
    readonly closed: number;
    readonly a: number;
    readonly b: number;
    next: number;
  }
  const stack: Frame[] = [];
  const enter = (seeds: readonly number[] | undefined): void => {
    const base = p.height;
    applyMeekRules(p, seeds);
    const edge = p.firstUndirected();
    if (edge !== undefined) {
      stack.push({ base, closed: p.height, a: edge[0], b: edge[1], next: 0 });
      return;
    }
    if (isAcyclic(p) && countVStructures(p) === vStructures) {
      const edges: [number, number][] = [];
      for (let v = 0; v < p.order; v++) {
        for (const w of [...(p.children[v] ?? [])].sort((x, y) => x - y)) edges.push([v, w]);
      }
      out.push(edges);
    }
    p.undo(base);
  };
  enter(undefined);
  while (stack.length > 0 && out.length < max) {
    const f = stack[stack.length - 1] as Frame;
    p.undo(f.closed);
    if (f.next === 2) {
      p.undo(f.base);
      stack.pop();
      continue;
    }
    const [s, t] = f.next === 0 ? [f.a, f.b] : [f.b, f.a];
    f.next++;
    p.orient(s, t);
    const seeds: number[] = [];
    p.closedNeighbourhood(s, seeds);
    p.closedNeighbourhood(t, seeds);
    enter(seeds);
  }
  return out;
}
