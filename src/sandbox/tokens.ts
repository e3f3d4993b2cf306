import { fakeJwe } from "./util.js";

/**
 * A grant is one gateway token lifetime. Session GETs re-encrypt it (new strings, same grant, same expiry);
 * a POST refresh creates a new grant. Old strings stay valid until their grant expires, as with real JWEs.
 */
export interface Grant { id: number; userId: string; expiresAt: number; calls: number; revoked: boolean }
export interface TokenPair { authToken: string; contextToken: string }

export type TokenCheck = { ok: true; grant: Grant } | { ok: false; reason: "missing" | "invalid" | "expired" };

export class TokenStore {
  private next = 1;
  private readonly grants = new Map<number, Grant>();
  private readonly auth = new Map<string, number>();
  private readonly context = new Map<string, number>();

  issue(userId: string, expiresAt: number): { grant: Grant; pair: TokenPair } {
    const grant: Grant = { id: this.next++, userId, expiresAt, calls: 0, revoked: false };
    this.grants.set(grant.id, grant);
    return { grant, pair: this.reencrypt(grant) };
  }

  reencrypt(grant: Grant): TokenPair {
    const pair = { authToken: fakeJwe("A128GCM", 420), contextToken: fakeJwe("A128GCM", 300) };
    this.auth.set(pair.authToken, grant.id);
    this.context.set(pair.contextToken, grant.id);
    return pair;
  }

  grantOf(authToken: string, contextToken: string): Grant | undefined {
    const a = this.auth.get(authToken);
    return a !== undefined && a === this.context.get(contextToken) ? this.grants.get(a) : undefined;
  }

  get(id: number): Grant | undefined {
    return this.grants.get(id);
  }

  /** Checks a bearer pair; counts the call against expireTokensAfterCalls. */
  check(authHeader: string | null, contextHeader: string | null, now: number, maxCalls: number | null): TokenCheck {
    const strip = (h: string | null) => (h && /^Bearer\s+\S+$/i.test(h.trim()) ? h.trim().replace(/^Bearer\s+/i, "") : null);
    const a = strip(authHeader);
    const c = strip(contextHeader);
    if (!a || !c) return { ok: false, reason: "missing" };
    const grant = this.grantOf(a, c);
    if (!grant) return { ok: false, reason: "invalid" };
    if (grant.revoked || now >= grant.expiresAt) return { ok: false, reason: "expired" };
    if (maxCalls !== null && grant.calls >= maxCalls) {
      grant.revoked = true;
      return { ok: false, reason: "expired" };
    }
    grant.calls++;
    return { ok: true, grant };
  }

  expireAll(): void {
    for (const g of this.grants.values()) g.revoked = true;
  }
}
