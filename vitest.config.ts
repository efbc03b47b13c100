import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@causalkit/source"] },
  ssr: { resolve: { conditions: ["@causalkit/source"] } },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    typecheck: { enabled: true, include: ["tests/**/*.test-d.ts"] },
    coverage: { provider: "v8", include: ["src/**"] },
  },
});
