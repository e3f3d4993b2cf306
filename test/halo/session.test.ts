import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createConfigStore } from "../../src/config/index.js";
import { setLogSink } from "../../src/log.js";
import { createHalo, isHaloError, type HaloError } from "../../src/halo/index.js";
import { fakePerTest, type FakeHalo, type AuthFailure } from "./fake-halo.js";
import { instant, tempDir, testConfig } from "./helpers.js";

setLogSink(() => undefined);
let fake!: FakeHalo;
fakePerTest((f) => (fake = f));

const Q = { operationName: "Q", query: "query Q { x }" };
const caught = async (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as HaloError);

function withCookie(extra: Parameters<typeof createHalo>[0]["fetchHooks"] = {}) {
  return createHalo({ config: testConfig({ cookie: fake.cookieHeader() }), fetchHooks: { ...instant, ...extra } });
}

describe("session bootstrap", () => {
  it("makes no network call until first use", async () => {
    withCookie();
    createHalo({ config: testConfig({ authToken: "raw-auth-1234", contextToken: "raw-ctx-1234" }), fetchHooks: instant });
    expect(fake.stats).toEqual({ gateway: 0, refreshPosts: 0, sessionGets: 0, callbacks: 0, csrfGets: 0, rest: 0, puts: 0, putBytes: 0 });
  });

  it("from a browser Cookie header: session GET, then the gateway with every header", async () => {
    const halo = withCookie();
    await halo.api.query({ ...Q, context: { slugId: "CHM-113L-20250101", courseClassId: "cc-1" } });
    expect(fake.seen.cookie).toContain(`__Secure-next-auth.session-token=${fake.sessionCookie}`);
    expect(fake.seen.cookie).toContain("__Host-next-auth.csrf-token=");
    const h = fake.seen.headers as Headers;
    expect(h.get("authorization")).toBe(`Bearer ${fake.authToken}`);
    expect(h.get("contexttoken")).toBe(`Bearer ${fake.contextToken}`);
    expect(h.get("content-type")).toBe("application/json");
    expect(h.get("apollo-require-preflight")).toBe("true");
    expect(h.get("gql-operation-name")).toBe("Q");
    expect(h.get("current-class-slug-id")).toBe("CHM-113L-20250101");
    expect(h.get("current-course-class-id")).toBe("cc-1");
    expect(h.get("origin")).toBe("https://halo.unit.test");
    expect(h.get("transaction-id")).toMatch(/^tenant-9-user-1111-[0-9a-f-]{36}$/);
    expect(fake.seen.body).toEqual({ operationName: "Q", variables: {}, query: "query Q { x }" });
    await halo.api.query(Q);
    expect(fake.seen.headers?.get("current-class-slug-id")).toBe("");
    expect(await halo.session.status()).toMatchObject({ state: "ok", source: "cookie", canRefresh: true, userId: fake.userId, authMethod: "open_id" });
  });

  it("from the raw token pair: csrf + callback/tokens + session", async () => {
    const halo = createHalo({ config: testConfig({ authToken: "raw-auth-1234", contextToken: "raw-ctx-1234" }), fetchHooks: instant });
    await halo.api.query(Q);
    expect(fake.stats).toMatchObject({ csrfGets: 1, callbacks: 1, gateway: 1 });
    expect(fake.seen.body).toBeDefined();
    expect(await halo.session.status()).toMatchObject({ state: "ok", source: "tokens", canRefresh: true });
  });

  it("raw tokens used directly: one refused query is checked with a canary, and the session is not declared over", async () => {
    fake.callbackFails = true;
    const halo = createHalo({ config: testConfig({ authToken: fake.authToken, contextToken: fake.contextToken }), fetchHooks: instant });
    await halo.api.query(Q);
    fake.gatewayFailures.push({ status: 200, body: { data: null, errors: [{ message: "401: Unauthorized" }] } });
    const e = await caught(halo.api.query(Q));
    expect(e.kind).toBe("upstream");
    expect(e.message).toMatch(/^Halo refused Q although your login works/);
    expect((fake.seen.body as { operationName: string }).operationName).toBe("GetUserAlertCount");
    expect(await halo.api.query(Q)).toEqual({ ok: true, op: "Q" });
    expect(fake.stats.refreshPosts).toBe(0);
  });

  it("falls back to the raw tokens directly when the callback fails, and says they cannot refresh", async () => {
    fake.callbackFails = true;
    const halo = createHalo({ config: testConfig({ authToken: fake.authToken, contextToken: fake.contextToken }), fetchHooks: instant });
    await halo.api.query(Q);
    expect(await halo.api.session()).toMatchObject({ userId: "", authMethod: "raw_tokens" });
    const st = await halo.session.status();
    expect(st).toMatchObject({ state: "unknown", source: "tokens", canRefresh: false });
    expect(st.message).toMatch(/cannot be refreshed/);
    fake.expireTokens();
    const e = await caught(halo.api.query(Q));
    expect(e.kind).toBe("session_expired");
    expect(e.message).toMatch(/cannot be refreshed.*Log in to https:\/\/halo\.unit\.test/);
    expect(fake.stats.refreshPosts).toBe(0);
  });

  it("with nothing configured: no_credentials, and status none", async () => {
    const halo = createHalo({ config: testConfig(), fetchHooks: instant });
    const e = await caught(halo.api.query(Q));
    expect(e.kind).toBe("no_credentials");
    expect(e.message).toMatch(/halo-lms-mcp init/);
    expect(await halo.session.status()).toMatchObject({ state: "none", source: "none" });
    expect(fake.stats.gateway).toBe(0);
  });

  it("a dead Cookie header is session_expired with the fix in one message", async () => {
    fake.sessionAlive = false;
    const e = await caught(withCookie().api.query(Q));
    expect(e.kind).toBe("session_expired");
    expect(e.message).toMatch(/^Your Halo login has ended.*Run `halo-lms-mcp login` in a terminal.*Log in to https:\/\/halo\.unit\.test in a browser.*Cookie header.*halo-lms-mcp init/);
  });
});

