/** Refresh details: the early refresh when Halo is down, where the csrf token comes from, and setup's refusal. */
import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { createHalo, type HaloError } from "../../src/halo/index.js";
import { setLogSink } from "../../src/log.js";
import { fakePerTest, URLS, type FakeHalo } from "./fake-halo.js";
import { instant, testConfig } from "./helpers.js";

setLogSink(() => undefined);
let fake!: FakeHalo;
const env = fakePerTest((f) => (fake = f));

const Q = { operationName: "Q", query: "query Q { x }" };
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as HaloError);

describe("the refresh just before expiry", () => {
  function soon() {
    let t = Date.parse("2025-05-01T10:00:00Z");
    fake.tokenExpiration = "2025-05-01T10:30:00Z";
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }), now: () => t, fetchHooks: instant });
    return { halo, at: (iso: string) => (t = Date.parse(iso)) };
  }

  it("is not tried more than a minute before expiry", async () => {
    const { halo, at } = soon();
    await halo.api.query(Q);
    at("2025-05-01T10:28:59Z");
    await halo.api.query(Q);
    expect(fake.stats.refreshPosts).toBe(0);
    at("2025-05-01T10:29:00Z");
    await halo.api.query(Q);
    expect(fake.stats.refreshPosts).toBe(1);
  });

  it("when Halo cannot refresh right now, the call goes ahead with the current tokens", async () => {
    const { halo, at } = soon();
    await halo.api.query(Q);
    fake.postRefreshFails = true;
    env.server.use(http.get(`${URLS.baseUrl}/api/auth/session`, () => HttpResponse.json({ message: "down" }, { status: 503 })));
    at("2025-05-01T10:29:30Z");
    expect(await halo.api.query(Q)).toEqual({ ok: true, op: "Q" });
    expect(fake.stats.refreshPosts).toBe(1);
  });

  it("when the login ended, the call fails with log in again instead of using dying tokens", async () => {
    const { halo, at } = soon();
    await halo.api.query(Q);
    fake.sessionAlive = false;
    at("2025-05-01T10:29:30Z");
    const gateway = fake.stats.gateway;
    expect((await caught(halo.api.query(Q))).kind).toBe("session_expired");
    expect(fake.stats.gateway).toBe(gateway);
  });
});

describe("where the refresh gets its csrf token", () => {
  it("from the jar when the pasted Cookie header has it, else by asking the web host", async () => {
    const withCsrf = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }), fetchHooks: instant });
    await withCsrf.api.query(Q);
    fake.expireTokens();
    await withCsrf.api.query(Q);
    expect([fake.stats.csrfGets, fake.stats.refreshPosts]).toEqual([0, 1]);
    const bare = createHalo({ config: testConfig({ cookie: `__Secure-next-auth.session-token=${fake.sessionCookie}` }), fetchHooks: instant });
    await bare.api.query(Q);
    fake.expireTokens();
    await bare.api.query(Q);
    expect([fake.stats.csrfGets, fake.stats.refreshPosts]).toEqual([1, 2]);
    expect(fake.seen.refreshBody).toEqual({ csrfToken: fake.csrf, data: { shouldRefreshToken: "true" } });
  });
});

describe("setup_session", () => {
  it("needs the whole token pair, and says which keys", async () => {
    const halo = createHalo({ config: testConfig({ authToken: "only-auth-token" }), fetchHooks: instant });
    const e = await caught(halo.session.setup());
    expect(e.kind).toBe("no_credentials");
    expect(e.message).toBe("setup_session needs both authToken and contextToken in the config file (or HALO_AUTH_TOKEN / HALO_CONTEXT_TOKEN).");
    expect(fake.stats.callbacks).toBe(0);
  });

  it("reports a pair Halo will not take as raw tokens that cannot refresh", async () => {
    fake.callbackFails = true;
    const halo = createHalo({ config: testConfig({ authToken: fake.authToken, contextToken: fake.contextToken }), fetchHooks: instant });
    const st = await halo.session.setup();
    expect(st).toMatchObject({ state: "unknown", source: "tokens", canRefresh: false, authMethod: "raw_tokens" });
    expect(st.message).toMatch(/^Using the raw tokens directly/);
  });
});

describe("check_tokens while Halo is down", () => {
  it("says the session could not be checked and that Halo is offline, without declaring it over", async () => {
    const halo = createHalo({ config: testConfig({ cookie: fake.cookieHeader() }), fetchHooks: instant });
    await halo.api.query(Q);
    env.server.use(http.get(`${URLS.baseUrl}/api/auth/session`, () => HttpResponse.json({ message: "down" }, { status: 503 })));
    const st = await halo.session.status();
    expect(st).toMatchObject({ state: "unknown", canRefresh: true, offline: true, message: "Halo answered HTTP 503 to session (server error)." });
    env.server.resetHandlers(...fake.handlers());
    expect((await halo.session.status()).state).toBe("ok");
  });
});
