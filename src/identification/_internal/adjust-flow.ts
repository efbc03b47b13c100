// Minimum-cost vertex separators by maximum flow (Dinic's algorithm) on the split-vertex network
// of the augmented (moral) graph of an ancestral set. Internal to `causalkit/identification`; not
// exported from the package.
//
// Source: van der Zander, Liśkiewicz & Textor (2019), AIJ 270, algorithm FINDMINCOSTSEP: a
// minimum-cost m-separator Z with I ⊆ Z ⊆ R is I plus a minimum-cost vertex cut between X and Y
// in the augmented graph of An(X ∪ Y ∪ I) with the nodes of I removed, only nodes of R cuttable
// (every minimum-cost separator is minimal, hence inside the ancestral set). Vertex cuts become
// edge cuts by splitting every node v into v_in -> v_out with capacity cost(v) (∞ if v may not be
// cut); an undirected edge u - w becomes u_out -> w_in and w_out -> u_in with capacity ∞. Each
// clique D ∪ pa(D) of the augmented graph is represented by one hub node h with u_out -> h and
// h -> u_in (capacity ∞) for its members, which preserves every path (u - w is an edge iff some
// hub joins them) in O(n + m) arcs instead of O(Σ |D ∪ pa(D)|²).
//
// Max-flow: Dinic (1970), "Algorithm for solution of a problem of maximum flow in networks with
// power estimation", Soviet Math. Doklady 11; see also Cormen et al., Introduction to Algorithms,
// §26 (max-flow min-cut theorem). The cut returned is the one closest to X: the cut arcs leaving
// the set of nodes reachable from the source in the final residual network. That set is the same
// for every maximum flow (it is the intersection of the source sides of all minimum cuts), so the
// answer does not depend on the order in which augmenting paths are found.
import { internalError } from "../../errors.js";
import { ancestralSet, forEachCliqueMember, separatorExists } from "./adjust-separation.js";
import type { AdjustStructure } from "./adjust-structure.js";

/** A flow network in forward-star form; arc e and its reverse e ^ 1 are stored in pairs. */
class FlowNetwork {
  readonly nodeCount: number;
  readonly #tails: number[] = [];
  readonly #to: number[] = [];
  readonly #cap: number[] = [];

  constructor(nodeCount: number) {
    this.nodeCount = nodeCount;
  }

  addArc(from: number, to: number, capacity: number): void {
    this.#tails.push(from, to);
    this.#to.push(to, from);
    this.#cap.push(capacity, 0);
  }

