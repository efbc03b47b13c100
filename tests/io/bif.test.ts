import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CausalKitError, CycleError, InvalidArgumentError, ParseError } from "../../src/errors.js";
import { formatBif, parseBif } from "../../src/io/bif.js";
import { createScm, type Scm } from "../../src/scm/scm.js";

const BIF_DIR = new URL("../../../shared/data/bif/", import.meta.url);

/**
 * Expected counts per file, copied from the table in /work/shared/data/bif/README.md
 * ("Files": nodes, arcs, parameters = Σ (states − 1) × parent configurations, max in-degree,
 * max states), which were checked there with pgmpy 0.1.23 `BIFReader(...).get_model()`.
 */
const README_TABLE: readonly (readonly [string, number, number, number, number, number])[] = [
  ["asia", 8, 8, 18, 2, 2],
  ["cancer", 5, 4, 10, 2, 2],
  ["earthquake", 5, 4, 10, 2, 2],
  ["survey", 6, 6, 21, 2, 3],
  ["sachs", 11, 17, 178, 3, 3],
  ["child", 20, 25, 230, 2, 6],
  ["insurance", 27, 52, 1008, 3, 5],
  ["water", 32, 66, 10083, 5, 4],
  ["mildew", 35, 46, 540150, 3, 100],
  ["alarm", 37, 46, 509, 4, 4],
  ["barley", 48, 84, 114005, 4, 67],
  ["hailfinder", 56, 66, 2656, 4, 11],
  ["hepar2", 70, 123, 1453, 6, 4],
  ["win95pts", 76, 112, 574, 7, 2],
  ["pathfinder", 109, 195, 72079, 5, 63],
  ["munin1", 186, 273, 15622, 3, 21],
  ["andes", 223, 338, 1157, 6, 2],
  ["diabetes", 413, 602, 429409, 2, 21],
  ["pigs", 441, 592, 5618, 2, 3],
  ["link", 724, 1125, 14211, 3, 4],
  ["munin2", 1003, 1244, 69431, 3, 21],
  ["munin4", 1038, 1388, 80352, 3, 21],
  ["munin", 1041, 1397, 80592, 3, 21],
  ["munin3", 1041, 1306, 71059, 3, 21],
];

const texts = new Map<string, string>();
const models = new Map<string, Scm>();
function fileText(name: string): string {
  let t = texts.get(name);
  if (t === undefined) {
    t = readFileSync(new URL(`${name}.bif`, BIF_DIR), "utf8");
    texts.set(name, t);
  }
  return t;
}
function fileModel(name: string): Scm {
  let m = models.get(name);
  if (m === undefined) {
    m = parseBif(fileText(name));
    models.set(name, m);
  }
  return m;
}

function cpt(
  m: Scm,
  name: string,
): { parents: readonly string[]; table: readonly (readonly number[])[] } {
  const mech = m.variable(name).mechanism;
  if (mech.type !== "cpt") throw new Error(`${name} has no CPT`);
  return mech;
}

function states(m: Scm, name: string): readonly string[] {
  const d = m.variable(name).domain;
  if (d.type !== "discrete") throw new Error(`${name} is not discrete`);
  return d.states;
}

/** Same variables (order, states, parents, noise) and bit-identical tables. */
function expectSameModel(actual: Scm, expected: Scm): void {
  expect(actual.variableNames).toEqual(expected.variableNames);
  // The order of created default noises follows the spec order, which a round trip changes
  // (file order, then topological order); the set is what must agree.
  const byName = (m: Scm) => [...m.exogenous].sort((a, b) => (a.name < b.name ? -1 : 1));
  expect(byName(actual)).toEqual(byName(expected));
  const mismatches: string[] = [];
  for (const e of expected.variables) {
    const a = actual.variable(e.name);
    expect(a.domain).toEqual(e.domain);
    expect(a.parents).toEqual(e.parents);
    expect(a.noise).toEqual(e.noise);
    const ta = cpt(actual, e.name).table;
    const te = cpt(expected, e.name).table;
    expect(ta.length).toBe(te.length);
    for (let r = 0; r < te.length; r++) {
      const ra = ta[r] as readonly number[];
      const re = te[r] as readonly number[];
      if (ra.length !== re.length) mismatches.push(`${e.name} row ${r}: length`);
      for (let s = 0; s < re.length && mismatches.length < 5; s++) {
        if (!Object.is(ra[s], re[s])) {
          mismatches.push(`${e.name}[${r}][${s}]: ${ra[s]} vs ${re[s]}`);
        }
      }
    }
  }
  expect(mismatches).toEqual([]);
}

