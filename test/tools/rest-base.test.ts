/**
 * The REST base from Halo's own page (`__NEXT_DATA__.runtimeConfig.orchestrationApiEndpoint`, witness S2):
 * read once when the student configured none, followed when it is https on Halo's domain, ignored otherwise,
 * and never consulted when a value is configured.
 */
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { acceptEndpoint, nextDataEndpoint } from "../../src/halo/rest-base.js";
import { harnessPerTest } from "../helpers/lifecycle.js";
import { SEED } from "../../src/sandbox/world/ids.js";

const start = harnessPerTest();
const download = { resource_id: SEED.resources.schedulePdf, class_ref: "CST-323" };
const pageReads = (calls: Array<{ service: string; method: string; path: string }>) => calls.filter((c) => c.service === "web" && c.method === "GET" && !c.path.startsWith("/api/auth/session") && !c.path.startsWith("/api/auth/csrf"));
const rest = (calls: Array<{ service: string; path: string }>) => calls.filter((c) => c.service === "orchestration").map((c) => c.path);

describe("REST base discovery", () => {
  it("follows the base Halo's page publishes (another path), read once for the process", async () => {
    const h = await start({ configFile: { orchestrationUrl: undefined }, switches: { orchestrationPath: "/orch/v2/" } });
    expect(h.config.halo.discoverOrchestration).toBe(true);
    const r = await h.call("download_resource", download);
    expect(r.isError, r.text).toBe(false);
    expect(r.text).toMatch(/^Saved \d+ KB \(application\/pdf\)/);
    const again = await h.call("download_resource", download);
    expect(again.isError).toBe(false);
    expect(rest(h.sandbox.stats.calls)).toEqual([`/orch/v2/downloadUrl/${SEED.resources.schedulePdf}`, `/orch/v2/downloadUrl/${SEED.resources.schedulePdf}`]);
    // The home page redirects a visitor without cookies to the sign-in page, which carries the data: two GETs, once.
    expect(pageReads(h.sandbox.stats.calls).map((c) => c.path)).toEqual(["/", "/api/auth/signin"]);
  });

  it("an explicitly configured orchestrationUrl wins: the page is never read", async () => {
    const h = await start({ switches: { publishedOrchestration: "https://orchestration.sandbox.test/elsewhere/" } });
    expect(h.config.halo.discoverOrchestration).toBe(false);
    const r = await h.call("download_resource", download);
    expect(r.isError, r.text).toBe(false);
    expect(rest(h.sandbox.stats.calls)).toEqual([`/api/v1/orchestrate/downloadUrl/${SEED.resources.schedulePdf}`]);
    expect(pageReads(h.sandbox.stats.calls)).toEqual([]);
  });

  for (const hostile of ["https://evil.example/api/v1/orchestrate/", "http://orchestration.sandbox.test/api/v1/orchestrate/", "javascript:alert(1)//sandbox.test/"]) {
    it(`ignores a hostile published value (${hostile.split(":")[0]}, ${new URL(hostile).hostname || "no host"}) and keeps the default base`, async () => {
      const seen: string[] = [];
      const record = ({ request }: { request: Request }) => {
        seen.push(request.url);
        return HttpResponse.json({ status: 404, message: "No static resource" }, { status: 404 });
      };
      const h = await start({
        configFile: { orchestrationUrl: undefined },
        switches: { publishedOrchestration: hostile },
        wrapHandlers: (hs) => [http.all("https://evil.example/*", record), http.all("http://orchestration.sandbox.test/*", record), http.all("https://orchestration.halo.gcu.edu/*", record), ...hs],
      });
      const r = await h.call("download_resource", download);
      expect(r.isError).toBe(true);
      // Only the default base was called: the student's tokens never went to the published host.
      expect(seen).toEqual([`https://orchestration.halo.gcu.edu/api/v1/orchestrate/downloadUrl/${SEED.resources.schedulePdf}`]);
    });
  }
});

describe("acceptEndpoint / nextDataEndpoint", () => {
  const web = "https://halo.gcu.edu";
  it("takes https on Halo's registrable domain, with a trailing slash", () => {
    expect(acceptEndpoint("https://orchestration.halo.gcu.edu/api/v1/orchestrate", web)).toBe("https://orchestration.halo.gcu.edu/api/v1/orchestrate/");
    expect(acceptEndpoint("https://api.gcu.edu/orch/", web)).toBe("https://api.gcu.edu/orch/");
  });
  it("refuses other domains, http, script URLs, credentials, IPs and non-strings", () => {
    for (const v of ["https://gcu.edu.evil.com/x/", "https://evilgcu.edu/", "http://orchestration.halo.gcu.edu/", "javascript:alert(1)", "data:text/html,x", "https://u:p@orchestration.halo.gcu.edu/", "https://10.0.0.1/", "https://orchestration.halo.gcu.edu/?a=1", "", 42, null, undefined, {}]) {
      expect(acceptEndpoint(v, web), String(v)).toBeUndefined();
    }
  });
  it("allows loopback only beside a loopback web host", () => {
    expect(acceptEndpoint("http://127.0.0.1:5123/api/v1/orchestrate/", "http://127.0.0.1:5000")).toBe("http://127.0.0.1:5123/api/v1/orchestrate/");
    expect(acceptEndpoint("http://127.0.0.1:5123/", web)).toBeUndefined();
    expect(acceptEndpoint("https://evil.example/", "http://127.0.0.1:5000")).toBeUndefined();
  });
  it("reads runtimeConfig from the __NEXT_DATA__ script and nothing else", () => {
    expect(nextDataEndpoint(`<html><script id="__NEXT_DATA__" type="application/json">{"runtimeConfig":{"orchestrationApiEndpoint":"https://o.gcu.edu/"}}</script>`)).toBe("https://o.gcu.edu/");
    expect(nextDataEndpoint(`<script id="__NEXT_DATA__" type="application/json">{not json</script>`)).toBeUndefined();
    expect(nextDataEndpoint(`<script>{"runtimeConfig":{"orchestrationApiEndpoint":"https://o.gcu.edu/"}}</script>`)).toBeUndefined();
  });
});
