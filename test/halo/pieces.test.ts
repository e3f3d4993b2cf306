/** The small pure pieces of the Halo client, asserted value by value (found by mutation testing). */
import { describe, expect, it } from "vitest";
import { CircuitBreaker, countsAsOutage } from "../../src/halo/breaker.js";
import { csrfFromJar, hasSessionCookie, loadCookies, parseCookieHeader, SessionJar, snapshotCookies, tokensFromCookiePairs } from "../../src/halo/cookies.js";
import { HaloError, type HaloErrorKind } from "../../src/halo/errors.js";
import { haloHeaders, transactionId } from "../../src/halo/headers.js";
import { expiryMs, noCredentials, rawTokensRejected, sessionExpired, statusOf, stillRejected } from "../../src/halo/messages.js";
import { isTransient, retryDelay } from "../../src/halo/retry.js";
import { Semaphore } from "../../src/halo/semaphore.js";
import { basisOf, credsOf, hasCreds, mergeChanged, sameCreds, storedSession } from "../../src/halo/session-store.js";
import { redact } from "../../src/redact.js";

const err = (kind: HaloErrorKind, status?: number, retryAfterMs?: number) => new HaloError(kind, "x", { status, retryAfterMs });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("retry and outage rules", () => {
  it("isTransient: 408, 429 and 5xx only among HTTP statuses", () => {
    expect([407, 408, 409, 428, 429, 430, 499, 500, 599].map((s) => isTransient(err("http", s)))).toEqual([false, true, false, false, true, false, false, true, true]);
    expect(isTransient(err("http"))).toBe(false);
    expect(isTransient(err("auth", 500))).toBe(false);
  });

  it("countsAsOutage: 408 and 5xx, not 429 or 4xx; network and timeout", () => {
    expect([408, 429, 499, 500, 503].map((s) => countsAsOutage(err("http", s)))).toEqual([true, false, false, true, true]);
    expect(countsAsOutage(err("http"))).toBe(false);
    expect(countsAsOutage(err("network"))).toBe(true);
    expect(countsAsOutage(err("timeout"))).toBe(true);
    expect(countsAsOutage(err("access", 503))).toBe(false);
  });

  it("retryDelay defaults: 300 ms base doubling to 5 s, three attempts, Retry-After up to 30 s", () => {
    const e = err("http", 503);
    const one = () => 1;
    expect(retryDelay(1, e, { kind: "query", random: one })).toBe(300);
    expect(retryDelay(2, e, { kind: "query", random: one })).toBe(600);
    expect(retryDelay(3, e, { kind: "query", random: one })).toBeNull();
    expect(retryDelay(6, e, { kind: "query", random: one, maxAttempts: 9 })).toBe(5000);
    expect(retryDelay(1, err("http", 429, 30_000), { kind: "session" })).toBe(30_000);
    expect(retryDelay(1, err("http", 429, 30_001), { kind: "download" })).toBeNull();
    expect(retryDelay(1, err("network"), { kind: "query", random: () => 0.999 })).toBe(299);
  });

  it("the breaker's defaults: five outages open it for 30 seconds", () => {
    let t = 0;
    const b = new CircuitBreaker({ now: () => t });
    for (let i = 0; i < 4; i++) b.failure(err("network"));
    expect(b.current).toBe("closed");
    b.failure(err("network"));
    expect(b.current).toBe("open");
    t += 29_999;
    expect(() => b.enter("Q")).toThrow(/in 1s/);
    t += 1;
    b.enter("Q");
    expect(b.current).toBe("half_open");
  });

  it("the circuit_open error carries the operation and a whole-second Retry-After", () => {
    let t = 0;
    const b = new CircuitBreaker({ threshold: 1, cooldownMs: 2_500, now: () => t });
    b.failure(err("timeout"));
    t += 100;
    const e = (() => {
      try {
        b.enter("ListClasses");
      } catch (x) {
        return x as HaloError;
      }
    })();
    expect(e).toMatchObject({ kind: "circuit_open", operation: "ListClasses", retryAfterMs: 3000 });
    expect(e?.message).toBe("Halo is not responding; retrying automatically in 3s.");
  });

  it("a failure in half-open state re-opens at once, and a success resets the streak", () => {
    let t = 0;
    const b = new CircuitBreaker({ threshold: 3, cooldownMs: 10, now: () => t });
    b.failure(err("network"));
    b.failure(err("network"));
    b.success();
    b.failure(err("network"));
    b.failure(err("network"));
    expect(b.current).toBe("closed"); // the success reset the count
    b.failure(err("network"));
    expect(b.current).toBe("open");
    t += 10;
    b.enter("Q");
    b.failure(err("http", 502));
    expect(b.current).toBe("open");
    t += 10;
    b.enter("Q");
    b.failure(err("access")); // Halo answered: closed
    expect(b.current).toBe("closed");
  });
});

