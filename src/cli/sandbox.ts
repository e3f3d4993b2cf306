/**
 * The simulated Halo for `--sandbox` and the demo: a loopback server in this process plus a throw-away
 * config folder. Imported lazily so a normal start never loads the simulator (or its msw dependency).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createSandbox } from "../sandbox/index.js";

export interface DemoSandbox {
  /** Environment overlay pointing the server at the sandbox with its login. */
  env: Record<string, string>;
  dir: string;
  close(): Promise<void>;
}

export async function startDemoSandbox(): Promise<DemoSandbox> {
  const sandbox = createSandbox();
  const server = await sandbox.listen();
  const dir = await mkdtemp(path.join(tmpdir(), "halo-sandbox-"));
  await writeFile(path.join(dir, "config.json"), "{}\n", { mode: 0o600 });
  return {
    dir,
    env: {
      HALO_CONFIG: path.join(dir, "config.json"),
      HALO_BASE_URL: server.urls.web,
      HALO_GATEWAY_URL: server.urls.gateway,
      HALO_ORCHESTRATION_URL: server.urls.orchestration,
      HALO_COOKIE: sandbox.credentials.cookieHeader,
      // Never mix the student's real login into the simulated one: blank values count as unset.
      HALO_AUTH_TOKEN: "",
      HALO_CONTEXT_TOKEN: "",
      HALO_TRANSACTION_ID: "",
      HALO_DOWNLOADS_DIR: path.join(dir, "downloads"),
      HALO_UPLOAD_ROOTS: dir,
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
