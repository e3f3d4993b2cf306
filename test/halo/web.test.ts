/** The next-auth endpoints: exactly what is sent to the web host and how each answer is read. */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SessionJar } from "../../src/halo/cookies.js";
import { Transport } from "../../src/halo/transport.js";
import { toInfo, usableSession, WebAuth } from "../../src/halo/web.js";

const BASE = "https://halo.web.test";
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
function record(reply: (seen: Seen) => Response) {
  const seen: Seen[] = [];
  server.use(
    http.all(`${BASE}/*`, async ({ request }) => {
      const s = { method: request.method, path: new URL(request.url).pathname, headers: Object.fromEntries(request.headers), body: await request.text() };
      seen.push(s);
      return reply(s);
    }),
  );
  return seen;
}
const web = () => new WebAuth(new Transport({ requestTimeoutMs: 5000, maxConcurrency: 2, sleep: async () => undefined }), BASE);
const session = { userId: "u-1", authToken: "auth-tok-123456", contextToken: "ctx-tok-123456", expires: "2099-01-01T00:00:00Z", tokenExpiration: 1700000000, authMethod: "open_id", tenantId: "t-1", username: "stu", user: { email: "s@x.edu" } };

describe("usableSession / toInfo", () => {
  it("needs all of authToken, contextToken and userId as non-empty strings", () => {
    expect(usableSession(session)).toBe(session);
    for (const k of ["authToken", "contextToken", "userId"] as const) {
      expect(usableSession({ ...session, [k]: "" })).toBeUndefined();
      expect(usableSession({ ...session, [k]: 5 })).toBeUndefined();
    }
    expect(usableSession({})).toBeUndefined();
    expect(usableSession("text")).toBeUndefined();
    expect(usableSession(null)).toBeUndefined();
  });

  it("keeps the identity fields, drops empty ones and turns a numeric expiry into text", () => {
    expect(toInfo(session as never)).toEqual({ userId: "u-1", username: "stu", tenantId: "t-1", email: "s@x.edu", expires: "2099-01-01T00:00:00Z", tokenExpiration: "1700000000", authMethod: "open_id" });
    expect(toInfo({ userId: "u", username: "", tokenExpiration: "2026-01-01T00:00:00Z" })).toEqual({
      userId: "u",
      username: undefined,
      tenantId: undefined,
      email: undefined,
      expires: undefined,
      tokenExpiration: "2026-01-01T00:00:00Z",
      authMethod: undefined,
    });
  });
});

describe("WebAuth", () => {
  it("GET /api/auth/session with the web host's origin, referer and JSON accept", async () => {
    const seen = record(() => HttpResponse.json(session));
    expect(await web().getSession(new SessionJar())).toMatchObject({ userId: "u-1", authToken: "auth-tok-123456" });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: "GET", path: "/api/auth/session" });
    expect(seen[0]?.headers).toMatchObject({ origin: BASE, referer: `${BASE}/`, accept: "application/json" });
  });

  it("an ended session is undefined, not an error", async () => {
    record(() => HttpResponse.json({}));
    expect(await web().getSession(new SessionJar())).toBeUndefined();
  });

  it("csrf: the token, or undefined when it is missing or empty", async () => {
    let body: unknown = { csrfToken: "csrf-abcdef-123" };
    const seen = record(() => HttpResponse.json(body as Record<string, unknown>));
    expect(await web().csrf(new SessionJar())).toBe("csrf-abcdef-123");
    expect(seen[0]).toMatchObject({ method: "GET", path: "/api/auth/csrf" });
    expect(seen[0]?.headers.origin).toBe(BASE);
    for (body of [{ csrfToken: "" }, { csrfToken: 7 }, {}]) expect(await web().csrf(new SessionJar())).toBeUndefined();
  });

  it("callback/tokens posts the form next-auth expects and reads failure from the URL it answers", async () => {
    let url = `${BASE}/`;
    const seen = record(() => HttpResponse.json({ url }));
    const w = web();
    expect(await w.callbackTokens(new SessionJar(), "csrf-1", { authToken: "A-tok", contextToken: "C-tok" })).toBe(true);
    expect(seen[0]).toMatchObject({ method: "POST", path: "/api/auth/callback/tokens" });
    expect(Object.fromEntries(new URLSearchParams(seen[0]?.body))).toEqual({ csrfToken: "csrf-1", authToken: "A-tok", contextToken: "C-tok", json: "true" });
    expect(seen[0]?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(seen[0]?.headers.referer).toBe(`${BASE}/`);
    url = `${BASE}/api/auth/error?error=CredentialsSignin`;
    expect(await w.callbackTokens(new SessionJar(), "c", { authToken: "a", contextToken: "b" })).toBe(false);
    url = `${BASE}/x?a=1&error=1`;
    expect(await w.callbackTokens(new SessionJar(), "c", { authToken: "a", contextToken: "b" })).toBe(false);
    url = `${BASE}/api/auth/signin?csrf=true`;
    expect(await w.callbackTokens(new SessionJar(), "c", { authToken: "a", contextToken: "b" })).toBe(false);
    url = `${BASE}/signing-off`;
    expect(await w.callbackTokens(new SessionJar(), "c", { authToken: "a", contextToken: "b" })).toBe(true);
    url = `${BASE}/x?noerror=1`;
    expect(await w.callbackTokens(new SessionJar(), "c", { authToken: "a", contextToken: "b" })).toBe(true);
  });

  it("callback/tokens: a redirect means accepted (no json=true support); other refusals throw, never retried", async () => {
    let status = 302;
    const seen = record(() => new HttpResponse(null, { status, headers: { location: "/" } }));
    expect(await web().callbackTokens(new SessionJar(), "c", { authToken: "a", contextToken: "b" })).toBe(true);
    status = 399;
    expect(await web().callbackTokens(new SessionJar(), "c", { authToken: "a", contextToken: "b" })).toBe(true);
    for (status of [400, 500]) {
      await expect(web().callbackTokens(new SessionJar(), "c", { authToken: "a", contextToken: "b" })).rejects.toMatchObject({ kind: "http", status, operation: "session setup" });
    }
    expect(seen.filter((s) => s.method === "POST")).toHaveLength(4);
  });

  it("the refresh POST sends the csrf token and shouldRefreshToken as JSON, once", async () => {
    let reply: () => Response = () => HttpResponse.json(session);
    const seen = record(() => reply());
    expect(await web().postRefresh(new SessionJar(), "csrf-9")).toMatchObject({ authToken: "auth-tok-123456" });
    expect(seen[0]).toMatchObject({ method: "POST", path: "/api/auth/session" });
    expect(JSON.parse(seen[0]!.body)).toEqual({ csrfToken: "csrf-9", data: { shouldRefreshToken: "true" } });
    expect(seen[0]?.headers["content-type"]).toMatch(/^application\/json/);
    reply = () => HttpResponse.json({ error: "x" }, { status: 503 });
    await expect(web().postRefresh(new SessionJar(), "c")).rejects.toMatchObject({ kind: "http", status: 503, operation: "session refresh" });
    expect(seen).toHaveLength(2); // a write: not retried
  });
});
