import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditCommand } from "../../src/cli/commands/audit.js";
import { generateCommand } from "../../src/cli/commands/generate.js";
import { audit } from "../../src/datasets/audit.js";
import { generate } from "../../src/datasets/generate.js";
import type { DatasetItem } from "../../src/datasets/item.js";

// biome-ignore lint/suspicious/noExplicitAny: tampering with parsed JSON in tests
type Json = any;
const roundTrip = (items: DatasetItem[]): Json[] =>
  items.map((i) => JSON.parse(JSON.stringify(i)) as Json);

describe("datasets.audit", () => {
  it("finds no disagreement in generated items of every suite", () => {
    for (const suite of ["ladder", "corr2cause", "identification"] as const) {
      const items = roundTrip([...generate({ suite, n: 40, seed: "audit" })]);
      const report = audit(items);
      expect(report.checked).toBe(40);
      expect(report.disagreements).toEqual([]);
    }
  });

  it("reports tampered labels, values, estimands and unreadable items", () => {
    const items = roundTrip([...generate({ suite: "identification", n: 30, seed: 2 })]);
    const ladder = roundTrip([
      ...generate({ suite: "custom", n: 2, seed: 2, config: { kinds: ["rung2-ate"] } }),
    ]);
    const flip = items[0];
    const answer = flip.answer as { label: string };
    const label = answer.label;
    answer.label = label === "yes" ? "no" : "yes";
    const withEstimand: Json = items.find((i) => typeof i.estimand === "string");
    withEstimand.estimand = "P(nonsense)";
    const ate = ladder[0] as { answer: { value: number } };
    const trueValue = ate.answer.value;
    ate.answer.value = trueValue + 0.01;
    const report = audit([
      ...items,
      ...ladder,
      { id: "broken", graph: {}, query: { type: "ate" } },
      42,
    ]);
    expect(report.checked).toBe(34);
    const fields = report.disagreements.map((d) => [d.id, d.field]);
    expect(fields).toContainEqual([flip.id, "answer.label"]);
    expect(fields).toContainEqual([withEstimand.id, "estimand"]);
    expect(fields).toContainEqual([(ladder[0] as { id: string }).id, "answer.value"]);
    expect(fields).toContainEqual(["broken", "item"]);
    expect(fields).toContainEqual(["#33", "item"]);
    const v = report.disagreements.find((d) => d.field === "answer.value");
    expect(v?.expected).toBe(trueValue);
  });

  it("CLI: generate streams JSONL that audit accepts; a tampered file is reported", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ck-gen-"));
    const file = join(dir, "items.jsonl");
    await generateCommand({ suite: "ladder", n: "25", seed: "7", output: file, progress: false });
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.length).toBe(25);
    const direct = [...generate({ suite: "ladder", n: 25, seed: 7 })].map((i) => JSON.stringify(i));
    expect(lines).toEqual(direct);
    // Worker threads (two or more chunks of items) write the same lines.
    const parallel = join(dir, "parallel.jsonl");
    await generateCommand({
      suite: "ladder",
      n: "150",
      seed: "7",
      output: parallel,
      workers: "2",
      progress: false,
    });
    expect(readFileSync(parallel, "utf8")).toBe(
      [...generate({ suite: "ladder", n: 150, seed: 7 })]
        .map((i) => `${JSON.stringify(i)}\n`)
        .join(""),
    );
    await expect(
      generateCommand({ suite: "ladder", n: "5", workers: "65", progress: false }),
    ).rejects.toThrow(/--workers must be at most 64/);
    await expect(auditCommand(dir)).rejects.toThrow(/cannot read ".*" \(EISDIR\)/);
    // A configuration file with a byte-order mark is read.
    const bom = join(dir, "bom.json");
    writeFileSync(bom, '\uFEFF{"maxNodes": 4}');
    await generateCommand({
      suite: "ladder",
      n: "3",
      config: bom,
      output: join(dir, "b.jsonl"),
      progress: false,
    });
    // A run that fails part-way leaves no truncated file behind.
    const failing = join(dir, "failing.json");
    writeFileSync(failing, JSON.stringify({ minNodes: 2, maxNodes: 3, maxAttempts: 2 }));
    const truncated = join(dir, "truncated.jsonl");
    await expect(
      generateCommand({
        suite: "corr2cause",
        n: "400",
        seed: "8",
        config: failing,
        output: truncated,
        progress: false,
      }),
    ).rejects.toThrow(/no valid corr2cause question/);
    expect(existsSync(truncated)).toBe(false);
    const ok = await auditCommand(file);
    expect(ok).toEqual({ checked: 25, disagreements: [] });
    const bad = join(dir, "bad.jsonl");
    const first = JSON.parse(lines[0] as string);
    first.answer.label = first.answer.label === "yes" ? "no" : "yes";
    writeFileSync(bad, `${JSON.stringify(first)}\n\nnot json\n${lines[1]}\n`);
    const report = await auditCommand(bad);
    expect(report.checked).toBe(3);
    expect(report.disagreements.map((d) => d.field)).toEqual(["answer.label", "item"]);
  });
});
