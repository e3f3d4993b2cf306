/**
 * submit_assignment: turn in every attached file. Irreversible; the preview names every file attached now,
 * and the approval (src/writes/consent.ts) is bound to exactly those files.
 */
import { formatDate, parseHaloDate, when } from "../format/dates.js";
import { plural } from "../format/text.js";
import { fetchSubmission, type RawSubmissionResource } from "../queries/assessment.js";
import { scope } from "../queries/common.js";
import type { ToolContext } from "../queries/context.js";
import type { ToolReply } from "../tools/define.js";
import { ToolError } from "../queries/tool-error.js";
import { attachedFiles, haloTime, loadAssignment, submissionLink, submittedAt, type AssignmentTarget } from "./assignment.js";
import { auditLog } from "./audit.js";
import type { WritePlan } from "./consent.js";
import { shown } from "./preview.js";
import { failureReason } from "./upload.js";

export const SUBMIT_TOOL = "submit_assignment";

export interface SubmitArgs {
  class_ref: string;
  assessment_id: string;
}

export async function planSubmit(args: SubmitArgs, ctx: ToolContext): Promise<WritePlan> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const t = await loadAssignment(ctx, args.class_ref, args.assessment_id);
  const entry = { tool: SUBMIT_TOOL, class: t.cls.slugId, assessment: t.assessment.id };
  const refuse = async (reason: string, text: string): Promise<never> => {
    await audit.append({ ...entry, outcome: "refused", reason });
    throw new ToolError(text);
  };

  const title = shown(t.assessment.title);
  const at = submittedAt(t);
  if (at) await refuse("already submitted", `"${title}" was already submitted (${haloTime(ctx, at)}). Halo does not take a second submission from here; if it must change, ask your instructor to reassign it. Nothing was submitted.`);
  const files = attachedFiles(t.submission);
  if (files.length === 0) {
    await refuse("nothing attached", `Nothing is attached to "${title}" yet, so there is nothing to submit. Attach the work with upload_assignment_file first. Nothing was submitted.`);
  }
  const submission = t.submission!;
  return {
    audit: { class: t.cls.slugId, assessment: t.assessment.id, files: files.length },
    preview: previewLines(ctx, t, files),
    state: { classId: t.cls.id, submissionId: submission.id, files: files.map((r) => `${r.id}:${r.resource!.id}`).sort() },
    nothing: "submitted",
    run: () => submitNow(ctx, t, submission.id, files),
  };
}

async function submitNow(ctx: ToolContext, t: AssignmentTarget, submissionId: string, files: RawSubmissionResource[]): Promise<ToolReply> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const entry = { tool: SUBMIT_TOOL, class: t.cls.slugId, assessment: t.assessment.id };
  const title = shown(t.assessment.title);
  const body = {
    classId: t.cls.id,
    className: t.cls.name,
    assessmentId: t.assessment.id,
    assessmentTitle: t.assessment.title,
    requiresLopeswrite: !!t.assessment.requiresLopesWrite,
    resourceInfo: files.map((r) => ({
      assignmentSubmissionResourceId: r.id,
      resourceId: r.resource!.id,
      fileName: r.resource!.name ?? "",
      similarityReportStatus: r.similarityReportStatusEnum || "NOT_SUBMITTED",
    })),
  };
  let failure: string | undefined;
  try {
    await ctx.halo.restPost(`resource/assignment_resource/${encodeURIComponent(submissionId)}/submit`, { json: body }, scope(t.cls));
  } catch (e) {
    failure = failureReason(ctx, e);
  }

  // Halo's word is the fresh submission state, whatever the submit call answered. Cached reads are stale now.
  ctx.cache.invalidate();
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: the extras (word counts, accommodated dates) only cost a read; the check needs neither
  const after = await fetchSubmission(ctx.halo, t.assessment.id, t.cls, { extras: false }).catch(() => undefined);
  // Stryker disable next-line ConditionalExpression: submittedAt of an undefined submission is undefined too
  const done = after !== undefined ? submittedAt({ submission: after, grade: undefined }) : undefined;
  if (done) {
    await audit.append({ ...entry, outcome: "succeeded", files: files.length });
    return `Submitted "${title}" (${shown(t.cls.courseCode)}) with ${plural(files.length, "file")}; Halo shows it turned in ${haloTime(ctx, done)}${lateNote(ctx, t, done)}.${failure ? " (The submit call itself reported an error, but Halo's record shows the submission.)" : ""}`;
  }
  if (failure) {
    await audit.append({ ...entry, outcome: "failed", step: "submit" });
    const state = after === undefined ? "I also could not re-read the submission, so I cannot tell whether it went through" : "Halo still shows it as not submitted";
    return { text: `Submitting "${title}" failed: ${failure}. ${state}. Check ${submissionLink(ctx, t.cls, t.assessment.id)} before trying again; to retry, call submit_assignment again without the old confirm_token (it asks for approval again).`, isError: true };
  }
  await audit.append({ ...entry, outcome: "unverified", step: "verify" });
  return { text: `Halo accepted the submit request for "${title}", but its record does not show the assignment as submitted yet. Do not submit again; check ${submissionLink(ctx, t.cls, t.assessment.id)} or assignment_details in a minute.`, isError: true };
}

