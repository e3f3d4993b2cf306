/**
 * Measurement 4: what the server adds to a call when Halo is not involved: a tool call answered from the
 * cache, over stdio and over HTTP, beside a bare MCP ping on the same connection (the transport's floor).
 * The spawned built server, the SDK client; the loop is bounded in count and time.
 */
import { setTimeout as delay } from "node:timers/promises";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { runTool } from "../../src/server/server.js";
import { allTools } from "../../src/tools/registry.js";
import { startRig } from "./rig.js";
import { connectStdio, startHttpServer, startLoopbackHalo } from "./spawn.js";
import { percentile, round, timed } from "./stats.js";

export const ITERATIONS = 300;
const BUDGET_MS = 20_000;
/** whats_due: the call a student makes most, with the heaviest rendering of the cached cross-class tools. */
export const CACHED_TOOL = { name: "whats_due", args: { days: 7 } };

export interface OverheadRow {
  transport: "in-process" | "stdio" | "http";
  iterations: number;
  pingP50: number;
  pingP99: number;
  callP50: number;
  callP99: number;
  /** Halo calls made during the timed loop (0 proves the calls were served from cache). */
  haloCallsDuringLoop: number;
  /** In-process only: the tool's own work (runTool: zod parse, handler, redaction) without any MCP layer. */
  handlerP50?: number;
  /** In-process only: a bare `await setTimeout(1)`; fastmcp 4.20 awaits one after every tool call. */
  timer1msP50?: number;
}

async function loop(client: Client, haloCalls: () => number, transport: OverheadRow["transport"]): Promise<OverheadRow> {
  const first = await client.callTool({ name: CACHED_TOOL.name, arguments: CACHED_TOOL.args });
  if (first.isError) throw new Error(`${CACHED_TOOL.name} failed: ${JSON.stringify(first.content).slice(0, 200)}`);
  await timed(30, 2000, async () => void (await client.ping())); // warm the JIT on both sides
  await timed(30, 2000, async () => void (await client.callTool({ name: CACHED_TOOL.name, arguments: CACHED_TOOL.args })));
  const pings = await timed(ITERATIONS, BUDGET_MS / 2, async () => void (await client.ping()));
  const before = haloCalls();
  const calls = await timed(ITERATIONS, BUDGET_MS / 2, async () => {
    const r = await client.callTool({ name: CACHED_TOOL.name, arguments: CACHED_TOOL.args });
    if (r.isError) throw new Error(`${CACHED_TOOL.name} failed during the loop`);
  });
  return {
    transport, iterations: calls.length,
    pingP50: round(percentile(pings, 50), 3), pingP99: round(percentile(pings, 99), 3),
    callP50: round(percentile(calls, 50), 3), callP99: round(percentile(calls, 99), 3),
    haloCallsDuringLoop: haloCalls() - before,
  };
}

/** The same call in this process over InMemoryTransport, and the handler alone, to split the time. */
async function inProcess(): Promise<OverheadRow> {
  const rig = await startRig();
  try {
    const row = await loop(rig.client, () => rig.sandbox.stats.calls.length, "in-process");
    const tool = allTools().find((t) => t.name === CACHED_TOOL.name);
    if (!tool) throw new Error(`no tool ${CACHED_TOOL.name}`);
    const handler = await timed(ITERATIONS, BUDGET_MS / 4, async () => void (await runTool(tool, CACHED_TOOL.args, rig.context)));
    const timer = await timed(100, 2000, () => delay(1));
    return { ...row, handlerP50: round(percentile(handler, 50), 3), timer1msP50: round(percentile(timer, 50), 3) };
  } finally {
    await rig.close();
  }
}

export async function measureOverhead(): Promise<OverheadRow[]> {
  const rows: OverheadRow[] = [await inProcess()];
  const halo = await startLoopbackHalo();
  const haloCalls = () => halo.sandbox.stats.calls.length;
  try {
    const stdio = await connectStdio(halo.env());
    try {
      rows.push(await loop(stdio.client, haloCalls, "stdio"));
    } finally {
      await stdio.close();
    }
    const http = await startHttpServer(halo.env());
    try {
      const client = await http.connect();
      try {
        rows.push(await loop(client, haloCalls, "http"));
      } finally {
        await client.close();
      }
    } finally {
      await http.close();
    }
  } finally {
    await halo.close();
  }
  return rows;
}
