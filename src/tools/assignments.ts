/**
 * view_assignments (one class's work, by unit) and assignment_details (one item in full).
 */
import { z } from "zod";
import { defineTool, type ToolDef } from "./define.js";
import { classDetail, classGrades, classLabel, inClass } from "../queries/cached.js";
import { fetchAssessment, fetchSubmission } from "../queries/assessment.js";
import { locateAssessment } from "../queries/locate.js";
import { groupByUnit, pickUnit, renderAssignments } from "../shape/assignments.js";
import { renderDetails } from "../shape/details.js";
import { assessmentLink, classLink } from "../shape/common.js";
import { ToolError } from "../queries/tool-error.js";
import { attachedFilesText } from "./attached-files.js";

const classRef = z.string().trim().min(1).max(200);

export const tools: ToolDef[] = [
  defineTool({
    name: "view_assignments",
    title: "List a class's assignments",
    description: "List every assignment, discussion and quiz of one class by unit: due dates (accommodations applied), your status, published scores, and the ids assignment_details and feedback take.",
    input: z.object({
      class_ref: classRef.describe('Class: course code ("CST-323"), class code, slug, UUID or part of the name.'),
      unit: z.string().trim().min(1).max(100).optional().describe('Only one unit: "current", its number ("4") or part of its title; default all units.'),
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
    description: "Everything about one assignment, discussion or quiz: instructions, points, due dates, rubric with levels, attached files (include_files: their text too), LopesWrite/group flags, your submission and files, and the Halo link. Find it by assessment_id or by title (searches the class, or all current classes).",
    input: z.object({
      assessment_id: z.string().trim().min(1).max(100).optional().describe("Assessment id from view_assignments or grades. Give this or title."),
      title: z.string().trim().min(1).max(200).optional().describe('Title or part of it, e.g. "topic 2 dq" (fuzzy). Give this or assessment_id.'),
      class_ref: classRef.optional().describe("Class to search (course code, class code, slug, UUID or name part); default: all current classes."),
      max_chars: z.number().int().min(500).max(50_000).optional().describe("Cap on the instructions text (default 8000); a marker says when it was cut."),
      include_files: z.boolean().optional().describe("Also download the attached files and include their text (PDF, Word, PowerPoint, Excel, text), capped; default false."),
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
