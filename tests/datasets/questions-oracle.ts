/**
 * Independent oracles for dataset labels, written from the definitions without the library's
 * inference, counterfactual, graph or identification code: brute-force joint enumeration of
 * CPT models, exact noise-cell enumeration of the inverse-CDF SCM for counterfactuals, a
 * moral-graph d-separation check, Tian & Pearl's (2002) identifiability condition, and
 * Markov equivalence classes by orienting the skeleton every way (Verma & Pearl 1990).
 */

export interface CptVar {
  name: string;
  states: string[];
  parents: string[];
  table: number[][];
}

/** Reads the CPT variables from a model JSON (scmToJson output), in topological order. */
export function cptVars(model: unknown): CptVar[] {
  const m = model as {
    variables: {
      name: string;
      domain: { states: string[] };
      mechanism: { type: string; parents: string[]; table: number[][] };
    }[];
  };
  const vars = m.variables.map((v) => {
    if (v.mechanism.type !== "cpt") throw new Error(`not a CPT: ${v.name}`);
    return {
      name: v.name,
      states: v.domain.states,
      parents: v.mechanism.parents,
      table: v.mechanism.table,
    };
  });
  const done = new Set<string>();
  const out: CptVar[] = [];
  while (out.length < vars.length) {
    for (const v of vars) {
      if (!done.has(v.name) && v.parents.every((p) => done.has(p))) {
        out.push(v);
        done.add(v.name);
      }
    }
  }
  return out;
}

function rowIndex(v: CptVar, world: Map<string, number>, byName: Map<string, CptVar>): number {
  let r = 0;
  for (const p of v.parents) r = r * (byName.get(p)?.states.length ?? 0) + (world.get(p) ?? 0);
  return r;
}

/** All joint assignments with their probabilities; `doMap` replaces mechanisms by constants. */
export function joint(
  vars: CptVar[],
  doMap: Map<string, number> = new Map(),
): { world: Map<string, number>; p: number }[] {
  const byName = new Map(vars.map((v) => [v.name, v]));
  let rows: { world: Map<string, number>; p: number }[] = [{ world: new Map(), p: 1 }];
  for (const v of vars) {
    const next: typeof rows = [];
    for (const { world, p } of rows) {
      const forced = doMap.get(v.name);
      const row = v.table[rowIndex(v, world, byName)] ?? [];
      v.states.forEach((_, s) => {
        const q = forced === undefined ? (row[s] ?? 0) : forced === s ? 1 : 0;
        if (q === 0) return;
        const w = new Map(world);
        w.set(v.name, s);
        next.push({ world: w, p: p * q });
      });
    }
    rows = next;
  }
  return rows;
}

/** P(event | given) from a list of weighted worlds (state names). */
export function prob(
  vars: CptVar[],
  rows: { world: Map<string, number>; p: number }[],
  event: Record<string, string>,
  given: Record<string, string> = {},
): number {
  const idx = (a: Record<string, string>): [string, number][] =>
    Object.entries(a).map(([k, s]) => [k, vars.find((v) => v.name === k)?.states.indexOf(s) ?? -1]);
  const e = idx(event);
  const g = idx(given);
  let num = 0;
  let den = 0;
  for (const { world, p } of rows) {
    if (!g.every(([k, s]) => world.get(k) === s)) continue;
    den += p;
    if (e.every(([k, s]) => world.get(k) === s)) num += p;
  }
  return num / den;
}

/**
 * Noise cells of each variable under the inverse-CDF coupling: the unit interval cut at every
 * cumulative threshold of every CPT row; in a cell every row gives a fixed state.
 */
export function noiseCells(vars: CptVar[]): { weight: number; cell: number[] }[][] {
  return vars.map((v) => {
    const cuts = new Set<number>([0, 1]);
    for (const row of v.table) {
      let c = 0;
      for (const p of row) {
        c += p;
        if (c > 0 && c < 1) cuts.add(c);
      }
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out: { weight: number; cell: number[] }[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i] as number;
      const b = points[i + 1] as number;
      if (b <= a) continue;
      const u = (a + b) / 2;
      out.push({
        weight: b - a,
        cell: v.table.map((row) => {
          let c = 0;
          for (let s = 0; s < row.length; s++) {
            c += row[s] as number;
            if (u < c) return s;
          }
          return row.length - 1;
        }),
      });
    }
    return out;
  });
}

/** Number of noise-cell combinations (to skip oversized enumerations). */
export function cellCount(vars: CptVar[]): number {
  return noiseCells(vars).reduce((a, c) => a * c.length, 1);
}

/**
 * Enumerates units (one cell per variable, with probability weight) and calls `visit` with a
 * function computing the world under an intervention (values may be fixed states or
 * functions of the unit's other worlds, computed by the caller).
 */
