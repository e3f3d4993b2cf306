/** grades and feedback texts, line by line: sections, the fields each section leaves out, and feedback sources. */
import { describe, expect, it } from "vitest";
import { renderFeedback, renderGrades, rubricScoreLines } from "../../src/shape/grades.js";
import type { RawGradeDetail } from "../../src/queries/assessment.js";
import { CLOCK, grade, rubricAssessment } from "../fixtures/read.js";

describe("renderGrades", () => {
  const book = {
    finalGrade: null,
    grades: [
      grade({ id: "g1", status: "PUBLISHED", finalPoints: 18, gradedDate: "2026-11-18T17:00:00Z", userLastSeenDate: "2026-11-19T00:00:00Z", dueDate: "2026-11-16 06:59:00" }, { points: 20, type: "QUIZ" }),
      grade({ id: "g0", status: "PUBLISHED", finalPoints: 9, dueDate: "2026-11-09 06:59:00" }, { points: 10 }),
      grade({ id: "w1", status: "LATE", dueDate: "2026-11-20 06:59:00" }, { points: 30 }),
      grade({ id: "w2", status: "SUBMITTED", dueDate: null }, { dueDate: null, points: null }),
      grade({ id: "o1", status: "OVERDUE", dueDate: "2026-11-19 06:59:00" }),
      grade({ id: "o2", status: "REASSIGNED" }),
      grade({ id: "o3", status: "WEIRD_STATE", dueDate: "2026-11-30 06:59:00" }),
      grade({ id: "o4", status: "IN_PROGRESS" }),
      grade({ id: "u1", status: "UPCOMING" }, { points: 12.5 }),
      grade({ id: "u2", status: "UPCOMING" }, { points: null }),
    ],
  };

  it("sorts rows into graded, awaiting and open sections by due date, each without the words its heading says", () => {
    expect(renderGrades("CST-1 Test", book, CLOCK)).toBe([
      "CST-1 Test — grades (the id leading each row is for feedback)",
      "Final grade not published; published so far 27/30 (90%) over 2 graded items.",
      "",
      "## Graded (2)",
      "- a-g0 Item g0 · assignment · 9/10 (90%) · new",
      "- a-g1 Item g1 · quiz · 18/20 (90%) · graded Wed Nov 18 10 AM",
      "",
      "## Submitted, awaiting grade (2)",
      "- a-w1 Item w1 · assignment · 30 pts · late · due Thu Nov 19 11:59 PM",
      "- a-w2 Item w2 · assignment",
      "",
      "## Open or missing, not submitted (4)",
      "- a-o1 Item o1 · assignment · 100 pts · overdue · due Wed Nov 18 11:59 PM",
      "- a-o2 Item o2 · assignment · 100 pts · reassigned: resubmit · due Sun Nov 22 11:59 PM (in 1 day)",
      "- a-o4 Item o4 · assignment · 100 pts · started · due Sun Nov 22 11:59 PM (in 1 day)",
      "- a-o3 Item o3 · assignment · 100 pts · weird state · due Sun Nov 29 11:59 PM (in 8 days)",
      "",
      "Not open yet: 2 items worth 12.5 points (view_assignments lists them).",
    ].join("\n"));
  });

  it("an empty book has no sections; a published final grade without a letter shows the points", () => {
    expect(renderGrades("X", { finalGrade: null, grades: [] }, CLOCK)).toBe("X — grades (the id leading each row is for feedback)\nFinal grade not published; no grades published yet.");
    expect(renderGrades("X", { finalGrade: { id: "f", gradeValue: null, finalPoints: 91, maxPoints: 100, isPublished: true }, grades: [] }, CLOCK).split("\n")[1]).toBe("Final grade: 91/100 (91%)");
    // A published row without points is not counted in the running total.
    expect(renderGrades("X", { finalGrade: null, grades: [grade({ id: "p", status: "PUBLISHED", finalPoints: null })] }, CLOCK).split("\n")[1]).toBe("Final grade not published; no grades published yet.");
  });
});

