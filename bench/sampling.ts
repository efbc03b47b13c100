/**
 * Benchmark: ancestral sampling throughput and streaming memory.
 *
 * Run (on the built package): `npm run build && npx tsx bench/sampling.ts`
 *
 * 1. alarm.bif (37 discrete variables, CPTs), 1,000,000 rows: cells/s (rows × variables) and
 *    the ratio to a bulk fill of as many uniform doubles with the same generator. Target ≥ 50
 *    million cells/s.
 * 2. A seeded random linear-Gaussian model, 50 nodes / 100 edges, 1,000,000 rows: cells/s and
 *    the ratio to a bulk fill of as many standard normals. Target ≥ 40 million cells/s.
 * 3. Streaming 10,000,000 alarm rows as CSV to a temporary file (sampleChunks + writeCsv) in a
 *    child process: rows/s and the child's peak resident set size. Target < 300 MB.
 *
 * Each timed figure is the best of three runs after one warm-up run.
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseBif } from "causalkit/io";
import { createRng, fillNoise, sample, sampleChunks, writeCsv } from "causalkit/sampling";
import { createScm, type Scm, type VariableSpec } from "causalkit/scm";

const ROWS = 1_000_000;
const STREAM_ROWS = 10_000_000;
const thisFile = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(thisFile), "..");
const alarmPath = path.resolve(repoRoot, "../shared/data/bif/alarm.bif");

function loadAlarm(): Scm {
  return parseBif(readFileSync(alarmPath, "utf8"));
}

/** Best wall time (ms) of `runs` calls after one warm-up call. */
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

/** A seeded random linear-Gaussian DAG: `nodes` nodes, `edges` distinct forward edges. */
function randomLinearGaussian(nodes: number, edges: number, seed: string): Scm {
  const rng = createRng(seed);
  const parents: number[][] = Array.from({ length: nodes }, () => []);
  const seen = new Set<number>();
  while (seen.size < edges) {
    let a = Math.floor(rng.next() * nodes);
    let b = Math.floor(rng.next() * nodes);
    if (a === b) continue;
    if (a > b) [a, b] = [b, a];
    if (seen.has(a * nodes + b)) continue;
    seen.add(a * nodes + b);
    parents[b]?.push(a);
  }
  const variables: VariableSpec[] = parents.map((ps, j) => ({
    name: `X${j}`,
    domain: { type: "continuous" },
    mechanism: {
      type: "linear",
      parents: ps.map((p) => `X${p}`),
      coefficients: ps.map(() => 2 * rng.next() - 1),
      intercept: rng.next() - 0.5,
    },
  }));
  return createScm({ variables });
}

const mega = (x: number): string => `${(x / 1e6).toFixed(1)} M`;

function benchAlarm(): void {
  const alarm = loadAlarm();
  const cells = ROWS * alarm.variables.length;
  const ms = bestOf(3, () => {
    sample(alarm, ROWS, { seed: 1 });
  });
  const buf = new Float64Array(ROWS);
  const rng = createRng(1);
  const fillMs = bestOf(3, () => {
    for (let v = 0; v < alarm.variables.length; v++) rng.fill(buf);
  });
  console.log(
    `alarm.bif, ${ROWS.toLocaleString("en")} rows × ${alarm.variables.length} variables: ` +
      `${mega((cells / ms) * 1e3)}cells/s (${ms.toFixed(0)} ms); bulk uniform fill ` +
      `${mega((cells / fillMs) * 1e3)}values/s; sampling/fill speed ratio ${(fillMs / ms).toFixed(2)} ` +
      "(target ≥ 50 M cells/s)",
  );
}

function benchLinearGaussian(): void {
  const model = randomLinearGaussian(50, 100, "bench-lg");
  const cells = ROWS * model.variables.length;
  const ms = bestOf(3, () => {
    sample(model, ROWS, { seed: 1 });
  });
  const buf = new Float64Array(ROWS);
  const rng = createRng(1);
  const normal = { type: "normal", mean: 0, sd: 1 } as const;
  const fillMs = bestOf(3, () => {
    for (let v = 0; v < model.variables.length; v++) fillNoise(normal, rng, buf);
  });
  console.log(
    `linear-Gaussian, 50 nodes / 100 edges, ${ROWS.toLocaleString("en")} rows: ` +
      `${mega((cells / ms) * 1e3)}cells/s (${ms.toFixed(0)} ms); bulk normal fill ` +
      `${mega((cells / fillMs) * 1e3)}values/s; sampling/fill speed ratio ${(fillMs / ms).toFixed(2)} ` +
      "(target ≥ 40 M cells/s)",
  );
}

interface StreamResult {
  readonly rows: number;
  readonly seconds: number;
  readonly bytes: number;
  /** Peak RSS of this process image (Linux `VmHWM`), or `maxRssMb` where unavailable. */
  readonly peakRssMb: number;
  /** `process.resourceUsage().maxRSS`, in MB. */
  readonly maxRssMb: number;
}

/**
 * The peak resident set size of the current process image in MB, from `VmHWM` in
 * `/proc/self/status` (Linux). `process.resourceUsage().maxRSS` is not used for this because
 * Linux carries `ru_maxrss` across `execve`: a child spawned (fork + exec) from a parent holding
 * hundreds of MB of samples would report the parent's size.
 */
function peakRssMb(): number | undefined {
  try {
    const m = /VmHWM:\s*(\d+)\s*kB/.exec(readFileSync("/proc/self/status", "utf8"));
    return m?.[1] === undefined ? undefined : Number(m[1]) / 1024;
  } catch {
    return undefined;
  }
}

/** Child-process side: stream alarm rows to `file` as CSV, print a JSON line of figures. */
async function streamChild(file: string, rows: number): Promise<void> {
  const alarm = loadAlarm();
  const t0 = performance.now();
  const out = createWriteStream(file);
  await writeCsv(sampleChunks(alarm, rows, { seed: 1 }), out);
  await new Promise<void>((resolve, reject) => {
    out.on("error", reject);
    out.end(resolve);
  });
  const seconds = (performance.now() - t0) / 1e3;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const result: StreamResult = {
    rows,
    seconds,
    bytes: statSync(file).size,
    peakRssMb: peakRssMb() ?? maxRssMb,
    maxRssMb,
  };
  console.log(JSON.stringify(result));
}

async function benchStreaming(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "causalkit-bench-"));
  const file = path.join(dir, "alarm.csv");
  try {
    const child = spawn(
      process.execPath,
      [...process.execArgv, thisFile, "--stream-child", file, String(STREAM_ROWS)],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (code !== 0) throw new Error(`bench/sampling: streaming child exited with ${code}`);
    const r = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as StreamResult;
    console.log(
      `streaming ${r.rows.toLocaleString("en")} alarm rows to CSV (sampleChunks + writeCsv, ` +
        `${(r.bytes / 1e9).toFixed(2)} GB): ${mega(r.rows / r.seconds)}rows/s ` +
        `(${r.seconds.toFixed(1)} s); child peak RSS ${r.peakRssMb.toFixed(0)} MB (target < 300 MB; ` +
        `ru_maxrss ${r.maxRssMb.toFixed(0)} MB includes the parent's size at fork)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the sampling benchmarks and prints their figures. */
export async function run(): Promise<void> {
  benchAlarm();
  benchLinearGaussian();
  await benchStreaming();
}

const args = process.argv.slice(2);
if (args[0] === "--stream-child") {
  await streamChild(args[1] ?? "", Number(args[2]));
} else if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  await run();
}
