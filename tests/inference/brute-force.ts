// Brute-force oracle for exact discrete inference, written from the definitions and
// independently of src/inference: it enumerates every joint state of the endogenous variables
// and of the finite exogenous variables, weighs it by the structural equations (truncated by the
// intervention), and sums. Exponential; for models of ≤ ~10 variables only.
//
// Mechanism semantics used (src/scm/types.ts):
// - cpt: inverse CDF of a uniform(0, 1) U — state k takes the u in [0, 1) whose first threshold
//   above u is c_k, where c are the running sums of the row with the entries from the last
//   positive state onward set to exactly 1 (src/sampling/sample.ts);
// - logistic: state 1 occupies [0, p), state 0 [p, 1), p = sigmoid(intercept + Σ coef·parent);
// - several cpt / logistic mechanisms reading the same uniform U: the probability that they take
//   given states is the length of the intersection of their intervals;
// - function / expression: a deterministic function of parents and finite noise values;
// - constant: a point mass.
import type { Scm } from "../../src/scm/scm.js";

export type Zero = "zero";

/** Interval [lo, hi) of U where a cpt / logistic mechanism takes `state` in row `row`. */
function interval(
  type: "cpt" | "logistic",
  row: readonly number[],
  state: number,
): [number, number] {
  if (type === "logistic") {
    const p = row[1] as number;
    return state === 1 ? [0, p] : [p, 1];
  }
  let last = -1;
  row.forEach((p, k) => {
    if (p > 0) last = k;
  });
  const c: number[] = [];
  let acc = 0;
  row.forEach((p, k) => {
    acc += p;
    c.push(k >= last ? 1 : acc);
  });
  // u takes state k iff u < c_k and u ≥ c_j for all j < k
  let lo = 0;
  for (let j = 0; j < state; j++) lo = Math.max(lo, c[j] as number);
  return [Math.min(lo, 1), Math.min(c[state] as number, 1)];
}

/** Probabilities of a categorical noise under the same inverse-CDF rule. */
function categoricalProbs(probs: readonly number[]): number[] {
  return probs.map((_, k) => {
    const [lo, hi] = interval("cpt", probs, k);
    return Math.max(0, hi - lo);
  });
}

/**
 * P(targets | do, given) by enumeration, as a row-major joint (last target fastest), or "zero"
 * when P(given) = 0 in the intervened model.
 */
