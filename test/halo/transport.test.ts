/** The transport's loop: reads retried with the injected jitter, writes never, the breaker fed, the reply cap in MB. */
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { HaloError } from "../../src/halo/errors.js";
import { Transport } from "../../src/halo/transport.js";
import { setLogLevel, setLogSink } from "../../src/log.js";

const URL_ = "https://gw.transport.test/graphql";
const server = setupServer();
const lines: string[] = [];
setLogSink((l) => lines.push(l));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  lines.length = 0;
  setLogLevel("info");
});
afterAll(() => server.close());

function replies(...list: Array<() => Response>) {
  let n = 0;
  server.use(http.post(URL_, () => (list[Math.min(n++, list.length - 1)] as () => Response)()));
  return () => n;
}
function make(extra: Partial<ConstructorParameters<typeof Transport>[0]> = {}) {
  const sleeps: number[] = [];
  const t = new Transport({ requestTimeoutMs: 5000, maxConcurrency: 2, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, ...extra });
  return { t, sleeps, post: () => t.got.post(URL_, { body: "{}" }) };
}
const fail = (status: number, headers: Record<string, string> = {}) => () => HttpResponse.json({ message: "x" }, { status, headers });
const ok = () => HttpResponse.json({ data: { a: 1 } }, { headers: { "x-test": "yes" } });

describe("Transport.send", () => {
  it("answers with status, headers and the parsed body", async () => {
    replies(ok);
    const { t, post } = make();
    const r = await t.send("query", "Q", post);
    expect(r.statusCode).toBe(200);
    expect(r.body).toEqual({ data: { a: 1 } });
    expect(r.headers["x-test"]).toBe("yes");
  });

  it("retries a read with full jitter from the injected random: 150 then 300 ms at 0.5", async () => {
    setLogLevel("debug");
    const calls = replies(fail(503), fail(502), ok);
    const { t, sleeps, post } = make();
    expect((await t.send("query", "Q", post)).body).toEqual({ data: { a: 1 } });
    expect(calls()).toBe(3);
    expect(sleeps).toEqual([150, 300]);
    expect(lines.filter((l) => l.includes("DEBUG halo: Q failed (http 503); retry 1 in 150ms"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("DEBUG halo: Q failed (http 502); retry 2 in 300ms"))).toHaveLength(1);
  });

  it("a time-out is logged without a status", async () => {
    setLogLevel("debug");
    server.use(http.post(URL_, async () => {
      await new Promise((r) => setTimeout(r, 300));
      return ok();
    }));
    const { t, post } = make({ requestTimeoutMs: 50 });
    await expect(t.send("get", "G", post)).rejects.toMatchObject({ kind: "timeout" });
    expect(lines.some((l) => l.includes("DEBUG halo: G failed (timeout); retry 1 in 150ms"))).toBe(true);
  });

  it("never retries a write, and gives up on a read after three attempts", async () => {
    for (const kind of ["mutation", "post", "upload"] as const) {
      const calls = replies(fail(503), ok);
      const { t, sleeps, post } = make();
      await expect(t.send(kind, "W", post)).rejects.toMatchObject({ kind: "http", status: 503, operation: "W" });
      expect([calls(), sleeps.length]).toEqual([1, 0]);
    }
    const calls = replies(fail(500));
    const { t, sleeps, post } = make();
    await expect(t.send("download", "D", post)).rejects.toMatchObject({ status: 500 });
    expect([calls(), sleeps]).toEqual([3, [150, 300]]);
  });

  it("waits what Retry-After asks, and not at all for one over 30 seconds", async () => {
    replies(fail(429, { "retry-after": "4" }), ok);
    const a = make();
    await a.t.send("session", "S", a.post);
    expect(a.sleeps).toEqual([4000]);
    const calls = replies(fail(429, { "retry-after": "31" }), ok);
    const b = make();
    await expect(b.t.send("query", "Q", b.post)).rejects.toMatchObject({ status: 429, retryAfterMs: 31_000 });
    expect([calls(), b.sleeps]).toEqual([1, []]);
  });

  it("feeds the breaker: outages open it, an answer (even a refusal) closes it", async () => {
    replies(fail(503));
    const { t, post } = make({ breaker: { threshold: 2, cooldownMs: 60_000 } });
    await expect(t.send("post", "A", post)).rejects.toMatchObject({ status: 503 });
    expect(t.breaker.current).toBe("closed");
    await expect(t.send("post", "B", post)).rejects.toMatchObject({ status: 503 });
    expect(t.breaker.current).toBe("open");
    await expect(t.send("post", "C", post)).rejects.toMatchObject({ kind: "circuit_open", operation: "C" });
    const u = make({ breaker: { threshold: 2 } });
    replies(fail(503), fail(401), fail(503));
    await u.t.send("post", "A", u.post).catch(() => undefined);
    await u.t.send("post", "B", u.post).catch(() => undefined); // auth: Halo answered
    await u.t.send("post", "C", u.post).catch(() => undefined);
    expect(u.t.breaker.current).toBe("closed");
    replies(ok);
    await u.t.send("post", "D", u.post);
    await u.t.send("post", "E", u.post).catch(() => undefined);
    expect(u.t.breaker.current).toBe("closed");
  });

  it("names a cap of a megabyte or more in MB", async () => {
    server.use(http.post(URL_, () => new HttpResponse("x".repeat(1024 * 1024 + 10), { headers: { "content-length": String(1024 * 1024 + 10) } })));
    const { t, post } = make({ replyMaxBytes: 1024 * 1024 });
    const e = (await t.send("query", "Big", post).catch((x: unknown) => x)) as HaloError;
    expect(e.message).toBe("Halo's reply to Big was larger than the 1 MB limit (replyMaxBytes) and was dropped.");
    server.use(http.post(URL_, () => new HttpResponse("x".repeat(1024 * 1024), { headers: { "content-length": String(1024 * 1024) } })));
    expect((await t.send("query", "Exact", post)).body).toHaveLength(1024 * 1024); // exactly the cap passes
  });
});
