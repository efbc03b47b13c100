import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mediationFormula, naturalEffects } from "../../src/counterfactuals/index.js";
import { discreteMediation } from "./_models.js";

describe("mediation formula (property)", () => {
  it("mediation formula = counterfactual NDE / NIE when the graph licenses it (W adjusted)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const m = discreteMediation(seed, false);
        const f = mediationFormula(m, "X", "M", "Y", { covariates: ["W"] });
        for (const coupling of ["inverse-cdf", "independent"] as const) {
          const e = naturalEffects(m, "X", "M", "Y", { coupling });
          expect(f.nde).toBeCloseTo(e.nde.value, 12);
          expect(f.nie).toBeCloseTo(e.nie.value, 12);
          expect(f.te).toBeCloseTo(e.te.value, 12);
        }
      }),
      { seed: 42, numRuns: 25 },
    );
  });
});
