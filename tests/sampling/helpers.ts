// Test oracles for tests/sampling: exact probabilities of discrete models by brute-force
// enumeration, written independently of the sampling code.
import { expect } from "vitest";
import type { Table } from "../../src/sampling/index.js";
import type { Scm } from "../../src/scm/index.js";

/** The variables V depends on: An(V) ∪ {V}, in the model's (topological) order. */
export function ancestralSet(model: Scm, names: readonly string[]): string[] {
  const keep = new Set<string>();
  const stack = [...names];
  while (stack.length > 0) {
    const v = stack.pop() as string;
    if (keep.has(v)) continue;
    keep.add(v);
    stack.push(...model.variable(v).parents);
  }
  return model.variableNames.filter((v) => keep.has(v));
}

/**
 * Exact distribution of an ancestrally closed set of variables (default: all) of a model whose
 * mechanisms are CPTs or constants, by enumerating every assignment:
 * P(x) = Π_v P(x_v | x_pa(v)), the CPT row index with the last parent varying fastest.
 * Keys are the state indices joined by "|", in the order of `names`.
 */
export function enumerateJoint(
  model: Scm,
  subset: readonly string[] = model.variableNames,
): { names: string[]; joint: Map<string, number> } {
  const names = model.variableNames.filter((v) => subset.includes(v));
  const vars = names.map((n) => model.variable(n));
  const sizes = vars.map((v) => (v.domain.type === "discrete" ? v.domain.states.length : 0));
  const pos = new Map(names.map((n, i) => [n, i]));
  const joint = new Map<string, number>();
  const assignment = new Array<number>(vars.length).fill(0);
  const recurse = (i: number, p: number): void => {
    if (p === 0) return;
    if (i === vars.length) {
      joint.set(assignment.join("|"), p);
      return;
    }
    const v = vars[i];
    if (v === undefined) return;
    const m = v.mechanism;
    for (let s = 0; s < (sizes[i] ?? 0); s++) {
      assignment[i] = s;
      let q: number;
      if (m.type === "constant") q = m.value === s ? 1 : 0;
      else if (m.type === "cpt") {
        let row = 0;
        for (const parent of m.parents) {
          const j = pos.get(parent);
          if (j === undefined) throw new Error(`enumerateJoint: ${parent} not in the subset`);
          row = row * (sizes[j] ?? 0) + (assignment[j] ?? 0);
        }
        q = m.table[row]?.[s] ?? Number.NaN;
      } else throw new Error(`enumerateJoint: unsupported ${m.type}`);
      recurse(i + 1, p * q);
    }
  };
  recurse(0, 1);
  return { names, joint };
}

/** Exact P(event), event = variable → state index, enumerating the event's ancestral set. */
export function exactProbability(model: Scm, event: Record<string, number>): number {
  const { names, joint } = enumerateJoint(model, ancestralSet(model, Object.keys(event)));
  let p = 0;
  for (const [key, q] of joint) {
    const values = key.split("|").map(Number);
    if (Object.entries(event).every(([name, s]) => values[names.indexOf(name)] === s)) p += q;
  }
  return p;
}

/** Relative frequency of an event (variable → state index) in a table. */
export function frequency(t: Table, event: Record<string, number>): number {
  const cols = Object.entries(event).map(([name, s]) => [t.column(name).values, s] as const);
  let c = 0;
  for (let i = 0; i < t.n; i++) if (cols.every(([v, s]) => v[i] === s)) c++;
  return c / t.n;
}

/** |observed − p| ≤ 4 binomial standard errors. */
export function expectWithin4Se(observed: number, p: number, n: number, label?: string): void {
  expect(Math.abs(observed - p), label).toBeLessThanOrEqual(
    4 * Math.sqrt((p * (1 - p)) / n) + 1e-12,
  );
}
