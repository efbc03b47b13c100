import type { CausalGraphJson } from "../../graph/causal-graph.js";

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A 64-bit-ish key (two FNV-1a hashes with different bases) as a string. */
export function hashKey(text: string): string {
  return hashKeyAfter(hashPrefix(""), text);
}

/** The state of {@link hashKey} after reading `prefix` (FNV-1a reads a string in one pass). */
export function hashPrefix(prefix: string): readonly [number, number] {
  return [fnv1a(prefix), fnv1a(prefix, 0x01000193)];
}

/** `hashKey(prefix + rest)` from `hashPrefix(prefix)`: long shared prefixes are read once. */
export function hashKeyAfter(state: readonly [number, number], rest: string): string {
  return `${fnv1a(rest, state[0]).toString(16)}${fnv1a(rest, state[1]).toString(16)}`;
}

/**
 * An isomorphism-invariant fingerprint of the unlabelled graph structure (directed and
 * bidirected edges), by colour refinement (1-dimensional Weisfeiler–Leman, Weisfeiler & Leman
 * 1968) run for `n` rounds: isomorphic graphs always get the same fingerprint, so renamed
 * copies of one graph fall in the same split.
 */
export function graphFingerprint(g: CausalGraphJson): string {
  const index = new Map(g.nodes.map((v, i) => [v, i]));
  const n = g.nodes.length;
  const out: number[][] = g.nodes.map(() => []);
  const inn: number[][] = g.nodes.map(() => []);
  const bi: number[][] = g.nodes.map(() => []);
  for (const [a, b] of g.directed) {
    const i = index.get(a) ?? 0;
    const j = index.get(b) ?? 0;
    out[i]?.push(j);
    inn[j]?.push(i);
  }
  for (const [a, b] of g.bidirected) {
    const i = index.get(a) ?? 0;
    const j = index.get(b) ?? 0;
    bi[i]?.push(j);
    bi[j]?.push(i);
  }
  let colour = g.nodes.map(() => "0");
  for (let round = 0; round < n; round++) {
    colour = colour.map((c, v) => {
      const o = (out[v] ?? [])
        .map((u) => colour[u])
        .sort()
        .join(",");
      const i = (inn[v] ?? [])
        .map((u) => colour[u])
        .sort()
        .join(",");
      const b = (bi[v] ?? [])
        .map((u) => colour[u])
        .sort()
        .join(",");
      return hashKey(`${c}|${o}|${i}|${b}`);
    });
  }
  return hashKey(`${n}:${[...colour].sort().join(",")}`);
}
