/** resolveConfig's defaults, labels, warnings and secret registration, value by value (found by mutation testing). */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, deepFreeze, resolveConfig } from "../../src/config/index.js";
import { privateFiles } from "../../src/config/local-files.js";
import { registerCookieSecrets, registerConfigSecrets } from "../../src/config/resolve.js";
import { redact } from "../../src/redact.js";

const dir = (file?: unknown) => {
  const cwd = mkdtempSync(join(tmpdir(), "halo-resolve-"));
  if (file !== undefined) writeFileSync(join(cwd, "config.json"), JSON.stringify(file), { mode: 0o600 });
  return cwd;
};
const errorOf = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (e) {
    return e as ConfigError;
  }
  throw new Error("expected a ConfigError");
};

describe("resolveConfig details", () => {
  it("size and list defaults, trailing slashes cut from the web and orchestration URLs", () => {
    const cwd = dir({ baseUrl: "https://halo.example.edu//", orchestrationUrl: "https://orch.example.edu/api//" });
    const { config, warnings } = resolveConfig({ env: {}, argv: [], cwd });
    expect(config.halo).toMatchObject({ baseUrl: "https://halo.example.edu", orchestrationUrl: "https://orch.example.edu/api", requestTimeoutMs: 30_000 });
    expect(config.uploadMaxBytes).toBe(512 * 1024 * 1024);
    expect(config.downloadMaxBytes).toBe(50 * 1024 * 1024);
    expect(config.inlineTextMaxBytes).toBe(256 * 1024);
    expect(config.http.allowedOrigins).toEqual([]);
    expect(config.http.allowedHosts).toEqual([]);
    expect(warnings).toEqual([]); // the implicit ./config.json exists: nothing to say
  });

  it("an implicit missing file is silent; an explicit one is named", () => {
    const cwd = dir();
    expect(resolveConfig({ env: {}, argv: [], cwd }).warnings).toEqual([]);
    const p = join(cwd, "nope.json");
    expect(resolveConfig({ env: { HALO_CONFIG: p }, argv: [], cwd }).warnings).toEqual([`config file ${p} does not exist yet; using environment and defaults`]);
  });

  it("warns about a lone token and lists unknown keys", () => {
    const cwd = dir({ authToken: "only-the-auth-token", oldKey: 1, other: 2 });
    expect(resolveConfig({ env: {}, argv: [], cwd }).warnings).toEqual([
      "config file has keys this version does not use (kept as they are): oldKey, other",
      "only one of authToken/contextToken is set; both are needed to use raw tokens",
    ]);
    const both = dir({ authToken: "auth-token-value", contextToken: "ctx-token-value" });
    expect(resolveConfig({ env: {}, argv: [], cwd: both }).warnings).toEqual([]);
  });

  it("names flags the way they are typed, and refuses an empty --config", () => {
    const cwd = dir();
    expect(errorOf(() => resolveConfig({ env: {}, argv: ["--read-only=maybe"], cwd })).message).toMatch(/^--read-only: expected true or false/);
    expect(errorOf(() => resolveConfig({ env: {}, argv: ["--log-level", "loud"], cwd })).message).toBe("--log-level: expected debug or info or warn or error, got \"loud\"");
    expect(errorOf(() => resolveConfig({ env: {}, argv: ["--transport", "tcp"], cwd })).message).toBe('--transport: expected stdio or http, got "tcp"');
    const folder = join(cwd, "folder.json");
    mkdirSync(folder);
    expect(errorOf(() => resolveConfig({ env: { HALO_CONFIG: folder }, argv: [], cwd })).message).toBe(`${folder}: cannot read the config file (EISDIR)`);
    const e = errorOf(() => resolveConfig({ env: {}, argv: ["--config="], cwd }));
    expect(e.message).toBe("--config: expected a file path, got nothing");
    expect(e.key).toBe("--config");
  });
});

describe("secret registration", () => {
  it("registers the saved session's strings and nested cookie values, ignoring other types", () => {
    registerConfigSecrets(
      { halo: {}, http: {} } as never,
      { session: { authToken: "saved-auth-token-0001", cookies: { a: "saved-cookie-value-0002", n: 5 }, n: 7, nothing: null } },
    );
    expect(redact("x saved-auth-token-0001 saved-cookie-value-0002 y")).toBe("x [redacted] [redacted] y");
    registerConfigSecrets({ halo: {}, http: {} } as never, { session: "saved-string-session-0003" });
    expect(redact("saved-string-session-0003")).toBe("saved-string-session-0003"); // not an object: not a session
  });

  it("registers the configured tokens, the MCP token and every cookie value (trimmed)", () => {
    registerConfigSecrets({ halo: { authToken: "cfg-auth-token-0004", contextToken: "cfg-ctx-token-0005", cookie: "k=cfg-cookie-0006" }, http: { authToken: "mcp-bearer-0007" } } as never);
    expect(redact("cfg-auth-token-0004 cfg-ctx-token-0005 cfg-cookie-0006 mcp-bearer-0007")).toBe("[redacted] [redacted] [redacted] [redacted]");
    registerCookieSecrets("a= cookie-value-one-0008 ;=not-a-value-0009; b=x=cookie-two-0010");
    expect(redact("cookie-value-one-0008|x=cookie-two-0010|not-a-value-0009")).toBe("[redacted]|[redacted]|not-a-value-0009");
    registerCookieSecrets(undefined);
    registerCookieSecrets("");
  });
});

describe("deepFreeze and private files", () => {
  it("freezes nested objects and arrays, leaves primitives alone", () => {
    const v = deepFreeze({ a: { b: [1, { c: 2 }] }, s: "x" });
    expect(Object.isFrozen(v.a.b[1])).toBe(true);
    expect(Object.isFrozen(v.a.b)).toBe(true);
    expect(deepFreeze(5)).toBe(5);
    expect(deepFreeze(null)).toBeNull();
  });

  it("privateFiles lists the config file and its state files beside it", () => {
    expect(privateFiles({ configPath: "/c/config.json" })).toEqual(["/c/config.json", "/c/halo-audit.log", "/c/what-changed.json", "/c/calendar-sequence.json"]);
  });
});
