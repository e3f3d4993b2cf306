/** §7 upload and submit: presign → PUT to store → attach (GraphQL) → fileUploadStatus → submit. */
import { randomUUID } from "node:crypto";
import { readJson, restError, type OrchCtx } from "./orchestration.js";
import { signedUrl } from "./store.js";
import { iso, parseBare } from "./world/dates.js";

// The reference documents no size limit; this one is high enough for the 512 MB upload benchmark and still
// lets tests exercise a refusal.
const MAX_FILE = 1024 * 1024 * 1024;
const UPLOAD_TTL_MS = 15 * 60_000;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isS3 = (v: unknown) => Array.isArray(v) && v.length === 1 && v[0] === "S3";

export async function presign(c: OrchCtx, req: Request): Promise<Response> {
  const parsed = await readJson(req);
  if (!parsed.ok) return parsed.res;
  const items = parsed.body;
  if (!Array.isArray(items) || items.length === 0) return restError(400, "Request body must be a non-empty array");
  const w = c.s.world;
  const problems: string[] = [];
  items.forEach((it, i) => {
    const p = (m: string) => problems.push(`[${i}] ${m}`);
    if (!isObj(it)) return p("must be an object");
    if (it.type !== "assignment_submission") p("type must be assignment_submission");
    if (it.kind !== "FILE") p("kind must be FILE");
    if (typeof it.description !== "string") p("description must be a string");
    if (typeof it.fileName !== "string" || !it.fileName.trim() || /[\\/]/.test(it.fileName)) p("fileName must be a bare file name");
    if (typeof it.fileSize !== "number" || !Number.isInteger(it.fileSize) || it.fileSize <= 0) p("fileSize must be a positive integer (bytes)");
    else if (it.fileSize > MAX_FILE) p(`fileSize exceeds the ${MAX_FILE} byte limit`);
    if (typeof it.fileType !== "string" || !/^[A-Za-z0-9]{1,10}$/.test(it.fileType)) p("fileType must be a file extension such as pdf");
    if (!isS3(it.storageProviderEnum)) p('storageProviderEnum must be ["S3"]');
    const sig = it.resourceSignature;
    if (!isObj(sig)) return p("resourceSignature is required");
    const cls = w.classes.find((x) => x.id === sig.courseClassId);
    if (typeof sig.courseClassId !== "string" || !cls) return p("resourceSignature.courseClassId is not a known course class id");
    if (!w.enrollments.some((e) => e.courseClassId === cls.id && e.userId === c.userId)) return p(`Permission Evaluator exception on Class : ${cls.id}`);
    const a = cls.units.flatMap((u) => u.assessments).find((x) => x.id === sig.courseClassAssessmentId);
    if (!a) return p("resourceSignature.courseClassAssessmentId is not an assessment of that class");
    if (a.type !== "ASSIGNMENT") p(`assessment type ${a.type} does not accept files`);
    const group = w.groups.find((g) => g.assessmentId === a.id && g.members.some((m) => m.userId === c.userId));
    if (!("courseClassAssessmentGroupId" in sig)) p("resourceSignature.courseClassAssessmentGroupId is required (null unless group work)");
    else if (group && sig.courseClassAssessmentGroupId !== group.id) p("resourceSignature.courseClassAssessmentGroupId must be the student's group id for this group assessment");
    else if (!group && sig.courseClassAssessmentGroupId !== null) p("resourceSignature.courseClassAssessmentGroupId must be null for individual work");
  });
  if (problems.length) return restError(400, `Validation failed: ${problems.join("; ")}`);
  const out = (items as Record<string, unknown>[]).map((it) => {
    const sig = it.resourceSignature as Record<string, string | null>;
    const resourceId = randomUUID();
    const expiresAt = c.now + UPLOAD_TTL_MS;
    const fileName = it.fileName as string;
    const up = { resourceId, userId: c.userId, courseClassId: sig.courseClassId ?? "", assessmentId: sig.courseClassAssessmentId ?? "", groupId: sig.courseClassAssessmentGroupId ?? null, fileName, fileSize: it.fileSize as number, fileType: it.fileType as string, signature: "", expiresAt, uploaded: false, completed: false };
    const url = signedUrl(c.s, c.urls, "PUT", `halo-uploads/${w.tenantId}/${resourceId}/${encodeURIComponent(fileName)}`, resourceId, expiresAt);
    up.signature = url.signature;
    c.s.uploads.set(resourceId, up);
    const when = iso(new Date(c.now));
    w.resources[resourceId] = { id: resourceId, name: fileName, kind: "FILE", type: up.fileType.toUpperCase(), description: (it.description as string) || null, context: "assignment_submission", active: false, embedReady: false, url: null, createdBy: c.userId, createdDate: when, modifiedBy: c.userId, modifiedDate: when, courseClassId: null };
    return { resourceId, s3UploadUrl: url.url, fileName, storageProviderEnum: ["S3"], expiresAt: new Date(expiresAt).toISOString() };
  });
  return Response.json(out);
}

