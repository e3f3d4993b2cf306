/**
 * grades (one class's gradebook) and feedback (one graded item: score, comment, rubric, quiz result).
 */
import { z } from "zod";
import { ASSESSMENT_ID, assessmentTitle, classRef, idField } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import { classGrades, classLabel, inClass } from "../queries/cached.js";
import { fetchAssessment, fetchGrade, fetchQuizResult, type RawGradeDetail, type RawQuizResult } from "../queries/assessment.js";
import { locateAssessment } from "../queries/locate.js";
import { renderFeedback, renderGrades } from "../shape/grades.js";
import { isHaloError } from "../halo/errors.js";
import { ToolError } from "../queries/tool-error.js";


/** Optional extras must not sink the answer; only access and session problems are worth surfacing. */
async function optional<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    if (isHaloError(err) && ["access", "auth", "session_expired", "no_credentials"].includes(err.kind)) throw err;
    if (err instanceof ToolError) throw err;
    return null;
  }
}

export const tools: ToolDef[] = [
  defineTool({
    name: "grades",
    title: "Show a class's grades",
    description: "One class's gradebook: final grade when published, points so far, and each item's published score or status (comments and rubric scores: feedback).",
    input: z.object({ class_ref: classRef() }),
    kind: "read",
    handler: async (args, ctx) => {
      const cls = await ctx.classes.resolve(args.class_ref);
      return renderGrades(classLabel(cls), await classGrades(ctx, cls), { tz: ctx.config.timezone, now: ctx.now() });
    },
  }),
  defineTool({
    name: "feedback",
    title: "Show feedback on graded work",
    description: "The instructor's feedback on one graded item: score, comment, files, rubric scores and quiz result, once the grade is published.",
    input: z.object({
      class_ref: classRef(),
      assessment_id: idField(ASSESSMENT_ID).optional(),
      title: assessmentTitle,
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const found = await locateAssessment(ctx, args);
      const { cls } = found;
      const label = classLabel(cls);
      if (!found.grade) return { text: `Halo has no grade record for "${found.title}" in ${label} yet, so there is no feedback.`, isError: false };
      const grade = found.grade;
      const clock = { tz: ctx.config.timezone, now: ctx.now() };
      if (grade.status !== "PUBLISHED") return renderFeedback({ classLabel: label, grade }, clock);
      const me = (await ctx.halo.session()).userId;
      const quizId = grade.userQuizAssessment?.userQuizId;
      const [detail, assessment, quiz] = await Promise.all([
        optional<RawGradeDetail | null>(() => inClass(cls, () => fetchGrade(ctx.halo, found.id, me, cls))),
        found.assessment ?? optional(() => inClass(cls, () => fetchAssessment(ctx.halo, found.id, cls))),
        grade.assessment.type === "QUIZ" && quizId ? optional<RawQuizResult | null>(() => inClass(cls, () => fetchQuizResult(ctx.halo, quizId, cls))) : null,
      ]);
      // The per-item read may lag the gradebook; it only adds detail when it agrees the grade is published.
      const useDetail = detail && detail.status === "PUBLISHED" ? detail : null;
      return renderFeedback({ classLabel: label, grade, detail: useDetail, assessment, quiz }, clock);
    },
  }),
];
