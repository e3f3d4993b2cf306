/** assignment_details text, exactly: header fields and flags, instructions, rubric order, attachments, your work. */
import { describe, expect, it } from "vitest";
import { renderDetails } from "../../src/shape/details.js";
import type { RawAssessment, RawSubmission } from "../../src/queries/assessment.js";
import { CLOCK, grade, rubricAssessment } from "../fixtures/read.js";

const full: RawAssessment = {
  ...rubricAssessment,
  title: "Essay &amp; Plan",
  points: 50.5,
  startDate: "2026-11-25 07:00:00",
  dueDate: "2026-11-30 06:59:00",
  requiresLopesWrite: true,
  isGroupEnabled: true,
  inPerson: true,
  tags: ["IN_PERSON", "BENCHMARK"],
  description: "<p>Write <b>it</b></p>",
  attachments: [{ id: "1", resourceId: "res-1", title: "Guide.pdf" }, { id: "2", resourceId: null, title: "skip" }, { id: "3", resourceId: "res-3", title: null }, null],
  rubric: {
    name: "Essay &amp; rubric",
    criteria: [
      { id: "c1", name: "Content", points: 30, sequence: 2, description: "<p>Ideas</p><p>and more</p>", achievementLevels: [{ cellId: "l2", name: "Ok", points: 25, description: "<p>fine</p>" }, { cellId: "l1", name: "", points: 30 }, null] },
      { id: "c0", name: "", points: null, sequence: 1, achievementLevels: [{ cellId: "z", name: "Lvl", points: null }] },
    ],
  },
};

describe("renderDetails", () => {
  it("a graded group item with everything: accommodated due date, flags, rubric by sequence and points, files", () => {
    const g = grade(
      { id: "g", status: "PUBLISHED", finalPoints: 44, accommodatedDueDate: "2026-12-01 06:59:00", isEverReassigned: true, assessmentGroup: { id: "grp", name: "Team &amp; 1" }, assignmentSubmission: { id: "s", submissionDate: "2026-11-20T17:00:00Z" } },
      { points: 50.5 },
    );
    const sub = {
      id: "s", status: "SUBMITTED", submissionDate: "2026-11-20T18:00:00Z",
      resources: [{ id: "r", uploadDate: "2026-11-20T18:00:00Z", wordCount: 1200, similarityScore: 12.345, resource: { id: "file-1", name: "essay.docx" } }, { id: "r2", similarityScore: 0, resource: { id: "file-2", name: null } }, null],
    } as RawSubmission;
    expect(renderDetails({ assessment: full, grade: g, submission: sub, classLabel: "CST-1", link: "https://h/x", maxChars: 10000 }, CLOCK)).toBe([
      "# Essay & Plan (CST-1)",
      "assignment · 50.5 points · due: Mon Nov 30 11:59 PM · accommodated · opens: Wed Nov 25 12 AM",
      "LopesWrite similarity check required · group assignment · in person",
      "Tags: benchmark",
      "Open in Halo: https://h/x",
      "assessment_id: a-pub",
      "",
      "## Instructions",
      "> Write **it**",
      "",
      '## Rubric "Essay & rubric"',
      "> - Criterion",
      ">   - Lvl",
      "> - Content (30 pts): Ideas and more",
      ">   - Level (30)",
      ">   - Ok (25): fine",
      "",
      "## Attachments (resource_id is for download_resource)",
      "- Guide.pdf · resource_id: res-1",
      "- file · resource_id: res-3",
      "",
      "## Your work",
      "Status: graded · submitted: Fri Nov 20 11 AM · score: 44/50.5 (87.1%) · reassigned before",
      "Group: Team & 1",
      "Files attached (2; resource_id is for download_resource):",
      "- essay.docx · uploaded: Fri Nov 20 11 AM · words: 1200 · similarity: 12.35% · resource_id: file-1",
      "- file · similarity: 0% · resource_id: file-2",
    ].join("\n"));
  });

  it("a bare item: no points, no due date, no instructions, nothing started", () => {
    expect(renderDetails({ assessment: { id: "b", title: "Bare", type: "QUIZ" }, classLabel: "CST-1", link: "L", maxChars: 100 }, CLOCK)).toBe([
      "# Bare (CST-1)", "quiz", "Open in Halo: L", "assessment_id: b", "", "## Instructions", "(Halo shows no written instructions for this item.)", "", "## Your work", "Status: not started",
    ].join("\n"));
  });

  it("clips long instructions with the way to read on; a started submission without files says so", () => {
    const a: RawAssessment = { id: "b", title: "Bare", type: "ASSIGNMENT", points: 0, startDate: "2026-11-01 07:00:00", description: `<p>${"word ".repeat(50)}</p>`, rubric: { criteria: [] } };
    const text = renderDetails({ assessment: a, submission: { id: "s", status: "IN_PROGRESS", resources: [] }, classLabel: "CST-1", link: "L", maxChars: 60 }, CLOCK);
    expect(text).toBe([
      "# Bare (CST-1)", "assignment · 0 points", "Open in Halo: L", "assessment_id: b", "", "## Instructions",
      `> ${"word ".repeat(12).trim()}`,
      "> [… truncated: showed 59 of 249 characters. Call assignment_details again with a larger max_chars for the rest.]",
      "", "## Your work", "Status: in progress", "No files attached yet.",
    ].join("\n"));
  });

  it("an unpublished grade shows its status and no relative phrase for work already in, never its points; the assessment's accommodated date counts", () => {
    const g = grade({ id: "g", status: "SUBMITTED", finalPoints: 7.77, userQuizAssessment: { submissionDate: "2026-11-20T17:00:00Z" } }, { points: 10 });
    const text = renderDetails({ assessment: { id: "q", title: "Q", type: "QUIZ", points: 10, accommodatedDueDate: "2026-11-28 06:59:00" }, grade: g, classLabel: "C", link: "L", maxChars: 100 }, CLOCK);
    expect(text.split("\n")[1]).toBe("quiz · 10 points · due: Fri Nov 27 11:59 PM · accommodated");
    expect(text.split("\n").at(-1)).toBe("Status: submitted · submitted: Fri Nov 20 10 AM");
    expect(text).not.toContain("7.77");
  });
});

