/**
 * Measurement 5: cold start, from spawning the built server to the first `tools/list` answer (initialize
 * included, as a client experiences it), beside spawning `node -e ''` to its exit (the part that is Node's)
 * and a process that only imports the server's code (dist/src/cli/serve.js) and exits (module loading).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CLI_PATH, connectStdio, startLoopbackHalo } from "./spawn.js";
import { median, round } from "./stats.js";

const REPS = 7;

export interface ColdStartResult {
  reps: number;
  serverMedianMs: number;
  serverMinMs: number;
  nodeMedianMs: number;
  /** Spawn → exit of a process that imports the whole server module graph and does nothing else. */
  importMedianMs: number;
  /** Server median minus node's: what loading our code costs. */
  ownMs: number;
}

const SERVE_URL = pathToFileURL(path.join(path.dirname(CLI_PATH), "cli", "serve.js")).href;

function nodeRun(code: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
    child.once("error", reject);
    child.once("exit", () => resolve(performance.now() - t));
  });
}

export async function measureColdStart(): Promise<ColdStartResult> {
  const halo = await startLoopbackHalo();
  const server: number[] = [];
  const node: number[] = [];
  const imports: number[] = [];
  try {
    for (let i = 0; i < REPS; i++) {
      const t = performance.now();
      const c = await connectStdio(halo.env());
      const list = await c.client.listTools();
      server.push(performance.now() - t);
      await c.close();
      if (!list.tools.length) throw new Error("tools/list came back empty");
      node.push(await nodeRun(""));
      imports.push(await nodeRun(`import(${JSON.stringify(SERVE_URL)}).then(() => process.exit(0))`));
    }
  } finally {
    await halo.close();
  }
  const serverMedianMs = round(median(server), 1);
  const nodeMedianMs = round(median(node), 1);
  return {
    reps: REPS, serverMedianMs, serverMinMs: round(Math.min(...server), 1), nodeMedianMs,
    importMedianMs: round(median(imports), 1), ownMs: round(serverMedianMs - nodeMedianMs, 1),
  };
}
