import { describe, expect, it } from "vitest";
import { SEED } from "../../src/sandbox/index.js";
import { gql, useMswSandbox } from "./helpers.js";

const { sb } = useMswSandbox();
const cloud = SEED.classes.cloud.id;

type P = { id: string; content: string; replies: P[]; hasChildren: boolean; startDate: string; isAcknowledge: boolean };

describe("class detail", () => {
  it("has units with one current, assessments of every type, rubric, resources incl. an instructorOnly group", async () => {
    const r = await gql(sb, `query C($s: String!) { getCourseClassBySlugId(slugId: $s) { stage modality units { current assessments { type dueDate accommodatedDueDate rubric { criteria { achievementLevels { cellId } } } } } resources { __typename instructorOnly resources { resource { __typename id name } } } instructors { baseRoleName user { firstName } } gradeScale { entries { label minPercent } } participationPolicy { numDays numPosts } holidays { duration } } }`, { s: sb.ids.classes.cloud.slugId });
    const c = r.body.data?.getCourseClassBySlugId as { units: { current: boolean; assessments: { type: string; dueDate: string; accommodatedDueDate: null }[] }[]; resources: { __typename: string; instructorOnly: boolean }[]; instructors: unknown[] };
    expect(c.units.filter((u) => u.current)).toHaveLength(1);
    const types = new Set(c.units.flatMap((u) => u.assessments.map((a) => a.type)));
    expect([...types].sort()).toEqual(["ASSIGNMENT", "DISCUSSION_QUESTION", "LTI", "PARTICIPATION", "QUIZ"]);
    expect(c.units.flatMap((u) => u.assessments).every((a) => a.dueDate.endsWith(" 06:59:00") && a.accommodatedDueDate === null)).toBe(true);
    expect(c.resources.some((g) => g.instructorOnly)).toBe(true);
    expect(c.resources[0]?.__typename).toBe("ClassResourceGroup");
  });

  it("has one DQ due at 06:59 UTC on the UTC day after now", async () => {
    const r = await gql(sb, `query A($id: String!) { getCourseClassAssessmentById(id: $id) { dueDate } }`, { id: SEED.assessments.dueAtUtcEdge });
    expect((r.body.data?.getCourseClassAssessmentById as { dueDate: string }).dueDate).toBe("2025-03-13 06:59:00");
  });

  it("serves quiz details and results", async () => {
    const r = await gql(sb, `query Q($id: String!) { userQuiz(id: $id) { __typename quizStatus userQuestions { question { content } userQuestionOptions { isSelected option { content } } } } userQuizResult(id: $id) { finalScore totalCorrect } }`, { id: SEED.userQuizId });
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data?.userQuizResult as { finalScore: number }).finalScore).toBe(18);
  });
});

describe("discussions and posts", () => {
  it("lists DQ forums by class UUID and pages them", async () => {
    const r = await gql(sb, `query D($c: String!) { getAllDQForCourseClass(courseClassId: $c, sortBy: "startDate", pgNum: 1, pgSize: 3) { forumId title totalPosts } }`, { c: cloud });
    expect((r.body.data?.getAllDQForCourseClass as unknown[]).length).toBe(3);
  });

  it("honours depth bounds", async () => {
    const q = `query P($f: String, $a: Int, $b: Int) { posts(forumId: $f, depthStart: $a, depthEnd: $b) { id content hasChildren replies { id content hasChildren replies { id content replies { id content } } } } }`;
    const top = (await gql(sb, q, { f: SEED.forums.htmlDq, a: 0, b: 0 })).body.data?.posts as P[];
    expect(top.every((p) => p.replies.length === 0)).toBe(true);
    expect(top.some((p) => p.hasChildren)).toBe(true);
    const deep = (await gql(sb, q, { f: SEED.forums.htmlDq, a: 0, b: null })).body.data?.posts as P[];
    const withReplies = deep.find((p) => p.replies.length > 0);
    expect(withReplies?.replies.some((r) => r.replies.length > 0)).toBe(true);
    const flat = (ps: P[]): string => ps.map((p) => p.content + flat(p.replies ?? [])).join("");
    expect(flat(deep)).toMatch(/IGNORE ALL PREVIOUS INSTRUCTIONS/);
    expect(flat(deep)).toMatch(/&amp;lt;/);
    expect(flat(deep)).toMatch(/\u200B/);
    const big = (await gql(sb, q, { f: SEED.forums.bigDq, a: 0, b: 5 })).body.data?.posts as P[];
    const count = (ps: P[]): number => ps.reduce((s, p) => s + 1 + count(p.replies ?? []), 0);
    expect(count(big)).toBeGreaterThanOrEqual(200);
  });

  it("denies forums of a foreign class", async () => {
    const r = await gql(sb, `query P($f: String) { posts(forumId: $f) { id } }`, { f: SEED.forums.deniedAnnouncements });
    expect(r.body.errors?.[0]?.message).toMatch(/Permission Evaluator exception on Class/);
  });
});

