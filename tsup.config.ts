import { defineConfig } from "tsup";

// One subpath export per module (see package.json "exports").
const modules = [
  "graph",
  "scm",
  "sampling",
  "interventions",
  "inference",
  "counterfactuals",
  "identification",
  "datasets",
  "io",
];

export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      errors: "src/errors.ts",
      ...Object.fromEntries(modules.map((m) => [`${m}/index`, `src/${m}/index.ts`])),
      // Not a subpath export: the file generateParallel starts its worker threads from.
      "datasets/generate-worker": "src/datasets/generate-worker.ts",
    },
    format: ["esm", "cjs"],
    // TypeScript 6: tsup injects the deprecated `baseUrl` into the dts build.
    dts: { compilerOptions: { ignoreDeprecations: "6.0" } },
    sourcemap: true,
    clean: true,
    target: "node20",
    // One shared chunk per format, so that error classes are identical across subpaths.
    splitting: true,
    treeshake: true,
    // `import.meta.url` in the CJS build (used to load mathjs lazily).
    shims: true,
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    banner: { js: "#!/usr/bin/env node" },
    target: "node20",
    sourcemap: true,
  },
]);
