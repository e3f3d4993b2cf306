import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";
import { iso } from "../world/dates.js";
import { assessmentFor, badInput, type Ctx } from "./context.js";
import { submissionView } from "./views.js";

export const submissionResolvers = {
  /** Only files this student presigned AND uploaded for THIS assessment can be attached; resources accumulate. */
  bulkAddAssignmentSubmissionResource(args: { courseClassAssessmentId: string; resourceIds: (string | null)[] }, c: Ctx) {
    const { a } = assessmentFor(c, args.courseClassAssessmentId);
    if (a.type !== "ASSIGNMENT") throw badInput(`Assessment ${a.id} of type ${a.type} does not accept file submissions`);
    const ids = args.resourceIds.filter((x): x is string => !!x);
    if (!ids.length) throw badInput("resourceIds must not be empty");
    for (const id of ids) {
      const up = c.s.uploads.get(id);
      if (!up || up.userId !== c.userId) throw new GraphQLError(`Resource not found : ${id}`, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
      if (up.assessmentId !== a.id) throw badInput(`Resource ${id} was not reserved for assessment ${a.id}`);
      if (!up.uploaded) throw badInput(`Resource ${id} has no uploaded file`);
    }
    let sub = c.w.submissions.find((x) => x.assessmentId === a.id && x.userId === c.userId);
    if (sub?.status === "SUBMITTED") throw badInput(`Assignment submission ${sub.id} is already submitted`);
    const grade = c.w.grades.find((g) => g.assessmentId === a.id && g.userId === c.userId);
    if (!sub) {
      sub = { id: randomUUID(), userId: c.userId, courseClassId: a.courseClassId, assessmentId: a.id, status: "IN_PROGRESS", dueDate: grade?.dueDate ?? a.dueDate, accommodatedDueDate: grade?.accommodatedDueDate ?? null, submissionDate: null, resources: [] };
      c.w.submissions.push(sub);
    }
    const when = iso(new Date(c.now));
    for (const id of ids) {
      if (sub.resources.some((r) => r.resourceId === id)) continue;
      sub.resources.push({ id: randomUUID(), resourceId: id, isFinal: false, uploadDate: when, wordCount: null, percentQuotedText: null, similarityScore: null, similarityReportStatusEnum: "NOT_SUBMITTED", uploadedById: c.userId });
    }
    if (grade) {
      grade.submissionId = sub.id;
      if (grade.status === "ACTIVE" || grade.status === "UPCOMING") grade.status = "IN_PROGRESS";
      grade.modifiedDate = when;
    }
    return submissionView(c, sub);
  },
};
