import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { AppConfig } from "../../src/config/types.js";
import { HaloError } from "../../src/halo/errors.js";
import type { HaloApi, UploadBody } from "../../src/halo/types.js";
import { Cache } from "../../src/queries/cache.js";
import type { ToolContext } from "../../src/queries/context.js";
import type { AssignmentTarget } from "../../src/writes/assignment.js";
import { INLINE_MAX_BYTES, INLINE_MAX_CHARS, openSource } from "../../src/writes/source.js";
import { MESSAGE_MAX_BYTES } from "../../src/config/limits.js";
import { uploadAndAttach, type UploadSource } from "../../src/writes/upload.js";

const cls = { id: "class-1", slugId: "CST-323-O500-20261102", classCode: "CST-323-O500", courseCode: "CST-323", name: "Cloud Computing", stage: "CURRENT" };
const target = { cls, assessment: { id: "asmt-1", title: "Proposal", type: "ASSIGNMENT" }, submission: null, groupId: null } as AssignmentTarget;

async function drain(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c as Buffer));
  return Buffer.concat(parts);
}

function fake(fail: Partial<Record<"presign" | "put" | "attach" | "status", boolean>> = {}, attachedAnyway = false) {
  const calls: string[] = [];
  const bodies: Record<string, unknown> = {};
  const progress: number[] = [];
  const boom = (op: string) => new HaloError("http", `HTTP 500 from ${op}`, { status: 500 });
  const halo = {
    async restPost(p: string, body: { json?: unknown }) {
      calls.push(p);
      bodies[p] = body.json;
      if (p === "generate-presigned-urls") {
        if (fail.presign) throw boom(p);
        return [{ resourceId: "res-9", s3UploadUrl: "http://store/put/res-9" }];
      }
      if (p === "fileUploadStatus" && fail.status) throw boom(p);
      return {};
    },
    async putPresigned(url: string, body: UploadBody, onProgress?: (s: number, t: number) => void) {
      calls.push(`PUT ${url}`);
      bodies.put = { bytes: (await drain(body.open())).toString(), size: body.size, contentType: body.contentType };
      onProgress?.(body.size / 2, body.size);
      onProgress?.(body.size, body.size);
      if (fail.put) throw boom("upload");
    },
    async mutate(req: { operationName: string; variables?: unknown }) {
      calls.push(req.operationName);
      bodies.attach = req.variables;
      if (fail.attach) throw boom("attach");
      return { bulkAddAssignmentSubmissionResource: { id: "sub-1", resources: [{ id: "sr-1", resource: { id: "res-9", name: "essay.docx" } }] } };
    },
    async query(req: { operationName: string }) {
      calls.push(req.operationName);
      return { getUserAssignmentSubmissionForAssessment: attachedAnyway ? { id: "sub-1", resources: [{ id: "sr-1", resource: { id: "res-9" } }] } : null };
    },
  } as unknown as HaloApi;
  const ctx = {
    halo,
    cache: new Cache(() => 0),
    now: () => new Date("2026-11-20T17:00:00Z"),
    log: { error: () => undefined, warn: () => undefined },
    progress: async (done: number) => void progress.push(done),
  } as unknown as ToolContext;
  return { ctx, calls, bodies, progress };
}

const src = { name: "Essay.DOCX", size: 11, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };
const srcOf = (): UploadSource => ({ ...src, open: () => Readable.from([Buffer.from("hello world")]) });

