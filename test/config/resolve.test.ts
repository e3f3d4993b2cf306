import { homedir } from "node:os";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, knownFileKeys, resolveConfig } from "../../src/config/index.js";
import { parseFlags } from "../../src/config/args.js";
import { tempDir } from "../halo/helpers.js";

function setup(file?: unknown) {
  const cwd = tempDir();
  if (file !== undefined) writeFileSync(join(cwd, "config.json"), typeof file === "string" ? file : JSON.stringify(file), { mode: 0o600 });
  return cwd;
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error("expected a ConfigError");
}

describe("resolveConfig layering", () => {
  it("uses defaults without file, env or flags", () => {
    const cwd = setup();
    const { config } = resolveConfig({ env: {}, argv: [], cwd });
    expect(config.configPath).toBe(join(cwd, "config.json"));
    expect(config.halo.baseUrl).toBe("https://halo.gcu.edu");
    expect(config.halo.gatewayUrl).toBe("https://gateway.halo.gcu.edu/");
    expect(config.halo.orchestrationUrl).toBe("https://orchestration.halo.gcu.edu");
    expect(config.halo.maxConcurrency).toBe(6);
    expect(config.halo.replyMaxBytes).toBe(20 * 1024 * 1024);
    expect(config.toolDeadlineMs).toBe(50_000);
    expect(config.timezone).toBe("America/Phoenix");
    expect(config.readOnly).toBe(false);
    expect(config.transport).toBe("stdio");
    expect(config.http).toMatchObject({ host: "127.0.0.1", port: 8000 });
    expect(config.logLevel).toBe("info");
    expect(config.uploadRoots[0]).toBe(join(homedir(), "HaloUploads"));
    expect(config.downloadsDir).toBe(join(cwd, "downloads"));
    expect(Object.isFrozen(config.halo)).toBe(true);
    expect(Object.isFrozen(config.http.allowedHosts)).toBe(true);
  });

  it("keeps the seed's camelCase keys working", () => {
    const cwd = setup({ authToken: "seed-auth-token-1", contextToken: "seed-ctx-token-1", transactionId: "t-u-0b4a1a9e-0000-4000-8000-000000000000" });
    const { config } = resolveConfig({ env: {}, argv: [], cwd });
    expect(config.halo.authToken).toBe("seed-auth-token-1");
    expect(config.halo.contextToken).toBe("seed-ctx-token-1");
    expect(config.halo.transactionId).toBe("t-u-0b4a1a9e-0000-4000-8000-000000000000");
  });

  it("applies defaults < file < env < flags", () => {
    const cwd = setup({ mcpPort: 8100, mcpHost: "0.0.0.0", logLevel: "warn", readOnly: true, timezone: "America/Denver", downloadsDir: "dl" });
    const env = { MCP_PORT: "8200", LOG_LEVEL: "debug", HALO_READ_ONLY: "no" };
    const argv = ["--port", "8300", "--read-only"];
    const { config } = resolveConfig({ env, argv, cwd });
    expect(config.http.port).toBe(8300); // flag beats env beats file
    expect(config.http.host).toBe("0.0.0.0"); // file beats default
    expect(config.logLevel).toBe("debug"); // env beats file
    expect(config.readOnly).toBe(true); // flag beats env
    expect(config.timezone).toBe("America/Denver");
    expect(config.downloadsDir).toBe(join(cwd, "dl")); // file paths are relative to the file's folder
    expect(resolveConfig({ env, argv: [], cwd }).config.readOnly).toBe(false);
    expect(resolveConfig({ env: {}, argv: ["--log-level=error", "--transport", "http"], cwd }).config).toMatchObject({ logLevel: "error", transport: "http" });
  });

  it("finds the file via --config, then HALO_CONFIG, then ./config.json", () => {
    const cwd = setup({ mcpPort: 1111 });
    mkdirSync(join(cwd, "a"));
    writeFileSync(join(cwd, "a", "x.json"), JSON.stringify({ mcpPort: 2222 }));
    writeFileSync(join(cwd, "a", "y.json"), JSON.stringify({ mcpPort: 3333 }));
    expect(resolveConfig({ env: {}, argv: [], cwd }).config.http.port).toBe(1111);
    expect(resolveConfig({ env: { HALO_CONFIG: "a/x.json" }, argv: [], cwd }).config.http.port).toBe(2222);
    expect(resolveConfig({ env: { HALO_CONFIG: "a/x.json" }, argv: ["--config", "a/y.json"], cwd }).config.http.port).toBe(3333);
  });

  it("reads env names for every Halo setting", () => {
    const cwd = setup();
    const { config } = resolveConfig({
      cwd,
      argv: [],
      env: {
        HALO_AUTH_TOKEN: "env-auth-token",
        HALO_CONTEXT_TOKEN: "env-ctx-token",
        HALO_COOKIE: "Cookie: a=1; __Secure-next-auth.session-token=zzz",
        HALO_BASE_URL: "http://127.0.0.1:9999/",
        HALO_GATEWAY_URL: "http://127.0.0.1:9998/",
        HALO_ORCHESTRATION_URL: "http://127.0.0.1:9997",
        HALO_UPLOAD_ROOTS: `up1:${cwd}/up2`,
        HALO_DOWNLOADS_DIR: "/var/dl",
        MCP_AUTH_TOKEN: "mcp-secret-token",
        MCP_ALLOWED_ORIGINS: "https://a.example, https://b.example",
        MCP_ALLOWED_HOSTS: "localhost,example.com",
        MCP_TRANSPORT: "HTTP",
        HALO_TIMEZONE: "UTC",
        HALO_REPLY_MAX_BYTES: "1048576",
        HALO_TOOL_DEADLINE_MS: "20000",
      },
    });
    expect(config.halo).toMatchObject({ authToken: "env-auth-token", contextToken: "env-ctx-token", baseUrl: "http://127.0.0.1:9999" });
    expect(config.halo.cookie).toBe("a=1; __Secure-next-auth.session-token=zzz");
    expect(config.uploadRoots).toEqual([join(cwd, "up1"), join(cwd, "up2")]);
    expect(config.downloadsDir).toBe("/var/dl");
    expect(config.http).toMatchObject({ authToken: "mcp-secret-token", allowedOrigins: ["https://a.example", "https://b.example"], allowedHosts: ["localhost", "example.com"] });
    expect(config.transport).toBe("http");
    expect(config.timezone).toBe("UTC");
    expect(config.halo.replyMaxBytes).toBe(1048576);
    expect(config.toolDeadlineMs).toBe(20_000);
  });

  it("treats empty environment variables as unset", () => {
    const cwd = setup({ mcpPort: 1234 });
    expect(resolveConfig({ env: { MCP_PORT: "", HALO_AUTH_TOKEN: " " }, argv: [], cwd }).config.http.port).toBe(1234);
  });
});

