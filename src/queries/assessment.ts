/**
 * Per-assessment reads: the full assessment (instructions, rubric, attachments), the student's own submission,
 * one grade row, and a quiz result. Ids are assessment UUIDs from the gradebook or class detail.
 */
import type { HaloApi } from "../halo/types.js";
import { ASSESSMENT_SUMMARY_FIELDS, compact, scope, type ClassRef, type RawAssessmentSummary, type RawPersonName } from "./common.js";
import type { RawRubricScore } from "./gradebook.js";

export const ASSESSMENT_QUERY = `query GetCourseClassAssessmentById($id: String!) {
  getCourseClassAssessmentById(id: $id) {
    ${ASSESSMENT_SUMMARY_FIELDS} description
    rubric { id name criteria { id name description points sequence achievementLevels { cellId name description points sequence } } }
    attachments { id resourceId title }
  }
}`;

export interface RawAchievementLevel {
  cellId: string;
  name?: string | null;
  description?: string | null;
  points?: number | null;
  sequence?: number | null;
}
export interface RawCriterion {
  id: string;
  name?: string | null;
  description?: string | null;
  points?: number | null;
  sequence?: number | null;
  achievementLevels?: Array<RawAchievementLevel | null> | null;
}
export interface RawRubric {
  id?: string | null;
  name?: string | null;
  criteria?: Array<RawCriterion | null> | null;
}
export interface RawAssessment extends RawAssessmentSummary {
  description?: string | null;
  rubric?: RawRubric | null;
  attachments?: Array<{ id: string; resourceId?: string | null; title?: string | null } | null> | null;
}

export async function fetchAssessment(halo: HaloApi, id: string, cls?: ClassRef): Promise<RawAssessment | null> {
  const data = await halo.query<{ getCourseClassAssessmentById: RawAssessment | null }>({
    operationName: "GetCourseClassAssessmentById",
    query: ASSESSMENT_QUERY,
    variables: { id },
    ...(cls ? { context: scope(cls) } : {}),
  });
  return data.getCourseClassAssessmentById ?? null;
}

export const SUBMISSION_QUERY = `query GetUserAssignmentSubmissionForAssessment($courseClassAssessmentId: String!) {
  getUserAssignmentSubmissionForAssessment(courseClassAssessmentId: $courseClassAssessmentId) {
    id status dueDate accommodatedDueDate submissionDate
    resources { id isFinal uploadDate wordCount similarityScore similarityReportStatusEnum resource { id name kind type } }
  }
}`;

export interface RawSubmissionResource {
  /** The submission-resource id (the submit call needs it; download_resource takes resource.id). */
  id: string;
  isFinal?: boolean | null;
  uploadDate?: string | null;
  wordCount?: number | null;
  similarityScore?: number | null;
  similarityReportStatusEnum?: string | null;
  resource?: { id: string; name?: string | null; kind?: string | null; type?: string | null } | null;
}
export interface RawSubmission {
  id: string;
  status?: string | null;
  dueDate?: string | null;
  accommodatedDueDate?: string | null;
  submissionDate?: string | null;
  resources?: Array<RawSubmissionResource | null> | null;
}

/** Null when the student has not started a submission. */
export async function fetchSubmission(halo: HaloApi, assessmentId: string, cls: ClassRef): Promise<RawSubmission | null> {
  const data = await halo.query<{ getUserAssignmentSubmissionForAssessment: RawSubmission | null }>({
    operationName: "GetUserAssignmentSubmissionForAssessment",
    query: SUBMISSION_QUERY,
    variables: { courseClassAssessmentId: assessmentId },
    context: scope(cls),
  });
  const s = data.getUserAssignmentSubmissionForAssessment;
  return s?.id ? { ...s, resources: compact(s.resources) } : null;
}

export const GRADE_QUERY = `query GetGradeForUserCourseClassAssessment($courseClassAssessmentId: String!, $userId: String!) {
  getGradeForUserCourseClassAssessment(courseClassAssessmentId: $courseClassAssessmentId, userId: $userId) {
    id status dueDate accommodatedDueDate gradedDate finalPoints
    finalComment { comment commentResources { resource { id name } } }
    rubricScores { criteriaId rubricCellId comment }
    userQuizAssessment { userQuizId submissionDate }
  }
}`;

export interface RawGradeDetail {
  id: string;
  status: string;
  dueDate?: string | null;
  accommodatedDueDate?: string | null;
  gradedDate?: string | null;
  finalPoints?: number | null;
  finalComment?: { comment?: string | null; commentResources?: Array<{ resource?: { id: string; name?: string | null } | null } | null> | null } | null;
  rubricScores?: Array<RawRubricScore | null> | null;
  userQuizAssessment?: { userQuizId?: string | null; submissionDate?: string | null } | null;
}

export async function fetchGrade(halo: HaloApi, assessmentId: string, userId: string, cls: ClassRef): Promise<RawGradeDetail | null> {
  const data = await halo.query<{ getGradeForUserCourseClassAssessment: RawGradeDetail | null }>({
    operationName: "GetGradeForUserCourseClassAssessment",
    query: GRADE_QUERY,
    variables: { courseClassAssessmentId: assessmentId, userId },
    context: scope(cls),
  });
  return data.getGradeForUserCourseClassAssessment ?? null;
}

export const QUIZ_RESULT_QUERY = `query UserQuizResult($id: String!) {
  userQuizResult(id: $id) { finalScore questionsAnswered totalCorrect totalIncorrect }
}`;

export interface RawQuizResult {
  finalScore?: number | null;
  questionsAnswered?: number | null;
  totalCorrect?: number | null;
  totalIncorrect?: number | null;
}

export async function fetchQuizResult(halo: HaloApi, userQuizId: string, cls: ClassRef): Promise<RawQuizResult | null> {
  const data = await halo.query<{ userQuizResult: RawQuizResult | null }>({
    operationName: "UserQuizResult",
    query: QUIZ_RESULT_QUERY,
    variables: { id: userQuizId },
    context: scope(cls),
  });
  return data.userQuizResult ?? null;
}

export const USER_QUERY = `query GetUserById($id: String!) {
  getUserById(id: $id) { id username firstName lastName preferredFirstName userStatus lastLogin socialContacts { value socialContactType } }
}`;

export interface RawUser extends RawPersonName {
  id: string;
  username?: string | null;
  userStatus?: string | null;
  lastLogin?: string | null;
  socialContacts?: Array<{ value?: string | null; socialContactType?: string | null } | null> | null;
}

export async function fetchUser(halo: HaloApi, id: string): Promise<RawUser | null> {
  const data = await halo.query<{ getUserById: RawUser | null }>({ operationName: "GetUserById", query: USER_QUERY, variables: { id } });
  return data.getUserById ?? null;
}