describe("refresh", () => {
  const modes: AuthFailure[] = ["http401", "message401", "errorCode401", "unauthenticated", "malformed"];
  for (const mode of modes) {
    it(`50 parallel calls failing with expired tokens (${mode}) cause exactly one refresh`, async () => {
      fake.authFailure = mode;
      const halo = withCookie();
      await halo.api.query(Q);
      fake.expireTokens();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => halo.api.query<{ op: string }>({ ...Q, operationName: `Q${i}` })));
      expect(results.map((r) => r.op)).toEqual(Array.from({ length: 50 }, (_, i) => `Q${i}`));
      expect(fake.stats.refreshPosts).toBe(1);
      expect(fake.seen.refreshBody).toEqual({ csrfToken: fake.csrf, data: { shouldRefreshToken: "true" } });
    });
  }

  it("refreshes just before tokenExpiration instead of waiting for a failed call (at most once a minute)", async () => {
    let t = Date.parse("2025-05-01T10:00:00Z");
    fake.tokenExpiration = "2025-05-01T10:30:00Z";
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }), now: () => t, fetchHooks: instant });
    await halo.api.query(Q);
    t = Date.parse("2025-05-01T10:29:30Z");
    fake.tokenExpiration = "2025-05-01T10:29:50Z"; // what the refresh will report: still "soon"
    const gateway = fake.stats.gateway;
    await halo.api.query(Q);
    expect(fake.stats.refreshPosts).toBe(1);
    expect(fake.stats.gateway).toBe(gateway + 1); // no failed call first
    await halo.api.query(Q);
    expect(fake.stats.refreshPosts).toBe(1); // not again within the minute
  });

  it("falls back from POST to GET when the POST refresh fails", async () => {
    fake.postRefreshFails = true;
    const halo = withCookie();
    await halo.api.query(Q);
    const gets = fake.stats.sessionGets;
    fake.expireTokens();
    await expect(halo.api.query(Q)).resolves.toBeTruthy();
    expect(fake.stats.refreshPosts).toBe(1);
    expect(fake.stats.sessionGets).toBe(gets + 1);
  });

  it("a dead session during refresh → session_expired, then fails fast without calling Halo", async () => {
    const halo = withCookie();
    await halo.api.query(Q);
    fake.sessionAlive = false;
    fake.expireTokens();
    const e = await caught(halo.api.query(Q));
    expect(e.kind).toBe("session_expired");
    expect(e.message).toMatch(/Your Halo login has ended.*Log in to https:\/\/halo\.unit\.test/);
    const before = { ...fake.stats };
    expect((await caught(halo.api.query(Q))).kind).toBe("session_expired");
    expect(fake.stats).toEqual(before);
    expect(await halo.session.status()).toMatchObject({ state: "expired" });
  });

  it("Permission Evaluator never triggers a refresh", async () => {
    const halo = withCookie();
    const e = await caught(halo.api.query({ ...Q, operationName: "NotEnrolled" }));
    expect(e.kind).toBe("access");
    expect(fake.stats.refreshPosts).toBe(0);
    expect(fake.stats.gateway).toBe(1);
  });

  it("a mutation rejected for auth is replayed exactly once after the refresh", async () => {
    const halo = withCookie();
    await halo.api.query(Q);
    fake.expireTokens();
    const n = fake.stats.gateway;
    await halo.api.mutate({ operationName: "M", query: "mutation M { x }" });
    expect(fake.stats.gateway).toBe(n + 2);
    expect(fake.stats.refreshPosts).toBe(1);
  });

  it("still rejected after a refresh → auth error telling the student what to do", async () => {
    const halo = withCookie();
    await halo.api.query(Q);
    fake.authToken += "-expired";
    const origRotate = fake.rotate.bind(fake);
    fake.rotate = () => {
      origRotate();
      fake.authToken += "-expired"; // the refreshed tokens are rejected too
    };
    const e = await caught(halo.api.query(Q));
    expect(e.kind).toBe("auth");
    expect(e.message).toMatch(/still rejects the session after a token refresh/);
  });

  it("session.refresh() forces one refresh and reports when", async () => {
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }), now: () => Date.parse("2025-03-01T12:00:00Z"), fetchHooks: instant });
    const st = await halo.session.refresh();
    expect(fake.stats.refreshPosts).toBe(1);
    expect(st).toMatchObject({ state: "ok", lastRefreshAt: "2025-03-01T12:00:00.000Z" });
  });

  it("session.refresh() with raw tokens used directly does not declare them dead", async () => {
    fake.callbackFails = true;
    const halo = createHalo({ config: testConfig({ authToken: fake.authToken, contextToken: fake.contextToken }), fetchHooks: instant });
    const st = await halo.session.refresh();
    expect(st).toMatchObject({ state: "unknown", canRefresh: false, source: "tokens" });
    await expect(halo.api.query(Q)).resolves.toBeTruthy();
  });

  it("status() probes an established session once and notices it ended", async () => {
    const halo = withCookie();
    await halo.api.query(Q);
    const gets = fake.stats.sessionGets;
    expect((await halo.session.status()).state).toBe("ok");
    expect(fake.stats.sessionGets).toBe(gets + 1);
    fake.sessionAlive = false;
    expect(await halo.session.status()).toMatchObject({ state: "expired", canRefresh: false });
  });

  it("session.setup() forces the callback bootstrap from the raw pair", async () => {
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader(), authToken: "raw-auth-1234", contextToken: "raw-ctx-1234" }), fetchHooks: instant });
    const st = await halo.session.setup();
    expect(fake.stats.callbacks).toBe(1);
    expect(st).toMatchObject({ state: "ok", source: "tokens" });
    await expect(createHalo({ config: testConfig({ cookie: "a=b" }), fetchHooks: instant }).session.setup()).rejects.toMatchObject({ kind: "no_credentials" });
  });
});

