// Properties of the instrumental-variable functions on random DAGs / ADMGs (≤ 8 nodes, fixed
// seeds), checked against oracles independent of the production code:
// - isInstrument equals the definition evaluated with the brute-force helpers (fixed-point
//   ancestors / descendants, separation in the explicitly moralised ancestral graph) for every
//   candidate instrument and every conditioning set;
// - instruments() lists exactly the pairs (Z, W) where W is an inclusion-minimal Z–Y separator
//   in the proper back-door graph among the allowed nodes (found by trying every subset) and Z
//   stays d-connected to X given W;
// - numerically: in random linear structural models (one latent variable per bidirected edge,
//   latent-role nodes as hidden variables), the Wald ratio Cov(Y,Z|W)/Cov(X,Z|W) computed from
//   the exact model covariance equals the total effect of X on Y (the sum over directed paths of
//   the products of the edge coefficients) for every listed pair and for every (Z, W) that
//   isInstrument accepts, to 1e-9 relative error.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instruments, isInstrument, waldRatio } from "../../src/identification/iv.js";
import { queryArb, type RandomQuery, toCausalGraph } from "./_arbitraries.js";
import {
  type BruteGraph,
  bruteAncestors,
  bruteDescendants,
  bruteSeparated,
  subsets,
} from "./_brute.js";
import { mulberry32 } from "./_id-latent-model.js";

interface Setting {
  readonly pbd: BruteGraph;
  readonly forbidden: Set<string>;
}

function bruteSetting(g: BruteGraph, x: string, y: string): Setting {
  const anY = bruteAncestors(g, [y]);
  const mediators = [...bruteDescendants(g, [x])].filter((v) => v !== x && anY.has(v));
  const forbidden = bruteDescendants(g, [...mediators, y]);
  const pbd = {
    ...g,
    directed: g.directed.filter(([a, b]) => !(a === x && mediators.includes(b))),
  };
  return { pbd, forbidden };
}

function bruteValid(
  g: BruteGraph,
  s: Setting,
  z: string,
  x: string,
  y: string,
  W: string[],
): boolean {
  if (W.some((v) => s.forbidden.has(v))) return false;
  if (!bruteSeparated(s.pbd, [z], [y], W)) return false;
  return !bruteSeparated(g, [z], [x], W);
}

/** The expected output of instruments(): minimal separators that keep Z relevant. */
function bruteInstruments(
  g: BruteGraph,
  x: string,
  y: string,
): { instrument: string; given: string[] }[] {
  const s = bruteSetting(g, x, y);
  const observed = g.nodes.filter((v) => !g.latent.includes(v));
  const pos = new Map(g.nodes.map((v, i) => [v, i]));
  const out: { instrument: string; given: string[] }[] = [];
  for (const z of observed) {
    if (z === x || z === y) continue;
    const allowed = observed.filter((v) => v !== x && v !== y && v !== z && !s.forbidden.has(v));
    const separators = subsets(allowed).filter((W) => bruteSeparated(s.pbd, [z], [y], W));
    const minimal = separators.filter(
      (W) => !separators.some((V) => V.length < W.length && V.every((v) => W.includes(v))),
    );
    const kept = minimal
      .filter((W) => !bruteSeparated(g, [z], [x], W))
      .map((W) => [...W].sort((a, b) => (pos.get(a) ?? 0) - (pos.get(b) ?? 0)))
      .sort((a, b) => {
        if (a.length !== b.length) return a.length - b.length;
        for (let i = 0; i < a.length; i++) {
          const d = (pos.get(a[i] as string) ?? 0) - (pos.get(b[i] as string) ?? 0);
          if (d !== 0) return d;
        }
        return 0;
      });
    for (const W of kept) out.push({ instrument: z, given: W });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random graphs shaped like IV problems.

const NAMES = ["A", "X_1", "my var", "__proto__", "constructor", "b c", "Y", "é", "t-1", "0"];

interface IvCase {
  readonly graph: BruteGraph;
  readonly x: string;
  readonly y: string;
}

const pct = (): fc.Arbitrary<number> => fc.noBias(fc.integer({ min: 0, max: 99 }));

/**
 * Nodes in topological order, Y last and X just before it (or, with a mediator M, X -> M -> Y
 * with X before M); X -> Y with probability 0.7 and X <-> Y with 0.7; edges from the other
 * nodes into X, Y and among themselves at a random density; a few other bidirected edges; about
 * 12% of the other nodes latent. "Planted": the first three nodes A, B, Z get exactly the edges
 * A -> B, A -> Z, B -> Y and Z -> X among and out of them (other nodes may still point into
 * them), so that Z is often an instrument given {A} and given {B}.
 */
function ivArb(maxNodes: number): fc.Arbitrary<IvCase> {
  return fc.noBias(fc.integer({ min: 4, max: maxNodes })).chain((n) => {
    const pairs = (n * (n - 1)) / 2;
    return fc
      .record({
        names: fc.shuffledSubarray(NAMES, { minLength: n, maxLength: n }),
        mediator: fc.boolean(),
        planted: fc.boolean(),
        direct: pct(),
        confounded: pct(),
        directed: fc.array(pct(), { minLength: pairs, maxLength: pairs }),
        bidi: fc.array(pct(), { minLength: pairs, maxLength: pairs }),
        density: fc.noBias(fc.integer({ min: 15, max: 45 })),
        latent: fc.array(pct(), { minLength: n, maxLength: n }),
      })
      .map((r): IvCase => {
        const names = r.names;
        const yi = n - 1;
        const xi = r.mediator ? n - 3 : n - 2;
        const mi = n - 2;
        const plant = r.planted && n >= 6;
        const directed: [string, string][] = [];
        const bidirected: [string, string][] = [];
        let k = 0;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++, k++) {
            let p = r.density;
            if (i === xi && j === yi) p = r.direct < 70 ? 100 : 0;
            else if (r.mediator && ((i === xi && j === mi) || (i === mi && j === yi))) p = 100;
            else if (i === xi)
              p = 30; // other children of X (non-mediators)
            else if (plant && i <= 2) {
              const edge = (i === 0 && j <= 2) || (i === 1 && j === yi) || (i === 2 && j === xi);
              p = edge ? 100 : 0;
            }
            if ((r.directed[k] as number) < p) {
              directed.push([names[i] as string, names[j] as string]);
            }
            let q = i === xi && j === yi ? (r.confounded < 70 ? 100 : 0) : 8;
            if (plant && i <= 2) q = 0;
            if ((r.bidi[k] as number) < q)
              bidirected.push([names[i] as string, names[j] as string]);
          }
        }
        const x = names[xi] as string;
        const y = names[yi] as string;
        const latent = names.filter(
          (v, i) => v !== x && v !== y && !(plant && i <= 2) && (r.latent[i] as number) < 12,
        );
        return { graph: { nodes: names, directed, bidirected, latent }, x, y };
      });
  });
}

