/**
 * Halo replies are held in memory only up to replyMaxBytes: an announced or streamed body over the cap is
 * cancelled with a clear, non-retried error; one under it arrives whole. Against a real loopback server, so
 * got's streaming (not a mock's) is what is tested.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HaloError } from "../../src/halo/errors.js";
import { Transport } from "../../src/halo/transport.js";

const KB = 1024;
let server: http.Server;
let base = "";
let served = 0;
let chunksSent = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    served++;
    const size = Number(new URL(req.url ?? "/", "http://x").searchParams.get("kb")) * KB;
    if (req.url?.startsWith("/announced")) {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(size) });
      res.end(JSON.stringify({ data: "x".repeat(size - 11) }));
      return;
    }
    // Chunked, no length: the cap must trip on what actually arrives. Stops writing once the client leaves.
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"data":"');
    const chunk = "y".repeat(64 * KB);
    let sent = 0;
    const pump = () => {
      while (sent < size && !res.destroyed) {
        sent += chunk.length;
        chunksSent++;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end('"}');
    };
    res.on("close", () => (sent = size));
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const transport = () => new Transport({ requestTimeoutMs: 10_000, maxConcurrency: 2, replyMaxBytes: 256 * KB, sleep: async () => undefined });

describe("reply cap", () => {
  it("passes a reply under the cap whole", async () => {
    const t = transport();
    const reply = await t.send("query", "Small", () => t.got.get(`${base}/announced?kb=200`));
    expect((reply.body as { data: string }).data).toHaveLength(200 * KB - 11);
  });

  it("refuses an announced oversize reply with a clear error, without retrying it", async () => {
    const t = transport();
    const before = served;
    const err = await t.send("query", "Big", () => t.got.get(`${base}/announced?kb=4096`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaloError);
    expect((err as HaloError).kind).toBe("too_large");
    expect((err as HaloError).message).toBe("Halo's reply to Big was larger than the 256 KB limit (replyMaxBytes) and was dropped.");
    expect(served - before).toBe(1);
  });

  it("cancels a streamed reply with no length once the cap passes, long before its end", async () => {
    const t = transport();
    chunksSent = 0;
    const err = await t.send("get", "GET endless", () => t.got.get(`${base}/stream?kb=${1024 * 1024}`)).catch((e: unknown) => e);
    expect((err as HaloError).kind).toBe("too_large");
    // 1 GB was offered; the client stopped reading after about the cap (plus socket buffers).
    expect(chunksSent * 64 * KB).toBeLessThan(64 * 1024 * KB);
  });
});
