import fc from "fast-check";
import type {
  ExogenousVariable,
  Mechanism,
  NoiseDistribution,
  ScmSpec,
  VariableSpec,
} from "../../src/scm/index.js";

/** Names usable in expressions (mathjs symbols). */
const SYMBOL_NAMES = ["V0", "X_1", "Y", "Zed", "w2"];
/** Names expressions cannot refer to. */
const OTHER_NAMES = ["my var", "Ünïcode ✓", "__proto__", "constructor", "a,b=c"];

/** A finite double without −0 (JSON writes −0 as 0). */
const num = (min = -1e3, max = 1e3): fc.Arbitrary<number> =>
  fc
    .double({ min, max, noNaN: true, noDefaultInfinity: true })
    .map((x) => (Object.is(x, -0) ? 0 : x));
const positive = (max = 1e3): fc.Arbitrary<number> =>
  fc.double({ min: 1e-3, max, noNaN: true, noDefaultInfinity: true });
/** A simple coefficient with a short decimal form, for expression strings. */
const simple = fc.integer({ min: -40, max: 40 }).map((k) => k / 4);

/** Probabilities from positive integer weights (row sums within 1e-15 of 1). */
const probabilities = (k: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: k, maxLength: k }).map((w) => {
    const weights = w.every((x) => x === 0) ? w.map((_, i) => (i === 0 ? 1 : 0)) : w;
    const sum = weights.reduce((a, b) => a + b, 0);
    return weights.map((x) => x / sum);
  });

/** Any noise distribution with valid parameters. */
export const noiseArb: fc.Arbitrary<NoiseDistribution> = fc.oneof(
  fc.record({ type: fc.constant("normal" as const), mean: num(), sd: positive() }),
  fc
    .record({ min: num(), width: positive() })
    .map(({ min, width }) => ({ type: "uniform" as const, min, max: min + width })),
  fc.record({
    type: fc.constant("bernoulli" as const),
    p: fc.double({ min: 0, max: 1, noNaN: true }).map((p) => (Object.is(p, -0) ? 0 : p)),
  }),
  fc
    .integer({ min: 1, max: 4 })
    .chain(probabilities)
    .map((probs) => ({ type: "categorical" as const, probs })),
  fc.record({ type: fc.constant("exponential" as const), rate: positive() }),
  fc.record({ type: fc.constant("laplace" as const), location: num(), scale: positive() }),
  fc.record({
    type: fc.constant("studentT" as const),
    df: positive(50),
    location: num(),
    scale: positive(),
  }),
);

/**
 * A random valid SCM spec with 1–6 variables mixing every serialisable mechanism kind (CPT,
 * linear, logistic, expression, constant, shift), declared exogenous variables of every
 * distribution (some shared, so the graph gets bidirected edges), optional fields left out at
 * random, and the variables listed in a shuffled (not topological) order.
 *
 * Not shrunk: shrinking through `fc.gen()` explores hundreds of thousands of candidates here;
 * a failure reports the generated model as is (≤ 6 variables).
 */
export const scmSpecArb: fc.Arbitrary<ScmSpec> = fc.noShrink(
  fc.gen().map((g) => {
    const n = g(fc.integer, { min: 1, max: 6 });
    const pool = [...SYMBOL_NAMES, ...OTHER_NAMES];
    const names = g(fc.shuffledSubarray<string>, pool, { minLength: n, maxLength: n });
    const k = g(fc.integer, { min: 0, max: 3 });
    const exogenous: ExogenousVariable[] = [];
    for (let j = 0; j < k; j++) exogenous.push({ name: `E${j}`, distribution: g(() => noiseArb) });
    // A shared uniform(0, 1) for CPT / logistic mechanisms.
    exogenous.push({ name: "U shared", distribution: { type: "uniform", min: 0, max: 1 } });
    const maybeNoise = (names: string[]): string | undefined =>
      g(fc.boolean) ? undefined : g(fc.constantFrom, ...names);
    const symbolNoise = exogenous.filter((u) => /^E\d$/.test(u.name)).map((u) => u.name);

    const variables: VariableSpec[] = [];
    const states = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const name = names[i] as string;
      const earlier = names.slice(0, i);
      const pick = (from: string[], max: number): string[] =>
        from.length === 0
          ? []
          : g(fc.subarray<string>, from, { maxLength: Math.min(max, from.length) });
      if (g(fc.boolean)) {
        const count = g(fc.integer, { min: 2, max: 3 });
        states.set(name, count);
        const domain = {
          type: "discrete" as const,
          states: g(
            fc.constantFrom,
            ["no", "yes", "maybe"],
            ["0", "1", "2"],
            ["a b", "ü", "__proto__"],
          ).slice(0, count),
        };
        const kind = g(fc.constantFrom, "cpt", "logistic", "constant");
        let mechanism: Mechanism;
        if (kind === "constant") {
          mechanism = { type: "constant", value: g(fc.integer, { min: 0, max: count - 1 }) };
        } else if (kind === "logistic" && count === 2) {
          const parents = pick(earlier, 3);
          const noise = maybeNoise(["U shared"]);
          const intercept = g(fc.boolean) ? g(() => num(-5, 5)) : undefined;
          mechanism = {
            type: "logistic",
            parents,
            coefficients: parents.map(() => g(() => num(-5, 5))),
            ...(intercept === undefined ? {} : { intercept }),
            ...(noise === undefined ? {} : { noise }),
          };
        } else {
          const parents = pick(
            earlier.filter((p) => states.has(p)),
            2,
          );
          let rows = 1;
          for (const p of parents) rows *= states.get(p) ?? 0;
          const table: number[][] = [];
          for (let r = 0; r < rows; r++) table.push(g(() => probabilities(count)));
          const noise = maybeNoise(["U shared"]);
          mechanism = { type: "cpt", parents, table, ...(noise === undefined ? {} : { noise }) };
        }
        variables.push({ name, domain, mechanism });
      } else {
        const base = (): Mechanism => {
          if (g(fc.boolean)) {
            const parents = pick(earlier, 3);
            const noise = maybeNoise([...symbolNoise, "U shared"]);
            const intercept = g(fc.boolean) ? g(() => num()) : undefined;
            return {
              type: "linear",
              parents,
              coefficients: parents.map(() => g(() => num())),
              ...(intercept === undefined ? {} : { intercept }),
              ...(noise === undefined ? {} : { noise }),
            };
          }
          const parents = pick(
            earlier.filter((p) => SYMBOL_NAMES.includes(p)),
            3,
          );
          const terms = [String(g(() => simple))];
          for (const p of parents) terms.push(`(${g(() => simple)})*${p}`);
          if (symbolNoise.length > 0 && g(fc.boolean)) {
            terms.push(g(fc.constantFrom, ...symbolNoise));
          }
          if (g(fc.boolean)) terms.push("sqrt(abs(1 + 0.5*sin(pi/4)))");
          return { type: "expression", expression: terms.join(" + ") };
        };
        const kind = g(fc.constantFrom, "base", "constant", "shift");
        const mechanism: Mechanism =
          kind === "constant"
            ? { type: "constant", value: g(() => num()) }
            : kind === "shift"
              ? { type: "shift", base: base(), delta: g(() => num()) }
              : base();
        variables.push({ name, domain: { type: "continuous" }, mechanism });
      }
    }
    const shuffled = g(fc.shuffledSubarray<VariableSpec>, variables, {
      minLength: variables.length,
      maxLength: variables.length,
    });
    return { variables: shuffled, exogenous };
  }),
);