describe("resolveConfig errors and warnings", () => {
  it("a bad value is one line naming the key and source", () => {
    const cwd = setup({ mcpPort: "http" });
    const env = errorOf(() => resolveConfig({ env: { MCP_PORT: "abc" }, argv: [], cwd: setup() }));
    expect(env).toBeInstanceOf(ConfigError);
    expect(env.message).toBe('MCP_PORT: expected a port number 1-65535, got "abc"');
    const file = errorOf(() => resolveConfig({ env: {}, argv: [], cwd }));
    expect(file.message).toMatch(/^mcpPort \(in .*config\.json\): expected a port number 1-65535, got "http"$/);
    expect(errorOf(() => resolveConfig({ env: {}, argv: ["--port", "0"], cwd: setup() })).message).toMatch(/^--port: expected a port/);
    expect(errorOf(() => resolveConfig({ env: { HALO_TIMEZONE: "Mars/Base" }, argv: [], cwd: setup() })).message).toMatch(/^HALO_TIMEZONE: expected an IANA time zone/);
    expect(errorOf(() => resolveConfig({ env: { HALO_READ_ONLY: "maybe" }, argv: [], cwd: setup() })).message).toMatch(/^HALO_READ_ONLY: expected true or false/);
    expect(errorOf(() => resolveConfig({ env: { MCP_TRANSPORT: "sse" }, argv: [], cwd: setup() })).message).toBe('MCP_TRANSPORT: expected stdio or http, got "sse"');
    expect(errorOf(() => resolveConfig({ env: { HALO_BASE_URL: "ftp://x" }, argv: [], cwd: setup() })).message).toMatch(/^HALO_BASE_URL: expected an http\(s\) URL/);
    for (const e of [env, file]) expect(e.message).not.toContain("\n");
  });

  it("never echoes a secret in the error", () => {
    const e = errorOf(() => resolveConfig({ env: { HALO_AUTH_TOKEN: "secret part two" }, argv: [], cwd: setup() }));
    expect(e.message).toMatch(/^HALO_AUTH_TOKEN: expected a non-empty token/);
    expect(e.message).not.toContain("secret part");
  });

  it("an unparseable file is a one-line error without its content", () => {
    const cwd = setup('{ "authToken": "tok-SECRET-123", oops }');
    const e = errorOf(() => resolveConfig({ env: {}, argv: [], cwd }));
    expect(e.message).toMatch(/config\.json: not valid JSON/);
    expect(e.message).not.toContain("SECRET");
  });

  it("warns about unknown keys (kept), a missing explicit file and loose permissions", () => {
    const cwd = setup({ authToken: "a-token-value", contextToken: "c-token-value", myNote: "hi" });
    chmodSync(join(cwd, "config.json"), 0o644);
    const { warnings } = resolveConfig({ env: {}, argv: [], cwd });
    expect(warnings.join("\n")).toMatch(/myNote/);
    expect(warnings.join("\n")).toMatch(/chmod 600/);
    expect(resolveConfig({ env: {}, argv: ["--config", "missing.json"], cwd }).warnings.join("\n")).toMatch(/does not exist/);
  });
});

