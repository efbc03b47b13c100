import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { roundedModel, roundRow } from "../../src/datasets/_internal/q-answer.js";
import { generate } from "../../src/datasets/generate.js";
import { type DatasetItem, datasetItemSchema } from "../../src/datasets/item.js";
import { InvalidArgumentError } from "../../src/errors.js";
import { scmFromJson } from "../../src/scm/json.js";

const require = createRequire(import.meta.url);
const Ajv2020 = (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).default;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(datasetItemSchema);

const take = (it: Iterable<DatasetItem>): DatasetItem[] => [...it];

describe("datasets.generate", () => {
  it("is deterministic, and slices of a run equal the run", () => {
    const a = take(
      generate({ suite: "ladder", n: 40, seed: "same seed", config: { dedupe: false } }),
    );
    const b = take(
      generate({ suite: "ladder", n: 40, seed: "same seed", config: { dedupe: false } }),
    );
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const first = take(
      generate({ suite: "ladder", n: 17, seed: "same seed", config: { dedupe: false } }),
    );
    const rest = take(
      generate({ suite: "ladder", n: 23, start: 17, seed: "same seed", config: { dedupe: false } }),
    );
    expect(JSON.stringify([...first, ...rest])).toBe(JSON.stringify(a));
    // One item regenerated alone.
    const alone = take(
      generate({ suite: "ladder", n: 1, start: 29, seed: "same seed", config: { dedupe: false } }),
    );
    expect(JSON.stringify(alone[0])).toBe(JSON.stringify(a[29]));
    // Consuming the generator in pieces gives the same items.
    const g = generate({ suite: "ladder", n: 40, seed: "same seed", config: { dedupe: false } });
    const pieces: DatasetItem[] = [];
    for (let r = g.next(); r.done !== true; r = g.next()) pieces.push(r.value);
    expect(JSON.stringify(pieces)).toBe(JSON.stringify(a));
    const other = take(generate({ suite: "ladder", n: 40, seed: "other seed" }));
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(a));
  });

  it("items validate against the JSON Schema, and the published schema file is current", () => {
    const file = JSON.parse(
      readFileSync(new URL("../../schema/dataset-item.schema.json", import.meta.url), "utf8"),
    );
    expect(file).toEqual(datasetItemSchema);
    for (const suite of ["ladder", "corr2cause", "identification"] as const) {
      for (const item of generate({ suite, n: 60, seed: 3 })) {
        const ok = validate(JSON.parse(JSON.stringify(item)));
        expect(ok, JSON.stringify(validate.errors)).toBe(true);
      }
    }
    expect(validate({ id: "x" })).toBe(false);
  });

  it("splits by graph: no graph is in both splits; both splits are used", () => {
    const items = take(
      generate({ suite: "identification", n: 300, seed: 9, config: { testFraction: 0.3 } }),
    );
    const splitOf = new Map<string, string>();
    const counts = { train: 0, test: 0 };
    for (const item of items) {
      const key = JSON.stringify([
        [...item.graph.directed].map((e) => e.join(">")).sort(),
        [...item.graph.bidirected].map((e) => [...e].sort().join("<>")).sort(),
        [...item.graph.nodes].sort(),
      ]);
      const split = item.split ?? "none";
      counts[split as "train" | "test"]++;
      const before = splitOf.get(key);
      if (before !== undefined) expect(split).toBe(before);
      splitOf.set(key, split);
    }
    expect(counts.train).toBeGreaterThan(0);
    expect(counts.test).toBeGreaterThan(0);
  });

  it("corr2cause: the same premise and question never twice, a premise never in both splits", () => {
    // Markov-equivalent hidden DAGs give the same premise, and "b is a child of a" reads as
    // "a is a parent of b": deduplication and the split go by what the reader sees.
    const items = take(generate({ suite: "corr2cause", n: 1500, seed: 7 }));
    const texts = new Set<string>();
    const splitOf = new Map<string, string | undefined>();
    for (const item of items) {
      const text = `${item.text.premise}\n${item.text.question}`;
      expect(texts.has(text), item.id).toBe(false);
      texts.add(text);
      const before = splitOf.get(item.text.premise);
      if (splitOf.has(item.text.premise)) expect(item.split, item.id).toBe(before);
      splitOf.set(item.text.premise, item.split);
    }
    expect(new Set(splitOf.values())).toEqual(new Set(["train", "test"]));
  });

  it("balances yes/no per kind and per rung, and deduplicates", () => {
    const items = take(generate({ suite: "ladder", n: 650, seed: "balance" }));
    const by = new Map<string, [number, number]>();
    for (const item of items) {
      for (const key of [item.kind, `rung ${item.rung}`]) {
        const c = by.get(key) ?? [0, 0];
        c[item.answer.label === "yes" ? 0 : 1]++;
        by.set(key, c);
      }
    }
    for (const [key, [yes, no]] of by) {
      const total = yes + no;
      // 50/50 targets: allow 4 binomial standard deviations plus a small slack.
      expect(Math.abs(yes / total - 0.5), key).toBeLessThan(4 * Math.sqrt(0.25 / total) + 0.05);
    }
    const keys = items.map((i) => JSON.stringify([i.graph, i.query, i.model]));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("drops items whose label depends on rounding; keeps them when asked", () => {
    for (const item of generate({ suite: "ladder", n: 200, seed: 4 })) {
      const q = item.query;
      if (typeof item.answer.value !== "number") continue;
      const threshold = "threshold" in q ? q.threshold : 0;
      expect(Math.round(item.answer.value * 100)).not.toBe(Math.round(threshold * 100));
    }
    const kept = take(
      generate({
        suite: "custom",
        n: 200,
        seed: 4,
        config: {
          kinds: ["rung1-correlation"],
          dropAmbiguous: false,
          balance: false,
          names: "letters",
        },
      }),
    );
    // d-separated pairs have correlation exactly 0: kept (label "no") without dropAmbiguous.
    expect(kept.some((i) => i.answer.value === 0)).toBe(true);
  });

  it("skips candidates whose answer is undefined (evidence of probability 0 after rounding)", () => {
    // decimals 0: every CPT entry is 0 or 1, so a treatment value often never occurs.
    const items = take(
      generate({ suite: "custom", n: 60, seed: 14, config: { kinds: ["rung3-ett"], decimals: 0 } }),
    );
    expect(items).toHaveLength(60);
  });

  it("draws models at the shown precision: rounding them again changes nothing", () => {
    for (const decimals of [1, 2, 3]) {
      for (const item of generate({
        suite: "custom",
        n: 40,
        seed: decimals,
        config: {
          kinds: ["rung1-marginal", "rung2-ate", "rung3-counterfactual"],
          decimals,
          maxNodes: 8,
        },
      })) {
        const model = scmFromJson(item.model as never);
        expect(roundedModel(model, decimals)).toBe(model);
        for (const v of model.variables) {
          if (v.mechanism.type !== "cpt") continue;
          for (const row of v.mechanism.table) expect(roundRow(row, decimals)).toEqual(row);
        }
      }
    }
  });

  it("corr2cause labels do not depend on the alphabetical order of a and b", () => {
    const items = take(
      generate({ suite: "corr2cause", n: 1200, seed: "order", config: { balance: false } }),
    );
    const rate = (pred: (i: DatasetItem) => boolean): [number, number] => {
      const sel = items.filter(pred);
      return [sel.filter((i) => i.answer.label === "yes").length / sel.length, sel.length];
    };
    for (const relation of ["parent", "child", "ancestor", "descendant"]) {
      const q = (i: DatasetItem) => i.query.type === "hypothesis" && i.query.relation === relation;
      const ab = (i: DatasetItem) => i.query.type === "hypothesis" && i.query.a < i.query.b;
      const [p1, n1] = rate((i) => q(i) && ab(i));
      const [p2, n2] = rate((i) => q(i) && !ab(i));
      const se = Math.sqrt(0.25 / n1 + 0.25 / n2);
      expect(Math.abs(p1 - p2), relation).toBeLessThan(4 * se);
    }
  });

  it("uses user stories and rejects bad options", () => {
    const stories = [
      { name: "my var", states: { yes: "is on", no: "is off" } },
      { name: "X_1", states: { yes: "glows", no: "is dark" } },
      { name: "a, b", states: { yes: "hums", no: "is silent" } },
    ];
    const items = take(
      generate({
        suite: "custom",
        n: 10,
        seed: 1,
        config: { kinds: ["rung1-marginal"], stories, maxNodes: 3 },
      }),
    );
    for (const item of items)
      expect([...item.graph.nodes].sort()).toEqual(["X_1", "a, b", "my var"]);
    expect(items.some((i) => i.text.question.includes("the unit"))).toBe(true);
    const bad = (options: object) => () => take(generate(options as never));
    for (const options of [
      { suite: "nope", n: 1 },
      { suite: "custom", n: 1 },
      { suite: "ladder", n: -1 },
      { suite: "ladder", n: 1, config: { kinds: ["unknown"] } },
      { suite: "ladder", n: 1, config: { maxNodes: 9 } },
      { suite: "ladder", n: 1, config: { stories: [{ name: "a" }] } },
      { suite: "ladder", n: 1, config: [1, 2] },
      { suite: "ladder", n: 1, config: { kinds: "rung2-ate" } },
      {
        suite: "ladder",
        n: 1,
        config: { stories: [...stories, { name: "b", states: { yes: "x", no: "x" } }] },
      },
      {
        suite: "ladder",
        n: 1,
        config: { stories: [...stories, { name: "b", states: { yes: "", no: "x" } }] },
      },
    ]) {
      expect(bad(options)).toThrow(InvalidArgumentError);
    }
    // A misspelt field is named; a string where a number belongs is shown quoted.
    expect(bad({ suite: "ladder", n: 1, config: { maxnodes: 4 } })).toThrow(
      /unknown config field "maxnodes"/,
    );
    expect(bad({ suite: "ladder", n: 1, config: { minNodes: "4" } })).toThrow(/got "4"/);
  });
});