export function bruteForce(
  model: Scm,
  targets: readonly string[],
  doValues: ReadonlyMap<string, number>,
  given: ReadonlyMap<string, number>,
): Float64Array | Zero {
  const vars = model.variables;
  const n = vars.length;
  const index = new Map(vars.map((v, i) => [v.name, i]));
  const cards = vars.map((v) => (v.domain.type === "discrete" ? v.domain.states.length : 0));
  // finite exogenous variables read by function / expression mechanisms
  const finite: { name: string; probs: number[] }[] = [];
  const uniformReaders = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const v = vars[i];
    if (!v || doValues.has(v.name)) continue;
    const m = v.mechanism;
    if (m.type === "cpt" || m.type === "logistic") {
      const u = v.noise[0] as string;
      const list = uniformReaders.get(u) ?? [];
      list.push(i);
      uniformReaders.set(u, list);
    }
  }
  for (const v of vars) {
    if (v.mechanism.type !== "function" && v.mechanism.type !== "expression") continue;
    for (const u of v.noise) {
      if (finite.some((f) => f.name === u)) continue;
      const d = model.exogenousVariable(u).distribution;
      if (d.type === "bernoulli") finite.push({ name: u, probs: [1 - d.p, d.p] });
      else if (d.type === "categorical") finite.push({ name: u, probs: categoricalProbs(d.probs) });
      else throw new Error(`oracle: continuous noise ${u}`);
    }
  }
  const rowOf = (i: number, a: Int32Array): number => {
    let r = 0;
    for (const p of (vars[i] as (typeof vars)[number]).parents) {
      const j = index.get(p) as number;
      r = r * (cards[j] as number) + (a[j] as number);
    }
    return r;
  };
  const logisticRow = (i: number, a: Int32Array): number[] => {
    const v = vars[i] as (typeof vars)[number];
    const m = v.mechanism;
    if (m.type !== "logistic") throw new Error("not logistic");
    let eta = m.intercept ?? 0;
    v.parents.forEach((p, k) => {
      eta += (m.coefficients[k] as number) * (a[index.get(p) as number] as number);
    });
    const p = 1 / (1 + Math.exp(-eta));
    return [1 - p, p];
  };

  const T = targets.map((t) => index.get(t) as number);
  let outSize = 1;
  for (const t of T) outSize *= cards[t] as number;
  const out = new Float64Array(outSize);
  let evidenceMass = 0;

  const a = new Int32Array(n);
  const uVals = new Int32Array(finite.length);
  const total = cards.reduce((x, c) => x * c, 1);
  const uTotal = finite.reduce((x, f) => x * f.probs.length, 1);
  for (let code = 0; code < total; code++) {
    let rest = code;
    for (let i = n - 1; i >= 0; i--) {
      a[i] = rest % (cards[i] as number);
      rest = Math.floor(rest / (cards[i] as number));
    }
    let consistent = true;
    for (const [name, s] of given) if (a[index.get(name) as number] !== s) consistent = false;
    for (const [name, s] of doValues) if (a[index.get(name) as number] !== s) consistent = false;
    if (!consistent) continue;
    // uniform-driven mechanisms: product over shared uniforms of interval intersections
    let w = 1;
    for (const readers of uniformReaders.values()) {
      let lo = 0;
      let hi = 1;
      for (const i of readers) {
        const m = (vars[i] as (typeof vars)[number]).mechanism;
        const row = m.type === "cpt" ? (m.table[rowOf(i, a)] as number[]) : logisticRow(i, a);
        const [l, h] = interval(m.type as "cpt" | "logistic", row, a[i] as number);
        lo = Math.max(lo, l);
        hi = Math.min(hi, h);
      }
      w *= Math.max(0, hi - lo);
    }
    if (w === 0) continue;
    for (let i = 0; i < n; i++) {
      const v = vars[i] as (typeof vars)[number];
      if (v.mechanism.type === "constant" && !doValues.has(v.name)) {
        if (a[i] !== v.mechanism.value) w = 0;
      }
    }
    if (w === 0) continue;
    // finite exogenous and deterministic mechanisms
    let wu = 0;
    for (let uc = 0; uc < uTotal; uc++) {
      let r = uc;
      let pu = 1;
      for (let j = finite.length - 1; j >= 0; j--) {
        const f = finite[j] as { name: string; probs: number[] };
        uVals[j] = r % f.probs.length;
        r = Math.floor(r / f.probs.length);
        pu *= f.probs[uVals[j] as number] as number;
      }
      if (pu === 0) continue;
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        const v = vars[i] as (typeof vars)[number];
        const m = v.mechanism;
        if (doValues.has(v.name)) continue;
        if (m.type !== "function" && m.type !== "expression") continue;
        const parents: Record<string, number> = Object.create(null);
        for (const p of v.parents) parents[p] = a[index.get(p) as number] as number;
        const noise: Record<string, number> = Object.create(null);
        for (const u of v.noise) noise[u] = uVals[finite.findIndex((f) => f.name === u)] as number;
        const value =
          m.type === "function"
            ? m.fn(parents, noise)
            : model.compiledExpression(v.name).evaluate({ ...parents, ...noise });
        if (value !== a[i]) ok = false;
      }
      if (ok) wu += pu;
    }
    w *= wu;
    if (w === 0) continue;
    evidenceMass += w;
    let o = 0;
    for (const t of T) o = o * (cards[t] as number) + (a[t] as number);
    out[o] = (out[o] as number) + w;
  }
  if (evidenceMass === 0) return "zero";
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / evidenceMass;
  return out;
}
