/**
 * Small, idempotent writes that only record that the student has seen something.
 */
import { z } from "zod";
import { GRADE_SEEN_TOOL, markSeen } from "../writes/grade-seen.js";
import { defineTool, type ToolDef } from "./define.js";

const gradeSeen = defineTool({
  name: GRADE_SEEN_TOOL,
  title: "Mark a grade as seen",
  description: "Records in Halo that the student has seen a PUBLISHED grade and its feedback (clears Halo's new-grade marker). Use only when the student asks; reading grades does not need it.",
  input: z.object({
    class_ref: z.string().trim().min(1).max(200).describe('The class: course code ("CST-323"), class code, slug or part of the name.'),
    assessment_id: z.string().trim().min(1).max(100).describe("The graded item's assessment id (from the grades tools)."),
  }),
  kind: "write",
  idempotent: true,
  handler: (args, ctx) => markSeen(args, ctx),
});

export const tools: ToolDef[] = [gradeSeen];
