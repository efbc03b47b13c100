import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { CausalKitError, InvalidArgumentError } from "../errors.js";
import {
  chooseItem,
  type GenerateOptions,
  openRun,
  type Settings,
  type TraceStep,
} from "./generate.js";
import type { DatasetItem } from "./item.js";

/**
 * Options of {@link generateParallel}: those of {@link generate} plus the number of worker
 * threads.
 *
 * @since 0.1.0
 */
export interface ParallelGenerateOptions extends GenerateOptions {
  /**
   * Worker threads (an integer in [0, 64]); 0 or 1 generate in the calling thread.
   *
   * @defaultValue `os.availableParallelism()`, at most 8
   */
  readonly workers?: number;
}

/** What a worker is started with. */
export interface WorkerInput {
  readonly options: GenerateOptions;
}

/** A chunk of item indices [from, to) for a worker. */
export interface ChunkRequest {
  readonly id: number;
  readonly from: number;
  readonly to: number;
}

/** One step of an item's candidate loop as sent by a worker (a valid item as its JSON line). */
export type WireStep = TraceStep<{
  /** The item's JSON (absent when the worker knows a replay cannot choose it). */
  readonly line?: string;
}>;

/** The trace of one item (no target and no steps: the worker found no valid candidate). */
export interface WireItem {
  readonly index: number;
  readonly target: "yes" | "no" | undefined;
  readonly steps: readonly WireStep[];
}

/** A worker's answer to a {@link ChunkRequest}. */
export type ChunkResult =
  | { readonly id: number; readonly items: readonly WireItem[]; readonly error?: undefined }
  | { readonly id: number; readonly error: string };

const where = "datasets.generateParallel";

// Items per chunk (rounded up to whole groups of `reuse` items, see chunkRanges).
const CHUNK_ITEMS = 64;

/**
 * {@link generate} on worker threads: the same items, in the same order, for the same seed and
 * configuration, whatever the number of workers.
 *
 * The run is cut into chunks of whole model groups (`reuse` consecutive items share their
 * random models), which the workers generate independently, each checking duplicates against
 * its own chunk only. Each item comes back with the trace of its candidate loop (every
 * candidate tried, its deduplication key and label), and the calling thread replays the traces
 * in item order against every key chosen so far: since duplicate keys of model-based items
 * contain their model group, a trace replays to the worker's choice unless a graph-only
 * question repeats one of an earlier chunk; then (or when a trace does not reach a decision)
 * the calling thread generates that item itself, exactly as {@link generate} does. At most two
 * chunks per worker are in flight, so memory stays bounded.
 *
 * It pays for large runs: starting a worker costs tens of milliseconds, and the calling thread
 * still parses every item. Workers load the package's own built files (or, when run from the
 * TypeScript sources, the sources through `tsx`), so the package must be installed as files,
 * not bundled into one.
 *
 * @param options - as {@link generate}, plus `workers`
 * @returns an async generator of items
 * @throws {@link InvalidArgumentError} on invalid options, configuration or `workers`
 * @throws {@link CausalKitError} as {@link generate}, or (code `E_WORKER`) if a worker fails
 * @since 0.1.0
 * @example
 * ```ts
 * for await (const item of generateParallel({ suite: "ladder", n: 100_000, seed: 1, workers: 4 })) {
 *   // the same items as generate({ suite: "ladder", n: 100_000, seed: 1 })
 * }
 * ```
 */
export async function* generateParallel(
  options: ParallelGenerateOptions,
): AsyncGenerator<DatasetItem, void, undefined> {
  for await (const line of generateLines(options)) yield JSON.parse(line) as DatasetItem;
}

/**
 * The items of {@link generateParallel} as JSON text (`JSON.stringify` of each item, without a
 * newline), for writers that need no objects.
 *
 * @param options - as {@link generateParallel}
 * @returns an async generator of JSON lines
 * @throws as {@link generateParallel}
 * @since 0.1.0
 */
export async function* generateLines(
  options: ParallelGenerateOptions,
): AsyncGenerator<string, void, undefined> {
  const { run, n, start } = openRun(options);
  const workers = readWorkers(options);
  const seen = new Set<string>();
  const choose = (index: number): string => {
    const { item, key } = chooseItem(run, index, seen);
    if (run.s.dedupe) seen.add(key);
    return JSON.stringify(item);
  };
  const chunks = chunkRanges(start, n, run.s.reuse);
  if (workers <= 1 || chunks.length <= 1) {
    for (let index = start; index < start + n; index++) yield choose(index);
    return;
  }
  const pool = startPool(Math.min(workers, chunks.length), workerOptions(options));
  try {
    const inFlight: Promise<readonly WireItem[]>[] = [];
    let next = 0;
    const fill = (): void => {
      while (next < chunks.length && inFlight.length < 2 * pool.size) {
        const [from, to] = chunks[next] as [number, number];
        inFlight.push(pool.run({ id: next, from, to }));
        next++;
      }
    };
    fill();
    while (inFlight.length > 0) {
      const items = await (inFlight.shift() as Promise<readonly WireItem[]>);
      fill();
      for (const traced of items) {
        const decided = replay(traced, seen, run.s);
        if (decided === undefined) yield choose(traced.index);
        else {
          if (run.s.dedupe) seen.add(decided.key);
          yield decided.line;
        }
      }
    }
  } finally {
    await pool.close();
  }
}

function readWorkers(options: ParallelGenerateOptions): number {
  const w = options.workers ?? Math.min(8, availableParallelism());
  if (!Number.isInteger(w) || w < 0 || w > 64) {
    throw new InvalidArgumentError(
      `${where}: workers must be an integer in [0, 64], got ${String(w)}`,
      "workers",
    );
  }
  return w;
}

