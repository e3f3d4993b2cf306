import { describe, expect, it } from "vitest";
import { COOKIE, MSW_URLS, type Sandbox } from "../../src/sandbox/index.js";
import { gql, Jar, useMswSandbox } from "./helpers.js";

const { sb } = useMswSandbox();

async function session(jar: Jar): Promise<Record<string, unknown>> {
  const res = await fetch(`${MSW_URLS.web}/api/auth/session`, { headers: { cookie: jar.header() } });
  expect(res.status).toBe(200);
  jar.apply(res);
  return (await res.json()) as Record<string, unknown>;
}

async function refresh(jar: Jar): Promise<Response> {
  const csrf = decodeURIComponent(jar.map.get(COOKIE.csrf) ?? "").split("|")[0];
  const res = await fetch(`${MSW_URLS.web}/api/auth/session`, {
    method: "POST",
    headers: { cookie: jar.header(), "content-type": "application/json" },
    body: JSON.stringify({ csrfToken: csrf, data: { shouldRefreshToken: "true" } }),
  });
  jar.apply(res);
  return res;
}

const tokensOf = (s: Record<string, unknown>) => ({ authToken: s.authToken as string, contextToken: s.contextToken as string });

describe("next-auth session lifecycle", () => {
  it("GET re-encrypts tokens (new strings, same expiry); old strings keep working", async () => {
    const jar = new Jar(sb.credentials.cookieHeader);
    const a = await session(jar);
    const b = await session(jar);
    expect(a.userId).toBe(sb.credentials.userId);
    expect(a.authMethod).toBe("open_id");
    expect(b.authToken).not.toBe(a.authToken);
    expect(b.tokenExpiration).toBe(a.tokenExpiration);
    expect(String(a.authToken).split(".")).toHaveLength(5);
    expect(String(a.authToken).split(".")[1]).toBe("");
    expect(JSON.parse(Buffer.from(String(a.authToken).split(".")[0] ?? "", "base64url").toString())).toEqual({ alg: "dir", enc: "A128GCM" });
    for (const t of [tokensOf(a), tokensOf(b)]) expect((await gql(sb, "query U { getUserPreferenceDetails { id } }", undefined, { tokens: t })).status).toBe(200);
    expect(jar.map.get(COOKIE.lmsAuth)).toBe(b.authToken);
    expect(sb.stats.sessionGets).toBe(2);
  });

  it("POST refresh issues a new expiry and counts a refresh", async () => {
    const jar = new Jar(sb.credentials.cookieHeader);
    const before = await session(jar);
    sb.advanceTime(60_000);
    const res = await refresh(jar);
    expect(res.status).toBe(200);
    const after = (await res.json()) as Record<string, unknown>;
    expect(after.authToken).not.toBe(before.authToken);
    expect(new Date(String(after.tokenExpiration)).getTime()).toBeGreaterThan(new Date(String(before.tokenExpiration)).getTime());
    expect(sb.stats.refreshes).toBe(1);
  });

  it("POST with a wrong csrf token is rejected with 400 {}", async () => {
    const res = await fetch(`${MSW_URLS.web}/api/auth/session`, {
      method: "POST",
      headers: { cookie: sb.credentials.cookieHeader, "content-type": "application/json" },
      body: JSON.stringify({ csrfToken: "nope", data: { shouldRefreshToken: "true" } }),
    });
    expect(res.status).toBe(400);
    expect(sb.stats.refreshes).toBe(0);
  });

  it("refreshViaPost=false makes POST unsupported so clients fall back to GET", async () => {
    sb.switches.refreshViaPost = false;
    const res = await refresh(new Jar(sb.credentials.cookieHeader));
    expect(res.status).toBe(400);
  });

  it("chunked session cookies (.0/.1) work and replace the plain one", async () => {
    sb.switches.chunkSessionCookie = true;
    const jar = new Jar(sb.credentials.cookieHeader);
    await session(jar);
    expect(jar.map.has(`${COOKIE.session}.0`)).toBe(true);
    expect(jar.map.has(`${COOKIE.session}.1`)).toBe(true);
    expect(jar.map.has(COOKIE.session)).toBe(false);
    expect((await session(jar)).userId).toBe(sb.credentials.userId);
  });

});

async function bootstrapFromTokens(box: Sandbox, tokens = box.credentials): Promise<Jar> {
  const jar = new Jar();
  const c = await fetch(`${MSW_URLS.web}/api/auth/csrf`);
  jar.apply(c);
  const { csrfToken } = (await c.json()) as { csrfToken: string };
  const res = await fetch(`${MSW_URLS.web}/api/auth/callback/tokens`, {
    method: "POST",
    headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, authToken: tokens.authToken, contextToken: tokens.contextToken, json: "true" }),
  });
  expect(res.status).toBe(200);
  jar.apply(res);
  return jar;
}