/** Catches the error thrown by `f` (fails if none). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

function expectParseError(text: string, line: number, column: number): ParseError {
  const e = thrown(() => parseBif(text));
  expect(e).toBeInstanceOf(ParseError);
  const pe = e as ParseError;
  expect(pe.code).toBe("E_PARSE");
  expect(pe.format).toBe("bif");
  expect({ line: pe.line, column: pe.column }).toEqual({ line, column });
  return pe;
}

/**
 * An oracle independent of the parser: reads the one-entry-per-line layout of the repository
 * files with regular expressions and checks every number against the model.
 */
function checkAgainstFileLines(text: string, m: Scm): number {
  const lines = text.split("\n");
  const stateLists = new Map<string, string[]>();
  let checked = 0;
  let child = "";
  let parents: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    let g = /^variable (\S+) \{$/.exec(line);
    if (g) {
      const t = /^ {2}type discrete \[ (\d+) \] \{ (.*) \};$/.exec(lines[i + 1] as string);
      if (!t) throw new Error(`oracle: no type line after ${line}`);
      const list = (t[2] as string).split(", ");
      expect(list.length).toBe(Number(t[1]));
      stateLists.set(g[1] as string, list);
      continue;
    }
    g = /^probability \( (\S+)(?: \| (.*))? \) \{$/.exec(line);
    if (g) {
      child = g[1] as string;
      parents = g[2] === undefined ? [] : g[2].split(", ");
      expect(cpt(m, child).parents).toEqual(parents);
      continue;
    }
    const t = /^ {2}table (.*);$/.exec(line);
    const r = /^ {2}\((.*)\) (.*);$/.exec(line);
    if (!t && !r) continue;
    let row = 0;
    if (r) {
      const labels = (r[1] as string).split(", ");
      for (let j = 0; j < parents.length; j++) {
        const list = stateLists.get(parents[j] as string) as string[];
        row = row * list.length + list.indexOf(labels[j] as string);
      }
    }
    const values = ((t ? t[1] : (r as RegExpExecArray)[2]) as string).split(", ").map(Number);
    const got = cpt(m, child).table[row] as readonly number[];
    expect(got.length).toBe(values.length);
    for (let s = 0; s < values.length; s++) {
      if (!Object.is(got[s], values[s])) {
        throw new Error(`oracle: ${child} row ${row} state ${s}: ${got[s]} vs ${values[s]}`);
      }
      checked++;
    }
  }
  return checked;
}

describe("parseBif on the bnlearn repository files (/work/shared/data/bif)", () => {
  it.each(README_TABLE)(
    "%s.bif: nodes %i, arcs %i, parameters %i, max in-degree %i, max states %i",
    (name, nodes, arcs, parameters, maxInDegree, maxStates) => {
      const m = fileModel(name);
      let a = 0;
      let p = 0;
      let inDegree = 0;
      let k = 0;
      for (const v of m.variables) {
        const c = cpt(m, v.name);
        const n = states(m, v.name).length;
        a += c.parents.length;
        p += (n - 1) * c.table.length;
        inDegree = Math.max(inDegree, c.parents.length);
        k = Math.max(k, n);
      }
      expect([m.variables.length, a, p, inDegree, k]).toEqual([
        nodes,
        arcs,
        parameters,
        maxInDegree,
        maxStates,
      ]);
      expect(m.graph.bidirectedSize).toBe(0);
      expect(m.graph.directedSize).toBe(arcs);
    },
  );

  it.each(README_TABLE.map((r) => r[0]))(
    "%s.bif: every number equals the file's text (line-based regex oracle)",
    (name) => {
      const m = fileModel(name);
      const checked = checkAgainstFileLines(fileText(name), m);
      let params = 0;
      for (const v of m.variables) params += states(m, v.name).length * cpt(m, v.name).table.length;
      expect(checked).toBe(params);
    },
  );

  it.each(README_TABLE.map((r) => r[0]))(
    "%s.bif: parseBif(formatBif(m)) equals m exactly",
    (name) => {
      const m = fileModel(name);
      const text = formatBif(m, { name });
      expectSameModel(parseBif(text), m);
      // The pgmpy-friendly layout: a `{`-line per block, one entry per line.
      expect(text.startsWith(`network ${name} {\n}\n`)).toBe(true);
      expect(text.endsWith("}\n")).toBe(true);
    },
  );

  it("asia.bif: P(asia), P(tub | asia), P(dysp | bronc, either) as written in the file", () => {
    const m = fileModel("asia");
    expect(m.variableNames).toEqual([
      "asia",
      "tub",
      "smoke",
      "lung",
      "bronc",
      "either",
      "xray",
      "dysp",
    ]);
    expect(states(m, "either")).toEqual(["yes", "no"]);
    expect(cpt(m, "asia")).toMatchObject({ parents: [], table: [[0.01, 0.99]] });
    expect(cpt(m, "tub")).toMatchObject({
      parents: ["asia"],
      table: [
        [0.05, 0.95],
        [0.01, 0.99],
      ],
    });
    // The file lists (lung, tub) = (yes, yes), (no, yes), (yes, no), (no, no): first parent
    // fastest. The model's rows have the last parent fastest.
    expect(cpt(m, "either")).toMatchObject({
      parents: ["lung", "tub"],
      table: [
        [1, 0],
        [1, 0],
        [1, 0],
        [0, 1],
      ],
    });
    // "(yes, yes) 0.9, 0.1; (no, yes) 0.7, 0.3; (yes, no) 0.8, 0.2; (no, no) 0.1, 0.9;"
    expect(cpt(m, "dysp")).toMatchObject({
      parents: ["bronc", "either"],
      table: [
        [0.9, 0.1],
        [0.8, 0.2],
        [0.7, 0.3],
        [0.1, 0.9],
      ],
    });
    expect(m.exogenous.map((u) => u.name)).toContain("U_dysp");
    expect(m.exogenousVariable("U_dysp").distribution).toEqual({ type: "uniform", min: 0, max: 1 });
  });

  it("cancer.bif: values, and formatBif's exact text", () => {
    const m = fileModel("cancer");
    // "(low, True) 0.03, 0.97; (high, True) 0.05, 0.95; (low, False) 0.001, 0.999;
    //  (high, False) 0.02, 0.98;"
    expect(cpt(m, "Cancer")).toMatchObject({
      parents: ["Pollution", "Smoker"],
      table: [
        [0.03, 0.97],
        [0.001, 0.999],
        [0.05, 0.95],
        [0.02, 0.98],
      ],
    });
    expect(formatBif(m, { name: "cancer" })).toBe(
      [
        "network cancer {",
        "}",
        "variable Pollution {",
        "  type discrete [ 2 ] { low, high };",
        "}",
        "variable Smoker {",
        "  type discrete [ 2 ] { True, False };",
        "}",
        "variable Cancer {",
        "  type discrete [ 2 ] { True, False };",
        "}",
        "variable Xray {",
        "  type discrete [ 2 ] { positive, negative };",
        "}",
        "variable Dyspnoea {",
        "  type discrete [ 2 ] { True, False };",
        "}",
        "probability ( Pollution ) {",
        "  table 0.9, 0.1;",
        "}",
        "probability ( Smoker ) {",
        "  table 0.3, 0.7;",
        "}",
        "probability ( Cancer | Pollution, Smoker ) {",
        "  (low, True) 0.03, 0.97;",
        "  (low, False) 0.001, 0.999;",
        "  (high, True) 0.05, 0.95;",
        "  (high, False) 0.02, 0.98;",
        "}",
        "probability ( Xray | Cancer ) {",
        "  (True) 0.9, 0.1;",
        "  (False) 0.2, 0.8;",
        "}",
        "probability ( Dyspnoea | Cancer ) {",
        "  (True) 0.65, 0.35;",
        "  (False) 0.3, 0.7;",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("child.bif: state names with - + . / < > = _ are read as single labels", () => {
    const m = fileModel("child");
    expect(states(m, "LowerBodyO2")).toEqual(["<5", "5-12", "12+"]);
    expect(states(m, "CO2Report")).toEqual(["<7.5", ">=7.5"]);
    expect(states(m, "Age")).toEqual(["0-3_days", "4-10_days", "11-30_days"]);
    expect(states(m, "XrayReport")).toContain("Asy/Patchy");
    expect(states(m, "CardiacMixing")).toContain("Transp.");
  });
});

/**
 * The "dog-problem" network of JavaBayes, in the two layouts pgmpy's test suite reads as the
 * same model (pgmpy/pgmpy, `pgmpy/tests/test_readwrite/test_BIF.py`, `TestBIFReader.setUp` and
 * `test_get_values`): quoted names, `//` comments, properties, no commas, no `|`, and a
 * conditional `table` whose numbers run in header order with the child slowest.
 */
const DOG_PROBLEM = `// Bayesian Network in the Interchange Format
// Produced by BayesianNetworks package in JavaBayes
network "Dog-Problem" { //5 variables and 5 probability distributions
        property "credal-set constant-density-bounded 1.1" ;
}
variable  "light-on" { //2 values
        type discrete[2] {  "true"  "false" };
        property "position = (218, 195)" ;
}
variable  "bowel-problem" { //2 values
        type discrete[2] {  "true"  "false" };
        property "position = (335, 99)" ;
}
variable  "dog-out" { //2 values
        type discrete[2] {  "true"  "false" };
        property "position = (300, 195)" ;
}
variable  "hear-bark" { //2 values
        type discrete[2] {  "true"  "false" };
        property "position = (296, 268)" ;
}
variable  "family-out" { //2 values
        type discrete[2] {  "true"  "false" };
        property "position = (257, 99)" ;
}
probability (  "light-on"  "family-out" ) { //2 variable(s) and 4 values
        table 0.6 0.05 0.4 0.95 ;
}
probability (  "bowel-problem" ) { //1 variable(s) and 2 values
        table 0.01 0.99 ;
}
probability (  "dog-out"  "bowel-problem"  "family-out" ) { //3 variable(s) and 8 values
        table 0.99 0.97 0.9 0.3 0.01 0.03 0.1 0.7 ;
}
probability (  "hear-bark"  "dog-out" ) { //2 variable(s) and 4 values
        table 0.7 0.01 0.3 0.99 ;
}
probability (  "family-out" ) { //1 variable(s) and 2 values
        table 0.15 0.85 ;
}
`;

describe("parseBif: the other layouts of the specification", () => {
  it("reads the JavaBayes dog-problem with conditional `table`s (child varies slowest)", () => {
    const m = parseBif(DOG_PROBLEM);
    expect(m.variableNames).toEqual([
      "bowel-problem",
      "family-out",
      "light-on",
      "dog-out",
      "hear-bark",
    ]);
    // pgmpy test_get_values: light-on [[0.6, 0.05], [0.4, 0.95]] (rows = child states).
    expect(cpt(m, "light-on")).toMatchObject({
      parents: ["family-out"],
      table: [
        [0.6, 0.4],
        [0.05, 0.95],
      ],
    });
    // pgmpy: dog-out [[0.99, 0.97, 0.9, 0.3], [0.01, 0.03, 0.1, 0.7]], evidence
    // [bowel-problem, family-out], last evidence fastest. Charniak's dog problem:
    // P(dog-out | family-out, no bowel problem) = 0.9, P(dog-out | family home, bowel) = 0.97.
    expect(cpt(m, "dog-out")).toMatchObject({
      parents: ["bowel-problem", "family-out"],
      table: [
        [0.99, 0.01],
        [0.97, 0.03],
        [0.9, 0.1],
        [0.3, 0.7],
      ],
    });
    expect(cpt(m, "hear-bark").table).toEqual([
      [0.7, 0.3],
      [0.01, 0.99],
    ]);
    expect(cpt(m, "family-out").table).toEqual([[0.15, 0.85]]);
  });

  it("the dog-problem's `table` and row layouts give the same model", () => {
    const rows = DOG_PROBLEM.replace(
      "table 0.6 0.05 0.4 0.95 ;",
      "(true) 0.6 0.4 ;\n        (false) 0.05 0.95 ;",
    );
    expectSameModel(parseBif(rows), parseBif(DOG_PROBLEM));
  });

  it("a conditional `table` with 3 child states and parents of 2 and 3 states", () => {
    const head = `network t { }
variable A { type discrete [ 2 ] { a0, a1 }; }
variable B { type discrete [ 3 ] { b0, b1, b2 }; }
variable X { type discrete [ 3 ] { x0, x1, x2 }; }
probability ( A ) { table 0.5, 0.5; }
probability ( B ) { table 0.2, 0.3, 0.5; }
`;
    const table = parseBif(
      `${head}probability ( X | A, B ) {
  table 0.1, 0.2, 0.3, 0.4, 0.5, 0.6,
        0.2, 0.3, 0.3, 0.4, 0.1, 0.2,
        0.7, 0.5, 0.4, 0.2, 0.4, 0.2;
}`,
    );
    const expected = [
      [0.1, 0.2, 0.7], // (a0, b0)
      [0.2, 0.3, 0.5], // (a0, b1)
      [0.3, 0.3, 0.4], // (a0, b2)
      [0.4, 0.4, 0.2], // (a1, b0)
      [0.5, 0.1, 0.4], // (a1, b1)
      [0.6, 0.2, 0.2], // (a1, b2)
    ];
    expect(cpt(table, "X").table).toEqual(expected);
    const rows = parseBif(
      `${head}probability ( X | A, B ) {
  (a1, b2) 0.6, 0.2, 0.2;
  (a0, b0) 0.1, 0.2, 0.7;
  (a1, b0) 0.4, 0.4, 0.2;
  (a0, b2) 0.3, 0.3, 0.4;
  (a1, b1) 0.5, 0.1, 0.4;
  (a0, b1) 0.2, 0.3, 0.5;
}`,
    );
    expectSameModel(rows, table);
  });

  it("`default` fills every configuration no row gives, before or after the rows", () => {
    const text = (body: string): string => `network t { }
variable A { type discrete [ 2 ] { a0, a1 }; }
variable B { type discrete [ 2 ] { b0, b1 }; }
variable C { type discrete [ 2 ] { c0, c1 }; }
probability ( A ) { default 0.3, 0.7; }
probability ( B ) { table 0.5, 0.5; }
probability ( C | A, B ) {
${body}
}`;
    const expected = [
      [0.5, 0.5],
      [0.5, 0.5],
      [0.2, 0.8],
      [0.5, 0.5],
    ];
    const before = parseBif(text("  default 0.5, 0.5;\n  (a1, b0) 0.2, 0.8;"));
    const after = parseBif(text("  (a1, b0) 0.2, 0.8;\n  default 0.5, 0.5;"));
    expect(cpt(before, "C").table).toEqual(expected);
    expect(cpt(after, "C").table).toEqual(expected);
    expect(cpt(before, "A").table).toEqual([[0.3, 0.7]]);
    // A complete set of rows leaves the default unused.
    const full = parseBif(
      text(
        "  default 0.5, 0.5;\n  (a0, b0) 0.1, 0.9;\n  (a0, b1) 0.2, 0.8;\n  (a1, b0) 0.3, 0.7;\n  (a1, b1) 0.4, 0.6;",
      ),
    );
    expect(cpt(full, "C").table).toEqual([
      [0.1, 0.9],
      [0.2, 0.8],
      [0.3, 0.7],
      [0.4, 0.6],
    ]);
  });

  it("block comments, CRLF, properties, probability blocks before their variables", () => {
    const text = [
      "/* a network",
      '   with a block comment */ network "my net" {',
      '  property "version = 1; with ; inside quotes" ;',
      "  property author = someone ;",
      "}",
      'probability ( "my var" | X_1 ) { ("0") 0.25, 0.75; (1) .5, 5e-1; }',
      'variable X_1 { property position = (1, 2) ; type discrete [ 2 ] { "0", 1 }; }',
      'variable "my var" { type discrete [ 2 ] { "no", "yes, \\"really\\"" } }',
      "probability ( X_1 ) { table 1.0, 0; property note = x ; }",
      "",
    ].join("\r\n");
    const m = parseBif(text);
    expect(m.variableNames).toEqual(["X_1", "my var"]);
    expect(states(m, "X_1")).toEqual(["0", "1"]);
    expect(states(m, "my var")).toEqual(["no", 'yes, "really"']);
    expect(cpt(m, "my var").table).toEqual([
      [0.25, 0.75],
      [0.5, 0.5],
    ]);
    expect(cpt(m, "X_1").table).toEqual([[1, 0]]);
  });

  it("names a CPT's noise U_<name>, avoiding names taken by variables", () => {
    const m = parseBif(`network t { }
variable A { type discrete [ 2 ] { a0, a1 }; }
variable U_A { type discrete [ 2 ] { u0, u1 }; }
variable U_A_2 { type discrete [ 1 ] { only }; }
probability ( A ) { table 0.5, 0.5; }
probability ( U_A | A ) { (a0) 1, 0; (a1) 0, 1; }
probability ( U_A_2 ) { table 1; }`);
    expect(m.variable("A").noise).toEqual(["U_A_3"]);
    expect(m.variable("U_A").noise).toEqual(["U_U_A"]);
    expect(m.variable("U_A_2").noise).toEqual(["U_U_A_2"]);
    expect(m.exogenous.every((u) => u.distribution.type === "uniform")).toBe(true);
    expectSameModel(parseBif(formatBif(m)), m);
  });
});

describe("parseBif errors", () => {
  const lines = [
    "network t {", // 1
    "}", // 2
    "variable A {", // 3
    "  type discrete [ 2 ] { a0, a1 };", // 4
    "}", // 5
    "variable B {", // 6
    "  type discrete [ 2 ] { b0, b1 };", // 7
    "}", // 8
    "probability ( A ) {", // 9
    "  table 0.3, 0.7;", // 10
    "}", // 11
    "probability ( B | A ) {", // 12
    "  (a0) 0.1, 0.9;", // 13
    "  (a1) 0.4, 0.6;", // 14
    "}", // 15
  ];
  const withLine = (n: number, replacement: string | null): string => {
    const copy: (string | null)[] = [...lines];
    copy[n - 1] = replacement;
    return copy.filter((l) => l !== null).join("\n");
  };

  it("the base text parses", () => {
    expect(cpt(parseBif(lines.join("\n")), "B").table).toEqual([
      [0.1, 0.9],
      [0.4, 0.6],
    ]);
  });

  it("unknown state label in a row: at the label", () => {
    expectParseError(withLine(14, "  (a2) 0.4, 0.6;"), 14, 4);
  });

  it("too few probabilities: at the `;`", () => {
    expectParseError(withLine(14, "  (a1) 0.4;"), 14, 11);
    expectParseError(withLine(10, "  table 0.3;"), 10, 12);
  });

  it("too many probabilities: at the first extra number", () => {
    expectParseError(withLine(14, "  (a1) 0.4, 0.5, 0.1;"), 14, 18);
  });

  it("missing row: at the `probability` keyword", () => {
    const e = expectParseError(withLine(14, null), 12, 1);
    expect(e.message).toContain("(a1)");
    expectParseError(withLine(10, null), 9, 1);
  });

  it("unknown parent (or child) in a probability header: at the name", () => {
    expectParseError(withLine(12, "probability ( B | C ) {"), 12, 19);
    expectParseError(withLine(9, "probability ( Z ) {"), 9, 15);
  });

  it("duplicate variable: at the second declaration's name", () => {
    expectParseError(withLine(6, "variable A {"), 6, 10);
  });

  it("state count different from [ k ]: at k", () => {
    expectParseError(withLine(7, "  type discrete [ 3 ] { b0, b1 };"), 7, 19);
  });

  it("variable without a probability block: at its name", () => {
    const text = lines.slice(0, 11).join("\n");
    expectParseError(text, 6, 10);
  });

  it("garbage tokens: at the token", () => {
    expectParseError(withLine(10, "  tabel 0.3, 0.7;"), 10, 3);
    expectParseError(`${lines.join("\n")}\n  @@ junk`, 16, 3);
    expectParseError(withLine(13, "  (a0) 0.1, x;"), 13, 13);
    expectParseError(withLine(13, "  (a0) 0.1, 0x1;"), 13, 13);
    expectParseError(withLine(4, "  type continuous;"), 4, 8);
    expectParseError(withLine(4, "  type discrete [ two ] { a0, a1 };"), 4, 19);
  });

  it("more structure errors, each at its token", () => {
    // The same configuration twice: at the second row's "(".
    expectParseError(withLine(14, "  (a0) 0.4, 0.6;"), 14, 3);
    // Too many / too few parent states in a row.
    expectParseError(withLine(14, "  (a1, b0) 0.4, 0.6;"), 14, 8);
    expectParseError(withLine(14, "  () 0.4, 0.6;"), 14, 4);
    // A second probability block for A: at its child name.
    expectParseError(`${lines.join("\n")}\nprobability ( A ) { table 0.5, 0.5; }`, 16, 15);
    // A parent listed twice.
    expectParseError(withLine(12, "probability ( B | A, A ) {"), 12, 22);
    // A state listed twice.
    expectParseError(withLine(7, "  type discrete [ 2 ] { b0, b0 };"), 7, 29);
    // Unterminated comment and string: at their start.
    expectParseError(`${lines.join("\n")}\n/* never closed`, 16, 1);
    expectParseError(withLine(3, 'variable "A {'), 3, 10);
    // Unexpected end of input inside a block.
    expectParseError(lines.slice(0, 13).join("\n"), 13, 17);
  });

  it("empty input (no block at all) is an error; an empty network is a model", () => {
    expectParseError("", 1, 1);
    expectParseError("// only a comment\n  ", 2, 3);
    expect(parseBif("network empty { }").variables).toEqual([]);
  });

  it("a CPT too large to hold (2^26 entries or more): at the `probability` keyword", () => {
    const decl = Array.from(
      { length: 14 },
      (_, i) => `variable P${i} { type discrete [ 4 ] { s0, s1, s2, s3 }; }`,
    ).join("\n");
    const parents = Array.from({ length: 14 }, (_, i) => `P${i}`).join(", ");
    expectParseError(
      `${decl}\nprobability ( P0 | ${parents.slice(4)} ) { default 1, 0, 0, 0; }`,
      15,
      1,
    );
  });

  it("CRLF line endings count as one line break", () => {
    const text = withLine(14, "  (a2) 0.4, 0.6;").split("\n").join("\r\n");
    expectParseError(text, 14, 4);
  });

  it("row sums and ranges are ParseErrors at the row; a cycle comes from the model", () => {
    const sum = thrown(() => parseBif(withLine(14, "  (a1) 0.4, 0.5;")));
    expect(sum).toBeInstanceOf(ParseError);
    expect((sum as ParseError).code).toBe("E_PARSE");
    expect((sum as ParseError).line).toBe(14);
    const range = thrown(() => parseBif(withLine(14, "  (a1) -0.5, 1.5;")));
    expect((range as ParseError).line).toBe(14);
    const cyclic = thrown(() =>
      parseBif(
        withLine(9, "probability ( A | B ) {").replace(
          "  table 0.3, 0.7;",
          "  (b0) 0.3, 0.7;\n  (b1) 0.3, 0.7;",
        ),
      ),
    );
    expect(cyclic).toBeInstanceOf(CycleError);
    expect((cyclic as CycleError).code).toBe("E_CYCLE");
  });

  it("a non-string argument", () => {
    const e = thrown(() => parseBif(42 as unknown as string));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
  });
});

describe("formatBif", () => {
  const discrete = (...s: string[]) => ({ type: "discrete" as const, states: s });

  it("quotes names that are not plain BIF words and reads them back", () => {
    const m = createScm({
      variables: [
        {
          name: "my var",
          domain: discrete("", 'say "hi"', "back\\slash", "é"),
          mechanism: { type: "cpt", parents: [], table: [[0.1, 0.2, 0.3, 0.4]] },
        },
        {
          name: "X_1",
          domain: discrete("<5", ">=7.5", "a//b", "x;y"),
          mechanism: {
            type: "cpt",
            parents: ["my var"],
            table: [
              [1, 0, 0, 0],
              [0, 1, 0, 0],
              [0, 0, 1, 0],
              [0.1, 0.2, 0.3, 0.4],
            ],
          },
        },
        {
          name: "line\nbreak, {braces}",
          domain: discrete("0", "1"),
          mechanism: {
            type: "cpt",
            parents: ["X_1", "my var"],
            table: Array.from({ length: 16 }, (_, i) => [i / 16, 1 - i / 16]),
          },
        },
      ],
    });
    const text = formatBif(m, { name: "a net" });
    expect(text).toContain('network "a net" {');
    expect(text).toContain('variable "my var" {');
    expect(text).toContain('  type discrete [ 4 ] { "", "say \\"hi\\"", "back\\\\slash", "é" };');
    expect(text).toContain('  type discrete [ 4 ] { <5, >=7.5, "a//b", "x;y" };');
    expect(text).toContain('  (<5, "") 0, 1;');
    expectSameModel(parseBif(text), m);
  });

  it("writes shortest round-trip numbers, including tiny, long and -0 values", () => {
    const p = [0.1 + 0.2, 1e-300, -0, 5e-324];
    const last = 1 - (p[0] as number) - 1e-300;
    const m = createScm({
      variables: [
        {
          name: "A",
          domain: discrete("a", "b", "c", "d", "e"),
          mechanism: { type: "cpt", parents: [], table: [[...p, last]] },
        },
      ],
    });
    const text = formatBif(m);
    expect(text).toContain(`  table 0.30000000000000004, 1e-300, -0, 5e-324, ${String(last)};`);
    expectSameModel(parseBif(text), m);
  });

  it("rejects variables that are not discrete CPTs, naming the variable", () => {
    const m = createScm({
      variables: [
        {
          name: "D",
          domain: discrete("0", "1"),
          mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]] },
        },
        {
          name: "my y",
          domain: { type: "continuous" },
          mechanism: { type: "linear", parents: ["D"], coefficients: [1] },
        },
      ],
    });
    const e = thrown(() => formatBif(m));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).code).toBe("E_INVALID_ARGUMENT");
    expect((e as InvalidArgumentError).argument).toBe("my y");
    const logistic = createScm({
      variables: [
        {
          name: "L",
          domain: discrete("0", "1"),
          mechanism: { type: "logistic", parents: [], coefficients: [] },
        },
      ],
    });
    expect((thrown(() => formatBif(logistic)) as InvalidArgumentError).argument).toBe("L");
  });

  it("rejects CPTs sharing an exogenous variable (a latent confounder BIF cannot hold)", () => {
    const m = createScm({
      exogenous: [{ name: "U", distribution: { type: "uniform", min: 0, max: 1 } }],
      variables: [
        {
          name: "A",
          domain: discrete("0", "1"),
          mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]], noise: "U" },
        },
        {
          name: "B",
          domain: discrete("0", "1"),
          mechanism: { type: "cpt", parents: [], table: [[0.5, 0.5]], noise: "U" },
        },
      ],
    });
    const e = thrown(() => formatBif(m));
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect(e).toBeInstanceOf(CausalKitError);
    expect((e as InvalidArgumentError).argument).toBe("B");
  });

  it("rejects a non-string name option", () => {
    const m = fileModel("cancer");
    const e = thrown(() => formatBif(m, { name: 3 as unknown as string }));
    expect((e as InvalidArgumentError).argument).toBe("options.name");
  });
});

