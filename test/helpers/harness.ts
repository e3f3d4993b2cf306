/**
 * The test harness: the real server (createMcpServer + createHalo + resolved config) driven by the MCP
 * SDK's Client over an in-memory transport, against the simulated Halo through msw. One harness at a time
 * per test file (msw patches the process globally).
 */
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from "@modelcontextprotocol/sdk/types.js";
import type { RequestHandler } from "msw";
import { setupServer } from "msw/node";
import { healingStateFile } from "../../src/assistant/state-file.js";
import { createConfigStore, resolveConfig, type AppConfig } from "../../src/config/index.js";
import { createHalo, type Halo } from "../../src/halo/index.js";
import { setLogSink } from "../../src/log.js";
import { createSandbox, type Sandbox, type Switches } from "../../src/sandbox/index.js";
import { writeSandboxConfig } from "./sandbox-env.js";
import { createMcpServer } from "../../src/server/server.js";
import type { ToolContext } from "../../src/queries/context.js";

/** Saturday Nov 21 2026, 10:00 AM in Arizona. */
export const FIXED_NOW = new Date("2026-11-21T17:00:00Z");

export interface HarnessOptions {
  now?: Date;
  /** Simulated Halo latency per call (benchmarks). */
  latencyMs?: number;
  /** Puts handlers in front of the sandbox's (the bench records every response body this way). */
  wrapHandlers?: (sandboxHandlers: RequestHandler[]) => RequestHandler[];
  readOnly?: boolean;
  switches?: Partial<Switches>;
  /** Extra keys for config.json (merged over the sandbox credentials and URLs). */
  configFile?: Record<string, unknown>;
  /** Extra environment for resolveConfig (e.g. HALO_TIMEZONE). */
  env?: Record<string, string>;
  /** Runs after the sandbox is created, before the server starts. */
  tweak?: (sandbox: Sandbox) => void;
  /** Capture log lines instead of writing them to stderr. */
  logs?: string[];
  /** Makes the client support MCP elicitation and answer every request with this (the student's side). */
  elicit?: (params: ElicitRequest["params"]) => ElicitResult | Promise<ElicitResult>;
}

export interface CallResult {
  text: string;
  isError: boolean;
}

export interface Harness {
  client: Client;
  sandbox: Sandbox;
  halo: Halo;
  config: AppConfig;
  context: ToolContext;
  /** Temp dir: config.json, downloads/, uploads/ (an upload root), state files. */
  dir: string;
  uploadsDir: string;
  call(name: string, args?: Record<string, unknown>): Promise<CallResult>;
  /** Moves the server's clock (the sandbox world keeps its seeded dates). */
  setNow(d: Date): void;
  now(): Date;
  close(): Promise<void>;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  let now = opts.now ?? FIXED_NOW;
  const clock = () => now;
  const sandbox = createSandbox({ now, latencyMs: opts.latencyMs ?? 0 });
  Object.assign(sandbox.switches, opts.switches ?? {});
  opts.tweak?.(sandbox);

  const dir = mkdtempSync(path.join(tmpdir(), "halo-harness-"));
  const uploadsDir = path.join(dir, "uploads");
  mkdirSync(uploadsDir);
  const configPath = writeSandboxConfig(dir, sandbox, { uploadRoots: [uploadsDir], ...(opts.readOnly ? { readOnly: true } : {}), ...opts.configFile });
  const { config } = resolveConfig({ env: { HALO_CONFIG: configPath, ...opts.env }, argv: [], cwd: dir });

  const logs = opts.logs;
  setLogSink(logs ? (l) => logs.push(l) : () => undefined);
  const handlers = sandbox.handlers();
  const msw = setupServer(...(opts.wrapHandlers ? opts.wrapHandlers(handlers) : handlers));
  msw.listen({ onUnhandledRequest: "error" });

  // The cookie jar judges expiry by the sandbox clock (its cookies are dated from its own "now").
  const halo = createHalo({
    config, store: createConfigStore(config.configPath), healingStore: healingStateFile(dir), now: () => sandbox.now(), fetchHooks: { sleep: async () => {}, persistDelayMs: 0 },
  });
  const { server, context } = createMcpServer({ config, halo: halo.api, session: halo.session, now: clock, ping: false });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: "harness", version: "1.0.0" }, opts.elicit ? { capabilities: { elicitation: {} } } : undefined);
  const elicit = opts.elicit;
  if (elicit) client.setRequestHandler(ElicitRequestSchema, (req) => elicit(req.params));
  // Connect both ends at once: fastmcp's connect() polls for the client's capabilities, which only the
  // client's initialize can deliver (awaiting the server first costs about a second).
  const [session] = await Promise.all([server.connect(serverSide), client.connect(clientSide)]);

  return {
    client, sandbox, halo, config, context, dir, uploadsDir,
    async call(name, args = {}) {
      const r = await client.callTool({ name, arguments: args });
      const content = (r.content ?? []) as Array<{ type: string; text?: string }>;
      return { text: content.map((c) => c.text ?? "").join("\n"), isError: r.isError === true };
    },
    setNow(d) {
      now = d;
    },
    now: clock,
    async close() {
      await client.close();
      await session.close().catch(() => undefined);
      await halo.flush().catch(() => undefined);
      halo.close();
      msw.close();
      setLogSink(undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

