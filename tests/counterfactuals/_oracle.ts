// Brute-force oracle for counterfactual queries on discrete SCMs, written from the definitions
// and independently of src/counterfactuals (no twin network, no merging, no variable
// elimination): it walks the variables in topological order and enumerates their values in
// every world at once, weighting each joint choice by the probability the exogenous noise gives
// it.
//
// Semantics (src/scm/types.ts, src/counterfactuals/coupling.ts):
// - cpt: state k for the u in [0, 1) with max_{j<k} c_j ≤ u < c_k, c the running sums of the row
//   with entries from the last positive state onward set to exactly 1;
// - logistic: state 1 for u in [0, p), state 0 for [p, 1);
// - inverse-CDF coupling: the same u in every world, so P(V = s_w in every world w) is the length
//   of the intersection of the worlds' intervals;
// - independent coupling: one independent uniform per parent configuration, so worlds with the
//   same parent values agree and the others are independent draws;
// - a uniform shared by several cpt / logistic mechanisms: enumerated up front over the cells
//   between all breakpoints of its readers (inverse-CDF coupling only);
// - function / expression mechanisms: deterministic given the parents and their finite noise,
//   which is enumerated up front (shared by all worlds);
// - constant: a point mass.
import type { Scm } from "../../src/scm/scm.js";
import type { NoiseDistribution } from "../../src/scm/types.js";

/** A world: variable → fixed state, or → index of another world (the same variable's value). */
export type OracleWorld = ReadonlyMap<string, { value: number } | { world: number }>;

/** `variable` in world `world` (an index into the world list). */
export interface OracleTerm {
  readonly variable: string;
  readonly world: number;
}

function thresholds(row: readonly number[]): number[] {
  let last = -1;
  row.forEach((p, k) => {
    if (p > 0) last = k;
  });
  let acc = 0;
  return row.map((p, k) => {
    acc += p;
    return k >= last ? 1 : acc;
  });
}

/** [lo, hi) of u giving `state` in a cpt row (or a logistic row [1 − p, p]). */
export function interval(
  logistic: boolean,
  row: readonly number[],
  state: number,
): [number, number] {
  if (logistic) {
    const p = row[1] as number;
    return state === 1 ? [0, p] : [p, 1];
  }
  const c = thresholds(row);
  let lo = 0;
  for (let j = 0; j < state; j++) lo = Math.max(lo, c[j] as number);
  return [Math.min(lo, 1), Math.min(c[state] as number, 1)];
}

function finiteSupport(d: NoiseDistribution): [number, number][] {
  if (d.type === "bernoulli")
    return [
      [0, 1 - d.p],
      [1, d.p],
    ];
  if (d.type === "categorical") {
    return d.probs.map((_, k) => {
      const [lo, hi] = interval(false, d.probs, k);
      return [k, Math.max(0, hi - lo)];
    });
  }
  throw new Error(`oracle: continuous noise ${d.type}`);
}

function rowsOf(model: Scm, name: string): number[][] {
  const v = model.variable(name);
  const m = v.mechanism;
  if (m.type === "cpt") return m.table.map((r) => [...r]);
  if (m.type !== "logistic") throw new Error("not a table mechanism");
  const cards = m.parents.map((p) => {
    const d = model.variable(p).domain;
    return d.type === "discrete" ? d.states.length : 0;
  });
  const rows: number[][] = [];
  const total = cards.reduce((a, b) => a * b, 1);
  for (let r = 0; r < total; r++) {
    let rest = r;
    const config = cards.map(() => 0);
    for (let i = cards.length - 1; i >= 0; i--) {
      config[i] = rest % (cards[i] as number);
      rest = Math.floor(rest / (cards[i] as number));
    }
    let eta = m.intercept ?? 0;
    config.forEach((x, i) => {
      eta = eta + (m.coefficients[i] as number) * x;
    });
    const p = 1 / (1 + Math.exp(-eta));
    rows.push([1 - p, p]);
  }
  return rows;
}

