import { once } from "node:events";
import { createWriteStream, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Writable } from "node:stream";
import { SingleBar } from "cli-progress";
import { type GenerateConfig, openRun } from "../../datasets/generate.js";
import { generateLines } from "../../datasets/generate-parallel.js";
import type { SuiteName } from "../../datasets/item.js";
import { InvalidArgumentError } from "../../errors.js";

/** Options of `causalkit generate` (strings from the command line). */
export interface GenerateCommandOptions {
  readonly suite?: string;
  readonly config?: string;
  readonly n?: string | number;
  readonly seed?: string | number;
  readonly start?: string | number;
  readonly output?: string;
  readonly workers?: string | number;
  readonly progress?: boolean;
}

// Below this many items, starting worker threads costs more than it saves.
const PARALLEL_FROM = 10_000;

function count(value: string | number | undefined, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  const x = typeof value === "number" ? value : Number(value);
  if (!Number.isSafeInteger(x) || x < 0 || (typeof value === "string" && value.trim() === "")) {
    throw new InvalidArgumentError(
      `cli.generate: ${option} must be a non-negative integer, got "${value}"`,
      option,
    );
  }
  return x;
}

function readConfig(path: string | undefined): GenerateConfig {
  if (path === undefined) return {};
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    throw new InvalidArgumentError(`cli.generate: cannot read "${path}" (${code})`, "--config");
  }
  try {
    // A byte-order mark (some editors write one) is not part of the JSON.
    return JSON.parse(text.replace(/^\uFEFF/, "")) as GenerateConfig;
  } catch {
    throw new InvalidArgumentError(`cli.generate: "${path}" is not valid JSON`, "--config");
  }
}

/** Closes the output stream and deletes its file, if it is a regular file. */
async function removePartial(out: Writable, path: string): Promise<void> {
  out.end();
  await once(out, "close").catch(() => undefined);
  try {
    if (statSync(path).isFile()) rmSync(path, { force: true });
  } catch {
    // Already gone, or not ours to remove.
  }
}

async function write(out: Writable, line: string): Promise<void> {
  if (!out.write(line)) await once(out, "drain");
}

/**
 * `causalkit generate --suite S [--config FILE] -n N --seed S [-o FILE.jsonl] [--workers W]`:
 * streams items as JSON lines (one item written as soon as it is generated, waiting for the
 * stream to drain, so memory stays bounded), with a progress bar on an interactive stderr.
 * Large runs use worker threads (`generateLines`); the output is the same for any `--workers`.
 * If generation fails part-way, the partial output file is deleted.
 */
export async function generateCommand(options: GenerateCommandOptions): Promise<void> {
  const suite = (options.suite ?? "ladder") as SuiteName;
  const n = count(options.n, "-n", 100);
  const start = count(options.start, "--start", 0);
  const config = readConfig(options.config);
  const seed =
    options.seed === undefined
      ? 0
      : typeof options.seed === "string" && /^-?\d+$/.test(options.seed)
        ? Number(options.seed)
        : options.seed;
  const workers = count(
    options.workers,
    "--workers",
    n >= PARALLEL_FROM ? Math.min(8, availableParallelism()) : 0,
  );
  if (workers > 64) {
    throw new InvalidArgumentError(
      `cli.generate: --workers must be at most 64, got ${workers}`,
      "--workers",
    );
  }
  // Validate everything (suite, config, workers) before opening the output.
  const run = { suite, n, seed, start, config, workers };
  openRun(run);
  const lines = generateLines(run);
  let out: Writable = process.stdout;
  if (options.output !== undefined) {
    const stream = createWriteStream(options.output);
    try {
      await once(stream, "open");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      throw new InvalidArgumentError(
        `cli.generate: cannot write "${options.output}" (${code})`,
        "--output",
      );
    }
    out = stream;
  }
  const showProgress = options.progress ?? process.stderr.isTTY === true;
  const bar = showProgress
    ? new SingleBar({
        stream: process.stderr,
        // Asked for explicitly: shown even when stderr is not a terminal (e.g. redirected).
        noTTYOutput: options.progress === true,
        format: "generating [{bar}] {percentage}% | {value}/{total} items | ETA {eta}s",
      })
    : undefined;
  bar?.start(n, 0);
  try {
    for await (const line of lines) {
      await write(out, `${line}\n`);
      bar?.increment(1);
    }
  } catch (e) {
    // A run that fails part-way (e.g. E_GENERATE) leaves no truncated dataset behind that
    // could pass for a complete one.
    if (options.output !== undefined) await removePartial(out, options.output);
    throw e;
  } finally {
    bar?.stop();
  }
  if (out !== process.stdout) {
    out.end();
    await once(out, "finish");
  }
}
