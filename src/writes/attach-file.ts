/**
 * upload_assignment_file: attach one file to the student's submission without turning it in.
 * Local checks come first (nothing leaves the machine for a refused path or a file holding the login),
 * then Halo's state, then the preview the student approves (src/writes/consent.ts), then the four-step
 * sequence, then a fresh read to prove the file is attached.
 */
import { when } from "../format/dates.js";
import { plural } from "../format/text.js";
import { fetchSubmission } from "../queries/assessment.js";
import type { ToolContext } from "../queries/context.js";
import type { ToolReply } from "../tools/define.js";
import { ToolError } from "../queries/tool-error.js";
import { attachedFiles, haloTime, loadAssignment, submissionLink, submittedAt, type AssignmentTarget } from "./assignment.js";
import { auditLog, type AuditEntry } from "./audit.js";
import type { WritePlan } from "./consent.js";
import { formatBytes } from "./paths.js";
import { shown } from "./preview.js";
import { shortHash } from "./scan.js";
import { serialized } from "./serial.js";
import { openSource, type OpenedSource, type SourceArgs } from "./source.js";
import { uploadAndAttach, type UploadStep } from "./upload.js";

export const UPLOAD_TOOL = "upload_assignment_file";

export interface UploadArgs extends SourceArgs {
  class_ref: string;
  assessment_id: string;
}

export async function planUpload(args: UploadArgs, ctx: ToolContext): Promise<WritePlan> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const base: Pick<AuditEntry, "tool" | "assessment"> = { tool: UPLOAD_TOOL, assessment: args.assessment_id };
  let src: OpenedSource;
  try {
    src = await openSource(args, ctx.config);
  } catch (e) {
    await audit.append({ ...base, outcome: "refused", reason: "file refused by the local checks" });
    throw e;
  }
  const file = { name: src.name, size: src.size };
  let t: AssignmentTarget;
  try {
    t = await loadAssignment(ctx, args.class_ref, args.assessment_id);
    refuseIfClosed(ctx, t, src.name);
  } catch (e) {
    await src.close();
    await audit.append(e instanceof ToolError ? { ...base, file, outcome: "refused", reason: "assignment not open for this upload" } : { ...base, file, outcome: "failed", step: "read" });
    throw e;
  }
  const attached = attachedFiles(t.submission);
  return {
    audit: { class: t.cls.slugId, assessment: t.assessment.id, file },
    preview: previewLines(t, src),
    state: { classId: t.cls.id, name: src.name, size: src.size, sha256: src.sha256, attached: attached.map((r) => r.resource!.id).sort() },
    nothing: "uploaded",
    // Same name, same assignment: one at a time, and each re-checks Halo once it has the turn.
    run: () => serialized(`${t.assessment.id}\n${src.name.toLowerCase()}`, () => uploadNow(ctx, t, src)),
    close: () => src.close(),
  };
}

function previewLines(t: AssignmentTarget, src: OpenedSource): string[] {
  const attached = attachedFiles(t.submission);
  const lines = [
    `Attach "${shown(src.name)}" (${formatBytes(src.size)}, sha256 ${shortHash(src.sha256)}) to "${shown(t.assessment.title)}" in ${shown(t.cls.courseCode)} ${shown(t.cls.name)} (${shown(t.cls.slugId)}). It is NOT turned in: that takes submit_assignment.`,
    src.realPath ? `From: ${shown(src.realPath)}` : "From: content the assistant sent inline (no file on this computer).",
    attached.length ? `Already attached (${attached.length}):` : "Nothing is attached to this assignment yet.",
    ...attached.map((r) => `- ${shown(r.resource?.name, "(unnamed file)")}`),
  ];
  if (t.assessment.isGroupEnabled) lines.push(`Group work: everyone in your group${t.grade?.assessmentGroup?.name ? ` "${shown(t.grade.assessmentGroup.name)}"` : ""} will see this file.`);
  lines.push("Halo's API offers no way to remove an attached file from here: a wrong file must be removed in Halo's web page.");
  return lines;
}

