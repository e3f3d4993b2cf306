/** The lazily loaded Halo: every method reaches the real client, and nothing loads or calls Halo before it is needed. */
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createLazyHalo } from "../../src/halo/lazy.js";
import { setLogSink } from "../../src/log.js";
import { startFake, URLS } from "./fake-halo.js";
import { testConfig } from "./helpers.js";

setLogSink(() => undefined);
const env = startFake();
const fake = env.fake;
afterAll(() => env.close());

describe("createLazyHalo", () => {
  it("forwards every API and session call to the loaded client", async () => {
    const halo = createLazyHalo({ config: testConfig({ cookie: fake.cookieHeader() }) });
    expect(halo.outcomes()).toEqual([]); // not loaded yet: no report, no load
    await halo.flush(); // nothing loaded: nothing to write
    expect(fake.stats.sessionGets).toBe(0);
    expect(await halo.api.query({ operationName: "Q", query: "query Q { x }" })).toEqual({ ok: true, op: "Q" });
    expect(halo.outcomes()).toEqual([{ operation: "Q", feature: undefined, status: "ok", removed: [], missing: [] }]);
    expect(await halo.api.mutate({ operationName: "M", query: "mutation M { x }" })).toEqual({ ok: true, op: "M" });
    expect(await halo.api.restGet("a/b")).toMatchObject({ method: "GET", path: "/api/v1/orchestrate/a/b" });
    expect(await halo.api.restPost("c/d", { json: { x: 1 } })).toMatchObject({ method: "POST", path: "/api/v1/orchestrate/c/d", bodyLength: 7 });
    await halo.api.putPresigned(`${URLS.store}/k`, { size: 3, contentType: "text/plain", open: () => Readable.from([Buffer.from("abc")]) });
    expect(fake.stats.putBytes).toBe(3);
    const got = await halo.api.getSigned(`${URLS.store}/f.txt`);
    expect(got.size).toBe(15);
    got.stream.resume();
    expect(await halo.api.session()).toMatchObject({ userId: fake.userId, authMethod: "open_id" });
    expect(await halo.session.status()).toMatchObject({ state: "ok", source: "cookie" });
    const posts = fake.stats.refreshPosts;
    expect(await halo.session.refresh()).toMatchObject({ state: "ok" });
    expect(fake.stats.refreshPosts).toBe(posts + 1);
    expect(await halo.session.reload()).toMatchObject({ state: "ok", source: "cookie" });
    await expect(halo.session.setup()).rejects.toMatchObject({ kind: "no_credentials" });
    await halo.flush();
    halo.close();
  });

  it("warm() loads in the background without calling Halo", async () => {
    const before = { ...fake.stats };
    const halo = createLazyHalo({ config: testConfig({ cookie: fake.cookieHeader() }) });
    halo.warm();
    await halo.flush(); // waits for the load started by warm()
    expect(fake.stats).toEqual(before);
    halo.close();
  });
});