describe("announcements variants", () => {
  const q = `query A($c: String!) { announcements(courseClassId: $c) { __typename forumId countUnreadPosts posts { id startDate isAcknowledge } } }`;
  it("object", async () => {
    const r = await gql(sb, q, { c: cloud });
    const a = r.body.data?.announcements as { __typename: string; forumId: string; posts: P[] };
    expect(a.__typename).toBe("AnnouncementForum");
    expect(a.forumId).toBe(SEED.forums.cloudAnnouncements);
    expect((a.posts.find((p) => p.id === SEED.posts.scheduled)?.startDate ?? "") > new Date(sb.now()).toISOString()).toBe(true);
  });
  it("list", async () => {
    sb.switches.announcements = "list";
    expect(Array.isArray((await gql(sb, q, { c: cloud })).body.data?.announcements)).toBe(true);
  });
  it("missing", async () => {
    sb.switches.announcements = "missing";
    expect((await gql(sb, q, { c: cloud })).body.errors?.[0]?.message).toBe('Cannot query field "announcements" on type "Query".');
  });
  it("the forum path: notifications → ANNOUNCEMENTS forum ids → posts", async () => {
    const n = await gql(sb, `query N($c: String!) { getForumNotifications(classId: $c, filter: { fetchOnlyCounts: false, forumFilters: [{ forumType: "ANNOUNCEMENT" }] }) { forumTypes { ANNOUNCEMENTS { count classes { forums { forumId count posts } } } DQ { count } } } }`, { c: cloud });
    const list = n.body.data?.getForumNotifications as { forumTypes: { ANNOUNCEMENTS: { count: number; classes: { forums: { forumId: string }[] }[] }; DQ: null } }[];
    expect(list[0]?.forumTypes.DQ).toBeNull();
    expect(list[0]?.forumTypes.ANNOUNCEMENTS.classes[0]?.forums[0]?.forumId).toBe(SEED.forums.cloudAnnouncements);
  });
});

describe("notification shape variants", () => {
  const q = `query N { getInboxNotifications(fetchCounts: true) { __typename forumTypes { __typename INBOX { count classes { classId count } } } } }`;
  it("list of NotificationGQL with Int counts by default", async () => {
    const r = await gql(sb, q);
    const n = r.body.data?.getInboxNotifications as { __typename: string; forumTypes: { __typename: string; INBOX: { count: unknown } } }[];
    expect(n[0]?.__typename).toBe("NotificationGQL");
    expect(n[0]?.forumTypes.__typename).toBe("ForumTypesGQL");
    expect(typeof n[0]?.forumTypes.INBOX.count).toBe("number");
  });
  it("object with string counts", async () => {
    sb.switches.notificationsShape = "object";
    sb.switches.countsAsStrings = true;
    const n = (await gql(sb, q)).body.data?.getInboxNotifications as { forumTypes: { INBOX: { count: unknown } } };
    expect(Array.isArray(n)).toBe(false);
    expect(typeof n.forumTypes.INBOX.count).toBe("string");
  });
});

describe("alerts, inbox, grading notifications", () => {
  it("pages alerts by a string pageSize and returns a nextToken", async () => {
    const r = await gql(sb, `query A($i: UserAlertsInputGQL) { getUserAlerts(userAlerts: $i) { nextToken alerts { id type isRead data { forumId forumType assessmentId } } } }`, { i: { pageSize: "3" } });
    const page = r.body.data?.getUserAlerts as { nextToken: string | null; alerts: { type: string }[] };
    expect(page.alerts).toHaveLength(3);
    expect(page.nextToken).toBeTruthy();
    const bad = await gql(sb, `query A($i: UserAlertsInputGQL) { getUserAlerts(userAlerts: $i) { nextToken } }`, { i: { pgSize: 3 } });
    expect(bad.body.errors?.[0]?.message).toMatch(/pgSize/);
  });

  it("inbox left panel shows threads with lastPost and recipient", async () => {
    const r = await gql(sb, `query I { getInboxLeftPanel { courseClassId unansweredCount forums { forumId lastPost { isReplied recipient { firstName } post { content createdBy { user { firstName } } } } } } }`);
    const panels = r.body.data?.getInboxLeftPanel as { courseClassId: string; unansweredCount: number; forums: { forumId: string; lastPost: { isReplied: boolean; recipient: { firstName: string } } }[] }[];
    const c = panels.find((p) => p.courseClassId === cloud);
    const thread = c?.forums.find((f) => f.forumId === SEED.forums.cloudInbox);
    expect(thread?.lastPost.recipient.firstName).toBe("Priya");
    expect(thread?.lastPost.isReplied).toBe(false);
    expect(c?.unansweredCount).toBe(2);
  });

  it("marking a grade seen lowers getGradingNotifications", async () => {
    const q = `query G($s: String!) { getGradingNotifications(slugId: $s) { count } }`;
    const before = ((await gql(sb, q, { s: sb.ids.classes.cloud.slugId })).body.data?.getGradingNotifications as { count: number }).count;
    const g = sb.world.grades.find((x) => x.courseClassId === cloud && x.status === "PUBLISHED" && !x.userLastSeenDate);
    const m = await gql(sb, `mutation Seen($id: String!) { addStudentGradeSeenDateTime(userCourseClassAssessmentGradeId: $id) { userLastSeenDate } }`, { id: g?.id });
    expect((m.body.data?.addStudentGradeSeenDateTime as { userLastSeenDate: string }).userLastSeenDate).toMatch(/Z$/);
    const after = ((await gql(sb, q, { s: sb.ids.classes.cloud.slugId })).body.data?.getGradingNotifications as { count: number }).count;
    expect(after).toBe(before - 1);
  });

  it("markPostsAsRead acknowledges an announcement", async () => {
    const r = await gql(sb, `mutation M($ids: [String]) { markPostsAsRead(postIds: $ids) }`, { ids: [SEED.posts.mustAcknowledge] });
    expect(r.body.data?.markPostsAsRead).toBe(true);
    const p = sb.world.posts.find((x) => x.id === SEED.posts.mustAcknowledge);
    expect(p?.acknowledgements.some((a) => a.userId === SEED.student.userId)).toBe(true);
    const selection = await gql(sb, `mutation M($ids: [String]) { markPostsAsRead(postIds: $ids) { id } }`, { ids: [] });
    expect(selection.body.errors?.[0]?.message).toMatch(/must not have a selection/);
  });
});

