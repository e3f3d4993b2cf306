import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandbox, SEED, type RunningSandbox } from "../../src/sandbox/index.js";
import { NOW } from "./helpers.js";

const sb = createSandbox({ now: NOW });
let running: RunningSandbox;
beforeAll(async () => {
  running = await sb.listen();
});
afterAll(() => running.close());

/** Raw node:http GET so we see Set-Cookie exactly as sent on the wire. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; setCookie: string[]; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, setCookie: res.headers["set-cookie"] ?? [], body }));
    }).on("error", reject).end();
  });
}

describe("loopback adapter", () => {
  it("runs each service on its own 127.0.0.1 port; the identity provider under another host name", () => {
    const ports = new Set(Object.values(running.urls).map((u) => new URL(u).port));
    expect(ports.size).toBe(5);
    const { idp, ...halo } = running.urls;
    for (const u of Object.values(halo)) expect(new URL(u).hostname).toBe("127.0.0.1");
    // Browsers keep cookies per host name, not per port: a different name keeps the two sign-ins apart.
    expect(new URL(idp).hostname).toBe("localhost");
  });

  it("keeps multiple Set-Cookie headers separate", async () => {
    const r = await rawGet(`${running.urls.web}/api/auth/session`, { cookie: sb.credentials.cookieHeader });
    expect(r.status).toBe(200);
    expect(r.setCookie.length).toBeGreaterThanOrEqual(3);
    expect(r.setCookie.some((c) => c.startsWith("__Secure-next-auth.session-token="))).toBe(true);
    expect(r.setCookie.some((c) => c.startsWith("TE1TX0FVVEg="))).toBe(true);
    const session = JSON.parse(r.body) as { authToken: string; contextToken: string };
    const g = await fetch(running.urls.gateway, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${session.authToken}`, contexttoken: `Bearer ${session.contextToken}` },
      body: JSON.stringify({ query: "query C { getCourseClassesForUser { courseClasses { id } } }", operationName: "C" }),
    });
    expect(g.status).toBe(200);
    expect(JSON.stringify(await g.json())).toContain(SEED.classes.cloud.id);
  });

  it("streams an upload to the store with absolute URLs on the store port", async () => {
    const h = { authorization: `Bearer ${sb.credentials.authToken}`, contexttoken: `Bearer ${sb.credentials.contextToken}`, "content-type": "application/json" };
    const size = 300 * 1024;
    const pres = await fetch(`${running.urls.orchestration}/api/v1/orchestrate/generate-presigned-urls`, {
      method: "POST", headers: h,
      body: JSON.stringify([{ type: "assignment_submission", kind: "FILE", description: "", fileName: "big.pdf", fileSize: size, fileType: "pdf", storageProviderEnum: ["S3"], resourceSignature: { courseClassId: SEED.classes.cloud.id, courseClassAssessmentId: SEED.assessments.upload, courseClassAssessmentGroupId: null } }]),
    });
    const [p] = (await pres.json()) as { s3UploadUrl: string; resourceId: string }[];
    expect(p?.s3UploadUrl.startsWith(running.urls.store)).toBe(true);
    const put = await fetch(p?.s3UploadUrl ?? "", { method: "PUT", headers: { "content-type": "application/pdf" }, body: new Uint8Array(size) });
    expect(put.status).toBe(200);
    const rec = sb.world.resources[p?.resourceId ?? ""];
    expect(rec?.file?.size).toBe(size);
    expect(rec?.file?.bytes).toBeUndefined();
    const wrong = await fetch(p?.s3UploadUrl ?? "", { method: "PUT", body: new Uint8Array(10) });
    expect(wrong.status).toBe(403);
  });
});
