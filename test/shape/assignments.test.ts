/**
 * view_assignments' view objects (grade rows joined to units, flags, submission dates, unit picking) and its
 * rows and unit headings: what a heading says once is not on its rows.
 */
import { describe, expect, it } from "vitest";
import { groupByUnit, pickUnit, renderAssignments, rowFromGrade, rowLine, titleSaysType, type AssignmentRow, type UnitGroup } from "../../src/shape/assignments.js";
import type { RawUnit } from "../../src/queries/class-detail.js";
import { CLOCK, grade } from "../fixtures/read.js";

const unit = (id: string, over: Partial<RawUnit> = {}): RawUnit => ({ id, title: `Topic ${id}`, assessments: [], resources: [], ...over });

describe("rowFromGrade", () => {
  it("copies the assessment, decodes the title and shows a score only when published", () => {
    const row = rowFromGrade(grade({ id: "p", status: "PUBLISHED", finalPoints: 45 }, { points: 50, title: "Essay &amp; Notes", startDate: "2026-11-01 07:00:00" }));
    expect(row).toEqual({
      id: "a-p",
      title: "Essay & Notes",
      type: "ASSIGNMENT",
      points: 50,
      due: new Date("2026-11-23T06:59:00Z"),
      start: new Date("2026-11-01T07:00:00Z"),
      status: "PUBLISHED",
      submittedAt: undefined,
      score: "45/50 (90%)",
      flags: [],
    });
    const hidden = rowFromGrade(grade({ id: "s", status: "SUBMITTED", finalPoints: 7 }, { points: null }));
    expect(hidden.score).toBeUndefined();
    expect(hidden.points).toBeUndefined();
  });

  it("takes the submission date from the submission, then the quiz, then the DQ post", () => {
    const sub = { assignmentSubmission: { id: "x", submissionDate: "2026-11-20T01:00:00Z" }, userQuizAssessment: { submissionDate: "2026-11-19T01:00:00Z" }, post: { id: "p", publishDate: "2026-11-18T01:00:00Z" } };
    expect(rowFromGrade(grade({ id: "1", ...sub })).submittedAt).toEqual(new Date("2026-11-20T01:00:00Z"));
    expect(rowFromGrade(grade({ id: "2", ...sub, assignmentSubmission: null })).submittedAt).toEqual(new Date("2026-11-19T01:00:00Z"));
    expect(rowFromGrade(grade({ id: "3", post: sub.post })).submittedAt).toEqual(new Date("2026-11-18T01:00:00Z"));
  });

  it("flags group work, LopesWrite and in-person items; tags once, without the internal ones", () => {
    const row = rowFromGrade(grade({ id: "f" }, { isGroupEnabled: true, requiresLopesWrite: true, inPerson: true, tags: ["IN_PERSON", "USES_LOPES_CLOUD", "GROUP", "Benchmark", null, "benchmark"] }));
    expect(row.flags).toEqual(["group", "LopesWrite", "in person", "benchmark"]);
    expect(rowFromGrade(grade({ id: "g" }, { isGroupEnabled: false, requiresLopesWrite: false, inPerson: false, tags: null })).flags).toEqual([]);
    // The in-person and Lopes Cloud tags are Halo-internal: only the inPerson flag says "in person".
    expect(rowFromGrade(grade({ id: "h" }, { inPerson: false, tags: ["IN_PERSON", "USES_LOPES_CLOUD"] })).flags).toEqual([]);
  });
});

