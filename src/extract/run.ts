/**
 * Runs one extraction in a fresh worker thread under a time limit and a heap limit. The main thread never
 * loads a parser: a file that hangs or balloons costs a terminated worker, not the server.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { log } from "../log.js";
import { Semaphore } from "../halo/semaphore.js";
import type { ExtractLimits, ExtractRequest, WorkerReply } from "./types.js";

/** Two at once on a small machine: each worker may use up to heapMb. */
const slots = new Semaphore(2);

/** Built code runs worker.js beside this file; from TypeScript sources (tests) the worker goes through tsx. */
function spawn(req: ExtractRequest, limits: ExtractLimits): Worker {
  const options = {
    workerData: req,
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    // Libraries may print; the worker's stdout must never reach the protocol channel.
    stdout: true,
    stderr: true,
  };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker.js", import.meta.url), options);
  const tsxDir = path.dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
  const api = pathToFileURL(path.join(tsxDir, "dist/esm/api/index.mjs")).href;
  const target = new URL("./worker.ts", import.meta.url).href;
  return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`, { ...options, eval: true });
}

/** `signal`: the tool call was cancelled, so the worker is stopped at once rather than left to finish. */
export function extractInWorker(req: Omit<ExtractRequest, "limits">, limits: ExtractLimits, signal?: AbortSignal): Promise<WorkerReply> {
  return slots.run(() => once({ ...req, limits }, limits, signal));
}

function once(req: ExtractRequest, limits: ExtractLimits, signal: AbortSignal | undefined): Promise<WorkerReply> {
  const cancelled: WorkerReply = { ok: false, failure: { code: "cancelled", message: "The call was cancelled." } };
  if (signal?.aborted) return Promise.resolve(cancelled);
  return new Promise((resolve) => {
    const worker = spawn(req, limits);
    const onAbort = () => finish(cancelled);
    signal?.addEventListener("abort", onAbort, { once: true });
    let settled = false;
    const finish = (reply: WorkerReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      resolve(reply);
    };
    const fail = (code: "timeout" | "memory" | "corrupt", message: string) => finish({ ok: false, failure: { code, message } });
    const timer = setTimeout(() => fail("timeout", `Reading the file took longer than ${limits.timeoutMs >= 1000 ? `${Math.round(limits.timeoutMs / 1000)} s` : `${limits.timeoutMs} ms`}, so it was stopped.`), limits.timeoutMs);
    const forward = (chunk: Buffer) => log.debug(`extract worker: ${chunk.toString("utf8").slice(0, 500).trimEnd()}`);
    worker.stdout.on("data", forward);
    worker.stderr.on("data", forward);
    worker.on("message", (m: WorkerReply) => finish(m));
    worker.on("error", (err: Error & { code?: string }) => {
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") return fail("memory", `Reading the file needed more than the ${limits.heapMb} MB allowed, so it was stopped.`);
      log.error("extract worker failed", err);
      fail("corrupt", "The file could not be read; it may be damaged.");
    });
    worker.on("exit", () => fail("corrupt", "The file could not be read; the reader stopped unexpectedly."));
  });
}
