/**
 * view_assignments (one class's work, by unit) and assignment_details (one item in full).
 */
import { z } from "zod";
import { ASSESSMENT_ID, assessmentTitle, classFilter, classRef, idField } from "./fields.js";
import { defineTool, type ToolDef } from "./define.js";
import { classDetail, classGrades, classLabel, inClass } from "../queries/cached.js";
import { fetchAssessment, fetchSubmission } from "../queries/assessment.js";
import { locateAssessment } from "../queries/locate.js";
import { groupByUnit, pickUnit, renderAssignments } from "../shape/assignments.js";
import { renderDetails } from "../shape/details.js";
import { assessmentLink, classLink } from "../shape/common.js";
import { ToolError } from "../queries/tool-error.js";
import { attachedFilesText } from "./attached-files.js";

export const tools: ToolDef[] = [
  defineTool({
    name: "view_assignments",
    title: "List a class's assignments",
    description: "One class's assignments, discussions and quizzes by unit: your due dates (accommodations applied), status, published scores and the ids assignment_details and feedback take.",
    input: z.object({
      class_ref: classRef(),
      unit: z.string().trim().min(1).max(100).optional().describe("Only one unit: current, its number or part of its title; default all."),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const cls = await ctx.classes.resolve(args.class_ref);
      const [book, detail] = await Promise.all([classGrades(ctx, cls), classDetail(ctx, cls)]);
      let groups = groupByUnit(book.grades, detail.units);
      if (args.unit) {
        const picked = pickUnit(groups, args.unit);
        if (!picked) throw new ToolError(`No unit of ${classLabel(cls)} matches "${args.unit}". Units: ${groups.map((g) => g.title).join("; ")}.`);
        groups = picked;
      }
      return renderAssignments(classLabel(cls), groups, { tz: ctx.config.timezone, now: ctx.now() });
    },
  }),
  defineTool({
    name: "assignment_details",
    title: "Show one assignment in full",
    description: "Everything about one assignment, discussion or quiz: instructions, points, due dates, rubric, attached files, LopesWrite/group flags, your submission and the Halo link. Give assessment_id or title.",
    input: z.object({
      assessment_id: idField(ASSESSMENT_ID).optional(),
      title: assessmentTitle,
      class_ref: classFilter(),
      max_chars: z.number().int().min(500).max(50_000).optional().describe("Cap on the instructions text (default 8000)."),
      include_files: z.boolean().optional().describe("Also include the attached files' text (PDF, Word, PowerPoint, Excel, text), capped."),
    }),
    kind: "read",
    handler: async (args, ctx) => {
      const found = await locateAssessment(ctx, args);
      const { cls } = found;
      const a = found.assessment ?? (await inClass(cls, () => fetchAssessment(ctx.halo, found.id, cls)));
      if (!a) throw new ToolError(`Halo returned no details for assessment ${found.id}.`);
      const wantsSubmission = a.type === "ASSIGNMENT" || (!a.type && !!found.grade?.assignmentSubmission);
      const submission = wantsSubmission ? await inClass(cls, () => fetchSubmission(ctx.halo, a.id, cls)) : null;
      const base = ctx.config.halo.baseUrl;
      const link = a.type === "DISCUSSION_QUESTION" || a.type === "LTI" ? classLink(base, cls.slugId) : assessmentLink(base, cls.slugId, a);
      const details = renderDetails(
        { assessment: a, ...(found.grade ? { grade: found.grade } : {}), submission, classLabel: `${classLabel(cls)}`, link, maxChars: args.max_chars ?? 8000 },
        { tz: ctx.config.timezone, now: ctx.now() },
      );
      return args.include_files ? `${details}\n\n${await attachedFilesText(ctx, a, cls)}` : details;
    },
  }),
];
