// Brute-force oracles for the identification tests. Deliberately independent of the production
// code: plain arrays and sets, fixed-point closures, an explicit moralised (augmented) ancestral
// graph, and explicit path enumeration. Slow, simple, obviously correct.

/** A graph as plain data. */
export interface BruteGraph {
  readonly nodes: readonly string[];
  readonly directed: readonly (readonly [string, string])[];
  readonly bidirected: readonly (readonly [string, string])[];
  readonly latent: readonly string[];
}

/** Every node with a directed path to a seed, seeds included (fixed point). */
export function bruteAncestors(g: BruteGraph, seeds: Iterable<string>): Set<string> {
  const out = new Set(seeds);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [a, b] of g.directed) {
      if (out.has(b) && !out.has(a)) {
        out.add(a);
        changed = true;
      }
    }
  }
  return out;
}

/** Every node reachable from a seed by a directed path, seeds included (fixed point). */
export function bruteDescendants(g: BruteGraph, seeds: Iterable<string>): Set<string> {
  const out = new Set(seeds);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [a, b] of g.directed) {
      if (out.has(a) && !out.has(b)) {
        out.add(b);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * m-separation (d-separation in a DAG) by the moralisation criterion: X and Y are separated by Z
 * iff Z separates them in the augmented graph of the subgraph induced by An(X ∪ Y ∪ Z), where
 * for every district D (bidirected component) the nodes of D ∪ pa(D) are pairwise joined
 * (Lauritzen et al. 1990; Richardson 2003).
 */
export function bruteSeparated(
  g: BruteGraph,
  X: readonly string[],
  Y: readonly string[],
  Z: readonly string[],
): boolean {
  const an = bruteAncestors(g, [...X, ...Y, ...Z]);
  const nbr = new Map<string, Set<string>>();
  for (const v of an) nbr.set(v, new Set());
  const join = (a: string, b: string): void => {
    if (a === b) return;
    nbr.get(a)?.add(b);
    nbr.get(b)?.add(a);
  };
  // Districts inside An by repeated merging.
  const district = new Map<string, string>();
  for (const v of an) district.set(v, v);
  let changed = true;
  while (changed) {
    changed = false;
    for (const [a, b] of g.bidirected) {
      if (!an.has(a) || !an.has(b)) continue;
      const da = district.get(a) as string;
      const db = district.get(b) as string;
      if (da !== db) {
        const keep = da; // any representative will do
        for (const [v, d] of district) if (d === da || d === db) district.set(v, keep);
        changed = true;
      }
    }
  }
  const groups = new Map<string, Set<string>>();
  for (const [v, d] of district) {
    if (!groups.has(d)) groups.set(d, new Set());
    groups.get(d)?.add(v);
  }
  for (const members of groups.values()) {
    const clique = new Set(members);
    for (const [a, b] of g.directed) if (members.has(b) && an.has(a)) clique.add(a);
    const list = [...clique];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) join(list[i] as string, list[j] as string);
    }
  }
  for (const [a, b] of g.directed) if (an.has(a) && an.has(b)) join(a, b);
  for (const [a, b] of g.bidirected) if (an.has(a) && an.has(b)) join(a, b);
  const blocked = new Set(Z);
  const targets = new Set(Y);
  const seen = new Set(X);
  const stack = [...X];
  while (stack.length > 0) {
    const v = stack.pop() as string;
    if (targets.has(v)) return false;
    for (const w of nbr.get(v) ?? []) {
      if (!seen.has(w) && !blocked.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return true;
}

/** From a node, one edge to `to`, with an arrowhead at this end (`headHere`) and / or there. */
export interface BruteStep {
  readonly to: string;
  readonly headHere: boolean;
  readonly headThere: boolean;
}

/** Every node's edge ends (directed edges both ways, bidirected edges), for path walks. */
export function bruteIncidences(g: BruteGraph): Map<string, BruteStep[]> {
  const inc = new Map<string, BruteStep[]>();
  for (const v of g.nodes) inc.set(v, []);
  for (const [a, b] of g.directed) {
    inc.get(a)?.push({ to: b, headHere: false, headThere: true });
    inc.get(b)?.push({ to: a, headHere: true, headThere: false });
  }
  for (const [a, b] of g.bidirected) {
    inc.get(a)?.push({ to: b, headHere: true, headThere: true });
    inc.get(b)?.push({ to: a, headHere: true, headThere: true });
  }
  return inc;
}

/** The graph with every directed edge out of X removed. */
export function bruteBackdoorGraph(g: BruteGraph, X: readonly string[]): BruteGraph {
  const inX = new Set(X);
  return { ...g, directed: g.directed.filter(([a]) => !inX.has(a)) };
}

/** The back-door criterion: Z ∩ De(X) = ∅ and X ⊥ Y | Z in the back-door graph. */
export function bruteBackdoor(
  g: BruteGraph,
  X: readonly string[],
  Y: readonly string[],
  Z: readonly string[],
): boolean {
  const de = bruteDescendants(g, X);
  if (Z.some((v) => de.has(v))) return false;
  return bruteSeparated(bruteBackdoorGraph(g, X), X, Y, Z);
}

/**
 * The back-door criterion in Pearl's path wording: Z contains no descendant of X, and every path
 * from a node of X to a node of Y that starts with an arrowhead into X and has no other node of
 * X on it is blocked by Z (a non-collider in Z, or a collider with no descendant in Z). Paths are
 * enumerated explicitly, so use on small graphs only.
 */
export function brutePathBackdoor(
  g: BruteGraph,
  X: readonly string[],
  Y: readonly string[],
  Z: readonly string[],
): boolean {
  const inX = new Set(X);
  const inY = new Set(Y);
  const inZ = new Set(Z);
  const deX = bruteDescendants(g, X);
  if (Z.some((v) => deX.has(v))) return false;
  const inc = bruteIncidences(g);
  const openCollider = (v: string): boolean =>
    [...bruteDescendants(g, [v])].some((w) => inZ.has(w));
  // Depth-first enumeration of simple paths; returns true if an open back-door path exists.
  const visited = new Set<string>();
  const walk = (v: string, arrivedWithHead: boolean): boolean => {
    for (const step of inc.get(v) ?? []) {
      const w = step.to;
      if (visited.has(w) || inX.has(w)) continue;
      // v is an inner node here (walk is only called on inner nodes).
      const collider = arrivedWithHead && step.headHere;
      if (collider ? !openCollider(v) : inZ.has(v)) continue;
      if (inY.has(w)) return true;
      visited.add(w);
      const found = walk(w, step.headThere);
      visited.delete(w);
      if (found) return true;
    }
    return false;
  };
  for (const x of X) {
    visited.clear();
    visited.add(x);
    for (const step of inc.get(x) ?? []) {
      if (!step.headHere) continue; // must start with an arrowhead into x
      const w = step.to;
      if (inX.has(w)) continue;
      if (inY.has(w)) return false;
      visited.add(w);
      const found = walk(w, step.headThere);
      visited.delete(w);
      if (found) return false;
    }
  }
  return true;
}

/**
 * The (generalised) adjustment criterion of Shpitser, VanderWeele & Robins (2010) in the
 * constructive form of van der Zander et al. (2019) for DAGs: Z contains no descendant of a
 * node on a proper causal path (other than X) and no node of X, and Z separates X and Y in the
 * proper back-door graph (the first edge of every proper causal path removed). This is what
 * dagitty's isAdjustmentSet / adjustmentSets implement.
 */
export function bruteAdjustmentCriterion(
  g: BruteGraph,
  X: readonly string[],
  Y: readonly string[],
  Z: readonly string[],
): boolean {
  const inX = new Set(X);
  // G with edges into X removed: proper causal paths never re-enter X.
  const noIntoX: BruteGraph = { ...g, directed: g.directed.filter(([, b]) => !inX.has(b)) };
  const fromX = bruteDescendants(noIntoX, X);
  const toY = bruteAncestors(noIntoX, Y);
  const onCausal = new Set([...fromX].filter((v) => !inX.has(v) && toY.has(v)));
  const forbidden = bruteDescendants(g, onCausal);
  for (const v of X) forbidden.add(v);
  if (Z.some((v) => forbidden.has(v))) return false;
  const pbd: BruteGraph = {
    ...g,
    directed: g.directed.filter(([a, b]) => !(inX.has(a) && onCausal.has(b))),
  };
  return bruteSeparated(pbd, X, Y, Z);
}

/** All subsets of `items` (2^k of them). */
export function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) {
    out.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  }
  return out;
}

/**
 * Every inclusion-minimal valid set Z with include ⊆ Z ⊆ include ∪ candidates, by enumerating
 * all subsets: Z is listed iff valid(Z) and no valid Z' with include ⊆ Z' ⊊ Z exists. Each set
 * is sorted by `order`; the list is sorted by size, then lexicographically by `order`.
 */
export function bruteMinimalSets(
  candidates: readonly string[],
  include: readonly string[],
  valid: (Z: string[]) => boolean,
  order: readonly string[],
): string[][] {
  const pos = new Map(order.map((v, i) => [v, i]));
  const free = candidates.filter((v) => !include.includes(v));
  const validSets = subsets(free)
    .map((s) => [...include, ...s])
    .filter((s) => valid(s));
  const minimal = validSets.filter(
    (s) => !validSets.some((t) => t.length < s.length && t.every((v) => s.includes(v))),
  );
  return sortSets(minimal, pos);
}

/** Sorts each set and the list canonically (size, then lexicographic in node order). */
export function sortSets(sets: string[][], pos: ReadonlyMap<string, number>): string[][] {
  const p = (v: string): number => pos.get(v) ?? -1;
  const sorted = sets.map((s) => [...s].sort((a, b) => p(a) - p(b)));
  return sorted.sort((a, b) => {
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) {
      const d = p(a[i] as string) - p(b[i] as string);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** One proper path from X to Y, reduced to what blocking needs. */
interface PathShape {
  /** Inner nodes that are non-colliders on the path. */
  readonly nonColliders: readonly string[];
  /** Inner nodes that are colliders on the path. */
  readonly colliders: readonly string[];
  /** Whether every edge points away from X (x -> ... -> y). */
  readonly causal: boolean;
}

/**
 * Every simple path that starts at a node of X, ends at a node of Y and has no other node of X
 * ("proper"), by explicit depth-first enumeration over directed and bidirected edges. Paths may
 * pass through other nodes of Y. Exponential: small graphs only.
 */
export function bruteProperPaths(
  g: BruteGraph,
  X: readonly string[],
  Y: readonly string[],
): PathShape[] {
  const inX = new Set(X);
  const inY = new Set(Y);
  interface Step {
    to: string;
    headHere: boolean;
    headThere: boolean;
    forward: boolean;
  }
  const inc = new Map<string, Step[]>();
  for (const v of g.nodes) inc.set(v, []);
  for (const [a, b] of g.directed) {
    inc.get(a)?.push({ to: b, headHere: false, headThere: true, forward: true });
    inc.get(b)?.push({ to: a, headHere: true, headThere: false, forward: false });
  }
  for (const [a, b] of g.bidirected) {
    inc.get(a)?.push({ to: b, headHere: true, headThere: true, forward: false });
    inc.get(b)?.push({ to: a, headHere: true, headThere: true, forward: false });
  }
  const out: PathShape[] = [];
  const onPath = new Set<string>();
  const nonColliders: string[] = [];
  const colliders: string[] = [];
  // At node v (already on the path), having arrived with an arrowhead at v iff `headAtV`.
  const walk = (v: string, headAtV: boolean, causal: boolean, start: boolean): void => {
    for (const step of inc.get(v) ?? []) {
      const w = step.to;
      if (onPath.has(w) || inX.has(w)) continue;
      const isCollider = !start && headAtV && step.headHere;
      if (!start) (isCollider ? colliders : nonColliders).push(v);
      const nowCausal = causal && step.forward;
      if (inY.has(w)) {
        out.push({ nonColliders: [...nonColliders], colliders: [...colliders], causal: nowCausal });
      }
      onPath.add(w);
      walk(w, step.headThere, nowCausal, false);
      onPath.delete(w);
      if (!start) (isCollider ? colliders : nonColliders).pop();
    }
  };
  for (const x of X) {
    onPath.clear();
    onPath.add(x);
    walk(x, false, true, true);
  }
  return out;
}

/**
 * The adjustment criterion of Shpitser, VanderWeele & Robins (2010, Definition 3), literally,
 * by path enumeration: (a) no node of Z is a descendant, in G with the edges into X removed, of
 * a node W ∉ X on a proper causal path from X to Y; (b) every proper non-causal path from X to Y
 * is blocked by Z (a non-collider in Z, or a collider without a descendant in Z). Independent of
 * the separation-based form (no proper back-door graph, no moralisation). The paths are
 * enumerated once; the returned predicate tests a set Z.
 */
export function brutePathAdjustment(
  g: BruteGraph,
  X: readonly string[],
  Y: readonly string[],
): (Z: readonly string[]) => boolean {
  const paths = bruteProperPaths(g, X, Y);
  const inX = new Set(X);
  const onCausal = bruteProperCausalNodes(g, X, Y);
  const noIntoX: BruteGraph = { ...g, directed: g.directed.filter(([, b]) => !inX.has(b)) };
  const forbidden = bruteDescendants(noIntoX, onCausal);
  const nonCausal = paths.filter((p) => !p.causal);
  const descendantsOf = new Map<string, Set<string>>();
  for (const v of g.nodes) descendantsOf.set(v, bruteDescendants(g, [v]));
  return (Z) => {
    if (Z.some((v) => forbidden.has(v) || inX.has(v))) return false;
    const inZ = new Set(Z);
    return nonCausal.every(
      (p) =>
        p.nonColliders.some((v) => inZ.has(v)) ||
        p.colliders.some((c) => ![...(descendantsOf.get(c) ?? [])].some((d) => inZ.has(d))),
    );
  };
}

/** Whether y is reachable from X by a directed path whose only node in X is its first. */
function bruteCausallyReachable(g: BruteGraph, X: readonly string[], y: string): boolean {
  const inX = new Set(X);
  const seen = new Set<string>(X);
  const stack = [...X];
  while (stack.length > 0) {
    const v = stack.pop() as string;
    for (const [a, b] of g.directed) {
      if (a !== v || seen.has(b) || inX.has(b)) continue;
      if (b === y) return true;
      seen.add(b);
      stack.push(b);
    }
  }
  return false;
}

/**
 * The O-set of Henckel, Perković & Maathuis (2022) by its definition, from the brute-force
 * helpers: pa(cn) \ (De(cn) ∪ X) with cn the nodes other than X on proper causal paths
 * (explicit path enumeration).
 */
export function bruteOptimalSet(
  g: BruteGraph,
  X: readonly string[],
  Y: readonly string[],
): string[] {
  const inX = new Set(X);
  const cn = bruteProperCausalNodes(g, X, Y);
  const forb = bruteDescendants(g, cn);
  const out = new Set<string>();
  for (const [a, b] of g.directed) if (cn.has(b) && !forb.has(a) && !inX.has(a)) out.add(a);
  return g.nodes.filter((v) => out.has(v));
}

/**
 * cn(X, Y): the nodes other than X on proper causal paths from X to Y, from explicit path
 * enumeration (inner nodes of causal paths, plus the nodes of Y they reach).
 */
export function bruteProperCausalNodes(
  g: BruteGraph,
  X: readonly string[],
  Y: readonly string[],
): Set<string> {
  const cn = new Set<string>();
  for (const p of bruteProperPaths(g, X, Y)) {
    if (p.causal) for (const v of p.nonColliders) cn.add(v);
  }
  for (const y of Y) if (bruteCausallyReachable(g, X, y)) cn.add(y);
  return cn;
}
