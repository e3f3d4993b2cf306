/**
 * The student's gradebook for one class: the shared read behind grades, feedback, whats_due, grades_summary,
 * grade targets and what_changed. getAllClassGrades returns a LIST (one element for the caller).
 * Never trust `finalPoints` unless the row's status is PUBLISHED.
 */
import type { HaloApi } from "../halo/types.js";
import { compact, scope, type ClassRef, type RawAssessmentSummary } from "./common.js";
import { withCompanions, type Companion } from "./companion.js";

const ROOT = "getAllClassGrades";

/**
 * Core: S1's GradeOverview ∪ AllAssessmentGrades (Halo's own queries) plus S2's gradedDate and rubricScores.
 * Nothing here is merely plausible: one unknown field would take out every gradebook tool at once.
 */
export const CLASS_GRADES_QUERY = `query GetAllClassGrades($courseClassSlugId: String!) {
  getAllClassGrades(courseClassSlugId: $courseClassSlugId) {
    finalGrade { id gradeValue finalPoints maxPoints isPublished }
    grades {
      id status dueDate accommodatedDueDate gradedDate userLastSeenDate isEverReassigned finalPoints
      assessment { id title type points dueDate inPerson }
      assignmentSubmission { id submissionDate }
      finalComment { comment }
      rubricScores { criteriaId rubricCellId comment }
      userQuizAssessment { userQuizId dueTime submissionDate }
      post { id publishDate }
    }
  }
}`;

/** Extras on current types but never seen on this root: assessment flags and the submission's own dates/files. */
export const GRADE_DETAILS_QUERY = `query GetAllClassGradeDetails($courseClassSlugId: String!) {
  getAllClassGrades(courseClassSlugId: $courseClassSlugId) {
    grades {
      id
      assessment { id startDate tags requiresLopesWrite isGroupEnabled sequence }
      assignmentSubmission { id status dueDate accommodatedDueDate resources { id resource { id name } } }
    }
  }
}`;

/** Extras last witnessed in 2023 on the single-grade root: group name/id and participation progress. */
export const GRADE_GROUPS_QUERY = `query GetAllClassGradeGroups($courseClassSlugId: String!) {
  getAllClassGrades(courseClassSlugId: $courseClassSlugId) {
    grades {
      id
      assessmentGroup { id name }
      participationSummary { allPostsCount endDate substantivePostsSummary { date substantivePostsCount } }
    }
  }
}`;

export type GradeStatus = "UPCOMING" | "ACTIVE" | "IN_PROGRESS" | "SUBMITTED" | "LATE" | "OVERDUE" | "REASSIGNED" | "PUBLISHED" | (string & {});

export interface RawFinalGrade {
  id?: string | null;
  gradeValue?: string | null;
  finalPoints?: number | null;
  maxPoints?: number | null;
  isPublished?: boolean | null;
}

export interface RawSubmissionSummary {
  id: string;
  status?: string | null;
  submissionDate?: string | null;
  dueDate?: string | null;
  accommodatedDueDate?: string | null;
  resources?: Array<{ id: string; resource?: { id: string; name?: string | null } | null } | null> | null;
}

export interface RawRubricScore {
  criteriaId: string;
  rubricCellId?: string | null;
  comment?: string | null;
}

export interface RawParticipationSummary {
  allPostsCount?: number | null;
  endDate?: string | null;
  substantivePostsSummary?: Array<{ date?: string | null; substantivePostsCount?: number | null } | null> | null;
}

export interface RawAssessmentGrade {
  /** Grade row id (addStudentGradeSeenDateTime takes it). */
  id: string;
  status: GradeStatus;
  dueDate?: string | null;
  accommodatedDueDate?: string | null;
  gradedDate?: string | null;
  userLastSeenDate?: string | null;
  isEverReassigned?: boolean | null;
  /** Only meaningful when status is PUBLISHED. */
  finalPoints?: number | null;
  assessment: RawAssessmentSummary;
  assignmentSubmission?: RawSubmissionSummary | null;
  finalComment?: { comment?: string | null } | null;
  rubricScores?: Array<RawRubricScore | null> | null;
  userQuizAssessment?: { userQuizId?: string | null; dueTime?: string | null; submissionDate?: string | null } | null;
  post?: { id: string; publishDate?: string | null } | null;
  assessmentGroup?: { id: string; name?: string | null } | null;
  participationSummary?: RawParticipationSummary | null;
}

export interface RawClassGrade {
  finalGrade: RawFinalGrade | null;
  grades: RawAssessmentGrade[];
}

interface Reply {
  getAllClassGrades: Array<{ finalGrade?: RawFinalGrade | null; grades?: Array<RawAssessmentGrade | null> | null } | null> | { finalGrade?: RawFinalGrade | null; grades?: Array<RawAssessmentGrade | null> | null } | null;
}