export async function fileUploadStatus(c: OrchCtx, req: Request): Promise<Response> {
  const parsed = await readJson(req);
  if (!parsed.ok) return parsed.res;
  const items = parsed.body;
  if (!Array.isArray(items) || !items.length) return restError(400, "Request body must be a non-empty array");
  for (const [i, it] of items.entries()) {
    if (!isObj(it) || typeof it.resourceId !== "string") return restError(400, `[${i}] resourceId is required`);
    if (it.status !== "COMPLETED") return restError(400, `[${i}] status must be COMPLETED`);
    if (!isS3(it.storageProviderEnum)) return restError(400, `[${i}] storageProviderEnum must be ["S3"]`);
    const up = c.s.uploads.get(it.resourceId);
    if (!up || up.userId !== c.userId) return restError(404, `Resource not found : ${it.resourceId}`);
    if (!up.uploaded) return restError(400, `File for resource ${it.resourceId} was not found in storage`);
  }
  return Response.json((items as { resourceId: string }[]).map(({ resourceId }) => {
    const up = c.s.uploads.get(resourceId);
    if (up) up.completed = true;
    const r = c.s.world.resources[resourceId];
    if (r) r.active = true;
    return { resourceId, status: "COMPLETED" };
  }));
}

export async function submit(c: OrchCtx, req: Request, submissionId: string): Promise<Response> {
  const parsed = await readJson(req);
  if (!parsed.ok) return parsed.res;
  const b = parsed.body;
  if (!isObj(b)) return restError(400, "Request body must be an object");
  for (const k of ["classId", "className", "assessmentId", "assessmentTitle"]) if (typeof b[k] !== "string" || !b[k]) return restError(400, `${k} is required`);
  if (typeof b.requiresLopeswrite !== "boolean") return restError(400, "requiresLopeswrite is required (boolean)");
  if (!Array.isArray(b.resourceInfo) || !b.resourceInfo.length) return restError(400, "resourceInfo must list the attached files");
  const w = c.s.world;
  const sub = w.submissions.find((x) => x.id === submissionId);
  if (!sub) return restError(404, `Assignment submission not found : ${submissionId}`);
  if (sub.userId !== c.userId) return restError(403, `Permission Evaluator exception on AssignmentSubmission : ${submissionId}`);
  if (sub.status === "SUBMITTED") return restError(400, `Assignment submission ${submissionId} has already been submitted`);
  if (b.assessmentId !== sub.assessmentId) return restError(400, "assessmentId does not match the submission");
  if (b.classId !== sub.courseClassId) return restError(400, "classId does not match the submission's course class");
  const listed = new Set<string>();
  for (const [i, r] of (b.resourceInfo as unknown[]).entries()) {
    if (!isObj(r) || typeof r.assignmentSubmissionResourceId !== "string" || typeof r.resourceId !== "string" || typeof r.fileName !== "string" || typeof r.similarityReportStatus !== "string") {
      return restError(400, `resourceInfo[${i}] needs assignmentSubmissionResourceId, resourceId, fileName, similarityReportStatus`);
    }
    const sr = sub.resources.find((x) => x.id === r.assignmentSubmissionResourceId);
    if (!sr || sr.resourceId !== r.resourceId) return restError(400, `resourceInfo[${i}] is not a file attached to this submission`);
    const up = c.s.uploads.get(sr.resourceId);
    if (up && !up.completed) return restError(400, `Upload of resource ${sr.resourceId} is not COMPLETED (call fileUploadStatus first)`);
    listed.add(sr.id);
  }
  const missing = sub.resources.filter((r) => !r.isFinal && !listed.has(r.id));
  if (missing.length) return restError(400, `resourceInfo is missing attached file(s): ${missing.map((m) => m.resourceId).join(", ")}`);
  const when = iso(new Date(c.now));
  sub.status = "SUBMITTED";
  sub.submissionDate = when;
  for (const r of sub.resources) {
    if (!listed.has(r.id)) continue;
    r.isFinal = true;
    r.similarityReportStatusEnum = b.requiresLopeswrite ? "PENDING" : "NOT_SUBMITTED";
  }
  const grade = w.grades.find((g) => g.assessmentId === sub.assessmentId && g.userId === c.userId);
  if (grade) {
    const due = parseBare(grade.accommodatedDueDate ?? grade.dueDate).getTime();
    grade.status = c.now > due + 60_000 && grade.status !== "REASSIGNED" ? "LATE" : "SUBMITTED";
    grade.modifiedDate = when;
    grade.submissionId = sub.id;
  }
  return Response.json({ status: "SUBMITTED", assignmentSubmissionId: sub.id, submissionDate: when });
}