export function forEachUnit(
  vars: CptVar[],
  visit: (weight: number, world: (doMap: Map<string, number>) => Map<string, number>) => void,
): void {
  const cells = noiseCells(vars);
  const byName = new Map(vars.map((v) => [v.name, v]));
  const choice = new Array<number>(vars.length).fill(0);
  const rec = (i: number, weight: number): void => {
    if (i === vars.length) {
      const world = (doMap: Map<string, number>): Map<string, number> => {
        const w = new Map<string, number>();
        vars.forEach((v, j) => {
          const forced = doMap.get(v.name);
          if (forced !== undefined) w.set(v.name, forced);
          else {
            const cell = cells[j]?.[choice[j] as number]?.cell ?? [];
            w.set(v.name, cell[rowIndex(v, w, byName)] ?? 0);
          }
        });
        return w;
      };
      visit(weight, world);
      return;
    }
    (cells[i] ?? []).forEach((c, k) => {
      choice[i] = k;
      rec(i + 1, weight * c.weight);
    });
  };
  rec(0, 1);
}

/** What {@link forEachUnit} calls for each unit. */
export type UnitVisitor = (
  weight: number,
  world: (doMap: Map<string, number>) => Map<string, number>,
) => void;

/**
 * `n` units drawn at random (weight 1/n each): every variable's uniform noise drawn from a
 * small PRNG of the test's own, its state the inverse CDF of its CPT row at that draw — the
 * same units as {@link forEachUnit}, sampled instead of enumerated.
 */
export function forEachSampledUnit(
  vars: CptVar[],
  n: number,
  seed: number,
  visit: UnitVisitor,
): void {
  let s = seed >>> 0;
  const next = (): number => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const byName = new Map(vars.map((v) => [v.name, v]));
  const u = new Float64Array(vars.length);
  const world = (doMap: Map<string, number>): Map<string, number> => {
    const w = new Map<string, number>();
    vars.forEach((v, j) => {
      const forced = doMap.get(v.name);
      if (forced !== undefined) {
        w.set(v.name, forced);
        return;
      }
      const row = v.table[rowIndex(v, w, byName)] ?? [];
      let c = 0;
      let state = row.length - 1;
      for (let k = 0; k < row.length; k++) {
        c += row[k] as number;
        if ((u[j] as number) < c) {
          state = k;
          break;
        }
      }
      w.set(v.name, state);
    });
    return w;
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < vars.length; j++) u[j] = next();
    visit(1 / n, world);
  }
}

/**
 * A rung-3 quantity as a ratio E[a] / E[b] over units (b = 1 for unconditional quantities),
 * with the moments a sampling oracle needs for its standard error.
 */
export interface RatioMoments {
  /** Σ w·a, Σ w·b, Σ w·a², Σ w·b², Σ w·a·b. */
  a: number;
  b: number;
  aa: number;
  bb: number;
  ab: number;
}

/**
 * The unit-level definition of an ETT, NDE, NIE or PN/PS/PNS query (state indices: x1 the
 * treated, x0 the control, y1 the outcome state; `m` the mediator), accumulated over the units
 * that `each` visits.
 */
export function counterfactualMoments(
  q: { type: string; treatment: string; outcome: string; mediator?: string; measure?: string },
  x1: number,
  x0: number,
  y1: number,
  each: (visit: UnitVisitor) => void,
): RatioMoments {
  const X = q.treatment;
  const Y = q.outcome;
  const acc: RatioMoments = { a: 0, b: 0, aa: 0, bb: 0, ab: 0 };
  const add = (w: number, a: number, b: number): void => {
    acc.a += w * a;
    acc.b += w * b;
    acc.aa += w * a * a;
    acc.bb += w * b * b;
    acc.ab += w * a * b;
  };
  each((w, world) => {
    const f = world(new Map());
    const yx1 = world(new Map([[X, x1]])).get(Y) === y1 ? 1 : 0;
    const yx0 = world(new Map([[X, x0]])).get(Y) === y1 ? 1 : 0;
    if (q.type === "ett") {
      const treated = f.get(X) === x1 ? 1 : 0;
      add(w, treated * (yx1 - yx0), treated);
    } else if (q.type === "nde" || q.type === "nie") {
      const M = q.mediator ?? "";
      const m = world(new Map([[X, q.type === "nde" ? x0 : x1]])).get(M) ?? 0;
      const nested = world(
        new Map([
          [X, q.type === "nde" ? x1 : x0],
          [M, m],
        ]),
      );
      add(w, (nested.get(Y) === y1 ? 1 : 0) - yx0, 1);
    } else if (q.measure === "pns") {
      add(w, yx1 === 1 && yx0 === 0 ? 1 : 0, 1);
    } else if (q.measure === "pn") {
      const e = f.get(X) === x1 && f.get(Y) === y1 ? 1 : 0;
      add(w, e * (1 - yx0), e);
    } else {
      const e = f.get(X) === x0 && f.get(Y) !== y1 ? 1 : 0;
      add(w, e * yx1, e);
    }
  });
  return acc;
}

/** Graph helpers on JSON graphs. */
export interface JsonGraph {
  nodes: string[];
  directed: [string, string][];
  bidirected: [string, string][];
}

