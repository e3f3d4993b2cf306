/**
 * A first run never goes silent: init and doctor against a Halo that is down (503 with Retry-After) or
 * unreachable end with a sentence and a non-zero exit; a rejected cookie is explained once.
 */
import { createServer, type Server } from "node:http";
import { statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, freePort, runBuiltCli, sharedWorld } from "./support.js";

const world = sharedWorld();

const cli = (args: string[], env: Record<string, string | undefined>, input = "") => runBuiltCli(args, env, input, { cwd: world.dir });

/** The sandbox environment with every Halo host pointed at `base`, and no login. */
function pointedAt(base: string): Record<string, string> {
  const { HALO_COOKIE: _c, ...rest } = world.env;
  return { ...rest, HALO_BASE_URL: base, HALO_GATEWAY_URL: `${base}/graphql`, HALO_ORCHESTRATION_URL: base };
}

let down: Server;
let downUrl = "";
let closedUrl = "";
let hits = 0;

beforeAll(async () => {
  // Halo's edge answering 503 with a short Retry-After: the client waits it out before giving up.
  down = createServer((_req, res) => {
    hits++;
    res.writeHead(503, { "retry-after": "1", "content-type": "text/plain" }).end("Service Unavailable");
  });
  await new Promise<void>((r) => down.listen(0, "127.0.0.1", r));
  downUrl = `http://127.0.0.1:${(down.address() as { port: number }).port}`;
  closedUrl = `http://127.0.0.1:${await freePort()}`; // nothing listens there
});
afterAll(() => new Promise<void>((r) => down.close(() => r())));

describe("a first run that never goes silent", () => {
  it("init against a Halo answering 503 says it could not check the login, saves nothing and exits 1", async () => {
    const configPath = path.join(world.dir, "first-run-503.json");
    const before = hits;
    const r = await cli(["init", "--stdin", "--config", configPath], pointedAt(downUrl), "__Secure-next-auth.session-token=abc\n");
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Could not check the login: Halo (${downUrl}) is not answering right now`);
    expect(r.err).toMatch(/HTTP 503/);
    expect(r.err).toContain("Nothing was saved.");
    expect(r.err).not.toMatch(/did not work/); // the login was never judged
    expect(hits - before).toBeGreaterThan(1); // it retried before giving up (the wait kept the process alive)
    expect(() => statSync(configPath)).toThrow();
  });

  it("init against an unreachable host says so and exits 1", async () => {
    const configPath = path.join(world.dir, "first-run-closed.json");
    const r = await cli(["init", "--stdin", "--config", configPath], pointedAt(closedUrl), "__Secure-next-auth.session-token=abc\n");
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Could not check the login: Halo (${closedUrl}) is not answering right now`);
    expect(() => statSync(configPath)).toThrow();
  });

  it("doctor against a Halo answering 503 names each failing host and exits 1", async () => {
    const r = await cli(["doctor"], { ...pointedAt(downUrl), HALO_COOKIE: "__Secure-next-auth.session-token=abc" });
    expect(r.code).toBe(1);
    for (const host of ["web", "gateway", "orchestration"]) expect(r.out).toMatch(new RegExp(`\\[FAIL\\] Halo ${host} at \\S+ answers HTTP 503`));
    expect(r.out).toMatch(/\d+ problem\(s\) to fix/);
  });

  it("doctor against an unreachable host fails with the connection fix", async () => {
    const r = await cli(["doctor"], { ...pointedAt(closedUrl), HALO_COOKIE: "__Secure-next-auth.session-token=abc" });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\[FAIL\] cannot reach Halo web at .* \(ECONNREFUSED\)/);
    expect(r.out).toContain("check your internet connection");
  });

  it("init --sandbox runs the whole flow on the simulated Halo and prints setup lines that start --sandbox", async () => {
    const { HALO_COOKIE: _c, ...env } = world.env;
    const r = await cli(["init", "--sandbox"], env);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Signed in as \w+ \w+/);
    expect(r.out).toContain(`claude mcp add halo-sandbox -- ${process.execPath} ${CLI} --sandbox`);
    expect(r.out).not.toMatch(/--transport http/); // no server runs to connect to
    const saved = /Saved to (\S+config\.json)/.exec(r.err)?.[1];
    expect(saved).toBeDefined();
    expect(() => statSync(saved as string)).toThrow(); // the throw-away config went with the simulated Halo
  });

  it("init with a cookie Halo rejects explains it once", async () => {
    const { HALO_COOKIE: _c, ...env } = world.env;
    const r = await cli(["init", "--stdin", "--config", path.join(world.dir, "first-run-bad.json")], env, "__Secure-next-auth.session-token=not-a-real-session-token-value\n");
    expect(r.code).toBe(1);
    const said = r.err.split("\n").filter((l) => !/^\S+Z (DEBUG|INFO|WARN)/.test(l)).join("\n");
    expect(said.match(/has ended|did not work/g)).toHaveLength(1);
    expect(said).toContain("Nothing was saved.");
  });
});