describe("probability rows are checked where they are written", () => {
  const header = `network n { }
variable A { type discrete [ 2 ] { yes, no }; }
variable B { type discrete [ 2 ] { yes, no }; }
probability ( A ) {
  table 0.5, 0.5;
}
`;
  const cases: [string, string, number, number][] = [
    [
      "a row that sums to 0.99",
      "probability ( B | A ) {\n  (yes) 0.5, 0.5;\n  (no) 0.01, 0.98;\n}\n",
      9,
      3,
    ],
    [
      "a negative probability",
      "probability ( B | A ) {\n  (yes) 1.5, -0.5;\n  (no) 0.5, 0.5;\n}\n",
      8,
      3,
    ],
    [
      "a bad default row",
      "probability ( B | A ) {\n  (yes) 0.5, 0.5;\n  default 0.2, 0.2;\n}\n",
      9,
      3,
    ],
    ["a bad table column", "probability ( B | A ) {\n  table 0.5, 0.5, 0.5, 0.6;\n}\n", 8, 3],
  ];
  it.each(cases)("%s is a ParseError at that row", (_what, block, line, column) => {
    const err = (() => {
      try {
        parseBif(header + block);
      } catch (e) {
        return e as ParseError;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ParseError);
    expect(err?.code).toBe("E_PARSE");
    expect([err?.line, err?.column]).toEqual([line, column]);
  });
});
