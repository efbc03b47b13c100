// `npm run bench`: runs every benchmark script in this folder in turn and prints figures and
// ratios. Benchmarks are never part of `npm test` (no timing assertions in tests).
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of scripts) {
  console.log(`\n### ${file}`);
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== "function") throw new Error(`bench/${file} does not export run()`);
  await mod.run();
}
