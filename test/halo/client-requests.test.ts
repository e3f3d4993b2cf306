/** The client's REST naming, body checks, partial data and the canary before "log in again", against the unit fake. */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { withDegradedNotes } from "../../src/halo/degraded.js";
import { createHalo, type HaloError } from "../../src/halo/index.js";
import { setLogSink } from "../../src/log.js";
import { fakePerTest, type FakeHalo, URLS } from "./fake-halo.js";
import { instant, testConfig } from "./helpers.js";

setLogSink(() => undefined);
let fake!: FakeHalo;
const env = fakePerTest((f) => (fake = f));

const caught = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as HaloError);
const ID = "0b4a1a9e-1111-4222-8333-444455556666";
function make(now?: () => number) {
  return createHalo({ config: testConfig({ cookie: fake.cookieHeader() }), now, fetchHooks: instant });
}
const gatewayReplies = (body: () => unknown) =>
  env.server.use(
    http.post(URLS.gatewayUrl, async ({ request }) => {
      fake.stats.gateway++;
      const op = ((await request.json()) as { operationName: string }).operationName;
      return op === "GetUserAlertCount" ? HttpResponse.json({ data: { getUserAlertCount: [] } }) : HttpResponse.json(body() as Record<string, unknown>);
    }),
  );
const restReplies = (reply: () => Response) => env.server.use(http.all(`${URLS.orchestrationUrl}/api/v1/orchestrate/*`, () => reply()));

describe("REST calls", () => {
  it("errors name the call by method and path, ids and query left out", async () => {
    const h = make();
    fake.restFailures.push({ status: 404 });
    const e = await caught(h.api.restGet(`/downloadUrl/${ID}?inline=1`));
    expect(e).toMatchObject({ kind: "not_found", operation: "GET downloadUrl/{id}" });
    expect(e.message).toBe("Halo could not find what GET downloadUrl/{id} asked for.");
    fake.restFailures.push({ status: 400, body: { message: "bad forum" } });
    expect((await caught(h.api.restPost(`forum/${ID}/post`, { json: {} }))).message).toBe("Halo answered HTTP 400 to POST forum/{id}/post: bad forum");
  });

  it("a JSON POST sends the body (or {}), with JSON content type", async () => {
    const h = make();
    expect(await h.api.restPost("a", {})).toMatchObject({ method: "POST", bodyLength: 2, contentType: "application/json" });
    expect(await h.api.restPost("a", { json: { k: "v" } })).toMatchObject({ bodyLength: 9 });
  });

  it("an empty 2xx body is no data; a web page in a 2xx is an error, not data", async () => {
    const h = make();
    await h.api.session();
    restReplies(() => new HttpResponse("  \n", { status: 200 }));
    expect(await h.api.restGet("x")).toBeUndefined();
    restReplies(() => new HttpResponse("\n <!doctype html><html>sign in</html>", { status: 200, headers: { "content-type": "text/html" } }));
    const e = await caught(h.api.restGet("status/abc?token=secret"));
    expect(e).toMatchObject({ kind: "upstream", status: 200 });
    expect(e.message).toBe("Halo answered GET status/abc with a web page instead of data; try again later.");
    restReplies(() => new HttpResponse("plain words", { status: 200 }));
    expect(await h.api.restGet("x")).toBe("plain words");
  });
});

