import { ancestors, descendants } from "../../graph/ancestry.js";
import type { ReadonlyCausalGraph } from "../../graph/causal-graph.js";
import type { Rng } from "../../sampling/rng.js";
import type { Scm } from "../../scm/scm.js";
import { randomInt, shuffleInPlace } from "./random.js";

/** A uniformly random element, or undefined for an empty array. */
export function pick<T>(rng: Rng, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[randomInt(rng, items.length)];
}

/** A random subset of `items` with a size drawn uniformly from 0..max (capped). */
export function pickSubset<T>(rng: Rng, items: readonly T[], max: number): T[] {
  const k = randomInt(rng, Math.min(max, items.length) + 1);
  return shuffleInPlace(rng, [...items]).slice(0, k);
}

/** Ordered pairs (x, y), x ≠ y, with x a proper ancestor of y. */
export function causalPairs(g: ReadonlyCausalGraph): [string, string][] {
  const out: [string, string][] = [];
  for (const x of g.nodes()) {
    for (const y of descendants(g, x)) if (y !== x) out.push([x, y]);
  }
  return out;
}

/** Triples (x, m, y): x → m and m a proper ancestor of y (m a mediator). */
export function mediationTriples(g: ReadonlyCausalGraph): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [x, y] of causalPairs(g)) {
    const an = ancestors(g, y);
    for (const m of g.children(x)) if (m !== y && an.has(m)) out.push([x, m, y]);
  }
  return out;
}

/** The states of a discrete model variable. */
export function statesOf(model: Scm, name: string): readonly string[] {
  const d = model.variable(name).domain;
  return d.type === "discrete" ? d.states : [];
}

/** A random state of a model variable. */
export function randomState(rng: Rng, model: Scm, name: string): string {
  const s = statesOf(model, name);
  return s[randomInt(rng, s.length)] ?? "";
}