describe("Semaphore", () => {
  it("bounds parallel work, hands slots over in FIFO order and frees them on failure", async () => {
    const sem = new Semaphore(2);
    const order: string[] = [];
    const gates: Array<() => void> = [];
    const job = (name: string, fail = false) =>
      sem.run(async () => {
        order.push(`start ${name}`);
        await new Promise<void>((r) => gates.push(r));
        order.push(`end ${name}`);
        if (fail) throw new Error(`boom ${name}`);
        return name;
      });
    const a = job("a", true);
    const b = job("b");
    const c = job("c");
    const d = job("d");
    await Promise.resolve();
    expect(sem.inUse).toBe(2);
    expect(order).toEqual(["start a", "start b"]);
    gates.shift()!();
    await expect(a).rejects.toThrow("boom a");
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(["start a", "start b", "end a", "start c"]);
    expect(sem.inUse).toBe(2);
    while (gates.length) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    expect(await Promise.all([b, c, d])).toEqual(["b", "c", "d"]);
    expect(order.indexOf("start d")).toBeGreaterThan(order.indexOf("start c"));
    expect(sem.inUse).toBe(0);
  });
});

describe("cookies", () => {
  it("parses a pasted Cookie header: prefix, quotes, '=' in values, junk parts", () => {
    expect(parseCookieHeader(` Cookie: "a=1; b=x=y==; =nameless; novalue; c = 3 ;"`)).toEqual([
      ["a", "1"],
      ["b", "x=y=="],
      ["c", "3"],
    ]);
    expect(parseCookieHeader("COOKIE:a=1")).toEqual([["a", "1"]]);
    expect(parseCookieHeader(`a=cookie:1; b="q"`)).toEqual([["a", "cookie:1"], ["b", '"q']]);
  });

  it("reads gateway tokens from the LMS cookies, URL-decoded, only as a pair", () => {
    expect(tokensFromCookiePairs([["TE1TX0FVVEg", "a%2Bb"], ["TE1TX0NPTlRFWFQ", "c"]])).toEqual({ authToken: "a+b", contextToken: "c" });
    expect(tokensFromCookiePairs([["TE1TX0FVVEg", "%E0%A4%A"], ["TE1TX0NPTlRFWFQ", "c"]])).toEqual({ authToken: "%E0%A4%A", contextToken: "c" });
    expect(tokensFromCookiePairs([["TE1TX0FVVEg", "a"]])).toBeUndefined();
    expect(tokensFromCookiePairs([["TE1TX0FVVEg", ""], ["TE1TX0NPTlRFWFQ", "c"]])).toBeUndefined();
  });

  it("knows a session cookie, chunked or prefixed", () => {
    expect(hasSessionCookie([["__Secure-next-auth.session-token.0", "x"]])).toBe(true);
    expect(hasSessionCookie([["next-auth.session-token", "x"]])).toBe(true);
    expect(hasSessionCookie([["next-auth.session-token-old", "x"], ["csrf", "y"]])).toBe(false);
    expect(hasSessionCookie([["csrf", "y"], ["next-auth.session-token", "x"]])).toBe(true);
    expect(hasSessionCookie([["next-auth.session-token.12", "x"]])).toBe(true);
  });

  it("loads, snapshots and reads csrf on the injected clock; expired cookies drop out", async () => {
    let t = Date.parse("2026-11-21T17:00:00Z");
    const jar = new SessionJar(() => t);
    const base = "https://halo.example.edu";
    await loadCookies(jar, base, [["__Host-next-auth.csrf-token", "csrf-tok-123456%7Chash"], ["a", "1"]]);
    expect(await snapshotCookies(jar, base)).toEqual({ "__Host-next-auth.csrf-token": "csrf-tok-123456%7Chash", a: "1" });
    expect(await jar.getCookieString(base)).toBe("__Host-next-auth.csrf-token=csrf-tok-123456%7Chash; a=1");
    expect(await csrfFromJar(jar, base)).toBe("csrf-tok-123456");
    expect(redact("x csrf-tok-123456 y")).toBe("x [redacted] y");
    await jar.setCookie(`short=lived; Path=/; Secure; Expires=${new Date(t + 60_000).toUTCString()}`, base);
    expect(Object.keys(await snapshotCookies(jar, base))).toContain("short");
    t += 60_000; // expiring this very moment counts as expired
    expect(Object.keys(await snapshotCookies(jar, base))).not.toContain("short");
    await jar.setCookie("deep=1; Path=/api; Secure", base);
    expect(await jar.getCookieString(base)).not.toContain("deep=");
    expect(await jar.getCookieString(`${base}/api/x`)).toContain("deep=1");
    await expect(jar.setCookie("x=1; Domain=other.example", base)).resolves.toBeUndefined(); // ignored, not thrown
    await jar.setCookie("k=abc=def-secret-cookie-value; Path=/", base);
    expect(redact("abc=def-secret-cookie-value")).toBe("[redacted]");
  });

  it("marks cookies Secure on https and loopback only", async () => {
    const jar = new SessionJar();
    await loadCookies(jar, "http://127.0.0.1:9", [["k", "v"]]);
    expect((await jar.live("http://127.0.0.1:9"))[0]?.secure).toBe(true);
    const plain = new SessionJar();
    await loadCookies(plain, "http://halo.internal:9", [["k", "v"]]);
    expect((await plain.live("http://halo.internal:9"))[0]?.secure).toBe(false);
    const local = new SessionJar();
    await loadCookies(local, "http://localhost:9", [["k", "v"]]);
    expect((await local.live("http://localhost:9"))[0]?.secure).toBe(true);
    const v6 = new SessionJar();
    await loadCookies(v6, "http://[::1]:9", [["k", "v"]]);
    expect((await v6.live("http://[::1]:9"))[0]?.secure).toBe(true);
  });

  it("csrf: missing cookie, empty token, undecodable value", async () => {
    const base = "https://halo.example.edu";
    const none = new SessionJar();
    expect(await csrfFromJar(none, base)).toBeUndefined();
    const empty = new SessionJar();
    await loadCookies(empty, base, [["next-auth.csrf-token", "%7Chash"]]);
    expect(await csrfFromJar(empty, base)).toBeUndefined();
    const raw = new SessionJar();
    await loadCookies(raw, base, [["__Secure-next-auth.csrf-token", "abc%E0%A4%A|h"]]);
    expect(await csrfFromJar(raw, base)).toBe("abc%E0%A4%A");
    const plainName = new SessionJar();
    await loadCookies(plainName, base, [["next-auth.csrf-token", "tok-plain-123|h"]]);
    expect(await csrfFromJar(plainName, base)).toBe("tok-plain-123");
    const other = new SessionJar();
    await loadCookies(other, base, [["xnext-auth.csrf-token", "nope|h"]]);
    expect(await csrfFromJar(other, base)).toBeUndefined();
  });
});

