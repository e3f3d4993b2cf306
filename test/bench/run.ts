/**
 * `npm run bench`: every measurement in one run, in a fixed order (the in-process ones first, while msw
 * may patch this process; the spawned-server ones after), then the report. A measurement that throws is
 * recorded and the rest still run; the exit code is non-zero only when a measurement failed, not when a
 * target is missed (targets are reported, never enforced).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spliceBetween } from "../../src/tools/table.js";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadNow, machine } from "./machine.js";
import { measureColdStart } from "./measure-coldstart.js";
import { measureLoad } from "./measure-load.js";
import { measureOverhead } from "./measure-overhead.js";
import { measureRoundTrips } from "./measure-roundtrips.js";
import { measureTokens } from "./measure-tokens.js";
import { measureToolsList } from "./measure-toolslist.js";
import { measureUpload } from "./measure-upload.js";
import { measureExtract } from "./measure-extract.js";
import { measureLimits } from "./measure-limits.js";
import { docPage, markdown, type Results } from "./report.js";
import { ENCODING } from "./tokenize.js";
import { setLogSink } from "../../src/log.js";

/** dist/test/bench/run.js → the repository root. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** Whole-run guard: a hung measurement must not hang CI. */
const RUN_LIMIT_MS = 8 * 60_000;

const say = (t: string) => void process.stderr.write(t + "\n");

type Steps = { [K in keyof Results]?: () => Promise<NonNullable<Results[K]>> };
const steps: Steps = {
  tokens: measureTokens,
  toolsList: measureToolsList,
  roundTrips: measureRoundTrips,
  overhead: measureOverhead,
  coldStart: measureColdStart,
  upload: measureUpload,
  extract: measureExtract,
  load: measureLoad,
  limits: measureLimits,
};

/** BENCH_ONLY=tokens,toolsList runs just those measurements and prints them, leaving the committed report alone. */
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim()).filter(Boolean);

async function main(): Promise<number> {
  const started = performance.now();
  const results: Results = { startedAt: new Date().toISOString(), durationSeconds: 0, machine: machine(), tokenizer: ENCODING, failures: [] };
  setLogSink(() => undefined); // the in-process server's own log lines are not bench output
  for (const [name, run] of Object.entries(steps) as Array<[keyof Results, () => Promise<unknown>]>) {
    if (only && !only.includes(name)) continue;
    const t = performance.now();
    say(`bench: ${name} …`);
    try {
      (results as unknown as Record<string, unknown>)[name] = await run();
      say(`bench: ${name} done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      results.failures.push({ measurement: name, error });
      say(`bench: ${name} FAILED: ${error}`);
    }
  }
  results.durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  results.machine.loadEnd = loadNow();

  if (only) {
    process.stdout.write(markdown(results) + "\n\n(BENCH_ONLY: bench/latest.json and README.md left unchanged.)\n");
    return results.failures.length ? 1 : 0;
  }
  mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  writeFileSync(path.join(ROOT, "bench", "latest.json"), JSON.stringify(results, null, 2) + "\n");
  const readme = path.join(ROOT, "README.md");
  writeFileSync(readme, spliceBetween(readFileSync(readme, "utf8"), "<!-- bench:start -->", "<!-- bench:end -->", docPage(results)));
  process.stdout.write(markdown(results) + "\n\nWrote bench/latest.json and README.md's Benchmarks section.\n");
  return results.failures.length ? 1 : 0;
}

const guard = setTimeout(() => {
  say(`bench: gave up after ${RUN_LIMIT_MS / 60_000} minutes`);
  process.exit(2);
}, RUN_LIMIT_MS);
guard.unref();

main().then(
  (code) => {
    // Spawned servers are closed by each measurement; exit without waiting for stray sockets.
    process.exit(code);
  },
  (e: unknown) => {
    say(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