describe("groupByUnit", () => {
  const grades = [
    grade({ id: "late", dueDate: "2026-11-30 06:59:00" }),
    grade({ id: "early", dueDate: "2026-11-16 06:59:00" }),
    grade({ id: "orphan", dueDate: null }, { dueDate: null }),
  ];
  const units = [
    unit("2", { title: "Topic 2 &amp; more", sequence: 2, startDate: "2026-11-16 07:00:00", endDate: "2026-11-23 06:59:00", current: true, assessments: [
      { id: "a-late", title: "Late", type: "ASSIGNMENT" },
      { id: "a-early", title: "Early", type: "ASSIGNMENT" },
      { id: "only-unit", title: "Unit &amp; only", type: "QUIZ", points: 10, dueDate: "2026-11-20 06:59:00", startDate: "2026-11-15 07:00:00", isGroupEnabled: true },
    ] }),
    unit("1", { sequence: null, current: null, assessments: [] }),
  ] as RawUnit[];

  it("joins grade rows onto units, keeps unit-only items, sorts rows by due date and drops empty units", () => {
    const groups = groupByUnit(grades, units);
    expect(groups.map((g) => [g.title, g.sequence, g.current, g.rows.map((r) => r.id)])).toEqual([
      ["Topic 2 & more", 2, true, ["a-early", "only-unit", "a-late"]],
      ["Other graded items", Number.MAX_SAFE_INTEGER, false, ["a-orphan"]],
    ]);
    expect(groups[0]!.start).toEqual(new Date("2026-11-16T07:00:00Z"));
    expect(groups[0]!.end).toEqual(new Date("2026-11-23T06:59:00Z"));
    expect(groups[0]!.rows[1]).toEqual({
      id: "only-unit",
      title: "Unit & only",
      type: "QUIZ",
      points: 10,
      due: new Date("2026-11-20T06:59:00Z"),
      start: new Date("2026-11-15T07:00:00Z"),
      flags: ["group"],
    });
    // The grade row (with its status) is the one used for an item both sides know.
    expect(groups[0]!.rows[0]!.status).toBe("ACTIVE");
    expect(groups[1]!.start).toBeUndefined();
  });

  it("a unit without sequence or current flag reads as 0 and not current; items without a due date sort last", () => {
    const groups = groupByUnit([grade({ id: "x", dueDate: null }, { dueDate: null }), grade({ id: "y" })], [unit("1", { assessments: [{ id: "a-x", title: "X", type: "ASSIGNMENT" }, { id: "a-y", title: "Y", type: "ASSIGNMENT", points: null }] })]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.sequence).toBe(0);
    expect(groups[0]!.current).toBe(false);
    expect(groups[0]!.rows.map((r) => r.id)).toEqual(["a-y", "a-x"]);
    const unitOnly = groupByUnit([], [unit("1", { assessments: [{ id: "n", title: "N", type: "ASSIGNMENT", points: null }] })]);
    expect(unitOnly[0]!.rows[0]!.points).toBeUndefined();
    expect(groupByUnit([], [unit("1")])).toEqual([]);
  });
});

describe("pickUnit", () => {
  const g = (title: string, sequence: number, current = false): UnitGroup => ({ title, sequence, current, rows: [] });
  const groups = [g("Topic 1: Intro", 1), g("Topic 2: Cloud", 2, true), g("Topic 12: Review", 12), g("Other graded items", Number.MAX_SAFE_INTEGER)];

  it("picks the current unit, a sequence number (or a number in the title) or a title part", () => {
    expect(pickUnit(groups, " Current ")).toEqual([groups[1]]);
    expect(pickUnit(groups, "2")).toEqual([groups[1]]);
    expect(pickUnit(groups, "12")).toEqual([groups[2]]);
    expect(pickUnit([g("Week 3 lab", 9)], "3")).toHaveLength(1);
    expect(pickUnit(groups, "CLOUD")).toEqual([groups[1]]);
    expect(pickUnit(groups, "topic")).toHaveLength(3);
    // A number matches the sequence even when the title has no number; a whole number only, never a part of one.
    expect(pickUnit([g("Final review", 12)], "12")).toHaveLength(1);
    expect(pickUnit([g("Unit 12x", 3)], "2x")).toHaveLength(1);
    expect(pickUnit([g("Max 2 review", 5)], "x 2")).toHaveLength(1);
    expect(pickUnit([g("Topic 12", 3)], "2")).toBeUndefined();
  });

  it("says undefined when nothing matches", () => {
    expect(pickUnit(groups, "7")).toBeUndefined();
    expect(pickUnit(groups, "zebra")).toBeUndefined();
    expect(pickUnit([g("A", 1)], "current")).toBeUndefined();
  });
});

const at = (iso: string) => new Date(iso);
const row = (p: Partial<AssignmentRow>): AssignmentRow => ({ id: "a1", title: "Essay", type: "ASSIGNMENT", flags: [], ...p });
const group = (rows: AssignmentRow[], p: Partial<UnitGroup> = {}): UnitGroup => ({ title: "Topic 1", sequence: 1, current: false, rows, ...p });
const TUE = at("2026-11-25T06:59:00Z"); // Tue Nov 24 11:59 PM Arizona
const THU = at("2026-11-27T06:59:00Z");

