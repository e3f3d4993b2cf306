/** createHalo against the shared simulated Halo (src/sandbox): msw in-process, plus one loopback run. */
import { Readable } from "node:stream";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createHalo, type HaloError } from "../../src/halo/index.js";
import { setLogSink } from "../../src/log.js";
import { createSandbox, MSW_URLS, type AuthFailureMode, type Sandbox, type SandboxUrls } from "../../src/sandbox/index.js";
import { instant, testConfig } from "./helpers.js";

// A fixed date far from the wall clock on purpose: cookie expiry must follow the injected clock.
const fresh = () => createSandbox({ now: new Date("2025-03-12T18:00:00Z") });
let sb: Sandbox = fresh();
const server = setupServer(...sb.handlers());
beforeAll(() => {
  setLogSink(() => undefined);
  // Loopback requests go to the real sandbox servers (last test); anything else unmatched is a bug.
  server.listen({ onUnhandledRequest: (req, print) => (new URL(req.url).hostname === "127.0.0.1" ? undefined : print.error()) });
});
// A fresh world per test: expireTokens()/endSession() would otherwise poison the shared browser session.
beforeEach(() => {
  sb = fresh();
  server.resetHandlers(...sb.handlers());
});
afterAll(() => server.close());

const urls = (u: SandboxUrls = MSW_URLS) => ({ baseUrl: u.web, gatewayUrl: u.gateway, orchestrationUrl: u.orchestration });
const CLASSES = {
  operationName: "GetCourseClassesForUser",
  query: "query GetCourseClassesForUser($pgNum: Int, $pgSize: Int) { getCourseClassesForUser(pgNum: $pgNum, pgSize: $pgSize) { courseClasses { id slugId __typename } __typename } }",
  variables: { pgNum: 1, pgSize: 50 },
};
type Classes = { getCourseClassesForUser: { courseClasses: Array<{ id: string; slugId: string }> } };
const caught = (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as HaloError);

function fromCookie(extra = {}) {
  return createHalo({ config: testConfig({ ...urls(), cookie: sb.credentials.cookieHeader, ...extra }), now: () => sb.now(), fetchHooks: instant });
}

describe("against the sandbox", () => {
  it("bootstraps from the browser Cookie header and reads classes", async () => {
    const halo = fromCookie();
    const data = await halo.api.query<Classes>(CLASSES);
    expect(data.getCourseClassesForUser.courseClasses.length).toBeGreaterThan(0);
    expect(await halo.session.status()).toMatchObject({ state: "ok", source: "cookie", userId: sb.credentials.userId, authMethod: "open_id", canRefresh: true });
  });

  it("bootstraps from the raw token pair (local_auth session)", async () => {
    const halo = createHalo({ config: testConfig({ ...urls(), authToken: sb.credentials.authToken, contextToken: sb.credentials.contextToken }), now: () => sb.now(), fetchHooks: instant });
    await halo.api.query<Classes>(CLASSES);
    expect(await halo.session.status()).toMatchObject({ state: "ok", source: "tokens", authMethod: "local_auth" });
  });

  for (const mode of ["http401", "message401", "errorCode401", "malformed"] as AuthFailureMode[]) {
    it(`50 parallel calls after expiry (${mode}) → exactly one refresh`, async () => {
      sb.switches.authFailureMode = mode;
      const halo = fromCookie();
      await halo.api.query(CLASSES);
      sb.expireTokens();
      sb.resetStats();
      const all = await Promise.all(Array.from({ length: 50 }, () => halo.api.query<Classes>(CLASSES)));
      expect(all).toHaveLength(50);
      expect(sb.stats.refreshes).toBe(1);
    });
  }

  it("tokens that stop working after N calls are refreshed transparently", async () => {
    sb.switches.expireTokensAfterCalls = 3;
    const halo = fromCookie();
    for (let i = 0; i < 10; i++) await halo.api.query(CLASSES);
    expect(sb.stats.refreshes).toBeGreaterThanOrEqual(3);
  });

  it("without POST refresh support, falls back to GET (which re-encrypts the same grant)", async () => {
    sb.switches.refreshViaPost = false;
    sb.switches.expireTokensAfterCalls = 2;
    const halo = fromCookie();
    await halo.api.query(CLASSES);
    await halo.api.query(CLASSES);
    // The grant is used up; a GET cannot renew it, so the replay fails with the actionable message.
    const e = await caught(halo.api.query(CLASSES));
    expect(e.kind).toBe("auth");
    expect(e.message).toMatch(/still rejects the session after a token refresh/);
    expect(sb.stats.sessionGets).toBeGreaterThanOrEqual(2);
  });

  it("an ended browser session → session_expired with what to do", async () => {
    const halo = fromCookie();
    await halo.api.query(CLASSES);
    sb.endSession();
    sb.expireTokens();
    const e = await caught(halo.api.query(CLASSES));
    expect(e.kind).toBe("session_expired");
    expect(e.message).toMatch(/Log in to https:\/\/halo\.sandbox\.test in a browser/);
  });

  it("chunked session cookies survive rotation", async () => {
    sb.switches.chunkSessionCookie = true;
    const halo = fromCookie();
    await halo.api.query(CLASSES);
    sb.expireTokens();
    await halo.api.query(CLASSES);
    expect((await halo.session.status()).state).toBe("ok");
  });

  it("random 503/429 on reads are retried; Permission Evaluator is access without refresh", async () => {
    sb.switches.rate5xx = 0.3;
    sb.switches.retryAfterSeconds = 0;
    const halo = fromCookie();
    let ok = 0;
    for (let i = 0; i < 10; i++) ok += await halo.api.query(CLASSES).then(() => 1, () => 0);
    expect(ok).toBeGreaterThanOrEqual(8);
    sb.resetSwitches();
    sb.switches.failOperations = { Denied: "access" };
    const e = await caught(halo.api.query({ ...CLASSES, operationName: "Denied" }));
    expect(e.kind).toBe("access");
    expect(sb.stats.refreshes).toBe(0);
  });

  it("works over real loopback HTTP (Secure/__Host- cookies on 127.0.0.1)", async () => {
    const running = await sb.listen();
    try {
      const halo = createHalo({ config: testConfig({ ...urls(running.urls), cookie: sb.credentials.cookieHeader }), now: () => sb.now(), fetchHooks: instant });
      await halo.api.query(CLASSES);
      sb.expireTokens();
      await halo.api.query(CLASSES);
      expect(sb.stats.refreshes).toBe(1);
    } finally {
      await running.close();
    }
  });
});

