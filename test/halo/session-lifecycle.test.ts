/**
 * The session's life in the config file: the rotated pair saved after a refresh, a saved session that ended, the
 * student's pasted login noticed by the watcher, and the fallbacks from a dead cookie.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createConfigStore, type ConfigStore } from "../../src/config/index.js";
import { createHalo, type HaloError } from "../../src/halo/index.js";
import { basisOf } from "../../src/halo/session-store.js";
import { setLogSink } from "../../src/log.js";
import { fakePerTest, type FakeHalo } from "./fake-halo.js";
import { instant, tempDir, testConfig } from "./helpers.js";

const lines: string[] = [];
setLogSink((l) => lines.push(l));
let fake!: FakeHalo;
const env = fakePerTest((f) => (fake = f));
afterEach(() => {
  lines.length = 0;
});

const Q = { operationName: "Q", query: "query Q { x }" };
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as HaloError);
function fileWith(obj: unknown) {
  const path = join(tempDir(), "config.json");
  writeFileSync(path, JSON.stringify(obj, null, 2));
  return path;
}
const onDisk = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** A real store whose watcher the test fires by hand (conf's poll takes seconds). */
function watchable(path: string) {
  const store = createConfigStore(path);
  const fire: Array<() => void> = [];
  const wrapped: ConfigStore = { ...store, path, watch: (cb) => (fire.push(cb), () => void fire.splice(fire.indexOf(cb), 1)) };
  return { store: wrapped, fire };
}

describe("the rotated pair in the config file", () => {
  it("after a refresh the file holds the newest pair, with the identity, basis and time", async () => {
    const t = Date.parse("2026-03-01T12:00:00Z");
    const path = fileWith({ cookie: fake.cookieHeader() });
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }, path), store: createConfigStore(path), now: () => t, fetchHooks: instant });
    await halo.api.query(Q);
    fake.expireTokens();
    await halo.api.query(Q);
    await halo.flush();
    const s = onDisk(path).session;
    expect(fake.stats.refreshPosts).toBe(1);
    expect(s).toEqual({
      cookies: expect.objectContaining({ "__Secure-next-auth.session-token": fake.sessionCookie }),
      authToken: fake.authToken,
      contextToken: fake.contextToken,
      userId: fake.userId,
      expires: "2099-01-01T00:00:00.000Z",
      authMethod: "open_id",
      basis: basisOf({ cookie: fake.cookieHeader() }),
      savedAt: "2026-03-01T12:00:00.000Z",
    });
    expect(fake.authToken).toContain("AUTH2x");
  });

  it("raw tokens used directly are never written (nothing there could be refreshed)", async () => {
    fake.callbackFails = true;
    const pair = { authToken: fake.authToken, contextToken: fake.contextToken };
    const path = fileWith(pair);
    const halo = createHalo({ config: testConfig(pair, path), store: createConfigStore(path), fetchHooks: instant });
    await halo.api.query(Q);
    await halo.flush();
    expect(onDisk(path).session).toBeUndefined();
  });

  it("a saved session that has ended is removed from the file and the configured login is used", async () => {
    const config = { cookie: fake.cookieHeader() };
    const path = fileWith({ ...config, session: { cookies: { "__Secure-next-auth.session-token": "ended-session-value" }, basis: basisOf(config) } });
    const halo = createHalo({ config: testConfig(config, path), store: createConfigStore(path), fetchHooks: instant });
    await halo.api.query(Q);
    expect(fake.stats.sessionGets).toBe(2); // the saved one, then the configured one
    expect(lines.some((l) => l.includes("INFO halo: the saved session has ended; starting again from the configured credentials"))).toBe(true);
    await halo.flush();
    expect(onDisk(path).session.cookies["__Secure-next-auth.session-token"]).toBe(fake.sessionCookie);
  });

  it("a saved session that ended with nothing else configured: log in again, and the dead session is cleared", async () => {
    const path = fileWith({ session: { cookies: { "__Secure-next-auth.session-token": "ended-session-value" } } });
    const halo = createHalo({ config: testConfig({}, path), store: createConfigStore(path), fetchHooks: instant });
    const e = await caught(halo.api.query(Q));
    expect(e.kind).toBe("session_expired");
    expect(e.message).toMatch(/^Your Halo login has ended/);
    expect(onDisk(path).session).toBeUndefined();
  });
});