describe("titleSaysType", () => {
  it("is true only when the title names the type as a word (DQ for a discussion)", () => {
    expect(titleSaysType("Topic 4 Quiz", "QUIZ")).toBe(true);
    expect(titleSaysType("Participation", "PARTICIPATION")).toBe(true);
    expect(titleSaysType("Topic 6 Assignment", "ASSIGNMENT")).toBe(true);
    expect(titleSaysType("Topic 2 DQ 1", "DISCUSSION_QUESTION")).toBe(true);
    expect(titleSaysType("Topic 2 DQ 1", "ASSIGNMENT")).toBe(false);
    expect(titleSaysType("Quizzical essay", "QUIZ")).toBe(false);
    expect(titleSaysType("LopesCloud Lab 4", "LTI")).toBe(false);
  });
});

describe("rowLine", () => {
  it("leaves out the type the title says and \"not open yet\" where an opening date says it", () => {
    expect(rowLine(row({ title: "Topic 4 Quiz", type: "QUIZ", points: 20, due: TUE, status: "ACTIVE" }), CLOCK)).toBe(
      "- a1 Topic 4 Quiz · 20 pts · due Tue Nov 24 11:59 PM (in 3 days) · not submitted",
    );
    expect(rowLine(row({ points: 10, due: TUE, start: at("2026-11-25T07:00:00Z"), status: "UPCOMING" }), CLOCK)).toBe(
      "- a1 Essay · assignment · 10 pts · due Tue Nov 24 11:59 PM (in 3 days) · opens Wed Nov 25 12 AM",
    );
    expect(rowLine(row({ points: 10, status: "UPCOMING" }), CLOCK)).toBe("- a1 Essay · assignment · 10 pts · not open yet");
    expect(rowLine(row({ points: 10, status: "UPCOMING" }), CLOCK, { upcoming: true })).toBe("- a1 Essay · assignment · 10 pts");
  });
});

describe("renderAssignments", () => {
  it("says once the due date most rows share, and \"not open yet\" when no row is open", () => {
    const text = renderAssignments("CST-1 Test", [
      group([row({ id: "a1", due: TUE, status: "UPCOMING" }), row({ id: "a2", due: TUE, status: "UPCOMING" }), row({ id: "a3", due: THU, status: "UPCOMING" })]),
    ], CLOCK);
    expect(text).toBe([
      "CST-1 Test — 3 assessments (row ids are for assignment_details / feedback; DQ = discussion)",
      "",
      "## Topic 1 — due Tue Nov 24 11:59 PM (in 3 days) unless shown — not open yet",
      "- a1 Essay · assignment",
      "- a2 Essay · assignment",
      "- a3 Essay · assignment · due Thu Nov 26 11:59 PM (in 5 days)",
    ].join("\n"));
  });

  it("shares no date when a row has none (it would look due then) or no two rows agree", () => {
    const noDue = renderAssignments("X", [group([row({ id: "a1", due: TUE }), row({ id: "a2", due: TUE }), row({ id: "a3" })])], CLOCK);
    expect(noDue).toContain("\n## Topic 1\n- a1 Essay · assignment · due Tue Nov 24 11:59 PM (in 3 days)\n");
    expect(noDue.endsWith("\n- a3 Essay · assignment")).toBe(true);
    const apart = renderAssignments("X", [group([row({ id: "a1", due: TUE }), row({ id: "a2", due: THU })])], CLOCK);
    expect(apart).toContain("\n## Topic 1\n");
    const all = renderAssignments("X", [group([row({ id: "a1", due: TUE, status: "SUBMITTED" }), row({ id: "a2", due: TUE, status: "PUBLISHED", score: "9/10 (90%)" })])], CLOCK);
    // Every row that shares it is turned in: the deadline is met, no "(in 3 days)".
    expect(all).toContain("\n## Topic 1 — all due Tue Nov 24 11:59 PM\n- a1 Essay · assignment · submitted\n- a2 Essay · assignment · graded 9/10 (90%)");
  });
});
