/**
 * The CLI as it runs inside the Docker image (no engine here: the built CLI is spawned with the environment
 * compose gives it, `container` set as podman/docker do): init prints host paths and only the HTTP setup with
 * the published port, and an unwritable /config stops the server at once with the owner fix.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, runBuiltCli, sharedWorld } from "./support.js";

const world = sharedWorld();

const cli = (args: string[], env: Record<string, string | undefined>, input = "", opts: { uid?: number; gid?: number; cwd?: string } = {}) =>
  runBuiltCli(args, env, input, { ...opts, cwd: opts.cwd ?? world.dir });

/** What docker-compose.yml sets, with HALO_PORT=8123 on the host; the mounted folders are temp dirs here. */
function composeEnv(configDir: string): Record<string, string> {
  const { HALO_COOKIE: _c, ...rest } = world.env;
  return {
    ...rest,
    container: "podman",
    MCP_TRANSPORT: "http",
    MCP_HOST: "127.0.0.1", // 0.0.0.0 in the image; loopback keeps this test off the network
    MCP_PORT: "8000", // never bound: init does not serve, and the unwritable server stops before listening
    HALO_CONFIG: path.join(configDir, "config.json"),
    MCP_PUBLIC_URL: "http://127.0.0.1:8123/mcp",
    HALO_HOST_CONFIG: "./config/config.json",
    HALO_READ_ONLY: "",
    LOG_LEVEL: "",
  };
}

describe("inside the Docker image", () => {
  it("`docker compose run --rm halo init` saves the login and prints host paths and the published HTTP endpoint only", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "halo-container-"));
    const r = await cli(["init", "--stdin"], composeEnv(dir), `Cookie: ${world.sandbox.credentials.cookieHeader}\n`);
    expect(r.code, r.err).toBe(0);
    const file = JSON.parse(readFileSync(path.join(dir, "config.json"), "utf8")) as Record<string, string>;
    expect(file.cookie).toBe(world.sandbox.credentials.cookieHeader);
    expect(r.err).toContain("Saved to ./config/config.json on your computer");
    expect(r.out).toContain("docker compose up -d");
    expect(r.out).toContain(`claude mcp add --transport http halo-http http://127.0.0.1:8123/mcp --header "Authorization: Bearer ${file.mcpAuthToken}"`);
    // Nothing the host cannot run: no container paths, no stdio launch of the image's node.
    expect(r.out).not.toContain(CLI);
    expect(r.out).not.toContain(dir);
    expect(r.out).not.toMatch(/claude mcp add halo /);
    expect(r.err).toContain("docker compose run --rm halo doctor");
  });

  const root = process.getuid?.() === 0;
  it("an unwritable /config stops the server at start with the owner fix, and claims no save", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "halo-container-ro-"));
    const configDir = path.join(dir, "config");
    mkdirSync(configDir);
    // As root (CI) the folder is root's and the server runs as nobody, as a wrong HALO_UID would; otherwise read-only.
    chmodSync(dir, 0o755);
    chmodSync(configDir, 0o555);
    const r = await cli([], composeEnv(configDir), "", root ? { uid: 65534, gid: 65534, cwd: dir } : { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`halo-lms-mcp cannot write ${configDir}`);
    expect(r.err).toMatch(/EACCES|EROFS|EPERM/);
    expect(r.err).toContain('sudo chown -R "$(id -u):$(id -g)" ./config');
    expect(r.err).toContain("HALO_UID");
    expect(r.err).not.toMatch(/saved (it )?(in|to)|generated an MCP access token/i);
  });
});
