import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { SingleBar } from "cli-progress";
import { InvalidArgumentError } from "../../errors.js";
import { doIntervention } from "../../interventions/index.js";
import { type Seed, sampleChunks, type Table, writeCsv, writeJsonl } from "../../sampling/index.js";
import type { Scm } from "../../scm/index.js";
import { toPairs } from "../assignments.js";
import type { LoadedModel } from "../load-model.js";
import { optionalCount, requireModel } from "./query.js";

/** Options of `causalkit sample` (strings on the command line; batch requests may use numbers). */
export interface SampleOptions {
  readonly n?: string | number;
  readonly seed?: Seed;
  readonly do?: unknown;
  readonly format?: string;
  readonly output?: string;
  readonly includeNoise?: boolean;
  readonly chunkSize?: string | number;
  readonly progress?: boolean;
}

/** Option names `causalkit sample` accepts in a batch request. */
export const SAMPLE_OPTIONS: readonly string[] = [
  "n",
  "seed",
  "do",
  "format",
  "output",
  "includeNoise",
  "chunkSize",
];

/** Rows at or above which a progress bar is shown (on an interactive stderr). */
const PROGRESS_THRESHOLD = 200_000;

interface SamplePlan {
  readonly model: Scm;
  readonly n: number;
  readonly format: "csv" | "jsonl";
  readonly chunks: Generator<Table>;
}

function plan(loaded: LoadedModel, options: SampleOptions): SamplePlan {
  const base = requireModel(loaded, "sample");
  const n = options.n === undefined ? 10 : parseRows(options.n);
  const chunkSize = optionalCount(options.chunkSize, "--chunk-size") ?? 65_536;
  const format = options.format ?? "csv";
  if (format !== "csv" && format !== "jsonl") {
    throw new InvalidArgumentError(
      `cli.sample: unknown --format "${format}" (csv or jsonl)`,
      "--format",
    );
  }
  const intervention = toPairs(options.do, "--do");
  const model = intervention.length > 0 ? doIntervention(base, intervention) : base;
  const chunks = sampleChunks(model, n, {
    seed: options.seed ?? 0,
    chunkSize,
    includeNoise: options.includeNoise === true,
  });
  return { model, n, format, chunks };
}

/**
 * `causalkit sample MODEL -n N [--seed S] [--do "X=x,Y=y"] [--format csv|jsonl] [-o FILE]`:
 * streams seeded samples (observational, or from the intervened model) as CSV or JSON lines to
 * stdout or a file. The output does not depend on `--chunk-size`.
 */
export async function sampleCommand(loaded: LoadedModel, options: SampleOptions): Promise<void> {
  const { n, format, chunks } = plan(loaded, options);
  const out = options.output ? await openOutput(options.output) : process.stdout;
  const showProgress =
    options.progress ?? (process.stderr.isTTY === true && n >= PROGRESS_THRESHOLD);
  const tracked = showProgress ? withProgress(chunks, n) : chunks;
  if (format === "csv") await writeCsv(tracked, out);
  else await writeJsonl(tracked, out);
  if (out !== process.stdout) {
    out.end();
    await once(out, "finish");
  }
}

/**
 * `sample` in a batch request: with `output`, writes the file and answers `{"n", "output"}`;
 * without, answers the rows themselves, `{"n", "rows": [{"<variable>": "<state>" | number}]}`.
 */
export async function sampleForBatch(loaded: LoadedModel, options: SampleOptions): Promise<object> {
  if (options.output) {
    await sampleCommand(loaded, { ...options, progress: false });
    return { n: parseRows(options.n ?? 10), output: options.output };
  }
  const { n, chunks } = plan(loaded, options);
  const rows: Record<string, string | number>[] = [];
  for (const chunk of chunks) rows.push(...chunk.toRecords());
  return { n, rows };
}

async function openOutput(path: string): Promise<WriteStream> {
  const stream = createWriteStream(path);
  try {
    await once(stream, "open");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    throw new InvalidArgumentError(`cli.sample: cannot write "${path}" (${code})`, "--output");
  }
  return stream;
}

function* withProgress(chunks: Iterable<Table>, n: number): Generator<Table> {
  const bar = new SingleBar({
    stream: process.stderr,
    format: "sampling [{bar}] {percentage}% | {value}/{total} rows | ETA {eta}s",
  });
  bar.start(n, 0);
  try {
    for (const chunk of chunks) {
      yield chunk;
      bar.increment(chunk.n);
    }
  } finally {
    bar.stop();
  }
}

function parseRows(value: string | number): number {
  const x = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(x) || x < 0 || (typeof value === "string" && value.trim() === "")) {
    throw new InvalidArgumentError(
      `cli.sample: -n must be a non-negative integer, got "${value}"`,
      "-n",
    );
  }
  return x;
}