async function uploadNow(ctx: ToolContext, planned: AssignmentTarget, src: OpenedSource): Promise<ToolReply> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const file = { name: src.name, size: src.size };
  const entry = { tool: UPLOAD_TOOL, assessment: planned.assessment.id, class: planned.cls.slugId, file };
  const name = shown(src.name);
  const title = shown(planned.assessment.title);
  let t: AssignmentTarget;
  try {
    // Halo as it is now: another upload of this name, or a submission, may have happened since the preview.
    t = { ...planned, submission: await fetchSubmission(ctx.halo, planned.assessment.id, planned.cls, { extras: false }) };
    refuseIfClosed(ctx, t, src.name);
  } catch (e) {
    await audit.append(e instanceof ToolError ? { ...entry, outcome: "refused", reason: "assignment not open for this upload" } : { ...entry, outcome: "failed", step: "read" });
    throw e;
  }
  await audit.append({ ...entry, outcome: "started" });
  const result = await uploadAndAttach(ctx, t, src);
  ctx.cache.invalidate(); // cached submission states are stale whatever happened
  if (!result.ok) {
    await audit.append({ ...entry, outcome: "failed", step: result.step });
    return { text: failureText(ctx, t, name, result.step, result.reason), isError: true };
  }
  // Report success only when a fresh read shows the file attached.
  const after = await fetchSubmission(ctx.halo, t.assessment.id, t.cls, { extras: false }).catch(() => null);
  const files = attachedFiles(after);
  if (!files.some((r) => r.resource?.id === result.resourceId)) {
    await audit.append({ ...entry, outcome: "unverified", step: "verify" });
    return `Halo accepted "${name}" (${formatBytes(src.size)}) for "${title}", but its submission does not list the file yet, so I cannot confirm it is attached. Check again in a minute with assignment_details or open ${submissionLink(ctx, t.cls, t.assessment.id)} before submitting.`;
  }
  await audit.append({ ...entry, outcome: "succeeded", files: files.length });
  const list = files.map((r) => `- ${shown(r.resource?.name, "(unnamed file)")}${r.uploadDate ? ` (uploaded ${when(r.uploadDate, ctx.config.timezone, ctx.now())})` : ""}`);
  return [
    `Attached "${name}" (${formatBytes(src.size)}) to "${title}" in ${shown(t.cls.courseCode)}. It is NOT turned in yet.`,
    `Files attached now (${files.length}):`,
    ...list,
    `To turn in ${files.length === 1 ? "this file" : files.length === 2 ? "both files" : `all ${plural(files.length, "file")}`}, call submit_assignment with the same class_ref and assessment_id (it asks for approval first).`,
  ].join("\n");
}

function refuseIfClosed(ctx: ToolContext, t: AssignmentTarget, name: string): void {
  const at = submittedAt(t);
  const title = shown(t.assessment.title);
  if (at) {
    throw new ToolError(`"${title}" was already submitted (${haloTime(ctx, at)}); Halo takes no more files for it from here. If you need to add something, ask your instructor to reassign it. Nothing was uploaded.`);
  }
  const same = attachedFiles(t.submission).find((r) => r.resource?.name?.toLowerCase() === name.toLowerCase());
  if (same) {
    // Halo's API has no removal, so an accidental second upload could not be undone from here.
    throw new ToolError(`A file named "${shown(name)}" is already attached to "${title}". Halo's API offers no way to remove an attached file from here, so a second copy would stay. To replace it, remove the old one in Halo's web page first; to add a different file, give it a different name. Nothing was uploaded.`);
  }
}

function failureText(ctx: ToolContext, t: AssignmentTarget, name: string, step: UploadStep, reason: string): string {
  const link = submissionLink(ctx, t.cls, t.assessment.id);
  switch (step) {
    case "presign":
      return `Uploading "${name}" failed at step 1 of 4 (asking Halo for an upload slot): ${reason}. Nothing was uploaded or attached. You can try again.`;
    case "upload":
      return `Uploading "${name}" failed at step 2 of 4 (sending the file to Halo's storage): ${reason}. Nothing was attached to your submission. You can try again.`;
    case "attach":
      return `"${name}" was uploaded, but attaching it to your submission failed at step 3 of 4: ${reason}. It is NOT attached and there is nothing to clean up. You can try again.`;
    case "status":
      return `"${name}" was uploaded and attached to your submission, but the last step (4 of 4, telling Halo the upload is complete) failed: ${reason}. Halo may show the file as still processing or broken. Open ${link} and check it before submitting; if it does not open correctly, remove it there and upload it again. Do not retry this upload as is: the file is already attached.`;
  }
}
