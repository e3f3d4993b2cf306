import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // VITEST_INCLUDE narrows a mutation run to a few test files while working (see stryker.config.mjs).
    include: process.env.VITEST_INCLUDE ? process.env.VITEST_INCLUDE.split(",") : ["test/**/*.test.ts"],
    // A mutation run skips the suites that spawn the built server: Stryker cannot see into child processes, so they
    // would cost minutes per run and kill nothing (stryker.config.mjs sets HALO_MUTATION_RUN).
    exclude: [...configDefaults.exclude, ...(process.env.HALO_MUTATION_RUN ? ["test/e2e/**"] : [])],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
    restoreMocks: true,
    // The JSON report feeds .ci/run's plain "N passed, N failed" line (the Node 24 pass names its own file).
    reporters: ["default", ["json", { outputFile: process.env.VITEST_JSON_OUT ?? ".vitest-results.json" }]],
  },
});
