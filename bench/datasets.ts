/**
 * Benchmark: dataset generation (issue 6 §5).
 *
 * Run (on the built package): `npm run build && npx tsx bench/datasets.ts [N]` (default N = 100,000;
 * also part of `npm run bench`). Generates N rung-1–3 questions on random 3–8-node binary
 * models (every model-based kind: marginal, conditional, correlation, explaining away, ATE,
 * ETT, NDE, NIE, deterministic counterfactual, probabilities of causation), single-threaded,
 * each random model reused by 20 consecutive questions, with the default balancing,
 * deduplication and `dropAmbiguous` (which recomputes each label on the rounded model).
 * Prints items per second overall and per kind (target: N = 100,000 in under 30 s), then the
 * same run on worker threads (`generateLines`) for comparison.
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { generate, generateLines } from "causalkit/datasets";

const KINDS = [
  "rung1-marginal",
  "rung1-conditional",
  "rung1-correlation",
  "rung1-explaining-away",
  "rung2-ate",
  "rung3-ett",
  "rung3-nde",
  "rung3-nie",
  "rung3-counterfactual",
  "rung3-causation",
];

const options = (n: number, kinds: readonly string[], dropAmbiguous: boolean) =>
  ({
    suite: "custom",
    n,
    seed: "bench",
    config: { kinds, minNodes: 3, maxNodes: 8, reuse: 20, dropAmbiguous },
  }) as const;

function measure(n: number, kinds: readonly string[], dropAmbiguous: boolean): number {
  const t0 = performance.now();
  let count = 0;
  for (const _ of generate(options(n, kinds, dropAmbiguous))) count++;
  return (count / (performance.now() - t0)) * 1000;
}

async function measureParallel(n: number, workers: number): Promise<number> {
  const t0 = performance.now();
  let count = 0;
  for await (const _ of generateLines({ ...options(n, KINDS, true), workers })) count++;
  return (count / (performance.now() - t0)) * 1000;
}

/** Runs the workload and prints the figures. */
export async function run(n = 100_000): Promise<void> {
  const perKind = Math.max(50, Math.round(n / 200));
  for (const kind of KINDS) {
    console.log(
      `${kind}: ${measure(perKind, [kind], true).toFixed(0)} items/s (${perKind} items; without dropAmbiguous ${measure(perKind, [kind], false).toFixed(0)} items/s)`,
    );
  }
  const t0 = performance.now();
  const rate = measure(n, KINDS, true);
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `all kinds, rungs 1–3 mixed: ${n} items in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} items/s (target: 100,000 in < 30 s)`,
  );
  const workers = Math.min(8, availableParallelism());
  const parallel = await measureParallel(n, workers);
  console.log(
    `the same on ${workers} worker threads (generateLines, identical output): ${parallel.toFixed(0)} items/s = ${(parallel / rate).toFixed(2)}× one thread`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv[2];
  await run(arg === undefined ? undefined : Number(arg));
}