function rowIndex(model: Scm, name: string, values: ReadonlyMap<string, number>): number {
  const v = model.variable(name);
  let r = 0;
  for (const p of v.parents) {
    const d = model.variable(p).domain;
    r = r * (d.type === "discrete" ? d.states.length : 1) + (values.get(p) as number);
  }
  return r;
}

/**
 * The joint distribution of the target terms given the evidence terms (row-major, last target
 * fastest), or "zero" if the evidence has probability 0.
 */
export function oracle(
  model: Scm,
  worlds: readonly OracleWorld[],
  targets: readonly OracleTerm[],
  evidence: readonly (OracleTerm & { value: number })[],
  coupling: "inverse-cdf" | "independent",
): Float64Array | "zero" {
  const vars = model.variables;
  const W = worlds.length;
  const readers = new Map<string, string[]>();
  for (const v of vars)
    for (const u of v.noise) readers.set(u, [...(readers.get(u) ?? []), v.name]);
  // Up-front enumeration: shared uniforms (cells) and finite noises of function mechanisms.
  const upfront: { name: string; options: [number, number][] }[] = [];
  for (const [u, list] of readers) {
    const d = model.exogenousVariable(u).distribution;
    if (d.type === "uniform" && list.length > 1) {
      const points = new Set<number>([0, 1]);
      for (const r of list) {
        const logistic = model.variable(r).mechanism.type === "logistic";
        for (const row of rowsOf(model, r)) {
          if (logistic) points.add(row[1] as number);
          else for (const c of thresholds(row)) points.add(Math.min(1, c));
        }
      }
      const sorted = [...points].filter((x) => x >= 0 && x <= 1).sort((a, b) => a - b);
      const cells: [number, number][] = [];
      for (let i = 0; i + 1 < sorted.length; i++) {
        const a = sorted[i] as number;
        const b = sorted[i + 1] as number;
        if (b > a) cells.push([(a + b) / 2, b - a]);
      }
      upfront.push({ name: u, options: cells });
    } else if (d.type === "bernoulli" || d.type === "categorical") {
      upfront.push({ name: u, options: finiteSupport(d) });
    }
  }
  const cards = targets.map((t) => {
    const d = model.variable(t.variable).domain;
    return d.type === "discrete" ? d.states.length : 0;
  });
  let size = 1;
  for (const c of cards) size *= c;
  const joint = new Float64Array(size);

  const values: Map<string, number>[] = worlds.map(() => new Map());
  const noise = new Map<string, number>();

  const leaf = (p: number): void => {
    for (const e of evidence) {
      if (values[e.world]?.get(e.variable) !== e.value) return;
    }
    let at = 0;
    targets.forEach((t, i) => {
      at = at * (cards[i] as number) + (values[t.world]?.get(t.variable) as number);
    });
    joint[at] = (joint[at] as number) + p;
  };

  const stateAt = (name: string, w: number, u: number): number => {
    const v = model.variable(name);
    const logistic = v.mechanism.type === "logistic";
    const row = rowsOf(model, name)[
      rowIndex(model, name, values[w] as Map<string, number>)
    ] as number[];
    const k = row.length;
    for (let s = 0; s < k; s++) {
      const [lo, hi] = interval(logistic, row, s);
      if (u >= lo && u < hi) return s;
    }
    throw new Error("oracle: no state");
  };

  const walk = (i: number, p: number): void => {
    if (p === 0) return;
    const v = vars[i];
    if (v === undefined) {
      leaf(p);
      return;
    }
    const name = v.name;
    const m = v.mechanism;
    const k = v.domain.type === "discrete" ? v.domain.states.length : 0;
    // Worlds in an order where referenced worlds come first.
    const order: number[] = [];
    const visit = (w: number): void => {
      if (order.includes(w)) return;
      const a = worlds[w]?.get(name);
      if (a && "world" in a) visit(a.world);
      order.push(w);
    };
    for (let w = 0; w < W; w++) visit(w);
    // Worlds whose value comes from the mechanism with private table noise: enumerated jointly.
    const free: number[] = [];
    const assignFixed = (): void => {
      for (const w of order) {
        const a = worlds[w]?.get(name);
        const vals = values[w] as Map<string, number>;
        if (a && "value" in a) vals.set(name, a.value);
        else if (a && "world" in a) {
          if (free.includes(a.world)) continue; // resolved after the free worlds
          vals.set(name, values[a.world]?.get(name) as number);
        } else if (m.type === "constant") vals.set(name, m.value);
        else if (m.type === "cpt" || m.type === "logistic") {
          const u = m.noise as string;
          if ((readers.get(u) ?? []).length > 1)
            vals.set(name, stateAt(name, w, noise.get(u) as number));
          else free.push(w);
        } else if (m.type === "function") {
          const rec: Record<string, number> = Object.create(null);
          for (const q of v.parents) rec[q] = vals.get(q) as number;
          const nrec: Record<string, number> = Object.create(null);
          for (const u of v.noise) nrec[u] = noise.get(u) as number;
          vals.set(name, m.fn(rec, nrec));
        } else if (m.type === "expression") {
          const scope: Record<string, number> = Object.create(null);
          for (const q of v.parents) scope[q] = vals.get(q) as number;
          for (const u of v.noise) scope[u] = noise.get(u) as number;
          vals.set(name, model.compiledExpression(name).evaluate(scope));
        } else throw new Error(`oracle: mechanism ${m.type}`);
      }
    };
    assignFixed();
    if (free.length === 0) {
      walk(i + 1, p);
      return;
    }
    const rows = rowsOf(model, name);
    const logistic = m.type === "logistic";
    const states = new Array<number>(free.length).fill(0);
    for (;;) {
      // probability of this joint choice
      let q: number;
      if (coupling === "inverse-cdf") {
        let lo = 0;
        let hi = 1;
        free.forEach((w, j) => {
          const row = rows[rowIndex(model, name, values[w] as Map<string, number>)] as number[];
          const [a, b] = interval(logistic, row, states[j] as number);
          lo = Math.max(lo, a);
          hi = Math.min(hi, b);
        });
        q = Math.max(0, hi - lo);
      } else {
        q = 1;
        const chosen = new Map<number, number>();
        free.forEach((w, j) => {
          const r = rowIndex(model, name, values[w] as Map<string, number>);
          const s = states[j] as number;
          const before = chosen.get(r);
          if (before === undefined) {
            chosen.set(r, s);
            const [a, b] = interval(logistic, rows[r] as number[], s);
            q *= Math.max(0, b - a);
          } else if (before !== s) q = 0;
        });
      }
      if (q > 0) {
        free.forEach((w, j) => {
          values[w]?.set(name, states[j] as number);
        });
        // Worlds referring to a free world.
        for (const w of order) {
          const a = worlds[w]?.get(name);
          if (a && "world" in a) values[w]?.set(name, values[a.world]?.get(name) as number);
        }
        walk(i + 1, p * q);
      }
      let j = free.length - 1;
      for (; j >= 0; j--) {
        const c = (states[j] as number) + 1;
        if (c < k) {
          states[j] = c;
          break;
        }
        states[j] = 0;
      }
      if (j < 0) break;
    }
  };

  const outer = (j: number, p: number): void => {
    const u = upfront[j];
    if (u === undefined) {
      walk(0, p);
      return;
    }
    for (const [value, q] of u.options) {
      if (q === 0) continue;
      noise.set(u.name, value);
      outer(j + 1, p * q);
    }
  };
  outer(0, 1);
  let z = 0;
  for (const x of joint) z += x;
  if (z <= 1e-15) return "zero";
  return joint.map((x) => x / z);
}
