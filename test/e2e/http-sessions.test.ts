/**
 * HTTP sessions are bounded without killing sessions in use: at the cap an idle session makes room, a session
 * with a request in flight never does, and when all are in use a new initialize gets 503 + Retry-After. Idle
 * eviction also closes sessions holding an open SSE stream. Plus the short invalid-params reply for non-object
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

/** Each call of the "hold" tool waits until the test lets it go: a request kept in flight. */
let holds: Array<() => void> = [];

async function start(opts: { maxSessions?: number; idleSessionMs?: number; activeSessionMs?: number }): Promise<HttpHandle> {
  setLogSink(() => undefined);
  holds = [];
  const server = new FastMCP({ name: "t", version: "1.0.0", logger: { debug() {}, info() {}, warn() {}, error() {}, log() {} }, ping: { enabled: false } });
  server.addTool({ name: "echo", description: "echo", parameters: z.object({ text: z.string() }), execute: async ({ text }) => text });
  server.addTool({ name: "hold", description: "hold", parameters: z.object({}), execute: () => new Promise<string>((resolve) => holds.push(() => resolve("released"))) });
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
  const initialize = (id: number) =>
    fetch(httpUrl, { method: "POST", headers: headers(), body: JSON.stringify({ jsonrpc: "2.0", id, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "late", version: "1" } } }) });
  let httpUrl = "";

  it("when every session is in use, a new initialize gets 503 with Retry-After and a JSON-RPC error; nobody loses a session", async () => {
    const h = await start({ maxSessions: 2 });
    httpUrl = h.url;
    const a = await connect(h);
    const b = await connect(h);
    const r = await initialize(7);
    expect(r.status).toBe(503);
    const retry = Number(r.headers.get("retry-after"));
    expect(Number.isInteger(retry) && retry >= 1 && retry <= 60).toBe(true);
    expect(await r.json()).toEqual({ jsonrpc: "2.0", id: 7, error: { code: -32000, message: `Server busy: all 2 sessions are in use. Retry after ${retry} s.` } });
    expect(r.headers.get("mcp-session-id")).toBeNull();
    expect(h.sessionCount()).toBe(2);
    expect((await a.client.callTool({ name: "echo", arguments: { text: "a" } })).content).toEqual([{ type: "text", text: "a" }]);
    expect((await b.client.callTool({ name: "echo", arguments: { text: "b" } })).content).toEqual([{ type: "text", text: "b" }]);
    // The SDK client sees the refusal as a failed connect, not a hang.
    await expect(connect(h)).rejects.toThrow(/503|busy/i);
    await Promise.all([a, b].map((x) => x.client.close()));
  });

  it("at the cap an idle session makes room, never one with a request in flight", async () => {
    // No grace window: only a request in flight protects a session here.
    const h = await start({ maxSessions: 2, activeSessionMs: 0 });
    httpUrl = h.url;
    const a = await connect(h);
    const held = a.client.callTool({ name: "hold", arguments: {} });
    await expect.poll(() => holds.length).toBe(1);
    const b = await connect(h);
    const c = await connect(h); // b is idle, a is busy: b goes
    const gone = await fetch(h.url, { method: "POST", headers: headers(b.sessionId), body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/list" }) });
    expect(gone.status).toBe(404);
    expect((await c.client.callTool({ name: "echo", arguments: { text: "c" } })).content).toEqual([{ type: "text", text: "c" }]);
    holds[0]!();
    expect((await held).content).toEqual([{ type: "text", text: "released" }]);
    expect(h.sessionCount()).toBe(2);
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