/** A uniformly random query, reduced to one treatment and one outcome. */
function fromQuery(q: RandomQuery): IvCase {
  return { graph: q.graph, x: q.X[0] as string, y: q.Y[0] as string };
}

// ---------------------------------------------------------------------------------------------
// Exact covariance of a random linear structural model on a graph.

interface LinearModel {
  /** Covariance of two observed or latent-role nodes. */
  readonly cov: (a: string, b: string) => number;
  /** Total effect of a on b: the sum over directed paths of the products of coefficients. */
  readonly total: (a: string, b: string) => number;
}

function topological(g: BruteGraph): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  while (out.length < g.nodes.length) {
    for (const v of g.nodes) {
      if (done.has(v)) continue;
      if (g.directed.every(([a, b]) => b !== v || done.has(a))) {
        done.add(v);
        out.push(v);
      }
    }
  }
  return out;
}

/**
 * v = Σ_p β_vp p + Σ_{bidirected l at v} λ_lv U_l + ε_v with U_l, ε_v independent, Var(U_l) = 1,
 * Var(ε_v) ∈ [0.5, 1.5], |β|, |λ| ∈ [0.5, 1.5] with random signs. Each variable is written as a
 * linear combination of the independent sources (one ε per node, one U per bidirected edge).
 */
function randomLinearModel(g: BruteGraph, seed: number): LinearModel {
  const rng = mulberry32(seed);
  const coef = (): number => (rng() < 0.5 ? -1 : 1) * (0.5 + rng());
  const order = topological(g);
  const sources = g.nodes.length + g.bidirected.length;
  const sd = Array.from({ length: sources }, (_, k) =>
    k < g.nodes.length ? Math.sqrt(0.5 + rng()) : 1,
  );
  const beta = new Map(g.directed.map(([a, b]) => [`${a}\u0000${b}`, coef()]));
  const lambda = g.bidirected.map(() => [coef(), coef()] as const);
  const loading = new Map<string, Float64Array>();
  for (const v of order) {
    const row = new Float64Array(sources);
    row[g.nodes.indexOf(v)] = sd[g.nodes.indexOf(v)] as number;
    for (const [a, b] of g.directed) {
      if (b !== v) continue;
      const w = beta.get(`${a}\u0000${b}`) as number;
      const pa = loading.get(a) as Float64Array;
      for (let k = 0; k < sources; k++) row[k] = (row[k] as number) + w * (pa[k] as number);
    }
    g.bidirected.forEach(([a, b], l) => {
      const k = g.nodes.length + l;
      const [la, lb] = lambda[l] as readonly [number, number];
      if (a === v) row[k] = (row[k] as number) + la;
      if (b === v) row[k] = (row[k] as number) + lb;
    });
    loading.set(v, row);
  }
  const cov = (a: string, b: string): number => {
    const ra = loading.get(a) as Float64Array;
    const rb = loading.get(b) as Float64Array;
    let s = 0;
    for (let k = 0; k < sources; k++) s += (ra[k] as number) * (rb[k] as number);
    return s;
  };
  const total = (a: string, b: string): number => {
    // Path sums in topological order: t(v) = Σ_p β_vp t(p), t(a) = 1.
    const t = new Map<string, number>();
    for (const v of order) {
      if (v === a) {
        t.set(v, 1);
        continue;
      }
      let s = 0;
      for (const [p, c] of g.directed) {
        if (c === v) s += (beta.get(`${p}\u0000${c}`) as number) * (t.get(p) ?? 0);
      }
      t.set(v, s);
    }
    return t.get(b) ?? 0;
  };
  return { cov, total };
}

