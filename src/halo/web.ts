/** The next-auth endpoints on the web host (reference §3). Stateless: the caller owns the cookie jar. */
import type { SessionJar as CookieJar } from "./cookies.js";
import { registerSecret } from "../redact.js";
import { isHaloError } from "./errors.js";
import type { Tokens } from "./headers.js";
import type { Transport } from "./transport.js";
import type { SessionInfo } from "./types.js";

export interface SessionJson {
  userId?: string;
  username?: string;
  authToken?: string;
  contextToken?: string;
  expires?: string;
  tokenExpiration?: string;
  authMethod?: string;
  tenantId?: string;
  user?: { email?: string };
}

/** Tokens + userId, or undefined: next-auth answers `{}` (HTTP 200) when the session is over. */
export function usableSession(body: unknown): (SessionJson & Tokens & { userId: string }) | undefined {
  if (!body || typeof body !== "object") return undefined;
  const s = body as SessionJson;
  const str = (x: unknown) => typeof x === "string" && x.length > 0;
  if (!str(s.authToken) || !str(s.contextToken) || !str(s.userId)) return undefined;
  registerSecret(s.authToken);
  registerSecret(s.contextToken);
  return s as SessionJson & Tokens & { userId: string };
}

export function toInfo(s: SessionJson & { userId: string }): SessionInfo {
  const text = (x: unknown) => (typeof x === "string" && x ? x : undefined);
  return {
    userId: s.userId,
    username: text(s.username),
    tenantId: text(s.tenantId),
    email: text(s.user?.email),
    expires: text(s.expires),
    tokenExpiration: text(s.tokenExpiration) ?? (typeof s.tokenExpiration === "number" ? String(s.tokenExpiration) : undefined),
    authMethod: text(s.authMethod),
  };
}

export class WebAuth {
  constructor(
    private readonly t: Transport,
    private readonly baseUrl: string,
  ) {}

  private url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  private headers(): Record<string, string> {
    const origin = new URL(this.baseUrl).origin;
    return { origin, referer: `${origin}/`, accept: "application/json" };
  }

  async getSession(jar: CookieJar): Promise<ReturnType<typeof usableSession>> {
    const reply = await this.t.send("session", "session", () => this.t.got.get(this.url("/api/auth/session"), { cookieJar: jar, headers: this.headers() }));
    return usableSession(reply.body);
  }

  async csrf(jar: CookieJar): Promise<string | undefined> {
    const reply = await this.t.send("session", "csrf", () => this.t.got.get(this.url("/api/auth/csrf"), { cookieJar: jar, headers: this.headers() }));
    const token = (reply.body as { csrfToken?: unknown } | undefined)?.csrfToken;
    if (typeof token !== "string" || !token) return undefined;
    registerSecret(token);
    return token;
  }

  /** Creates a `local_auth` session from the raw pair. true when next-auth accepted it. */
  async callbackTokens(jar: CookieJar, csrfToken: string, tokens: Tokens): Promise<boolean> {
    try {
      const reply = await this.t.send("post", "session setup", () =>
        this.t.got.post(this.url("/api/auth/callback/tokens"), {
          cookieJar: jar,
          headers: this.headers(),
          form: { csrfToken, authToken: tokens.authToken, contextToken: tokens.contextToken, json: "true" },
        }),
      );
      const url = (reply.body as { url?: unknown } | undefined)?.url;
      // next-auth reports failure as a URL: the error page, or the sign-in page on a csrf mismatch.
      return !(typeof url === "string" && /[?&]error=|\/signin\b/.test(url));
    } catch (e) {
      if (isHaloError(e) && e.status !== undefined && e.status >= 300 && e.status < 400) return true; // redirect = accepted (no json=true support)
      throw e;
    }
  }

  /** The POST refresh; undefined when it failed or carried no tokens (the caller then tries a GET). */
  async postRefresh(jar: CookieJar, csrfToken: string): Promise<ReturnType<typeof usableSession>> {
    const reply = await this.t.send("post", "session refresh", () =>
      this.t.got.post(this.url("/api/auth/session"), {
        cookieJar: jar,
        headers: this.headers(),
        json: { csrfToken, data: { shouldRefreshToken: "true" } },
      }),
    );
    return usableSession(reply.body);
  }
}
