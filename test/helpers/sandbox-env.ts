/**
 * How tests and the bench point a server at the simulated Halo: a config file for in-process servers (msw
 * URLs), or the environment for a spawned built server (loopback URLs). One place, so both stay in step.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { MSW_URLS, type RunningSandbox, type Sandbox } from "../../src/sandbox/index.js";

/** Writes `<dir>/config.json` (mode 0600) logged in to the sandbox through msw; returns its path. */
export function writeSandboxConfig(dir: string, sandbox: Sandbox, extra: Record<string, unknown> = {}): string {
  const configPath = path.join(dir, "config.json");
  writeFileSync(
    configPath,
    JSON.stringify({
      cookie: sandbox.credentials.cookieHeader,
      baseUrl: MSW_URLS.web,
      gatewayUrl: MSW_URLS.gateway,
      orchestrationUrl: MSW_URLS.orchestration,
      downloadsDir: path.join(dir, "downloads"),
      ...extra,
    }),
    { mode: 0o600 },
  );
  return configPath;
}

/** The environment for a spawned server logged in to a loopback sandbox, with `dir` as its home. */
export function loopbackEnv(running: RunningSandbox, sandbox: Sandbox, dir: string, logLevel: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    HALO_CONFIG: path.join(dir, "config.json"),
    HALO_BASE_URL: running.urls.web,
    HALO_GATEWAY_URL: running.urls.gateway,
    HALO_ORCHESTRATION_URL: running.urls.orchestration,
    HALO_COOKIE: sandbox.credentials.cookieHeader,
    HALO_DOWNLOADS_DIR: path.join(dir, "downloads"),
    HALO_UPLOAD_ROOTS: dir,
    LOG_LEVEL: logLevel,
  };
}
