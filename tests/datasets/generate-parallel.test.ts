import { describe, expect, it } from "vitest";
import { type GenerateOptions, generate } from "../../src/datasets/generate.js";
import {
  chunkRanges,
  generateLines,
  generateParallel,
  replay,
  type WireItem,
} from "../../src/datasets/generate-parallel.js";
import { CausalKitError, InvalidArgumentError } from "../../src/errors.js";

async function lines(options: GenerateOptions & { workers: number }): Promise<string[]> {
  const out: string[] = [];
  for await (const line of generateLines(options)) out.push(line);
  return out;
}

const sequential = (options: GenerateOptions): string[] =>
  [...generate(options)].map((item) => JSON.stringify(item));

describe("datasets.generateParallel", () => {
  // Runs where the replay must fall back to the calling thread (graph-only questions repeat
  // across chunks; few attempts force fallbacks), with and without deduplication and balance.
  const runs: GenerateOptions[] = [
    { suite: "ladder", n: 300, seed: "parallel", config: { reuse: 3 } },
    { suite: "corr2cause", n: 300, seed: 5 },
    { suite: "identification", n: 300, seed: 9, start: 17 },
    {
      suite: "custom",
      n: 200,
      seed: "few attempts",
      config: { kinds: ["rung2-dseparation", "rung3-nde"], maxAttempts: 2, reuse: 7 },
    },
    { suite: "ladder", n: 150, seed: 3, config: { dedupe: false, balance: false } },
  ];

  it("gives exactly the items of generate, whatever the number of workers", async () => {
    for (const options of runs) {
      const expected = sequential(options);
      for (const workers of [0, 2, 3]) {
        expect(await lines({ ...options, workers })).toEqual(expected);
      }
    }
  });

  it("keeps numbers JSON cannot carry, and stops cleanly: early exit, the same error after the same items", async () => {
    const infinite = {
      suite: "ladder" as const,
      n: 150,
      seed: 1,
      config: { expectedDegree: Infinity },
    };
    expect(await lines({ ...infinite, workers: 2 })).toEqual(sequential(infinite));
    // Leaving early terminates the workers without unhandled rejections.
    for await (const _ of generateLines({ suite: "ladder", n: 400, seed: 1, workers: 2 })) break;
    // A run that fails partway (no valid candidate for some item): same items, same error.
    const failing = {
      suite: "corr2cause" as const,
      n: 400,
      seed: 8,
      config: { minNodes: 2, maxNodes: 3, maxAttempts: 2 },
    };
    const outcome = async (run: () => AsyncIterable<string> | Iterable<string>) => {
      const got: string[] = [];
      try {
        for await (const line of run()) got.push(line);
      } catch (e) {
        return { got, error: e };
      }
      return { got, error: undefined };
    };
    const seq = await outcome(function* () {
      for (const item of generate(failing)) yield JSON.stringify(item);
    });
    expect(seq.error).toBeInstanceOf(CausalKitError);
    expect(seq.got.length).toBeGreaterThan(0);
    const par = await outcome(() => generateLines({ ...failing, workers: 2 }));
    expect(par.got).toEqual(seq.got);
    expect(par.error).toBeInstanceOf(CausalKitError);
    expect((par.error as CausalKitError).code).toBe("E_GENERATE");
    expect((par.error as Error).message).toBe((seq.error as Error).message);
  });

  it("yields parsed items", async () => {
    const options = { suite: "ladder" as const, n: 80, seed: 1, workers: 2 };
    const items = [];
    for await (const item of generateParallel(options)) items.push(item);
    expect(items).toEqual([...generate(options)].map((i) => JSON.parse(JSON.stringify(i))));
  });

  it("rejects bad options before starting workers", async () => {
    await expect(lines({ suite: "ladder", n: 5, workers: -1 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(lines({ suite: "ladder", n: 5, workers: 1.5 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
    await expect(lines({ suite: "nope" as never, n: 5, workers: 2 })).rejects.toBeInstanceOf(
      InvalidArgumentError,
    );
  });

  it("cuts chunks at multiples of reuse, covering the range once", () => {
    expect(chunkRanges(0, 10, 4)).toEqual([[0, 10]]);
    expect(chunkRanges(5, 200, 30)).toEqual([
      [5, 90],
      [90, 180],
      [180, 205],
    ]);
    expect(chunkRanges(0, 0, 4)).toEqual([]);
    for (const [start, n, reuse] of [
      [0, 1000, 1],
      [13, 777, 7],
      [64, 65, 64],
    ] as const) {
      const chunks = chunkRanges(start, n, reuse);
      expect(chunks[0]?.[0]).toBe(start);
      expect(chunks.at(-1)?.[1]).toBe(start + n);
      for (let i = 1; i < chunks.length; i++) {
        expect(chunks[i]?.[0]).toBe(chunks[i - 1]?.[1]);
        expect((chunks[i]?.[0] as number) % reuse).toBe(0);
      }
    }
  });
});

describe("replay of a traced item", () => {
  const s = { maxAttempts: 3, balance: true, dedupe: true };
  const valid = (attempt: number, key: string, label: string, line?: string) =>
    ({ t: "valid", attempt, key, label, ...(line === undefined ? {} : { line }) }) as const;

  it("follows the sequential loop: duplicates, labels, fallback after maxAttempts", () => {
    const traced: WireItem = {
      index: 0,
      target: "yes",
      steps: [
        { t: "null", attempt: 0 },
        valid(4, "a", "no", "A"),
        { t: "skip", attempt: 5 },
        valid(6, "b", "yes", "B"),
      ],
    };
    expect(replay(traced, new Set(), s)).toEqual({ key: "a", line: "A" });
    expect(replay(traced, new Set(), { ...s, maxAttempts: 60 })).toEqual({ key: "b", line: "B" });
    // "a" chosen earlier: no fallback yet at attempt 6.
    expect(replay(traced, new Set(["a"]), s)).toEqual({ key: "b", line: "B" });
    // The worker's choice is a duplicate here: undecided.
    expect(replay(traced, new Set(["b"]), { ...s, maxAttempts: 60 })).toBeUndefined();
    expect(replay(traced, new Set(), { ...s, balance: false })).toEqual({ key: "a", line: "A" });
  });

  it("is undecided where the worker skipped a candidate that is new here, or sent no line", () => {
    const traced: WireItem = {
      index: 0,
      target: "yes",
      steps: [{ t: "dup", attempt: 0, key: "k" }, valid(1, "b", "yes", "B")],
    };
    expect(replay(traced, new Set(["k"]), s)).toEqual({ key: "b", line: "B" });
    expect(replay(traced, new Set(), s)).toBeUndefined();
    expect(replay({ index: 0, target: "yes", steps: [valid(0, "c", "yes")] }, new Set(), s)).toBe(
      undefined,
    );
    expect(replay({ index: 0, target: undefined, steps: [] }, new Set(), s)).toBeUndefined();
    // The worker took its fallback at attempt 3; here that fallback is a duplicate.
    const stopped: WireItem = {
      index: 0,
      target: "yes",
      steps: [valid(0, "a", "no", "A"), { t: "stop", attempt: 3 }],
    };
    expect(replay(stopped, new Set(), s)).toEqual({ key: "a", line: "A" });
    expect(replay(stopped, new Set(["a"]), s)).toBeUndefined();
  });
});
