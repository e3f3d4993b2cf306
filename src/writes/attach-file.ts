/**
 * upload_assignment_file: attach one file to the student's submission without turning it in.
 * Local checks come first (nothing leaves the machine for a refused path), then Halo's state, then the
 * four-step sequence, then a fresh read to prove the file is attached.
 */
import { when } from "../format/dates.js";
import { plural } from "../format/text.js";
import { fetchSubmission } from "../queries/assessment.js";
import type { ToolContext } from "../tools/context.js";
import type { ToolReply } from "../tools/define.js";
import { ToolError } from "../tools/errors.js";
import { attachedFiles, loadAssignment, submissionLink, submittedAt, type AssignmentTarget } from "./assignment.js";
import { auditLog, type AuditEntry } from "./audit.js";
import { formatBytes } from "./paths.js";
import { openSource, type SourceArgs } from "./source.js";
import { uploadAndAttach, type UploadStep } from "./upload.js";

export const UPLOAD_TOOL = "upload_assignment_file";

export interface UploadArgs extends SourceArgs {
  class_ref: string;
  assessment_id: string;
}

export async function uploadFile(args: UploadArgs, ctx: ToolContext): Promise<ToolReply> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const base: Pick<AuditEntry, "tool" | "assessment"> = { tool: UPLOAD_TOOL, assessment: args.assessment_id };
  let src;
  try {
    src = await openSource(args, ctx.config);
  } catch (e) {
    await audit.append({ ...base, outcome: "refused", reason: "file refused by the local checks" });
    throw e;
  }
  const file = { name: src.name, size: src.size };
  try {
    let t: AssignmentTarget;
    try {
      t = await loadAssignment(ctx, args.class_ref, args.assessment_id);
      refuseIfClosed(t, src.name);
    } catch (e) {
      await audit.append(e instanceof ToolError ? { ...base, file, outcome: "refused", reason: "assignment not open for this upload" } : { ...base, file, outcome: "failed", step: "read" });
      throw e;
    }
    const entry = { ...base, class: t.cls.slugId, file };
    await audit.append({ ...entry, outcome: "started" });
    const result = await uploadAndAttach(ctx, t, src);
    ctx.cache.invalidate(); // cached submission states are stale whatever happened
    if (!result.ok) {
      await audit.append({ ...entry, outcome: "failed", step: result.step });
      return { text: failureText(ctx, t, src.name, result.step, result.reason), isError: true };
    }
    // Report success only when a fresh read shows the file attached.
    const after = await fetchSubmission(ctx.halo, t.assessment.id, t.cls, { extras: false }).catch(() => null);
    const files = attachedFiles(after);
    if (!files.some((r) => r.resource?.id === result.resourceId)) {
      await audit.append({ ...entry, outcome: "unverified", step: "verify" });
      return `Halo accepted "${src.name}" (${formatBytes(src.size)}) for "${t.assessment.title}", but its submission does not list the file yet, so I cannot confirm it is attached. Check again in a minute with assignment_details or open ${submissionLink(ctx, t.cls, t.assessment.id)} before submitting.`;
    }
    await audit.append({ ...entry, outcome: "succeeded", files: files.length });
    const list = files.map((r) => `- ${r.resource?.name ?? "(unnamed file)"}${r.uploadDate ? ` (uploaded ${when(r.uploadDate, ctx.config.timezone, ctx.now())})` : ""}`);
    return [
      `Attached "${src.name}" (${formatBytes(src.size)}) to "${t.assessment.title}" in ${t.cls.courseCode}. It is NOT turned in yet.`,
      `Files attached now (${files.length}):`,
      ...list,
      `To turn in ${files.length === 1 ? "this file" : files.length === 2 ? "both files" : `all ${plural(files.length, "file")}`}, call submit_assignment with the same class_ref and assessment_id (it shows a preview first).`,
    ].join("\n");
  } finally {
    await src.close();
  }
}

function refuseIfClosed(t: AssignmentTarget, name: string): void {
  const at = submittedAt(t);
  if (at) {
    throw new ToolError(`"${t.assessment.title}" was already submitted (${at}); Halo takes no more files for it from here. If you need to add something, ask your instructor to reassign it. Nothing was uploaded.`);
  }
  const same = attachedFiles(t.submission).find((r) => r.resource?.name?.toLowerCase() === name.toLowerCase());
  if (same) {
    // Halo's API has no removal, so an accidental second upload could not be undone from here.
    throw new ToolError(`A file named "${name}" is already attached to "${t.assessment.title}". Halo's API offers no way to remove an attached file from here, so a second copy would stay. To replace it, remove the old one in Halo's web page first; to add a different file, give it a different name. Nothing was uploaded.`);
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
