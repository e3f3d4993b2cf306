/**
 * HTTP sessions are bounded: a cap (the least recently active session makes room) and idle eviction that
 * also closes sessions holding an open SSE stream. Plus the short invalid-params reply for non-object
 * arguments. In-process against a bare fastmcp server, like http-transport.test.ts.
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { FastMCP } from "fastmcp";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { setLogSink } from "../../src/log.js";
import { startHttp, type HttpHandle } from "../../src/transport/http.js";

const TOKEN = "test-token-0123456789abcdefghijklmnop";
const open: HttpHandle[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
  setLogSink(undefined);
});

async function start(opts: { maxSessions?: number; idleSessionMs?: number }): Promise<HttpHandle> {
  setLogSink(() => undefined);
  const server = new FastMCP({ name: "t", version: "1.0.0", logger: { debug() {}, info() {}, warn() {}, error() {}, log() {} }, ping: { enabled: false } });
  server.addTool({ name: "echo", description: "echo", parameters: z.object({ text: z.string() }), execute: async ({ text }) => text });
  const h = await startHttp({ server, host: "127.0.0.1", port: 0, token: TOKEN, allowedHosts: [], allowedOrigins: [], ...opts });
  open.push(h);
  return h;
}

async function connect(h: HttpHandle): Promise<{ client: Client; sessionId: string }> {
  const client = new Client({ name: "c", version: "1" });
  const transport = new StreamableHTTPClientTransport(new URL(h.url), { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } });
  await client.connect(transport);
  return { client, sessionId: transport.sessionId! };
}

const headers = (sessionId?: string) => ({ Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...(sessionId ? { "Mcp-Session-Id": sessionId, "Mcp-Protocol-Version": "2025-06-18" } : {}) });

describe("http session limits", () => {
  it("caps sessions: a new one closes the least recently active, the others keep working", async () => {
    const h = await start({ maxSessions: 2 });
    const a = await connect(h);
    const b = await connect(h);
    await b.client.callTool({ name: "echo", arguments: { text: "b is active" } });
    const c = await connect(h);
    await expect.poll(() => h.sessionCount()).toBe(2);
    const r = await fetch(h.url, { method: "POST", headers: headers(a.sessionId), body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/list" }) });
    expect(r.status).toBe(404);
    expect((await c.client.callTool({ name: "echo", arguments: { text: "c" } })).content).toEqual([{ type: "text", text: "c" }]);
    expect((await b.client.callTool({ name: "echo", arguments: { text: "b" } })).content).toEqual([{ type: "text", text: "b" }]);
    await Promise.all([a, b, c].map((x) => x.client.close()));
  });

  it("closes an idle session even while it holds an open SSE stream", async () => {
    const h = await start({ idleSessionMs: 300 });
    const { client, sessionId } = await connect(h);
    // 409: the client already holds the session's one SSE stream.
    const second = await fetch(h.url, { method: "GET", headers: { ...headers(sessionId), Accept: "text/event-stream" } });
    expect(second.status).toBe(409);
    await expect.poll(() => h.sessionCount(), { timeout: 10_000 }).toBe(0);
    const r = await fetch(h.url, { method: "POST", headers: headers(sessionId), body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/list" }) });
    expect(r.status).toBe(404);
    await client.close();
  });

  it("answers non-object tool arguments with a short invalid-params error", async () => {
    const h = await start({});
    const { client, sessionId } = await connect(h);
    const r = await fetch(h.url, { method: "POST", headers: headers(sessionId), body: JSON.stringify({ jsonrpc: "2.0", id: 5, method: "tools/call", params: { name: "echo", arguments: "hi" } }) });
    expect(r.status).toBe(400);
    expect(await r.json()).toEqual({ jsonrpc: "2.0", id: 5, error: { code: -32602, message: "Invalid params: arguments for echo must be a JSON object of named values, not string." } });
    await client.close();
  });
});
