/**
 * mark_grade_seen: tells Halo the student has seen a published grade (what Halo's web page records when
 * feedback is opened), so Halo's "new grade" badges clear.
 */
import { inClass } from "../queries/cached.js";
import { fetchClassGrades, type RawAssessmentGrade } from "../queries/gradebook.js";
import type { ClassSummary } from "../queries/class-directory.js";
import type { ToolContext } from "../queries/context.js";
import { ToolError } from "../queries/tool-error.js";
import { auditLog } from "./audit.js";
import type { Planned } from "./consent.js";
import { shown } from "./preview.js";
import { markGradeSeen } from "./queries.js";
import { haloTime } from "./assignment.js";
import { markThenVerify } from "./mark.js";

export const GRADE_SEEN_TOOL = "mark_grade_seen";

export async function planGradeSeen(args: { class_ref: string; assessment_id: string }, ctx: ToolContext): Promise<Planned> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const cls = await ctx.classes.resolve(args.class_ref);
  const entry = { tool: GRADE_SEEN_TOOL, class: cls.slugId, assessment: args.assessment_id };
  const read = async () => (await inClass(cls, () => fetchClassGrades(ctx.halo, cls))).grades.find((g) => g.assessment.id === args.assessment_id);
  const row = await read();
  if (!row) {
    await audit.append({ ...entry, outcome: "refused", reason: "no such graded item" });
    throw new ToolError(`${cls.courseCode} has no graded item with id ${args.assessment_id}. Use the grades tool for this class to get the right id. Nothing was changed.`);
  }
  if (row.status !== "PUBLISHED") {
    await audit.append({ ...entry, outcome: "refused", reason: "grade not published" });
    throw new ToolError(`"${shown(row.assessment.title)}" has no published grade yet, so there is nothing to mark as seen. Nothing was changed.`);
  }
  if (row.userLastSeenDate) {
    return `"${shown(row.assessment.title)}" is already marked as seen (${haloTime(ctx, row.userLastSeenDate)}). Nothing changed.`;
  }
  const title = shown(row.assessment.title);
  return {
    audit: { class: cls.slugId, assessment: args.assessment_id },
    preview: [`Mark the grade for "${title}" (${shown(cls.courseCode)}) as seen: Halo clears its new-grade marker and records that you saw the grade and feedback.`],
    state: { classId: cls.id, gradeId: row.id },
    nothing: "changed",
    run: () => markNow(ctx, { row, title, entry, read, cls }),
  };
}

interface Seen {
  row: RawAssessmentGrade;
  title: string;
  cls: ClassSummary;
  entry: { tool: string; class: string; assessment: string };
  read: () => Promise<RawAssessmentGrade | undefined>;
}

async function markNow(ctx: ToolContext, s: Seen): Promise<string> {
  const { row, title, entry, read, cls } = s;
  const after = await markThenVerify(ctx, {
    entry,
    send: () => markGradeSeen(ctx.halo, row.id, cls),
    refused: (reason) => `Halo did not mark "${title}" as seen: ${reason}. Nothing else was changed; you can try again.`,
    reread: read,
    shows: (g) => Boolean(g.userLastSeenDate),
  });
  if (!after?.userLastSeenDate) return `Halo accepted marking "${title}" as seen, but its gradebook does not show it yet.`;
  return `Marked the grade for "${title}" (${shown(cls.courseCode)}) as seen; Halo records ${haloTime(ctx, after.userLastSeenDate)}.`;
}