/** Normalises the one-element list (or, defensively, a bare object) into one gradebook; rows without an assessment are dropped. */
export function normaliseClassGrades(raw: Reply["getAllClassGrades"]): RawClassGrade {
  const first = Array.isArray(raw) ? compact(raw)[0] : raw;
  return {
    finalGrade: first?.finalGrade ?? null,
    grades: compact(first?.grades).filter((g) => !!g.assessment),
  };
}

type Row = Partial<RawAssessmentGrade> & { id?: string | null };

/** Folds one companion's rows into the core rows by grade id; nested assessment/submission merge field by field. */
function mergeRows(rows: ReadonlyArray<Row | null> | null | undefined): (core: RawClassGrade) => RawClassGrade {
  const byId = new Map(compact(rows).filter((r) => r.id).map((r) => [r.id!, r] as const));
  return (core) => ({
    ...core,
    grades: core.grades.map((g) => {
      const x = byId.get(g.id);
      if (!x) return g;
      const { assessment, assignmentSubmission, id: _id, ...rest } = x;
      const sub = assignmentSubmission ? { ...assignmentSubmission, ...g.assignmentSubmission, id: g.assignmentSubmission?.id ?? assignmentSubmission.id } : g.assignmentSubmission;
      return { ...g, ...rest, assessment: { ...assessment, ...g.assessment }, ...(sub ? { assignmentSubmission: sub } : {}) };
    }),
  });
}

function companion(halo: HaloApi, cls: ClassRef, feature: string, operationName: string, query: string): Companion<RawClassGrade> {
  return {
    feature,
    run: async () => {
      const data = await halo.query<Reply>({ operationName, query, feature, variables: { courseClassSlugId: cls.slugId }, context: scope(cls), required: [`${ROOT}.grades.id`], optional: [`${ROOT}.grades`] });
      const first = Array.isArray(data.getAllClassGrades) ? compact(data.getAllClassGrades)[0] : data.getAllClassGrades;
      return mergeRows(first?.grades);
    },
  };
}

/** The witnessed core alone: status, dates, points, scores, submission and post ids, feedback. */
export function fetchGradeCore(halo: HaloApi, cls: ClassRef): Promise<RawClassGrade> {
  return halo
    .query<Reply>({
      operationName: "GetAllClassGrades",
      query: CLASS_GRADES_QUERY,
      feature: "gradebook",
      variables: { courseClassSlugId: cls.slugId },
      context: scope(cls),
      required: ["id", "status", "dueDate", "accommodatedDueDate", "finalPoints"].map((f) => `${ROOT}.grades.${f}`).concat(["id", "title", "type", "dueDate"].map((f) => `${ROOT}.grades.assessment.${f}`)),
      optional: ["finalComment", "rubricScores", "userQuizAssessment", "post"].map((f) => `${ROOT}.grades.${f}`),
    })
    .then((data) => normaliseClassGrades(data.getAllClassGrades));
}

/**
 * The gradebook's two companions, each fetched only by tools whose answers use it: "details" (assessment flags,
 * the submission's own status, dates and files) and "groups" (group name and id, participation progress).
 */
export type GradePart = "details" | "groups";
export const GRADE_PARTS: readonly GradePart[] = ["details", "groups"];

export function gradeCompanion(halo: HaloApi, cls: ClassRef, part: GradePart): Companion<RawClassGrade> {
  return part === "details"
    ? companion(halo, cls, "assignment flags and submitted files", "GetAllClassGradeDetails", GRADE_DETAILS_QUERY)
    : companion(halo, cls, "group names and participation progress", "GetAllClassGradeGroups", GRADE_GROUPS_QUERY);
}

/** The whole gradebook (core and both companions in parallel), for the writes and doctor, which read it uncached. */
export function fetchClassGrades(halo: HaloApi, cls: ClassRef): Promise<RawClassGrade> {
  return withCompanions(fetchGradeCore(halo, cls), GRADE_PARTS.map((p) => gradeCompanion(halo, cls, p)));
}

/**
 * Assessment facts the core lacks (start dates, group flags, tags), as the audit advises: from class detail's unit
 * listing, which is witnessed (CurrentClass), joined by assessment id; the gradebook's own values win.
 */
export function withUnitAssessments(book: RawClassGrade, units: ReadonlyArray<{ assessments: ReadonlyArray<Partial<RawAssessmentSummary> & { id: string }> }>): RawClassGrade {
  const byId = new Map(units.flatMap((u) => u.assessments).map((a) => [a.id, a] as const));
  return { ...book, grades: book.grades.map((g) => ({ ...g, assessment: { ...byId.get(g.assessment.id), ...g.assessment } })) };
}

export const isPublished = (g: { status?: string | null }): boolean => g.status === "PUBLISHED";
