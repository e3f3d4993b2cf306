import { describe, expect, it } from "vitest";
import { byDue, deepLink, toWorkItem, workItems } from "../../src/assistant/items.js";
import { BASE, CLS, NOW, grade } from "./fixtures.js";

const item = (g: Parameters<typeof toWorkItem>[1]) => toWorkItem(CLS, g, BASE, NOW)!;

describe("due date that applies to the student", () => {
  it("prefers the accommodated date over the row's and the class's", () => {
    const it1 = item(grade({ accommodatedDueDate: "2026-11-24 06:59:00" }));
    expect(it1.due?.toISOString()).toBe("2026-11-24T06:59:00.000Z");
    expect(it1.dueSource).toBe("accommodated");
  });
  it("takes the accommodated date from the submission when the row lacks it", () => {
    const it1 = item(grade({ assignmentSubmission: { id: "s", accommodatedDueDate: "2026-11-25 06:59:00" } }));
    expect(it1.dueSource).toBe("accommodated");
    expect(it1.due?.toISOString()).toBe("2026-11-25T06:59:00.000Z");
  });
  it("labels a group's own date on group work", () => {
    const it1 = item(grade({ dueDate: "2026-11-22 06:59:00", assessment: { isGroupEnabled: true }, assessmentGroup: { id: "grp", name: "Team Nimbus" } }));
    expect(it1.dueSource).toBe("group");
    expect(it1.group).toBe("Team Nimbus");
    expect(it1.link).toBe(`${BASE}/courses/${CLS.slugId}/groups?assessmentId=${it1.assessmentId}`);
  });
  it("labels a different individual date as an extension and a matching one as the class date", () => {
    expect(item(grade({ dueDate: "2026-11-23 06:59:00" })).dueSource).toBe("extended");
    expect(item(grade()).dueSource).toBe("class");
  });
});

describe("state", () => {
  it("shows a score only when published", () => {
    const pub = item(grade({ status: "PUBLISHED", finalPoints: 88 }));
    expect(pub.state).toBe("graded");
    expect(pub.score).toBe(88);
    const hidden = item(grade({ status: "SUBMITTED", finalPoints: 12, assignmentSubmission: { id: "s", submissionDate: "2026-11-17T10:00:00Z" } }));
    expect(hidden.state).toBe("submitted");
    expect(hidden.score).toBeUndefined();
  });
  it("past due with nothing turned in is missing; future is not started", () => {
    expect(item(grade({ status: "OVERDUE", dueDate: "2026-11-15 06:59:00", assessment: { dueDate: "2026-11-15 06:59:00" } })).state).toBe("missing");
    expect(item(grade({ status: "UPCOMING" })).state).toBe("not_started");
  });
  it("a submission after the due date is late; Halo's LATE is late", () => {
    expect(item(grade({ dueDate: "2026-11-15 06:59:00", assignmentSubmission: { id: "s", submissionDate: "2026-11-16T01:00:00Z" } })).state).toBe("late");
    expect(item(grade({ status: "LATE" })).state).toBe("late");
  });
  it("a DQ with the student's post counts as turned in", () => {
    const dq = item(grade({ assessment: { type: "DISCUSSION_QUESTION" }, post: { id: "p1", publishDate: "2026-11-17T18:00:00Z" } }));
    expect(dq.kind).toBe("discussion");
    expect(dq.state).toBe("submitted");
  });
  it("in progress, reassigned and participation", () => {
    expect(item(grade({ status: "IN_PROGRESS" })).state).toBe("in_progress");
    expect(item(grade({ status: "REASSIGNED" })).state).toBe("reassigned");
    expect(item(grade({ assessment: { type: "PARTICIPATION" }, dueDate: "2026-11-01 06:59:00" })).state).toBe("open");
  });
});

describe("links and order", () => {
  it("builds the reference's routes and trims the base's slash", () => {
    expect(deepLink("https://h.test/", "S", "A", "quiz", false)).toBe("https://h.test/quiz/A");
    expect(deepLink("https://h.test", "S", "A", "assignment", false)).toBe("https://h.test/courses/S#assignment-submission/A");
  });
  it("sorts soonest first with undated items last, and skips rows without an assessment", () => {
    const items = workItems(CLS, [grade({ dueDate: "2026-11-30 06:59:00" }), null, grade({ dueDate: "2026-11-19 06:59:00" }), { ...grade(), assessment: null } as never], BASE, NOW);
    expect(items).toHaveLength(2);
    expect(items.sort(byDue).map((i) => i.due?.getUTCDate())).toEqual([19, 30]);
  });
});
