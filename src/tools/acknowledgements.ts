/**
 * Small, idempotent writes that only record that the student has seen something.
 */
import { z } from "zod";
import { ACK_TOOL, planAcknowledge } from "../writes/acknowledge.js";
import { writeTool } from "../writes/consent.js";
import { GRADE_SEEN_TOOL, planGradeSeen } from "../writes/grade-seen.js";
import { classRef, idField } from "./fields.js";
import type { ToolDef } from "./define.js";

const gradeSeen = writeTool({
  name: GRADE_SEEN_TOOL,
  title: "Mark a grade as seen",
  description: "Record in Halo that the student has seen a PUBLISHED grade and its feedback (clears the new-grade marker). Only when the student asks; reading grades does not need it.",
  input: z.object({
    class_ref: classRef(),
    assessment_id: idField("The graded item's assessment id, from grades."),
  }),
  kind: "write",
  idempotent: true,
  plan: planGradeSeen,
});

const ackAnnouncement = writeTool({
  name: ACK_TOOL,
  title: "Acknowledge an announcement",
  description: "Record in Halo that the student read an announcement (markPostsAsRead), which also gives the acknowledgement some require. Only when the student says they read it.",
  input: z.object({
    class_ref: classRef(),
    post_id: idField("The announcement's id, from announcements."),
  }),
  kind: "write",
  idempotent: true,
  plan: planAcknowledge,
});

export const tools: ToolDef[] = [gradeSeen, ackAnnouncement];
