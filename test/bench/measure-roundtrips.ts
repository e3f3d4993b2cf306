/**
 * Measurement 3: Halo calls and wall time of the cross-class tools with simulated latency per Halo call,
 * each on a fresh server (cold cache), beside one Halo round trip through the same client. Two variants:
 * "session ready" (the server already holds gateway tokens, as after its first call or with raw tokens
 * configured) and "cold login" (the first call also turns the browser cookie into tokens).
 */
import { CLASSES_QUERY } from "../../src/queries/class-directory.js";
import { startRig } from "./rig.js";
import { median, round } from "./stats.js";

export const LATENCY_MS = 100;
const REPS = 3;

export interface RoundTripRow {
  tool: string;
  variant: "session ready" | "cold login";
  wallMs: number;
  roundTrips: number;
  haloCalls: number;
  dataCalls: number;
  calls: string[];
  currentClasses: number;
}

export interface RoundTripResults {
  latencyMs: number;
  oneRoundTripMs: number;
  rows: RoundTripRow[];
}

async function oneRoundTrip(): Promise<number> {
  const rig = await startRig({ latencyMs: LATENCY_MS });
  try {
    await rig.halo.api.session();
    const times: number[] = [];
    for (let i = 0; i < REPS; i++) {
      const t = performance.now();
      await rig.halo.api.query({ operationName: "GetCourseClassesForUser", query: CLASSES_QUERY, variables: { pgNum: 1, pgSize: 50 } });
      times.push(performance.now() - t);
    }
    return median(times);
  } finally {
    await rig.close();
  }
}

async function run(tool: string, variant: RoundTripRow["variant"], rtMs: number): Promise<RoundTripRow> {
  const walls: number[] = [];
  let last: Omit<RoundTripRow, "wallMs" | "roundTrips"> | undefined;
  for (let i = 0; i < REPS; i++) {
    const rig = await startRig({ latencyMs: LATENCY_MS });
    try {
      if (variant === "session ready") await rig.halo.api.session();
      rig.sandbox.resetStats();
      const t = performance.now();
      const r = await rig.call(tool, {});
      walls.push(performance.now() - t);
      if (r.isError) throw new Error(`${tool} failed: ${r.text.slice(0, 200)}`);
      const calls = [...rig.sandbox.stats.calls];
      const classes = await rig.context.classes.current();
      last = {
        tool, variant, haloCalls: calls.length,
        dataCalls: calls.filter((c) => c.service === "gateway" || c.service === "orchestration").length,
        calls: calls.map((c) => `${c.service}:${c.operationName ?? c.method + " " + c.path}`),
        currentClasses: classes.length,
      };
    } finally {
      await rig.close();
    }
  }
  const wallMs = median(walls);
  return { ...last!, wallMs: round(wallMs, 1), roundTrips: round(wallMs / rtMs, 2) };
}

export async function measureRoundTrips(): Promise<RoundTripResults> {
  const rt = await oneRoundTrip();
  const rows: RoundTripRow[] = [];
  for (const tool of ["whats_due", "grades_summary"]) {
    for (const variant of ["session ready", "cold login"] as const) rows.push(await run(tool, variant, rt));
  }
  return { latencyMs: LATENCY_MS, oneRoundTripMs: round(rt, 1), rows };
}