export function parentsOf(g: JsonGraph, v: string): string[] {
  return g.directed.filter(([, b]) => b === v).map(([a]) => a);
}

export function ancestorSet(g: JsonGraph, seeds: string[]): Set<string> {
  const out = new Set(seeds);
  const stack = [...seeds];
  while (stack.length > 0) {
    const v = stack.pop() as string;
    for (const p of parentsOf(g, v)) {
      if (!out.has(p)) {
        out.add(p);
        stack.push(p);
      }
    }
  }
  return out;
}

/** d-separation by moralising the ancestral graph of X ∪ Y ∪ Z (Lauritzen et al. 1990). */
export function dSepBrute(g: JsonGraph, x: string, y: string, z: string[]): boolean {
  const an = ancestorSet(g, [x, y, ...z]);
  const adj = new Map<string, Set<string>>([...an].map((v) => [v, new Set<string>()]));
  const link = (a: string, b: string): void => {
    adj.get(a)?.add(b);
    adj.get(b)?.add(a);
  };
  for (const v of an) {
    const ps = parentsOf(g, v);
    for (const p of ps) link(p, v);
    for (const p of ps) for (const q of ps) if (p !== q) link(p, q);
  }
  const blocked = new Set(z);
  const seen = new Set([x]);
  const stack = [x];
  while (stack.length > 0) {
    const v = stack.pop() as string;
    if (v === y) return false;
    for (const w of adj.get(v) ?? []) {
      if (!seen.has(w) && !blocked.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return true;
}

/**
 * Tian & Pearl (2002, Theorem 4), singleton treatment: P(y | do(x)) is identifiable iff no
 * path of bidirected edges inside G[An(y)] connects x to one of its children in An(y).
 */
export function identifiableBrute(g: JsonGraph, x: string, y: string): boolean {
  const an = ancestorSet(g, [y]);
  if (!an.has(x)) return true;
  const children = g.directed.filter(([a, b]) => a === x && an.has(b)).map(([, b]) => b);
  const reach = new Set([x]);
  const stack = [x];
  while (stack.length > 0) {
    const v = stack.pop() as string;
    for (const [a, b] of g.bidirected) {
      const w = a === v ? b : b === v ? a : undefined;
      if (w !== undefined && an.has(w) && !reach.has(w)) {
        reach.add(w);
        stack.push(w);
      }
    }
  }
  return !children.some((c) => reach.has(c));
}

function isAcyclic(nodes: string[], edges: [string, string][]): boolean {
  const indeg = new Map(nodes.map((v) => [v, 0]));
  for (const [, b] of edges) indeg.set(b, (indeg.get(b) ?? 0) + 1);
  const queue = nodes.filter((v) => indeg.get(v) === 0);
  let seen = 0;
  while (queue.length > 0) {
    const v = queue.pop() as string;
    seen++;
    for (const [a, b] of edges) {
      if (a === v) {
        indeg.set(b, (indeg.get(b) ?? 0) - 1);
        if (indeg.get(b) === 0) queue.push(b);
      }
    }
  }
  return seen === nodes.length;
}

function vStructures(edges: [string, string][]): Set<string> {
  const adjacent = (a: string, b: string): boolean =>
    edges.some(([p, q]) => (p === a && q === b) || (p === b && q === a));
  const out = new Set<string>();
  for (const [a, c] of edges) {
    for (const [b, c2] of edges) {
      if (c === c2 && a < b && !adjacent(a, b)) out.add(`${a}>${c}<${b}`);
    }
  }
  return out;
}

/** The Markov equivalence class of a DAG: every orientation of its skeleton that is acyclic with the same v-structures. */
export function mecBrute(g: JsonGraph): [string, string][][] {
  const target = vStructures(g.directed);
  const out: [string, string][][] = [];
  const E = g.directed.length;
  for (let mask = 0; mask < 1 << E; mask++) {
    const edges = g.directed.map(([a, b], i): [string, string] =>
      (mask >> i) & 1 ? [b, a] : [a, b],
    );
    if (!isAcyclic(g.nodes, edges)) continue;
    const vs = vStructures(edges);
    if (vs.size === target.size && [...vs].every((k) => target.has(k))) out.push(edges);
  }
  return out;
}

/** Whether a Corr2cause relation holds in one DAG (edge list). */
export function relationHolds(
  nodes: string[],
  edges: [string, string][],
  relation: string,
  a: string,
  b: string,
): boolean {
  const g: JsonGraph = { nodes, directed: edges, bidirected: [] };
  const has = (p: string, q: string): boolean => edges.some(([s, t]) => s === p && t === q);
  switch (relation) {
    case "parent":
      return has(a, b);
    case "child":
      return has(b, a);
    case "ancestor":
      return ancestorSet(g, [b]).has(a);
    case "descendant":
      return ancestorSet(g, [a]).has(b);
    case "collider":
      return nodes.some((c) => has(a, c) && has(b, c));
    case "confounder":
      return nodes.some((c) => has(c, a) && has(c, b));
    default:
      throw new Error(relation);
  }
}
