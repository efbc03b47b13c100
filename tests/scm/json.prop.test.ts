import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doIntervention, shiftIntervention } from "../../src/interventions/index.js";
import { createScm, type Scm } from "../../src/scm/index.js";
import { formatScmJson, scmFromJson, scmJsonSchema, scmToJson } from "../../src/scm/json.js";
import { scmSpecArb } from "./arbitraries.js";

// An Ajv instance of the test's own, independent of the one scmFromJson uses.
const require = createRequire(import.meta.url);
const Ajv2020 = (require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js")).default;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
  structuredClone(scmJsonSchema),
);

/** The graph's nodes and edges, sorted (node order follows the spec order given to createScm). */
function graphText(m: Scm): string[][] {
  const g = m.graph;
  return [
    g.nodes().sort(),
    g
      .directedEdges()
      .map(([a, b]) => `${a} -> ${b}`)
      .sort(),
    g
      .bidirectedEdges()
      .map(([a, b]) => (a < b ? `${a} <-> ${b}` : `${b} <-> ${a}`))
      .sort(),
  ];
}

describe("SCM JSON round trip (property)", () => {
  it("scmFromJson(scmToJson(m)) rebuilds m, and the schema accepts every written document", () => {
    fc.assert(
      fc.property(scmSpecArb, (spec) => {
        const m = createScm(spec);
        const json = scmToJson(m);
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        expect(json.variables.map((v) => v.name)).toEqual(m.variableNames);

        const fromObject = scmFromJson(json);
        expect(fromObject.toSpec()).toEqual(m.toSpec());
        expect(fromObject.variableNames).toEqual(m.variableNames);
        expect(graphText(fromObject)).toEqual(graphText(m));

        const text = formatScmJson(m);
        expect(JSON.parse(text)).toEqual(json);
        expect(scmFromJson(text).toSpec()).toEqual(m.toSpec());
        expect(scmFromJson(JSON.stringify(json)).toSpec()).toEqual(m.toSpec());
        // Writing again gives the same document: the format is a fixed point.
        expect(scmToJson(fromObject)).toEqual(json);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("intervened models round-trip too (constant and composed shift mechanisms)", () => {
    fc.assert(
      fc.property(
        scmSpecArb,
        fc.nat(),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (spec, pick, d) => {
          const m = createScm(spec);
          const v = m.variables[pick % m.variables.length];
          if (!v) return;
          const delta = Object.is(d, -0) ? 0 : d;
          const intervened =
            v.domain.type === "continuous"
              ? shiftIntervention(shiftIntervention(m, [[v.name, delta]]), [[v.name, 1]])
              : doIntervention(m, [[v.name, 0]]);
          const json = scmToJson(intervened);
          expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
          expect(scmFromJson(formatScmJson(intervened)).toSpec()).toEqual(intervened.toSpec());
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});
