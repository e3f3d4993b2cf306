/**
 * The GraphQL mutations the write tools send. Reads come from src/queries (shared with the read tools).
 */
import type { HaloApi } from "../halo/types.js";
import { compact, scope, type ClassRef } from "../queries/common.js";

export const ATTACH_MUTATION = `mutation BulkAddAssignmentSubmissionResource($courseClassAssessmentId: String!, $resourceIds: [String]!) {
  bulkAddAssignmentSubmissionResource(courseClassAssessmentId: $courseClassAssessmentId, resourceIds: $resourceIds) {
    id status submissionDate resources { id resource { id name } }
  }
}`;

export interface AttachedSubmission {
  id: string;
  status?: string | null;
  submissionDate?: string | null;
  resources: Array<{ id: string; resource?: { id: string; name?: string | null } | null }>;
}

/** Attaches uploaded resources; returns the submission with every file attached so far. */
export async function attachResources(halo: HaloApi, assessmentId: string, resourceIds: string[], cls: ClassRef): Promise<AttachedSubmission | null> {
  const data = await halo.mutate<{ bulkAddAssignmentSubmissionResource: (Omit<AttachedSubmission, "resources"> & { resources?: Array<AttachedSubmission["resources"][number] | null> | null }) | null }>({
    operationName: "BulkAddAssignmentSubmissionResource",
    query: ATTACH_MUTATION,
    variables: { courseClassAssessmentId: assessmentId, resourceIds },
    context: scope(cls),
  });
  const s = data.bulkAddAssignmentSubmissionResource;
  return s ? { ...s, resources: compact(s.resources) } : null;
}

export const GRADE_SEEN_MUTATION = `mutation AddStudentGradeSeenDateTime($userCourseClassAssessmentGradeId: String!) {
  addStudentGradeSeenDateTime(userCourseClassAssessmentGradeId: $userCourseClassAssessmentGradeId) { userLastSeenDate }
}`;

export async function markGradeSeen(halo: HaloApi, gradeId: string, cls: ClassRef): Promise<string | null> {
  const data = await halo.mutate<{ addStudentGradeSeenDateTime: { userLastSeenDate?: string | null } | null }>({
    operationName: "AddStudentGradeSeenDateTime",
    query: GRADE_SEEN_MUTATION,
    variables: { userCourseClassAssessmentGradeId: gradeId },
    context: scope(cls),
  });
  return data.addStudentGradeSeenDateTime?.userLastSeenDate ?? null;
}

// markPostsAsRead returns a scalar: no selection set.
export const MARK_READ_MUTATION = `mutation MarkPostsAsRead($postIds: [String]) {
  markPostsAsRead(postIds: $postIds)
}`;

export async function markPostsRead(halo: HaloApi, postIds: string[], cls: ClassRef): Promise<void> {
  await halo.mutate({ operationName: "MarkPostsAsRead", query: MARK_READ_MUTATION, variables: { postIds }, context: scope(cls) });
}
