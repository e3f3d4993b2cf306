import { createHash } from "node:crypto";
// Mutation testing (npm run mutate; slow, so not part of npm test). Reports land in reports/mutation/ (ignored).
// While raising a score, narrow the run: MUTATE=format (folders or globs, comma-separated) keeps its own report
// and incremental file, and VITEST_INCLUDE=test/a.test.ts,test/b.test.ts runs only those tests.
const folders = ["halo", "config", "assistant", "shape", "format", "writes"];
const picked = process.env.MUTATE ? process.env.MUTATE.split(",") : folders;
// A long file list would make an over-long report name (ENAMETOOLONG loses the report): shorten it with a hash.
const slug = process.env.MUTATE ? process.env.MUTATE.replace(/[^\w]+/g, "-") : "all";
const name = slug.length <= 80 ? slug : `${slug.slice(0, 60)}-${createHash("sha256").update(slug).digest("hex").slice(0, 8)}`;
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
