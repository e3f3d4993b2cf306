/**
 * The raw shapes the assistant logic reads: the shared read layer's types (src/queries), plus the two small
 * pieces it has no name for. Pure functions take these so fixtures and live data go through the same code.
 */
export type { RawAssessmentGrade as RawGrade, RawClassGrade, RawFinalGrade } from "../queries/gradebook.js";
export type { RawGradeScaleEntry as RawScaleEntry } from "../queries/class-detail.js";

export interface RawPolicy {
  numDays?: number | null;
  numPosts?: number | null;
  description?: string | null;
}

/** Which class a list of items belongs to (enough for labels and deep links). */
export interface ClassRef {
  id: string;
  slugId: string;
  courseCode: string;
  name: string;
}
