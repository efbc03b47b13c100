/**
 * Benchmark: exact interventional queries P(Y | do(X = x)) on four classic Bayesian networks
 * (alarm, child, insurance, hailfinder; bnlearn repository files in /work/shared/data/bif), and
 * a full-joint enumeration baseline on a 12-variable model.
 *
 * Run (on the built package): `npm run build && npx tsx bench/inference.ts`
 *
 * Workload: for each network, ten fixed (X, Y) pairs with a directed path X → … → Y, spread
 * evenly over all such pairs in topological order; x is X's first state. After loading the
 * network (parse + first query, which compiles the model's factor tables once and caches them),
 * every pair is queried once untimed (JIT warm-up; its maximum is printed) and then ROUNDS
 * times; per-query times are wall-clock (`performance.now`) and
 * CPU time of this process (`process.cpuUsage`, which a busy shared machine disturbs less).
 * Targets: median < 2 ms and max < 20 ms per query.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { descendants } from "causalkit/graph";
import { query } from "causalkit/inference";
import { parseBif } from "causalkit/io";
import type { Scm } from "causalkit/scm";
import { randomBinaryModel } from "./_shared.js";

const NETWORKS = ["alarm", "child", "insurance", "hailfinder"];
const PAIRS = 10;
const ROUNDS = 20;
const BIF_DIR = new URL("../../shared/data/bif/", import.meta.url);

function pairsOf(m: Scm): [string, string][] {
  const all: [string, string][] = [];
  for (const X of m.variableNames) {
    for (const Y of descendants(m.graph, X)) if (Y !== X) all.push([X, Y]);
  }
  return Array.from(
    { length: PAIRS },
    (_, i) => all[Math.floor((i * all.length) / PAIRS)] as [string, string],
  );
}

function stats(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)] ?? 0,
    p95: s[Math.floor(s.length * 0.95)] ?? 0,
    max: s[s.length - 1] ?? 0,
  };
}

/** P(Y = 1 | do(X = x)) by summing the truncated factorisation over all 2^n joint states. */
function fullJoint(m: Scm, X: string, x: number, Y: string): number {
  const vars = m.variables;
  const n = vars.length;
  const index = new Map(vars.map((v, i) => [v.name, i]));
  const xi = index.get(X) as number;
  const yi = index.get(Y) as number;
  const parentIdx = vars.map((v) => v.parents.map((p) => index.get(p) as number));
  const tables = vars.map((v) => (v.mechanism.type === "cpt" ? v.mechanism.table : []));
  let num = 0;
  let den = 0;
  for (let code = 0; code < 2 ** n; code++) {
    if (((code >> xi) & 1) !== x) continue;
    let w = 1;
    for (let i = 0; i < n && w > 0; i++) {
      if (i === xi) continue;
      let row = 0;
      for (const p of parentIdx[i] as number[]) row = row * 2 + ((code >> p) & 1);
      w *= ((tables[i] as number[][])[row] as number[])[(code >> i) & 1] as number;
    }
    den += w;
    if (((code >> yi) & 1) === 1) num += w;
  }
  return num / den;
}

export async function run(): Promise<void> {
  console.log(`exact P(Y | do(X = x)): ${PAIRS} pairs per network, ${ROUNDS} rounds each`);
  const allWall: number[] = [];
  const allCpu: number[] = [];
  for (const name of NETWORKS) {
    const t0 = performance.now();
    const m = parseBif(readFileSync(new URL(`${name}.bif`, BIF_DIR), "utf8"));
    const t1 = performance.now();
    const pairs = pairsOf(m);
    query(m, {
      targets: (pairs[0] as [string, string])[1],
      do: [[(pairs[0] as [string, string])[0], 0]],
    });
    const t2 = performance.now();
    // one untimed round: the first call of each query shape also pays for JIT compilation
    let coldMax = 0;
    for (const [X, Y] of pairs) {
      const s = performance.now();
      query(m, { targets: Y, do: [[X, 0]] });
      coldMax = Math.max(coldMax, performance.now() - s);
    }
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const [X, Y] of pairs) {
        const c0 = process.cpuUsage();
        const s = performance.now();
        query(m, { targets: Y, do: [[X, 0]] });
        const e = performance.now();
        const c1 = process.cpuUsage(c0);
        wall.push(e - s);
        cpu.push((c1.user + c1.system) / 1000);
      }
    }
    allWall.push(...wall);
    allCpu.push(...cpu);
    const w = stats(wall);
    const c = stats(cpu);
    console.log(
      `${name.padEnd(10)} ${String(m.variables.length).padStart(3)} vars: parse ${(t1 - t0).toFixed(1)} ms, ` +
        `first query (compiles) ${(t2 - t1).toFixed(2)} ms; per query wall median ${w.median.toFixed(3)} ms, ` +
        `p95 ${w.p95.toFixed(3)}, max ${w.max.toFixed(2)} ms; cpu median ${c.median.toFixed(3)} ms, max ${c.max.toFixed(2)} ms; ` +
        `warm-up round max ${coldMax.toFixed(2)} ms`,
    );
    console.log(`  pairs: ${pairs.map(([X, Y]) => `${X}->${Y}`).join(", ")}`);
  }
  const w = stats(allWall);
  const c = stats(allCpu);
  console.log(
    `all ${allWall.length} queries: wall median ${w.median.toFixed(3)} ms, max ${w.max.toFixed(2)} ms; ` +
      `cpu median ${c.median.toFixed(3)} ms, max ${c.max.toFixed(2)} ms (targets: median < 2 ms, max < 20 ms)`,
  );

  // Baseline: full-joint enumeration on a 12-variable binary model.
  const m = randomBinaryModel(12, 7);
  const X = "V0";
  const Y = [...descendants(m.graph, X)].at(-1) as string;
  const reps = 50;
  let a = 0;
  let b = 0;
  query(m, { targets: Y, do: { [X]: 1 } });
  fullJoint(m, X, 1, Y);
  const s0 = performance.now();
  for (let i = 0; i < reps; i++)
    a = query(m, { targets: Y, do: { [X]: 1 } }).probabilities[1] as number;
  const s1 = performance.now();
  for (let i = 0; i < reps; i++) b = fullJoint(m, X, 1, Y);
  const s2 = performance.now();
  const ve = (s1 - s0) / reps;
  const fj = (s2 - s1) / reps;
  console.log(
    `12-variable binary model, P(${Y} = 1 | do(${X} = 1)): variable elimination ${ve.toFixed(3)} ms, ` +
      `full-joint enumeration ${fj.toFixed(3)} ms (ratio ${(fj / ve).toFixed(1)}x; |difference| ${Math.abs(a - b).toExponential(1)})`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
