/**
 * mark_grade_seen: tells Halo the student has seen a published grade (what Halo's web page records when
 * feedback is opened), so Halo's "new grade" badges clear.
 */
import { when } from "../format/dates.js";
import { inClass } from "../queries/cached.js";
import { fetchClassGrades } from "../queries/gradebook.js";
import type { ToolContext } from "../tools/context.js";
import { ToolError } from "../tools/errors.js";
import { auditLog } from "./audit.js";
import { markGradeSeen } from "./queries.js";
import { failureReason } from "./upload.js";

export const GRADE_SEEN_TOOL = "mark_grade_seen";

export async function markSeen(args: { class_ref: string; assessment_id: string }, ctx: ToolContext): Promise<string> {
  const audit = auditLog(ctx.stateDir, ctx.now, ctx.log);
  const cls = await ctx.classes.resolve(args.class_ref);
  const entry = { tool: GRADE_SEEN_TOOL, class: cls.slugId, assessment: args.assessment_id };
  const read = async () => (await inClass(cls, () => fetchClassGrades(ctx.halo, cls))).grades.find((g) => g.assessment.id === args.assessment_id);
  const row = await read();
  const tz = ctx.config.timezone;
  if (!row) {
    await audit.append({ ...entry, outcome: "refused", reason: "no such graded item" });
    throw new ToolError(`${cls.courseCode} has no graded item with id ${args.assessment_id}. Use the grades tool for this class to get the right id. Nothing was changed.`);
  }
  if (row.status !== "PUBLISHED") {
    await audit.append({ ...entry, outcome: "refused", reason: "grade not published" });
    throw new ToolError(`"${row.assessment.title}" has no published grade yet, so there is nothing to mark as seen. Nothing was changed.`);
  }
  if (row.userLastSeenDate) {
    return `"${row.assessment.title}" is already marked as seen (${when(row.userLastSeenDate, tz, ctx.now()) ?? row.userLastSeenDate}). Nothing changed.`;
  }
  try {
    await markGradeSeen(ctx.halo, row.id, cls);
  } catch (e) {
    await audit.append({ ...entry, outcome: "failed", step: "mark" });
    throw new ToolError(`Halo did not mark "${row.assessment.title}" as seen: ${failureReason(ctx, e)}. Nothing else was changed; you can try again.`);
  }
  ctx.cache.invalidate();
  const after = await read().catch(() => undefined);
  if (!after?.userLastSeenDate) {
    await audit.append({ ...entry, outcome: "unverified", step: "verify" });
    return `Halo accepted marking "${row.assessment.title}" as seen, but its gradebook does not show it yet.`;
  }
  await audit.append({ ...entry, outcome: "succeeded" });
  return `Marked the grade for "${row.assessment.title}" (${cls.courseCode}) as seen; Halo records ${when(after.userLastSeenDate, tz, ctx.now()) ?? after.userLastSeenDate}.`;
}
