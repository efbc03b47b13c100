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

// Candidate lists depend only on the graph; sources freeze their graphs, and every candidate of
// a source asks for the same lists, so they are computed once per frozen graph.
const LISTS = new WeakMap<ReadonlyCausalGraph, Map<string, unknown>>();

function perGraph<T>(g: ReadonlyCausalGraph, name: string, compute: () => T): T {
  if (!g.isFrozen) return compute();
  let lists = LISTS.get(g);
  if (lists === undefined) {
    lists = new Map();
    LISTS.set(g, lists);
  }
  let hit = lists.get(name) as T | undefined;
  if (hit === undefined) {
    hit = compute();
    lists.set(name, hit);
  }
  return hit;
}

/** Ordered pairs (x, y), x ≠ y, with x a proper ancestor of y. */
export function causalPairs(g: ReadonlyCausalGraph): readonly (readonly [string, string])[] {
  return perGraph(g, "causalPairs", () => {
    const out: [string, string][] = [];
    for (const x of g.nodes()) {
      for (const y of descendants(g, x)) if (y !== x) out.push([x, y]);
    }
    return out;
  });
}

/** Triples (x, m, y): x → m and m a proper ancestor of y (m a mediator). */
export function mediationTriples(
  g: ReadonlyCausalGraph,
): readonly (readonly [string, string, string])[] {
  return perGraph(g, "mediationTriples", () => {
    const out: [string, string, string][] = [];
    for (const [x, y] of causalPairs(g)) {
      const an = ancestors(g, y);
      for (const m of g.children(x)) if (m !== y && an.has(m)) out.push([x, m, y]);
    }
    return out;
  });
}

/**
 * The {@link mediationTriples} (x, m, y) with a directed path from x to y that avoids m. In the
 * others every causal path runs through m, so `Y_{x, m} = Y_m` and the natural direct effect is
 * exactly 0 (composition: `Y_{x, M_{x'}} = Y_{M_{x'}} = Y_{x'}`).
 */
export function directEffectTriples(
  g: ReadonlyCausalGraph,
): readonly (readonly [string, string, string])[] {
  return perGraph(g, "directEffectTriples", () =>
    mediationTriples(g).filter(([x, m, y]) => reachesAvoiding(g, x, y, m)),
  );
}

/** Whether a directed path leads from `from` to `to` without visiting `avoid`. */
function reachesAvoiding(g: ReadonlyCausalGraph, from: string, to: string, avoid: string): boolean {
  const seen = new Set<string>([from, avoid]);
  const stack = [from];
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    for (const c of g.children(v)) {
      if (c === to) return true;
      if (!seen.has(c)) {
        seen.add(c);
        stack.push(c);
      }
    }
  }
  return false;
}

/**
 * Ordered pairs (x, y), x ≠ y, that are d-connected given nothing: x and y have a common
 * ancestor (either may be it). Other pairs are independent in every model on the graph, so
 * their association is exactly 0.
 */
export function associatedPairs(g: ReadonlyCausalGraph): readonly (readonly [string, string])[] {
  return perGraph(g, "associatedPairs", () => {
    const nodes = g.nodes();
    const an = new Map(nodes.map((v) => [v, ancestors(g, v)]));
    const out: [string, string][] = [];
    for (const x of nodes) {
      const ax = an.get(x) as ReadonlySet<string>;
      for (const y of nodes) {
        if (y === x) continue;
        for (const a of an.get(y) as ReadonlySet<string>) {
          if (ax.has(a)) {
            out.push([x, y]);
            break;
          }
        }
      }
    }
    return out;
  });
}

/** Triples (a, b, c) with a → c ← b, a ≠ b (c a collider between its parents a and b). */
export function colliderTriples(
  g: ReadonlyCausalGraph,
): readonly (readonly [string, string, string])[] {
  return perGraph(g, "colliderTriples", () => {
    const out: [string, string, string][] = [];
    for (const c of g.nodes()) {
      const ps = g.parents(c);
      for (const a of ps) for (const b of ps) if (a !== b) out.push([a, b, c]);
    }
    return out;
  });
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

/** The states an effect question of a binary model refers to (the second state is "1"). */
export interface EffectStates {
  /** Treatment value (the treatment's second state). */
  readonly treated: string;
  /** Control value (its first state). */
  readonly control: string;
  /** Outcome event (the outcome's second state). */
  readonly outcomeState: string;
  /** The outcome's other state. */
  readonly outcomeOther: string;
}

/** The treated/control and outcome states of treatment → outcome, if both are binary-like. */
export function effectStates(
  model: Scm,
  treatment: string,
  outcome: string,
): EffectStates | undefined {
  const [control, treated] = statesOf(model, treatment);
  const [outcomeOther, outcomeState] = statesOf(model, outcome);
  if (
    control === undefined ||
    treated === undefined ||
    outcomeOther === undefined ||
    outcomeState === undefined
  ) {
    return undefined;
  }
  return { treated, control, outcomeState, outcomeOther };
}