function lateNote(ctx: ToolContext, t: AssignmentTarget, at: string): string {
  const stamp = parseHaloDate(at);
  if (!t.due || !stamp) return "";
  return stamp.getTime() > t.due.getTime() ? ` — after the due date (${formatDate(t.due, ctx.config.timezone)}), so Halo may mark it late` : " — on time";
}

function previewLines(ctx: ToolContext, t: AssignmentTarget, files: RawSubmissionResource[]): string[] {
  const now = ctx.now();
  const tz = ctx.config.timezone;
  const a = t.assessment;
  const lines = [`Submit "${shown(a.title)}" in ${shown(t.cls.courseCode)} ${shown(t.cls.name)} (${shown(t.cls.slugId)})?`];
  if (t.due) {
    const late = t.due.getTime() < now.getTime();
    lines.push(`Due: ${when(t.due, tz, now)}${late ? " — the due date has PASSED: Halo will likely mark this late." : " — on time if submitted now."}`);
  } else lines.push("Due: Halo shows no due date.");
  if (t.grade?.status === "REASSIGNED") lines.push("Your instructor reopened (reassigned) this assignment: submitting turns it in again.");
  lines.push(`Files that will be turned in (${files.length}):`);
  for (const r of files) {
    // Stryker disable next-line OptionalChaining: attachedFiles keeps only files with a resource
    const bits = [r.resource?.type ? shown(r.resource.type.toLowerCase()) : undefined, r.uploadDate ? `uploaded ${when(r.uploadDate, tz, now)}` : undefined, r.wordCount ? `${r.wordCount} words` : undefined].filter(Boolean);
    // Stryker disable next-line OptionalChaining: attachedFiles keeps only files with a resource
    lines.push(`- ${shown(r.resource?.name, "(unnamed file)")}${bits.length ? ` (${bits.join("; ")})` : ""}`);
  }
  lines.push("Check that these are the right files: Halo's API offers no way to remove an attached file from here (remove extras in Halo's web page first).");
  if (a.requiresLopesWrite) lines.push("LopesWrite: yes — Halo runs its similarity (plagiarism) check on these files when submitted.");
  // Stryker disable next-line OptionalChaining: loadAssignment refuses group work without the grade's group
  if (a.isGroupEnabled) lines.push(`Group work: this turns the assignment in for your whole group${t.grade?.assessmentGroup?.name ? ` "${shown(t.grade.assessmentGroup.name)}"` : ""}.`);
  lines.push("This cannot be undone: after submitting, the files cannot be changed from here; only the instructor can reopen it.");
  return lines;
}
