import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";

// The README's quickstart is a test: its first ```ts block runs as written, and every
// `console.log(...); // → value` line must print `value` (compared as JSON when it parses).
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
const dir = fileURLToPath(new URL("./.readme/", import.meta.url));

describe("README quickstart", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has a TypeScript block with expected outputs", () => {
    expect(block).toContain('from "causalkit"');
    expect(block.match(/\/\/ → /g)?.length ?? 0).toBeGreaterThanOrEqual(4);
  });

  it("prints what the comments say", async () => {
    const expected = block
      .split("\n")
      .filter((line) => line.includes("console.log(") && line.includes("// → "))
      .map((line) => line.slice(line.indexOf("// → ") + 5).trim());
    const source = block.replaceAll('from "causalkit"', 'from "../../src/index.js"');
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}quickstart.ts`, source);
    const printed: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => JSON.stringify(a)).join(" "));
    });
    try {
      await import(`${dir}quickstart.ts`);
    } finally {
      spy.mockRestore();
    }
    const normalise = (s: string): string => {
      const parts = s.match(/^(\S+)\s+(.*)$/);
      try {
        return JSON.stringify(JSON.parse(s));
      } catch {
        // "10000 ["Z","X","Y"]": several logged values separated by a space.
        return parts ? `${normalise(parts[1] as string)} ${normalise(parts[2] as string)}` : s;
      }
    };
    expect(printed.map(normalise)).toEqual(expected.map(normalise));
  });
});
