import { describe, expect, it } from "vitest";
import { byDue, deepLink, isDone, toWorkItem } from "../../src/assistant/items.js";
import { BASE, CLS, NOW, grade } from "./fixtures.js";

const item = (g: Parameters<typeof toWorkItem>[1], now = NOW) => toWorkItem(CLS, g, BASE, now)!;
const iso = (d: Date | undefined) => d?.toISOString();

describe("which due date applies", () => {
  it("an accommodation on the assessment wins over the student's own and the class's date", () => {
    const it1 = item(grade({ dueDate: "2026-11-23 06:59:00", assessment: { accommodatedDueDate: "2026-11-27 06:59:00" } }));
    expect([iso(it1.due), it1.dueSource]).toEqual(["2026-11-27T06:59:00.000Z", "accommodated"]);
  });
  it("the submission's own date counts when the row has none, labelled against the class date", () => {
    const own = item(grade({ dueDate: null, assignmentSubmission: { id: "s", dueDate: "2026-11-24 06:59:00" } }));
    expect([iso(own.due), own.dueSource]).toEqual(["2026-11-24T06:59:00.000Z", "extended"]);
  });
  it("without any own date the class date applies", () => {
    const cls = item(grade({ dueDate: null, assessment: { dueDate: "2026-11-28 06:59:00" } }));
    expect([iso(cls.due), cls.dueSource]).toEqual(["2026-11-28T06:59:00.000Z", "class"]);
  });
  it("an own date with no class date is the class's date, and no date at all leaves the item undated", () => {
    const own = item(grade({ dueDate: "2026-11-24 06:59:00", assessment: { dueDate: null } }));
    expect([iso(own.due), own.dueSource]).toEqual(["2026-11-24T06:59:00.000Z", "class"]);
    const none = item(grade({ dueDate: null, assessment: { dueDate: null } }));
    expect(none.due).toBeUndefined();
    expect("due" in none).toBe(false);
    expect(none.state).toBe("not_started");
  });
  it("an individual date on non-group work is an extension, never a group's", () => {
    const ext = item(grade({ dueDate: "2026-11-23 06:59:00", assessment: { isGroupEnabled: false } }));
    expect(ext.dueSource).toBe("extended");
    expect(ext.groupWork).toBeUndefined();
  });
});

describe("state rules at the edges", () => {
  it("reads Halo's status case-insensitively and reports it upper-cased", () => {
    const g = item(grade({ status: "published" as never, finalPoints: 7 }));
    expect([g.state, g.haloStatus, g.score]).toEqual(["graded", "PUBLISHED", 7]);
    expect(item(grade({ status: "reassigned" as never })).state).toBe("reassigned");
    expect(item(grade({ status: null as never })).haloStatus).toBe("UNKNOWN");
  });
  it("a submission exactly at the due time is on time; one minute later is late", () => {
    const sub = (at: string) => item(grade({ status: "ACTIVE", assignmentSubmission: { id: "s", submissionDate: at } }));
    expect(sub("2026-11-21T06:59:00Z").state).toBe("submitted");
    expect(sub("2026-11-21T07:00:00Z").state).toBe("late");
    expect(iso(sub("2026-11-21T06:59:00Z").submittedAt)).toBe("2026-11-21T06:59:00.000Z");
  });
  it("past the due time with nothing turned in is missing; exactly at it is not yet", () => {
    const due = new Date("2026-11-21T06:59:00Z");
    expect(item(grade(), due).state).toBe("not_started");
    expect(item(grade(), new Date(due.getTime() + 1)).state).toBe("missing");
  });
  it("a quiz attempt's submission time or a submission marked SUBMITTED counts as turned in", () => {
    const quiz = item(grade({ assessment: { type: "QUIZ" }, userQuizAssessment: { submissionDate: "2026-11-17T10:00:00Z" } }));
    expect([quiz.kind, quiz.state, iso(quiz.submittedAt)]).toEqual(["quiz", "submitted", "2026-11-17T10:00:00.000Z"]);
    expect(item(grade({ assignmentSubmission: { id: "s", status: "SUBMITTED" } })).state).toBe("submitted");
    expect(item(grade({ status: "SUBMITTED" })).state).toBe("submitted");
  });
  it("a post id turns in a discussion only; on other kinds it means nothing", () => {
    const dq = item(grade({ assessment: { type: "DISCUSSION_QUESTION" }, post: { id: "p1" } }));
    expect([dq.state, dq.posted, dq.submittedAt]).toEqual(["submitted", true, undefined]);
    const other = item(grade({ post: { id: "p1" } }));
    expect([other.state, other.posted]).toEqual(["not_started", undefined]);
  });
  it("a discussion's post time is its turn-in time; without a post it is not posted", () => {
    const dq = item(grade({ assessment: { type: "discussion_question" }, post: { id: "", publishDate: "2026-11-17T18:00:00Z" } }));
    expect([dq.kind, dq.posted, iso(dq.submittedAt)]).toEqual(["discussion", true, "2026-11-17T18:00:00.000Z"]);
    const none = item(grade({ assessment: { type: "DISCUSSION_QUESTION" } }));
    expect([none.state, none.posted]).toEqual(["not_started", false]);
  });
  it("started work: a draft submission or a running quiz timer", () => {
    expect(item(grade({ assignmentSubmission: { id: "s", status: "IN_PROGRESS" } })).state).toBe("in_progress");
    expect(item(grade({ assessment: { type: "QUIZ" }, userQuizAssessment: { dueTime: "2026-11-18T20:00:00Z" } })).state).toBe("in_progress");
  });
  it("an unpublished score is never shown, and a published row without points has no score", () => {
    expect(item(grade({ status: "LATE", finalPoints: 50 })).score).toBeUndefined();
    expect("score" in item(grade({ status: "PUBLISHED", finalPoints: null }))).toBe(false);
  });
});

