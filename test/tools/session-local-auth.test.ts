/**
 * A login made from the raw token pair becomes a `local_auth` session, which Halo does not renew (S1): the
 * session tools say so once, and an SSO (`open_id`) login does not get the warning.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { harnessPerTest } from "../helpers/lifecycle.js";

const start = harnessPerTest();
const WARNING = /cannot refresh it and it will need a new sign-in when its tokens expire: run `halo-lms-mcp login`/;

describe("local_auth sessions", () => {
  it("check_tokens and reload_tokens warn that a session made from raw tokens cannot be refreshed", async () => {
    const h = await start();
    expect((await h.call("check_tokens")).text).toMatch(/SSO session/);
    const { cookie: _c, ...rest } = JSON.parse(readFileSync(h.config.configPath, "utf8")) as Record<string, unknown>;
    writeFileSync(h.config.configPath, JSON.stringify({ ...rest, authToken: h.sandbox.credentials.authToken, contextToken: h.sandbox.credentials.contextToken }), { mode: 0o600 });
    const reloaded = await h.call("reload_tokens");
    expect(reloaded.isError).toBe(false);
    expect(reloaded.text).toMatch(/session made from raw tokens/);
    expect(reloaded.text.match(WARNING)).toHaveLength(1);
    const r = await h.call("check_tokens");
    expect(r.text).toMatch(/^Session: OK/);
    expect(r.text).toMatch(WARNING);
    // The warning replaces the promise it contradicts.
    expect(r.text).not.toContain("Tokens can be refreshed automatically.");
    for (const secret of [h.sandbox.credentials.authToken, h.sandbox.credentials.contextToken]) expect(r.text).not.toContain(secret);
  });

  it("an SSO session from the browser Cookie header gets no such warning", async () => {
    const h = await start();
    const r = await h.call("check_tokens");
    expect(r.text).toMatch(/SSO session/);
    expect(r.text).toContain("Tokens can be refreshed automatically.");
    expect(r.text).not.toMatch(WARNING);
  });
});
