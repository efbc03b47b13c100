import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { SingleBar } from "cli-progress";
import { InvalidArgumentError } from "../../errors.js";
import { doIntervention, parseInterventionString } from "../../interventions/index.js";
import { sampleChunks, type Table, writeCsv, writeJsonl } from "../../sampling/index.js";
import { loadModel } from "../load-model.js";

/** Options of `causalkit sample`. */
export interface SampleOptions {
  readonly n?: string;
  readonly seed?: string;
  readonly do?: string;
  readonly format?: string;
  readonly output?: string;
  readonly includeNoise?: boolean;
  readonly chunkSize?: string;
  readonly progress?: boolean;
}

/** Rows at or above which a progress bar is shown (on an interactive stderr). */
const PROGRESS_THRESHOLD = 200_000;

/**
 * `causalkit sample MODEL -n N [--seed S] [--do "X=x,Y=y"] [--format csv|jsonl] [-o FILE]`:
 * streams seeded samples (observational, or from the intervened model) as CSV or JSON lines.
 */
export async function sampleCommand(source: string, options: SampleOptions): Promise<void> {
  const loaded = loadModel(source);
  if (!loaded.model) {
    throw new InvalidArgumentError(
      `cli.sample: "${source}" holds a graph only; sampling needs a model with mechanisms (.bif or causalkit SCM .json)`,
      "MODEL",
    );
  }
  const n = parseCount(options.n ?? "10", "-n");
  const chunkSize = parseCount(options.chunkSize ?? "65536", "--chunk-size");
  const format = options.format ?? "csv";
  if (format !== "csv" && format !== "jsonl") {
    throw new InvalidArgumentError(
      `cli.sample: unknown --format "${format}" (csv or jsonl)`,
      "--format",
    );
  }
  const model = options.do
    ? doIntervention(loaded.model, parseInterventionString(options.do))
    : loaded.model;
  const chunks = sampleChunks(model, n, {
    seed: options.seed ?? 0,
    chunkSize: Math.max(1, chunkSize),
    includeNoise: options.includeNoise === true,
  });
  const out = options.output ? createWriteStream(options.output) : process.stdout;
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

function parseCount(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(
      `cli: ${option} must be a non-negative integer, got "${text}"`,
      option,
    );
  }
  return value;
}
