/**
 * Benchmark: d-separation queries on a random 5,000-node DAG with average degree 3.5.
 *
 * Run (on the built package): `npm run build && npx tsx bench/graph-dsep.ts`
 *
 * The graph and the queries come from a seeded PRNG (mulberry32), so every run measures the
 * same workload. Each query draws |X| = |Y| = 1 and |Z| in 0..3, pairwise disjoint.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { dSeparated } from "causalkit/graph";
import { mulberry32, randomLargeDag } from "./_shared.js";

const NODES = 5_000;
const AVERAGE_DEGREE = 3.5;
const QUERIES = 1_000;
const WARMUP = 200;
const SEED = 20240601;

/** Disjoint random X, Y (one node each) and Z (0..3 nodes). */
function randomQuery(rand: () => number, names: readonly string[]): [string[], string[], string[]] {
  const picked = new Set<string>();
  const draw = (): string => {
    for (;;) {
      const v = names[Math.floor(rand() * names.length)] as string;
      if (!picked.has(v)) {
        picked.add(v);
        return v;
      }
    }
  };
  const X = [draw()];
  const Y = [draw()];
  const zSize = Math.floor(rand() * 4);
  const Z = Array.from({ length: zSize }, draw);
  return [X, Y, Z];
}

/** Builds the graph, times the queries and prints the figures. */
export async function run(): Promise<void> {
  const rand = mulberry32(SEED);
  const t0 = performance.now();
  const graph = randomLargeDag(rand, NODES, AVERAGE_DEGREE);
  graph.compactIndex();
  const buildMs = performance.now() - t0;
  const names = graph.nodes();
  const queries = Array.from({ length: WARMUP + QUERIES }, () => randomQuery(rand, names));

  for (const [X, Y, Z] of queries.slice(0, WARMUP)) dSeparated(graph, X, Y, Z);

  const times = new Float64Array(QUERIES);
  let separated = 0;
  const start = performance.now();
  for (let i = 0; i < QUERIES; i++) {
    const [X, Y, Z] = queries[WARMUP + i] as [string[], string[], string[]];
    const q0 = performance.now();
    if (dSeparated(graph, X, Y, Z)) separated++;
    times[i] = performance.now() - q0;
  }
  const totalMs = performance.now() - start;
  const sorted = [...times].sort((a, b) => a - b);
  const mean = totalMs / QUERIES;
  const median = sorted[Math.floor(QUERIES / 2)] ?? Number.NaN;
  const p95 = sorted[Math.floor(QUERIES * 0.95)] ?? Number.NaN;
  const max = sorted[QUERIES - 1] ?? Number.NaN;

  console.log(
    `graph: ${graph.order} nodes, ${graph.directedSize} directed edges ` +
      `(average degree ${((2 * graph.directedSize) / graph.order).toFixed(2)}), built in ${buildMs.toFixed(0)} ms`,
  );
  console.log(
    `dSeparated: ${QUERIES} queries (|X| = |Y| = 1, |Z| in 0..3; ${separated} separated), ` +
      `after ${WARMUP} warm-up queries`,
  );
  console.log(
    `  mean ${mean.toFixed(4)} ms, median ${median.toFixed(4)} ms, p95 ${p95.toFixed(4)} ms, ` +
      `max ${max.toFixed(4)} ms, ${Math.round(1000 / mean).toLocaleString("en-US")} queries/s`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