describe("REST upload and download against the sandbox", () => {
  async function roundTrip(halo: ReturnType<typeof createHalo>, size: number) {
    const cls = sb.world.classes.find((c) => c.units.some((u) => u.assessments.some((a) => a.type === "ASSIGNMENT" && !sb.world.groups.some((g) => g.assessmentId === a.id))));
    const assessment = cls?.units.flatMap((u) => u.assessments).find((a) => a.type === "ASSIGNMENT" && !sb.world.groups.some((g) => g.assessmentId === a.id));
    if (!cls || !assessment) throw new Error("seed has no individual assignment");
    const context = { slugId: cls.slugId, courseClassId: cls.id };
    const [slot] = await halo.api.restPost<Array<{ resourceId: string; s3UploadUrl: string }>>(
      "generate-presigned-urls",
      { json: [{ type: "assignment_submission", kind: "FILE", description: "", fileName: "essay.txt", fileSize: size, fileType: "txt", storageProviderEnum: ["S3"], resourceSignature: { courseClassId: cls.id, courseClassAssessmentId: assessment.id, courseClassAssessmentGroupId: null } }] },
      context,
    );
    if (!slot) throw new Error("no upload slot");
    let last = 0;
    const chunk = 64 * 1024;
    await halo.api.putPresigned(
      slot.s3UploadUrl,
      {
        size,
        contentType: "text/plain",
        open: () => Readable.from((function* () {
          for (let sent = 0; sent < size; sent += chunk) yield Buffer.alloc(Math.min(chunk, size - sent), 97);
        })()),
      },
      (sent) => (last = sent),
    );
    expect(last).toBe(size);
    await halo.api.restPost("fileUploadStatus", { json: [{ resourceId: slot.resourceId, status: "COMPLETED", storageProviderEnum: ["S3"] }] }, context);
    const link = await halo.api.restGet<{ downloadUrl?: string; result?: { downloadUrl?: string } }>(`downloadUrl/${slot.resourceId}`, context);
    const url = link.downloadUrl ?? link.result?.downloadUrl;
    expect(url).toBeTruthy();
    if (size > 256 * 1024) {
      // The sandbox keeps only small objects' bytes: a large one must come back as a clean not_found.
      await expect(halo.api.getSigned(url as string)).rejects.toMatchObject({ kind: "not_found" });
      return;
    }
    const dl = await halo.api.getSigned(url as string);
    let got = 0;
    for await (const c of dl.stream) got += (c as Buffer).length;
    expect(got).toBe(size);
  }

  it("presign → streamed PUT → status → downloadUrl → streamed GET (msw)", async () => {
    await roundTrip(fromCookie(), 200_000);
  });

  it("the same over loopback HTTP with a larger file", async () => {
    const running = await sb.listen();
    try {
      const halo = createHalo({ config: testConfig({ ...urls(running.urls), cookie: sb.credentials.cookieHeader }), now: () => sb.now(), fetchHooks: instant });
      await roundTrip(halo, 20 * 1024 * 1024);
    } finally {
      await running.close();
    }
  });
});
