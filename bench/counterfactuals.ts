/**
 * Benchmark: counterfactuals.
 *
 * Run (on the built package): `npm run build && npx tsx bench/counterfactuals.ts`
 *
 * 1. Exact `P(Y_{X=x'} | X = x, Y = y)` (counterfactualQuery, parallel-worlds model + variable
 *    elimination) on 20 seeded random binary models of 20 variables (each with up to 3 earlier
 *    parents), 10 (X, Y) pairs per model with a directed path X → … → Y. Reported: cold queries
 *    (on a fresh copy of the model, so the model and its parallel-worlds model are compiled)
 *    and warm queries (same intervention, other evidence: the cached parallel-worlds model),
 *    wall-clock median / p95 / max. Target: median < 20 ms.
 * 2. Twin columns: sampleCounterfactual for 1,000,000 rows of a seeded random 50-node /
 *    100-edge linear-Gaussian model, intervening on the node with the most descendants,
 *    against plain `sample` of the same model. Target: ≥ 0.5× the rows per second of plain
 *    sampling. Best of three runs after a warm-up run.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { counterfactualQuery, sampleCounterfactual } from "causalkit/counterfactuals";
import { descendants } from "causalkit/graph";
import { createRng, sample } from "causalkit/sampling";
import { createScm, type Scm } from "causalkit/scm";
import { randomBinaryModel } from "./_shared.js";

const MODELS = 20;
const PAIRS = 10;
const ROWS = 1_000_000;

/** A seeded random linear-Gaussian DAG: `nodes` nodes, `edges` distinct forward edges. */
function randomLinearGaussian(nodes: number, edges: number, seed: string): Scm {
  const rng = createRng(seed);
  const names = Array.from({ length: nodes }, (_, i) => `X${i}`);
  const chosen = new Set<string>();
  const parents: string[][] = names.map(() => []);
  while (chosen.size < edges) {
    const a = Math.floor(rng.next() * nodes);
    const b = Math.floor(rng.next() * nodes);
    if (a === b) continue;
    const [from, to] = a < b ? [a, b] : [b, a];
    const key = `${from}-${to}`;
    if (chosen.has(key)) continue;
    chosen.add(key);
    (parents[to] as string[]).push(names[from] as string);
  }
  return createScm({
    variables: names.map((name, i) => ({
      name,
      domain: { type: "continuous" },
      mechanism: {
        type: "linear",
        parents: parents[i] as string[],
        coefficients: (parents[i] as string[]).map(() => rng.next() * 2 - 1),
        intercept: rng.next(),
      },
    })),
  });
}

function stats(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)] ?? 0,
    p95: s[Math.floor(s.length * 0.95)] ?? 0,
    max: s[s.length - 1] ?? 0,
  };
}

function bestOf(runs: number, f: () => void): number {
  f();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function exactQueries(): void {
  const first: number[] = [];
  const repeated: number[] = [];
  for (let k = 0; k < MODELS; k++) {
    const m = randomBinaryModel(20, 1000 + k);
    const pairs: [string, string][] = [];
    for (const X of m.variableNames) {
      for (const Y of descendants(m.graph, X)) if (Y !== X) pairs.push([X, Y]);
    }
    const picked = Array.from(
      { length: Math.min(PAIRS, pairs.length) },
      (_, i) => pairs[Math.floor((i * pairs.length) / PAIRS)] as [string, string],
    );
    for (const [X, Y] of picked) {
      // A fresh copy of the model: nothing cached (original and parallel-worlds models are
      // both compiled during the first query).
      const fresh = createScm(m.toSpec());
      const q = (x: string, y: string) =>
        counterfactualQuery(fresh, {
          targets: Y,
          do: { [X]: x === "1" ? "0" : "1" },
          given: { [X]: x, [Y]: y },
        });
      let t0 = performance.now();
      q("1", "1");
      first.push(performance.now() - t0);
      for (const [x, y] of [
        ["1", "0"],
        ["1", "1"],
        ["1", "1"],
      ] as const) {
        t0 = performance.now();
        q(x, y);
        repeated.push(performance.now() - t0);
      }
    }
  }
  const a = stats(first);
  const b = stats(repeated);
  console.log(
    `exact P(Y_x' | X = x, Y = y), ${MODELS} random 20-variable binary models × ${PAIRS} pairs:\n` +
      `  cold (fresh model: compiles it, builds and compiles the parallel-worlds model): median ${a.median.toFixed(2)} ms, p95 ${a.p95.toFixed(2)} ms, max ${a.max.toFixed(2)} ms\n` +
      `  warm (same intervention, other evidence or repeated): median ${b.median.toFixed(3)} ms, p95 ${b.p95.toFixed(3)} ms, max ${b.max.toFixed(2)} ms\n` +
      `  (target: median < 20 ms)`,
  );
}

function twinColumns(): void {
  const m = randomLinearGaussian(50, 100, "bench-counterfactuals");
  let X = "X0";
  let most = -1;
  for (const v of m.variableNames) {
    const d = descendants(m.graph, v).size;
    if (d > most) {
      most = d;
      X = v;
    }
  }
  const plain = bestOf(3, () => {
    sample(m, ROWS, { seed: 1 });
  });
  const twin = bestOf(3, () => {
    sampleCounterfactual(m, ROWS, { seed: 1, intervention: { [X]: 0 } });
  });
  console.log(
    `twin columns, 50-node linear-Gaussian model, ${ROWS.toLocaleString("en")} rows, do(${X} = 0) (${most} descendants copied):\n` +
      `  plain sample ${plain.toFixed(0)} ms (${((ROWS / plain) * 1000).toExponential(2)} rows/s), ` +
      `sampleCounterfactual ${twin.toFixed(0)} ms (${((ROWS / twin) * 1000).toExponential(2)} rows/s): ` +
      `${(plain / twin).toFixed(2)}× the speed of plain sampling (target ≥ 0.5×)`,
  );
}

export async function run(): Promise<void> {
  exactQueries();
  twinColumns();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
