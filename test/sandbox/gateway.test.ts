import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { gql, useMswSandbox } from "./helpers.js";

const { sb } = useMswSandbox();

describe("gateway schema strictness", () => {
  it("lists classes wrapped in courseClasses with __typename", async () => {
    const r = await gql(sb, `query Classes($pgNum: Int, $pgSize: Int) { getCourseClassesForUser(pgNum: $pgNum, pgSize: $pgSize) { __typename courseClasses { __typename id slugId stage } } }`, { pgNum: 1, pgSize: 50 });
    expect(r.status).toBe(200);
    const data = r.body.data?.getCourseClassesForUser as { __typename: string; courseClasses: { __typename: string; id: string; stage: string }[] };
    expect(data.__typename).toBe("PagedCourseClass");
    expect(data.courseClasses.map((c) => c.stage).sort()).toEqual(["CURRENT", "CURRENT", "POST", "PRE_START"]);
    expect(data.courseClasses.every((c) => c.__typename === "CourseClass")).toBe(true);
    expect(data.courseClasses.some((c) => c.id === SEED.classes.database.id)).toBe(false);
  });

  it("pages 1-based and ends on a short page", async () => {
    const q = `query P($n: Int, $s: Int) { getCourseClassesForUser(pgNum: $n, pgSize: $s) { courseClasses { id } } }`;
    const len = async (n: number) => ((await gql(sb, q, { n, s: 3 })).body.data?.getCourseClassesForUser as { courseClasses: unknown[] }).courseClasses.length;
    expect(await len(1)).toBe(3);
    expect(await len(2)).toBe(1);
    expect(await len(3)).toBe(0);
  });

  it("rejects an unknown field", async () => {
    const r = await gql(sb, `query X { getCourseClassesForUser { courseClasses { id nope } } }`);
    expect(r.status).toBe(200);
    expect(r.body.data).toBeUndefined();
    expect(r.body.errors?.[0]?.message).toMatch(/Cannot query field "nope" on type "CourseClass"/);
  });

  it("rejects a declared-but-unused variable (whole document)", async () => {
    const r = await gql(sb, `query X($unused: String) { getCourseClassesForUser { courseClasses { id } } }`);
    expect(r.body.errors?.[0]?.message).toMatch(/Variable "\$unused" is never used/);
    expect(r.body.data).toBeUndefined();
  });

  it("answers 400 for validation errors when switched", async () => {
    sb.switches.validationStatus = 400;
    const r = await gql(sb, `query X($unused: String) { getCourseClassesForUser { courseClasses { id } } }`);
    expect(r.status).toBe(400);
  });

  it("rejects a missing required variable and a wrong argument type", async () => {
    const missing = await gql(sb, `query X($slug: String!) { getCourseClassBySlugId(slugId: $slug) { id } }`, {});
    expect(missing.body.errors?.[0]?.message).toMatch(/Variable "\$slug" of required type "String!" was not provided/);
    const wrongType = await gql(sb, `query X($slug: ID!) { getCourseClassBySlugId(slugId: $slug) { id } }`, { slug: "x" });
    expect(wrongType.body.errors?.[0]?.message).toMatch(/Variable "\$slug" of type "ID!" used in position expecting type "String!"/);
    const literal = await gql(sb, `query X { getCourseClassesForUser(pgNum: "1") { courseClasses { id } } }`);
    expect(literal.body.errors?.[0]?.message).toMatch(/Int cannot represent non-integer value/);
  });

  it("rejects pgSize inside UserAlertsInputGQL but accepts pageSize as a string", async () => {
    const bad = await gql(sb, `query A { getUserAlerts(userAlerts: { pgSize: 50 }) { nextToken } }`);
    expect(bad.body.errors?.[0]?.message).toMatch(/Field "pgSize" is not defined by type "UserAlertsInputGQL"/);
    const badType = await gql(sb, `query A { getUserAlerts(userAlerts: { pageSize: 50 }) { nextToken } }`);
    expect(badType.body.errors?.[0]?.message).toMatch(/String cannot represent a non string value/);
  });

  it("honours @skip and @include", async () => {
    const q = `query S($slug: String!, $skip: Boolean!) { getCourseClassBySlugId(slugId: $slug) { id name @skip(if: $skip) code: classCode @include(if: $skip) } }`;
    const r = await gql(sb, q, { slug: sb.ids.classes.cloud.slugId, skip: true });
    expect(r.body.data?.getCourseClassBySlugId).toEqual({ id: SEED.classes.cloud.id, code: "CST-323-O500" });
  });
});

describe("per-class access", () => {
  it("answers Permission Evaluator with data null for a class the student is not in", async () => {
    const r = await gql(sb, `query C($slug: String!) { getCourseClassBySlugId(slugId: $slug) { id } }`, { slug: sb.ids.classes.database.slugId });
    expect(r.status).toBe(200);
    expect(r.body.errors?.[0]?.message).toBe(`Permission Evaluator exception on Class : ${sb.ids.classes.database.slugId}`);
    expect(r.body.data).toEqual({ getCourseClassBySlugId: null });
  });

  it("treats a class UUID passed to a slug-keyed operation as foreign", async () => {
    const r = await gql(sb, `query G($s: String!) { getAllClassGrades(courseClassSlugId: $s) { grades { id } } }`, { s: SEED.classes.cloud.id });
    expect(r.body.errors?.[0]?.message).toMatch(/Permission Evaluator exception on Class/);
  });
});

describe("grades", () => {
  const q = `query G($s: String!) { getAllClassGrades(courseClassSlugId: $s) { __typename finalGrade { gradeValue finalPoints maxPoints isPublished } grades { __typename id status finalPoints dueDate accommodatedDueDate assessment { id type title dueDate } rubricScores { criteriaId rubricCellId } finalComment { comment commentResources { resource { id name } } } } } }`;
  it("returns a one-element list with every status", async () => {
    const r = await gql(sb, q, { s: sb.ids.classes.cloud.slugId });
    const list = r.body.data?.getAllClassGrades as { __typename: string; grades: { status: string; finalPoints: number | null; assessment: { id: string; dueDate: string } }[] }[];
    expect(list).toHaveLength(1);
    expect(list[0]?.__typename).toBe("UserCourseClassGrade");
    const statuses = new Set(list[0]?.grades.map((g) => g.status));
    for (const st of ["UPCOMING", "ACTIVE", "IN_PROGRESS", "SUBMITTED", "LATE", "OVERDUE", "REASSIGNED", "PUBLISHED"]) expect(statuses).toContain(st);
    const unpublished = list[0]?.grades.find((g) => g.assessment.id === SEED.assessments.unpublishedGraded);
    expect(unpublished?.status).toBe("SUBMITTED");
    expect(unpublished?.finalPoints).toBe(7);
    expect(list[0]?.grades.every((g) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(g.assessment.dueDate))).toBe(true);
  });
});
