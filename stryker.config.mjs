// Mutation testing (npm run mutate; slow, so not part of npm test). Reports land in reports/mutation/ (ignored).
// While raising a score, narrow the run: MUTATE=format (folders or globs, comma-separated) keeps its own report
// and incremental file, and VITEST_INCLUDE=test/a.test.ts,test/b.test.ts runs only those tests.
const folders = ["halo", "config", "assistant", "shape", "format", "writes"];
const picked = process.env.MUTATE ? process.env.MUTATE.split(",") : folders;
const name = process.env.MUTATE ? process.env.MUTATE.replace(/[^\w]+/g, "-") : "all";
const dir = "reports/mutation";
// Inherited by Stryker's vitest workers: vitest.config.ts then leaves out test/e2e (spawned processes, no coverage).
process.env.HALO_MUTATION_RUN = "1";

export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.config.ts", related: true },
  mutate: [...picked.map((p) => (p.includes("/") ? p : `src/${p}/**/*.ts`)), "!src/**/types.ts"],
  // Two cores shared with other work: keep it light.
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 2),
  incremental: true,
  incrementalFile: `${dir}/${name}.incremental.json`,
  ignoreStatic: true,
  timeoutMS: 15_000,
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: `${dir}/${name}.html` },
  jsonReporter: { fileName: `${dir}/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: ".stryker-tmp",
};