describe("uploadAndAttach", () => {
  it("presigns with the reference's fields, PUTs the bytes, attaches, then marks COMPLETED", async () => {
    const f = fake();
    const r = await uploadAndAttach(f.ctx, target, srcOf());
    expect(r).toMatchObject({ ok: true, resourceId: "res-9" });
    expect(f.calls).toEqual(["generate-presigned-urls", "PUT http://store/put/res-9", "BulkAddAssignmentSubmissionResource", "fileUploadStatus"]);
    expect(f.bodies["generate-presigned-urls"]).toEqual([
      {
        type: "assignment_submission", kind: "FILE", description: "", fileName: "Essay.DOCX", fileSize: 11, fileType: "docx",
        storageProviderEnum: ["S3"], resourceSignature: { courseClassId: "class-1", courseClassAssessmentId: "asmt-1", courseClassAssessmentGroupId: null },
      },
    ]);
    expect(f.bodies.put).toEqual({ bytes: "hello world", size: 11, contentType: src.contentType });
    expect(f.bodies.attach).toEqual({ courseClassAssessmentId: "asmt-1", resourceIds: ["res-9"] });
    expect(f.bodies.fileUploadStatus).toEqual([{ resourceId: "res-9", status: "COMPLETED", storageProviderEnum: ["S3"] }]);
    expect(f.progress.at(-1)).toBe(11);
  });

  it("sends the group id for group work", async () => {
    const f = fake();
    await uploadAndAttach(f.ctx, { ...target, groupId: "grp-1" }, srcOf());
    expect((f.bodies["generate-presigned-urls"] as Array<{ resourceSignature: unknown }>)[0]!.resourceSignature).toMatchObject({ courseClassAssessmentGroupId: "grp-1" });
  });

  it("stops at the failing step and never attaches bytes that did not arrive", async () => {
    let f = fake({ presign: true });
    expect(await uploadAndAttach(f.ctx, target, srcOf())).toMatchObject({ ok: false, step: "presign" });
    expect(f.calls).toEqual(["generate-presigned-urls"]);

    f = fake({ put: true });
    expect(await uploadAndAttach(f.ctx, target, srcOf())).toMatchObject({ ok: false, step: "upload", reason: expect.stringContaining("500") });
    expect(f.calls).not.toContain("BulkAddAssignmentSubmissionResource");

    f = fake({ attach: true });
    expect(await uploadAndAttach(f.ctx, target, srcOf())).toMatchObject({ ok: false, step: "attach" });
    expect(f.calls).not.toContain("fileUploadStatus");

    f = fake({ status: true });
    expect(await uploadAndAttach(f.ctx, target, srcOf())).toMatchObject({ ok: false, step: "status", resourceId: "res-9" });
  });

  it("looks before reporting an attach failure: a lost reply that did attach carries on", async () => {
    const f = fake({ attach: true }, true);
    expect(await uploadAndAttach(f.ctx, target, srcOf())).toMatchObject({ ok: true });
    expect(f.calls).toEqual(["generate-presigned-urls", "PUT http://store/put/res-9", "BulkAddAssignmentSubmissionResource", "GetUserAssignmentSubmissionForAssessment", "fileUploadStatus"]);
  });
});

describe("openSource", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "src-"));
  writeFileSync(path.join(dir, "a.pdf"), "%PDF-1.4 x");
  const config = { configPath: path.join(dir, "config.json"), uploadRoots: [dir], uploadMaxBytes: 1_000_000 } as unknown as AppConfig;

  it("streams a checked file from disk, re-openable from the start", async () => {
    const s = await openSource({ file_path: "a.pdf" }, config);
    expect(s).toMatchObject({ name: "a.pdf", size: 10, contentType: "application/pdf" });
    expect((await drain(s.open())).toString()).toBe("%PDF-1.4 x");
    expect((await drain(s.open())).toString()).toBe("%PDF-1.4 x");
    await s.close();
  });

  it("decodes inline base64 under a cap", async () => {
    const s = await openSource({ file_name: "notes.txt", content_base64: Buffer.from("hi there").toString("base64") }, config);
    expect(s).toMatchObject({ name: "notes.txt", size: 8, contentType: "text/plain" });
    expect((await drain(s.open())).toString()).toBe("hi there");
  });

  it("refuses mixed, incomplete, invalid, empty, oversized and hidden inline uploads", async () => {
    await expect(openSource({ file_path: "a.pdf", file_name: "b.pdf", content_base64: "aGk=" }, config)).rejects.toThrow(/not both/);
    await expect(openSource({ file_name: "b.pdf" }, config)).rejects.toThrow(/together with content_base64/);
    await expect(openSource({}, config)).rejects.toThrow(/Give file_path/);
    await expect(openSource({ file_name: "b.pdf", content_base64: "not base64!" }, config)).rejects.toThrow(/not valid base64/);
    await expect(openSource({ file_name: "b.pdf", content_base64: "" }, config)).rejects.toThrow(/empty \(0 bytes\)/);
    await expect(openSource({ file_name: ".env", content_base64: "aGk=" }, config)).rejects.toThrow(/hidden/);
    await expect(openSource({ file_name: "../x.pdf", content_base64: "aGk=" }, config)).rejects.toThrow(/plain file name/);
    const small = { ...config, uploadMaxBytes: 4 } as AppConfig;
    await expect(openSource({ file_name: "b.pdf", content_base64: Buffer.from("12345").toString("base64") }, small)).rejects.toThrow(/limited to 4 B/);
    // The largest inline upload, base64-encoded, still fits in one transport message with room to spare.
    expect(INLINE_MAX_BYTES).toBe(11 * 1024 * 1024);
    expect(INLINE_MAX_CHARS + 64 * 1024).toBeLessThan(MESSAGE_MAX_BYTES);
  });
});
