/**
 * The next-auth cookie jar for the web host: loading a browser's `Cookie:` header or our stored session,
 * reading the csrf token, and snapshotting cookies for persistence.
 */
import { CookieJar } from "tough-cookie";
import { registerSecret } from "../redact.js";

/** `name=value; name2=value2` → ordered pairs. Values may contain "=" (base64) and stay URL-encoded. */
export function parseCookieHeader(header: string): Array<[string, string]> {
  const text = header.trim().replace(/^cookie:\s*/i, "").replace(/^["']|["']$/g, "");
  const out: Array<[string, string]> = [];
  for (const part of text.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name) out.push([name, value]);
  }
  return out;
}

export function newJar(): CookieJar {
  // Loopback test servers speak plain http; tough-cookie keeps Secure/prefixed cookies there by default.
  return new CookieJar(undefined, { looseMode: true });
}

/**
 * Puts cookies into the jar as if the web host had set them. `__Host-` needs Secure + Path=/ and no Domain;
 * giving every cookie that shape is what the browser had anyway. Chunked session tokens (`.0`, `.1`) are
 * just more cookies: next-auth reassembles them server-side.
 */
export async function loadCookies(jar: CookieJar, baseUrl: string, pairs: Iterable<[string, string]>): Promise<number> {
  const secure = new URL(baseUrl).protocol === "https:" || isLoopback(baseUrl);
  let n = 0;
  for (const [name, value] of pairs) {
    registerSecret(value);
    const attrs = `Path=/${secure ? "; Secure" : ""}; HttpOnly; SameSite=Lax`;
    const ok = await jar.setCookie(`${name}=${value}; ${attrs}`, baseUrl, { ignoreError: true });
    if (ok) n++;
  }
  return n;
}

function isLoopback(url: string): boolean {
  const h = new URL(url).hostname;
  return h === "localhost" || h === "127.0.0.1" || h === "[::1]" || h === "::1";
}

/** Name → value of every cookie the jar would send to the web host. */
export async function snapshotCookies(jar: CookieJar, baseUrl: string): Promise<Record<string, string>> {
  const cookies = await jar.getCookies(baseUrl, { allPaths: true });
  const out: Record<string, string> = {};
  for (const c of cookies) {
    out[c.key] = c.value;
    registerSecret(c.value);
  }
  return out;
}

/** The csrf token: the cookie value before "|", URL-decoded (`%7C`). */
export async function csrfFromJar(jar: CookieJar, baseUrl: string): Promise<string | undefined> {
  const cookies = await jar.getCookies(baseUrl, { allPaths: true });
  const c = cookies.find((x) => /(^|[-.])next-auth\.csrf-token$/.test(x.key));
  if (!c) return undefined;
  let value = c.value;
  try {
    value = decodeURIComponent(value);
  } catch {
    /* not encoded */
  }
  const token = value.split("|")[0];
  registerSecret(token);
  return token || undefined;
}

/** `TE1TX0FVVEg` / `TE1TX0NPTlRFWFQ` (base64 of LMS_AUTH / LMS_CONTEXT) carry the gateway tokens in a browser. */
export function tokensFromCookiePairs(pairs: Array<[string, string]>): { authToken: string; contextToken: string } | undefined {
  const get = (n: string) => {
    const v = pairs.find(([k]) => k === n)?.[1];
    if (!v) return undefined;
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  };
  const authToken = get("TE1TX0FVVEg");
  const contextToken = get("TE1TX0NPTlRFWFQ");
  return authToken && contextToken ? { authToken, contextToken } : undefined;
}

export function hasSessionCookie(pairs: Array<[string, string]>): boolean {
  return pairs.some(([k]) => /next-auth\.session-token(\.\d+)?$/.test(k));
}