describe("injected failures", () => {
  it("failOperations by operation name", async () => {
    sb.switches.failOperations = { Prefs: "http503" };
    expect((await gql(sb, `query Prefs { getUserPreferenceDetails { id } }`)).status).toBe(503);
    sb.switches.failOperations = { getUserPreferenceDetails: "access" };
    expect((await gql(sb, `query Other { getUserPreferenceDetails { id } }`)).body.errors?.[0]?.message).toMatch(/Permission Evaluator/);
    sb.switches.failOperations = { getUserPreferenceDetails: "http429" };
    sb.switches.retryAfterSeconds = 7;
    const res = await fetch("https://gateway.sandbox.test/", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${sb.credentials.authToken}`, contexttoken: `Bearer ${sb.credentials.contextToken}` }, body: JSON.stringify({ query: "{ getUserPreferenceDetails { id } }" }) });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
  });

  it("failClassIds fails class-scoped fields for that class only", async () => {
    sb.switches.failClassIds = [sb.ids.classes.cloud.slugId];
    const q = `query G($a: String!, $b: String!) { a: getAllClassGrades(courseClassSlugId: $a) { grades { id } } b: getAllClassGrades(courseClassSlugId: $b) { grades { id } } }`;
    const r = await gql(sb, q, { a: sb.ids.classes.cloud.slugId, b: sb.ids.classes.english.slugId });
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.data?.a).toBeNull();
    expect(r.body.data?.b).not.toBeNull();
  });

  it("rate429 is deterministic per seed", async () => {
    const run = async () => {
      sb.resetSwitches();
      sb.switches.rate429 = 0.5;
      sb.switches.seed = 7;
      const out: number[] = [];
      for (let i = 0; i < 8; i++) out.push((await gql(sb, `query P { getUserPreferenceDetails { id } }`)).status);
      return out;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(a).toContain(429);
    expect(a).toContain(200);
  });
});

describe("remaining root fields answer without errors", () => {
  it("smoke", async () => {
    const q = `query Misc($me: String!, $s: String!, $a: String!) {
      getUserById(id: $me) { __typename firstName preferredFirstName lastName socialContacts { value } }
      getInboxLeftPanelNotification { courseClassId unansweredCount inboxForumCount { forumId unreadCount isUnAnswered } }
      getUserAlertCount { __typename courseClassId count }
      getAllClasses { role classDetails { slugId courseClassStage unitTitle } }
      getUserPreferenceDetails { preferenceType preferenceValue }
      getGradeForUserCourseClassAssessment(courseClassAssessmentId: $a, userId: $me) { status history { status points comment reassignAttachments { resource { name } } } assignmentSubmission { status } }
      group: getAllClassGrades(courseClassSlugId: $s) { grades { assessmentGroup { name groupUsers { user { firstName } } } participationSummary { allPostsCount } post { id content } userQuizAssessment { userQuizId } } }
    }`;
    const r = await gql(sb, q, { me: SEED.student.userId, s: sb.ids.classes.english.slugId, a: SEED.assessments.reassigned });
    expect(r.body.errors).toBeUndefined();
    expect((r.body.data?.getUserById as { preferredFirstName: string }).preferredFirstName).toBe("Jo");
    expect((r.body.data?.getGradeForUserCourseClassAssessment as { status: string }).status).toBe("REASSIGNED");
    const grades = (r.body.data?.group as { grades: { assessmentGroup: { groupUsers: unknown[] } | null }[] }[])[0]?.grades ?? [];
    expect(grades.some((g) => (g.assessmentGroup?.groupUsers.length ?? 0) === 3)).toBe(true);
    const other = await gql(sb, `query O($me: String!, $a: String!) { getGradeForUserCourseClassAssessment(courseClassAssessmentId: $a, userId: $me) { id } }`, { me: "someone-else", a: SEED.assessments.reassigned });
    expect(other.body.errors?.[0]?.message).toMatch(/Permission Evaluator/);
  });
});
