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

/** One step of a 32-bit FNV-style combination of words. */
function mix(h: number, word: number): number {
  return Math.imul((h ^ word) >>> 0, 0x01000193) >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads every input bit over the output. */
function finalise(h: number): number {
  let x = h >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * An isomorphism-invariant fingerprint of the unlabelled graph structure (directed and
 * bidirected edges; the latter may stand for any symmetric relation), a 32-bit integer spread
 * uniformly: colour refinement (1-dimensional Weisfeiler–Leman, Weisfeiler & Leman 1968) run
 * for `n` rounds on integer colours, each node's new colour a hash of its colour and the sorted
 * colours of its children, parents and siblings. Isomorphic graphs always get the same
 * fingerprint, so renamed copies of one graph fall in the same split.
 */
export function graphFingerprint(g: CausalGraphJson): number {
  const index = new Map(g.nodes.map((v, i) => [v, i]));
  const n = g.nodes.length;
  const relations: number[][][] = [[], [], []]; // children, parents, siblings
  for (const r of relations) for (let v = 0; v < n; v++) r.push([]);
  const [out, inn, bi] = relations as [number[][], number[][], number[][]];
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
  let colour = new Uint32Array(n);
  let next = new Uint32Array(n);
  const seen: number[] = [];
  for (let round = 0; round < n; round++) {
    for (let v = 0; v < n; v++) {
      let h = mix(0x811c9dc5, colour[v] as number);
      for (let r = 0; r < 3; r++) {
        seen.length = 0;
        for (const u of (relations[r] as number[][])[v] as number[]) seen.push(colour[u] as number);
        seen.sort((a, b) => a - b);
        h = mix(h, 0x9e3779b9 + r);
        for (const c of seen) h = mix(h, c);
      }
      next[v] = finalise(h);
    }
    [colour, next] = [next, colour];
  }
  let h = mix(0x811c9dc5, n);
  for (const c of [...colour].sort((a, b) => a - b)) h = mix(h, c);
  return finalise(h);
}