describe("headers", () => {
  it("transaction id: tenant-user, else the configured prefix without its uuid, else a bare uuid", () => {
    expect(transactionId({ tenantId: "t1", userId: "u1" })).toMatch(new RegExp(`^t1-u1-${UUID.source}`));
    expect(transactionId({ userId: "u1" }, " gcu-11111111-2222-3333-4444-555555555555 ")).toMatch(new RegExp(`^gcu-${UUID.source}`));
    expect(transactionId(undefined, "my-app")).toMatch(new RegExp(`^my-app-${UUID.source}`));
    expect(transactionId(undefined, "  ")).toMatch(new RegExp(`^${UUID.source}`));
    expect(transactionId(undefined)).not.toBe(transactionId(undefined));
  });

  it("sends both bearer tokens, course context, origin and the optional JSON/operation headers", () => {
    const h = haloHeaders({ tokens: { authToken: "A", contextToken: "C" }, baseUrl: "https://halo.gcu.edu/x/y", context: { slugId: "s", courseClassId: "c" }, operationName: "Op", json: true });
    expect(h).toMatchObject({
      authorization: "Bearer A",
      contexttoken: "Bearer C",
      "apollo-require-preflight": "true",
      "current-class-slug-id": "s",
      "current-course-class-id": "c",
      origin: "https://halo.gcu.edu",
      referer: "https://halo.gcu.edu/",
      accept: "application/json",
      "content-type": "application/json",
      "gql-operation-name": "Op",
    });
    const bare = haloHeaders({ tokens: { authToken: "A", contextToken: "C" }, baseUrl: "https://halo.gcu.edu", json: false });
    expect(bare["current-class-slug-id"]).toBe("");
    expect(bare["current-course-class-id"]).toBe("");
    expect("content-type" in bare).toBe(false);
    expect("gql-operation-name" in bare).toBe(false);
  });
});

