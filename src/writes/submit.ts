/**
 * submit_assignment: turn in every attached file. Irreversible, so it takes two calls: a preview that
 * changes nothing and issues a token bound to the exact files attached now, then the confirmation.
 */
import { formatDate, parseHaloDate, when } from "../format/dates.js";
import { plural } from "../format/text.js";
import { fetchSubmission, type RawSubmissionResource } from "../queries/assessment.js";
import { scope } from "../queries/common.js";
import type { ToolContext } from "../tools/context.js";
import type { ToolReply } from "../tools/define.js";
import { ToolError } from "../tools/errors.js";
import { attachedFiles, loadAssignment, submissionLink, submittedAt, type AssignmentTarget } from "./assignment.js";
import { auditLog } from "./audit.js";
import { confirmations, tokenProblem, type Binding } from "./confirm.js";
import { failureReason } from "./upload.js";

export const SUBMIT_TOOL = "submit_assignment";

export interface SubmitArgs {
  class_ref: string;
  assessment_id: string;
  confirm_token?: string;
}

export async function submitAssignment(args: SubmitArgs, ctx: ToolContext): Promise<ToolReply> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const t = await loadAssignment(ctx, args.class_ref, args.assessment_id);
  const entry = { tool: SUBMIT_TOOL, class: t.cls.slugId, assessment: t.assessment.id };
  const refuse = async (reason: string, text: string): Promise<never> => {
    await audit.append({ ...entry, outcome: "refused", reason });
    throw new ToolError(text);
  };

  const at = submittedAt(t);
  if (at) await refuse("already submitted", `"${t.assessment.title}" was already submitted (${describeTime(ctx, at)}). Halo does not take a second submission from here; if it must change, ask your instructor to reassign it. Nothing was submitted.`);
  const files = attachedFiles(t.submission);
  if (!t.submission || files.length === 0) {
    await refuse("nothing attached", `Nothing is attached to "${t.assessment.title}" yet, so there is nothing to submit. Attach the work with upload_assignment_file first. Nothing was submitted.`);
  }
  const submission = t.submission!;
  const binding: Binding = {
    tool: SUBMIT_TOOL,
    args: { class_ref: args.class_ref, assessment_id: args.assessment_id },
    state: { classId: t.cls.id, submissionId: submission.id, files: files.map((r) => `${r.id}:${r.resource!.id}`).sort() },
  };

  if (!args.confirm_token) {
    const token = confirmations.issue(binding, ctx.now());
    await audit.append({ ...entry, outcome: "preview", files: files.length });
    return previewText(ctx, t, files, token);
  }
  const check = confirmations.check(args.confirm_token, binding, ctx.now());
  if (!check.ok) await refuse(`confirm token ${check.reason}`, tokenProblem(check.reason, "submitted"));
  if (!confirmations.consume(args.confirm_token, ctx.now())) await refuse("confirm token used", tokenProblem("used", "submitted"));
  await audit.append({ ...entry, outcome: "confirmed", files: files.length });

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
    await ctx.halo.restPost(`resource/assignment_resource/${encodeURIComponent(submission.id)}/submit`, { json: body }, scope(t.cls));
  } catch (e) {
    failure = failureReason(ctx, e);
  }

  // Halo's word is the fresh submission state, whatever the submit call answered. Cached reads are stale now.
  ctx.cache.invalidate();
  const after = await fetchSubmission(ctx.halo, t.assessment.id, t.cls, { extras: false }).catch(() => undefined);
  const done = after !== undefined ? submittedAt({ submission: after, grade: undefined }) : undefined;
  if (done) {
    await audit.append({ ...entry, outcome: "succeeded", files: files.length });
    return `Submitted "${t.assessment.title}" (${t.cls.courseCode}) with ${plural(files.length, "file")}; Halo shows it turned in ${describeTime(ctx, done)}${lateNote(ctx, t, done)}.${failure ? " (The submit call itself reported an error, but Halo's record shows the submission.)" : ""}`;
  }
  if (failure) {
    await audit.append({ ...entry, outcome: "failed", step: "submit" });
    const state = after === undefined ? "I also could not re-read the submission, so I cannot tell whether it went through" : "Halo still shows it as not submitted";
    return { text: `Submitting "${t.assessment.title}" failed: ${failure}. ${state}. Check ${submissionLink(ctx, t.cls, t.assessment.id)} before trying again; to retry, call submit_assignment without confirm_token for a new preview.`, isError: true };
  }
  await audit.append({ ...entry, outcome: "unverified", step: "verify" });
  return { text: `Halo accepted the submit request for "${t.assessment.title}", but its record does not show the assignment as submitted yet. Do not submit again; check ${submissionLink(ctx, t.cls, t.assessment.id)} or assignment_details in a minute.`, isError: true };
}

function describeTime(ctx: ToolContext, value: string): string {
  return when(value, ctx.config.timezone, ctx.now()) ?? value;
}

function lateNote(ctx: ToolContext, t: AssignmentTarget, at: string): string {
  const stamp = parseHaloDate(at);
  if (!t.due || !stamp) return "";
  return stamp.getTime() > t.due.getTime() ? ` — after the due date (${formatDate(t.due, ctx.config.timezone)}), so Halo may mark it late` : " — on time";
}

function previewText(ctx: ToolContext, t: AssignmentTarget, files: RawSubmissionResource[], token: string): string {
  const now = ctx.now();
  const tz = ctx.config.timezone;
  const a = t.assessment;
  const lines = [
    "PREVIEW — nothing has been submitted yet.",
    `Submit "${a.title}" in ${t.cls.courseCode} ${t.cls.name} (${t.cls.slugId})?`,
  ];
  if (t.due) {
    const late = t.due.getTime() < now.getTime();
    lines.push(`Due: ${when(t.due, tz, now)}${late ? " — the due date has PASSED: Halo will likely mark this late." : " — on time if submitted now."}`);
  } else lines.push("Due: Halo shows no due date.");
  if (t.grade?.status === "REASSIGNED") lines.push("Your instructor reopened (reassigned) this assignment: submitting turns it in again.");
  lines.push(`Files that will be turned in (${files.length}):`);
  for (const r of files) {
    const bits = [r.resource?.type?.toLowerCase(), r.uploadDate ? `uploaded ${when(r.uploadDate, tz, now)}` : undefined, r.wordCount ? `${r.wordCount} words` : undefined].filter(Boolean);
    lines.push(`- ${r.resource?.name ?? "(unnamed file)"}${bits.length ? ` (${bits.join("; ")})` : ""}`);
  }
  lines.push("Check that these are the right files: Halo's API offers no way to remove an attached file from here (remove extras in Halo's web page first).");
  if (a.requiresLopesWrite) lines.push("LopesWrite: yes — Halo runs its similarity (plagiarism) check on these files when submitted.");
  if (a.isGroupEnabled) lines.push(`Group work: this turns the assignment in for your whole group${t.grade?.assessmentGroup?.name ? ` "${t.grade.assessmentGroup.name}"` : ""}.`);
  lines.push(
    "This cannot be undone: after submitting, the files cannot be changed from here; only the instructor can reopen it.",
    "Show this preview to the student and get their explicit approval. Only then call submit_assignment again with the same class_ref and assessment_id plus this token (single use, valid 10 minutes):",
    `confirm_token: ${token}`,
  );
  return lines.join("\n");
}
