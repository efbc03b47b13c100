// Explicit latent-variable models for the ID tests: every bidirected edge a <-> b of an ADMG
// becomes a binary latent U_ab with U_ab -> a and U_ab -> b; every node gets a random
// strictly positive CPT. The observational joint and the interventional truth are computed by
// brute-force enumeration over observed AND latent variables (truncated factorisation), with no
// use of the library's identification code: this is the independent oracle.

/** A graph in plain form. */
export interface PlainAdmg {
  readonly nodes: readonly string[];
  readonly directed: readonly (readonly [string, string])[];
  readonly bidirected: readonly (readonly [string, string])[];
}

/** Small deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A discrete model with explicit latent confounders. */
export interface LatentModel {
  /** Observed variables in a topological order (the joint tables use this order). */
  readonly variables: readonly string[];
  readonly cards: readonly number[];
  /** Per observed variable: observed parent indices, latent parent indices, CPT. */
  readonly parents: readonly (readonly number[])[];
  readonly latentParents: readonly (readonly number[])[];
  /** cpt[v][config * card + state]; config = observed parents then latent parents, last fastest. */
  readonly cpt: readonly Float64Array[];
  /** P(U_l = 1) of each binary latent. */
  readonly latentP1: readonly number[];
}

function topological(g: PlainAdmg): string[] {
  const indeg = new Map(g.nodes.map((v) => [v, 0]));
  for (const [, b] of g.directed) indeg.set(b, (indeg.get(b) ?? 0) + 1);
  const out: string[] = [];
  const ready = g.nodes.filter((v) => indeg.get(v) === 0);
  while (ready.length > 0) {
    const v = ready.shift() as string;
    out.push(v);
    for (const [a, b] of g.directed) {
      if (a !== v) continue;
      const d = (indeg.get(b) ?? 0) - 1;
      indeg.set(b, d);
      if (d === 0) ready.push(b);
    }
  }
  if (out.length !== g.nodes.length) throw new Error("cyclic test graph");
  return out;
}

/** A random model on `g`; `card(v)` gives each observed variable's number of states. */
export function randomLatentModel(
  g: PlainAdmg,
  rng: () => number,
  card: (v: string) => number = () => 2,
): LatentModel {
  const variables = topological(g);
  const index = new Map(variables.map((v, i) => [v, i]));
  const cards = variables.map(card);
  const parents = variables.map((v) =>
    g.directed.filter(([, b]) => b === v).map(([a]) => index.get(a) as number),
  );
  const latentParents = variables.map((v) =>
    g.bidirected.flatMap(([a, b], l) => (a === v || b === v ? [l] : [])),
  );
  const cpt = variables.map((_, i) => {
    let configs = 1;
    for (const p of parents[i] ?? []) configs *= cards[p] as number;
    configs *= 2 ** (latentParents[i]?.length ?? 0);
    const k = cards[i] as number;
    const table = new Float64Array(configs * k);
    for (let c = 0; c < configs; c++) {
      let sum = 0;
      for (let s = 0; s < k; s++) {
        const w = 0.15 + rng();
        table[c * k + s] = w;
        sum += w;
      }
      for (let s = 0; s < k; s++) table[c * k + s] = (table[c * k + s] as number) / sum;
    }
    return table;
  });
  const latentP1 = g.bidirected.map(() => 0.15 + 0.7 * rng());
  return { variables, cards, parents, latentParents, cpt, latentP1 };
}

/**
 * Σ_u Π_l P(u_l) Π_{v ∉ skip} P(v | pa(v), u) as a table over the observed variables
 * (row-major, last fastest). With `skip` empty this is the observational joint; with
 * skip = X it is the truncated factorisation of do(X) with X left free.
 */
export function latentTable(m: LatentModel, skip: ReadonlySet<string> = new Set()): Float64Array {
  const n = m.variables.length;
  const L = m.latentP1.length;
  let size = 1;
  for (const c of m.cards) size *= c;
  const out = new Float64Array(size);
  const state = new Int32Array(n);
  const u = new Int32Array(L);
  const skipIdx = m.variables.map((v) => skip.has(v));
  for (let lc = 0; lc < 2 ** L; lc++) {
    let wl = 1;
    for (let l = 0; l < L; l++) {
      u[l] = (lc >> l) & 1;
      const p1 = m.latentP1[l] as number;
      wl *= u[l] === 1 ? p1 : 1 - p1;
    }
    // Build the joint of the first v variables (topological, last fastest), one variable at a
    // time: appending v as the fastest dimension multiplies in P(v | pa(v), u).
    let cur = new Float64Array([wl]);
    for (let v = 0; v < n; v++) {
      const k = m.cards[v] as number;
      const next = new Float64Array(cur.length * k);
      state.fill(0);
      for (let i = 0; i < cur.length; i++) {
        let config = 0;
        for (const q of m.parents[v] as number[]) {
          config = config * (m.cards[q] as number) + (state[q] as number);
        }
        for (const l of m.latentParents[v] as number[]) config = config * 2 + (u[l] as number);
        const base = cur[i] as number;
        for (let s = 0; s < k; s++) {
          next[i * k + s] = skipIdx[v]
            ? base
            : base * ((m.cpt[v] as Float64Array)[config * k + s] as number);
        }
        // Odometer over the first v variables.
        for (let j = v - 1; j >= 0; j--) {
          const t = (state[j] as number) + 1;
          if (t < (m.cards[j] as number)) {
            state[j] = t;
            break;
          }
          state[j] = 0;
        }
      }
      cur = next;
    }
    for (let i = 0; i < size; i++) out[i] = (out[i] as number) + (cur[i] as number);
  }
  return out;
}

/**
 * The interventional regime do(X) with X drawn uniformly at random, as a normalised joint over
 * the observed variables: P(y | do(x), z) = P_rand(y | x, z) in it (X is exogenous there).
 */
export function randomizedTable(m: LatentModel, X: readonly string[]): Float64Array {
  const t = latentTable(m, new Set(X));
  let k = 1;
  for (const x of X) k *= m.cards[m.variables.indexOf(x)] as number;
  for (let i = 0; i < t.length; i++) t[i] = (t[i] as number) / k;
  return t;
}

/** Every assignment of states to `vars` (cards looked up in the model). */
export function* assignments(
  m: LatentModel,
  vars: readonly string[],
): Generator<Map<string, number>> {
  const cards = vars.map((v) => m.cards[m.variables.indexOf(v)] as number);
  const state = new Array<number>(vars.length).fill(0);
  for (;;) {
    yield new Map(vars.map((v, i) => [v, state[i] as number]));
    let j = vars.length - 1;
    while (j >= 0) {
      state[j] = (state[j] as number) + 1;
      if ((state[j] as number) < (cards[j] as number)) break;
      state[j] = 0;
      j--;
    }
    if (j < 0) return;
  }
}
