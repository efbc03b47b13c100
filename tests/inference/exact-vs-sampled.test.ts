import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { query } from "../../src/inference/index.js";
import { doIntervention } from "../../src/interventions/index.js";
import { parseBif } from "../../src/io/index.js";
import { sample } from "../../src/sampling/index.js";
import type { Scm } from "../../src/scm/index.js";

// Exact inference checked against an independent path, forward sampling: every state of every
// variable, observationally and under interventions, within 4 standard errors (fixed seeds).
const load = (name: string): Scm =>
  parseBif(readFileSync(new URL(`../../../shared/data/bif/${name}.bif`, import.meta.url), "utf8"));

const n = 200_000;

function compareAll(model: Scm, intervention: Record<string, string>, seed: number): number {
  const sampled = sample(
    Object.keys(intervention).length ? doIntervention(model, intervention) : model,
    n,
    { seed },
  );
  let checked = 0;
  for (const v of model.variables) {
    const exact = query(model, { targets: v.name, do: intervention }).marginal(v.name);
    const column = sampled.column(v.name);
    if (column.kind !== "discrete") throw new Error("discrete networks only");
    const counts = new Float64Array(column.states.length);
    for (let i = 0; i < n; i++) {
      const k = column.values[i] as number;
      counts[k] = (counts[k] ?? 0) + 1;
    }
    column.states.forEach((state, k) => {
      const p = exact.get(state) ?? Number.NaN;
      const se = Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs((counts[k] as number) / n - p), `${v.name}=${state}`).toBeLessThanOrEqual(
        4 * se + 1e-12,
      );
      checked++;
    });
  }
  return checked;
}

describe.each([
  ["alarm", { HYPOVOLEMIA: "TRUE", INTUBATION: "ESOPHAGEAL" }],
  ["insurance", { Age: "Senior", DrivQuality: "Poor" }],
])("exact marginals of %s agree with sampling", (name, intervention) => {
  const model = load(name);

  it("observational, every state of every variable", () => {
    expect(compareAll(model, {}, 11)).toBeGreaterThan(model.variables.length);
  });

  it("under do(), every state of every variable", () => {
    expect(compareAll(model, intervention, 12)).toBeGreaterThan(model.variables.length);
  });
});
