/**
 * next-auth v4 as Halo's web host runs it: csrf double-submit cookie, a credentials provider called
 * "tokens" that builds a local_auth session from raw gateway tokens, and a session route that re-encrypts
 * tokens on GET and refreshes them on POST {data:{shouldRefreshToken:"true"}}.
 */
import { randomBytes } from "node:crypto";
import { webPage } from "./pages.js";
import { issueGrant, nowMs, type SessionRec, type State } from "./state.js";
import type { SandboxUrls } from "./urls.js";
import { fakeJwe, json, parseCookies, sha256Hex } from "./util.js";
import { SEED } from "./world/ids.js";

export const COOKIE = {
  csrf: "__Host-next-auth.csrf-token",
  session: "__Secure-next-auth.session-token",
  callback: "__Secure-next-auth.callback-url",
  lmsAuth: "TE1TX0FVVEg", // base64("LMS_AUTH")
  lmsContext: "TE1TX0NPTlRFWFQ", // base64("LMS_CONTEXT")
} as const;

const SESSION_DAYS = 30;

export function setCookie(name: string, value: string, opts: { expires?: Date; maxAge0?: boolean; httpOnly?: boolean } = {}): string {
  const parts = [`${name}=${value}`, "Path=/"];
  if (opts.maxAge0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT", "Max-Age=0");
  else if (opts.expires) parts.push(`Expires=${opts.expires.toUTCString()}`);
  if (opts.httpOnly !== false) parts.push("HttpOnly");
  parts.push("Secure", "SameSite=Lax");
  return parts.join("; ");
}

export function newCsrf(s: State): { token: string; cookieValue: string } {
  const token = randomBytes(32).toString("hex");
  return { token, cookieValue: `${token}%7C${sha256Hex(token + s.secret)}` };
}

/** The csrf token inside a valid cookie (hash checked), else null. */
export function csrfFromCookie(s: State, cookies: Map<string, string>): string | null {
  const raw = cookies.get(COOKIE.csrf);
  if (!raw) return null;
  const [token, hash] = decodeURIComponent(raw).split("|");
  return token && hash === sha256Hex(token + s.secret) ? token : null;
}

/** next-auth joins every `name` / `name.N` cookie, sorted; stale leftovers therefore corrupt the value. */
function sessionCookieValue(cookies: Map<string, string>): string | null {
  const names = [...cookies.keys()].filter((n) => n === COOKIE.session || n.startsWith(`${COOKIE.session}.`)).sort();
  return names.length ? names.map((n) => cookies.get(n)).join("") : null;
}

export function createSession(s: State, userId: string, authMethod: SessionRec["authMethod"], grantId: number): SessionRec {
  const rec: SessionRec = { id: s.nextSessionId++, userId, authMethod, expiresAt: nowMs(s) + SESSION_DAYS * 86_400_000, grantId, ended: false };
  s.sessions.set(rec.id, rec);
  return rec;
}

/** A new encrypted session-cookie value for the session, as Set-Cookie lines (chunked when switched on). */
export function sessionCookies(s: State, rec: SessionRec, hadChunks: boolean): string[] {
  const chunk = s.switches.chunkSessionCookie;
  const value = fakeJwe("A256GCM", chunk ? 3_300 : 700);
  s.sessionCookies.set(value, rec.id);
  const expires = new Date(rec.expiresAt);
  if (!chunk) {
    const out = [setCookie(COOKIE.session, value, { expires })];
    if (hadChunks) out.push(setCookie(`${COOKIE.session}.0`, "", { maxAge0: true }), setCookie(`${COOKIE.session}.1`, "", { maxAge0: true }));
    return out;
  }
  const half = Math.ceil(value.length / 2);
  return [setCookie(`${COOKIE.session}.0`, value.slice(0, half), { expires }), setCookie(`${COOKIE.session}.1`, value.slice(half), { expires }), setCookie(COOKIE.session, "", { maxAge0: true })];
}

export function liveSession(s: State, cookies: Map<string, string>): SessionRec | null {
  const v = sessionCookieValue(cookies);
  const id = v ? s.sessionCookies.get(v) : undefined;
  const rec = id === undefined ? undefined : s.sessions.get(id);
  return rec && !rec.ended && nowMs(s) < rec.expiresAt ? rec : null;
}

function sessionBody(s: State, rec: SessionRec, pair: { authToken: string; contextToken: string }, expiresAt: number): Record<string, unknown> {
  const u = s.world.users[rec.userId];
  return {
    user: { name: u ? `${u.preferredFirstName ?? u.firstName} ${u.lastName}` : null, email: u?.email ?? null, image: u?.userImgUrl ?? null },
    expires: new Date(rec.expiresAt).toISOString(),
    userId: rec.userId,
    username: u?.username,
    authToken: pair.authToken,
    contextToken: pair.contextToken,
    tokenExpiration: new Date(expiresAt).toISOString(),
    authMethod: rec.authMethod,
    tenantId: s.world.tenantId,
    roles: [{ id: SEED.tenantId.replace(/^.{8}/, "0000ro1e"), name: "Student", baseRole: "Student", isActive: true, permissions: ["COURSE_CLASS_VIEW", "POST_CREATE", "ASSIGNMENT_SUBMIT"] }],
    allClassGroupsContext: s.world.groups.filter((g) => g.members.some((m) => m.userId === rec.userId)).map((g) => ({ id: g.courseClassId, groupIds: [g.id] })),
  };
}

function respondSession(s: State, rec: SessionRec, cookies: Map<string, string>, refresh: boolean): Response {
  let grant = s.tokens.get(rec.grantId);
  let pair;
  if (refresh || !grant) {
    const issued = issueGrant(s, rec.userId);
    rec.grantId = issued.grant.id;
    grant = issued.grant;
    pair = { authToken: issued.authToken, contextToken: issued.contextToken };
  } else pair = s.tokens.reencrypt(grant);
  const hadChunks = [...cookies.keys()].some((n) => n.startsWith(`${COOKIE.session}.`));
  const headers = new Headers({ "content-type": "application/json; charset=utf-8" });
  for (const c of sessionCookies(s, rec, hadChunks)) headers.append("set-cookie", c);
  headers.append("set-cookie", setCookie(COOKIE.lmsAuth, pair.authToken));
  headers.append("set-cookie", setCookie(COOKIE.lmsContext, pair.contextToken));
  return new Response(JSON.stringify(sessionBody(s, rec, pair, grant.expiresAt)), { status: 200, headers });
}

function emptySession(cookies: Map<string, string>): Response {
  const headers = new Headers({ "content-type": "application/json; charset=utf-8" });
  if (sessionCookieValue(cookies)) headers.append("set-cookie", setCookie(COOKIE.session, "", { maxAge0: true }));
  return new Response("{}", { status: 200, headers });
}

async function readBody(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) return ((await req.json()) ?? {}) as Record<string, unknown>;
    if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(await req.text()));
  } catch {
    return {};
  }
  return {};
}

