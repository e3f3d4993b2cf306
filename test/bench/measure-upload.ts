/**
 * Measurement 6: peak resident memory of the real server process while it uploads a large file
 * (upload_assignment_file over stdio to the loopback sandbox: preview, then the approved upload), beside its idle memory. The file is sparse,
 * so creating it costs no disk; it is deleted afterwards. RSS is sampled from /proc/<pid>/status.
 */
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { SEED } from "../../src/sandbox/index.js";
import { connectStdio, startLoopbackHalo } from "./spawn.js";
import { round } from "./stats.js";

export const UPLOAD_MB = 512;
/** Used only if the 512 MB upload is refused (the sandbox accepts up to 1 GiB, src/sandbox/orch-upload.ts MAX_FILE). */
export const FALLBACK_MB = 240;
/** A small upload beside the big one shows whether memory grows with the file. */
export const SMALL_MB = 16;
const MB = 1024 * 1024;
const SAMPLE_MS = 5;

export interface UploadResult {
  fileMb: number;
  ok: boolean;
  answer: string;
  seconds: number;
  idleRssMb: number;
  /** Highest RSS seen while the upload ran (VmHWM when it rose during the upload, else the sampled maximum). */
  peakRssMb: number;
  growthMb: number;
  hwmBeforeMb: number;
  hwmAfterMb: number;
  samples: number;
  /** Bytes the sandbox's object store received for the file. */
  storeReceivedMb?: number;
  skipped?: string;
}

/** kB fields of /proc/<pid>/status; undefined when the process is gone or /proc is absent. */
export function memOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, "m").exec(s)?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return undefined;
  }
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureUploadOf(sizeMb: number): Promise<UploadResult> {
  const empty = { fileMb: sizeMb, ok: false, answer: "", seconds: 0, idleRssMb: 0, peakRssMb: 0, growthMb: 0, hwmBeforeMb: 0, hwmAfterMb: 0, samples: 0 };
  if (process.platform !== "linux") return { ...empty, skipped: "needs Linux /proc to sample the server's memory" };
  const halo = await startLoopbackHalo();
  const file = path.join(halo.dir, "bench-upload.pdf");
  try {
    const fd = openSync(file, "w");
    ftruncateSync(fd, sizeMb * MB);
    closeSync(fd);
    const srv = await connectStdio(halo.env({ HALO_UPLOAD_MAX_BYTES: String(2 * sizeMb * MB), HALO_REQUEST_TIMEOUT_MS: "120000" }));
    try {
      // Idle = a server that has answered a real call (Halo client, caches and tool modules all warm).
      const warm = await srv.client.callTool({ name: "list_classes", arguments: {} });
      if (warm.isError) throw new Error("list_classes failed before the upload");
      await settle(500);
      const idle = memOf(srv.pid);
      if (!idle) return { ...empty, skipped: `cannot read /proc/${srv.pid}/status` };

      let maxRss = idle.rss;
      let samples = 0;
      const timer = setInterval(() => {
        const m = memOf(srv.pid);
        if (m) {
          samples++;
          maxRss = Math.max(maxRss, m.rss);
        }
      }, SAMPLE_MS);
      const t = performance.now();
      let answer: string;
      let ok: boolean;
      try {
        // Preview (reads the file once: hash and login scan) and the approved upload, as a client without elicitation does.
        const args = { class_ref: "CST-323", assessment_id: SEED.assessments.upload, file_path: file };
        const preview = await srv.client.callTool({ name: "upload_assignment_file", arguments: args }, undefined, { timeout: 120_000 });
        const token = /^confirm_token: (\S+)$/m.exec(((preview.content ?? []) as Array<{ text?: string }>).map((c) => c.text ?? "").join("\n"))?.[1] ?? "";
        const r = await srv.client.callTool({ name: "upload_assignment_file", arguments: { ...args, confirm_token: token } }, undefined, { timeout: 120_000 });
        answer = ((r.content ?? []) as Array<{ text?: string }>).map((c) => c.text ?? "").join("\n");
        ok = r.isError !== true;
      } finally {
        clearInterval(timer);
      }
      const seconds = (performance.now() - t) / 1000;
      const after = memOf(srv.pid) ?? idle;
      const peak = after.hwm > idle.hwm ? after.hwm : maxRss;
      const received = Object.values(halo.sandbox.world.resources).reduce((max, r) => Math.max(max, r.file?.size ?? 0), 0);
      return {
        fileMb: sizeMb, ok, answer: answer.slice(0, 400), seconds: round(seconds, 2),
        idleRssMb: round(idle.rss, 1), peakRssMb: round(peak, 1), growthMb: round(peak - idle.rss, 1),
        hwmBeforeMb: round(idle.hwm, 1), hwmAfterMb: round(after.hwm, 1), samples,
        ...(received ? { storeReceivedMb: round(received / MB, 1) } : {}),
      };
    } finally {
      await srv.close();
    }
  } finally {
    rmSync(file, { force: true });
    await halo.close();
  }
}

export interface UploadResults {
  runs: UploadResult[];
  /** Set when the requested size could not be uploaded to the sandbox and a smaller one was measured. */
  note?: string;
}

export async function measureUpload(): Promise<UploadResults> {
  const small = await measureUploadOf(SMALL_MB);
  const big = await measureUploadOf(UPLOAD_MB);
  if (big.ok || big.skipped || !/presigned|upload slot/i.test(big.answer)) return { runs: [small, big] };
  const fallback = await measureUploadOf(FALLBACK_MB);
  return {
    runs: [small, fallback],
    note: `${UPLOAD_MB} MB was refused by the sandbox at presign ("${big.answer.slice(0, 160)}"); measured ${FALLBACK_MB} MB instead.`,
  };
}
