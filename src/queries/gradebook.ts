/**
 * The student's gradebook for one class: the shared read behind grades, feedback, whats_due, grades_summary,
 * grade targets and what_changed. getAllClassGrades returns a LIST (one element for the caller).
 * Never trust `finalPoints` unless the row's status is PUBLISHED.
 */
import type { HaloApi } from "../halo/types.js";
import { ASSESSMENT_SUMMARY_FIELDS, compact, scope, type ClassRef, type RawAssessmentSummary } from "./common.js";

export const CLASS_GRADES_QUERY = `query GetAllClassGrades($courseClassSlugId: String!) {
  getAllClassGrades(courseClassSlugId: $courseClassSlugId) {
    finalGrade { id gradeValue finalPoints maxPoints isPublished }
    grades {
      id status dueDate accommodatedDueDate gradedDate modifiedDate userLastSeenDate isEverReassigned finalPoints
      assessment { ${ASSESSMENT_SUMMARY_FIELDS} }
      assignmentSubmission { id status submissionDate dueDate accommodatedDueDate resources { id resource { id name } } }
      finalComment { comment }
      rubricScores { criteriaId rubricCellId comment }
      userQuizAssessment { userQuizId dueTime submissionDate }
      post { id publishDate }
      assessmentGroup { id name }
      participationSummary { allPostsCount endDate substantivePostsSummary { date substantivePostsCount totalPostsCount } }
      history { gradeId status points dueDate }
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
  substantivePostsSummary?: Array<{ date?: string | null; substantivePostsCount?: number | null; totalPostsCount?: number | null } | null> | null;
}

export interface RawAssessmentGrade {
  /** Grade row id (addStudentGradeSeenDateTime takes it). */
  id: string;
  status: GradeStatus;
  dueDate?: string | null;
  accommodatedDueDate?: string | null;
  gradedDate?: string | null;
  modifiedDate?: string | null;
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
  history?: Array<{ gradeId?: string | null; status?: string | null; points?: number | null; dueDate?: string | null } | null> | null;
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

export async function fetchClassGrades(halo: HaloApi, cls: ClassRef): Promise<RawClassGrade> {
  const data = await halo.query<Reply>({
    operationName: "GetAllClassGrades",
    query: CLASS_GRADES_QUERY,
    variables: { courseClassSlugId: cls.slugId },
    context: scope(cls),
  });
  return normaliseClassGrades(data.getAllClassGrades);
}

export const isPublished = (g: { status?: string | null }): boolean => g.status === "PUBLISHED";
