import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { InvalidArgumentError, ParseError } from "../../src/errors.js";
import {
  concatTables,
  formatCsv,
  parseCsv,
  sample,
  sampleChunks,
  type Table,
  writeCsv,
  writeJsonl,
} from "../../src/sampling/index.js";
import { createScm } from "../../src/scm/index.js";

const model = createScm({
  variables: [
    {
      name: "a, b",
      domain: { type: "discrete", states: ["x,y", 'say "hi"', "multi\nline", "", "plain"] },
      mechanism: { type: "cpt", parents: [], table: [[0.2, 0.2, 0.2, 0.2, 0.2]] },
    },
    {
      name: "__proto__",
      domain: { type: "continuous" },
      mechanism: { type: "linear", parents: ["a, b"], coefficients: [1e-9], intercept: -3 },
    },
    {
      name: 'q"uote',
      domain: { type: "discrete", states: ["0", "1"] },
      mechanism: { type: "logistic", parents: ["__proto__"], coefficients: [1] },
    },
    {
      name: "zero",
      domain: { type: "continuous" },
      mechanism: { type: "constant", value: -0 },
    },
  ],
});

function expectSameTable(a: Table, b: Table): void {
  expect(b.n).toBe(a.n);
  expect(b.names).toEqual(a.names);
  expect(b.exogenousNames).toEqual(a.exogenousNames);
  for (const name of a.names) {
    const ca = a.column(name);
    const cb = b.column(name);
    expect(cb.kind).toBe(ca.kind);
    expect(Buffer.from(cb.values.buffer).equals(Buffer.from(ca.values.buffer)), name).toBe(true);
  }
  for (const name of a.exogenousNames) {
    expect(
      Buffer.from(b.exogenous(name).buffer).equals(Buffer.from(a.exogenous(name).buffer)),
    ).toBe(true);
  }
}

/** A writable that accepts only `highWaterMark` bytes before asking the writer to wait. */
class SlowSink extends Writable {
  readonly parts: string[] = [];
  drains = 0;
  constructor() {
    super({ highWaterMark: 64, decodeStrings: false });
    this.on("drain", () => this.drains++);
  }
  override _write(chunk: string | Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void) {
    this.parts.push(String(chunk));
    setImmediate(cb);
  }
}

describe("formatCsv / parseCsv", () => {
  it("quotes names and labels when needed, writes full-precision numbers and -0", () => {
    const t = sample(model, 200, { seed: 3 });
    const text = formatCsv(t);
    const lines = text.split("\n");
    expect(lines[0]).toBe('"a, b",__proto__,"q""uote",zero');
    const records = parse(text) as string[][];
    expect(records.length).toBe(201);
    const a = t.column("a, b");
    const p = t.column("__proto__");
    for (let i = 0; i < t.n; i++) {
      const r = records[i + 1] as string[];
      expect(r[0]).toBe(a.kind === "discrete" ? a.states[a.values[i] as number] : "");
      expect(Number(r[1])).toBe(p.values[i]);
      expect(r[3]).toBe("-0");
    }
    expect(text).toContain('"say ""hi"""');
    expect(text).toContain('""');
    expect(text.endsWith("\n")).toBe(true);
    expect(formatCsv(t, { header: false }).split("\n").length).toBe(text.split("\n").length - 1);
  });

  it("round-trips with the model (including the noise columns)", () => {
    for (const includeNoise of [false, true]) {
      const t = sample(model, 500, { seed: 4, includeNoise });
      const back = parseCsv(formatCsv(t), { model });
      expectSameTable(t, back);
      expect(Object.is(back.column("zero").values[0], -0)).toBe(true);
    }
    const empty = sample(model, 0);
    expectSameTable(empty, parseCsv(formatCsv(empty), { model }));
  });

  it("reads columns in any order and any subset, in model order", () => {
    const t = parseCsv('zero,"a, b"\r\n1.5,plain\r\n2,"x,y"\r\n', { model });
    expect(t.names).toEqual(["a, b", "zero"]);
    expect(Array.from(t.column("a, b").values)).toEqual([4, 0]);
    expect(Array.from(t.column("zero").values)).toEqual([1.5, 2]);
  });

  it("infers types without a model", () => {
    const t = parseCsv("x,label,mixed\n1,b,1\n-2.5e3,a,NaN\n.5,b,\n");
    expect(t.names).toEqual(["x", "label", "mixed"]);
    const x = t.column("x");
    const label = t.column("label");
    const mixed = t.column("mixed");
    expect(x.kind).toBe("continuous");
    expect(Array.from(x.values)).toEqual([1, -2500, 0.5]);
    expect(label.kind === "discrete" && label.states).toEqual(["b", "a"]);
    expect(Array.from(label.values)).toEqual([0, 1, 0]);
    expect(mixed.kind === "discrete" && mixed.states).toEqual(["1", "NaN", ""]);
    const none = parseCsv("only\n");
    expect(none.n).toBe(0);
    expect(none.column("only").kind).toBe("continuous");
  });

  function expectParseError(f: () => unknown, line: number, column: number): void {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      expect((e as ParseError).code).toBe("E_PARSE");
      expect((e as ParseError).format).toBe("csv");
      expect((e as ParseError).line).toBe(line);
      expect((e as ParseError).column).toBe(column);
      return;
    }
    throw new Error("expected a ParseError");
  }

  it("reports bad input with line and column", () => {
    expectParseError(() => parseCsv('"a, b",zero\nplain,1\nnope,2\n', { model }), 3, 1);
    expectParseError(() => parseCsv('zero,"a, b"\n1,plain\n1x,plain\n', { model }), 3, 1);
    expectParseError(() => parseCsv("zero\n1\nInfinity\n", { model }), 3, 1);
    expectParseError(() => parseCsv('"a, b",zero\n"multi\nline",1\nbad,2\n', { model }), 4, 1);
    expectParseError(() => parseCsv("zero,other\n1,2\n", { model }), 1, 2);
    expectParseError(() => parseCsv("zero,zero\n1,2\n"), 1, 2);
    expectParseError(() => parseCsv(",x\n1,2\n"), 1, 1);
    expectParseError(() => parseCsv(""), 1, 1);
    expectParseError(() => parseCsv("a,b\n1,2\n3\n"), 3, 1);
    expectParseError(() => parseCsv('a,b\n"x"y,2\n'), 2, 1);
    expect(() => parseCsv(3 as unknown as string)).toThrow(InvalidArgumentError);
  });
});

