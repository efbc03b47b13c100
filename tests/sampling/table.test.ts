import { describe, expect, it } from "vitest";
import { InvalidArgumentError, UnknownNodeError } from "../../src/errors.js";
import { type Column, concatTables, sample, Table } from "../../src/sampling/index.js";
import { createScm } from "../../src/scm/index.js";

const columns = (): Column[] => [
  {
    name: "__proto__",
    kind: "discrete",
    states: ["a, b", 'say "hi"', "c"],
    values: Uint8Array.from([0, 1, 2, 1]),
  },
  { name: "my var", kind: "continuous", values: Float64Array.from([0.5, -1, 1e-7, 3]) },
];

describe("Table", () => {
  it("exposes n, names, columns, values and labels", () => {
    const t = new Table(4, columns(), new Map([["U x", Float64Array.from([0.1, 0.2, 0.3, 0.4])]]));
    expect(t.n).toBe(4);
    expect(t.names).toEqual(["__proto__", "my var"]);
    expect(t.exogenousNames).toEqual(["U x"]);
    expect(t.has("__proto__")).toBe(true);
    expect(t.has("toString")).toBe(false);
    const c = t.column("__proto__");
    expect(c.kind).toBe("discrete");
    expect(t.label("__proto__", 1)).toBe('say "hi"');
    expect(t.label("my var", 2)).toBe("1e-7");
    expect(t.value("__proto__", 2)).toBe(2);
    expect(t.value("my var", 3)).toBe(3);
    expect(Array.from(t.exogenous("U x"))).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.names)).toBe(true);
  });

  it("throws UnknownNodeError for unknown columns", () => {
    const t = new Table(4, columns());
    for (const f of [
      () => t.column("nope"),
      () => t.column("constructor"),
      () => t.exogenous("__proto__"),
      () => t.label("x", 0),
    ]) {
      expect(f).toThrow(UnknownNodeError);
    }
    try {
      t.column("toString");
    } catch (e) {
      expect((e as UnknownNodeError).code).toBe("E_UNKNOWN_NODE");
      expect((e as UnknownNodeError).node).toBe("toString");
    }
  });

  it("validates its input", () => {
    const bad: (() => unknown)[] = [
      () => new Table(-1, []),
      () => new Table(3, columns()),
      () => new Table(4, [...columns(), ...columns()]),
      () =>
        new Table(1, [
          { name: "d", kind: "discrete", states: ["x"], values: Uint8Array.from([1]) },
        ]),
      () =>
        new Table(1, [{ name: "r", kind: "continuous", values: Float64Array.from([Number.NaN]) }]),
      () => new Table(4, columns(), new Map([["my var", new Float64Array(4)]])),
      () =>
        new Table(1, [
          { name: "d", kind: "discrete", states: ["x"], values: new Float64Array(1) as never },
        ]),
      () => new Table(1, [{ name: "r", kind: "continuous", values: new Int32Array(1) as never }]),
      () => new Table(4, columns(), new Map([["u", new Float64Array(3)]])),
      () => new Table(4, columns()).label("my var", 4),
      () => new Table(4, columns()).value("my var", -1),
      () => new Table(4, columns()).toRecords(-1),
      () => new Table(4, columns()).slice(2, 1),
      () => new Table(4, columns()).slice(0, 5),
    ];
    for (const f of bad) {
      expect(f).toThrow(InvalidArgumentError);
    }
  });

  it("toRecords: labels for discrete columns, a `__proto__` column as an own property", () => {
    const t = new Table(4, columns());
    const recs = t.toRecords(2);
    expect(recs.length).toBe(2);
    expect(Object.getPrototypeOf(recs[0])).toBe(Object.prototype);
    expect(Object.keys(recs[0] ?? {})).toEqual(["__proto__", "my var"]);
    expect(Object.getOwnPropertyDescriptor(recs[0], "__proto__")?.value).toBe("a, b");
    expect(recs[1]?.["my var"]).toBe(-1);
    expect(t.toRecords().length).toBe(4);
    expect(t.toRecords(100).length).toBe(4);
  });

  it("slice copies a row range; concatTables joins tables", () => {
    const t = new Table(4, columns(), new Map([["u", Float64Array.from([1, 2, 3, 4])]]));
    const a = t.slice(0, 1);
    const b = t.slice(1);
    const e = t.slice(2, 2);
    expect(a.n).toBe(1);
    expect(b.n).toBe(3);
    expect(e.n).toBe(0);
    const joined = concatTables([a, e, b]);
    expect(joined.names).toEqual(t.names);
    for (const name of t.names) expect(joined.column(name).values).toEqual(t.column(name).values);
    expect(joined.exogenous("u")).toEqual(t.exogenous("u"));
    expect(joined.column("__proto__").values).toBeInstanceOf(Uint8Array);
    // slice copies
    expect(a.column("my var").values.buffer).not.toBe(t.column("my var").values.buffer);
  });

  it("concatTables rejects an empty list and tables with different columns", () => {
    const t = new Table(4, columns());
    expect(() => concatTables([])).toThrow(InvalidArgumentError);
    const other = new Table(1, [{ name: "x", kind: "continuous", values: new Float64Array(1) }]);
    expect(() => concatTables([t, other])).toThrow(InvalidArgumentError);
    const [first, second] = columns();
    if (first?.kind !== "discrete" || second === undefined) throw new Error("unexpected");
    const relabelled = new Table(4, [{ ...first, states: ["a, b", "x", "c"] }, second]);
    expect(() => concatTables([t, relabelled])).toThrow(InvalidArgumentError);
  });

  it("uses Int32Array for variables with more than 256 states", () => {
    const states = Array.from({ length: 300 }, (_, i) => `s${i}`);
    const model = createScm({
      variables: [
        {
          name: "big",
          domain: { type: "discrete", states },
          mechanism: { type: "cpt", parents: [], table: [states.map(() => 1 / 300)] },
        },
      ],
    });
    const t = sample(model, 20_000, { seed: 1 });
    const c = t.column("big");
    expect(c.values).toBeInstanceOf(Int32Array);
    const seen = new Set(c.values);
    expect(Math.max(...seen)).toBeGreaterThan(255);
  });
});
