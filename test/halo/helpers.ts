import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppConfig } from "../../src/config/types.js";
import { deepFreeze } from "../../src/config/resolve.js";
import { URLS } from "./fake-halo.js";

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "halo-test-"));
}

export function testConfig(halo: Partial<AppConfig["halo"]> = {}, configPath = "/nonexistent/config.json"): AppConfig {
  return deepFreeze({
    configPath,
    halo: { ...URLS, requestTimeoutMs: 5000, maxConcurrency: 6, replyMaxBytes: 20 * 1024 * 1024, ...halo },
    timezone: "America/Phoenix",
    readOnly: false,
    uploadRoots: ["/tmp"],
    uploadMaxBytes: 512 * 1024 * 1024,
    downloadsDir: "/tmp/downloads",
    downloadMaxBytes: 52428800,
    inlineTextMaxBytes: 262144,
    toolDeadlineMs: 50_000,
    transport: "stdio",
    http: { host: "127.0.0.1", port: 8000, allowedOrigins: [], allowedHosts: [] },
    logLevel: "info",
  });
}

export const instant = { sleep: async () => undefined, random: () => 0.5, persistDelayMs: 1 };