describe("raw tokens → local_auth session", () => {
  it("csrf → callback/tokens → session with authMethod local_auth; refresh keeps the expiry", async () => {
    const jar = await bootstrapFromTokens(sb);
    const s1 = await session(jar);
    expect(s1.authMethod).toBe("local_auth");
    expect(s1.userId).toBe(sb.credentials.userId);
    const s2 = (await (await refresh(jar)).json()) as Record<string, unknown>;
    expect(s2.tokenExpiration).toBe(s1.tokenExpiration);
    expect(s2.authToken).not.toBe(s1.authToken);
  });

  it("rejects a bad csrf token (next-auth redirects to signin?csrf=true) and bad tokens (401)", async () => {
    const jar = new Jar();
    const c = await fetch(`${MSW_URLS.web}/api/auth/csrf`);
    jar.apply(c);
    const { csrfToken } = (await c.json()) as { csrfToken: string };
    const post = (body: Record<string, string>) => fetch(`${MSW_URLS.web}/api/auth/callback/tokens`, { method: "POST", headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ json: "true", ...body }) });
    const badCsrf = await post({ csrfToken: "x", authToken: sb.credentials.authToken, contextToken: sb.credentials.contextToken });
    expect(((await badCsrf.json()) as { url: string }).url).toMatch(/signin\?csrf=true/);
    expect(badCsrf.headers.getSetCookie().some((l) => l.startsWith(COOKIE.session))).toBe(false);
    const badTokens = await post({ csrfToken, authToken: "eyJ..a.b.c", contextToken: "eyJ..a.b.c" });
    expect(badTokens.status).toBe(401);
    expect(((await badTokens.json()) as { url: string }).url).toMatch(/error=CredentialsSignin/);
  });

  it("sets cookies with the attributes browsers require", async () => {
    const c = await fetch(`${MSW_URLS.web}/api/auth/csrf`);
    const csrf = c.headers.getSetCookie()[0] ?? "";
    expect(csrf).toMatch(/^__Host-next-auth\.csrf-token=[0-9a-f]{64}%7C[0-9a-f]{64}; /);
    expect(csrf).toMatch(/Path=\//);
    expect(csrf).toMatch(/Secure/);
    expect(csrf).toMatch(/HttpOnly/);
    expect(csrf).not.toMatch(/Domain=/i);
    const jar = new Jar(sb.credentials.cookieHeader);
    const res = await fetch(`${MSW_URLS.web}/api/auth/session`, { headers: { cookie: jar.header() } });
    const lines = res.headers.getSetCookie();
    const sess = lines.find((l) => l.startsWith(`${COOKIE.session}=`)) ?? "";
    expect(sess).toMatch(/Secure/);
    expect(sess).toMatch(/HttpOnly/);
    expect(sess).toMatch(/Path=\//);
    expect(lines.some((l) => l.startsWith(`${COOKIE.lmsAuth}=`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${COOKIE.lmsContext}=`))).toBe(true);
  });
});

describe("gateway auth failure variants", () => {
  const q = "query U { getUserPreferenceDetails { id } }";
  const bad = { authToken: "eyJ..x.y.z", contextToken: "eyJ..x.y.z" };
  it("http401", async () => {
    expect((await gql(sb, q, undefined, { tokens: bad })).status).toBe(401);
  });
  it("message401", async () => {
    sb.switches.authFailureMode = "message401";
    const r = await gql(sb, q, undefined, { tokens: bad });
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0]?.message).toBe("401: Unauthorized");
    expect(r.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
  it("errorCode401", async () => {
    sb.switches.authFailureMode = "errorCode401";
    const r = await gql(sb, q, undefined, { tokens: bad });
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0]?.extensions?.errorCode).toBe(401);
  });
  it("malformed", async () => {
    sb.switches.authFailureMode = "malformed";
    const r = await gql(sb, q, undefined, { tokens: bad });
    expect(r.body.errors?.[0]?.message).toBe("response was malformed");
  });
  it("missing ContextToken header is an auth failure", async () => {
    const res = await fetch(MSW_URLS.gateway, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${sb.credentials.authToken}` }, body: JSON.stringify({ query: q }) });
    expect(res.status).toBe(401);
  });
  it("expireTokensAfterCalls expires a pair after N calls", async () => {
    sb.switches.expireTokensAfterCalls = 2;
    const jar = new Jar(sb.credentials.cookieHeader);
    const t = tokensOf(await (async () => { const r = await refresh(jar); return (await r.json()) as Record<string, unknown>; })());
    expect((await gql(sb, q, undefined, { tokens: t })).status).toBe(200);
    expect((await gql(sb, q, undefined, { tokens: t })).status).toBe(200);
    expect((await gql(sb, q, undefined, { tokens: t })).status).toBe(401);
  });
});

// These change the shared sandbox for good (expired grants, ended sessions): keep them last.
describe("destructive lifecycle steps", () => {
  it("expired tokens fail at the gateway; a refresh fixes it", async () => {
    const jar = new Jar(sb.credentials.cookieHeader);
    const s1 = await session(jar);
    sb.expireTokens();
    expect((await gql(sb, "query U { getUserPreferenceDetails { id } }", undefined, { tokens: tokensOf(s1) })).status).toBe(401);
    const s2 = (await (await refresh(jar)).json()) as Record<string, unknown>;
    expect((await gql(sb, "query U { getUserPreferenceDetails { id } }", undefined, { tokens: tokensOf(s2) })).status).toBe(200);
  });

  it("an ended session answers 200 {}", async () => {
    const live = await (await refresh(new Jar(sb.credentials.cookieHeader))).json() as Record<string, unknown>;
    const fresh = await bootstrapFromTokens(sb, { ...sb.credentials, ...tokensOf(live) });
    sb.endSession();
    expect(await session(fresh)).toEqual({});
    expect(await session(new Jar(sb.credentials.cookieHeader))).toEqual({});
  });
});