describe("writeCsv / writeJsonl (streaming)", () => {
  it("writes the same text as formatCsv, chunk by chunk, honouring backpressure", async () => {
    const one = sample(model, 5000, { seed: 6 });
    const sink = new SlowSink();
    await writeCsv(sampleChunks(model, 5000, { seed: 6, chunkSize: 777 }), sink);
    expect(sink.parts.join("")).toBe(formatCsv(one));
    expect(sink.drains).toBeGreaterThan(0);
  });

  it("accepts async iterables and writes a header for an empty sample", async () => {
    async function* gen(): AsyncGenerator<Table> {
      yield* sampleChunks(model, 0);
    }
    const sink = new SlowSink();
    await writeCsv(gen(), sink);
    expect(sink.parts.join("")).toBe('"a, b",__proto__,"q""uote",zero\n');
  });

  it("rejects chunks whose columns differ", async () => {
    const other = createScm({
      variables: [
        { name: "x", domain: { type: "continuous" }, mechanism: { type: "constant", value: 1 } },
      ],
    });
    const chunks = [sample(model, 2), sample(other, 2)];
    await expect(writeCsv(chunks, new SlowSink())).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(writeJsonl(chunks, new SlowSink())).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it("rejects when the stream fails", async () => {
    const failing = new Writable({
      highWaterMark: 16,
      write(_c, _e, cb) {
        setImmediate(() => cb(new Error("disk full")));
      },
    });
    failing.on("error", () => {});
    await expect(writeCsv(sampleChunks(model, 1000, { seed: 1 }), failing)).rejects.toThrow();
  });

  it("writeJsonl writes one JSON object per row, labels as strings, numbers exactly", async () => {
    const chunks = [...sampleChunks(model, 1000, { seed: 8, chunkSize: 300, includeNoise: true })];
    const t = concatTables(chunks);
    const sink = new SlowSink();
    await writeJsonl(chunks, sink);
    const lines = sink.parts.join("").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.length).toBe(1000);
    const a = t.column("a, b");
    const p = t.column("__proto__");
    const u = t.exogenous("U_a, b");
    for (const [i, line] of lines.entries()) {
      const rec = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(rec)).toEqual([
        "a, b",
        "__proto__",
        'q"uote',
        "zero",
        ...t.exogenousNames,
      ]);
      expect(Object.getOwnPropertyDescriptor(rec, "__proto__")?.value).toBe(p.values[i]);
      expect(rec["a, b"]).toBe(a.kind === "discrete" ? a.states[a.values[i] as number] : null);
      expect(rec["U_a, b"]).toBe(u[i]);
      expect(Object.is(Object.getOwnPropertyDescriptor(rec, "zero")?.value, -0)).toBe(true);
    }
  });
});
