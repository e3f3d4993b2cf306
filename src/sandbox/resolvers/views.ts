/** Record → GraphQL shape. Nested fields are thunks so unselected subtrees cost nothing. */
import type { AssessmentRec, ClassRec, EnrollmentRec, GradeRec, PostRec, ResourceGroupRec, SubmissionRec, UnitRec } from "../world/types.js";
import { allAssessments, isRead, permission, resourceView, userView, visiblePosts, type Ctx } from "./context.js";

export function enrollmentView(c: Ctx, e: EnrollmentRec | undefined): Record<string, unknown> | null {
  return e ? { ...e, user: () => userView(c.w.users[e.userId]) } : null;
}

export function groupView(c: Ctx, g: ResourceGroupRec): Record<string, unknown> {
  return { ...g, resources: () => g.resources.map((i) => ({ id: i.id, contentType: "RESOURCE", resource: resourceView(c.w.resources[i.resourceId]) })) };
}

/**
 * Halo leaves accommodatedDueDate off assessments when the caller is a student (it is on the grade row); its
 * own app @skips the field for students, so one witness variant makes resolving it an access error.
 */
export function assessmentView(c: Ctx, a: AssessmentRec): Record<string, unknown> {
  const denied = c.s.switches.witness.includes("accommodatedPermission");
  return {
    ...a,
    accommodatedDueDate: () => {
      if (denied) throw permission("CourseClassAssessment", a.id);
      return null;
    },
  };
}

function unitView(c: Ctx, u: UnitRec): Record<string, unknown> {
  return { ...u, assessments: () => u.assessments.map((a) => assessmentView(c, a)), resources: () => u.resources.map((g) => groupView(c, g)) };
}

export function classView(c: Ctx, cls: ClassRec): Record<string, unknown> {
  const members = (role: string) => () =>
    c.w.enrollments.filter((e) => e.courseClassId === cls.id && e.baseRoleName === role).map((e) => enrollmentView(c, e));
  return {
    ...cls,
    units: () => cls.units.map((u) => unitView(c, u)),
    instructors: members("INSTRUCTOR"),
    students: members("STUDENT"),
    resources: () => cls.resources.map((g) => groupView(c, g)),
  };
}

export function submissionView(c: Ctx, sub: SubmissionRec | undefined): Record<string, unknown> | null {
  if (!sub) return null;
  return {
    ...sub,
    resources: () => sub.resources.map((r) => ({ ...r, uploadedBy: () => userView(c.w.users[r.uploadedById]), resource: () => resourceView(c.w.resources[r.resourceId]) })),
  };
}

const words = (html: string): number => html.replace(/<[^>]*>/g, " ").replace(/&[a-z#0-9]+;/gi, " ").split(/\s+/).filter(Boolean).length;

/** A post with replies nested down to `maxDepth` (inclusive); `depth` is this post's depth. */
export function postView(c: Ctx, p: PostRec, depth: number, maxDepth: number | null): Record<string, unknown> {
  const forum = c.w.forums.find((f) => f.forumId === p.forumId);
  const children = () => visiblePosts(c, p.forumId).filter((x) => x.parentPostId === p.id).sort((a, b) => a.publishDate.localeCompare(b.publishDate));
  const author = c.w.enrollments.find((e) => e.userId === p.createdByUserId && e.courseClassId === forum?.courseClassId);
  const readAt = p.readBy[c.userId];
  return {
    ...p,
    forumTitle: forum?.title ?? null,
    originalPostId: p.id,
    hasChildren: () => children().length > 0,
    wordCount: words(p.content),
    isRead: isRead(c, p),
    countOfAcknowledgements: p.acknowledgements.length,
    tenantId: c.w.tenantId,
    postTags: p.tags,
    postFlagAcknowledgements: p.acknowledgements.map((a) => ({ acknowledge: true, ...a })),
    postReadReceipts: readAt ? [{ readTime: readAt }] : [],
    createdBy: () => enrollmentView(c, author),
    resources: () => p.resourceIds.map((r) => resourceView(c.w.resources[r])),
    replies: () => (maxDepth !== null && depth >= maxDepth ? [] : children().map((x) => postView(c, x, depth + 1, maxDepth))),
  };
}

export function gradeView(c: Ctx, g: GradeRec): Record<string, unknown> {
  const a = allAssessments(c.w).find((x) => x.id === g.assessmentId);
  const group = g.groupId ? c.w.groups.find((x) => x.id === g.groupId) : undefined;
  const post = g.postId ? c.w.posts.find((p) => p.id === g.postId) : undefined;
  return {
    ...g,
    assessment: () => (a ? assessmentView(c, a) : null),
    user: () => userView(c.w.users[g.userId]),
    assignmentSubmission: () => submissionView(c, c.w.submissions.find((x) => x.id === g.submissionId)),
    finalComment: g.finalComment ? { comment: g.finalComment.comment, commentResources: g.finalComment.commentResourceIds.map((r) => ({ resource: resourceView(c.w.resources[r]) })) } : null,
    post: () => (post ? postView(c, post, 0, 0) : null),
    assessmentGroup: () => (group ? { ...group, groupUsers: group.members.map((m) => ({ id: m.id, status: m.status, user: userView(c.w.users[m.userId]) })) } : null),
    history: g.history.map((h) => ({ ...h, reassignAttachments: h.reassignAttachments.map((r) => ({ modifiedDate: r.modifiedDate, resource: resourceView(c.w.resources[r.resourceId]) })) })),
  };
}
