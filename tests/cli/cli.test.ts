import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bif, runCli } from "./_run.js";

const dir = mkdtempSync(join(tmpdir(), "causalkit-cli-"));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// The trap graph of the identification issue, with awkward names: the only valid set is {A, B}.
const trap = file(
  "trap.dagitty",
  'dag { "my A" -> "X 1" ; "my A" -> B ; B -> "X 1" ; C -> B ; C -> Y ; "X 1" -> Y ; C [latent] }',
);
const mBias = file(
  "m-bias.json",
  JSON.stringify({
    nodes: ["A", "B", "M", "X", "Y"],
    directed: [
      ["A", "M"],
      ["A", "X"],
      ["B", "M"],
      ["B", "Y"],
      ["X", "Y"],
    ],
    bidirected: [],
  }),
);

describe("causalkit dsep", () => {
  it("prints {separated} as JSON", async () => {
    const r = await runCli(["dsep", bif("asia"), "--x", "tub", "--y", "smoke", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ separated: true });
    const r2 = await runCli([
      "dsep",
      bif("asia"),
      "--x",
      "tub",
      "--y",
      "smoke",
      "--given",
      "dysp",
      "--json",
    ]);
    expect(JSON.parse(r2.stdout)).toMatchObject({ separated: false });
  });

  it("reads a JSON graph", async () => {
    const r = await runCli(["dsep", mBias, "--x", "X", "--y", "Y", "--given", "M", "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({ separated: false });
  });
});

describe("causalkit adjust", () => {
  it("lists all minimal sets, each sorted; latent nodes never appear", async () => {
    const r = await runCli(["adjust", trap, "--treatment", "X 1", "--outcome", "Y", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).sets).toEqual([["B", "my A"]]);
  });

  it("[[]] when the empty set suffices, [] when no set exists", async () => {
    const r = await runCli(["adjust", mBias, "--treatment", "X", "--outcome", "Y", "--json"]);
    expect(JSON.parse(r.stdout).sets[0]).toEqual([]);
    const none = file("none.dagitty", "dag { X -> Y ; X <-> Y }");
    const r2 = await runCli(["adjust", none, "--treatment", "X", "--outcome", "Y", "--json"]);
    expect(JSON.parse(r2.stdout).sets).toEqual([]);
  });

  it('--check "" checks the empty set', async () => {
    const ok = await runCli([
      "adjust",
      mBias,
      "--treatment",
      "X",
      "--outcome",
      "Y",
      "--check",
      "",
      "--json",
    ]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true });
    const bad = await runCli([
      "adjust",
      mBias,
      "--treatment",
      "X",
      "--outcome",
      "Y",
      "--check",
      "M",
      "--json",
    ]);
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false });
  });

  it("takes exposure and outcome from the model file", async () => {
    const g = file(
      "roles.dagitty",
      "dag { Z -> X ; Z -> Y ; X -> Y ; X [exposure] ; Y [outcome] }",
    );
    const r = await runCli(["adjust", g, "--json"]);
    expect(JSON.parse(r.stdout).sets).toEqual([["Z"]]);
  });
});

describe("causalkit graph", () => {
  it("prints dagitty, DOT and JSON that read back to the same graph", async () => {
    const json = JSON.parse((await runCli(["graph", bif("cancer"), "--format", "json"])).stdout);
    expect(json.directed).toEqual([
      ["Pollution", "Cancer"],
      ["Smoker", "Cancer"],
      ["Cancer", "Xray"],
      ["Cancer", "Dyspnoea"],
    ]);
    for (const format of ["dot", "dagitty"] as const) {
      const text = (await runCli(["graph", bif("cancer"), "--format", format])).stdout;
      const back = file(`cancer.${format}`, text);
      const again = JSON.parse((await runCli(["graph", back, "--format", "json"])).stdout);
      expect(again).toEqual(json);
    }
  });
});