describe("a login pasted while the server runs", () => {
  it("the watcher picks it up without a call, and check_tokens says when", async () => {
    let t = Date.parse("2026-04-01T08:00:00Z");
    const path = fileWith({ cookie: "__Secure-next-auth.session-token=stale-session-value" });
    const { store, fire } = watchable(path);
    const halo = createHalo({ config: testConfig({ cookie: "__Secure-next-auth.session-token=stale-session-value" }, path), store, now: () => t, fetchHooks: instant });
    expect((await caught(halo.api.query(Q))).kind).toBe("session_expired");
    expect(fire).toHaveLength(1); // watching from the first use on
    t += 60_000;
    writeFileSync(path, JSON.stringify({ cookie: fake.cookieHeader() }));
    fire[0]!();
    const noticed = "INFO halo: new credentials in the config file (noticed by the file watcher, no reload_tokens needed); starting a new session from them";
    await vi.waitFor(() => expect(lines.some((l) => l.includes(noticed))).toBe(true)); // the watcher's check runs in the background
    expect(await halo.session.status()).toMatchObject({ state: "ok", source: "cookie", reloadedFromFileAt: "2026-04-01T08:01:00.000Z" });
    halo.close();
    expect(fire).toHaveLength(0); // close() stops watching
  });

  it("noticed on the next call instead, the log says so without the watcher remark", async () => {
    const path = fileWith({ cookie: "__Secure-next-auth.session-token=stale-session-value" });
    const { store } = watchable(path);
    const halo = createHalo({ config: testConfig({}, path), store, fetchHooks: instant });
    await caught(halo.api.query(Q));
    writeFileSync(path, JSON.stringify({ cookie: fake.cookieHeader() }));
    await halo.api.query(Q);
    expect(lines.some((l) => /INFO halo: new credentials in the config file; starting a new session from them$/.test(l))).toBe(true);
  });
});

describe("fallbacks from a Cookie header without a live session", () => {
  it("the LMS token cookies in it are used directly when no raw pair is configured", async () => {
    fake.sessionAlive = false;
    const cookie = `__Secure-next-auth.session-token=dead; TE1TX0FVVEg=${encodeURIComponent(fake.authToken)}; TE1TX0NPTlRFWFQ=${encodeURIComponent(fake.contextToken)}`;
    const halo = createHalo({ config: testConfig({ cookie }), fetchHooks: instant });
    expect(await halo.api.query(Q)).toEqual({ ok: true, op: "Q" });
    expect(await halo.session.status()).toMatchObject({ source: "cookie", canRefresh: false, authMethod: "raw_tokens" });
  });

  it("with a raw pair configured too, that pair starts the session", async () => {
    const halo = createHalo({ config: testConfig({ cookie: "__Secure-next-auth.session-token=dead", authToken: "raw-auth-1234", contextToken: "raw-ctx-1234" }), fetchHooks: instant });
    await halo.api.query(Q);
    expect(fake.stats.callbacks).toBe(1);
    expect(lines.some((l) => l.includes("INFO halo: the configured Cookie header has no live session; trying the raw token pair"))).toBe(true);
    expect(await halo.session.status()).toMatchObject({ state: "ok", source: "tokens", canRefresh: true });
  });

  it("a refused callback falls back to the raw pair with the reason in the log", async () => {
    fake.callbackFails = true;
    const halo = createHalo({ config: testConfig({ authToken: fake.authToken, contextToken: fake.contextToken }), fetchHooks: instant });
    await halo.api.query(Q);
    expect(lines.some((l) => l.includes("WARN halo: Halo rejected the session tokens (session setup). Using the raw tokens directly: Halo did not create"))).toBe(true);
    lines.length = 0;
    const { http, HttpResponse } = await import("msw");
    env.server.use(http.post("https://halo.unit.test/api/auth/callback/tokens", () => HttpResponse.json({ url: "https://halo.unit.test/api/auth/error?error=CredentialsSignin" })));
    await createHalo({ config: testConfig({ authToken: fake.authToken, contextToken: fake.contextToken }), fetchHooks: instant }).api.query(Q);
    expect(lines.some((l) => l.includes("WARN halo: Halo did not accept the tokens for a web session. Using the raw tokens directly"))).toBe(true);
  });
});