export async function web(s: State, req: Request, urls: SandboxUrls): Promise<Response> {
  const url = new URL(req.url);
  const cookies = parseCookies(req.headers.get("cookie"));
  const base = `${new URL(urls.web).origin}/api/auth`;
  if (url.pathname === "/api/auth/csrf" && req.method === "GET") {
    const existing = csrfFromCookie(s, cookies);
    if (existing) return json({ csrfToken: existing });
    const { token, cookieValue } = newCsrf(s);
    return json({ csrfToken: token }, 200, { "set-cookie": setCookie(COOKIE.csrf, cookieValue) });
  }
  if (url.pathname === "/api/auth/session" && req.method === "GET") {
    s.stats.sessionGets++;
    const rec = liveSession(s, cookies);
    return rec ? respondSession(s, rec, cookies, false) : emptySession(cookies);
  }
  if (url.pathname === "/api/auth/session" && req.method === "POST") {
    if (!s.switches.refreshViaPost) return new Response("Error: This action with HTTP POST is not supported by NextAuth.js", { status: 400 });
    const body = await readBody(req);
    const csrf = csrfFromCookie(s, cookies);
    if (!csrf || body.csrfToken !== csrf) return json({}, 400);
    const rec = liveSession(s, cookies);
    if (!rec) return emptySession(cookies);
    s.stats.refreshes++;
    const data = body.data as Record<string, unknown> | undefined;
    const wants = data?.shouldRefreshToken === "true" || data?.shouldRefreshToken === true;
    const refreshable = rec.authMethod === "open_id" || s.switches.localAuthRefreshable;
    return respondSession(s, rec, cookies, wants && refreshable);
  }
  if (url.pathname === "/api/auth/callback/tokens" && req.method === "POST") {
    const body = await readBody(req);
    const asJson = body.json === "true";
    const reply = (target: string, status: number, setCookies: string[] = []): Response => {
      const headers = new Headers();
      for (const c of setCookies) headers.append("set-cookie", c);
      if (!asJson) {
        headers.set("location", target);
        return new Response(null, { status: 302, headers });
      }
      headers.set("content-type", "application/json; charset=utf-8");
      return new Response(JSON.stringify({ url: target }), { status, headers });
    };
    const csrf = csrfFromCookie(s, cookies);
    if (!csrf || body.csrfToken !== csrf) return reply(`${base}/signin?csrf=true`, 200);
    const grant = typeof body.authToken === "string" && typeof body.contextToken === "string" ? s.tokens.grantOf(body.authToken, body.contextToken) : undefined;
    if (!grant || grant.revoked || nowMs(s) >= grant.expiresAt) return reply(`${base}/error?error=CredentialsSignin&provider=tokens`, 401);
    const rec = createSession(s, grant.userId, "local_auth", grant.id);
    const callback = typeof body.callbackUrl === "string" ? body.callbackUrl : `${new URL(urls.web).origin}/`;
    return reply(callback, 200, [...sessionCookies(s, rec, false), setCookie(COOKIE.callback, encodeURIComponent(callback))]);
  }
  if (url.pathname.startsWith("/api/auth/")) return json({ message: "Not found" }, 404);
  const shown = req.method === "GET" ? webPage(s, url) : undefined;
  if (shown) return shown;
  return new Response("<!DOCTYPE html><html><body><div id=\"__next\">Halo</div></body></html>", { status: 404, headers: { "content-type": "text/html" } });
}