describe("renderDetails edges", () => {
  const base: RawAssessment = { id: "e", title: "E", type: "ASSIGNMENT", points: null, startDate: "2026-11-21 17:00:00", tags: ["BENCHMARK", "WRITING_INTENSIVE"] };

  it("no points, opening exactly now (so not 'opens'), several tags, a bare grade row and a submission without status", () => {
    const g = grade({ id: "g", status: "ACTIVE", dueDate: null }, { dueDate: null });
    const text = renderDetails({ assessment: base, grade: g, submission: { id: "s", status: null, resources: [{ id: "r", resource: null }, { id: "r2", similarityScore: null, resource: { id: "f2", name: "b.pdf" } }] }, classLabel: "C", link: "L", maxChars: 100 }, CLOCK);
    expect(text.split("\n").slice(0, 3)).toEqual(["# E (C)", "assignment", "Tags: benchmark, writing intensive"]);
    expect(text.split("\n").slice(-4)).toEqual(["Status: not submitted", "Files attached (2; resource_id is for download_resource):", "- file", "- b.pdf · resource_id: f2"]);
    const noStatus = renderDetails({ assessment: base, submission: { id: "s", status: null }, classLabel: "C", link: "L", maxChars: 100 }, CLOCK);
    expect(noStatus.split("\n").slice(-2)).toEqual(["Status: not started", "No files attached yet."]);
  });

  it("rubric criteria and levels in order even without sequence or points; multi-line descriptions become one line", () => {
    const a: RawAssessment = {
      ...base,
      rubric: {
        criteria: [
          { id: "c3", name: "Third", sequence: 3, achievementLevels: [] },
          { id: "c0", name: "Zero", sequence: null, description: "<p>one<br>two</p>", achievementLevels: [
            { cellId: "m", name: "Mid", points: 5, description: "<p>x<br>y</p>" },
            { cellId: "n", name: "None" },
            { cellId: "h", name: "High", points: 9 },
          ] },
          { id: "c1", name: "First", sequence: 1, achievementLevels: null },
          { id: "c2", name: "Second", sequence: 2, achievementLevels: null },
        ],
      },
    };
    const text = renderDetails({ assessment: a, classLabel: "C", link: "L", maxChars: 100 }, CLOCK);
    const rubric = text.slice(text.indexOf("## Rubric"), text.indexOf("\n\n## Your work"));
    expect(rubric.split("\n")).toEqual([
      "## Rubric",
      "> - Zero: one two",
      ">   - High (9)",
      ">   - Mid (5): x y",
      ">   - None",
      "> - First",
      "> - Second",
      "> - Third",
    ]);
  });
});
