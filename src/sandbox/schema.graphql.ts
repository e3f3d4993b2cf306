/**
 * Student-usable subset of Halo's gateway schema (reference §5). Names in quotes there are real
 * __typenames and are kept verbatim; the rest are invented but stable. Everything is nullable as in Halo's
 * gateway except arguments marked `!` in the reference. Variant knobs rebuild only the few contested fields;
 * the witness variants (witness.ts) are the audit's §8.7 deviations that public callers of the real Halo show.
 */
import type { WitnessVariant } from "./witness.js";

export interface SchemaVariant {
  notificationsShape: "list" | "object";
  countsAsStrings: boolean;
  announcements: "object" | "list" | "missing";
  witness?: readonly WitnessVariant[];
}

export function buildSdl(v: SchemaVariant): string {
  const notif = v.notificationsShape === "list" ? "[NotificationGQL]" : "NotificationGQL";
  const count = v.countsAsStrings ? "String" : "Int";
  const ann = v.announcements === "missing" ? "" : `announcements(courseClassId: String!): ${v.announcements === "list" ? "[AnnouncementForum]" : "AnnouncementForum"}`;
  const w = new Set(v.witness ?? []);
  const gradeModified = w.has("noGradeModifiedDate") ? "" : "modifiedDate: String,";
  const unreadPosts = w.has("noCountUnreadPosts") ? "" : "countUnreadPosts: Int,";
  const resourceItem = w.has("resourceItemContentType") ? "contentType: String, resource: Resource" : "id: ID, resource: Resource";
  // S1 selects only these on the panel's last post; a narrower type than other roots' Post.
  const inboxPost = w.has("narrowInboxPost") ? "InboxPost" : "Post";
  // S1 (Halo's own query) selects `count` only under INBOX and GROUP; S7's real sample types INBOX as InboxGQL.
  const [plainType, inboxType, groupType] = w.has("forumTypeCounts") ? ["ForumTypeCounts", "InboxGQL", "GroupGQL"] : ["ForumTypeGQL", "ForumTypeGQL", "ForumTypeGQL"];
  return /* GraphQL */ `
type Query {
  getCourseClassesForUser(pgNum: Int, pgSize: Int): PagedCourseClass
  getUserById(id: String!): User
  getCourseClassBySlugId(slugId: String!): CourseClass
  getAllClassGrades(courseClassSlugId: String!, courseUnitId: String, courseClassUserIds: [String]): [UserCourseClassGrade]
  getGradeForUserCourseClassAssessment(courseClassAssessmentId: String!, userId: String!): UserCourseClassAssessmentGrade
  getCourseClassAssessmentById(id: String!): CourseClassAssessment
  getUserAssignmentSubmissionForAssessment(courseClassAssessmentId: String!): AssignmentSubmission
  getAllDQForCourseClass(courseClassId: String!, sortBy: String, pgNum: Int, pgSize: Int): [DiscussionForum]
  posts(forumId: String, postId: String, depthStart: Int, depthEnd: Int, dqPostFilters: [DQPostFilter]): [Post]
  ${ann}
  getForumNotifications(classId: String!, filter: FilterInputGQL): ${notif}
  getInboxNotifications(fetchCounts: Boolean): ${notif}
  getInboxLeftPanel: [InboxPanel]
  getInboxLeftPanelNotification: [InboxPanelCount]
  getPostsForInboxForum(forumId: String, pgNum: Int, pgSize: Int): [Post]
  getUserAlerts(userAlerts: UserAlertsInputGQL): UserAlertPage
  getUserAlertCount: [ClassAlertCount]
  getGradingNotifications(slugId: String!): GradingNotification
  userQuiz(id: String!): UserQuiz
  userQuizResult(id: String!): UserQuizResult
  getUserPreferenceDetails: [UserPreference]
  getAllClasses: [ClassSummaryGroup]
}

type Mutation {
  bulkAddAssignmentSubmissionResource(courseClassAssessmentId: String!, resourceIds: [String]!): AssignmentSubmission
  addStudentGradeSeenDateTime(userCourseClassAssessmentGradeId: String!): GradeSeenDateTime
  markPostsAsRead(postIds: [String]): Boolean
}

input FilterInputGQL { fetchOnlyCounts: Boolean, forumFilters: [ForumFilterInputGQL] }
input ForumFilterInputGQL { forumType: String }
input UserAlertsInputGQL { pageSize: String }
"Fields unknown in the reference; invented."
input DQPostFilter { filterType: String, value: String }

type PagedCourseClass { courseClasses: [CourseClass] }
type CourseClass {
  id: ID, slugId: String, classCode: String, courseCode: String, sectionId: String, name: String, description: String,
  version: String, startDate: String, endDate: String, modifiedDate: String, lastPublishedDate: String, credits: Int,
  degreeLevel: String, stage: String, modality: String, units: [CourseClassUnit], instructors: [CourseClassUser],
  students: [CourseClassUser], holidays: [HolidayCalendar], participationPolicy: CourseClassParticipationPolicy,
  gradeScale: GradeScale, resources: [ClassResourceGroup]
}
type CourseClassUnit {
  id: ID, title: String, sequence: Int, startDate: String, endDate: String, current: Boolean, points: Float,
  description: String, assessments: [CourseClassAssessment], resources: [ClassResourceGroup]
}
type CourseClassAssessment {
  id: ID, sequence: Int, title: String, description: String, startDate: String, dueDate: String, points: Float,
  type: String, tags: [String], requiresLopesWrite: Boolean, isGroupEnabled: Boolean, inPerson: Boolean,
  exemptAccommodations: Boolean, showAccommodatedTrait: Boolean, accommodatedDueDate: String, courseClassId: String,
  rubric: Rubric, attachments: [CourseClassAttachment], ltiParameters: [LtiParameter]
}
type CourseClassAttachment { id: ID, resourceId: String, title: String }
type LtiParameter { id: ID, key: String, value: String }
type Rubric { id: ID, name: String, criteria: [RubricCriteria] }
type RubricCriteria { id: ID, name: String, description: String, points: Float, sequence: Int, achievementLevels: [RubricAchievementLevel] }
type RubricAchievementLevel { cellId: String, name: String, description: String, points: Float, sequence: Int }
type HolidayCalendar { id: ID, title: String, description: String, startDate: String, duration: Int, active: Boolean }
type CourseClassParticipationPolicy { id: ID, description: String, numDays: Int, numPosts: Int }
type GradeScale { id: ID, entries: [GradeScaleEntry] }
type GradeScaleEntry { id: ID, label: String, minPercent: Float, maxPercent: Float, minPoints: Float, maxPoints: Float, type: String }
type ClassResourceGroup { id: ID, title: String, description: String, instructorAdded: Boolean, instructorOnly: Boolean, sequence: Int, resources: [ClassResourceItem] }
type ClassResourceItem { ${resourceItem} }

type CourseClassUser {
  id: ID, userId: String, courseClassId: String, roleName: String, baseRoleName: String, status: String,
  isHonors: Boolean, isAccommodated: Boolean, createdDate: String, modifiedDate: String, user: User
}
type User {
  id: ID, username: String, firstName: String, lastName: String, preferredFirstName: String, userImgUrl: String,
  sourceId: String, lastLogin: String, userStatus: String, isAccommodated: Boolean,
  socialContacts: [SocialContact], userAccessGroups: [UserAccessGroup]
}
type SocialContact { id: ID, value: String, socialContactType: String }
type UserAccessGroup { accessGroup: String }

type UserCourseClassGrade { finalGrade: UserCourseClassFinalGrade, grades: [UserCourseClassAssessmentGrade] }
type UserCourseClassFinalGrade { id: ID, gradeValue: String, finalPoints: Float, maxPoints: Float, isPublished: Boolean }
type UserCourseClassAssessmentGrade {
  id: ID, status: String, dueDate: String, accommodatedDueDate: String, gradedDate: String, ${gradeModified}
  userLastSeenDate: String, isEverReassigned: Boolean, finalPoints: Float, assessment: CourseClassAssessment,
  user: User, assignmentSubmission: AssignmentSubmission, finalComment: GradeFinalComment,
  rubricScores: [RubricScore], userQuizAssessment: QuizUserCourseClassAssessment, post: Post,
  assessmentGroup: AssessmentGroup, participationSummary: ParticipationSummary, history: [GradeHistory]
}
type GradeFinalComment { comment: String, commentResources: [CommentResource] }
type CommentResource { resource: Resource }
type RubricScore { criteriaId: String, rubricCellId: String, comment: String }
type AssessmentGroup { id: ID, name: String, groupStatus: String, status: String, groupUsers: [AssessmentGroupUser] }
type AssessmentGroupUser { id: ID, status: String, user: User }
type ParticipationSummary { allPostsCount: Int, endDate: String, substantivePostsSummary: [SubstantivePostsSummary] }
type SubstantivePostsSummary { date: String, substantivePostsCount: Int, totalPostsCount: Int }
type GradeHistory {
  gradeId: String, status: String, points: Float, comment: String, dueDate: String, assignmentSubmissionId: String,
  userCourseClassAssessmentId: String, reassignAttachments: [ReassignAttachment]
}
type ReassignAttachment { modifiedDate: String, resource: Resource }
type QuizUserCourseClassAssessment { userQuizId: String, duration: Int, accommodatedDuration: Int, startTime: String, dueTime: String, submissionDate: String }
type GradeSeenDateTime { userLastSeenDate: String }

type AssignmentSubmission { id: ID, status: String, dueDate: String, accommodatedDueDate: String, submissionDate: String, resources: [AssignmentSubmissionResource] }
type AssignmentSubmissionResource {
  id: ID, isFinal: Boolean, uploadDate: String, wordCount: Int, percentQuotedText: Float, similarityScore: Float,
  similarityReportStatusEnum: String, uploadedBy: User, resource: Resource
}
type Resource {
  id: ID, name: String, kind: String, type: String, description: String, context: String, active: Boolean,
  embedReady: Boolean, url: String, createdBy: String, createdDate: String, modifiedBy: String, modifiedDate: String
}
type UserQuiz { id: ID, submitTime: String, quizStatus: String, userQuestions: [UserQuestion] }
type UserQuestion { id: ID, sortOrder: Int, question: Question, userQuestionOptions: [UserQuestionOption] }
type Question { id: ID, questionType: String, content: String }
type UserQuestionOption { id: ID, isSelected: Boolean, response: String, option: QuestionOption }
type QuestionOption { id: ID, content: String }
type UserQuizResult { finalScore: Float, questionsAnswered: Int, totalCorrect: Int, totalIncorrect: Int }

type DiscussionForum {
  forumId: String, contextId: String, forumType: String, courseClassId: String, title: String, description: String,
  startDate: String, dueDate: String, reassignedDueDate: String, active: Boolean, totalPosts: Int, resources: [Resource]
}
type Post {
  id: ID, forumId: String, forumTitle: String, title: String, content: String, postStatus: String, publishDate: String,
  startDate: String, modifiedDate: String, expiryDate: String, parentPostId: String, originalPostId: String,
  rootParentId: String, hasChildren: Boolean, pinOrder: Int, wordCount: Int, isRead: Boolean, isAcknowledge: Boolean,
  flagType: String, countOfAcknowledgements: Int, tenantId: String, postTags: [PostTag],
  postFlagAcknowledgements: [PostFlagAcknowledgement], postReadReceipts: [PostReadReceipt],
  createdBy: CourseClassUser, resources: [Resource], replies: [Post]
}
type PostTag { tag: String, createdBy: String }
type PostFlagAcknowledgement { acknowledge: Boolean, acknowledgedTimestamp: String, userId: String }
type PostReadReceipt { readTime: String }
type AnnouncementForum {
  forumId: String, contextId: String, courseClassId: String, forumType: String, title: String, startDate: String,
  endDate: String, dueDate: String, ${unreadPosts} lastPost: AnnouncementLastPost, posts: [Post]
}
type AnnouncementLastPost { isReplied: Boolean }
type InboxPanel { courseClassId: String, unansweredCount: Int, forums: [InboxForum] }
type InboxForum {
  forumId: String, forumType: String, courseClassId: String, contextId: String, startDate: String, endDate: String,
  lastPost: InboxLastPost, posts: [Post]
}
type InboxLastPost { isReplied: Boolean, recipient: User, post: ${inboxPost} }
type InboxPost {
  id: ID, content: String, createdBy: CourseClassUser, expiryDate: String, parentPostId: String, postStatus: String,
  publishDate: String, resources: [Resource], wordCount: Int
}
type InboxPanelCount { courseClassId: String, unansweredCount: Int, inboxForumCount: [InboxForumCount] }
type InboxForumCount { forumId: String, unreadCount: Int, isUnAnswered: Boolean }

type NotificationGQL { forumTypes: ForumTypesGQL }
type ForumTypesGQL {
  ANNOUNCEMENTS: ${plainType}, CQ: ${plainType}, DQ: ${plainType}, IDQ: ${plainType}, INBOX: ${inboxType}, GROUP: ${groupType}
}
type ForumTypeGQL { classes: [ClassesGQL], count: ${count} }
type ForumTypeCounts { classes: [ClassesGQL] }
type InboxGQL { classes: [ClassesGQL], count: ${count} }
type GroupGQL { classes: [ClassesGQL], count: ${count} }
type ClassesGQL { classId: String, count: ${count}, forums: [ForumsGQL] }
type ForumsGQL { forumId: String, count: ${count}, posts: [String] }
type UserAlertPage { nextToken: String, alerts: [UserAlert] }
type UserAlert { id: ID, classId: String, isRead: Boolean, timestamp: String, type: String, data: UserAlertData }
type UserAlertData {
  announcementTitle: String, assignmentTitle: String, assessmentId: String, senderName: String, forumId: String,
  forumType: String, postId: String
}
type ClassAlertCount { courseClassId: String, count: ${count} }
type GradingNotification { count: ${count} }
type UserPreference { id: ID, userId: String, preferenceType: String, preferenceValue: String }
type ClassSummaryGroup { role: String, classDetails: [ClassDetail] }
type ClassDetail {
  courseClassId: String, slugId: String, classCode: String, className: String, courseClassStage: String,
  courseClassStatus: String, courseClassUserStatus: String, startDate: String, endDate: String, sequence: Int, unitTitle: String
}
`;
}
