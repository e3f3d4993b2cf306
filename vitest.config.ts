import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // VITEST_INCLUDE narrows a mutation run to a few test files while working (see stryker.config.mjs).
    include: process.env.VITEST_INCLUDE ? process.env.VITEST_INCLUDE.split(",") : ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    restoreMocks: true,
    // The JSON report feeds .ci/run's plain "N passed, N failed" line (the Node 24 pass names its own file).
    reporters: ["default", ["json", { outputFile: process.env.VITEST_JSON_OUT ?? ".vitest-results.json" }]],
  },
});
