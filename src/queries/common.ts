/**
 * Shared pieces of the read layer: raw shapes several documents return, and the class scope every
 * class-scoped call passes (Halo's web app sends both headers; some deployments may enforce them).
 */
import type { ClassContext } from "../halo/types.js";
import { plainText } from "../format/entities.js";

/** The minimum a class-scoped fetcher needs; ClassSummary from the class directory fits. */
export interface ClassRef {
  id: string;
  slugId: string;
}

export const scope = (cls: ClassRef): ClassContext => ({ slugId: cls.slugId, courseClassId: cls.id });

/** Halo's lists sometimes carry null entries; never let one reach shaping code. */
export function compact<T>(list: ReadonlyArray<T | null | undefined> | null | undefined): T[] {
  return (list ?? []).filter((x): x is T => x !== null && x !== undefined);
}

export interface RawPersonName {
  firstName?: string | null;
  lastName?: string | null;
  preferredFirstName?: string | null;
}

export interface RawResource {
  id: string;
  name?: string | null;
  kind?: string | null;
  type?: string | null;
}

export const RESOURCE_FIELDS = "id name kind type";

/** The assessment fields every list view needs (no description/rubric: those are per-assessment reads). */
export interface RawAssessmentSummary {
  id: string;
  title: string;
  type: string; // ASSIGNMENT | DISCUSSION_QUESTION | QUIZ | PARTICIPATION | LTI
  points?: number | null;
  dueDate?: string | null;
  startDate?: string | null;
  accommodatedDueDate?: string | null;
  tags?: Array<string | null> | null;
  requiresLopesWrite?: boolean | null;
  isGroupEnabled?: boolean | null;
  inPerson?: boolean | null;
  sequence?: number | null;
  courseClassId?: string | null;
}

/**
 * No document selects CourseClassAssessment.accommodatedDueDate: Halo's own app @skips it for students, and a
 * student's own accommodated dates come from the grade rows and submissions (witnessed). The field stays in
 * the type for data that sets it.
 */


/** Display name as Halo shows it: preferred first name wins. */
export function personName(u: RawPersonName | null | undefined): string {
  if (!u) return "someone";
  const first = plainText(u.preferredFirstName) || plainText(u.firstName);
  return [first, plainText(u.lastName)].filter(Boolean).join(" ") || "someone";
}