describe("causalkit sample", () => {
  it("same seed, same rows; --do fixes the variable; JSONL has labels", async () => {
    const a = await runCli(["sample", bif("asia"), "-n", "50", "--seed", "7"]);
    const b = await runCli(["sample", bif("asia"), "-n", "50", "--seed", "7", "--chunk-size", "3"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout.trim().split("\n");
    expect(lines[0]).toBe("asia,tub,smoke,lung,bronc,either,xray,dysp");
    expect(lines).toHaveLength(51);
    const d = await runCli([
      "sample",
      bif("asia"),
      "-n",
      "20",
      "--do",
      "smoke=no",
      "--format",
      "jsonl",
    ]);
    const rows = d.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(20);
    expect(rows.every((r) => r.smoke === "no")).toBe(true);
  });

  it("writes to a file with -o", async () => {
    const out = join(dir, "rows.csv");
    const r = await runCli(["sample", bif("cancer"), "-n", "5", "-o", out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(6);
  });
});

describe("causalkit query and effect", () => {
  it("lists every state, zero-probability ones included", async () => {
    const r = await runCli([
      "query",
      bif("asia"),
      "--target",
      "either",
      "--do",
      "lung=yes",
      "--json",
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      targets: ["either"],
      distribution: { yes: 1, no: 0 },
    });
  });

  it("answers the sprinkler trap: P(W | do(S), R) is the CPT entry", async () => {
    const sprinkler = file(
      "sprinkler.bif",
      `network unknown { }
variable C { type discrete [ 2 ] { t, f }; }
variable S { type discrete [ 2 ] { t, f }; }
variable R { type discrete [ 2 ] { t, f }; }
variable W { type discrete [ 2 ] { t, f }; }
probability ( C ) { table 0.5, 0.5; }
probability ( S | C ) { (t) 0.1, 0.9; (f) 0.5, 0.5; }
probability ( R | C ) { (t) 0.8, 0.2; (f) 0.2, 0.8; }
probability ( W | S, R ) { (t, t) 0.99, 0.01; (t, f) 0.9, 0.1; (f, t) 0.9, 0.1; (f, f) 0.01, 0.99; }
`,
    );
    const r = await runCli([
      "query",
      sprinkler,
      "--target",
      "W",
      "--do",
      "S=t",
      "--given",
      "R=f",
      "--json",
    ]);
    expect(JSON.parse(r.stdout).distribution).toEqual({ t: 0.9, f: 0.1 });
  });

  it("gives a joint table for several targets", async () => {
    const r = await runCli(["query", bif("cancer"), "--target", "Xray,Dyspnoea", "--json"]);
    const json = JSON.parse(r.stdout);
    expect(json.targets).toEqual(["Xray", "Dyspnoea"]);
    expect(json.joint).toHaveLength(4);
  });

  it("prints {ate} for a binary treatment and outcome", async () => {
    const r = await runCli([
      "effect",
      bif("asia"),
      "--treatment",
      "smoke",
      "--outcome",
      "lung",
      "--json",
    ]);
    const json = JSON.parse(r.stdout);
    // P(lung=yes | do(smoke=yes)) − P(lung=yes | do(smoke=no)) = 0.1 − 0.01 (CPT of asia.bif).
    expect(json.ate).toBeCloseTo(0.09, 15);
    expect(json).toMatchObject({ treated: "yes", control: "no" });
  });
});

describe("bad input", () => {
  it.each([
    [["dsep", join(dir, "missing.bif"), "--x", "a", "--y", "b"], "E_INVALID_ARGUMENT"],
    [["dsep", bif("asia"), "--x", "nope", "--y", "smoke"], "E_UNKNOWN_NODE"],
    [
      ["query", bif("asia"), "--target", "lung", "--given", "either=no,lung=yes"],
      "E_INVALID_ARGUMENT",
    ],
    [["graph", file("bad.dagitty", "dag {\n  A -> \n}"), "--format", "json"], "E_PARSE"],
    [["sample", trap, "-n", "3"], "E_INVALID_ARGUMENT"],
  ])("%j prints one line and exits 1", async (args, code) => {
    const r = await runCli(args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`[${code}]`);
  });

  it("usage errors exit 2", async () => {
    const r = await runCli(["dsep", bif("asia"), "--x", "tub"]);
    expect(r.code).toBe(2);
  });
});

describe("adjust honours dagitty roles", () => {
  it("[adjusted] nodes are in every set", async () => {
    const g = file(
      "adjusted.dagitty",
      "dag { Z -> X ; Z -> Y ; X -> Y ; W -> X ; W -> Z ; X [exposure] ; Y [outcome] ; W [adjusted] }",
    );
    const r = await runCli(["adjust", g, "--json"]);
    expect(JSON.parse(r.stdout).sets).toEqual([["W", "Z"]]);
  });
});

describe("causalkit identify", () => {
  it("prints the contract's keys", async () => {
    const g = file(
      "frontdoor.dagitty",
      "dag { X -> M -> Y ; X <-> Y ; X [exposure] ; Y [outcome] }",
    );
    const r = await runCli(["identify", g, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      identifiable: true,
      strategy: "frontdoor",
      adjustmentSets: [],
      frontdoorSets: [["M"]],
      instruments: [],
      hedge: null,
    });
  });

  it("not identifiable: strategy none, a hedge, the instrument", async () => {
    const g = file("bow.dagitty", "dag { Z -> X -> Y ; X <-> Y }");
    const r = await runCli(["identify", g, "--treatment", "X", "--outcome", "Y", "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      identifiable: false,
      strategy: "none",
      estimand: null,
      instruments: [{ instrument: "Z", given: [] }],
      hedge: { f: ["X", "Y"], fPrime: ["Y"] },
    });
  });
});

describe("causalkit counterfactual and effect --kind", () => {
  // Deterministic model: Y := X. For a unit with X = 1, Y = 1, had X been 0, Y would be 0.
  const copy = file(
    "copy.bif",
    `network n { }
variable X { type discrete [ 2 ] { 0, 1 }; }
variable Y { type discrete [ 2 ] { 0, 1 }; }
probability ( X ) { table 0.3, 0.7; }
probability ( Y | X ) { (0) 1, 0; (1) 0, 1; }
`,
  );

  it("prints {distribution} for the counterfactual target", async () => {
    const r = await runCli([
      "counterfactual",
      copy,
      "--given",
      "X=1,Y=1",
      "--do",
      "X=0",
      "--target",
      "Y",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).distribution).toEqual({ "0": 1, "1": 0 });
  });

  it("--kind pns/pn/ps of a deterministic copy are 1", async () => {
    for (const kind of ["pns", "pn", "ps"]) {
      const r = await runCli([
        "effect",
        copy,
        "--treatment",
        "X",
        "--outcome",
        "Y",
        "--kind",
        kind,
        "--json",
      ]);
      expect(JSON.parse(r.stdout)[kind]).toBe(1);
    }
  });
});

describe("counterfactual of a fully observed additive-noise unit", () => {
  it("is exact by abduction (no sampling)", async () => {
    const scm = file(
      "additive.json",
      JSON.stringify({
        format: "causalkit-scm",
        version: 1,
        variables: [
          {
            name: "Z",
            domain: { type: "continuous" },
            mechanism: { type: "linear", parents: [], coefficients: [] },
          },
          {
            name: "X",
            domain: { type: "continuous" },
            mechanism: { type: "expression", expression: "exp(Z) + U_X" },
          },
          {
            name: "Y",
            domain: { type: "continuous" },
            mechanism: { type: "expression", expression: "sin(X) + 2*Z + U_Y" },
          },
        ],
        exogenous: [
          { name: "U_X", distribution: { type: "normal", mean: 0, sd: 1 } },
          { name: "U_Y", distribution: { type: "normal", mean: 0, sd: 1 } },
        ],
      }),
    );
    const r = await runCli([
      "counterfactual",
      scm,
      "--given",
      "Z=0.3,X=1.5,Y=2",
      "--do",
      "X=0",
      "--target",
      "Y",
      "--json",
    ]);
    const json = JSON.parse(r.stdout);
    // U_Y = 2 − sin(1.5) − 0.6; Y_{X=0} = sin(0) + 0.6 + U_Y.
    expect(json.mean).toBeCloseTo(2 - Math.sin(1.5), 12);
    expect(json).toMatchObject({ variance: 0, exact: true, method: "abduction" });
  });
});
