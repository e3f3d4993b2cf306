/**
 * Measurement 8: reading documents inline (download_resource with inline: true) through the real server
 * over stdio: a 100-page PDF and a 50-slide PPTX from the loopback sandbox. Time per call and the server's
 * memory: idle RSS, peak RSS while reading (the extraction worker is a thread of the same process, so its
 * heap counts), and RSS after the call (what the server keeps). RSS is sampled from /proc/<pid>/status.
 */
import { readFileSync } from "node:fs";
import { SEED } from "../../src/sandbox/index.js";
import { addResource } from "../../src/sandbox/world/seed-resources.js";
import { connectStdio, startLoopbackHalo } from "./spawn.js";
import { round } from "./stats.js";

const REPS = 3;
const SAMPLE_MS = 5;

export interface ExtractRun {
  file: string;
  ok: boolean;
  /** Seconds per call, one per repetition (each call downloads and reads the whole file). */
  seconds: number[];
  chars: number;
  idleRssMb: number;
  peakRssMb: number;
  growthMb: number;
  /** RSS a second after the last call, minus idle: what reading left behind. */
  retainedMb: number;
  answerHead: string;
}

export interface ExtractResults {
  runs: ExtractRun[];
  skipped?: string;
}

function rssOf(pid: number): number | undefined {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
  } catch {
    return undefined;
  }
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PDF_TEXT = Array.from({ length: 100 }, (_, p) => Array.from({ length: 40 }, (_, l) => `Page ${p + 1}, line ${l + 1}: virtual machines, containers and serverless functions compared.`).join("\n")).join("\f");
const PPTX_TEXT = Array.from({ length: 50 }, (_, s) => [`Slide ${s + 1} title`, ...Array.from({ length: 6 }, (_, b) => `Point ${b + 1} about cloud topic ${s + 1}`), `Notes: Speaker notes for slide ${s + 1}, two sentences long. Ask a question.`].join("\n")).join("\n---\n");

export async function measureExtract(): Promise<ExtractResults> {
  if (process.platform !== "linux") return { runs: [], skipped: "needs Linux /proc to sample the server's memory" };
  const halo = await startLoopbackHalo();
  const cls = halo.sandbox.world.classes.find((c) => c.courseCode === "CST-323")!;
  const files = [
    { id: "bench-pdf", name: "Reader (100 pages).pdf", text: PDF_TEXT },
    { id: "bench-pptx", name: "Lectures (50 slides).pptx", text: PPTX_TEXT },
  ];
  for (const f of files) addResource(halo.sandbox.world, { id: f.id, name: f.name, courseClassId: cls.id, createdBy: SEED.instructors.cloud, text: f.text });
  const srv = await connectStdio(halo.env({ HALO_INLINE_TEXT_MAX_BYTES: String(4 * 1024 * 1024) }));
  try {
    const warm = await srv.client.callTool({ name: "list_classes", arguments: {} });
    if (warm.isError) throw new Error("list_classes failed before reading files");
    const runs: ExtractRun[] = [];
    for (const f of files) {
      await settle(500);
      const idle = rssOf(srv.pid) ?? 0;
      let peak = idle;
      const timer = setInterval(() => (peak = Math.max(peak, rssOf(srv.pid) ?? 0)), SAMPLE_MS);
      const seconds: number[] = [];
      let text = "";
      let ok = true;
      try {
        for (let i = 0; i < REPS; i++) {
          const t = performance.now();
          const r = await srv.client.callTool({ name: "download_resource", arguments: { resource_id: f.id, class_ref: "CST-323", inline: true, max_chars: 1_000_000 } }, undefined, { timeout: 120_000 });
          seconds.push(round((performance.now() - t) / 1000, 2));
          text = ((r.content ?? []) as Array<{ text?: string }>).map((c) => c.text ?? "").join("\n");
          ok &&= r.isError !== true;
        }
      } finally {
        clearInterval(timer);
      }
      await settle(1000);
      const after = rssOf(srv.pid) ?? idle;
      runs.push({
        file: f.name, ok, seconds, chars: text.length,
        idleRssMb: round(idle, 1), peakRssMb: round(peak, 1), growthMb: round(peak - idle, 1), retainedMb: round(after - idle, 1),
        answerHead: text.split("\n").slice(0, 3).join(" | ").slice(0, 200),
      });
    }
    return { runs };
  } finally {
    await srv.close();
    await halo.close();
  }
}
