import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bif } from "./_run.js";

// Runs the CLI from source as a separate process (for stdin and the batch protocol).
const root = fileURLToPath(new URL("../../", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));
const cli = (args: string[], input: string) =>
  spawnSync(process.execPath, [tsx, "--conditions=@causalkit/source", "src/cli/main.ts", ...args], {
    cwd: root,
    input,
    encoding: "utf8",
  });

describe("CLI as a process", () => {
  it("reads the model from stdin with -", () => {
    const r = cli(
      ["dsep", "-", "--x", "A", "--y", "C", "--given", "B", "--json"],
      "dag { A -> B -> C }",
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ separated: true });
  });

  it("batch: one response per line, in order; an error stays on its line", () => {
    const requests = [
      { id: 1, command: "query", model: bif("asia"), args: { target: "lung", do: "smoke=yes" } },
      { id: "two", command: "nope", model: bif("asia") },
      "this is not JSON",
      { id: 4, command: "dsep", model: bif("asia"), args: { x: ["tub"], y: "smoke" } },
      {
        id: 5,
        command: "adjust",
        model: bif("asia"),
        args: { treatment: "lung", outcome: "dysp" },
      },
      {
        id: 6,
        command: "effect",
        model: bif("asia"),
        args: { treatment: "smoke", outcome: "lung" },
      },
      { id: 7, command: "query", model: bif("asia"), args: { target: "nope" } },
    ];
    const input = requests.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");
    const r = cli(["batch"], `${input}\n`);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({
      id: 1,
      ok: true,
      targets: ["lung"],
      distribution: { yes: 0.1, no: 0.9 },
    });
    expect(lines[1]).toMatchObject({ id: "two", ok: false, error: { code: "E_INVALID_ARGUMENT" } });
    expect(lines[2]).toMatchObject({ id: null, ok: false });
    expect(lines[3]).toMatchObject({ id: 4, ok: true, separated: true });
    expect(lines[4]).toMatchObject({ id: 5, ok: true, sets: [["bronc"], ["smoke"]] });
    expect(lines[5].ate).toBeCloseTo(0.09, 15);
    expect(lines[6]).toMatchObject({ id: 7, ok: false, error: { code: "E_UNKNOWN_NODE" } });
  });

  it("batch: unknown options, a stdin model and bad ids fail on their line only", () => {
    const requests = [
      {
        id: "typo",
        command: "query",
        model: bif("asia"),
        args: { target: "lung", gven: "smoke=yes" },
      },
      { id: "dash", command: "query", model: "-", args: { target: "lung" } },
      { id: 14 },
      {
        id: "arrays",
        command: "dsep",
        model: bif("asia"),
        args: { x: ["tub"], y: ["smoke"], given: ["dysp"] },
      },
      {
        id: "rows",
        command: "sample",
        model: bif("asia"),
        args: { n: 3, seed: 1, do: { smoke: "no" } },
      },
      { id: "last", command: "query", model: bif("asia"), args: { targets: ["lung"] } },
    ];
    const r = cli(["batch"], `\uFEFF${requests.map((q) => JSON.stringify(q)).join("\n")}\n`);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.ok])).toEqual([
      ["typo", false],
      ["dash", false],
      [14, false],
      ["arrays", true],
      ["rows", true],
      ["last", true],
    ]);
    expect(lines[3]).toMatchObject({ separated: false });
    expect(lines[4].rows).toHaveLength(3);
    expect(lines[4].rows.every((row: Record<string, string>) => row["smoke"] === "no")).toBe(true);
  });
});