/**
 * The options a worker needs. They reach it by structured clone (as `workerData`), which keeps
 * every number (a JSON round trip would turn `Infinity` into null) and throws for functions.
 */
function workerOptions(options: GenerateOptions): GenerateOptions {
  return {
    suite: options.suite,
    n: options.n,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.config === undefined ? {} : { config: options.config }),
  };
}

/**
 * Index ranges [from, to) covering [start, start + n), cut at multiples of `reuse` so that no
 * model group is split, each about CHUNK_ITEMS items.
 */
export function chunkRanges(start: number, n: number, reuse: number): [number, number][] {
  const end = start + n;
  const size = Math.ceil(CHUNK_ITEMS / reuse) * reuse;
  const out: [number, number][] = [];
  let from = start;
  while (from < end) {
    const to = Math.min(end, (Math.floor(from / size) + 1) * size);
    out.push([from, to]);
    from = to;
  }
  return out;
}

/**
 * The choice the sequential loop of {@link chooseItem} makes for a traced item given the keys
 * chosen so far, or undefined when the trace does not decide it (a step depends on a
 * candidate the worker did not evaluate).
 */
export function replay(
  traced: WireItem,
  seen: ReadonlySet<string>,
  s: Pick<Settings, "maxAttempts" | "balance" | "dedupe">,
): { key: string; line: string } | undefined {
  if (traced.target === undefined) return undefined;
  let fallback: { readonly key: string; readonly line?: string } | undefined;
  for (const step of traced.steps) {
    if (step.attempt >= s.maxAttempts && fallback !== undefined) return decided(fallback);
    switch (step.t) {
      case "null":
      case "skip":
        continue;
      case "stop":
        return undefined;
      case "dup":
        if (s.dedupe && seen.has(step.key)) continue;
        return undefined;
      case "valid":
        if (s.dedupe && seen.has(step.key)) continue;
        if (!s.balance || step.label === undefined || step.label === traced.target) {
          return decided(step);
        }
        fallback ??= step;
    }
  }
  return undefined;
}

/** A replayed choice, if its line was sent (else the calling thread regenerates the item). */
function decided(step: {
  readonly key: string;
  readonly line?: string;
}): { key: string; line: string } | undefined {
  return step.line === undefined ? undefined : { key: step.key, line: step.line };
}

interface Pool {
  readonly size: number;
  run(request: ChunkRequest): Promise<readonly WireItem[]>;
  close(): Promise<void>;
}

function startPool(size: number, options: GenerateOptions): Pool {
  const { script, isEval } = workerScript();
  const input: WorkerInput = { options };
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(script, { workerData: input, eval: isEval });
    // Referenced only while it has work: an abandoned generator does not keep the process alive.
    w.unref();
    return w;
  });
  const load = new Array<number>(size).fill(0);
  const waiting = new Map<
    number,
    { resolve: (items: readonly WireItem[]) => void; reject: (e: Error) => void }
  >();
  let closed = false;
  const fail = (e: Error): void => {
    for (const job of waiting.values()) job.reject(e);
    waiting.clear();
  };
  workers.forEach((w, i) => {
    w.on("message", (result: ChunkResult) => {
      const job = waiting.get(result.id);
      if (job === undefined) return;
      waiting.delete(result.id);
      load[i] = (load[i] as number) - 1;
      if (load[i] === 0) w.unref();
      if (result.error !== undefined) {
        job.reject(new CausalKitError("E_WORKER", `${where}: a worker failed: ${result.error}`));
      } else job.resolve(result.items);
    });
    w.on("error", (e) => {
      fail(new CausalKitError("E_WORKER", `${where}: a worker failed: ${e.stack ?? e.message}`));
    });
    w.on("exit", (code) => {
      if (!closed && waiting.size > 0) {
        fail(new CausalKitError("E_WORKER", `${where}: a worker exited (code ${code})`));
      }
    });
  });
  return {
    size,
    run(request) {
      // The least loaded worker (requests queue in its message port).
      let best = 0;
      for (let i = 1; i < size; i++) if ((load[i] as number) < (load[best] as number)) best = i;
      const worker = workers[best] as Worker;
      load[best] = (load[best] as number) + 1;
      if (load[best] === 1) worker.ref();
      const promise = new Promise<readonly WireItem[]>((resolve, reject) => {
        waiting.set(request.id, { resolve, reject });
        worker.postMessage(request);
      });
      // Awaited in order by the caller, which may stop before this one: never unhandled.
      promise.catch(() => undefined);
      return promise;
    },
    async close() {
      closed = true;
      waiting.clear();
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * The worker entry next to this code: `datasets/generate-worker` in the directory (dist/ or
 * src/) above the file this code was loaded from, with the same extension. A `.ts` source (the
 * tests run the sources) is loaded by a small script that first registers the tsx loader.
 */
function workerScript(): { script: string; isEval: boolean } {
  const self = fileURLToPath(import.meta.url);
  const ext = self.endsWith(".ts") ? ".ts" : self.endsWith(".cjs") ? ".cjs" : ".js";
  for (let dir = dirname(self); ; dir = dirname(dir)) {
    const file = join(dir, "datasets", `generate-worker${ext}`);
    if (existsSync(file)) {
      if (ext !== ".ts") return { script: file, isEval: false };
      // tsx's ESM API (its CommonJS build cannot register the ESM hooks).
      const api = createRequire(import.meta.url)
        .resolve("tsx/esm/api")
        .replace(/\.cjs$/, ".mjs");
      const script = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`;
      return { script, isEval: true };
    }
    if (dirname(dir) === dir) {
      throw new CausalKitError(
        "E_WORKER",
        `${where}: cannot find the worker file datasets/generate-worker${ext} above ${self}`,
      );
    }
  }
}