describe("renderFeedback", () => {
  const g = grade(
    { id: "pub", status: "PUBLISHED", finalPoints: 40, gradedDate: "2026-11-18T17:00:00Z", finalComment: { comment: "<p>from row</p>" }, rubricScores: [{ criteriaId: "c1", rubricCellId: "l2" }] },
    { points: 50, title: "Essay &amp; Co" },
  );

  it("prefers the detailed grade: its score, date, comment, feedback files and rubric scores", () => {
    const detail = {
      finalPoints: 45,
      gradedDate: "2026-11-19T17:00:00Z",
      finalComment: { comment: "<p>Good <b>work</b></p>", commentResources: [{ resource: { id: "fr-1", name: "marked.docx" } }, { resource: { id: "", name: "x" } }, { resource: { id: "fr-2", name: null } }, null] },
      rubricScores: [{ criteriaId: "c2", rubricCellId: "s-hi", comment: "<p>tone</p><p>ok</p>" }],
    } as RawGradeDetail;
    expect(renderFeedback({ classLabel: "CST-1", grade: g, detail, assessment: rubricAssessment, quiz: {} }, CLOCK)).toBe([
      "# Feedback: Essay & Co (CST-1)",
      "Score: 45/50 (90%) · graded: Thu Nov 19 10 AM",
      "",
      "## Instructor comment",
      "> Good **work**",
      "Feedback files (resource_id is for download_resource):",
      "- marked.docx · resource_id: fr-1",
      "- file · resource_id: fr-2",
      "",
      "## Rubric scores",
      "> - Style · level: Target · 20/20",
      ">   tone",
      ">   ",
      ">   ok",
      "",
      "## Quiz result",
      "Halo returned no quiz result.",
    ].join("\n"));
  });

  it("falls back to the grade row; a rubric score without rubric text still shows; no comment is said", () => {
    expect(renderFeedback({ classLabel: "CST-1", grade: g }, CLOCK)).toBe([
      "# Feedback: Essay & Co (CST-1)",
      "Score: 40/50 (80%) · graded: Wed Nov 18 10 AM",
      "",
      "## Instructor comment",
      "> from row",
      "",
      "## Rubric scores",
      "> - Criterion",
    ].join("\n"));
    const bare = renderFeedback({ classLabel: "C", grade: { ...g, finalComment: null, rubricScores: null } }, CLOCK);
    expect(bare.split("\n").slice(2)).toEqual(["", "## Instructor comment", "(no written comment)"]);
  });

  it("an ungraded item says its status and due date, relative only while the work is still owed", () => {
    const text = (status: string, dueDate: string | null) => renderFeedback({ classLabel: "C", grade: grade({ id: "s", status, dueDate }, { dueDate }) }, CLOCK).split("\n").slice(1);
    expect(text("SUBMITTED", "2026-11-23 06:59:00")).toEqual(["Not graded yet — status: submitted, due Sun Nov 22 11:59 PM.", "Halo shows the score and feedback once the instructor publishes the grade."]);
    expect(text("LATE", "2026-11-23 06:59:00")[0]).toBe("Not graded yet — status: submitted late, due Sun Nov 22 11:59 PM.");
    expect(text("ACTIVE", "2026-11-23 06:59:00")[0]).toBe("Not graded yet — status: not submitted, due Sun Nov 22 11:59 PM (in 1 day).");
    expect(text("ACTIVE", null)[0]).toBe("Not graded yet — status: not submitted.");
  });
});

describe("rubricScoreLines", () => {
  it("a level without points, a criterion without points, unknown ids and no assessment", () => {
    const a = { ...rubricAssessment, rubric: { criteria: [{ id: "c", name: "Tone", points: 0, achievementLevels: [{ cellId: "x", name: "Meets", points: 4 }, { cellId: "y", name: "Missing", points: null }] }] } };
    expect(rubricScoreLines([{ criteriaId: "c", rubricCellId: "x" }, { criteriaId: "c", rubricCellId: "y" }, { criteriaId: "c", rubricCellId: "zz" }, null], a)).toEqual([
      "- Tone · level: Meets · 4",
      "- Tone · level: Missing",
      "- Tone",
    ]);
    expect(rubricScoreLines([{ criteriaId: "c", comment: "<p>fine</p>" }], null)).toEqual(["- Criterion", "  fine"]);
    expect(rubricScoreLines(null, a)).toEqual([]);
  });
});

describe("grades edges", () => {
  it("a published row with no points at all is not totalled; waiting rows sort by due date and say no relative phrase", () => {
    const book = {
      finalGrade: null,
      grades: [
        grade({ id: "p", status: "PUBLISHED", finalPoints: undefined }),
        grade({ id: "w-late", status: "SUBMITTED", dueDate: "2026-11-30 06:59:00", gradedDate: "2026-11-20T17:30:00Z" }, { points: undefined }),
        grade({ id: "w-none", status: "SUBMITTED", dueDate: null }, { dueDate: null }),
        grade({ id: "w-early", status: "LATE", dueDate: "2026-11-25 06:59:00" }),
      ],
    };
    const lines = renderGrades("X", book, CLOCK).split("\n");
    expect(lines[1]).toBe("Final grade not published; no grades published yet.");
    expect(lines.slice(lines.indexOf("## Submitted, awaiting grade (3)") + 1)).toEqual([
      "- a-w-early Item w-early · assignment · 100 pts · late · due Tue Nov 24 11:59 PM",
      "- a-w-late Item w-late · assignment · due Sun Nov 29 11:59 PM",
      "- a-w-none Item w-none · assignment · 100 pts",
    ]);
  });

  it("feedback: a detail without a comment falls back to the row's; file entries without a resource are skipped; a null quiz score is left out", () => {
    const g = grade({ id: "pub", status: "PUBLISHED", finalPoints: 40, finalComment: { comment: "<p>row</p>" } }, { points: 50 });
    const text = renderFeedback({ classLabel: "C", grade: g, detail: { finalComment: null, rubricScores: null } as RawGradeDetail, quiz: { finalScore: null, totalCorrect: 3 } }, CLOCK);
    expect(text).toContain("## Instructor comment\n> row");
    expect(text.split("\n").at(-1)).toBe("correct: 3");
    const files = renderFeedback({ classLabel: "C", grade: g, detail: { finalComment: { comment: null, commentResources: [{ resource: null }, { resource: { id: "f", name: "a.pdf" } }] } } as RawGradeDetail }, CLOCK);
    expect(files).toContain("## Instructor comment\n> row\nFeedback files (resource_id is for download_resource):\n- a.pdf · resource_id: f");
  });

  it("rubric scores: unknown criteria sort last, and an assessment without a rubric still lists the scores", () => {
    expect(rubricScoreLines([{ criteriaId: "zz" }, { criteriaId: "c2", rubricCellId: "s-hi" }, { criteriaId: "c1", rubricCellId: "l2" }], rubricAssessment)).toEqual([
      "- Content · level: Acceptable · 25/30",
      "- Style · level: Target · 20/20",
      "- Criterion",
    ]);
    expect(rubricScoreLines([{ criteriaId: "c1" }], { ...rubricAssessment, rubric: null })).toEqual(["- Criterion"]);
  });
});
