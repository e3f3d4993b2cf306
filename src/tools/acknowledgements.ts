/**
 * Small, idempotent writes that only record that the student has seen something.
 */
import { z } from "zod";
import { ACK_TOOL, planAcknowledge } from "../writes/acknowledge.js";
import { writeTool } from "../writes/consent.js";
import { GRADE_SEEN_TOOL, planGradeSeen } from "../writes/grade-seen.js";
import type { ToolDef } from "./define.js";

const gradeSeen = writeTool({
  name: GRADE_SEEN_TOOL,
  title: "Mark a grade as seen",
  description: "Records in Halo that the student has seen a PUBLISHED grade and its feedback (clears Halo's new-grade marker). Use only when the student asks; reading grades does not need it.",
  input: z.object({
    class_ref: z.string().trim().min(1).max(200).describe('The class: course code ("CST-323"), class code, slug or part of the name.'),
    assessment_id: z.string().trim().min(1).max(100).describe("The graded item's assessment id (from the `grades` tool)."),
  }),
  kind: "write",
  idempotent: true,
  plan: planGradeSeen,
});

const ackAnnouncement = writeTool({
  name: ACK_TOOL,
  title: "Acknowledge an announcement",
  description: "Records in Halo that the student has read an announcement (Halo's markPostsAsRead), which also gives the acknowledgement some announcements require. Use only when the student says they have read it.",
  input: z.object({
    class_ref: z.string().trim().min(1).max(200).describe('The class: course code ("CST-323"), class code, slug or part of the name.'),
    post_id: z.string().trim().min(1).max(100).describe("The announcement's id (from the `announcements` tool)."),
  }),
  kind: "write",
  idempotent: true,
  plan: planAcknowledge,
});

export const tools: ToolDef[] = [gradeSeen, ackAnnouncement];