describe("persistence and hand edits", () => {
  function fileWith(obj: unknown) {
    const path = join(tempDir(), "config.json");
    writeFileSync(path, JSON.stringify(obj, null, 2));
    return path;
  }

  it("persists the session (cookies + tokens) and resumes it after a restart", async () => {
    const path = fileWith({ cookie: fake.cookieHeader(), studentKey: "kept" });
    const store = createConfigStore(path);
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }, path), store, fetchHooks: instant });
    await halo.api.query(Q);
    await halo.flush();
    const saved = JSON.parse(readFileSync(path, "utf8"));
    expect(saved.studentKey).toBe("kept");
    expect(saved.session.cookies["__Secure-next-auth.session-token"]).toBe(fake.sessionCookie);
    expect(saved.session).toMatchObject({ authToken: fake.authToken, contextToken: fake.contextToken, userId: fake.userId });
    // Restart with no credentials configured at all: the stored session is enough.
    const again = createHalo({ config: testConfig({}, path), store: createConfigStore(path), fetchHooks: instant });
    await expect(again.api.query(Q)).resolves.toBeTruthy();
    expect(await again.session.status()).toMatchObject({ state: "ok", source: "cookie" });
  });

  it("picks up a Cookie header the student pastes into the file while running", async () => {
    const path = fileWith({ cookie: "__Secure-next-auth.session-token=stale-session-value" });
    const store = createConfigStore(path);
    const halo = createHalo({ config: testConfig({ cookie: "__Secure-next-auth.session-token=stale-session-value" }, path), store, fetchHooks: instant });
    expect((await caught(halo.api.query(Q))).kind).toBe("session_expired");
    writeFileSync(path, JSON.stringify({ cookie: fake.cookieHeader(), note: "pasted" }));
    await expect(halo.api.query(Q)).resolves.toBeTruthy();
    expect(await halo.session.status()).toMatchObject({ state: "ok" });
  });

  it("reload() re-reads pasted tokens and starts again", async () => {
    fake.callbackFails = true;
    const path = fileWith({ authToken: "old-auth-token", contextToken: "old-ctx-token" });
    const halo = createHalo({ config: testConfig({ authToken: "old-auth-token", contextToken: "old-ctx-token" }, path), store: createConfigStore(path), fetchHooks: instant });
    expect((await caught(halo.api.query(Q))).kind).toBe("session_expired");
    writeFileSync(path, JSON.stringify({ authToken: fake.authToken, contextToken: fake.contextToken }));
    const st = await halo.session.reload();
    expect(st.source).toBe("tokens");
    await expect(halo.api.query(Q)).resolves.toBeTruthy();
  });

  it("a configured credential newer than the stored session wins over it", async () => {
    const path = fileWith({ cookie: fake.cookieHeader(), session: { cookies: { "__Secure-next-auth.session-token": "old-dead-one" }, basis: "0000000000000000" } });
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }, path), store: createConfigStore(path), fetchHooks: instant });
    await halo.api.query(Q);
    expect(fake.stats.sessionGets).toBe(1); // the stale stored session was not even tried
  });
});

describe("isHaloError", () => {
  it("recognises errors", () => expect(isHaloError(new Error("x"))).toBe(false));
});
