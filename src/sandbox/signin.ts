/**
 * Halo's side of single sign-on, as next-auth's OAuth flow runs it: the home page sends a visitor without a
 * session to the sign-in page, which posts (with the csrf token) to the provider route; that sets a `state`
 * cookie and redirects to the identity provider; the provider's redirect back carries a code that the web
 * host redeems server-side before it sets its session cookies. Only a real browser gets through this, which
 * is what `halo-lms-mcp login` relies on and what its tests exercise.
 */
import { randomBytes } from "node:crypto";
import { CALLBACK_PATH, CLIENT_ID, redeemCode } from "./idp.js";
import { issueGrant, nowMs, type State } from "./state.js";
import type { SandboxUrls } from "./urls.js";
import { parseCookies } from "./util.js";
import { COOKIE, createSession, csrfFromCookie, liveSession, newCsrf, sessionCookies, setCookie } from "./web.js";

const STATE_COOKIE = "__Secure-next-auth.state";
const STATE_MS = 15 * 60_000;

/** Like every page of Halo's Next.js app, the data script carrying the REST base its own code calls (witness S2). */
export function nextData(s: State, urls: SandboxUrls): string {
  const endpoint = s.switches.publishedOrchestration ?? `${new URL(urls.orchestration).origin}${s.switches.orchestrationPath}`;
  const data = { props: { pageProps: {} }, page: "/", query: {}, runtimeConfig: { orchestrationApiEndpoint: endpoint } };
  return `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>`;
}

const page = (title: string, body: string, status = 200, headers = new Headers()) => {
  headers.set("content-type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`, { status, headers });
};

const redirect = (location: string, cookies: string[] = []) => {
  const headers = new Headers({ location });
  for (const c of cookies) headers.append("set-cookie", c);
  return new Response(null, { status: 302, headers });
};

/** Only http(s) URLs on the web host itself: an open redirect after sign-in would be a phishing aid. */
function sameOrigin(target: string | null | undefined, origin: string): string {
  try {
    const u = new URL(target ?? "/", origin);
    return u.origin === origin ? u.href : `${origin}/`;
  } catch {
    return `${origin}/`;
  }
}

/** The response for sign-in routes and the home page; undefined for every other request (web.ts answers those). */
export async function signin(s: State, req: Request, urls: SandboxUrls): Promise<Response | undefined> {
  const url = new URL(req.url);
  const origin = new URL(urls.web).origin;
  const cookies = parseCookies(req.headers.get("cookie"));
  if (url.pathname === "/" && req.method === "GET") {
    const rec = liveSession(s, cookies);
    if (!rec) return redirect(`${origin}/api/auth/signin?callbackUrl=${encodeURIComponent(`${origin}/`)}`);
    const u = s.world.users[rec.userId];
    return page("Halo", `<div id="__next"><h1>Halo</h1><p id="who">Signed in as ${u ? `${u.firstName} ${u.lastName}` : rec.userId}</p></div>${nextData(s, urls)}`);
  }
  if (url.pathname === "/api/auth/signin" && req.method === "GET") {
    const headers = new Headers();
    let token = csrfFromCookie(s, cookies);
    if (!token) {
      const fresh = newCsrf(s);
      token = fresh.token;
      headers.append("set-cookie", setCookie(COOKIE.csrf, fresh.cookieValue));
    }
    const callbackUrl = sameOrigin(url.searchParams.get("callbackUrl"), origin);
    const form =
      `<form id="signin" method="post" action="/api/auth/signin/azure-ad"><input type="hidden" name="csrfToken" value="${token}">` +
      `<input type="hidden" name="callbackUrl" value="${callbackUrl.replace(/"/g, "&quot;")}"><button type="submit">Sign in with GCU</button></form>` +
      `<script>document.getElementById("signin").submit()</script>`;
    return page("Sign in to Halo", form + nextData(s, urls), 200, headers);
  }
  if (url.pathname === "/api/auth/signin/azure-ad" && req.method === "POST") {
    const body = new URLSearchParams(await req.text());
    const csrf = csrfFromCookie(s, cookies);
    if (!csrf || body.get("csrfToken") !== csrf) return redirect(`${origin}/api/auth/signin?csrf=true`);
    const state = randomBytes(16).toString("base64url");
    const authorize = new URL("/authorize", urls.idp);
    authorize.search = new URLSearchParams({ client_id: CLIENT_ID, response_type: "code", scope: "openid profile email", redirect_uri: `${origin}${CALLBACK_PATH}`, state }).toString();
    const callbackUrl = sameOrigin(body.get("callbackUrl"), origin);
    return redirect(authorize.href, [
      setCookie(STATE_COOKIE, state, { expires: new Date(nowMs(s) + STATE_MS) }),
      setCookie(COOKIE.callback, encodeURIComponent(callbackUrl)),
    ]);
  }
  if (url.pathname === CALLBACK_PATH && req.method === "GET") {
    const state = url.searchParams.get("state");
    const code = url.searchParams.get("code") ?? "";
    const userId = state && state === cookies.get(STATE_COOKIE) ? redeemCode(s, code, `${origin}${CALLBACK_PATH}`) : undefined;
    if (!userId) return redirect(`${origin}/api/auth/error?error=OAuthCallback`);
    const rec = createSession(s, userId, "open_id", issueGrant(s, userId).grant.id);
    let back = `${origin}/`;
    try {
      back = sameOrigin(decodeURIComponent(cookies.get(COOKIE.callback) ?? ""), origin);
    } catch {
      /* a mangled cookie: go home */
    }
    return redirect(back, [...sessionCookies(s, rec, false), setCookie(STATE_COOKIE, "", { maxAge0: true })]);
  }
  if (url.pathname === "/api/auth/error" && req.method === "GET") {
    return page("Sign-in error", `<h1>Sign-in error</h1><p id="error">${url.searchParams.get("error") === "OAuthCallback" ? "The sign-in could not be completed. Try again." : "Sign-in failed."}</p>`, 400);
  }
  return undefined;
}
