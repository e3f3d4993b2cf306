/**
 * Small, idempotent writes that only record that the student has seen something.
 */
import { z } from "zod";
import { ACK_TOOL, acknowledge } from "../writes/acknowledge.js";
import { GRADE_SEEN_TOOL, markSeen } from "../writes/grade-seen.js";
import { defineTool, type ToolDef } from "./define.js";

const gradeSeen = defineTool({
  name: GRADE_SEEN_TOOL,
  title: "Mark a grade as seen",
  description: "Records in Halo that the student has seen a PUBLISHED grade and its feedback (clears Halo's new-grade marker). Use only when the student asks; reading grades does not need it.",
  input: z.object({
    class_ref: z.string().trim().min(1).max(200).describe('The class: course code ("CST-323"), class code, slug or part of the name.'),
    assessment_id: z.string().trim().min(1).max(100).describe("The graded item's assessment id (from the `grades` tool)."),
  }),
  kind: "write",
  idempotent: true,
  handler: (args, ctx) => markSeen(args, ctx),
});

const ackAnnouncement = defineTool({
  name: ACK_TOOL,
  title: "Acknowledge an announcement",
  description: "Records in Halo that the student has read an announcement (Halo's markPostsAsRead), which also gives the acknowledgement some announcements require. Use only when the student says they have read it.",
  input: z.object({
    class_ref: z.string().trim().min(1).max(200).describe('The class: course code ("CST-323"), class code, slug or part of the name.'),
    post_id: z.string().trim().min(1).max(100).describe("The announcement's id (from the `announcements` tool)."),
  }),
  kind: "write",
  idempotent: true,
  handler: (args, ctx) => acknowledge(args, ctx),
});

export const tools: ToolDef[] = [gradeSeen, ackAnnouncement];