describe("parseFlags", () => {
  it("passes unknown arguments through", () => {
    expect(parseFlags(["init", "--port=1", "--verbose", "--host", "h", "--no-read-only"])).toEqual({
      flags: { port: "1", host: "h", readOnly: "false" },
      rest: ["init", "--verbose"],
    });
  });
});

describe("config file permissions", () => {
  it("warns when a file holding a login is readable by others, not when its secret keys are empty", () => {
    const withCookie = setup({ cookie: "__Secure-next-auth.session-token=abc" });
    chmodSync(join(withCookie, "config.json"), 0o644);
    expect(resolveConfig({ env: {}, argv: [], cwd: withCookie }).warnings.join("\n")).toMatch(/readable by other users.*chmod 600/);

    const example = setup({ cookie: null, authToken: null, contextToken: null, mcpAuthToken: null });
    chmodSync(join(example, "config.json"), 0o644);
    expect(resolveConfig({ env: {}, argv: [], cwd: example }).warnings.join("\n")).not.toMatch(/readable by other users/);
  });
});

describe("config.example.json", () => {
  it("documents every config key and loads cleanly as a config file", () => {
    const example = JSON.parse(readFileSync(new URL("../../config.example.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const documented = new Set(Object.keys(example));
    const missing = [...knownFileKeys].filter((k) => !documented.has(k) && !["session", "$schema", "comment", "_comment"].includes(k));
    expect(missing).toEqual([]);
    const cwd = setup(example);
    const { config, warnings } = resolveConfig({ env: {}, argv: [], cwd });
    expect(warnings).toEqual([]);
    expect(config.halo.baseUrl).toBe("https://halo.gcu.edu");
    expect(config.halo.cookie).toBeUndefined();
  });
});
