/**
 * The HTTP layer in-process against a bare fastmcp server: access control, headers, limits, sessions.
 * The built-server end-to-end run lives in server-http.test.ts.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { FastMCP } from "fastmcp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setLogSink } from "../../src/log.js";
import { startHttp, type HttpHandle } from "../../src/transport/http.js";

const TOKEN = "test-token-0123456789abcdefghijklmnop";
let handle: HttpHandle;
const logs: string[] = [];

function makeServer(): FastMCP {
  const server = new FastMCP({ name: "t", version: "1.0.0", logger: { debug() {}, info() {}, warn() {}, error() {}, log() {} }, ping: { enabled: false } });
  server.addTool({ name: "echo", description: "echo", parameters: z.object({ text: z.string() }), execute: async ({ text }) => text });
  return server;
}

async function connect(token = TOKEN): Promise<Client> {
  const client = new Client({ name: "c", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(new URL(handle.url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
  return client;
}

const initBody = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } } });
const post = (headers: Record<string, string>, body = initBody) =>
  fetch(handle.url, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...headers }, body });

beforeAll(async () => {
  setLogSink((l) => logs.push(l));
  handle = await startHttp({ server: makeServer(), host: "127.0.0.1", port: 0, token: TOKEN, allowedHosts: ["halo.internal"], allowedOrigins: ["https://allowed.example"], maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await handle.close();
  setLogSink(undefined);
});

describe("http transport", () => {
  it("serves a client with the right token and lists tools", async () => {
    const client = await connect();
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toEqual(["echo"]);
    const r = await client.callTool({ name: "echo", arguments: { text: "hi" } });
    expect(r.content).toEqual([{ type: "text", text: "hi" }]);
    await client.close();
  });

  it("refuses a missing or wrong token with 401 and a challenge, without detail", async () => {
    for (const headers of [{} as Record<string, string>, { Authorization: "Bearer wrong" }, { Authorization: `Basic ${TOKEN}` }, { Authorization: `Bearer ${TOKEN}x` }]) {
      const r = await post(headers);
      expect(r.status).toBe(401);
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer /);
      const text = await r.text();
      expect(text).not.toMatch(/stack|at .*\.js/);
      expect(text).not.toContain(TOKEN);
    }
    await expect(connect("nope")).rejects.toThrow();
  });

  it("refuses foreign Origin and Host with 403, before auth", async () => {
    expect((await post({ Authorization: `Bearer ${TOKEN}`, Origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ Authorization: `Bearer ${TOKEN}`, Origin: "null" })).status).toBe(403);
    expect((await post({ Origin: "https://evil.example" })).status).toBe(403);
    const ok = await post({ Authorization: `Bearer ${TOKEN}`, Origin: "https://allowed.example" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://allowed.example");
    expect((await post({ Authorization: `Bearer ${TOKEN}`, Origin: "http://localhost:6274" })).status).toBe(200);
    // Host: fetch cannot forge it; use node:http.
    const { request } = await import("node:http");
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(handle.url);
        const req = request({ host: u.hostname, port: u.port, path: "/health", headers: { Host: host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    expect(await status("evil.example:8000")).toBe(403);
    expect(await status("localhost:8000")).toBe(200);
    expect(await status("[::1]:1234")).toBe(200);
    expect(await status("halo.internal:8000")).toBe(200);
  });

  it("answers /health with bare JSON and security headers on every response", async () => {
    const base = handle.url.replace(/\/mcp$/, "");
    const h = await fetch(`${base}/health`);
    expect(h.status).toBe(200);
    expect(h.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await h.json()).toEqual({ status: "ok" });
    for (const r of [h, await fetch(`${base}/nope`), await post({})]) {
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("cache-control")).toBe("no-store");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
      expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(r.headers.get("access-control-allow-origin")).toBeNull();
    }
    expect((await fetch(`${base}/sse`)).status).toBe(404);
    expect((await fetch(`${base}/ping`)).status).toBe(404);
  });

  it("limits the body size (413) and rejects non-JSON (400)", async () => {
    const big = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping", pad: "x".repeat(100 * 1024) });
    const r = await post({ Authorization: `Bearer ${TOKEN}` }, big).catch((e: unknown) => e);
    if (r instanceof Response) expect(r.status).toBe(413);
    else throw r;
    expect((await post({ Authorization: `Bearer ${TOKEN}` }, "{not json")).status).toBe(400);
  });

  it("keeps sessions apart: closing one leaves the other working", async () => {
    const a = await connect();
    const b = await connect();
    expect(handle.sessionCount()).toBeGreaterThanOrEqual(2);
    await (a.transport as StreamableHTTPClientTransport).terminateSession();
    await a.close();
    const r = await b.callTool({ name: "echo", arguments: { text: "still here" } });
    expect(r.content).toEqual([{ type: "text", text: "still here" }]);
    await b.close();
  });

  it("answers an unknown session id with 404", async () => {
    const r = await post({ Authorization: `Bearer ${TOKEN}`, "Mcp-Session-Id": "nope" }, JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }));
    expect(r.status).toBe(404);
  });

  it("bound to 0.0.0.0 (as in Docker) still accepts localhost:8000 and refuses foreign hosts", async () => {
    const wide = await startHttp({ server: makeServer(), host: "0.0.0.0", port: 0, token: TOKEN, allowedHosts: [], allowedOrigins: [] });
    try {
      expect(wide.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const { request } = await import("node:http");
      const status = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = request({ host: "127.0.0.1", port: wide.port, path: "/health", headers: { Host: host } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          });
          req.on("error", reject);
          req.end();
        });
      expect(await status("localhost:8000")).toBe(200);
      expect(await status("127.0.0.1:8000")).toBe(200);
      expect(await status("attacker.example:8000")).toBe(403);
    } finally {
      await wide.close();
    }
  });

  it("never logs the token", () => {
    expect(logs.join("\n")).not.toContain(TOKEN);
  });
});
