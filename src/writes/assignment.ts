/**
 * Everything a write about one assignment needs, read fresh from Halo (never from cache: a preview or a
 * refusal must reflect the submission as it is now).
 */
import { effectiveDue, when } from "../format/dates.js";
import { isHaloError } from "../halo/errors.js";
import { fetchAssessment, fetchSubmission, type RawAssessment, type RawSubmission, type RawSubmissionResource } from "../queries/assessment.js";
import { inClass } from "../queries/cached.js";
import { compact } from "../queries/common.js";
import { fetchClassGrades, type RawAssessmentGrade } from "../queries/gradebook.js";
import type { ClassSummary } from "../queries/class-directory.js";
import type { ToolContext } from "../queries/context.js";
import { ToolError } from "../queries/tool-error.js";

export interface AssignmentTarget {
  cls: ClassSummary;
  assessment: RawAssessment;
  grade?: RawAssessmentGrade;
  submission: RawSubmission | null;
  /** The due date that applies to this student (accommodated wins). */
  due?: Date;
  groupId: string | null;
}

const NOT_SUBMITTABLE: Record<string, string> = {
  DISCUSSION_QUESTION: "a discussion question: it is answered by posting in its discussion forum in Halo, not by uploading files",
  QUIZ: "a quiz: take it in Halo's web page",
  PARTICIPATION: "a participation grade: it comes from discussion posts, there is nothing to turn in",
  LTI: "work done in an external tool linked from Halo, not submitted here",
};

export async function loadAssignment(ctx: ToolContext, classRef: string, assessmentId: string): Promise<AssignmentTarget> {
  const cls = await ctx.classes.resolve(classRef);
  // Reads run together; an access error on the assessment or submission alone means the id belongs to a
  // class the student cannot see, not that this class is closed to them.
  const [aR, gR, sR] = await Promise.allSettled([
    fetchAssessment(ctx.halo, assessmentId, cls),
    inClass(cls, () => fetchClassGrades(ctx.halo, cls)),
    fetchSubmission(ctx.halo, assessmentId, cls),
  ]);
  if (gR.status === "rejected") throw gR.reason;
  const foreign = (r: PromiseSettledResult<unknown>) => r.status === "rejected" && isHaloError(r.reason) && (r.reason.kind === "access" || r.reason.kind === "not_found");
  for (const r of [aR, sR]) if (r.status === "rejected" && !foreign(r)) throw r.reason;
  const grades = gR.value;
  const assessment = aR.status === "fulfilled" && !foreign(sR) ? aR.value : null;
  const submission = sR.status === "fulfilled" ? sR.value : null;
  if (!assessment || (assessment.courseClassId && assessment.courseClassId !== cls.id)) {
    throw new ToolError(`${cls.courseCode} has no assessment with id ${assessmentId}. Use view_assignments for this class to get the right id. Nothing was changed.`);
  }
  const kind = NOT_SUBMITTABLE[assessment.type];
  if (kind) throw new ToolError(`"${assessment.title}" is ${kind}. Nothing was changed.`);
  const grade = grades.grades.find((g) => g.assessment.id === assessmentId);
  const due = effectiveDue(
    grade?.dueDate ?? submission?.dueDate ?? assessment.dueDate,
    grade?.accommodatedDueDate ?? submission?.accommodatedDueDate ?? assessment.accommodatedDueDate,
  );
  const groupId = grade?.assessmentGroup?.id ?? null;
  if (assessment.isGroupEnabled && !groupId) {
    throw new ToolError(`"${assessment.title}" is group work, but Halo shows no group for you yet, so a file could not be filed under your group. Check the group page in Halo (${groupLink(ctx, cls, assessmentId)}) or ask your instructor. Nothing was changed.`);
  }
  return { cls, assessment, grade, submission, due, groupId };
}

/** Files attached to the submission, in Halo's order. */
export function attachedFiles(submission: RawSubmission | null): RawSubmissionResource[] {
  return compact(submission?.resources).filter((r) => !!r.resource?.id);
}

/**
 * Turned in already? A reassigned grade reopens the work, so the old submission date does not count then.
 */
export function submittedAt(t: Pick<AssignmentTarget, "submission" | "grade">): string | undefined {
  const s = t.submission;
  if (t.grade?.status === "REASSIGNED") return undefined;
  if (s?.status === "SUBMITTED" || s?.submissionDate) return s.submissionDate ?? "an unknown time";
  return undefined;
}

const courseUrl = (ctx: ToolContext, cls: ClassSummary): string => `${ctx.config.halo.baseUrl.replace(/\/+$/, "")}/courses/${cls.slugId}`;

/** A Halo timestamp in the student's zone, as every write answer states it (the raw value if it does not parse). */
export function haloTime(ctx: ToolContext, value: string): string {
  return when(value, ctx.config.timezone, ctx.now()) ?? value;
}

export function submissionLink(ctx: ToolContext, cls: ClassSummary, assessmentId: string): string {
  return `${courseUrl(ctx, cls)}#assignment-submission/${assessmentId}`;
}

function groupLink(ctx: ToolContext, cls: ClassSummary, assessmentId: string): string {
  return `${courseUrl(ctx, cls)}/groups?assessmentId=${assessmentId}`;
}