// ---------------------------------------------------------------------------------------------

describe("isInstrument and instruments against brute force", () => {
  it("isInstrument equals the definition for every candidate and conditioning set", () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fc.oneof(ivArb(7), queryArb(7, true, false).map(fromQuery)), (q) => {
        const graph = toCausalGraph(q.graph);
        const { x, y } = q;
        const s = bruteSetting(q.graph, x, y);
        const observed = q.graph.nodes.filter((v) => !q.graph.latent.includes(v));
        for (const z of observed) {
          if (z === x || z === y) continue;
          const rest = observed.filter((v) => v !== x && v !== y && v !== z);
          for (const W of subsets(rest)) {
            const want = bruteValid(q.graph, s, z, x, y, W);
            expect(isInstrument(graph, z, x, y, W)).toBe(want);
            if (want) valid++;
            else invalid++;
          }
        }
      }),
      { seed: 42, numRuns: 150 },
    );
    expect(valid).toBeGreaterThan(300);
    expect(invalid).toBeGreaterThan(200);
  });

  it("instruments() lists exactly the minimal separators that keep Z relevant", () => {
    let pairs = 0;
    let conditional = 0;
    let several = 0;
    fc.assert(
      fc.property(fc.oneof(ivArb(8), queryArb(8, true, false).map(fromQuery)), (q) => {
        const graph = toCausalGraph(q.graph);
        const { x, y } = q;
        const want = bruteInstruments(q.graph, x, y);
        const got = instruments(graph, x, y);
        expect(got).toEqual(want);
        pairs += got.length;
        conditional += got.filter((p) => p.given.length > 0).length;
        const perInstrument = new Map<string, number>();
        for (const p of got) {
          perInstrument.set(p.instrument, (perInstrument.get(p.instrument) ?? 0) + 1);
        }
        if ([...perInstrument.values()].some((k) => k > 1)) several++;
        // Every listed pair passes isInstrument, and no proper subset of its W does.
        for (const p of got) {
          expect(isInstrument(graph, p.instrument, x, y, p.given)).toBe(true);
          for (const V of subsets(p.given)) {
            if (V.length < p.given.length) {
              expect(isInstrument(graph, p.instrument, x, y, V)).toBe(false);
            }
          }
        }
        // max caps the number of pairs and keeps the order.
        expect(instruments(graph, x, y, { max: 1 })).toEqual(want.slice(0, 1));
      }),
      { seed: 4242, numRuns: 200 },
    );
    expect(pairs).toBeGreaterThan(150);
    expect(conditional).toBeGreaterThan(100);
    expect(several).toBeGreaterThan(25);
  });
});

describe("ancestral instruments", () => {
  it("a node is listed iff some ancestral conditioning set makes it an instrument", () => {
    // van der Zander, Textor & Liśkiewicz (2015): if Z is an instrument given some
    // W ⊆ An(Y ∪ Z) (in the proper back-door graph), the nearest minimal separator works too.
    let ancestral = 0;
    fc.assert(
      fc.property(fc.oneof(ivArb(7), queryArb(7, true, false).map(fromQuery)), (q) => {
        const graph = toCausalGraph(q.graph);
        const { x, y } = q;
        const s = bruteSetting(q.graph, x, y);
        const listed = new Set(instruments(graph, x, y).map((p) => p.instrument));
        const observed = q.graph.nodes.filter((v) => !q.graph.latent.includes(v));
        for (const z of observed) {
          if (z === x || z === y) continue;
          const an = bruteAncestors(s.pbd, [y, z]);
          const pool = observed.filter((v) => v !== x && v !== y && v !== z && an.has(v));
          const has = subsets(pool).some((W) => bruteValid(q.graph, s, z, x, y, W));
          expect(listed.has(z)).toBe(has);
          if (has) ancestral++;
        }
      }),
      { seed: 1234, numRuns: 200 },
    );
    expect(ancestral).toBeGreaterThan(100);
  });
});

