/**
 * Benchmark: adjustment sets on seeded random DAGs.
 *
 * Run (on the built package): `npm run build && npx tsx bench/identification.ts` (or `npm run bench`).
 *
 * Workloads (graphs and queries come from a seeded PRNG, mulberry32, so every run measures the
 * same work):
 * - 5,000-node DAGs with average degree 3.5, "uniform" (both endpoints of an edge uniformly
 *   random) and "local" (each edge joins a node to one of the 20 nodes before it, so ancestral
 *   sets are large); node insertion order shuffled. Per query (X a single node from the later
 *   part of the causal order, Y a random descendant of X): checking a set (`isAdjustmentSet`,
 *   `isBackdoorAdjustmentSet`), finding one minimal set (`findMinimalAdjustmentSet`), the
 *   minimum set (`findMinimumAdjustmentSet`) and the O-set (`optimalAdjustmentSet`).
 * - the same on 20,000-node DAGs for `findMinimalAdjustmentSet`;
 * - listing all minimal adjustment sets (`listMinimalAdjustmentSets`) on 200-node uniform DAGs,
 *   in sets per second over several queries, setup included.
 *
 * - ID (`identifyEffect`) and `identify` on random ADMGs with 50 observed nodes.
 *
 * Targets (issue "Identification suite", §8): at 5,000 nodes checking a set < 5 ms and finding a
 * minimal set < 20 ms; listing ≥ 20,000 sets/s on a 200-node random DAG; ID on 50-node ADMGs
 * median < 50 ms.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { CausalGraph } from "causalkit/graph";
import {
  findMinimalAdjustmentSet,
  findMinimumAdjustmentSet,
  identify,
  identifyEffect,
  isAdjustmentSet,
  isBackdoorAdjustmentSet,
  listMinimalAdjustmentSets,
  optimalAdjustmentSet,
} from "causalkit/identification";
import { mulberry32, randomLargeDag } from "./_shared.js";

const SEED = 20240611;
const AVERAGE_DEGREE = 3.5;
const QUERIES = 40;
const WARMUP = 10;

/**
 * X from the later part of the causal order (so that it has many ancestors) and Y a descendant
 * of X reached by a random walk along children (so that X has an effect on Y and the O-set is
 * defined).
 */
function randomPair(rand: () => number, graph: CausalGraph, n: number): [string, string] {
  for (;;) {
    const x = `v${Math.floor(n * (0.5 + 0.4 * rand()))}`;
    let y = x;
    const steps = 1 + Math.floor(rand() * 6);
    for (let i = 0; i < steps; i++) {
      const children = graph.children(y);
      if (children.length === 0) break;
      y = children[Math.floor(rand() * children.length)] as string;
    }
    if (y !== x) return [x, y];
  }
}

interface Timing {
  median: number;
  mean: number;
  max: number;
}

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return { median, mean, max: sorted[sorted.length - 1] ?? 0 };
}

function fmt(t: Timing): string {
  return `median ${t.median.toFixed(2)} ms, mean ${t.mean.toFixed(2)} ms, max ${t.max.toFixed(2)} ms`;
}

/** Times `f` on each query after a warm-up; returns the per-call times in ms. */
function timeEach<T>(queries: readonly T[], f: (q: T) => unknown): number[] {
  for (let i = 0; i < Math.min(WARMUP, queries.length); i++) f(queries[i] as T);
  const out: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    f(q);
    out.push(performance.now() - t0);
  }
  return out;
}

