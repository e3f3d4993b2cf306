/**
 * A signed-URL file server that misbehaves after the headers (connection reset, more bytes than announced,
 * a stalled body) must cost one tool error, never the process: the built server keeps answering.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { existsSync, readdirSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/world/ids.js";
import { CLI, sharedWorld } from "./support.js";

const world = sharedWorld();

type Fault = "reset" | "extra" | "short" | "stall";
let fault: Fault = "reset";
let files: Server;
const sockets = new Set<Socket>();

/** Raw TCP, so the reply can break HTTP exactly the way a broken file server does. */
beforeAll(async () => {
  files = createServer((sock) => {
    sockets.add(sock);
    sock.on("close", () => sockets.delete(sock));
    sock.on("error", () => undefined);
    sock.once("data", () => {
      const head = (len: number) => `HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: ${len}\r\n\r\n`;
      if (fault === "reset") {
        sock.write(head(1_000_000) + "%PDF-1.7 partial");
        setTimeout(() => sock.resetAndDestroy(), 30);
      } else if (fault === "extra") {
        sock.write(head(8) + "%PDF-1.7 and then far more bytes than the content-length announced");
        setTimeout(() => sock.end(), 30);
      } else if (fault === "short") {
        sock.end(head(1_000_000) + "%PDF-1.7 short"); // a clean close long before content-length
      } else {
        sock.write(head(1_000_000) + "%PDF-1.7 and then nothing more"); // stalls with the socket open
      }
    });
  });
  await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => files.close(() => resolve()));
});

async function connect(env: Record<string, string>) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI], env, cwd: world.dir, stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  let closed = false;
  transport.onclose = () => (closed = true);
  const client = new Client({ name: "e2e-download-faults", version: "1.0.0" });
  await client.connect(transport);
  return { client, stderr: () => stderr, closed: () => closed };
}

type ToolResult = { isError?: boolean; content: Array<{ text: string }> };
const downloadsDir = () => path.join(world.dir, "downloads");
const leftovers = () => (existsSync(downloadsDir()) ? readdirSync(downloadsDir()) : []);

describe("downloads from a misbehaving file server", () => {
  it("each fault is a tool error, no partial file is left, and the server answers the next call", async () => {
    world.sandbox.resetSwitches();
    world.sandbox.switches.downloadOrigin = `http://127.0.0.1:${(files.address() as { port: number }).port}`;
    const { client, stderr, closed } = await connect(world.env);
    try {
      const expected: Record<Exclude<Fault, "stall">, RegExp> = {
        reset: /broke off after \d+ bytes \(the connection was reset\); nothing was saved/,
        extra: /broke off after \d+ bytes \(the file server sent a malformed reply \(more bytes than it announced\)\); nothing was saved/,
        short: /broke off after \d+ bytes \(.+\); nothing was saved/,
      };
      for (const f of ["reset", "extra", "short"] as const) {
        fault = f;
        const r = (await client.callTool({ name: "download_resource", arguments: { resource_id: SEED.resources.schedulePdf } })) as ToolResult;
        expect(r.isError, `${f}: ${r.content[0]?.text}`).toBe(true);
        expect(r.content[0]?.text).toMatch(expected[f]);
        const ok = (await client.callTool({ name: "list_classes", arguments: {} })) as ToolResult;
        expect(ok.isError ?? false).toBe(false);
        expect(ok.content[0]?.text).toMatch(/CST-323/);
      }
      expect(leftovers()).toEqual([]);
      expect(closed()).toBe(false);
      expect(stderr()).not.toMatch(/Unhandled|uncaught|ECONNRESET\n\s+at /i);
    } finally {
      await client.close();
      world.sandbox.resetSwitches();
    }
  });

  it("a stalled transfer is stopped at the call's deadline and its temp file removed", async () => {
    world.sandbox.resetSwitches();
    world.sandbox.switches.downloadOrigin = `http://127.0.0.1:${(files.address() as { port: number }).port}`;
    fault = "stall";
    const { client, closed } = await connect({ ...world.env, HALO_TOOL_DEADLINE_MS: "2000" });
    try {
      const r = (await client.callTool({ name: "download_resource", arguments: { resource_id: SEED.resources.schedulePdf } })) as ToolResult;
      expect(r.isError).toBe(true);
      expect(r.content[0]?.text).toMatch(/^download_resource did not finish within 2 s .* and was stopped; nothing was changed\./);
      await expect.poll(leftovers, { timeout: 10_000 }).toEqual([]);
      const ok = (await client.callTool({ name: "list_classes", arguments: {} })) as ToolResult;
      expect(ok.content[0]?.text).toMatch(/CST-323/);
      expect(closed()).toBe(false);
    } finally {
      await client.close();
      world.sandbox.resetSwitches();
    }
  });
});
