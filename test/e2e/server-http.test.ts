/**
 * The built server over Streamable HTTP, spawned as a student would run it (MCP_TRANSPORT=http), against a
 * loopback sandbox: generated token, access control, concurrent sessions, /health, clean SIGTERM, and no
 * secret in the logs.
 */
import { readFileSync, statSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, freePort, secretsOf, spawnServer, startWorld, type Spawned, type World } from "./support.js";

let world: World;
let server: Spawned;
let url: string;
let token: string;

async function connect(bearer = token): Promise<Client> {
  const client = new Client({ name: "e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${bearer}` } } }));
  return client;
}
const textOf = (r: unknown) => ((r as { content: Array<{ text?: string }> }).content[0]?.text ?? "");

beforeAll(async () => {
  ensureBuilt();
  world = await startWorld();
  const port = await freePort();
  server = spawnServer([], { ...world.env, MCP_TRANSPORT: "http", MCP_PORT: String(port) }, world.dir);
  const m = await server.waitFor(/claude mcp add --transport http halo-http (\S+) --header "Authorization: Bearer ([^"]+)"/);
  url = m[1] as string;
  token = m[2] as string;
  await server.waitFor(/ready on http/);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await world?.close();
});

describe("built server over HTTP", () => {
  it("generates a strong token, saves it with mode 600 and prints the claude command once", () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = JSON.parse(readFileSync(world.env.HALO_CONFIG as string, "utf8")) as Record<string, unknown>;
    expect(file.mcpAuthToken).toBe(token);
    expect(statSync(world.env.HALO_CONFIG as string).mode & 0o777).toBe(0o600);
    expect(server.stderr().split(token).length - 1).toBe(1);
  });

  it("serves tools to a client with the token", async () => {
    const client = await connect();
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("list_classes");
    const r = await client.callTool({ name: "list_classes", arguments: {} });
    expect(textOf(r)).toMatch(/CST-323/);
    await client.close();
  });

  it("refuses no token / a wrong token (401 + WWW-Authenticate) and a foreign Origin (403)", async () => {
    const init = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "x", version: "1" } } });
    const post = (h: Record<string, string>) => fetch(url, { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json, text/event-stream", ...h }, body: init });
    for (const h of [{} as Record<string, string>, { Authorization: "Bearer not-the-token" }]) {
      const r = await post(h);
      expect(r.status).toBe(401);
      expect(r.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await r.text()).not.toMatch(/\bat\s.+:\d+:\d+/);
    }
    await expect(connect("not-the-token")).rejects.toThrow();
    const foreign = await post({ Authorization: `Bearer ${token}`, Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
  });

  it("answers /health with {status: ok} as JSON", async () => {
    const r = await fetch(url.replace(/\/mcp$/, "/health"));
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/application\/json/);
    expect(await r.json()).toEqual({ status: "ok" });
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("keeps two concurrent sessions apart: closing one leaves the other working", async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    const [ra, rb] = await Promise.all([a.callTool({ name: "check_tokens", arguments: {} }), b.callTool({ name: "whats_due", arguments: {} })]);
    expect(textOf(ra)).toMatch(/Session/);
    expect(textOf(rb)).toMatch(/Due|due/);
    await (a.transport as StreamableHTTPClientTransport).terminateSession();
    await a.close();
    const again = await b.callTool({ name: "list_classes", arguments: {} });
    expect(textOf(again)).toMatch(/CST-323/);
    await b.close();
  });

  it("keeps the token on restart, stops promptly on SIGTERM, and never logs a secret", async () => {
    const code = await server.stop("SIGTERM");
    expect(code).toBe(0);
    const port = new URL(url).port;
    const again = spawnServer([], { ...world.env, MCP_TRANSPORT: "http", MCP_PORT: port }, world.dir);
    await again.waitFor(/ready on http/);
    const client = await connect();
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await client.close();
    expect(await again.stop()).toBe(0);
    expect(again.stderr()).not.toContain("claude mcp add");
    const logs = server.stderr().replace(/.*claude mcp add .*\n/, "") + again.stderr();
    for (const secret of [token, ...secretsOf(world.sandbox)]) expect(logs).not.toContain(secret);
  });
});