describe("messages", () => {
  it("each login problem has its kind, its reason and the same way out (login, or paste and reload)", () => {
    const base = "https://halo.example.edu";
    const all = [sessionExpired(base), rawTokensRejected(base), noCredentials(base), stillRejected(base, "GetClasses")];
    expect(all.map((e) => e.kind)).toEqual(["session_expired", "session_expired", "no_credentials", "auth"]);
    expect(all[0]?.message).toMatch(/^Your Halo login has ended \(the browser session is over or was logged out\)\. Run `halo-lms-mcp login`/);
    expect(all[1]?.message).toMatch(/^Halo rejected the configured authToken\/contextToken and they cannot be refreshed/);
    expect(all[2]?.message).toMatch(/^No Halo login is configured\. Run `halo-lms-mcp login`/);
    expect(all[3]?.message).toMatch(/^Halo still rejects the session after a token refresh \(GetClasses\)\./);
    expect(all[3]?.operation).toBe("GetClasses");
    for (const e of all) {
      expect(e.message).toContain(`Log in to ${base} in a browser`);
      expect(e.message).toMatch(/call reload_tokens \(or restart the server\)\.$/);
    }
  });

  it("expiryMs reads seconds, milliseconds and ISO", () => {
    expect(expiryMs("1700000000")).toBe(1_700_000_000_000);
    expect(expiryMs("999999999999")).toBe(999_999_999_999_000);
    expect(expiryMs("1000000000000")).toBe(1_000_000_000_000);
    expect(expiryMs("2026-11-21T17:00:00Z")).toBe(Date.parse("2026-11-21T17:00:00Z"));
    expect(expiryMs("soon")).toBeUndefined();
    expect(expiryMs(undefined)).toBeUndefined();
    expect(expiryMs("")).toBeUndefined();
  });

  it("statusOf: ok, raw tokens, expired, none and other failures", () => {
    const base = { source: "cookie" as const, canRefresh: true, hasTokens: true, info: { userId: "u", expires: "E", authMethod: "open_id" }, lastRefreshAt: 0, reloadedAt: 1000 };
    expect(statusOf(base, undefined)).toEqual({ state: "ok", source: "cookie", canRefresh: true, userId: "u", expires: "E", authMethod: "open_id", lastRefreshAt: "1970-01-01T00:00:00.000Z", reloadedFromFileAt: "1970-01-01T00:00:01.000Z" });
    const raw = statusOf({ source: "tokens", canRefresh: false, hasTokens: true }, undefined);
    expect(raw).toMatchObject({ state: "unknown", authMethod: "raw_tokens", lastRefreshAt: undefined, reloadedFromFileAt: undefined });
    expect(raw.message).toMatch(/Using the raw tokens directly/);
    expect(statusOf({ source: "none", canRefresh: false, hasTokens: false }, undefined).authMethod).toBeUndefined();
    expect(statusOf(base, new HaloError("session_expired", "over"))).toMatchObject({ state: "expired", canRefresh: false, message: "over" });
    expect(statusOf(base, new HaloError("no_credentials", "none here"))).toMatchObject({ state: "none", source: "none", message: "none here" });
    expect(statusOf(base, new HaloError("network", "down"))).toMatchObject({ state: "unknown", message: "down" });
    expect(statusOf(base, new Error("secret stack"))).toMatchObject({ state: "unknown", message: "The session could not be checked." });
  });
});

