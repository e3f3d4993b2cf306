/**
 * Appendix A of the witness audit (shared/halo-witnesses.md): per root field, every root-relative field path
 * marked CONFIRMED (a live-used public caller sent it on that root), nested `replies` collapsed. Data only.
 */
export const CONFIRMED_PATHS: Record<string, string> = {
  getCourseClassesForUser: `courseClasses courseClasses.classCode courseClasses.courseCode courseClasses.credits
    courseClasses.endDate courseClasses.id courseClasses.modality courseClasses.name
    courseClasses.slugId courseClasses.stage courseClasses.startDate`,
  getCourseClassBySlugId: `classCode courseCode credits description endDate gradeScale gradeScale.entries
    gradeScale.entries.label gradeScale.entries.maxPercent gradeScale.entries.maxPoints
    gradeScale.entries.minPercent gradeScale.entries.minPoints gradeScale.entries.type holidays
    holidays.active holidays.description holidays.duration holidays.startDate holidays.title id
    instructors instructors.baseRoleName instructors.user instructors.user.firstName
    instructors.user.lastName instructors.user.preferredFirstName instructors.user.socialContacts
    instructors.user.socialContacts.socialContactType instructors.user.socialContacts.value modality
    name participationPolicy participationPolicy.description participationPolicy.numDays
    participationPolicy.numPosts resources resources.description resources.id resources.instructorOnly
    resources.resources resources.resources.id resources.resources.resource
    resources.resources.resource.id resources.resources.resource.kind resources.resources.resource.name
    resources.resources.resource.type resources.sequence resources.title slugId stage startDate units
    units.assessments units.assessments.dueDate units.assessments.id units.assessments.isGroupEnabled
    units.assessments.points units.assessments.requiresLopesWrite units.assessments.sequence
    units.assessments.startDate units.assessments.tags units.assessments.title units.assessments.type
    units.current units.description units.endDate units.id units.points units.resources
    units.resources.description units.resources.id units.resources.instructorOnly
    units.resources.resources units.resources.resources.id units.resources.resources.resource
    units.resources.resources.resource.id units.resources.resources.resource.kind
    units.resources.resources.resource.name units.resources.resources.resource.type
    units.resources.sequence units.resources.title units.sequence units.startDate units.title`,
  getAllClassGrades: `finalGrade finalGrade.finalPoints finalGrade.gradeValue finalGrade.id finalGrade.isPublished
    finalGrade.maxPoints grades grades.accommodatedDueDate grades.assessment grades.assessment.dueDate
    grades.assessment.id grades.assessment.inPerson grades.assessment.points grades.assessment.title
    grades.assessment.type grades.assessmentGroup grades.assignmentSubmission
    grades.assignmentSubmission.id grades.assignmentSubmission.submissionDate grades.dueDate
    grades.finalComment grades.finalComment.comment grades.finalPoints grades.gradedDate grades.history
    grades.history.dueDate grades.history.gradeId grades.history.points grades.history.status grades.id
    grades.isEverReassigned grades.post grades.post.id grades.post.publishDate grades.rubricScores
    grades.rubricScores.comment grades.rubricScores.criteriaId grades.rubricScores.rubricCellId
    grades.status grades.userLastSeenDate grades.userQuizAssessment grades.userQuizAssessment.dueTime
    grades.userQuizAssessment.submissionDate grades.userQuizAssessment.userQuizId`,
  getCourseClassAssessmentById: `attachments attachments.id attachments.resourceId attachments.title description dueDate id
    isGroupEnabled points requiresLopesWrite rubric rubric.criteria rubric.criteria.achievementLevels
    rubric.criteria.achievementLevels.cellId rubric.criteria.achievementLevels.description
    rubric.criteria.achievementLevels.name rubric.criteria.achievementLevels.points
    rubric.criteria.achievementLevels.sequence rubric.criteria.description rubric.criteria.id
    rubric.criteria.name rubric.criteria.points rubric.criteria.sequence rubric.id rubric.name startDate
    title type`,
  getUserAssignmentSubmissionForAssessment: `dueDate id resources resources.id resources.isFinal resources.resource resources.resource.id
    resources.resource.kind resources.resource.name resources.resource.type
    resources.similarityReportStatusEnum resources.similarityScore resources.uploadDate status
    submissionDate`,
  getGradeForUserCourseClassAssessment: `accommodatedDueDate dueDate finalComment finalComment.comment finalComment.commentResources
    finalComment.commentResources.resource finalComment.commentResources.resource.id
    finalComment.commentResources.resource.name finalPoints gradedDate id rubricScores
    rubricScores.comment rubricScores.criteriaId rubricScores.rubricCellId status userQuizAssessment
    userQuizAssessment.submissionDate userQuizAssessment.userQuizId`,
  userQuizResult: `finalScore questionsAnswered totalCorrect totalIncorrect`,
  getUserById: `firstName id lastName preferredFirstName`,
  getAllDQForCourseClass: `active contextId description dueDate forumId forumType reassignedDueDate resources resources.id
    resources.kind resources.name resources.type startDate title totalPosts`,
  announcements: `countUnreadPosts endDate forumId forumType posts posts.content posts.createdBy posts.createdBy.user
    posts.createdBy.user.firstName posts.createdBy.user.id posts.createdBy.user.lastName
    posts.createdBy.user.preferredFirstName posts.forumId posts.forumTitle posts.id posts.isAcknowledge
    posts.isRead posts.modifiedDate posts.parentPostId posts.postFlagAcknowledgements
    posts.postFlagAcknowledgements.acknowledge posts.postFlagAcknowledgements.acknowledgedTimestamp
    posts.postFlagAcknowledgements.userId posts.postStatus posts.publishDate posts.resources
    posts.resources.id posts.resources.kind posts.resources.name posts.resources.type posts.startDate
    posts.title startDate title`,
  getForumNotifications: `forumTypes forumTypes.ANNOUNCEMENTS forumTypes.ANNOUNCEMENTS.classes
    forumTypes.ANNOUNCEMENTS.classes.classId forumTypes.ANNOUNCEMENTS.classes.count
    forumTypes.ANNOUNCEMENTS.classes.forums forumTypes.ANNOUNCEMENTS.classes.forums.count
    forumTypes.ANNOUNCEMENTS.classes.forums.forumId forumTypes.CQ forumTypes.CQ.classes
    forumTypes.CQ.classes.classId forumTypes.CQ.classes.count forumTypes.CQ.classes.forums
    forumTypes.CQ.classes.forums.count forumTypes.CQ.classes.forums.forumId forumTypes.DQ
    forumTypes.DQ.classes forumTypes.DQ.classes.classId forumTypes.DQ.classes.count
    forumTypes.DQ.classes.forums forumTypes.DQ.classes.forums.count forumTypes.DQ.classes.forums.forumId
    forumTypes.GROUP forumTypes.GROUP.classes forumTypes.GROUP.classes.classId
    forumTypes.GROUP.classes.count forumTypes.GROUP.classes.forums forumTypes.GROUP.classes.forums.count
    forumTypes.GROUP.classes.forums.forumId forumTypes.GROUP.count forumTypes.IDQ forumTypes.IDQ.classes
    forumTypes.IDQ.classes.classId forumTypes.IDQ.classes.count forumTypes.IDQ.classes.forums
    forumTypes.IDQ.classes.forums.count forumTypes.IDQ.classes.forums.forumId forumTypes.INBOX
    forumTypes.INBOX.classes forumTypes.INBOX.classes.classId forumTypes.INBOX.classes.count
    forumTypes.INBOX.classes.forums forumTypes.INBOX.classes.forums.count
    forumTypes.INBOX.classes.forums.forumId forumTypes.INBOX.count`,
  posts: `content createdBy createdBy.baseRoleName createdBy.user createdBy.user.firstName createdBy.user.id
    createdBy.user.lastName createdBy.user.preferredFirstName createdBy.userId forumId hasChildren id
    isAcknowledge modifiedDate parentPostId pinOrder postStatus publishDate replies replies.content
    replies.createdBy replies.createdBy.baseRoleName replies.createdBy.user
    replies.createdBy.user.firstName replies.createdBy.user.id replies.createdBy.user.lastName
    replies.createdBy.userId replies.forumId replies.id replies.modifiedDate replies.parentPostId
    replies.postStatus replies.publishDate resources resources.id resources.kind resources.name
    resources.type rootParentId`,
  getInboxLeftPanel: `courseClassId forums forums.courseClassId forums.endDate forums.forumId forums.forumType
    forums.lastPost forums.lastPost.isReplied forums.lastPost.post forums.lastPost.post.content
    forums.lastPost.post.createdBy forums.lastPost.post.createdBy.baseRoleName
    forums.lastPost.post.createdBy.user forums.lastPost.post.createdBy.user.firstName
    forums.lastPost.post.createdBy.user.id forums.lastPost.post.createdBy.user.lastName
    forums.lastPost.post.createdBy.user.preferredFirstName forums.lastPost.post.createdBy.userId
    forums.lastPost.post.id forums.lastPost.post.parentPostId forums.lastPost.post.postStatus
    forums.lastPost.post.publishDate forums.lastPost.post.resources forums.lastPost.post.resources.id
    forums.lastPost.post.resources.kind forums.lastPost.post.resources.name
    forums.lastPost.post.resources.type forums.lastPost.post.wordCount forums.lastPost.recipient
    forums.lastPost.recipient.firstName forums.lastPost.recipient.id forums.lastPost.recipient.lastName
    forums.lastPost.recipient.preferredFirstName forums.startDate unansweredCount`,
  getPostsForInboxForum: `content createdBy createdBy.baseRoleName createdBy.user createdBy.user.firstName createdBy.user.id
    createdBy.user.lastName createdBy.user.preferredFirstName createdBy.userId id isAcknowledge isRead
    parentPostId postFlagAcknowledgements postFlagAcknowledgements.acknowledge
    postFlagAcknowledgements.userId postStatus publishDate resources resources.id resources.kind
    resources.name resources.type wordCount`,
  getInboxNotifications: `forumTypes forumTypes.INBOX forumTypes.INBOX.classes forumTypes.INBOX.classes.classId
    forumTypes.INBOX.classes.count forumTypes.INBOX.classes.forums forumTypes.INBOX.classes.forums.count
    forumTypes.INBOX.classes.forums.forumId forumTypes.INBOX.count`,
  getUserAlerts: `alerts alerts.classId alerts.data alerts.data.announcementTitle alerts.data.assessmentId
    alerts.data.assignmentTitle alerts.data.forumId alerts.data.forumType alerts.data.postId
    alerts.data.senderName alerts.id alerts.isRead alerts.timestamp alerts.type nextToken`,
  getUserAlertCount: `count courseClassId`,
  bulkAddAssignmentSubmissionResource: `id resources resources.id resources.resource resources.resource.id resources.resource.name status
    submissionDate`,
  addStudentGradeSeenDateTime: `userLastSeenDate`,
  markPostsAsRead: ``,
};
