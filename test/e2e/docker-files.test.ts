/**
 * Static checks of the container files (no Docker engine in CI): the Dockerfile lints clean and keeps the
 * security properties the docs promise; docker-compose.yml parses and publishes on loopback only, with a
 * read-only root, no capabilities and narrow mounts. `docker-compose config -q` runs too when installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.js";
import { parseYamlLite } from "./yaml-lite.js";

const dockerfileText = readFileSync("Dockerfile", "utf8");
/** Instructions only: comments may mention what the image deliberately lacks. */
const dockerfile = dockerfileText.split("\n").filter((l) => !l.trimStart().startsWith("#")).join("\n");
const composeText = readFileSync("docker-compose.yml", "utf8");
type Obj = Record<string, unknown>;

/** Compose's `${VAR:-default}` / `${VAR}` substitution, as `docker compose` does it with the host's environment. */
function interpolate(text: string, hostEnv: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::-([^}]*))?\}/g, (_m, name: string, def?: string) => (hostEnv[name] ? hostEnv[name] : (def ?? "")));
}

describe("Dockerfile", () => {
  it("lints clean with dockerfile-utils (and the linter does catch errors)", () => {
    expect(validate(dockerfileText).map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    expect(validate("FROM\nHEALTHCHECK --interval=1 CMD true\nEXPOSE notaport\n").length).toBeGreaterThan(0);
  });

  it("is multi-stage, runs as non-root, and installs only production dependencies in the runtime", () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = stages.at(-1) as string;
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(stages.every((st) => st.startsWith("node:24-alpine"))).toBe(true); // today's LTS; Node 20 is end-of-life
    // The image runs the same bundled bin the bench measures and npm publishes, without source maps.
    expect(stages[0]).toMatch(/node scripts\/bundle\.mjs --no-sourcemap/);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist\/bin \.\/dist\/bin/);
    expect(runtime).not.toMatch(/COPY (\.|src|test)\s/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*CMD \["node"/m);
    expect(runtime).toContain("/health");
    expect(runtime).not.toMatch(/curl|wget/);
  });

  it("sets the container defaults: HTTP on 0.0.0.0:8000 and the /config, /uploads, /downloads paths", () => {
    for (const env of ["MCP_TRANSPORT=http", "MCP_HOST=0.0.0.0", "MCP_PORT=8000", "HALO_CONFIG=/config/config.json", "HALO_UPLOAD_ROOTS=/uploads", "HALO_DOWNLOADS_DIR=/downloads"]) {
      expect(dockerfile).toContain(env);
    }
    expect(dockerfile).toMatch(/ENTRYPOINT \["node", "dist\/bin\/cli\.js"\]/);
  });

  it("keeps secrets and local state out of the build context", () => {
    const ignore = readFileSync(".dockerignore", "utf8").split("\n").map((l) => l.trim());
    for (const p of ["config.json", "config/", "node_modules/", ".git/", "downloads/", "uploads/", ".env"]) expect(ignore).toContain(p);
  });
});

describe("docker-compose.yml", () => {
  const compose = parseYamlLite(composeText) as Obj;
  const svc = (compose.services as Obj).halo as Obj;

  it("publishes on 127.0.0.1 only", () => {
    const ports = svc.ports as string[];
    expect(ports).toEqual(["127.0.0.1:${HALO_PORT:-8000}:8000"]);
    expect(interpolate(ports[0] as string, {})).toBe("127.0.0.1:8000:8000");
    // The setup lines name the port the host really publishes.
    expect(interpolate((svc.environment as Obj).MCP_PUBLIC_URL as string, { HALO_PORT: "8123" })).toBe("http://127.0.0.1:8123/mcp");
  });

  it("runs hardened: read-only root, no new privileges, all capabilities dropped, tmpfs /tmp", () => {
    expect(svc.read_only).toBe("true");
    expect(svc.security_opt).toContain("no-new-privileges:true");
    expect(svc.cap_drop).toEqual(["ALL"]);
    expect((svc.tmpfs as string[]).some((t) => t.startsWith("/tmp"))).toBe(true);
  });

  it("mounts a config folder writable, one uploads folder read-only, downloads writable, and nothing else", () => {
    const vols = svc.volumes as string[];
    expect(vols).toContain("./config:/config");
    expect(vols).toContain("./uploads:/uploads:ro");
    expect(vols).toContain("./downloads:/downloads");
    expect(vols).toHaveLength(3);
    expect(vols.join(" ")).not.toMatch(/~|\$HOME|\/home|config\.json:/);
  });

  it("points the server at the mounted paths", () => {
    const env = svc.environment as Obj;
    expect(env).toMatchObject({ MCP_TRANSPORT: "http", HALO_CONFIG: "/config/config.json", HALO_UPLOAD_ROOTS: "/uploads", HALO_DOWNLOADS_DIR: "/downloads" });
  });

  it("passes optional settings through only when the host sets them, so config.json's own values hold", () => {
    const env = Object.fromEntries(Object.entries(svc.environment as Record<string, string>).map(([k, v]) => [k, interpolate(String(v), {})]));
    for (const key of ["HALO_READ_ONLY", "HALO_TIMEZONE", "LOG_LEVEL"]) expect(env[key], key).toBe("");
    const dir = mkdtempSync(path.join(tmpdir(), "compose-env-"));
    const configPath = path.join(dir, "config.json");
    writeFileSync(configPath, JSON.stringify({ readOnly: true, timezone: "America/Denver", logLevel: "warn" }), { mode: 0o600 });
    const { config } = resolveConfig({ env: { ...env, HALO_CONFIG: configPath, HALO_UPLOAD_ROOTS: dir, HALO_DOWNLOADS_DIR: dir }, argv: [], cwd: dir });
    expect(config.readOnly).toBe(true);
    expect(config.timezone).toBe("America/Denver");
    expect(config.logLevel).toBe("warn");
    expect(config.http.publicUrl).toBe("http://127.0.0.1:8000/mcp");
    // ...and a value set on the host still wins over the file.
    const set = Object.fromEntries(Object.entries(svc.environment as Record<string, string>).map(([k, v]) => [k, interpolate(String(v), { HALO_READ_ONLY: "false" })]));
    expect(resolveConfig({ env: { ...set, HALO_CONFIG: configPath, HALO_UPLOAD_ROOTS: dir, HALO_DOWNLOADS_DIR: dir }, argv: [], cwd: dir }).config.readOnly).toBe(false);
  });

  const hasCompose = spawnSync("docker-compose", ["version"], { stdio: "ignore" }).status === 0;
  it.skipIf(!hasCompose)("passes `docker-compose config -q`", () => {
    execFileSync("docker-compose", ["-f", "docker-compose.yml", "config", "-q"], { stdio: "pipe" });
  });
});
