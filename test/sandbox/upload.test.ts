import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { bearer, gql, orch, useMswSandbox } from "./helpers.js";

const { sb } = useMswSandbox();
const cloud = SEED.classes.cloud.id;

function presignBody(o: { fileName?: string; fileSize: number; assessmentId?: string; classId?: string; groupId?: string | null }) {
  return [{
    type: "assignment_submission", kind: "FILE", description: "", fileName: o.fileName ?? "proposal.pdf", fileSize: o.fileSize, fileType: "pdf", storageProviderEnum: ["S3"],
    resourceSignature: { courseClassId: o.classId ?? cloud, courseClassAssessmentId: o.assessmentId ?? SEED.assessments.upload, courseClassAssessmentGroupId: o.groupId ?? null },
  }];
}

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(orch(path), { method: "POST", headers: bearer(sb, { "content-type": "application/json" }), body: JSON.stringify(body) });
}

async function presign(size: number, extra: Parameters<typeof presignBody>[0] | object = {}): Promise<{ resourceId: string; s3UploadUrl: string }> {
  const res = await postJson("generate-presigned-urls", presignBody({ fileSize: size, ...extra }));
  expect(res.status).toBe(200);
  const [first] = (await res.json()) as { resourceId: string; s3UploadUrl: string }[];
  if (!first) throw new Error("no presign reply");
  return first;
}

const attach = (ids: string[], assessmentId: string = SEED.assessments.upload) =>
  gql(sb, `mutation Attach($a: String!, $r: [String]!) { bulkAddAssignmentSubmissionResource(courseClassAssessmentId: $a, resourceIds: $r) { __typename id status resources { id isFinal resource { id name } } } }`, { a: assessmentId, r: ids });

const SUB_Q = `query S($a: String!) { getUserAssignmentSubmissionForAssessment(courseClassAssessmentId: $a) { id status submissionDate resources { id resource { id name } } } }`;