  /**
   * Maximum flow from `source` to `sink` (Dinic); returns the nodes reachable from the source
   * in the final residual network. `eps`: residual capacities at or below it count as zero.
   */
  maxFlowSourceSide(source: number, sink: number, eps: number): Uint8Array {
    const N = this.nodeCount;
    const M = this.#to.length;
    // Forward-star adjacency (arcs grouped by tail, in insertion order).
    const start = new Int32Array(N + 1);
    for (let e = 0; e < M; e++) {
      const t = (this.#tails[e] as number) + 1;
      start[t] = (start[t] as number) + 1;
    }
    for (let v = 0; v < N; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
    const arcs = new Int32Array(M);
    const fill = start.slice(0, N);
    for (let e = 0; e < M; e++) {
      const t = this.#tails[e] as number;
      arcs[fill[t] as number] = e;
      fill[t] = (fill[t] as number) + 1;
    }
    const to = Int32Array.from(this.#to);
    const cap = Float64Array.from(this.#cap);
    const level = new Int32Array(N);
    const it = new Int32Array(N);
    const queue = new Int32Array(N);
    const path = new Int32Array(N);

    const bfs = (): boolean => {
      level.fill(-1);
      level[source] = 0;
      let tail = 0;
      queue[tail++] = source;
      for (let head = 0; head < tail; head++) {
        const v = queue[head] as number;
        const end = start[v + 1] as number;
        for (let k = start[v] as number; k < end; k++) {
          const e = arcs[k] as number;
          const w = to[e] as number;
          if (level[w] === -1 && (cap[e] as number) > eps) {
            level[w] = (level[v] as number) + 1;
            queue[tail++] = w;
          }
        }
      }
      return level[sink] !== -1;
    };

    let rounds = 0;
    while (bfs()) {
      if (++rounds > 4 * N + 4) internalError("identification: max-flow did not terminate");
      it.set(start.subarray(0, N));
      // Blocking flow by iterative depth-first search along level-increasing arcs.
      let depth = 0;
      let v = source;
      for (;;) {
        if (v === sink) {
          let bottleneck = Number.POSITIVE_INFINITY;
          for (let i = 0; i < depth; i++) {
            const c = cap[path[i] as number] as number;
            if (c < bottleneck) bottleneck = c;
          }
          if (bottleneck === Number.POSITIVE_INFINITY) {
            internalError("identification: augmenting path of infinite capacity");
          }
          let retreat = depth;
          for (let i = 0; i < depth; i++) {
            const e = path[i] as number;
            cap[e] = (cap[e] as number) - bottleneck;
            cap[e ^ 1] = (cap[e ^ 1] as number) + bottleneck;
            if ((cap[e] as number) <= eps && i < retreat) retreat = i;
          }
          depth = retreat;
          v = depth === 0 ? source : (to[path[depth - 1] as number] as number);
          continue;
        }
        let advanced = false;
        const end = start[v + 1] as number;
        while ((it[v] as number) < end) {
          const e = arcs[it[v] as number] as number;
          const w = to[e] as number;
          if ((cap[e] as number) > eps && level[w] === (level[v] as number) + 1) {
            path[depth++] = e;
            v = w;
            advanced = true;
            break;
          }
          it[v] = (it[v] as number) + 1;
        }
        if (advanced) continue;
        // Dead end: remove v from the level graph and retreat.
        if (v === source) break;
        level[v] = -1;
        const e = path[--depth] as number;
        v = to[e ^ 1] as number;
        it[v] = (it[v] as number) + 1;
      }
    }
    // Residual reachability from the source.
    const reach = new Uint8Array(N);
    reach[source] = 1;
    let tail = 0;
    queue[tail++] = source;
    for (let head = 0; head < tail; head++) {
      const u = queue[head] as number;
      const end = start[u + 1] as number;
      for (let k = start[u] as number; k < end; k++) {
        const e = arcs[k] as number;
        const w = to[e] as number;
        if (reach[w] === 0 && (cap[e] as number) > eps) {
          reach[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    return reach;
  }
}

/**
 * A minimum-cost m-separator Z with I ⊆ Z ⊆ I ∪ allowed of X and Y in the separation graph of
 * `s`, as ascending node numbers, or null if none exists. `cost[v]` must be positive and finite
 * for allowed nodes. Among minimum-cost separators, the one closest to X is returned.
 *
 * @remarks O(V E²) worst case for Dinic on V = O(n) nodes and E = O(n + m) arcs; much faster
 *   in practice (unit capacities on the split arcs).
 * @internal
 */
export function minimumCostSeparatorIds(
  s: AdjustStructure,
  include: Int32Array,
  allowed: Uint8Array,
  cost: Float64Array,
): Int32Array | null {
  if (!separatorExists(s, include, allowed)) return null;
  const { n } = s;
  const inA = ancestralSet(s, include);
  const inI = new Uint8Array(n);
  for (let i = 0; i < include.length; i++) inI[include[i] as number] = 1;
  // Count the districts (hubs) first so that node numbers are known.
  const done = new Uint8Array(n);
  const stack = new Int32Array(n);
  const members: number[][] = [];
  const stamp = new Int32Array(n).fill(-1);
  for (let root = 0; root < n; root++) {
    if (inA[root] === 0 || done[root] !== 0) continue;
    const h = members.length;
    const list: number[] = [];
    forEachCliqueMember(s, inA, done, stack, root, (w) => {
      if (inI[w] === 0 && stamp[w] !== h) {
        stamp[w] = h;
        list.push(w);
      }
    });
    members.push(list);
  }
  const hubs = members.length;
  const source = 2 * n + hubs;
  const sink = source + 1;
  const net = new FlowNetwork(sink + 1);
  const INF = Number.POSITIVE_INFINITY;
  let minCost = INF;
  for (let v = 0; v < n; v++) {
    if (inA[v] === 0 || inI[v] === 1) continue;
    if (allowed[v] === 1) {
      const c = cost[v] as number;
      if (c < minCost) minCost = c;
      net.addArc(2 * v, 2 * v + 1, c);
    } else {
      net.addArc(2 * v, 2 * v + 1, INF);
    }
  }
  for (let h = 0; h < hubs; h++) {
    const hub = 2 * n + h;
    for (const u of members[h] as number[]) {
      net.addArc(2 * u + 1, hub, INF);
      net.addArc(hub, 2 * u, INF);
    }
  }
  for (let i = 0; i < s.x.length; i++) net.addArc(source, 2 * (s.x[i] as number), INF);
  for (let i = 0; i < s.y.length; i++) net.addArc(2 * (s.y[i] as number) + 1, sink, INF);
  const eps = minCost === INF ? 0 : minCost * 1e-9;
  const reach = net.maxFlowSourceSide(source, sink, eps);
  if (reach[sink] === 1) internalError("identification: no finite cut although a separator exists");
  const out: number[] = [];
  for (let v = 0; v < n; v++) {
    if (inI[v] === 1 || (allowed[v] === 1 && reach[2 * v] === 1 && reach[2 * v + 1] === 0)) {
      out.push(v);
    }
  }
  return Int32Array.from(out);
}
