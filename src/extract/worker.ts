/**
 * The extraction worker: one file, one reply, then exit. It runs in its own thread with its own heap limit
 * so a hostile file can be stopped (terminate) and cannot grow the server's memory. The parsers load here,
 * on first use, never in the main thread.
 */
import { readFile } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { ExtractFailure, type ExtractRequest, type Extracted, type WorkerReply } from "./types.js";

async function run(req: ExtractRequest): Promise<Extracted> {
  const data = await readFile(req.file);
  switch (req.kind) {
    case "pdf":
      return (await import("./pdf.js")).extractPdf(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), req);
    case "docx":
      return (await import("./docx.js")).extractDocx(data, req);
    case "pptx":
      return (await import("./pptx.js")).extractPptx(data, req);
    case "xlsx":
      return (await import("./xlsx.js")).extractXlsx(data, req);
  }
}

async function main(): Promise<void> {
  let reply: WorkerReply;
  try {
    reply = { ok: true, value: await run(workerData as ExtractRequest) };
  } catch (err) {
    reply = err instanceof ExtractFailure
      ? { ok: false, failure: { code: err.code, message: err.message } }
      : { ok: false, failure: { code: "corrupt", message: `The file could not be read (${err instanceof Error ? err.name : "error"}); it may be damaged.` } };
  }
  parentPort?.postMessage(reply);
}

void main();
