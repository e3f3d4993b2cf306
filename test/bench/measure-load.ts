/**
 * Measurement 7: HTTP under load. One spawned server in HTTP mode, SESSIONS clients connecting at once,
 * each making CALLS tool calls one after another over a mix of read tools (the first ones reach the
 * sandbox, the rest are served from the shared cache). Every failure counts: a thrown request or an
 * isError answer.
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { startHttpServer, startLoopbackHalo } from "./spawn.js";
import { percentile, round } from "./stats.js";

export const SESSIONS = 50;
export const CALLS = 20;
const MIX: Array<{ name: string; args: Record<string, unknown> }> = [
  { name: "whats_due", args: { days: 7 } },
  { name: "grades_summary", args: {} },
  { name: "list_classes", args: {} },
  { name: "inbox", args: {} },
  { name: "view_assignments", args: { class_ref: "CST-323" } },
];

export interface LoadResult {
  sessions: number;
  callsPerSession: number;
  calls: number;
  errors: number;
  firstErrors: string[];
  p50: number;
  p99: number;
  max: number;
  connectP50: number;
  connectP99: number;
  wallSeconds: number;
  callsPerSecond: number;
  haloCalls: number;
}

export async function measureLoad(): Promise<LoadResult> {
  const halo = await startLoopbackHalo();
  const server = await startHttpServer(halo.env());
  const latencies: number[] = [];
  const connects: number[] = [];
  const errors: string[] = [];
  const clients: Client[] = [];
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: SESSIONS }, async (_, s) => {
        let client: Client;
        const tc = performance.now();
        try {
          client = await server.connect();
          clients.push(client);
          connects.push(performance.now() - tc);
        } catch (e) {
          errors.push(`connect: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        for (let i = 0; i < CALLS; i++) {
          const call = MIX[(s + i) % MIX.length]!;
          const t = performance.now();
          try {
            const r = await client.callTool({ name: call.name, arguments: call.args });
            latencies.push(performance.now() - t);
            if (r.isError) errors.push(`${call.name}: ${JSON.stringify(r.content).slice(0, 160)}`);
          } catch (e) {
            latencies.push(performance.now() - t);
            errors.push(`${call.name}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    return {
      sessions: SESSIONS, callsPerSession: CALLS, calls: latencies.length, errors: errors.length, firstErrors: errors.slice(0, 3),
      p50: round(percentile(latencies, 50), 2), p99: round(percentile(latencies, 99), 2), max: round(Math.max(...latencies), 2),
      connectP50: round(percentile(connects, 50), 1), connectP99: round(percentile(connects, 99), 1),
      wallSeconds: round(wall, 2), callsPerSecond: round(latencies.length / wall, 0), haloCalls: halo.sandbox.stats.calls.length,
    };
  } finally {
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await server.close();
    await halo.close();
  }
}