function benchLarge(n: number, local: boolean, all: boolean): void {
  const rand = mulberry32(SEED + n + (local ? 1 : 0));
  const t0 = performance.now();
  const graph = randomLargeDag(rand, n, AVERAGE_DEGREE, local);
  graph.compactIndex();
  const buildMs = performance.now() - t0;
  const queries = Array.from({ length: QUERIES }, () => randomPair(rand, graph, n));
  const kind = local ? "local" : "uniform";
  console.log(
    `${n} nodes, ${graph.directedSize} edges (${kind}); graph built in ${buildMs.toFixed(0)} ms`,
  );
  const found = queries.map(([x, y]) => findMinimalAdjustmentSet(graph, x, y));
  const sizes = found.filter((s): s is string[] => s !== null).map((s) => s.length);
  const find = timing(timeEach(queries, ([x, y]) => findMinimalAdjustmentSet(graph, x, y)));
  console.log(
    `  findMinimalAdjustmentSet: ${fmt(find)} (${sizes.length}/${queries.length} have a set; mean size ${(
      sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)
    ).toFixed(1)})`,
  );
  if (!all) return;
  const checks = queries.map((q, i) => [q[0], q[1], found[i] ?? []] as const);
  const check = timing(timeEach(checks, ([x, y, z]) => isAdjustmentSet(graph, x, y, z)));
  console.log(`  isAdjustmentSet (a minimal set, or ∅): ${fmt(check)}`);
  const bd = timing(timeEach(checks, ([x, y, z]) => isBackdoorAdjustmentSet(graph, x, y, z)));
  console.log(`  isBackdoorAdjustmentSet: ${fmt(bd)}`);
  const minimum = timing(timeEach(queries, ([x, y]) => findMinimumAdjustmentSet(graph, x, y)));
  console.log(`  findMinimumAdjustmentSet: ${fmt(minimum)}`);
  const optimal = timing(timeEach(queries, ([x, y]) => optimalAdjustmentSet(graph, x, y)));
  console.log(`  optimalAdjustmentSet: ${fmt(optimal)}`);
}

function benchListing(): void {
  const rand = mulberry32(SEED + 200);
  let sets = 0;
  let ms = 0;
  let queries = 0;
  let largest = 0;
  for (let g = 0; g < 10; g++) {
    const graph = randomLargeDag(rand, 200, AVERAGE_DEGREE);
    for (let q = 0; q < 5; q++) {
      const [x, y] = randomPair(rand, graph, 200);
      const t0 = performance.now();
      let count = 0;
      for (const _ of listMinimalAdjustmentSets(graph, x, y, { max: 200_000 })) count++;
      ms += performance.now() - t0;
      sets += count;
      queries++;
      if (count > largest) largest = count;
    }
  }
  console.log(
    `listMinimalAdjustmentSets, 200-node uniform DAGs: ${sets} sets in ${ms.toFixed(0)} ms over ${queries} queries = ${Math.round(
      (sets / ms) * 1000,
    )} sets/s (largest listing ${largest} sets)`,
  );
}

/** ID (and identify) on random ADMGs with 50 observed nodes: target median < 50 ms. */
function benchId(): void {
  const rand = mulberry32(50);
  const idTimes: number[] = [];
  const identifyTimes: number[] = [];
  let identified = 0;
  for (let g = 0; g < 20; g++) {
    const dag = randomLargeDag(rand, 50, AVERAGE_DEGREE);
    const nodes = dag.nodes();
    const bidirected: [string, string][] = [];
    for (let k = 0; k < 25; k++) {
      const a = nodes[Math.floor(rand() * 50)] as string;
      const b = nodes[Math.floor(rand() * 50)] as string;
      if (a !== b) bidirected.push([a, b]);
    }
    const graph = CausalGraph.from({ nodes, directed: dag.directedEdges(), bidirected });
    for (let q = 0; q < 5; q++) {
      const [x, y] = randomPair(rand, graph, 50);
      let t0 = performance.now();
      const r = identifyEffect(graph, { treatment: x, outcome: y });
      idTimes.push(performance.now() - t0);
      if (r.kind !== "not-identifiable") identified++;
      t0 = performance.now();
      identify(graph, { treatment: x, outcome: y });
      identifyTimes.push(performance.now() - t0);
    }
  }
  console.log(
    `ID, random ADMGs (50 nodes, ~25 bidirected edges), ${idTimes.length} queries (${identified} identifiable): ${fmt(timing(idTimes))}`,
  );
  console.log(
    `identify() (adjustment, front-door, ID, instruments): ${fmt(timing(identifyTimes))}`,
  );
}

/** Runs every workload and prints the figures. */
export async function run(): Promise<void> {
  for (const local of [false, true]) benchLarge(5_000, local, true);
  for (const local of [false, true]) benchLarge(20_000, local, false);
  benchListing();
  benchId();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
