/** The write mutations as sent: operation, variables, the class context, and what each returns. */
import { describe, expect, it } from "vitest";
import type { HaloApi } from "../../src/halo/types.js";
import { ATTACH_MUTATION, attachResources, GRADE_SEEN_MUTATION, MARK_READ_MUTATION, markGradeSeen, markPostsRead } from "../../src/writes/queries.js";

const cls = { id: "class-1", slugId: "CST-323-O500-X" };
function halo(reply: unknown) {
  const sent: unknown[] = [];
  return { sent, api: { mutate: async (req: unknown) => (sent.push(req), reply) } as unknown as HaloApi };
}

describe("write mutations", () => {
  it("attaches resources in the class's context and drops null entries from the answer", async () => {
    const h = halo({ bulkAddAssignmentSubmissionResource: { id: "s1", status: "IN_PROGRESS", resources: [null, { id: "sr1", resource: { id: "r1", name: "a.pdf" } }] } });
    expect(await attachResources(h.api, "a1", ["r1"], cls)).toEqual({ id: "s1", status: "IN_PROGRESS", resources: [{ id: "sr1", resource: { id: "r1", name: "a.pdf" } }] });
    expect(h.sent).toEqual([{ operationName: "BulkAddAssignmentSubmissionResource", query: ATTACH_MUTATION, variables: { courseClassAssessmentId: "a1", resourceIds: ["r1"] }, context: { slugId: cls.slugId, courseClassId: cls.id } }]);
    expect(await attachResources(halo({ bulkAddAssignmentSubmissionResource: null }).api, "a1", ["r1"], cls)).toBeNull();
    expect(await attachResources(halo({ bulkAddAssignmentSubmissionResource: { id: "s1", resources: null } }).api, "a1", ["r1"], cls)).toEqual({ id: "s1", resources: [] });
  });

  it("marks a grade seen by the grade's id and returns the time Halo records, or null", async () => {
    const h = halo({ addStudentGradeSeenDateTime: { userLastSeenDate: "2026-11-21T17:00:00Z" } });
    expect(await markGradeSeen(h.api, "g1", cls)).toBe("2026-11-21T17:00:00Z");
    expect(h.sent).toEqual([{ operationName: "AddStudentGradeSeenDateTime", query: GRADE_SEEN_MUTATION, variables: { userCourseClassAssessmentGradeId: "g1" }, context: { slugId: cls.slugId, courseClassId: cls.id } }]);
    expect(await markGradeSeen(halo({ addStudentGradeSeenDateTime: null }).api, "g1", cls)).toBeNull();
    expect(await markGradeSeen(halo({ addStudentGradeSeenDateTime: {} }).api, "g1", cls)).toBeNull();
  });

  it("marks posts read with a scalar mutation", async () => {
    const h = halo({ markPostsAsRead: true });
    await markPostsRead(h.api, ["p1", "p2"], cls);
    expect(h.sent).toEqual([{ operationName: "MarkPostsAsRead", query: MARK_READ_MUTATION, variables: { postIds: ["p1", "p2"] }, context: { slugId: cls.slugId, courseClassId: cls.id } }]);
  });
});
