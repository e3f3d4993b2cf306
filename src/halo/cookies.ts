/**
 * The next-auth cookie jar for the web host: loading a browser's `Cookie:` header or our stored session,
 * reading the csrf token, and snapshotting cookies for persistence.
 */
import { CookieJar, type Cookie } from "tough-cookie";
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

/**
 * The web host's cookie jar, on the injected clock. Expiry is judged by `now()` rather than the wall clock
 * so a simulated Halo running at another date (tests, demos) keeps its sessions; got talks to it through
 * the two-method PromiseCookieJar interface.
 */
export class SessionJar {
  // Loopback test servers speak plain http; tough-cookie keeps Secure/prefixed cookies there by default.
  private readonly jar = new CookieJar(undefined, { looseMode: true });
  constructor(private readonly now: () => number = Date.now) {}

  /** Cookies that are live now, in the order a browser would send them. */
  async live(url: string): Promise<Cookie[]> {
    const all = await this.jar.getCookies(url, { expire: false, allPaths: false });
    const t = this.now();
    return all.filter((c) => {
      const exp = c.expiryTime(new Date(t));
      return exp === undefined || exp > t;
    });
  }

  async getCookieString(url: string): Promise<string> {
    return (await this.live(url)).map((c) => c.cookieString()).join("; ");
  }

  async setCookie(raw: string, url: string): Promise<unknown> {
    // Stryker disable next-line OptionalChaining: split() always returns at least one element
    const value = raw.split(";")[0]?.split("=").slice(1).join("=");
    registerSecret(value);
    return this.jar.setCookie(raw, url, { ignoreError: true, now: new Date(this.now()) });
  }
}

/**
 * Puts cookies into the jar as if the web host had set them. `__Host-` needs Secure + Path=/ and no Domain;
 * giving every cookie that shape is what the browser had anyway. Chunked session tokens (`.0`, `.1`) are
 * just more cookies: next-auth reassembles them server-side.
 */
export async function loadCookies(jar: SessionJar, baseUrl: string, pairs: Iterable<[string, string]>): Promise<void> {
  const secure = new URL(baseUrl).protocol === "https:" || isLoopback(baseUrl);
  for (const [name, value] of pairs) {
    await jar.setCookie(`${name}=${value}; Path=/${secure ? "; Secure" : ""}; HttpOnly; SameSite=Lax`, baseUrl);
  }
}

function isLoopback(url: string): boolean {
  const h = new URL(url).hostname;
  return h === "localhost" || h === "127.0.0.1" || h === "[::1]" || h === "::1";
}

/** Name → value of every live cookie for the web host. */
export async function snapshotCookies(jar: SessionJar, baseUrl: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const c of await jar.live(baseUrl)) {
    out[c.key] = c.value;
    registerSecret(c.value);
  }
  return out;
}

/** The csrf token: the cookie value before "|", URL-decoded (`%7C`). */
export async function csrfFromJar(jar: SessionJar, baseUrl: string): Promise<string | undefined> {
  const c = (await jar.live(baseUrl)).find((x) => /(^|[-.])next-auth\.csrf-token$/.test(x.key));
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
