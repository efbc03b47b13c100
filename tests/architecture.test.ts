import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Module dependency rule (docs: CONVENTIONS.md §2): errors ← graph ← scm ← sampling ←
// interventions; inference uses graph and scm (and sampling + interventions for Monte Carlo); identification only graph; io graph and scm;
// cli everything.
const allowed: Record<string, readonly string[]> = {
  graph: ["errors"],
  scm: ["errors", "graph"],
  sampling: ["errors", "graph", "scm"],
  interventions: ["errors", "graph", "scm", "sampling"],
  inference: ["errors", "graph", "scm", "sampling", "interventions"],
  identification: ["errors", "graph"],
  io: ["errors", "graph", "scm"],
  counterfactuals: ["errors", "graph", "scm", "sampling", "interventions", "inference"],
  datasets: [
    "errors",
    "graph",
    "scm",
    "sampling",
    "interventions",
    "inference",
    "identification",
    "counterfactuals",
    "io",
  ],
  cli: [
    "errors",
    "graph",
    "scm",
    "sampling",
    "interventions",
    "inference",
    "identification",
    "counterfactuals",
    "datasets",
    "io",
  ],
};

const src = fileURLToPath(new URL("../src/", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [
    ...text.matchAll(
      /(?:import|export)[^"']*?from\s+["']([^"']+)["']|require\(["']([^"']+)["']\)|import\(["']([^"']+)["']\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

describe("architecture", () => {
  const files = filesUnder(src);

  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("modules import only the modules they may depend on", () => {
    const violations: string[] = [];
    for (const file of files) {
      const rel = relative(src, file).split(/[\\/]/);
      if (rel.length < 2) continue;
      const module = rel[0] as string;
      const ok = allowed[module];
      if (!ok) {
        violations.push(`${relative(src, file)}: module "${module}" has no dependency rule`);
        continue;
      }
      for (const spec of importsOf(file)) {
        if (!spec.startsWith(".") || spec.endsWith("package.json")) continue;
        const target = relative(src, join(file, "..", spec)).split(/[\\/]/)[0] ?? "";
        const targetModule = target.replace(/\.js$/, "");
        if (targetModule !== module && !ok.includes(targetModule)) {
          violations.push(`${relative(src, file)} imports ${spec} (module ${targetModule})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it("only scm/expression.ts loads mathjs (importing it costs seconds)", () => {
    const users = files
      .filter((f) => /["']mathjs["']/.test(readFileSync(f, "utf8")))
      .map((f) => relative(src, f).replaceAll("\\", "/"));
    expect(users).toEqual(["scm/expression.ts"]);
  });

  it("mathjs is loaded lazily, never by a static value import", () => {
    const text = readFileSync(join(src, "scm/expression.ts"), "utf8");
    expect(text).not.toMatch(/^import\s+(?!type\b)[^;]*from\s+["']mathjs["']/m);
  });
});
