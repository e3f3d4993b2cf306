/** view_assignments text: unit headings with ranges and a shared due date, and each row's fields in order. */
import { describe, expect, it } from "vitest";
import { groupByUnit, renderAssignments } from "../../src/shape/assignments.js";
import type { RawUnit } from "../../src/queries/class-detail.js";
import { CLOCK, grade } from "../fixtures/read.js";

const grades = [
  grade({ id: "e", status: "PUBLISHED", finalPoints: 45, dueDate: "2026-11-16 06:59:00" }, { title: "Essay", points: 50 }),
  grade({ id: "c", status: "SUBMITTED", dueDate: "2026-11-16 06:59:00", userQuizAssessment: { submissionDate: "2026-11-15T17:30:00Z" } }, { title: "Check-in", type: "QUIZ", points: 10 }),
  grade({ id: "l", status: "LATE", dueDate: "2026-11-20 06:59:00", assignmentSubmission: { id: "s", submissionDate: "2026-11-20T17:30:00Z" } }, { title: "Lab report", points: 2.5, isGroupEnabled: true, requiresLopesWrite: true }),
  grade({ id: "o", status: "OVERDUE", dueDate: "2026-11-24 06:59:00" }, { title: "Reflection", points: null }),
  grade({ id: "x", status: "SUBMITTED", dueDate: null }, { title: "Extra", dueDate: null, points: 5 }),
];
const units: RawUnit[] = [
  { id: "u1", title: "Topic 1", sequence: 1, startDate: "2026-11-09 07:00:00", endDate: "2026-11-16 06:59:00", current: false, assessments: [{ id: "a-e", title: "Essay", type: "ASSIGNMENT" }, { id: "a-c", title: "Check-in", type: "QUIZ" }], resources: [] },
  { id: "u2", title: "Topic 2", sequence: 2, startDate: "2026-11-16 07:00:00", endDate: null, current: true, assessments: [{ id: "a-l", title: "Lab", type: "ASSIGNMENT" }, { id: "a-o", title: "R", type: "ASSIGNMENT" }], resources: [] },
];

describe("renderAssignments", () => {
  it("says a unit's shared due date once, and per row: title, type, points, due, state and flags", () => {
    const lines = renderAssignments("CST-1 Test", groupByUnit(grades, units), CLOCK).split("\n");
    expect(lines[0]).toMatch(/^CST-1 Test — 5 assessments \(/);
    expect(lines.slice(1)).toEqual([
      "",
      "## Topic 1 (Nov 9 – Nov 15) — all due Sun Nov 15 11:59 PM",
      "- a-e Essay · assignment · graded 45/50 (90%)",
      "- a-c Check-in · quiz · 10 pts · submitted Sun Nov 15 10:30 AM",
      "",
      "## Topic 2 (Nov 16) — current unit",
      "- a-l Lab report · assignment · 2.5 pts · due Thu Nov 19 11:59 PM · submitted late Fri Nov 20 10:30 AM · group, LopesWrite",
      "- a-o Reflection · assignment · due Mon Nov 23 11:59 PM (in 2 days) · overdue, not submitted",
      "",
      "## Other graded items",
      "- a-x Extra · assignment · 5 pts · submitted",
    ]);
  });

  it("a unit whose shared deadline is not met by every row keeps the relative phrase", () => {
    const open = [grade({ id: "p", status: "OVERDUE" }, { title: "P" }), grade({ id: "q", status: "SUBMITTED" }, { title: "Q" })];
    const text = renderAssignments("X", groupByUnit(open, [{ id: "u", title: "Week", assessments: [{ id: "a-p", title: "P", type: "ASSIGNMENT" }, { id: "a-q", title: "Q", type: "ASSIGNMENT" }], resources: [] }]), CLOCK);
    expect(text.split("\n")[2]).toBe("## Week — all due Sun Nov 22 11:59 PM (in 1 day)");
  });

  it("an empty class says so", () => {
    expect(renderAssignments("CST-1 Test", [], CLOCK).split("\n")[1]).toBe("No assessments are listed for this class yet.");
  });
});
