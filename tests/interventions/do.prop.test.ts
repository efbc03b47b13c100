import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doIntervention } from "../../src/interventions/index.js";
import { createScm } from "../../src/scm/index.js";
import { scmSpecArb } from "../scm/arbitraries.js";

const edgeKey = ([a, b]: [string, string]): string => JSON.stringify([a, b]);
const pairKey = ([a, b]: [string, string]): string => JSON.stringify(a < b ? [a, b] : [b, a]);

describe("doIntervention (property)", () => {
  it("cuts exactly the incoming and bidirected edges of the intervened set", () => {
    fc.assert(
      fc.property(scmSpecArb, fc.array(fc.nat()), fc.nat(), (spec, picks, seedValue) => {
        const m = createScm(spec);
        const before = JSON.stringify(m.toSpec());
        const names = m.variableNames;
        const chosen = [...new Set(picks.map((i) => names[i % names.length] as string))];
        const values = new Map<string, string | number>();
        for (const name of chosen) {
          const d = m.variable(name).domain;
          values.set(
            name,
            d.type === "discrete"
              ? (d.states[seedValue % d.states.length] as string)
              : (seedValue % 7) - 3.5,
          );
        }
        const out = doIntervention(m, values);
        const cut = new Set(chosen);

        const expectedDirected = m.graph
          .directedEdges()
          .filter(([, b]) => !cut.has(b))
          .map(edgeKey)
          .sort();
        expect(out.graph.directedEdges().map(edgeKey).sort()).toEqual(expectedDirected);
        const expectedBidirected = m.graph
          .bidirectedEdges()
          .filter(([a, b]) => !cut.has(a) && !cut.has(b))
          .map(pairKey)
          .sort();
        expect(out.graph.bidirectedEdges().map(pairKey).sort()).toEqual(expectedBidirected);

        for (const name of names) {
          const mech = out.variable(name).mechanism;
          if (cut.has(name)) {
            const d = m.variable(name).domain;
            const value = values.get(name);
            expect(mech).toEqual({
              type: "constant",
              value: d.type === "discrete" ? d.states.indexOf(value as string) : value,
            });
          } else {
            expect(mech).toEqual(m.variable(name).mechanism);
          }
        }
        expect(out.exogenous).toEqual(m.exogenous);
        expect(JSON.stringify(m.toSpec())).toBe(before);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
