// The estimand AST: constructors, plain-text and LaTeX formatting, simplification rules,
// evaluation semantics (conditionals, shadowing, undefined terms) and the two distribution
// implementations. Expected numbers are computed by hand from the small tables below.
import { describe, expect, it } from "vitest";
import { DimensionError, InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import {
  estimandEquals,
  evaluateEstimand,
  formatEstimand,
  formatEstimandLatex,
  freeVariables,
  frequencyDistribution,
  jointTableDistribution,
  probTerm,
  productTerm,
  ratioTerm,
  simplifyEstimand,
  sumTerm,
} from "../../src/identification/estimand.js";
import { expectError } from "../helpers/errors.js";
import { parseOracleEstimand } from "./_oracle-notation.js";

const P = probTerm;
const at = (entries: Record<string, number>): Map<string, number> =>
  new Map(Object.entries(entries));

// P(X, Y) with X, Y binary, last variable fastest: (0,0)=.1 (0,1)=.2 (1,0)=.3 (1,1)=.4.
const xy = (): ReturnType<typeof jointTableDistribution> =>
  jointTableDistribution(["X", "Y"], [2, 2], new Float64Array([0.1, 0.2, 0.3, 0.4]));

describe("constructors and free variables", () => {
  it("builds frozen terms and drops duplicates", () => {
    const p = P(["Y", "Y"], ["X"]);
    expect(p).toEqual({ kind: "prob", vars: ["Y"], given: ["X"] });
    expect(Object.isFrozen(p)).toBe(true);
    expect(P(["Y"], [], ["X"])).toEqual({ kind: "prob", vars: ["Y"], given: [], do: ["X"] });
    expect(sumTerm([], p)).toBe(p);
    expect(productTerm([p])).toBe(p);
    expect(ratioTerm(p, productTerm([]))).toBe(p);
  });

  it("rejects a variable in two roles", () => {
    expectError(() => P(["Y"], ["Y"]), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => P(["Y"], ["X"], ["X"]), InvalidArgumentError, "E_INVALID_ARGUMENT");
  });

  it("lists free variables, respecting sums", () => {
    const e = sumTerm(["Z"], productTerm([P(["Y"], ["X", "Z"]), P(["Z"])]));
    expect(freeVariables(e)).toEqual(["Y", "X"]);
    const shadow = productTerm([P(["X"]), sumTerm(["X"], P(["Y"], ["X"]))]);
    expect(freeVariables(shadow)).toEqual(["X", "Y"]);
  });

  it("compares structurally, with set semantics inside probability terms", () => {
    expect(estimandEquals(P(["A", "B"], ["C"]), P(["B", "A"], ["C"]))).toBe(true);
    expect(estimandEquals(P(["A"], ["C"]), P(["A"], ["B"]))).toBe(false);
    expect(estimandEquals(sumTerm(["A"], P(["A"])), P(["A"]))).toBe(false);
  });
});

describe("formatEstimand", () => {
  it("uses the oracle notation", () => {
    expect(formatEstimand(P(["Y"], ["X", "Z"]))).toBe("P(Y|X,Z)");
    expect(formatEstimand(P(["Y"], ["Z"], ["X"]))).toBe("P(Y|do(X),Z)");
    expect(formatEstimand(P(["Y"], [], ["X"]))).toBe("P(Y|do(X))");
    expect(formatEstimand(sumTerm(["A", "B"], P(["A", "B", "Y"])))).toBe("sum_{A,B} P(A,B,Y)");
    const backdoor = sumTerm(["Z"], productTerm([P(["Y"], ["X", "Z"]), P(["Z"])]));
    expect(formatEstimand(backdoor)).toBe("sum_{Z} [P(Y|X,Z) * P(Z)]");
    expect(formatEstimand(productTerm([backdoor, P(["W"])]))).toBe(
      "sum_{Z} [P(Y|X,Z) * P(Z)] * P(W)",
    );
    expect(formatEstimand(ratioTerm(P(["A", "B"]), P(["B"])))).toBe("[P(A,B)] / [P(B)]");
    expect(formatEstimand(productTerm([P(["A"]), ratioTerm(P(["B"]), P(["C"]))]))).toBe(
      "P(A) * [[P(B)] / [P(C)]]",
    );
    expect(formatEstimand(productTerm([]))).toBe("1");
    expect(formatEstimand(P(["my var"], ["X_1"]))).toBe("P(my var|X_1)");
  });

  it("round-trips through the oracle notation parser", () => {
    const e = productTerm([
      sumTerm(["Z"], productTerm([P(["Y"], ["X", "Z"]), P(["Z"])])),
      ratioTerm(sumTerm(["B"], P(["A", "B"])), productTerm([P(["C"]), P(["D"], ["C"])])),
      P(["Y"], ["W"], ["X"]),
    ]);
    expect(estimandEquals(parseOracleEstimand(formatEstimand(e)), e)).toBe(true);
  });
});

describe("formatEstimandLatex", () => {
  it("writes values in lower case and primes shadowing summation variables", () => {
    const frontDoor = sumTerm(
      ["M"],
      productTerm([P(["M"], ["X"]), sumTerm(["X"], productTerm([P(["Y"], ["X", "M"]), P(["X"])]))]),
    );
    expect(formatEstimandLatex(frontDoor)).toBe(
      "\\sum_{m} P(m \\mid x) \\sum_{x'} P(y \\mid x', m) P(x')",
    );
    const backdoor = sumTerm(["Z"], productTerm([P(["Y"], ["X", "Z"]), P(["Z"])]));
    expect(formatEstimandLatex(backdoor)).toBe("\\sum_{z} P(y \\mid x, z) P(z)");
  });

  it("names, do, products with sums, fractions", () => {
    expect(formatEstimandLatex(P(["Z1", "Z_2", "X_ab"]))).toBe("P(z_{1}, z_{2}, x_{ab})");
    expect(formatEstimandLatex(P(["my var", "50%", "a^b"]))).toBe(
      "P(\\text{my var}, \\text{50\\%}, \\text{a\\textasciicircum{}b})",
    );
    expect(formatEstimandLatex(P(["Y"], ["Z"], ["X"]))).toBe("P(y \\mid \\mathrm{do}(x), z)");
    const inner = sumTerm(["B"], P(["A", "B"]));
    expect(formatEstimandLatex(productTerm([inner, P(["C"])]))).toBe(
      "\\left(\\sum_{b} P(a, b)\\right) P(c)",
    );
    expect(formatEstimandLatex(productTerm([P(["C"]), inner]))).toBe("P(c) \\sum_{b} P(a, b)");
    expect(formatEstimandLatex(ratioTerm(P(["A"]), P(["B"])))).toBe("\\frac{P(a)}{P(b)}");
    // Doubly nested shadowing gets two primes.
    expect(
      formatEstimandLatex(productTerm([P(["X"]), sumTerm(["X"], sumTerm(["X"], P(["X"])))])),
    ).toBe("P(x) \\sum_{x'} \\sum_{x''} P(x'')");
  });
});

describe("simplifyEstimand", () => {
  const text = (e: Parameters<typeof formatEstimand>[0]): string =>
    formatEstimand(simplifyEstimand(e));

  it("telescopes chain-rule products", () => {
    expect(text(productTerm([P(["C"], ["A", "B"]), P(["B"], ["A"]), P(["A"])]))).toBe("P(A,B,C)");
    expect(text(productTerm([P(["Y"], ["X", "Z"]), P(["Z"], ["X"])]))).toBe("P(Z,Y|X)");
  });

  it("sums variables out of joints", () => {
    expect(text(sumTerm(["C"], P(["A", "B", "C"])))).toBe("P(A,B)");
    expect(text(sumTerm(["B"], P(["B"], ["A"])))).toBe("1");
    expect(text(sumTerm(["Z"], productTerm([P(["Y"], ["X", "Z"]), P(["Z"], ["X"])])))).toBe(
      "P(Y|X)",
    );
  });

  it("factors terms out of sums and keeps sums over absent variables", () => {
    expect(text(sumTerm(["B"], productTerm([P(["D"]), P(["B"], ["A"]), P(["C"], ["B"])])))).toBe(
      "P(D) * sum_{B} [P(B|A) * P(C|B)]",
    );
    // The chain rule applies first: P(A) P(B|A) = P(A,B).
    expect(text(sumTerm(["B"], productTerm([P(["A"]), P(["B"], ["A"]), P(["C"], ["B"])])))).toBe(
      "sum_{B} [P(A,B) * P(C|B)]",
    );
    expect(text(sumTerm(["B"], P(["A"])))).toBe("sum_{B} P(A)");
    const d = xy();
    expect(evaluateEstimand(sumTerm(["Y"], P(["X"])), d, at({ X: 1 }))).toBeCloseTo(1.4, 12);
  });

  it("simplifies ratios", () => {
    expect(text(ratioTerm(P(["A", "B"], ["C"]), P(["B"], ["C"])))).toBe("P(A|B,C)");
    expect(
      text(ratioTerm(productTerm([P(["D"]), P(["A"])]), productTerm([P(["B"]), P(["D"])]))),
    ).toBe("[P(A)] / [P(B)]");
    expect(text(ratioTerm(P(["A"]), P(["A"])))).toBe("1");
  });

  it("flattens products and merges nested sums", () => {
    const e = sumTerm(
      ["A"],
      sumTerm(["B"], productTerm([productTerm([P(["A"]), P(["B"])]), P(["C"])])),
    );
    expect(text(e)).toBe("P(C)");
    expect(text(sumTerm(["A"], sumTerm(["A"], P(["A"]))))).toBe("sum_{A} 1");
  });

  it("is idempotent and does not modify its input", () => {
    const e = sumTerm(["Z"], productTerm([P(["Y"], ["X", "Z"]), P(["Z"], ["X"])]));
    const copy = JSON.stringify(e);
    const s = simplifyEstimand(e);
    expect(JSON.stringify(e)).toBe(copy);
    expect(estimandEquals(simplifyEstimand(s), s)).toBe(true);
  });
});

describe("evaluateEstimand", () => {
  it("evaluates marginals, conditionals, sums, products and ratios", () => {
    const d = xy();
    expect(evaluateEstimand(P(["Y"]), d, at({ Y: 1 }))).toBeCloseTo(0.6, 15);
    expect(evaluateEstimand(P(["Y"], ["X"]), d, at({ X: 1, Y: 1 }))).toBeCloseTo(0.4 / 0.7, 15);
    expect(evaluateEstimand(sumTerm(["Y"], P(["X", "Y"])), d, at({ X: 0 }))).toBeCloseTo(0.3, 15);
    expect(
      evaluateEstimand(productTerm([P(["Y"], ["X"]), P(["X"])]), d, at({ X: 1, Y: 0 })),
    ).toBeCloseTo(0.3, 15);
    expect(evaluateEstimand(ratioTerm(P(["X", "Y"]), P(["X"])), d, at({ X: 0, Y: 0 }))).toBeCloseTo(
      1 / 3,
      15,
    );
    expect(evaluateEstimand(productTerm([]), d)).toBe(1);
  });

  it("lets summation variables shadow the assignment", () => {
    const d = xy();
    // Σ_x P(Y = 1 | x) P(x) = P(Y = 1), whatever X is assigned.
    const e = sumTerm(["X"], productTerm([P(["Y"], ["X"]), P(["X"])]));
    expect(evaluateEstimand(e, d, at({ X: 0, Y: 1 }))).toBeCloseTo(0.6, 15);
    expect(evaluateEstimand(e, d, at({ X: 1, Y: 1 }))).toBeCloseTo(0.6, 15);
    // The outer X is back after the sum: P(X = 1) * Σ_x P(x) = 0.7.
    const f = productTerm([P(["X"]), sumTerm(["X"], P(["X"]))]);
    expect(evaluateEstimand(f, d, at({ X: 1 }))).toBeCloseTo(0.7, 15);
  });

  it("throws on undefined conditionals but lets a zero factor excuse them", () => {
    // Z = 1 never occurs: P(Y | X, Z = 1) is undefined, P(Z = 1) = 0.
    const probs = new Float64Array(8);
    // Variables X, Y, Z (Z fastest); only Z = 0 cells are positive.
    probs[0] = 0.1;
    probs[2] = 0.2;
    probs[4] = 0.3;
    probs[6] = 0.4;
    const d = jointTableDistribution(["X", "Y", "Z"], [2, 2, 2], probs);
    const adjusted = sumTerm(["Z"], productTerm([P(["Y"], ["X", "Z"]), P(["Z"])]));
    expect(evaluateEstimand(adjusted, d, at({ X: 1, Y: 1 }))).toBeCloseTo(0.4 / 0.7, 15);
    expectError(
      () => evaluateEstimand(P(["Y"], ["X", "Z"]), d, at({ X: 1, Y: 1, Z: 1 })),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => evaluateEstimand(ratioTerm(P(["X"]), P(["Z"])), d, at({ X: 1, Z: 1 })),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });

  it("validates its inputs", () => {
    const d = xy();
    expectError(() => evaluateEstimand(P(["Y"]), d), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(
      () => evaluateEstimand(P(["W"]), d, at({ W: 0 })),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    expectError(
      () => evaluateEstimand(P(["Y"]), d, at({ Y: 0, Q: 1 })),
      UnknownNodeError,
      "E_UNKNOWN_NODE",
    );
    expectError(
      () => evaluateEstimand(P(["Y"]), d, at({ Y: 2 })),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => evaluateEstimand(P(["Y"]), d, at({ Y: 0.5 })),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => evaluateEstimand(P(["Y"], [], ["X"]), d, at({ X: 0, Y: 0 })),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    const bogus = { kind: "bogus" } as unknown as Parameters<typeof evaluateEstimand>[0];
    expectError(() => evaluateEstimand(bogus, d), InvalidArgumentError, "E_INVALID_ARGUMENT");
  });
});

describe("jointTableDistribution", () => {
  it("answers marginals, through probability and marginalAccessor", () => {
    const d = xy();
    expect(d.variables).toEqual(["X", "Y"]);
    expect(d.cardinality("Y")).toBe(2);
    expect(d.probability(new Map())).toBe(1);
    expect(d.probability(at({ X: 1 }))).toBeCloseTo(0.7, 15);
    expect(d.probability(at({ Y: 1, X: 0 }))).toBeCloseTo(0.2, 15);
    const access = d.marginalAccessor?.(["Y", "X"]);
    expect(access?.([1, 0])).toBeCloseTo(0.2, 15);
    expect(access?.([0, 1])).toBeCloseTo(0.3, 15);
  });

  it("copies its input", () => {
    const p = new Float64Array([0.25, 0.25, 0.25, 0.25]);
    const d = jointTableDistribution(["A", "B"], [2, 2], p);
    p[0] = 0.9;
    expect(d.probability(at({ A: 0, B: 0 }))).toBe(0.25);
  });

  it("validates its inputs", () => {
    expectError(
      () => jointTableDistribution(["A"], [2], new Float64Array(3)),
      DimensionError,
      "E_DIMENSION",
    );
    expectError(
      () => jointTableDistribution(["A", "B"], [2], new Float64Array(2)),
      DimensionError,
      "E_DIMENSION",
    );
    expectError(
      () => jointTableDistribution(["A"], [2], new Float64Array([1.5, -0.5])),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => jointTableDistribution(["A"], [2], new Float64Array([0.5, 0.4])),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => jointTableDistribution(["A", "A"], [1, 1], new Float64Array([1])),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => jointTableDistribution(["A"], [0], new Float64Array(0)),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    const d = xy();
    expectError(() => d.cardinality("Q"), UnknownNodeError, "E_UNKNOWN_NODE");
    expectError(() => d.probability(at({ X: 3 })), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => d.marginalAccessor?.(["X", "X"]), InvalidArgumentError, "E_INVALID_ARGUMENT");
    expectError(() => d.marginalAccessor?.(["X"])([0, 1]), DimensionError, "E_DIMENSION");
  });
});

describe("frequencyDistribution", () => {
  it("uses the sample frequencies (plug-in)", () => {
    const X = new Uint8Array([0, 0, 1, 1, 1, 9]);
    const Y = new Int32Array([0, 1, 1, 1, 0, 9]);
    const d = frequencyDistribution(["X", "Y"], [2, 2], [X, Y], 5);
    expect(d.probability(at({ X: 1 }))).toBeCloseTo(0.6, 15);
    expect(evaluateEstimand(P(["Y"], ["X"]), d, at({ X: 1, Y: 1 }))).toBeCloseTo(2 / 3, 15);
    expect(d.marginalAccessor?.(["Y", "X"])([0, 0])).toBeCloseTo(0.2, 15);
    // Identical to the joint table of the same frequencies.
    const t = jointTableDistribution(["X", "Y"], [2, 2], [0.2, 0.2, 0.2, 0.4]);
    for (const x of [0, 1]) {
      for (const y of [0, 1]) {
        expect(d.probability(at({ X: x, Y: y }))).toBeCloseTo(
          t.probability(at({ X: x, Y: y })),
          15,
        );
      }
    }
  });

  it("validates its inputs", () => {
    const col = new Int32Array([0, 1]);
    expectError(
      () => frequencyDistribution(["X", "Y"], [2, 2], [col], 2),
      DimensionError,
      "E_DIMENSION",
    );
    expectError(() => frequencyDistribution(["X"], [2], [col], 3), DimensionError, "E_DIMENSION");
    expectError(
      () => frequencyDistribution(["X"], [2], [col], 0),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
    expectError(
      () => frequencyDistribution(["X"], [2], [new Int32Array([0, 2])], 2),
      InvalidArgumentError,
      "E_INVALID_ARGUMENT",
    );
  });
});

describe("LaTeX symbols never collide", () => {
  it("Z and z print differently (both upright when lower-casing would merge them)", () => {
    const latex = formatEstimandLatex(sumTerm(["Z", "z"], probTerm(["Y"], ["X", "Z", "z"])));
    expect(latex).toBe("\\sum_{\\text{Z}, \\text{z}} P(y \\mid x, \\text{Z}, \\text{z})");
  });

  it("names that do not collide keep Pearl's lower-case convention", () => {
    expect(formatEstimandLatex(probTerm(["Y"], ["X_1"]))).toBe("P(y \\mid x_{1})");
  });
});
