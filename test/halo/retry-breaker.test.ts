import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../src/halo/breaker.js";
import { HaloError, type HaloErrorKind } from "../../src/halo/errors.js";
import { retryDelay, type RequestKind } from "../../src/halo/retry.js";

const err = (kind: HaloErrorKind, status?: number, retryAfterMs?: number) => new HaloError(kind, "x", { status, retryAfterMs });
const opts = (kind: RequestKind, random = () => 1) => ({ kind, baseMs: 100, maxMs: 1000, random });

describe("retryDelay", () => {
  it("retries reads on 408/429/5xx, network and timeout", () => {
    for (const e of [err("http", 408), err("http", 429), err("http", 500), err("http", 503), err("network"), err("timeout")]) {
      expect(retryDelay(1, e, opts("query"))).toBe(100);
      expect(retryDelay(1, e, opts("get"))).toBe(100);
    }
  });

  it("never retries writes or uploads", () => {
    for (const kind of ["mutation", "post", "upload"] as const) {
      for (const e of [err("http", 503), err("network"), err("timeout"), err("http", 429, 10)]) expect(retryDelay(1, e, opts(kind))).toBeNull();
    }
  });

  it("does not retry errors a retry cannot fix", () => {
    for (const e of [err("auth"), err("access"), err("validation"), err("upstream"), err("http", 400), err("http", 404), err("circuit_open"), err("session_expired")]) {
      expect(retryDelay(1, e, opts("query"))).toBeNull();
    }
  });

  it("exponential backoff with full jitter, capped, at most 3 attempts", () => {
    const e = err("http", 502);
    expect(retryDelay(1, e, opts("query"))).toBe(100);
    expect(retryDelay(2, e, opts("query"))).toBe(200);
    expect(retryDelay(3, e, opts("query"))).toBeNull();
    expect(retryDelay(5, e, { ...opts("query"), maxAttempts: 10 })).toBe(1000); // 1600 capped at maxMs
    expect(retryDelay(2, e, opts("query", () => 0.25))).toBe(50);
    expect(retryDelay(2, e, opts("query", () => 0))).toBe(0);
  });

  it("honours Retry-After, and gives up when it is longer than the cap", () => {
    expect(retryDelay(1, err("http", 429, 4000), opts("query"))).toBe(4000);
    expect(retryDelay(1, err("http", 503, 0), opts("query"))).toBe(0);
    expect(retryDelay(1, err("http", 429, 120_000), { ...opts("query"), retryAfterCapMs: 30_000 })).toBeNull();
  });
});

describe("CircuitBreaker", () => {
  function clocked() {
    let t = 1_000_000;
    const b = new CircuitBreaker({ threshold: 5, cooldownMs: 30_000, now: () => t });
    return { b, advance: (ms: number) => (t += ms) };
  }

  it("opens after 5 consecutive outages and fails fast with circuit_open", () => {
    const { b } = clocked();
    for (let i = 0; i < 4; i++) {
      b.enter("Q");
      b.failure(err("network"));
    }
    expect(b.current).toBe("closed");
    b.enter("Q");
    b.failure(err("http", 503));
    expect(b.current).toBe("open");
    expect(() => b.enter("Q")).toThrow(/Halo is not responding; retrying automatically in 30s/);
    try {
      b.enter("Q");
    } catch (e) {
      expect((e as HaloError).kind).toBe("circuit_open");
    }
  });

  it("auth/access/validation/429 do not count and reset the streak", () => {
    const { b } = clocked();
    for (let i = 0; i < 20; i++) {
      b.enter("Q");
      b.failure(i % 2 ? err("timeout") : err(["auth", "access", "validation"][i % 3] as HaloErrorKind));
    }
    b.failure(err("http", 429));
    expect(b.current).toBe("closed");
  });

  it("half-opens one trial after the cool-down; success closes, failure re-opens", () => {
    const { b, advance } = clocked();
    for (let i = 0; i < 5; i++) b.failure(err("timeout"));
    advance(29_000);
    expect(() => b.enter("Q")).toThrow(/in 1s/);
    advance(1_000);
    b.enter("Q"); // the trial
    expect(b.current).toBe("half_open");
    expect(() => b.enter("Q")).toThrow(/not responding/); // only one trial at a time
    b.failure(err("network"));
    expect(b.current).toBe("open");
    expect(() => b.enter("Q")).toThrow(/in 30s/);
    advance(30_000);
    b.enter("Q");
    b.success();
    expect(b.current).toBe("closed");
    b.enter("Q");
    b.enter("Q");
  });
});
