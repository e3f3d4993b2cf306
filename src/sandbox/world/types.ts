/**
 * Mutable seeded state. Records keep references by id (as Halo's services do); resolvers assemble the
 * GraphQL shapes. Date fields already hold Halo's string formats (bare UTC or ISO-Z, see dates.ts).
 */
export interface UserRec {
  id: string;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  preferredFirstName: string | null;
  userImgUrl: string | null;
  sourceId: string;
  lastLogin: string;
  userStatus: string;
  isAccommodated: boolean;
  socialContacts: { id: string; value: string; socialContactType: string }[];
  userAccessGroups: { accessGroup: string }[];
}

/** Bytes behind a resource: seeded files are generated on demand; uploads keep only small bodies. */
export interface FileRec {
  contentType: string;
  size: number;
  sha256?: string;
  /** Seeded content recipe, or retained upload bytes (only when small). */
  generator?: "pdf" | "text" | "docx" | "pptx" | "xlsx" | "pdf-scanned" | "pdf-encrypted" | "corrupt" | "zip-bomb";
  text?: string;
  bytes?: Uint8Array;
}

export interface ResourceRec {
  id: string;
  name: string;
  kind: string;
  type: string;
  description: string | null;
  context: string;
  active: boolean;
  embedReady: boolean;
  url: string | null;
  createdBy: string;
  createdDate: string;
  modifiedBy: string;
  modifiedDate: string;
  /** Which class's members may download it (null: the uploader only). */
  courseClassId: string | null;
  instructorOnly?: boolean;
  file?: FileRec;
}

export interface AchievementLevel { cellId: string; name: string; description: string; points: number; sequence: number }
export interface RubricCriterion { id: string; name: string; description: string; points: number; sequence: number; achievementLevels: AchievementLevel[] }
export interface RubricRec { id: string; name: string; criteria: RubricCriterion[] }

export type AssessmentType = "ASSIGNMENT" | "DISCUSSION_QUESTION" | "QUIZ" | "PARTICIPATION" | "LTI";

export interface AssessmentRec {
  id: string;
  courseClassId: string;
  unitId: string;
  sequence: number;
  title: string;
  description: string;
  startDate: string | null;
  dueDate: string;
  points: number;
  type: AssessmentType;
  tags: string[];
  requiresLopesWrite: boolean;
  isGroupEnabled: boolean;
  inPerson: boolean;
  exemptAccommodations: boolean;
  showAccommodatedTrait: boolean;
  rubric: RubricRec | null;
  attachments: { id: string; resourceId: string; title: string }[];
  ltiParameters: { id: string; key: string; value: string }[];
  /** DQ assessments own a forum. */
  forumId: string | null;
}

export interface ResourceGroupRec {
  id: string;
  title: string;
  description: string | null;
  instructorAdded: boolean;
  instructorOnly: boolean;
  sequence: number;
  resources: { id: string; resourceId: string }[];
}

export interface UnitRec {
  id: string;
  title: string;
  sequence: number;
  startDate: string;
  endDate: string;
  current: boolean;
  points: number;
  description: string;
  assessments: AssessmentRec[];
  resources: ResourceGroupRec[];
}

export interface ClassRec {
  id: string;
  slugId: string;
  classCode: string;
  courseCode: string;
  sectionId: string;
  name: string;
  description: string;
  version: string;
  startDate: string;
  endDate: string;
  modifiedDate: string;
  lastPublishedDate: string;
  credits: number;
  degreeLevel: string;
  stage: "PRE_START" | "CURRENT" | "POST";
  modality: "ONLINE" | "ONGROUND" | "TRADONLINE";
  units: UnitRec[];
  holidays: { id: string; title: string; description: string | null; startDate: string; duration: number; active: boolean }[];
  participationPolicy: { id: string; description: string; numDays: number; numPosts: number };
  gradeScale: { id: string; entries: { id: string; label: string; minPercent: number; maxPercent: number; minPoints: number; maxPoints: number; type: string }[] };
  resources: ResourceGroupRec[];
}

export interface EnrollmentRec {
  id: string;
  userId: string;
  courseClassId: string;
  roleName: string;
  baseRoleName: "STUDENT" | "INSTRUCTOR";
  status: string;
  isHonors: boolean;
  isAccommodated: boolean;
  createdDate: string;
  modifiedDate: string;
}

export type GradeStatus = "UPCOMING" | "ACTIVE" | "IN_PROGRESS" | "SUBMITTED" | "LATE" | "OVERDUE" | "REASSIGNED" | "PUBLISHED";

