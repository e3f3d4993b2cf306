/**
 * Per-assessment reads: the full assessment (instructions, rubric, attachments), the student's own submission,
 * one grade row, and a quiz result. Ids are assessment UUIDs from the gradebook or class detail.
 */
import type { HaloApi } from "../halo/types.js";
import { compact, scope, type ClassRef, type RawAssessmentSummary, type RawPersonName } from "./common.js";
import { withCompanions } from "./companion.js";
import type { RawRubricScore } from "./gradebook.js";

/** Core: S1's assessment fields plus S2's rubric criteria. No accommodatedDueDate (see common.ts). */
export const ASSESSMENT_QUERY = `query GetCourseClassAssessmentById($id: String!) {
  getCourseClassAssessmentById(id: $id) {
    id title type points dueDate startDate requiresLopesWrite isGroupEnabled description
    rubric { id name criteria { id name description points sequence achievementLevels { cellId name description points sequence } } }
    attachments { id resourceId title }
  }
}`;

/** Type-level extras (tags, in person, order) and the owning class, which the write path cross-checks. */
export const ASSESSMENT_EXTRAS_QUERY = `query GetCourseClassAssessmentExtras($id: String!) {
  getCourseClassAssessmentById(id: $id) { id tags inPerson sequence courseClassId }
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

type AssessmentReply = { getCourseClassAssessmentById: RawAssessment | null };

export async function fetchAssessment(halo: HaloApi, id: string, cls?: ClassRef): Promise<RawAssessment | null> {
  const read = (operationName: string, query: string, feature: string, required: string[]) =>
    halo.query<AssessmentReply>({ operationName, query, feature, required: required.map((f) => `getCourseClassAssessmentById.${f}`), variables: { id }, ...(cls ? { context: scope(cls) } : {}) });
  const core = read("GetCourseClassAssessmentById", ASSESSMENT_QUERY, "assignment details", ["id", "title", "type", "dueDate"]).then((d) => d.getCourseClassAssessmentById ?? null);
  return withCompanions(core, [
    {
      feature: "assignment tags",
      run: async () => {
        const extra = (await read("GetCourseClassAssessmentExtras", ASSESSMENT_EXTRAS_QUERY, "assignment tags", ["id"])).getCourseClassAssessmentById;
        return (a) => (a && extra ? { ...extra, ...a } : a);
      },
    },
  ]);
}

/** Core ≡ S1's submission query (minus the unread isFinal). */
export const SUBMISSION_QUERY = `query GetUserAssignmentSubmissionForAssessment($courseClassAssessmentId: String!) {
  getUserAssignmentSubmissionForAssessment(courseClassAssessmentId: $courseClassAssessmentId) {
    id status dueDate submissionDate
    resources { id uploadDate similarityScore similarityReportStatusEnum resource { id name kind type } }
  }
}`;

/** The student's own accommodated due date and word counts: on this type only through S3's grade root. */
export const SUBMISSION_EXTRAS_QUERY = `query GetUserAssignmentSubmissionExtras($courseClassAssessmentId: String!) {
  getUserAssignmentSubmissionForAssessment(courseClassAssessmentId: $courseClassAssessmentId) {
    id accommodatedDueDate resources { id wordCount }
  }
}`;

export interface RawSubmissionResource {
  /** The submission-resource id (the submit call needs it; download_resource takes resource.id). */
  id: string;
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
const SUBMISSION_EXTRAS = "accommodated due date and word counts of your submission";
type SubmissionReply = { getUserAssignmentSubmissionForAssessment: RawSubmission | null };

/** `extras: false` for the write path's verification reads, which need only ids and files. */
export async function fetchSubmission(halo: HaloApi, assessmentId: string, cls: ClassRef, opts: { extras?: boolean } = {}): Promise<RawSubmission | null> {
  const read = (operationName: string, query: string, feature: string) =>
    halo
      .query<SubmissionReply>({ operationName, query, feature, required: ["getUserAssignmentSubmissionForAssessment.id"], variables: { courseClassAssessmentId: assessmentId }, context: scope(cls) })
      .then((d) => d.getUserAssignmentSubmissionForAssessment);
  const core = read("GetUserAssignmentSubmissionForAssessment", SUBMISSION_QUERY, "your submission").then((s) => (s?.id ? { ...s, resources: compact(s.resources) } : null));
  if (opts.extras === false) return core;
  return withCompanions(core, [
    {
      feature: SUBMISSION_EXTRAS,
      run: async () => {
        const extra = await read("GetUserAssignmentSubmissionExtras", SUBMISSION_EXTRAS_QUERY, SUBMISSION_EXTRAS);
        const words = new Map(compact(extra?.resources).map((r) => [r.id, r.wordCount] as const));
        return (s) => (s && extra?.id === s.id ? { ...s, accommodatedDueDate: extra.accommodatedDueDate ?? null, resources: compact(s.resources).map((r) => ({ ...r, wordCount: words.get(r.id) ?? null })) } : s);
      },
    },
  ]);
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

/** Core ≡ S1 getUserById; it is also init's login check, so nothing plausible may sink it. */
export const USER_QUERY = `query GetUserById($id: String!) {
  getUserById(id: $id) { id firstName lastName preferredFirstName }
}`;

/** Profile extras seen on User only inside CurrentClass. */
export const USER_EXTRAS_QUERY = `query GetUserProfileExtras($id: String!) {
  getUserById(id: $id) { id username userStatus lastLogin socialContacts { value socialContactType } }
}`;

export interface RawUser extends RawPersonName {
  id: string;
  username?: string | null;
  userStatus?: string | null;
  lastLogin?: string | null;
  socialContacts?: Array<{ value?: string | null; socialContactType?: string | null } | null> | null;
}

const USER_EXTRAS = "username, status and contacts";

export async function fetchUser(halo: HaloApi, id: string): Promise<RawUser | null> {
  const read = (operationName: string, query: string, feature: string) =>
    halo.query<{ getUserById: RawUser | null }>({ operationName, query, feature, required: ["getUserById.id"], variables: { id } }).then((d) => d.getUserById ?? null);
  return withCompanions(read("GetUserById", USER_QUERY, "user"), [
    {
      feature: USER_EXTRAS,
      run: async () => {
        const extra = await read("GetUserProfileExtras", USER_EXTRAS_QUERY, USER_EXTRAS);
        return (u) => (u && extra?.id === u.id ? { ...extra, ...u } : u);
      },
    },
  ]);
}