describe("session-store", () => {
  it("credsOf trims and drops blanks and non-strings", () => {
    expect(credsOf({ cookie: "  a=b ", authToken: " ", contextToken: 5 })).toEqual({ cookie: "a=b", authToken: undefined, contextToken: undefined });
    expect(credsOf(undefined)).toEqual({});
  });

  it("hasCreds wants a cookie or a full token pair", () => {
    expect(hasCreds({ cookie: "a=b" })).toBe(true);
    expect(hasCreds({ authToken: "a", contextToken: "c" })).toBe(true);
    expect(hasCreds({ authToken: "a" })).toBe(false);
    expect(hasCreds({ contextToken: "c" })).toBe(false);
    expect(hasCreds({})).toBe(false);
  });

  it("sameCreds compares all three; mergeChanged takes only the keys the student changed", () => {
    expect(sameCreds({ cookie: "a", authToken: "b", contextToken: "c" }, { cookie: "a", authToken: "b", contextToken: "c" })).toBe(true);
    expect(sameCreds({ cookie: "a" }, { cookie: "a", authToken: "b" })).toBe(false);
    expect(sameCreds({ contextToken: "c" }, {})).toBe(false);
    expect(sameCreds({ cookie: "x" }, { cookie: "y" })).toBe(false);
    const current = { cookie: "env-cookie", authToken: "env-a", contextToken: "env-c" };
    expect(mergeChanged(current, { cookie: "old", authToken: "a" }, { cookie: "new", authToken: "a" })).toEqual({ cookie: "new", authToken: "env-a", contextToken: "env-c" });
    expect(mergeChanged(current, { contextToken: "c" }, {})).toEqual({ cookie: "env-cookie", authToken: "env-a", contextToken: undefined });
  });

  it("basisOf is a 16-hex fingerprint that changes with any credential", () => {
    const b = basisOf({ cookie: "a" });
    expect(b).toMatch(/^[0-9a-f]{16}$/);
    expect(basisOf({ cookie: "a" })).toBe(b);
    expect(new Set([b, basisOf({ authToken: "a" }), basisOf({ contextToken: "a" }), basisOf({})]).size).toBe(4);
    expect(basisOf({})).toBe("75a11da44c802486"); // sha256("\n\n") prefix: stable across releases, or saved sessions stop matching
  });

  it("storedSession accepts only an object with a string session cookie, dropping other values", () => {
    const s = storedSession({ session: { cookies: { "__Secure-next-auth.session-token": "S", n: 5, c: "x" }, authToken: "A", basis: "b" } });
    expect(s).toEqual({ cookies: { "__Secure-next-auth.session-token": "S", c: "x" }, authToken: "A", basis: "b" });
    expect(storedSession({ session: { cookies: { "next-auth.session-token.1": "S" } } })?.cookies).toEqual({ "next-auth.session-token.1": "S" });
    for (const bad of [undefined, {}, { session: null }, { session: [] }, { session: "x" }, { session: {} }, { session: { cookies: [] } }, { session: { cookies: "x" } }, { session: { cookies: { other: "x" } } }, { session: { cookies: { "next-auth.session-token": 1 } } }]) {
      expect(storedSession(bad as never)).toBeUndefined();
    }
  });
});

describe("HaloError", () => {
  it("keeps kind, status, retry hint, operation and cause; no cause property without one", () => {
    const cause = new Error("socket");
    const e = new HaloError("network", "down", { status: 503, retryAfterMs: 5, operation: "Op", cause });
    expect(e).toMatchObject({ name: "HaloError", kind: "network", message: "down", status: 503, retryAfterMs: 5, operation: "Op" });
    expect(e.cause).toBe(cause);
    expect("cause" in new HaloError("auth", "x")).toBe(false);
  });
});
