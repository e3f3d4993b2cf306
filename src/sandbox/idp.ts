/**
 * A simulated identity provider on its own origin, standing in for Microsoft Entra: an authorize page with a
 * sign-in form, "stay signed in" kept as a persistent cookie of its own (so a kept browser profile makes the
 * next sign-in one click), and one-time authorization codes that Halo's web host redeems server-side.
 */
import { randomBytes } from "node:crypto";
import { nowMs, type State } from "./state.js";
import type { SandboxUrls } from "./urls.js";
import { parseCookies } from "./util.js";

export const CLIENT_ID = "halo-web";
export const CALLBACK_PATH = "/api/auth/callback/azure-ad";
/** The seeded student's password at the simulated identity provider (their e-mail is the user name). */
export const SSO_PASSWORD = "sandbox-password";
const KEEP_COOKIE = "ESTSAUTHPERSISTENT";
const CODE_MS = 5 * 60_000;
const KEEP_DAYS = 90;

interface Sso {
  codes: Map<string, { userId: string; redirectUri: string; expiresAt: number }>;
  kept: Map<string, string>; // persistent IdP cookie value → userId
  signIns: number;
}
const all = new WeakMap<State, Sso>();
function sso(s: State): Sso {
  let v = all.get(s);
  if (!v) all.set(s, (v = { codes: new Map(), kept: new Map(), signIns: 0 }));
  return v;
}

/** Redeems a code once: the userId it was issued for, or undefined (unknown, used, expired, other redirect). */
export function redeemCode(s: State, code: string, redirectUri: string): string | undefined {
  const rec = sso(s).codes.get(code);
  sso(s).codes.delete(code);
  return rec && rec.redirectUri === redirectUri && nowMs(s) < rec.expiresAt ? rec.userId : undefined;
}

/** How many sign-ins with a password (not from a kept session) the identity provider has accepted. */
export const passwordSignIns = (s: State): number => sso(s).signIns;

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const html = (body: string, status = 200, headers: Headers = new Headers()) => {
  headers.set("content-type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>${body}</body></html>`, { status, headers });
};

interface Authz {
  redirectUri: string;
  state: string;
}

function authz(params: URLSearchParams, urls: SandboxUrls): Authz | string {
  const redirectUri = params.get("redirect_uri") ?? "";
  const state = params.get("state") ?? "";
  if (params.get("client_id") !== CLIENT_ID) return "unknown client_id";
  if (redirectUri !== `${new URL(urls.web).origin}${CALLBACK_PATH}`) return "redirect_uri is not registered for this client";
  if (!state) return "state is missing";
  return { redirectUri, state };
}

const hidden = (a: Authz) =>
  `<input type="hidden" name="client_id" value="${CLIENT_ID}"><input type="hidden" name="redirect_uri" value="${esc(a.redirectUri)}"><input type="hidden" name="state" value="${esc(a.state)}">`;

function signInForm(a: Authz, error?: string): Response {
  return html(
    `<h1>Sign in</h1>${error ? `<p id="error" role="alert">${esc(error)}</p>` : ""}<form method="post" action="/login">${hidden(a)}` +
      `<label>Email <input id="email" name="email" type="email" autocomplete="username"></label>` +
      `<label>Password <input id="password" name="password" type="password" autocomplete="current-password"></label>` +
      `<label><input id="kmsi" name="kmsi" type="checkbox" value="1"> Stay signed in</label>` +
      `<button id="submit" type="submit">Sign in</button></form>`,
  );
}

function keptUser(s: State, req: Request): string | undefined {
  const v = parseCookies(req.headers.get("cookie")).get(KEEP_COOKIE);
  return v ? sso(s).kept.get(v) : undefined;
}

function succeed(s: State, a: Authz, userId: string, keep: boolean): Response {
  const code = randomBytes(24).toString("base64url");
  sso(s).codes.set(code, { userId, redirectUri: a.redirectUri, expiresAt: nowMs(s) + CODE_MS });
  const headers = new Headers({ location: `${a.redirectUri}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(a.state)}` });
  if (keep) {
    const value = randomBytes(24).toString("base64url");
    sso(s).kept.set(value, userId);
    headers.append("set-cookie", `${KEEP_COOKIE}=${value}; Path=/; Max-Age=${KEEP_DAYS * 86_400}; HttpOnly; SameSite=Lax`);
  }
  return new Response(null, { status: 302, headers });
}

export async function idp(s: State, req: Request, urls: SandboxUrls): Promise<Response> {
  const url = new URL(req.url);
  if (url.pathname === "/authorize" && req.method === "GET") {
    const a = authz(url.searchParams, urls);
    if (typeof a === "string") return html(`<h1>Sign-in error</h1><p>${esc(a)}</p>`, 400);
    const kept = keptUser(s, req);
    const user = kept ? s.world.users[kept] : undefined;
    if (user) {
      return html(`<h1>Pick an account</h1><form method="post" action="/login">${hidden(a)}<input type="hidden" name="account" value="1"><button id="account" type="submit">${esc(user.email)}</button></form>`);
    }
    return signInForm(a);
  }
  if (url.pathname === "/login" && req.method === "POST") {
    const body = new URLSearchParams(await req.text());
    const a = authz(body, urls);
    if (typeof a === "string") return html(`<h1>Sign-in error</h1><p>${esc(a)}</p>`, 400);
    if (body.get("account")) {
      const kept = keptUser(s, req);
      return kept ? succeed(s, a, kept, false) : signInForm(a, "Your sign-in has ended. Enter your password again.");
    }
    const email = (body.get("email") ?? "").trim().toLowerCase();
    const user = Object.values(s.world.users).find((u) => u.email.toLowerCase() === email);
    if (!user || body.get("password") !== SSO_PASSWORD || user.id !== s.world.studentId) return signInForm(a, "Your account or password is incorrect.");
    sso(s).signIns++;
    return succeed(s, a, user.id, body.get("kmsi") === "1");
  }
  return html("<h1>Not found</h1>", 404);
}
