import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CausalKitError } from "../../src/errors.js";
import { descendants } from "../../src/graph/ancestry.js";
import { FactorTooLargeError, query } from "../../src/inference/index.js";
import { parseBif } from "../../src/io/bif.js";
import type { Scm } from "../../src/scm/scm.js";
import { bruteForce } from "./brute-force.js";

// Interventional queries P(Y | do(X = x)) on the bnlearn repository networks in
// /work/shared/data/bif (see its README for provenance). Checks: a distribution (sums to 1
// within 1e-9); equal to the adjustment for the direct causes of X (Pearl 2009, Theorem 3.2.2,
// eq. 3.13: P(y | do(x)) = Σ_pa P(y | x, pa) P(pa)), computed from OBSERVATIONAL queries only, when
// that identity's positivity holds; P(Y) for a non-descendant Y; and, on the small networks,
// the brute-force joint.

const NETWORKS = [
  "asia",
  "cancer",
  "earthquake",
  "sachs",
  "survey",
  "alarm",
  "child",
  "insurance",
  "hailfinder",
  "win95pts",
  "water",
  "andes",
  "hepar2",
  "pathfinder",
  "pigs",
  "link",
];
const SMALL = new Set(["asia", "cancer", "earthquake", "survey", "sachs"]);

const load = (name: string): Scm =>
  parseBif(readFileSync(new URL(`../../../shared/data/bif/${name}.bif`, import.meta.url), "utf8"));

const states = (m: Scm, v: string): readonly string[] => {
  const d = m.variable(v).domain;
  return d.type === "discrete" ? d.states : [];
};

/** Deterministic (X, Y) pairs: X with children at the start, middle and end of the order. */
function pairs(m: Scm): [string, string][] {
  const g = m.graph;
  const withChildren = m.variableNames.filter((v) => g.children(v).length > 0);
  const picks = [0, Math.floor(withChildren.length / 2), withChildren.length - 1];
  const out: [string, string][] = [];
  for (const i of new Set(picks)) {
    const X = withChildren[i] as string;
    const de = [...descendants(g, X)].filter((d) => d !== X);
    const child = g.children(X)[0] as string;
    const far = de[de.length - 1] as string;
    out.push([X, child]);
    if (far !== child) out.push([X, far]);
  }
  return out;
}

/** Σ_pa P(y | x, pa) P(pa) from observational queries, or undefined if positivity fails. */
function adjustment(m: Scm, X: string, Y: string, x: number): Float64Array | undefined {
  const pa = m.variable(X).parents;
  const cells = pa.reduce((a, p) => a * states(m, p).length, 1) * states(m, Y).length;
  if (cells > 20000) return undefined;
  const pX = query(m, { targets: X }).probabilities[x] as number;
  if (pX === 0) return undefined;
  const k = states(m, Y).length;
  if (pa.length === 0) return query(m, { targets: Y, given: { [X]: x } }).probabilities;
  const joint = query(m, { targets: [...pa, Y], given: { [X]: x } }).probabilities; // P(pa, y | x)
  const pPa = query(m, { targets: [...pa] }).probabilities;
  const out = new Float64Array(k);
  for (let c = 0; c < pPa.length; c++) {
    const w = pPa[c] as number;
    if (w === 0) continue;
    let paGivenX = 0;
    for (let y = 0; y < k; y++) paGivenX += joint[c * k + y] as number;
    if (paGivenX === 0) return undefined; // P(pa) > 0 but P(pa | x) = 0: no positivity
    for (let y = 0; y < k; y++)
      out[y] = (out[y] as number) + ((joint[c * k + y] as number) / paGivenX) * w;
  }
  return out;
}

describe("P(Y | do(X = x)) on the bnlearn networks", () => {
  for (const name of NETWORKS) {
    it(name, () => {
      const m = load(name);
      let identityChecks = 0;
      for (const [X, Y] of pairs(m)) {
        for (const x of [0, states(m, X).length - 1]) {
          const r = query(m, { targets: Y, do: { [X]: x } });
          expect(r.targets).toEqual([Y]);
          expect(r.probabilities.length).toBe(states(m, Y).length);
          let sum = 0;
          for (const p of r.probabilities) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1 + 1e-12);
            sum += p;
          }
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
          const adj = adjustment(m, X, Y, x);
          if (adj) {
            identityChecks++;
            for (let i = 0; i < adj.length; i++) {
              expect(Math.abs((r.probabilities[i] as number) - (adj[i] as number))).toBeLessThan(
                1e-9,
              );
            }
          }
          if (SMALL.has(name) && m.variables.length <= 11) {
            const bf = bruteForce(m, [Y], new Map([[X, x]]), new Map());
            expect(bf).not.toBe("zero");
            for (let i = 0; i < r.probabilities.length; i++) {
              expect(
                Math.abs((r.probabilities[i] as number) - ((bf as Float64Array)[i] as number)),
              ).toBeLessThan(1e-12);
            }
          }
        }
        // a non-descendant of X is unaffected by do(X)
        const nonDescendant = m.variableNames.find((v) => !descendants(m.graph, X).has(v));
        if (nonDescendant !== undefined) {
          const a = query(m, { targets: nonDescendant, do: { [X]: 0 } }).probabilities;
          const b = query(m, { targets: nonDescendant }).probabilities;
          for (let i = 0; i < a.length; i++)
            expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThan(1e-12);
        }
      }
      expect(identityChecks).toBeGreaterThan(0);
    });
  }

  it("a too small maxFactorSize throws FactorTooLargeError (alarm)", () => {
    const m = load("alarm");
    let err: unknown;
    try {
      query(m, { targets: ["BP", "HR", "CO"], do: { INTUBATION: 0 }, maxFactorSize: 100 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FactorTooLargeError);
    expect((err as CausalKitError).code).toBe("E_FACTOR_TOO_LARGE");
    expect((err as FactorTooLargeError).limit).toBe(100);
    const ok = query(m, { targets: ["BP", "HR", "CO"], do: { INTUBATION: 0 } });
    expect(ok.probabilities.length).toBe(27);
  });
});
