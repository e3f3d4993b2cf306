import { Readable } from "node:stream";
import FormData from "form-data";
import { describe, expect, it } from "vitest";
import { createHalo, type HaloError } from "../../src/halo/index.js";
import { setLogSink } from "../../src/log.js";
import { fakePerTest, type FakeHalo, URLS } from "./fake-halo.js";
import { instant, testConfig } from "./helpers.js";

setLogSink(() => undefined);
let fake!: FakeHalo;
const env = fakePerTest((f) => (fake = f));

const Q = { operationName: "Q", query: "query Q { x }" };
const M = { operationName: "M", query: "mutation M { x }" };
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as HaloError);

function make(opts: { halo?: Parameters<typeof testConfig>[0]; now?: () => number; breaker?: { threshold?: number; cooldownMs?: number } } = {}) {
  const sleeps: number[] = [];
  const halo = createHalo({
    config: testConfig({ cookie: fake.cookieHeader(), ...opts.halo }),
    now: opts.now,
    fetchHooks: { ...instant, breaker: opts.breaker, sleep: async (ms) => void sleeps.push(ms) },
  });
  return { ...halo, sleeps };
}

describe("retries", () => {
  it("queries are retried on 503 and succeed", async () => {
    const h = make();
    await h.api.session();
    fake.gatewayFailures.push({ status: 503 }, { status: 502, body: "<html>bad gateway</html>" });
    await expect(h.api.query(Q)).resolves.toMatchObject({ ok: true });
    expect(fake.stats.gateway).toBe(3);
    expect(h.sleeps).toHaveLength(2);
  });

  it("a 429 waits for Retry-After", async () => {
    const h = make();
    fake.gatewayFailures.push({ status: 429, headers: { "retry-after": "2" } });
    await h.api.query(Q);
    expect(h.sleeps).toEqual([2000]);
  });

  it("gives up after 3 attempts with the http error", async () => {
    const h = make();
    fake.gatewayFailures.push({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const e = await caught(h.api.query(Q));
    expect(e).toMatchObject({ kind: "http", status: 500 });
    expect(fake.stats.gateway).toBe(3);
  });

  it("mutations and REST POSTs are never retried", async () => {
    const h = make();
    await h.api.session();
    fake.gatewayFailures.push({ status: 503 });
    expect((await caught(h.api.mutate(M))).status).toBe(503);
    expect(fake.stats.gateway).toBe(1);
    fake.restFailures.push({ status: 503 });
    expect((await caught(h.api.restPost("forum/post/send", { json: { a: 1 } }))).status).toBe(503);
    expect(fake.stats.rest).toBe(1);
    expect(h.sleeps).toEqual([]);
  });

  it("REST GETs are retried", async () => {
    const h = make();
    fake.restFailures.push({ status: 504 });
    await expect(h.api.restGet("downloadUrl/abc")).resolves.toMatchObject({ method: "GET", path: "/api/v1/orchestrate/downloadUrl/abc" });
    expect(fake.stats.rest).toBe(2);
  });

  it("timeouts and network errors are classified (and retried for reads)", async () => {
    const h = make({ halo: { requestTimeoutMs: 40 } });
    await h.api.session();
    fake.gatewayDelayMs = 300;
    expect((await caught(h.api.query(Q))).kind).toBe("timeout");
    expect(fake.stats.gateway).toBe(3);
    fake.gatewayDelayMs = 0;
    fake.gatewayNetworkError = true;
    const h2 = make(); // h's breaker has seen 3 outages already; 2 more would open it
    await h2.api.session();
    const e = await caught(h2.api.query(Q));
    expect(e.kind).toBe("network");
    expect(e.message).toMatch(/Could not reach Halo for Q/);
  });
});

describe("bounded concurrency", () => {
  it("never has more than maxConcurrency requests in flight", async () => {
    const h = make({ halo: { maxConcurrency: 3 } });
    await h.api.session();
    fake.gatewayDelayMs = 20;
    await Promise.all(Array.from({ length: 20 }, () => h.api.query(Q)));
    expect(fake.maxInFlight).toBeLessThanOrEqual(3);
    expect(fake.maxInFlight).toBeGreaterThan(1);
  });
});

describe("circuit breaker in the client", () => {
  it("opens after consecutive outages, fails fast, half-opens after the cool-down and recovers", async () => {
    let t = 1_000_000;
    const h = make({ now: () => t, breaker: { threshold: 3, cooldownMs: 10_000 } });
    await h.api.session();
    fake.gatewayFailures.push(...Array.from({ length: 3 }, () => ({ status: 503 })));
    expect((await caught(h.api.query(Q))).kind).toBe("http");
    const before = fake.stats.gateway;
    const fast = await caught(h.api.query(Q));
    expect(fast.kind).toBe("circuit_open");
    expect(fast.message).toBe("Halo is not responding; retrying automatically in 10s.");
    expect(fake.stats.gateway).toBe(before);
    t += 10_000;
    await expect(h.api.query(Q)).resolves.toBeTruthy();
    await expect(h.api.query(Q)).resolves.toBeTruthy();
  });

  it("auth and access errors do not open it", async () => {
    const h = make({ breaker: { threshold: 2 } });
    for (let i = 0; i < 5; i++) await caught(h.api.query({ ...Q, operationName: "NotEnrolled" }));
    await expect(h.api.query(Q)).resolves.toBeTruthy();
  });
});

describe("REST, uploads and downloads", () => {
  it("REST calls carry the bearer pair and class headers; JSON and multipart bodies", async () => {
    const h = make();
    const json = await h.api.restPost<{ contentType: string }>("generate-presigned-urls", { json: [{ fileName: "a.pdf" }] }, { slugId: "S-1", courseClassId: "C-1" });
    expect(json.contentType).toBe("application/json");
    expect(fake.seen.headers?.get("authorization")).toBe(`Bearer ${fake.authToken}`);
    expect(fake.seen.headers?.get("current-class-slug-id")).toBe("S-1");
    expect(fake.seen.headers?.get("current-course-class-id")).toBe("C-1");
    expect(fake.seen.headers?.get("gql-operation-name")).toBeNull();
    const form = () => {
      const f = new FormData();
      f.append("content", "<p>Hello</p>");
      f.append("forumId", "f-1");
      return f;
    };
    const multi = await h.api.restPost<{ contentType: string; bodyLength: number }>("forum/post/send", { form });
    expect(multi.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(multi.bodyLength).toBeGreaterThan(20);
  });

  it("a multipart POST rejected for auth is rebuilt and replayed once after the refresh", async () => {
    const h = make();
    await h.api.session();
    fake.expireTokens();
    let built = 0;
    const form = () => {
      built++;
      const f = new FormData();
      f.append("content", "x");
      return f;
    };
    await h.api.restPost("forum/post/send", { form });
    expect(built).toBe(2);
    expect(fake.stats.refreshPosts).toBe(1);
  });

  it("accepts an orchestration URL that already includes the REST path", async () => {
    const h = make({ halo: { orchestrationUrl: `${URLS.orchestrationUrl}/api/v1/orchestrate/` } });
    expect(await h.api.restGet("x/y")).toMatchObject({ path: "/api/v1/orchestrate/x/y" });
  });

  it("putPresigned streams with Content-Length/Type, no Halo headers, and reports progress", async () => {
    const h = make();
    const size = 3 * 1024 * 1024;
    let opened = 0;
    const body = {
      size,
      contentType: "application/pdf",
      open: () => {
        opened++;
        return Readable.from((function* () {
          for (let i = 0; i < size / 65536; i++) yield Buffer.alloc(65536, i % 256);
        })());
      },
    };
    const progress: number[] = [];
    await h.api.putPresigned(`${URLS.store}/bucket/key?X-Amz-Signature=abc`, body, (sent, total) => {
      expect(total).toBe(size);
      progress.push(sent);
    });
    expect(opened).toBe(1);
    expect(fake.stats.putBytes).toBe(size);
    expect(fake.seen.headers?.get("content-length")).toBe(String(size));
    expect(fake.seen.headers?.get("content-type")).toBe("application/pdf");
    expect(fake.seen.headers?.get("authorization")).toBeNull();
    expect(fake.seen.headers?.get("contexttoken")).toBeNull();
    expect(progress.at(-1)).toBe(size);
    expect(fake.stats.sessionGets).toBe(0); // no session needed for the object store
  });

  it("a slow upload is not cut off by the total request timeout (only stalls are)", async () => {
    const h = make({ halo: { requestTimeoutMs: 300 } });
    const chunks = 8;
    const body = {
      size: chunks * 1024,
      contentType: "application/octet-stream",
      open: () =>
        Readable.from((async function* () {
          for (let i = 0; i < chunks; i++) {
            await new Promise((r) => setTimeout(r, 100)); // 800 ms in all, never idle for 300 ms
            yield Buffer.alloc(1024);
          }
        })()),
    };
    await h.api.putPresigned(`${URLS.store}/slow`, body);
    expect(fake.stats.putBytes).toBe(chunks * 1024);
  });

  it("a failed upload is reported, never retried", async () => {
    const h = make();
    env.server.use((await import("msw")).http.put(`${URLS.store}/*`, () => new Response("<Error><Code>AccessDenied</Code></Error>", { status: 403 })));
    const body = { size: 3, contentType: "text/plain", open: () => Readable.from([Buffer.from("abc")]) };
    const e = await caught(h.api.putPresigned(`${URLS.store}/k`, body));
    expect(e.status).toBe(403);
    expect(e.message).not.toContain("AccessDenied");
  });

  it("getSigned streams the download", async () => {
    const h = make();
    const { stream, contentType, size } = await h.api.getSigned(`${URLS.store}/file.txt`);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe("file-bytes-here");
    expect(contentType).toBe("text/plain");
    expect(size).toBe(15);
    env.server.use((await import("msw")).http.get(`${URLS.store}/*`, () => new Response("gone", { status: 404 })));
    expect((await caught(h.api.getSigned(`${URLS.store}/missing`))).kind).toBe("not_found");
  });
});

describe("transaction-id", () => {
  it("uses the configured value as a prefix when the session gives no tenant/user", async () => {
    fake.callbackFails = true;
    const h = createHalo({
      config: testConfig({ authToken: fake.authToken, contextToken: fake.contextToken, transactionId: "tenant-user-0b4a1a9e-1111-4222-8333-444455556666" }),
      fetchHooks: instant,
    });
    await h.api.query(Q);
    const id = fake.seen.headers?.get("transaction-id") ?? "";
    expect(id).toMatch(/^tenant-user-[0-9a-f-]{36}$/);
    expect(id).not.toContain("0b4a1a9e-1111");
  });
});