export interface HistoryRec {
  gradeId: string;
  status: string;
  points: number | null;
  comment: string | null;
  dueDate: string;
  assignmentSubmissionId: string | null;
  userCourseClassAssessmentId: string;
  reassignAttachments: { modifiedDate: string; resourceId: string }[];
}

export interface GradeRec {
  id: string;
  userId: string;
  courseClassId: string;
  assessmentId: string;
  status: GradeStatus;
  dueDate: string;
  accommodatedDueDate: string | null;
  gradedDate: string | null;
  modifiedDate: string;
  userLastSeenDate: string | null;
  isEverReassigned: boolean;
  finalPoints: number | null;
  submissionId: string | null;
  finalComment: { comment: string; commentResourceIds: string[] } | null;
  rubricScores: { criteriaId: string; rubricCellId: string; comment: string | null }[];
  userQuizAssessment: { userQuizId: string; duration: number; accommodatedDuration: number | null; startTime: string | null; dueTime: string | null; submissionDate: string | null } | null;
  postId: string | null;
  groupId: string | null;
  participationSummary: { allPostsCount: number; endDate: string; substantivePostsSummary: { date: string; substantivePostsCount: number; totalPostsCount: number }[] } | null;
  history: HistoryRec[];
}

export interface FinalGradeRec { id: string; userId: string; courseClassId: string; gradeValue: string | null; finalPoints: number; maxPoints: number; isPublished: boolean }

export interface SubmissionResourceRec {
  id: string;
  resourceId: string;
  isFinal: boolean;
  uploadDate: string;
  wordCount: number | null;
  percentQuotedText: number | null;
  similarityScore: number | null;
  similarityReportStatusEnum: string;
  uploadedById: string;
}

export interface SubmissionRec {
  id: string;
  userId: string;
  courseClassId: string;
  assessmentId: string;
  status: "IN_PROGRESS" | "SUBMITTED";
  dueDate: string;
  accommodatedDueDate: string | null;
  submissionDate: string | null;
  resources: SubmissionResourceRec[];
}

export interface GroupRec { id: string; courseClassId: string; assessmentId: string; name: string; groupStatus: string; status: string; members: { id: string; userId: string; status: string }[] }

export type ForumType = "DQ" | "ANNOUNCEMENTS" | "INBOX" | "CQ" | "IDQ" | "GROUP";

export interface ForumRec {
  forumId: string;
  contextId: string;
  forumType: ForumType;
  courseClassId: string;
  title: string;
  description: string;
  startDate: string;
  endDate: string | null;
  dueDate: string | null;
  reassignedDueDate: string | null;
  active: boolean;
  resourceIds: string[];
  /** INBOX threads: the two participants. */
  participantIds: string[];
}

export interface PostRec {
  id: string;
  forumId: string;
  title: string | null;
  content: string;
  postStatus: "PUBLISHED" | "DRAFT";
  publishDate: string;
  startDate: string;
  modifiedDate: string;
  expiryDate: string | null;
  parentPostId: string | null;
  rootParentId: string | null;
  pinOrder: number | null;
  isAcknowledge: boolean;
  flagType: string | null;
  tags: { tag: string; createdBy: string }[];
  acknowledgements: { userId: string; acknowledgedTimestamp: string }[];
  readBy: Record<string, string>;
  createdByUserId: string;
  resourceIds: string[];
  /** Inbox: whether the other participant has answered this post. */
  isReplied?: boolean;
}

export interface AlertRec {
  id: string;
  userId: string;
  classId: string;
  isRead: boolean;
  timestamp: string;
  type: string;
  data: { announcementTitle?: string; assignmentTitle?: string; assessmentId?: string; senderName?: string; forumId?: string; forumType?: string; postId?: string };
}

export interface UserQuizRec {
  id: string;
  submitTime: string | null;
  quizStatus: string;
  userQuestions: {
    id: string;
    sortOrder: number;
    question: { id: string; questionType: string; content: string };
    userQuestionOptions: { id: string; isSelected: boolean; response: string | null; option: { id: string; content: string } }[];
  }[];
  result: { finalScore: number; questionsAnswered: number; totalCorrect: number; totalIncorrect: number } | null;
}

export interface World {
  now: Date;
  tenantId: string;
  studentId: string;
  users: Record<string, UserRec>;
  classes: ClassRec[];
  enrollments: EnrollmentRec[];
  grades: GradeRec[];
  finalGrades: FinalGradeRec[];
  submissions: SubmissionRec[];
  groups: GroupRec[];
  forums: ForumRec[];
  posts: PostRec[];
  alerts: AlertRec[];
  quizzes: Record<string, UserQuizRec>;
  resources: Record<string, ResourceRec>;
  preferences: { id: string; userId: string; preferenceType: string; preferenceValue: string }[];
}
