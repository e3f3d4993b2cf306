import { afterEach, describe, expect, it } from "vitest";
import { Cache } from "../../src/queries/cache.js";
import { clearSecrets, redact, registerSecret } from "../../src/redact.js";

describe("cache", () => {
  it("coalesces concurrent loads and expires after the TTL", async () => {
    let t = 0;
    let loads = 0;
    const c = new Cache(() => t);
    const load = async () => ++loads;
    const [a, b] = await Promise.all([c.get("k", 1000, load), c.get("k", 1000, load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    t = 999;
    expect(await c.get("k", 1000, load)).toBe(1);
    t = 2000;
    expect(await c.get("k", 1000, load)).toBe(2);
  });

  it("never caches a failure", async () => {
    const c = new Cache(() => 0);
    await expect(c.get("k", 1000, async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await c.get("k", 1000, async () => 5)).toBe(5);
  });

  it("stays bounded", async () => {
    const c = new Cache(() => 0, 3);
    for (let i = 0; i < 10; i++) await c.get(`k${i}`, 1000, async () => i);
    expect(c.age("k0")).toBeUndefined();
    expect(c.age("k9")).toBe(0);
  });
});

describe("redact", () => {
  afterEach(() => clearSecrets());
  it("hides registered secrets, URL-encoded too, and secret-shaped strings", () => {
    registerSecret("sekrit-cookie-value|abc");
    expect(redact("x sekrit-cookie-value|abc y sekrit-cookie-value%7Cabc")).toBe("x [redacted] y [redacted]");
    expect(redact("Authorization: Bearer abcdefghijklmnop")).toBe("Authorization: Bearer [redacted]");
    expect(redact("token eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..aaaa.bbbb.cccc")).toBe("token [redacted-token]");
    expect(redact("__Secure-next-auth.session-token=abc.def; other=1")).toBe("__Secure-next-auth.session-token=[redacted]; other=1");
  });
});
