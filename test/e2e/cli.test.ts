/**
 * The CLI commands of the built binary: --help/--version, init (non-interactive, validated against the
 * loopback sandbox, mode 600), doctor (passes on a good setup, fails with fixes on a bad one).
 */
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, runBuiltCli, secretsOf, sharedWorld } from "./support.js";

const world = sharedWorld();

const cli = (args: string[], env: Record<string, string | undefined>, input = "") => runBuiltCli(args, env, input, { cwd: world.dir });
const NOT_REFRESHABLE = /cannot refresh it and it will need a new sign-in when its tokens expire: run `halo-lms-mcp login`/;
const withoutLogin = () => {
  const { HALO_COOKIE: _c, ...rest } = world.env;
  return rest;
};

describe("CLI", () => {
  it("--version and --help", async () => {
    const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package.json"), "utf8")) as { version: string };
    expect((await cli(["--version"], {})).out.trim()).toBe(pkg.version);
    const help = await cli(["--help"], {});
    expect(help.code).toBe(0);
    for (const word of ["init", "doctor", "--sandbox", "MCP_TRANSPORT", "--stdin", "login", "--fresh", "--timeout", "HALO_BROWSER"]) expect(help.out).toContain(word);
    const bad = await cli(["--bogus"], {});
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown option/);
  });

  it("init --stdin validates the cookie against Halo, writes it with mode 600 and prints client config", async () => {
    const configPath = path.join(world.dir, "fresh/sub/init-config.json"); // a folder that does not exist yet
    const r = await cli(["init", "--stdin", "--config", configPath], withoutLogin(), `Cookie: ${world.sandbox.credentials.cookieHeader}\n`);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Signed in as/);
    expect(r.err).not.toMatch(NOT_REFRESHABLE); // an SSO session renews itself
    const file = JSON.parse(readFileSync(configPath, "utf8")) as Record<string, string>;
    expect(file.cookie).toBe(world.sandbox.credentials.cookieHeader);
    expect(file.mcpAuthToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
    // The snippet starts this very installation by absolute path; never `npx`, which fetches by name.
    expect(r.out).toContain(`claude mcp add halo -e HALO_CONFIG=${configPath} -- ${process.execPath} ${CLI}`);
    expect(r.out).not.toContain("npx");
    expect(r.out).toContain(`"command": "${process.execPath}"`);
    expect(r.out).toContain(`--header "Authorization: Bearer ${file.mcpAuthToken}"`);
    expect(r.out).toMatch(/Claude Desktop[\s\S]*"mcpServers"[\s\S]*Cursor/);
    for (const secret of secretsOf(world.sandbox)) expect(r.err).not.toContain(secret);
  });

  it("init with the raw token pair from the environment works too", async () => {
    const configPath = path.join(world.dir, "init-tokens.json");
    const env = { ...withoutLogin(), HALO_AUTH_TOKEN: world.sandbox.credentials.authToken, HALO_CONTEXT_TOKEN: world.sandbox.credentials.contextToken };
    const r = await cli(["init", "--config", configPath], env, "");
    expect(r.code, r.err).toBe(0);
    const file = JSON.parse(readFileSync(configPath, "utf8")) as Record<string, string>;
    expect(file.authToken).toBe(world.sandbox.credentials.authToken);
    expect(file.cookie).toBeUndefined();
    // Halo makes a local_auth session from raw tokens, which it never renews: said once, at setup.
    expect(r.err.match(new RegExp(NOT_REFRESHABLE, "g"))).toHaveLength(1);
    const doctor = await cli(["doctor", "--config", configPath], withoutLogin());
    expect(doctor.code, doctor.out + doctor.err).toBe(0);
    expect(doctor.out).toMatch(/\[ok {2}\] Halo login works \(local_auth\)/);
    expect(doctor.out).toMatch(/\[warn\] This login was not made by a browser sign-in, so Halo cannot refresh it/);
  });

  it("init refuses a login Halo rejects and saves nothing", async () => {
    const configPath = path.join(world.dir, "init-bad.json");
    const r = await cli(["init", "--stdin", "--config", configPath], withoutLogin(), "__Secure-next-auth.session-token=not-a-real-session-token-value\n");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/did not work/);
    expect(() => statSync(configPath)).toThrow();
  });

  it("doctor passes on a working setup", async () => {
    const good = await cli(["doctor"], world.env);
    expect(good.code, good.out + good.err).toBe(0);
    expect(good.out).toMatch(/\[ok {2}\] Halo login works/);
    expect(good.out).toMatch(/\[ok {2}\] Halo gateway reachable/);
    expect(good.out).not.toMatch(NOT_REFRESHABLE);
    // A browser named for `login` that is not there is a warning, not a failure: the server itself works.
    const wrong = await cli(["doctor", "--browser", "/no/such/browser"], world.env);
    expect(wrong.code).toBe(0);
    expect(wrong.out).toContain("[warn] `halo-lms-mcp login` cannot use its browser: the browser given by --browser / HALO_BROWSER (/no/such/browser) was not found or cannot be run");
    const named = await cli(["doctor", "--browser", process.execPath], world.env);
    expect(named.out).toContain(`[ok  ] \`halo-lms-mcp login\` signs in with ${process.execPath}`);
  });

  it("doctor fails, with the fix, on a config file others can read", async () => {
    const loose = path.join(world.dir, "loose.json");
    writeFileSync(loose, JSON.stringify({ cookie: world.sandbox.credentials.cookieHeader }));
    chmodSync(loose, 0o644);
    const bad = await cli(["doctor", "--config", loose], withoutLogin());
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAIL\] .*readable by other users[\s\S]*fix: chmod 600/);
  });

  it("doctor on an ended session says to run login", async () => {
    const ended = await cli(["doctor", "--config", path.join(world.dir, "absent.json")], { ...withoutLogin(), HALO_COOKIE: "__Secure-next-auth.session-token=ended-long-ago" });
    expect(ended.code).toBe(1);
    expect(ended.out).toMatch(/FAIL\] Halo login has expired\n\s+fix: Your Halo login has ended.*Run `halo-lms-mcp login` in a terminal/);
  });

  it("doctor fails, with the fix, when no login is configured", async () => {
    const none = await cli(["doctor", "--config", path.join(world.dir, "absent.json")], withoutLogin());
    expect(none.code).toBe(1);
    expect(none.out).toMatch(/no Halo login configured[\s\S]*fix: run `halo-lms-mcp login` to sign in with your browser \(without a browser: `halo-lms-mcp init`/);
  });
});
