/** The witness variants and the minimal witnessed schema, at the gateway's wire level. */
import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { gql, useMswSandbox } from "./helpers.js";

const { sb } = useMswSandbox();
const ASSESSMENT = `query A($id: String!, $isStudent: Boolean!) { getCourseClassAssessmentById(id: $id) { id title accommodatedDueDate @skip(if: $isStudent) } }`;

describe("witness variants", () => {
  it("accommodatedPermission: resolving the field is a field error with a path; @skip as Halo's app sends it is fine", async () => {
    sb.switches.witness = ["accommodatedPermission"];
    const asked = await gql(sb, ASSESSMENT, { id: SEED.assessments.upload, isStudent: false });
    expect(asked.status).toBe(200);
    expect(asked.body.data?.getCourseClassAssessmentById).toMatchObject({ id: SEED.assessments.upload, accommodatedDueDate: null });
    expect(asked.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Permission Evaluator exception/), path: ["getCourseClassAssessmentById", "accommodatedDueDate"] });
    const skipped = await gql(sb, ASSESSMENT, { id: SEED.assessments.upload, isStudent: true });
    expect(skipped.body.errors).toBeUndefined();
    expect(skipped.body.data?.getCourseClassAssessmentById).toMatchObject({ title: "Cloud Architecture Proposal" });
  });

  it("forumTypeCounts: count only on INBOX and GROUP; the others sum classes", async () => {
    sb.switches.witness = ["forumTypeCounts"];
    const q = (t: string) => `query N($c: String!) { getForumNotifications(classId: $c) { forumTypes { ${t} { count classes { count } } } } }`;
    expect((await gql(sb, q("ANNOUNCEMENTS"), { c: SEED.classes.cloud.id })).body.errors?.[0]?.message).toBe('Cannot query field "count" on type "ForumTypeCounts".');
    const inbox = await gql(sb, q("INBOX"), { c: SEED.classes.cloud.id });
    expect(inbox.body.errors).toBeUndefined();
    sb.switches.witness = [];
    expect((await gql(sb, q("ANNOUNCEMENTS"), { c: SEED.classes.cloud.id })).body.errors).toBeUndefined();
  });

  it("noGradeModifiedDate, noCountUnreadPosts, narrowInboxPost and resourceItemContentType remove what they name", async () => {
    const probes: Array<[string, string, Record<string, unknown>, string]> = [
      ["noGradeModifiedDate", `query G($s: String!) { getAllClassGrades(courseClassSlugId: $s) { grades { modifiedDate } } }`, { s: sb.ids.classes.cloud.slugId }, '"modifiedDate" on type "UserCourseClassAssessmentGrade"'],
      ["noCountUnreadPosts", `query A($c: String!) { announcements(courseClassId: $c) { countUnreadPosts } }`, { c: SEED.classes.cloud.id }, '"countUnreadPosts" on type "AnnouncementForum"'],
      ["narrowInboxPost", `query I { getInboxLeftPanel { forums { lastPost { post { title } } } } }`, {}, '"title" on type "InboxPost"'],
      ["resourceItemContentType", `query C($s: String!) { getCourseClassBySlugId(slugId: $s) { resources { resources { id } } } }`, { s: sb.ids.classes.cloud.slugId }, '"id" on type "ClassResourceItem"'],
    ];
    for (const [variant, query, vars, message] of probes) {
      sb.switches.witness = [];
      expect((await gql(sb, query, vars)).body.errors, variant).toBeUndefined();
      sb.switches.witness = [variant as never];
      expect((await gql(sb, query, vars)).body.errors?.[0]?.message, variant).toContain(message);
    }
  });
});

describe("minimal witnessed schema", () => {
  it("rejects, like an unknown field, every path no witness sent on that root, all in one reply", async () => {
    sb.switches.minimalSchema = true;
    sb.switches.validationStatus = 400;
    const r = await gql(sb, `query G($s: String!) { getAllClassGrades(courseClassSlugId: $s) { grades { id status modifiedDate assessmentGroup { id name } } } }`, { s: sb.ids.classes.cloud.slugId });
    expect(r.status).toBe(400);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.map((e) => e.message)).toEqual([
      'Cannot query field "modifiedDate" on type "UserCourseClassAssessmentGrade".',
      'Cannot query field "id" on type "AssessmentGroup".',
      'Cannot query field "name" on type "AssessmentGroup".',
    ]);
    expect(r.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("accepts the witnessed paths, nested replies included", async () => {
    sb.switches.minimalSchema = true;
    const r = await gql(sb, `query P($f: String!) { posts(forumId: $f, depthStart: 0, depthEnd: 2) { id content replies { id content replies { id parentPostId } } } }`, { f: SEED.forums.htmlDq });
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data?.posts as unknown[]).length).toBeGreaterThan(0);
  });
});
