/** The four upload steps against a scripted Halo: reply shapes, failure reasons, progress and changed files. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { HaloError } from "../../src/halo/errors.js";
import type { HaloApi, UploadBody } from "../../src/halo/types.js";
import type { ToolContext } from "../../src/queries/context.js";
import type { AssignmentTarget } from "../../src/writes/assignment.js";
import { failureReason, uploadAndAttach, type UploadSource } from "../../src/writes/upload.js";

const cls = { id: "class-1", slugId: "CST-323-O500-20261102", classCode: "CST-323-O500", courseCode: "CST-323", name: "Cloud Computing", stage: "CURRENT" };
const target = { cls, assessment: { id: "asmt-1", title: "Proposal", type: "ASSIGNMENT" }, submission: null, groupId: null } as AssignmentTarget;

interface Script {
  presign?: () => unknown;
  put?: (body: UploadBody, onProgress?: (s: number, t: number) => void) => Promise<void>;
  attach?: () => unknown;
  read?: () => unknown;
}

function scripted(s: Script = {}) {
  const calls: string[] = [];
  const progress: Array<[number, number, string]> = [];
  const errors: Array<[string, unknown]> = [];
  const halo = {
    async restPost(p: string) {
      calls.push(p);
      if (p === "generate-presigned-urls") return s.presign ? s.presign() : [{ resourceId: "res-9", s3UploadUrl: "https://store/put" }];
      return {};
    },
    async putPresigned(url: string, body: UploadBody, onProgress?: (s: number, t: number) => void) {
      calls.push(`PUT ${url}`);
      await (s.put ? s.put(body, onProgress) : Promise.resolve());
    },
    async mutate() {
      calls.push("attach");
      return s.attach ? s.attach() : { bulkAddAssignmentSubmissionResource: { id: "sub-1", resources: [{ id: "sr-1", resource: { id: "res-9", name: "a.pdf" } }] } };
    },
    async query() {
      calls.push("read");
      return s.read ? s.read() : { getUserAssignmentSubmissionForAssessment: null };
    },
  } as unknown as HaloApi;
  const ctx = {
    halo,
    log: { error: (m: string, e: unknown) => void errors.push([m, e]), warn: () => undefined },
    progress: async (done: number, total: number, message: string) => void progress.push([done, total, message]),
  } as unknown as ToolContext;
  return { ctx, calls, progress, errors };
}

const source = (size = 11, changed?: () => "grew" | "shrank" | "changed" | undefined): UploadSource => ({
  name: "a.pdf",
  size,
  contentType: "application/pdf",
  open: () => Readable.from([Buffer.alloc(size)]),
  changed,
});
const boom = (message: string, kind: "http" | "access" = "http") => new HaloError(kind, message, { status: 500 });

describe("failureReason", () => {
  it("keeps Halo's message without trailing dots, names an access refusal, and hides unexpected errors", () => {
    const f = scripted();
    expect(failureReason(f.ctx, boom("  HTTP 500 from Halo...  "))).toBe("HTTP 500 from Halo");
    expect(failureReason(f.ctx, boom("Step 1.2 of Halo failed."))).toBe("Step 1.2 of Halo failed");
    expect(failureReason(f.ctx, boom("Permission Evaluator exception", "access"))).toBe("Halo refused access to this class");
    expect(f.errors).toEqual([]);
    const bug = new TypeError("x is undefined");
    expect(failureReason(f.ctx, bug)).toBe("an unexpected error (details are in the server log)");
    expect(f.errors).toEqual([["write step failed unexpectedly", bug]]);
  });
});

describe("presign replies", () => {
  it("takes the first slot from a bare list, a result list or a data list", async () => {
    for (const reply of [[{ resourceId: "r1", s3UploadUrl: "https://s/1" }], { result: [{ resourceId: "r1", s3UploadUrl: "https://s/1" }] }, { data: [{ resourceId: "r1", s3UploadUrl: "https://s/1" }] }]) {
      const f = scripted({ presign: () => reply, attach: () => ({ bulkAddAssignmentSubmissionResource: null }) });
      expect(await uploadAndAttach(f.ctx, target, source())).toEqual({ ok: true, resourceId: "r1", submission: null });
      expect(f.calls).toEqual(["generate-presigned-urls", "PUT https://s/1", "attach", "fileUploadStatus"]);
    }
  });

  it("stops before sending bytes when the reply holds no usable slot", async () => {
    for (const reply of [null, {}, [], { result: {} }, [{ resourceId: "r1" }], [{ s3UploadUrl: "https://s/1" }], [{ resourceId: 7, s3UploadUrl: "https://s/1" }], [{ resourceId: "r1", s3UploadUrl: 7 }]]) {
      const f = scripted({ presign: () => reply });
      expect(await uploadAndAttach(f.ctx, target, source())).toEqual({ ok: false, step: "presign", reason: "Halo's reply held no upload URL" });
      expect(f.calls).toEqual(["generate-presigned-urls"]);
    }
  });

  it("reports Halo's own reason when presigning fails", async () => {
    const f = scripted({ presign: () => { throw boom("HTTP 503 from Halo."); } });
    expect(await uploadAndAttach(f.ctx, target, source())).toEqual({ ok: false, step: "presign", reason: "HTTP 503 from Halo" });
  });
});

describe("progress", () => {
  it("reports about every 5 %, never the end twice, and closes with 100 % before the reply", async () => {
    const f = scripted({
      put: async (_b, onProgress) => {
        for (let sent = 1; sent <= 100; sent++) onProgress?.(sent, 100);
      },
    });
    await uploadAndAttach(f.ctx, target, source(100));
    expect(f.progress.map(([d]) => d)).toEqual([1, 6, 11, 16, 21, 26, 31, 36, 41, 46, 51, 56, 61, 66, 71, 76, 81, 86, 91, 96, 100]);
    expect(f.progress.every(([, t, m]) => t === 100 && m === "Uploading a.pdf")).toBe(true);
  });

  it("reports every byte of a tiny file", async () => {
    const f = scripted({ put: async (_b, onProgress) => [1, 2, 3, 4].forEach((s) => onProgress?.(s, 4)) });
    await uploadAndAttach(f.ctx, target, source(4));
    expect(f.progress.map(([d]) => d)).toEqual([1, 2, 3, 4]);
  });

  it("throttles from the very first report, even one at zero bytes", async () => {
    const f = scripted({ put: async (_b, onProgress) => [0, 1, 2, 5, 6].forEach((s) => onProgress?.(s, 100)) });
    await uploadAndAttach(f.ctx, target, source(100));
    expect(f.progress.map(([d]) => d)).toEqual([0, 5, 100]);
  });

  it("survives a client that cannot take progress", async () => {
    const f = scripted({ put: async (_b, onProgress) => onProgress?.(1, 4) });
    (f.ctx as { progress: unknown }).progress = async () => { throw new Error("closed"); };
    expect(await uploadAndAttach(f.ctx, target, source(4))).toMatchObject({ ok: true });
  });
});

describe("a file that changes under the upload", () => {
  it("stops with what happened, whether or not the store noticed, and never attaches", async () => {
    let f = scripted({ put: async () => { throw new Error("stream destroyed"); } });
    expect(await uploadAndAttach(f.ctx, target, source(11, () => "grew"))).toEqual({ ok: false, step: "upload", reason: "the file grew while it was being uploaded, so the upload was stopped", resourceId: "res-9" });
    expect(f.errors).toEqual([]);
    f = scripted();
    expect(await uploadAndAttach(f.ctx, target, source(11, () => "shrank"))).toEqual({ ok: false, step: "upload", reason: "the file shrank while it was being uploaded", resourceId: "res-9" });
    expect(f.calls).not.toContain("attach");
    f = scripted({ put: async () => { throw boom("HTTP 403 from the store"); } });
    expect(await uploadAndAttach(f.ctx, target, source(11, () => undefined))).toEqual({ ok: false, step: "upload", reason: "HTTP 403 from the store", resourceId: "res-9" });
  });
});

describe("attach", () => {
  it("fails when the re-read shows other files or cannot be read", async () => {
    const other = { getUserAssignmentSubmissionForAssessment: { id: "sub-1", resources: [null, { id: "sr-0", resource: { id: "res-OTHER" } }] } };
    for (const read of [() => other, () => { throw boom("down"); }]) {
      const f = scripted({ attach: () => { throw boom("HTTP 502 from Halo"); }, read });
      expect(await uploadAndAttach(f.ctx, target, source())).toEqual({ ok: false, step: "attach", reason: "HTTP 502 from Halo", resourceId: "res-9" });
      expect(f.calls).not.toContain("fileUploadStatus");
    }
  });

  it("carries on when the re-read lists the file among others, and fails on a submission without a file list", async () => {
    const listed = { getUserAssignmentSubmissionForAssessment: { id: "sub-1", resources: [{ id: "sr-0", resource: null }, { id: "sr-1", resource: { id: "res-OTHER" } }, { id: "sr-2", resource: { id: "res-9" } }] } };
    let f = scripted({ attach: () => { throw boom("HTTP 502 from Halo"); }, read: () => listed });
    expect(await uploadAndAttach(f.ctx, target, source())).toEqual({ ok: true, resourceId: "res-9", submission: null });
    f = scripted({ attach: () => { throw boom("HTTP 502 from Halo"); }, read: () => ({ getUserAssignmentSubmissionForAssessment: { id: "sub-1", resources: null } }) });
    expect(await uploadAndAttach(f.ctx, target, source())).toMatchObject({ ok: false, step: "attach" });
  });

  it("returns the attached submission Halo answered with", async () => {
    const f = scripted({ attach: () => ({ bulkAddAssignmentSubmissionResource: { id: "sub-1", status: "IN_PROGRESS", resources: [null, { id: "sr-1", resource: { id: "res-9", name: "a.pdf" } }] } }) });
    expect(await uploadAndAttach(f.ctx, target, source())).toEqual({
      ok: true,
      resourceId: "res-9",
      submission: { id: "sub-1", status: "IN_PROGRESS", resources: [{ id: "sr-1", resource: { id: "res-9", name: "a.pdf" } }] },
    });
  });
});
