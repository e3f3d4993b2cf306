/**
 * Measurement 9: what a hostile or broken peer costs the spawned server. (a) Halo's gateway answers with an
 * endless JSON body (300 MB offered): the reply cap (replyMaxBytes, 20 MB) cancels it; time to the tool
 * error, peak RSS, and RSS a moment later (memory returns). (b) A client sends a 17 MB message over stdio,
 * past the 16 MB limit: time to the JSON-RPC error and peak RSS. RSS sampled every 5 ms from /proc.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { MESSAGE_MAX_BYTES } from "../../src/config/limits.js";
import { memOf } from "./measure-upload.js";
import { connectStdio, startLoopbackHalo, type Connected } from "./spawn.js";
import { round } from "./stats.js";

const MB = 1024 * 1024;
const OFFERED_MB = 300;

export interface LimitRun {
  case: string;
  answer: string;
  seconds: number;
  idleRssMb: number;
  peakRssMb: number;
  /** RSS 2 s after the answer. */
  afterRssMb: number;
  /** The server answered a tools/list afterwards. */
  alive: boolean;
}

export interface LimitResults {
  runs: LimitRun[];
  skipped?: string;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A gateway that streams an endless JSON string until the client hangs up. */
async function bloatServer(): Promise<{ url: string; sentMb: () => number; close: () => Promise<void> }> {
  let sent = 0;
  const chunk = Buffer.alloc(MB, "a");
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"data":{"x":"');
    const pump = () => {
      while (!res.destroyed && sent < OFFERED_MB * MB) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end('"}}');
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sentMb: () => round(sent / MB, 1),
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

async function sampled(srv: Connected, label: string, call: () => Promise<string>): Promise<LimitRun> {
  await srv.client.listTools();
  await settle(500);
  const idle = memOf(srv.pid);
  if (!idle) throw new Error(`cannot read /proc/${srv.pid}/status`);
  let peak = idle.rss;
  const timer = setInterval(() => {
    const m = memOf(srv.pid);
    if (m) peak = Math.max(peak, m.rss);
  }, 5);
  const t = performance.now();
  let answer: string;
  try {
    answer = await call();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - t) / 1000;
  await settle(2000);
  const after = memOf(srv.pid) ?? idle;
  const alive = (await srv.client.listTools().then((r) => r.tools.length > 0, () => false));
  return { case: label, answer: answer.slice(0, 200), seconds: round(seconds, 2), idleRssMb: round(idle.rss, 1), peakRssMb: round(peak, 1), afterRssMb: round(after.rss, 1), alive };
}

export async function measureLimits(): Promise<LimitResults> {
  if (process.platform !== "linux") return { runs: [], skipped: "needs Linux /proc to sample the server's memory" };
  const halo = await startLoopbackHalo();
  const bloat = await bloatServer();
  const runs: LimitRun[] = [];
  try {
    const srv = await connectStdio(halo.env({ HALO_GATEWAY_URL: bloat.url }));
    try {
      runs.push(await sampled(srv, `Halo reply of ${OFFERED_MB} MB (endless JSON)`, async () => {
        const r = await srv.client.callTool({ name: "list_classes", arguments: {} });
        return `${((r.content ?? []) as Array<{ text?: string }>).map((c) => c.text ?? "").join(" ")} [${bloat.sentMb()} MB sent before the cut]`;
      }));
    } finally {
      await srv.close();
    }
    const srv2 = await connectStdio(halo.env());
    try {
      const size = MESSAGE_MAX_BYTES + MB;
      runs.push(await sampled(srv2, `stdio message of ${Math.round(size / MB)} MB`, async () => {
        const r = await srv2.client.callTool({ name: "list_classes", arguments: { pad: "x".repeat(size) } }).then(
          () => "answered (unexpected)",
          (e: unknown) => (e instanceof Error ? e.message : String(e)),
        );
        return r;
      }));
    } finally {
      await srv2.close();
    }
  } finally {
    await bloat.close();
    await halo.close();
  }
  return { runs };
}
