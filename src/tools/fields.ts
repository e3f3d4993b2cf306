/**
 * Arguments many tools share, each described once. The tool catalogue is read by the model before every
 * conversation, so a phrase repeated in twenty schemas is paid twenty times: these say it briefly, and the
 * bounds a model needs (page sizes, defaults) sit in the schema rather than in the words.
 */
import { z } from "zod";

const CLASS_NAMES = "course code (CST-323), class code, slug, id or part of the name";

/** The class a tool works on; `what` names its role when "Class" is not enough. */
export const classRef = (what = "Class") => z.string().trim().min(1).max(200).describe(`${what}: ${CLASS_NAMES}.`);

/** An optional class filter for tools that otherwise cover `scope`. */
export const classFilter = (scope = "all current classes") =>
  z.string().trim().min(1, "class_ref is blank: name a class, or leave it out for all classes").max(200).optional()
    .describe(`Only this class: ${CLASS_NAMES}; omit for ${scope}.`);

/** An id the model copies from another tool's answer (full or a shown prefix). */
export const idField = (description: string) => z.string().trim().min(1).max(100).describe(description);

export const page = (max = 1000) => z.number().int().min(1).max(max).optional().describe("Page, from 1.");

export const pageSize = (max: number, fallback: number, noun: string) =>
  z.number().int().min(1).max(max).optional().describe(`${noun} per page (default ${fallback}).`);

export const ASSESSMENT_ID = "Assessment id (from view_assignments, whats_due or grades); or give title.";
export const assessmentTitle = z.string().trim().min(1).max(200).optional().describe("Title or part of it (fuzzy), e.g. topic 2 dq; or give assessment_id.");