describe("item fields", () => {
  it("kinds from Halo's types, unknown types as assignments", () => {
    const kind = (type: string | null) => item(grade({ assessment: { type: type as string } })).kind;
    expect([kind("QUIZ"), kind("lti"), kind("PARTICIPATION"), kind("ESSAY"), kind(null)]).toEqual(["quiz", "external", "participation", "assignment", "assignment"]);
  });
  it("titles are plain text; an empty title says untitled", () => {
    expect(item(grade({ assessment: { title: "Topic&nbsp;2 &amp; 3" } })).title).toBe("Topic 2 & 3");
    expect(item(grade({ assessment: { title: null as never } })).title).toBe("(untitled)");
  });
  it("keeps only real tags, points only when numeric, the start date when given", () => {
    const it1 = item(grade({ assessment: { tags: ["Benchmark", null, ""], startDate: "2026-11-16 07:00:00" } }));
    expect(it1.tags).toEqual(["Benchmark"]);
    expect(iso(it1.start)).toBe("2026-11-16T07:00:00.000Z");
    expect(it1.points).toBe(100);
    const bare = item(grade({ assessment: { tags: null, points: null } }));
    expect(bare.tags).toEqual([]);
    expect("points" in bare || "start" in bare || "submittedAt" in bare).toBe(false);
  });
  it("group work without a named group; a group name on non-group work is ignored", () => {
    const g = item(grade({ assessment: { isGroupEnabled: true } }));
    expect([g.groupWork, g.group]).toEqual([true, undefined]);
    const solo = item(grade({ assessmentGroup: { id: "x", name: "Team" } }));
    expect([solo.groupWork, solo.group]).toEqual([undefined, undefined]);
    expect(solo.link).toBe(`${BASE}/courses/${CLS.slugId}#assignment-submission/${solo.assessmentId}`);
  });
  it("a row without an assessment id is no item", () => {
    expect(toWorkItem(CLS, grade({ assessment: { id: "" } }), BASE, NOW)).toBeUndefined();
  });
  it("deep links drop every trailing slash of the base; quizzes link to the quiz even in groups", () => {
    expect(deepLink("https://h.test//", "S", "A", "assignment", true)).toBe("https://h.test/courses/S/groups?assessmentId=A");
    expect(deepLink("https://h.test/", "S", "A", "quiz", true)).toBe("https://h.test/quiz/A");
  });
});

describe("order and done", () => {
  const mk = (code: string, title: string, due?: string) => ({ ...item(grade({ dueDate: due ?? null, assessment: { title, dueDate: due ?? null } })), cls: { ...CLS, courseCode: code } });
  it("same due time sorts by class then title; undated items sort by class and title after dated ones", () => {
    const list = [mk("CST-323", "Zeta"), mk("UNV-103", "Alpha", "2026-11-21 06:59:00"), mk("CST-323", "Beta", "2026-11-21 06:59:00"), mk("CST-323", "Alpha"), mk("CST-323", "Alpha", "2026-11-21 06:59:00")];
    expect(list.sort(byDue).map((i) => `${i.cls.courseCode} ${i.title}`)).toEqual(["CST-323 Alpha", "CST-323 Beta", "UNV-103 Alpha", "CST-323 Alpha", "CST-323 Zeta"]);
    expect(list.map((i) => i.due !== undefined)).toEqual([true, true, true, false, false]);
  });
  it("an earlier due time sorts first whatever the class", () => {
    const a = mk("ZZZ-999", "Z", "2026-11-20 06:59:00");
    const b = mk("AAA-100", "A", "2026-11-21 06:59:00");
    expect(byDue(a, b)).toBeLessThan(0);
    expect(byDue(b, a)).toBeGreaterThan(0);
  });
  it("graded, submitted and late are done; the rest are not", () => {
    const states = ["graded", "submitted", "late", "missing", "in_progress", "not_started", "reassigned", "open"] as const;
    expect(states.map((state) => isDone({ ...item(grade()), state }))).toEqual([true, true, true, false, false, false, false, false]);
  });
});
