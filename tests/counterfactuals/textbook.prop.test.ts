import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  causationBounds,
  counterfactual,
  counterfactualQuery,
  probabilitiesOfCausation,
} from "../../src/counterfactuals/index.js";
import { query } from "../../src/inference/index.js";
import { createScm } from "../../src/scm/index.js";
import type { VariableSpec } from "../../src/scm/types.js";
import { mulberry32 } from "./_models.js";

const bin = { type: "discrete", states: ["0", "1"] } as const;

describe("probabilities of causation (property)", () => {
  it("exact values lie within the Tian–Pearl bounds (random confounded models, both couplings)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const rnd = mulberry32(seed);
        const row = (k: number): number[] => {
          const w = Array.from({ length: k }, () => rnd() + 0.01);
          const s = w.reduce((x, y) => x + y, 0);
          return w.map((x) => x / s);
        };
        const m = createScm({
          variables: [
            {
              name: "Z",
              domain: { type: "discrete", states: ["a", "b", "c"] },
              mechanism: { type: "cpt", parents: [], table: [row(3)] },
            },
            {
              name: "X",
              domain: bin,
              mechanism: { type: "cpt", parents: ["Z"], table: [row(2), row(2), row(2)] },
            },
            {
              name: "Y",
              domain: bin,
              mechanism: {
                type: "cpt",
                parents: ["Z", "X"],
                table: Array.from({ length: 6 }, () => row(2)),
              },
            },
          ],
        });
        const joint = query(m, { targets: ["X", "Y"] });
        const pyx = query(m, { targets: "Y", do: { X: "1" } }).probabilities[1] as number;
        const pyx0 = query(m, { targets: "Y", do: { X: "0" } }).probabilities[1] as number;
        const b = causationBounds({
          experimental: { treated: pyx, control: pyx0 },
          observational: {
            treatedEvent: joint.probability({ X: "1", Y: "1" }),
            treatedNoEvent: joint.probability({ X: "1", Y: "0" }),
            controlEvent: joint.probability({ X: "0", Y: "1" }),
            controlNoEvent: joint.probability({ X: "0", Y: "0" }),
          },
        });
        for (const coupling of ["inverse-cdf", "independent"] as const) {
          const r = probabilitiesOfCausation(m, "X", "Y", { coupling });
          const inside = (v: number | undefined, i: { lower: number; upper: number } | null) => {
            expect(i).not.toBeNull();
            expect(v as number).toBeGreaterThanOrEqual((i?.lower as number) - 1e-12);
            expect(v as number).toBeLessThanOrEqual((i?.upper as number) + 1e-12);
          };
          inside(r.pns.value, b.pns);
          inside(r.pn?.value, b.pn);
          inside(r.ps?.value, b.ps);
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});

describe("deterministic binary models: every counterfactual is 0 or 1", () => {
  it("random deterministic mechanisms, evidence on every root", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 4, max: 8 }),
        (seed, n) => {
          const rnd = mulberry32(seed);
          const names = ["r 1", "r_2", "a", "b", "c", "d", "e", "f"].slice(0, n);
          const variables: VariableSpec[] = names.map((name, i) => {
            if (i < 2)
              return {
                name,
                domain: bin,
                mechanism: { type: "cpt", parents: [], table: [[0.4, 0.6]] },
              };
            const parents = names
              .slice(0, i)
              .filter(() => rnd() < 0.5)
              .slice(0, 3);
            const table = Array.from({ length: 2 ** parents.length }, () =>
              rnd() < 0.5 ? [1, 0] : [0, 1],
            );
            return { name, domain: bin, mechanism: { type: "cpt", parents, table } };
          });
          const m = createScm({ variables });
          const X = names[2 + Math.floor(rnd() * (n - 3))] as string;
          const Y = names[n - 1] as string;
          const given = { "r 1": String(rnd() < 0.5 ? 0 : 1), r_2: String(rnd() < 0.5 ? 0 : 1) };
          const r = counterfactualQuery(m, { targets: [Y, X], do: { [X]: "1" }, given });
          for (const p of r.probabilities) expect(p === 0 || p === 1).toBe(true);
          // The unit's noise in the middle of each root's cell reproduces the answer.
          const noise = new Map<string, number>(m.exogenous.map((u) => [u.name, 0.5]));
          noise.set("U_r 1", given["r 1"] === "1" ? 0.7 : 0.2);
          noise.set("U_r_2", given.r_2 === "1" ? 0.7 : 0.2);
          const cf = counterfactual(m, noise, { [X]: "1" });
          expect(r.probability({ [`${Y}_{${X}=1}`]: cf.get(Y) as number })).toBe(1);
        },
      ),
      { seed: 42, numRuns: 80 },
    );
  });
});
