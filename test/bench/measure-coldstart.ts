/**
 * Measurement 5: cold start, from spawning the built server to the first `tools/list` answer (initialize
 * included, as a client experiences it), side by side in the same loop with spawning `node -e ''` to its
 * exit (the part that is Node's) and with the unbundled compiler output (dist/src/cli.js), so the bundle's
 * gain is measured under the same machine load. The bundle (dist/bin/cli.js) is what is published and run.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { CLI_PATH, connectStdio, startLoopbackHalo } from "./spawn.js";
import { median, round } from "./stats.js";

const REPS = 7;

export interface ColdStartResult {
  reps: number;
  serverMedianMs: number;
  serverMinMs: number;
  nodeMedianMs: number;
  /** The same, started from the unbundled compiler output (dist/src/cli.js). */
  unbundledMedianMs: number;
  /** Server median minus node's: what loading our code costs (target: at most 300 ms). */
  ownMs: number;
  unbundledOwnMs: number;
}

/** dist/bin/cli.js → dist/src/cli.js */
const UNBUNDLED = path.join(path.dirname(CLI_PATH), "..", "src", "cli.js");

function nodeRun(code: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", () => resolve(performance.now() - t));
  });
}

async function firstToolsList(env: Record<string, string>, cli: string): Promise<number> {
  const t = performance.now();
  const c = await connectStdio(env, cli);
  const list = await c.client.listTools();
  const ms = performance.now() - t;
  await c.close();
  if (!list.tools.length) throw new Error("tools/list came back empty");
  return ms;
}

export async function measureColdStart(): Promise<ColdStartResult> {
  const halo = await startLoopbackHalo();
  const server: number[] = [];
  const node: number[] = [];
  const unbundled: number[] = [];
  try {
    for (let i = 0; i < REPS; i++) {
      server.push(await firstToolsList(halo.env(), CLI_PATH));
      node.push(await nodeRun(""));
      unbundled.push(await firstToolsList(halo.env(), UNBUNDLED));
    }
  } finally {
    await halo.close();
  }
  const serverMedianMs = round(median(server), 1);
  const nodeMedianMs = round(median(node), 1);
  const unbundledMedianMs = round(median(unbundled), 1);
  return {
    reps: REPS, serverMedianMs, serverMinMs: round(Math.min(...server), 1), nodeMedianMs, unbundledMedianMs,
    ownMs: round(serverMedianMs - nodeMedianMs, 1), unbundledOwnMs: round(unbundledMedianMs - nodeMedianMs, 1),
  };
}
