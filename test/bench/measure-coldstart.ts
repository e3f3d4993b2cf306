/**
 * Measurement 5: cold start, from spawning the built server to the first `tools/list` answer (initialize
 * included, as a client experiences it), beside spawning `node -e ''` to its exit: the part that is Node's.
 */
import { spawn } from "node:child_process";
import { connectStdio, startLoopbackHalo } from "./spawn.js";
import { median, round } from "./stats.js";

const REPS = 7;

export interface ColdStartResult {
  reps: number;
  serverMedianMs: number;
  serverMinMs: number;
  nodeMedianMs: number;
  /** Server median minus node's: what loading our code costs. */
  ownMs: number;
}

function nodeBare(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", () => resolve(performance.now() - t));
  });
}

export async function measureColdStart(): Promise<ColdStartResult> {
  const halo = await startLoopbackHalo();
  const server: number[] = [];
  const node: number[] = [];
  try {
    for (let i = 0; i < REPS; i++) {
      const t = performance.now();
      const c = await connectStdio(halo.env());
      const list = await c.client.listTools();
      server.push(performance.now() - t);
      await c.close();
      if (!list.tools.length) throw new Error("tools/list came back empty");
      node.push(await nodeBare());
    }
  } finally {
    await halo.close();
  }
  const serverMedianMs = round(median(server), 1);
  const nodeMedianMs = round(median(node), 1);
  return { reps: REPS, serverMedianMs, serverMinMs: round(Math.min(...server), 1), nodeMedianMs, ownMs: round(serverMedianMs - nodeMedianMs, 1) };
}
