/**
 * The rotated-token save, end to end with the built server over stdio against the loopback sandbox:
 * every refresh lands in the config file (not just the first), a restart resumes from the file with no
 * login configured, a pair the student pastes wins over the saved session, and a login pasted while the
 * server runs is picked up by the file watcher without reload_tokens.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { describe, expect, it, vi } from "vitest";
import { CLI, sharedWorld } from "./support.js";

const world = sharedWorld();

interface Saved {
  cookie?: string;
  authToken?: string;
  contextToken?: string;
  note?: string;
  session?: { authToken: string; contextToken: string; cookies: Record<string, string> };
}

async function start(env: Record<string, string>, cwd: string) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI], env, cwd, stderr: "pipe" });
  let stderr = "";
  transport.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: "e2e-rotation", version: "1.0.0" });
  await client.connect(transport);
  const call = async (name: string) => {
    const r = await client.callTool({ name, arguments: {} });
    return { text: (r.content as Array<{ text?: string }>).map((c) => c.text ?? "").join("\n"), isError: r.isError === true };
  };
  return { call, stderr: () => stderr, close: () => client.close() };
}

function setup(name: string) {
  const dir = path.join(world.dir, name);
  mkdirSync(dir);
  const configPath = path.join(dir, "config.json");
  const read = (): Saved => JSON.parse(readFileSync(configPath, "utf8")) as Saved;
  /** The environment without any login: only the file can supply one. */
  const { HALO_COOKIE: _cookie, ...noLogin } = world.env;
  return { dir, configPath, read, withLogin: { ...world.env, HALO_CONFIG: configPath }, noLogin: { ...noLogin, HALO_CONFIG: configPath } };
}

const savedToken = (read: () => Saved) => {
  try {
    return read().session?.authToken;
  } catch {
    return undefined; // not written yet
  }
};

describe("rotated tokens in the config file", () => {
  it("saves every refresh, resumes from the file after a restart, and a hand-pasted pair wins", async () => {
    const t = setup("rotation");
    writeFileSync(t.configPath, JSON.stringify({ note: "student's own key" }, null, 2), { mode: 0o600 });
    const first = await start(t.withLogin, t.dir);
    expect((await first.call("check_tokens")).text).toMatch(/Session: OK/);
    await vi.waitFor(() => expect(savedToken(t.read)).toBeTruthy(), { timeout: 10_000 });
    const seen = [savedToken(t.read)];
    for (let i = 0; i < 2; i++) {
      const refreshes = world.sandbox.stats.refreshes;
      expect((await first.call("refresh")).text).toMatch(/Refreshed\. Session: OK/);
      expect(world.sandbox.stats.refreshes).toBe(refreshes + 1);
      // The second save matters as much as the first: a store that saved once would stop here.
      await vi.waitFor(() => expect(seen).not.toContain(savedToken(t.read)), { timeout: 10_000 });
      seen.push(savedToken(t.read));
    }
    await first.close();
    const afterFirst = t.read();
    expect(afterFirst.note).toBe("student's own key");
    expect(afterFirst.session?.authToken).toBe(seen[2]);
    expect(new Set(seen).size).toBe(3);

    // Restart with no login anywhere but the saved session.
    const second = await start(t.noLogin, t.dir);
    const status = await second.call("check_tokens");
    expect(status.text).toMatch(/Session: OK/);
    expect(status.text).toMatch(/Credential source: the browser Cookie header/);
    expect((await second.call("list_classes")).isError).toBe(false);
    await second.close();

    // The student pastes a raw token pair: it is newer than the saved session, so it wins on the next start.
    const { authToken, contextToken } = world.sandbox.credentials;
    writeFileSync(t.configPath, JSON.stringify({ ...t.read(), authToken, contextToken }, null, 2));
    const third = await start(t.noLogin, t.dir);
    const pasted = await third.call("check_tokens");
    expect(pasted.text).toMatch(/Credential source: the raw token pair/);
    await third.close();
  }, 90_000);

  it("picks up a login pasted into the file while running, without reload_tokens, and says so", async () => {
    const t = setup("watch");
    writeFileSync(t.configPath, JSON.stringify({ cookie: "__Secure-next-auth.session-token=long-dead-session-value" }, null, 2), { mode: 0o600 });
    const s = await start(t.noLogin, t.dir);
    const before = await s.call("check_tokens");
    expect(before.text).toMatch(/Session: EXPIRED/);
    expect(before.text).not.toMatch(/Reloaded the login/);
    writeFileSync(t.configPath, JSON.stringify({ cookie: world.sandbox.credentials.cookieHeader }, null, 2));
    // No tool call in between: the file watcher notices the edit on its own.
    await vi.waitFor(() => expect(s.stderr()).toMatch(/noticed by the file watcher, no reload_tokens needed/), { timeout: 20_000, interval: 250 });
    const after = await s.call("check_tokens");
    expect(after.text).toMatch(/Session: OK/);
    expect(after.text).toMatch(/Reloaded the login from the config file automatically/);
    await s.close();
  }, 60_000);
});
