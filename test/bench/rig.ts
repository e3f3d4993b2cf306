/**
 * In-process rig for the token and round-trip measurements: the real server (createMcpServer + createHalo)
 * behind an SDK Client over an in-memory transport, against the sandbox through msw. A pass-through msw
 * handler copies every Halo response body, so a tool's answer can be weighed against the raw JSON it was made
 * from. One rig at a time (msw patches the process).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { getResponse, http } from "msw";
import { setupServer } from "msw/node";
import { createConfigStore, resolveConfig } from "../../src/config/index.js";
import { createHalo, type Halo } from "../../src/halo/index.js";
import { setLogSink } from "../../src/log.js";
import { createSandbox, MSW_URLS, type Sandbox, type Service } from "../../src/sandbox/index.js";
import { createMcpServer } from "../../src/server/server.js";
import type { ToolContext } from "../../src/tools/context.js";
import { writeSandboxConfig } from "../helpers/sandbox-env.js";

/** Saturday Nov 21 2026, 10:00 AM in Arizona: the same world the tests see. */
export const BENCH_NOW = new Date("2026-11-21T17:00:00Z");

export interface Captured {
  service: Service;
  path: string;
  operationName?: string;
  status: number;
  body: string;
}

export interface Rig {
  client: Client;
  sandbox: Sandbox;
  context: ToolContext;
  halo: Halo;
  /** Response bodies captured while `recording` is true. */
  captured: Captured[];
  recording: boolean;
  call(name: string, args?: Record<string, unknown>): Promise<{ text: string; isError: boolean }>;
  close(): Promise<void>;
}

const SERVICE_BY_ORIGIN = new Map<string, Service>([
  [new URL(MSW_URLS.web).origin, "web"],
  [new URL(MSW_URLS.gateway).origin, "gateway"],
  [new URL(MSW_URLS.orchestration).origin, "orchestration"],
  [new URL(MSW_URLS.store).origin, "store"],
]);

async function operationOf(req: Request): Promise<string | undefined> {
  if (req.method !== "POST") return undefined;
  try {
    const body = (await req.clone().json()) as { operationName?: string };
    return body.operationName;
  } catch {
    return undefined;
  }
}

export async function startRig(opts: { readOnly?: boolean; latencyMs?: number } = {}): Promise<Rig> {
  const sandbox = createSandbox({ now: BENCH_NOW, latencyMs: opts.latencyMs ?? 0 });
  const dir = mkdtempSync(path.join(tmpdir(), "halo-bench-"));
  const configPath = writeSandboxConfig(dir, sandbox, { uploadRoots: [dir], ...(opts.readOnly ? { readOnly: true } : {}) });
  const { config } = resolveConfig({ env: { HALO_CONFIG: configPath }, argv: [], cwd: dir });
  setLogSink(() => undefined);

  const captured: Captured[] = [];
  const inner = sandbox.handlers();
  const rig = { recording: false } as Rig;
  const tap = http.all("*", async ({ request }) => {
    const service = SERVICE_BY_ORIGIN.get(new URL(request.url).origin);
    const operationName = rig.recording ? await operationOf(request) : undefined;
    const res = await getResponse(inner, request);
    if (!res) return new Response("not handled by the sandbox", { status: 599 });
    if (rig.recording && service) {
      captured.push({ service, path: new URL(request.url).pathname, operationName, status: res.status, body: await res.clone().text() });
    }
    return res;
  });
  const msw = setupServer(tap);
  msw.listen({ onUnhandledRequest: "error" });

  const halo = createHalo({ config, store: createConfigStore(config.configPath), fetchHooks: { sleep: async () => {}, persistDelayMs: 0 } });
  const { server, context } = createMcpServer({ config, halo: halo.api, session: halo.session, now: () => BENCH_NOW, ping: false });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "bench", version: "1.0.0" });
  const [session] = await Promise.all([server.connect(serverSide), client.connect(clientSide)]);

  return Object.assign(rig, {
    client, sandbox, context, halo, captured,
    async call(name: string, args: Record<string, unknown> = {}) {
      const r = await client.callTool({ name, arguments: args });
      const content = (r.content ?? []) as Array<{ type: string; text?: string }>;
      return { text: content.map((c) => c.text ?? "").join("\n"), isError: r.isError === true };
    },
    async close() {
      await client.close();
      await session.close().catch(() => undefined);
      await halo.flush().catch(() => undefined);
      halo.close();
      msw.close();
      setLogSink(undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
