/** Reading the REST base from Halo's home page: what is fetched, which redirects are followed, what is refused. */
import got from "got";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setLogSink } from "../../src/log.js";
import { acceptEndpoint, nextDataEndpoint, RestBase, restBaseOf } from "../../src/halo/rest-base.js";

const WEB = "https://halo.gcu.edu/some/path";
const FALLBACK = "https://orchestration.halo.gcu.edu/api/v1/orchestrate/";
const lines: string[] = [];
setLogSink((l) => lines.push(l));
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  lines.length = 0;
});
afterAll(() => server.close());

const page = (endpoint: unknown) => `<html><head><script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ runtimeConfig: { orchestrationApiEndpoint: endpoint } })}</script></head></html>`;
const client = got.extend({ retry: { limit: 0 }, throwHttpErrors: false, followRedirect: false, responseType: "text" });
const base = () => new RestBase(FALLBACK, { got: client, webBase: WEB, timeoutMs: 2000 });
function site(routes: Record<string, () => Response>) {
  const seen: Array<{ path: string; accept: string | null; cookie: string | null; authorization: string | null }> = [];
  server.use(
    http.get("https://halo.gcu.edu/*", ({ request }) => {
      const u = new URL(request.url);
      seen.push({ path: u.pathname, accept: request.headers.get("accept"), cookie: request.headers.get("cookie"), authorization: request.headers.get("authorization") });
      return (routes[u.pathname] ?? (() => new HttpResponse("missing", { status: 404 })))();
    }),
  );
  return seen;
}

describe("restBaseOf", () => {
  it("appends the REST path to an origin, keeps one that has it, and always ends in one slash", () => {
    expect(restBaseOf("https://o.gcu.edu")).toBe("https://o.gcu.edu/api/v1/orchestrate/");
    expect(restBaseOf("https://o.gcu.edu///")).toBe("https://o.gcu.edu/api/v1/orchestrate/");
    expect(restBaseOf("https://o.gcu.edu/api/v1/orchestrate")).toBe("https://o.gcu.edu/api/v1/orchestrate/");
    expect(restBaseOf("https://o.gcu.edu/api/v1/orchestrate//")).toBe("https://o.gcu.edu/api/v1/orchestrate/");
    expect(restBaseOf("https://o.gcu.edu/x/api/v1/orchestrate/extra")).toBe("https://o.gcu.edu/x/api/v1/orchestrate/extra/api/v1/orchestrate/");
  });
});

describe("RestBase", () => {
  it("without discovery: the configured base, nothing fetched", async () => {
    const seen = site({});
    expect(await new RestBase(FALLBACK, undefined).get()).toBe(FALLBACK);
    expect(seen).toEqual([]);
  });

  it("reads the origin's home page once, as a plain visitor, and follows same-origin redirects", async () => {
    const seen = site({
      "/": () => new HttpResponse(null, { status: 302, headers: { location: "/login" } }),
      "/login": () => new HttpResponse(null, { status: 307, headers: { location: "https://halo.gcu.edu/api/auth/signin" } }),
      "/api/auth/signin": () => new HttpResponse(page("https://api.gcu.edu/orch/v2"), { headers: { "content-type": "text/html" } }),
    });
    const b = base();
    const [x, y] = await Promise.all([b.get(), b.get()]);
    expect([x, y, await b.get()]).toEqual(["https://api.gcu.edu/orch/v2/", "https://api.gcu.edu/orch/v2/", "https://api.gcu.edu/orch/v2/"]);
    expect(seen.map((s) => s.path)).toEqual(["/", "/login", "/api/auth/signin"]);
    expect(seen.every((s) => s.accept === "text/html" && s.cookie === null && s.authorization === null)).toBe(true);
    expect(lines.some((l) => l.includes("INFO halo: REST base from Halo's page: https://api.gcu.edu/orch/v2/"))).toBe(true);
  });

  it("gives up after three redirects, on a redirect to another origin, or on a non-200 page", async () => {
    const loop = site({
      "/": () => new HttpResponse(null, { status: 302, headers: { location: "/a" } }),
      "/a": () => new HttpResponse(null, { status: 302, headers: { location: "/b" } }),
      "/b": () => new HttpResponse(null, { status: 302, headers: { location: "/c" } }),
      "/c": () => new HttpResponse(null, { status: 302, headers: { location: "/d" } }),
      "/d": () => new HttpResponse(page("https://api.gcu.edu/orch/")),
    });
    expect(await base().get()).toBe(FALLBACK);
    expect(loop.map((s) => s.path)).toEqual(["/", "/a", "/b", "/c"]);
    server.resetHandlers();
    site({ "/": () => new HttpResponse(null, { status: 302, headers: { location: "https://login.microsoftonline.com/x" } }) });
    expect(await base().get()).toBe(FALLBACK);
    server.resetHandlers();
    site({ "/": () => new HttpResponse(page("https://api.gcu.edu/orch/"), { status: 203 }) });
    expect(await base().get()).toBe(FALLBACK);
    expect(lines.filter((l) => l.includes("ignoring the REST base"))).toEqual([]); // nothing was published
  });

  it("keeps the default, with a warning, when the page publishes something unsafe; offline keeps it silently", async () => {
    site({ "/": () => new HttpResponse(page("https://evil.example/api/")) });
    expect(await base().get()).toBe(FALLBACK);
    expect(lines.some((l) => l.includes("WARN halo: ignoring the REST base Halo's page publishes (not an https URL on Halo's own domain); using the default"))).toBe(true);
    server.resetHandlers();
    server.use(http.get("https://halo.gcu.edu/*", () => HttpResponse.error()));
    expect(await base().get()).toBe(FALLBACK);
  });

  it("stops reading a page over 1 MB", async () => {
    site({ "/": () => new HttpResponse(page("https://api.gcu.edu/orch/") + " ".repeat(1024 * 1024 + 1)) });
    expect(await base().get()).toBe(FALLBACK);
    server.resetHandlers();
    site({ "/": () => new HttpResponse(page("https://api.gcu.edu/orch/") + " ".repeat(1000 * 1000)) });
    expect(await base().get()).toBe("https://api.gcu.edu/orch/");
  });
});

describe("acceptEndpoint edges", () => {
  it("length, hosts without a dot, IPv6 and https loopback", () => {
    const long = `https://api.gcu.edu/${"a".repeat(2048 - 20)}`;
    expect(long.length).toBe(2048);
    expect(acceptEndpoint(long, WEB)).toBe(`${long}/`);
    expect(acceptEndpoint(`${long}b`, WEB)).toBeUndefined();
    expect(acceptEndpoint("https://edu/", "https://edu")).toBeUndefined();
    expect(acceptEndpoint("https://[::1]/x/", WEB)).toBeUndefined();
    expect(acceptEndpoint("https://localhost:9/x", "http://[::1]:8")).toBe("https://localhost:9/x/");
    expect(acceptEndpoint("ftp://localhost:9/x", "http://localhost:8")).toBeUndefined();
    expect(acceptEndpoint("https://api.gcu.edu/#frag", WEB)).toBeUndefined();
    expect(acceptEndpoint("https://api.gcu.edu/", "not a url")).toBeUndefined();
    expect(nextDataEndpoint(`<script id=__NEXT_DATA__>null</script>`)).toBeUndefined();
    expect(nextDataEndpoint(`<SCRIPT type="application/json" ID='__NEXT_DATA__'>{"runtimeConfig":{"orchestrationApiEndpoint":"x"}}</SCRIPT>`)).toBe("x");
  });
});