describe("upload → attach → status → submit", () => {
  it("rejects bad presign bodies strictly", async () => {
    const bad = await postJson("generate-presigned-urls", [{ ...presignBody({ fileSize: 10 })[0], fileType: "application/pdf" }]);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/fileType/);
    const wrongClass = await postJson("generate-presigned-urls", presignBody({ fileSize: 10, classId: SEED.classes.english.id }));
    expect(wrongClass.status).toBe(400);
    const notArray = await postJson("generate-presigned-urls", presignBody({ fileSize: 10 })[0]);
    expect(notArray.status).toBe(400);
    const groupMissing = await postJson("generate-presigned-urls", presignBody({ fileSize: 10, classId: SEED.classes.english.id, assessmentId: SEED.assessments.groupProject }));
    expect(await groupMissing.text()).toMatch(/group id/);
  });

  it("runs the whole sequence and turns the grade row SUBMITTED", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4 my proposal");
    const p1 = await presign(bytes.length);
    expect(new URL(p1.s3UploadUrl).origin).toBe("https://store.sandbox.test");
    expect(new URL(p1.s3UploadUrl).searchParams.get("X-Amz-Signature")).toBeTruthy();
    const put = await fetch(p1.s3UploadUrl, { method: "PUT", headers: { "content-type": "application/pdf" }, body: bytes });
    expect(put.status).toBe(200);
    const again = await fetch(p1.s3UploadUrl, { method: "PUT", body: bytes });
    expect(again.status).toBe(403);
    const a1 = await attach([p1.resourceId]);
    expect(a1.body.errors).toBeUndefined();
    const sub1 = a1.body.data?.bulkAddAssignmentSubmissionResource as { __typename: string; id: string; resources: { id: string; resource: { id: string } }[] };
    expect(sub1.__typename).toBe("AssignmentSubmission");
    expect(sub1.resources).toHaveLength(1);
    const st = await postJson("fileUploadStatus", [{ resourceId: p1.resourceId, status: "COMPLETED", storageProviderEnum: ["S3"] }]);
    expect(st.status).toBe(200);

    // second file accumulates on the same submission
    const p2 = await presign(3, { fileName: "appendix.pdf" });
    expect((await fetch(p2.s3UploadUrl, { method: "PUT", body: "abc" })).status).toBe(200);
    const sub2 = (await attach([p2.resourceId])).body.data?.bulkAddAssignmentSubmissionResource as typeof sub1;
    expect(sub2.id).toBe(sub1.id);
    expect(sub2.resources.map((r) => r.resource.id).sort()).toEqual([p1.resourceId, p2.resourceId].sort());

    const body = (subRes: typeof sub2.resources) => ({
      classId: cloud, className: SEED.classes.cloud.name, assessmentId: SEED.assessments.upload, assessmentTitle: "Cloud Architecture Proposal", requiresLopeswrite: true,
      resourceInfo: subRes.map((r) => ({ assignmentSubmissionResourceId: r.id, resourceId: r.resource.id, fileName: "f.pdf", similarityReportStatus: "NOT_SUBMITTED" })),
    });
    const early = await postJson(`resource/assignment_resource/${sub2.id}/submit`, body(sub2.resources));
    expect(early.status).toBe(400);
    expect(await early.text()).toMatch(/not COMPLETED/);
    await postJson("fileUploadStatus", [{ resourceId: p2.resourceId, status: "COMPLETED", storageProviderEnum: ["S3"] }]);
    const camel = await postJson(`resource/assignment_resource/${sub2.id}/submit`, { ...body(sub2.resources), requiresLopeswrite: undefined, requiresLopesWrite: true });
    expect(camel.status).toBe(400);
    const ok = await postJson(`resource/assignment_resource/${sub2.id}/submit`, body(sub2.resources));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { status: string }).status).toBe("SUBMITTED");
    const twice = await postJson(`resource/assignment_resource/${sub2.id}/submit`, body(sub2.resources));
    expect(twice.status).toBe(400);
    expect(await twice.text()).toMatch(/already been submitted/);
    const grade = sb.world.grades.find((g) => g.assessmentId === SEED.assessments.upload);
    expect(grade?.status).toBe("SUBMITTED");
    const read = await gql(sb, SUB_Q, { a: SEED.assessments.upload });
    expect((read.body.data?.getUserAssignmentSubmissionForAssessment as { status: string; submissionDate: string }).submissionDate).toMatch(/Z$/);
    // the uploaded (small) file can be downloaded again
    const dl = await fetch(orch(`downloadUrl/${p1.resourceId}`), { headers: bearer(sb) });
    const { downloadUrl } = (await dl.json()) as { downloadUrl: string };
    expect(await (await fetch(downloadUrl)).text()).toBe("%PDF-1.4 my proposal");
  });

  it("refuses to attach a resource that was presigned but never uploaded, or for another assessment", async () => {
    const p = await presign(5);
    const r = await attach([p.resourceId]);
    expect(r.body.errors?.[0]?.message).toMatch(/no uploaded file/);
    const status = await postJson("fileUploadStatus", [{ resourceId: p.resourceId, status: "COMPLETED", storageProviderEnum: ["S3"] }]);
    expect(status.status).toBe(400);
    expect(await fetch(p.s3UploadUrl, { method: "PUT", body: "12345" }).then((x) => x.status)).toBe(200);
    const other = await attach([p.resourceId], SEED.assessments.missing);
    expect(other.body.errors?.[0]?.message).toMatch(/not reserved for assessment/);
    const unknown = await attach(["00000000-0000-4000-8000-000000000000"]);
    expect(unknown.body.errors?.[0]?.message).toMatch(/Resource not found/);
  });

  it("rejects a PUT whose size differs from the presigned fileSize, and a tampered signature", async () => {
    const p = await presign(10);
    expect((await fetch(p.s3UploadUrl, { method: "PUT", body: "short" })).status).toBe(400);
    expect((await fetch(p.s3UploadUrl, { method: "PUT", body: "way too long body here" })).status).toBe(400);
    const tampered = p.s3UploadUrl.replace(/X-Amz-Signature=[0-9a-f]{4}/, "X-Amz-Signature=0000");
    expect((await fetch(tampered, { method: "PUT", body: "0123456789" })).status).toBe(403);
    expect((await fetch(p.s3UploadUrl, { method: "PUT", body: "0123456789" })).status).toBe(200);
  });

  it("injects a failure at a chosen step", async () => {
    sb.switches.failRest = { presign: "http503" };
    expect((await postJson("generate-presigned-urls", presignBody({ fileSize: 1 }))).status).toBe(503);
    sb.switches.failRest = { attach: "http500" };
    expect((await attach(["x"])).status).toBe(500);
  });

  it("requires the course headers when switched on, and records them", async () => {
    sb.switches.requireClassHeaders = true;
    expect((await postJson("generate-presigned-urls", presignBody({ fileSize: 1 }))).status).toBe(400);
    const res = await fetch(orch("generate-presigned-urls"), {
      method: "POST",
      headers: bearer(sb, { "content-type": "application/json", "transaction-id": "t-1", "current-class-slug-id": sb.ids.classes.cloud.slugId, "current-course-class-id": cloud }),
      body: JSON.stringify(presignBody({ fileSize: 1 })),
    });
    expect(res.status).toBe(200);
    expect(sb.stats.calls.at(-1)?.headers).toEqual({ transactionId: "t-1", classSlugId: sb.ids.classes.cloud.slugId, courseClassId: cloud });
  });

  it("answers 401 JSON without the bearer pair", async () => {
    const res = await fetch(orch("generate-presigned-urls"), { method: "POST", headers: { "content-type": "application/json" }, body: "[]" });
    expect(res.status).toBe(401);
  });
});

describe("the already-submitted seeded assignment", () => {
  it("cannot be submitted again", async () => {
    const sub = sb.world.submissions.find((s) => s.assessmentId === SEED.assessments.submitted);
    expect(sub?.status).toBe("SUBMITTED");
    const res = await postJson(`resource/assignment_resource/${sub?.id}/submit`, {
      classId: cloud, className: "x", assessmentId: SEED.assessments.submitted, assessmentTitle: "x", requiresLopeswrite: false,
      resourceInfo: sub?.resources.map((r) => ({ assignmentSubmissionResourceId: r.id, resourceId: r.resourceId, fileName: "x", similarityReportStatus: "NOT_SUBMITTED" })),
    });
    expect(res.status).toBe(400);
  });
});