describe("GraphQL replies", () => {
  it("a reply without data is an upstream error naming the operation", async () => {
    const h = make();
    for (const body of [{ data: null }, {}, "ok"]) {
      gatewayReplies(() => body);
      const e = await caught(h.api.query({ operationName: "Q", query: "query Q { x }" }));
      expect(e).toMatchObject({ kind: "upstream", operation: "Q", status: 200 });
      expect(e.message).toBe("Halo returned no data for Q.");
    }
  });

  it("errors inside an optional subtree null it and leave one note; others fail with the feature's name", async () => {
    const h = make();
    const data = () => ({ g: [{ id: "1", extra: { a: 1 } }, { id: "2", extra: { a: 2 } }] });
    gatewayReplies(() => ({ data: data(), errors: [{ message: "resolver <b>failed</b>", path: ["g", 1, "extra", "a"] }] }));
    const req = { operationName: "G", query: "query G { g { id extra { a } } }", optional: ["g.extra"], feature: "grade details" };
    const { result, notes } = await withDegradedNotes(() => h.api.query(req));
    expect(result).toEqual({ g: [{ id: "1", extra: { a: 1 } }, { id: "2", extra: null }] });
    expect(notes).toEqual([{ feature: "grade details", detail: "extra unavailable" }]);
    expect(h.outcomes()).toContainEqual({ operation: "G", feature: "grade details", status: "partial", removed: [], missing: ["extra"] });
    gatewayReplies(() => ({ data: { g: null }, errors: [{ message: "resolver <b>failed</b>", path: ["g", 1, "extra", "a"] }] }));
    const e = await caught(h.api.query(req));
    expect(e).toMatchObject({ kind: "upstream", operation: "G" });
    expect(e.message).toBe("Halo could not provide the grade details: resolver failed");
    expect(h.outcomes()).toContainEqual({ operation: "G", feature: "grade details", status: "failed", removed: [], message: "Halo could not provide the grade details: resolver failed" });
    const noFeature = await caught(h.api.query({ ...req, feature: undefined }));
    expect(noFeature.message).toBe("Halo could not provide the G: resolver failed");
  });
});

describe("before telling the student to log in again", () => {
  function rawDirect() {
    fake.callbackFails = true; // raw tokens used directly: no refresh possible
    let t = 1_000_000;
    const h = createHalo({ config: testConfig({ authToken: fake.authToken, contextToken: fake.contextToken }), now: () => t, fetchHooks: instant });
    return { h, advance: (ms: number) => (t += ms) };
  }
  const refuse = () => ({ status: 200, body: { data: null, errors: [{ message: "401: Unauthorized" }] } });
  const canaries = () => fake.stats.gateway;

  it("refusals within ten seconds share one canary; a later one asks again", async () => {
    const { h, advance } = rawDirect();
    await h.api.query({ operationName: "Q", query: "query Q { x }" });
    const base = canaries();
    fake.gatewayFailures.push(refuse());
    expect((await caught(h.api.query({ operationName: "A", query: "query A { x }" }))).kind).toBe("upstream");
    fake.gatewayFailures.push(refuse());
    expect((await caught(h.api.query({ operationName: "B", query: "query B { x }" }))).message).toMatch(/^Halo refused B although your login works/);
    expect(canaries()).toBe(base + 3); // A, B and one canary
    advance(10_001);
    fake.gatewayFailures.push(refuse());
    await caught(h.api.query({ operationName: "C", query: "query C { x }" }));
    expect(canaries()).toBe(base + 5); // C and a new canary
  });

  it("the canary answering with an access, validation or not-found error still proves the login works", async () => {
    for (const answer of [{ message: "Permission Evaluator exception" }, { message: 'Cannot query field "x" on type "Q".' }, { message: "no", extensions: { code: "NOT_FOUND" } }]) {
      env.reset();
      const { h } = rawDirect();
      await h.api.query({ operationName: "Q", query: "query Q { x }" });
      fake.gatewayFailures.push(refuse(), { status: 200, body: { data: null, errors: [answer] } });
      expect((await caught(h.api.query({ operationName: "A", query: "query A { x }" }))).message).toMatch(/^Halo refused A although your login works/);
    }
  });

  it("a canary refused too ends in log in again; a canary that cannot reach Halo says so instead", async () => {
    const { h } = rawDirect();
    await h.api.query({ operationName: "Q", query: "query Q { x }" });
    fake.gatewayFailures.push(refuse(), refuse());
    const dead = await caught(h.api.query({ operationName: "A", query: "query A { x }" }));
    expect(dead).toMatchObject({ kind: "session_expired" });
    const { h: h2 } = rawDirect();
    await h2.api.query({ operationName: "Q", query: "query Q { x }" });
    fake.gatewayFailures.push(refuse(), { status: 400, body: { message: "nope" } });
    const unclear = await caught(h2.api.query({ operationName: "A", query: "query A { x }" }));
    expect(unclear).toMatchObject({ kind: "http", status: 400, operation: "GetUserAlertCount" });
  });
});