describe("the Wald ratio recovers the total effect in linear models", () => {
  it("for every listed pair and every accepted (Z, W)", () => {
    let checked = 0;
    let mediated = 0;
    fc.assert(
      fc.property(
        fc.oneof(ivArb(7), queryArb(7, true, false).map(fromQuery)),
        fc.noBias(fc.integer({ min: 1, max: 2 ** 30 })),
        (q, seed) => {
          const graph = toCausalGraph(q.graph);
          const { x, y } = q;
          const model = randomLinearModel(q.graph, seed);
          const tau = model.total(x, y);
          const observed = q.graph.nodes.filter((v) => !q.graph.latent.includes(v));
          const cases: [string, string[]][] = instruments(graph, x, y).map((p) => [
            p.instrument,
            p.given,
          ]);
          for (const z of observed) {
            if (z === x || z === y) continue;
            const rest = observed.filter((v) => v !== x && v !== y && v !== z);
            for (const W of subsets(rest)) {
              if (isInstrument(graph, z, x, y, W)) cases.push([z, W]);
            }
          }
          for (const [z, W] of cases) {
            const ratio = waldRatio(model.cov, z, x, y, W);
            expect(Math.abs(ratio - tau)).toBeLessThan(1e-9 * Math.max(1, Math.abs(tau)));
            checked++;
            if (bruteSetting(q.graph, x, y).forbidden.size > bruteDescendants(q.graph, [y]).size) {
              mediated++; // X acts on Y through a mediator
            }
          }
        },
      ),
      { seed: 777, numRuns: 200 },
    );
    expect(checked).toBeGreaterThan(600);
    expect(mediated).toBeGreaterThan(100);
  });
});

describe("the criterion's details matter numerically (named graphs)", () => {
  const check = (
    g: BruteGraph,
    z: string,
    W: string[],
    accepted: boolean,
  ): { asExpected: boolean; error: number } => {
    const model = randomLinearModel(g, 12345);
    const tau = model.total("X", "Y");
    const error = Math.abs(waldRatio(model.cov, z, "X", "Y", W) - tau);
    return { asExpected: isInstrument(toCausalGraph(g), z, "X", "Y", W) === accepted, error };
  };

  it("separation is tested in the proper back-door graph, not in G without all edges out of X", () => {
    // Z -> X -> Y, X <-> Y, X -> C <-> Y. In G without every edge out of X, {C} would separate Z
    // from Y; in the proper back-door graph Z -> X -> C <-> Y is open given C.
    const g: BruteGraph = {
      nodes: ["Z", "X", "C", "Y"],
      directed: [
        ["Z", "X"],
        ["X", "Y"],
        ["X", "C"],
      ],
      bidirected: [
        ["X", "Y"],
        ["C", "Y"],
      ],
      latent: [],
    };
    const withC = check(g, "Z", ["C"], false);
    expect(withC.asExpected).toBe(true);
    expect(withC.error).toBeGreaterThan(1e-3);
    const plain = check(g, "Z", [], true);
    expect(plain.asExpected).toBe(true);
    expect(plain.error).toBeLessThan(1e-9);
  });

  it("descendants of mediators are forbidden, not only descendants of Y", () => {
    // Z -> X -> M -> Y, X <-> Y, M -> D: {D} passes the separation and relevance conditions but
    // conditioning on it biases the ratio.
    const g: BruteGraph = {
      nodes: ["Z", "X", "M", "D", "Y"],
      directed: [
        ["Z", "X"],
        ["X", "M"],
        ["M", "Y"],
        ["M", "D"],
      ],
      bidirected: [["X", "Y"]],
      latent: [],
    };
    const s = bruteSetting(g, "X", "Y");
    expect(bruteSeparated(s.pbd, ["Z"], ["Y"], ["D"])).toBe(true);
    expect(bruteSeparated(g, ["Z"], ["X"], ["D"])).toBe(false);
    const withD = check(g, "Z", ["D"], false);
    expect(withD.asExpected).toBe(true);
    expect(withD.error).toBeGreaterThan(1e-3);
    const plain = check(g, "Z", [], true);
    expect(plain.asExpected).toBe(true);
    expect(plain.error).toBeLessThan(1e-9);
  });
});
