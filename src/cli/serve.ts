/**
 * Runs the MCP server on the configured transport. Returns a handle whose `done` settles when the
 * session ends by itself (stdin closed in stdio mode); the entry point handles signals.
 */
import path from "node:path";
import { healingStateFile } from "../assistant/state-file.js";
import type { AppConfig } from "../config/types.js";
import { createConfigStore } from "../config/store.js";
import { removeStaleTemps } from "../config/guard.js";
import { createLazyHalo } from "../halo/lazy.js";
import { log, setLogLevel } from "../log.js";
import { createMcpServer } from "../server/server.js";
import { ensureHttpToken, tokenAnnouncement } from "../transport/token.js";
import { StdioLineTransport } from "../transport/stdio.js";
import { MESSAGE_MAX_BYTES } from "../config/limits.js";
import type { CliIo } from "./io.js";
import { configWriteProblem, hostConfigPath, inContainer, inImage, StartupProblem, unwritableConfigHelp } from "./container.js";

export interface Running {
  /** HTTP endpoint (http mode). */
  url?: string;
  /** Settles when the server stopped on its own (stdio: the client closed stdin). */
  done: Promise<void>;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);



export async function serve(config: AppConfig, io: CliIo, extra: { onClose?: () => Promise<void> } = {}): Promise<Running> {
  setLogLevel(config.logLevel);
  if (inImage(io.env)) {
    // In the image the config folder is a mount: if its owner is wrong, say so now, not after a lost token save.
    const problem = await configWriteProblem(config.configPath);
    if (problem) throw new StartupProblem(unwritableConfigHelp(config.configPath, problem));
  }
  const store = createConfigStore(config.configPath);
  const stale = await removeStaleTemps(config.configPath);
  if (stale.length) log.info(`config: removed ${stale.length} leftover temp cop${stale.length === 1 ? "y" : "ies"} of ${config.configPath} (they held tokens)`);
  const halo = createLazyHalo({ config, store, healingStore: healingStateFile(path.dirname(config.configPath)) });
  const { server } = createMcpServer({ config, halo: halo.api, session: halo.session });

  let closing: Promise<void> | undefined;
  const shutdown = async (stopTransport: () => Promise<void>) => {
    await stopTransport().catch((e: unknown) => log.warn("error while stopping the transport", e));
    await halo.flush().catch(() => undefined);
    halo.close();
    await store.flush().catch(() => undefined);
    await extra.onClose?.().catch(() => undefined);
  };

  if (config.transport === "stdio") {
    if (!io.stdout) throw new Error("stdio mode needs the process's stdout");
    const transport = new StdioLineTransport(io.stdin, io.stdout, MESSAGE_MAX_BYTES);
    // Set before connecting: the SDK and fastmcp chain their own close handlers onto this one.
    const done = new Promise<void>((resolve) => (transport.onclose = resolve));
    const session = await server.connect(transport);
    halo.warm();
    log.info(`halo-lms-mcp ready on stdio${config.readOnly ? " (read-only)" : ""}`);
    return { done, close: () => (closing ??= shutdown(() => session.close())) };
  }

  const { host, port } = config.http;
  // Loaded only in HTTP mode: stdio never needs the HTTP server or the SDK's streamable transport.
  const { startHttp } = await import("../transport/http.js");
  const { token, generated } = await ensureHttpToken({ configured: config.http.authToken, store });
  const handle = await startHttp({ server, host, port, token, allowedHosts: config.http.allowedHosts, allowedOrigins: config.http.allowedOrigins });
  halo.warm();
  if (generated) io.err(tokenAnnouncement(config.http.publicUrl ?? handle.url, token, hostConfigPath(io.env, store.path)));
  if (!LOOPBACK.has(host)) {
    const where = inContainer(io.env) ? "inside the container; publish it on 127.0.0.1 only (see docker-compose.yml)" : "reachable from other machines on your network unless a firewall blocks it";
    log.warn(`HTTP bound to ${host}: ${where}. Every request still needs the bearer token.`);
  }
  log.info(`halo-lms-mcp ready on ${handle.url}${config.readOnly ? " (read-only)" : ""}; health at /health`);
  return { url: handle.url, done: new Promise<void>(() => {}), close: () => (closing ??= shutdown(() => handle.close())) };
}
