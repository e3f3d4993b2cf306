/**
 * The built server as a student runs it: `node dist/bin/cli.js` in its own process, configured through the
 * environment, talking to a loopback sandbox that lives in this (the bench) process. The sandbox's world is
 * seeded at the real "now" because the spawned server's clock is the real one.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createSandbox, type RunningSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { loopbackEnv } from "../helpers/sandbox-env.js";

/** dist/test/bench/spawn.js → dist/bin/cli.js, the bundled bin that is published and run. */
export const CLI_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/cli.js");

export interface LoopbackHalo {
  sandbox: Sandbox;
  running: RunningSandbox;
  /** Temp dir: config file, downloads, and the only upload root. */
  dir: string;
  env(extra?: Record<string, string>): Record<string, string>;
  close(): Promise<void>;
}

export async function startLoopbackHalo(opts: { latencyMs?: number } = {}): Promise<LoopbackHalo> {
  const sandbox = createSandbox({ latencyMs: opts.latencyMs ?? 0 });
  const running = await sandbox.listen();
  const dir = mkdtempSync(path.join(tmpdir(), "halo-bench-srv-"));
  return {
    sandbox, running, dir,
    env: (extra = {}) => ({ ...loopbackEnv(running, sandbox, dir, "warn"), ...extra }),
    async close() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Connected {
  client: Client;
  pid: number;
  close(): Promise<void>;
}

export async function connectStdio(env: Record<string, string>, cli = CLI_PATH): Promise<Connected> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli], env, stderr: "ignore" });
  const client = new Client({ name: "bench", version: "1.0.0" });
  await client.connect(transport);
  return { client, pid: transport.pid ?? 0, close: () => client.close() };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface HttpServer {
  url: string;
  token: string;
  child: ChildProcess;
  connect(): Promise<Client>;
  close(): Promise<void>;
}

/** Starts the server in HTTP mode and waits (at most 15 s) until it says it is ready. */
export async function startHttpServer(env: Record<string, string>): Promise<HttpServer> {
  const port = await freePort();
  const token = "bench-" + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  const child = spawn(process.execPath, [CLI_PATH], {
    env: { ...env, MCP_TRANSPORT: "http", MCP_HOST: "127.0.0.1", MCP_PORT: String(port), MCP_AUTH_TOKEN: token, LOG_LEVEL: "info" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = `http://127.0.0.1:${port}/mcp`;
  await new Promise<void>((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`HTTP server not ready after 15 s: ${log.slice(-500)}`)), 15_000);
    child.once("exit", (code) => reject(new Error(`HTTP server exited (${code}): ${log.slice(-500)}`)));
    child.stderr!.on("data", (d: Buffer) => {
      log += d.toString();
      if (/ready on http/.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.stderr!.resume();
  return {
    url, token, child,
    async connect() {
      const client = new Client({ name: "bench", version: "1.0.0" });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
      return client;
    },
    close: () => stopChild(child),
  };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
